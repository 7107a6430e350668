/* cli_refs: lectern --refs, the references of documents as tab-separated
 * lines (the view; refs.h finds them). */
#ifndef LECTERN_CLI_REFS_H
#define LECTERN_CLI_REFS_H

#include <stddef.h>
#include <stdio.h>

#include "catalog.h"
#include "doc.h"

/* The references of d, one tab-separated line each:
 *   document  node-path  kind  key  text  paragraph  title
 * (the first five columns are the documented interface; paragraph and
 * title are empty when absent; tabs and newlines inside a field are
 * printed as spaces, every field in visible form: cli_out.h). Returns 0,
 * or -1 on a write error. */
int cli_refs_print(const doc *d, const catalog *c, FILE *out);

/* --refs over paths: the references of every document under them (roots
 * in the order given, files under a directory in path order:
 * library_walk), each printed by cli_refs_print (document column: the
 * path as walked, e.g. "DIR/A_RES_80_16.txt"; "-" reads standard input,
 * named "-"). Parses every file: no index is used, so the output never
 * depends on a cache. Problems go to errout ("lectern: ..."). Returns the
 * exit status: 0, 1 when a path or file could not be used (the rest is
 * printed) or on a write error (said, and it stops). */
int cli_refs_run(const char *const *paths, size_t npaths, const char *lang,
		 const catalog *cat, FILE *out, FILE *errout);

#endif
