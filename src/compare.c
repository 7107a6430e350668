/* compare: clause matching and word diff between two versions of a
 * document (compare.h). The word diff is Myers' greedy O(ND) algorithm
 * ("An O(ND) Difference Algorithm and Its Variations", 1986) keeping the
 * furthest-reaching diagonals of every d for the walk back: O(D^2) ints of
 * memory, so D is capped (COMPARE_MAX_EDITS).
 *
 * Invariants: a clause is matched at most once (match index, or a group of
 * two for splits and merges); words are compared by the 64-bit FNV-1a hash
 * of their folded form, never by their bytes. */
#include <build-config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "compare.h"
#include "util.h"

typedef struct word {
	size_t start, end;	/* bytes of the text */
	uint64_t h;		/* hash of the folded word */
} word;

typedef struct clause {
	const node *nd;
	compare_part part;
	word *w;
	size_t nw;
	uint64_t *bag;		/* word hashes, sorted */
	uint64_t whole;		/* hash of the folded word sequence */
	long match;		/* index of the partner in the other part's
				   array, -1 */
	long group;		/* the second partner of a split or merge, -1 */
	int grouped;		/* the second clause of a split or merge */
	double sim;
} clause;

typedef struct side {
	const doc *d;
	clause *c;		/* every clause, reading order */
	size_t n;
	int has_preamble;
} side;

/* ---- words ---------------------------------------------------------- */

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t
fnv_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * FNV_PRIME;
}

static uint64_t
fnv_str(uint64_t h, const char *s)
{
	while (*s)
		h = fnv_byte(h, (unsigned char)*s++);
	return h;
}

static int
is_space(ucs4_t c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 ||
	       c == 0x2009 || c == 0x202F || c == 0x2007 || c == 0x2002 ||
	       c == 0x2003 || c == 0x3000 || c == 0x200A || c == 0x2028 ||
	       c == 0x2029;
}

/* What c folds to: a replacement string, "" to drop it, NULL to keep it. */
static const char *
fold(ucs4_t c)
{
	switch (c) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC:
	case 0x2032: case 0x00B4: return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
	case 0x00BB: case 0x2033: return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: return "-";
	case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
	case 0xFEFF: return "";
	case 0xFB00: return "ff";
	case 0xFB01: return "fi";
	case 0xFB02: return "fl";
	case 0xFB03: return "ffi";
	case 0xFB04: return "ffl";
	case 0x2026: return "...";
	case 0x00B9: return "1";
	case 0x00B2: return "2";
	case 0x00B3: return "3";
	case 0x2070: return "0";
	default:
		if (c >= 0x2074 && c <= 0x2079) {
			static const char *d[] = { "4", "5", "6", "7", "8", "9" };
			return d[c - 0x2074];
		}
		return NULL;
	}
}

/* Splits s[0, n) into words; returns how many (*out: caller frees). A
 * word made only of dropped characters is no word. */
static size_t
split_words(const char *s, size_t n, word **out)
{
	word *w = NULL;
	size_t nw = 0, cap = 0, i = 0;
	const uint8_t *u = (const uint8_t *)s;
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, u + i, n - i);
		if (is_space(c)) {
			i += (size_t)k;
			continue;
		}
		size_t start = i;
		uint64_t h = FNV_OFFSET;
		int any = 0;
		while (i < n) {
			k = u8_mbtouc(&c, u + i, n - i);
			if (is_space(c))
				break;
			const char *f = fold(c);
			if (f) {
				h = fnv_str(h, f);
				any |= *f != 0;
			} else {
				for (int j = 0; j < k; j++)
					h = fnv_byte(h, u[i + (size_t)j]);
				any = 1;
			}
			i += (size_t)k;
		}
		if (!any)
			continue;
		xgrow((void **)&w, &cap, nw + 1, sizeof *w);
		w[nw++] = (word){ start, i, h };
	}
	*out = w;
	return nw;
}

