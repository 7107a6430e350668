/* help: the key help overlay, generated from the action table and the
 * current bindings (so a key rebound in config.ini shows as rebound). It is
 * a modal pane: while open it takes every key; j/k/Space/b (whatever they
 * are bound to) scroll it, and q, Esc, ? or Enter close it.
 *
 * The content is laid out for the window's inner width and kept as rows of
 * segments (help_build): nothing is cut. Wide (at least HELP_WIDE_COLS
 * inside): three columns, keys | description | action name (at the right
 * edge), the keys and the description wrapped in their columns, the
 * description up to its own name. Narrow: the keys with the action name
 * at the right, then the description wrapped below them, indented. When the
 * rows outnumber the window's, it scrolls, and the bottom border says which
 * rows are shown. The rows point into the help's own copies of the key names
 * and into the action table, and are rebuilt when the width changes or the
 * help is opened again. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/compare_ui.h"
#include "ui/ui_impl.h"
#include "util.h"

#define HELP_WIDE_COLS 60	/* inner columns for the three-column form */
#define HELP_KEYS_MAX 22	/* widest keys column (wide form) */
#define HELP_GAP 2		/* between columns */

/* Keys named by action (keys_expand), as bound. */
static const char intro_tmpl[] =
	"Read a UN document by its structure: {focus-next} goes to the outline and "
	"{activate} there jumps to the entry. In config.ini, [keys] rebinds a key "
	"by the action name shown with it.";

typedef struct help_seg {
	const char *s;
	size_t n;
	int x;			/* column inside the border's padding */
	theme_role role;
} help_seg;

typedef struct help_row {
	help_seg seg[3];
	int nseg;
	int act;		/* the action it shows, -1 for the intro */
} help_row;

typedef struct help {
	int scroll;
	char keys[ACT_COUNT][128];	/* display names of the bound keys */
	help_row *rows;
	size_t nrows, cap;
	int built_cols;		/* inner width the rows are for; 0 = stale */
	int act;		/* the action rows are being added for */
	char intro[320];	/* intro_tmpl with its keys named */
} help;

/* The bytes of the next line of s[0, n) in cols columns: broken after the
 * last space that fits, else (one long word) at the last grapheme that
 * fits, never empty. *next: where the following line starts (spaces
 * skipped). */
static size_t
wrap_line(const char *s, size_t n, int cols, size_t *next)
{
	size_t len = n;
	if (text_width(s, n) > cols) {
		size_t fit = text_fit(s, n, cols > 0 ? cols : 1, NULL);
		len = fit;
		if (fit < n && s[fit] != ' ') {
			size_t j = fit;
			while (j > 0 && s[j - 1] != ' ')
				j--;
			if (j > 0)
				len = j;
		}
		if (!len)
			len = text_next_grapheme(s, n, 0);
	}
	size_t e = len;
	while (e < n && s[e] == ' ')
		e++;
	*next = e;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len;
}

static help_row *
new_row(help *h)
{
	xgrow((void **)&h->rows, &h->cap, h->nrows + 1, sizeof *h->rows);
	help_row *r = &h->rows[h->nrows++];
	memset(r, 0, sizeof *r);
	r->act = h->act;
	return r;
}

static void
add_seg(help_row *r, const char *s, size_t n, int x, theme_role role)
{
	if (r->nseg < (int)ARRAY_LEN(r->seg))
		r->seg[r->nseg++] = (help_seg){ s, n, x, role };
}

/* Adds s wrapped in cols columns at column x, from row *at on (rows are
 * added as needed); returns the rows it took. */
static size_t
add_wrapped(help *h, size_t at, const char *s, int x, int cols, theme_role role)
{
	size_t n = strlen(s), i = 0, k = 0;
	while (i < n) {
		size_t next;
		size_t len = wrap_line(s + i, n - i, cols, &next);
		while (at + k >= h->nrows)
			new_row(h);
		add_seg(&h->rows[at + k], s + i, len, x, role);
		k++;
		i += next;
	}
	return k;
}

static int
widest(const char *const *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		int c = text_width(s[i], strlen(s[i]));
		if (c > w)
			w = c;
	}
	return w;
}

