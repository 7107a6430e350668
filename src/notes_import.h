/* notes_import: W3C Web Annotation JSON-LD (the shape notes_export.h
 * describes, and what it lists that import also takes) into the store,
 * re-anchored on the document being read. The rules (nothing added twice,
 * notes of another document refused unless forced, terminal safety of the
 * messages) are written out in notes_export.h. */
#ifndef LECTERN_NOTES_IMPORT_H
#define LECTERN_NOTES_IMPORT_H

#include <stddef.h>
#include "anchor.h"
#include "notes.h"

/* Counts of one import. */
typedef struct notes_import_stats {
	size_t added, present, rejected;	/* present: already stored */
	size_t status[4];	/* added notes by anchor_status */
	size_t new_ids;		/* added with a derived id (notes_derived_uid) */
	size_t other;		/* made on another document */
	size_t other_status[4];	/* those by where they go here */
	char other_doc[512];	/* the key (else fingerprint) of the first */
	char **warnings;	/* nwarnings messages for the user, in order,
				   without "lectern: " nor a line break; may
				   quote the file: print them visibly */
	size_t nwarnings, warnings_cap;
} notes_import_stats;

#define NOTES_IMPORT_FORCE 1u	/* import notes made on another document */
#define NOTES_IMPORT_MAX_BYTES ((size_t)64 << 20)	/* a larger file is refused */

/* Imports json_path into s, re-anchoring each annotation on ad's document.
 * The file is read by util_read_file (a regular file of at most
 * NOTES_IMPORT_MAX_BYTES: a FIFO or device is refused) and parsed with
 * duplicate keys refused. Each rejected annotation (not an Annotation, a
 * body that is not text, no quote) is named in st->warnings; so are notes
 * of another document imported by NOTES_IMPORT_FORCE. Returns 0; 1 when
 * the file holds notes of another document and flags lack
 * NOTES_IMPORT_FORCE: nothing written, *err says which documents and how
 * the notes would re-attach (st counts them); -1 with *err (unreadable
 * file, invalid JSON, a write that failed: the notes added before it
 * stay). Whatever it returns, st holds the warnings so far: the caller
 * prints them and calls notes_import_stats_clear. */
int notes_import_json(notes_store *s, const anchor_doc *ad, const char *json_path,
		      unsigned flags, notes_import_stats *st, char **err);
/* Frees st's warnings (the counts stay). */
void notes_import_stats_clear(notes_import_stats *st);

#endif
