/* test_un_session: src/un/session.c and src/un/date.c — the session of a
 * symbol, of a masthead line in each of the four languages, of a date by
 * the rules of procedure; dates in the four languages. Masthead lines are
 * those of the corpus (tests/data/parse/corpus) and of the forms the issue names. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "un/date.h"
#include "un/session.h"

static int
line(const char *s)
{
	return session_from_line(s, strlen(s));
}

static void
test_symbol(void **state)
{
	(void)state;
	assert_int_equal(session_from_symbol("A/75/251"), 75);
	assert_int_equal(session_from_symbol("A/RES/80/16"), 80);
	assert_int_equal(session_from_symbol("A/DEC/79/573"), 79);
	assert_int_equal(session_from_symbol("A/INF/76/1"), 76);
	assert_int_equal(session_from_symbol("A/C.1/80/L.13"), 80);
	assert_int_equal(session_from_symbol("A/80/L.19"), 80);
	assert_int_equal(session_from_symbol("A/75"), 75);
	assert_int_equal(session_from_symbol("A/HRC/WG.6/34/ITA/3"), 0);
	assert_int_equal(session_from_symbol("A/ES-10/24"), 0);
	assert_int_equal(session_from_symbol("A/CONF.62/122"), 0);
	assert_int_equal(session_from_symbol("S/RES/1325 (2000)"), 0);
	assert_int_equal(session_from_symbol("E/2020/1"), 0);
	assert_int_equal(session_from_symbol(""), 0);
	assert_int_equal(session_from_symbol(NULL), 0);
}

static void
test_masthead_line(void **state)
{
	(void)state;
	assert_int_equal(line("Seventy-fifth session"), 75);
	assert_int_equal(line("Eightieth session"), 80);
	assert_int_equal(line("Resumed seventy-ninth session"), 79);
	assert_int_equal(line("Fifty-eighth session "), 58);
	assert_int_equal(line("Septuagésimo quinto período de sesiones"), 75);
	assert_int_equal(line("Octogésimo período de sesiones"), 80);
	assert_int_equal(line("Septuagésimo cuarto periodo de sesiones"), 74);
	assert_int_equal(line("Soixante-quinzième session"), 75);
	assert_int_equal(line("Soixante et onzième session"), 71);
	assert_int_equal(line("Soixante-dixième session"), 70);
	assert_int_equal(line("Quatre-vingtième session"), 80);
	assert_int_equal(line("Quatre-vingt-onzième session"), 91);
	assert_int_equal(line("Семьдесят пятая сессия"), 75);
	assert_int_equal(line("Восьмидесятая сессия"), 80);
	assert_int_equal(line("Семьдесят четвёртая сессия"), 74);
	/* not a session line */
	assert_int_equal(line("Seventy-fifth session of the Assembly"), 0);
	assert_int_equal(line("Session"), 0);
	assert_int_equal(line("Seventy-fifth"), 0);
	assert_int_equal(line("General Assembly"), 0);
	assert_int_equal(line(""), 0);
}

static void
test_ordinal_in_text(void **state)
{
	(void)state;
	const char *s = "seventy-fourth session of the General Assembly";
	int v = 0;
	size_t m = session_ordinal(s, strlen(s), &v);
	assert_int_equal(m, strlen("seventy-fourth session"));
	assert_int_equal(v, 74);
	s = "семьдесят четвертой сессии Генеральной Ассамблеи";
	m = session_ordinal(s, strlen(s), &v);
	assert_int_equal(m, strlen("семьдесят четвертой сессии"));
	assert_int_equal(v, 74);
	v = -1;
	s = "seventy-four sessions";
	assert_int_equal(session_ordinal(s, strlen(s), &v), 0);
	assert_int_equal(v, -1);
}

static void
test_on_date(void **state)
{
	(void)state;
	/* opening days: 15 Sep 2020, 14 Sep 2021, 12 Sep 2023, 17 Sep 2024 */
	assert_int_equal(session_on_date("2020-09-14"), 74);
	assert_int_equal(session_on_date("2020-09-15"), 75);
	assert_int_equal(session_on_date("2020-09-03"), 74);
	assert_int_equal(session_on_date("2020-12-22"), 75);
	assert_int_equal(session_on_date("2021-09-13"), 75);
	assert_int_equal(session_on_date("2021-09-14"), 76);
	assert_int_equal(session_on_date("2023-09-11"), 77);
	assert_int_equal(session_on_date("2023-09-12"), 78);
	assert_int_equal(session_on_date("2024-09-16"), 78);
	assert_int_equal(session_on_date("2024-09-17"), 79);
	assert_int_equal(session_on_date("2003-09-16"), 58);
	/* Before 2003: the third Tuesday of September (20 September 1994). */
	assert_int_equal(session_on_date("2003-08-01"), 57);
	assert_int_equal(session_on_date("1995-03-14"), 49);
	assert_int_equal(session_on_date("1994-09-19"), 48);
	assert_int_equal(session_on_date("1994-09-20"), 49);
	assert_int_equal(session_on_date("1946-10-01"), 1);
	assert_int_equal(session_on_date("1945-12-01"), 0);
	assert_int_equal(session_on_date("garbage"), 0);
	assert_int_equal(session_on_date(NULL), 0);
}

static void
check_date(const char *s, const char *want)
{
	char iso[11] = "";
	int found = date_find(s, strlen(s), iso);
	if (!want) {
		assert_false(found);
		return;
	}
	assert_true(found);
	assert_string_equal(iso, want);
}

static void
test_dates(void **state)
{
	(void)state;
	check_date("22 de diciembre de 2020", "2020-12-22");
	check_date("New York, 5 December 2025", "2025-12-05");
	check_date("Genève, le 1er octobre 2020", "2020-10-01");
	check_date("16 novembre 2009", "2009-11-16");
	check_date("14 августа 2019 года", "2019-08-14");
	check_date("3 September 2020", "2020-09-03");
	check_date("in 2020, 12 items", NULL);
	check_date("32 December 2020", NULL);
	check_date("5 December 1900", NULL);
	check_date("resolution 75/1", NULL);
	/* only the first 'n' bytes are read */
	assert_false(date_find("5 December 2025", 12, (char[11]){ 0 }));
	assert_true(date_is_line("5 December 2025", 15));
	assert_false(date_is_line("Letter dated 5 December 2025", 28));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_symbol),
		cmocka_unit_test(test_masthead_line),
		cmocka_unit_test(test_ordinal_in_text),
		cmocka_unit_test(test_on_date),
		cmocka_unit_test(test_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
