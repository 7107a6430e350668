/* Unit tests of the library index: cold and warm scans (by the parse
 * counter), one touched file, one deleted file, the forked parser, an index
 * file that is not ours (never modified), reference queries, the --refs
 * lines kept in the index, and the progress line of a scan. Every test
 * works in its own mkdtemp directory holding copies of corpus documents
 * (tests/data/parse/corpus) under the names of docs[]. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <ftw.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <termios.h>

#include <sqlite3.h>

#include "cli/cli_library.h"
#include "doc_open.h"
#include "library.h"
#include "refs.h"
#include "util.h"

/* The library's file names; corpus[i] is the corpus text docs[i] copies. */
static const char *const docs[] = {
	"A_C.1_80_L.20.txt", "A_RES_80_16.txt", "cis-declaration-2020.txt",
};
static const char *const corpus[] = {
	"en_A_C.1_80_L.20.txt", "en_A_RES_80_16.txt", "es_cis-declaration-2020.txt",
};

typedef struct fixture {
	char *dir;	/* temp root */
	char *lib;	/* dir/docs: the library */
	char *db;	/* dir/data/library.db */
	int warnings;
	char last_warning[512];
	size_t prog_calls, prog_done, prog_total;
} fixture;

/* The corpus text of the library document NAME (one of docs[]). */
static char *
data_path(const char *name)
{
	const char *top = getenv("top_srcdir");
	size_t i = 0;
	while (i < sizeof docs / sizeof *docs && strcmp(docs[i], name))
		i++;
	assert_true(i < sizeof docs / sizeof *docs);
	return xasprintf("%s/tests/data/parse/corpus/%s", top ? top : "..", corpus[i]);
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	buf b;
	buf_init(&b);
	char tmp[8192];
	size_t k;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, k);
	fclose(f);
	*n = b.len;
	return b.s ? buf_take(&b) : xstrdup("");
}

static void
spit(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void
copy_doc(const char *name, const char *dest)
{
	char *src = data_path(name);
	size_t n;
	char *data = slurp(src, &n);
	spit(dest, data, n);
	free(data);
	free(src);
}

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(p);
}

static void
warn_cb(void *ctx, const char *msg)
{
	fixture *fx = ctx;
	fx->warnings++;
	snprintf(fx->last_warning, sizeof fx->last_warning, "%s", msg);
}

static void
progress_cb(void *ctx, size_t done, size_t total)
{
	fixture *fx = ctx;
	fx->prog_calls++;
	assert_true(done > fx->prog_done || done == 1);
	fx->prog_done = done;
	fx->prog_total = total;
}

static int
setup(void **state)
{
	fixture *fx = xcalloc(1, sizeof *fx);
	const char *tmp = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/lectern-library-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpl))
		return -1;
	fx->dir = tmpl;
	fx->lib = xasprintf("%s/docs", fx->dir);
	fx->db = xasprintf("%s/data/lectern/library.db", fx->dir);
	if (mkdir(fx->lib, 0755) < 0)
		return -1;
	for (size_t i = 0; i < ARRAY_LEN(docs); i++) {
		char *p = xasprintf("%s/%s", fx->lib, docs[i]);
		copy_doc(docs[i], p);
		free(p);
	}
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	fixture *fx = *state;
	nftw(fx->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(fx->dir);
	free(fx->lib);
	free(fx->db);
	free(fx);
	return 0;
}

static library *
open_lib(fixture *fx, const char *db, int jobs)
{
	library_options opt = { .db_path = db, .jobs = jobs, .warn = warn_cb,
				.warn_ctx = fx, .progress = progress_cb };
	char *w = NULL;
	library *lib = library_open(&opt, &w);
	assert_non_null(lib);
	if (w) {
		fx->warnings++;
		snprintf(fx->last_warning, sizeof fx->last_warning, "%s", w);
		free(w);
	}
	return lib;
}

static library_stats
scan(library *lib, const char *root)
{
	library_stats st;
	char *err = NULL;
	const char *roots[] = { root };
	int rc = library_scan(lib, roots, 1, &st, &err);
	if (rc < 0)
		fail_msg("scan: %s", err);
	assert_null(err);
	return st;
}

