/* test_un_symbol: src/un/symbol.c — where a symbol is in a text (glued,
 * split, joint, placeholders), and its parts (series, kind, session, year,
 * number, qualifiers). Symbols are those of the corpus and of issue 9. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "un/symbol.h"

/* The key of the symbol at the start of s, "" if none. */
static const char *
scan(const char *s)
{
	static char key[128];
	size_t l = symbol_scan(s, strlen(s), 0, 1);
	symbol_key(s, l, key, sizeof key);
	return key;
}

static void
test_scan(void **state)
{
	(void)state;
	assert_string_equal(scan("A/75/251, and"), "A/75/251");
	assert_string_equal(scan("A/C.1/80/L.13*"), "A/C.1/80/L.13");
	assert_string_equal(scan("A/80/7/Add.1."), "A/80/7/Add.1");
	assert_string_equal(scan("A/74/896-S/2020/532"), "A/74/896");
	assert_string_equal(scan("E/CN.4/199 9/12"), "E/CN.4/1999/12");
	assert_string_equal(scan("A/C.4/73/L.7A/C.4/73/L.7"), "A/C.4/73/L.7");
	assert_string_equal(scan("A/75/251 5 December"), "A/75/251");
	assert_string_equal(scan("A/C.5/80/___"), "");
	assert_string_equal(scan("A/80/"), "");
	assert_string_equal(scan("A/RES"), "");
	assert_string_equal(scan("X/75/251"), "");
	/* the glued second one is found from where the first ends */
	const char *g = "A/C.4/73/L.7A/C.4/73/L.8";
	size_t l = symbol_scan(g, strlen(g), 0, 1);
	assert_int_equal(l, strlen("A/C.4/73/L.7"));
	assert_int_equal(symbol_scan(g, strlen(g), l, 0), strlen("A/C.4/73/L.8"));
	/* with a boundary, the middle of a word or a symbol is none */
	assert_int_equal(symbol_scan("xA/75/251", 9, 1, 1), 0);
}

static void
test_line_and_same(void **state)
{
	(void)state;
	assert_true(symbol_is_line("A/RES/80/16", 11));
	assert_true(symbol_is_line("A/C.1/80/L.13*", 14));
	assert_false(symbol_is_line("A/RES/80/16 and", 15));
	assert_false(symbol_is_line("General Assembly", 16));
	assert_true(symbol_same("A/75/251*", "A/75/251"));
	assert_true(symbol_same(" A/75/251 ", "A/75/251**"));
	assert_false(symbol_same("A/75/251", "A/75/25"));
	assert_false(symbol_same(NULL, "A/75/251"));
	assert_false(symbol_same("*", ""));
}

static symbol_parts
parts(const char *s)
{
	symbol_parts p;
	assert_true(symbol_parse(s, strlen(s), &p));
	return p;
}

static void
test_parse(void **state)
{
	(void)state;
	symbol_parts p = parts("A/75/251");
	assert_string_equal(p.series, "A");
	assert_int_equal(p.session, 75);
	assert_string_equal(p.number, "251");
	assert_string_equal(p.kind, "");
	p = parts("A/C.1/80/L.13/Rev.1");
	assert_string_equal(p.series, "A/C.1");
	assert_string_equal(p.kind, "L");
	assert_int_equal(p.session, 80);
	assert_string_equal(p.number, "13");
	assert_string_equal(p.qualifiers, "Rev.1");
	assert_int_equal(p.rev, 1);
	p = parts("A/61/530/Add.2/Corr.1");
	assert_string_equal(p.number, "530");
	assert_string_equal(p.qualifiers, "Add.2/Corr.1");
	assert_int_equal(p.add, 2);
	assert_int_equal(p.corr, 1);
	assert_int_equal(p.rev, 0);
	p = parts("A/RES/74/306");
	assert_string_equal(p.kind, "RES");
	assert_int_equal(p.session, 74);
	assert_string_equal(p.number, "306");
	p = parts("S/RES/1325 (2000)");
	assert_string_equal(p.series, "S");
	assert_string_equal(p.kind, "RES");
	assert_string_equal(p.number, "1325");
	assert_int_equal(p.year, 2000);
	assert_int_equal(p.session, 0);
	p = parts("S/2020/532");
	assert_int_equal(p.year, 2020);
	assert_string_equal(p.number, "532");
	p = parts("E/CN.4/1999/12");
	assert_string_equal(p.series, "E/CN.4");
	assert_int_equal(p.year, 1999);
	assert_string_equal(p.number, "12");
	p = parts("A/HRC/WG.6/34/ITA/3");
	assert_string_equal(p.series, "A/HRC/WG.6");
	assert_int_equal(p.session, 0);
	assert_int_equal(p.body_session, 34);
	assert_string_equal(p.number, "ITA/3");
	p = parts("A/HRC/RES/5/1");
	assert_string_equal(p.kind, "RES");
	assert_int_equal(p.body_session, 5);
	assert_string_equal(p.number, "1");
	p = parts("A/ES-10/24");
	assert_string_equal(p.series, "A/ES-10");
	assert_string_equal(p.number, "24");
	assert_int_equal(p.body_session, 0);
	p = parts("A/INF/76/1");
	assert_string_equal(p.kind, "INF");
	assert_int_equal(p.session, 76);
	assert_string_equal(p.number, "1");
	symbol_parts q;
	assert_false(symbol_parse("A/75/251 and", 12, &q));
	assert_false(symbol_parse("resolution", 10, &q));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_line_and_same),
		cmocka_unit_test(test_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
