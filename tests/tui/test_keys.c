/* test_keys: key names, the default bindings and config [keys] overrides
 * (src/ui/keys.c), without a terminal. The action table is stubbed: every
 * action name is known except "frobnicate", so the test sees keys.c alone. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/ui_impl.h"
#include "util.h"

/* Stubs of actions.c: names get ids in the order first asked for; the
 * select-* names from ACT_SELECT_EXTEND on, as the real table (their map,
 * ACTIONS_MAP, follows from the id). */
const action actions_table[ACT_COUNT] = {
	[0 ... ACT_COUNT - 1] = { "stub", NULL, "" },
};
static const char *names[256];
static int ids[256];
static int nnames, nreader, nselect;

int
actions_find(const char *name)
{
	if (!strcmp(name, "none"))
		return -2;
	if (!strcmp(name, "frobnicate"))
		return -1;
	for (int i = 0; i < nnames; i++)
		if (!strcmp(names[i], name))
			return ids[i];
	assert_true(nnames < 256);
	names[nnames] = name;
	if (!strncmp(name, "select-", 7))
		ids[nnames] = ACT_SELECT_EXTEND + nselect++;
	else
		ids[nnames] = nreader++;
	assert_true(ids[nnames] < ACT_COUNT);
	assert_true(nreader <= ACT_SELECT_EXTEND);
	return ids[nnames++];
}

static void
test_parse_names(void **state)
{
	(void)state;
	assert_int_equal(keys_parse("j"), 'j');
	assert_int_equal(keys_parse("G"), 'G');
	assert_int_equal(keys_parse("ñ"), 0xf1);
	assert_int_equal(keys_parse("日"), 0x65e5);
	assert_int_equal(keys_parse("C-f"), 6);
	assert_int_equal(keys_parse("c-f"), 6);
	assert_int_equal(keys_parse("^F"), 6);
	assert_int_equal(keys_parse("C-["), 27);
	assert_int_equal(keys_parse("Space"), ' ');
	assert_int_equal(keys_parse("space"), ' ');
	assert_int_equal(keys_parse("Enter"), '\n');
	assert_int_equal(keys_parse("Tab"), '\t');
	assert_int_equal(keys_parse("Esc"), UI_KEY_ESC);
	assert_int_equal(keys_parse("PageDown"), UI_KEY_FN(KEY_NPAGE));
	assert_int_equal(keys_parse("pgdn"), UI_KEY_FN(KEY_NPAGE));
	assert_int_equal(keys_parse("Home"), UI_KEY_FN(KEY_HOME));
	assert_int_equal(keys_parse("F1"), UI_KEY_FN(KEY_F(1)));
	assert_int_equal(keys_parse("F12"), UI_KEY_FN(KEY_F(12)));
	assert_int_equal(keys_parse("Hash"), '#');
	assert_int_equal(keys_parse("Semicolon"), ';');
}

static void
test_parse_rejects(void **state)
{
	(void)state;
	const char *bad[] = { "", "F13", "F0", "F01", "Ctrl-q", "C-1", "C-",
			      "ab", "PageDownn", "\x01", "\x7f", "\xc2\x85",
			      "\xff", "M-x" };
	for (size_t i = 0; i < ARRAY_LEN(bad); i++)
		if (keys_parse(bad[i]) != -1)
			fail_msg("'%s' was accepted", bad[i]);
	assert_int_equal(keys_parse(NULL), -1);
}