/* The hash of a clause's folded words joined without spaces: two
 * extractions of one document then agree where they differ only in where
 * a space falls, which is what a footnote mark does ("regard.⁴ JS7",
 * "regard. 4 JS7"; superscript digits fold to digits) and what a repaired
 * hyphenation does ("Capacity- Building"). */
static uint64_t
joined_whole(const char *text, const word *w, size_t nw)
{
	uint64_t h = FNV_OFFSET;
	const uint8_t *u = (const uint8_t *)text;
	for (size_t i = 0; i < nw; i++) {
		size_t k = w[i].start;
		while (k < w[i].end) {
			ucs4_t c;
			int len = u8_mbtouc(&c, u + k, w[i].end - k);
			const char *f = fold(c);
			if (f)
				h = fnv_str(h, f);
			else
				for (int j = 0; j < len; j++)
					h = fnv_byte(h, u[k + (size_t)j]);
			k += (size_t)len;
		}
	}
	return h;
}

/* ---- Myers ------------------------------------------------------------ */

/* The edit script of a[0, n) -> b[0, m): ops[] gets n + m - common
 * entries of COMPARE_SAME/DEL/INS in order (caller frees). Returns the
 * count, or (size_t)-1 past the cap. */
static size_t
myers(const word *a, size_t n, const word *b, size_t m, compare_op **ops)
{
	size_t max = n + m;
	if (max > 2 * (size_t)COMPARE_MAX_EDITS + 2)
		max = 2 * (size_t)COMPARE_MAX_EDITS + 2;
	size_t dmax = max < COMPARE_MAX_EDITS ? max : COMPARE_MAX_EDITS;
	long off = (long)dmax + 1;
	long *v = xcalloc(2 * (size_t)off + 1, sizeof *v);
	/* trace[d] holds v[-d .. d] as it was after step d */
	long **trace = xcalloc(dmax + 1, sizeof *trace);
	long dfound = -1;
	for (long d = 0; d <= (long)dmax && dfound < 0; d++) {
		for (long k = -d; k <= d; k += 2) {
			long x;
			if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				x = v[off + k + 1];
			else
				x = v[off + k - 1] + 1;
			long y = x - k;
			while (x < (long)n && y < (long)m && a[x].h == b[y].h) {
				x++;
				y++;
			}
			v[off + k] = x;
			if (x >= (long)n && y >= (long)m) {
				dfound = d;
				break;
			}
		}
		trace[d] = xmalloc((2 * (size_t)d + 1) * sizeof **trace);
		memcpy(trace[d], v + off - d, (2 * (size_t)d + 1) * sizeof *v);
	}
	size_t count;
	if (dfound < 0) {
		count = (size_t)-1;
		*ops = NULL;
	} else {
		/* walk back from (n, m), collecting ops in reverse */
		size_t cap = n + m + 1;
		compare_op *rev = xmalloc(cap * sizeof *rev);
		size_t nr = 0;
		long x = (long)n, y = (long)m;
		for (long d = dfound; d > 0; d--) {
			long *pv = trace[d - 1];	/* v[-(d-1) .. d-1] */
			long k = x - y, pk;
#define PV(kk) pv[(kk) + (d - 1)]
			if (k == -d || (k != d && PV(k - 1) < PV(k + 1)))
				pk = k + 1;
			else
				pk = k - 1;
			long px = PV(pk), py = px - pk;
#undef PV
			while (x > px && y > py) {
				rev[nr++] = COMPARE_SAME;
				x--;
				y--;
			}
			if (pk == k + 1)
				rev[nr++] = COMPARE_INS;	/* down: y moved */
			else
				rev[nr++] = COMPARE_DEL;
			x = px;
			y = py;
		}
		while (x > 0 && y > 0) {
			rev[nr++] = COMPARE_SAME;
			x--;
			y--;
		}
		compare_op *o = xmalloc((nr ? nr : 1) * sizeof *o);
		for (size_t i = 0; i < nr; i++)
			o[i] = rev[nr - 1 - i];
		free(rev);
		*ops = o;
		count = nr;
	}
	for (long d = 0; d <= (long)dmax; d++)
		free(trace[d]);
	free(trace);
	free(v);
	return count;
}

