/* notes: the annotation store (see notes.h for the contract).
 *
 * Invariants:
 * - a store opened read-write has passed, before its first write, a header
 *   check (SQLite magic, not truncated), PRAGMA quick_check and the
 *   application_id / user_version check: a file that fails any of them is
 *   never written;
 * - every write runs in BEGIN IMMEDIATE ... COMMIT (deferred BEGIN would
 *   fail with SQLITE_BUSY_SNAPSHOT instead of waiting: SQLite documents this for WAL), and on
 *   any failure is rolled back before the function returns;
 * - a read-only store never writes and, when the database has no -wal file
 *   (nobody has it open), opens it immutable so that no -wal/-shm file is
 *   created next to it. */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/stat.h>

#include <sqlite3.h>
#include <unicase.h>
#include <uninorm.h>

#include "db.h"
#include "fold.h"
#include "notes.h"
#include "paths.h"
#include "text.h"
#include "util.h"

struct notes_store {
	sqlite3 *db;
	char *path;
	int readonly;
	int immutable;		/* read-only, opened immutable: sees no change */
	int pending;		/* read-write, file not created yet: db NULL
				   until the first write (notes_open_lazy) */
	int make_dirs;		/* the default location: create directories */
	int busy_ms;
	char *warning;		/* why what is shown may be incomplete */
	long long newer;	/* schema version a newer lectern wrote, else 0 */
	struct timespec busy_since;	/* first failed try of the current wait */
	unsigned jitter;		/* rand_r state for the busy handler */
};

/* SQLite's own busy handler backs off to 100 ms sleeps, so a process
 * waiting for a writer that commits in a tight loop (an import, the
 * concurrency test) only rarely catches the lock free between two
 * transactions and can starve until the timeout. Short random sleeps
 * (0.1-1 ms) poll often enough to get in. Returns nonzero to try again. */
static int
busy_wait(void *arg, int tries)
{
	notes_store *s = arg;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (tries == 0)
		s->busy_since = now;
	long long waited_ms = (long long)(now.tv_sec - s->busy_since.tv_sec) * 1000 +
			      (now.tv_nsec - s->busy_since.tv_nsec) / 1000000;
	if (waited_ms >= s->busy_ms)
		return 0;
	usleep(100 + rand_r(&s->jitter) % 900);
	return 1;
}

static void
set_busy(notes_store *s)
{
	sqlite3_busy_handler(s->db, busy_wait, s);
}

static int begin_write(notes_store *s, char **err);
static int end_write(notes_store *s, int rc, char **err);
static void bind_text(sqlite3_stmt *st, int i, const char *v);
static long long query_id(notes_store *s, const char *sql, char **err,
			  const char *const *args, size_t nargs);
static int ready(notes_store *s, int create, char **err);

/* Migrations: entry i takes the schema from version i to i + 1. Never edit
 * a released entry; append a new one. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE note("
	" id INTEGER PRIMARY KEY,"
	" uid TEXT NOT NULL UNIQUE,"		/* W3C annotation id */
	" doc_fp TEXT NOT NULL,"		/* fingerprint (anchor.h) */
	" doc_key TEXT NOT NULL,"		/* document identity */
	" path TEXT NOT NULL,"			/* node path */
	" exact TEXT NOT NULL,"			/* TextQuoteSelector */
	" prefix TEXT NOT NULL DEFAULT '',"
	" suffix TEXT NOT NULL DEFAULT '',"
	" pos_start INTEGER NOT NULL,"		/* TextPositionSelector, chars */
	" pos_end INTEGER NOT NULL,"
	" body TEXT NOT NULL,"
	" created TEXT NOT NULL,"		/* ISO 8601 UTC */
	" modified TEXT NOT NULL,"
	" deleted TEXT,"			/* NULL = live, else trash time */
	" status TEXT,"				/* last re-attachment */
	" score REAL);"
	"CREATE INDEX note_fp ON note(doc_fp, pos_start);"
	"CREATE INDEX note_key ON note(doc_key);"
	"CREATE TABLE note_tag("
	" note INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL,"
	" PRIMARY KEY(note, tag)) WITHOUT ROWID;"
	"CREATE INDEX note_tag_tag ON note_tag(tag);",
};

_Static_assert(ARRAY_LEN(migrations) == NOTES_SCHEMA_VERSION,
	       "one migration per schema version");

/* --- lists -------------------------------------------------------------- */

static note *
list_push(note_list *l)
{
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	note *n = &l->v[l->n++];
	memset(n, 0, sizeof *n);
	return n;
}

/* --- small helpers ------------------------------------------------------- */

static void
set_err(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
set_err(char **err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	free(*err);
	*err = s ? s : xstrdup("notes: out of memory");
}

/* The SQLite error in words a reader understands. */
static const char *
db_reason(sqlite3 *db, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "the database is locked by another program";
	case SQLITE_READONLY:
		return "the database file or its directory is read-only";
	case SQLITE_CORRUPT:
		return "the database is damaged";
	case SQLITE_NOTADB:
		return "the file is not a database";
	case SQLITE_FULL:
		return "the disk is full";
	case SQLITE_IOERR:
		return "input/output error";
	case SQLITE_CANTOPEN:
		return "the file cannot be opened";
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return "permission denied";
	default:
		return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	}
}

static void
now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* "urn:uuid:…" of the 16 bytes r with the version and RFC 4122 variant
 * bits set. */