/* Lays the content out for inner columns. */
static void
help_build(help *h, const ui *u, int inner)
{
	if (inner < 1)
		inner = 1;
	if (h->built_cols == inner)
		return;
	/* A new width (a resize): the same action stays at the top. */
	int top = h->built_cols && h->scroll >= 0 && (size_t)h->scroll < h->nrows
		? h->rows[h->scroll].act : -1;
	h->nrows = 0;
	h->built_cols = inner;
	h->act = -1;

	const char *keys[ACT_COUNT];
	for (int i = 0; i < ACT_COUNT; i++) {
		keys_of_action(u, i, h->keys[i], sizeof h->keys[i]);
		if (!h->keys[i][0])
			snprintf(h->keys[i], sizeof h->keys[i], "(unbound)");
		keys[i] = h->keys[i];
	}
	int kc = widest(keys, ACT_COUNT);
	if (kc > HELP_KEYS_MAX)
		kc = HELP_KEYS_MAX;

	keys_expand(u, intro_tmpl, h->intro, sizeof h->intro);
	add_wrapped(h, h->nrows, h->intro, 0, inner, ROLE_TEXT);
	new_row(h);	/* a blank row */

	int wide = inner >= HELP_WIDE_COLS;
	int dx = kc + HELP_GAP;
	for (int i = 0; i < ACT_COUNT; i++) {
		const action *ac = &actions_table[i];
		if (!compare_ui_lists(u, i))
			continue;	/* --compare's keys outside it */
		int nw = text_width(ac->name, strlen(ac->name));
		size_t at = h->nrows;
		h->act = i;
		if (wide) {
			/* The description runs up to its own name (a short
			 * name leaves it more room), a gap before it. */
			add_wrapped(h, at, h->keys[i], 0, kc, ROLE_CLAUSE_NUMBER);
			add_wrapped(h, at, ac->help, dx, inner - dx - HELP_GAP - nw,
				    ROLE_TEXT);
			add_seg(&h->rows[at], ac->name, strlen(ac->name),
				inner - nw, ROLE_DIM);
			continue;
		}
		/* Narrow: keys, the name at the right when it fits beside
		 * their first line, else on a row of its own. */
		add_wrapped(h, at, h->keys[i], 0, inner, ROLE_CLAUSE_NUMBER);
		help_row *first = &h->rows[at];
		int kw = text_width(first->seg[0].s, first->seg[0].n);
		if (kw + HELP_GAP + nw <= inner)
			add_seg(first, ac->name, strlen(ac->name), inner - nw,
				ROLE_DIM);
		else
			add_wrapped(h, h->nrows, ac->name, inner > nw ? inner - nw : 0,
				    inner > nw ? nw : inner, ROLE_DIM);
		add_wrapped(h, h->nrows, ac->help, 2, inner - 2, ROLE_TEXT);
	}
	if (top >= 0)
		for (size_t r = 0; r < h->nrows; r++)
			if (h->rows[r].act == top) {
				h->scroll = (int)r;
				break;
			}
}

int
help_cols(ui *u)
{
	const char *keys[ACT_COUNT];
	char k[ACT_COUNT][128];
	int row = 0;	/* the widest description and name together */
	for (int i = 0; i < ACT_COUNT; i++) {
		const action *ac = &actions_table[i];
		keys_of_action(u, i, k[i], sizeof k[i]);
		keys[i] = k[i][0] ? k[i] : "(unbound)";
		int w = text_width(ac->help, strlen(ac->help)) + HELP_GAP +
			text_width(ac->name, strlen(ac->name));
		if (w > row)
			row = w;
	}
	int kc = widest(keys, ACT_COUNT);
	if (kc > HELP_KEYS_MAX)
		kc = HELP_KEYS_MAX;
	return 4 + kc + HELP_GAP + row;
}

int
help_lines(ui *u, int inner_cols)
{
	help *h = u->help->priv;
	help_build(h, u, inner_cols);
	return (int)h->nrows;
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
	/* (q and Esc close it whatever they are bound to: help_key.) */
	char title[96];
	keys_expand(u, " Help: {quit} or {cancel} closes ", title, sizeof title);
	draw_str(p->win, 0, 2, title, strlen(title), p->w - 4, draw_attr(u, ROLE_HEADING));

	int inner = p->w - 4, rows = p->h - 2;
	if (rows < 1 || inner < 1)
		return;
	help_build(h, u, inner);
	int total = (int)h->nrows;
	int max = total - rows;
	if (h->scroll > max)
		h->scroll = max > 0 ? max : 0;
	for (int r = 0; r < rows && h->scroll + r < total; r++) {
		const help_row *row = &h->rows[h->scroll + r];
		for (int k = 0; k < row->nseg; k++) {
			const help_seg *sg = &row->seg[k];
			draw_str(p->win, r + 1, 2 + sg->x, sg->s, sg->n,
				 inner - sg->x, draw_attr(u, sg->role));
		}
	}
	if (total > rows) {
		/* Which rows are shown, on the bottom border. */
		char where[80];
		int last = h->scroll + rows;
		snprintf(where, sizeof where, " %d-%d/%d %s ", h->scroll + 1,
			 last, total, last < total ? "j/Space: more" : "End");
		int ww = text_width(where, strlen(where));
		if (ww > p->w - 4) {
			snprintf(where, sizeof where, " %d/%d ", last, total);
			ww = text_width(where, strlen(where));
		}
		if (ww <= p->w - 4)
			draw_str(p->win, p->h - 1, p->w - 2 - ww, where,
				 strlen(where), ww, draw_attr(u, ROLE_BORDER));
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
	case ACT_BOTTOM: h->scroll = (int)h->nrows; break;
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
	help *h = p->priv;
	free(h->rows);
	free(h);
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
	h->built_cols = 0;	/* the bindings are read afresh */
	u->help->shown = 1;
	u->overlay = u->help;
	u->msg[0] = '\0';
	return UI_GEOMETRY | UI_DRAW;
}
