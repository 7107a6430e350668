/* test_catalog: INI catalogs through config_ini (iniparser 4.1 parses): the bundled files load
 * whole, with a source for every title; broken user files (unclosed quote, over-long
 * line, syntax error, no kind) are reported by name (and line) while the
 * others load; later files override fields; lookups ignore case, accents
 * and quote style. Files are written in a mktemp -d directory. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <iniparser/iniparser.h>

#include "catalog.h"
#include "util.h"

static char tmpdir[64];

static char *
write_file(const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

static void
test_bundled(void **state)
{
	(void)state;
	const char *top = getenv("top_srcdir");
	char *w = NULL;
	catalog *c = catalog_new();
	char *dir = xasprintf("%s/data", top ? top : ".");
	assert_int_equal(catalog_load_dir(c, dir, &w), 3);
	free(dir);
	assert_null(w);
	/* 21 agenda items in agenda-a75.tsv, and the resolutions */
	size_t agenda = 0;
	const catalog_entry *e;
	for (size_t i = 0; i < catalog_count(c); i++) {
		const catalog_entry *ei = catalog_entry_at(c, i);
		if (!strcmp(ei->kind, "agenda-item") && !strncmp(ei->key, "A/75 ", 5))
			agenda++;
		/* every title has its source */
		for (int l = 0; l < CATALOG_NLANGS; l++)
			if (ei->title[l])
				assert_true(ei->title_source[l] || ei->source);
	}
	assert_int_equal(agenda, 21);
	/* agenda-a80.ini: from the corpus mastheads */
	e = catalog_find(c, "A/80 item 99 (k)");
	assert_non_null(e);
	assert_string_equal(catalog_title(e, "en"), "General and complete disarmament: "
		"observance of environmental norms in the drafting and implementation of "
		"agreements on disarmament and arms control");
	e = catalog_find(c, "A/75 item 98");
	assert_non_null(e);
	assert_string_equal(e->key, "A/75 item 98");
	assert_string_equal(catalog_title(e, "es"),
		"Avances en la esfera de la información y las telecomunicaciones en el "
		"contexto de la seguridad internacional");
	assert_string_equal(catalog_title(e, "fr"),
		"Progrès de l'informatique et des télécommunications et sécurité internationale");
	e = catalog_find(c, "a/75 ITEM 112");
	assert_non_null(e);
	assert_string_equal(catalog_title(e, "ru"),
		"Противодействие использованию информационно-коммуникационных технологий в преступных целях");
	assert_non_null(catalog_find(c, "A/75 item 103 (hh)"));
	assert_null(catalog_find(c, "A/75 item 99"));	/* not in the notes */
	assert_null(catalog_find(c, "A/74 item 98"));	/* keyed by session */
	e = catalog_find(c, "A/RES/74/306");
	assert_non_null(e);
	assert_string_equal(e->key, "A/RES/74/306");
	assert_string_equal(e->date, "2020-09-11");
	assert_non_null(catalog_para(e, "29", "en"));
	assert_null(catalog_para(e, "30", "en"));
	/* a source with ';' and '#' survived (quoted) */
	e = catalog_find(c, "A/75 item 98");
	assert_non_null(strstr(e->title_source[0], "; same header in A/RES/75/32"));
	/* title lookup: quotes, case, accents, spacing */
	const char *lang = NULL;
	e = catalog_find_title(c, "resolution",
		"RESPUESTA INTEGRAL Y COORDINADA A LA PANDEMIA DE ENFERMEDAD POR  CORONAVIRUS "
		"(COVID\xE2\x80\x91" "19)", strlen("RESPUESTA INTEGRAL Y COORDINADA A LA PANDEMIA DE "
		"ENFERMEDAD POR  CORONAVIRUS (COVID\xE2\x80\x91" "19)"), &lang);
	assert_non_null(e);
	assert_string_equal(e->key, "A/RES/74/306");
	assert_string_equal(lang, "es");
	const char *t = "Awaza political declaration.";
	e = catalog_find_title(c, NULL, t, strlen(t), NULL);
	assert_non_null(e);
	assert_string_equal(e->key, "A/RES/80/3");
	t = "Respuesta integral y coor dinada a la pandemia de enfermedad por coronavirus (COVID-19)";
	e = catalog_find_title(c, "resolution", t, strlen(t), NULL);
	assert_non_null(e);
	assert_string_equal(e->key, "A/RES/74/306");
	t = "Awaza";
	assert_null(catalog_find_title(c, NULL, t, strlen(t), NULL));
	catalog_free(c);
}

