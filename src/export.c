/* export: outline, JSON and wrapped-text views of a document (export.h).
 * JSON is built with jansson, never by hand, so escaping is always right. */
#include <build-config.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "export.h"
#include "layout.h"
#include "text.h"
#include "util.h"

static int
outline_walk(const doc *d, const node *nd, int depth, FILE *out)
{
	if (nd != d->root) {
		fprintf(out, "%*s%s", depth * 2, "", doc_node_kind_name(nd->kind));
		if (nd->cite && *nd->cite)
			fprintf(out, " %s", nd->cite);
		if (nd->label && *nd->label)
			fprintf(out, "  %s", nd->label);
		fputc('\n', out);
	}
	for (size_t i = 0; i < nd->nkids; i++)
		if (outline_walk(d, nd->kids[i], nd == d->root ? 0 : depth + 1, out) < 0)
			return -1;
	return ferror(out) ? -1 : 0;
}

int
export_outline(const doc *d, FILE *out)
{
	return outline_walk(d, d->root, 0, out);
}

/* A JSON string of s even when s is not valid UTF-8 (a file name in a
 * legacy encoding): invalid bytes become U+FFFD. json_string alone returns
 * NULL there, and the key would silently vanish from its object. */
static json_t *
jstrn(const char *s, size_t n)
{
	if (!u8_check((const uint8_t *)s, n))
		return json_stringn(s, n);
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (c == 0xFFFD && k == 1 && (unsigned char)s[i] >= 0x80)
			buf_adds(&b, "\xef\xbf\xbd");
		else
			buf_add(&b, s + i, (size_t)k);
		i += (size_t)(k > 0 ? k : 1);
	}
	json_t *j = json_stringn(b.s, b.len);
	buf_clear(&b);
	return j;
}

static json_t *
jstr(const char *s)
{
	return jstrn(s, strlen(s));
}

static json_t *
str_or_null(const char *s)
{
	return s ? jstr(s) : json_null();
}

static json_t *
node_json(const doc *d, const node *nd)
{
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string(doc_node_kind_name(nd->kind)));
	json_object_set_new(o, "id", jstr(nd->id));
	json_object_set_new(o, "path", jstr(nd->path));
	json_object_set_new(o, "number", str_or_null(nd->number));
	json_object_set_new(o, "cite", str_or_null(nd->cite));
	if (nd->unit)
		json_object_set_new(o, "unit", json_string(doc_node_unit_name(nd->unit)));
	json_object_set_new(o, "label", str_or_null(nd->label));
	json_object_set_new(o, "text", jstrn(node_text(d, nd), nd->len));
	if (nd != d->root) {
		json_object_set_new(o, "lines", json_pack("[II]", (json_int_t)nd->line_first,
							  (json_int_t)nd->line_last));
		json_object_set_new(o, "bytes", json_pack("[II]", (json_int_t)nd->src_start,
							  (json_int_t)nd->src_end));
		json_object_set_new(o, "page", nd->page ? json_integer(nd->page) : json_null());
	}
	json_t *kids = json_array();
	for (size_t i = 0; i < nd->nkids; i++)
		json_array_append_new(kids, node_json(d, nd->kids[i]));
	json_object_set_new(o, "children", kids);
	return o;
}

static json_t *
meta_json(const doc_meta *m)
{
	json_t *o = json_object();
	json_object_set_new(o, "symbol", str_or_null(m->symbol));
	json_object_set_new(o, "title", str_or_null(m->title));
	json_object_set_new(o, "date", str_or_null(m->date));
	json_object_set_new(o, "language", str_or_null(m->lang));
	json_object_set_new(o, "original_language", str_or_null(m->orig_lang));
	json_object_set_new(o, "sender", str_or_null(m->sender));
	json_object_set_new(o, "addressee", str_or_null(m->addressee));
	json_object_set_new(o, "job_number", str_or_null(m->job));
	json_object_set_new(o, "distribution", str_or_null(m->distribution));
	json_object_set_new(o, "session", m->session ? json_integer(m->session) : json_null());
	json_t *items = json_array();
	for (size_t i = 0; i < m->nagenda; i++)
		json_array_append_new(items, jstr(m->agenda[i]));
	json_object_set_new(o, "agenda_items", items);
	json_t *titles = json_array();
	for (size_t i = 0; i < m->nagenda_titles; i++)
		json_array_append_new(titles, json_pack("{s:o,s:o}", "item",
							str_or_null(m->agenda_titles[i].item),
							"title", jstr(m->agenda_titles[i].title)));
	json_object_set_new(o, "agenda_titles", titles);
	json_t *pages = json_array();
	for (size_t i = 0; i < m->npages; i++)
		json_array_append_new(pages, json_pack("{s:i,s:I}", "page", m->pages[i].number,
						       "line", (json_int_t)m->pages[i].line));
	json_object_set_new(o, "pages", pages);
	json_object_set_new(o, "encoding", str_or_null(m->encoding));
	json_object_set_new(o, "garbled", json_boolean(m->garbled));
	json_object_set_new(o, "invalid_bytes", json_integer((json_int_t)m->invalid_bytes));
	json_object_set_new(o, "furniture_lines", json_integer((json_int_t)m->furniture_lines));
	json_t *furn = json_array();
	for (size_t i = 0; i < m->nfurniture; i++)
		json_array_append_new(furn, json_pack("{s:I,s:s,s:o}", "line",
						      (json_int_t)m->furniture[i].line,
						      "kind", m->furniture[i].kind,
						      "text", jstr(m->furniture[i].text)));
	json_object_set_new(o, "furniture", furn);
	return o;
}

