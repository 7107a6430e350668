/* parse/words.c: the document as its own dictionary, and the text of a
 * block. Word sets (ASCII case folded, open addressing) count the words
 * that hyphen repair and split-word repair ask about: only the candidate
 * keys (words_hyphens) unless every word is needed (words_collect).
 *
 * Reflow: lines are joined with one space, runs of spaces collapse to one.
 * Line-end hyphens: "X-\nY" joins as "X-Y" (UN documents are set without
 * automatic hyphenation, so a line-end hyphen is nearly always a real one:
 * "nuclear-\nweapon-free", "Secretary-\nGeneral"); the hyphen is dropped
 * only when the document itself spells the word "XY" elsewhere and never
 * "X-Y". Split words such as "Est ado" or "well- being" (a space from the
 * PDF) are joined by a rule that uses the document as its dictionary
 * (words_repair_splits), unless parse_options.keep_splits. Its questions
 * are foreseen like the hyphens' (words_hyphens): a sketch of the text's
 * words (two bitmaps by hash: seen once, seen more) names the pairs whose
 * halves may each occur once, and only those pairs' keys are counted. */
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

/* ---------- word sets ---------- */

uint64_t
words_hash_fold(const char *s, size_t n, int exact)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!exact && c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 1099511628211ull;
	}
	return h;
}

static int
same_fold(const char *a, size_t an, const char *b, size_t bn, int exact)
{
	if (an != bn)
		return 0;
	if (memcmp(a, b, an) == 0)
		return 1;	/* the usual case, folded or not */
	if (exact)
		return 0;
	for (size_t i = 0; i < an; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

/* Adds (add = 1; the span must outlive the set) or finds s[0, n).
 * Returns how many times it was added (after this add), 0 if never.
 * Words are shorter than 4 GiB (the input is). */
static size_t
wset_op_h(wset *w, const char *s, size_t n, int add, uint64_t hv)
{
	if (add && (w->count + 1) * 2 > w->cap) {
		size_t ncap = w->cap ? w->cap * 2 : 1024;
		wslot *ne = arena_big_alloc(ncap * sizeof *ne);
		for (size_t i = 0; i < w->cap; i++) {
			if (!w->e[i].s)
				continue;
			size_t h = (size_t)w->e[i].hv & (ncap - 1);
			while (ne[h].s)
				h = (h + 1) & (ncap - 1);
			ne[h] = w->e[i];
		}
		arena_big_free(w->e, w->cap * sizeof *w->e);
		w->e = ne;
		w->cap = ncap;
	}
	if (!w->cap)
		return 0;
	size_t h = (size_t)hv & (w->cap - 1);
	wslot *e;
	while ((e = &w->e[h])->s) {
		if (e->hv == hv && same_fold(e->s, e->n, s, n, w->exact))
			return add ? ++e->c : e->c;
		h = (h + 1) & (w->cap - 1);
	}
	if (add) {
		e->s = s;
		e->n = (uint32_t)n;
		e->c = 1;
		e->hv = hv;
		w->count++;
		return 1;
	}
	return 0;
}

size_t
words_set_op(wset *w, const char *s, size_t n, int add)
{
	if (!add && !w->cap)
		return 0;
	return wset_op_h(w, s, n, add, words_hash_fold(s, n, w->exact));
}

void
words_set_clear(wset *w)
{
	arena_big_free(w->e, w->cap * sizeof *w->e);
	memset(w, 0, sizeof *w);
}

/* The slot of s[0, n), or NULL. */
wslot *
words_set_slot(wset *w, const char *s, size_t n, uint64_t hv)
{
	if (!w->cap)
		return NULL;
	size_t h = (size_t)hv & (w->cap - 1);
	wslot *e;
	while ((e = &w->e[h])->s) {
		if (e->hv == hv && same_fold(e->s, e->n, s, n, w->exact))
			return e;
		h = (h + 1) & (w->cap - 1);
	}
	return NULL;
}

/* Length of the letter run at s (UTF-8 letters and '-' inside). */
size_t
words_len(const char *s, size_t n, int hyphens)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && (c | 32) >= 'a' && (c | 32) <= 'z') {
			i++;	/* ASCII letters without a table look-up */
			continue;
		}
		if ((c == 0xC3 || c == 0xD0 || c == 0xD1) && i + 1 < n &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
		    !(c == 0xC3 && (s[i + 1] == '\x97' || s[i + 1] == '\xB7'))) {
			/* U+00C0..U+00FF but × and ÷, U+0400..U+047F: letters */
			i += 2;
			continue;
		}
		ucs4_t uc;
		int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		if (uc_is_alpha(uc)) {
			i += (size_t)k;
			continue;
		}
		if (hyphens && uc == '-' && i > 0 && i + 1 < n) {
			ucs4_t nx = first_uc(s + i + 1, n - i - 1);
			if (uc_is_alpha(nx)) {
				i++;
				continue;
			}
		}
		break;
	}
	return i;
}

