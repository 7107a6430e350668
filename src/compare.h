/* compare: what changed between two versions of a document (a draft and
 * the resolution adopted from it, last year's resolution and this year's),
 * clause by clause and word by word. Nothing here prints.
 *
 * Clauses are the nodes with text. They fall into three parts that are
 * matched separately: preambular paragraphs (and their sub-items),
 * operative or numbered paragraphs (and their sub-items), and everything
 * else (headings, notes, footnotes, table rows). Within a part, clauses are
 * matched by content, not by number: first identical texts, then the most
 * similar pairs (the Dice coefficient of their word bags, at least
 * COMPARE_SIMILAR), then a clause split into two neighbours or two merged
 * into one. A matched pair out of the order of the others (outside the
 * longest increasing run) is "moved"; one whose text is identical but whose
 * printed number differs is "renumbered".
 *
 * Text is compared as words (maximal runs of non-space characters) under a
 * folding that makes extraction differences vanish: typographic quotes,
 * dashes and hyphens, ligatures, soft hyphens and zero-width characters,
 * no-break and thin spaces, superscript digits (footnote marks) as plain
 * digits. Two clauses have the same words when their folded words joined
 * without spaces agree, so that where a space falls is no change (a
 * footnote mark glued or apart: "regard.⁴ JS7", "regard. 4 JS7"; a
 * hyphen left with a space after it). Line breaks, hyphenation and page
 * furniture are gone already (the model).
 *
 * Invariants: every clause of either document is in exactly one entry;
 * entries are in the reading order of NEW (a deleted clause after the new
 * partner of the old clause before it); the counts add up to the entries. */
#ifndef LECTERN_COMPARE_H
#define LECTERN_COMPARE_H

#include <stddef.h>

#include "doc.h"

#define COMPARE_SIMILAR 0.5	/* least word-bag Dice of a changed pair */

typedef enum compare_kind {
	COMPARE_UNCHANGED,
	COMPARE_CHANGED,	/* same clause, other words */
	COMPARE_MOVED,		/* out of order (words may differ too) */
	COMPARE_RENUMBERED,	/* same words, other printed number */
	COMPARE_SPLIT,		/* one old clause, two new ones */
	COMPARE_MERGED,		/* two old clauses, one new one */
	COMPARE_ADDED,
	COMPARE_DELETED,
	COMPARE_KIND_COUNT
} compare_kind;

typedef enum compare_part {
	COMPARE_PART_OTHER,	/* headings, notes, footnotes, rows */
	COMPARE_PART_PREAMBLE,	/* "pp. 3" */
	COMPARE_PART_CLAUSE,	/* "op. 3" (or "para. 3" outside a
				   resolution) and sub-items */
	COMPARE_PART_COUNT
} compare_part;

typedef struct compare_entry {
	compare_kind kind;
	compare_part part;
	const node *old[2];	/* nold: 0 (added), 1, 2 (merged) */
	size_t nold;
	const node *new[2];	/* nnew: 0 (deleted), 1, 2 (split) */
	size_t nnew;
	int same_words;		/* the folded words agree (above) */
	double similarity;	/* word-bag Dice, 0-1 (1 for same words) */
} compare_entry;

typedef struct compare_result {
	const doc *old, *new;	/* not owned: must outlive the result */
	compare_entry *entries;
	size_t n, cap;
	size_t count[COMPARE_KIND_COUNT];
} compare_result;

/* Compares old with new. The result points into both documents; free it
 * with compare_free before them. Never fails. */
compare_result *compare_docs(const doc *old, const doc *new);
void compare_free(compare_result *r);
const char *compare_kind_name(compare_kind k);	/* "changed" … */
const char *compare_part_name(compare_part p);	/* "operative" … */

/* How people cite a clause in a comparison: "op. 3", "pp. 2",
 * "op. 2 (a)", "para. 8" (numbered paragraphs of a text without a
 * preamble), "heading 2", "note 1", "footnote 3"; a heading, note or
 * section inside sections names them: "section II.C.1 heading 2",
 * "section II.C". Caller frees. */
char *compare_cite(const doc *d, const node *nd);

/* A word-level diff (Myers' O(ND) on folded words). */
typedef enum compare_op {
	COMPARE_SAME,		/* in both: s points into b */
	COMPARE_DEL,		/* only in a: s points into a */
	COMPARE_INS,		/* only in b: s points into b */
} compare_op;

typedef struct compare_word {
	compare_op op;
	const char *s;
	size_t n;		/* bytes of the word as written */
} compare_word;

/* The words of b against those of a, in order (deletions before the
 * insertions that replace them). *out (caller frees) points into a and b.
 * Returns the number of words. Past COMPARE_MAX_EDITS edits the diff is
 * all of a deleted and all of b inserted. */
#define COMPARE_MAX_EDITS 4000
size_t compare_words(const char *a, size_t alen, const char *b, size_t blen,
		     compare_word **out);

#endif
