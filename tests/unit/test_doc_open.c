/* test_doc_open: doc_open_first (doc_open.h), the two-step opening of a
 * large document for the reader. A small text opens whole (no job); a
 * large one gives its beginning, cut after a blank line past
 * DOC_OPEN_PREFIX, and a job whose whole equals what doc_open gives for
 * the same file, whether it ran in a thread (doc_open_start) or not; the
 * beginning's first blocks are the whole's. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

#include "doc_open.h"
#include "util.h"

static char tmpdir[64];

/* Numbered paragraphs up to about bytes, in a file; returns its path. */
static char *
make_file(const char *name, size_t bytes)
{
	char *path = xmalloc(strlen(tmpdir) + strlen(name) + 2);
	sprintf(path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("The General Assembly,\n\n", f);
	size_t n = 0;
	for (int i = 1; n < bytes; i++) {
		int w = fprintf(f, "%d. Requests the Secretary-General to report on "
				"item %d of the agenda, taking into account the views "
				"expressed by Member States in paragraph %d;\n\n",
				i, i % 97, i);
		assert_true(w > 0);
		n += (size_t)w;
	}
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Same blocks, same texts. */
static void
same_doc(const doc *a, const doc *b)
{
	assert_int_equal(a->nblocks, b->nblocks);
	assert_int_equal(a->nnodes, b->nnodes);
	assert_int_equal(a->plain_len, b->plain_len);
	assert_memory_equal(a->plain, b->plain, a->plain_len);
}

static void
test_small(void **state)
{
	(void)state;
	char *path = make_file("small.txt", 4096);
	char *err = NULL;
	doc_open_job *rest = (doc_open_job *)1;
	doc *d = doc_open_first(path, NULL, NULL, &err, &rest);
	assert_non_null(d);
	assert_null(rest);
	doc *w = doc_open(path, NULL, NULL, &err);
	same_doc(d, w);
	doc_free(d);
	doc_free(w);
	free(path);
}

static void
large(int start)
{
	char *path = make_file("large.txt", DOC_OPEN_LARGE + 100000);
	char *err = NULL, *report = NULL;
	doc_open_job *rest = NULL;
	doc *d = doc_open_first(path, NULL, &report, &err, &rest);
	assert_non_null(d);
	assert_non_null(rest);
	assert_null(report);	/* clean UTF-8: nothing to say */
	size_t cut = doc_open_cut(rest), total = doc_open_total(rest);
	assert_true(cut > DOC_OPEN_PREFIX);
	assert_true(cut < total);
	if (start)
		doc_open_start(rest);
	doc *w = doc_open_finish(rest);
	assert_non_null(w);
	doc *ref = doc_open(path, NULL, NULL, &err);
	same_doc(w, ref);
	/* The beginning: fewer blocks, the first ones the whole's. */
	assert_true(d->nblocks > 10);
	assert_true(d->nblocks < w->nblocks);
	for (size_t b = 0; b + 2 < d->nblocks; b++) {
		const node *x = d->blocks[b], *y = w->blocks[b];
		assert_int_equal(x->len, y->len);
		assert_memory_equal(d->plain + x->off, w->plain + y->off, x->len);
		assert_int_equal(x->src_start, y->src_start);
	}
	/* It ends before the cut. */
	assert_true(d->blocks[d->nblocks - 1]->src_end <= cut);
	doc_free(d);
	doc_free(w);
	doc_free(ref);
	free(path);
}

static void
test_large_thread(void **state)
{
	(void)state;
	large(1);
}

static void
test_large_unstarted(void **state)
{
	(void)state;
	large(0);	/* finish parses it itself */
}

static void
test_missing(void **state)
{
	(void)state;
	char *err = NULL;
	doc_open_job *rest = NULL;
	char path[128];
	snprintf(path, sizeof path, "%s/none.txt", tmpdir);
	assert_null(doc_open_first(path, NULL, NULL, &err, &rest));
	assert_null(rest);
	assert_non_null(err);
	free(err);
}

int
main(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/lectern-docopen-XXXXXX");
	if (!mkdtemp(tmpdir))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_large_thread),
		cmocka_unit_test(test_large_unstarted),
		cmocka_unit_test(test_missing),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		rc = rc ? rc : 1;
	return rc;
}
