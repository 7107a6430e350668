/* pane_notes: the notes of the open document, on the right of the text, and
 * the note actions.
 *
 * The pane owns the store (notes_open_best: read-write, else read-only,
 * else none, with the reason shown once), the anchor view of the document
 * and the list of its notes from notes_list_doc, which re-attaches every
 * note (ok, moved, fuzzy with a score, orphan) and sorts them in reading
 * order, orphans last; notes_record_matches stores those statuses.
 *
 * Freshness: the list is read again whenever the database files (the
 * database and its WAL) changed since the last read, which is checked with
 * two stat() calls each time the panel or a note marker is drawn, that is
 * after every key. So a second lectern writing the same database shows up
 * at the next key, and nothing is read while nothing changed.
 *
 * Entries: a header row (citation in the document's language, or for an
 * orphan its quote: an old citation would name another clause; status on
 * the right), the quoted words when the note is on part of a clause, up
 * to ENTRY_BODY_ROWS rows of the note, a blank row. The filter (tag,
 * text) applies to the panel only: markers in the text show every note.
 * The cursor follows the reading position (the first note at or after the
 * clause at the top); the notes of the clause at the top are marked '›'.
 * Enter or a click jumps to the note's clause through ui_jump.
 *
 * Placement: beside the text when the text keeps UI_TEXT_MIN_COLS of the
 * columns ui.c gives (notes_ui_reserve), else "squeezed" and opened over
 * the text on demand (s, or a filter). When the outline, the text and the
 * panel do not fit side by side, the outline keeps its place and the panel
 * waits for the focus (ui.c's reserve_notes; reveal() asks ui.c for the
 * room, ui_notes_room), when it takes the outline's place. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unictype.h>
#include <unistr.h>

#include "anchor.h"
#include "un/cite.h"
#include "notes.h"
#include "notes_export.h"
#include "search.h"
#include "text.h"
#include "ui/notes_ui.h"
#include "util.h"

#define ENTRY_BODY_ROWS 3
#define NOTES_MIN_COLS 24	/* narrower than this the panel is useless */

typedef struct sig {
	long long mtime_ns[2];
	long long size[2];
	long long ino[2];
} sig;

typedef struct notes_ui {
	notes_store *s;		/* NULL: no store */
	char *why;		/* why read-only or unavailable, else NULL */
	anchor_doc *ad;
	note_list all;		/* every note of the document, reading order */
	char **cites;		/* all.n citations */
	size_t *blk;		/* all.n blocks, (size_t)-1 for orphans */
	size_t *vis;		/* indexes into all.v passing the filter */
	size_t nvis;
	unsigned *marks;	/* notes per block (d->nblocks) */
	char *f_tag, *f_text;	/* the filter, NULL = none */
	size_t cursor;		/* in vis */
	size_t scroll;		/* first vis entry shown */
	size_t current_block;	/* block at the top of the text */
	int full;		/* over the text */
	int squeezed;
	int fresh;		/* list read at least once */
	sig last;
	long long last_deleted;
	long long del_id;	/* the note a delete question is about */
	long long want_id;	/* put the cursor on this note after a read */
	/* what the editor is working on */
	long long edit_id;	/* 0: a new note on [new_start, new_end) */
	size_t new_start, new_end;
	char *err_shown;	/* the last list error shown */
	search *search;		/* for notes on typed words; made on first use */
	/* A selection being made (v): plain bytes [sel_start, sel_end) of
	 * block sel_block; while it is, the pane takes every key. */
	int selecting;
	size_t sel_block, sel_start, sel_end;
	char hint[96];		/* notes_ui_hint's answer */
} notes_ui;

static notes_ui *
priv(const ui *u)
{
	return u->notes ? u->notes->priv : NULL;
}

/* --- the list ------------------------------------------------------------ */

#define ORPHAN_CITE_COLS 40	/* an orphan is named by its quote, cut */

/* “the quote”, on one line, cut after a word to ORPHAN_CITE_COLS columns
 * with '…' (a question about it keeps its "(y/n)" on the line). */
static char *
orphan_cite(const char *exact)
{
	return notes_quote_line(exact, ORPHAN_CITE_COLS - 2);
}

static void
take_sig(notes_ui *n, sig *out)
{
	memset(out, 0, sizeof *out);
	if (!n->s)
		return;
	const char *path = notes_path(n->s);
	char *wal = xasprintf("%s-wal", path);
	const char *f[2] = { path, wal };
	for (int i = 0; i < 2; i++) {
		struct stat st;
		if (stat(f[i], &st) == 0) {
			out->mtime_ns[i] = (long long)st.st_mtim.tv_sec * 1000000000LL +
				st.st_mtim.tv_nsec;
			out->size[i] = (long long)st.st_size;
			out->ino[i] = (long long)st.st_ino;
		}
	}
	free(wal);
}

static int
tag_is(const note *nt, const char *tag)
{
	for (size_t i = 0; i < nt->ntags; i++)
		if (!strcmp(nt->tags[i], tag))
			return 1;
	return 0;
}

/* A tag of the note, or a #word of its body (notes made elsewhere may
 * carry #words that were never stored as tags). */
static int
has_tag(const note *nt, const char *tag)
{
	return tag_is(nt, tag) ||
	       (nt->body && notes_has_hashtag(nt->body, strlen(nt->body), tag));
}

static int
passes(const notes_ui *n, const note *nt)
{
	if (n->f_tag && *n->f_tag && !has_tag(nt, n->f_tag))
		return 0;
	if (n->f_text && *n->f_text) {
		int hit = notes_text_matches(nt->body, n->f_text) ||
			  notes_text_matches(nt->a.exact, n->f_text);
		for (size_t i = 0; !hit && i < nt->ntags; i++)
			hit = notes_text_matches(nt->tags[i], n->f_text);
		return hit;
	}
	return 1;
}

/* The vis index of the note with id, or nvis. */
static size_t
vis_of_id(const notes_ui *n, long long id)
{
	for (size_t k = 0; k < n->nvis; k++)
		if (n->all.v[n->vis[k]].id == id)
			return k;
	return n->nvis;
}

