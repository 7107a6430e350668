/* parse/arena.c: the parser's large memory. Large arrays (the line
 * records, the page numbers) are mapped apart from the heap so that
 * freeing them gives them back at once; block texts are cut from chunks
 * of their own, two arenas (body and footnotes), so that a chunk goes
 * back to the system as soon as its texts have been copied into
 * doc->plain. A text is either in a chunk or from malloc;
 * arena_text_free tells which. */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "parse/parse_impl.h"

/* ---------- large arrays ---------- */

/* Zeroed memory for a large array, mapped apart from the heap so that
 * freeing it gives it back at once (malloc's heap keeps freed memory, and
 * after a large free it serves even multi-megabyte requests from the
 * heap). Never NULL (aborts as xmalloc does); free with arena_big_free(ptr,
 * the same size). */
#define BIG_MIN ((size_t)256 << 10)	/* smaller arrays come from malloc */

void *
arena_big_alloc(size_t n)
{
	if (n < BIG_MIN)
		return xcalloc(1, n ? n : 1);
	void *m = mmap(NULL, n, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		/* as xmalloc does (xmalloc.c) */
		fprintf(stderr, "lectern: out of memory (%zu bytes)\n", n);
		abort();
	}
	return m;
}

void
arena_big_free(void *m, size_t n)
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
char *
arena_text_new(parser *p, size_t n, int a)
{
	txchunk *c = p->txcur[a] ? &p->tx[p->txcur[a] - 1] : NULL;
	if (!c || c->used + n > c->size) {
		size_t size = n > TXT_CHUNK ? n : TXT_CHUNK;
		char *base = mmap(NULL, size, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (base == MAP_FAILED)
			return xmalloc(n);	/* arena_text_free will free() it */
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

/* Releases a text from arena_text_new or malloc; a chunk with no texts left
 * (and no longer being filled) is unmapped. */
void
arena_text_free(parser *p, char *s)
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
	arena_text_free(p, s);
	return m;
}

/* t's text gets sep and s[0, n) at its end; t now ends at source line
 * last_line (a title's second line, a row's last cell). */
void
arena_text_append(parser *p, tnode *t, char sep, const char *s, size_t n, size_t last_line)
{
	size_t nl = t->len + 1 + n;
	t->text = txt_grow(p, t->text, t->len, nl + 1);
	t->text[t->len] = sep;
	memcpy(t->text + t->len + 1, s, n);
	t->text[nl] = '\0';
	t->len = nl;
	t->l1 = last_line;
}

void
arena_clear(parser *p)
{
	for (size_t i = 0; i < p->ntx; i++)
		if (p->tx[i].base)
			munmap(p->tx[i].base, p->tx[i].size);
	free(p->tx);
	p->tx = NULL;
	p->ntx = p->txcap = 0;
	p->txcur[0] = p->txcur[1] = 0;
}
