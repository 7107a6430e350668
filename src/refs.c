/* refs: find agenda items, resolutions, decisions and document symbols in a
 * document's text (see refs.h for keys and the session rule).
 *
 * How: each block's text is folded and cut into tokens by un/phrase.h
 * (words, digit runs, single punctuation, each mapped back to the original
 * bytes). Agenda items
 * and resolutions are small grammars over tokens: a head word ("temas",
 * "résolution", "пунктам"), a list of numbers, and for agenda items a
 * suffix ("del programa", "повестки дня"). Every word they use lives in the
 * per-language tables below (month names and session ordinals: lang.c's),
 * folded the same way when first used; the control flow knows no language.
 * Symbols are un/symbol.h's, matched on the original bytes (they are ASCII
 * and case matters: "A/75/251").
 *
 * Invariants: refs are sorted by (block, off); a symbol's bytes are never
 * part of another reference; every number a reference keys on was written
 * next to a head word, a symbol prefix or a catalog title, so years, dates,
 * page numbers ("2/3"), job numbers and times never match on their own. */
#include <build-config.h>

#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "un/lang.h"
#include "un/phrase.h"
#include "un/session.h"
#include "un/symbol.h"
#include "refs.h"
#include "util.h"

/* ---- language tables: un/lang.c's (folded on first use) ---- */

enum { L_EN = LANG_EN, L_ES = LANG_ES, L_FR = LANG_FR, L_RU = LANG_RU, L_ANY = LANG_ANY };

/* un/agenda.h's agenda_form, short */
#define AG_ADOPTED AGENDA_ADOPTED
#define AG_PROVISIONAL AGENDA_PROVISIONAL
#define AG_PRELIMINARY AGENDA_PRELIMINARY

/* Month names: lang.c's tables (lang_all(); Russian in the genitive, as
 * dates write them) and lang_months_extra. Built once by tables_build;
 * flag = month number. */
static phrase *months;

/* How far after an agenda item a chained "and item 23" may follow. */
#define CHAIN_TOKENS 12

/* Session ordinals ("Seventy-fifth session", "septuagésimo quinto período
 * de sesiones"): lang.c's tables (lang_session_*), built into phrases once
 * by tables_build; flag = the number. */
static phrase *ord_tens, *ord_units;

/* ---- tables (un/phrase.h: folded once, matched on folded tokens) ---- */

typedef phrase_table table;

static table T_AG_HEADS = PHRASE_LIST(lang_agenda_heads);
static table T_AG_CONTEXT = PHRASE_LIST(lang_agenda_context);
static table T_AG_SUFFIX = PHRASE_LIST(lang_agenda_suffixes);
static table T_AG_CHAIN = PHRASE_LIST(lang_agenda_chain);
static table T_AG_FOREIGN = PHRASE_LIST(lang_agenda_foreign);
static table T_AG_SESS_LINK = PHRASE_LIST(lang_agenda_session_links);
static table T_LIST_SEP = PHRASE_LIST(lang_list_seps);
static table T_RANGE_SEP = PHRASE_LIST(lang_range_seps);
static table T_RES_HEADS = PHRASE_LIST(lang_res_heads);
static table T_PARA = PHRASE_LIST(lang_para_words);
static table T_PARA_LINK = PHRASE_LIST(lang_para_links);
static table T_PARA_NOT = PHRASE_LIST(lang_para_not_after);
static table T_ENTITLED = PHRASE_LIST(lang_entitled_words);
static table T_ORG_BEFORE = PHRASE_LIST(lang_organ_before);
static table T_ORG_AFTER = PHRASE_LIST(lang_organ_after);
static table T_DATE_LINK = PHRASE_LIST(lang_date_links);
static table T_MONTHS;	/* months: filled by tables_build */
static table T_DATE_FILL = PHRASE_LIST(lang_date_fillers);
static table T_ORD_TENS, T_ORD_UNITS, T_SESSION, T_ORD_LINK;	/* tables_build */

static table *const all_tables[] = {
	&T_AG_HEADS, &T_AG_CONTEXT, &T_AG_SUFFIX, &T_AG_CHAIN, &T_AG_FOREIGN,
	&T_AG_SESS_LINK, &T_LIST_SEP, &T_RANGE_SEP,
	&T_RES_HEADS, &T_PARA, &T_PARA_LINK, &T_PARA_NOT, &T_ENTITLED,
	&T_ORG_BEFORE, &T_ORG_AFTER, &T_DATE_LINK, &T_MONTHS, &T_DATE_FILL, &T_ORD_TENS,
	&T_ORD_UNITS, &T_SESSION, &T_ORD_LINK,
};

/* The tables are folded once and kept for the life of the process (a few
 * kilobytes; not freed, like any other static table). */
/* months[]: 12 names per language of lang_all(), then lang_months_extra. */
static void
months_build(void)
{
	const lang_words *const *all = lang_all();
	size_t nl = 0, n = 0;
	while (all[nl])
		nl++;
	size_t nx = 0;
	while (lang_months_extra[nx].text)
		nx++;
	months = xcalloc(nl * 12 + nx, sizeof *months);
	for (size_t l = 0; l < nl; l++) {
		int li = L_ANY;
		for (int k = 0; k < L_ANY; k++)
			if (!strcmp(all[l]->code, lang_index_code(k)))
				li = k;
		for (int m = 0; m < 12 && all[l]->months[m]; m++)
			months[n++] = (phrase){ all[l]->months[m], li, m + 1 };
	}
	for (size_t k = 0; k < nx; k++)
		months[n++] = lang_months_extra[k];
	T_MONTHS.p = months;
	T_MONTHS.n = n;
}

