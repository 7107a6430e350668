/* align: structural alignment of two language versions (align.h).
 *
 * Lengths are in code points (a Cyrillic letter is one, like a Latin one)
 * of a node's own text. The Gale–Church parameters
 * are theirs (1993): variance 6.8 per character, priors 0.89 (1-1), 0.0099
 * (1-0, 0-1), 0.089 (2-1 and 1-2 together). erfc is approximated here
 * (Abramowitz and Stegun 7.1.26, error < 1.5e-7) so no libm is needed.
 *
 * Invariants: each node but the root lands in exactly one pair, emitted in
 * pre-order of both trees; a pair's children are aligned only when it is
 * 1-1 (the children of a 2-1 or a gap go against gaps). */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "align.h"
#include "util.h"

#define GC_VAR 6.8
#define PRIOR_11 0.89
#define PRIOR_10 0.0099
#define PRIOR_21 0.0445
#define KIND_PENALTY 2.5	/* -log cost of pairing two kinds of node */
#define NUMBER_PENALTY 10.0	/* ... two different printed numbers, or
				   a numbered paragraph and a node of
				   another kind under another number */

typedef struct ctx {
	align_result *r;
	size_t *lcps, *rcps;	/* subtree code points by node index */
	double ratio;		/* right characters per left character */
	int flat;		/* aligning a run of gaps again: the lists
				   hold descendants already; no recursion */
} ctx;

/* e^x for x <= 0 without libm: by squaring a Taylor series. */
static double
exp_neg(double x)
{
	if (x < -700)
		return 0;
	int k = 0;
	while (x < -0.5) {
		x /= 2;
		k++;
	}
	double t = 1, s = 1;
	for (int i = 1; i < 14; i++) {
		t *= x / i;
		s += t;
	}
	while (k--)
		s *= s;
	return s;
}

/* Natural log of y in (0, 1] without libm (bisection-free Newton on
 * exp_neg). */
static double
log01(double y)
{
	if (y <= 1e-300)
		return -690.8;
	double x = 0;
	double m = y;
	while (m < 0.5) {	/* log y = log m - n log 2 */
		m *= 2;
		x -= 0.6931471805599453;
	}
	/* log m for m in [0.5, 1]: series of atanh */
	double z = (m - 1) / (m + 1), z2 = z * z, t = z, s = 0;
	for (int i = 1; i < 40; i += 2) {
		s += t / i;
		t *= z2;
	}
	return x + 2 * s;
}

static double
sqrt_pos(double v)
{
	if (v <= 0)
		return 0;
	double x = v > 1 ? v : 1;
	for (int i = 0; i < 80; i++) {
		double y = (x + v / x) / 2;
		if (y >= x)	/* Newton from above: done when it stops falling */
			break;
		x = y;
	}
	return x;
}

/* 2 (1 - Phi(|d|)) = erfc(|d| / sqrt 2). */
static double
p_delta(double d)
{
	double x = (d < 0 ? -d : d) / 1.4142135623730951;
	double t = 1 / (1 + 0.3275911 * x);
	double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 +
		      t * (-1.453152027 + t * 1.061405429))));
	double p = poly * exp_neg(-x * x);
	return p < 1e-12 ? 1e-12 : p > 1 ? 1 : p;
}

static double
length_p(const ctx *c, size_t l1, size_t l2)
{
	if (l1 == 0 && l2 == 0)
		return 1;
	double mean = ((double)l1 + (double)l2 / c->ratio) / 2;
	if (mean < 1)
		mean = 1;
	double delta = ((double)l2 - (double)l1 * c->ratio) / sqrt_pos(mean * GC_VAR);
	return p_delta(delta);
}

/* ---- keys ------------------------------------------------------------- */

/* A number folded for pairing across languages into out (NUL-terminated,
 * at most n - 1 bytes); "" when the node has none. */