static char *
uuid_urn(unsigned char r[16], int version)
{
	r[6] = (unsigned char)((r[6] & 0x0f) | (version << 4));
	r[8] = (r[8] & 0x3f) | 0x80;
	return xasprintf("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
			 "%02x%02x%02x%02x%02x%02x", r[0], r[1], r[2], r[3], r[4],
			 r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
			 r[14], r[15]);
}

char *
notes_new_uid(void)
{
	unsigned char r[16];
	size_t got = 0;
	while (got < sizeof r) {
		ssize_t k = getrandom(r + got, sizeof r - got, 0);
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	if (got < sizeof r) {	/* no entropy source: time, pid, counter */
		static unsigned counter;
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
			     ((uint64_t)getpid() << 40) ^ ++counter;
		for (size_t i = 0; i < sizeof r; i++) {
			x ^= x << 13; x ^= x >> 7; x ^= x << 17;
			r[i] = (unsigned char)x;
		}
	}
	return uuid_urn(r, 4);
}

char *
notes_derived_uid(const char *uid, const char *doc_key)
{
	buf b;
	buf_init(&b);
	buf_printf(&b, "%s\n%s", uid ? uid : "", doc_key ? doc_key : "");
	uint64_t h[2];
	anchor_hash128(b.s, b.len, h);
	buf_clear(&b);
	unsigned char r[16];
	for (int i = 0; i < 8; i++) {
		r[i] = (unsigned char)(h[0] >> (56 - 8 * i));
		r[8 + i] = (unsigned char)(h[1] >> (56 - 8 * i));
	}
	return uuid_urn(r, 8);	/* version 8: RFC 9562's custom UUID */
}

/* fold_str with FOLD_ALL: case, accents and typography folded, so that
 * "informacion" finds "Información" and "people's" finds "people’s". New
 * NUL-terminated string. */
static char *
fold(const char *s)
{
	return fold_str(s, strlen(s), FOLD_ALL, NULL);
}

int
notes_text_matches(const char *haystack, const char *needle)
{
	if (!needle || !*needle)
		return 1;
	if (!haystack)
		return 0;
	char *h = fold(haystack), *nd = fold(needle);
	int r = strstr(h, nd) != NULL;
	free(h);
	free(nd);
	return r;
}

/* --- paths --------------------------------------------------------------- */

char *
notes_default_path(void)
{
	return paths_data_file("notes.db");
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* --- checks before any write -------------------------------------------- */

/* The first leading part of path that exists and is not a directory. */
static char *
first_non_dir(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		struct stat st;
		if (stat(p, &st) == 0 && !S_ISDIR(st.st_mode))
			return p;
		*s = '/';
	}
	free(p);
	return dir_of(path);
}

enum file_state { FILE_NEW, FILE_EMPTY, FILE_DB, FILE_BAD };

/* Looks at path without changing it: FILE_NEW (absent), FILE_EMPTY (zero
 * bytes: SQLite treats it as an empty database), FILE_DB (an SQLite file
 * that is not visibly truncated) or FILE_BAD with *err. */
static enum file_state
inspect_file(const char *path, char **err)
{
	long long size;
	unsigned long long want;
	switch (db_file_inspect(path, &size, &want)) {
	case DB_FILE_MISSING:
		return FILE_NEW;
	case DB_FILE_EMPTY:
		return FILE_EMPTY;
	case DB_FILE_SQLITE:
		return FILE_DB;
	case DB_FILE_ERROR:
		if (errno == ENOTDIR) {
			char *bad = first_non_dir(path);
			set_err(err, "cannot use %s: %s is not a directory", path, bad);
			free(bad);
		} else {
			set_err(err, "cannot read %s: %s", path, strerror(errno));
		}
		return FILE_BAD;
	case DB_FILE_NOT_REGULAR: {
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			set_err(err, "%s is a directory, not a notes database", path);
		else
			set_err(err, "%s is not a regular file", path);
		return FILE_BAD;
	}
	case DB_FILE_NOT_SQLITE:
		set_err(err, "%s is not an SQLite database (not a notes file?); "
			"it was left untouched", path);
		return FILE_BAD;
	case DB_FILE_TRUNCATED:
		if (want)
			set_err(err, "%s is a truncated database (%lld of %llu bytes); it "
				"was left untouched", path, size, want);
		else
			set_err(err, "%s is a truncated database (%lld bytes); it was left "
				"untouched", path, size);
		return FILE_BAD;
	}
	return FILE_BAD;
}

/* PRAGMA quick_check: SQLITE_OK when the file reads as a sound database. */
static int
quick_check(sqlite3 *db, const char *path, char **err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const char *r = (const char *)sqlite3_column_text(st, 0);
			if (r && strcmp(r, "ok") == 0) {
				rc = SQLITE_OK;
			} else {
				set_err(err, "%s is damaged (%s); it was left untouched",
					path, r ? r : "?");
				rc = SQLITE_CORRUPT;
			}
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK && rc != SQLITE_CORRUPT)
		set_err(err, "%s cannot be read: %s; it was left untouched", path,
			db_reason(db, rc));
	else if (rc == SQLITE_CORRUPT && err && !*err)
		set_err(err, "%s is damaged; it was left untouched", path);
	return rc;
}

/* Our database, an empty one, or something else? Also the schema version. */
static int
check_identity(sqlite3 *db, const char *path, long long *version, char **err)
{
	int ours;
	int rc = db_identity(db, NOTES_APPLICATION_ID, &ours, version);
	if (rc != SQLITE_OK) {
		set_err(err, "%s cannot be read: %s", path, db_reason(db, rc));
		return -1;
	}
	if (!ours) {
		set_err(err, "%s is an SQLite database of another program, not "
			"lectern notes; it was left untouched", path);
		return -1;
	}
	return 0;
}