/* A table of lang.c's numbers or words (NULL-ended; words get flag 0). */
static phrase *
numbers_build(table *t, const lang_number *nums, const char *const *words)
{
	size_t n = 0;
	while (nums ? nums[n].word != NULL : words[n] != NULL)
		n++;
	phrase *p = xcalloc(n, sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = nums ? (phrase){ nums[i].word, L_ANY, nums[i].value } :
			      (phrase){ words[i], L_ANY, 0 };
	t->p = p;
	t->n = n;
	return p;
}

static void
tables_build(void)
{
	months_build();
	ord_tens = numbers_build(&T_ORD_TENS, lang_session_tens, NULL);
	ord_units = numbers_build(&T_ORD_UNITS, lang_session_units, NULL);
	numbers_build(&T_ORD_LINK, NULL, lang_session_links);
	numbers_build(&T_SESSION, NULL, lang_session_words);
	for (size_t ti = 0; ti < ARRAY_LEN(all_tables); ti++) {
		phrase_table_build(all_tables[ti]);
	}
}

/* Once per process, also when several threads find references at once. */
static void
tables_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, tables_build);
}

/* The text being scanned: one block. */
typedef struct scan {
	const doc *d;
	const catalog *cat;
	ref_list *out;
	size_t block;
	const char *s;		/* block text (original) */
	size_t slen;
	size_t base;		/* plain offset of s */
	phrase_text pt;		/* s folded, its tokens */
	char *taken;		/* per original byte: part of a symbol */
	int session;		/* document's */
	enum lang_organ organ;	/* document's default organ */
	const char *lang;	/* document's language, may be NULL */
} scan;

static int
tok_is(const scan *sc, size_t i, const char *w)
{
	return phrase_tok_is(&sc->pt, i, w);
}

static size_t
match_table(const scan *sc, size_t i, const table *t, size_t *which)
{
	return phrase_match(&sc->pt, i, t, which);
}

static size_t
match_table_before(const scan *sc, size_t i, const table *t, size_t *which)
{
	return phrase_match_before(&sc->pt, i, t, which);
}

static long
tok_num(const scan *sc, size_t i)
{
	return phrase_tok_num(&sc->pt, i);
}

static int
tok_punct(const scan *sc, size_t i, char c)
{
	return phrase_tok_punct(&sc->pt, i, c);
}

/* Tokens whose original bytes overlap a symbol are not available. */
static int
tok_taken(const scan *sc, size_t i)
{
	const phrase_tok *t = &sc->pt.t.v[i];
	for (size_t b = t->so; b < t->se && b < sc->slen; b++)
		if (sc->taken[b])
			return 1;
	return 0;
}

/* ---- output ---- */

/* The shown language of r (refs.h). */
static const char *
shown_lang(const scan *sc, const ref *r)
{
	return sc->lang ? sc->lang : r->lang ? r->lang : "en";
}

/* Sets r's paragraph text and its gloss. */
static void
set_para(const scan *sc, ref *r, const char *para)
{
	if (!para[0])
		return;
	r->para = xstrdup(para);
	r->gloss = catalog_para(r->entry, para, shown_lang(sc, r));
}

static ref *
emit(scan *sc, ref_kind kind, size_t so, size_t se, char *key, int session,
     int lang)
{
	ref_list *l = sc->out;
	xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items);
	ref *r = &l->items[l->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->block = sc->block;
	r->off = sc->base + so;
	r->len = se - so;
	r->key = key;
	r->session = session;
	r->lang = lang_index_code(lang);
	r->entry = catalog_find(sc->cat, key);
	r->title = catalog_title(r->entry, shown_lang(sc, r));
	return r;
}

/* The parts of an agenda item's key (refs.h). */
static void
agenda_parts(ref *r, const char *scope, agenda_form form, long item, const char *sub)
{
	size_t n = strlen(scope);	/* "A/HRC", "A/?", "A/" and a session < 200 */
	if (n >= sizeof r->scope)
		n = sizeof r->scope - 1;
	memcpy(r->scope, scope, n);
	r->scope[n] = '\0';
	r->agenda_form = form;
	r->item = (int)item;
	snprintf(r->sub, sizeof r->sub, "%s", sub);
}

/* An ordinal session at token j: "seventy-fourth session", "septuagésimo
 * cuarto período de sesiones", "soixante-quatorzième session", "семьдесят
 * четвертой сессии". Returns tokens used (0 if none) and the number. */
static size_t
parse_session(const scan *sc, size_t j0, int *out)
{
	size_t w = 0, j = j0;
	size_t m = match_table(sc, j, &T_ORD_TENS, &w);
	if (!m)
		return 0;
	int v = ord_tens[w].flag;
	j += m;
	size_t lk = match_table(sc, j, &T_ORD_LINK, NULL);
	size_t u = match_table(sc, j + lk, &T_ORD_UNITS, &w);
	if (u) {
		v += ord_units[w].flag;
		j += lk + u;
	}
	size_t sw = match_table(sc, j, &T_SESSION, NULL);
	if (!sw)
		return 0;
	*out = v;
	return j + sw - j0;
}

/* ---- agenda items ---- */

/* A sub-item after a number: "(r)", "(hh)", Spanish "e)". One letter or a
 * doubled letter, lower case in the original. Returns tokens used and the
 * letters in sub (size >= 3). */
static size_t
parse_sub(const scan *sc, size_t i, char *sub)
{
	size_t j = i, open = 0;
	if (tok_punct(sc, j, '(')) {
		open = 1;
		j++;
	}
	if (j >= sc->pt.t.n || sc->pt.t.v[j].type != PHRASE_WORD || !tok_punct(sc, j + 1, ')'))
		return 0;
	const phrase_tok *w = &sc->pt.t.v[j];
	const char *o = sc->s + w->so;
	size_t n = w->se - w->so;
	if (n < 1 || n > 2 || !islower((unsigned char)o[0]) ||
	    (n == 2 && o[1] != o[0]))
		return 0;
	if (!open && !sc->pt.t.v[j].space_before)
		return 0;
	memcpy(sub, o, n);
	sub[n] = '\0';
	return j + 2 - i;
}

