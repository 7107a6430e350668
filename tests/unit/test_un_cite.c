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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc.h"
#include "parse.h"
#include "source.h"
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

/* Go-to is as forgiving as search: on the bundled declaration (a letter,
 * then an annex holding the declaration's paragraphs), case, accents,
 * periods and commas do not matter, and the words of every language are
 * read in full or abbreviated. */
static void
test_find_forgiving(void **state)
{
	(void)state;
	const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
	char path[2048];
	snprintf(path, sizeof path, "%s/data/cis-declaration-2020.txt", top);
	source src;
	char *err = NULL;
	assert_int_equal(source_load(path, &src, &err), 0);
	doc *d = parse_document(src.name, src.data, src.len, NULL);
	assert_non_null(d);
	/* the annex's paragraph 8, found by walking the tree */
	const node *want = NULL;
	for (size_t i = 0; i < d->nnodes && !want; i++) {
		const node *nd = d->nodes[i];
		if (nd->kind != NODE_PARAGRAPH || !nd->cite || strcmp(nd->cite, "8"))
			continue;
		for (const node *up = nd->parent; up; up = up->parent)
			if (up->kind == NODE_ANNEX)
				want = nd;
	}
	assert_non_null(want);
	const char *const asks[] = {
		"Anexo, párr. 8", "anexo parr 8", "anexo, parrafo 8", "anexo, parr. 8",
		"anexo, párr 8", "anexo párr. 8", "parrafo 8", "parr. 8", "annex para 8",
		"Annex paragraph 8", "ANEXO, PÁRRAFO 8", "Annexe, par. 8", "annexe paragraphe 8",
		"Приложение, п. 8", "приложение пункт 8", "op 8", "OP8", "operative paragraph 8",
		"Anexo, apartado 8",
	};
	for (size_t i = 0; i < sizeof asks / sizeof *asks; i++)
		if (cite_find(d, NULL, asks[i]) != want)
			fail_msg("'%s' does not find the annex's paragraph 8", asks[i]);
	assert_null(cite_find(d, NULL, "anexo parr 99"));
	assert_null(cite_find(d, NULL, "capitulo 8"));
	doc_free(d);
	source_clear(&src);
}

/* Units and preambular paragraphs: "pp 3", "PP3", "chap. 4", "Capítulo
 * IV" folded, "art 12" without its period. */
static void
test_find_units(void **state)
{
	(void)state;
	doc *d = doc_new("t");
	doc_meta_set(&d->meta.lang, "en");
	for (int i = 1; i <= 3; i++) {
		char id[8];
		snprintf(id, sizeof id, "pp%d", i);
		node *p = doc_add_node(d, NULL, NODE_PARAGRAPH, id, "Recalling.", 10);
		p->unit = UNIT_PREAMBLE;
		doc_set_number(p, NULL, id);
	}
	node *op = doc_add_node(d, NULL, NODE_PARAGRAPH, "p12", "12. Decides.", 12);
	doc_set_number(op, "12.", "12");
	node *ch = doc_add_node(d, NULL, NODE_SECTION, "chap4", "Chapter IV", 10);
	ch->unit = UNIT_CHAPTER;
	doc_set_number(ch, "IV", "4");
	node *art = doc_add_node(d, ch, NODE_SECTION, "art12", "Article 12", 10);
	art->unit = UNIT_ARTICLE;
	doc_set_number(art, "12", "12");
	doc_finish(d);
	node *pp3 = doc_find_path(d, "pp3");
	assert_non_null(pp3);
	assert_ptr_equal(cite_find(d, NULL, "pp 3"), pp3);
	assert_ptr_equal(cite_find(d, NULL, "PP3"), pp3);
	assert_ptr_equal(cite_find(d, NULL, "preambular para 3"), pp3);
	assert_ptr_equal(cite_find(d, NULL, "op 12"), op);
	assert_ptr_equal(cite_find(d, NULL, "OP12"), op);
	assert_ptr_equal(cite_find(d, NULL, "operative paragraph 12"), op);
	assert_ptr_equal(cite_find(d, NULL, "chap. 4"), ch);
	assert_ptr_equal(cite_find(d, NULL, "Chap 4"), ch);
	assert_ptr_equal(cite_find(d, NULL, "CAPÍTULO 4"), ch);
	assert_ptr_equal(cite_find(d, NULL, "capitulo 4"), ch);
	assert_ptr_equal(cite_find(d, NULL, "chapitre 4"), ch);
	assert_ptr_equal(cite_find(d, NULL, "art 12"), art);
	assert_ptr_equal(cite_find(d, NULL, "articulo 12"), art);
	assert_ptr_equal(cite_find(d, NULL, "Статья 12"), art);
	assert_ptr_equal(cite_find(d, NULL, "ст 12"), art);
	assert_null(cite_find(d, NULL, "chap. 5"));
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
		cmocka_unit_test(test_find_forgiving),
		cmocka_unit_test(test_find_units),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
