/* parse/furniture.c: pass 2. Masthead zones (United Nations / organ /
 * Distr. / date / Original / session / agenda item + titles) and page
 * furniture (job numbers, barcodes, "n/m", "Page n", the symbol, running
 * titles between them, continuation marks) are flagged LF_MAST / LF_FURN
 * and read into doc->meta; tables of contents are flagged LF_TOC; lines
 * after a "_____" separator up to the page end are footnotes (LF_FOOT).
 * Dates and agenda items are read here. Then the page map: page 1 at line
 * 1, then each printed page number seen in the furniture, or a counted
 * break (form feed, a page footer without a number). Flags only: no line
 * is removed, the blocks pass skips the flagged ones. */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "parse/parse_impl.h"

/* ---------- furniture predicates ---------- */

/* "25-19974 (E)", "GE.19-13879  (R)  210819  230819", "V.19-08185 (S)",
 * "21-06958* (E)", "07-35147" alone; *job gets the number. */
static int
is_job(const char *s, size_t n, char *job, size_t jobsz)
{
	size_t i = 0;
	if (n > MAX_FURN_LINE)
		return 0;
	while (i < n && i < 3 && is_upper_ascii(s[i]))
		i++;
	if (i > 0) {
		if (i >= n || s[i] != '.')
			return 0;
		i++;
	}
	if (count_digits(s + i, n - i) != 2 || i + 2 >= n || s[i + 2] != '-')
		return 0;
	if (count_digits(s + i + 3, n - i - 3) != 5)
		return 0;
	size_t end = i + 8;
	if (job) {
		snprintf(job, jobsz, "%.*s", (int)end, s);
	}
	size_t k = end;
	if (k < n && s[k] == '*')
		k++;
	while (k < n) {
		if (is_sp(s[k])) {
			k++;
		} else if (s[k] == '(' && k + 2 < n && is_upper_ascii(s[k + 1]) &&
			   s[k + 2] == ')') {
			k += 3;
		} else if (count_digits(s + k, n - k) == 6) {
			k += 6;
		} else {
			return 0;
		}
	}
	return 1;
}

static int
is_barcode(const char *s, size_t n)
{
	/* a barcode font extracted as private-use characters */
	if (n >= 6 && n <= 120) {
		size_t i = 0;
		while (i < n) {
			ucs4_t uc;
			int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
			if (!((uc >= 0xE000 && uc <= 0xF8FF) || uc == ' '))
				break;
			i += (size_t)k;
		}
		if (i == n)
			return 1;
	}
	if (n < 8 || n > 20)
		return 0;
	char a = s[0], z = s[n - 1];
	if (!((a == '*' && z == '*') || (a == '`' && z == '`')))
		return 0;
	return count_digits(s + 1, n - 2) == n - 2;
}

/* "2/3" (strong), "Page 2", "English Page 2", "Página 2", "Страница 2";
 * returns the page number, and *weak = 1 for a bare number. */
static int
page_number(const char *s, size_t n, int *weak)
{
	*weak = 0;
	if (n > 40)
		return 0;
	size_t a = count_digits(s, n);
	if (a && a <= 4 && a < n && s[a] == '/') {
		size_t b = count_digits(s + a + 1, n - a - 1);
		if (b && b <= 4 && a + 1 + b == n) {
			int x = atoi(s), y = atoi(s + a + 1);
			if (x >= 1 && x <= y)
				return x;
		}
		return 0;
	}
	if (a && a <= 4 && a == n) {
		*weak = 1;
		return atoi(s);
	}
	static const char *const pw[] = { "Page", "Página", "Страница", "English Page",
					   "Spanish Page", "French Page", "Russian Page", NULL };
	size_t m = lang_prefix_any(s, n, pw, NULL);
	if (m) {
		while (m < n && s[m] == ' ')
			m++;
		size_t d = count_digits(s + m, n - m);
		if (d && m + d == n)
			return atoi(s + m);
	}
	return 0;
}

/* A line that is only a UN document symbol ("A/RES/80/16", "A/C.1/80/L.13*"). */
static int
is_symbol(const char *s, size_t n)
{
	if (n < 4 || n > 48 || !is_upper_ascii(s[0]))
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

static int
is_fn_separator(const char *s, size_t n)
{
	size_t u = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '_')
			u++;
		else if (!is_sp(s[i]))
			return 0;
	}
	return u >= 5;
}

