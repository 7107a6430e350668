/* Unit tests of anchor.c: fingerprint and key, quote/position selectors in
 * characters, and re-attachment of notes made on the bundled declaration
 * to real variants of it (tests/data/notes, made by make-variants.py):
 * different line breaks and page furniture (all ok), a clause edited
 * (fuzzy with a score), a clause removed (orphan), clauses swapped
 * (moved). */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <uninorm.h>

#include "anchor.h"
#include "doc.h"
#include "util.h"
#include "../notes/testdoc.h"

typedef struct fixture {
	doc *base, *rewrapped, *edited, *removed, *reordered;
	anchor_doc *abase, *arewrapped, *aedited, *aremoved, *areordered;
} fixture;

static fixture F;

static int
setup(void **state)
{
	(void)state;
	F.base = testdoc_fixture("cis-declaration-2020.txt");
	F.rewrapped = testdoc_fixture("rewrapped.txt");
	F.edited = testdoc_fixture("edited.txt");
	F.removed = testdoc_fixture("removed.txt");
	F.reordered = testdoc_fixture("reordered.txt");
	if (!F.base || !F.rewrapped || !F.edited || !F.removed || !F.reordered)
		return -1;
	F.abase = anchor_doc_new(F.base);
	F.arewrapped = anchor_doc_new(F.rewrapped);
	F.aedited = anchor_doc_new(F.edited);
	F.aremoved = anchor_doc_new(F.removed);
	F.areordered = anchor_doc_new(F.reordered);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	anchor_doc_free(F.abase);
	anchor_doc_free(F.arewrapped);
	anchor_doc_free(F.aedited);
	anchor_doc_free(F.aremoved);
	anchor_doc_free(F.areordered);
	doc_free(F.base);
	doc_free(F.rewrapped);
	doc_free(F.edited);
	doc_free(F.removed);
	doc_free(F.reordered);
	return 0;
}

/* An anchor on a whole clause of the base document, found by its start. */
static void
clause_anchor(const char *start, anchor *a)
{
	node *nd = testdoc_block(F.base, start);
	assert_non_null(nd);
	assert_int_equal(0, anchor_make_node(F.abase, nd, a));
}

/* An anchor on the first occurrence of quote inside the clause. */
static void
quote_anchor(const char *clause_start, const char *quote, anchor *a)
{
	node *nd = testdoc_block(F.base, clause_start);
	assert_non_null(nd);
	const char *hit = memmem(F.base->plain + nd->off, nd->len, quote, strlen(quote));
	assert_non_null(hit);
	size_t off = (size_t)(hit - F.base->plain);
	assert_int_equal(0, anchor_make(F.abase, off, off + strlen(quote), a));
}

/* The text a match points at equals the quote. */
static void
assert_match_text(const anchor_doc *ad, const anchor_match *m, const char *exact)
{
	assert_int_equal(strlen(exact), m->end_byte - m->start_byte);
	assert_memory_equal(ad->d->plain + m->start_byte, exact, strlen(exact));
}

static void
test_fingerprint(void **state)
{
	(void)state;
	assert_string_equal(F.abase->fingerprint, F.arewrapped->fingerprint);
	assert_string_not_equal(F.abase->fingerprint, F.aedited->fingerprint);
	assert_string_not_equal(F.abase->fingerprint, F.aremoved->fingerprint);
	assert_string_not_equal(F.abase->fingerprint, F.areordered->fingerprint);
	assert_int_equal(0, strncmp(F.abase->fingerprint, "fp1:", 4));
	assert_int_equal(36, strlen(F.abase->fingerprint));
	/* the corrected document keeps its identity */
	assert_string_equal(F.abase->key, F.aedited->key);
	assert_string_equal(F.abase->key, F.aremoved->key);
	assert_int_equal(0, strncmp(F.abase->key, "title:Carta de fecha 22", 23));
}

