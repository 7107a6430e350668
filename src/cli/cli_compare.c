/* cli_compare: --compare for people and for scripts (cli_compare.h).
 * Every byte that comes from a document goes through cli_out_add (visible
 * form) or jansson and export_json_dumpf (escaped); the words of a diff are
 * wrapped greedily by display width (text_width), a word wider than the
 * line alone on its line. */
#include <build-config.h>

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "cli/cli_compare.h"
#include "cli/cli_out.h"
#include "export.h"
#include "text.h"

/* ---- summary ---------------------------------------------------------- */

typedef struct item {
	char *a, *b;		/* cites (b: the new one, renumbered only) */
	size_t apre, bpre;	/* bytes before the number, or (size_t)-1 */
	long an, bn;		/* the trailing number, -1 if none */
} item;

static void
split_cite(const char *s, size_t *pre, long *num)
{
	size_t n = strlen(s), k = n;
	while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
		k--;
	if (k == n || k == 0 || s[k - 1] != ' ' || n - k > 6) {
		*pre = (size_t)-1;
		*num = -1;
		return;
	}
	*pre = k;
	*num = strtol(s + k, NULL, 10);
}

static int
same_pre(const char *x, size_t xp, const char *y, size_t yp)
{
	return xp != (size_t)-1 && xp == yp && memcmp(x, y, xp) == 0;
}

/* Appends the items of one kind, runs joined: "op. 3-5, pp. 2"; with
 * two (a verb), each with its new cite: "op. 5-12 renumbered to 6-13". */
static void
add_items(buf *b, item *it, size_t n, const char *two)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j + 1 < n && it[j].an >= 0 &&
		       same_pre(it[j].a, it[j].apre, it[j + 1].a, it[j + 1].apre) &&
		       it[j + 1].an == it[j].an + 1 &&
		       (!two || (it[j].bn >= 0 &&
				 same_pre(it[j].b, it[j].bpre, it[j + 1].b, it[j + 1].bpre) &&
				 it[j + 1].bn == it[j].bn + 1)))
			j++;
		if (i)
			buf_adds(b, ", ");
		buf_adds(b, it[i].a);
		if (j > i)
			buf_printf(b, "-%ld", it[j].an);
		if (two) {
			buf_printf(b, " %s to ", two);
			if (same_pre(it[i].a, it[i].apre, it[i].b, it[i].bpre))
				buf_adds(b, it[i].b + it[i].bpre);
			else
				buf_adds(b, it[i].b);
			if (j > i)
				buf_printf(b, "-%ld", it[j].bn);
		}
		i = j + 1;
	}
}

char *
cli_compare_summary(const compare_result *r)
{
	static const compare_kind order[] = {
		COMPARE_CHANGED, COMPARE_ADDED, COMPARE_DELETED, COMPARE_MOVED,
		COMPARE_SPLIT, COMPARE_MERGED, COMPARE_RENUMBERED,
	};
	buf b;
	buf_init(&b);
	item *it = xcalloc(r->n + 1, sizeof *it);
	for (size_t o = 0; o < ARRAY_LEN(order); o++) {
		compare_kind k = order[o];
		size_t n = 0;
		for (size_t e = 0; e < r->n; e++) {
			const compare_entry *en = &r->entries[e];
			if (en->kind != k)
				continue;
			item *x = &it[n++];
			if (k == COMPARE_SPLIT) {
				char *o0 = compare_cite(r->old, en->old[0]);
				char *n0 = compare_cite(r->new, en->new[0]);
				char *n1 = compare_cite(r->new, en->new[1]);
				x->a = xasprintf("%s split into %s and %s", o0, n0, n1);
				free(o0), free(n0), free(n1);
			} else if (k == COMPARE_MERGED) {
				char *o0 = compare_cite(r->old, en->old[0]);
				char *o1 = compare_cite(r->old, en->old[1]);
				char *n0 = compare_cite(r->new, en->new[0]);
				x->a = xasprintf("%s and %s merged into %s", o0, o1, n0);
				free(o0), free(o1), free(n0);
			} else if (k == COMPARE_ADDED) {
				x->a = compare_cite(r->new, en->new[0]);
			} else {
				x->a = compare_cite(r->old, en->old[0]);
			}
			if (k == COMPARE_RENUMBERED || k == COMPARE_MOVED) {
				x->b = compare_cite(r->new, en->new[0]);
				split_cite(x->b, &x->bpre, &x->bn);
			}
			if (k == COMPARE_SPLIT || k == COMPARE_MERGED)
				x->apre = (size_t)-1, x->an = -1;
			else
				split_cite(x->a, &x->apre, &x->an);
		}
		if (!n)
			continue;
		if (b.len)
			buf_adds(&b, ", ");
		add_items(&b, it, n, k == COMPARE_RENUMBERED ? "renumbered" :
				     k == COMPARE_MOVED ? "moved" : NULL);
		if (k != COMPARE_RENUMBERED && k != COMPARE_MOVED && k != COMPARE_SPLIT &&
		    k != COMPARE_MERGED)
			buf_printf(&b, " %s", compare_kind_name(k));
		for (size_t i = 0; i < n; i++) {
			free(it[i].a);
			free(it[i].b);
		}
		memset(it, 0, n * sizeof *it);
	}
	free(it);
	if (b.len)
		buf_adds(&b, ", ");
	buf_printf(&b, "%zu unchanged", r->count[COMPARE_UNCHANGED]);
	return buf_take(&b);
}

