/* symbol: where a UN document symbol is in a text and what its parts are
 * (symbol.h). A symbol is a series prefix, then '/'-separated components
 * of letters, digits, '.' and '-'; at least two components and a digit.
 * The series list is the only knowledge of organs here. */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "un/session.h"
#include "un/symbol.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Symbol series (organ prefixes) recognised before the first '/'. */
static const char *const prefixes[] = {
	"A", "S", "E", "ST", "TD", "DP", "UNEP", "FCCC", "CCPR", "CEDAW",
	"CERD", "CRC", "CAT", "CRPD", "CMW", "HRI", "ICEF", "UNW", "CD", "CBD",
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
sym_char(char c)
{
	return is_alnum(c) || c == '.' || c == '-';
}

/* A series prefix and its '/' at s[i]: the prefix's length, or 0. */
static size_t
prefix_at(const char *s, size_t n, size_t i)
{
	if (i >= n || s[i] < 'A' || s[i] > 'Z')
		return 0;
	for (size_t k = 0; k < ARRAY_LEN(prefixes); k++) {
		size_t l = strlen(prefixes[k]);
		if (i + l < n && !memcmp(s + i, prefixes[k], l) && s[i + l] == '/')
			return l;
	}
	return 0;
}

static size_t scan_at(const char *s, size_t n, size_t i, int boundary, int glue);

/* A second symbol starts at s[q], inside a component of the first: an
 * extraction glued "A/C.4/73/L.7" and "A/C.4/73/L.7". Only after a digit
 * (a component's number ends there) and for a whole symbol. */
static int
glued_at(const char *s, size_t n, size_t q)
{
	return q > 0 && is_digit(s[q - 1]) && prefix_at(s, n, q) &&
	       scan_at(s, n, q, 0, 0) > 0;
}

/* A number split by a stray space: s[q] is ' ' after a digit, then
 * digits and '/' ("199 9/12"). The digits' end, or 0. */
static size_t
split_number(const char *s, size_t n, size_t q)
{
	if (q == 0 || q + 1 >= n || s[q] != ' ' || !is_digit(s[q - 1]))
		return 0;
	size_t k = q + 1;
	while (k < n && is_digit(s[k]))
		k++;
	return k > q + 1 && k < n && s[k] == '/' ? k : 0;
}

static size_t
scan_at(const char *s, size_t n, size_t i, int boundary, int glue)
{
	if (i >= n || s[i] < 'A' || s[i] > 'Z')
		return 0;	/* every prefix starts with a capital */
	if (boundary && i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '/' ||
				  s[i - 1] == '.' || s[i - 1] == '-' || s[i - 1] == '_'))
		return 0;
	size_t p = i + prefix_at(s, n, i);
	if (p == i)
		return 0;
	int comps = 0, digit = 0;
	size_t end = p;
	while (p < n && s[p] == '/') {
		size_t q = p + 1;
		if (q >= n || !is_alnum(s[q]))
			break;
		for (;;) {
			while (q < n && sym_char(s[q])) {
				if (s[q] == '-' && prefix_at(s, n, q + 1))
					break;	/* joint symbol "A/74/896-S/2020/532" */
				if (glue && q > p + 1 && glued_at(s, n, q))
					break;
				q++;
			}
			size_t k = split_number(s, n, q);
			if (!k)
				break;
			q = k;	/* "199 9": one number */
		}
		while (q > p + 1 && (s[q - 1] == '.' || s[q - 1] == '-'))
			q--;
		for (size_t k = p + 1; k < q; k++)
			if (is_digit(s[k]))
				digit = 1;
		comps++;
		end = p = q;
		if (glue && glued_at(s, n, q))
			break;
	}
	if (comps < 2 || !digit)
		return 0;
	/* a placeholder ("A/C.5/80/___", "A/80/7/Add.__") or a cut-off
	 * symbol ("A/80/" at a line end) names no document */
	if (end < n && (s[end] == '/' || s[end] == '_' ||
			(s[end] == '.' && end + 1 < n && s[end + 1] == '_')))
		return 0;
	return end - i;
}

size_t
symbol_scan(const char *s, size_t n, size_t i, int boundary)
{
	return scan_at(s, n, i, boundary, 1);
}

size_t
symbol_key(const char *s, size_t n, char *out, size_t outsz)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && k + 1 < outsz)
			out[k++] = s[i];
	if (outsz)
		out[k] = '\0';
	return k;
}

int
symbol_is_line(const char *s, size_t n)
{
	if (n < 4 || n > 48 || s[0] < 'A' || s[0] > 'Z')
		return 0;
	int slash = 0, digit = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '/')
			slash++;
		else if (is_digit(c))
			digit++;
		else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			   c == '.' || c == '*' || c == '-'))
			return 0;
	}
	return slash >= 1 && digit >= 1 && s[1] == '/' ? 1 :
	       slash >= 1 && digit >= 1 && memchr(s, '/', n < 6 ? n : 6) != NULL;
}

