/* Unit tests of parse and lang: the facts of the default document (the
 * Spanish CIS letter), reflow and hyphenation, page furniture removed
 * mid-sentence, numbering and sub-items, citations, language detection,
 * degenerate input. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"
#include "un/cite.h"
#include "un/lang.h"
#include "parse.h"
#include "source.h"

static doc *cis;

static int
setup(void **state)
{
	(void)state;
	const char *top = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/parse/corpus/es_cis-declaration-2020.txt",
		 top ? top : ".");
	source s;
	char *err = NULL;
	if (source_load(path, &s, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	cis = parse_document(path, s.data, s.len, NULL);
	source_clear(&s);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	doc_free(cis);
	return 0;
}

static doc *
parse_str(const char *text, const char *lang)
{
	parse_options o = { .lang = lang };
	return parse_document("t", text, strlen(text), &o);
}

static node *
get(const doc *d, const char *path)
{
	node *nd = doc_find_path(d, path);
	if (!nd)
		fail_msg("no node %s", path);
	return nd;
}

static void
assert_text(const doc *d, const node *nd, const char *want)
{
	if (nd->len != strlen(want) || memcmp(node_text(d, nd), want, nd->len) != 0)
		fail_msg("%s: got '%.*s', want '%s'", nd->path, (int)nd->len,
			 node_text(d, nd), want);
}

static void
assert_starts(const doc *d, const node *nd, const char *want)
{
	size_t n = strlen(want);
	if (nd->len < n || memcmp(node_text(d, nd), want, n) != 0)
		fail_msg("%s: '%.*s' does not start with '%s'", nd->path,
			 (int)(nd->len < 80 ? nd->len : 80), node_text(d, nd), want);
}

static size_t
count_kind(const node *nd, node_kind k)
{
	size_t c = 0;
	for (size_t i = 0; i < nd->nkids; i++)
		c += nd->kids[i]->kind == k;
	return c;
}

/* ---- the default document ---- */

static void
test_cis_letter(void **state)
{
	(void)state;
	node *l = get(cis, "letter");
	assert_int_equal(l->kind, NODE_LETTER);
	assert_text(cis, l, "Carta de fecha 22 de diciembre de 2020 dirigida al Secretario "
		    "General por el Representante Permanente de Uzbekistán ante las "
		    "Naciones Unidas");
	assert_int_equal(count_kind(l, NODE_PARAGRAPH), 2);
	assert_starts(cis, get(cis, "letter/p1"), "Tengo el honor de transmitir");
	assert_starts(cis, get(cis, "letter/p2"), "Le agradecería");
	assert_string_equal(get(cis, "letter/p2")->cite, "2");
	node *sig = get(cis, "letter/sig");
	assert_int_equal(sig->kind, NODE_SIGNATURE);
	assert_text(cis, sig, "(Firmado) Bakhtiyor Ibragimov\nRepresentante Permanente");
	assert_int_equal(l->line_first, 1);
}

static void
test_cis_annex(void **state)
{
	(void)state;
	node *a = get(cis, "annex1");
	assert_int_equal(a->kind, NODE_ANNEX);
	assert_starts(cis, a, "Anexo de la carta de fecha 22 de diciembre de 2020");
	node *note = get(cis, "annex1/note1");
	assert_int_equal(note->kind, NODE_NOTE);
	assert_text(cis, note, "[Original: ruso]");
	node *decl = get(cis, "annex1/decl");
	assert_int_equal(decl->kind, NODE_BODY);
	assert_starts(cis, decl, "Declaración conjunta de los Jefes de Estado");
	assert_int_equal(count_kind(decl, NODE_PARAGRAPH), 13);
	assert_int_equal(decl->nkids, 13);
	node *p8 = get(cis, "annex1/decl/p8");
	assert_int_equal(p8->kind, NODE_PARAGRAPH);
	assert_string_equal(p8->cite, "8");
	assert_null(p8->number);
	assert_starts(cis, p8, "Dado el carácter transfronterizo");
	assert_int_equal(p8->page, 3);
	assert_true(p8->line_first < p8->line_last);
	assert_true(p8->src_start < p8->src_end);
	/* paragraph 10 runs on over "Están convencidos" (no indent) */
	node *p10 = get(cis, "annex1/decl/p10");
	assert_non_null(strstr(node_text(cis, p10), "Estados. Están convencidos"));
	assert_starts(cis, get(cis, "annex1/decl/p13"), "Reafirman el deseo");
}

static void
test_cis_meta(void **state)
{
	(void)state;
	const doc_meta *m = &cis->meta;
	assert_string_equal(m->date, "2020-12-22");
	assert_string_equal(m->lang, "es");
	assert_string_equal(m->orig_lang, "ru");
	assert_string_equal(m->sender, "Representante Permanente de Uzbekistán");
	assert_string_equal(m->addressee, "Secretario General");
	assert_int_equal(m->nagenda, 2);
	assert_string_equal(m->agenda[0], "98");
	assert_string_equal(m->agenda[1], "112");
	assert_int_equal(m->session, 75);	/* inferred from the date */
	assert_null(m->symbol);
	assert_int_equal(m->npages, 3);
	assert_int_equal(m->furniture_lines, 0);
}

/* Reflowed: no line break inside a paragraph, no trailing or double
 * spaces; "Est ado" is repaired (the rule of words_repair_splits). */
static void
test_cis_reflow(void **state)
{
	(void)state;
	for (size_t b = 0; b < cis->nblocks; b++) {
		const node *nd = cis->blocks[b];
		const char *t = node_text(cis, nd);
		assert_true(nd->len > 0);
		assert_true(t[0] != ' ' && t[nd->len - 1] != ' ');
		for (size_t i = 0; i + 1 < nd->len; i++) {
			assert_false(t[i] == ' ' && t[i + 1] == ' ');
			if (nd->kind == NODE_PARAGRAPH)
				assert_false(t[i] == '\n');
		}
	}
	assert_non_null(strstr(node_text(cis, get(cis, "annex1/decl/p2")),
			       "la sociedad y el Estado y contribuyen"));
}

/* By default "Est ado" becomes "Estado" (the text has "Estado" often,
 * "Est" and "ado" nowhere else), "well- being" "well-being" (the text
 * spells it so), and real pairs of words stay ("Access Now", "pre- and
 * post-conflict"); keep_splits leaves the text as extracted. */
static void
test_repair_splits(void **state)
{
	(void)state;
	const char *top = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/parse/corpus/es_cis-declaration-2020.txt",
		 top ? top : ".");
	source s;
	char *err = NULL;
	assert_int_equal(source_load(path, &s, &err), 0);
	parse_options o = { .keep_splits = 1 };
	doc *d = parse_document(path, s.data, s.len, &o);
	source_clear(&s);
	assert_non_null(strstr(node_text(d, get(d, "annex1/decl/p2")),
			       "la sociedad y el Est ado y contribuyen"));
	assert_int_equal(d->plain_len, cis->plain_len + 1);	/* one space more */
	doc_free(d);
	const char *t = "1. Access Now noted that AccessNow and AccessNow "
			"and the Est ado of the Estado, Estado and Estado.\n\n"
			"2. Their well- being and well-being, pre- and post-conflict, "
			"the Secretary- General and the Secretary-General.\n";
	d = parse_str(t, "en");
	assert_text(d, get(d, "p1"), "Access Now noted that AccessNow and AccessNow and "
		    "the Estado of the Estado, Estado and Estado.");
	assert_text(d, get(d, "p2"), "Their well-being and well-being, pre- and "
		    "post-conflict, the Secretary-General and the Secretary-General.");
	doc_free(d);
	d = parse_document("t", t, strlen(t), &o);
	assert_text(d, get(d, "p1"), "Access Now noted that AccessNow and AccessNow and "
		    "the Est ado of the Estado, Estado and Estado.");
	doc_free(d);
}

static void
test_cis_cite(void **state)
{
	(void)state;
	assert_ptr_equal(cite_find(cis, get(cis, "letter/p1"), "8"),
			 get(cis, "annex1/decl/p8"));
	assert_ptr_equal(cite_find(cis, get(cis, "letter/p1"), "Anexo, párr. 8"),
			 get(cis, "annex1/decl/p8"));
	assert_ptr_equal(cite_find(cis, get(cis, "annex1/decl/p8"), "Carta, párr. 2"),
			 get(cis, "letter/p2"));
	assert_ptr_equal(cite_find(cis, NULL, "Anexo"), get(cis, "annex1"));
	char *c = cite_format(cis, get(cis, "annex1/decl/p8"));
	assert_string_equal(c, "Anexo, párr. 8");
	free(c);
	c = cite_format(cis, get(cis, "letter/p2"));
	assert_string_equal(c, "Carta, párr. 2");
	free(c);
}

/* ---- general rules on small texts ---- */

static void
test_hyphenation(void **state)
{
	(void)state;
	doc *d = parse_str("1. The nuclear-\nweapon-free zone and the Secretary-\n"
			   "General support the implemen-\ntation of action-\n"
			   "oriented plans; implementation matters.\n", "en");
	node *p = get(d, "p1");
	assert_text(d, p, "The nuclear-weapon-free zone and the Secretary-General support "
		    "the implementation of action-oriented plans; implementation matters.");
	doc_free(d);
}

/* A hyphen join whose first half reaches back over an earlier join
 * ("inter-" "nation-" "al"): the word asked about ("international") is
 * none that the pass before the joins foresaw, and the answer must still
 * come from the whole document. */
static void
test_hyphenation_chain(void **state)
{
	(void)state;
	doc *d = parse_str("1. The inter-\nnation-\nal order; internation and international "
			   "law.\n", "en");
	assert_text(d, get(d, "p1"), "The international order; internation and "
		    "international law.");
	doc_free(d);
	/* without "international" elsewhere the last hyphen stays */
	d = parse_str("1. The inter-\nnation-\nal order; internation law.\n", "en");
	assert_text(d, get(d, "p1"), "The internation-al order; internation law.");
	doc_free(d);
}

/* Spaces: runs collapse to one, tabs and form feeds count as spaces, a
 * line of single spaces is kept as it is. */
static void
test_reflow_spaces(void **state)
{
	(void)state;
	doc *d = parse_str("1. Two  spaces,\ta tab,   three and\n"
			   "one space each here, which fills eight-byte words exactly.\n", "en");
	assert_text(d, get(d, "p1"), "Two spaces, a tab, three and one space each here, "
		    "which fills eight-byte words exactly.");
	doc_free(d);
}

static void
test_furniture_mid_sentence(void **state)
{
	(void)state;
	doc *d = parse_str(
		"United Nations \nA/RES/80/16 \n \nGeneral Assembly \nDistr.: General \n"
		"5 December 2025 \n25-19974 (E) \n*2519974* \n \n \nEightieth session \n"
		"Agenda item 94 \nDevelopments in the field of information and \n"
		"telecommunications in the context of international security \n \n \n"
		"1. \nRequests the Secretary-General to act as endorsed by the General "
		"Assembly in its \n\nA/RES/80/16 \nOpen-ended working group on security \n \n"
		"25-19974\n2/2 \n \nresolution 79/237, and the additional elements; \n \n"
		"2. \nDecides to remain seized. \n", "en");
	node *p1 = get(d, "p1");
	assert_text(d, p1, "Requests the Secretary-General to act as endorsed by the General "
		    "Assembly in its resolution 79/237, and the additional elements;");
	assert_string_equal(p1->number, "1");
	assert_int_equal(p1->page, 1);
	assert_int_equal(get(d, "p2")->page, 2);
	const doc_meta *m = &d->meta;
	assert_string_equal(m->symbol, "A/RES/80/16");
	assert_string_equal(m->job, "25-19974");
	assert_string_equal(m->date, "2025-12-05");
	assert_string_equal(m->distribution, "General");
	assert_int_equal(m->session, 80);
	assert_int_equal(m->nagenda, 1);
	assert_string_equal(m->agenda[0], "94");
	assert_int_equal(m->npages, 2);
	assert_int_equal(m->pages[1].number, 2);
	assert_int_equal(d->root->nkids, 2);	/* nothing of the masthead */
	doc_free(d);
}

/* A running title printed on one line on some pages and wrapped on two on
 * others ("… telecommunications in" / "the context of …") is furniture
 * on every page (A/RES/78/237, page 3). */
/* A sentence closed at a page's end (with a footnote mark set apart),
 * then a short line that closes nothing on the next page (a table's first
 * row, a heading): a new block, not the paragraph going on. */
