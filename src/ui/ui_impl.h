/* ui_impl: what the files of the terminal reader share (src/ui/ only).
 *
 * The reader is a set of panes (outline, text, status, help overlay, notes,
 * references, library) driven by one loop in ui.c. A pane is a module: a
 * struct of callbacks (reserve, recalc, draw, action, key, mouse, follow,
 * place, free) in its own file; the loop calls them without knowing which
 * feature a pane is. Features hear of what happens elsewhere through
 * events (ui_observe, ui_notify: a jump, another document, notes changed),
 * NeoMutt's observers, never through calls by name from the core. Keys map to actions through one binding table (keys.c); actions
 * are declared once in actions.c (name, handler, help). Actions and pane
 * callbacks change state and return UI_* flags saying what changed; only the
 * loop draws, once per iteration.
 *
 * Invariants:
 * - u->pos (block, byte) is the reading position and survives resizes;
 *   u->top is the display line at the top of the text pane, derived from
 *   u->pos for the current layout (ui_set_top keeps both in step);
 * - every string reaches the terminal through draw_str (draw.c), which clips
 *   by display columns without splitting a grapheme and shows control
 *   characters as visible symbols;
 * - a pane's window exists only while the pane is shown (win may be NULL);
 * - drawing reads only memory: what a pane derives from storage (the notes
 *   database) is brought up to date by its recalc hook, which the loop
 *   calls before drawing. */
#ifndef LECTERN_UI_IMPL_H
#define LECTERN_UI_IMPL_H

#include <curses.h>
#include <panel.h>
#include <stddef.h>

#include "config.h"
#include "doc.h"
#include "doc_open.h"
#include "layout.h"
#include "theme.h"

/* What an action or callback changed. UI_PASS: not handled here, try the
 * next handler (pane first, then the action table). */
enum {
	UI_PASS = -1,
	UI_NONE = 0,
	UI_DRAW = 1,		/* redraw the panes */
	UI_MOVED = 2,		/* the reading position changed */
	UI_GEOMETRY = 4,	/* pane sizes or visibility changed */
	UI_QUIT = 8,
};

/* Minimum terminal size; below it the reader shows "terminal too small". */
#define UI_MIN_COLS 30
#define UI_MIN_ROWS 8
/* The text pane keeps at least this many columns: side panes that would
 * squeeze it more are hidden (the outline then opens over the text). */
#define UI_TEXT_MIN_COLS 40
/* The default text measure, gutter included (config.ini text_cols): longer
 * lines are hard to read, so a wider text pane centres a column of this
 * width. */
#define UI_TEXT_MAX_COLS 100
/* The outline's width for config.ini's outline_cols = auto: a quarter
 * of the terminal plus UI_OUTLINE_AUTO_ADD, within these bounds (30 columns
 * at 80, 40 at 120, 56 from 184 on: wider, the rows of clauses, which
 * hold their opening words, would only take more room from the text). */
#define UI_OUTLINE_AUTO_ADD 10
#define UI_OUTLINE_MIN_COLS 20
#define UI_OUTLINE_MAX_COLS 56

/* Keys: a character is its code point; a curses function key k (KEY_UP…)
 * is UI_KEY_FN(k). Enter is '\n', Backspace UI_KEY_FN(KEY_BACKSPACE). */
#define UI_KEY_FN(k) (0x200000 | (k))
#define UI_KEY_IS_FN(k) (((k) & 0x200000) != 0)
#define UI_KEY_CTRL(c) ((c) & 0x1f)
#define UI_KEY_ESC 27

/* Mouse buttons as panes see them. */
enum { UI_MOUSE_CLICK = 1, UI_MOUSE_WHEEL_UP, UI_MOUSE_WHEEL_DOWN };

/* Where a pane sits. Side panes take columns from the text pane. */
enum pane_side { PANE_LEFT, PANE_CENTRE, PANE_RIGHT, PANE_BOTTOM, PANE_OVERLAY };

typedef struct ui ui;
typedef struct pane pane;
typedef struct prompt prompt;

