/* test_theme: every shipped theme loads and keeps the roles apart;
 * inheritance from [text]; colours; errors with file and line; the search
 * path. Themes are read from $top_srcdir/themes, fixtures from
 * tests/data/config/. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "theme.h"
#include "util.h"

/* Absolute (see test_config.c: a relative XDG_CONFIG_HOME is ignored). */
static const char *
top(void)
{
	static char abs[4096];
	if (!*abs) {
		const char *t = getenv("top_srcdir");
		if (!realpath(t ? t : ".", abs))
			snprintf(abs, sizeof abs, "%s", t ? t : ".");
	}
	return abs;
}

static void
load_ok(theme *t, const char *path)
{
	char *err = NULL;
	if (theme_load(t, path, &err) < 0)
		fail_msg("%s", err);
}

static int
same_style(const theme_style *a, const theme_style *b)
{
	return a->fg == b->fg && a->bg == b->bg && a->attrs == b->attrs;
}

/* Every themes/NAME.ini loads, and looks like a theme: headings bold, the
 * status line and search matches stand out from the text, references and
 * clause numbers differ from plain text. */
static void
test_shipped_themes(void **state)
{
	(void)state;
	char *dir = xasprintf("%s/themes", top());
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	int n = 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".ini"))
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		theme t;
		load_ok(&t, path);
		const theme_style *s = t.style;
		if (!(s[ROLE_HEADING].attrs & THEME_ATTR_BOLD))
			fail_msg("%s: headings are not bold", path);
		if (same_style(&s[ROLE_STATUS], &s[ROLE_TEXT]))
			fail_msg("%s: the status line looks like text", path);
		if (same_style(&s[ROLE_SEARCH_MATCH], &s[ROLE_TEXT]))
			fail_msg("%s: search matches look like text", path);
		if (same_style(&s[ROLE_REFERENCE], &s[ROLE_TEXT]))
			fail_msg("%s: references look like text", path);
		if (same_style(&s[ROLE_CLAUSE_NUMBER], &s[ROLE_TEXT]))
			fail_msg("%s: clause numbers look like text", path);
		if (same_style(&s[ROLE_NOTE_MARKER], &s[ROLE_TEXT]))
			fail_msg("%s: note markers look like text", path);
		if (same_style(&s[ROLE_OUTLINE_CURRENT], &s[ROLE_OUTLINE]))
			fail_msg("%s: the current outline entry does not stand out", path);
		for (int r = 0; r < ROLE_COUNT; r++) {
			assert_true(s[r].fg >= -1 && s[r].fg <= 255);
			assert_true(s[r].bg >= -1 && s[r].bg <= 255);
		}
		theme_clear(&t);
		free(path);
		n++;
	}
	closedir(d);
	free(dir);
	assert_true(n >= 5);
}

/* themes/default.ini and mono.ini are the built-in themes. */
static void
test_builtins_match_files(void **state)
{
	(void)state;
	theme file, builtin;
	char *path = xasprintf("%s/themes/default.ini", top());
	load_ok(&file, path);
	theme_default(&builtin);
	for (int r = 0; r < ROLE_COUNT; r++)
		if (!same_style(&file.style[r], &builtin.style[r]))
			fail_msg("default.ini and the built-in default differ in [%s]",
				 theme_role_name(r));
	theme_clear(&file);
	theme_clear(&builtin);
	free(path);

	path = xasprintf("%s/themes/mono.ini", top());
	load_ok(&file, path);
	theme_mono(&builtin);
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (!same_style(&file.style[r], &builtin.style[r]))
			fail_msg("mono.ini and the built-in mono differ in [%s]",
				 theme_role_name(r));
		assert_int_equal(builtin.style[r].fg, -1);
		assert_int_equal(builtin.style[r].bg, -1);
	}
	theme_clear(&file);
	theme_clear(&builtin);
	free(path);
}

static void
test_role_names(void **state)
{
	(void)state;
	assert_string_equal(theme_role_name(ROLE_TEXT), "text");
	assert_string_equal(theme_role_name(ROLE_CLAUSE_NUMBER), "clause-number");
	assert_string_equal(theme_role_name(ROLE_SEARCH_MATCH), "search-match");
	assert_string_equal(theme_role_name(ROLE_OUTLINE_CURRENT), "outline-current");
	assert_string_equal(theme_role_name(ROLE_DIM), "dim");
	for (int r = 0; r < ROLE_COUNT; r++)
		assert_non_null(theme_role_name(r));
}

