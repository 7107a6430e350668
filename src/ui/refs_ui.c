/* refs_ui: the document's references, and the pane that lists them.
 *
 * Owns u->rx (refs_ui.h): the catalog, loaded once per reader, and the
 * references of the document being read (refs_find), rebuilt when a
 * library opens another document.
 *
 * Moving: ) and ( go to the next and previous reference after the one last
 * moved to (or after the top of the screen when that one is out of view);
 * the view moves only when the reference is off the screen; the message
 * line says what it is: "tema 98 (A/75): <title in the document's
 * language>", or "not in the catalog".
 *
 * The pane (r) lists the targets, grouped by key in order of first
 * mention, with their counts, below the text (over it when the terminal is
 * short). Enter on a target cycles through its mentions (the text stays in
 * view above, so repeated Enter walks them); in a library the target under
 * the cursor unfolds into the other documents that mention it
 * (library_mentions), and Enter on one opens it at its first mention. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "un/cite.h"
#include "un/lang.h"
#include "ui/refs_ui.h"
#include "util.h"

#ifdef LECTERN_SRCDIR
#define SRCDIR LECTERN_SRCDIR
#else
#define SRCDIR NULL
#endif

typedef struct group {
	const char *key;	/* of the list's refs */
	size_t *idx;		/* text mentions (not the masthead's) */
	size_t n;
	size_t nmeta;		/* masthead mentions */
	size_t first;		/* index of its first ref in the list */
	size_t next;		/* the mention Enter goes to next */
} group;

typedef struct refs_pane {
	group *g;
	size_t ng;
	size_t gi;		/* cursor: group */
	long si;		/* cursor: -1 the group row, else a document */
	size_t scroll;		/* first row shown */
	library_mention *docs;	/* of g[gi], other documents (library) */
	size_t ndocs;		/* shown: the other documents */
	size_t ndocs_all;	/* in docs, this one included */
	size_t docs_for;	/* group the docs are for, or (size_t)-1 */
} refs_pane;

/* --- the words of the message line --------------------------------------- */

/* "tema 98 (A/75)" for "A/75 item 98"; the key itself otherwise. */
static void
ref_name(const ui *u, const ref *r, char *out, size_t size)
{
	if (r->kind == REF_AGENDA && r->item) {
		const char *kind = agenda_form_word(r->agenda_form);
		if (r->sub[0])
			snprintf(out, size, "%s %d (%s) (%s%s)", lang_get(u->d->meta.lang)->ref_item,
				 r->item, r->sub, r->scope, kind);
		else
			snprintf(out, size, "%s %d (%s%s)", lang_get(u->d->meta.lang)->ref_item,
				 r->item, r->scope, kind);
		return;
	}
	snprintf(out, size, "%s", r->key);
}

void
refs_ui_describe(ui *u, size_t i)
{
	refs_ui *rx = u->rx;
	if (!rx->refs || i >= rx->refs->n)
		return;
	const ref *r = &rx->refs->items[i];
	const char *lang = u->d->meta.lang ? u->d->meta.lang : "en";
	char name[160];
	ref_name(u, r, name, sizeof name);
	buf b;
	buf_init(&b);
	buf_adds(&b, name);
	if (r->para) {
		buf_printf(&b, ", %s %s", lang_get(lang)->ref_para, r->para);
		if (r->gloss)	/* in the document's language, or none */
			buf_printf(&b, " (%s)", r->gloss);
	}
	buf_adds(&b, ": ");
	if (r->title)
		buf_adds(&b, r->title);
	else if (r->entry)
		buf_adds(&b, "no title in this language in the catalog");
	else
		buf_adds(&b, r->kind == REF_SYMBOL ? "document symbol, not in the catalog"
			 : "not in the catalog");
	if (r->entry && r->entry->date && r->kind != REF_AGENDA)
		buf_printf(&b, " (%s)", r->entry->date);
	ui_message(u, ROLE_MESSAGE, "%s", b.s);
	buf_clear(&b);
}

/* --- state ---------------------------------------------------------------- */

