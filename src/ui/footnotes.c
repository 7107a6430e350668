/* footnotes: a footnote read at its mark, without leaving the place. The
 * parser turns the marks glued to the text into superscript digits
 * ("Nations⁴") and keeps each footnote as a NODE_FOOTNOTE whose number is
 * its mark; this file joins the two: * shows, in the popup, the footnotes
 * of the marks on the text pane's lines, and a click on a mark shows its
 * own.
 *
 * A mark's footnote is the first footnote with that number after the
 * clause in reading order (footnotes follow their page's text), else the
 * last one before it (numbering that restarts in an annex still finds
 * the nearest). */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "ui/ui_impl.h"
#include "util.h"

/* The digit a superscript code point stands for, or -1. */
static int
sup_digit(ucs4_t c)
{
	switch (c) {
	case 0x2070: return 0;
	case 0x00b9: return 1;
	case 0x00b2: return 2;
	case 0x00b3: return 3;
	}
	if (c >= 0x2074 && c <= 0x2079)
		return (int)(c - 0x2070);
	return -1;
}

/* The superscript digit at s[i, n): its bytes (0 if none) and *digit. */
static int
sup_at(const char *s, size_t n, size_t i, int *digit)
{
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	if (k <= 0)
		return 0;
	*digit = sup_digit(c);
	return *digit >= 0 ? k : 0;
}

/* The mark (a run of superscript digits) that starts at s[i]: its number
 * in ASCII into num, its bytes returned (0 if none). */
static size_t
mark_from(const char *s, size_t n, size_t i, char *num, size_t size)
{
	size_t j = i, len = 0;
	int d, k;
	while (j < n && (k = sup_at(s, n, j, &d)) > 0) {
		if (len + 1 < size)
			num[len++] = (char)('0' + d);
		j += (size_t)k;
	}
	num[len] = '\0';
	return j - i;
}

static const node *
footnote_of(const doc *d, const node *from, const char *num)
{
	const node *before = NULL;
	for (size_t i = 0; i < d->nnodes; i++) {
		const node *f = d->nodes[i];
		if (f->kind != NODE_FOOTNOTE || !f->number || strcmp(f->number, num))
			continue;
		if (f->index > from->index)
			return f;
		before = f;
	}
	return before;
}

/* Adds "MARK TEXT\n" for footnote f to b. */
static void
add_footnote(buf *b, const doc *d, const char *mark, size_t mark_n, const node *f)
{
	buf_add(b, mark, mark_n);
	buf_addc(b, ' ');
	/* one line: the popup wraps it */
	const char *t = node_text(d, f);
	for (size_t i = 0; i < f->len; i++)
		buf_addc(b, t[i] == '\n' ? ' ' : t[i]);
	buf_addc(b, '\n');
}

int
footnotes_act(ui *u)
{
	const doc *d = u->d;
	if (!d->nblocks || !u->lo)
		return UI_NONE;
	buf b;
	buf_init(&b);
	const node *seen[64];
	size_t nseen = 0, nmarks = 0;
	layout_addr a = u->top;
	for (int row = 0; row < ui_text_rows(u); row++) {
		const layout_line *l = layout_line_at(u->lo, a);
		const node *nd = d->blocks[l->block];
		const char *s = node_text(d, nd);
		for (size_t i = l->start; !l->blank && i < l->end;) {
			char num[16];
			size_t m = mark_from(s, l->end, i, num, sizeof num);
			if (!m) {
				i++;
				continue;
			}
			nmarks++;
			const node *f = footnote_of(d, nd, num);
			int dup = 0;
			for (size_t k = 0; k < nseen && f; k++)
				dup |= seen[k] == f;
			if (f && !dup) {
				if (nseen < ARRAY_LEN(seen))
					seen[nseen++] = f;
				add_footnote(&b, d, s + i, m, f);
			}
			i += m;
		}
		if (layout_step(u->lo, &a, 1) == 0)
			break;
	}
	if (!b.len) {
		buf_clear(&b);
		ui_message(u, ROLE_MESSAGE, nmarks ? "No footnote for the marks on the screen"
			   : "No footnote marks on the screen");
		return UI_DRAW;
	}
	char *t = buf_take(&b);
	int f = popup_open(u, nseen == 1 ? "Footnote" : "Footnotes", t, 0);
	free(t);
	return f;
}

int
footnotes_open_at(ui *u, size_t blk, size_t byte)
{
	const doc *d = u->d;
	if (blk >= d->nblocks)
		return UI_PASS;
	const node *nd = d->blocks[blk];
	const char *s = node_text(d, nd);
	if (byte >= nd->len)
		return UI_PASS;
	/* back to the start of the mark the byte is in */
	size_t i = byte;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	int dg;
	if (!sup_at(s, nd->len, i, &dg))
		return UI_PASS;
	for (;;) {
		size_t p = i;
		if (!p)
			break;
		p--;
		while (p > 0 && ((unsigned char)s[p] & 0xc0) == 0x80)
			p--;
		if (!sup_at(s, nd->len, p, &dg))
			break;
		i = p;
	}
	char num[16];
	size_t m = mark_from(s, nd->len, i, num, sizeof num);
	const node *f = footnote_of(d, nd, num);
	if (!f) {
		ui_message(u, ROLE_MESSAGE, "No footnote %s in this document", num);
		return UI_DRAW;
	}
	buf b;
	buf_init(&b);
	add_footnote(&b, d, s + i, m, f);
	char *t = buf_take(&b);
	int r = popup_open(u, "Footnote", t, 0);
	free(t);
	return r;
}