/* Brings the schema to NOTES_SCHEMA_VERSION inside one IMMEDIATE
 * transaction, so that two processes opening a new file do not both
 * migrate. */
static int
migrate(notes_store *s, char **err)
{
	int rc = db_exec(s->db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK) {
		set_err(err, "%s: %s", s->path, db_reason(s->db, rc));
		return -1;
	}
	long long v = 0;
	if (check_identity(s->db, s->path, &v, err) < 0) {
		db_exec(s->db, "ROLLBACK");
		return -1;
	}
	if (v > NOTES_SCHEMA_VERSION) {
		set_err(err, "%s was written by a newer lectern (schema %lld, this "
			"one knows %d)", s->path, v, NOTES_SCHEMA_VERSION);
		db_exec(s->db, "ROLLBACK");
		return -1;
	}
	for (; v < NOTES_SCHEMA_VERSION && rc == SQLITE_OK; v++)
		rc = db_exec(s->db, migrations[v]);
	if (rc == SQLITE_OK) {
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d",
			 NOTES_APPLICATION_ID, NOTES_SCHEMA_VERSION);
		rc = db_exec(s->db, sql);
	}
	if (rc == SQLITE_OK)
		rc = db_exec(s->db, "COMMIT");
	if (rc != SQLITE_OK) {
		set_err(err, "%s: cannot set up the notes tables: %s", s->path,
			db_reason(s->db, rc));
		db_exec(s->db, "ROLLBACK");
		return -1;
	}
	return 0;
}

/* Why there is no default notes file (paths.h). */
#define NO_PLACE "the notes have no place: neither XDG_DATA_HOME nor HOME nor " \
	"the password database gives an absolute directory (use --notes-db FILE)"

static notes_store *
store_new(const char *path)
{
	notes_store *s = xcalloc(1, sizeof *s);
	s->path = path ? xstrdup(path) : notes_default_path();
	s->busy_ms = 5000;
	s->jitter = (unsigned)getpid() ^ (unsigned)time(NULL);
	return s;
}

void
notes_close(notes_store *s)
{
	if (!s)
		return;
	if (s->db)
		sqlite3_close_v2(s->db);
	free(s->warning);
	free(s->path);
	free(s);
}

/* Deletes the notes that have been in the trash for more than days days
 * (and their tags). Opening must not wait for another writer: it looks
 * first (a read, no lock) and takes the write lock only when there is
 * something to purge, without waiting for it; when another process holds
 * it, the purge is left to a later open. Returns the number purged, or -1. */
static long long
purge_trash(notes_store *s, int days, char **err)
{
	char cutoff[32];
	time_t t = time(NULL) - (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(cutoff, sizeof cutoff, "%Y-%m-%dT%H:%M:%SZ", &tm);
	const char *args[] = { cutoff };
	long long old = query_id(s, "SELECT count(*) FROM note WHERE deleted IS NOT NULL"
				 " AND deleted < ?1", err, args, 1);
	if (old <= 0)
		return old;
	int busy = s->busy_ms;
	s->busy_ms = 0;
	int rc = begin_write(s, err);
	s->busy_ms = busy;
	if (rc < 0)
		return -1;
	/* The tags first (foreign_keys would cascade; this does not rely on
	 * it), then the notes. */
	static const char *const sql[] = {
		"DELETE FROM note_tag WHERE note IN (SELECT id FROM note"
		" WHERE deleted IS NOT NULL AND deleted < ?1)",
		"DELETE FROM note WHERE deleted IS NOT NULL AND deleted < ?1",
	};
	long long purged = 0;
	rc = SQLITE_OK;
	for (size_t i = 0; i < ARRAY_LEN(sql) && rc == SQLITE_OK; i++) {
		sqlite3_stmt *st;
		rc = sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL);
		if (rc != SQLITE_OK)
			break;
		bind_text(st, 1, cutoff);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
		sqlite3_finalize(st);
		purged = sqlite3_changes(s->db);
	}
	if (end_write(s, rc, err) < 0)
		return -1;
	return purged;
}

long long
notes_purge_trash(notes_store *s, int days, char **err)
{
	if (s->readonly || !s->db)
		return 0;
	return purge_trash(s, days, err);
}

/* Checks, without creating anything, that a read-write store could create
 * s->path (and, for the default location, its missing directories). The
 * messages are those the creation itself would give. */
static int
can_create(notes_store *s, enum file_state fs, char **err)
{
	char *dir = dir_of(s->path);
	struct stat st;
	int rc = -1;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			set_err(err, "cannot create %s: %s is not a directory", s->path, dir);
		else if (access(dir, W_OK) < 0)
			set_err(err, "cannot write in %s (%s)", dir, strerror(errno));
		else if (fs != FILE_NEW && access(s->path, W_OK) < 0)
			set_err(err, "%s is read-only (%s)", s->path, strerror(errno));
		else
			rc = 0;
	} else if (!s->make_dirs) {
		set_err(err, "cannot create %s: %s is not a directory", s->path, dir);
	} else {
		/* The nearest existing directory above must take a new one. */
		char *up = xstrdup(dir);
		while (stat(up, &st) < 0 && errno == ENOENT && strcmp(up, "/") != 0) {
			char *next = dir_of(up);
			free(up);
			up = next;
		}
		if (stat(up, &st) < 0)
			set_err(err, "cannot create directory %s: %s", dir, strerror(errno));
		else if (!S_ISDIR(st.st_mode))
			set_err(err, "%s is not a directory", up);
		else if (access(up, W_OK) < 0)
			set_err(err, "cannot create directory %s: cannot write in %s (%s)",
				dir, up, strerror(errno));
		else
			rc = 0;
		free(up);
	}
	free(dir);
	return rc;
}

