/* search: smart-case, accent-insensitive search with a map back to the
 * document's bytes (search.h).
 *
 * For each of the four matching modes (case folded or not, marks dropped or
 * not) the document's blocks are folded once, on first use, into one buffer:
 * each code point becomes its fold_char (fold.h: NFD, case-folded when case
 * is ignored, minus nonspacing marks when marks are ignored, typography made
 * plain always); white space runs become one ' '; one NUL byte stands between blocks, so no match (the query never holds
 * NUL) spans two. The query is folded the same way and found with memmem.
 *
 * The map from folded bytes back to plain offsets is a sorted array of runs,
 * not a per-byte table (that would be 4-8 bytes per byte of text): an IDENT
 * run maps folded byte f + i to plain byte o + i (a character folded to the
 * same number of bytes, such as ASCII, "Ж" -> "ж", "ё" -> "е"); a CHAR run is
 * one original unit [o, next.o) that folded to [f, next.f) bytes, possibly
 * none (a dropped mark, a collapsed space, a soft hyphen). Both f and o increase along the
 * array, so either side is found by binary search. A position inside a
 * multi-byte character of an IDENT run rounds down to the character's
 * start. */
#include <build-config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"
#include "search.h"
#include "text.h"
#include "util.h"

enum { RUN_IDENT, RUN_CHAR };

typedef struct run {
	size_t f, o;
	int kind;
} run;

typedef struct folded {
	int built;
	char *t;		/* folded text, NUL-terminated */
	size_t len, cap;
	run *runs;		/* ends with a sentinel CHAR run (len, plain_len) */
	size_t nruns, runs_cap;
	int prev_space;		/* the last byte written is a collapsed space */
} folded;

struct search {
	const doc *d;
	folded modes[4];	/* indexed by SEARCH_MATCH_* flags */
};

search *
search_new(const doc *d)
{
	search *s = xcalloc(1, sizeof *s);
	s->d = d;
	return s;
}

void
search_free(search *s)
{
	if (!s)
		return;
	for (int i = 0; i < 4; i++) {
		free(s->modes[i].t);
		free(s->modes[i].runs);
	}
	free(s);
}

static void
put(folded *x, const void *p, size_t n)
{
	if (x->len + n + 1 > x->cap) {
		size_t cap = x->cap ? x->cap : 256;
		while (x->len + n + 1 > cap)
			cap *= 2;
		x->t = xrealloc(x->t, cap);
		x->cap = cap;
	}
	memcpy(x->t + x->len, p, n);
	x->len += n;
	x->t[x->len] = '\0';
}

static void
add_run(folded *x, size_t o, int kind)
{
	if (kind == RUN_IDENT && x->nruns) {
		const run *l = &x->runs[x->nruns - 1];
		if (l->kind == RUN_IDENT && l->o - l->f == o - x->len)
			return;	/* continues the last run */
	}
	xgrow((void **)&x->runs, &x->runs_cap, x->nruns + 1, sizeof *x->runs);
	x->runs[x->nruns].f = x->len;
	x->runs[x->nruns].o = o;
	x->runs[x->nruns].kind = kind;
	x->nruns++;
}

/* Folds s[0, n) (its first byte at plain offset base) into x with
 * fold_char: case and marks as flags say, typography always. With map 0
 * (the query) no runs are kept. */
static void
fold(folded *x, const char *s, size_t n, size_t base, unsigned flags, int map)
{
	unsigned how = FOLD_TYPO | (flags & SEARCH_MATCH_CASE ? 0 : FOLD_CASE) |
		       (flags & SEARCH_MATCH_ACCENTS ? 0 : FOLD_MARKS);
	uint8_t tmp[FOLD_CHAR_MAX];

	for (size_t i = 0; i < n;) {
		size_t len;
		int space;
		size_t k = fold_char(s + i, n - i, how, tmp, &len, &space);
		if (space) {
			if (x->prev_space) {
				if (map)
					add_run(x, base + i, RUN_CHAR);	/* nothing */
			} else {
				if (map)
					add_run(x, base + i, k == 1 ? RUN_IDENT : RUN_CHAR);
				put(x, " ", 1);
				x->prev_space = 1;
			}
			i += k;
			continue;
		}
		x->prev_space = 0;
		if (map)
			add_run(x, base + i, len == k ? RUN_IDENT : RUN_CHAR);
		put(x, tmp, len);
		i += k;
	}
}

