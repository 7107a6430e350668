/* ui: the terminal reader's loop, terminal set-up and pane placement.
 *
 * One loop: place panes if the geometry changed, let panes follow the reading
 * position if it moved, draw everything once, read one input, turn it into
 * an action and run it; the flags it returns say what the next iteration
 * must do. Signal handlers only set a flag (ncurses turns SIGWINCH into
 * KEY_RESIZE itself). A read error or end of input on the terminal ends the
 * loop: it never spins.
 *
 * Geometry: side panes (outline left, notes right) take their preferred
 * width (the outline's grows with the terminal unless config.ini sets it)
 * when the text keeps UI_TEXT_MIN_COLS; otherwise they are "squeezed" out
 * and open over the text on demand. The text wraps at the configured
 * measure (text_cols) or the pane's width, whichever is less. Windows are
 * made afresh at every placement, so a resize never leaves a window larger
 * than the screen. The layout is rebuilt only when the text width changes, and the
 * reading position (u->pos) is kept as (block, byte), so the same clause
 * stays at the top across resizes.
 *
 * A large document comes in two steps (doc_open_first): its beginning is
 * shown at once, the whole is parsed in a worker thread started after the
 * first frame and a pause, and the loop polls for it between keys (reads time out
 * meanwhile). Until it is there the reader only scrolls within the
 * beginning, away from its cut (u->near_cut); any other action (a jump to
 * the end, a search, the notes, a go-to) first waits for the whole with a
 * line that says so. The notes panel is made only on the whole, so the
 * store never sees the beginning alone. The whole replaces the beginning
 * through ui_set_document at the same source bytes. */
#include <build-config.h>

#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"
#include "ui/ui.h"
#include "ui/ui_impl.h"
#include "ui/notes_ui.h"
#include "ui/refs_ui.h"
#include "util.h"

#define EXIT_DATA 1
#define EXIT_TERMINAL 3
#define MAX_READ_ERRORS 3	/* consecutive input errors = terminal lost */

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
install_signals(void)
{
	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a blocked read returns */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* nohup: an ignored hangup stays ignored (the read error ends us). */
	if (sigaction(SIGHUP, NULL, &old) == 0 && old.sa_handler != SIG_IGN)
		sigaction(SIGHUP, &sa, NULL);
}

void
ui_message(ui *u, theme_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_role = role;
}

/* Shows the first waiting notice, with how many more wait. */
static void
notice_next(ui *u)
{
	char *q = u->notices;
	if (!q)
		return;
	size_t len = strcspn(q, "\n");
	size_t more = 0;
	for (const char *c = q + len; *c; c++)
		more += *c == '\n' && c[1];
	theme_role role = q[0] == 'M' ? ROLE_MESSAGE : ROLE_ERROR;
	if (more)
		ui_message(u, role, "%.*s  (+%zu more)", (int)(len - 1), q + 1, more);
	else
		ui_message(u, role, "%.*s", (int)(len - 1), q + 1);
	if (!q[len] || !q[len + 1]) {
		free(q);
		u->notices = NULL;
	} else {
		memmove(q, q + len + 1, strlen(q + len + 1) + 1);
	}
}

void
ui_notice(ui *u, const char *text)
{
	buf b;
	buf_init(&b);
	while (text && *text) {
		size_t n = strcspn(text, "\n");
		const char *line = text;
		if (!strncmp(line, "lectern: ", 9) && n > 9) {
			line += 9;
			n -= 9;
		}
		if (n)
			buf_printf(&b, "E%.*s\n", (int)n, line);
		text = line + n + (line[n] == '\n');
	}
	if (!b.len) {
		buf_clear(&b);
		return;
	}
	if (u->msg[0])
		buf_printf(&b, "%c%s\n", u->msg_role == ROLE_ERROR ? 'E' : 'M', u->msg);
	if (u->notices)
		buf_adds(&b, u->notices);
	free(u->notices);
	u->notices = buf_take(&b);
	notice_next(u);
}

void
ui_observe(ui *u, int events, ui_observer_fn fn, void *data)
{
	assert(u->nobservers < UI_MAX_OBSERVERS);
	u->observers[u->nobservers++] = (ui_observer){ events, fn, data };
}

void
ui_notify(ui *u, int event)
{
	for (size_t i = 0; i < u->nobservers; i++)
		if (u->observers[i].events & event)
			u->observers[i].fn(u, event, u->observers[i].data);
}

int
ui_addr_cmp(layout_addr a, layout_addr b)
{
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return 0;
}

int
ui_text_rows(const ui *u)
{
	if (u->text && u->text->placed)
		return u->text->h > 0 ? u->text->h : 1;
	return u->rows - 2 > 0 ? u->rows - 2 : 1;
}

const node *
ui_top_node(const ui *u)
{
	if (!u->d->nblocks || u->top.block >= u->d->nblocks)
		return NULL;
	return u->d->blocks[u->top.block];
}

size_t
ui_node_block(const doc *d, const node *nd)
{
	if (nd->block != (size_t)-1)
		return nd->block;
	/* Pre-order: the subtree follows the node in d->nodes. */
	for (size_t i = nd->index + 1; i < d->nnodes; i++) {
		const node *n = d->nodes[i];
		const node *a = n;
		while (a && a != nd)
			a = a->parent;
		if (!a)
			break;	/* left the subtree */
		if (n->block != (size_t)-1)
			return n->block;
	}
	return (size_t)-1;
}

