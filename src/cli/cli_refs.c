/* cli_refs: lectern --refs (cli_refs.h). Every field goes out through
 * cli_out_field: file names and catalog titles come from outside.
 *
 * A document's lines are printed by one function (print_ref) whether
 * they come from a parse (cli_refs_print) or from the library index
 * (library_refs_of): the two outputs cannot drift apart. */
#include <build-config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli_library.h"
#include "cli/cli_out.h"
#include "cli/cli_refs.h"
#include "doc_open.h"
#include "library.h"
#include "refs.h"
#include "util.h"

static void
field(FILE *out, const char *s)
{
	if (s)
		cli_out_field(out, s, strlen(s));
}

/* One line: document, node path, kind, key, text, paragraph, title. */
static void
print_ref(FILE *out, const char *name, const char *path, const char *kind,
	  const char *key, const char *text, size_t text_len, const char *para,
	  const char *title)
{
	field(out, name);
	putc('\t', out);
	fputs(path, out);
	putc('\t', out);
	fputs(kind, out);
	putc('\t', out);
	field(out, key);
	putc('\t', out);
	cli_out_field(out, text, text_len);
	putc('\t', out);
	field(out, para);
	putc('\t', out);
	field(out, title);
	putc('\n', out);
}

int
cli_refs_print(const doc *d, const catalog *c, FILE *out)
{
	ref_list *l = refs_find(d, c);
	for (size_t i = 0; i < l->n; i++) {
		const ref *r = &l->items[i];
		const char *text = r->block == REFS_META ?
			d->meta.agenda[r->meta_index] : d->plain + r->off;
		print_ref(out, d->name,
			  r->block == REFS_META ? "meta" : d->blocks[r->block]->path,
			  refs_kind_name(r->kind), r->key, text,
			  r->block == REFS_META ? strlen(text) : r->len, r->para, r->title);
	}
	refs_free(l);
	return ferror(out) ? -1 : 0;
}

typedef struct run_ctx {
	FILE *err;
	int problems;
	cli_library_meter meter;
} run_ctx;

static void
run_warn(void *ctx, const char *msg)
{
	run_ctx *c = ctx;
	cli_out_error(c->err, "%s", msg);
	c->problems++;
}

static void
run_progress(void *ctx, size_t done, size_t total)
{
	run_ctx *c = ctx;
	cli_library_meter_step(&c->meter, done, total);
}

/* The library of the directories among the roots, scanned so that its
 * index is up to date; NULL when there is none worth asking: no directory,
 * or no index file (a temporary one would cost what it saves). A file
 * named alone is parsed: one parse is what indexing it would cost, and
 * the index is not filled with every file ever looked at. Quiet: the walk
 * and the parse of each file say what is wrong, as without an index. */
static library *
open_library(const char *const *paths, size_t npaths, const char *db_path,
	     const char *lang, const catalog *cat, run_ctx *c)
{
	const char **roots = xcalloc(npaths + 1, sizeof *roots);
	size_t nroots = 0;
	for (size_t i = 0; i < npaths; i++) {
		struct stat sb;
		if (stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			roots[nroots++] = paths[i];
	}
	library *lib = NULL;
	if (nroots) {
		library_options opt = { .db_path = db_path, .lang = lang, .catalog = cat,
					.progress = run_progress, .warn_ctx = c };
		char *msg = NULL;
		lib = library_open(&opt, &msg);
		if (msg) {
			free(msg);
			library_free(lib);
			lib = NULL;
		}
	}
	if (lib) {
		char *msg = NULL;
		cli_library_meter_start(&c->meter, c->err);
		int rc = library_scan(lib, roots, nroots, NULL, &msg);
		cli_library_meter_end(&c->meter);
		if (rc < 0) {
			free(msg);
			library_free(lib);
			lib = NULL;
		}
	}
	free(roots);
	return lib;
}

/* The lines of one file from the index; 1 printed, 0 not there. */
static int
print_indexed(library *lib, const char *name, const char *index_path, FILE *out)
{
	library_ref *r;
	size_t n;
	char *err = NULL;
	if (library_refs_of(lib, index_path, &r, &n, &err) <= 0) {
		free(err);	/* parsed instead: the answer is the same */
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		print_ref(out, name, r[i].path, r[i].kind, r[i].key, r[i].text,
			  r[i].text_len, r[i].para, r[i].title);
	library_refs_free(r, n);
	return 1;
}

int
cli_refs_run(const char *const *paths, size_t npaths, const char *db_path,
	     const char *lang, const catalog *cat, FILE *out, FILE *errout)
{
	run_ctx c = { errout, 0, { 0 } };
	char **files, **names;
	size_t n = library_walk(paths, npaths, run_warn, &c, &files, &names);
	library *lib = n ? open_library(paths, npaths, db_path, lang, cat, &c) : NULL;
	for (size_t i = 0; i < n; i++) {
		if (lib && names[i] && print_indexed(lib, files[i], names[i], out)) {
			if (ferror(out))
				break;
			continue;
		}
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
	library_free(lib);
	library_paths_free(files, n);
	library_paths_free(names, n);
	return cli_out_end(out, errout, 0, c.problems ? 1 : 0);
}