static void
key_of(const node *nd, char *out, size_t n)
{
	out[0] = 0;
	if (nd->kind == NODE_SUBITEM) {
		size_t k = 0;
		for (size_t i = 0; nd->parent && i < nd->parent->nkids; i++) {
			if (nd->parent->kids[i]->kind == NODE_SUBITEM)
				k++;
			if (nd->parent->kids[i] == nd)
				break;
		}
		snprintf(out, n, "#%zu", k);
		return;
	}
	if (!nd->number)
		return;
	static const struct { ucs4_t from; char to; } look[] = {
		{ 0x0410, 'a' }, { 0x0430, 'a' }, { 0x0412, 'b' }, { 0x0421, 'c' },
		{ 0x0441, 'c' }, { 0x0415, 'e' }, { 0x0435, 'e' }, { 0x041D, 'h' },
		{ 0x041A, 'k' }, { 0x041C, 'm' }, { 0x041E, 'o' }, { 0x043E, 'o' },
		{ 0x0420, 'p' }, { 0x0440, 'p' }, { 0x0422, 't' }, { 0x0425, 'x' },
		{ 0x0445, 'x' }, { 0x0443, 'y' }, { 0x0406, 'i' }, { 0x0456, 'i' },
	};
	const uint8_t *s = (const uint8_t *)nd->number;
	size_t len = strlen(nd->number), i = 0, o = 0;
	while (i < len && o + 5 < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s + i, len - i);
		i += (size_t)k;
		if (c == '(' || c == ')' || c == '.' || c == ' ')
			continue;
		if (c < 0x80) {
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
			continue;
		}
		size_t j;
		for (j = 0; j < ARRAY_LEN(look); j++)
			if (look[j].from == c)
				break;
		if (j < ARRAY_LEN(look)) {
			out[o++] = look[j].to;
		} else {
			memcpy(out + o, s + i - (size_t)k, (size_t)k);
			o += (size_t)k;
		}
	}
	out[o] = 0;
}

/* ---- emitting --------------------------------------------------------- */

static void
emit(ctx *c, const node *const *l, size_t nl, const node *const *r, size_t nr,
     align_how how, double conf)
{
	align_result *res = c->r;
	xgrow((void **)&res->pairs, &res->cap, res->n + 1, sizeof *res->pairs);
	align_pair *p = &res->pairs[res->n++];
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < nl; i++)
		p->left[i] = l[i];
	for (size_t i = 0; i < nr; i++)
		p->right[i] = r[i];
	p->nleft = nl;
	p->nright = nr;
	p->how = how;
	p->confidence = (double)(long)(conf * 1000 + 0.5) / 1000;
}

/* nd and its descendants against gaps (right: nd is on the right). */
static void
emit_gap(ctx *c, const node *nd, int right, double conf)
{
	if (right)
		emit(c, NULL, 0, &nd, 1, ALIGN_GAP, conf);
	else
		emit(c, &nd, 1, NULL, 0, ALIGN_GAP, conf);
	for (size_t i = 0; !c->flat && i < nd->nkids; i++)
		emit_gap(c, nd->kids[i], right, conf);
}

static void align_kids(ctx *c, const node *l, const node *r);
static void align_seq(ctx *c, node *const *l, size_t nl, node *const *r, size_t nr);

static void
emit_11(ctx *c, const node *l, const node *r, align_how how, double conf)
{
	emit(c, &l, 1, &r, 1, how, conf);
	if (!c->flat)
		align_kids(c, l, r);
}

/* ---- Gale–Church between anchors -------------------------------------- */

enum { MV_NONE, MV_10, MV_01, MV_11, MV_21, MV_12 };

