/* search_ui: / and \ (forward and backward), incremental, and n / p.
 *
 * While the query is typed on the message line (prompt.c), each edit
 * searches again from where the search started and moves the view to the
 * first match without recording a jump; Enter keeps it (one history entry,
 * from the starting place), Esc returns to the starting place. Matching is
 * search.h's: smart case and accents decided from the query alone.
 * Matches stay highlighted (decor.c) until Esc in the text.
 * Wrap-around and "not found" are said on the message line. */
#include <build-config.h>

#include <stdlib.h>
#include <string.h>

#include "ui/refs_ui.h"
#include "util.h"

static size_t
pos_off(const ui *u, doc_pos p)
{
	if (!u->d->nblocks)
		return 0;
	return u->d->blocks[p.block]->off + p.byte;
}

static void
ensure_search(ui *u)
{
	refs_ui *rx = u->rx;
	if (!rx->srch)
		rx->srch = search_new(u->d);
}

static const char *
how(const char *q)
{
	unsigned f = search_query_flags(q, strlen(q));
	if ((f & SEARCH_MATCH_CASE) && (f & SEARCH_MATCH_ACCENTS))
		return "exact";
	if (f & SEARCH_MATCH_CASE)
		return "case exact";
	if (f & SEARCH_MATCH_ACCENTS)
		return "accents exact";
	return "any case or accent";
}

/* Counts matches up to a limit, and the rank of the current one. */
static void
count(ui *u, size_t *total, size_t *rank)
{
	refs_ui *rx = u->rx;
	search_match m[256];
	size_t from = 0, n = 0;
	*rank = 0;
	while (n < 100000) {
		long k = search_matches(rx->srch, rx->query, from, u->d->plain_len + 1,
					m, 256);
		if (k <= 0)
			break;
		for (long j = 0; j < k; j++) {
			n++;
			if (m[j].start == rx->cur.start)
				*rank = n;
		}
		if (k < 256)
			break;
		from = m[k - 1].start + 1;
	}
	*total = n;
}

/* Searches rx->query from plain offset from in dir; shows the match.
 * record: a jump that history keeps. announce: say where we are. */
static int
find(ui *u, size_t from, search_dir dir, int record, int announce)
{
	refs_ui *rx = u->rx;
	ensure_search(u);
	int wrapped = 0;
	search_match m;
	int r = search_next(rx->srch, rx->query, from, dir, &m, &wrapped);
	if (r < 0) {
		rx->cur_valid = 0;
		return UI_DRAW;
	}
	if (r == 0) {
		rx->cur_valid = 0;
		ui_message(u, ROLE_ERROR, "Not found: %s (%s)", rx->query, how(rx->query));
		prompt_note(u, "not found");	/* while typing */
		return UI_DRAW;
	}
	if (wrapped)
		prompt_note(u, "wrapped");
	rx->cur = m;
	rx->cur_valid = 1;
	rx->hl = 1;
	int f = decor_show(u, m.start, record) | UI_DRAW;
	if (announce) {
		size_t total, rank;
		count(u, &total, &rank);
		if (wrapped)
			ui_message(u, ROLE_ERROR, "Search wrapped to the %s: match %zu of %zu",
				   dir == SEARCH_FORWARD ? "top" : "bottom", rank, total);
		else
			ui_message(u, ROLE_MESSAGE, "Match %zu of %zu  (%s; n next, p previous)",
				   rank, total, how(rx->query));
	}
	return f;
}

/* Returns to where the search started, without recording. */
static int
restore(ui *u)
{
	refs_ui *rx = u->rx;
	rx->replaying = 1;
	int f = ui_jump(u, rx->start);
	rx->replaying = 0;
	return f;
}

static int
typed(ui *u, const char *text, void *arg)
{
	(void)arg;
	refs_ui *rx = u->rx;
	free(rx->query);
	rx->query = xstrdup(text);
	int f = restore(u);
	prompt_note(u, "");
	if (!*text) {
		rx->cur_valid = 0;
		rx->hl = 0;
		return f | UI_DRAW;
	}
	return f | find(u, pos_off(u, rx->start), rx->dir,
			0, 0);
}

static int
done(ui *u, const char *text, void *arg)
{
	(void)arg;
	refs_ui *rx = u->rx;
	if (text && !*text && rx->dir == SEARCH_BACKWARD) {
		/* Enter alone at the ? prompt: the help (? is both less's
		 * backward search and the key readers try for help). */
		int f = restore(u);
		rx->hl = 0;
		rx->cur_valid = 0;
		return f | help_open(u);
	}
	if (!text || !*text) {
		/* Cancelled: back where the search started. */
		int f = restore(u);
		rx->hl = 0;
		rx->cur_valid = 0;
		ui_message(u, ROLE_MESSAGE, "Search cancelled");
		return f | UI_DRAW;
	}
	free(rx->query);
	rx->query = xstrdup(text);
	/* The view goes back to the start, then jumps for real: history keeps
	 * one entry, the starting place. */
	restore(u);
	return find(u, pos_off(u, rx->start), rx->dir,
		    1, 1);
}

static int
open_search(ui *u, search_dir dir)
{
	refs_ui *rx = u->rx;
	if (!u->d->nblocks)
		return UI_NONE;
	int f = refs_ui_uncover(u);	/* the view must show the matches */
	rx->dir = dir;
	rx->start = u->pos;
	rx->start_top = u->top;
	rx->cur_valid = 0;
	ensure_search(u);
	f |= prompt_open(u, dir == SEARCH_FORWARD ? "/" : "?", typed, done, NULL);
	if (dir == SEARCH_BACKWARD)
		prompt_note(u, "Enter alone: help");
	return f;
}

int
search_ui_forward(ui *u)
{
	return open_search(u, SEARCH_FORWARD);
}

int
search_ui_backward(ui *u)
{
	return open_search(u, SEARCH_BACKWARD);
}

static int
again(ui *u, int reverse)
{
	refs_ui *rx = u->rx;
	if (!rx->query || !*rx->query) {
		char m[96];
		keys_expand(u, "No search yet: {search-forward} searches forward, "
			    "{search-backward} backward", m, sizeof m);
		ui_message(u, ROLE_MESSAGE, "%s", m);
		return UI_DRAW;
	}
	search_dir d = rx->dir;
	if (reverse)
		d = d == SEARCH_FORWARD ? SEARCH_BACKWARD : SEARCH_FORWARD;
	/* From the current match while it is on the screen; after the reader
	 * moved away (G, a page, a jump), from the top of the screen. */
	size_t from;
	if (rx->cur_valid && decor_visible(u, decor_addr_of(u, rx->cur.start)))
		from = d == SEARCH_FORWARD ? rx->cur.start + 1 : rx->cur.start;
	else
		from = pos_off(u, u->pos);
	return find(u, from, d, 1, 1);
}

int
search_ui_next(ui *u)
{
	return again(u, 0);
}

int
search_ui_prev(ui *u)
{
	return again(u, 1);
}

void
search_ui_reset(ui *u)
{
	refs_ui *rx = u->rx;
	search_free(rx->srch);
	rx->srch = NULL;
	rx->cur_valid = 0;
}
