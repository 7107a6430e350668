/* ui: TEMPORARY; the ui owner replaces it. */
#include <build-config.h>
#include <stdio.h>
#include "ui/ui.h"

int
ui_run(doc *d, const ui_options *opt)
{
	(void)d; (void)opt;
	fputs("lectern: the terminal reader is not built yet\n", stderr);
	return 3;
}
