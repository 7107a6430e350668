/* test_compare: --compare's model (compare.h) and summary (cli_compare.h)
 * on small resolutions parsed from text: a paragraph added, deleted,
 * renumbered, moved, split and merged, a word diff, footnote marks and
 * spaces that are no change, preambular and operative parts kept apart;
 * and --parallel's alignment (align.h) on the two corpus language pairs
 * and on built trees (a split paragraph, a clause without partner). */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "align.h"
#include "cli/cli_compare.h"
#include "cli/cli_parallel.h"
#include "compare.h"
#include "doc.h"
#include "doc_open.h"
#include "parse.h"
#include "util.h"

static const char *pre =
	"The General Assembly,\n\n"
	"Recalling its resolution 70/1 of 25 September 2015 on the sustainable "
	"development goals,\n\n"
	"Noting with appreciation the report of the Secretary-General on the "
	"question,\n\n";

/* Operative clauses of the tests, by letter. */
static const char *clause(char c)
{
	switch (c) {
	case 'A': return "Decides to establish a working group on apples and "
			 "oranges grown in the region;";
	case 'B': return "Requests the Secretary-General to report on the supply "
			 "of bananas at its next session;";
	case 'C': return "Invites Member States to consider the situation of "
			 "cherries and plums in their territories;";
	case 'D': return "Decides to remain seized of the matter.";
	case 'E': return "Encourages regional organizations to share their data "
			 "on the harvest of grapes with the working group;";
	case 'F': return "Requests the Secretary-General to report on the supply "
			 "of bananas at its next session, and encourages regional "
			 "organizations to share their data on the harvest of "
			 "grapes with the working group;";
	case 'G': return "Invites Member States to consider the situation of "
			 "cherries, plums and pears in their territories;";
	default: return "";
	}
}

/* A resolution whose operative paragraphs are the clauses named by ops,
 * numbered 1, 2, … in that order. */
static doc *
resolution(const char *ops)
{
	buf b;
	buf_init(&b);
	buf_adds(&b, pre);
	for (size_t i = 0; ops[i]; i++)
		buf_printf(&b, "%zu. %s\n\n", i + 1, clause(ops[i]));
	doc *d = parse_document("t", b.s, b.len, NULL);
	buf_clear(&b);
	return d;
}

static doc *last_old, *last_new;	/* of the result kept by summary_of */

/* The summary of old_ops against new_ops; with keep, the result is kept
 * for the caller, who frees it with done(). */
static char *
summary_of(const char *old_ops, const char *new_ops, compare_result **keep)
{
	doc *a = resolution(old_ops), *b = resolution(new_ops);
	compare_result *r = compare_docs(a, b);
	char *s = cli_compare_summary(r);
	if (keep) {
		*keep = r;
		last_old = a;
		last_new = b;
		return s;
	}
	compare_free(r);
	doc_free(a);
	doc_free(b);
	return s;
}

static void
done(compare_result *r)
{
	compare_free(r);
	doc_free(last_old);
	doc_free(last_new);
}

static void
test_identical(void **state)
{
	(void)state;
	char *s = summary_of("ABCD", "ABCD", NULL);
	assert_string_equal(s, "7 unchanged");	/* the heading, 2 pp., 4 op. */
	free(s);
}

static void
test_added_renumbered(void **state)
{
	(void)state;
	char *s = summary_of("ABCD", "EABCD", NULL);
	assert_string_equal(s, "op. 1 added, op. 1-4 renumbered to 2-5, 3 unchanged");
	free(s);
}

static void
test_deleted(void **state)
{
	(void)state;
	char *s = summary_of("ABCD", "ABD", NULL);
	assert_string_equal(s, "op. 3 deleted, op. 4 renumbered to 3, 5 unchanged");
	free(s);
}

