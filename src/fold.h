/* fold: the one folding of text for comparisons, used by search, the notes
 * filter and tags, the catalogs and refs. Folding makes the forms a reader
 * does not distinguish equal, so that a query typed on any keyboard finds
 * the text as UN documents print it:
 *
 * - FOLD_CASE: full Unicode case folding ("STRASSE" and "straße" both
 *   become "strasse");
 * - FOLD_MARKS: nonspacing marks dropped after decomposition ("État" and
 *   "etat", "ёлка" and "елка"); letters that do not decompose (ø, ł, đ)
 *   stay themselves;
 * - FOLD_TYPO: typography made plain: apostrophes and single quotes
 *   (’ ‘ ‛ ʼ ′ ´) become ', double quotes and guillemets (“ ” „ « » ″)
 *   become ", hyphens and dashes (‐ ‑ ‒ – — ― −) become -, the ligatures
 *   œ æ ﬁ ﬂ ﬀ ﬃ ﬄ become oe ae fi fl ff ffi ffl, … becomes ..., and the
 *   invisible soft hyphen, zero-width space, word joiner and BOM vanish.
 *
 * Non-ASCII characters are always decomposed (NFD), with or without the
 * flags, so that a precomposed and a decomposed "é" are equal. White space
 * (any Unicode White_Space character) is reported as such: fold_str makes
 * each run one ' ' and trims the ends; search keeps its own runs. ASCII
 * other than capitals is never changed. */
#ifndef LECTERN_FOLD_H
#define LECTERN_FOLD_H

#include <stddef.h>
#include <stdint.h>

enum {
	FOLD_CASE = 1,
	FOLD_MARKS = 2,
	FOLD_TYPO = 4,
	FOLD_ALL = FOLD_CASE | FOLD_MARKS | FOLD_TYPO,
};

/* Longest fold of one character, in bytes. */
#define FOLD_CHAR_MAX 64

/* Folds the character at s[0, n) (n >= 1) with flags into out
 * (FOLD_CHAR_MAX bytes, not NUL-terminated): *out_len bytes, possibly 0 (a
 * soft hyphen, a lone mark when marks are dropped). *space is 1 when the
 * character is white space (out is then " "). Returns the bytes of s it
 * took, at least 1 (an invalid byte is one character, kept as it is). */
size_t fold_char(const char *s, size_t n, unsigned flags, uint8_t *out,
		 size_t *out_len, int *space);

/* Folds s[0, n) with flags into a new NUL-terminated string: every run of
 * white space one ' ', none at either end. If map is not NULL, *map gets a
 * malloc'd array: (*map)[i] = the offset in s of the character that gave
 * folded byte i, for i up to strlen(result) inclusive (the last = n). */
char *fold_str(const char *s, size_t n, unsigned flags, size_t **map);

/* Whether a and b (NUL-terminated) are equal once folded with FOLD_ALL. */
int fold_eq(const char *a, const char *b);

#endif