static size_t
count_docs(library *lib)
{
	library_doc *d;
	char *err;
	size_t n = library_list(lib, LIBRARY_SORT_PATH, &d, &err);
	assert_int_not_equal(n, (size_t)-1);
	library_docs_free(d, n);
	return n;
}

/* Cold: every file parsed; warm in a new process-like open: none. */
static void
test_cold_then_warm(void **state)
{
	fixture *fx = *state;
	library *lib = open_lib(fx, fx->db, 1);
	assert_int_equal(fx->warnings, 0);
	library_stats st = scan(lib, fx->lib);
	assert_int_equal(st.files, 3);
	assert_int_equal(st.parsed, 3);
	assert_int_equal(st.unchanged, 0);
	assert_int_equal(st.failed, 0);

	library_doc *d;
	char *err;
	size_t n = library_list(lib, LIBRARY_SORT_PATH, &d, &err);
	assert_int_equal(n, 3);
	char *want = realpath(fx->lib, NULL);
	char *p0 = xasprintf("%s/%s", want, docs[0]);
	assert_string_equal(d[0].path, p0);
	assert_null(d[0].error);
	assert_true(d[2].size_bytes > 0);
	free(p0);
	free(want);
	library_docs_free(d, n);
	library_free(lib);

	/* The index file is a SQLite database of ours. */
	struct stat sb;
	assert_int_equal(stat(fx->db, &sb), 0);

	lib = open_lib(fx, fx->db, 1);
	assert_int_equal(fx->warnings, 0);
	st = scan(lib, fx->lib);
	assert_int_equal(st.files, 3);
	assert_int_equal(st.parsed, 0);
	assert_int_equal(st.unchanged, 3);
	assert_int_equal(count_docs(lib), 3);
	library_free(lib);
}

/* A changed mtime (same size), then a changed size (same mtime): exactly
 * one re-parse each; a deleted file leaves the index. */
static void
test_touch_and_delete(void **state)
{
	fixture *fx = *state;
	library *lib = open_lib(fx, fx->db, 1);
	library_stats st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 3);

	char *p = xasprintf("%s/%s", fx->lib, docs[1]);
	struct stat sb;
	assert_int_equal(stat(p, &sb), 0);
	struct timespec ts[2] = { sb.st_atim, sb.st_mtim };
	ts[1].tv_sec += 10;
	assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
	st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 1);
	assert_int_equal(st.unchanged, 2);
	st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 0);

	/* Same mtime, one more byte. */
	FILE *f = fopen(p, "ab");
	assert_non_null(f);
	fputs("\n", f);
	fclose(f);
	assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
	st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 1);

	/* Deleted: dropped from the cache, not only from the library. */
	assert_int_equal(unlink(p), 0);
	st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 0);
	assert_int_equal(st.removed, 1);
	assert_int_equal(st.files, 2);
	assert_int_equal(count_docs(lib), 2);
	library_free(lib);

	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(fx->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM doc", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 2);
	sqlite3_finalize(q);
	/* Its references went with it; the others' stayed. */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*), count(DISTINCT r.doc)"
					    " FROM ref r LEFT JOIN doc d ON d.id = r.doc"
					    " WHERE d.id IS NULL", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(DISTINCT doc) FROM ref",
					    -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 2);
	sqlite3_finalize(q);
	sqlite3_close(db);
	free(p);
}

