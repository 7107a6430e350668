/* parse/tree.c: pass 4. Each block's text is assembled (words.c), the
 * block classified (letter title, annex, heading, section, paragraph,
 * sub-item, signature, note, table, row, footnote) and put into the tree
 * (tnode, parse_impl.h); footnotes go at the end of their top-level part.
 * Then footnote marks glued to the text become superscripts.
 *
 * Tables: a LF_THEAD block opens a NODE_TABLE whose text is the titles
 * joined by " | ". The blocks after it are its rows (NODE_ROW, one block
 * each, cells reflowed) and the notes under it ("a In accordance with …":
 * NODE_NOTE numbered "a"), until a block that cannot be a row: a numbered
 * paragraph with a sentence, a I./A. or keyword section, an annex, a
 * signature, or prose filling the measure. A last row that reads as a
 * heading (one line, no figure) is the heading of what follows. A
 * header-row's rows in one block (no blank lines between them) stay one
 * row.
 *
 * Lists and parts. Unmarked blocks after a numbered paragraph ending in
 * ':' are its items (NODE_SUBITEM without number or cite) up to the next
 * clause or heading; "(b)" at a line's start after a block opened by
 * "(a)" is the next item even without punctuation before it; an
 * unnumbered "Annex" after an unnumbered annex that transmits a body is
 * that body's own annex (nested in it, cited "Annex, Annex, …"). A
 * draft decision's lettered clauses after its preamble ("(a) Decides …")
 * are paragraphs numbered "(a)", not sub-items of the last preambular
 * paragraph (operative_item). Numbered paragraphs inline on one line
 * longer than a page's ("…; 2. Requests … 3. Decides …": a web copy)
 * are split into paragraphs (inline_paras).
 *
 * Bounds. A letter title after an annex that has had its text opens a new
 * letter at top level (letter_after_annex: compilations made with `cat`
 * would otherwise nest each copy in the declaration before it). No node
 * is deeper than TREE_MAX_DEPTH levels below the root: tn_add puts a kid
 * of the deepest level beside its would-be parent. The walks over the
 * tree (here, emit.c, and doc.c/export.c over the model emitted from it)
 * recurse one frame per level, so never deeper than that. */
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

/* ---------- tree ---------- */

static tnode *
tn_new(node_kind kind)
{
	tnode *t = xcalloc(1, sizeof *t);
	t->kind = kind;
	return t;
}

/* The node that takes a kid offered to parent: parent, or, at the
 * deepest level, its nearest ancestor above TREE_MAX_DEPTH - 1, so the
 * kid stays at the deepest level. */
static tnode *
tn_host(tnode *parent)
{
	while (parent->depth >= TREE_MAX_DEPTH && parent->parent)
		parent = parent->parent;
	return parent;
}

static void
tn_add(tnode *parent, tnode *kid)
{
	parent = tn_host(parent);
	kid->depth = parent->depth + 1;
	xgrow((void **)&parent->kids, &parent->cap, parent->nkids + 1, sizeof *parent->kids);
	parent->kids[parent->nkids++] = kid;
	kid->parent = parent;
}

/* A footnote shown at the end of parent's part: emitted as one of its
 * kids, so bounded as they are. */
static void
tn_add_fn(tnode *parent, tnode *fn)
{
	parent = tn_host(parent);
	fn->depth = parent->depth + 1;
	xgrow((void **)&parent->fns, &parent->fncap, parent->nfns + 1, sizeof *parent->fns);
	parent->fns[parent->nfns++] = fn;
	fn->parent = parent;
}

void
tree_free(parser *p, tnode *t)
{
	TREE_WALK_BOUNDED(t);
	for (size_t i = 0; i < t->nkids; i++)
		tree_free(p, t->kids[i]);
	for (size_t i = 0; i < t->nfns; i++)
		tree_free(p, t->fns[i]);
	free(t->kids);
	free(t->fns);
	free(t->number);
	free(t->cite);
	arena_text_free(p, t->text);
	free(t);
}

/* Is the block heading-like: short, no sentence end, not lower-case? */
static int
headingish(parser *p, const block *b, const char *text, size_t len)
{
	(void)p;
	if (b->nlines > 6 || len > 400 || !len)
		return 0;
	if (b->nlines > 4 && memmem(text, len, ". ", 2))
		return 0;	/* a long heading has no sentence inside */
	if (starts_lower(text, len))
		return 0;
	/* a footnote mark after the punctuation: "resolution 79/45,1", or
	 * in superscript ("efforts,¹", as lectern's own --dump prints it) */
	size_t sup = len;
	for (;;) {
		ucs4_t c = last_uc(text, sup);
		if (c != 0xB9 && c != 0xB2 && c != 0xB3 && (c < 0x2070 || c > 0x2079))
			break;
		sup -= c < 0x800 ? 2 : 3;
	}
	if (sup < len && sup > 0 && strchr(".,;:", text[sup - 1]))
		len = sup;
	size_t e = len;
	while (e > 0 && is_digit(text[e - 1]))
		e--;
	size_t d0 = e;
	while (e < len && e > 0 && text[e - 1] == ' ')
		e--;
	if (e < d0 && e > 1 && text[e - 1] == '.') {
		/* "Model strategy No. 7", "Vol. 2": a number after an
		 * abbreviation is the title's, not a mark set apart */
		size_t w = e - 1;
		while (w > 0 && ((text[w - 1] | 32) >= 'a' && (text[w - 1] | 32) <= 'z'))
			w--;
		if ((w == 0 || text[w - 1] == ' ') && e - 1 - w >= 1 && e - 1 - w <= 3)
			e = len;
	}
	if (e < len && e > 0 && strchr(".,;:", text[e - 1]))
		len = e;
	ucs4_t last = last_uc(text, len);
	if (last == ',') {
		/* "The General Assembly," opens a preamble */
		static const char *const art[] = { "The ", "La ", "El ", "Le ", "L’",
						   "L'", NULL };
		size_t k = 0, w;
		for (w = 0; art[w]; w++)
			if ((k = lang_prefix(text, len, art[w])))
				break;
		return equal_any(text + k, len - 1 - k, lang_organs) ||
		       equal_any(text, len - 1, lang_openers);
	}
	if (last == '.' || last == ';' || last == ':')
		return 0;
	return 1;
}

