/* replay: the libFuzzer harnesses without libFuzzer, so that `make check`
 * builds them with the compiler of the build (their code cannot drift
 * from the APIs unseen) and runs them on regression inputs: every file
 * named on the command line, then a few made here (empty, one byte, the
 * nested-annex shape that once overflowed the stack). Under the ASan build
 * of CI they run sanitized. Prints TAP: one line per input. */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int n;

static void
run(const char *what, const uint8_t *data, size_t size)
{
	LLVMFuzzerTestOneInput(data, size);
	printf("ok %d - %s (%zu bytes)\n", ++n, what, size);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	printf("1..%d\n", argc - 1 + 3);
	for (int i = 1; i < argc; i++) {
		size_t len = 0;
		char *err = NULL, *s = NULL;
		if (util_read_file(argv[i], 64u << 20, &s, &len, &err) < 0) {
			printf("not ok %d - %s: %s\n", ++n, argv[i], err ? err : "unreadable");
			free(err);
			continue;
		}
		run(argv[i], (const uint8_t *)s, len);
		free(s);
	}
	run("empty input", (const uint8_t *)"", 0);
	run("one byte", (const uint8_t *)"\n", 1);
	buf b;
	buf_init(&b);
	for (int i = 0; i < 3000; i++)
		buf_adds(&b, "Annex\nTitle\n");
	run("3,000 nested annexes", (const uint8_t *)b.s, b.len);
	buf_clear(&b);
	return 0;
}
