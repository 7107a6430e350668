/* cli_notes: lectern --notes, --notes-export, --notes-import, --note-add
 * and --note-delete (cli_notes.h). Notes, file names and command-line
 * values come from outside: everything but the JSON-LD export (escaped by
 * notes_export) goes out through cli_out. */
#include <build-config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "anchor.h"
#include "cli/cli_notes.h"
#include "cli/cli_out.h"
#include "notes.h"
#include "notes_export.h"
#include "notes_import.h"
#include "un/cite.h"
#include "util.h"

#define EXIT_DATA 1
#define EXIT_USAGE 2
#define QUOTE_COLS 60	/* an orphan's quote in --notes */

/* Opens the store read-only for listing. Returns NULL with *missing = 1
 * when there is no database yet (not an error). */
static notes_store *
open_for_reading(const char *db, int *missing, FILE *msg)
{
	char *err = NULL;
	*missing = 0;
	char *path = db ? xstrdup(db) : notes_default_path();
	struct stat st;
	if ((stat(path, &st) < 0 && errno == ENOENT) ||
	    (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0)) {
		*missing = 1;	/* no notes yet: not an error */
		free(path);
		return NULL;
	}
	notes_store *s = notes_open_readonly(path, &err);
	if (s && notes_warning(s))
		cli_out_error(msg, "%s", notes_warning(s));
	if (!s) {
		if (err && strstr(err, "holds no notes yet"))
			*missing = 1;
		else
			cli_out_error(msg, "%s", err);
	}
	free(err);
	free(path);
	return s;
}

static int
list_doc(doc *d, const char *db, note_list *l, anchor_doc **adp, FILE *msg)
{
	int missing;
	*adp = anchor_doc_new(d);
	notes_store *s = open_for_reading(db, &missing, msg);
	if (!s)
		return missing ? 0 : EXIT_DATA;
	char *err = NULL;
	int rc = 0;
	if (notes_list_doc(s, *adp, NULL, l, &err) < 0) {
		cli_out_error(msg, "%s", err);
		rc = EXIT_DATA;
	}
	free(err);
	notes_close(s);
	return rc;
}

int
cli_notes_list(doc *d, const char *db, FILE *out, FILE *msg)
{
	note_list l = { 0 };
	anchor_doc *ad;
	int rc = list_doc(d, db, &l, &ad, msg);
	buf b;
	buf_init(&b);
	for (size_t i = 0; rc == 0 && i < l.n; i++) {
		const note *n = &l.v[i];
		buf_printf(&b, "%lld\t", n->id);
		note_status_text(&b, n);
		buf_addc(&b, '\t');
		if (note_is_orphan(n)) {
			/* Not here: its quote, and no place ("—"). */
			char *q = note_quote_line(n->a.exact, QUOTE_COLS);
			buf_adds(&b, q);
			free(q);
			buf_adds(&b, "\t\xe2\x80\x94\t");
		} else {
			char *cite = note_cite(d, n);
			buf_printf(&b, "%s\t%s\t", cite, n->cur_path ? n->cur_path : "");
			free(cite);
		}
		const char *body = n->body ? n->body : "";
		const char *nl = strchr(body, '\n');
		size_t first_bytes = nl ? (size_t)(nl - body) : strlen(body);
		buf_add(&b, body, first_bytes);
		for (size_t k = 0; k < n->ntags; k++)	/* those the line lacks */
			if (!note_has_hashtag(body, first_bytes, n->tags[k]))
				buf_printf(&b, " #%s", n->tags[k]);
		buf_addc(&b, '\n');
	}
	if (rc == 0 && b.len && cli_out_write(out, b.s, b.len) < 0)
		rc = EXIT_DATA;
	buf_clear(&b);
	note_list_clear(&l);
	anchor_doc_free(ad);
	return rc;
}

int
cli_notes_export(doc *d, const char *db, const char *format, FILE *out, FILE *msg)
{
	int json = format && strcmp(format, "json") == 0;
	if (!format || (!json && strcmp(format, "md") != 0)) {
		cli_out_error(msg, "--notes-export: '%s' is not md or json",
			      format ? format : "");
		return EXIT_USAGE;
	}
	note_list l = { 0 };
	anchor_doc *ad;
	int rc = list_doc(d, db, &l, &ad, msg);
	if (rc == 0) {
		int w = json ? notes_export_jsonld(d, ad, &l, out) : notes_export_md(d, ad, &l, out);
		if (w < 0) {
			cli_out_error(msg, "write error: %s", strerror(errno));
			rc = EXIT_DATA;
		}
	}
	note_list_clear(&l);
	anchor_doc_free(ad);
	return rc;
}

/* The database is created by the first change only (a refused import or
 * a delete of a missing note leaves no file behind). */