static tnode *
current_parent(builder *bd)
{
	for (int l = 5; l >= 1; l--)
		if (bd->sect[l])
			return bd->sect[l];
	return bd->cont;
}

static void
set_top(builder *bd, tnode *t)
{
	bd->top = bd->cont = t;
	memset(bd->sect, 0, sizeof bd->sect);
	bd->para = NULL;
	memset(bd->sub, 0, sizeof bd->sub);
	bd->seen_para_in_top = 0;
	bd->table = NULL;
}

/* Sub-item style: 1 = (a), 2 = (i), 3 = (A), 4 = (I), 5 = (1). */
static int
sub_style(const marker *m, const tnode *prev_sib)
{
	const char *c = m->cite;
	size_t n = strlen(c);
	if (is_digit(c[0]))
		return 5;
	int lower = c[0] >= 'a' && c[0] <= 'z';
	int roman = blocks_roman_value(c, n) != 0;
	if (roman && n == 1 && prev_sib && prev_sib->style == (lower ? 1 : 3) &&
	    prev_sib->cite && prev_sib->cite[0] + 1 == c[0])
		roman = 0;	/* (h) then (i) */
	if (roman && n == 1 && !prev_sib && c[0] != 'i' && c[0] != 'I')
		roman = 0;	/* (v) or (x) opening a list is a letter */
	if (lower)
		return roman ? 2 : 1;
	return roman ? 4 : 3;
}

/* "Article 1", "Chapter II", "Part One": a section word and its number
 * (from lang_sections: levels 1 Part, 2 Chapter, 3 Section, 4 Article).
 * Returns the bytes of word and number with the spaces after them, or 0. */
size_t
tree_keyword_section(const char *s, size_t n, int *level, node_unit *unit)
{
	if (n > 200 || !lang_sections_may_start(s, n))
		return 0;
	for (size_t k = 0; lang_sections[k].word; k++) {
		size_t m = lang_prefix(s, n, lang_sections[k].word);
		if (!m || m >= n || s[m] != ' ')
			continue;
		size_t i = m + 1, j = i;
		while (j < n && (is_digit(s[j]) || strchr("IVXLC", s[j])))
			j++;
		if (j == i || (j < n && s[j] != ' ' && s[j] != '.'))
			continue;
		if (j < n && s[j] == '.')
			j++;
		*level = lang_sections[k].level;
		if (unit)
			*unit = lang_sections[k].unit;
		while (j < n && s[j] == ' ')
			j++;
		/* "Article 1" alone, or a short title after it (which may
		 * end in a quotation: "Meaning of the phrase “States
		 * present and voting”") */
		if (j < n && (n - j > 120 || blocks_closes_sentence(s, n) || !starts_upper(s + j, n - j)))
			continue;
		return j;
	}
	return 0;
}

/* A place and date line: short, a date at its end ("Moscow, 26 May 2020",
 * "Bruselas, 3 de marzo de 2021", "Москва, 26 мая 2020 года"). */
static int
is_place_date(const char *s, size_t n)
{
	if (n > 80 || n < 8 || !memchr(s, ',', n) || !furniture_has_date(s, n))
		return 0;
	size_t e = n;
	if (e > 0 && s[e - 1] == '.')
		e--;
	for (size_t k = 0; lang_year_suffixes[k]; k++) {
		size_t tl = strlen(lang_year_suffixes[k]);
		if (e > tl && memcmp(s + e - tl, lang_year_suffixes[k], tl) == 0) {
			e -= tl;
			break;
		}
	}
	return e >= 4 && count_digits(s + e - 4, 4) == 4 && (e == 4 || !is_digit(s[e - 5]));
}

/* "80/16. " at the start of a resolution title: bytes up to the '.'+1. */
static size_t
restitle_len(const char *s, size_t n)
{
	size_t d = count_digits(s, n);
	if (!d || d > 3 || d >= n || s[d] != '/')
		return 0;
	size_t e = d + 1 + count_digits(s + d + 1, n - d - 1);
	if (e == d + 1 || e + 1 >= n || s[e] != '.' || s[e + 1] != ' ')
		return 0;
	return e + 1;
}

/* ---------- footnote marks ---------- */

/* The numbers of the document's footnotes: has[n] for n <= MARK_MAX. */
void
tree_footnote_numbers(const tnode *t, unsigned char *has)
{
	TREE_WALK_BOUNDED(t);
	for (size_t i = 0; i < t->nfns; i++) {
		const char *n = t->fns[i]->number;
		if (t->fns[i]->kind == NODE_FOOTNOTE && n && is_digit(n[0])) {
			int v = atoi(n);
			if (v > 0 && v <= MARK_MAX)
				has[v] = 1;
		}
	}
	for (size_t i = 0; i < t->nkids; i++)
		tree_footnote_numbers(t->kids[i], has);
}

static const char *const superscript[10] = {
	"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
	"\u2075", "\u2076", "\u2077", "\u2078", "\u2079",
};

/* Whether the digits at s[i, j) are a footnote mark glued to what comes
 * before ("Nations4 to", "Strategy10 and", "(A/78/404)1."): after a lower
 * case letter, or after closing punctuation that follows no digit; before
 * a space, punctuation or the end; a number the document has a footnote
 * for. "G20", "CO2", "SDG16", "1.5", "1,000" and "74/306" are none. */
static int
is_mark(const char *s, size_t n, size_t i, size_t j, const unsigned char *has)
{
	if (i == 0 || j - i > 3 || (j < n && (is_digit(s[j]) || s[j] == '/' ||
					      uc_is_alpha(first_uc(s + j, n - j)))))
		return 0;
	if (blocks_in_symbol(s, i))
		return 0;
	int v = atoi(s + i);
	if (v <= 0 || v > MARK_MAX || !has[v] || s[i] == '0')
		return 0;
	size_t k = i - 1;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	ucs4_t c;
	u8_mbtouc(&c, (const uint8_t *)s + k, i - k);
	if (uc_is_lower(c))
		return 1;
	if (!(c == ')' || c == 0x201D || c == 0x2019 || c == '.' || c == ',' || c == ';' ||
	      c == ':' || c == '"'))
		return 0;
	if (k == 0 || is_digit(s[k - 1]) || s[k - 1] == ' ')
		return 0;
	/* "A.2": a one-letter section number, no mark */
	return !(c == '.' && (k < 2 || s[k - 2] == ' ' || s[k - 2] == '(') &&
		 is_upper_ascii(s[k - 1]));
}

