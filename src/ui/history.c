/* history: the jump list and marks, as in vi.
 *
 * Every jump goes through ui_jump, whose UI_EVENT_JUMP calls
 * history_before_jump (refs_ui.c subscribes it; a library's open calls it
 * itself): the
 * position before the jump is appended (browser-like: positions visited
 * after going back are dropped first). Back (C-o, Backspace) returns to the
 * last entry; the first step back also stores where the reader is, so that
 * forward (Right; C-i is Tab, which moves focus) can return there. Moving
 * through the list does not record anything (rx->replaying).
 *
 * Entries and marks carry the document's path, so in a library back and
 * forward cross documents (library_ui.c opens them). Positions are
 * doc_pos (block, byte): they survive resizes. Marks are per document and
 * live for the session; '' goes back like C-o. Messages name positions by
 * their citation ("Back to Anexo, párr. 8"), never by internal path.
 *
 * Invariant: hi <= hn; hi == hn means the reader is not on a stored entry. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include "un/cite.h"
#include "un/lang.h"
#include "ui/refs_ui.h"
#include "util.h"

#define HISTORY_MAX 200

static const char *
cur_path(const ui *u)
{
	return u->rx && u->rx->lib ? u->d->name : NULL;
}

static int
same_path(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static int
same(const hist_entry *e, const char *path, doc_pos p)
{
	return same_path(e->path, path) && e->pos.block == p.block &&
		e->pos.byte == p.byte;
}

static void
drop_from(refs_ui *rx, size_t i)
{
	for (size_t k = i; k < rx->hn; k++)
		free(rx->h[k].path);
	rx->hn = i;
}

static void
append(refs_ui *rx, const char *path, doc_pos p)
{
	if (rx->hn && same(&rx->h[rx->hn - 1], path, p))
		return;
	if (rx->hn >= HISTORY_MAX) {
		free(rx->h[0].path);
		memmove(rx->h, rx->h + 1, (rx->hn - 1) * sizeof *rx->h);
		rx->hn--;
	}
	xgrow((void **)&rx->h, &rx->hcap, rx->hn + 1, sizeof *rx->h);
	rx->h[rx->hn++] = (hist_entry){ path ? xstrdup(path) : NULL, p };
}

void
history_before_jump(ui *u)
{
	refs_ui *rx = u->rx;
	if (!rx || rx->replaying || !u->d || !u->d->nblocks)
		return;
	if (rx->hi < rx->hn)
		drop_from(rx, rx->hi);
	append(rx, cur_path(u), u->pos);
	rx->hi = rx->hn;
}

/* "Back to annex1/decl/p8 (3 of 5)", naming the document in a library. */
static void
say(ui *u, const char *what, const char *hint)
{
	refs_ui *rx = u->rx;
	const node *nd = u->d->nblocks ? u->d->blocks[u->pos.block] : NULL;
	const char *docname = "";
	if (rx->lib)
		docname = u->d->meta.symbol ? u->d->meta.symbol : u->d->name;
	/* The clause as people cite it, not its internal path; the symbol
	 * once: a citation may start with it ("A/61/917, para. 5") */
	char *cite = nd ? cite_format(u->d, nd) : NULL;
	if (cite && *docname && !strncmp(cite, docname, strlen(docname)))
		docname = "";
	ui_message(u, ROLE_MESSAGE, "%s to %s%s%s (%zu of %zu; %s)", what, docname,
		   *docname ? ", " : "", cite && *cite ? cite : "the top",
		   rx->hi + 1, rx->hn, hint);
	free(cite);
}

/* Moves to entry i without recording. */
static int
visit(ui *u, size_t i)
{
	refs_ui *rx = u->rx;
	hist_entry *e = &rx->h[i];
	rx->hi = i;
	rx->replaying = 1;
	int f;
	if (!same_path(e->path, cur_path(u)) && e->path)
		f = library_ui_open_at(u, e->path, e->pos);
	else
		f = ui_jump(u, e->pos);
	rx->replaying = 0;
	return f;
}

