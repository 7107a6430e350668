/* editor: the multi-line note editor, a modal overlay box, and the y/n
 * questions of the note actions.
 *
 * The text is one UTF-8 buffer with a cursor (a byte offset that is always
 * on a grapheme cluster boundary): typed characters of any script are
 * inserted at the cursor, Backspace and Delete remove a whole cluster (so
 * "é" typed as e + U+0301 goes at once), Left/Right move by cluster,
 * C-Left/C-Right and M-b/M-f by word, Up/Down by display row keeping the
 * column, Home/End (C-a/C-e) to the row's ends, Enter inserts a newline.
 * Rows are wrapped by display columns (after a space when possible, never
 * inside a cluster), one column short of the box so the cursor always fits.
 *
 * Save keys: C-s, F2 and C-x (some terminals eat C-s: while the editor is
 * open the terminal is in raw mode, so flow control is off and C-c is a
 * key, "cancel"). The owner's save function commits; only when it returns 0
 * does the editor close. Esc cancels, asking "discard changes? (y/n)" when
 * the text differs from what it opened with.
 *
 * The same pane, unplaced, serves editor_ask: it takes the next key as the
 * answer to a question shown on the message line. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "text.h"
#include "ui/notes_ui.h"
#include "util.h"

#define EDITOR_MAX_COLS 76	/* box width on a wide terminal */
#define EDITOR_MAX_ROWS 16

typedef struct erow {
	size_t start, end;	/* bytes of the text */
	int last;		/* ends its hard line (the cursor may sit at end) */
} erow;

typedef struct editor {
	/* editing */
	int open;
	buf text;
	char *orig;		/* the text it opened with */
	size_t cur;		/* cursor, bytes */
	int want_col;		/* column kept by Up/Down; -1 = the cursor's */
	size_t scroll;		/* first row shown */
	char *title, *context;
	editor_save_fn save;
	void *save_arg;
	erow *rows;
	size_t nrows, rows_cap;
	int wrap_cols;
	/* asking */
	int asking;		/* 1: a y/n question is on the message line */
	int ask_discard;	/* the question is the editor's own "discard?" */
	editor_yes_fn yes;
	void *yes_arg;
	/* extended key codes (0 when the terminal has none) */
	int k_cleft, k_cright;
} editor;

size_t
editor_wrap(const char *s, size_t n, int cols)
{
	const char *nl = memchr(s, '\n', n);
	size_t line = nl ? (size_t)(nl - s) : n;
	if (!line)
		return 0;
	size_t fit = text_fit(s, line, cols > 0 ? cols : 1, NULL);
	if (!fit)	/* one cluster wider than the row */
		return text_next_grapheme(s, line, 0);
	if (fit >= line)
		return line;
	for (size_t k = fit; k > 0; k--)
		if (s[k - 1] == ' ')
			return k;
	return fit;
}

static void
rewrap(editor *e)
{
	const char *s = e->text.s ? e->text.s : "";
	size_t n = e->text.len, pos = 0;
	e->nrows = 0;
	for (;;) {
		size_t r = editor_wrap(s + pos, n - pos, e->wrap_cols);
		int last = pos + r >= n || s[pos + r] == '\n';
		xgrow((void **)&e->rows, &e->rows_cap, e->nrows + 1, sizeof *e->rows);
		e->rows[e->nrows++] = (erow){ pos, pos + r, last };
		pos += r;
		if (pos >= n)
			break;
		if (s[pos] == '\n') {
			pos++;
			if (pos >= n) {	/* a final empty line */
				xgrow((void **)&e->rows, &e->rows_cap, e->nrows + 1,
				      sizeof *e->rows);
				e->rows[e->nrows++] = (erow){ pos, pos, 1 };
				break;
			}
		}
	}
}

/* The row holding byte b. */
static size_t
row_of(const editor *e, size_t b)
{
	for (size_t i = 0; i < e->nrows; i++) {
		const erow *r = &e->rows[i];
		if (b >= r->start && (b < r->end || (b == r->end && r->last)))
			return i;
	}
	return e->nrows ? e->nrows - 1 : 0;
}

