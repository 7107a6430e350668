/* session: which General Assembly session a document or a target belongs
 * to, by the three rules a reader uses: the symbol ("A/75/251" → 75), the
 * masthead ordinal in any language ("Seventy-fifth session",
 * "Septuagésimo quinto período de sesiones", "Soixante-quinzième
 * session", "Семьдесят пятая сессия" → 75), and the date by the rules of
 * procedure. Every function returns 0 for "unknown"; none allocates. */
#ifndef LECTERN_UN_SESSION_H
#define LECTERN_UN_SESSION_H

#include <stddef.h>
#include "doc.h"

/* The GA session of a symbol: "A/75/251", "A/RES/75/1", "A/DEC/75/…",
 * "A/INF/76/1", "A/C.1/80/L.13", "A/75" → 75, 75, 75, 76, 80, 75. Other
 * organs and other GA series ("A/HRC/…", "A/ES-10/…", "A/CONF.…") give 0. */
int session_from_symbol(const char *sym);

/* An ordinal session at s[0, n): tens, a link ("-", " ", " et "), units,
 * then a session word, case-insensitive, any language. Returns the bytes
 * read (0 if none) and the number in *num. */
size_t session_ordinal(const char *s, size_t n, int *num);

/* A masthead session line, the whole of s[0, n): an ordinal session
 * optionally after "Resumed" ("Resumed seventy-ninth session"), and
 * nothing but spaces after it. The number, or 0. */
int session_from_line(const char *s, size_t n);

/* The regular session in progress on an ISO date "2020-12-22": rule 1 of
 * the GA rules of procedure, as amended by resolution 57/301 (2003) and
 * quoted in A/INF/76/1: a session opens "on the Tuesday of the third week
 * in September, counting from the first week that contains at least one
 * working day"; session N opens in year 1945 + N. Before 2003 the rule
 * was the third Tuesday of September (sessions 1 to 57, 1946-2002); dates
 * before 1946 and anything not a date give 0. So 22 December 2020 → 75
 * (opened 15 September 2020), 3 September 2020 → 74, 14 March 1995 → 49.
 * Before 2003 the Assembly sometimes opened on another Tuesday (the 57th on
 * 10 September 2002): a September date of those years may be one off. */
int session_on_date(const char *iso);

/* The GA session of document d, first rule that applies:
 *   1. d->meta.session when set;
 *   2. the session in d->meta.symbol (session_from_symbol); a Human
 *      Rights Council symbol ("A/HRC/…") gives 0: its session lines are
 *      the Council's;
 *   3. an ordinal session at the start of one of the first 12 blocks
 *      (a masthead line the parser kept as text);
 *   4. d->meta.date, or the first date of the first 3 blocks (a letter's
 *      title), by session_on_date.
 * 0 when none applies. The parser should fill meta.session by this rule
 * (then the later steps never run for a parsed document, and every
 * reader of the document agrees on its session). */
int session_of_doc(const doc *d);

#endif
