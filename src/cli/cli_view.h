/* cli_view: the document views of the command line (--outline, --json,
 * --dump: export.h makes them) with their exit status. */
#ifndef LECTERN_CLI_VIEW_H
#define LECTERN_CLI_VIEW_H

#include <stdio.h>

#include "doc.h"

typedef enum cli_view_kind {
	CLI_VIEW_OUTLINE,
	CLI_VIEW_JSON,
	CLI_VIEW_DUMP,		/* wrapped at width_cols */
} cli_view_kind;

/* Prints view of d to out and flushes it. Returns the exit status: 0, or
 * 1 after "lectern: write error: …" on errout. */
int cli_view_print(cli_view_kind view, const doc *d, int width_cols,
		   FILE *out, FILE *errout);

#endif
