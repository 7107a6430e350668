/* notes_export: Markdown and W3C Web Annotation JSON-LD out, JSON-LD in,
 * (contract in notes_export.h; the command line's --notes views are in
 * src/cli/cli_notes.c).
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
#include "un/cite.h"
#include "un/lang.h"
#include "notes.h"
#include "notes_export.h"
#include "text.h"
#include "util.h"

#define NODE_PATH_SPEC "urn:lectern:node-path"
#define SOURCE_PREFIX "urn:lectern:"	/* + the document's fingerprint */
#define DOC_KEY_PROP "urn:lectern:document-key"	/* the target's document key */
#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"
/* The collection and its one page are named by notes_derived_uid of these
 * and the document key: the same ids at every export of one document. */
#define COLLECTION_NAME "urn:lectern:notes-collection"
#define PAGE_NAME "urn:lectern:notes-collection:page1"
#define GENERATOR_ID "urn:lectern:software:" PACKAGE_VERSION

/* --- citations ----------------------------------------------------------- */

/* Citations are src/un/cite.c's; a node without one is named by its path. */
char *
notes_cite(const doc *d, const node *nd)
{
	if (!nd)
		return xstrdup("—");
	char *c = cite_format(d, nd);
	if (c && *c)
		return c;
	free(c);
	return xstrdup(nd->path && *nd->path ? nd->path : "—");
}

/* A note's citation where it is now, or for an orphan where it was. */
char *
notes_cite_note(const doc *d, const note *n)
{
	if (n->match.node)
		return notes_cite(d, n->match.node);
	return cite_of_path(d, n->cur_path ? n->cur_path : n->a.path);
}

/* An orphan is not in this version of the document: its old citation and
 * path would name whatever clause now has that number. */
int
notes_is_orphan(const note *n)
{
	return n->match.status == ANCHOR_ORPHAN || !n->match.node;
}

char *
notes_quote_line(const char *exact, int cols)
{
	buf q;
	buf_init(&q);
	for (const char *c = exact ? exact : ""; *c; c++) {
		if (*c != ' ' && *c != '\n' && *c != '\t')
			buf_addc(&q, *c);
		else if (q.len && q.s[q.len - 1] != ' ')
			buf_addc(&q, ' ');
	}
	while (q.len && q.s[q.len - 1] == ' ')
		q.len--;
	size_t n = q.len;
	if (n && text_width(q.s, n) > cols) {
		size_t fit = text_fit(q.s, n, cols - 1, NULL), cut = fit;
		while (cut > 0 && q.s[cut] != ' ' && q.s[cut - 1] != ' ')
			cut--;
		while (cut > 0 && q.s[cut - 1] == ' ')
			cut--;
		n = cut ? cut : fit;
	}
	char *r = xasprintf("\xe2\x80\x9c%.*s%s\xe2\x80\x9d", (int)n, q.s ? q.s : "",
			    n < q.len ? "\xe2\x80\xa6" : "");	/* “…” */
	buf_free(&q);
	return r;
}

/* --- terminal safety ---------------------------------------------------- */

/* Appends s[0, n) with every code point a terminal must not receive (ESC,
 * other controls, bidi overrides, invalid bytes) in its visible form
 * (text_visible_dup), except the line breaks and tabs the output is made
 * of. The document's text is safe already (source.c); notes are not: they
 * come from a JSON file, the command line or the database. */
static void
add_visible(buf *out, const char *s, size_t n)
{
	while (n > 0) {
		size_t k = 0;
		while (k < n && s[k] != '\n' && s[k] != '\t')
			k++;
		size_t vn;
		char *v = text_visible_dup(s, k, &vn);
		buf_add(out, v, vn);
		free(v);
		if (k == n)
			break;
		buf_addc(out, s[k]);
		s += k + 1;
		n -= k + 1;
	}
}

