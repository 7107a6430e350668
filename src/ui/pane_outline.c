/* pane_outline: the document's structure on the left, one node per row.
 *
 * Entries are the nodes a reader navigates by: letter, annex, body, sections,
 * headings, clauses, signature, tables (not sub-items, notes, footnotes
 * or table rows, which would crowd it). Each entry jumps to the first block of its subtree; since
 * nodes are in pre-order and blocks in reading order, entry blocks never
 * decrease, so "the entry at the reading position" is the last entry whose
 * block is at or before the top of the text pane (marked with '›').
 *
 * The cursor is separate from that mark: it follows the reading position,
 * and moves on its own while the outline has focus; Enter (or a click) jumps
 * to the entry under it. When the terminal is too narrow for a side pane the
 * outline opens over the text instead (u->outline_full).
 *
 * A row shows as much as the pane's width allows: the model's label is cut
 * at 48 columns, so an entry whose label was cut keeps a longer form from
 * its node's text, and a row ends after a word with '…'. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/ui_impl.h"
#include "util.h"

typedef struct entry {
	const node *nd;
	size_t block;		/* first block of the subtree */
	int depth;		/* 0 for the root's children */
	char *text;		/* what the row shows (the model's label) */
	char *full;		/* a longer form, from the node's text, for a
				   pane wider than text; NULL if none */
} entry;

typedef struct outline {
	entry *e;
	size_t n;
	size_t cursor;
	size_t current;
	size_t scroll;		/* first entry shown */
} outline;

static int
is_descendant(const node *n, const node *anc)
{
	for (; n; n = n->parent)
		if (n == anc)
			return 1;
	return 0;
}

static int
listed(const node *nd)
{
	switch (nd->kind) {
	case NODE_DOCUMENT:
	case NODE_SUBITEM:
	case NODE_NOTE:
	case NODE_FOOTNOTE:
	case NODE_ROW:		/* the table is listed; a budget table's
				   hundreds of rows would bury the rest */
		return 0;
	default:
		return 1;
	}
}

/* At most LONG_COLS columns of a node's text make an entry's long form. */
#define LONG_COLS 240

/* s[0, n) on one line ("\n" as ", ", as the model's labels have it), with
 * num and a space in front when num is given; malloc'd. */
static char *
one_line(const char *num, const char *s, size_t n)
{
	buf b;
	buf_init(&b);
	if (num)
		buf_printf(&b, "%s ", num);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			buf_adds(&b, ", ");
		else
			buf_add(&b, s + i, 1);
	}
	return buf_take(&b);
}

/* The long form of an entry whose short text (the model's label, cut at
 * 48 columns with '…', or the first 60 columns of its text) leaves words
 * out: num and the node's text, LONG_COLS columns at most. NULL when the
 * short text is whole, or a name the parser chose (a body's: "Convention
 * against Cybercrime"). */
static char *
entry_full(const doc *d, const node *nd, const char *num, const char *shown)
{
	size_t sl = strlen(shown);
	int cut_label = sl >= 3 && !strcmp(shown + sl - 3, "\xe2\x80\xa6");
	int no_label = !nd->label || !*nd->label;
	if (!nd->len || nd->kind == NODE_BODY || (!cut_label && !no_label))
		return NULL;
	const char *t = node_text(d, nd);
	size_t n = text_fit(t, nd->len, LONG_COLS, NULL);
	if (no_label && n == nd->len && text_width(t, n) <= 60)
		return NULL;	/* the short text is all of it */
	return one_line(num && strncmp(t, num, strlen(num)) ? num : NULL, t, n);
}

/* The row text: the label, with the clause number (or a section's printed
 * number, "II", "A") in front when the label does not already start with
 * it; the start of the text when there is no label. */
/* The number a row puts before its text: a clause's, or a section's
 * printed one; NULL for the other entries. */
