/* compare_ui: `lectern --compare OLD NEW` in the reader (compare_ui.c). */
#ifndef LECTERN_COMPARE_UI_H
#define LECTERN_COMPARE_UI_H

#include "ui/ui.h"

/* Opens both files (language lang, or detected), compares them and runs
 * the reader on NEW's text with the changes marked. Returns the exit code
 * (ui_run's; 1 with a message on stderr when a file cannot be read). */
int compare_ui_run(const char *old_path, const char *new_path, const char *lang,
		   const ui_options *opt);

/* Actions (actions.c): the next and the previous change, OLD's text of
 * the clause at the top. Outside the view they say how to open it. */
struct ui;
int compare_ui_next(struct ui *u);
int compare_ui_prev(struct ui *u);
int compare_ui_old(struct ui *u);
/* Whether the help lists action act: the actions above only in the view
 * (elsewhere they only say how to open it). */
int compare_ui_lists(const struct ui *u, int act);

#endif