static folded *
mode(search *s, unsigned flags)
{
	folded *x = &s->modes[flags & 3];
	if (x->built)
		return x;
	const doc *d = s->d;
	for (size_t b = 0; b < d->nblocks; b++) {
		const node *nd = d->blocks[b];
		if (b > 0) {
			/* The gap between blocks: one NUL. */
			size_t gap = d->blocks[b - 1]->off + d->blocks[b - 1]->len;
			add_run(x, gap, RUN_CHAR);
			put(x, "", 1);
		}
		x->prev_space = 0;
		fold(x, node_text(d, nd), nd->len, nd->off, flags, 1);
	}
	add_run(x, d->plain_len, RUN_CHAR);	/* sentinel */
	if (!x->t)
		put(x, "", 0);
	x->built = 1;
	return x;
}

/* The last run whose offset (folded when by_o is 0, plain when 1) is <= v
 * (ties: the last, which owns the byte). */
static size_t
run_at(const folded *x, size_t v, int by_o)
{
	return UTIL_LAST_LE(x->nruns, v, by_o ? x->runs[mid_].o : x->runs[mid_].f);
}

/* Folded offset of plain offset O (the start of what it folded to). */
static size_t
folded_of(const folded *x, size_t O)
{
	if (!x->nruns)
		return 0;
	const run *r = &x->runs[run_at(x, O, 1)];
	if (O < r->o)
		return 0;
	size_t F = r->kind == RUN_CHAR ? r->f : r->f + (O - r->o);
	return F > x->len ? x->len : F;
}

static size_t
char_start(const char *p, size_t i)
{
	while (i > 0 && ((unsigned char)p[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* The plain characters that folded byte F came from: [*o0, *o1). */
static void
orig_span(const search *s, const folded *x, size_t F, size_t *o0, size_t *o1)
{
	size_t ri = run_at(x, F, 0);
	const run *r = &x->runs[ri];
	const doc *d = s->d;
	if (r->kind == RUN_CHAR) {
		*o0 = r->o;
		*o1 = ri + 1 < x->nruns ? x->runs[ri + 1].o : d->plain_len;
		return;
	}
	size_t o = char_start(d->plain, r->o + (F - r->f));
	int m = u8_mblen((const uint8_t *)d->plain + o, d->plain_len - o);
	*o0 = o;
	*o1 = o + (m > 0 ? (size_t)m : 1);
}

/* Plain [start, end) of folded match [F, F + n). */
static search_match
to_plain(const search *s, const folded *x, size_t F, size_t n)
{
	search_match m;
	size_t a, b;
	orig_span(s, x, F, &m.start, &b);
	orig_span(s, x, F + n - 1, &a, &m.end);
	/* Take the combining marks of the last character along. */
	const doc *d = s->d;
	size_t blk_end = 0;
	if (d->nblocks) {
		const node *nd = d->blocks[doc_block_at(d, m.start)];
		blk_end = nd->off + nd->len;
	}
	while (m.end < blk_end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)d->plain + m.end, blk_end - m.end);
		if (k < 1 || !uc_is_general_category(c, UC_CATEGORY_Mn))
			break;
		m.end += (size_t)k;
	}
	return m;
}

/* A compiled query. */
typedef struct query {
	unsigned flags;
	char *t;
	size_t len;
} query;

unsigned
search_query_flags(const char *q, size_t n)
{
	unsigned flags = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)q + i, n - i);
		if (k < 1)
			k = 1;
		if (uc_tolower(c) != c)
			flags |= SEARCH_MATCH_CASE;
		if (c >= 0x80) {
			uint8_t tmp[64];
			size_t len = sizeof tmp;
			uint8_t *r = u8_normalize(UNINORM_NFD, (const uint8_t *)q + i,
						  (size_t)k, tmp, &len);
			for (size_t j = 0; r && j < len;) {
				ucs4_t cc;
				int m = u8_mbtouc(&cc, r + j, len - j);
				if (uc_is_general_category(cc, UC_CATEGORY_Mn))
					flags |= SEARCH_MATCH_ACCENTS;
				j += m > 0 ? (size_t)m : 1;
			}
			if (r && r != tmp)
				free(r);
		}
		i += (size_t)k;
	}
	return flags;
}

