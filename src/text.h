/* text: UTF-8 helpers for display: widths in terminal columns, clipping by
 * grapheme cluster, and the visible form of characters that must never be
 * sent to a terminal. Units are named: _bytes, _cols.
 *
 * Widths follow glibc 2.36 wcwidth() in a UTF-8 locale (what ncursesw uses to
 * advance the cursor), computed without the locale: libunistring's uc_width
 * plus the code points where the two disagree (U+00AD SOFT HYPHEN counts 1,
 * and the others listed in text.c). So layout and the screen always agree,
 * whatever LC_ALL the process runs under.
 *
 * Unsafe code points are never drawn as they are; each is drawn as one
 * visible character of one column (text_visible), the same stand-ins source.c
 * puts in the text on loading:
 *   C0 controls and DEL   their control picture U+2400 + c ("␛", "␉"), U+2421
 *   C1 controls           U+FFFD "�"
 *   bidi embeddings, overrides and isolates (they reorder what the terminal
 *   shows: "Trojan Source"), one arrow each, pointing the way they turn:
 *     LRE U+202A ⇢  RLE U+202B ⇠  PDF U+202C ↥   (embeddings: dashed)
 *     LRO U+202D ⇛  RLO U+202E ⇚                 (overrides: triple)
 *     LRI U+2066 ⇥  RLI U+2067 ⇤  FSI U+2068 ⇆  PDI U+2069 ⇞  (isolates)
 *   unassigned            U+FFFD "�"
 *   what source.c removes or turns into line breaks (text_format_class):
 *   LRM, RLM, ALM, U+FEFF, U+206A..U+206F, U+2028, U+2029: U+FFFD "�"
 *   (only text that never went through source can still hold them)
 * One column per code point keeps widths predictable: a stand-in is as wide
 * as a control picture, and text_width counts it so.
 * Other invisible format characters stay: ZWSP, ZWNJ, ZWJ (needed by
 * Persian, Indic scripts and emoji), WORD JOINER, SOFT HYPHEN, the tags of
 * a flag; they are zero width and cannot reorder text, nor (tags outside a
 * flag, which source removes) hide any.
 * '\n' is C0 too: layout treats it as a hard break before it ever gets here.
 * Invalid UTF-8 (which source never lets through) counts as U+FFFD. */
#ifndef LECTERN_TEXT_H
#define LECTERN_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Display width of s[0, n_bytes) as the terminal will draw it (glibc
 * wcwidth semantics, so layout and ncurses agree); control characters count
 * as their visible replacement. */
int text_width(const char *s, size_t n_bytes);
/* Grapheme clusters are cut after this many code points, so that no
 * scan of one cluster (a line, a cursor step) is longer than a bound, even
 * for a file that is one cluster of 40,000 emoji joined by ZWJ or a letter
 * with 100,000 combining marks. The longest clusters of real text (a family
 * emoji with skin tones, a subdivision flag, an Indic conjunct with its
 * marks) take well under 32; Unicode's stream-safe format allows 31 (a
 * starter and 30 marks). */
#define TEXT_GRAPHEME_MAX_CPS 32
/* Bytes of s[0, n_bytes) that fit in cols columns without splitting a
 * grapheme cluster; *used_cols gets the width taken (may be NULL). Returns 0
 * when the first cluster alone is wider than cols. */
size_t text_fit(const char *s, size_t n_bytes, int cols, int *used_cols);
/* Next/previous grapheme cluster boundary from byte i (for cursor motion).
 * next returns n_bytes at the end, prev returns 0 at the start. Clusters are
 * found with u8_grapheme_breaks over a window of the text around i (flags and
 * ZWJ emoji stay whole; inside a cluster longer than TEXT_GRAPHEME_MAX_CPS
 * the cuts count from the window's start, so they may differ from
 * text_fit's by a few code points). */
size_t text_next_grapheme(const char *s, size_t n_bytes, size_t i);
size_t text_prev_grapheme(const char *s, size_t n_bytes, size_t i);
/* Nonzero if the code point at s must not be sent to a terminal as is: then
 * the value is the code point's length in bytes (>= 1). 0 if it is safe or
 * n_bytes is 0. */
