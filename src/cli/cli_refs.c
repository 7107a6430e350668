/* cli_refs: lectern --refs (cli_refs.h). Every field goes out through
 * cli_out_field: file names and catalog titles come from outside. */
#include <build-config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_out.h"
#include "cli/cli_refs.h"
#include "doc_open.h"
#include "library.h"
#include "refs.h"

int
cli_refs_print(const doc *d, const catalog *c, FILE *out)
{
	ref_list *l = refs_find(d, c);
	for (size_t i = 0; i < l->n; i++) {
		const ref *r = &l->items[i];
		cli_out_field(out, d->name, strlen(d->name));
		putc('\t', out);
		fputs(r->block == REFS_META ? "meta" : d->blocks[r->block]->path, out);
		putc('\t', out);
		fputs(ref_kind_name(r->kind), out);
		putc('\t', out);
		cli_out_field(out, r->key, strlen(r->key));
		putc('\t', out);
		if (r->block == REFS_META)
			cli_out_field(out, d->meta.agenda[r->meta_index],
				      strlen(d->meta.agenda[r->meta_index]));
		else
			cli_out_field(out, d->plain + r->off, r->len);
		putc('\t', out);
		if (r->para)
			cli_out_field(out, r->para, strlen(r->para));
		putc('\t', out);
		if (r->title)
			cli_out_field(out, r->title, strlen(r->title));
		putc('\n', out);
	}
	refs_free(l);
	return ferror(out) ? -1 : 0;
}

typedef struct run_ctx {
	FILE *err;
	int problems;
} run_ctx;

static void
run_warn(void *ctx, const char *msg)
{
	run_ctx *c = ctx;
	cli_out_error(c->err, "%s", msg);
	c->problems++;
}

int
cli_refs_run(const char *const *paths, size_t npaths, const char *lang,
	     const catalog *cat, FILE *out, FILE *errout)
{
	run_ctx c = { errout, 0 };
	char **files;
	size_t n = library_walk(paths, npaths, run_warn, &c, &files);
	for (size_t i = 0; i < n; i++) {
		char *err = NULL;
		doc_open_options dopt = { .lang = lang };
		doc *d = doc_open(files[i], &dopt, NULL, &err);
		if (!d) {
			run_warn(&c, err ? err : files[i]);
			free(err);
			continue;
		}
		int rc = cli_refs_print(d, cat, out);
		doc_free(d);
		if (rc < 0)
			break;	/* write error: said below */
	}
	library_paths_free(files, n);
	if (fflush(out) == EOF || ferror(out)) {
		cli_out_error(errout, "write error: %s", strerror(errno));
		return 1;
	}
	return c.problems ? 1 : 0;
}
