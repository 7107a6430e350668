/* cli_library: lectern --list, the documents of a library as tab-separated
 * lines (the view; library.h indexes them), and the progress line that
 * --list and --refs show while an index is built. */
#ifndef LECTERN_CLI_LIBRARY_H
#define LECTERN_CLI_LIBRARY_H

#include <stddef.h>
#include <stdio.h>

#include "catalog.h"

/* One line per document under paths, sorted by symbol:
 *	path  symbol  date  language  title   (unknown fields empty)
 * every field in visible form (cli_out.h). db_path: the index file (NULL =
 * default). Messages ("lectern: ...") go to errout. Returns the exit
 * status: 0, or 1 when a path or file could not be used (the rest is
 * printed) or on a write error (said). */
int cli_library_list(const char *const *paths, size_t npaths,
		     const char *db_path, const char *lang, const catalog *cat,
		     FILE *out, FILE *errout);

/* The progress line of a scan: "lectern: indexing 340/2000 documents" on
 * err, only when err is a terminal and the scan has run for half a second
 * (never on a pipe or a file), redrawn at most ten times a second in
 * place ('\r'), and erased by _end (call it before printing anything else
 * on err). */
typedef struct cli_library_meter {
	FILE *err;
	int tty;		/* err is a terminal */
	int shown;		/* the line is on the screen */
	long long start_ns, last_ns;	/* CLOCK_MONOTONIC */
} cli_library_meter;

void cli_library_meter_start(cli_library_meter *m, FILE *err);
/* For library_options.progress (through the caller's context). */
void cli_library_meter_step(cli_library_meter *m, size_t done, size_t total);
void cli_library_meter_end(cli_library_meter *m);

#endif
