/* crash: crash safety of the note store (issue 3). A writer process makes
 * random edits (add, update, delete) through notes.h and reports each one
 * to a journal file right after its commit returned; the parent kills it
 * with SIGKILL after a random few milliseconds, then checks that the
 * database opens read-write, passes PRAGMA integrity_check and holds every
 * reported save, exactly: every reported note is there with its last
 * reported body, every reported delete is deleted, and nothing else
 * changed except the one edit that may have been in flight (announced by
 * an intent line before its transaction). Repeated for at least ROUNDS
 * rounds and until MIN_EDITS edits were reported (at most MAX_ROUNDS): the
 * kill delay adapts to the machine's commit speed so that a round holds a
 * handful of edits, with kills also during open and migration (odd
 * rounds open lazily, as the reader does: the first add creates the file).
 *
 * Usage: crash [ROUNDS [SEED]]  (defaults 40, time). Prints TAP. */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
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

#define MAX_IDS 100000
#define MIN_EDITS 300
#define MAX_ROUNDS 400

/* What the journal says, per note id. */
typedef struct model {
	char *body[MAX_IDS];	/* last reported body; NULL = never seen */
	int deleted[MAX_IDS];
	long long live;		/* reported live notes */
} model;

static model M;
static long long adds, updates, deletes, model_max;

static void
journal(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One line, one write(2) on an O_APPEND file: a kill leaves whole lines
 * (or a final fragment without '\n', which the reader ignores). */
static void
journal(int fd, const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n > 0 && write(fd, line, (size_t)n) != n)
		_exit(3);
}

/* The writer: edits until killed. */
static void
writer(const char *db, const char *log, const anchor_doc *ad, int round, unsigned seed)
{
	int fd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0600);
	char *err = NULL;
	/* Odd rounds open as the reader does (notes_open_lazy): there the
	 * first add creates the file, and may be killed doing it. */
	notes_store *s = round % 2 ? notes_open_lazy(db, &err) : notes_open(db, &err);
	if (fd < 0 || !s) {
		fprintf(stderr, "# writer: %s\n", err ? err : strerror(errno));
		_exit(2);
	}
	note_list l = { 0 };
	if (notes_list_all(s, &l, &err) < 0)
		_exit(2);
	size_t nlive = l.n, cap = l.n + 4096;
	long long *live = xmalloc(cap * sizeof *live);
	for (size_t i = 0; i < l.n; i++)
		live[i] = l.v[i].id;
	note_list_clear(&l);
	srand(seed);
	const doc *d = ad->d;
	for (int k = 0;; k++) {
		int op = rand() % 100;
		char body[64];
		snprintf(body, sizeof body, "r%d-k%d-ñ", round, k);
		if (op < 55 || nlive < 3) {
			const node *nd = d->blocks[(size_t)rand() % d->nblocks];
			note n;
			if (note_init(&n, ad, nd->off, nd->off + nd->len, body) < 0)
				continue;
			journal(fd, "I A %s\n", body);
			long long id = notes_add(s, &n, &err);
			note_clear(&n);
			if (id < 0 || nlive == cap)
				_exit(4);
			journal(fd, "A %lld %s\n", id, body);
			live[nlive++] = id;
		} else if (op < 85) {
			long long id = live[(size_t)rand() % nlive];
			note n;
			if (notes_get(s, id, &n, NULL, &err) != 1)
				_exit(5);
			free(n.body);
			n.body = xstrdup(body);
			journal(fd, "I U %lld %s\n", id, body);
			if (notes_update(s, &n, &err) < 0)
				_exit(6);
			journal(fd, "U %lld %s\n", id, body);
			note_clear(&n);
		} else {
			size_t i = (size_t)rand() % nlive;
			long long id = live[i];
			journal(fd, "I D %lld\n", id);
			if (notes_delete(s, id, &err) < 0)
				_exit(7);
			journal(fd, "D %lld\n", id);
			live[i] = live[--nlive];
		}
	}
}

/* The pending (announced, not confirmed) edit of a round. */
typedef struct pending {
	char op;		/* 0 none, 'A', 'U', 'D' */
	long long id;
	char body[64];
} pending;

