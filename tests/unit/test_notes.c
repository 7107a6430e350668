/* Unit tests of the note store (notes.c): schema and pragmas, add / update
 * / delete / undo, tags and filters, reading order, lookup of a corrected
 * document by its key, the default location, and bad data: a text file, a
 * truncated or damaged database, another program's database, a newer
 * schema, a path under a file, a locked database. Every refused file is
 * compared byte for byte before and after. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sqlite3.h>

#include "anchor.h"
#include "notes.h"
#include "notes_export.h"
#include "un/cite.h"
#include "util.h"
#include "../notes/testdoc.h"

static char tmpdir[] = "/tmp/lectern-test-notes-XXXXXX";
static doc *base, *edited;
static anchor_doc *abase, *aedited;
static int counter;

static int
setup(void **state)
{
	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	base = testdoc_fixture("cis-declaration-2020.txt");
	edited = testdoc_fixture("edited.txt");
	if (!base || !edited)
		return -1;
	abase = anchor_doc_new(base);
	aedited = anchor_doc_new(edited);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	anchor_doc_free(abase);
	anchor_doc_free(aedited);
	doc_free(base);
	doc_free(edited);
	return testdoc_rmdir(tmpdir) == 0 ? 0 : -1;
}

/* A new path in the temporary directory (caller frees). */
static char *
tmp_path(const char *name)
{
	return xasprintf("%s/%d-%s", tmpdir, ++counter, name);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_take(&b);
}

static int
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static int
has_side_files(const char *db)
{
	char *w = xasprintf("%s-wal", db), *s = xasprintf("%s-shm", db);
	int r = exists(w) || exists(s);
	free(w);
	free(s);
	return r;
}

/* A note on a clause (or a quote in it) of the base document. */
static void
make_note(note *n, const char *clause, const char *quote, const char *body)
{
	node *nd = testdoc_block(base, clause);
	assert_non_null(nd);
	size_t from = nd->off, to = nd->off + nd->len;
	if (quote) {
		const char *hit = memmem(base->plain + nd->off, nd->len, quote, strlen(quote));
		assert_non_null(hit);
		from = (size_t)(hit - base->plain);
		to = from + strlen(quote);
	}
	assert_int_equal(0, note_init(n, abase, from, to, body));
}

static long long
add(notes_store *s, const char *clause, const char *quote, const char *body,
    const char *tag)
{
	note n;
	make_note(&n, clause, quote, body);
	note_add_tag(&n, tag);
	char *err = NULL;
	long long id = notes_add(s, &n, &err);
	if (id < 0)
		fprintf(stderr, "# %s\n", err);
	free(err);
	note_clear(&n);
	return id;
}

static notes_store *
open_new(char **path)
{
	*path = tmp_path("notes.db");
	char *err = NULL;
	notes_store *s = notes_open(*path, &err);
	if (!s)
		fprintf(stderr, "# %s\n", err);
	free(err);
	assert_non_null(s);
	return s;
}

/* Number of notes notes_list_doc lists (the list is freed). */
static size_t
count_listed(notes_store *s, const anchor_doc *ad, const notes_filter *f)
{
	note_list l = { 0 };
	char *err = NULL;
	assert_int_equal(0, notes_list_doc(s, ad, f, &l, &err));
	size_t n = l.n;
	note_list_clear(&l);
	free(err);
	return n;
}

/* A second read-write store on path (another lectern). */
static notes_store *
open_again(const char *path)
{
	char *err = NULL;
	notes_store *s = notes_open(path, &err);
	free(err);
	assert_non_null(s);
	return s;
}

/* A valid store with n notes, closed (no -wal left). */
static char *
make_db(int n)
{
	char *path;
	notes_store *s = open_new(&path);
	for (int i = 0; i < n; i++) {
		char body[1200];	/* long notes: a few make many pages */
		int k = snprintf(body, sizeof body, "nota %d: información ", i);
		memset(body + k, 'x', sizeof body - (size_t)k - 1);
		body[sizeof body - 1] = '\0';
		assert_true(add(s, "Dado el carácter", NULL, body, i % 2 ? "par" : NULL) > 0);
	}
	notes_close(s);
	assert_false(has_side_files(path));
	return path;
}

static const char *
pragma_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;
	out[0] = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return out;
}

