/* notes_export: Markdown and W3C Web Annotation JSON-LD out (contract in
 * notes_export.h; JSON-LD in is notes_import.c; the command line's
 * --notes views are in src/cli/cli_notes.c).
 *
 * Exported positions and paths are where each note is in the document
 * being exported (its re-attachment); an orphan keeps its old ones. The
 * quote is always the note's own (for a fuzzy match it differs from the
 * text now at that place: that is what "fuzzy" says). */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "anchor.h"
#include "export.h"
#include "un/lang.h"
#include "notes.h"
#include "notes_export.h"
#include "text.h"
#include "util.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"
/* The collection and its one page are named by notes_derived_uid of these
 * and the document key: the same ids at every export of one document. */
#define COLLECTION_NAME "urn:lectern:notes-collection"
#define PAGE_NAME "urn:lectern:notes-collection:page1"
#define GENERATOR_ID "urn:lectern:software:" PACKAGE_VERSION

/* --- terminal safety ---------------------------------------------------- */

/* Appends s[0, n) with every code point a terminal must not receive (ESC,
 * other controls, bidi overrides, invalid bytes) in its visible form
 * (text_visible_dup), except the line breaks and tabs the output is made
 * of. The document's text is safe already (source.c); notes are not: they
 * come from a JSON file, the command line or the database. */
static void
add_visible(buf *out, const char *s, size_t n)
{
	text_visible_add(out, s, n);
}

/* Writes b to out through add_visible: 0, or -1 on a write error. */
static int
write_visible(const buf *b, FILE *out)
{
	buf v;
	buf_init(&v);
	add_visible(&v, b->s, b->len);
	int rc = !v.len || fwrite(v.s, 1, v.len, out) == v.len ? 0 : -1;
	buf_clear(&v);
	return rc;
}

/* --- Markdown ------------------------------------------------------------ */

static const char *
doc_title(const doc *d)
{
	if (d->meta.title && *d->meta.title)
		return d->meta.title;
	return d->name ? d->name : "document";
}

/* Appends s[0, n) with the characters Markdown would take as markup
 * escaped; a line break continues the block quote. */
static void
md_text(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			buf_adds(b, "  \n> ");
			continue;
		}
		if (strchr("\\`*_[]<>#|", s[i]))
			buf_addc(b, '\\');
		buf_addc(b, s[i]);
	}
}

/* The clause the note is on, as a block quote, with the part the note
 * quotes in bold; for an orphan, only its own quote. */
static void
md_quote(buf *b, const doc *d, const note *n)
{
	const char *exact = n->a.exact ? n->a.exact : "";
	const node *nd = n->match.node;
	buf_adds(b, "> ");
	if (!nd || !nd->len) {
		md_text(b, exact, strlen(exact));
		buf_addc(b, '\n');
		return;
	}
	size_t cs = nd->off, ce = nd->off + nd->len;
	size_t qs = n->match.start_byte, qe = n->match.end_byte;
	if (qs <= cs && qe >= ce) {	/* the whole clause */
		md_text(b, d->plain + cs, ce - cs);
	} else {
		if (qs < cs)
			qs = cs;
		if (qe > ce)
			qe = ce;
		md_text(b, d->plain + cs, qs - cs);
		buf_adds(b, "**");
		md_text(b, d->plain + qs, qe - qs);
		buf_adds(b, "**");
		md_text(b, d->plain + qe, ce - qe);
	}
	buf_addc(b, '\n');
	if (n->match.status == ANCHOR_FUZZY) {
		buf_adds(b, "\nQuoted when the note was written:\n\n> ");
		md_text(b, exact, strlen(exact));
		buf_addc(b, '\n');
	}
}

int
notes_export_md(const doc *d, const anchor_doc *ad, const note_list *l, FILE *out)
{
	buf b;
	buf_init(&b);
	buf_printf(&b, "# Notes: %s\n\n", doc_title(d));
	if (d->meta.symbol)
		buf_printf(&b, "Symbol: %s  \n", d->meta.symbol);
	buf_printf(&b, "File: %s  \nFingerprint: %s  \nNotes: %zu\n", d->name ? d->name : "-",
		   ad->fingerprint, l->n);
	for (size_t i = 0; i < l->n; i++) {
		const note *n = &l->v[i];
		int orphan = note_is_orphan(n);
		char *cite = orphan ? xstrdup("Not found in this version") : note_cite(d, n);
		buf_printf(&b, "\n## %s\n\n", cite);
		free(cite);
		md_quote(&b, d, n);
		buf_printf(&b, "\n%s\n\n", n->body ? n->body : "");
		buf_printf(&b, "*Status:* ");
		note_status_text(&b, n);
		buf_printf(&b, " · *Path:* %s%s · *Created:* %s", n->cur_path ? n->cur_path : "",
			   orphan ? " (where it was)" : "", n->created ? n->created : "");
		if (n->ntags) {
			buf_adds(&b, " · *Tags:* ");
			for (size_t k = 0; k < n->ntags; k++)
				buf_printf(&b, "%s%s", k ? ", " : "", n->tags[k]);
		}
		buf_addc(&b, '\n');
	}
	int rc = write_visible(&b, out);
	buf_clear(&b);
	return rc;
}

/* --- JSON-LD ------------------------------------------------------------- */

static json_t *
jstr(const char *s)
{
	json_t *j = json_string(s ? s : "");
	return j ? j : json_string("\xef\xbf\xbd");	/* invalid UTF-8: never */
}

/* Every tag of n: its stored tags, then the #tags typed in its text that
 * are not among them (compared folded, as note_add_tag does). Fills t's
 * tags only; note_clear(t) frees them. */
