/* util: file helpers (mkdir -p, bounded whole-file read; see util.h). */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

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
		buf_clear(&b);
		errno = e;
		return -1;
	}
	*len = b.len;
	*data = buf_take(&b);
	return 0;
}
