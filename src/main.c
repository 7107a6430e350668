/* main: the command line. Reads options, loads the document, and either
 * prints a non-interactive view (outline, JSON, dump) or starts the reader.
 *
 * Exit codes: 0 success; 1 a document or data file could not be used;
 * 2 usage error; 3 the terminal could not be used. */
#include <build-config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "catalog.h"
#include "cli/cli_compare.h"
#include "cli/cli_info.h"
#include "cli/cli_library.h"
#include "cli/cli_notes.h"
#include "cli/cli_out.h"
#include "cli/cli_parallel.h"
#include "cli/cli_refs.h"
#include "cli/cli_view.h"
#include "config.h"
#include "doc.h"
#include "doc_open.h"
#include "notes_export.h"
#include "notes_import.h"
#include "parse.h"
#include "paths.h"
#include "refs.h"
#include "theme.h"
#include "util.h"
#include "ui/compare_ui.h"
#include "ui/parallel_ui.h"
#include "ui/ui.h"

#define EXIT_DATA 1
#define EXIT_USAGE 2

enum mode {
	MODE_READ, MODE_OUTLINE, MODE_JSON, MODE_DUMP, MODE_REFS, MODE_LIST,
	MODE_NOTES, MODE_NOTES_EXPORT, MODE_NOTES_IMPORT, MODE_NOTE_ADD,
	MODE_NOTE_DELETE, MODE_INFO,
};

enum {
	OPT_OUTLINE = 0x100, OPT_JSON, OPT_DUMP, OPT_LANG, OPT_CONFIG,
	OPT_THEME, OPT_NO_COLOR, OPT_NOTES_DB, OPT_HELP_CONFIG, OPT_REFS,
	OPT_LIST, OPT_LIBRARY_DB, OPT_NOTES, OPT_NOTES_EXPORT, OPT_NOTES_IMPORT,
	OPT_NOTE_ADD, OPT_NOTE_TEXT, OPT_TAG, OPT_NOTE_DELETE, OPT_LIST_THEMES,
	OPT_FORCE, OPT_INFO, OPT_COMPARE, OPT_PARALLEL,
};

static const struct option long_options[] = {
	{ "outline", no_argument, NULL, OPT_OUTLINE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "info", no_argument, NULL, OPT_INFO },
	{ "width", required_argument, NULL, 'w' },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "notes-db", required_argument, NULL, OPT_NOTES_DB },
	{ "help-config", no_argument, NULL, OPT_HELP_CONFIG },
	{ "list-themes", no_argument, NULL, OPT_LIST_THEMES },
	{ "refs", no_argument, NULL, OPT_REFS },
	{ "list", no_argument, NULL, OPT_LIST },
	{ "library-db", required_argument, NULL, OPT_LIBRARY_DB },
	{ "notes", no_argument, NULL, OPT_NOTES },
	{ "notes-export", required_argument, NULL, OPT_NOTES_EXPORT },
	{ "notes-import", required_argument, NULL, OPT_NOTES_IMPORT },
	{ "note-add", required_argument, NULL, OPT_NOTE_ADD },
	{ "text", required_argument, NULL, OPT_NOTE_TEXT },
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "note-delete", required_argument, NULL, OPT_NOTE_DELETE },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "compare", no_argument, NULL, OPT_COMPARE },
	{ "parallel", no_argument, NULL, OPT_PARALLEL },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void