static void
test_page_end_closed(void **state)
{
	(void)state;
	doc *d = parse_str(
		"United Nations \nA/C.6/80/L.1 \n \nGeneral Assembly \nDistr.: Limited \n"
		"5 September 2025 \n25-14774 (E) \n*2514774* \n \n \nEightieth session \n"
		"Sixth Committee \n \n \n"
		"1. The attention of delegates is drawn to the list of documents issued under "
		"the \nagenda items, to the reports of the Secretary-General on the items and "
		"to the \nresolutions and decisions of the Assembly at preceding sessions, as "
		"well as to the \ndocuments circulated under the agenda items allocated to the "
		"Committee, in the \norder of their issuance. The attention of delegates is "
		"also drawn to the website \nof the Committee and to the pages of the Sixth "
		"Committee online. 2 \n"
		"__________________ \n \n2 www.un.org/en/ga/sixth. \n\n"
		"A/C.6/80/L.1 \n \n25-14774\n2/10 \n \nProjected date of issuance \n"
		"Election of the officers [5] \n", "en");
	node *p1 = get(d, "p1");
	static const char end[] = "the Sixth Committee online. 2";
	assert_true(p1->len > sizeof end);
	assert_memory_equal(node_text(d, p1) + p1->len - (sizeof end - 1), end,
			    sizeof end - 1);
	assert_int_equal(p1->nkids, 0);
	doc_free(d);
}

/* A title's footnote mark is not part of the document's title and ends
 * the title's block; a rule of dashes is no text. */
static void
test_title_mark(void **state)
{
	(void)state;
	doc *d = parse_str(
		"NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A)\n"
		"OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1*\nItaly\n\n"
		"I. METHODOLOGY\n\n1. The preparation of the report was coordinated by the "
		"Committee.\n\n-----\n\n2. It was adopted.\n", "en");
	assert_string_equal(d->meta.title, "NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH "
			    "PARAGRAPH 15 (A) OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1");
	assert_text(d, get(d, "h2"), "Italy");
	node *s1 = get(d, "s1");
	assert_int_equal(s1->nkids, 2);
	for (size_t b = 0; b < d->nblocks; b++)
		assert_null(memmem(node_text(d, d->blocks[b]), d->blocks[b]->len, "---", 3));
	doc_free(d);
	d = parse_str("Резюме материалов по Италии*\n\n1. Текст доклада.\n", "ru");
	assert_string_equal(d->meta.title, "Резюме материалов по Италии");
	doc_free(d);
}

/* A table: the header row printed again at the top of the next page is
 * furniture; the table node holds the header, its rows and its note; a
 * numbered paragraph ends it. */
static void
test_table(void **state)
{
	(void)state;
	doc *d = parse_str(
		"United Nations \nA/C.5/80/L.1 \n \nGeneral Assembly \nDistr.: Limited \n"
		"26 September 2025 \n25-15228 (E) \n*2515228* \n \n \n"
		"1. The annex to the present note indicates the status of preparedness of "
		"documentation \nfor consideration by the Committee during the main part of "
		"the eightieth session.\n \n"
		"Agenda item/symbol \nTitle or description \nStatus of issuance \n \n"
		"A/C.5/80/1 \nNote by the Secretariat on the allocation \nIssued \n \n"
		"Item 115 \nAppointments to fill vacancies \n \n"
		"A/C.5/80/L.1 \n \n25-15228\n2/3 \n \n"
		"Agenda item/symbol \nTitle or description \nStatus of issuance \n \n"
		"A/80/101 \nNote by the Secretary-General on the appointment \nIssued \n \n"
		"a Estimated date of issuance. \n \n"
		"A/C.5/80/L.1 \n \n25-15228\n3/3 \n \n"
		"Agenda item/symbol \nTitle or description \nStatus of issuance \n \n"
		"A/80/102 \nNote by the Secretary-General on the audit \nIssued \n \n"
		"2. The Committee will consider the documents as soon as they are issued "
		"and in \nthe order of the items on its agenda for the main part of the "
		"session of the Assembly.\n", "en");
	node *t = get(d, "t1");
	assert_int_equal(t->kind, NODE_TABLE);
	assert_text(d, t, "Agenda item/symbol | Title or description | Status of issuance");
	assert_int_equal(count_kind(t, NODE_ROW), 4);
	assert_text(d, get(d, "t1/r1"), "A/C.5/80/1 Note by the Secretariat on the allocation "
		    "Issued");
	assert_text(d, get(d, "t1/r3"), "A/80/101 Note by the Secretary-General on the "
		    "appointment Issued");
	node *note = get(d, "t1/note1");
	assert_string_equal(note->number, "a");
	assert_text(d, note, "Estimated date of issuance.");
	assert_string_equal(get(d, "p2")->number, "2");
	/* the header shows once */
	size_t heads = 0;
	for (size_t b = 0; b < d->nblocks; b++)
		heads += memmem(node_text(d, d->blocks[b]), d->blocks[b]->len,
				"Agenda item/symbol", 18) != NULL;
	assert_int_equal(heads, 1);
	assert_string_equal(doc_node_kind_name(NODE_ROW), "row");
	assert_int_equal(doc_node_kind_from_name("table"), NODE_TABLE);
	doc_free(d);
	/* a row's last cell printed after the blank line of an empty cell
	 * ("Issued") goes back to its row, also when met again alone or
	 * before a title; the document's symbol in a cell, far from page
	 * furniture, is text (it and the lines before it were dropped) */
	d = parse_str(
		"United Nations \nA/C.5/80/L.1 \n \nGeneral Assembly \nDistr.: Limited \n"
		"26 September 2025 \n25-15228 (E) \n*2515228* \n \n \n"
		"1. The annex to the present note indicates the status of preparedness of "
		"documentation \nfor consideration by the Committee during the main part of "
		"the eightieth session.\n \n"
		"Agenda item/symbol \nTitle or description \nStatus of issuance \n \n"
		"A/C.5/80/1 \nNote by the Secretariat on the allocation \n \n"
		"Issued \nA/C.5/80/INF/1 \nNote by the Secretariat on the work \n \n"
		"Issued \nA/C.5/80/L.1 \nNote by the Secretariat on the status \n \n"
		"A/C.5/80/INF/2 \nMembership of the Committee \n \n"
		"Item 115 \nAppointments to fill vacancies \nin subsidiary organs \n"
		"and other appointments \n \n \n"
		"A/C.5/80/L.1 \n \n25-15228\n2/3 \n \n"
		"Agenda item/symbol \nTitle or description \nStatus of issuance \n \n"
		"A/80/101 \nNote by the Secretary-General on the appointment \n \n"
		"Issued \nCost recovery \n \n"
		"A/80/102 \nNote by the Secretary-General on the audit \n \nIssued \n \n"
		"Item 116 \nProgramme planning and budget \nmatters for the year \n"
		"and other matters \n \n \n"
		"A/C.5/80/L.1 \n \n25-15228\n3/3 \n \n"
		"Agenda item/symbol \nTitle or description \nStatus of issuance \n \n"
		"A/80/103 \nNote by the Secretary-General on the fund \n \n"
		"2. The Committee will consider the documents as soon as they are issued "
		"and in \nthe order of the items on its agenda for the main part of the "
		"session of the Assembly.\n", "en");
	t = get(d, "t1");
	assert_text(d, get(d, "t1/r1"), "A/C.5/80/1 Note by the Secretariat on the allocation "
		    "Issued");
	assert_text(d, get(d, "t1/r2"), "A/C.5/80/INF/1 Note by the Secretariat on the work "
		    "Issued");
	assert_text(d, get(d, "t1/r3"), "A/C.5/80/L.1 Note by the Secretariat on the status");
	assert_text(d, get(d, "t1/r6"), "A/80/101 Note by the Secretary-General on the "
		    "appointment Issued");
	assert_text(d, get(d, "t1/r7"), "Cost recovery");
	assert_text(d, get(d, "t1/r8"), "A/80/102 Note by the Secretary-General on the audit "
		    "Issued");
	assert_text(d, get(d, "t1/r10"), "A/80/103 Note by the Secretary-General on the fund");
	assert_int_equal(count_kind(t, NODE_ROW), 10);
	doc_free(d);
	/* shown once above and once at the next page's top; rows without
	 * blank lines between them, split where the first column comes again */
	d = parse_str(
		"United Nations \nA/INF/76/1 \n \nGeneral Assembly \nDistr.: General \n"
		"15 February 2021 \n21-02065 (E)    170221 \n*2102065* \n \n \n"
		"Seventy-sixth session \n \n \n"
		"1. The table below shows the opening dates of the seventy-sixth to "
		"eighty-fifth regular \nsessions of the General Assembly and of the general "
		"debate, as decided by the Assembly.\n \n"
		"Session \nOpening date of the session \nOpening date of the general debate \n \n"
		"Seventy-sixth \nTuesday, 14 September 2021 \nTuesday, 21 September 2021 \n"
		"Seventy-seventh \nTuesday, 13 September 2022 \nTuesday, 20 September 2022 \n"
		"(to be confirmed)a \nSeventy-eighth \nTuesday, 12 September 2023 \nTuesday, 19 September 2023 \n"
		"\nA/INF/76/1 \n \n \n21-02065 \n2/2 \n \n"
		"Session \nOpening date of the session \nOpening date of the general debate \n \n"
		"Eighty-fifth \nTuesday, 17 September 2030 \nTuesday, 24 September 2030 \n"
		" \na In accordance with paragraph 6 (b) of resolution 67/290, the high-level "
		"political forum shall \nbe convened by the President of the General Assembly "
		"for a period of two days.\n", "en");
	t = get(d, "t1");
	assert_text(d, t, "Session | Opening date of the session | Opening date of the general "
		    "debate");
	assert_int_equal(count_kind(t, NODE_ROW), 4);
	assert_text(d, get(d, "t1/r2"), "Seventy-seventh Tuesday, 13 September 2022 Tuesday, "
		    "20 September 2022 (to be confirmed)a");
	assert_starts(d, get(d, "t1/r3"), "Seventy-eighth");
	assert_starts(d, get(d, "t1/note1"), "In accordance with paragraph 6 (b)");
	doc_free(d);
}

static void
test_running_title_wrapped(void **state)
{
	(void)state;
	doc *d = parse_str(
		"United Nations \nA/RES/80/99 \n \nGeneral Assembly \nDistr.: General \n"
		"5 December 2025 \n25-11111 (E) \n*2511111* \n \n \nEightieth session \n"
		"Agenda item 94 \nDevelopments in the field of information and \n"
		"telecommunications in the context of international security \n \n \n"
		"1. \nRequests the Secretary-General to act on the matter as endorsed by the "
		"General \n\n"
		"A/RES/80/99 \nDevelopments in the field of information and telecommunications \n"
		" \n25-11111\n2/3 \n \nAssembly in its resolution 79/237, and to report; \n"
		"\n2. \nDecides to remain seized of the matter and of the questions it raises \n\n"
		"Developments in the field of information and telecommunications in \n"
		"the context of international security \nA/RES/80/99\n \n3/3\n25-11111 \n"
		" \n \nand to consider them again. \n", "en");
	assert_text(d, get(d, "p1"), "Requests the Secretary-General to act on the matter "
		    "as endorsed by the General Assembly in its resolution 79/237, and to report;");
	assert_text(d, get(d, "p2"), "Decides to remain seized of the matter and of the "
		    "questions it raises and to consider them again.");
	assert_int_equal(d->root->nkids, 2);	/* no heading left of the title */
	assert_int_equal(d->meta.npages, 3);
	doc_free(d);
}

