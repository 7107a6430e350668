/* test_un_phrase: src/un/phrase.c — the phrase matcher every language's
 * words go through: folding (case, accents, typographic apostrophes),
 * whole tokens, the longest phrase, phrases before a token, and tokens
 * mapped back to the original bytes. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "un/phrase.h"

static const phrase suffixes[] = {
	{ "de l'ordre du jour provisoire", 2, 1 },
	{ "de l'ordre du jour", 2, 0 },
	{ "del programa", 1, 0 },
	{ "повестки дня", 3, 0 },
};
static const phrase heads[] = {
	{ "item", 0, 0 }, { "temas", 1, 0 }, { "пунктам", 3, 0 },
};
static phrase_table T_SUFFIX = PHRASE_TABLE(suffixes);
static phrase_table T_HEADS = PHRASE_TABLE(heads);

static void
test_match(void **state)
{
	(void)state;
	phrase_table_build(&T_SUFFIX);
	phrase_table_build(&T_HEADS);
	phrase_text pt = { 0 };
	/* accents, case and the typographic apostrophe fold away */
	const char *s = "au titre du point 7 De l’Ordre du Jour Provisoire*";
	phrase_text_set(&pt, s, strlen(s));
	size_t i = 0;
	while (i < pt.t.n && phrase_tok_num(&pt, i) != 7)
		i++;
	assert_true(i < pt.t.n);
	size_t which = 99;
	size_t m = phrase_match(&pt, i + 1, &T_SUFFIX, &which);
	assert_int_equal(which, 0);	/* the longest */
	/* the phrase's tokens map back to the original bytes */
	const phrase_tok *last = &pt.t.v[i + m];
	assert_memory_equal(s + pt.t.v[i + 1].so, "De", 2);
	assert_int_equal(last->se - last->so, strlen("Provisoire"));
	assert_memory_equal(s + last->so, "Provisoire", last->se - last->so);
	assert_true(phrase_tok_punct(&pt, i + m + 1, '*'));
	/* before a token */
	assert_int_equal(phrase_match_before(&pt, i + m + 1, &T_SUFFIX, &which), m);
	assert_int_equal(which, 0);
	/* whole tokens: "items" is not "item" */
	s = "items 98 and 99";
	phrase_text_set(&pt, s, strlen(s));
	assert_int_equal(phrase_match(&pt, 0, &T_HEADS, NULL), 0);
	assert_true(phrase_tok_is(&pt, 0, "items"));
	assert_int_equal(phrase_tok_num(&pt, 1), 98);
	assert_int_equal(phrase_tok_num(&pt, 0), -1);
	/* Cyrillic, Spanish */
	s = "по ПУНКТАМ 98 и 112 повестки дня";
	phrase_text_set(&pt, s, strlen(s));
	assert_int_equal(phrase_match(&pt, 1, &T_HEADS, &which), 1);
	assert_int_equal(which, 2);
	assert_int_equal(phrase_match(&pt, 5, &T_SUFFIX, &which), 2);
	assert_int_equal(which, 3);
	s = "los Temas 98 y 112 del Programa";
	phrase_text_set(&pt, s, strlen(s));
	assert_int_equal(phrase_match(&pt, 1, &T_HEADS, &which), 1);
	assert_int_equal(which, 1);
	assert_int_equal(phrase_match_at(&pt, 5, &T_SUFFIX, 2), 2);
	assert_int_equal(phrase_match_at(&pt, 5, &T_SUFFIX, 1), 0);
	/* past the end */
	assert_int_equal(phrase_match(&pt, pt.t.n, &T_HEADS, NULL), 0);
	assert_false(phrase_tok_is(&pt, pt.t.n, "x"));
	phrase_text_clear(&pt);
	assert_null(pt.f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
