/* agenda: agenda-item lists, headings, meta items and keys (agenda.h).
 * The words (heading words, conjunctions) are lang.c's tables; this file
 * knows only digits, letters in parentheses and the key's form. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "un/agenda.h"
#include "util.h"

static size_t
count_digits(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

size_t
agenda_list(const lang_words *lw, const char *s, size_t n, char out[][16],
	    size_t *nout, size_t max)
{
	size_t i = 0, used = 0;
	for (;;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t d = count_digits(s + i, n - i);
		if (!d || d > 4)
			break;
		char item[16];
		snprintf(item, sizeof item, "%.*s", (int)d, s + i);
		i += d;
		/* sub-item letter: " (k)" or " k)" */
		size_t j = i;
		while (j < n && s[j] == ' ')
			j++;
		if (j + 2 < n && s[j] == '(' && s[j + 1] >= 'a' && s[j + 1] <= 'z' &&
		    s[j + 2] == ')') {
			snprintf(item + d, sizeof item - d, " (%c)", s[j + 1]);
			i = j + 3;
		} else if (j + 1 < n && s[j] >= 'a' && s[j] <= 'z' && s[j + 1] == ')' &&
			   j > i) {
			snprintf(item + d, sizeof item - d, " (%c)", s[j]);
			i = j + 2;
		}
		if (*nout < max)
			snprintf(out[(*nout)++], 16, "%s", item);
		used = i;
		j = i;
		while (j < n && s[j] == ' ')
			j++;
		size_t m = lang_prefix_any(s + j, n - j, lw->conj, NULL);
		if (!m)
			break;
		i = j + m;
	}
	return used;
}

int
agenda_heading(const char *s, size_t n, char out[][16], size_t *nout, size_t max)
{
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++) {
		size_t m = lang_prefix_any(s, n, all[l]->agenda_heading, NULL);
		if (!m || m + 1 >= n || s[m] != ' ' || s[m + 1] < '0' || s[m + 1] > '9')
			continue;
		size_t before = *nout;
		if (!agenda_list(all[l], s + m, n - m, out, nout, max)) {
			*nout = before;
			continue;
		}
		return 1;
	}
	return 0;
}

int
agenda_item_parse(const char *s, agenda_item *out)
{
	memset(out, 0, sizeof *out);
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || v < 1 || v > 999)
		return 0;
	out->number = (int)v;
	while (*end == ' ')
		end++;
	if (*end == '(') {
		size_t k = 0;
		end++;
		while (*end >= 'a' && *end <= 'z' && k < 3)
			out->sub[k++] = *end++;
		out->sub[k] = '\0';
		if (*end != ')' || !k)
			out->sub[0] = '\0';
	}
	return 1;
}

const char *
agenda_form_word(agenda_form form)
{
	return form == AGENDA_PROVISIONAL ? " provisional" :
	       form == AGENDA_PRELIMINARY ? " preliminary" : "";
}

char *
agenda_key(const char *scope, agenda_form form, int number, const char *sub)
{
	return sub && sub[0] ?
	       xasprintf("%s%s item %d (%s)", scope, agenda_form_word(form), number, sub) :
	       xasprintf("%s%s item %d", scope, agenda_form_word(form), number);
}
