/* notes_impl: what the three notes files share (notes_panel.c,
 * notes_actions.c, notes_select.c; nothing else includes it).
 *
 * The notes pane's state (u->notes->priv) holds the store, the anchor view
 * of the document, the list of its notes with their citations and blocks,
 * the filter, the cursor, what the editor is working on and a selection
 * being made. notes_panel.c owns it: it reads the list (notes_panel_sync,
 * from the pane's recalc hook or an action) and lays the panel out; the
 * other two change it through the functions below. */
#ifndef LECTERN_UI_NOTES_IMPL_H
#define LECTERN_UI_NOTES_IMPL_H

#include <stddef.h>

#include "anchor.h"
#include "notes.h"
#include "search.h"
#include "ui/notes_ui.h"

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
	int dirty;		/* this reader changed the notes: read again */
	long long version;	/* notes_data_version at the last read */
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
	char hint[160];		/* the hint hook's answer */
} notes_ui;

/* notes_panel.c */
/* The pane's state, or NULL before the pane exists. */
notes_ui *notes_panel_state(const ui *u);
/* Reads the list again when it may have changed (force: always). */
void notes_panel_sync(ui *u, notes_ui *n, int force);
/* Applies the filter to the list, keeping the cursor's note. */
void notes_panel_refilter(notes_ui *n);
/* The note is on its whole clause (not on some of its words). */
int notes_panel_whole_clause(const note *nt);
const note *notes_panel_cursor_note(const notes_ui *n);
/* Closes the panel's cover over the text, focusing the text. Returns
 * flags. */
int notes_panel_uncover(ui *u, notes_ui *n);
/* Nonzero when the panel, shown, goes beside the text with the outline
 * (when shown) kept beside it. */
int notes_panel_fits_beside(const ui *u);
/* Shows the panel; with focus, gives it the focus when it would wait for
 * it (no room beside the outline) or opens it over the text. Returns
 * flags. */
int notes_panel_reveal(ui *u, notes_ui *n, int focus);
/* The block of the clause at the reading position. */
size_t notes_panel_top_block(const ui *u);

/* notes_actions.c */
/* The state when notes can be written, else NULL with the reason on the
 * message line. */
notes_ui *notes_actions_writable(ui *u);
/* Opens the editor for a new note on plain bytes [start, end). */
int notes_actions_open_new(ui *u, notes_ui *n, size_t start, size_t end);

/* notes_select.c */
/* A key while a selection is made: its KEYS_SELECT action, or the
 * selection shown again. Returns flags. */
int notes_select_key(ui *u, notes_ui *n, int key);

#endif