/* Footnote marks in the texts under t (not in the notes themselves) as
 * superscript digits, so that "Nations4" reads "Nations⁴" in every view
 * and a search for "Nations" or a reference "74/306" is not glued to the
 * mark. */
void
tree_mark_footnotes(parser *p, tnode *t, const unsigned char *has)
{
	TREE_WALK_BOUNDED(t);
	if (t->text && t->len && t->kind != NODE_FOOTNOTE && t->kind != NODE_NOTE) {
		buf b;
		buf_init(&b);
		size_t from = 0;
		for (size_t i = 0; i < t->len;) {
			if (!is_digit(t->text[i])) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < t->len && is_digit(t->text[j]))
				j++;
			if (is_mark(t->text, t->len, i, j, has)) {
				buf_add(&b, t->text + from, i - from);
				for (size_t k = i; k < j; k++)
					buf_adds(&b, superscript[t->text[k] - '0']);
				from = j;
			}
			i = j;
		}
		if (from) {
			buf_add(&b, t->text + from, t->len - from);
			char *txt = arena_text_new(p, b.len + 1, 0);
			memcpy(txt, b.s, b.len + 1);
			arena_text_free(p, t->text);
			t->text = txt;
			t->len = b.len;
		}
		buf_clear(&b);
	}
	for (size_t i = 0; i < t->nkids; i++)
		tree_mark_footnotes(p, t->kids[i], has);
}

/* Is footnote mark d (its digits; m, m_len: in superscript) in t's text
 * or its kids' (not its footnotes', nor a part's below t unless parts):
 * the superscript as a whole mark ("¹" is not in "¹²"), or the digits
 * after a clause's punctuation; strict: not after a figure ("21,13")
 * and followed by the text's end or a word in lower case. */
static int
has_mark(const tnode *t, const char *m, size_t m_len, const char *d, int parts,
	 int strict)
{
	TREE_WALK_BOUNDED(t);
	if (!parts && t->depth > 0 && (t->kind == NODE_LETTER || t->kind == NODE_ANNEX))
		return 0;
	/* the mark in plain digits after a clause's punctuation, set apart
	 * or not: "…for its consideration, 1", "Covenant, 1 to continue" */
	size_t dl = strlen(d);
	for (size_t at = 0; t->text && t->kind != NODE_FOOTNOTE && at + dl <= t->len;) {
		const char *x = memmem(t->text + at, t->len - at, d, dl);
		if (!x)
			break;
		size_t i = (size_t)(x - t->text), e = i + dl;
		size_t q = i && t->text[i - 1] == ' ' ? i - 1 : i;
		int ok = q && strchr(",.;:", t->text[q - 1]) && (e == t->len || t->text[e] == ' ');
		if (ok && strict)	/* not "two Presidents, 13 Vice-Presidents" */
			ok = !(q >= 2 && is_digit(t->text[q - 2])) &&
			     (e == t->len || starts_lower(t->text + e + 1, t->len - e - 1));
		if (ok)
			return 1;
		at = i + 1;
	}
	for (size_t at = 0; t->text && at + m_len <= t->len;) {
		const char *x = memmem(t->text + at, t->len - at, m, m_len);
		if (!x)
			break;
		size_t i = (size_t)(x - t->text), e = i + m_len;
		ucs4_t before = i ? last_uc(t->text, i) : 0, after = first_uc(t->text + e, t->len - e);
		int sup_b = before == 0xB9 || before == 0xB2 || before == 0xB3 ||
			    (before >= 0x2070 && before <= 0x2079);
		int sup_a = after == 0xB9 || after == 0xB2 || after == 0xB3 ||
			    (after >= 0x2070 && after <= 0x2079);
		if (!sup_b && !sup_a)
			return 1;
		at = i + 1;
	}
	for (size_t i = 0; i < t->nkids; i++)
		if (has_mark(t->kids[i], m, m_len, d, 0, strict))
			return 1;
	return 0;
}

/* A footnote listed at the end of a part (a letter or an annex) whose mark
 * the part does not have but the document's own text (outside the parts)
 * does goes to the document's footnotes: text that prints a document's
 * footnotes after its annexes (lectern's own --dump) puts them there. */
void
tree_home_footnotes(tnode *root)
{
	for (size_t i = 0; i < root->nkids; i++) {
		tnode *part = root->kids[i];
		if (part->kind != NODE_LETTER && part->kind != NODE_ANNEX)
			continue;
		size_t keep = 0;
		for (size_t f = 0; f < part->nfns; f++) {
			tnode *fn = part->fns[f];
			char m[64];
			size_t ml = 0;
			const char *num = fn->number;
			size_t nd = num ? count_digits(num, strlen(num)) : 0;
			if (nd && nd == strlen(num) && nd <= 4)
				for (size_t k = 0; k < nd; k++) {
					size_t sl = strlen(superscript[num[k] - '0']);
					memcpy(m + ml, superscript[num[k] - '0'], sl);
					ml += sl;
				}
			if (ml && !has_mark(part, m, ml, num, 1, 0) &&
			    has_mark(root, m, ml, num, 0, 1)) {
				xgrow((void **)&root->fns, &root->fncap, root->nfns + 1,
				      sizeof *root->fns);
				root->fns[root->nfns++] = fn;
				fn->parent = root;
				fn->depth = 1;
			} else {
				part->fns[keep++] = fn;
			}
		}
		part->nfns = keep;
	}
}

/* The block's lines joined with hard breaks ("(Signed) Name\nTitle",
 * "18th plenary meeting\n14 October 2025"), replacing text (freed). */
