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
#include "un/agenda.h"
#include "un/date.h"
#include "un/session.h"
#include "un/symbol.h"

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
	size_t m = lang_prefix_any(s, n, lang_running_page, NULL);
	if (m) {
		while (m < n && s[m] == ' ')
			m++;
		size_t d = count_digits(s + m, n - m);
		if (d && m + d == n)
			return atoi(s + m);
	}
	return 0;
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


int
furniture_has_date(const char *s, size_t n)
{
	char iso[11];
	return date_find(s, n, iso);
}

/* ---------- agenda items ---------- */


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
			size_t used = agenda_list(lw, s + k, n - k, items, &ni, 16);
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
	return m == n || symbol_is_line(s + m, n - m);
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
	return equal_any(s, n, lang_version_names);
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

/* "Agenda items 98 and 112": the items into items (up to 16), their
 * count returned; 0 if the line is no agenda heading (un/agenda.h). */
static size_t
agenda_heading_items(const char *s, size_t n, char items[16][16])
{
	size_t ni = 0;
	return agenda_heading(s, n, items, &ni, 16) ? ni : 0;
}

static int
masthead_agenda(parser *p, const char *s, size_t n, int add)
{
	char items[16][16];
	size_t ni = agenda_heading_items(s, n, items);
	for (size_t i = 0; add && i < ni; i++)
		doc_meta_add_agenda(&p->d->meta, items[i]);
	return ni > 0;
}

/* The item titles under the agenda heading at line ag: lines [a, b)
 * of the masthead, a title a line and the lower-case lines that
 * continue it. Paired with the items in order when there are as many
 * titles as items; one item takes all the lines; else unpaired. */
static void
agenda_titles(parser *p, size_t ag, size_t a, size_t b)
{
	char items[16][16];
	size_t ni = agenda_heading_items(LS(p, ag), LN(p, ag), items);
	size_t nt = 0;
	for (size_t i = a; i < b; i++)
		if (!(p->L[i].flags & LF_BLANK) && (i == a || !starts_lower(LS(p, i), LN(p, i))))
			nt++;
	if (!ni || !nt)
		return;
	buf t;
	buf_init(&t);
	size_t k = 0;
	for (size_t i = a; i <= b; i++) {
		int blank = i < b && (p->L[i].flags & LF_BLANK);
		if (blank)
			continue;
		int starts = i == b || (i > a && ni > 1 && !starts_lower(LS(p, i), LN(p, i)));
		if (starts && t.len) {
			doc_meta_add_agenda_title(&p->d->meta, nt == ni || ni == 1 ? items[k] : NULL,
						  t.s, t.len);
			k++;
			t.len = 0;
		}
		if (i == b)
			break;
		if (t.len && t.s[t.len - 1] != '-')
			buf_addc(&t, ' ');
		buf_add(&t, LS(p, i), LN(p, i));
	}
	buf_clear(&t);
}