static void
test_numbering(void **state)
{
	(void)state;
	doc *d = parse_str(
		"The General Assembly,\n\nRecalling its resolution 74/306,\n\n"
		"Noting the report,\n\n"
		"1. Decides that the group shall:\n(a) Meet twice;\n(b) Report, and\n"
		"(i) inform States;\n(ii) publish it;\n(c) End in 2026;\n\n"
		"2.\nRequests the Secretary-General to report.\n\n"
		"I. Organization of work\n\n3. Invites States to attend.\n", "en");
	assert_int_equal(get(d, "h1")->kind, NODE_HEADING);
	node *pp2 = get(d, "pp2");
	assert_string_equal(pp2->cite, "pp2");
	assert_null(pp2->number);
	node *p1 = get(d, "p1");
	assert_string_equal(p1->number, "1");
	assert_text(d, p1, "Decides that the group shall:");
	assert_int_equal(p1->nkids, 3);
	node *b = get(d, "p1/b");
	assert_int_equal(b->kind, NODE_SUBITEM);
	assert_string_equal(b->number, "(b)");
	assert_string_equal(b->cite, "b");
	assert_text(d, b, "Report, and");
	assert_text(d, get(d, "p1/b/ii"), "publish it;");
	assert_text(d, get(d, "p1/c"), "End in 2026;");
	assert_text(d, get(d, "p2"), "Requests the Secretary-General to report.");
	node *s = get(d, "s1");
	assert_int_equal(s->kind, NODE_SECTION);
	assert_string_equal(s->cite, "I");
	assert_text(d, s, "Organization of work");
	assert_string_equal(get(d, "s1/p3")->number, "3");
	char *c = cite_format(d, get(d, "p1/b/ii"));
	assert_string_equal(c, "para. 1 (b) (ii)");
	assert_ptr_equal(cite_find(d, NULL, c), get(d, "p1/b/ii"));
	free(c);
	doc_free(d);
	/* a section inside another is cited with it: "sect. II.A" */
	d = parse_str("I. Scope of the work\n\nA. Members and observers\n\n1. Text one.\n\n"
		      "II. Other matters\n\nA. Members and observers\n\n2. Text two.\n", "en");
	node *iia = get(d, "s2/s1");
	c = cite_format(d, iia);
	assert_string_equal(c, "sect. II.A");
	assert_ptr_equal(cite_find(d, NULL, c), iia);
	free(c);
	doc_free(d);
	/* "2." after paragraph 1 is paragraph 2 even without a full stop
	 * (it was a section holding the plain paragraph after it); a
	 * numbered heading after a section heading is still a section */
	d = parse_str("1. First.\n\n2. Second and\n\nNext.\n", "en");
	assert_int_equal(get(d, "p2")->kind, NODE_PARAGRAPH);
	assert_text(d, get(d, "p2"), "Second and");
	assert_int_equal(d->root->nkids, 3);
	assert_int_equal(d->root->kids[2]->kind, NODE_PARAGRAPH);
	assert_null(d->root->kids[2]->number);
	doc_free(d);
	/* a list's next item starts a line even when the one before ends in
	 * no punctuation (a programme of work); a reference running over a
	 * line ("paragraph 4\n(c) of section D") does not */
	d = parse_str("1. Introductory statements and joint general discussion on:\n"
		      "(a)\nFollow-up to the Fifth United Nations Conference on the Least\n"
		      "Developed Countries\n(b) Follow-up to the Third United Nations Conference\n"
		      "(c)\nDisaster risk reduction\n\n"
		      "2. Pursuant to paragraph 4\n(c) of section D of the annex, the Council "
		      "reports.\n", "en");
	assert_int_equal(get(d, "p1")->nkids, 3);
	assert_text(d, get(d, "p1/a"), "Follow-up to the Fifth United Nations Conference on the "
		    "Least Developed Countries");
	assert_text(d, get(d, "p1/b"), "Follow-up to the Third United Nations Conference");
	assert_text(d, get(d, "p1/c"), "Disaster risk reduction");
	assert_int_equal(get(d, "p2")->nkids, 0);
	doc_free(d);
	/* an agenda item named at a line's start opens a block: its
	 * sub-items are its own, not the item's before */
	d = parse_str("Wednesday, 8 October\n\n"
		      "Introductory statements and joint general discussion on:\n"
		      "Item 21: Groups of countries in special situations:\n"
		      "(a)\nFollow-up to the Fifth Conference\n(b) Follow-up to the Third Conference\n"
		      "Item 23: Operational activities for development:\n"
		      "(a)\nOperational activities of the system\n", "en");
	node *i23 = NULL;
	for (size_t k = 0; k < d->nblocks; k++)
		if (!strncmp(node_text(d, d->blocks[k]), "Item 23:", 8))
			i23 = d->blocks[k];
	assert_non_null(i23);
	assert_text(d, i23, "Item 23: Operational activities for development:");
	assert_int_equal(i23->nkids, 1);
	assert_text(d, i23->kids[0], "Operational activities of the system");
	doc_free(d);
	/* unmarked items of the paragraph that introduces them */
	d = parse_str("1. First.\n\n2. The meetings will be held as follows:\n\n"
		      "Wednesday, 2 December: from 9 to 10 a.m.\n\n"
		      "Thursday, 3 December: from 10 a.m. to 1 p.m.\n\n"
		      "3. The meetings will hear statements.\n\nClosing text here.\n", "en");
	node *p2 = get(d, "p2");
	assert_int_equal(p2->nkids, 2);
	assert_int_equal(p2->kids[1]->kind, NODE_SUBITEM);
	assert_null(p2->kids[1]->number);
	assert_null(p2->kids[1]->cite);
	assert_text(d, p2->kids[1], "Thursday, 3 December: from 10 a.m. to 1 p.m.");
	c = cite_format(d, p2->kids[1]);
	assert_string_equal(c, "para. 2");
	free(c);
	assert_int_equal(get(d, "p3")->nkids, 0);	/* no colon, no list */
	assert_int_equal(d->root->kids[d->root->nkids - 1]->kind, NODE_PARAGRAPH);
	doc_free(d);
	d = parse_str("A. Rights\n\n1. Cross-cutting issues\n\n12. Text one.\n\n"
		      "2. Civil rights\n\n13. Text two.\n", "en");
	assert_int_equal(get(d, "s1/s2")->kind, NODE_SECTION);
	assert_text(d, get(d, "s1/s2/p13"), "Text two.");
	doc_free(d);
}

/* A short title over its text with no blank line between them (a box):
 * the title is a heading of its own; a title wrapped on two lines, a
 * short first line of prose and a table's cells are not split. */
static void
test_box_title(void **state)
{
	(void)state;
	const char *full = "The prevention of reoffending requires the cooperation of "
			   "every actor of the\n";
	buf b;
	buf_init(&b);
	for (int i = 0; i < 8; i++)
		buf_adds(&b, full);
	buf_adds(&b, "\nFamily contact\n\n"
		     "Model strategy No. 7\n"
		     "Constructive contacts between prisoners and their families and\n"
		     "friends should be considered crucial for the successful reintegration of\n"
		     "prisoners.\n\n"
		     "Report of the Special Committee\non Peacekeeping Operations\n\n"
		     "States Parties\n"
		     "shall take the measures needed to adopt the laws that this Convention\n"
		     "requires of them and shall report on them.\n");
	doc *d = parse_str(b.s, "en");
	free(b.s);
	node *h = NULL, *p = NULL;
	for (size_t i = 0; i < d->nblocks; i++) {
		node *nd = d->blocks[i];
		if (!strncmp(node_text(d, nd), "Model strategy", 14))
			h = nd;
		if (!strncmp(node_text(d, nd), "Constructive", 12))
			p = nd;
	}
	assert_non_null(h);
	assert_int_equal(h->kind, NODE_HEADING);
	assert_text(d, h, "Model strategy No. 7");
	assert_non_null(p);
	assert_int_equal(p->kind, NODE_PARAGRAPH);
	node *last = d->blocks[d->nblocks - 1];
	assert_true(!strncmp(node_text(d, last), "States Parties shall take", 25));
	node *two = d->blocks[d->nblocks - 2];
	assert_text(d, two, "Report of the Special Committee on Peacekeeping Operations");
	doc_free(d);
	/* "Rule 60" over a title that fills its line is a rule's heading */
	d = parse_str("Rule 59\nTitle\n\nText of rule 59.\n\n"
		      "Rule 60\n"
		      "Intergovernmental organizations and other entities having received a\n"
		      "standing invitation to participate as observers\n\n"
		      "Representatives designated by intergovernmental organizations may "
		      "participate.\n", "en");
	assert_int_equal(get(d, "s2")->kind, NODE_SECTION);
	assert_string_equal(get(d, "s2")->cite, "60");
	doc_free(d);
	/* a rule's title ending in a quotation is no sentence */
	d = parse_str("Rule 35\nTitle\n\nText of rule 35.\n\n"
		      "Rule 36\nMeaning of the phrase \xe2\x80\x9cStates present and voting\xe2\x80\x9d\n\n"
		      "For the purpose of the present rules, the phrase means States voting.\n", "en");
	assert_int_equal(get(d, "s2")->kind, NODE_SECTION);
	assert_string_equal(get(d, "s2")->cite, "36");
	assert_text(d, get(d, "s2"), "Rule 36\nMeaning of the phrase \xe2\x80\x9cStates present and "
		    "voting\xe2\x80\x9d");
	doc_free(d);
}

/* A line opening with the visible stand-in of a bidi control (source.c
 * turns U+202E into "⇚") still opens a clause: the number is its marker,
 * the arrow stays in the text. */
static void
test_bidi_marker(void **state)
{
	(void)state;
	doc *d = parse_str("The General Assembly,\n\n1. First point here:\n\n"
			   "\xe2\x87\x9a\xe2\x87\x9b(a) item one;\n\n"
			   "\xe2\x87\x9a" "2.\nSecond point here.\n\n"
			   "\xe2\x87\x9aII. Heading\n", "en");
	node *a = get(d, "p1/a");
	assert_int_equal(a->kind, NODE_SUBITEM);
	assert_text(d, a, "\xe2\x87\x9a\xe2\x87\x9bitem one;");
	node *p2 = get(d, "p2");
	assert_string_equal(p2->number, "2");
	assert_text(d, p2, "\xe2\x87\x9aSecond point here.");
	node *s = get(d, "s1");
	assert_string_equal(s->cite, "II");
	assert_text(d, s, "\xe2\x87\x9aHeading");
	doc_free(d);
}

/* Keyword headings ("Article 12") keep their number in the text, where it
 * is printed, and not again as a number a gutter would show. */
static void
test_keyword_sections(void **state)
{
	(void)state;
	doc *d = parse_str(
		"Chapter I\n\nGeneral provisions\n\nArticle 1\n\nScope of application\n\n"
		"1. This Convention applies to documents.\n\n2. It does not affect others.\n\n"
		"Article 13.\n\nTheft or fraud\n\nEach State Party shall act.\n\n"
		"Rule 1\nComposition of delegations\n\nThe delegation shall consist of "
		"a head.\n", "en");
	node *ch = get(d, "s1");
	assert_null(ch->number);
	assert_string_equal(ch->cite, "I");
	assert_text(d, ch, "Chapter I\nGeneral provisions");
	node *a1 = get(d, "s1/s1");
	assert_null(a1->number);
	assert_string_equal(a1->cite, "1");
	assert_text(d, a1, "Article 1\nScope of application");
	assert_string_equal(get(d, "s1/s1/p2")->number, "2");
	node *a13 = get(d, "s1/s2");
	assert_null(a13->number);
	assert_string_equal(a13->cite, "13");
	node *r1 = get(d, "s1/s3");
	assert_null(r1->number);
	assert_string_equal(r1->cite, "1");
	assert_text(d, r1, "Rule 1\nComposition of delegations");
	doc_free(d);
}

/* Citations inside a convention name the article ("Annex, art. 12,
 * para. 1"), in each language; a citation as typed finds its node. */