static char *
keep_line_breaks(parser *p, const block *b, char *text, size_t *len)
{
	buf sb;
	buf_init(&sb);
	for (size_t i = 0; i < b->nlines; i++)
		words_append_line(p, &sb, LS(p, b->lines[i]), LN(p, b->lines[i]), 1);
	arena_text_free(p, text);
	*len = sb.len;
	return buf_take(&sb);
}

static void build_footnote(builder *bd, const block *b, char *text, size_t len);

/* A header row: the table it opens, the column titles joined by " | ". */
static void
build_table(builder *bd, const block *b, char *text)
{
	parser *p = bd->p;
	buf hb;
	buf_init(&hb);
	for (size_t i = 0; i < b->nlines; i++) {
		if (i)
			buf_adds(&hb, " | ");
		buf_add(&hb, LS(p, b->lines[i]), LN(p, b->lines[i]));
	}
	arena_text_free(p, text);
	tnode *t = tn_new(NODE_TABLE);
	t->len = hb.len;
	t->text = buf_take(&hb);
	t->l0 = b->lines[0];
	t->l1 = b->lines[b->nlines - 1];
	t->level = (int)b->nlines;	/* the columns, one title a line */
	tn_add(current_parent(bd), t);
	bd->table = t;
	bd->para = NULL;
}

/* The look of a table cell's line: whether it holds a figure, and what
 * its first character is (capital, small letter, digit, other). */
static int
cell_sig(const parser *p, size_t i)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	int sig = count_digits(s, n) > 0;
	for (size_t k = 0; k < n && !sig; k++)
		sig = is_digit(s[k]);
	if (!n)
		return sig;
	return sig | (is_digit(s[0]) ? 2 : starts_upper(s, n) ? 4 : starts_lower(s, n) ? 6 : 8);
}

/* A short cell: a word or two, no figure, no sentence ("Issued"). */
static int
short_cell(const parser *p, size_t i)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i), sp = 0;
	if (!n || p->L[i].cols > 24)
		return 0;
	for (size_t k = 0; k < n; k++) {
		if (is_digit(s[k]) || strchr(".;:/()", s[k]))
			return 0;
		sp += s[k] == ' ';
	}
	return sp <= 1;
}

/* Rows printed one cell a line, with an empty cell written as a blank
 * line, put the last cell of a row ("Issued") at the head of the next
 * block: "Issued\nA/C.5/80/___\nNominations" after "A/80/101\nNote by
 * …". The block's first line goes back to the row before when it is a
 * short cell, its second line looks like that row's first one (a symbol
 * after a symbol: cell_sig) and the first does not, or when it is such a
 * cell met before ("Issued" + "Cost recovery"; "Issued" alone). Appends
 * it to prev and
 * returns the bytes of text it took (with the space after it), or 0. */
static size_t
row_end_cell(builder *bd, const block *b, tnode *prev, const char *text, size_t len)
{
	parser *p = bd->p;
	size_t l0 = b->lines[0];
	const char *s = LS(p, l0);
	size_t n = LN(p, l0);
	if (!short_cell(p, l0) || n > len || memcmp(text, s, n) != 0 ||
	    (n < len && text[n] != ' '))
		return 0;
	int take = 0;
	for (size_t k = 0; k < 4 && !take; k++)
		take = bd->endcell[k] && bd->endcell_n[k] == n &&
		       memcmp(bd->endcell[k], s, n) == 0;
	if (!take && b->nlines >= 2) {
		int sp = cell_sig(p, prev->l0);
		take = cell_sig(p, b->lines[1]) == sp && cell_sig(p, l0) != sp &&
		       prev->l0 != prev->l1;
		if (take) {
			memmove(bd->endcell + 1, bd->endcell, 3 * sizeof *bd->endcell);
			memmove(bd->endcell_n + 1, bd->endcell_n, 3 * sizeof *bd->endcell_n);
			bd->endcell[0] = s;
			bd->endcell_n[0] = n;
		}
	}
	if (!take)
		return 0;
	arena_text_append(p, prev, ' ', s, n, l0);
	return n < len ? n + 1 : len;
}

/* A block after a table's header: a row of it, a note under it ("a In
 * accordance with …": a letter mark, a space, a capital), or the end of
 * the table (a numbered paragraph, a section, an annex, a signature, or
 * prose: lines filling the measure). Returns 1 when the block was taken
 * as part of the table. */
