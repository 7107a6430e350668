/* source: TEMPORARY minimal reader; the parse owner replaces it. */
#include <build-config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "source.h"
#include "util.h"

int
source_from_memory(const char *name, const char *bytes, size_t n, source *out, char **err)
{
	(void)err;
	memset(out, 0, sizeof *out);
	out->name = xstrdup(name);
	out->data = xstrndup(bytes, n);
	out->len = n;
	return 0;
}

int
source_load(const char *path, source *out, char **err)
{
	FILE *f = fopen(path, "rb");
	if (!f) { *err = xasprintf("%s: cannot open", path); return -1; }
	buf b; buf_init(&b);
	char tmp[65536]; size_t k;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) buf_add(&b, tmp, k);
	fclose(f);
	int rc = source_from_memory(path, b.s ? b.s : "", b.len, out, err);
	buf_free(&b);
	return rc;
}

void
source_free(source *s)
{
	free(s->name);
	free(s->data);
	memset(s, 0, sizeof *s);
}