/* White space alone never changes a fingerprint; a letter does. */
static void
test_fingerprint_whitespace(void **state)
{
	(void)state;
	doc *a = doc_new("a"), *b = doc_new("b"), *c = doc_new("c");
	static const char ta[] = "Información  y\u00a0comunicaciones.";
	static const char tb[] = " Información y\ncomunicaciones. ";
	static const char tc[] = "Informacion y comunicaciones.";
	doc_add_node(a, NULL, NODE_PARAGRAPH, "p1", ta, strlen(ta));
	doc_add_node(b, NULL, NODE_PARAGRAPH, "p1", tb, strlen(tb));
	doc_add_node(c, NULL, NODE_PARAGRAPH, "p1", tc, strlen(tc));
	doc_finish(a);
	doc_finish(b);
	doc_finish(c);
	char *fa = anchor_fingerprint(a), *fb = anchor_fingerprint(b), *fc = anchor_fingerprint(c);
	assert_string_equal(fa, fb);
	assert_string_not_equal(fa, fc);
	free(fa);
	free(fb);
	free(fc);
	doc_free(a);
	doc_free(b);
	doc_free(c);
}

/* The code points the fingerprint does not normalise are left alone by
 * NFC in any context: combining class 0, NFC of each alone is itself, and
 * none is the second half of a canonical composition. */
static void
test_nfc_stable_ranges(void **state)
{
	(void)state;
	for (ucs4_t c = 0; c < 0x110000; c++) {
		if (c >= 0xD800 && c < 0xE000)
			continue;
		ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
		int nd = uc_canonical_decomposition(c, dec);
		if (nd == 2 && anchor_nfc_stable(dec[1])) {
			print_error("U+%04X composes from U+%04X U+%04X\n", (unsigned)c,
				    (unsigned)dec[0], (unsigned)dec[1]);
			fail();
		}
		if (!anchor_nfc_stable(c))
			continue;
		assert_int_equal(0, uc_combining_class(c));
		uint8_t u[8], out[32];
		int ul = u8_uctomb(u, c, sizeof u);
		assert_true(ul > 0);
		size_t ol = sizeof out;
		uint8_t *r = u8_normalize(UNINORM_NFC, u, (size_t)ul, out, &ol);
		assert_ptr_equal(r, out);
		assert_int_equal((size_t)ul, ol);
		assert_memory_equal(u, out, ol);
	}
}

static doc *
one_paragraph(const char *text, size_t len)
{
	doc *d = doc_new("t");
	doc_add_node(d, NULL, NODE_PARAGRAPH, "p1", text, len);
	doc_finish(d);
	return d;
}

/* The fingerprint normalises only the runs that need it: on text with
 * decomposed letters, singletons (Ohm, Angstrom, CJK compatibility),
 * combining marks out of order and Hangul jamo it equals the fingerprint
 * of the text normalised whole, as before the fast path; and so on the
 * test documents. */
static void
test_fingerprint_nfc_runs(void **state)
{
	(void)state;
	static const char mixed[] =
		"Informé de la Secretaría; Ω y Å; Й Й;"
		" ệ ệ ą́ 각 豈 x̀"
		" آ آ café “ok” 中文 क़";
	const doc *docs[] = { NULL, F.base, F.edited, F.removed, F.reordered };
	doc *own = one_paragraph(mixed, strlen(mixed));
	docs[0] = own;
	for (size_t i = 0; i < ARRAY_LEN(docs); i++) {
		const doc *d = docs[i];
		size_t nl = 0;
		uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)d->plain,
					    d->plain_len, NULL, &nl);
		assert_non_null(nfc);
		doc *dn = one_paragraph((const char *)nfc, nl);
		char *fp = anchor_fingerprint(d), *want = anchor_fingerprint(dn);
		assert_string_equal(fp, want);
		if (i == 0)	/* and the text did need normalising */
			assert_true(nl != d->plain_len || memcmp(nfc, d->plain, nl) != 0);
		free(fp);
		free(want);
		free(nfc);
		doc_free(dn);
	}
	doc_free(own);
}