static void
test_inheritance(void **state)
{
	(void)state;
	char *path = xasprintf("%s/tests/data/config/themes/inherit.ini", top());
	theme t;
	load_ok(&t, path);
	const theme_style *s = t.style;
	assert_int_equal(s[ROLE_TEXT].fg, 252);
	assert_int_equal(s[ROLE_TEXT].bg, 234);
	assert_int_equal(s[ROLE_TEXT].attrs, THEME_ATTR_ITALIC);
	/* heading: its attrs, text's colours */
	assert_int_equal(s[ROLE_HEADING].fg, 252);
	assert_int_equal(s[ROLE_HEADING].bg, 234);
	assert_int_equal(s[ROLE_HEADING].attrs, THEME_ATTR_BOLD);
	/* reference: its fg, text's bg and attrs */
	assert_int_equal(s[ROLE_REFERENCE].fg, 4);
	assert_int_equal(s[ROLE_REFERENCE].bg, 234);
	assert_int_equal(s[ROLE_REFERENCE].attrs, THEME_ATTR_ITALIC);
	/* "none" clears text's attrs */
	assert_int_equal(s[ROLE_STATUS].attrs, 0);
	/* a missing role is [text] */
	assert_true(same_style(&s[ROLE_SIGNATURE], &s[ROLE_TEXT]));
	assert_string_equal(t.name, path);
	theme_clear(&t);
	free(path);

	/* no [text]: terminal colours; names are case-insensitive; commas */
	path = xasprintf("%s/tests/data/config/themes/no-text.ini", top());
	load_ok(&t, path);
	assert_int_equal(t.style[ROLE_TEXT].fg, -1);
	assert_int_equal(t.style[ROLE_TEXT].bg, -1);
	assert_int_equal(t.style[ROLE_TEXT].attrs, 0);
	assert_int_equal(t.style[ROLE_HEADING].fg, 1);
	assert_int_equal(t.style[ROLE_HEADING].attrs, THEME_ATTR_BOLD | THEME_ATTR_UNDERLINE);
	theme_clear(&t);
	free(path);
}

static void
test_colors(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int c;
	} ok[] = {
		{ "default", -1 }, { "black", 0 }, { "white", 7 }, { "Red", 1 },
		{ "bright-black", 8 }, { "bright-white", 15 }, { "0", 0 },
		{ "042", 42 }, { "255", 255 }, { "#000000", 16 }, { "#ffffff", 231 },
		{ "#ff0000", 196 }, { "#ff8800", 208 }, { "#808080", 244 },
		{ "#fdf6e3", 230 }, { "#FF8800", 208 },
	};
	for (size_t i = 0; i < ARRAY_LEN(ok); i++) {
		int c = -2;
		if (theme_parse_color(ok[i].s, &c) < 0)
			fail_msg("'%s' refused", ok[i].s);
		if (c != ok[i].c)
			fail_msg("'%s' = %d, expected %d", ok[i].s, c, ok[i].c);
	}
	static const char *const bad[] = {
		"", "purple", "256", "-1", "1000", "#fff", "#12345g", "#1234567",
		"0x10", "bright-", " red",
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		int c;
		if (theme_parse_color(bad[i], &c) == 0)
			fail_msg("'%s' accepted as %d", bad[i], c);
	}
	/* fitting to small palettes */
	assert_int_equal(theme_color_fit(-1, 256), -1);
	assert_int_equal(theme_color_fit(208, 256), 208);
	assert_int_equal(theme_color_fit(196, 16), 9);
	assert_int_equal(theme_color_fit(196, 8), 1);
	assert_int_equal(theme_color_fit(234, 8), 0);
	assert_int_equal(theme_color_fit(252, 8), 7);
	assert_int_equal(theme_color_fit(5, 8), 5);
	assert_int_equal(theme_color_fit(12, 8), 4);
	assert_int_equal(theme_color_fit(3, 2), -1);
}

static void
test_unquoted_hex(void **state)
{
	(void)state;
	char *path = xasprintf("%s/tests/data/config/themes/unquoted-hex.ini", top());
	theme t;
	load_ok(&t, path);
	assert_int_equal(t.style[ROLE_TEXT].fg, 208);
	assert_int_equal(t.style[ROLE_TEXT].bg, 16);
	theme_clear(&t);
	free(path);
}

