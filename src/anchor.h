/* anchor: where a note sits in a document, and how to find it again when
 * the document changes.
 *
 * An anchor follows the W3C Web Annotation selectors: the quoted text with
 * up to ANCHOR_CONTEXT_CHARS characters of context on each side
 * (TextQuoteSelector: exact, prefix, suffix) and its position
 * (TextPositionSelector: start, end), plus the path of the node where the
 * quote starts. Positions are CHARACTERS (Unicode code points) of
 * doc->plain, never bytes, so that they mean the same thing in an exported
 * JSON file read by another tool; anchor_doc maps them to bytes.
 *
 * Document identity has two levels:
 * - the fingerprint ("fp1:" + 32 hex digits) hashes doc->plain after NFC
 *   normalisation with every run of white space turned into one space and
 *   the ends trimmed. Two extractions of the same document whose reflowed
 *   text differs only in line breaks or spacing share it (page furniture
 *   never reaches doc->plain: the parser removes it);
 * - the key names the document itself: "symbol:A/75/123@es" when the
 *   symbol is known, else "title:<title>@lang", else "head:<first 120
 *   characters>". A corrected document (a corrigendum, a better
 *   extraction) has a new fingerprint but usually the same key, so notes
 *   are looked up by fingerprint OR key and then re-attached.
 *
 * Re-attachment (anchor_resolve) follows the quote with its context, as
 * Hypothesis's text-quote anchoring does: the exact quote first, then its
 * prefix and suffix, then an approximate match of the whole quote; the
 * old position and node only break ties. Context is compared white space
 * tolerant (any run of white space equals any other), and "all of it"
 * means as far as the text's ends allow: a context shorter than
 * ANCHOR_CONTEXT_CHARS (made at an end of the text) must end there again;
 * an anchor with neither prefix nor suffix (a bare quote imported from
 * another tool) has no context to disagree: any exact occurrence is "all
 * of it" (ok or moved, nearest the old start).
 *   ok      the exact quote with all of its context, starting inside the
 *           node with the anchor's path (nearest the old start if many);
 *   moved   the exact quote with all of its context elsewhere;
 *   fuzzy   the text changed around or inside the quote, and most of the
 *           quote is found where its context says: score is the share of
 *           the quote's characters matched (1 when the exact quote stands
 *           with changed context), the range starts and ends on matched
 *           characters. Taken, in order:
 *           - the exact quote with part of its context: for quotes of
 *             ANCHOR_SHORT_CHARS or more, any exact occurrence (best
 *             context, then nearest); shorter quotes only where both sides
 *             of their context agree inside their clause (see below);
 *           - else an approximate match (Sellers' algorithm over prefix +
 *             quote + suffix, insertions and deletions only, so the match
 *             never takes characters of a neighbouring clause to stand for
 *             deleted ones; equal costs go to the alignment matching more
 *             context; kept inside one block unless the quote spans
 *             blocks), first in the old node alone, then around it, then
 *             in the whole text (a window around the old place when the
 *             text is long), with score >= ANCHOR_FUZZY_MIN and quotes of
 *             at least ANCHOR_FUZZY_MIN_CHARS; accepted when its context
 *             agrees:
 *             + quote characters only deleted or only inserted: both
 *               sides agree inside the clause, for ANCHOR_CONTEXT_AGREE
 *               characters or, when the quote starts or ends its clause,
 *               up to the clause's edge and a line break there, and
 *               ANCHOR_CONTEXT_AGREE characters in all; when the exact
 *               quote is elsewhere (a short one without its context), or
 *               all of the quote is there with words inserted into it
 *               (a near copy of a table row: the whole quote plus a few
 *               words, while its true place lost words), all of the
 *               context must agree;
 *             + characters both deleted and inserted (words replaced):
 *               all of the context agrees, and the exact quote is nowhere
 *               in the text (else that is the quote, and a similar clause
 *               at its old place, e.g. after a swap, is not); a match at
 *               the old start with words only deleted or inserted is
 *               preferred to it;
 *             + never where the prefix is followed by the suffix better
 *               than by the quote (the quote was deleted there, and what
 *               matched is the clause that followed it; for replaced
 *               words, also when they are equal and the suffix is all
 *               there: a list of near copies with one deleted);
 *   orphan  anything else, in particular a short quote with none of its
 *           context: the note keeps its quote and old position; score is
 *           the best approximate score rejected for being low, or 0.
 * The thresholds come from tests/notes/property.c (notes on random spans
 * of corpus documents, random edits, the true place known): 12,000 trials
 * of its default seed put no note on text that is not its own (10,000 of
 * each of seeds 0 to 5: 1, 1, 1, 1, 2, 2; each on a near copy of a
 * table row or list item whose true place lost too much, or was
 * deleted), ok and moved never follow a context change, and fuzzy or
 * better finds 96-97 % of the quotes of which 70 % survive. The exact
 * scan is linear; the approximate match
 * fills at most FUZZY_WHOLE_CELLS cells before narrowing to a window.
 * Nothing here changes a note; the caller decides what to store. */