static void
refilter(notes_ui *n)
{
	long long keep = n->want_id;
	if (!keep && n->cursor < n->nvis)
		keep = n->all.v[n->vis[n->cursor]].id;
	n->nvis = 0;
	for (size_t i = 0; i < n->all.n; i++)
		if (passes(n, &n->all.v[i]))
			n->vis[n->nvis++] = i;
	size_t k = keep ? vis_of_id(n, keep) : n->nvis;
	if (k < n->nvis)
		n->cursor = k;
	else if (n->cursor >= n->nvis)
		n->cursor = n->nvis ? n->nvis - 1 : 0;
	n->want_id = 0;
}

static void
free_list(notes_ui *n)
{
	for (size_t i = 0; i < n->all.n; i++)
		free(n->cites[i]);
	free(n->cites);
	free(n->blk);
	free(n->vis);
	n->cites = NULL;
	n->blk = NULL;
	n->vis = NULL;
	n->nvis = 0;
	note_list_free(&n->all);
	memset(&n->all, 0, sizeof n->all);
}

/* Reads the list again (when the files changed or force). */
static void
sync_list(ui *u, notes_ui *n, int force)
{
	if (!n->s)
		return;
	sig now;
	take_sig(n, &now);
	if (!force && n->fresh && !memcmp(&now, &n->last, sizeof now))
		return;
	long long keep = n->want_id;
	if (!keep && n->cursor < n->nvis)
		keep = n->all.v[n->vis[n->cursor]].id;
	free_list(n);
	char *err = NULL;
	if (notes_list_doc(n->s, n->ad, NULL, &n->all, &err) < 0) {
		if (!n->err_shown || strcmp(n->err_shown, err ? err : "")) {
			ui_message(u, ROLE_ERROR, "notes: %s", err ? err : "cannot read");
			free(n->err_shown);
			n->err_shown = xstrdup(err ? err : "");
		}
		free(err);
	} else if (!notes_is_readonly(n->s) && n->all.n) {
		/* Statuses are kept; a failure here (busy) is harmless: the
		 * next read records them. */
		notes_record_matches(n->s, &n->all, NULL);
	}
	take_sig(n, &n->last);
	n->fresh = 1;

	const doc *d = u->d;
	memset(n->marks, 0, d->nblocks * sizeof *n->marks);
	n->cites = xcalloc(n->all.n + 1, sizeof *n->cites);
	n->blk = xcalloc(n->all.n + 1, sizeof *n->blk);
	n->vis = xcalloc(n->all.n + 1, sizeof *n->vis);
	for (size_t i = 0; i < n->all.n; i++) {
		const note *nt = &n->all.v[i];
		const node *nd = nt->match.status != ANCHOR_ORPHAN ? nt->match.node : NULL;
		n->blk[i] = nd && nd->block < d->nblocks ? nd->block : (size_t)-1;
		if (n->blk[i] != (size_t)-1)
			n->marks[n->blk[i]]++;
		/* An orphan's old citation or path would name whatever
		 * clause has that number now: its quote says what it was. */
		n->cites[i] = nd ? notes_cite(d, nd) : orphan_cite(nt->a.exact);
	}
	n->want_id = keep;
	refilter(n);
}

/* --- drawing ------------------------------------------------------------- */

static int
is_whole_clause(const note *nt)
{
	const node *nd = nt->match.node;
	return nd && nt->match.status != ANCHOR_ORPHAN &&
	       nt->match.start_byte <= nd->off &&
	       nt->match.end_byte >= nd->off + nd->len;
}

static void
status_text(const note *nt, char *out, size_t size)
{
	if (nt->match.status == ANCHOR_FUZZY)
		snprintf(out, size, "fuzzy %.2f", nt->match.score);
	else
		snprintf(out, size, "%s", anchor_status_name(nt->match.status));
}

/* Draws (when draw) or measures entry k of vis at row y, cols [x, x+w);
 * returns its rows, separator included. */
static int
entry(pane *p, ui *u, notes_ui *n, size_t k, int y, int x, int w, int draw)
{
	const note *nt = &n->all.v[n->vis[k]];
	size_t i = n->vis[k];
	int focused = u->focus == p;
	int sel = focused && k == n->cursor;
	int cur = n->blk[i] != (size_t)-1 && n->blk[i] == n->current_block;
	int rows = 0, maxy = p->h;
	attr_t base = draw_attr(u, sel ? ROLE_SELECTION : ROLE_NOTE_TEXT);
	attr_t head = sel ? base : draw_attr(u, cur ? ROLE_OUTLINE_CURRENT : ROLE_HEADING);
	attr_t dim = sel ? base : draw_attr(u, ROLE_DIM);

	/* Header: citation … status. */
	if (draw && y < maxy) {
		if (sel)
			draw_fill(p->win, y, x - 1, w + 1, base);
		if (cur)
			draw_str(p->win, y, x - 1, "\xe2\x80\xba", 3, 1, head);
		char st[32];
		status_text(nt, st, sizeof st);
		int sw = text_width(st, strlen(st));
		theme_role sr = nt->match.status == ANCHOR_ORPHAN ? ROLE_ERROR
			: nt->match.status == ANCHOR_OK ? ROLE_DIM : ROLE_MESSAGE;
		int room = w - sw - 1;
		if (room < 6) {
			room = w;
			sw = 0;
		}
		draw_str_ellipsis(p->win, y, x, n->cites[i], strlen(n->cites[i]), room,
				  head | A_BOLD);
		if (sw)
			draw_str(p->win, y, x + w - sw, st, strlen(st), sw,
				 sel ? base : draw_attr(u, sr));
	}
	rows++;
	/* The quoted words, for a note on part of a clause (an orphan's
	 * header is its quote). */
	if (!is_whole_clause(nt) && nt->match.status != ANCHOR_ORPHAN && nt->match.node) {
		if (draw && y + rows < maxy) {
			if (sel)
				draw_fill(p->win, y + rows, x - 1, w + 1, base);
			buf q;
			buf_init(&q);
			buf_adds(&q, "\xe2\x80\x9c");
			for (const char *c = nt->a.exact; c && *c; c++)
				buf_addc(&q, *c == '\n' ? ' ' : *c);
			buf_adds(&q, "\xe2\x80\x9d");
			draw_str_ellipsis(p->win, y + rows, x, q.s, q.len, w, dim);
			buf_free(&q);
		}
		rows++;
	}
	/* The note: its first rows. */
	const char *s = nt->body ? nt->body : "";
	size_t len = strlen(s), pos = 0;
	int body = 0;
	while (body < ENTRY_BODY_ROWS) {
		size_t r = editor_wrap(s + pos, len - pos, w);
		int more;
		size_t next = pos + r;
		if (next < len && s[next] == '\n')
			next++;
		more = next < len;
		if (draw && y + rows < maxy) {
			if (sel)
				draw_fill(p->win, y + rows, x - 1, w + 1, base);
			if (more && body == ENTRY_BODY_ROWS - 1) {
				/* The rest does not show: say so. */
				size_t cut = text_fit(s + pos, r, w - 1, NULL);
				while (cut && s[pos + cut - 1] == ' ')
					cut--;
				draw_str(p->win, y + rows, x, s + pos, cut, w - 1, base);
				draw_str(p->win, y + rows, x + text_width(s + pos, cut),
					 "\xe2\x80\xa6", 3, 1, base);
			} else {
				draw_str(p->win, y + rows, x, s + pos, r, w, base);
			}
		}
		rows++;
		body++;
		pos = next;
		if (!more)
			break;
	}
	return rows + 1;	/* the blank row between entries */
}

