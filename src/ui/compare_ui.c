/* compare_ui: what changed between two versions, in the reader.
 *
 * `lectern --compare OLD NEW` on a terminal reads a document made for the
 * view: NEW's tree with each clause's text marked as wdiff does, words
 * only in OLD between "[-" and "-]", words only in NEW between "{+" and
 * "+}" (compare_words), a whole added clause inside "{+ +}", and each
 * deleted clause of OLD as a clause of its own, inside "[- -]", where
 * compare_docs puts it in NEW's reading order. The marks are part of the
 * text, so the layout wraps them and they show without colour (NO_COLOR,
 * the mono theme); the view's pane (never shown) draws the marked words
 * again in the inserted and deleted roles over each line (decorate). The
 * outline's entries of changed clauses start with "~ " (changed, moved,
 * renumbered, split, merged), "+ " (added) or "- " (deleted).
 *
 * Invariants: the view document has NEW's paths for NEW's nodes (deleted
 * clauses are "deletedN"); entry[b] is the compare entry of the view's
 * block b, or -1; the compare result and both documents outlive the
 * reader (compare_ui_run frees them after it). */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_compare.h"
#include "cli/cli_out.h"
#include "compare.h"
#include "doc_open.h"
#include "text.h"
#include "ui/compare_ui.h"
#include "ui/ui_impl.h"
#include "util.h"

typedef struct cview {
	compare_result *r;
	doc *view;
	long *entry;		/* per view block: entry index, or -1 */
} cview;

/* ---- the marked text ---- */

enum { ST_SAME, ST_DEL, ST_INS };

typedef struct marker {
	buf out;
	const char *prev_end;	/* end of the last word of b written */
	int st;
} marker;

static void
mark_close(marker *m)
{
	if (m->st == ST_DEL)
		buf_adds(&m->out, "-]");
	else if (m->st == ST_INS)
		buf_adds(&m->out, "+}");
	m->st = ST_SAME;
}

/* Appends one word of the diff: b's words keep the spaces (and line
 * breaks) of b before them, OLD's words get one space. */
static void
mark_word(marker *m, int st, const char *s, size_t n)
{
	int opening = st != m->st;
	if (opening)
		mark_close(m);
	size_t gap = st != ST_DEL && m->prev_end ? (size_t)(s - m->prev_end) : 0;
	if (gap)
		buf_add(&m->out, m->prev_end, gap);
	else if (m->out.len)
		buf_addc(&m->out, ' ');
	if (opening && st != ST_SAME)
		buf_adds(&m->out, st == ST_DEL ? "[-" : "{+");
	m->st = st;
	buf_add(&m->out, s, n);
	if (st != ST_DEL)
		m->prev_end = s + n;
}

/* The texts of nodes nd[0, n) joined by one space into b. */
static void
join_texts(buf *b, const doc *d, const node *const *nd, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ' ');
		buf_add(b, node_text(d, nd[i]), nd[i]->len);
	}
}

/* The marked texts of entry e's new clauses into out[0, e->nnew)
 * (caller frees each). */
static void
mark_entry(const compare_result *r, const compare_entry *e, char **out)
{
	buf a, b;
	buf_init(&a);
	buf_init(&b);
	join_texts(&a, r->old, e->old, e->nold);
	join_texts(&b, r->new, e->new, e->nnew);
	size_t len0 = e->nnew ? e->new[0]->len : 0;
	marker m[2];
	memset(m, 0, sizeof m);
	for (size_t i = 0; i < 2; i++)
		buf_init(&m[i].out);
	if (e->nold == 0) {
		for (size_t i = 0; i < e->nnew; i++) {
			buf_adds(&m[i].out, "{+");
			buf_add(&m[i].out, node_text(r->new, e->new[i]), e->new[i]->len);
			buf_adds(&m[i].out, "+}");
		}
	} else if (e->same_words) {
		for (size_t i = 0; i < e->nnew; i++)
			buf_add(&m[i].out, node_text(r->new, e->new[i]), e->new[i]->len);
	} else {
		compare_word *w = NULL;
		size_t nw = compare_words(a.s ? a.s : "", a.len, b.s ? b.s : "", b.len, &w);
		size_t t = 0;	/* the new clause being written */
		for (size_t i = 0; i < nw; i++) {
			if (w[i].op != COMPARE_DEL) {
				t = e->nnew > 1 && (size_t)(w[i].s - b.s) > len0 ? 1 : 0;
				if (t == 1 && !m[1].prev_end)
					m[1].prev_end = b.s + len0 + 1;
			}
			if (t == 0 && !m[0].prev_end && w[i].op != COMPARE_DEL)
				m[0].prev_end = b.s;
			mark_word(&m[t], w[i].op == COMPARE_DEL ? ST_DEL :
				  w[i].op == COMPARE_INS ? ST_INS : ST_SAME, w[i].s, w[i].n);
		}
		for (size_t i = 0; i < 2; i++)
			mark_close(&m[i]);
		free(w);
	}
	for (size_t i = 0; i < e->nnew; i++)
		out[i] = buf_take(&m[i].out);
	for (size_t i = 0; i < 2; i++)
		buf_clear(&m[i].out);
	buf_clear(&a);
	buf_clear(&b);
}