static int
table_row(builder *bd, const block *b, char *text, size_t len, int mk, const marker *m)
{
	parser *p = bd->p;
	const char *s0 = LS(p, b->lines[0]);
	size_t n0 = LN(p, b->lines[0]);
	int kl;
	size_t full = 0;
	for (size_t i = 0; i < b->nlines; i++)
		full += p->L[b->lines[i]].cols >= p->width * 85 / 100;
	if ((mk == MK_PARA && (len - m->body > 100 || blocks_ends_sentence(text, len))) ||
	    mk == MK_ROMAN ||
	    (mk == MK_LETTER && headingish(p, b, text + m->body, len - m->body)) ||
	    tree_keyword_section(text, len, &kl, NULL) || blocks_is_annex_line(p, s0, n0) ||
	    blocks_is_sig_line(s0, n0) ||
	    (b->nlines >= 3 && full * 3 >= b->nlines * 2 && last_uc(text, len) == '.')) {
		if (!(len > 2 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ' ' &&
		      starts_upper(text + 2, len - 2))) {
			/* the last row may be the heading of what ends the
			 * table: one line of words, no number, no date */
			tnode *tb = bd->table, *last = tb->nkids ? tb->kids[tb->nkids - 1] : NULL;
			bd->table = NULL;
			if (last && tb->nkids >= 2 && last->kind == NODE_ROW && last->l0 == last->l1 &&
			    !memchr(last->text, '[', last->len) && count_digits(last->text, last->len) == 0 &&
			    !strpbrk(last->text, "0123456789") && starts_upper(last->text, last->len) &&
			    !blocks_ends_sentence(last->text, last->len)) {
				tb->nkids--;
				last->kind = NODE_HEADING;
				tn_add(current_parent(bd), last);
			}
			return 0;
		}
	}
	tnode *t;
	block bb;	/* b without the cell that went back to its row */
	if (len > 2 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ' ' &&
	    starts_upper(text + 2, len - 2)) {
		/* a note under the table, marked "a" */
		t = tn_new(NODE_NOTE);
		t->number = xstrndup(text, 1);
		t->cite = xstrndup(text, 1);
		memmove(text, text + 2, len - 1);
		len -= 2;
	} else {
		tnode *prev = bd->table->nkids ? bd->table->kids[bd->table->nkids - 1] : NULL;
		if (prev && prev->kind != NODE_ROW)
			prev = NULL;
		size_t c0 = prev ? row_end_cell(bd, b, prev, text, len) : 0;
		if (c0 && c0 >= len) {
			/* the whole block was the row's last cell */
			arena_text_free(p, text);
			return 1;
		}
		if (c0) {
			memmove(text, text + c0, len - c0 + 1);
			len -= c0;
			bb = *b;
			bb.lines++;
			bb.nlines--;
			b = &bb;
		}
		size_t ncol = (size_t)bd->table->level;
		if (ncol >= 2 && b->nlines >= ncol * 2 &&
		    cell_sig(p, b->lines[0]) != cell_sig(p, b->lines[1])) {
			/* rows with no blank line between them: a row starts
			 * where a line looks like the first column's again
			 * after one that does not ("Seventy-seventh" after
			 * "Tuesday, 13 September 2022"; "Programme planning
			 * [137]" after "6 and 7 October": a capital after a
			 * figure) */
			int sig0 = cell_sig(p, b->lines[0]);
			/* a row has a line a column at least (one cell may
			 * be empty), two at least */
			size_t min = ncol - 1 < 2 ? 2 : ncol - 1;
			size_t from = 0;
			for (size_t i = 1; i <= b->nlines; i++) {
				int si = i < b->nlines ? cell_sig(p, b->lines[i]) : 0;
				int sp = cell_sig(p, b->lines[i - 1]);
				/* the line before holds a figure (a date, an
				 * amount: a cell, not a title going on) or
				 * opens with a sign ("(to be confirmed)a"), or
				 * the first column is figures ("3 p.m.") */
				int later = (sp & 1) || (sp & ~1) == 8 || (sig0 & ~1) == 2;
				if (i < b->nlines && !(sp != sig0 && ((si == sig0 && later) ||
				    ((si & ~1) == (sig0 & ~1) && (sp & ~1) == 2)) &&
						       i - from >= min && b->nlines - i >= min))
					continue;
				buf rb;
				buf_init(&rb);
				for (size_t k = from; k < i; k++)
					words_append_line(p, &rb, LS(p, b->lines[k]), LN(p, b->lines[k]), 0);
				/* "…2025\nIssued\nA/80/309": the cell goes back */
				block sub = *b;
				sub.lines += from;
				sub.nlines = i - from;
				tnode *pr = bd->table->nkids ? bd->table->kids[bd->table->nkids - 1] : NULL;
				size_t c = pr && pr->kind == NODE_ROW && i - from >= 2 ?
					   row_end_cell(bd, &sub, pr, rb.s, rb.len) : 0;
				if (c) {
					memmove(rb.s, rb.s + c, rb.len - c + 1);
					rb.len -= c;
					from++;
				}
				t = tn_new(NODE_ROW);
				t->len = rb.len;
				t->text = buf_take(&rb);
				t->l0 = b->lines[from];
				t->l1 = b->lines[i - 1];
				tn_add(bd->table, t);
				from = i;
			}
			arena_text_free(p, text);
			return 1;
		}
		t = tn_new(NODE_ROW);
	}
	t->text = text;
	t->len = len;
	t->l0 = b->lines[0];
	t->l1 = b->lines[b->nlines - 1];
	tn_add(bd->table, t);
	return 1;
}

/* "2." right after paragraph 1 of the same body continues the paragraphs,
 * even when its text reads like a title ("2. Second …" with no full stop):
 * a numbered sub-section ("1. Cross-cutting issues") starts its own count
 * after a section heading, which clears bd->para. */
static int
continues_paras(const builder *bd, const marker *m)
{
	const tnode *q = bd->para;
	if (!q || !q->cite || !is_digit(m->cite[0]))
		return 0;
	char *e1, *e2;
	long a = strtol(q->cite, &e1, 10), n = strtol(m->cite, &e2, 10);
	return *e1 == 0 && *e2 == 0 && n == a + 1;
}

/* Whether a letter title here opens a new letter: after an annex that
 * has had its text (a compilation of letters, each with its annex, as
 * `cat` makes them), not as the first heading of an annex (an annex
 * that transmits a letter names its body by it). */
static int
letter_after_annex(const builder *bd)
{
	return bd->top->kind == NODE_ANNEX && bd->seen_para_in_top;
}

/* Is the lettered item m a clause of the text's own operative part
 * rather than a sub-item of the paragraph before it? A draft decision
 * may letter its clauses: "The General Assembly," + "Recalling …," +
 * "(a) Decides …;" + "(b) Requests …". The first such item follows an
 * unnumbered paragraph that ends with a comma (a preambular one: a
 * paragraph that introduces sub-items ends with ":"), opens the list
 * ("(a)", "a)", "(A)") and starts with a capital; the next ones continue
 * its lettering. */
#define OP_STYLE 8	/* tnode.style of such a clause: OP_STYLE + sub_style */
static int
operative_item(const builder *bd, const marker *m, const char *body, size_t n)
{
	const tnode *q = bd->para;
	if (!q || q->kind != NODE_PARAGRAPH || !q->text || !q->len)
		return 0;
	if (q->style >= OP_STYLE)
		return q->cite && strlen(q->cite) == 1 && strlen(m->cite) == 1 &&
		       sub_style(m, NULL) + OP_STYLE == q->style &&
		       m->cite[0] == q->cite[0] + 1;
	return !q->number && !q->nkids && last_uc(q->text, q->len) == ',' &&
	       (strcmp(m->cite, "a") == 0 || strcmp(m->cite, "A") == 0) &&
	       starts_upper(body, n);
}