static double
pair_cost(const ctx *c, const node *const *l, size_t nl, const node *const *r,
	  size_t nr, double *p_out)
{
	size_t l1 = 0, l2 = 0;
	for (size_t i = 0; i < nl; i++)
		l1 += c->lcps[l[i]->index];
	for (size_t i = 0; i < nr; i++)
		l2 += c->rcps[r[i]->index];
	double p = length_p(c, l1, l2);
	double prior = nl == 1 && nr == 1 ? PRIOR_11 : nl + nr == 1 ? PRIOR_10 : PRIOR_21;
	double cost = -log01(prior) - log01(p);
	if (nl && nr) {
		node_kind k = l[0]->kind;
		int same = 1;
		for (size_t i = 0; i < nl; i++)
			same &= l[i]->kind == k;
		for (size_t i = 0; i < nr; i++)
			same &= r[i]->kind == k;
		if (!same)
			cost += KIND_PENALTY;
		/* a numbered paragraph pairs by its number or with another
		 * paragraph: with a node of another kind only under the same
		 * number (a paragraph one parse took for a section) */
		int lnum = 0, rnum = 0;
		for (size_t i = 0; i < nl; i++)
			lnum |= l[i]->kind == NODE_PARAGRAPH && l[i]->number;
		for (size_t i = 0; i < nr; i++)
			rnum |= r[i]->kind == NODE_PARAGRAPH && r[i]->number;
		char a[32] = "", b[32] = "";
		if (nl == 1 && nr == 1) {
			key_of(l[0], a, sizeof a);
			key_of(r[0], b, sizeof b);
		}
		if (nl == 1 && nr == 1 && l[0]->number && r[0]->number && strcmp(a, b))
			cost += NUMBER_PENALTY;
		else if (!same && (lnum || rnum) && (!a[0] || strcmp(a, b)))
			cost += NUMBER_PENALTY;
		if (p_out)
			*p_out = p * (same ? 1 : 0.5);
	}
	return cost;
}

static void
align_run(ctx *c, const node *const *l, size_t a, const node *const *r, size_t b)
{
	if (a == 0 || b == 0) {
		for (size_t i = 0; i < a; i++)
			emit_gap(c, l[i], 0, 0.9);
		for (size_t j = 0; j < b; j++)
			emit_gap(c, r[j], 1, 0.9);
		return;
	}
	/* a band around the diagonal: row i holds the columns within bw of
	 * i b / a, so a long run costs O(a bw), not O(a b) */
	size_t bw = 100 + b / a + a / b, rw = 2 * bw + 1;
#define LO(i) ((i) * b / a > bw ? (i) * b / a - bw : 0)
#define HI(i) ((i) * b / a + bw < b ? (i) * b / a + bw : b)
	double *cost = xmalloc((a + 1) * rw * sizeof *cost);
	unsigned char *mv = xcalloc((a + 1) * rw, 1);
	for (size_t i = 0; i <= a; i++) {
		for (size_t j = LO(i); j <= HI(i); j++) {
			double best = i || j ? 1e300 : 0;
			int bm = MV_NONE;
			static const struct { int di, dj, m; } steps[] = {
				{ 1, 0, MV_10 }, { 0, 1, MV_01 }, { 1, 1, MV_11 },
				{ 2, 1, MV_21 }, { 1, 2, MV_12 },
			};
			for (size_t s = 0; s < ARRAY_LEN(steps); s++) {
				size_t di = (size_t)steps[s].di, dj = (size_t)steps[s].dj;
				if (i < di || j < dj)
					continue;
				size_t pi = i - di, pj = j - dj;
				if (pj < LO(pi) || pj > HI(pi))
					continue;
				double prev = cost[pi * rw + (pj - LO(pi))];
				if (prev >= 1e300)
					continue;
				double v = prev + pair_cost(c, l + pi, di, r + pj, dj, NULL);
				if (v < best) {
					best = v;
					bm = steps[s].m;
				}
			}
			cost[i * rw + (j - LO(i))] = best;
			mv[i * rw + (j - LO(i))] = (unsigned char)bm;
		}
	}
	/* walk back, then emit in order */
	size_t cap = a + b + 1, n = 0;
	unsigned char *path = xmalloc(cap);
	for (size_t i = a, j = b; i || j;) {
		int m = mv[i * rw + (j - LO(i))];
		path[n++] = (unsigned char)m;
		i -= m == MV_10 || m == MV_11 || m == MV_12 ? 1 : m == MV_21 ? 2 : 0;
		j -= m == MV_01 || m == MV_11 || m == MV_21 ? 1 : m == MV_12 ? 2 : 0;
	}
	size_t i = 0, j = 0;
	while (n--) {
		int m = path[n];
		double p = 0;
		switch (m) {
		case MV_10: emit_gap(c, l[i++], 0, 0.5); break;
		case MV_01: emit_gap(c, r[j++], 1, 0.5); break;
		case MV_11:
			pair_cost(c, l + i, 1, r + j, 1, &p);
			emit_11(c, l[i], r[j], ALIGN_LENGTH, 0.25 + 0.5 * p);
			i++, j++;
			break;
		default: {
			size_t di = m == MV_21 ? 2 : 1, dj = m == MV_12 ? 2 : 1;
			pair_cost(c, l + i, di, r + j, dj, &p);
			emit(c, l + i, di, r + j, dj, ALIGN_LENGTH, 0.8 * (0.25 + 0.5 * p));
			for (size_t k = 0; !c->flat && k < di; k++)
				for (size_t q = 0; q < l[i + k]->nkids; q++)
					emit_gap(c, l[i + k]->kids[q], 0, 0.5);
			for (size_t k = 0; !c->flat && k < dj; k++)
				for (size_t q = 0; q < r[j + k]->nkids; q++)
					emit_gap(c, r[j + k]->kids[q], 1, 0.5);
			i += di, j += dj;
			break;
		}
		}
	}
	free(path);
	free(cost);
	free(mv);
#undef LO
#undef HI
}