static int
col_of(const editor *e, size_t b)
{
	const erow *r = &e->rows[row_of(e, b)];
	return text_width(e->text.s + r->start, b - r->start);
}

/* The byte in row i nearest to column col (never past the row's end; for a
 * wrapped row, before its last cluster). */
static size_t
at_col(const editor *e, size_t i, int col)
{
	const erow *r = &e->rows[i];
	const char *s = e->text.s;
	size_t b = r->start, lim = r->end;
	if (!r->last && lim > r->start)
		lim = text_prev_grapheme(s, e->text.len, lim);
	while (b < lim) {
		size_t nx = text_next_grapheme(s, e->text.len, b);
		if (text_width(s + r->start, nx - r->start) > col)
			break;
		b = nx;
	}
	return b;
}

static int
is_word(const char *s, size_t n, size_t i)
{
	ucs4_t c;
	if (i >= n)
		return 0;
	int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	if (len <= 0)
		return 0;
	return uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M);
}

static size_t
word_right(const editor *e, size_t b)
{
	const char *s = e->text.s;
	size_t n = e->text.len;
	while (b < n && !is_word(s, n, b))
		b = text_next_grapheme(s, n, b);
	while (b < n && is_word(s, n, b))
		b = text_next_grapheme(s, n, b);
	return b;
}

static size_t
word_left(const editor *e, size_t b)
{
	const char *s = e->text.s;
	size_t n = e->text.len;
	while (b > 0 && !is_word(s, n, text_prev_grapheme(s, n, b)))
		b = text_prev_grapheme(s, n, b);
	while (b > 0 && is_word(s, n, text_prev_grapheme(s, n, b)))
		b = text_prev_grapheme(s, n, b);
	return b;
}

static void
delete_range(editor *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->text.s + from, e->text.s + to, e->text.len - to + 1);
	e->text.len -= to - from;
	e->cur = from;
}

static void
insert(editor *e, const char *b, size_t n)
{
	size_t tail = e->text.len - e->cur;
	buf_add(&e->text, b, n);	/* grows; the bytes are moved below */
	memmove(e->text.s + e->cur + n, e->text.s + e->cur, tail);
	memcpy(e->text.s + e->cur, b, n);
	e->text.s[e->text.len] = '\0';
	e->cur += n;
}

static int
changed(const editor *e)
{
	const char *t = e->text.s ? e->text.s : "";
	return strcmp(t, e->orig ? e->orig : "") != 0;
}

static void
close_editor(ui *u, editor *e)
{
	e->open = 0;
	e->asking = 0;
	buf_clear(&e->text);
	free(e->orig);
	free(e->title);
	free(e->context);
	e->orig = e->title = e->context = NULL;
	u->editor->shown = 0;
	if (u->overlay == u->editor)
		u->overlay = NULL;
	cbreak();	/* C-c is SIGINT again; flow control stays off */
}

static int
do_save(ui *u, editor *e)
{
	char *err = NULL;
	if (e->save(u, e->text.s ? e->text.s : "", e->save_arg, &err) == 0) {
		close_editor(u, e);
		return UI_GEOMETRY | UI_DRAW | UI_MOVED;
	}
	ui_message(u, ROLE_ERROR, "Not saved: %s", err ? err : "error");
	free(err);
	return UI_DRAW;
}

/* ESC may start M-b / M-f: the next byte is already there when it does. */
static int
meta_key(ui *u)
{
	wint_t ch;
	wtimeout(u->input, 0);
	int r = wget_wch(u->input, &ch);
	wtimeout(u->input, -1);
	return r == OK ? (int)ch : -1;
}

static int
answer(ui *u, editor *e, int key)
{
	int yes = key == 'y' || key == 'Y';
	e->asking = 0;
	if (e->ask_discard) {
		e->ask_discard = 0;
		if (yes) {
			close_editor(u, e);
			ui_message(u, ROLE_MESSAGE, "Note discarded");
			return UI_GEOMETRY | UI_DRAW;
		}
		u->msg[0] = '\0';
		return UI_DRAW;
	}
	if (u->overlay == u->editor && !e->open)
		u->overlay = NULL;
	if (!yes) {
		ui_message(u, ROLE_MESSAGE, "Cancelled");
		return UI_DRAW;
	}
	u->msg[0] = '\0';
	return e->yes(u, e->yes_arg) | UI_DRAW;
}