static void
build_block(builder *bd, const block *b, char *text, size_t len)
{
	parser *p = bd->p;
	const char *s0 = LS(p, b->lines[0]);
	size_t n0 = LN(p, b->lines[0]);
	marker m;
	int mk = blocks_get_marker(text, len, &m);
	if (mk && m.pre && m.pre <= 48 && !m.alone) {
		/* "⇚2. Text" -> "2. ⇚Text": the number is the marker, the
		 * arrow stays in the clause's text */
		char arrows[48];
		size_t ml = m.body - m.pre;
		memcpy(arrows, text, m.pre);
		memmove(text, text + m.pre, ml);
		memcpy(text + ml, arrows, m.pre);
		mk = blocks_get_marker(text, len, &m);
	}
	tnode *t = NULL;
	int sig = blocks_is_sig_line(s0, n0);

	size_t stars = 0;
	while (stars < len && stars < 4 && text[stars] == '*')
		stars++;
	if (stars && stars + 1 < len && text[stars] == ' ') {
		/* "* The present document was not edited …" */
		build_footnote(bd, b, text, len);
		return;
	}
	if (bd->table && table_row(bd, b, text, len, mk, &m))
		return;
	tnode *pend = bd->pending;
	bd->pending = NULL;
	tnode *tc = bd->title_cont;
	bd->title_cont = NULL;
	if (tc && !mk && headingish(p, b, text, len)) {
		/* "United Nations Convention against Cybercrime;" +
		 * "Strengthening International Cooperation …" */
		arena_text_append(p, tc, ' ', text, len, b->lines[b->nlines - 1]);
		arena_text_free(p, text);
		return;
	}
	int kl = 0;
	node_unit ku = UNIT_NONE;
	size_t kw = tree_keyword_section(text, len, &kl, &ku);
	if (!kw && !mk && b->nlines >= 2 && n0 < len && text[n0] == ' ' &&
	    memcmp(text, s0, n0) == 0 && tree_keyword_section(s0, n0, &kl, &ku) == n0 &&
	    headingish(p, b, text + n0 + 1, len - n0 - 1))
		kw = n0 + 1;	/* "Rule 60" over a long title, or one that
				   starts with a digit ("24/7 network") */
	if (pend && !mk && !kw && headingish(p, b, text, len) && b->nlines <= 3) {
		/* "Article 1" + "Scope of application" */
		arena_text_append(p, pend, '\n', text, len, b->lines[b->nlines - 1]);
		arena_text_free(p, text);
		return;
	}
	if (kw) {
		/* "Article 12" stays in the text, its first line: the heading
		 * prints its number inline, so there is no number to set apart
		 * (a gutter would show it twice); cite "12" */
		t = tn_new(NODE_SECTION);
		size_t k = kw;
		while (k > 0 && text[k - 1] == ' ')
			k--;
		size_t c = k;
		while (c > 0 && text[c - 1] != ' ')
			c--;
		size_t ce = k;
		if (ce > c + 1 && text[ce - 1] == '.')
			ce--;	/* "Article 13." */
		t->cite = xstrndup(text + c, ce - c);
		t->unit = ku;
		if (kw < len && b->nlines >= 2 && LN(p, b->lines[0]) == k)
			text[k] = '\n';	/* "Rule 1" over its title */
		t->level = kl;
		for (int l = kl; l <= 5; l++)
			bd->sect[l] = NULL;
		tn_add(current_parent(bd), t);
		bd->sect[kl] = t;
		bd->para = NULL;
		if (kw >= len)
			bd->pending = t;
		t->text = text;
		t->len = len;
		t->l0 = b->lines[0];
		t->l1 = b->lines[b->nlines - 1];
		return;
	}
	int next_sub = bd->sect[4] && bd->sect[4]->cite && strlen(m.cite) == 1 &&
		       strlen(bd->sect[4]->cite) == 1 && bd->sect[4]->cite[0] + 1 == m.cite[0];
	if (mk == MK_SUB && (!bd->para || next_sub) && !m.alone &&
	    headingish(p, b, text + m.body, len - m.body) &&
	    (current_parent(bd) != bd->cont || next_sub)) {
		/* "a) Evolution of the Italian society" under a section */
		t = tn_new(NODE_SECTION);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		t->level = 4;
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		bd->sect[4] = bd->sect[5] = NULL;
		tn_add(current_parent(bd), t);
		bd->sect[4] = t;
		t->text = text;
		t->len = len;
		t->l0 = b->lines[0];
		t->l1 = b->lines[b->nlines - 1];
		return;
	}
	if (sig) {
		/* keep the lines: "(Signed) Name\nTitle" */
		text = keep_line_breaks(p, b, text, &len);
		t = tn_new(NODE_SIGNATURE);
		tn_add(bd->cont, t);
	} else if (blocks_is_original_note(text, len) || blocks_is_plenary(p, s0, n0) ||
		   tables_is_sponsor_line(text, len) ||
		   (text[0] == '[' && text[len - 1] == ']')) {
		if (blocks_is_original_note(text, len)) {
			size_t k = 1;
			k += lang_prefix_any(text + 1, len - 1, lang_original, NULL);
			while (k < len && (text[k] == ' ' || text[k] == ':'))
				k++;
			const char *c = lang_code_of_name(text + k, len - k);
			if (c && !p->d->meta.orig_lang)
				doc_meta_set(&p->d->meta.orig_lang, c);
		}
		if (blocks_is_plenary(p, s0, n0)) {
			/* keep the place/date line break */
			text = keep_line_breaks(p, b, text, &len);
		}
		t = tn_new(NODE_NOTE);
		tn_add(bd->cont, t);
	} else if (is_place_date(text, len)) {
		/* "Moscow, 26 May 2020", "Nueva York, 22 de diciembre de 2020" */
		t = tn_new(NODE_NOTE);
		tn_add(bd->cont, t);
	} else if (((!bd->has_letter && !bd->nannex && bd->top == bd->root &&
		     !bd->seen_para_in_top) || letter_after_annex(bd)) &&
		   lang_prefix_any(text, len, p->lw->letter, NULL) &&
		   headingish(p, b, text, len)) {
		/* a letter title: the document's first, or the next of a
		 * compilation, at top level whatever the nesting before */
		t = tn_new(NODE_LETTER);
		tn_add(bd->root, t);
		set_top(bd, t);
		bd->has_letter = 1;
	} else if (blocks_is_annex_line(p, s0, n0) && (b->nlines <= 5) &&
		   last_uc(text, len) != '.') {
		t = tn_new(NODE_ANNEX);
		/* "Annex I": the number */
		size_t k = lang_prefix_any(s0, n0, p->lw->annex, NULL);
		if (!k) {
			const lang_words *const *all = lang_all();
			for (size_t l = 0; all[l] && !k; l++)
				k = lang_prefix_any(s0, n0, all[l]->annex, NULL);
		}
		while (k && k < n0 && s0[k] == ' ')
			k++;
		size_t e = k;
		while (e < n0 && (strchr("IVXLC", s0[e]) || is_digit(s0[e])))
			e++;
		if (k && e > k && e == n0) {
			t->number = xstrndup(s0 + k, e - k);
			t->cite = xstrdup(t->number);
		}
		/* an unnumbered annex after an unnumbered annex that
		 * transmits a body (a convention with its own "Annex" of
		 * interpretative notes) is the body's annex: a resolution
		 * with two annexes numbers them */
		tnode *host = bd->root;
		if (bd->top->kind == NODE_ANNEX && !bd->top->number && !t->number &&
		    bd->cont != bd->top && bd->cont->kind == NODE_BODY)
			host = bd->cont;
		tn_add(host, t);
		set_top(bd, t);
		bd->nannex++;
	} else if (mk == MK_PARA && b->nlines <= 3 && !blocks_ends_sentence(text, len) &&
		   !continues_paras(bd, &m) &&
		   headingish(p, b, text + m.body, len - m.body)) {
		/* "1.\nCross-cutting issues": a numbered sub-section */
		t = tn_new(NODE_SECTION);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		t->level = 3;
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		for (int l = 3; l <= 5; l++)
			bd->sect[l] = NULL;
		tn_add(current_parent(bd), t);
		bd->sect[3] = t;
		bd->para = NULL;
	} else if (mk == MK_PARA) {
		t = tn_new(NODE_PARAGRAPH);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		tn_add(current_parent(bd), t);
		bd->para = t;
		memset(bd->sub, 0, sizeof bd->sub);
		bd->seen_para_in_top = 1;
	} else if ((mk == MK_ROMAN || mk == MK_LETTER) &&
		   headingish(p, b, text + m.body, len - m.body) && !m.alone) {
		int level = mk == MK_ROMAN ? 1 : 2;
		/* "I." after "H." is a letter */
		if (mk == MK_ROMAN && bd->sect[2] && bd->sect[2]->cite &&
		    strlen(m.cite) == 1 && bd->sect[2]->cite[0] + 1 == m.cite[0])
			level = 2;
		if (level == 2 && !bd->sect[1] && bd->sect[2] == NULL)
			level = 2;
		t = tn_new(NODE_SECTION);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		t->level = level;
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		for (int l = level; l <= 5; l++)
			bd->sect[l] = NULL;
		tn_add(current_parent(bd), t);
		bd->sect[level] = t;
		bd->para = NULL;
	} else if (mk == MK_SUB && !m.alone &&
		   operative_item(bd, &m, text + m.body, len - m.body)) {
		t = tn_new(NODE_PARAGRAPH);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		t->style = OP_STYLE + sub_style(&m, NULL);
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		tn_add(current_parent(bd), t);
		bd->para = t;
		memset(bd->sub, 0, sizeof bd->sub);
		bd->seen_para_in_top = 1;
	} else if (mk == MK_SUB && bd->para) {
		t = tn_new(NODE_SUBITEM);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		/* depth: a new style nests under the open sub-item */
		int depth = 0;
		tnode *prev = bd->sub[0];
		int st = sub_style(&m, prev);
		if (prev && st != prev->style) {
			if (bd->sub[1] && sub_style(&m, bd->sub[1]) == bd->sub[1]->style)
				depth = 1;
			else if (bd->sub[1] && bd->sub[1]->style != st && bd->sub[2] == NULL)
				depth = 2;
			else if (!bd->sub[1])
				depth = 1;
			else
				depth = 1;
			st = sub_style(&m, bd->sub[depth]);
		}
		if (depth > 0 && !bd->sub[depth - 1])
			depth = 0;
		t->style = st;
		t->level = depth;
		tn_add(depth ? bd->sub[depth - 1] : bd->para, t);
		bd->sub[depth] = t;
		for (int k = depth + 1; k < 3; k++)
			bd->sub[k] = NULL;
	} else if (restitle_len(text, len)) {
		/* "80/16. Title": the resolution's number and title */
		size_t k = restitle_len(text, len);
		t = tn_new(NODE_HEADING);
		t->number = xstrndup(text, k - 1);
		t->cite = xstrdup(t->number);
		while (k < len && text[k] == ' ')
			k++;
		memmove(text, text + k, len - k + 1);
		len -= k;
		tn_add(current_parent(bd), t);
		bd->para = NULL;
		if (len && text[len - 1] == ';')
			bd->title_cont = t;
	} else if (bd->top->kind == NODE_ANNEX && bd->cont == bd->top &&
		   !bd->seen_para_in_top && b->nlines <= 2 && len > 1 &&
		   text[len - 1] == ';' && headingish(p, b, text, len - 1)) {
		/* an annex title that goes on after a ';' */
		t = tn_new(NODE_BODY);
		tn_add(bd->top, t);
		bd->cont = t;
		memset(bd->sect, 0, sizeof bd->sect);
		bd->para = NULL;
		bd->title_cont = t;
	} else if (headingish(p, b, text, len)) {
		/* the first heading of an annex names its body */
		if (bd->top->kind == NODE_ANNEX && bd->cont == bd->top &&
		    !bd->seen_para_in_top) {
			t = tn_new(NODE_BODY);
			tn_add(bd->top, t);
			bd->cont = t;
			memset(bd->sect, 0, sizeof bd->sect);
		} else {
			t = tn_new(NODE_HEADING);
			tn_add(current_parent(bd), t);
		}
		bd->para = NULL;
	} else if (bd->para && bd->para->number && bd->para->kind == NODE_PARAGRAPH &&
		   (bd->list == bd->para ||
		    (!bd->para->nkids && last_uc(bd->para->text, bd->para->len) == ':'))) {
		/* "2. … to be held as follows:" + "Wednesday, 2 December: …"
		 * + "Thursday, …": unmarked items of the numbered paragraph
		 * that introduces them, up to the next clause or heading */
		t = tn_new(NODE_SUBITEM);
		tn_add(bd->para, t);
		bd->list = bd->para;
		bd->seen_para_in_top = 1;
	} else {
		t = tn_new(NODE_PARAGRAPH);
		tn_add(current_parent(bd), t);
		bd->para = t;
		memset(bd->sub, 0, sizeof bd->sub);
		bd->seen_para_in_top = 1;
	}
	t->text = text;
	t->len = len;
	t->l0 = b->lines[0];
	t->l1 = b->lines[b->nlines - 1];
}