/* Writes b to out through add_visible: 0, or -1 on a write error. */
static int
write_visible(const buf *b, FILE *out)
{
	buf v;
	buf_init(&v);
	add_visible(&v, b->s, b->len);
	int rc = !v.len || fwrite(v.s, 1, v.len, out) == v.len ? 0 : -1;
	buf_free(&v);
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

void
notes_status_text(buf *b, const note *n)
{
	buf_adds(b, anchor_status_name(n->match.status));
	if (n->match.status == ANCHOR_FUZZY || (n->match.status == ANCHOR_ORPHAN && n->match.score > 0))
		buf_printf(b, " %.2f", n->match.score);
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
		int orphan = notes_is_orphan(n);
		char *cite = orphan ? xstrdup("Not found in this version") : notes_cite_note(d, n);
		buf_printf(&b, "\n## %s\n\n", cite);
		free(cite);
		md_quote(&b, d, n);
		buf_printf(&b, "\n%s\n\n", n->body ? n->body : "");
		buf_printf(&b, "*Status:* ");
		notes_status_text(&b, n);
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
	buf_free(&b);
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
	json_object_set_new(f, "conformsTo", jstr(NODE_PATH_SPEC));
	json_object_set_new(f, "value", jstr(n->cur_path ? n->cur_path : n->a.path));
	json_array_append_new(sel, f);

	json_t *target = json_object();
	char *src = xasprintf(SOURCE_PREFIX "%s", ad->fingerprint);
	json_object_set_new(target, "source", jstr(src));
	free(src);
	json_object_set_new(target, DOC_KEY_PROP, jstr(ad->key));
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

/* --- import -------------------------------------------------------------- */

/* "type" is a string or an array of strings. */
static int
has_type(json_t *o, const char *type)
{
	json_t *t = json_object_get(o, "type");
	if (json_is_string(t))
		return strcmp(json_string_value(t), type) == 0;
	size_t i;
	json_t *v;
	json_array_foreach(t, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), type) == 0)
			return 1;
	return 0;
}

