/* db: SQLite helpers shared by notes.c and library.c (db.h).
 *
 * Invariants: nothing here writes a database or a file; a file is judged
 * by its first 100 bytes (SQLite's header) and its size. */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "util.h"

int
db_exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

int
db_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_collect(sqlite3_stmt *st, int (*row)(sqlite3_stmt *st, void *ctx), void *ctx)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = row(st, ctx)) != SQLITE_OK)
			break;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

db_file
db_file_inspect(const char *path, long long *size_bytes, unsigned long long *want_bytes)
{
	*size_bytes = 0;
	*want_bytes = 0;
	struct stat st;
	if (stat(path, &st) < 0)
		return errno == ENOENT ? DB_FILE_MISSING : DB_FILE_ERROR;
	*size_bytes = (long long)st.st_size;
	if (!S_ISREG(st.st_mode))
		return DB_FILE_NOT_REGULAR;
	if (st.st_size == 0)
		return DB_FILE_EMPTY;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return DB_FILE_ERROR;
	unsigned char h[100];
	size_t got = 0;
	while (got < sizeof h) {
		ssize_t r = read(fd, h + got, sizeof h - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return DB_FILE_ERROR;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got < 16 || memcmp(h, "SQLite format 3", 16) != 0)
		return DB_FILE_NOT_SQLITE;
	if (got < sizeof h)
		return DB_FILE_TRUNCATED;
	uint32_t page = (uint32_t)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	uint32_t pages = be32(h + 28);
	char *wal = xasprintf("%s-wal", path);
	struct stat ws;
	int has_wal = stat(wal, &ws) == 0 && ws.st_size > 0;
	free(wal);
	if (!has_wal && be32(h + 24) == be32(h + 92) && pages &&
	    (uint64_t)st.st_size < (uint64_t)pages * page) {
		*want_bytes = (unsigned long long)pages * page;
		return DB_FILE_TRUNCATED;
	}
	return DB_FILE_SQLITE;
}

int
db_identity(sqlite3 *db, long long app_id, int *ours, long long *version)
{
	long long app = 0, objects = 0, v = 0;
	int rc = db_int(db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = db_int(db, "PRAGMA user_version", &v);
	if (rc == SQLITE_OK)
		rc = db_int(db, "SELECT count(*) FROM sqlite_master", &objects);
	if (rc != SQLITE_OK)
		return rc;
	*ours = app == app_id || (app == 0 && objects == 0);
	*version = v;
	return SQLITE_OK;
}
