/* cite: citations both ways, in the document's language. cite_format
 * writes the citation of a node ("Anexo, párr. 8", "Annex, art. 12,
 * para. 1 (b)", "preambular para. 2"); cite_find reads one, as typed at a
 * "go to" prompt, in any language; cite_of_path words a node path that
 * may no longer exist (an orphaned note's); cite_crumb is the step of a
 * node in a breadcrumb. The words are lang.c's tables; what cite_format
 * writes, cite_find reads back to the same node (tests/unit/test_parse.c
 * checks every clause of the corpus conventions). cite_find reads the
 * text folded (fold.h: case, accents, typography), against the table
 * words folded alike, a word's closing period and the commas being
 * optional: "anexo parr 8" is "Anexo, párr. 8". */
#include <build-config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "un/cite.h"
#include "un/lang.h"
#include "util.h"

/* ---- writing ---- */

char *
cite_format(const doc *d, const node *nd)
{
	const lang_words *w = lang_get(d->meta.lang);
	buf b;
	buf_init(&b);
	buf_adds(&b, "");
	/* the top container names the part; the clause path follows */
	const node *chain[64];
	size_t n = doc_breadcrumb(nd, chain, 64);
	const node *top = n ? chain[0] : NULL;
	if (top && top->kind == NODE_ANNEX) {
		buf_adds(&b, w->cite_annex);
		if (top->number && *top->number) {
			buf_addc(&b, ' ');
			buf_adds(&b, top->cite);
		}
	} else if (top && top->kind == NODE_LETTER) {
		buf_adds(&b, w->cite_letter);
	} else if (d->meta.symbol) {
		buf_adds(&b, d->meta.symbol);
	}
	/* an annex inside the annexed text (a convention's own annex):
	 * "Annex, Annex, art. 2" is not the convention's "Annex, art. 2" */
	for (size_t i = 1; i < n; i++)
		if (chain[i]->kind == NODE_ANNEX) {
			buf_adds(&b, ", ");
			buf_adds(&b, w->cite_annex);
			if (chain[i]->number && *chain[i]->number) {
				buf_addc(&b, ' ');
				buf_adds(&b, chain[i]->cite);
			}
		}
	/* the innermost unit of a legal text: an article or rule (numbered
	 * through the whole text, so the chapter above it is not needed),
	 * else the chapter or part being cited */
	const node *unit = NULL;
	for (size_t i = 0; i < n; i++) {
		node_unit u = chain[i]->unit;
		if (u == UNIT_ARTICLE || u == UNIT_RULE)
			unit = chain[i];
	}
	if (!unit && nd->kind == NODE_SECTION && lang_unit_word(w, nd->unit))
		unit = nd;
	if (unit && unit->cite) {
		if (b.len)
			buf_adds(&b, ", ");
		buf_adds(&b, lang_unit_word(w, unit->unit));
		buf_addc(&b, ' ');
		buf_adds(&b, unit->cite);
	}
	/* the innermost paragraph, then the sub-items inside it */
	const node *para = NULL;
	for (size_t i = 0; i < n; i++)
		if (chain[i]->kind == NODE_PARAGRAPH)
			para = chain[i];
	const char *word = NULL;
	const char *num = NULL;
	if (para && para->unit == UNIT_PREAMBLE && para->cite) {
		const char *c = para->cite;
		while (*c && !(*c >= '0' && *c <= '9'))
			c++;
		if (b.len)
			buf_adds(&b, ", ");
		/* the table's "%s" is the number (no format from data) */
		const char *at = strstr(w->cite_preamble, "%s");
		if (at) {
			buf_add(&b, w->cite_preamble, (size_t)(at - w->cite_preamble));
			buf_adds(&b, c);
			buf_adds(&b, at + 2);
		} else {
			buf_adds(&b, w->cite_preamble);
		}
		for (size_t i = 0; i < n; i++)
			if (chain[i]->kind == NODE_SUBITEM && chain[i]->cite)
				buf_printf(&b, " (%s)", chain[i]->cite);
		return buf_take(&b);
	}
	if (para && para->cite && *para->cite) {
		word = w->cite_para;
		num = para->cite;
	} else if (para) {
		/* an unnumbered clause among numbered ones: the part cites it */
		para = NULL;
	} else if (unit) {
		/* the unit said it */
	} else if (nd->kind == NODE_SECTION) {
		/* "sect. III.A": the sections above it too, as the UN
		 * cites a section inside another */
		if (b.len)
			buf_adds(&b, ", ");
		buf_adds(&b, w->cite_section);
		buf_addc(&b, ' ');
		int first = 1;
		for (size_t i = 0; i < n; i++)
			if (chain[i]->kind == NODE_SECTION && chain[i]->unit == UNIT_NONE &&
			    chain[i]->cite) {
				if (!first)
					buf_addc(&b, '.');
				buf_adds(&b, chain[i]->cite);
				first = 0;
			}
		return buf_take(&b);
	} else if (nd->kind == NODE_FOOTNOTE) {
		word = w->cite_footnote;
		num = nd->cite;
	} else if (nd->kind == NODE_SIGNATURE) {
		word = w->cite_sig;
	} else if (nd->kind == NODE_NOTE) {
		word = w->cite_note;
		num = nd->cite;
	}
	if (word) {
		if (b.len)
			buf_adds(&b, ", ");
		buf_adds(&b, word);
		if (num && *num) {
			buf_addc(&b, ' ');
			buf_adds(&b, num);
		}
		if (para) {
			for (size_t i = 0; i < n; i++)
				if (chain[i]->kind == NODE_SUBITEM && chain[i]->cite)
					buf_printf(&b, " (%s)", chain[i]->cite);
		}
	}
	if (!b.len)
		buf_adds(&b, nd->label ? nd->label : "");
	return buf_take(&b);
}

