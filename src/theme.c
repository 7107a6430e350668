/* theme: semantic colour roles read from a theme file (see theme.h). The
 * file goes through config_ini, so every error names the file and line.
 *
 * Invariants: after theme_load (success or not) every role has a style:
 * fg and bg in -1..255, attrs a set of THEME_ATTR_*. Nothing here knows
 * about curses; theme_color_fit is how the ui degrades 256 colours to 8 or
 * 16. */
#include <build-config.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "paths.h"
#include "theme.h"
#include "util.h"

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_TEXT] = "text",
	[ROLE_HEADING] = "heading",
	[ROLE_CLAUSE_NUMBER] = "clause-number",
	[ROLE_REFERENCE] = "reference",
	[ROLE_NOTE_MARKER] = "note-marker",
	[ROLE_SELECTION] = "selection",
	[ROLE_STATUS] = "status",
	[ROLE_MESSAGE] = "message",
	[ROLE_ERROR] = "error",
	[ROLE_SEARCH_MATCH] = "search-match",
	[ROLE_OUTLINE] = "outline",
	[ROLE_OUTLINE_CURRENT] = "outline-current",
	[ROLE_BORDER] = "border",
	[ROLE_TITLE] = "title",
	[ROLE_SIGNATURE] = "signature",
	[ROLE_NOTE_TEXT] = "note-text",
	[ROLE_DIM] = "dim",
	[ROLE_INSERTED] = "inserted",
	[ROLE_DELETED] = "deleted",
};

const char *
theme_role_name(theme_role r)
{
	return r < ROLE_COUNT ? role_names[r] : "?";
}

static const char *const color_names[16] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"bright-black", "bright-red", "bright-green", "bright-yellow",
	"bright-blue", "bright-magenta", "bright-cyan", "bright-white",
};

static const struct {
	const char *name;
	int attr;
} attr_names[] = {
	{ "bold", THEME_ATTR_BOLD },
	{ "underline", THEME_ATTR_UNDERLINE },
	{ "reverse", THEME_ATTR_REVERSE },
	{ "dim", THEME_ATTR_DIM },
	{ "italic", THEME_ATTR_ITALIC },
};

/* ---- built-in themes ---- */

#define S(f, b, a) { (f), (b), (a) }
#define B THEME_ATTR_BOLD
#define U THEME_ATTR_UNDERLINE
#define R THEME_ATTR_REVERSE
#define D THEME_ATTR_DIM
#define I THEME_ATTR_ITALIC

/* Must match themes/default.ini (test_theme checks it): the terminal's own
 * foreground and background, the 8 basic colours for accents, so it reads
 * on dark and light terminals alike. */
static const theme_style builtin_default[ROLE_COUNT] = {
	[ROLE_TEXT] = S(-1, -1, 0),
	[ROLE_HEADING] = S(-1, -1, B),
	[ROLE_CLAUSE_NUMBER] = S(6, -1, 0),
	[ROLE_REFERENCE] = S(4, -1, U),
	[ROLE_NOTE_MARKER] = S(0, 2, B),
	[ROLE_SELECTION] = S(-1, -1, R),
	[ROLE_STATUS] = S(-1, -1, R),
	[ROLE_MESSAGE] = S(-1, -1, 0),
	[ROLE_ERROR] = S(1, -1, B),
	[ROLE_SEARCH_MATCH] = S(0, 3, 0),
	[ROLE_OUTLINE] = S(-1, -1, 0),
	[ROLE_OUTLINE_CURRENT] = S(-1, -1, B | R),
	[ROLE_BORDER] = S(-1, -1, D),
	[ROLE_TITLE] = S(-1, -1, B | U),
	[ROLE_SIGNATURE] = S(-1, -1, I),
	[ROLE_NOTE_TEXT] = S(-1, -1, I),
	[ROLE_DIM] = S(-1, -1, D),
	[ROLE_INSERTED] = S(2, -1, U),
	[ROLE_DELETED] = S(1, -1, R),
};

