/* cli_info: a document's information as "key: value" lines, for lectern
 * --info and the reader's information overlay (one text, so the two never
 * disagree).
 *
 * Invariant: every line is "key: value\n" with a value in visible form
 * (text_visible_dup) and without '\n', so a script can split each line at
 * its first ": ". */
#include <build-config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_info.h"
#include "cli/cli_out.h"
#include "text.h"
#include "util.h"

/* "key: value\n", value made visible; nothing when value is NULL or "". */
static void
field(buf *b, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	char *v = text_visible_dup(value, strlen(value), NULL);
	buf_printf(b, "%s: %s\n", key, v);
	free(v);
}

static void
agenda(buf *b, const doc *d, const catalog *cat)
{
	const doc_meta *m = &d->meta;
	for (size_t i = 0; i < m->nagenda; i++) {
		const char *title = NULL;
		if (cat && m->session > 0) {
			char *key = xasprintf("A/%d item %s", m->session, m->agenda[i]);
			const catalog_entry *e = catalog_find(cat, key);
			free(key);
			if (e && m->lang)
				title = catalog_title(e, m->lang);
		}
		char *v = title ? xasprintf("%s: %s", m->agenda[i], title)
				: xstrdup(m->agenda[i]);
		field(b, "agenda item", v);
		free(v);
	}
}

char *
cli_info_text(const doc *d, const catalog *cat, const char *report)
{
	const doc_meta *m = &d->meta;
	buf b;
	buf_init(&b);
	char n[64];
	field(&b, "file", d->name);
	field(&b, "symbol", m->symbol);
	field(&b, "title", m->title);
	field(&b, "distribution", m->distribution);
	field(&b, "date", m->date);
	field(&b, "language", m->lang);
	field(&b, "original language", m->orig_lang);
	if (m->session > 0) {
		snprintf(n, sizeof n, "%d", m->session);
		field(&b, "session", n);
	}
	agenda(&b, d, cat);
	field(&b, "sender", m->sender);
	field(&b, "addressee", m->addressee);
	field(&b, "job number", m->job);
	if (m->npages) {
		snprintf(n, sizeof n, "%zu", m->npages);
		field(&b, "pages", n);
	}
	/* the count, then how many of each kind, in the order kinds first
	 * appear ("67 lines: 14 job-number, 14 running-header, …") */
	buf fb;
	buf_init(&fb);
	buf_printf(&fb, "%zu line%s", m->furniture_lines, m->furniture_lines == 1 ? "" : "s");
	const char *kinds[16];
	size_t counts[16], nk = 0;
	for (size_t i = 0; i < m->nfurniture; i++) {
		size_t j = 0;
		while (j < nk && strcmp(kinds[j], m->furniture[i].kind))
			j++;
		if (j == nk && nk < 16) {
			kinds[nk] = m->furniture[i].kind;
			counts[nk++] = 0;
		}
		if (j < nk)
			counts[j]++;
	}
	for (size_t j = 0; j < nk; j++)
		buf_printf(&fb, "%s%zu %s", j ? ", " : ": ", counts[j], kinds[j]);
	field(&b, "furniture removed", fb.s);
	buf_clear(&fb);
	if (m->invalid_bytes) {
		snprintf(n, sizeof n, "%zu", m->invalid_bytes);
		field(&b, "invalid bytes", n);
	}
	for (const char *s = report; s && *s;) {
		const char *e = strchr(s, '\n');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		const char *t = s;
		if (len >= 9 && !strncmp(t, "lectern: ", 9))
			t += 9;
		char *line = xstrndup(t, len - (size_t)(t - s));
		field(&b, "warning", line);
		free(line);
		s = e ? e + 1 : s + len;
	}
	char *out = buf_take(&b);
	return out ? out : xstrdup("");
}

int
cli_info_print(const doc *d, const catalog *cat, const char *report,
	       FILE *out, FILE *errout)
{
	char *t = cli_info_text(d, cat, report);
	int bad = fputs(t, out) == EOF;
	free(t);
	return cli_out_end(out, errout, bad, 0);
}
