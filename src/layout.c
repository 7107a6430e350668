/* layout: TEMPORARY naive byte wrapping; the layout owner replaces it. */
#include <build-config.h>
#include <stdlib.h>
#include <string.h>
#include "layout.h"
#include "util.h"

typedef struct blk { layout_line *lines; size_t n; int done; } blk;
struct layout { const doc *d; int width; blk *b; };

layout *layout_new(const doc *d, int width_cols)
{
	layout *lo = xcalloc(1, sizeof *lo);
	lo->d = d; lo->width = width_cols < 10 ? 10 : width_cols;
	lo->b = xcalloc(d->nblocks + 1, sizeof *lo->b);
	return lo;
}
void layout_free(layout *lo)
{
	if (!lo) return;
	for (size_t i = 0; i < lo->d->nblocks; i++) free(lo->b[i].lines);
	free(lo->b); free(lo);
}
int layout_width(const layout *lo) { return lo->width; }
int layout_gutter_cols(const layout *lo) { (void)lo; return 5; }
const layout_line *layout_block(layout *lo, size_t b, size_t *n)
{
	blk *k = &lo->b[b];
	if (!k->done) {
		const node *nd = lo->d->blocks[b];
		size_t w = (size_t)lo->width - 5, cap = 0;
		for (size_t s = 0; s < nd->len; s += w) {
			xgrow((void **)&k->lines, &cap, k->n + 2, sizeof *k->lines);
			layout_line l = { b, s, s + w < nd->len ? s + w : nd->len, 0, 0, s == 0, 0 };
			l.cols = (unsigned short)(l.end - l.start);
			k->lines[k->n++] = l;
		}
		xgrow((void **)&k->lines, &cap, k->n + 1, sizeof *k->lines);
		layout_line sep = { b, nd->len, nd->len, 0, 0, 0, 1 };
		if (b + 1 < lo->d->nblocks) k->lines[k->n++] = sep;
		k->done = 1;
	}
	*n = k->n;
	return k->lines;
}
const layout_line *layout_line_at(layout *lo, layout_addr a) { size_t n; const layout_line *l = layout_block(lo, a.block, &n); return &l[a.line]; }
size_t layout_step(layout *lo, layout_addr *a, long delta) { (void)lo; (void)a; (void)delta; return 0; }
layout_addr layout_first(layout *lo) { (void)lo; layout_addr a = { 0, 0 }; return a; }
layout_addr layout_last(layout *lo) { (void)lo; layout_addr a = { 0, 0 }; return a; }
layout_addr layout_addr_of(layout *lo, doc_pos p) { (void)lo; layout_addr a = { p.block, 0 }; return a; }
doc_pos layout_pos_of(layout *lo, layout_addr a) { (void)lo; doc_pos p = { a.block, 0 }; return p; }
size_t layout_lines_done(const layout *lo) { (void)lo; return 0; }
size_t layout_total_lines(layout *lo) { (void)lo; return 0; }
