/* test_config: config.ini loading and validation, and the config_ini front
 * end (its line index, iniparser's values) against iniparser 4.1 itself.
 * Fixtures: tests/data/config/. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include "config.h"
#include "util.h"

/* Absolute: XDG_CONFIG_HOME must be absolute (a relative one is ignored,
 * as the XDG spec says), and an in-tree build has top_srcdir ".". */
static char *
fixture(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *abs = realpath(top ? top : ".", NULL);
	char *p = xasprintf("%s/tests/data/config/%s", abs ? abs : ".", name);
	free(abs);
	return p;
}

/* Loads a fixture that must fail; checks "PATH:LINE: " and a fragment of
 * the message, and that cfg holds the defaults afterwards. */
static void
expect_error(const char *name, int line, const char *fragment)
{
	char *path = fixture(name);
	config cfg;
	char *err = NULL;
	int rc = config_load(&cfg, path, &err);
	if (rc == 0 || !err)
		fail_msg("%s: loaded without error", name);
	char *want = line > 0 ? xasprintf("%s:%d: ", path, line) : xasprintf("%s: ", path);
	if (strncmp(err, want, strlen(want)))
		fail_msg("%s: error '%s' does not start with '%s'", name, err, want);
	if (!strstr(err, fragment))
		fail_msg("%s: error '%s' does not say '%s'", name, err, fragment);
	/* defaults after an error */
	assert_string_equal(cfg.theme, "default");
	assert_int_equal(cfg.outline_cols, CONFIG_AUTO);
	assert_int_equal(cfg.nbindings, 0);
	assert_null(cfg.path);
	config_clear(&cfg);
	free(want);
	free(err);
	free(path);
}

static void
test_defaults(void **state)
{
	(void)state;
	config cfg;
	config_defaults(&cfg);
	assert_string_equal(cfg.theme, "default");
	assert_int_equal(cfg.outline_cols, CONFIG_AUTO);	/* "auto" */
	assert_int_equal(cfg.notes_cols, 36);
	assert_int_equal(cfg.text_cols, 100);
	assert_int_equal(cfg.mouse, 1);
	assert_int_equal(cfg.show_numbers, 1);
	assert_int_equal(cfg.nbindings, 0);
	assert_null(cfg.path);
	config_clear(&cfg);
}

static void
test_good_file(void **state)
{
	(void)state;
	char *path = fixture("good.ini");
	config cfg;
	char *err = NULL;
	if (config_load(&cfg, path, &err) < 0)
		fail_msg("%s", err);
	assert_string_equal(cfg.path, path);
	assert_string_equal(cfg.theme, "dark");
	assert_int_equal(cfg.outline_cols, 42);	/* "042": decimal */
	assert_int_equal(cfg.notes_cols, 0);
	assert_int_equal(cfg.text_cols, 72);
	assert_int_equal(cfg.mouse, 0);		/* "off" */
	assert_int_equal(cfg.show_numbers, 1);	/* "\"yes\"" */
	assert_int_equal(cfg.nbindings, 5);
	/* case kept: "g" and "G" are two bindings, in file order */
	assert_string_equal(cfg.bindings[0].key, "g");
	assert_string_equal(cfg.bindings[0].action, "top");
	assert_int_equal(cfg.bindings[0].line, 13);
	assert_string_equal(cfg.bindings[1].key, "G");
	assert_string_equal(cfg.bindings[1].action, "bottom");
	assert_int_equal(cfg.bindings[1].line, 14);
	assert_string_equal(cfg.bindings[2].key, "C-d");
	assert_string_equal(cfg.bindings[3].key, "PageDown");
	assert_string_equal(cfg.bindings[4].action, "quit");
	assert_int_equal(cfg.bindings[4].line, 17);
	config_clear(&cfg);
	free(path);
}

