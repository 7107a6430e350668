/* test_search: smart case, accents, Russian ё/е, offsets on the original
 * characters, matches across hard breaks, direction and wrap-around,
 * typography (’ “ œ U+2011) found by its plain form. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc.h"
#include "search.h"
#include "text.h"
#include "util.h"

static doc *
make_doc(const char *const *texts, size_t n)
{
	doc *d = doc_new("test");
	for (size_t i = 0; i < n; i++) {
		char id[32];
		snprintf(id, sizeof id, "p%zu", i + 1);
		doc_add_node(d, NULL, NODE_PARAGRAPH, id, texts[i], strlen(texts[i]));
	}
	doc_finish(d);
	return d;
}

static const char *texts[] = {
	"Más INFORMACIÓN sobre la información; Ёлка и йод, елка.",
	"seguridad de la\ninformación internacional",	/* hard break */
	"Informacio\xcc\x81n decomposed, and Straße, STRASSE.",
	"tail informa",
	"cion next block",
};

/* All matches of q as "text|text|..." (static buffer). */
static const char *
all(search *s, const doc *d, const char *q)
{
	static char out[1024];
	search_match m[32];
	long n = search_matches(s, q, 0, SIZE_MAX, m, 32);
	out[0] = '\0';
	if (n < 0)
		return "ERR";
	for (long i = 0; i < n; i++) {
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%.*s", i ? "|" : "",
			 (int)(m[i].end - m[i].start), d->plain + m[i].start);
	}
	return out;
}

static void
test_flags(void **state)
{
	(void)state;
	assert_int_equal(search_query_flags("informacion", 11), 0);
	assert_int_equal(search_query_flags("INFORMACION", 11), SEARCH_MATCH_CASE);
	assert_int_equal(search_query_flags("información", 12), SEARCH_MATCH_ACCENTS);
	assert_int_equal(search_query_flags("Información", 12),
			 SEARCH_MATCH_CASE | SEARCH_MATCH_ACCENTS);
	assert_int_equal(search_query_flags("ёлка", 8), SEARCH_MATCH_ACCENTS);
	assert_int_equal(search_query_flags("Елка", 8), SEARCH_MATCH_CASE);
	assert_int_equal(search_query_flags("straße", 7), 0);	/* ß has no mark */
	assert_int_equal(search_query_flags("74/306", 6), 0);
}

static void
test_smart_case_accents(void **state)
{
	(void)state;
	doc *d = make_doc(texts, ARRAY_LEN(texts));
	search *s = search_new(d);
	/* Neither capitals nor accents: finds every form. */
	assert_string_equal(all(s, d, "informacion"),
			    "INFORMACIÓN|información|información|Informacio\xcc\x81n");
	/* Capitals: case must match, accents still ignored. */
	assert_string_equal(all(s, d, "INFORMACION"), "INFORMACIÓN");
	/* Accents: accents must match, case ignored. */
	assert_string_equal(all(s, d, "información"),
			    "INFORMACIÓN|información|información|Informacio\xcc\x81n");
	assert_string_equal(all(s, d, "informacíon"), "");
	/* Both: exact (NFC or NFD in the text alike). */
	assert_string_equal(all(s, d, "Información"), "Informacio\xcc\x81n");
	assert_string_equal(all(s, d, "Informacio\xcc\x81n"), "Informacio\xcc\x81n");
	/* "mas" finds "Más". */
	assert_string_equal(all(s, d, "mas"), "Más");
	/* A marked query never stops between a letter and its mark. */
	assert_string_equal(all(s, d, "Informacio"), "Informacio\xcc\x81");
	assert_string_equal(all(s, d, "Informació"), "Informacio\xcc\x81");
	/* Case folding is full: ß and SS. */
	assert_string_equal(all(s, d, "strasse"), "Straße|STRASSE");
	assert_string_equal(all(s, d, "straße"), "Straße|STRASSE");
	search_free(s);
	doc_free(d);
}

