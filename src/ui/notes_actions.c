/* notes_actions: the note actions of the action table (add, add on words,
 * edit, delete and undelete, the filters, show or hide the panel) and the
 * editor's save.
 *
 * Every change is one committed transaction (notes.h); only then does the
 * message say so, and the notes-changed event makes the panel read its
 * list again. A read-only or unavailable store refuses with its reason.
 * The note an action is about is the panel's cursor when it has the
 * focus, else the first note of the clause at the top. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "un/cite.h"
#include "un/lang.h"
#include "ui/notes_impl.h"
#include "util.h"

/* Nonzero (with the message set) when notes cannot be written. */
static int
refuse(ui *u, notes_ui *n)
{
	if (n->s && !notes_is_readonly(n->s))
		return 0;
	/* why says it already: "notes are read-only: …", "notes are
	 * unavailable: …" (notes_open_best) */
	ui_message(u, ROLE_ERROR, "%s", n->why ? n->why
		   : "notes are read-only: the store cannot be written");
	return 1;
}

/* The pane's state when notes can be written, else NULL (with the reason
 * on the message line when there is a store). */
notes_ui *
notes_actions_writable(ui *u)
{
	notes_ui *n = notes_panel_state(u);
	return n && !refuse(u, n) ? n : NULL;
}

int
notes_actions_toggle(ui *u)
{
	notes_ui *n = notes_panel_state(u);
	pane *p = u->notes;
	if (!n)
		return UI_NONE;
	if (n->full)
		return notes_panel_uncover(u, n);
	if (p->shown && (n->squeezed || (!p->placed && u->notes_yield)))
		return notes_panel_reveal(u, n, 1);
	if (p->shown) {
		p->shown = 0;
		if (u->focus == p)
			ui_focus(u, u->text);
		ui_message(u, ROLE_MESSAGE, "Notes hidden");
		return UI_GEOMETRY | UI_DRAW;
	}
	if (notes_panel_fits_beside(u))
		ui_message(u, ROLE_MESSAGE, "Notes shown");
	return notes_panel_reveal(u, n, 1) | UI_GEOMETRY;
}

