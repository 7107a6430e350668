/* test_paths: the one resolver of lectern's directories (paths.h): XDG
 * variables, relative values ignored, HOME, HOME unset (the password
 * database), nothing at all, and the bundled directory from
 * LECTERN_DATADIR (a source tree or an installed layout) or PKGDATADIR. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

static void
expect(char *got, const char *want)
{
	if (!want) {
		if (got)
			fail_msg("'%s', not NULL", got);
		return;
	}
	if (!got || strcmp(got, want))
		fail_msg("'%s', not '%s'", got ? got : "(null)", want);
	free(got);
}

static void
test_xdg(void **state)
{
	(void)state;
	setenv("HOME", "/h", 1);
	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	setenv("XDG_DATA_HOME", "/dat", 1);
	expect(paths_config_dir(), "/cfg/lectern");
	expect(paths_data_dir(), "/dat/lectern");
	expect(paths_config_file("config.ini"), "/cfg/lectern/config.ini");
	expect(paths_data_file("notes.db"), "/dat/lectern/notes.db");
	/* relative values are ignored (the XDG spec), as are empty ones */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	setenv("XDG_DATA_HOME", "", 1);
	expect(paths_config_dir(), "/h/.config/lectern");
	expect(paths_data_dir(), "/h/.local/share/lectern");
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	expect(paths_data_file("library.db"), "/h/.local/share/lectern/library.db");
}

/* HOME unset or relative: the password database's home, for config and
 * data alike (notes worked and the library did not: issue 8). */
static void
test_no_home(void **state)
{
	(void)state;
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	struct passwd *pw = getpwuid(getuid());
	int known = pw && pw->pw_dir && pw->pw_dir[0] == '/';
	char *cfg = known ? xasprintf("%s/.config/lectern", pw->pw_dir) : NULL;
	char *dat = known ? xasprintf("%s/.local/share/lectern", pw->pw_dir) : NULL;
	for (int i = 0; i < 2; i++) {
		if (i == 0)
			unsetenv("HOME");
		else
			setenv("HOME", "relative", 1);
		expect(paths_config_dir(), cfg);
		expect(paths_data_dir(), dat);
	}
	/* an XDG variable still wins */
	setenv("XDG_DATA_HOME", "/dat", 1);
	expect(paths_data_dir(), "/dat/lectern");
	unsetenv("XDG_DATA_HOME");
	free(cfg);
	free(dat);
}

static void
test_bundled(void **state)
{
	(void)state;
	/* a source tree: its data/ and themes/ */
	const char *top = getenv("top_srcdir");
	char *abs = realpath(top ? top : ".", NULL);
	assert_non_null(abs);
	setenv("LECTERN_DATADIR", abs, 1);
	char *want = xasprintf("%s/data", abs);
	expect(paths_bundled_dir(), want);
	free(want);
	want = xasprintf("%s/themes", abs);
	expect(paths_theme_dir(), want);
	free(want);
	char *doc = xasprintf("%s/data/cis-declaration-2020.txt", abs);
	assert_int_equal(access(doc, R_OK), 0);
	free(doc);
	/* an installed layout: files at the top, themes/ below */
	char tmpl[] = "/tmp/test_paths-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	setenv("LECTERN_DATADIR", tmpl, 1);
	expect(paths_bundled_dir(), tmpl);
	want = xasprintf("%s/themes", tmpl);
	expect(paths_theme_dir(), want);
	free(want);
	rmdir(tmpl);
	/* unset or relative: PKGDATADIR */
	setenv("LECTERN_DATADIR", "relative", 1);
	expect(paths_bundled_dir(), PKGDATADIR);
	unsetenv("LECTERN_DATADIR");
	expect(paths_bundled_dir(), PKGDATADIR);
	expect(paths_theme_dir(), PKGDATADIR "/themes");
	free(abs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xdg),
		cmocka_unit_test(test_no_home),
		cmocka_unit_test(test_bundled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