typedef struct item {
	long num;
	char sub[3];
	size_t so, se;		/* original bytes */
	long range_to;		/* > num for a range */
} item;

/* A list of agenda item numbers from token i. Returns tokens used and
 * fills items (at most max). */
static size_t
parse_item_list(const scan *sc, size_t i, item *items, size_t max, size_t *nitems)
{
	size_t j = i, end = i;
	*nitems = 0;
	while (*nitems < max) {
		long v = tok_num(sc, j);
		if (v < 1 || v > 299 || tok_taken(sc, j))
			break;
		item *it = &items[*nitems];
		memset(it, 0, sizeof *it);
		it->num = v;
		it->so = sc->pt.t.v[j].so;
		it->se = sc->pt.t.v[j].se;
		j++;
		size_t k = parse_sub(sc, j, it->sub);
		if (k) {
			it->se = sc->pt.t.v[j + k - 1].se;
			j += k;
		}
		/* range: "77 à 85" (numbers without sub-items) */
		size_t rs = match_table(sc, j, &T_RANGE_SEP, NULL);
		long to = rs ? tok_num(sc, j + rs) : -1;
		if (rs && !it->sub[0] && to > v && to <= 299 && to - v <= 60) {
			it->range_to = to;
			it->se = sc->pt.t.v[j + rs].se;
			j += rs + 1;
		}
		(*nitems)++;
		end = j;
		size_t s = match_table(sc, j, &T_LIST_SEP, NULL);
		if (!s || tok_num(sc, j + s) < 0)
			break;
		j += s;
	}
	return end - i;
}

static void
scan_agenda(scan *sc)
{
	size_t chain_end = 0;	/* token after the last item list, or 0 */
	for (size_t i = 0; i < sc->pt.t.n; i++) {
		size_t which = 0;
		size_t h = match_table(sc, i, &T_AG_HEADS, &which);
		if (!h || tok_taken(sc, i))
			continue;
		const phrase *hp = &lang_agenda_heads[which];
		if (match_table_before(sc, i, &T_AG_FOREIGN, NULL))
			continue;
		item items[64];
		size_t nitems;
		size_t used = parse_item_list(sc, i + h, items, ARRAY_LEN(items), &nitems);
		if (!nitems)
			continue;
		size_t after = i + h + used, sw = 0;
		size_t s = match_table(sc, after, &T_AG_SUFFIX, &sw);
		agenda_form form = s ? (agenda_form)lang_agenda_suffixes[sw].flag : AG_ADOPTED;
		if (!s) {
			if (hp->flag == LANG_NEED_SUFFIX)
				continue;
			/* "item 21" alone: at the start of a block, after
			 * "under", or as a heading "Item 137: Programme…" */
			if (hp->flag == LANG_NEED_CONTEXT && i > 0 &&
			    !match_table_before(sc, i, &T_AG_CONTEXT, NULL) &&
			    !tok_punct(sc, after, ':') &&
			    !(chain_end && i <= chain_end + CHAIN_TOKENS &&
			      match_table_before(sc, i, &T_AG_CHAIN, NULL)))
				continue;
		}
		/* the session may be named after the suffix */
		int session = sc->session, named = 0;
		if (s) {
			size_t lk = match_table(sc, after + s, &T_AG_SESS_LINK, NULL);
			size_t ps = parse_session(sc, after + s + lk, &named);
			if (ps) {
				session = named;
				s += lk + ps;
			}
		}
		char sess[32];
		if (sc->organ == LANG_ORG_HRC && !named)
			snprintf(sess, sizeof sess, "A/HRC");
		else if (session > 0)
			snprintf(sess, sizeof sess, "A/%d", session);
		else
			snprintf(sess, sizeof sess, "A/?");
		for (size_t k = 0; k < nitems; k++) {
			item *it = &items[k];
			long last = it->range_to > it->num ? it->range_to : it->num;
			for (long n = it->num; n <= last; n++) {
				char *key = agenda_key(sess, form, (int)n, it->sub);
				ref *r = emit(sc, REF_AGENDA, it->so, it->se, key,
					      sc->organ == LANG_ORG_HRC && !named ? 0 : session,
					      hp->lang);
				agenda_parts(r, sess, form, n, it->sub);
			}
		}
		chain_end = after + s;
		i = after + s - 1;
	}
}

/* ---- resolutions and decisions ---- */

/* Skips a date after a number: "of 17 December 2021", "от 6 декабря
 * 2021 года". Returns tokens used (0 if none). */
static size_t
skip_date(const scan *sc, size_t j)
{
	size_t k = match_table(sc, j, &T_DATE_LINK, NULL);
	if (!k)
		return 0;
	size_t p = j + k;
	long day = tok_num(sc, p);
	if (day < 1 || day > 31)
		return 0;
	p++;
	p += match_table(sc, p, &T_DATE_FILL, NULL);
	size_t m = match_table(sc, p, &T_MONTHS, NULL);
	if (!m)
		return 0;
	p += m;
	p += match_table(sc, p, &T_DATE_FILL, NULL);
	long y = tok_num(sc, p);
	if (y >= 1900 && y < 2200) {
		p++;
		p += match_table(sc, p, &T_DATE_FILL, NULL);
	}
	return p - j;
}

static int
is_roman(const char *s, size_t n)
{
	if (n == 0 || n > 8)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr("IVXLC", s[i]))
			return 0;
	return 1;
}

