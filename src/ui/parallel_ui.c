/* parallel_ui: two language versions side by side, in the reader.
 *
 * `lectern --parallel A B` on a terminal reads A in the text pane and B in
 * a pane on its right (half the columns; the outline starts hidden so
 * both have room), aligned by align_docs. The panes scroll in lockstep by
 * aligned clause: the clause at the top of one is the partner of the
 * clause at the top of the other. Moving in A (the reader's own keys)
 * puts B's partner at B's top (follow); moving in B (its keys while it
 * has the focus: Tab) puts A's partner at A's top, through ui_jump. A
 * clause of A with no partner in B stands against a gap: B's pane shows
 * blank rows, "no counterpart" on the first, as tall as A's clause, then
 * goes on with B's next clause. Search (/ ? n N) in B's pane searches B.
 *
 * Invariants: pv->top is a line of pv->lo (B laid out for the pane's
 * width); pair_a[b] / pair_b[b] are the pair of A's / B's block b (every
 * block is in one pair: align.h); both documents and the alignment
 * outlive the reader (parallel_ui_run frees them after it). */
#include <build-config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "cli/cli_out.h"
#include "doc_open.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "ui/parallel_ui.h"
#include "ui/refs_ui.h"
#include "ui/ui_impl.h"
#include "util.h"

typedef struct pview {
	align_result *r;
	const doc *a, *b;
	size_t *pair_a, *pair_b;
	layout *lo;
	int lo_w;
	layout_addr top;
	int gap;		/* rows of gap before B's top (A's clause
				   has no partner) */
	search *s;
	char *query;
	search_match m;
	int have_match;
	search_dir dir;
	char hint[160];
	int owned;		/* opened in the reader (languages): the pane
				   owns b, the alignment and itself */
} pview;

#define NO_PAIR SIZE_MAX

static size_t *
pair_index(const align_result *r, const doc *d, int left)
{
	size_t *p = xcalloc(d->nblocks ? d->nblocks : 1, sizeof *p);
	for (size_t b = 0; b < d->nblocks; b++)
		p[b] = NO_PAIR;
	for (size_t i = 0; i < r->n; i++) {
		const align_pair *ap = &r->pairs[i];
		size_t n = left ? ap->nleft : ap->nright;
		for (size_t k = 0; k < n; k++) {
			const node *nd = left ? ap->left[k] : ap->right[k];
			if (nd->block != (size_t)-1 && nd->block < d->nblocks)
				p[nd->block] = i;
		}
	}
	return p;
}

/* The first block of pair i on B's side, or NO_PAIR for a gap. */
static size_t
b_block(const pview *pv, size_t i)
{
	const align_pair *ap = &pv->r->pairs[i];
	for (size_t k = 0; k < ap->nright; k++)
		if (ap->right[k]->block != (size_t)-1)
			return ap->right[k]->block;
	return NO_PAIR;
}

static size_t
a_block(const pview *pv, size_t i)
{
	const align_pair *ap = &pv->r->pairs[i];
	for (size_t k = 0; k < ap->nleft; k++)
		if (ap->left[k]->block != (size_t)-1)
			return ap->left[k]->block;
	return NO_PAIR;
}

/* Rows of A's text from its top to the end of its top clause. */
static int
a_rest_rows(ui *u)
{
	layout_addr a = u->top;
	int n = 0;
	while (n < 1000) {
		const layout_line *l = layout_line_at(u->lo, a);
		n++;
		if (l->blank || layout_step(u->lo, &a, 1) == 0)
			break;
	}
	return n;
}

/* B's top follows A's: the partner of A's top clause, unless B's top is
 * already in it (B moved within the clause). force: always. */
static void
sync_from_a(pview *pv, ui *u, int force)
{
	if (!pv->lo || !pv->b || pv->a != u->d || !pv->a->nblocks || !pv->b->nblocks)
		return;
	size_t i = pv->pair_a[u->top.block];
	if (i == NO_PAIR)
		return;
	if (!force && pv->pair_b[pv->top.block] == i)
		return;
	size_t bb = b_block(pv, i);
	pv->gap = 0;
	if (bb == NO_PAIR) {	/* a gap: B goes on after it */
		pv->gap = a_rest_rows(u);
		for (size_t j = i + 1; j < pv->r->n && bb == NO_PAIR; j++)
			bb = b_block(pv, j);
		if (bb == NO_PAIR) {
			pv->top = layout_last(pv->lo);
			return;
		}
	}
	pv->top = (layout_addr){ bb, 0 };
}

