/* status: the two bottom rows. The status line says where the reader is:
 * the document (its symbol, bold, then its title: "A/RES/78/237
 * Developments in the field of…"; without a symbol the title, else the file
 * name), the breadcrumb of the node at the top of the text ("Anexo ›
 * Declaración › 8": labels for containers, the cited number for clauses),
 * the page of the original when known and how far through the text the
 * reading position is (Top, End or a percentage of the text's bytes, which
 * needs no layout of the rest). The crumb wins the room over the title, the
 * symbol over the crumb. The message line below shows the last action's
 * message, else a hint for the focused pane. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "un/cite.h"
#include "text.h"
#include "ui/ui_impl.h"
#include "util.h"

#define CRUMB_COLS 24		/* a long label is cut to this in the crumb */
#define TITLE_MIN_COLS 8	/* a title cut shorter says nothing */

/* A resolution's own title when the model has none: the heading numbered
 * as the symbol ends ("78/237" in A/RES/78/237), not the masthead line
 * ("Resolution adopted by the General Assembly on …") above it. The text is
 * the heading's, in the model's buffer: *n gets its length. */
static const char *
resolution_heading(const doc *d, size_t *n)
{
	const char *sym = d->meta.symbol, *res = sym ? strstr(sym, "/RES/") : NULL;
	if (!res)
		return NULL;
	res += strlen("/RES/");
	for (size_t i = 1; i < d->nnodes; i++) {
		const node *nd = d->nodes[i];
		if ((nd->kind == NODE_HEADING || nd->kind == NODE_BODY) &&
		    nd->number && !strcmp(nd->number, res) && nd->len) {
			*n = nd->len;
			return node_text(d, nd);
		}
	}
	return NULL;
}

/* The document's title (NULL if none) and its length in bytes. */
static const char *
doc_title(const doc *d, size_t *n)
{
	if (d->meta.title && *d->meta.title) {
		*n = strlen(d->meta.title);
		return d->meta.title;
	}
	return resolution_heading(d, n);
}

static const char *
file_name(const doc *d)
{
	const char *s = strrchr(d->name, '/');
	return s && s[1] ? s + 1 : d->name;
}

/* A step of the crumb: what it says (malloc'd) and, for a label, the
 * label it was cut from, so that it can be cut shorter when the crumb
 * has no room (NULL: a number or a word, never cut). */
typedef struct step {
	char *s;
	const char *label;
	size_t label_len;
} step;

/* s[0, n) in at most cols columns (malloc'd): whole when it fits, else cut
 * after its last whole word with '…' (inside the word when the first one
 * does not fit); a line break shows as ", ", as the model's labels have
 * it. */
static char *
cut_words(const char *s, size_t n, int cols)
{
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			buf_adds(&b, ", ");
		else
			buf_add(&b, s + i, 1);
	}
	if (text_width(b.s, b.len) <= cols || cols < 2)
		return buf_take(&b);
	int used;
	size_t fit = text_fit(b.s, b.len, cols - 1, &used), cut = fit;
	if (b.s[fit] != ' ') {
		while (cut > 0 && b.s[cut - 1] != ' ')
			cut--;
		if (!cut)
			cut = fit;
	}
	while (cut > 0 && strchr(" ,;:|", b.s[cut - 1]))
		cut--;
	b.len = cut;
	buf_adds(&b, "\xe2\x80\xa6");
	return buf_take(&b);
}

/* A label step: cut to CRUMB_COLS columns, and cut shorter later if need
 * be. */
static step
label_step(const char *s, size_t n)
{
	return (step){ cut_words(s, n, CRUMB_COLS), s, n };
}

/* One step of the crumb: the part's word in the document's language for
 * letters and annexes ("Carta", "Anexo II"), a body's title, the number
 * of a clause, the first line of a keyword section's heading ("Article
 * 12", "Chapter II": the text says the number), else the label. */
static step
make_step(const doc *d, const node *c)
{
	char *word = cite_crumb(d, c);	/* "Carta", "Anexo II", "8" */
	if (word)
		return (step){ word, NULL, 0 };
	const char *num = c->number && *c->number ? c->number : c->cite;
	const char *s = c->label;
	if (c->kind == NODE_SECTION && !(c->number && *c->number) &&
	    c->unit != UNIT_NONE && c->len) {
		const char *t = node_text(d, c);
		size_t n = strcspn(t, "\n");
		if (n > c->len)
			n = c->len;
		while (n > 0 && strchr(" .:", t[n - 1]))
			n--;	/* "Article 13." */
		if (n)
			return label_step(t, n);
	}
	if (!s || !*s)
		s = num && *num ? num : c->id;
	return label_step(s, strlen(s));
}

static int
step_cols(const step *st)
{
	return text_width(st->s, strlen(st->s));
}

