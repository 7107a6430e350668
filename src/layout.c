/* layout: wraps the document's blocks into display lines (layout.h).
 *
 * Why break opportunities and our own fill rather than u8_width_linebreaks:
 * that measures with uc_width (U+00AD is 0 there, 1 on the screen), counts
 * the space before a break toward the width (so a line that fits exactly is
 * refused) and never splits an over-long word. We take UAX #14's break
 * opportunities (text_linebreaks: libunistring's, computed faster) and fill
 * lines greedily with text_width, the columns ncurses will draw.
 *
 * Invariants: a block is laid out on first request and cached in blks[b];
 * blks[b].n is its line count (separator included) once known, and survives
 * layout_drop_block; lines_done counts the lines held in memory. The result
 * depends only on (doc, width): the gutter is computed from the document's
 * numbers, indents from node kinds. Every block has at least one text line
 * (an empty text gives one empty line). Line starts within a block strictly
 * increase. Spaces that lead a text or follow a hard break stay on the line
 * when it fits; when the next word does not fit after them they are dropped
 * (the line starts after them) rather than make an empty line. */
#include <build-config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "layout.h"
#include "text.h"
#include "util.h"

#define GUTTER_MIN 5
#define GUTTER_MAX 8
#define SUBITEM_INDENT 4
#define INDENT_MAX 12
/* Text keeps at least this many columns before indents shrink. */
#define TEXT_MIN_COLS 20

typedef struct blk {
	layout_line *lines;	/* NULL until laid out (or after a drop) */
	size_t n;		/* line count, 0 until first laid out */
	int safe;		/* nothing text_safe_run stops at but '\n' */
} blk;

struct layout {
	const doc *d;
	int width;		/* whole text area, >= 10 */
	int gutter;
	blk *blks;		/* d->nblocks entries */
	unsigned char *numbered;	/* by node index: has a paragraph
					   child with a printed number */
	size_t lines_done;	/* lines currently held */
};

const char *
layout_mark(const layout *lo, size_t b)
{
	if (b >= lo->d->nblocks)
		return NULL;
	const node *nd = lo->d->blocks[b];
	if (nd->number && *nd->number)
		return nd->number;
	if (nd->kind == NODE_PARAGRAPH && nd->cite && *nd->cite &&
	    !(nd->parent && lo->numbered[nd->parent->index]))
		return nd->cite;
	return NULL;
}

layout *
layout_new(const doc *d, int width_cols)
{
	layout *lo = xcalloc(1, sizeof *lo);
	lo->d = d;
	lo->width = width_cols < 10 ? 10 : width_cols;
	if (lo->width > 10000)
		lo->width = 10000;	/* cols are unsigned short */
	lo->numbered = xcalloc(d->nnodes + 1, 1);
	for (size_t i = 0; i < d->nnodes; i++) {
		const node *nd = d->nodes[i];
		if (nd->kind == NODE_PARAGRAPH && nd->number && *nd->number && nd->parent)
			lo->numbered[nd->parent->index] = 1;
	}
	/* The gutter fits the widest mark (sub-items draw theirs in their
	 * indent), within [GUTTER_MIN, GUTTER_MAX]. */
	int widest = 0;
	for (size_t b = 0; b < d->nblocks; b++)
		if (d->blocks[b]->kind != NODE_SUBITEM) {
			const char *m = layout_mark(lo, b);
			int w = m ? text_width(m, strlen(m)) : 0;
			if (w > widest)
				widest = w;
		}
	lo->gutter = widest + 1 < GUTTER_MIN ? GUTTER_MIN :
		     widest + 1 > GUTTER_MAX ? GUTTER_MAX : widest + 1;
	lo->blks = xcalloc(d->nblocks + 1, sizeof *lo->blks);
	return lo;
}

void
layout_free(layout *lo)
{
	if (!lo)
		return;
	for (size_t b = 0; b < lo->d->nblocks; b++)
		free(lo->blks[b].lines);
	free(lo->blks);
	free(lo->numbered);
	free(lo);
}

int
layout_width(const layout *lo)
{
	return lo->width;
}

int
layout_gutter_cols(const layout *lo)
{
	return lo->gutter;
}

int
layout_text_cols(const layout *lo, int indent)
{
	int c = lo->width - lo->gutter - indent;
	return c < 1 ? 1 : c;
}

int
layout_number_col(const layout *lo, const layout_line *ln, int number_cols, int *max_cols)
{
	int end = lo->gutter + ln->indent - 1;	/* one space before the text */
	int col = end - number_cols;
	if (col < 0)
		col = 0;
	if (max_cols)
		*max_cols = end - col < 0 ? 0 : end - col;
	return col;
}

