/* search: find text in a document the way readers type it: without accents,
 * without capitals, across what were line breaks in the source.
 *
 * Smart case, decided from the query alone, in two independent respects:
 * - capitals: if the query has a capital letter (a code point that
 *   uc_tolower changes: "INFORMACION", "Ёлка", "ES"), case must match;
 *   otherwise case is ignored (full Unicode case folding: "strasse" finds
 *   "STRASSE", "Straße" is found by "strasse" too);
 * - accents: if the query, decomposed (NFD), has a nonspacing mark (Mn:
 *   "información", "ёлка", "йод", "ñ"), marks must match; otherwise every
 *   nonspacing mark is ignored on both sides ("informacion" finds
 *   "INFORMACIÓN" and "información", "елка" finds "ёлка", "ano" finds "año").
 * So "INFORMACION" finds "INFORMACIÓN" but not "información"; "Información"
 * finds "Información" only; "informacion" finds all of them. Letters that do
 * not decompose (ø, ł, ß, đ) are themselves, never their base letters.
 *
 * Typography is always plain on both sides (fold.h, FOLD_TYPO): "people's"
 * finds "people’s", "l'etat" finds "l’État", "oeuvre" finds "œuvre",
 * "non-intervention" finds it written with U+2011 non-breaking hyphens,
 * "\"the" finds "“the"; a soft hyphen is invisible to search.
 *
 * Any run of white space (spaces, '\n', NBSP, U+2028...) in the text and in
 * the query is one space, so a query finds a phrase across the hard breaks
 * of signature lines too. A match never spans two blocks. With marks
 * significant, a match never ends between a letter and its combining mark.
 *
 * Offsets are bytes of doc->plain. A match is [start, end): start on the
 * first byte of the first matched character, end after the last one and
 * after any combining marks that belong to it, so a highlight covers whole
 * characters. The folded copies of the text are built lazily, once per mode,
 * with a compact map back to plain offsets. */
#ifndef LECTERN_SEARCH_H
#define LECTERN_SEARCH_H

#include <stddef.h>
#include "doc.h"

typedef struct search search;

typedef enum search_dir {
	SEARCH_FORWARD,
	SEARCH_BACKWARD,
} search_dir;

typedef struct search_match {
	size_t start, end;	/* bytes of doc->plain, [start, end) */
} search_match;

/* Flags of how a query matches (search_query_flags). */
enum {
	SEARCH_MATCH_CASE = 1,		/* the query has capitals */
	SEARCH_MATCH_ACCENTS = 2,	/* the query has accents (marks) */
};

/* The search keeps a pointer to d, which must outlive it. */
search *search_new(const doc *d);
void search_free(search *s);

/* How query (n bytes, UTF-8) will be matched: SEARCH_MATCH_* flags. */
unsigned search_query_flags(const char *query, size_t n);

/* The next match of query (NUL-terminated UTF-8) from plain offset from:
 * forward, the first match starting at or after from; backward, the last
 * match starting before from. When there is none that way, the search wraps
 * around the document and *wrapped (may be NULL) is set to 1 (else 0).
 * For "next" pass the current match's start + 1; for "previous" its start.
 * Returns 1 and fills *m when found, 0 when the document has no match, -1 if
 * the query is empty (only white space) or not valid UTF-8. */
int search_next(search *s, const char *query, size_t from, search_dir dir,
		search_match *m, int *wrapped);

/* Matches starting in plain [from, to), in order, for highlighting: fills
 * out[] with up to max and returns the number found (up to max); -1 for a
 * bad query as above. Continue after out[max - 1].start + 1 for more.
 * To highlight the screen, ask from the start of the first visible line's
 * block (doc->blocks[l->block]->off), not from the line: a match may begin
 * on an earlier line and wrap onto this one. */
long search_matches(search *s, const char *query, size_t from, size_t to,
		    search_match *out, size_t max);

#endif
