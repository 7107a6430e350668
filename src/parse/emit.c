/* parse/emit.c: the finished tree into the document model (doc.h): ids,
 * labels, cites, units, source byte ranges, page numbers, and each node's
 * text appended to doc->plain (reserved in one allocation beforehand:
 * emit_plain_bytes). Texts are freed as they are copied, so the block
 * texts and doc->plain do not both hold the whole document. */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "parse/parse_impl.h"

/* ---------- emit ---------- */

static char *
make_label(const char *s, size_t n)
{
	buf b;
	buf_init(&b);
	size_t i = 0, cols = 0, last_space = 0;
	int cut = 0;
	while (i < n) {
		if (s[i] == '\n') {
			/* signature and place/date lines: "Name, Title" */
			buf_adds(&b, ", ");
			cols += 2;
			i++;
			continue;
		}
		ucs4_t uc;
		int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		if (cols >= LABEL_COLS - 1) {
			cut = 1;
			break;
		}
		if (uc == ' ')
			last_space = b.len;
		buf_add(&b, s + i, (size_t)k);
		cols++;
		i += (size_t)k;
	}
	if (cut && i < n) {
		if (last_space > b.len / 2)
			b.len = last_space;
		while (b.len && (b.s[b.len - 1] == ' ' || b.s[b.len - 1] == ',' ||
				 b.s[b.len - 1] == ';' || b.s[b.len - 1] == ':'))
			b.len--;
		b.s[b.len] = '\0';
		buf_adds(&b, "…");
	}
	return buf_take(&b);
}

/* The short title of a body an annex transmits, for the outline and the
 * breadcrumb: the name in a closing parenthesis ("… Reoffending (the
 * Kyoto Model Strategies)"), else the title up to its subtitle (';' or
 * ':'), without the organisation's name before a capitalised word
 * ("United Nations Convention against Cybercrime; Strengthening …" ->
 * "Convention against Cybercrime"). */
static char *
body_label(const char *s, size_t n)
{
	if (!s)
		return make_label("", 0);
	size_t e = n;
	const char *o = n > 4 && s[n - 1] == ')' ? memrchr(s, '(', n) : NULL;
	if (o && o > s && o[-1] == ' ') {
		size_t k = (size_t)(o - s) + 1;
		size_t a = lang_prefix_any(s + k, n - 1 - k, lang_articles, NULL);
		if (a && k + a + 1 < n - 1 && s[k + a] == ' ' &&
		    starts_upper(s + k + a + 1, n - 2 - k - a))
			return make_label(s + k + a + 1, n - 2 - k - a);
		e = (size_t)(o - s) - 1;
	}
	for (size_t i = 0; i < e; i++)
		if (s[i] == ';' || (s[i] == ':' && i + 1 < e && s[i + 1] == ' ')) {
			e = i;
			break;
		}
	while (e > 0 && s[e - 1] == ' ')
		e--;
	size_t b = 0, which;
	size_t m = lang_prefix_any(s, e, lang_org_names, &which);
	if (m && m + 1 < e && s[m] == ' ' && starts_upper(s + m + 1, e - m - 1))
		b = m + 1;
	return make_label(s + b, e - b);
}

static int
page_of_line(const doc_meta *m, size_t line1)
{
	if (!m->npages)
		return 0;
	size_t lo = UTIL_LAST_LE(m->npages, line1, m->pages[mid_].line);
	return m->pages[lo].line <= line1 ? m->pages[lo].number : 0;
}

static const char *
id_prefix(node_kind k)
{
	switch (k) {
	case NODE_LETTER: return "letter";
	case NODE_ANNEX: return "annex";
	case NODE_BODY: return "decl";
	case NODE_SECTION: return "s";
	case NODE_HEADING: return "h";
	case NODE_PARAGRAPH: return "p";
	case NODE_SUBITEM: return "";
	case NODE_SIGNATURE: return "sig";
	case NODE_NOTE: return "note";
	case NODE_FOOTNOTE: return "fn";
	case NODE_TABLE: return "t";
	case NODE_ROW: return "r";
	default: return "n";
	}
}

static int
simple_cite(const char *c)
{
	if (!c || !*c)
		return 0;
	for (; *c; c++)
		if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= 'A' && *c <= 'Z')))
			return 0;
	return 1;
}

static void emit(parser *p, node *parent, tnode *t, size_t *kindpos, int mixed,
		 wset *ids);

/* The bytes doc_add_node will put in plain for t's subtree: texts and
 * their "\n\n" separators (2 more than needed at most). */
