/* config: settings from config.ini, and config_ini, the INI front end that
 * config, themes and catalogs share (see config.h).
 *
 * iniparser 4.1 is the parser: it reads every value. It gives no line
 * numbers, returns NULL for the whole file on the first bad line (or a
 * line of 1023 bytes, or a byte order mark), lower-cases key names, and
 * cuts values at an unquoted '#' or ';'. So a line index (scan_*) goes
 * first: it splits the text into logical lines the way iniparser_load
 * does and records which section or key each line names, never a value;
 * it refuses with the line what iniparser would refuse without one. The
 * text (BOM stripped) then goes to iniparser through a memfd, and each
 * key's value is looked up in its dictionary.
 *
 * Invariants: nothing here writes the user's file nor a temporary file;
 * numbers are parsed here in decimal ("042" is 42, never octal);
 * iniparser_getint/getboolean are never called (they crash on a section
 * name, CVE-2023-33461); iniparser is only called with ini_lock held. */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser/iniparser.h>
#include <unistr.h>

#include "config.h"
#include "paths.h"
#include "theme.h"
#include "util.h"

/* iniparser's ASCIILINESZ is 1024: a line (with its '\n') must fit in 1023
 * bytes, so 1022 bytes of text at most. */
#define INI_MAX_LINE_BYTES 1022
#define INI_MAX_FILE_BYTES (16u << 20)

/* ---- small string helpers ---- */

/* The bytes isspace() accepts in the C locale: what iniparser strips. */
static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
config_ini_name_eq(const char *a, const char *b)
{
	while (*a && lower((unsigned char)*a) == lower((unsigned char)*b))
		a++, b++;
	return lower((unsigned char)*a) == lower((unsigned char)*b);
}