/* Beside the text the panel's first column is a blank gap (the text runs
 * to its pane's edge) and the second its border. */
static int
panel_x(const pane *p, const notes_ui *n, int *w)
{
	int x = n->full ? 1 : 3;
	*w = p->w - x - 1;
	return x;
}

/* Makes the cursor's entry visible (rows from 1). */
static void
show_cursor(pane *p, ui *u, notes_ui *n)
{
	if (n->cursor < n->scroll)
		n->scroll = n->cursor;
	int w, x = panel_x(p, n, &w);
	for (;;) {
		int y = 1;
		for (size_t k = n->scroll; k <= n->cursor && k < n->nvis; k++)
			y += entry(p, u, n, k, 0, x, w, 0);
		if (y - 1 <= p->h || n->scroll >= n->cursor)
			return;
		n->scroll++;
	}
}

static void
notes_draw(pane *p, ui *u)
{
	notes_ui *n = p->priv;
	sync_list(u, n, 0);
	int focused = u->focus == p;
	wbkgdset(p->win, ' ' | draw_attr(u, ROLE_NOTE_TEXT));
	werase(p->win);
	if (!n->full)
		mvwvline(p->win, 0, 1, ACS_VLINE | draw_attr(u, ROLE_BORDER), p->h);
	int w, x = panel_x(p, n, &w);
	if (w < 4)
		return;

	buf t;
	buf_init(&t);
	if (n->nvis == n->all.n)
		buf_printf(&t, "Notes (%zu)", n->all.n);
	else
		buf_printf(&t, "Notes %zu/%zu", n->nvis, n->all.n);
	if (n->f_tag && *n->f_tag)
		buf_printf(&t, " #%s", n->f_tag);
	if (n->f_text && *n->f_text)
		buf_printf(&t, " \xe2\x80\x9c%s\xe2\x80\x9d", n->f_text);
	if (!n->s)
		buf_adds(&t, " unavailable");
	else if (notes_is_readonly(n->s))
		buf_adds(&t, " read-only");
	draw_str_ellipsis(p->win, 0, x, t.s, t.len, w, draw_attr(u, ROLE_HEADING));
	buf_free(&t);

	if (!n->nvis) {
		char k[64];
		const char *lines[3];
		char l0[160];
		int nl = 0;
		if (n->all.n) {
			lines[nl++] = "No note matches the filter.";
			keys_of_action(u, ACT_CANCEL, k, sizeof k);
			snprintf(l0, sizeof l0, "%s clears it.", k[0] ? k : "Esc");
			lines[nl++] = l0;
		} else if (!n->s || notes_is_readonly(n->s)) {
			lines[nl++] = "No notes.";
			lines[nl++] = n->why ? n->why : "The store is read-only.";
		} else {
			lines[nl++] = "No notes on this document yet.";
			keys_of_action(u, ACT_NOTE_ADD, k, sizeof k);
			snprintf(l0, sizeof l0, "%s adds one on the clause at the top.",
				 k[0] ? k : "a");
			lines[nl++] = l0;
		}
		int y = 2;
		for (int i = 0; i < nl && y < p->h; i++) {
			const char *s = lines[i];
			size_t len = strlen(s), pos = 0;
			while (pos < len && y < p->h) {
				size_t r = editor_wrap(s + pos, len - pos, w);
				draw_str(p->win, y++, x, s + pos, r, w, draw_attr(u, ROLE_DIM));
				pos += r ? r : len;
			}
			y++;
		}
		return;
	}
	if (n->scroll >= n->nvis)
		n->scroll = n->nvis - 1;
	if (focused)
		show_cursor(p, u, n);
	int y = 1;
	for (size_t k = n->scroll; k < n->nvis && y < p->h; k++)
		y += entry(p, u, n, k, y, x, w, 1);
}

/* --- moving and jumping -------------------------------------------------- */

static const note *
cursor_note(const notes_ui *n)
{
	return n->cursor < n->nvis ? &n->all.v[n->vis[n->cursor]] : NULL;
}

static int
move_cursor(pane *p, ui *u, long delta)
{
	notes_ui *n = p->priv;
	if (!n->nvis)
		return UI_NONE;
	long c = (long)n->cursor + delta;
	if (c < 0)
		c = 0;
	if (c >= (long)n->nvis)
		c = (long)n->nvis - 1;
	n->cursor = (size_t)c;
	show_cursor(p, u, n);
	ui_message(u, ROLE_MESSAGE, "%s  (Enter: jump)", n->cites[n->vis[n->cursor]]);
	return UI_DRAW;
}