#ifndef LECTERN_ANCHOR_H
#define LECTERN_ANCHOR_H

#include <stddef.h>
#include <stdint.h>
#include "doc.h"

#define ANCHOR_CONTEXT_CHARS 32
#define ANCHOR_FUZZY_MIN 0.65	/* lowest share of the quote for "fuzzy" */
#define ANCHOR_FUZZY_MIN_CHARS 4	/* shorter quotes must match exactly */
#define ANCHOR_CONTEXT_AGREE 16	/* context characters that count as agreeing */
#define ANCHOR_SHORT_CHARS 40	/* shorter quotes need context on both sides */

typedef enum anchor_status {
	ANCHOR_OK,
	ANCHOR_MOVED,
	ANCHOR_FUZZY,
	ANCHOR_ORPHAN,
} anchor_status;

/* "ok", "moved", "fuzzy", "orphan"; anchor_status_from_name returns -1 for
 * anything else. */
const char *anchor_status_name(anchor_status s);
int anchor_status_from_name(const char *name);

/* All strings are owned by the anchor (anchor_clear frees them). */
typedef struct anchor {
	char *path;		/* node where the quote starts ("annex1/decl/p8") */
	char *exact;		/* the quoted text, UTF-8, never empty */
	char *prefix;		/* up to 32 characters before it ("" at start) */
	char *suffix;		/* up to 32 characters after it */
	size_t start, end;	/* characters of doc->plain, end exclusive */
} anchor;

void anchor_clear(anchor *a);	/* frees the strings; a itself is not freed */
void anchor_copy(anchor *dst, const anchor *src);	/* deep copy */

/* A document prepared for anchoring: its text as code points with a map
 * to bytes, its fingerprint and key. Borrows d, which must outlive it. */
typedef struct anchor_doc {
	const doc *d;
	uint32_t *text;		/* doc->plain as code points */
	size_t n;		/* number of characters */
	uint32_t *byte_of;	/* n + 1 entries: byte offset of character i
				   (plain is under 4 GiB: SOURCE_MAX_BYTES) */
	char *fingerprint;	/* "fp1:<32 hex>" */
	char *key;		/* see above */
} anchor_doc;

anchor_doc *anchor_doc_new(const doc *d);
void anchor_doc_free(anchor_doc *ad);
/* Character index of byte offset b (the character containing it; n when b
 * is at or past the end). */
size_t anchor_char_at(const anchor_doc *ad, size_t b);

/* Each returns a new string the caller frees. */
char *anchor_fingerprint(const doc *d);
char *anchor_doc_key(const doc *d);
/* The 128-bit hash of the fingerprint (two FNV-1a 64 with different
 * bases) of s[0, n): an identity, not a security check. */
void anchor_hash128(const char *s, size_t n, uint64_t out[2]);
/* 1 when NFC leaves code point c alone in any context (see anchor.c); the
 * fingerprint normalises only runs of other code points. */
int anchor_nfc_stable(uint32_t c);

/* Fills *out for plain bytes [start_byte, end_byte) (rounded out to whole
 * characters). Returns 0, or -1 (out untouched) when the range is empty,
 * out of the text or only white space. */
int anchor_make(const anchor_doc *ad, size_t start_byte, size_t end_byte,
		anchor *out);
/* The whole text of a node (a clause). Returns -1 for a node without text. */
int anchor_make_node(const anchor_doc *ad, const node *nd, anchor *out);

/* Where an anchor is in (a possibly changed) document. */
typedef struct anchor_match {
	anchor_status status;
	double score;		/* 1 for ok/moved; (0, 1) fuzzy; best for orphan */
	size_t start, end;	/* characters now (orphan: the old ones, clamped) */
	size_t start_byte, end_byte;	/* the same in bytes of doc->plain */
	const node *node;	/* block holding start; NULL for an orphan */
} anchor_match;

void anchor_resolve(const anchor_doc *ad, const anchor *a, anchor_match *m);

#endif
