/* fuzz_ini: libFuzzer harness over the INI readers: config.ini, a theme and
 * a catalog. The first byte picks the reader (0 config, 1 theme, 2
 * catalog, by its value mod 3); the rest is the file, written to a memfd
 * and read through /proc/self/fd/N, as a user's file would be read. */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "catalog.h"
#include "config.h"
#include "theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int which = data[0] % 3;
	int fd = memfd_create("fuzz.ini", MFD_CLOEXEC);
	if (fd < 0)
		abort();
	size_t done = 0;
	while (done < size - 1) {
		ssize_t k = write(fd, data + 1 + done, size - 1 - done);
		if (k <= 0)
			abort();
		done += (size_t)k;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	char *err = NULL;
	if (which == 0) {
		config cfg;
		config_load(&cfg, path, &err);
		config_clear(&cfg);
	} else if (which == 1) {
		theme t;
		theme_load(&t, path, &err);
		theme_clear(&t);
	} else {
		catalog *c = catalog_new();
		if (catalog_load_file(c, path, &err) >= 0) {
			for (size_t i = 0; i < catalog_count(c); i++) {
				const catalog_entry *e = catalog_entry_at(c, i);
				catalog_title(e, "es");
				catalog_title(e, "en");
			}
			catalog_find(c, "A/75/1");
		}
		catalog_free(c);
	}
	free(err);
	close(fd);
	return 0;
}
