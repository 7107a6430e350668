/* parse/parse.c: extracted UN document text -> the document model
 * (parse.h). The driver: each pass is one call, in this order, each
 * linear in the input:
 *  1. lines (lines.c): split, trim, measure (indent, width in code
 *     points; the margin, double spacing, the typical full line);
 *     a hosting site's chrome at the top and the end of the text (web
 *     copies: navigation, file facts, counters, pagination) is flagged
 *     first, so that it does not count in the measures;
 *  2. furniture (furniture.c, tables.c): masthead zones (United Nations /
 *     organ / Distr. / date / Original / session / agenda item + titles)
 *     and page furniture (job numbers, barcodes, "n/m", "Page n", the
 *     symbol, running titles between them, continuation marks) are flagged
 *     and read into doc->meta; lines after a "_____" separator up to the
 *     page end are footnotes; a table's header row repeated at page tops
 *     is furniture after its first showing; then the page map;
 *  3. blocks (blocks.c): the remaining lines are grouped into blocks. A
 *     block ends at a blank gap, before a line that starts with a marker
 *     ("1.", "(a)", "I.", "(Signed)", "[Original"), before an indented
 *     line, and at a page break when the last line is short and closes a
 *     sentence; the words line-end hyphens need are counted (words.c);
 *  4. tree (tree.c): blocks are joined into texts (words.c), classified
 *     (letter title, annex, heading, section, paragraph, sub-item,
 *     signature, note, table, row) and nested; footnotes go at the end of
 *     their top-level part (the letter, an annex or the document); the
 *     facts the tree tells (sender, addressee, title, session: below) go
 *     to doc->meta; footnote marks become superscripts;
 *  5. emit (emit.c): the tree becomes the document's nodes and plain text.
 * The words of each language come from lang.c. Block texts live in an
 * arena of their own (arena.c). The types the passes share are in
 * parse_impl.h.
 *
 * Extraction styles seen in the corpus and handled here: "double-spaced"
 * text (every line followed by an empty line; a paragraph starts indented
 * and a line with no blank before it is a page boundary), PyMuPDF text
 * (" " lines between paragraphs, "1." alone on a line), railcar text
 * (pages joined by an empty line, no blank between paragraphs), MNBVC text
 * (no blank lines at all, "1. " inline). */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "parse/parse_impl.h"
#include "un/date.h"
#include "un/session.h"

/* ---------- letter title facts ---------- */

static char *
between(const char *s, size_t n, const char *const *from, const char *const *to)
{
	for (size_t f = 0; from && from[f]; f++) {
		size_t at = lang_find(s, n, from[f]);
		if (at == (size_t)-1)
			continue;
		size_t k = at + strlen(from[f]);
		while (k < n && s[k] == ' ')
			k++;
		size_t e = n;
		for (size_t t = 0; to && to[t]; t++) {
			size_t x = lang_find(s + k, n - k, to[t]);
			if (x != (size_t)-1 && k + x < e)
				e = k + x;
		}
		while (e > k && (s[e - 1] == ' ' || s[e - 1] == ','))
			e--;
		if (e > k)
			return xstrndup(s + k, e - k);
	}
	return NULL;
}

static void
letter_facts(parser *p, const tnode *letter)
{
	doc_meta *m = &p->d->meta;
	const char *s = letter->text;
	size_t n = letter->len;
	char iso[11];
	if (!m->date && date_find(s, n, iso))
		doc_meta_set(&m->date, iso);
	if (!m->sender)
		m->sender = between(s, n, p->lw->from, p->lw->from_end);
	if (!m->addressee)
		m->addressee = between(s, n, p->lw->to, p->lw->to_end);
	if (!m->title)
		m->title = xstrndup(s, n);
	/* the body asks for circulation under agenda items */
	for (size_t i = 0; i < letter->nkids; i++) {
		tnode *k = letter->kids[i];
		if (k->kind == NODE_PARAGRAPH)
			furniture_agenda_from_text(p, k->text, k->len);
	}
}

/* A title without the footnote mark at its end ("…on Italy*",
 * "…сторонами*", "…2030¹"): the mark belongs to the heading, not to
 * the name. */
static void find_title_in(parser *p, tnode *root);

static void
title_unmark(char *t)
{
	if (!t)
		return;
	size_t n = strlen(t);
	for (;;) {
		while (n > 0 && (t[n - 1] == '*' || t[n - 1] == ' '))
			n--;
		ucs4_t c = last_uc(t, n);
		if (c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079))
			n -= c < 0x800 ? 2 : 3;
		else
			break;
	}
	if (n)
		t[n] = '\0';
}

/* The document's own title: the letter title, a resolution title
 * ("80/16. Title"), else the first heading that is not a preamble. */
static void
find_title(parser *p, tnode *root)
{
	doc_meta *m = &p->d->meta;
	find_title_in(p, root);
	title_unmark(m->title);
}