static void
test_schema(void **state)
{
	(void)state;
	char *path;
	notes_store *s = open_new(&path);
	assert_false(notes_is_readonly(s));
	assert_string_equal(path, notes_path(s));
	sqlite3 *db;
	assert_int_equal(SQLITE_OK, sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL));
	char v[64];
	assert_string_equal("1", pragma_text(db, "PRAGMA user_version", v, sizeof v));
	assert_string_equal("wal", pragma_text(db, "PRAGMA journal_mode", v, sizeof v));
	char want[32];
	snprintf(want, sizeof want, "%d", NOTES_APPLICATION_ID);
	assert_string_equal(want, pragma_text(db, "PRAGMA application_id", v, sizeof v));
	sqlite3_close(db);
	notes_close(s);
	/* reopening migrates nothing and keeps the notes */
	char *err = NULL;
	s = notes_open(path, &err);
	assert_non_null(s);
	assert_int_equal(0, notes_count(s, &err));
	notes_close(s);
	free(path);
}

static void
test_add_update_delete_undo(void **state)
{
	(void)state;
	char *path, *err = NULL;
	notes_store *s = open_new(&path);
	long long id = add(s, "Dado el carácter", "transfronterizo", "¿Qué significa? Ёжик, 日本", "pregunta");
	assert_true(id > 0);
	note n;
	int deleted = -1;
	assert_int_equal(1, notes_get(s, id, &n, &deleted, &err));
	assert_int_equal(0, deleted);
	assert_string_equal("¿Qué significa? Ёжик, 日本", n.body);
	assert_string_equal("transfronterizo", n.a.exact);
	assert_string_equal(abase->fingerprint, n.doc_fp);
	assert_int_equal(1, n.ntags);
	assert_string_equal("pregunta", n.tags[0]);
	assert_int_equal(0, strncmp(n.uid, "urn:uuid:", 9));
	assert_non_null(n.created);

	free(n.body);
	n.body = xstrdup("línea uno\nlínea dos");
	note_add_tag(&n, "ciber");
	assert_int_equal(0, notes_update(s, &n, &err));
	note_clear(&n);
	assert_int_equal(1, notes_get(s, id, &n, NULL, &err));
	assert_string_equal("línea uno\nlínea dos", n.body);
	assert_int_equal(2, n.ntags);
	note_clear(&n);

	assert_int_equal(0, notes_delete(s, id, &err));
	assert_int_equal(0, notes_count(s, &err));
	assert_int_equal(1, notes_get(s, id, &n, &deleted, &err));	/* in the trash */
	assert_int_equal(1, deleted);
	note_clear(&n);
	assert_int_equal(-1, notes_delete(s, id, &err));	/* twice: an error */
	assert_non_null(strstr(err, "no note"));
	free(err);
	err = NULL;
	assert_int_equal(0, notes_undelete(s, id, &err));	/* undo */
	assert_int_equal(1, notes_count(s, &err));
	assert_int_equal(-1, notes_undelete(s, id, &err));
	free(err);
	err = NULL;
	assert_int_equal(0, notes_get(s, 9999, &n, NULL, &err));
	n.id = 9999;
	make_note(&n, "Dado el carácter", NULL, "x");
	n.id = 9999;
	assert_int_equal(-1, notes_update(s, &n, &err));
	note_clear(&n);
	free(err);
	notes_close(s);
	free(path);
}

static void
test_reading_order_and_filters(void **state)
{
	(void)state;
	char *path, *err = NULL;
	notes_store *s = open_new(&path);
	long long c8 = add(s, "Dado el carácter", NULL, "sobre el párrafo 8", "ciber");
	long long lt = add(s, "Carta de fecha", "Uzbekistán", "Información del remitente", NULL);
	long long c3 = add(s, "Al mismo tiempo, les preocupa", NULL, "sobre el párrafo 3", "ciber");
	assert_true(c8 > 0 && lt > 0 && c3 > 0);
	note_list l = { 0 };
	assert_int_equal(0, notes_list_doc(s, abase, NULL, &l, &err));
	assert_int_equal(3, l.n);
	assert_int_equal(lt, l.v[0].id);
	assert_int_equal(c3, l.v[1].id);
	assert_int_equal(c8, l.v[2].id);
	for (size_t i = 0; i < l.n; i++) {
		assert_int_equal(ANCHOR_OK, l.v[i].match.status);
		assert_string_equal(l.v[i].a.path, l.v[i].cur_path);
	}
	note_list_clear(&l);

	notes_filter f = { .tag = "ciber" };
	assert_int_equal(2, count_listed(s, abase, &f));
	f = (notes_filter){ .text = "INFORMACION DEL" };	/* no accents typed */
	assert_int_equal(0, notes_list_doc(s, abase, &f, &l, &err));
	assert_int_equal(1, l.n);
	assert_int_equal(lt, l.v[0].id);
	note_list_clear(&l);
	f = (notes_filter){ .text = "transfronterizo" };	/* in the quote */
	assert_int_equal(0, notes_list_doc(s, abase, &f, &l, &err));
	assert_int_equal(1, l.n);
	assert_int_equal(c8, l.v[0].id);
	note_list_clear(&l);
	f = (notes_filter){ .tag = "ciber", .text = "párrafo 3" };
	assert_int_equal(1, count_listed(s, abase, &f));
	notes_close(s);
	free(path);
}