int
history_act_back(ui *u)
{
	refs_ui *rx = u->rx;
	if (!rx->hi || !rx->hn) {
		ui_message(u, ROLE_MESSAGE, "No older position (jumps are recorded)");
		return UI_DRAW;
	}
	if (rx->hi == rx->hn) {
		/* Remember where we are, for forward. */
		append(rx, cur_path(u), u->pos);	/* unless already last */
		rx->hi = rx->hn - 1;
		if (!rx->hi) {
			ui_message(u, ROLE_MESSAGE, "No older position");
			return UI_DRAW;
		}
	}
	int f = visit(u, rx->hi - 1);
	char m[64];
	keys_expand(u, "{history-forward}: forward", m, sizeof m);
	say(u, "Back", m);
	return f | UI_DRAW;
}

int
history_act_forward(ui *u)
{
	refs_ui *rx = u->rx;
	if (rx->hi + 1 >= rx->hn) {
		ui_message(u, ROLE_MESSAGE, "No newer position");
		return UI_DRAW;
	}
	int f = visit(u, rx->hi + 1);
	char m[64];
	keys_expand(u, "{history-back}: back", m, sizeof m);
	say(u, "Forward", m);
	return f | UI_DRAW;
}

/* --- marks --------------------------------------------------------------- */

static mark *
find_mark(refs_ui *rx, const char *path, int letter)
{
	for (size_t i = 0; i < rx->nmarks; i++)
		if (rx->marks[i].letter == letter &&
		    same_path(rx->marks[i].path, path))
			return &rx->marks[i];
	return NULL;
}

/* The prompt's first character is the whole answer: the change callback
 * acts on it and closes the prompt. */
static int
mark_typed(ui *u, const char *text, void *arg)
{
	(void)arg;
	int c = (unsigned char)text[0];
	prompt_close(u);
	if (c < 'a' || c > 'z') {
		ui_message(u, ROLE_ERROR, "Marks are the letters a-z");
		return UI_DRAW;
	}
	refs_ui *rx = u->rx;
	mark *m = find_mark(rx, cur_path(u), c);
	if (!m) {
		xgrow((void **)&rx->marks, &rx->mcap, rx->nmarks + 1, sizeof *rx->marks);
		m = &rx->marks[rx->nmarks++];
		const char *p = cur_path(u);
		*m = (mark){ p ? xstrdup(p) : NULL, c, u->pos };
	}
	m->pos = u->pos;
	const node *nd = ui_top_node(u);
	char *cite = nd ? cite_format(u->d, nd) : NULL;
	char k[32];
	ui_message(u, ROLE_MESSAGE, "Mark %c set at %s (%s%c returns)", c,
		   cite && *cite ? cite : "the top",
		   keys_first(u, ACT_GOTO_MARK, k, sizeof k), c);
	free(cite);
	return UI_DRAW;
}

static int
goto_typed(ui *u, const char *text, void *arg)
{
	(void)arg;
	int c = (unsigned char)text[0];
	prompt_close(u);
	if (c == '\'' || c == '`')
		return history_act_back(u);
	if (c < 'a' || c > 'z') {
		ui_message(u, ROLE_ERROR, "Marks are the letters a-z ('' goes back)");
		return UI_DRAW;
	}
	mark *m = find_mark(u->rx, cur_path(u), c);
	if (!m) {
		char k[32];
		ui_message(u, ROLE_ERROR, "Mark %c is not set in this document (%s%c sets it)",
			   c, keys_first(u, ACT_MARK, k, sizeof k), c);
		return UI_DRAW;
	}
	int f = ui_jump(u, m->pos);
	ui_message(u, ROLE_MESSAGE, "Mark %c", c);
	return f;
}

int
history_act_mark(ui *u)
{
	return prompt_open(u, "Set mark (a-z): ", mark_typed, NULL, NULL);
}

int
history_act_goto_mark(ui *u)
{
	return prompt_open(u, "Go to mark (a-z, ' back): ", goto_typed, NULL, NULL);
}

void
history_clear(refs_ui *rx)
{
	drop_from(rx, 0);
	free(rx->h);
	for (size_t i = 0; i < rx->nmarks; i++)
		free(rx->marks[i].path);
	free(rx->marks);
}