static const char *
entry_num(const node *nd)
{
	if (nd->kind == NODE_SECTION && nd->number && *nd->number)
		return nd->number;
	if (nd->kind != NODE_PARAGRAPH)
		return NULL;
	const char *num = nd->number && *nd->number ? nd->number : nd->cite;
	return num && *num ? num : NULL;
}

static char *
entry_text(const doc *d, const node *nd)
{
	const char *num = entry_num(nd);
	int clause = num != NULL;
	/* A number the document does not print (the position people cite)
	 * is shown in brackets, "[3]": a guess, told apart without colour. */
	int guessed = clause && !(nd->number && *nd->number);
	if (nd->label && *nd->label) {
		if (clause && strncmp(nd->label, num, strlen(num)))
			return guessed ? xasprintf("[%s] %s", num, nd->label)
				       : xasprintf("%s %s", num, nd->label);
		return xstrdup(nd->label);
	}
	size_t n = text_fit(node_text(d, nd), nd->len, 60, NULL);
	char *start = xstrndup(node_text(d, nd), n);
	for (char *c = start; *c; c++)
		if (*c == '\n')
			*c = ' ';
	char *r = guessed ? xasprintf("[%s] %s", num, start)
		: clause && num ? xasprintf("%s %s", num, start)
		: xasprintf("%s", n ? start : doc_node_kind_name(nd->kind));
	free(start);
	return r;
}

static void
build(outline *o, const doc *d)
{
	size_t cap = 0;
	for (size_t i = 1; i < d->nnodes; i++) {
		const node *nd = d->nodes[i];
		if (!listed(nd))
			continue;
		size_t b = nd->block;
		if (b == (size_t)-1) {
			/* No text of its own: its first block, if any. */
			size_t j = i + 1;
			while (j < d->nnodes && is_descendant(d->nodes[j], nd) &&
			       d->nodes[j]->block == (size_t)-1)
				j++;
			if (j >= d->nnodes || !is_descendant(d->nodes[j], nd))
				continue;
			b = d->nodes[j]->block;
		}
		int depth = -1;
		for (const node *p = nd; p && p->kind != NODE_DOCUMENT; p = p->parent)
			depth++;
		xgrow((void **)&o->e, &cap, o->n + 1, sizeof *o->e);
		char *text = entry_text(d, nd);
		const char *num = entry_num(nd);
		char *guess = num && !(nd->number && *nd->number) ?
			xasprintf("[%s]", num) : NULL;	/* as entry_text */
		o->e[o->n++] = (entry){ nd, b, depth, text,
					entry_full(d, nd, guess ? guess : num, text) };
		free(guess);
	}
}

/* The last entry whose block is at or before block b (0 when none is). */
static size_t
entry_at(const outline *o, size_t b)
{
	return UTIL_LAST_LE(o->n, b, o->e[mid_].block);
}

static int
rows(const pane *p)
{
	return p->h > 1 ? p->h - 1 : 1;	/* the first row is the title */
}

static void
show_cursor(pane *p)
{
	outline *o = p->priv;
	size_t r = (size_t)rows(p);
	if (o->cursor < o->scroll)
		o->scroll = o->cursor;
	else if (o->cursor >= o->scroll + r)
		o->scroll = o->cursor - r + 1;
}

/* An entry's row text in cols columns: as much of its long form (else
 * its text) as fits, with '…' after the last whole word, or inside a word
 * when ending at a word would leave more than a fifth of the row empty
 * (narrow panes keep more of the text that way). */
static void
draw_entry(WINDOW *win, int y, int x, const entry *e, int cols, attr_t a)
{
	const char *s = e->full ? e->full : e->text;
	size_t n = strlen(s);
	if (cols <= 1 || text_width(s, n) <= cols) {
		draw_str_ellipsis(win, y, x, s, n, cols, a);
		return;
	}
	int fit_cols;
	size_t fit = text_fit(s, n, cols - 1, &fit_cols), cut = fit;
	if (s[fit] != ' ') {	/* a word goes on past the row */
		while (cut > 0 && s[cut - 1] != ' ')
			cut--;
		if (!cut || text_width(s + cut, fit - cut) > cols / 5)
			cut = fit;
	}
	while (cut > 0 && strchr(" ,;:", s[cut - 1]))
		cut--;
	int used = draw_str(win, y, x, s, cut, cols - 1, a);
	draw_str(win, y, x + used, "\xe2\x80\xa6", 3, 1, a);
}

