/* config: the user's settings from config.ini, validated before curses
 * starts. A declarative table (key, type, default, range, help) drives
 * loading and validation; errors name the file and line. The file is never
 * written by the program.
 *
 * File: --config FILE, else $XDG_CONFIG_HOME/lectern/config.ini (default
 * ~/.config/lectern/config.ini); a missing default file is not an error.
 *
 *   [ui]
 *   theme = dark            ; a name in the theme path, or a file path
 *   outline_cols = 32       ; 0 hides the outline at start
 *   notes_cols = 36
 *   mouse = yes
 *   [keys]
 *   j = scroll-down         ; key = action (key names: see ui/keys.c)
 */
#ifndef LECTERN_CONFIG_H
#define LECTERN_CONFIG_H

#include <stddef.h>
#include <stdio.h>

typedef struct config_binding {
	char *key;		/* as written: "j", "C-d", "PageDown", "F1" */
	char *action;		/* action name: "scroll-down" */
	int line;		/* line in the file, for messages */
} config_binding;

typedef struct config {
	char *path;		/* file that was read, or NULL if none */
	char *theme;		/* theme name or path; default "default" */
	int outline_cols;	/* 0..120, default 30 */
	int notes_cols;		/* 0..120, default 36 */
	int mouse;		/* default 1 */
	int show_numbers;	/* clause numbers in the gutter, default 1 */
	config_binding *bindings;
	size_t nbindings;
} config;

/* Defaults, then the file. path NULL = the default location. Returns 0, or
 * -1 with *err = "FILE:LINE: message" (caller frees); *cfg is then still
 * valid with defaults. */
int config_load(config *cfg, const char *path, char **err);
void config_free(config *cfg);
/* Help text of every key for `lectern --help-config`, one per line. */
void config_describe(FILE *out);

#endif
