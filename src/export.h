/* export: the non-interactive views of a document, printed to a stream.
 * These are what the golden tests check. Each returns 0, or -1 on a write
 * error (errno set). */
#ifndef LECTERN_EXPORT_H
#define LECTERN_EXPORT_H

#include <stdio.h>
#include "doc.h"

/* One line per node, indented by depth: kind, cite number, label. */
int export_outline(const doc *d, FILE *out);
/* The model as JSON (schema in docs/json-schema.md). */
int export_json(const doc *d, FILE *out);
/* json_dumpf for any JSON lectern writes (also notes_export's): jansson
 * escapes only C0 controls; this also escapes DEL, C1 controls, the bidi
 * embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) and
 * U+2028/U+2029 as \uXXXX, so no string in it can act on a terminal or
 * reorder what it shows. 0, or -1 on a write error. */
struct json_t;
int export_json_dumpf(const struct json_t *j, FILE *out, size_t flags);
/* The reflowed text wrapped at width_cols, as the reader lays it out: each
 * block's mark (layout_mark) right-aligned before its first line, one blank
 * line between blocks, unsafe characters as their one-column stand-ins
 * (text_visible), no trailing spaces. Memory: one block's lines at a time. */
int export_dump(const doc *d, int width_cols, FILE *out);

#endif