static void
set_top(ui *u, layout_addr a)
{
	u->top = a;
	u->pos = layout_pos_of(u->lo, a);
}

/* The top line that shows the last line at the bottom of the text pane. */
static layout_addr
max_top(ui *u)
{
	layout_addr a = layout_last(u->lo);
	layout_step(u->lo, &a, -(long)(ui_text_rows(u) - 1));
	return a;
}

int
ui_scroll(ui *u, long delta)
{
	if (!u->d->nblocks || !delta)
		return UI_NONE;
	layout_addr a = u->top;
	if (delta > 0) {
		layout_addr m = max_top(u);
		if (ui_addr_cmp(a, m) >= 0) {
			ui_message(u, ROLE_MESSAGE, "End of the document");
			return UI_DRAW;
		}
		layout_step(u->lo, &a, delta);
		if (ui_addr_cmp(a, m) > 0)
			a = m;
	} else if (layout_step(u->lo, &a, delta) == 0) {
		ui_message(u, ROLE_MESSAGE, "Top of the document");
		return UI_DRAW;
	}
	set_top(u, a);
	return UI_MOVED | UI_DRAW;
}

int
ui_jump(ui *u, doc_pos p)
{
	if (!u->d->nblocks)
		return UI_NONE;
	if (p.block >= u->d->nblocks)
		p.block = u->d->nblocks - 1;
	ui_notify(u, UI_EVENT_JUMP);
	u->pos = p;
	u->top = layout_addr_of(u->lo, p);
	return UI_MOVED | UI_DRAW;
}

int
ui_top_of_document(ui *u)
{
	if (!u->d->nblocks)
		return UI_NONE;
	ui_notify(u, UI_EVENT_JUMP);	/* g and G are jumps, as in vi */
	set_top(u, layout_first(u->lo));
	return UI_MOVED | UI_DRAW;
}

int
ui_end_of_document(ui *u)
{
	if (!u->d->nblocks)
		return UI_NONE;
	ui_notify(u, UI_EVENT_JUMP);
	set_top(u, max_top(u));
	return UI_MOVED | UI_DRAW;
}

int
ui_focus(ui *u, pane *p)
{
	if (!p || !p->focusable || u->focus == p)
		return UI_NONE;
	u->focus = p;
	return UI_DRAW;
}

/* Is p a pane on the right of the text (the notes panel)? */
static int
on_right(const pane *p)
{
	return p && p->side == PANE_RIGHT;
}

/* Tab's order: the text, the outline (the way to a clause, the guide's
 * first step), the panes on the right (notes), then the others (the
 * references and library below the text) in drawing order. Returns the
 * count. */
static size_t
focus_order(const ui *u, pane **out)
{
	size_t n = 0;
	out[n++] = u->text;
	out[n++] = u->outline;
	for (size_t i = 0; i < u->npanes; i++)
		if (on_right(u->panes[i]))
			out[n++] = u->panes[i];
	for (size_t i = 0; i < u->npanes; i++) {
		pane *p = u->panes[i];
		if (p != u->text && p != u->outline && !on_right(p))
			out[n++] = p;
	}
	return n;
}

pane *
ui_focus_target(const ui *u, int dir)
{
	if (u->outline_full)
		return u->text;	/* leaving it closes it */
	pane *order[UI_MAX_PANES + 3];
	size_t n = focus_order(u, order), at = 0;
	for (size_t i = 0; i < n; i++)
		if (order[i] == u->focus)
			at = i;
	for (size_t k = 1; k < n; k++) {
		pane *p = order[(at + (dir > 0 ? k : n - k)) % n];
		if (!p->focusable || !p->shown || p == u->focus)
			continue;
		/* A squeezed outline opens over the text; notes that give
		 * way to the outline take its place while focused. */
		if (!p->placed && p != u->outline &&
		    !(on_right(p) && u->notes_yield))
			continue;
		return p;
	}
	return NULL;
}

int
ui_focus_next(ui *u, int dir)
{
	if (u->outline_full) {
		/* The outline covers the text: leaving it closes it. */
		u->outline_full = 0;
		ui_focus(u, u->text);
		return UI_GEOMETRY | UI_DRAW;
	}
	pane *p = ui_focus_target(u, dir);
	if (!p) {
		char k[32];
		ui_message(u, ROLE_MESSAGE, "The outline is hidden: %s shows it",
			   keys_first(u, ACT_TOGGLE_OUTLINE, k, sizeof k));
		return UI_DRAW;
	}
	if (p == u->outline && !p->placed)
		u->outline_full = 1;	/* squeezed: open it over the text */
	ui_focus(u, p);
	/* The loop places the panes again when the focus goes to or from
	 * the notes panel (see place()). */
	return p->placed ? UI_DRAW : UI_GEOMETRY | UI_DRAW;
}

/* The first block of the beginning whose source comes near the cut (the
 * parse of the beginning may differ from the whole's there: a paragraph
 * cut in two, footnotes gathered at the end). */
static size_t
near_cut(const doc *d, size_t cut)
{
	size_t margin = cut / 8;
	for (size_t b = 0; b < d->nblocks; b++)
		if (d->blocks[b]->src_end + margin > cut)
			return b;
	return d->nblocks;
}