static void
test_russian(void **state)
{
	(void)state;
	doc *d = make_doc(texts, ARRAY_LEN(texts));
	search *s = search_new(d);
	assert_string_equal(all(s, d, "елка"), "Ёлка|елка");	/* ё = е */
	assert_string_equal(all(s, d, "ёлка"), "Ёлка");	/* ё typed: exact */
	assert_string_equal(all(s, d, "Елка"), "Ёлка");	/* capital: case only */
	assert_string_equal(all(s, d, "ЁЛКА"), "");
	assert_string_equal(all(s, d, "иод"), "йод");	/* й without its breve */
	assert_string_equal(all(s, d, "йод"), "йод");
	search_free(s);
	doc_free(d);
}

static void
test_offsets(void **state)
{
	(void)state;
	doc *d = make_doc(texts, ARRAY_LEN(texts));
	search *s = search_new(d);
	search_match m;
	int wrapped;
	assert_int_equal(search_next(s, "informacion", 0, SEARCH_FORWARD, &m, &wrapped), 1);
	assert_int_equal(m.start, 5);
	assert_int_equal(m.end, 17);
	assert_int_equal(wrapped, 0);
	assert_memory_equal(d->plain + m.start, "INFORMACIÓN", 12);
	/* "ión;" ends after the semicolon, the ó is whole. */
	assert_int_equal(search_next(s, "ion;", 0, SEARCH_FORWARD, &m, NULL), 1);
	assert_memory_equal(d->plain + m.start, "ión;", m.end - m.start);
	assert_int_equal(m.end - m.start, 5);
	/* Matches starting mid-word land on whole characters. */
	assert_int_equal(search_next(s, "лка", 0, SEARCH_FORWARD, &m, NULL), 1);
	assert_memory_equal(d->plain + m.start, "лка", 6);
	/* The decomposed é: the match takes its combining mark along. */
	assert_int_equal(search_next(s, "informacio", d->blocks[2]->off, SEARCH_FORWARD, &m, NULL), 1);
	const node *p3 = d->blocks[2];
	assert_int_equal(m.start, p3->off);
	assert_int_equal(m.end, p3->off + 12);
	search_free(s);
	doc_free(d);
}

static void
test_line_breaks_and_blocks(void **state)
{
	(void)state;
	doc *d = make_doc(texts, ARRAY_LEN(texts));
	search *s = search_new(d);
	/* Across the hard break: "\n" is a space. */
	assert_string_equal(all(s, d, "de la informacion"), "de la\ninformación");
	/* Several spaces in the query are one. */
	assert_string_equal(all(s, d, "de   la  informacion"), "de la\ninformación");
	/* Never across two blocks. */
	assert_string_equal(all(s, d, "informacion next"), "");
	assert_string_equal(all(s, d, "informa cion"), "");
	/* Bad queries. */
	search_match m;
	assert_int_equal(search_next(s, "", 0, SEARCH_FORWARD, &m, NULL), -1);
	assert_int_equal(search_next(s, "   ", 0, SEARCH_FORWARD, &m, NULL), -1);
	assert_int_equal(search_next(s, "\xff", 0, SEARCH_FORWARD, &m, NULL), -1);
	/* A lone mark is a query with accents: it finds the characters that
	 * carry it, precomposed or not. */
	assert_string_equal(all(s, d, "\xcc\x81"), "á|Ó|ó|ó|\xcc\x81");
	assert_int_equal(search_next(s, "zzz", 0, SEARCH_FORWARD, &m, NULL), 0);
	search_free(s);
	doc_free(d);
}

