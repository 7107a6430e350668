/* library: the document index (see library.h for the contract).
 *
 * Schema (user_version LIBRARY_SCHEMA, application_id LIBRARY_APPID):
 *   meta(k, v)          'indexer' = who filled the cache (version, format,
 *                       rules, language option, catalog size and hash): a
 *                       different indexer empties it;
 *   doc(id, path UNIQUE, size, mtime_ns, symbol, date, lang, title, agenda,
 *       session, nkeys, error, refs)
 *                       one row per file seen (error: could not be read);
 *                       refs: every reference in reading order, as
 *                       lectern --refs prints them (refs_blob below), so
 *                       that --refs of an unchanged file parses nothing;
 *   ref(doc, key, kind, count, first_path, first_text)
 *                       one row per (document, reference key).
 * The current library is the temp table member(id): the docs found under
 * the roots of the last scan. Queries join on it; the cache may hold more.
 *
 * A scan: walk the roots (stat only); read what the cache has under each
 * directory root (one range query) and look up the other files by path;
 * files whose size and mtime match are members as they are; the others
 * are read and parsed (in forked worker processes when there are many, so a cold
 * index uses every core and a parser crash cannot take the caller down),
 * then written in one IMMEDIATE transaction with prepared statements,
 * together with the removal of cached files that vanished from a root
 * directory. Nothing is written when nothing changed.
 *
 * Damage: a file that SQLite reports corrupt at any point (open, scan,
 * query) is closed and left as it is; the library continues in memory
 * (open_memory), rescanning the roots of the last scan (recover). */
#include <build-config.h>

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "db.h"
#include "doc.h"
#include "doc_open.h"
#include "library.h"
#include "paths.h"
#include "parse.h"
#include "refs.h"
#include "util.h"

#define LIBRARY_SCHEMA 3
#define LIBRARY_APPID 0x4c43544c	/* "LCTL" */
/* Bump when what is extracted from a document changes, so caches made by
 * an older indexer are refilled. */
#define LIBRARY_FORMAT 2
/* Below this many files to parse, forking costs more than it saves. */
#define LIBRARY_FORK_MIN 16
#define LIBRARY_JOBS_MAX 8

struct library {
	sqlite3 *db;
	char *db_path;
	int jobs;
	char *lang;
	const catalog *cat;
	void (*warn)(void *ctx, const char *msg);
	void *warn_ctx;
	void (*progress)(void *ctx, size_t done, size_t total);
	void (*worker_hook)(void *ctx, const char *path);	/* tests */
	char **roots;		/* as given to the last successful scan */
	size_t nroots;
	size_t walk_failed;	/* directories the current walk could not read */
	struct refs_cache *refs;	/* library_refs_of's, NULL until asked
					   for after a scan */
};

static void roots_clear(library *lib);
static int is_damage(int rc);
static void refs_cache_clear(library *lib);

/* Closes the connection, and forgets what was read from it. */
static void
close_db(library *lib)
{
	refs_cache_clear(lib);
	sqlite3_close(lib->db);
	lib->db = NULL;
}

/* ---- small helpers ---------------------------------------------------- */

static void
warnf(library *lib, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
warnf(library *lib, const char *fmt, ...)
{
	if (!lib->warn)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		char *s = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
		lib->warn(lib->warn_ctx, s);
		free(s);
	}
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

/* Natural order: runs of digits compare as numbers, so A/RES/80/9 sorts
 * before A/RES/80/10. Used as the collation natural_order. */
static int
natural_cmp(void *ctx, int na, const void *va, int nb, const void *vb)
{
	(void)ctx;
	const unsigned char *a = va, *b = vb;
	int i = 0, j = 0;
	while (i < na && j < nb) {
		if (a[i] >= '0' && a[i] <= '9' && b[j] >= '0' && b[j] <= '9') {
			while (i < na && a[i] == '0')
				i++;
			while (j < nb && b[j] == '0')
				j++;
			int si = i, sj = j;
			while (i < na && a[i] >= '0' && a[i] <= '9')
				i++;
			while (j < nb && b[j] >= '0' && b[j] <= '9')
				j++;
			if (i - si != j - sj)
				return (i - si) - (j - sj);
			int c = memcmp(a + si, b + sj, (size_t)(i - si));
			if (c)
				return c;
			continue;
		}
		if (a[i] != b[j])
			return a[i] - b[j];
		i++, j++;
	}
	return (na - i) - (nb - j);
}

/* ---- opening ---------------------------------------------------------- */

static char *
default_db_path(void)
{
	return paths_data_file("library.db");
}

/* mkdir -p of the directory part of path; 0 or -1 with errno. */
static int
make_parent_dirs(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return 0;
	char *dir = xstrndup(path, (size_t)(slash - path));
	int rc = util_mkdirs(dir, NULL);
	int e = errno;
	free(dir);
	errno = e;
	return rc;
}

static const char schema_sql[] =
	"CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);"
	"CREATE TABLE doc("
	" id INTEGER PRIMARY KEY,"
	" path TEXT NOT NULL UNIQUE,"
	" size INTEGER NOT NULL,"
	" mtime_ns INTEGER NOT NULL,"
	" symbol TEXT, date TEXT, lang TEXT, title TEXT, agenda TEXT,"
	" session INTEGER NOT NULL DEFAULT 0,"
	" nkeys INTEGER NOT NULL DEFAULT 0,"	/* rows in ref: a listing need
						   not read the ref table */
	" error TEXT,"
	" refs BLOB);"	/* refs_blob: what --refs prints of the file */
	"CREATE TABLE ref("
	" doc INTEGER NOT NULL REFERENCES doc(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" kind TEXT NOT NULL,"
	" count INTEGER NOT NULL,"
	" first_path TEXT NOT NULL,"
	" first_text TEXT,"
	" PRIMARY KEY(doc, key)) WITHOUT ROWID;"
	"CREATE INDEX ref_key ON ref(key);";

/* FNV-1a over a string and its end (NULL differs from ""). */
static uint64_t
fnv_str(uint64_t h, const char *s)
{
	if (s)
		for (; *s; s++)
			h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h ^ (s ? 0x100u : 0x200u)) * 1099511628211ULL;
}

/* What the catalog contributes to an index: the keys it resolves, their
 * kinds, titles and dates (--refs prints titles). A user's catalog that
 * changes one title changes this (its entry count would not). */
static uint64_t
catalog_fingerprint(const catalog *c)
{
	uint64_t h = 14695981039346656037ULL;
	size_t n = c ? catalog_count(c) : 0;
	for (size_t i = 0; i < n; i++) {
		const catalog_entry *e = catalog_entry_at(c, i);
		h = fnv_str(h, e->key);
		h = fnv_str(h, e->kind);
		for (size_t l = 0; l < CATALOG_NLANGS; l++)
			h = fnv_str(h, e->title[l]);
		h = fnv_str(h, e->date);
		for (size_t k = 0; k < e->npara; k++) {
			h = fnv_str(h, e->para_keys[k]);
			h = fnv_str(h, e->para_vals[k]);
		}
	}
	return h;
}

static char *
indexer_id(const library *lib)
{
	/* The catalog resolves title-cited resolutions and gives the titles
	 * --refs prints. The parser's and the references' rules name what
	 * the cached trees and keys were made with. */
	return xasprintf("lectern %s format %d parse %d refs %d lang %s catalog %zu %016llx",
			 PACKAGE_VERSION, LIBRARY_FORMAT, PARSE_RULES, REFS_RULES,
			 lib->lang ? lib->lang : "detect",
			 lib->cat ? catalog_count(lib->cat) : 0,
			 (unsigned long long)catalog_fingerprint(lib->cat));
}

/* Is the open database one we may use? NULL if so, else why not. */
static char *
check_ours(sqlite3 *db)
{
	long long version = 0;
	int ours;
	if (db_identity(db, LIBRARY_APPID, &ours, &version) != SQLITE_OK)
		return xasprintf("cannot be read (%s)", sqlite3_errmsg(db));
	if (!ours)
		return xstrdup("is a SQLite database, but not a lectern library index");
	if (version > LIBRARY_SCHEMA)
		return xasprintf("was written by a newer lectern (schema %lld, this one knows %d)",
				 version, LIBRARY_SCHEMA);
	return NULL;
}

