/* stages: times each stage of `lectern --dump` on one file (source_load,
 * parse_document, export_dump to /dev/null), the layout alone, the first
 * search and the anchoring a reader with notes does on start-up
 * (anchor_doc_new: code points, byte map, fingerprint), so the benchmark
 * can say where the time goes. Not installed, not a test: built
 * by bench/dump.sh against the build's libcore.a.
 *
 * Usage: stages FILE WIDTH REPS   (prints "stage seconds" lines, medians) */
#include <build-config.h>

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "anchor.h"
#include "doc.h"
#include "export.h"
#include "layout.h"
#include "parse.h"
#include "search.h"
#include "source.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: stages FILE WIDTH REPS\n");
		return 2;
	}
	int width = atoi(argv[2]), reps = atoi(argv[3]);
	if (reps < 1 || reps > 100)
		reps = 3;
	double *ts = calloc((size_t)reps, sizeof *ts), *tp = calloc((size_t)reps, sizeof *tp);
	double *td = calloc((size_t)reps, sizeof *td), *tl = calloc((size_t)reps, sizeof *tl);
	double *tq = calloc((size_t)reps, sizeof *tq), *ta = calloc((size_t)reps, sizeof *ta);
	long matches = 0;
	FILE *null = fopen("/dev/null", "w");
	size_t lines = 0, blocks = 0, bytes = 0;
	for (int r = 0; r < reps; r++) {
		source src;
		char *err = NULL;
		double t0 = now();
		if (source_load(argv[1], &src, &err) < 0) {
			fprintf(stderr, "stages: %s\n", err);
			return 1;
		}
		double t1 = now();
		doc *d = parse_document(src.name, src.data, src.len, NULL);
		double t2 = now();
		export_dump(d, width, null);
		double t3 = now();
		/* Layout alone: every block laid out, then dropped. */
		layout *lo = layout_new(d, width);
		lines = 0;
		for (size_t b = 0; b < d->nblocks; b++) {
			size_t n;
			layout_block(lo, b, &n);
			lines += n;
			layout_drop_block(lo, b);
		}
		layout_free(lo);
		double t4 = now();
		search *se = search_new(d);
		search_match m[64];
		size_t from = 0;
		long got;
		matches = 0;
		while ((got = search_matches(se, "informacion", from, SIZE_MAX, m, 64)) > 0) {
			matches += got;
			from = m[got - 1].start + 1;
		}
		search_free(se);
		double t5 = now();
		anchor_doc_free(anchor_doc_new(d));
		double t6 = now();
		ta[r] = t6 - t5;
		tq[r] = t5 - t4;
		ts[r] = t1 - t0;
		tp[r] = t2 - t1;
		td[r] = t3 - t2;
		tl[r] = t4 - t3;
		blocks = d->nblocks;
		bytes = src.len;
		doc_free(d);
		source_clear(&src);
	}
	printf("input_bytes %zu\nblocks %zu\nlines %zu\n", bytes, blocks, lines);
	printf("source %.3f\nparse %.3f\ndump %.3f\nlayout %.3f\n",
	       median(ts, reps), median(tp, reps), median(td, reps), median(tl, reps));
	printf("search %.3f (\"informacion\": %ld matches)\n", median(tq, reps), matches);
	printf("anchor %.3f\n", median(ta, reps));
	fclose(null);
	free(ts);
	free(tp);
	free(td);
	free(tl);
	free(tq);
	free(ta);
	return 0;
}
