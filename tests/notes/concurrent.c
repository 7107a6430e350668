/* concurrent: two processes add 500 notes each to the same document in
 * the same new database, at the same time (issue 3). Both must succeed
 * with every add, and the database must end with 1000 notes, 1000
 * distinct ids, passing integrity_check. The creation race (both open a
 * database that does not exist yet and migrate it, one of them lazily, at
 * its first add) is part of the test.
 *
 * Usage: concurrent [N_PER_PROCESS]  (default 500). Prints TAP; the time
 * per note is a comment, never a test. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sqlite3.h>

#include "notes.h"
#include "util.h"
#include "testdoc.h"

static double
now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
adder(const char *db, const anchor_doc *ad, int who, int n)
{
	char *err = NULL;
	double t0 = now_s(), worst = 0;
	/* Process 1 opens as the reader does (notes_open_lazy): its first
	 * add creates the file, racing process 0's creation. */
	notes_store *s = who ? notes_open_lazy(db, &err) : notes_open(db, &err);
	double t_open = now_s() - t0;
	if (s)	/* a loaded CI machine: the test is about losing nothing */
		notes_set_busy_timeout(s, 30000);
	if (!s) {
		printf("# process %d: %s\n", who, err);
		return 1;
	}
	int fails = 0;
	const doc *d = ad->d;
	for (int i = 0; i < n; i++) {
		const node *nd = d->blocks[(size_t)(i * 7 + who) % d->nblocks];
		char body[64];
		snprintf(body, sizeof body, "proceso %d, nota %d: ¿información?", who, i);
		note x;
		if (note_init(&x, ad, nd->off, nd->off + nd->len, body) < 0) {
			fails++;
			continue;
		}
		note_add_tag(&x, who ? "uno" : "cero");
		double t1 = now_s();
		if (notes_add(s, &x, &err) < 0) {
			printf("# process %d, note %d: %s\n", who, i, err);
			fails++;
		}
		if (now_s() - t1 > worst)
			worst = now_s() - t1;
		note_clear(&x);
	}
	printf("# process %d: open %.1f ms, %d adds in %.2f s, slowest add %.1f ms\n", who,
	       t_open * 1000, n, now_s() - t0 - t_open, worst * 1000);
	free(err);
	notes_close(s);
	return fails ? 1 : 0;
}

static long long
scalar(const char *db, const char *sql, char *text, size_t tn)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			v = sqlite3_column_int64(st, 0);
			if (text)
				snprintf(text, tn, "%s", (const char *)sqlite3_column_text(st, 0));
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return v;
}

int
main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 500;
	char dir[] = "/tmp/lectern-concurrent-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char *db = xasprintf("%s/notes.db", dir);
	doc *d = testdoc_fixture("cis-declaration-2020.txt");
	if (!d)
		return 1;
	anchor_doc *ad = anchor_doc_new(d);
	printf("1..4\n");
	fflush(stdout);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pids[2];
	for (int k = 0; k < 2; k++) {
		pids[k] = fork();
		if (pids[k] == 0) {
			int rc = adder(db, ad, k, n);
			fflush(stdout);
			anchor_doc_free(ad);
			doc_free(d);
			free(db);
			_exit(rc);
		}
	}
	int ok_children = 1;
	for (int k = 0; k < 2; k++) {
		int status;
		waitpid(pids[k], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			ok_children = 0;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%s 1 - both processes saved all their notes\n", ok_children ? "ok" : "not ok");

	char *err = NULL;
	notes_store *s = notes_open(db, &err);
	long long count = s ? notes_count(s, &err) : -1;
	note_list l = { 0 };
	int listed = s ? notes_list_doc(s, ad, NULL, &l, &err) : -1;
	printf("%s 2 - %lld notes in the store, %zu listed for the document (want %d)\n",
	       count == 2 * n && listed == 0 && l.n == (size_t)(2 * n) ? "ok" : "not ok",
	       count, l.n, 2 * n);
	if (err)
		printf("# %s\n", err);
	long long uids = scalar(db, "SELECT count(DISTINCT uid) FROM note", NULL, 0);
	long long tagged = scalar(db, "SELECT count(*) FROM note_tag WHERE tag='uno'", NULL, 0);
	printf("%s 3 - %lld distinct annotation ids, %lld notes tagged by process 1\n",
	       uids == 2 * n && tagged == n ? "ok" : "not ok", uids, tagged);
	char check[64] = "";
	scalar(db, "PRAGMA integrity_check", check, sizeof check);
	printf("%s 4 - integrity_check: %s\n", strcmp(check, "ok") == 0 ? "ok" : "not ok", check);
	printf("# %d notes by 2 processes in %.2f s: %.2f ms per saved note (commit latency, "
	       "both writers contending)\n", 2 * n, secs, secs * 1000 / (2 * n));
	note_list_clear(&l);
	notes_close(s);
	free(err);
	anchor_doc_free(ad);
	doc_free(d);
	testdoc_rmdir(dir);
	free(db);
	return 0;
}