/* The position in whole of the text at p in part (its beginning): the
 * block that holds the same source byte, at the same byte of its text
 * when the texts agree. */
static doc_pos
map_pos(const doc *part, const doc *whole, doc_pos p)
{
	if (p.block >= part->nblocks)
		return (doc_pos){ 0, 0 };
	const node *a = part->blocks[p.block];
	for (size_t b = 0; b < whole->nblocks; b++) {
		const node *n = whole->blocks[b];
		if (a->src_start < n->src_start || a->src_start >= n->src_end)
			continue;
		size_t byte = 0;
		if (n->len == a->len &&
		    !memcmp(whole->plain + n->off, part->plain + a->off, a->len))
			byte = p.byte;
		return (doc_pos){ b, byte };
	}
	return (doc_pos){ 0, 0 };
}

static void draw(ui *u);

/* The whole document, ready: it replaces the beginning at the same
 * text; then the notes panel is made on it, after the text pane. */
static int
take_whole(ui *u)
{
	doc *w = doc_open_finish(u->rest);
	u->rest = NULL;
	doc_pos at = map_pos(u->d, w, u->pos);
	/* What the clean-up of the file said is about the whole too. */
	char *notices = u->notices, *report = u->report;
	u->notices = NULL;
	u->report = NULL;
	int flags = ui_set_document(u, w, at);
	u->notices = notices;
	u->report = report;
	u->whole = w;
	if (u->npanes < UI_MAX_PANES) {	/* (as add_pane: else no notes) */
		pane *n = notes_panel_new(u, u->notes_db);
		u->notes = n;
		size_t at_text = 0;
		while (at_text < u->npanes && u->panes[at_text] != u->text)
			at_text++;
		memmove(u->panes + at_text + 2, u->panes + at_text + 1,
			(u->npanes - at_text - 1) * sizeof *u->panes);
		u->panes[at_text + 1] = n;
		u->npanes++;
	}
	return flags;
}

/* While only the beginning is read (u->rest): waits for the whole with a
 * line that says so (drawn here: the loop is waiting, no action runs)
 * and makes it u->d, keeping the reading position. Returns flags. */
static int
wait_whole(ui *u)
{
	if (!u->rest)
		return UI_NONE;
	if (!doc_open_ready(u->rest)) {
		char keep[sizeof u->msg];
		theme_role keep_role = u->msg_role;
		memcpy(keep, u->msg, sizeof keep);
		ui_message(u, ROLE_MESSAGE, "Reading the whole document…");
		draw(u);
		doc_open_start(u->rest);
		while (!doc_open_ready(u->rest) && !got_signal)
			napms(20);
		memcpy(u->msg, keep, sizeof keep);
		u->msg_role = keep_role;
		if (got_signal)
			return UI_DRAW;
	}
	return take_whole(u);
}

/* Can key be done on the beginning alone? Scrolling can, up to the
 * screenful before the cut; so can help and quitting. */
static int
partial_ok(ui *u, int key)
{
	if (u->overlay == u->help && u->help)
		return 1;
	if (u->overlay || u->prompt || u->focus != u->text)
		return 0;
	int act = keys_lookup(u, key);
	switch (act) {
	case ACT_QUIT: case ACT_HELP: case ACT_REDRAW: case ACT_CANCEL:
	case ACT_TOGGLE_NUMBERS: case ACT_TOP:
	case ACT_LINE_UP: case ACT_PAGE_UP: case ACT_HALF_UP: case ACT_PREV_BLOCK:
		return 1;
	case ACT_LINE_DOWN: case ACT_PAGE_DOWN: case ACT_HALF_DOWN:
	case ACT_NEXT_BLOCK: {
		/* The bottom of the screen after a move of up to a
		 * screenful, and a screenful more (a next block). */
		layout_addr a = u->top;
		layout_step(u->lo, &a, 3L * ui_text_rows(u));
		return a.block < u->near_cut;
	}
	default:
		return 0;
	}
}

/* Builds the layout for the text width, keeping the reading position. */
static void
relayout(ui *u, int text_cols)
{
	int lw = text_cols;
	if (u->measure_cols > 0 && u->measure_cols < lw)
		lw = u->measure_cols;
	if (lw < 10)
		lw = 10;
	if (!u->lo || lw != u->lo_width) {
		layout_free(u->lo);
		u->lo = layout_new(u->d, lw);
		u->lo_width = lw;
	}
	if (u->d->nblocks)
		u->top = layout_addr_of(u->lo, u->pos);
}

static void
unplace(pane *p)
{
	if (p->panel)
		del_panel(p->panel);
	if (p->win)
		delwin(p->win);
	p->panel = NULL;
	p->win = NULL;
	p->placed = 0;
}

static void
put(pane *p, int y, int x, int h, int w)
{
	p->y = y;
	p->x = x;
	p->h = h;
	p->w = w;
	p->placed = h > 0 && w > 0;
}

/* The outline's width beside the text, or 0 when it does not fit there:
 * the configured width (or, by default, one that grows with the terminal),
 * never more than half the screen, narrowed down to UI_OUTLINE_MIN_COLS
 * rather than hidden when the text would keep fewer than UI_TEXT_MIN_COLS
 * columns. right: the columns the notes panel takes. */
