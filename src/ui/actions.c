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

#include "fold.h"
#include "un/cite.h"
#include "ui/compare_ui.h"
#include "ui/parallel_ui.h"
#include "ui/ui_impl.h"
#include "ui/notes_ui.h"
#include "ui/refs_ui.h"

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
	char *c = cite_format(u->d, nd);
	/* A clause whose number (or whose parent clause's) the document does
	 * not print is cited by its position: say so, the number is counted. */
	const node *g = nd;
	while (g && !((g->kind == NODE_PARAGRAPH || g->kind == NODE_SUBITEM) &&
		      !(g->number && *g->number) && g->cite && *g->cite))
		g = g->parent;
	if (g)
		ui_message(u, ROLE_MESSAGE, "%s  [%s not printed: counted]  (%s)",
			   c, g->cite, nd->path);
	else
		ui_message(u, ROLE_MESSAGE, "%s  (%s)", c, nd->path);
	free(c);
	return UI_DRAW;
}

/* The first node, in reading order, whose citation (cite_format, as 'c'
 * shows it) folds (fold.h) to what text folds to: "anexo, parr. 8" finds
 * "Anexo, párr. 8". cite_find folds too, but reads only units and
 * clauses: this finds what 'c' writes for the rest (a note, a heading). */
static const node *
find_cite_folded(const doc *d, const char *text)
{
	char *want = fold_str(text, strlen(text), FOLD_ALL, NULL);
	const node *hit = NULL;
	for (size_t i = 1; i < d->nnodes && !hit && *want; i++) {
		char *c = cite_format(d, d->nodes[i]);
		char *f = fold_str(c, strlen(c), FOLD_ALL, NULL);
		if (!strcmp(f, want))
			hit = d->nodes[i];
		free(f);
		free(c);
	}
	free(want);
	return hit;
}

/* What is typed at ':': a node path ("annex1/decl/p8") or a citation as
 * people write it and as 'c' shows it ("8", "Article 40", "art. 12, para.
 * 1", "Annex, art. 12", "pp2"); cite_find reads both, paths first, and
 * looks for a bare number first beside the clause being read. */
static int
goto_done(ui *u, const char *text, void *arg)
{
	(void)arg;
	if (!text)
		return UI_DRAW;
	while (*text == ' ')
		text++;
	if (!*text)
		return UI_DRAW;
	const doc *d = u->d;
	const node *nd = cite_find(d, ui_top_node(u), text);
	if (!nd)
		nd = find_cite_folded(d, text);
	size_t b = nd ? ui_node_block(d, nd) : (size_t)-1;
	if (b == (size_t)-1) {
		ui_message(u, ROLE_ERROR, "No clause or path '%s'", text);
		return UI_DRAW;
	}
	int f = ui_jump(u, (doc_pos){ b, 0 });
	char *c = cite_format(d, nd);	/* as people cite it, not the path */
	ui_message(u, ROLE_MESSAGE, "%s", c);
	free(c);
	return f | ui_focus(u, u->text);
}

