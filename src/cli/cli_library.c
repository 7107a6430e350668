/* cli_library: lectern --list, and the progress line of a scan
 * (cli_library.h). Paths, titles and the index's messages come from
 * outside: all go out through cli_out. */
#include <build-config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli_library.h"
#include "cli/cli_out.h"
#include "library.h"

/* Shown once a scan has run this long, redrawn at most this often. */
#define METER_AFTER_NS 500000000LL
#define METER_EVERY_NS 100000000LL

static long long
now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

void
cli_library_meter_start(cli_library_meter *m, FILE *err)
{
	memset(m, 0, sizeof *m);
	m->err = err;
	m->tty = err && isatty(fileno(err));
	m->start_ns = now_ns();
}

void
cli_library_meter_step(cli_library_meter *m, size_t done, size_t total)
{
	if (!m->tty || !total)
		return;
	long long t = now_ns();
	if (t - m->start_ns < METER_AFTER_NS ||
	    (m->shown && t - m->last_ns < METER_EVERY_NS && done < total))
		return;
	fprintf(m->err, "\rlectern: indexing %zu/%zu documents", done, total);
	fflush(m->err);
	m->shown = 1;
	m->last_ns = t;
}

void
cli_library_meter_end(cli_library_meter *m)
{
	if (m->shown) {
		fputs("\r\033[K", m->err);	/* the line goes: messages follow */
		fflush(m->err);
	}
	m->shown = 0;
}

typedef struct list_ctx {
	FILE *err;
	int problems;
	cli_library_meter meter;
} list_ctx;

static void
list_warn(void *ctx, const char *msg)
{
	list_ctx *c = ctx;
	cli_library_meter_end(&c->meter);	/* not in the middle of it */
	cli_out_error(c->err, "%s", msg);
	c->problems++;
}

static void
list_progress(void *ctx, size_t done, size_t total)
{
	list_ctx *c = ctx;
	cli_library_meter_step(&c->meter, done, total);
}

static void
field(FILE *out, const char *s)
{
	if (s)
		cli_out_field(out, s, strlen(s));
}

int
cli_library_list(const char *const *paths, size_t npaths, const char *db_path,
		 const char *lang, const catalog *cat, FILE *out, FILE *errout)
{
	list_ctx c = { errout, 0, { 0 } };
	library_options opt = { .db_path = db_path, .lang = lang, .catalog = cat,
				.warn = list_warn, .progress = list_progress,
				.warn_ctx = &c };
	char *msg = NULL;
	library *lib = library_open(&opt, &msg);
	if (msg) {
		cli_out_error(errout, "%s", msg);
		free(msg);
	}
	library_stats st;
	cli_library_meter_start(&c.meter, errout);
	int rc = library_scan(lib, paths, npaths, &st, &msg);
	cli_library_meter_end(&c.meter);
	if (rc < 0) {
		cli_out_error(errout, "%s", msg);
		free(msg);
		library_free(lib);
		return 1;
	}
	/* Only files and paths make the status: an index that had to be
	 * replaced by a temporary one still gives the whole listing. */
	int status = st.failed || st.missing_roots || st.dirs_failed ? 1 : 0;
	library_doc *docs;
	size_t n = library_list(lib, LIBRARY_SORT_SYMBOL, &docs, &msg);
	if (n == (size_t)-1) {
		cli_out_error(errout, "%s", msg);
		free(msg);
		library_free(lib);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		if (docs[i].error)
			continue;	/* warned by the scan */
		field(out, docs[i].path);
		fputc('\t', out);
		field(out, docs[i].symbol);
		fputc('\t', out);
		field(out, docs[i].date);
		fputc('\t', out);
		field(out, docs[i].lang);
		fputc('\t', out);
		field(out, docs[i].title);
		fputc('\n', out);
	}
	library_docs_free(docs, n);
	library_free(lib);
	return cli_out_end(out, errout, 0, status);
}
