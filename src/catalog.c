/* catalog: INI catalogs of agenda items and resolutions (see catalog.h).
 *
 * A catalog file is read through config_ini_load (config.h), the one INI
 * front end: errors name the file and line, a BOM is accepted as in config
 * and themes. Its items (iniparser's values, in file order) are walked
 * once, grouped by section, so a long catalog loads in O(n log n) (lookups
 * in iniparser's dictionary are linear each); a section written twice is
 * merged and a key set twice keeps its last value, as iniparser does.
 *
 * Invariants: entries are unique by key (ASCII case-insensitive); every
 * entry has a kind. Title folds are computed once per entry and language. */
#include <build-config.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "catalog.h"
#include "config.h"
#include "fold.h"
#include "paths.h"
#include "text.h"
#include "util.h"


const char *const catalog_langs[CATALOG_NLANGS] = {
	"en", "es", "fr", "ru", "zh", "ar",
};

struct catalog {
	catalog_entry *items;
	char *(*folds)[CATALOG_NLANGS];	/* folded titles, parallel */
	size_t n, cap;
};

catalog *
catalog_new(void)
{
	return xcalloc(1, sizeof(catalog));
}

static void
entry_clear(catalog_entry *e)
{
	free(e->key);
	free(e->kind);
	for (int i = 0; i < CATALOG_NLANGS; i++) {
		free(e->title[i]);
		free(e->title_source[i]);
	}
	free(e->date);
	free(e->source);
	free(e->file);
	for (size_t i = 0; i < e->npara; i++) {
		free(e->para_keys[i]);
		free(e->para_vals[i]);
	}
	free(e->para_keys);
	free(e->para_vals);
}

void
catalog_free(catalog *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		entry_clear(&c->items[i]);
		for (int l = 0; l < CATALOG_NLANGS; l++)
			free(c->folds[i][l]);
	}
	free(c->items);
	free(c->folds);
	free(c);
}

size_t
catalog_count(const catalog *c)
{
	return c ? c->n : 0;
}

const catalog_entry *
catalog_entry_at(const catalog *c, size_t i)
{
	return c && i < c->n ? &c->items[i] : NULL;
}

static int
lang_index(const char *lang)
{
	for (int i = 0; lang && i < CATALOG_NLANGS; i++)
		if (strcmp(lang, catalog_langs[i]) == 0)
			return i;
	return -1;
}

static catalog_entry *
find_mut(const catalog *c, const char *key)
{
	for (size_t i = 0; c && i < c->n; i++)
		if (strcasecmp(c->items[i].key, key) == 0)
			return &c->items[i];
	return NULL;
}

const catalog_entry *
catalog_find(const catalog *c, const char *key)
{
	return key ? find_mut(c, key) : NULL;
}

const char *
catalog_title(const catalog_entry *e, const char *lang)
{
	int l = lang_index(lang);
	return e && l >= 0 ? e->title[l] : NULL;
}

const char *
catalog_para(const catalog_entry *e, const char *para, const char *lang)
{
	if (!e || !para || !lang)
		return NULL;
	char *k = xasprintf("para_%s_%s", para, lang);
	const char *v = NULL;
	for (size_t i = 0; i < e->npara && !v; i++)
		if (strcasecmp(e->para_keys[i], k) == 0)
			v = e->para_vals[i];
	free(k);
	return v;
}

/* ---- folding ---- */

char *
catalog_fold(const char *s, size_t n, size_t **map)
{
	return fold_str(s, n, FOLD_ALL, map);
}

/* A title folded for comparison: also drops quotes and a final period. */
static char *
fold_title(const char *s, size_t n)
{
	char *f = catalog_fold(s, n, NULL);
	size_t w = 0;
	for (size_t r = 0; f[r]; r++)
		if (f[r] != '"')
			f[w++] = f[r];
	while (w && (f[w - 1] == '.' || f[w - 1] == ' '))
		w--;
	f[w] = '\0';
	size_t st = 0;
	while (f[st] == ' ')
		st++;
	memmove(f, f + st, w - st + 1);
	return f;
}

/* s without spaces (malloc'd). */
static char *
squeeze(const char *s)
{
	char *o = xmalloc(strlen(s) + 1), *w = o;
	for (; *s; s++)
		if (*s != ' ')
			*w++ = *s;
	*w = '\0';
	return o;
}

