/* notes_export: notes as Markdown and as W3C Web Annotation JSON-LD, the
 * import of such JSON, and the command-line entry points main.c calls.
 *
 * JSON-LD shape (made and read with jansson, never by hand):
 *   { "@context": "http://www.w3.org/ns/anno.jsonld",
 *     "type": "AnnotationCollection", "label": …, "total": N,
 *     "first": { "type": "AnnotationPage", "startIndex": 0, "items": [
 *       { "id": "urn:uuid:…", "type": "Annotation", "motivation": "commenting",
 *         "created": …, "modified": …,
 *         "body": [ { "type": "TextualBody", "purpose": "commenting",
 *                     "format": "text/plain", "value": "the note" },
 *                   { "type": "TextualBody", "purpose": "tagging", "value": "tag" } ],
 *         "target": { "source": "urn:lectern:fp1:…",
 *           "urn:lectern:document-key": "symbol:A/75/123@es",
 *           "selector": [ { "type": "TextQuoteSelector", "exact", "prefix", "suffix" },
 *                         { "type": "TextPositionSelector", "start", "end" },
 *                         { "type": "FragmentSelector",
 *                           "conformsTo": "urn:lectern:node-path", "value": "annex1/decl/p8" } ] } } ] } }
 * Positions are characters (code points) of the reflowed text. Import also
 * takes a lone Annotation, an AnnotationPage or a JSON array of them, and
 * "bodyValue". The document key (anchor.h) is an extension property of
 * the target (an absolute IRI as name, which JSON-LD keeps as it is).
 *
 * Import adds nothing twice: an annotation whose id is stored already for
 * this document (its fingerprint or key; even in the trash), or without id
 * but with the same document, created time, body and quote, is skipped. An
 * id stored for ANOTHER document does not stop the import: the note takes
 * the id notes_derived_uid makes of its id and this document's key (so a
 * second import finds it in turn).
 *
 * The document: an annotation whose target names a lectern document
 * (source "urn:lectern:fp1:…" and/or the key) that is not this one, by
 * fingerprint nor key, was made on another document. Import then refuses
 * the whole file, writing nothing, and says how its notes would re-attach
 * here, unless NOTES_IMPORT_FORCE is given (then it warns and imports).
 * A corrected version of the document (same key) or a re-extraction (same
 * fingerprint) is this document; annotations naming no lectern document
 * (other tools, bare quotes) are not checked.
 *
 * CLI functions return a process exit code: 0 success, 1 the database or a
 * data file cannot be used (message on msg), 2 usage error. db NULL = the
 * default database. They write results to out and messages to msg.
 *
 * Terminal safety: notes come from JSON files, the command line or the
 * database, not through source.c, so what the Markdown writer, --notes and
 * the import messages print has every control character, bidi override or
 * invalid byte in its visible form (text_visible_dup), line breaks and tabs
 * kept. JSON output is escaped by jansson. The *err of notes_import_json
 * may quote the file as it is: print it the same way. */
#ifndef LECTERN_NOTES_EXPORT_H
#define LECTERN_NOTES_EXPORT_H

#include <stdio.h>
#include "doc.h"
#include "notes.h"

/* Citation of a node in the document's language ("Anexo, párr. 8"); a new
 * string. NULL nd gives "—". */
char *notes_cite(const doc *d, const node *nd);

/* Writers: 0, or -1 on a write error. l is a list from notes_list_doc. */
int notes_export_md(const doc *d, const anchor_doc *ad, const note_list *l, FILE *out);
int notes_export_jsonld(const doc *d, const anchor_doc *ad, const note_list *l, FILE *out);

/* Counts of one import. */
typedef struct notes_import_stats {
	size_t added, present, rejected;	/* present: already stored */
	size_t status[4];	/* added notes by anchor_status */
	size_t new_ids;		/* added with a derived id (notes_derived_uid) */
	size_t other;		/* made on another document */
	size_t other_status[4];	/* those by where they go here */
	char other_doc[512];	/* the key (else fingerprint) of the first */
} notes_import_stats;

#define NOTES_IMPORT_FORCE 1u	/* import notes made on another document */

/* Imports json_path into s, re-anchoring each annotation on ad's document.
 * Rejected annotations (no quote, not an Annotation) are named on msg.
 * Returns 0 (with a warning on msg when notes of another document were
 * imported by NOTES_IMPORT_FORCE); 1 when the file holds notes of another
 * document and flags lack NOTES_IMPORT_FORCE: nothing written, *err says
 * which documents and how the notes would re-attach (st counts them); -1
 * with *err (unreadable file, invalid JSON, a write that failed: the notes
 * added before it stay). */
int notes_import_json(notes_store *s, const anchor_doc *ad, const char *json_path,
		      unsigned flags, notes_import_stats *st, FILE *msg, char **err);

/* lectern --notes FILE: one line per note, in reading order:
 *   ID <TAB> STATUS[ SCORE] <TAB> CITATION <TAB> PATH <TAB> NOTE [#tag …]
 * (an orphan's citation and path are those it had: cite_of_path)
 * (the first line of the note, then its tags that line does not already
 * show as #words; status "ok", "moved", "fuzzy 0.93", "orphan"). No
 * database yet: nothing printed, exit 0. */
int notes_cli_list(doc *d, const char *db, FILE *out, FILE *msg);
/* lectern --notes-export=md|json FILE. */
int notes_cli_export(doc *d, const char *db, const char *format, FILE *out, FILE *msg);
/* lectern --notes-import FILE.json DOC: prints "imported N notes (…)".
 * Notes made on another document: refused with the reason on msg, exit 1
 * (no database is created), unless flags has NOTES_IMPORT_FORCE
 * (lectern --force). notes_cli_import: flags 0. */
int notes_cli_import_flags(doc *d, const char *db, const char *json_path, unsigned flags,
			   FILE *out, FILE *msg);
int notes_cli_import(doc *d, const char *db, const char *json_path, FILE *out, FILE *msg);
/* lectern --note-add WHERE TEXT [--tag T]… DOC: WHERE is a node path (the
 * whole clause) or PATH@QUOTE (the first occurrence of QUOTE in that node's
 * text). tags: NULL-terminated, may be NULL. Prints the new id. */
int notes_cli_add(doc *d, const char *db, const char *where, const char *text,
		  const char *const *tags, FILE *out, FILE *msg);
/* lectern --note-delete ID: moves note ID to the trash. */
int notes_cli_delete(const char *db, const char *id, FILE *msg);

/* “the quote”, on one line (runs of white space as one space), cut after a
 * word to cols columns (the quotation marks not counted) with '…': how an
 * orphan is named, having no clause. Caller frees. */
char *notes_quote_line(const char *exact, int cols);

#endif