/* ---- the view's document ---- */

typedef struct builder {
	const compare_result *r;
	doc *view;
	long *entry_of_new;	/* per NEW node index */
	const compare_entry **dels;	/* deleted entries, NEW's order */
	const node **anchor;	/* the NEW clause each follows, or NULL */
	size_t ndels, next_del;
	size_t ndeleted;
} builder;

static const char *
mark_of(compare_kind k)
{
	switch (k) {
	case COMPARE_UNCHANGED: return "";
	case COMPARE_ADDED: return "+ ";
	case COMPARE_DELETED: return "- ";
	default: return "~ ";
	}
}

/* The outline's entry of a changed clause starts with its mark. The
 * outline shows a longer form from the text in place of a label cut with
 * '…' (or of none), which would lose the mark: the label here is never cut
 * (the outline clips it to its width). */
static void
set_label(node *to, const node *from, const doc *d, const char *mark)
{
	if (!*mark) {
		doc_set_label(to, from->label);
		return;
	}
	const char *l = from->label;
	size_t n = l ? strlen(l) : 0;
	if (n >= 3 && !strcmp(l + n - 3, "\xe2\x80\xa6"))
		n -= 3;
	if (!n) {
		l = node_text(d, from);
		n = text_fit(l, from->len, 48, NULL);
	}
	char *lb = xasprintf("%s%.*s", mark, (int)n, l ? l : "");
	for (char *c = lb; *c; c++)
		if (*c == '\n')
			*c = ' ';
	doc_set_label(to, lb);
	free(lb);
}

/* The deleted clauses that follow NEW's node anchor (NULL: the start),
 * as children of parent. */
static void
add_deleted(builder *bd, node *parent, const node *anchor)
{
	while (bd->next_del < bd->ndels && bd->anchor[bd->next_del] == anchor) {
		const compare_entry *e = bd->dels[bd->next_del++];
		const node *o = e->old[0];
		char id[32];
		snprintf(id, sizeof id, "deleted%zu", ++bd->ndeleted);
		buf t;
		buf_init(&t);
		buf_adds(&t, "[-");
		buf_add(&t, node_text(bd->r->old, o), o->len);
		buf_adds(&t, "-]");
		node *nd = doc_add_node(bd->view, parent, o->kind, id, t.s, t.len);
		buf_clear(&t);
		set_label(nd, o, bd->r->old, mark_of(COMPARE_DELETED));
	}
}

static void
copy_tree(builder *bd, node *parent, const node *src)
{
	const char *text = NULL;
	size_t n = 0;
	char *marked[2] = { NULL, NULL }, *own = NULL;
	const char *mark = "";
	long ei = bd->entry_of_new[src->index];
	if (ei >= 0) {
		const compare_entry *e = &bd->r->entries[ei];
		mark_entry(bd->r, e, marked);
		size_t k = e->nnew > 1 && e->new[1] == src ? 1 : 0;
		own = marked[k];
		free(marked[1 - k]);
		text = own;
		n = strlen(own);
		mark = mark_of(e->kind);
	} else if (src->len) {
		text = node_text(bd->r->new, src);
		n = src->len;
	}
	node *nd = doc_add_node(bd->view, parent, src->kind, src->id, text, n);
	free(own);
	doc_set_number(nd, src->number, src->cite);
	set_label(nd, src, bd->r->new, mark);
	nd->unit = src->unit;
	nd->page = src->page;
	/* OLD's clauses deleted after this one: its first children when it
	 * has any (reading order), else its next siblings. */
	if (src->block != (size_t)-1 && src->nkids)
		add_deleted(bd, nd, src);
	for (size_t i = 0; i < src->nkids; i++)
		copy_tree(bd, nd, src->kids[i]);
	if (src->block != (size_t)-1 && !src->nkids)
		add_deleted(bd, parent, src);
}