static void
test_crlf_bom_continuation(void **state)
{
	(void)state;
	config cfg;
	char *err = NULL;
	char *path = fixture("crlf.ini");
	if (config_load(&cfg, path, &err) < 0)
		fail_msg("%s", err);
	assert_string_equal(cfg.theme, "light");
	assert_int_equal(cfg.mouse, 0);
	assert_int_equal(cfg.nbindings, 1);
	assert_string_equal(cfg.bindings[0].key, "q");
	assert_string_equal(cfg.bindings[0].action, "quit");
	assert_int_equal(cfg.bindings[0].line, 6);
	config_clear(&cfg);
	free(path);

	path = fixture("bom.ini");
	if (config_load(&cfg, path, &err) < 0)
		fail_msg("%s", err);
	assert_string_equal(cfg.theme, "mono");
	assert_int_equal(cfg.outline_cols, 20);
	config_clear(&cfg);
	free(path);

	path = fixture("continued.ini");
	if (config_load(&cfg, path, &err) < 0)
		fail_msg("%s", err);
	assert_string_equal(cfg.theme, "dark");
	assert_int_equal(cfg.mouse, 0);
	config_clear(&cfg);
	free(path);

	path = fixture("longest-line.ini");	/* 1022 bytes: still fine */
	if (config_load(&cfg, path, &err) < 0)
		fail_msg("%s", err);
	assert_int_equal(cfg.mouse, 0);
	config_clear(&cfg);
	free(path);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("unknown-key.ini", 5, "unknown key 'outlne_cols' in [ui] (did you mean 'outline_cols'?)");
	expect_error("unknown-section.ini", 3, "unknown section [colors]");
	expect_error("bad-number.ini", 2, "outline_cols = '3O' is not a whole number (auto or 0..120)");
	expect_error("hex-number.ini", 3, "notes_cols = '0x1E' is not a whole number");
	expect_error("out-of-range.ini", 3, "notes_cols = 500 is out of range (0..120)");
	expect_error("text-cols-small.ini", 2, "text_cols = 5 is out of range (0 or 20..1000)");
	expect_error("bad-bool.ini", 2, "mouse = 'maybe' is not yes or no");
	expect_error("syntax.ini", 3, "'this line has no equals sign' is not a '[section]'");
	expect_error("section-comment.ini", 2, "text after ']'");
	expect_error("long-line.ini", 3, "line too long (1102 bytes; iniparser reads at most 1022)");
	expect_error("long-continued.ini", 3, "continuation lines included");
	expect_error("bom-error.ini", 3, "notes_cols = 'wide'");
	expect_error("hash-value.ini", 3, "'#' starts a comment here, so theme would be ''; "
		     "if '#' is part of the value, write theme = \"#ff8800\"");
	expect_error("section-as-key.ini", 4, "unknown key 'ui' in [ui]");
	expect_error("outside.ini", 1, "'theme' is outside any section");
	expect_error("duplicate.ini", 4, "'Theme' is set twice in [ui] (first on line 2)");
	expect_error("duplicate-binding.ini", 4, "'j' is set twice in [keys] (first on line 2)");
	expect_error("empty-action.ini", 3, "key 'k' has no action");
	expect_error("bad-theme.ini", 3, "theme 'no-such-theme' not found (looked in ");
	expect_error("continued-comment.ini", 2, "comment ends with '\\'");
	expect_error("nul.ini", 2, "NUL byte");
	expect_error("latin1.ini", 2, "not valid UTF-8");
	/* issue 11: iniparser reads "dark and +30 as dark and 30 */
	expect_error("unbalanced-quote.ini", 2, "the quote \" after 'theme =' is never closed");
	expect_error("plus-number.ini", 3, "notes_cols = '+30' is not a whole number");
	/* the key names are the UI's (keys.c): config keeps both bindings */
	{
		char *p = fixture("same-key-twice.ini");
		config cfg;
		char *err = NULL;
		assert_int_equal(config_load(&cfg, p, &err), 0);
		assert_int_equal(cfg.nbindings, 2);
		assert_int_equal(cfg.bindings[1].line, 6);
		config_clear(&cfg);
		free(p);
	}
}