/* A footnote block: "1 Resolution 79/233, annex." or "* On behalf …". */
static void
build_footnote(builder *bd, const block *b, char *text, size_t len)
{
	tnode *t = tn_new(NODE_FOOTNOTE);
	size_t k = 0;
	while (k < len && (is_digit(text[k]) || text[k] == '*'))
		k++;
	if (k && k < 8) {
		t->number = xstrndup(text, k);
		t->cite = xstrdup(t->number);
		while (k < len && text[k] == ' ')
			k++;
		memmove(text, text + k, len - k + 1);
		len -= k;
	}
	t->text = text;
	t->len = len;
	t->l0 = b->lines[0];
	t->l1 = b->lines[b->nlines - 1];
	tn_add_fn(bd->top, t);
}

/* Where numbered paragraphs start inside one long line ("… the item.
 * 2. Decides … 3. Requests …": text copied from a web page or a PDF
 * viewer, one line per paragraph or the whole document on one line): at
 * "N. " after a space that follows ".", ";", ":", "," or a closing
 * quotation mark, before a capital, N the next number of a chain that
 * starts with the block's own number or with 1. A chain that starts
 * inside the text needs two members ("1." and "2."). Fills at (grown
 * with xgrow) and returns how many. */
static size_t
inline_paras(const char *t, size_t n, size_t **at, size_t *cap)
{
	marker m;
	long next = 0;
	size_t k = 0;
	int own = blocks_get_marker(t, n, &m) == MK_PARA &&
		  count_digits(m.cite, strlen(m.cite)) == strlen(m.cite);
	if (own)
		next = atol(m.cite) + 1;
	for (size_t i = 2; i + 4 < n; i++) {
		if (t[i - 1] != ' ' || !is_digit(t[i]) || is_digit(t[i - 2]))
			continue;
		char pc = t[i - 2];
		int after = pc == '.' || pc == ';' || pc == ':' || pc == ',' ||
			    (i >= 4 && memcmp(t + i - 4, "\xe2\x80\x9d", 3) == 0);
		if (!after)
			continue;
		size_t d = count_digits(t + i, n - i);
		if (d > 3 || i + d + 2 >= n || t[i + d] != '.' || t[i + d + 1] != ' ' ||
		    !starts_upper(t + i + d + 2, n - i - d - 2))
			continue;
		long v = atol(t + i);
		if (v != (next ? next : 1)) {
			if (v != 1 || own || k > 1)
				continue;
			k = 0;	/* a "1." again: the chain so far was none */
		}
		xgrow((void **)at, cap, k + 1, sizeof **at);
		(*at)[k++] = i;
		next = v + 1;
	}
	return own || k >= 2 ? k : 0;
}