/* Events (a bit mask for ui_observe). */
enum ui_event {
	UI_EVENT_JUMP = 1,		/* a jump leaves u->pos (still the old
					   place when observers hear it) */
	UI_EVENT_DOC_CHANGED = 2,	/* u->d is another document */
	UI_EVENT_NOTES_CHANGED = 4,	/* this reader changed the notes */
	UI_EVENT_CANCEL = 8,		/* Esc in the text: no highlights, no
					   current item */
};
typedef void (*ui_observer_fn)(ui *u, int event, void *data);

typedef struct pane_ops {
	const char *name;
	/* Before the panes are placed: takes room at the pane's side of the
	 * main area (main_h rows; cols: the columns it may share with the
	 * text) and sets its geometry (p->placed only where it goes). Returns
	 * the rows (PANE_BOTTOM) or columns (PANE_RIGHT) it takes there; 0
	 * when it is hidden or over the text (p->covers). May be NULL. */
	int (*reserve)(pane *p, ui *u, int main_h, int cols);
	/* Before drawing, at every iteration that draws: brings what the pane
	 * derives from storage up to date (cheaply when nothing changed), so
	 * that draw reads only memory. May be NULL. */
	void (*recalc)(pane *p, ui *u);
	/* Draws the whole pane into p->win (never refreshes). */
	void (*draw)(pane *p, ui *u);
	/* An action (ACT_*) while the pane has focus, or UI_PASS. */
	int (*action)(pane *p, ui *u, int act);
	/* A raw key before bindings (text entry), or UI_PASS. May be NULL. */
	int (*key)(pane *p, ui *u, int key);
	/* A mouse event at pane coordinates (y, x); may be NULL. */
	int (*mouse)(pane *p, ui *u, int y, int x, int button);
	/* The reading position changed: follow it. May be NULL. */
	void (*follow)(pane *p, ui *u);
	/* Placed at a new size (p->h, p->w set). May be NULL. */
	void (*place)(pane *p, ui *u);
	/* Over a line of the text pane, after it is drawn: line l at row,
	 * the text column (its gutter first; left of x0 the margin) starting
	 * at x0 and the line's text at x. Called for every pane that has it, shown or not (the
	 * notes' markers show with the panel hidden). May be NULL. */
	void (*decorate)(pane *p, ui *u, pane *text, int row, int x0, int x,
			 const layout_line *l);
	/* The message-line hint while the pane has the focus, its keys named
	 * (keys_expand), or NULL for the reader's. May be NULL. */
	const char *(*hint)(pane *p, ui *u);
	/* Frees the pane's state (p->priv); the caller frees p. */
	void (*free)(pane *p);
} pane_ops;

struct pane {
	const pane_ops *ops;
	enum pane_side side;
	int want_cols;		/* side panes: preferred width */
	int shown;		/* the user wants it shown */
	int placed;		/* it has a window now */
	int focusable;
	int covers;		/* placed over the text pane (reserve) */
	int y, x, h, w;		/* screen cells; valid while placed */
	WINDOW *win;
	PANEL *panel;
	void *priv;		/* the pane module's state */
};

/* A key -> action binding. */
typedef struct keys_binding {
	int key;
	int act;
} keys_binding;

#define UI_MAX_PANES 16	/* reader 4, notes 2, references and search more */
#define UI_MAX_OBSERVERS 16

typedef struct ui_observer {
	int events;
	ui_observer_fn fn;
	void *data;
} ui_observer;

struct ui {
	doc *d;
	const config *cfg;
	layout *lo;
	int lo_width;		/* columns the layout was made for */
	int measure_cols;	/* widest text column (config text_cols);
				   0 = the whole text pane */
	int outline_auto;	/* 1: the outline's width follows the
				   terminal (outline_cols = auto, or 0) */

	doc_pos pos;		/* reading position: the source of truth */
	layout_addr top;	/* display line at the top of the text pane */