/* s[0, n) without leading and trailing space, as a new string. */
static char *
strip_dup(const char *s, size_t n)
{
	while (n && is_space((unsigned char)*s))
		s++, n--;
	while (n && is_space((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static char *
lower_dup(const char *s)
{
	char *d = xstrdup(s);
	for (char *p = d; *p; p++)
		*p = (char)lower((unsigned char)*p);
	return d;
}

/* ---- config_ini: the line index ---- */

/* The index records what each line is (a section header or the key it
 * names) and where; it never reads a value: values are iniparser's. It
 * also refuses, with the line, what iniparser would refuse without one
 * and what it would accept silently but wrongly (see config.h). */
typedef struct scan {
	config_ini *ini;
	const char *path;
	char *section;		/* current, lower-cased */
	size_t cap;
	char **texts;		/* logical line of each item, for re-reading a
				   repeated key alone; parallel to ini->items */
	size_t tcap;
	char *err;
} scan;

static int __attribute__((format(printf, 3, 4)))
scan_error(scan *sc, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (!sc->err)
		sc->err = line > 0 ? xasprintf("%s:%d: %s", sc->path, line, msg ? msg : "error")
				   : xasprintf("%s: %s", sc->path, msg ? msg : "error");
	free(msg);
	return -1;
}

static config_ini_item *
scan_push(scan *sc, int line, const char *text)
{
	config_ini *ini = sc->ini;
	xgrow((void **)&ini->items, &sc->cap, ini->nitems + 1, sizeof *ini->items);
	xgrow((void **)&sc->texts, &sc->tcap, ini->nitems + 1, sizeof *sc->texts);
	sc->texts[ini->nitems] = xstrdup(text);
	config_ini_item *it = &ini->items[ini->nitems++];
	memset(it, 0, sizeof *it);
	it->section = xstrdup(sc->section);
	it->line = line;
	return it;
}

/* A short, printable excerpt of a line for messages. */
static char *
excerpt(const char *s)
{
	size_t n = strlen(s);
	if (n <= 40)
		return xstrdup(s);
	/* cut on a UTF-8 character boundary */
	size_t k = 37;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return xasprintf("%.*s...", (int)k, s);
}

/* One logical line (continuations joined, trailing space stripped), as
 * iniparser_line() sees it. first = its first physical line; joined = it
 * spans several physical lines. */
static int
scan_logical(scan *sc, const char *text, int first, int joined)
{
	const char *s = text;
	while (is_space((unsigned char)*s))
		s++;
	size_t len = strlen(s);		/* trailing space already gone */

	if (len == 0)
		return 0;
	if (s[0] == '#' || s[0] == ';') {
		if (joined)
			return scan_error(sc, first, "this comment ends with '\\', so the "
					  "next line is part of the comment and ignored");
		return 0;
	}
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close)
			return scan_error(sc, first, "missing ']' after the section name");
		if (s[len - 1] != ']')
			return scan_error(sc, first, "text after ']' (a comment must be on "
					  "a line of its own)");
		char *name = strip_dup(s + 1, (size_t)(close - s - 1));
		if (!*name || close == s + 1) {
			free(name);
			return scan_error(sc, first, "empty section name '[]'");
		}
		free(sc->section);
		sc->section = lower_dup(name);
		scan_push(sc, first, s)->written = name;
		return 0;
	}

	const char *eq = strchr(s, '=');
	if (!eq) {
		char *ex = excerpt(s);
		scan_error(sc, first, "'%s' is not a '[section]', a 'key = value' "
			   "or a comment", ex);
		free(ex);
		return -1;
	}
	if (eq == s)
		return scan_error(sc, first, "a key name is missing before '='");

	config_ini_item *it = scan_push(sc, first, s);
	it->key = strip_dup(s, (size_t)(eq - s));
	const char *v = eq + 1;
	while (is_space((unsigned char)*v))
		v++;
	it->raw = xstrdup(v);		/* the line is already right-stripped */

	char q = *v;
	if ((q == '"' || q == '\'') && !strchr(v + 1, q))
		return scan_error(sc, first, "the quote %c after '%s =' is never closed "
				  "(close it, or remove it)", q, it->key);
	if ((q == '"' || q == '\'') && v[1] != q)
		return 0;	/* quoted: ';' and '#' are part of the value */
	/* Unquoted, up to the first ';' or '#': flag a cut that no space
	 * announces ("#ff8800" reads as ""). */
	size_t n = strcspn(v, ";#");
	if (v[n] && (n == 0 || !is_space((unsigned char)v[n - 1])))
		it->cut = 1;
	return 0;
}

/* Splits data into physical lines and joins continuations the way
 * iniparser_load does (a line whose text ends in '\' continues on the next;
 * the joined text must fit iniparser's 1023-byte buffer). */
static int
scan_text(scan *sc, const char *data, size_t len)
{
	buf logical;
	buf_init(&logical);
	int lineno = 0, first = 0, parts = 0, rc = 0;
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t plen = nl ? (size_t)(nl - (data + pos)) : len - pos;
		const char *p = data + pos;
		pos += plen + (nl ? 1 : 0);
		lineno++;
		if (logical.len + plen > INI_MAX_LINE_BYTES) {
			rc = scan_error(sc, lineno, "line too long (%zu bytes; iniparser "
					"reads at most %d%s)", logical.len + plen,
					INI_MAX_LINE_BYTES,
					logical.len ? ", continuation lines included" : "");
			break;
		}
		if (!parts)
			first = lineno;
		buf_add(&logical, p, plen);
		parts++;
		while (logical.len && is_space((unsigned char)logical.s[logical.len - 1]))
			logical.s[--logical.len] = '\0';
		if (logical.len && logical.s[logical.len - 1] == '\\') {
			logical.s[--logical.len] = '\0';
			if (pos >= len) {
				rc = scan_error(sc, lineno, "the last line ends with '\\' "
						"but no line follows");
				break;
			}
			continue;
		}
		if (scan_logical(sc, logical.s, first, parts > 1) < 0) {
			rc = -1;
			break;
		}
		logical.len = 0;
		logical.s[0] = '\0';
		parts = 0;
	}
	buf_clear(&logical);
	return rc;
}

/* ---- iniparser, the one parser ---- */

/* iniparser's error callback is global: every load holds ini_lock (the
 * library loads catalogs from worker threads). The first message is kept:
 * "iniparser: syntax error in F (12):" and "-> text" arrive as two calls. */
static pthread_mutex_t ini_lock = PTHREAD_MUTEX_INITIALIZER;
static char ini_error[512];

static int
ini_errback(const char *fmt, ...)
{
	size_t used = strlen(ini_error);
	if (used + 1 >= sizeof ini_error || strstr(ini_error, "->"))
		return 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ini_error + used, sizeof ini_error - used, fmt, ap);
	va_end(ap);
	return 0;
}

