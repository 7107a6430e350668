/* test_fold: the one folding (fold.h): case, accents, typography, white
 * space, the map back to the original bytes, and the notes tags that use
 * it (#Ação and #acao are one tag). */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fold.h"
#include "notes.h"
#include "util.h"

static char *
f(const char *s, unsigned flags)
{
	return fold_str(s, strlen(s), flags, NULL);
}

static void
expect(const char *in, unsigned flags, const char *want)
{
	char *got = f(in, flags);
	if (strcmp(got, want))
		fail_msg("fold('%s', %u) = '%s', not '%s'", in, flags, got, want);
	free(got);
}

/* The four forms of the issue, and the rest of the table. */
static void
test_typography(void **state)
{
	(void)state;
	expect("people\u2019s", FOLD_ALL, "people's");
	expect("l\u2019\u00c9tat", FOLD_ALL, "l'etat");
	expect("\u0153uvre", FOLD_ALL, "oeuvre");
	expect("\u0152UVRE", FOLD_ALL, "oeuvre");
	expect("non\u2011intervention", FOLD_ALL, "non-intervention");
	expect("\u201cthe\u201d", FOLD_ALL, "\"the\"");
	expect("\u00abfin\u00bb \u201equote\u201f", FOLD_ALL, "\"fin\" \"quote\"");
	expect("a\u2013b\u2014c\u2212d\u2010e", FOLD_ALL, "a-b-c-d-e");
	expect("\u2018x\u201b \u02bcy \u2032", FOLD_ALL, "'x' 'y '");
	expect("\ufb01n \ufb02ow \ufb03x \u00e6on", FOLD_ALL, "fin flow ffix aeon");
	expect("wait\u2026", FOLD_ALL, "wait...");
	/* invisible characters vanish */
	expect("in\u00adfor\u200bma\u2060tion", FOLD_ALL, "information");
	/* without FOLD_TYPO the forms stay (decomposed, folded otherwise) */
	expect("people\u2019s", FOLD_CASE | FOLD_MARKS, "people\u2019s");
	expect("\u0153uvre", FOLD_CASE | FOLD_MARKS, "\u0153uvre");
	/* with case kept, a capital ligature keeps its capital */
	expect("\u0152uvre", FOLD_TYPO | FOLD_MARKS, "Oeuvre");
}

static void
test_case_and_marks(void **state)
{
	(void)state;
	expect("INFORMACI\u00d3N", FOLD_ALL, "informacion");
	expect("Informacio\u0301n", FOLD_ALL, "informacion");
	expect("Stra\u00dfe", FOLD_ALL, "strasse");
	expect("\u0401\u043b\u043a\u0430", FOLD_ALL, "\u0435\u043b\u043a\u0430");
	expect("\u00f8 \u0142", FOLD_ALL, "\u00f8 \u0142");	/* no decomposition */
	/* marks kept: decomposed, so both spellings of é are equal */
	expect("\u00c9tat", FOLD_CASE, "e\u0301tat");
	expect("E\u0301tat", FOLD_CASE, "e\u0301tat");
	/* case kept, marks dropped */
	expect("\u00c9tat", FOLD_MARKS, "Etat");
	/* ASCII other than capitals never changes */
	expect("a'b\"c-d#e;f", FOLD_ALL, "a'b\"c-d#e;f");
}

static void
test_space(void **state)
{
	(void)state;
	expect("  a \t\n b\u00a0\u202fc\u2009 ", FOLD_ALL, "a b c");
	expect("", FOLD_ALL, "");
	expect(" \u00a0 ", FOLD_ALL, "");
	/* a soft hyphen between spaces does not make two spaces */
	expect("a \u00ad b", FOLD_ALL, "a b");
}

/* The map gives, for each folded byte, the offset of the character it
 * came from; the last entry is the input length. */
static void
test_map(void **state)
{
	(void)state;
	const char *s = "  l\u2019\u00c9tat \u0153uvre";
	size_t *map;
	char *out = fold_str(s, strlen(s), FOLD_ALL, &map);
	assert_string_equal(out, "l'etat oeuvre");
	assert_int_equal(map[0], 2);	/* l */
	assert_int_equal(map[1], 3);	/* ’ (3 bytes) */
	assert_int_equal(map[2], 6);	/* É */
	assert_int_equal(map[3], 8);	/* t */
	assert_int_equal(map[6], 11);	/* the space */
	assert_int_equal(map[7], 12);	/* o of œ */
	assert_int_equal(map[8], 12);	/* e of œ */
	assert_int_equal(map[9], 14);	/* u */
	assert_int_equal(map[strlen(out)], strlen(s));
	/* every offset is the start of a character of s */
	for (size_t i = 0; i < strlen(out); i++)
		assert_true(((unsigned char)s[map[i]] & 0xC0) != 0x80);
	free(out);
	free(map);
}

static void
test_fold_char(void **state)
{
	(void)state;
	uint8_t out[FOLD_CHAR_MAX];
	size_t len;
	int space;
	/* an invalid byte is one character, kept */
	assert_int_equal(fold_char("\xff" "a", 2, FOLD_ALL, out, &len, &space), 1);
	assert_int_equal(space, 0);
	assert_int_equal(len, 1);
	assert_int_equal(out[0], 0xff);
	/* NBSP is white space */
	assert_int_equal(fold_char("\u00a0x", 3, FOLD_ALL, out, &len, &space), 2);
	assert_int_equal(space, 1);
	/* a soft hyphen folds to nothing */
	assert_int_equal(fold_char("\u00ad", 2, FOLD_ALL, out, &len, &space), 2);
	assert_int_equal(len, 0);
	/* the cache gives the same answer twice, per flags */
	for (int round = 0; round < 2; round++) {
		assert_int_equal(fold_char("\u00c9", 2, FOLD_ALL, out, &len, &space), 2);
		assert_int_equal(len, 1);
		assert_int_equal(out[0], 'e');
		assert_int_equal(fold_char("\u00c9", 2, FOLD_CASE, out, &len, &space), 2);
		assert_int_equal(len, 3);
		assert_memory_equal(out, "e\u0301", 3);
	}
}

static void
test_eq(void **state)
{
	(void)state;
	assert_true(fold_eq("A\u00e7\u00e3o", "acao"));
	assert_true(fold_eq("l\u2019\u00c9tat", "L'etat"));
	assert_false(fold_eq("acao", "acoa"));
}

/* Tags: case-, accent- and typography-insensitive (were exact). */
static void
test_tags(void **state)
{
	(void)state;
	note n;
	memset(&n, 0, sizeof n);
	note_add_tag(&n, "A\u00e7\u00e3o");
	note_add_tag(&n, "acao");
	note_add_tag(&n, "ACAO");
	note_add_tag(&n, "other");
	assert_int_equal(n.ntags, 2);
	assert_string_equal(n.tags[0], "A\u00e7\u00e3o");	/* first spelling kept */
	const char *body = "see #A\u00e7\u00e3o and #droit-d\u2019\u00e9tat";
	assert_true(note_has_hashtag(body, strlen(body), "acao"));
	assert_true(note_has_hashtag(body, strlen(body), "A\u00c7\u00c3O"));
	assert_false(note_has_hashtag(body, strlen(body), "aca"));
	note_clear_tags(&n);
	assert_int_equal(n.ntags, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typography),
		cmocka_unit_test(test_case_and_marks),
		cmocka_unit_test(test_space),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_fold_char),
		cmocka_unit_test(test_eq),
		cmocka_unit_test(test_tags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
