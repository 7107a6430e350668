/* cli_library: lectern --list, the documents of a library as tab-separated
 * lines (the view; library.h indexes them). */
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

#endif
