/* doc: building, lookup and freeing of the document model (see doc.h). */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "un/lang.h"
#include "util.h"

static const char *const kind_names[NODE_KIND_COUNT] = {
	[NODE_DOCUMENT] = "document",
	[NODE_LETTER] = "letter",
	[NODE_ANNEX] = "annex",
	[NODE_BODY] = "declaration",
	[NODE_SECTION] = "section",
	[NODE_HEADING] = "heading",
	[NODE_PARAGRAPH] = "paragraph",
	[NODE_SUBITEM] = "subitem",
	[NODE_SIGNATURE] = "signature",
	[NODE_NOTE] = "note",
	[NODE_FOOTNOTE] = "footnote",
	[NODE_TABLE] = "table",
	[NODE_ROW] = "row",
};

static const char *const unit_names[UNIT_COUNT] = {
	[UNIT_NONE] = "", [UNIT_PART] = "part", [UNIT_CHAPTER] = "chapter",
	[UNIT_SECTION] = "section", [UNIT_ARTICLE] = "article", [UNIT_RULE] = "rule",
	[UNIT_PREAMBLE] = "preamble",
};

const char *
node_unit_name(node_unit u)
{
	return (unsigned)u < UNIT_COUNT ? unit_names[u] : "";
}

const char *
node_kind_name(node_kind k)
{
	return (unsigned)k < NODE_KIND_COUNT ? kind_names[k] : "?";
}

int
node_kind_from_name(const char *name)
{
	for (int k = 0; k < NODE_KIND_COUNT; k++)
		if (strcmp(kind_names[k], name) == 0)
			return k;
	return -1;
}

static node *
node_new(node_kind kind, const char *id)
{
	node *nd = xcalloc(1, sizeof *nd);
	nd->kind = kind;
	nd->id = xstrdup(id ? id : "");
	nd->block = (size_t)-1;
	return nd;
}

doc *
doc_new(const char *name)
{
	doc *d = xcalloc(1, sizeof *d);
	d->name = xstrdup(name ? name : "-");
	d->root = node_new(NODE_DOCUMENT, "");
	d->plain_cap = 64;
	d->plain = xcalloc(1, d->plain_cap);
	return d;
}

node *
doc_add_node(doc *d, node *parent, node_kind kind, const char *id,
	     const char *text, size_t n)
{
	if (!parent)
		parent = d->root;
	node *nd = node_new(kind, id);
	nd->parent = parent;
	xgrow((void **)&parent->kids, &parent->kids_cap, parent->nkids + 1,
	      sizeof *parent->kids);
	parent->kids[parent->nkids++] = nd;
	if (text && n) {
		size_t sep = d->plain_len ? 2 : 0;
		/* Grows geometrically: a document adds thousands of blocks. */
		xgrow((void **)&d->plain, &d->plain_cap, d->plain_len + sep + n + 1, 1);
		if (sep)
			memcpy(d->plain + d->plain_len, "\n\n", 2);
		nd->off = d->plain_len + sep;
		memcpy(d->plain + nd->off, text, n);
		nd->len = n;
		d->plain_len = nd->off + n;
		d->plain[d->plain_len] = '\0';
	} else {
		nd->off = d->plain_len;
	}
	return nd;
}

void
doc_set_label(node *nd, const char *label)
{
	free(nd->label);
	nd->label = label ? xstrdup(label) : NULL;
}

void
doc_set_number(node *nd, const char *number, const char *cite)
{
	free(nd->number);
	free(nd->cite);
	nd->number = number ? xstrdup(number) : NULL;
	nd->cite = cite ? xstrdup(cite) : NULL;
}

static void
finish_walk(doc *d, node *nd)
{
	if (nd != d->root) {
		const char *pp = nd->parent->path;
		nd->path = *pp ? xasprintf("%s/%s", pp, nd->id) : xstrdup(nd->id);
	} else {
		free(nd->path);
		nd->path = xstrdup("");
	}
	nd->index = d->nnodes;
	xgrow((void **)&d->nodes, &d->nodes_cap, d->nnodes + 1, sizeof *d->nodes);
	d->nodes[d->nnodes++] = nd;
	if (nd->len) {
		nd->block = d->nblocks;
		xgrow((void **)&d->blocks, &d->blocks_cap, d->nblocks + 1,
		      sizeof *d->blocks);
		d->blocks[d->nblocks++] = nd;
	}
	if (!nd->label)
		nd->label = xstrdup("");
	for (size_t i = 0; i < nd->nkids; i++)
		finish_walk(d, nd->kids[i]);
}

void
doc_finish(doc *d)
{
	d->nnodes = 0;
	d->nblocks = 0;
	finish_walk(d, d->root);
}