static void
test_broken_files(void **state)
{
	(void)state;
	catalog *c = catalog_new();
	char *err = NULL;
	/* a BOM is accepted as in config and themes (issue 8: it was refused) */
	char *p = write_file("a-bom.ini", "\xEF\xBB\xBF[A/75 item 1]\nkind = agenda-item\n");
	assert_int_equal(catalog_load_file(c, p, &err), 1);
	assert_null(err);
	assert_non_null(catalog_find(c, "A/75 item 1"));
	free(p);
	/* an unclosed quote names its line */
	p = write_file("a-quote.ini", "[A/75 item 6]\nkind = agenda-item\ntitle_en = \"Open\n");
	assert_int_equal(catalog_load_file(c, p, &err), -1);
	char *at3 = xasprintf("%s:3: ", p);
	assert_non_null(strstr(err, at3));
	free(at3);
	free(err);
	free(p);
	/* a 1023-byte line */
	char line[1100];
	memset(line, 'x', sizeof line);
	memcpy(line, "title_en = ", 11);
	line[1023] = '\0';
	char *text = xasprintf("[A/75 item 2]\nkind = agenda-item\n%s\n", line);
	p = write_file("b-long.ini", text);
	free(text);
	assert_int_equal(catalog_load_file(c, p, &err), -1);
	char *want = xasprintf("%s:3:", p);
	assert_non_null(strstr(err, want));
	free(want);
	free(err);
	free(p);
	/* syntax error: the message names the line */
	p = write_file("c-syntax.ini", "[A/75 item 3]\nkind = agenda-item\nthis line is wrong\n");
	assert_int_equal(catalog_load_file(c, p, &err), -1);
	want = xasprintf("%s:3: ", p);
	assert_non_null(strstr(err, want));
	free(want);
	free(err);
	free(p);
	/* no kind: that entry is skipped, the other loads */
	p = write_file("d-nokind.ini", "[A/75 item 4]\ntitle_en = x\n[A/75 item 5]\nkind = agenda-item\n");
	assert_int_equal(catalog_load_file(c, p, &err), 1);
	assert_non_null(strstr(err, "[a/75 item 4]"));
	free(err);
	free(p);
	assert_null(catalog_find(c, "A/75 item 4"));
	assert_non_null(catalog_find(c, "A/75 item 5"));
	/* a missing file */
	assert_int_equal(catalog_load_file(c, "/nonexistent/x.ini", &err), -1);
	assert_non_null(strstr(err, "/nonexistent/x.ini"));
	free(err);
	catalog_free(c);
}

static void
test_user_dir_override(void **state)
{
	(void)state;
	char *dir = xasprintf("%s/xdg/lectern", tmpdir);
	char *mk = xasprintf("mkdir -p '%s'", dir);
	assert_int_equal(system(mk), 0);
	free(mk);
	char *p1 = xasprintf("%s/10-mine.ini", dir);
	FILE *f = fopen(p1, "w");
	fputs("; my titles\n[A/RES/74/306]\ntitle_fr = \"Riposte globale; coordonnée # test\"\n"
	      "title_en = \"Mine\"\n", f);
	fclose(f);
	char *p2 = xasprintf("%s/20-broken.ini", dir);
	f = fopen(p2, "w");
	fputs("[x\n", f);
	fclose(f);
	char *xdg = xasprintf("%s/xdg", tmpdir);
	setenv("XDG_DATA_HOME", xdg, 1);
	const char *top = getenv("top_srcdir");
	char *w = NULL;
	catalog *c = catalog_load_default(top ? top : ".", &w);
	assert_non_null(w);	/* the broken file, by name; the rest loaded */
	assert_non_null(strstr(w, "20-broken.ini"));
	assert_null(strstr(w, "10-mine.ini"));
	const catalog_entry *e = catalog_find(c, "A/RES/74/306");
	assert_non_null(e);
	assert_string_equal(catalog_title(e, "fr"), "Riposte globale; coordonnée # test");
	assert_string_equal(catalog_title(e, "en"), "Mine");
	/* fields the user file does not set are kept */
	assert_string_equal(e->date, "2020-09-11");
	assert_non_null(catalog_title(e, "es"));
	assert_non_null(catalog_find(c, "A/75 item 98"));
	free(w);
	catalog_free(c);
	unsetenv("XDG_DATA_HOME");
	unlink(p1);
	unlink(p2);
	rmdir(dir);
	free(dir);
	free(p1);
	free(p2);
	dir = xasprintf("%s/xdg", tmpdir);
	rmdir(dir);
	free(dir);
	free(xdg);
}

/* A catalog goes through config_ini_load: the first error with its line,
 * nothing on stderr (iniparser's own messages are caught). */
static void
test_ini_load(void **state)
{
	(void)state;
	char *bad = write_file("two-errors.ini", "[a]\nkind = agenda-item\nnot a key line\n[b\ny = 2\n");
	char *errf = xasprintf("%s/stderr", tmpdir);
	fflush(stderr);
	int saved = dup(2);
	FILE *ef = fopen(errf, "w+");
	assert_non_null(ef);
	dup2(fileno(ef), 2);
	catalog *c = catalog_new();
	char *err = NULL;
	int rc = catalog_load_file(c, bad, &err);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	assert_int_equal(rc, -1);
	/* the first error (line 3), not the last (line 4) */
	char *want = xasprintf("%s:3: ", bad);
	assert_non_null(strstr(err, want));
	assert_null(strchr(err, '\n'));
	fseek(ef, 0, SEEK_END);
	assert_int_equal(ftell(ef), 0);	/* nothing printed */
	fclose(ef);
	catalog_free(c);
	unlink(errf);
	unlink(bad);
	free(want);
	free(err);
	free(errf);
	free(bad);
}

static void
test_fold(void **state)
{
	(void)state;
	size_t *map;
	const char *s = "  Résolution  «Ёжик» – l’ordre\n";
	char *f = catalog_fold(s, strlen(s), &map);
	assert_string_equal(f, "resolution \"ежик\" - l'ordre");
	/* map: 'r' comes from 'R' at byte 2; '"' from '«' at 15 */
	assert_int_equal(map[0], 2);
	assert_int_equal(map[11], 15);
	assert_int_equal(map[strlen(f)], strlen(s));
	free(f);
	free(map);
}

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/test_catalog.XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundled),
		cmocka_unit_test(test_broken_files),
		cmocka_unit_test(test_user_dir_override),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_ini_load),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