static int
is_continuation_mark(const char *s, size_t n)
{
	if (n < 2 || s[0] != '/')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (s[i] != '.' && s[i] != ' ')
			return 0;
	return 1;
}

/* ---------- dates ---------- */

/* Finds "22 de diciembre de 2020", "5 December 2025", "16 novembre 2009",
 * "14 августа 2019 года" in s[0, n) (months of every language) and writes
 * the ISO date; returns nonzero if found. */
int
furniture_find_date(const char *s, size_t n, char iso[11])
{
	const lang_words *const *all = lang_all();
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])))
			continue;
		size_t d = count_digits(s + i, n - i);
		if (d > 2)
			continue;
		int day = atoi(s + i);
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
		int year = atoi(s + k);
		if (day < 1 || day > 31 || year < 1945 || year > 2100)
			continue;
		snprintf(iso, 11, "%04d-%02d-%02d", year, month, day);
		return 1;
	}
	return 0;
}

int
furniture_has_date(const char *s, size_t n)
{
	char iso[11];
	return furniture_find_date(s, n, iso);
}

/* A line that is only a date (masthead). */
static int
is_date_line(const char *s, size_t n)
{
	char iso[11];
	if (n > 40 || !n || !is_digit(s[0]))
		return 0;
	return furniture_find_date(s, n, iso);
}

/* ---------- agenda items ---------- */

/* Parses "98 y 112", "99 (k)", "94 e), 95 a) and 71" at s; adds the items
 * to a list (out, up to max); returns bytes used (0 = no number). */
static size_t
parse_items(const lang_words *lw, const char *s, size_t n, char out[][16],
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

/* Agenda items named in running text ("under agenda items 98 and 112",
 * "en relación con los temas 98 y 112 del programa"). */
void
furniture_agenda_from_text(parser *p, const char *s, size_t n)
{
	const lang_words *lw = p->lw;
	for (size_t w = 0; lw->agenda_word[w]; w++) {
		size_t off = 0;
		while (off < n) {
			size_t at = lang_find(s + off, n - off, lw->agenda_word[w]);
			if (at == (size_t)-1)
				break;
			at += off;
			size_t k = at + strlen(lw->agenda_word[w]);
			off = k;
			int ok = 0;
			if (lw->agenda_before) {
				for (size_t b = 0; lw->agenda_before[b]; b++) {
					size_t bl = strlen(lw->agenda_before[b]);
					if (at >= bl + 1 && lang_prefix(s + at - bl - 1, bl,
									lw->agenda_before[b]))
						ok = 1;
				}
			}
			char items[16][16];
			size_t ni = 0;
			size_t used = parse_items(lw, s + k, n - k, items, &ni, 16);
			if (!used)
				continue;
			if (!ok && lw->agenda_after) {
				size_t j = k + used;
				while (j < n && s[j] == ' ')
					j++;
				if (lang_prefix_any(s + j, n - j, lw->agenda_after, NULL))
					ok = 1;
			}
			if (ok)
				for (size_t i = 0; i < ni; i++)
					doc_meta_add_agenda(&p->d->meta, items[i]);
		}
	}
}

/* ---------- pass 2: masthead and furniture ---------- */

static int
is_org_line(const char *s, size_t n)
{
	size_t m = lang_prefix_any(s, n, lang_org_names, NULL);
	if (!m)
		return 0;
	while (m < n && s[m] == ' ')
		m++;
	return m == n || is_symbol(s + m, n - m);
}

static size_t
organ_prefix(const char *s, size_t n)
{
	return lang_prefix_any(s, n, lang_organs, NULL);
}

static int
is_session_line(const char *s, size_t n)
{
	if (n > 80)
		return 0;
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++)
		for (size_t k = 0; all[l]->session[k]; k++) {
			size_t wl = strlen(all[l]->session[k]);
			if (n > wl && s[n - wl - 1] == ' ' &&
			    lang_prefix(s + n - wl, wl, all[l]->session[k]) == wl)
				return 1;
		}
	return 0;
}

/* English session ordinal: "Eightieth", "Seventy-fifth", "Resumed
 * seventy-ninth"; 0 if none. */
