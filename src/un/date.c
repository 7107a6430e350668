/* date: day, month and year in the four languages (date.h). The month
 * names are lang.c's (Russian in the genitive, as dates write them); the
 * small words between ("de", "1er") are the only ones here. */
#include <build-config.h>

#include <stdio.h>

#include "un/date.h"
#include "un/lang.h"

static size_t
count_digits(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/* The value of the d digits at s (no read past them: s need not end). */
static int
digits_value(const char *s, size_t d)
{
	int v = 0;
	for (size_t i = 0; i < d; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int
date_find(const char *s, size_t n, char iso[11])
{
	const lang_words *const *all = lang_all();
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'))
			continue;
		size_t d = count_digits(s + i, n - i);
		if (d > 2)
			continue;
		int day = digits_value(s + i, d);
		size_t k = i + d;
		if (k + 1 < n && s[k] == 'e' && s[k + 1] == 'r')	/* 1er */
			k += 2;
		if (k >= n || s[k] != ' ')
			continue;
		k++;
		size_t m;
		if ((m = lang_prefix(s + k, n - k, "de ")))
			k += m;
		int month = 0;
		for (size_t l = 0; all[l] && !month; l++)
			for (int mo = 0; mo < 12; mo++) {
				m = lang_prefix(s + k, n - k, all[l]->months[mo]);
				if (m) {
					month = mo + 1;
					k += m;
					break;
				}
			}
		if (!month)
			continue;
		if (k < n && s[k] == ',')
			k++;
		while (k < n && s[k] == ' ')
			k++;
		if ((m = lang_prefix(s + k, n - k, "de ")))
			k += m;
		if (count_digits(s + k, n - k) != 4)
			continue;
		int year = digits_value(s + k, 4);
		if (day < 1 || day > 31 || year < 1945 || year > 2100)
			continue;
		snprintf(iso, 11, "%04d-%02d-%02d", year, month, day);
		return 1;
	}
	return 0;
}

int
date_is_line(const char *s, size_t n)
{
	char iso[11];
	if (n > 40 || !n || s[0] < '0' || s[0] > '9')
		return 0;
	return date_find(s, n, iso);
}
