/* anchor: quote and position selectors, the document fingerprint and key,
 * and re-attachment of anchors to a changed document (see anchor.h for the
 * rules). Works on the document's text as code points so that every offset
 * it hands out is a character offset; byte offsets come from the map.
 *
 * Invariants: ad->byte_of[0] == 0, ad->byte_of[ad->n] == d->plain_len,
 * strictly increasing. Nothing here writes to the document. */
#include <build-config.h>

#include <assert.h>
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
	buf_free(&b);
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

/* How many characters of context agree around an occurrence at i. */
static size_t
context_score(const anchor_doc *ad, const pattern *p, size_t i)
{
	size_t s = 0;
	for (size_t k = 1; k <= p->np && k <= i; k++) {
		if (ad->text[i - k] != p->prefix[p->np - k])
			break;
		s++;
	}
	for (size_t k = 0; k < p->ns && i + p->m + k < ad->n; k++) {
		if (ad->text[i + p->m + k] != p->suffix[k])
			break;
		s++;
	}
	return s;
}

static size_t
distance(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/* Bonus, in characters of context, for an occurrence inside the node the
 * anchor names: it wins ties, but a quote whose whole context moved
 * elsewhere follows its context. */
#define SAME_NODE_BONUS 8

/* Best exact occurrence: most context (plus the same-node bonus for
 * starts in [nlo, nhi)), then nearest to the old start. Returns 0 if
 * none. */
static int
best_exact(const anchor_doc *ad, const pattern *p, size_t nlo, size_t nhi,
	   size_t old, size_t *at)
{
	int found = 0;
	size_t best_ctx = 0, best = 0;
	if (!p->m)
		return 0;
	for (size_t i = 0; i + p->m <= ad->n; i++) {
		if (ad->text[i] != p->exact[0] || !match_at(ad, p, i))
			continue;
		size_t c = context_score(ad, p, i) + (i >= nlo && i < nhi ? SAME_NODE_BONUS : 0);
		if (!found || c > best_ctx ||
		    (c == best_ctx && distance(i, old) < distance(best, old))) {
			found = 1;
			best_ctx = c;
			best = i;
		}
	}
	*at = best;
	return found;
}

/* Approximate substring match (Sellers): the window position with the
 * least edit distance to the pattern; ties go to the one nearest old.
 * Returns the distance; *from, *to get the match. */
static size_t
best_fuzzy(const anchor_doc *ad, const pattern *p, size_t lo, size_t hi,
	   size_t old, size_t *from, size_t *to)
{
	size_t m = p->m;
	uint32_t *D = xmalloc((m + 1) * sizeof *D);
	size_t *S = xmalloc((m + 1) * sizeof *S);
	for (size_t j = 0; j <= m; j++) {
		D[j] = (uint32_t)j;
		S[j] = lo;
	}
	size_t best = m + 1, bf = lo, bt = lo;
	for (size_t t = lo; t < hi; t++) {
		uint32_t c = ad->text[t];
		uint32_t diag = D[0];	/* D_old[j - 1] */
		size_t diag_s = S[0];
		D[0] = 0;
		S[0] = t + 1;
		for (size_t j = 1; j <= m; j++) {
			uint32_t old_d = D[j];
			size_t old_s = S[j];
			uint32_t v = diag + (p->exact[j - 1] != c);
			size_t vs = diag_s;
			if (D[j - 1] + 1 < v) {	/* pattern char left out */
				v = D[j - 1] + 1;
				vs = S[j - 1];
			}
			if (old_d + 1 < v) {	/* text char left out */
				v = old_d + 1;
				vs = old_s;
			}
			D[j] = v;
			S[j] = vs;
			diag = old_d;
			diag_s = old_s;
		}
		if (D[m] < best || (D[m] == best && distance(S[m], old) < distance(bf, old))) {
			best = D[m];
			bf = S[m];
			bt = t + 1;
		}
	}
	free(D);
	free(S);
	*from = bf;
	*to = bt;
	return best;
}

/* Cells the fuzzy search may fill before it narrows to a window. */
#define FUZZY_WHOLE_CELLS (16u * 1024 * 1024)
#define FUZZY_MAX_CHARS 5000
/* A match this good near the old place is taken without looking further. */
#define FUZZY_NEAR_GOOD 0.9

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

	/* The usual case: same document, quote where it was, context and
	 * all. */
	const node *nd = a->path ? doc_find_path(ad->d, a->path) : NULL;
	if (p.m && nd && match_at(ad, &p, old) && block_node(ad, old) == nd &&
	    context_score(ad, &p, old) == p.np + p.ns) {
		set_match(ad, m, ANCHOR_OK, 1.0, old, old + p.m);
		goto out;
	}
	size_t nlo = 0, nhi = 0;
	if (nd && nd->len) {
		nlo = anchor_char_at(ad, nd->off);
		nhi = anchor_char_at(ad, nd->off + nd->len);
	}
	if (best_exact(ad, &p, nlo, nhi, old, &at)) {
		set_match(ad, m, at >= nlo && at < nhi ? ANCHOR_OK : ANCHOR_MOVED, 1.0,
			  at, at + p.m);
		goto out;
	}

	double score = 0;
	if (p.m >= ANCHOR_FUZZY_MIN_CHARS && p.m <= FUZZY_MAX_CHARS && ad->n) {
		/* First near the old place (its node, else its position), the
		 * usual home of an edited clause: a good match there saves
		 * scanning the whole text. */
		size_t from, to;
		size_t c0 = nhi > nlo ? nlo : old;
		size_t c1 = nhi > nlo ? nhi : (a->end < ad->n ? a->end : ad->n);
		size_t lo = c0 > p.m ? c0 - p.m : 0;
		size_t hi = ad->n - c1 > p.m ? c1 + p.m : ad->n;
		size_t dist = best_fuzzy(ad, &p, lo, hi, old, &from, &to);
		score = dist >= p.m ? 0 : 1.0 - (double)dist / (double)p.m;
		if (score >= FUZZY_NEAR_GOOD && to > from) {
			set_match(ad, m, ANCHOR_FUZZY, score, from, to);
			goto out;
		}
		lo = 0;
		hi = ad->n;
		if ((double)p.m * (double)ad->n > FUZZY_WHOLE_CELLS) {
			size_t w = p.m * 2 > 2000 ? p.m * 2 : 2000;
			size_t oe = a->end < ad->n ? a->end : ad->n;
			lo = old > w ? old - w : 0;
			hi = ad->n - oe > w ? oe + w : ad->n;
		}
		dist = best_fuzzy(ad, &p, lo, hi, old, &from, &to);
		score = dist >= p.m ? 0 : 1.0 - (double)dist / (double)p.m;
		if (score >= ANCHOR_FUZZY_MIN && to > from) {
			set_match(ad, m, ANCHOR_FUZZY, score, from, to);
			goto out;
		}
	}
	size_t oe = a->end < ad->n ? a->end : ad->n;
	set_match(ad, m, ANCHOR_ORPHAN, score, old, oe > old ? oe : old);
out:
	free(p.exact);
	free(p.prefix);
	free(p.suffix);
}