/* Every name keys_name gives reads back as the same key. */
static void
test_name_round_trip(void **state)
{
	(void)state;
	int keys[] = { 'j', 'G', ' ', '\n', '\t', 27, 1, 6, 26, 0xf1, 0x65e5,
		       '#', ';', '=', '?', '<',
		       UI_KEY_FN(KEY_NPAGE), UI_KEY_FN(KEY_PPAGE),
		       UI_KEY_FN(KEY_UP), UI_KEY_FN(KEY_BTAB),
		       UI_KEY_FN(KEY_BACKSPACE), UI_KEY_FN(KEY_DC),
		       UI_KEY_FN(KEY_F(1)), UI_KEY_FN(KEY_F(12)) };
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		char name[32];
		keys_name(keys[i], name, sizeof name);
		if (keys_parse(name) != keys[i])
			fail_msg("key %d is named '%s', which reads as %d",
				 keys[i], name, keys_parse(name));
	}
	char name[32];
	keys_name(' ', name, sizeof name);
	assert_string_equal(name, "Space");
	keys_name(UI_KEY_CTRL('f'), name, sizeof name);
	assert_string_equal(name, "C-f");
	keys_name(UI_KEY_FN(KEY_NPAGE), name, sizeof name);
	assert_string_equal(name, "PageDown");
}

static void
test_defaults_and_overrides(void **state)
{
	(void)state;
	config_binding b[] = {
		{ "x", "quit", 5 },		/* a new key */
		{ "q", "none", 6 },		/* unbound */
		{ "j", "page-down", 7 },	/* rebound */
	};
	config cfg = { .path = "my.ini", .bindings = b, .nbindings = 3 };
	ui u;
	memset(&u, 0, sizeof u);
	char *err = NULL;
	assert_int_equal(keys_setup(&u, &cfg, &err), 0);
	assert_null(err);
	int quit = actions_find("quit");
	assert_int_equal(keys_lookup(&u, 'x'), quit);
	assert_int_equal(keys_lookup(&u, 'Q'), quit);	/* default kept */
	assert_int_equal(keys_lookup(&u, 'q'), -1);
	assert_int_equal(keys_lookup(&u, 'j'), actions_find("page-down"));
	assert_int_equal(keys_lookup(&u, 'k'), actions_find("line-up"));
	assert_int_equal(keys_lookup(&u, UI_KEY_FN(KEY_NPAGE)), actions_find("page-down"));
	char keys[128];
	keys_of_action(&u, quit, keys, sizeof keys);
	assert_string_equal(keys, "Q x");
	free(u.bind);
}

static void
test_errors_name_file_and_line(void **state)
{
	(void)state;
	config_binding b1[] = { { "j", "line-down", 2 }, { "Z", "frobnicate", 3 } };
	config cfg = { .path = "/home/a/config.ini", .bindings = b1, .nbindings = 2 };
	ui u;
	memset(&u, 0, sizeof u);
	char *err = NULL;
	assert_int_equal(keys_setup(&u, &cfg, &err), -1);
	assert_non_null(strstr(err, "/home/a/config.ini:3: [keys]: unknown action 'frobnicate'"));
	free(err);
	err = NULL;
	config_binding b2[] = { { "Ctrl-q", "quit", 9 } };
	cfg.bindings = b2;
	cfg.nbindings = 1;
	assert_int_equal(keys_setup(&u, &cfg, &err), -1);
	assert_non_null(strstr(err, "config.ini:9: [keys]: unknown key name 'Ctrl-q'"));
	free(err);
	/* issue 11 §5: two names of one key (tests/data/config/same-key-twice.ini) */
	err = NULL;
	config_binding b3[] = { { "Esc", "quit", 5 }, { "Escape", "line-down", 6 } };
	cfg.bindings = b3;
	cfg.nbindings = 2;
	assert_int_equal(keys_setup(&u, &cfg, &err), -1);
	assert_string_equal(err, "/home/a/config.ini:6: [keys]: 'Escape' names the "
			    "same key as 'Esc' (line 5)");
	free(err);
	/* ... but one key may mean one action in each map */
	err = NULL;
	config_binding b4[] = { { "Esc", "quit", 5 }, { "Escape", "select-cancel", 6 } };
	cfg.bindings = b4;
	assert_int_equal(keys_setup(&u, &cfg, &err), 0);
	assert_null(err);
	free(u.bind);
}