static doc *
build_view(const compare_result *r, const char *title)
{
	const doc *nw = r->new;
	builder bd = { .r = r };
	bd.view = doc_new(nw->name);
	bd.entry_of_new = xcalloc(nw->nnodes ? nw->nnodes : 1, sizeof *bd.entry_of_new);
	for (size_t i = 0; i < nw->nnodes; i++)
		bd.entry_of_new[i] = -1;
	bd.dels = xcalloc(r->n ? r->n : 1, sizeof *bd.dels);
	bd.anchor = xcalloc(r->n ? r->n : 1, sizeof *bd.anchor);
	const node *last = NULL;
	for (size_t i = 0; i < r->n; i++) {
		const compare_entry *e = &r->entries[i];
		for (size_t k = 0; k < e->nnew; k++) {
			/* a node with text under a text-less node the walk
			 * copies: its entry, the first one met */
			if (bd.entry_of_new[e->new[k]->index] < 0)
				bd.entry_of_new[e->new[k]->index] = (long)i;
			last = e->new[k];
		}
		if (e->kind == COMPARE_DELETED) {
			bd.dels[bd.ndels] = e;
			bd.anchor[bd.ndels++] = last;
		}
	}
	const node *root = nw->root;
	add_deleted(&bd, NULL, NULL);
	for (size_t i = 0; root && i < root->nkids; i++)
		copy_tree(&bd, NULL, root->kids[i]);
	/* Deleted clauses not placed (an anchor the walk did not meet):
	 * at the end, so that every clause is in the view. */
	while (bd.next_del < bd.ndels) {
		bd.anchor[bd.next_del] = NULL;
		add_deleted(&bd, NULL, NULL);
	}
	doc_finish(bd.view);
	doc *v = bd.view;
	doc_meta_set(&v->meta.symbol, title);
	doc_meta_set(&v->meta.title, nw->meta.title);
	doc_meta_set(&v->meta.lang, nw->meta.lang);
	doc_meta_set(&v->meta.date, nw->meta.date);
	free(bd.entry_of_new);
	free(bd.dels);
	free(bd.anchor);
	return v;
}

/* entry[b] for each block of the view: NEW's blocks by path, deleted
 * clauses by their order. */
static long *
view_entries(const compare_result *r, const doc *v)
{
	long *en = xcalloc(v->nblocks ? v->nblocks : 1, sizeof *en);
	size_t *ne = xcalloc(r->new->nnodes ? r->new->nnodes : 1, sizeof *ne);
	for (size_t i = 0; i < r->new->nnodes; i++)
		ne[i] = SIZE_MAX;
	size_t ndel = 0;
	const compare_entry **dels = xcalloc(r->n ? r->n : 1, sizeof *dels);
	for (size_t i = 0; i < r->n; i++) {
		for (size_t k = 0; k < r->entries[i].nnew; k++)
			if (ne[r->entries[i].new[k]->index] == SIZE_MAX)
				ne[r->entries[i].new[k]->index] = i;
		if (r->entries[i].kind == COMPARE_DELETED)
			dels[ndel++] = &r->entries[i];
	}
	for (size_t b = 0; b < v->nblocks; b++) {
		const node *nd = v->blocks[b];
		en[b] = -1;
		unsigned long k;
		if (sscanf(nd->id, "deleted%lu", &k) == 1 && k >= 1 && k <= ndel &&
		    !strncmp(nd->id, "deleted", 7)) {
			en[b] = (long)(dels[k - 1] - r->entries);
			continue;
		}
		const node *src = doc_find_path(r->new, nd->path);
		if (src && ne[src->index] != SIZE_MAX)
			en[b] = (long)ne[src->index];
	}
	free(ne);
	free(dels);
	return en;
}

/* ---- the pane ---- */

static const pane_ops compare_ops;

static cview *
find_view(const ui *u)
{
	for (size_t i = 0; i < u->npanes; i++)
		if (u->panes[i]->ops == &compare_ops)
			return u->panes[i]->priv;
	return NULL;
}