size_t
compare_words(const char *a, size_t alen, const char *b, size_t blen,
	      compare_word **out)
{
	word *wa, *wb;
	size_t na = split_words(a, alen, &wa), nb = split_words(b, blen, &wb);
	compare_word *r = xmalloc((na + nb + 1) * sizeof *r);
	size_t nr = 0;
	/* common prefix and suffix first: most clauses change little */
	size_t pre = 0, suf = 0;
	while (pre < na && pre < nb && wa[pre].h == wb[pre].h)
		pre++;
	while (suf < na - pre && suf < nb - pre &&
	       wa[na - 1 - suf].h == wb[nb - 1 - suf].h)
		suf++;
	for (size_t i = 0; i < pre; i++)
		r[nr++] = (compare_word){ COMPARE_SAME, b + wb[i].start,
					  wb[i].end - wb[i].start };
	compare_op *ops;
	size_t nops = myers(wa + pre, na - pre - suf, wb + pre, nb - pre - suf, &ops);
	size_t ia = pre, ib = pre;
	if (nops == (size_t)-1) {
		for (; ia < na - suf; ia++)
			r[nr++] = (compare_word){ COMPARE_DEL, a + wa[ia].start,
						  wa[ia].end - wa[ia].start };
		for (; ib < nb - suf; ib++)
			r[nr++] = (compare_word){ COMPARE_INS, b + wb[ib].start,
						  wb[ib].end - wb[ib].start };
	} else {
		/* deletions first within a run of edits */
		size_t i = 0;
		while (i < nops) {
			if (ops[i] == COMPARE_SAME) {
				r[nr++] = (compare_word){ COMPARE_SAME, b + wb[ib].start,
							  wb[ib].end - wb[ib].start };
				ia++, ib++, i++;
				continue;
			}
			size_t j = i;
			while (j < nops && ops[j] != COMPARE_SAME)
				j++;
			for (size_t k = i; k < j; k++)
				if (ops[k] == COMPARE_DEL) {
					r[nr++] = (compare_word){ COMPARE_DEL, a + wa[ia].start,
								  wa[ia].end - wa[ia].start };
					ia++;
				}
			for (size_t k = i; k < j; k++)
				if (ops[k] == COMPARE_INS) {
					r[nr++] = (compare_word){ COMPARE_INS, b + wb[ib].start,
								  wb[ib].end - wb[ib].start };
					ib++;
				}
			i = j;
		}
		free(ops);
	}
	for (size_t i = nb - suf; i < nb; i++)
		r[nr++] = (compare_word){ COMPARE_SAME, b + wb[i].start,
					  wb[i].end - wb[i].start };
	free(wa);
	free(wb);
	*out = r;
	return nr;
}

/* ---- clauses ---------------------------------------------------------- */

static int
cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

static compare_part
part_of(const node *nd)
{
	for (const node *p = nd; p; p = p->parent)
		if (p->unit == UNIT_PREAMBLE)
			return COMPARE_PART_PREAMBLE;
	for (const node *p = nd; p; p = p->parent)
		if (p->kind == NODE_PARAGRAPH)
			return COMPARE_PART_CLAUSE;
	return nd->kind == NODE_SUBITEM ? COMPARE_PART_CLAUSE : COMPARE_PART_OTHER;
}

static void
side_init(side *s, const doc *d)
{
	memset(s, 0, sizeof *s);
	s->d = d;
	s->c = xcalloc(d->nblocks + 1, sizeof *s->c);
	for (size_t b = 0; b < d->nblocks; b++) {
		const node *nd = d->blocks[b];
		if (nd->len == 0)
			continue;
		clause *c = &s->c[s->n];
		c->nd = nd;
		c->part = part_of(nd);
		if (c->part == COMPARE_PART_PREAMBLE)
			s->has_preamble = 1;
		c->nw = split_words(node_text(d, nd), nd->len, &c->w);
		if (c->nw == 0)
			continue;
		c->bag = xmalloc(c->nw * sizeof *c->bag);
		for (size_t i = 0; i < c->nw; i++)
			c->bag[i] = c->w[i].h;
		qsort(c->bag, c->nw, sizeof *c->bag, cmp_u64);
		c->whole = joined_whole(node_text(d, nd), c->w, c->nw);
		c->match = c->group = -1;
		s->n++;
	}
}

