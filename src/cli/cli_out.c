/* cli_out: visible output for the command line (cli_out.h). The one rule:
 * every byte the command line writes that did not come from a string
 * literal of lectern goes through text_visible_dup first. */
#include <build-config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_out.h"
#include "doc_open.h"
#include "text.h"

void
cli_out_add(buf *b, const char *s, size_t n)
{
	text_visible_add(b, s, n);
}

int
cli_out_write(FILE *out, const char *s, size_t n)
{
	buf v;
	buf_init(&v);
	cli_out_add(&v, s, n);
	int rc = !v.len || fwrite(v.s, 1, v.len, out) == v.len ? 0 : -1;
	buf_clear(&v);
	return rc;
}

/* Writes s[0, n) as text_visible_dup would have it, without the copy:
 * runs of safe text go out as they are (most fields are nothing else). */
static void
put_visible(FILE *out, const char *s, size_t n)
{
	while (n > 0) {
		size_t k = text_safe_run(s, n);
		if (k)
			fwrite(s, 1, k, out);
		if (k == n)
			break;
		char v[TEXT_VISIBLE_MAX];
		size_t len;
		size_t vn = text_visible(s + k, n - k, v, &len);
		fwrite(v, 1, vn, out);
		s += k + len;
		n -= k + len;
	}
}

void
cli_out_field(FILE *out, const char *s, size_t n)
{
	if (!s)
		return;
	while (n > 0) {
		size_t k = 0;
		while (k < n && s[k] != '\n' && s[k] != '\t' && s[k] != '\r')
			k++;
		put_visible(out, s, k);
		if (k == n)
			break;
		putc(' ', out);
		s += k + 1;
		n -= k + 1;
	}
}

static void
say(FILE *msg, const char *prefix, const char *suffix, const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		return;
	buf b;
	buf_init(&b);
	buf_adds(&b, prefix);
	cli_out_add(&b, s, strlen(s));
	buf_adds(&b, suffix);
	free(s);
	fwrite(b.s, 1, b.len, msg);
	buf_clear(&b);
}

void
cli_out_say(FILE *msg, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(msg, "", "", fmt, ap);
	va_end(ap);
}

void
cli_out_error(FILE *msg, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(msg, "lectern: ", "\n", fmt, ap);
	va_end(ap);
}

doc *
cli_out_open(const char *path, const char *lang, FILE *msg)
{
	char *report = NULL, *err = NULL;
	doc_open_options dopt = { .lang = lang, .report_prefix = "lectern: " };
	doc *d = doc_open(path, &dopt, &report, &err);
	if (!d) {
		cli_out_error(msg, "%s", err ? err : path);
		free(err);
		return NULL;
	}
	if (report)
		cli_out_say(msg, "%s", report);
	free(report);
	return d;
}

int
cli_out_end(FILE *out, FILE *msg, int failed, int status)
{
	if (fflush(out) == EOF || ferror(out) || failed) {
		cli_out_error(msg, "write error: %s", strerror(errno));
		return 1;
	}
	return status;
}
