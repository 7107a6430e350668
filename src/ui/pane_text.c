/* pane_text: the document's text, a screenful of layout lines from u->top.
 *
 * Each line is [margin][gutter][indent][text]: the margin centres the text
 * column in a pane wider than the measure (config text_cols, ui.c),
 * the gutter holds the clause number on a block's first line (the printed
 * number in the clause-number role, else the position people cite, dimmed
 * and in brackets, "[3]", so a mono terminal tells it apart too),
 * and the text is styled by the role of its node. The pane draws what
 * layout gives it and never decides where lines break. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/ui_impl.h"
#include "ui/refs_ui.h"
#include "util.h"

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
	case NODE_TABLE:	/* its text is the header row */
		return ROLE_HEADING;
	case NODE_SIGNATURE:
		return ROLE_SIGNATURE;
	case NODE_NOTE:
	case NODE_FOOTNOTE:
		return ROLE_DIM;
	default:
		return ROLE_TEXT;
	}
}

/* A table's header row (the column titles joined by " | " in the model):
 * each '|' between two titles drawn as a rule, so the titles read as
 * columns. Line l is drawn at (row, x). */
static void
draw_column_rules(pane *p, ui *u, int row, int x, const node *nd, const layout_line *l)
{
	const char *t = node_text(u->d, nd);
	attr_t a = draw_attr(u, ROLE_BORDER);
	for (size_t i = l->start; i < l->end; i++) {
		if (t[i] != '|' || i == 0 || t[i - 1] != ' ' ||
		    i + 1 >= nd->len || t[i + 1] != ' ')
			continue;
		int dx = text_width(t + l->start, i - l->start);
		if (x + dx < p->w)
			draw_str(p->win, row, x + dx, "\xe2\x94\x82", 3, 1, a);	/* │ */
	}
}

/* Columns left of the layout's text column (centring). */
static int
margin(const pane *p, const ui *u)
{
	int m = (p->w - u->lo_width) / 2;
	return m > 0 ? m : 0;
}

static void
draw_number(pane *p, ui *u, int row, int x, const node *nd)
{
	int gutter = layout_gutter_cols(u->lo);
	const char *num = nd->number;
	theme_role role = ROLE_CLAUSE_NUMBER;
	if (!num || !*num) {
		/* Unnumbered clauses: the position people cite, dimmed so it is
		 * not mistaken for a printed number. */
		if (nd->kind != NODE_PARAGRAPH && nd->kind != NODE_SUBITEM)
			return;
		num = nd->cite;
		role = ROLE_DIM;
	}
	if (!num || !*num || gutter < 2)
		return;
	char *shown = NULL;
	if (role == ROLE_DIM)	/* a guess, told apart without colour: "[3]" */
		num = shown = xasprintf("[%s]", num);
	int w = text_width(num, strlen(num));
	int room = gutter - 1;
	if (shown && w > room)
		room = gutter;	/* "[123]" may take the space before the text */
	int at = w < room ? room - w : 0;
	draw_str(p->win, row, x + at, num, strlen(num), room, draw_attr(u, role));
	free(shown);
}

/* The removed source lines (meta.furniture) after the start of block b-1
 * and before block b's (a running header inside a paragraph that runs on
 * to the next page comes after that paragraph): [*from, return). Shown
 * only with u->show_removed, before the first line of block b; none
 * after the last block. */
static size_t
removed_before(const ui *u, size_t b, size_t *from)
{
	const doc *d = u->d;
	*from = 0;
	if (!u->show_removed || b >= d->nblocks)
		return 0;
	size_t lo = b ? d->blocks[b - 1]->line_first : 0;
	size_t hi = d->blocks[b]->line_first;
	size_t i = 0;
	while (i < d->meta.nfurniture && d->meta.furniture[i].line <= lo)
		i++;
	*from = i;
	while (i < d->meta.nfurniture && d->meta.furniture[i].line < hi)
		i++;
	return i;
}

/* Walks the pane's rows from u->top: row y is either a layout line (1,
 * *a set) or a removed line (0, *f its index in meta.furniture); -1 past
 * the end. */
static int
row_at(const ui *u, int y, layout_addr *a, size_t *f)
{
	*a = u->top;
	size_t skip = 0;	/* removed lines of *a's block already passed */
	for (int row = 0;; row++) {
		const layout_line *l = layout_line_at(u->lo, *a);
		if (!l->blank && l->first) {
			size_t from, to = removed_before(u, l->block, &from);
			if (from + skip < to) {
				if (row == y) {
					*f = from + skip;
					return 0;
				}
				skip++;
				continue;
			}
		}
		if (row == y)
			return 1;
		skip = 0;
		if (layout_step(u->lo, a, 1) == 0)
			return -1;
	}
}

