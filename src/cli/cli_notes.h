/* cli_notes: the command line's notes views (the store is notes.h, the
 * formats notes_export.h and notes_import.h). Each returns the process
 * exit status: 0 success, 1 the database or a data file cannot be used,
 * 2 usage error; results go to out, messages ("lectern: ...") to msg,
 * all in visible form (cli_out.h). db NULL = the default database. */
#ifndef LECTERN_CLI_NOTES_H
#define LECTERN_CLI_NOTES_H

#include <stdio.h>

#include "doc.h"

/* lectern --notes FILE: one line per note, in reading order:
 *   ID <TAB> STATUS[ SCORE] <TAB> CITATION <TAB> PATH <TAB> NOTE [#tag …]
 * (an orphan: its quote, then "—" for the path; the first line of the
 * note, then its tags that line does not already show as #words; status
 * "ok", "moved", "fuzzy 0.93", "orphan"). No database yet: nothing
 * printed, exit 0. */
int cli_notes_list(doc *d, const char *db, FILE *out, FILE *msg);
/* lectern --notes-export=md|json FILE. */
int cli_notes_export(doc *d, const char *db, const char *format, FILE *out,
		     FILE *msg);
/* lectern --notes-import=FILE.json DOC: prints "imported N notes (…)" when
 * it imported (also after a failure that left some notes added; not after
 * one that added none). Notes made on another document: refused with the
 * reason on msg, exit 1 (no database is created), unless flags has
 * NOTES_IMPORT_FORCE (lectern --force). */
int cli_notes_import(doc *d, const char *db, const char *json_path,
		     unsigned flags, FILE *out, FILE *msg);
/* lectern --note-add=WHERE --text=TEXT [--tag=T]… DOC: WHERE is a node
 * path (the whole clause) or PATH@QUOTE (the first occurrence of QUOTE in
 * that node's text). tags: NULL-terminated, may be NULL. Prints the new
 * id. */
int cli_notes_add(doc *d, const char *db, const char *where, const char *text,
		  const char *const *tags, FILE *out, FILE *msg);
/* lectern --note-delete=ID: moves note ID to the trash. */
int cli_notes_delete(const char *db, const char *id, FILE *msg);

#endif