/* Indent by kind: sub-items one step per nesting level; footnotes a little.
 * Shrinks so that the text keeps TEXT_MIN_COLS (or all it can). */
static int
block_indent(const layout *lo, const node *nd)
{
	int ind = 0;
	if (nd->kind == NODE_SUBITEM) {
		for (const node *p = nd; p && p->kind == NODE_SUBITEM; p = p->parent)
			ind += SUBITEM_INDENT;
		if (ind > INDENT_MAX)
			ind = INDENT_MAX;
	} else if (nd->kind == NODE_FOOTNOTE) {
		ind = 2;
	}
	int room = lo->width - lo->gutter - TEXT_MIN_COLS;
	if (ind > room)
		ind = room > 0 ? room : 0;
	return ind;
}

/* The growing line array of one block being laid out. */
typedef struct lines {
	layout_line *v;
	size_t n, cap;
	size_t block;
	unsigned short indent;
} lines;

static void
emit(lines *L, size_t start, size_t end, int cols)
{
	xgrow((void **)&L->v, &L->cap, L->n + 1, sizeof *L->v);
	layout_line *l = &L->v[L->n];
	l->block = L->block;
	l->start = start;
	l->end = end;
	l->indent = L->indent;
	l->cols = (unsigned short)(cols > 65535 ? 65535 : cols);
	l->first = L->n == 0;
	l->blank = 0;
	L->n++;
}

static size_t
trim(const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	return end;
}

/* Bytes of s[start, end) to put on one line of avail columns when even the
 * first piece does not fit: whole clusters, or at least one code point.
 * *cols gets their width. */
static size_t
hard_split(const char *s, size_t start, size_t end, int avail, int *cols)
{
	size_t k = text_fit(s + start, end - start, avail, cols);
	if (k == 0) {
		/* One cluster wider than the line: cut it between code points. */
		int used = 0;
		size_t len;
		while (start + k < end) {
			int w = text_char_cols(s + start + k, end - start - k, &len);
			if (k > 0 && used + w > avail)
				break;
			used += w;
			k += len;
		}
		*cols = used;
	}
	return k;
}

_Static_assert(UC_BREAK_PROHIBITED == 1, "next_mark assumes PROHIBITED is 1");

/* The first b' >= b with p[b'] not PROHIBITED, or n: most bytes are
 * inside words, so skip them eight at a time. */
static size_t
next_mark(const char *p, size_t b, size_t n)
{
	while (b + 8 <= n) {
		uint64_t v;
		memcpy(&v, p + b, 8);
		if (v != 0x0101010101010101ULL)
			break;
		b += 8;
	}
	while (b < n && p[b] == UC_BREAK_PROHIBITED)
		b++;
	return b;
}

/* text_width(s, n), with the characters of most UN texts counted here:
 * printable ASCII, U+00A0..U+02FF, U+0370..U+047F (Greek, Cyrillic) and
 * U+2010..U+2027 (dashes, quotes, bullets) are one column each (as
 * text_width has them; a unit test compares the two); anything else goes
 * to text_width. *safe is cleared unless every character is one that
 * text_safe_run passes (Greek has unassigned code points: not counted). */
static long
seg_cols(const char *s, size_t n, int *safe)
{
	const unsigned char *u = (const unsigned char *)s;
	long w = 0;
	size_t i = 0;
	while (i < n) {
		unsigned char b = u[i];
		if (b >= 0x20 && b < 0x7F) {
			i++;
		} else if (i + 1 < n && (u[i + 1] & 0xC0) == 0x80 &&
			   ((b == 0xC2 && u[i + 1] >= 0xA0) || (b >= 0xC3 && b <= 0xCB) ||
			    (b >= 0xCE && b <= 0xD1))) {
			if (b == 0xCE || b == 0xCF)
				*safe = 0;
			i += 2;
		} else if (b == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
			   u[i + 2] >= 0x90 && u[i + 2] <= 0xA7) {
			i += 3;
		} else {
			*safe = 0;
			return w + text_width(s + i, n - i);
		}
		w++;
	}
	return w;
}

/* Fills lines of avail columns from s[0, n), given UAX #14 break marks p
 * (p[i] describes the break before s[i]; MANDATORY only at a '\n').
 * Used for text that is not narrow (fill_narrow is faster there).
 * Widths are kept incrementally, so the whole fill is linear: w is the
 * width of [start, pos), and a trailing space is always one column. */