static int
outline_cols(const ui *u, int right)
{
	int w = u->outline->want_cols;
	if (u->outline_auto) {
		w = u->cols / 4 + UI_OUTLINE_AUTO_ADD;
		if (w < UI_OUTLINE_MIN_COLS)
			w = UI_OUTLINE_MIN_COLS;
		if (w > UI_OUTLINE_MAX_COLS)
			w = UI_OUTLINE_MAX_COLS;
	}
	if (w > u->cols / 2)
		w = u->cols / 2;
	int room = u->cols - right - UI_TEXT_MIN_COLS;
	if (w > room) {
		int least = w < UI_OUTLINE_MIN_COLS ? w : UI_OUTLINE_MIN_COLS;
		w = room >= least ? room : 0;
	}
	return w;
}

/* The least the outline keeps beside the text when the notes panel wants
 * its room: UI_OUTLINE_MIN_COLS, or less when its own width is less; 0
 * when it is hidden. */
static int
outline_least(const ui *u)
{
	int least = u->outline && u->outline->shown ? outline_cols(u, 0) : 0;
	return least > UI_OUTLINE_MIN_COLS ? UI_OUTLINE_MIN_COLS : least;
}

int
ui_notes_room(const ui *u)
{
	return u->cols - outline_least(u);
}

/* A right-hand pane's place (the notes panel): its reserve hook decides
 * within the columns it is given: the whole screen while the pane has the
 * focus or the outline has room beside both; else the screen less the
 * least outline (ui_notes_room), so that the outline, the way into the
 * document's structure, keeps its place beside the text; the pane then
 * waits (u->notes_yield) until it has the focus, when it takes the
 * outline's place. (notes_panel_reveal() gives it the focus when it is
 * shown with s and would wait.) Returns the columns it takes on the
 * right. */
static int
reserve_right(ui *u, pane *n, int main_h)
{
	int right = n->ops->reserve(n, u, main_h, u->cols);
	/* (An outline opened over the text takes its place beside it
	 * again when that is only the pane's room.) */
	int least = outline_least(u);
	if (right <= 0 || least <= 0 || u->focus == n || n->covers ||
	    outline_cols(u, right) > 0)
		return right;	/* no conflict, or the pane has the focus */
	n->placed = 0;	/* the hook sets it only where the pane goes */
	right = n->ops->reserve(n, u, main_h, ui_notes_room(u));
	u->notes_yield = n->shown && !n->placed && !n->covers;
	return right;
}

static void
place(ui *u)
{
	for (size_t i = 0; i < u->npanes; i++)
		unplace(u->panes[i]);
	if (u->tiny_panel)
		del_panel(u->tiny_panel);
	if (u->tiny)
		delwin(u->tiny);
	u->tiny = NULL;
	u->tiny_panel = NULL;

	/* curses grows a window that touches the screen's right and bottom
	 * edges with the screen: the 1x1 key window did at a 1x1 screen, and
	 * reading a key then refreshed it, blank, over everything. */
	wresize(u->input, 1, 1);
	untouchwin(u->input);

	getmaxyx(stdscr, u->rows, u->cols);
	u->too_small = u->rows < UI_MIN_ROWS || u->cols < UI_MIN_COLS;
	if (u->too_small) {
		u->tiny = newwin(u->rows, u->cols, 0, 0);
		if (u->tiny)
			u->tiny_panel = new_panel(u->tiny);
		return;
	}

	int main_h = u->rows - 2, left = 0, right = 0, covered = 0;
	/* The panes below the text (references, library), then those on its
	 * right (notes), within the room the outline leaves them. */
	for (size_t i = 0; i < u->npanes; i++) {
		pane *p = u->panes[i];
		p->covers = 0;
		if (p->side == PANE_BOTTOM && p->ops->reserve)
			main_h -= p->ops->reserve(p, u, main_h, u->cols);
	}
	int was_yielding = u->notes_yield;
	u->notes_yield = 0;
	for (size_t i = 0; i < u->npanes; i++) {
		pane *p = u->panes[i];
		if (p->side == PANE_RIGHT && p->ops->reserve)
			right += reserve_right(u, p, main_h);
		covered |= p->covers;
	}
	pane *o = u->outline;
	u->outline_squeezed = 0;
	if (o->shown) {
		int w = outline_cols(u, right);
		if (w > 0) {
			u->outline_full = 0;	/* it fits now */
			put(o, 0, 0, main_h, w);
			left = w;
		} else {
			u->outline_squeezed = 1;
			if (u->outline_full)
				put(o, 0, 0, main_h, u->cols);
		}
	} else {
		u->outline_full = 0;
	}
	if (!u->outline_full && !covered)
		put(u->text, 0, left, main_h, u->cols - left - right);
	put(u->status, u->rows - 2, 0, 2, u->cols);
	if (u->help->shown) {
		/* Over the panes, not the status rows; the whole width when
		 * the screen is not much wider than the help. */
		int w = help_cols(u);
		if (w > u->cols - 4)
			w = u->cols;
		int h = help_lines(u, w - 4) + 2;
		if (h > u->rows - 2)
			h = u->rows - 2;
		put(u->help, (u->rows - 2 - h) / 2, (u->cols - w) / 2, h, w);
	}
	/* Boxes that size themselves (popup.c). */
	for (size_t i = 0; i < u->npanes; i++) {
		pane *p = u->panes[i];
		if (p->side == PANE_OVERLAY && p->ops->reserve)
			p->ops->reserve(p, u, u->rows - 2, u->cols);
	}
	if (u->focus && !u->focus->placed)
		u->focus = u->text;
	/* Said when the panel starts to wait, not each time the focus
	 * leaves it, nor over a message that says more ("Note saved (s
	 * shows the notes)", an error). */
	int left_notes = on_right(u->placed_focus);
	u->placed_focus = u->focus;
	if (u->notes_yield && !was_yielding && !left_notes && !u->msg[0]) {
		char m[160];
		keys_expand(u, "No room for the notes beside the outline: {toggle-notes} "
			    "shows them, {toggle-outline} hides the outline", m, sizeof m);
		ui_message(u, ROLE_MESSAGE, "%s", m);
	}

	/* Windows in drawing order, so the panel stack matches it. */
	for (size_t i = 0; i < u->npanes; i++) {
		pane *p = u->panes[i];
		if (!p->placed)
			continue;
		p->win = newwin(p->h, p->w, p->y, p->x);
		if (!p->win) {
			p->placed = 0;
			continue;
		}
		p->panel = new_panel(p->win);
	}
	relayout(u, u->text->placed ? u->text->w : u->cols - left);
	for (size_t i = 0; i < u->npanes; i++)
		if (u->panes[i]->placed && u->panes[i]->ops->place)
			u->panes[i]->ops->place(u->panes[i], u);
}