/* A's top follows B's. Returns flags. */
static int
sync_to_a(pview *pv, ui *u)
{
	pv->gap = 0;
	size_t i = pv->pair_b[pv->top.block];
	if (i == NO_PAIR || pv->pair_a[u->top.block] == i)
		return UI_DRAW;
	size_t ab = a_block(pv, i);
	if (ab == NO_PAIR)	/* B's clause has no partner: A stays */
		return UI_DRAW;
	return ui_jump(u, (doc_pos){ ab, 0 }) | UI_DRAW;
}

static theme_role
role_of(const node *nd)
{
	switch (nd->kind) {
	case NODE_LETTER:
	case NODE_ANNEX:
	case NODE_BODY:
		return ROLE_TITLE;
	case NODE_SECTION:
	case NODE_HEADING:
	case NODE_TABLE:
		return ROLE_HEADING;
	case NODE_NOTE:
	case NODE_FOOTNOTE:
		return ROLE_DIM;
	default:
		return ROLE_TEXT;
	}
}

static void
par_draw(pane *p, ui *u)
{
	pview *pv = p->priv;
	wbkgdset(p->win, ' ' | draw_attr(u, ROLE_TEXT));
	werase(p->win);
	attr_t border = draw_attr(u, ROLE_BORDER);
	for (int y = 0; y < p->h; y++)
		draw_str(p->win, y, 0, "\xe2\x94\x82", 3, 1, border);	/* │ */
	if (!pv->lo || !pv->b || !pv->b->nblocks)
		return;
	int row = 0;
	if (pv->gap) {
		const char *g = "(no counterpart)";
		draw_str(p->win, 0, 2, g, strlen(g), p->w - 2, draw_attr(u, ROLE_DIM));
		row = pv->gap;
	}
	int gutter = layout_gutter_cols(pv->lo);
	layout_addr a = pv->top;
	for (; row < p->h; row++) {
		const layout_line *l = layout_line_at(pv->lo, a);
		if (!l->blank) {
			const node *nd = pv->b->blocks[l->block];
			const char *t = node_text(pv->b, nd);
			if (l->first && u->show_numbers) {
				const char *mk = layout_mark(pv->lo, l->block);
				if (mk && gutter > 1) {
					int w = text_width(mk, strlen(mk));
					int at = w < gutter - 1 ? gutter - 1 - w : 0;
					draw_str(p->win, row, 1 + at, mk, strlen(mk), gutter - 1,
						 draw_attr(u, ROLE_CLAUSE_NUMBER));
				}
			}
			int x = 1 + gutter + l->indent;
			if (x < p->w)
				draw_str(p->win, row, x, t + l->start, l->end - l->start,
					 p->w - x, draw_attr(u, role_of(nd)));
			size_t off = nd->off + l->start, end = nd->off + l->end;
			if (pv->have_match && pv->m.start < end && pv->m.end > off) {
				size_t s = pv->m.start > off ? pv->m.start : off;
				size_t e = pv->m.end < end ? pv->m.end : end;
				int mx = x + text_width(t + l->start, s - off);
				if (mx < p->w)
					draw_str(p->win, row, mx, pv->b->plain + s, e - s,
						 p->w - mx, draw_attr(u, ROLE_SEARCH_MATCH));
			}
		}
		if (layout_step(pv->lo, &a, 1) == 0)
			break;
	}
}

static int
found(pview *pv, ui *u, int r, int wrapped)
{
	if (r <= 0) {
		pv->have_match = 0;
		ui_message(u, ROLE_MESSAGE, "%s", r < 0 ? "Nothing to search for"
			   : "Not found in the version on the right");
		return UI_DRAW;
	}
	pv->have_match = 1;
	size_t b = doc_block_at(pv->b, pv->m.start);
	pv->top = layout_addr_of(pv->lo, (doc_pos){ b, pv->m.start - pv->b->blocks[b]->off });
	if (wrapped)
		ui_message(u, ROLE_MESSAGE, "Search wrapped around");
	else
		u->msg[0] = '\0';
	return sync_to_a(pv, u);
}

