/* notes_panel: the notes of the open document, on the right of the text
 * (the note actions are notes_actions.c, the selection notes_select.c).
 *
 * The pane owns the store (notes_open_best: read-write, else read-only,
 * else none, with the reason shown once), the anchor view of the document
 * and the list of its notes from notes_list_doc, which re-attaches every
 * note (ok, moved, fuzzy with a score, orphan) and sorts them in reading
 * order, orphans last; notes_record_matches stores those statuses.
 *
 * Freshness: drawing never touches the store. The loop calls the pane's
 * recalc hook before it draws, after every key: it reads the list again
 * when this reader changed the notes (UI_EVENT_NOTES_CHANGED) or another
 * connection committed (notes_data_version changed; for a store SQLite
 * reads as immutable, the database and its WAL changed on disk, two
 * stat() calls). So a second lectern writing the same database shows up
 * at the next key, and nothing is read while nothing changed. Recording
 * the statuses of a fresh read does not wait for another writer (busy
 * timeout 0 for it): a later read records them.
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
 * columns ui.c gives (its reserve hook), else "squeezed" and opened over
 * the text on demand (s, or a filter). When the outline, the text and the
 * panel do not fit side by side, the outline keeps its place and the panel
 * waits for the focus (ui.c's reserve_right; notes_panel_reveal() asks ui.c for the
 * room, ui_notes_room), when it takes the outline's place. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fold.h"
#include "notes_export.h"
#include "text.h"
#include "ui/notes_impl.h"
#include "util.h"

#define ENTRY_BODY_ROWS 3
#define NOTES_BUSY_MS 5000	/* notes.h's default wait for another writer */

static int notes_reserve(pane *p, ui *u, int main_h, int cols);
static void notes_decorate(pane *p, ui *u, pane *text, int row, int x0, int x,
			   const layout_line *l);
static const char *notes_hint(pane *p, ui *u);

notes_ui *
notes_panel_state(const ui *u)
{
	return u->notes ? u->notes->priv : NULL;
}


#define ORPHAN_CITE_COLS 40	/* an orphan is named by its quote, cut */

/* “the quote”, on one line, cut after a word to ORPHAN_CITE_COLS columns
 * with '…' (a question about it keeps its "(y/n)" on the line). */
static char *
orphan_cite(const char *exact)
{
	return note_quote_line(exact, ORPHAN_CITE_COLS - 2);
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

/* Tags fold as search does (fold.h): "#Día" filters notes tagged "dia",
 * as note_has_hashtag finds the #words of a body. */
static int
tag_is(const note *nt, const char *tag)
{
	for (size_t i = 0; i < nt->ntags; i++)
		if (fold_eq(nt->tags[i], tag))
			return 1;
	return 0;
}

/* A tag of the note, or a #word of its body (notes made elsewhere may
 * carry #words that were never stored as tags). */
static int
has_tag(const note *nt, const char *tag)
{
	return tag_is(nt, tag) ||
	       (nt->body && note_has_hashtag(nt->body, strlen(nt->body), tag));
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

void
notes_panel_refilter(notes_ui *n)
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
list_clear(notes_ui *n)
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
	note_list_clear(&n->all);
	memset(&n->all, 0, sizeof n->all);
}

/* Reads the list again (when the files changed or force). */
void
notes_panel_sync(ui *u, notes_ui *n, int force)
{
	if (!n->s)
		return;
	long long version = notes_data_version(n->s);
	sig now;
	memset(&now, 0, sizeof now);
	if (version < 0)
		take_sig(n, &now);
	if (!force && !n->dirty && n->fresh && version == n->version &&
	    !memcmp(&now, &n->last, sizeof now))
		return;
	long long keep = n->want_id;
	if (!keep && n->cursor < n->nvis)
		keep = n->all.v[n->vis[n->cursor]].id;
	list_clear(n);
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
		 * next read records them. It does not wait for the lock. */
		notes_set_busy_timeout(n->s, 0);
		notes_record_matches(n->s, &n->all, NULL);
		notes_set_busy_timeout(n->s, NOTES_BUSY_MS);
	}
	/* (Taken after the read: our own recording is not news.) */
	n->version = notes_data_version(n->s);
	if (n->version < 0)
		take_sig(n, &n->last);
	else
		memset(&n->last, 0, sizeof n->last);
	n->fresh = 1;
	n->dirty = 0;

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
		n->cites[i] = nd ? note_cite_node(d, nd) : orphan_cite(nt->a.exact);
	}
	n->want_id = keep;
	notes_panel_refilter(n);
}

