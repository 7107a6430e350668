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

/* The whole of a large document, parsed after its beginning is shown. */
typedef struct doc_open_job doc_open_job;

/* Cleaned texts larger than this are opened in two steps. */
#define DOC_OPEN_LARGE ((size_t)512 << 10)
/* Where the first step cuts: at the first blank line (else line end)
 * after this many bytes. */
#define DOC_OPEN_PREFIX ((size_t)256 << 10)

/* Like doc_open, for a reader that shows the beginning before the whole
 * is parsed: when the cleaned text is larger than DOC_OPEN_LARGE and has
 * a line end after DOC_OPEN_PREFIX, returns the document of its beginning
 * (parsed alone: its last blocks may differ from the whole's) and sets
 * *rest to the parse of the whole, which doc_open_start begins in a
 * thread; else the whole document, *rest NULL. The report is that of the
 * whole text. */
doc *doc_open_first(const char *path, const doc_open_options *opt,
		    char **report, char **err, doc_open_job **rest);
/* Begins parsing the whole in a worker thread (at once, in this thread,
 * when no thread can be made). Nothing else touches the job's text or
 * its document until doc_open_finish hands it over. */
void doc_open_start(doc_open_job *j);
/* 1 when the whole is parsed (doc_open_finish will not wait), else 0. */
int doc_open_ready(doc_open_job *j);
/* The bytes of the whole text and those the first document covers. */
size_t doc_open_total(const doc_open_job *j);
size_t doc_open_cut(const doc_open_job *j);
/* Waits for the whole (parses it here when never started), frees j and
 * returns the whole document (the caller frees it with doc_free). */
doc *doc_open_finish(doc_open_job *j);

#endif