usage(FILE *out)
{
	fputs("Usage: lectern [OPTION]... [FILE | DIR | FILE...]\n"
	      "       lectern --refs|--list FILE|DIR...\n"
	      "Read a United Nations document in the terminal: reflowed text, an outline\n"
	      "of its structure, notes and references. With no FILE, opens the bundled\n"
	      "declaration; FILE '-' reads standard input. A directory or several files\n"
	      "open a library: a list of documents and the references they share.\n"
	      "\n"
	      "Non-interactive views (printed to standard output):\n"
	      "      --outline        the document's structure, one node per line\n"
	      "      --json           the document model as JSON\n"
	      "      --dump           the reflowed text, wrapped\n"
	      "  -w, --width=N        wrap --dump at N columns (default 80)\n"
	      "      --info           what is known of it: symbol, date, languages,\n"
	      "                       session, agenda items, pages… as key: value lines\n"
	      "      --refs           references (agenda items, resolutions, symbols) of\n"
	      "                       each FILE or every document under DIR, tab-separated\n"
	      "      --list           the documents under each DIR: path, symbol, date,\n"
	      "                       language, title (uses the library index)\n"
	      "      --compare OLD NEW  what changed between two versions, clause by\n"
	      "                       clause (--json: for scripts; on a terminal\n"
	      "                       the reader shows it, --dump prints it)\n"
	      "      --parallel A B   two language versions aligned clause by clause\n"
	      "                       (--json: the pairs; --dump: two columns; on a\n"
	      "                       terminal the reader shows them side by side)\n"
	      "\n"
	      "Notes:\n"
	      "      --notes          list the notes of FILE\n"
	      "      --notes-export=md|json  export them as Markdown or W3C Web\n"
	      "                       Annotation JSON-LD\n"
	      "      --notes-import=JSON  import annotations into FILE's notes\n"
	      "      --force          with --notes-import: also import notes made on\n"
	      "                       another document\n"
	      "      --note-add=WHERE --text=TEXT [--tag=T]...  add a note on node\n"
	      "                       WHERE (a path or a citation, or WHERE@QUOTE) of FILE\n"
	      "      --note-delete=ID move note ID to the trash\n"
	      "\n"
	      "Options:\n"
	      "      --lang=LANG      document language: en, es, fr, ru (default: detect)\n"
	      "      --config=FILE    read settings from FILE instead of\n"
	      "                       $XDG_CONFIG_HOME/lectern/config.ini\n"
	      "      --theme=NAME     colour theme (default, dark, light, mono, paper, or\n"
	      "                       a file)\n"
	      "      --no-color       no colours (also when NO_COLOR is set)\n"
	      "      --notes-db=FILE  the notes database (default\n"
	      "                       $XDG_DATA_HOME/lectern/notes.db)\n"
	      "      --library-db=FILE  the library index (default\n"
	      "                       $XDG_DATA_HOME/lectern/library.db)\n"
	      "      --help-config    list the settings config.ini accepts\n"
	      "      --list-themes    list the themes lectern can find\n"
	      "  -h, --help           show this help and exit\n"
	      "  -V, --version        show the version and exit\n"
	      "\n"
	      "In the reader, press h for the keys, q to quit.\n"
	      "Exit status: 0 success, 1 unusable document or data file, 2 usage error,\n"
	      "3 unusable terminal.\n", out);
}

static int
parse_width(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 10 || v > 10000)
		return -1;
	*out = (int)v;
	return 0;
}

/* The bundled declaration, in the bundled directory (paths.h). */
static char *
default_document(void)
{
	char *dir = paths_bundled_dir();
	char *p = xasprintf("%s/cis-declaration-2020.txt", dir);
	free(dir);
	return p;
}

static catalog *
load_catalog(void)
{
	char *warnings = NULL;
	catalog *cat = catalog_load_default(NULL, &warnings);
	if (warnings) {
		cli_out_error(stderr, "%s", warnings);
		free(warnings);
	}
	return cat;
}

/* --refs and --list over files and directories. */
static int
run_many(enum mode mode, char **paths, size_t npaths, const char *lang,
	 const char *library_db)
{
	catalog *cat = load_catalog();
	int rc;
	if (mode == MODE_REFS)
		rc = cli_refs_run((const char *const *)paths, npaths, library_db,
				  lang, cat, stdout, stderr);
	else
		rc = cli_library_list((const char *const *)paths, npaths, library_db,
				      lang, cat, stdout, stderr);
	catalog_free(cat);
	return rc;
}

