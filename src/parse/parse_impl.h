/* parse/parse_impl.h: what the passes of the parser share (private to
 * src/parse/): the line records, the tree being built, word sets, block
 * texts, the parser's state, small helpers, and the functions one pass
 * file exports to another (each named for its file: lines_*, furniture_*,
 * tables_*, blocks_*, words_*, tree_*, emit_*, arena_*). The public
 * interface is parse.h. */
#ifndef LECTERN_PARSE_IMPL_H
#define LECTERN_PARSE_IMPL_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <unistr.h>
#include <unictype.h>

#include "un/lang.h"
#include "parse.h"
#include "util.h"

#define LABEL_COLS 50

/* No input nests the tree deeper than this many levels below the root
 * (a kid of a node at this depth goes to the node's parent instead), so
 * that every walk over the tree, here and over the model built from it,
 * recurses at most this deep. */
#define TREE_MAX_DEPTH 16
/* The walks over the tree recurse, one frame per level: each asserts the
 * bound it relies on. */
#define TREE_WALK_BOUNDED(t) assert((t)->depth <= TREE_MAX_DEPTH)
#define MAX_FURN_LINE 200	/* longer lines are never furniture */

enum {
	LF_BLANK = 1 << 0,	/* only spaces */
	LF_EMPTY = 1 << 1,	/* nothing at all */
	LF_FURN = 1 << 2,	/* page furniture */
	LF_MAST = 1 << 3,	/* masthead */
	LF_ANCHOR = 1 << 4,	/* a sure furniture line (job, n/m …) */
	LF_FF = 1 << 5,		/* a form feed starts this line */
	LF_FOOT = 1 << 6,	/* inside a footnote area */
	LF_FNSEP = 1 << 7,	/* the "_____" separator */
	LF_TOC = 1 << 8,	/* a table of contents */
	LF_RUNHEAD = 1 << 9,	/* a running title wrapped on two lines */
	LF_THEAD = 1 << 10,	/* a table's header row (its first showing) */
	LF_SYMLINE = 1 << 11,	/* the document's symbol alone on the line */
	LF_CHROME = 1 << 12,	/* a hosting site's chrome (with LF_FURN) */
	LF_SPLIT = 1 << 15,	/* holds a split word's question (words.c) */
};

/* One source line. Offsets are 32 bits: parse_document's input is under
 * 4 GiB (SOURCE_MAX_BYTES is far below); the record is kept small (16
 * bytes) because a 10 MB document has some 250,000 lines and they are all
 * alive while the block texts are built. The raw start and end (only
 * spaces lie between them and s, e) are found again when needed
 * (lines_raw, lines_rawend); page numbers are in parser.pagenum. */
typedef struct pline {
	uint32_t s, e;		/* trimmed content */
	int16_t indent;		/* leading spaces (a tab counts 8), at most 32767 */
	uint16_t cols;		/* code points of the content, at most 1000 */
	uint16_t flags;
} pline;

enum brk { BRK_NONE, BRK_HARD, BRK_PAGE };

enum bkind {
	BK_PARA, BK_SUBITEM, BK_HEADING, BK_SECTION, BK_LETTER, BK_ANNEX,
	BK_SIG, BK_NOTE, BK_FOOTNOTE,
};

typedef struct tnode tnode;
struct tnode {
	node_kind kind;
	char *number;		/* printed marker, or NULL */
	char *cite;		/* citation number */
	char *text;
	size_t len;
	size_t l0, l1;		/* line indexes (0-based) */
	size_t src0, src1;	/* their source bytes, set by emit_set_src */
	int level;		/* section level, sub-item depth */
	int style;		/* sub-item numbering style */
	node_unit unit;		/* an article, a preambular paragraph … */
	tnode **kids;
	size_t nkids, cap;
	tnode **fns;		/* footnotes shown at the end of this part */
	size_t nfns, fncap;
	tnode *parent;
	int depth;		/* levels below the root (its kids: 1), at
				   most TREE_MAX_DEPTH (tn_add) */
};

/* A set of words (spans of the text or copies), ASCII case folded: open
 * addressing, one 24-byte slot per entry so that a probe touches one cache
 * line (the word set of a 10 MB document sees two million adds). */
typedef struct wslot {
	const char *s;		/* NULL: empty */
	uint64_t hv;		/* the hash, compared before the bytes */
	uint32_t n;		/* length in bytes */
	uint32_t c;		/* occurrences added */
} wslot;

