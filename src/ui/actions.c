/* actions: the one table of what the reader can do.
 *
 * Each action is declared once: its name (used in config [keys] and shown in
 * help), its default handler, and one line of help. The focused pane may
 * handle an action its own way first (the outline moves its cursor on
 * line-down); otherwise the default handler acts on the text. Handlers change
 * state and return UI_* flags; none of them draws.
 *
 * To add an action: a new ACT_ id in ui_impl.h and a row here (the table is
 * indexed by id, so the two cannot drift apart). */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "ui/ui_impl.h"

static int
act_quit(ui *u)
{
	(void)u;
	return UI_QUIT;
}

static int
act_help(ui *u)
{
	return help_open(u);
}

static int
act_line_down(ui *u)
{
	return ui_scroll(u, 1);
}

static int
act_line_up(ui *u)
{
	return ui_scroll(u, -1);
}

/* A page keeps one line of the previous one for context, as less does with
 * its default window. */
static long
page(const ui *u)
{
	int h = ui_text_rows(u);
	return h > 2 ? h - 1 : 1;
}

static int
act_page_down(ui *u)
{
	return ui_scroll(u, page(u));
}

static int
act_page_up(ui *u)
{
	return ui_scroll(u, -page(u));
}

static int
act_half_down(ui *u)
{
	int h = ui_text_rows(u) / 2;
	return ui_scroll(u, h > 0 ? h : 1);
}

static int
act_half_up(ui *u)
{
	int h = ui_text_rows(u) / 2;
	return ui_scroll(u, -(h > 0 ? h : 1));
}

static int
act_top(ui *u)
{
	return ui_top_of_document(u);
}

static int
act_bottom(ui *u)
{
	return ui_end_of_document(u);
}

static int
act_next_block(ui *u)
{
	/* The next block that starts a new clause or heading; from the middle
	 * of a block, the next one. */
	size_t b = u->top.block + 1;
	if (b >= u->d->nblocks) {
		ui_message(u, ROLE_MESSAGE, "Last block of the document");
		return UI_DRAW;
	}
	return ui_jump(u, (doc_pos){ b, 0 });
}

static int
act_prev_block(ui *u)
{
	size_t b = u->top.block;
	if (u->top.line == 0) {
		if (b == 0) {
			ui_message(u, ROLE_MESSAGE, "Top of the document");
			return UI_DRAW;
		}
		b--;
	}
	return ui_jump(u, (doc_pos){ b, 0 });
}

static int
act_activate(ui *u)
{
	/* In the text, Enter scrolls a line, as in less. */
	return ui_scroll(u, 1);
}

static int
act_focus_next(ui *u)
{
	return ui_focus_next(u, 1);
}

static int
act_focus_prev(ui *u)
{
	return ui_focus_next(u, -1);
}

static int
act_cite(ui *u)
{
	const node *nd = ui_top_node(u);
	if (!nd)
		return UI_NONE;
	char *c = lang_cite(u->d, nd);
	ui_message(u, ROLE_MESSAGE, "%s  (%s)", c, nd->path);
	free(c);
	return UI_DRAW;
}

static int
act_toggle_outline(ui *u)
{
	pane *o = u->outline;
	if (u->outline_full) {
		u->outline_full = 0;
		ui_focus(u, u->text);
		return UI_GEOMETRY | UI_DRAW;
	}
	if (o->shown && u->outline_squeezed) {
		/* No room beside the text: open it over the text. */
		u->outline_full = 1;
		ui_focus(u, o);
		return UI_GEOMETRY | UI_DRAW;
	}
	o->shown = !o->shown;
	if (!o->shown && u->focus == o)
		ui_focus(u, u->text);
	ui_message(u, ROLE_MESSAGE, o->shown ? "Outline shown" : "Outline hidden");
	return UI_GEOMETRY | UI_DRAW;
}

static int
act_toggle_numbers(ui *u)
{
	u->show_numbers = !u->show_numbers;
	ui_message(u, ROLE_MESSAGE, u->show_numbers ? "Clause numbers shown"
			      : "Clause numbers hidden");
	return UI_DRAW;
}

static int
act_redraw(ui *u)
{
	(void)u;
	clearok(curscr, TRUE);
	return UI_DRAW;
}

static int
act_cancel(ui *u)
{
	if (u->outline_full || u->focus != u->text) {
		u->outline_full = 0;
		ui_focus(u, u->text);
		return UI_GEOMETRY | UI_DRAW;
	}
	u->msg[0] = '\0';
	return UI_DRAW;
}

const action actions_table[ACT_COUNT] = {
	[ACT_QUIT] = { "quit", act_quit, "Quit lectern" },
	[ACT_HELP] = { "help", act_help, "Show this help" },
	[ACT_LINE_DOWN] = { "line-down", act_line_down, "Scroll down one line (outline: next entry)" },
	[ACT_LINE_UP] = { "line-up", act_line_up, "Scroll up one line (outline: previous entry)" },
	[ACT_PAGE_DOWN] = { "page-down", act_page_down, "Forward one page" },
	[ACT_PAGE_UP] = { "page-up", act_page_up, "Back one page" },
	[ACT_HALF_DOWN] = { "half-page-down", act_half_down, "Forward half a page" },
	[ACT_HALF_UP] = { "half-page-up", act_half_up, "Back half a page" },
	[ACT_TOP] = { "top", act_top, "Go to the start of the document" },
	[ACT_BOTTOM] = { "bottom", act_bottom, "Go to the end of the document" },
	[ACT_NEXT_BLOCK] = { "next-block", act_next_block, "Next paragraph or heading" },
	[ACT_PREV_BLOCK] = { "prev-block", act_prev_block, "Previous paragraph or heading" },
	[ACT_ACTIVATE] = { "activate", act_activate, "Outline: jump to the entry; text: scroll a line" },
	[ACT_FOCUS_NEXT] = { "focus-next", act_focus_next, "Move focus to the next pane (outline, text)" },
	[ACT_FOCUS_PREV] = { "focus-prev", act_focus_prev, "Move focus to the previous pane" },
	[ACT_CITE] = { "cite", act_cite, "Show the citation of the clause at the top" },
	[ACT_TOGGLE_OUTLINE] = { "toggle-outline", act_toggle_outline, "Show or hide the outline" },
	[ACT_TOGGLE_NUMBERS] = { "toggle-numbers", act_toggle_numbers, "Show or hide clause numbers" },
	[ACT_REDRAW] = { "redraw", act_redraw, "Redraw the screen" },
	[ACT_CANCEL] = { "cancel", act_cancel, "Back to the text; clear the message" },
};

int
actions_find(const char *name)
{
	if (!name)
		return -1;
	if (!strcmp(name, "none"))
		return -2;
	for (int i = 0; i < ACT_COUNT; i++)
		if (!strcmp(actions_table[i].name, name))
			return i;
	return -1;
}

int
actions_run(ui *u, int act)
{
	if (act < 0 || act >= ACT_COUNT)
		return UI_NONE;
	pane *p = u->focus;
	if (p && p->ops->action) {
		int f = p->ops->action(p, u, act);
		if (f != UI_PASS)
			return f;
	}
	return actions_table[act].fn(u);
}
