/* util: allocation wrappers and the growable buffer (see util.h). */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void
oom(size_t n)
{
	fprintf(stderr, "lectern: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		oom(count * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

void
xgrow(void **items, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 8;
	while (c < need)
		c *= 2;
	*items = xrealloc(*items, c * elem);
	*cap = c;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	buf b;
	va_list ap;
	buf_init(&b);
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return buf_take(&b);
	xgrow((void **)&b.s, &b.cap, (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b.len = (size_t)n;
	return buf_take(&b);
}

void
buf_init(buf *b)
{
	b->s = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_add(buf *b, const char *s, size_t n)
{
	xgrow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_adds(buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	xgrow((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_take(buf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	buf_init(b);
	return s;
}

void
buf_free(buf *b)
{
	free(b->s);
	buf_init(b);
}

int
util_mkdirs(const char *dir, char **err)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		struct stat st;
		if (stat(p, &st) == 0) {
			if (!S_ISDIR(st.st_mode)) {
				if (err)
					*err = xasprintf("%s is not a directory", p);
				errno = ENOTDIR;
				rc = -1;
				break;
			}
		} else if (errno != ENOENT || (mkdir(p, 0700) < 0 && errno != EEXIST)) {
			int e = errno;
			if (err)
				*err = xasprintf("cannot create directory %s: %s", p, strerror(e));
			errno = e;
			rc = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}

/* What a non-regular file is, for messages. */
static const char *
file_kind(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO (named pipe)";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

int
util_read_file(const char *path, size_t max_bytes, char **data, size_t *len, char **err)
{
	*data = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO without a writer would wait forever */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		int e = errno;
		*err = xasprintf("%s: cannot open: %s", path, strerror(e));
		errno = e;
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		*err = xasprintf("%s: cannot read: %s", path, strerror(e));
		close(fd);
		errno = e;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf("%s: is %s, not a regular file", path, file_kind(st.st_mode));
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;
	}
	buf b;
	buf_init(&b);
	char chunk[8192];
	int e = 0;
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			e = errno;
			*err = xasprintf("%s: cannot read: %s", path, strerror(e));
			break;
		}
		if (r == 0)
			break;
		if (b.len + (size_t)r > max_bytes) {
			e = EFBIG;
			*err = xasprintf("%s: too large (over %zu %s)", path,
					 max_bytes >= (1u << 20) ? max_bytes >> 20 : max_bytes,
					 max_bytes >= (1u << 20) ? "MiB" : "bytes");
			break;
		}
		buf_add(&b, chunk, (size_t)r);
	}
	close(fd);
	if (e) {
		buf_free(&b);
		errno = e;
		return -1;
	}
	*len = b.len;
	*data = buf_take(&b);
	return 0;
}