static int
session_number(const char *s, size_t n)
{
	size_t i = 0;
	size_t m;
	if ((m = lang_prefix(s, n, "Resumed")))
		i = m + 1;
	for (size_t t = 0; lang_ordinal_tens[t]; t++)
		if (i < n && lang_prefix(s + i, n - i, lang_ordinal_tens[t]))
			return (int)(t + 1) * 10;
	for (size_t t = 0; lang_cardinal_tens[t]; t++) {
		m = i < n ? lang_prefix(s + i, n - i, lang_cardinal_tens[t]) : 0;
		if (m && i + m < n && (s[i + m] == '-' || s[i + m] == ' ')) {
			size_t j = i + m + 1;
			for (size_t u = 0; lang_ordinal_units[u]; u++)
				if (lang_prefix(s + j, n - j, lang_ordinal_units[u]))
					return (int)(t + 1) * 10 + (int)u + 1;
		}
	}
	for (size_t u = 0; lang_ordinal_units[u]; u++)
		if (i < n && lang_prefix(s + i, n - i, lang_ordinal_units[u]))
			return (int)u + 1;
	return 0;
}

static int
is_lang_name_line(const char *s, size_t n)
{
	if (n > 48)
		return 0;	/* longer than any name below */
	for (size_t k = 0; lang_names[k].word; k++)
		if (equal_ci(s, n, lang_names[k].word))
			return 1;
	/* "Français", "Russian", "Español", "Русский" as the version */
	static const char *const more[] = { "Français", "Español", "Русский",
					    "Английский", NULL };
	return equal_any(s, n, more);
}

static const char *
original_lang(const char *s, size_t n)
{
	size_t m = lang_prefix_any(s, n, lang_original, NULL);
	if (!m)
		return NULL;
	while (m < n && (s[m] == ' ' || s[m] == ':'))
		m++;
	return lang_code_of_name(s + m, n - m);
}

static int
agenda_heading(parser *p, const char *s, size_t n, int add)
{
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++) {
		size_t m = lang_prefix_any(s, n, all[l]->agenda_heading, NULL);
		if (!m || m >= n || s[m] != ' ' || !is_digit(s[m + 1]))
			continue;
		char items[16][16];
		size_t ni = 0;
		if (!parse_items(all[l], s + m, n - m, items, &ni, 16))
			continue;
		for (size_t i = 0; add && i < ni; i++)
			doc_meta_add_agenda(&p->d->meta, items[i]);
		return 1;
	}
	return 0;
}

/* Is line i a masthead line? Reads its facts into meta when read is set. */
static int
masthead_line(parser *p, size_t i, int read, int *agenda)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	doc_meta *m = &p->d->meta;
	char job[32];
	size_t k;

	*agenda = 0;
	if (n > MAX_FURN_LINE)
		return 0;
	if (is_org_line(s, n)) {
		k = lang_prefix_any(s, n, lang_org_names, NULL);
		while (k < n && s[k] == ' ')
			k++;
		if (read && k < n && !m->symbol)
			m->symbol = xstrndup(s + k, n - k);
		return 1;
	}
	if ((k = organ_prefix(s, n))) {
		if (lang_prefix(s, n, "General Assembly") ||
		    lang_prefix(s, n, "Asamblea General") ||
		    lang_prefix(s, n, "Assemblée générale") ||
		    lang_prefix(s, n, "Генеральная Ассамблея"))
			p->in_ga_zone = 1;
		while (k < n && s[k] == ' ')
			k++;
		if (k == n)
			return 1;
		s += k;
		n -= k;	/* "General Assembly Distr.: General" */
	}
	if ((k = lang_prefix(s, n, "Distr."))) {
		while (k < n && (s[k] == ' ' || s[k] == ':'))
			k++;
		if (read && k < n && !m->distribution) {
			const char *v = s + k;
			size_t vn = n - k;
			if (lang_prefix(v, vn, "general") || lang_prefix(v, vn, "générale"))
				m->distribution = xstrdup("General");
			else if (lang_prefix(v, vn, "limited") || lang_prefix(v, vn, "limitada") ||
				 lang_prefix(v, vn, "limitée"))
				m->distribution = xstrdup("Limited");
			else if (lang_prefix(v, vn, "restricted") || lang_prefix(v, vn, "reservada") ||
				 lang_prefix(v, vn, "restreinte"))
				m->distribution = xstrdup("Restricted");
			else
				m->distribution = xstrndup(v, vn);
		}
		return 2;
	}
	if (is_date_line(s, n)) {
		char iso[11];
		/* the issue date, not a meeting's dates ("4–15 November") */
		if (read && !memchr(s, '-', n) && !memchr(s, ',', n) &&
		    !memmem(s, n, "–", strlen("–")) && furniture_find_date(s, n, iso) && !m->date)
			doc_meta_set(&m->date, iso);
		return 3;
	}
	const char *ol = original_lang(s, n);
	if (ol) {
		if (read && !m->orig_lang)
			doc_meta_set(&m->orig_lang, ol);
		return 1;
	}
	if (is_lang_name_line(s, n))
		return 1;
	static const char *const distr[] = { "GENERAL", "LIMITED", "RESTRICTED",
					     "GÉNÉRALE", "LIMITÉE", NULL };
	if (equal_any(s, n, distr)) {
		if (read && !m->distribution) {
			m->distribution = xstrdup(lang_prefix(s, n, "limit") ? "Limited" :
						  lang_prefix(s, n, "restricted") ? "Restricted" :
						  "General");
		}
		return 1;
	}
	if (is_symbol(s, n)) {
		if (read && !m->symbol)
			m->symbol = xstrndup(s, n);
		return 1;
	}
	if (is_job(s, n, job, sizeof job)) {
		if (read && !m->job)
			m->job = xstrdup(job);
		return 1;
	}
	if (is_barcode(s, n))
		return 1;
	if (is_session_line(s, n)) {
		int sn = session_number(s, n);
		if (read && sn && p->in_ga_zone && !m->session)
			m->session = sn;
		return 1;
	}
	/* "First Committee", "Working Group on the Universal Periodic Review" */
	if (n < 80 && (lang_prefix(s, n, "Working Group") ||
		       lang_prefix(s, n, "Groupe de travail") ||
		       lang_prefix(s, n, "Рабочая группа") ||
		       lang_prefix(s, n, "Grupo de Trabajo")))
		return 1;
	size_t cn = n;
	if (cn < 40 && cn > 10 && s[cn - 1] == ')')
		cn--;	/* "(Fourth Committee)" */
	if (cn < 60 && cn > 10 && lang_prefix(s + cn - 9, 9, "Committee") == 9 &&
	    lang_find(s, cn, "the") == (size_t)-1)
		return 1;
	if (agenda_heading(p, s, n, read)) {
		*agenda = 1;
		return 1;
	}
	return 0;
}

