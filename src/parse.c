/* parse: extracted UN document text -> the document model (parse.h).
 *
 * Four passes, each linear in the input:
 *  1. lines: split, trim, measure (indent, width in code points);
 *  2. furniture: masthead zones (United Nations / organ / Distr. / date /
 *     Original / session / agenda item + titles) and page furniture (job
 *     numbers, barcodes, "n/m", "Page n", the symbol, running titles between
 *     them, continuation marks) are flagged and read into doc->meta; lines
 *     after a "_____" separator up to the page end are footnotes;
 *  3. blocks: the remaining lines are grouped into blocks. A block ends at
 *     a blank gap, before a line that starts with a marker ("1.", "(a)",
 *     "I.", "(Signed)", "[Original"), before an indented line, and at a page
 *     break when the last line is short and closes a sentence;
 *  4. tree: blocks are classified (letter title, annex, heading, section,
 *     paragraph, sub-item, signature, note) and nested; footnotes go at the
 *     end of their top-level part (the letter, an annex or the document).
 * The words of each language come from lang.c.
 *
 * Tables. Extracted tables come one cell per line, and their header row of
 * column titles is printed again at the top of every page the table runs
 * on. Two or more short lines (cell titles: no sentence end, at most 50
 * code points) that open two pages alike, or open a page and were shown
 * just before it, are a header (find_table_heads): its showings right
 * after page furniture are furniture (dropped, counted in
 * furniture_lines); any other showing opens a NODE_TABLE whose text is the
 * titles joined by " | ". The blocks after it are its rows (NODE_ROW, one
 * block each, cells reflowed) and the notes under it ("a In accordance
 * with …": NODE_NOTE numbered "a"), until a block that cannot be a row: a
 * numbered paragraph with a sentence, a I./A. or keyword section, an
 * annex, a signature, or prose filling the measure. A last row that reads
 * as a heading (one line, no figure) is the heading of what follows. A
 * table without a repeated header is not recognised (its cells stay
 * blocks of their own); a header-row's rows in one block (no blank lines
 * between them) stay one row.
 *
 * Lists and parts. Unmarked blocks after a numbered paragraph ending in
 * ':' are its items (NODE_SUBITEM without number or cite) up to the next
 * clause or heading; "(b)" at a line's start after a block opened by
 * "(a)" is the next item even without punctuation before it; an
 * unnumbered "Annex" after an unnumbered annex that transmits a body is
 * that body's own annex (nested in it, cited "Annex, Annex, …"). A short
 * title over its text with no blank between them (a box's "Model strategy
 * No. 7") is a block of its own. Clause markers are read after the
 * visible stand-ins of bidi controls ("⇚2." is paragraph 2).
 *
 * Extraction styles seen in the corpus and handled here: "double-spaced"
 * text (every line followed by an empty line; a paragraph starts indented
 * and a line with no blank before it is a page boundary), PyMuPDF text
 * (" " lines between paragraphs, "1." alone on a line), railcar text
 * (pages joined by an empty line, no blank between paragraphs), MNBVC text
 * (no blank lines at all, "1. " inline).
 *
 * Reflow: lines are joined with one space, runs of spaces collapse to one.
 * Line-end hyphens: "X-\nY" joins as "X-Y" (UN documents are set without
 * automatic hyphenation, so a line-end hyphen is nearly always a real one:
 * "nuclear-\nweapon-free", "Secretary-\nGeneral"); the hyphen is dropped
 * only when the document itself spells the word "XY" elsewhere and never
 * "X-Y". Split words such as "Est ado" (a space from the PDF) are joined
 * only when asked (parse_options.repair_splits), by a rule that uses the
 * document as its dictionary (repair_splits below). */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "lang.h"
#include "parse.h"
#include "util.h"

#define LABEL_COLS 50
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
};

/* One source line. Offsets are 32 bits: parse_document's input is under
 * 4 GiB (SOURCE_MAX_BYTES is far below); the record is kept small (16
 * bytes) because a 10 MB document has some 250,000 lines and they are all
 * alive while the block texts are built. The raw start and end (only
 * spaces lie between them and s, e) are found again when needed
 * (line_raw, line_rawend); page numbers are in parser.pagenum. */
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
	size_t src0, src1;	/* their source bytes, set by tn_set_src */
	int level;		/* section level, sub-item depth */
	int style;		/* sub-item numbering style */
	node_unit unit;		/* an article, a preambular paragraph … */
	tnode **kids;
	size_t nkids, cap;
	tnode **fns;		/* footnotes shown at the end of this part */
	size_t nfns, fncap;
	tnode *parent;
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
 * malloc (footnotes, merged and rebuilt texts); txt_free tells which. */
#define TXT_CHUNK ((size_t)1 << 20)
typedef struct txchunk {
	char *base;
	size_t size, used;
	size_t live;		/* texts in it not yet freed */
} txchunk;

typedef struct parser {
	txchunk *tx;
	size_t ntx, txcap;
	size_t lcap;		/* lines allocated in L (big_alloc) */
	int32_t *pagenum;	/* per line: the page number a furniture line
				   shows (big_alloc, lcap; until the page map) */
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
	wset words;		/* words, for hyphenation (see hyphen_words) */
	int words_cand;		/* words holds only the candidate keys */
	char *cand_keys;	/* their bytes */
	/* [n][c / 8] bit c % 8: a candidate key of n bytes starts with byte
	 * c (ASCII letters folded) */
	unsigned char cand_first[64][32];
	wset running;		/* running-title lines seen between furniture */
	int in_ga_zone;
} parser;

/* ---------- large arrays ---------- */

/* Zeroed memory for a large array, mapped apart from the heap so that
 * freeing it gives it back at once (malloc's heap keeps freed memory, and
 * after a large free it serves even multi-megabyte requests from the
 * heap). Never NULL (aborts as xmalloc does); free with big_free(ptr,
 * the same size). */
#define BIG_MIN ((size_t)256 << 10)	/* smaller arrays come from malloc */

static void *
big_alloc(size_t n)
{
	if (n < BIG_MIN)
		return xcalloc(1, n ? n : 1);
	void *m = mmap(NULL, n, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		/* as xmalloc does (util.c) */
		fprintf(stderr, "lectern: out of memory (%zu bytes)\n", n);
		abort();
	}
	return m;
}

static void
big_free(void *m, size_t n)
{
	if (!m)
		return;
	if (n < BIG_MIN)
		free(m);
	else
		munmap(m, n);
}

/* ---------- block texts ---------- */

/* n bytes for a text in the current chunk of arena a (a new one when
 * full). Footnotes (a = 1) have an arena of their own: they are emitted
 * after the rest of their part, and would keep its chunks alive. */
static char *
txt_new(parser *p, size_t n, int a)
{
	txchunk *c = p->txcur[a] ? &p->tx[p->txcur[a] - 1] : NULL;
	if (!c || c->used + n > c->size) {
		size_t size = n > TXT_CHUNK ? n : TXT_CHUNK;
		char *base = mmap(NULL, size, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (base == MAP_FAILED)
			return xmalloc(n);	/* txt_free will free() it */
		/* the chunk left behind goes as soon as it is empty */
		if (c && !c->live) {
			munmap(c->base, c->size);
			c->base = NULL;
		}
		xgrow((void **)&p->tx, &p->txcap, p->ntx + 1, sizeof *p->tx);
		c = &p->tx[p->ntx++];
		c->base = base;
		c->size = size;
		c->used = 0;
		c->live = 0;
		p->txcur[a] = p->ntx;
	}
	char *s = c->base + c->used;
	c->used += n;
	c->live++;
	return s;
}

/* Releases a text from txt_new or malloc; a chunk with no texts left
 * (and no longer being filled) is unmapped. */
static void
txt_free(parser *p, char *s)
{
	if (!s)
		return;
	for (size_t i = p->ntx; i-- > 0;) {
		txchunk *c = &p->tx[i];
		if (c->base && s >= c->base && s < c->base + c->size) {
			if (--c->live == 0 && i + 1 != p->txcur[0] &&
			    i + 1 != p->txcur[1]) {
				munmap(c->base, c->size);
				c->base = NULL;
			}
			return;
		}
	}
	free(s);
}

/* A text grown to n bytes (its first keep bytes kept): always malloc'd. */
static char *
txt_grow(parser *p, char *s, size_t keep, size_t n)
{
	char *m = xmalloc(n);
	memcpy(m, s, keep);
	txt_free(p, s);
	return m;
}

/* t's text gets sep and s[0, n) at its end; t now ends at source line
 * last_line (a title's second line, a row's last cell). */
static void
tn_append(parser *p, tnode *t, char sep, const char *s, size_t n, size_t last_line)
{
	size_t nl = t->len + 1 + n;
	t->text = txt_grow(p, t->text, t->len, nl + 1);
	t->text[t->len] = sep;
	memcpy(t->text + t->len + 1, s, n);
	t->text[nl] = '\0';
	t->len = nl;
	t->l1 = last_line;
}

static void
txt_free_all(parser *p)
{
	for (size_t i = 0; i < p->ntx; i++)
		if (p->tx[i].base)
			munmap(p->tx[i].base, p->tx[i].size);
	free(p->tx);
	p->tx = NULL;
	p->ntx = p->txcap = 0;
	p->txcur[0] = p->txcur[1] = 0;
}

/* ---------- small helpers ---------- */

static int
is_sp(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\r';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_upper_ascii(char c)
{
	return c >= 'A' && c <= 'Z';
}

static ucs4_t
first_uc(const char *s, size_t n)
{
	ucs4_t uc = 0;
	if (n)
		u8_mbtouc(&uc, (const uint8_t *)s, n);
	return uc;
}

static ucs4_t
last_uc(const char *s, size_t n)
{
	if (!n)
		return 0;
	size_t p = n - 1;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return first_uc(s + p, n - p);
}

static int
starts_lower(const char *s, size_t n)
{
	ucs4_t uc = first_uc(s, n);
	return uc_is_lower(uc);
}

static int
starts_upper(const char *s, size_t n)
{
	ucs4_t uc = first_uc(s, n);
	return uc_is_upper(uc) || uc == 0x201C || uc == '"' || uc == 0xAB;
}

static size_t
count_digits(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_digit(s[i]))
		i++;
	return i;
}

static const char *
LS(const parser *p, size_t i)
{
	return p->t + p->L[i].s;
}

static size_t
LN(const parser *p, size_t i)
{
	return p->L[i].e - p->L[i].s;
}

static int
equal_ci(const char *a, size_t an, const char *b)
{
	size_t m = lang_prefix(a, an, b);
	return m && m == an;
}

static int
equal_any(const char *s, size_t n, const char *const *list)
{
	for (size_t k = 0; list[k]; k++)
		if (equal_ci(s, n, list[k]))
			return 1;
	return 0;
}

/* ---------- word sets ---------- */

static uint64_t
hash_fold(const char *s, size_t n, int exact)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!exact && c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 1099511628211ull;
	}
	return h;
}

static int
same_fold(const char *a, size_t an, const char *b, size_t bn, int exact)
{
	if (an != bn)
		return 0;
	if (memcmp(a, b, an) == 0)
		return 1;	/* the usual case, folded or not */
	if (exact)
		return 0;
	for (size_t i = 0; i < an; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

/* Adds (add = 1; the span must outlive the set) or finds s[0, n).
 * Returns how many times it was added (after this add), 0 if never.
 * Words are shorter than 4 GiB (the input is). */
static size_t
wset_op_h(wset *w, const char *s, size_t n, int add, uint64_t hv)
{
	if (add && (w->count + 1) * 2 > w->cap) {
		size_t ncap = w->cap ? w->cap * 2 : 1024;
		wslot *ne = big_alloc(ncap * sizeof *ne);
		for (size_t i = 0; i < w->cap; i++) {
			if (!w->e[i].s)
				continue;
			size_t h = (size_t)w->e[i].hv & (ncap - 1);
			while (ne[h].s)
				h = (h + 1) & (ncap - 1);
			ne[h] = w->e[i];
		}
		big_free(w->e, w->cap * sizeof *w->e);
		w->e = ne;
		w->cap = ncap;
	}
	if (!w->cap)
		return 0;
	size_t h = (size_t)hv & (w->cap - 1);
	wslot *e;
	while ((e = &w->e[h])->s) {
		if (e->hv == hv && same_fold(e->s, e->n, s, n, w->exact))
			return add ? ++e->c : e->c;
		h = (h + 1) & (w->cap - 1);
	}
	if (add) {
		e->s = s;
		e->n = (uint32_t)n;
		e->c = 1;
		e->hv = hv;
		w->count++;
		return 1;
	}
	return 0;
}

static size_t
wset_op(wset *w, const char *s, size_t n, int add)
{
	if (!add && !w->cap)
		return 0;
	return wset_op_h(w, s, n, add, hash_fold(s, n, w->exact));
}

static void
wset_free(wset *w)
{
	big_free(w->e, w->cap * sizeof *w->e);
	memset(w, 0, sizeof *w);
}

/* The slot of s[0, n), or NULL. */
static wslot *
wset_slot(wset *w, const char *s, size_t n, uint64_t hv)
{
	if (!w->cap)
		return NULL;
	size_t h = (size_t)hv & (w->cap - 1);
	wslot *e;
	while ((e = &w->e[h])->s) {
		if (e->hv == hv && same_fold(e->s, e->n, s, n, w->exact))
			return e;
		h = (h + 1) & (w->cap - 1);
	}
	return NULL;
}

/* Length of the letter run at s (UTF-8 letters and '-' inside). */
static size_t
word_len(const char *s, size_t n, int hyphens)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && (c | 32) >= 'a' && (c | 32) <= 'z') {
			i++;	/* ASCII letters without a table look-up */
			continue;
		}
		if ((c == 0xC3 || c == 0xD0 || c == 0xD1) && i + 1 < n &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
		    !(c == 0xC3 && (s[i + 1] == '\x97' || s[i + 1] == '\xB7'))) {
			/* U+00C0..U+00FF but × and ÷, U+0400..U+047F: letters */
			i += 2;
			continue;
		}
		ucs4_t uc;
		int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		if (uc_is_alpha(uc)) {
			i += (size_t)k;
			continue;
		}
		if (hyphens && uc == '-' && i > 0 && i + 1 < n) {
			ucs4_t nx = first_uc(s + i + 1, n - i - 1);
			if (uc_is_alpha(nx)) {
				i++;
				continue;
			}
		}
		break;
	}
	return i;
}

/* Byte classes for the word scan. */
enum { WB_OTHER, WB_ASCII, WB_HIGH, WB_HYPHEN };
static const unsigned char wb_class[256] = {
	['-'] = WB_HYPHEN,
	['A' ... 'Z'] = WB_ASCII, ['a' ... 'z'] = WB_ASCII,
	[0x80 ... 0xFF] = WB_HIGH,
};

/* The candidate filter's bit for a word of n bytes (n < 64) starting with
 * byte c (ASCII letters folded). */
static inline int
cand_bit(const parser *p, size_t n, unsigned char c)
{
	if (wb_class[c] == WB_ASCII)
		c |= 32;
	return (p->cand_first[n][c >> 3] >> (c & 7)) & 1;
}

/* A word of the text: added to the set, or with only candidates in it
 * (cand), counted when it is one. */
static inline void
word_seen(parser *p, const char *s, size_t n, int cand)
{
	if (!cand) {
		wset_op_h(&p->words, s, n, 1, hash_fold(s, n, 0));
		return;
	}
	if (!cand_bit(p, n, (unsigned char)s[0]))
		return;
	wslot *e = wset_slot(&p->words, s, n, hash_fold(s, n, 0));
	if (e)
		e->c++;
}

/* The end of the run of ASCII letters at t[i]: eight bytes at a time on
 * a little-endian machine (the first byte in memory is the lowest). */
static inline size_t
ascii_letters(const unsigned char *t, size_t i, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ull, hi = ones << 7, low7 = ~hi;
	while (i + 8 <= n) {
		uint64_t v;
		memcpy(&v, t + i, 8);
		/* folded to lower case, 7 bits: a letter is 0x61..0x7A,
		 * told by two additions that carry into bit 7 only */
		uint64_t x = (v | ones * 0x20) & low7;
		uint64_t letter = (x + ones * 0x1F) & ~(x + ones * 0x05) & ~v & hi;
		uint64_t other = ~letter & hi;
		if (other)
			return i + ((size_t)__builtin_ctzll(other) >> 3);
		i += 8;
	}
#endif
	while (i < n && wb_class[t[i]] == WB_ASCII)
		i++;
	return i;
}

/* Every word of the text (letters, with hyphens inside), shorter than 64
 * bytes: added to p->words, or (cand) counted where p->words holds it. */
static void
scan_words(parser *p, int cand)
{
	const unsigned char *t = (const unsigned char *)p->t;
	size_t i = 0, n = p->n;
	while (i < n) {
		unsigned c = wb_class[t[i]];
		if (c != WB_ASCII && c != WB_HIGH) {
			i++;
			continue;
		}
		/* a run of ASCII letters is a word unless it goes on with a
		 * non-ASCII letter or a hyphen: then the general way */
		size_t j = ascii_letters(t, i, n);
		if (j > i && (j == n || wb_class[t[j]] == WB_OTHER)) {
			if (j - i < 64)
				word_seen(p, p->t + i, j - i, cand);
			i = j;
			continue;
		}
		size_t m = word_len(p->t + i, n - i, 1);
		if (m == 0) {
			ucs4_t uc;
			i += (size_t)u8_mbtouc(&uc, t + i, n - i);
			continue;
		}
		if (m < 64)
			word_seen(p, p->t + i, m, cand);
		i += m;
	}
}

static void
collect_words(parser *p)
{
	scan_words(p, 0);
}

/* How many times the text has the word s[0, n) (ASCII case folded; see
 * scan_words for what a word is). With only candidates collected, a word
 * that was not foreseen makes the set of every word (exact either way). */
static size_t
word_count(parser *p, const char *s, size_t n)
{
	if (n >= 64)
		return 0;	/* scan_words keeps none */
	uint64_t hv = hash_fold(s, n, 0);
	if (p->words_cand) {
		wslot *e = wset_slot(&p->words, s, n, hv);
		if (e)
			return e->c;
		wset_free(&p->words);
		free(p->cand_keys);
		p->cand_keys = NULL;
		p->words_cand = 0;
		collect_words(p);
	}
	return wset_op_h(&p->words, s, n, 0, hv);
}

/* ---------- pass 1: lines ---------- */

/* Code points in s[0, n): the bytes that are no continuation bytes,
 * counted eight at a time. */
static size_t
utf8_count(const char *s, size_t n)
{
	const uint64_t hi = 0x8080808080808080ull;
	size_t cont = 0, k = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t v;
		memcpy(&v, s + k, 8);
		/* 10xxxxxx: bit 7 set, bit 6 clear; one bit per such byte,
		 * summed by a multiplication */
		uint64_t m = (v & ~(v << 1) & hi) >> 7;
		cont += (m * 0x0101010101010101ull) >> 56;
	}
	for (; k < n; k++)
		cont += ((unsigned char)s[k] & 0xC0) == 0x80;
	return n - cont;
}