/* Files not named .txt or .pdf, hidden files and unreadable files. */
static void
test_walk_rules(void **state)
{
	fixture *fx = *state;
	char *sub = xasprintf("%s/sub/.hidden", fx->lib);
	char *s1 = xasprintf("%s/sub", fx->lib);
	assert_int_equal(mkdir(s1, 0755), 0);
	assert_int_equal(mkdir(sub, 0755), 0);
	char *a = xasprintf("%s/sub/A_RES_80_9.TXT", fx->lib);
	char *b = xasprintf("%s/sub/A_RES_80_10.txt", fx->lib);
	char *c = xasprintf("%s/sub/notes.md", fx->lib);
	char *h = xasprintf("%s/x.txt", sub);
	copy_doc(docs[0], a);
	copy_doc(docs[0], b);
	copy_doc(docs[0], c);
	copy_doc(docs[0], h);
	library *lib = open_lib(fx, ":memory:", 1);
	library_stats st = scan(lib, fx->lib);
	assert_int_equal(st.files, 5);

	/* Natural order: 9 before 10. */
	library_doc *d;
	char *err;
	size_t n = library_list(lib, LIBRARY_SORT_PATH, &d, &err);
	assert_int_equal(n, 5);
	assert_non_null(strstr(d[3].path, "sub/A_RES_80_9.TXT"));
	assert_non_null(strstr(d[4].path, "sub/A_RES_80_10.txt"));
	library_docs_free(d, n);

	/* A file named as a root is taken whatever its name; a missing root
	 * is a warning. */
	const char *roots[] = { c, "/nonexistent/lectern/x" };
	int before = fx->warnings;
	assert_int_equal(library_scan(lib, roots, 2, &st, &err), 0);
	assert_int_equal(st.files, 1);
	assert_int_equal(st.missing_roots, 1);
	assert_int_equal(fx->warnings, before + 1);
	assert_non_null(strstr(fx->last_warning, "/nonexistent/lectern/x"));
	library_free(lib);
	free(sub), free(s1), free(a), free(b), free(c), free(h);
}

/* An index file that is not a SQLite database, or not ours: a warning, an
 * in-memory index that works, and the file byte for byte as it was. */
static void
test_foreign_index_untouched(void **state)
{
	fixture *fx = *state;
	char *data = xasprintf("%s/data", fx->dir);
	char *dir = xasprintf("%s/data/lectern", fx->dir);
	assert_int_equal(mkdir(data, 0700), 0);
	assert_int_equal(mkdir(dir, 0700), 0);
	static const char text[] = "These are my notes, not a database.\n";
	spit(fx->db, text, sizeof text - 1);

	library *lib = open_lib(fx, fx->db, 1);
	assert_int_equal(fx->warnings, 1);
	assert_non_null(strstr(fx->last_warning, fx->db));
	assert_non_null(strstr(fx->last_warning, "temporary index"));
	assert_string_equal(library_db_path(lib), ":memory:");
	library_stats st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 3);
	assert_int_equal(count_docs(lib), 3);
	library_free(lib);
	size_t n;
	char *now = slurp(fx->db, &n);
	assert_int_equal(n, sizeof text - 1);
	assert_memory_equal(now, text, n);
	free(now);

	/* Shorter than a SQLite header (SQLite itself would take it for an
	 * empty database and write over it). */
	spit(fx->db, "x", 1);
	lib = open_lib(fx, fx->db, 1);
	assert_non_null(strstr(fx->last_warning, "not a SQLite database"));
	scan(lib, fx->lib);
	library_free(lib);
	now = slurp(fx->db, &n);
	assert_int_equal(n, 1);
	assert_memory_equal(now, "x", 1);
	free(now);

	/* A SQLite database of someone else. */
	assert_int_equal(unlink(fx->db), 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE doc(x); INSERT INTO doc VALUES(42);",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	size_t n1;
	char *before = slurp(fx->db, &n1);
	lib = open_lib(fx, fx->db, 1);
	assert_int_equal(fx->warnings, 3);
	assert_non_null(strstr(fx->last_warning, "not a lectern library index"));
	scan(lib, fx->lib);
	library_free(lib);
	char *after = slurp(fx->db, &n);
	assert_int_equal(n, n1);
	assert_memory_equal(before, after, n);
	free(before);
	free(after);
	free(data);
	free(dir);
}

/* An index of ours with an older schema is a cache: rebuilt, no warning.
 * One of a newer lectern is left alone. */