/* The mark starting at t[i] in state st: its length (2), the state after
 * it in *next; 0 when none starts there. */
static int
mark_at(const char *t, size_t i, size_t n, int st, int *next)
{
	if (i + 1 >= n)
		return 0;
	if (st == ST_SAME && t[i] == '[' && t[i + 1] == '-') {
		*next = ST_DEL;
		return 2;
	}
	if (st == ST_SAME && t[i] == '{' && t[i + 1] == '+') {
		*next = ST_INS;
		return 2;
	}
	if (st == ST_DEL && t[i] == '-' && t[i + 1] == ']') {
		*next = ST_SAME;
		return 2;
	}
	if (st == ST_INS && t[i] == '+' && t[i + 1] == '}') {
		*next = ST_SAME;
		return 2;
	}
	return 0;
}

/* Draws the marked words of line l again in their roles. */
static void
compare_decorate(pane *p, ui *u, pane *text, int row, int x0, int x,
		 const layout_line *l)
{
	(void)x0;
	cview *cv = p->priv;
	if (u->d != cv->view || !text->win)
		return;
	const node *nd = u->d->blocks[l->block];
	const char *t = node_text(u->d, nd);
	int st = ST_SAME, next;
	size_t i = 0;
	while (i < l->start) {	/* the state where the line starts */
		int m = mark_at(t, i, nd->len, st, &next);
		if (m) {
			st = next;
			i += (size_t)m;
		} else {
			i++;
		}
	}
	while (i < l->end) {
		size_t from = i;
		int seg = st;
		int m = mark_at(t, i, nd->len, st, &next);
		if (m) {	/* a mark: drawn in the role it opens or closes */
			seg = st == ST_SAME ? next : st;
			st = next;
			i += (size_t)m;
		} else {
			while (i < l->end && !mark_at(t, i, nd->len, st, &next))
				i++;
		}
		if (i > l->end)
			i = l->end;
		if (seg == ST_SAME)
			continue;
		int col = x + text_width(t + l->start, from - l->start);
		if (col >= text->w)
			break;
		draw_str(text->win, row, col, t + from, i - from, text->w - col,
			 draw_attr(u, seg == ST_DEL ? ROLE_DELETED : ROLE_INSERTED));
	}
}

static void
compare_draw(pane *p, ui *u)
{
	(void)p;
	(void)u;
}

static int
compare_action(pane *p, ui *u, int act)
{
	(void)p;
	(void)u;
	(void)act;
	return UI_PASS;
}

static void
compare_free_pane(pane *p)
{
	(void)p;	/* compare_ui_run frees the view */
}

static const pane_ops compare_ops = {
	.name = "compare",
	.draw = compare_draw,
	.action = compare_action,
	.decorate = compare_decorate,
	.free = compare_free_pane,
};

static pane *
compare_pane(ui *u, void *arg)
{
	(void)u;
	pane *p = xcalloc(1, sizeof *p);
	p->ops = &compare_ops;
	p->side = PANE_OVERLAY;	/* no reserve: never placed */
	p->priv = arg;
	return p;
}

/* ---- actions ---- */

static int
not_comparing(ui *u)
{
	ui_message(u, ROLE_MESSAGE, "Not comparing: lectern --compare OLD NEW opens this view");
	return UI_DRAW;
}

/* "op. 3" of entry e: in NEW, or in OLD for a deleted clause. */
static char *
entry_cite(const compare_result *r, const compare_entry *e)
{
	return e->nnew ? compare_cite(r->new, e->new[0]) : compare_cite(r->old, e->old[0]);
}