int
notes_panel_whole_clause(const note *nt)
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
	if (!notes_panel_whole_clause(nt) && nt->match.status != ANCHOR_ORPHAN && nt->match.node) {
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
			buf_clear(&q);
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
	buf_clear(&t);

	if (!n->nvis) {
		char k[64];
		const char *lines[3];
		char l0[160];
		int nl = 0;
		if (n->all.n) {
			lines[nl++] = "No note matches the filter.";
			snprintf(l0, sizeof l0, "%s clears it.",
				 keys_first(u, ACT_CANCEL, k, sizeof k));
			lines[nl++] = l0;
		} else if (!n->s || notes_is_readonly(n->s)) {
			lines[nl++] = "No notes.";
			lines[nl++] = n->why ? n->why : "The store is read-only.";
		} else {
			lines[nl++] = "No notes on this document yet.";
			snprintf(l0, sizeof l0, "%s adds one on the clause at the top.",
				 keys_first(u, ACT_NOTE_ADD, k, sizeof k));
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

const note *
notes_panel_cursor_note(const notes_ui *n)
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
	char k[32];
	ui_message(u, ROLE_MESSAGE, "%s  (%s: jump)", n->cites[n->vis[n->cursor]],
		   keys_first(u, ACT_ACTIVATE, k, sizeof k));
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
int
notes_panel_uncover(ui *u, notes_ui *n)
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
			f |= notes_panel_uncover(u, n);
		return f | UI_DRAW;
	}
	case ACT_CANCEL:
		if ((n->f_tag && *n->f_tag) || (n->f_text && *n->f_text)) {
			free(n->f_tag);
			free(n->f_text);
			n->f_tag = n->f_text = NULL;
			notes_panel_refilter(n);
			ui_message(u, ROLE_MESSAGE, "Filter cleared");
			return UI_DRAW;
		}
		return notes_panel_uncover(u, n);
	case ACT_FOCUS_NEXT:
	case ACT_FOCUS_PREV:
		if (n->full)
			return notes_panel_uncover(u, n);
		return UI_PASS;
	}
	return UI_PASS;
}

