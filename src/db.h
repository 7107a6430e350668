/* db: the few SQLite helpers the notes store and the library index share:
 * running statements, and the one answer to "is this SQLite file ours"
 * (before opening: db_file_inspect; once open: db_identity). No policy
 * here: schemas and messages stay with their owners. */
#ifndef LECTERN_DB_H
#define LECTERN_DB_H

#include <sqlite3.h>

/* Runs sql (one or more statements, no results wanted). SQLite's code. */
int db_exec(sqlite3 *db, const char *sql);
/* The first column of the first row of sql ("PRAGMA user_version") into
 * *out; *out is left alone when there is no row. SQLite's code. */
int db_int(sqlite3 *db, const char *sql, long long *out);

/* Steps st (prepared and bound by the caller) to its end, calling
 * row(st, ctx) on each row, then finalizes st. row returns SQLITE_OK to go
 * on, or an error code to stop with. Returns SQLITE_OK or the first error
 * (of SQLite or of row). */
int db_collect(sqlite3_stmt *st, int (*row)(sqlite3_stmt *st, void *ctx), void *ctx);

/* What the file at path is, looked at without changing it, before SQLite
 * opens it (SQLite takes a file shorter than its header, or any file it
 * does not recognise at first, for an empty database and may write over
 * it). */
typedef enum db_file {
	DB_FILE_MISSING,	/* no such file (stat: ENOENT) */
	DB_FILE_EMPTY,		/* zero bytes: nothing to lose */
	DB_FILE_SQLITE,		/* an SQLite database, not visibly truncated */
	DB_FILE_NOT_SQLITE,	/* a file without SQLite's header */
	DB_FILE_TRUNCATED,	/* SQLite's header, fewer bytes than it says */
	DB_FILE_NOT_REGULAR,	/* a directory, a FIFO, a device */
	DB_FILE_ERROR,		/* stat, open or read failed: errno says */
} db_file;

/* Inspects path. *size_bytes gets its size, *want_bytes (for
 * DB_FILE_TRUNCATED) the size its header gives (0 when the header itself
 * is cut). The page count is trusted only when the header's two change
 * counters agree and no -wal file is beside it (a checkpoint cut short
 * legitimately leaves the main file behind: SQLite recovers that). */
db_file db_file_inspect(const char *path, long long *size_bytes,
			unsigned long long *want_bytes);

/* Whether the open database is ours: its application_id is app_id, or it
 * is new (application_id 0 and no schema object). *ours gets 1 or 0,
 * *version its user_version. Returns SQLite's code (on an error *ours and
 * *version are not set; sqlite3_errmsg(db) says why). */
int db_identity(sqlite3 *db, long long app_id, int *ours, long long *version);

#endif