static const char *
organ_prefix(enum lang_organ o, ref_kind kind)
{
	int dec = kind == REF_DECISION;
	switch (o) {
	case LANG_ORG_SC: return dec ? "S/DEC/" : "S/RES/";
	case LANG_ORG_HRC: return dec ? "A/HRC/DEC/" : "A/HRC/RES/";
	case LANG_ORG_ECOSOC: return dec ? "E/DEC/" : "E/RES/";
	case LANG_ORG_CHR: return dec ? "E/CN.4/DEC/" : "E/CN.4/RES/";
	default: return dec ? "A/DEC/" : "A/RES/";
	}
}

/* The organ named right after token j ("du Conseil de sécurité"). */
static enum lang_organ
organ_after_tok(const scan *sc, size_t j)
{
	size_t w = 0;
	if (match_table(sc, j, &T_ORG_AFTER, &w))
		return lang_organ_after[w].flag;
	return LANG_ORG_NONE;
}

/* An organ named earlier in the same sentence as token i ("resolutions
 * adopted by the Human Rights Council at its fourth session …, the
 * adoption of resolutions 4/4 and 4/8"). Used only for numbers that
 * cannot be the General Assembly's. */
/* Token j ends a sentence: '.' or ';' before a space or the end. */
static int
sentence_break(const scan *sc, size_t j)
{
	return (tok_punct(sc, j, '.') || tok_punct(sc, j, ';')) &&
	       (j + 1 >= sc->pt.t.n || sc->pt.t.v[j + 1].space_before);
}

static enum lang_organ
organ_in_sentence(const scan *sc, size_t i)
{
	for (size_t j = i; j-- > 0;) {
		if (sentence_break(sc, j))
			break;
		size_t w = 0;
		for (size_t k = 0; k < T_ORG_BEFORE.n; k++) {
			if (lang_organ_before[k].flag == LANG_ORG_COUNCIL)
				continue;
			if (phrase_match_at(&sc->pt, j, &T_ORG_BEFORE, k)) {
				w = k;
				return lang_organ_before[w].flag;
			}
		}
	}
	return LANG_ORG_NONE;
}

/* One resolution number at token j. Returns tokens used; fills key parts:
 * *form 'n' session/number, 'y' N (YEAR), 'r' N (ROMAN), 'e' ES-10/24,
 * 'E' ECOSOC year/number, 'Y' N/YEAR (Russian "1325/2000"). */
typedef struct resnum {
	char form;
	char text[48];		/* "74/306", "1325 (2000)", "ES-10/24" */
	int session;
	long number;		/* 306 in "74/306" */
	size_t so, se;
} resnum;

static size_t
parse_resnum(const scan *sc, size_t j, resnum *r)
{
	memset(r, 0, sizeof *r);
	if (j >= sc->pt.t.n || tok_taken(sc, j))
		return 0;
	const phrase_tok *t0 = &sc->pt.t.v[j];
	/* ES-10/24, S-10/2 */
	if (t0->type == PHRASE_WORD && tok_punct(sc, j + 1, '-') && tok_num(sc, j + 2) > 0 &&
	    tok_punct(sc, j + 3, '/') && tok_num(sc, j + 4) > 0) {
		const char *o = sc->s + t0->so;
		size_t n = t0->se - t0->so;
		if ((n == 2 && !memcmp(o, "ES", 2)) || (n == 1 && o[0] == 'S')) {
			r->form = 'e';
			snprintf(r->text, sizeof r->text, "%.*s-%ld/%ld", (int)n, o,
				 tok_num(sc, j + 2), tok_num(sc, j + 4));
			r->so = t0->so;
			r->se = sc->pt.t.v[j + 4].se;
			return 5;
		}
		return 0;
	}
	long a = tok_num(sc, j);
	if (a < 1)
		return 0;
	/* N/M without spaces */
	if (tok_punct(sc, j + 1, '/') && !sc->pt.t.v[j + 1].space_before &&
	    tok_num(sc, j + 2) >= 0 && !sc->pt.t.v[j + 2].space_before) {
		long b = tok_num(sc, j + 2);
		r->so = t0->so;
		r->se = sc->pt.t.v[j + 2].se;
		if (a >= 1946 && a < 2100 && sc->pt.t.v[j].fl == 4) {
			r->form = 'E';
			snprintf(r->text, sizeof r->text, "%ld/%ld", a, b);
		} else if (b >= 1946 && b < 2100 && sc->pt.t.v[j + 2].fl == 4) {
			r->form = 'Y';
			snprintf(r->text, sizeof r->text, "%ld (%ld)", a, b);
		} else if (a <= 200 && b >= 1) {
			r->form = 'n';
			r->session = (int)a;
			r->number = b;
			snprintf(r->text, sizeof r->text, "%ld/%ld", a, b);
		} else {
			return 0;
		}
		return 3;
	}
	/* "Security Council resolution 1325": a bare number, kept only when
	 * the Security Council is named (form 'b') */
	if (!tok_punct(sc, j + 1, '/') && !tok_punct(sc, j + 1, '(') &&
	    sc->pt.t.v[j].fl <= 4 && !(j + 1 < sc->pt.t.n && sc->pt.t.v[j + 1].type == PHRASE_WORD &&
				     !sc->pt.t.v[j + 1].space_before)) {
		r->form = 'b';
		r->so = t0->so;
		r->se = t0->se;
		snprintf(r->text, sizeof r->text, "%ld", a);
		return 1;
	}
	/* N (2000), N (XXIX) */
	if (tok_punct(sc, j + 1, '(') && tok_punct(sc, j + 3, ')')) {
		const phrase_tok *in = &sc->pt.t.v[j + 2];
		long y = tok_num(sc, j + 2);
		r->so = t0->so;
		r->se = sc->pt.t.v[j + 3].se;
		if (y >= 1946 && y < 2100 && in->fl == 4) {
			r->form = 'y';
			snprintf(r->text, sizeof r->text, "%ld (%ld)", a, y);
			return 4;
		}
		if (in->type == PHRASE_WORD && is_roman(sc->s + in->so, in->se - in->so)) {
			r->form = 'r';
			snprintf(r->text, sizeof r->text, "%ld (%.*s)", a,
				 (int)(in->se - in->so), sc->s + in->so);
			return 4;
		}
	}
	return 0;
}

