/* anchor: quote and position selectors, the document fingerprint and key,
 * and re-attachment of anchors to a changed document (see anchor.h for the
 * rules). Works on the document's text as code points so that every offset
 * it hands out is a character offset; byte offsets come from the map.
 *
 * Invariants: ad->byte_of[0] == 0, ad->byte_of[ad->n] == d->plain_len,
 * strictly increasing. Nothing here writes to the document. */
#include <build-config.h>

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uninorm.h>

#include "anchor.h"
#include "util.h"

static const char *const status_names[] = { "ok", "moved", "fuzzy", "orphan" };

const char *
anchor_status_name(anchor_status s)
{
	return (unsigned)s < ARRAY_LEN(status_names) ? status_names[s] : "orphan";
}

int
anchor_status_from_name(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(status_names); i++)
		if (strcmp(name, status_names[i]) == 0)
			return (int)i;
	return -1;
}

void
anchor_clear(anchor *a)
{
	free(a->path);
	free(a->exact);
	free(a->prefix);
	free(a->suffix);
	memset(a, 0, sizeof *a);
}

static char *
dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

void
anchor_copy(anchor *dst, const anchor *src)
{
	dst->path = dup_or_empty(src->path);
	dst->exact = dup_or_empty(src->exact);
	dst->prefix = dup_or_empty(src->prefix);
	dst->suffix = dup_or_empty(src->suffix);
	dst->start = src->start;
	dst->end = src->end;
}

/* White space for the fingerprint: what line breaking, justification and
 * PDF extraction change between two copies of the same text. */
static int
is_space(ucs4_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* Decodes the code point at s[0, n) (n > 0) into *c and returns its length
 * in bytes; an invalid byte is U+FFFD of length 1. ASCII, most of the
 * text, skips the decoder. */
static inline size_t
next_cp(const char *s, size_t n, ucs4_t *c)
{
	if ((unsigned char)*s < 0x80) {
		*c = (unsigned char)*s;
		return 1;
	}
	int l = u8_mbtouc(c, (const uint8_t *)s, n);
	return l > 0 ? (size_t)l : 1;
}

/* Decodes n bytes of UTF-8 into a new code point array; *len gets its
 * length. Invalid bytes become U+FFFD (one per byte). */
static uint32_t *
to_u32(const char *s, size_t n, size_t *len)
{
	uint32_t *v = xmalloc((n + 1) * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		i += next_cp(s + i, n - i, &c);
		v[k++] = c;
	}
	*len = k;
	return v;
}

/* Appends s[0, n) to b with white space runs collapsed to one space and
 * leading/trailing space dropped; max_chars (0 = no limit) bounds the
 * characters kept. *pending carries a space not yet written from one
 * call to the next (0 to start), so a text can come in pieces. */
static void
collapse(buf *b, int *pending, const char *s, size_t n, size_t max_chars)
{
	size_t chars = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t l = next_cp(s + i, n - i, &c);
		if (is_space(c)) {
			*pending = b->len > 0;
		} else {
			if (max_chars && chars >= max_chars)
				break;
			if (*pending)
				buf_addc(b, ' ');
			*pending = 0;
			buf_add(b, s + i, l);
			chars++;
		}
		i += l;
	}
}

static void
add_collapsed(buf *b, const char *s, size_t n, size_t max_chars)
{
	int pending = 0;
	collapse(b, &pending, s, n, max_chars);
}

/* FNV-1a, 64 bits, from a given basis. Two bases give 128 bits: plenty to
 * tell documents apart (this is an identity, not a security check). */
