/* phrase: the one phrase matcher for the word tables of src/un/lang.c.
 * A text is folded (catalog_fold: lower case, no accents, ASCII quotes and
 * dashes, one space) with a map back to the original bytes and cut into
 * tokens (words, digit runs, single punctuation); a table's phrases are
 * folded and cut the same way once. A phrase matches whole tokens with
 * spacing ignored ("item" never matches the start of "items"; "de l'ordre"
 * matches "de l’ordre"), so every language goes through the same code.
 * refs.c uses it for agenda items, resolutions and dates; the parser's
 * inline word tests can move to it. */
#ifndef LECTERN_UN_PHRASE_H
#define LECTERN_UN_PHRASE_H

#include <stddef.h>

/* A phrase of a table, as written ("del programa provisional"); lang and
 * flag are the owner's (a language index, a kind, a number). */
typedef struct phrase {
	const char *text;
	int lang;
	int flag;
} phrase;

enum phrase_tok_type { PHRASE_WORD, PHRASE_NUM, PHRASE_PUNCT };

typedef struct phrase_tok {
	enum phrase_tok_type type;
	size_t fo, fl;		/* in the folded text, bytes */
	size_t so, se;		/* in the original text, bytes */
	int space_before;
} phrase_tok;

typedef struct phrase_toks {
	phrase_tok *v;
	size_t n, cap;
} phrase_toks;

/* A text folded and cut into tokens. Zero-initialise; phrase_text_set
 * may be called again (it reuses the storage); phrase_text_clear frees. */
typedef struct phrase_text {
	char *f;		/* folded, NUL-terminated */
	size_t *map;		/* folded byte → original byte */
	phrase_toks t;
} phrase_text;

struct phrase_compiled;

/* A table of phrases. Declare with PHRASE_TABLE(array) (or set p and n),
 * then phrase_table_build once before matching; the compiled form lives
 * as long as the process. */
typedef struct phrase_table {
	const phrase *p;
	size_t n;
	struct phrase_compiled *c;
	unsigned char first[1024];	/* hashes of first tokens' first bytes */
} phrase_table;

#define PHRASE_TABLE(a) { a, sizeof(a) / sizeof((a)[0]), NULL, { 0 } }
/* A table of a list ended by a phrase whose text is NULL (lang.c's
 * exported lists): phrase_table_build counts it. */
#define PHRASE_LIST(a) { a, 0, NULL, { 0 } }

/* Folds and cuts t's phrases. Not thread-safe: run it once (pthread_once)
 * before any thread matches. */
void phrase_table_build(phrase_table *t);

/* Folds s[0, n) into pt and cuts it into tokens. */
void phrase_text_set(phrase_text *pt, const char *s, size_t n);
void phrase_text_clear(phrase_text *pt);

/* The longest phrase of t starting at token i: tokens used (0: none) and
 * its index in *which (may be NULL). */
size_t phrase_match(const phrase_text *pt, size_t i, const phrase_table *t, size_t *which);
/* Phrase k of t at token i: tokens used, 0 if it does not match. */
size_t phrase_match_at(const phrase_text *pt, size_t i, const phrase_table *t, size_t k);
/* The longest phrase of t ending right before token i. */
size_t phrase_match_before(const phrase_text *pt, size_t i, const phrase_table *t,
			   size_t *which);

/* Token i is the folded word w. */
int phrase_tok_is(const phrase_text *pt, size_t i, const char *w);
/* Token i's value when it is a number of at most 6 digits, else -1. */
long phrase_tok_num(const phrase_text *pt, size_t i);
/* Token i is the punctuation c. */
int phrase_tok_punct(const phrase_text *pt, size_t i, char c);

#endif