static void
side_clear(side *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->c[i].w);
		free(s->c[i].bag);
	}
	free(s->c);
}

/* Words two sorted bags share (as multisets). */
static size_t
bag_common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, k = 0;
	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
			k++, i++, j++;
	}
	return k;
}

/* The sorted union (as multisets, a sum) of two bags; caller frees. */
static uint64_t *
bag_sum(const clause *x, const clause *y)
{
	uint64_t *r = xmalloc((x->nw + y->nw) * sizeof *r);
	size_t i = 0, j = 0, k = 0;
	while (i < x->nw || j < y->nw) {
		if (j >= y->nw || (i < x->nw && x->bag[i] <= y->bag[j]))
			r[k++] = x->bag[i++];
		else
			r[k++] = y->bag[j++];
	}
	return r;
}

static double
dice(const clause *a, const clause *b)
{
	return 2.0 * (double)bag_common(a->bag, a->nw, b->bag, b->nw) /
	       (double)(a->nw + b->nw);
}

/* The printed number, folded for comparison: "8." and "8" agree. */
static int
same_number(const node *a, const node *b)
{
	const char *x = a->number ? a->number : "", *y = b->number ? b->number : "";
	size_t nx = strlen(x), ny = strlen(y);
	while (nx && strchr(".)", x[nx - 1]))
		nx--;
	while (ny && strchr(".)", y[ny - 1]))
		ny--;
	if (*x == '(')
		x++, nx--;
	if (*y == '(')
		y++, ny--;
	return nx == ny && memcmp(x, y, nx) == 0;
}

typedef struct cand {
	size_t i, j;
	double sim;
	long dist;
} cand;

static int
cmp_cand(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->sim != b->sim)
		return a->sim > b->sim ? -1 : 1;
	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	return a->j < b->j ? -1 : a->j > b->j;
}

/* Fuzzy candidates are all pairs; past this many, only pairs near the
 * same relative position are tried (a huge document stays fast). */
#define COMPARE_MAX_PAIRS 4000000

/* Tries to give old clause o (unmatched, or matched not exactly) two new
 * neighbours j, j+1 whose words together are o's: a split. Symmetric
 * for merges with the roles swapped (the caller swaps the arrays). */
static void
find_groups(clause **o, size_t m, clause **n, size_t nn)
{
	for (size_t i = 0; i < m; i++) {
		clause *a = o[i];
		if (a->grouped || a->group >= 0 || (a->match >= 0 && a->sim >= 1.0))
			continue;
		double best = a->match >= 0 ? a->sim : 0.0;
		long bj = -1;
		for (size_t j = 0; j + 1 < nn; j++) {
			clause *x = n[j], *y = n[j + 1];
			if (x->grouped || y->grouped || x->group >= 0 || y->group >= 0)
				continue;
			/* each piece is free or a's own partner */
			int xf = x->match < 0 || x->match == (long)i;
			int yf = y->match < 0 || y->match == (long)i;
			if (!xf || !yf || (x->match < 0 && y->match < 0 && a->match >= 0))
				continue;
			size_t cx = bag_common(a->bag, a->nw, x->bag, x->nw);
			size_t cy = bag_common(a->bag, a->nw, y->bag, y->nw);
			if (cx * 10 < x->nw * 6 || cy * 10 < y->nw * 6)
				continue;
			uint64_t *sum = bag_sum(x, y);
			double d = 2.0 * (double)bag_common(a->bag, a->nw, sum, x->nw + y->nw) /
				   (double)(a->nw + x->nw + y->nw);
			free(sum);
			if (d >= 0.8 && d > best + 0.1) {
				best = d;
				bj = (long)j;
			}
		}
		if (bj < 0)
			continue;
		if (a->match >= 0)
			n[a->match]->match = -1;
		clause *x = n[bj], *y = n[bj + 1];
		a->match = bj;
		a->group = bj + 1;
		a->sim = best;
		x->match = (long)i;
		x->sim = best;
		y->match = (long)i;
		y->grouped = 1;
		y->sim = best;
	}
}