/* Whether s[0, n) has no lower-case letter. */
static int
no_lower(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (uc_is_lower(c))
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* An older masthead's organ stacked over two lines, in capitals:
 * "GENERAL" / "ASSEMBLY", "SECURITY" / "COUNCIL", "ECONOMIC AND SOCIAL" /
 * "COUNCIL"; "ASAMBLEA" / "GENERAL", "CONSEIL" / "DE SECURITE". */
static int
is_organ_half(const char *s, size_t n)
{
	return n < 40 && no_lower(s, n) && equal_any(s, n, lang_organ_halves);
}

/* A line set in columns (pdftotext -layout: "GENERAL       Distr."):
 * where the next cell starts after a gap of three or more spaces at
 * s[*at], or n. */
static size_t
next_cell(const char *s, size_t n, size_t at)
{
	for (size_t i = at; i + 2 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ') {
			size_t e = i;
			while (i < n && s[i] == ' ')
				i++;
			return e > at ? e : i;
		}
	return n;
}

/* The length of s[0, n) with each layout gap (3 or more spaces) counted
 * as one space: a masthead's two columns set on one line by pdftotext
 * -layout ("United Nations <gap> A/HRC/WG.6/34/ITA/3") are as short as
 * the two lines they were. */
static size_t
gapless_len(const char *s, size_t n)
{
	size_t len = 0;
	for (size_t a = 0; a < n;) {
		size_t e = next_cell(s, n, a), cn = e;
		while (cn > a && s[cn - 1] == ' ')
			cn--;
		len += cn - a + (e < n);
		a = e;
		while (a < n && s[a] == ' ')
			a++;
	}
	return len;
}

static int masthead_text(parser *p, const char *s, size_t n, int read, int *agenda);

/* Is line i a masthead line? Reads its facts into meta when read is set.
 * A line in columns is one when each of its cells is ("UNITED NATIONS
 * <gap> A", "GENERAL <gap> Distr."). */
static int
masthead_line(parser *p, size_t i, int read, int *agenda)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	*agenda = 0;
	if (n > MAX_FURN_LINE)
		return 0;
	size_t c = next_cell(s, n, 0);
	/* "GENERAL" over "ASSEMBLY", "GENERALE" under "ASSEMBLEE" are the
	 * organ, not "Distr. GENERAL" */
	int organ_top = 0;
	if (equal_any(s, c, lang_general_caps) && no_lower(s, c)) {
		size_t j = i + 1;
		while (j < p->nl && (p->L[j].flags & LF_BLANK))
			j++;
		organ_top = j < p->nl && is_organ_half(LS(p, j), next_cell(LS(p, j), LN(p, j), 0));
		j = i;
		while (j > 0 && (p->L[j - 1].flags & LF_BLANK))
			j--;
		if (j > 0 && equal_any(LS(p, j - 1), next_cell(LS(p, j - 1), LN(p, j - 1), 0),
				       lang_assembly_first))
			organ_top = 1;
	}
	if (c == n || (!organ_top && masthead_text(p, s, n, 0, agenda)))
		return organ_top || masthead_text(p, s, n, read, agenda);
	/* every cell first, without reading; then read them */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t a = 0; a < n;) {
			size_t e = next_cell(s, n, a), cn = e;
			while (cn > a && s[cn - 1] == ' ')
				cn--;
			int ag = 0;
			if (!(a == 0 && organ_top) && !masthead_text(p, s + a, cn - a, pass, &ag))
				return 0;
			*agenda |= ag;
			a = e;
			while (a < n && s[a] == ' ')
				a++;
		}
		if (!read)
			break;
	}
	return 1;
}

