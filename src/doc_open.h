/* doc_open: the one way a document is opened from a file, for the command
 * line, the library's indexer and the reader's library pane alike: read and
 * clean its bytes (source.h: invalid UTF-8, controls, bidi marks), then
 * parse them with the options the user gave. Nothing here prints. */
#ifndef LECTERN_DOC_OPEN_H
#define LECTERN_DOC_OPEN_H

#include "doc.h"

typedef struct doc_open_options {
	const char *lang;	/* "en", "es", "fr", "ru"; NULL = detect */
	const char *report_prefix;	/* starts each line of *report
					   ("lectern: "); NULL = none */
} doc_open_options;

/* Reads path ("-" = standard input) and parses it. Returns the document
 * (caller frees with doc_free; its source facts set: meta.encoding,
 * meta.garbled, meta.invalid_bytes; the language of garbled text is not
 * guessed, meta.lang NULL unless opt->lang), or NULL with
 * *err (caller frees) naming the file in visible form. When report is not
 * NULL, *report gets what the clean-up changed (source_report: one line
 * per kind, each ending in '\n', the file named in visible form), or NULL
 * when nothing changed; the caller frees it. opt may be NULL (defaults). */
doc *doc_open(const char *path, const doc_open_options *opt, char **report,
	      char **err);

#endif