/* iniparser's message for a refused file, for a user: its own path (the
 * memfd's) replaced by ours, its line number taken out into *line. */
static char *
ini_message(int *line)
{
	*line = 0;
	char *in = strstr(ini_error, " in /proc/self/fd/");
	const char *num = in ? strchr(in, '(') : NULL;
	if (num)
		*line = atoi(num + 1);
	char *what = in ? xstrndup(ini_error, (size_t)(in - ini_error)) : xstrdup(ini_error);
	for (char *p = what; *p; p++)
		if (*p == '\n')
			*p = ' ';
	if (!*what) {
		free(what);
		what = xstrdup("iniparser cannot read this file (no reason given)");
	}
	return what;
}

/* Loads text[0, len) with iniparser through the memory file fd (never a
 * file on disk, never the user's path twice). NULL with ini_error set
 * when iniparser refuses it. Call with ini_lock held. */
static dictionary *
ini_parse(int fd, const char *text, size_t len)
{
	if (ftruncate(fd, 0) < 0)
		return NULL;
	size_t off = 0;
	while (off < len) {
		ssize_t w = pwrite(fd, text + off, len - off, (off_t)off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return NULL;
		off += (size_t)w;
	}
	char fdpath[40];
	snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", fd);
	ini_error[0] = '\0';
	return iniparser_load(fdpath);
}

/* "[section]\nTEXT\n": one logical line read alone, for a key set more
 * than once (iniparser keeps only the last; "g" and "G" in [keys] are two
 * bindings). Returns iniparser's value or NULL. */
static char *
ini_value_alone(int fd, const char *section, const char *key, const char *text)
{
	char *one = *section ? xasprintf("[%s]\n%s\n", section, text)
			     : xasprintf("%s\n", text);
	dictionary *d = ini_parse(fd, one, strlen(one));
	char *full = xasprintf("%s:%s", section, key);
	const char *v = d ? iniparser_getstring(d, full, NULL) : NULL;
	char *r = v ? xstrdup(v) : NULL;
	free(full);
	free(one);
	if (d)
		iniparser_freedict(d);
	return r;
}

static int
key_order(const void *a, const void *b)
{
	const config_ini_item *x = *(config_ini_item *const *)a;
	const config_ini_item *y = *(config_ini_item *const *)b;
	int c = strcmp(x->section, y->section);
	for (const char *p = x->key, *q = y->key; !c; p++, q++) {
		c = lower((unsigned char)*p) - lower((unsigned char)*q);
		if (!*p || !*q)
			break;
	}
	return c ? c : (x > y) - (x < y);	/* then file order */
}

/* later[i] = 1 when key item i is set again further down in its section
 * (compared as iniparser does, case-insensitively): iniparser's
 * dictionary holds only the last. O(n log n): catalogs may be long. */
static char *
repeated_later(const config_ini *ini)
{
	char *later = xcalloc(ini->nitems + 1, 1);
	config_ini_item **keys = xmalloc((ini->nitems + 1) * sizeof *keys);
	size_t n = 0;
	for (size_t i = 0; i < ini->nitems; i++)
		if (ini->items[i].key)
			keys[n++] = &ini->items[i];
	qsort(keys, n, sizeof *keys, key_order);
	for (size_t i = 0; i + 1 < n; i++)
		if (!strcmp(keys[i]->section, keys[i + 1]->section) &&
		    config_ini_name_eq(keys[i]->key, keys[i + 1]->key))
			later[keys[i] - ini->items] = 1;
	free(keys);
	return later;
}

/* Fills every key item's value from iniparser: by a lookup of
 * "section:key" for a key's last line, by reading the line alone for an
 * earlier one. */
static int
ini_values(scan *sc, const char *text, size_t len)
{
	config_ini *ini = sc->ini;
	int fd = memfd_create("lectern-ini", MFD_CLOEXEC);
	if (fd < 0)
		return scan_error(sc, 0, "no memory file for iniparser: %s", strerror(errno));
	pthread_mutex_lock(&ini_lock);
	iniparser_set_error_callback(ini_errback);
	int rc = 0;
	dictionary *d = ini_parse(fd, text, len);
	if (!d) {
		int line;
		char *what = ini_message(&line);
		rc = scan_error(sc, line, "%s", what);
		free(what);
	}
	char *later = repeated_later(ini);
	for (size_t i = 0; i < ini->nitems && rc == 0; i++) {
		config_ini_item *it = &ini->items[i];
		if (!it->key)
			continue;
		char *lk = lower_dup(it->key);
		if (later[i]) {
			it->value = ini_value_alone(fd, it->section, lk, sc->texts[i]);
		} else {
			char *full = xasprintf("%s:%s", it->section, lk);
			const char *v = iniparser_getstring(d, full, NULL);
			it->value = v ? xstrdup(v) : NULL;
			free(full);
		}
		free(lk);
		if (!it->value)
			rc = scan_error(sc, it->line, "iniparser reads no value for '%s' on "
					"this line (a bug in lectern: please report it with "
					"this line)", it->key);
	}
	free(later);
	iniparser_set_error_callback(NULL);
	pthread_mutex_unlock(&ini_lock);
	close(fd);
	if (rc == 0)
		ini->dict = d;
	else if (d)
		iniparser_freedict(d);
	return rc;
}

int
config_ini_load(config_ini *ini, const char *path, char **err)
{
	memset(ini, 0, sizeof *ini);
	*err = NULL;
	char *data;
	size_t len;
	if (util_read_file(path, INI_MAX_FILE_BYTES, &data, &len, err) < 0)
		return -1;

	scan sc = { .ini = ini, .path = path, .section = xstrdup("") };
	const char *text = data;
	size_t tlen = len;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		text += 3, tlen -= 3;	/* iniparser would read it as text */

	int rc = 0;
	const char *nul = memchr(text, '\0', tlen);
	const uint8_t *bad = u8_check((const uint8_t *)text, tlen);
	if (nul || bad) {
		const char *at = nul && (!bad || nul < (const char *)bad) ? nul : (const char *)bad;
		int line = 1;
		for (const char *p = text; p < at; p++)
			line += *p == '\n';
		rc = scan_error(&sc, line, nul == at ? "contains a NUL byte (not a text file?)"
				: "not valid UTF-8");
	}
	if (rc == 0)
		rc = scan_text(&sc, text, tlen);
	if (rc == 0)
		rc = ini_values(&sc, text, tlen);
	for (size_t i = 0; i < ini->nitems; i++)
		free(sc.texts[i]);
	free(sc.texts);
	free(data);
	free(sc.section);
	if (rc < 0) {
		config_ini_clear(ini);
		*err = sc.err;
		return -1;
	}
	ini->path = xstrdup(path);
	return 0;
}

void
config_ini_clear(config_ini *ini)
{
	for (size_t i = 0; i < ini->nitems; i++) {
		free(ini->items[i].section);
		free(ini->items[i].written);
		free(ini->items[i].key);
		free(ini->items[i].value);
		free(ini->items[i].raw);
	}
	free(ini->items);
	free(ini->path);
	if (ini->dict)
		iniparser_freedict(ini->dict);
	memset(ini, 0, sizeof *ini);
}

/* ---- the settings table ---- */

typedef enum setting_type { SET_STRING, SET_THEME, SET_INT, SET_BOOL } setting_type;

typedef struct setting {
	const char *section;
	const char *key;
	setting_type type;
	const char *def;	/* parsed with the same code as the file */
	int min, max;		/* SET_INT */
	int zero_ok;		/* SET_INT: 0 is allowed below min */
	size_t offset;		/* into struct config */
	const char *help;
	int auto_ok;		/* SET_INT: "auto" is allowed, stored as
				   CONFIG_AUTO */
	const char *choices;	/* SET_STRING: the values allowed, '|'
				   between them, or NULL for any */
} setting;

static const setting settings[] = {
	{ "ui", "theme", SET_THEME, "default", 0, 0, 0, offsetof(config, theme),
	  "colour theme: default, dark, light, mono, paper, yours, or a file path", 0, NULL },
	{ "ui", "outline_cols", SET_INT, "auto", 0, 120, 0, offsetof(config, outline_cols),
	  "outline width: auto follows the terminal (20..56); 0 hides it at start",
	  1, NULL },
	{ "ui", "notes_cols", SET_INT, "36", 0, 120, 0, offsetof(config, notes_cols),
	  "width of the notes panel in columns; 0 hides it at start", 0, NULL },
	{ "ui", "text_cols", SET_INT, "100", 20, 1000, 1, offsetof(config, text_cols),
	  "longest text lines, clause numbers included; 0 = the whole pane", 0, NULL },
	{ "ui", "mouse", SET_BOOL, "yes", 0, 1, 0, offsetof(config, mouse),
	  "mouse: the wheel scrolls, a click in the outline jumps", 0, NULL },
	{ "ui", "show_numbers", SET_BOOL, "yes", 0, 1, 0, offsetof(config, show_numbers),
	  "show clause numbers in the gutter", 0, NULL },
	{ "ui", "clipboard", SET_STRING, "file", 0, 0, 0, offsetof(config, clipboard),
	  "where y copies a citation: osc52 (the terminal's clipboard), file, no",
	  0, "osc52|file|no" },
	{ "ui", "editor", SET_STRING, "builtin", 0, 0, 0, offsetof(config, editor),
	  "notes editor: builtin, $VISUAL (or $EDITOR), or a command", 0, NULL },
};

static const char *const sections[] = { "ui", "keys" };

/* Decimal only: "042" is 42 (iniparser_getint would say 34). */
static int
parse_int(const char *s, long *out)
{
	const char *p = s;
	int neg = 0;
	if (*p == '-')	/* a '+' is refused: "+30" is not how a width is written */
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return -1;
	long v = 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > 100000000)
			v = 100000000;	/* saturate: reported as out of range */
		else
			v = v * 10 + (*p - '0');
	}
	if (*p)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