static void
groups_clear(refs_pane *rp)
{
	for (size_t i = 0; i < rp->ng; i++)
		free(rp->g[i].idx);
	free(rp->g);
	rp->g = NULL;
	rp->ng = 0;
	library_mentions_free(rp->docs, rp->ndocs_all);
	rp->docs = NULL;
	rp->ndocs = rp->ndocs_all = 0;
	rp->docs_for = (size_t)-1;
	rp->gi = 0;
	rp->si = -1;
	rp->scroll = 0;
}

static void
groups_build(refs_pane *rp, const ref_list *l)
{
	size_t cap = 0;
	for (size_t i = 0; l && i < l->n; i++) {
		const ref *r = &l->items[i];
		group *g = NULL;
		for (size_t k = 0; k < rp->ng && !g; k++)
			if (!strcmp(rp->g[k].key, r->key))
				g = &rp->g[k];
		if (!g) {
			xgrow((void **)&rp->g, &cap, rp->ng + 1, sizeof *rp->g);
			g = &rp->g[rp->ng++];
			memset(g, 0, sizeof *g);
			g->key = r->key;
			g->first = i;
		}
		if (r->block == REFS_META) {
			g->nmeta++;
		} else {
			g->idx = xrealloc(g->idx, (g->n + 1) * sizeof *g->idx);
			g->idx[g->n++] = i;
		}
	}
}

static void
compute(ui *u)
{
	refs_ui *rx = u->rx;
	/* The pane's cursor stays on the same target when the new document
	 * has it (history back to the document it came from). */
	refs_pane *rp = rx->refs_pane ? rx->refs_pane->priv : NULL;
	char *key = rp && rp->gi < rp->ng ? xstrdup(rp->g[rp->gi].key) : NULL;
	if (rp)
		groups_clear(rp);	/* points into the old list */
	refs_free(rx->refs);
	rx->refs = u->d ? refs_find(u->d, rx->cat) : NULL;
	rx->cur_ref = (size_t)-1;
	if (rp) {
		groups_build(rp, rx->refs);
		for (size_t i = 0; key && i < rp->ng; i++)
			if (!strcmp(rp->g[i].key, key))
				rp->gi = i;
		free(key);
	}
}

/* Esc in the text (UI_EVENT_CANCEL): no search highlights, no current
 * reference. */
static void
on_cancel(ui *u, int event, void *data)
{
	(void)event;
	(void)data;
	refs_ui *rx = u->rx;
	rx->hl = 0;
	rx->cur_valid = 0;
	rx->cur_ref = (size_t)-1;
}

static void
on_doc_changed(ui *u, int event, void *data)
{
	(void)event;
	(void)data;
	refs_ui_doc_changed(u);
}

/* Every jump goes on the history (history.c). */
static void
on_jump(ui *u, int event, void *data)
{
	(void)event;
	(void)data;
	history_before_jump(u);
}

void
refs_ui_new(ui *u)
{
	refs_ui *rx = xcalloc(1, sizeof *rx);
	char *warn = NULL;
	rx->cat = catalog_load_default(SRCDIR, &warn);
	if (warn) {
		char *nl = strchr(warn, '\n');
		if (nl)
			*nl = '\0';
		ui_message(u, ROLE_ERROR, "catalog: %s", warn);
		free(warn);
	}
	rx->cur_ref = (size_t)-1;
	u->rx = rx;
	ui_observe(u, UI_EVENT_DOC_CHANGED, on_doc_changed, NULL);
	ui_observe(u, UI_EVENT_JUMP, on_jump, NULL);
	ui_observe(u, UI_EVENT_CANCEL, on_cancel, NULL);
	compute(u);
}

void
refs_ui_doc_changed(ui *u)
{
	compute(u);
	search_ui_reset(u);
}

void
refs_ui_free(ui *u)
{
	refs_ui *rx = u->rx;
	if (!rx)
		return;
	refs_free(rx->refs);
	search_free(rx->srch);
	free(rx->query);
	history_clear(rx);
	library_docs_free(rx->docs, rx->ndocs);
	library_free(rx->lib);
	if (rx->own_doc && u->d)
		doc_free(u->d);
	catalog_free(rx->cat);
	free(rx);
	u->rx = NULL;
}