static void
test_moved(void **state)
{
	(void)state;
	compare_result *r;
	char *s = summary_of("ABCD", "ACDB", &r);
	/* B left the order; C and D only changed number */
	assert_string_equal(s, "op. 2 moved to 4, op. 3-4 renumbered to 2-3, 4 unchanged");
	assert_int_equal(r->count[COMPARE_MOVED], 1);
	for (size_t i = 0; i < r->n; i++)
		if (r->entries[i].kind == COMPARE_MOVED) {
			assert_string_equal(r->entries[i].old[0]->number, "2");
			assert_string_equal(r->entries[i].new[0]->number, "4");
			assert_true(r->entries[i].same_words);
		}
	free(s);
	done(r);
}

static void
test_changed(void **state)
{
	(void)state;
	compare_result *r;
	char *s = summary_of("ABCD", "ABGD", &r);
	assert_string_equal(s, "op. 3 changed, 6 unchanged");
	free(s);
	for (size_t i = 0; i < r->n; i++) {
		if (r->entries[i].kind != COMPARE_CHANGED)
			continue;
		assert_false(r->entries[i].same_words);
		assert_true(r->entries[i].similarity > 0.8);
	}
	done(r);
}

static void
test_split(void **state)
{
	(void)state;
	compare_result *r;
	char *s = summary_of("AFCD", "ABECD", &r);
	assert_string_equal(s, "op. 2 split into op. 2 and op. 3, "
			       "op. 3-4 renumbered to 4-5, 4 unchanged");
	assert_int_equal(r->count[COMPARE_SPLIT], 1);
	assert_int_equal(r->count[COMPARE_ADDED], 0);
	assert_int_equal(r->count[COMPARE_DELETED], 0);
	free(s);
	done(r);
}

static void
test_merged(void **state)
{
	(void)state;
	compare_result *r;
	char *s = summary_of("ABECD", "AFCD", &r);
	assert_string_equal(s, "op. 2 and op. 3 merged into op. 2, "
			       "op. 4-5 renumbered to 3-4, 4 unchanged");
	assert_int_equal(r->count[COMPARE_MERGED], 1);
	assert_int_equal(r->count[COMPARE_ADDED] + r->count[COMPARE_DELETED], 0);
	free(s);
	done(r);
}

/* A preambular paragraph and an operative one with the same words are
 * not matched with each other. */
static void
test_parts_apart(void **state)
{
	(void)state;
	const char *a = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n"
			"1. Decides to remain seized of the matter.\n";
	const char *b = "The General Assembly,\n\nDecides to remain seized of the matter,\n\n"
			"1. Recalling its resolution 70/1.\n";
	doc *x = parse_document("a", a, strlen(a), NULL);
	doc *y = parse_document("b", b, strlen(b), NULL);
	compare_result *r = compare_docs(x, y);
	for (size_t i = 0; i < r->n; i++) {
		const compare_entry *e = &r->entries[i];
		if (e->nold && e->nnew)
			assert_int_equal(e->old[0]->unit == UNIT_PREAMBLE,
					 e->new[0]->unit == UNIT_PREAMBLE);
	}
	assert_int_equal(r->count[COMPARE_ADDED], 2);
	assert_int_equal(r->count[COMPARE_DELETED], 2);
	compare_free(r);
	doc_free(x);
	doc_free(y);
}

static char *
diff_of(const char *a, const char *b)
{
	compare_word *w;
	size_t n = compare_words(a, strlen(a), b, strlen(b), &w);
	buf t;
	buf_init(&t);
	for (size_t i = 0; i < n; i++) {
		static const char op[] = "=-+";
		buf_printf(&t, "%s%c%.*s", i ? " " : "", op[w[i].op], (int)w[i].n, w[i].s);
	}
	free(w);
	return buf_take(&t);
}

static void
test_words(void **state)
{
	(void)state;
	char *s = diff_of("the quick brown fox jumps", "the slow brown fox jumps high");
	assert_string_equal(s, "=the -quick +slow =brown =fox =jumps +high");
	free(s);
	/* folding: quotes, dashes, ligatures, soft hyphens are no change */
	s = diff_of("the \u201cfinal\u201d report \u2013 2025", "the \"\uFB01nal\" report - 20\u00AD25");
	assert_string_equal(s, "=the =\"\uFB01nal\" =report =- =20\u00AD25");
	free(s);
	s = diff_of("", "new words");
	assert_string_equal(s, "+new +words");
	free(s);
	s = diff_of("old words", "");
	assert_string_equal(s, "-old -words");
	free(s);
	/* deletions come before the insertions that replace them */
	s = diff_of("a b c d e", "a x y d z");
	assert_string_equal(s, "=a -b -c +x +y =d -e +z");
	free(s);
}

