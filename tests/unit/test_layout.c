/* test_layout: wrapping (UAX #14, widths, over-long words, hard breaks),
 * geometry, laziness, and addresses that survive a resize. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistr.h>

#include "doc.h"
#include "layout.h"
#include "text.h"
#include "util.h"

static const char es[] = "El pingüino Wenceslao hizo kilómetros bajo exhaustiva "
	"lluvia y frío, añoraba a su querido cachorro.";
static const char ru[] = "Съешь же ещё этих мягких французских булок, да выпей "
	"чаю. Широкая электрификация южных губерний.";
static const char decl[] = "Dado el carácter transfronterizo de las amenazas "
	"en el ámbito de la información, los Estados miembros de la Comunidad de "
	"Estados Independientes consideran importante seguir cooperando en el marco "
	"de las Naciones Unidas, incluido el Grupo de Trabajo de Composición Abierta "
	"sobre los Avances en la Esfera de la Información y las Telecomunicaciones "
	"en el Contexto de la Seguridad Internacional (2021-2025), de conformidad "
	"con la resolución 75/240.";

/* A document of paragraphs (kind k for each text, all at top level). */
static doc *
make_doc(const char *const *texts, size_t n, node_kind k)
{
	doc *d = doc_new("test");
	for (size_t i = 0; i < n; i++) {
		char id[32];
		snprintf(id, sizeof id, "p%zu", i + 1);
		node *nd = doc_add_node(d, NULL, k, id, texts[i], strlen(texts[i]));
		snprintf(id, sizeof id, "%zu", i + 1);
		doc_set_number(nd, id, id);
	}
	doc_finish(d);
	return d;
}

/* The line's text as a string (static buffer). */
static const char *
line_text(const doc *d, const layout_line *l)
{
	static char b[4096];
	const char *s = node_text(d, d->blocks[l->block]);
	size_t n = l->end - l->start;
	if (n >= sizeof b)
		n = sizeof b - 1;
	memcpy(b, s + l->start, n);
	b[n] = '\0';
	return b;
}

/* Every invariant of a block's lines: widths, no trailing spaces, nothing
 * lost between lines but spaces and hard breaks, starts increasing. */
static void
check_block(layout *lo, const doc *d, size_t b)
{
	size_t n;
	const layout_line *l = layout_block(lo, b, &n);
	const node *nd = d->blocks[b];
	const char *s = node_text(d, nd);
	size_t text_lines = b + 1 < d->nblocks ? n - 1 : n;
	assert_true(text_lines >= 1);
	if (b + 1 < d->nblocks)
		assert_true(l[n - 1].blank);
	size_t prev_end = 0;
	for (size_t i = 0; i < text_lines; i++) {
		assert_false(l[i].blank);
		assert_int_equal(l[i].block, b);
		assert_int_equal(l[i].first, i == 0);
		assert_true(l[i].start <= l[i].end && l[i].end <= nd->len);
		int cols = text_width(s + l[i].start, l[i].end - l[i].start);
		assert_int_equal(l[i].cols, cols);
		assert_true(cols <= layout_text_cols(lo, l[i].indent));
		assert_true(layout_gutter_cols(lo) + l[i].indent + cols <= layout_width(lo));
		if (l[i].end > l[i].start)
			assert_true(s[l[i].end - 1] != ' ');
		/* Between lines: only spaces, at most one '\n'. */
		int nl = 0;
		for (size_t k = prev_end; k < l[i].start; k++) {
			assert_true(s[k] == ' ' || s[k] == '\n');
			nl += s[k] == '\n';
		}
		assert_true(nl <= 1);
		if (i > 0)
			assert_true(l[i].start > l[i - 1].start);
		for (size_t k = l[i].start; k < l[i].end; k++)
			assert_true(s[k] != '\n');
		prev_end = l[i].end;
	}
	for (size_t k = prev_end; k < nd->len; k++)
		assert_true(s[k] == ' ');
}

static void
check_all(layout *lo, const doc *d)
{
	for (size_t b = 0; b < d->nblocks; b++)
		check_block(lo, d, b);
}