/* --- moving through the text ------------------------------------------- */

static size_t
top_off(const ui *u)
{
	if (!u->d->nblocks)
		return 0;
	return u->d->blocks[u->pos.block]->off + u->pos.byte;
}

/* Where ) and ( count from: the current reference while it is on the
 * screen, else the top of the screen. */
static int
from_current(ui *u, size_t *off)
{
	refs_ui *rx = u->rx;
	if (rx->cur_ref < rx->refs->n) {
		const ref *r = &rx->refs->items[rx->cur_ref];
		if (decor_visible(u, decor_addr_of(u, r->off))) {
			*off = r->off;
			return 1;
		}
	}
	*off = top_off(u);
	return 0;
}

/* "No more references below: press ( for the previous one", with the key
 * bound to the other direction (none: the first part alone). A bare
 * "( goes back" in parentheses read as garbled punctuation. */
static int
no_more(ui *u, const char *where, int other, const char *what)
{
	char k[64];
	keys_of_action(u, other, k, sizeof k);
	k[strcspn(k, " ")] = '\0';	/* the first key bound */
	if (k[0])
		ui_message(u, ROLE_MESSAGE, "No more references %s: press %s for the %s one",
			   where, k, what);
	else
		ui_message(u, ROLE_MESSAGE, "No more references %s", where);
	return UI_DRAW;
}

static int
go_ref(ui *u, size_t i)
{
	refs_ui *rx = u->rx;
	rx->cur_ref = i;
	int f = refs_ui_uncover(u);
	f |= decor_show(u, rx->refs->items[i].off, 1);
	refs_ui_describe(u, i);
	return f | UI_DRAW;
}

int
refs_ui_next(ui *u)
{
	refs_ui *rx = u->rx;
	if (!rx->refs || !rx->refs->n || !u->d->nblocks) {
		ui_message(u, ROLE_MESSAGE, "No references in this document");
		return UI_DRAW;
	}
	size_t off;
	int cur = from_current(u, &off);
	const ref_list *l = rx->refs;
	for (size_t i = 0; i < l->n; i++) {
		const ref *r = &l->items[i];
		if (r->block == REFS_META)
			continue;
		if (cur ? r->off > off : r->off >= off)
			return go_ref(u, i);
	}
	return no_more(u, "below", ACT_REF_PREV, "previous");
}

int
refs_ui_prev(ui *u)
{
	refs_ui *rx = u->rx;
	if (!rx->refs || !rx->refs->n || !u->d->nblocks) {
		ui_message(u, ROLE_MESSAGE, "No references in this document");
		return UI_DRAW;
	}
	size_t off;
	from_current(u, &off);
	const ref_list *l = rx->refs;
	for (size_t i = l->n; i-- > 0;) {
		const ref *r = &l->items[i];
		if (r->block == REFS_META)
			continue;
		if (r->off < off) {
			/* The first of refs sharing this text (a list's range). */
			while (i > 0 && l->items[i - 1].block != REFS_META &&
			       l->items[i - 1].off == r->off)
				i--;
			return go_ref(u, i);
		}
	}
	return no_more(u, "above", ACT_REF_NEXT, "next");
}

/* --- the pane ------------------------------------------------------------- */

