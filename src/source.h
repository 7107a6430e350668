/* source: the bytes of one document, read into memory and made safe.
 *
 * After source_load the data is valid UTF-8 with '\n' line ends:
 * - invalid bytes became U+FFFD (counted in invalid_bytes);
 * - CR LF and lone CR became '\n';
 * - C0 controls other than '\n', '\t' and '\f' became their visible
 *   "control pictures" (U+2400 + c; DEL -> U+2421) and C1 controls U+FFFD
 *   (counted in control_chars), so no control character of the document can
 *   ever reach a terminal; '\f' (a page break from pdftotext) and '\t' are
 *   left for the parser;
 * - a leading UTF-8 BOM is dropped.
 * A file with NUL bytes is refused as binary; a PDF (by its magic) is run
 * through `pdftotext -layout` when that is installed. */
#ifndef LECTERN_SOURCE_H
#define LECTERN_SOURCE_H

#include <stddef.h>

#define SOURCE_MAX_BYTES ((size_t)256 << 20)	/* larger input is refused */

typedef struct source {
	char *name;		/* as given; "-" for stdin */
	char *data;		/* NUL-terminated, len bytes */
	size_t len;
	size_t invalid_bytes;
	size_t control_chars;
	int from_pdf;
} source;

/* Reads path ("-" = standard input). Returns 0, or -1 with *err set to a
 * message naming the file (caller frees): missing, unreadable, a directory,
 * empty, binary, too large, PDF without pdftotext. */
int source_load(const char *path, source *out, char **err);
/* The same checks and clean-up on bytes already in memory (copied). */
int source_from_memory(const char *name, const char *bytes, size_t n,
		       source *out, char **err);
void source_free(source *s);

#endif
