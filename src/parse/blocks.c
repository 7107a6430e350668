/* parse/blocks.c: pass 3, and the markers. The lines that are neither
 * furniture nor masthead are grouped into blocks: a block ends at a blank
 * gap (unless the text goes on: a line ending with a letter or digit and
 * the next starting in lower case, text_goes_on), before a line that
 * starts with a marker ("1.", "(a)", "I.", "(Signed)", "[Original"),
 * before an indented line, and at a page break
 * when the last line is short and closes a sentence; footnotes and tables
 * of contents are blocks of their own. A short title over its text with
 * no blank between them (a box's "Model strategy No. 7") is a block of its
 * own. Clause markers are read after the visible stand-ins of bidi
 * controls ("⇚2." is paragraph 2). The line predicates the tree pass
 * shares (sentence ends, annex and signature lines) are here too. */
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

/* ---------- markers ---------- */

int
blocks_roman_value(const char *s, size_t n)
{
	int v = 0, prevv = 0;
	for (size_t i = n; i-- > 0;) {
		int x;
		switch (s[i] | 32) {
		case 'i': x = 1; break;
		case 'v': x = 5; break;
		case 'x': x = 10; break;
		case 'l': x = 50; break;
		case 'c': x = 100; break;
		default: return 0;
		}
		v += x < prevv ? -x : x;
		if (x > prevv)
			prevv = x;
	}
	return v;
}

/* The bytes of the visible stand-ins source.c puts for bidi controls
 * (text.c: ⇢ ⇠ ↥ ⇛ ⇚ ⇥ ⇤ ⇆ ⇞) at the start of s: "⇚2. Text" is still
 * paragraph 2, its arrow kept in the text. */
static size_t
bidi_prefix(const char *s, size_t n)
{
	static const unsigned char arrows[][2] = {
		{ 0x87, 0xa2 }, { 0x87, 0xa0 }, { 0x86, 0xa5 }, { 0x87, 0x9b },
		{ 0x87, 0x9a }, { 0x87, 0xa5 }, { 0x87, 0xa4 }, { 0x87, 0x86 },
		{ 0x87, 0x9e },
	};
	size_t k = 0;
	while (k + 3 <= n && (unsigned char)s[k] == 0xe2) {
		size_t a = 0;
		while (a < sizeof arrows / sizeof *arrows &&
		       ((unsigned char)s[k + 1] != arrows[a][0] ||
			(unsigned char)s[k + 2] != arrows[a][1]))
			a++;
		if (a == sizeof arrows / sizeof *arrows)
			break;
		k += 3;
	}
	return k;
}

static int get_marker_at(const char *s, size_t n, marker *mk);

/* The clause marker opening s ("1.", "(a)", "IV."), after any bidi
 * stand-ins (whose bytes len and body include, pre counts). */
int
blocks_get_marker(const char *s, size_t n, marker *mk)
{
	size_t pre = n && (unsigned char)s[0] == 0xe2 ? bidi_prefix(s, n) : 0;
	int k = get_marker_at(s + pre, n - pre, mk);
	if (k && pre) {
		mk->len += pre;
		mk->body += pre;
		mk->pre = pre;
	}
	return k;
}