static int
run_one(enum mode mode, doc *d, int width, const char *notes_db,
	const char *mode_arg, const char *note_text, const char *const *tags,
	unsigned import_flags)
{
	switch (mode) {
	case MODE_OUTLINE: return cli_view_print(CLI_VIEW_OUTLINE, d, width, stdout, stderr);
	case MODE_JSON: return cli_view_print(CLI_VIEW_JSON, d, width, stdout, stderr);
	case MODE_DUMP: return cli_view_print(CLI_VIEW_DUMP, d, width, stdout, stderr);
	case MODE_NOTES: return cli_notes_list(d, notes_db, stdout, stderr);
	case MODE_NOTES_EXPORT:
		return cli_notes_export(d, notes_db, mode_arg, stdout, stderr);
	case MODE_NOTES_IMPORT:
		return cli_notes_import(d, notes_db, mode_arg, import_flags,
					stdout, stderr);
	case MODE_NOTE_ADD:
		return cli_notes_add(d, notes_db, mode_arg, note_text, tags,
				     stdout, stderr);
	default: return EXIT_USAGE;
	}
}

/* getopt_long's complaint, said our way: "lectern:" (not the whole
 * argv[0]) and the option in visible form. arg: the word that failed. */
static void
bad_option(const char *arg)
{
	if (optopt && (optopt >= OPT_OUTLINE || (arg && !strncmp(arg, "--", 2)))) {
		for (const struct option *o = long_options; o->name; o++)
			if (o->val == optopt) {
				cli_out_error(stderr, o->has_arg == no_argument
					      ? "option '--%s' takes no argument"
					      : "option '--%s' needs an argument", o->name);
				return;
			}
	}
	if (optopt && strchr("w", optopt)) {
		cli_out_error(stderr, "option '-%c' needs an argument", optopt);
		return;
	}
	if (optopt > 0 && optopt < 0x100 && arg && arg[0] == '-' && arg[1] != '-') {
		cli_out_error(stderr, "unknown option '-%c'", optopt);
		return;
	}
	cli_out_error(stderr, "unknown option '%s'", arg ? arg : "?");
}