/* Must match themes/mono.ini: attributes only. */
static const theme_style builtin_mono[ROLE_COUNT] = {
	[ROLE_TEXT] = S(-1, -1, 0),
	[ROLE_HEADING] = S(-1, -1, B),
	[ROLE_CLAUSE_NUMBER] = S(-1, -1, D),
	[ROLE_REFERENCE] = S(-1, -1, U),
	[ROLE_NOTE_MARKER] = S(-1, -1, B | R),
	[ROLE_SELECTION] = S(-1, -1, R),
	[ROLE_STATUS] = S(-1, -1, R),
	[ROLE_MESSAGE] = S(-1, -1, 0),
	[ROLE_ERROR] = S(-1, -1, B),
	[ROLE_SEARCH_MATCH] = S(-1, -1, R),
	[ROLE_OUTLINE] = S(-1, -1, 0),
	[ROLE_OUTLINE_CURRENT] = S(-1, -1, B | R),
	[ROLE_BORDER] = S(-1, -1, D),
	[ROLE_TITLE] = S(-1, -1, B | U),
	[ROLE_SIGNATURE] = S(-1, -1, I),
	[ROLE_NOTE_TEXT] = S(-1, -1, I),
	[ROLE_DIM] = S(-1, -1, D),
	[ROLE_INSERTED] = S(-1, -1, B | U),
	[ROLE_DELETED] = S(-1, -1, R),
};

#undef S
#undef B
#undef U
#undef R
#undef D
#undef I

void
theme_default(theme *t)
{
	t->name = xstrdup("default");
	memcpy(t->style, builtin_default, sizeof t->style);
}

void
theme_mono(theme *t)
{
	t->name = xstrdup("mono");
	memcpy(t->style, builtin_mono, sizeof t->style);
}

void
theme_clear(theme *t)
{
	free(t->name);
	t->name = NULL;
}

/* ---- colours ---- */

/* xterm's palette: 0-15 as xterm ships them, 16-231 the 6x6x6 cube,
 * 232-255 the grey ramp. */
