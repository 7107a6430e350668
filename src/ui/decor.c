/* decor: spans of the text pane drawn in their own role — the references
 * of the document (ROLE_REFERENCE) and the matches of the search
 * (ROLE_SEARCH_MATCH), the current one of each reversed.
 *
 * Spans are plain offsets (bytes of doc->plain) that always start and end on
 * character boundaries (refs.h and search.h promise it), so a line is drawn
 * as runs of equal attributes through draw_str, and a span that the layout
 * wrapped over two lines — or that crosses what was a line break in the
 * source — is highlighted on both, exactly over its characters.
 * Priority where spans overlap: current match, match, current reference,
 * reference. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/refs_ui.h"
#include "util.h"

#define MATCH_BATCH 64

static void
paint(attr_t *at, size_t off0, size_t off1, size_t s, size_t e, attr_t a)
{
	if (e <= off0 || s >= off1)
		return;
	if (s < off0)
		s = off0;
	if (e > off1)
		e = off1;
	for (size_t i = s; i < e; i++)
		at[i - off0] = a;
}

void
decor_line(pane *p, ui *u, int row, int x, const layout_line *l,
	   const node *nd, attr_t a)
{
	const char *s = node_text(u->d, nd) + l->start;
	size_t n = l->end - l->start;
	int max = p->w - x;
	refs_ui *rx = u->rx;
	if (!n || max <= 0)
		return;
	size_t off0 = nd->off + l->start, off1 = off0 + n;
	attr_t *at = xmalloc(n * sizeof *at);
	for (size_t i = 0; i < n; i++)
		at[i] = a;

	if (rx && rx->refs) {
		const ref_list *rl = rx->refs;
		for (size_t i = refs_first_in_block(rl, l->block);
		     i < rl->n && rl->items[i].block == l->block; i++) {
			const ref *r = &rl->items[i];
			attr_t ra = draw_attr(u, ROLE_REFERENCE);
			if (i == rx->cur_ref)
				ra |= A_REVERSE;
			paint(at, off0, off1, r->off, r->off + r->len, ra);
		}
	}
	if (rx && rx->srch && rx->query && rx->hl) {
		search_match m[MATCH_BATCH];
		size_t from = nd->off;	/* a match may start on an earlier line */
		for (;;) {
			long k = search_matches(rx->srch, rx->query, from, off1, m,
						MATCH_BATCH);
			if (k <= 0)
				break;
			for (long j = 0; j < k; j++) {
				int cur = rx->cur_valid && m[j].start == rx->cur.start;
				/* Bold and underlined too: without colour the
				 * other matches are reversed as well. */
				attr_t ma = cur ? draw_attr(u, ROLE_SELECTION) | A_BOLD |
					A_UNDERLINE : draw_attr(u, ROLE_SEARCH_MATCH);
				paint(at, off0, off1, m[j].start, m[j].end, ma);
			}
			if (k < MATCH_BATCH)
				break;
			from = m[k - 1].start + 1;
		}
	}

	/* Runs of one attribute; draw_str clips each to what is left. */
	size_t i = 0;
	while (i < n && max > 0) {
		size_t j = i + 1;
		while (j < n && at[j] == at[i])
			j++;
		int used = draw_str(p->win, row, x, s + i, j - i, max, at[i]);
		x += used;
		max -= used;
		i = j;
	}
	free(at);
}

layout_addr
decor_addr_of(ui *u, size_t off)
{
	size_t b = doc_block_at(u->d, off);
	size_t boff = u->d->blocks[b]->off;
	doc_pos p = { b, off > boff ? off - boff : 0 };
	return layout_addr_of(u->lo, p);
}

int
decor_visible(ui *u, layout_addr a)
{
	if (!u->text->placed)
		return 0;
	if (ui_addr_cmp(a, u->top) < 0)
		return 0;
	layout_addr t = u->top;
	int rows = ui_text_rows(u);
	for (int r = 0; r < rows; r++) {
		if (!ui_addr_cmp(a, t))
			return 1;
		if (layout_step(u->lo, &t, 1) == 0)
			break;
	}
	return 0;
}

int
decor_show(ui *u, size_t off, int record)
{
	if (!u->d->nblocks || !u->lo)
		return UI_NONE;
	layout_addr a = decor_addr_of(u, off);
	if (decor_visible(u, a))
		return UI_DRAW;
	/* Two lines of context above, when the pane has room for them. */
	if (ui_text_rows(u) >= 10)
		layout_step(u->lo, &a, -2);
	doc_pos p = layout_pos_of(u->lo, a);
	refs_ui *rx = u->rx;
	int was = rx->replaying;
	rx->replaying = !record;
	int f = ui_jump(u, p);
	rx->replaying = was;
	return f;
}

int
decor_click(pane *p, ui *u, int y, int x)
{
	refs_ui *rx = u->rx;
	if (!rx || !rx->refs || !u->d->nblocks || !u->lo)
		return UI_NONE;
	layout_addr a = u->top;
	if (y < 0 || layout_step(u->lo, &a, y) != (size_t)y)
		return UI_NONE;
	const layout_line *l = layout_line_at(u->lo, a);
	if (l->blank)
		return UI_NONE;
	/* The same geometry as pane_text: margin, gutter, indent. */
	int m = (p->w - u->lo_width) / 2;
	int col = x - (m > 0 ? m : 0) - layout_gutter_cols(u->lo) - l->indent;
	if (col < 0)
		return UI_NONE;
	const node *nd = u->d->blocks[l->block];
	const char *s = node_text(u->d, nd) + l->start;
	size_t n = l->end - l->start;
	int used = 0;
	size_t in = text_fit(s, n, col, &used);	/* bytes before the column */
	if (in >= n)
		return UI_NONE;
	size_t off = nd->off + l->start + in;
	const ref_list *rl = rx->refs;
	for (size_t i = refs_first_in_block(rl, l->block);
	     i < rl->n && rl->items[i].block == l->block; i++)
		if (rl->items[i].off <= off && off < rl->items[i].off + rl->items[i].len) {
			rx->cur_ref = i;
			refs_ui_describe(u, i);
			return UI_DRAW;
		}
	return UI_NONE;
}
