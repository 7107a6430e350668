/* notes_ui: the reader's side of notes (src/ui/ only).
 *
 * notes_panel.c is the right-hand panel: it owns the note store (opened
 * with notes_open_best), the anchor view of the document and the list of
 * its notes. notes_actions.c holds the note actions (add, edit, delete,
 * undo, filters), notes_select.c the selection of words for a note (v).
 * editor.c is the multi-line note editor, a modal overlay; it also asks the
 * y/n questions (delete, discard) on the message line. What the three
 * notes files share is notes_impl.h.
 *
 * The rest of the reader reaches this code only through the pane's hooks,
 * events and the declarations below, and stays unaware of SQLite and
 * anchors. */
#ifndef LECTERN_UI_NOTES_UI_H
#define LECTERN_UI_NOTES_UI_H

#include <stddef.h>
#include "ui/ui_impl.h"

/* notes_panel.c --------------------------------------------------------- */

/* The notes pane; sets u->notes. Opens the store (opt_db NULL = the
 * default place). When it is read-only or unavailable, the reason goes to
 * the message line once and note actions refuse with "notes are
 * read-only: <why>". The pane follows the document (UI_EVENT_DOC_CHANGED)
 * and the reader's own changes (UI_EVENT_NOTES_CHANGED). */
pane *notes_panel_new(ui *u, const char *opt_db);

/* notes_actions.c: rows of actions.c's table ---------------------------- */

int notes_actions_toggle(ui *u);
int notes_actions_add(ui *u);
int notes_actions_add_words(ui *u);
int notes_actions_edit(ui *u);
int notes_actions_delete(ui *u);
int notes_actions_undelete(ui *u);
int notes_actions_filter(ui *u);
int notes_actions_tag(ui *u);

/* notes_select.c -------------------------------------------------------- */

/* The note-select action: starts a selection on the clause at the top. */
int notes_select_start(ui *u);
/* The selection's actions (KEYS_SELECT map). */
int notes_select_extend(ui *u);
int notes_select_shrink(ui *u);
int notes_select_start_later(ui *u);
int notes_select_start_earlier(ui *u);
int notes_select_sentence(ui *u);
int notes_select_note(ui *u);
int notes_select_cancel(ui *u);
/* After line l of the text is drawn at (row, x): shows the part of it
 * that is being selected for a note (the notes pane's decorate hook). */
void notes_select_decorate(pane *text, ui *u, int row, int x, const layout_line *l);

/* editor.c -------------------------------------------------------------- */

pane *editor_new(ui *u);
/* Saves text; returns 0 when it is committed (the editor then closes), or
 * -1 with *err (a new string) and the editor stays open with the text. */
typedef int (*editor_save_fn)(ui *u, const char *text, void *arg, char **err);
/* Opens the editor over everything with text (copied; may be NULL), a
 * title for its border and a context line (the quoted words, may be NULL).
 * Returns flags. */
int editor_open(ui *u, const char *title, const char *context,
		const char *text, editor_save_fn save, void *arg);
/* editor_ext.c: the note in the user's editor (config [ui] editor), saved
 * through save; flags, or UI_PASS for the built-in editor: none is
 * configured, or it failed, *fallback then the text to open it with
 * (caller frees; NULL = the note's own). */
int editor_ext_open(ui *u, const char *text, editor_save_fn save, void *arg,
		    char **fallback);
/* Asks question (add " (y/n)") on the message line; y calls yes(u, arg)
 * and returns its flags, anything else says "Cancelled". */
typedef int (*editor_yes_fn)(ui *u, void *arg);
int editor_ask(ui *u, const char *question, editor_yes_fn yes, void *arg);
/* Where the editor overlay goes (sets its pane geometry when it is open). */
void editor_put(ui *u);
/* Bytes of s[0, n_bytes) for the next row of at most cols columns, broken
 * after a space when one is in reach, else between graphemes; at least one
 * grapheme; stops before '\n'. */
size_t editor_wrap(const char *s, size_t n_bytes, int cols);

#endif
