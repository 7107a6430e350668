/* phrase: folded tokens and phrase tables (phrase.h). Tokens are cut on
 * the folded text; each keeps its original byte range through the fold's
 * map. A table is compiled once: each phrase folded and cut, and a hash
 * of the first bytes of its first token to skip most tokens fast. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "catalog.h"
#include "un/phrase.h"
#include "util.h"

/* A phrase of a table, folded and cut into tokens once. */
struct phrase_compiled {
	char *f;
	phrase_toks t;
};

/* Letters below U+0800 (Latin, Greek, Cyrillic) are looked up once:
 * 0 unknown, 1 letter, 2 not a letter. Racing writers store the same
 * value. */
static unsigned char alpha2[0x800];

static int
is_alpha(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c < 0x800) {
		unsigned char v = __atomic_load_n(&alpha2[c], __ATOMIC_RELAXED);
		if (!v) {
			v = uc_is_alpha(c) ? 1 : 2;
			__atomic_store_n(&alpha2[c], v, __ATOMIC_RELAXED);
		}
		return v == 1;
	}
	return uc_is_alpha(c);
}

static void
tokenize(const char *f, size_t flen, const size_t *map, const char *s,
	 size_t slen, phrase_toks *t)
{
	int space = 1;
	t->n = 0;
	for (size_t i = 0; i < flen;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, (const uint8_t *)f + i, flen - i);
		if (uc == ' ') {
			space = 1;
			i += k;
			continue;
		}
		size_t st = i;
		enum phrase_tok_type ty;
		if (uc >= '0' && uc <= '9') {
			ty = PHRASE_NUM;
			while (i < flen && f[i] >= '0' && f[i] <= '9')
				i++;
		} else if (is_alpha(uc)) {
			ty = PHRASE_WORD;
			i += k;
			while (i < flen) {
				ucs4_t c2;
				int k2 = u8_mbtouc(&c2, (const uint8_t *)f + i, flen - i);
				if (!is_alpha(c2))
					break;
				i += k2;
			}
		} else {
			ty = PHRASE_PUNCT;
			i += k;
		}
		xgrow((void **)&t->v, &t->cap, t->n + 1, sizeof *t->v);
		phrase_tok *tk = &t->v[t->n++];
		tk->type = ty;
		tk->fo = st;
		tk->fl = i - st;
		tk->space_before = space;
		if (map) {
			tk->so = map[st];
			size_t last = map[i - 1];
			tk->se = last + u8_mblen((const uint8_t *)s + last, slen - last);
			if (tk->se < last + 1)
				tk->se = last + 1;
		} else {
			tk->so = st;
			tk->se = i;
		}
		space = 0;
	}
}

/* A hash of a token's first two bytes (a Cyrillic letter is two bytes,
 * all starting with 0xD0 or 0xD1, so one byte would not filter). */
static unsigned
hash2(const char *f, size_t len)
{
	unsigned a = (unsigned char)f[0], b = len > 1 ? (unsigned char)f[1] : 0;
	return (a * 31u + b) & 1023u;
}

void
phrase_table_build(phrase_table *t)
{
	if (!t->n)
		while (t->p[t->n].text)
			t->n++;
	t->c = xcalloc(t->n ? t->n : 1, sizeof *t->c);
	for (size_t i = 0; i < t->n; i++) {
		struct phrase_compiled *c = &t->c[i];
		c->f = catalog_fold(t->p[i].text, strlen(t->p[i].text), NULL);
		tokenize(c->f, strlen(c->f), NULL, c->f, strlen(c->f), &c->t);
		if (c->t.n)
			t->first[hash2(c->f, c->t.v[0].fl)] = 1;
	}
}

void
phrase_text_set(phrase_text *pt, const char *s, size_t n)
{
	free(pt->f);
	free(pt->map);
	pt->f = catalog_fold(s, n, &pt->map);
	tokenize(pt->f, strlen(pt->f), pt->map, s, n, &pt->t);
}

void
phrase_text_clear(phrase_text *pt)
{
	free(pt->f);
	free(pt->map);
	free(pt->t.v);
	memset(pt, 0, sizeof *pt);
}

/* Matches phrase c at token i (spacing ignored). Returns tokens used. */
static size_t
match_at(const phrase_text *pt, size_t i, const struct phrase_compiled *c)
{
	if (c->t.n == 0 || i + c->t.n > pt->t.n)
		return 0;
	for (size_t k = 0; k < c->t.n; k++) {
		const phrase_tok *a = &pt->t.v[i + k], *b = &c->t.v[k];
		if (a->fl != b->fl || memcmp(pt->f + a->fo, c->f + b->fo, a->fl))
			return 0;
		/* "item" must not match the start of "items": tokens are
		 * whole words, so equal length is enough. */
	}
	return c->t.n;
}

size_t
phrase_match(const phrase_text *pt, size_t i, const phrase_table *t, size_t *which)
{
	size_t best = 0;
	if (i >= pt->t.n || !t->first[hash2(pt->f + pt->t.v[i].fo, pt->t.v[i].fl)])
		return 0;
	for (size_t k = 0; k < t->n; k++) {
		size_t m = match_at(pt, i, &t->c[k]);
		if (m > best) {
			best = m;
			if (which)
				*which = k;
		}
	}
	return best;
}

size_t
phrase_match_at(const phrase_text *pt, size_t i, const phrase_table *t, size_t k)
{
	return k < t->n ? match_at(pt, i, &t->c[k]) : 0;
}

size_t
phrase_match_before(const phrase_text *pt, size_t i, const phrase_table *t, size_t *which)
{
	size_t best = 0;
	for (size_t k = 0; k < t->n; k++) {
		size_t n = t->c[k].t.n;
		if (n == 0 || n > i)
			continue;
		if (match_at(pt, i - n, &t->c[k]) == n && n > best) {
			best = n;
			if (which)
				*which = k;
		}
	}
	return best;
}

int
phrase_tok_is(const phrase_text *pt, size_t i, const char *w)
{
	if (i >= pt->t.n)
		return 0;
	const phrase_tok *t = &pt->t.v[i];
	return t->fl == strlen(w) && memcmp(pt->f + t->fo, w, t->fl) == 0;
}

long
phrase_tok_num(const phrase_text *pt, size_t i)
{
	if (i >= pt->t.n)
		return -1;
	const phrase_tok *t = &pt->t.v[i];
	if (t->type != PHRASE_NUM || t->fl > 6)
		return -1;
	long v = 0;
	for (size_t k = 0; k < t->fl; k++)
		v = v * 10 + (pt->f[t->fo + k] - '0');
	return v;
}

int
phrase_tok_punct(const phrase_text *pt, size_t i, char c)
{
	return i < pt->t.n && pt->t.v[i].type == PHRASE_PUNCT && pt->t.v[i].fl == 1 &&
	       pt->f[pt->t.v[i].fo] == c;
}
