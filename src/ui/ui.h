/* ui: the terminal reader. The only part of lectern that includes curses. */
#ifndef LECTERN_UI_H
#define LECTERN_UI_H

#include "doc.h"
#include "config.h"
#include "doc_open.h"

struct ui;
struct pane;

typedef struct ui_options {
	const config *cfg;
	const char *theme;	/* overrides cfg->theme when non-NULL */
	int no_color;		/* 1: monochrome whatever the terminal */
	const char *notes_db;	/* NULL = default location */
	const char *library_db;	/* the library index; NULL = default */
	const char *lang;	/* parse option of a library's documents
				   (--lang); NULL = detect */
	const char *notice;	/* NULL, or what to say on the message line
				   when the document opens: lines ending in
				   '\n' (source_report's; a leading
				   "lectern: " is dropped), the first shown
				   with "(+N more)", the next at each key */
	doc_open_job *rest;	/* NULL, or the parse of the whole of which
				   ui_run's d is the beginning
				   (doc_open_first): ui_run starts it after
				   the first frame and a pause, reads the
				   whole when it is ready and frees the job
				   and the whole; d stays the caller's */
	/* A view over the reader (compare_ui.c, parallel_ui.c): called once
	 * the reader's panes exist, returns one more pane to add (drawn over
	 * the others in order), or NULL. */
	struct pane *(*view)(struct ui *u, void *arg);
	void *view_arg;
} ui_options;

/* Runs the reader on d until the user quits. Returns the process exit code
 * (0; 3 with a message on stderr when the terminal cannot be used; 129 or
 * 143 after SIGHUP or SIGTERM). */
int ui_run(doc *d, const ui_options *opt);
/* Runs the reader on a library: the documents under paths (directories
 * and files), indexed in opt->library_db; opens the first one. Same exit
 * codes; 1 also when the library has no document. */
int ui_run_library(const char *const *paths, size_t n, const ui_options *opt);

#endif