static void
match_part(clause **o, size_t m, clause **n, size_t nn)
{
	/* identical words: same number first, else the first in order */
	for (size_t i = 0; i < m; i++) {
		long pick = -1;
		for (size_t j = 0; j < nn; j++) {
			if (n[j]->match >= 0 || n[j]->whole != o[i]->whole)
				continue;
			if (same_number(o[i]->nd, n[j]->nd)) {
				pick = (long)j;
				break;
			}
			if (pick < 0)
				pick = (long)j;
		}
		if (pick >= 0) {
			o[i]->match = pick;
			n[pick]->match = (long)i;
			o[i]->sim = n[pick]->sim = 1.0;
		}
	}
	/* the most similar of the rest */
	cand *c = NULL;
	size_t nc = 0, cap = 0;
	int near_only = (double)m * (double)nn > COMPARE_MAX_PAIRS;
	for (size_t i = 0; i < m; i++) {
		if (o[i]->match >= 0)
			continue;
		for (size_t j = 0; j < nn; j++) {
			if (n[j]->match >= 0)
				continue;
			long dist = (long)(i * nn / (m ? m : 1)) - (long)j;
			if (dist < 0)
				dist = -dist;
			if (near_only && dist > 200)
				continue;
			double s = dice(o[i], n[j]);
			if (s < COMPARE_SIMILAR)
				continue;
			xgrow((void **)&c, &cap, nc + 1, sizeof *c);
			c[nc++] = (cand){ i, j, s, dist };
		}
	}
	if (nc)
		qsort(c, nc, sizeof *c, cmp_cand);
	for (size_t k = 0; k < nc; k++) {
		clause *a = o[c[k].i], *b = n[c[k].j];
		if (a->match >= 0 || b->match >= 0)
			continue;
		a->match = (long)c[k].j;
		b->match = (long)c[k].i;
		a->sim = b->sim = c[k].sim;
	}
	free(c);
	find_groups(o, m, n, nn);	/* splits */
	find_groups(n, nn, o, m);	/* merges */
}

/* ---- entries ---------------------------------------------------------- */

static void
add_entry(compare_result *r, compare_entry e)
{
	xgrow((void **)&r->entries, &r->cap, r->n + 1, sizeof *r->entries);
	r->entries[r->n++] = e;
	r->count[e.kind]++;
}

typedef struct keyed {
	size_t key, tie;
	compare_entry e;
} keyed;

static int
cmp_keyed(const void *x, const void *y)
{
	const keyed *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->tie < b->tie ? -1 : a->tie > b->tie;
}

/* Marks in_lis[i] for the pairs (old order i, new position pos[i]) on a
 * longest increasing run of pos (patience sorting). */
