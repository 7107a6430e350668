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

#include "config.h"
#include "doc.h"
#include "export.h"
#include "parse.h"
#include "source.h"
#include "util.h"
#include "ui/ui.h"

#define EXIT_DATA 1
#define EXIT_USAGE 2

enum mode { MODE_READ, MODE_OUTLINE, MODE_JSON, MODE_DUMP };

enum {
	OPT_OUTLINE = 0x100, OPT_JSON, OPT_DUMP, OPT_LANG, OPT_CONFIG,
	OPT_THEME, OPT_NO_COLOR, OPT_NOTES_DB, OPT_HELP_CONFIG,
};

static const struct option long_options[] = {
	{ "outline", no_argument, NULL, OPT_OUTLINE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "width", required_argument, NULL, 'w' },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "notes-db", required_argument, NULL, OPT_NOTES_DB },
	{ "help-config", no_argument, NULL, OPT_HELP_CONFIG },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void
usage(FILE *out)
{
	fputs("Usage: lectern [OPTION]... [FILE]\n"
	      "Read a United Nations document in the terminal: reflowed text, an outline\n"
	      "of its structure, notes and references. With no FILE, opens the bundled\n"
	      "declaration; FILE '-' reads standard input.\n"
	      "\n"
	      "Non-interactive views (printed to standard output):\n"
	      "      --outline        the document's structure, one node per line\n"
	      "      --json           the document model as JSON\n"
	      "      --dump           the reflowed text, wrapped\n"
	      "  -w, --width=N        wrap --dump at N columns (default 80)\n"
	      "\n"
	      "Options:\n"
	      "      --lang=LANG      document language: en, es, fr, ru (default: detect)\n"
	      "      --config=FILE    read settings from FILE instead of\n"
	      "                       $XDG_CONFIG_HOME/lectern/config.ini\n"
	      "      --theme=NAME     colour theme (default, dark, light, mono, or a file)\n"
	      "      --no-color       no colours (also when NO_COLOR is set)\n"
	      "      --notes-db=FILE  the notes database (default\n"
	      "                       $XDG_DATA_HOME/lectern/notes.db)\n"
	      "      --help-config    list the settings config.ini accepts\n"
	      "  -h, --help           show this help and exit\n"
	      "  -V, --version        show the version and exit\n"
	      "\n"
	      "In the reader, press ? for the keys, q to quit.\n"
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

/* The bundled declaration: installed under PKGDATADIR, or in the source
 * tree when run from the build directory. */
static char *
default_document(void)
{
	static const char rel[] = "cis-declaration-2020.txt";
	char *p = xasprintf("%s/%s", PKGDATADIR, rel);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
#ifdef LECTERN_SRCDIR
	p = xasprintf("%s/data/%s", LECTERN_SRCDIR, rel);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
#endif
	return xasprintf("%s/%s", PKGDATADIR, rel);
}

int
main(int argc, char **argv)
{
	enum mode mode = MODE_READ;
	int width = 80, c;
	const char *lang = NULL, *config_path = NULL, *theme = NULL;
	const char *notes_db = NULL;
	int no_color = 0;

	setlocale(LC_ALL, "");
	while ((c = getopt_long(argc, argv, "w:hV", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_OUTLINE: mode = MODE_OUTLINE; break;
		case OPT_JSON: mode = MODE_JSON; break;
		case OPT_DUMP: mode = MODE_DUMP; break;
		case 'w':
			if (parse_width(optarg, &width) < 0) {
				fprintf(stderr, "lectern: --width: '%s' is not a width from 10 to 10000\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") && strcmp(optarg, "es") &&
			    strcmp(optarg, "fr") && strcmp(optarg, "ru")) {
				fprintf(stderr, "lectern: --lang: '%s' is not one of en, es, fr, ru\n", optarg);
				return EXIT_USAGE;
			}
			lang = optarg;
			break;
		case OPT_CONFIG: config_path = optarg; break;
		case OPT_THEME: theme = optarg; break;
		case OPT_NO_COLOR: no_color = 1; break;
		case OPT_NOTES_DB: notes_db = optarg; break;
		case OPT_HELP_CONFIG: config_describe(stdout); return 0;
		case 'h': usage(stdout); return 0;
		case 'V': printf("lectern %s\n", PACKAGE_VERSION); return 0;
		default:
			fputs("Try 'lectern --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "lectern: one document at a time (got %d)\n", argc - optind);
		return EXIT_USAGE;
	}

	config cfg;
	char *err = NULL;
	if (config_load(&cfg, config_path, &err) < 0) {
		fprintf(stderr, "lectern: %s\n", err);
		free(err);
		config_free(&cfg);
		return EXIT_DATA;
	}

	char *path = optind < argc ? xstrdup(argv[optind]) : default_document();
	source src;
	if (source_load(path, &src, &err) < 0) {
		fprintf(stderr, "lectern: %s\n", err);
		free(err);
		free(path);
		config_free(&cfg);
		return EXIT_DATA;
	}
	if (src.invalid_bytes)
		fprintf(stderr, "lectern: %s: %zu invalid UTF-8 byte%s shown as U+FFFD\n",
			path, src.invalid_bytes, src.invalid_bytes == 1 ? "" : "s");

	parse_options popt = { .lang = lang };
	doc *d = parse_document(path, src.data, src.len, &popt);
	d->meta.invalid_bytes = src.invalid_bytes;
	source_free(&src);

	int rc = 0;
	switch (mode) {
	case MODE_OUTLINE: rc = export_outline(d, stdout); break;
	case MODE_JSON: rc = export_json(d, stdout); break;
	case MODE_DUMP: rc = export_dump(d, width, stdout); break;
	case MODE_READ: {
		ui_options uo = { .cfg = &cfg, .theme = theme, .no_color = no_color,
				  .notes_db = notes_db };
		rc = ui_run(d, &uo);
		break;
	}
	}
	if (mode != MODE_READ && (rc < 0 || fflush(stdout) == EOF)) {
		fprintf(stderr, "lectern: write error: %s\n", strerror(errno));
		rc = EXIT_DATA;
	}
	doc_free(d);
	free(path);
	config_free(&cfg);
	return rc;
}