/* Opens s->path read-write (fs from inspect_file, not FILE_BAD): creates
 * it (and, for the default location, its directories) when missing,
 * checks it, sets WAL, migrates, purges the old trash. On failure s->db
 * is closed again and *err says why. */
static int
open_rw(notes_store *s, enum file_state fs, char **err)
{
	char *dir = dir_of(s->path);
	if (fs == FILE_NEW) {
		if (s->make_dirs) {
			char *why = NULL;
			if (util_mkdirs(dir, &why) < 0) {
				set_err(err, "%s", why);
				free(why);
				goto fail;
			}
		} else {
			struct stat st;
			if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
				set_err(err, "cannot create %s: %s is not a directory",
					s->path, dir);
				goto fail;
			}
		}
	}
	/* WAL needs the directory writable (for -wal and -shm) and the file
	 * writable; as root access() says yes to both, and SQLite's own
	 * read-only detection below is the second line. */
	if (access(dir, W_OK) < 0) {
		set_err(err, "cannot write in %s (%s)", dir, strerror(errno));
		goto fail;
	}
	if (fs != FILE_NEW && access(s->path, W_OK) < 0) {
		set_err(err, "%s is read-only (%s)", s->path, strerror(errno));
		goto fail;
	}
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (fs == FILE_NEW)
		flags |= SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
	if (rc != SQLITE_OK) {
		set_err(err, "cannot open %s: %s", s->path, db_reason(s->db, rc));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	set_busy(s);
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		set_err(err, "%s is read-only", s->path);
		goto fail;
	}
	long long v = 0;
	if (fs == FILE_DB) {
		if (quick_check(s->db, s->path, err) != SQLITE_OK)
			goto fail;
		if (check_identity(s->db, s->path, &v, err) < 0)
			goto fail;
		if (v > NOTES_SCHEMA_VERSION) {
			set_err(err, "%s was written by a newer lectern (schema %lld, "
				"this one knows %d)", s->path, v, NOTES_SCHEMA_VERSION);
			goto fail;
		}
	}
	/* Only now may anything be written. Turning a new file to WAL needs
	 * an exclusive lock, and SQLite answers BUSY at once, without the
	 * busy handler, while another process is creating the same file: so
	 * this waits here as a write would. */
	for (int tries = 0;; tries++) {
		sqlite3_stmt *st;
		rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=WAL", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			rc = sqlite3_step(st);
			const char *mode = rc == SQLITE_ROW ?
				(const char *)sqlite3_column_text(st, 0) : NULL;
			rc = mode && strcmp(mode, "wal") == 0 ? SQLITE_OK :
			     (rc == SQLITE_ROW ? SQLITE_READONLY : rc);
			sqlite3_finalize(st);
		}
		if ((rc & 0xff) != SQLITE_BUSY || !busy_wait(s, tries))
			break;
	}
	if (rc != SQLITE_OK) {
		set_err(err, "%s: cannot use write-ahead logging: %s", s->path,
			db_reason(s->db, rc));
		goto fail;
	}
	db_exec(s->db, "PRAGMA synchronous=FULL");
	db_exec(s->db, "PRAGMA foreign_keys=ON");
	/* Migrations take the write lock: skip them when the schema is
	 * current, so that opening never waits for another writer. */
	if ((fs != FILE_DB || v < NOTES_SCHEMA_VERSION) && migrate(s, err) < 0)
		goto fail;
	/* Old trash goes; a failure (another writer) leaves it for later. */
	if (fs == FILE_DB)
		purge_trash(s, NOTES_TRASH_DAYS, NULL);
	free(dir);
	return 0;
fail:
	free(dir);
	if (s->db)
		sqlite3_close_v2(s->db);
	s->db = NULL;
	return -1;
}

/* notes_open and notes_open_lazy: lazy leaves a missing or empty file
 * alone (pending) until the first write. */
static notes_store *
open_write(const char *path, int lazy, char **err)
{
	notes_store *s = store_new(path);
	s->make_dirs = !path;
	if (!s->path) {
		set_err(err, "%s", NO_PLACE);
		goto fail;
	}
	enum file_state fs = inspect_file(s->path, err);
	if (fs == FILE_BAD)
		goto fail;
	if (lazy && (fs == FILE_NEW || fs == FILE_EMPTY)) {
		if (can_create(s, fs, err) < 0)
			goto fail;
		s->pending = 1;
		return s;
	}
	if (open_rw(s, fs, err) < 0)
		goto fail;
	return s;
fail:
	notes_close(s);
	return NULL;
}

notes_store *
notes_open(const char *path, char **err)
{
	return open_write(path, 0, err);
}

notes_store *
notes_open_lazy(const char *path, char **err)
{
	return open_write(path, 1, err);
}

/* Whether s has a database to work on: 1 yes; 0 a pending store whose
 * file is still missing or empty (created here when create); -1 error. A
 * pending store whose file another process has created since opens it. */
static int
ready(notes_store *s, int create, char **err)
{
	if (s->db)
		return 1;
	if (!s->pending) {
		set_err(err, "%s: the notes database is not open", s->path);
		return -1;
	}
	enum file_state fs = inspect_file(s->path, err);
	if (fs == FILE_BAD)
		return -1;
	if (!create && (fs == FILE_NEW || fs == FILE_EMPTY))
		return 0;
	if (open_rw(s, fs, err) < 0)
		return -1;
	s->pending = 0;
	return 1;
}