static void
test_wrap_es_ru(void **state)
{
	(void)state;
	const char *texts[] = { es, ru, decl };
	doc *d = make_doc(texts, 3, NODE_PARAGRAPH);
	/* 30 columns of text (the space before a break counts toward the width). */
	layout *lo = layout_new(d, 35);
	assert_int_equal(layout_gutter_cols(lo), 5);
	size_t n;
	const layout_line *l = layout_block(lo, 0, &n);
	const char *want_es[] = { "El pingüino Wenceslao hizo", "kilómetros bajo exhaustiva",
		"lluvia y frío, añoraba a su", "querido cachorro." };
	assert_int_equal(n, 5);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(line_text(d, &l[i]), want_es[i]);
	assert_int_equal(l[0].cols, 26);
	l = layout_block(lo, 1, &n);
	const char *want_ru[] = { "Съешь же ещё этих мягких", "французских булок, да выпей",
		"чаю. Широкая электрификация", "южных губерний." };
	assert_int_equal(n, 5);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(line_text(d, &l[i]), want_ru[i]);
	assert_int_equal(l[2].cols, 27);
	layout_free(lo);
	/* Many widths: all invariants. */
	for (int w = 10; w <= 130; w += 3) {
		lo = layout_new(d, w);
		check_all(lo, d);
		layout_free(lo);
	}
	doc_free(d);
}

static void
test_exact_fit(void **state)
{
	(void)state;
	/* u8_width_linebreaks would refuse "aaaa bbbb" at 9 because of the
	 * space after it; we do not. */
	const char *texts[] = { "aaaa bbbb cc" };
	doc *d = make_doc(texts, 1, NODE_PARAGRAPH);
	layout *lo = layout_new(d, 5 + 9);
	size_t n;
	const layout_line *l = layout_block(lo, 0, &n);
	assert_int_equal(n, 2);
	assert_string_equal(line_text(d, &l[0]), "aaaa bbbb");
	assert_string_equal(line_text(d, &l[1]), "cc");
	layout_free(lo);
	doc_free(d);
}

static void
test_long_words(void **state)
{
	(void)state;
	const char *texts[] = {
		"supercalifragilisticexpialidocious is long",
		"a " "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
		"e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81",
		"🇪🇸🇪🇸🇪🇸🇪🇸🇪🇸🇪🇸🇪🇸",
		"日本語のテキストは空白なしで改行できます。",
		"👨\xe2\x80\x8d👩\xe2\x80\x8d👧\xe2\x80\x8d👦 family",
	};
	doc *d = make_doc(texts, 5, NODE_PARAGRAPH);
	layout *lo = layout_new(d, 15);	/* 10 columns of text */
	size_t n;
	const layout_line *l = layout_block(lo, 0, &n);
	assert_string_equal(line_text(d, &l[0]), "supercalif");
	assert_string_equal(line_text(d, &l[1]), "ragilistic");
	assert_string_equal(line_text(d, &l[2]), "expialidoc");
	assert_string_equal(line_text(d, &l[3]), "ious is");
	assert_string_equal(line_text(d, &l[4]), "long");
	/* Decomposed é's: 10 per line, never a mark torn from its letter. */
	l = layout_block(lo, 1, &n);
	assert_int_equal(l[0].end - l[0].start, 1);	/* "a" */
	assert_int_equal(l[1].cols, 10);
	assert_int_equal(l[1].end - l[1].start, 30);
	assert_int_equal(l[2].cols, 2);
	/* Flags: 5 per line (2 columns each), each 8 bytes. */
	l = layout_block(lo, 2, &n);
	assert_int_equal(l[0].end - l[0].start, 40);
	assert_int_equal(l[0].cols, 10);
	assert_int_equal(l[1].end - l[1].start, 16);
	/* CJK breaks between ideographs. */
	l = layout_block(lo, 3, &n);
	for (size_t i = 0; i + 1 < n; i++)
		assert_true(l[i].cols <= 10);
	/* The family emoji is one 8-column cluster: it fits in 10. */
	l = layout_block(lo, 4, &n);
	assert_int_equal(l[0].cols, 8);
	check_all(lo, d);
	layout_free(lo);
	/* At the narrowest width (5 columns) the family is split between code
	 * points rather than overflow. */
	lo = layout_new(d, 10);
	check_all(lo, d);
	layout_free(lo);
	doc_free(d);
}