/* ---- node paths (an orphan's) ---- */

/* s[0, n) without prefix when it is prefix and a number (digits, then
 * what a cite may add: "8bis"); else NULL. */
static const char *
after_prefix(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	if (n <= k || strncmp(s, prefix, k) != 0 || s[k] < '0' || s[k] > '9')
		return NULL;
	return s + k;
}

/* Sets *clause from one path step below the top, s[0, n) of path, the way
 * cite_format words a node (parse.c's id_prefix names the steps): "p8",
 * "pp3" paragraphs, "s2" sections, "fn1" footnotes, "note1" and "sig"
 * replace the clause; any other step but "decl" and a heading "h4" is a
 * sub-item, "(a)" after a paragraph. The number is the node's cite when d
 * still has a node at that path, else the one in the step (a "_2" that
 * made an id unique dropped). */
static void
path_step(const doc *d, const lang_words *w, const char *path, const char *s, size_t n,
	  buf *clause, int *in_para)
{
	char *here = xstrndup(path, (size_t)(s - path) + n);
	const node *nd = doc_find_path(d, here);
	free(here);
	const char *u = memchr(s, '_', n);
	size_t idn = u ? (size_t)(u - s) : n;
	const char *word = NULL, *num = NULL;
	int para = 0;
	if (!idn || (idn == 4 && !strncmp(s, "decl", 4)) || after_prefix(s, idn, "h"))
		return;
	if (after_prefix(s, idn, "pp"))
		word = w->cite_para, num = s, para = 1;
	else if ((num = after_prefix(s, idn, "p")))
		word = w->cite_para, para = 1;
	else if ((num = after_prefix(s, idn, "s")))
		word = w->cite_section;
	else if ((num = after_prefix(s, idn, "fn")))
		word = w->cite_footnote;
	else if ((num = after_prefix(s, idn, "note")))
		word = w->cite_note;
	else if (!strncmp(s, "sig", 3) && (idn == 3 || after_prefix(s, idn, "sig")))
		word = w->cite_sig;
	size_t num_len = num ? idn - (size_t)(num - s) : 0;
	if (nd && nd->cite && *nd->cite && (num || !word))
		num = nd->cite, num_len = strlen(nd->cite);
	if (!word) {	/* a sub-item */
		if (*in_para)
			buf_printf(clause, " (%.*s)", (int)(num ? num_len : idn), num ? num : s);
		return;
	}
	clause->len = 0;
	buf_adds(clause, word);
	if (num)
		buf_printf(clause, " %.*s", (int)num_len, num);
	*in_para = para;
}