/* Offsets and context are characters, not bytes. */
static void
test_selectors_in_characters(void **state)
{
	(void)state;
	anchor a;
	quote_anchor("Carta de fecha", "Uzbekistán", &a);
	assert_string_equal("Uzbekistán", a.exact);
	assert_int_equal(10, a.end - a.start);	/* 11 bytes, 10 characters */
	assert_int_equal(ANCHOR_CONTEXT_CHARS, u8_mbsnlen((const uint8_t *)a.prefix, strlen(a.prefix)));
	assert_int_equal(ANCHOR_CONTEXT_CHARS, u8_mbsnlen((const uint8_t *)a.suffix, strlen(a.suffix)));
	assert_string_equal("letter", a.path);
	/* the character offset names the same place as the bytes */
	size_t b = F.abase->byte_of[a.start];
	assert_memory_equal(F.base->plain + b, "Uzbekistán", 11);
	anchor_clear(&a);
	/* further on, after accented letters, bytes run ahead of characters */
	quote_anchor("Exhortan a la comunidad mundial a que adopte", "desinformación", &a);
	assert_int_equal(14, a.end - a.start);
	assert_true(F.abase->byte_of[a.start] > a.start);
	assert_memory_equal(F.base->plain + F.abase->byte_of[a.start], "desinformación", 15);
	anchor_clear(&a);

	/* at the very start there is no prefix */
	assert_int_equal(0, anchor_make(F.abase, 0, 5, &a));
	assert_string_equal("", a.prefix);
	assert_int_equal(0, a.start);
	anchor_clear(&a);
	/* white space only, or nothing: no anchor */
	node *p1 = testdoc_block(F.base, "Tengo el honor");
	assert_non_null(p1);
	assert_int_equal(-1, anchor_make(F.abase, p1->off - 2, p1->off, &a));
	assert_int_equal(-1, anchor_make(F.abase, 10, 10, &a));
	assert_int_equal(-1, anchor_make(F.abase, F.base->plain_len + 5, F.base->plain_len + 9, &a));
}

/* Every clause of the base document re-attaches to itself, and to the copy
 * with other line breaks and page furniture, as ok at the same place. */
static void
test_same_and_rewrapped_all_ok(void **state)
{
	(void)state;
	assert_true(F.base->nblocks > 15);
	for (size_t i = 0; i < F.base->nblocks; i++) {
		anchor a;
		node *nd = F.base->blocks[i];
		if (anchor_make_node(F.abase, nd, &a) < 0)
			continue;
		anchor_match m;
		anchor_resolve(F.abase, &a, &m);
		assert_int_equal(ANCHOR_OK, m.status);
		assert_int_equal(a.start, m.start);
		assert_ptr_equal(nd, m.node);
		anchor_resolve(F.arewrapped, &a, &m);
		assert_int_equal(ANCHOR_OK, m.status);
		assert_true(m.score == 1.0);
		assert_string_equal(nd->path, m.node->path);
		assert_match_text(F.arewrapped, &m, a.exact);
		anchor_clear(&a);
	}
}

/* A reworded clause: fuzzy with a score; a quote in it that the edit did
 * not touch: ok; other clauses: ok. */
static void
test_edited_clause_fuzzy(void **state)
{
	(void)state;
	anchor a;
	anchor_match m;
	clause_anchor("Exhortan a la comunidad mundial a que adopte", &a);
	anchor_resolve(F.aedited, &a, &m);
	assert_int_equal(ANCHOR_FUZZY, m.status);
	assert_true(m.score >= ANCHOR_FUZZY_MIN);
	assert_true(m.score < 1.0);
	assert_true(m.score > 0.9);	/* a few words in a long clause */
	assert_non_null(m.node);
	assert_string_equal(a.path, m.node->path);
	assert_int_equal(0, memcmp(F.edited->plain + m.start_byte,
				   "Exhortan a la comunidad internacional", 37));
	anchor_clear(&a);

	quote_anchor("Exhortan a la comunidad mundial a que adopte",
		     "reforzar la lucha contra la desinformación", &a);
	anchor_resolve(F.aedited, &a, &m);
	assert_int_equal(ANCHOR_OK, m.status);
	assert_match_text(F.aedited, &m, a.exact);
	anchor_clear(&a);

	clause_anchor("Dado el carácter transfronterizo", &a);
	anchor_resolve(F.aedited, &a, &m);
	assert_int_equal(ANCHOR_OK, m.status);
	anchor_clear(&a);
}

/* A removed clause: orphan, keeping its quote and old place; the clauses
 * after it renumber (moved), those before stay ok. */
