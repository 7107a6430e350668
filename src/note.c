/* note: one note, the value the store (notes.c) reads and writes: making
 * it on a range of a document, its tags (stored ones and the #tag words of
 * its body, no two equal once folded), and how it is named to the reader
 * (its citation, re-attachment status, quote line). Contract in note.h.
 * Nothing here touches the database, prints or exits. */
#include <build-config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "anchor.h"
#include "fold.h"
#include "note.h"
#include "text.h"
#include "un/cite.h"
#include "util.h"

/* --- making a note, its tags ---------------------------------------------- */

int
note_init(note *n, const anchor_doc *ad, size_t start_byte, size_t end_byte,
	  const char *body)
{
	memset(n, 0, sizeof *n);
	if (anchor_make(ad, start_byte, end_byte, &n->a) < 0)
		return -1;
	n->doc_fp = xstrdup(ad->fingerprint);
	n->doc_key = xstrdup(ad->key);
	n->body = xstrdup(body ? body : "");
	return 0;
}

void
note_clear(note *n)
{
	free(n->uid);
	free(n->doc_fp);
	free(n->doc_key);
	anchor_clear(&n->a);
	free(n->body);
	note_clear_tags(n);
	free(n->created);
	free(n->modified);
	free(n->cur_path);
	free(n->status);
	memset(n, 0, sizeof *n);
}

void
note_add_tag(note *n, const char *tag)
{
	if (!tag || !*tag)
		return;
	for (size_t i = 0; i < n->ntags; i++)
		if (fold_eq(n->tags[i], tag))
			return;
	n->tags = xrealloc(n->tags, (n->ntags + 1) * sizeof *n->tags);
	n->tags[n->ntags++] = xstrdup(tag);
}

/* A character of a #tag word: letters, digits, marks, '-' and '_'. */
static int
is_tag_char(ucs4_t c)
{
	return uc_is_alnum(c) || c == '-' || c == '_' || uc_is_general_category(c, UC_CATEGORY_M);
}

int
note_next_hashtag(const char *s, size_t n, size_t *pos, size_t *tag_off, size_t *tag_len)
{
	for (size_t i = *pos; i < n; i++) {
		if (s[i] != '#' || (i > 0 && !strchr(" \t\n([", s[i - 1])))
			continue;
		size_t j = i + 1;
		while (j < n) {
			ucs4_t c;
			int len = u8_mbtouc(&c, (const uint8_t *)s + j, n - j);
			if (len <= 0 || !is_tag_char(c))
				break;
			j += (size_t)len;
		}
		if (j > i + 1) {
			*tag_off = i + 1;
			*tag_len = j - i - 1;
			*pos = j;
			return 1;
		}
	}
	*pos = n;
	return 0;
}

int
note_has_hashtag(const char *s, size_t n, const char *tag)
{
	size_t pos = 0, off, len;
	char *want = fold_str(tag, strlen(tag), FOLD_ALL, NULL);
	int found = 0;
	while (!found && note_next_hashtag(s, n, &pos, &off, &len)) {
		char *t = fold_str(s + off, len, FOLD_ALL, NULL);
		found = !strcmp(t, want);
		free(t);
	}
	free(want);
	return found;
}

void
note_clear_tags(note *n)
{
	for (size_t i = 0; i < n->ntags; i++)
		free(n->tags[i]);
	free(n->tags);
	n->tags = NULL;
	n->ntags = 0;
}

void
note_add_body_tags(note *n, const char *body)
{
	size_t len = strlen(body), pos = 0, off, tl;
	while (note_next_hashtag(body, len, &pos, &off, &tl)) {
		char *t = xstrndup(body + off, tl);
		note_add_tag(n, t);
		free(t);
	}
}

void
note_list_clear(note_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		note_clear(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* --- how a note is named ------------------------------------------------- */

/* Citations are src/un/cite.c's; a node without one is named by its path. */
char *
note_cite_node(const doc *d, const node *nd)
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
note_cite(const doc *d, const note *n)
{
	if (n->match.node)
		return note_cite_node(d, n->match.node);
	return cite_of_path(d, n->cur_path ? n->cur_path : n->a.path);
}

/* An orphan is not in this version of the document: its old citation and
 * path would name whatever clause now has that number. */
int
note_is_orphan(const note *n)
{
	return n->match.status == ANCHOR_ORPHAN || !n->match.node;
}

char *
note_quote_line(const char *exact, int cols)
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
	buf_clear(&q);
	return r;
}

void
note_status_text(buf *b, const note *n)
{
	buf_adds(b, anchor_status_name(n->match.status));
	if (n->match.status == ANCHOR_FUZZY || (n->match.status == ANCHOR_ORPHAN && n->match.score > 0))
		buf_printf(b, " %.2f", n->match.score);
}