static void
test_schema_versions(void **state)
{
	fixture *fx = *state;
	char *data = xasprintf("%s/data", fx->dir);
	char *dir = xasprintf("%s/data/lectern", fx->dir);
	assert_int_equal(mkdir(data, 0700), 0);
	assert_int_equal(mkdir(dir, 0700), 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	/* application_id 0x4c43544c ("LCTL"): ours */
	assert_int_equal(sqlite3_exec(db, "PRAGMA application_id=1279480908;"
				      "PRAGMA user_version=1; CREATE TABLE doc(x);",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	library *lib = open_lib(fx, fx->db, 1);
	assert_int_equal(fx->warnings, 0);
	assert_string_equal(library_db_path(lib), fx->db);
	library_stats st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 3);
	library_free(lib);

	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	size_t n1, n2;
	char *before = slurp(fx->db, &n1);
	lib = open_lib(fx, fx->db, 1);
	assert_int_equal(fx->warnings, 1);
	assert_non_null(strstr(fx->last_warning, "newer lectern"));
	scan(lib, fx->lib);
	library_free(lib);
	char *after = slurp(fx->db, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before), free(after), free(data), free(dir);
}

/* An index of ours with one damaged page, each page in turn (the damage is
 * found on opening, while scanning or only by a query): a warning, right
 * answers from an in-memory index, and the file as it was (someone may want
 * to look at it). */
static void
test_damaged_index_untouched(void **state)
{
	fixture *fx = *state;
	library *lib = open_lib(fx, fx->db, 1);
	scan(lib, fx->lib);
	library_free(lib);
	assert_int_equal(fx->warnings, 0);

	size_t n;
	char *good = slurp(fx->db, &n);
	assert_true(n >= 4 * 4096);
	size_t noticed = 0;
	for (size_t page = 1; page < n / 4096; page++) {
		char *data = xmalloc(n);
		memcpy(data, good, n);
		memset(data + page * 4096, 0xab, 4096);	/* page 1: header, intact */
		spit(fx->db, data, n);

		fx->warnings = 0;
		lib = open_lib(fx, fx->db, 1);
		library_stats st = scan(lib, fx->lib);
		assert_int_equal(st.files, 3);
		library_mention *m;
		char *err;
		size_t k = library_mentions(lib, "item 94", &m, &err);
		assert_int_equal(k, 2);
		library_mentions_free(m, k);
		assert_int_equal(count_docs(lib), 3);
		if (fx->warnings) {
			noticed++;
			assert_int_equal(fx->warnings, 1);
			assert_non_null(strstr(fx->last_warning, "temporary index"));
			assert_string_equal(library_db_path(lib), ":memory:");
		}
		library_free(lib);

		size_t n2;
		char *after = slurp(fx->db, &n2);
		if (fx->warnings) {
			assert_int_equal(n2, n);
			assert_memory_equal(after, data, n);
		}
		free(after);
		free(data);
	}
	/* The index has no free page: every page is read by one of the
	 * steps above, so every damage is noticed. */
	assert_int_equal(noticed, n / 4096 - 1);
	free(good);
}

/* A file that cannot be read is warned about on every scan, and read again
 * even when its size and mtime did not change (what failed may work now). */
static void
test_unreadable_retried(void **state)
{
	fixture *fx = *state;
	char *src = data_path(docs[1]);
	size_t n;
	char *text = slurp(src, &n);
	free(src);
	char *p = xasprintf("%s/broken.txt", fx->lib);
	text[100] = '\0';			/* a NUL byte: refused as binary */
	spit(p, text, n);
	struct stat sb;
	assert_int_equal(stat(p, &sb), 0);

	library *lib = open_lib(fx, fx->db, 1);
	library_stats st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 4);
	assert_int_equal(st.failed, 1);
	assert_int_equal(fx->warnings, 1);
	assert_non_null(strstr(fx->last_warning, "broken.txt"));

	library_doc *d;
	char *err;
	size_t k = library_list(lib, LIBRARY_SORT_PATH, &d, &err);
	assert_int_equal(k, 4);
	assert_non_null(strstr(d[2].path, "/broken.txt"));	/* by path */
	assert_non_null(d[2].error);
	library_docs_free(d, k);

	st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 1);
	assert_int_equal(st.failed, 1);
	assert_int_equal(fx->warnings, 2);

	/* Repaired in place: same size, same mtime. */
	text[100] = ' ';
	spit(p, text, n);
	struct timespec ts[2] = { sb.st_atim, sb.st_mtim };
	assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
	st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 1);
	assert_int_equal(st.failed, 0);
	assert_int_equal(fx->warnings, 2);
	k = library_list(lib, LIBRARY_SORT_PATH, &d, &err);
	assert_int_equal(k, 4);
	assert_null(d[2].error);
	assert_string_equal(d[2].symbol, "A/RES/80/16");
	library_docs_free(d, k);
	st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 0);
	library_free(lib);
	free(p);
	free(text);
}