/* A corrected document has another fingerprint: its notes are found by the
 * document's key and re-attached. Another document sees none of them. */
static void
test_corrected_document(void **state)
{
	(void)state;
	char *path, *err = NULL;
	notes_store *s = open_new(&path);
	long long p5 = add(s, "Exhortan a la comunidad mundial a que adopte", NULL, "editado", NULL);
	long long p8 = add(s, "Dado el carácter", NULL, "intacto", NULL);
	note_list l = { 0 };
	assert_int_equal(0, notes_list_doc(s, aedited, NULL, &l, &err));
	assert_int_equal(2, l.n);
	assert_int_equal(p5, l.v[0].id);
	assert_int_equal(ANCHOR_FUZZY, l.v[0].match.status);
	assert_true(l.v[0].match.score > 0.9 && l.v[0].match.score < 1);
	assert_int_equal(p8, l.v[1].id);
	assert_int_equal(ANCHOR_OK, l.v[1].match.status);
	assert_int_equal(2, notes_record_matches(s, &l, &err));	/* fuzzy, ok */
	assert_int_equal(0, notes_record_matches(s, &l, &err));	/* nothing new */
	note_list_clear(&l);
	note n;
	assert_int_equal(1, notes_get(s, p5, &n, NULL, &err));
	assert_string_equal("fuzzy", n.status);
	assert_true(n.score > 0.9 && n.score < 1);
	note_clear(&n);
	assert_int_equal(0, notes_record_status(s, p8, "moved", 1.0, &err));
	assert_int_equal(1, notes_get(s, p8, &n, NULL, &err));
	assert_string_equal("moved", n.status);
	note_clear(&n);

	doc *other = doc_new("other.txt");
	static const char t[] = "Otro documento, otra carta.";
	doc_add_node(other, NULL, NODE_PARAGRAPH, "p1", t, strlen(t));
	doc_finish(other);
	anchor_doc *ao = anchor_doc_new(other);
	assert_int_equal(0, count_listed(s, ao, NULL));
	anchor_doc_free(ao);
	doc_free(other);
	notes_close(s);
	free(path);
}

/* Two readers of one database (two lectern processes): each sees the
 * other's committed notes on its next list, deletes included. */
static void
test_two_stores_see_each_other(void **state)
{
	(void)state;
	char *path, *err = NULL;
	notes_store *a = open_new(&path);
	notes_store *b = open_again(path);
	note_list l = { 0 };
	assert_int_equal(0, count_listed(b, abase, NULL));
	long long id = add(a, "Dado el carácter", NULL, "de A", NULL);
	assert_true(add(b, "Carta de fecha", NULL, "de B", NULL) > 0);
	assert_int_equal(2, count_listed(b, abase, NULL));
	assert_int_equal(2, count_listed(a, abase, NULL));
	assert_int_equal(0, notes_delete(b, id, &err));
	assert_int_equal(0, notes_list_doc(a, abase, NULL, &l, &err));
	assert_int_equal(1, l.n);
	assert_string_equal("de B", l.v[0].body);
	note_list_clear(&l);
	notes_close(a);
	notes_close(b);
	free(path);
}

/* notes_data_version changes when another connection commits, not for
 * the store's own changes; a read-only store opened immutable says -1. */
static void
test_data_version(void **state)
{
	(void)state;
	char *path, *err = NULL;
	notes_store *a = open_new(&path);
	notes_store *b = open_again(path);
	long long v0 = notes_data_version(a);
	assert_true(v0 >= 0);
	assert_true(add(a, "Dado el carácter", NULL, "de A", NULL) > 0);
	assert_int_equal(v0, notes_data_version(a));
	long long vb = notes_data_version(b);
	assert_true(vb >= 0);
	assert_true(add(b, "Carta de fecha", NULL, "de B", NULL) > 0);
	long long v1 = notes_data_version(a);
	assert_true(v1 >= 0 && v1 != v0);
	assert_int_equal(v1, notes_data_version(a));	/* nothing new since */
	notes_store *r = notes_open_readonly(path, &err);	/* -wal in use */
	assert_non_null(r);
	long long vr = notes_data_version(r);
	assert_true(vr >= 0);
	assert_true(add(a, "Carta de fecha", NULL, "otra", NULL) > 0);
	assert_true(notes_data_version(r) != vr);
	notes_close(r);
	notes_close(a);
	notes_close(b);
	assert_false(has_side_files(path));
	r = notes_open_readonly(path, &err);	/* nobody has it open */
	assert_non_null(r);
	assert_int_equal(-1, notes_data_version(r));
	notes_close(r);
	free(err);
	free(path);
}