int
main(int argc, char **argv)
{
	enum mode mode = MODE_READ, want = MODE_READ;
	int width = 80, c, no_color = 0, force = 0, pair = 0;
	const char *lang = NULL, *config_path = NULL, *theme_name = NULL;
	const char *notes_db = NULL, *library_db = NULL, *mode_arg = NULL;
	const char *note_text = NULL;
	const char **tags = xcalloc((size_t)argc + 1, sizeof *tags);
	size_t ntags = 0;
	int rc = 0;

	setlocale(LC_ALL, "");
	opterr = 0;	/* bad_option says it, without argv[0] */
	while ((c = getopt_long(argc, argv, "w:hV", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_OUTLINE: want = MODE_OUTLINE; break;
		case OPT_JSON: want = MODE_JSON; break;
		case OPT_DUMP: want = MODE_DUMP; break;
		case OPT_INFO: want = MODE_INFO; break;
		case OPT_REFS: want = MODE_REFS; break;
		case OPT_LIST: want = MODE_LIST; break;
		case OPT_NOTES: want = MODE_NOTES; break;
		case OPT_NOTES_EXPORT:
			if (strcmp(optarg, "md") && strcmp(optarg, "json")) {
				cli_out_error(stderr, "--notes-export: '%s' is not md or json", optarg);
				rc = EXIT_USAGE;
				goto out;
			}
			want = MODE_NOTES_EXPORT; mode_arg = optarg; break;
		case OPT_NOTES_IMPORT: want = MODE_NOTES_IMPORT; mode_arg = optarg; break;
		case OPT_NOTE_ADD: want = MODE_NOTE_ADD; mode_arg = optarg; break;
		case OPT_NOTE_TEXT: note_text = optarg; break;
		case OPT_TAG: tags[ntags++] = optarg; break;
		case OPT_NOTE_DELETE: want = MODE_NOTE_DELETE; mode_arg = optarg; break;
		case OPT_FORCE: force = 1; break;
		case OPT_COMPARE: case OPT_PARALLEL: pair = c; break;
		case 'w':
			if (parse_width(optarg, &width) < 0) {
				cli_out_error(stderr, "--width: '%s' is not a width from 10 to 10000", optarg);
				rc = EXIT_USAGE;
				goto out;
			}
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") && strcmp(optarg, "es") &&
			    strcmp(optarg, "fr") && strcmp(optarg, "ru")) {
				cli_out_error(stderr, "--lang: '%s' is not one of en, es, fr, ru", optarg);
				rc = EXIT_USAGE;
				goto out;
			}
			lang = optarg;
			break;
		case OPT_CONFIG: config_path = optarg; break;
		case OPT_THEME: theme_name = optarg; break;
		case OPT_NO_COLOR: no_color = 1; break;
		case OPT_NOTES_DB: notes_db = optarg; break;
		case OPT_LIBRARY_DB: library_db = optarg; break;
		case OPT_HELP_CONFIG: config_describe(stdout); goto out;
		case OPT_LIST_THEMES: theme_list(stdout); goto out;
		case 'h': usage(stdout); goto out;
		case 'V': printf("lectern %s\n", PACKAGE_VERSION); goto out;
		default:
			bad_option(argv[optind - 1]);
			fputs("Try 'lectern --help' for more information.\n", stderr);
			rc = EXIT_USAGE;
			goto out;
		}
		if (want != MODE_READ) {
			/* One view per run: "--dump --outline" is a mistake,
			 * not a request for the last one named. */
			if (mode != MODE_READ && mode != want) {
				cli_out_error(stderr, "%s cannot be combined with the mode chosen before it",
					      argv[optind - 1]);
				rc = EXIT_USAGE;
				goto out;
			}
			mode = want;
			want = MODE_READ;
		}
	}
	size_t nargs = (size_t)(argc - optind);

	/* "-" with a terminal as standard input: nothing is piped in, and
	 * the reader would wait on a blank screen */
	for (size_t i = 0; i < nargs; i++) {
		if (!strcmp(argv[optind + (int)i], "-") && isatty(STDIN_FILENO)) {
			cli_out_error(stderr, "standard input is a terminal: pipe a document "
				      "in, e.g. pdftotext -layout doc.pdf - | lectern -");
			rc = EXIT_USAGE;
			goto out;
		}
	}

	/* --compare, --parallel on a terminal with neither --json nor
	 * --dump: the reader (below, once the config is read). */
	int pair_reader = pair && mode == MODE_READ && isatty(STDOUT_FILENO);
	if (pair) {	/* --compare, --parallel: two documents */
		if (nargs != 2 || (mode != MODE_READ && mode != MODE_JSON &&
				   mode != MODE_DUMP)) {
			fprintf(stderr, "lectern: --%s needs two files%s\n",
				pair == OPT_COMPARE ? "compare" : "parallel",
				" (and takes only --json or --dump)");
			rc = EXIT_USAGE;
			goto out;
		}
	}
	if (pair && !pair_reader) {
		if (pair == OPT_COMPARE)
			rc = cli_compare_run(argv[optind], argv[optind + 1], mode == MODE_JSON,
					     width, lang, stdout, stderr);
		else
			rc = cli_parallel_run(argv[optind], argv[optind + 1],
					      mode == MODE_JSON ? CLI_PARALLEL_JSON :
					      mode == MODE_DUMP ? CLI_PARALLEL_DUMP : CLI_PARALLEL_TABLE,
					      width, lang, stdout, stderr);
		goto out;
	}
	if (mode == MODE_NOTE_ADD && !note_text) {
		fputs("lectern: --note-add needs --text=TEXT\n", stderr);
		rc = EXIT_USAGE;
		goto out;
	}
	if (force && mode != MODE_NOTES_IMPORT) {
		fputs("lectern: --force goes with --notes-import\n", stderr);
		rc = EXIT_USAGE;
		goto out;
	}
	if (mode == MODE_NOTE_DELETE) {
		rc = cli_notes_delete(notes_db, mode_arg, stderr);
		goto out;
	}
	if (mode == MODE_REFS || mode == MODE_LIST) {
		if (nargs == 0 && mode == MODE_LIST) {
			fputs("lectern: --list needs a FILE or DIR\n", stderr);
			rc = EXIT_USAGE;
			goto out;
		}
		if (nargs == 0) {	/* --refs of the bundled declaration */
			char *def = default_document();
			rc = run_many(mode, &def, 1, lang, library_db);
			free(def);
		} else {
			rc = run_many(mode, argv + optind, nargs, lang, library_db);
		}
		goto out;
	}
	if (nargs > 1 && mode != MODE_READ) {
		fprintf(stderr, "lectern: one document at a time (got %zu)\n", nargs);
		rc = EXIT_USAGE;
		goto out;
	}

	config cfg;
	char *err = NULL;
	if (config_load(&cfg, config_path, &err) < 0) {
		/* The reader refuses a bad config.ini before taking the
		 * terminal (its message would be lost); the views on the
		 * command line do not use it and only warn. */
		config_clear(&cfg);
		if (mode == MODE_READ) {
			cli_out_error(stderr, "%s", err);
			free(err);
			rc = EXIT_DATA;
			goto out;
		}
		cli_out_error(stderr, "warning: %s (not used by this view)", err);
		free(err);
		err = NULL;
		config_defaults(&cfg);
	}
	if (mode == MODE_READ) {
		/* A theme that cannot be used is said before the terminal is
		 * taken over, like a bad config.ini. */
		struct theme th;
		if (theme_load(&th, theme_name ? theme_name : cfg.theme, &err) < 0) {
			cli_out_error(stderr, "%s", err);
			free(err);
			theme_clear(&th);
			config_clear(&cfg);
			rc = EXIT_DATA;
			goto out;
		}
		theme_clear(&th);
	}

	if (pair_reader) {
		ui_options uo = { .cfg = &cfg, .theme = theme_name, .no_color = no_color,
				  .notes_db = notes_db };
		rc = pair == OPT_COMPARE
			? compare_ui_run(argv[optind], argv[optind + 1], lang, &uo)
			: parallel_ui_run(argv[optind], argv[optind + 1], lang, &uo);
		config_clear(&cfg);
		goto out;
	}

	/* A directory or several files: the reader on a library. */
	struct stat dst;
	if (mode == MODE_READ && (nargs > 1 || (nargs == 1 &&
	    stat(argv[optind], &dst) == 0 && S_ISDIR(dst.st_mode)))) {
		ui_options uo = { .cfg = &cfg, .theme = theme_name, .no_color = no_color,
				  .notes_db = notes_db, .library_db = library_db,
				  .lang = lang };
		rc = ui_run_library((const char *const *)argv + optind, nargs, &uo);
		config_clear(&cfg);
		goto out;
	}

	char *path = nargs ? xstrdup(argv[optind]) : default_document();
	/* what the model changed to keep the terminal safe, said once (the
	 * file's name in visible form): on stderr, or by the reader on its
	 * message line (stderr is under the screen then) */
	char *report = NULL;
	doc_open_options dopt = { .lang = lang, .report_prefix = "lectern: " };
	doc_open_job *rest = NULL;	/* the reader shows a beginning first */
	doc *d = mode == MODE_READ ? doc_open_first(path, &dopt, &report, &err, &rest)
		: doc_open(path, &dopt, &report, &err);
	if (!d) {
		cli_out_error(stderr, "%s", err ? err : path);
		free(err);
		free(path);
		config_clear(&cfg);
		rc = EXIT_DATA;
		goto out;
	}
	if (report && mode != MODE_READ && mode != MODE_INFO)
		cli_out_say(stderr, "%s", report);	/* visible already */

	if (mode == MODE_READ) {
		ui_options uo = { .cfg = &cfg, .theme = theme_name, .no_color = no_color,
				  .notes_db = notes_db, .notice = report, .rest = rest };
		rc = ui_run(d, &uo);
	} else if (mode == MODE_INFO) {	/* the report is in its lines */
		catalog *cat = load_catalog();
		rc = cli_info_print(d, cat, report, stdout, stderr);
		catalog_free(cat);
	} else {
		rc = run_one(mode, d, width, notes_db, mode_arg, note_text, tags,
			     force ? NOTES_IMPORT_FORCE : 0);
		if (rc == 0 && fflush(stdout) == EOF) {	/* the notes views */
			cli_out_error(stderr, "write error: %s", strerror(errno));
			rc = EXIT_DATA;
		}
	}
	doc_free(d);
	free(report);
	free(path);
	config_clear(&cfg);
out:
	free(tags);
	return rc;
}