/* Creates or upgrades the schema and empties a cache made by another
 * indexer; inside one IMMEDIATE transaction so two processes agree. */
static int
init_schema(library *lib)
{
	sqlite3 *db = lib->db;
	int rc = db_exec(db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return rc;
	long long version = 0, appid = 0;
	if ((rc = db_int(db, "PRAGMA user_version", &version)) != SQLITE_OK ||
	    (rc = db_int(db, "PRAGMA application_id", &appid)) != SQLITE_OK)
		goto fail;
	if (version != LIBRARY_SCHEMA) {
		/* Ours but older (or empty): a cache, so start afresh. */
		if ((rc = db_exec(db, "DROP TABLE IF EXISTS ref; DROP TABLE IF EXISTS doc;"
			       "DROP TABLE IF EXISTS meta;")) != SQLITE_OK ||
		    (rc = db_exec(db, schema_sql)) != SQLITE_OK)
			goto fail;
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
			 LIBRARY_APPID, LIBRARY_SCHEMA);
		if ((rc = db_exec(db, sql)) != SQLITE_OK)
			goto fail;
	}
	char *id = indexer_id(lib);
	sqlite3_stmt *st;
	rc = sqlite3_prepare_v2(db, "SELECT v FROM meta WHERE k='indexer'", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		free(id);
		goto fail;
	}
	int same = sqlite3_step(st) == SQLITE_ROW &&
		   strcmp((const char *)sqlite3_column_text(st, 0), id) == 0;
	sqlite3_finalize(st);
	if (!same) {
		rc = db_exec(db, "DELETE FROM ref; DELETE FROM doc;");
		if (rc == SQLITE_OK)
			rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta(k, v) VALUES('indexer', ?1)",
						-1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
			sqlite3_finalize(st);
		}
	}
	free(id);
	if (rc != SQLITE_OK)
		goto fail;
	return db_exec(db, "COMMIT");
fail:
	db_exec(db, "ROLLBACK");
	return rc;
}

/* Per-connection setup common to file and memory indexes. */
static int
setup_connection(library *lib)
{
	sqlite3 *db = lib->db;
	sqlite3_busy_timeout(db, 5000);
	sqlite3_create_collation(db, "natural_order", SQLITE_UTF8, NULL, natural_cmp);
	if (strcmp(lib->db_path, ":memory:") != 0) {
		int rc = db_exec(db, "PRAGMA journal_mode=WAL");
		if (rc != SQLITE_OK)
			return rc;
		/* A cache: losing the last transaction on power loss costs a
		 * re-parse, nothing more. */
		db_exec(db, "PRAGMA synchronous=NORMAL");
	}
	/* No foreign key enforcement: it costs a lookup per reference
	 * written, and the only deletions (scan_once, init_schema) delete a
	 * document's references themselves. */
	db_exec(db, "PRAGMA temp_store=MEMORY");
	int rc = db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS member(id INTEGER PRIMARY KEY)");
	if (rc != SQLITE_OK)
		return rc;
	return init_schema(lib);
}

static int
open_memory(library *lib)
{
	free(lib->db_path);
	lib->db_path = xstrdup(":memory:");
	close_db(lib);
	if (sqlite3_open_v2(":memory:", &lib->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		return -1;
	return setup_connection(lib) == SQLITE_OK ? 0 : -1;
}

/* Opens the file index; NULL on success, else why it cannot be used (the
 * file is left as it was). */
static char *
open_file(library *lib)
{
	const char *path = lib->db_path;
	struct stat sb;
	int flags = SQLITE_OPEN_READWRITE;
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return xstrdup("is not a regular file");
		if (access(path, R_OK | W_OK) < 0)
			return xasprintf("cannot be read and written (%s)", strerror(errno));
		/* SQLite takes a file shorter than its header for an empty
		 * database and writes over it: look at the header first (db.h,
		 * shared with the notes). An empty file has nothing to lose. */
		long long size;
		unsigned long long want;
		switch (db_file_inspect(path, &size, &want)) {
		case DB_FILE_NOT_SQLITE:
			return xstrdup("is not a SQLite database");
		case DB_FILE_TRUNCATED:
			return xstrdup("is a truncated SQLite database");
		case DB_FILE_ERROR:
			return xasprintf("cannot be read (%s)", strerror(errno));
		default:
			break;
		}
	} else if (errno == ENOENT) {
		if (make_parent_dirs(path) < 0)
			return xasprintf("cannot create its directory (%s)", strerror(errno));
		flags |= SQLITE_OPEN_CREATE;
	} else {
		return xstrdup(strerror(errno));
	}
	if (sqlite3_open_v2(path, &lib->db, flags, NULL) != SQLITE_OK)
		return xasprintf("cannot be opened (%s)",
				 lib->db ? sqlite3_errmsg(lib->db) : "out of memory");
	char *why = NULL;
	if (sqlite3_db_readonly(lib->db, "main") == 1)
		why = xstrdup("cannot be written");
	else
		why = check_ours(lib->db);
	int rc;
	if (!why && (rc = setup_connection(lib)) != SQLITE_OK)
		why = xasprintf("cannot be used (%s)", sqlite3_errstr(rc));
	return why;
}

library *
library_open(const library_options *opt, char **warning)
{
	library_options dflt = { 0 };
	if (!opt)
		opt = &dflt;
	library *lib = xcalloc(1, sizeof *lib);
	*warning = NULL;
	lib->jobs = opt->jobs;
	if (lib->jobs <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		lib->jobs = n < 1 ? 1 : n > LIBRARY_JOBS_MAX ? LIBRARY_JOBS_MAX : (int)n;
	}
	if (lib->jobs > LIBRARY_JOBS_MAX)
		lib->jobs = LIBRARY_JOBS_MAX;
	lib->lang = opt->lang ? xstrdup(opt->lang) : NULL;
	lib->cat = opt->catalog;
	lib->warn = opt->warn;
	lib->warn_ctx = opt->warn_ctx;
	lib->progress = opt->progress;
	lib->worker_hook = opt->worker_hook;
	lib->db_path = opt->db_path ? xstrdup(opt->db_path) : default_db_path();

	char *why = NULL;
	if (!lib->db_path)
		why = xstrdup("has no place: neither XDG_DATA_HOME nor HOME nor the password "
			      "database gives an absolute directory");
	else if (strcmp(lib->db_path, ":memory:") != 0)
		why = open_file(lib);
	if (why || !lib->db) {
		if (why)
			*warning = xasprintf("library index %s %s; using a temporary index for this run",
					     lib->db_path ? lib->db_path : "", why);
		free(why);
		if (open_memory(lib) < 0) {
			/* Cannot happen short of memory exhaustion. */
			fprintf(stderr, "lectern: cannot create an in-memory index\n");
			abort();
		}
	}
	return lib;
}

void
library_free(library *lib)
{
	if (!lib)
		return;
	close_db(lib);
	roots_clear(lib);
	free(lib->db_path);
	free(lib->lang);
	free(lib);
}

const char *
library_db_path(const library *lib)
{
	return lib->db_path;
}

const char *
library_lang(const library *lib)
{
	return lib->lang;
}

/* ---- walking the roots ------------------------------------------------ */

typedef struct entry {
	char *path;		/* as walked: root + "/" + names */
	long long size;
	long long mtime_ns;
	long long id;		/* cached doc id, 0 if none */
	int looked;		/* id and stale are set */
	int stale;		/* needs parsing */
} entry;

typedef struct entries {
	entry *v;
	size_t n, cap;
} entries;

static void
entries_add(entries *e, const char *path, const struct stat *sb)
{
	xgrow((void **)&e->v, &e->cap, e->n + 1, sizeof *e->v);
	entry *x = &e->v[e->n++];
	memset(x, 0, sizeof *x);
	x->path = xstrdup(path);
	x->size = (long long)sb->st_size;
	x->mtime_ns = (long long)sb->st_mtim.tv_sec * 1000000000LL + sb->st_mtim.tv_nsec;
}

static void
entries_clear(entries *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i].path);
	free(e->v);
	memset(e, 0, sizeof *e);
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

static int
wanted_name(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && (strcasecmp(name + n - 4, ".txt") == 0 ||
			 strcasecmp(name + n - 4, ".pdf") == 0);
}

