/* keys: key names, the default bindings, and config [keys] overrides.
 *
 * A key is an int (ui_impl.h): a character's code point, or UI_KEY_FN(k) for
 * a curses function key. Names are what users write in config.ini and what
 * the help screen shows: a single character ("j", "G", "ñ"), "C-x" or "^X"
 * for control keys, and named keys (Space, Enter, Tab, BTab, Esc, Backspace,
 * Up, Down, Left, Right, Home, End, PageUp, PageDown, Insert, Delete,
 * F1-F12), plus Hash, Semicolon, Equals for the characters INI reserves.
 * Names are matched case-insensitively, except single characters.
 *
 * The default bindings are a table of names parsed through the same code, so
 * every default is also a valid config line. A config binding replaces every
 * default binding of its key; action "none" removes the key's binding. Two
 * config lines that name one key (Esc and Escape) in one map are refused. */
#include <build-config.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "ui/ui_impl.h"
#include "util.h"

static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Space", ' ' }, { "Enter", '\n' }, { "Return", '\n' },
	{ "Tab", '\t' }, { "Esc", UI_KEY_ESC }, { "Escape", UI_KEY_ESC },
	{ "BTab", UI_KEY_FN(KEY_BTAB) }, { "S-Tab", UI_KEY_FN(KEY_BTAB) },
	{ "Backspace", UI_KEY_FN(KEY_BACKSPACE) }, { "BS", UI_KEY_FN(KEY_BACKSPACE) },
	{ "Up", UI_KEY_FN(KEY_UP) }, { "Down", UI_KEY_FN(KEY_DOWN) },
	{ "Left", UI_KEY_FN(KEY_LEFT) }, { "Right", UI_KEY_FN(KEY_RIGHT) },
	{ "S-Left", UI_KEY_FN(KEY_SLEFT) }, { "S-Right", UI_KEY_FN(KEY_SRIGHT) },
	{ "Home", UI_KEY_FN(KEY_HOME) }, { "End", UI_KEY_FN(KEY_END) },
	{ "PageUp", UI_KEY_FN(KEY_PPAGE) }, { "PgUp", UI_KEY_FN(KEY_PPAGE) },
	{ "PageDown", UI_KEY_FN(KEY_NPAGE) }, { "PgDn", UI_KEY_FN(KEY_NPAGE) },
	{ "Insert", UI_KEY_FN(KEY_IC) }, { "Delete", UI_KEY_FN(KEY_DC) },
	{ "Del", UI_KEY_FN(KEY_DC) },
	{ "Hash", '#' }, { "Semicolon", ';' }, { "Equals", '=' },
};

/* Defaults, in the order the help screen lists keys. */
static const struct {
	const char *key;
	const char *action;
} defaults[] = {
	{ "q", "quit" }, { "Q", "quit" },
	{ "h", "help" }, { "F1", "help" },
	{ "j", "line-down" }, { "Down", "line-down" }, { "C-e", "line-down" },
	{ "C-n", "line-down" },
	{ "k", "line-up" }, { "Up", "line-up" }, { "C-y", "line-up" },
	{ "C-p", "line-up" },
	{ "Space", "page-down" }, { "f", "page-down" },
	{ "PageDown", "page-down" }, { "C-f", "page-down" },
	{ "b", "page-up" }, { "PageUp", "page-up" }, { "C-b", "page-up" },
	{ "d", "half-page-down" }, { "C-d", "half-page-down" },
	{ "u", "half-page-up" }, { "C-u", "half-page-up" },
	{ "g", "top" }, { "Home", "top" }, { "<", "top" },
	{ "G", "bottom" }, { "End", "bottom" }, { ">", "bottom" },
	{ "]", "next-block" }, { "}", "next-block" },
	{ "[", "prev-block" }, { "{", "prev-block" },
	{ "Enter", "activate" },
	{ "Tab", "focus-next" }, { "BTab", "focus-prev" },
	{ "c", "cite" }, { ":", "goto" }, { "i", "info" }, { "*", "footnotes" },
	{ "y", "copy" }, { ".", "change-next" }, { ",", "change-prev" },
	{ "O", "change-old" }, { "P", "languages" }, { "o", "toggle-outline" }, { "Hash", "toggle-numbers" },
	{ "Z", "toggle-removed" },
	{ "C-l", "redraw" }, { "Esc", "cancel" },
	{ "s", "toggle-notes" }, { "a", "note-add" }, { "A", "note-add-words" },
	{ "v", "note-select" },
	{ "e", "note-edit" }, { "D", "note-delete" }, { "Delete", "note-delete" },
	{ "U", "note-undelete" }, { "F", "note-filter" }, { "t", "note-tag" },
	/* References, search, history (refs_ui.h). Tab is C-i in a terminal
	 * and moves focus, so history-forward is on Right (as a browser's
	 * Alt-Right); Backspace goes back, as in a browser. Search keys are
	 * less's and vi's: / and ? (Enter alone at the ? prompt shows the
	 * help, which h and F1 show too), n and N. */
	{ ")", "ref-next" }, { "(", "ref-prev" }, { "r", "toggle-refs" },
	{ "/", "search-forward" }, { "?", "search-backward" },
	{ "\\", "search-backward" },
	{ "n", "search-next" }, { "N", "search-prev" }, { "p", "search-prev" },
	{ "C-o", "history-back" }, { "Backspace", "history-back" },
	{ "Left", "history-back" }, { "Right", "history-forward" },
	{ "m", "mark" }, { "'", "goto-mark" }, { "`", "goto-mark" },
	{ "L", "toggle-library" },
	/* Selecting words for a note (v), a map of its own: vi's word keys
	 * and arrows move the end, capitals and shifted arrows the start. */
	{ "w", "select-extend" }, { "l", "select-extend" }, { "Right", "select-extend" },
	{ "b", "select-shrink" }, { "h", "select-shrink" }, { "Left", "select-shrink" },
	{ "W", "select-start-later" }, { "L", "select-start-later" },
	{ "S-Right", "select-start-later" },
	{ "B", "select-start-earlier" }, { "H", "select-start-earlier" },
	{ "S-Left", "select-start-earlier" },
	{ ")", "select-sentence" }, { "s", "select-sentence" },
	{ "Enter", "select-note" }, { "a", "select-note" },
	{ "Esc", "select-cancel" }, { "q", "select-cancel" }, { "v", "select-cancel" },
	{ "C-c", "select-cancel" },
};