static void
test_hard_breaks(void **state)
{
	(void)state;
	const char *texts[] = {
		"(Firmado) Bakhtiyor Ibragimov\nRepresentante Permanente",
		"Nueva York, 22 de diciembre\n\nfinal",
		"\nstarts with a break",
		"   leading spaces and a longer text that wraps",
		"Nueva York\n        constitucional dicho",
	};
	doc *d = make_doc(texts, 5, NODE_SIGNATURE);
	layout *lo = layout_new(d, 80);
	size_t n;
	const layout_line *l = layout_block(lo, 0, &n);
	assert_int_equal(n, 3);
	assert_string_equal(line_text(d, &l[0]), "(Firmado) Bakhtiyor Ibragimov");
	assert_string_equal(line_text(d, &l[1]), "Representante Permanente");
	assert_true(l[2].blank);
	l = layout_block(lo, 1, &n);
	assert_int_equal(n, 4);
	assert_string_equal(line_text(d, &l[1]), "");
	assert_string_equal(line_text(d, &l[2]), "final");
	l = layout_block(lo, 2, &n);
	assert_int_equal(n, 3);
	assert_string_equal(line_text(d, &l[0]), "");
	assert_string_equal(line_text(d, &l[1]), "starts with a break");
	check_all(lo, d);
	layout_free(lo);
	lo = layout_new(d, 20);
	check_all(lo, d);
	/* Wrapped at 20 the leading spaces do not make an empty line. */
	l = layout_block(lo, 3, &n);
	assert_true(l[0].end > l[0].start);
	/* Spaces after a hard break do not make an empty line either. */
	l = layout_block(lo, 4, &n);
	assert_string_equal(line_text(d, &l[0]), "Nueva York");
	assert_string_equal(line_text(d, &l[1]), "constitucional");
	assert_string_equal(line_text(d, &l[2]), "dicho");
	assert_false(l[n - 1].blank);	/* last block: no separator */
	layout_free(lo);
	doc_free(d);
}

static void
test_soft_hyphen_and_controls(void **state)
{
	(void)state;
	const char *texts[] = {
		"coope\xc2\xad" "ra\xc2\xad" "ción internacional",
		"text with \x1b[31m escape and \xc2\x9b c1",
	};
	doc *d = make_doc(texts, 2, NODE_PARAGRAPH);
	for (int wd = 10; wd <= 40; wd++) {
		layout *lo = layout_new(d, wd);
		check_all(lo, d);
		layout_free(lo);
	}
	layout *lo = layout_new(d, 5 + 8);
	size_t n;
	const layout_line *l = layout_block(lo, 0, &n);
	/* "coope\xad" is 6 columns (the soft hyphen shows). */
	assert_string_equal(line_text(d, &l[0]), "coope\xc2\xad");
	assert_int_equal(l[0].cols, 6);
	layout_free(lo);
	doc_free(d);
}

/* layout_block_safe: only what text_safe_run passes (and '\n'); and the
 * one-column ranges layout counts itself (seg_cols) agree with text_width
 * for every code point in them (check_all compares each line's cols). */
static void
test_plain_and_widths(void **state)
{
	(void)state;
	buf all;
	buf_init(&all);
	static const unsigned ranges[][2] = {
		{ 0xA0, 0x2FF }, { 0x300, 0x36F }, { 0x370, 0x47F }, { 0x480, 0x48F },
		{ 0x2000, 0x202F },
	};
	int k = 0;
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
		for (unsigned c = ranges[r][0]; c <= ranges[r][1]; c++) {
			uint8_t u[4];
			int len = u8_uctomb(u, c, 4);
			buf_add(&all, (const char *)u, (size_t)len);
			if (++k % 7 == 0)
				buf_addc(&all, ' ');
		}
	const char *texts[] = {
		"plain ascii words, (brackets) and 50% more\nsecond line",
		"Comunidad de Estados Independientes \xe2\x80\x9cinformaci\xc3\xb3n\xe2\x80\x9d "
		"\xe2\x80\x94 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
		"a\tb c", "text with \x1b[31m escape", "\xce\xb1\xce\xb2 greek",
		"\xe2\x80\xae reversed", all.s,
	};
	const int safe[] = { 1, 1, 0, 0, 0, 0, 0 };
	doc *d = make_doc(texts, 7, NODE_PARAGRAPH);
	for (int wd = 10; wd <= 90; wd += 7) {
		layout *lo = layout_new(d, wd);
		assert_false(layout_block_safe(lo, 0));	/* not laid out yet */
		check_all(lo, d);
		for (size_t b = 0; b < 7; b++) {
			const node *nd = d->blocks[b];
			assert_int_equal(layout_block_safe(lo, b), safe[b]);
			/* the contract: nothing text_safe_run stops at */
			const char *t = node_text(d, nd);
			for (size_t at = 0; layout_block_safe(lo, b) && at < nd->len; at++) {
				at += text_safe_run(t + at, nd->len - at);
				if (at < nd->len)
					assert_int_equal(t[at], '\n');
			}
		}
		layout_free(lo);
	}
	doc_free(d);
	buf_clear(&all);
}