static void
node_free(node *nd)
{
	for (size_t i = 0; i < nd->nkids; i++)
		node_free(nd->kids[i]);
	free(nd->kids);
	free(nd->id);
	free(nd->path);
	free(nd->number);
	free(nd->cite);
	free(nd->label);
	free(nd);
}

void
doc_free(doc *d)
{
	if (!d)
		return;
	doc_meta *m = &d->meta;
	free(m->symbol);
	free(m->title);
	free(m->date);
	free(m->lang);
	free(m->orig_lang);
	free(m->sender);
	free(m->addressee);
	free(m->job);
	free(m->distribution);
	for (size_t i = 0; i < m->nagenda; i++)
		free(m->agenda[i]);
	free(m->agenda);
	free(m->pages);
	node_free(d->root);
	free(d->nodes);
	free(d->blocks);
	free(d->plain);
	free(d->name);
	free(d);
}

void
doc_meta_set(char **field, const char *value)
{
	free(*field);
	*field = value ? xstrdup(value) : NULL;
}

void
doc_meta_add_agenda(doc_meta *m, const char *item)
{
	for (size_t i = 0; i < m->nagenda; i++)
		if (strcmp(m->agenda[i], item) == 0)
			return;
	m->agenda = xrealloc(m->agenda, (m->nagenda + 1) * sizeof *m->agenda);
	m->agenda[m->nagenda++] = xstrdup(item);
}

void
doc_meta_add_page(doc_meta *m, int number, size_t line)
{
	m->pages = xrealloc(m->pages, (m->npages + 1) * sizeof *m->pages);
	m->pages[m->npages].number = number;
	m->pages[m->npages].line = line;
	m->npages++;
}

node *
doc_find_path(const doc *d, const char *path)
{
	/* Linear in the number of nodes: paths are looked up on user action
	 * and when notes re-attach, not in a drawing loop. */
	for (size_t i = 0; i < d->nnodes; i++)
		if (strcmp(d->nodes[i]->path, path) == 0)
			return d->nodes[i];
	return NULL;
}

size_t
doc_block_at(const doc *d, size_t off)
{
	return UTIL_LAST_LE(d->nblocks, off, d->blocks[mid_]->off);
}

size_t
doc_breadcrumb(const node *nd, const node **out, size_t max)
{
	const node *chain[64];
	size_t n = 0;
	for (const node *p = nd; p && p->kind != NODE_DOCUMENT && n < 64; p = p->parent)
		chain[n++] = p;
	size_t k = 0;
	while (n > 0 && k < max)
		out[k++] = chain[--n];
	return k;
}

/* ---------- lookup by citation ---------- */

/* One step of a citation: a unit word (or none: any clause) and a key. */
typedef struct cite_step {
	int unit;		/* a node_unit; -1: no word; UNIT_NONE: "para." */
	int sub;		/* "(a)": a sub-item */
	char key[24];		/* "12", "II", "a", "pp2" */
} cite_step;

static int
key_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Splits "art. 12, para. 1 (b)" into steps; returns how many (0: none
 * could be read). */
static size_t
cite_steps(const char *s, cite_step *st, size_t max)
{
	size_t n = 0, len = strlen(s), i = 0;
	int unit = -1;
	while (i < len && n < max) {
		char c = s[i];
		if (c == ' ' || c == ',' || c == ';' || c == '\t') {
			i++;
			continue;
		}
		if (c == '(') {
			size_t k = i + 1, e = k;
			while (e < len && key_char(s[e]) && e - k < sizeof st->key - 1)
				e++;
			if (e == k || e >= len || s[e] != ')')
				return 0;
			st[n].unit = -1;
			st[n].sub = 1;
			memcpy(st[n].key, s + k, e - k);
			st[n].key[e - k] = '\0';
			n++;
			unit = -1;
			i = e + 1;
			continue;
		}
		if (key_char(c)) {
			/* a word of the unit table, else a key ("12", "II", "pp2",
			 * "12." with its period) */
			size_t wl = 0, which = 0;
			for (size_t k = 0; lang_cite_words[k].word && !wl; k++)
				if ((wl = lang_prefix(s + i, len - i, lang_cite_words[k].word)))
					which = k;
			if (wl && (i + wl >= len || !key_char(s[i + wl]))) {
				unit = (int)lang_cite_words[which].unit;
				i += wl;
				continue;
			}
			size_t e = i;
			while (e < len && key_char(s[e]) && e - i < sizeof st->key - 1)
				e++;
			if (e == i)
				return 0;
			st[n].unit = unit;
			st[n].sub = 0;
			memcpy(st[n].key, s + i, e - i);
			st[n].key[e - i] = '\0';
			n++;
			/* "sect. III.A": the next key names a section too */
			unit = unit == UNIT_SECTION && e + 1 < len && s[e] == '.' &&
			       key_char(s[e + 1]) ? UNIT_SECTION : -1;
			i = e;
			if (i < len && s[i] == '.')
				i++;	/* "8." */
			continue;
		}
		/* a word of another script ("ст.", "п."), or none */
		size_t wl = 0, which = 0;
		for (size_t k = 0; lang_cite_words[k].word && !wl; k++)
			if ((wl = lang_prefix(s + i, len - i, lang_cite_words[k].word)))
				which = k;
		if (!wl)
			return 0;
		unit = (int)lang_cite_words[which].unit;
		i += wl;
	}
	return n;
}