/* ---- text ------------------------------------------------------------- */

/* A greedy filler: words go on lines of at most width_cols columns after
 * indent_cols spaces. */
typedef struct filler {
	buf *b;
	int width, indent, col;
} filler;

static void
fill_word(filler *f, const char *s, size_t n)
{
	buf v;
	buf_init(&v);
	cli_out_add(&v, s, n);
	int w = text_width(v.s, v.len);
	if (f->col > f->indent && f->col + 1 + w > f->width) {
		buf_addc(f->b, '\n');
		f->col = 0;
	}
	if (f->col == 0) {
		for (int i = 0; i < f->indent; i++)
			buf_addc(f->b, ' ');
		f->col = f->indent;
	} else {
		buf_addc(f->b, ' ');
		f->col++;
	}
	buf_add(f->b, v.s, v.len);
	f->col += w;
	buf_clear(&v);
}

static void
fill_end(filler *f)
{
	if (f->col)
		buf_addc(f->b, '\n');
	f->col = 0;
}

/* The words of old against new, marked as wdiff does. */
static void
fill_diff(filler *f, const char *a, size_t an, const char *b, size_t bn)
{
	compare_word *w;
	size_t n = compare_words(a, an, b, bn, &w);
	for (size_t i = 0; i < n; i++) {
		int first = i == 0 || w[i - 1].op != w[i].op;
		int last = i + 1 == n || w[i + 1].op != w[i].op;
		if (w[i].op == COMPARE_SAME) {
			fill_word(f, w[i].s, w[i].n);
			continue;
		}
		const char *open = w[i].op == COMPARE_DEL ? "[-" : "{+";
		const char *close = w[i].op == COMPARE_DEL ? "-]" : "+}";
		buf t;
		buf_init(&t);
		if (first)
			buf_adds(&t, open);
		buf_add(&t, w[i].s, w[i].n);
		if (last)
			buf_adds(&t, close);
		fill_word(f, t.s, t.len);
		buf_clear(&t);
	}
	free(w);
}

/* The whole of a text between open and close ("{+", "+}"), its hard
 * line breaks kept (signature lines, place and date). */
static void
fill_all(filler *f, const char *s, size_t n, const char *open, const char *close)
{
	buf t;
	buf_init(&t);
	buf_adds(&t, open);
	buf_add(&t, s, n);
	buf_adds(&t, close);
	size_t i = 0;
	while (i < t.len) {
		while (i < t.len && (t.s[i] == ' ' || t.s[i] == '\n')) {
			if (t.s[i] == '\n')	/* a hard break of the text */
				fill_end(f);
			i++;
		}
		size_t j = i;
		while (j < t.len && t.s[j] != ' ' && t.s[j] != '\n')
			j++;
		if (j > i)
			fill_word(f, t.s + i, j - i);
		i = j;
	}
	buf_clear(&t);
}

static void
add_cites(buf *b, const doc *d, const node *const *nd, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *c = compare_cite(d, nd[i]);
		if (i)
			buf_adds(b, " and ");
		cli_out_add(b, c, strlen(c));
		free(c);
	}
}

static void
add_paths(buf *b, const char *what, const node *const *nd, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_adds(b, i ? "+" : what);
		cli_out_add(b, nd[i]->path, strlen(nd[i]->path));
	}
}

