/* popup: a small modal box over the panes that shows lines of text (the
 * document's information, footnotes) without moving the reading position.
 * While open it takes every key: j/k/Space/b (as bound) scroll it; q, Esc,
 * Enter and whatever quit and cancel are bound to close it. A click
 * outside it, or in it, closes it too; the wheel scrolls.
 *
 * The text is lines ending in '\n'. With POPUP_KEYED, a line's "key: "
 * (up to its first ": ") is drawn as a heading. Each line is wrapped to
 * the box's inner width, continuation rows indented; the box is as wide
 * as its widest line allows (POPUP_MAX_COLS at most) and as tall as its
 * rows (the screen's main area at most), centred over the main area. The
 * rows point into the popup's own copy of the text and are rebuilt when
 * the width changes. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/ui_impl.h"
#include "util.h"

#define POPUP_MAX_COLS 80	/* the box, border included */
#define POPUP_INDENT 2		/* continuation rows */

typedef struct popup_row {
	size_t off, n;		/* bytes of the text */
	size_t key_n;		/* of them, the key drawn as a heading */
	int x;
} popup_row;

typedef struct popup {
	char *title;
	char *text;
	unsigned flags;
	popup_row *rows;
	size_t nrows, cap;
	int built_cols;
	int scroll;
} popup;

static void
add_row(popup *pp, size_t off, size_t n, size_t key_n, int x)
{
	xgrow((void **)&pp->rows, &pp->cap, pp->nrows + 1, sizeof *pp->rows);
	pp->rows[pp->nrows++] = (popup_row){ off, n, key_n, x };
}

/* Wraps the text for inner columns. */
static void
build(popup *pp, int inner)
{
	if (inner < POPUP_INDENT + 1)
		inner = POPUP_INDENT + 1;
	if (pp->built_cols == inner)
		return;
	pp->built_cols = inner;
	pp->nrows = 0;
	const char *t = pp->text;
	for (size_t at = 0; t[at];) {
		size_t len = strcspn(t + at, "\n");
		size_t key_n = 0;
		if (pp->flags & POPUP_KEYED) {
			const char *c = strstr(t + at, ": ");
			if (c && (size_t)(c - (t + at)) < len)
				key_n = (size_t)(c - (t + at)) + 2;
		}
		size_t i = 0;
		int first = 1;
		do {
			int x = first ? 0 : POPUP_INDENT;
			int cols = inner - x;
			size_t rest = len - i, n = rest;
			if (text_width(t + at + i, rest) > cols) {
				n = text_fit(t + at + i, rest, cols, NULL);
				size_t j = n;	/* break after a space */
				while (j > 0 && t[at + i + j - 1] != ' ')
					j--;
				if (j > 0 && n < rest)
					n = j;
				if (!n)
					n = text_next_grapheme(t + at + i, rest, 0);
			}
			size_t shown = n;
			while (shown > 0 && t[at + i + shown - 1] == ' ')
				shown--;
			add_row(pp, at + i, shown, first ? (key_n < shown ? key_n : shown) : 0, x);
			i += n;
			while (i < len && t[at + i] == ' ')
				i++;
			first = 0;
		} while (i < len);
		at += len + (t[at + len] == '\n');
	}
}

static int
widest_line(const popup *pp)
{
	int w = 0;
	for (const char *s = pp->text; *s;) {
		size_t n = strcspn(s, "\n");
		int c = text_width(s, n);
		if (c > w)
			w = c;
		s += n + (s[n] == '\n');
	}
	return w;
}

static int
popup_reserve(pane *p, ui *u, int main_h, int cols)
{
	popup *pp = p->priv;
	if (!p->shown)
		return 0;
	int tw = text_width(pp->title, strlen(pp->title)) + 4;
	int w = widest_line(pp) + 4;
	if (w < tw)
		w = tw;
	if (w > POPUP_MAX_COLS)
		w = POPUP_MAX_COLS;
	if (w > cols - 2)
		w = cols;
	build(pp, w - 4);
	int h = (int)pp->nrows + 2;
	if (h > main_h)
		h = main_h;
	p->y = (main_h - h) / 2;
	p->x = (cols - w) / 2;
	p->h = h;
	p->w = w;
	p->placed = h >= 3 && w >= 8;
	(void)u;
	return 0;
}