static void
split_lines(parser *p)
{
	/* count the lines first: one exact allocation, no copies */
	size_t cap = 1;
	for (const char *q = p->t, *end = p->t + p->n;
	     (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
		cap++;
	p->L = big_alloc(cap * sizeof *p->L);
	p->lcap = cap;
	p->pagenum = big_alloc(cap * sizeof *p->pagenum);
	size_t i = 0;
	while (i < p->n) {
		size_t e = i;
		const char *nl = memchr(p->t + i, '\n', p->n - i);
		e = nl ? (size_t)(nl - p->t) : p->n;
		pline *l = &p->L[p->nl++];
		memset(l, 0, sizeof *l);
		size_t s = i;
		int ind = 0;
		while (s < e && is_sp(p->t[s])) {
			if (p->t[s] == '\f') {
				l->flags |= LF_FF;
				ind = 0;
			} else if (ind < 32767) {
				ind += p->t[s] == '\t' ? 8 : 1;
			}
			s++;
		}
		size_t en = e;
		while (en > s && (is_sp(p->t[en - 1]) || p->t[en - 1] == '\f'))
			en--;
		l->s = (uint32_t)s;
		l->e = (uint32_t)en;
		l->indent = (int16_t)(ind > 32767 ? 32767 : ind);
		if (en - s >= 3 && (p->t[s] == '-' || p->t[s] == '=')) {
			/* a rule drawn with "-----" or "=====": a break, no text */
			size_t k = s;
			while (k < en && p->t[k] == p->t[s])
				k++;
			if (k == en)
				s = en;
			l->s = (uint32_t)s;
		}
		if (s == en) {
			l->flags |= LF_BLANK;
			if (e == i)
				l->flags |= LF_EMPTY;
		} else {
			/* code points, bounded: only short lines are measured
			 * exactly, which is all the width heuristics need */
			size_t n = en - s, cols = utf8_count(p->t + s, n);
			l->cols = (uint16_t)(cols < 1000 ? cols : 1000);
		}
		i = nl ? e + 1 : p->n;
	}
}

/* The first byte of line i: after the '\n' before its content. */
static size_t
line_raw(const parser *p, size_t i)
{
	size_t k = p->L[i].s;
	while (k > 0 && p->t[k - 1] != '\n')
		k--;
	return k;
}

/* The end of line i without its '\n': the '\n' after its content, or
 * the end of the text. */
static size_t
line_rawend(const parser *p, size_t i)
{
	size_t e = p->L[i].e;
	const char *nl = memchr(p->t + e, '\n', p->n - e);
	return nl ? (size_t)(nl - p->t) : p->n;
}

/* ---------- furniture predicates ---------- */

/* "25-19974 (E)", "GE.19-13879  (R)  210819  230819", "V.19-08185 (S)",
 * "21-06958* (E)", "07-35147" alone; *job gets the number. */
static int
is_job(const char *s, size_t n, char *job, size_t jobsz)
{
	size_t i = 0;
	if (n > MAX_FURN_LINE)
		return 0;
	while (i < n && i < 3 && is_upper_ascii(s[i]))
		i++;
	if (i > 0) {
		if (i >= n || s[i] != '.')
			return 0;
		i++;
	}
	if (count_digits(s + i, n - i) != 2 || i + 2 >= n || s[i + 2] != '-')
		return 0;
	if (count_digits(s + i + 3, n - i - 3) != 5)
		return 0;
	size_t end = i + 8;
	if (job) {
		snprintf(job, jobsz, "%.*s", (int)end, s);
	}
	size_t k = end;
	if (k < n && s[k] == '*')
		k++;
	while (k < n) {
		if (is_sp(s[k])) {
			k++;
		} else if (s[k] == '(' && k + 2 < n && is_upper_ascii(s[k + 1]) &&
			   s[k + 2] == ')') {
			k += 3;
		} else if (count_digits(s + k, n - k) == 6) {
			k += 6;
		} else {
			return 0;
		}
	}
	return 1;
}

static int
is_barcode(const char *s, size_t n)
{
	/* a barcode font extracted as private-use characters */
	if (n >= 6 && n <= 120) {
		size_t i = 0;
		while (i < n) {
			ucs4_t uc;
			int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
			if (!((uc >= 0xE000 && uc <= 0xF8FF) || uc == ' '))
				break;
			i += (size_t)k;
		}
		if (i == n)
			return 1;
	}
	if (n < 8 || n > 20)
		return 0;
	char a = s[0], z = s[n - 1];
	if (!((a == '*' && z == '*') || (a == '`' && z == '`')))
		return 0;
	return count_digits(s + 1, n - 2) == n - 2;
}

/* "2/3" (strong), "Page 2", "English Page 2", "Página 2", "Страница 2";
 * returns the page number, and *weak = 1 for a bare number. */
static int
page_number(const char *s, size_t n, int *weak)
{
	*weak = 0;
	if (n > 40)
		return 0;
	size_t a = count_digits(s, n);
	if (a && a <= 4 && a < n && s[a] == '/') {
		size_t b = count_digits(s + a + 1, n - a - 1);
		if (b && b <= 4 && a + 1 + b == n) {
			int x = atoi(s), y = atoi(s + a + 1);
			if (x >= 1 && x <= y)
				return x;
		}
		return 0;
	}
	if (a && a <= 4 && a == n) {
		*weak = 1;
		return atoi(s);
	}
	static const char *const pw[] = { "Page", "Página", "Страница", "English Page",
					   "Spanish Page", "French Page", "Russian Page", NULL };
	size_t m = lang_prefix_any(s, n, pw, NULL);
	if (m) {
		while (m < n && s[m] == ' ')
			m++;
		size_t d = count_digits(s + m, n - m);
		if (d && m + d == n)
			return atoi(s + m);
	}
	return 0;
}

/* A line that is only a UN document symbol ("A/RES/80/16", "A/C.1/80/L.13*"). */
static int
is_symbol(const char *s, size_t n)
{
	if (n < 4 || n > 48 || !is_upper_ascii(s[0]))
		return 0;
	int slash = 0, digit = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '/')
			slash++;
		else if (is_digit(c))
			digit++;
		else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			   c == '.' || c == '*' || c == '-'))
			return 0;
	}
	return slash >= 1 && digit >= 1 && s[1] == '/' ? 1 :
	       slash >= 1 && digit >= 1 && memchr(s, '/', n < 6 ? n : 6) != NULL;
}

static int
is_fn_separator(const char *s, size_t n)
{
	size_t u = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '_')
			u++;
		else if (!is_sp(s[i]))
			return 0;
	}
	return u >= 5;
}

static int
is_continuation_mark(const char *s, size_t n)
{
	if (n < 2 || s[0] != '/')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (s[i] != '.' && s[i] != ' ')
			return 0;
	return 1;
}

/* ---------- dates ---------- */

/* Finds "22 de diciembre de 2020", "5 December 2025", "16 novembre 2009",
 * "14 августа 2019 года" in s[0, n) (months of every language) and writes
 * the ISO date; returns nonzero if found. */
static int
find_date(const char *s, size_t n, char iso[11])
{
	const lang_words *const *all = lang_all();
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])))
			continue;
		size_t d = count_digits(s + i, n - i);
		if (d > 2)
			continue;
		int day = atoi(s + i);
		size_t k = i + d;
		if (k + 1 < n && s[k] == 'e' && s[k + 1] == 'r')	/* 1er */
			k += 2;
		if (k >= n || s[k] != ' ')
			continue;
		k++;
		size_t m;
		if ((m = lang_prefix(s + k, n - k, "de ")))
			k += m;
		int month = 0;
		for (size_t l = 0; all[l] && !month; l++)
			for (int mo = 0; mo < 12; mo++) {
				m = lang_prefix(s + k, n - k, all[l]->months[mo]);
				if (m) {
					month = mo + 1;
					k += m;
					break;
				}
			}
		if (!month)
			continue;
		if (k < n && s[k] == ',')
			k++;
		while (k < n && s[k] == ' ')
			k++;
		if ((m = lang_prefix(s + k, n - k, "de ")))
			k += m;
		if (count_digits(s + k, n - k) != 4)
			continue;
		int year = atoi(s + k);
		if (day < 1 || day > 31 || year < 1945 || year > 2100)
			continue;
		snprintf(iso, 11, "%04d-%02d-%02d", year, month, day);
		return 1;
	}
	return 0;
}

static int
has_date(const char *s, size_t n)
{
	char iso[11];
	return find_date(s, n, iso);
}

/* A line that is only a date (masthead). */
static int
is_date_line(const char *s, size_t n)
{
	char iso[11];
	if (n > 40 || !n || !is_digit(s[0]))
		return 0;
	return find_date(s, n, iso);
}

/* ---------- agenda items ---------- */

/* Parses "98 y 112", "99 (k)", "94 e), 95 a) and 71" at s; adds the items
 * to a list (out, up to max); returns bytes used (0 = no number). */
static size_t
parse_items(const lang_words *lw, const char *s, size_t n, char out[][16],
	    size_t *nout, size_t max)
{
	size_t i = 0, used = 0;
	for (;;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t d = count_digits(s + i, n - i);
		if (!d || d > 4)
			break;
		char item[16];
		snprintf(item, sizeof item, "%.*s", (int)d, s + i);
		i += d;
		/* sub-item letter: " (k)" or " k)" */
		size_t j = i;
		while (j < n && s[j] == ' ')
			j++;
		if (j + 2 < n && s[j] == '(' && s[j + 1] >= 'a' && s[j + 1] <= 'z' &&
		    s[j + 2] == ')') {
			snprintf(item + d, sizeof item - d, " (%c)", s[j + 1]);
			i = j + 3;
		} else if (j + 1 < n && s[j] >= 'a' && s[j] <= 'z' && s[j + 1] == ')' &&
			   j > i) {
			snprintf(item + d, sizeof item - d, " (%c)", s[j]);
			i = j + 2;
		}
		if (*nout < max)
			snprintf(out[(*nout)++], 16, "%s", item);
		used = i;
		j = i;
		while (j < n && s[j] == ' ')
			j++;
		size_t m = lang_prefix_any(s + j, n - j, lw->conj, NULL);
		if (!m)
			break;
		i = j + m;
	}
	return used;
}

/* Agenda items named in running text ("under agenda items 98 and 112",
 * "en relación con los temas 98 y 112 del programa"). */
static void
agenda_from_text(parser *p, const char *s, size_t n)
{
	const lang_words *lw = p->lw;
	for (size_t w = 0; lw->agenda_word[w]; w++) {
		size_t off = 0;
		while (off < n) {
			size_t at = lang_find(s + off, n - off, lw->agenda_word[w]);
			if (at == (size_t)-1)
				break;
			at += off;
			size_t k = at + strlen(lw->agenda_word[w]);
			off = k;
			int ok = 0;
			if (lw->agenda_before) {
				for (size_t b = 0; lw->agenda_before[b]; b++) {
					size_t bl = strlen(lw->agenda_before[b]);
					if (at >= bl + 1 && lang_prefix(s + at - bl - 1, bl,
									lw->agenda_before[b]))
						ok = 1;
				}
			}
			char items[16][16];
			size_t ni = 0;
			size_t used = parse_items(lw, s + k, n - k, items, &ni, 16);
			if (!used)
				continue;
			if (!ok && lw->agenda_after) {
				size_t j = k + used;
				while (j < n && s[j] == ' ')
					j++;
				if (lang_prefix_any(s + j, n - j, lw->agenda_after, NULL))
					ok = 1;
			}
			if (ok)
				for (size_t i = 0; i < ni; i++)
					doc_meta_add_agenda(&p->d->meta, items[i]);
		}
	}
}

/* ---------- pass 2: masthead and furniture ---------- */

static int
is_org_line(const char *s, size_t n)
{
	size_t m = lang_prefix_any(s, n, lang_org_names, NULL);
	if (!m)
		return 0;
	while (m < n && s[m] == ' ')
		m++;
	return m == n || is_symbol(s + m, n - m);
}

static size_t
organ_prefix(const char *s, size_t n)
{
	return lang_prefix_any(s, n, lang_organs, NULL);
}

static int
is_session_line(const char *s, size_t n)
{
	if (n > 80)
		return 0;
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++)
		for (size_t k = 0; all[l]->session[k]; k++) {
			size_t wl = strlen(all[l]->session[k]);
			if (n > wl && s[n - wl - 1] == ' ' &&
			    lang_prefix(s + n - wl, wl, all[l]->session[k]) == wl)
				return 1;
		}
	return 0;
}

/* English session ordinal: "Eightieth", "Seventy-fifth", "Resumed
 * seventy-ninth"; 0 if none. */
static int
session_number(const char *s, size_t n)
{
	size_t i = 0;
	size_t m;
	if ((m = lang_prefix(s, n, "Resumed")))
		i = m + 1;
	for (size_t t = 0; lang_ordinal_tens[t]; t++)
		if (i < n && lang_prefix(s + i, n - i, lang_ordinal_tens[t]))
			return (int)(t + 1) * 10;
	for (size_t t = 0; lang_cardinal_tens[t]; t++) {
		m = i < n ? lang_prefix(s + i, n - i, lang_cardinal_tens[t]) : 0;
		if (m && i + m < n && (s[i + m] == '-' || s[i + m] == ' ')) {
			size_t j = i + m + 1;
			for (size_t u = 0; lang_ordinal_units[u]; u++)
				if (lang_prefix(s + j, n - j, lang_ordinal_units[u]))
					return (int)(t + 1) * 10 + (int)u + 1;
		}
	}
	for (size_t u = 0; lang_ordinal_units[u]; u++)
		if (i < n && lang_prefix(s + i, n - i, lang_ordinal_units[u]))
			return (int)u + 1;
	return 0;
}

static int
is_lang_name_line(const char *s, size_t n)
{
	if (n > 48)
		return 0;	/* longer than any name below */
	for (size_t k = 0; lang_names[k].word; k++)
		if (equal_ci(s, n, lang_names[k].word))
			return 1;
	/* "Français", "Russian", "Español", "Русский" as the version */
	static const char *const more[] = { "Français", "Español", "Русский",
					    "Английский", NULL };
	return equal_any(s, n, more);
}

static const char *
original_lang(const char *s, size_t n)
{
	size_t m = lang_prefix_any(s, n, lang_original, NULL);
	if (!m)
		return NULL;
	while (m < n && (s[m] == ' ' || s[m] == ':'))
		m++;
	return lang_code_of_name(s + m, n - m);
}

static int
agenda_heading(parser *p, const char *s, size_t n, int add)
{
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++) {
		size_t m = lang_prefix_any(s, n, all[l]->agenda_heading, NULL);
		if (!m || m >= n || s[m] != ' ' || !is_digit(s[m + 1]))
			continue;
		char items[16][16];
		size_t ni = 0;
		if (!parse_items(all[l], s + m, n - m, items, &ni, 16))
			continue;
		for (size_t i = 0; add && i < ni; i++)
			doc_meta_add_agenda(&p->d->meta, items[i]);
		return 1;
	}
	return 0;
}

/* Is line i a masthead line? Reads its facts into meta when read is set. */
static int
masthead_line(parser *p, size_t i, int read, int *agenda)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	doc_meta *m = &p->d->meta;
	char job[32];
	size_t k;

	*agenda = 0;
	if (n > MAX_FURN_LINE)
		return 0;
	if (is_org_line(s, n)) {
		k = lang_prefix_any(s, n, lang_org_names, NULL);
		while (k < n && s[k] == ' ')
			k++;
		if (read && k < n && !m->symbol)
			m->symbol = xstrndup(s + k, n - k);
		return 1;
	}
	if ((k = organ_prefix(s, n))) {
		if (lang_prefix(s, n, "General Assembly") ||
		    lang_prefix(s, n, "Asamblea General") ||
		    lang_prefix(s, n, "Assemblée générale") ||
		    lang_prefix(s, n, "Генеральная Ассамблея"))
			p->in_ga_zone = 1;
		while (k < n && s[k] == ' ')
			k++;
		if (k == n)
			return 1;
		s += k;
		n -= k;	/* "General Assembly Distr.: General" */
	}
	if ((k = lang_prefix(s, n, "Distr."))) {
		while (k < n && (s[k] == ' ' || s[k] == ':'))
			k++;
		if (read && k < n && !m->distribution) {
			const char *v = s + k;
			size_t vn = n - k;
			if (lang_prefix(v, vn, "general") || lang_prefix(v, vn, "générale"))
				m->distribution = xstrdup("General");
			else if (lang_prefix(v, vn, "limited") || lang_prefix(v, vn, "limitada") ||
				 lang_prefix(v, vn, "limitée"))
				m->distribution = xstrdup("Limited");
			else if (lang_prefix(v, vn, "restricted") || lang_prefix(v, vn, "reservada") ||
				 lang_prefix(v, vn, "restreinte"))
				m->distribution = xstrdup("Restricted");
			else
				m->distribution = xstrndup(v, vn);
		}
		return 2;
	}
	if (is_date_line(s, n)) {
		char iso[11];
		/* the issue date, not a meeting's dates ("4–15 November") */
		if (read && !memchr(s, '-', n) && !memchr(s, ',', n) &&
		    !memmem(s, n, "–", strlen("–")) && find_date(s, n, iso) && !m->date)
			doc_meta_set(&m->date, iso);
		return 3;
	}
	const char *ol = original_lang(s, n);
	if (ol) {
		if (read && !m->orig_lang)
			doc_meta_set(&m->orig_lang, ol);
		return 1;
	}
	if (is_lang_name_line(s, n))
		return 1;
	static const char *const distr[] = { "GENERAL", "LIMITED", "RESTRICTED",
					     "GÉNÉRALE", "LIMITÉE", NULL };
	if (equal_any(s, n, distr)) {
		if (read && !m->distribution) {
			m->distribution = xstrdup(lang_prefix(s, n, "limit") ? "Limited" :
						  lang_prefix(s, n, "restricted") ? "Restricted" :
						  "General");
		}
		return 1;
	}
	if (is_symbol(s, n)) {
		if (read && !m->symbol)
			m->symbol = xstrndup(s, n);
		return 1;
	}
	if (is_job(s, n, job, sizeof job)) {
		if (read && !m->job)
			m->job = xstrdup(job);
		return 1;
	}
	if (is_barcode(s, n))
		return 1;
	if (is_session_line(s, n)) {
		int sn = session_number(s, n);
		if (read && sn && p->in_ga_zone && !m->session)
			m->session = sn;
		return 1;
	}
	/* "First Committee", "Working Group on the Universal Periodic Review" */
	if (n < 80 && (lang_prefix(s, n, "Working Group") ||
		       lang_prefix(s, n, "Groupe de travail") ||
		       lang_prefix(s, n, "Рабочая группа") ||
		       lang_prefix(s, n, "Grupo de Trabajo")))
		return 1;
	size_t cn = n;
	if (cn < 40 && cn > 10 && s[cn - 1] == ')')
		cn--;	/* "(Fourth Committee)" */
	if (cn < 60 && cn > 10 && lang_prefix(s + cn - 9, 9, "Committee") == 9 &&
	    lang_find(s, cn, "the") == (size_t)-1)
		return 1;
	if (agenda_heading(p, s, n, read)) {
		*agenda = 1;
		return 1;
	}
	return 0;
}

/* Masthead zones: start at an organisation or organ line that a "Distr."
 * line or a session line follows closely; run over masthead lines and
 * blank lines; after "Agenda item(s)", take the item titles up to a blank
 * line (or one line per item when the text has no blank lines). */