/* Byte classes for the word scan. */
enum { WB_OTHER, WB_ASCII, WB_HIGH, WB_HYPHEN };
static const unsigned char wb_class[256] = {
	['-'] = WB_HYPHEN,
	['A' ... 'Z'] = WB_ASCII, ['a' ... 'z'] = WB_ASCII,
	[0x80 ... 0xFF] = WB_HIGH,
};

/* The candidate filter's bit for a word of n bytes (n < 64) starting with
 * byte c (ASCII letters folded). */
static inline int
cand_bit(const parser *p, size_t n, unsigned char c)
{
	if (wb_class[c] == WB_ASCII)
		c |= 32;
	return (p->cand_first[n][c >> 3] >> (c & 7)) & 1;
}

/* The sketch: two bitmaps of p->sk_bits-bit hashes (one bit per 8 bytes
 * of text, 2^16 to 2^21: a few distinct words per bit). A word it says was
 * seen once may have been seen more (a collision says "more" of a word
 * seen once, never the other way: such a word is only missed). */
#define SK_WORDS(p) (((size_t)1 << (p)->sk_bits) / 64)

/* The sketch's hash: eight bytes at a time, every byte or'ed with 0x20
 * (ASCII letters folded; other bytes may meet, which only says "more"). */
static inline size_t
sk_bit(const char *s, size_t n, const char *end, int bits)
{
	const uint64_t fold = 0x2020202020202020ull;
	uint64_t h = n * 0x9E3779B97F4A7C15ull, v;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		h = ((h ^ (v | fold)) * 0xff51afd7ed558ccdull);
		h ^= h >> 32;
	}
	if (i < n) {
		/* the tail: words are inside the text, and a word of the
		 * text's last 8 bytes is read byte by byte */
		uint64_t keep = ~0ull >> (8 * (8 - (n - i)));
		int whole = s + i + 8 <= end;
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
		whole = 0;	/* the first byte must be the lowest */
#endif
		if (whole) {
			memcpy(&v, s + i, 8);
		} else {
			v = 0;
			for (size_t k = i; k < n; k++)
				v |= (uint64_t)(unsigned char)s[k] << (8 * (k - i));
		}
		h = ((h ^ ((v | fold) & keep)) * 0xc4ceb9fe1a85ec53ull);
	}
	h ^= h >> 29;
	h *= 0xff51afd7ed558ccdull;
	return (size_t)(h >> (64 - bits));
}

static int
sk_once(const parser *p, const char *s, size_t n)
{
	if (!p->sketch || n >= 64)
		return 0;
	size_t b = sk_bit(s, n, p->t + p->n, p->sk_bits);
	uint64_t m = 1ull << (b & 63);
	return (p->sketch[b >> 6] & m) && !(p->sketch[SK_WORDS(p) + (b >> 6)] & m);
}

/* A word of the text: added to the set (cand 0), or counted when it is
 * a candidate (cand 1). */
static inline void
word_seen(parser *p, const char *s, size_t n, int cand)
{
	if (!cand) {
		wset_op_h(&p->words, s, n, 1, words_hash_fold(s, n, 0));
		return;
	}
	if (!cand_bit(p, n, (unsigned char)s[0]))
		return;
	wslot *e = words_set_slot(&p->words, s, n, words_hash_fold(s, n, 0));
	if (e)
		e->c++;
}