size_t
emit_plain_bytes(const tnode *t)
{
	TREE_WALK_BOUNDED(t);
	size_t n = t->text && t->len ? t->len + 2 : 0;
	for (size_t i = 0; i < t->nkids; i++)
		n += emit_plain_bytes(t->kids[i]);
	for (size_t i = 0; i < t->nfns; i++)
		n += emit_plain_bytes(t->fns[i]);
	return n;
}

/* Copies the source offsets of every node's lines into it, so that the
 * line records can be freed before the model is built. */
void
emit_set_src(const parser *p, tnode *t)
{
	TREE_WALK_BOUNDED(t);
	if (!p->nl)
		return;
	t->src0 = lines_raw(p, t->l0);
	t->src1 = lines_rawend(p, t->l1);
	for (size_t i = 0; i < t->nkids; i++)
		emit_set_src(p, t->kids[i]);
	for (size_t i = 0; i < t->nfns; i++)
		emit_set_src(p, t->fns[i]);
}

/* Whether a text ends with a comma, a footnote mark after it allowed
 * ("…2030 Agenda,¹", "…Convention,*"). */
static int
ends_comma(const char *s, size_t n)
{
	while (n > 0) {
		ucs4_t c = last_uc(s, n);
		size_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		if (c == ' ' || c == '*' || is_digit((char)c) || c == 0xB9 || c == 0xB2 ||
		    c == 0xB3 || (c >= 0x2070 && c <= 0x2079))
			n -= k > n ? n : k;
		else
			return c == ',';
	}
	return 0;
}

/* The preamble of a resolution or treaty: after an opening heading that
 * ends with a comma ("The General Assembly,", "The States Parties to this
 * Convention,"), the unnumbered paragraphs that end with a comma
 * ("Recalling …,"), up to the first that does not, and a closing formula
 * before the first article ("Have agreed as follows:"). They are
 * UNIT_PREAMBLE: cited "pp1", "pp2" … in their own count. */
static void
mark_preamble(tnode *t)
{
	for (size_t i = 0; i < t->nkids; i++) {
		tnode *h = t->kids[i];
		/* the opener: a heading, or a paragraph "We, the Ministers …," */
		if ((h->kind != NODE_HEADING && h->kind != NODE_PARAGRAPH) || !h->text ||
		    !ends_comma(h->text, h->len) || h->number || h->nkids ||
		    (h->kind == NODE_PARAGRAPH && blocks_preamble_word(h->text, h->len)))
			continue;
		size_t k = i + 1, last = 0;
		for (; k < t->nkids; k++) {
			tnode *c = t->kids[k];
			if (c->kind == NODE_SECTION || c->kind == NODE_HEADING || c->number)
				break;
			if (c->kind != NODE_PARAGRAPH || !c->text)
				continue;
			/* "Recalling …," and "Having received …, in which the
			 * Court found that:" (a quotation follows, itself no
			 * preambular paragraph) */
			if (ends_comma(c->text, c->len) || blocks_preamble_word(c->text, c->len)) {
				c->unit = UNIT_PREAMBLE;
				last = k;
			}
		}
		if (last && last + 2 < t->nkids + 1 && last + 1 < t->nkids &&
		    last + 2 < t->nkids && t->kids[last + 1]->kind == NODE_PARAGRAPH &&
		    !t->kids[last + 1]->number && !t->kids[last + 1]->nkids &&
		    t->kids[last + 1]->len &&
		    last_uc(t->kids[last + 1]->text, t->kids[last + 1]->len) == ':' &&
		    t->kids[last + 2]->kind == NODE_SECTION)
			t->kids[last + 1]->unit = UNIT_PREAMBLE;	/* "Have agreed as follows:" */
		i = k - 1;
	}
}

/* Paragraphs are cited by their printed number; preambular ones "ppN";
 * other unnumbered paragraphs by their position among the unnumbered
 * ones, except among numbered paragraphs (a box, a chapeau, an unnumbered
 * operative text before numbered items), where a position would clash
 * with a printed number: those have no cite and ids "uN". */
void
emit_kids(parser *p, node *nd, tnode *t)
{
	TREE_WALK_BOUNDED(t);
	size_t kindpos[NODE_KIND_COUNT + 2] = { 0 };
	int numbered = 0;
	for (size_t i = 0; i < t->nkids; i++)
		if (t->kids[i]->kind == NODE_PARAGRAPH && t->kids[i]->number)
			numbered = 1;
	mark_preamble(t);
	/* the sibling ids so far, to keep them unique in linear time */
	wset ids = { .exact = 1 };
	for (size_t i = 0; i < t->nkids; i++)
		emit(p, nd, t->kids[i], kindpos, numbered, &ids);
	for (size_t i = 0; i < t->nfns; i++)
		emit(p, nd, t->fns[i], kindpos, 0, &ids);
	words_set_clear(&ids);
}