/* yes/no, true/false, on/off, 1/0, any case. */
static int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (config_ini_name_eq(s, yes[i])) {
			*out = 1;
			return 0;
		}
		if (config_ini_name_eq(s, no[i])) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/* The values an integer setting takes: "auto or 0..120", "0 or 20..1000". */
static void
int_range(const setting *st, char *out, size_t size)
{
	snprintf(out, size, "%s%s%d..%d", st->auto_ok ? "auto or " : "",
		 st->zero_ok ? "0 or " : "", st->min, st->max);
}

/* Parses value for setting st into cfg. Returns NULL, or a malloc'd
 * message (without file and line). Checks a theme only when check_theme
 * (the default needs no file). */
static char *
apply(config *cfg, const setting *st, const char *value, int check_theme)
{
	void *field = (char *)cfg + st->offset;
	switch (st->type) {
	case SET_STRING:
	case SET_THEME:
		if (!*value)
			return xasprintf("%s is empty", st->key);
		if (st->choices) {
			size_t n = strlen(value);
			const char *c = st->choices;
			while (c && !(!strncmp(c, value, n) && (c[n] == '|' || !c[n]))) {
				c = strchr(c, '|');
				c = c ? c + 1 : NULL;
			}
			if (!c)
				return xasprintf("%s = '%s' is not one of %s", st->key,
						 value, st->choices);
		}
		if (st->type == SET_THEME && check_theme) {
			theme t;
			char *terr = NULL;
			int rc = theme_load(&t, value, &terr);
			theme_clear(&t);
			if (rc < 0)
				return terr;
		}
		free(*(char **)field);
		*(char **)field = xstrdup(value);
		return NULL;
	case SET_INT: {
		long v;
		char range[64];
		int_range(st, range, sizeof range);
		if (st->auto_ok && config_ini_name_eq(value, "auto")) {
			*(int *)field = CONFIG_AUTO;
			return NULL;
		}
		if (parse_int(value, &v) < 0)
			return xasprintf("%s = '%s' is not a whole number (%s)", st->key,
					 value, range);
		if ((v < st->min || v > st->max) && !(st->zero_ok && v == 0))
			return xasprintf("%s = %s is out of range (%s)", st->key, value,
					 range);
		*(int *)field = (int)v;
		return NULL;
	}
	case SET_BOOL: {
		int b;
		if (parse_bool(value, &b) < 0)
			return xasprintf("%s = '%s' is not yes or no (also: true/false, "
					 "on/off, 1/0)", st->key, value);
		*(int *)field = b;
		return NULL;
	}
	}
	return xasprintf("%s: unknown type", st->key);
}