int text_is_unsafe(const char *s, size_t n_bytes);

/* Removes the nonspacing marks (Mn) from s[0, n_bytes) in place, for
 * accent-insensitive matching of decomposed (NFD) text; returns the new
 * length in bytes. */
size_t text_strip_marks(char *s, size_t n_bytes);

/* UAX #14 break opportunities of s[0, n_bytes), exactly as libunistring's
 * u8_possible_linebreaks(s, n, "UTF-8", p) gives them (p holds n_bytes
 * values UC_BREAK_*), only faster on common text: for a text of printable
 * ASCII, '\n' and characters that break like some ASCII character (Latin,
 * Cyrillic and Greek letters, curly quotes…), it uses a table of ASCII
 * pairs learnt from libunistring itself on first use; anything else goes to
 * libunistring. (libunistring 1.0 decides those by character pairs alone;
 * tests/unit/test_text.c checks the equality on random and real text.) */
int text_linebreaks(const char *s, size_t n_bytes, char *p);
/* (Returns 1 when s is printable ASCII and '\n' only, so its width in
 * columns is its length in bytes; else 0.) */

/* What source.c does with code point cp on loading: */
enum text_format {
	TEXT_FMT_KEEP,	/* nothing (not one of the below) */
	TEXT_FMT_BIDI,	/* U+202A..U+202E, U+2066..U+2069: replaced by
			   text_visible_cp's arrow (and counted) */
	TEXT_FMT_DROP,	/* removed (and counted): LRM U+200E, RLM U+200F,
			   ALM U+061C (invisible direction marks), U+FEFF
			   after the start (ZWNBSP, a stray BOM), the
			   deprecated U+206A..U+206F */
	TEXT_FMT_LINE,	/* U+2028 LINE SEPARATOR: becomes '\n' */
	TEXT_FMT_PARA,	/* U+2029 PARAGRAPH SEPARATOR: becomes "\n\n" */
	TEXT_FMT_TAG,	/* U+E0000..U+E007F tags: kept in an emoji tag
			   sequence (U+1F3F4 then U+E0020..U+E007F, a
			   subdivision flag), else removed and counted: they
			   are invisible and can carry a hidden ASCII text */
};
int text_format_class(uint32_t cp);

/* One code point: its display width (of the visible form if unsafe); *len
 * gets its length in bytes (>= 1 when n_bytes > 0). */
int text_char_cols(const char *s, size_t n_bytes, size_t *len_bytes);
/* Bytes at the start of s[0, n_bytes) that may be sent to a terminal as
 * they are (up to the first unsafe or invalid code point). */
size_t text_safe_run(const char *s, size_t n_bytes);
/* The visible form of the code point at s, written NUL-terminated to out
 * (at most TEXT_VISIBLE_MAX bytes with the NUL): itself when safe, else the
 * replacement above. Returns the length written (without the NUL); *len_bytes
 * gets the code point's length in s. */
#define TEXT_VISIBLE_MAX 8
size_t text_visible(const char *s, size_t n_bytes, char out[TEXT_VISIBLE_MAX],
		    size_t *len_bytes);
/* A NUL-terminated copy of s[0, n_bytes) with every unsafe code point and
 * every invalid byte in its visible form (text_visible), for text that did
 * not come through source.c (a file name, an imported note) on its way to
 * a terminal. *out_bytes (may be NULL) gets its length. Caller frees. */
char *text_visible_dup(const char *s, size_t n_bytes, size_t *out_bytes);
/* Appends s[0, n_bytes) to b in its visible form (text_visible_dup), except
 * the line breaks and tabs, which are kept: for outputs made of lines and
 * tab-separated fields. */
struct buf;
void text_visible_add(struct buf *b, const char *s, size_t n_bytes);
/* The stand-in of code point cp (for a caller that has decoded it, as a
 * drawing loop has): NULL when cp is safe, else a static NUL-terminated
 * UTF-8 string of one column (the table above) whose length in bytes goes
 * to *len_bytes (may be NULL). An invalid byte, which a decoder gives as
 * U+FFFD, is the caller's to replace. */
const char *text_visible_cp(uint32_t cp, size_t *len_bytes);

#endif
