/* notes_import: W3C Web Annotation JSON-LD in (contract in notes_import.h;
 * the shape is notes_export.h's). Every annotation of the file is read and
 * re-anchored before anything is written, so that a file of another
 * document is refused whole; nothing here prints. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "anchor.h"
#include "notes.h"
#include "notes_export.h"
#include "notes_import.h"
#include "un/lang.h"
#include "util.h"

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
			buf_clear(&body);
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
		if (src && !n->doc_fp &&
		    !strncmp(src, NOTES_SOURCE_PREFIX "fp", strlen(NOTES_SOURCE_PREFIX "fp")))
			n->doc_fp = xstrdup(src + strlen(NOTES_SOURCE_PREFIX));
		if (json_is_object(t) && get_str(t, NOTES_DOC_KEY_PROP) && !n->doc_key)
			n->doc_key = xstrdup(get_str(t, NOTES_DOC_KEY_PROP));
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
				   strcmp(get_str(s, "conformsTo"), NOTES_NODE_PATH_SPEC) == 0 && !n->a.path) {
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

/* A document key (anchor_doc_key) in words, for a reader: "symbol:
 * A/HRC/WG.6/7/ITA/1@fr" is "A/HRC/WG.6/7/ITA/1 in French", "title:T@es"
 * "“T” in Spanish", "head:TEXT" "the document beginning “TEXT”" (its
 * first 60 bytes, cut between characters). */
static void
add_key_words(buf *b, const char *key)
{
	const char *at = strrchr(key, '@');
	const char *lang = NULL;
	for (size_t k = 0; at && lang_names[k].word && !lang; k++)
		if (!strcmp(lang_names[k].code, at + 1))
			lang = lang_names[k].word;	/* the English name comes first */
	const char *colon = strchr(key, ':');
	const char *v = colon ? colon + 1 : key;
	size_t vn = at && at > v ? (size_t)(at - v) : strlen(v);
	if (!strncmp(key, "symbol:", 7)) {
		buf_printf(b, "%.*s", (int)vn, v);
	} else if (!strncmp(key, "title:", 6)) {
		buf_printf(b, "“%.*s”", (int)vn, v);
	} else if (!strncmp(key, "head:", 5)) {
		vn = strlen(v);
		if (vn > 60) {
			vn = 60;
			while (vn > 0 && ((unsigned char)v[vn] & 0xC0) == 0x80)
				vn--;
		}
		buf_printf(b, "the document beginning “%.*s%s”", (int)vn, v,
			   v[vn] ? "…" : "");
		return;
	} else {
		buf_adds(b, key);
		return;
	}
	if (lang)
		buf_printf(b, " in %s", lang);
}

/* "N of M notes were made on another document (A/C.1/80/L.20 in English),
 * not on this one (…); here VERB ok …" into b, with the counts by
 * anchor_status in by. */
static void
elsewhere_text(buf *b, const char *json_path, const notes_import_stats *st, size_t n,
	       size_t total, const anchor_doc *ad, const char *verb, const size_t by[4])
{
	buf_printf(b, "%s: %zu of %zu note%s made on another document (", json_path,
		   n, total, total == 1 ? " was" : "s were");
	add_key_words(b, st->other_doc);
	buf_adds(b, "), not on this one (");
	add_key_words(b, ad->key);
	buf_printf(b, "); here %s ok %zu, moved %zu, fuzzy %zu, orphan %zu", verb,
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
		note_list_clear(&l);
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
		buf_clear(&b);
	}
	note_list_clear(&l);
	free(other_of);
	return rc;
}
