/* theme: colours as semantic roles, read from themes/NAME.ini; no curses
 * here (the ui maps roles to colour pairs).
 *
 *   [text]
 *   fg = default        ; default, black … white, bright-red …, 0-255, #rrggbb
 *   bg = default
 *   attrs = bold underline reverse dim italic   (any, space-separated)
 *
 * Sections are role names (see theme_role). A missing role inherits [text].
 * Search path: a name containing '/' is a file; else
 * $XDG_CONFIG_HOME/lectern/themes/NAME.ini, then PKGDATADIR/themes/NAME.ini,
 * then the source tree's themes/ (when run uninstalled). */
#ifndef LECTERN_THEME_H
#define LECTERN_THEME_H

typedef enum theme_role {
	ROLE_TEXT, ROLE_HEADING, ROLE_CLAUSE_NUMBER, ROLE_REFERENCE,
	ROLE_NOTE_MARKER, ROLE_SELECTION, ROLE_STATUS, ROLE_MESSAGE,
	ROLE_ERROR, ROLE_SEARCH_MATCH, ROLE_OUTLINE, ROLE_OUTLINE_CURRENT,
	ROLE_BORDER, ROLE_TITLE, ROLE_SIGNATURE, ROLE_NOTE_TEXT, ROLE_DIM,
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
	char *name;
	theme_style style[ROLE_COUNT];
} theme;

const char *theme_role_name(theme_role r);	/* "clause-number" */
/* Loads a theme by name or path. Returns 0, or -1 with *err naming the file
 * and line (caller frees). On error *t holds the built-in default theme. */
int theme_load(theme *t, const char *name_or_path, char **err);
/* The built-in monochrome theme (NO_COLOR, terminals without colour). */
void theme_mono(theme *t);
void theme_free(theme *t);

#endif