static int
jump_to(ui *u, notes_ui *n, size_t k)
{
	if (k >= n->nvis)
		return UI_NONE;
	n->cursor = k;
	const note *nt = &n->all.v[n->vis[k]];
	size_t i = n->vis[k];
	const doc *d = u->d;
	if (n->blk[i] == (size_t)-1) {
		/* An orphan: its words are gone; show where they were. */
		size_t b = doc_block_at(d, nt->match.start_byte);
		int f = ui_jump(u, (doc_pos){ b, 0 });
		ui_message(u, ROLE_ERROR, "Orphan: \"%s\" is no longer in the document",
			   nt->a.exact ? nt->a.exact : "");
		return f;
	}
	size_t b = n->blk[i];
	doc_pos at = { b, 0 };
	/* A note on words deep in a long clause: the line of the words. */
	size_t off = nt->match.start_byte - d->blocks[b]->off;
	layout_addr a = layout_addr_of(u->lo, (doc_pos){ b, off });
	if ((long)a.line >= ui_text_rows(u) - 1)
		at.byte = off;
	int f = ui_jump(u, at);
	ui_message(u, ROLE_MESSAGE, "%s  (%s)", n->cites[i],
		   nt->cur_path ? nt->cur_path : "");
	n->want_id = nt->id;
	return f;
}

/* Closes the panel's cover over the text, focusing the text. */
static int
uncover(ui *u, notes_ui *n)
{
	n->full = 0;
	ui_focus(u, u->text);
	return UI_GEOMETRY | UI_DRAW;
}

static int
notes_action(pane *p, ui *u, int act)
{
	notes_ui *n = p->priv;
	long page = p->h > 6 ? p->h / 4 : 1;
	switch (act) {
	case ACT_LINE_DOWN: return move_cursor(p, u, 1);
	case ACT_LINE_UP: return move_cursor(p, u, -1);
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: return move_cursor(p, u, page);
	case ACT_PAGE_UP: case ACT_HALF_UP: return move_cursor(p, u, -page);
	case ACT_TOP: return move_cursor(p, u, -(long)n->nvis);
	case ACT_BOTTOM: return move_cursor(p, u, (long)n->nvis);
	case ACT_ACTIVATE: {
		int f = jump_to(u, n, n->cursor);
		if (n->full)
			f |= uncover(u, n);
		return f | UI_DRAW;
	}
	case ACT_CANCEL:
		if ((n->f_tag && *n->f_tag) || (n->f_text && *n->f_text)) {
			free(n->f_tag);
			free(n->f_text);
			n->f_tag = n->f_text = NULL;
			refilter(n);
			ui_message(u, ROLE_MESSAGE, "Filter cleared");
			return UI_DRAW;
		}
		return uncover(u, n);
	case ACT_FOCUS_NEXT:
	case ACT_FOCUS_PREV:
		if (n->full)
			return uncover(u, n);
		return UI_PASS;
	}
	return UI_PASS;
}

static int select_key(ui *u, notes_ui *n, int key);

static int
notes_key(pane *p, ui *u, int key)
{
	notes_ui *n = p->priv;
	if (n->selecting)
		return select_key(u, n, key);
	if (key == '/')
		return notes_act_filter(u);
	return UI_PASS;
}

static int
notes_mouse(pane *p, ui *u, int y, int x, int button)
{
	notes_ui *n = p->priv;
	(void)x;
	if (n->selecting)
		return UI_NONE;	/* the selection is made with keys */
	switch (button) {
	case UI_MOUSE_WHEEL_UP:
		n->scroll = n->scroll > 1 ? n->scroll - 1 : 0;
		return UI_DRAW;
	case UI_MOUSE_WHEEL_DOWN:
		if (n->scroll + 1 < n->nvis)
			n->scroll++;
		return UI_DRAW;
	case UI_MOUSE_CLICK: {
		int w, x0 = panel_x(p, n, &w), row = 1;
		for (size_t k = n->scroll; k < n->nvis && row < p->h; k++) {
			int h = entry(p, u, n, k, 0, x0, w, 0);
			if (y >= row && y < row + h) {
				int f = ui_focus(u, p) | jump_to(u, n, k);
				if (n->full)
					f |= uncover(u, n);
				return f | UI_DRAW;
			}
			row += h;
		}
		return ui_focus(u, p);
	}
	}
	return UI_NONE;
}

static void
notes_follow(pane *p, ui *u)
{
	notes_ui *n = p->priv;
	size_t b = u->top.block;
	if (u->d->nblocks && b < u->d->nblocks) {
		const layout_line *l = layout_line_at(u->lo, u->top);
		if (l->blank && b + 1 < u->d->nblocks)
			b++;
	}
	n->current_block = b;
	if (!p->placed)
		return;
	sync_list(u, n, 0);
	if (!n->nvis)
		return;
	if (n->want_id) {
		size_t k = vis_of_id(n, n->want_id);
		n->want_id = 0;
		if (k < n->nvis) {
			n->cursor = k;
			show_cursor(p, u, n);
			return;
		}
	}
	/* The cursor stays on a note of the current clause; else the first
	 * note at or after it. */
	const size_t *blk = n->blk;
	if (n->cursor < n->nvis && blk[n->vis[n->cursor]] == b)
		return;
	size_t k = 0;
	while (k < n->nvis && (blk[n->vis[k]] == (size_t)-1 || blk[n->vis[k]] < b))
		k++;
	if (k >= n->nvis || blk[n->vis[k]] == (size_t)-1) {
		/* Past the last placed note: the last one before. */
		while (k > 0 && (k >= n->nvis || blk[n->vis[k]] == (size_t)-1))
			k--;
	}
	n->cursor = k < n->nvis ? k : 0;
	/* The cursor's entry near the top, with one before it for context. */
	n->scroll = n->cursor > 0 ? n->cursor - 1 : 0;
	show_cursor(p, u, n);
}

