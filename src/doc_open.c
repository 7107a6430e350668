/* doc_open: reading, cleaning and parsing a document file in one step
 * (doc_open.h). Invariant: every document lectern shows or indexes went
 * through source_load and parse_document with the same options, so the
 * command line, the index and the reader cannot disagree about a file. */
#include <build-config.h>

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "doc_open.h"
#include "parse.h"
#include "source.h"
#include "util.h"

/* The job's fields are written by the opening thread before the worker
 * starts and read by the worker; the worker writes only whole, then done
 * under the lock; the owner reads whole after the join. (A lock rather
 * than an atomic flag: helgrind and TSan see it.) */
struct doc_open_job {
	char *path;
	source src;
	char *lang;
	parse_options popt;
	size_t cut;
	pthread_t thread;
	int started;	/* a thread runs (to be joined) */
	pthread_mutex_t lock;	/* guards done */
	int done;	/* whole is set */
	doc *whole;
};

doc *
doc_open(const char *path, const doc_open_options *opt, char **report,
	 char **err)
{
	static const doc_open_options defaults = { 0 };
	if (!opt)
		opt = &defaults;
	if (report)
		*report = NULL;
	source src;
	if (source_load(path, &src, err) < 0)
		return NULL;
	if (report)
		*report = source_report(&src, opt->report_prefix ? opt->report_prefix : "");
	/* garbage would pass for some language: leave it unknown */
	parse_options popt = { .lang = opt->lang, .no_detect = src.garbled };
	doc *d = parse_document(path, src.data, src.len, &popt);
	d->meta.invalid_bytes = src.invalid_bytes;
	d->meta.encoding = src.encoding;
	d->meta.garbled = src.garbled;
	source_clear(&src);
	return d;
}

/* Where the first part ends: after the first blank line (else line end)
 * past DOC_OPEN_PREFIX, or 0 when the text is small or has none. */
static size_t
cut_at(const char *s, size_t n)
{
	if (n <= DOC_OPEN_LARGE)
		return 0;
	const char *p = memmem(s + DOC_OPEN_PREFIX, n - DOC_OPEN_PREFIX, "\n\n", 2);
	if (!p)
		p = memchr(s + DOC_OPEN_PREFIX, '\n', n - DOC_OPEN_PREFIX);
	if (!p || (size_t)(p - s) + 2 >= n)
		return 0;
	return (size_t)(p - s) + 1;
}

static void
parse_whole(doc_open_job *j)
{
	doc *d = parse_document(j->path, j->src.data, j->src.len, &j->popt);
	d->meta.invalid_bytes = j->src.invalid_bytes;
	d->meta.encoding = j->src.encoding;
	d->meta.garbled = j->src.garbled;
	j->whole = d;
	pthread_mutex_lock(&j->lock);
	j->done = 1;
	pthread_mutex_unlock(&j->lock);
}

static void *
worker(void *arg)
{
	parse_whole(arg);
	return NULL;
}

doc *
doc_open_first(const char *path, const doc_open_options *opt, char **report,
	       char **err, doc_open_job **rest)
{
	static const doc_open_options defaults = { 0 };
	if (!opt)
		opt = &defaults;
	*rest = NULL;
	if (report)
		*report = NULL;
	source src;
	if (source_load(path, &src, err) < 0)
		return NULL;
	if (report)
		*report = source_report(&src, opt->report_prefix ? opt->report_prefix : "");
	parse_options popt = { .lang = opt->lang, .no_detect = src.garbled };
	size_t cut = cut_at(src.data, src.len);
	if (!cut) {
		doc *d = parse_document(path, src.data, src.len, &popt);
		d->meta.invalid_bytes = src.invalid_bytes;
		d->meta.encoding = src.encoding;
		d->meta.garbled = src.garbled;
		source_clear(&src);
		return d;
	}
	/* The beginning in its own NUL-terminated copy, as source_load
	 * makes texts. */
	char *head = xmalloc(cut + 1);
	memcpy(head, src.data, cut);
	head[cut] = '\0';
	doc *d = parse_document(path, head, cut, &popt);
	free(head);
	d->meta.invalid_bytes = src.invalid_bytes;
	d->meta.encoding = src.encoding;
	d->meta.garbled = src.garbled;

	doc_open_job *j = xcalloc(1, sizeof *j);
	j->path = xstrdup(path);
	j->src = src;	/* the job owns the text now */
	j->lang = opt->lang ? xstrdup(opt->lang) : NULL;
	j->popt = popt;
	j->popt.lang = j->lang;
	j->cut = cut;
	pthread_mutex_init(&j->lock, NULL);
	*rest = j;
	return d;
}

void
doc_open_start(doc_open_job *j)
{
	if (j->started || doc_open_ready(j))
		return;
	if (pthread_create(&j->thread, NULL, worker, j) == 0)
		j->started = 1;
	else
		parse_whole(j);
}

int
doc_open_ready(doc_open_job *j)
{
	pthread_mutex_lock(&j->lock);
	int done = j->done;
	pthread_mutex_unlock(&j->lock);
	return done;
}

size_t
doc_open_total(const doc_open_job *j)
{
	return j->src.len;
}

size_t
doc_open_cut(const doc_open_job *j)
{
	return j->cut;
}

doc *
doc_open_finish(doc_open_job *j)
{
	if (j->started)
		pthread_join(j->thread, NULL);
	else if (!doc_open_ready(j))
		parse_whole(j);
	doc *d = j->whole;
	pthread_mutex_destroy(&j->lock);
	source_clear(&j->src);
	free(j->lang);
	free(j->path);
	free(j);
	return d;
}