static void
test_geometry(void **state)
{
	(void)state;
	doc *d = doc_new("geo");
	node *p = doc_add_node(d, NULL, NODE_PARAGRAPH, "p13", "Texto del párrafo.", strlen("Texto del párrafo."));
	doc_set_number(p, "13.", "13");
	node *a = doc_add_node(d, p, NODE_SUBITEM, "iv", "Un subapartado bastante largo para envolver.",
				 strlen("Un subapartado bastante largo para envolver."));
	doc_set_number(a, "(iv)", "iv");
	node *h = doc_add_node(d, NULL, NODE_HEADING, "h", "Título", strlen("Título"));
	(void)h;
	doc_finish(d);
	layout *lo = layout_new(d, 40);
	assert_int_equal(layout_gutter_cols(lo), 5);
	size_t n;
	const layout_line *l = layout_block(lo, 0, &n);
	assert_int_equal(l[0].indent, 0);
	int max;
	assert_int_equal(layout_number_col(lo, &l[0], 3, &max), 1);	/* " 13. " */
	assert_int_equal(max, 3);
	l = layout_block(lo, 1, &n);
	assert_int_equal(l[0].indent, 4);
	assert_int_equal(l[1].indent, 4);
	assert_int_equal(layout_number_col(lo, &l[0], 4, &max), 4);	/* in the indent */
	assert_int_equal(layout_text_cols(lo, 4), 31);
	l = layout_block(lo, 2, &n);
	assert_int_equal(l[0].indent, 0);
	check_all(lo, d);
	layout_free(lo);
	/* At 10 columns indents give way to the text. */
	lo = layout_new(d, 10);
	l = layout_block(lo, 1, &n);
	assert_int_equal(l[0].indent, 0);
	check_all(lo, d);
	layout_free(lo);
	doc_free(d);
}

static doc *
big_doc(size_t nblocks)
{
	doc *d = doc_new("big");
	for (size_t i = 0; i < nblocks; i++) {
		char id[32];
		snprintf(id, sizeof id, "p%zu", i);
		const char *t = i % 3 == 0 ? es : i % 3 == 1 ? ru : decl;
		doc_add_node(d, NULL, NODE_PARAGRAPH, id, t, strlen(t));
	}
	doc_finish(d);
	return d;
}

static void
test_lazy(void **state)
{
	(void)state;
	doc *d = big_doc(5000);	/* ~25,000 lines */
	layout *lo = layout_new(d, 80);
	assert_int_equal(layout_lines_done(lo), 0);
	layout_addr a = layout_first(lo);
	/* A screen of 50 lines. */
	for (int i = 0; i < 50; i++) {
		assert_non_null(layout_line_at(lo, a));
		layout_step(lo, &a, 1);
	}
	assert_true(layout_lines_done(lo) < 100);
	/* The end is reached without laying out the middle. */
	a = layout_last(lo);
	assert_int_equal(a.block, 4999);
	assert_true(layout_lines_done(lo) < 120);
	assert_int_equal(layout_step(lo, &a, 1), 0);
	/* Dropping a block forgets its lines and lays it out the same again. */
	size_t n0;
	const layout_line *l = layout_block(lo, 2, &n0);
	layout_line keep = l[1];
	size_t done = layout_lines_done(lo);
	layout_drop_block(lo, 2);
	assert_int_equal(layout_lines_done(lo), done - n0);
	size_t n1;
	l = layout_block(lo, 2, &n1);
	assert_int_equal(n0, n1);
	assert_int_equal(keep.start, l[1].start);
	assert_int_equal(keep.end, l[1].end);
	assert_int_equal(keep.cols, l[1].cols);
	assert_int_equal(keep.indent, l[1].indent);
	layout_free(lo);
	doc_free(d);
}

