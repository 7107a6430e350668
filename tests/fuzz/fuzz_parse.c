/* fuzz_parse: libFuzzer harness over the whole pipeline a document goes
 * through: source (from memory: clean-up, encodings), parse, layout at two
 * widths, --dump/--outline/--json, references, anchors and search.
 *
 * Invariants checked beyond "no crash, no leak, no UB": every layout line
 * lies inside its block's text, and an anchor made on a span resolves. The
 * input is the document itself; its first byte also picks the options
 * (language detection or one language, split-word repair). */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anchor.h"
#include "catalog.h"
#include "doc.h"
#include "export.h"
#include "layout.h"
#include "parse.h"
#include "refs.h"
#include "cli/cli_refs.h"
#include "search.h"
#include "source.h"

static FILE *devnull;
static catalog *cat;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	char *w = NULL;
	/* the source tree's catalogs: libFuzzer builds name it; the replay in
	 * make check finds it through LECTERN_DATADIR (paths.h) */
#ifdef FUZZ_SRCDIR
	cat = catalog_load_default(FUZZ_SRCDIR, &w);
#else
	cat = catalog_load_default(NULL, &w);
#endif
	free(w);
	return 0;
}

static void
walk_layout(const doc *d, int width)
{
	layout *lo = layout_new(d, width);
	size_t total = layout_total_lines(lo);
	(void)total;
	for (size_t b = 0; b < d->nblocks; b++) {
		size_t n;
		const layout_line *l = layout_block(lo, b, &n);
		size_t len = d->blocks[b]->len;
		for (size_t i = 0; i < n; i++)
			if (l[i].start > l[i].end || l[i].end > len)
				abort();
	}
	layout_addr a = layout_first(lo);
	layout_step(lo, &a, 7);
	doc_pos p = layout_pos_of(lo, a);
	layout_addr_of(lo, p);
	layout_free(lo);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { NULL, "en", "es", "fr", "ru", NULL, NULL, NULL };
	unsigned opts = size ? data[0] : 0;
	source src;
	char *err = NULL;
	if (source_from_memory("fuzz", (const char *)data, size, &src, &err) < 0) {
		free(err);
		return 0;
	}
	char *report = source_report(&src, "fuzz: ");
	free(report);
	parse_options popt = { .lang = langs[opts & 7], .keep_splits = (opts >> 3) & 1 };
	doc *d = parse_document("fuzz", src.data, src.len, &popt);
	source_clear(&src);

	walk_layout(d, 10);
	walk_layout(d, 80);
	export_dump(d, 72, devnull);
	export_outline(d, devnull);
	export_json(d, devnull);

	ref_list *rl = refs_find(d, cat);
	refs_free(rl);
	cli_refs_print(d, cat, devnull);

	anchor_doc *ad = anchor_doc_new(d);
	if (d->nblocks) {
		const node *nd = d->blocks[d->nblocks / 2];
		anchor a;
		if (anchor_make_node(ad, nd, &a) == 0) {
			anchor_match m;
			anchor_resolve(ad, &a, &m);
			anchor_clear(&a);
		}
		if (anchor_make(ad, nd->off, nd->off + (nd->len > 40 ? 40 : nd->len), &a) == 0) {
			anchor_match m;
			anchor_resolve(ad, &a, &m);
			anchor_clear(&a);
		}
	}
	anchor_doc_free(ad);

	/* A query from the input's first word-ish bytes. */
	search *s = search_new(d);
	char q[24];
	size_t qn = 0;
	for (size_t i = 1; i < size && qn + 1 < sizeof q; i++) {
		if (data[i] == '\n')
			break;
		q[qn++] = (char)data[i];
	}
	q[qn] = '\0';
	search_match m;
	int wrapped;
	if (search_next(s, q, 0, SEARCH_FORWARD, &m, &wrapped) == 1)
		search_next(s, q, m.start, SEARCH_BACKWARD, &m, &wrapped);
	search_match out[8];
	search_matches(s, "the", 0, (size_t)-1, out, 8);
	search_free(s);
	doc_free(d);
	return 0;
}