static void
add_name(buf *b, const char *what, const doc *d)
{
	buf_adds(b, what);
	cli_out_add(b, d->name, strlen(d->name));
	if (d->meta.symbol) {
		buf_adds(b, " (");
		cli_out_add(b, d->meta.symbol, strlen(d->meta.symbol));
		buf_adds(b, ")");
	}
	buf_addc(b, '\n');
}

void
cli_compare_text(const compare_result *r, int width_cols, buf *b)
{
	add_name(b, "old: ", r->old);
	add_name(b, "new: ", r->new);
	char *sum = cli_compare_summary(r);
	filler f = { b, width_cols, 0, 0 };
	buf_adds(b, "\n");
	fill_all(&f, sum, strlen(sum), "", "");
	fill_end(&f);
	free(sum);
	for (size_t i = 0; i < r->n; i++) {
		const compare_entry *e = &r->entries[i];
		if (e->kind == COMPARE_UNCHANGED)
			continue;
		buf_addc(b, '\n');
		/* the heading: citations in both versions, then paths */
		add_cites(b, e->nold ? r->old : r->new, e->nold ? e->old : e->new,
			  e->nold ? e->nold : e->nnew);
		switch (e->kind) {
		case COMPARE_ADDED: buf_adds(b, " added"); break;
		case COMPARE_DELETED: buf_adds(b, " deleted"); break;
		case COMPARE_SPLIT: buf_adds(b, " split into "); break;
		case COMPARE_MERGED: buf_adds(b, " merged into "); break;
		case COMPARE_MOVED: buf_adds(b, " moved to "); break;
		case COMPARE_RENUMBERED: buf_adds(b, " renumbered to "); break;
		default: buf_adds(b, " changed"); break;
		}
		char *oc = e->nold ? compare_cite(r->old, e->old[0]) : NULL;
		char *nc = e->nnew ? compare_cite(r->new, e->new[0]) : NULL;
		if (e->kind == COMPARE_CHANGED && strcmp(oc, nc)) {
			buf_adds(b, ", now ");
			add_cites(b, r->new, e->new, e->nnew);
		} else if (e->nold && e->nnew && e->kind != COMPARE_CHANGED) {
			add_cites(b, r->new, e->new, e->nnew);
		}
		free(oc);
		free(nc);
		buf_adds(b, " (");
		add_paths(b, "old ", e->old, e->nold);
		if (e->nold && e->nnew)
			buf_adds(b, ", ");
		add_paths(b, "new ", e->new, e->nnew);
		buf_adds(b, ")\n");
		filler g = { b, width_cols, 4, 0 };
		const doc *od = r->old, *nd = r->new;
		if (e->kind == COMPARE_ADDED) {
			fill_all(&g, node_text(nd, e->new[0]), e->new[0]->len, "{+", "+}");
		} else if (e->kind == COMPARE_DELETED) {
			fill_all(&g, node_text(od, e->old[0]), e->old[0]->len, "[-", "-]");
		} else if (!e->same_words) {
			buf a, n;
			buf_init(&a);
			buf_init(&n);
			for (size_t k = 0; k < e->nold; k++) {
				if (k)
					buf_addc(&a, ' ');
				buf_add(&a, node_text(od, e->old[k]), e->old[k]->len);
			}
			for (size_t k = 0; k < e->nnew; k++) {
				if (k)
					buf_addc(&n, ' ');
				buf_add(&n, node_text(nd, e->new[k]), e->new[k]->len);
			}
			fill_diff(&g, a.s, a.len, n.s, n.len);
			buf_clear(&a);
			buf_clear(&n);
		}
		fill_end(&g);
	}
}

/* ---- JSON ------------------------------------------------------------- */

json_t *
cli_compare_json_string(const char *s)
{
	size_t n = strlen(s);
	if (!u8_check((const uint8_t *)s, n))
		return json_stringn(s, n);
	/* a file name in another encoding: each bad byte as U+FFFD */
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (c == 0xFFFD)
			buf_adds(&b, "\xef\xbf\xbd");
		else
			buf_add(&b, s + i, (size_t)k);
		i += (size_t)k;
	}
	json_t *j = json_stringn(b.s, b.len);
	buf_clear(&b);
	return j;
}

static json_t *
side_json(const doc *d, const node *const *nd, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		char *c = compare_cite(d, nd[i]);
		json_object_set_new(o, "path", cli_compare_json_string(nd[i]->path));
		json_object_set_new(o, "cite", cli_compare_json_string(c));
		free(c);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
doc_json(const doc *d)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", cli_compare_json_string(d->name));
	json_object_set_new(o, "symbol", d->meta.symbol ? cli_compare_json_string(d->meta.symbol)
							: json_null());
	return o;
}