static void
outline_draw(pane *p, ui *u)
{
	outline *o = p->priv;
	int focused = u->focus == p;
	int border = !u->outline_full && p->w > 2;
	int w = p->w - border;
	wbkgdset(p->win, ' ' | draw_attr(u, ROLE_OUTLINE));
	werase(p->win);
	/* The longest title that fits whole: a cut key hint says nothing.
	 * Tab goes to the notes panel when it is shown, else the text. */
	const pane *to = ui_focus_target(u, 1);
	char enter[32], tk[32], tab[96], jump[64];
	keys_first(u, ACT_ACTIVATE, enter, sizeof enter);
	snprintf(tab, sizeof tab, "Outline (%s: jump, %s: %s)", enter,
		 keys_first(u, ACT_FOCUS_NEXT, tk, sizeof tk),
		 to && to->ops->name ? to->ops->name : "text");
	snprintf(jump, sizeof jump, "Outline (%s: jump)", enter);
	const char *const titles[] = { tab, jump, "Outline" };
	const char *title = titles[ARRAY_LEN(titles) - 1];
	for (size_t i = 0; focused && i < ARRAY_LEN(titles); i++)
		if ((int)strlen(titles[i]) <= w - 1) {
			title = titles[i];
			break;
		}
	draw_str_ellipsis(p->win, 0, 1, title, strlen(title), w - 1,
			  draw_attr(u, ROLE_HEADING));
	if (border)
		mvwvline(p->win, 0, p->w - 1, ACS_VLINE | draw_attr(u, ROLE_BORDER), p->h);

	size_t r = (size_t)rows(p);
	if (o->n <= r)
		o->scroll = 0;
	else if (o->scroll > o->n - r)
		o->scroll = o->n - r;
	for (size_t i = 0; i < r && o->scroll + i < o->n; i++) {
		size_t k = o->scroll + i;
		const entry *e = &o->e[k];
		int y = (int)i + 1;
		attr_t a = draw_attr(u, k == o->current ? ROLE_OUTLINE_CURRENT
				     : ROLE_OUTLINE);
		if (focused && k == o->cursor) {
			a = draw_attr(u, ROLE_SELECTION);
			draw_fill(p->win, y, 0, w, a);
		} else if (focused && k == o->current) {
			/* Two highlighted rows would hide which one Enter
			 * takes: while the cursor is elsewhere the reading
			 * position keeps only its mark and weight. */
			a &= ~(attr_t)(A_REVERSE | A_STANDOUT);
		}
		if (k == o->current)
			draw_str(p->win, y, 0, "\xe2\x80\xba", 3, 1, a);
		int x = 1 + 2 * (e->depth < 8 ? e->depth : 8);
		if (x >= w)
			x = w - 1;
		draw_entry(p->win, y, x, e, w - x, a);
	}
}

static int
move_cursor(pane *p, ui *u, long delta)
{
	outline *o = p->priv;
	if (!o->n)
		return UI_NONE;
	long c = (long)o->cursor + delta;
	if (c < 0)
		c = 0;
	if (c >= (long)o->n)
		c = (long)o->n - 1;
	o->cursor = (size_t)c;
	show_cursor(p);
	char k[32];
	ui_message(u, ROLE_MESSAGE, "%s  (%s: jump)", o->e[o->cursor].nd->path,
		   keys_first(u, ACT_ACTIVATE, k, sizeof k));
	return UI_DRAW;
}

