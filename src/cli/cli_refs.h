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
 * library_walk), each as cli_refs_print prints it (document column: the
 * path as walked, e.g. "DIR/A_RES_80_16.txt"; "-" reads standard input,
 * named "-"). The library index (db_path: the file, NULL = default) is
 * brought up to date for the directories among the paths first (a
 * progress line on a terminal when that takes long: cli_library_meter),
 * and the lines of every file under them come from it: the same bytes as
 * a parse, which is done for the rest (a file named alone, standard
 * input, a file that cannot be read, all when no index file can be
 * written). Problems go to errout ("lectern: ..."), the
 * same as without an index. Returns the exit status: 0, 1 when a path or
 * file could not be used (the rest is printed) or on a write error (said,
 * and it stops). */
int cli_refs_run(const char *const *paths, size_t npaths, const char *db_path,
		 const char *lang, const catalog *cat, FILE *out, FILE *errout);

#endif