static void
load_docs(ui *u, refs_pane *rp)
{
	refs_ui *rx = u->rx;
	if (!rx->lib || rp->gi >= rp->ng || rp->docs_for == rp->gi)
		return;
	library_mentions_free(rp->docs, rp->ndocs_all);
	rp->docs = NULL;
	rp->ndocs = rp->ndocs_all = 0;
	rp->docs_for = rp->gi;
	char *err = NULL;
	library_mention *m = NULL;
	size_t n = library_mentions(rx->lib, rp->g[rp->gi].key, &m, &err);
	if (n == (size_t)-1) {
		ui_message(u, ROLE_ERROR, "library: %s", err ? err : "index error");
		free(err);
		return;
	}
	/* Only the other documents are shown (this one is the list itself):
	 * it moves to the end, out of the first ndocs, still freed with the
	 * rest. */
	for (size_t i = 0; i < n; i++)
		if (u->d->name && !strcmp(m[i].path, u->d->name)) {
			library_mention t = m[i];
			memmove(&m[i], &m[i + 1], (n - i - 1) * sizeof *m);
			m[n - 1] = t;
			rp->ndocs = n - 1;
			break;
		}
	if (rp->ndocs != n - 1)
		rp->ndocs = n;
	rp->docs = m;
	rp->ndocs_all = n;
}

static size_t
nrows(const refs_pane *rp, int lib)
{
	return rp->ng + (lib ? (rp->ndocs ? rp->ndocs : 1) : 0);
}

static size_t
cursor_row(const refs_pane *rp)
{
	return rp->gi + (size_t)(rp->si + 1);
}

static const char *
group_title(const ui *u, const group *g)
{
	const ref *r = &u->rx->refs->items[g->first];
	if (r->title)
		return r->title;
	if (r->entry)
		return "(no title in this language in the catalog)";
	return "(not in the catalog)";
}

static void
refs_draw(pane *p, ui *u)
{
	refs_pane *rp = p->priv;
	refs_ui *rx = u->rx;
	int focused = u->focus == p;
	wbkgdset(p->win, ' ' | draw_attr(u, ROLE_TEXT));
	werase(p->win);
	mvwhline(p->win, 0, 0, ACS_HLINE | draw_attr(u, ROLE_BORDER), p->w);
	size_t total = 0;
	for (size_t i = 0; i < rp->ng; i++)
		total += rp->g[i].n;
	char title[200], keys[96];
	keys_expand(u, focused ? "  {activate}: next mention  {toggle-refs}/{cancel}: close"
		    : "  {focus-next}: here", keys, sizeof keys);
	snprintf(title, sizeof title, " References: %zu target%s, %zu mention%s%s ",
		 rp->ng, rp->ng == 1 ? "" : "s", total, total == 1 ? "" : "s", keys);
	draw_str_ellipsis(p->win, 0, 1, title, strlen(title), p->w - 2,
			  draw_attr(u, ROLE_HEADING));
	if (!rp->ng) {
		const char *m = "No references in this document.";
		draw_str(p->win, 1, 2, m, strlen(m), p->w - 3, draw_attr(u, ROLE_DIM));
		return;
	}
	int lib = rx->lib != NULL;	/* its mentions: refs_recalc */
	size_t rows = p->h > 1 ? (size_t)p->h - 1 : 1;
	size_t cur = cursor_row(rp), n = nrows(rp, lib);
	if (cur < rp->scroll)
		rp->scroll = cur;
	if (cur >= rp->scroll + rows)
		rp->scroll = cur - rows + 1;
	if (n <= rows)
		rp->scroll = 0;
	/* The key column: as wide as the longest key, within reason. */
	int kc = 0;
	for (size_t i = 0; i < rp->ng; i++) {
		int w = text_width(rp->g[i].key, strlen(rp->g[i].key));
		if (w > kc)
			kc = w;
	}
	if (kc > p->w / 3)
		kc = p->w / 3;
	for (size_t row = 0; row < rows && rp->scroll + row < n; row++) {
		size_t k = rp->scroll + row;
		int y = (int)row + 1;
		/* Row k: group k while k <= gi, then gi's documents, then the
		 * groups after gi. */
		size_t extra = lib ? (rp->ndocs ? rp->ndocs : 1) : 0;
		long gi = -1, di = -1;
		if (k <= rp->gi)
			gi = (long)k;
		else if (k <= rp->gi + extra)
			di = (long)(k - rp->gi - 1);
		else
			gi = (long)(k - extra);
		attr_t a = draw_attr(u, ROLE_TEXT);
		if (focused && k == cur) {
			a = draw_attr(u, ROLE_SELECTION);
			draw_fill(p->win, y, 0, p->w, a);
		}
		char line[96];
		if (gi >= 0) {
			const group *g = &rp->g[gi];
			int x = 1;
			if (!focused && (size_t)gi == rp->gi)
				draw_str(p->win, y, 0, "\xe2\x80\xba", 3, 1, a);
			x += draw_str_ellipsis(p->win, y, x, g->key, strlen(g->key), kc,
					       a | draw_attr(u, ROLE_REFERENCE));
			x = 1 + kc + 1;
			/* Masthead-only items: the document is circulated
			 * under them and never mentions them again. */
			if (g->nmeta && !g->n)
				snprintf(line, sizeof line, "  \xe2\x80\x93  ");
			else
				snprintf(line, sizeof line, "%3zu\xc3\x97 ", g->n);
			x += draw_str(p->win, y, x, line, strlen(line), p->w - x, a);
			const char *t = group_title(u, g);
			attr_t ta = t[0] == '(' && !(focused && k == cur)
				? draw_attr(u, ROLE_DIM) : a;
			if (x < p->w - 1)
				draw_str_ellipsis(p->win, y, x, t, strlen(t), p->w - x - 1, ta);
		} else if (!rp->ndocs) {
			const char *m = "    no other document of the library mentions it";
			draw_str_ellipsis(p->win, y, 1, m, strlen(m), p->w - 2,
					  a | draw_attr(u, ROLE_DIM));
		} else {
			const library_mention *m = &rp->docs[di];
			const char *name = m->symbol ? m->symbol : strrchr(m->path, '/') ?
				strrchr(m->path, '/') + 1 : m->path;
			snprintf(line, sizeof line, "    \xe2\x86\xb3 %s  %zu\xc3\x97  ", name,
				 m->count);
			int x = 1 + draw_str(p->win, y, 1, line, strlen(line), p->w - 2, a);
			const char *t = m->title ? m->title : m->path;
			if (x < p->w - 1)
				draw_str_ellipsis(p->win, y, x, t, strlen(t), p->w - x - 1, a);
		}
	}
}

