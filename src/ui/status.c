/* status: the two bottom rows. The status line says where the reader is:
 * the document (symbol, else title, else file name), the breadcrumb of the
 * node at the top of the text ("Anexo › Declaración › 8": labels for
 * containers, the cited number for clauses), the page of the original when
 * known and how far through the text the reading position is (Top, End or a
 * percentage of the text's bytes, which needs no layout of the rest). The
 * message line below shows the last action's message, else a hint. */
#include <build-config.h>

#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "text.h"
#include "ui/ui_impl.h"
#include "ui/notes_ui.h"
#include "util.h"

#define CRUMB_COLS 24		/* a long label is cut to this in the crumb */

static const char *
doc_name(const doc *d)
{
	if (d->meta.symbol && *d->meta.symbol)
		return d->meta.symbol;
	/* The title says which letter (date, sender): more than a file name,
	 * even cut short. */
	if (d->meta.title && *d->meta.title)
		return d->meta.title;
	const char *s = strrchr(d->name, '/');
	return s && s[1] ? s + 1 : d->name;
}

/* Appends s[0, n) cut to CRUMB_COLS columns. */
static void
add_cut(buf *b, const char *s, size_t n)
{
	int used;
	size_t fit = text_fit(s, n, CRUMB_COLS, &used);
	if (fit < n) {
		fit = text_fit(s, n, CRUMB_COLS - 1, &used);
		buf_add(b, s, fit);
		buf_adds(b, "\xe2\x80\xa6");
	} else {
		buf_add(b, s, n);
	}
}

/* One step of the crumb: the part's word in the document's language for
 * letters and annexes ("Carta", "Anexo II"), the first word of a body's
 * title ("Declaración"), the number of a clause, else the label. */
static void
add_step(buf *b, const doc *d, const node *c)
{
	const lang_words *w = lang_get(d->meta.lang);
	const char *num = c->number && *c->number ? c->number : c->cite;
	const char *s = c->label;
	switch (c->kind) {
	case NODE_LETTER:
		buf_adds(b, w->cite_letter);
		return;
	case NODE_ANNEX:
		buf_adds(b, w->cite_annex);
		if (c->number && *c->number) {
			buf_addc(b, ' ');
			buf_adds(b, c->number);
		}
		return;
	case NODE_BODY:
		if (s && *s) {
			size_t n = strcspn(s, " ");
			add_cut(b, s, n);
			return;
		}
		break;
	case NODE_PARAGRAPH:
	case NODE_SUBITEM:
	case NODE_FOOTNOTE:
		if (num && *num) {
			buf_adds(b, num);
			return;
		}
		break;
	case NODE_SIGNATURE:
		buf_adds(b, w->cite_sig);
		return;
	case NODE_SECTION:
		if (c->number && *c->number) {
			buf_adds(b, c->number);
			return;
		}
		break;
	default:
		break;
	}
	if (!s || !*s)
		s = num && *num ? num : c->id;
	add_cut(b, s, strlen(s));
}

static void
crumb(const ui *u, buf *b)
{
	const node *nd = ui_top_node(u);
	const node *chain[16];
	size_t n = nd ? doc_breadcrumb(nd, chain, ARRAY_LEN(chain)) : 0;
	for (size_t i = 0; i < n; i++) {
		if (b->len)
			buf_adds(b, " \xe2\x80\xba ");	/* › */
		add_step(b, u->d, chain[i]);
	}
}

/* "p. 2/3  45%" */
static void
where(const ui *u, char *out, size_t size)
{
	const doc *d = u->d;
	const node *nd = ui_top_node(u);
	char page[32] = "";
	if (nd && nd->page > 0) {
		int last = 0;
		for (size_t i = 0; i < d->meta.npages; i++)
			if (d->meta.pages[i].number > last)
				last = d->meta.pages[i].number;
		if (last >= nd->page)
			snprintf(page, sizeof page, "p. %d/%d  ", nd->page, last);
		else
			snprintf(page, sizeof page, "p. %d  ", nd->page);
	}
	layout_addr first = layout_first(u->lo);
	layout_addr a = u->top;
	int at_end = layout_step(u->lo, &a, ui_text_rows(u)) < (size_t)ui_text_rows(u);
	if (!ui_addr_cmp(u->top, first) )
		snprintf(out, size, "%s%s", page, at_end ? "All" : "Top");
	else if (at_end)
		snprintf(out, size, "%sEnd", page);
	else {
		size_t off = 0;
		if (u->pos.block < d->nblocks)
			off = d->blocks[u->pos.block]->off + u->pos.byte;
		int pct = d->plain_len ? (int)(off * 100 / d->plain_len) : 0;
		snprintf(out, size, "%s%d%%", page, pct);
	}
}

static void
status_draw(pane *p, ui *u)
{
	attr_t st = draw_attr(u, ROLE_STATUS);
	wbkgdset(p->win, ' ' | draw_attr(u, ROLE_MESSAGE));
	werase(p->win);
	draw_fill(p->win, 0, 0, p->w, st);

	char right[64];
	where(u, right, sizeof right);
	int rw = text_width(right, strlen(right));
	int room = p->w - rw - 2;	/* one space each side */
	if (room > 0) {
		const char *name = doc_name(u->d);
		buf b;
		buf_init(&b);
		crumb(u, &b);
		int x = 1;
		/* The crumb says where the reader is: it comes first; the name
		 * takes what is left, and goes when that is too little. */
		int cw = b.len ? text_width(b.s, b.len) : 0;
		int nw = text_width(name, strlen(name));
		int name_room = room - x - (cw ? cw + 2 : 0);
		if (nw > name_room)
			nw = name_room;
		if (nw >= 8 || (nw > 0 && nw == text_width(name, strlen(name)))) {
			x += draw_str_ellipsis(p->win, 0, x, name, strlen(name), nw,
					       st | A_BOLD);
			x += draw_str(p->win, 0, x, "  ", 2, 2, st);
		}
		if (b.len && x < room)
			draw_str_ellipsis(p->win, 0, x, b.s, b.len, room - x, st);
		buf_free(&b);
	}
	draw_str(p->win, 0, p->w - rw - 1 > 0 ? p->w - rw - 1 : 0, right,
		 strlen(right), p->w, st);

	if (p->h < 2)
		return;
	/* The last cell of the screen is left alone: writing it scrolls some
	 * terminals. */
	int mw = p->w - 1;
	if (u->prompt)
		prompt_draw(u, p->win, 1, mw);
	else if (u->msg[0])
		draw_str_ellipsis(p->win, 1, 0, u->msg, strlen(u->msg), mw,
				  draw_attr(u, u->msg_role));
	else {
		const char *hint = u->focus == u->outline
			? "j/k move  Enter jump  Tab text  h help  q quit"
			: "Space/b page  Tab outline  h help  q quit";
		if (notes_ui_hint(u))
			hint = notes_ui_hint(u);
		if (text_width(hint, strlen(hint)) > mw)
			hint = "h help  q quit";	/* a whole short hint */
		draw_str_ellipsis(p->win, 1, 0, hint, strlen(hint), mw,
				  draw_attr(u, ROLE_DIM));
	}
}

static void
status_free(pane *p)
{
	(void)p;
}

static const pane_ops status_ops = {
	.name = "status",
	.draw = status_draw,
	.free = status_free,
};

pane *
status_new(ui *u)
{
	(void)u;
	pane *p = xcalloc(1, sizeof *p);
	p->ops = &status_ops;
	p->side = PANE_BOTTOM;
	p->shown = 1;
	return p;
}