static void
test_step(void **state)
{
	(void)state;
	doc *d = big_doc(30);
	for (int w = 10; w <= 200; w += 19) {
		layout *lo = layout_new(d, w);
		size_t total = layout_total_lines(lo);
		layout_addr a = layout_first(lo), z = layout_last(lo);
		assert_int_equal(layout_step(lo, &a, (long)total + 100), total - 1);
		assert_int_equal(a.block, z.block);
		assert_int_equal(a.line, z.line);
		assert_int_equal(layout_step(lo, &a, -(long)total - 5), total - 1);
		assert_int_equal(a.block, 0);
		assert_int_equal(a.line, 0);
		assert_int_equal(layout_step(lo, &a, -1), 0);
		/* One step at a time visits every line once, in order. */
		size_t count = 1;
		layout_addr prev = a;
		while (layout_step(lo, &a, 1) == 1) {
			assert_true(a.block > prev.block ||
				    (a.block == prev.block && a.line == prev.line + 1));
			prev = a;
			count++;
		}
		assert_int_equal(count, total);
		/* Step by 7 then back by 7. */
		a = layout_first(lo);
		layout_step(lo, &a, 40);
		layout_addr b = a;
		assert_int_equal(layout_step(lo, &b, 7), 7);
		assert_int_equal(layout_step(lo, &b, -7), 7);
		assert_int_equal(a.block, b.block);
		assert_int_equal(a.line, b.line);
		layout_free(lo);
	}
	doc_free(d);
}

static void
test_addr_pos(void **state)
{
	(void)state;
	doc *d = big_doc(12);
	int widths[] = { 10, 23, 40, 57, 80, 133, 200 };
	for (size_t wi = 0; wi < ARRAY_LEN(widths); wi++) {
		layout *lo = layout_new(d, widths[wi]);
		/* Every text line round-trips. */
		for (layout_addr a = layout_first(lo);;) {
			const layout_line *l = layout_line_at(lo, a);
			doc_pos p = layout_pos_of(lo, a);
			layout_addr b = layout_addr_of(lo, p);
			if (!l->blank) {
				assert_int_equal(b.block, a.block);
				assert_int_equal(b.line, a.line);
			} else {
				assert_int_equal(b.block, a.block);
				assert_int_equal(b.line + 1, a.line);
			}
			if (layout_step(lo, &a, 1) == 0)
				break;
		}
		/* Resize: every byte position lands on the line holding it, at
		 * every other width. */
		for (size_t wj = 0; wj < ARRAY_LEN(widths); wj++) {
			layout *lo2 = layout_new(d, widths[wj]);
			for (size_t b = 0; b < d->nblocks; b++)
				for (size_t byte = 0; byte < d->blocks[b]->len; byte += 7) {
					doc_pos p = { b, byte };
					layout_addr a = layout_addr_of(lo, p);
					doc_pos q = layout_pos_of(lo, a);
					assert_int_equal(q.block, b);
					assert_true(q.byte <= byte);
					layout_addr a2 = layout_addr_of(lo2, q);
					doc_pos q2 = layout_pos_of(lo2, a2);
					const layout_line *l2 = layout_line_at(lo2, a2);
					size_t n2;
					const layout_line *all = layout_block(lo2, b, &n2);
					size_t next = a2.line + 1 < n2 && !all[a2.line + 1].blank ?
						all[a2.line + 1].start : d->blocks[b]->len + 1;
					assert_true(l2->start <= q.byte && q.byte < next);
					assert_true(q2.byte <= q.byte);
				}
			layout_free(lo2);
		}
		layout_free(lo);
	}
	/* Out of range positions clamp. */
	layout *lo = layout_new(d, 80);
	doc_pos far = { 999, 0 };
	layout_addr a = layout_addr_of(lo, far), z = layout_last(lo);
	assert_int_equal(a.block, z.block);
	layout_free(lo);
	doc_free(d);
}

/* Random texts of every kind of character at random widths: the invariants
 * of check_block hold, and addresses round-trip. */
static void
test_random(void **state)
{
	(void)state;
	static const char *alpha[] = {
		"a", "b", "c", "d", "e", "1", "2", ".", ",", "-", "(", ")", "/", "\"",
		" ", " ", " ", " ", "\n", "é", "e\xcc\x81", "ж", "ё", "日", "本", "。",
		"🇪🇸", "👩\xe2\x80\x8d💻", "\xc2\xad", "\xc2\xa0", "\x1b", "\t",
		"\xc2\x9b", "\xe2\x80\x8b", "“", "”", "—", "supercalifragilistic",
	};
	size_t na = ARRAY_LEN(alpha);
	srand(11);
	for (int k = 0; k < 200; k++) {
		char *texts[4];
		for (int t = 0; t < 4; t++) {
			buf b;
			buf_init(&b);
			int len = 1 + rand() % 120;
			for (int j = 0; j < len; j++)
				buf_adds(&b, alpha[rand() % na]);
			texts[t] = buf_take(&b);
		}
		doc *d = make_doc((const char *const *)texts, 4, (node_kind)(NODE_PARAGRAPH + k % 4));
		int w = 10 + rand() % 50;
		layout *lo = layout_new(d, w);
		check_all(lo, d);
		for (layout_addr a = layout_first(lo);;) {
			const layout_line *l = layout_line_at(lo, a);
			layout_addr b = layout_addr_of(lo, layout_pos_of(lo, a));
			assert_int_equal(b.block, a.block);
			assert_int_equal(b.line + (l->blank ? 1 : 0), a.line);
			if (layout_step(lo, &a, 1) == 0)
				break;
		}
		layout_free(lo);
		doc_free(d);
		for (int t = 0; t < 4; t++)
			free(texts[t]);
	}
}