static int
same_key(const char *a, const char *b)
{
	return a && strcasecmp(a, b) == 0;
}

/* Does nd answer step st? */
static int
cite_matches(const node *nd, const cite_step *st, int units_only)
{
	if (st->sub)
		return nd->kind == NODE_SUBITEM && same_key(nd->cite, st->key);
	if (st->unit == UNIT_PREAMBLE) {
		if (nd->unit != UNIT_PREAMBLE || !nd->cite)
			return 0;
		const char *k = st->key, *c = nd->cite + 2;
		if (!strncasecmp(k, "pp", 2))
			k += 2;
		return !strcmp(k, c);
	}
	if (st->unit == UNIT_SECTION)	/* "sect. II": "II." or "Section 2" */
		return nd->kind == NODE_SECTION && (nd->unit == UNIT_NONE ||
						    nd->unit == UNIT_SECTION) &&
		       same_key(nd->cite, st->key);
	if (st->unit > UNIT_NONE)
		return nd->kind == NODE_SECTION && (int)nd->unit == st->unit &&
		       same_key(nd->cite, st->key);
	if (units_only)
		return nd->kind == NODE_SECTION &&
		       (nd->unit == UNIT_ARTICLE || nd->unit == UNIT_RULE) &&
		       same_key(nd->cite, st->key);
	if (nd->kind != NODE_PARAGRAPH && !(st->unit < 0 && nd->kind == NODE_SECTION))
		return 0;
	if (same_key(nd->cite, st->key))
		return 1;
	if (nd->number) {
		/* the printed number without its punctuation: "8." "Item 5" */
		char a[24];
		size_t k = 0;
		const char *num = nd->number;
		const char *sp = strrchr(num, ' ');
		for (num = sp ? sp + 1 : num; *num && k + 1 < sizeof a; num++)
			if (key_char(*num))
				a[k++] = *num;
		a[k] = '\0';
		return k && !strcasecmp(a, st->key);
	}
	return 0;
}

/* The first node in [lo, hi) of d->nodes (pre-order) answering st. */
static node *
cite_scan(const doc *d, size_t lo, size_t hi, const cite_step *st, int units_only)
{
	for (size_t i = lo; i < hi && i < d->nnodes; i++)
		if (cite_matches(d->nodes[i], st, units_only))
			return d->nodes[i];
	return NULL;
}

/* The pre-order range of nd's subtree. */
static size_t
subtree_end(const doc *d, const node *nd)
{
	while (nd->parent && nd == nd->parent->kids[nd->parent->nkids - 1])
		nd = nd->parent;
	if (!nd->parent)
		return d->nnodes;
	const node *next = NULL;
	for (size_t i = 0; i + 1 < nd->parent->nkids; i++)
		if (nd->parent->kids[i] == nd)
			next = nd->parent->kids[i + 1];
	return next ? next->index : d->nnodes;
}

