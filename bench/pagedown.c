/* pagedown: the CPU cost of one page-down in a big document, measured with
 * the layout functions the reader uses (layout_addr_of, layout_step,
 * layout_line_at), so issue 10's "page-down under 1 ms" has a number. Not
 * installed, not a test: built by bench/pagedown.sh against the build's
 * libcore.a.
 *
 * At each of a few positions (start, 25 %, 50 %, 75 %, last block) one
 * page-down is timed two ways: cold, on a layout that has laid out nothing
 * yet (the first page-down into a part of the document never shown), and
 * warm, again over the same lines (the blocks are cached). A page-down is
 * what the reader does for a screen of ROWS rows: step ROWS lines from the
 * top line, then fetch the ROWS lines of the new screen. Times are CPU
 * microseconds, medians of REPS runs; the layout's creation (which sizes
 * the gutter from the whole document) is timed apart, as "open", and so
 * is "show": layout_addr_of, which lays out the block under the screen
 * before the key (the whole document when it is one block).
 *
 * Usage: pagedown FILE WIDTH ROWS REPS */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "doc.h"
#include "layout.h"
#include "parse.h"
#include "source.h"

static double
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
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

/* One page-down from the screen whose top line is *top; returns the
 * lines moved (so the work cannot be optimised away). */
static size_t
page_down(layout *lo, layout_addr *top, int rows)
{
	size_t moved = layout_step(lo, top, rows);
	layout_addr a = *top;
	for (int r = 0; r < rows; r++) {
		const layout_line *l = layout_line_at(lo, a);
		if (!l || layout_step(lo, &a, 1) == 0)
			break;
		moved += l->cols > 0;
	}
	return moved;
}

int
main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: pagedown FILE WIDTH ROWS REPS\n");
		return 2;
	}
	int width = atoi(argv[2]), rows = atoi(argv[3]), reps = atoi(argv[4]);
	if (rows < 1)
		rows = 50;
	if (reps < 1 || reps > 1000)
		reps = 11;
	source src;
	char *err = NULL;
	if (source_load(argv[1], &src, &err) < 0) {
		fprintf(stderr, "pagedown: %s\n", err);
		return 1;
	}
	doc *d = parse_document(src.name, src.data, src.len, NULL);
	if (!d || d->nblocks == 0) {
		fprintf(stderr, "pagedown: no blocks\n");
		return 1;
	}
	double *open = calloc((size_t)reps, sizeof *open);
	double *cold = calloc((size_t)reps, sizeof *cold);
	double *warm = calloc((size_t)reps, sizeof *warm);
	double *show = calloc((size_t)reps, sizeof *show);
	size_t sink = 0, biggest = 0;
	for (size_t b = 0; b < d->nblocks; b++)
		if (d->blocks[b]->len > biggest)
			biggest = d->blocks[b]->len;
	printf("input_bytes %zu blocks %zu largest_block_bytes %zu width %d rows %d\n",
	       src.len, d->nblocks, biggest, width, rows);
	printf("%-10s %10s %12s %12s %12s\n", "position", "block", "show_us", "cold_us", "warm_us");
	static const int pct[] = { 0, 25, 50, 75, 100 };
	for (size_t k = 0; k < sizeof pct / sizeof *pct; k++) {
		size_t b = pct[k] == 100 ? d->nblocks - 1 : d->nblocks * (size_t)pct[k] / 100;
		for (int r = 0; r < reps; r++) {
			double t0 = now_us();
			layout *lo = layout_new(d, width);
			double t1 = now_us();
			doc_pos p = { b, 0 };
			layout_addr top = layout_addr_of(lo, p);
			double t2 = now_us();
			/* cold: the screen at b was laid out (as it is shown
			 * before the key), the page below was not */
			sink += page_down(lo, &top, rows);
			double t3 = now_us();
			layout_addr back = top;
			layout_step(lo, &back, -rows);
			double t4 = now_us();
			sink += page_down(lo, &back, rows);
			double t5 = now_us();
			open[r] = t1 - t0;
			cold[r] = t3 - t2;
			warm[r] = t5 - t4;
			show[r] = t2 - t1;
			layout_free(lo);
		}
		char label[16];
		snprintf(label, sizeof label, "%d%%", pct[k]);
		printf("%-10s %10zu %12.1f %12.1f %12.1f\n", label, b, median(show, reps),
		       median(cold, reps), median(warm, reps));
	}
	printf("open_us %.1f (layout_new: gutter from every block's number)\n", median(open, reps));
	fprintf(stderr, "(%zu)\n", sink);
	free(open);
	free(cold);
	free(warm);
	free(show);
	doc_free(d);
	source_clear(&src);
	return 0;
}
