/* Unit tests of source: every kind of bad input gets a message naming the
 * file, and what loads is clean UTF-8 with '\n' line ends and no control
 * character a terminal would act on. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"

static char tmpdir[64];

static char *
tmp_file(const char *name, const char *bytes, size_t n)
{
	char *path = malloc(strlen(tmpdir) + strlen(name) + 2);
	sprintf(path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	if (n)
		assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	return path;
}

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/lectern-source-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	char cmd[256];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", tmpdir, tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
expect_error(const char *path, const char *what)
{
	source s;
	char *err = NULL;
	assert_int_equal(source_load(path, &s, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, path));	/* names the file */
	if (!strstr(err, what))
		fail_msg("message '%s' lacks '%s'", err, what);
	free(err);
}

static void
test_empty(void **state)
{
	(void)state;
	char *p = tmp_file("empty.txt", "", 0);
	expect_error(p, "empty");
	free(p);
}

static void
test_directory(void **state)
{
	(void)state;
	expect_error(tmpdir, "directory");
}

static void
test_missing(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/no-such-file.txt", tmpdir);
	expect_error(path, "no such file");
}

/* As root a mode-000 file is still readable: then it must load; else the
 * message says permission. Either way no crash and a clear outcome. */
static void
test_unreadable(void **state)
{
	(void)state;
	char *p = tmp_file("secret.txt", "text\n", 5);
	assert_int_equal(chmod(p, 0), 0);
	if (geteuid() == 0) {
		source s;
		char *err = NULL;
		assert_int_equal(source_load(p, &s, &err), 0);
		assert_string_equal(s.data, "text\n");
		source_free(&s);
	} else {
		expect_error(p, "permission denied");
	}
	free(p);
}

static void
test_binary(void **state)
{
	(void)state;
	char *p = tmp_file("bin.dat", "abc\0def", 7);
	expect_error(p, "binary");
	free(p);
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	source s;
	char *err = NULL;
	/* a stray 0xFF, a truncated sequence at the end, a real U+FFFD */
	const char in[] = "a\xff" "b\xef\xbf\xbd" "c\xc3";
	assert_int_equal(source_from_memory("m", in, sizeof in - 1, &s, &err), 0);
	assert_int_equal(s.invalid_bytes, 2);
	assert_string_equal(s.data, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd");
	assert_int_equal(s.len, strlen(s.data));
	source_free(&s);
}

static void
test_controls(void **state)
{
	(void)state;
	source s;
	char *err = NULL;
	/* BOM, ESC, DEL, C1 NEL, CR LF, lone CR, tab and form feed kept */
	const char in[] = "\xef\xbb\xbf" "a\x1b[31mb\x7f" "c\xc2\x85" "d\r\ne\rf\tg\fh";
	assert_int_equal(source_from_memory("m", in, sizeof in - 1, &s, &err), 0);
	assert_string_equal(s.data, "a\xe2\x90\x9b[31mb\xe2\x90\xa1" "c\xef\xbf\xbd"
			    "d\ne\nf\tg\fh");
	assert_int_equal(s.control_chars, 3);
	assert_int_equal(s.invalid_bytes, 0);
	source_free(&s);
}

static void
test_long_line(void **state)
{
	(void)state;
	size_t n = 10u << 20;
	char *big = malloc(n);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 7 == 6 ? ' ' : 'a' + i % 7;
	char *p = tmp_file("long.txt", big, n);
	source s;
	char *err = NULL;
	assert_int_equal(source_load(p, &s, &err), 0);
	assert_int_equal(s.len, n);
	assert_memory_equal(s.data, big, n);
	assert_int_equal(s.data[n], '\0');
	source_free(&s);
	free(big);
	free(p);
}

/* Larger than SOURCE_MAX_BYTES: refused from its size (a sparse file, so
 * the test writes nothing). */
static void
test_too_large(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/huge.txt", tmpdir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)SOURCE_MAX_BYTES + 1), 0);
	close(fd);
	expect_error(path, "too large");
}

/* A PDF: converted when pdftotext is installed, else a message naming it. */
static void
test_pdf(void **state)
{
	(void)state;
	char *p = tmp_file("doc.pdf", "%PDF-1.4\nnot really\n", 20);
	source s;
	char *err = NULL;
	if (source_load(p, &s, &err) == 0) {
		assert_int_equal(s.from_pdf, 1);
		source_free(&s);
	} else {
		assert_non_null(strstr(err, p));
		assert_non_null(strstr(err, "pdf"));
		free(err);
	}
	free(p);
}

static void
test_plain_ok(void **state)
{
	(void)state;
	const char *txt = "Hola, ¿qué tal?\n";
	char *p = tmp_file("ok.txt", txt, strlen(txt));
	source s;
	char *err = NULL;
	assert_int_equal(source_load(p, &s, &err), 0);
	assert_string_equal(s.data, "Hola, ¿qué tal?\n");
	assert_string_equal(s.name, p);
	assert_int_equal(s.invalid_bytes + s.control_chars + (size_t)s.from_pdf, 0);
	source_free(&s);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_plain_ok),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
