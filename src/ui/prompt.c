/* prompt: one line of text input on the message line ("Go to: 8").
 *
 * While a prompt is open it takes every key: printable characters (any
 * script; the text is UTF-8) are inserted at the cursor, Left/Right (and
 * Home/End, C-a/C-e) move it by grapheme cluster, Backspace removes the
 * cluster before it (and cancels on an empty line, as in vi), Delete the
 * one under it, C-w the word before it, C-u clears, Up/Down recall the
 * earlier entries of the same prompt (by its label; kept in memory for
 * the session, PROMPT_HISTORY of them), Enter submits, Esc cancels. The
 * owner's callbacks get the text: change() after each edit (for
 * incremental search), done() once at the end, with NULL when cancelled.
 * The prompt is drawn by status.c through prompt_draw(), with a
 * reverse-video cursor that stays in view. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "text.h"
#include "ui/ui_impl.h"
#include "util.h"

#define PROMPT_MAX_BYTES 512

#define PROMPT_HISTORY 50	/* entries kept per prompt */
#define PROMPT_KINDS 8		/* prompts with a history */

struct prompt {
	char label[64];
	buf text;
	size_t cur;		/* the cursor: a byte offset in text, at a
				   grapheme boundary */
	prompt_fn change;
	prompt_fn done;
	void *arg;
	char note[64];		/* shown dimmed after the text ("not found") */
	size_t recall;		/* the history entry shown; n: the draft */
	char *draft;		/* what was typed before Up, or NULL */
};

/* The entries submitted at each prompt, oldest first, for the session:
 * the memory of the process, as a shell's history without a file. */
static struct history {
	char label[64];
	char *item[PROMPT_HISTORY];
	size_t n;
} histories[PROMPT_KINDS];

/* The history of the prompt labelled label (made on first use; the
 * oldest kind is reused past PROMPT_KINDS), or NULL with create 0. */
static struct history *
history_of(const char *label, int create)
{
	for (size_t i = 0; i < PROMPT_KINDS; i++)
		if (histories[i].label[0] && !strcmp(histories[i].label, label))
			return &histories[i];
	if (!create)
		return NULL;
	for (size_t i = 0; i < PROMPT_KINDS; i++)
		if (!histories[i].label[0]) {
			snprintf(histories[i].label, sizeof histories[i].label, "%s", label);
			return &histories[i];
		}
	return NULL;
}

static void
history_add(const char *label, const char *text)
{
	struct history *h = history_of(label, 1);
	if (!h || !*text || (h->n && !strcmp(h->item[h->n - 1], text)))
		return;
	if (h->n == PROMPT_HISTORY) {
		free(h->item[0]);
		memmove(h->item, h->item + 1, (PROMPT_HISTORY - 1) * sizeof *h->item);
		h->n--;
	}
	h->item[h->n++] = xstrdup(text);
}

int
prompt_open(ui *u, const char *label, prompt_fn change, prompt_fn done, void *arg)
{
	prompt_close(u);
	prompt *p = xcalloc(1, sizeof *p);
	snprintf(p->label, sizeof p->label, "%s", label);
	buf_init(&p->text);
	p->change = change;
	p->done = done;
	p->arg = arg;
	struct history *h = history_of(p->label, 0);
	p->recall = h ? h->n : 0;
	u->prompt = p;
	u->msg[0] = '\0';
	return UI_DRAW;
}

void
prompt_note(ui *u, const char *note)
{
	if (u->prompt)
		snprintf(u->prompt->note, sizeof u->prompt->note, "%s", note ? note : "");
}

void
prompt_close(ui *u)
{
	prompt *p = u->prompt;
	if (!p)
		return;
	buf_clear(&p->text);
	free(p->draft);
	free(p);
	u->prompt = NULL;
}

/* Ends the prompt and hands text (NULL = cancelled) to its owner. */
static int
finish(ui *u, int submit)
{
	prompt *p = u->prompt;
	char *text = submit ? xstrdup(p->text.s ? p->text.s : "") : NULL;
	if (text)
		history_add(p->label, text);
	prompt_fn done = p->done;
	void *arg = p->arg;
	prompt_close(u);
	int f = done ? done(u, text, arg) : UI_NONE;
	free(text);
	return f | UI_DRAW;
}

static int
changed(ui *u)
{
	prompt *p = u->prompt;
	if (!p->change)
		return UI_DRAW;
	return p->change(u, p->text.s ? p->text.s : "", p->arg) | UI_DRAW;
}

/* Replaces the bytes [from, to) of the text with ins (n bytes), the
 * cursor after them. */
static void
splice(prompt *p, size_t from, size_t to, const char *ins, size_t n)
{
	buf *t = &p->text;
	size_t tail = t->len - to;
	if (n > to - from)
		xgrow((void **)&t->s, &t->cap, t->len + (n - (to - from)) + 1, 1);
	memmove(t->s + from + n, t->s + to, tail);
	memcpy(t->s + from, ins, n);
	t->len = from + n + tail;
	t->s[t->len] = '\0';
	p->cur = from + n;
}