static int
search_done(ui *u, const char *text, void *arg)
{
	pview *pv = arg;
	if (!text)
		return UI_DRAW;
	free(pv->query);
	pv->query = xstrdup(text);
	if (!pv->s)
		pv->s = search_new(pv->b);
	int wrapped = 0;
	size_t from = layout_pos_of(pv->lo, pv->top).byte + pv->b->blocks[pv->top.block]->off;
	int r = search_next(pv->s, pv->query, from, pv->dir, &pv->m, &wrapped);
	return found(pv, u, r, wrapped);
}

static int
search_again(pview *pv, ui *u, int reverse)
{
	if (!pv->query || !pv->s)
		return search_done(u, NULL, pv);
	search_dir d = pv->dir;
	if (reverse)
		d = d == SEARCH_FORWARD ? SEARCH_BACKWARD : SEARCH_FORWARD;
	size_t from = pv->have_match ? (d == SEARCH_FORWARD ? pv->m.start + 1 : pv->m.start) : 0;
	int wrapped = 0;
	int r = search_next(pv->s, pv->query, from, d, &pv->m, &wrapped);
	return found(pv, u, r, wrapped);
}

static int
par_scroll(pview *pv, ui *u, long delta)
{
	layout_step(pv->lo, &pv->top, delta);
	return sync_to_a(pv, u);
}

static int
par_action(pane *p, ui *u, int act)
{
	pview *pv = p->priv;
	if (!pv->lo || !pv->b || !pv->b->nblocks)
		return UI_PASS;
	long page = p->h > 2 ? p->h - 1 : 1;
	switch (act) {
	case ACT_LINE_DOWN: return par_scroll(pv, u, 1);
	case ACT_LINE_UP: return par_scroll(pv, u, -1);
	case ACT_PAGE_DOWN: return par_scroll(pv, u, page);
	case ACT_PAGE_UP: return par_scroll(pv, u, -page);
	case ACT_HALF_DOWN: return par_scroll(pv, u, page / 2);
	case ACT_HALF_UP: return par_scroll(pv, u, -page / 2);
	case ACT_TOP:
		pv->top = layout_first(pv->lo);
		return sync_to_a(pv, u);
	case ACT_BOTTOM:
		pv->top = layout_last(pv->lo);
		layout_step(pv->lo, &pv->top, -(page - 1));
		return sync_to_a(pv, u);
	case ACT_NEXT_BLOCK:
		if (pv->top.block + 1 < pv->b->nblocks)
			pv->top = (layout_addr){ pv->top.block + 1, 0 };
		return sync_to_a(pv, u);
	case ACT_PREV_BLOCK:
		pv->top = (layout_addr){ pv->top.line || !pv->top.block ? pv->top.block
					 : pv->top.block - 1, 0 };
		return sync_to_a(pv, u);
	case ACT_SEARCH_FORWARD:
	case ACT_SEARCH_BACKWARD:
		pv->dir = act == ACT_SEARCH_FORWARD ? SEARCH_FORWARD : SEARCH_BACKWARD;
		return prompt_open(u, act == ACT_SEARCH_FORWARD ? "/" : "?", NULL,
				   search_done, pv);
	case ACT_SEARCH_NEXT: return search_again(pv, u, 0);
	case ACT_SEARCH_PREV: return search_again(pv, u, 1);
	}
	return UI_PASS;
}

static int
par_reserve(pane *p, ui *u, int main_h, int cols)
{
	/* Left of the panes on the right placed before it (notes). */
	int taken = 0;
	for (size_t i = 0; i < u->npanes; i++) {
		const pane *q = u->panes[i];
		if (q != p && q->side == PANE_RIGHT && q->placed && !q->covers)
			taken += q->w;
	}
	cols -= taken;
	int w = cols / 2;
	if (!p->shown || w < 20 || cols - w < 20)
		return 0;
	p->y = 0;
	p->x = u->cols - taken - w;
	p->h = main_h;
	p->w = w;
	p->placed = main_h > 0 && !u->outline_full;
	return w;
}

static void
par_place(pane *p, ui *u)
{
	pview *pv = p->priv;
	if (!pv->b)
		return;
	int w = p->w - 2;
	if (w > UI_TEXT_MAX_COLS)
		w = UI_TEXT_MAX_COLS;
	if (w < 10)
		w = 10;
	if (!pv->lo || pv->lo_w != w) {
		layout_free(pv->lo);
		pv->lo = layout_new(pv->b, w);
		pv->lo_w = w;
		pv->top = layout_first(pv->lo);
	}
	sync_from_a(pv, u, 1);	/* the same clauses at the top */
}