static uint64_t
fnv1a(const char *s, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
anchor_hash128(const char *s, size_t n, uint64_t out[2])
{
	out[0] = fnv1a(s, n, 0xcbf29ce484222325ULL);
	out[1] = fnv1a(s, n, 0x6c62272e07bb0142ULL ^ (uint64_t)n);
}

/* Code points that NFC leaves alone whatever surrounds them: combining
 * class 0, unchanged by NFC on their own, and never the second half of a
 * canonical composition (NFC_Quick_Check = Yes). A normalisation
 * boundary lies before each of them, so text made only of them is NFC
 * already and a run of other characters can be normalised on its own,
 * together with the one stable character before it (which a combining mark
 * may compose with). The ranges are what the documents use (Latin,
 * Cyrillic, Arabic letters, punctuation, CJK ideographs); the unit test
 * checks the property for every code point in them. */
int
anchor_nfc_stable(uint32_t c)
{
	return c < 0x300 || (c >= 0x400 && c <= 0x482) || (c >= 0x48A && c <= 0x52F) ||
	       (c >= 0x621 && c <= 0x64A) || (c >= 0x660 && c <= 0x66F) ||
	       (c >= 0x2002 && c <= 0x20CF) || (c >= 0x4E00 && c <= 0x9FFF);
}

/* Appends the NFC form of s[0, n) to b, collapsed (see collapse). */
static void
add_nfc(buf *b, int *pending, const char *s, size_t n)
{
	uint8_t small[256];
	size_t len = sizeof small;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, small, &len);
	if (!r) {	/* only on invalid input, which plain never is */
		collapse(b, pending, s, n, 0);
		return;
	}
	collapse(b, pending, (const char *)r, len, 0);
	if (r != small)
		free(r);
}

/* Appends NFC of s[0, n) to b, collapsed, normalising only the runs of
 * code points that are not anchor_nfc_stable (with the stable one before
 * each run): the same bytes as u8_normalize of the whole text, without its
 * cost (and its copy of the text) on text that is NFC already, nearly all
 * of it. */
static void
add_nfc_collapsed(buf *b, const char *s, size_t n)
{
	int pending = 0;
	size_t done = 0;	/* s[0, done) is in b */
	size_t last_stable = 0;	/* start of the last stable code point */
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t l = next_cp(s + i, n - i, &c);
		if (anchor_nfc_stable(c)) {
			last_stable = i;
			i += l;
			continue;
		}
		size_t from = last_stable >= done && last_stable < i ? last_stable : i;
		size_t to = i + l;
		while (to < n) {
			l = next_cp(s + to, n - to, &c);
			if (anchor_nfc_stable(c))
				break;
			to += l;
		}
		collapse(b, &pending, s + done, from - done, 0);
		add_nfc(b, &pending, s + from, to - from);
		done = i = to;
	}
	collapse(b, &pending, s + done, n - done, 0);
}

char *
anchor_fingerprint(const doc *d)
{
	const char *src = d->plain ? d->plain : "";
	size_t slen = d->plain ? d->plain_len : 0;
	buf b;
	buf_init(&b);
	add_nfc_collapsed(&b, src, slen);
	uint64_t h[2];
	anchor_hash128(b.s, b.len, h);
	buf_clear(&b);
	return xasprintf("fp1:%016llx%016llx", (unsigned long long)h[0],
			 (unsigned long long)h[1]);
}

char *
anchor_doc_key(const doc *d)
{
	const doc_meta *m = &d->meta;
	const char *lang = m->lang ? m->lang : "";
	buf b;
	buf_init(&b);
	if (m->symbol && *m->symbol) {
		buf_adds(&b, "symbol:");
		add_collapsed(&b, m->symbol, strlen(m->symbol), 0);
		buf_printf(&b, "@%s", lang);
	} else if (m->title && *m->title) {
		buf_adds(&b, "title:");
		add_collapsed(&b, m->title, strlen(m->title), 200);
		buf_printf(&b, "@%s", lang);
	} else {
		/* No metadata (a plain text, a placeholder parse): the start of
		 * the text stands for the title. */
		buf_adds(&b, "head:");
		add_collapsed(&b, d->plain ? d->plain : "",
			      d->plain ? d->plain_len : 0, 120);
	}
	return buf_take(&b);
}

anchor_doc *
anchor_doc_new(const doc *d)
{
	anchor_doc *ad = xcalloc(1, sizeof *ad);
	const char *s = d->plain ? d->plain : "";
	size_t n = d->plain ? d->plain_len : 0;
	ad->d = d;
	/* Fingerprint first: its buffer is freed before the arrays exist. */
	ad->fingerprint = anchor_fingerprint(d);
	ad->key = anchor_doc_key(d);
	ad->text = xmalloc((n + 1) * sizeof *ad->text);
	assert(n < UINT32_MAX);
	ad->byte_of = xmalloc((n + 1) * sizeof *ad->byte_of);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		ad->byte_of[k] = (uint32_t)i;
		i += next_cp(s + i, n - i, &c);
		ad->text[k++] = c;
	}
	ad->byte_of[k] = (uint32_t)n;
	ad->n = k;
	return ad;
}