/* Two extractions: a footnote mark glued or apart, superscript or not;
 * line breaks; a hyphenated line end; a space after a hyphen. */
static void
test_extraction_same(void **state)
{
	(void)state;
	const char *a = "1. JS7 noted this in this regard.\u2074 JS7 recommended the\n"
			"Capacity-Building Portal.\u2075 It was welcomed by all of "
			"the delegations.\n";
	const char *b = "1. JS7 noted this in this\nregard. 4 JS7 recommended the "
			"Capacity-\nBuilding Portal.5 It was welcomed by all of the\n"
			"delegations.\n";
	const char *c = "1. JS7 noted this in this regard.4 JS7 recommended the\n"
			"Capacity- Building Portal. 5 It was welcomed by all of the\n"
			"delegations.\n";
	doc *x = parse_document("a", a, strlen(a), NULL);
	doc *y = parse_document("b", b, strlen(b), NULL);
	doc *z = parse_document("c", c, strlen(c), NULL);
	compare_result *r = compare_docs(x, y);
	assert_int_equal(r->n, 1);
	assert_int_equal(r->count[COMPARE_UNCHANGED], 1);
	compare_free(r);
	r = compare_docs(z, x);
	assert_int_equal(r->n, 1);
	assert_int_equal(r->count[COMPARE_UNCHANGED], 1);
	compare_free(r);
	/* but a word more is a change */
	const char *d = "1. JS7 noted this in this regard. 4 JS7 recommended the "
			"Capacity-Building Portal.5 It was welcomed by all of the\n"
			"other delegations.\n";
	doc *w = parse_document("d", d, strlen(d), NULL);
	r = compare_docs(x, w);
	assert_int_equal(r->count[COMPARE_CHANGED], 1);
	compare_free(r);
	doc_free(w);
	doc_free(x);
	doc_free(y);
	doc_free(z);
}

/* ---- align ------------------------------------------------------------ */

static doc *
open_corpus(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *p = xasprintf("%s/tests/data/parse/corpus/%s", top ? top : ".", name);
	char *err = NULL;
	doc *d = doc_open(p, NULL, NULL, &err);
	if (!d)
		fail_msg("%s", err);
	free(p);
	return d;
}

static void
check_pair(const char *l, const char *r, size_t numbered_min)
{
	doc *a = open_corpus(l), *b = open_corpus(r);
	align_result *res = align_docs(a, b);
	cli_parallel_figures f;
	cli_parallel_count(res, &f);
	assert_true(f.numbered >= numbered_min);
	assert_int_equal(f.numbered_same, f.numbered);	/* 0 errors */
	/* every node but the roots, once */
	size_t seen = 0;
	for (size_t i = 0; i < res->n; i++)
		seen += res->pairs[i].nleft + res->pairs[i].nright;
	assert_int_equal(seen, a->nnodes - 1 + b->nnodes - 1);
	align_free(res);
	doc_free(a);
	doc_free(b);
}

static void
test_align_corpus(void **state)
{
	(void)state;
	check_pair("en_A_HRC_WG.6_34_ITA_3.txt", "ru_A_HRC_WG.6_34_ITA_3.txt", 94);
	check_pair("en_A_HRC_WG.6_7_ITA_1.txt", "fr_A_HRC_WG.6_7_ITA_1.txt", 138);
}

static node *
para(doc *d, const char *id, const char *number, size_t len, char fill)
{
	char *t = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++)
		t[i] = i % 6 == 5 ? ' ' : fill;
	t[len] = 0;
	node *n = doc_add_node(d, NULL, NODE_PARAGRAPH, id, t, len);
	if (number)
		doc_set_number(n, number, number);
	free(t);
	return n;
}