/* "file:" URI for path with immutable=1 (no locks, no -wal/-shm files). */
static char *
immutable_uri(const char *path)
{
	buf b;
	buf_init(&b);
	buf_adds(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&b, *p);
	}
	buf_adds(&b, "?immutable=1");
	return buf_take(&b);
}

/* Opens s->path read-only (immutable: no locks, no side files) and
 * checks it. Returns the SQLite result of the open or the check; *err set
 * on failure. */
static int
open_ro(notes_store *s, enum file_state fs, int immutable, char **err)
{
	int rc;
	if (!immutable) {
		rc = sqlite3_open_v2(s->path, &s->db,
				     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	} else {
		s->immutable = 1;
		char *uri = immutable_uri(s->path);
		rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY |
				     SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
	}
	if (rc != SQLITE_OK) {
		set_err(err, "cannot open %s: %s", s->path, db_reason(s->db, rc));
		return rc;
	}
	sqlite3_extended_result_codes(s->db, 1);
	set_busy(s);
	if (fs != FILE_DB) {
		set_err(err, "%s is empty", s->path);
		return SQLITE_EMPTY;
	}
	long long v = 0;
	rc = quick_check(s->db, s->path, err);
	if (rc == SQLITE_OK && check_identity(s->db, s->path, &v, err) < 0)
		rc = SQLITE_NOTADB;
	if (rc == SQLITE_OK && v < 1) {
		set_err(err, "%s holds no notes yet", s->path);
		rc = SQLITE_EMPTY;
	}
	if (rc == SQLITE_OK && v > NOTES_SCHEMA_VERSION)
		s->newer = v;
	return rc;
}

notes_store *
notes_open_readonly(const char *path, char **err)
{
	notes_store *s = store_new(path);
	s->readonly = 1;
	if (!s->path) {
		set_err(err, "%s", NO_PLACE);
		goto fail;
	}
	enum file_state fs = inspect_file(s->path, err);
	if (fs == FILE_BAD)
		goto fail;
	if (fs == FILE_NEW) {
		set_err(err, "%s does not exist", s->path);
		goto fail;
	}
	char *wal = xasprintf("%s-wal", s->path);
	int in_use = access(wal, F_OK) == 0;
	free(wal);
	/* With a -wal file another process may be writing: a normal
	 * read-only connection sees its commits. Without one, nobody has the
	 * database open and immutable creates nothing next to it. */
	int rc = open_ro(s, fs, !in_use, err);
	if (rc != SQLITE_OK && in_use && (rc & 0xff) == SQLITE_CANTOPEN) {
		/* A -wal left by a crash, and no -shm we may create (a
		 * read-only directory): the main file alone still reads. */
		sqlite3_close_v2(s->db);
		s->db = NULL;
		char *e2 = NULL;
		rc = open_ro(s, fs, 1, &e2);
		if (rc == SQLITE_OK)
			s->warning = xasprintf("the latest changes (in %s-wal) cannot be read "
					       "here; older notes are shown", s->path);
		free(e2);
	}
	if (rc != SQLITE_OK)
		goto fail;
	if (s->newer) {
		/* Said by every caller: the reader's message line, and stderr
		 * for --notes and --notes-export. */
		char *w = xasprintf("%s was made by a newer lectern (schema %lld, "
				    "this one knows %d); notes are read-only%s%s",
				    s->path, s->newer, NOTES_SCHEMA_VERSION,
				    s->warning ? "; " : "", s->warning ? s->warning : "");
		free(s->warning);
		s->warning = w;
	}
	if (err) {
		free(*err);
		*err = NULL;
	}
	return s;
fail:
	notes_close(s);
	return NULL;
}

const char *
notes_warning(const notes_store *s)
{
	return s->warning;
}

notes_store *
notes_open_best(const char *path, char **why)
{
	char *e1 = NULL, *e2 = NULL;
	notes_store *s = notes_open_lazy(path, &e1);
	if (s) {
		if (why)
			*why = NULL;
		return s;
	}
	s = notes_open_readonly(path, &e2);
	if (why) {
		const char *w = s ? notes_warning(s) : NULL;
		if (s && s->newer)	/* says more than e1, once */
			*why = xasprintf("notes are read-only: %s was made by a newer "
					 "lectern (schema %lld, this one knows %d)",
					 s->path, s->newer, NOTES_SCHEMA_VERSION);
		else
			*why = xasprintf(s ? "notes are read-only: %s%s%s" :
					 "notes are unavailable: %s%s%s", e1,
					 w ? "; " : "", w ? w : "");
	}
	free(e1);
	free(e2);
	return s;
}

int
notes_is_readonly(const notes_store *s)
{
	return s->readonly;
}

const char *
notes_path(const notes_store *s)
{
	return s->path;
}

long long
notes_data_version(notes_store *s)
{
	long long v = -1;
	if (!s->db || s->immutable || db_int(s->db, "PRAGMA data_version", &v) != SQLITE_OK)
		return -1;
	return v;
}

void
notes_set_busy_timeout(notes_store *s, int ms)
{
	s->busy_ms = ms;
}

/* --- writing ------------------------------------------------------------- */

static int
begin_write(notes_store *s, char **err)
{
	if (s->readonly) {
		set_err(err, "%s is open read-only: the note was not saved", s->path);
		return -1;
	}
	if (ready(s, 1, err) < 0)	/* a pending store creates its file */
		return -1;
	int rc = db_exec(s->db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_BUSY)
			set_err(err, "%s is locked by another program (waited %d ms); "
				"nothing was saved", s->path, s->busy_ms);
		else
			set_err(err, "%s: %s; nothing was saved", s->path,
				db_reason(s->db, rc));
		return -1;
	}
	return 0;
}

