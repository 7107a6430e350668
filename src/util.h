/* util: file helpers (mkdir -p, a bounded whole-file read) and two small
 * macros. It includes xmalloc.h (allocation wrappers) and buf.h (the
 * growable buffer), which most of the program uses with it. */
#ifndef LECTERN_UTIL_H
#define LECTERN_UTIL_H

#include <stddef.h>

#include "buf.h"
#include "xmalloc.h"

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