static int
get_marker_at(const char *s, size_t n, marker *mk)
{
	memset(mk, 0, sizeof *mk);
	size_t i = 0;
	if (n == 0)
		return 0;
	size_t d = count_digits(s, n);
	size_t it = lang_prefix(s, n, "Item");
	if (it && it + 2 < n && s[it] == ' ') {
		/* "Item 5." in a programme of work */
		size_t k = count_digits(s + it + 1, n - it - 1);
		if (k && k <= 3 && it + 1 + k < n && s[it + 1 + k] == '.' &&
		    (it + 2 + k == n || s[it + 2 + k] == ' ')) {
			mk->kind = MK_PARA;
			mk->len = it + 2 + k;
			snprintf(mk->num, sizeof mk->num, "Item %.*s", (int)k, s + it + 1);
			snprintf(mk->cite, sizeof mk->cite, "%.*s", (int)k, s + it + 1);
			goto body;
		}
	}
	if (d && d <= 3 && d < n && s[d] == '.' && (d + 1 == n || s[d + 1] == ' ') &&
	    s[0] != '0') {
		mk->kind = MK_PARA;
		mk->len = d + 1;
		snprintf(mk->num, sizeof mk->num, "%.*s", (int)d, s);
		snprintf(mk->cite, sizeof mk->cite, "%.*s", (int)d, s);
	} else if (s[0] == '(' || (n > 1 && s[0] >= 'a' && s[0] <= 'z')) {
		size_t o = s[0] == '(' ? 1 : 0;
		size_t k = o;
		while (k < n && k < o + 5 && ((s[k] >= 'a' && s[k] <= 'z') ||
					     (s[k] >= 'A' && s[k] <= 'Z') || is_digit(s[k])))
			k++;
		if (k == o || k >= n || s[k] != ')')
			return 0;
		if (k + 1 < n && s[k + 1] != ' ')
			return 0;
		size_t w = k - o;
		/* one letter, a roman numeral, or a number */
		int ok = w == 1 || blocks_roman_value(s + o, w) ||
			 count_digits(s + o, w) == w;
		if (w > 1 && (s[o] >= 'a' && s[o] <= 'z') && s[o] == s[o + 1])
			ok = 1;	/* (aa) */
		if (!ok)
			return 0;
		if (!o && !(w == 1 || blocks_roman_value(s, w)))
			return 0;
		mk->kind = MK_SUB;
		mk->len = k + 1;
		snprintf(mk->num, sizeof mk->num, "%.*s", (int)(k + 1), s);
		snprintf(mk->cite, sizeof mk->cite, "%.*s", (int)w, s + o);
	} else if (is_upper_ascii(s[0])) {
		size_t k = 0;
		while (k < n && k < 7 && strchr("IVXLC", s[k]))
			k++;
		if (k && k < n && s[k] == '.' && (k + 1 == n || s[k + 1] == ' ') &&
		    blocks_roman_value(s, k)) {
			mk->kind = MK_ROMAN;
		} else if (n >= 2 && s[1] == '.' && (n == 2 || s[2] == ' ')) {
			k = 1;
			mk->kind = MK_LETTER;
		} else {
			return 0;
		}
		mk->len = k + 1;
		snprintf(mk->num, sizeof mk->num, "%.*s", (int)k, s);
		snprintf(mk->cite, sizeof mk->cite, "%.*s", (int)k, s);
	} else {
		return 0;
	}
body:
	i = mk->len;
	while (i < n && s[i] == ' ')
		i++;
	mk->body = i;
	mk->alone = i >= n;
	return mk->kind;
}

/* ---------- pass 3: blocks ---------- */

int
blocks_ends_sentence(const char *s, size_t n)
{
	ucs4_t uc = last_uc(s, n);
	return uc == '.' || uc == ';' || uc == ':' || uc == '!' || uc == '?' ||
	       uc == 0x201D || uc == '"' || uc == ')' || uc == 0xBB;
}

/* blocks_ends_sentence, but a closing quotation mark or parenthesis closes a
 * sentence only after a full stop or the like inside it ("… voting.”"),
 * not a title's quoted words ("… phrase “States present and voting”"). */
int
blocks_closes_sentence(const char *s, size_t n)
{
	ucs4_t uc = last_uc(s, n);
	if (uc != 0x201D && uc != '"' && uc != ')' && uc != 0xBB)
		return blocks_ends_sentence(s, n);
	size_t k = n - 1;	/* the lead byte of the last character */
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k > 0 && blocks_ends_sentence(s, k);
}

