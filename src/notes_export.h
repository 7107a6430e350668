/* notes_export: notes as Markdown and as W3C Web Annotation JSON-LD; the
 * import of such JSON is notes_import.h (the command line's --notes views are
 * src/cli/cli_notes.c).
 *
 * JSON-LD shape (made and read with jansson, never by hand):
 *   { "@context": "http://www.w3.org/ns/anno.jsonld",
 *     "id": "urn:uuid:…", "type": "AnnotationCollection", "label": …, "total": N,
 *     "created": first note's, "modified": latest change's (when N > 0),
 *     "first": { "id": "urn:uuid:…", "type": "AnnotationPage",
 *                "partOf": the collection's id, "startIndex": 0, "items": [
 *       { "@context": "http://www.w3.org/ns/anno.jsonld",
 *         "id": "urn:uuid:…", "type": "Annotation", "motivation": "commenting",
 *         "created": …, "modified": …,
 *         "generator": { "id": "urn:lectern:software:VERSION", "type": "Software",
 *                        "name": "lectern VERSION", "nickname": "lectern" },
 *         "body": [ { "type": "TextualBody", "purpose": "commenting",
 *                     "format": "text/plain", "value": "the note" },
 *                   { "type": "TextualBody", "purpose": "tagging",
 *                     "format": "text/plain", "value": "tag" } ],
 *         "target": { "source": "urn:lectern:fp1:…",
 *           "urn:lectern:document-key": "symbol:A/75/123@es",
 *           "selector": [ { "type": "TextQuoteSelector", "exact", "prefix", "suffix" },
 *                         { "type": "TextPositionSelector", "start", "end" },
 *                         { "type": "FragmentSelector",
 *                           "conformsTo": "urn:lectern:node-path", "value": "annex1/decl/p8" } ] } } ] },
 *     "last": the page's id }
 * Each annotation carries its own @context, so that one copied out of the
 * collection is a whole W3C annotation. The collection and page ids are
 * version 8 UUIDs that notes_derived_uid makes of a fixed name and the
 * document key: every export of one document's notes has the same ids
 * (the collection is "the notes on this document", whatever they are
 * now). There is one tagging body per tag: the stored tags and the #tags
 * typed in the note (note_next_hashtag), once each (folded).
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
 * Terminal safety: notes come from JSON files, the command line or the
 * database, not through source.c, so what the Markdown writer prints has
 * every control character, bidi override or invalid byte in its visible
 * form (text_visible_dup), line breaks and tabs kept. JSON output is
 * escaped by export_json_dumpf (C1 and bidi controls too). Import prints
 * nothing: its *err and warnings may quote the file as it is, and the
 * caller prints them the same way (cli_out). */
#ifndef LECTERN_NOTES_EXPORT_H
#define LECTERN_NOTES_EXPORT_H

#include <stdio.h>
#include "doc.h"
#include "notes.h"
#include "util.h"

/* The identifiers of the shape above (notes_import.c reads them too). */
#define NOTES_NODE_PATH_SPEC "urn:lectern:node-path"
#define NOTES_SOURCE_PREFIX "urn:lectern:"	/* + the document's fingerprint */
#define NOTES_DOC_KEY_PROP "urn:lectern:document-key"	/* the target's document key */

/* Writers: 0, or -1 on a write error. l is a list from notes_list_doc. */
int notes_export_md(const doc *d, const anchor_doc *ad, const note_list *l, FILE *out);
int notes_export_jsonld(const doc *d, const anchor_doc *ad, const note_list *l, FILE *out);

#endif
