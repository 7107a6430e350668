/* parse: extracted UN document text -> the document model.
 *
 * Lines -> blocks -> tree: page furniture (job numbers, barcodes, running
 * headers, page numbers, continuation marks) goes to metadata; the lines of a
 * paragraph are joined; line-end hyphenation is repaired; blocks are
 * classified (heading, paragraph, numbered paragraph, sub-item, signature,
 * note, footnote) and built into a tree. Language words come from lang.c. */
#ifndef LECTERN_PARSE_H
#define LECTERN_PARSE_H

#include <stddef.h>
#include "doc.h"

typedef struct parse_options {
	const char *lang;	/* "en", "es", "fr", "ru"; NULL = detect */
} parse_options;

/* Parses text (len bytes of clean UTF-8, as made by source_load) into a new
 * document named name. Never fails: any text gives a tree (possibly of
 * plain paragraphs). The caller frees with doc_free. opt may be NULL. */
doc *parse_document(const char *name, const char *text, size_t len,
		    const parse_options *opt);

#endif
