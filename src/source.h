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
 * - Unicode format characters that would let the text show other than it
 *   reads (text.h, text_format_class): the bidi embeddings, overrides and
 *   isolates U+202A..U+202E and U+2066..U+2069 became a visible one-column
 *   arrow each (text_visible_cp's; counted in bidi_controls), the invisible
 *   direction marks LRM, RLM, ALM, U+FEFF, the deprecated U+206A..U+206F
 *   and tag characters outside a flag (an invisible "hidden" text) were
 *   removed (counted in format_chars), U+2028 LINE SEPARATOR became '\n'
 *   and U+2029 PARAGRAPH SEPARATOR a blank line ("\n\n", uncounted, like
 *   CR LF); so no view, --dump and --json included, can reorder or hide text;
 * - a leading UTF-8 BOM is dropped.
 * Encodings: a file starting with a UTF-16 BOM (LE or BE) is converted
 * from UTF-16, and so is one without a BOM whose NUL bytes are those of
 * UTF-16 text (no_bom) when it converts to text; bytes that are not UTF-8 but read as text in Windows-1252
 * (Latin-1 and its punctuation) are converted from it, or from
 * Windows-1251 when they read as Cyrillic words instead (encoding says
 * which); else they stay invalid bytes. A file with NUL bytes is refused as
 * binary, and one with nothing but spaces, line breaks and a BOM as empty;
 * a PDF (by its magic) is run through `pdftotext -layout` when that is
 * installed, and refused when it has no text (a scan). */
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
	size_t bidi_controls;	/* bidi controls shown as arrows */
	size_t format_chars;	/* invisible marks removed */
	int from_pdf;
	const char *encoding;	/* what the bytes were converted from
				   ("Windows-1252", "Windows-1251",
				   "UTF-16LE", "UTF-16BE"; static), or NULL
				   for UTF-8 */
	int no_bom;		/* UTF-16 told by its NUL bytes, with no
				   byte order mark (source.c, utf16_guess) */
	int garbled;		/* the text looks like that of a PDF whose
				   fonts have no usable encoding (source.c,
				   looks_garbled): words of accented Latin
				   letters or of symbols; don't guess its
				   language */
} source;

/* Reads path ("-" = standard input). Returns 0, or -1 with *err set to a
 * message naming the file (caller frees): missing, unreadable, a directory,
 * empty, binary, too large, PDF without pdftotext. Messages are safe to
 * print on a terminal: control characters, bidi controls and invalid bytes
 * of the file name appear in their visible forms (text.h). */
int source_load(const char *path, source *out, char **err);
/* The same checks and clean-up on bytes already in memory (copied). */
int source_from_memory(const char *name, const char *bytes, size_t n,
		       source *out, char **err);
/* What the clean-up changed that a reader should be told, as lines
 * "PREFIX NAME: N invalid UTF-8 bytes shown as U+FFFD\n" (NAME in its
 * visible form, as in the messages of source_load; first "NAME: the text
 * looks garbled: the PDF's fonts have no usable encoding" when garbled and
 * "NAME: converted from Windows-1252" when converted ("converted from
 * UTF-16LE (no byte order mark)" for no_bom), then one line for each
 * count above that is not 0: invalid bytes, control characters, bidi
 * controls, removed marks), for the caller to print (source never prints).
 * Returns a string the caller frees, or NULL when there is nothing to say. */
char *source_report(const source *s, const char *prefix);
void source_clear(source *s);

#endif