static void
test_direction_wrap(void **state)
{
	(void)state;
	doc *d = make_doc(texts, ARRAY_LEN(texts));
	search *s = search_new(d);
	search_match all_m[8];
	long n = search_matches(s, "informacion", 0, SIZE_MAX, all_m, 8);
	assert_int_equal(n, 4);
	/* n: from each match's start + 1 to the next one, then wrap. */
	search_match m;
	int wrapped;
	for (long i = 0; i < n; i++) {
		assert_int_equal(search_next(s, "informacion", all_m[i].start + 1,
					     SEARCH_FORWARD, &m, &wrapped), 1);
		long j = (i + 1) % n;
		assert_int_equal(m.start, all_m[j].start);
		assert_int_equal(m.end, all_m[j].end);
		assert_int_equal(wrapped, j == 0);
	}
	/* N: from each match's start to the one before, then wrap. */
	for (long i = 0; i < n; i++) {
		assert_int_equal(search_next(s, "informacion", all_m[i].start,
					     SEARCH_BACKWARD, &m, &wrapped), 1);
		long j = (i + n - 1) % n;
		assert_int_equal(m.start, all_m[j].start);
		assert_int_equal(wrapped, i == 0);
	}
	/* Incremental: from a position inside a match finds the next. */
	assert_int_equal(search_next(s, "informacion", all_m[1].start + 3,
				     SEARCH_FORWARD, &m, NULL), 1);
	assert_int_equal(m.start, all_m[2].start);
	/* Matches in a range. */
	assert_int_equal(search_matches(s, "informacion", all_m[1].start, all_m[3].start,
					all_m, 8), 2);
	search_free(s);
	doc_free(d);
}

static void
test_big(void **state)
{
	(void)state;
	/* Many blocks: backward search crosses its 64 KiB windows. */
	size_t nb = 5000;
	const char **t = xcalloc(nb, sizeof *t);
	for (size_t i = 0; i < nb; i++)
		t[i] = i == 7 || i == 4990 ? "la Información aquí" : "texto sin nada especial, Ñandú";
	doc *d = make_doc(t, nb);
	search *s = search_new(d);
	search_match m;
	int wrapped;
	assert_int_equal(search_next(s, "informacion", d->plain_len, SEARCH_BACKWARD, &m, &wrapped), 1);
	assert_int_equal(m.start, d->blocks[4990]->off + 3);
	assert_int_equal(search_next(s, "informacion", m.start, SEARCH_BACKWARD, &m, &wrapped), 1);
	assert_int_equal(m.start, d->blocks[7]->off + 3);
	assert_int_equal(wrapped, 0);
	assert_int_equal(search_next(s, "nandu", 0, SEARCH_FORWARD, &m, NULL), 1);
	assert_memory_equal(d->plain + m.start, "Ñandú", m.end - m.start);
	search_free(s);
	doc_free(d);
	free(t);
}

/* Random texts; a random piece of one (whole grapheme clusters, no white
 * space at either end) is found exactly where it was taken from, and every
 * match lies on character boundaries inside one block. */
