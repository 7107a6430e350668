/* tests/golden/conservation.c: the conservation rule (issue 9, §1) over
 * documents given as arguments: every word of the source is found in the
 * model's text (what --dump prints) or in meta.furniture's texts. Prints
 * TAP, one test per document, and the words lost per document.
 *
 * A word is a run of letters, digits and combining marks; invisible
 * format characters (U+00AD soft hyphen, U+200B …) inside it are skipped,
 * as the loader removes them. Words are counted: a source word that
 * occurs three times must occur three times in text and furniture
 * together. A word split by a line-end hyphen ("recom-" / "mendation")
 * is found as the joined word ("recommendation"), and so is a word split
 * by a stray space ("Est ado", two neighbours found as "Estado" and
 * neither alone). The printed numbers of
 * the nodes ("8.", "(a)") are in the text: --dump prints them. Superscript digits the
 * model makes of footnote marks ("Nations⁴") read as digits; control
 * pictures and bidi stand-ins are not letters, so they split words the
 * way the control characters they stand for do.
 *
 * Usage: conservation [-v] FILE...  (-v lists every word lost). */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "doc.h"
#include "parse.h"
#include "source.h"
#include "util.h"

typedef struct word {
	char *s;
	size_t line;		/* source line (1-based); 0 in the model */
	int hyph;		/* ends a line with a hyphen */
} word;

typedef struct words {
	word *w;
	size_t n, cap;
} words;

static void
words_push(words *ws, const char *s, size_t n, size_t line)
{
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? 2 * ws->cap : 256;
		ws->w = xrealloc(ws->w, ws->cap * sizeof *ws->w);
	}
	ws->w[ws->n].s = xstrndup(s, n);
	ws->w[ws->n].line = line;
	ws->w[ws->n++].hyph = 0;
}

static void
words_clear(words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->w[i].s);
	free(ws->w);
	ws->w = NULL;
	ws->n = ws->cap = 0;
}

static int
is_word_char(ucs4_t c)
{
	return uc_is_alpha(c) || uc_is_digit(c) || uc_is_general_category(c, UC_CATEGORY_M);
}

static int
is_hyphen(ucs4_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011 || c == 0xAD || c == 0xFFFE;
}

/* Appends the words of s[0, n) to ws; line counts from line0 at each
 * '\n' (0: no line numbers). */
static void
tokenize(words *ws, const char *s, size_t n, size_t line0)
{
	buf w;
	buf_init(&w);
	size_t line = line0;
	size_t wline = line;
	for (size_t i = 0; i <= n;) {
		ucs4_t c = 0;
		int k = 1;
		if (i < n)
			k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (c >= 0x2070 && c <= 0x2079 && c != 0x2071 && c != 0x2072 && c != 0x2073)
			c = '0' + (c - 0x2070);
		else if (c == 0xB9)
			c = '1';
		else if (c == 0xB2)
			c = '2';
		else if (c == 0xB3)
			c = '3';
		if (i < n && is_word_char(c)) {
			if (!w.len)
				wline = line;
			uint8_t tmp[6];
			int m = u8_uctomb(tmp, c, sizeof tmp);
			buf_add(&w, (const char *)tmp, (size_t)m);
		} else if (i < n && c != 0xAD && uc_is_general_category(c, UC_CATEGORY_Cf)) {
			;	/* invisible: the loader removes it */
		} else if (w.len) {
			words_push(ws, w.s, w.len, line0 ? wline : 0);
			/* "recom-" at a line end (spaces may follow) */
			if (i < n && is_hyphen(c)) {
				size_t j = i + (size_t)k;
				while (j < n && (s[j] == ' ' || s[j] == '\r'))
					j++;
				if (j >= n || s[j] == '\n')
					ws->w[ws->n - 1].hyph = 1;
			}
			w.len = 0;
		}
		if (i < n && c == '\n')
			line++;
		i += (size_t)k;
	}
	buf_clear(&w);
}

/* The model's words, sorted, with a count of uses. */
typedef struct bag {
	char **s;
	size_t *left;
	size_t n;
} bag;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
bag_make(bag *b, words *ws)
{
	char **all = xmalloc((ws->n ? ws->n : 1) * sizeof *all);
	for (size_t i = 0; i < ws->n; i++)
		all[i] = ws->w[i].s;
	qsort(all, ws->n, sizeof *all, cmp_str);
	b->s = xmalloc((ws->n ? ws->n : 1) * sizeof *b->s);
	b->left = xmalloc((ws->n ? ws->n : 1) * sizeof *b->left);
	b->n = 0;
	for (size_t i = 0; i < ws->n; i++) {
		if (b->n && strcmp(b->s[b->n - 1], all[i]) == 0) {
			b->left[b->n - 1]++;
			continue;
		}
		b->s[b->n] = all[i];
		b->left[b->n++] = 1;
	}
	free(all);
}