/* ---- JSON safe for a terminal ------------------------------------------ */

/* jansson escapes C0 controls only. What a terminal or a bidi renderer
 * would act on is escaped here too, on the dumped text: DEL, C1 controls
 * (U+0080..U+009F), the bidi embeddings and overrides U+202A..U+202E, the
 * isolates U+2066..U+2069 and U+2028/U+2029. Outside strings jansson
 * writes ASCII only, so escaping these sequences anywhere is escaping them
 * in strings. Chunks may end inside a sequence: up to 2 bytes wait. */
typedef struct json_safe {
	FILE *out;
	unsigned char pend[3];
	size_t npend;
} json_safe;

/* The code point to escape at p[0, n), or 0 (*len: its length); -1 when
 * p[0, n) may be the start of one (more bytes are needed). */
static long
unsafe_at(const unsigned char *p, size_t n, size_t *len)
{
	*len = 1;
	if (p[0] == 0x7f)
		return 0x7f;
	if (p[0] == 0xc2) {
		if (n < 2)
			return -1;
		*len = 2;
		return p[1] >= 0x80 && p[1] <= 0x9f ? p[1] : 0;
	}
	if (p[0] == 0xe2) {
		if (n < 2)
			return -1;
		if (p[1] != 0x80 && p[1] != 0x81)
			return 0;
		if (n < 3)
			return -1;
		*len = 3;
		long cp = 0x2000 + ((long)(p[1] & 0x3f) << 6) + (p[2] & 0x3f);
		if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
		    cp == 0x2028 || cp == 0x2029)
			return cp;
		return 0;
	}
	return 0;
}

static void
safe_write(json_safe *js, const unsigned char *p, size_t n, int final)
{
	size_t from = 0;
	for (size_t i = 0; i < n;) {
		size_t len;
		long cp = unsafe_at(p + i, n - i, &len);
		if (cp < 0 && !final) {
			fwrite(p + from, 1, i - from, js->out);
			memcpy(js->pend, p + i, n - i);
			js->npend = n - i;
			return;
		}
		if (cp > 0) {
			fwrite(p + from, 1, i - from, js->out);
			fprintf(js->out, "\\u%04lX", cp);
			i += len;
			from = i;
			continue;
		}
		i++;
	}
	fwrite(p + from, 1, n - from, js->out);
}

static int
safe_chunk(const char *buffer, size_t size, void *data)
{
	json_safe *js = data;
	if (!js->npend) {
		safe_write(js, (const unsigned char *)buffer, size, 0);
	} else {
		size_t n = js->npend + size;
		unsigned char *t = xmalloc(n);
		memcpy(t, js->pend, js->npend);
		memcpy(t + js->npend, buffer, size);
		js->npend = 0;
		safe_write(js, t, n, 0);
		free(t);
	}
	return ferror(js->out) ? -1 : 0;
}

int
export_json_dumpf(const json_t *j, FILE *out, size_t flags)
{
	json_safe js = { out, { 0 }, 0 };
	int rc = json_dump_callback(j, safe_chunk, &js, flags);
	if (js.npend)
		safe_write(&js, js.pend, js.npend, 1);
	return rc < 0 || ferror(out) ? -1 : 0;
}

