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
 * "X-Y". Split words such as "Est ado" (a space from the PDF) are joined
 * only when asked (parse_options.repair_splits), by a rule that uses the
 * document as its dictionary (words_repair_splits). */
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

/* A word of the text: added to the set, or with only candidates in it
 * (cand), counted when it is one. */
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

/* The words that words_append_line will ask about, counted in one pass over the
 * text without building the set of every word (two million entries in a
 * 10 MB document): for each line of a block that ends in "X-" and the line
 * after it that starts with "Y" in lower case, the keys "XY" and "X-Y".
 * words_append_line finds X again in its buffer, where it may reach back into an
 * earlier line; a key foreseen here wrongly is harmless (its count is
 * exact) and a key not foreseen makes word_count collect every word. */
void
words_hyphens(parser *p, const block *blocks, size_t nb)
{
	buf keys;		/* key bytes, one after the other */
	buf_init(&keys);
	size_t *len = NULL, nk = 0, kcap = 0;
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
			xgrow((void **)&len, &kcap, nk + 2, sizeof *len);
			buf_add(&keys, a + ws, xl);
			buf_add(&keys, y, yl);
			len[nk++] = xl + yl;
			if (xl + 1 + yl < 64) {
				buf_add(&keys, a + ws, xl + 1);
				buf_add(&keys, y, yl);
				len[nk++] = xl + 1 + yl;
			}
		}
	}
	p->words_cand = 1;
	p->cand_keys = buf_take(&keys);
	size_t off = 0;
	for (size_t k = 0; k < nk; k++) {
		words_set_op(&p->words, p->cand_keys + off, len[k], 1);
		unsigned char c = (unsigned char)p->cand_keys[off];
		if (wb_class[c] == WB_ASCII)
			c |= 32;
		p->cand_first[len[k]][c >> 3] |= (unsigned char)(1u << (c & 7));
		off += len[k];
	}
	free(len);
	for (size_t i = 0; i < p->words.cap; i++)
		p->words.e[i].c = 0;
	if (nk)
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

/* Words split by a stray space in the PDF ("el Est ado y"): "X Y" becomes
 * "XY" when Y starts in lower case, neither X nor Y occurs anywhere else
 * in the document as a word of its own, and "XY" occurs at least twice.
 * The document is its own dictionary: a real pair of words is not joined,
 * because real words recur or are not halves of a word the text uses
 * ("Access Now" stays, though the text also writes "AccessNow"). */
void
words_repair_splits(parser *p, buf *b)
{
	size_t i = 0, prev_s = 0, prev_n = 0, out = 0;
	int have_prev = 0;
	char *t = b->s;
	size_t n = b->len;
	while (i < n) {
		size_t w = words_len(t + i, n - i, 0);
		if (!w) {
			ucs4_t uc;
			size_t k = (size_t)u8_mbtouc(&uc, (const uint8_t *)t + i, n - i);
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
		if (have_prev && tok && w >= 2 && prev_n >= 2 && prev_n + w < 64 &&
		    starts_lower(t + i, w) &&
		    word_count(p, t + prev_s, prev_n) == 1 &&
		    word_count(p, t + i, w) == 1) {
			char tmp[64];
			memcpy(tmp, t + prev_s, prev_n);
			memcpy(tmp + prev_n, t + i, w);
			if (word_count(p, tmp, prev_n + w) >= 2) {
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
}
