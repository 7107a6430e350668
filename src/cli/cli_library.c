/* cli_library: lectern --list (cli_library.h). Paths, titles and the
 * index's messages come from outside: all go out through cli_out. */
#include <build-config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_library.h"
#include "cli/cli_out.h"
#include "library.h"

typedef struct list_ctx {
	FILE *err;
	int problems;
} list_ctx;

static void
list_warn(void *ctx, const char *msg)
{
	list_ctx *c = ctx;
	cli_out_error(c->err, "%s", msg);
	c->problems++;
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
	list_ctx c = { errout, 0 };
	library_options opt = { .db_path = db_path, .lang = lang, .catalog = cat,
				.warn = list_warn, .warn_ctx = &c };
	char *msg = NULL;
	library *lib = library_open(&opt, &msg);
	if (msg) {
		cli_out_error(errout, "%s", msg);
		free(msg);
	}
	library_stats st;
	if (library_scan(lib, paths, npaths, &st, &msg) < 0) {
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
	if (fflush(out) == EOF || ferror(out)) {
		cli_out_error(errout, "write error: %s", strerror(errno));
		return 1;
	}
	return status;
}