static void
fill(lines *L, const char *s, size_t n, const char *p, int avail, int *safe)
{
	size_t start = 0, pos = 0;
	size_t good = 0;	/* last break that fitted (> start), 0 = none */
	long w = 0, good_w = 0;	/* widths of [start, pos) and [start, good) */

	for (size_t b = 0; b <= n; b++) {
		if (b > 0)
			b = next_mark(p, b, n);
		/* Only '\n' is a hard break: other mandatory breaks (U+2028,
		 * form feed) are shown, not obeyed; the text has no '\r'. */
		int hard = b < n && p[b] == UC_BREAK_MANDATORY && s[b] == '\n';
		if (b < n && !hard && (b == 0 || p[b] != UC_BREAK_POSSIBLE))
			continue;
		w += seg_cols(s + pos, b - pos, safe);
		pos = b;
		/* Candidate line [start, trim(b)): shorten it until it fits. */
		for (;;) {
			size_t e = trim(s, start, b);
			if (w - (long)(b - e) <= avail)
				break;
			if (good > start) {
				size_t ge = trim(s, start, good);
				/* Spaces alone (at the start of the text or
				 * after a hard break) are dropped rather than
				 * make an empty line. */
				if (ge > start)
					emit(L, start, ge, (int)(good_w - (long)(good - ge)));
				start = good;
				w -= good_w;
				good = 0;
				continue;
			}
			if (s[start] == ' ') {
				/* Spaces that lead the text or follow a hard
				 * break have no break after them (UAX #14
				 * LB6/LB7): drop them before cutting a word. */
				size_t k = start;
				while (k < e && s[k] == ' ')
					k++;
				w -= (long)(k - start);
				start = k;
				continue;
			}
			int kw = 0;
			size_t k = hard_split(s, start, e, avail, &kw);
			/* A piece can hold spaces with no break after them
			 * ("( a", a space before a quote): the cut may fall
			 * after one. The line never ends in spaces, and the
			 * next does not start with them. */
			size_t ke = trim(s, start, start + k);
			emit(L, start, ke, kw - (int)(start + k - ke));
			/* What was split off was measured as part of w. */
			w -= kw;
			start += k;
			while (start < e && s[start] == ' ') {
				start++;
				w--;
			}
		}
		if (hard || b == n) {
			size_t e = trim(s, start, b);
			emit(L, start, e, (int)(w - (long)(b - e)));
			if (b == n)
				break;
			/* Skip the '\n': the next line starts after it. */
			start = pos = b + 1;
			w = 0;
			good = 0;
			if (b + 1 == n) {	/* the text ends with '\n' */
				emit(L, n, n, 0);
				break;
			}
		} else {
			good = b;
			good_w = w;
		}
	}
}

/* Whether s[0, n) holds only '\n' and characters seg_cols counts as one
 * column each (a "narrow" text: every character a cluster of one column,
 * so a line's columns are its characters). *safe is cleared as seg_cols
 * would clear it (Greek). Printable ASCII is skipped eight bytes at a time. */