static void
test_missing_files(void **state)
{
	(void)state;
	/* a missing --config file is an error */
	config cfg;
	char *err = NULL;
	assert_int_equal(config_load(&cfg, "/nonexistent/lectern.ini", &err), -1);
	assert_string_equal(err, "/nonexistent/lectern.ini: cannot open: No such file or directory");
	free(err);
	config_clear(&cfg);

	/* a directory */
	char *dir = fixture("xdg");
	assert_int_equal(config_load(&cfg, dir, &err), -1);
	assert_non_null(strstr(err, "is a directory"));
	free(err);
	config_clear(&cfg);
	free(dir);

	/* a FIFO is refused at once, not waited on (issue 11) */
	char fifo_dir[] = "/tmp/test_config-fifo-XXXXXX";
	assert_non_null(mkdtemp(fifo_dir));
	char *fifo = xasprintf("%s/config.ini", fifo_dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(config_load(&cfg, fifo, &err), -1);
	assert_non_null(strstr(err, "is a FIFO (named pipe), not a regular file"));
	free(err);
	config_clear(&cfg);
	unlink(fifo);
	rmdir(fifo_dir);
	free(fifo);

	/* a missing default file is not */
	char tmpl[] = "/tmp/test_config-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	setenv("XDG_CONFIG_HOME", tmpl, 1);
	assert_int_equal(config_load(&cfg, NULL, &err), 0);
	assert_null(cfg.path);
	assert_string_equal(cfg.theme, "default");
	config_clear(&cfg);
	rmdir(tmpl);

	/* a relative XDG_CONFIG_HOME is ignored (XDG spec): HOME is used */
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);
	setenv("HOME", "/nonexistent-home", 1);
	char *p = config_default_path();
	assert_string_equal(p, "/nonexistent-home/.config/lectern/config.ini");
	free(p);
	assert_int_equal(config_load(&cfg, NULL, &err), 0);
	config_clear(&cfg);
	/* HOME unset: the password database's home (paths.h), as for notes
	 * and the library (this was NULL: issue 8, one resolver) */
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	struct passwd *pw = getpwuid(getuid());
	p = config_default_path();
	if (pw && pw->pw_dir && pw->pw_dir[0] == '/') {
		char *want = xasprintf("%s/.config/lectern/config.ini", pw->pw_dir);
		assert_string_equal(p, want);
		free(want);
	} else {
		assert_null(p);
	}
	free(p);
}

static void
test_default_location(void **state)
{
	(void)state;
	char *xdg = fixture("xdg");
	setenv("XDG_CONFIG_HOME", xdg, 1);
	config cfg;
	char *err = NULL;
	if (config_load(&cfg, NULL, &err) < 0)
		fail_msg("%s", err);
	char *want = xasprintf("%s/lectern/config.ini", xdg);
	assert_string_equal(cfg.path, want);
	assert_string_equal(cfg.theme, "mine");	/* a user theme */
	assert_int_equal(cfg.outline_cols, 25);
	config_clear(&cfg);
	unsetenv("XDG_CONFIG_HOME");
	free(want);
	free(xdg);
}

/* --help-config prints a valid config.ini that gives the defaults. */
static void
test_describe_round_trip(void **state)
{
	(void)state;
	char path[] = "/tmp/test_config-describe-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	config_describe(f);
	fclose(f);
	f = fopen(path, "r");
	char line[512];
	int n = 0, settings = 0;
	while (fgets(line, sizeof line, f)) {
		n++;
		assert_true(strlen(line) <= 80);
		settings += strstr(line, " = ") && line[0] != ';';
	}
	fclose(f);
	assert_int_equal(settings, 8);
	config cfg, def;
	char *err = NULL;
	if (config_load(&cfg, path, &err) < 0)
		fail_msg("%s", err);
	config_defaults(&def);
	assert_string_equal(cfg.theme, def.theme);
	assert_int_equal(cfg.outline_cols, def.outline_cols);
	assert_int_equal(cfg.notes_cols, def.notes_cols);
	assert_int_equal(cfg.text_cols, def.text_cols);
	assert_int_equal(cfg.mouse, def.mouse);
	assert_int_equal(cfg.show_numbers, def.show_numbers);
	assert_string_equal(cfg.clipboard, def.clipboard);
	assert_string_equal(cfg.editor, def.editor);
	config_clear(&cfg);
	config_clear(&def);
	unlink(path);
	(void)n;
}

/* ---- config_ini against iniparser ---- */

static int
quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

