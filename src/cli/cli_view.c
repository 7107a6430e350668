/* cli_view: --outline, --json and --dump with their exit status
 * (cli_view.h). What they print is export.c's, safe already: the text
 * went through source.c, --dump shows stand-ins, JSON is escaped by
 * export_json_dumpf. */
#include <build-config.h>

#include <errno.h>
#include <string.h>

#include "cli/cli_out.h"
#include "cli/cli_view.h"
#include "export.h"

int
cli_view_print(cli_view_kind view, const doc *d, int width_cols, FILE *out,
	       FILE *errout)
{
	int rc;
	switch (view) {
	case CLI_VIEW_OUTLINE: rc = export_outline(d, out); break;
	case CLI_VIEW_JSON: rc = export_json(d, out); break;
	default: rc = export_dump(d, width_cols, out); break;
	}
	return cli_out_end(out, errout, rc < 0, 0);
}
