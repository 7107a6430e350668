/* cli_info: what is known about a document besides its text (lectern
 * --info FILE, and the reader's document information overlay): symbol,
 * dates, languages, session and agenda items, sender and addressee, job
 * number, pages, what was removed as page furniture, what the source's
 * clean-up changed. */
#ifndef LECTERN_CLI_INFO_H
#define LECTERN_CLI_INFO_H

#include <stdio.h>

#include "catalog.h"
#include "doc.h"

/* The information as lines "key: value\n", in a fixed order; a field the
 * document does not have is left out. Keys: file, symbol, title,
 * distribution, date, language, original language, session, agenda item
 * (one line each: "98" or "98: its title" when cat knows the item in the
 * document's language), sender, addressee, job number, pages, furniture
 * removed, invalid bytes, warning (one line per line of report, the text
 * after its "lectern: " prefix). Values are in visible form (text.h): no
 * control character, no line break. cat and report may be NULL. The
 * caller frees. */
char *cli_info_text(const doc *d, const catalog *cat, const char *report);

/* lectern --info: cli_info_text on out, flushed. Returns 0, or 1 after
 * "lectern: write error: …" on errout. */
int cli_info_print(const doc *d, const catalog *cat, const char *report,
		   FILE *out, FILE *errout);

#endif