static void
draw_removed(pane *p, ui *u, int row, int x0, const doc_furniture *f)
{
	int gutter = layout_gutter_cols(u->lo);
	int x = x0 + gutter - 2 > 0 ? x0 + gutter - 2 : 0;
	/* Marked so that it shows without colour too. */
	char *s = xasprintf("\xe2\x94\x86 [removed: %s] %s", f->kind, f->text);
	draw_str(p->win, row, x, s, strlen(s), p->w - x, draw_attr(u, ROLE_DIM));
	free(s);
}

static void
text_draw(pane *p, ui *u)
{
	wbkgdset(p->win, ' ' | draw_attr(u, ROLE_TEXT));
	werase(p->win);
	if (!u->d->nblocks) {
		const char *m = "(this document has no text)";
		draw_str(p->win, 0, 1, m, strlen(m), p->w - 1, draw_attr(u, ROLE_DIM));
		return;
	}
	int x0 = margin(p, u);
	int gutter = layout_gutter_cols(u->lo);
	layout_addr a = u->top;
	size_t skip = 0;	/* removed lines of a's block already drawn */
	for (int row = 0; row < p->h; row++) {
		const layout_line *l = layout_line_at(u->lo, a);
		if (!l->blank && l->first) {
			size_t from, to = removed_before(u, l->block, &from);
			if (from + skip < to) {
				draw_removed(p, u, row, x0,
					     &u->d->meta.furniture[from + skip]);
				skip++;
				continue;
			}
		}
		skip = 0;
		if (!l->blank) {
			const node *nd = u->d->blocks[l->block];
			if (l->first && u->show_numbers)
				draw_number(p, u, row, x0, nd);
			int x = x0 + gutter + l->indent;
			/* References and search matches highlighted. */
			decor_line(p, u, row, x, l, nd, draw_attr(u, role_of(nd)));
			if (nd->kind == NODE_TABLE)
				draw_column_rules(p, u, row, x, nd, l);
			/* What other panes show over the text (notes). */
			for (size_t i = 0; i < u->npanes; i++)
				if (u->panes[i]->ops->decorate)
					u->panes[i]->ops->decorate(u->panes[i], u, p, row,
								    x0, x, l);
		}
		if (layout_step(u->lo, &a, 1) == 0)
			break;
	}
}

static int
text_action(pane *p, ui *u, int act)
{
	(void)p;
	(void)u;
	(void)act;
	return UI_PASS;	/* the table's handlers act on the text */
}

/* The block and byte under pane cell (y, x), as drawn (margin, gutter,
 * indent); 0, or -1 when the cell holds no text. */
static int
text_at(pane *p, ui *u, int y, int x, size_t *blk, size_t *byte)
{
	if (!u->d->nblocks || !u->lo || y < 0)
		return -1;
	layout_addr a;
	size_t f;
	if (row_at(u, y, &a, &f) != 1)
		return -1;
	const layout_line *l = layout_line_at(u->lo, a);
	int col = x - margin(p, u) - layout_gutter_cols(u->lo) - l->indent;
	if (l->blank || col < 0)
		return -1;
	const node *nd = u->d->blocks[l->block];
	const char *s = node_text(u->d, nd) + l->start;
	size_t n = l->end - l->start;
	size_t in = text_fit(s, n, col, NULL);	/* bytes before the column */
	if (in >= n)
		return -1;
	*blk = l->block;
	*byte = l->start + in;
	return 0;
}

static int
text_mouse(pane *p, ui *u, int y, int x, int button)
{
	size_t blk, byte;
	switch (button) {
	case UI_MOUSE_WHEEL_UP:
		return ui_scroll(u, -3);
	case UI_MOUSE_WHEEL_DOWN:
		return ui_scroll(u, 3);
	case UI_MOUSE_CLICK:
		/* On a footnote mark: its footnote. */
		if (text_at(p, u, y, x, &blk, &byte) == 0) {
			int f = footnotes_open_at(u, blk, byte);
			if (f != UI_PASS)
				return ui_focus(u, p) | f;
		}
		/* On a reference: the message line says what it is. */
		return ui_focus(u, p) | decor_click(p, u, y, x);
	}
	return UI_NONE;
}

static void
text_free(pane *p)
{
	(void)p;
}

static const pane_ops text_ops = {
	.name = "text",
	.draw = text_draw,
	.action = text_action,
	.mouse = text_mouse,
	.free = text_free,
};

pane *
pane_text_new(ui *u)
{
	(void)u;
	pane *p = xcalloc(1, sizeof *p);
	p->ops = &text_ops;
	p->side = PANE_CENTRE;
	p->shown = 1;
	p->focusable = 1;
	return p;
}
