/* refs_print: prints what `lectern --refs FILE` prints (refs_cli_print),
 * for the golden tests until main.c has the option. Catalogs: the source
 * tree's data/ and the user's directory, as lectern loads them.
 * Usage: refs_print [--lang=LL] FILE  (exit 1 if FILE cannot be read). */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli/cli_refs.h"
#include "doc.h"
#include "parse.h"
#include "refs.h"
#include "source.h"

int
main(int argc, char **argv)
{
	const char *lang = NULL;
	int a = 1;
	if (a < argc && !strncmp(argv[a], "--lang=", 7))
		lang = argv[a++] + 7;
	if (a != argc - 1) {
		fputs("usage: refs_print [--lang=LL] FILE\n", stderr);
		return 2;
	}
	source src;
	char *err = NULL;
	if (source_load(argv[a], &src, &err) < 0) {
		fprintf(stderr, "refs_print: %s\n", err);
		free(err);
		return 1;
	}
	parse_options po = { .lang = lang };
	doc *d = parse_document(argv[a], src.data, src.len, &po);
	source_free(&src);
	char *warn = NULL;
	catalog *c = catalog_load_default(LECTERN_SRCDIR, &warn);
	if (warn) {
		fprintf(stderr, "refs_print: %s\n", warn);
		free(warn);
	}
	int rc = cli_refs_print(d, c, stdout);
	catalog_free(c);
	doc_free(d);
	return rc < 0 ? 1 : 0;
}
