/* test_un_cite: src/un/cite.c on a small hand-built document in Spanish
 * and English — a letter with two paragraphs and a numbered annex with a
 * paragraph and a sub-item: cite_format writes, cite_find reads back,
 * cite_of_path words a path the document no longer has, cite_crumb names
 * the breadcrumb steps. (tests/unit/test_parse.c runs the same functions
 * over the corpus.) */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc.h"
#include "un/cite.h"

static doc *
build(const char *lang)
{
	doc *d = doc_new("t");
	doc_meta_set(&d->meta.lang, lang);
	node *l = doc_add_node(d, NULL, NODE_LETTER, "letter", NULL, 0);
	node *p = doc_add_node(d, l, NODE_PARAGRAPH, "p1", "Tengo el honor.", 15);
	doc_set_number(p, NULL, "1");
	p = doc_add_node(d, l, NODE_PARAGRAPH, "p2", "Le agradecería.", 16);
	doc_set_number(p, NULL, "2");
	node *a = doc_add_node(d, NULL, NODE_ANNEX, "annex1", NULL, 0);
	doc_set_number(a, "I", "I");
	p = doc_add_node(d, a, NODE_PARAGRAPH, "p8", "8. Los Estados.", 15);
	doc_set_number(p, "8", "8");
	node *s = doc_add_node(d, p, NODE_SUBITEM, "b", "b) la cooperación", 17);
	doc_set_number(s, "b", "b");
	doc_finish(d);
	return d;
}

static void
expect_cite(const doc *d, const char *path, const char *want)
{
	node *nd = doc_find_path(d, path);
	assert_non_null(nd);
	char *c = cite_format(d, nd);
	assert_string_equal(c, want);
	/* read back to the same node */
	assert_ptr_equal(cite_find(d, NULL, c), nd);
	free(c);
}

static void
test_format_find(void **state)
{
	(void)state;
	doc *d = build("es");
	expect_cite(d, "annex1/p8", "Anexo I, párr. 8");
	expect_cite(d, "annex1/p8/b", "Anexo I, párr. 8 (b)");
	expect_cite(d, "letter/p2", "Carta, párr. 2");
	/* a bare number beside the clause being read */
	assert_ptr_equal(cite_find(d, doc_find_path(d, "letter/p1"), "2"),
			 doc_find_path(d, "letter/p2"));
	assert_null(cite_find(d, NULL, "Anexo IV, párr. 8"));
	doc_free(d);
	d = build("en");
	expect_cite(d, "annex1/p8", "Annex I, para. 8");
	/* any language is read */
	assert_ptr_equal(cite_find(d, NULL, "Anexo I, párr. 8"), doc_find_path(d, "annex1/p8"));
	doc_free(d);
}

static void
test_path_and_crumb(void **state)
{
	(void)state;
	doc *d = build("es");
	char *c = cite_of_path(d, "annex1/p9");	/* gone: its words */
	assert_string_equal(c, "Anexo I, párr. 9");
	free(c);
	c = cite_of_path(d, "");
	assert_string_equal(c, "—");
	free(c);
	c = cite_crumb(d, doc_find_path(d, "annex1"));
	assert_string_equal(c, "Anexo I");
	free(c);
	c = cite_crumb(d, doc_find_path(d, "letter"));
	assert_string_equal(c, "Carta");
	free(c);
	c = cite_crumb(d, doc_find_path(d, "annex1/p8/b"));
	assert_string_equal(c, "b");
	free(c);
	assert_null(cite_crumb(d, d->root));
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_find),
		cmocka_unit_test(test_path_and_crumb),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
