/* help: the key help overlay, generated from the action table and the
 * current bindings (so a key rebound in config.ini shows as rebound). It is
 * a modal pane: while open it takes every key; j/k/Space/b (whatever they
 * are bound to) scroll it, and q, Esc, ? or Enter close it. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/ui_impl.h"
#include "util.h"

#define KEYS_COLS 22	/* the keys column, when the window is wide enough */

typedef struct help {
	int scroll;
} help;

/* Short lines: they must fit the help window at 40 columns (34 inside). */
static const char *intro[] = {
	"Read a UN document by structure:",
	"Tab goes to the outline, Enter",
	"there jumps. config.ini [keys]",
	"rebinds keys by the action names",
	"shown on the right.",
};

int
help_lines(void)
{
	return (int)ARRAY_LEN(intro) + 1 + ACT_COUNT;
}

static void
help_draw(pane *p, ui *u)
{
	help *h = p->priv;
	attr_t a = draw_attr(u, ROLE_TEXT);
	wbkgdset(p->win, ' ' | a);
	werase(p->win);
	wattrset(p->win, draw_attr(u, ROLE_BORDER));
	box(p->win, 0, 0);
	wattrset(p->win, A_NORMAL);
	const char *title = " Help: q or Esc closes ";
	draw_str(p->win, 0, 2, title, strlen(title), p->w - 4, draw_attr(u, ROLE_HEADING));

	int inner = p->w - 4, rows = p->h - 2;
	int max = help_lines() - rows;
	if (h->scroll > max)
		h->scroll = max > 0 ? max : 0;
	int kc = inner >= 50 ? KEYS_COLS : inner / 3;
	for (int r = 0; r < rows; r++) {
		int i = h->scroll + r, y = r + 1;
		if (i < (int)ARRAY_LEN(intro)) {
			draw_str(p->win, y, 2, intro[i], strlen(intro[i]), inner, a);
			continue;
		}
		i -= (int)ARRAY_LEN(intro) + 1;
		if (i < 0)
			continue;
		if (i >= ACT_COUNT)
			break;
		char keys[128];
		keys_of_action(u, i, keys, sizeof keys);
		if (!keys[0])
			snprintf(keys, sizeof keys, "(unbound)");
		draw_str_ellipsis(p->win, y, 2, keys, strlen(keys), kc - 1,
				  draw_attr(u, ROLE_CLAUSE_NUMBER));
		const action *ac = &actions_table[i];
		int x = 2 + kc;
		x += draw_str_ellipsis(p->win, y, x, ac->help, strlen(ac->help),
				       inner - kc, a);
		/* The action's name, for config.ini, where it fits. */
		int nw = text_width(ac->name, strlen(ac->name));
		if (2 + inner - x >= nw + 3)
			draw_str(p->win, y, 2 + inner - nw, ac->name, strlen(ac->name),
				 nw, draw_attr(u, ROLE_DIM));
	}
}

static int
close_help(ui *u)
{
	u->overlay = NULL;
	u->help->shown = 0;
	return UI_GEOMETRY | UI_DRAW;
}

static int
help_key(pane *p, ui *u, int key)
{
	help *h = p->priv;
	if (key == 'q' || key == UI_KEY_ESC || key == '?' || key == '\n')
		return close_help(u);
	int page = p->h - 3 > 1 ? p->h - 3 : 1;
	switch (keys_lookup(u, key)) {
	case ACT_LINE_DOWN: h->scroll++; break;
	case ACT_LINE_UP: h->scroll--; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: h->scroll += page; break;
	case ACT_PAGE_UP: case ACT_HALF_UP: h->scroll -= page; break;
	case ACT_TOP: h->scroll = 0; break;
	case ACT_BOTTOM: h->scroll = help_lines(); break;
	case ACT_QUIT: case ACT_HELP: case ACT_CANCEL: return close_help(u);
	case ACT_REDRAW: return actions_run(u, ACT_REDRAW);
	default: return UI_NONE;
	}
	if (h->scroll < 0)
		h->scroll = 0;
	return UI_DRAW;	/* the upper bound is applied when drawn */
}

static int
help_mouse(pane *p, ui *u, int y, int x, int button)
{
	help *h = p->priv;
	(void)y;
	(void)x;
	if (button == UI_MOUSE_WHEEL_DOWN)
		h->scroll += 3;
	else if (button == UI_MOUSE_WHEEL_UP)
		h->scroll = h->scroll > 3 ? h->scroll - 3 : 0;
	else
		return close_help(u);
	return UI_DRAW;
}

static void
help_free(pane *p)
{
	free(p->priv);
}

static const pane_ops help_ops = {
	.name = "help",
	.draw = help_draw,
	.key = help_key,
	.mouse = help_mouse,
	.free = help_free,
};

pane *
help_new(ui *u)
{
	(void)u;
	pane *p = xcalloc(1, sizeof *p);
	p->ops = &help_ops;
	p->side = PANE_OVERLAY;
	p->priv = xcalloc(1, sizeof(help));
	return p;
}

int
help_open(ui *u)
{
	help *h = u->help->priv;
	h->scroll = 0;
	u->help->shown = 1;
	u->overlay = u->help;
	u->msg[0] = '\0';
	return UI_GEOMETRY | UI_DRAW;
}