/* Many files: parsed by two worker processes, with the same result as in
 * this process. */
static void
test_forked_same_as_inline(void **state)
{
	fixture *fx = *state;
	for (int i = 0; i < 30; i++) {
		char *p = xasprintf("%s/copy%02d-%s", fx->lib, i, docs[i % 3]);
		copy_doc(docs[i % 3], p);
		free(p);
	}
	library *a = open_lib(fx, ":memory:", 1);
	library *b = open_lib(fx, fx->db, 2);
	library_stats sa = scan(a, fx->lib);
	assert_int_equal(fx->prog_calls, 33);
	fx->prog_calls = 0;
	library_stats sb = scan(b, fx->lib);
	assert_int_equal(fx->prog_calls, 33);
	assert_int_equal(fx->prog_done, 33);
	assert_int_equal(fx->prog_total, 33);
	assert_int_equal(sa.parsed, 33);
	assert_int_equal(sb.parsed, 33);
	assert_int_equal(sb.files, 33);
	assert_int_equal(sb.failed, 0);

	library_doc *da, *db;
	char *err;
	size_t na = library_list(a, LIBRARY_SORT_SYMBOL, &da, &err);
	size_t nb = library_list(b, LIBRARY_SORT_SYMBOL, &db, &err);
	assert_int_equal(na, 33);
	assert_int_equal(nb, 33);
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(da[i].path, db[i].path);
		assert_true((da[i].symbol == NULL) == (db[i].symbol == NULL));
		if (da[i].symbol)
			assert_string_equal(da[i].symbol, db[i].symbol);
		assert_true((da[i].title == NULL) == (db[i].title == NULL));
		if (da[i].title)
			assert_string_equal(da[i].title, db[i].title);
		assert_int_equal(da[i].nkeys, db[i].nkeys);
	}
	library_docs_free(da, na);
	library_docs_free(db, nb);
	library_free(a);
	library_free(b);

	b = open_lib(fx, fx->db, 2);
	fx->prog_calls = 0;
	sb = scan(b, fx->lib);
	assert_int_equal(fx->prog_calls, 0);
	assert_int_equal(sb.parsed, 0);
	assert_int_equal(sb.unchanged, 33);
	library_free(b);
}

/* The worker hook of test_worker_killed, run in the worker processes: the
 * first worker to draw a file writes its pid and that file's path to
 * dir/stopped (whole, by a rename) and waits to be killed; any other
 * worker waits until that is done, so that it cannot parse every file
 * before the first one has drawn. Timing cannot change the outcome. */
static void
stop_first_worker(void *ctx, const char *path)
{
	fixture *fx = ctx;
	char *lock = xasprintf("%s/stopped.lock", fx->dir);
	char *tmp = xasprintf("%s/stopped.tmp", fx->dir);
	char *done = xasprintf("%s/stopped", fx->dir);
	int fd = open(lock, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd >= 0) {
		close(fd);
		FILE *f = fopen(tmp, "w");
		if (!f)
			_exit(3);
		fprintf(f, "%ld\n%s\n", (long)getpid(), path);
		if (fclose(f) != 0 || rename(tmp, done) < 0)
			_exit(3);
		for (;;)
			pause();	/* until the parent's SIGKILL */
	}
	for (int i = 0; i < 6000 && access(done, F_OK) < 0; i++)
		usleep(10000);
	free(lock);
	free(tmp);
	free(done);
}

/* The progress callback of test_worker_killed: at the first record, waits
 * for the stopped worker (at most 60 s) and kills exactly that one, as a
 * parser crash would end it; remembers the file it held. */
static char killed_path[4096];

static void
kill_stopped_worker(void *ctx, size_t done, size_t total)
{
	fixture *fx = ctx;
	(void)total;
	if (done != 1)
		return;
	char *p = xasprintf("%s/stopped", fx->dir);
	FILE *f = NULL;
	for (int i = 0; i < 6000 && !(f = fopen(p, "r")); i++)
		usleep(10000);
	free(p);
	assert_non_null(f);
	long pid = 0;
	assert_int_equal(fscanf(f, "%ld\n", &pid), 1);
	assert_non_null(fgets(killed_path, sizeof killed_path, f));
	fclose(f);
	killed_path[strcspn(killed_path, "\n")] = '\0';
	assert_true(pid > 1);
	assert_int_equal(kill((pid_t)pid, SIGKILL), 0);
	fx->prog_calls = 1000;	/* killed one */
}