static void
draw_tiny(ui *u)
{
	WINDOW *w = u->tiny;
	if (!w)
		return;
	werase(w);
	char size[64];
	snprintf(size, sizeof size, "%dx%d, needs %dx%d", u->cols, u->rows,
		 UI_MIN_COLS, UI_MIN_ROWS);
	const char *lines[] = { "Terminal too small", size, "q quits" };
	int n = (int)ARRAY_LEN(lines);
	int y0 = (u->rows - n) / 2;
	if (y0 < 0)
		y0 = 0;
	for (int i = 0; i < n && y0 + i < u->rows; i++) {
		int cw = text_width(lines[i], strlen(lines[i]));
		int x = (u->cols - cw) / 2;
		if (x < 0)
			x = 0;
		/* Not the last cell of the screen. */
		int room = u->cols - x - (y0 + i == u->rows - 1);
		draw_str(w, y0 + i, x, lines[i], strlen(lines[i]), room,
			 i ? A_NORMAL : A_BOLD);
	}
}

static void
draw(ui *u)
{
	if (u->too_small) {
		draw_tiny(u);
	} else {
		for (size_t i = 0; i < u->npanes; i++) {
			pane *p = u->panes[i];
			if (p->placed && p->win)
				p->ops->draw(p, u);
		}
	}
	update_panels();
	doupdate();
}

/* A mouse button at screen cell (y, x) to the pane under it (the overlay
 * takes them all). */
static int
mouse_at(ui *u, int y, int x, int button)
{
	if (!button || u->too_small)
		return UI_NONE;
	if (u->overlay) {
		pane *p = u->overlay;
		return p->ops->mouse ? p->ops->mouse(p, u, y - p->y, x - p->x, button)
			: UI_NONE;
	}
	for (size_t i = u->npanes; i-- > 0;) {
		pane *p = u->panes[i];
		if (p->placed && p->win && wenclose(p->win, y, x)) {
			if (!p->ops->mouse)
				return UI_NONE;
			return p->ops->mouse(p, u, y - p->y, x - p->x, button);
		}
	}
	return UI_NONE;
}

static int
on_mouse(ui *u)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || u->too_small)
		return UI_NONE;
	int button = 0;
	if (ev.bstate & BUTTON4_PRESSED)
		button = UI_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		button = UI_MOUSE_WHEEL_DOWN;
#endif
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		button = UI_MOUSE_CLICK;
	return mouse_at(u, ev.y, ev.x, button);
}

/* SGR 1006 mouse reports ("ESC [ < b ; x ; y M", m on release) carry any
 * column, where X10's one byte stops at 223. A terminal description that
 * declares them (kmous = ESC [ <, as xterm's) has curses decode them; for
 * the others (tmux, screen: kmous = ESC [ M) the reader asks the terminal
 * for them itself (sgr_mouse_on) and reads them here: curses hands over
 * an unknown sequence as ESC and then its bytes. */
static int sgr_own;	/* we turned SGR reporting on */

static void
sgr_mouse_on(void)
{
	char *k = tigetstr("kmous");
	if (k && k != (char *)-1 && !strcmp(k, "\033[<"))
		return;	/* curses does it */
	sgr_own = 1;
	putp("\033[?1006h");
	fflush(stdout);
}

static void
sgr_mouse_off(void)
{
	if (!sgr_own)
		return;
	putp("\033[?1006l");
	fflush(stdout);
	sgr_own = 0;
}

void
ui_mouse_again(void)
{
	if (!sgr_own)
		return;
	putp("\033[?1006h");	/* a program run meanwhile may have reset it */
	fflush(stdout);
}

