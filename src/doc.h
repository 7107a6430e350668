/* doc: the model of a UN document, free of any terminal code.
 *
 * A document is a tree of nodes. Every node that has text is also a block:
 * the blocks, in reading order (pre-order of the tree), are what layout wraps
 * and what the reader pages through. All block texts live in one buffer,
 * doc->plain, joined by "\n\n"; a node's text is the slice
 * plain[off, off + len) (not NUL-terminated on its own). Inside a text, '\n'
 * is a hard line break (signature lines, place and date); paragraphs are
 * otherwise reflowed: no line breaks, no trailing spaces, hyphenation repaired.
 *
 * Invariants:
 * - node ids are unique among siblings; a path ("annex1/decl/p8") is the ids
 *   from the root's child down, joined by '/', and names one node;
 * - doc->blocks[i]->block == i, and blocks are in reading order;
 * - plain offsets are bytes; plain is valid UTF-8 (source replaced invalid
 *   bytes with U+FFFD) and may hold control characters, which only the ui
 *   makes visible and never sends to the terminal.
 * The document owns every node and string reachable from it. */
#ifndef LECTERN_DOC_H
#define LECTERN_DOC_H

#include <stddef.h>

typedef enum node_kind {
	NODE_DOCUMENT,	/* the root; no text */
	NODE_LETTER,	/* a letter or note verbale; text: its title */
	NODE_ANNEX,	/* an annex or enclosure; text: its heading */
	NODE_BODY,	/* what an annex transmits (declaration, statement,
			   communiqué, resolution text); text: its title */
	NODE_SECTION,	/* a headed section (I., A., "Annex"-less parts) that
			   holds what follows it; text: the heading */
	NODE_HEADING,	/* a heading that holds nothing (title lines) */
	NODE_PARAGRAPH,	/* a clause: numbered or not */
	NODE_SUBITEM,	/* (a), a), (i), (I) inside a paragraph */
	NODE_SIGNATURE,	/* "(Signed) Name\nTitle" */
	NODE_NOTE,	/* "[Original: Russian]", place and date, meeting line,
			   sponsor line: short lines that are not clauses */
	NODE_FOOTNOTE,	/* footnote or endnote text; number = its mark */
	NODE_TABLE,	/* a table; text: its header row, the column titles
			   joined by " | "; holds its rows (and the notes
			   under it, "a In accordance with …") */
	NODE_ROW,	/* one row of a table: its cells reflowed as one text */
	NODE_KIND_COUNT
} node_kind;

/* What a citation calls a node beyond its kind: the units of a legal text
 * (sections headed "Part", "Chapter", "Section", "Article", "Rule") and the
 * preambular paragraphs of a resolution or treaty. */
typedef enum node_unit {
	UNIT_NONE,	/* named by its kind */
	UNIT_PART,	/* "Part One" */
	UNIT_CHAPTER,	/* "Chapter II" */
	UNIT_SECTION,	/* "Section 3" (a keyword section, not "I.") */
	UNIT_ARTICLE,	/* "Article 12": cite "12" */
	UNIT_RULE,	/* "Rule 4" of rules of procedure */
	UNIT_PREAMBLE,	/* a preambular paragraph: cite "ppN" */
	UNIT_COUNT
} node_unit;

typedef struct node node;
struct node {
	node_kind kind;
	char *id;		/* unique among siblings: "letter", "annex1",
				   "decl", "s2", "p8", "a", "sig", "note1", "fn3" */
	char *path;		/* ids from the top joined by '/'; "" for root */
	char *number;		/* the printed number or mark ("8", "(a)", "IV",
				   "3"), or NULL when the text has none */
	char *cite;		/* the number people cite: printed number without
				   punctuation, else position within its parent
				   among siblings of the same kind ("8", "a") */
	char *label;		/* what the outline shows (short, one line) */
	node_unit unit;		/* UNIT_NONE unless a unit above */

	size_t off, len;	/* the text: doc->plain[off, off + len) */
	size_t line_first;	/* source lines (1-based, inclusive) */
	size_t line_last;
	size_t src_start;	/* source bytes [src_start, src_end) */
	size_t src_end;
	int page;		/* page number in the original, 0 if unknown */

	node *parent;
	node **kids;
	size_t nkids, kids_cap;
	size_t block;		/* index in doc->blocks, or (size_t)-1 */
	size_t index;		/* index in doc->nodes (pre-order) */
};

/* Where a page starts in the source, and so in the model. */
typedef struct doc_page {
	int number;		/* printed page number (1-based) */
	size_t line;		/* first source line of the page */
} doc_page;

/* A source line the parser removed from the text (page furniture, the
 * masthead, a site's chrome, a table of contents): its 1-based line
 * number, its kind (a static string: "job-number", "barcode",
 * "page-number", "running-header", "masthead", "continuation",
 * "site-chrome", "toc", "other") and its trimmed text (owned). */