/* Whether byte i of s is inside a token with a '/' before it, a symbol
 * ("A/C.2/80/1", "A/80/100/Add.1"): its digits are no footnote mark. The
 * '/' is looked for at most SYMBOL_REACH bytes back (a symbol's parts are
 * short), so that a word of a megabyte with digits all along it costs a
 * bounded look per digit run, not the whole word each time. */
#define SYMBOL_REACH 64
int
blocks_in_symbol(const char *s, size_t i)
{
	size_t stop = i > SYMBOL_REACH ? i - SYMBOL_REACH : 0;
	for (size_t k = i; k > stop && s[k - 1] != ' ' && s[k - 1] != '\n'; k--)
		if (s[k - 1] == '/')
			return 1;
	return 0;
}

/* A sentence closed and a footnote mark after it: "… human beings.17"
 * (the digits after '.', ';', ':', ')' or a closing quote that follows
 * no digit: "section 4.17" is no such end). */
static int
ends_sentence_mark(const char *s, size_t n)
{
	size_t d = n;
	while (d > 0 && is_digit(s[d - 1]))
		d--;
	if (d == n || n - d > 3)
		return 0;
	if (d >= 3 && s[d - 1] == ' ' && s[d - 2] != ' ')
		d--;	/* "… human beings. 17": the mark set apart */
	if (d < 2 || !blocks_ends_sentence(s, d) || s[d - 1] == '"' || blocks_in_symbol(s, d))
		return 0;
	size_t k = d - 1;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k > 0 && !is_digit(s[k - 1]) && s[k - 1] != ' ';
}

/* The first bytes an annex or enclosure word of any language can match
 * (lang_prefix's comparison of one character): a line starting with any
 * other byte is no annex line. Bytes >= 0x80 are always allowed. */
static const unsigned char *
annex_first_bytes(void)
{
	static unsigned char ok[256];
	static int done;
	if (done)
		return ok;
	memset(ok + 0x80, 1, 0x80);
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++) {
		const char *const *lists[2] = { all[l]->annex, all[l]->enclosure };
		for (int k = 0; k < 2; k++)
			for (size_t w = 0; lists[k] && lists[k][w]; w++) {
				const char *wd = lists[k][w];
				ucs4_t b;
				u8_mbtouc(&b, (const uint8_t *)wd, strlen(wd));
				if (!*wd)
					continue;
				for (ucs4_t a = 1; a < 0x80; a++)
					if (a == b || uc_tolower(a) == uc_tolower(b) ||
					    ((a == '\'' || a == 0x2019) &&
					     (b == 0x2019 || b == '\'')))
						ok[a] = 1;
			}
	}
	done = 1;
	return ok;
}

int
blocks_is_annex_line(parser *p, const char *s, size_t n)
{
	const lang_words *const *all = lang_all();
	(void)p;
	if (!n || !annex_first_bytes()[(unsigned char)s[0]])
		return 0;
	for (size_t l = 0; all[l]; l++) {
		size_t m = lang_prefix_any(s, n, all[l]->annex, NULL);
		if (!m)
			m = lang_prefix_any(s, n, all[l]->enclosure, NULL);
		if (!m)
			continue;
		while (m < n && s[m] == ' ')
			m++;
		if (m == n)
			return 2;	/* the word alone */
		/* "Annex I", "Annex 2", "Anexo de la carta …" */
		size_t k = m;
		while (k < n && (strchr("IVXLC", s[k]) || is_digit(s[k])))
			k++;
		if (k > m && k == n)
			return 2;
		if (k == m + 1 && is_upper_ascii(s[m]) && k == n)
			return 2;
		return 1;
	}
	return 0;
}

int
blocks_is_plenary(parser *p, const char *s, size_t n)
{
	(void)p;
	if (!n || !is_digit(s[0]) || n > 60)
		return 0;
	/* "52nd plenary meeting", "55th (resumed) plenary meeting": the
	 * words end the line (in a sentence, "at its\n2nd plenary meeting."
	 * goes on or ends with a period) */
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++)
		for (size_t k = 0; all[l]->plenary[k]; k++) {
			size_t wl = strlen(all[l]->plenary[k]);
			size_t at = lang_find(s, n, all[l]->plenary[k]);
			if (at != (size_t)-1 && at + wl == n)
				return 1;
		}
	return 0;
}

