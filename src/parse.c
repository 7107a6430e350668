/* parse: TEMPORARY: blank-line separated paragraphs; the parse owner
 * replaces it with the real parser. */
#include <build-config.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"
#include <stdio.h>
#include "util.h"

doc *
parse_document(const char *name, const char *text, size_t len, const parse_options *opt)
{
	(void)opt;
	doc *d = doc_new(name);
	size_t i = 0, k = 0;
	while (i < len) {
		buf b; buf_init(&b);
		while (i < len && text[i] != '\n') {
			size_t e = i; while (e < len && text[e] != '\n') e++;
			if (b.len) buf_addc(&b, ' ');
			buf_add(&b, text + i, e - i);
			i = e < len ? e + 1 : e;
		}
		while (i < len && text[i] == '\n') i++;
		if (b.len) {
			char id[32]; snprintf(id, sizeof id, "p%zu", ++k);
			node *nd = doc_add_node(d, NULL, NODE_PARAGRAPH, id, b.s, b.len);
			snprintf(id, sizeof id, "%zu", k);
			doc_set_number(nd, NULL, id);
			doc_set_label(nd, id);
		}
		buf_free(&b);
	}
	doc_finish(d);
	return d;
}