static void
popup_draw(pane *p, ui *u)
{
	popup *pp = p->priv;
	wbkgdset(p->win, ' ' | draw_attr(u, ROLE_TEXT));
	werase(p->win);
	wattrset(p->win, draw_attr(u, ROLE_BORDER));
	box(p->win, 0, 0);
	wattrset(p->win, A_NORMAL);
	char title[160];
	snprintf(title, sizeof title, " %s ", pp->title);
	draw_str(p->win, 0, 2, title, strlen(title), p->w - 4, draw_attr(u, ROLE_HEADING));
	int inner = p->w - 4, rows = p->h - 2;
	build(pp, inner);
	int max = (int)pp->nrows - rows;
	if (pp->scroll > max)
		pp->scroll = max > 0 ? max : 0;
	for (int r = 0; r < rows && (size_t)(pp->scroll + r) < pp->nrows; r++) {
		const popup_row *row = &pp->rows[pp->scroll + r];
		const char *s = pp->text + row->off;
		int x = 2 + row->x;
		x += draw_str(p->win, r + 1, x, s, row->key_n, inner - row->x,
			      draw_attr(u, ROLE_HEADING));
		draw_str(p->win, r + 1, x, s + row->key_n, row->n - row->key_n,
			 2 + inner - x, draw_attr(u, ROLE_TEXT));
	}
	if ((int)pp->nrows > rows) {
		char where[48];
		snprintf(where, sizeof where, " %d-%d/%zu ", pp->scroll + 1,
			 pp->scroll + rows, pp->nrows);
		int ww = text_width(where, strlen(where));
		if (ww <= p->w - 4)
			draw_str(p->win, p->h - 1, p->w - 2 - ww, where, strlen(where),
				 ww, draw_attr(u, ROLE_BORDER));
	}
}

static int
close_popup(ui *u)
{
	u->overlay = NULL;
	u->popup->shown = 0;
	return UI_GEOMETRY | UI_DRAW;
}

static int
popup_key(pane *p, ui *u, int key)
{
	popup *pp = p->priv;
	if (key == 'q' || key == UI_KEY_ESC || key == '\n')
		return close_popup(u);
	int page = p->h - 3 > 1 ? p->h - 3 : 1;
	switch (keys_lookup(u, key)) {
	case ACT_LINE_DOWN: pp->scroll++; break;
	case ACT_LINE_UP: pp->scroll--; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: pp->scroll += page; break;
	case ACT_PAGE_UP: case ACT_HALF_UP: pp->scroll -= page; break;
	case ACT_TOP: pp->scroll = 0; break;
	case ACT_BOTTOM: pp->scroll = (int)pp->nrows; break;
	case ACT_QUIT: case ACT_CANCEL: return close_popup(u);
	case ACT_REDRAW: return actions_run(u, ACT_REDRAW);
	default: return UI_NONE;
	}
	if (pp->scroll < 0)
		pp->scroll = 0;
	return UI_DRAW;
}

static int
popup_mouse(pane *p, ui *u, int y, int x, int button)
{
	popup *pp = p->priv;
	(void)y;
	(void)x;
	if (button == UI_MOUSE_WHEEL_DOWN)
		pp->scroll += 3;
	else if (button == UI_MOUSE_WHEEL_UP)
		pp->scroll = pp->scroll > 3 ? pp->scroll - 3 : 0;
	else
		return close_popup(u);
	return UI_DRAW;
}

static void
popup_free(pane *p)
{
	popup *pp = p->priv;
	free(pp->title);
	free(pp->text);
	free(pp->rows);
	free(pp);
}

static const pane_ops popup_ops = {
	.name = "popup",
	.reserve = popup_reserve,
	.draw = popup_draw,
	.key = popup_key,
	.mouse = popup_mouse,
	.free = popup_free,
};

pane *
popup_new(ui *u)
{
	(void)u;
	pane *p = xcalloc(1, sizeof *p);
	p->ops = &popup_ops;
	p->side = PANE_OVERLAY;
	p->priv = xcalloc(1, sizeof(popup));
	return p;
}

int
popup_open(ui *u, const char *title, const char *text, unsigned flags)
{
	popup *pp = u->popup->priv;
	free(pp->title);
	free(pp->text);
	pp->title = xstrdup(title);
	pp->text = xstrdup(text);
	pp->flags = flags;
	pp->built_cols = 0;
	pp->scroll = 0;
	u->popup->shown = 1;
	u->overlay = u->popup;
	u->msg[0] = '\0';
	return UI_GEOMETRY | UI_DRAW;
}