typedef struct doc_furniture {
	size_t line;
	const char *kind;
	char *text;
} doc_furniture;

/* An agenda item's title as the masthead prints it; item is the item it
 * belongs to ("68", "99 (k)") or NULL when the masthead does not pair
 * them (more titles than items). Both owned. */
typedef struct doc_agenda_title {
	char *item;
	char *title;
} doc_agenda_title;

typedef struct doc_meta {
	char *symbol;		/* "A/RES/80/3", NULL if not in the text */
	char *title;		/* the document's own title, one line */
	char *date;		/* ISO 8601 "2020-12-22", NULL if unknown */
	char *lang;		/* "en", "es", "fr", "ru" (detected or given) */
	char *orig_lang;	/* ISO code of the original language, or NULL */
	char *sender;		/* "Permanent Representative of Uzbekistan" */
	char *addressee;	/* "Secretary-General" */
	char *job;		/* job number "20-17708", NULL if none */
	char *distribution;	/* "General", "Limited", NULL */
	int session;		/* GA session (75), 0 if unknown */
	char **agenda;		/* agenda items the document is under: "98",
				   "99 (k)"; nagenda entries */
	size_t nagenda;
	doc_page *pages;
	size_t npages;
	const char *encoding;	/* what the file was converted from
				   ("Windows-1252", "UTF-16LE"…; a static
				   string of source.h, never freed), NULL for
				   UTF-8 */
	int garbled;		/* the text looks garbled (a PDF whose fonts
				   have no usable encoding, source.h); its
				   language was not guessed */
	size_t invalid_bytes;	/* input bytes replaced by U+FFFD */
	size_t furniture_lines;	/* lines removed as page furniture */
	doc_furniture *furniture;	/* those lines, in order; nfurniture */
	size_t nfurniture;
	doc_agenda_title *agenda_titles;	/* nagenda_titles, masthead order */
	size_t nagenda_titles;
} doc_meta;

typedef struct doc {
	char *name;		/* file name as given, "-" for stdin */
	doc_meta meta;
	node *root;
	node **nodes;		/* every node, pre-order; nodes[0] is root */
	size_t nnodes, nodes_cap;
	node **blocks;		/* nodes with text, reading order */
	size_t nblocks, blocks_cap;
	char *plain;		/* all block texts joined by "\n\n" */
	size_t plain_len;
	size_t plain_cap;	/* bytes allocated for plain */
} doc;

/* A reading position: a block and a byte offset in its text. */
typedef struct doc_pos {
	size_t block;
	size_t byte;
} doc_pos;

/* Building. doc_new takes a copy of name. doc_add_node appends a child to
 * parent (NULL = root) and returns it; text (n bytes, may be NULL) is appended
 * to plain. Nodes must be added in reading order. doc_finish computes paths,
 * the nodes and blocks arrays; call it once, after the last node. */
doc *doc_new(const char *name);
node *doc_add_node(doc *d, node *parent, node_kind kind, const char *id,
		   const char *text, size_t n);
void doc_set_label(node *nd, const char *label);
void doc_set_number(node *nd, const char *number, const char *cite);
void doc_finish(doc *d);
void doc_free(doc *d);

/* Meta helpers: set a string field (copying value; NULL clears). */
void doc_meta_set(char **field, const char *value);
void doc_meta_add_agenda(doc_meta *m, const char *item);
void doc_meta_add_page(doc_meta *m, int number, size_t line);
/* Appends a removed line (kind a static string, text n bytes copied). */
void doc_meta_add_furniture(doc_meta *m, size_t line, const char *kind,
			    const char *text, size_t n);
/* Appends an agenda item title (item may be NULL; title n bytes copied). */
void doc_meta_add_agenda_title(doc_meta *m, const char *item,
			       const char *title, size_t n);

/* Lookup. */
const char *doc_node_kind_name(node_kind k);	/* "paragraph" … */
int doc_node_kind_from_name(const char *name);	/* -1 if unknown */
node *doc_find_path(const doc *d, const char *path);	/* NULL if none */
const char *doc_node_unit_name(node_unit u);	/* "article" …, "" for none */
static inline const char *node_text(const doc *d, const node *nd)
{
	return d->plain + nd->off;
}
/* The block holding plain offset off (the last block starting at or before
 * it); 0 for an empty document. */
size_t doc_block_at(const doc *d, size_t off);
/* The innermost node of kind paragraph/subitem/... that contains block b,
 * walking up: returns the block's node itself. Breadcrumb from the top:
 * fills out[] with up to max ancestors (top first, root excluded) and returns
 * how many. */
size_t doc_breadcrumb(const node *nd, const node **out, size_t max);
/* (Citations, written and read: un/cite.h.) */

#endif