/* After an ESC key: the rest of an SGR report, if one follows (already
 * in the input: a terminal sends it at once). Returns 1 with the event
 * decoded, else 0 with what was read given back. */
static int
sgr_read(ui *u, int *y, int *x, int *button)
{
	wint_t got[24];
	int n = 0, r, v[3] = { 0, 0, 0 }, field = 0, ok = 0, final = 0;
	wtimeout(u->input, 0);
	while (n < (int)ARRAY_LEN(got)) {
		wint_t ch;
		r = wget_wch(u->input, &ch);
		if (r != OK)
			break;
		got[n++] = ch;
		if (n == 1 && ch != '[')
			break;
		if (n == 2 && ch != '<')
			break;
		if (n <= 2)
			continue;
		if (ch >= '0' && ch <= '9' && v[field] < 100000) {
			v[field] = v[field] * 10 + (int)(ch - '0');
		} else if (ch == ';' && field < 2) {
			field++;
		} else {
			ok = (ch == 'M' || ch == 'm') && field == 2;
			final = (int)ch;
			break;
		}
	}
	wtimeout(u->input, -1);
	if (!ok) {
		while (n > 0)
			unget_wch(got[--n]);
		return 0;
	}
	*x = v[1] - 1;
	*y = v[2] - 1;
	*button = 0;
	if (v[0] & 32)
		return 1;	/* motion */
	if (v[0] & 64)
		*button = (v[0] & 1) ? UI_MOUSE_WHEEL_DOWN : UI_MOUSE_WHEEL_UP;
	else if ((v[0] & 3) == 0 && final == 'M')
		*button = UI_MOUSE_CLICK;	/* a press of the first button */
	return 1;
}

/* wait_whole, then the panes placed on the whole and following it, for an
 * input that acts on them at once. */
static int
whole_now(ui *u)
{
	int f = wait_whole(u);
	if (got_signal || f == UI_NONE)
		return f;
	if (f & UI_GEOMETRY)
		place(u);
	for (size_t i = 0; i < u->npanes; i++)
		if (u->panes[i]->ops->follow)
			u->panes[i]->ops->follow(u->panes[i], u);
	/* Placed: placing again would take the top from u->pos, which
	 * the input may set from the top (the last screenful). */
	return f & ~UI_GEOMETRY;
}

static int
on_key(ui *u, int key)
{
	if (u->rest && !u->too_small && !partial_ok(u, key)) {
		int f = whole_now(u);
		return got_signal ? f : f | on_key(u, key);
	}
	if (u->too_small) {
		/* q quits, unless something open (an editor, a prompt) would
		 * be lost unseen. */
		int busy = u->prompt || (u->overlay && u->overlay != u->help &&
					   u->overlay != u->popup);
		if ((key == 'q' || key == 'Q') && !busy)
			return UI_QUIT;
		return UI_NONE;
	}
	if (u->prompt)
		return prompt_key(u, key);
	if (u->overlay)
		return u->overlay->ops->key(u->overlay, u, key);
	u->msg[0] = '\0';
	pane *f = u->focus;
	if (f->ops->key) {
		int r = f->ops->key(f, u, key);
		if (r != UI_PASS)
			return r;
	}
	int act = keys_lookup(u, key);
	if (act < 0) {
		char name[32], k[32];
		keys_name(key, name, sizeof name);
		ui_message(u, ROLE_MESSAGE, "%s: no action (%s shows the keys)", name,
			   keys_first(u, ACT_HELP, k, sizeof k));
		return UI_DRAW;
	}
	return actions_run(u, act);
}

static void
add_pane(ui *u, pane *p)
{
	if (u->npanes < UI_MAX_PANES)
		u->panes[u->npanes++] = p;
}

int
ui_add_pane(ui *u, pane *p)
{
	if (u->npanes >= UI_MAX_PANES)
		return -1;
	add_pane(u, p);
	return 0;
}

/* Puts p where old was in the drawing order and frees old. */
static void
replace_pane(ui *u, pane *old, pane *p)
{
	for (size_t i = 0; i < u->npanes; i++)
		if (u->panes[i] == old)
			u->panes[i] = p;
	if (u->focus == old)
		u->focus = p->focusable ? p : u->text;
	unplace(old);
	old->ops->free(old);
	free(old);
}

int
ui_set_document(ui *u, doc *d, doc_pos pos)
{
	u->d = d;
	layout_free(u->lo);
	u->lo = NULL;
	u->lo_width = 0;
	if (pos.block >= d->nblocks)
		pos = (doc_pos){ 0, 0 };
	u->pos = pos;
	u->top = (layout_addr){ pos.block, 0 };
	u->outline_full = 0;
	free(u->notices);	/* about the document before */
	u->notices = NULL;
	free(u->report);
	u->report = NULL;
	/* The panes that hold a view of the document are made afresh; the
	 * outline keeps the user's choice of shown or hidden. */
	pane *o = u->outline;
	u->outline = pane_outline_new(u);
	u->outline->shown = o->shown && u->outline->shown;
	replace_pane(u, o, u->outline);
	ui_notify(u, UI_EVENT_DOC_CHANGED);	/* notes, references, search */
	return UI_GEOMETRY | UI_MOVED | UI_DRAW;
}