static void
find_mastheads(parser *p)
{
	for (size_t i = 0; i < p->nl; i++) {
		if (p->L[i].flags & (LF_BLANK | LF_MAST))
			continue;
		const char *s = LS(p, i);
		size_t n = LN(p, i);
		if (n > 80 || is_digit(s[0]) || starts_lower(s, n))
			continue;	/* no masthead line starts so */
		int start = is_org_line(s, n);
		if (!start && (organ_prefix(s, n) || lang_prefix(s, n, "Distr."))) {
			/* an organ line opens a zone only with masthead company */
			for (size_t j = i, seen = 0; j < p->nl && seen < 6; j++) {
				if (p->L[j].flags & LF_BLANK)
					continue;
				seen++;
				const char *t = LS(p, j);
				size_t tn = LN(p, j);
				if (lang_find(t, tn < 80 ? tn : 0, "Distr.") != (size_t)-1 ||
				    is_session_line(t, tn))
					start = 1;
			}
		}
		if (!start)
			continue;
		p->in_ga_zone = 0;
		/* backwards: a job number or symbol just before */
		size_t b = i;
		while (b > 0) {
			size_t j = b - 1;
			if (p->L[j].flags & LF_BLANK) {
				b = j;
				continue;
			}
			int ag;
			char job[32];
			static const char *const old_org[] = { "UNITED", "NATIONS", "NATIONS UNIES",
							       "UNITED NATIONS", "A", "S", "E", NULL };
			if (equal_any(LS(p, j), LN(p, j), old_org)) {
				p->L[j].flags |= LF_MAST;
				b = j;
				continue;
			}
			if (LN(p, j) < MAX_FURN_LINE &&
			    (is_job(LS(p, j), LN(p, j), job, sizeof job) ||
			     is_symbol(LS(p, j), LN(p, j)) || is_barcode(LS(p, j), LN(p, j)))) {
				masthead_line(p, j, 1, &ag);
				p->L[j].flags |= LF_MAST;
				b = j;
				continue;
			}
			break;
		}
		size_t j = i, last = i;
		int ag = 0;
		size_t items = 0;
		size_t blanks = 0;
		for (; j < p->nl && j < i + 60; j++) {
			if (p->L[j].flags & LF_BLANK) {
				if (++blanks >= 3)
					break;	/* a masthead has no wide gaps */
				continue;
			}
			blanks = 0;
			int a;
			if (masthead_line(p, j, 1, &a)) {
				p->L[j].flags |= LF_MAST;
				last = j;
				if (a) {
					ag = 1;
					items = p->d->meta.nagenda;
				}
				continue;
			}
			if (!ag && LN(p, j) < 60 && (starts_lower(LS(p, j), LN(p, j)) ||
						     has_date(LS(p, j), LN(p, j)))) {
				/* "периодическому обзору" continuing a
				 * masthead line; "Genève, 8-19 février 2010" */
				p->L[j].flags |= LF_MAST;
				last = j;
				continue;
			}
			if (ag) {
				/* item titles: up to a blank line */
				int blank_soon = 0;
				for (size_t q = j; q < p->nl && q < j + 8; q++)
					if (p->L[q].flags & LF_BLANK) {
						blank_soon = 1;
						break;
					}
				size_t q = j;
				if (blank_soon) {
					while (q < p->nl && !(p->L[q].flags & LF_BLANK))
						p->L[q++].flags |= LF_MAST;
				} else {
					/* no blank lines: each item title is a
					 * line and the lower-case lines that
					 * continue it */
					for (size_t c = 0; c < (items ? items : 1) && q < p->nl; c++) {
						p->L[q++].flags |= LF_MAST;
						while (q < p->nl && q < j + 12 &&
						       starts_lower(LS(p, q), LN(p, q)))
							p->L[q++].flags |= LF_MAST;
					}
				}
				last = q - 1;
				j = q - 1;
				ag = 0;
				continue;
			}
			break;
		}
		(void)last;
		i = j > i ? j - 1 : i;
	}
}

/* Whether s[0, n) is a running title seen elsewhere and more words: the
 * one-line title of other pages, wrapped on two lines on this one. */
static int
starts_running(parser *p, const char *s, size_t n)
{
	if (!p->running.count)
		return 0;
	for (size_t k = n; k-- > 20;)
		if (s[k] == ' ' && wset_op(&p->running, s, k, 0))
			return 1;
	return 0;
}

/* Page furniture: anchors (job numbers, barcodes, "n/m", "Page n", the
 * symbol) and the lines between two anchors (running titles, bare page
 * numbers), then lines equal to a running title next to furniture, and
 * a running title wrapped on two lines. */
static void
find_furniture(parser *p)
{
	doc_meta *m = &p->d->meta;
	char job[32];

	for (size_t i = 0; i < p->nl; i++) {
		pline *l = &p->L[i];
		if (l->flags & (LF_BLANK | LF_MAST))
			continue;
		const char *s = LS(p, i);
		size_t n = LN(p, i);
		if (n > MAX_FURN_LINE)
			continue;
		int weak;
		int pn = page_number(s, n, &weak);
		if (is_job(s, n, job, sizeof job)) {
			l->flags |= LF_ANCHOR;
			if (!m->job)
				m->job = xstrdup(job);
		} else if (is_barcode(s, n) || is_continuation_mark(s, n)) {
			l->flags |= LF_ANCHOR;
		} else if (pn && !weak) {
			l->flags |= LF_ANCHOR;
			p->pagenum[i] = pn;
		} else if (m->symbol && strlen(m->symbol) == n &&
			   memcmp(m->symbol, s, n) == 0) {
			l->flags |= LF_SYMLINE;
		} else if (!m->symbol && is_symbol(s, n)) {
			/* a symbol line repeated: the running header */
			size_t seen = 0;
			for (size_t j = i + 1; j < p->nl && seen < 2; j++)
				if (LN(p, j) == n && memcmp(LS(p, j), s, n) == 0)
					seen++;
			if (seen) {
				m->symbol = xstrndup(s, n);
				l->flags |= LF_ANCHOR;
			}
		}
	}
	/* the document's symbol on a line of its own is the running header
	 * when other furniture (a job number, "2/13", a barcode, a page
	 * break) is near it; elsewhere it is text: a table's cell
	 * ("A/C.5/80/L.1" in a list of documents) */
	for (size_t i = 0; i < p->nl; i++) {
		if (!(p->L[i].flags & LF_SYMLINE))
			continue;
		size_t lo = i > 8 ? i - 8 : 0, hi = i + 8 < p->nl ? i + 8 : p->nl - 1;
		/* or it opens a page joined by an empty line, or has a bare
		 * page number ("3") beside it */
		int near = i == 0 || (p->L[i - 1].flags & LF_EMPTY);
		for (size_t j = i > 2 ? i - 2 : 0; j <= i + 2 && j < p->nl && !near; j++) {
			int weak;
			if (j != i && !(p->L[j].flags & LF_BLANK) && LN(p, j) < 12 &&
			    page_number(LS(p, j), LN(p, j), &weak))
				near = 1;
		}
		for (size_t j = lo; j <= hi && !near; j++)
			if (j != i && (p->L[j].flags & (LF_ANCHOR | LF_FF | LF_MAST)) &&
			    !(p->L[j].flags & LF_SYMLINE))
				near = 1;
		if (near)
			p->L[i].flags |= LF_ANCHOR;
	}
	/* a symbol line next to other furniture is the running header */
	for (size_t i = 0; i < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_MAST | LF_ANCHOR)) ||
		    !is_symbol(LS(p, i), LN(p, i)))
			continue;
		size_t lo = i > 5 ? i - 5 : 0, hi = i + 5 < p->nl ? i + 5 : p->nl - 1;
		for (size_t j = lo; j <= hi; j++)
			if (j != i && (p->L[j].flags & LF_ANCHOR)) {
				p->L[i].flags |= LF_ANCHOR;
				break;
			}
	}
	/* lines sandwiched between anchors (at most 4 text lines apart) */
	size_t prev = (size_t)-1;
	for (size_t i = 0; i < p->nl; i++) {
		if (!(p->L[i].flags & LF_ANCHOR))
			continue;
		if (prev != (size_t)-1 && i > prev + 1) {
			size_t text = 0;
			for (size_t j = prev + 1; j < i; j++)
				if (!(p->L[j].flags & LF_BLANK))
					text++;
			int ok = text <= 4;
			for (size_t j = prev + 1; ok && j < i; j++)
				if ((p->L[j].flags & (LF_MAST)) || LN(p, j) > 120)
					ok = 0;
			for (size_t j = prev + 1; ok && j < i; j++) {
				if (p->L[j].flags & LF_BLANK)
					continue;
				p->L[j].flags |= LF_FURN;
				int weak;
				int pn = page_number(LS(p, j), LN(p, j), &weak);
				if (pn)
					p->pagenum[j] = pn;
				else
					wset_op(&p->running, LS(p, j), LN(p, j), 1);
			}
		}
		prev = i;
	}
	for (size_t i = 0; i < p->nl; i++)
		if (p->L[i].flags & LF_ANCHOR)
			p->L[i].flags |= LF_FURN;
	/* next to furniture: running titles, bare page numbers, "English" */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < p->nl; i++) {
			if (!(p->L[i].flags & (LF_FURN | LF_MAST)))
				continue;
			int from_mast = !(p->L[i].flags & LF_FURN);
			for (int dir = -1; dir <= 1; dir += 2) {
				size_t j = i;
				int steps = 0;
				while (steps < 3) {
					if (dir < 0 && j == 0)
						break;
					j = dir < 0 ? j - 1 : j + 1;
					if (j >= p->nl)
						break;
					pline *l = &p->L[j];
					if (l->flags & LF_BLANK) {
						steps++;
						continue;
					}
					if (l->flags & (LF_FURN | LF_MAST))
						break;
					const char *s = LS(p, j);
					size_t n = LN(p, j);
					int weak;
					int pn = n < 40 ? page_number(s, n, &weak) : 0;
					if (pn && pn < 2000) {
						l->flags |= LF_FURN;
						p->pagenum[j] = pn;
					} else if (n < MAX_FURN_LINE && !from_mast &&
						   (wset_op(&p->running, s, n, 0) ||
						    is_symbol(s, n) ||
						    is_lang_name_line(s, n))) {
						l->flags |= LF_FURN;
					} else if (n < MAX_FURN_LINE && !from_mast &&
						   starts_running(p, s, n)) {
						/* the title set on two lines ("…
						 * telecommunications in" / "the
						 * context of …"): both go */
						l->flags |= LF_FURN | LF_RUNHEAD;
					} else if (dir < 0 && n <= 80 && !from_mast && j > 0 &&
						   !(p->L[j - 1].flags & (LF_BLANK | LF_FURN | LF_MAST)) &&
						   LN(p, j - 1) < MAX_FURN_LINE &&
						   starts_running(p, LS(p, j - 1), LN(p, j - 1))) {
						/* the same, met from below */
						l->flags |= LF_FURN;
						p->L[j - 1].flags |= LF_FURN;
						j--;
					} else {
						break;
					}
					steps++;
				}
			}
		}
	/* the rest of a wrapped running title: one short line between its
	 * first line and more furniture */
	for (size_t i = 0; i < p->nl; i++) {
		if (!(p->L[i].flags & LF_RUNHEAD))
			continue;
		size_t j = i + 1, k;
		while (j < p->nl && (p->L[j].flags & LF_BLANK))
			j++;
		if (j >= p->nl || (p->L[j].flags & (LF_FURN | LF_MAST)) || LN(p, j) > 80)
			continue;
		for (k = j + 1; k < p->nl && (p->L[k].flags & LF_BLANK); k++)
			;
		if (k < p->nl && (p->L[k].flags & LF_FURN))
			p->L[j].flags |= LF_FURN;
	}
}

static int
has_leader(const char *s, size_t n)
{
	size_t dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] != ' ' || !dots)
			dots = 0;
		if (dots >= 5)
			return 1;
	}
	return 0;
}

/* A table of contents: from a "Contents" line while dot leaders keep
 * coming (within 10 lines), across page furniture. */
static void
find_toc(parser *p)
{
	for (size_t i = 0; i < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_FURN | LF_MAST)) || LN(p, i) > 40 ||
		    !lang_prefix_any(LS(p, i), LN(p, i), lang_contents, NULL))
			continue;
		size_t last = i, j, since = 0;
		for (j = i + 1; j < p->nl; j++) {
			if (p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST))
				continue;
			if (has_leader(LS(p, j), LN(p, j)) ||
			    lang_prefix_any(LS(p, j), LN(p, j), lang_contents, NULL)) {
				last = j;
				since = 0;
			} else if (++since > 10) {
				break;
			}
		}
		if (last == i)
			continue;
		/* the page and paragraph numbers after the last leader */
		for (j = last + 1; j < p->nl; j++) {
			if (p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST))
				continue;
			const char *s = LS(p, j);
			size_t n = LN(p, j), k = 0;
			while (k < n && (is_digit(s[k]) || strchr(" -", s[k]) ||
					 (unsigned char)s[k] >= 0x80))
				k++;
			if (k < n || !is_digit(s[0]))
				break;
			last = j;
		}
		for (j = i; j <= last; j++)
			if (!(p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST)))
				p->L[j].flags |= LF_TOC;
		i = last;
	}
}

/* The text of a contents table: one entry a line, without dot leaders,
 * page and paragraph numbers. */
static char *
toc_text(parser *p, const uint32_t *lines, size_t nlines, size_t *len)
{
	buf b;
	buf_init(&b);
	buf_adds(&b, "");
	int open = 0;
	for (size_t k = 0; k < nlines; k++) {
		const char *s = LS(p, lines[k]);
		size_t n = LN(p, lines[k]), e = n;
		if (k > 0 && lang_prefix_any(s, n, lang_contents, NULL))
			continue;
		size_t d = 0;
		while (d < n && (is_digit(s[d]) || strchr(" -.", s[d]) ||
				 (unsigned char)s[d] >= 0x80))
			d++;
		if (d == n && is_digit(s[0]))
			continue;	/* "3 - 45", "4" */
		size_t w = 0, cw = 0;
		while (w < n) {
			size_t we = w;
			while (we < n && s[we] != ' ')
				we++;
			size_t k2;
			if (!lang_prefix_any(s + w, we - w, lang_toc_columns, &k2))
				break;
			while (we < n && s[we] == ' ')
				we++;
			w = we;
			cw++;
		}
		if (cw && w >= n)
			continue;	/* "Paragraphs      Page" */
		int leader = 0;
		for (size_t i = 0; i + 2 < n; i++)
			if (s[i] == '.' && s[i + 1] == '.' && s[i + 2] == '.') {
				e = i;
				leader = 1;
				break;
			}
		while (e > 0 && (s[e - 1] == ' ' || (leader && s[e - 1] == '.')))
			e--;
		if (e && open)
			buf_addc(&b, ' ');
		else if (e && b.len)
			buf_addc(&b, '\n');
		buf_add(&b, s, e);
		open = e && !leader;
		if (k == 0)
			open = 0;
	}
	*len = b.len;
	return buf_take(&b);
}

/* Footnote areas: from a "_____" line to the end of the page (the next
 * furniture or masthead line, a form feed) or the end of the text. */
static void
find_footnotes(parser *p)
{
	/* endnotes: a "Notes" line followed by "1 …": all the rest */
	for (size_t i = 0; i + 1 < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_FURN | LF_MAST)) ||
		    !equal_any(LS(p, i), LN(p, i), lang_endnotes))
			continue;
		size_t j = i + 1;
		while (j < p->nl && (p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST)))
			j++;
		if (j >= p->nl || LN(p, j) < 3 || LS(p, j)[0] != '1' || LS(p, j)[1] != ' ')
			continue;
		p->L[i].flags |= LF_FNSEP | LF_FURN;
		for (; j < p->nl; j++)
			if (!(p->L[j].flags & (LF_FURN | LF_MAST)))
				p->L[j].flags |= LF_FOOT;
		break;
	}
	for (size_t i = 0; i < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_FURN | LF_MAST)) ||
		    !is_fn_separator(LS(p, i), LN(p, i)))
			continue;
		p->L[i].flags |= LF_FNSEP | LF_FURN;
		size_t j = i + 1;
		for (; j < p->nl; j++) {
			pline *l = &p->L[j];
			if (l->flags & (LF_FURN | LF_MAST | LF_FF))
				break;
			/* a numbered paragraph alone on its line is body text */
			size_t d = count_digits(LS(p, j), LN(p, j));
			if (d && d <= 3 && LN(p, j) == d + 1 && LS(p, j)[d] == '.')
				break;
			l->flags |= LF_FOOT;
		}
		i = j - 1;
	}
}

/* ---------- tables ---------- */

#define THEAD_MAX 8	/* lines of a header row, at most */

/* Can line i be one cell title of a header row: short, closing no
 * sentence, body text? */
static int
thead_line(const parser *p, size_t i)
{
	const pline *l = &p->L[i];
	if (l->flags & (LF_BLANK | LF_FURN | LF_MAST | LF_FOOT | LF_TOC) ||
	    l->cols > 50 || l->cols < 2)
		return 0;
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	ucs4_t c = last_uc(s, n);
	return !(c == '.' || c == ',' || c == ';' || c == ':') && !is_digit(s[0]);
}

/* The next non-blank line after i, or p->nl. */
static size_t
next_text(const parser *p, size_t i)
{
	for (i++; i < p->nl && (p->L[i].flags & LF_BLANK); i++)
		;
	return i;
}

static int
same_line(const parser *p, size_t a, size_t b)
{
	return LN(p, a) == LN(p, b) && memcmp(LS(p, a), LS(p, b), LN(p, a)) == 0;
}

/* How many lines from a and from b (blank lines skipped) read the same,
 * up to THEAD_MAX, each a possible cell title. */
static size_t
same_run(const parser *p, size_t a, size_t b)
{
	size_t k = 0;
	while (k < THEAD_MAX && a < p->nl && b < p->nl && a != b && thead_line(p, a) &&
	       thead_line(p, b) && same_line(p, a, b)) {
		k++;
		a = next_text(p, a);
		b = next_text(p, b);
	}
	return k;
}

#define THEAD_BACK 400	/* lines looked back for a header's first showing */

/* Do the hl lines from i (blank lines skipped) read hdr[0, hl)? */
static int
shows_head(const parser *p, size_t i, const size_t *hdr, size_t hl)
{
	size_t c = 0;
	for (size_t j = i; c < hl && j < p->nl && thead_line(p, j) && same_line(p, j, hdr[c]);
	     c++, j = next_text(p, j))
		;
	return c == hl;
}

static void
mark_head(parser *p, size_t i, size_t hl, int flag)
{
	for (size_t c = 0; c < hl && i < p->nl; c++, i = next_text(p, i))
		p->L[i].flags |= flag;
}

typedef struct pstart {
	uint64_t h;
	uint32_t line;
} pstart;

