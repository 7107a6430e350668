/* text: UTF-8 helpers for display: widths in terminal columns, clipping by
 * grapheme cluster, and the visible form of characters that must never be
 * sent to a terminal. Units are named: _bytes, _cols. */
#ifndef LECTERN_TEXT_H
#define LECTERN_TEXT_H

#include <stddef.h>

/* Display width of s[0, n_bytes) as the terminal will draw it (glibc
 * wcwidth semantics, so layout and ncurses agree); control characters count
 * as their visible replacement. */
int text_width(const char *s, size_t n_bytes);
/* Bytes of s[0, n_bytes) that fit in cols columns without splitting a
 * grapheme cluster; *used_cols gets the width taken (may be NULL). */
size_t text_fit(const char *s, size_t n_bytes, int cols, int *used_cols);
/* Next/previous grapheme cluster boundary from byte i (for cursor motion). */
size_t text_next_grapheme(const char *s, size_t n_bytes, size_t i);
size_t text_prev_grapheme(const char *s, size_t n_bytes, size_t i);
/* Nonzero if the code point at s must not be sent to a terminal as is. */
int text_is_unsafe(const char *s, size_t n_bytes);

#endif