static notes_store *
open_for_writing(const char *db, FILE *msg)
{
	char *err = NULL;
	notes_store *s = notes_open_lazy(db, &err);
	if (!s)
		cli_out_error(msg, "%s", err);
	free(err);
	return s;
}

int
cli_notes_import(doc *d, const char *db, const char *json_path, unsigned flags,
		 FILE *out, FILE *msg)
{
	notes_store *s = open_for_writing(db, msg);
	if (!s)
		return EXIT_DATA;
	anchor_doc *ad = anchor_doc_new(d);
	notes_import_stats st;
	char *err = NULL;
	int rc = notes_import_json(s, ad, json_path, flags, &st, &err);
	for (size_t i = 0; i < st.nwarnings; i++)
		cli_out_error(msg, "%s", st.warnings[i]);
	notes_import_stats_clear(&st);
	if (rc != 0)
		cli_out_error(msg, "%s", err);
	/* The counts: after a success, or after a failure that left some
	 * notes added (they stay); not "imported 0 notes" for a file that
	 * could not be read. */
	if (rc == 0 || (rc < 0 && st.added > 0)) {
		fprintf(out, "imported %zu note%s (ok %zu, moved %zu, fuzzy %zu, orphan %zu); "
			"%zu already present; %zu rejected", st.added, st.added == 1 ? "" : "s",
			st.status[ANCHOR_OK], st.status[ANCHOR_MOVED], st.status[ANCHOR_FUZZY],
			st.status[ANCHOR_ORPHAN], st.present, st.rejected);
		if (st.new_ids)
			fprintf(out, "; %zu with a new id (theirs is a note of another document)",
				st.new_ids);
		fputc('\n', out);
	}
	free(err);
	anchor_doc_free(ad);
	notes_close(s);
	return rc != 0 ? EXIT_DATA : 0;
}

int
cli_notes_add(doc *d, const char *db, const char *where, const char *text,
	      const char *const *tags, FILE *out, FILE *msg)
{
	const char *at = strchr(where, '@');
	char *path = at ? xstrndup(where, (size_t)(at - where)) : xstrdup(where);
	node *nd = doc_find_path(d, path);
	int rc = 0;
	if (!nd || !nd->len)	/* a citation, as ':' reads it: "art. 40, para. 3" */
		nd = cite_find(d, NULL, path);
	if (!nd || !nd->len) {
		cli_out_error(msg, "--note-add: no clause with path or citation '%s' (a citation "
			      "as the reader's c shows it, e.g. 'Annex, para. 8'; --json lists "
			      "the path of each clause)", path);
		free(path);
		return EXIT_DATA;
	}
	size_t from = nd->off, to = nd->off + nd->len;
	if (at) {
		const char *q = at + 1;
		const char *hit = *q ? memmem(d->plain + nd->off, nd->len, q, strlen(q)) : NULL;
		if (!hit) {
			cli_out_error(msg, "--note-add: '%s' is not in the text of %s", q, path);
			free(path);
			return EXIT_DATA;
		}
		from = (size_t)(hit - d->plain);
		to = from + strlen(q);
	}
	free(path);
	anchor_doc *ad = anchor_doc_new(d);
	note n;
	if (note_init(&n, ad, from, to, text) < 0) {
		cli_out_error(msg, "--note-add: nothing to anchor the note to");
		anchor_doc_free(ad);
		return EXIT_DATA;
	}
	for (size_t i = 0; tags && tags[i]; i++)
		note_add_tag(&n, tags[i]);
	notes_store *s = open_for_writing(db, msg);
	if (s) {
		char *err = NULL;
		long long id = notes_add(s, &n, &err);
		if (id < 0) {
			cli_out_error(msg, "%s", err);
			rc = EXIT_DATA;
		} else {
			fprintf(out, "%lld\n", id);
		}
		free(err);
		notes_close(s);
	} else {
		rc = EXIT_DATA;
	}
	note_clear(&n);
	anchor_doc_free(ad);
	return rc;
}

int
cli_notes_delete(const char *db, const char *id, FILE *msg)
{
	char *end;
	errno = 0;
	long long v = strtoll(id, &end, 10);
	if (errno || end == id || *end || v <= 0) {
		cli_out_error(msg, "--note-delete: '%s' is not a note id", id);
		return EXIT_USAGE;
	}
	notes_store *s = open_for_writing(db, msg);
	if (!s)
		return EXIT_DATA;
	char *err = NULL;
	int rc = 0;
	if (notes_delete(s, v, &err) < 0) {
		cli_out_error(msg, "%s", err);
		rc = EXIT_DATA;
	}
	free(err);
	notes_close(s);
	return rc;
}
