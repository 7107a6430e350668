/* theme: colours as semantic roles, read from themes/NAME.ini; no curses
 * here (the ui maps roles to colour pairs).
 *
 *   [text]
 *   fg = default        ; default, black … white, bright-red …, 0-255, #rrggbb
 *   bg = default
 *   attrs = bold underline reverse dim italic   (any, space-separated; none)
 *
 * Sections are role names (see theme_role_name). A role that is missing,
 * or a key missing in a role, takes its value from [text]; a missing [text]
 * is the terminal's own colours without attributes. "#rrggbb" is mapped to
 * the nearest of the 240 fixed colours 16-255 of a 256-colour terminal.
 *
 * Search path: a name containing '/' is a file; else
 * themes/NAME.ini in the user's config directory (paths.h:
 * $XDG_CONFIG_HOME/lectern, default ~/.config/lectern), then in the bundled
 * themes directory ($LECTERN_DATADIR/themes or PKGDATADIR/themes; the tests
 * set LECTERN_DATADIR to the source tree). "default" and "mono" are also
 * built in: they work when no file of that name is found. */
#ifndef LECTERN_THEME_H
#define LECTERN_THEME_H

#include <stdio.h>

typedef enum theme_role {
	ROLE_TEXT, ROLE_HEADING, ROLE_CLAUSE_NUMBER, ROLE_REFERENCE,
	ROLE_NOTE_MARKER, ROLE_SELECTION, ROLE_STATUS, ROLE_MESSAGE,
	ROLE_ERROR, ROLE_SEARCH_MATCH, ROLE_OUTLINE, ROLE_OUTLINE_CURRENT,
	ROLE_BORDER, ROLE_TITLE, ROLE_SIGNATURE, ROLE_NOTE_TEXT, ROLE_DIM,
	ROLE_INSERTED, ROLE_DELETED,	/* --compare in the reader: words
					   of NEW only, of OLD only */
	ROLE_COUNT
} theme_role;

#define THEME_ATTR_BOLD 1
#define THEME_ATTR_UNDERLINE 2
#define THEME_ATTR_REVERSE 4
#define THEME_ATTR_DIM 8
#define THEME_ATTR_ITALIC 16

typedef struct theme_style {
	int fg, bg;		/* -1 = terminal default, 0-255 */
	int attrs;		/* THEME_ATTR_* */
} theme_style;

typedef struct theme {
	char *name;		/* as asked for; owned */
	theme_style style[ROLE_COUNT];
} theme;

const char *theme_role_name(theme_role r);	/* "clause-number" */
/* Loads a theme by name or path. Returns 0, or -1 with *err naming the file
 * and line (caller frees). On error *t holds the built-in default theme.
 * Always call theme_clear. */
int theme_load(theme *t, const char *name_or_path, char **err);
/* The built-in default theme (the same as themes/default.ini). */
void theme_default(theme *t);
/* The built-in monochrome theme (NO_COLOR, terminals without colour): no
 * colours, attributes only. */
void theme_mono(theme *t);
void theme_clear(theme *t);

/* The file a theme name resolves to (malloc'd), or NULL; then, if looked is
 * not NULL, *looked lists the places tried (malloc'd, for messages). */
char *theme_find(const char *name_or_path, char **looked);
/* Parses a colour: "default" (-1), a name, 0-255, #rrggbb. Returns 0 or -1. */
int theme_parse_color(const char *s, int *color);
/* A colour the terminal can show: color itself when color < ncolors, else
 * the nearest of the first min(ncolors, 16) colours (xterm's palette);
 * -1 (terminal default) when ncolors < 8 or color is -1. */
int theme_color_fit(int color, int ncolors);
/* Prints the themes found in the search path, one "NAME  PATH" per line,
 * first occurrence of each name only (for a --list-themes option). */
void theme_list(FILE *out);

#endif