static int
cmp_pstart(const void *a, const void *b)
{
	const pstart *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* Tables: a header row of column titles ("Agenda item/symbol", "Title or
 * description", "Status of issuance") is printed again at the top of each
 * page the table runs on. Two or more short lines that open two pages
 * alike are such a header: every showing of it right after page
 * furniture is furniture too (LF_FURN); any other showing, the first
 * above all, opens a table (LF_THEAD). Found by hashing the first two
 * lines of every page: linear in the pages. */
static void
find_table_heads(parser *p)
{
	pstart *ps = NULL;
	size_t nps = 0, cap = 0;
	int after_furn = 0;
	for (size_t i = 0; i < p->nl; i++) {
		pline *l = &p->L[i];
		if (l->flags & LF_BLANK)
			continue;
		if (l->flags & (LF_FURN | LF_MAST | LF_FOOT)) {
			after_furn = (l->flags & (LF_FURN | LF_MAST)) != 0 || after_furn;
			continue;
		}
		if (after_furn && thead_line(p, i)) {
			size_t j = next_text(p, i);
			if (j < p->nl && thead_line(p, j)) {
				xgrow((void **)&ps, &cap, nps + 1, sizeof *ps);
				ps[nps].h = hash_fold(LS(p, i), LN(p, i), 1) * 31 +
					    hash_fold(LS(p, j), LN(p, j), 1);
				ps[nps].line = (uint32_t)i;
				nps++;
			}
		}
		after_furn = 0;
	}
	if (nps > 1)
		qsort(ps, nps, sizeof *ps, cmp_pstart);
	for (size_t g = 0; g < nps;) {
		size_t e = g + 1;
		while (e < nps && ps[e].h == ps[g].h)
			e++;
		/* the header: what the first two page tops have in common; a
		 * table on two pages shows it at one page top only, and
		 * above it on the page before */
		size_t first = ps[g].line, other = p->nl;
		if (e - g >= 2)
			other = ps[g + 1].line;
		for (size_t i = first, back = 0; e - g < 2 && i > 0 && back < 400; back++)
			if (same_line(p, --i, first) && same_run(p, i, first) >= 2) {
				other = i;
				break;
			}
		size_t hl = other < p->nl ? same_run(p, first, other) : 0;
		if (hl < 2) {
			g = e;
			continue;
		}
		/* its lines (marking them would hide them from same_run) */
		size_t hdr[THEAD_MAX];
		for (size_t c = 0, j = first; c < hl; c++, j = next_text(p, j))
			hdr[c] = j;
		/* each page top showing it: a repeat (furniture) when the
		 * table was shown shortly before (the page top before, or a
		 * showing found looking back at most THEAD_BACK lines); else
		 * it opens the table. Bounded look-backs: linear in pages. */
		for (size_t k = g; k < e; k++) {
			size_t top = ps[k].line;
			if (!shows_head(p, top, hdr, hl))
				continue;
			size_t stop = k > g ? ps[k - 1].line : 0;
			int repeat = k > g && top - ps[k - 1].line <= THEAD_BACK &&
				     (p->L[ps[k - 1].line].flags & (LF_FURN | LF_THEAD));
			for (size_t i = top, back = 0; !repeat && i > stop && back < THEAD_BACK;
			     back++) {
				i--;
				if (!(p->L[i].flags & (LF_BLANK | LF_FURN | LF_THEAD)) &&
				    shows_head(p, i, hdr, hl)) {
					mark_head(p, i, hl, LF_THEAD);
					repeat = 1;
				}
			}
			mark_head(p, top, hl, repeat ? LF_FURN : LF_THEAD);
		}
		g = e;
	}
	free(ps);
}

/* Page map: page 1 at line 1, then each break: a form feed, a furniture
 * cluster (its printed number when it shows one), a double-spaced page
 * boundary. */
static void
add_page(parser *p, int num, size_t line0)
{
	doc_meta *m = &p->d->meta;
	if (m->npages && m->pages[m->npages - 1].number >= num)
		return;
	if (m->npages && m->pages[m->npages - 1].line >= line0 + 1)
		return;
	doc_meta_add_page(m, num, line0 + 1);
}

/* "Indonesia:* draft resolution", "Russian Federation:* amendment to
 * draft resolution A/80/L.18": sponsors, a colon, then the kind. */
static int
is_sponsor_line(const char *s, size_t n)
{
	if (n > 4000)
		return 0;
	const char *colon = memrchr(s, ':', n);
	if (!colon)
		return 0;
	size_t c = (size_t)(colon - s) + 1;
	while (c < n && (s[c] == '*' || s[c] == ' '))
		c++;
	return lang_prefix_any(s + c, n - c, lang_draft, NULL) != 0;
}

/* ---------- markers ---------- */

enum mk { MK_NONE, MK_PARA, MK_ROMAN, MK_LETTER, MK_SUB };

static int
roman_value(const char *s, size_t n)
{
	int v = 0, prevv = 0;
	for (size_t i = n; i-- > 0;) {
		int x;
		switch (s[i] | 32) {
		case 'i': x = 1; break;
		case 'v': x = 5; break;
		case 'x': x = 10; break;
		case 'l': x = 50; break;
		case 'c': x = 100; break;
		default: return 0;
		}
		v += x < prevv ? -x : x;
		if (x > prevv)
			prevv = x;
	}
	return v;
}

typedef struct marker {
	enum mk kind;
	size_t len;		/* bytes of the marker with its punctuation */
	size_t body;		/* where the text after it starts */
	int alone;		/* nothing follows on the line */
	char num[16];		/* the printed number: "8", "IV", "(a)" */
	char cite[16];		/* without punctuation: "8", "IV", "a" */
	size_t pre;		/* bidi stand-ins before it (bytes) */
} marker;

/* The bytes of the visible stand-ins source.c puts for bidi controls
 * (text.c: ⇢ ⇠ ↥ ⇛ ⇚ ⇥ ⇤ ⇆ ⇞) at the start of s: "⇚2. Text" is still
 * paragraph 2, its arrow kept in the text. */
static size_t
bidi_prefix(const char *s, size_t n)
{
	static const unsigned char arrows[][2] = {
		{ 0x87, 0xa2 }, { 0x87, 0xa0 }, { 0x86, 0xa5 }, { 0x87, 0x9b },
		{ 0x87, 0x9a }, { 0x87, 0xa5 }, { 0x87, 0xa4 }, { 0x87, 0x86 },
		{ 0x87, 0x9e },
	};
	size_t k = 0;
	while (k + 3 <= n && (unsigned char)s[k] == 0xe2) {
		size_t a = 0;
		while (a < sizeof arrows / sizeof *arrows &&
		       ((unsigned char)s[k + 1] != arrows[a][0] ||
			(unsigned char)s[k + 2] != arrows[a][1]))
			a++;
		if (a == sizeof arrows / sizeof *arrows)
			break;
		k += 3;
	}
	return k;
}

static int get_marker_at(const char *s, size_t n, marker *mk);

/* The clause marker opening s ("1.", "(a)", "IV."), after any bidi
 * stand-ins (whose bytes len and body include, pre counts). */
static int
get_marker(const char *s, size_t n, marker *mk)
{
	size_t pre = n && (unsigned char)s[0] == 0xe2 ? bidi_prefix(s, n) : 0;
	int k = get_marker_at(s + pre, n - pre, mk);
	if (k && pre) {
		mk->len += pre;
		mk->body += pre;
		mk->pre = pre;
	}
	return k;
}

static int
get_marker_at(const char *s, size_t n, marker *mk)
{
	memset(mk, 0, sizeof *mk);
	size_t i = 0;
	if (n == 0)
		return 0;
	size_t d = count_digits(s, n);
	size_t it = lang_prefix(s, n, "Item");
	if (it && it + 2 < n && s[it] == ' ') {
		/* "Item 5." in a programme of work */
		size_t k = count_digits(s + it + 1, n - it - 1);
		if (k && k <= 3 && it + 1 + k < n && s[it + 1 + k] == '.' &&
		    (it + 2 + k == n || s[it + 2 + k] == ' ')) {
			mk->kind = MK_PARA;
			mk->len = it + 2 + k;
			snprintf(mk->num, sizeof mk->num, "Item %.*s", (int)k, s + it + 1);
			snprintf(mk->cite, sizeof mk->cite, "%.*s", (int)k, s + it + 1);
			goto body;
		}
	}
	if (d && d <= 3 && d < n && s[d] == '.' && (d + 1 == n || s[d + 1] == ' ') &&
	    s[0] != '0') {
		mk->kind = MK_PARA;
		mk->len = d + 1;
		snprintf(mk->num, sizeof mk->num, "%.*s", (int)d, s);
		snprintf(mk->cite, sizeof mk->cite, "%.*s", (int)d, s);
	} else if (s[0] == '(' || (n > 1 && s[0] >= 'a' && s[0] <= 'z')) {
		size_t o = s[0] == '(' ? 1 : 0;
		size_t k = o;
		while (k < n && k < o + 5 && ((s[k] >= 'a' && s[k] <= 'z') ||
					     (s[k] >= 'A' && s[k] <= 'Z') || is_digit(s[k])))
			k++;
		if (k == o || k >= n || s[k] != ')')
			return 0;
		if (k + 1 < n && s[k + 1] != ' ')
			return 0;
		size_t w = k - o;
		/* one letter, a roman numeral, or a number */
		int ok = w == 1 || roman_value(s + o, w) ||
			 count_digits(s + o, w) == w;
		if (w > 1 && (s[o] >= 'a' && s[o] <= 'z') && s[o] == s[o + 1])
			ok = 1;	/* (aa) */
		if (!ok)
			return 0;
		if (!o && !(w == 1 || roman_value(s, w)))
			return 0;
		mk->kind = MK_SUB;
		mk->len = k + 1;
		snprintf(mk->num, sizeof mk->num, "%.*s", (int)(k + 1), s);
		snprintf(mk->cite, sizeof mk->cite, "%.*s", (int)w, s + o);
	} else if (is_upper_ascii(s[0])) {
		size_t k = 0;
		while (k < n && k < 7 && strchr("IVXLC", s[k]))
			k++;
		if (k && k < n && s[k] == '.' && (k + 1 == n || s[k + 1] == ' ') &&
		    roman_value(s, k)) {
			mk->kind = MK_ROMAN;
		} else if (n >= 2 && s[1] == '.' && (n == 2 || s[2] == ' ')) {
			k = 1;
			mk->kind = MK_LETTER;
		} else {
			return 0;
		}
		mk->len = k + 1;
		snprintf(mk->num, sizeof mk->num, "%.*s", (int)k, s);
		snprintf(mk->cite, sizeof mk->cite, "%.*s", (int)k, s);
	} else {
		return 0;
	}
body:
	i = mk->len;
	while (i < n && s[i] == ' ')
		i++;
	mk->body = i;
	mk->alone = i >= n;
	return mk->kind;
}

/* ---------- pass 3: blocks ---------- */

typedef struct block {
	uint32_t *lines;	/* line indexes (fewer than 4 G: see pline) */
	size_t nlines, cap;
	enum brk brk;		/* the break before the block */
	int foot;		/* a footnote */
	int toc;		/* a table of contents */
	int thead;		/* a table's header row (LF_THEAD lines) */
} block;

static int
ends_sentence(const char *s, size_t n)
{
	ucs4_t uc = last_uc(s, n);
	return uc == '.' || uc == ';' || uc == ':' || uc == '!' || uc == '?' ||
	       uc == 0x201D || uc == '"' || uc == ')' || uc == 0xBB;
}

/* ends_sentence, but a closing quotation mark or parenthesis closes a
 * sentence only after a full stop or the like inside it ("… voting.”"),
 * not a title's quoted words ("… phrase “States present and voting”"). */
static int
closes_sentence(const char *s, size_t n)
{
	ucs4_t uc = last_uc(s, n);
	if (uc != 0x201D && uc != '"' && uc != ')' && uc != 0xBB)
		return ends_sentence(s, n);
	size_t k = n - 1;	/* the lead byte of the last character */
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k > 0 && ends_sentence(s, k);
}

/* Whether byte i of s is inside a token with a '/' before it, a symbol
 * ("A/C.2/80/1", "A/80/100/Add.1"): its digits are no footnote mark. */
static int
in_symbol(const char *s, size_t i)
{
	for (size_t k = i; k > 0 && s[k - 1] != ' ' && s[k - 1] != '\n'; k--)
		if (s[k - 1] == '/')
			return 1;
	return 0;
}

/* A sentence closed and a footnote mark after it: "… human beings.17"
 * (the digits after '.', ';', ':', ')' or a closing quote that follows
 * no digit: "section 4.17" is no such end). */
static int
ends_sentence_mark(const char *s, size_t n)
{
	size_t d = n;
	while (d > 0 && is_digit(s[d - 1]))
		d--;
	if (d == n || n - d > 3)
		return 0;
	if (d >= 3 && s[d - 1] == ' ' && s[d - 2] != ' ')
		d--;	/* "… human beings. 17": the mark set apart */
	if (d < 2 || !ends_sentence(s, d) || s[d - 1] == '"' || in_symbol(s, d))
		return 0;
	size_t k = d - 1;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k > 0 && !is_digit(s[k - 1]) && s[k - 1] != ' ';
}

/* The first bytes an annex or enclosure word of any language can match
 * (lang_prefix's comparison of one character): a line starting with any
 * other byte is no annex line. Bytes >= 0x80 are always allowed. */
static const unsigned char *
annex_first_bytes(void)
{
	static unsigned char ok[256];
	static int done;
	if (done)
		return ok;
	memset(ok + 0x80, 1, 0x80);
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++) {
		const char *const *lists[2] = { all[l]->annex, all[l]->enclosure };
		for (int k = 0; k < 2; k++)
			for (size_t w = 0; lists[k] && lists[k][w]; w++) {
				const char *wd = lists[k][w];
				ucs4_t b;
				u8_mbtouc(&b, (const uint8_t *)wd, strlen(wd));
				if (!*wd)
					continue;
				for (ucs4_t a = 1; a < 0x80; a++)
					if (a == b || uc_tolower(a) == uc_tolower(b) ||
					    ((a == '\'' || a == 0x2019) &&
					     (b == 0x2019 || b == '\'')))
						ok[a] = 1;
			}
	}
	done = 1;
	return ok;
}

static int
is_annex_line(parser *p, const char *s, size_t n)
{
	const lang_words *const *all = lang_all();
	(void)p;
	if (!n || !annex_first_bytes()[(unsigned char)s[0]])
		return 0;
	for (size_t l = 0; all[l]; l++) {
		size_t m = lang_prefix_any(s, n, all[l]->annex, NULL);
		if (!m)
			m = lang_prefix_any(s, n, all[l]->enclosure, NULL);
		if (!m)
			continue;
		while (m < n && s[m] == ' ')
			m++;
		if (m == n)
			return 2;	/* the word alone */
		/* "Annex I", "Annex 2", "Anexo de la carta …" */
		size_t k = m;
		while (k < n && (strchr("IVXLC", s[k]) || is_digit(s[k])))
			k++;
		if (k > m && k == n)
			return 2;
		if (k == m + 1 && is_upper_ascii(s[m]) && k == n)
			return 2;
		return 1;
	}
	return 0;
}

static int
is_plenary(parser *p, const char *s, size_t n)
{
	(void)p;
	if (!n || !is_digit(s[0]) || n > 60)
		return 0;
	/* "52nd plenary meeting", "55th (resumed) plenary meeting": the
	 * words end the line (in a sentence, "at its\n2nd plenary meeting."
	 * goes on or ends with a period) */
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++)
		for (size_t k = 0; all[l]->plenary[k]; k++) {
			size_t wl = strlen(all[l]->plenary[k]);
			size_t at = lang_find(s, n, all[l]->plenary[k]);
			if (at != (size_t)-1 && at + wl == n)
				return 1;
		}
	return 0;
}

static int
is_sig_line(const char *s, size_t n)
{
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++)
		if (lang_prefix_any(s, n, all[l]->signed_, NULL))
			return 1;
	return 0;
}

static int
is_original_note(const char *s, size_t n)
{
	if (n < 3 || s[0] != '[')
		return 0;
	return lang_prefix_any(s + 1, n - 1, lang_original, NULL) != 0;
}

static void
block_add(block *b, size_t line)
{
	xgrow((void **)&b->lines, &b->cap, b->nlines + 1, sizeof *b->lines);
	b->lines[b->nlines++] = (uint32_t)line;
}

static size_t keyword_section(const char *s, size_t n, int *level, node_unit *unit);

/* Is marker m the next item of a list running inline in the block
 * ("…conditions; (c) promoting …;\n(d) providing …")? Looks for the
 * previous marker inside the block's last four lines. */
static int
inline_list(parser *p, const block *cur, const marker *m)
{
	char prevm[24];
	const char *c = m->cite;
	size_t n = strlen(c);
	if (!n)
		return 0;
	int rv = roman_value(c, n);
	if (count_digits(c, n) == n) {
		int v = atoi(c);
		if (v <= 1)
			return 0;
		snprintf(prevm, sizeof prevm, "(%d) ", v - 1);
	} else if (n == 1 && c[0] != 'a' && c[0] != 'A' &&
		   !(rv && (c[0] == 'i' || c[0] == 'I'))) {
		snprintf(prevm, sizeof prevm, "(%c) ", c[0] - 1);
	} else if (rv > 1) {
		static const char *const r[] = { "", "i", "ii", "iii", "iv", "v", "vi",
						 "vii", "viii", "ix", "x", "xi", "xii",
						 "xiii", "xiv", "xv" };
		if (rv - 1 >= (int)(sizeof r / sizeof *r))
			return 0;
		snprintf(prevm, sizeof prevm, "(%s) ", r[rv - 1]);
		if (c[0] >= 'A' && c[0] <= 'Z')
			for (char *q = prevm; *q; q++)
				if (*q >= 'a' && *q <= 'z')
					*q -= 32;
	} else {
		return 0;
	}
	size_t pl = strlen(prevm);
	size_t first = cur->nlines > 4 ? cur->nlines - 4 : 0;
	for (size_t k = first; k < cur->nlines; k++) {
		const char *s = LS(p, cur->lines[k]);
		size_t ln = LN(p, cur->lines[k]);
		/* not at the start of the block: that is a real item */
		size_t from = k == 0 ? 1 : 0;
		for (size_t i = from; i + pl <= ln; i++)
			if (memcmp(s + i, prevm, pl) == 0)
				return 1;
	}
	return 0;
}

/* "Item 21: Groups of countries in special situations:": an agenda
 * item named in a programme of work, at a line's start, opens a block
 * (its sub-items follow it). */
static int
agenda_item_line(const char *s, size_t n)
{
	if (n < 7 || (s[0] | 32) != 'i')
		return 0;
	size_t it = lang_prefix(s, n, "Item");
	if (!it || it + 3 > n || s[it] != ' ')
		return 0;
	size_t k = count_digits(s + it + 1, n - it - 1);
	return k && k <= 3 && it + 1 + k < n && s[it + 1 + k] == ':';
}

/* Is marker m the item after the one opening the block ("(b)" in a
 * block that starts with "(a)")? A list's items start at a line's start
 * even when the item before does not end in punctuation (a programme of
 * work: "(a)\nFollow-up to the Fifth United Nations Conference …\n(b) …"). */
static int
next_item(parser *p, const block *cur, const marker *m)
{
	marker fm;
	if (get_marker(LS(p, cur->lines[0]), LN(p, cur->lines[0]), &fm) != MK_SUB)
		return 0;
	const char *a = fm.cite, *c = m->cite;
	size_t an = strlen(a), cn = strlen(c);
	if (!an || !cn || (fm.num[0] == '(') != (m->num[0] == '('))
		return 0;
	if (count_digits(a, an) == an && count_digits(c, cn) == cn)
		return atoi(c) == atoi(a) + 1;
	int ra = roman_value(a, an), rc = roman_value(c, cn);
	if (an == 1 && cn == 1 && c[0] == a[0] + 1)
		return 1;	/* (a) (b), (h) (i) */
	return ra && rc && rc == ra + 1 && ((a[0] >= 'a') == (c[0] >= 'a'));
}

/* Does the list that marker m opens at line j run on inside the text
 * ("… on:\n(i) modalities …; (ii) dedicated …")? Looks for the next
 * marker after the start of line j and in the three lines after it. */