int
keys_parse(const char *name)
{
	if (!name || !*name)
		return -1;
	size_t n = strlen(name);
	ucs4_t c;
	int len = u8_mbtouc(&c, (const uint8_t *)name, n);
	if (len > 0 && (size_t)len == n && c != 0xfffd) {
		/* One character: itself, if it can be typed and printed. */
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
			return -1;
		return (int)c;
	}
	for (size_t i = 0; i < ARRAY_LEN(named); i++)
		if (!strcasecmp(name, named[i].name))
			return named[i].key;
	/* C-x, ^X: control characters. */
	const char *rest = NULL;
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-')
		rest = name + 2;
	else if (name[0] == '^')
		rest = name + 1;
	if (rest && rest[0] && !rest[1]) {
		char r = rest[0];
		if (r >= 'a' && r <= 'z')
			return UI_KEY_CTRL(r);
		if (r >= '@' && r <= '_')	/* A-Z [ \ ] ^ _ @ */
			return UI_KEY_CTRL(r);
		return -1;
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1]) {
		char *end;
		long v = strtol(name + 1, &end, 10);
		if (!*end && v >= 1 && v <= 12 && name[1] != '0')
			return UI_KEY_FN(KEY_F(v));
	}
	return -1;
}

void
keys_name(int key, char *out, size_t size)
{
	if (key == ' ') {
		snprintf(out, size, "Space");
		return;
	}
	if (UI_KEY_IS_FN(key)) {
		int k = key & ~0x200000;
		if (k >= KEY_F(1) && k <= KEY_F(12)) {
			snprintf(out, size, "F%d", k - KEY_F0);
			return;
		}
	}
	/* The first name in the table is the canonical one. */
	for (size_t i = 0; i < ARRAY_LEN(named); i++)
		if (named[i].key == key && key != '#' && key != ';' && key != '=') {
			snprintf(out, size, "%s", named[i].name);
			return;
		}
	if (key >= 0 && key < 0x20) {
		snprintf(out, size, "C-%c", key >= 1 && key <= 26 ? 'a' + key - 1 : '@' + key);
		return;
	}
	if (!UI_KEY_IS_FN(key) && key > 0) {
		uint8_t b[8];
		int n = u8_uctomb(b, (ucs4_t)key, 7);
		if (n > 0) {
			snprintf(out, size, "%.*s", n, (const char *)b);
			return;
		}
	}
	snprintf(out, size, "<%d>", key);
}

/* Binds key to act in the map of act (act -2 removes the key's binding
 * in the reader's map). */
static void
bind(ui *u, int key, int act)
{
	int map = act >= 0 ? ACTIONS_MAP(act) : KEYS_READER;
	for (size_t i = 0; i < u->nbind; i++)
		if (u->bind[i].key == key && ACTIONS_MAP(u->bind[i].act) == map) {
			if (act >= 0) {
				u->bind[i].act = act;
			} else {
				memmove(&u->bind[i], &u->bind[i + 1],
					(u->nbind - i - 1) * sizeof *u->bind);
				u->nbind--;
			}
			return;
		}
	if (act < 0)
		return;
	xgrow((void **)&u->bind, &u->bind_cap, u->nbind + 1, sizeof *u->bind);
	u->bind[u->nbind++] = (keys_binding){ key, act };
}