/* The end of the run of ASCII letters at t[i]: eight bytes at a time on
 * a little-endian machine (the first byte in memory is the lowest). */
static inline size_t
ascii_letters(const unsigned char *t, size_t i, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ull, hi = ones << 7, low7 = ~hi;
	while (i + 8 <= n) {
		uint64_t v;
		memcpy(&v, t + i, 8);
		/* folded to lower case, 7 bits: a letter is 0x61..0x7A,
		 * told by two additions that carry into bit 7 only */
		uint64_t x = (v | ones * 0x20) & low7;
		uint64_t letter = (x + ones * 0x1F) & ~(x + ones * 0x05) & ~v & hi;
		uint64_t other = ~letter & hi;
		if (other)
			return i + ((size_t)__builtin_ctzll(other) >> 3);
		i += 8;
	}
#endif
	while (i < n && wb_class[t[i]] == WB_ASCII)
		i++;
	return i;
}

/* Every word of the text (letters, with hyphens inside), shorter than 64
 * bytes: added to p->words, or (cand) counted where p->words holds it. */
static void
scan_words(parser *p, int cand)
{
	const unsigned char *t = (const unsigned char *)p->t;
	size_t i = 0, n = p->n;
	while (i < n) {
		unsigned c = wb_class[t[i]];
		if (c != WB_ASCII && c != WB_HIGH) {
			i++;
			continue;
		}
		/* a run of ASCII letters is a word unless it goes on with a
		 * non-ASCII letter or a hyphen: then the general way */
		size_t j = ascii_letters(t, i, n);
		if (j > i && (j == n || wb_class[t[j]] == WB_OTHER)) {
			if (j - i < 64)
				word_seen(p, p->t + i, j - i, cand);
			i = j;
			continue;
		}
		size_t m = words_len(p->t + i, n - i, 1);
		if (m == 0) {
			ucs4_t uc;
			i += (size_t)u8_mbtouc(&uc, t + i, n - i);
			continue;
		}
		if (m < 64)
			word_seen(p, p->t + i, m, cand);
		i += m;
	}
}

void
words_collect(parser *p)
{
	scan_words(p, 0);
}

/* How many times the text has the word s[0, n) (ASCII case folded; see
 * scan_words for what a word is). With only candidates collected, a word
 * that was not foreseen makes the set of every word (exact either way). */
static size_t
word_count(parser *p, const char *s, size_t n)
{
	if (n >= 64)
		return 0;	/* scan_words keeps none */
	uint64_t hv = words_hash_fold(s, n, 0);
	if (p->words_cand) {
		wslot *e = words_set_slot(&p->words, s, n, hv);
		if (e)
			return e->c;
		words_set_clear(&p->words);
		free(p->cand_keys);
		p->cand_keys = NULL;
		p->words_cand = 0;
		words_collect(p);
	}
	return wset_op_h(&p->words, s, n, 0, hv);
}

/* ---------- text assembly ---------- */

/* The keys words_hyphens gathers: their bytes one after the other. */
typedef struct keyset {
	buf b;
	size_t *len, n, cap;
} keyset;

static void
key_add(keyset *k, const char *a, size_t an, const char *b, size_t bn)
{
	if (!an || an + bn >= 64)
		return;
	xgrow((void **)&k->len, &k->cap, k->n + 1, sizeof *k->len);
	buf_add(&k->b, a, an);
	if (bn)
		buf_add(&k->b, b, bn);
	k->len[k->n++] = an + bn;
}

/* The start of the word that ends at s[e] (letters, and hyphens between
 * letters: "non-self" in "non-self- governing"). */
static size_t
word_start(const char *s, size_t e)
{
	size_t ws = e;
	for (;;) {
		while (ws > 0 && (((unsigned char)s[ws - 1] & 0x80) ||
				  ((s[ws - 1] | 32) >= 'a' && (s[ws - 1] | 32) <= 'z')))
			ws--;
		if (ws >= 2 && s[ws - 1] == '-' && ws < e &&
		    (((unsigned char)s[ws - 2] & 0x80) ||
		     ((s[ws - 2] | 32) >= 'a' && (s[ws - 2] | 32) <= 'z')))
			ws--;
		else
			return ws;
	}
}