static int
hide(pane *p, ui *u)
{
	p->shown = 0;
	if (u->focus == p)
		u->focus = u->text;
	return UI_GEOMETRY | UI_DRAW;
}

/* Enter on a target: its next mention in this document. */
static int
next_mention(ui *u, refs_pane *rp)
{
	refs_ui *rx = u->rx;
	group *g = &rp->g[rp->gi];
	if (!g->n) {
		ui_message(u, ROLE_MESSAGE, "%s: only in the masthead (the document is "
			   "circulated under it)", g->key);
		return UI_DRAW;
	}
	size_t k = g->next % g->n;
	g->next = k + 1;
	size_t i = g->idx[k];
	rx->cur_ref = i;
	int f = decor_show(u, rx->refs->items[i].off, 1);
	refs_ui_describe(u, i);
	if (g->n > 1) {
		/* "mention 2 of 3" in front of the description. */
		char *m = xstrdup(u->msg);
		ui_message(u, ROLE_MESSAGE, "%zu/%zu %s", k + 1, g->n, m);
		free(m);
	}
	return f | UI_DRAW;
}

static int
activate(pane *p, ui *u)
{
	refs_pane *rp = p->priv;
	if (!rp->ng)
		return UI_NONE;
	if (rp->si < 0) {
		int f = next_mention(u, rp);
		/* Over the text (a short terminal) the pane gives way to
		 * the mention; r brings it back at the same target. */
		if (!u->text->placed)
			f |= hide(p, u);
		return f;
	}
	if ((size_t)rp->si >= rp->ndocs)
		return UI_NONE;
	library_mention *m = &rp->docs[rp->si];
	char *path = xstrdup(m->path), *key = xstrdup(m->key);
	int covered = !u->text->placed;
	int f = library_ui_open(u, path, key);	/* frees rp->docs */
	free(path);
	free(key);
	if (covered)
		f |= hide(p, u);
	return f;
}

