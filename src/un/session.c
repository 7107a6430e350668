/* session: the GA session of a symbol, a masthead line or a date
 * (session.h). The ordinal words are lang.c's tables (every language);
 * the control flow knows none. Pure functions of their arguments. */
#include <build-config.h>

#include <stdio.h>
#include <string.h>

#include "un/date.h"
#include "un/lang.h"
#include "un/session.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
session_from_symbol(const char *sym)
{
	if (!sym || strncmp(sym, "A/", 2) != 0)
		return 0;
	const char *p = sym + 2;
	/* A/RES/75/…, A/DEC/…, A/INF/76/…, A/C.1/80/… */
	while (*p && !is_digit(*p)) {
		const char *sl = strchr(p, '/');
		if (!sl)
			return 0;
		size_t l = (size_t)(sl - p);
		if (!(l == 3 && (!strncmp(p, "RES", 3) || !strncmp(p, "INF", 3) ||
				 !strncmp(p, "DEC", 3) || (p[0] == 'C' && p[1] == '.'))))
			return 0;
		p = sl + 1;
	}
	int v = 0, nd = 0;
	while (is_digit(*p) && nd < 4) {
		v = v * 10 + (*p++ - '0');
		nd++;
	}
	return (*p == '/' || *p == '\0') && v > 0 && v < 200 ? v : 0;
}

/* The first number word of t at s[0, n): its length and value. */
static size_t
number_word(const char *s, size_t n, const lang_number *t, int *value)
{
	for (size_t k = 0; t[k].word; k++) {
		size_t m = lang_prefix(s, n, t[k].word);
		if (m) {
			*value = t[k].value;
			return m;
		}
	}
	return 0;
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

size_t
session_ordinal(const char *s, size_t n, int *num)
{
	int v = 0, u = 0;
	size_t i = number_word(s, n, lang_session_tens, &v);
	if (!i)
		i = number_word(s, n, lang_session_units, &v);
	else {
		/* a link, then units: "-fifth", " quinto", " et onzième" */
		size_t j = skip_spaces(s, n, i), m;
		size_t k = 0;
		if (j < n && (k = lang_prefix_any(s + j, n - j, lang_session_links, NULL)))
			j = skip_spaces(s, n, j + k);
		if ((j > i || k) && (m = number_word(s + j, n - j, lang_session_units, &u))) {
			v += u;
			i = j + m;
		}
	}
	if (!i)
		return 0;
	size_t j = skip_spaces(s, n, i);
	if (j == i || j >= n)
		return 0;
	size_t m = lang_prefix_any(s + j, n - j, lang_session_words, NULL);
	if (!m)
		return 0;
	*num = v;
	return j + m;
}

int
session_from_line(const char *s, size_t n)
{
	size_t i = 0, m;
	while (n && s[n - 1] == ' ')
		n--;
	if ((m = lang_prefix(s, n, "Resumed")))
		i = skip_spaces(s, n, m);
	int v = 0;
	m = session_ordinal(s + i, n - i, &v);
	return m && i + m == n ? v : 0;
}

/* Day of week, 0 = Sunday (Sakamoto). */
static int
weekday(int y, int m, int d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* Opening day (in September) of the regular session held in year y: the
 * third Tuesday of September before the rule was amended (2003), then the
 * Tuesday of the third week counting from the first week with a working
 * day. */
static int
opening_day(int y)
{
	if (y < 2003) {
		int d = 1;
		while (weekday(y, 9, d) != 2)
			d++;
		return d + 14;
	}
	int first = 1;	/* first working day of September */
	while (weekday(y, 9, first) == 0 || weekday(y, 9, first) == 6)
		first++;
	int wd = weekday(y, 9, first);	/* 1 = Monday … 5 = Friday */
	int monday = first - (wd - 1);	/* may be in August (<= 0) */
	return monday + 14 + 1;	/* Tuesday of the third week */
}

int
session_on_date(const char *iso)
{
	int y, m, d;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return 0;
	int open = opening_day(y);
	int sy = (m > 9 || (m == 9 && d >= open)) ? y : y - 1;
	if (sy < 1946)
		return 0;
	return sy - 1945;
}

int
session_of_doc(const doc *d)
{
	if (d->meta.session > 0)
		return d->meta.session;
	if (d->meta.symbol) {
		int s = session_from_symbol(d->meta.symbol);
		if (s)
			return s;
		if (!strncmp(d->meta.symbol, "A/HRC/", 6))
			return 0;
	}
	size_t nb = d->nblocks < 12 ? d->nblocks : 12;
	for (size_t b = 0; b < nb; b++) {
		const node *nd = d->blocks[b];
		const char *t = node_text(d, nd);
		size_t i = skip_spaces(t, nd->len, 0);
		int v = 0;
		if (session_ordinal(t + i, nd->len - i, &v))
			return v;
	}
	if (d->meta.date)
		return session_on_date(d->meta.date);
	nb = d->nblocks < 3 ? d->nblocks : 3;
	for (size_t b = 0; b < nb; b++) {
		const node *nd = d->blocks[b];
		char iso[11];
		if (date_find(node_text(d, nd), nd->len, iso))
			return session_on_date(iso);
	}
	return 0;
}