/* The length of the word (letters only) at s: ASCII runs eight bytes at a
 * time, the general way after a non-ASCII byte. */
static inline size_t
word_len_fast(const char *s, size_t n)
{
	size_t j = ascii_letters((const unsigned char *)s, 0, n);
	if (j == n || wb_class[(unsigned char)s[j]] != WB_HIGH)
		return j;
	return words_len(s, n, 0);
}

/* A place where words_repair_splits may have a question: "X Y" (hy 0)
 * or "X- Y" (hy 1); byte offsets and lengths in the text. */
typedef struct splitq {
	uint32_t x, y;
	uint8_t xn, yn, hy;
} splitq;

/* Marks s[0, n) in the sketch; returns whether it was new there. */
static inline int
sk_mark(parser *p, const char *s, size_t n)
{
	size_t b = sk_bit(s, n, p->t + p->n, p->sk_bits);
	uint64_t m = 1ull << (b & 63);
	int fresh = !(p->sketch[b >> 6] & m);
	if (!fresh)
		p->sketch[SK_WORDS(p) + (b >> 6)] |= m;
	p->sketch[b >> 6] |= m;
	return fresh;
}

/* One pass over the text (the words as scan_words sees them) that fills
 * the sketch and gathers the places of questions: a word followed by
 * "- " and a letter ("well- being"), and two words that were both new
 * where they stand, the second in lower case, both whole tokens of two or
 * more bytes with only white space between ("el Est ado": a word seen
 * once in the text is new at its only place, so no pair of once-seen
 * words is missed). */
static void
sketch_scan(parser *p, splitq **qs, size_t *nq, size_t *qcap)
{
	const unsigned char *t = (const unsigned char *)p->t;
	size_t i = 0, n = p->n, pe = 0, ps = 0;
	int pfresh = 0;		/* the word before: new, a whole token */
	while (i < n) {
		unsigned c = wb_class[t[i]];
		if (c != WB_ASCII && c != WB_HIGH) {
			if (!is_sp((char)t[i]) && t[i] != '\n')
				pfresh = 0;
			i++;
			continue;
		}
		size_t j = ascii_letters(t, i, n);
		size_t m = j > i && (j == n || wb_class[t[j]] == WB_OTHER) ? j - i :
			   words_len(p->t + i, n - i, 1);
		if (m == 0) {
			ucs4_t uc;
			i += (size_t)u8_mbtouc(&uc, t + i, n - i);
			pfresh = 0;
			continue;
		}
		if (m >= 64) {
			i += m;
			pfresh = 0;
			continue;
		}
		int fresh = sk_mark(p, p->t + i, m);
		int tok = (i + m >= n || t[i + m] != '-') && !memchr(t + i, '-', m);
		if (pfresh && fresh && tok && i - pe <= 64 && m + (pe - ps) < 64 &&
		    m >= 2 && starts_lower(p->t + i, m)) {
			xgrow((void **)qs, qcap, *nq + 1, sizeof **qs);
			(*qs)[(*nq)++] = (splitq){ (uint32_t)ps, (uint32_t)i, (uint8_t)(pe - ps),
						   (uint8_t)m, 0 };
		}
		if (i + m + 2 < n && t[i + m] == '-' && t[i + m + 1] == ' ') {
			size_t yl = word_len_fast(p->t + i + m + 2, n - i - m - 2);
			if (yl && m + 1 + yl < 64) {
				xgrow((void **)qs, qcap, *nq + 1, sizeof **qs);
				(*qs)[(*nq)++] = (splitq){ (uint32_t)i, (uint32_t)(i + m + 2),
							   (uint8_t)m, (uint8_t)yl, 1 };
			}
		}
		pfresh = fresh && tok && m >= 2;
		ps = i;
		pe = i + m;
		i += m;
	}
}