/* Takes one s from the bag; 0 if there is none left. */
static int
bag_take(bag *b, const char *s)
{
	char **at = bsearch(&s, b->s, b->n, sizeof *b->s, cmp_str);
	if (!at)
		return 0;
	size_t i = (size_t)(at - b->s);
	if (!b->left[i])
		return 0;
	b->left[i]--;
	return 1;
}

static int
check(const char *path, int num, int verbose, size_t *lost_total)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("not ok %d - %s: cannot open\n", num, path);
		return 1;
	}
	buf raw;
	buf_init(&raw);
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&raw, chunk, got);
	fclose(f);

	source src;
	char *err = NULL;
	if (source_load(path, &src, &err) != 0) {
		printf("not ok %d - %s: %s\n", num, path, err ? err : "load failed");
		free(err);
		buf_clear(&raw);
		return 1;
	}
	doc *d = parse_document(path, src.data, src.len, NULL);

	words out = { 0 }, in = { 0 };
	tokenize(&out, d->plain, d->plain_len, 0);
	/* --dump prints the printed numbers ("8.", "(a)") in the margin */
	for (size_t i = 0; i < d->nnodes; i++)
		if (d->nodes[i]->number)
			tokenize(&out, d->nodes[i]->number, strlen(d->nodes[i]->number), 0);
	for (size_t i = 0; i < d->meta.nfurniture; i++)
		tokenize(&out, d->meta.furniture[i].text, strlen(d->meta.furniture[i].text), 0);
	tokenize(&in, raw.s, raw.len, 1);
	bag b;
	bag_make(&b, &out);

	/* the joined words first, so that a piece found alone elsewhere
	 * does not take another's place */
	unsigned char *found = xmalloc(in.n ? in.n : 1);
	memset(found, 0, in.n ? in.n : 1);
	for (size_t i = 0; i + 1 < in.n; i++) {
		if (!in.w[i].hyph)
			continue;
		buf j;
		buf_init(&j);
		buf_adds(&j, in.w[i].s);
		buf_adds(&j, in.w[i + 1].s);
		if (bag_take(&b, j.s))
			found[i] = found[i + 1] = 1;
		buf_clear(&j);
	}
	for (size_t i = 0; i < in.n; i++)
		if (!found[i] && bag_take(&b, in.w[i].s))
			found[i] = 1;
	/* a word split by a stray space ("el Est ado"), which the parser
	 * joins: two neighbours of one line, neither found alone, found
	 * as one word */
	for (size_t i = 0; i + 1 < in.n; i++) {
		if (found[i] || found[i + 1] || in.w[i].line != in.w[i + 1].line)
			continue;
		buf j;
		buf_init(&j);
		buf_adds(&j, in.w[i].s);
		buf_adds(&j, in.w[i + 1].s);
		if (bag_take(&b, j.s))
			found[i] = found[i + 1] = 1;
		buf_clear(&j);
	}
	size_t lost = 0;
	for (size_t i = 0; i < in.n; i++) {
		if (found[i])
			continue;
		lost++;
		if (verbose || lost <= 5)
			printf("# %s:%zu: lost \"%s\"\n", path, in.w[i].line, in.w[i].s);
	}
	printf("%s %d - %s: %zu words, %zu lost\n", lost ? "not ok" : "ok", num, path,
	       in.n, lost);
	*lost_total += lost;
	free(found);
	free(b.s);
	free(b.left);
	words_clear(&out);
	words_clear(&in);
	doc_free(d);
	source_clear(&src);
	buf_clear(&raw);
	return lost != 0;
}

int
main(int argc, char **argv)
{
	int verbose = 0, a = 1;
	if (a < argc && strcmp(argv[a], "-v") == 0) {
		verbose = 1;
		a++;
	}
	printf("1..%d\n", argc - a);
	int bad = 0;
	size_t lost = 0;
	for (int i = a; i < argc; i++)
		bad += check(argv[i], i - a + 1, verbose, &lost);
	printf("# words lost: %zu in %d of %d documents\n", lost, bad, argc - a);
	return 0;
}