/* Shows history entry i (h->n: the draft) as the text, cursor at its end. */
static int
recall(ui *u, struct history *h, size_t i)
{
	prompt *p = u->prompt;
	if (p->recall == h->n) {	/* leaving the draft: keep it */
		free(p->draft);
		p->draft = xstrdup(p->text.s ? p->text.s : "");
	}
	const char *s = i < h->n ? h->item[i] : p->draft ? p->draft : "";
	p->recall = i;
	splice(p, 0, p->text.len, s, strlen(s));
	return changed(u);
}

/* Where the word before the cursor starts (C-w): blanks, then the rest
 * up to a blank. */
static size_t
word_start(const prompt *p)
{
	size_t i = p->cur;
	while (i > 0 && p->text.s[i - 1] == ' ')
		i--;
	while (i > 0 && p->text.s[i - 1] != ' ')
		i--;
	return i;
}

int
prompt_key(ui *u, int key)
{
	prompt *p = u->prompt;
	if (!p->text.s)
		buf_add(&p->text, "", 0);
	const char *s = p->text.s;
	size_t len = p->text.len;
	if (key == '\n')
		return finish(u, 1);
	if (key == UI_KEY_ESC || key == UI_KEY_CTRL('c') || key == UI_KEY_CTRL('g'))
		return finish(u, 0);
	if (key == UI_KEY_FN(KEY_BACKSPACE)) {
		if (!len)
			return finish(u, 0);
		if (!p->cur)
			return UI_NONE;
		splice(p, text_prev_grapheme(s, len, p->cur), p->cur, "", 0);
		return changed(u);
	}
	if (key == UI_KEY_FN(KEY_DC) || key == UI_KEY_CTRL('d')) {
		if (p->cur >= len)
			return UI_NONE;
		size_t cur = p->cur;
		splice(p, cur, text_next_grapheme(s, len, cur), "", 0);
		p->cur = cur;
		return changed(u);
	}
	if (key == UI_KEY_FN(KEY_LEFT) || key == UI_KEY_CTRL('b')) {
		if (p->cur)
			p->cur = text_prev_grapheme(s, len, p->cur);
		return UI_DRAW;
	}
	if (key == UI_KEY_FN(KEY_RIGHT) || key == UI_KEY_CTRL('f')) {
		if (p->cur < len)
			p->cur = text_next_grapheme(s, len, p->cur);
		return UI_DRAW;
	}
	if (key == UI_KEY_FN(KEY_HOME) || key == UI_KEY_CTRL('a')) {
		p->cur = 0;
		return UI_DRAW;
	}
	if (key == UI_KEY_FN(KEY_END) || key == UI_KEY_CTRL('e')) {
		p->cur = len;
		return UI_DRAW;
	}
	if (key == UI_KEY_CTRL('w')) {
		if (!p->cur)
			return UI_NONE;
		splice(p, word_start(p), p->cur, "", 0);
		return changed(u);
	}
	if (key == UI_KEY_CTRL('u')) {
		splice(p, 0, len, "", 0);
		return changed(u);
	}
	if (key == UI_KEY_FN(KEY_UP) || key == UI_KEY_FN(KEY_DOWN)) {
		struct history *h = history_of(p->label, 0);
		if (!h)
			return UI_NONE;
		if (key == UI_KEY_FN(KEY_UP))
			return p->recall > 0 ? recall(u, h, p->recall - 1) : UI_NONE;
		return p->recall < h->n ? recall(u, h, p->recall + 1) : UI_NONE;
	}
	if (UI_KEY_IS_FN(key) || key < 0x20 || key == 0x7f ||
	    (key >= 0x80 && key < 0xa0) || key > 0x10ffff)
		return UI_NONE;	/* other function and control keys: ignored */
	uint8_t b[8];
	int n = u8_uctomb(b, (ucs4_t)key, 7);
	if (n <= 0 || len + (size_t)n > PROMPT_MAX_BYTES)
		return UI_NONE;
	splice(p, p->cur, p->cur, (const char *)b, (size_t)n);
	return changed(u);
}

void
prompt_draw(const ui *u, WINDOW *w, int y, int cols)
{
	const prompt *p = u->prompt;
	attr_t a = draw_attr(u, ROLE_MESSAGE);
	int x = draw_str(w, y, 0, p->label, strlen(p->label), cols - 2, a | A_BOLD);
	int room = cols - x - 1;	/* one for the cursor */
	const char *s = p->text.s ? p->text.s : "";
	size_t len = p->text.len, cur = p->cur <= len ? p->cur : len;
	/* The cursor stays in view: drop graphemes from the front. */
	size_t from = 0;
	while (from < cur && text_width(s + from, cur - from) > room)
		from = text_next_grapheme(s, len, from);
	x += draw_str(w, y, x, s + from, cur - from, room, a);
	if (x < cols) {
		/* the cursor: the cluster under it in reverse, or a block */
		size_t next = cur < len ? text_next_grapheme(s, len, cur) : cur;
		int k = next > cur ? draw_str(w, y, x, s + cur, next - cur, cols - x,
					      a | A_REVERSE) : 0;
		if (k <= 0) {
			k = draw_str(w, y, x, " ", 1, 1, a | A_REVERSE);
			next = cur;
		}
		x += k;
		if (next < len && x < cols)
			x += draw_str(w, y, x, s + next, len - next, cols - x, a);
	}
	if (p->note[0] && x + 2 < cols)
		draw_str(w, y, x + 1, p->note, strlen(p->note), cols - x - 1,
			 draw_attr(u, ROLE_DIM));
}