void
anchor_doc_free(anchor_doc *ad)
{
	if (!ad)
		return;
	free(ad->text);
	free(ad->byte_of);
	free(ad->fingerprint);
	free(ad->key);
	free(ad);
}

size_t
anchor_char_at(const anchor_doc *ad, size_t b)
{
	if (b >= ad->byte_of[ad->n])
		return ad->n;
	return UTIL_LAST_LE(ad->n, b, ad->byte_of[mid_]);
}

static char *
slice(const anchor_doc *ad, size_t from, size_t to)
{
	return xstrndup(ad->d->plain + ad->byte_of[from],
			ad->byte_of[to] - ad->byte_of[from]);
}

static const node *
block_node(const anchor_doc *ad, size_t ch)
{
	const doc *d = ad->d;
	if (!d->nblocks)
		return NULL;
	return d->blocks[doc_block_at(d, ad->byte_of[ch < ad->n ? ch : ad->n])];
}

/* Fills a from characters [cs, ce) of the document. */
static int
make_chars(const anchor_doc *ad, size_t cs, size_t ce, anchor *out)
{
	while (cs < ce && is_space(ad->text[cs]))
		cs++;
	while (ce > cs && is_space(ad->text[ce - 1]))
		ce--;
	if (cs >= ce)
		return -1;
	size_t ps = cs > ANCHOR_CONTEXT_CHARS ? cs - ANCHOR_CONTEXT_CHARS : 0;
	size_t se = ad->n - ce > ANCHOR_CONTEXT_CHARS ? ce + ANCHOR_CONTEXT_CHARS : ad->n;
	const node *nd = block_node(ad, cs);
	out->path = xstrdup(nd ? nd->path : "");
	out->exact = slice(ad, cs, ce);
	out->prefix = slice(ad, ps, cs);
	out->suffix = slice(ad, ce, se);
	out->start = cs;
	out->end = ce;
	return 0;
}

int
anchor_make(const anchor_doc *ad, size_t start_byte, size_t end_byte, anchor *out)
{
	size_t total = ad->byte_of[ad->n];
	if (start_byte >= end_byte || start_byte >= total)
		return -1;
	if (end_byte > total)
		end_byte = total;
	size_t cs = anchor_char_at(ad, start_byte);
	size_t ce = anchor_char_at(ad, end_byte);
	if (ce < ad->n && ad->byte_of[ce] < end_byte)
		ce++;	/* end inside a character: take all of it */
	return make_chars(ad, cs, ce, out);
}

int
anchor_make_node(const anchor_doc *ad, const node *nd, anchor *out)
{
	if (!nd || !nd->len)
		return -1;
	return anchor_make(ad, nd->off, nd->off + nd->len, out);
}

/* --- re-attachment ------------------------------------------------------ */

typedef struct pattern {
	uint32_t *exact, *prefix, *suffix;
	size_t m, np, ns;
} pattern;

static int
match_at(const anchor_doc *ad, const pattern *p, size_t i)
{
	return i + p->m <= ad->n &&
	       memcmp(ad->text + i, p->exact, p->m * sizeof *p->exact) == 0;
}

/* Context agreement, white space tolerant (a run of white space equals any
 * other run: a re-wrapped or re-spaced copy keeps its context). Each
 * returns the characters of the stored context (c[0, len)) that agree,
 * walking away from the quote; *full is set when all of it agrees and,
 * for a context shorter than ANCHOR_CONTEXT_CHARS (the anchor was made at
 * an end of the text), when the text ends there too. */
static size_t
agree_back(const anchor_doc *ad, size_t pos, const uint32_t *c, size_t len, int *full)
{
	size_t k = len, t = pos;
	while (k > 0 && t > 0) {
		if (is_space(c[k - 1]) && is_space(ad->text[t - 1])) {
			while (k > 0 && is_space(c[k - 1]))
				k--;
			while (t > 0 && is_space(ad->text[t - 1]))
				t--;
			continue;
		}
		if (c[k - 1] != ad->text[t - 1])
			break;
		k--;
		t--;
	}
	while (k > 0 && is_space(c[k - 1]) && t == 0)
		k--;	/* leading space of a context that starts the text */
	if (full) {
		size_t ts = t;
		while (ts > 0 && is_space(ad->text[ts - 1]))
			ts--;
		*full = k == 0 && (len >= ANCHOR_CONTEXT_CHARS || ts == 0);
	}
	return len - k;
}

