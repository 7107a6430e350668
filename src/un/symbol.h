/* symbol: the grammar of UN document symbols ("A/75/251",
 * "A/C.1/80/L.13/Rev.1", "S/RES/1325 (2000)", "E/CN.4/1999/12",
 * "A/HRC/WG.6/34/ITA/3"): where one is in a text, and its parts. Symbols
 * are ASCII and case matters. No allocation. */
#ifndef LECTERN_UN_SYMBOL_H
#define LECTERN_UN_SYMBOL_H

#include <stddef.h>

/* A symbol starting at s[i] (a known series: A, S, E, ST, CCPR … then
 * '/'): the bytes it spans, 0 if none; a trailing '.' or '-' is left out.
 * With boundary, s[i] must not continue a word or another symbol.
 *   - Two symbols glued by an extraction ("A/C.4/73/L.7A/C.4/73/L.7") are
 *     two: the first ends where the second starts.
 *   - A joint symbol "A/74/896-S/2020/532" is two symbols here (the caller
 *     joins them).
 *   - A number split by a stray space ("E/CN.4/199 9/12", OCR) is
 *     repaired: the span includes the space, which symbol_key drops.
 *   - A placeholder ("A/C.5/80/___") or a cut-off symbol ("A/80/" at a
 *     line end) is none. */
size_t symbol_scan(const char *s, size_t n, size_t i, int boundary);

/* The key of the span symbol_scan found: its bytes without spaces, into
 * out (size outsz, NUL-terminated, cut if too small). Returns its length. */
size_t symbol_key(const char *s, size_t n, char *out, size_t outsz);

/* A line that is only a symbol ("A/RES/80/16", "A/C.1/80/L.13*"): the
 * masthead's and the running header's test. */
int symbol_is_line(const char *s, size_t n);

/* Whether a and b name the same document: equal but for a reissue mark
 * '*' at the end and spaces around. NULL is no symbol. */
int symbol_same(const char *a, const char *b);

/* The parts of a symbol. Strings are NUL-terminated, "" when absent. */
typedef struct symbol_parts {
	char series[32];	/* before the session or year: "A", "A/C.1",
				   "A/HRC/WG.6", "E/CN.4", "S" */
	char kind[8];		/* "RES", "DEC", "INF", "PV", "L" (a draft:
				   "A/C.1/80/L.13"), "" */
	int session;		/* GA session (session_from_symbol), or 0 */
	int body_session;	/* another body's session: "A/HRC/RES/5/1",
				   "A/HRC/WG.6/34/ITA/3" → 5, 34; or 0 */
	int year;		/* "S/2020/532", "E/CN.4/1999/12",
				   "S/RES/1325 (2000)": 2020, 1999, 2000 */
	char number[24];	/* "251", "13" (of "L.13"), "ITA/3", "1325",
				   "24" (of "A/ES-10/24") */
	char qualifiers[32];	/* "Rev.1/Add.2", "Corr.1", "" */
	int rev, add, corr;	/* their numbers, 0 when absent */
} symbol_parts;

/* Parses the symbol sym[0, n) into *out. Returns 0 when it is no symbol
 * (symbol_scan finds none spanning all of it). */
int symbol_parse(const char *sym, size_t n, symbol_parts *out);

#endif