static char *
trimmed(const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* Saves the editor's text: a new note or the one being edited. Its tags
 * are the #words of the text (editing shows the other tags as #words). */
static int
save_note(ui *u, const char *text, void *arg, char **err)
{
	notes_ui *n = arg;
	if (!n->s || notes_is_readonly(n->s)) {
		*err = xstrdup(n->why ? n->why : "notes are read-only: the store cannot be written");
		return -1;
	}
	char *body = trimmed(text);
	if (!*body) {
		free(body);
		*err = xstrdup("the note is empty (Esc cancels)");
		return -1;
	}
	note nt;
	long long id;
	if (n->edit_id) {
		int deleted = 0;
		int r = notes_get(n->s, n->edit_id, &nt, &deleted, err);
		if (r <= 0) {
			if (r == 0)
				*err = xstrdup("the note is no longer in the store");
			free(body);
			return -1;
		}
		free(nt.body);
		nt.body = body;
		note_clear_tags(&nt);
		note_add_body_tags(&nt, body);
		id = notes_update(n->s, &nt, err) == 0 ? n->edit_id : -1;
		if (id > 0 && deleted)
			notes_undelete(n->s, id, NULL);
	} else {
		if (note_init(&nt, n->ad, n->new_start, n->new_end, body) < 0) {
			free(body);
			*err = xstrdup("there is no text to put a note on here");
			return -1;
		}
		free(body);
		note_add_body_tags(&nt, nt.body);
		id = notes_add(n->s, &nt, err);
	}
	note_clear(&nt);
	if (id <= 0)
		return -1;
	/* Committed: now, and only now, it is saved. */
	n->want_id = id;
	ui_notify(u, UI_EVENT_NOTES_CHANGED);
	pane *p = u->notes;
	int seen = p->shown && p->placed;
	if (!p->shown)
		notes_panel_reveal(u, n, 0);
	seen = seen || notes_panel_fits_beside(u);
	char k[32];
	if (seen)
		ui_message(u, ROLE_MESSAGE, "Note saved");
	else
		ui_message(u, ROLE_MESSAGE, "Note saved (%s shows the notes)",
			   keys_first(u, ACT_TOGGLE_NOTES, k, sizeof k));
	return 0;
}

int
notes_actions_open_new(ui *u, notes_ui *n, size_t start, size_t end)
{
	const doc *d = u->d;
	size_t b = doc_block_at(d, start);
	char *cite = cite_format(d, d->blocks[b]);
	char *title = xasprintf("New note: %s", cite);
	char *ctx = xstrndup(d->plain + start, end - start);
	n->edit_id = 0;
	n->new_start = start;
	n->new_end = end;
	int f = editor_open(u, title, ctx, NULL, save_note, n);
	free(cite);
	free(title);
	free(ctx);
	return f;
}

int
notes_actions_add(ui *u)
{
	notes_ui *n = notes_actions_writable(u);
	if (!n)
		return UI_DRAW;
	if (!u->d->nblocks)
		return UI_NONE;
	const node *nd = u->d->blocks[notes_panel_top_block(u)];
	if (!nd->len) {
		ui_message(u, ROLE_ERROR, "This block has no text to note");
		return UI_DRAW;
	}
	return notes_actions_open_new(u, n, nd->off, nd->off + nd->len);
}

static int
words_done(ui *u, const char *text, void *arg)
{
	notes_ui *n = arg;
	if (!text)
		return UI_DRAW;
	char *w = trimmed(text);
	if (!*w) {
		free(w);
		return UI_DRAW;
	}
	/* The clause at the top first, then the blocks on the screen. */
	const doc *d = u->d;
	size_t b0 = notes_panel_top_block(u), last = b0;
	layout_addr a = u->top;
	layout_step(u->lo, &a, ui_text_rows(u) - 1);
	if (a.block > last)
		last = a.block;
	/* Matched as the reader's search does (search.h): smart case,
	 * accents ignored unless typed, any white space for a space. */
	if (!n->search)
		n->search = search_new(d);
	if (last >= d->nblocks)
		last = d->nblocks - 1;
	search_match m;
	size_t to = d->blocks[last]->off + d->blocks[last]->len;
	if (b0 < d->nblocks &&
	    search_matches(n->search, w, d->blocks[b0]->off, to, &m, 1) == 1) {
		free(w);
		return notes_actions_open_new(u, n, m.start, m.end);
	}
	ui_message(u, ROLE_ERROR, "\"%s\" is not in the clause at the top or on the screen",
		   w);
	free(w);
	return UI_DRAW;
}

int
notes_actions_add_words(ui *u)
{
	notes_ui *n = notes_actions_writable(u);
	if (!n)
		return UI_DRAW;
	return prompt_open(u, "Note on the words: ", NULL, words_done, n);
}

static const char *
cite_of(const notes_ui *n, const note *nt)
{
	return n->cites[nt - n->all.v];
}

/* The note an action is about: the panel's cursor when it has focus, else
 * the note of the clause at the top; *several (may be NULL) counts that
 * clause's notes when it has more than one (the action then asks which:
 * choose()). */
static const note *
target(ui *u, notes_ui *n, size_t *several)
{
	notes_panel_sync(u, n, 0);
	if (several)
		*several = 0;
	if (u->focus == u->notes)
		return notes_panel_cursor_note(n);
	size_t b = notes_panel_top_block(u), count = 0;
	const note *first = NULL;
	for (size_t i = 0; i < n->all.n; i++)
		if (n->blk[i] == b && !count++)
			first = &n->all.v[i];
	if (several && count > 1)
		*several = count;
	return first;
}

/* The clause at the top has several notes: rather than act on one of them
 * unasked, the panel takes the focus with its cursor on the first, and
 * the message asks to choose (act: the action to press then). The filter
 * is cleared, so that all of them are in the list. */
static int
choose(ui *u, notes_ui *n, const note *first, size_t count, int act)
{
	if (n->f_tag || n->f_text) {
		free(n->f_tag);
		free(n->f_text);
		n->f_tag = n->f_text = NULL;
	}
	n->want_id = first->id;
	notes_panel_refilter(n);
	int f = notes_panel_reveal(u, n, 1);
	u->focus = u->notes;	/* placed by the coming geometry pass */
	char m[160];
	keys_expand(u, act == ACT_NOTE_EDIT ? "{line-down}/{line-up} choose, {note-edit} edits it"
		    : "{line-down}/{line-up} choose, {note-delete} deletes it", m, sizeof m);
	ui_message(u, ROLE_MESSAGE, "%zu notes on %s: %s", count, cite_of(n, first), m);
	return f | UI_GEOMETRY | UI_MOVED | UI_DRAW;
}

static int
no_target(ui *u)
{
	char m[160];
	keys_expand(u, "No note on this clause ({note-add} adds one; {toggle-notes} shows "
		    "the notes)", m, sizeof m);
	ui_message(u, ROLE_MESSAGE, "%s", m);
	return UI_DRAW;
}

/* The note edit or delete (act) is about, in a writable store; NULL when
 * there is none to act on yet, with *f the flags of what was done instead
 * (a message, or the choice among the clause's several notes). */
static const note *
acted_on(ui *u, int act, notes_ui **np, int *f)
{
	notes_ui *n = *np = notes_actions_writable(u);
	*f = UI_DRAW;
	if (!n)
		return NULL;
	size_t several;
	const note *nt = target(u, n, &several);
	if (!nt) {
		*f = no_target(u);
		return NULL;
	}
	if (several) {
		*f = choose(u, n, nt, several, act);
		return NULL;
	}
	return nt;
}

int
notes_actions_edit(ui *u)
{
	notes_ui *n;
	int f;
	const note *nt = acted_on(u, ACT_NOTE_EDIT, &n, &f);
	if (!nt)
		return f;
	/* Tags that are not #words of the body go on a last line, so that
	 * saving (which reads tags from the text) keeps them. */
	const char *body = nt->body ? nt->body : "";
	size_t body_len = strlen(body);
	buf b;
	buf_init(&b);
	buf_adds(&b, body);
	int first = 1;
	for (size_t i = 0; i < nt->ntags; i++) {
		if (note_has_hashtag(body, body_len, nt->tags[i]))
			continue;
		buf_adds(&b, first ? "\n" : " ");
		buf_printf(&b, "#%s", nt->tags[i]);
		first = 0;
	}
	char *title = xasprintf("Note: %s", cite_of(n, nt));
	n->edit_id = nt->id;
	f = editor_open(u, title, notes_panel_whole_clause(nt) ? NULL : nt->a.exact,
			    b.s ? b.s : "", save_note, n);
	free(title);
	buf_clear(&b);
	return f;
}

static int
delete_yes(ui *u, void *arg)
{
	notes_ui *n = arg;
	long long id = n->del_id;
	char *err = NULL;
	if (notes_delete(n->s, id, &err) < 0) {
		ui_message(u, ROLE_ERROR, "Not deleted: %s", err ? err : "error");
		free(err);
		return UI_DRAW;
	}
	n->last_deleted = id;
	ui_notify(u, UI_EVENT_NOTES_CHANGED);
	char k[32];
	ui_message(u, ROLE_MESSAGE, "Note deleted (%s brings it back)",
		   keys_first(u, ACT_NOTE_UNDELETE, k, sizeof k));
	return UI_DRAW | UI_MOVED;
}

int
notes_actions_delete(ui *u)
{
	notes_ui *n;
	int f;
	const note *nt = acted_on(u, ACT_NOTE_DELETE, &n, &f);
	if (!nt)
		return f;
	n->del_id = nt->id;
	char *q = xasprintf("Delete the note on %s?", cite_of(n, nt));
	f = editor_ask(u, q, delete_yes, n);
	free(q);
	return f;
}

int
notes_actions_undelete(ui *u)
{
	notes_ui *n = notes_actions_writable(u);
	if (!n)
		return UI_DRAW;
	if (!n->last_deleted) {
		ui_message(u, ROLE_MESSAGE, "No deleted note to bring back");
		return UI_DRAW;
	}
	char *err = NULL;
	if (notes_undelete(n->s, n->last_deleted, &err) < 0) {
		ui_message(u, ROLE_ERROR, "Not restored: %s", err ? err : "error");
		free(err);
		return UI_DRAW;
	}
	n->want_id = n->last_deleted;
	n->last_deleted = 0;
	ui_notify(u, UI_EVENT_NOTES_CHANGED);
	ui_message(u, ROLE_MESSAGE, "Note restored");
	return UI_DRAW | UI_MOVED;
}

/* Sets one of the filters (f_text or f_tag) to value (NULL or "" clears
 * it) and lists from the top. */
static void
set_filter(notes_ui *n, char **field, const char *value)
{
	free(*field);
	*field = value && *value ? xstrdup(value) : NULL;
	notes_panel_refilter(n);
	n->scroll = 0;
}

static int
filter_change(ui *u, const char *text, void *arg)
{
	notes_ui *n = arg;
	(void)u;
	set_filter(n, &n->f_text, text);
	return UI_DRAW;
}

static int
filter_done(ui *u, const char *text, void *arg)
{
	notes_ui *n = arg;
	set_filter(n, &n->f_text, text);
	if (n->f_text)
	{
		char k[32];
		ui_message(u, ROLE_MESSAGE, "%zu of %zu notes match (%s in the panel clears)",
			   n->nvis, n->all.n, keys_first(u, ACT_CANCEL, k, sizeof k));
	}
	return UI_DRAW;
}

static int
tag_done(ui *u, const char *text, void *arg)
{
	notes_ui *n = arg;
	if (!text)
		return UI_DRAW;
	char *t = trimmed(text);
	set_filter(n, &n->f_tag, t[0] == '#' ? t + 1 : t);
	free(t);
	if (n->f_tag)
		ui_message(u, ROLE_MESSAGE, "%zu of %zu notes tagged #%s", n->nvis,
			   n->all.n, n->f_tag);
	else
		ui_message(u, ROLE_MESSAGE, "Tag filter cleared");
	return UI_DRAW;
}

/* Shows the panel and opens a filter prompt (F: text, t: tag). */
static int
filter_prompt(ui *u, const char *label, prompt_fn change, prompt_fn done)
{
	notes_ui *n = notes_panel_state(u);
	if (!n)
		return UI_NONE;
	int f = notes_panel_reveal(u, n, 1);
	return f | prompt_open(u, label, change, done, n);
}

int
notes_actions_filter(ui *u)
{
	return filter_prompt(u, "Filter notes: ", filter_change, filter_done);
}

int
notes_actions_tag(ui *u)
{
	return filter_prompt(u, "Notes with tag: #", NULL, tag_done);
}