/* The crumb's steps cut to cols columns: the labels nearest the top are
 * cut first, down to their first word; then the top steps give way to
 * "…" (the clause being read is the crumb's point). */
static void
fit_steps(step *st, size_t n, int cols, buf *b)
{
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += step_cols(&st[i]) + (i ? 3 : 0);
	for (size_t i = 0; i < n && total > cols; i++) {
		if (!st[i].label)
			continue;
		int w = step_cols(&st[i]);
		size_t first = strcspn(st[i].label, " \n");
		if (first > st[i].label_len)
			first = st[i].label_len;
		int min = text_width(st[i].label, first) + 1;
		int want = w - (total - cols);
		if (want < min)
			want = min;
		if (want >= w)
			continue;
		char *c = cut_words(st[i].label, st[i].label_len, want);
		free(st[i].s);
		st[i].s = c;
		total -= w - step_cols(&st[i]);
	}
	size_t from = 0;
	while (total > cols && n - from > 1) {
		/* "A › B › C" -> "… › B › C": one step and its " › " go, the
		 * "…" and its " › " come (once) */
		total -= step_cols(&st[from]) + 3;
		if (!from)
			total += 1 + 3;
		from++;
	}
	if (from)
		buf_adds(b, "\xe2\x80\xa6");
	for (size_t i = from; i < n; i++) {
		if (b->len)
			buf_adds(b, " \xe2\x80\xba ");	/* › */
		buf_adds(b, st[i].s);
	}
}

/* The node the crumb ends at for nd at the top of the text, or NULL for
 * none. A note ("[Original: ruso]", a place and date, a sponsor line) is
 * not a place in the structure, nor is a table's row: the crumb stops at
 * what holds it (the table's header row, for a row). So does
 * an unnumbered heading at the top level that holds nothing: the masthead
 * of a resolution ("Resolution adopted by…", "The General Assembly,").
 * Their text is on the screen anyway. */
static const node *
crumb_end(const node *nd)
{
	if (nd && (nd->kind == NODE_NOTE || nd->kind == NODE_ROW))
		nd = nd->parent;
	else if (nd && nd->kind == NODE_HEADING && !(nd->number && *nd->number) &&
		 nd->parent && nd->parent->kind == NODE_DOCUMENT)
		nd = NULL;
	return nd && nd->kind != NODE_DOCUMENT ? nd : NULL;
}

/* The crumb in at most cols columns (more only when even its last step
 * is wider: the caller cuts it). */