/* Loads the theme; on failure the built-in default is used and *msg says
 * why. Colour is off for NO_COLOR, --no-color and colourless terminals. */
static void
setup_colors(ui *u, const ui_options *opt, char *msg, size_t size)
{
	theme th;
	const char *nc = getenv("NO_COLOR");
	int color = has_colors() && !opt->no_color && !(nc && *nc);
	if (!color) {
		theme_mono(&th);
	} else {
		const char *name = opt->theme ? opt->theme
			: opt->cfg && opt->cfg->theme ? opt->cfg->theme : "default";
		char *err = NULL;
		if (theme_load(&th, name, &err) < 0) {
			snprintf(msg, size, "theme: %s", err ? err : name);
			free(err);
		}
	}
	draw_colors(u, &th, color);
	theme_clear(&th);
}

/* "lectern: BEFORE<s>AFTER" on stderr, s (config content, $TERM: bytes
 * the user or the environment chose) in its visible form (text.h), so that
 * no escape sequence of theirs reaches the terminal. */
static void
say_visible(const char *before, const char *s, const char *after)
{
	char *v = text_visible_dup(s ? s : "", s ? strlen(s) : 0, NULL);
	fprintf(stderr, "lectern: %s%s%s\n", before, v, after);
	free(v);
}

/* Terminal checks that give a clear message instead of curses' exit. */
static FILE *
open_input(void)
{
	if (!isatty(STDOUT_FILENO)) {
		fputs("lectern: standard output is not a terminal "
		      "(--dump prints the text)\n", stderr);
		return NULL;
	}
	const char *term = getenv("TERM");
	if (!term || !*term) {
		fputs("lectern: TERM is not set: cannot use the terminal\n", stderr);
		return NULL;
	}
	if (isatty(STDIN_FILENO))
		return stdin;
	/* The document came on standard input: keys come from the terminal. */
	FILE *in = fopen("/dev/tty", "r");
	if (!in)
		fprintf(stderr, "lectern: cannot open /dev/tty for keys: %s\n",
			strerror(errno));
	return in;
}

/* The text measure and whether the outline's width is the user's. */
static void
setup_widths(ui *u, const config *cfg)
{
	u->measure_cols = cfg ? cfg->text_cols : UI_TEXT_MAX_COLS;
	/* auto, or 0 (hidden at start: auto when shown) */
	u->outline_auto = !cfg || cfg->outline_cols <= 0;
}

