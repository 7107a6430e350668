/* align: two language versions of a document, clause by clause. Nothing
 * here prints.
 *
 * Alignment goes by structure, parent by parent from the root: among the
 * children of two aligned nodes, those with a printed number (paragraphs,
 * sections, sub-items) are paired by the number (folded: "8." = "8",
 * Cyrillic look-alike letters = Latin ones; sub-items by their place among
 * the sub-items), keeping the longest run in order; between two such
 * anchors, the rest is aligned by order and length with a Gale–Church
 * dynamic programme (1-1, 1-0, 0-1, 2-1 and 1-2; length in characters of a
 * node's own text, since its children are aligned in their turn; the
 * expected ratio that of the two whole texts; a numbered paragraph pairs
 * with a node of another kind only under the same number). Paired nodes (1-1) are aligned the same way inside; a node with
 * no partner is paired with a gap, never forced. Last, each run of gaps
 * with nodes on both sides (their parents did not pair: a section split
 * otherwise by one parse) is aligned again the same way as two flat lists
 * (sub-items not by place there), in place.
 *
 * Confidence, 0-1: a pair by number 0.5 + 0.5 P (0.4 + 0.4 P found in a
 * run of gaps), a pair by length
 * 0.25 + 0.5 P (halved when the kinds differ, 0.8 times for 2-1 and 1-2),
 * where P = 2 (1 - Phi(|delta|)) is Gale–Church's probability of the
 * length difference; a gap 0.9 when nothing on the other side could
 * partner it, else 0.5.
 *
 * Invariants: every node with text of either document is in exactly one
 * pair; pairs are in the reading order of both documents. */
#ifndef LECTERN_ALIGN_H
#define LECTERN_ALIGN_H

#include <stddef.h>

#include "doc.h"

typedef enum align_how {
	ALIGN_NUMBER,		/* by printed number or node path */
	ALIGN_LENGTH,		/* by order and length */
	ALIGN_GAP,		/* no partner */
} align_how;

typedef struct align_pair {
	const node *left[2];	/* nleft: 0 (a gap), 1, or 2 (2-1) */
	size_t nleft;
	const node *right[2];
	size_t nright;
	align_how how;
	double confidence;
} align_pair;

typedef struct align_result {
	const doc *left, *right;	/* not owned */
	align_pair *pairs;
	size_t n, cap;
} align_result;

/* Aligns left with right. The result points into both; free it before
 * them. Never fails. */
align_result *align_docs(const doc *left, const doc *right);
void align_free(align_result *r);

#endif