/* A worker that dies costs only the file it was reading: left out of the
 * library (failed, warned), the others indexed, and the next scan parses
 * exactly what was left out. */
static void
test_worker_killed(void **state)
{
	fixture *fx = *state;
	for (int i = 0; i < 30; i++) {
		char *p = xasprintf("%s/copy%02d-%s", fx->lib, i, docs[i % 3]);
		copy_doc(docs[i % 3], p);
		free(p);
	}
	killed_path[0] = '\0';
	library_options opt = { .db_path = fx->db, .jobs = 2, .warn = warn_cb,
				.warn_ctx = fx, .progress = kill_stopped_worker,
				.worker_hook = stop_first_worker };
	char *w = NULL;
	library *lib = library_open(&opt, &w);
	assert_null(w);
	library_stats st = scan(lib, fx->lib);
	assert_int_equal(fx->prog_calls, 1000);	/* a worker was killed */
	assert_int_equal(st.failed, 1);
	assert_int_equal(st.parsed, 32);
	assert_int_equal(st.files, 32);
	assert_int_equal(count_docs(lib), 32);
	/* The signal, then the file it held, by name. */
	assert_int_equal(fx->warnings, 2);
	assert_true(killed_path[0] != '\0');
	assert_non_null(strstr(fx->last_warning, killed_path));
	library_free(lib);

	lib = open_lib(fx, fx->db, 1);
	st = scan(lib, fx->lib);
	assert_int_equal(st.parsed, 1);
	assert_int_equal(st.files, 33);
	library_free(lib);
}

/* "Which documents mention item 94?" and the other queries, over the three
 * documents: two resolutions of the 80th session under agenda item 94, the
 * CIS letter under items 98 and 112 of the 75th. */