typedef void (*walk_warn)(void *ctx, const char *msg);

static void
walk_dir(const char *dir, entries *out, walk_warn warn, void *ctx)
{
	DIR *d = opendir(dir);
	if (!d) {
		char *m = xasprintf("%s: %s", dir, strerror(errno));
		warn(ctx, m);
		free(m);
		return;
	}
	struct dirent *de;
	size_t dirlen = strlen(dir);
	int slash = dirlen > 0 && dir[dirlen - 1] == '/';
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char *p = xasprintf("%s%s%s", dir, slash ? "" : "/", de->d_name);
		struct stat sb;
		int isdir = de->d_type == DT_DIR;
		int isreg = de->d_type == DT_REG;
		if (de->d_type == DT_UNKNOWN) {
			/* Filesystems that do not fill d_type. */
			if (lstat(p, &sb) == 0) {
				isdir = S_ISDIR(sb.st_mode);
				isreg = S_ISREG(sb.st_mode);
			}
		} else if (de->d_type == DT_LNK) {
			/* Links to files are followed; links to directories are
			 * not (they could loop). */
			isreg = stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
		}
		if (isdir)
			walk_dir(p, out, warn, ctx);
		else if (isreg && wanted_name(de->d_name)) {
			if (stat(p, &sb) == 0)
				entries_add(out, p, &sb);
		}
		free(p);
	}
	closedir(d);
}

/* Adds the files of one root. Returns 1 if root is a directory, 0 a file,
 * -1 if it cannot be used (warned). */
static int
walk_root(const char *root, entries *out, walk_warn warn, void *ctx)
{
	struct stat sb;
	if (stat(root, &sb) < 0) {
		char *m = xasprintf("%s: %s", root, strerror(errno));
		warn(ctx, m);
		free(m);
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		walk_dir(root, out, warn, ctx);
		return 1;
	}
	entries_add(out, root, &sb);
	return 0;
}

static void
lib_walk_warn(void *ctx, const char *msg)
{
	library *lib = ctx;
	lib->walk_failed++;
	if (lib->warn)
		lib->warn(lib->warn_ctx, msg);
}

/* ---- what is extracted from one document ------------------------------ */

typedef struct rec_ref {
	char *key, *kind, *first_path, *first_text;
	size_t count;
} rec_ref;

typedef struct rec {
	int done;
	char *error;
	char *symbol, *date, *lang, *title, *agenda;
	int session;
	buf refs_blob;		/* refs_blob_add of each reference */
	rec_ref *refs;
	size_t nrefs, refs_cap;
} rec;

static void
rec_clear(rec *r)
{
	free(r->error);
	free(r->symbol);
	free(r->date);
	free(r->lang);
	free(r->title);
	free(r->agenda);
	for (size_t i = 0; i < r->nrefs; i++) {
		free(r->refs[i].key);
		free(r->refs[i].kind);
		free(r->refs[i].first_path);
		free(r->refs[i].first_text);
	}
	free(r->refs);
	buf_clear(&r->refs_blob);
	memset(r, 0, sizeof *r);
}

static char *
dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

/* ---- the references as --refs prints them ------------------------------ */

/* refs_blob: per reference, in reading order, six fields: node path, kind,
 * key, text as written, paragraph, title; each a u32 byte count (host
 * order: the index is a cache of this machine) and the bytes, UINT32_MAX
 * for NULL. */

static void
put_u32(buf *b, uint32_t v)
{
	buf_add(b, (const char *)&v, sizeof v);
}

static void
put_bytes(buf *b, const char *s, size_t n)
{
	if (!s) {
		put_u32(b, UINT32_MAX);
		return;
	}
	put_u32(b, (uint32_t)n);
	buf_add(b, s, n);
}

static void
put_str(buf *b, const char *s)
{
	put_bytes(b, s, s ? strlen(s) : 0);
}

static void
refs_blob_add(buf *b, const doc *d, const ref *r)
{
	int meta = r->block == REFS_META || r->block >= d->nblocks;
	put_str(b, meta ? "meta" : d->blocks[r->block]->path);
	put_str(b, refs_kind_name(r->kind));
	put_str(b, r->key);
	if (!meta)
		put_bytes(b, d->plain + r->off, r->len);
	else if (r->meta_index < d->meta.nagenda)
		put_str(b, d->meta.agenda[r->meta_index]);
	else
		put_str(b, "");
	put_str(b, r->para);
	put_str(b, r->title);
}

typedef struct ref_order {
	const ref *r;
	size_t seq;	/* reading order */
} ref_order;

