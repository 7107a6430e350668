/* refs: the references a document makes — agenda items, resolutions,
 * decisions, document symbols — found in its blocks' text and resolved
 * against the catalogs. No terminal code; nothing is printed (--refs is
 * src/cli/cli_refs.c).
 *
 * Keys (what the references pane groups by; the same target gives the same
 * key in every language):
 *   agenda item     "A/75 item 98", "A/75 item 56 (r)"; provisional agenda
 *                   "A/74 provisional item 109"; preliminary list
 *                   "A/75 preliminary item 35". Unknown session: "A/? item 98";
 *                   Human Rights Council documents: "A/HRC item 6".
 *                   The session is the document's, unless the text names
 *                   one right after the agenda words ("item 109 of the
 *                   provisional agenda of the seventy-fourth session" →
 *                   "A/74 provisional item 109").
 *   resolution      "A/RES/74/306", "A/RES/36/87 B", "S/RES/1325 (2000)",
 *                   "A/RES/3263 (XXIX)", "A/RES/ES-10/24",
 *                   "A/HRC/RES/5/1" (Human Rights Council),
 *                   "E/RES/2004/67" (ECOSOC: year first),
 *                   "S/RES/1820" (cited without its year: "Security Council
 *                   resolution 1820"; the year is not guessed)
 *   decision        same shapes with DEC: "A/DEC/79/573 B" (lectern's key,
 *                   not an official symbol)
 *   conference      "CBD/COP/DEC/15/4": "decision 15/4" in a sentence
 *                   that names a document of the same meeting of a
 *                   Conference of the Parties ("CBD/COP/15/17"); the
 *                   symbol the Convention on Biological Diversity gives
 *                   that decision
 *   no key          a session/number that cannot be the General
 *                   Assembly's (GA resolutions were "3263 (XXIX)" until the
 *                   30th session; GA decisions are numbered from 401 —
 *                   inferred, not from a cited source), with no organ
 *                   named in the sentence and no conference document:
 *                   "resolution 4/4" alone is not a reference (whose it is
 *                   is not guessed). No key starts with "?".
 *   symbol          the symbol as written, normalised: "A/75/251",
 *                   "A/C.1/75/L.1", "A/74/896–S/2020/532" (joint: one ref),
 *                   "A/80/7/Add.1" (no reissue '*'); the grammar is
 *                   src/un/symbol.h: two symbols glued by an extraction
 *                   ("A/C.4/73/L.7A/C.4/73/L.8") are two, a number split
 *                   by a stray space ("E/CN.4/199 9/12") is joined in the
 *                   key ("E/CN.4/1999/12"); the document's own symbol on a
 *                   line of its own (the running header) is no reference
 *   commission      "E/CN.4/RES/2003/12" when the Commission on Human
 *                   Rights is named (or "Commission resolution" inside one
 *                   of its E/CN.4 documents); "Commission resolution
 *                   1999/47" elsewhere has no key (not ECOSOC's
 *                   E/RES/1999/47: which commission is not guessed)
 * The agenda items the document is circulated under (doc->meta.agenda,
 * filled by the parser from the masthead or the letter's request) come
 * first, with block REFS_META; `--refs` prints their path as "meta". The
 * same items are also found where the text mentions them.
 * Lists and ranges give one reference per target: "98 y 112" gives two
 * (texts "98" and "112"); "36/87 A and B" gives "A/RES/36/87 A" (text
 * "36/87 A") and "A/RES/36/87 B" (text "B"); a range "77 à 85" gives one
 * reference per item, all with the text "77 à 85".
 *
 * Session of a document (refs_doc_session): session_of_doc in
 * src/un/session.h (meta.session; the symbol's; a masthead ordinal in any
 * language; the date by rule 1 of the GA rules of procedure, from the
 * 58th session on). So a letter of 22 December 2020 belongs to the 75th
 * session (opened 15 September 2020).
 * A catalog is never used to guess a session.
 *
 * Shown language (of ref.title and ref.gloss): the document's
 * (doc->meta.lang); when that is unknown, the language of the words that
 * marked the reference ("resolución"); else English. A title or gloss the
 * catalog lacks in that language is NULL, never another language's: an
 * English title inside a Spanish text would read as the document's own
 * words, and the key and date still say what the target is. */