static void
all_tags(const note *n, note *t)
{
	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < n->ntags; i++)
		note_add_tag(t, n->tags[i]);
	if (n->body)
		note_add_body_tags(t, n->body);
}

/* The software that wrote the export: the generator of every annotation. */
static json_t *
generator(void)
{
	json_t *g = json_object();
	json_object_set_new(g, "id", jstr(GENERATOR_ID));
	json_object_set_new(g, "type", jstr("Software"));
	json_object_set_new(g, "name", jstr("lectern " PACKAGE_VERSION));
	json_object_set_new(g, "nickname", jstr("lectern"));
	return g;
}

static json_t *
text_body(const char *purpose, const char *value)
{
	json_t *tb = json_object();
	json_object_set_new(tb, "type", jstr("TextualBody"));
	json_object_set_new(tb, "purpose", jstr(purpose));
	json_object_set_new(tb, "format", jstr("text/plain"));
	json_object_set_new(tb, "value", jstr(value));
	return tb;
}

static json_t *
annotation(const anchor_doc *ad, const note *n)
{
	json_t *a = json_object();
	json_object_set_new(a, "@context", jstr(ANNO_CONTEXT));
	json_object_set_new(a, "id", jstr(n->uid));
	json_object_set_new(a, "type", jstr("Annotation"));
	json_object_set_new(a, "motivation", jstr("commenting"));
	json_object_set_new(a, "created", jstr(n->created));
	json_object_set_new(a, "modified", jstr(n->modified ? n->modified : n->created));
	json_object_set_new(a, "generator", generator());
	json_t *body = json_array();
	json_array_append_new(body, text_body("commenting", n->body));
	note t;
	all_tags(n, &t);
	for (size_t i = 0; i < t.ntags; i++)
		json_array_append_new(body, text_body("tagging", t.tags[i]));
	note_clear(&t);
	json_object_set_new(a, "body", body);

	int here = n->match.status != ANCHOR_ORPHAN;
	json_t *sel = json_array();
	json_t *q = json_object();
	json_object_set_new(q, "type", jstr("TextQuoteSelector"));
	json_object_set_new(q, "exact", jstr(n->a.exact));
	json_object_set_new(q, "prefix", jstr(n->a.prefix));
	json_object_set_new(q, "suffix", jstr(n->a.suffix));
	json_array_append_new(sel, q);
	json_t *p = json_object();
	json_object_set_new(p, "type", jstr("TextPositionSelector"));
	json_object_set_new(p, "start", json_integer((json_int_t)(here ? n->match.start : n->a.start)));
	json_object_set_new(p, "end", json_integer((json_int_t)(here ? n->match.end : n->a.end)));
	json_array_append_new(sel, p);
	json_t *f = json_object();
	json_object_set_new(f, "type", jstr("FragmentSelector"));
	json_object_set_new(f, "conformsTo", jstr(NOTES_NODE_PATH_SPEC));
	json_object_set_new(f, "value", jstr(n->cur_path ? n->cur_path : n->a.path));
	json_array_append_new(sel, f);

	json_t *target = json_object();
	char *src = xasprintf(NOTES_SOURCE_PREFIX "%s", ad->fingerprint);
	json_object_set_new(target, "source", jstr(src));
	free(src);
	json_object_set_new(target, NOTES_DOC_KEY_PROP, jstr(ad->key));
	json_object_set_new(target, "selector", sel);
	json_object_set_new(a, "target", target);
	return a;
}

/* The earliest created and the latest modified time of the notes (ISO
 * 8601 UTC strings of one form compare as strings); NULL when none. */
static void
time_span(const note_list *l, const char **first, const char **last)
{
	*first = *last = NULL;
	for (size_t i = 0; i < l->n; i++) {
		const note *n = &l->v[i];
		const char *m = n->modified ? n->modified : n->created;
		if (n->created && (!*first || strcmp(n->created, *first) < 0))
			*first = n->created;
		if (m && (!*last || strcmp(m, *last) > 0))
			*last = m;
	}
}

int
notes_export_jsonld(const doc *d, const anchor_doc *ad, const note_list *l, FILE *out)
{
	char *cid = notes_derived_uid(COLLECTION_NAME, ad->key);
	char *pid = notes_derived_uid(PAGE_NAME, ad->key);
	char *label = xasprintf("Notes: %s", doc_title(d));
	const char *first, *last;
	time_span(l, &first, &last);
	json_t *c = json_object();
	json_object_set_new(c, "@context", jstr(ANNO_CONTEXT));
	json_object_set_new(c, "id", jstr(cid));
	json_object_set_new(c, "type", jstr("AnnotationCollection"));
	json_object_set_new(c, "label", jstr(label));
	json_object_set_new(c, "total", json_integer((json_int_t)l->n));
	if (first)
		json_object_set_new(c, "created", jstr(first));
	if (last)
		json_object_set_new(c, "modified", jstr(last));
	json_t *page = json_object();
	json_object_set_new(page, "id", jstr(pid));
	json_object_set_new(page, "type", jstr("AnnotationPage"));
	json_object_set_new(page, "partOf", jstr(cid));
	json_object_set_new(page, "startIndex", json_integer(0));
	json_t *items = json_array();
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(items, annotation(ad, &l->v[i]));
	json_object_set_new(page, "items", items);
	json_object_set_new(c, "first", page);
	json_object_set_new(c, "last", jstr(pid));
	int rc = export_json_dumpf(c, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (rc == 0 && fputc('\n', out) == EOF)
		rc = -1;
	json_decref(c);
	free(label);
	free(pid);
	free(cid);
	return rc == 0 ? 0 : -1;
}
