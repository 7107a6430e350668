/* buf: a growable byte buffer over xmalloc.h (never fails). */
#ifndef LECTERN_BUF_H
#define LECTERN_BUF_H

#include <stddef.h>

/* A growable byte buffer: s is NULL until the first addition, then always
 * NUL-terminated at len. */
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
void buf_clear(buf *b);

#endif