/* Is s[0, n) masthead text? Reads its facts into meta when read is set. */
static int
masthead_text(parser *p, const char *s, size_t n, int read, int *agenda)
{
	doc_meta *m = &p->d->meta;
	char job[32];
	size_t k;

	*agenda = 0;
	if (!n)
		return 0;
	static const char *const org_letter[] = { "A", "S", "E", NULL };
	if (n == 1 && equal_any(s, n, org_letter))
		return 1;	/* the organ's letter beside "UNITED NATIONS" */
	for (size_t y = 0; n < 40 && lang_year_words[y]; y++) {
		size_t yl = strlen(lang_year_words[y]);
		if (n > yl + 1 && lang_prefix(s + n - yl, yl, lang_year_words[y]) == yl &&
		    s[n - yl - 1] == ' ' && session_number(s, n))
			return 1;	/* the Security Council's "Fiftieth year" */
	}
	if (is_organ_half(s, n)) {
		if (lang_prefix_any(s, n, lang_assembly_caps, NULL))
			p->in_ga_zone = 1;
		return 1;
	}
	if (is_org_line(s, n)) {
		k = lang_prefix_any(s, n, lang_org_names, NULL);
		while (k < n && s[k] == ' ')
			k++;
		if (read && k < n && !m->symbol)
			m->symbol = xstrndup(s + k, n - k);
		return 1;
	}
	if ((k = organ_prefix(s, n))) {
		if (lang_prefix_any(s, n, lang_ga_names, NULL))
			p->in_ga_zone = 1;
		while (k < n && s[k] == ' ')
			k++;
		if (k == n)
			return 1;
		s += k;
		n -= k;	/* "General Assembly Distr.: General" */
	}
	if ((k = lang_prefix_any(s, n, lang_distr_words, NULL))) {
		while (k < n && (s[k] == ' ' || s[k] == ':'))
			k++;
		if (read && k < n && !m->distribution) {
			const char *v = s + k;
			size_t vn = n - k;
			const char *e = lang_distribution(v, vn);
			m->distribution = e ? xstrdup(e) : xstrndup(v, vn);
		}
		return 2;
	}
	if (date_is_line(s, n)) {
		char iso[11];
		/* the issue date, not a meeting's dates ("4–15 November") */
		if (read && !memchr(s, '-', n) && !memchr(s, ',', n) &&
		    !memmem(s, n, "–", strlen("–")) && date_find(s, n, iso) && !m->date)
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
	if (equal_any(s, n, lang_distr_caps)) {
		if (read && !m->distribution) {
			const char *e = lang_distribution(s, n);
			m->distribution = xstrdup(e ? e : "General");
		}
		return 1;
	}
	if (symbol_is_line(s, n)) {
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
		int sn = session_from_line(s, n);
		if (read && sn && p->in_ga_zone && !m->session)
			m->session = sn;
		return 1;
	}
	/* "First Committee", "Working Group on the Universal Periodic Review" */
	if (n < 80 && lang_prefix_any(s, n, lang_working_groups, NULL))
		return 1;
	size_t cn = n;
	if (cn < 40 && cn > 10 && s[cn - 1] == ')')
		cn--;	/* "(Fourth Committee)" */
	for (size_t w = 0; cn < 60 && cn > 10 && lang_committee_words[w]; w++) {
		size_t wl = strlen(lang_committee_words[w]);
		if (cn > wl && lang_prefix(s + cn - wl, wl, lang_committee_words[w]) == wl &&
		    lang_find(s, cn, lang_articles[0]) == (size_t)-1)	/* "the" */
			return 1;
	}
	if (masthead_agenda(p, s, n, read)) {
		*agenda = 1;
		return 1;
	}
	return 0;
}

/* ---------- a hosting site's chrome ---------- */

/* The separators of a site's navigation and fact lines. */
static size_t
chrome_sep(const char *s, size_t n)
{
	static const char *const sep[] = { "›", "»", "·", "•", "|", ">", "‹", "«", "→", NULL };
	for (size_t k = 0; sep[k]; k++) {
		size_t l = strlen(sep[k]);
		if (n >= l && memcmp(s, sep[k], l) == 0)
			return l;
	}
	return 0;
}

/* A segment of a chrome line: a navigation word or two ("Home",
 * "Log in", "Documents"), a fact ("Pages: 12", "Format: PDF", "Size: 1.0
 * MB"), a counter ("1,234 views", "56 downloads"), a page range
 * ("1-10", "21-30") or a number. */
static int
chrome_segment(const char *s, size_t n, int *strong)
{
	while (n && s[n - 1] == ' ')
		n--;
	while (n && s[0] == ' ') {
		s++;
		n--;
	}
	if (!n)
		return 1;
	size_t m = lang_prefix_any(s, n, lang_chrome_facts, NULL);
	if (m) {
		*strong = 1;
		return n - m < 30;
	}
	size_t d = 0;	/* "1,234", "1.234", "1 234" */
	while (d < n && (is_digit(s[d]) || s[d] == ',' || s[d] == '.' ||
			 (s[d] == ' ' && d + 1 < n && is_digit(s[d + 1]))))
		d++;
	if (d && d < n && s[d] == ' ' && lang_prefix_any(s + d + 1, n - d - 1, lang_chrome_counted, NULL) ==
	    n - d - 1) {
		*strong = 1;
		return 1;
	}
	/* "1-10", "12" */
	size_t k = count_digits(s, n);
	if (k && k <= 5) {
		if (k == n)
			return 1;
		if (s[k] == '-' && count_digits(s + k + 1, n - k - 1) == n - k - 1)
			return 1;
	}
	/* a navigation word or three, none a sentence nor the masthead's
	 * ("General Assembly | Distr.: General | A/80/1" is a masthead) */
	if (memchr(s, ':', n) || symbol_is_line(s, n) || is_org_line(s, n) || organ_prefix(s, n) ||
	    lang_prefix_any(s, n, lang_distr_words, NULL))
		return 0;
	size_t words = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	return n <= 30 && words <= 3 && s[n - 1] != '.' && s[n - 1] != ',' &&
	       !is_digit(s[0]) && !starts_lower(s, n);
}

/* Whether line s[0, n) is a hosting site's chrome: navigation ("Home ›
 * Documents › Search › Log in"), file facts ("Pages: 12 · Format: PDF ·
 * Size: 1.0 MB"), counters ("1,234 views · 56 downloads"), pagination
 * ("1-10 11-20 21-30", "« Previous 1 2 3 Next »") or a lone site word
 * ("Log in", "Download PDF"). */
static int
is_chrome_line(const char *s, size_t n)
{
	if (!n || n > 160)
		return 0;
	static const char *const alone[] = { "Log in", "Login", "Sign in", "Sign up",
		"Register", "Download", "Download PDF", "Share", "Print", "Menu", "Search",
		"Skip to content", "Skip to main content", "Back to top", "Home", "Cite",
		"Embed", "Report", "Follow", "Save", "More", NULL };
	if (equal_any(s, n, alone))
		return 1;
	size_t segs = 0, seps = 0;
	int strong = 0;
	size_t a = 0;
	for (size_t i = 0; i < n; i++)
		if (chrome_sep(s + i, n - i))
			seps++;
	if (!seps && chrome_segment(s, n, &strong) && strong)
		return 1;	/* "1,234 views", "Pages: 12" alone */
	for (size_t i = 0; seps && i <= n;) {
		size_t l = i < n ? chrome_sep(s + i, n - i) : 1;
		if (!l) {
			i++;
			continue;
		}
		if (!chrome_segment(s + a, i - a, &strong))
			return 0;
		segs++;
		i += l;
		a = i;
	}
	if (seps)
		return segs >= 3 || strong;
	/* pagination: three or more numbers or ranges, rising, nothing
	 * else; bare numbers only one apart ("1 2 3", never "8 898 000") */
	size_t nums = 0, i = 0;
	long last = -1;
	int gaps = 0, marks = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		size_t e = i;
		while (e < n && s[e] != ' ')
			e++;
		if (e == i)
			break;
		size_t k = count_digits(s + i, e - i);
		if (!k || !(k == e - i || (s[i + k] == '-' &&
					   count_digits(s + i + k + 1, e - i - k - 1) == e - i - k - 1))) {
			static const char *const pw[] = { "Previous", "Next", "«", "»", "‹",
							  "›", "First", "Last", "…", NULL };
			if (!equal_any(s + i, e - i, pw))
				return 0;
			marks = 1;
		} else {
			long v = atol(s + i), to = v;
			if (k < e - i) {
				to = atol(s + i + k + 1);
				marks = 1;
			}
			if (v <= last || to < v || k > 5)
				return 0;
			if (last >= 0 && v != last + 1)
				gaps = 1;
			last = to;
			nums++;
		}
		i = e;
	}
	return nums >= 3 && (marks || !gaps);
}

