/* doc: building, lookup and freeing of the document model (see doc.h). */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include "doc.h"
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
doc_node_unit_name(node_unit u)
{
	return (unsigned)u < UNIT_COUNT ? unit_names[u] : "";
}

const char *
doc_node_kind_name(node_kind k)
{
	return (unsigned)k < NODE_KIND_COUNT ? kind_names[k] : "?";
}

int
doc_node_kind_from_name(const char *name)
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
	for (size_t i = 0; i < m->nfurniture; i++)
		free(m->furniture[i].text);
	free(m->furniture);
	for (size_t i = 0; i < m->nagenda_titles; i++) {
		free(m->agenda_titles[i].item);
		free(m->agenda_titles[i].title);
	}
	free(m->agenda_titles);
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
doc_meta_add_furniture(doc_meta *m, size_t line, const char *kind,
		       const char *text, size_t n)
{
	/* grown by doubling: a long document has thousands */
	if ((m->nfurniture & (m->nfurniture - 1)) == 0)
		m->furniture = xrealloc(m->furniture, (m->nfurniture ? 2 * m->nfurniture : 1) *
					sizeof *m->furniture);
	m->furniture[m->nfurniture].line = line;
	m->furniture[m->nfurniture].kind = kind;
	m->furniture[m->nfurniture++].text = xstrndup(text, n);
}

void
doc_meta_add_agenda_title(doc_meta *m, const char *item, const char *title, size_t n)
{
	m->agenda_titles = xrealloc(m->agenda_titles,
				    (m->nagenda_titles + 1) * sizeof *m->agenda_titles);
	m->agenda_titles[m->nagenda_titles].item = item ? xstrdup(item) : NULL;
	m->agenda_titles[m->nagenda_titles++].title = xstrndup(title, n);
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