int
blocks_is_sig_line(const char *s, size_t n)
{
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l]; l++)
		if (lang_prefix_any(s, n, all[l]->signed_, NULL))
			return 1;
	return 0;
}

int
blocks_is_original_note(const char *s, size_t n)
{
	if (n < 3 || s[0] != '[')
		return 0;
	return lang_prefix_any(s + 1, n - 1, lang_original, NULL) != 0;
}

static void
block_add(block *b, size_t line)
{
	xgrow((void **)&b->lines, &b->cap, b->nlines + 1, sizeof *b->lines);
	b->lines[b->nlines++] = (uint32_t)line;
}

/* Is marker m the next item of a list running inline in the block
 * ("…conditions; (c) promoting …;\n(d) providing …")? Looks for the
 * previous marker inside the block's last four lines. */
static int
inline_list(parser *p, const block *cur, const marker *m)
{
	char prevm[24];
	const char *c = m->cite;
	size_t n = strlen(c);
	if (!n)
		return 0;
	int rv = blocks_roman_value(c, n);
	if (count_digits(c, n) == n) {
		int v = atoi(c);
		if (v <= 1)
			return 0;
		snprintf(prevm, sizeof prevm, "(%d) ", v - 1);
	} else if (n == 1 && c[0] != 'a' && c[0] != 'A' &&
		   !(rv && (c[0] == 'i' || c[0] == 'I'))) {
		snprintf(prevm, sizeof prevm, "(%c) ", c[0] - 1);
	} else if (rv > 1) {
		static const char *const r[] = { "", "i", "ii", "iii", "iv", "v", "vi",
						 "vii", "viii", "ix", "x", "xi", "xii",
						 "xiii", "xiv", "xv" };
		if (rv - 1 >= (int)(sizeof r / sizeof *r))
			return 0;
		snprintf(prevm, sizeof prevm, "(%s) ", r[rv - 1]);
		if (c[0] >= 'A' && c[0] <= 'Z')
			for (char *q = prevm; *q; q++)
				if (*q >= 'a' && *q <= 'z')
					*q -= 32;
	} else {
		return 0;
	}
	size_t pl = strlen(prevm);
	size_t first = cur->nlines > 4 ? cur->nlines - 4 : 0;
	for (size_t k = first; k < cur->nlines; k++) {
		const char *s = LS(p, cur->lines[k]);
		size_t ln = LN(p, cur->lines[k]);
		/* not at the start of the block: that is a real item */
		size_t from = k == 0 ? 1 : 0;
		for (size_t i = from; i + pl <= ln; i++)
			if (memcmp(s + i, prevm, pl) == 0)
				return 1;
	}
	return 0;
}

/* "Item 21: Groups of countries in special situations:": an agenda
 * item named in a programme of work, at a line's start, opens a block
 * (its sub-items follow it). */
static int
agenda_item_line(const char *s, size_t n)
{
	if (n < 7 || (s[0] | 32) != 'i')
		return 0;
	size_t it = lang_prefix(s, n, "Item");
	if (!it || it + 3 > n || s[it] != ' ')
		return 0;
	size_t k = count_digits(s + it + 1, n - it - 1);
	return k && k <= 3 && it + 1 + k < n && s[it + 1 + k] == ':';
}

/* Is marker m the item after the one opening the block ("(b)" in a
 * block that starts with "(a)")? A list's items start at a line's start
 * even when the item before does not end in punctuation (a programme of
 * work: "(a)\nFollow-up to the Fifth United Nations Conference …\n(b) …"). */