/* #tag words: after white space or an opening bracket, letters, digits,
 * marks, '-' and '_'; each added once. */
static void
test_body_tags(void **state)
{
	(void)state;
	note n;
	memset(&n, 0, sizeof n);
	note_add_body_tags(&n, "#uno a#no (#dos) [#tr-es_3]\n#ño, # #cafe\u0301 #uno");
	assert_int_equal(5, n.ntags);
	assert_string_equal("uno", n.tags[0]);
	assert_string_equal("dos", n.tags[1]);
	assert_string_equal("tr-es_3", n.tags[2]);
	assert_string_equal("ño", n.tags[3]);
	assert_string_equal("cafe\u0301", n.tags[4]);
	note_clear_tags(&n);	/* what the editor does before reading the tags again */
	assert_int_equal(0, n.ntags);
	assert_null(n.tags);
	note_add_body_tags(&n, "otra vez #dos");
	assert_int_equal(1, n.ntags);
	assert_string_equal("dos", n.tags[0]);
	note_clear(&n);
	/* one #word test for the panel's tag filter and the CLI list */
	static const char line[] = "sel #x, (#ño) #xy a#b";
	size_t ll = strlen(line);
	assert_true(note_has_hashtag(line, ll, "x"));
	assert_true(note_has_hashtag(line, ll, "ño"));
	assert_true(note_has_hashtag(line, ll, "xy"));
	assert_false(note_has_hashtag(line, ll, "b"));	/* not after a space */
	assert_false(note_has_hashtag(line, ll, "sel"));
	assert_false(note_has_hashtag(line, 6, "x,"));
	assert_false(note_has_hashtag(line, 5, "xy"));	/* only s[0, n) */
	size_t pos = 0, off, len;
	assert_int_equal(0, note_next_hashtag("a#b #", 5, &pos, &off, &len));
	assert_int_equal(5, pos);
}

/* An orphan's citation comes from its old path in the document's
 * language; for the clauses the document has, it is their citation. */
