/* paths: the one resolver of lectern's directories (see paths.h).
 *
 * Invariants: every answer is an absolute path or NULL (the bundled
 * directories are never NULL); nothing here creates a directory (callers
 * that write use util_mkdirs). Only this file reads XDG_CONFIG_HOME,
 * XDG_DATA_HOME, HOME and LECTERN_DATADIR. */
#include <build-config.h>

#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/lectern"
#endif

/* The home directory: $HOME if absolute, else the password database's. */
static const char *
home(void)
{
	const char *h = getenv("HOME");
	if (h && h[0] == '/')
		return h;
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_dir && pw->pw_dir[0] == '/')
		return pw->pw_dir;
	return NULL;
}

/* $var/lectern if var is absolute, else HOME/fallback/lectern, else NULL. */
static char *
user_dir(const char *var, const char *fallback)
{
	const char *x = getenv(var);
	if (x && x[0] == '/')
		return xasprintf("%s/lectern", x);
	const char *h = home();
	return h ? xasprintf("%s/%s/lectern", h, fallback) : NULL;
}

char *
paths_config_dir(void)
{
	return user_dir("XDG_CONFIG_HOME", ".config");
}

char *
paths_data_dir(void)
{
	return user_dir("XDG_DATA_HOME", ".local/share");
}

static char *
in_dir(char *dir, const char *name)
{
	if (!dir)
		return NULL;
	char *p = xasprintf("%s/%s", dir, name);
	free(dir);
	return p;
}

char *
paths_config_file(const char *name)
{
	return in_dir(paths_config_dir(), name);
}

char *
paths_data_file(const char *name)
{
	return in_dir(paths_data_dir(), name);
}

static int
is_dir(const char *dir, const char *sub)
{
	char *p = xasprintf("%s/%s", dir, sub);
	struct stat st;
	int r = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return r;
}

/* The source tree the running program was built in, when it runs from
 * there uninstalled (`./bootstrap && ./lectern`): the directory of
 * /proc/self/exe when it holds data/ and themes/. Found at run time, so no
 * build path is compiled in; an installed program's directory (bin/) has
 * neither. NULL otherwise. */
static const char *
exe_tree(void)
{
	static char dir[PATH_MAX];
	static int done;
	if (done)
		return dir[0] ? dir : NULL;
	done = 1;
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0) {
		dir[0] = 0;
		return NULL;
	}
	dir[n] = 0;
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	if (!dir[0] || !is_dir(dir, "data") || !is_dir(dir, "themes"))
		dir[0] = 0;
	return dir[0] ? dir : NULL;
}

static const char *
datadir(void)
{
	const char *d = getenv("LECTERN_DATADIR");
	if (d && d[0] == '/')
		return d;
	const char *t = exe_tree();
	return t ? t : PKGDATADIR;
}

char *
paths_bundled_dir(void)
{
	/* a source tree keeps its bundled files in data/ */
	char *src = xasprintf("%s/data", datadir());
	struct stat st;
	if (stat(src, &st) == 0 && S_ISDIR(st.st_mode))
		return src;
	free(src);
	return xstrdup(datadir());
}

char *
paths_theme_dir(void)
{
	return xasprintf("%s/themes", datadir());
}