static void
lis(const size_t *pos, size_t n, char *in_lis)
{
	size_t *tail = xmalloc((n + 1) * sizeof *tail);	/* index of run ends */
	size_t *prev = xmalloc((n + 1) * sizeof *prev);
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (pos[tail[mid]] < pos[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tail[lo - 1] : (size_t)-1;
		tail[lo] = i;
		if (lo == len)
			len++;
	}
	memset(in_lis, 0, n);
	for (size_t i = len ? tail[len - 1] : (size_t)-1; i != (size_t)-1; i = prev[i])
		in_lis[i] = 1;
	free(tail);
	free(prev);
}

compare_result *
compare_docs(const doc *old, const doc *new)
{
	side so, sn;
	side_init(&so, old);
	side_init(&sn, new);
	compare_result *r = xcalloc(1, sizeof *r);
	r->old = old;
	r->new = new;
	keyed *ks = NULL;
	size_t nk = 0, kcap = 0;
	/* new position of each old clause (by index in so.c), for ordering
	 * the deleted ones */
	size_t *newpos_of_old = xmalloc((so.n + 1) * sizeof *newpos_of_old);
	for (size_t i = 0; i < so.n; i++)
		newpos_of_old[i] = (size_t)-1;

	for (int p = 0; p < COMPARE_PART_COUNT; p++) {
		clause **o = xmalloc((so.n + 1) * sizeof *o);
		clause **n = xmalloc((sn.n + 1) * sizeof *n);
		size_t *oi = xmalloc((so.n + 1) * sizeof *oi);
		size_t *ni = xmalloc((sn.n + 1) * sizeof *ni);
		size_t m = 0, nn = 0;
		for (size_t i = 0; i < so.n; i++)
			if (so.c[i].part == (compare_part)p)
				oi[m] = i, o[m++] = &so.c[i];
		for (size_t j = 0; j < sn.n; j++)
			if (sn.c[j].part == (compare_part)p)
				ni[nn] = j, n[nn++] = &sn.c[j];
		match_part(o, m, n, nn);

		/* order: which matched pairs keep their order */
		size_t npairs = 0;
		size_t *pos = xmalloc((m + 1) * sizeof *pos);
		size_t *which = xmalloc((m + 1) * sizeof *which);
		for (size_t i = 0; i < m; i++)
			if (o[i]->match >= 0 && !o[i]->grouped) {
				pos[npairs] = (size_t)o[i]->match;
				which[npairs++] = i;
			}
		char *in_lis = xmalloc(npairs + 1);
		lis(pos, npairs, in_lis);
		char *moved = xcalloc(m + 1, 1);
		for (size_t k = 0; k < npairs; k++)
			moved[which[k]] = !in_lis[k];

		for (size_t i = 0; i < m; i++) {
			clause *a = o[i];
			if (a->match < 0 || a->grouped)
				continue;
			compare_entry e = { .part = (compare_part)p, .nold = 1, .nnew = 1 };
			e.old[0] = a->nd;
			clause *b = n[a->match];
			e.new[0] = b->nd;
			e.similarity = a->sim;
			size_t npos = ni[a->match];
			if (a->group >= 0) {	/* split */
				e.new[1] = n[a->group]->nd;
				e.nnew = 2;
				e.kind = COMPARE_SPLIT;
			} else if (b->group >= 0) {	/* merge: b holds a and its
							   next old neighbour */
				e.old[1] = o[b->group]->nd;
				e.nold = 2;
				e.kind = COMPARE_MERGED;
				newpos_of_old[oi[b->group]] = sn.c[npos].nd->block;
			} else {
				e.same_words = a->whole == b->whole;
				if (moved[i])
					e.kind = COMPARE_MOVED;
				else if (!e.same_words)
					e.kind = COMPARE_CHANGED;
				else if (!same_number(a->nd, b->nd))
					e.kind = COMPARE_RENUMBERED;
				else
					e.kind = COMPARE_UNCHANGED;
			}
			if (e.kind == COMPARE_SPLIT || e.kind == COMPARE_MERGED)
				e.same_words = 0;
			newpos_of_old[oi[i]] = b->nd->block;
			xgrow((void **)&ks, &kcap, nk + 1, sizeof *ks);
			ks[nk++] = (keyed){ 2 * (b->nd->block + 1), a->nd->block, e };
		}
		for (size_t j = 0; j < nn; j++) {
			if (n[j]->match >= 0)
				continue;
			compare_entry e = { .kind = COMPARE_ADDED, .part = (compare_part)p,
					    .nnew = 1 };
			e.new[0] = n[j]->nd;
			xgrow((void **)&ks, &kcap, nk + 1, sizeof *ks);
			ks[nk++] = (keyed){ 2 * (n[j]->nd->block + 1), 0, e };
		}
		free(in_lis);
		free(moved);
		free(pos);
		free(which);
		free(o);
		free(n);
		free(oi);
		free(ni);
	}
	/* deleted clauses: after the new partner of the old clause before
	 * them (in the whole old document) */
	size_t after = 0;
	for (size_t i = 0; i < so.n; i++) {
		clause *a = &so.c[i];
		if (newpos_of_old[i] != (size_t)-1) {
			after = 2 * (newpos_of_old[i] + 1) + 1;
			continue;
		}
		if (a->match >= 0)
			continue;
		compare_entry e = { .kind = COMPARE_DELETED, .part = a->part, .nold = 1 };
		e.old[0] = a->nd;
		xgrow((void **)&ks, &kcap, nk + 1, sizeof *ks);
		ks[nk++] = (keyed){ after ? after : 1, a->nd->block, e };
	}
	if (nk)
		qsort(ks, nk, sizeof *ks, cmp_keyed);
	for (size_t k = 0; k < nk; k++)
		add_entry(r, ks[k].e);
	free(ks);
	free(newpos_of_old);
	side_clear(&so);
	side_clear(&sn);
	return r;
}

void
compare_free(compare_result *r)
{
	if (!r)
		return;
	free(r->entries);
	free(r);
}

const char *
compare_kind_name(compare_kind k)
{
	static const char *names[] = {
		"unchanged", "changed", "moved", "renumbered", "split", "merged",
		"added", "deleted",
	};
	return (unsigned)k < COMPARE_KIND_COUNT ? names[k] : "?";
}

const char *
compare_part_name(compare_part p)
{
	static const char *names[] = { "other", "preambular", "operative" };
	return (unsigned)p < COMPARE_PART_COUNT ? names[p] : "?";
}

static int
doc_has_preamble(const doc *d)
{
	for (size_t i = 0; i < d->nnodes; i++)
		if (d->nodes[i]->unit == UNIT_PREAMBLE)
			return 1;
	return 0;
}

char *
compare_cite(const doc *d, const node *nd)
{
	const char *cite = nd->cite && *nd->cite ? nd->cite : nd->id;
	if (nd->unit == UNIT_PREAMBLE)
		return xasprintf("pp. %s", strncmp(cite, "pp", 2) ? cite : cite + 2);
	if (nd->kind == NODE_SUBITEM && nd->parent && nd->parent != d->root) {
		char *up = compare_cite(d, nd->parent);
		char *s = xasprintf("%s (%s)", up, cite);
		free(up);
		return s;
	}
	if (nd->kind == NODE_PARAGRAPH && !(nd->cite && *nd->cite) && !nd->number) {
		/* a paragraph without number or place: after which one */
		for (size_t i = nd->index; i-- > 0;) {
			const node *p = d->nodes[i];
			if (p->kind == NODE_PARAGRAPH && p->unit != UNIT_PREAMBLE &&
			    p->cite && *p->cite) {
				char *c = compare_cite(d, p);
				char *r = xasprintf("text after %s", c);
				free(c);
				return r;
			}
		}
		return xasprintf("text %s", cite);
	}
	if (nd->kind == NODE_PARAGRAPH)
		return xasprintf("%s %s", doc_has_preamble(d) ? "op." : "para.", cite);
	/* headings, notes and sections are numbered within their section:
	 * the sections above them say which ("section II.C.1 heading 2") */
	buf up;
	buf_init(&up);
	for (const node *p = nd->parent; p && p != d->root; p = p->parent) {
		if (p->kind != NODE_SECTION)
			continue;
		const char *pc = p->cite && *p->cite ? p->cite : p->id;
		buf t;
		buf_init(&t);
		buf_adds(&t, pc);
		if (up.len)
			buf_addc(&t, '.');
		buf_add(&t, up.s, up.len);
		buf_clear(&up);
		up = t;
	}
	char *r;
	const char *kind = nd->kind == NODE_SECTION ? "section" : doc_node_kind_name(nd->kind);
	if (nd->kind == NODE_SECTION && up.len)
		r = xasprintf("section %s.%s", up.s, cite);
	else if (up.len)
		r = xasprintf("section %s %s %s", up.s, kind, cite);
	else
		r = xasprintf("%s %s", kind, cite);
	buf_clear(&up);
	return r;
}