void
config_defaults(config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	for (size_t i = 0; i < ARRAY_LEN(settings); i++) {
		char *e = apply(cfg, &settings[i], settings[i].def, 0);
		if (e) {	/* a bad default is a programming error */
			fprintf(stderr, "lectern: built-in default: %s\n", e);
			abort();
		}
	}
}

void
config_clear(config *cfg)
{
	for (size_t i = 0; i < cfg->nbindings; i++) {
		free(cfg->bindings[i].key);
		free(cfg->bindings[i].action);
	}
	free(cfg->bindings);
	free(cfg->theme);
	free(cfg->clipboard);
	free(cfg->editor);
	free(cfg->path);
	memset(cfg, 0, sizeof *cfg);
}

char *
config_default_path(void)
{
	return paths_config_file("config.ini");
}

/* Levenshtein distance, for "did you mean"; names are short. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63)
		return 64;
	size_t row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = lower((unsigned char)a[i - 1]) != lower((unsigned char)b[j - 1]);
			size_t best = diag + cost;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *
config_suggest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bestd = 3;	/* distance 1 or 2 only */
	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(word, names[i]);
		if (d > 0 && d < bestd) {
			bestd = d;
			best = names[i];
		}
	}
	return best;
}

static const setting *
find_setting(const char *section, const char *key)
{
	for (size_t i = 0; i < ARRAY_LEN(settings); i++)
		if (!strcmp(settings[i].section, section) &&
		    config_ini_name_eq(settings[i].key, key))
			return &settings[i];
	return NULL;
}