/* a without spaces at its ends and the reissue marks at its end. */
static void
trim(const char **a, size_t *n)
{
	while (*n && **a == ' ')
		(*a)++, (*n)--;
	while (*n && ((*a)[*n - 1] == ' ' || (*a)[*n - 1] == '*'))
		(*n)--;
}

int
symbol_same(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	size_t an = strlen(a), bn = strlen(b);
	trim(&a, &an);
	trim(&b, &bn);
	return an && an == bn && !memcmp(a, b, an);
}

/* "Rev.1" → 1 into *v when c is "Rev." + digits. */
static int
qualifier(const char *c, size_t n, const char *word, int *v)
{
	size_t l = strlen(word);
	if (n <= l || memcmp(c, word, l))
		return 0;
	for (size_t k = l; k < n; k++)
		if (!is_digit(c[k]))
			return 0;
	*v = atoi(c + l);
	return 1;
}

static void
append(char *dst, size_t size, const char *c, size_t n)
{
	size_t l = strlen(dst);
	if (l && l + 1 < size)
		dst[l++] = '/';
	if (l + n >= size)
		n = l < size ? size - 1 - l : 0;
	memcpy(dst + l, c, n);
	dst[l + n] = '\0';
}

/* The series ends with a special or emergency special session: "A/S-27",
 * "A/ES-10". */
static int
special_session(const char *series)
{
	const char *c = strrchr(series, '/');
	c = c ? c + 1 : series;
	if (!strncmp(c, "ES-", 3))
		c += 3;
	else if (!strncmp(c, "S-", 2))
		c += 2;
	else
		return 0;
	return is_digit(*c);
}

int
symbol_parse(const char *sym, size_t n, symbol_parts *out)
{
	memset(out, 0, sizeof *out);
	size_t len = symbol_scan(sym, n, 0, 0);
	size_t tail = len;
	/* "S/RES/1325 (2000)" */
	if (len && n == len + 7 && sym[len] == ' ' && sym[len + 1] == '(' &&
	    sym[len + 6] == ')') {
		out->year = atoi(sym + len + 2);
		tail = n;
	}
	if (!len || tail != n)
		return 0;
	char key[128];
	size_t kn = symbol_key(sym, len, key, sizeof key);
	out->session = session_from_symbol(key);
	/* walk the components: series up to the first number, then the
	 * number, then qualifiers */
	int seen_num = 0;
	size_t i = 0;
	while (i < kn) {
		size_t j = i;
		while (j < kn && key[j] != '/')
			j++;
		const char *c = key + i;
		size_t cl = j - i;
		int all_digits = cl > 0;
		for (size_t k = 0; k < cl; k++)
			if (!is_digit(c[k]))
				all_digits = 0;
		int v;
		if (qualifier(c, cl, "Rev.", &out->rev) || qualifier(c, cl, "Add.", &out->add) ||
		    qualifier(c, cl, "Corr.", &out->corr) || qualifier(c, cl, "Amend.", &v)) {
			append(out->qualifiers, sizeof out->qualifiers, c, cl);
		} else if (!seen_num && i > 0 && cl == 3 &&
			   (!memcmp(c, "RES", 3) || !memcmp(c, "DEC", 3) || !memcmp(c, "INF", 3))) {
			memcpy(out->kind, c, 3);
			out->kind[3] = '\0';
		} else if (!seen_num && i > 0 && cl == 2 && !memcmp(c, "PV", 2)) {
			memcpy(out->kind, "PV", 3);
		} else if (!seen_num && all_digits && i > 0) {
			/* the first number: a year, the GA session, another
			 * body's session ("A/HRC/RES/5/1"), or already the
			 * document's number ("S/RES/1325", "A/ES-10/24") */
			seen_num = 1;
			v = atoi(c);
			if (cl == 4 && v >= 1945)
				out->year = v;
			else if (out->session)
				;
			else if (!strcmp(out->series, "S") || special_session(out->series))
				append(out->number, sizeof out->number, c, cl);
			else
				out->body_session = v;
		} else if (!seen_num) {
			append(out->series, sizeof out->series, c, cl);
		} else if (cl > 2 && c[0] == 'L' && c[1] == '.' && !out->number[0]) {
			memcpy(out->kind, "L", 2);
			append(out->number, sizeof out->number, c + 2, cl - 2);
		} else {
			append(out->number, sizeof out->number, c, cl);
		}
		i = j + 1;
	}
	return 1;
}