/* Masthead zones: start at an organisation or organ line that a "Distr."
 * line or a session line follows closely; run over masthead lines and
 * blank lines; after "Agenda item(s)", take the item titles up to a blank
 * line (or one line per item when the text has no blank lines). */
void
furniture_find_mastheads(parser *p)
{
	for (size_t i = 0; i < p->nl; i++) {
		if (p->L[i].flags & (LF_BLANK | LF_MAST))
			continue;
		const char *s = LS(p, i);
		size_t n = LN(p, i);
		if (n > 80 || is_digit(s[0]) || starts_lower(s, n))
			continue;	/* no masthead line starts so */
		int start = is_org_line(s, n);
		if (!start && (organ_prefix(s, n) || lang_prefix(s, n, "Distr."))) {
			/* an organ line opens a zone only with masthead company */
			for (size_t j = i, seen = 0; j < p->nl && seen < 6; j++) {
				if (p->L[j].flags & LF_BLANK)
					continue;
				seen++;
				const char *t = LS(p, j);
				size_t tn = LN(p, j);
				if (lang_find(t, tn < 80 ? tn : 0, "Distr.") != (size_t)-1 ||
				    is_session_line(t, tn))
					start = 1;
			}
		}
		if (!start)
			continue;
		p->in_ga_zone = 0;
		/* backwards: a job number or symbol just before */
		size_t b = i;
		while (b > 0) {
			size_t j = b - 1;
			if (p->L[j].flags & LF_BLANK) {
				b = j;
				continue;
			}
			int ag;
			char job[32];
			static const char *const old_org[] = { "UNITED", "NATIONS", "NATIONS UNIES",
							       "UNITED NATIONS", "A", "S", "E", NULL };
			if (equal_any(LS(p, j), LN(p, j), old_org)) {
				p->L[j].flags |= LF_MAST;
				b = j;
				continue;
			}
			if (LN(p, j) < MAX_FURN_LINE &&
			    (is_job(LS(p, j), LN(p, j), job, sizeof job) ||
			     is_symbol(LS(p, j), LN(p, j)) || is_barcode(LS(p, j), LN(p, j)))) {
				masthead_line(p, j, 1, &ag);
				p->L[j].flags |= LF_MAST;
				b = j;
				continue;
			}
			break;
		}
		size_t j = i, last = i;
		int ag = 0;
		size_t items = 0;
		size_t blanks = 0;
		for (; j < p->nl && j < i + 60; j++) {
			if (p->L[j].flags & LF_BLANK) {
				if (++blanks >= 3)
					break;	/* a masthead has no wide gaps */
				continue;
			}
			blanks = 0;
			int a;
			if (masthead_line(p, j, 1, &a)) {
				p->L[j].flags |= LF_MAST;
				last = j;
				if (a) {
					ag = 1;
					items = p->d->meta.nagenda;
				}
				continue;
			}
			if (!ag && LN(p, j) < 60 && (starts_lower(LS(p, j), LN(p, j)) ||
						     furniture_has_date(LS(p, j), LN(p, j)))) {
				/* "периодическому обзору" continuing a
				 * masthead line; "Genève, 8-19 février 2010" */
				p->L[j].flags |= LF_MAST;
				last = j;
				continue;
			}
			if (ag) {
				/* item titles: up to a blank line */
				int blank_soon = 0;
				for (size_t q = j; q < p->nl && q < j + 8; q++)
					if (p->L[q].flags & LF_BLANK) {
						blank_soon = 1;
						break;
					}
				size_t q = j;
				if (blank_soon) {
					while (q < p->nl && !(p->L[q].flags & LF_BLANK))
						p->L[q++].flags |= LF_MAST;
				} else {
					/* no blank lines: each item title is a
					 * line and the lower-case lines that
					 * continue it */
					for (size_t c = 0; c < (items ? items : 1) && q < p->nl; c++) {
						p->L[q++].flags |= LF_MAST;
						while (q < p->nl && q < j + 12 &&
						       starts_lower(LS(p, q), LN(p, q)))
							p->L[q++].flags |= LF_MAST;
					}
				}
				last = q - 1;
				j = q - 1;
				ag = 0;
				continue;
			}
			break;
		}
		(void)last;
		i = j > i ? j - 1 : i;
	}
}

