/* catalog: what references point to — agenda items (per session) and
 * resolutions, with their titles per language and the source of every fact —
 * read from INI files through config_ini (config.h; iniparser 4.1 parses).
 *
 * File format (docs: data/resolutions.ini has the commented template):
 *
 *   [A/75 item 98]                 ; the entry's key, as refs.h makes keys
 *   kind     = agenda-item         ; agenda-item, resolution, decision,
 *                                  ; document
 *   title_en = "Developments in the field of …"
 *   source_en = "where title_en was read"
 *   title_es = "…"                 ; en es fr ru zh ar
 *   source_es = "…"
 *   date     = 2020-09-11          ; resolutions: date of adoption (ISO)
 *   source   = "…"                 ; the source of the entry as a whole
 *   para_29_en = "…"               ; what paragraph 29 is about (optional)
 *
 * Titles and paragraph glosses are shown only in the document's language
 * (refs.h, "Shown language"); there is no fallback to English.
 *
 * Keys are compared case-insensitively (iniparser lower-cases section
 * names); a section name must not contain ':'. Values holding ';' or '#'
 * must be quoted (iniparser 4.1 cuts them otherwise); a value cannot
 * contain the quote character that delimits it (4.1 has no escapes).
 *
 * Loading order and overrides: the bundled catalogs, then every *.ini in
 * the user's data directory (paths.h: $XDG_DATA_HOME/lectern/, default
 * ~/.local/share/lectern/) in name order.
 * A later file's field replaces the same field of an entry with the same
 * key; other fields are kept. A file that cannot be read (syntax error,
 * over-long line, unclosed quote, unreadable, not a regular file) is
 * skipped with a message naming the file (and line where known); the other
 * files still load. A UTF-8 BOM is accepted, as in config and themes.
 *
 * The catalog owns every string it returns. Loading one catalog from
 * several threads at once is not safe; loading different ones is. */
#ifndef LECTERN_CATALOG_H
#define LECTERN_CATALOG_H

#include <stddef.h>

typedef struct catalog catalog;

/* Languages that titles may be given in. */
#define CATALOG_NLANGS 6
extern const char *const catalog_langs[CATALOG_NLANGS];	/* "en" … "ar" */

typedef struct catalog_entry {
	char *key;		/* as written in the first file defining it */
	char *kind;		/* "agenda-item", "resolution", … (never NULL) */
	char *title[CATALOG_NLANGS];	/* NULL where unknown */
	char *title_source[CATALOG_NLANGS];
	char *date;		/* ISO date or NULL */
	char *source;		/* source of the entry, or NULL */
	char *file;		/* the file that last changed this entry */
	char **para_keys;	/* "para_29_en" … and their values */
	char **para_vals;
	size_t npara;
} catalog_entry;

catalog *catalog_new(void);
void catalog_free(catalog *c);

/* Loads one INI file into c. Returns the number of entries read, or -1 with
 * *err set (malloc'd, caller frees) to a message naming the file and, where
 * known, the line. Entries with no kind are skipped and reported in *err
 * while the rest load (then the return value is >= 0 and *err is set). */
int catalog_load_file(catalog *c, const char *path, char **err);

/* Loads the bundled catalogs and the user's. Bundled: every *.ini in
 * srcdir/data when srcdir is not NULL and that directory holds
 * agenda-a75.ini (a test's source tree), else in paths_bundled_dir()
 * (paths.h: $LECTERN_DATADIR or PKGDATADIR). Never fails;
 * *warnings gets the messages of files that could not be used, one per
 * line (malloc'd; NULL when all loaded). */
catalog *catalog_load_default(const char *srcdir, char **warnings);

/* Loads every *.ini of dir, in name order; messages are appended to w
 * (a "\n"-separated string, may start NULL). Returns files loaded. */
int catalog_load_dir(catalog *c, const char *dir, char **w);

size_t catalog_count(const catalog *c);
const catalog_entry *catalog_entry_at(const catalog *c, size_t i);
/* The entry with this key (ASCII case-insensitive), or NULL. */
const catalog_entry *catalog_find(const catalog *c, const char *key);
/* The title in lang, or NULL. */
const char *catalog_title(const catalog_entry *e, const char *lang);
/* What paragraph para ("29") is about in lang, or NULL. */
const char *catalog_para(const catalog_entry *e, const char *para,
			 const char *lang);
/* The entry of the given kind (NULL = any) one of whose titles, in any
 * language, equals title (n bytes) once both are folded: case, accents,
 * quotes, dashes and spacing do not count (when no title matches, spaces
 * are ignored altogether: extraction splits words, "Est ado"). *lang gets the matching title's
 * language (may be NULL). NULL if none. */
const catalog_entry *catalog_find_title(const catalog *c, const char *kind,
					const char *title, size_t n,
					const char **lang);

/* fold_str(s, n, FOLD_ALL, map) (fold.h): case, accents and typography
 * folded, white space runs one space, trimmed; *map (when map is not NULL)
 * maps each folded byte back to its offset in s. Kept for refs.c, which
 * should call fold_str itself. */
char *catalog_fold(const char *s, size_t n, size_t **map);

#endif