/* COMMIT, or ROLLBACK and an error. */
static int
end_write(notes_store *s, int rc, char **err)
{
	if (rc == SQLITE_OK || rc == SQLITE_DONE) {
		rc = db_exec(s->db, "COMMIT");
		if (rc == SQLITE_OK)
			return 0;
	}
	if (err && !*err)
		set_err(err, "%s: %s; nothing was saved", s->path, db_reason(s->db, rc));
	if (!sqlite3_get_autocommit(s->db))
		db_exec(s->db, "ROLLBACK");
	return -1;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_TRANSIENT);
}

/* Binds path, exact, prefix, suffix, start, end of a to parameters
 * first .. first + 5 (the order of the note table's columns). */
static void
bind_anchor(sqlite3_stmt *st, int first, const anchor *a)
{
	bind_text(st, first, a->path);
	bind_text(st, first + 1, a->exact);
	bind_text(st, first + 2, a->prefix);
	bind_text(st, first + 3, a->suffix);
	sqlite3_bind_int64(st, first + 4, (sqlite3_int64)a->start);
	sqlite3_bind_int64(st, first + 5, (sqlite3_int64)a->end);
}

static int
write_tags(notes_store *s, long long id, const note *n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "DELETE FROM note_tag WHERE note=?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	if (!n->ntags)
		return SQLITE_OK;
	rc = sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO note_tag(note, tag) VALUES(?1, ?2)",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	for (size_t i = 0; i < n->ntags && rc == SQLITE_OK; i++) {
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, n->tags[i]);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
valid_note(const note *n, char **err)
{
	if (!n->a.exact || !*n->a.exact) {
		set_err(err, "a note needs the text it is about");
		return -1;
	}
	if (!n->doc_fp || !n->doc_key) {
		set_err(err, "a note needs its document");
		return -1;
	}
	return 0;
}

long long
notes_add(notes_store *s, const note *n, char **err)
{
	if (valid_note(n, err) < 0 || begin_write(s, err) < 0)
		return -1;
	char now[32];
	now_iso(now);
	char *uid = n->uid ? NULL : notes_new_uid();
	sqlite3_stmt *st;
	long long id = -1;
	int rc = sqlite3_prepare_v2(s->db,
		"INSERT INTO note(uid, doc_fp, doc_key, path, exact, prefix, suffix,"
		" pos_start, pos_end, body, created, modified, status, score)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		bind_text(st, 1, n->uid ? n->uid : uid);
		bind_text(st, 2, n->doc_fp);
		bind_text(st, 3, n->doc_key);
		bind_anchor(st, 4, &n->a);
		bind_text(st, 10, n->body);
		bind_text(st, 11, n->created ? n->created : now);
		bind_text(st, 12, n->modified ? n->modified : (n->created ? n->created : now));
		if (n->status) {
			bind_text(st, 13, n->status);
			sqlite3_bind_double(st, 14, n->score);
		}
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE) {
			id = sqlite3_last_insert_rowid(s->db);
			rc = write_tags(s, id, n);
		} else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
			set_err(err, "a note with id %s is already stored", n->uid ? n->uid : uid);
		}
	}
	free(uid);
	if (end_write(s, rc, err) < 0)
		return -1;
	return id;
}

/* For changes to an existing note: 0 when the store has no file yet (so
 * no such note: *err says so and nothing is created), else 1, or -1. */
static int
has_notes(notes_store *s, long long id, const char *what, char **err)
{
	int r = ready(s, 0, err);
	if (r == 0)
		set_err(err, "there is no note %lld %s", id, what);
	return r;
}

int
notes_update(notes_store *s, const note *n, char **err)
{
	if (valid_note(n, err) < 0 || has_notes(s, n->id, "to change", err) <= 0 ||
	    begin_write(s, err) < 0)
		return -1;
	char now[32];
	now_iso(now);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"UPDATE note SET body=?2, path=?3, exact=?4, prefix=?5, suffix=?6,"
		" pos_start=?7, pos_end=?8, modified=?9, doc_fp=?10, doc_key=?11"
		" WHERE id=?1 AND deleted IS NULL",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, n->id);
		bind_text(st, 2, n->body);
		bind_anchor(st, 3, &n->a);
		bind_text(st, 9, now);
		bind_text(st, 10, n->doc_fp);
		bind_text(st, 11, n->doc_key);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE && sqlite3_changes(s->db) != 1) {
			set_err(err, "there is no note %lld to change", n->id);
			rc = SQLITE_NOTFOUND;
		} else if (rc == SQLITE_DONE) {
			rc = write_tags(s, n->id, n);
		}
	}
	return end_write(s, rc, err);
}

/* UPDATE note SET deleted=… for one id; what says which way. */
static int
set_deleted(notes_store *s, long long id, int del, char **err)
{
	if (has_notes(s, id, del ? "to delete" : "to restore", err) <= 0 ||
	    begin_write(s, err) < 0)
		return -1;
	char now[32];
	now_iso(now);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, del ?
		"UPDATE note SET deleted=?2 WHERE id=?1 AND deleted IS NULL" :
		"UPDATE note SET deleted=NULL WHERE id=?1 AND deleted IS NOT NULL",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (del)
			bind_text(st, 2, now);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE && sqlite3_changes(s->db) != 1) {
			set_err(err, del ? "there is no note %lld to delete" :
				"there is no deleted note %lld to restore", id);
			rc = SQLITE_NOTFOUND;
		}
	}
	return end_write(s, rc, err);
}