/* Whether s[0, n) is a running title seen elsewhere and more words: the
 * one-line title of other pages, wrapped on two lines on this one. */
static int
starts_running(parser *p, const char *s, size_t n)
{
	if (!p->running.count)
		return 0;
	for (size_t k = n; k-- > 20;)
		if (s[k] == ' ' && words_set_op(&p->running, s, k, 0))
			return 1;
	return 0;
}

/* Page furniture: anchors (job numbers, barcodes, "n/m", "Page n", the
 * symbol) and the lines between two anchors (running titles, bare page
 * numbers), then lines equal to a running title next to furniture, and
 * a running title wrapped on two lines. */
void
furniture_find(parser *p)
{
	doc_meta *m = &p->d->meta;
	char job[32];

	for (size_t i = 0; i < p->nl; i++) {
		pline *l = &p->L[i];
		if (l->flags & (LF_BLANK | LF_MAST))
			continue;
		const char *s = LS(p, i);
		size_t n = LN(p, i);
		if (n > MAX_FURN_LINE)
			continue;
		int weak;
		int pn = page_number(s, n, &weak);
		if (is_job(s, n, job, sizeof job)) {
			l->flags |= LF_ANCHOR;
			if (!m->job)
				m->job = xstrdup(job);
		} else if (is_barcode(s, n) || is_continuation_mark(s, n)) {
			l->flags |= LF_ANCHOR;
		} else if (pn && !weak) {
			l->flags |= LF_ANCHOR;
			p->pagenum[i] = pn;
		} else if (m->symbol && strlen(m->symbol) == n &&
			   memcmp(m->symbol, s, n) == 0) {
			l->flags |= LF_SYMLINE;
		} else if (!m->symbol && is_symbol(s, n)) {
			/* a symbol line repeated: the running header */
			size_t seen = 0;
			for (size_t j = i + 1; j < p->nl && seen < 2; j++)
				if (LN(p, j) == n && memcmp(LS(p, j), s, n) == 0)
					seen++;
			if (seen) {
				m->symbol = xstrndup(s, n);
				l->flags |= LF_ANCHOR;
			}
		}
	}
	/* the document's symbol on a line of its own is the running header
	 * when other furniture (a job number, "2/13", a barcode, a page
	 * break) is near it; elsewhere it is text: a table's cell
	 * ("A/C.5/80/L.1" in a list of documents) */
	for (size_t i = 0; i < p->nl; i++) {
		if (!(p->L[i].flags & LF_SYMLINE))
			continue;
		size_t lo = i > 8 ? i - 8 : 0, hi = i + 8 < p->nl ? i + 8 : p->nl - 1;
		/* or it opens a page joined by an empty line, or has a bare
		 * page number ("3") beside it */
		int near = i == 0 || (p->L[i - 1].flags & LF_EMPTY);
		for (size_t j = i > 2 ? i - 2 : 0; j <= i + 2 && j < p->nl && !near; j++) {
			int weak;
			if (j != i && !(p->L[j].flags & LF_BLANK) && LN(p, j) < 12 &&
			    page_number(LS(p, j), LN(p, j), &weak))
				near = 1;
		}
		for (size_t j = lo; j <= hi && !near; j++)
			if (j != i && (p->L[j].flags & (LF_ANCHOR | LF_FF | LF_MAST)) &&
			    !(p->L[j].flags & LF_SYMLINE))
				near = 1;
		if (near)
			p->L[i].flags |= LF_ANCHOR;
	}
	/* a symbol line next to other furniture is the running header */
	for (size_t i = 0; i < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_MAST | LF_ANCHOR)) ||
		    !is_symbol(LS(p, i), LN(p, i)))
			continue;
		size_t lo = i > 5 ? i - 5 : 0, hi = i + 5 < p->nl ? i + 5 : p->nl - 1;
		for (size_t j = lo; j <= hi; j++)
			if (j != i && (p->L[j].flags & LF_ANCHOR)) {
				p->L[i].flags |= LF_ANCHOR;
				break;
			}
	}
	/* lines sandwiched between anchors (at most 4 text lines apart) */
	size_t prev = (size_t)-1;
	for (size_t i = 0; i < p->nl; i++) {
		if (!(p->L[i].flags & LF_ANCHOR))
			continue;
		if (prev != (size_t)-1 && i > prev + 1) {
			size_t text = 0;
			for (size_t j = prev + 1; j < i; j++)
				if (!(p->L[j].flags & LF_BLANK))
					text++;
			int ok = text <= 4;
			for (size_t j = prev + 1; ok && j < i; j++)
				if ((p->L[j].flags & (LF_MAST)) || LN(p, j) > 120)
					ok = 0;
			for (size_t j = prev + 1; ok && j < i; j++) {
				if (p->L[j].flags & LF_BLANK)
					continue;
				p->L[j].flags |= LF_FURN;
				int weak;
				int pn = page_number(LS(p, j), LN(p, j), &weak);
				if (pn)
					p->pagenum[j] = pn;
				else
					words_set_op(&p->running, LS(p, j), LN(p, j), 1);
			}
		}
		prev = i;
	}
	for (size_t i = 0; i < p->nl; i++)
		if (p->L[i].flags & LF_ANCHOR)
			p->L[i].flags |= LF_FURN;
	/* next to furniture: running titles, bare page numbers, "English" */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < p->nl; i++) {
			if (!(p->L[i].flags & (LF_FURN | LF_MAST)))
				continue;
			int from_mast = !(p->L[i].flags & LF_FURN);
			for (int dir = -1; dir <= 1; dir += 2) {
				size_t j = i;
				int steps = 0;
				while (steps < 3) {
					if (dir < 0 && j == 0)
						break;
					j = dir < 0 ? j - 1 : j + 1;
					if (j >= p->nl)
						break;
					pline *l = &p->L[j];
					if (l->flags & LF_BLANK) {
						steps++;
						continue;
					}
					if (l->flags & (LF_FURN | LF_MAST))
						break;
					const char *s = LS(p, j);
					size_t n = LN(p, j);
					int weak;
					int pn = n < 40 ? page_number(s, n, &weak) : 0;
					if (pn && pn < 2000) {
						l->flags |= LF_FURN;
						p->pagenum[j] = pn;
					} else if (n < MAX_FURN_LINE && !from_mast &&
						   (words_set_op(&p->running, s, n, 0) ||
						    is_symbol(s, n) ||
						    is_lang_name_line(s, n))) {
						l->flags |= LF_FURN;
					} else if (n < MAX_FURN_LINE && !from_mast &&
						   starts_running(p, s, n)) {
						/* the title set on two lines ("…
						 * telecommunications in" / "the
						 * context of …"): both go */
						l->flags |= LF_FURN | LF_RUNHEAD;
					} else if (dir < 0 && n <= 80 && !from_mast && j > 0 &&
						   !(p->L[j - 1].flags & (LF_BLANK | LF_FURN | LF_MAST)) &&
						   LN(p, j - 1) < MAX_FURN_LINE &&
						   starts_running(p, LS(p, j - 1), LN(p, j - 1))) {
						/* the same, met from below */
						l->flags |= LF_FURN;
						p->L[j - 1].flags |= LF_FURN;
						j--;
					} else {
						break;
					}
					steps++;
				}
			}
		}
	/* the rest of a wrapped running title: one short line between its
	 * first line and more furniture */
	for (size_t i = 0; i < p->nl; i++) {
		if (!(p->L[i].flags & LF_RUNHEAD))
			continue;
		size_t j = i + 1, k;
		while (j < p->nl && (p->L[j].flags & LF_BLANK))
			j++;
		if (j >= p->nl || (p->L[j].flags & (LF_FURN | LF_MAST)) || LN(p, j) > 80)
			continue;
		for (k = j + 1; k < p->nl && (p->L[k].flags & LF_BLANK); k++)
			;
		if (k < p->nl && (p->L[k].flags & LF_FURN))
			p->L[j].flags |= LF_FURN;
	}
}