static json_t *
result_json(const compare_result *r)
{
	json_t *o = json_object(), *s = json_object(), *ch = json_array();
	json_object_set_new(o, "old", doc_json(r->old));
	json_object_set_new(o, "new", doc_json(r->new));
	static const compare_kind order[] = {	/* issue 12's order first */
		COMPARE_UNCHANGED, COMPARE_CHANGED, COMPARE_ADDED, COMPARE_DELETED,
		COMPARE_MOVED, COMPARE_RENUMBERED, COMPARE_SPLIT, COMPARE_MERGED,
	};
	for (size_t k = 0; k < ARRAY_LEN(order); k++)
		json_object_set_new(s, compare_kind_name(order[k]),
				    json_integer((json_int_t)r->count[order[k]]));
	json_object_set_new(o, "summary", s);
	for (size_t i = 0; i < r->n; i++) {
		const compare_entry *e = &r->entries[i];
		if (e->kind == COMPARE_UNCHANGED)
			continue;
		json_t *c = json_object();
		json_object_set_new(c, "kind", json_string(compare_kind_name(e->kind)));
		json_object_set_new(c, "part", json_string(compare_part_name(e->part)));
		json_object_set_new(c, "old", side_json(r->old, e->old, e->nold));
		json_object_set_new(c, "new", side_json(r->new, e->new, e->nnew));
		json_object_set_new(c, "similarity",
				    json_real((double)(long)(e->similarity * 1000 + 0.5) / 1000));
		if (e->nold && e->nnew && !e->same_words) {
			buf a, n, t;
			buf_init(&a);
			buf_init(&n);
			buf_init(&t);
			for (size_t k = 0; k < e->nold; k++) {
				if (k)
					buf_addc(&a, ' ');
				buf_add(&a, node_text(r->old, e->old[k]), e->old[k]->len);
			}
			for (size_t k = 0; k < e->nnew; k++) {
				if (k)
					buf_addc(&n, ' ');
				buf_add(&n, node_text(r->new, e->new[k]), e->new[k]->len);
			}
			compare_word *w;
			size_t nw = compare_words(a.s, a.len, n.s, n.len, &w);
			size_t del = 0, ins = 0;
			for (size_t k = 0; k < nw; k++) {
				int first = k == 0 || w[k - 1].op != w[k].op;
				int last = k + 1 == nw || w[k + 1].op != w[k].op;
				if (k)
					buf_addc(&t, ' ');
				if (w[k].op == COMPARE_DEL)
					del++;
				if (w[k].op == COMPARE_INS)
					ins++;
				if (first && w[k].op != COMPARE_SAME)
					buf_adds(&t, w[k].op == COMPARE_DEL ? "[-" : "{+");
				buf_add(&t, w[k].s, w[k].n);
				if (last && w[k].op != COMPARE_SAME)
					buf_adds(&t, w[k].op == COMPARE_DEL ? "-]" : "+}");
			}
			free(w);
			json_object_set_new(c, "words_deleted", json_integer((json_int_t)del));
			json_object_set_new(c, "words_inserted", json_integer((json_int_t)ins));
			json_object_set_new(c, "diff", json_stringn(t.s, t.len));
			buf_clear(&a);
			buf_clear(&n);
			buf_clear(&t);
		}
		json_array_append_new(ch, c);
	}
	json_object_set_new(o, "changes", ch);
	return o;
}

/* ---- run -------------------------------------------------------------- */

int
cli_compare_run(const char *old_path, const char *new_path, int json,
		int width_cols, const char *lang, FILE *out, FILE *errout)
{
	doc *a = cli_out_open(old_path, lang, errout);
	doc *b = a ? cli_out_open(new_path, lang, errout) : NULL;
	if (!b) {
		doc_free(a);
		return 1;
	}
	compare_result *r = compare_docs(a, b);
	int rc = 0;
	if (json) {
		json_t *o = result_json(r);
		rc = export_json_dumpf(o, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(o);
		if (rc == 0)
			fputc('\n', out);
	} else {
		buf t;
		buf_init(&t);
		cli_compare_text(r, width_cols, &t);
		if (t.len && fwrite(t.s, 1, t.len, out) != t.len)
			rc = -1;
		buf_clear(&t);
	}
	compare_free(r);
	doc_free(a);
	doc_free(b);
	return cli_out_end(out, errout, rc < 0, 0);
}
