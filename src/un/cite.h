/* cite: citations of a document's nodes, written in the document's
 * language and read in any language, as delegates cite (UN Editorial
 * Manual forms): "Anexo, párr. 8", "Annex, para. 8", "Carta, párr. 2",
 * "Annexe, par. 8", "Приложение, п. 8", "Annex, art. 12, para. 1 (b)",
 * "preambular para. 2". Every string returned is new; the caller frees. */
#ifndef LECTERN_UN_CITE_H
#define LECTERN_UN_CITE_H

#include "doc.h"

/* The citation of nd in d's language (d->meta.lang; English words when
 * it has no table): the part (annex, letter, or the document's symbol),
 * the unit of a legal text, the innermost paragraph and its sub-items.
 * The node's label when nothing else names it. */
char *cite_format(const doc *d, const node *nd);

/* A node named the way people cite it, as typed at a "go to" prompt:
 * "Article 40", "art. 40", "Artículo 40", "ст. 40", "rule 4", "chap. II",
 * "pp2", "preambular 2", "8", "(a)", "12.1" (article 12, paragraph 1),
 * "art. 12, para. 1 (b)", a node path, and what cite_format writes. The
 * unit words of every language are known (lang.c), full or abbreviated
 * ("op 12", "OP12", "operative paragraph 12", "chap. 4"); case, accents,
 * a word's closing period and the commas do not matter ("anexo parr 8" is
 * "Anexo, párr. 8"). A bare number is
 * looked for first among the clauses beside `from` (its parent's
 * children), then among the articles and rules of the part holding
 * `from` (the letter, an annex or the document), then its clauses, then
 * anywhere in reading order. from may be NULL (the document's start).
 * NULL when nothing matches. */
node *cite_find(const doc *d, const node *from, const char *text);

/* The citation of a node path that may no longer exist in d (an orphaned
 * note's old path, "annex1/decl/p3"), from the words of d's language for
 * its steps: "Anexo, párr. 3"; the top (letter, annex) as d cites it when
 * d still has it. "—" for an empty path. */
char *cite_of_path(const doc *d, const char *path);

/* A node's step in a breadcrumb, in d's language: "Carta", "Anexo II",
 * a clause's number ("8", "b"), the signature word, a numbered section's
 * or heading's number ("II", "78/237"). NULL when the crumb shows a label
 * instead (the node's, or an unnumbered article's first line). */
char *cite_crumb(const doc *d, const node *c);

#endif