/* Where another document's first mention is, in words: "in the
 * masthead" (path "meta", its agenda line), "at para. 5" as the path's
 * citation (cite_of_path, without this document's symbol), "in a
 * heading"; never the internal path. */
static char *
first_mention(ui *u, const char *path)
{
	if (!path)
		return xstrdup("in the text");
	if (!strcmp(path, "meta"))
		return xstrdup("in the masthead");
	char *c = cite_of_path(u->d, path);
	const char *sym = u->d->meta.symbol;
	size_t sn = sym ? strlen(sym) : 0;
	const char *at = c;
	if (sn && !strncmp(c, sym, sn) && !strncmp(c + sn, ", ", 2))
		at = c + sn + 2;
	else if (sn && !strcmp(c, sym))
		at = "";	/* no clause names it: a heading ("h2"), a note */
	const char *last = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *w = *at ? xasprintf("at %s", at)
		: xstrdup(last[0] == 'h' && last[1] >= '0' && last[1] <= '9' ? "in a heading"
			  : "in the text");
	free(c);
	return w;
}

static int
refs_move(pane *p, ui *u, long delta)
{
	refs_pane *rp = p->priv;
	int lib = u->rx->lib != NULL;
	if (!rp->ng)
		return UI_NONE;
	while (delta > 0) {
		if (lib)
			load_docs(u, rp);
		if (lib && rp->si + 1 < (long)rp->ndocs)
			rp->si++;
		else if (rp->gi + 1 < rp->ng) {
			rp->gi++;
			rp->si = -1;
		} else
			break;
		delta--;
	}
	while (delta < 0) {
		if (rp->si >= 0)
			rp->si--;
		else if (rp->gi > 0)
			rp->gi--;
		else
			break;
		delta++;
	}
	if (lib)
		load_docs(u, rp);
	if (rp->si < 0) {
		const group *g = &rp->g[rp->gi];
		refs_ui_describe(u, g->first);
		if (lib) {
			char *m = xstrdup(u->msg);
			if (rp->ndocs)
				ui_message(u, ROLE_MESSAGE, "%s  (%zu other document%s)", m,
					   rp->ndocs, rp->ndocs == 1 ? "" : "s");
			else
				ui_message(u, ROLE_MESSAGE, "%s  (no other document)", m);
			free(m);
		}
	} else if ((size_t)rp->si < rp->ndocs) {
		const library_mention *m = &rp->docs[rp->si];
		const char *name = m->symbol ? m->symbol : strrchr(m->path, '/') ?
			strrchr(m->path, '/') + 1 : m->path;
		char k[32];
		char *where = first_mention(u, m->first_path);
		ui_message(u, ROLE_MESSAGE, "%s: %zu mention%s, first %s  (%s opens it)",
			   name, m->count, m->count == 1 ? "" : "s", where,
			   keys_first(u, ACT_ACTIVATE, k, sizeof k));
		free(where);
	}
	return UI_DRAW;
}

static int
refs_action(pane *p, ui *u, int act)
{
	long page = p->h > 3 ? p->h - 2 : 1;
	switch (act) {
	case ACT_LINE_DOWN: return refs_move(p, u, 1);
	case ACT_LINE_UP: return refs_move(p, u, -1);
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: return refs_move(p, u, page);
	case ACT_PAGE_UP: case ACT_HALF_UP: return refs_move(p, u, -page);
	case ACT_TOP: return refs_move(p, u, -100000);
	case ACT_BOTTOM: return refs_move(p, u, 100000);
	case ACT_ACTIVATE: return activate(p, u);
	case ACT_CANCEL: case ACT_TOGGLE_REFS: return hide(p, u);
	}
	return UI_PASS;
}

static int
refs_mouse(pane *p, ui *u, int y, int x, int button)
{
	(void)x;
	if (button == UI_MOUSE_WHEEL_DOWN)
		return refs_move(p, u, 3);
	if (button == UI_MOUSE_WHEEL_UP)
		return refs_move(p, u, -3);
	refs_pane *rp = p->priv;
	if (y < 1)
		return ui_focus(u, p);
	long want = (long)rp->scroll + y - 1;
	long cur = (long)cursor_row(rp);
	int f = ui_focus(u, p) | refs_move(p, u, want - cur);
	return f | activate(p, u);
}