static void
crumb(const ui *u, buf *b, int cols)
{
	const node *nd = crumb_end(ui_top_node(u));
	const node *chain[16];
	size_t n = nd ? doc_breadcrumb(nd, chain, ARRAY_LEN(chain)) : 0;
	step st[ARRAY_LEN(chain)];
	for (size_t i = 0; i < n; i++)
		st[i] = make_step(u->d, chain[i]);
	fit_steps(st, n, cols, b);
	for (size_t i = 0; i < n; i++)
		free(st[i].s);
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
	if (u->rest) {
		/* Only the beginning is read: no end, no share of it yet
		 * (the last page is that of the beginning). */
		if (nd && nd->page > 0)
			snprintf(page, sizeof page, "p. %d  ", nd->page);
		snprintf(out, size, "%sreading…", page);
		return;
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

/* A title in at most cols columns, '…' when cut; a line break in it (a
 * heading's text) shows as a space. Returns the columns used. */
static int
draw_title(pane *p, int x, const char *t, size_t n, int cols, attr_t a)
{
	if (!memchr(t, '\n', n))
		return draw_str_ellipsis(p->win, 0, x, t, n, cols, a);
	char *c = xstrndup(t, n);
	for (char *q = c; *q; q++)
		if (*q == '\n')
			*q = ' ';
	int used = draw_str_ellipsis(p->win, 0, x, c, n, cols, a);
	free(c);
	return used;
}

/* The document's name and the crumb, from column 1 to room. */
static void
draw_name(pane *p, ui *u, int room, attr_t st)
{
	const doc *d = u->d;
	const char *sym = d->meta.symbol && *d->meta.symbol ? d->meta.symbol : NULL;
	size_t tn = 0;
	const char *title = doc_title(d, &tn);
	if (!sym && !title) {
		title = file_name(d);
		tn = strlen(title);
	}
	int x = 1;
	int sw = sym ? text_width(sym, strlen(sym)) : 0;
	/* The crumb's room: all but the symbol and two spaces, when the
	 * symbol fits. */
	buf b;
	buf_init(&b);
	crumb(u, &b, room - x - (sym && sw <= room - x ? sw + 2 : 0));
	int cw = b.len ? text_width(b.s, b.len) : 0;
	/* What the crumb leaves, with two spaces before it. */
	int name_room = room - x - (cw ? cw + 2 : 0);
	if (sym && sw > name_room && sw <= room - x)
		name_room = sw;		/* the symbol before the crumb */
	if (sym && sw <= name_room) {
		x += draw_str(p->win, 0, x, sym, strlen(sym), sw, st | A_BOLD);
		name_room -= sw;
		/* The title after one space, when enough of it shows. */
		int tw = title ? text_width(title, tn) : 0;
		int tr = name_room - 1;
		if (tw > 0 && (tr >= TITLE_MIN_COLS || (tr > 0 && tw <= tr))) {
			x += draw_str(p->win, 0, x, " ", 1, 1, st);
			x += draw_title(p, x, title, tn, tr, st);
		}
		x += draw_str(p->win, 0, x, "  ", 2, 2, st);
	} else if (title) {
		int tw = text_width(title, tn);
		if (name_room >= TITLE_MIN_COLS || (name_room > 0 && tw <= name_room)) {
			x += draw_title(p, x, title, tn, name_room, st | A_BOLD);
			x += draw_str(p->win, 0, x, "  ", 2, 2, st);
		}
	}
	if (b.len && x < room)
		draw_str_ellipsis(p->win, 0, x, b.s, b.len, room - x, st);
	buf_clear(&b);
}

/* Hints, longest first: the message line shows the longest that fits
 * whole (a cut key hint would name half a key). "{action}" is the first
 * key bound to the action (keys_expand); a hint naming an action without
 * a key is left out. "%s" is where Tab goes (ui_focus_target); a hint
 * with it is left out when Tab goes nowhere. */
static const char *const hints_text[] = {
	"{page-down}/{page-up} page  {focus-next} %s  {note-add} add note  {help} help  {quit} quit",
	"{page-down}/{page-up} page  {focus-next} %s  {help} help  {quit} quit",
	"{page-down} page  {focus-next} %s  {help} help  {quit} quit",
	"{page-down} page  {help} help  {quit} quit", "{help} help  {quit} quit", NULL,
};
static const char *const hints_outline[] = {
	"{line-down}/{line-up} move  {activate} jump  {focus-next} %s  {help} help  {quit} quit",
	"{line-down}/{line-up} move  {activate} jump  {help} help  {quit} quit",
	"{activate} jump  {help} help  {quit} quit", "{help} help  {quit} quit", NULL,
};
static const char *const hints_help[] = {
	"{line-down}/{line-up} {page-down}/{page-up} scroll  {top}/{bottom} top/end  {quit} {cancel} close",
	"{line-down}/{line-up} {page-down}/{page-up} scroll  {quit} {cancel} close",
	"{line-down}/{line-up} scroll  {quit} close", NULL,
};

static void
draw_hint(pane *p, ui *u, int mw)
{
	/* Another modal pane (the note editor, a selection) takes the keys
	 * and says which: the reader's hint would be wrong. */
	if (u->overlay && u->overlay != u->help)
		return;
	/* The notes panel's own hint while it has the focus; the text's
	 * names the note key when the panel is shown beside it. */
	pane *f = u->focus;
	const char *one[] = { f && f->ops->hint ? f->ops->hint(f, u) : NULL,
			      "{help} help  {quit} quit", NULL };
	int in_text = !u->overlay && u->focus == u->text;
	const char *const *h = u->overlay == u->help ? hints_help
		: in_text ? hints_text
		: one[0] ? one : u->focus == u->outline ? hints_outline : hints_text;
	int notes_beside = 0;	/* a pane on the right of the text */
	for (size_t i = 0; i < u->npanes; i++)
		notes_beside |= u->panes[i]->side == PANE_RIGHT && u->panes[i]->placed;
	const pane *to = ui_focus_target(u, 1);
	const char *tab = to && to->ops->name ? to->ops->name : NULL;
	char hint[160] = "", keyed[160];
	for (size_t i = 0; h[i]; i++) {
		if (h == hints_text && i == 0 && !notes_beside)
			continue;
		const char *at = strstr(h[i], "%s");
		if (at && !tab)
			continue;
		/* (The notes panel's hint comes with its keys named.) */
		if (h == one && i == 0)
			snprintf(keyed, sizeof keyed, "%s", h[i]);
		else if (keys_expand(u, h[i], keyed, sizeof keyed) < 0 && h[i + 1])
			continue;
		at = strstr(keyed, "%s");
		if (at)
			snprintf(hint, sizeof hint, "%.*s%s%s", (int)(at - keyed), keyed,
				 tab, at + 2);
		else
			snprintf(hint, sizeof hint, "%s", keyed);
		if (text_width(hint, strlen(hint)) <= mw)
			break;
	}
	draw_str_ellipsis(p->win, 1, 0, hint, strlen(hint), mw,
			  draw_attr(u, ROLE_DIM));
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
	int room = p->w - rw - 3;	/* a space before, two after */
	if (room > 0)
		draw_name(p, u, room, st);
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
	else
		draw_hint(p, u, mw);
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
