/* refs_ui: the reader's side of references, search, jump history and the
 * library (src/ui/ only; owner: ui-refs).
 *
 * One state per reader (u->rx) holds what these features share: the
 * catalog and the current document's references (refs_ui.c), the search
 * query and its current match (search_ui.c), the jump history and marks
 * (history.c) and, in a library, the index and its document list
 * (library_ui.c). decor.c draws the text pane's lines with references and
 * matches highlighted.
 *
 * ui.c, pane_text.c and the action table reach this code only through the
 * hooks below. Invariant: rx->refs and rx->srch always describe u->d
 * (refs_ui_doc_changed rebuilds them when the document changes). */
#ifndef LECTERN_UI_REFS_UI_H
#define LECTERN_UI_REFS_UI_H

#include <stddef.h>

#include "catalog.h"
#include "library.h"
#include "refs.h"
#include "search.h"
#include "ui/ui_impl.h"

typedef struct hist_entry {
	char *path;		/* the document's file (NULL: the only one) */
	doc_pos pos;
} hist_entry;

typedef struct mark {
	char *path;
	int letter;		/* 'a'-'z' */
	doc_pos pos;
} mark;

typedef struct refs_ui {
	catalog *cat;
	ref_list *refs;		/* of u->d */
	size_t cur_ref;		/* the reference last moved to, or (size_t)-1 */

	search *srch;		/* of u->d */
	char *query;		/* the last query, or NULL */
	int hl;			/* highlight the query's matches */
	search_dir dir;		/* of the last search */
	search_match cur;	/* the current match (when cur_valid) */
	int cur_valid;
	doc_pos start;		/* where an incremental search started */
	layout_addr start_top;

	hist_entry *h;		/* jump history, oldest first */
	size_t hn, hcap, hi;	/* hi: the entry being visited; hn = live */
	int replaying;		/* moving through history: do not record */
	mark *marks;
	size_t nmarks, mcap;

	library *lib;		/* NULL unless reading a library */
	library_doc *docs;
	size_t ndocs;
	int own_doc;		/* u->d was loaded here: free it */
	int focus_lib;		/* focus the library pane when first placed */

	pane *refs_pane, *lib_pane;
} refs_ui;

/* refs_ui.c ----------------------------------------------------------- */

/* Makes u->rx (catalog, references of u->d) and the references pane. */
void refs_ui_new(ui *u);
/* Frees u->rx, its document when it owns one, and the library. */
void refs_ui_free(ui *u);
/* The document changed (library): rebuild references, search, panes. */
void refs_ui_doc_changed(ui *u);
pane *refs_ui_refs_pane(ui *u);
/* Hides the references or library pane when it covers the text (a short
 * terminal), so that what comes next is seen. Returns flags. */
int refs_ui_uncover(ui *u);
/* Puts the pane's cursor on the target key (after opening a document). */
void refs_ui_select(ui *u, const char *key);
/* What the reference at index i is, for the message line. */
void refs_ui_describe(ui *u, size_t i);

int refs_ui_next(ui *u);
int refs_ui_prev(ui *u);
int refs_ui_toggle(ui *u);

/* decor.c --------------------------------------------------------------- */

/* Draws the text of layout line l (of node nd) at (row, x) in the text
 * pane, in attribute a, with references and search matches highlighted. */
void decor_line(pane *p, ui *u, int row, int x, const layout_line *l,
		const node *nd, attr_t a);
/* A click at (y, x) of the text pane: on a reference, makes it current
 * and describes it (UI_DRAW); elsewhere UI_NONE. */
int decor_click(pane *p, ui *u, int y, int x);
/* Plain offset -> display address; is it on the screen? */
layout_addr decor_addr_of(ui *u, size_t plain_off);
int decor_visible(ui *u, layout_addr a);
/* Shows plain offset off: nothing moves when it is on the screen already,
 * else a jump puts its line near the top. Returns flags. */
int decor_show(ui *u, size_t off, int record);

/* search_ui.c ----------------------------------------------------------- */

int search_ui_forward(ui *u);
int search_ui_backward(ui *u);
int search_ui_next(ui *u);
int search_ui_prev(ui *u);
/* Forgets the document's search (the document changed). */
void search_ui_reset(ui *u);

/* history.c ------------------------------------------------------------- */

/* ui_jump's hook: remembers the position before a jump. */
void history_before_jump(ui *u);
int history_act_back(ui *u);
int history_act_forward(ui *u);
int history_act_mark(ui *u);
int history_act_goto_mark(ui *u);
void history_clear(refs_ui *rx);

/* library_ui.c -------------------------------------------------------- */

/* Before curses: opens the library of paths, scans it, loads its first
 * document into u->d; every document is parsed with lang (NULL = detect).
 * Returns 0, or -1 after printing why to stderr. */
int library_ui_prepare(ui *u, const char *const *paths, size_t n,
		       const char *db_path, const char *lang);
pane *library_ui_pane(ui *u);
int library_ui_toggle(ui *u);
/* Opens the library document at path (absolute) at the first mention of
 * reference key (NULL: the top). Records the jump. Returns flags. */
int library_ui_open(ui *u, const char *path, const char *key);
/* Opens path at pos without recording (history replay). */
int library_ui_open_at(ui *u, const char *path, doc_pos pos);

#endif