static void
notes_place(pane *p, ui *u)
{
	notes_follow(p, u);
}

static void
notes_free(pane *p)
{
	notes_ui *n = p->priv;
	free_list(n);
	free(n->marks);
	free(n->f_tag);
	free(n->f_text);
	free(n->why);
	free(n->err_shown);
	anchor_doc_free(n->ad);
	search_free(n->search);
	notes_close(n->s);
	free(n);
}

static const pane_ops notes_ops = {
	.name = "notes",
	.draw = notes_draw,
	.action = notes_action,
	.key = notes_key,
	.mouse = notes_mouse,
	.follow = notes_follow,
	.place = notes_place,
	.free = notes_free,
};

pane *
pane_notes_new(ui *u, const char *opt_db)
{
	pane *p = xcalloc(1, sizeof *p);
	notes_ui *n = xcalloc(1, sizeof *n);
	p->ops = &notes_ops;
	p->side = PANE_RIGHT;
	p->priv = n;
	p->focusable = 1;
	p->want_cols = u->cfg && u->cfg->notes_cols > 0 ? u->cfg->notes_cols : 36;
	n->ad = anchor_doc_new(u->d);
	n->marks = xcalloc(u->d->nblocks + 1, sizeof *n->marks);
	n->s = notes_open_best(opt_db, &n->why);
	if (n->why)
		ui_message(u, ROLE_ERROR, "%s", n->why);
	u->notes = p;	/* sync_list reports through u */
	sync_list(u, n, 1);
	/* Shown by default when the document has notes (notes_cols = 0 in
	 * the config keeps it hidden until asked for). */
	p->shown = n->all.n > 0 && !(u->cfg && u->cfg->notes_cols == 0);
	return p;
}

/* --- placement hooks ----------------------------------------------------- */

static int
panel_cols(const ui *u, const pane *p)
{
	int w = p->want_cols + 1;	/* and the gap */
	if (w > u->cols / 2)
		w = u->cols / 2;
	return w;
}

int
notes_ui_reserve(ui *u, int main_h, int cols)
{
	pane *p = u->notes;
	int right = 0;
	if (!p)
		return 0;
	notes_ui *n = p->priv;
	if (u->outline_full)
		n->full = 0;
	n->squeezed = 0;
	if (p->shown) {
		int w = panel_cols(u, p);
		if (w >= NOTES_MIN_COLS && cols - w >= UI_TEXT_MIN_COLS) {
			n->full = 0;
			right = w;
			p->y = 0;
			p->x = u->cols - w;
			p->h = main_h;
			p->w = w;
			/* Under an outline that covers the screen it keeps its
			 * columns but has no window. */
			p->placed = main_h > 0 && !u->outline_full;
		} else {
			n->squeezed = 1;
			if (n->full) {
				p->y = 0;
				p->x = 0;
				p->h = main_h;
				p->w = u->cols;
				p->placed = main_h > 0;
			}
		}
	} else {
		n->full = 0;
	}
	if (u->editor)
		editor_put(u);
	return right;
}

int
notes_ui_covers(const ui *u)
{
	const notes_ui *n = priv(u);
	return n && n->full && u->notes->shown;
}

void
notes_ui_marker(pane *text, ui *u, int row, int x0, size_t b)
{
	notes_ui *n = priv(u);
	if (!n || !n->s || b >= u->d->nblocks)
		return;
	sync_list(u, n, 0);
	if (!n->marks[b])
		return;
	/* In the margin when the text column is centred, else in the
	 * gutter's first column (numbers are right-aligned and leave it
	 * free unless they fill the gutter). */
	int x = x0 > 0 ? x0 - 1 : 0;
	draw_str(text->win, row, x, "\xe2\x9c\x8e", 3, 1,
		 draw_attr(u, ROLE_NOTE_MARKER) | A_BOLD);
}

void
notes_ui_decorate(pane *text, ui *u, int row, int x, const layout_line *l)
{
	notes_ui *n = priv(u);
	if (!n || !n->selecting || l->blank || l->block != n->sel_block)
		return;
	const doc *d = u->d;
	const node *nd = d->blocks[l->block];
	size_t ls = nd->off + l->start, le = nd->off + l->end;
	size_t a = n->sel_start > ls ? n->sel_start : ls;
	size_t b = n->sel_end < le ? n->sel_end : le;
	if (a >= b)
		return;
	int dx = text_width(d->plain + ls, a - ls);
	draw_str(text->win, row, x + dx, d->plain + a, b - a, text->w - x - dx,
		 draw_attr(u, ROLE_SELECTION));
}

const char *
notes_ui_hint(const ui *u)
{
	notes_ui *n = priv(u);
	if (!n || !u->notes->placed || u->focus != u->notes)
		return NULL;
	/* Tab leaves a panel over the text for the text (notes_action);
	 * else it goes where ui.c says: the text, or the references or
	 * library pane when one is open below it. */
	const pane *to = n->full ? u->text : ui_focus_target(u, 1);
	if (to && to->ops->name)
		snprintf(n->hint, sizeof n->hint,
			 "j/k move  Enter jump  e edit  D delete  / filter  Tab %s",
			 to->ops->name);
	else
		snprintf(n->hint, sizeof n->hint,
			 "j/k move  Enter jump  e edit  D delete  / filter");
	return n->hint;
}

/* --- actions ------------------------------------------------------------- */

/* Nonzero (with the message set) when notes cannot be written. */
static int
refuse(ui *u, notes_ui *n)
{
	if (n->s && !notes_is_readonly(n->s))
		return 0;
	/* why says it already: "notes are read-only: …", "notes are
	 * unavailable: …" (notes_open_best) */
	ui_message(u, ROLE_ERROR, "%s", n->why ? n->why
		   : "notes are read-only: the store cannot be written");
	return 1;
}

/* The pane's state when notes can be written, else NULL (with the reason
 * on the message line when there is a store). */
static notes_ui *
writable(ui *u)
{
	notes_ui *n = priv(u);
	return n && !refuse(u, n) ? n : NULL;
}

