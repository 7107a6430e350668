/* doc_open: reading, cleaning and parsing a document file in one step
 * (doc_open.h). Invariant: every document lectern shows or indexes went
 * through source_load and parse_document with the same options, so the
 * command line, the index and the reader cannot disagree about a file. */
#include <build-config.h>

#include <stddef.h>

#include "doc_open.h"
#include "parse.h"
#include "source.h"

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