static void
test_convention_cite(void **state)
{
	(void)state;
	static const struct { const char *lang, *annex, *chapter, *article, *want,
			      *want_art; } c[] = {
		{ "en", "Annex", "Chapter", "Article", "Annex, art. 12, para. 2 (b)",
		  "Annex, art. 12" },
		{ "es", "Anexo", "Capítulo", "Artículo", "Anexo, art. 12, párr. 2 (b)",
		  "Anexo, art. 12" },
		{ "fr", "Annexe", "Chapitre", "Article", "Annexe, art. 12, par. 2 (b)",
		  "Annexe, art. 12" },
		{ "ru", "Приложение", "Глава", "Статья", "Приложение, ст. 12, п. 2 (b)",
		  "Приложение, ст. 12" },
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		char text[1024];
		snprintf(text, sizeof text,
			 "%s\n\nUnited Nations Convention against Theft; Strengthening "
			 "Cooperation\n\n%s I\n\nScope\n\n%s 11\n\nPurpose\n\n"
			 "1. The purposes are set out.\n\n%s II\n\nOffences\n\n"
			 "%s 12\n\nTheft\n\n1. Each State shall act.\n\n"
			 "2. Each State may:\n(a) Adopt laws;\n(b) Adopt rules.\n\n"
			 "%s\n\nInterpretative notes on articles of the Convention\n\n"
			 "%s 12\n\n1. The term covers theft.\n",
			 c[i].annex, c[i].chapter, c[i].article, c[i].chapter, c[i].article,
			 c[i].annex, c[i].article);
		doc *d = parse_str(text, c[i].lang);
		/* the convention's own annex is in it, not a second annex of
		 * the document, and is cited apart from the convention */
		size_t nannex = 0;
		for (size_t k = 0; k < d->root->nkids; k++)
			nannex += d->root->kids[k]->kind == NODE_ANNEX;
		assert_int_equal(nannex, 1);
		node *notes = get(d, "annex1/decl/annex1");
		assert_int_equal(notes->kind, NODE_ANNEX);
		char want[128];
		snprintf(want, sizeof want, "%s, %s", c[i].annex, c[i].want_art);
		char *nc = cite_format(d, get(d, "annex1/decl/annex1/decl/s1"));
		assert_string_equal(nc, want);
		free(nc);
		node *art = get(d, "annex1/decl/s2/s1");
		assert_int_equal(art->unit, UNIT_ARTICLE);
		assert_int_equal(get(d, "annex1/decl/s2")->unit, UNIT_CHAPTER);
		char *got = cite_format(d, get(d, "annex1/decl/s2/s1/p2/b"));
		assert_string_equal(got, c[i].want);
		free(got);
		got = cite_format(d, art);
		assert_string_equal(got, c[i].want_art);
		free(got);
		/* the body's short title */
		assert_string_equal(get(d, "annex1/decl")->label, "Convention against Theft");
		/* look-ups as typed, from article 11's paragraph */
		node *from = get(d, "annex1/decl/s1/s1/p1");
		assert_ptr_equal(cite_find(d, from, "12"), art);
		assert_ptr_equal(cite_find(d, from, "Article 12"), art);
		assert_ptr_equal(cite_find(d, from, "art. 12"), art);
		assert_ptr_equal(cite_find(d, from, "Статья 12"), art);
		assert_ptr_equal(cite_find(d, from, "1"), from);
		assert_ptr_equal(cite_find(d, from, "art. 12, para. 2 (b)"),
				 get(d, "annex1/decl/s2/s1/p2/b"));
		assert_ptr_equal(cite_find(d, from, "12.2"), get(d, "annex1/decl/s2/s1/p2"));
		assert_ptr_equal(cite_find(d, from, "chap. II"), get(d, "annex1/decl/s2"));
		assert_ptr_equal(cite_find(d, NULL, "annex1/decl"), get(d, "annex1/decl"));
		assert_null(cite_find(d, from, "Article 99"));
		assert_null(cite_find(d, from, "?!"));
		/* what lang_cite writes, read back: every clause and article */
		for (size_t k = 1; k < d->nnodes; k++) {
			node *nd = d->nodes[k];
			if (nd->kind != NODE_PARAGRAPH && nd->kind != NODE_SUBITEM &&
			    nd->kind != NODE_ANNEX &&
			    !(nd->kind == NODE_SECTION && nd->unit == UNIT_ARTICLE))
				continue;
			char *cs = cite_format(d, nd);
			if (cite_find(d, NULL, cs) != nd)
				fail_msg("%s: '%s' finds %s", nd->path, cs,
					 cite_find(d, NULL, cs) ? cite_find(d, NULL, cs)->path
					 : "nothing");
			free(cs);
		}
		assert_null(cite_find(d, from, "Annex II, para. 1"));
		doc_free(d);
	}
	assert_string_equal(doc_node_unit_name(UNIT_ARTICLE), "article");
}

/* Preambular paragraphs: after an opener ending in a comma, those ending
 * in a comma or opening with a participle, numbered ppN in every kind of
 * text, cited in the document's language; operative text is never pp. */
static void
test_preamble(void **state)
{
	(void)state;
	/* no numbered paragraph at all (a draft decision) */
	doc *d = parse_str("The General Assembly,\n\nRecalling its resolution 71/222,\n\n"
			   "Recognizing the convening of the Conference,\n\nDecides:\n\n"
			   "(a) To postpone the matter;\n\n(b) To act later.\n", "en");
	node *pp2 = get(d, "pp2");
	assert_int_equal(pp2->unit, UNIT_PREAMBLE);
	assert_string_equal(pp2->cite, "pp2");
	node *op = get(d, "p1");
	assert_string_equal(op->cite, "1");
	assert_int_equal(op->unit, UNIT_NONE);
	assert_starts(d, op, "Decides:");
	char *c = cite_format(d, pp2);
	assert_string_equal(c, "preambular para. 2");
	assert_ptr_equal(cite_find(d, NULL, c), pp2);
	assert_ptr_equal(cite_find(d, NULL, "pp2"), pp2);
	free(c);
	doc_free(d);
	/* a convention's preamble, its closing formula, a chapeau among
	 * numbered paragraphs (no cite: a position would clash) */
	d = parse_str("Annex\n\nConvention on Cargo Documents\n\n"
		      "The States Parties to this Convention,\n\n"
		      "Reaffirming their belief in trade,\n\nConscious of its role,\n\n"
		      "Have agreed as follows:\n\nArticle 1\n\nDefinitions\n\n"
		      "For the purposes of this Convention:\n\n1. “Consignor” means a person.\n\n"
		      "2. “Consignee” means a person.\n", "en");
	assert_string_equal(get(d, "annex1/decl/pp1")->cite, "pp1");
	assert_int_equal(get(d, "annex1/decl/pp2")->unit, UNIT_PREAMBLE);
	assert_starts(d, get(d, "annex1/decl/pp3"), "Have agreed as follows:");
	node *chapeau = get(d, "annex1/decl/s1/u1");
	assert_null(chapeau->cite);
	assert_int_equal(chapeau->unit, UNIT_NONE);
	c = cite_format(d, chapeau);
	assert_string_equal(c, "Annex, art. 1");
	free(c);
	doc_free(d);
	/* the citation words of each language */
	static const struct { const char *lang, *text, *want; } w[] = {
		{ "es", "La Asamblea General,\n\nRecordando su resolución,\n\n"
			"Observando el informe,\n\n1. Decide actuar.\n", "párr. 2 del preámbulo" },
		{ "fr", "L’Assemblée générale,\n\nRappelant sa résolution,\n\n"
			"Notant le rapport,\n\n1. Décide d’agir.\n", "al. 2 du préambule" },
		{ "ru", "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию,\n\n"
			"Принимая к сведению доклад,\n\n1. постановляет действовать.\n",
		  "п. 2 преамбулы" },
	};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
		d = parse_str(w[i].text, w[i].lang);
		c = cite_format(d, get(d, "pp2"));
		assert_string_equal(c, w[i].want);
		free(c);
		doc_free(d);
	}
}

static void
test_footnotes_and_annex(void **state)
{
	(void)state;
	doc *d = parse_str(
		"1. \nEndorses the declaration in the annex;1 \n \n"
		"18th plenary meeting \n14 October 2025 \n \n"
		"Annex \nAwaza Political Declaration \n \n"
		"1. \nWe, the Heads of State, met in Awaza.2 We welcome the\n"
		"_______________ \n \n1 Resolution 79/233, annex. \n \n"
		"2 See resolution 78/266.\n\nA/RES/80/3 \nAwaza Political Declaration\n \n"
		"25-16680\n2/5 \n \n"
		"programme.\n", "en");
	node *note = get(d, "note1");
	assert_text(d, note, "18th plenary meeting\n14 October 2025");
	node *a = get(d, "annex1");
	assert_text(d, a, "Annex");
	node *decl = get(d, "annex1/decl");
	assert_text(d, decl, "Awaza Political Declaration");
	/* footnote marks glued to the text read as superscripts */
	assert_text(d, get(d, "annex1/decl/p1"),
		    "We, the Heads of State, met in Awaza.\u00b2 We welcome the programme.");
	assert_text(d, get(d, "p1"), "Endorses the declaration in the annex;\u00b9");
	node *fn = get(d, "annex1/fn2");
	assert_int_equal(fn->kind, NODE_FOOTNOTE);
	assert_text(d, fn, "See resolution 78/266.");
	/* footnote 1's mark is in the resolution's own paragraph: its
	 * footnote is the document's, though printed on the annex's page */
	assert_text(d, get(d, "fn1"), "Resolution 79/233, annex.");
	assert_null(doc_find_path(d, "annex1/fn1"));
	doc_free(d);
}

/* What a footnote mark is and is not: digits glued to a word or closing
 * punctuation, with a footnote of that number in the document; never part
 * of a symbol, a decimal, a one-letter section number or a code. */
static void
test_footnote_marks(void **state)
{
	(void)state;
	doc *d = parse_str(
		"1. The United Nations1 Strategy2 and (A/C.2/80/1) 3 see A/80/100/Add.1, GC(69)/RES/9 "
		"A.2, G2, CO2, 1.5, 1,000, the Convention)3 and “model”.4 with 5 more.\n"
		"2. In prisons of human beings. 5\n"
		"3. Next paragraph.\n"
		"_______________ \n \n"
		"1 One. \n \n2 Two. \n \n3 Three. \n \n4 Four. \n \n5 Five.\n", "en");
	assert_text(d, get(d, "fn5"), "Five.");
	assert_text(d, get(d, "p1"),
		    "The United Nations\u00b9 Strategy\u00b2 and (A/C.2/80/1) 3 see "
		    "A/80/100/Add.1, GC(69)/RES/9 A.2, G2, CO2, 1.5, 1,000, the "
		    "Convention)\u00b3 and “model”.\u2074 with 5 more.");
	/* a mark set apart after the sentence ends the paragraph */
	assert_text(d, get(d, "p2"), "In prisons of human beings. 5");
	assert_text(d, get(d, "p3"), "Next paragraph.");
	doc_free(d);
}

/* Agenda items: masthead forms and the circulation request in letters, in
 * each language. */
static void
test_agenda(void **state)
{
	(void)state;
	doc *d = parse_str("United Nations\nA/C.1/80/L.13\n\nGeneral Assembly\n"
			   "Distr.: Limited\n10 October 2025\nOriginal: English\n\n"
			   "Eightieth session\nFirst Committee\nAgenda item 99 (k)  \n"
			   "General and complete disarmament\n\n\n\nText here.\n", "en");
	assert_int_equal(d->meta.nagenda, 1);
	assert_string_equal(d->meta.agenda[0], "99 (k)");
	assert_string_equal(d->meta.distribution, "Limited");
	assert_string_equal(d->meta.orig_lang, "en");
	assert_int_equal(d->meta.session, 80);
	assert_int_equal(d->root->nkids, 1);
	doc_free(d);

	static const struct { const char *lang, *text; } letters[] = {
		{ "en", "Letter dated 26 May 2020 from the Permanent Representative of "
			"Kazakhstan to the United Nations addressed to the Secretary-General\n\n"
			"I should be grateful if you would circulate the present letter as a "
			"document of the General Assembly, under agenda items 98 and 112.\n" },
		{ "fr", "Lettre datée du 26 mai 2020, adressée au Secrétaire général par le "
			"Représentant permanent du Kazakhstan auprès de l’Organisation des "
			"Nations Unies\n\nJe vous serais reconnaissant de bien vouloir faire "
			"distribuer le texte de la présente lettre comme document de "
			"l’Assemblée générale, au titre des points 98 et 112 de l’ordre du "
			"jour.\n" },
		{ "ru", "Письмо Постоянного представителя Казахстана при Организации "
			"Объединенных Наций от 26 мая 2020 года на имя Генерального секретаря\n\n"
			"Прошу распространить настоящее письмо в качестве документа "
			"Генеральной Ассамблеи по пунктам 98 и 112 повестки дня.\n" },
	};
	for (size_t i = 0; i < sizeof letters / sizeof *letters; i++) {
		d = parse_str(letters[i].text, letters[i].lang);
		node *l = get(d, "letter");
		assert_int_equal(l->kind, NODE_LETTER);
		assert_string_equal(d->meta.date, "2020-05-26");
		assert_int_equal(d->meta.nagenda, 2);
		assert_string_equal(d->meta.agenda[0], "98");
		assert_string_equal(d->meta.agenda[1], "112");
		assert_int_equal(d->meta.session, 74);
		assert_non_null(d->meta.sender);
		assert_non_null(strstr(d->meta.sender, "Kazakhstan") ?
				strstr(d->meta.sender, "Kazakhstan") :
				strstr(d->meta.sender, "Казахстана"));
		assert_non_null(d->meta.addressee);
		doc_free(d);
	}
}