int
keys_setup(ui *u, const config *cfg, char **err)
{
	u->nbind = 0;
	for (size_t i = 0; i < ARRAY_LEN(defaults); i++) {
		int k = keys_parse(defaults[i].key);
		int a = actions_find(defaults[i].action);
		if (k < 0 || a < 0) {	/* a programmer error: fail loudly */
			*err = xasprintf("built-in binding %s = %s is invalid",
					 defaults[i].key, defaults[i].action);
			return -1;
		}
		bind(u, k, a);
	}
	if (!cfg)
		return 0;
	const char *file = cfg->path ? cfg->path : "config.ini";
	for (size_t i = 0; i < cfg->nbindings; i++) {
		const config_binding *b = &cfg->bindings[i];
		int k = keys_parse(b->key);
		if (k < 0) {
			*err = xasprintf("%s:%d: [keys]: unknown key name '%s' "
					 "(examples: j, G, C-f, PageDown, Space, F1)",
					 file, b->line, b->key ? b->key : "");
			return -1;
		}
		int a = actions_find(b->action);
		if (a == -1) {
			buf names;
			buf_init(&names);
			for (int j = 0; j < ACT_COUNT; j++)
				buf_printf(&names, "%s%s", j ? ", " : "", actions_table[j].name);
			*err = xasprintf("%s:%d: [keys]: unknown action '%s' for key '%s' "
					 "(actions: %s, none)", file, b->line,
					 b->action ? b->action : "", b->key, names.s);
			buf_clear(&names);
			return -1;
		}
		/* Two names of one key (Esc, Escape; C-i, Tab) in one map:
		 * the later would silently win. config.c sees only the names. */
		int map = a >= 0 ? ACTIONS_MAP(a) : KEYS_READER;
		for (size_t j = 0; j < i; j++) {
			const config_binding *o = &cfg->bindings[j];
			int oa = actions_find(o->action);
			if (keys_parse(o->key) != k
			    || (oa >= 0 ? ACTIONS_MAP(oa) : KEYS_READER) != map)
				continue;
			*err = xasprintf("%s:%d: [keys]: '%s' names the same key "
					 "as '%s' (line %d)", file, b->line,
					 b->key, o->key, o->line);
			return -1;
		}
		bind(u, k, a);
	}
	/* A reader nobody can leave is worse than a refused config. (C-c
	 * still quits, but few would guess it.) */
	for (size_t i = 0; i < u->nbind; i++)
		if (u->bind[i].act == ACT_QUIT)
			return 0;
	*err = xasprintf("%s: [keys]: no key is left for quit "
			 "(bind one, e.g. q = quit)", file);
	return -1;
}

int
keys_lookup_in(const ui *u, int map, int key)
{
	for (size_t i = 0; i < u->nbind; i++)
		if (u->bind[i].key == key && ACTIONS_MAP(u->bind[i].act) == map)
			return u->bind[i].act;
	return -1;
}

int
keys_lookup(const ui *u, int key)
{
	return keys_lookup_in(u, KEYS_READER, key);
}

void
keys_of_action(const ui *u, int act, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < u->nbind; i++) {
		if (u->bind[i].act != act)
			continue;
		char name[32];
		keys_name(u->bind[i].key, name, sizeof name);
		int n = snprintf(out + len, size - len, "%s%s", len ? " " : "", name);
		if (n < 0 || (size_t)n >= size - len) {
			out[len] = '\0';
			return;
		}
		len += (size_t)n;
	}
}

const char *
keys_first(const ui *u, int act, char *out, size_t size)
{
	for (size_t i = 0; i < u->nbind; i++)
		if (u->bind[i].act == act) {
			keys_name(u->bind[i].key, out, size);
			return out;
		}
	snprintf(out, size, "%s", act >= 0 && act < ACT_COUNT ? actions_table[act].name : "?");
	return out;
}

int
keys_expand(const ui *u, const char *tmpl, char *out, size_t size)
{
	buf b;
	buf_init(&b);
	int missing = 0;
	for (const char *s = tmpl; *s;) {
		const char *close = *s == '{' ? strchr(s, '}') : NULL;
		if (!close) {
			buf_addc(&b, *s++);
			continue;
		}
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)(close - s - 1), s + 1);
		int act = actions_find(name);
		assert(act >= 0);	/* a template names a real action */
		char k[32];
		int bound = 0;
		for (size_t i = 0; i < u->nbind && !bound; i++)
			bound = u->bind[i].act == act;
		missing |= !bound;
		buf_adds(&b, keys_first(u, act, k, sizeof k));
		s = close + 1;
	}
	snprintf(out, size, "%s", b.s ? b.s : "");
	buf_clear(&b);
	return missing ? -1 : 0;
}

int
keys_from_curses(int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		if (ch == KEY_ENTER)
			return '\n';
		return UI_KEY_FN((int)ch);
	}
	if (ch == '\r')
		return '\n';
	if (ch == 0x7f || ch == 8)
		return UI_KEY_FN(KEY_BACKSPACE);
	return (int)ch;
}