static char *
unknown_key_message(const char *section, const char *key)
{
	const setting *best = NULL;
	size_t bestd = 3;	/* suggest at distance 1 or 2 only */
	for (size_t i = 0; i < ARRAY_LEN(settings); i++) {
		size_t d = edit_distance(key, settings[i].key);
		if (d < bestd) {
			bestd = d;
			best = &settings[i];
		}
	}
	if (best && !strcmp(best->section, section))
		return xasprintf("unknown key '%s' in [%s] (did you mean '%s'?)", key,
				 section, best->key);
	if (best)
		return xasprintf("unknown key '%s' in [%s] (did you mean '%s' in [%s]?)",
				 key, section, best->key, best->section);
	buf b;
	buf_init(&b);
	buf_printf(&b, "unknown key '%s' in [%s] (keys there:", key, section);
	for (size_t i = 0; i < ARRAY_LEN(settings); i++)
		if (!strcmp(settings[i].section, section))
			buf_printf(&b, " %s", settings[i].key);
	buf_adds(&b, "; see lectern --help-config)");
	return buf_take(&b);
}

static int
known_section(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(sections); i++)
		if (!strcmp(sections[i], name))
			return 1;
	return 0;
}

/* Validates ini into cfg. Returns NULL or "LINE\tmessage"-free message with
 * *line set. */