static int
has_leader(const char *s, size_t n)
{
	size_t dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] != ' ' || !dots)
			dots = 0;
		if (dots >= 5)
			return 1;
	}
	return 0;
}

/* A table of contents: from a "Contents" line while dot leaders keep
 * coming (within 10 lines), across page furniture. */
void
furniture_find_toc(parser *p)
{
	for (size_t i = 0; i < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_FURN | LF_MAST)) || LN(p, i) > 40 ||
		    !lang_prefix_any(LS(p, i), LN(p, i), lang_contents, NULL))
			continue;
		size_t last = i, j, since = 0;
		for (j = i + 1; j < p->nl; j++) {
			if (p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST))
				continue;
			if (has_leader(LS(p, j), LN(p, j)) ||
			    lang_prefix_any(LS(p, j), LN(p, j), lang_contents, NULL)) {
				last = j;
				since = 0;
			} else if (++since > 10) {
				break;
			}
		}
		if (last == i)
			continue;
		/* the page and paragraph numbers after the last leader */
		for (j = last + 1; j < p->nl; j++) {
			if (p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST))
				continue;
			const char *s = LS(p, j);
			size_t n = LN(p, j), k = 0;
			while (k < n && (is_digit(s[k]) || strchr(" -", s[k]) ||
					 (unsigned char)s[k] >= 0x80))
				k++;
			if (k < n || !is_digit(s[0]))
				break;
			last = j;
		}
		for (j = i; j <= last; j++)
			if (!(p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST)))
				p->L[j].flags |= LF_TOC;
		i = last;
	}
}