int
notes_delete(notes_store *s, long long id, char **err)
{
	return set_deleted(s, id, 1, err);
}

int
notes_undelete(notes_store *s, long long id, char **err)
{
	return set_deleted(s, id, 0, err);
}

int
notes_record_status(notes_store *s, long long id, const char *status,
		    double score, char **err)
{
	if (has_notes(s, id, "to record", err) <= 0 || begin_write(s, err) < 0)
		return -1;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "UPDATE note SET status=?2, score=?3 WHERE id=?1",
				    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, status);
		sqlite3_bind_double(st, 3, score);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	return end_write(s, rc, err);
}

static int
status_differs(const note *n)
{
	const char *now = anchor_status_name(n->match.status);
	return !n->status || strcmp(n->status, now) != 0 ||
	       (n->score - n->match.score > 0.005 || n->match.score - n->score > 0.005);
}

int
notes_record_matches(notes_store *s, note_list *l, char **err)
{
	size_t todo = 0;
	for (size_t i = 0; i < l->n; i++)
		todo += status_differs(&l->v[i]);
	if (!todo || s->readonly)
		return 0;
	if (begin_write(s, err) < 0)
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "UPDATE note SET status=?2, score=?3 WHERE id=?1",
				    -1, &st, NULL);
	int done = 0;
	for (size_t i = 0; rc == SQLITE_OK && i < l->n; i++) {
		note *n = &l->v[i];
		if (!status_differs(n))
			continue;
		sqlite3_bind_int64(st, 1, n->id);
		bind_text(st, 2, anchor_status_name(n->match.status));
		sqlite3_bind_double(st, 3, n->match.score);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
		sqlite3_reset(st);
		done++;
	}
	if (st)
		sqlite3_finalize(st);
	if (end_write(s, rc, err) < 0)
		return -1;
	for (size_t i = 0; i < l->n; i++) {	/* the list now says what is stored */
		note *n = &l->v[i];
		if (!status_differs(n))
			continue;
		free(n->status);
		n->status = xstrdup(anchor_status_name(n->match.status));
		n->score = n->match.score;
	}
	return done;
}

/* --- reading ------------------------------------------------------------- */

#define NOTE_COLUMNS "id, uid, doc_fp, doc_key, path, exact, prefix, suffix," \
	" pos_start, pos_end, body, created, modified, status, score, deleted"

static char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static void
read_row(sqlite3_stmt *st, note *n, int *deleted)
{
	n->id = sqlite3_column_int64(st, 0);
	n->uid = col_text(st, 1);
	n->doc_fp = col_text(st, 2);
	n->doc_key = col_text(st, 3);
	n->a.path = col_text(st, 4);
	n->a.exact = col_text(st, 5);
	n->a.prefix = col_text(st, 6);
	n->a.suffix = col_text(st, 7);
	sqlite3_int64 a = sqlite3_column_int64(st, 8), b = sqlite3_column_int64(st, 9);
	n->a.start = a > 0 ? (size_t)a : 0;
	n->a.end = b > a ? (size_t)b : n->a.start;
	n->body = col_text(st, 10);
	n->created = col_text(st, 11);
	n->modified = col_text(st, 12);
	n->status = col_text(st, 13);
	n->score = sqlite3_column_double(st, 14);
	if (deleted)
		*deleted = sqlite3_column_type(st, 15) != SQLITE_NULL;
}

static int
add_tag_row(sqlite3_stmt *st, void *n)
{
	note_add_tag(n, (const char *)sqlite3_column_text(st, 0));
	return SQLITE_OK;
}

static int
read_tags(notes_store *s, note *n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT tag FROM note_tag WHERE note=?1 ORDER BY tag",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, n->id);
	return db_collect(st, add_tag_row, n);
}

/* One row of a SELECT of NOTE_COLUMNS, kept when it passes the filter
 * (tag and text, both folded: fold.h). */
typedef struct select_ctx {
	notes_store *s;
	const notes_filter *f;
	note_list *out;
} select_ctx;

static int
passes(const note *n, const notes_filter *f)
{
	if (f && f->tag && *f->tag) {
		int tagged = 0;
		for (size_t i = 0; !tagged && i < n->ntags; i++)
			tagged = fold_eq(n->tags[i], f->tag);
		if (!tagged)
			return 0;
	}
	if (f && f->text && *f->text) {
		int hit = notes_text_matches(n->body, f->text) ||
			  notes_text_matches(n->a.exact, f->text);
		for (size_t i = 0; !hit && i < n->ntags; i++)
			hit = notes_text_matches(n->tags[i], f->text);
		return hit;
	}
	return 1;
}

static int
select_row(sqlite3_stmt *st, void *ctx)
{
	select_ctx *c = ctx;
	note *n = list_push(c->out);
	read_row(st, n, NULL);
	int rc = read_tags(c->s, n);
	if (rc != SQLITE_OK || !passes(n, c->f)) {
		note_clear(n);
		c->out->n--;
	}
	return rc;
}

/* Runs st from begin_read to its end and finalizes it (db_collect),
 * appending the rows that pass the filter; ends the read transaction.
 * Returns 0, or -1 with *err. */