char *
cite_of_path(const doc *d, const char *path)
{
	if (!path || !*path)
		return xstrdup("—");
	const lang_words *w = lang_get(d->meta.lang);
	buf b, clause;
	buf_init(&b);
	buf_init(&clause);
	int in_para = 0;
	const char *slash = strchr(path, '/');
	size_t top_len = slash ? (size_t)(slash - path) : strlen(path);
	char *top = xstrndup(path, top_len);
	const node *nd = doc_find_path(d, top);
	if (nd && (nd->kind == NODE_ANNEX || nd->kind == NODE_LETTER)) {
		char *c = cite_format(d, nd);	/* "Anexo I", as d cites it */
		buf_adds(&b, c);
		free(c);
	} else if (!strncmp(top, "annex", 5)) {
		buf_adds(&b, w->cite_annex);
		if (after_prefix(top, top_len, "annex") && strcmp(top, "annex1") != 0)
			buf_printf(&b, " %s", top + 5);
	} else if (!strncmp(top, "letter", 6)) {
		buf_adds(&b, w->cite_letter);
	} else {
		if (d->meta.symbol)
			buf_adds(&b, d->meta.symbol);
		path_step(d, w, path, path, top_len, &clause, &in_para);
	}
	free(top);
	for (const char *p = slash; p && *p;) {
		p++;
		const char *e = strchr(p, '/');
		path_step(d, w, path, p, e ? (size_t)(e - p) : strlen(p), &clause, &in_para);
		p = e;
	}
	if (clause.len)
		buf_printf(&b, "%s%.*s", b.len ? ", " : "", (int)clause.len, clause.s);
	buf_clear(&clause);
	if (!b.len)
		buf_adds(&b, path);
	return buf_take(&b);
}

/* ---- a breadcrumb's step ---- */

char *
cite_crumb(const doc *d, const node *c)
{
	const lang_words *w = lang_get(d->meta.lang);
	const char *num = c->number && *c->number ? c->number : c->cite;
	switch (c->kind) {
	case NODE_LETTER:
		return xstrdup(w->cite_letter);
	case NODE_ANNEX:
		if (c->number && *c->number)
			return xasprintf("%s %s", w->cite_annex, c->number);
		return xstrdup(w->cite_annex);
	case NODE_PARAGRAPH:
	case NODE_SUBITEM:
	case NODE_FOOTNOTE:
		return num && *num ? xstrdup(num) : NULL;
	case NODE_SIGNATURE:
		return xstrdup(w->cite_sig);
	case NODE_SECTION:	/* numbered: "II"; else its heading's line */
	case NODE_HEADING:	/* "78/237": the title is the name's */
		return c->number && *c->number ? xstrdup(c->number) : NULL;
	default:
		return NULL;
	}
}

/* ---- reading ---- */

/* One step of a citation: a unit word (or none: any clause) and a key. */
typedef struct cite_step {
	int unit;		/* a node_unit; -1: no word; UNIT_NONE: "para." */
	int sub;		/* "(a)": a sub-item */
	char key[24];		/* "12", "II", "a", "pp2" */
} cite_step;

static int
key_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The words of lang_cite_words folded (fold.h), as the text read is:
 * made on first use, kept for the run. */
static const char *const *
cite_words_folded(void)
{
	static char **folded;
	if (!folded) {
		size_t n = 0;
		while (lang_cite_words[n].word)
			n++;
		folded = xcalloc(n + 1, sizeof *folded);
		for (size_t k = 0; k < n; k++)
			folded[k] = fold_str(lang_cite_words[k].word,
					     strlen(lang_cite_words[k].word), FOLD_ALL, NULL);
	}
	return (const char *const *)folded;
}

/* The bytes of folded word w at s[0, n) (folded text), its closing period
 * optional ("parr 8" reads as "párr. 8"); 0 when it is not there. */
static size_t
word_at(const char *s, size_t n, const char *w)
{
	size_t m = lang_prefix(s, n, w);
	size_t wl = strlen(w);
	if (m || wl < 2 || w[wl - 1] != '.' || wl > 64)
		return m;
	char base[64];
	memcpy(base, w, wl - 1);
	base[wl - 1] = '\0';
	m = lang_prefix(s, n, base);
	/* the word ends here: "п" is not the start of "пункт" */
	if (m && m < n && (key_char(s[m]) || (unsigned char)s[m] >= 0x80))
		return 0;
	return m;
}

/* Which word of lang_cite_words starts s[0, n) (folded): its index, the
 * bytes in *len; -1 (and *len 0) for none. */
static int
cite_word_at(const char *s, size_t n, size_t *len)
{
	const char *const *fw = cite_words_folded();
	for (size_t k = 0; fw[k]; k++)
		if ((*len = word_at(s, n, fw[k])))
			return (int)k;
	*len = 0;
	return -1;
}