	pane *panes[UI_MAX_PANES];	/* drawing order, bottom first */
	size_t npanes;
	pane *outline, *text, *status, *help;
	pane *notes, *editor;	/* notes panel and note editor (notes_ui.h) */
	pane *popup;		/* information and footnotes (popup.c) */
	char *report;		/* what the source's clean-up changed in u->d
				   (source_report's lines), or NULL; owned */
	pane *focus;		/* receives keys; never NULL once running */
	pane *overlay;		/* a modal pane on top (help), or NULL */
	prompt *prompt;		/* the open prompt (takes all keys), or NULL */
	int outline_full;	/* the outline covers the text pane (narrow) */
	int outline_squeezed;	/* shown, but no room beside the text */
	int notes_yield;	/* the notes panel, shown, gives way to the
				   outline (no room for both beside the
				   text); it takes the outline's place while
				   it has the focus */
	pane *placed_focus;	/* the focus when the panes were placed
				   (NULL before the first placement) */

	int rows, cols;
	int too_small;
	WINDOW *tiny;		/* "terminal too small" */
	PANEL *tiny_panel;
	WINDOW *input;		/* 1x1, never drawn: keys are read here */

	int show_numbers;
	int show_removed;	/* the removed lines drawn back in place (Z) */
	char msg[512];		/* the message line; "" = hint */
	theme_role msg_role;
	char *notices;		/* lines waiting for the message line (each
				   a role letter, E or M, then the text and
				   '\n'), or NULL; owned (ui_notice) */

	int color;
	attr_t attr[ROLE_COUNT];

	keys_binding *bind;
	size_t nbind, bind_cap;

	ui_observer observers[UI_MAX_OBSERVERS];
	size_t nobservers;

	const char *notes_db;	/* the notes store to reopen (ui_set_document) */
	struct refs_ui *rx;	/* references, search, history, library
				   (refs_ui.h) */
	doc_open_job *rest;	/* while u->d is the beginning of a large
				   document: the parse of the whole
				   (doc_open.h); NULL once it is read */
	size_t near_cut;	/* meanwhile: the first block of u->d near
				   its cut, kept off the screen */
	doc *whole;		/* the whole read from rest; owned */
};

/* ui.c: shared helpers for actions and panes. */
/* Calls fn(u, event, data) for each event in the mask events, in the order
 * of subscription. */
