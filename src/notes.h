/* notes: the annotation store, an SQLite database.
 *
 * Location: $XDG_DATA_HOME/lectern/notes.db (default
 * ~/.local/share/lectern/notes.db; missing directories are created with
 * mode 0700), or any path given to notes_open.
 *
 * Durability: every change (add, update, delete, undelete) is one
 * BEGIN IMMEDIATE ... COMMIT transaction in WAL mode with synchronous=FULL,
 * and the call returns only after COMMIT succeeded: that is the moment the
 * UI may say "saved". There is no save on quit. A busy timeout (5 s) lets
 * two lectern processes write the same database; each sees the other's
 * notes on its next notes_list.
 *
 * Safety: a file that is not a lectern notes database we can read (a text
 * file, a truncated or corrupt database, another program's database, a
 * newer schema) is never written, "repaired" or deleted: notes_open fails
 * with a message, and notes_open_best falls back to read-only or to no
 * store, saying why. Deleted notes stay in the file (a trash flag) so that
 * notes_undelete can undo a delete, for NOTES_TRASH_DAYS days: opening a
 * store read-write purges the notes trashed longer ago than that.
 *
 * No file before the first note: notes_open_lazy (and so notes_open_best,
 * what the reader uses) creates neither the database nor its directories
 * until something is written, so that reading a document leaves nothing
 * on disk.
 *
 * Errors: functions returning int give 0 (or an id > 0) on success and -1
 * on failure with *err set to a new message (caller frees; err may be
 * NULL). Nothing here prints or exits. */
#ifndef LECTERN_NOTES_H
#define LECTERN_NOTES_H

#include <stddef.h>
#include "anchor.h"
#include "doc.h"
#include "note.h"

#define NOTES_SCHEMA_VERSION 1
#define NOTES_APPLICATION_ID 0x4c65634e	/* "LecN" in the file header */
#define NOTES_TRASH_DAYS 30	/* deleted notes are kept this long for undo */

typedef struct notes_store notes_store;

/* Opening. path NULL = the default location (directories created 0700).
 * notes_open: read-write; creates a new database when the file does not
 * exist; refuses (NULL, *err) anything it cannot read as a lectern notes
 * database, and a file or directory it cannot write.
 * notes_open_lazy: the same, but a missing or empty file is left alone
 * (nor are missing directories created) until the first change: it only
 * checks that it could create them (else NULL, *err). Until then reads
 * find no notes, and changes to a note by id say there is no such note;
 * a file another process creates meanwhile is opened when next read.
 * notes_open_readonly: never writes the database (an existing file only).
 * notes_open_best: what the reader uses: notes_open_lazy, else read-only,
 * else NULL; *why gets a message whenever the result is not read-write
 * (caller frees; NULL when all is well).
 * A read-write open of an existing database purges its old trash
 * (notes_purge_trash with NOTES_TRASH_DAYS), without waiting for another
 * writer: when one holds the lock, a later open does it. */
notes_store *notes_open(const char *path, char **err);
notes_store *notes_open_lazy(const char *path, char **err);
notes_store *notes_open_readonly(const char *path, char **err);
notes_store *notes_open_best(const char *path, char **why);
void notes_close(notes_store *s);
int notes_is_readonly(const notes_store *s);
/* NULL, or what a caller of notes_open_readonly must say: the file was
 * made by a newer lectern (a newer schema: read-only), or the store may
 * not show the latest notes (a -wal file it cannot read). notes_open_best
 * puts it in *why too. */
const char *notes_warning(const notes_store *s);
const char *notes_path(const notes_store *s);
/* The default path (new string): notes.db in the user's data directory
 * (paths.h: $XDG_DATA_HOME/lectern or ~/.local/share/lectern), or NULL when
 * there is none (notes_open* then fail with a message). */
char *notes_default_path(void);
/* Whether the database may have changed, without stat(): PRAGMA
 * data_version, a number that changes when ANOTHER connection (another
 * lectern) commits to the database, never for this store's own changes
 * (the caller knows those). Compare two values: equal means notes_list_*
 * would read nothing new. -1 on error, and always for a read-only store
 * that was opened while nobody had the database open: SQLite reads such a
 * file as immutable and sees no later change (stat the database and its
 * -wal file there, as before), and for a lazy store not created yet. */
long long notes_data_version(notes_store *s);
/* Milliseconds a write waits for another writer (default 5000). */
void notes_set_busy_timeout(notes_store *s, int ms);

/* Changes: one committed transaction each. notes_add stores a copy of *n
 * (id ignored) and returns the new id (> 0). notes_update rewrites body,
 * tags, anchor (with doc_fp and doc_key: the document the anchor's
 * positions refer to) and modified time of note n->id. notes_delete moves a note
 * to the trash; notes_undelete brings it back. */
long long notes_add(notes_store *s, const note *n, char **err);
int notes_update(notes_store *s, const note *n, char **err);
int notes_delete(notes_store *s, long long id, char **err);
int notes_undelete(notes_store *s, long long id, char **err);
/* Deletes for good the notes trashed more than days days ago (0: all but
 * those trashed within the current second). Returns how many, or -1 (another writer holds the lock:
 * it does not wait). 0 for a read-only store or one not created yet. */
long long notes_purge_trash(notes_store *s, int days, char **err);
/* Records the last re-attachment of note id (status name and score). */
int notes_record_status(notes_store *s, long long id, const char *status,
			double score, char **err);
/* Records the re-attachment (match) of every note of a list from
 * notes_list_doc whose stored status or score differs, in one transaction;
 * takes no lock and writes nothing when none differs. Returns the number
 * of notes updated, or -1. A read-only store: 0, nothing recorded. */
int notes_record_matches(notes_store *s, note_list *l, char **err);

/* Reading. A filter: tag (case-, accent- and typography-insensitive:
 * fold_eq) and text (in body, quote or tags, case-
 * and accent-insensitive); NULL or "" fields match everything. */
typedef struct notes_filter {
	const char *tag;
	const char *text;
} notes_filter;

/* One note by id (also a deleted one: *deleted says). Returns 1 found,
 * 0 not found, -1 error. */
int notes_get(notes_store *s, long long id, note *out, int *deleted, char **err);
/* The live notes of a document: those made on its fingerprint or carrying
 * its key, re-attached to it (each note's match, cur_path) and sorted in
 * reading order (orphans last, by old position). Appends to *out. */
int notes_list_doc(notes_store *s, const anchor_doc *ad, const notes_filter *f,
		   note_list *out, char **err);
/* Every live note in the store (any document), by id. */
int notes_list_all(notes_store *s, note_list *out, char **err);
/* Number of live notes (all documents), or -1. */
long long notes_count(notes_store *s, char **err);
/* Id of a stored note (live or deleted) with this uid, 0 if none, -1 on
 * error. Used by import to add nothing twice. */
long long notes_find_uid(notes_store *s, const char *uid, char **err);
/* Id of a live note of the same document key with the same created time
 * (when n has one), body and quote, 0 if none (import of files without
 * ids). */
long long notes_find_same(notes_store *s, const note *n, char **err);

/* A new random "urn:uuid:…" (version 4) for a note. */
char *notes_new_uid(void);
/* The id an imported note takes on the document with key doc_key when
 * its own uid is already a note of another document: a "urn:uuid:…"
 * (version 8) hashed from both, so that importing the same file again
 * finds it. A new string. */
char *notes_derived_uid(const char *uid, const char *doc_key);
/* Case- and accent-insensitive containment (for filters). */
int notes_text_matches(const char *haystack, const char *needle);

#endif