static int
next_item(parser *p, const block *cur, const marker *m)
{
	marker fm;
	if (blocks_get_marker(LS(p, cur->lines[0]), LN(p, cur->lines[0]), &fm) != MK_SUB)
		return 0;
	const char *a = fm.cite, *c = m->cite;
	size_t an = strlen(a), cn = strlen(c);
	if (!an || !cn || (fm.num[0] == '(') != (m->num[0] == '('))
		return 0;
	if (count_digits(a, an) == an && count_digits(c, cn) == cn)
		return atoi(c) == atoi(a) + 1;
	int ra = blocks_roman_value(a, an), rc = blocks_roman_value(c, cn);
	if (an == 1 && cn == 1 && c[0] == a[0] + 1)
		return 1;	/* (a) (b), (h) (i) */
	return ra && rc && rc == ra + 1 && ((a[0] >= 'a') == (c[0] >= 'a'));
}

/* Does the list that marker m opens at line j run on inside the text
 * ("… on:\n(i) modalities …; (ii) dedicated …")? Looks for the next
 * marker after the start of line j and in the three lines after it. */
static int
run_in_list(parser *p, size_t j, const marker *m)
{
	char nextm[24];
	const char *c = m->cite;
	size_t n = strlen(c);
	int rv = blocks_roman_value(c, n);
	if (n == 1 && (c[0] == 'i' || c[0] == 'I'))
		snprintf(nextm, sizeof nextm, "(%s) ", c[0] == 'i' ? "ii" : "II");
	else if (n == 1 && ((c[0] >= 'a' && c[0] < 'z') || (c[0] >= 'A' && c[0] < 'Z')))
		snprintf(nextm, sizeof nextm, "(%c) ", c[0] + 1);
	else if (count_digits(c, n) == n)
		snprintf(nextm, sizeof nextm, "(%d) ", atoi(c) + 1);
	else if (rv)
		return 0;
	else
		return 0;
	size_t pl = strlen(nextm);
	for (size_t k = j, seen = 0; k < p->nl && seen < 4; k++) {
		if (p->L[k].flags & LF_BLANK)
			break;
		seen++;
		const char *s = LS(p, k);
		size_t ln = LN(p, k);
		for (size_t i = 1; i + pl <= ln; i++)
			if (memcmp(s + i, nextm, pl) == 0)
				return 1;
	}
	return 0;
}

/* Does the line end with a word that cannot end a heading ("and")? */
static int
ends_with_connector(const char *s, size_t n)
{
	size_t k = n;
	while (k > 0 && s[k - 1] != ' ')
		k--;
	return equal_any(s + k, n - k, lang_connectors);
}

/* Does s start with a word that opens a preambular paragraph: a capital
 * participle ("Recalling", "Recordando", "Rappelant") or a word from
 * lang_preamble ("Mindful", "Conscious")? */
int
blocks_preamble_word(const char *s, size_t n)
{
	if (!starts_upper(s, n))
		return 0;
	if (lang_prefix_any(s, n, lang_preamble, NULL))
		return 1;
	size_t w = words_len(s, n, 0);
	static const char *const endings[] = { "ing", "ando", "iendo", "ant", NULL };
	for (size_t k = 0; endings[k]; k++) {
		size_t el = strlen(endings[k]);
		if (w > el + 2 && memcmp(s + w - el, endings[k], el) == 0)
			return 1;
	}
	return 0;
}

/* A title set over its text with no blank line between them, as in a
 * box: "Model strategy No. 7" + "Constructive contacts between prisoners
 * and their families and". Line i is short (under 45% of the measure, at
 * most six words), opens with a capital and ends in a letter or figure
 * (no sentence, no comma or colon that would go on); line j opens with a
 * capital and is a line of text (65% of the measure and 56 columns at
 * least: a table's narrow cells are not), so a title wrapped on two short
 * lines stays whole. */