static int
narrow_text(const char *s, size_t n, int *safe)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (i + 8 <= n) {
			uint64_t v, x;
			memcpy(&v, u + i, 8);
			x = v ^ (0x7F * ones);
			/* no byte >= 0x80, < 0x20 or == 0x7F */
			if (!((v & high) | ((v - 0x20 * ones) & ~v & high) | ((x - ones) & ~x & high))) {
				i += 8;
				continue;
			}
		}
		unsigned char b = u[i];
		if ((b >= 0x20 && b < 0x7F) || b == '\n') {
			i++;
		} else if (i + 1 < n && (u[i + 1] & 0xC0) == 0x80 &&
			   ((b == 0xC2 && u[i + 1] >= 0xA0) || (b >= 0xC3 && b <= 0xCB) ||
			    (b >= 0xCE && b <= 0xD1))) {
			if (b == 0xCE || b == 0xCF)
				*safe = 0;
			i += 2;
		} else if (b == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
			   u[i + 2] >= 0x90 && u[i + 2] <= 0xA7) {
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

/* Characters in s[a, b) of a narrow text. */
static size_t
chars(const char *s, size_t a, size_t b)
{
	size_t c = 0;
	for (; a < b; a++)
		c += ((unsigned char)s[a] & 0xC0) != 0x80;
	return c;
}

/* fill() for a narrow text (narrow_text; ascii: all of it printable ASCII,
 * ' ' and '\n', a column a byte): the same lines, found by jumping to the
 * last column and looking back for a break instead of visiting every
 * break. The greedy rule is the same: a line ends at the last break whose
 * line (trailing spaces left out) fits, and trimmed widths only grow with
 * the break's position, so that break is the last one at or before the
 * last column, or past it over spaces only. Each line costs its length
 * and the spaces after it. */
static void
fill_narrow(lines *L, const char *s, size_t n, const char *p, int avail, int ascii)
{
	size_t start = 0;
	size_t h = 0, eh = 0;	/* the next '\n' at or after start (or n), and
				   trim(s, start, h) when h was found */
	int h_known = 0;
	for (;;) {
		if (!h_known || h < start) {
			const char *nl = memchr(s + start, '\n', n - start);
			h = nl ? (size_t)(nl - s) : n;
			eh = trim(s, start, h);
			h_known = 1;
		}
		/* trim(s, start, h), without walking the spaces again */
		size_t e = eh > start ? eh : start;
		/* E: after avail columns from start (at most e); left:
		 * columns to spare when [start, e) fits */
		size_t E, left = 0;
		if (ascii) {
			E = e - start <= (size_t)avail ? e : start + (size_t)avail;
			left = E == e ? (size_t)avail - (e - start) : 0;
		} else {
			size_t c = (size_t)avail;
			E = start;
			/* eight bytes at a time while they hold at most c
			 * characters (continuation bytes: 10xxxxxx) */
			while (c >= 8 && E + 8 <= e) {
				uint64_t v;
				memcpy(&v, s + E, 8);
				uint64_t cont = v & ~(v << 1) & 0x8080808080808080ULL;
				c -= 8 - (size_t)__builtin_popcountll(cont);
				E += 8;
				while (E < e && ((unsigned char)s[E] & 0xC0) == 0x80)
					E++;	/* the rest of the last character */
			}
			while (E < e && c > 0) {
				E++;
				while (E < e && ((unsigned char)s[E] & 0xC0) == 0x80)
					E++;
				c--;
			}
			left = c;
		}
		if (E == e) {
			emit(L, start, e, avail - (int)left);
			if (h == n)
				return;
			start = h + 1;	/* skip the '\n' */
			if (start == n) {	/* the text ends with '\n' */
				emit(L, n, n, 0);
				return;
			}
			continue;
		}
		/* [start, e) is too wide, [start, E) holds avail columns and
		 * s[e - 1] is no space: the last break that fits is at most
		 * bmax < e. */
		size_t bmax = E;
		while (s[bmax] == ' ')
			bmax++;
		size_t b = bmax;
		while (b > start && p[b] != UC_BREAK_POSSIBLE)
			b--;
		if (b > start) {
			size_t ge = trim(s, start, b);	/* <= E */
			if (ge > start)	/* spaces alone make no line */
				emit(L, start, ge, avail - (int)(ascii ? E - ge : chars(s, ge, E)));
			start = b;
			continue;
		}
		if (s[start] == ' ') {	/* as in fill(): drop leading spaces */
			while (s[start] == ' ')
				start++;
			continue;
		}
		/* No break fits: cut at the last column (every character is
		 * a cluster of one column), as hard_split does. */
		size_t ke = trim(s, start, E);
		emit(L, start, ke, avail - (int)(E - ke));
		start = E;
		while (s[start] == ' ')
			start++;
	}
}

static void
lay_out(layout *lo, size_t b)
{
	const node *nd = lo->d->blocks[b];
	const char *s = node_text(lo->d, nd);
	size_t n = nd->len;
	lines L = { NULL, 0, 0, b, (unsigned short)block_indent(lo, nd) };
	int avail = layout_text_cols(lo, L.indent);

	if (n > 0) {
		char *p = xmalloc(n);
		/* 1 only for printable ASCII, ' ' and '\n' (text.h) */
		int ascii = text_linebreaks(s, n, p), safe = 1;
		if (ascii || narrow_text(s, n, &safe)) {
			fill_narrow(&L, s, n, p, avail, ascii);
		} else {
			safe = 1;
			fill(&L, s, n, p, avail, &safe);
		}
		free(p);
		lo->blks[b].safe = safe;
	} else {
		emit(&L, 0, 0, 0);
	}
	if (b + 1 < lo->d->nblocks) {
		xgrow((void **)&L.v, &L.cap, L.n + 1, sizeof *L.v);
		layout_line sep = { b, n, n, L.indent, 0, 0, 1 };
		L.v[L.n++] = sep;
	}
	lo->blks[b].lines = L.v;
	lo->blks[b].n = L.n;
	lo->lines_done += L.n;
}

int
layout_block_safe(const layout *lo, size_t b)
{
	return b < lo->d->nblocks && lo->blks[b].n && lo->blks[b].safe;
}

const layout_line *
layout_block(layout *lo, size_t b, size_t *n)
{
	if (b >= lo->d->nblocks) {
		*n = 0;
		return NULL;
	}
	if (!lo->blks[b].lines)
		lay_out(lo, b);
	*n = lo->blks[b].n;
	return lo->blks[b].lines;
}

/* Line count of block b, laying it out only if never done before. */
static size_t
block_count(layout *lo, size_t b)
{
	if (!lo->blks[b].n)
		lay_out(lo, b);
	return lo->blks[b].n;
}

void
layout_drop_block(layout *lo, size_t b)
{
	if (b >= lo->d->nblocks || !lo->blks[b].lines)
		return;
	free(lo->blks[b].lines);
	lo->blks[b].lines = NULL;
	lo->lines_done -= lo->blks[b].n;
}

const layout_line *
layout_line_at(layout *lo, layout_addr a)
{
	size_t n;
	const layout_line *l = layout_block(lo, a.block, &n);
	if (!l)
		return NULL;
	return &l[a.line < n ? a.line : n - 1];
}

size_t
layout_step(layout *lo, layout_addr *a, long delta)
{
	size_t nb = lo->d->nblocks, moved = 0;
	if (nb == 0)
		return 0;
	if (a->block >= nb) {
		a->block = nb - 1;
		a->line = block_count(lo, a->block) - 1;
	}
	size_t n = block_count(lo, a->block);
	if (a->line >= n)
		a->line = n - 1;
	if (delta > 0) {
		size_t want = (size_t)delta;
		while (moved < want) {
			size_t left = n - 1 - a->line;
			if (want - moved <= left) {
				a->line += want - moved;
				moved = want;
				break;
			}
			if (a->block + 1 >= nb) {
				a->line = n - 1;
				moved += left;
				break;
			}
			moved += left + 1;
			a->block++;
			a->line = 0;
			n = block_count(lo, a->block);
		}
	} else if (delta < 0) {
		size_t want = (size_t)(-(delta + 1)) + 1;
		while (moved < want) {
			if (want - moved <= a->line) {
				a->line -= want - moved;
				moved = want;
				break;
			}
			if (a->block == 0) {
				moved += a->line;
				a->line = 0;
				break;
			}
			moved += a->line + 1;
			a->block--;
			n = block_count(lo, a->block);
			a->line = n - 1;
		}
	}
	return moved;
}

layout_addr
layout_first(layout *lo)
{
	(void)lo;
	layout_addr a = { 0, 0 };
	return a;
}

layout_addr
layout_last(layout *lo)
{
	layout_addr a = { 0, 0 };
	if (lo->d->nblocks == 0)
		return a;
	a.block = lo->d->nblocks - 1;
	a.line = block_count(lo, a.block) - 1;
	return a;
}

layout_addr
layout_addr_of(layout *lo, doc_pos p)
{
	layout_addr a = { 0, 0 };
	if (lo->d->nblocks == 0)
		return a;
	if (p.block >= lo->d->nblocks) {
		p.block = lo->d->nblocks - 1;
		p.byte = SIZE_MAX;
	}
	size_t n;
	const layout_line *l = layout_block(lo, p.block, &n);
	/* The last text line starting at or before the byte (binary search:
	 * starts increase; the separator is never chosen). */
	size_t lo_i = 0, hi = n;
	while (hi > 0 && l[hi - 1].blank)
		hi--;
	while (hi - lo_i > 1) {
		size_t mid = lo_i + (hi - lo_i) / 2;
		if (l[mid].start <= p.byte)
			lo_i = mid;
		else
			hi = mid;
	}
	a.block = p.block;
	a.line = lo_i;
	return a;
}

doc_pos
layout_pos_of(layout *lo, layout_addr a)
{
	doc_pos p = { 0, 0 };
	const layout_line *l = layout_line_at(lo, a);
	if (!l)
		return p;
	p.block = l->block;
	if (l->blank) {
		/* A separator stands for the line before it. */
		size_t n;
		const layout_line *v = layout_block(lo, a.block, &n);
		p.byte = n >= 2 ? v[n - 2].start : 0;
	} else {
		p.byte = l->start;
	}
	return p;
}

size_t
layout_lines_done(const layout *lo)
{
	return lo->lines_done;
}

size_t
layout_total_lines(layout *lo)
{
	size_t t = 0;
	for (size_t b = 0; b < lo->d->nblocks; b++)
		t += block_count(lo, b);
	return t;
}
