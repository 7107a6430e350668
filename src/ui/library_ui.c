/* library_ui: reading a library (`lectern DIR`, or several files).
 *
 * Before curses starts, library_ui_prepare opens the index (library.h:
 * --library-db, else beside the notes), scans the roots and lists the
 * documents; the reader opens the first one that could be read, with the
 * document list shown and focused. The list (L) has one row per document:
 * symbol, date, language, title; Enter opens one (parsed again from its
 * file: the index keeps references, not documents).
 *
 * Opening goes through ui_set_document, so layout, outline, notes and
 * references follow; the jump is recorded with the document's path, so
 * history back returns to the previous document at its place. The reader
 * owns the documents it loads here (rx->own_doc). */
#include <build-config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_open.h"
#include "text.h"
#include "ui/refs_ui.h"
#include "util.h"

typedef struct lib_pane {
	size_t cursor;
	size_t scroll;
} lib_pane;

typedef struct scan_msgs {
	size_t n;
	char last[256];
} scan_msgs;

static void
on_warn(void *ctx, const char *msg)
{
	scan_msgs *w = ctx;
	w->n++;
	snprintf(w->last, sizeof w->last, "%s", msg);
}

/* Reads and parses path as the library does (its lang option); NULL with
 * *err (caller frees) when it cannot. *report gets what the source's
 * clean-up changed (source_report: invalid bytes, control characters), or
 * NULL; the caller frees it. */
static doc *
load(const refs_ui *rx, const char *path, char **err, char **report)
{
	doc_open_options dopt = { .lang = rx->lib ? library_lang(rx->lib) : NULL };
	return doc_open(path, &dopt, report, err);
}

/* Says report on the message line (ui_notice), each line naming the file
 * without its directory (the status line and the list say which one), and
 * frees it. */
static void
tell(ui *u, char *report)
{
	if (!report)
		return;
	free(u->report);	/* for the information box */
	u->report = xstrdup(report);
	buf b;
	buf_init(&b);
	for (const char *l = report; *l;) {
		size_t n = strcspn(l, "\n");
		const char *colon = strstr(l, ": ");
		const char *from = l;
		if (colon && colon < l + n)
			for (const char *c = l; c < colon; c++)
				if (*c == '/')
					from = c + 1;
		buf_add(&b, from, n - (size_t)(from - l));
		buf_adds(&b, "\n");
		l += n + (l[n] == '\n');
	}
	ui_notice(u, b.s);
	buf_clear(&b);
	free(report);
}