node *
doc_find_cite(const doc *d, const node *from, const char *text)
{
	if (!d || !text || !d->nnodes)
		return NULL;
	while (*text == ' ')
		text++;
	node *nd = doc_find_path(d, text);
	if (nd && nd != d->root)
		return nd;
	if (!from)
		from = d->root;
	/* the part named first, as lang_cite writes it: "Annex II, …",
	 * "Anexo, …", "Letter, …", the document's symbol */
	const node *named = NULL;
	size_t len = strlen(text), at = 0;
	if (d->meta.symbol && !strncmp(text, d->meta.symbol, strlen(d->meta.symbol)))
		at = strlen(d->meta.symbol), named = d->root;
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l] && !at; l++) {
		size_t w = lang_prefix_any(text, len, all[l]->annex, NULL);
		if (!w)
			w = lang_prefix(text, len, all[l]->cite_annex);
		if (w) {
			size_t k = w;
			while (k < len && text[k] == ' ')
				k++;
			size_t e = k;
			while (e < len && key_char(text[e]))
				e++;
			for (size_t i = 0; i < d->root->nkids && !named; i++) {
				const node *a = d->root->kids[i];
				if (a->kind == NODE_ANNEX &&
				    (e == k ? 1 : (a->cite && strlen(a->cite) == e - k &&
						   !strncasecmp(a->cite, text + k, e - k))))
					named = a;
			}
			at = e;
			break;
		}
		if ((w = lang_prefix(text, len, all[l]->cite_letter))) {
			for (size_t i = 0; i < d->root->nkids && !named; i++)
				if (d->root->kids[i]->kind == NODE_LETTER)
					named = d->root->kids[i];
			at = w;
			break;
		}
	}
	if (at && !named)
		return NULL;
	while (at < len && (text[at] == ',' || text[at] == ' '))
		at++;
	/* "Annex, Annex, art. 2": an annex inside the one named (the
	 * annexed convention's own annex), as lang_cite writes it */
	while (named && named != d->root && at < len) {
		size_t w = 0;
		for (size_t l = 0; all[l] && !w; l++) {
			w = lang_prefix_any(text + at, len - at, all[l]->annex, NULL);
			if (!w)
				w = lang_prefix(text + at, len - at, all[l]->cite_annex);
		}
		if (!w)
			break;
		size_t k = at + w;
		while (k < len && text[k] == ' ')
			k++;
		size_t e = k;
		while (e < len && key_char(text[e]))
			e++;
		const node *in = NULL;
		for (size_t i = named->index + 1, hi = subtree_end(d, named); i < hi && !in; i++) {
			const node *a = d->nodes[i];
			if (a->kind == NODE_ANNEX &&
			    (e == k ? 1 : (a->cite && strlen(a->cite) == e - k &&
					   !strncasecmp(a->cite, text + k, e - k))))
				in = a;
		}
		if (!in)
			return NULL;
		named = in;
		at = e;
		while (at < len && (text[at] == ',' || text[at] == ' '))
			at++;
	}
	if (named && at == len)
		return named == d->root ? NULL : (node *)named;
	cite_step st[8];
	size_t n = cite_steps(text + at, st, 8);
	if (!n)
		return NULL;
	/* the part being read: the letter or annex holding from, else the
	 * whole document */
	const node *part = named ? named : from;
	while (!named && part->parent && part->parent != d->root &&
	       part->kind != NODE_ANNEX)
		part = part->parent;
	if (part->kind != NODE_LETTER && part->kind != NODE_ANNEX)
		part = d->root;
	if (named)
		from = part;
	size_t plo = part->index, phi = subtree_end(d, part);
	const cite_step *s0 = &st[0];
	nd = NULL;
	if (s0->unit < 0 && !s0->sub && from->parent) {
		/* a bare number: a clause beside the one being read */
		const node *par = from->kind == NODE_PARAGRAPH || from->kind == NODE_SUBITEM ||
				  from->kind == NODE_HEADING || from->kind == NODE_NOTE ?
				  from->parent : from;
		while (par->kind == NODE_SUBITEM || par->kind == NODE_PARAGRAPH)
			par = par->parent;
		for (size_t i = 0; i < par->nkids && !nd; i++)
			if (cite_matches(par->kids[i], s0, 0) &&
			    par->kids[i]->kind == NODE_PARAGRAPH)
				nd = par->kids[i];
		if (!nd)
			nd = cite_scan(d, plo, phi, s0, 1);
	}
	if (!nd)
		nd = cite_scan(d, plo, phi, s0, 0);
	if (!nd && !named)
		nd = cite_scan(d, 0, d->nnodes, s0, 0);
	if (!nd && !named && s0->unit < 0 && !s0->sub)
		nd = cite_scan(d, 0, d->nnodes, s0, 1);
	/* the rest inside it: "art. 12, para. 1 (b)" */
	for (size_t k = 1; nd && k < n; k++) {
		cite_step sk = st[k];
		if (sk.unit < 0 && !sk.sub)
			sk.unit = UNIT_NONE;
		node *in = nd;
		nd = NULL;
		/* a child first: "para. 1 (i)" is not "para. 1 (c) (i)" */
		for (size_t i = 0; i < in->nkids && !nd; i++)
			if (cite_matches(in->kids[i], &sk, 0))
				nd = in->kids[i];
		if (!nd)
			nd = cite_scan(d, in->index + 1, subtree_end(d, in), &sk, 0);
		if (!nd && sk.sub) {
			/* "art. 40 (3) (a)": a paragraph in parentheses */
			sk.sub = 0;
			sk.unit = UNIT_NONE;
			nd = cite_scan(d, in->index + 1, subtree_end(d, in), &sk, 0);
		}
	}
	return nd;
}