/* One paragraph split in two on the right: a 1-2 pair, and what follows
 * still pairs 1-1. A numbered paragraph with no partner: a gap. */
static void
test_align_split_gap(void **state)
{
	(void)state;
	doc *l = doc_new("l"), *r = doc_new("r");
	para(l, "u1", NULL, 400, 'a');
	para(l, "u2", NULL, 150, 'b');
	para(l, "p1", "1.", 300, 'c');
	para(l, "p2", "2.", 300, 'd');
	para(l, "p3", "3.", 300, 'e');
	para(r, "u1", NULL, 210, 'x');
	para(r, "u2", NULL, 200, 'y');
	para(r, "u3", NULL, 160, 'z');
	para(r, "p1", "1.", 310, 'c');
	para(r, "p3", "3.", 290, 'e');
	doc_finish(l);
	doc_finish(r);
	align_result *res = align_docs(l, r);
	assert_int_equal(res->n, 5);
	const align_pair *p = res->pairs;
	assert_int_equal(p[0].nleft, 1);
	assert_int_equal(p[0].nright, 2);
	assert_string_equal(p[0].left[0]->path, "u1");
	assert_string_equal(p[0].right[1]->path, "u2");
	assert_string_equal(p[1].left[0]->path, "u2");
	assert_string_equal(p[1].right[0]->path, "u3");
	assert_int_equal(p[2].how, ALIGN_NUMBER);
	assert_int_equal(p[3].nright, 0);	/* 2. against a gap */
	assert_string_equal(p[3].left[0]->path, "p2");
	assert_string_equal(p[4].right[0]->path, "p3");
	for (size_t i = 0; i < res->n; i++)
		assert_true(p[i].confidence >= 0 && p[i].confidence <= 1);
	assert_true(p[2].confidence > p[1].confidence);
	align_free(res);
	doc_free(l);
	doc_free(r);
}

/* Trees that differ (the paragraphs in a section on the left, at the
 * top on the right): the second pass pairs them by number all the same. */
static void
test_align_regap(void **state)
{
	(void)state;
	doc *l = doc_new("l"), *r = doc_new("r");
	node *sec = doc_add_node(l, NULL, NODE_SECTION, "s1", "Background", 10);
	doc_set_number(sec, "I.", "I");
	for (int i = 1; i <= 3; i++) {
		char id[8], num[8];
		snprintf(id, sizeof id, "p%d", i);
		snprintf(num, sizeof num, "%d.", i);
		node *p = doc_add_node(l, sec, NODE_PARAGRAPH, id, "some words of text", 18);
		doc_set_number(p, num, num);
	}
	doc_add_node(r, NULL, NODE_HEADING, "h1", "Contexte", 8);
	for (int i = 1; i <= 3; i++) {
		char id[8], num[8];
		snprintf(id, sizeof id, "p%d", i);
		snprintf(num, sizeof num, "%d.", i);
		para(r, id, num, 20, 'q');
	}
	doc_finish(l);
	doc_finish(r);
	align_result *res = align_docs(l, r);
	size_t paired = 0;
	for (size_t i = 0; i < res->n; i++) {
		const align_pair *p = &res->pairs[i];
		if (p->nleft != 1 || p->left[0]->kind != NODE_PARAGRAPH)
			continue;
		assert_int_equal(p->nright, 1);
		assert_string_equal(p->left[0]->number, p->right[0]->number);
		assert_int_equal(p->how, ALIGN_NUMBER);
		assert_true(p->confidence <= 0.8);
		paired++;
	}
	assert_int_equal(paired, 3);
	align_free(res);
	doc_free(l);
	doc_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical),
		cmocka_unit_test(test_added_renumbered),
		cmocka_unit_test(test_deleted),
		cmocka_unit_test(test_moved),
		cmocka_unit_test(test_changed),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_merged),
		cmocka_unit_test(test_parts_apart),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_extraction_same),
		cmocka_unit_test(test_align_corpus),
		cmocka_unit_test(test_align_split_gap),
		cmocka_unit_test(test_align_regap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