/* The line that holds byte off (the last line starting at or before it). */
static size_t
line_of(const parser *p, size_t off)
{
	size_t lo = 0, hi = p->nl;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->L[mid].s <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The keys of the questions sketch_scan found: "X", "Y", "XY" of a pair
 * whose words the sketch saw once each, "X-Y" and "XY" of "X- Y"; the
 * lines that hold them are flagged (LF_SPLIT) so that only their blocks
 * are repaired. */
static void
split_keys(parser *p, keyset *k, const splitq *qs, size_t nq)
{
	for (size_t q = 0; q < nq; q++) {
		const char *x = p->t + qs[q].x, *y = p->t + qs[q].y;
		size_t xn = qs[q].xn, yn = qs[q].yn;
		if (qs[q].hy) {
			key_add(k, x, xn + 1, y, yn);
			key_add(k, x, xn, y, yn);
		} else if (sk_once(p, x, xn) && sk_once(p, y, yn)) {
			key_add(k, x, xn, NULL, 0);
			key_add(k, y, yn, NULL, 0);
			key_add(k, x, xn, y, yn);
		} else {
			continue;
		}
		p->L[line_of(p, qs[q].x)].flags |= LF_SPLIT;
		p->L[line_of(p, qs[q].y)].flags |= LF_SPLIT;
	}
}

/* The words that words_append_line and words_repair_splits will ask
 * about, counted in one pass over the text without building the set of
 * every word (two million entries in a 10 MB document): for each line of
 * a block that ends in "X-" and the line after it that starts with "Y" in
 * lower case, the keys "XY" and "X-Y"; for the split words (split 1),
 * "X", "Y" and "XY" of the pairs the sketch allows, and "X-Y", "XY" of
 * "X- Y". words_append_line finds X again in its buffer, where it may
 * reach back into an earlier line; a key foreseen here wrongly is
 * harmless (its count is exact) and a key not foreseen makes word_count
 * collect every word (words_repair_splits takes it for absent). */
void
words_hyphens(parser *p, block *blocks, size_t nb, int split)
{
	keyset ks = { 0 };
	buf_init(&ks.b);
	for (size_t k = 0; k < nb; k++) {
		const block *b = &blocks[k];
		for (size_t i = 1; !b->toc && i < b->nlines; i++) {
			const char *a = LS(p, b->lines[i - 1]);
			size_t an = LN(p, b->lines[i - 1]);
			if (an < 2 || a[an - 1] != '-' || is_sp(a[an - 2]))
				continue;
			size_t ws = an - 1;
			while (ws > 0 && (((unsigned char)a[ws - 1] & 0x80) ||
					  ((a[ws - 1] | 32) >= 'a' && (a[ws - 1] | 32) <= 'z')))
				ws--;
			const char *y = LS(p, b->lines[i]);
			size_t yn = LN(p, b->lines[i]);
			size_t xl = an - 1 - ws, yl = words_len(y, yn, 0);
			if (!xl || !yl || xl + yl >= 64 ||
			    !uc_is_alpha(first_uc(y, yn)) || !uc_is_lower(first_uc(y, yn)))
				continue;	/* no question, or word_count's 0 */
			key_add(&ks, a + ws, xl, y, yl);
			key_add(&ks, a + ws, xl + 1, y, yl);
		}
	}
	if (split) {
		splitq *qs = NULL;
		size_t nq = 0, qcap = 0;
		p->sk_bits = 16;
		while (p->sk_bits < 21 && ((size_t)1 << p->sk_bits) < p->n / 8)
			p->sk_bits++;
		p->sketch = xcalloc(2 * SK_WORDS(p), sizeof *p->sketch);
		sketch_scan(p, &qs, &nq, &qcap);
		split_keys(p, &ks, qs, nq);
		free(qs);
		for (size_t k = 0; nq && k < nb; k++)
			for (size_t i = 0; !blocks[k].toc && i < blocks[k].nlines; i++)
				if (p->L[blocks[k].lines[i]].flags & LF_SPLIT) {
					blocks[k].split = 1;
					break;
				}
	}
	p->words_cand = 1;
	p->cand_keys = buf_take(&ks.b);
	size_t off = 0;
	for (size_t k = 0; k < ks.n; k++) {
		words_set_op(&p->words, p->cand_keys + off, ks.len[k], 1);
		unsigned char c = (unsigned char)p->cand_keys[off];
		if (wb_class[c] == WB_ASCII)
			c |= 32;
		p->cand_first[ks.len[k]][c >> 3] |= (unsigned char)(1u << (c & 7));
		off += ks.len[k];
	}
	free(ks.len);
	for (size_t i = 0; i < p->words.cap; i++)
		p->words.e[i].c = 0;
	if (ks.n)
		scan_words(p, 1);
}

/* Whether s[0, n) has spaces only singly between other characters: no
 * tab, form feed or CR, no space first or last, none doubled, and not
 * empty (the caller then trims what came before). Eight bytes at a time:
 * a byte below ' ' anywhere, or two spaces in a row, says no. */
static int
single_spaced(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, hi = ones << 7, low7 = ~hi;
	if (!n || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	uint64_t prev = 0;	/* the byte before was a space */
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		if ((v - ones * 0x20) & ~v & hi)
			return 0;	/* some byte below 0x20 */
		/* the high bit of each byte that is a space, exactly */
		uint64_t x = v ^ (ones * 0x20);
		uint64_t sp = ~(((x & low7) + low7) | x | low7);
		if ((sp & (sp >> 8)) || (prev && (sp & 0x80)))
			return 0;
		prev = sp >> 63;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || (c == ' ' && prev))
			return 0;
		prev = c == ' ';
	}
	return 1;
}