static void
test_random(void **state)
{
	(void)state;
	static const char *alpha[] = {
		"a", "B", "c", "E", "s", "ß", "SS", "1", ".", "-", " ", " ", "\n",
		"é", "É", "e\xcc\x81", "ñ", "Ñ", "ж", "Ж", "ё", "Ё", "й", "日",
		"\xc2\xa0", "ﬁ", "İ", "Σ", "ς", "σ", "“", "🇪🇸",
	};
	size_t na = ARRAY_LEN(alpha);
	srand(5);
	for (int k = 0; k < 1500; k++) {
		char *rtexts[3];
		for (int t = 0; t < 3; t++) {
			buf b;
			buf_init(&b);
			int len = 1 + rand() % 40;
			for (int j = 0; j < len; j++)
				buf_adds(&b, alpha[rand() % na]);
			rtexts[t] = buf_take(&b);
		}
		doc *d = make_doc((const char *const *)rtexts, 3);
		search *s = search_new(d);
		/* The piece: clusters [a, z) of block bi. */
		size_t bi = (size_t)rand() % d->nblocks;
		const node *nd = d->blocks[bi];
		const char *t = node_text(d, nd);
		size_t a = 0, steps = (size_t)rand() % 8;
		for (size_t i = 0; i < steps; i++)
			a = text_next_grapheme(t, nd->len, a);
		size_t z = a, len = 1 + (size_t)rand() % 5;
		for (size_t i = 0; i < len; i++)
			z = text_next_grapheme(t, nd->len, z);
		char q[256];
		int ws_end = a >= z || strchr(" \n", t[a]) || strchr(" \n", t[z - 1]) ||
			     (z - a >= 2 && !memcmp(t + a, "\xc2\xa0", 2)) ||
			     (z - a >= 2 && !memcmp(t + z - 2, "\xc2\xa0", 2));
		if (!ws_end && z - a < sizeof q) {
			memcpy(q, t + a, z - a);
			q[z - a] = '\0';
			search_match m;
			int wrapped;
			int r = search_next(s, q, nd->off + a, SEARCH_FORWARD, &m, &wrapped);
			if (r != 1 || m.start != nd->off + a || m.end != nd->off + z) {
				print_error("query [%s] at %zu..%zu of [%.*s]: r %d, got %zu..%zu\n",
					    q, a, z, (int)nd->len, t, r, m.start - nd->off, m.end - nd->off);
				fail();
			}
			assert_int_equal(wrapped, 0);
			search_match all_m[64];
			long n = search_matches(s, q, 0, SIZE_MAX, all_m, 64);
			assert_true(n >= 1);
			for (long i = 0; i < n; i++) {
				size_t b = doc_block_at(d, all_m[i].start);
				const node *mb = d->blocks[b];
				assert_true(all_m[i].start >= mb->off);
				assert_true(all_m[i].end <= mb->off + mb->len);
				assert_true(all_m[i].start < all_m[i].end);
				assert_true(((unsigned char)d->plain[all_m[i].start] & 0xC0) != 0x80);
				assert_true(all_m[i].end == d->plain_len ||
					    ((unsigned char)d->plain[all_m[i].end] & 0xC0) != 0x80);
				if (i > 0)
					assert_true(all_m[i].start > all_m[i - 1].start);
			}
		}
		search_free(s);
		doc_free(d);
		for (int i = 0; i < 3; i++)
			free(rtexts[i]);
	}
}

/* Typography is plain on both sides (issue 8: all four were "Not found"). */
static void
test_typography(void **state)
{
	(void)state;
	static const char *const typo_texts[] = {
		"the people\u2019s right; l\u2019\u00c9tat partie",
		"une \u0153uvre, the principle of non\u2011intervention",
		"he said \u201cthe end\u201d",
		"in\u00adformation",
	};
	doc *d = make_doc(typo_texts, ARRAY_LEN(typo_texts));
	search *s = search_new(d);
	assert_string_equal(all(s, d, "people's"), "people\u2019s");
	assert_string_equal(all(s, d, "l'etat"), "l\u2019\u00c9tat");
	assert_string_equal(all(s, d, "oeuvre"), "\u0153uvre");
	assert_string_equal(all(s, d, "non-intervention"), "non\u2011intervention");
	assert_string_equal(all(s, d, "\"the"), "\u201cthe");
	assert_string_equal(all(s, d, "information"), "in\u00adformation");
	/* the typographic form typed finds itself and the plain one */
	assert_string_equal(all(s, d, "people\u2019s"), "people\u2019s");
	/* the rules still hold: capitals and accents make the query strict */
	assert_string_equal(all(s, d, "L'Etat"), "");
	assert_string_equal(all(s, d, "l'\u00e9tat"), "l\u2019\u00c9tat");
	assert_string_equal(all(s, d, "l'\u00c8tat"), "");
	assert_string_equal(all(s, d, "l'\u00c9tat"), "l\u2019\u00c9tat");
	search_free(s);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_smart_case_accents),
		cmocka_unit_test(test_russian),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_line_breaks_and_blocks),
		cmocka_unit_test(test_direction_wrap),
		cmocka_unit_test(test_big),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_typography),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