int
export_json(const doc *d, FILE *out)
{
	json_t *o = json_object();
	json_object_set_new(o, "lectern_schema", json_integer(1));
	json_object_set_new(o, "name", jstr(d->name));
	json_object_set_new(o, "meta", meta_json(&d->meta));
	json_object_set_new(o, "root", node_json(d, d->root));
	int rc = export_json_dumpf(o, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (rc == 0)
		fputc('\n', out);
	return rc < 0 || ferror(out) ? -1 : 0;
}

/* Writes s[0, n) with every unsafe code point in its visible form, so the
 * columns printed are the columns layout counted. */
static void
put_visible(const char *s, size_t n, FILE *out)
{
	while (n > 0) {
		size_t k = text_safe_run(s, n);
		fwrite(s, 1, k, out);
		if (k == n)
			break;
		char vis[TEXT_VISIBLE_MAX];
		size_t len;
		text_visible(s + k, n - k, vis, &len);
		fputs(vis, out);
		s += k + len;
		n -= k + len;
	}
}

static void
put_spaces(int n, FILE *out)
{
	static const char sp[] = "                                ";
	while (n > 0) {
		int k = n < (int)sizeof sp - 1 ? n : (int)sizeof sp - 1;
		fwrite(sp, 1, (size_t)k, out);
		n -= k;
	}
}

/* The number of a block as the source printed it, so that the dump reads
 * back as the document it came from: a clause, section or resolution
 * number with its full stop ("8.", "IV.", "A.", "80/16.", "Item 5."), a
 * sub-item or footnote mark as it is ("(a)", "a)", "3", "*"). An
 * inferred number (cite without number) is no mark, nor an annex's (its
 * text says "Annex I"). Returns the mark's bytes in m, 0 for none. */
static size_t
dump_mark(const node *nd, char *m, size_t cap)
{
	if (!nd->number || !*nd->number || nd->kind == NODE_ANNEX)
		return 0;
	size_t n = strlen(nd->number);
	char last = nd->number[n - 1];
	int stop = (nd->kind == NODE_PARAGRAPH || nd->kind == NODE_SECTION ||
		    nd->kind == NODE_HEADING) && last != ')' && last != '.';
	int k = snprintf(m, cap, "%s%s", nd->number, stop ? "." : "");
	return k < 0 || (size_t)k >= cap ? 0 : (size_t)k;
}

/* Lays out one block at a time and forgets it once printed: memory stays at
 * one block's lines, whatever the document's size. The marks are printed
 * in the gutter; when the widest does not fit there, every line moves
 * right by what it lacks (the text laid out that much narrower). A run of
 * footnotes opens with a "__________" rule and, when text follows it,
 * ends with a form feed, as on the printed page. */
int
export_dump(const doc *d, int width_cols, FILE *out)
{
	char mark[64];
	int widest = 0;
	for (size_t b = 0; b < d->nblocks; b++) {
		const node *nd = d->blocks[b];
		size_t ml = nd->kind == NODE_SUBITEM ? 0 : dump_mark(nd, mark, sizeof mark);
		int w = ml ? text_width(mark, ml) : 0;
		if (w > widest)
			widest = w;
	}
	layout *lo = layout_new(d, width_cols);
	int gutter = layout_gutter_cols(lo), shift = 0;
	if (widest + 1 > gutter && width_cols - (widest + 1 - gutter) >= 10) {
		shift = widest + 1 - gutter;
		layout_free(lo);
		lo = layout_new(d, width_cols - shift);
		gutter = layout_gutter_cols(lo);
		if (widest + 1 > gutter + shift)
			shift = widest + 1 - gutter;
	}
	for (size_t b = 0; b < d->nblocks && !ferror(out); b++) {
		const node *nd = d->blocks[b];
		const char *text = node_text(d, nd);
		int fn = nd->kind == NODE_FOOTNOTE;
		int was_fn = b > 0 && d->blocks[b - 1]->kind == NODE_FOOTNOTE;
		if (fn && !was_fn)
			fputs("__________\n\n", out);	/* width_cols >= 10 */
		else if (!fn && was_fn)
			fputs("\f\n", out);
		size_t n;
		const layout_line *ln = layout_block(lo, b, &n);
		int safe = layout_block_safe(lo, b);
		size_t mlen = dump_mark(nd, mark, sizeof mark);
		for (size_t i = 0; i < n; i++) {
			if (ln[i].blank) {
				fputc('\n', out);
				continue;
			}
			int col = 0;
			if (ln[i].first && mlen) {
				int ncols = text_width(mark, mlen), max;
				int at = layout_number_col(lo, &ln[i], ncols - shift, &max);
				int used = 0;
				size_t k = text_fit(mark, mlen, max + shift, &used);
				put_spaces(at, out);
				put_visible(mark, k, out);
				col = at + used;
			}
			if (ln[i].end > ln[i].start) {
				put_spaces(shift + gutter + ln[i].indent - col, out);
				if (safe)
					fwrite(text + ln[i].start, 1, ln[i].end - ln[i].start, out);
				else
					put_visible(text + ln[i].start, ln[i].end - ln[i].start, out);
			}
			fputc('\n', out);
		}
		layout_drop_block(lo, b);
	}
	layout_free(lo);
	return ferror(out) ? -1 : 0;
}