static int
compile(const char *q, query *out)
{
	size_t n = strlen(q);
	if (u8_check((const uint8_t *)q, n))
		return -1;
	out->flags = search_query_flags(q, n);
	folded x = { 0 };
	fold(&x, q, n, 0, out->flags, 0);
	if (x.len == 0 || (x.len == 1 && x.t[0] == ' ')) {
		free(x.t);
		return -1;
	}
	out->t = x.t;
	out->len = x.len;
	return 0;
}

/* A folded match at F is real: with marks significant it must not end
 * between a letter and its mark. */
static int
valid_at(const folded *x, const query *q, size_t F)
{
	if (!(q->flags & SEARCH_MATCH_ACCENTS))
		return 1;
	size_t e = F + q->len;
	if (e >= x->len)
		return 1;
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)x->t + e, x->len - e);
	return k < 1 || !uc_is_general_category(c, UC_CATEGORY_Mn);
}

/* First valid folded match starting at or after F whose plain start is >=
 * from; SIZE_MAX if none. */
static size_t
find_fwd(const search *s, const folded *x, const query *q, size_t F, size_t from,
	 search_match *m)
{
	while (F + q->len <= x->len) {
		const char *p = memmem(x->t + F, x->len - F, q->t, q->len);
		if (!p)
			return SIZE_MAX;
		size_t at = (size_t)(p - x->t);
		if (valid_at(x, q, at)) {
			*m = to_plain(s, x, at, q->len);
			if (m->start >= from)
				return at;
		}
		F = at + 1;
	}
	return SIZE_MAX;
}

/* Last valid match whose plain start is < from; searches back in windows. */
static size_t
find_back(const search *s, const folded *x, const query *q, size_t from, search_match *m)
{
	size_t top = folded_of(x, from) + 1;	/* matches start below top */
	if (top > x->len)
		top = x->len;
	const size_t W = 1 << 16;
	while (top > 0) {
		size_t lo = top > W ? top - W : 0;
		size_t best = SIZE_MAX, F = lo;
		search_match bm = { 0, 0 };
		size_t lim = top + q->len - 1 < x->len ? top + q->len - 1 : x->len;
		while (F < top) {
			const char *p = memmem(x->t + F, lim - F, q->t, q->len);
			if (!p)
				break;
			size_t at = (size_t)(p - x->t);
			if (at >= top)
				break;
			if (valid_at(x, q, at)) {
				search_match t = to_plain(s, x, at, q->len);
				if (t.start < from) {
					best = at;
					bm = t;
				}
			}
			F = at + 1;
		}
		if (best != SIZE_MAX) {
			*m = bm;
			return best;
		}
		top = lo;
	}
	return SIZE_MAX;
}

int
search_next(search *s, const char *qs, size_t from, search_dir dir, search_match *m,
	    int *wrapped)
{
	query q;
	if (wrapped)
		*wrapped = 0;
	if (compile(qs, &q) < 0)
		return -1;
	folded *x = mode(s, q.flags);
	size_t at;
	if (dir == SEARCH_FORWARD) {
		at = find_fwd(s, x, &q, folded_of(x, from), from, m);
		if (at == SIZE_MAX && from > 0) {
			at = find_fwd(s, x, &q, 0, 0, m);
			if (at != SIZE_MAX && wrapped)
				*wrapped = 1;
		}
	} else {
		at = find_back(s, x, &q, from, m);
		if (at == SIZE_MAX) {
			at = find_back(s, x, &q, SIZE_MAX, m);
			if (at != SIZE_MAX && wrapped)
				*wrapped = 1;
		}
	}
	free(q.t);
	return at != SIZE_MAX;
}

long
search_matches(search *s, const char *qs, size_t from, size_t to, search_match *out,
	       size_t max)
{
	query q;
	if (compile(qs, &q) < 0)
		return -1;
	folded *x = mode(s, q.flags);
	size_t F = folded_of(x, from), got = 0;
	search_match m;
	while (got < max) {
		size_t at = find_fwd(s, x, &q, F, from, &m);
		if (at == SIZE_MAX || m.start >= to)
			break;
		F = at + 1;
		/* Two folded matches in what one character folded to ("s"
		 * twice in "ß" -> "ss") are one match in the text. */
		if (got > 0 && m.start <= out[got - 1].start)
			continue;
		out[got++] = m;
	}
	free(q.t);
	return (long)got;
}