const catalog_entry *
catalog_find_title(const catalog *c, const char *kind, const char *title,
		   size_t n, const char **lang)
{
	if (!c || !title)
		return NULL;
	char *q = fold_title(title, n);
	const catalog_entry *hit = NULL;
	for (size_t i = 0; i < c->n && !hit && *q; i++) {
		if (kind && strcmp(c->items[i].kind, kind) != 0)
			continue;
		for (int l = 0; l < CATALOG_NLANGS; l++) {
			if (c->folds[i][l] && strcmp(c->folds[i][l], q) == 0) {
				hit = &c->items[i];
				if (lang)
					*lang = catalog_langs[l];
				break;
			}
		}
	}
	/* PDF extraction splits words ("Est ado"): compare without spaces */
	if (!hit && *q) {
		char *qs = squeeze(q);
		for (size_t i = 0; i < c->n && !hit; i++) {
			if (kind && strcmp(c->items[i].kind, kind) != 0)
				continue;
			for (int l = 0; l < CATALOG_NLANGS && !hit; l++) {
				if (!c->folds[i][l])
					continue;
				char *ts = squeeze(c->folds[i][l]);
				if (strcmp(ts, qs) == 0) {
					hit = &c->items[i];
					if (lang)
						*lang = catalog_langs[l];
				}
				free(ts);
			}
		}
		free(qs);
	}
	free(q);
	return hit;
}

/* ---- loading ---- */

static void
msg_add(char **w, const char *fmt, ...)
{
	va_list ap;
	char *m;
	va_start(ap, fmt);
	if (vasprintf(&m, fmt, ap) < 0)
		m = NULL;
	va_end(ap);
	if (!m)
		return;
	if (!*w) {
		*w = m;
		return;
	}
	char *j = xasprintf("%s\n%s", *w, m);
	free(*w);
	free(m);
	*w = j;
}

static void
set_field(char **field, const char *v)
{
	free(*field);
	*field = v ? xstrdup(v) : NULL;
}

static void
para_set(catalog_entry *e, const char *key, const char *val)
{
	for (size_t i = 0; i < e->npara; i++)
		if (strcasecmp(e->para_keys[i], key) == 0) {
			set_field(&e->para_vals[i], val);
			return;
		}
	e->para_keys = xrealloc(e->para_keys, (e->npara + 1) * sizeof(char *));
	e->para_vals = xrealloc(e->para_vals, (e->npara + 1) * sizeof(char *));
	e->para_keys[e->npara] = xstrdup(key);
	e->para_vals[e->npara] = xstrdup(val);
	e->npara++;
}

static void
refold(catalog *c, size_t i)
{
	for (int l = 0; l < CATALOG_NLANGS; l++) {
		free(c->folds[i][l]);
		const char *t = c->items[i].title[l];
		c->folds[i][l] = t ? fold_title(t, strlen(t)) : NULL;
	}
}

/* Items by section (iniparser's lower-cased name), then file order: a
 * section's keys, over all its headers in the file, become one run in which
 * a later value of a key replaces an earlier one, as iniparser merges them. */
static int
by_section(const void *a, const void *b)
{
	const config_ini_item *x = *(config_ini_item *const *)a;
	const config_ini_item *y = *(config_ini_item *const *)b;
	int c = strcmp(x->section, y->section);
	return c ? c : (x > y) - (x < y);
}