static size_t
agree_fwd(const anchor_doc *ad, size_t pos, const uint32_t *c, size_t len, int *full)
{
	size_t k = 0, t = pos;
	while (k < len && t < ad->n) {
		if (is_space(c[k]) && is_space(ad->text[t])) {
			while (k < len && is_space(c[k]))
				k++;
			while (t < ad->n && is_space(ad->text[t]))
				t++;
			continue;
		}
		if (c[k] != ad->text[t])
			break;
		k++;
		t++;
	}
	while (k < len && is_space(c[k]) && t == ad->n)
		k++;
	if (full) {
		size_t te = t;
		while (te < ad->n && is_space(ad->text[te]))
			te++;
		*full = k == len && (len >= ANCHOR_CONTEXT_CHARS || te == ad->n);
	}
	return k;
}

/* What the context says about a quote found at text [from, to). */
typedef struct context_fit {
	size_t agree;		/* characters of prefix and suffix that agree */
	int full;		/* all of both agree */
	int some;		/* one side agrees for ANCHOR_CONTEXT_AGREE
				   characters (or all of a shorter side) */
	int near;		/* both sides agree inside the quote's clause:
				   for ANCHOR_CONTEXT_AGREE characters, or up
				   to the clause's edge ('\n') when nearer */
} context_fit;

/* Characters of a stored context before its first line break, walking
 * away from the quote (the part inside the quote's own clause: blocks are
 * joined by "\n\n"). */
static size_t
clause_part(const uint32_t *c, size_t len, int back)
{
	size_t k = 0;
	while (k < len && c[back ? len - 1 - k : k] != '\n')
		k++;
	return k;
}

/* 1 when the white space at text position e (before it when back, else
 * from it) holds a line break or reaches the text's end: an edge of a
 * clause (a space inside a sentence is white space too, but no edge). */
static int
edge_at(const anchor_doc *ad, size_t e, int back)
{
	if (back) {
		for (; e > 0 && is_space(ad->text[e - 1]); e--)
			if (ad->text[e - 1] == '\n')
				return 1;
		return e == 0;
	}
	for (; e < ad->n && is_space(ad->text[e]); e++)
		if (ad->text[e] == '\n')
			return 1;
	return e == ad->n;
}

/* One side of the context agrees inside the quote's clause: for
 * ANCHOR_CONTEXT_AGREE characters, or, when the clause ends nearer (the
 * quote starts or ends it), up to its edge and the edge itself. */
static int
side_near(const anchor_doc *ad, size_t pos, size_t agree, const uint32_t *c,
	  size_t len, int back)
{
	size_t want = clause_part(c, len, back);
	if (want >= ANCHOR_CONTEXT_AGREE)
		return agree >= ANCHOR_CONTEXT_AGREE;
	if (want == len)	/* the text's end: agree_* checked it */
		return agree >= want;
	if (agree <= want)
		return 0;
	if (back)
		return want <= pos && edge_at(ad, pos - want, 1);
	return pos + want <= ad->n && edge_at(ad, pos + want, 0);
}

static context_fit
context_at(const anchor_doc *ad, const pattern *p, size_t from, size_t to)
{
	int fp, fs;
	size_t a = agree_back(ad, from, p->prefix, p->np, &fp);
	size_t b = agree_fwd(ad, to, p->suffix, p->ns, &fs);
	context_fit f;
	f.agree = a + b;
	f.full = fp && fs;
	f.some = (fp && p->np > 0) || (fs && p->ns > 0) ||
		 a >= ANCHOR_CONTEXT_AGREE || b >= ANCHOR_CONTEXT_AGREE ||
		 (fp && fs);
	f.near = side_near(ad, from, a, p->prefix, p->np, 1) &&
		 side_near(ad, to, b, p->suffix, p->ns, 0) &&
		 (a + b >= ANCHOR_CONTEXT_AGREE || f.full);
	if (!p->np && !p->ns)	/* no context known (a bare imported quote) */
		f.full = f.some = f.near = 1;
	return f;
}