static int
step(ui *u, int dir)
{
	cview *cv = find_view(u);
	if (!cv || u->d != cv->view)
		return not_comparing(u);
	const doc *v = cv->view;
	size_t changes = 0, nth = 0, found = SIZE_MAX;
	long cur = v->nblocks ? cv->entry[u->pos.block] : -1;
	for (size_t b = 0; b < v->nblocks; b++) {
		long e = cv->entry[b];
		if (e < 0 || cv->r->entries[e].kind == COMPARE_UNCHANGED)
			continue;
		if (b && cv->entry[b - 1] == e)
			continue;	/* a split clause's second part */
		changes++;
		if (dir > 0 && b > u->pos.block && e != cur && found == SIZE_MAX) {
			found = b;
			nth = changes;
		}
		if (dir < 0 && b < u->pos.block && e != cur) {
			found = b;
			nth = changes;
		}
	}
	if (found == SIZE_MAX) {
		ui_message(u, ROLE_MESSAGE, "%s", changes ? (dir > 0 ? "No change after this one"
							     : "No change before this one")
			   : "No changes: the two versions have the same words");
		return UI_DRAW;
	}
	const compare_entry *e = &cv->r->entries[cv->entry[found]];
	char *c = entry_cite(cv->r, e);
	int f = ui_jump(u, (doc_pos){ found, 0 });
	ui_message(u, ROLE_MESSAGE, "%s %s (change %zu of %zu)", c && *c ? c : "clause",
		   compare_kind_name(e->kind), nth, changes);
	free(c);
	return f | UI_DRAW;
}

int
compare_ui_next(ui *u)
{
	return step(u, 1);
}

int
compare_ui_prev(ui *u)
{
	return step(u, -1);
}

int
compare_ui_old(ui *u)
{
	cview *cv = find_view(u);
	if (!cv || u->d != cv->view)
		return not_comparing(u);
	long ei = u->d->nblocks ? cv->entry[u->pos.block] : -1;
	if (ei < 0) {
		ui_message(u, ROLE_MESSAGE, "No clause of OLD here");
		return UI_DRAW;
	}
	const compare_entry *e = &cv->r->entries[ei];
	char *c = entry_cite(cv->r, e);
	if (!e->nold) {
		ui_message(u, ROLE_MESSAGE, "%s is new: OLD has no such clause", c && *c ? c : "This clause");
		free(c);
		return UI_DRAW;
	}
	buf t, title;
	buf_init(&t);
	buf_init(&title);
	for (size_t i = 0; i < e->nold; i++) {
		char *oc = compare_cite(cv->r->old, e->old[i]);
		if (e->nold > 1 || (oc && c && strcmp(oc, c)))
			buf_printf(&t, "%s%s:\n", i ? "\n" : "", oc && *oc ? oc : "clause");
		free(oc);
		buf_add(&t, node_text(cv->r->old, e->old[i]), e->old[i]->len);
		buf_addc(&t, '\n');
	}
	buf_printf(&title, "OLD: %s (%s)", c && *c ? c : "clause", compare_kind_name(e->kind));
	int f = popup_open(u, title.s, t.s, 0);
	buf_clear(&t);
	buf_clear(&title);
	free(c);
	return f;
}

int
compare_ui_lists(const ui *u, int act)
{
	if (act != ACT_CHANGE_NEXT && act != ACT_CHANGE_PREV && act != ACT_CHANGE_OLD)
		return 1;
	const cview *cv = find_view(u);
	return cv && u->d == cv->view;
}

/* ---- running ---- */

static const char *
name_of(const doc *d)
{
	if (d->meta.symbol && *d->meta.symbol)
		return d->meta.symbol;
	const char *s = strrchr(d->name, '/');
	return s && s[1] ? s + 1 : d->name;
}

int
compare_ui_run(const char *old_path, const char *new_path, const char *lang,
	       const ui_options *opt)
{
	doc *old = cli_out_open(old_path, lang, stderr);
	doc *nw = old ? cli_out_open(new_path, lang, stderr) : NULL;
	if (!old || !nw) {
		doc_free(old);
		return 1;
	}
	cview cv = { .r = compare_docs(old, nw) };
	/* The status line names both; the notes of this view are its own
	 * (the text, marks and all, is neither document). */
	char *title = xasprintf("%s \xe2\x86\x92 %s", name_of(old), name_of(nw));
	cv.view = build_view(cv.r, title);
	cv.entry = view_entries(cv.r, cv.view);
	char *sum = cli_compare_summary(cv.r);
	buf note;
	buf_init(&note);
	if (opt->notice)
		buf_adds(&note, opt->notice);
	buf_printf(&note, "%s\n", sum);
	ui_options o = *opt;
	o.notice = note.s;
	o.view = compare_pane;
	o.view_arg = &cv;
	int rc = ui_run(cv.view, &o);
	buf_clear(&note);
	free(sum);
	free(title);
	free(cv.entry);
	doc_free(cv.view);
	compare_free(cv.r);
	doc_free(nw);
	doc_free(old);
	return rc;
}
