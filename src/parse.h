/* parse: extracted UN document text -> the document model.
 *
 * Lines -> blocks -> tree: page furniture (job numbers, barcodes, running
 * headers, page numbers, continuation marks) goes to metadata; the lines of a
 * paragraph are joined; line-end hyphenation is repaired; blocks are
 * classified (heading, paragraph, numbered paragraph, sub-item, signature,
 * note, footnote) and built into a tree. Language words come from lang.c.
 *
 * What the tree looks like (decisions other modules can rely on):
 * - ids: "letter", "annexN", "decl" (the body an annex transmits: its first
 *   heading before any paragraph), "sN" sections (by position), "hN"
 *   headings, "pN" paragraphs with N the printed number, else the position;
 *   preambular paragraphs (after an opener ending in a comma: "The General
 *   Assembly,", "The States Parties …,") are "ppN" with cite "ppN" and unit
 *   preamble; other unnumbered paragraphs among numbered ones are "uN"
 *   with no cite; sub-items are named by their letter ("a", "ii"); "tN"
 *   tables (a header row repeated at page tops; text: the column titles
 *   joined by " | ") hold "rN" rows and their notes; "sig", "noteN",
 *   "fnN" (N the mark); a clash gets "_2";
 * - footnotes and endnotes go at the end of their top-level part (the
 *   letter, an annex or the document), in order, after its other children;
 * - a letter title after an annex that has had its text opens a new letter
 *   at top level (a compilation of letters, each with its annex), never a
 *   heading inside the annex before it;
 * - the tree is at most 16 levels deep below the document node (the
 *   letter and annexes are level 1): what would go deeper is added at
 *   level 16 (nested annexes: the 9th and later are siblings there), so
 *   that a walk over the tree or the model recurses at most 17 deep;
 * - sections: I./II. (level 1), A./B. (2), "1." headings (3), "a)" (4);
 *   Part/Chapter/Section/Article/Rule headings by keyword: no number (the
 *   text says it), cite "1", unit article (…), text "Article 1\nTitle";
 * - footnote marks glued to the text ("Nations4") are superscript digits
 *   ("Nations⁴") when the document has that footnote;
 * - signatures and place/date or meeting lines keep their line breaks;
 * - metadata: sender and addressee as printed in the letter title (in the
 *   document's language: "Representante Permanente de Uzbekistán"); the
 *   date is the masthead's issue date, else the letter's; the session comes
 *   from the symbol (A/75/…), else the masthead ("Seventy-fifth session"),
 *   else, for a letter circulated under General Assembly agenda items, from
 *   its date (October-December: year - 1945; January-August: year - 1946;
 *   September: unknown) — an inference, documented here;
 * - nothing is dropped silently: every source line with text that is not
 *   in the tree (page furniture, the masthead, a table of contents, a
 *   hosting site's chrome at the top and end of a web copy) is in
 *   meta.furniture with its line number, kind and text; the masthead's
 *   agenda item titles are also in meta.agenda_titles; a letter's title
 *   (also in capitals under an older masthead) is never furniture;
 * - the page map: page 1 at line 1, then each printed page number seen in
 *   the furniture, or a counted break (form feed, a page footer without a
 *   number, a double-spaced page boundary). */
#ifndef LECTERN_PARSE_H
#define LECTERN_PARSE_H

/* The version of the rules above: raised whenever the tree of some
 * document changes (ids, kinds, texts), so that caches of what was parsed
 * (the library index) are made again. 2: tables, units, preambles,
 * superscript footnote marks (2026-11-27). 3: a body's own annex nested,
 * unmarked list items, box titles, end cells of table rows, the symbol
 * as text away from furniture, agenda item lines (2026-11-27). 4: a
 * letter after an annex at top level, the tree at most 16 levels deep
 * (2026-12-07). 5: a table of contents is furniture (meta.furniture kind
 * toc), not a note; older mastheads, all-capital letter titles, a web
 * copy's site chrome (2026-12-07). 6: one-line paragraphs with blank
 * lines between are not double spacing; a clause ending in ",¹" is no
 * heading; words split by a stray space repaired ("el Est ado", "well-
 * being"); numbered paragraphs inline on one long line; a draft
 * decision's lettered clauses "(a) Decides" are paragraphs; a text a
 * blank line cuts before a lower-case line goes on; a preambular
 * paragraph ends at a page end before one that opens the next page; a
 * part's footnote whose mark only the document's own text has is the
 * document's; layout text (pdftotext -layout): a masthead in columns, a
 * footer of a page number and a job number, a bare page number ending a
 * page, a paragraph number followed by a wide gap, a footnote's star
 * alone on its line (2026-12-07). */
#define PARSE_RULES 6

#include <stddef.h>
#include "doc.h"

typedef struct parse_options {
	const char *lang;	/* "en", "es", "fr", "ru"; NULL = detect */
	int keep_splits;	/* 1: words split by a stray space ("Est ado",
				   "well- being") stay as extracted; 0 (default):
				   joined by the rule in parse/words.c */
	int no_detect;		/* with lang NULL: don't guess the language
				   (garbled text would pass for some):
				   meta.lang stays NULL, English words serve
				   the parse */
} parse_options;

/* Parses text (len bytes of clean UTF-8, as made by source_load) into a new
 * document named name. Never fails: any text gives a tree (possibly of
 * plain paragraphs). The caller frees with doc_free. opt may be NULL. */
doc *parse_document(const char *name, const char *text, size_t len,
		    const parse_options *opt);

#endif
