/* agenda: the grammar of General Assembly agenda items: the list after a
 * head word ("98 y 112", "99 (k)", "94 e), 95 a) and 71"), a masthead
 * heading in any language ("Agenda items 98 and 112", "Tema 109 del
 * programa provisional*", "Point 7"), an item as the parser keeps it in
 * meta.agenda ("99 (k)"), and the reference key ("A/75 provisional item
 * 98 (r)"). */
#ifndef LECTERN_UN_AGENDA_H
#define LECTERN_UN_AGENDA_H

#include <stddef.h>
#include "un/lang.h"

/* Which list an item is on. */
typedef enum agenda_form {
	AGENDA_ADOPTED,		/* "item 98 of the agenda" */
	AGENDA_PROVISIONAL,	/* "… of the provisional agenda" */
	AGENDA_PRELIMINARY,	/* "… of the preliminary list" */
} agenda_form;

/* An item: number 98, sub-item "k" (one letter or a doubled one, "hh"). */
typedef struct agenda_item {
	int number;
	char sub[4];
} agenda_item;

/* The items listed at s[0, n) ("98 y 112", "99 (k)", "94 e), 95 a) and
 * 71"; the conjunctions are lw's): each as meta.agenda writes it ("98",
 * "99 (k)") into out (up to max; *nout counts them). Returns the bytes
 * read, 0 when s does not start with a number (1 to 4 digits). */
size_t agenda_list(const lang_words *lw, const char *s, size_t n, char out[][16],
		   size_t *nout, size_t max);

/* A masthead heading at s[0, n): a heading word of any language
 * ("Agenda item", "Temas", "Point", "Пункт") then a list. Nonzero when
 * it is one; its items are added to out as agenda_list does. */
int agenda_heading(const char *s, size_t n, char out[][16], size_t *nout, size_t max);

/* An item as meta.agenda keeps it: "98", "99 (k)". Returns 0 when s is
 * none (the number must be 1 to 999). */
int agenda_item_parse(const char *s, agenda_item *out);

/* The reference key of an item: "A/75 item 98", "A/74 provisional item
 * 109", "A/HRC item 6", "A/? preliminary item 35 (b)". scope is "A/75",
 * "A/HRC" or "A/?". The caller frees. */
char *agenda_key(const char *scope, agenda_form form, int number, const char *sub);

/* " provisional", " preliminary" or "": the word of a key. */
const char *agenda_form_word(agenda_form form);

#endif