/* An English letter with two signatures and an annex; a French signature. */
static void
test_letter_en(void **state)
{
	(void)state;
	doc *d = parse_str(
		"Letter dated 26 May 2020 from the Permanent Representatives of Armenia "
		"and Belarus to the United Nations addressed to the Secretary-General\n\n"
		"We have the honour to transmit the joint statement (see annex).\n\n"
		"(Signed) Mher Margaryan\nPermanent Representative of Armenia\n\n"
		"(Signed) Valentin Rybakov\nPermanent Representative of Belarus\n\n"
		"Annex to the letter dated 26 May 2020 from the Permanent Representatives "
		"of Armenia and Belarus\n\n[Original: Russian]\n\n"
		"Statement of the Ministers of Foreign Affairs\n\n"
		"The Ministers reaffirm their commitment.\n\n"
		"Moscow, 26 May 2020\n", "en");
	assert_int_equal(get(d, "letter")->kind, NODE_LETTER);
	assert_text(d, get(d, "letter/sig"),
		    "(Signed) Mher Margaryan\nPermanent Representative of Armenia");
	assert_text(d, get(d, "letter/sig2"),
		    "(Signed) Valentin Rybakov\nPermanent Representative of Belarus");
	assert_string_equal(d->meta.orig_lang, "ru");
	assert_string_equal(d->meta.addressee, "Secretary-General");
	assert_string_equal(d->meta.sender, "Permanent Representatives of Armenia and Belarus");
	assert_text(d, get(d, "annex1/decl"), "Statement of the Ministers of Foreign Affairs");
	assert_text(d, get(d, "annex1/decl/p1"), "The Ministers reaffirm their commitment.");
	doc_free(d);

	d = parse_str("Lettre datée du 3 mars 2021, adressée au Secrétaire général par le "
		      "Représentant permanent de la France\n\nJ’ai l’honneur de vous "
		      "transmettre la déclaration.\n\n(Signé) Nicolas de Rivière\n", "fr");
	assert_text(d, get(d, "letter/sig"), "(Signé) Nicolas de Rivière");
	assert_string_equal(d->meta.date, "2021-03-03");
	assert_string_equal(d->meta.addressee, "Secrétaire général");
	doc_free(d);
}

/* Citations in the document's language, for an annexed declaration. */
static void
test_cite_langs(void **state)
{
	(void)state;
	static const struct { const char *lang, *annex, *want; } c[] = {
		{ "en", "Annex", "Annex, para. 2" },
		{ "es", "Anexo", "Anexo, párr. 2" },
		{ "fr", "Annexe", "Annexe, par. 2" },
		{ "ru", "Приложение", "Приложение, п. 2" },
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		char text[256];
		snprintf(text, sizeof text, "%s\n\nJoint statement\n\nFirst clause.\n\n"
			 "Second clause.\n", c[i].annex);
		doc *d = parse_str(text, c[i].lang);
		char *got = cite_format(d, get(d, "annex1/decl/p2"));
		assert_string_equal(got, c[i].want);
		free(got);
		doc_free(d);
	}
}

static void
test_detect(void **state)
{
	(void)state;
	static const char fr[] = "Le présent rapport a été établi conformément aux "
				 "résolutions du Conseil des droits de l’homme et de la "
				 "Commission.";
	static const char ru[] = "Настоящий доклад был подготовлен во исполнение резолюций.";
	static const char es[] = "Tengo el honor de transmitir una declaración conjunta de "
				 "los Jefes de Estado de la Comunidad.";
	static const char en[] = "The present report was prepared pursuant to the resolutions "
				 "of the Council and the Assembly.";
	assert_string_equal(lang_detect(fr, sizeof fr - 1), "fr");
	assert_string_equal(lang_detect(ru, sizeof ru - 1), "ru");
	assert_string_equal(lang_detect(es, sizeof es - 1), "es");
	assert_string_equal(lang_detect(en, sizeof en - 1), "en");
}

/* lang_prefix_any turns a text down by its first character before trying
 * the words: the filter must not change an answer (case, Cyrillic case
 * pairs whose UTF-8 lead bytes differ, the two apostrophes). */
static void
test_prefix_filter(void **state)
{
	(void)state;
	static const char *const list[] = { "Статья", "l’homme", "Article", NULL };
	size_t which = 9;
	assert_int_equal(lang_prefix_any("ARTICLE 5", 9, list, &which), 7);
	assert_int_equal(which, 2);
	const char *ru = "СТАТЬЯ 5";	/* С is D0 A1, с would be D1 81 */
	assert_int_equal(lang_prefix_any(ru, strlen(ru), list, &which), strlen("СТАТЬЯ"));
	assert_int_equal(which, 0);
	const char *ru2 = "статья 5";
	assert_int_equal(lang_prefix_any(ru2, strlen(ru2), list, NULL), strlen("статья"));
	assert_int_equal(lang_prefix_any("L'homme", 7, list, &which), 7);
	assert_int_equal(which, 1);
	assert_int_equal(lang_prefix_any("Articles", 8, list, NULL), 0);
	assert_int_equal(lang_prefix_any("Marticle", 8, list, NULL), 0);
	assert_int_equal(lang_prefix_any("", 0, list, NULL), 0);
	assert_int_equal(lang_prefix_any("\xff", 1, list, NULL), 0);
	/* the parser's own lists through the same path */
	assert_int_equal(lang_prefix_any("NACIONES UNIDAS", 15, lang_org_names, NULL), 15);
	const char *org = "организация объединенных наций";
	assert_int_equal(lang_prefix_any(org, strlen(org), lang_org_names, NULL), strlen(org));
}

/* Sibling paragraphs with the same number (documents joined one after
 * another) get id, id_2, id_3 … in order. */
static void
test_duplicate_ids(void **state)
{
	(void)state;
	buf b;
	buf_init(&b);
	for (int i = 0; i < 300; i++)
		buf_printf(&b, "1. Paragraph %d of its document.\n\n", i);
	doc *d = parse_str(b.s, "en");
	assert_text(d, get(d, "p1"), "Paragraph 0 of its document.");
	assert_text(d, get(d, "p1_2"), "Paragraph 1 of its document.");
	assert_text(d, get(d, "p1_300"), "Paragraph 299 of its document.");
	doc_free(d);
	buf_clear(&b);
}

static void
test_degenerate(void **state)
{
	(void)state;
	static const char *const inputs[] = { "", "\n\n\n", "   \n \f\n", "1.", "(a)",
					      "_____\n", "Annex", "2/3\n25-19974\n",
					      "United Nations\n", "\t\t\n1.\n\n" };
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		doc *d = parse_str(inputs[i], NULL);
		assert_non_null(d->root);
		for (size_t b = 0; b < d->nblocks; b++)
			assert_true(d->blocks[b]->len > 0);
		doc_free(d);
	}
}

/* A 10 MB single line: one paragraph, all of it (time is in bench/). */
static void
test_huge_line(void **state)
{
	(void)state;
	size_t n = 10u << 20;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 9 == 8 ? ' ' : 'a' + i % 9;
	big[n - 1] = 'z';
	big[n] = '\0';
	doc *d = parse_document("big", big, n, NULL);
	assert_int_equal(d->nblocks, 1);
	assert_int_equal(d->blocks[0]->len, n);
	assert_true(strlen(d->blocks[0]->label) < 60);
	doc_free(d);
	free(big);
}

/* The levels below the root of the deepest node, and how many nodes of
 * kind k there are (over d->nodes: no recursion). */
static int
max_depth(const doc *d, node_kind k, size_t *count)
{
	int deepest = 0;
	*count = 0;
	for (size_t i = 0; i < d->nnodes; i++) {
		int depth = 0;
		for (const node *q = d->nodes[i]; q->parent; q = q->parent)
			depth++;
		if (depth > deepest)
			deepest = depth;
		*count += d->nodes[i]->kind == k;
	}
	return deepest;
}

/* "Annex\nTitle\n" 10,000 times: each annex would nest in the body of
 * the one before (an unnumbered annex after an annex that transmits a
 * body is that body's annex); the tree stops at 16 levels, every annex
 * kept, and the walks over it (emit, footnote marks, doc_finish) do not
 * overflow the stack (this crashed with SIGSEGV). */
static void
test_nested_annex_bounded(void **state)
{
	(void)state;
	const char unit[] = "Annex\nTitle\n";
	size_t reps = 10000, n = reps * (sizeof unit - 1);
	char *text = malloc(n + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(text + i * (sizeof unit - 1), unit, sizeof unit - 1);
	text[n] = '\0';
	parse_options o = { .lang = "en" };
	doc *d = parse_document("nest", text, n, &o);
	size_t annexes;
	int depth = max_depth(d, NODE_ANNEX, &annexes);
	assert_int_equal(depth, 16);
	assert_int_equal(annexes, reps);
	/* a short run nests as before, below the bound */
	doc_free(d);
	d = parse_document("nest", text, 4 * (sizeof unit - 1), &o);
	assert_int_equal(max_depth(d, NODE_ANNEX, &annexes), 8);
	assert_int_equal(annexes, 4);
	doc_free(d);
	free(text);
}

/* The bundled letter concatenated 15 times (a compilation, as cat makes
 * it): 15 letters at top level, each followed by its annex, not each
 * nested in the declaration before it. */
static void
test_compilation_flat(void **state)
{
	(void)state;
	const char *top = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof path, "%s/data/cis-declaration-2020.txt", top ? top : ".");
	source s;
	char *err = NULL;
	assert_int_equal(source_load(path, &s, &err), 0);
	size_t copies = 15, n = copies * s.len;
	char *text = malloc(n + 1);
	for (size_t i = 0; i < copies; i++)
		memcpy(text + i * s.len, s.data, s.len);
	text[n] = '\0';
	doc *d = parse_document("compilation", text, n, NULL);
	doc *one = parse_document("one", s.data, s.len, NULL);
	assert_int_equal(count_kind(d->root, NODE_LETTER), copies);
	assert_int_equal(count_kind(d->root, NODE_ANNEX), copies);
	assert_int_equal(d->root->nkids, copies * one->root->nkids);
	for (size_t i = 0; i < d->root->nkids; i++) {
		const node *a = d->root->kids[i], *b = one->root->kids[i % one->root->nkids];
		assert_int_equal(a->kind, b->kind);
		assert_int_equal(a->nkids, b->nkids);
	}
	size_t letters;
	assert_int_equal(max_depth(d, NODE_LETTER, &letters), max_depth(one, NODE_LETTER, &letters));
	doc_free(one);
	doc_free(d);
	free(text);
	source_clear(&s);
}

/* The furniture entry of source line `line`, or NULL. */
static const doc_furniture *
furn_at(const doc *d, size_t line)
{
	for (size_t i = 0; i < d->meta.nfurniture; i++)
		if (d->meta.furniture[i].line == line)
			return &d->meta.furniture[i];
	return NULL;
}

/* Every removed line is in meta.furniture with its number, kind and
 * text, in order; the masthead's agenda titles are paired with the
 * items (one title a line and the lower-case lines continuing it). */