static size_t
distance(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/* Best exact occurrence: full context first, then one in [nlo, nhi) (the
 * node the anchor names), then most context, then nearest to the old
 * start. Returns 0 if none. The scan is linear in the text (a memcmp only
 * where the first character agrees). */
static int
best_exact(const anchor_doc *ad, const pattern *p, size_t nlo, size_t nhi,
	   size_t old, size_t *at, context_fit *fit)
{
	int found = 0;
	size_t best = 0;
	context_fit bf = { 0, 0, 0, 0 };
	int bin = 0;
	if (!p->m)
		return 0;
	for (size_t i = 0; i + p->m <= ad->n; i++) {
		if (ad->text[i] != p->exact[0] || !match_at(ad, p, i))
			continue;
		context_fit f = context_at(ad, p, i, i + p->m);
		int in = i >= nlo && i < nhi;
		int better;
		if (!found)
			better = 1;
		else if (f.full != bf.full)
			better = f.full > bf.full;
		else if (in != bin)
			better = in > bin;
		else if (f.agree != bf.agree)
			better = f.agree > bf.agree;
		else
			better = distance(i, old) < distance(best, old);
		if (better) {
			found = 1;
			best = i;
			bf = f;
			bin = in;
		}
	}
	*at = best;
	*fit = bf;
	return found;
}

/* An approximate match: text [from, to) trimmed to its first and last
 * matched quote characters; matched = quote characters matched. */
typedef struct fuzzy_hit {
	size_t from, to, matched, cost;
} fuzzy_hit;

#define NONE SIZE_MAX

/* Approximate substring match (Sellers' algorithm) of prefix + quote +
 * suffix in text [lo, hi), with insertions and deletions costing 1 and no
 * substitution (a substitution costs as much as a deletion and an
 * insertion): the cost is the number of unmatched characters, so an
 * alignment only takes text it matches more than half of, and never
 * stretches into a neighbouring clause to "substitute" characters that
 * were deleted. The context in the pattern ranks candidates (a quote with
 * its context beats the same words elsewhere). Each cell carries along
 * its best path the quote characters matched and the first and last text
 * positions matched to the quote (a traceback in O(pattern) memory). The
 * least cost wins; ties go to the most quote matched, then to the nearest
 * old. Returns 0 when nothing of the quote matched. */
static int
best_fuzzy(const anchor_doc *ad, const pattern *p, size_t lo, size_t hi,
	   size_t old, fuzzy_hit *hit)
{
	size_t M = p->np + p->m + p->ns;
	uint32_t *P = xmalloc((M + 1) * sizeof *P);
	memcpy(P, p->prefix, p->np * sizeof *P);
	memcpy(P + p->np, p->exact, p->m * sizeof *P);
	memcpy(P + p->np + p->m, p->suffix, p->ns * sizeof *P);
	size_t qa = p->np, qb = p->np + p->m;	/* the quote in P */
	size_t *D = xmalloc((M + 1) * sizeof *D);
	size_t *C = xmalloc((M + 1) * sizeof *C);	/* quote matched */
	size_t *X = xmalloc((M + 1) * sizeof *X);	/* context matched */
	size_t *F = xmalloc((M + 1) * sizeof *F);	/* first quote match */
	size_t *L = xmalloc((M + 1) * sizeof *L);	/* last one + 1 */
	for (size_t j = 0; j <= M; j++) {
		D[j] = j;
		C[j] = X[j] = 0;
		F[j] = L[j] = NONE;
	}
	int found = 0;
	fuzzy_hit best = { 0, 0, 0, 0 };
	for (size_t t = lo; t < hi; t++) {
		uint32_t c = ad->text[t];
		int sp = is_space(c);
		/* the old row's [j - 1] */
		size_t dd = D[0], dc = C[0], dx = X[0], df = F[0], dl = L[0];
		D[0] = 0;
		C[0] = X[0] = 0;
		F[0] = L[0] = NONE;
		for (size_t j = 1; j <= M; j++) {
			size_t od = D[j], oc = C[j], ox = X[j], of = F[j], ol = L[j];
			size_t v, vc, vx, vf, vl;
			int eq = P[j - 1] == c || (sp && is_space(P[j - 1]));
			/* Equal costs go to the path matching more context, then
			 * more quote: text that the context explains as well is
			 * the context's (the quote's range never starts on a
			 * stray letter of the words before it). */
			/* pattern character left out */
			v = D[j - 1] + 1;
			vc = C[j - 1];
			vx = X[j - 1];
			vf = F[j - 1];
			vl = L[j - 1];
			if (eq) {
				int q = j - 1 >= qa && j - 1 < qb;
				size_t nc = dc + (size_t)q, nx = dx + (size_t)!q;
				if (dd < v || (dd == v && (nx > vx || (nx == vx && nc > vc)))) {
					v = dd;
					vc = nc;
					vx = nx;
					vf = q && df == NONE ? t : df;
					vl = q ? t + 1 : dl;
				}
			}
			if (od + 1 < v || (od + 1 == v && (ox > vx || (ox == vx && oc > vc)))) {
				v = od + 1;	/* text character left out */
				vc = oc;
				vx = ox;
				vf = of;
				vl = ol;
			}
			D[j] = v;
			C[j] = vc;
			X[j] = vx;
			F[j] = vf;
			L[j] = vl;
			dd = od;
			dc = oc;
			dx = ox;
			df = of;
			dl = ol;
		}
		if (C[M] == 0 || F[M] == NONE)
			continue;
		size_t hf = F[M], ht = L[M];
		while (hf < ht && is_space(ad->text[hf]))
			hf++;
		while (ht > hf && is_space(ad->text[ht - 1]))
			ht--;
		if (hf == ht)
			continue;
		if (!found || D[M] < best.cost ||
		    (D[M] == best.cost && (C[M] > best.matched ||
		     (C[M] == best.matched && distance(hf, old) < distance(best.from, old))))) {
			found = 1;
			best.cost = D[M];
			best.matched = C[M];
			best.from = hf;
			best.to = ht;
		}
	}
	free(P);
	free(D);
	free(C);
	free(X);
	free(F);
	free(L);
	*hit = best;
	return found;
}

/* 1 when text [from, to) holds a block break ("\n\n", how doc.c joins
 * blocks); *at gets the first one. */
static int
block_break(const anchor_doc *ad, size_t from, size_t to, size_t *at)
{
	for (size_t i = from; i + 1 < to; i++)
		if (ad->text[i] == '\n' && ad->text[i + 1] == '\n') {
			*at = i;
			return 1;
		}
	return 0;
}

static int
pattern_has_break(const pattern *p)
{
	for (size_t i = 0; i + 1 < p->m; i++)
		if (p->exact[i] == '\n' && p->exact[i + 1] == '\n')
			return 1;
	return 0;
}

/* best_fuzzy, kept inside one block when the quote is: an alignment may
 * borrow a few words of a neighbouring clause that resemble the quote's
 * (a heading repeating its first words) across the break; then each
 * block the match spans is searched on its own and the one matching most
 * of the quote wins. */
static int
fuzzy_search(const anchor_doc *ad, const pattern *p, size_t lo, size_t hi,
	     size_t old, fuzzy_hit *hit)
{
	if (!best_fuzzy(ad, p, lo, hi, old, hit))
		return 0;
	size_t br;
	if (pattern_has_break(p) || !block_break(ad, hit->from, hit->to, &br))
		return 1;
	fuzzy_hit best = { 0, 0, 0, 0 }, h;
	int found = 0;
	size_t a = hit->from, end = hit->to;
	while (a < end) {
		size_t b = block_break(ad, a, end, &br) ? br : end;
		/* the block [a, b) with the context around it */
		size_t span = p->np + p->ns;
		size_t slo = a > span ? a - span : 0;
		size_t shi = ad->n - b > span ? b + span : ad->n;
		if (best_fuzzy(ad, p, slo, shi, old, &h) && h.from >= a && h.to <= b &&
		    (!found || h.matched > best.matched)) {
			best = h;
			found = 1;
		}
		a = b;
		while (a < end && is_space(ad->text[a]))
			a++;
	}
	if (found)
		*hit = best;
	return found;
}

/* Cells the fuzzy search may fill before it narrows to a window. */
#define FUZZY_WHOLE_CELLS (16u * 1024 * 1024)
#define FUZZY_MAX_CHARS 5000

static void
set_match(const anchor_doc *ad, anchor_match *m, anchor_status st, double score,
	  size_t from, size_t to)
{
	m->status = st;
	m->score = score;
	m->start = from;
	m->end = to;
	m->start_byte = ad->byte_of[from];
	m->end_byte = ad->byte_of[to];
	m->node = st == ANCHOR_ORPHAN ? NULL : block_node(ad, from);
}

/* 1 when, at pos, the anchor's prefix ends and its suffix starts (white
 * space between them aside), for ANCHOR_CONTEXT_AGREE characters each
 * and better than the quote's own ends agree there: the quote that stood
 * between them is gone, and what matched is a neighbour that resembles
 * it. */
static int
quote_deleted_at(const anchor_doc *ad, const pattern *p, size_t pos, int at_end,
		 int ties)
{
	size_t np = p->np, s0 = 0, g = pos, h = pos;
	while (np > 0 && is_space(p->prefix[np - 1]))
		np--;
	while (s0 < p->ns && is_space(p->suffix[s0]))
		s0++;
	while (g > 0 && is_space(ad->text[g - 1]))
		g--;
	while (h < ad->n && is_space(ad->text[h]))
		h++;
	if (np < ANCHOR_CONTEXT_AGREE || p->ns - s0 < ANCHOR_CONTEXT_AGREE)
		return 0;
	size_t pa = agree_back(ad, g, p->prefix, np, NULL);
	size_t sa = agree_fwd(ad, h, p->suffix + s0, p->ns - s0, NULL);
	if (pa < ANCHOR_CONTEXT_AGREE || sa < ANCHOR_CONTEXT_AGREE)
		return 0;
	/* at the match's start the suffix must explain the text after pos
	 * better than the quote's start; at its end the prefix the text
	 * before pos better than the quote's end */
	size_t qa = at_end ? agree_back(ad, g, p->exact, p->m, NULL) :
			     agree_fwd(ad, h, p->exact, p->m, NULL);
	size_t ca = at_end ? pa : sa, cl = at_end ? np : p->ns - s0;
	if (qa > cl)
		qa = cl;	/* the quote may go on where the context ends */
	return ca > qa || (ties && ca == qa && ca == cl);
}

/* Whether an approximate match is good enough: 1 with its score in
 * *score; else 0, and *score is its score when that is what fell short,
 * 0 when its context did (an orphan's score says how much of its quote
 * was found near context that agrees, not elsewhere). */
static int
fuzzy_accept(const anchor_doc *ad, const pattern *p, const fuzzy_hit *h,
	     int have_exact, double *score, int *was_replaced)
{
	*score = (double)h->matched / (double)p->m;
	if (h->to <= h->from || *score < ANCHOR_FUZZY_MIN)
		return 0;
	context_fit f = context_at(ad, p, h->from, h->to);
	/* Quote characters missing and text characters added inside the
	 * range: both many is words replaced, not only deleted or inserted. */
	size_t missing = p->m - h->matched, added = (h->to - h->from) - h->matched;
	size_t sub = missing < added ? missing : added;
	int replaced = sub > 0;
	if (was_replaced)
		*was_replaced = replaced;
	int ok;
	if (replaced)
		ok = f.full && !have_exact;
	/* all of the quote with words inserted: a near copy (a table row
	 * holding the quote plus a few words) unless all context agrees */
	else if (have_exact || (added > 0 && missing == 0))
		ok = f.full;
	else
		ok = f.near;
	/* A replaced quote is refused even with all of its context where
	 * that context could as well stand around a deleted quote (a list
	 * of near copies, one deleted: the next copy sits in its place). */
	if (ok && (!f.full || replaced) &&
	    (quote_deleted_at(ad, p, h->from, 0, replaced) ||
	     quote_deleted_at(ad, p, h->to, 1, replaced)))
		ok = 0;
	if (!ok)
		*score = 0;
	return ok;
}

/* fuzzy_accept, and for an accepted match whose words were replaced, a
 * look at the old place: words only inserted or deleted there (with their
 * context) beat words replaced elsewhere (a near copy of the clause in a
 * list); *h becomes that match. */
static int
accept_here(const anchor_doc *ad, const pattern *p, fuzzy_hit *h, int have_exact,
	    size_t old, double *score)
{
	int replaced;
	if (!fuzzy_accept(ad, p, h, have_exact, score, &replaced))
		return 0;
	if (!replaced || h->from == old)
		return 1;
	fuzzy_hit o;
	double so;
	int ro;
	size_t lo = old > p->np ? old - p->np : 0;
	size_t w = 2 * p->m + p->ns;
	size_t hi = ad->n - old > w ? old + w : ad->n;
	if (fuzzy_search(ad, p, lo, hi, old, &o) && o.from == old &&
	    fuzzy_accept(ad, p, &o, have_exact, &so, &ro) && !ro) {
		*h = o;
		*score = so;
	}
	return 1;
}

void
anchor_resolve(const anchor_doc *ad, const anchor *a, anchor_match *m)
{
	pattern p;
	const char *ex = a->exact ? a->exact : "";
	const char *pr = a->prefix ? a->prefix : "";
	const char *su = a->suffix ? a->suffix : "";
	p.exact = to_u32(ex, strlen(ex), &p.m);
	p.prefix = to_u32(pr, strlen(pr), &p.np);
	p.suffix = to_u32(su, strlen(su), &p.ns);
	size_t old = a->start < ad->n ? a->start : ad->n;
	size_t at;
	context_fit fit;

	/* The usual case: same document, quote where it was, context and
	 * all. */
	const node *nd = a->path ? doc_find_path(ad->d, a->path) : NULL;
	if (p.m && nd && match_at(ad, &p, old) && block_node(ad, old) == nd &&
	    context_at(ad, &p, old, old + p.m).full) {
		set_match(ad, m, ANCHOR_OK, 1.0, old, old + p.m);
		goto out;
	}
	size_t nlo = 0, nhi = 0;
	if (nd && nd->len) {
		nlo = anchor_char_at(ad, nd->off);
		nhi = anchor_char_at(ad, nd->off + nd->len);
	}
	int have_exact = best_exact(ad, &p, nlo, nhi, old, &at, &fit);
	if (have_exact && fit.full) {
		set_match(ad, m, at >= nlo && at < nhi ? ANCHOR_OK : ANCHOR_MOVED, 1.0,
			  at, at + p.m);
		goto out;
	}
	/* The exact quote, but not all of its context: the quote is all
	 * there, the text around it changed; fuzzy with score 1 when some of
	 * the context agrees or the quote is long enough to stand alone;
	 * else (a short quote, no context) an orphan: those words elsewhere
	 * are no evidence, and neither is an edited copy of them near the
	 * old place. */
	double score = 0;
	if (have_exact && (p.m >= ANCHOR_SHORT_CHARS || fit.near)) {
		set_match(ad, m, ANCHOR_FUZZY, 1.0, at, at + p.m);
		goto out;
	}
	if (p.m >= ANCHOR_FUZZY_MIN_CHARS && p.m <= FUZZY_MAX_CHARS && ad->n) {
		/* First near the old place (its node, else its position), the
		 * usual home of an edited clause: an accepted match there
		 * saves scanning the whole text. */
		fuzzy_hit h;
		double s;
		size_t span = p.m + p.np + p.ns;
		size_t c0 = nhi > nlo ? nlo : old;
		size_t c1 = nhi > nlo ? nhi : (a->end < ad->n ? a->end : ad->n);
		size_t lo, hi;
		if (nhi > nlo) {
			/* the node alone (its context is checked after) */
			lo = nlo;
			hi = nhi;
			if (fuzzy_search(ad, &p, lo, hi, old, &h)) {
				if (accept_here(ad, &p, &h, have_exact, old, &s)) {
					set_match(ad, m, ANCHOR_FUZZY, s, h.from, h.to);
					goto out;
				}
				score = s;
			}
		}
		lo = c0 > span ? c0 - span : 0;
		hi = ad->n - c1 > span ? c1 + span : ad->n;
		if (fuzzy_search(ad, &p, lo, hi, old, &h)) {
			if (accept_here(ad, &p, &h, have_exact, old, &s)) {
				set_match(ad, m, ANCHOR_FUZZY, s, h.from, h.to);
				goto out;
			}
			if (s > score)
				score = s;
		}
		lo = 0;
		hi = ad->n;
		if ((double)span * (double)ad->n > FUZZY_WHOLE_CELLS) {
			size_t w = span * 2 > 2000 ? span * 2 : 2000;
			size_t oe = a->end < ad->n ? a->end : ad->n;
			lo = old > w ? old - w : 0;
			hi = ad->n - oe > w ? oe + w : ad->n;
		}
		if (fuzzy_search(ad, &p, lo, hi, old, &h)) {
			if (accept_here(ad, &p, &h, have_exact, old, &s)) {
				set_match(ad, m, ANCHOR_FUZZY, s, h.from, h.to);
				goto out;
			}
			if (s > score)
				score = s;
		}
	}
	size_t oe = a->end < ad->n ? a->end : ad->n;
	set_match(ad, m, ANCHOR_ORPHAN, score, old, oe > old ? oe : old);
out:
	free(p.exact);
	free(p.prefix);
	free(p.suffix);
}
