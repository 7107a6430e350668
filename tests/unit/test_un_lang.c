/* test_un_lang: src/un/lang.c — language detection by script and frequent
 * words (Arabic and Chinese named from their scripts), the word tables a
 * reader takes its words from. Sentences are of the kind UN documents
 * open with; the Arabic and Chinese ones are the first sentence of the
 * Charter's preamble in those languages. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "un/lang.h"

static const char *
detect(const char *s)
{
	return lang_detect(s, strlen(s));
}

static void
test_detect(void **state)
{
	(void)state;
	assert_string_equal(detect("The General Assembly, recalling its resolution 75/1 of "
				   "21 September 2020 and the report of the Secretary-General"),
			    "en");
	assert_string_equal(detect("La Asamblea General, recordando su resolución 75/1 y el "
				   "informe del Secretario General sobre la cuestión"), "es");
	assert_string_equal(detect("L'Assemblée générale, rappelant sa résolution 75/1 et le "
				   "rapport du Secrétaire général sur la question"), "fr");
	assert_string_equal(detect("Генеральная Ассамблея, ссылаясь на свою резолюцию 75/1"), "ru");
	/* the symbol and the date are Latin and digits: the script decides */
	assert_string_equal(detect("A/RES/75/1 نحن شعوب الأمم المتحدة وقد آلينا على أنفسنا أن "
				   "ننقذ الأجيال المقبلة من ويلات الحرب"), "ar");
	assert_string_equal(detect("A/RES/75/1 我联合国人民同兹决心欲免后世再遭今代人类两度身历惨不堪言之战祸"),
			    "zh");
	/* a few foreign words inside an English text do not change it */
	assert_string_equal(detect("The delegation of China (中国) and the report of the "
				   "Committee on the situation in the region"), "en");
	assert_string_equal(detect(""), "en");
}

static void
test_reader_words(void **state)
{
	(void)state;
	/* every table has the words the references pane names items by */
	static const char *const codes[] = { "en", "es", "fr", "ru" };
	for (size_t i = 0; i < 4; i++) {
		const lang_words *w = lang_get(codes[i]);
		assert_string_equal(w->code, codes[i]);
		assert_non_null(w->ref_item);
		assert_non_null(w->ref_para);
	}
	assert_string_equal(lang_get("es")->ref_item, "tema");
	assert_string_equal(lang_get("fr")->ref_para, "paragraphe");
	/* no table: English words */
	assert_string_equal(lang_get("zh")->code, "en");
	assert_string_equal(lang_get(NULL)->ref_item, "item");
}

static int
in_list(const char *const *list, const char *s)
{
	size_t which = 99;
	return lang_prefix_any(s, strlen(s), list, &which) == strlen(s) && which != 99;
}

static void
test_masthead_words(void **state)
{
	(void)state;
	assert_string_equal(lang_distribution("General", 7), "General");
	assert_string_equal(lang_distribution("GÉNÉRALE", strlen("GÉNÉRALE")), "General");
	assert_string_equal(lang_distribution("limitée", strlen("limitée")), "Limited");
	assert_string_equal(lang_distribution("RESTRICTED", 10), "Restricted");
	assert_string_equal(lang_distribution("Reservada", 9), "Restricted");
	assert_null(lang_distribution("Generalities", 12));
	assert_null(lang_distribution("", 0));
	assert_true(in_list(lang_ga_names, "Генеральной Ассамблеи"));
	assert_true(in_list(lang_ga_names, "Assemblée générale"));
	assert_false(in_list(lang_ga_names, "Security Council"));
	assert_true(in_list(lang_working_groups, "Рабочая группа"));
	assert_true(in_list(lang_version_names, "Español"));
	assert_true(in_list(lang_page_words, "Página"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_reader_words),
		cmocka_unit_test(test_masthead_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