/* ---- anchors ---------------------------------------------------------- */

static void
align_kids(ctx *c, const node *l, const node *r)
{
	if (l->nkids || r->nkids)
		align_seq(c, l->kids, l->nkids, r->kids, r->nkids);
}

/* Aligns two sibling lists (or, flat, two runs of gaps): anchors by
 * number, Gale-Church between them. */
static void
align_seq(ctx *c, node *const *lkids, size_t nl, node *const *rkids, size_t nr)
{
	char (*lk)[32] = xcalloc(nl + 1, sizeof *lk);
	char (*rk)[32] = xcalloc(nr + 1, sizeof *rk);
	/* a flat run mixes parents: a sub-item's place means nothing there */
	for (size_t i = 0; i < nl; i++)
		if (!c->flat || lkids[i]->kind != NODE_SUBITEM)
			key_of(lkids[i], lk[i], sizeof lk[i]);
	for (size_t j = 0; j < nr; j++)
		if (!c->flat || rkids[j]->kind != NODE_SUBITEM)
			key_of(rkids[j], rk[j], sizeof rk[j]);
	/* candidate anchors: same kind and key, the first free partner */
	size_t *ci = xmalloc((nl + 1) * sizeof *ci), *cj = xmalloc((nl + 1) * sizeof *cj);
	char *used = xcalloc(nr + 1, 1);
	size_t nc = 0;
	for (size_t i = 0; i < nl; i++) {
		if (!lk[i][0])
			continue;
		for (size_t j = 0; j < nr; j++)
			if (!used[j] && rkids[j]->kind == lkids[i]->kind &&
			    !strcmp(lk[i], rk[j])) {
				used[j] = 1;
				ci[nc] = i;
				cj[nc++] = j;
				break;
			}
	}
	/* the longest run in order (patience sorting on cj) */
	size_t *tail = xmalloc((nc + 1) * sizeof *tail), *prev = xmalloc((nc + 1) * sizeof *prev);
	size_t len = 0;
	for (size_t k = 0; k < nc; k++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (cj[tail[mid]] < cj[k])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[k] = lo ? tail[lo - 1] : (size_t)-1;
		tail[lo] = k;
		if (lo == len)
			len++;
	}
	size_t *ai = xmalloc((len + 1) * sizeof *ai), *aj = xmalloc((len + 1) * sizeof *aj);
	size_t na = len;
	for (size_t k = len ? tail[len - 1] : (size_t)-1, q = len; k != (size_t)-1; k = prev[k]) {
		q--;
		ai[q] = ci[k];
		aj[q] = cj[k];
	}
	size_t pi = 0, pj = 0;
	for (size_t k = 0; k <= na; k++) {
		size_t ei = k < na ? ai[k] : nl, ej = k < na ? aj[k] : nr;
		align_run(c, (const node *const *)lkids + pi, ei - pi,
			  (const node *const *)rkids + pj, ej - pj);
		if (k < na) {
			const node *a = lkids[ei], *b = rkids[ej];
			double p = length_p(c, c->lcps[a->index], c->rcps[b->index]);
			emit_11(c, a, b, ALIGN_NUMBER, c->flat ? 0.4 + 0.4 * p : 0.5 + 0.5 * p);
		}
		pi = ei + 1;
		pj = ej + 1;
	}
	free(ai);
	free(aj);
	free(tail);
	free(prev);
	free(ci);
	free(cj);
	free(used);
	free(lk);
	free(rk);
}

