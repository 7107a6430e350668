/* parse/lines.c: pass 1. The text split into line records (trimmed
 * content, indent, width in code points, blank/empty/form-feed flags),
 * and the measures the later passes read: the page margin taken off the
 * indents, double spacing, blank-less text, the typical full line. The
 * raw bytes of a line are found again on demand (lines_raw). */
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

/* ---------- pass 1: lines ---------- */

/* Code points in s[0, n): the bytes that are no continuation bytes,
 * counted eight at a time. */
static size_t
utf8_count(const char *s, size_t n)
{
	const uint64_t hi = 0x8080808080808080ull;
	size_t cont = 0, k = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t v;
		memcpy(&v, s + k, 8);
		/* 10xxxxxx: bit 7 set, bit 6 clear; one bit per such byte,
		 * summed by a multiplication */
		uint64_t m = (v & ~(v << 1) & hi) >> 7;
		cont += (m * 0x0101010101010101ull) >> 56;
	}
	for (; k < n; k++)
		cont += ((unsigned char)s[k] & 0xC0) == 0x80;
	return n - cont;
}

void
lines_split(parser *p)
{
	/* count the lines first: one exact allocation, no copies */
	size_t cap = 1;
	for (const char *q = p->t, *end = p->t + p->n;
	     (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
		cap++;
	p->L = arena_big_alloc(cap * sizeof *p->L);
	p->lcap = cap;
	p->pagenum = arena_big_alloc(cap * sizeof *p->pagenum);
	size_t i = 0;
	while (i < p->n) {
		size_t e = i;
		const char *nl = memchr(p->t + i, '\n', p->n - i);
		e = nl ? (size_t)(nl - p->t) : p->n;
		pline *l = &p->L[p->nl++];
		memset(l, 0, sizeof *l);
		size_t s = i;
		int ind = 0;
		while (s < e && is_sp(p->t[s])) {
			if (p->t[s] == '\f') {
				l->flags |= LF_FF;
				ind = 0;
			} else if (ind < 32767) {
				ind += p->t[s] == '\t' ? 8 : 1;
			}
			s++;
		}
		size_t en = e;
		while (en > s && (is_sp(p->t[en - 1]) || p->t[en - 1] == '\f'))
			en--;
		l->s = (uint32_t)s;
		l->e = (uint32_t)en;
		l->indent = (int16_t)(ind > 32767 ? 32767 : ind);
		if (en - s >= 3 && (p->t[s] == '-' || p->t[s] == '=')) {
			/* a rule drawn with "-----" or "=====": a break, no text */
			size_t k = s;
			while (k < en && p->t[k] == p->t[s])
				k++;
			if (k == en)
				s = en;
			l->s = (uint32_t)s;
		}
		if (s == en) {
			l->flags |= LF_BLANK;
			if (e == i)
				l->flags |= LF_EMPTY;
		} else {
			/* code points, bounded: only short lines are measured
			 * exactly, which is all the width heuristics need */
			size_t n = en - s, cols = utf8_count(p->t + s, n);
			l->cols = (uint16_t)(cols < 1000 ? cols : 1000);
		}
		i = nl ? e + 1 : p->n;
	}
}

/* The first byte of line i: after the '\n' before its content. */
size_t
lines_raw(const parser *p, size_t i)
{
	size_t k = p->L[i].s;
	while (k > 0 && p->t[k - 1] != '\n')
		k--;
	return k;
}

/* The end of line i without its '\n': the '\n' after its content, or
 * the end of the text. */
size_t
lines_rawend(const parser *p, size_t i)
{
	size_t e = p->L[i].e;
	const char *nl = memchr(p->t + e, '\n', p->n - e);
	return nl ? (size_t)(nl - p->t) : p->n;
}

/* The measures later passes read: the margin taken off every indent
 * (pdftotext -layout keeps the page margin: indents count from the most
 * common one), the typical full line (the 80th percentile of widths),
 * double spacing (text lines followed by exactly one empty line, and
 * those lines mostly wrapped lines of a page: near the typical width, of
 * at most 160 columns, breaking mid-sentence before a line that does not
 * start with a capital; one-line paragraphs separated by blank lines, as
 * a converter reflows them, are not double spacing even when they end
 * with ","), and blank-less text; a hosting site's chrome around the text
 * (LF_CHROME, found before) and the blank lines that set it apart are
 * left out. */
void
lines_measure(parser *p)
{
	{
		size_t hist[65] = { 0 }, best = 0;
		for (size_t i = 0; i < p->nl; i++)
			if (!(p->L[i].flags & LF_BLANK) && p->L[i].indent <= 64)
				hist[p->L[i].indent]++;
		for (int k = 1; k <= 64; k++)
			if (hist[k] > hist[best])
				best = (size_t)k;
		if (best)
			for (size_t i = 0; i < p->nl; i++)
				p->L[i].indent = p->L[i].indent > (int)best ?
						 p->L[i].indent - (int)best : 0;
	}

	{
		size_t hist[301] = { 0 }, tot = 0;
		for (size_t i = 0; i < p->nl; i++)
			if (!(p->L[i].flags & (LF_BLANK | LF_CHROME))) {
				hist[p->L[i].cols > 300 ? 300 : p->L[i].cols]++;
				tot++;
			}
		size_t acc = 0;
		p->width = 80;
		for (int c = 0; c <= 300 && tot; c++) {
			acc += hist[c];
			if (acc * 10 >= tot * 8) {
				p->width = c < 20 ? 20 : c;
				break;
			}
		}
	}

	/* the document without a site's chrome around it (and the blank
	 * lines that set the chrome apart) */
	size_t lo = 0, hi = p->nl;
	for (size_t i = 0; i < p->nl; i++)
		if (p->L[i].flags & LF_CHROME)
			lo = i + 1;
		else if (!(p->L[i].flags & LF_BLANK))
			break;
	for (size_t i = p->nl; i > lo; i--)
		if (p->L[i - 1].flags & LF_CHROME)
			hi = i - 1;
		else if (!(p->L[i - 1].flags & LF_BLANK))
			break;
	if (lo || hi < p->nl) {
		while (lo < hi && (p->L[lo].flags & LF_BLANK))
			lo++;
		while (hi > lo && (p->L[hi - 1].flags & LF_BLANK))
			hi--;
	}
	size_t textl = 0, dbl = 0, mid = 0;
	for (size_t i = lo; i + 2 < hi; i++) {
		if (p->L[i].flags & LF_BLANK)
			continue;
		textl++;
		if ((p->L[i + 1].flags & LF_EMPTY) && !(p->L[i + 2].flags & LF_EMPTY)) {
			dbl++;
			/* a wrapped line of a page: near the measure */
			int c = p->L[i].cols;
			if (c * 4 >= p->width * 3 && c * 4 <= p->width * 5 &&
			    !blocks_ends_sentence(LS(p, i), LN(p, i)) &&
			    !starts_upper(LS(p, i + 2), LN(p, i + 2)))
				mid++;
		}
	}
	p->dbl = textl >= 20 && p->width <= 160 && dbl * 10 > textl * 6 &&
		 mid * 10 > dbl * 4;
	p->blankless = textl > 4 && (hi - lo - textl) * 30 < hi - lo;
}