#ifndef LECTERN_REFS_H
#define LECTERN_REFS_H

#include <stddef.h>
#include <stdio.h>
#include "catalog.h"
#include "doc.h"
#include "un/agenda.h"

/* Version of the detection rules and key forms: raised whenever the
 * references found in a text can change (2: paragraph lists and organs,
 * conference decisions, no "?" keys; 3: Commission on Human Rights
 * resolutions, damaged symbols, no running header), so that caches of references
 * (library.db) can tell theirs are stale within one package version. */
#define REFS_RULES 3

typedef enum ref_kind {
	REF_AGENDA,
	REF_RESOLUTION,
	REF_DECISION,
	REF_SYMBOL,
	REF_KIND_COUNT
} ref_kind;

/* ref.block of an agenda item of the masthead (doc->meta.agenda), which
 * is in no block: off and len are 0, meta_index names the entry. */
#define REFS_META ((size_t)-1)

typedef struct ref {
	ref_kind kind;
	size_t block;		/* index in doc->blocks, or REFS_META */
	size_t meta_index;	/* for REFS_META: index in meta.agenda */
	size_t off, len;	/* the text as written: doc->plain[off, off+len),
				   bytes; ranges of one list never overlap
				   except the items of a range ("77 à 85") */
	char *key;		/* normalised key (see above) */
	int session;		/* GA session of the target (agenda: the
				   document's; resolution 74/306: 74); 0 when
				   unknown or not a GA target */
	char *para;		/* the resolution's paragraphs cited before
				   it: "29" ("paragraph 29 of resolution",
				   "párrafo 29 de la resolución", "пункт 29
				   резолюции"), "6 (b)", "3, 4" ("paragraphs 3
				   and 4 of General Assembly resolution"),
				   "3–5"; NULL when none, and for a paragraph
				   of its annex or of one of its sections */
	const char *lang;	/* language of the words that marked it ("es"),
				   static; NULL for bare symbols */
	int by_title;		/* resolution found through its quoted title */
	/* An agenda item's parts, so that no reader takes the key apart:
	 * "A/75 provisional item 98 (r)" is scope "A/75", form
	 * AGENDA_PROVISIONAL, item 98, sub "r" (un/agenda.h's agenda_key
	 * makes the key of them). Zero for other kinds. */
	char scope[8];		/* "A/75", "A/HRC", "A/?" */
	agenda_form agenda_form;
	int item;
	char sub[4];		/* "r", "hh", "" */
	/* A symbol's qualifiers ("Rev.1/Add.2", "Corr.1", ""; of the first
	 * symbol of a joint one): un/symbol.h's symbol_parse. The session
	 * is in session. */
	char qualifiers[32];
	const catalog_entry *entry;	/* catalog entry, NULL if unresolved;
					   owned by the catalog */
	const char *title;	/* entry's title in the shown language, or
				   NULL; owned by the catalog */
	const char *gloss;	/* what para is about ("public access to
				   information …", the catalog's para_29_LANG)
				   in the shown language, or NULL; owned by the
				   catalog */
} ref;

typedef struct ref_list {
	ref *items;		/* in reading order (block, then offset) */
	size_t n, cap;
	int session;		/* the document's session, 0 if unknown */
} ref_list;

/* Finds the references of d. c (may be NULL) resolves keys and titles;
 * without it title-cited resolutions are not found. The list points into
 * c: free the list before the catalog, and do not load more files into c
 * while the list is in use. Never fails. Safe to call from several
 * threads at once (d and c are only read). */
ref_list *refs_find(const doc *d, const catalog *c);
void refs_free(ref_list *l);

/* Index of the first reference in block b (or after it, if b has none:
 * then items[i].block != b); l->n when none follows. Binary search. */
size_t refs_first_in_block(const ref_list *l, size_t b);

/* Same as the list's session field (see the rule above). */
int refs_doc_session(const doc *d);

const char *refs_kind_name(ref_kind k);	/* "agenda-item", "resolution",
					   "decision", "symbol" */

#endif
