/* cli_out: how the command line writes anything that may hold outside
 * text (a file name, a catalog title, a note, a command-line value, a
 * message quoting a file) to a terminal: in its visible form (text.h,
 * text_visible_dup: ESC and the other C0 controls, DEL, C1 controls in
 * UTF-8 or as raw bytes, bidi embeddings, overrides and isolates, line and
 * paragraph separators, invalid bytes: each shown as one visible stand-in),
 * keeping only the line breaks and tabs the output itself is made of. */
#ifndef LECTERN_CLI_OUT_H
#define LECTERN_CLI_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* Appends s[0, n) to b in visible form, '\n' and '\t' kept. */
void cli_out_add(buf *b, const char *s, size_t n);
/* Writes s[0, n) to out in visible form ('\n' and '\t' kept): 0, or -1 on
 * a write error. */
int cli_out_write(FILE *out, const char *s, size_t n);
/* One field of a tab-separated line: s in visible form with tabs and line
 * breaks as spaces (so it cannot break the line). s may be NULL (nothing). */
void cli_out_field(FILE *out, const char *s, size_t n);
/* A message made from fmt, written to msg in visible form: every value in
 * it may come from outside. */
void cli_out_say(FILE *msg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* cli_out_say of "lectern: " + fmt + "\n": the form of every message. */
void cli_out_error(FILE *msg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The end of a view's output: flushes out and, when that or an earlier
 * write failed (failed nonzero, or out's error flag), says "write error"
 * on msg and returns 1; else returns status. */
int cli_out_end(FILE *out, FILE *msg, int failed, int status);
/* A document for a command-line view (doc_open with lang, NULL = detect):
 * the source's report said on msg; NULL with the error said on msg. */
struct doc;
struct doc *cli_out_open(const char *path, const char *lang, FILE *msg);

#endif
