/* parse/tables.c: table header rows (pass 2).
 *
 * Extracted tables come one cell per line, and their header row of
 * column titles is printed again at the top of every page the table runs
 * on. Two or more short lines (cell titles: no sentence end, at most 50
 * code points) that open two pages alike, or open a page and were shown
 * just before it, are a header (tables_find_heads): its showings right
 * after page furniture are furniture (dropped, counted in
 * furniture_lines); any other showing is flagged LF_THEAD and opens a
 * NODE_TABLE in the tree pass (tree.c: its text is the titles joined by
 * " | ", the blocks after it its rows and notes). A table without a
 * repeated header is not recognised (its cells stay blocks of their
 * own). */
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

/* ---------- tables ---------- */

#define THEAD_MAX 8	/* lines of a header row, at most */

/* Can line i be one cell title of a header row: short, closing no
 * sentence, body text? */
static int
thead_line(const parser *p, size_t i)
{
	const pline *l = &p->L[i];
	if (l->flags & (LF_BLANK | LF_FURN | LF_MAST | LF_FOOT | LF_TOC) ||
	    l->cols > 50 || l->cols < 2)
		return 0;
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	ucs4_t c = last_uc(s, n);
	return !(c == '.' || c == ',' || c == ';' || c == ':') && !is_digit(s[0]);
}

/* The next non-blank line after i, or p->nl. */
static size_t
next_text(const parser *p, size_t i)
{
	for (i++; i < p->nl && (p->L[i].flags & LF_BLANK); i++)
		;
	return i;
}

static int
same_line(const parser *p, size_t a, size_t b)
{
	return LN(p, a) == LN(p, b) && memcmp(LS(p, a), LS(p, b), LN(p, a)) == 0;
}

/* How many lines from a and from b (blank lines skipped) read the same,
 * up to THEAD_MAX, each a possible cell title. */
static size_t
same_run(const parser *p, size_t a, size_t b)
{
	size_t k = 0;
	while (k < THEAD_MAX && a < p->nl && b < p->nl && a != b && thead_line(p, a) &&
	       thead_line(p, b) && same_line(p, a, b)) {
		k++;
		a = next_text(p, a);
		b = next_text(p, b);
	}
	return k;
}

#define THEAD_BACK 400	/* lines looked back for a header's first showing */

/* Do the hl lines from i (blank lines skipped) read hdr[0, hl)? */
static int
shows_head(const parser *p, size_t i, const size_t *hdr, size_t hl)
{
	size_t c = 0;
	for (size_t j = i; c < hl && j < p->nl && thead_line(p, j) && same_line(p, j, hdr[c]);
	     c++, j = next_text(p, j))
		;
	return c == hl;
}

static void
mark_head(parser *p, size_t i, size_t hl, int flag)
{
	for (size_t c = 0; c < hl && i < p->nl; c++, i = next_text(p, i))
		p->L[i].flags |= flag;
}

typedef struct pstart {
	uint64_t h;
	uint32_t line;
} pstart;

static int
cmp_pstart(const void *a, const void *b)
{
	const pstart *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* Tables: a header row of column titles ("Agenda item/symbol", "Title or
 * description", "Status of issuance") is printed again at the top of each
 * page the table runs on. Two or more short lines that open two pages
 * alike are such a header: every showing of it right after page
 * furniture is furniture too (LF_FURN); any other showing, the first
 * above all, opens a table (LF_THEAD). Found by hashing the first two
 * lines of every page: linear in the pages. */
void
tables_find_heads(parser *p)
{
	pstart *ps = NULL;
	size_t nps = 0, cap = 0;
	int after_furn = 0;
	for (size_t i = 0; i < p->nl; i++) {
		pline *l = &p->L[i];
		if (l->flags & LF_BLANK)
			continue;
		if (l->flags & (LF_FURN | LF_MAST | LF_FOOT)) {
			after_furn = (l->flags & (LF_FURN | LF_MAST)) != 0 || after_furn;
			continue;
		}
		if (after_furn && thead_line(p, i)) {
			size_t j = next_text(p, i);
			if (j < p->nl && thead_line(p, j)) {
				xgrow((void **)&ps, &cap, nps + 1, sizeof *ps);
				ps[nps].h = words_hash_fold(LS(p, i), LN(p, i), 1) * 31 +
					    words_hash_fold(LS(p, j), LN(p, j), 1);
				ps[nps].line = (uint32_t)i;
				nps++;
			}
		}
		after_furn = 0;
	}
	if (nps > 1)
		qsort(ps, nps, sizeof *ps, cmp_pstart);
	for (size_t g = 0; g < nps;) {
		size_t e = g + 1;
		while (e < nps && ps[e].h == ps[g].h)
			e++;
		/* the header: what the first two page tops have in common; a
		 * table on two pages shows it at one page top only, and
		 * above it on the page before */
		size_t first = ps[g].line, other = p->nl;
		if (e - g >= 2)
			other = ps[g + 1].line;
		for (size_t i = first, back = 0; e - g < 2 && i > 0 && back < 400; back++)
			if (same_line(p, --i, first) && same_run(p, i, first) >= 2) {
				other = i;
				break;
			}
		size_t hl = other < p->nl ? same_run(p, first, other) : 0;
		if (hl < 2) {
			g = e;
			continue;
		}
		/* its lines (marking them would hide them from same_run) */
		size_t hdr[THEAD_MAX];
		for (size_t c = 0, j = first; c < hl; c++, j = next_text(p, j))
			hdr[c] = j;
		/* each page top showing it: a repeat (furniture) when the
		 * table was shown shortly before (the page top before, or a
		 * showing found looking back at most THEAD_BACK lines); else
		 * it opens the table. Bounded look-backs: linear in pages. */
		for (size_t k = g; k < e; k++) {
			size_t top = ps[k].line;
			if (!shows_head(p, top, hdr, hl))
				continue;
			size_t stop = k > g ? ps[k - 1].line : 0;
			int repeat = k > g && top - ps[k - 1].line <= THEAD_BACK &&
				     (p->L[ps[k - 1].line].flags & (LF_FURN | LF_THEAD));
			for (size_t i = top, back = 0; !repeat && i > stop && back < THEAD_BACK;
			     back++) {
				i--;
				if (!(p->L[i].flags & (LF_BLANK | LF_FURN | LF_THEAD)) &&
				    shows_head(p, i, hdr, hl)) {
					mark_head(p, i, hl, LF_THEAD);
					repeat = 1;
				}
			}
			mark_head(p, top, hl, repeat ? LF_FURN : LF_THEAD);
		}
		g = e;
	}
	free(ps);
}

/* "Indonesia:* draft resolution", "Russian Federation:* amendment to
 * draft resolution A/80/L.18": sponsors, a colon, then the kind. */
int
tables_is_sponsor_line(const char *s, size_t n)
{
	if (n > 4000)
		return 0;
	const char *colon = memrchr(s, ':', n);
	if (!colon)
		return 0;
	size_t c = (size_t)(colon - s) + 1;
	while (c < n && (s[c] == '*' || s[c] == ' '))
		c++;
	return lang_prefix_any(s + c, n - c, lang_draft, NULL) != 0;
}