static void
test_queries(void **state)
{
	fixture *fx = *state;
	library *lib = open_lib(fx, fx->db, 1);
	scan(lib, fx->lib);
	char *err = NULL;
	char *dir = realpath(fx->lib, NULL);
	char *l20 = xasprintf("%s/%s", dir, docs[0]);
	char *r16 = xasprintf("%s/%s", dir, docs[1]);
	char *cis = xasprintf("%s/%s", dir, docs[2]);

	/* By symbol, natural order; the document without one last. */
	library_doc *d;
	size_t n = library_list(lib, LIBRARY_SORT_SYMBOL, &d, &err);
	assert_int_equal(n, 3);
	assert_string_equal(d[0].symbol, "A/C.1/80/L.20");
	assert_string_equal(d[1].symbol, "A/RES/80/16");
	assert_null(d[2].symbol);
	assert_string_equal(d[2].path, cis);
	assert_string_equal(d[2].lang, "es");
	assert_string_equal(d[2].date, "2020-12-22");
	assert_true(d[0].nkeys > 0);
	library_docs_free(d, n);
	n = library_list(lib, LIBRARY_SORT_DATE, &d, &err);
	assert_int_equal(n, 3);
	assert_string_equal(d[0].path, cis);
	library_docs_free(d, n);

	/* A short key finds the full one, in both documents under it. */
	library_mention *m;
	n = library_mentions(lib, "item 94", &m, &err);
	assert_int_equal(n, 2);
	assert_string_equal(m[0].key, "A/80 item 94");
	assert_string_equal(m[1].key, "A/80 item 94");
	assert_true((strcmp(m[0].path, l20) == 0 && strcmp(m[1].path, r16) == 0) ||
		    (strcmp(m[0].path, r16) == 0 && strcmp(m[1].path, l20) == 0));
	library_mentions_free(m, n);

	/* The other documents than one given by a relative path. */
	n = library_mentions(lib, "item 94", &m, &err);
	char *cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(fx->lib), 0);
	size_t k2 = library_mentions_drop_path(m, n, docs[1]);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	assert_int_equal(k2, 1);
	assert_string_equal(m[0].path, l20);
	library_mentions_free(m, n);	/* n: the array as returned */
	n = library_mentions(lib, "item 94", &m, &err);
	k2 = library_mentions_drop_path(m, n, l20);	/* the first one */
	assert_int_equal(k2, 1);
	assert_string_equal(m[0].path, r16);
	library_mentions_free(m, n);

	n = library_mentions(lib, "item 98", &m, &err);
	assert_int_equal(n, 1);
	assert_string_equal(m[0].key, "A/75 item 98");
	assert_string_equal(m[0].path, cis);
	assert_true(m[0].count >= 1);	/* 2 when the masthead has it */
	assert_string_equal(m[0].first_path, "letter/p2");
	assert_string_equal(m[0].first_text, "98");
	library_mentions_free(m, n);

	/* An exact key; the same in other case. */
	n = library_mentions(lib, "A/RES/75/240", &m, &err);
	assert_int_equal(n, 2);
	assert_true(m[0].count >= m[1].count);
	assert_string_equal(m[0].kind, "resolution");
	library_mentions_free(m, n);
	n = library_mentions(lib, "a/res/75/240", &m, &err);
	assert_int_equal(n, 2);
	library_mentions_free(m, n);

	/* Neither a prefix of a number nor an unknown key matches. */
	n = library_mentions(lib, "item 9", &m, &err);
	assert_int_equal(n, 0);
	library_mentions_free(m, n);
	n = library_mentions(lib, "A/RES/99/999", &m, &err);
	assert_int_equal(n, 0);
	library_mentions_free(m, n);

	/* The references of one document. */
	n = library_doc_refs(lib, cis, &m, &err);
	int has98 = 0, has112 = 0;
	for (size_t i = 0; i < n; i++) {
		has98 |= strcmp(m[i].key, "A/75 item 98") == 0;
		has112 |= strcmp(m[i].key, "A/75 item 112") == 0;
	}
	assert_true(has98 && has112);
	library_mentions_free(m, n);

	/* Every target: item 94 is in two documents. */
	library_key *k;
	n = library_keys(lib, &k, &err);
	assert_true(n > 3);
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(k[i].key, "A/80 item 94") == 0)
			break;
	assert_true(i < n);
	assert_int_equal(k[i].ndocs, 2);
	assert_string_equal(k[i].kind, "agenda-item");
	library_keys_free(k, n);

	/* A library of one document answers for that one only, although the
	 * index still holds the others. */
	const char *one[] = { l20 };
	library_stats st;
	assert_int_equal(library_scan(lib, one, 1, &st, &err), 0);
	assert_int_equal(st.files, 1);
	assert_int_equal(st.parsed, 0);
	n = library_mentions(lib, "item 94", &m, &err);
	assert_int_equal(n, 1);
	assert_string_equal(m[0].path, l20);
	library_mentions_free(m, n);

	library_free(lib);
	free(dir), free(l20), free(r16), free(cis);
}

/* The references library_refs_of gives are those of a parse (refs_find
 * on doc_open), field by field, in the same order: from the in-process
 * parser and through the worker processes' pipes. Names come from
 * library_walk's index_paths (root given relative and with a trailing
 * slash); a file outside the library has none (0). */
static void
check_refs_of(library *lib, const char *index_path, const char *path)
{
	library_ref *r;
	size_t n;
	char *err = NULL;
	assert_int_equal(library_refs_of(lib, index_path, &r, &n, &err), 1);
	assert_null(err);
	doc *d = doc_open(path, NULL, NULL, &err);
	assert_non_null(d);
	ref_list *l = refs_find(d, NULL);
	assert_int_equal(n, l->n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		const ref *x = &l->items[i];
		int meta = x->block == REFS_META;
		assert_string_equal(r[i].path, meta ? "meta" : d->blocks[x->block]->path);
		assert_string_equal(r[i].kind, refs_kind_name(x->kind));
		assert_string_equal(r[i].key, x->key);
		if (meta) {
			assert_string_equal(r[i].text, d->meta.agenda[x->meta_index]);
		} else {
			assert_int_equal(r[i].text_len, x->len);
			assert_memory_equal(r[i].text, d->plain + x->off, x->len);
		}
		assert_true((r[i].para == NULL) == (x->para == NULL));
		if (x->para)
			assert_string_equal(r[i].para, x->para);
		assert_null(r[i].title);	/* no catalog */
	}
	refs_free(l);
	doc_free(d);
	library_refs_free(r, n);
}

