/* cli_parallel: --parallel for people and scripts (cli_parallel.h). Text
 * from the documents goes out in visible form (cli_out_add, text_visible)
 * or escaped by jansson; the two columns are laid out by layout.c at the
 * column's width, so numbers sit in a gutter as in --dump, and padded by
 * display width. */
#include <build-config.h>

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_compare.h"
#include "cli/cli_out.h"
#include "cli/cli_parallel.h"
#include "export.h"
#include "layout.h"
#include "text.h"
#include "util.h"

static const char *const how_names[] = { "number", "length", "gap" };

static int
is_numbered_para(const node *nd)
{
	return nd->kind == NODE_PARAGRAPH && nd->number;
}

static int
same_number(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	while (na && (a[na - 1] == '.' || a[na - 1] == ')'))
		na--;
	while (nb && (b[nb - 1] == '.' || b[nb - 1] == ')'))
		nb--;
	return na == nb && !memcmp(a, b, na);
}

void
cli_parallel_count(const align_result *r, cli_parallel_figures *f)
{
	memset(f, 0, sizeof *f);
	double sum = 0;
	for (size_t i = 0; i < r->n; i++) {
		const align_pair *p = &r->pairs[i];
		f->pairs++;
		sum += p->confidence;
		if (p->how == ALIGN_NUMBER)
			f->by_number++;
		else if (p->how == ALIGN_LENGTH)
			f->by_length++;
		else if (p->nleft)
			f->gaps_left++;
		else
			f->gaps_right++;
		if (p->nleft > 1 || p->nright > 1)
			f->merges++;
		int any = 0;
		for (size_t k = 0; k < p->nleft; k++)
			any |= is_numbered_para(p->left[k]);
		for (size_t k = 0; k < p->nright; k++)
			any |= is_numbered_para(p->right[k]);
		if (!any)
			continue;
		f->numbered++;
		if (p->nleft == 1 && p->nright == 1 && is_numbered_para(p->left[0]) &&
		    is_numbered_para(p->right[0]) &&
		    same_number(p->left[0]->number, p->right[0]->number))
			f->numbered_same++;
	}
	f->mean_confidence = f->pairs ? sum / (double)f->pairs : 0;
}

static void
add_side(buf *b, const node *const *nd, size_t n)
{
	if (!n)
		buf_adds(b, "-");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(b, '+');
		cli_out_add(b, nd[i]->path, strlen(nd[i]->path));
	}
}

static void
add_name(buf *b, const char *what, const doc *d)
{
	buf_adds(b, what);
	cli_out_add(b, d->name, strlen(d->name));
	buf_adds(b, " (");
	if (d->meta.symbol) {
		cli_out_add(b, d->meta.symbol, strlen(d->meta.symbol));
		buf_adds(b, ", ");
	}
	cli_out_add(b, d->meta.lang ? d->meta.lang : "?", strlen(d->meta.lang ? d->meta.lang : "?"));
	buf_adds(b, ")\n");
}

static void
table(const align_result *r, buf *b)
{
	add_name(b, "left: ", r->left);
	add_name(b, "right: ", r->right);
	buf_adds(b, "\n");
	for (size_t i = 0; i < r->n; i++) {
		const align_pair *p = &r->pairs[i];
		add_side(b, p->left, p->nleft);
		buf_addc(b, '\t');
		add_side(b, p->right, p->nright);
		buf_printf(b, "\t%.3f\t%s\n", p->confidence, how_names[p->how]);
	}
	cli_parallel_figures f;
	cli_parallel_count(r, &f);
	buf_printf(b, "\n%zu pairs: %zu by number, %zu by length (%zu of them 2-1 or 1-2), "
		   "%zu left and %zu right against a gap; mean confidence %.3f\n",
		   f.pairs, f.by_number, f.by_length, f.merges, f.gaps_left,
		   f.gaps_right, f.mean_confidence);
	buf_printf(b, "numbered paragraphs: %zu pairs, %zu with the same number on both sides, "
		   "%zu not\n", f.numbered, f.numbered_same, f.numbered - f.numbered_same);
}

static json_t *
side_json(const node *const *nd, size_t n)
{
	if (!n)
		return json_null();
	if (n == 1)
		return cli_compare_json_string(nd[0]->path);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, cli_compare_json_string(nd[i]->path));
	return a;
}

static json_t *
pairs_json(const align_result *r)
{
	json_t *o = json_object(), *a = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const align_pair *p = &r->pairs[i];
		json_t *e = json_object();
		json_object_set_new(e, "left", side_json(p->left, p->nleft));
		json_object_set_new(e, "right", side_json(p->right, p->nright));
		json_object_set_new(e, "confidence", json_real(p->confidence));
		json_array_append_new(a, e);
	}
	json_object_set_new(o, "pairs", a);
	return o;
}

/* ---- two columns ------------------------------------------------------ */