static int
notes_key(pane *p, ui *u, int key)
{
	notes_ui *n = p->priv;
	if (n->selecting)
		return notes_select_key(u, n, key);
	if (key == '/')
		return notes_actions_filter(u);
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
					f |= notes_panel_uncover(u, n);
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
notes_recalc(pane *p, ui *u)
{
	notes_panel_sync(u, p->priv, 0);
}

/* Frees what n holds (the pane keeps n). */
static void
state_clear(notes_ui *n)
{
	list_clear(n);
	free(n->marks);
	free(n->f_tag);
	free(n->f_text);
	free(n->why);
	free(n->err_shown);
	anchor_doc_free(n->ad);
	search_free(n->search);
	notes_close(n->s);
	memset(n, 0, sizeof *n);
}

static void
notes_free(pane *p)
{
	state_clear(p->priv);
	free(p->priv);
}

static const pane_ops notes_ops = {
	.name = "notes",
	.reserve = notes_reserve,
	.recalc = notes_recalc,
	.draw = notes_draw,
	.action = notes_action,
	.key = notes_key,
	.mouse = notes_mouse,
	.follow = notes_follow,
	.place = notes_place,
	.decorate = notes_decorate,
	.hint = notes_hint,
	.free = notes_free,
};

/* Opens the store and reads the notes of u->d into n (zeroed). */
static void
state_init(ui *u, pane *p, notes_ui *n)
{
	n->ad = anchor_doc_new(u->d);
	n->marks = xcalloc(u->d->nblocks + 1, sizeof *n->marks);
	n->s = notes_open_best(u->notes_db, &n->why);
	if (n->why)
		ui_message(u, ROLE_ERROR, "%s", n->why);
	notes_panel_sync(u, n, 1);
	/* Shown by default when the document has notes (notes_cols = 0 in
	 * the config keeps it hidden until asked for). */
	p->shown = n->all.n > 0 && !(u->cfg && u->cfg->notes_cols == 0);
}

/* Another document: the pane starts afresh on it (the store reopened,
 * no filter, nothing to undelete), as a new pane would. */
static void
on_doc_changed(ui *u, int event, void *data)
{
	(void)event;
	pane *p = data;
	state_clear(p->priv);
	p->covers = 0;
	if (u->focus == p)
		u->focus = u->text;
	state_init(u, p, p->priv);
}

static void
on_notes_changed(ui *u, int event, void *data)
{
	(void)u;
	(void)event;
	notes_ui *n = ((pane *)data)->priv;
	n->dirty = 1;
}

pane *
notes_panel_new(ui *u, const char *opt_db)
{
	pane *p = xcalloc(1, sizeof *p);
	notes_ui *n = xcalloc(1, sizeof *n);
	p->ops = &notes_ops;
	p->side = PANE_RIGHT;
	p->priv = n;
	p->focusable = 1;
	p->want_cols = u->cfg && u->cfg->notes_cols > 0 ? u->cfg->notes_cols : 36;
	u->notes_db = opt_db;
	u->notes = p;	/* sync_list reports through u */
	state_init(u, p, n);
	ui_observe(u, UI_EVENT_DOC_CHANGED, on_doc_changed, p);
	ui_observe(u, UI_EVENT_NOTES_CHANGED, on_notes_changed, p);
	return p;
}

static int
panel_cols(const ui *u, const pane *p)
{
	int w = p->want_cols + 1;	/* and the gap */
	if (w > u->cols / 2)
		w = u->cols / 2;
	return w;
}

/* The reserve hook: beside the text, at the screen's right edge, when the
 * text keeps UI_TEXT_MIN_COLS of the cols it may share; else squeezed,
 * and over the text (p->covers) when opened so. Also places the editor
 * overlay. */
static int
notes_reserve(pane *p, ui *u, int main_h, int cols)
{
	int right = 0;
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
	p->covers = n->full && p->shown;
	return right;
}

/* The decorate hook: the note marker left of the first line of a block
 * with notes (x0: the start of the text column), and the words being
 * selected (notes_select.c). */
static void
notes_decorate(pane *p, ui *u, pane *text, int row, int x0, int x, const layout_line *l)
{
	notes_ui *n = p->priv;
	notes_select_decorate(text, u, row, x, l);
	size_t b = l->block;
	if (!l->first || l->blank || !n->s || b >= u->d->nblocks || !n->marks[b])
		return;
	/* In the margin when the text column is centred, else in the
	 * gutter's first column (numbers are right-aligned and leave it
	 * free unless they fill the gutter). */
	draw_str(text->win, row, x0 > 0 ? x0 - 1 : 0, "\xe2\x9c\x8e", 3, 1,
		 draw_attr(u, ROLE_NOTE_MARKER) | A_BOLD);
}

/* The hint hook: the panel's keys, and where Tab goes. */
static const char *
notes_hint(pane *p, ui *u)
{
	notes_ui *n = p->priv;
	if (!p->placed || u->focus != p)
		return NULL;
	/* Tab leaves a panel over the text for the text (notes_action);
	 * else it goes where ui.c says: the text, or the references or
	 * library pane when one is open below it. */
	const pane *to = n->full ? u->text : ui_focus_target(u, 1);
	char keyed[sizeof n->hint];
	keys_expand(u, "{line-down}/{line-up} move  {activate} jump  {note-edit} edit  "
		    "{note-delete} delete  / filter  {focus-next} ", keyed, sizeof keyed);
	if (to && to->ops->name)
		snprintf(n->hint, sizeof n->hint, "%s%s", keyed, to->ops->name);
	else
		snprintf(n->hint, sizeof n->hint, "%.*s", (int)(strstr(keyed, "  / filter") -
			 keyed + 10), keyed);
	return n->hint;
}

/* Nonzero when the panel, shown, goes beside the text with the outline
 * (when shown) kept beside it: ui.c's view of the room (ui_notes_room). */
int
notes_panel_fits_beside(const ui *u)
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
int
notes_panel_reveal(ui *u, notes_ui *n, int focus)
{
	pane *p = u->notes;
	int f = p->shown ? UI_NONE : UI_GEOMETRY;
	p->shown = 1;
	if (notes_panel_fits_beside(u) || !focus)
		return f | UI_DRAW;
	int w = panel_cols(u, p);
	if (w < NOTES_MIN_COLS || u->cols - w < UI_TEXT_MIN_COLS) {
		n->full = 1;	/* no room beside the text at all */
		u->outline_full = 0;
	}
	u->focus = p;	/* placed by the coming geometry pass */
	return f | UI_GEOMETRY | UI_DRAW;
}

/* The block of the clause at the reading position (the line at the top of
 * the text; a separator line counts as the next block). */
size_t
notes_panel_top_block(const ui *u)
{
	notes_ui *n = notes_panel_state(u);
	return n ? n->current_block : u->top.block;
}