static int
ref_order_cmp(const void *a, const void *b)
{
	const ref_order *x = a, *y = b;
	int c = strcmp(x->r->key, y->r->key);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The references of d, one rec_ref per key: kind, count (masthead agenda
 * items included), first mention (node path and text as written). */
static void
extract_refs(const doc *d, const catalog *cat, rec *r)
{
	ref_list *l = refs_find(d, cat);
	ref_order *o = xcalloc(l->n + 1, sizeof *o);
	buf_init(&r->refs_blob);
	for (size_t i = 0; i < l->n; i++) {
		o[i] = (ref_order){ &l->items[i], i };
		refs_blob_add(&r->refs_blob, d, &l->items[i]);
	}
	qsort(o, l->n, sizeof *o, ref_order_cmp);
	for (size_t i = 0; i < l->n; ) {
		size_t j = i;
		while (j < l->n && strcmp(o[j].r->key, o[i].r->key) == 0)
			j++;
		/* The first mention in the text, where a reader can jump;
		 * the masthead ("meta") only when there is none. */
		const ref *first = o[i].r;
		for (size_t k = i; k < j; k++)
			if (o[k].r->block != REFS_META && o[k].r->block < d->nblocks) {
				first = o[k].r;
				break;
			}
		xgrow((void **)&r->refs, &r->refs_cap, r->nrefs + 1, sizeof *r->refs);
		rec_ref *x = &r->refs[r->nrefs++];
		x->key = xstrdup(first->key);
		x->kind = xstrdup(refs_kind_name(first->kind));
		if (first->block < d->nblocks) {
			x->first_path = xstrdup(d->blocks[first->block]->path);
			x->first_text = xstrndup(d->plain + first->off, first->len);
		} else {
			x->first_path = xstrdup("meta");
			x->first_text = first->meta_index < d->meta.nagenda ?
				xstrdup(d->meta.agenda[first->meta_index]) : NULL;
		}
		x->count = j - i;
		i = j;
	}
	free(o);
	refs_free(l);
}

/* Reads, parses and extracts one file into r (error set if unreadable). */
static void
index_file(const char *path, const char *lang, const catalog *cat, rec *r)
{
	memset(r, 0, sizeof *r);
	r->done = 1;
	char *err = NULL;
	doc_open_options dopt = { .lang = lang };
	doc *d = doc_open(path, &dopt, NULL, &err);
	if (!d) {
		r->error = err ? err : xasprintf("%s: cannot be read", path);
		return;
	}
	r->symbol = dup_or_null(d->meta.symbol);
	r->date = dup_or_null(d->meta.date);
	r->lang = dup_or_null(d->meta.lang);
	r->title = dup_or_null(d->meta.title);
	r->session = d->meta.session;
	if (d->meta.nagenda) {
		buf b;
		buf_init(&b);
		for (size_t i = 0; i < d->meta.nagenda; i++) {
			if (i)
				buf_adds(&b, ", ");
			buf_adds(&b, d->meta.agenda[i]);
		}
		r->agenda = buf_take(&b);
	}
	extract_refs(d, cat, r);
	doc_free(d);
}

/* ---- records through a pipe (worker processes) ------------------------ */

/* A record: u32 length of what follows, u32 index, then the fields; a
 * string is u32 length + bytes, UINT32_MAX for NULL (put_bytes). */

static void
rec_encode(buf *b, uint32_t index, const rec *r)
{
	size_t at = b->len;
	put_u32(b, 0);
	put_u32(b, index);
	put_str(b, r->error);
	put_str(b, r->symbol);
	put_str(b, r->date);
	put_str(b, r->lang);
	put_str(b, r->title);
	put_str(b, r->agenda);
	put_u32(b, (uint32_t)r->session);
	put_bytes(b, r->refs_blob.s ? r->refs_blob.s : "", r->refs_blob.len);
	put_u32(b, (uint32_t)r->nrefs);
	for (size_t i = 0; i < r->nrefs; i++) {
		put_str(b, r->refs[i].key);
		put_str(b, r->refs[i].kind);
		put_str(b, r->refs[i].first_path);
		put_str(b, r->refs[i].first_text);
		put_u32(b, (uint32_t)r->refs[i].count);
	}
	uint32_t len = (uint32_t)(b->len - at - 4);
	memcpy(b->s + at, &len, 4);
}

typedef struct reader {
	const char *p, *end;
	int bad;
} reader;

static uint32_t
get_u32(reader *rd)
{
	uint32_t v = 0;
	if (rd->end - rd->p < 4) {
		rd->bad = 1;
		return 0;
	}
	memcpy(&v, rd->p, 4);
	rd->p += 4;
	return v;
}

/* The next field in place: *n bytes at the pointer returned; NULL for a
 * NULL field (and when malformed: rd->bad). */
static const char *
get_field(reader *rd, uint32_t *n)
{
	*n = get_u32(rd);
	if (rd->bad || *n == UINT32_MAX)
		return NULL;
	if ((size_t)(rd->end - rd->p) < *n) {
		rd->bad = 1;
		return NULL;
	}
	const char *s = rd->p;
	rd->p += *n;
	return s;
}

static char *
get_str(reader *rd)
{
	uint32_t n;
	const char *s = get_field(rd, &n);
	return s ? xstrndup(s, n) : NULL;
}

/* Decodes one record body (after its length); -1 if malformed. */
static int
rec_decode(const char *p, size_t n, rec *recs, size_t nrecs)
{
	reader rd = { p, p + n, 0 };
	uint32_t index = get_u32(&rd);
	if (rd.bad || index >= nrecs)
		return -1;
	rec *r = &recs[index];
	rec_clear(r);
	r->error = get_str(&rd);
	r->symbol = get_str(&rd);
	r->date = get_str(&rd);
	r->lang = get_str(&rd);
	r->title = get_str(&rd);
	r->agenda = get_str(&rd);
	r->session = (int)get_u32(&rd);
	uint32_t nblob;
	const char *blob = get_field(&rd, &nblob);
	buf_init(&r->refs_blob);
	if (blob)
		buf_add(&r->refs_blob, blob, nblob);
	uint32_t nrefs = get_u32(&rd);
	for (uint32_t i = 0; i < nrefs && !rd.bad; i++) {
		xgrow((void **)&r->refs, &r->refs_cap, r->nrefs + 1, sizeof *r->refs);
		rec_ref *x = &r->refs[r->nrefs++];
		x->key = get_str(&rd);
		x->kind = get_str(&rd);
		x->first_path = get_str(&rd);
		x->first_text = get_str(&rd);
		x->count = get_u32(&rd);
		if (!x->key || !x->kind || !x->first_path)
			rd.bad = 1;
	}
	if (rd.bad) {
		rec_clear(r);
		return -1;
	}
	r->done = 1;
	return 0;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* A worker: takes the next entry to parse from the counter shared by all
 * workers (so a worker that drew long documents takes fewer), parses it
 * and writes its record to fd at once (a crash loses only the file being
 * parsed). Never returns. */
static void __attribute__((noreturn))
worker(const library *lib, entry **todo, size_t ntodo, size_t *next, int fd)
{
	buf b;
	buf_init(&b);
	for (;;) {
		size_t i = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED);
		if (i >= ntodo)
			break;
		if (lib->worker_hook)
			lib->worker_hook(lib->warn_ctx, todo[i]->path);
		rec r;
		index_file(todo[i]->path, lib->lang, lib->cat, &r);
		b.len = 0;
		rec_encode(&b, (uint32_t)i, &r);
		rec_clear(&r);
		if (write_all(fd, b.s, b.len) < 0)
			_exit(1);
	}
	buf_clear(&b);
	_exit(0);
}

static int
entry_size_desc(const void *a, const void *b)
{
	const entry *x = *(entry *const *)a, *y = *(entry *const *)b;
	return x->size < y->size ? 1 : x->size > y->size ? -1 : 0;
}

/* Parses todo[] into recs[] with lib->jobs worker processes. Entries a
 * worker did not deliver (it crashed) keep done == 0. Returns 0, or -1 if
 * the workers could not be started (the caller parses in-process). */
static int
parse_forked(library *lib, entry **todo, size_t ntodo, rec *recs)
{
	int jobs = lib->jobs;
	int fds[LIBRARY_JOBS_MAX];
	pid_t pids[LIBRARY_JOBS_MAX];
	buf in[LIBRARY_JOBS_MAX];
	int nstarted = 0;

	/* Longest first, then each worker takes the next: the last files
	 * are short, so the workers finish close together. */
	qsort(todo, ntodo, sizeof *todo, entry_size_desc);
	size_t *next = mmap(NULL, sizeof *next, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (next == MAP_FAILED)
		return -1;
	*next = 0;
	fflush(NULL);	/* nothing buffered may be written twice */
	for (int k = 0; k < jobs; k++) {
		int p[2];
		if (pipe(p) < 0)
			break;
		pid_t pid = fork();
		if (pid < 0) {
			close(p[0]);
			close(p[1]);
			break;
		}
		if (pid == 0) {
			close(p[0]);
			for (int j = 0; j < nstarted; j++)
				close(fds[j]);
			worker(lib, todo, ntodo, next, p[1]);
		}
		close(p[1]);
		fds[nstarted] = p[0];
		pids[nstarted] = pid;
		buf_init(&in[nstarted]);
		nstarted++;
	}
	if (nstarted == 0) {
		munmap(next, sizeof *next);
		return -1;
	}

	int open_fds = nstarted;
	size_t ndone = 0;
	struct pollfd pfd[LIBRARY_JOBS_MAX];
	for (int j = 0; j < nstarted; j++) {
		pfd[j].fd = fds[j];
		pfd[j].events = POLLIN;
	}
	char tmp[65536];
	while (open_fds > 0) {
		if (poll(pfd, (nfds_t)nstarted, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int j = 0; j < nstarted; j++) {
			if (pfd[j].fd < 0 || !(pfd[j].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t k = read(pfd[j].fd, tmp, sizeof tmp);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0) {
				close(pfd[j].fd);
				pfd[j].fd = -1;
				open_fds--;
				continue;
			}
			buf_add(&in[j], tmp, (size_t)k);
			/* Decode every complete record. */
			size_t at = 0;
			while (in[j].len - at >= 4) {
				uint32_t n;
				memcpy(&n, in[j].s + at, 4);
				if (in[j].len - at - 4 < n)
					break;
				if (rec_decode(in[j].s + at + 4, n, recs, ntodo) == 0 &&
				    lib->progress)
					lib->progress(lib->warn_ctx, ++ndone, ntodo);
				at += 4 + n;
			}
			if (at) {
				memmove(in[j].s, in[j].s + at, in[j].len - at);
				in[j].len -= at;
				in[j].s[in[j].len] = '\0';
			}
		}
	}
	for (int j = 0; j < nstarted; j++) {
		if (pfd[j].fd >= 0)
			close(pfd[j].fd);
		int status = 0;
		while (waitpid(pids[j], &status, 0) < 0 && errno == EINTR)
			;
		if (WIFSIGNALED(status))
			warnf(lib, "library: a parser process ended with signal %d; "
			      "the file it was reading is left out and tried again "
			      "next time", WTERMSIG(status));
		buf_clear(&in[j]);
	}
	munmap(next, sizeof *next);
	return 0;
}

/* ---- scanning --------------------------------------------------------- */

enum {
	ST_LOOKUP, ST_UPSERT, ST_DELREFS, ST_ADDREF, ST_MEMBER, ST_DELDOC,
	ST_RANGE, ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
	[ST_LOOKUP] = "SELECT id, size, mtime_ns, error FROM doc WHERE path = ?1",
	[ST_UPSERT] = "INSERT INTO doc(path, size, mtime_ns, symbol, date, lang, title,"
		      " agenda, session, error, nkeys, refs)"
		      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"
		      " ON CONFLICT(path) DO UPDATE SET size=excluded.size,"
		      " mtime_ns=excluded.mtime_ns, symbol=excluded.symbol,"
		      " date=excluded.date, lang=excluded.lang, title=excluded.title,"
		      " agenda=excluded.agenda, session=excluded.session,"
		      " error=excluded.error, nkeys=excluded.nkeys,"
		      " refs=excluded.refs RETURNING id",
	[ST_DELREFS] = "DELETE FROM ref WHERE doc = ?1",
	[ST_ADDREF] = "INSERT INTO ref(doc, key, kind, count, first_path, first_text)"
		      " VALUES(?1,?2,?3,?4,?5,?6)",
	[ST_MEMBER] = "INSERT OR IGNORE INTO member(id) VALUES(?1)",
	[ST_DELDOC] = "DELETE FROM doc WHERE id = ?1",
	/* Everything cached under a directory: prefix "dir/" up to "dir0"
	 * ('0' follows '/'). */
	[ST_RANGE] = "SELECT id, path, size, mtime_ns, error FROM doc"
		     " WHERE path >= ?1 AND path < ?2",
};

typedef struct stmts {
	sqlite3_stmt *s[ST_COUNT];
} stmts;

static int
stmts_prepare(sqlite3 *db, stmts *st)
{
	memset(st, 0, sizeof *st);
	for (int i = 0; i < ST_COUNT; i++) {
		int rc = sqlite3_prepare_v3(db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
					    &st->s[i], NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static void
stmts_finalize(stmts *st)
{
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(st->s[i]);
}

static void
bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Runs a statement that returns no rows; resets it. */
static int
step_done(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
store_rec(stmts *st, entry *e, const rec *r)
{
	sqlite3_stmt *u = st->s[ST_UPSERT];
	sqlite3_bind_text(u, 1, e->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(u, 2, e->size);
	sqlite3_bind_int64(u, 3, e->mtime_ns);
	bind_text_or_null(u, 4, r->symbol);
	bind_text_or_null(u, 5, r->date);
	bind_text_or_null(u, 6, r->lang);
	bind_text_or_null(u, 7, r->title);
	bind_text_or_null(u, 8, r->agenda);
	sqlite3_bind_int(u, 9, r->session);
	bind_text_or_null(u, 10, r->error);
	sqlite3_bind_int64(u, 11, (sqlite3_int64)r->nrefs);
	if (r->error)
		sqlite3_bind_null(u, 12);
	else	/* a document without references has an empty list */
		sqlite3_bind_blob(u, 12, r->refs_blob.s ? r->refs_blob.s : "",
				  (int)r->refs_blob.len, SQLITE_STATIC);
	int rc = sqlite3_step(u);
	if (rc == SQLITE_ROW) {
		e->id = sqlite3_column_int64(u, 0);
		rc = sqlite3_step(u);
	}
	sqlite3_reset(u);
	sqlite3_clear_bindings(u);
	if (rc != SQLITE_DONE)
		return rc;
	/* Keys are unique in r->refs (extract_refs): the old ones go (also
	 * when another process indexed the file since our lookup), then
	 * plain inserts. */
	sqlite3_bind_int64(st->s[ST_DELREFS], 1, e->id);
	if ((rc = step_done(st->s[ST_DELREFS])) != SQLITE_OK)
		return rc;
	sqlite3_stmt *a = st->s[ST_ADDREF];
	for (size_t i = 0; i < r->nrefs; i++) {
		const rec_ref *x = &r->refs[i];
		sqlite3_bind_int64(a, 1, e->id);
		sqlite3_bind_text(a, 2, x->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(a, 3, x->kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(a, 4, (sqlite3_int64)x->count);
		sqlite3_bind_text(a, 5, x->first_path, -1, SQLITE_STATIC);
		bind_text_or_null(a, 6, x->first_text);
		if ((rc = step_done(a)) != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int
add_member(stmts *st, long long id)
{
	sqlite3_bind_int64(st->s[ST_MEMBER], 1, id);
	return step_done(st->s[ST_MEMBER]);
}

static entry *
find_entry(entries *es, const char *path)
{
	entry key = { .path = (char *)path };
	return bsearch(&key, es->v, es->n, sizeof *es->v, entry_cmp);
}

typedef struct root {
	char *path;	/* absolute */
	int isdir;
} root;

/* Sets e from its cached row (columns id, size, mtime_ns, error from
 * column at on). A file that could not be read is read again whatever its
 * mtime: what failed may work now (pdftotext installed, permissions
 * fixed), and if not, a warm scan reports what the cold one did. */
static void
entry_from_row(entry *e, sqlite3_stmt *q, int at)
{
	e->id = sqlite3_column_int64(q, 0);
	e->stale = sqlite3_column_int64(q, at) != e->size ||
		   sqlite3_column_int64(q, at + 1) != e->mtime_ns ||
		   sqlite3_column_type(q, at + 2) != SQLITE_NULL;
	e->looked = 1;
}

/* Looks up in the cache every entry that find_vanished did not meet
 * (files named as roots, files new to the index): one read transaction. */
static int
lookup_entries(library *lib, stmts *st, entries *es)
{
	int rc = db_exec(lib->db, "BEGIN");
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_stmt *q = st->s[ST_LOOKUP];
	for (size_t i = 0; i < es->n; i++) {
		entry *e = &es->v[i];
		if (e->looked)
			continue;
		sqlite3_bind_text(q, 1, e->path, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			entry_from_row(e, q, 1);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			e->id = 0;
			e->stale = 1;
			rc = SQLITE_OK;
		}
		sqlite3_reset(q);
		if (rc != SQLITE_OK) {
			db_exec(lib->db, "ROLLBACK");
			return rc;
		}
	}
	return db_exec(lib->db, "COMMIT");
}

/* Reads what the cache has under the directory roots, in one range query
 * each (a warm scan then needs no lookup per file): the entries met get
 * their id and staleness, and the ids of cached files that are gone go
 * to *ids. */
static int
find_vanished(library *lib, stmts *st, const root *roots, size_t nroots,
	      entries *es, long long **ids, size_t *nids, size_t *cap)
{
	int rc = db_exec(lib->db, "BEGIN");
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_stmt *q = st->s[ST_RANGE];
	for (size_t k = 0; k < nroots && rc == SQLITE_OK; k++) {
		if (!roots[k].isdir)
			continue;
		size_t n = strlen(roots[k].path);
		char *lo = n && roots[k].path[n - 1] == '/' ? xstrdup(roots[k].path)
							    : xasprintf("%s/", roots[k].path);
		char *hi = xstrdup(lo);
		hi[strlen(hi) - 1] = '0';
		sqlite3_bind_text(q, 1, lo, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, hi, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			const char *p = (const char *)sqlite3_column_text(q, 1);
			entry *e = p ? find_entry(es, p) : NULL;
			if (e) {
				entry_from_row(e, q, 2);
			} else {
				xgrow((void **)ids, cap, *nids + 1, sizeof **ids);
				(*ids)[(*nids)++] = sqlite3_column_int64(q, 0);
			}
		}
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(q);
		free(lo);
		free(hi);
	}
	if (rc != SQLITE_OK) {
		db_exec(lib->db, "ROLLBACK");
		return rc;
	}
	return db_exec(lib->db, "COMMIT");
}

/* One scan against the current connection; SQLite result code. */
static int
scan_once(library *lib, const root *roots, size_t nroots, entries *es,
	  library_stats *st_out)
{
	stmts st;
	long long *gone = NULL;
	size_t ngone = 0, gone_cap = 0;
	entry **todo = NULL;
	rec *recs = NULL;
	size_t ntodo = 0, parsed = 0, failed = 0, members = 0;
	int rc = stmts_prepare(lib->db, &st);
	if (rc != SQLITE_OK)
		goto out;
	if ((rc = find_vanished(lib, &st, roots, nroots, es, &gone, &ngone, &gone_cap)) != SQLITE_OK)
		goto out;
	if ((rc = lookup_entries(lib, &st, es)) != SQLITE_OK)
		goto out;

	todo = xcalloc(es->n + 1, sizeof *todo);
	for (size_t i = 0; i < es->n; i++)
		if (es->v[i].stale)
			todo[ntodo++] = &es->v[i];
	recs = xcalloc(ntodo + 1, sizeof *recs);
	if (ntodo >= LIBRARY_FORK_MIN && lib->jobs > 1 &&
	    parse_forked(lib, todo, ntodo, recs) == 0) {
		;
	} else {
		for (size_t i = 0; i < ntodo; i++) {
			index_file(todo[i]->path, lib->lang, lib->cat, &recs[i]);
			if (lib->progress)
				lib->progress(lib->warn_ctx, i + 1, ntodo);
		}
	}

	for (size_t i = 0; i < ntodo; i++) {
		if (!recs[i].done) {
			/* Its worker died: leave it out, and out of the cache,
			 * so it is tried again next time. */
			warnf(lib, "%s: not indexed: the parser process reading it ended",
			      todo[i]->path);
			todo[i]->stale = 2;
			failed++;
			continue;
		}
		parsed++;
		if (recs[i].error) {
			failed++;
			warnf(lib, "%s", recs[i].error);
		}
	}

	if (ntodo || ngone) {
		if ((rc = db_exec(lib->db, "BEGIN IMMEDIATE")) != SQLITE_OK)
			goto out;
		for (size_t i = 0; i < ntodo && rc == SQLITE_OK; i++)
			if (recs[i].done)
				rc = store_rec(&st, todo[i], &recs[i]);
		for (size_t i = 0; i < ngone && rc == SQLITE_OK; i++) {
			sqlite3_bind_int64(st.s[ST_DELREFS], 1, gone[i]);
			rc = step_done(st.s[ST_DELREFS]);
			sqlite3_bind_int64(st.s[ST_DELDOC], 1, gone[i]);
			if (rc == SQLITE_OK)
				rc = step_done(st.s[ST_DELDOC]);
		}
		if (rc == SQLITE_OK)
			rc = db_exec(lib->db, "COMMIT");
		if (rc != SQLITE_OK) {
			db_exec(lib->db, "ROLLBACK");
			goto out;
		}
	}

	/* The library is now exactly these files. */
	if ((rc = db_exec(lib->db, "BEGIN")) != SQLITE_OK)
		goto out;
	rc = db_exec(lib->db, "DELETE FROM member");
	for (size_t i = 0; i < es->n && rc == SQLITE_OK; i++) {
		if (es->v[i].stale == 2 || !es->v[i].id)
			continue;
		rc = add_member(&st, es->v[i].id);
		members++;
	}
	if (rc == SQLITE_OK)
		rc = db_exec(lib->db, "COMMIT");
	else
		db_exec(lib->db, "ROLLBACK");
	if (rc == SQLITE_OK && st_out) {
		st_out->files = members;
		st_out->parsed = parsed;
		st_out->unchanged = es->n - ntodo;
		st_out->removed = ngone;
		st_out->failed = failed;
	}
out:
	for (size_t i = 0; i < ntodo; i++)
		rec_clear(&recs[i]);
	free(recs);
	free(todo);
	free(gone);
	stmts_finalize(&st);
	return rc;
}

/* Walks the roots and scans; SQLite result code (after falling back to
 * memory once if the file index is damaged). */
static int
scan_roots(library *lib, const char *const *paths, size_t npaths, library_stats *st)
{
	memset(st, 0, sizeof *st);
	lib->walk_failed = 0;
	root *roots = xcalloc(npaths + 1, sizeof *roots);
	size_t nroots = 0;
	entries es = { 0 };
	for (size_t i = 0; i < npaths; i++) {
		char *abs = realpath(paths[i], NULL);
		if (!abs) {
			warnf(lib, "%s: %s", paths[i], strerror(errno));
			st->missing_roots++;
			continue;
		}
		int kind = walk_root(abs, &es, lib_walk_warn, lib);
		if (kind < 0) {
			st->missing_roots++;
			free(abs);
			continue;
		}
		roots[nroots].path = abs;
		roots[nroots].isdir = kind;
		nroots++;
	}
	/* Sorted and without duplicates (a file under two roots). */
	qsort(es.v, es.n, sizeof *es.v, entry_cmp);
	size_t w = 0;
	for (size_t i = 0; i < es.n; i++) {
		if (w && strcmp(es.v[w - 1].path, es.v[i].path) == 0) {
			free(es.v[i].path);
			continue;
		}
		es.v[w++] = es.v[i];
	}
	es.n = w;

	size_t missing = st->missing_roots, dirs_failed = lib->walk_failed;
	int rc = scan_once(lib, roots, nroots, &es, st);
	if (is_damage(rc) && strcmp(lib->db_path, ":memory:") != 0) {
		/* Damaged under us: keep the file for whoever wants to look
		 * at it, and work from memory. */
		warnf(lib, "library index %s is damaged (%s); using a temporary index for this run",
		      lib->db_path, sqlite3_errstr(rc));
		if (open_memory(lib) == 0) {
			for (size_t i = 0; i < es.n; i++)
				es.v[i].id = 0, es.v[i].stale = 0, es.v[i].looked = 0;
			rc = scan_once(lib, roots, nroots, &es, st);
		}
	}
	st->missing_roots = missing;
	st->dirs_failed = dirs_failed;
	entries_clear(&es);
	for (size_t i = 0; i < nroots; i++)
		free(roots[i].path);
	free(roots);
	return rc;
}

static void
roots_clear(library *lib)
{
	for (size_t i = 0; i < lib->nroots; i++)
		free(lib->roots[i]);
	free(lib->roots);
	lib->roots = NULL;
	lib->nroots = 0;
}

int
library_scan(library *lib, const char *const *paths, size_t npaths,
	     library_stats *st, char **err)
{
	library_stats dummy;
	if (!st)
		st = &dummy;
	*err = NULL;
	refs_cache_clear(lib);	/* what it held may change */
	int rc = scan_roots(lib, paths, npaths, st);
	if (rc != SQLITE_OK) {
		*err = xasprintf("library index %s cannot be updated: %s", lib->db_path,
				 sqlite3_errstr(rc));
		return -1;
	}
	/* Kept to rebuild the library in memory if the file turns out to be
	 * damaged at a later query. */
	roots_clear(lib);
	lib->roots = xcalloc(npaths + 1, sizeof *lib->roots);
	for (size_t i = 0; i < npaths; i++)
		lib->roots[i] = xstrdup(paths[i]);
	lib->nroots = npaths;
	return 0;
}

/* ---- queries ---------------------------------------------------------- */

static const char *const sort_sql[] = {
	[LIBRARY_SORT_SYMBOL] = "d.symbol IS NULL, d.symbol COLLATE natural_order, d.path COLLATE natural_order",
	[LIBRARY_SORT_DATE] = "d.date IS NULL, d.date, d.symbol COLLATE natural_order, d.path",
	[LIBRARY_SORT_TITLE] = "d.title IS NULL, d.title COLLATE NOCASE, d.path COLLATE natural_order",
	[LIBRARY_SORT_PATH] = "d.path COLLATE natural_order",
};

/* A query that failed because the index file is damaged is run again, once,
 * against an in-memory index rebuilt from the roots of the last scan. */
static int
is_damage(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

static int scan_roots(library *lib, const char *const *paths, size_t npaths,
		      library_stats *st);

/* Switches a damaged file index to memory and rescans; 1 if the query may
 * be retried. The damaged file is left as it is. */
static int
recover(library *lib, int rc)
{
	if (!is_damage(rc) || strcmp(lib->db_path, ":memory:") == 0)
		return 0;
	warnf(lib, "library index %s is damaged (%s); using a temporary index for this run",
	      lib->db_path, sqlite3_errstr(rc));
	if (open_memory(lib) < 0)
		return 0;
	/* Per-file problems were reported by the scan that found them. */
	void (*warn)(void *, const char *) = lib->warn;
	lib->warn = NULL;
	library_stats st;
	rc = scan_roots(lib, (const char *const *)lib->roots, lib->nroots, &st);
	lib->warn = warn;
	return rc == SQLITE_OK;
}

/* The rows of a query, gathered by db_collect. */
typedef struct rows_docs {
	library_doc *v;
	size_t n, cap;
} rows_docs;

static int
doc_row(sqlite3_stmt *st, void *ctx)
{
	rows_docs *r = ctx;
	xgrow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v);
	library_doc *d = &r->v[r->n++];
	d->id = sqlite3_column_int64(st, 0);
	d->path = col_dup(st, 1);
	d->symbol = col_dup(st, 2);
	d->date = col_dup(st, 3);
	d->lang = col_dup(st, 4);
	d->title = col_dup(st, 5);
	d->agenda = col_dup(st, 6);
	d->session = sqlite3_column_int(st, 7);
	d->size_bytes = sqlite3_column_int64(st, 8);
	d->mtime_ns = sqlite3_column_int64(st, 9);
	d->error = col_dup(st, 10);
	d->nkeys = (size_t)sqlite3_column_int64(st, 11);
	return SQLITE_OK;
}

static size_t
list_once(library *lib, library_sort by, library_doc **out, int *rcp)
{
	char *sql = xasprintf(
		"SELECT d.id, d.path, d.symbol, d.date, d.lang, d.title, d.agenda,"
		" d.session, d.size, d.mtime_ns, d.error, d.nkeys"
		" FROM doc d JOIN member m ON m.id = d.id ORDER BY %s", sort_sql[by]);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(lib->db, sql, -1, &st, NULL);
	free(sql);
	*rcp = rc;
	if (rc != SQLITE_OK)
		return 0;
	rows_docs r = { 0 };
	rc = db_collect(st, doc_row, &r);
	*rcp = rc;
	if (rc != SQLITE_OK) {
		library_docs_free(r.v, r.n);
		return 0;
	}
	*out = r.v;
	return r.n;
}

size_t
library_list(library *lib, library_sort by, library_doc **out, char **err)
{
	*out = NULL;
	*err = NULL;
	if ((unsigned)by >= ARRAY_LEN(sort_sql))
		by = LIBRARY_SORT_SYMBOL;
	int rc;
	size_t n = list_once(lib, by, out, &rc);
	if (rc != SQLITE_OK && recover(lib, rc))
		n = list_once(lib, by, out, &rc);
	if (rc != SQLITE_OK) {
		*err = xasprintf("library index %s cannot be read: %s", lib->db_path,
				 sqlite3_errstr(rc));
		return (size_t)-1;
	}
	return n;
}

void
library_docs_free(library_doc *docs, size_t n)
{
	if (!docs)
		return;
	for (size_t i = 0; i < n; i++) {
		free(docs[i].path);
		free(docs[i].symbol);
		free(docs[i].date);
		free(docs[i].lang);
		free(docs[i].title);
		free(docs[i].agenda);
		free(docs[i].error);
	}
	free(docs);
}

typedef struct rows_mentions {
	library_mention *v;
	size_t n, cap;
} rows_mentions;

static int
mention_row(sqlite3_stmt *st, void *ctx)
{
	rows_mentions *r = ctx;
	xgrow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v);
	library_mention *m = &r->v[r->n++];
	m->doc_id = sqlite3_column_int64(st, 0);
	m->path = col_dup(st, 1);
	m->symbol = col_dup(st, 2);
	m->title = col_dup(st, 3);
	m->key = col_dup(st, 4);
	m->kind = col_dup(st, 5);
	m->count = (size_t)sqlite3_column_int64(st, 6);
	m->first_path = col_dup(st, 7);
	m->first_text = col_dup(st, 8);
	return SQLITE_OK;
}

static size_t
mentions_once(library *lib, const char *sql, const char *arg,
	      library_mention **out, int *rcp)
{
	sqlite3_stmt *st;
	*out = NULL;
	int rc = sqlite3_prepare_v2(lib->db, sql, -1, &st, NULL);
	*rcp = rc;
	if (rc != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	rows_mentions r = { 0 };
	rc = db_collect(st, mention_row, &r);
	*rcp = rc;
	if (rc != SQLITE_OK) {
		library_mentions_free(r.v, r.n);
		return 0;
	}
	*out = r.v;
	return r.n;
}

/* Runs the queries in turn until one gives rows (all with the same arg);
 * once more from memory if the index is damaged. */
static size_t
mentions_query(library *lib, const char *const *sqls, size_t nsql, const char *arg,
	       library_mention **out, char **err)
{
	*out = NULL;
	*err = NULL;
	for (int attempt = 0; attempt < 2; attempt++) {
		int rc = SQLITE_OK;
		size_t n = 0;
		for (size_t i = 0; i < nsql && rc == SQLITE_OK && n == 0; i++) {
			free(*out);
			n = mentions_once(lib, sqls[i], arg, out, &rc);
		}
		if (rc == SQLITE_OK)
			return n;
		if (attempt || !recover(lib, rc)) {
			*err = xasprintf("library index %s cannot be read: %s",
					 lib->db_path, sqlite3_errstr(rc));
			break;
		}
	}
	return (size_t)-1;
}

#define MENTION_COLS \
	"SELECT r.doc, d.path, d.symbol, d.title, r.key, r.kind, r.count," \
	" r.first_path, r.first_text FROM ref r JOIN member m ON m.id = r.doc" \
	" JOIN doc d ON d.id = r.doc "
#define MENTION_ORDER \
	" ORDER BY r.count DESC, d.symbol IS NULL, d.symbol COLLATE natural_order," \
	" d.path COLLATE natural_order, r.key COLLATE natural_order"

size_t
library_mentions(library *lib, const char *key, library_mention **out, char **err)
{
	static const char *const sqls[] = {
		MENTION_COLS "WHERE r.key = ?1" MENTION_ORDER,
		/* No exact key: the same key in other case, or a key ending
		 * in it ("item 98" -> "A/75 item 98"). */
		MENTION_COLS "WHERE r.key = ?1 COLLATE NOCASE"
		" OR substr(r.key, -length(?1) - 1) = ' ' || ?1 COLLATE NOCASE"
		MENTION_ORDER,
	};
	return mentions_query(lib, sqls, 2, key, out, err);
}

size_t
library_doc_refs(library *lib, const char *path, library_mention **out, char **err)
{
	static const char *const sql =
		"SELECT r.doc, d.path, d.symbol, d.title, r.key, r.kind, r.count,"
		" r.first_path, r.first_text FROM ref r JOIN doc d ON d.id = r.doc"
		" WHERE d.path = ?1 ORDER BY r.kind, r.key COLLATE natural_order";
	char *abs = realpath(path, NULL);
	size_t n = mentions_query(lib, &sql, 1, abs ? abs : path, out, err);
	free(abs);
	return n;
}

void
library_mention_clear(library_mention *m)
{
	free(m->path);
	free(m->symbol);
	free(m->title);
	free(m->key);
	free(m->kind);
	free(m->first_path);
	free(m->first_text);
	memset(m, 0, sizeof *m);
}

void
library_mentions_free(library_mention *m, size_t n)
{
	if (!m)
		return;
	for (size_t i = 0; i < n; i++)
		library_mention_clear(&m[i]);
	free(m);
}

size_t
library_mentions_drop_path(library_mention *m, size_t n, const char *path)
{
	char *abs = path ? realpath(path, NULL) : NULL;
	const char *p = abs ? abs : path;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (p && m[i].path && strcmp(m[i].path, p) == 0) {
			library_mention_clear(&m[i]);
			continue;
		}
		m[k++] = m[i];
	}
	/* The moved items' old places: empty, so freeing the array with
	 * either count is right. */
	memset(m + k, 0, (n - k) * sizeof *m);
	free(abs);
	return k;
}

typedef struct rows_keys {
	library_key *v;
	size_t n, cap;
} rows_keys;

static int
key_row(sqlite3_stmt *st, void *ctx)
{
	rows_keys *r = ctx;
	xgrow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v);
	library_key *k = &r->v[r->n++];
	k->key = col_dup(st, 0);
	k->kind = col_dup(st, 1);
	k->ndocs = (size_t)sqlite3_column_int64(st, 2);
	k->count = (size_t)sqlite3_column_int64(st, 3);
	return SQLITE_OK;
}

static size_t
keys_once(library *lib, library_key **out, int *rcp)
{
	sqlite3_stmt *st;
	*out = NULL;
	int rc = sqlite3_prepare_v2(lib->db,
				    "SELECT r.key, min(r.kind), count(*), sum(r.count)"
				    " FROM ref r JOIN member m ON m.id = r.doc"
				    " GROUP BY r.key ORDER BY 3 DESC, 1 COLLATE natural_order",
				    -1, &st, NULL);
	*rcp = rc;
	if (rc != SQLITE_OK)
		return 0;
	rows_keys r = { 0 };
	rc = db_collect(st, key_row, &r);
	*rcp = rc;
	if (rc != SQLITE_OK) {
		library_keys_free(r.v, r.n);
		return 0;
	}
	*out = r.v;
	return r.n;
}

size_t
library_keys(library *lib, library_key **out, char **err)
{
	*err = NULL;
	int rc;
	size_t n = keys_once(lib, out, &rc);
	if (rc != SQLITE_OK && recover(lib, rc))
		n = keys_once(lib, out, &rc);
	if (rc != SQLITE_OK) {
		*err = xasprintf("library index %s cannot be read: %s", lib->db_path,
				 sqlite3_errstr(rc));
		return (size_t)-1;
	}
	return n;
}

void
library_keys_free(library_key *k, size_t n)
{
	if (!k)
		return;
	for (size_t i = 0; i < n; i++) {
		free(k[i].key);
		free(k[i].kind);
	}
	free(k);
}

/* ---- the references of one document, as --refs prints them ------------ */

void
library_refs_free(library_ref *r, size_t n)
{
	if (!r)
		return;
	for (size_t i = 0; i < n; i++) {
		free(r[i].path);
		free(r[i].kind);
		free(r[i].key);
		free(r[i].text);
		free(r[i].para);
		free(r[i].title);
	}
	free(r);
}

/* Decodes a refs_blob; -1 if malformed (then nothing is returned). */
static int
refs_blob_decode(const char *p, size_t n, library_ref **out, size_t *nout)
{
	reader rd = { p, p + n, 0 };
	library_ref *v = NULL;
	size_t k = 0, cap = 0;
	while (rd.p < rd.end && !rd.bad) {
		xgrow((void **)&v, &cap, k + 1, sizeof *v);
		library_ref *r = &v[k++];
		memset(r, 0, sizeof *r);
		r->path = get_str(&rd);
		r->kind = get_str(&rd);
		r->key = get_str(&rd);
		uint32_t tn;
		const char *t = get_field(&rd, &tn);
		r->text = t ? xstrndup(t, tn) : NULL;
		r->text_len = t ? tn : 0;
		r->para = get_str(&rd);
		r->title = get_str(&rd);
		if (!r->path || !r->kind || !r->key || !r->text)
			rd.bad = 1;
	}
	if (rd.bad) {
		library_refs_free(v, k);
		return -1;
	}
	*out = v;
	*nout = k;
	return 0;
}

/* Every member's references, read in one query the first time they are
 * asked for after a scan (one indexed lookup per file costs more than the
 * whole query over 2,000 files), sorted by path for bsearch. */
typedef struct refs_entry {
	char *path;
	char *blob;
	size_t len;
} refs_entry;

typedef struct refs_cache {
	refs_entry *v;
	size_t n, cap;
} refs_cache;

static void
refs_cache_clear(library *lib)
{
	refs_cache *c = lib->refs;
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].path);
		free(c->v[i].blob);
	}
	free(c->v);
	free(c);
	lib->refs = NULL;
}

static int
refs_cache_row(sqlite3_stmt *st, void *ctx)
{
	refs_cache *c = ctx;
	const unsigned char *path = sqlite3_column_text(st, 0);
	const void *blob = sqlite3_column_blob(st, 1);
	size_t len = (size_t)sqlite3_column_bytes(st, 1);
	if (!path)
		return SQLITE_OK;
	xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v);
	refs_entry *e = &c->v[c->n++];
	e->path = xstrdup((const char *)path);
	e->blob = xmalloc(len + 1);
	if (len)
		memcpy(e->blob, blob, len);
	e->len = len;
	return SQLITE_OK;
}

static int
refs_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const refs_entry *)a)->path, ((const refs_entry *)b)->path);
}

/* Fills lib->refs; SQLite's code. */
static int
refs_cache_load(library *lib)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(lib->db,
				    "SELECT d.path, d.refs FROM doc d JOIN member m ON m.id = d.id"
				    " WHERE d.error IS NULL AND typeof(d.refs) = 'blob'",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	refs_cache *c = xcalloc(1, sizeof *c);
	rc = db_collect(st, refs_cache_row, c);
	lib->refs = c;
	if (rc != SQLITE_OK) {
		refs_cache_clear(lib);
		return rc;
	}
	qsort(c->v, c->n, sizeof *c->v, refs_entry_cmp);
	return SQLITE_OK;
}

int
library_refs_of(library *lib, const char *path, library_ref **out, size_t *n,
		char **err)
{
	*out = NULL;
	*n = 0;
	*err = NULL;
	int rc = SQLITE_OK;
	if (!lib->refs && (rc = refs_cache_load(lib)) != SQLITE_OK &&
	    (!recover(lib, rc) || (rc = refs_cache_load(lib)) != SQLITE_OK)) {
		*err = xasprintf("library index %s cannot be read: %s",
				 lib->db_path, sqlite3_errstr(rc));
		return -1;
	}
	refs_entry key = { .path = (char *)path };
	const refs_entry *e = bsearch(&key, lib->refs->v, lib->refs->n,
				      sizeof *lib->refs->v, refs_entry_cmp);
	if (!e || refs_blob_decode(e->blob, e->len, out, n) < 0)
		return 0;	/* not there, or not whole */
	return 1;
}

/* ---- the files under roots, for a caller that reads them all -------- */

static void
walk_quiet(void *ctx, const char *msg)
{
	(void)ctx, (void)msg;
}

/* The name library_scan gives the file walked as path under root (both
 * as the caller wrote them): the root's real path, then the names under
 * it, as scan_roots walks. NULL when the root has no real path. */
static char *
index_name(const char *root_dir, const char *abs, int isdir, const char *path)
{
	if (!abs || !isdir)
		return abs ? xstrdup(abs) : NULL;
	const char *rest = path + strlen(root_dir);
	while (*rest == '/')
		rest++;
	size_t n = strlen(abs);
	return xasprintf("%s%s%s", abs, n && abs[n - 1] == '/' ? "" : "/", rest);
}

size_t
library_walk(const char *const *roots, size_t nroots,
	     void (*warn)(void *ctx, const char *msg), void *ctx, char ***out,
	     char ***index_paths)
{
	entries es = { 0 };
	char **names = NULL;
	size_t names_cap = 0;
	for (size_t i = 0; i < nroots; i++) {
		entries one = { 0 };
		if (strcmp(roots[i], "-") == 0) {
			/* Standard input: one document, read by doc_open. */
			xgrow((void **)&es.v, &es.cap, es.n + 1, sizeof *es.v);
			memset(&es.v[es.n], 0, sizeof *es.v);
			if (index_paths) {
				xgrow((void **)&names, &names_cap, es.n + 1, sizeof *names);
				names[es.n] = NULL;
			}
			es.v[es.n++].path = xstrdup("-");
			continue;
		}
		int kind = walk_root(roots[i], &one, warn ? warn : walk_quiet, ctx);
		if (kind < 0)
			continue;
		/* Within a root, path order; roots in the order given. */
		qsort(one.v, one.n, sizeof *one.v, entry_cmp);
		char *abs = index_paths ? realpath(roots[i], NULL) : NULL;
		for (size_t k = 0; k < one.n; k++) {
			xgrow((void **)&es.v, &es.cap, es.n + 1, sizeof *es.v);
			if (index_paths) {
				xgrow((void **)&names, &names_cap, es.n + 1, sizeof *names);
				names[es.n] = index_name(roots[i], abs, kind, one.v[k].path);
			}
			es.v[es.n++] = one.v[k];
		}
		free(abs);
		free(one.v);
	}
	char **paths = xcalloc(es.n + 1, sizeof *paths);
	for (size_t i = 0; i < es.n; i++)
		paths[i] = es.v[i].path;	/* taken */
	free(es.v);
	*out = paths;
	if (index_paths) {
		if (!names)
			names = xcalloc(1, sizeof *names);
		*index_paths = names;
	}
	return es.n;
}

void
library_paths_free(char **paths, size_t n)
{
	if (!paths)
		return;
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}