/* A hosting site's chrome: the run of chrome lines (and blank lines) at
 * the top of the text and at its end, flagged LF_FURN | LF_CHROME (kind
 * site-chrome); the document between is untouched. */
void
furniture_find_chrome(parser *p)
{
	size_t i = 0;
	while (i < p->nl) {
		if (p->L[i].flags & LF_BLANK) {
			i++;
			continue;
		}
		if (!is_chrome_line(LS(p, i), LN(p, i)))
			break;
		p->L[i++].flags |= LF_FURN | LF_CHROME;
	}
	size_t j = p->nl;
	while (j > i) {
		if (p->L[j - 1].flags & LF_BLANK) {
			j--;
			continue;
		}
		if (!is_chrome_line(LS(p, j - 1), LN(p, j - 1)))
			break;
		p->L[--j].flags |= LF_FURN | LF_CHROME;
	}
}

/* The opening of a letter's title in any language ("Letter dated",
 * "LETTER DATED", "Carta de fecha"): never masthead nor furniture. */
static int
is_letter_title(const char *s, size_t n)
{
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++)
		if (lang_prefix_any(s, n, all[l]->letter, NULL))
			return 1;
	/* typed without accents */
	static const char *const plain[] = { "LETTRE DATEE", "LETTRES IDENTIQUES DATEES",
					     "NOTE VERBALE DATEE", NULL };
	return lang_prefix_any(s, n, plain, NULL) != 0;
}

/* "UNITED", "NATIONS", "UNITED <gap> S": the top of an older masthead,
 * in cells. */
static int
old_org_line(const char *s, size_t n)
{
	static const char *const old_org[] = { "UNITED", "NATIONS", "NATIONS UNIES",
					       "UNITED NATIONS", "NACIONES UNIDAS",
					       "A", "S", "E", NULL };
	for (size_t a = 0; a < n;) {
		size_t e = next_cell(s, n, a), cn = e;
		while (cn > a && s[cn - 1] == ' ')
			cn--;
		if (!equal_any(s + a, cn - a, old_org))
			return 0;
		a = e;
		while (a < n && s[a] == ' ')
			a++;
	}
	return n > 0;
}