/* Token i's original bytes are ASCII capitals only ("CBD"). */
static int
tok_upper(const scan *sc, size_t i)
{
	if (i >= sc->pt.t.n || sc->pt.t.v[i].type != PHRASE_WORD)
		return 0;
	for (size_t b = sc->pt.t.v[i].so; b < sc->pt.t.v[i].se; b++)
		if (sc->s[b] < 'A' || sc->s[b] > 'Z')
			return 0;
	return 1;
}

/* "document CBD/COP/15/17, decision 15/4": a decision numbered
 * meeting/number (r, at token i), in a sentence that names a document of
 * the same meeting of a Conference of the Parties (PREFIX/COP/15/…), is
 * that conference's: key "CBD/COP/DEC/15/4", the symbol such a conference
 * gives its decisions. NULL when the sentence names no such document. */
static char *
cop_decision_key(const scan *sc, size_t i, const resnum *r)
{
	size_t lo = i, hi = i;
	while (lo > 0 && !sentence_break(sc, lo - 1))
		lo--;
	while (hi < sc->pt.t.n && !sentence_break(sc, hi))
		hi++;
	for (size_t j = lo; j + 4 < hi; j++) {
		if (tok_upper(sc, j) && tok_punct(sc, j + 1, '/') && tok_is(sc, j + 2, "cop") &&
		    tok_punct(sc, j + 3, '/') && tok_num(sc, j + 4) == r->session &&
		    !sc->pt.t.v[j + 1].space_before && !sc->pt.t.v[j + 4].space_before) {
			const phrase_tok *p = &sc->pt.t.v[j];
			return xasprintf("%.*s/COP/DEC/%s", (int)(p->se - p->so), sc->s + p->so,
					 r->text);
		}
	}
	return NULL;
}

/* A part letter after a number: "A", "B" (upper case, alone). */
static int
part_letter(const scan *sc, size_t j, char *out)
{
	if (j >= sc->pt.t.n || sc->pt.t.v[j].type != PHRASE_WORD || !sc->pt.t.v[j].space_before)
		return 0;
	const phrase_tok *t = &sc->pt.t.v[j];
	if (t->se - t->so != 1 || !isupper((unsigned char)sc->s[t->so]))
		return 0;
	/* "A." would start a sentence; "A)" a sub-item */
	if (tok_punct(sc, j + 1, ')'))
		return 0;
	*out = sc->s[t->so];
	return 1;
}

/* Size of a ref's paragraph text ("3, 4", "6 (b)", "3–5"). */
#define PARA_SIZE 48

/* Appends to para (PARA_SIZE bytes) without overflowing it. */
static void
para_add(char *para, const char *fmt, ...)
{
	size_t l = strlen(para);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(para + l, PARA_SIZE - l, fmt, ap);
	va_end(ap);
}

/* The paragraph part of "paragraph(s) N [(a)] [and|,|to M …] of [the|its|
 * General Assembly|…] resolution" when it starts at the paragraph word pw
 * and runs without a gap up to the head h. Fills para ("15", "6 (b)",
 * "3, 4", "3–5"). Returns 0 when the words between are not only links
 * and organs ("paragraph 4 of section XIV of its resolution": the
 * paragraph of a section or an annex is not the resolution's). */
static int
para_forward(const scan *sc, size_t pw, size_t h, char *para)
{
	size_t j = pw + match_table(sc, pw, &T_PARA, NULL);
	const char *sep = "";
	para[0] = '\0';
	if (tok_punct(sc, j, '.'))
		j++;	/* "para.", "paras." */
	for (;;) {
		long v = tok_num(sc, j);
		if (v < 1 || v > 999 || j >= h)
			return 0;
		char sub[3] = "";
		j++;
		j += parse_sub(sc, j, sub);
		para_add(para, sub[0] ? "%s%ld (%s)" : "%s%ld", sep, v, sub);
		size_t r = match_table(sc, j, &T_RANGE_SEP, NULL);
		if (r && tok_num(sc, j + r) > v) {
			sep = "\xE2\x80\x93";	/* en dash */
			j += r;
			continue;
		}
		size_t s = match_table(sc, j, &T_LIST_SEP, NULL);
		if (s && tok_num(sc, j + s) >= 1) {
			sep = ", ";
			j += s;
			continue;
		}
		break;
	}
	for (int k = 0; k < 6 && j < h; k++) {
		size_t m = match_table(sc, j, &T_PARA_LINK, NULL);
		if (!m)
			m = match_table(sc, j, &T_ORG_BEFORE, NULL);
		if (!m)
			return 0;
		j += m;
	}
	return j == h;
}

/* "paragraph 29 of (the) resolution", "paragraphs 3 and 4 of General
 * Assembly resolution", "пункт 5 резолюции": the nearest paragraph word
 * before the head h whose numbers and links reach h. Returns its token
 * (or h when there is none) and the paragraph text in para (PARA_SIZE
 * bytes; "" when none). */