static void
test_refs_of(void **state)
{
	fixture *fx = *state;
	for (int i = 0; i < 30; i++) {
		char *p = xasprintf("%s/copy%02d-%s", fx->lib, i, docs[i % 3]);
		copy_doc(docs[i % 3], p);
		free(p);
	}
	char *other = xasprintf("%s/other.txt", fx->dir);
	copy_doc(docs[0], other);
	char *cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(fx->dir), 0);
	const char *roots[] = { "docs/" };
	char **files, **names;
	size_t n = library_walk(roots, 1, NULL, NULL, &files, &names);
	assert_int_equal(n, 33);
	for (int jobs = 1; jobs <= 2; jobs++) {
		library *lib = open_lib(fx, ":memory:", jobs);
		library_stats st = scan(lib, "docs");
		assert_int_equal(st.parsed, 33);
		for (size_t i = 0; i < n; i++) {
			assert_string_equal(files[i] + strlen("docs/"),
					    names[i] + strlen(fx->lib) + 1);
			check_refs_of(lib, names[i], files[i]);
		}
		/* Not in the library (a root of its own, not scanned). */
		library_ref *r;
		size_t k;
		char *err = NULL;
		assert_int_equal(library_refs_of(lib, other, &r, &k, &err), 0);
		assert_null(r);
		assert_null(err);
		library_free(lib);
	}
	library_paths_free(files, n);
	library_paths_free(names, n);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	free(other);
}

/* The progress line: on a terminal only, not before half a second, put
 * back in place by '\r' and erased at the end. Time is set, not waited. */
static void
test_meter(void **state)
{
	(void)state;
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(master >= 0);
	assert_int_equal(grantpt(master), 0);
	assert_int_equal(unlockpt(master), 0);
	FILE *tty = fopen(ptsname(master), "w");
	assert_non_null(tty);
	struct termios t;
	assert_int_equal(tcgetattr(fileno(tty), &t), 0);
	t.c_oflag &= ~(tcflag_t)OPOST;	/* the bytes as written */
	assert_int_equal(tcsetattr(fileno(tty), TCSANOW, &t), 0);

	cli_library_meter m;
	cli_library_meter_start(&m, tty);
	assert_true(m.tty);
	m.start_ns += 3600LL * 1000000000LL;	/* not yet half a second */
	cli_library_meter_step(&m, 1, 10);
	assert_false(m.shown);
	m.start_ns -= 7200LL * 1000000000LL;	/* an hour ago */
	cli_library_meter_step(&m, 5, 10);
	assert_true(m.shown);
	cli_library_meter_end(&m);
	assert_false(m.shown);
	fclose(tty);
	/* The two writes may arrive in two reads: read until the line is
	 * erased, or a few seconds pass (never a fixed sleep). */
	char got[256];
	size_t have = 0;
	while (have < sizeof got - 1 && !memmem(got, have, "\033[K", 3)) {
		struct pollfd pf = { .fd = master, .events = POLLIN };
		if (poll(&pf, 1, 5000) <= 0)
			break;
		ssize_t k = read(master, got + have, sizeof got - 1 - have);
		if (k <= 0)
			break;
		have += (size_t)k;
	}
	got[have] = '\0';
	assert_string_equal(got, "\rlectern: indexing 5/10 documents\r\033[K");
	close(master);

	/* A pipe: nothing, whatever the time. */
	int p[2];
	assert_int_equal(pipe(p), 0);
	FILE *w = fdopen(p[1], "w");
	cli_library_meter_start(&m, w);
	assert_false(m.tty);
	m.start_ns -= 3600LL * 1000000000LL;
	cli_library_meter_step(&m, 5, 10);
	cli_library_meter_end(&m);
	fclose(w);
	assert_int_equal(read(p[0], got, sizeof got), 0);
	close(p[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cold_then_warm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_touch_and_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_index_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_index_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_retried, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forked_same_as_inline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_worker_killed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_queries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refs_of, setup, teardown),
		cmocka_unit_test(test_meter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
