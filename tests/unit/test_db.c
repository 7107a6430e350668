/* test_db: the SQLite helpers notes and library share (db.h): db_collect,
 * db_file_inspect (the file before SQLite opens it) and db_identity (ours,
 * new, or another program's). Files are made in a mkdtemp directory. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "util.h"

static char dir[] = "/tmp/test_db-XXXXXX";

static char *
path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
spit(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static sqlite3 *
make_db(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(db_exec(db, sql), SQLITE_OK);
	return db;
}

static int
sum_row(sqlite3_stmt *st, void *ctx)
{
	long long *sum = ctx;
	*sum += sqlite3_column_int64(st, 0);
	return *sum > 100 ? SQLITE_ABORT : SQLITE_OK;
}

static void
test_collect(void **state)
{
	(void)state;
	sqlite3 *db = make_db(":memory:", "CREATE TABLE t(x); INSERT INTO t VALUES(1),(2),(3);");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT x FROM t WHERE x >= ?1", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int(st, 1, 2);
	long long sum = 0;
	assert_int_equal(db_collect(st, sum_row, &sum), SQLITE_OK);
	assert_int_equal(sum, 5);
	/* the row function's error stops the walk and is returned */
	assert_int_equal(db_exec(db, "INSERT INTO t VALUES(200),(7);"), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT x FROM t ORDER BY rowid", -1, &st, NULL),
			 SQLITE_OK);
	sum = 0;
	assert_int_equal(db_collect(st, sum_row, &sum), SQLITE_ABORT);
	assert_int_equal(sum, 206);	/* 7 was never read */
	sqlite3_close(db);	/* SQLITE_BUSY here would mean st was not finalized */
}

static void
test_inspect(void **state)
{
	(void)state;
	long long size;
	unsigned long long want;
	char *p = path_of("none.db");
	assert_int_equal(db_file_inspect(p, &size, &want), DB_FILE_MISSING);
	spit(p, "", 0);
	assert_int_equal(db_file_inspect(p, &size, &want), DB_FILE_EMPTY);
	spit(p, "x", 1);	/* SQLite would take it for an empty database */
	assert_int_equal(db_file_inspect(p, &size, &want), DB_FILE_NOT_SQLITE);
	spit(p, "These are my notes, not a database.\n", 36);
	assert_int_equal(db_file_inspect(p, &size, &want), DB_FILE_NOT_SQLITE);
	assert_int_equal(size, 36);
	unlink(p);
	free(p);

	/* a real database, then cut: the header, then the pages */
	p = path_of("real.db");
	sqlite3 *db = make_db(p, "CREATE TABLE t(x); INSERT INTO t VALUES(randomblob(20000));");
	sqlite3_close(db);
	assert_int_equal(db_file_inspect(p, &size, &want), DB_FILE_SQLITE);
	long long full = size;
	assert_true(full > 4096);
	assert_int_equal(truncate(p, full - 1024), 0);
	assert_int_equal(db_file_inspect(p, &size, &want), DB_FILE_TRUNCATED);
	assert_int_equal(want, (unsigned long long)full);
	assert_int_equal(truncate(p, 60), 0);
	assert_int_equal(db_file_inspect(p, &size, &want), DB_FILE_TRUNCATED);
	assert_int_equal(want, 0);
	assert_int_equal(size, 60);
	unlink(p);
	free(p);

	/* not a regular file: a directory, a FIFO (never opened) */
	assert_int_equal(db_file_inspect(dir, &size, &want), DB_FILE_NOT_REGULAR);
	p = path_of("fifo");
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(db_file_inspect(p, &size, &want), DB_FILE_NOT_REGULAR);
	unlink(p);
	free(p);
}

static void
test_identity(void **state)
{
	(void)state;
	int ours;
	long long version;
	/* new: ours whatever the id */
	sqlite3 *db = make_db(":memory:", "SELECT 1;");
	assert_int_equal(db_identity(db, 0x4C45434E, &ours, &version), SQLITE_OK);
	assert_int_equal(ours, 1);
	assert_int_equal(version, 0);
	/* marked ours */
	assert_int_equal(db_exec(db, "CREATE TABLE t(x); PRAGMA application_id=1279607630;"
				 "PRAGMA user_version=3;"), SQLITE_OK);
	assert_int_equal(db_identity(db, 1279607630, &ours, &version), SQLITE_OK);
	assert_int_equal(ours, 1);
	assert_int_equal(version, 3);
	/* the same file is another program's for another id */
	assert_int_equal(db_identity(db, 42, &ours, &version), SQLITE_OK);
	assert_int_equal(ours, 0);
	sqlite3_close(db);
	/* unmarked with tables: another program's */
	db = make_db(":memory:", "CREATE TABLE doc(x);");
	assert_int_equal(db_identity(db, 1279607630, &ours, &version), SQLITE_OK);
	assert_int_equal(ours, 0);
	sqlite3_close(db);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_collect),
		cmocka_unit_test(test_inspect),
		cmocka_unit_test(test_identity),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