static void
test_removed_clause_orphan(void **state)
{
	(void)state;
	anchor a;
	anchor_match m;
	clause_anchor("Al mismo tiempo, les preocupa", &a);
	anchor_resolve(F.aremoved, &a, &m);
	assert_int_equal(ANCHOR_ORPHAN, m.status);
	assert_null(m.node);
	assert_true(m.score < ANCHOR_FUZZY_MIN);
	assert_int_equal(a.start, m.start);
	assert_non_null(strstr(a.exact, "les preocupa"));	/* nothing lost */
	anchor_clear(&a);

	/* The clause before it: its words are all there, but its suffix
	 * (the start of the removed clause) is gone: fuzzy, score 1. */
	clause_anchor("Los Jefes de Estado reconocen", &a);
	anchor_resolve(F.aremoved, &a, &m);
	assert_int_equal(ANCHOR_FUZZY, m.status);
	assert_true(m.score == 1.0);
	assert_match_text(F.aremoved, &m, a.exact);
	anchor_clear(&a);

	clause_anchor("Dado el carácter transfronterizo", &a);
	anchor_resolve(F.aremoved, &a, &m);
	assert_int_equal(ANCHOR_MOVED, m.status);
	assert_string_not_equal(a.path, m.node->path);
	assert_match_text(F.aremoved, &m, a.exact);
	anchor_clear(&a);
}

/* Swapped clauses: each found whole at the other's place, but with other
 * neighbours (its context changed): fuzzy with score 1, never moved. */
static void
test_reordered_moved(void **state)
{
	(void)state;
	anchor a, b;
	anchor_match ma, mb;
	clause_anchor("Destacan, en particular", &a);
	clause_anchor("Reafirmando la importancia", &b);
	anchor_resolve(F.areordered, &a, &ma);
	anchor_resolve(F.areordered, &b, &mb);
	assert_int_equal(ANCHOR_FUZZY, ma.status);
	assert_int_equal(ANCHOR_FUZZY, mb.status);
	assert_true(ma.score == 1.0 && mb.score == 1.0);
	assert_string_equal(a.path, mb.node->path);
	assert_string_equal(b.path, ma.node->path);
	assert_match_text(F.areordered, &ma, a.exact);
	assert_match_text(F.areordered, &mb, b.exact);
	anchor_clear(&a);
	anchor_clear(&b);
}

/* A quote that occurs many times follows its context, not its node path
 * or its offset. */
static void
test_context_picks_occurrence(void **state)
{
	(void)state;
	anchor a;
	anchor_match m;
	quote_anchor("Reafirmando la importancia", "las Naciones Unidas", &a);
	assert_non_null(strstr(a.suffix, "del primer mecanismo"));
	struct { const anchor_doc *ad; anchor_status want; } v[] = {
		{ F.abase, ANCHOR_OK }, { F.arewrapped, ANCHOR_OK },
		{ F.aedited, ANCHOR_OK }, { F.aremoved, ANCHOR_MOVED },
		{ F.areordered, ANCHOR_MOVED },
	};
	for (size_t i = 0; i < ARRAY_LEN(v); i++) {
		anchor_resolve(v[i].ad, &a, &m);
		assert_int_equal(v[i].want, m.status);
		assert_match_text(v[i].ad, &m, a.exact);
		const char *after = v[i].ad->d->plain + m.end_byte;
		assert_int_equal(0, strncmp(after, ", del primer mecanismo", 22));
	}
	anchor_clear(&a);
}

/* The base fixture's source with the first occurrence of cut removed,
 * parsed. */
static doc *
variant_without(const char *cut)
{
	char *path = testdoc_path("cis-declaration-2020.txt");
	source src;
	char *err = NULL;
	assert_int_equal(0, source_load(path, &src, &err));
	char *hit = memmem(src.data, src.len, cut, strlen(cut));
	assert_non_null(hit);
	size_t k = strlen(cut), at = (size_t)(hit - src.data);
	char *t = xmalloc(src.len);
	memcpy(t, src.data, at);
	memcpy(t + at, src.data + at + k, src.len - at - k);
	doc *d = parse_document(path, t, src.len - k, NULL);
	free(t);
	source_clear(&src);
	free(path);
	assert_non_null(d);
	return d;
}

/* Issue 11: a whole clause whose first words were removed is found in the
 * clause itself, starting on its first surviving word, with the share of
 * the quote matched as its score; never on the end of the clause before
 * (where an edit-distance match used to start). */