static int
run_in_list(parser *p, size_t j, const marker *m)
{
	char nextm[24];
	const char *c = m->cite;
	size_t n = strlen(c);
	int rv = roman_value(c, n);
	if (n == 1 && (c[0] == 'i' || c[0] == 'I'))
		snprintf(nextm, sizeof nextm, "(%s) ", c[0] == 'i' ? "ii" : "II");
	else if (n == 1 && ((c[0] >= 'a' && c[0] < 'z') || (c[0] >= 'A' && c[0] < 'Z')))
		snprintf(nextm, sizeof nextm, "(%c) ", c[0] + 1);
	else if (count_digits(c, n) == n)
		snprintf(nextm, sizeof nextm, "(%d) ", atoi(c) + 1);
	else if (rv)
		return 0;
	else
		return 0;
	size_t pl = strlen(nextm);
	for (size_t k = j, seen = 0; k < p->nl && seen < 4; k++) {
		if (p->L[k].flags & LF_BLANK)
			break;
		seen++;
		const char *s = LS(p, k);
		size_t ln = LN(p, k);
		for (size_t i = 1; i + pl <= ln; i++)
			if (memcmp(s + i, nextm, pl) == 0)
				return 1;
	}
	return 0;
}

/* Does the line end with a word that cannot end a heading ("and")? */
static int
ends_with_connector(const char *s, size_t n)
{
	size_t k = n;
	while (k > 0 && s[k - 1] != ' ')
		k--;
	return equal_any(s + k, n - k, lang_connectors);
}

/* Does s start with a word that opens a preambular paragraph: a capital
 * participle ("Recalling", "Recordando", "Rappelant") or a word from
 * lang_preamble ("Mindful", "Conscious")? */
static int
preamble_word(const char *s, size_t n)
{
	if (!starts_upper(s, n))
		return 0;
	if (lang_prefix_any(s, n, lang_preamble, NULL))
		return 1;
	size_t w = word_len(s, n, 0);
	static const char *const endings[] = { "ing", "ando", "iendo", "ant", NULL };
	for (size_t k = 0; endings[k]; k++) {
		size_t el = strlen(endings[k]);
		if (w > el + 2 && memcmp(s + w - el, endings[k], el) == 0)
			return 1;
	}
	return 0;
}

/* A title set over its text with no blank line between them, as in a
 * box: "Model strategy No. 7" + "Constructive contacts between prisoners
 * and their families and". Line i is short (under 45% of the measure, at
 * most six words), opens with a capital and ends in a letter or figure
 * (no sentence, no comma or colon that would go on); line j opens with a
 * capital and is a line of text (65% of the measure and 56 columns at
 * least: a table's narrow cells are not), so a title wrapped on two short
 * lines stays whole. */
static int
box_title(const parser *p, size_t i, size_t j)
{
	const char *ps = LS(p, i), *s = LS(p, j);
	size_t pn = LN(p, i), n = LN(p, j);
	if (p->L[i].cols * 100 > p->width * 45 || p->L[j].cols * 100 < p->width * 65 ||
	    p->L[j].cols < 56 ||
	    !starts_upper(ps, pn) || !starts_upper(s, n))
		return 0;
	ucs4_t last = last_uc(ps, pn);
	if (!uc_is_alpha(last) && !(last >= '0' && last <= '9'))
		return 0;
	size_t words = 1;
	for (size_t k = 0; k < pn; k++)
		words += ps[k] == ' ';
	return words <= 6;
}

/* Does line j (text after line i, with break brk) start a new block? */
static int
starts_block(parser *p, size_t i, size_t j, enum brk brk, const block *cur)
{
	const char *ps = LS(p, i), *s = LS(p, j);
	size_t pn = LN(p, i), n = LN(p, j);
	marker pm, m;
	int pmk = get_marker(ps, pn, &pm);

	/* a marker alone on its line takes the next line */
	if (pmk && pm.alone && cur->nlines == 1)
		return 0;
	if (brk == BRK_HARD)
		return 1;
	if (is_annex_line(p, ps, pn) == 2 && cur->nlines == 1)
		return 1;
	if (is_sig_line(s, n) || is_original_note(s, n) || is_plenary(p, s, n))
		return 1;
	if (pn >= 2 && ps[pn - 1] == '*' && ps[pn - 2] != '*' && ps[pn - 2] != ' ' &&
	    starts_upper(s, n) && p->L[j].cols < p->width / 2 && !ends_sentence(s, n))
		return 1;	/* "…RESOLUTION 5/1*" + "Italy": a title's mark ends it */
	if (is_plenary(p, LS(p, cur->lines[0]), LN(p, cur->lines[0])) &&
	    cur->nlines >= 2)
		return 1;
	if (pn && ps[pn - 1] == ']' && LS(p, cur->lines[0])[0] == '[')
		return 1;
	if (brk == BRK_NONE && cur->nlines == 1 && !pmk && box_title(p, i, j))
		return 1;	/* "Model strategy No. 7" over its text */
	if (p->L[j].indent > 0 && p->L[i].indent == 0 && !p->dbl)
		return 1;
	if (p->dbl && p->L[j].indent > 0)
		return 1;
	if (is_annex_line(p, s, n) == 2)
		return 1;
	int short_prev = p->L[i].cols < p->width * 8 / 10;
	int mk = get_marker(s, n, &m);
	if (mk) {
		if (m.alone && mk != MK_SUB)
			return 1;
		ucs4_t last = last_uc(ps, pn);
		int closed = ends_sentence(ps, pn) || last == ',' || ends_sentence_mark(ps, pn);
		if (mk == MK_SUB) {
			if (brk == BRK_NONE && (inline_list(p, cur, &m) ||
						run_in_list(p, j, &m)))
				return 0;
			if (closed || brk != BRK_NONE || (pmk && pm.alone))
				return 1;
			if (next_item(p, cur, &m))
				return 1;	/* "(a)\nFollow-up to …\n(b) Follow-up …" */
			size_t k = pn;
			while (k > 0 && ps[k - 1] != ' ')
				k--;
			static const char *const conj[] = { "and", "or", "y", "o", "et", "ou",
							    "и", "или", NULL };
			if (equal_any(ps + k, pn - k, conj))
				return 1;
			return 0;
		}
		if (closed || short_prev || brk != BRK_NONE)
			return 1;
	}
	if (brk == BRK_NONE && p->blankless && last_uc(ps, pn) == ',' &&
	    preamble_word(s, n))
		return 1;	/* "…,\nRecalling also …" */
	if (brk == BRK_NONE && p->blankless && starts_upper(s, n) &&
	    p->L[i].cols < p->width * 3 / 4) {
		/* the short last line of a paragraph or a heading */
		ucs4_t last = last_uc(ps, pn);
		if (ends_sentence(ps, pn) && last != 0x201D)
			return 1;
		if (last == ',' || (starts_upper(ps, pn) && !pmk && !ends_sentence(ps, pn) &&
				    !ends_with_connector(ps, pn)))
			return 1;
	}
	int kl;
	if (keyword_section(s, n, &kl, NULL))
		return 1;
	if (agenda_item_line(s, n))
		return 1;	/* "…on:\nItem 21: Groups of countries …:" */
	if (brk == BRK_PAGE) {
		if (starts_lower(s, n))
			return 0;
		ucs4_t last = last_uc(ps, pn);
		if (short_prev && (ends_sentence(ps, pn) || last == ','))
			return 1;
		if (!ends_sentence(ps, pn) && last != ',' && short_prev &&
		    starts_upper(s, n) && pn < 100 && !pmk && !ends_with_connector(ps, pn))
			return 1;	/* a heading line at the end of a page */
		if ((ends_sentence(ps, pn) || ends_sentence_mark(ps, pn)) && starts_upper(s, n) &&
		    p->L[j].cols < p->width * 6 / 10 && !ends_sentence(s, n) &&
		    !ends_with_connector(s, n))
			return 1;	/* a sentence closed at the page end, and a
					   heading or a table's first row on the
					   next page: a text going on would fill
					   its line or end there */
		return 0;
	}
	return 0;
}

/* ---------- text assembly ---------- */

/* The words that append_line will ask about, counted in one pass over the
 * text without building the set of every word (two million entries in a
 * 10 MB document): for each line of a block that ends in "X-" and the line
 * after it that starts with "Y" in lower case, the keys "XY" and "X-Y".
 * append_line finds X again in its buffer, where it may reach back into an
 * earlier line; a key foreseen here wrongly is harmless (its count is
 * exact) and a key not foreseen makes word_count collect every word. */
static void
hyphen_words(parser *p, const block *blocks, size_t nb)
{
	buf keys;		/* key bytes, one after the other */
	buf_init(&keys);
	size_t *len = NULL, nk = 0, kcap = 0;
	for (size_t k = 0; k < nb; k++) {
		const block *b = &blocks[k];
		for (size_t i = 1; !b->toc && i < b->nlines; i++) {
			const char *a = LS(p, b->lines[i - 1]);
			size_t an = LN(p, b->lines[i - 1]);
			if (an < 2 || a[an - 1] != '-' || is_sp(a[an - 2]))
				continue;
			size_t ws = an - 1;
			while (ws > 0 && (((unsigned char)a[ws - 1] & 0x80) ||
					  ((a[ws - 1] | 32) >= 'a' && (a[ws - 1] | 32) <= 'z')))
				ws--;
			const char *y = LS(p, b->lines[i]);
			size_t yn = LN(p, b->lines[i]);
			size_t xl = an - 1 - ws, yl = word_len(y, yn, 0);
			if (!xl || !yl || xl + yl >= 64 ||
			    !uc_is_alpha(first_uc(y, yn)) || !uc_is_lower(first_uc(y, yn)))
				continue;	/* no question, or word_count's 0 */
			xgrow((void **)&len, &kcap, nk + 2, sizeof *len);
			buf_add(&keys, a + ws, xl);
			buf_add(&keys, y, yl);
			len[nk++] = xl + yl;
			if (xl + 1 + yl < 64) {
				buf_add(&keys, a + ws, xl + 1);
				buf_add(&keys, y, yl);
				len[nk++] = xl + 1 + yl;
			}
		}
	}
	p->words_cand = 1;
	p->cand_keys = buf_take(&keys);
	size_t off = 0;
	for (size_t k = 0; k < nk; k++) {
		wset_op(&p->words, p->cand_keys + off, len[k], 1);
		unsigned char c = (unsigned char)p->cand_keys[off];
		if (wb_class[c] == WB_ASCII)
			c |= 32;
		p->cand_first[len[k]][c >> 3] |= (unsigned char)(1u << (c & 7));
		off += len[k];
	}
	free(len);
	for (size_t i = 0; i < p->words.cap; i++)
		p->words.e[i].c = 0;
	if (nk)
		scan_words(p, 1);
}

/* Whether s[0, n) has spaces only singly between other characters: no
 * tab, form feed or CR, no space first or last, none doubled, and not
 * empty (the caller then trims what came before). Eight bytes at a time:
 * a byte below ' ' anywhere, or two spaces in a row, says no. */
static int
single_spaced(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, hi = ones << 7, low7 = ~hi;
	if (!n || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	uint64_t prev = 0;	/* the byte before was a space */
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		if ((v - ones * 0x20) & ~v & hi)
			return 0;	/* some byte below 0x20 */
		/* the high bit of each byte that is a space, exactly */
		uint64_t x = v ^ (ones * 0x20);
		uint64_t sp = ~(((x & low7) + low7) | x | low7);
		if ((sp & (sp >> 8)) || (prev && (sp & 0x80)))
			return 0;
		prev = sp >> 63;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || (c == ' ' && prev))
			return 0;
		prev = c == ' ';
	}
	return 1;
}

/* Appends line content s[0, n) to b as reflowed text: one space between
 * lines, spaces collapsed, line-end hyphens repaired (see the top). */
static void
append_line(parser *p, buf *b, const char *s, size_t n, int hard)
{
	if (b->len) {
		if (hard) {
			while (b->len && b->s[b->len - 1] == ' ')
				b->len--;
			buf_addc(b, '\n');
		} else if (b->s[b->len - 1] == '-' && b->len >= 2 && n &&
			   !is_sp(b->s[b->len - 2])) {
			/* "X-" + "Y…": keep the hyphen unless the document
			 * spells "XY" and never "X-Y" */
			size_t ws = b->len - 1;
			while (ws > 0 && (((unsigned char)b->s[ws - 1] & 0x80) ||
					  ((b->s[ws - 1] | 32) >= 'a' && (b->s[ws - 1] | 32) <= 'z')))
				ws--;
			size_t xl = b->len - 1 - ws;
			size_t yl = word_len(s, n, 0);
			if (xl && yl && xl + yl < 120 && uc_is_alpha(first_uc(s, n)) &&
			    uc_is_lower(first_uc(s, n))) {
				char tmp[256];
				memcpy(tmp, b->s + ws, xl);
				memcpy(tmp + xl, s, yl);
				int joined = word_count(p, tmp, xl + yl) != 0;
				memcpy(tmp, b->s + ws, xl + 1);
				memcpy(tmp + xl + 1, s, yl);
				int hyph = word_count(p, tmp, xl + 1 + yl) != 0;
				if (joined && !hyph)
					b->len--;
			}
			b->s[b->len] = '\0';
		} else if (b->s[b->len - 1] != ' ') {
			buf_addc(b, ' ');
		}
	}
	/* runs of spaces become one, in one pass over room made once; a
	 * line with single spaces only (nearly all) is copied whole */
	xgrow((void **)&b->s, &b->cap, b->len + n + 2, 1);
	if (single_spaced(s, n)) {
		memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len] = '\0';
		return;
	}
	char *o = b->s + b->len;
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (is_sp(c)) {
			sp = 1;
			continue;
		}
		if (sp)
			*o++ = ' ';
		sp = 0;
		*o++ = c;
	}
	b->len = (size_t)(o - b->s);
	while (b->len && b->s[b->len - 1] == ' ')
		b->len--;
	b->s[b->len] = '\0';
}

/* Words split by a stray space in the PDF ("el Est ado y"): "X Y" becomes
 * "XY" when Y starts in lower case, neither X nor Y occurs anywhere else
 * in the document as a word of its own, and "XY" occurs at least twice.
 * The document is its own dictionary: a real pair of words is not joined,
 * because real words recur or are not halves of a word the text uses
 * ("Access Now" stays, though the text also writes "AccessNow"). */
static void
repair_splits(parser *p, buf *b)
{
	size_t i = 0, prev_s = 0, prev_n = 0, out = 0;
	int have_prev = 0;
	char *t = b->s;
	size_t n = b->len;
	while (i < n) {
		size_t w = word_len(t + i, n - i, 0);
		if (!w) {
			ucs4_t uc;
			size_t k = (size_t)u8_mbtouc(&uc, (const uint8_t *)t + i, n - i);
			/* only a single space may separate the halves */
			have_prev = have_prev && uc == ' ' && out > 0 &&
				    prev_s + prev_n == out;
			memmove(t + out, t + i, k);
			out += k;
			i += k;
			continue;
		}
		/* a word is a whole token only when no hyphen joins it */
		int tok = (i + w >= n || t[i + w] != '-') && (i == 0 || t[i - 1] != '-');
		if (have_prev && tok && w >= 2 && prev_n >= 2 && prev_n + w < 64 &&
		    starts_lower(t + i, w) &&
		    word_count(p, t + prev_s, prev_n) == 1 &&
		    word_count(p, t + i, w) == 1) {
			char tmp[64];
			memcpy(tmp, t + prev_s, prev_n);
			memcpy(tmp + prev_n, t + i, w);
			if (word_count(p, tmp, prev_n + w) >= 2) {
				out--;	/* drop the space */
				memmove(t + out, t + i, w);
				prev_n += w;
				out += w;
				i += w;
				have_prev = 0;
				continue;
			}
		}
		memmove(t + out, t + i, w);
		prev_s = out;
		prev_n = w;
		have_prev = tok;
		out += w;
		i += w;
	}
	b->len = out;
	t[out] = '\0';
}

/* ---------- tree ---------- */

static tnode *
tn_new(node_kind kind)
{
	tnode *t = xcalloc(1, sizeof *t);
	t->kind = kind;
	return t;
}

static void
tn_add(tnode *parent, tnode *kid)
{
	xgrow((void **)&parent->kids, &parent->cap, parent->nkids + 1, sizeof *parent->kids);
	parent->kids[parent->nkids++] = kid;
	kid->parent = parent;
}

static void
tn_add_fn(tnode *parent, tnode *fn)
{
	xgrow((void **)&parent->fns, &parent->fncap, parent->nfns + 1, sizeof *parent->fns);
	parent->fns[parent->nfns++] = fn;
	fn->parent = parent;
}

static void
tn_free(parser *p, tnode *t)
{
	for (size_t i = 0; i < t->nkids; i++)
		tn_free(p, t->kids[i]);
	for (size_t i = 0; i < t->nfns; i++)
		tn_free(p, t->fns[i]);
	free(t->kids);
	free(t->fns);
	free(t->number);
	free(t->cite);
	txt_free(p, t->text);
	free(t);
}

/* Is the block heading-like: short, no sentence end, not lower-case? */
static int
headingish(parser *p, const block *b, const char *text, size_t len)
{
	(void)p;
	if (b->nlines > 6 || len > 400 || !len)
		return 0;
	if (b->nlines > 4 && memmem(text, len, ". ", 2))
		return 0;	/* a long heading has no sentence inside */
	if (starts_lower(text, len))
		return 0;
	/* a footnote mark after the punctuation: "resolution 79/45,1" */
	size_t e = len;
	while (e > 0 && is_digit(text[e - 1]))
		e--;
	size_t d0 = e;
	while (e < len && e > 0 && text[e - 1] == ' ')
		e--;
	if (e < d0 && e > 1 && text[e - 1] == '.') {
		/* "Model strategy No. 7", "Vol. 2": a number after an
		 * abbreviation is the title's, not a mark set apart */
		size_t w = e - 1;
		while (w > 0 && ((text[w - 1] | 32) >= 'a' && (text[w - 1] | 32) <= 'z'))
			w--;
		if ((w == 0 || text[w - 1] == ' ') && e - 1 - w >= 1 && e - 1 - w <= 3)
			e = len;
	}
	if (e < len && e > 0 && strchr(".,;:", text[e - 1]))
		len = e;
	ucs4_t last = last_uc(text, len);
	if (last == ',') {
		/* "The General Assembly," opens a preamble */
		static const char *const art[] = { "The ", "La ", "El ", "Le ", "L’",
						   "L'", NULL };
		size_t k = 0, w;
		for (w = 0; art[w]; w++)
			if ((k = lang_prefix(text, len, art[w])))
				break;
		return equal_any(text + k, len - 1 - k, lang_organs) ||
		       equal_any(text, len - 1, lang_openers);
	}
	if (last == '.' || last == ';' || last == ':')
		return 0;
	return 1;
}

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

static tnode *
current_parent(builder *bd)
{
	for (int l = 5; l >= 1; l--)
		if (bd->sect[l])
			return bd->sect[l];
	return bd->cont;
}

static void
set_top(builder *bd, tnode *t)
{
	bd->top = bd->cont = t;
	memset(bd->sect, 0, sizeof bd->sect);
	bd->para = NULL;
	memset(bd->sub, 0, sizeof bd->sub);
	bd->seen_para_in_top = 0;
	bd->table = NULL;
}

/* Sub-item style: 1 = (a), 2 = (i), 3 = (A), 4 = (I), 5 = (1). */
static int
sub_style(const marker *m, const tnode *prev_sib)
{
	const char *c = m->cite;
	size_t n = strlen(c);
	if (is_digit(c[0]))
		return 5;
	int lower = c[0] >= 'a' && c[0] <= 'z';
	int roman = roman_value(c, n) != 0;
	if (roman && n == 1 && prev_sib && prev_sib->style == (lower ? 1 : 3) &&
	    prev_sib->cite && prev_sib->cite[0] + 1 == c[0])
		roman = 0;	/* (h) then (i) */
	if (roman && n == 1 && !prev_sib && c[0] != 'i' && c[0] != 'I')
		roman = 0;	/* (v) or (x) opening a list is a letter */
	if (lower)
		return roman ? 2 : 1;
	return roman ? 4 : 3;
}