static int
editor_key(pane *p, ui *u, int key)
{
	editor *e = p->priv;
	if (e->asking)
		return answer(u, e, key);
	u->msg[0] = '\0';
	const char *s = e->text.s ? e->text.s : "";
	size_t n = e->text.len;
	int keep_col = 0;
	if (key == UI_KEY_ESC) {
		int m = meta_key(u);
		if (m == 'b')
			key = e->k_cleft ? e->k_cleft : UI_KEY_FN(KEY_SLEFT);
		else if (m == 'f')
			key = e->k_cright ? e->k_cright : UI_KEY_FN(KEY_SRIGHT);
		else if (m >= 0)
			return UI_NONE;	/* another Alt key: nothing */
		else if (!changed(e)) {
			close_editor(u, e);
			ui_message(u, ROLE_MESSAGE, "Cancelled");
			return UI_GEOMETRY | UI_DRAW;
		} else {
			e->asking = 1;
			e->ask_discard = 1;
			ui_message(u, ROLE_ERROR, "Discard changes? (y/n)");
			return UI_DRAW;
		}
	}
	if (key == UI_KEY_CTRL('c')) {
		if (!changed(e)) {
			close_editor(u, e);
			ui_message(u, ROLE_MESSAGE, "Cancelled");
			return UI_GEOMETRY | UI_DRAW;
		}
		e->asking = 1;
		e->ask_discard = 1;
		ui_message(u, ROLE_ERROR, "Discard changes? (y/n)");
		return UI_DRAW;
	}
	if (key == UI_KEY_CTRL('s') || key == UI_KEY_CTRL('x') ||
	    key == UI_KEY_FN(KEY_F(2)))
		return do_save(u, e);

	if (key == UI_KEY_FN(KEY_LEFT)) {
		e->cur = text_prev_grapheme(s, n, e->cur);
	} else if (key == UI_KEY_FN(KEY_RIGHT)) {
		e->cur = text_next_grapheme(s, n, e->cur);
	} else if ((e->k_cleft && key == e->k_cleft) || key == UI_KEY_FN(KEY_SLEFT)) {
		e->cur = word_left(e, e->cur);
	} else if ((e->k_cright && key == e->k_cright) || key == UI_KEY_FN(KEY_SRIGHT)) {
		e->cur = word_right(e, e->cur);
	} else if (key == UI_KEY_FN(KEY_UP) || key == UI_KEY_FN(KEY_DOWN) ||
		   key == UI_KEY_FN(KEY_PPAGE) || key == UI_KEY_FN(KEY_NPAGE)) {
		size_t i = row_of(e, e->cur);
		long d = key == UI_KEY_FN(KEY_UP) ? -1 : key == UI_KEY_FN(KEY_DOWN) ? 1
			: key == UI_KEY_FN(KEY_PPAGE) ? -8 : 8;
		if (e->want_col < 0)
			e->want_col = col_of(e, e->cur);
		long t = (long)i + d;
		if (t < 0)
			t = 0;
		if (t >= (long)e->nrows)
			t = (long)e->nrows - 1;
		e->cur = at_col(e, (size_t)t, e->want_col);
		keep_col = 1;
	} else if (key == UI_KEY_FN(KEY_HOME) || key == UI_KEY_CTRL('a')) {
		e->cur = e->rows[row_of(e, e->cur)].start;
	} else if (key == UI_KEY_FN(KEY_END) || key == UI_KEY_CTRL('e')) {
		size_t i = row_of(e, e->cur);
		e->cur = at_col(e, i, 1 << 20);
	} else if (key == UI_KEY_FN(KEY_BACKSPACE)) {
		delete_range(e, text_prev_grapheme(s, n, e->cur), e->cur);
	} else if (key == UI_KEY_FN(KEY_DC) || key == UI_KEY_CTRL('d')) {
		delete_range(e, e->cur, text_next_grapheme(s, n, e->cur));
	} else if (key == UI_KEY_CTRL('w')) {
		delete_range(e, word_left(e, e->cur), e->cur);
	} else if (key == UI_KEY_CTRL('k')) {
		size_t i = row_of(e, e->cur);
		size_t end = e->rows[i].end;
		if (end == e->cur && e->rows[i].last && end < n)
			end++;	/* at the end of a line: join the next */
		delete_range(e, e->cur, end);
	} else if (key == '\n') {
		insert(e, "\n", 1);
	} else if (key == '\t') {
		insert(e, "    ", 4);
	} else if (!UI_KEY_IS_FN(key) && key >= 0x20 && key != 0x7f &&
		   !(key >= 0x80 && key < 0xa0) && key <= 0x10ffff) {
		uint8_t b[8];
		int len = u8_uctomb(b, (ucs4_t)key, 7);
		if (len > 0)
			insert(e, (const char *)b, (size_t)len);
	} else {
		return UI_NONE;
	}
	if (!keep_col)
		e->want_col = -1;
	rewrap(e);
	return UI_DRAW;
}