typedef struct col_line {
	char *s;		/* visible form */
	int cols;
} col_line;

typedef struct col {
	col_line *l;
	size_t n, cap;
} col;

static void
col_add(col *c, buf *b)
{
	xgrow((void **)&c->l, &c->cap, c->n + 1, sizeof *c->l);
	c->l[c->n].cols = text_width(b->s, b->len);
	c->l[c->n++].s = buf_take(b);
}

static void
col_clear(col *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->l[i].s);
	free(c->l);
	memset(c, 0, sizeof *c);
}

/* The lines of nd's block laid out by lo, in visible form. */
static void
render(layout *lo, const doc *d, const node *nd, col *c)
{
	if (nd->block == (size_t)-1)
		return;
	size_t b = nd->block, n;
	const char *text = node_text(d, nd);
	int gutter = layout_gutter_cols(lo);
	const layout_line *ln = layout_block(lo, b, &n);
	buf t;
	buf_init(&t);
	for (size_t i = 0; i < n; i++) {
		if (ln[i].blank)
			continue;
		int colno = 0;
		const char *mark = ln[i].first ? layout_mark(lo, b) : NULL;
		if (mark) {
			size_t nlen = strlen(mark);
			int ncols = text_width(mark, nlen), max, used = 0;
			int at = layout_number_col(lo, &ln[i], ncols, &max);
			size_t k = text_fit(mark, nlen, max, &used);
			for (int s = 0; s < at; s++)
				buf_addc(&t, ' ');
			cli_out_add(&t, mark, k);
			colno = at + used;
		}
		if (ln[i].end > ln[i].start) {
			for (int s = colno; s < gutter + ln[i].indent; s++)
				buf_addc(&t, ' ');
			cli_out_add(&t, text + ln[i].start, ln[i].end - ln[i].start);
		}
		col_add(c, &t);
	}
	buf_clear(&t);
	layout_drop_block(lo, b);
}

static void
dump(const align_result *r, int width_cols, buf *b)
{
	int colw = (width_cols - 3) / 2;
	if (colw < 10)
		colw = 10;
	layout *ll = layout_new(r->left, colw), *rl = layout_new(r->right, colw);
	col a = { 0 }, c = { 0 };
	for (size_t i = 0; i < r->n; i++) {
		const align_pair *p = &r->pairs[i];
		for (size_t k = 0; k < p->nleft; k++)
			render(ll, r->left, p->left[k], &a);
		for (size_t k = 0; k < p->nright; k++)
			render(rl, r->right, p->right[k], &c);
		if (!a.n && !c.n)
			continue;
		buf g;
		buf_init(&g);
		if (!a.n && p->nleft == 0) {
			buf_adds(&g, "  ~");
			col_add(&a, &g);
		}
		if (!c.n && p->nright == 0) {
			buf_adds(&g, "  ~");
			col_add(&c, &g);
		}
		buf_clear(&g);
		if (i)
			buf_addc(b, '\n');
		size_t rows = a.n > c.n ? a.n : c.n;
		for (size_t k = 0; k < rows; k++) {
			int w = 0;
			if (k < a.n) {
				buf_adds(b, a.l[k].s);
				w = a.l[k].cols;
			}
			if (k < c.n) {
				for (; w < colw; w++)
					buf_addc(b, ' ');
				buf_adds(b, " | ");
				buf_adds(b, c.l[k].s);
			} else {
				for (; w < colw; w++)
					buf_addc(b, ' ');
				buf_adds(b, " |");
			}
			buf_addc(b, '\n');
		}
		col_clear(&a);
		col_clear(&c);
	}
	layout_free(ll);
	layout_free(rl);
}

int
cli_parallel_run(const char *left_path, const char *right_path,
		 cli_parallel_view view, int width_cols, const char *lang,
		 FILE *out, FILE *errout)
{
	/* --lang names one language; two versions are two languages, so it
	 * is not passed on (each is detected) */
	(void)lang;
	doc *a = cli_out_open(left_path, NULL, errout);
	doc *b = a ? cli_out_open(right_path, NULL, errout) : NULL;
	if (!b) {
		doc_free(a);
		return 1;
	}
	align_result *r = align_docs(a, b);
	int rc = 0;
	if (view == CLI_PARALLEL_JSON) {
		json_t *o = pairs_json(r);
		rc = export_json_dumpf(o, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(o);
		if (rc == 0)
			fputc('\n', out);
	} else {
		buf t;
		buf_init(&t);
		if (view == CLI_PARALLEL_DUMP)
			dump(r, width_cols, &t);
		else
			table(r, &t);
		if (t.len && fwrite(t.s, 1, t.len, out) != t.len)
			rc = -1;
		buf_clear(&t);
	}
	align_free(r);
	doc_free(a);
	doc_free(b);
	return cli_out_end(out, errout, rc < 0, 0);
}