/* A word of a language's list (annex, letter: lang.c) at s[0, n), both
 * folded: its bytes, or 0. */
static size_t
list_word_at(const char *s, size_t n, const char *const *list)
{
	size_t m = 0;
	for (size_t k = 0; list && list[k] && !m; k++) {
		char *f = fold_str(list[k], strlen(list[k]), FOLD_ALL, NULL);
		m = word_at(s, n, f);
		free(f);
	}
	return m;
}

/* A unit word glued to its number ("op12", "pp3", "art12"): the word's
 * index in lang_cite_words and the bytes of its letters, or -1. */
static int
glued_word_at(const char *s, size_t n, size_t *len)
{
	size_t e = 0;
	while (e < n && ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z')))
		e++;
	*len = e;
	if (e == 0 || e >= n || !(s[e] >= '0' && s[e] <= '9'))
		return -1;
	const char *const *fw = cite_words_folded();
	for (size_t k = 0; fw[k]; k++) {
		size_t wl = strlen(fw[k]);
		if (wl && fw[k][wl - 1] == '.')
			wl--;
		if (wl == e && !strncasecmp(fw[k], s, e))
			return (int)k;
	}
	return -1;
}

/* Splits "art. 12, para. 1 (b)" into steps; returns how many (0: none
 * could be read). */
static size_t
cite_steps(const char *s, cite_step *st, size_t max)
{
	size_t n = 0, len = strlen(s), i = 0;
	int unit = -1;
	while (i < len && n < max) {
		char c = s[i];
		if (c == ' ' || c == ',' || c == ';' || c == '\t') {
			i++;
			continue;
		}
		if (c == '(') {
			size_t k = i + 1, e = k;
			while (e < len && key_char(s[e]) && e - k < sizeof st->key - 1)
				e++;
			if (e == k || e >= len || s[e] != ')')
				return 0;
			st[n].unit = -1;
			st[n].sub = 1;
			memcpy(st[n].key, s + k, e - k);
			st[n].key[e - k] = '\0';
			n++;
			unit = -1;
			i = e + 1;
			continue;
		}
		if (key_char(c)) {
			/* a word of the unit table, else a key ("12", "II", "pp2",
			 * "12." with its period) */
			size_t wl = 0;
			int which = cite_word_at(s + i, len - i, &wl);
			if (which >= 0 && (i + wl >= len || !key_char(s[i + wl]))) {
				unit = (int)lang_cite_words[which].unit;
				i += wl;
				continue;
			}
			if ((which = glued_word_at(s + i, len - i, &wl)) >= 0) {
				unit = (int)lang_cite_words[which].unit;	/* "op12" */
				i += wl;
				continue;
			}
			size_t e = i;
			while (e < len && key_char(s[e]) && e - i < sizeof st->key - 1)
				e++;
			if (e == i)
				return 0;
			st[n].unit = unit;
			st[n].sub = 0;
			memcpy(st[n].key, s + i, e - i);
			st[n].key[e - i] = '\0';
			n++;
			/* "sect. III.A": the next key names a section too */
			unit = unit == UNIT_SECTION && e + 1 < len && s[e] == '.' &&
			       key_char(s[e + 1]) ? UNIT_SECTION : -1;
			i = e;
			if (i < len && s[i] == '.')
				i++;	/* "8." */
			continue;
		}
		/* a word of another script ("ст.", "п."), or none */
		size_t wl = 0;
		int which = cite_word_at(s + i, len - i, &wl);
		if (which < 0)
			return 0;
		unit = (int)lang_cite_words[which].unit;
		i += wl;
	}
	return n;
}

static int
same_key(const char *a, const char *b)
{
	return a && strcasecmp(a, b) == 0;
}

/* Does nd answer step st? */
static int
cite_matches(const node *nd, const cite_step *st, int units_only)
{
	if (st->sub)
		return nd->kind == NODE_SUBITEM && same_key(nd->cite, st->key);
	if (st->unit == UNIT_PREAMBLE) {
		if (nd->unit != UNIT_PREAMBLE || !nd->cite)
			return 0;
		const char *k = st->key, *c = nd->cite + 2;
		if (!strncasecmp(k, "pp", 2))
			k += 2;
		return !strcmp(k, c);
	}
	if (st->unit == UNIT_SECTION)	/* "sect. II": "II." or "Section 2" */
		return nd->kind == NODE_SECTION && (nd->unit == UNIT_NONE ||
						    nd->unit == UNIT_SECTION) &&
		       same_key(nd->cite, st->key);
	if (st->unit > UNIT_NONE)
		return nd->kind == NODE_SECTION && (int)nd->unit == st->unit &&
		       same_key(nd->cite, st->key);
	if (units_only)
		return nd->kind == NODE_SECTION &&
		       (nd->unit == UNIT_ARTICLE || nd->unit == UNIT_RULE) &&
		       same_key(nd->cite, st->key);
	if (nd->kind != NODE_PARAGRAPH && !(st->unit < 0 && nd->kind == NODE_SECTION))
		return 0;
	if (same_key(nd->cite, st->key))
		return 1;
	if (nd->number) {
		/* the printed number without its punctuation: "8." "Item 5" */
		char a[24];
		size_t k = 0;
		const char *num = nd->number;
		const char *sp = strrchr(num, ' ');
		for (num = sp ? sp + 1 : num; *num && k + 1 < sizeof a; num++)
			if (key_char(*num))
				a[k++] = *num;
		a[k] = '\0';
		return k && !strcasecmp(a, st->key);
	}
	return 0;
}

/* The first node in [lo, hi) of d->nodes (pre-order) answering st. */
static node *
cite_scan(const doc *d, size_t lo, size_t hi, const cite_step *st, int units_only)
{
	for (size_t i = lo; i < hi && i < d->nnodes; i++)
		if (cite_matches(d->nodes[i], st, units_only))
			return d->nodes[i];
	return NULL;
}

/* The pre-order range of nd's subtree. */
static size_t
subtree_end(const doc *d, const node *nd)
{
	while (nd->parent && nd == nd->parent->kids[nd->parent->nkids - 1])
		nd = nd->parent;
	if (!nd->parent)
		return d->nnodes;
	const node *next = NULL;
	for (size_t i = 0; i + 1 < nd->parent->nkids; i++)
		if (nd->parent->kids[i] == nd)
			next = nd->parent->kids[i + 1];
	return next ? next->index : d->nnodes;
}

static node *find_folded(const doc *d, const node *from, const char *text);

node *
cite_find(const doc *d, const node *from, const char *text)
{
	if (!d || !text || !d->nnodes)
		return NULL;
	while (*text == ' ')
		text++;
	node *nd = doc_find_path(d, text);
	if (nd && nd != d->root)
		return nd;
	char *folded = fold_str(text, strlen(text), FOLD_ALL, NULL);
	nd = find_folded(d, from ? from : d->root, folded);
	free(folded);
	return nd;
}

/* cite_find on the folded text. */
static node *
find_folded(const doc *d, const node *from, const char *text)
{
	node *nd;
	/* the part named first, as cite_format writes it: "Annex II, …",
	 * "Anexo, …", "Letter, …", the document's symbol */
	const node *named = NULL;
	size_t len = strlen(text), at = 0;
	if (d->meta.symbol && !strncasecmp(text, d->meta.symbol, strlen(d->meta.symbol)))
		at = strlen(d->meta.symbol), named = d->root;
	const lang_words *const *all = lang_all();
	for (size_t l = 0; all[l] && !at; l++) {
		const char *const cite_annex[] = { all[l]->cite_annex, NULL };
		size_t w = list_word_at(text, len, all[l]->annex);
		if (!w)
			w = list_word_at(text, len, cite_annex);
		if (w) {
			size_t k = w, wl;
			while (k < len && text[k] == ' ')
				k++;
			size_t e = k;
			while (e < len && key_char(text[e]))
				e++;
			if (cite_word_at(text + k, len - k, &wl) >= 0)
				e = k;	/* "anexo parr 8": no annex number */
			for (size_t i = 0; i < d->root->nkids && !named; i++) {
				const node *a = d->root->kids[i];
				if (a->kind == NODE_ANNEX &&
				    (e == k ? 1 : (a->cite && strlen(a->cite) == e - k &&
						   !strncasecmp(a->cite, text + k, e - k))))
					named = a;
			}
			at = e;
			break;
		}
		const char *const cite_letter[] = { all[l]->cite_letter, NULL };
		if ((w = list_word_at(text, len, cite_letter))) {
			for (size_t i = 0; i < d->root->nkids && !named; i++)
				if (d->root->kids[i]->kind == NODE_LETTER)
					named = d->root->kids[i];
			at = w;
			break;
		}
	}
	if (at && !named)
		return NULL;
	while (at < len && (text[at] == ',' || text[at] == ' '))
		at++;
	/* "Annex, Annex, art. 2": an annex inside the one named (the
	 * annexed convention's own annex), as cite_format writes it */
	while (named && named != d->root && at < len) {
		size_t w = 0, wl;
		for (size_t l = 0; all[l] && !w; l++) {
			const char *const cite_annex[] = { all[l]->cite_annex, NULL };
			w = list_word_at(text + at, len - at, all[l]->annex);
			if (!w)
				w = list_word_at(text + at, len - at, cite_annex);
		}
		if (!w)
			break;
		size_t k = at + w;
		while (k < len && text[k] == ' ')
			k++;
		size_t e = k;
		while (e < len && key_char(text[e]))
			e++;
		if (cite_word_at(text + k, len - k, &wl) >= 0)
			e = k;
		const node *in = NULL;
		for (size_t i = named->index + 1, hi = subtree_end(d, named); i < hi && !in; i++) {
			const node *a = d->nodes[i];
			if (a->kind == NODE_ANNEX &&
			    (e == k ? 1 : (a->cite && strlen(a->cite) == e - k &&
					   !strncasecmp(a->cite, text + k, e - k))))
				in = a;
		}
		if (!in)
			return NULL;
		named = in;
		at = e;
		while (at < len && (text[at] == ',' || text[at] == ' '))
			at++;
	}
	if (named && at == len)
		return named == d->root ? NULL : (node *)named;
	cite_step st[8];
	size_t n = cite_steps(text + at, st, 8);
	if (!n)
		return NULL;
	/* the part being read: the letter or annex holding from, else the
	 * whole document */
	const node *part = named ? named : from;
	while (!named && part->parent && part->parent != d->root &&
	       part->kind != NODE_ANNEX)
		part = part->parent;
	if (part->kind != NODE_LETTER && part->kind != NODE_ANNEX)
		part = d->root;
	if (named)
		from = part;
	size_t plo = part->index, phi = subtree_end(d, part);
	const cite_step *s0 = &st[0];
	nd = NULL;
	if (s0->unit < 0 && !s0->sub && from->parent) {
		/* a bare number: a clause beside the one being read */
		const node *par = from->kind == NODE_PARAGRAPH || from->kind == NODE_SUBITEM ||
				  from->kind == NODE_HEADING || from->kind == NODE_NOTE ?
				  from->parent : from;
		while (par->kind == NODE_SUBITEM || par->kind == NODE_PARAGRAPH)
			par = par->parent;
		for (size_t i = 0; i < par->nkids && !nd; i++)
			if (cite_matches(par->kids[i], s0, 0) &&
			    par->kids[i]->kind == NODE_PARAGRAPH)
				nd = par->kids[i];
		if (!nd)
			nd = cite_scan(d, plo, phi, s0, 1);
	}
	if (!nd)
		nd = cite_scan(d, plo, phi, s0, 0);
	if (!nd && !named)
		nd = cite_scan(d, 0, d->nnodes, s0, 0);
	if (!nd && !named && s0->unit < 0 && !s0->sub)
		nd = cite_scan(d, 0, d->nnodes, s0, 1);
	/* the rest inside it: "art. 12, para. 1 (b)" */
	for (size_t k = 1; nd && k < n; k++) {
		cite_step sk = st[k];
		if (sk.unit < 0 && !sk.sub)
			sk.unit = UNIT_NONE;
		node *in = nd;
		nd = NULL;
		/* a child first: "para. 1 (i)" is not "para. 1 (c) (i)" */
		for (size_t i = 0; i < in->nkids && !nd; i++)
			if (cite_matches(in->kids[i], &sk, 0))
				nd = in->kids[i];
		if (!nd)
			nd = cite_scan(d, in->index + 1, subtree_end(d, in), &sk, 0);
		if (!nd && sk.sub) {
			/* "art. 40 (3) (a)": a paragraph in parentheses */
			sk.sub = 0;
			sk.unit = UNIT_NONE;
			nd = cite_scan(d, in->index + 1, subtree_end(d, in), &sk, 0);
		}
	}
	return nd;
}
