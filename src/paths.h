/* paths: where lectern's files are, decided in one place for config,
 * themes, notes, the library index, catalogs and the bundled document.
 *
 * The user's directories (the XDG Base Directory spec):
 *   config: $XDG_CONFIG_HOME/lectern, else HOME/.config/lectern;
 *   data:   $XDG_DATA_HOME/lectern,   else HOME/.local/share/lectern;
 * where a relative XDG_* value is ignored (the spec says so) and HOME is
 * $HOME when it is absolute, else the home directory of the password
 * database (getpwuid), when that is absolute. With none of them there is
 * no user directory (NULL): the callers say so.
 *
 * The bundled files (documents, catalogs, themes/): $LECTERN_DATADIR when
 * it is set to an absolute path, else PKGDATADIR (the install location,
 * from configure). LECTERN_DATADIR may name an installed data directory or
 * a source tree (whose files are in data/ and themes/): `make check` sets
 * it to the source tree, so no build path is compiled into the program.
 * Without it, a program run from the tree it was built in (the directory
 * of /proc/self/exe holds data/ and themes/) reads that tree, so that
 * `./bootstrap && ./lectern` opens the bundled declaration uninstalled. */
#ifndef LECTERN_PATHS_H
#define LECTERN_PATHS_H

/* The user's lectern config directory, or NULL (see above). New string. */
char *paths_config_dir(void);
/* The user's lectern data directory, or NULL (see above). New string. */
char *paths_data_dir(void);
/* dir/name in the user's config or data directory, or NULL. New string. */
char *paths_config_file(const char *name);
char *paths_data_file(const char *name);
/* The directory of the bundled documents and catalogs; never NULL. New
 * string. */
char *paths_bundled_dir(void);
/* The directory of the bundled themes; never NULL. New string. */
char *paths_theme_dir(void);

#endif