/* One section of a file: its keys (all its headers') keys[0, n). */
static int
load_section(catalog *c, const char *path, const char *sec, const char *written,
	     config_ini_item *const *keys, size_t n, char **err)
{
	if (strlen(sec) > 200 || strchr(sec, ':')) {
		msg_add(err, "%s: [%s]: not a usable key (too long or has ':'); skipped", path, sec);
		return 0;
	}
	const char *kind = NULL;
	for (size_t i = 0; i < n; i++)
		if (config_ini_name_eq(keys[i]->key, "kind"))
			kind = keys[i]->value;
	catalog_entry *e = find_mut(c, sec);
	if (!kind && !e) {
		msg_add(err, "%s: [%s]: no 'kind' (agenda-item, resolution, decision or document); skipped", path, sec);
		return 0;
	}
	if (!e) {
		xgrow((void **)&c->items, &c->cap, c->n + 1, sizeof *c->items);
		/* folds grow alongside: same capacity */
		c->folds = xrealloc(c->folds, c->cap * sizeof *c->folds);
		e = &c->items[c->n];
		memset(e, 0, sizeof *e);
		memset(c->folds[c->n], 0, sizeof c->folds[c->n]);
		c->n++;
		e->key = xstrdup(written);
	}
	if (kind)
		set_field(&e->kind, kind);
	set_field(&e->file, path);
	for (size_t i = 0; i < n; i++) {
		const char *key = keys[i]->key, *v = keys[i]->value;
		char k[32];
		for (int l = 0; l < CATALOG_NLANGS; l++) {
			snprintf(k, sizeof k, "title_%s", catalog_langs[l]);
			if (config_ini_name_eq(key, k))
				set_field(&e->title[l], v);
			snprintf(k, sizeof k, "source_%s", catalog_langs[l]);
			if (config_ini_name_eq(key, k))
				set_field(&e->title_source[l], v);
		}
		if (config_ini_name_eq(key, "date"))
			set_field(&e->date, v);
		else if (config_ini_name_eq(key, "source"))
			set_field(&e->source, v);
		else if (!strncasecmp(key, "para_", 5)) {
			char *lk = xstrdup(key);	/* as iniparser names it */
			for (char *q = lk; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			para_set(e, lk, v);
			free(lk);
		}
	}
	refold(c, (size_t)(e - c->items));
	return 1;
}

int
catalog_load_file(catalog *c, const char *path, char **err)
{
	*err = NULL;
	config_ini ini;
	if (config_ini_load(&ini, path, err) < 0)
		return -1;
	/* headers and keys, each sorted by section then file order */
	config_ini_item **heads = xmalloc((ini.nitems + 1) * sizeof *heads);
	config_ini_item **keys = xmalloc((ini.nitems + 1) * sizeof *keys);
	size_t nh = 0, nk = 0;
	for (size_t i = 0; i < ini.nitems; i++) {
		if (ini.items[i].key)
			keys[nk++] = &ini.items[i];
		else
			heads[nh++] = &ini.items[i];
	}
	qsort(heads, nh, sizeof *heads, by_section);
	qsort(keys, nk, sizeof *keys, by_section);
	/* A section's first header, in file order: where it is loaded. */
	char *first = xcalloc(ini.nitems + 1, 1);
	for (size_t i = 0; i < nh; i++)
		if (i == 0 || strcmp(heads[i - 1]->section, heads[i]->section))
			first[heads[i] - ini.items] = 1;
	int loaded = 0;
	for (size_t i = 0; i < ini.nitems; i++) {
		const config_ini_item *h = &ini.items[i];
		if (h->key || !first[i])
			continue;
		/* the section's run of keys: binary search in keys[] */
		size_t lo = 0, hi = nk;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (strcmp(keys[mid]->section, h->section) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t k0 = lo, k1 = lo;
		while (k1 < nk && !strcmp(keys[k1]->section, h->section))
			k1++;
		loaded += load_section(c, path, h->section, h->written, keys + k0, k1 - k0, err);
	}
	free(first);
	free(heads);
	free(keys);
	config_ini_clear(&ini);
	return loaded;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
catalog_load_dir(catalog *c, const char *dir, char **w)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return 0;
	char **inis = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp))) {
		size_t l = strlen(de->d_name);
		if (l < 5 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + l - 4, ".ini") != 0)
			continue;
		xgrow((void **)&inis, &cap, n + 1, sizeof *inis);
		inis[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (n)
		qsort(inis, n, sizeof *inis, cmp_str);
	int files = 0;
	for (size_t i = 0; i < n; i++) {
		char *p = xasprintf("%s/%s", dir, inis[i]);
		char *err = NULL;
		if (catalog_load_file(c, p, &err) >= 0)
			files++;
		if (err) {
			msg_add(w, "%s", err);
			free(err);
		}
		free(p);
		free(inis[i]);
	}
	free(inis);
	return files;
}

catalog *
catalog_load_default(const char *srcdir, char **warnings)
{
	catalog *c = catalog_new();
	*warnings = NULL;
	char *bundled = NULL;
	if (srcdir) {
		char *probe = xasprintf("%s/data/agenda-a75.ini", srcdir);
		FILE *f = fopen(probe, "r");
		if (f) {
			fclose(f);
			bundled = xasprintf("%s/data", srcdir);
		}
		free(probe);
	}
	if (!bundled)
		bundled = paths_bundled_dir();
	catalog_load_dir(c, bundled, warnings);
	free(bundled);
	char *u = paths_data_dir();
	if (u) {
		catalog_load_dir(c, u, warnings);
		free(u);
	}
	return c;
}