static void
par_follow(pane *p, ui *u)
{
	sync_from_a(p->priv, u, 0);
}

static int
par_mouse(pane *p, ui *u, int y, int x, int button)
{
	(void)y;
	(void)x;
	pview *pv = p->priv;
	if (!pv->lo)
		return UI_NONE;
	if (button == UI_MOUSE_WHEEL_UP)
		return par_scroll(pv, u, -3);
	if (button == UI_MOUSE_WHEEL_DOWN)
		return par_scroll(pv, u, 3);
	return ui_focus(u, p);
}

static const char *
par_hint(pane *p, ui *u)
{
	pview *pv = p->priv;
	keys_expand(u, "{focus-next} back to the left  {search-forward} searches "
		    "this version  {help} help", pv->hint, sizeof pv->hint);
	return pv->hint;
}

/* Forgets B (a language version the reader opened). */
static void
drop_b(pview *pv)
{
	layout_free(pv->lo);
	pv->lo = NULL;
	search_free(pv->s);
	pv->s = NULL;
	free(pv->query);
	pv->query = NULL;
	pv->have_match = 0;
	if (!pv->owned)
		return;
	free(pv->pair_a);
	free(pv->pair_b);
	pv->pair_a = pv->pair_b = NULL;
	align_free(pv->r);
	pv->r = NULL;
	doc_free((doc *)pv->b);
	pv->b = NULL;
}

static void
par_free(pane *p)
{
	pview *pv = p->priv;
	drop_b(pv);
	if (pv->owned)
		free(pv);
}

static const pane_ops par_ops = {
	.name = "parallel",
	.reserve = par_reserve,
	.draw = par_draw,
	.action = par_action,
	.mouse = par_mouse,
	.follow = par_follow,
	.place = par_place,
	.hint = par_hint,
	.free = par_free,
};

static pane *
par_pane(ui *u, void *arg)
{
	pane *p = xcalloc(1, sizeof *p);
	p->ops = &par_ops;
	p->side = PANE_RIGHT;
	p->shown = 1;
	p->focusable = 1;
	p->priv = arg;
	u->outline->shown = 0;	/* room for both texts */
	return p;
}

/* ---- another language version, from the library ---- */

static pane *
find_pane(const ui *u)
{
	for (size_t i = 0; i < u->npanes; i++)
		if (u->panes[i]->ops == &par_ops)
			return u->panes[i];
	return NULL;
}

static int
close_split(ui *u, pane *p)
{
	p->shown = 0;
	if (u->focus == p)
		ui_focus(u, u->text);
	drop_b(p->priv);
	return UI_GEOMETRY | UI_DRAW;
}

/* Another document is read: the split closes. */
static void
on_doc_changed(ui *u, int event, void *data)
{
	(void)event;
	pane *p = data;
	pview *pv = p->priv;
	if (p->shown && pv->a != u->d)
		close_split(u, p);
}

static int
open_split(ui *u, const char *path)
{
	char *report = NULL, *err = NULL;
	doc_open_options dopt = { .lang = u->rx->lib ? library_lang(u->rx->lib) : NULL };
	doc *b = doc_open(path, &dopt, &report, &err);
	free(report);
	if (!b) {
		ui_message(u, ROLE_ERROR, "%s", err ? err : path);
		free(err);
		return UI_DRAW;
	}
	pane *p = find_pane(u);
	if (!p) {
		pview *pv = xcalloc(1, sizeof *pv);
		pv->owned = 1;
		p = xcalloc(1, sizeof *p);
		p->ops = &par_ops;
		p->side = PANE_RIGHT;
		p->focusable = 1;
		p->priv = pv;
		if (ui_add_pane(u, p) < 0) {
			free(pv);
			free(p);
			doc_free(b);
			ui_message(u, ROLE_ERROR, "No room for another pane");
			return UI_DRAW;
		}
		ui_observe(u, UI_EVENT_DOC_CHANGED, on_doc_changed, p);
	}
	pview *pv = p->priv;
	drop_b(pv);
	pv->owned = 1;
	pv->a = u->d;
	pv->b = b;
	pv->r = align_docs(pv->a, b);
	pv->pair_a = pair_index(pv->r, pv->a, 1);
	pv->pair_b = pair_index(pv->r, b, 0);
	p->shown = 1;
	u->outline->shown = 0;	/* room for both texts */
	char m[160];
	keys_expand(u, "{languages} closes it, {focus-next} goes to it", m, sizeof m);
	ui_message(u, ROLE_MESSAGE, "Beside it: the version in %s (%s)",
		   b->meta.lang ? b->meta.lang : "another language", m);
	return UI_GEOMETRY | UI_DRAW | UI_MOVED;
}