/* Pass 4: the blocks classified and built into a tree under bd->root (a
 * new NODE_DOCUMENT); each block's text is its lines joined (and its
 * split words repaired when repair is set). Frees the blocks. */
void
tree_build(builder *bd, block *blocks, size_t nb, int repair)
{
	parser *p = bd->p;
	bd->root = tn_new(NODE_DOCUMENT);
	set_top(bd, bd->root);
	/* one buffer for every block's text; each block keeps an exact copy */
	buf tb;
	buf_init(&tb);
	size_t *at = NULL, atcap = 0, ns;
	for (size_t k = 0; k < nb; k++) {
		block *b = &blocks[k];
		tb.len = 0;
		for (size_t i = 0; i < b->nlines; i++)
			words_append_line(p, &tb, LS(p, b->lines[i]), LN(p, b->lines[i]), 0);
		if (tb.len && repair && b->split)
			words_repair_splits(p, &tb);
		size_t tl = tb.len;
		/* footnotes in their own arena (see arena_text_new) */
		char *txt = b->toc ? NULL : arena_text_new(p, tl + 1, b->foot);
		if (txt) {
			if (tl)
				memcpy(txt, tb.s, tl);
			txt[tl] = '\0';
		}
		if (b->toc) {
			txt = furniture_toc_text(p, b->lines, b->nlines, &tl);
			tnode *t = tn_new(NODE_NOTE);
			t->text = txt;
			t->len = tl;
			t->l0 = b->lines[0];
			t->l1 = b->lines[b->nlines - 1];
			tn_add(current_parent(bd), t);
		} else if (b->foot) {
			build_footnote(bd, b, txt, tl);
		} else if (b->thead) {
			build_table(bd, b, txt);
		} else if (b->nlines == 1 && LN(p, b->lines[0]) > 200 &&
			   (ns = inline_paras(txt, tl, &at, &atcap)) > 0) {
			/* a line longer than a page's */
			/* each inline paragraph a block of its own text */
			size_t from = 0;
			for (size_t q = 0; q <= ns; q++) {
				size_t to = q < ns ? at[q] : tl, e = to;
				while (e > from && txt[e - 1] == ' ')
					e--;
				if (e > from) {
					char *part = arena_text_new(p, e - from + 1, 0);
					memcpy(part, txt + from, e - from);
					part[e - from] = '\0';
					build_block(bd, b, part, e - from);
				}
				from = to;
			}
			arena_text_free(p, txt);
		} else {
			build_block(bd, b, txt, tl);
		}
		free(b->lines);
	}
	free(at);
	buf_clear(&tb);
	free(blocks);
}