static size_t
find_para(const scan *sc, size_t h, char *para)
{
	size_t lo = h > 40 ? h - 40 : 0;
	for (size_t pw = h; pw-- > lo;) {
		if (match_table(sc, pw, &T_PARA, NULL) && para_forward(sc, pw, h, para)) {
			if (match_table_before(sc, pw, &T_PARA_NOT, NULL))
				break;
			return pw;
		}
	}
	para[0] = '\0';
	return h;
}

/* "… resolución … titulada “Title”": from head h, find the entitled word
 * within a clause and the quoted title; resolve it through the catalog. */
static int
scan_title(scan *sc, size_t h, size_t hn, int lang, size_t start_tok,
	   const char *para)
{
	size_t j = h + hn, lim = h + hn + 20;
	for (; j < sc->pt.t.n && j < lim; j++) {
		if (tok_punct(sc, j, '.') || tok_punct(sc, j, ';') ||
		    tok_punct(sc, j, '"') || sc->pt.t.v[j].type == PHRASE_NUM)
			return 0;
		if (match_table(sc, j, &T_ENTITLED, NULL))
			break;
	}
	if (j >= sc->pt.t.n || j >= lim)
		return 0;
	j += match_table(sc, j, &T_ENTITLED, NULL);
	if (tok_punct(sc, j, ','))
		j++;
	if (!tok_punct(sc, j, '"') && !tok_punct(sc, j, '\''))
		return 0;
	char q = sc->pt.f[sc->pt.t.v[j].fo];
	size_t open = j++;
	size_t close = open + 1;
	while (close < sc->pt.t.n && !tok_punct(sc, close, q))
		close++;
	if (close >= sc->pt.t.n || close == open + 1)
		return 0;
	size_t ts = sc->pt.t.v[open].se, te = sc->pt.t.v[close].so;
	const char *tl = NULL;
	const catalog_entry *e = catalog_find_title(sc->cat, NULL, sc->s + ts,
						    te - ts, &tl);
	if (!e || (strcmp(e->kind, "resolution") && strcmp(e->kind, "decision")))
		return 0;
	ref_kind kind = strcmp(e->kind, "decision") ? REF_RESOLUTION : REF_DECISION;
	int session = 0;
	const char *p = e->key;
	if (!strncasecmp(p, "A/RES/", 6) || !strncasecmp(p, "A/DEC/", 6))
		session = atoi(p + 6);
	ref *r = emit(sc, kind, sc->pt.t.v[start_tok].so, sc->pt.t.v[close].se,
		      xstrdup(e->key), session, lang);
	r->by_title = 1;
	set_para(sc, r, para);
	return 1;
}

