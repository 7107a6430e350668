/* fold: case, accent and typography folding on libunistring (see fold.h).
 *
 * Invariants: the fold of a character depends on the character and the
 * flags alone (never on its neighbours), so a query and a text folded
 * separately match where the reader expects; fold_char never fails and
 * always advances. The cache of two-byte code points is filled on first
 * use by any thread: every writer stores the same bytes. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"
#include "text.h"
#include "util.h"

/* The plain form of a typographic character (FOLD_TYPO), or NULL. upper:
 * the form of a capital ligature when case is kept. */
static const char *
typo(ucs4_t uc, int keep_case)
{
	switch (uc) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x02BC: case 0x00B4: case 0xFF07:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
	case 0x00BB: case 0x2039: case 0x203A: case 0x2033: case 0xFF02:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
		return "-";
	case 0x0153:
		return "oe";
	case 0x0152:
		return keep_case ? "Oe" : "oe";
	case 0x00E6:
		return "ae";
	case 0x00C6:
		return keep_case ? "Ae" : "ae";
	case 0xFB00:
		return "ff";
	case 0xFB01:
		return "fi";
	case 0xFB02:
		return "fl";
	case 0xFB03:
		return "ffi";
	case 0xFB04:
		return "ffl";
	case 0x2026:
		return "...";
	case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
		return "";
	}
	return NULL;
}

/* Casefold (or not) and NFD one code point, marks dropped or not. */
static size_t
fold_slow(const char *s, size_t k, unsigned flags, uint8_t *out)
{
	uint8_t tmp[FOLD_CHAR_MAX];
	size_t len = sizeof tmp;
	uint8_t *r = flags & FOLD_CASE
		? u8_casefold((const uint8_t *)s, k, NULL, UNINORM_NFD, tmp, &len)
		: u8_normalize(UNINORM_NFD, (const uint8_t *)s, k, tmp, &len);
	if (!r) {	/* cannot happen on valid input: keep the bytes */
		memcpy(out, s, k);
		return k;
	}
	if (flags & FOLD_MARKS)
		len = text_strip_marks((char *)r, len);
	/* One code point folds to at most 3 x 4 code points of 4 bytes:
	 * the cut is never reached. */
	if (len > FOLD_CHAR_MAX)
		len = FOLD_CHAR_MAX;
	memcpy(out, r, len);
	if (r != tmp)
		free(r);
	return len;
}

/* Folds of the two-byte code points (Latin accents, Greek, Cyrillic) per
 * case and marks flags: state 0 unknown, 1 ready; len > 6 is not cached. */
static struct {
	unsigned char state, len;
	uint8_t b[6];
} cache[4][0x800];

size_t
fold_char(const char *s, size_t n, unsigned flags, uint8_t *out, size_t *out_len,
	  int *space)
{
	unsigned char b = (unsigned char)s[0];
	*space = 0;
	if (b < 0x80) {
		*space = b == ' ' || (b >= '\t' && b <= '\r');
		out[0] = *space ? ' ' : (flags & FOLD_CASE) && b >= 'A' && b <= 'Z'
			 ? (uint8_t)(b + 32) : b;
		*out_len = 1;
		return 1;
	}
	ucs4_t uc;
	int k = u8_mbtoucr(&uc, (const uint8_t *)s, n);
	if (k <= 0) {	/* not UTF-8: the byte as it is */
		out[0] = b;
		*out_len = 1;
		return 1;
	}
	if (uc_is_property_white_space(uc)) {
		*space = 1;
		out[0] = ' ';
		*out_len = 1;
		return (size_t)k;
	}
	const char *t = flags & FOLD_TYPO ? typo(uc, !(flags & FOLD_CASE)) : NULL;
	if (t) {
		*out_len = strlen(t);
		memcpy(out, t, *out_len);
		return (size_t)k;
	}
	if (uc < 0x800) {
		unsigned m = flags & (FOLD_CASE | FOLD_MARKS);
		if (__atomic_load_n(&cache[m][uc].state, __ATOMIC_ACQUIRE)) {
			*out_len = cache[m][uc].len;
			memcpy(out, cache[m][uc].b, *out_len);
			return (size_t)k;
		}
		size_t l = fold_slow(s, (size_t)k, flags, out);
		if (l <= sizeof cache[m][uc].b) {
			memcpy(cache[m][uc].b, out, l);
			cache[m][uc].len = (unsigned char)l;
			__atomic_store_n(&cache[m][uc].state, 1, __ATOMIC_RELEASE);
		}
		*out_len = l;
		return (size_t)k;
	}
	*out_len = fold_slow(s, (size_t)k, flags, out);
	return (size_t)k;
}

char *
fold_str(const char *s, size_t n, unsigned flags, size_t **map)
{
	/* Usually no longer than the input: grow on demand. */
	size_t cap = n + 16, len = 0;
	char *out = xmalloc(cap);
	size_t *m = map ? xmalloc(cap * sizeof *m) : NULL;
	int prev_space = 1;	/* trims leading spaces */

	for (size_t i = 0; i < n;) {
		uint8_t tmp[FOLD_CHAR_MAX];
		size_t tl;
		int space;
		size_t k = fold_char(s + i, n - i, flags, tmp, &tl, &space);
		if (space && prev_space) {
			i += k;
			continue;
		}
		if (tl)
			prev_space = space;
		if (len + tl + 1 > cap) {
			cap = 2 * cap + tl;
			out = xrealloc(out, cap);
			if (m)
				m = xrealloc(m, cap * sizeof *m);
		}
		memcpy(out + len, tmp, tl);
		for (size_t q = 0; m && q < tl; q++)
			m[len + q] = i;
		len += tl;
		i += k;
	}
	while (len && out[len - 1] == ' ')
		len--;
	out[len] = '\0';
	if (m) {
		m[len] = n;
		*map = m;
	}
	return out;
}

int
fold_eq(const char *a, const char *b)
{
	char *fa = fold_str(a, strlen(a), FOLD_ALL, NULL);
	char *fb = fold_str(b, strlen(b), FOLD_ALL, NULL);
	int eq = !strcmp(fa, fb);
	free(fa);
	free(fb);
	return eq;
}