static int
box_title(const parser *p, size_t i, size_t j)
{
	const char *ps = LS(p, i), *s = LS(p, j);
	size_t pn = LN(p, i), n = LN(p, j);
	if (p->L[i].cols * 100 > p->width * 45 || p->L[j].cols * 100 < p->width * 65 ||
	    p->L[j].cols < 56 ||
	    !starts_upper(ps, pn) || !starts_upper(s, n))
		return 0;
	ucs4_t last = last_uc(ps, pn);
	if (!uc_is_alpha(last) && !(last >= '0' && last <= '9'))
		return 0;
	size_t words = 1;
	for (size_t k = 0; k < pn; k++)
		words += ps[k] == ' ';
	return words <= 6;
}

/* Does line j (text after line i, with break brk) start a new block? */
/* A text that a blank line cuts (a converter that keeps short lines
 * apart: "Resolution adopted by the General Assembly" | "on 1 December
 * 2025", "Developments in the field of information and" |
 * "telecommunications …"; a paragraph cut where its page ended: "…
 * adopted to promote the" | "objectives …"): the line before ends with a
 * letter or a digit, no punctuation, and the next starts in lower case
 * with no marker (nor a table note's "a "); or a meeting line and its
 * date ("52nd plenary meeting" | "1 December 2025"). */
static int
text_goes_on(parser *p, size_t i, size_t j, const block *cur)
{
	const char *ps = LS(p, i), *s = LS(p, j);
	size_t pn = LN(p, i), n = LN(p, j);
	marker m;
	if (cur->foot || cur->toc || cur->thead || !pn || !n)
		return 0;
	if (cur->nlines == 1 && blocks_is_plenary(p, ps, pn))
		return furniture_has_date(s, n) && n < 40;
	ucs4_t last = last_uc(ps, pn);
	if (n > 2 && s[1] == ' ' && s[0] >= 'a' && s[0] <= 'z')
		return 0;	/* "a See A/80/505.": a table's note */
	return uc_is_lower(first_uc(s, n)) && (uc_is_alpha(last) || is_digit((char)last)) &&
	       !blocks_get_marker(s, n, &m);
}

