/* layout: a pure function of (document, width) -> display lines.
 *
 * Each block is wrapped on first request with libunistring's UAX #14 line
 * breaking and East Asian widths (a word longer than the line is split by
 * grapheme clusters) and cached, so the first screen of a huge document is
 * ready before the rest is laid out. Every display line points back into the
 * model: a block and a byte range of its text. Positions survive a resize as
 * doc_pos (block, byte), never as line numbers.
 *
 * Geometry of a line: [gutter][indent][text]. The gutter (layout_gutter_cols)
 * holds the clause number on a block's first line, drawn by the caller from
 * the node's number/cite; indent depends on the node kind (sub-items deeper).
 * After each block except the last comes one blank separator line.
 *
 * Wrapping rules: break opportunities are UAX #14's (u8_possible_linebreaks);
 * lines are filled greedily by display width (text.h, the columns ncurses
 * draws), where trailing spaces do not count and are left out of the line;
 * '\n' in a text is a hard break; a piece wider than the line is split
 * between grapheme clusters (between code points only if one cluster is
 * wider than the whole line). A line's text is never wider than
 * layout_text_cols(lo, indent) unless a single code point is (impossible at
 * widths >= 10: no code point is wider than 2 columns). */
#ifndef LECTERN_LAYOUT_H
#define LECTERN_LAYOUT_H

#include <stddef.h>
#include "doc.h"

typedef struct layout_line {
	size_t block;		/* index in doc->blocks */
	size_t start, end;	/* bytes of the block's text, [start, end);
				   end excludes trailing spaces and '\n' */
	unsigned short indent;	/* columns between gutter and text */
	unsigned short cols;	/* display columns of the text */
	unsigned char first;	/* first line of its block */
	unsigned char blank;	/* the separator line after a block */
} layout_line;

/* A display line's address: block and line index within that block. */
typedef struct layout_addr {
	size_t block;
	size_t line;
} layout_addr;

typedef struct layout layout;

/* width_cols is the whole text area, gutter included (>= 10). The layout
 * keeps a pointer to d, which must outlive it. */
layout *layout_new(const doc *d, int width_cols);
void layout_free(layout *lo);
int layout_width(const layout *lo);
int layout_gutter_cols(const layout *lo);
/* The mark drawn before block b's first line: its printed number ("8.",
 * "(iv)"), else, for a paragraph whose sibling paragraphs have no printed
 * numbers either (the declaration's clauses), its cite number ("8"), which
 * is how people refer to it; NULL for none. Owned by the document. */
const char *layout_mark(const layout *lo, size_t b);
/* Columns left for text after the gutter and an indent. */
int layout_text_cols(const layout *lo, int indent);
/* Where a block's number goes on its first line: right-aligned to end one
 * column before the text (in the gutter; for indented sub-items inside the
 * indent). Returns the start column; *max_cols gets the columns the number
 * may take (clip it with text_fit when it is wider). */
int layout_number_col(const layout *lo, const layout_line *ln, int number_cols,
		      int *max_cols);

/* The lines of block b (laid out now if not yet); *n gets their count,
 * separator included. */
const layout_line *layout_block(layout *lo, size_t b, size_t *n);
/* Whether block b, once laid out, holds nothing text_safe_run would stop
 * at but '\n' (which no line holds): its lines can then go to a terminal
 * as they are. 0 when unsure. */
int layout_block_safe(const layout *lo, size_t b);
const layout_line *layout_line_at(layout *lo, layout_addr a);

/* Moves a by delta display lines (negative = up), clamped to the document;
 * returns the number of lines actually moved (absolute value). */
size_t layout_step(layout *lo, layout_addr *a, long delta);
layout_addr layout_first(layout *lo);
layout_addr layout_last(layout *lo);
/* The line that holds position p, and the position at a line's start. */
layout_addr layout_addr_of(layout *lo, doc_pos p);
doc_pos layout_pos_of(layout *lo, layout_addr a);
/* Lines laid out so far (for tests of laziness) and in total (lays out
 * everything: for non-interactive use). */
size_t layout_lines_done(const layout *lo);
size_t layout_total_lines(layout *lo);
/* Forgets the lines of block b (laid out again on the next request): lets a
 * single pass over a huge document (export_dump) keep memory bounded. Any
 * pointer layout_block returned for b becomes invalid. */
void layout_drop_block(layout *lo, size_t b);

#endif
