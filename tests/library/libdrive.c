/* libdrive: drives the library API from the shell where lectern has no
 * option for it (a scan's counts, -j, mentions, keys), for tests/library/
 * and bench/library.sh. What lectern does (--list, --refs) is tested and
 * timed through lectern.
 *
 *   libdrive scan     [-d DB] [-j JOBS] PATH...   one scan; prints its counts
 *                     (and, with LIBDRIVE_CPU set, this process's CPU apart
 *                     from the parser processes', on standard error)
 *   libdrive mentions [-d DB] KEY PATH...         documents mentioning KEY
 *   libdrive keys     [-d DB] PATH...             reference targets
 * Exit status as the CLI: 0, 1 (a path or file unusable), 2 usage.
 * The catalog is the one lectern loads (bundled + user's), so the index
 * made here is the one lectern uses (the catalog is part of the indexer). */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/time.h>

#include "catalog.h"
#include "library.h"

static void
warn(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "lectern: %s\n", msg);
}

static long
ms(const struct timeval *t)
{
	return (long)t->tv_sec * 1000 + (long)t->tv_usec / 1000;
}

static int
usage(void)
{
	fputs("usage: libdrive scan|mentions|keys [-d DB] [-j JOBS] [KEY] PATH...\n",
	      stderr);
	return 2;
}

static int
run(const char *cmd, const char *const *paths, size_t n, const char *db, int jobs,
    const catalog *cat)
{
	const char *key = NULL;
	if (strcmp(cmd, "mentions") == 0) {
		if (!n)
			return usage();
		key = paths[0];
		paths++, n--;
	} else if (strcmp(cmd, "scan") && strcmp(cmd, "keys")) {
		return usage();
	}
	library_options opt = { .db_path = db, .jobs = jobs, .catalog = cat,
				.warn = warn };
	char *msg;
	library *lib = library_open(&opt, &msg);
	if (msg) {
		fprintf(stderr, "lectern: %s\n", msg);
		free(msg);
	}
	library_stats st;
	int rc = 0;
	if (library_scan(lib, paths, n, &st, &msg) < 0) {
		fprintf(stderr, "lectern: %s\n", msg);
		free(msg);
		library_free(lib);
		return 1;
	}
	if (strcmp(cmd, "scan") == 0) {
		printf("files=%zu parsed=%zu unchanged=%zu removed=%zu failed=%zu missing=%zu\n",
		       st.files, st.parsed, st.unchanged, st.removed, st.failed,
		       st.missing_roots);
		if (getenv("LIBDRIVE_CPU")) {
			/* This process's CPU (walk, index writes) apart from
			 * the parser processes'. */
			struct rusage self, kids;
			getrusage(RUSAGE_SELF, &self);
			getrusage(RUSAGE_CHILDREN, &kids);
			fprintf(stderr, "cpu_ms self=%ld parsers=%ld\n",
				ms(&self.ru_utime) + ms(&self.ru_stime),
				ms(&kids.ru_utime) + ms(&kids.ru_stime));
		}
	} else if (key) {
		library_mention *m;
		size_t k = library_mentions(lib, key, &m, &msg);
		if (k == (size_t)-1) {
			fprintf(stderr, "lectern: %s\n", msg);
			free(msg);
			rc = 1;
		} else {
			for (size_t i = 0; i < k; i++)
				printf("%s\t%s\t%zu\t%s\t%s\n", m[i].path, m[i].key,
				       m[i].count, m[i].first_path,
				       m[i].first_text ? m[i].first_text : "");
			library_mentions_free(m, k);
		}
	} else {
		library_key *k;
		size_t nk = library_keys(lib, &k, &msg);
		if (nk == (size_t)-1) {
			fprintf(stderr, "lectern: %s\n", msg);
			free(msg);
			rc = 1;
		} else {
			for (size_t i = 0; i < nk; i++)
				printf("%s\t%s\t%zu\t%zu\n", k[i].key, k[i].kind,
				       k[i].ndocs, k[i].count);
			library_keys_free(k, nk);
		}
	}
	library_free(lib);
	return rc || st.failed || st.missing_roots || st.dirs_failed ? 1 : 0;
}

int
main(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	const char *cmd = argv[1];
	const char *db = NULL;
	int jobs = 0, c;
	optind = 2;
	while ((c = getopt(argc, argv, "d:j:")) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'j': jobs = atoi(optarg); break;
		default: return usage();
		}
	}
	const char *const *paths = (const char *const *)argv + optind;
	size_t n = (size_t)(argc - optind);
	char *w = NULL;
	catalog *cat = catalog_load_default(LECTERN_SRCDIR, &w);
	if (w) {
		fprintf(stderr, "lectern: %s\n", w);
		free(w);
	}
	int rc = run(cmd, paths, n, db, jobs, cat);
	catalog_free(cat);
	return rc;
}
