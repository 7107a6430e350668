/* testdoc: helpers shared by the notes tests and their C helpers: load and
 * parse a document file or a fixture, find a block by the start of its
 * text, remove a temporary directory. Header
 * only (static), so each test binary stays one file plus this. */
#ifndef LECTERN_TESTS_NOTES_TESTDOC_H
#define LECTERN_TESTS_NOTES_TESTDOC_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "parse.h"
#include "source.h"

/* Parses path; NULL (message on stderr) when it cannot be read. */
static inline doc *
testdoc_load(const char *path)
{
	source src;
	char *err = NULL;
	if (source_load(path, &src, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return NULL;
	}
	doc *d = parse_document(path, src.data, src.len, NULL);
	source_clear(&src);
	return d;
}

/* The first block whose text starts with start (NULL if none). */
static inline node *
testdoc_block(const doc *d, const char *start)
{
	size_t n = strlen(start);
	for (size_t i = 0; i < d->nblocks; i++) {
		node *b = d->blocks[i];
		if (b->len >= n && memcmp(d->plain + b->off, start, n) == 0)
			return b;
	}
	return NULL;
}

/* The path of the fixture <name> (caller frees): the bundled declaration
 * "cis-declaration-2020.txt" is "$top_srcdir/data/<name>" (the installed
 * text, not a copy); its variants (rewrapped.txt, edited.txt, removed.txt,
 * reordered.txt) are "$top_srcdir/tests/data/notes/<name>". */
static inline char *
testdoc_path(const char *name)
{
	const char *top = getenv("top_srcdir");
	const char *dir = strcmp(name, "cis-declaration-2020.txt") ? "tests/data/notes" : "data";
	size_t n = strlen(top ? top : ".") + strlen(dir) + strlen(name) + 3;
	char *p = malloc(n);
	snprintf(p, n, "%s/%s/%s", top ? top : ".", dir, name);
	return p;
}

/* Parses the fixture <name> (testdoc_path); NULL as testdoc_load. */
static inline doc *
testdoc_fixture(const char *name)
{
	char *p = testdoc_path(name);
	doc *d = testdoc_load(p);
	free(p);
	return d;
}

/* rm -rf dir (a mkdtemp directory of the test). Returns system()'s
 * status: 0 when removed. */
static inline int
testdoc_rmdir(const char *dir)
{
	size_t n = strlen(dir) + 16;
	char *cmd = malloc(n);
	snprintf(cmd, n, "rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

#endif
