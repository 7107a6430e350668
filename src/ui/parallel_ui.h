/* parallel_ui: `lectern --parallel A B` in the reader (parallel_ui.c). */
#ifndef LECTERN_PARALLEL_UI_H
#define LECTERN_PARALLEL_UI_H

#include "ui/ui.h"

/* Opens both files (language lang, or each detected), aligns them and runs
 * the reader on A with B beside it, scrolling in lockstep. Returns the
 * exit code (ui_run's; 1 with a message on stderr when a file cannot be
 * read). */
int parallel_ui_run(const char *a_path, const char *b_path, const char *lang,
		    const ui_options *opt);

/* Action (actions.c): in a library, the other language versions of the
 * document being read (the same symbol, another language): one opens
 * beside it at once, several are offered by language; again, it closes. */
struct ui;
int parallel_ui_languages(struct ui *u);

#endif