static char *
validate(config *cfg, const config_ini *ini, int *line)
{
	size_t cap = 0;
	for (size_t i = 0; i < ini->nitems; i++) {
		const config_ini_item *it = &ini->items[i];
		*line = it->line;
		if (!it->key) {
			if (!known_section(it->section))
				return xasprintf("unknown section [%s] (sections: [ui], [keys])",
						 it->section);
			continue;
		}
		if (!*it->section)
			return xasprintf("'%s' is outside any section (put settings under "
					 "[ui] and key bindings under [keys])", it->key);
		if (it->cut) {
			const char *c = it->raw + strcspn(it->raw, ";#");
			return xasprintf("'%c' starts a comment here, so %s would be '%s'; "
					 "if '%c' is part of the value, write %s = \"%s\"",
					 *c, it->key, it->value, *c, it->key, it->raw);
		}
		for (size_t j = 0; j < i; j++) {
			const config_ini_item *o = &ini->items[j];
			if (!o->key || strcmp(o->section, it->section))
				continue;
			/* key names in [keys] are case-sensitive ("g" and "G") */
			int same = !strcmp(it->section, "keys") ? !strcmp(o->key, it->key)
				   : config_ini_name_eq(o->key, it->key);
			if (same)
				return xasprintf("'%s' is set twice in [%s] (first on line %d)",
						 it->key, it->section, o->line);
		}
		if (!strcmp(it->section, "keys")) {
			if (!*it->value)
				return xasprintf("key '%s' has no action (write %s = ACTION)",
						 it->key, it->key);
			xgrow((void **)&cfg->bindings, &cap, cfg->nbindings + 1,
			      sizeof *cfg->bindings);
			config_binding *b = &cfg->bindings[cfg->nbindings++];
			b->key = xstrdup(it->key);
			b->action = xstrdup(it->value);
			b->line = it->line;
			continue;
		}
		const setting *st = find_setting(it->section, it->key);
		if (!st)
			return unknown_key_message(it->section, it->key);
		char *e = apply(cfg, st, it->value, 1);
		if (e)
			return e;
	}
	return NULL;
}

int
config_load(config *cfg, const char *path, char **err)
{
	*err = NULL;
	config_defaults(cfg);
	char *def = NULL;
	if (!path) {
		def = config_default_path();
		if (!def)
			return 0;
		struct stat st;
		if (stat(def, &st) < 0 && (errno == ENOENT || errno == ENOTDIR)) {
			free(def);
			return 0;	/* no file: the defaults */
		}
		path = def;
	}
	config_ini ini;
	if (config_ini_load(&ini, path, err) < 0) {
		free(def);
		return -1;
	}
	int line = 0;
	char *msg = validate(cfg, &ini, &line);
	if (msg) {
		*err = xasprintf("%s:%d: %s", path, line, msg);
		free(msg);
		config_ini_clear(&ini);
		free(def);
		config_clear(cfg);
		config_defaults(cfg);
		return -1;
	}
	config_ini_clear(&ini);
	cfg->path = xstrdup(path);
	free(def);
	return 0;
}

void
config_describe(FILE *out)
{
	char *def = config_default_path();
	fprintf(out, "; lectern settings: %s\n", def ? def : "$XDG_CONFIG_HOME/lectern/config.ini");
	fputs("; This list is itself a valid config.ini with every default; keep the\n"
	      "; lines you change. Comments start with ';' or '#' on a line of their own\n"
	      "; or after a space; quote a value that holds one: theme = \"my#1\".\n", out);
	free(def);
	const char *section = NULL;
	for (size_t i = 0; i < ARRAY_LEN(settings); i++) {
		const setting *st = &settings[i];
		if (!section || strcmp(section, st->section)) {
			section = st->section;
			fprintf(out, "\n[%s]\n", section);
		}
		char range[64] = "";
		switch (st->type) {
		case SET_INT:
			int_range(st, range, sizeof range);
			break;
		case SET_BOOL:
			snprintf(range, sizeof range, "yes/no");
			break;
		case SET_STRING:
		case SET_THEME:
			snprintf(range, sizeof range, "%s", st->choices ? st->choices : "name");
			break;
		}
		char *kv = xasprintf("%s = %s", st->key, st->def);
		fprintf(out, "; %s\n%-22s ; %s\n", st->help, kv, range);
		free(kv);
	}
	fputs("\n[keys]\n"
	      "; KEY = ACTION binds a key, e.g. 'J = line-down' or 'C-d = page-down';\n"
	      "; ACTION none unbinds it. A key is one character (case matters: g, G),\n"
	      "; C-x, or a name: Space Enter Tab BTab Esc Backspace Up Down Left Right\n"
	      "; Home End PageUp PageDown Insert Delete F1-F12 Hash Semicolon Equals.\n"
	      "; In the reader, h lists every action with its name.\n", out);
}