static int
act_goto(ui *u)
{
	return prompt_open(u, "Go to clause or path: ", NULL, goto_done, NULL);
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
act_toggle_removed(ui *u)
{
	u->show_removed = !u->show_removed;
	if (u->show_removed)
		ui_message(u, ROLE_MESSAGE, "Removed lines shown (%zu)",
			   u->d->meta.nfurniture);
	else
		ui_message(u, ROLE_MESSAGE, "Removed lines hidden");
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
	ui_notify(u, UI_EVENT_CANCEL);	/* search highlights, current reference */
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
	[ACT_FOCUS_NEXT] = { "focus-next", act_focus_next, "Move focus: text, outline, notes, text" },
	[ACT_FOCUS_PREV] = { "focus-prev", act_focus_prev, "Move focus back: text, notes, outline" },
	[ACT_CITE] = { "cite", act_cite, "Show the citation of the clause at the top" },
	[ACT_GOTO] = { "goto", act_goto, "Go to a clause (8, Article 40) or a path (annex1/decl/p8)" },
	[ACT_INFO] = { "info", info_act, "Document information: symbol, date, languages, agenda, pages" },
	[ACT_FOOTNOTES] = { "footnotes", footnotes_act, "Show the footnotes of the marks on the screen (a click on a mark: its own)" },
	[ACT_COPY] = { "copy", copy_act, "Copy the citation and text of the clause at the top" },
	[ACT_CHANGE_NEXT] = { "change-next", compare_ui_next, "Compare (--compare OLD NEW): next change" },
	[ACT_CHANGE_PREV] = { "change-prev", compare_ui_prev, "Compare: previous change" },
	[ACT_CHANGE_OLD] = { "change-old", compare_ui_old, "Compare: OLD's text of the clause at the top" },
	[ACT_LANGUAGES] = { "languages", parallel_ui_languages, "Another language version (library) side by side, or close it" },
	[ACT_TOGGLE_OUTLINE] = { "toggle-outline", act_toggle_outline, "Show or hide the outline" },
	[ACT_TOGGLE_NUMBERS] = { "toggle-numbers", act_toggle_numbers, "Show or hide clause numbers" },
	[ACT_TOGGLE_REMOVED] = { "toggle-removed", act_toggle_removed, "Show or hide the lines removed from the source (job numbers, headers), dimmed in place" },
	[ACT_REDRAW] = { "redraw", act_redraw, "Redraw the screen" },
	[ACT_CANCEL] = { "cancel", act_cancel, "Back to the text; clear the message" },
	/* Notes: the handlers are in notes_actions.c and notes_select.c. */
	[ACT_TOGGLE_NOTES] = { "toggle-notes", notes_actions_toggle, "Show or hide the notes panel" },
	[ACT_NOTE_ADD] = { "note-add", notes_actions_add, "Add a note on the clause at the top" },
	[ACT_NOTE_ADD_WORDS] = { "note-add-words", notes_actions_add_words, "Add a note on words you type" },
	[ACT_NOTE_SELECT] = { "note-select", notes_select_start, "Select words of the top clause for a note" },
	[ACT_NOTE_EDIT] = { "note-edit", notes_actions_edit, "Edit the note of the clause (or panel)" },
	[ACT_NOTE_DELETE] = { "note-delete", notes_actions_delete, "Delete the note (asks y/n)" },
	[ACT_NOTE_UNDELETE] = { "note-undelete", notes_actions_undelete, "Bring back the last deleted note" },
	[ACT_NOTE_FILTER] = { "note-filter", notes_actions_filter, "Filter notes by text (/ in the panel)" },
	[ACT_NOTE_TAG] = { "note-tag", notes_actions_tag, "Filter notes by #tag (empty: all)" },
	[ACT_SELECT_EXTEND] = { "select-extend", notes_select_extend, "Selection (v): end one word later" },
	[ACT_SELECT_SHRINK] = { "select-shrink", notes_select_shrink, "Selection: end one word earlier" },
	[ACT_SELECT_START_LATER] = { "select-start-later", notes_select_start_later, "Selection: start one word later" },
	[ACT_SELECT_START_EARLIER] = { "select-start-earlier", notes_select_start_earlier, "Selection: start one word earlier" },
	[ACT_SELECT_SENTENCE] = { "select-sentence", notes_select_sentence, "Selection: end at the end of the sentence" },
	[ACT_SELECT_NOTE] = { "select-note", notes_select_note, "Selection: write a note on the selected words" },
	[ACT_SELECT_CANCEL] = { "select-cancel", notes_select_cancel, "Selection: cancel it" },
	/* References, search, history, library: refs_ui.h. */
	[ACT_REF_NEXT] = { "ref-next", refs_ui_next, "Next reference (item, resolution)" },
	[ACT_REF_PREV] = { "ref-prev", refs_ui_prev, "Previous reference" },
	[ACT_TOGGLE_REFS] = { "toggle-refs", refs_ui_toggle, "References: targets and mentions" },
	[ACT_SEARCH_FORWARD] = { "search-forward", search_ui_forward, "Search forward (smart case, accents)" },
	[ACT_SEARCH_BACKWARD] = { "search-backward", search_ui_backward, "Search backward" },
	[ACT_SEARCH_NEXT] = { "search-next", search_ui_next, "Next match (same direction)" },
	[ACT_SEARCH_PREV] = { "search-prev", search_ui_prev, "Previous match" },
	[ACT_HISTORY_BACK] = { "history-back", history_act_back, "Back to before the last jump" },
	[ACT_HISTORY_FORWARD] = { "history-forward", history_act_forward, "Forward again after going back" },
	[ACT_MARK] = { "mark", history_act_mark, "Set mark a-z here (m a)" },
	[ACT_GOTO_MARK] = { "goto-mark", history_act_goto_mark, "Go to mark a-z ('' goes back)" },
	[ACT_TOGGLE_LIBRARY] = { "toggle-library", library_ui_toggle, "Library: list of documents" },
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