/* "Article 1", "Chapter II", "Part One": a section word and its number
 * (from lang_sections: levels 1 Part, 2 Chapter, 3 Section, 4 Article).
 * Returns the bytes of word and number with the spaces after them, or 0. */
static size_t
keyword_section(const char *s, size_t n, int *level, node_unit *unit)
{
	if (n > 200 || !lang_sections_may_start(s, n))
		return 0;
	for (size_t k = 0; lang_sections[k].word; k++) {
		size_t m = lang_prefix(s, n, lang_sections[k].word);
		if (!m || m >= n || s[m] != ' ')
			continue;
		size_t i = m + 1, j = i;
		while (j < n && (is_digit(s[j]) || strchr("IVXLC", s[j])))
			j++;
		if (j == i || (j < n && s[j] != ' ' && s[j] != '.'))
			continue;
		if (j < n && s[j] == '.')
			j++;
		*level = lang_sections[k].level;
		if (unit)
			*unit = lang_sections[k].unit;
		while (j < n && s[j] == ' ')
			j++;
		/* "Article 1" alone, or a short title after it (which may
		 * end in a quotation: "Meaning of the phrase “States
		 * present and voting”") */
		if (j < n && (n - j > 120 || closes_sentence(s, n) || !starts_upper(s + j, n - j)))
			continue;
		return j;
	}
	return 0;
}

/* A place and date line: short, a date at its end ("Moscow, 26 May 2020",
 * "Bruselas, 3 de marzo de 2021", "Москва, 26 мая 2020 года"). */
static int
is_place_date(const char *s, size_t n)
{
	if (n > 80 || n < 8 || !memchr(s, ',', n) || !has_date(s, n))
		return 0;
	size_t e = n;
	if (e > 0 && s[e - 1] == '.')
		e--;
	static const char *const tail[] = { " года", " г", NULL };
	for (size_t k = 0; tail[k]; k++) {
		size_t tl = strlen(tail[k]);
		if (e > tl && memcmp(s + e - tl, tail[k], tl) == 0) {
			e -= tl;
			break;
		}
	}
	return e >= 4 && count_digits(s + e - 4, 4) == 4 && (e == 4 || !is_digit(s[e - 5]));
}

/* "80/16. " at the start of a resolution title: bytes up to the '.'+1. */
static size_t
restitle_len(const char *s, size_t n)
{
	size_t d = count_digits(s, n);
	if (!d || d > 3 || d >= n || s[d] != '/')
		return 0;
	size_t e = d + 1 + count_digits(s + d + 1, n - d - 1);
	if (e == d + 1 || e + 1 >= n || s[e] != '.' || s[e + 1] != ' ')
		return 0;
	return e + 1;
}

/* ---------- footnote marks ---------- */

#define MARK_MAX 999

/* The numbers of the document's footnotes: has[n] for n <= MARK_MAX. */
static void
footnote_numbers(const tnode *t, unsigned char *has)
{
	for (size_t i = 0; i < t->nfns; i++) {
		const char *n = t->fns[i]->number;
		if (t->fns[i]->kind == NODE_FOOTNOTE && n && is_digit(n[0])) {
			int v = atoi(n);
			if (v > 0 && v <= MARK_MAX)
				has[v] = 1;
		}
	}
	for (size_t i = 0; i < t->nkids; i++)
		footnote_numbers(t->kids[i], has);
}

static const char *const superscript[10] = {
	"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
	"\u2075", "\u2076", "\u2077", "\u2078", "\u2079",
};

/* Whether the digits at s[i, j) are a footnote mark glued to what comes
 * before ("Nations4 to", "Strategy10 and", "(A/78/404)1."): after a lower
 * case letter, or after closing punctuation that follows no digit; before
 * a space, punctuation or the end; a number the document has a footnote
 * for. "G20", "CO2", "SDG16", "1.5", "1,000" and "74/306" are none. */
static int
is_mark(const char *s, size_t n, size_t i, size_t j, const unsigned char *has)
{
	if (i == 0 || j - i > 3 || (j < n && (is_digit(s[j]) || s[j] == '/' ||
					      uc_is_alpha(first_uc(s + j, n - j)))))
		return 0;
	if (in_symbol(s, i))
		return 0;
	int v = atoi(s + i);
	if (v <= 0 || v > MARK_MAX || !has[v] || s[i] == '0')
		return 0;
	size_t k = i - 1;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	ucs4_t c;
	u8_mbtouc(&c, (const uint8_t *)s + k, i - k);
	if (uc_is_lower(c))
		return 1;
	if (!(c == ')' || c == 0x201D || c == 0x2019 || c == '.' || c == ',' || c == ';' ||
	      c == ':' || c == '"'))
		return 0;
	if (k == 0 || is_digit(s[k - 1]) || s[k - 1] == ' ')
		return 0;
	/* "A.2": a one-letter section number, no mark */
	return !(c == '.' && (k < 2 || s[k - 2] == ' ' || s[k - 2] == '(') &&
		 is_upper_ascii(s[k - 1]));
}

/* Footnote marks in the texts under t (not in the notes themselves) as
 * superscript digits, so that "Nations4" reads "Nations⁴" in every view
 * and a search for "Nations" or a reference "74/306" is not glued to the
 * mark. */
static void
mark_footnotes(parser *p, tnode *t, const unsigned char *has)
{
	if (t->text && t->len && t->kind != NODE_FOOTNOTE && t->kind != NODE_NOTE) {
		buf b;
		buf_init(&b);
		size_t from = 0;
		for (size_t i = 0; i < t->len;) {
			if (!is_digit(t->text[i])) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < t->len && is_digit(t->text[j]))
				j++;
			if (is_mark(t->text, t->len, i, j, has)) {
				buf_add(&b, t->text + from, i - from);
				for (size_t k = i; k < j; k++)
					buf_adds(&b, superscript[t->text[k] - '0']);
				from = j;
			}
			i = j;
		}
		if (from) {
			buf_add(&b, t->text + from, t->len - from);
			char *txt = txt_new(p, b.len + 1, 0);
			memcpy(txt, b.s, b.len + 1);
			txt_free(p, t->text);
			t->text = txt;
			t->len = b.len;
		}
		buf_free(&b);
	}
	for (size_t i = 0; i < t->nkids; i++)
		mark_footnotes(p, t->kids[i], has);
}

/* The block's lines joined with hard breaks ("(Signed) Name\nTitle",
 * "18th plenary meeting\n14 October 2025"), replacing text (freed). */
static char *
keep_line_breaks(parser *p, const block *b, char *text, size_t *len)
{
	buf sb;
	buf_init(&sb);
	for (size_t i = 0; i < b->nlines; i++)
		append_line(p, &sb, LS(p, b->lines[i]), LN(p, b->lines[i]), 1);
	txt_free(p, text);
	*len = sb.len;
	return buf_take(&sb);
}

static void build_footnote(builder *bd, const block *b, char *text, size_t len);

/* A header row: the table it opens, the column titles joined by " | ". */
static void
build_table(builder *bd, const block *b, char *text)
{
	parser *p = bd->p;
	buf hb;
	buf_init(&hb);
	for (size_t i = 0; i < b->nlines; i++) {
		if (i)
			buf_adds(&hb, " | ");
		buf_add(&hb, LS(p, b->lines[i]), LN(p, b->lines[i]));
	}
	txt_free(p, text);
	tnode *t = tn_new(NODE_TABLE);
	t->len = hb.len;
	t->text = buf_take(&hb);
	t->l0 = b->lines[0];
	t->l1 = b->lines[b->nlines - 1];
	t->level = (int)b->nlines;	/* the columns, one title a line */
	tn_add(current_parent(bd), t);
	bd->table = t;
	bd->para = NULL;
}

/* The look of a table cell's line: whether it holds a figure, and what
 * its first character is (capital, small letter, digit, other). */
static int
cell_sig(const parser *p, size_t i)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	int sig = count_digits(s, n) > 0;
	for (size_t k = 0; k < n && !sig; k++)
		sig = is_digit(s[k]);
	if (!n)
		return sig;
	return sig | (is_digit(s[0]) ? 2 : starts_upper(s, n) ? 4 : starts_lower(s, n) ? 6 : 8);
}

/* A short cell: a word or two, no figure, no sentence ("Issued"). */
static int
short_cell(const parser *p, size_t i)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i), sp = 0;
	if (!n || p->L[i].cols > 24)
		return 0;
	for (size_t k = 0; k < n; k++) {
		if (is_digit(s[k]) || strchr(".;:/()", s[k]))
			return 0;
		sp += s[k] == ' ';
	}
	return sp <= 1;
}

/* Rows printed one cell a line, with an empty cell written as a blank
 * line, put the last cell of a row ("Issued") at the head of the next
 * block: "Issued\nA/C.5/80/___\nNominations" after "A/80/101\nNote by
 * …". The block's first line goes back to the row before when it is a
 * short cell, its second line looks like that row's first one (a symbol
 * after a symbol: cell_sig) and the first does not, or when it is such a
 * cell met before ("Issued" + "Cost recovery"; "Issued" alone). Appends
 * it to prev and
 * returns the bytes of text it took (with the space after it), or 0. */
static size_t
row_end_cell(builder *bd, const block *b, tnode *prev, const char *text, size_t len)
{
	parser *p = bd->p;
	size_t l0 = b->lines[0];
	const char *s = LS(p, l0);
	size_t n = LN(p, l0);
	if (!short_cell(p, l0) || n > len || memcmp(text, s, n) != 0 ||
	    (n < len && text[n] != ' '))
		return 0;
	int take = 0;
	for (size_t k = 0; k < 4 && !take; k++)
		take = bd->endcell[k] && bd->endcell_n[k] == n &&
		       memcmp(bd->endcell[k], s, n) == 0;
	if (!take && b->nlines >= 2) {
		int sp = cell_sig(p, prev->l0);
		take = cell_sig(p, b->lines[1]) == sp && cell_sig(p, l0) != sp &&
		       prev->l0 != prev->l1;
		if (take) {
			memmove(bd->endcell + 1, bd->endcell, 3 * sizeof *bd->endcell);
			memmove(bd->endcell_n + 1, bd->endcell_n, 3 * sizeof *bd->endcell_n);
			bd->endcell[0] = s;
			bd->endcell_n[0] = n;
		}
	}
	if (!take)
		return 0;
	tn_append(p, prev, ' ', s, n, l0);
	return n < len ? n + 1 : len;
}

/* A block after a table's header: a row of it, a note under it ("a In
 * accordance with …": a letter mark, a space, a capital), or the end of
 * the table (a numbered paragraph, a section, an annex, a signature, or
 * prose: lines filling the measure). Returns 1 when the block was taken
 * as part of the table. */
static int
table_row(builder *bd, const block *b, char *text, size_t len, int mk, const marker *m)
{
	parser *p = bd->p;
	const char *s0 = LS(p, b->lines[0]);
	size_t n0 = LN(p, b->lines[0]);
	int kl;
	size_t full = 0;
	for (size_t i = 0; i < b->nlines; i++)
		full += p->L[b->lines[i]].cols >= p->width * 85 / 100;
	if ((mk == MK_PARA && (len - m->body > 100 || ends_sentence(text, len))) ||
	    mk == MK_ROMAN ||
	    (mk == MK_LETTER && headingish(p, b, text + m->body, len - m->body)) ||
	    keyword_section(text, len, &kl, NULL) || is_annex_line(p, s0, n0) ||
	    is_sig_line(s0, n0) ||
	    (b->nlines >= 3 && full * 3 >= b->nlines * 2 && last_uc(text, len) == '.')) {
		if (!(len > 2 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ' ' &&
		      starts_upper(text + 2, len - 2))) {
			/* the last row may be the heading of what ends the
			 * table: one line of words, no number, no date */
			tnode *tb = bd->table, *last = tb->nkids ? tb->kids[tb->nkids - 1] : NULL;
			bd->table = NULL;
			if (last && tb->nkids >= 2 && last->kind == NODE_ROW && last->l0 == last->l1 &&
			    !memchr(last->text, '[', last->len) && count_digits(last->text, last->len) == 0 &&
			    !strpbrk(last->text, "0123456789") && starts_upper(last->text, last->len) &&
			    !ends_sentence(last->text, last->len)) {
				tb->nkids--;
				last->kind = NODE_HEADING;
				tn_add(current_parent(bd), last);
			}
			return 0;
		}
	}
	tnode *t;
	block bb;	/* b without the cell that went back to its row */
	if (len > 2 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ' ' &&
	    starts_upper(text + 2, len - 2)) {
		/* a note under the table, marked "a" */
		t = tn_new(NODE_NOTE);
		t->number = xstrndup(text, 1);
		t->cite = xstrndup(text, 1);
		memmove(text, text + 2, len - 1);
		len -= 2;
	} else {
		tnode *prev = bd->table->nkids ? bd->table->kids[bd->table->nkids - 1] : NULL;
		if (prev && prev->kind != NODE_ROW)
			prev = NULL;
		size_t c0 = prev ? row_end_cell(bd, b, prev, text, len) : 0;
		if (c0 && c0 >= len) {
			/* the whole block was the row's last cell */
			txt_free(p, text);
			return 1;
		}
		if (c0) {
			memmove(text, text + c0, len - c0 + 1);
			len -= c0;
			bb = *b;
			bb.lines++;
			bb.nlines--;
			b = &bb;
		}
		size_t ncol = (size_t)bd->table->level;
		if (ncol >= 2 && b->nlines >= ncol * 2 &&
		    cell_sig(p, b->lines[0]) != cell_sig(p, b->lines[1])) {
			/* rows with no blank line between them: a row starts
			 * where a line looks like the first column's again
			 * after one that does not ("Seventy-seventh" after
			 * "Tuesday, 13 September 2022"; "Programme planning
			 * [137]" after "6 and 7 October": a capital after a
			 * figure) */
			int s0 = cell_sig(p, b->lines[0]);
			/* a row has a line a column at least (one cell may
			 * be empty), two at least */
			size_t min = ncol - 1 < 2 ? 2 : ncol - 1;
			size_t from = 0;
			for (size_t i = 1; i <= b->nlines; i++) {
				int si = i < b->nlines ? cell_sig(p, b->lines[i]) : 0;
				int sp = cell_sig(p, b->lines[i - 1]);
				/* the line before holds a figure (a date, an
				 * amount: a cell, not a title going on) or
				 * opens with a sign ("(to be confirmed)a"), or
				 * the first column is figures ("3 p.m.") */
				int later = (sp & 1) || (sp & ~1) == 8 || (s0 & ~1) == 2;
				if (i < b->nlines && !(sp != s0 && ((si == s0 && later) ||
				    ((si & ~1) == (s0 & ~1) && (sp & ~1) == 2)) &&
						       i - from >= min && b->nlines - i >= min))
					continue;
				buf rb;
				buf_init(&rb);
				for (size_t k = from; k < i; k++)
					append_line(p, &rb, LS(p, b->lines[k]), LN(p, b->lines[k]), 0);
				/* "…2025\nIssued\nA/80/309": the cell goes back */
				block sub = *b;
				sub.lines += from;
				sub.nlines = i - from;
				tnode *pr = bd->table->nkids ? bd->table->kids[bd->table->nkids - 1] : NULL;
				size_t c = pr && pr->kind == NODE_ROW && i - from >= 2 ?
					   row_end_cell(bd, &sub, pr, rb.s, rb.len) : 0;
				if (c) {
					memmove(rb.s, rb.s + c, rb.len - c + 1);
					rb.len -= c;
					from++;
				}
				t = tn_new(NODE_ROW);
				t->len = rb.len;
				t->text = buf_take(&rb);
				t->l0 = b->lines[from];
				t->l1 = b->lines[i - 1];
				tn_add(bd->table, t);
				from = i;
			}
			txt_free(p, text);
			return 1;
		}
		t = tn_new(NODE_ROW);
	}
	t->text = text;
	t->len = len;
	t->l0 = b->lines[0];
	t->l1 = b->lines[b->nlines - 1];
	tn_add(bd->table, t);
	return 1;
}

/* "2." right after paragraph 1 of the same body continues the paragraphs,
 * even when its text reads like a title ("2. Second …" with no full stop):
 * a numbered sub-section ("1. Cross-cutting issues") starts its own count
 * after a section heading, which clears bd->para. */
static int
continues_paras(const builder *bd, const marker *m)
{
	const tnode *q = bd->para;
	if (!q || !q->cite || !is_digit(m->cite[0]))
		return 0;
	char *e1, *e2;
	long a = strtol(q->cite, &e1, 10), n = strtol(m->cite, &e2, 10);
	return *e1 == 0 && *e2 == 0 && n == a + 1;
}