/* A message on stderr before curses, in visible form (it names paths). */
static void
say_stderr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say_stderr(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = NULL;
	int n = vasprintf(&m, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	char *v = text_visible_dup(m, (size_t)n, NULL);
	fprintf(stderr, "lectern: %s\n", v);
	free(v);
	free(m);
}

int
library_ui_prepare(ui *u, const char *const *paths, size_t n,
		   const char *db_path, const char *lang)
{
	refs_ui *rx = u->rx;
	scan_msgs w = { 0, "" };
	library_options opt = {
		.db_path = db_path, .lang = lang, .catalog = rx->cat,
		.warn = on_warn, .warn_ctx = &w,
	};
	char *warning = NULL, *err = NULL;
	rx->lib = library_open(&opt, &warning);
	library_stats st;
	if (library_scan(rx->lib, paths, n, &st, &err) < 0) {
		say_stderr("library: %s", err ? err : "cannot scan");
		free(err);
		free(warning);
		return -1;
	}
	size_t nd = library_list(rx->lib, LIBRARY_SORT_SYMBOL, &rx->docs, &err);
	if (nd == (size_t)-1) {
		say_stderr("library: %s", err ? err : "cannot list");
		free(err);
		free(warning);
		rx->docs = NULL;
		return -1;
	}
	rx->ndocs = nd;
	doc *d = NULL;
	char *report = NULL;
	for (size_t i = 0; i < nd && !d; i++) {
		if (rx->docs[i].error)
			continue;
		char *e = NULL;
		d = load(rx, rx->docs[i].path, &e, &report);
		if (!d) {
			snprintf(w.last, sizeof w.last, "%s", e ? e : rx->docs[i].path);
			w.n++;
		}
		free(e);
	}
	if (!nd || !d)
		free(report);
	if (!nd) {
		say_stderr("no documents (*.txt, *.pdf) under %s%s%s%s",
			paths[0], n > 1 ? " and the other paths" : "",
			w.n ? ": " : "", w.last);
		free(warning);
		return -1;
	}
	if (!d) {
		say_stderr("no document could be read under the %s given%s%s",
			n == 1 ? "path" : "paths", w.n ? ": " : "", w.last);
		free(warning);
		return -1;
	}
	u->d = d;
	rx->own_doc = 1;
	rx->focus_lib = 1;
	refs_ui_doc_changed(u);
	if (warning)
		ui_message(u, ROLE_ERROR, "library: %s", warning);
	else if (w.n)
		ui_message(u, ROLE_ERROR, "%zu problem%s while indexing; last: %s", w.n,
			   w.n == 1 ? "" : "s", w.last);
	else {
		char k[64];
		keys_expand(u, "{activate} opens one", k, sizeof k);
		ui_message(u, ROLE_MESSAGE, "Library: %zu document%s (%zu indexed now)  %s",
			   nd, nd == 1 ? "" : "s", st.parsed, k);
	}
	tell(u, report);	/* about the document opened first */
	free(warning);
	return 0;
}

/* Makes d the document, freeing the one before when it is ours. */
static int
swap_in(ui *u, doc *d, doc_pos pos)
{
	refs_ui *rx = u->rx;
	doc *old = u->d;
	int f = ui_set_document(u, d, pos);
	if (rx->own_doc && old)
		doc_free(old);
	rx->own_doc = 1;
	/* The list's cursor follows the document. */
	if (rx->lib_pane)
		for (size_t i = 0; i < rx->ndocs; i++)
			if (!strcmp(rx->docs[i].path, d->name))
				((lib_pane *)rx->lib_pane->priv)->cursor = i;
	return f;
}

static const char *
short_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int
library_ui_open(ui *u, const char *path, const char *key)
{
	refs_ui *rx = u->rx;
	char *err = NULL;
	int f = UI_DRAW;
	char *report = NULL;
	if (strcmp(path, u->d->name)) {
		doc *d = load(rx, path, &err, &report);
		if (!d) {
			ui_message(u, ROLE_ERROR, "%s", err ? err : path);
			free(err);
			return UI_DRAW;
		}
		history_before_jump(u);
		f = swap_in(u, d, (doc_pos){ 0, 0 });
	} else {
		history_before_jump(u);
		f = UI_GEOMETRY;	/* placing recomputes the top from u->pos */
	}
	const char *name = u->d->meta.symbol ? u->d->meta.symbol : short_name(path);
	if (!key) {
		u->pos = (doc_pos){ 0, 0 };
		char k[128];
		keys_expand(u, "({history-back}: back, {toggle-library}: the list)",
			    k, sizeof k);
		ui_message(u, ROLE_MESSAGE, "Opened %s  %s", name, k);
		tell(u, report);
		return f | UI_MOVED | UI_DRAW;
	}
	const ref_list *l = rx->refs;
	for (size_t i = 0; l && i < l->n; i++) {
		const ref *r = &l->items[i];
		if (r->block == REFS_META || strcmp(r->key, key))
			continue;
		/* From the start of its paragraph when the mention is near
		 * it (the clause number gives the context; no layout exists
		 * yet to count lines), else from the mention's line. */
		size_t b = r->block, in = r->off - u->d->blocks[b]->off;
		u->pos = (doc_pos){ b, in < 400 ? 0 : in };
		rx->cur_ref = i;
		refs_ui_select(u, key);
		refs_ui_describe(u, i);
		char *m = xstrdup(u->msg);
		ui_message(u, ROLE_MESSAGE, "%s \xe2\x80\xba %s", name, m);
		free(m);
		tell(u, report);
		return f | UI_MOVED | UI_DRAW;
	}
	u->pos = (doc_pos){ 0, 0 };
	ui_message(u, ROLE_MESSAGE, "%s: %s only in its masthead", name, key);
	tell(u, report);
	return f | UI_MOVED | UI_DRAW;
}

int
library_ui_open_at(ui *u, const char *path, doc_pos pos)
{
	char *err = NULL, *report = NULL;
	doc *d = load(u->rx, path, &err, &report);
	if (!d) {
		ui_message(u, ROLE_ERROR, "%s", err ? err : path);
		free(err);
		return UI_DRAW;
	}
	int f = swap_in(u, d, pos);
	tell(u, report);
	return f;
}

/* --- the pane ------------------------------------------------------------- */

static void
lib_draw(pane *p, ui *u)
{
	lib_pane *lp = p->priv;
	refs_ui *rx = u->rx;
	int focused = u->focus == p;
	wbkgdset(p->win, ' ' | draw_attr(u, ROLE_TEXT));
	werase(p->win);
	mvwhline(p->win, 0, 0, ACS_HLINE | draw_attr(u, ROLE_BORDER), p->w);
	char title[192], keys[96];
	keys_expand(u, focused ? "  {activate}: open  {toggle-library}/{cancel}: close"
		    : "  {focus-next}: here", keys, sizeof keys);
	snprintf(title, sizeof title, " Library: %zu document%s%s ", rx->ndocs,
		 rx->ndocs == 1 ? "" : "s", keys);
	draw_str_ellipsis(p->win, 0, 1, title, strlen(title), p->w - 2,
			  draw_attr(u, ROLE_HEADING));
	size_t rows = p->h > 1 ? (size_t)p->h - 1 : 1;
	if (lp->cursor < lp->scroll)
		lp->scroll = lp->cursor;
	if (lp->cursor >= lp->scroll + rows)
		lp->scroll = lp->cursor - rows + 1;
	/* Columns: symbol (as wide as the widest, within a third), date,
	 * language, title. Narrow panes drop the date and language. */
	int sc = 0;
	for (size_t i = 0; i < rx->ndocs; i++) {
		const library_doc *d = &rx->docs[i];
		const char *s = d->symbol ? d->symbol : short_name(d->path);
		int w = text_width(s, strlen(s));
		if (w > sc)
			sc = w;
	}
	if (sc > p->w / 3)
		sc = p->w / 3;
	int wide = p->w >= 60;
	for (size_t r = 0; r < rows && lp->scroll + r < rx->ndocs; r++) {
		size_t k = lp->scroll + r;
		const library_doc *d = &rx->docs[k];
		int y = (int)r + 1;
		attr_t a = draw_attr(u, d->error ? ROLE_DIM : ROLE_TEXT);
		if (focused && k == lp->cursor) {
			a = draw_attr(u, ROLE_SELECTION);
			draw_fill(p->win, y, 0, p->w, a);
		}
		if (!strcmp(d->path, u->d->name))
			draw_str(p->win, y, 0, "\xe2\x80\xba", 3, 1, a | A_BOLD);
		const char *s = d->symbol ? d->symbol : short_name(d->path);
		draw_str_ellipsis(p->win, y, 1, s, strlen(s), sc, a | A_BOLD);
		int x = 1 + sc + 2;
		if (wide) {
			char meta[32];
			snprintf(meta, sizeof meta, "%-10s  %-2s  ", d->date ? d->date : "",
				 d->lang ? d->lang : "");
			x += draw_str(p->win, y, x, meta, strlen(meta), p->w - x, a);
		}
		const char *t = d->error ? d->error : d->title ? d->title : "";
		if (x < p->w - 1)
			draw_str_ellipsis(p->win, y, x, t, strlen(t), p->w - x - 1, a);
	}
}

static int
lib_move(pane *p, ui *u, long delta)
{
	lib_pane *lp = p->priv;
	refs_ui *rx = u->rx;
	if (!rx->ndocs)
		return UI_NONE;
	long c = (long)lp->cursor + delta;
	if (c < 0)
		c = 0;
	if (c >= (long)rx->ndocs)
		c = (long)rx->ndocs - 1;
	lp->cursor = (size_t)c;
	const library_doc *d = &rx->docs[lp->cursor];
	ui_message(u, ROLE_MESSAGE, "%s%s%s", d->path, d->agenda ? "  items " : "",
		   d->agenda ? d->agenda : "");
	return UI_DRAW;
}

static int
lib_hide(pane *p, ui *u)
{
	p->shown = 0;
	if (u->focus == p)
		u->focus = u->text;
	return UI_GEOMETRY | UI_DRAW;
}

static int
lib_action(pane *p, ui *u, int act)
{
	lib_pane *lp = p->priv;
	refs_ui *rx = u->rx;
	long page = p->h > 3 ? p->h - 2 : 1;
	switch (act) {
	case ACT_LINE_DOWN: return lib_move(p, u, 1);
	case ACT_LINE_UP: return lib_move(p, u, -1);
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: return lib_move(p, u, page);
	case ACT_PAGE_UP: case ACT_HALF_UP: return lib_move(p, u, -page);
	case ACT_TOP: return lib_move(p, u, -(long)rx->ndocs);
	case ACT_BOTTOM: return lib_move(p, u, (long)rx->ndocs);
	case ACT_CANCEL: case ACT_TOGGLE_LIBRARY: return lib_hide(p, u);
	case ACT_ACTIVATE: {
		if (lp->cursor >= rx->ndocs)
			return UI_NONE;
		const library_doc *d = &rx->docs[lp->cursor];
		if (d->error) {
			ui_message(u, ROLE_ERROR, "%s: %s", d->path, d->error);
			return UI_DRAW;
		}
		/* Opening is for reading: the list gives way to the text (L
		 * brings it back). */
		char *path = xstrdup(d->path);
		int f = library_ui_open(u, path, NULL);
		free(path);
		return f | lib_hide(p, u);
	}
	}
	return UI_PASS;
}

static int
lib_mouse(pane *p, ui *u, int y, int x, int button)
{
	lib_pane *lp = p->priv;
	(void)x;
	if (button == UI_MOUSE_WHEEL_DOWN)
		return lib_move(p, u, 3);
	if (button == UI_MOUSE_WHEEL_UP)
		return lib_move(p, u, -3);
	if (y < 1)
		return ui_focus(u, p);
	int f = ui_focus(u, p);
	f |= lib_move(p, u, (long)(lp->scroll + (size_t)y - 1) - (long)lp->cursor);
	return f | lib_action(p, u, ACT_ACTIVATE);
}

static void
lib_free(pane *p)
{
	free(p->priv);
}

static const pane_ops lib_ops = {
	.name = "library",
	.draw = lib_draw,
	.action = lib_action,
	.mouse = lib_mouse,
	.free = lib_free,
};

pane *
library_ui_pane(ui *u)
{
	refs_ui *rx = u->rx;
	pane *p = xcalloc(1, sizeof *p);
	p->priv = xcalloc(1, sizeof(lib_pane));
	p->ops = &lib_ops;
	p->side = PANE_BOTTOM;
	p->focusable = rx->lib != NULL;
	p->shown = rx->lib != NULL;
	rx->lib_pane = p;
	for (size_t i = 0; i < rx->ndocs; i++)
		if (u->d && !strcmp(rx->docs[i].path, u->d->name))
			((lib_pane *)p->priv)->cursor = i;
	return p;
}

int
library_ui_toggle(ui *u)
{
	refs_ui *rx = u->rx;
	pane *p = rx->lib_pane;
	if (!rx->lib) {
		ui_message(u, ROLE_MESSAGE, "Not a library: lectern DIR (or several "
			   "files) opens one");
		return UI_DRAW;
	}
	if (p->shown && u->focus == p)
		return lib_hide(p, u);
	rx->refs_pane->shown = 0;
	p->shown = 1;
	u->focus = p;
	return UI_GEOMETRY | UI_DRAW;
}
