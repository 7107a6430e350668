/* config: the user's settings from config.ini, validated before curses
 * starts. A declarative table (section, key, type, default, range, help)
 * drives loading, validation and `lectern --help-config`; errors name the
 * file and line. The file is never written by the program.
 *
 * File: --config FILE, else $XDG_CONFIG_HOME/lectern/config.ini (default
 * ~/.config/lectern/config.ini); a missing default file is not an error, a
 * missing --config file is.
 *
 *   [ui]
 *   theme = dark            ; a name in the theme path, or a file path
 *   outline_cols = 32       ; auto (default) follows the terminal; 0 hides
 *   notes_cols = 36
 *   text_cols = 72          ; widest text column; 0 = the whole pane
 *   mouse = yes
 *   [keys]
 *   J = line-down           ; key = action (key names: see ui/keys.c)
 *
 * Also here: config_ini, the INI front end every lectern INI file goes
 * through (config, themes, catalogs). iniparser 4.1 reads the values; a
 * line index beside it knows the line of every section and key, so an
 * error names its line, and refuses with a line what iniparser would refuse
 * without one (syntax, a line of 1023 bytes or more). A UTF-8 byte order
 * mark is stripped and the rest handed to iniparser through a memory file
 * (no temporary file). Key names are kept as written (iniparser lower-cases
 * them, which would merge the bindings "g" and "G"). */
#ifndef LECTERN_CONFIG_H
#define LECTERN_CONFIG_H

#include <stddef.h>
#include <stdio.h>

/* An integer setting written "auto": the program chooses. */
#define CONFIG_AUTO (-1)

typedef struct config_binding {
	char *key;		/* as written: "j", "G", "C-d", "PageDown", "F1" */
	char *action;		/* action name: "line-down" */
	int line;		/* line in the file, for messages */
} config_binding;

typedef struct config {
	char *path;		/* file that was read, or NULL if none */
	char *theme;		/* theme name or path; default "default" */
	int outline_cols;	/* 0..120, or CONFIG_AUTO (the default): the
				   reader sizes it from the terminal; 0 hides
				   the outline at start */
	int notes_cols;		/* 0..120, default 36; 0 hides the notes */
	int text_cols;		/* 0 or 20..1000, default 100: widest text
				   column, gutter included (a reading
				   measure); 0 = the whole pane */
	int mouse;		/* default 1 */
	int show_numbers;	/* clause numbers in the gutter, default 1 */
	char *clipboard;	/* where y copies: "osc52", "file" (the
				   default) or "no" */
	char *editor;		/* notes: "builtin" (default), "$VISUAL"
				   ($VISUAL, else $EDITOR), or a command */
	config_binding *bindings;	/* [keys], in file order; owned */
	size_t nbindings;
} config;

/* Defaults, then the file. path NULL = the default location. Returns 0, or
 * -1 with *err = "FILE:LINE: message" (caller frees); *cfg then holds the
 * defaults only (no binding, path NULL). Always call config_clear. */
int config_load(config *cfg, const char *path, char **err);
/* The defaults alone (what config_load gives without a file). */
void config_defaults(config *cfg);
void config_clear(config *cfg);
/* Every setting for `lectern --help-config`: a comment line with its help,
 * then "key = default ; range". The output is itself a valid config.ini
 * that sets every setting to its default. */
void config_describe(FILE *out);
/* The default config file path ($XDG_CONFIG_HOME/lectern/config.ini or
 * ~/.config/lectern/config.ini), malloc'd; NULL when neither variable
 * gives an absolute directory. */
char *config_default_path(void);

/* ---- config_ini: an INI file with line numbers ---- */

typedef struct config_ini_item {
	char *section;	/* lower-cased as iniparser stores it; "" before the
			   first section header */
	char *written;	/* on a header line: the section name as written
			   (case kept, spaces stripped); else NULL */
	char *key;	/* as written, case kept, spaces stripped; NULL on a
			   section header line */
	char *value;	/* what iniparser stores: quotes removed, cut at an
			   unquoted ';' or '#'; "" if empty; NULL on a header */
	char *raw;	/* the text after '=' as written (spaces stripped,
			   quotes and comment kept); NULL on a header */
	int cut;	/* 1: an unquoted ';' or '#' not preceded by a space
			   cut the value ("#ff8800" reads as ""): almost
			   always a mistake, the caller says so */
	int line;	/* 1-based line where it starts */
} config_ini_item;

typedef struct config_ini {
	char *path;
	config_ini_item *items;	/* headers and keys in file order; owned */
	size_t nitems;
	struct _dictionary_ *dict;	/* iniparser's dictionary of the file
					   (owned): for "section:key" lookups */
} config_ini;

/* Reads path. Returns 0, or -1 with *err = "PATH:LINE: message" (or
 * "PATH: message" when no line applies; caller frees) and ini empty.
 * Refuses: unreadable files, anything but a regular file (a FIFO or a
 * device is refused at once, never waited on), files over 16 MiB, NUL bytes,
 * invalid UTF-8, syntax errors, lines of 1023 bytes or more (iniparser's
 * limit, continuation lines included), text after a section's ']', an empty
 * section name, a value whose opening quote is never closed (theme =
 * "dark), and a comment that a trailing '\' continues onto the next line
 * (which would hide it). A UTF-8 BOM is skipped. */
int config_ini_load(config_ini *ini, const char *path, char **err);
void config_ini_clear(config_ini *ini);
/* Case-insensitive ASCII comparison as iniparser does for names. */
int config_ini_name_eq(const char *a, const char *b);
/* For "did you mean": the name of names[0, n) nearest to word (case
 * aside) at an edit distance of 1 or 2, or NULL (points into names). */
const char *config_suggest(const char *word, const char *const *names, size_t n);

#endif