/* Appends line content s[0, n) to b as reflowed text: one space between
 * lines, spaces collapsed, line-end hyphens repaired (see the top). */
void
words_append_line(parser *p, buf *b, const char *s, size_t n, int hard)
{
	if (b->len) {
		if (hard) {
			while (b->len && b->s[b->len - 1] == ' ')
				b->len--;
			buf_addc(b, '\n');
		} else if (b->s[b->len - 1] == '-' && b->len >= 2 && n &&
			   !is_sp(b->s[b->len - 2])) {
			/* "X-" + "Y…": keep the hyphen unless the document
			 * spells "XY" and never "X-Y" */
			size_t ws = b->len - 1;
			while (ws > 0 && (((unsigned char)b->s[ws - 1] & 0x80) ||
					  ((b->s[ws - 1] | 32) >= 'a' && (b->s[ws - 1] | 32) <= 'z')))
				ws--;
			size_t xl = b->len - 1 - ws;
			size_t yl = words_len(s, n, 0);
			if (xl && yl && xl + yl < 120 && uc_is_alpha(first_uc(s, n)) &&
			    uc_is_lower(first_uc(s, n))) {
				char tmp[256];
				memcpy(tmp, b->s + ws, xl);
				memcpy(tmp + xl, s, yl);
				int joined = word_count(p, tmp, xl + yl) != 0;
				memcpy(tmp, b->s + ws, xl + 1);
				memcpy(tmp + xl + 1, s, yl);
				int hyph = word_count(p, tmp, xl + 1 + yl) != 0;
				if (joined && !hyph)
					b->len--;
			}
			b->s[b->len] = '\0';
		} else if (b->s[b->len - 1] != ' ') {
			buf_addc(b, ' ');
		}
	}
	/* runs of spaces become one, in one pass over room made once; a
	 * line with single spaces only (nearly all) is copied whole */
	xgrow((void **)&b->s, &b->cap, b->len + n + 2, 1);
	if (single_spaced(s, n)) {
		memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len] = '\0';
		return;
	}
	char *o = b->s + b->len;
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (is_sp(c)) {
			sp = 1;
			continue;
		}
		if (sp)
			*o++ = ' ';
		sp = 0;
		*o++ = c;
	}
	b->len = (size_t)(o - b->s);
	while (b->len && b->s[b->len - 1] == ' ')
		b->len--;
	b->s[b->len] = '\0';
}

/* How many times the text has the key s[0, n), 0 when it was not
 * foreseen (words_hyphens): the repair asks nothing else. */