static void
test_furniture_list(void **state)
{
	(void)state;
	doc *d = parse_str("United Nations A/61/917\n"			/* 1 */
			   "General Assembly Distr.: General\n"		/* 2 */
			   "21 May 2007\n"					/* 3 */
			   "Original: English\n"				/* 4 */
			   "07-35147 (E) 230507\n"				/* 5 */
			   "*0735147*\n"					/* 6 */
			   "Sixty-first session\n"				/* 7 */
			   "Agenda items 68 and 117\n"				/* 8 */
			   "Report of the Human Rights Council\n"		/* 9 */
			   "Programme budget for the biennium\n"		/* 10 */
			   "2006-2007 and related matters\n"			/* 11 */
			   "Report of the Advisory Committee\n"		/* 12 */
			   "1. The Advisory Committee has considered the reports of the\n"
			   "Secretary-General on the revised estimates and notes them.\n"
			   "07-35147\n"						/* 15 */
			   "2/3\n"						/* 16 */
			   "/...\n"						/* 17 */
			   "2. The Committee recommends that the General Assembly take\n"
			   "note of the reports of the Secretary-General.\n", "en");
	assert_int_equal(d->meta.nfurniture, d->meta.furniture_lines);
	for (size_t i = 1; i < d->meta.nfurniture; i++)
		assert_true(d->meta.furniture[i - 1].line < d->meta.furniture[i].line);
	static const struct { size_t line; const char *kind, *text; } want[] = {
		{ 1, "masthead", "United Nations A/61/917" },
		{ 5, "job-number", "07-35147 (E) 230507" },
		{ 6, "barcode", "*0735147*" },
		{ 8, "masthead", "Agenda items 68 and 117" },
		{ 9, "masthead", "Report of the Human Rights Council" },
		{ 15, "job-number", "07-35147" },
		{ 16, "page-number", "2/3" },
		{ 17, "continuation", "/..." },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const doc_furniture *f = furn_at(d, want[i].line);
		assert_non_null(f);
		assert_string_equal(f->kind, want[i].kind);
		assert_string_equal(f->text, want[i].text);
	}
	/* the paragraphs are text, not furniture */
	assert_null(furn_at(d, 13));
	assert_null(furn_at(d, 18));
	assert_int_equal(d->meta.nagenda_titles, 2);
	assert_string_equal(d->meta.agenda_titles[0].item, "68");
	assert_string_equal(d->meta.agenda_titles[0].title, "Report of the Human Rights Council");
	assert_string_equal(d->meta.agenda_titles[1].item, "117");
	doc_free(d);

	/* more titles than items: kept, unpaired */
	d = parse_str("United Nations A/1/2\nGeneral Assembly Distr.: General\n"
		      "Agenda items 5 and 6\nFirst title\nSecond title\nThird title\n\n"
		      "1. Text of the document, which goes on here.\n", "en");
	assert_int_equal(d->meta.nagenda_titles, 3);
	for (size_t i = 0; i < 3; i++)
		assert_null(d->meta.agenda_titles[i].item);
	assert_string_equal(d->meta.agenda_titles[2].title, "Third title");
	doc_free(d);
}

/* No node's text holds a masthead line's words. */
static void
assert_no_masthead_node(const doc *d, const char *const *lines)
{
	for (size_t k = 0; lines[k]; k++)
		assert_null(memmem(d->plain, d->plain_len, lines[k], strlen(lines[k])));
}

/* Older mastheads (1970s-2000s), modelled on real ones: the organ
 * stacked ("GENERAL" / "ASSEMBLY") or set beside "Distr." in columns,
 * "Distr. GENERAL", "ORIGINAL: ENGLISH", "Item 54 of the preliminary
 * list*" with its title after a blank line, a job number with its date
 * and "/..." on one line, "English" / "Page 2": metadata or furniture;
 * the all-capital letter title is the letter's, sender and addressee read. */
static void
test_old_masthead(void **state)
{
	(void)state;
	static const char stacked[] =
		"UNITED NATIONS\n"
		"\n"
		"GENERAL\n"
		"ASSEMBLY\n"
		"\n"
		"                                                Distr.\n"
		"                                                GENERAL\n"
		"\n"
		"                                                A/50/123\n"
		"                                                6 March 1995\n"
		"\n"
		"                                                ORIGINAL: ENGLISH\n"
		"\n"
		"Fiftieth session\n"
		"Item 54 of the preliminary list*\n"
		"\n"
		"        QUESTION OF THE COMPOSITION OF THE RELEVANT ORGANS\n"
		"                      OF THE UNITED NATIONS\n"
		"\n"
		"            LETTER DATED 3 MARCH 1995 FROM THE PERMANENT REPRESENTATIVE\n"
		"            OF NORWAY TO THE UNITED NATIONS ADDRESSED TO THE\n"
		"                            SECRETARY-GENERAL\n"
		"\n"
		"     I have the honour to transmit herewith the text of the statement issued\n"
		"by the Government of Norway on 2 March 1995 concerning the situation.\n"
		"\n"
		"     I should be grateful if you would have the present letter and its annex\n"
		"circulated as a document of the General Assembly under item 54 of the\n"
		"preliminary list.\n"
		"\n"
		"                                        (Signed)  Hans Olav NORDMANN\n"
		"                                             Permanent Representative\n"
		"\n"
		"______________________\n"
		"     * A/50/50.\n"
		"\n"
		"95-07312 (E)   140395                                              /...\n";
	doc *d = parse_str(stacked, "en");
	assert_int_equal(d->root->kids[0]->kind, NODE_LETTER);
	assert_string_equal(d->meta.title, "LETTER DATED 3 MARCH 1995 FROM THE PERMANENT "
			    "REPRESENTATIVE OF NORWAY TO THE UNITED NATIONS ADDRESSED TO THE "
			    "SECRETARY-GENERAL");
	assert_string_equal(d->meta.sender, "PERMANENT REPRESENTATIVE OF NORWAY");
	assert_string_equal(d->meta.addressee, "SECRETARY-GENERAL");
	assert_string_equal(d->meta.symbol, "A/50/123");
	assert_string_equal(d->meta.distribution, "General");
	assert_string_equal(d->meta.orig_lang, "en");
	assert_string_equal(d->meta.date, "1995-03-06");
	assert_string_equal(d->meta.job, "95-07312");
	assert_int_equal(d->meta.nagenda, 1);
	assert_string_equal(d->meta.agenda[0], "54");
	assert_int_equal(d->meta.nagenda_titles, 1);
	assert_string_equal(d->meta.agenda_titles[0].item, "54");
	assert_string_equal(d->meta.agenda_titles[0].title, "QUESTION OF THE COMPOSITION OF "
			    "THE RELEVANT ORGANS OF THE UNITED NATIONS");
	static const char *const mast1[] = { "ASSEMBLY", "ORIGINAL", "preliminary list*",
					     "95-07312", "/...", NULL };
	assert_no_masthead_node(d, mast1);
	assert_string_equal(furn_at(d, 4)->kind, "masthead");	/* ASSEMBLY */
	assert_string_equal(furn_at(d, 37)->kind, "job-number");	/* with "/..." */
	doc_free(d);

	static const char columns[] =
		"UNITED NATIONS                                                     A\n"
		"GENERAL                                                  Distr.\n"
		"ASSEMBLY                                                 GENERAL\n"
		"\n"
		"                                                         A/49/870\n"
		"                                                         S/1995/123\n"
		"                                                         10 February 1995\n"
		"\n"
		"                                                         ORIGINAL: ENGLISH\n"
		"\n"
		"GENERAL ASSEMBLY                              SECURITY COUNCIL\n"
		"Forty-ninth session                           Fiftieth year\n"
		"Agenda items 54 and 98\n"
		"\n"
		"LETTER DATED 8 FEBRUARY 1995 FROM THE PERMANENT REPRESENTATIVE\n"
		"OF MEXICO TO THE UNITED NATIONS ADDRESSED TO THE SECRETARY-GENERAL\n"
		"\n"
		"     I have the honour to transmit herewith the joint communique issued\n"
		"on 7 February 1995 by the Ministers for Foreign Affairs of the Group.\n"
		"\n"
		"     I should be grateful if you would have this letter and its annex\n"
		"circulated as an official document of the General Assembly, under agenda\n"
		"items 54 and 98, and of the Security Council.\n"
		"\n"
		"95-03871 (E)   130295                                              /...\n"
		"                                                         A/49/870\n"
		"                                                         S/1995/123\n"
		"                                                         English\n"
		"                                                         Page 2\n"
		"\n"
		"     The Ministers also expressed the hope that the negotiations would\n"
		"continue in good faith.\n"
		"\n"
		"                                        (Signed)  Victor FLORES OLEA\n"
		"                                             Ambassador\n"
		"                                        Permanent Representative\n";
	d = parse_str(columns, "en");
	assert_int_equal(d->root->kids[0]->kind, NODE_LETTER);
	assert_string_equal(d->meta.sender, "PERMANENT REPRESENTATIVE OF MEXICO");
	assert_string_equal(d->meta.distribution, "General");
	assert_string_equal(d->meta.date, "1995-02-10");
	assert_int_equal(d->meta.session, 49);
	assert_int_equal(d->meta.nagenda, 2);
	static const char *const mast2[] = { "UNITED NATIONS  ", "Distr", "SECURITY COUNCIL",
					     "Fiftieth year", "Page 2", "English", NULL };
	assert_no_masthead_node(d, mast2);
	assert_string_equal(furn_at(d, 29)->kind, "page-number");
	assert_string_equal(furn_at(d, 28)->kind, "running-header");
	doc_free(d);

	static const char french[] =
		"NATIONS UNIES\n"
		"\n"
		"ASSEMBLEE\n"
		"GENERALE\n"
		"\n"
		"                                                Distr.\n"
		"                                                GENERALE\n"
		"\n"
		"                                                A/50/200\n"
		"                                                12 juin 1995\n"
		"                                                FRANCAIS\n"
		"                                                ORIGINAL : ANGLAIS\n"
		"\n"
		"Cinquantième session\n"
		"Point 7 de l'ordre du jour provisoire*\n"
		"\n"
		"            LETTRE DATEE DU 9 JUIN 1995, ADRESSEE AU SECRETAIRE GENERAL\n"
		"            PAR LE REPRESENTANT PERMANENT DE LA NORVEGE AUPRES DE\n"
		"                       L'ORGANISATION DES NATIONS UNIES\n"
		"\n"
		"     J'ai l'honneur de vous faire tenir ci-joint le texte de la déclaration\n"
		"publiée par le Gouvernement norvégien le 8 juin 1995.\n"
		"\n"
		"                                        L'Ambassadeur,\n"
		"                                        (Signé) Hans Olav NORDMANN\n";
	d = parse_str(french, "fr");
	assert_string_equal(d->meta.distribution, "General");
	assert_string_equal(d->meta.orig_lang, "en");
	assert_int_equal(d->meta.nagenda, 1);
	assert_string_equal(d->meta.agenda[0], "7");
	assert_non_null(strstr(d->meta.title, "LETTRE DATEE DU 9 JUIN 1995"));
	static const char *const mast3[] = { "ASSEMBLEE", "FRANCAIS", "ordre du jour", NULL };
	assert_no_masthead_node(d, mast3);
	doc_free(d);

	/* the Security Council's, "UNITED <gap> S" over "NATIONS" */
	static const char council[] =
		"UNITED                                                            S\n"
		"NATIONS\n"
		"\n"
		"Security Council\n"
		"                                                   Distr.\n"
		"                                                   GENERAL\n"
		"\n"
		"                                                   S/1995/123\n"
		"                                                   14 February 1995\n"
		"\n"
		"                                                   ORIGINAL: ENGLISH\n"
		"\n"
		"        LETTER DATED 13 FEBRUARY 1995 FROM THE PERMANENT REPRESENTATIVE\n"
		"        OF MEXICO TO THE UNITED NATIONS ADDRESSED TO THE PRESIDENT OF\n"
		"                          THE SECURITY COUNCIL\n"
		"\n"
		"     I have the honour to transmit herewith the communique issued on\n"
		"13 February 1995.\n"
		"\n"
		"                                        (Signed)  Victor FLORES OLEA\n"
		"\n"
		"95-04512 (E)   140295   150295\n";
	d = parse_str(council, "en");
	assert_int_equal(d->root->nkids, 1);
	assert_int_equal(d->root->kids[0]->kind, NODE_LETTER);
	assert_string_equal(d->meta.addressee, "PRESIDENT OF THE SECURITY COUNCIL");
	assert_string_equal(d->meta.symbol, "S/1995/123");
	assert_string_equal(d->meta.job, "95-04512");
	assert_string_equal(furn_at(d, 1)->kind, "masthead");
	doc_free(d);

	/* 1975: the agenda item's title in capitals, then the letter's */
	static const char seventies[] =
		"UNITED NATIONS\n"
		"GENERAL\n"
		"ASSEMBLY\n"
		"                                    Distr.\n"
		"                                    GENERAL\n"
		"\n"
		"                                    A/10217\n"
		"                                    23 September 1975\n"
		"                                    ENGLISH\n"
		"                                    ORIGINAL: FRENCH\n"
		"\n"
		"Thirtieth session\n"
		"Agenda item 23\n"
		"\n"
		"IMPLEMENTATION OF THE DECLARATION ON THE GRANTING OF INDEPENDENCE\n"
		"TO COLONIAL COUNTRIES AND PEOPLES\n"
		"\n"
		"Letter dated 22 September 1975 from the Permanent Representative of\n"
		"France to the United Nations addressed to the Secretary-General\n"
		"\n"
		"     On instructions from my Government, I have the honour to transmit\n"
		"to you the text of the statement made on 20 September 1975.\n"
		"\n"
		"     I should be grateful if you would have this letter circulated as an\n"
		"official document of the General Assembly under agenda item 23.\n"
		"\n"
		"                                        (Signed)  Louis de GUIRINGAUD\n";
	d = parse_str(seventies, "en");
	assert_int_equal(d->root->nkids, 1);
	assert_int_equal(d->root->kids[0]->kind, NODE_LETTER);
	assert_string_equal(d->meta.orig_lang, "fr");
	assert_string_equal(d->meta.sender, "Permanent Representative of France");
	assert_int_equal(d->meta.nagenda_titles, 1);
	assert_string_equal(d->meta.agenda_titles[0].item, "23");
	doc_free(d);
}