static void
scan_resolutions(scan *sc)
{
	for (size_t i = 0; i < sc->pt.t.n; i++) {
		size_t which = 0;
		size_t h = match_table(sc, i, &T_RES_HEADS, &which);
		if (!h || tok_taken(sc, i))
			continue;
		ref_kind kind = lang_res_heads[which].flag == LANG_DECISION ? REF_DECISION :
				REF_RESOLUTION;
		int lang = lang_res_heads[which].lang;
		char para[PARA_SIZE];
		size_t start = find_para(sc, i, para);
		enum lang_organ before = LANG_ORG_NONE;
		size_t ow = 0;
		size_t ob = match_table_before(sc, i, &T_ORG_BEFORE, &ow);
		if (!ob && i >= 2 && tok_is(sc, i - 1, "s") && tok_punct(sc, i - 2, '\''))
			ob = match_table_before(sc, i - 2, &T_ORG_BEFORE, &ow);
		if (ob)
			before = lang_organ_before[ow].flag;
		if (before == LANG_ORG_COUNCIL)
			before = LANG_ORG_HRC;

		resnum nums[64];
		char parts[64];
		size_t nn = 0, j = i + h;
		enum lang_organ after = LANG_ORG_NONE;
		while (nn < ARRAY_LEN(nums)) {
			size_t u = parse_resnum(sc, j, &nums[nn]);
			if (!u)
				break;
			j += u;
			parts[nn] = 0;
			char pl;
			if (nums[nn].form == 'n' || nums[nn].form == 'e' || nums[nn].form == 'E') {
				if (part_letter(sc, j, &pl)) {
					parts[nn] = pl;
					nums[nn].se = sc->pt.t.v[j].se;
					j++;
				}
			}
			nn++;
			/* more part letters: "36/87 A and B", "A, B and C" */
			while (parts[nn - 1] && nn < ARRAY_LEN(nums)) {
				size_t s = match_table(sc, j, &T_LIST_SEP, NULL);
				if (!s || !part_letter(sc, j + s, &pl))
					break;
				nums[nn] = nums[nn - 1];
				parts[nn] = pl;
				nums[nn].so = sc->pt.t.v[j + s].so;
				nums[nn].se = sc->pt.t.v[j + s].se;
				nn++;
				j += s + 1;
			}
			enum lang_organ oa = organ_after_tok(sc, j);
			if (oa != LANG_ORG_NONE)
				after = oa;
			/* "of 17 December 2021" or Spanish ", de 11 de
			 * septiembre de 2020," */
			size_t c1 = tok_punct(sc, j, ',') ? 1 : 0;
			size_t dl = skip_date(sc, j + c1);
			if (dl)
				j += c1 + dl;
			size_t s = match_table(sc, j, &T_LIST_SEP, NULL);
			resnum probe;
			if (!s || !parse_resnum(sc, j + s, &probe))
				break;
			j += s;
		}
		if (!nn) {
			if (sc->cat)
				scan_title(sc, i, h, lang, start, para);
			continue;
		}
		enum lang_organ org = before != LANG_ORG_NONE ? before :
				 after != LANG_ORG_NONE ? after : sc->organ;
		/* "Commission resolution 1999/47" in a document of the
		 * Commission on Human Rights is its own */
		if (org == LANG_ORG_COMMISSION && sc->organ == LANG_ORG_CHR)
			org = LANG_ORG_CHR;
		for (size_t k = 0; k < nn; k++) {
			resnum *r = &nums[k];
			char *key;
			int session = 0;
			char ptxt[4] = "";
			if (parts[k])
				snprintf(ptxt, sizeof ptxt, " %c", parts[k]);
			switch (r->form) {
			case 'y':
				key = xasprintf("%s%s", kind == REF_DECISION ? "S/DEC/" : "S/RES/", r->text);
				break;
			case 'Y':
				if (org != LANG_ORG_SC)
					continue;	/* "5/2007": not a form we know */
				key = xasprintf("S/RES/%s", r->text);
				break;
			case 'b':
				if (org != LANG_ORG_SC)
					continue;	/* "resolution 1": not ours */
				key = xasprintf("%s%s", organ_prefix(LANG_ORG_SC, kind), r->text);
				break;
			case 'E':
				/* year/number: ECOSOC's, or the Commission on
				 * Human Rights' when it is named; another
				 * commission's is not guessed */
				if (org == LANG_ORG_COMMISSION)
					continue;
				key = xasprintf("%s%s%s", organ_prefix(org == LANG_ORG_CHR ? LANG_ORG_CHR : LANG_ORG_ECOSOC,
								       kind), r->text, ptxt);
				break;
			case 'r':
				if (org == LANG_ORG_CHR || org == LANG_ORG_COMMISSION)
					continue;	/* a commission's "2 (XXIII)" */
				key = xasprintf("%s%s", organ_prefix(org == LANG_ORG_ECOSOC ? LANG_ORG_ECOSOC : LANG_ORG_GA, kind), r->text);
				break;
			case 'e':
				key = xasprintf("%s%s%s", organ_prefix(org == LANG_ORG_HRC ? LANG_ORG_HRC : LANG_ORG_GA, kind), r->text, ptxt);
				break;
			default: {
				enum lang_organ o = org == LANG_ORG_SC ? LANG_ORG_GA : org;
				if (o == LANG_ORG_CHR || o == LANG_ORG_COMMISSION)
					continue;	/* commissions number by year */
				/* GA resolutions were "3263 (XXIX)" until the
				 * 30th session; GA decisions are numbered from
				 * 401. Other numbers are another organ's. */
				if (o == LANG_ORG_GA && ((kind == REF_RESOLUTION && r->session < 31) ||
						    (kind == REF_DECISION && r->number < 401))) {
					o = organ_in_sentence(sc, i);
					if (o == LANG_ORG_GA || o == LANG_ORG_SC || o == LANG_ORG_NONE ||
					    o == LANG_ORG_CHR || o == LANG_ORG_COMMISSION) {
						/* whose it is is not guessed */
						key = kind == REF_DECISION ?
						      cop_decision_key(sc, i, r) : NULL;
						if (!key)
							continue;
						break;
					}
				}
				key = xasprintf("%s%s%s", organ_prefix(o, kind), r->text, ptxt);
				if (o == LANG_ORG_GA)
					session = r->session;
				break;
			}
			}
			size_t so = k == 0 ? sc->pt.t.v[start].so : r->so;
			ref *rf = emit(sc, kind, so, r->se, key, session, lang);
			if (k == 0)
				set_para(sc, rf, para);
		}
		i = j > i ? j - 1 : i;
	}
}

/* ---- symbols ---- */

static int
is_dash_at(const char *s, size_t n, size_t i, size_t *dl)
{
	if (i < n && s[i] == '-') {
		*dl = 1;
		return 1;
	}
	/* en dash U+2013, em dash U+2014 */
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
		*dl = 3;
		return 1;
	}
	return 0;
}

/* Whether the symbol at s[i, end) is the document's own symbol on a line
 * of its own (with a page number at most): the running header, which is
 * no reference to the document itself. */
static int
own_header(const scan *sc, size_t i, size_t end, const char *key)
{
	if (!symbol_same(key, sc->d->meta.symbol))
		return 0;
	const char *s = sc->s;
	size_t a = i, b = end;
	while (a > 0 && s[a - 1] != '\n')
		a--;
	while (b < sc->slen && s[b] != '\n')
		b++;
	/* the rest of the line: digits, spaces, marks, a page word */
	for (size_t k = a; k < b; k++) {
		if (k == i) {
			k = end - 1;
			continue;
		}
		size_t m = lang_prefix_any(s + k, b - k, lang_page_words, NULL);
		if (m) {
			k += m - 1;
			continue;
		}
		unsigned char c = (unsigned char)s[k];
		if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			return 0;
	}
	return 1;
}

static void
scan_symbols(scan *sc)
{
	const char *s = sc->s;
	size_t n = sc->slen;
	size_t glued = (size_t)-1;	/* where the last symbol ended */
	for (size_t i = 0; i < n; i++) {
		/* right after a symbol: a second one glued to it */
		size_t l = symbol_scan(s, n, i, i != glued);
		if (!l)
			continue;
		size_t end = i + l, dl = 0;
		char one[128];
		symbol_key(s + i, l, one, sizeof one);
		buf key;
		buf_init(&key);
		buf_adds(&key, one);
		/* S/RES/1325 (2000) */
		if (l > 6 && !strncmp(s + i, "S/RES/", 6) && end + 7 <= n &&
		    s[end] == ' ' && s[end + 1] == '(' && isdigit((unsigned char)s[end + 2]) &&
		    isdigit((unsigned char)s[end + 5]) && s[end + 6] == ')') {
			buf_add(&key, s + end, 7);
			end += 7;
		}
		/* joint symbol: A/74/896–S/2020/532 */
		if (is_dash_at(s, n, end, &dl)) {
			size_t l2 = symbol_scan(s, n, end + dl, 0);
			if (l2) {
				char two[128];
				symbol_key(s + end + dl, l2, two, sizeof two);
				buf_adds(&key, "\xE2\x80\x93");
				buf_adds(&key, two);
				end += dl + l2;
			}
		}
		memset(sc->taken + i, 1, end - i);
		glued = end;
		if (own_header(sc, i, end, key.s)) {
			buf_clear(&key);
			i = end - 1;
			continue;
		}
		ref *r = emit(sc, REF_SYMBOL, i, end, buf_take(&key), 0, L_ANY);
		symbol_parts sp;
		if (symbol_parse(one, strlen(one), &sp)) {
			r->session = sp.session;
			memcpy(r->qualifiers, sp.qualifiers, sizeof r->qualifiers);
		}
		i = end - 1;
	}
}

