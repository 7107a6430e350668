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
/* The reflowed text wrapped at width_cols, as the reader lays it out: each
 * block's mark (layout_mark) right-aligned before its first line, one blank
 * line between blocks, unsafe characters as their one-column stand-ins
 * (text_visible), no trailing spaces. Memory: one block's lines at a time. */
int export_dump(const doc *d, int width_cols, FILE *out);

#endif