static int
end_read(notes_store *s, sqlite3_stmt *st, const notes_filter *f, note_list *out,
	 char **err)
{
	select_ctx c = { s, f, out };
	int rc = db_collect(st, select_row, &c);
	if (rc != SQLITE_OK)
		set_err(err, "%s: cannot read notes: %s", s->path, db_reason(s->db, rc));
	db_exec(s->db, "COMMIT");
	return rc == SQLITE_OK ? 0 : -1;
}

/* BEGIN a read transaction and prepare sql in it. Returns 0, or -1 with
 * *err and no transaction left open. */
static int
begin_read(notes_store *s, const char *sql, sqlite3_stmt **st, char **err)
{
	int rc = db_exec(s->db, "BEGIN");
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
	if (rc == SQLITE_OK)
		return 0;
	set_err(err, "%s: cannot read notes: %s", s->path, db_reason(s->db, rc));
	if (!sqlite3_get_autocommit(s->db))
		db_exec(s->db, "ROLLBACK");
	return -1;
}

static int
by_reading_order(const void *x, const void *y)
{
	const note *a = x, *b = y;
	int oa = a->match.status == ANCHOR_ORPHAN, ob = b->match.status == ANCHOR_ORPHAN;
	if (oa != ob)
		return oa - ob;
	size_t pa = oa ? a->a.start : a->match.start, pb = ob ? b->a.start : b->match.start;
	if (pa != pb)
		return pa < pb ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int
notes_list_doc(notes_store *s, const anchor_doc *ad, const notes_filter *f,
	       note_list *out, char **err)
{
	size_t first = out->n;
	int r = ready(s, 0, err);
	if (r <= 0)	/* no database yet: no notes */
		return r;
	sqlite3_stmt *st;
	/* the tag is filtered after the query, folded (end_read) */
	if (begin_read(s, "SELECT " NOTE_COLUMNS " FROM note WHERE deleted IS NULL"
			" AND (doc_fp=?1 OR doc_key=?2) ORDER BY pos_start, id",
			&st, err) < 0)
		return -1;
	bind_text(st, 1, ad->fingerprint);
	bind_text(st, 2, ad->key);
	if (end_read(s, st, f, out, err) < 0)
		return -1;
	for (size_t i = first; i < out->n; i++) {
		note *n = &out->v[i];
		anchor_resolve(ad, &n->a, &n->match);
		n->cur_path = xstrdup(n->match.node ? n->match.node->path :
				      (n->a.path ? n->a.path : ""));
	}
	if (out->n - first > 1)
		qsort(out->v + first, out->n - first, sizeof *out->v, by_reading_order);
	return 0;
}

int
notes_list_all(notes_store *s, note_list *out, char **err)
{
	int r = ready(s, 0, err);
	if (r <= 0)
		return r;
	sqlite3_stmt *st;
	if (begin_read(s, "SELECT " NOTE_COLUMNS " FROM note WHERE deleted IS NULL"
		       " ORDER BY id", &st, err) < 0)
		return -1;
	return end_read(s, st, NULL, out, err);
}

int
notes_get(notes_store *s, long long id, note *out, int *deleted, char **err)
{
	int r = ready(s, 0, err);
	if (r <= 0)
		return r;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT " NOTE_COLUMNS " FROM note WHERE id=?1",
				    -1, &st, NULL);
	if (rc != SQLITE_OK) {
		set_err(err, "%s: %s", s->path, db_reason(s->db, rc));
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	int found = 0;
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		read_row(st, out, deleted);
		found = 1;
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (found && rc == SQLITE_OK)
		rc = read_tags(s, out);
	if (rc != SQLITE_OK) {
		if (found)
			note_clear(out);
		set_err(err, "%s: %s", s->path, db_reason(s->db, rc));
		return -1;
	}
	return found;
}

/* One integer from a query with nargs text parameters: 0 when it gives no
 * row, -1 (and *err) on error. */
static long long
query_id(notes_store *s, const char *sql, char **err, const char *const *args,
	 size_t nargs)
{
	int r = ready(s, 0, err);
	if (r <= 0)	/* no database yet: 0 (nothing found, none counted) */
		return r;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		set_err(err, "%s: %s", s->path, db_reason(s->db, rc));
		return -1;
	}
	for (size_t i = 0; i < nargs; i++)
		bind_text(st, (int)i + 1, args[i]);
	long long v = 0;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		v = -1;
	sqlite3_finalize(st);
	if (v < 0)
		set_err(err, "%s: %s", s->path, db_reason(s->db, rc));
	return v;
}

long long
notes_count(notes_store *s, char **err)
{
	return query_id(s, "SELECT count(*) FROM note WHERE deleted IS NULL", err, NULL, 0);
}

long long
notes_find_uid(notes_store *s, const char *uid, char **err)
{
	const char *args[] = { uid };
	return query_id(s, "SELECT id FROM note WHERE uid=?1", err, args, 1);
}

long long
notes_find_same(notes_store *s, const note *n, char **err)
{
	if (!n->created) {	/* no time either: same document, body, quote */
		const char *args[] = { n->doc_key, n->body, n->a.exact };
		return query_id(s, "SELECT id FROM note WHERE deleted IS NULL AND doc_key=?1"
				" AND body=?2 AND exact=?3 LIMIT 1", err, args, 3);
	}
	const char *args[] = { n->doc_key, n->created, n->body, n->a.exact };
	return query_id(s, "SELECT id FROM note WHERE deleted IS NULL AND doc_key=?1"
			" AND created=?2 AND body=?3 AND exact=?4 LIMIT 1", err, args, 4);
}
