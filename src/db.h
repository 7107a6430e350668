/* db: the few SQLite helpers the notes store and the library index share.
 * No policy here (schemas, checks and messages stay with their owners). */
#ifndef LECTERN_DB_H
#define LECTERN_DB_H

#include <sqlite3.h>

/* Runs sql (one or more statements, no results wanted). SQLite's code. */
int db_exec(sqlite3 *db, const char *sql);
/* The first column of the first row of sql ("PRAGMA user_version") into
 * *out; *out is left alone when there is no row. SQLite's code. */
int db_int(sqlite3 *db, const char *sql, long long *out);

#endif