typedef struct wset {
	wslot *e;
	size_t cap, count;
	int exact;		/* no case folding */
} wset;

/* Block texts, in chunks of their own (mapped apart from the heap) so
 * that a chunk goes back to the system as soon as the texts in it have
 * been copied into doc->plain: the texts and plain then do not both hold
 * the whole document at the peak. A text is either in a chunk or from
 * malloc (footnotes, merged and rebuilt texts); arena_text_free tells which. */
#define TXT_CHUNK ((size_t)1 << 20)
typedef struct txchunk {
	char *base;
	size_t size, used;
	size_t live;		/* texts in it not yet freed */
} txchunk;

typedef struct parser {
	txchunk *tx;
	size_t ntx, txcap;
	size_t lcap;		/* lines allocated in L (arena_big_alloc) */
	int32_t *pagenum;	/* per line: the page number a furniture line
				   shows (arena_big_alloc, lcap; until the page map) */
	size_t txcur[2];	/* the chunk being filled, per arena, + 1 */
	const char *t;
	size_t n;
	pline *L;
	size_t nl;
	doc *d;
	const lang_words *lw;
	int dbl;		/* double-spaced extraction */
	int blankless;		/* no blank lines between paragraphs */
	int width;		/* typical full line, code points */
	wset words;		/* words, for hyphenation (see words_hyphens) */
	int words_cand;		/* words holds only the candidate keys */
	char *cand_keys;	/* their bytes */
	/* [n][c / 8] bit c % 8: a candidate key of n bytes starts with byte
	 * c (ASCII letters folded) */
	unsigned char cand_first[64][32];
	uint64_t *sketch;	/* words seen once / more than once, by hash
				   (words_hyphens: split-word candidates) */
	int sk_bits;		/* its hashes' bits */
	wset running;		/* running-title lines seen between furniture */
	int in_ga_zone;
} parser;

enum mk { MK_NONE, MK_PARA, MK_ROMAN, MK_LETTER, MK_SUB };

typedef struct marker {
	enum mk kind;
	size_t len;		/* bytes of the marker with its punctuation */
	size_t body;		/* where the text after it starts */
	int alone;		/* nothing follows on the line */
	char num[16];		/* the printed number: "8", "IV", "(a)" */
	char cite[16];		/* without punctuation: "8", "IV", "a" */
	size_t pre;		/* bidi stand-ins before it (bytes) */
} marker;

typedef struct block {
	uint32_t *lines;	/* line indexes (fewer than 4 G: see pline) */
	size_t nlines, cap;
	enum brk brk;		/* the break before the block */
	int foot;		/* a footnote */
	int toc;		/* a table of contents */
	int thead;		/* a table's header row (LF_THEAD lines) */
	int split;		/* has a split word's question (words_hyphens) */
} block;

typedef struct builder {
	parser *p;
	tnode *root;
	tnode *top;		/* root, the letter or an annex */
	tnode *cont;		/* where blocks go: top, or its body */
	tnode *sect[6];		/* open sections by level (1..5) */
	tnode *pending;		/* "Article 1" waiting for its title */
	tnode *title_cont;	/* a title ending in ';' that goes on */
	tnode *para;		/* the last paragraph (for sub-items) */
	tnode *sub[3];		/* open sub-items by depth */
	tnode *table;		/* the table whose rows come, or NULL */
	tnode *list;		/* the paragraph whose unmarked items come */
	const char *endcell[4];	/* last cells moved back to their row */
	size_t endcell_n[4];	/* ("Issued"), source lines' bytes */
	int seen_para_in_top;
	int has_letter;
	size_t nannex;
} builder;

#define MARK_MAX 999

/* ---------- small helpers ---------- */

static inline int
is_sp(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\r';
}

static inline int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline int
is_upper_ascii(char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline ucs4_t
first_uc(const char *s, size_t n)
{
	ucs4_t uc = 0;
	if (n)
		u8_mbtouc(&uc, (const uint8_t *)s, n);
	return uc;
}

static inline ucs4_t
last_uc(const char *s, size_t n)
{
	if (!n)
		return 0;
	size_t p = n - 1;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return first_uc(s + p, n - p);
}

static inline int
starts_lower(const char *s, size_t n)
{
	ucs4_t uc = first_uc(s, n);
	return uc_is_lower(uc);
}

static inline int
starts_upper(const char *s, size_t n)
{
	ucs4_t uc = first_uc(s, n);
	return uc_is_upper(uc) || uc == 0x201C || uc == '"' || uc == 0xAB;
}

static inline size_t
count_digits(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_digit(s[i]))
		i++;
	return i;
}