static const char *
get_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Calls f on each element of v when it is an array, else on v itself. */
#define EACH(v, i, x) \
	for (size_t i = 0, i##_n = json_is_array(v) ? json_array_size(v) : (v) != NULL; \
	     i < i##_n && ((x = json_is_array(v) ? json_array_get(v, i) : (v)) || 1); i++)

/* What a body that is not text is, for the message refusing it. */
static const char *
body_kind(json_t *x)
{
	if (json_is_string(x))
		return "a resource named by its IRI";
	if (!json_is_object(x))
		return "not a JSON object";
	if (has_type(x, "TextualBody"))
		return "a TextualBody without a text value";
	const char *type = get_str(x, "type");
	return type ? type : "an object without a text value";
}

/* Annotation -> note (doc fields left empty). Returns 0, or -1 with the
 * reason in *why (a new string) when it is not an Annotation, has a body
 * that is not text or has no quote. A body is text when it is an object
 * with a string "value" and no type but TextualBody (what the model calls
 * an embedded textual body); any other body (a link, an image, a
 * SpecificResource) would leave the note without what the annotation
 * says, so the annotation is refused rather than kept empty. */
static int
note_from_json(json_t *a, note *n, char **why)
{
	memset(n, 0, sizeof *n);
	if (!json_is_object(a) || !has_type(a, "Annotation")) {
		*why = xstrdup("not an Annotation");
		return -1;
	}
	const char *id = get_str(a, "id");
	if (id && *id)
		n->uid = xstrdup(id);
	if (get_str(a, "created"))
		n->created = xstrdup(get_str(a, "created"));
	if (get_str(a, "modified"))
		n->modified = xstrdup(get_str(a, "modified"));
	buf body;
	buf_init(&body);
	if (get_str(a, "bodyValue"))
		buf_adds(&body, get_str(a, "bodyValue"));
	json_t *bv = json_object_get(a, "body"), *x;
	EACH(bv, i, x) {
		const char *value = json_is_object(x) ? get_str(x, "value") : NULL;
		const char *purpose = value ? get_str(x, "purpose") : NULL;
		if (!value || (json_object_get(x, "type") && !has_type(x, "TextualBody"))) {
			char *which = json_is_array(bv) ? xasprintf(" %zu", i + 1) : xstrdup("");
			*why = xasprintf("its body%s is not text (%s); lectern keeps a note's text only",
					 which, body_kind(x));
			free(which);
			buf_free(&body);
			note_clear(n);
			return -1;
		}
		if (purpose && strcmp(purpose, "tagging") == 0) {
			note_add_tag(n, value);
		} else {
			if (body.len)
				buf_adds(&body, "\n\n");
			buf_adds(&body, value);
		}
	}
	n->body = buf_take(&body);
	json_t *tv = json_object_get(a, "target"), *t;
	EACH(tv, i, t) {
		/* The document it was made on: a lectern source (fingerprint)
		 * and key, in doc_fp and doc_key until reanchor. */
		const char *src = json_is_string(t) ? json_string_value(t) : get_str(t, "source");
		if (src && !n->doc_fp && !strncmp(src, SOURCE_PREFIX "fp", strlen(SOURCE_PREFIX "fp")))
			n->doc_fp = xstrdup(src + strlen(SOURCE_PREFIX));
		if (json_is_object(t) && get_str(t, DOC_KEY_PROP) && !n->doc_key)
			n->doc_key = xstrdup(get_str(t, DOC_KEY_PROP));
		if (!json_is_object(t))
			continue;
		json_t *sv = json_object_get(t, "selector"), *s;
		EACH(sv, k, s) {
			if (!json_is_object(s))
				continue;
			if (has_type(s, "TextQuoteSelector") && get_str(s, "exact") && !n->a.exact) {
				n->a.exact = xstrdup(get_str(s, "exact"));
				n->a.prefix = xstrdup(get_str(s, "prefix") ? get_str(s, "prefix") : "");
				n->a.suffix = xstrdup(get_str(s, "suffix") ? get_str(s, "suffix") : "");
			} else if (has_type(s, "TextPositionSelector")) {
				json_t *st = json_object_get(s, "start"), *en = json_object_get(s, "end");
				if (json_is_integer(st) && json_is_integer(en) &&
				    json_integer_value(st) >= 0 &&
				    json_integer_value(en) >= json_integer_value(st)) {
					n->a.start = (size_t)json_integer_value(st);
					n->a.end = (size_t)json_integer_value(en);
				}
			} else if (has_type(s, "FragmentSelector") && get_str(s, "value") &&
				   get_str(s, "conformsTo") &&
				   strcmp(get_str(s, "conformsTo"), NODE_PATH_SPEC) == 0 && !n->a.path) {
				n->a.path = xstrdup(get_str(s, "value"));
			}
		}
		if (n->a.exact)
			break;
	}
	if (!n->a.exact || !*n->a.exact) {
		*why = xstrdup("it has no TextQuoteSelector with an exact quote");
		note_clear(n);
		return -1;
	}
	if (!n->a.path)
		n->a.path = xstrdup("");
	return 0;
}

/* Re-anchors an imported note on ad: positions and path where it is now;
 * for ok/moved a fresh quote context from this document. */
static void
reanchor(const anchor_doc *ad, note *n)
{
	anchor_match m;
	anchor_resolve(ad, &n->a, &m);
	free(n->status);
	n->status = xstrdup(anchor_status_name(m.status));
	n->score = m.score;
	n->match = m;
	if (m.status == ANCHOR_OK || m.status == ANCHOR_MOVED) {
		anchor fresh;
		if (anchor_make(ad, m.start_byte, m.end_byte, &fresh) == 0) {
			anchor_clear(&n->a);
			n->a = fresh;
		}
	} else if (m.status == ANCHOR_FUZZY) {
		free(n->a.path);
		n->a.path = xstrdup(m.node ? m.node->path : "");
		n->a.start = m.start;
		n->a.end = m.end;
	}
	free(n->doc_fp);
	free(n->doc_key);
	n->doc_fp = xstrdup(ad->fingerprint);
	n->doc_key = xstrdup(ad->key);
}

/* Adds msg (taken) to st's warnings. */
static void
warn(notes_import_stats *st, char *msg)
{
	xgrow((void **)&st->warnings, &st->warnings_cap, st->nwarnings + 1, sizeof *st->warnings);
	st->warnings[st->nwarnings++] = msg;
}

void
notes_import_stats_clear(notes_import_stats *st)
{
	for (size_t i = 0; i < st->nwarnings; i++)
		free(st->warnings[i]);
	free(st->warnings);
	st->warnings = NULL;
	st->nwarnings = st->warnings_cap = 0;
}

/* Whether an annotation from another lectern document is being imported
 * on ad: its source (fingerprint) and key, read by note_from_json, are
 * both known and neither is ad's. Annotations naming no lectern document
 * (other tools) are not checked. */
static int
made_elsewhere(const note *n, const anchor_doc *ad)
{
	if (n->doc_fp && strcmp(n->doc_fp, ad->fingerprint) == 0)
		return 0;
	if (n->doc_key && strcmp(n->doc_key, ad->key) == 0)
		return 0;
	return n->doc_fp || n->doc_key;
}

/* "N of M notes were made on another document (KEY), not on this one
 * (KEY); here VERB ok …" into b, with the counts by anchor_status in by. */
static void
elsewhere_text(buf *b, const char *json_path, const notes_import_stats *st, size_t n,
	       size_t total, const anchor_doc *ad, const char *verb, const size_t by[4])
{
	buf_printf(b, "%s: %zu of %zu note%s made on another document (%s), not on this one "
		   "(%s); here %s ok %zu, moved %zu, fuzzy %zu, orphan %zu", json_path,
		   n, total, total == 1 ? " was" : "s were", st->other_doc, ad->key, verb,
		   by[ANCHOR_OK], by[ANCHOR_MOVED], by[ANCHOR_FUZZY], by[ANCHOR_ORPHAN]);
}

/* The annotations of root (a collection, a page, an array or one), or NULL
 * with *err. */
static json_t *
import_items(json_t *root, const char *json_path, char **err)
{
	json_t *items = root;
	if (json_is_object(root) && has_type(root, "AnnotationCollection")) {
		json_t *first = json_object_get(root, "first");
		items = json_is_object(first) ? json_object_get(first, "items") : NULL;
		if (!items)
			items = json_object_get(root, "items");
	} else if (json_is_object(root) && has_type(root, "AnnotationPage")) {
		items = json_object_get(root, "items");
	}
	if (!items || (!json_is_array(items) && !json_is_object(items))) {
		if (err) {
			free(*err);
			*err = xasprintf("%s: no annotations (expected a W3C AnnotationCollection)",
					 json_path);
		}
		return NULL;
	}
	return items;
}

/* Whether the stored note id belongs to ad's document (its fingerprint or
 * key, as notes_list_doc picks notes): 1, 0, or -1 on error. */
static int
stored_here(notes_store *s, long long id, const anchor_doc *ad, char **err)
{
	note old;
	int r = notes_get(s, id, &old, NULL, err);
	if (r <= 0)
		return r;
	r = (old.doc_fp && strcmp(old.doc_fp, ad->fingerprint) == 0) ||
	    (old.doc_key && strcmp(old.doc_key, ad->key) == 0);
	note_clear(&old);
	return r;
}

/* The id of n stored already for ad's document (0: none, -1: error). An
 * id that is a note of another document gives n the id derived from it
 * and ad's key (notes_derived_uid), which is looked up in turn. */
static long long
find_stored(notes_store *s, const anchor_doc *ad, note *n, notes_import_stats *st,
	    char **err)
{
	if (!n->uid)
		return notes_find_same(s, n, err);
	long long found = notes_find_uid(s, n->uid, err);
	if (found <= 0)
		return found;
	int here = stored_here(s, found, ad, err);
	if (here != 0)
		return here < 0 ? -1 : found;
	char *uid = notes_derived_uid(n->uid, ad->key);
	free(n->uid);
	n->uid = uid;
	found = notes_find_uid(s, n->uid, err);
	if (found == 0)
		st->new_ids++;
	return found;
}

int
notes_import_json(notes_store *s, const anchor_doc *ad, const char *json_path,
		  unsigned flags, notes_import_stats *st, char **err)
{
	memset(st, 0, sizeof *st);
	char *data, *rerr = NULL;
	size_t len;
	if (util_read_file(json_path, NOTES_IMPORT_MAX_BYTES, &data, &len, &rerr) < 0) {
		if (err) {
			free(*err);
			*err = rerr;
		} else {
			free(rerr);
		}
		return -1;
	}
	json_error_t je;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	free(data);
	if (!root) {
		if (err) {
			free(*err);
			*err = je.line > 0 ? xasprintf("%s:%d:%d: %s", json_path, je.line, je.column, je.text)
					   : xasprintf("%s: %s", json_path, je.text);
		}
		return -1;
	}
	json_t *items = import_items(root, json_path, err);
	if (!items) {
		json_decref(root);
		return -1;
	}
	/* Every annotation is read and placed first: nothing is written when
	 * the file belongs to another document and that is refused. */
	note_list l = { 0 };
	unsigned char *other_of = NULL;	/* l.n flags: made elsewhere */
	size_t other_cap = 0;
	json_t *a;
	EACH(items, i, a) {
		xgrow((void **)&l.v, &l.cap, l.n + 1, sizeof *l.v);
		xgrow((void **)&other_of, &other_cap, l.n + 1, 1);
		note *n = &l.v[l.n];
		char *why = NULL;
		if (note_from_json(a, n, &why) < 0) {
			warn(st, xasprintf("%s: annotation %zu skipped: %s", json_path, i + 1, why));
			free(why);
			st->rejected++;
			continue;
		}
		int other = made_elsewhere(n, ad);
		other_of[l.n++] = (unsigned char)other;
		if (other && !st->other) {
			const char *o = n->doc_key ? n->doc_key : n->doc_fp;
			size_t k = strlen(o);
			if (k >= sizeof st->other_doc)	/* whole characters */
				for (k = sizeof st->other_doc - 1; k && (o[k] & 0xc0) == 0x80; k--)
					;
			memcpy(st->other_doc, o, k);
			st->other_doc[k] = '\0';
		}
		reanchor(ad, n);
		if (other) {
			st->other++;
			st->other_status[n->match.status]++;
		}
	}
	json_decref(root);
	if (st->other && !(flags & NOTES_IMPORT_FORCE)) {
		if (err) {
			buf b;
			buf_init(&b);
			elsewhere_text(&b, json_path, st, st->other, l.n, ad, "they would be",
				       st->other_status);
			buf_adds(&b, "; nothing was imported (--force imports them anyway)");
			free(*err);
			*err = buf_take(&b);
		}
		note_list_free(&l);
		free(other_of);
		return 1;
	}
	int rc = 0;
	size_t forced = 0, forced_by[4] = { 0 };	/* added from elsewhere */
	for (size_t i = 0; i < l.n; i++) {
		note *n = &l.v[i];
		long long found = find_stored(s, ad, n, st, err);
		if (found < 0 || (found == 0 && notes_add(s, n, err) < 0)) {
			rc = -1;
			break;
		}
		if (found > 0) {
			st->present++;
		} else {
			st->added++;
			st->status[n->match.status]++;
			if (other_of[i]) {
				forced++;
				forced_by[n->match.status]++;
			}
		}
	}
	if (forced) {
		buf b;
		buf_init(&b);
		elsewhere_text(&b, json_path, st, forced, l.n, ad, "they are", forced_by);
		warn(st, xasprintf("warning: %s; imported anyway (--force)", b.s));
		buf_free(&b);
	}
	note_list_free(&l);
	free(other_of);
	return rc;
}
