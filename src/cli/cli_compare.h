/* cli_compare: `lectern --compare OLD NEW`, what changed between two
 * versions of a document (compare.h), for people (a summary line, then
 * each change with its citations in both versions and its words marked
 * as wdiff does: [-deleted-] {+inserted+}) or, with --json, for scripts. */
#ifndef LECTERN_CLI_COMPARE_H
#define LECTERN_CLI_COMPARE_H

#include <stdio.h>

#include "compare.h"
#include "util.h"

/* Opens both files (doc_open, language lang or detected), compares them
 * and prints the result to out, wrapped at width_cols (text only).
 * Returns the exit status: 0; 1 when a file cannot be read or on a write
 * error (said on errout). */
int cli_compare_run(const char *old_path, const char *new_path, int json,
		    int width_cols, const char *lang, FILE *out, FILE *errout);

/* The summary of r: "op. 3 changed, op. 7 added, pp. 4 deleted,
 * op. 2 moved to 9, op. 5-12 renumbered to 6-13, 14 unchanged" (runs of
 * consecutive numbers joined). Caller frees. */
char *cli_compare_summary(const compare_result *r);

/* Appends the report for people (summary, then each change) to b. */
void cli_compare_text(const compare_result *r, int width_cols, buf *b);

/* A JSON string of s (NUL-terminated), any invalid UTF-8 byte as U+FFFD
 * (jansson refuses invalid UTF-8: a file name may be). */
struct json_t;
struct json_t *cli_compare_json_string(const char *s);

#endif
