/* prompt: one line of text input on the message line ("Go to: 8").
 *
 * While a prompt is open it takes every key: printable characters (any
 * script; the text is UTF-8) are appended, Backspace removes the last
 * grapheme cluster (and cancels on an empty line, as in vi), C-u clears,
 * Enter submits, Esc cancels. The owner's callbacks get the text: change()
 * after each edit (for incremental search), done() once at the end, with
 * NULL when cancelled. The prompt is drawn by status.c through
 * prompt_draw(), with a reverse-video block as its cursor. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "text.h"
#include "ui/ui_impl.h"
#include "util.h"

#define PROMPT_MAX_BYTES 512

struct prompt {
	char label[64];
	buf text;
	prompt_fn change;
	prompt_fn done;
	void *arg;
	char note[64];		/* shown dimmed after the text ("not found") */
};

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
	free(p);
	u->prompt = NULL;
}

/* Ends the prompt and hands text (NULL = cancelled) to its owner. */
static int
finish(ui *u, int submit)
{
	prompt *p = u->prompt;
	char *text = submit ? xstrdup(p->text.s ? p->text.s : "") : NULL;
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

int
prompt_key(ui *u, int key)
{
	prompt *p = u->prompt;
	if (key == '\n')
		return finish(u, 1);
	if (key == UI_KEY_ESC || key == UI_KEY_CTRL('c') || key == UI_KEY_CTRL('g'))
		return finish(u, 0);
	if (key == UI_KEY_FN(KEY_BACKSPACE)) {
		if (!p->text.len)
			return finish(u, 0);
		size_t at = text_prev_grapheme(p->text.s, p->text.len, p->text.len);
		p->text.len = at;
		p->text.s[at] = '\0';
		return changed(u);
	}
	if (key == UI_KEY_CTRL('u')) {
		p->text.len = 0;
		if (p->text.s)
			p->text.s[0] = '\0';
		return changed(u);
	}
	if (UI_KEY_IS_FN(key) || key < 0x20 || key == 0x7f ||
	    (key >= 0x80 && key < 0xa0) || key > 0x10ffff)
		return UI_NONE;	/* other function and control keys: ignored */
	uint8_t b[8];
	int n = u8_uctomb(b, (ucs4_t)key, 7);
	if (n <= 0 || p->text.len + (size_t)n > PROMPT_MAX_BYTES)
		return UI_NONE;
	buf_add(&p->text, (const char *)b, (size_t)n);
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
	size_t len = p->text.len;
	/* The end of the text stays in view: drop graphemes from the front. */
	size_t from = 0;
	while (from < len && text_width(s + from, len - from) > room)
		from = text_next_grapheme(s, len, from);
	x += draw_str(w, y, x, s + from, len - from, room, a);
	if (x < cols)
		x += draw_str(w, y, x, " ", 1, 1, a | A_REVERSE);
	if (p->note[0] && x + 2 < cols)
		draw_str(w, y, x + 1, p->note, strlen(p->note), cols - x - 1,
			 draw_attr(u, ROLE_DIM));
}