static void
find_title_in(parser *p, tnode *root)
{
	doc_meta *m = &p->d->meta;
	if (m->title)
		return;
	for (size_t i = 0; i < root->nkids; i++) {
		tnode *k = root->kids[i];
		if (k->kind == NODE_HEADING && k->len && k->number &&
		    strchr(k->number, '/')) {
			m->title = xstrndup(k->text, k->len);
			return;
		}
	}
	for (size_t i = 0; i < root->nkids; i++) {
		tnode *k = root->kids[i];
		if (k->kind != NODE_HEADING || !k->len || last_uc(k->text, k->len) == ',' ||
		    lang_prefix_any(k->text, k->len, lang_not_title, NULL))
			continue;
		m->title = xstrndup(k->text, k->len);
		return;
	}
}

/* ---------- driver ---------- */

/* The session when neither the symbol nor the masthead gave one: the
 * symbol's session wins over the masthead's; an A/HRC symbol's "session"
 * line is the Council's, not the Assembly's.
 * Inference, documented: a letter circulated as a General Assembly
 * document under agenda items, dated D, belongs to the session in
 * progress on D by the rules of procedure (session_on_date, src/un). */
static void
find_session(parser *p, const builder *bd)
{
	doc_meta *m = &p->d->meta;
	if (m->symbol && session_from_symbol(m->symbol))
		m->session = session_from_symbol(m->symbol);
	else if (m->symbol && strncmp(m->symbol, "A/HRC", 5) == 0)
		m->session = 0;
	if (!m->session && m->date && m->nagenda && bd->has_letter) {
		int ga = 0;
		for (size_t i = 0; i < bd->root->nkids && !ga; i++) {
			tnode *l = bd->root->kids[i];
			if (l->kind != NODE_LETTER)
				continue;
			for (size_t k = 0; k < l->nkids && !ga; k++)
				for (size_t o = 0; lang_ga_names[o] && !ga; o++)
					ga = l->kids[k]->text &&
					     lang_find(l->kids[k]->text, l->kids[k]->len,
						       lang_ga_names[o]) != (size_t)-1;
		}
		if (ga)
			m->session = session_on_date(m->date);
	}
}

/* What the tree tells doc->meta: each letter's sender and addressee, the
 * title, the session. */
static void
find_facts(parser *p, const builder *bd)
{
	for (size_t i = 0; i < bd->root->nkids; i++)
		if (bd->root->kids[i]->kind == NODE_LETTER)
			letter_facts(p, bd->root->kids[i]);
	find_title(p, bd->root);
	find_session(p, bd);
}

/* Footnote marks glued to the text become superscripts where the
 * document has that footnote; a part's footnote whose mark only the
 * document's own text has goes to the document. */
static void
find_marks(parser *p, tnode *root)
{
	unsigned char has[MARK_MAX + 1] = { 0 };
	tree_footnote_numbers(root, has);
	tree_mark_footnotes(p, root, has);
	tree_home_footnotes(root);
}

/* The line records and word sets are done with once the tree knows its
 * source bytes: freed before the model grows (the peak of memory is
 * here). */
static void
drop_lines(parser *p, tnode *root)
{
	emit_set_src(p, root);
	arena_big_free(p->L, p->lcap * sizeof *p->L);
	p->L = NULL;
	words_set_clear(&p->words);
	free(p->cand_keys);
	free(p->sketch);
	words_set_clear(&p->running);
}

/* doc->plain in one allocation: grown by doubling, the copies it leaves
 * in the heap would raise the peak. */
static void
reserve_plain(doc *d, const tnode *root)
{
	size_t need = d->plain_len + emit_plain_bytes(root) + 1;
	if (need > d->plain_cap) {
		d->plain = xrealloc(d->plain, need);
		d->plain_cap = need;
	}
}

doc *
parse_document(const char *name, const char *text, size_t len,
	       const parse_options *opt)
{
	parser P = { 0 }, *p = &P;
	p->t = text;
	p->n = len;
	p->d = doc_new(name);
	const char *code = opt && opt->lang ? opt->lang
			 : opt && opt->no_detect ? NULL : lang_detect(text, len);
	doc_meta_set(&p->d->meta.lang, code);
	p->lw = lang_get(code);
	int repair = !(opt && opt->keep_splits);

	/* 1. lines (the word set serves line-end hyphens and split words
	 * only: after the blocks, their candidates only) */
	lines_split(p);
	furniture_find_chrome(p);	/* measured without it */
	lines_measure(p);

	/* 2. masthead, furniture, contents, footnote areas, table headers
	 * (a site's chrome: above) */
	furniture_find_mastheads(p);
	furniture_find(p);
	furniture_find_toc(p);
	furniture_find_footnotes(p);
	tables_find_heads(p);
	furniture_page_map(p);

	/* 3. blocks */
	size_t nb;
	block *blocks = blocks_group(p, &nb);
	words_hyphens(p, blocks, nb, repair);

	/* 4. tree, then what it tells the metadata */
	builder B = { 0 };
	B.p = p;
	tree_build(&B, blocks, nb, repair);
	find_facts(p, &B);
	find_marks(p, B.root);
	furniture_record(p);

	/* the model: the tree emitted into doc */
	drop_lines(p, B.root);
	reserve_plain(p->d, B.root);
	emit_kids(p, p->d->root, B.root);
	tree_free(p, B.root);
	arena_clear(p);
	doc_finish(p->d);
	return p->d;
}