void ui_observe(ui *u, int events, ui_observer_fn fn, void *data);
/* Tells the observers of event. */
void ui_notify(ui *u, int event);
void ui_message(ui *u, theme_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Says text on the message line now, as a warning: lines ending in '\n'
 * (the last may lack it; a leading "lectern: " is dropped). The first is
 * shown with "(+N more)" when there are more; the others, then the message
 * that was showing, come at the next keys that leave the line empty. */
void ui_notice(ui *u, const char *text);
/* Scrolls the text by delta lines (negative = up); never past the last
 * screenful. Returns flags. */
int ui_scroll(ui *u, long delta);
/* Puts p at the top of the text pane (a jump: every jump goes through here,
 * so a history can hook in). Returns flags. */
int ui_jump(ui *u, doc_pos p);
/* Makes d the document being read (a library opens another one), at pos:
 * layout, outline, notes and references follow d. The caller owns both
 * documents and may free the old one after the call. Returns flags. */
int ui_set_document(ui *u, doc *d, doc_pos pos);
int ui_top_of_document(ui *u);
int ui_end_of_document(ui *u);
/* Lines of the text pane (at least 1). */
int ui_text_rows(const ui *u);
int ui_focus(ui *u, pane *p);
/* Adds p (a pane a feature opens while reading: parallel_ui.c) on top of
 * the others; the loop frees it at the end. 0, or -1 when there are
 * UI_MAX_PANES already (the caller keeps p). */
int ui_add_pane(ui *u, pane *p);
/* Moves the focus as Tab (dir > 0) or BTab do: text, outline, notes, then
 * the panes below the text, and round. */
int ui_focus_next(ui *u, int dir);
/* The pane ui_focus_next(u, dir) would focus, or NULL (for the hints). */
pane *ui_focus_target(const ui *u, int dir);
/* The screen columns the text and the notes panel may share while the
 * outline, when shown, keeps its place beside them (it gives way no
 * further than UI_OUTLINE_MIN_COLS): u->cols less that. A panel wider than
 * this leaves the text fewer than UI_TEXT_MIN_COLS beside the outline, and
 * waits for the focus to take the outline's place (u->notes_yield). */
int ui_notes_room(const ui *u);
/* Asks the terminal again for the SGR mouse reports the reader reads
 * itself (after another program had the terminal: an editor). */
void ui_mouse_again(void);
/* The node whose text is at the top of the text pane. */
const node *ui_top_node(const ui *u);
/* Compares two display addresses: <0, 0, >0. */
int ui_addr_cmp(layout_addr a, layout_addr b);
/* The first block of nd's subtree, or (size_t)-1 if it has no text. */
size_t ui_node_block(const doc *d, const node *nd);

/* draw.c: the only way text reaches the screen. */
void draw_colors(ui *u, const theme *t, int use_color);
attr_t draw_attr(const ui *u, theme_role r);
/* Draws s[0, n_bytes) at (y, x) in at most max_cols columns; returns the
 * columns used. Never splits a grapheme; control characters are shown as
 * visible symbols. */
int draw_str(WINDOW *w, int y, int x, const char *s, size_t n_bytes,
	     int max_cols, attr_t a);
/* Like draw_str, but ends with '…' when s does not fit. */
int draw_str_ellipsis(WINDOW *w, int y, int x, const char *s, size_t n_bytes,
		      int max_cols, attr_t a);
/* Fills cols cells of row y from x with spaces in attribute a. */
void draw_fill(WINDOW *w, int y, int x, int cols, attr_t a);

/* keys.c */
/* Parses a key name ("j", "C-f", "PageDown", "F1", "Space", "ñ"); -1 if
 * unknown. */
int keys_parse(const char *name);
/* A key's display name into out (at least 32 bytes). */
void keys_name(int key, char *out, size_t size);
/* Fills u->bind with the defaults, then cfg's [keys] (a binding goes to
 * the map of its action; "none" unbinds a key of the reader's map). Returns 0, or -1 with
 * *err = "FILE:LINE: message" (caller frees). */
int keys_setup(ui *u, const config *cfg, char **err);
/* The action bound to key in the reader's map, or -1. */
int keys_lookup(const ui *u, int key);
/* The action bound to key in map (enum keys_map), or -1. */
int keys_lookup_in(const ui *u, int map, int key);
/* The keys bound to act, as display names joined by ' ', into out. */
void keys_of_action(const ui *u, int act, char *out, size_t size);
/* The first key bound to act, as its display name, into out (at least 32
 * bytes); the action's name ("toggle-notes") when no key is bound, so a
 * hint still says what to bind. Returns out. */
const char *keys_first(const ui *u, int act, char *out, size_t size);
/* Copies tmpl into out with each "{action-name}" replaced by the first key
 * bound to that action (keys_first): every key a hint or message names
 * comes from the bindings, never from a literal. Returns 0, or -1 when an
 * action named has no key (out then names the action). */
int keys_expand(const ui *u, const char *tmpl, char *out, size_t size);
/* A curses input (get_wch result) as a key, Enter and Backspace unified. */
int keys_from_curses(int r, wint_t ch);

/* actions.c: the one table of actions. */
enum action_id {
	ACT_QUIT, ACT_HELP,
	ACT_LINE_DOWN, ACT_LINE_UP, ACT_PAGE_DOWN, ACT_PAGE_UP,
	ACT_HALF_DOWN, ACT_HALF_UP, ACT_TOP, ACT_BOTTOM,
	ACT_NEXT_BLOCK, ACT_PREV_BLOCK,
	ACT_ACTIVATE, ACT_FOCUS_NEXT, ACT_FOCUS_PREV,
	ACT_CITE, ACT_GOTO,
	ACT_INFO, ACT_FOOTNOTES, ACT_COPY,
	/* --compare in the reader (compare_ui.h) */
	ACT_CHANGE_NEXT, ACT_CHANGE_PREV, ACT_CHANGE_OLD,
	ACT_LANGUAGES,		/* parallel_ui.h */
	/* References, search, history, library (refs_ui.h): before cancel,
	 * which the help screen lists near its end. */
	ACT_REF_NEXT, ACT_REF_PREV, ACT_TOGGLE_REFS, ACT_SEARCH_FORWARD,
	ACT_SEARCH_BACKWARD, ACT_SEARCH_NEXT, ACT_SEARCH_PREV,
	ACT_HISTORY_BACK, ACT_HISTORY_FORWARD, ACT_MARK, ACT_GOTO_MARK,
	ACT_TOGGLE_LIBRARY,
	ACT_TOGGLE_OUTLINE, ACT_TOGGLE_NUMBERS, ACT_TOGGLE_REMOVED, ACT_REDRAW,
	ACT_CANCEL,
	ACT_TOGGLE_NOTES, ACT_NOTE_ADD, ACT_NOTE_ADD_WORDS, ACT_NOTE_EDIT,
	ACT_NOTE_DELETE, ACT_NOTE_UNDELETE, ACT_NOTE_FILTER, ACT_NOTE_TAG,
	ACT_NOTE_SELECT,
	/* While words are selected for a note (v): keys.c's KEYS_SELECT map
	 * (notes_select.c). Last, as the help screen lists them. */
	ACT_SELECT_EXTEND, ACT_SELECT_SHRINK, ACT_SELECT_START_LATER,
	ACT_SELECT_START_EARLIER, ACT_SELECT_SENTENCE, ACT_SELECT_NOTE,
	ACT_SELECT_CANCEL,
	ACT_COUNT
};
/* Key maps: a key means one action in each. The map of an action follows
 * from its id: the select-* actions are bound in KEYS_SELECT, the others
 * in KEYS_READER. */
enum keys_map { KEYS_READER, KEYS_SELECT };
#define ACTIONS_MAP(act) ((act) >= ACT_SELECT_EXTEND ? KEYS_SELECT : KEYS_READER)
typedef struct action {
	const char *name;	/* as in config [keys]: "page-down" */
	int (*fn)(ui *u);	/* the default: acts on the text */
	const char *help;	/* one line for the help screen */
} action;
extern const action actions_table[ACT_COUNT];
/* The action called name, or -1; "none" (unbinds) is -2. */
int actions_find(const char *name);
/* Runs act: the focused pane first, then the table. Returns flags. */
int actions_run(ui *u, int act);

/* prompt.c: a line of input on the message line. change (may be NULL) is
 * called after each edit, done once at the end with the text, or NULL when
 * cancelled; both return flags. */
typedef int (*prompt_fn)(ui *u, const char *text, void *arg);
int prompt_open(ui *u, const char *label, prompt_fn change, prompt_fn done,
		void *arg);
void prompt_close(ui *u);
/* A remark shown dimmed after the text while typing ("not found"); ""
 * clears it. */
void prompt_note(ui *u, const char *note);
int prompt_key(ui *u, int key);
void prompt_draw(const ui *u, WINDOW *w, int y, int cols);

/* Panes: constructors. */
pane *pane_text_new(ui *u);
pane *pane_outline_new(ui *u);
pane *status_new(ui *u);
pane *help_new(ui *u);
/* Opens the help overlay (help.c); help_lines: rows of its content laid
 * out for inner_cols columns inside the border; help_cols: the window's
 * width with nothing wrapped (the border included). */
int help_open(ui *u);

/* popup.c: a modal box of lines over the panes (q, Esc, Enter close it). */
enum { POPUP_KEYED = 1 };	/* "key: value" lines: keys as headings */
pane *popup_new(ui *u);
/* Shows text (lines ending in '\n', copied) under title. Returns flags. */
int popup_open(ui *u, const char *title, const char *text, unsigned flags);

/* info.c: the document's information (cli_info_text) in the popup. */
int info_act(ui *u);

/* footnotes.c: footnotes at their marks (superscript digits). */
/* The footnotes whose marks are on the text pane's lines, in the popup. */
int footnotes_act(ui *u);
/* The footnote of the mark at byte `byte` of block b's text, in the popup;
 * UI_PASS when no mark is there. */
int footnotes_open_at(ui *u, size_t b, size_t byte);

/* copy.c: the citation and text of the clause at the top, to the clipboard
 * (config [ui] clipboard: osc52, file, no). */
int copy_act(ui *u);

int help_lines(ui *u, int inner_cols);
int help_cols(ui *u);

#endif
