/* ui: the terminal reader. The only part of lectern that includes curses. */
#ifndef LECTERN_UI_H
#define LECTERN_UI_H

#include "doc.h"
#include "config.h"

typedef struct ui_options {
	const config *cfg;
	const char *theme;	/* overrides cfg->theme when non-NULL */
	int no_color;		/* 1: monochrome whatever the terminal */
	const char *notes_db;	/* NULL = default location */
} ui_options;

/* Runs the reader on d until the user quits. Returns the process exit code
 * (0, or 1 with a message on stderr when the terminal cannot be used). */
int ui_run(doc *d, const ui_options *opt);

#endif
