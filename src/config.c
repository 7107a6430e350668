/* config: TEMPORARY defaults only; the config owner replaces it. */
#include <build-config.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "util.h"

int
config_load(config *cfg, const char *path, char **err)
{
	(void)path; (void)err;
	memset(cfg, 0, sizeof *cfg);
	cfg->theme = xstrdup("default");
	cfg->outline_cols = 30;
	cfg->notes_cols = 36;
	cfg->mouse = 1;
	cfg->show_numbers = 1;
	return 0;
}

void
config_free(config *cfg)
{
	free(cfg->theme);
	free(cfg->path);
	memset(cfg, 0, sizeof *cfg);
}

void
config_describe(FILE *out)
{
	fputs("(no settings yet)\n", out);
}