static void
editor_draw(pane *p, ui *u)
{
	editor *e = p->priv;
	attr_t a = draw_attr(u, ROLE_NOTE_TEXT);
	attr_t dim = draw_attr(u, ROLE_DIM);
	wbkgdset(p->win, ' ' | a);
	werase(p->win);
	wattrset(p->win, draw_attr(u, ROLE_BORDER));
	box(p->win, 0, 0);
	wattrset(p->win, A_NORMAL);
	int inner = p->w - 4;
	if (e->title) {
		buf t;
		buf_init(&t);
		buf_printf(&t, " %s ", e->title);
		draw_str_ellipsis(p->win, 0, 2, t.s, t.len, p->w - 4,
				  draw_attr(u, ROLE_HEADING));
		buf_clear(&t);
	}
	const char *keys = " C-s/F2 save \xc2\xb7 Esc cancel \xc2\xb7 #word tags ";
	if (p->w - 4 < text_width(keys, strlen(keys)))
		keys = " C-s save \xc2\xb7 Esc cancel ";
	draw_str_ellipsis(p->win, p->h - 1, 2, keys, strlen(keys), p->w - 4, dim);

	int y0 = 1;
	if (e->context && *e->context && p->h > 5) {
		/* The words the note is on, dimmed, on one line. */
		buf c;
		buf_init(&c);
		buf_adds(&c, "\xe2\x80\x9c");
		for (const char *q = e->context; *q; q++)
			buf_addc(&c, *q == '\n' ? ' ' : *q);
		buf_adds(&c, "\xe2\x80\x9d");
		draw_str_ellipsis(p->win, 1, 2, c.s, c.len, inner, dim);
		buf_clear(&c);
		y0 = 2;
	}
	int rows = p->h - 1 - y0;
	if (rows < 1)
		return;
	if (e->wrap_cols != inner - 1) {
		e->wrap_cols = inner - 1 > 1 ? inner - 1 : 1;
		rewrap(e);
	}
	size_t cr = row_of(e, e->cur);
	if (cr < e->scroll)
		e->scroll = cr;
	else if (cr >= e->scroll + (size_t)rows)
		e->scroll = cr - (size_t)rows + 1;
	const char *s = e->text.s ? e->text.s : "";
	for (int r = 0; r < rows && e->scroll + (size_t)r < e->nrows; r++) {
		const erow *w = &e->rows[e->scroll + (size_t)r];
		draw_str(p->win, y0 + r, 2, s + w->start, w->end - w->start, inner, a);
	}
	/* Arrows on the border when rows are out of view. */
	if (e->scroll > 0)
		draw_str(p->win, y0, p->w - 1, "\xe2\x86\x91", 3, 1, dim);
	if (e->scroll + (size_t)rows < e->nrows)
		draw_str(p->win, y0 + rows - 1, p->w - 1, "\xe2\x86\x93", 3, 1, dim);
	if (!e->text.len) {
		const char *hint = "Type the note. Enter: new line.";
		draw_str_ellipsis(p->win, y0, 3, hint, strlen(hint), inner - 1, dim);
	}
	/* The cursor: the cluster under it in reverse video (a space at the
	 * end of a row). */
	int y = y0 + (int)(cr - e->scroll);
	int x = 2 + col_of(e, e->cur);
	size_t nx = text_next_grapheme(s, e->text.len, e->cur);
	if (e->cur >= e->text.len || s[e->cur] == '\n' ||
	    (!e->rows[cr].last && e->cur >= e->rows[cr].end))
		draw_str(p->win, y, x, " ", 1, 1, a | A_REVERSE);
	else
		draw_str(p->win, y, x, s + e->cur, nx - e->cur, 2, a | A_REVERSE);
}

