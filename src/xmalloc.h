/* xmalloc: allocation wrappers that never return NULL (the family tmux
 * names the same way). Allocation failure is the one error the program
 * does not recover from: it prints and aborts, so callers never test for
 * NULL. */
#ifndef LECTERN_XMALLOC_H
#define LECTERN_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *items (of elem bytes each) so that it holds at least need items;
 * *cap is updated. Amortised doubling. */
void xgrow(void **items, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