static void
expect_error(const char *name, int line, const char *fragment)
{
	char *path = xasprintf("%s/tests/data/config/themes/%s", top(), name);
	theme t;
	char *err = NULL;
	if (theme_load(&t, path, &err) == 0)
		fail_msg("%s: loaded without error", name);
	char *want = xasprintf("%s:%d: ", path, line);
	if (strncmp(err, want, strlen(want)))
		fail_msg("%s: error '%s' does not start with '%s'", name, err, want);
	if (!strstr(err, fragment))
		fail_msg("%s: error '%s' does not say '%s'", name, err, fragment);
	/* the built-in default after an error */
	theme def;
	theme_default(&def);
	for (int r = 0; r < ROLE_COUNT; r++)
		assert_true(same_style(&t.style[r], &def.style[r]));
	theme_clear(&def);
	theme_clear(&t);
	free(want);
	free(err);
	free(path);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("bad-color.ini", 6, "fg = 'purple' is not a colour");
	expect_error("bad-number-color.ini", 2, "bg = '256' is not a colour");
	expect_error("bad-hex.ini", 2, "fg = '#12345g' is not a colour");
	expect_error("unknown-role.ini", 3, "unknown role [headline] (roles: text, heading,");
	expect_error("unknown-key.ini", 3, "unknown key 'color' in [text] (keys: fg, bg, attrs)");
	expect_error("bad-attr.ini", 5, "unknown attribute 'blink'");
	expect_error("syntax.ini", 3, "missing ']'");
}

static void
test_search_path(void **state)
{
	(void)state;
	char *xdg = xasprintf("%s/tests/data/config/xdg", top());
	setenv("XDG_CONFIG_HOME", xdg, 1);
	/* a user theme shadows an installed one of the same name */
	char *p = theme_find("dark", NULL);
	char *want = xasprintf("%s/lectern/themes/dark.ini", xdg);
	assert_string_equal(p, want);
	free(p);
	free(want);
	theme t;
	load_ok(&t, "mine");
	assert_int_equal(t.style[ROLE_TEXT].fg, 15);
	assert_string_equal(t.name, "mine");
	theme_clear(&t);

	/* not found: the message lists where it looked; the default is used */
	char *err = NULL;
	assert_int_equal(theme_load(&t, "nope", &err), -1);
	assert_non_null(strstr(err, "theme 'nope' not found (looked in "));
	assert_non_null(strstr(err, xdg));
	free(err);
	theme_clear(&t);
	assert_int_equal(theme_load(&t, "../etc/passwd", &err), -1);
	free(err);
	theme_clear(&t);
	assert_int_equal(theme_load(&t, "bad name", &err), -1);
	assert_non_null(strstr(err, "a theme name is letters"));
	free(err);
	theme_clear(&t);
	assert_int_equal(theme_load(&t, "/nonexistent/x.ini", &err), -1);
	assert_non_null(strstr(err, "/nonexistent/x.ini"));
	free(err);
	theme_clear(&t);
	/* a FIFO is refused at once, never waited on (issue 11) */
	char fifo_dir[] = "/tmp/test_theme-XXXXXX";
	assert_non_null(mkdtemp(fifo_dir));
	char *fifo = xasprintf("%s/fifo.ini", fifo_dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(theme_load(&t, fifo, &err), -1);
	assert_non_null(strstr(err, "is a FIFO (named pipe), not a regular file"));
	free(err);
	theme_clear(&t);
	unlink(fifo);
	rmdir(fifo_dir);
	free(fifo);

	/* default and mono are built in */
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	load_ok(&t, "mono");
	theme_clear(&t);

	/* theme_list names each theme once */
	FILE *f = tmpfile();
	setenv("XDG_CONFIG_HOME", xdg, 1);
	theme_list(f);
	rewind(f);
	char line[1024];
	int darks = 0, mine = 0;
	while (fgets(line, sizeof line, f)) {
		darks += !strncmp(line, "dark ", 5);
		mine += !strncmp(line, "mine ", 5);
	}
	fclose(f);
	assert_int_equal(darks, 1);
	assert_int_equal(mine, 1);
	unsetenv("XDG_CONFIG_HOME");
	free(xdg);
}

/* Every role is documented in docs/file-formats.md. */
static void
test_roles_documented(void **state)
{
	(void)state;
	char *path = xasprintf("%s/docs/file-formats.md", top());
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	for (int r = 0; r < ROLE_COUNT; r++) {
		char *row = xasprintf("| `%s` |", theme_role_name(r));
		if (!strstr(b.s, row))
			fail_msg("%s: no table row for the role %s", path, theme_role_name(r));
		free(row);
	}
	buf_clear(&b);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_themes),
		cmocka_unit_test(test_builtins_match_files),
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_inheritance),
		cmocka_unit_test(test_colors),
		cmocka_unit_test(test_unquoted_hex),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_search_path),
		cmocka_unit_test(test_roles_documented),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