typedef struct offer {
	char **path, **lang;
	size_t n;
} offer;

static void
offer_free(offer *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->path[i]);
		free(o->lang[i]);
	}
	free(o->path);
	free(o->lang);
	free(o);
}

static int
offer_done(ui *u, const char *text, void *arg)
{
	offer *o = arg;
	int f = UI_DRAW;
	if (text) {
		size_t i = 0;
		while (i < o->n && strcmp(o->lang[i], text))
			i++;
		if (i < o->n)
			f = open_split(u, o->path[i]);
		else
			ui_message(u, ROLE_MESSAGE, "No version in '%s' in the library", text);
	}
	offer_free(o);
	return f;
}

int
parallel_ui_languages(ui *u)
{
	pane *p = find_pane(u);
	if (p && p->shown)
		return close_split(u, p);
	const pview *cur = p ? p->priv : NULL;
	if (cur && !cur->owned && cur->b && cur->a == u->d) {
		p->shown = 1;	/* --parallel: B's pane again */
		return UI_GEOMETRY | UI_DRAW | UI_MOVED;
	}
	refs_ui *rx = u->rx;
	const char *sym = u->d->meta.symbol, *lang = u->d->meta.lang;
	if (!rx || !rx->lib) {
		ui_message(u, ROLE_MESSAGE, "Other language versions come from a library "
			   "(lectern DIR), or lectern --parallel A B");
		return UI_DRAW;
	}
	if (!sym || !*sym) {
		ui_message(u, ROLE_MESSAGE, "This document has no symbol to find its other versions by");
		return UI_DRAW;
	}
	offer *o = xcalloc(1, sizeof *o);
	o->path = xcalloc(rx->ndocs ? rx->ndocs : 1, sizeof *o->path);
	o->lang = xcalloc(rx->ndocs ? rx->ndocs : 1, sizeof *o->lang);
	buf langs;
	buf_init(&langs);
	for (size_t i = 0; i < rx->ndocs; i++) {
		const library_doc *ld = &rx->docs[i];
		if (ld->error || !ld->symbol || strcmp(ld->symbol, sym) || !ld->lang ||
		    (lang && !strcmp(ld->lang, lang)))
			continue;
		o->path[o->n] = xstrdup(ld->path);
		o->lang[o->n] = xstrdup(ld->lang);
		buf_printf(&langs, "%s%s", o->n ? ", " : "", ld->lang);
		o->n++;
	}
	int f;
	if (!o->n) {
		ui_message(u, ROLE_MESSAGE, "The library has no other language version of %s", sym);
		offer_free(o);
		f = UI_DRAW;
	} else if (o->n == 1) {
		f = open_split(u, o->path[0]);
		offer_free(o);
	} else {
		char label[200];
		snprintf(label, sizeof label, "Language (%s): ", langs.s);
		f = prompt_open(u, label, NULL, offer_done, o);
	}
	buf_clear(&langs);
	return f;
}

int
parallel_ui_run(const char *a_path, const char *b_path, const char *lang,
		const ui_options *opt)
{
	doc *a = cli_out_open(a_path, lang, stderr);
	doc *b = a ? cli_out_open(b_path, lang, stderr) : NULL;
	if (!a || !b) {
		doc_free(a);
		return 1;
	}
	pview pv = { .a = a, .b = b, .r = align_docs(a, b) };
	pv.pair_a = pair_index(pv.r, a, 1);
	pv.pair_b = pair_index(pv.r, b, 0);
	ui_options o = *opt;
	o.view = par_pane;
	o.view_arg = &pv;
	int rc = ui_run(a, &o);
	free(pv.pair_a);
	free(pv.pair_b);
	align_free(pv.r);
	doc_free(b);
	doc_free(a);
	return rc;
}