/* Nonzero when the panel, shown, goes beside the text with the outline
 * (when shown) kept beside it: ui.c's view of the room (ui_notes_room). */
static int
fits_beside(const ui *u)
{
	int w = panel_cols(u, u->notes);
	return w >= NOTES_MIN_COLS && ui_notes_room(u) - w >= UI_TEXT_MIN_COLS;
}

/* Shows the panel. Beside the text and the outline when there is room
 * (fits_beside); else it is seen only with the focus: beside the text in
 * the outline's place, or over the text when even that has no room. With
 * focus, it takes the focus then (s, the filters: the panel is what they
 * are for); without, it waits (a first note saved: the reader keeps
 * reading, and the message says that s shows it). */
static int
reveal(ui *u, notes_ui *n, int focus)
{
	pane *p = u->notes;
	int f = p->shown ? UI_NONE : UI_GEOMETRY;
	p->shown = 1;
	if (fits_beside(u) || !focus)
		return f | UI_DRAW;
	int w = panel_cols(u, p);
	if (w < NOTES_MIN_COLS || u->cols - w < UI_TEXT_MIN_COLS) {
		n->full = 1;	/* no room beside the text at all */
		u->outline_full = 0;
	}
	u->focus = p;	/* placed by the coming geometry pass */
	return f | UI_GEOMETRY | UI_DRAW;
}

int
notes_act_toggle(ui *u)
{
	notes_ui *n = priv(u);
	pane *p = u->notes;
	if (!n)
		return UI_NONE;
	if (n->full)
		return uncover(u, n);
	if (p->shown && (n->squeezed || (!p->placed && u->notes_yield)))
		return reveal(u, n, 1);
	if (p->shown) {
		p->shown = 0;
		if (u->focus == p)
			ui_focus(u, u->text);
		ui_message(u, ROLE_MESSAGE, "Notes hidden");
		return UI_GEOMETRY | UI_DRAW;
	}
	if (fits_beside(u))
		ui_message(u, ROLE_MESSAGE, "Notes shown");
	return reveal(u, n, 1) | UI_GEOMETRY;
}

/* The block of the clause at the reading position (the line at the top of
 * the text; a separator line counts as the next block). */
static size_t
top_block(const ui *u)
{
	notes_ui *n = priv(u);
	return n ? n->current_block : u->top.block;
}

static char *
trimmed(const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* Saves the editor's text: a new note or the one being edited. Its tags
 * are the #words of the text (editing shows the other tags as #words). */
static int
save_note(ui *u, const char *text, void *arg, char **err)
{
	notes_ui *n = arg;
	if (!n->s || notes_is_readonly(n->s)) {
		*err = xstrdup(n->why ? n->why : "notes are read-only: the store cannot be written");
		return -1;
	}
	char *body = trimmed(text);
	if (!*body) {
		free(body);
		*err = xstrdup("the note is empty (Esc cancels)");
		return -1;
	}
	note nt;
	long long id;
	if (n->edit_id) {
		int deleted = 0;
		int r = notes_get(n->s, n->edit_id, &nt, &deleted, err);
		if (r <= 0) {
			if (r == 0)
				*err = xstrdup("the note is no longer in the store");
			free(body);
			return -1;
		}
		free(nt.body);
		nt.body = body;
		note_clear_tags(&nt);
		note_add_body_tags(&nt, body);
		id = notes_update(n->s, &nt, err) == 0 ? n->edit_id : -1;
		if (id > 0 && deleted)
			notes_undelete(n->s, id, NULL);
	} else {
		if (note_init(&nt, n->ad, n->new_start, n->new_end, body) < 0) {
			free(body);
			*err = xstrdup("there is no text to put a note on here");
			return -1;
		}
		free(body);
		note_add_body_tags(&nt, nt.body);
		id = notes_add(n->s, &nt, err);
	}
	note_clear(&nt);
	if (id <= 0)
		return -1;
	/* Committed: now, and only now, it is saved. */
	n->want_id = id;
	sync_list(u, n, 1);
	pane *p = u->notes;
	int seen = p->shown && p->placed;
	if (!p->shown)
		reveal(u, n, 0);
	seen = seen || fits_beside(u);
	ui_message(u, ROLE_MESSAGE, seen ? "Note saved" : "Note saved (s shows the notes)");
	return 0;
}

static int
open_new(ui *u, notes_ui *n, size_t start, size_t end)
{
	const doc *d = u->d;
	size_t b = doc_block_at(d, start);
	char *cite = cite_format(d, d->blocks[b]);
	char *title = xasprintf("New note: %s", cite);
	char *ctx = xstrndup(d->plain + start, end - start);
	n->edit_id = 0;
	n->new_start = start;
	n->new_end = end;
	int f = editor_open(u, title, ctx, NULL, save_note, n);
	free(cite);
	free(title);
	free(ctx);
	return f;
}

int
notes_act_add(ui *u)
{
	notes_ui *n = writable(u);
	if (!n)
		return UI_DRAW;
	if (!u->d->nblocks)
		return UI_NONE;
	const node *nd = u->d->blocks[top_block(u)];
	if (!nd->len) {
		ui_message(u, ROLE_ERROR, "This block has no text to note");
		return UI_DRAW;
	}
	return open_new(u, n, nd->off, nd->off + nd->len);
}

static int
words_done(ui *u, const char *text, void *arg)
{
	notes_ui *n = arg;
	if (!text)
		return UI_DRAW;
	char *w = trimmed(text);
	if (!*w) {
		free(w);
		return UI_DRAW;
	}
	/* The clause at the top first, then the blocks on the screen. */
	const doc *d = u->d;
	size_t b0 = top_block(u), last = b0;
	layout_addr a = u->top;
	layout_step(u->lo, &a, ui_text_rows(u) - 1);
	if (a.block > last)
		last = a.block;
	/* Matched as the reader's search does (search.h): smart case,
	 * accents ignored unless typed, any white space for a space. */
	if (!n->search)
		n->search = search_new(d);
	if (last >= d->nblocks)
		last = d->nblocks - 1;
	search_match m;
	size_t to = d->blocks[last]->off + d->blocks[last]->len;
	if (b0 < d->nblocks &&
	    search_matches(n->search, w, d->blocks[b0]->off, to, &m, 1) == 1) {
		free(w);
		return open_new(u, n, m.start, m.end);
	}
	ui_message(u, ROLE_ERROR, "\"%s\" is not in the clause at the top or on the screen",
		   w);
	free(w);
	return UI_DRAW;
}

int
notes_act_add_words(ui *u)
{
	notes_ui *n = writable(u);
	if (!n)
		return UI_DRAW;
	return prompt_open(u, "Note on the words: ", NULL, words_done, n);
}

/* --- selection (v) ----------------------------------------------------- */

static int
word_at(const char *s, size_t n, size_t i)
{
	ucs4_t c;
	if (i >= n)
		return 0;
	int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	return len > 0 && (uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M));
}

