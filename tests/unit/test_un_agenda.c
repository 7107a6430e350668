/* test_un_agenda: src/un/agenda.c — item lists after a head word in the
 * four languages, masthead headings, meta items, keys. Lists are those of
 * the corpus and of the DOMAIN wording table. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "un/agenda.h"

/* The items of s after a heading, joined by '|', or "-" when none. */
static const char *
heading(const char *s)
{
	static char out[256];
	char items[16][16];
	size_t n = 0;
	if (!agenda_heading(s, strlen(s), items, &n, 16))
		return "-";
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, "|");
		strcat(out, items[i]);
	}
	return out;
}

static void
test_heading(void **state)
{
	(void)state;
	assert_string_equal(heading("Agenda items 98 and 112"), "98|112");
	assert_string_equal(heading("Agenda item 99 (k)"), "99 (k)");
	assert_string_equal(heading("Tema 109 del programa provisional*"), "109");
	assert_string_equal(heading("Temas 94 e), 95 a) y 71"), "94 (e)|95 (a)|71");
	assert_string_equal(heading("Point 7 de l'ordre du jour provisoire*"), "7");
	assert_string_equal(heading("Пункты 98 и 112 повестки дня"), "98|112");
	assert_string_equal(heading("Agenda item"), "-");
	assert_string_equal(heading("Items of business"), "-");
	assert_string_equal(heading("Agenda item 12345"), "-");
}

static void
test_list_bytes(void **state)
{
	(void)state;
	char items[2][16];
	size_t n = 0;
	const char *s = "98, 112 and 113 of the agenda";
	/* bytes read stop after the list; max caps what is kept */
	assert_int_equal(agenda_list(lang_get("en"), s, strlen(s), items, &n, 2),
			 strlen("98, 112 and 113"));
	assert_int_equal(n, 2);
	assert_string_equal(items[1], "112");
	n = 0;
	assert_int_equal(agenda_list(lang_get("en"), "of the agenda", 13, items, &n, 2), 0);
	assert_int_equal(n, 0);
}

static void
test_item_and_key(void **state)
{
	(void)state;
	agenda_item it;
	assert_true(agenda_item_parse("99 (k)", &it));
	assert_int_equal(it.number, 99);
	assert_string_equal(it.sub, "k");
	assert_true(agenda_item_parse("98", &it));
	assert_string_equal(it.sub, "");
	assert_true(agenda_item_parse("20 (hh)", &it));
	assert_string_equal(it.sub, "hh");
	assert_false(agenda_item_parse("0", &it));
	assert_false(agenda_item_parse("item", &it));
	assert_false(agenda_item_parse("1000", &it));
	char *k = agenda_key("A/75", AGENDA_ADOPTED, 98, "");
	assert_string_equal(k, "A/75 item 98");
	free(k);
	k = agenda_key("A/74", AGENDA_PROVISIONAL, 109, NULL);
	assert_string_equal(k, "A/74 provisional item 109");
	free(k);
	k = agenda_key("A/?", AGENDA_PRELIMINARY, 35, "b");
	assert_string_equal(k, "A/? preliminary item 35 (b)");
	free(k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heading),
		cmocka_unit_test(test_list_bytes),
		cmocka_unit_test(test_item_and_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