/* A paragraph holding one 100 KB grapheme cluster (emoji joined by ZWJ),
 * then one of a letter and 50,000 combining marks: laid out at two widths
 * with every invariant, lines that cover every byte, and a line count of
 * the order of the text's width (the clusters are cut, text.h), never one
 * line per cluster nor a line left empty. */
static void
test_huge_cluster(void **state)
{
	(void)state;
	size_t cap = 210 * 1024, n = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	n = (size_t)sprintf(s, "Before ");
	memcpy(s + n, "\xf0\x9f\x91\xa9", 4);
	n += 4;
	size_t emoji = 1;
	while (n < 100 * 1024) {
		memcpy(s + n, "\xe2\x80\x8d\xf0\x9f\x91\xa9", 7);
		n += 7;
		emoji++;
	}
	n += (size_t)sprintf(s + n, " between a");
	while (n < 205 * 1024) {
		memcpy(s + n, "\xcc\x81", 2);
		n += 2;
	}
	n += (size_t)sprintf(s + n, " after");
	s[n] = '\0';
	const char *texts[] = { "Title", s };
	doc *d = make_doc(texts, 2, NODE_PARAGRAPH);
	const int widths[] = { 30, 200 };
	for (size_t w = 0; w < 2; w++) {
		layout *lo = layout_new(d, widths[w]);
		check_all(lo, d);
		size_t nl;
		const layout_line *l = layout_block(lo, 1, &nl);
		int avail = layout_text_cols(lo, l[0].indent);
		size_t covered = 0;
		long cols = 0;
		for (size_t i = 0; i < nl; i++) {
			assert_true(l[i].end > l[i].start);
			covered += l[i].end - l[i].start;
			cols += l[i].cols;
		}
		/* All but the spaces between lines (check_all: nothing else is
		 * between them; the text has three) is on a line. */
		assert_true(covered <= n && covered + 3 >= n);
		assert_int_equal(cols + (long)(n - covered), text_width(s, n));
		/* Lines are at least half full: the emoji take 2 columns each,
		 * a cut cluster TEXT_GRAPHEME_MAX_CPS columns, and a wide one
		 * is cut between code points. */
		long min_fill = avail / 2;
		if (min_fill > avail - TEXT_GRAPHEME_MAX_CPS && avail > TEXT_GRAPHEME_MAX_CPS)
			min_fill = avail - TEXT_GRAPHEME_MAX_CPS;
		assert_true(nl <= (size_t)(2 * (long)emoji / min_fill + 4));
		assert_true(nl >= (size_t)(2 * (long)emoji / avail));
		layout_free(lo);
	}
	doc_free(d);
	free(s);
}

static void
test_empty_doc(void **state)
{
	(void)state;
	doc *d = doc_new("empty");
	doc_finish(d);
	layout *lo = layout_new(d, 80);
	layout_addr a = layout_first(lo);
	assert_int_equal(layout_step(lo, &a, 5), 0);
	assert_int_equal(layout_total_lines(lo), 0);
	a = layout_last(lo);
	assert_int_equal(a.block, 0);
	size_t n;
	assert_null(layout_block(lo, 0, &n));
	assert_int_equal(n, 0);
	layout_free(lo);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_es_ru),
		cmocka_unit_test(test_exact_fit),
		cmocka_unit_test(test_long_words),
		cmocka_unit_test(test_hard_breaks),
		cmocka_unit_test(test_soft_hyphen_and_controls),
		cmocka_unit_test(test_plain_and_widths),
		cmocka_unit_test(test_geometry),
		cmocka_unit_test(test_lazy),
		cmocka_unit_test(test_step),
		cmocka_unit_test(test_addr_pos),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_huge_cluster),
		cmocka_unit_test(test_empty_doc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