/* The text of a contents table: one entry a line, without dot leaders,
 * page and paragraph numbers. */
char *
furniture_toc_text(parser *p, const uint32_t *lines, size_t nlines, size_t *len)
{
	buf b;
	buf_init(&b);
	buf_adds(&b, "");
	int open = 0;
	for (size_t k = 0; k < nlines; k++) {
		const char *s = LS(p, lines[k]);
		size_t n = LN(p, lines[k]), e = n;
		if (k > 0 && lang_prefix_any(s, n, lang_contents, NULL))
			continue;
		size_t d = 0;
		while (d < n && (is_digit(s[d]) || strchr(" -.", s[d]) ||
				 (unsigned char)s[d] >= 0x80))
			d++;
		if (d == n && is_digit(s[0]))
			continue;	/* "3 - 45", "4" */
		size_t w = 0, cw = 0;
		while (w < n) {
			size_t we = w;
			while (we < n && s[we] != ' ')
				we++;
			size_t k2;
			if (!lang_prefix_any(s + w, we - w, lang_toc_columns, &k2))
				break;
			while (we < n && s[we] == ' ')
				we++;
			w = we;
			cw++;
		}
		if (cw && w >= n)
			continue;	/* "Paragraphs      Page" */
		int leader = 0;
		for (size_t i = 0; i + 2 < n; i++)
			if (s[i] == '.' && s[i + 1] == '.' && s[i + 2] == '.') {
				e = i;
				leader = 1;
				break;
			}
		while (e > 0 && (s[e - 1] == ' ' || (leader && s[e - 1] == '.')))
			e--;
		if (e && open)
			buf_addc(&b, ' ');
		else if (e && b.len)
			buf_addc(&b, '\n');
		buf_add(&b, s, e);
		open = e && !leader;
		if (k == 0)
			open = 0;
	}
	*len = b.len;
	return buf_take(&b);
}

