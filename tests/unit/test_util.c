/* test_util: util_read_file, the one whole-file reader: contents (NUL
 * bytes included), the size limit, and refusals (missing, a directory, a
 * FIFO: at once, never waiting for a writer). */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static char dir[] = "/tmp/test_util-XXXXXX";

static void
test_read_file(void **state)
{
	(void)state;
	char *p = xasprintf("%s/f", dir);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	fwrite("a\0b\n", 1, 4, f);
	fclose(f);
	char *data, *err = NULL;
	size_t len;
	assert_int_equal(util_read_file(p, 100, &data, &len, &err), 0);
	assert_null(err);
	assert_int_equal(len, 4);
	assert_memory_equal(data, "a\0b\n", 5);	/* NUL-terminated too */
	free(data);
	/* the limit: 4 bytes fit in 4, not in 3 */
	assert_int_equal(util_read_file(p, 4, &data, &len, &err), 0);
	free(data);
	assert_int_equal(util_read_file(p, 3, &data, &len, &err), -1);
	assert_int_equal(errno, EFBIG);
	assert_non_null(strstr(err, "too large"));
	assert_null(data);
	free(err);
	unlink(p);
	/* missing */
	assert_int_equal(util_read_file(p, 100, &data, &len, &err), -1);
	assert_int_equal(errno, ENOENT);
	assert_non_null(strstr(err, p));
	assert_non_null(strstr(err, "cannot open"));
	free(err);
	/* a directory */
	assert_int_equal(util_read_file(dir, 100, &data, &len, &err), -1);
	assert_int_equal(errno, EISDIR);
	assert_non_null(strstr(err, "is a directory"));
	free(err);
	/* a FIFO with no writer: refused at once */
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(util_read_file(p, 100, &data, &len, &err), -1);
	assert_non_null(strstr(err, "is a FIFO (named pipe), not a regular file"));
	free(err);
	unlink(p);
	/* a device */
	assert_int_equal(util_read_file("/dev/null", 100, &data, &len, &err), -1);
	assert_non_null(strstr(err, "is a device"));
	free(err);
	free(p);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