static int
jump(pane *p, ui *u, size_t k)
{
	outline *o = p->priv;
	if (k >= o->n)
		return UI_NONE;
	o->cursor = k;
	int f = ui_jump(u, (doc_pos){ o->e[k].block, 0 });
	ui_message(u, ROLE_MESSAGE, "%s", o->e[k].nd->path);
	if (u->outline_full) {
		u->outline_full = 0;
		f |= UI_GEOMETRY;
	}
	return f | UI_DRAW;
}

static int
outline_action(pane *p, ui *u, int act)
{
	outline *o = p->priv;
	long page = rows(p) > 2 ? rows(p) - 1 : 1;
	switch (act) {
	case ACT_LINE_DOWN: return move_cursor(p, u, 1);
	case ACT_LINE_UP: return move_cursor(p, u, -1);
	case ACT_PAGE_DOWN: return move_cursor(p, u, page);
	case ACT_PAGE_UP: return move_cursor(p, u, -page);
	case ACT_HALF_DOWN: return move_cursor(p, u, rows(p) / 2 + 1);
	case ACT_HALF_UP: return move_cursor(p, u, -(rows(p) / 2 + 1));
	case ACT_TOP: return move_cursor(p, u, -(long)o->n);
	case ACT_BOTTOM: return move_cursor(p, u, (long)o->n);
	case ACT_ACTIVATE: {
		int f = jump(p, u, o->cursor);
		return f | ui_focus(u, u->text);
	}
	}
	return UI_PASS;
}

static int
outline_mouse(pane *p, ui *u, int y, int x, int button)
{
	outline *o = p->priv;
	(void)x;
	switch (button) {
	case UI_MOUSE_WHEEL_UP:
		o->scroll = o->scroll > 3 ? o->scroll - 3 : 0;
		return UI_DRAW;
	case UI_MOUSE_WHEEL_DOWN:
		o->scroll += 3;	/* clamped when drawn */
		return UI_DRAW;
	case UI_MOUSE_CLICK:
		if (y >= 1 && o->scroll + (size_t)(y - 1) < o->n)
			return jump(p, u, o->scroll + (size_t)(y - 1));
		return UI_NONE;
	}
	return UI_NONE;
}

static void
outline_follow(pane *p, ui *u)
{
	outline *o = p->priv;
	if (!o->n)
		return;
	o->current = entry_at(o, u->top.block);
	o->cursor = o->current;
	if (p->placed) {
		/* Keep the mark in view with some context above it. */
		size_t r = (size_t)rows(p);
		if (o->cursor < o->scroll || o->cursor >= o->scroll + r)
			o->scroll = o->cursor > r / 3 ? o->cursor - r / 3 : 0;
	}
}

static void
outline_place(pane *p, ui *u)
{
	outline_follow(p, u);
	show_cursor(p);
}

static void
outline_free(pane *p)
{
	outline *o = p->priv;
	for (size_t i = 0; i < o->n; i++) {
		free(o->e[i].text);
		free(o->e[i].full);
	}
	free(o->e);
	free(o);
}

static const pane_ops outline_ops = {
	.name = "outline",
	.draw = outline_draw,
	.action = outline_action,
	.mouse = outline_mouse,
	.follow = outline_follow,
	.place = outline_place,
	.free = outline_free,
};

pane *
pane_outline_new(ui *u)
{
	pane *p = xcalloc(1, sizeof *p);
	outline *o = xcalloc(1, sizeof *o);
	build(o, u->d);
	p->ops = &outline_ops;
	p->side = PANE_LEFT;
	p->priv = o;
	p->focusable = 1;
	/* The width when config.ini sets one (else ui.c's outline_auto);
	 * outline_cols = 0 hides it at start. */
	int cols = u->cfg ? u->cfg->outline_cols : CONFIG_AUTO;
	p->shown = cols != 0 && o->n > 0;
	p->want_cols = cols > 0 ? cols : 30;	/* unused when auto */
	return p;
}