/* A web copy: a hosting site's navigation and file facts above the text,
 * counters and pagination below it are furniture of kind site-chrome;
 * the document's outline (kinds, numbers, labels), title and pages are
 * those of the text alone. Over corpus documents of every extraction
 * style (blank-less, numbers closing the text, double-spaced, Spanish). */
static void
test_site_chrome(void **state)
{
	(void)state;
	static const char *const names[] = { "en_A_61_917", "en_A_RES_80_239",
		"en_A_HRC_WG.6_7_ITA_1", "es_cis-declaration-2020", "en_A_C.5_80_L.1", NULL };
	static const char head[] = "Home \u203a Documents \u203a Search \u203a Log in\n"
				   "Pages: 12 \u00b7 Format: PDF \u00b7 Size: 1.0 MB\n\n";
	static const char tail[] = "\n1,234 views \u00b7 56 downloads\n1-10 11-20 21-30\n";
	const char *top = getenv("top_srcdir");
	for (size_t f = 0; names[f]; f++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/tests/data/parse/corpus/%s.txt", top ? top : ".",
			 names[f]);
		source src;
		char *err = NULL;
		assert_int_equal(source_load(path, &src, &err), 0);
		buf b;
		buf_init(&b);
		buf_adds(&b, head);
		buf_add(&b, src.data, src.len);
		buf_adds(&b, tail);
		doc *one = parse_document("one", src.data, src.len, NULL);
		doc *web = parse_document("web", b.s, b.len, NULL);
		assert_int_equal(web->nnodes, one->nnodes);
		for (size_t i = 0; i < one->nnodes; i++) {
			const node *x = one->nodes[i], *y = web->nodes[i];
			assert_int_equal(x->kind, y->kind);
			assert_string_equal(x->label, y->label);
			assert_true((x->number == NULL) == (y->number == NULL));
		}
		if (one->meta.title)
			assert_string_equal(one->meta.title, web->meta.title);
		assert_int_equal(web->meta.npages, one->meta.npages);
		assert_int_equal(web->meta.nfurniture, one->meta.nfurniture + 4);
		const doc_furniture *first = &web->meta.furniture[0];
		assert_int_equal(first->line, 1);
		assert_string_equal(first->kind, "site-chrome");
		assert_string_equal(web->meta.furniture[1].kind, "site-chrome");
		const doc_furniture *last = &web->meta.furniture[web->meta.nfurniture - 1];
		assert_string_equal(last->kind, "site-chrome");
		assert_string_equal(last->text, "1-10 11-20 21-30");
		doc_free(one);
		doc_free(web);
		buf_clear(&b);
		source_clear(&src);
	}
	/* numbers closing a text are not pagination */
	doc *d = parse_str("1. The totals are as follows:\n\n8 898 000\n9 756 600\n", "en");
	assert_int_equal(d->meta.nfurniture, 0);
	doc_free(d);
	/* a masthead set with bars is no site's navigation */
	d = parse_str("General Assembly | Distr.: General | Original: English\n\n"
		      "Text of the document here.\n", "en");
	for (size_t i = 0; i < d->meta.nfurniture; i++)
		assert_string_not_equal(d->meta.furniture[i].kind, "site-chrome");
	doc_free(d);
	/* Russian, a counter with its thousands set apart by a space */
	d = parse_str("\u0413\u043b\u0430\u0432\u043d\u0430\u044f \u203a "
		      "\u0414\u043e\u043a\u0443\u043c\u0435\u043d\u0442\u044b \u203a "
		      "\u041f\u043e\u0438\u0441\u043a\n\n"
		      "1. \u0422\u0435\u043a\u0441\u0442.\n\n"
		      "1 234 \u043f\u0440\u043e\u0441\u043c\u043e\u0442\u0440\u043e\u0432\n", "ru");
	assert_int_equal(d->meta.nfurniture, 2);
	assert_string_equal(d->meta.furniture[0].kind, "site-chrome");
	assert_string_equal(d->meta.furniture[1].kind, "site-chrome");
	assert_int_equal(d->meta.furniture[1].line, 5);
	doc_free(d);
}

/* A table of contents without a "Contents" line (three lines with dot
 * leaders, their column titles above) is furniture of kind toc, and the
 * chapters it lists come once, from the text. */
static void
test_toc_furniture(void **state)
{
	(void)state;
	static const char text[] =
		"Report of the Committee on Contributions\n"
		"\n"
		"Eighty-fifth session (5-23 June 2025)\n"
		"\n"
		"                                                      Paragraphs   Page\n"
		"I.   INTRODUCTION ........................................ 1-11       3\n"
		"II.  METHODS OF WORK ...................................... 12-40      7\n"
		"III. SCALE OF ASSESSMENTS ................................. 41-80     12\n"
		"IV.  MULTI-YEAR PAYMENT PLANS ............................. 81-95     20\n"
		"\n"
		"I. INTRODUCTION\n"
		"\n"
		"1. The Committee on Contributions held its eighty-fifth session at\n"
		"United Nations Headquarters from 5 to 23 June 2025.\n"
		"\n"
		"II. METHODS OF WORK\n"
		"\n"
		"2. The Committee reviewed its methods of work.\n";
	doc *d = parse_str(text, "en");
	assert_int_equal(count_kind(d->root, NODE_SECTION), 2);
	assert_null(memmem(d->plain, d->plain_len, "....", 4));
	assert_null(memmem(d->plain, d->plain_len, "Paragraphs", 10));
	size_t toc = 0;
	for (size_t i = 0; i < d->meta.nfurniture; i++)
		toc += strcmp(d->meta.furniture[i].kind, "toc") == 0;
	assert_int_equal(toc, 5);
	doc_free(d);
}

static size_t
count_all(const doc *d, node_kind k)
{
	size_t c = 0;
	for (size_t i = 0; i < d->nnodes; i++)
		c += d->nodes[i]->kind == k;
	return c;
}

/* One line per paragraph with a blank line between (a converter's
 * reflow): short paragraphs that end with ",", 24 of them, are 24
 * paragraphs, not double-spaced lines of one; text that is double-spaced
 * (every wrapped line of a page followed by an empty line) is still
 * joined into its paragraphs. */
static void
test_one_line_paragraphs(void **state)
{
	(void)state;
	buf b;
	buf_init(&b);
	buf_adds(&b, "The General Assembly,\n\n");
	for (int i = 0; i < 24; i++)
		buf_printf(&b, "Recalling its resolution 75/%d of %d December 2020 on the "
			   "question of the work of the Committee and the reports it "
			   "considered at its sessions,\n\n", 100 + i, 1 + i % 28);
	buf_adds(&b, "1. Decides to include the item in the provisional agenda.\n");
	doc *d = parse_str(b.s, "en");
	assert_int_equal(count_all(d, NODE_PARAGRAPH), 25);
	doc_free(d);

	b.len = 0;
	for (int i = 0; i < 6; i++)
		buf_printf(&b, "%d. The Committee considered the reports of the Secretary-General\n\n"
			   "on the revised estimates resulting from the decisions adopted by the\n\n"
			   "Council at its session in 2006 and on the revised estimates that\n\n"
			   "result from the resolutions adopted by the Council in 2007.\n\n", i + 1);
	d = parse_str(b.s, "en");
	assert_int_equal(count_all(d, NODE_PARAGRAPH), 6);
	assert_starts(d, get(d, "p2"), "The Committee considered the reports of the "
		      "Secretary-General on the revised estimates");
	doc_free(d);
	buf_clear(&b);
}

/* A short preambular paragraph whose footnote mark is printed in
 * superscript after its comma (as --dump prints marks) is a paragraph,
 * not a heading; a heading ending in a mark stays a heading. */
static void
test_superscript_end(void **state)
{
	(void)state;
	doc *d = parse_str("The General Assembly,\n\n"
			   "Recalling its resolution 79/1,\n\n"
			   "Taking note of the report of the Secretary-General,\u00b9\u00b2\n\n"
			   "1. Decides to remain seized of the matter.\n\n"
			   "Women\u00b9\n\n"
			   "2. Decides to act.\n", "en");
	size_t heads = 0, paras = 0;
	for (size_t i = 0; i < d->nnodes; i++) {
		const node *nd = d->nodes[i];
		size_t n = strlen("Taking note");
		if (nd->len >= n && memcmp(node_text(d, nd), "Taking note", n) == 0)
			assert_int_equal(nd->kind, NODE_PARAGRAPH);
		heads += nd->kind == NODE_HEADING;
		paras += nd->kind == NODE_PARAGRAPH;
	}
	assert_int_equal(paras, 4);
	assert_int_equal(heads, 2);	/* the Assembly, "Women" */
	doc_free(d);
}

/* Numbered paragraphs inline on one long line (a web page's or a PDF
 * viewer's copy) are paragraphs of their own; a lone "1." inside a
 * sentence, or a number that does not continue the chain, is text. */
static void
test_inline_paragraphs(void **state)
{
	(void)state;
	const char *t = "The General Assembly, Recalling its resolution 79/1 of "
			"1 December 2024 on the work of the Committee, 1. Decides "
			"to hold a meeting in 2026 on the question of the work of the "
			"Committee; 2. Requests the Secretary-General to report on it, "
			"as set out in section 5. 7. Decides to remain seized of the "
			"matter. 3. Decides to include the item in the provisional "
			"agenda of its eighty-first session.\n";
	doc *d = parse_str(t, "en");
	assert_int_equal(count_all(d, NODE_PARAGRAPH), 4);
	assert_starts(d, get(d, "p1"), "Decides to hold a meeting");
	assert_starts(d, get(d, "p2"), "Requests the Secretary-General");
	assert_non_null(strstr(node_text(d, get(d, "p2")), "section 5. 7. Decides"));
	assert_starts(d, get(d, "p3"), "Decides to include the item");
	doc_free(d);
	d = parse_str("The Committee noted that a total of 12 States had "
		      "replied to the questionnaire sent in January, 1. The "
		      "replies are in annex II of the present report, which the "
		      "Committee adopted at its meeting on 3 May in New York.\n", "en");
	assert_int_equal(count_all(d, NODE_PARAGRAPH), 1);
	doc_free(d);
}

/* A draft decision that letters its own clauses: "(a) Decides …" after
 * the preamble is a paragraph "(a)", not a sub-item of the last
 * preambular paragraph; its own "(i)" items are its sub-items. A
 * preambular paragraph that introduces a quotation with ":" keeps its
 * lettered items. */
static void
test_lettered_operative(void **state)
{
	(void)state;
	doc *d = parse_str("The General Assembly,\n\n"
			   "Recalling its decision 79/521 of 4 December 2024,\n\n"
			   "Noting the report of the Secretary-General on the question,\n\n"
			   "(a) Decides to continue the consideration of the question;\n\n"
			   "(b) Requests the Secretary-General to report on it, covering:\n\n"
			   "(i) the work of the Committee;\n\n"
			   "(ii) its methods;\n\n"
			   "(c) Decides to include the item in its provisional agenda.\n", "en");
	assert_int_equal(count_all(d, NODE_PARAGRAPH), 5);
	assert_int_equal(count_all(d, NODE_SUBITEM), 2);
	node *a = get(d, "pa");
	assert_int_equal(a->kind, NODE_PARAGRAPH);
	assert_string_equal(a->number, "(a)");
	assert_string_equal(a->cite, "a");
	assert_int_equal(get(d, "pp2")->nkids, 0);
	assert_int_equal(get(d, "pb")->nkids, 2);
	assert_int_equal(get(d, "pc")->kind, NODE_PARAGRAPH);
	doc_free(d);
	d = parse_str("The General Assembly,\n\n"
		      "Having received the advisory opinion of the Court, in which the "
		      "Court found that:\n\n"
		      "(a) The occupation is unlawful;\n\n"
		      "(b) The State is under an obligation to end it;\n\n"
		      "1. Welcomes the opinion.\n", "en");
	assert_int_equal(count_all(d, NODE_SUBITEM), 2);
	doc_free(d);
}