/* ---- session of the document ---- */

static enum lang_organ
doc_organ(const doc *d)
{
	const char *s = d->meta.symbol;
	if (!s)
		return LANG_ORG_GA;
	if (!strncmp(s, "A/HRC/", 6))
		return LANG_ORG_HRC;
	if (!strncmp(s, "E/CN.4/", 7))
		return LANG_ORG_CHR;
	if (!strncmp(s, "E/", 2))
		return LANG_ORG_ECOSOC;
	if (!strncmp(s, "S/", 2))
		return LANG_ORG_SC;
	return LANG_ORG_GA;
}

/* Prepares sc for block b (fold and tokens). */
static void
scan_block_init(scan *sc, size_t b)
{
	const node *nd = sc->d->blocks[b];
	sc->block = b;
	sc->s = node_text(sc->d, nd);
	sc->slen = nd->len;
	sc->base = nd->off;
	phrase_text_set(&sc->pt, sc->s, sc->slen);
}

static void
scan_fini(scan *sc)
{
	phrase_text_clear(&sc->pt);
	free(sc->taken);
}

int
refs_doc_session(const doc *d)
{
	return session_of_doc(d);
}

/* The agenda items of the masthead, which the parser keeps in
 * meta.agenda ("98", "99 (k)") rather than in a block. */
static void
meta_agenda(scan *sc)
{
	const doc_meta *m = &sc->d->meta;
	for (size_t i = 0; i < m->nagenda; i++) {
		agenda_item it;
		if (!agenda_item_parse(m->agenda[i], &it))
			continue;
		char sess[32];
		if (sc->organ == LANG_ORG_HRC)
			snprintf(sess, sizeof sess, "A/HRC");
		else if (sc->session > 0)
			snprintf(sess, sizeof sess, "A/%d", sc->session);
		else
			snprintf(sess, sizeof sess, "A/?");
		char *key = agenda_key(sess, AG_ADOPTED, it.number, it.sub);
		ref *r = emit(sc, REF_AGENDA, 0, 0, key,
			      sc->organ == LANG_ORG_HRC ? 0 : sc->session, L_ANY);
		r->block = REFS_META;
		r->off = 0;
		r->meta_index = i;
		agenda_parts(r, sess, AG_ADOPTED, it.number, it.sub);
	}
}


/* Every reference has a digit (numbers, symbols) or a quoted title: a
 * block with neither is not folded at all (most prose of a long text). */
static int
may_refer(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if ((c >= '0' && c <= '9') || c == '"' || c == '\'')
			return 1;
		if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		    p[i + 2] >= 0x98 && p[i + 2] <= 0x9F)
			return 1;	/* ‘ ’ ‚ ‛ “ ” „ ‟ */
		if (c == 0xC2 && i + 1 < n && (p[i + 1] == 0xAB || p[i + 1] == 0xBB))
			return 1;	/* « » */
	}
	return 0;
}

ref_list *
refs_find(const doc *d, const catalog *c)
{
	ref_list *l = xcalloc(1, sizeof *l);
	scan sc;
	tables_init();
	memset(&sc, 0, sizeof sc);
	sc.d = d;
	sc.cat = c;
	sc.out = l;
	sc.lang = d->meta.lang;
	sc.organ = doc_organ(d);
	sc.session = session_of_doc(d);
	l->session = sc.session;
	meta_agenda(&sc);
	for (size_t b = 0; b < d->nblocks; b++) {
		const node *nd = d->blocks[b];
		if (!nd->len || !may_refer(node_text(d, nd), nd->len))
			continue;
		scan_block_init(&sc, b);
		sc.taken = xrealloc(sc.taken, sc.slen + 1);
		memset(sc.taken, 0, sc.slen + 1);
		size_t first = l->n;
		scan_symbols(&sc);
		scan_agenda(&sc);
		scan_resolutions(&sc);
		/* reading order within the block: symbols, agenda items and
		 * resolutions were found in three passes; a stable insertion
		 * sort by offset keeps a range's items in order */
		for (size_t k = first + 1; k < l->n; k++) {
			ref tmp = l->items[k];
			size_t m = k;
			while (m > first && l->items[m - 1].off > tmp.off) {
				l->items[m] = l->items[m - 1];
				m--;
			}
			l->items[m] = tmp;
		}
	}
	scan_fini(&sc);
	return l;
}

void
refs_free(ref_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].para);
	}
	free(l->items);
	free(l);
}

size_t
refs_first_in_block(const ref_list *l, size_t b)
{
	/* REFS_META entries come first and compare as "before block 0" */
	size_t lo = 0, hi = l->n;
	while (lo < l->n && l->items[lo].block == REFS_META)
		lo++;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->items[mid].block < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *
refs_kind_name(ref_kind k)
{
	static const char *const names[REF_KIND_COUNT] = {
		"agenda-item", "resolution", "decision", "symbol",
	};
	return k < REF_KIND_COUNT ? names[k] : "?";
}