static void
test_first_words_removed(void **state)
{
	(void)state;
	anchor a;
	anchor_match m;
	clause_anchor("Al mismo tiempo, les preocupa", &a);
	doc *d = variant_without("Al mismo tiempo, ");
	anchor_doc *ad = anchor_doc_new(d);
	anchor_resolve(ad, &a, &m);
	assert_int_equal(ANCHOR_FUZZY, m.status);
	assert_int_equal(0, memcmp(d->plain + m.start_byte, "les preocupa", 12));
	size_t m_chars = a.end - a.start;
	double want = (double)(m_chars - 17) / (double)m_chars;
	/* within a few characters (a space may align with the break) */
	assert_true(m.score > want - 0.01 && m.score < want + 0.01);
	assert_non_null(m.node);
	assert_ptr_equal(testdoc_block(d, "les preocupa"), m.node);
	anchor_doc_free(ad);
	doc_free(d);
	anchor_clear(&a);
}

/* Issue 11: a short quote ("Jefes de Estado") of a removed clause occurs
 * in the next clause too, with other context: an orphan, not ok there. */
static void
test_short_quote_lost_context(void **state)
{
	(void)state;
	anchor a;
	anchor_match m;
	quote_anchor("Los Jefes de Estado de los Estados miembros", "Jefes de Estado", &a);
	doc *d = variant_without(
		" Los Jefes de Estado de los Estados miembros de la Comunidad de Estados \n\n"
		"Independientes observan los considerables progresos realizados en el desarrollo de \n\n"
		"las tecnologías de la información y las comunicaciones y su significativo impacto en \n\n"
		"la vida cotidiana de las personas de todo el mundo.  \n\n");
	assert_non_null(testdoc_block(d, "Los Jefes de Estado reconocen"));
	anchor_doc *ad = anchor_doc_new(d);
	anchor_resolve(ad, &a, &m);
	assert_int_equal(ANCHOR_ORPHAN, m.status);
	assert_null(m.node);
	anchor_doc_free(ad);
	doc_free(d);
	anchor_clear(&a);
}

/* A short quote absent from the text is an orphan that keeps its text,
 * with the share of it found nearest (below ANCHOR_FUZZY_MIN) as its
 * score; a short quote present in the text but with none of its context
 * is an orphan too (since issue 11: such words elsewhere are no evidence;
 * before, any short exact occurrence was taken). */
static void
test_short_quote_no_fuzzy(void **state)
{
	(void)state;
	anchor a = { 0 };
	a.path = xstrdup("annex1/decl/p3");
	a.exact = xstrdup("Ciberpaz");	/* not in the text */
	a.prefix = xstrdup("");
	a.suffix = xstrdup("");
	a.start = 100;
	a.end = 108;
	anchor_match m;
	anchor_resolve(F.abase, &a, &m);
	assert_int_equal(ANCHOR_ORPHAN, m.status);
	assert_true(m.score < ANCHOR_FUZZY_MIN);
	free(a.exact);
	a.exact = xstrdup("Jefes de Estado");	/* many times in the text */
	free(a.prefix);
	a.prefix = xstrdup("no tal contexto ");
	anchor_resolve(F.abase, &a, &m);
	assert_int_equal(ANCHOR_ORPHAN, m.status);
	assert_true(m.score < ANCHOR_FUZZY_MIN);
	assert_null(m.node);
	anchor_clear(&a);
}

static void
test_status_names(void **state)
{
	(void)state;
	for (int s = ANCHOR_OK; s <= ANCHOR_ORPHAN; s++)
		assert_int_equal(s, anchor_status_from_name(anchor_status_name(s)));
	assert_int_equal(-1, anchor_status_from_name("lost"));
	assert_int_equal(-1, anchor_status_from_name(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fingerprint),
		cmocka_unit_test(test_fingerprint_whitespace),
		cmocka_unit_test(test_nfc_stable_ranges),
		cmocka_unit_test(test_fingerprint_nfc_runs),
		cmocka_unit_test(test_selectors_in_characters),
		cmocka_unit_test(test_same_and_rewrapped_all_ok),
		cmocka_unit_test(test_edited_clause_fuzzy),
		cmocka_unit_test(test_removed_clause_orphan),
		cmocka_unit_test(test_reordered_moved),
		cmocka_unit_test(test_context_picks_occurrence),
		cmocka_unit_test(test_short_quote_no_fuzzy),
		cmocka_unit_test(test_first_words_removed),
		cmocka_unit_test(test_short_quote_lost_context),
		cmocka_unit_test(test_status_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