static void
build_block(builder *bd, const block *b, char *text, size_t len)
{
	parser *p = bd->p;
	const char *s0 = LS(p, b->lines[0]);
	size_t n0 = LN(p, b->lines[0]);
	marker m;
	int mk = get_marker(text, len, &m);
	if (mk && m.pre && m.pre <= 48 && !m.alone) {
		/* "⇚2. Text" -> "2. ⇚Text": the number is the marker, the
		 * arrow stays in the clause's text */
		char arrows[48];
		size_t ml = m.body - m.pre;
		memcpy(arrows, text, m.pre);
		memmove(text, text + m.pre, ml);
		memcpy(text + ml, arrows, m.pre);
		mk = get_marker(text, len, &m);
	}
	tnode *t = NULL;
	int sig = is_sig_line(s0, n0);

	size_t stars = 0;
	while (stars < len && stars < 4 && text[stars] == '*')
		stars++;
	if (stars && stars + 1 < len && text[stars] == ' ') {
		/* "* The present document was not edited …" */
		build_footnote(bd, b, text, len);
		return;
	}
	if (bd->table && table_row(bd, b, text, len, mk, &m))
		return;
	tnode *pend = bd->pending;
	bd->pending = NULL;
	tnode *tc = bd->title_cont;
	bd->title_cont = NULL;
	if (tc && !mk && headingish(p, b, text, len)) {
		/* "United Nations Convention against Cybercrime;" +
		 * "Strengthening International Cooperation …" */
		tn_append(p, tc, ' ', text, len, b->lines[b->nlines - 1]);
		txt_free(p, text);
		return;
	}
	int kl = 0;
	node_unit ku = UNIT_NONE;
	size_t kw = keyword_section(text, len, &kl, &ku);
	if (pend && !mk && !kw && headingish(p, b, text, len) && b->nlines <= 3) {
		/* "Article 1" + "Scope of application" */
		tn_append(p, pend, '\n', text, len, b->lines[b->nlines - 1]);
		txt_free(p, text);
		return;
	}
	if (kw) {
		/* "Article 12" stays in the text, its first line: the heading
		 * prints its number inline, so there is no number to set apart
		 * (a gutter would show it twice); cite "12" */
		t = tn_new(NODE_SECTION);
		size_t k = kw;
		while (k > 0 && text[k - 1] == ' ')
			k--;
		size_t c = k;
		while (c > 0 && text[c - 1] != ' ')
			c--;
		size_t ce = k;
		if (ce > c + 1 && text[ce - 1] == '.')
			ce--;	/* "Article 13." */
		t->cite = xstrndup(text + c, ce - c);
		t->unit = ku;
		if (kw < len && b->nlines >= 2 && LN(p, b->lines[0]) == k)
			text[k] = '\n';	/* "Rule 1" over its title */
		t->level = kl;
		for (int l = kl; l <= 5; l++)
			bd->sect[l] = NULL;
		tn_add(current_parent(bd), t);
		bd->sect[kl] = t;
		bd->para = NULL;
		if (kw >= len)
			bd->pending = t;
		t->text = text;
		t->len = len;
		t->l0 = b->lines[0];
		t->l1 = b->lines[b->nlines - 1];
		return;
	}
	int next_sub = bd->sect[4] && bd->sect[4]->cite && strlen(m.cite) == 1 &&
		       strlen(bd->sect[4]->cite) == 1 && bd->sect[4]->cite[0] + 1 == m.cite[0];
	if (mk == MK_SUB && (!bd->para || next_sub) && !m.alone &&
	    headingish(p, b, text + m.body, len - m.body) &&
	    (current_parent(bd) != bd->cont || next_sub)) {
		/* "a) Evolution of the Italian society" under a section */
		t = tn_new(NODE_SECTION);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		t->level = 4;
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		bd->sect[4] = bd->sect[5] = NULL;
		tn_add(current_parent(bd), t);
		bd->sect[4] = t;
		t->text = text;
		t->len = len;
		t->l0 = b->lines[0];
		t->l1 = b->lines[b->nlines - 1];
		return;
	}
	if (sig) {
		/* keep the lines: "(Signed) Name\nTitle" */
		text = keep_line_breaks(p, b, text, &len);
		t = tn_new(NODE_SIGNATURE);
		tn_add(bd->cont, t);
	} else if (is_original_note(text, len) || is_plenary(p, s0, n0) ||
		   is_sponsor_line(text, len) ||
		   (text[0] == '[' && text[len - 1] == ']')) {
		if (is_original_note(text, len)) {
			size_t k = 1;
			k += lang_prefix_any(text + 1, len - 1, lang_original, NULL);
			while (k < len && (text[k] == ' ' || text[k] == ':'))
				k++;
			const char *c = lang_code_of_name(text + k, len - k);
			if (c && !p->d->meta.orig_lang)
				doc_meta_set(&p->d->meta.orig_lang, c);
		}
		if (is_plenary(p, s0, n0)) {
			/* keep the place/date line break */
			text = keep_line_breaks(p, b, text, &len);
		}
		t = tn_new(NODE_NOTE);
		tn_add(bd->cont, t);
	} else if (is_place_date(text, len)) {
		/* "Moscow, 26 May 2020", "Nueva York, 22 de diciembre de 2020" */
		t = tn_new(NODE_NOTE);
		tn_add(bd->cont, t);
	} else if (!bd->has_letter && !bd->nannex && bd->top == bd->root &&
		   !bd->seen_para_in_top &&
		   lang_prefix_any(text, len, p->lw->letter, NULL) &&
		   headingish(p, b, text, len)) {
		t = tn_new(NODE_LETTER);
		tn_add(bd->root, t);
		set_top(bd, t);
		bd->has_letter = 1;
	} else if (is_annex_line(p, s0, n0) && (b->nlines <= 5) &&
		   last_uc(text, len) != '.') {
		t = tn_new(NODE_ANNEX);
		/* "Annex I": the number */
		size_t k = lang_prefix_any(s0, n0, p->lw->annex, NULL);
		if (!k) {
			const lang_words *const *all = lang_all();
			for (size_t l = 0; all[l] && !k; l++)
				k = lang_prefix_any(s0, n0, all[l]->annex, NULL);
		}
		while (k && k < n0 && s0[k] == ' ')
			k++;
		size_t e = k;
		while (e < n0 && (strchr("IVXLC", s0[e]) || is_digit(s0[e])))
			e++;
		if (k && e > k && e == n0) {
			t->number = xstrndup(s0 + k, e - k);
			t->cite = xstrdup(t->number);
		}
		/* an unnumbered annex after an unnumbered annex that
		 * transmits a body (a convention with its own "Annex" of
		 * interpretative notes) is the body's annex: a resolution
		 * with two annexes numbers them */
		tnode *host = bd->root;
		if (bd->top->kind == NODE_ANNEX && !bd->top->number && !t->number &&
		    bd->cont != bd->top && bd->cont->kind == NODE_BODY)
			host = bd->cont;
		tn_add(host, t);
		set_top(bd, t);
		bd->nannex++;
	} else if (mk == MK_PARA && b->nlines <= 3 && !ends_sentence(text, len) &&
		   !continues_paras(bd, &m) &&
		   headingish(p, b, text + m.body, len - m.body)) {
		/* "1.\nCross-cutting issues": a numbered sub-section */
		t = tn_new(NODE_SECTION);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		t->level = 3;
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		for (int l = 3; l <= 5; l++)
			bd->sect[l] = NULL;
		tn_add(current_parent(bd), t);
		bd->sect[3] = t;
		bd->para = NULL;
	} else if (mk == MK_PARA) {
		t = tn_new(NODE_PARAGRAPH);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		tn_add(current_parent(bd), t);
		bd->para = t;
		memset(bd->sub, 0, sizeof bd->sub);
		bd->seen_para_in_top = 1;
	} else if ((mk == MK_ROMAN || mk == MK_LETTER) &&
		   headingish(p, b, text + m.body, len - m.body) && !m.alone) {
		int level = mk == MK_ROMAN ? 1 : 2;
		/* "I." after "H." is a letter */
		if (mk == MK_ROMAN && bd->sect[2] && bd->sect[2]->cite &&
		    strlen(m.cite) == 1 && bd->sect[2]->cite[0] + 1 == m.cite[0])
			level = 2;
		if (level == 2 && !bd->sect[1] && bd->sect[2] == NULL)
			level = 2;
		t = tn_new(NODE_SECTION);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		t->level = level;
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		for (int l = level; l <= 5; l++)
			bd->sect[l] = NULL;
		tn_add(current_parent(bd), t);
		bd->sect[level] = t;
		bd->para = NULL;
	} else if (mk == MK_SUB && bd->para) {
		t = tn_new(NODE_SUBITEM);
		t->number = xstrdup(m.num);
		t->cite = xstrdup(m.cite);
		memmove(text, text + m.body, len - m.body + 1);
		len -= m.body;
		/* depth: a new style nests under the open sub-item */
		int depth = 0;
		tnode *prev = bd->sub[0];
		int st = sub_style(&m, prev);
		if (prev && st != prev->style) {
			if (bd->sub[1] && sub_style(&m, bd->sub[1]) == bd->sub[1]->style)
				depth = 1;
			else if (bd->sub[1] && bd->sub[1]->style != st && bd->sub[2] == NULL)
				depth = 2;
			else if (!bd->sub[1])
				depth = 1;
			else
				depth = 1;
			st = sub_style(&m, bd->sub[depth]);
		}
		if (depth > 0 && !bd->sub[depth - 1])
			depth = 0;
		t->style = st;
		t->level = depth;
		tn_add(depth ? bd->sub[depth - 1] : bd->para, t);
		bd->sub[depth] = t;
		for (int k = depth + 1; k < 3; k++)
			bd->sub[k] = NULL;
	} else if (restitle_len(text, len)) {
		/* "80/16. Title": the resolution's number and title */
		size_t k = restitle_len(text, len);
		t = tn_new(NODE_HEADING);
		t->number = xstrndup(text, k - 1);
		t->cite = xstrdup(t->number);
		while (k < len && text[k] == ' ')
			k++;
		memmove(text, text + k, len - k + 1);
		len -= k;
		tn_add(current_parent(bd), t);
		bd->para = NULL;
		if (len && text[len - 1] == ';')
			bd->title_cont = t;
	} else if (bd->top->kind == NODE_ANNEX && bd->cont == bd->top &&
		   !bd->seen_para_in_top && b->nlines <= 2 && len > 1 &&
		   text[len - 1] == ';' && headingish(p, b, text, len - 1)) {
		/* an annex title that goes on after a ';' */
		t = tn_new(NODE_BODY);
		tn_add(bd->top, t);
		bd->cont = t;
		memset(bd->sect, 0, sizeof bd->sect);
		bd->para = NULL;
		bd->title_cont = t;
	} else if (headingish(p, b, text, len)) {
		/* the first heading of an annex names its body */
		if (bd->top->kind == NODE_ANNEX && bd->cont == bd->top &&
		    !bd->seen_para_in_top) {
			t = tn_new(NODE_BODY);
			tn_add(bd->top, t);
			bd->cont = t;
			memset(bd->sect, 0, sizeof bd->sect);
		} else {
			t = tn_new(NODE_HEADING);
			tn_add(current_parent(bd), t);
		}
		bd->para = NULL;
	} else if (bd->para && bd->para->number && bd->para->kind == NODE_PARAGRAPH &&
		   (bd->list == bd->para ||
		    (!bd->para->nkids && last_uc(bd->para->text, bd->para->len) == ':'))) {
		/* "2. … to be held as follows:" + "Wednesday, 2 December: …"
		 * + "Thursday, …": unmarked items of the numbered paragraph
		 * that introduces them, up to the next clause or heading */
		t = tn_new(NODE_SUBITEM);
		tn_add(bd->para, t);
		bd->list = bd->para;
		bd->seen_para_in_top = 1;
	} else {
		t = tn_new(NODE_PARAGRAPH);
		tn_add(current_parent(bd), t);
		bd->para = t;
		memset(bd->sub, 0, sizeof bd->sub);
		bd->seen_para_in_top = 1;
	}
	t->text = text;
	t->len = len;
	t->l0 = b->lines[0];
	t->l1 = b->lines[b->nlines - 1];
}

/* A footnote block: "1 Resolution 79/233, annex." or "* On behalf …". */
static void
build_footnote(builder *bd, const block *b, char *text, size_t len)
{
	tnode *t = tn_new(NODE_FOOTNOTE);
	size_t k = 0;
	while (k < len && (is_digit(text[k]) || text[k] == '*'))
		k++;
	if (k && k < 8) {
		t->number = xstrndup(text, k);
		t->cite = xstrdup(t->number);
		while (k < len && text[k] == ' ')
			k++;
		memmove(text, text + k, len - k + 1);
		len -= k;
	}
	t->text = text;
	t->len = len;
	t->l0 = b->lines[0];
	t->l1 = b->lines[b->nlines - 1];
	tn_add_fn(bd->top, t);
}

/* ---------- emit ---------- */

static char *
make_label(const char *s, size_t n)
{
	buf b;
	buf_init(&b);
	size_t i = 0, cols = 0, last_space = 0;
	int cut = 0;
	while (i < n) {
		if (s[i] == '\n') {
			/* signature and place/date lines: "Name, Title" */
			buf_adds(&b, ", ");
			cols += 2;
			i++;
			continue;
		}
		ucs4_t uc;
		int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		if (cols >= LABEL_COLS - 1) {
			cut = 1;
			break;
		}
		if (uc == ' ')
			last_space = b.len;
		buf_add(&b, s + i, (size_t)k);
		cols++;
		i += (size_t)k;
	}
	if (cut && i < n) {
		if (last_space > b.len / 2)
			b.len = last_space;
		while (b.len && (b.s[b.len - 1] == ' ' || b.s[b.len - 1] == ',' ||
				 b.s[b.len - 1] == ';' || b.s[b.len - 1] == ':'))
			b.len--;
		b.s[b.len] = '\0';
		buf_adds(&b, "…");
	}
	return buf_take(&b);
}

/* The short title of a body an annex transmits, for the outline and the
 * breadcrumb: the name in a closing parenthesis ("… Reoffending (the
 * Kyoto Model Strategies)"), else the title up to its subtitle (';' or
 * ':'), without the organisation's name before a capitalised word
 * ("United Nations Convention against Cybercrime; Strengthening …" ->
 * "Convention against Cybercrime"). */
static char *
body_label(const char *s, size_t n)
{
	if (!s)
		return make_label("", 0);
	size_t e = n;
	const char *o = n > 4 && s[n - 1] == ')' ? memrchr(s, '(', n) : NULL;
	if (o && o > s && o[-1] == ' ') {
		size_t k = (size_t)(o - s) + 1;
		size_t a = lang_prefix_any(s + k, n - 1 - k, lang_articles, NULL);
		if (a && k + a + 1 < n - 1 && s[k + a] == ' ' &&
		    starts_upper(s + k + a + 1, n - 2 - k - a))
			return make_label(s + k + a + 1, n - 2 - k - a);
		e = (size_t)(o - s) - 1;
	}
	for (size_t i = 0; i < e; i++)
		if (s[i] == ';' || (s[i] == ':' && i + 1 < e && s[i + 1] == ' ')) {
			e = i;
			break;
		}
	while (e > 0 && s[e - 1] == ' ')
		e--;
	size_t b = 0, which;
	size_t m = lang_prefix_any(s, e, lang_org_names, &which);
	if (m && m + 1 < e && s[m] == ' ' && starts_upper(s + m + 1, e - m - 1))
		b = m + 1;
	return make_label(s + b, e - b);
}

static int
page_of_line(const doc_meta *m, size_t line1)
{
	if (!m->npages)
		return 0;
	size_t lo = UTIL_LAST_LE(m->npages, line1, m->pages[mid_].line);
	return m->pages[lo].line <= line1 ? m->pages[lo].number : 0;
}

static const char *
id_prefix(node_kind k)
{
	switch (k) {
	case NODE_LETTER: return "letter";
	case NODE_ANNEX: return "annex";
	case NODE_BODY: return "decl";
	case NODE_SECTION: return "s";
	case NODE_HEADING: return "h";
	case NODE_PARAGRAPH: return "p";
	case NODE_SUBITEM: return "";
	case NODE_SIGNATURE: return "sig";
	case NODE_NOTE: return "note";
	case NODE_FOOTNOTE: return "fn";
	case NODE_TABLE: return "t";
	case NODE_ROW: return "r";
	default: return "n";
	}
}


static int
simple_cite(const char *c)
{
	if (!c || !*c)
		return 0;
	for (; *c; c++)
		if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= 'A' && *c <= 'Z')))
			return 0;
	return 1;
}

static void emit(parser *p, node *parent, tnode *t, size_t *kindpos, int mixed,
		 wset *ids);

/* The bytes doc_add_node will put in plain for t's subtree: texts and
 * their "\n\n" separators (2 more than needed at most). */
static size_t
tn_plain_bytes(const tnode *t)
{
	size_t n = t->text && t->len ? t->len + 2 : 0;
	for (size_t i = 0; i < t->nkids; i++)
		n += tn_plain_bytes(t->kids[i]);
	for (size_t i = 0; i < t->nfns; i++)
		n += tn_plain_bytes(t->fns[i]);
	return n;
}

/* Copies the source offsets of every node's lines into it, so that the
 * line records can be freed before the model is built. */
static void
tn_set_src(const parser *p, tnode *t)
{
	if (!p->nl)
		return;
	t->src0 = line_raw(p, t->l0);
	t->src1 = line_rawend(p, t->l1);
	for (size_t i = 0; i < t->nkids; i++)
		tn_set_src(p, t->kids[i]);
	for (size_t i = 0; i < t->nfns; i++)
		tn_set_src(p, t->fns[i]);
}

/* Whether a text ends with a comma, a footnote mark after it allowed
 * ("…2030 Agenda,¹", "…Convention,*"). */
static int
ends_comma(const char *s, size_t n)
{
	while (n > 0) {
		ucs4_t c = last_uc(s, n);
		size_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		if (c == ' ' || c == '*' || is_digit((char)c) || c == 0xB9 || c == 0xB2 ||
		    c == 0xB3 || (c >= 0x2070 && c <= 0x2079))
			n -= k > n ? n : k;
		else
			return c == ',';
	}
	return 0;
}

/* The preamble of a resolution or treaty: after an opening heading that
 * ends with a comma ("The General Assembly,", "The States Parties to this
 * Convention,"), the unnumbered paragraphs that end with a comma
 * ("Recalling …,"), up to the first that does not, and a closing formula
 * before the first article ("Have agreed as follows:"). They are
 * UNIT_PREAMBLE: cited "pp1", "pp2" … in their own count. */
static void
mark_preamble(tnode *t)
{
	for (size_t i = 0; i < t->nkids; i++) {
		tnode *h = t->kids[i];
		/* the opener: a heading, or a paragraph "We, the Ministers …," */
		if ((h->kind != NODE_HEADING && h->kind != NODE_PARAGRAPH) || !h->text ||
		    !ends_comma(h->text, h->len) || h->number || h->nkids ||
		    (h->kind == NODE_PARAGRAPH && preamble_word(h->text, h->len)))
			continue;
		size_t k = i + 1, last = 0;
		for (; k < t->nkids; k++) {
			tnode *c = t->kids[k];
			if (c->kind == NODE_SECTION || c->kind == NODE_HEADING || c->number)
				break;
			if (c->kind != NODE_PARAGRAPH || !c->text)
				continue;
			/* "Recalling …," and "Having received …, in which the
			 * Court found that:" (a quotation follows, itself no
			 * preambular paragraph) */
			if (ends_comma(c->text, c->len) || preamble_word(c->text, c->len)) {
				c->unit = UNIT_PREAMBLE;
				last = k;
			}
		}
		if (last && last + 2 < t->nkids + 1 && last + 1 < t->nkids &&
		    last + 2 < t->nkids && t->kids[last + 1]->kind == NODE_PARAGRAPH &&
		    !t->kids[last + 1]->number && !t->kids[last + 1]->nkids &&
		    t->kids[last + 1]->len &&
		    last_uc(t->kids[last + 1]->text, t->kids[last + 1]->len) == ':' &&
		    t->kids[last + 2]->kind == NODE_SECTION)
			t->kids[last + 1]->unit = UNIT_PREAMBLE;	/* "Have agreed as follows:" */
		i = k - 1;
	}
}

/* Paragraphs are cited by their printed number; preambular ones "ppN";
 * other unnumbered paragraphs by their position among the unnumbered
 * ones, except among numbered paragraphs (a box, a chapeau, an unnumbered
 * operative text before numbered items), where a position would clash
 * with a printed number: those have no cite and ids "uN". */
static void
emit_kids(parser *p, node *nd, tnode *t)
{
	size_t kindpos[NODE_KIND_COUNT + 2] = { 0 };
	int numbered = 0;
	for (size_t i = 0; i < t->nkids; i++)
		if (t->kids[i]->kind == NODE_PARAGRAPH && t->kids[i]->number)
			numbered = 1;
	mark_preamble(t);
	/* the sibling ids so far, to keep them unique in linear time */
	wset ids = { .exact = 1 };
	for (size_t i = 0; i < t->nkids; i++)
		emit(p, nd, t->kids[i], kindpos, numbered, &ids);
	for (size_t i = 0; i < t->nfns; i++)
		emit(p, nd, t->fns[i], kindpos, 0, &ids);
	wset_free(&ids);
}

/* dst = a then b, cut to cap - 1 bytes as snprintf cuts (a few hundred
 * thousand nodes in a big document: no format parsing). */
static void
join2(char *dst, size_t cap, const char *a, const char *b)
{
	size_t i = 0;
	while (*a && i + 1 < cap)
		dst[i++] = *a++;
	while (*b && i + 1 < cap)
		dst[i++] = *b++;
	dst[i] = '\0';
}

/* v in decimal, in buf (24 bytes); returns buf. */
static const char *
decimal(char *buf, size_t v)
{
	char tmp[24];
	size_t k = 0;
	do
		tmp[k++] = (char)('0' + v % 10);
	while ((v /= 10) && k < sizeof tmp);
	for (size_t i = 0; i < k; i++)
		buf[i] = tmp[k - 1 - i];
	buf[k] = '\0';
	return buf;
}