static size_t
cand_count(parser *p, const char *s, size_t n)
{
	if (n >= 64)
		return 0;
	uint64_t hv = words_hash_fold(s, n, 0);
	if (!p->words_cand)
		return wset_op_h(&p->words, s, n, 0, hv);
	wslot *e = words_set_slot(&p->words, s, n, hv);
	return e ? e->c : 0;
}

/* "well- being" -> "well-being" when the text has "well-being" as a
 * word, "X- Y" -> "XY" when it has "XY" and never "X-Y" ("pre- and
 * post-conflict" stays: "pre-and" is no word of it). */
static void
repair_hyphen_space(parser *p, buf *b)
{
	char *t = b->s;
	size_t n = b->len, out = 0;
	for (size_t i = 0; i < n; i++) {
		if (t[i] == '-' && i > 0 && i + 2 < n && t[i + 1] == ' ' && out > 0) {
			size_t ws = word_start(t, out);
			size_t yl = words_len(t + i + 2, n - i - 2, 0);
			size_t xl = out - ws;
			if (xl && yl && xl + 1 + yl < 64) {
				char tmp[64];
				memcpy(tmp, t + ws, xl);
				tmp[xl] = '-';
				memcpy(tmp + xl + 1, t + i + 2, yl);
				if (cand_count(p, tmp, xl + 1 + yl)) {
					t[out++] = '-';
					i++;	/* the space */
					continue;
				}
				memcpy(tmp + xl, t + i + 2, yl);
				if (cand_count(p, tmp, xl + yl)) {
					i++;	/* the hyphen and the space */
					continue;
				}
			}
		}
		t[out++] = t[i];
	}
	b->len = out;
	t[out] = '\0';
}

/* Words split by a stray space in the PDF ("el Est ado y"): "X Y" becomes
 * "XY" when Y starts in lower case, neither X nor Y occurs anywhere else
 * in the document as a word of its own, and "XY" occurs at least twice.
 * The document is its own dictionary: a real pair of words is not joined,
 * because real words recur or are not halves of a word the text uses
 * ("Access Now" stays, though the text also writes "AccessNow"). Then
 * "X- Y" (repair_hyphen_space). */
void
words_repair_splits(parser *p, buf *b)
{
	size_t i = 0, prev_s = 0, prev_n = 0, out = 0;
	int have_prev = 0;
	char *t = b->s;
	size_t n = b->len;
	while (i < n) {
		size_t w = word_len_fast(t + i, n - i);
		if (!w) {
			ucs4_t uc = (unsigned char)t[i];
			size_t k = 1;
			if (uc >= 0x80)
				k = (size_t)u8_mbtouc(&uc, (const uint8_t *)t + i, n - i);
			/* only a single space may separate the halves */
			have_prev = have_prev && uc == ' ' && out > 0 &&
				    prev_s + prev_n == out;
			memmove(t + out, t + i, k);
			out += k;
			i += k;
			continue;
		}
		/* a word is a whole token only when no hyphen joins it */
		int tok = (i + w >= n || t[i + w] != '-') && (i == 0 || t[i - 1] != '-');
		if (have_prev && tok && prev_n >= 2 && w >= 2 && prev_n + w < 64 &&
		    p->words_cand && cand_bit(p, w, (unsigned char)t[i]) &&
		    starts_lower(t + i, w) &&
		    cand_count(p, t + prev_s, prev_n) == 1 &&
		    cand_count(p, t + i, w) == 1) {
			char tmp[64];
			memcpy(tmp, t + prev_s, prev_n);
			memcpy(tmp + prev_n, t + i, w);
			if (cand_count(p, tmp, prev_n + w) >= 2) {
				out--;	/* drop the space */
				memmove(t + out, t + i, w);
				prev_n += w;
				out += w;
				i += w;
				have_prev = 0;
				continue;
			}
		}
		memmove(t + out, t + i, w);
		prev_s = out;
		prev_n = w;
		have_prev = tok;
		out += w;
		i += w;
	}
	b->len = out;
	t[out] = '\0';
	if (memmem(t, out, "- ", 2))
		repair_hyphen_space(p, b);
}