/* Masthead zones: start at an organisation or organ line that a "Distr."
 * line or a session line follows closely; run over masthead lines and
 * blank lines; after "Agenda item(s)", take the item titles up to a blank
 * line (or one line per item when the text has no blank lines). */
void
furniture_find_mastheads(parser *p)
{
	for (size_t i = 0; i < p->nl; i++) {
		if (p->L[i].flags & (LF_BLANK | LF_MAST | LF_CHROME))
			continue;
		const char *s = LS(p, i);
		size_t n = LN(p, i);
		if (n > MAX_FURN_LINE || gapless_len(s, n) > 80 || is_digit(s[0]) ||
		    starts_lower(s, n))
			continue;	/* no masthead line starts so */
		size_t c0 = next_cell(s, n, 0);
		int start = is_org_line(s, n) || (c0 < n && is_org_line(s, c0));
		if (!start && (organ_prefix(s, n) || lang_prefix_any(s, n, lang_distr_words, NULL) ||
			       (c0 < n && equal_ci(s, c0, lang_general_caps[0])))) {
			/* an organ line opens a zone only with masthead company */
			for (size_t j = i, seen = 0; j < p->nl && seen < 6; j++) {
				if (p->L[j].flags & LF_BLANK)
					continue;
				seen++;
				const char *t = LS(p, j);
				size_t tn = LN(p, j);
				if (lang_find(t, tn < 80 ? tn : 0, lang_distr_words[0]) != (size_t)-1 ||
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
			if (old_org_line(LS(p, j), LN(p, j))) {
				p->L[j].flags |= LF_MAST;
				b = j;
				continue;
			}
			if (LN(p, j) < MAX_FURN_LINE &&
			    (is_job(LS(p, j), LN(p, j), job, sizeof job) ||
			     symbol_is_line(LS(p, j), LN(p, j)) || is_barcode(LS(p, j), LN(p, j)))) {
				masthead_line(p, j, 1, &ag);
				p->L[j].flags |= LF_MAST;
				b = j;
				continue;
			}
			break;
		}
		size_t j = i, last = i, agl = 0;
		int ag = 0, titles_done = 0;
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
					agl = j;
					items = p->d->meta.nagenda;
				}
				continue;
			}
			if (!ag && !titles_done && LN(p, j) < 60 &&
			    !is_letter_title(LS(p, j), LN(p, j)) &&
			    (starts_lower(LS(p, j), LN(p, j)) ||
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
					/* a letter's title is the text's, even
					 * with no blank line before it */
					for (;;) {
						/* a title wrapped over a blank
						 * line (double-spaced text, a
						 * converter's reflow) goes on
						 * when the next line starts in
						 * lower case */
						size_t r = q;
						while (r < p->nl && r < q + 2 &&
						       (p->L[r].flags & LF_BLANK))
							r++;
						if (r > q && r < p->nl &&
						    !(p->L[r].flags & LF_BLANK) &&
						    starts_lower(LS(p, r), LN(p, r)))
							q = r;
						if (q >= p->nl || (p->L[q].flags & LF_BLANK) ||
						    is_letter_title(LS(p, q), LN(p, q)))
							break;
						p->L[q++].flags |= LF_MAST;
					}
				} else {
					/* no blank lines: each item title is a
					 * line and the lower-case lines that
					 * continue it */
					for (size_t c = 0; c < (items ? items : 1) && q < p->nl &&
							   !is_letter_title(LS(p, q), LN(p, q)); c++) {
						p->L[q++].flags |= LF_MAST;
						while (q < p->nl && q < j + 12 &&
						       starts_lower(LS(p, q), LN(p, q)))
							p->L[q++].flags |= LF_MAST;
					}
				}
				if (q > j)
					agenda_titles(p, agl, j, q);
				last = q - 1;
				j = q - 1;
				ag = 0;
				titles_done = 1;
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

/* A line of two or more cells apart by wide gaps, each a job number, a
 * barcode, a continuation mark or "n/m" ("95-07312 (E) 140395 <gap>
 * /...", "*9507312* <gap> 2/3"); *job gets a job number found, else "". */
static int
anchor_cells(const char *s, size_t n, char *job, size_t jobsz)
{
	job[0] = '\0';
	size_t a = 0, cells = 0, gaps = 0;
	for (size_t g = next_cell(s, n, 0); g < n; g = next_cell(s, n, g)) {
		while (g < n && s[g] == ' ')
			g++;
		if (++gaps > 4)
			return 0;	/* furniture has a few cells: bounds the work */
	}
	while (a < n) {
		/* a cell, or the most cells run together that make one
		 * ("95-07312 (E) <gap> 140395") */
		size_t e = a, best = 0;
		while (e < n) {
			e = next_cell(s, n, e);
			size_t cn = e;
			while (cn > a && s[cn - 1] == ' ')
				cn--;
			int weak;
			if (is_job(s + a, cn - a, NULL, 0) || is_barcode(s + a, cn - a) ||
			    is_continuation_mark(s + a, cn - a) ||
			    (page_number(s + a, cn - a, &weak) && !weak))
				best = cn;
			while (e < n && s[e] == ' ')
				e++;
		}
		if (!best)
			return 0;
		if (!job[0])
			is_job(s + a, best - a, job, jobsz);
		cells++;
		a = best;
		while (a < n && s[a] == ' ')
			a++;
	}
	return cells >= 2;
}

/* "2 <gap> GE.19-13879", "GE.19-13879 <gap> 3": a page's footer set by
 * pdftotext -layout as two cells, a job number and a bare page number,
 * in either order; the page number, *job the job number; 0 if not. */
static int
job_page_footer(const char *s, size_t n, char *job, size_t jobsz)
{
	size_t e = next_cell(s, n, 0), b = e, cn = e;
	if (e == 0 || e >= n)
		return 0;
	while (b < n && s[b] == ' ')
		b++;
	while (cn > 0 && s[cn - 1] == ' ')
		cn--;
	if (next_cell(s, n, b) != n)
		return 0;	/* more than two cells */
	int weak, pn;
	if (is_job(s, cn, job, jobsz) && (pn = page_number(s + b, n - b, &weak)) && weak &&
	    pn < 2000)
		return pn;
	if ((pn = page_number(s, cn, &weak)) && weak && pn < 2000 &&
	    is_job(s + b, n - b, job, jobsz))
		return pn;
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
		if (l->flags & (LF_BLANK | LF_MAST | LF_CHROME))
			continue;
		const char *s = LS(p, i);
		size_t n = LN(p, i);
		if (n > MAX_FURN_LINE)
			continue;
		int weak, fpn;
		int pn = page_number(s, n, &weak);
		if (is_job(s, n, job, sizeof job)) {
			l->flags |= LF_ANCHOR;
			if (!m->job)
				m->job = xstrdup(job);
		} else if ((fpn = job_page_footer(s, n, job, sizeof job))) {
			/* "2 <gap> GE.19-13879" */
			l->flags |= LF_ANCHOR;
			p->pagenum[i] = fpn;
			if (!m->job)
				m->job = xstrdup(job);
		} else if (anchor_cells(s, n, job, sizeof job)) {
			/* "95-07312 (E) 140395 <gap> /..." */
			l->flags |= LF_ANCHOR;
			if (!m->job && job[0])
				m->job = xstrdup(job);
		} else if (is_barcode(s, n) || is_continuation_mark(s, n)) {
			l->flags |= LF_ANCHOR;
		} else if (pn && !weak) {
			l->flags |= LF_ANCHOR;
			p->pagenum[i] = pn;
		} else if (m->symbol && strlen(m->symbol) == n &&
			   memcmp(m->symbol, s, n) == 0) {
			l->flags |= LF_SYMLINE;
		} else if (!m->symbol && symbol_is_line(s, n)) {
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
	/* a bare number as the last line before a form feed (or the end)
	 * is the page number of a page without other furniture at its
	 * foot: the last page, under its footnotes ("169 JS6, p.14." /
	 * "16" / form feed) */
	for (size_t f = 0; f <= p->nl; f++) {
		if (f < p->nl && !(p->L[f].flags & LF_FF))
			continue;
		size_t j = f;
		while (j > 0 && (p->L[j - 1].flags & LF_BLANK))
			j--;
		if (j == 0 || (p->L[j - 1].flags & (LF_MAST | LF_ANCHOR | LF_CHROME)))
			continue;
		int weak;
		int pn = page_number(LS(p, j - 1), LN(p, j - 1), &weak);
		if (pn && weak && pn < 2000) {
			p->L[j - 1].flags |= LF_ANCHOR;
			p->pagenum[j - 1] = pn;
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
		    !symbol_is_line(LS(p, i), LN(p, i)))
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
			if (!(p->L[i].flags & (LF_FURN | LF_MAST)) || (p->L[i].flags & LF_CHROME))
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
						    symbol_is_line(s, n) ||
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

/* Whether three lines with dot leaders start at line i (within 10 text
 * lines of each other): a table of contents without its "Contents"
 * line ("II. METHODS OF WORK ........ 12-40 7"). */
static int
leaders_start(parser *p, size_t i)
{
	if (!has_leader(LS(p, i), LN(p, i)))
		return 0;
	size_t found = 1, since = 0;
	for (size_t j = i + 1; j < p->nl && found < 3 && since <= 10; j++) {
		if (p->L[j].flags & (LF_BLANK | LF_FURN | LF_MAST))
			continue;
		if (has_leader(LS(p, j), LN(p, j))) {
			found++;
			since = 0;
		} else {
			since++;
		}
	}
	return found >= 3;
}

/* A line of a contents table's column titles only ("Paragraphs   Page"). */
static int
is_toc_columns(const char *s, size_t n)
{
	size_t w = 0, cw = 0;
	while (w < n) {
		size_t we = w;
		while (we < n && s[we] != ' ')
			we++;
		size_t k;
		if (!lang_prefix_any(s + w, we - w, lang_toc_columns, &k))
			return 0;
		while (we < n && s[we] == ' ')
			we++;
		w = we;
		cw++;
	}
	return cw > 0;
}

/* A table of contents: from a "Contents" line, or three lines with dot
 * leaders, while dot leaders keep coming (within 10 lines), across page
 * furniture. */
void
furniture_find_toc(parser *p)
{
	for (size_t i = 0; i < p->nl; i++) {
		if ((p->L[i].flags & (LF_BLANK | LF_FURN | LF_MAST)) ||
		    !((LN(p, i) <= 40 && lang_prefix_any(LS(p, i), LN(p, i), lang_contents, NULL)) ||
		      leaders_start(p, i)))
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
		/* the column titles over entries that have no "Contents" */
		size_t first = i;
		for (j = i; j > 0 && i - j < 4; j--) {
			if (p->L[j - 1].flags & LF_BLANK)
				continue;
			if (!(p->L[j - 1].flags & (LF_FURN | LF_MAST)) &&
			    is_toc_columns(LS(p, j - 1), LN(p, j - 1)))
				first = j - 1;
			break;
		}
		for (j = first; j <= last; j++)
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
		if (l->flags & LF_FURN && !(l->flags & (LF_FNSEP | LF_CHROME))) {
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
	/* a table of contents is furniture from here on (the blocks pass
	 * skips it): the outline is the document's own structure, not the
	 * contents' copy of it */
	for (size_t i = 0; i < p->nl; i++)
		if (p->L[i].flags & LF_TOC)
			p->L[i].flags |= LF_FURN;
}

/* The kind of a removed line i, for doc->meta.furniture. */
static const char *
furn_kind(const parser *p, size_t i)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	int weak;
	uint16_t f = p->L[i].flags;
	if (f & LF_CHROME)
		return "site-chrome";
	if (f & LF_TOC)
		return "toc";
	char job[32];
	if (is_job(s, n, NULL, 0))
		return "job-number";	/* in the masthead too */
	if (anchor_cells(s, n, job, sizeof job))
		return job[0] ? "job-number" : "page-number";
	if (is_barcode(s, n))
		return "barcode";
	if (is_continuation_mark(s, n))
		return "continuation";
	if (f & LF_MAST)
		return "masthead";
	if (f & LF_FNSEP)
		return "other";	/* "_____", "Notes" over endnotes */
	if (page_number(s, n, &weak))
		return "page-number";
	return "running-header";	/* the symbol, a running title, a
					   table's header row repeated */
}

/* Every removed line with text (furniture, masthead, contents) into
 * doc->meta: its number, kind and text; furniture_lines their count. */
void
furniture_record(parser *p)
{
	doc_meta *m = &p->d->meta;
	for (size_t i = 0; i < p->nl; i++)
		if ((p->L[i].flags & (LF_FURN | LF_MAST | LF_TOC)) &&
		    !(p->L[i].flags & LF_BLANK))
			doc_meta_add_furniture(m, i + 1, furn_kind(p, i), LS(p, i), LN(p, i));
	m->furniture_lines = m->nfurniture;
}