/* Reads the journal from *pos on, updating the model. Returns 0, or -1 on
 * a malformed line. */
static int
read_journal(const char *log, long *pos, pending *p)
{
	FILE *f = fopen(log, "r");
	if (!f)
		return 0;	/* killed before the first line */
	fseek(f, *pos, SEEK_SET);
	char line[256];
	p->op = 0;
	while (fgets(line, sizeof line, f)) {
		size_t n = strlen(line);
		if (!n || line[n - 1] != '\n')
			break;	/* a fragment cut by the kill */
		*pos += (long)n;
		line[n - 1] = '\0';
		long long id;
		char body[64];
		if (sscanf(line, "I A %63s", body) == 1) {
			p->op = 'A';
			snprintf(p->body, sizeof p->body, "%s", body);
		} else if (sscanf(line, "I U %lld %63s", &id, body) == 2) {
			p->op = 'U';
			p->id = id;
			snprintf(p->body, sizeof p->body, "%s", body);
		} else if (sscanf(line, "I D %lld", &id) == 1) {
			p->op = 'D';
			p->id = id;
		} else if (sscanf(line, "A %lld %63s", &id, body) == 2 && id > 0 && id < MAX_IDS) {
			free(M.body[id]);
			M.body[id] = xstrdup(body);
			M.live++;
			adds++;
			if (id > model_max)
				model_max = id;
			p->op = 0;
		} else if (sscanf(line, "U %lld %63s", &id, body) == 2 && id > 0 && id < MAX_IDS) {
			free(M.body[id]);
			M.body[id] = xstrdup(body);
			updates++;
			p->op = 0;
		} else if (sscanf(line, "D %lld", &id) == 1 && id > 0 && id < MAX_IDS) {
			M.deleted[id] = 1;
			M.live--;
			deletes++;
			p->op = 0;
		} else {
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	return 0;
}

static int
integrity_ok(const char *db)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int ok = 0;
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		ok = sqlite3_step(st) == SQLITE_ROW &&
		     strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return ok;
}

/* Checks the database against the model; adopts the outcome of the
 * pending edit. Returns the number of notes verified, or -1 (message). */
static long long
verify(notes_store *s, const pending *p)
{
	char *err = NULL;
	long long verified = 0, max_id = 0;
	note_list all = { 0 };
	if (notes_list_all(s, &all, &err) < 0) {
		printf("# cannot list: %s\n", err);
		free(err);
		return -1;
	}
	for (size_t i = 0; i < all.n; i++)
		if (all.v[i].id > max_id)
			max_id = all.v[i].id;
	note_list_clear(&all);
	for (long long id = 1; id < MAX_IDS && (id <= max_id || id <= model_max); id++) {
		note n;
		int deleted = 0;
		int found = notes_get(s, id, &n, &deleted, &err);
		if (found < 0) {
			printf("# note %lld: %s\n", id, err);
			free(err);
			return -1;
		}
		if (!M.body[id]) {	/* unreported: only the pending add */
			if (found && !(p->op == 'A' && strcmp(n.body, p->body) == 0 && !deleted)) {
				printf("# note %lld (%s) was never reported\n", id, n.body);
				note_clear(&n);
				return -1;
			}
			if (found) {	/* it committed: adopt it */
				M.body[id] = xstrdup(n.body);
				M.live++;
				if (id > model_max)
					model_max = id;
				note_clear(&n);
			}
			continue;
		}
		if (!found) {
			printf("# reported note %lld (%s) is missing\n", id, M.body[id]);
			return -1;
		}
		int want_deleted = M.deleted[id];
		if (p->op == 'D' && p->id == id && deleted && !want_deleted) {
			M.deleted[id] = want_deleted = 1;	/* the delete committed */
			M.live--;
		}
		if (deleted != want_deleted) {
			printf("# note %lld: deleted=%d, reported %d\n", id, deleted, want_deleted);
			note_clear(&n);
			return -1;
		}
		if (strcmp(n.body, M.body[id]) != 0) {
			if (p->op == 'U' && p->id == id && strcmp(n.body, p->body) == 0) {
				free(M.body[id]);	/* the update committed */
				M.body[id] = xstrdup(n.body);
			} else {
				printf("# note %lld: body '%s', reported '%s'\n", id, n.body, M.body[id]);
				note_clear(&n);
				return -1;
			}
		}
		verified++;
		note_clear(&n);
	}
	long long count = notes_count(s, &err);
	if (count != M.live) {
		printf("# %lld live notes, the journal says %lld\n", count, M.live);
		free(err);
		return -1;
	}
	return verified;
}

int
main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 40;
	unsigned seed = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : (unsigned)time(NULL) ^ (unsigned)getpid();
	char dir[] = "/tmp/lectern-crash-XXXXXX";
	if (!mkdtemp(dir)) {
		printf("1..0 # SKIP no temporary directory\n");
		return 1;
	}
	char *db = xasprintf("%s/notes.db", dir), *log = xasprintf("%s/journal", dir);
	doc *d = testdoc_fixture("cis-declaration-2020.txt");
	if (!d)
		return 1;
	anchor_doc *ad = anchor_doc_new(d);
	printf("1..3\n# seed %u, at least %d rounds and %d edits\n", seed, rounds, MIN_EDITS);
	srand(seed);
	long pos = 0;
	int opened = 1, intact = 1, exact = 1, kills = 0;
	long long verified_total = 0, last_verified = 0;
	int span_us = 60000;	/* kill after 2 ms + [0, span) */
	int r;
	for (r = 0; r < MAX_ROUNDS && (r < rounds || adds + updates + deletes < MIN_EDITS); r++) {
		unsigned child_seed = (unsigned)rand();
		int delay_us = 2000 + rand() % span_us;
		long long before = adds + updates + deletes;
		fflush(stdout);
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0)
			writer(db, log, ad, r, child_seed);
		usleep((useconds_t)delay_us);
		kill(pid, SIGKILL);
		int status;
		waitpid(pid, &status, 0);
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
			kills++;
		} else {
			printf("# round %d: the writer exited with %d before the kill\n", r,
			       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
			exact = 0;
		}
		pending p = { 0 };
		if (read_journal(log, &pos, &p) < 0) {
			printf("# round %d: bad journal line\n", r);
			exact = 0;
			break;
		}
		if (access(db, F_OK) < 0)
			continue;	/* killed before the database existed */
		char *err = NULL;
		notes_store *s = notes_open(db, &err);
		if (!s) {
			printf("# round %d: %s\n", r, err);
			free(err);
			opened = 0;
			break;
		}
		if (!integrity_ok(db)) {
			printf("# round %d: integrity_check failed\n", r);
			intact = 0;
		}
		long long v = verify(s, &p);
		notes_close(s);
		if (v < 0) {
			printf("# round %d: the database disagrees with the journal\n", r);
			exact = 0;
			break;
		}
		verified_total += v;
		last_verified = v;
		long long got = adds + updates + deletes - before;
		if (got < 3 && span_us < 2000000)
			span_us += span_us / 2;	/* slow machine: longer rounds */
		else if (got > 20 && span_us > 10000)
			span_us -= span_us / 3;
	}
	printf("# %d rounds\n", r);
	printf("%s 1 - the database opened read-write after each of %d kills\n",
	       opened ? "ok" : "not ok", kills);
	printf("%s 2 - PRAGMA integrity_check ok after every kill\n", intact ? "ok" : "not ok");
	printf("%s 3 - every reported save is there, nothing unreported changed\n",
	       exact && opened ? "ok" : "not ok");
	printf("# %lld edits reported (%lld adds, %lld updates, %lld deletes); %d kills; "
	       "%lld note checks, %lld notes in the last check\n",
	       adds + updates + deletes, adds, updates, deletes, kills, verified_total,
	       last_verified);
	for (size_t i = 0; i < MAX_IDS; i++)
		free(M.body[i]);
	anchor_doc_free(ad);
	doc_free(d);
	testdoc_rmdir(dir);
	free(db);
	free(log);
	return opened && intact && exact ? 0 : 1;
}
