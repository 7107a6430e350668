/* info: the document information box (i): what lectern --info prints
 * (cli_info.h: symbol, dates, languages, session, agenda items with their
 * titles, sender, addressee, pages, furniture, the source's warnings), in
 * the popup, so the reader and scripts see the same facts. */
#include <build-config.h>

#include <stdlib.h>

#include "cli/cli_info.h"
#include "ui/ui_impl.h"
#include "ui/refs_ui.h"

int
info_act(ui *u)
{
	char *t = cli_info_text(u->d, u->rx ? u->rx->cat : NULL, u->report);
	int f = popup_open(u, "Document information", t, POPUP_KEYED);
	free(t);
	return f;
}
