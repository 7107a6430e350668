/* notes_select: choosing the words of a note with keys (v).
 *
 * A selection is plain bytes [sel_start, sel_end) of one block, the clause
 * at the top when it began; it grows and shrinks by words (graphemes
 * whose characters are letters, digits or marks) and to a sentence's end.
 * While it is made the notes pane is the overlay that takes every key,
 * and keys go through keys.c's selection map (KEYS_SELECT: the actions
 * select-*, which the help screen lists and config [keys] rebinds); a key
 * bound there to nothing shows the selection again. The text pane shows
 * it through notes_select_decorate. */
#include <build-config.h>

#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "text.h"
#include "ui/notes_impl.h"
#include "util.h"

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
	char keys[160];
	keys_expand(u, "\xe2\x80\x9d  {select-extend}/{select-shrink}: end \xc2\xb1word  "
		    "{select-start-later}/{select-start-earlier}: start  {select-sentence}: "
		    "sentence  {select-note}: note  {select-cancel}", keys, sizeof keys);
	buf_adds(&b, keys);
	for (char *c = b.s; *c; c++)
		if (*c == '\n')
			*c = ' ';
	ui_message(u, ROLE_MESSAGE, "%s", b.s);
	buf_clear(&b);
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

int
notes_select_key(ui *u, notes_ui *n, int key)
{
	int act = keys_lookup_in(u, KEYS_SELECT, key);
	if (act < 0)
		return select_show(u, n);
	return actions_table[act].fn(u);
}

/* The selection's state, its block's text and its ends relative to it;
 * NULL when no selection is being made (an action run from elsewhere). */
static notes_ui *
selection(ui *u, const char **s, size_t *len, size_t *a, size_t *b)
{
	notes_ui *n = notes_panel_state(u);
	if (!n || !n->selecting)
		return NULL;
	const node *nd = u->d->blocks[n->sel_block];
	*s = node_text(u->d, nd);
	*len = nd->len;
	*a = n->sel_start - nd->off;
	*b = n->sel_end - nd->off;
	return n;
}

/* Sets the selection to [a, b) of its block and shows it. */
static int
select_set(ui *u, notes_ui *n, size_t a, size_t b)
{
	const node *nd = u->d->blocks[n->sel_block];
	n->sel_start = nd->off + a;
	n->sel_end = nd->off + b;
	return select_show(u, n);
}

int
notes_select_extend(ui *u)
{
	const char *s;
	size_t len, a, b;
	notes_ui *n = selection(u, &s, &len, &a, &b);
	if (!n)
		return UI_NONE;
	return select_set(u, n, a, next_word_end(s, len, b));
}

int
notes_select_shrink(ui *u)
{
	const char *s;
	size_t len, a, b;
	notes_ui *n = selection(u, &s, &len, &a, &b);
	if (!n)
		return UI_NONE;
	size_t e = prev_word_end(s, len, b);
	return select_set(u, n, a, e > a ? e : b);
}

int
notes_select_start_later(ui *u)
{
	const char *s;
	size_t len, a, b;
	notes_ui *n = selection(u, &s, &len, &a, &b);
	if (!n)
		return UI_NONE;
	size_t st = next_word_start(s, len, a);
	return select_set(u, n, st < b ? st : a, b);
}

int
notes_select_start_earlier(ui *u)
{
	const char *s;
	size_t len, a, b;
	notes_ui *n = selection(u, &s, &len, &a, &b);
	if (!n)
		return UI_NONE;
	return select_set(u, n, prev_word_start(s, len, a), b);
}

int
notes_select_sentence(ui *u)
{
	const char *s;
	size_t len, a, b;
	notes_ui *n = selection(u, &s, &len, &a, &b);
	if (!n)
		return UI_NONE;
	size_t e = b;
	while (e < len && !strchr(".;:!?", s[e]))
		e++;
	return select_set(u, n, a, e < len ? e + 1 : len);
}

int
notes_select_note(ui *u)
{
	notes_ui *n = notes_panel_state(u);
	if (!n || !n->selecting)
		return UI_NONE;
	size_t st = n->sel_start, en = n->sel_end;
	select_end(u, n);
	return notes_actions_open_new(u, n, st, en);
}

int
notes_select_cancel(ui *u)
{
	notes_ui *n = notes_panel_state(u);
	if (!n || !n->selecting)
		return UI_NONE;
	select_end(u, n);
	ui_message(u, ROLE_MESSAGE, "Cancelled");
	return UI_DRAW;
}

int
notes_select_start(ui *u)
{
	notes_ui *n = notes_actions_writable(u);
	if (!n)
		return UI_DRAW;
	if (!u->d->nblocks)
		return UI_NONE;
	size_t bl = notes_panel_top_block(u);
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

void
notes_select_decorate(pane *text, ui *u, int row, int x, const layout_line *l)
{
	notes_ui *n = notes_panel_state(u);
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