/* A keyword heading over its title in one block (no blank line between,
 * as --dump prints them) is a section even when the title is long or
 * starts with a digit. */
static void
test_keyword_title_block(void **state)
{
	(void)state;
	doc *d = parse_str("Article 41\n24/7 network\n\n"
			   "1. Each State Party shall designate a point of contact.\n\n"
			   "Article 42\nIntergovernmental organizations and other entities "
			   "having received a standing invitation to participate as observers "
			   "in the sessions and work of the General Assembly\n\n"
			   "1. Representatives designated by them may participate.\n", "en");
	assert_int_equal(count_all(d, NODE_SECTION), 2);
	assert_int_equal(count_all(d, NODE_HEADING), 0);
	for (size_t i = 0; i < d->nnodes; i++)
		if (d->nodes[i]->kind == NODE_SECTION)
			assert_int_equal(d->nodes[i]->nkids, 1);
	doc_free(d);
}

/* A text that a blank line cuts goes on: a title kept in short lines by
 * a converter, a paragraph cut at a page end, a meeting line and its
 * date; a table's note "a …" and a marked item still start blocks. */
static void
test_text_goes_on(void **state)
{
	(void)state;
	doc *d = parse_str("Resolution adopted by the General Assembly\n\n"
			   "on 1 December 2025\n\n"
			   "The General Assembly,\n\n"
			   "Recalling its resolution 79/1,\n\n"
			   "1. Welcomes the information provided by Member States on the\n\n"
			   "implementation of the measures that they have adopted;\n\n"
			   "2. Decides to remain seized of the matter.\n\n"
			   "52nd plenary meeting\n\n1 December 2025\n", "en");
	assert_text(d, get(d, "h1"), "Resolution adopted by the General Assembly "
		    "on 1 December 2025");
	assert_text(d, get(d, "p1"), "Welcomes the information provided by Member "
		    "States on the implementation of the measures that they have adopted;");
	assert_int_equal(count_all(d, NODE_PARAGRAPH), 3);
	assert_int_equal(count_all(d, NODE_NOTE), 1);
	doc_free(d);
	d = parse_str("The estimated appropriation for 2026 is 56 234 300\n\n"
		      "a See A/80/505.\n", "en");
	assert_int_equal(d->nblocks, 2);
	doc_free(d);
}

/* A preambular paragraph that ends with a comma at a page's end and one
 * that opens the next page are two paragraphs, even when the first fills
 * its last line. */
static void
test_preamble_page_break(void **state)
{
	(void)state;
	doc *d = parse_str("The General Assembly,\n\n"
			   "Recalling its resolution 79/1 of 1 December 2024 on the question, and\n"
			   "noting the report of the Secretary-General on its work in 2025 and 2026,\n"
			   "\n25-14304 (E) 081025\n*2514304*\n\f"
			   "A/RES/80/8\nPage 2\n\n"
			   "Noting with satisfaction that the flag will be flown at the stadium,\n\n"
			   "1. Decides to remain seized of the matter.\n", "en");
	assert_int_equal(count_all(d, NODE_PARAGRAPH), 3);
	assert_starts(d, get(d, "pp2"), "Noting with satisfaction");
	doc_free(d);
}

/* Footnotes printed after an annex (as --dump prints a document's
 * footnotes, at its end) whose marks only the document's own text has
 * are the document's; the annex keeps the ones it marks. */
static void
test_footnotes_after_annex(void **state)
{
	(void)state;
	doc *d = parse_str("1. Endorses the declaration in the annex;\u00b9\n\n"
			   "Annex\n\nAwaza Political Declaration\n\n"
			   "1. We, the Heads of State, met in Awaza.\u00b2\n\n"
			   "__________\n\n1 Resolution 79/233, annex.\n\n"
			   "2 See resolution 78/266.\n", "en");
	assert_text(d, get(d, "fn1"), "Resolution 79/233, annex.");
	assert_text(d, get(d, "annex1/fn2"), "See resolution 78/266.");
	doc_free(d);
}

/* pdftotext -layout sets a masthead's two columns on one line, far
 * apart ("United Nations <gap> A/HRC/…"), wider than any masthead line:
 * the lines are still the masthead, and their facts are read. */
static void
test_layout_masthead(void **state)
{
	(void)state;
	static const char text[] =
		"               United Nations                                                                        A/HRC/WG.6/34/ITA/3\n"
		"               General Assembly                                                          Distr.: General\n"
		"                                                                                         14 August 2019\n"
		"\n"
		"                                                                                         Original: English\n"
		"\n"
		"\n"
		"\n"
		"\n"
		"Human Rights Council\n"
		"Working Group on the Universal Periodic Review\n"
		"Thirty-fourth session\n"
		"4–15 November 2019\n"
		"\n"
		"\n"
		"             Summary of Stakeholders’ submissions on Italy\n"
		"\n"
		"       I. Background\n"
		"             1.    The present report was prepared pursuant to Human Rights Council resolutions 5/1\n"
		"             and 16/21, taking into consideration the periodicity of the universal periodic review.\n";
	doc *d = parse_str(text, "en");
	assert_string_equal(d->meta.symbol, "A/HRC/WG.6/34/ITA/3");
	assert_string_equal(d->meta.date, "2019-08-14");
	assert_string_equal(d->meta.distribution, "General");
	assert_string_equal(d->meta.orig_lang, "en");
	assert_string_equal(d->meta.title, "Summary of Stakeholders’ submissions on Italy");
	assert_null(memmem(d->plain, d->plain_len, "Original", 8));
	assert_null(memmem(d->plain, d->plain_len, "Distr.", 6));
	doc_free(d);
}

/* A page's footer in two layout cells, the page number and the job
 * number ("2 <gap> GE.19-13879"), then the running header after the form
 * feed: furniture, and the paragraph that runs over the break stays one;
 * a bare page number as the last line of the text is furniture too. */
static void
test_footer_cells(void **state)
{
	(void)state;
	static const char text[] =
		"I. Background\n"
		"\n"
		"      1.    The present report was prepared pursuant to Human Rights Council\n"
		"      resolutions 5/1 and 16/21, taking into consideration the periodicity of\n"
		"\n"
		"2                                                                  GE.19-13879\n"
		"\fA/HRC/WG.6/34/ITA/3\n"
		"\n"
		"      the universal periodic review.\n"
		"      2.    Joint Submission 7 noted that Italy had not yet ratified the International\n"
		"      Convention on the Protection of the Rights of All Migrant Workers and Members of\n"
		"      Their Families, despite having received several recommendations in this regard.\n"
		"      JS7 and Lawyers for Justice in Libya recommended that Italy ratify the\n"
		"      International Convention on the Protection of the Rights of All Migrant\n"
		"      Workers and Members of Their Families.\n"
		"\n"
		"GE.19-13879                                                                  3\n"
		"\f                                                          A/HRC/WG.6/34/ITA/3\n"
		"\n"
		"      3.    Joint Submission 8 noted that Italy was party to the United Nations 1954\n"
		"      Convention Relating to the Status of Stateless Persons and to the 1961\n"
		"      Convention on the Reduction of Statelessness, and that it had ratified the\n"
		"      European Convention on Nationality in 2017, which it welcomed as a step\n"
		"      forward in the protection of stateless persons in the country.\n"
		"\n"
		"\n"
		"4\n";
	doc *d = parse_str(text, "en");
	assert_null(memmem(d->plain, d->plain_len, "GE.19", 5));
	assert_null(memmem(d->plain, d->plain_len, "ITA/3", 5));
	assert_int_equal(d->root->nkids, 1);
	assert_int_equal(count_kind(d->root->kids[0], NODE_PARAGRAPH), 3);
	assert_int_equal(count_kind(d->root->kids[0], NODE_HEADING), 0);
	assert_non_null(memmem(d->plain, d->plain_len, "periodicity of the universal", 28));
	assert_null(memmem(d->plain, d->plain_len, "country. 4", 10));
	doc_free(d);
}

/* A heading as wide as the text that does not end a sentence (a
 * footnote mark ends it), then a numbered paragraph without a blank line
 * between: the layout gap after "29." starts the paragraph. */
static void
test_para_gap(void **state)
{
	(void)state;
	static const char text[] =
		"      II. Information provided by stakeholders\n"
		"\n"
		"             28.    JS2 noted that the law on defamation had not been amended in the\n"
		"             period under review and that it remained a criminal offence.\n"
		"\n"
		"             Fundamental freedoms and the right to participate in public and political life 61\n"
		"             29.     AccessNow and JS2 noted that defamation remained a criminal offence\n"
		"             and that legal protection was weak and not strengthened.\n";
	doc *d = parse_str(text, "en");
	assert_int_equal(d->root->nkids, 1);
	const node *s = d->root->kids[0];
	assert_int_equal(count_kind(s, NODE_PARAGRAPH), 2);
	assert_int_equal(count_kind(s, NODE_HEADING), 1);
	assert_string_equal(s->kids[s->nkids - 1]->number, "29");
	doc_free(d);
}

/* A footnote's star on a line of its own, its text on the next (an
 * older PDF's first page): one footnote, not a heading "*" and a
 * paragraph. */
static void
test_star_line(void **state)
{
	(void)state;
	static const char text[] =
		"        NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A)\n"
		"             OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1 *\n"
		"\n"
		"                                   Italy\n"
		"\n"
		"I. METHODOLOGY\n"
		"\n"
		"1. The report was prepared by the Inter-ministerial Committee for Human Rights.\n"
		"\n"
		"*\n"
		"    The present document was not edited before being sent to the United Nations translation services.\n";
	doc *d = parse_str(text, "en");
	assert_int_equal(count_kind(d->root, NODE_FOOTNOTE), 1);
	const node *fn = NULL;
	for (size_t i = 0; i < d->root->nkids; i++)
		if (d->root->kids[i]->kind == NODE_FOOTNOTE)
			fn = d->root->kids[i];
	assert_non_null(fn);
	assert_string_equal(fn->number, "*");
	assert_int_equal(count_kind(d->root, NODE_HEADING), 2);	/* title, "Italy" */
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cis_letter),
		cmocka_unit_test(test_cis_annex),
		cmocka_unit_test(test_cis_meta),
		cmocka_unit_test(test_cis_reflow),
		cmocka_unit_test(test_cis_cite),
		cmocka_unit_test(test_repair_splits),
		cmocka_unit_test(test_hyphenation),
		cmocka_unit_test(test_hyphenation_chain),
		cmocka_unit_test(test_reflow_spaces),
		cmocka_unit_test(test_furniture_mid_sentence),
		cmocka_unit_test(test_running_title_wrapped),
		cmocka_unit_test(test_page_end_closed),
		cmocka_unit_test(test_title_mark),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_bidi_marker),
		cmocka_unit_test(test_box_title),
		cmocka_unit_test(test_keyword_sections),
		cmocka_unit_test(test_convention_cite),
		cmocka_unit_test(test_preamble),
		cmocka_unit_test(test_footnotes_and_annex),
		cmocka_unit_test(test_footnote_marks),
		cmocka_unit_test(test_agenda),
		cmocka_unit_test(test_letter_en),
		cmocka_unit_test(test_cite_langs),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_prefix_filter),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_huge_line),
		cmocka_unit_test(test_nested_annex_bounded),
		cmocka_unit_test(test_compilation_flat),
		cmocka_unit_test(test_furniture_list),
		cmocka_unit_test(test_old_masthead),
		cmocka_unit_test(test_site_chrome),
		cmocka_unit_test(test_toc_furniture),
		cmocka_unit_test(test_one_line_paragraphs),
		cmocka_unit_test(test_superscript_end),
		cmocka_unit_test(test_inline_paragraphs),
		cmocka_unit_test(test_lettered_operative),
		cmocka_unit_test(test_keyword_title_block),
		cmocka_unit_test(test_text_goes_on),
		cmocka_unit_test(test_preamble_page_break),
		cmocka_unit_test(test_footnotes_after_annex),
		cmocka_unit_test(test_layout_masthead),
		cmocka_unit_test(test_footer_cells),
		cmocka_unit_test(test_para_gap),
		cmocka_unit_test(test_star_line),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
