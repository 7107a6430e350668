/* notes_tool: database checks for the shell tests (check, user-version:
 * no option of lectern does them), and the notes views of src/cli/ for
 * tests/notes/bad-data.sh (tests/notes/cli.sh runs lectern itself; the
 * view commands go once bad-data.sh does too):
 *   notes_tool DB DOC list|export md|export json|import FILE.json
 *   notes_tool DB DOC import-force FILE.json  (lectern --force --notes-import)
 *   notes_tool DB DOC add WHERE TEXT [TAG]...
 *   notes_tool DB - delete ID
 *   notes_tool DB - check         integrity_check + number of live notes
 *   notes_tool DB - user-version N   sets PRAGMA user_version (N above
 *                                 the schema's: a newer lectern's file)
 * DB "-" = the default database. Exit codes as the CLI functions. */
#include <build-config.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notes.h"
#include "cli/cli_notes.h"
#include "notes_export.h"
#include "notes_import.h"
#include "testdoc.h"

static int
check(const char *db)
{
	char *err = NULL;
	notes_store *s = notes_open(db, &err);
	if (!s) {
		fprintf(stderr, "notes_tool: %s\n", err);
		free(err);
		return 1;
	}
	notes_close(s);
	sqlite3 *h;
	sqlite3_stmt *st;
	int ok = 0;
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	s = notes_open(db, &err);
	long long n = s ? notes_count(s, &err) : -1;
	notes_close(s);
	printf("integrity %s, %lld notes\n", ok ? "ok" : "FAILED", n);
	free(err);
	return ok && n >= 0 ? 0 : 1;
}

/* A database "written by a newer lectern": user_version set directly. */
static int
user_version(const char *db, const char *v)
{
	sqlite3 *h;
	char *sql = sqlite3_mprintf("PRAGMA user_version = %d", atoi(v));
	int rc = sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		fprintf(stderr, "notes_tool: %s: %s\n", db, sqlite3_errmsg(h));
	sqlite3_free(sql);
	sqlite3_close(h);
	return rc == SQLITE_OK ? 0 : 1;
}

int
main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: notes_tool DB DOC COMMAND [ARG]...\n", stderr);
		return 2;
	}
	const char *db = strcmp(argv[1], "-") ? argv[1] : NULL;
	const char *cmd = argv[3];
	if (strcmp(cmd, "check") == 0)
		return check(argv[1]);
	if (strcmp(cmd, "user-version") == 0 && argc == 5)
		return user_version(argv[1], argv[4]);
	if (strcmp(cmd, "delete") == 0 && argc == 5)
		return cli_notes_delete(db, argv[4], stderr);
	doc *d = testdoc_load(argv[2]);
	if (!d)
		return 1;
	int rc = 2;
	if (strcmp(cmd, "list") == 0)
		rc = cli_notes_list(d, db, stdout, stderr);
	else if (strcmp(cmd, "export") == 0 && argc == 5)
		rc = cli_notes_export(d, db, argv[4], stdout, stderr);
	else if (strcmp(cmd, "import") == 0 && argc == 5)
		rc = cli_notes_import(d, db, argv[4], 0, stdout, stderr);
	else if (strcmp(cmd, "import-force") == 0 && argc == 5)
		rc = cli_notes_import(d, db, argv[4], NOTES_IMPORT_FORCE, stdout, stderr);
	else if (strcmp(cmd, "add") == 0 && argc >= 6)
		rc = cli_notes_add(d, db, argv[4], argv[5], (const char *const *)argv + 6,
				   stdout, stderr);
	else
		fprintf(stderr, "notes_tool: unknown command %s\n", cmd);
	doc_free(d);
	if (fflush(stdout) == EOF)
		rc = 1;
	return rc;
}