static size_t *
text_cps(const doc *d, size_t *total)
{
	size_t *v = xcalloc(d->nnodes + 1, sizeof *v);
	*total = 0;
	for (size_t i = d->nnodes; i-- > 0;) {
		const node *nd = d->nodes[i];
		v[i] = u8_mbsnlen((const uint8_t *)node_text(d, nd), nd->len);
		*total += v[i];
	}
	return v;
}

/* The second pass: a run of consecutive gap pairs with nodes on both
 * sides (the parents did not pair: a section split differently, a
 * paragraph parsed as a heading) is aligned again as two flat lists, so a
 * numbered paragraph still finds the paragraph of its number. The pairs
 * stay in reading order: the run is replaced in place. */
static void
regap(ctx *c)
{
	align_result *r = c->r;
	align_pair *old = r->pairs;
	size_t n = r->n;
	r->pairs = NULL;
	r->n = r->cap = 0;
	c->flat = 1;
	node **l = xmalloc((n + 1) * sizeof *l), **rr = xmalloc((n + 1) * sizeof *rr);
	for (size_t i = 0; i < n;) {
		size_t k = i, nl = 0, nr = 0;
		while (k < n && old[k].how == ALIGN_GAP) {
			if (old[k].nleft)
				l[nl++] = (node *)old[k].left[0];
			else
				rr[nr++] = (node *)old[k].right[0];
			k++;
		}
		if (nl && nr) {
			align_seq(c, l, nl, rr, nr);
			i = k;
			continue;
		}
		for (size_t q = i; q < (k > i ? k : i + 1); q++) {
			xgrow((void **)&r->pairs, &r->cap, r->n + 1, sizeof *r->pairs);
			r->pairs[r->n++] = old[q];
		}
		i = k > i ? k : i + 1;
	}
	c->flat = 0;
	free(l);
	free(rr);
	free(old);
}

align_result *
align_docs(const doc *left, const doc *right)
{
	align_result *r = xcalloc(1, sizeof *r);
	r->left = left;
	r->right = right;
	ctx c = { .r = r };
	size_t tl, tr;
	c.lcps = text_cps(left, &tl);
	c.rcps = text_cps(right, &tr);
	c.ratio = tl && tr ? (double)tr / (double)tl : 1.0;
	align_kids(&c, left->root, right->root);
	regap(&c);
	free(c.lcps);
	free(c.rcps);
	return r;
}

void
align_free(align_result *r)
{
	if (!r)
		return;
	free(r->pairs);
	free(r);
}