static int
editor_mouse(pane *p, ui *u, int y, int x, int button)
{
	(void)p;
	(void)u;
	(void)y;
	(void)x;
	(void)button;
	return UI_NONE;	/* modal: clicks outside do nothing */
}

static void
editor_free(pane *p)
{
	editor *e = p->priv;
	buf_clear(&e->text);
	free(e->orig);
	free(e->title);
	free(e->context);
	free(e->rows);
	free(e);
}

static const pane_ops editor_ops = {
	.name = "editor",
	.draw = editor_draw,
	.key = editor_key,
	.mouse = editor_mouse,
	.free = editor_free,
};

/* The key code curses gives an extended capability ("kLFT5"), or 0. */
static int
ext_key(const char *cap)
{
	char *s = tigetstr((char *)cap);
	if (!s || s == (char *)-1)
		return 0;
	int k = key_defined(s);
	return k > 0 ? UI_KEY_FN(k) : 0;
}

pane *
editor_new(ui *u)
{
	(void)u;
	pane *p = xcalloc(1, sizeof *p);
	editor *e = xcalloc(1, sizeof *e);
	e->want_col = -1;
	e->k_cleft = ext_key("kLFT5");
	e->k_cright = ext_key("kRIT5");
	p->ops = &editor_ops;
	p->side = PANE_OVERLAY;
	p->priv = e;
	return p;
}

int
editor_open(ui *u, const char *title, const char *context, const char *text,
	    editor_save_fn save, void *arg)
{
	/* the user's own editor, when config.ini names one */
	char *fallback = NULL;
	int ext = editor_ext_open(u, text, save, arg, &fallback);
	if (ext != UI_PASS)
		return ext;
	editor *e = u->editor->priv;
	buf_clear(&e->text);
	buf_init(&e->text);
	buf_adds(&e->text, fallback ? fallback : text ? text : "");
	free(fallback);
	free(e->orig);
	e->orig = xstrdup(text ? text : "");
	free(e->title);
	free(e->context);
	e->title = title ? xstrdup(title) : NULL;
	e->context = context ? xstrdup(context) : NULL;
	e->cur = e->text.len;
	e->want_col = -1;
	e->scroll = 0;
	e->save = save;
	e->save_arg = arg;
	e->open = 1;
	e->asking = 0;
	e->wrap_cols = 0;	/* wrapped when drawn */
	rewrap(e);
	u->editor->shown = 1;
	u->overlay = u->editor;
	u->msg[0] = '\0';
	raw();	/* C-s, C-x and C-c reach us as keys */
	return UI_GEOMETRY | UI_DRAW;
}

int
editor_ask(ui *u, const char *question, editor_yes_fn yes, void *arg)
{
	editor *e = u->editor->priv;
	if (e->open)
		return UI_NONE;
	e->asking = 1;
	e->ask_discard = 0;
	e->yes = yes;
	e->yes_arg = arg;
	u->overlay = u->editor;	/* unplaced: it only takes the answer */
	ui_message(u, ROLE_ERROR, "%s (y/n)", question);
	return UI_DRAW;
}

void
editor_put(ui *u)
{
	pane *p = u->editor;
	editor *e = p->priv;
	if (!e->open || !p->shown)
		return;
	int w = u->cols - 2 < EDITOR_MAX_COLS ? u->cols - 2 : EDITOR_MAX_COLS;
	int h = u->rows - 2 < EDITOR_MAX_ROWS ? u->rows - 2 : EDITOR_MAX_ROWS;
	if (w < 10 || h < 4)
		return;
	p->y = (u->rows - 2 - h) / 2;
	p->x = (u->cols - w) / 2;
	p->h = h;
	p->w = w;
	p->placed = 1;
}