static void
emit(parser *p, node *parent, tnode *t, size_t *kindpos, int mixed, wset *ids)
{
	doc *d = p->d;
	int pre = t->kind == NODE_PARAGRAPH && t->unit == UNIT_PREAMBLE && !t->cite;
	/* unnumbered clauses among numbered ones, and unmarked items of a
	 * list: no cite (a position would read as a printed number) */
	int loose = (t->kind == NODE_PARAGRAPH && !pre && !(t->cite && *t->cite) && mixed) ||
		    (t->kind == NODE_SUBITEM && !(t->cite && *t->cite));
	size_t pos = pre || loose ? 0 : ++kindpos[t->kind];
	char cite[32], id[48], num[24];
	if (t->cite && *t->cite)
		join2(cite, sizeof cite, t->cite, "");
	else if (pre)
		join2(cite, sizeof cite, "pp", decimal(num, ++kindpos[NODE_KIND_COUNT]));
	else if (loose)
		join2(cite, sizeof cite, "u", decimal(num, ++kindpos[NODE_KIND_COUNT + 1]));
	else
		join2(cite, sizeof cite, decimal(num, pos), "");
	const char *idpre = id_prefix(t->kind);
	switch (t->kind) {
	case NODE_LETTER:
	case NODE_SIGNATURE:
	case NODE_BODY:
		if (pos == 1)
			join2(id, sizeof id, idpre, "");
		else
			join2(id, sizeof id, idpre, decimal(num, pos));
		break;
	case NODE_PARAGRAPH:
	case NODE_SUBITEM:
	case NODE_FOOTNOTE:
		if (pre || loose)
			join2(id, sizeof id, cite, "");
		else if (simple_cite(cite))
			join2(id, sizeof id, idpre, cite);
		else
			join2(id, sizeof id, idpre, decimal(num, pos));
		break;
	default:
		join2(id, sizeof id, idpre, decimal(num, pos));
		break;
	}
	size_t idn = strlen(id);
	wslot *dup = wset_slot(ids, id, idn, hash_fold(id, idn, 1));
	if (dup) {
		/* id_2, id_3 …: the first free one. The base's count keeps
		 * the last suffix given, so that a thousand paragraphs "1"
		 * among siblings (joined documents) take linear time. */
		char base[48];
		memcpy(base, id, idn + 1);
		uint32_t k = dup->c + 1;
		for (;; k++) {
			snprintf(id, sizeof id, "%.32s_%u", base, k);
			if (!wset_op(ids, id, strlen(id), 0))
				break;
		}
		dup->c = k;
	}
	node *nd = doc_add_node(d, parent, t->kind, id, t->text, t->len);
	wset_op(ids, nd->id, strlen(nd->id), 1);
	doc_set_number(nd, t->number, loose ? NULL : cite);
	nd->unit = t->unit;
	char *label = t->kind == NODE_BODY ? body_label(t->text, t->len) :
		      make_label(t->text ? t->text : "", t->len);
	doc_set_label(nd, label);
	free(label);
	/* the text lives in doc->plain now */
	txt_free(p, t->text);
	t->text = NULL;
	nd->line_first = t->l0 + 1;
	nd->line_last = t->l1 + 1;
	nd->src_start = t->src0;
	nd->src_end = t->src1;
	nd->page = page_of_line(&d->meta, nd->line_first);
	emit_kids(p, nd, t);
	/* a container spans its children too */
	if (nd->nkids) {
		node *last = nd->kids[nd->nkids - 1];
		if (last->line_last > nd->line_last) {
			nd->line_last = last->line_last;
			nd->src_end = last->src_end;
		}
	}
}

/* ---------- letter title facts ---------- */

static char *
between(const char *s, size_t n, const char *const *from, const char *const *to)
{
	for (size_t f = 0; from && from[f]; f++) {
		size_t at = lang_find(s, n, from[f]);
		if (at == (size_t)-1)
			continue;
		size_t k = at + strlen(from[f]);
		while (k < n && s[k] == ' ')
			k++;
		size_t e = n;
		for (size_t t = 0; to && to[t]; t++) {
			size_t x = lang_find(s + k, n - k, to[t]);
			if (x != (size_t)-1 && k + x < e)
				e = k + x;
		}
		while (e > k && (s[e - 1] == ' ' || s[e - 1] == ','))
			e--;
		if (e > k)
			return xstrndup(s + k, e - k);
	}
	return NULL;
}

static void
letter_facts(parser *p, const tnode *letter)
{
	doc_meta *m = &p->d->meta;
	const char *s = letter->text;
	size_t n = letter->len;
	char iso[11];
	if (!m->date && find_date(s, n, iso))
		doc_meta_set(&m->date, iso);
	if (!m->sender)
		m->sender = between(s, n, p->lw->from, p->lw->from_end);
	if (!m->addressee)
		m->addressee = between(s, n, p->lw->to, p->lw->to_end);
	if (!m->title)
		m->title = xstrndup(s, n);
	/* the body asks for circulation under agenda items */
	for (size_t i = 0; i < letter->nkids; i++) {
		tnode *k = letter->kids[i];
		if (k->kind == NODE_PARAGRAPH)
			agenda_from_text(p, k->text, k->len);
	}
}

/* GA session from the symbol ("A/75/…", "A/RES/75/…", "A/C.1/75/L.1"). */
static int
session_from_symbol(const char *sym)
{
	if (!sym || strncmp(sym, "A/", 2) != 0)
		return 0;
	const char *s = sym + 2;
	if (strncmp(s, "RES/", 4) == 0 || strncmp(s, "INF/", 4) == 0)
		s += 4;
	else if (s[0] == 'C' && s[1] == '.' && is_digit(s[2]) && s[3] == '/')
		s += 4;
	else if (strncmp(s, "ES-", 3) == 0)
		return 0;
	size_t d = count_digits(s, strlen(s));
	if (d < 1 || d > 3 || s[d] != '/')
		return 0;
	return atoi(s);
}

/* A title without the footnote mark at its end ("…on Italy*",
 * "…сторонами*", "…2030¹"): the mark belongs to the heading, not to
 * the name. */
static void find_title_in(parser *p, tnode *root);

static void
title_unmark(char *t)
{
	if (!t)
		return;
	size_t n = strlen(t);
	for (;;) {
		while (n > 0 && (t[n - 1] == '*' || t[n - 1] == ' '))
			n--;
		ucs4_t c = last_uc(t, n);
		if (c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079))
			n -= c < 0x800 ? 2 : 3;
		else
			break;
	}
	if (n)
		t[n] = '\0';
}

/* The document's own title: the letter title, a resolution title
 * ("80/16. Title"), else the first heading that is not a preamble. */
static void
find_title(parser *p, tnode *root)
{
	doc_meta *m = &p->d->meta;
	find_title_in(p, root);
	title_unmark(m->title);
}

static void
find_title_in(parser *p, tnode *root)
{
	doc_meta *m = &p->d->meta;
	if (m->title)
		return;
	for (size_t i = 0; i < root->nkids; i++) {
		tnode *k = root->kids[i];
		if (k->kind == NODE_HEADING && k->len && k->number &&
		    strchr(k->number, '/')) {
			m->title = xstrndup(k->text, k->len);
			return;
		}
	}
	for (size_t i = 0; i < root->nkids; i++) {
		tnode *k = root->kids[i];
		if (k->kind != NODE_HEADING || !k->len || last_uc(k->text, k->len) == ',' ||
		    lang_prefix_any(k->text, k->len, lang_not_title, NULL))
			continue;
		m->title = xstrndup(k->text, k->len);
		return;
	}
}

/* ---------- driver ---------- */

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

doc *
parse_document(const char *name, const char *text, size_t len,
	       const parse_options *opt)
{
	parser P = { 0 }, *p = &P;
	p->t = text;
	p->n = len;
	p->d = doc_new(name);
	doc_meta *m = &p->d->meta;

	const char *code = opt && opt->lang ? opt->lang : lang_detect(text, len);
	doc_meta_set(&m->lang, code);
	p->lw = lang_get(code);

	split_lines(p);
	/* the word set serves line-end hyphens and split words only; the
	 * split words need every word (hyphens: hyphen_words, pass 4) */
	if (opt && opt->repair_splits)
		collect_words(p);

	/* pdftotext -layout keeps the page margin: indents count from the
	 * most common one */
	{
		size_t hist[65] = { 0 }, best = 0;
		for (size_t i = 0; i < p->nl; i++)
			if (!(p->L[i].flags & LF_BLANK) && p->L[i].indent <= 64)
				hist[p->L[i].indent]++;
		for (int k = 1; k <= 64; k++)
			if (hist[k] > hist[best])
				best = (size_t)k;
		if (best)
			for (size_t i = 0; i < p->nl; i++)
				p->L[i].indent = p->L[i].indent > (int)best ?
						 p->L[i].indent - (int)best : 0;
	}

	/* double-spaced? text lines followed by exactly one empty line */
	/* (and those lines mostly break mid-sentence: single-line paragraphs
	 * separated by blank lines are not double spacing) */
	size_t textl = 0, dbl = 0, mid = 0;
	for (size_t i = 0; i + 2 < p->nl; i++) {
		if (p->L[i].flags & LF_BLANK)
			continue;
		textl++;
		if ((p->L[i + 1].flags & LF_EMPTY) && !(p->L[i + 2].flags & LF_EMPTY)) {
			dbl++;
			if (!ends_sentence(LS(p, i), LN(p, i)))
				mid++;
		}
	}
	p->dbl = textl >= 20 && dbl * 10 > textl * 6 && mid * 10 > dbl * 4;
	p->blankless = textl > 4 && (p->nl - textl) * 30 < p->nl;

	/* typical full line: the 80th percentile of widths */
	{
		size_t hist[301] = { 0 }, tot = 0;
		for (size_t i = 0; i < p->nl; i++)
			if (!(p->L[i].flags & LF_BLANK)) {
				hist[p->L[i].cols > 300 ? 300 : p->L[i].cols]++;
				tot++;
			}
		size_t acc = 0;
		p->width = 80;
		for (int c = 0; c <= 300 && tot; c++) {
			acc += hist[c];
			if (acc * 10 >= tot * 8) {
				p->width = c < 20 ? 20 : c;
				break;
			}
		}
	}

	find_mastheads(p);
	find_furniture(p);
	find_toc(p);
	find_footnotes(p);
	find_table_heads(p);

	/* page map */
	doc_meta_add_page(m, 1, 1);
	{
		int in_cluster = 0;
		for (size_t i = 0; i < p->nl; i++) {
			pline *l = &p->L[i];
			if (l->flags & LF_FF)
				add_page(p, m->pages[m->npages - 1].number + 1, i);
			if (l->flags & LF_BLANK)
				continue;
			if (l->flags & LF_FURN && !(l->flags & LF_FNSEP)) {
				if (!in_cluster) {
					/* the cluster's printed number, if any */
					int num = 0;
					size_t j = i;
					for (; j < p->nl && j < i + 10; j++) {
						if (p->L[j].flags & LF_BLANK)
							continue;
						if (!(p->L[j].flags & LF_FURN))
							break;
						if (p->pagenum[j])
							num = p->pagenum[j];
					}
					int last = m->pages[m->npages - 1].number;
					if (num && num > last && num <= last + 3)
						add_page(p, num, i);
					else if (j < p->nl)
						add_page(p, m->pages[m->npages - 1].number + 1, j);
				}
				in_cluster = 1;
			} else if (!(l->flags & (LF_MAST | LF_FOOT))) {
				in_cluster = 0;
			}
		}
	}

	big_free(p->pagenum, p->lcap * sizeof *p->pagenum);
	p->pagenum = NULL;

	/* pass 3: blocks */
	block *blocks = NULL;
	size_t nb = 0, bcap = 0;
	size_t prev = (size_t)-1, cur = (size_t)-1, curfoot = (size_t)-1;
	size_t curtoc = (size_t)-1;
	int pre_hard = 0;
	size_t empties = 0, spaces = 0;
	int crossed = 0;
	int last_fn = 0;
	for (size_t i = 0; i < p->nl; i++) {
		pline *l = &p->L[i];
		if (l->flags & LF_FF)
			crossed = 1;
		if (l->flags & LF_BLANK) {
			if (l->flags & LF_EMPTY)
				empties++;
			else
				spaces++;
			continue;
		}
		if (l->flags & (LF_FURN | LF_MAST)) {
			/* a " " line before the page end closed a paragraph */
			if (!crossed && spaces)
				pre_hard = 1;
			crossed = 1;
			continue;
		}
		if (l->flags & LF_TOC) {
			if (curtoc == (size_t)-1 || (cur != (size_t)-1 && cur > curtoc)) {
				xgrow((void **)&blocks, &bcap, nb + 1, sizeof *blocks);
				memset(&blocks[nb], 0, sizeof *blocks);
				blocks[nb].toc = 1;
				curtoc = nb++;
			}
			block_add(&blocks[curtoc], i);
			cur = (size_t)-1;
			empties = spaces = 0;
			crossed = 0;
			continue;
		}
		int foot = (l->flags & LF_FOOT) != 0;
		enum brk brk;
		if (crossed)
			brk = pre_hard ? BRK_HARD : BRK_PAGE;
		else if (p->dbl)
			brk = (empties == 1 && !spaces) ? BRK_NONE :
			      (empties + spaces == 0) ? BRK_PAGE : BRK_HARD;
		else
			brk = (empties + spaces) ? BRK_HARD : BRK_NONE;
		if (p->dbl && brk == BRK_PAGE && !crossed && prev != (size_t)-1)
			add_page(p, m->pages[m->npages - 1].number + 1, i);
		if (foot) {
			/* footnotes: a new one at each mark */
			const char *s = LS(p, i);
			size_t n = LN(p, i);
			size_t d = 0;
			while (d < n && (is_digit(s[d]) || s[d] == '*'))
				d++;
			int mark = d && d < 5 && (d == n || s[d] == ' ');
			if (mark && is_digit(s[0])) {
				/* "2018, GrecoRC4" in a note is not note 2018 */
				int v = atoi(s);
				if (last_fn && v != last_fn + 1 && v != 1)
					mark = 0;
				else
					last_fn = v;
			}
			if (curfoot == (size_t)-1 || mark) {
				xgrow((void **)&blocks, &bcap, nb + 1, sizeof *blocks);
				memset(&blocks[nb], 0, sizeof *blocks);
				blocks[nb].brk = brk;
				blocks[nb].foot = 1;
				curfoot = nb++;
			}
			block_add(&blocks[curfoot], i);
			/* the text before the footnotes goes on after them */
			crossed = 1;
			empties = spaces = 0;
			continue;
		}
		int th = (l->flags & LF_THEAD) != 0;
		if (cur == (size_t)-1 || blocks[cur].thead != th ||
		    (!th && starts_block(p, prev, i, brk, &blocks[cur]))) {
			xgrow((void **)&blocks, &bcap, nb + 1, sizeof *blocks);
			memset(&blocks[nb], 0, sizeof *blocks);
			blocks[nb].brk = brk;
			blocks[nb].thead = th;
			cur = nb++;
		}
		block_add(&blocks[cur], i);
		prev = i;
		empties = spaces = 0;
		crossed = pre_hard = 0;
	}

	if (!(opt && opt->repair_splits))
		hyphen_words(p, blocks, nb);

	/* pass 4: tree */
	builder B = { 0 };
	B.p = p;
	B.root = tn_new(NODE_DOCUMENT);
	set_top(&B, B.root);
	/* one buffer for every block's text; each block keeps an exact copy */
	buf tb;
	buf_init(&tb);
	for (size_t k = 0; k < nb; k++) {
		block *b = &blocks[k];
		tb.len = 0;
		for (size_t i = 0; i < b->nlines; i++)
			append_line(p, &tb, LS(p, b->lines[i]), LN(p, b->lines[i]), 0);
		if (tb.len && opt && opt->repair_splits)
			repair_splits(p, &tb);
		size_t tl = tb.len;
		/* footnotes in their own arena (see txt_new) */
		char *txt = b->toc ? NULL : txt_new(p, tl + 1, b->foot);
		if (txt) {
			if (tl)
				memcpy(txt, tb.s, tl);
			txt[tl] = '\0';
		}
		if (b->toc) {
			txt = toc_text(p, b->lines, b->nlines, &tl);
			tnode *t = tn_new(NODE_NOTE);
			t->text = txt;
			t->len = tl;
			t->l0 = b->lines[0];
			t->l1 = b->lines[b->nlines - 1];
			tn_add(current_parent(&B), t);
		} else if (b->foot) {
			build_footnote(&B, b, txt, tl);
		} else if (b->thead) {
			build_table(&B, b, txt);
		} else {
			build_block(&B, b, txt, tl);
		}
		free(b->lines);
	}
	buf_free(&tb);
	free(blocks);

	/* facts */
	for (size_t i = 0; i < B.root->nkids; i++)
		if (B.root->kids[i]->kind == NODE_LETTER)
			letter_facts(p, B.root->kids[i]);
	find_title(p, B.root);
	/* the symbol's session wins; an A/HRC symbol's "session" line is
	 * the Council's, not the Assembly's */
	if (m->symbol && session_from_symbol(m->symbol))
		m->session = session_from_symbol(m->symbol);
	else if (m->symbol && strncmp(m->symbol, "A/HRC", 5) == 0)
		m->session = 0;
	/* Inference, documented: a letter circulated as a General Assembly
	 * document under agenda items, dated D, belongs to the session that
	 * opens in September of D's year (session = year - 1945) when D is
	 * from October to December, and to the one before (year - 1946) from
	 * January to August. September dates are left unknown (the session
	 * changes mid-month). */
	static const char *const ga_names[] = { "General Assembly", "Asamblea General",
						"Assemblée générale", "Генеральной Ассамблеи",
						"Генеральная Ассамблея", NULL };
	if (!m->session && m->date && m->nagenda && B.has_letter) {
		int y = atoi(m->date), mo = atoi(m->date + 5);
		int ga = 0;
		for (size_t i = 0; i < B.root->nkids && !ga; i++) {
			tnode *l = B.root->kids[i];
			if (l->kind != NODE_LETTER)
				continue;
			for (size_t k = 0; k < l->nkids && !ga; k++)
				for (size_t o = 0; ga_names[o] && !ga; o++)
					ga = l->kids[k]->text &&
					     lang_find(l->kids[k]->text, l->kids[k]->len,
						       ga_names[o]) != (size_t)-1;
		}
		if (ga && mo >= 10)
			m->session = y - 1945;
		else if (ga && mo <= 8)
			m->session = y - 1946;
	}
	(void)cmp_int;
	{
		unsigned char has[MARK_MAX + 1] = { 0 };
		footnote_numbers(B.root, has);
		mark_footnotes(p, B.root, has);
	}

	size_t furn = 0;
	for (size_t i = 0; i < p->nl; i++)
		if ((p->L[i].flags & (LF_FURN | LF_MAST)) && !(p->L[i].flags & LF_BLANK))
			furn++;
	m->furniture_lines = furn;

	/* the line records and word sets are done with: free them before
	 * the model grows (the peak of memory is here) */
	tn_set_src(p, B.root);
	big_free(p->L, p->lcap * sizeof *p->L);
	p->L = NULL;
	wset_free(&p->words);
	free(p->cand_keys);
	wset_free(&p->running);

	/* plain in one allocation: grown by doubling, the copies it leaves
	 * in the heap would raise the peak */
	{
		doc *d = p->d;
		size_t need = d->plain_len + tn_plain_bytes(B.root) + 1;
		if (need > d->plain_cap) {
			d->plain = xrealloc(d->plain, need);
			d->plain_cap = need;
		}
	}
	emit_kids(p, p->d->root, B.root);
	tn_free(p, B.root);
	txt_free_all(p);
	doc_finish(p->d);
	return p->d;
}