/* Footnote areas: from a "_____" line to the end of the page (the next
 * furniture or masthead line, a form feed) or the end of the text. */
void
furniture_find_footnotes(parser *p)
{
	/* endnotes: a "Notes" line followed by "1 …": all the rest */
	for (size_t i = 0; i + 1 < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_FURN | LF_MAST)) ||
		    !equal_any(LS(p, i), LN(p, i), lang_endnotes))
			continue;
		size_t j = i + 1;
		while (j < p->nl && (p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST)))
			j++;
		if (j >= p->nl || LN(p, j) < 3 || LS(p, j)[0] != '1' || LS(p, j)[1] != ' ')
			continue;
		p->L[i].flags |= LF_FNSEP | LF_FURN;
		for (; j < p->nl; j++)
			if (!(p->L[j].flags & (LF_FURN | LF_MAST)))
				p->L[j].flags |= LF_FOOT;
		break;
	}
	for (size_t i = 0; i < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_FURN | LF_MAST)) ||
		    !is_fn_separator(LS(p, i), LN(p, i)))
			continue;
		p->L[i].flags |= LF_FNSEP | LF_FURN;
		size_t j = i + 1;
		for (; j < p->nl; j++) {
			pline *l = &p->L[j];
			if (l->flags & (LF_FURN | LF_MAST | LF_FF))
				break;
			/* a numbered paragraph alone on its line is body text */
			size_t d = count_digits(LS(p, j), LN(p, j));
			if (d && d <= 3 && LN(p, j) == d + 1 && LS(p, j)[d] == '.')
				break;
			l->flags |= LF_FOOT;
		}
		i = j - 1;
	}
}

/* Page map: page 1 at line 1, then each break: a form feed, a furniture
 * cluster (its printed number when it shows one), a double-spaced page
 * boundary. */
void
furniture_add_page(parser *p, int num, size_t line0)
{
	doc_meta *m = &p->d->meta;
	if (m->npages && m->pages[m->npages - 1].number >= num)
		return;
	if (m->npages && m->pages[m->npages - 1].line >= line0 + 1)
		return;
	doc_meta_add_page(m, num, line0 + 1);
}

/* The page map from form feeds and furniture clusters (the double-spaced
 * page boundaries are added by the blocks pass); frees p->pagenum. */
void
furniture_page_map(parser *p)
{
	doc_meta *m = &p->d->meta;
	doc_meta_add_page(m, 1, 1);
	int in_cluster = 0;
	for (size_t i = 0; i < p->nl; i++) {
		pline *l = &p->L[i];
		if (l->flags & LF_FF)
			furniture_add_page(p, m->pages[m->npages - 1].number + 1, i);
		if (l->flags & LF_BLANK)
			continue;
		if (l->flags & LF_FURN && !(l->flags & LF_FNSEP)) {
			if (!in_cluster) {
				/* the cluster's printed number, if any */
				int num = 0;
				size_t j = i;
				for (; j < p->nl && j < i + 10; j++) {
					if (p->L[j].flags & LF_BLANK)
						continue;
					if (!(p->L[j].flags & LF_FURN))
						break;
					if (p->pagenum[j])
						num = p->pagenum[j];
				}
				int last = m->pages[m->npages - 1].number;
				if (num && num > last && num <= last + 3)
					furniture_add_page(p, num, i);
				else if (j < p->nl)
					furniture_add_page(p, m->pages[m->npages - 1].number + 1, j);
			}
			in_cluster = 1;
		} else if (!(l->flags & (LF_MAST | LF_FOOT))) {
			in_cluster = 0;
		}
	}
	arena_big_free(p->pagenum, p->lcap * sizeof *p->pagenum);
	p->pagenum = NULL;
}

/* Furniture and masthead lines with text, for doc->meta. */
size_t
furniture_count(const parser *p)
{
	size_t furn = 0;
	for (size_t i = 0; i < p->nl; i++)
		if ((p->L[i].flags & (LF_FURN | LF_MAST)) && !(p->L[i].flags & LF_BLANK))
			furn++;
	return furn;
}