static int
starts_block(parser *p, size_t i, size_t j, enum brk brk, const block *cur)
{
	const char *ps = LS(p, i), *s = LS(p, j);
	size_t pn = LN(p, i), n = LN(p, j);
	marker pm, m;
	int pmk = blocks_get_marker(ps, pn, &pm);

	/* a marker alone on its line takes the next line; so does a
	 * footnote's star ("*" over "The present document …") */
	if (pmk && pm.alone && cur->nlines == 1)
		return 0;
	size_t stars = 0;
	while (stars < pn && ps[stars] == '*')
		stars++;
	if (cur->nlines == 1 && pn >= 1 && pn <= 4 && stars == pn)
		return 0;
	if (brk == BRK_HARD)
		return !text_goes_on(p, i, j, cur);
	if (blocks_is_annex_line(p, ps, pn) == 2 && cur->nlines == 1)
		return 1;
	if (blocks_is_sig_line(s, n) || blocks_is_original_note(s, n) || blocks_is_plenary(p, s, n))
		return 1;
	if (pn >= 2 && ps[pn - 1] == '*' && ps[pn - 2] != '*' && ps[pn - 2] != ' ' &&
	    starts_upper(s, n) && p->L[j].cols < p->width / 2 && !blocks_ends_sentence(s, n))
		return 1;	/* "…RESOLUTION 5/1*" + "Italy": a title's mark ends it */
	if (blocks_is_plenary(p, LS(p, cur->lines[0]), LN(p, cur->lines[0])) &&
	    cur->nlines >= 2)
		return 1;
	if (pn && ps[pn - 1] == ']' && LS(p, cur->lines[0])[0] == '[')
		return 1;
	if (brk == BRK_NONE && cur->nlines == 1 && !pmk && box_title(p, i, j))
		return 1;	/* "Model strategy No. 7" over its text */
	if (p->L[j].indent > 0 && p->L[i].indent == 0 && !p->dbl)
		return 1;
	if (p->dbl && p->L[j].indent > 0)
		return 1;
	if (blocks_is_annex_line(p, s, n) == 2)
		return 1;
	int short_prev = p->L[i].cols < p->width * 8 / 10;
	int mk = blocks_get_marker(s, n, &m);
	if (mk) {
		if (m.alone && mk != MK_SUB)
			return 1;
		ucs4_t last = last_uc(ps, pn);
		int closed = blocks_ends_sentence(ps, pn) || last == ',' || ends_sentence_mark(ps, pn);
		if (mk == MK_SUB) {
			if (brk == BRK_NONE && (inline_list(p, cur, &m) ||
						run_in_list(p, j, &m)))
				return 0;
			if (closed || brk != BRK_NONE || (pmk && pm.alone))
				return 1;
			if (next_item(p, cur, &m))
				return 1;	/* "(a)\nFollow-up to …\n(b) Follow-up …" */
			size_t k = pn;
			while (k > 0 && ps[k - 1] != ' ')
				k--;
			if (equal_any(ps + k, pn - k, lang_list_conjunctions))
				return 1;
			return 0;
		}
		if (closed || short_prev || brk != BRK_NONE)
			return 1;
		if (mk == MK_PARA && !m.alone && m.body >= m.len + 2)
			return 1;	/* "29.     AccessNow …": a layout gap */
	}
	if (brk == BRK_NONE && p->blankless && last_uc(ps, pn) == ',' &&
	    blocks_preamble_word(s, n))
		return 1;	/* "…,\nRecalling also …" */
	if (brk == BRK_NONE && p->blankless && starts_upper(s, n) &&
	    p->L[i].cols < p->width * 3 / 4) {
		/* the short last line of a paragraph or a heading */
		ucs4_t last = last_uc(ps, pn);
		if (blocks_ends_sentence(ps, pn) && last != 0x201D)
			return 1;
		if (last == ',' || (starts_upper(ps, pn) && !pmk && !blocks_ends_sentence(ps, pn) &&
				    !ends_with_connector(ps, pn)))
			return 1;
	}
	int kl;
	if (tree_keyword_section(s, n, &kl, NULL))
		return 1;
	if (agenda_item_line(s, n))
		return 1;	/* "…on:\nItem 21: Groups of countries …:" */
	if (brk == BRK_PAGE) {
		if (starts_lower(s, n))
			return 0;
		ucs4_t last = last_uc(ps, pn);
		if (last == ',' && blocks_preamble_word(s, n) &&
		    blocks_preamble_word(LS(p, cur->lines[0]), LN(p, cur->lines[0])))
			return 1;	/* "Recalling …," | page | "Recognizing …" */
		if (short_prev && (blocks_ends_sentence(ps, pn) || last == ','))
			return 1;
		if (!blocks_ends_sentence(ps, pn) && last != ',' && short_prev &&
		    starts_upper(s, n) && pn < 100 && !pmk && !ends_with_connector(ps, pn))
			return 1;	/* a heading line at the end of a page */
		if ((blocks_ends_sentence(ps, pn) || ends_sentence_mark(ps, pn)) && starts_upper(s, n) &&
		    p->L[j].cols < p->width * 6 / 10 && !blocks_ends_sentence(s, n) &&
		    !ends_with_connector(s, n))
			return 1;	/* a sentence closed at the page end, and a
					   heading or a table's first row on the
					   next page: a text going on would fill
					   its line or end there */
		return 0;
	}
	return 0;
}

/* A new zeroed block at the end of *blocks; its index. */
static size_t
new_block(block **blocks, size_t *nb, size_t *bcap)
{
	xgrow((void **)blocks, bcap, *nb + 1, sizeof **blocks);
	memset(&(*blocks)[*nb], 0, sizeof **blocks);
	return (*nb)++;
}

/* Whether footnote line i opens a new footnote: it starts with a mark
 * ("2", "*") and a numbered mark follows the last one (*last_fn). */
