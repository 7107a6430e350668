/* date: the dates of UN documents in every language the tables know:
 * "22 de diciembre de 2020", "5 December 2025", "1er octobre 2020",
 * "14 августа 2019 года" → ISO "YYYY-MM-DD". No allocation. */
#ifndef LECTERN_UN_DATE_H
#define LECTERN_UN_DATE_H

#include <stddef.h>

/* The first date in s[0, n) (day, month name of any language, year
 * 1945–2100) written into iso; nonzero if one was found. */
int date_find(const char *s, size_t n, char iso[11]);

/* Whether s[0, n) is a masthead date line: short (40 bytes at most),
 * starting with the day, holding a date. */
int date_is_line(const char *s, size_t n);

#endif