static inline const char *
LS(const parser *p, size_t i)
{
	return p->t + p->L[i].s;
}

static inline size_t
LN(const parser *p, size_t i)
{
	return p->L[i].e - p->L[i].s;
}

static inline int
equal_ci(const char *a, size_t an, const char *b)
{
	size_t m = lang_prefix(a, an, b);
	return m && m == an;
}

static inline int
equal_any(const char *s, size_t n, const char *const *list)
{
	for (size_t k = 0; list[k]; k++)
		if (equal_ci(s, n, list[k]))
			return 1;
	return 0;
}

/* ---------- arena.c: large arrays and block texts ---------- */

void *arena_big_alloc(size_t n);
void arena_big_free(void *m, size_t n);
char *arena_text_new(parser *p, size_t n, int a);
void arena_text_free(parser *p, char *s);
void arena_text_append(parser *p, tnode *t, char sep, const char *s,
		       size_t n, size_t last_line);
void arena_clear(parser *p);

/* ---------- words.c: word sets, hyphenation, text assembly ---------- */

uint64_t
words_hash_fold(const char *s, size_t n, int exact);
size_t words_set_op(wset *w, const char *s, size_t n, int add);
void words_set_clear(wset *w);
wslot *words_set_slot(wset *w, const char *s, size_t n, uint64_t hv);
size_t words_len(const char *s, size_t n, int hyphens);
void words_collect(parser *p);
void words_hyphens(parser *p, block *blocks, size_t nb, int split);
void words_append_line(parser *p, buf *b, const char *s, size_t n, int hard);
void words_repair_splits(parser *p, buf *b);

/* ---------- lines.c: pass 1 ---------- */

void lines_split(parser *p);
size_t lines_raw(const parser *p, size_t i);
size_t lines_rawend(const parser *p, size_t i);
void lines_measure(parser *p);

/* ---------- furniture.c: pass 2, masthead and furniture ---------- */

int furniture_has_date(const char *s, size_t n);
void furniture_agenda_from_text(parser *p, const char *s, size_t n);
void furniture_find_chrome(parser *p);
void furniture_find_mastheads(parser *p);
void furniture_find(parser *p);
void furniture_find_toc(parser *p);
char *furniture_toc_text(parser *p, const uint32_t *lines, size_t nlines,
			 size_t *len);
void furniture_find_footnotes(parser *p);
void furniture_add_page(parser *p, int num, size_t line0);
void furniture_page_map(parser *p);
void furniture_record(parser *p);

/* ---------- tables.c: table headers ---------- */

void tables_find_heads(parser *p);
int tables_is_sponsor_line(const char *s, size_t n);

/* ---------- blocks.c: pass 3, markers and blocks ---------- */

int blocks_roman_value(const char *s, size_t n);
int blocks_get_marker(const char *s, size_t n, marker *mk);
int blocks_ends_sentence(const char *s, size_t n);
int blocks_closes_sentence(const char *s, size_t n);
int blocks_in_symbol(const char *s, size_t i);
int blocks_is_annex_line(parser *p, const char *s, size_t n);
int blocks_is_plenary(parser *p, const char *s, size_t n);
int blocks_is_sig_line(const char *s, size_t n);
int blocks_is_original_note(const char *s, size_t n);
int blocks_preamble_word(const char *s, size_t n);
block *blocks_group(parser *p, size_t *nbp);

/* ---------- tree.c: pass 4, the tree ---------- */

void tree_free(parser *p, tnode *t);
size_t tree_keyword_section(const char *s, size_t n, int *level,
			    node_unit *unit);
void tree_footnote_numbers(const tnode *t, unsigned char *has);
void tree_mark_footnotes(parser *p, tnode *t, const unsigned char *has);
void tree_home_footnotes(tnode *root);
void tree_build(builder *bd, block *blocks, size_t nb, int repair);

/* ---------- emit.c: the tree into the document model ---------- */

size_t emit_plain_bytes(const tnode *t);
void emit_set_src(const parser *p, tnode *t);
void emit_kids(parser *p, node *nd, tnode *t);

#endif