static void
color_rgb(int c, int rgb[3])
{
	static const unsigned char base[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
		{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
		{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
	};
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	if (c < 16) {
		for (int i = 0; i < 3; i++)
			rgb[i] = base[c][i];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = level[c / 36];
		rgb[1] = level[c / 6 % 6];
		rgb[2] = level[c % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
	}
}

static long
distance2(const int a[3], const int b[3])
{
	long d = 0;
	for (int i = 0; i < 3; i++)
		d += (long)(a[i] - b[i]) * (a[i] - b[i]);
	return d;
}

/* Nearest index in [lo, hi] to rgb. */
static int
nearest(const int rgb[3], int lo, int hi)
{
	int best = lo;
	long bestd = -1;
	for (int c = lo; c <= hi; c++) {
		int p[3];
		color_rgb(c, p);
		long d = distance2(rgb, p);
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = c;
		}
	}
	return best;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
theme_parse_color(const char *s, int *color)
{
	if (config_ini_name_eq(s, "default")) {
		*color = -1;
		return 0;
	}
	for (int i = 0; i < 16; i++)
		if (config_ini_name_eq(s, color_names[i])) {
			*color = i;
			return 0;
		}
	if (s[0] == '#') {
		int rgb[3];
		if (strlen(s) != 7)
			return -1;
		for (int i = 0; i < 3; i++) {
			int h = hexval((unsigned char)s[1 + 2 * i]);
			int l = hexval((unsigned char)s[2 + 2 * i]);
			if (h < 0 || l < 0)
				return -1;
			rgb[i] = h * 16 + l;
		}
		/* 0-15 are left out: terminals let users redefine them */
		*color = nearest(rgb, 16, 255);
		return 0;
	}
	/* decimal 0-255, never octal */
	if (!*s || strlen(s) > 3)
		return -1;
	int v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (v > 255)
		return -1;
	*color = v;
	return 0;
}

int
theme_color_fit(int color, int ncolors)
{
	if (color < 0 || ncolors < 8)
		return -1;
	if (color < ncolors)
		return color;
	int rgb[3];
	color_rgb(color > 255 ? 255 : color, rgb);
	return nearest(rgb, 0, (ncolors >= 16 ? 16 : 8) - 1);
}

/* ---- the search path ---- */

/* The directories searched, in order; a NULL-terminated malloc'd array of
 * malloc'd strings. */
static char **
theme_dirs(void)
{
	char **dirs = xcalloc(3, sizeof *dirs);
	int n = 0;
	char *user = paths_config_dir();
	if (user) {
		dirs[n++] = xasprintf("%s/themes", user);
		free(user);
	}
	dirs[n++] = paths_theme_dir();
	return dirs;
}

static void
dirs_free(char **dirs)
{
	for (char **d = dirs; *d; d++)
		free(*d);
	free(dirs);
}

/* A theme name: letters, digits, '-', '_', '.', not starting with '.'. */
static int
valid_name(const char *s)
{
	if (!*s || *s == '.' || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

char *
theme_find(const char *name, char **looked)
{
	if (looked)
		*looked = NULL;
	if (strchr(name, '/')) {
		if (access(name, R_OK) == 0)
			return xstrdup(name);
		if (looked)
			*looked = xstrdup(name);
		return NULL;
	}
	if (!valid_name(name)) {
		if (looked)
			*looked = xstrdup("nowhere: a theme name is letters, digits, '-', '_' "
					  "and '.'; a file path needs a '/'");
		return NULL;
	}
	char **dirs = theme_dirs();
	buf tried;
	buf_init(&tried);
	char *found = NULL;
	for (char **d = dirs; *d && !found; d++) {
		char *p = xasprintf("%s/%s.ini", *d, name);
		if (access(p, R_OK) == 0)
			found = p;
		else {
			buf_printf(&tried, "%s%s", tried.len ? ", " : "", *d);
			free(p);
		}
	}
	dirs_free(dirs);
	if (!found && looked)
		*looked = buf_take(&tried);
	buf_clear(&tried);
	return found;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the themes in the theme directories, sorted, with
 * duplicates (a user's theme over an installed one); *n of them. */
static char **
theme_names(size_t *count)
{
	char **dirs = theme_dirs();
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (char **d = dirs; *d; d++) {
		DIR *dir = opendir(*d);
		if (!dir)
			continue;
		struct dirent *e;
		while ((e = readdir(dir))) {
			size_t len = strlen(e->d_name);
			if (len <= 4 || strcmp(e->d_name + len - 4, ".ini"))
				continue;
			char *name = xstrndup(e->d_name, len - 4);
			if (!valid_name(name)) {
				free(name);
				continue;
			}
			xgrow((void **)&names, &cap, n + 1, sizeof *names);
			names[n++] = name;
		}
		closedir(dir);
	}
	dirs_free(dirs);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	*count = n;
	return names;
}

void
theme_list(FILE *out)
{
	size_t n = 0;
	char **names = theme_names(&n);
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(names[i], names[i - 1]))
			continue;
		char *path = theme_find(names[i], NULL);
		fprintf(out, "%-12s %s\n", names[i], path ? path : "");
		free(path);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- loading ---- */

static int
find_role(const char *name)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (config_ini_name_eq(name, role_names[r]))
			return r;
	return -1;
}

static char *
role_list(void)
{
	buf b;
	buf_init(&b);
	for (int r = 0; r < ROLE_COUNT; r++)
		buf_printf(&b, "%s%s", r ? ", " : "", role_names[r]);
	return buf_take(&b);
}

static int
parse_attrs(const char *s, int *attrs, char **bad)
{
	int a = 0;
	while (*s) {
		size_t skip = strspn(s, " \t,");
		s += skip;
		size_t n = strcspn(s, " \t,");
		if (!n)
			break;
		int found = 0;
		if (n == 4 && !strncmp(s, "none", 4))
			found = 1;
		for (size_t i = 0; i < ARRAY_LEN(attr_names) && !found; i++)
			if (strlen(attr_names[i].name) == n && !strncmp(s, attr_names[i].name, n)) {
				a |= attr_names[i].attr;
				found = 1;
			}
		if (!found) {
			*bad = xstrndup(s, n);
			return -1;
		}
		s += n;
	}
	*attrs = a;
	return 0;
}

/* Which fields a role sets. */
enum { HAS_FG = 1, HAS_BG = 2, HAS_ATTRS = 4 };

/* Returns NULL, or a message for item it (without file and line). */
static char *
theme_item(theme *t, int *has, int *lines, const config_ini_item *it)
{
	if (!it->key) {
		if (find_role(it->section) < 0) {
			char *roles = role_list();
			char *m = xasprintf("unknown role [%s] (roles: %s)", it->section, roles);
			free(roles);
			return m;
		}
		return NULL;
	}
	if (!*it->section)
		return xasprintf("'%s' is outside any [role] section", it->key);
	int r = find_role(it->section);
	int field = config_ini_name_eq(it->key, "fg") ? HAS_FG
		    : config_ini_name_eq(it->key, "bg") ? HAS_BG
		    : config_ini_name_eq(it->key, "attrs") ? HAS_ATTRS : 0;
	if (!field)
		return xasprintf("unknown key '%s' in [%s] (keys: fg, bg, attrs)", it->key,
				 it->section);
	int idx = r * 3 + (field == HAS_FG ? 0 : field == HAS_BG ? 1 : 2);
	if (has[r] & field)
		return xasprintf("'%s' is set twice in [%s] (first on line %d)", it->key,
				 it->section, lines[idx]);
	lines[idx] = it->line;
	const char *value = it->value;
	theme_style *st = &t->style[r];
	if (field == HAS_ATTRS) {
		char *bad = NULL;
		if (it->cut)
			return xasprintf("'%c' starts a comment here; write attrs = \"%s\" "
					 "if it is part of the value",
					 it->raw[strcspn(it->raw, ";#")], it->raw);
		if (parse_attrs(value, &st->attrs, &bad) < 0) {
			char *m = xasprintf("unknown attribute '%s' (attributes: bold, "
					    "underline, reverse, dim, italic, none)", bad);
			free(bad);
			return m;
		}
	} else {
		/* An unquoted "#rrggbb" is a comment to iniparser (the value is
		 * empty); read the colour from the line itself. */
		char *hex = NULL;
		if (it->cut) {
			size_t n = strcspn(it->raw, " \t;");
			const char *rest = it->raw + n;
			rest += strspn(rest, " \t");
			if (it->raw[0] == '#' && (!*rest || *rest == ';' || *rest == '#'))
				hex = xstrndup(it->raw, n);
			else
				return xasprintf("'%c' starts a comment here; write %s = \"%s\" "
						 "if it is part of the value",
						 it->raw[strcspn(it->raw, ";#")], it->key, it->raw);
		}
		int c;
		int rc = theme_parse_color(hex ? hex : value, &c);
		char *m = NULL;
		if (rc < 0)
			m = xasprintf("%s = '%s' is not a colour (default, black, red, green, "
				      "yellow, blue, magenta, cyan, white, bright-NAME, 0-255 "
				      "or #rrggbb)", it->key, hex ? hex : value);
		else if (field == HAS_FG)
			st->fg = c;
		else
			st->bg = c;
		free(hex);
		if (m)
			return m;
	}
	has[r] |= field;
	return NULL;
}

/* "theme 'drak' not found (did you mean 'dark'?; looked in DIRS)": the
 * nearest theme name, the built-in ones included. */
static char *
not_found(const char *name, const char *looked)
{
	size_t n = 0;
	char **names = theme_names(&n);
	size_t cap = n;
	xgrow((void **)&names, &cap, n + 2, sizeof *names);
	names[n++] = xstrdup("default");
	names[n++] = xstrdup("mono");
	const char *near = config_suggest(name, (const char *const *)names, n);
	char *m = near ? xasprintf("theme '%s' not found (did you mean '%s'?; looked in %s)",
				   name, near, looked)
		: xasprintf("theme '%s' not found (looked in %s)", name, looked);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return m;
}

int
theme_load(theme *t, const char *name_or_path, char **err)
{
	*err = NULL;
	memset(t, 0, sizeof *t);
	char *looked = NULL;
	char *path = theme_find(name_or_path, &looked);
	if (!path) {
		if (!strcmp(name_or_path, "default") || !strcmp(name_or_path, "mono")) {
			free(looked);
			if (!strcmp(name_or_path, "mono"))
				theme_mono(t);
			else
				theme_default(t);
			return 0;
		}
		if (strchr(name_or_path, '/'))
			*err = xasprintf("theme file %s cannot be read", name_or_path);
		else
			*err = not_found(name_or_path, looked);
		free(looked);
		theme_default(t);
		return -1;
	}
	config_ini ini;
	if (config_ini_load(&ini, path, err) < 0) {
		free(path);
		theme_default(t);
		return -1;
	}
	int has[ROLE_COUNT] = { 0 };
	int lines[ROLE_COUNT * 3] = { 0 };
	char *msg = NULL;
	int line = 0;
	for (size_t i = 0; i < ini.nitems && !msg; i++) {
		line = ini.items[i].line;
		msg = theme_item(t, has, lines, &ini.items[i]);
	}
	if (msg) {
		*err = xasprintf("%s:%d: %s", path, line, msg);
		free(msg);
		config_ini_clear(&ini);
		free(path);
		theme_default(t);
		return -1;
	}
	/* Inheritance: what a role does not set comes from [text]. */
	theme_style *text = &t->style[ROLE_TEXT];
	if (!(has[ROLE_TEXT] & HAS_FG))
		text->fg = -1;
	if (!(has[ROLE_TEXT] & HAS_BG))
		text->bg = -1;
	if (!(has[ROLE_TEXT] & HAS_ATTRS))
		text->attrs = 0;
	for (int r = 1; r < ROLE_COUNT; r++) {
		if (!(has[r] & HAS_FG))
			t->style[r].fg = text->fg;
		if (!(has[r] & HAS_BG))
			t->style[r].bg = text->bg;
		if (!(has[r] & HAS_ATTRS))
			t->style[r].attrs = text->attrs;
	}
	t->name = xstrdup(name_or_path);
	config_ini_clear(&ini);
	free(path);
	return 0;
}
