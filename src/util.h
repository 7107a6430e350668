/* util: allocation wrappers that never return NULL, and a growable byte
 * buffer. Allocation failure is the one error the program does not recover
 * from: it prints and aborts, so callers never test for NULL. */
#ifndef LECTERN_UTIL_H
#define LECTERN_UTIL_H

#include <stddef.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *items (of elem bytes each) so that it holds at least need items;
 * *cap is updated. Amortised doubling. */
void xgrow(void **items, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer; s is always NUL-terminated after any call. */
typedef struct buf {
	char *s;
	size_t len;
	size_t cap;
} buf;

void buf_init(buf *b);
void buf_add(buf *b, const char *s, size_t n);
void buf_adds(buf *b, const char *s);
void buf_addc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (who frees it) and resets the buffer. */
char *buf_take(buf *b);
void buf_free(buf *b);

/* mkdir -p of dir with mode 0700 (the notes and the library index are
 * private). Returns 0, or -1 with errno set and *err (may be NULL) a message
 * naming the part that failed ("X is not a directory", "cannot create
 * directory X: reason"); the caller frees *err. */
int util_mkdirs(const char *dir, char **err);

/* Reads the whole regular file path, at most max_bytes, into *data
 * (malloc'd, NUL-terminated; *len bytes without the NUL; the caller frees).
 * A FIFO, device, socket or directory is refused at once (the file is
 * opened without blocking, so a FIFO never stalls the program). Returns 0,
 * or -1 with errno set and *err = "PATH: reason" (caller frees). */
int util_read_file(const char *path, size_t max_bytes, char **data, size_t *len,
		   char **err);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The last index i in [0, n) of a sorted array whose key is <= v, or 0
 * when none is (ties: the last): KEY is an expression of the index
 * `mid_`, e.g. UTIL_LAST_LE(d->nblocks, off, d->blocks[mid_]->off). */
#define UTIL_LAST_LE(n, v, KEY) __extension__ ({			\
	size_t lo_ = 0, hi_ = (n);					\
	while (hi_ - lo_ > 1) {						\
		size_t mid_ = lo_ + (hi_ - lo_) / 2;			\
		if ((KEY) <= (v))					\
			lo_ = mid_;					\
		else							\
			hi_ = mid_;					\
	}								\
	lo_;								\
})

#endif
