/* cli_parallel: `lectern --parallel A B`, two language versions aligned
 * clause by clause (align.h): a table of the pairs for people, --json for
 * scripts, --dump -w N the two texts in two columns. */
#ifndef LECTERN_CLI_PARALLEL_H
#define LECTERN_CLI_PARALLEL_H

#include <stdio.h>

#include "align.h"

typedef enum cli_parallel_view {
	CLI_PARALLEL_TABLE,	/* one line per pair, then the figures */
	CLI_PARALLEL_JSON,	/* {"pairs": [{"left", "right", "confidence"}]} */
	CLI_PARALLEL_DUMP,	/* two columns in width_cols */
} cli_parallel_view;

/* Figures of an alignment: how many pairs of each kind, and how the
 * numbered paragraphs fared (paired with the paragraph of the same
 * number on the other side, or not). */
typedef struct cli_parallel_figures {
	size_t pairs, by_number, by_length, gaps_left, gaps_right, merges;
	size_t numbered;	/* numbered paragraphs on either side */
	size_t numbered_same;	/* ... paired with the same number */
	double mean_confidence;
} cli_parallel_figures;

void cli_parallel_count(const align_result *r, cli_parallel_figures *f);

/* Opens both files, aligns them and prints view to out. Returns the exit
 * status: 0; 1 when a file cannot be read or on a write error (said on
 * errout). */
int cli_parallel_run(const char *left_path, const char *right_path,
		     cli_parallel_view view, int width_cols, const char *lang,
		     FILE *out, FILE *errout);

#endif