static void
refs_pane_free(pane *p)
{
	refs_pane *rp = p->priv;
	groups_clear(rp);
	free(rp);
}

/* The recalc hook: in a library, the documents that mention the current
 * target, read from the index here, never while drawing. */
static void
refs_recalc(pane *p, ui *u)
{
	refs_pane *rp = p->priv;
	if (p->shown && rp->ng)
		load_docs(u, rp);
}

/* The references pane's reserve hook, which places the library pane too
 * (one list at a time below the text; the references first): the rows it
 * takes at the bottom of the main area (0 when hidden). When the main
 * area is too short to share, the list covers it and takes main_h. */
static int
refs_reserve(pane *self, ui *u, int main_h, int cols)
{
	(void)self;
	(void)cols;
	refs_ui *rx = u->rx;
	pane *p = NULL;
	if (rx->refs_pane && rx->refs_pane->shown)
		p = rx->refs_pane;
	else if (rx->lib_pane && rx->lib_pane->shown)
		p = rx->lib_pane;
	if (!p || main_h <= 0)
		return 0;
	/* A third of the rows, at least 6; when the text would keep fewer
	 * than 5, the list takes the whole main area. */
	int h = main_h / 3;
	if (h < 6)
		h = 6;
	if (main_h - h < 5)
		h = main_h;
	p->y = main_h - h;
	p->x = 0;
	p->h = h;
	p->w = u->cols;
	p->placed = 1;
	if (h == main_h || (p == rx->lib_pane && rx->focus_lib))
		u->focus = p;
	rx->focus_lib = 0;
	return h;
}

static const pane_ops refs_ops = {
	.name = "references",
	.reserve = refs_reserve,
	.recalc = refs_recalc,
	.draw = refs_draw,
	.action = refs_action,
	.mouse = refs_mouse,
	.free = refs_pane_free,
};

pane *
refs_ui_refs_pane(ui *u)
{
	refs_ui *rx = u->rx;
	pane *p = xcalloc(1, sizeof *p);
	refs_pane *rp = xcalloc(1, sizeof *rp);
	rp->docs_for = (size_t)-1;
	rp->si = -1;
	p->ops = &refs_ops;
	p->side = PANE_BOTTOM;
	p->priv = rp;
	p->focusable = 1;
	rx->refs_pane = p;
	groups_build(rp, rx->refs);
	return p;
}

int
refs_ui_toggle(ui *u)
{
	pane *p = u->rx->refs_pane;
	if (p->shown && u->focus == p)
		return hide(p, u);
	if (u->rx->lib_pane)
		u->rx->lib_pane->shown = 0;
	p->shown = 1;
	u->focus = p;
	refs_pane *rp = p->priv;
	if (rp->ng && rp->si < 0)
		refs_move(p, u, 0);
	return UI_GEOMETRY | UI_DRAW;
}

void
refs_ui_select(ui *u, const char *key)
{
	pane *p = u->rx->refs_pane;
	if (!p || !key)
		return;
	refs_pane *rp = p->priv;
	for (size_t i = 0; i < rp->ng; i++)
		if (!strcmp(rp->g[i].key, key)) {
			rp->gi = i;
			rp->si = -1;
			/* The mention opened is the first: Enter goes on. */
			rp->g[i].next = 1;
		}
}

int
refs_ui_uncover(ui *u)
{
	refs_ui *rx = u->rx;
	if (u->text->placed)
		return UI_NONE;
	pane *ps[2] = { rx->refs_pane, rx->lib_pane };
	for (int i = 0; i < 2; i++)
		if (ps[i] && ps[i]->shown && ps[i]->placed) {
			ps[i]->shown = 0;
			if (u->focus == ps[i])
				u->focus = u->text;
			return UI_GEOMETRY | UI_DRAW;
		}
	return UI_NONE;
}