static char *
write_temp(const char *text)
{
	char *path = xstrdup("/tmp/test_config-ini-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t n = strlen(text);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	return path;
}

/* Each line goes in "[s]\n" LINE "\n". expect: the value iniparser and
 * lectern read for key "k", or NULL when lectern must refuse the file. */
static const struct {
	const char *line;
	const char *value;
} lines[] = {
	{ "k = v", "v" },
	{ "k=v", "v" },
	{ "  k   =   two words  ", "two words" },
	{ "k = v ; comment", "v" },
	{ "k = v # comment", "v" },
	{ "k = \"a;b#c\"", "a;b#c" },
	{ "k = 'a;b#c'", "a;b#c" },
	{ "k = \"  spaced  \"", "  spaced  " },
	{ "k = \"quoted\" dropped", "quoted" },
	{ "k = 'x\"y'", "x\"y" },
	{ "k = \"\"", "" },
	{ "k = ''", "" },
	{ "k =", "" },
	{ "k = ;", "" },
	{ "k = #", "" },
	{ "k = a = b", "a = b" },
	{ "K = upper", "upper" },
	{ "k = Información — Ёжик 日本語", "Información — Ёжик 日本語" },
	{ "k = one \\\n  two", "one   two" },
	{ "k = v\t", "v" },
	{ "k = v\r", "v" },
	{ "k = http://x/a#frag", "http://x/a" },
	{ "no equals", NULL },
	{ "= v", NULL },
	{ "[s", NULL },
	{ "[s] ; comment", NULL },
	{ "[]", NULL },
	/* iniparser reads these as "unclosed" and "\"": refused (issue 11) */
	{ "k = \"unclosed", NULL },
	{ "k = \"", NULL },
	{ "k = 'open", NULL },
};

static void
test_ini_vs_iniparser(void **state)
{
	(void)state;
	iniparser_set_error_callback(quiet);
	for (size_t i = 0; i < ARRAY_LEN(lines); i++) {
		char *text = xasprintf("[s]\n%s\n", lines[i].line);
		char *path = write_temp(text);
		iniparser_set_error_callback(quiet);
		dictionary *d = iniparser_load(path);
		config_ini ini;
		char *err = NULL;
		int rc = config_ini_load(&ini, path, &err);
		/* wherever iniparser refuses a file, lectern does too */
		if (!d && rc == 0)
			fail_msg("line '%s': iniparser refuses it, lectern does not", lines[i].line);
		if (lines[i].value) {
			if (rc < 0)
				fail_msg("line '%s': %s", lines[i].line, err);
			assert_non_null(d);
			assert_string_equal(iniparser_getstring(d, "s:k", "(none)"), lines[i].value);
			assert_int_equal(ini.nitems, 2);
			assert_null(ini.items[0].key);
			assert_string_equal(ini.items[0].section, "s");
			assert_string_equal(ini.items[1].value, lines[i].value);
			assert_int_equal(ini.items[1].line, 2);
			config_ini_clear(&ini);
		} else {
			if (rc == 0)
				fail_msg("line '%s': lectern accepts it", lines[i].line);
			char *want = xasprintf("%s:2: ", path);
			if (strncmp(err, want, strlen(want)))
				fail_msg("line '%s': error '%s' lacks '%s'", lines[i].line, err, want);
			free(want);
			free(err);
		}
		if (d)
			iniparser_freedict(d);
		unlink(path);
		free(path);
		free(text);
	}
	iniparser_set_error_callback(NULL);
}

/* Line length at iniparser's limit: 1022 bytes load, 1023 do not. */
static void
test_ini_line_limit(void **state)
{
	(void)state;
	iniparser_set_error_callback(quiet);
	for (int len = 1020; len <= 1024; len++) {
		char *line = xmalloc((size_t)len + 1);
		memcpy(line, "k = ", 4);
		memset(line + 4, 'v', (size_t)len - 4);
		line[len] = '\0';
		char *text = xasprintf("[s]\n%s\nz = 1\n", line);
		char *path = write_temp(text);
		iniparser_set_error_callback(quiet);
		dictionary *d = iniparser_load(path);
		config_ini ini;
		char *err = NULL;
		int rc = config_ini_load(&ini, path, &err);
		assert_int_equal(rc == 0, d != NULL);
		assert_int_equal(rc == 0, len <= 1022);
		if (rc == 0)
			config_ini_clear(&ini);
		else
			assert_non_null(strstr(err, ":2: line too long"));
		free(err);
		if (d)
			iniparser_freedict(d);
		unlink(path);
		free(path);
		free(text);
		free(line);
	}
	iniparser_set_error_callback(NULL);
}

/* outline_cols takes "auto" (any case) as well as a number; the other
 * numbers do not. */
static void
test_outline_auto(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int rc, outline;
		const char *err;
	} cases[] = {
		{ "[ui]\noutline_cols = auto\n", 0, CONFIG_AUTO, NULL },
		{ "[ui]\noutline_cols = AUTO\n", 0, CONFIG_AUTO, NULL },
		{ "[ui]\noutline_cols = 0\n", 0, 0, NULL },
		{ "[ui]\noutline_cols = 44\n", 0, 44, NULL },
		{ "[ui]\noutline_cols = -1\n", -1, CONFIG_AUTO,
		  "outline_cols = -1 is out of range (auto or 0..120)" },
		{ "[ui]\noutline_cols = automatic\n", -1, CONFIG_AUTO,
		  "is not a whole number (auto or 0..120)" },
		{ "[ui]\nnotes_cols = auto\n", -1, CONFIG_AUTO,
		  "notes_cols = 'auto' is not a whole number (0..120)" },
		{ "[ui]\ntext_cols = auto\n", -1, CONFIG_AUTO,
		  "text_cols = 'auto' is not a whole number (0 or 20..1000)" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *path = write_temp(cases[i].text);
		config cfg;
		char *err = NULL;
		int rc = config_load(&cfg, path, &err);
		if (rc != cases[i].rc)
			fail_msg("%s: rc %d (%s)", cases[i].text, rc, err ? err : "");
		assert_int_equal(cfg.outline_cols, cases[i].outline);
		if (cases[i].err && (!err || !strstr(err, cases[i].err)))
			fail_msg("%s: error '%s', not '%s'", cases[i].text,
				 err ? err : "(none)", cases[i].err);
		free(err);
		config_clear(&cfg);
		unlink(path);
		free(path);
	}
}

static void
test_ini_cut_flag(void **state)
{
	(void)state;
	char *path = write_temp("[s]\na = #fff\nb = x#y\nc = x #y\nd = \"#q\"\n");
	config_ini ini;
	char *err = NULL;
	if (config_ini_load(&ini, path, &err) < 0)
		fail_msg("%s", err);
	assert_int_equal(ini.nitems, 5);
	assert_int_equal(ini.items[1].cut, 1);
	assert_string_equal(ini.items[1].value, "");
	assert_string_equal(ini.items[1].raw, "#fff");
	assert_int_equal(ini.items[2].cut, 1);
	assert_string_equal(ini.items[2].value, "x");
	assert_int_equal(ini.items[3].cut, 0);
	assert_string_equal(ini.items[3].value, "x");
	assert_int_equal(ini.items[4].cut, 0);
	assert_string_equal(ini.items[4].value, "#q");
	config_ini_clear(&ini);
	unlink(path);
	free(path);
}

/* Random files built from tricky fragments: wherever iniparser refuses a
 * file lectern refuses it too, with a line; wherever lectern accepts one,
 * iniparser does, and the value of each key's last line is iniparser's for
 * that section and key (the line index found the right key). Deterministic. */
static void
test_ini_random_vs_iniparser(void **state)
{
	(void)state;
	static const char *const frag[] = {
		"[s]", "[T]", "[ a b ]", "[]", "[x", "[s] ;c", "k = v", "K=V", "k =",
		"k = ;c", "k = #c", "k = \"q;#\"", "k = 'q'", "k = \"", "k = ''",
		"k = \"a\" b", "k = a;b", "k = a ;b", "x y = z", "= v", "novalue",
		"; comment", "# comment", "   ", "", "k = v \\", "  cont", "k = é",
		"\t k \t = \t v \t", "k = a = b", "k = v\r", "[s]\r", "; c \\",
		"k = 'a\"b'", "k = \"unclosed", "ü = 1",
	};
	uint32_t seed = 12345;
	int accepted = 0, refused = 0;
	iniparser_set_error_callback(quiet);
	for (int round = 0; round < 1500; round++) {
		buf b;
		buf_init(&b);
		seed = seed * 1103515245u + 12345u;
		int nlines = 1 + (int)((seed >> 16) % 8);
		for (int i = 0; i < nlines; i++) {
			seed = seed * 1103515245u + 12345u;
			buf_adds(&b, frag[(seed >> 16) % ARRAY_LEN(frag)]);
			seed = seed * 1103515245u + 12345u;
			if (i + 1 < nlines || (seed >> 16) % 4)
				buf_addc(&b, '\n');
		}
		char *path = write_temp(b.s);
		iniparser_set_error_callback(quiet);
		dictionary *d = iniparser_load(path);
		config_ini ini;
		char *err = NULL;
		int rc = config_ini_load(&ini, path, &err);
		if (rc == 0) {
			accepted++;
			if (!d)
				fail_msg("iniparser refuses what lectern accepts:\n%s", b.s);
			for (size_t i = 0; i < ini.nitems; i++) {
				const config_ini_item *it = &ini.items[i];
				if (!it->key)
					continue;
				assert_non_null(it->value);
				int last = 1;
				for (size_t j = i + 1; j < ini.nitems; j++)
					if (ini.items[j].key && !strcmp(ini.items[j].section, it->section) &&
					    config_ini_name_eq(ini.items[j].key, it->key))
						last = 0;
				if (!last)
					continue;
				char *full = xasprintf("%s:%s", it->section, it->key);
				const char *want = iniparser_getstring(d, full, NULL);
				if (!want || strcmp(want, it->value))
					fail_msg("%s: '%s', iniparser '%s' in:\n%s", full, it->value,
						 want ? want : "(none)", b.s);
				free(full);
			}
			config_ini_clear(&ini);
		} else {
			refused++;
			if (strstr(err, "differently"))
				fail_msg("%s\nin:\n%s", err, b.s);
			/* a line number unless the file as a whole is at fault */
			char *want = xasprintf("%s:", path);
			assert_int_equal(strncmp(err, want, strlen(want)), 0);
			assert_true(err[strlen(want)] >= '1' && err[strlen(want)] <= '9');
			free(want);
			free(err);
		}
		if (d)
			iniparser_freedict(d);
		unlink(path);
		free(path);
		buf_clear(&b);
	}
	iniparser_set_error_callback(NULL);
	/* both outcomes were exercised */
	assert_true(accepted > 100);
	assert_true(refused > 100);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_take(&b);
}

/* Every setting --help-config lists is documented, in the man page and in
 * docs/file-formats.md with its default. */
static void
test_settings_documented(void **state)
{
	(void)state;
	const char *top = getenv("top_srcdir");
	char *man_path = xasprintf("%s/docs/lectern.1", top ? top : ".");
	char *fmt_path = xasprintf("%s/docs/file-formats.md", top ? top : ".");
	char *man = slurp(man_path);
	char *fmt = slurp(fmt_path);
	FILE *f = tmpfile();
	config_describe(f);
	rewind(f);
	char line[512];
	int n = 0;
	while (fgets(line, sizeof line, f)) {
		char key[64], def[64];
		if (line[0] == ';' || line[0] == '[' ||
		    sscanf(line, "%63s = %63s", key, def) != 2)
			continue;
		n++;
		char *in_fmt = xasprintf("| `%s` |", key);
		char *def_fmt = xasprintf("| `%s` |", def);
		char *row = strstr(fmt, in_fmt);
		if (!row)
			fail_msg("%s: no table row for %s", fmt_path, key);
		char *eol = strchr(row, '\n');
		char *d = strstr(row, def_fmt);
		if (!d || (eol && d > eol))
			fail_msg("%s: the row of %s does not give its default %s", fmt_path,
				 key, def);
		/* the man page escapes '_' nowhere but writes '-' as '\-' */
		if (!strstr(man, key))
			fail_msg("%s does not mention %s", man_path, key);
		free(in_fmt);
		free(def_fmt);
	}
	fclose(f);
	assert_int_equal(n, 8);
	free(man);
	free(fmt);
	free(man_path);
	free(fmt_path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_good_file),
		cmocka_unit_test(test_crlf_bom_continuation),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_missing_files),
		cmocka_unit_test(test_default_location),
		cmocka_unit_test(test_describe_round_trip),
		cmocka_unit_test(test_ini_vs_iniparser),
		cmocka_unit_test(test_ini_line_limit),
		cmocka_unit_test(test_ini_cut_flag),
		cmocka_unit_test(test_outline_auto),
		cmocka_unit_test(test_ini_random_vs_iniparser),
		cmocka_unit_test(test_settings_documented),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