static int
footnote_mark(const parser *p, size_t i, int *last_fn)
{
	const char *s = LS(p, i);
	size_t n = LN(p, i);
	size_t d = 0;
	while (d < n && (is_digit(s[d]) || s[d] == '*'))
		d++;
	int mark = d && d < 5 && (d == n || s[d] == ' ');
	if (mark && is_digit(s[0])) {
		/* "2018, GrecoRC4" in a note is not note 2018 */
		int v = atoi(s);
		if (*last_fn && v != *last_fn + 1 && v != 1)
			mark = 0;
		else
			*last_fn = v;
	}
	return mark;
}

/* Pass 3: the lines that are neither furniture nor masthead, grouped into
 * blocks (tables of contents and footnotes in blocks of their own). The
 * caller frees each block's lines and the array; *nb its length. */
block *
blocks_group(parser *p, size_t *nbp)
{
	doc_meta *m = &p->d->meta;
	block *blocks = NULL;
	size_t nb = 0, bcap = 0;
	size_t prev = (size_t)-1, cur = (size_t)-1, curfoot = (size_t)-1;
	size_t curtoc = (size_t)-1;
	int pre_hard = 0;
	size_t empties = 0, spaces = 0;
	int crossed = 0;
	int last_fn = 0;
	for (size_t i = 0; i < p->nl; i++) {
		pline *l = &p->L[i];
		if (l->flags & LF_FF)
			crossed = 1;
		if (l->flags & LF_BLANK) {
			if (l->flags & LF_EMPTY)
				empties++;
			else
				spaces++;
			continue;
		}
		if (l->flags & (LF_FURN | LF_MAST)) {
			/* a " " line before the page end closed a paragraph */
			if (!crossed && spaces)
				pre_hard = 1;
			crossed = 1;
			continue;
		}
		if (l->flags & LF_TOC) {
			if (curtoc == (size_t)-1 || (cur != (size_t)-1 && cur > curtoc)) {
				curtoc = new_block(&blocks, &nb, &bcap);
				blocks[curtoc].toc = 1;
			}
			block_add(&blocks[curtoc], i);
			cur = (size_t)-1;
			empties = spaces = 0;
			crossed = 0;
			continue;
		}
		int foot = (l->flags & LF_FOOT) != 0;
		enum brk brk;
		if (crossed)
			brk = pre_hard ? BRK_HARD : BRK_PAGE;
		else if (p->dbl)
			brk = (empties == 1 && !spaces) ? BRK_NONE :
			      (empties + spaces == 0) ? BRK_PAGE : BRK_HARD;
		else
			brk = (empties + spaces) ? BRK_HARD : BRK_NONE;
		if (p->dbl && brk == BRK_PAGE && !crossed && prev != (size_t)-1)
			furniture_add_page(p, m->pages[m->npages - 1].number + 1, i);
		if (foot) {
			/* footnotes: a new one at each mark */
			int mark = footnote_mark(p, i, &last_fn);
			if (curfoot == (size_t)-1 || mark) {
				curfoot = new_block(&blocks, &nb, &bcap);
				blocks[curfoot].brk = brk;
				blocks[curfoot].foot = 1;
			}
			block_add(&blocks[curfoot], i);
			/* the text before the footnotes goes on after them */
			crossed = 1;
			empties = spaces = 0;
			continue;
		}
		int th = (l->flags & LF_THEAD) != 0;
		if (cur == (size_t)-1 || blocks[cur].thead != th ||
		    (!th && starts_block(p, prev, i, brk, &blocks[cur]))) {
			cur = new_block(&blocks, &nb, &bcap);
			blocks[cur].brk = brk;
			blocks[cur].thead = th;
		}
		block_add(&blocks[cur], i);
		prev = i;
		empties = spaces = 0;
		crossed = pre_hard = 0;
	}
	*nbp = nb;
	return blocks;
}