/* dst = a then b, cut to cap - 1 bytes as snprintf cuts (a few hundred
 * thousand nodes in a big document: no format parsing). */
static void
join2(char *dst, size_t cap, const char *a, const char *b)
{
	size_t i = 0;
	while (*a && i + 1 < cap)
		dst[i++] = *a++;
	while (*b && i + 1 < cap)
		dst[i++] = *b++;
	dst[i] = '\0';
}

/* v in decimal, in out (24 bytes); returns out. */
static const char *
decimal(char *out, size_t v)
{
	char tmp[24];
	size_t k = 0;
	do
		tmp[k++] = (char)('0' + v % 10);
	while ((v /= 10) && k < sizeof tmp);
	for (size_t i = 0; i < k; i++)
		out[i] = tmp[k - 1 - i];
	out[k] = '\0';
	return out;
}

static void
emit(parser *p, node *parent, tnode *t, size_t *kindpos, int mixed, wset *ids)
{
	doc *d = p->d;
	int pre = t->kind == NODE_PARAGRAPH && t->unit == UNIT_PREAMBLE && !t->cite;
	/* unnumbered clauses among numbered ones, and unmarked items of a
	 * list: no cite (a position would read as a printed number) */
	int loose = (t->kind == NODE_PARAGRAPH && !pre && !(t->cite && *t->cite) && mixed) ||
		    (t->kind == NODE_SUBITEM && !(t->cite && *t->cite));
	size_t pos = pre || loose ? 0 : ++kindpos[t->kind];
	char cite[32], id[48], num[24];
	if (t->cite && *t->cite)
		join2(cite, sizeof cite, t->cite, "");
	else if (pre)
		join2(cite, sizeof cite, "pp", decimal(num, ++kindpos[NODE_KIND_COUNT]));
	else if (loose)
		join2(cite, sizeof cite, "u", decimal(num, ++kindpos[NODE_KIND_COUNT + 1]));
	else
		join2(cite, sizeof cite, decimal(num, pos), "");
	const char *idpre = id_prefix(t->kind);
	switch (t->kind) {
	case NODE_LETTER:
	case NODE_SIGNATURE:
	case NODE_BODY:
		if (pos == 1)
			join2(id, sizeof id, idpre, "");
		else
			join2(id, sizeof id, idpre, decimal(num, pos));
		break;
	case NODE_PARAGRAPH:
	case NODE_SUBITEM:
	case NODE_FOOTNOTE:
		if (pre || loose)
			join2(id, sizeof id, cite, "");
		else if (simple_cite(cite))
			join2(id, sizeof id, idpre, cite);
		else
			join2(id, sizeof id, idpre, decimal(num, pos));
		break;
	default:
		join2(id, sizeof id, idpre, decimal(num, pos));
		break;
	}
	size_t idn = strlen(id);
	wslot *dup = words_set_slot(ids, id, idn, words_hash_fold(id, idn, 1));
	if (dup) {
		/* id_2, id_3 …: the first free one. The base's count keeps
		 * the last suffix given, so that a thousand paragraphs "1"
		 * among siblings (joined documents) take linear time. */
		char base[48];
		memcpy(base, id, idn + 1);
		uint32_t k = dup->c + 1;
		for (;; k++) {
			snprintf(id, sizeof id, "%.32s_%u", base, k);
			if (!words_set_op(ids, id, strlen(id), 0))
				break;
		}
		dup->c = k;
	}
	node *nd = doc_add_node(d, parent, t->kind, id, t->text, t->len);
	words_set_op(ids, nd->id, strlen(nd->id), 1);
	doc_set_number(nd, t->number, loose ? NULL : cite);
	nd->unit = t->unit;
	char *label = t->kind == NODE_BODY ? body_label(t->text, t->len) :
		      make_label(t->text ? t->text : "", t->len);
	doc_set_label(nd, label);
	free(label);
	/* the text lives in doc->plain now */
	arena_text_free(p, t->text);
	t->text = NULL;
	nd->line_first = t->l0 + 1;
	nd->line_last = t->l1 + 1;
	nd->src_start = t->src0;
	nd->src_end = t->src1;
	nd->page = page_of_line(&d->meta, nd->line_first);
	emit_kids(p, nd, t);
	/* a container spans its children too */
	if (nd->nkids) {
		node *last = nd->kids[nd->nkids - 1];
		if (last->line_last > nd->line_last) {
			nd->line_last = last->line_last;
			nd->src_end = last->src_end;
		}
	}
}