static void
test_cite_path(void **state)
{
	(void)state;
	static const struct { const char *path, *want; } cases[] = {
		{ "annex1/decl/p3", "Anexo, párr. 3" },
		{ "annex2/decl/p8/a_2", "Anexo 2, párr. 8 (a)" },
		{ "annex1/s2/fn3", "Anexo, nota 3" },	/* the innermost, as lang_cite */
		{ "annex1/s2", "Anexo, secc. 2" },
		{ "annex1/decl/s2/p4/b/ii", "Anexo, párr. 4 (b) (ii)" },
		{ "annex1/decl/pp4", "Anexo, párr. pp4" },
		{ "letter/p2", "Carta, párr. 2" },
		{ "letter/sig", "Carta, firma" },
		{ "annex1/note1", "Anexo, nota 1" },
		{ "", "—" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *c = cite_of_path(base, cases[i].path);
		assert_string_equal(cases[i].want, c);
		free(c);
	}
	size_t same = 0;
	for (size_t i = 0; i < base->nblocks; i++) {
		const node *nd = base->blocks[i];
		if (nd->kind == NODE_HEADING)	/* cited by its label */
			continue;
		char *a = note_cite_node(base, nd), *b = cite_of_path(base, nd->path);
		assert_string_equal(a, b);
		same++;
		free(a);
		free(b);
	}
	assert_true(same >= 15);
}

static void
test_default_location(void **state)
{
	(void)state;
	char *xdg = tmp_path("xdg");
	setenv("XDG_DATA_HOME", xdg, 1);
	char *err = NULL;
	notes_store *s = notes_open(NULL, &err);
	assert_non_null(s);
	char *want = xasprintf("%s/lectern/notes.db", xdg);
	assert_string_equal(want, notes_path(s));
	notes_close(s);
	char *dir = xasprintf("%s/lectern", xdg);
	struct stat st;
	assert_int_equal(0, stat(dir, &st));
	assert_int_equal(0700, st.st_mode & 0777);
	/* a relative XDG_DATA_HOME is ignored (XDG spec): HOME is used */
	char *home = tmp_path("home");
	setenv("XDG_DATA_HOME", "relative/dir", 1);
	setenv("HOME", home, 1);
	char *def = notes_default_path();
	char *want2 = xasprintf("%s/.local/share/lectern/notes.db", home);
	assert_string_equal(want2, def);
	unsetenv("XDG_DATA_HOME");
	free(def);
	free(want2);
	free(home);
	free(dir);
	free(want);
	free(xdg);
}

/* The file must come out byte for byte as it went in, with no -wal/-shm
 * created next to it, and every way to open it must say why not. */
static void
assert_refused(const char *path, const char *why_part)
{
	size_t n0, n1;
	char *before = slurp(path, &n0);
	assert_non_null(before);
	char *err = NULL;
	notes_store *s = notes_open(path, &err);
	assert_null(s);
	assert_non_null(err);
	if (!strstr(err, why_part))
		fprintf(stderr, "# message: %s\n", err);
	assert_non_null(strstr(err, why_part));
	assert_non_null(strstr(err, path));
	free(err);
	err = NULL;
	assert_null(notes_open_readonly(path, &err));
	free(err);
	char *why = NULL;
	assert_null(notes_open_best(path, &why));
	assert_non_null(strstr(why, "unavailable"));
	free(why);
	char *after = slurp(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	assert_false(has_side_files(path));
	free(before);
	free(after);
}

static void
test_text_file(void **state)
{
	(void)state;
	char *path = tmp_path("notes.db");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 100; i++)
		fprintf(f, "Mis notas de la reunión, línea %d\n", i);
	fclose(f);
	assert_refused(path, "not an SQLite database");
	free(path);
}

static void
test_truncated(void **state)
{
	(void)state;
	char *path = make_db(30);
	struct stat st;
	assert_int_equal(0, stat(path, &st));
	assert_true(st.st_size >= 8 * 4096);
	assert_int_equal(0, truncate(path, st.st_size / 2));
	assert_refused(path, "truncated");
	assert_int_equal(0, truncate(path, 60));	/* not even a header */
	assert_refused(path, "truncated");
	free(path);
}

static void
test_damaged(void **state)
{
	(void)state;
	char *path = make_db(30);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	/* garbage over pages 2 to 4 (the header stays valid) */
	assert_int_equal(0, fseek(f, 4096, SEEK_SET));
	for (int i = 0; i < 3 * 4096; i++)
		fputc((i * 7919) & 0xff, f);
	fclose(f);
	assert_refused(path, "left untouched");
	free(path);
}

static void
test_foreign_database(void **state)
{
	(void)state;
	char *path = tmp_path("places.sqlite");
	sqlite3 *db;
	assert_int_equal(SQLITE_OK, sqlite3_open(path, &db));
	assert_int_equal(SQLITE_OK, sqlite3_exec(db, "CREATE TABLE moz_places(id, url);"
				 "INSERT INTO moz_places VALUES(1, 'https://un.org')", NULL, NULL, NULL));
	sqlite3_close(db);
	assert_refused(path, "another program");
	free(path);
}

/* A database from a newer lectern: not written, but readable. */
static void
test_newer_schema(void **state)
{
	(void)state;
	char *path = make_db(3);
	sqlite3 *db;
	assert_int_equal(SQLITE_OK, sqlite3_open(path, &db));
	assert_int_equal(SQLITE_OK, sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL));
	sqlite3_close(db);
	size_t n0, n1;
	char *before = slurp(path, &n0);
	char *err = NULL;
	assert_null(notes_open(path, &err));
	assert_non_null(strstr(err, "newer lectern"));
	free(err);
	err = NULL;
	char *why = NULL;
	notes_store *s = notes_open_best(path, &why);
	assert_non_null(s);
	assert_true(notes_is_readonly(s));
	assert_non_null(strstr(why, "read-only"));
	free(why);
	note_list l = { 0 };
	assert_int_equal(0, notes_list_doc(s, abase, NULL, &l, &err));
	assert_int_equal(3, l.n);
	note n;
	make_note(&n, "Dado el carácter", NULL, "no");
	assert_int_equal(-1, notes_add(s, &n, &err));
	assert_non_null(strstr(err, "read-only"));
	free(err);
	err = NULL;
	assert_int_equal(-1, notes_delete(s, l.v[0].id, &err));
	free(err);
	note_clear(&n);
	note_list_clear(&l);
	notes_close(s);
	char *after = slurp(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	assert_false(has_side_files(path));
	free(before);
	free(after);
	free(path);
}

/* A directory where the file should be, a file where a directory should
 * be: clear messages, nothing created. (Permission bits are tested in
 * tests/notes/bad-data.sh, as an unprivileged user: root ignores them.) */
static void
test_bad_paths(void **state)
{
	(void)state;
	char *err = NULL;
	char *dir = tmp_path("dir.db");
	assert_int_equal(0, mkdir(dir, 0700));
	assert_null(notes_open(dir, &err));
	assert_non_null(strstr(err, "is a directory"));
	free(err);
	err = NULL;
	char *file = tmp_path("plain");
	FILE *f = fopen(file, "w");
	fputs("x\n", f);
	fclose(f);
	char *under = xasprintf("%s/notes.db", file);
	assert_null(notes_open(under, &err));
	assert_non_null(strstr(err, "not a directory"));
	free(err);
	err = NULL;
	/* the default location below a file */
	char *xdg = xasprintf("%s/xdg", file);
	setenv("XDG_DATA_HOME", xdg, 1);
	char *why = NULL;
	assert_null(notes_open_best(NULL, &why));
	assert_non_null(strstr(why, "not a directory"));
	unsetenv("XDG_DATA_HOME");
	free(why);
	free(xdg);
	free(under);
	free(file);
	free(dir);
}

/* Another program holds the write lock: the add waits, then fails with a
 * clear message and changes nothing; once the lock goes, it succeeds. */
static void
test_locked(void **state)
{
	(void)state;
	char *path = make_db(2);
	int to_child[2], to_parent[2];
	assert_int_equal(0, pipe(to_child));
	assert_int_equal(0, pipe(to_parent));
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *db;
		char c;
		close(to_child[1]);
		close(to_parent[0]);
		if (sqlite3_open(path, &db) != SQLITE_OK ||
		    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		if (write(to_parent[1], "L", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(1);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db);
		free(path);
		_exit(0);
	}
	close(to_child[0]);
	close(to_parent[1]);
	char c;
	assert_int_equal(1, read(to_parent[0], &c, 1));
	char *err = NULL;
	notes_store *s = notes_open(path, &err);	/* opening needs no lock */
	assert_non_null(s);
	notes_set_busy_timeout(s, 200);
	note n;
	make_note(&n, "Dado el carácter", NULL, "espera");
	assert_int_equal(-1, notes_add(s, &n, &err));
	assert_non_null(strstr(err, "locked"));
	assert_non_null(strstr(err, "nothing was saved"));
	free(err);
	err = NULL;
	assert_int_equal(2, notes_count(s, &err));
	assert_int_equal(1, write(to_child[1], "U", 1));
	int status;
	assert_int_equal(pid, waitpid(pid, &status, 0));
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(notes_add(s, &n, &err) > 0);
	assert_int_equal(3, notes_count(s, &err));
	note_clear(&n);
	notes_close(s);
	close(to_child[1]);
	close(to_parent[0]);
	free(path);
}

/* A read-only open of a closed database creates no file next to it. */
static void
test_readonly_open_writes_nothing(void **state)
{
	(void)state;
	char *path = make_db(5);
	size_t n0, n1;
	char *before = slurp(path, &n0);
	char *err = NULL;
	notes_store *s = notes_open_readonly(path, &err);
	assert_non_null(s);
	assert_true(notes_is_readonly(s));
	assert_int_equal(5, notes_count(s, &err));
	assert_false(has_side_files(path));
	notes_close(s);
	char *after = slurp(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	/* missing file: read-only open says so, creates nothing */
	char *missing = tmp_path("missing.db");
	assert_null(notes_open_readonly(missing, &err));
	assert_non_null(strstr(err, "does not exist"));
	assert_false(exists(missing));
	free(err);
	free(missing);
	free(before);
	free(after);
	free(path);
}

/* An empty file (touch notes.db) holds nothing to lose: it becomes a
 * store. */
static void
test_empty_file(void **state)
{
	(void)state;
	char *path = tmp_path("empty.db");
	FILE *f = fopen(path, "w");
	fclose(f);
	char *err = NULL;
	notes_store *s = notes_open(path, &err);
	assert_non_null(s);
	assert_true(add(s, "Dado el carácter", NULL, "uno", NULL) > 0);
	notes_close(s);
	free(path);
}

/* The reader's store (notes_open_best) creates neither the database nor
 * its directory before the first note: reading leaves nothing on disk.
 * Another reader opened meanwhile finds the file once it exists. */
static void
test_no_file_before_first_note(void **state)
{
	(void)state;
	char *xdg = tmp_path("lazy-xdg");
	setenv("XDG_DATA_HOME", xdg, 1);
	char *why = NULL, *err = NULL;
	notes_store *a = notes_open_best(NULL, &why);
	assert_non_null(a);
	assert_null(why);
	assert_false(notes_is_readonly(a));
	notes_store *b = notes_open_best(NULL, &why);
	assert_non_null(b);
	assert_int_equal(0, count_listed(a, abase, NULL));
	note_list l = { 0 };
	assert_int_equal(0, notes_list_all(a, &l, &err));
	assert_int_equal(0, l.n);
	assert_int_equal(0, notes_count(a, &err));
	note n;
	assert_int_equal(0, notes_get(a, 1, &n, NULL, &err));
	assert_int_equal(-1, notes_delete(a, 1, &err));	/* nothing to delete */
	assert_non_null(strstr(err, "no note 1"));
	free(err);
	err = NULL;
	assert_int_equal(-1, notes_undelete(a, 1, &err));
	free(err);
	err = NULL;
	assert_int_equal(-1, notes_data_version(a));
	assert_false(exists(xdg));	/* no directory, no file */
	/* the first note creates both */
	long long id = add(a, "Dado el carácter", NULL, "la primera", "x");
	assert_true(id > 0);
	char *path = xasprintf("%s/lectern/notes.db", xdg);
	assert_true(exists(path));
	char *dir = xasprintf("%s/lectern", xdg);
	struct stat st;
	assert_int_equal(0, stat(dir, &st));
	assert_int_equal(0700, st.st_mode & 0777);
	assert_int_equal(1, count_listed(a, abase, NULL));
	assert_int_equal(1, count_listed(b, abase, NULL));	/* the other reader */
	assert_int_equal(0, notes_delete(b, id, &err));
	assert_int_equal(0, count_listed(a, abase, NULL));
	notes_close(a);
	notes_close(b);
	unsetenv("XDG_DATA_HOME");
	/* an empty file given by path stays empty until the first note */
	char *empty = tmp_path("empty-lazy.db");
	FILE *f = fopen(empty, "w");
	fclose(f);
	a = notes_open_lazy(empty, &err);
	assert_non_null(a);
	assert_int_equal(0, count_listed(a, abase, NULL));
	assert_int_equal(0, stat(empty, &st));
	assert_int_equal(0, st.st_size);
	assert_false(has_side_files(empty));
	assert_true(add(a, "Dado el carácter", NULL, "dos", NULL) > 0);
	assert_int_equal(1, count_listed(a, abase, NULL));
	notes_close(a);
	/* a path whose directory is missing is refused at once, as before */
	char *nodir = xasprintf("%s/no/such/dir/notes.db", tmpdir);
	assert_null(notes_open_lazy(nodir, &err));
	assert_non_null(strstr(err, "not a directory"));
	free(err);
	free(nodir);
	free(empty);
	free(dir);
	free(path);
	free(xdg);
}

/* "YYYY-MM-DDTHH:MM:SSZ" of days ago. */
static void
iso_days_ago(int days, char out[32])
{
	time_t t = time(NULL) - (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void
set_deleted_time(const char *path, long long id, int days_ago)
{
	char when[32], sql[128];
	iso_days_ago(days_ago, when);
	snprintf(sql, sizeof sql, "UPDATE note SET deleted='%s' WHERE id=%lld", when, id);
	sqlite3 *db;
	assert_int_equal(SQLITE_OK, sqlite3_open(path, &db));
	assert_int_equal(SQLITE_OK, sqlite3_exec(db, sql, NULL, NULL, NULL));
	assert_int_equal(1, sqlite3_changes(db));
	sqlite3_close(db);
}

static long long
tag_rows(const char *path, long long id)
{
	char sql[96], v[32];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM note_tag WHERE note=%lld", id);
	sqlite3 *db;
	assert_int_equal(SQLITE_OK, sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL));
	pragma_text(db, sql, v, sizeof v);
	sqlite3_close(db);
	return atoll(v);
}

/* The trash keeps deleted notes for undo NOTES_TRASH_DAYS days: a
 * read-write open purges older ones (tags too), a read-only one does not. */
static void
test_trash_purge(void **state)
{
	(void)state;
	char *path, *err = NULL;
	notes_store *s = open_new(&path);
	long long old = add(s, "Dado el carácter", NULL, "vieja", "papelera");
	long long recent = add(s, "Dado el carácter", NULL, "reciente", NULL);
	long long live = add(s, "Carta de fecha", NULL, "viva", NULL);
	long long old2 = add(s, "Carta de fecha", NULL, "vieja 2", NULL);
	assert_true(old > 0 && recent > 0 && live > 0 && old2 > 0);
	assert_int_equal(0, notes_delete(s, old, &err));
	assert_int_equal(0, notes_delete(s, recent, &err));
	assert_int_equal(0, notes_delete(s, old2, &err));
	notes_close(s);
	set_deleted_time(path, old, NOTES_TRASH_DAYS + 1);
	set_deleted_time(path, old2, NOTES_TRASH_DAYS + 1);
	set_deleted_time(path, recent, NOTES_TRASH_DAYS - 1);
	assert_int_equal(1, tag_rows(path, old));
	/* read-only: nothing purged */
	s = notes_open_readonly(path, &err);
	assert_non_null(s);
	note n;
	int deleted = 0;
	assert_int_equal(1, notes_get(s, old, &n, &deleted, &err));
	assert_int_equal(1, deleted);
	note_clear(&n);
	assert_int_equal(0, notes_purge_trash(s, NOTES_TRASH_DAYS, &err));
	notes_close(s);
	/* read-write: the old ones go, the recent one stays for undo */
	s = notes_open(path, &err);
	assert_non_null(s);
	assert_int_equal(0, notes_get(s, old, &n, NULL, &err));
	assert_int_equal(0, notes_get(s, old2, &n, NULL, &err));
	assert_int_equal(0, tag_rows(path, old));
	assert_int_equal(1, notes_get(s, recent, &n, &deleted, &err));
	assert_int_equal(1, deleted);
	note_clear(&n);
	assert_int_equal(0, notes_undelete(s, recent, &err));
	assert_int_equal(2, notes_count(s, &err));
	assert_int_equal(0, notes_purge_trash(s, NOTES_TRASH_DAYS, &err));
	/* notes_purge_trash with another age */
	assert_int_equal(0, notes_delete(s, recent, &err));
	notes_close(s);
	set_deleted_time(path, recent, 3);
	s = notes_open(path, &err);
	assert_int_equal(1, notes_get(s, recent, &n, NULL, &err));
	note_clear(&n);
	assert_int_equal(1, notes_purge_trash(s, 2, &err));
	assert_int_equal(0, notes_get(s, recent, &n, NULL, &err));
	assert_int_equal(1, notes_count(s, &err));
	notes_close(s);
	free(err);
	free(path);
}

static void
test_text_matching_and_uids(void **state)
{
	(void)state;
	assert_true(notes_text_matches("Cooperación Internacional", "cooperacion"));
	assert_true(notes_text_matches("ЁЖИК", "ёжик"));
	assert_true(notes_text_matches("anything", ""));
	assert_true(notes_text_matches("anything", NULL));
	assert_false(notes_text_matches("Cooperación", "coordinación"));
	assert_false(notes_text_matches(NULL, "x"));
	char *a = notes_new_uid(), *b = notes_new_uid();
	assert_int_equal(45, strlen(a));
	assert_string_not_equal(a, b);
	assert_int_equal('4', a[9 + 14]);	/* version 4 */
	/* the id an import gives a note whose id another document has */
	char *d1 = notes_derived_uid(a, "symbol:A/75/1@es");
	char *d2 = notes_derived_uid(a, "symbol:A/75/1@es");
	char *d3 = notes_derived_uid(a, "symbol:A/75/2@es");
	char *d4 = notes_derived_uid(b, "symbol:A/75/1@es");
	assert_string_equal(d1, d2);	/* the same every time */
	assert_string_not_equal(d1, d3);
	assert_string_not_equal(d1, d4);
	assert_string_not_equal(d1, a);
	assert_int_equal(45, strlen(d1));
	assert_int_equal('8', d1[9 + 14]);	/* version 8 (RFC 9562) */
	assert_true(strchr("89ab", d1[9 + 19]) != NULL);	/* variant */
	free(d1);
	free(d2);
	free(d3);
	free(d4);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_add_update_delete_undo),
		cmocka_unit_test(test_reading_order_and_filters),
		cmocka_unit_test(test_corrected_document),
		cmocka_unit_test(test_two_stores_see_each_other),
		cmocka_unit_test(test_data_version),
		cmocka_unit_test(test_body_tags),
		cmocka_unit_test(test_cite_path),
		cmocka_unit_test(test_default_location),
		cmocka_unit_test(test_text_file),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_foreign_database),
		cmocka_unit_test(test_newer_schema),
		cmocka_unit_test(test_bad_paths),
		cmocka_unit_test(test_locked),
		cmocka_unit_test(test_readonly_open_writes_nothing),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_text_matching_and_uids),
		cmocka_unit_test(test_no_file_before_first_note),
		cmocka_unit_test(test_trash_purge),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