/* The selection's keys are a map of their own: the same key means one
 * action in the reader and another while words are selected, and a
 * config binding goes to the map of its action. */
static void
test_select_map(void **state)
{
	(void)state;
	config_binding b[] = { { "z", "select-extend", 4 }, { "w", "quit", 5 } };
	config cfg = { .path = "my.ini", .bindings = b, .nbindings = 2 };
	ui u;
	memset(&u, 0, sizeof u);
	char *err = NULL;
	assert_int_equal(keys_setup(&u, &cfg, &err), 0);
	int extend = actions_find("select-extend");
	assert_int_equal(ACTIONS_MAP(extend), KEYS_SELECT);
	assert_int_equal(keys_lookup(&u, 'b'), actions_find("page-up"));
	assert_int_equal(keys_lookup_in(&u, KEYS_SELECT, 'b'), actions_find("select-shrink"));
	assert_int_equal(keys_lookup_in(&u, KEYS_SELECT, 'z'), extend);
	assert_int_equal(keys_lookup(&u, 'z'), -1);
	/* w rebound in the reader's map keeps its selection action. */
	assert_int_equal(keys_lookup(&u, 'w'), actions_find("quit"));
	assert_int_equal(keys_lookup_in(&u, KEYS_SELECT, 'w'), extend);
	assert_int_equal(keys_lookup_in(&u, KEYS_SELECT, UI_KEY_FN(KEY_SRIGHT)),
			 actions_find("select-start-later"));
	free(u.bind);
}

/* Hints name keys through the bindings: the first bound key, or the
 * action's name when none is. */
static void
test_expand(void **state)
{
	(void)state;
	config_binding b[] = { { "Space", "none", 2 }, { "S", "toggle-notes", 3 },
			       { "r", "none", 4 } };
	config cfg = { .path = "my.ini", .bindings = b, .nbindings = 3 };
	ui u;
	memset(&u, 0, sizeof u);
	char *err = NULL;
	assert_int_equal(keys_setup(&u, &cfg, &err), 0);
	char out[128], k[32];
	assert_string_equal(keys_first(&u, actions_find("help"), k, sizeof k), "h");
	assert_int_equal(keys_expand(&u, "{page-down}/{page-up} page  {toggle-notes} "
				     "shows the notes", out, sizeof out), 0);
	assert_string_equal(out, "f/b page  s shows the notes");
	/* An action left without a key (r was toggle-refs' only one): -1,
	 * and its name (stubbed) stands in. */
	int lonely = actions_find("toggle-refs");
	assert_int_equal(keys_expand(&u, "press {toggle-refs}", out, sizeof out), -1);
	assert_string_equal(out, "press stub");
	assert_string_equal(keys_first(&u, lonely, k, sizeof k), "stub");
	free(u.bind);
}

static void
test_from_curses(void **state)
{
	(void)state;
	assert_int_equal(keys_from_curses(OK, '\r'), '\n');
	assert_int_equal(keys_from_curses(OK, '\n'), '\n');
	assert_int_equal(keys_from_curses(KEY_CODE_YES, KEY_ENTER), '\n');
	assert_int_equal(keys_from_curses(OK, 0x7f), UI_KEY_FN(KEY_BACKSPACE));
	assert_int_equal(keys_from_curses(KEY_CODE_YES, KEY_BACKSPACE),
			 UI_KEY_FN(KEY_BACKSPACE));
	assert_int_equal(keys_from_curses(OK, 0xf1), 0xf1);
	assert_int_equal(keys_from_curses(KEY_CODE_YES, KEY_NPAGE), UI_KEY_FN(KEY_NPAGE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_names),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_name_round_trip),
		cmocka_unit_test(test_defaults_and_overrides),
		cmocka_unit_test(test_errors_name_file_and_line),
		cmocka_unit_test(test_from_curses),
		cmocka_unit_test(test_select_map),
		cmocka_unit_test(test_expand),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