/* Over non-words then a word, forward from i. */
static size_t
next_word_end(const char *s, size_t n, size_t i)
{
	while (i < n && !word_at(s, n, i))
		i = text_next_grapheme(s, n, i);
	while (i < n && word_at(s, n, i))
		i = text_next_grapheme(s, n, i);
	return i;
}

/* Over a word then non-words, forward from i: the next word's start. */
static size_t
next_word_start(const char *s, size_t n, size_t i)
{
	while (i < n && word_at(s, n, i))
		i = text_next_grapheme(s, n, i);
	while (i < n && !word_at(s, n, i))
		i = text_next_grapheme(s, n, i);
	return i;
}

static size_t
prev_word_start(const char *s, size_t n, size_t i)
{
	while (i > 0 && !word_at(s, n, text_prev_grapheme(s, n, i)))
		i = text_prev_grapheme(s, n, i);
	while (i > 0 && word_at(s, n, text_prev_grapheme(s, n, i)))
		i = text_prev_grapheme(s, n, i);
	return i;
}

static size_t
prev_word_end(const char *s, size_t n, size_t i)
{
	while (i > 0 && word_at(s, n, text_prev_grapheme(s, n, i)))
		i = text_prev_grapheme(s, n, i);
	while (i > 0 && !word_at(s, n, text_prev_grapheme(s, n, i)))
		i = text_prev_grapheme(s, n, i);
	return i;
}

static int
select_show(ui *u, notes_ui *n)
{
	const char *t = u->d->plain + n->sel_start;
	size_t len = n->sel_end - n->sel_start;
	buf b;
	buf_init(&b);
	buf_adds(&b, "\xe2\x80\x9c");
	/* The words, their middle cut when long, so both ends show. */
	if (text_width(t, len) > 40) {
		size_t head = text_fit(t, len, 18, NULL);
		size_t tail = len;
		while (tail > head && text_width(t + tail, len - tail) < 18)
			tail = text_prev_grapheme(t, len, tail);
		buf_add(&b, t, head);
		buf_adds(&b, "\xe2\x80\xa6");
		buf_add(&b, t + tail, len - tail);
	} else {
		buf_add(&b, t, len);
	}
	buf_adds(&b, "\xe2\x80\x9d  w/b: end \xc2\xb1word  W/B: start  ): sentence  "
		 "Enter: note  Esc");
	for (char *c = b.s; *c; c++)
		if (*c == '\n')
			*c = ' ';
	ui_message(u, ROLE_MESSAGE, "%s", b.s);
	buf_free(&b);
	return UI_DRAW;
}

static int
select_end(ui *u, notes_ui *n)
{
	n->selecting = 0;
	if (u->overlay == u->notes)
		u->overlay = NULL;
	return UI_DRAW;
}

static int
select_key(ui *u, notes_ui *n, int key)
{
	const doc *d = u->d;
	const node *nd = d->blocks[n->sel_block];
	const char *s = node_text(d, nd);
	size_t len = nd->len;
	size_t a = n->sel_start - nd->off, b = n->sel_end - nd->off;
	switch (key) {
	case 'w': case 'l': case UI_KEY_FN(KEY_RIGHT):
		b = next_word_end(s, len, b);
		break;
	case 'b': case 'h': case UI_KEY_FN(KEY_LEFT): {
		size_t e = prev_word_end(s, len, b);
		if (e > a)
			b = e;
		break;
	}
	case 'W': case 'L': case UI_KEY_FN(KEY_SRIGHT): {
		size_t st = next_word_start(s, len, a);
		if (st < b)
			a = st;
		break;
	}
	case 'B': case 'H': case UI_KEY_FN(KEY_SLEFT):
		a = prev_word_start(s, len, a);
		break;
	case ')': case 's': {
		size_t e = b;
		while (e < len && !strchr(".;:!?", s[e]))
			e++;
		b = e < len ? e + 1 : len;
		break;
	}
	case '\n': case 'a': {
		size_t st = n->sel_start, en = n->sel_end;
		select_end(u, n);
		return open_new(u, n, st, en);
	}
	case UI_KEY_ESC: case 'q': case 'v': case UI_KEY_CTRL('c'):
		select_end(u, n);
		ui_message(u, ROLE_MESSAGE, "Cancelled");
		return UI_DRAW;
	default:
		return select_show(u, n);
	}
	n->sel_start = nd->off + a;
	n->sel_end = nd->off + b;
	return select_show(u, n);
}

int
notes_act_select(ui *u)
{
	notes_ui *n = writable(u);
	if (!n)
		return UI_DRAW;
	if (!u->d->nblocks)
		return UI_NONE;
	size_t bl = top_block(u);
	const node *nd = u->d->blocks[bl];
	const char *s = node_text(u->d, nd);
	size_t a = 0;
	while (a < nd->len && !word_at(s, nd->len, a))
		a = text_next_grapheme(s, nd->len, a);
	if (a >= nd->len) {
		ui_message(u, ROLE_ERROR, "This block has no words to select");
		return UI_DRAW;
	}
	n->selecting = 1;
	n->sel_block = bl;
	n->sel_start = nd->off + a;
	n->sel_end = nd->off + next_word_end(s, nd->len, a);
	u->overlay = u->notes;	/* takes the keys; draws nothing itself */
	return select_show(u, n);
}