/* The reader on d, or (paths != NULL) on the library of paths. */
static int
run(doc *d, const ui_options *opt, const char *const *paths, size_t npaths)
{
	ui U;
	ui *u = &U;
	memset(u, 0, sizeof *u);
	u->d = d;
	u->cfg = opt->cfg;
	u->show_numbers = opt->cfg ? opt->cfg->show_numbers : 1;
	setup_widths(u, opt->cfg);
	u->notes_db = opt->notes_db;
	refs_ui_new(u);
	/* The bindings first: the library's messages name their keys. */
	char *err = NULL;
	if (keys_setup(u, opt->cfg, &err) < 0) {
		say_visible("", err, "");	/* quotes config.ini */
		free(err);
		free(u->bind);
		refs_ui_free(u);
		return EXIT_DATA;
	}
	if (paths && library_ui_prepare(u, paths, npaths, opt->library_db, opt->lang) < 0) {
		free(u->bind);
		refs_ui_free(u);
		return EXIT_DATA;
	}
	FILE *in = open_input();
	if (!in) {
		free(u->bind);
		refs_ui_free(u);
		return EXIT_TERMINAL;
	}
	SCREEN *scr = newterm(NULL, stdout, in);
	if (!scr) {
		say_visible("cannot use terminal type '", getenv("TERM"), "'");
		if (in != stdin)
			fclose(in);
		free(u->bind);
		refs_ui_free(u);
		return EXIT_TERMINAL;
	}
	set_term(scr);
	/* A terminal that cannot move its cursor (dumb, a printer) would get
	 * a scroll of garbage. */
	char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		endwin();
		delscreen(scr);
		say_visible("terminal type '", getenv("TERM"),
			    "' cannot address the cursor (--dump prints the text)");
		if (in != stdin)
			fclose(in);
		free(u->bind);
		refs_ui_free(u);
		return EXIT_TERMINAL;
	}
	/* raw() first: it turns off flow control (IXON), so C-s is a key
	 * instead of freezing the terminal until C-q; cbreak() then gives
	 * back the signal keys (C-c, C-z) and leaves IXON off. curses keeps
	 * this as the program's mode: endwin() and a suspend restore the
	 * shell's, a resume this one. */
	raw();
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	if (!getenv("ESCDELAY"))	/* the user's value wins */
		set_escdelay(25);
	install_signals();

	char theme_msg[256] = "";
	setup_colors(u, opt, theme_msg, sizeof theme_msg);
	if (!opt->cfg || opt->cfg->mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
			  , NULL);
		mouseinterval(0);
		sgr_mouse_on();
	}
	/* Keys are read on a window that is never drawn, so reading never
	 * refreshes anything over the panels. */
	u->input = newwin(1, 1, 0, 0);
	keypad(u->input, TRUE);
	untouchwin(u->input);

	u->outline = pane_outline_new(u);
	u->text = pane_text_new(u);
	u->status = status_new(u);
	u->help = help_new(u);
	u->popup = popup_new(u);
	if (opt->notice) {	/* a library's first document may have set one */
		free(u->report);
		u->report = xstrdup(opt->notice);
	}
	u->rest = opt->rest;
	u->notes_db = opt->notes_db;
	if (u->rest)	/* made on the whole (take_whole) */
		u->near_cut = near_cut(u->d, doc_open_cut(u->rest));
	else
		u->notes = notes_panel_new(u, opt->notes_db);
	u->editor = editor_new(u);
	add_pane(u, u->outline);
	add_pane(u, u->text);
	if (u->notes)
		add_pane(u, u->notes);
	add_pane(u, refs_ui_refs_pane(u));
	add_pane(u, library_ui_pane(u));
	add_pane(u, u->status);
	add_pane(u, u->help);
	add_pane(u, u->popup);
	add_pane(u, u->editor);
	pane *view = opt->view ? opt->view(u, opt->view_arg) : NULL;
	if (view)	/* --compare, --parallel */
		add_pane(u, view);
	u->focus = u->text;
	if (theme_msg[0])
		ui_notice(u, theme_msg);	/* the notes' complaint waits */
	/* What the source's clean-up changed: first, before the theme's or
	 * the notes' complaint (which then waits its turn). */
	ui_notice(u, opt->notice);

	int flags = UI_GEOMETRY | UI_MOVED | UI_DRAW, errors = 0, lost = 0;
	for (;;) {
		/* A pane on the right (notes) takes the outline's place while
		 * it has the focus (reserve_right): a focus to or from it
		 * places again. */
		if (u->focus != u->placed_focus &&
		    (on_right(u->focus) || on_right(u->placed_focus)))
			flags |= UI_GEOMETRY | UI_DRAW;
		/* What panes derive from storage, before anything uses it. */
		if (flags && !u->too_small)
			for (size_t i = 0; i < u->npanes; i++)
				if (u->panes[i]->ops->recalc)
					u->panes[i]->ops->recalc(u->panes[i], u);
		if (u->rest && doc_open_ready(u->rest))
			flags |= take_whole(u);
		if (flags & UI_GEOMETRY)
			place(u);
		if ((flags & (UI_MOVED | UI_GEOMETRY)) && !u->too_small)
			for (size_t i = 0; i < u->npanes; i++)
				if (u->panes[i]->ops->follow)
					u->panes[i]->ops->follow(u->panes[i], u);
		if (flags)
			draw(u);
		if ((flags & UI_QUIT) || got_signal)
			break;
		flags = UI_NONE;
		wint_t ch;
		/* While the whole is parsed, a read waits a while only. */
		wtimeout(u->input, u->rest ? 50 : -1);
		int r = wget_wch(u->input, &ch);
		/* The parse of the whole begins after the first frame and a
		 * pause (a read that timed out, or the first key), which
		 * leaves the terminal the processor to show the frame. */
		if (u->rest)
			doc_open_start(u->rest);
		if (r == ERR) {
			if (got_signal)
				break;
			if (errno == EINTR || u->rest)
				continue;
			if (++errors >= MAX_READ_ERRORS) {
				lost = 1;
				break;
			}
			continue;
		}
		errors = 0;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			flags = UI_GEOMETRY | UI_DRAW;
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			flags = whole_now(u);	/* a click may go anywhere */
			flags |= on_mouse(u);
			continue;
		}
		int key = keys_from_curses(r, ch), my, mx, mb;
		if (key == UI_KEY_ESC && sgr_own && sgr_read(u, &my, &mx, &mb)) {
			flags = whole_now(u);
			flags |= mouse_at(u, my, mx, mb);
			continue;
		}
		flags = on_key(u, key);
		if (flags == UI_NONE && !u->too_small)
			flags = UI_DRAW;	/* a cleared message, at least */
		if (!u->msg[0] && u->notices && !u->prompt && !u->overlay) {
			notice_next(u);
			flags |= UI_DRAW;
		}
	}

	prompt_close(u);
	for (size_t i = 0; i < u->npanes; i++) {
		unplace(u->panes[i]);
		u->panes[i]->ops->free(u->panes[i]);
		free(u->panes[i]);
	}
	if (u->tiny_panel)
		del_panel(u->tiny_panel);
	if (u->tiny)
		delwin(u->tiny);
	delwin(u->input);
	sgr_mouse_off();
	endwin();
	delscreen(scr);
	if (in != stdin)
		fclose(in);
	layout_free(u->lo);
	free(u->bind);
	free(u->notices);
	free(u->report);
	refs_ui_free(u);
	/* Quit while the whole was parsed: the screen is the shell's again;
	 * the parse ends (it cannot be stopped midway) and is freed. */
	if (u->rest)
		doc_free(doc_open_finish(u->rest));
	doc_free(u->whole);
	if (lost) {
		fputs("lectern: lost the terminal\n", stderr);
		return EXIT_TERMINAL;
	}
	if (got_signal && got_signal != SIGINT)
		return 128 + got_signal;
	return 0;
}

int
ui_run(doc *d, const ui_options *opt)
{
	return run(d, opt, NULL, 0);
}

int
ui_run_library(const char *const *paths, size_t n, const ui_options *opt)
{
	return run(NULL, opt, paths, n);
}