/* The note an action is about: the panel's cursor when it has focus, else
 * the first note of the clause at the top. */
static const note *
target(ui *u, notes_ui *n)
{
	sync_list(u, n, 0);
	if (u->focus == u->notes)
		return cursor_note(n);
	size_t b = top_block(u);
	for (size_t i = 0; i < n->all.n; i++)
		if (n->blk[i] == b)
			return &n->all.v[i];
	return NULL;
}

static int
no_target(ui *u)
{
	char k[64];
	keys_of_action(u, ACT_NOTE_ADD, k, sizeof k);
	ui_message(u, ROLE_MESSAGE, "No note on this clause (%s adds one; N shows the notes)",
		   k[0] ? k : "a");
	return UI_DRAW;
}

static const char *
cite_of(const notes_ui *n, const note *nt)
{
	return n->cites[nt - n->all.v];
}

int
notes_act_edit(ui *u)
{
	notes_ui *n = writable(u);
	if (!n)
		return UI_DRAW;
	const note *nt = target(u, n);
	if (!nt)
		return no_target(u);
	/* Tags that are not #words of the body go on a last line, so that
	 * saving (which reads tags from the text) keeps them. */
	const char *body = nt->body ? nt->body : "";
	size_t body_len = strlen(body);
	buf b;
	buf_init(&b);
	buf_adds(&b, body);
	int first = 1;
	for (size_t i = 0; i < nt->ntags; i++) {
		if (notes_has_hashtag(body, body_len, nt->tags[i]))
			continue;
		buf_adds(&b, first ? "\n" : " ");
		buf_printf(&b, "#%s", nt->tags[i]);
		first = 0;
	}
	char *title = xasprintf("Note: %s", cite_of(n, nt));
	n->edit_id = nt->id;
	int f = editor_open(u, title, is_whole_clause(nt) ? NULL : nt->a.exact,
			    b.s ? b.s : "", save_note, n);
	free(title);
	buf_free(&b);
	return f;
}

static int
delete_yes(ui *u, void *arg)
{
	notes_ui *n = arg;
	long long id = n->del_id;
	char *err = NULL;
	if (notes_delete(n->s, id, &err) < 0) {
		ui_message(u, ROLE_ERROR, "Not deleted: %s", err ? err : "error");
		free(err);
		return UI_DRAW;
	}
	n->last_deleted = id;
	sync_list(u, n, 1);
	char k[64];
	keys_of_action(u, ACT_NOTE_UNDELETE, k, sizeof k);
	ui_message(u, ROLE_MESSAGE, "Note deleted (%s brings it back)", k[0] ? k : "U");
	return UI_DRAW | UI_MOVED;
}

int
notes_act_delete(ui *u)
{
	notes_ui *n = writable(u);
	if (!n)
		return UI_DRAW;
	const note *nt = target(u, n);
	if (!nt)
		return no_target(u);
	n->del_id = nt->id;
	char *q = xasprintf("Delete the note on %s?", cite_of(n, nt));
	int f = editor_ask(u, q, delete_yes, n);
	free(q);
	return f;
}

int
notes_act_undelete(ui *u)
{
	notes_ui *n = writable(u);
	if (!n)
		return UI_DRAW;
	if (!n->last_deleted) {
		ui_message(u, ROLE_MESSAGE, "No deleted note to bring back");
		return UI_DRAW;
	}
	char *err = NULL;
	if (notes_undelete(n->s, n->last_deleted, &err) < 0) {
		ui_message(u, ROLE_ERROR, "Not restored: %s", err ? err : "error");
		free(err);
		return UI_DRAW;
	}
	n->want_id = n->last_deleted;
	n->last_deleted = 0;
	sync_list(u, n, 1);
	ui_message(u, ROLE_MESSAGE, "Note restored");
	return UI_DRAW | UI_MOVED;
}

/* Sets one of the filters (f_text or f_tag) to value (NULL or "" clears
 * it) and lists from the top. */
static void
set_filter(notes_ui *n, char **field, const char *value)
{
	free(*field);
	*field = value && *value ? xstrdup(value) : NULL;
	refilter(n);
	n->scroll = 0;
}

static int
filter_change(ui *u, const char *text, void *arg)
{
	notes_ui *n = arg;
	(void)u;
	set_filter(n, &n->f_text, text);
	return UI_DRAW;
}

static int
filter_done(ui *u, const char *text, void *arg)
{
	notes_ui *n = arg;
	set_filter(n, &n->f_text, text);
	if (n->f_text)
		ui_message(u, ROLE_MESSAGE, "%zu of %zu notes match (Esc in the panel clears)",
			   n->nvis, n->all.n);
	return UI_DRAW;
}

static int
tag_done(ui *u, const char *text, void *arg)
{
	notes_ui *n = arg;
	if (!text)
		return UI_DRAW;
	char *t = trimmed(text);
	set_filter(n, &n->f_tag, t[0] == '#' ? t + 1 : t);
	free(t);
	if (n->f_tag)
		ui_message(u, ROLE_MESSAGE, "%zu of %zu notes tagged #%s", n->nvis,
			   n->all.n, n->f_tag);
	else
		ui_message(u, ROLE_MESSAGE, "Tag filter cleared");
	return UI_DRAW;
}

/* Shows the panel and opens a filter prompt (F: text, t: tag). */
static int
filter_prompt(ui *u, const char *prompt, prompt_fn change, prompt_fn done)
{
	notes_ui *n = priv(u);
	if (!n)
		return UI_NONE;
	int f = reveal(u, n, 1);
	return f | prompt_open(u, prompt, change, done, n);
}

int
notes_act_filter(ui *u)
{
	return filter_prompt(u, "Filter notes: ", filter_change, filter_done);
}

int
notes_act_tag(ui *u)
{
	return filter_prompt(u, "Notes with tag: #", NULL, tag_done);
}
