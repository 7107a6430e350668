/* copy: y copies the citation and the text of the clause at the top of the
 * text pane ("A/RES/80/16, para. 3, p. 3", a blank line, the text; a
 * clause's sub-items come with it) for pasting elsewhere.
 *
 * Where it goes is config.ini's [ui] clipboard: "file" (the default)
 * writes $XDG_DATA_HOME/lectern/clipboard.txt (or, when that directory
 * cannot be made, /tmp/lectern-clipboard-UID.txt) and names it on the
 * message line; "osc52" also sends it to the terminal's clipboard with OSC
 * 52, which some terminals refuse or ignore, hence opt-in (the file is
 * written all the same, so nothing is lost); "no" turns y off. Inside tmux
 * ($TMUX set) the sequence goes to tmux as it is, which stores it in a
 * paste buffer and passes it on when set-clipboard is on, and once more
 * wrapped in tmux's passthrough (DCS tmux;), which reaches the outer
 * terminal when allow-passthrough is on instead. The sequence is written
 * straight to standard output between curses updates; it moves no cursor
 * and prints nothing. */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "un/cite.h"
#include "un/lang.h"
#include "paths.h"
#include "ui/ui_impl.h"
#include "util.h"

/* Longest text sent through OSC 52 (before base64): terminals drop longer
 * ones (xterm's default limit is about 100 kB of sequence). */
#define COPY_OSC52_MAX_BYTES 65536

static int
in_subtree(const node *n, const node *top)
{
	for (const node *a = n; a; a = a->parent)
		if (a == top)
			return 1;
	return 0;
}

/* "CITATION\n\nTEXT\n": the clause's blocks, each with its number. */
static char *
clip_text(const ui *u, const node *nd, char **cite_out)
{
	const doc *d = u->d;
	buf b;
	buf_init(&b);
	char *c = cite_format(d, nd);
	if (d->meta.symbol)
		buf_printf(&b, "%s, %s", d->meta.symbol, c);
	else
		buf_adds(&b, c);
	free(c);
	if (nd->page > 0)
		buf_printf(&b, ", p. %d", nd->page);
	*cite_out = xstrdup(b.s);
	buf_adds(&b, "\n\n");
	/* a clause brings its sub-items; a heading or an annex only itself */
	int whole = nd->kind == NODE_PARAGRAPH || nd->kind == NODE_SUBITEM;
	for (size_t i = nd->block; i < d->nblocks; i++) {
		const node *n = d->blocks[i];
		if (i > nd->block && (!whole || !in_subtree(n, nd)))
			break;
		if (i > nd->block)
			buf_addc(&b, '\n');
		if (n->number && *n->number)
			buf_printf(&b, "%s ", n->number);
		buf_add(&b, node_text(d, n), n->len);
		buf_addc(&b, '\n');
	}
	return buf_take(&b);
}

static char *
base64(const char *s, size_t n)
{
	static const char t[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned char)s[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)s[i + 2];
		*o++ = t[v >> 18 & 63];
		*o++ = t[v >> 12 & 63];
		*o++ = i + 1 < n ? t[v >> 6 & 63] : '=';
		*o++ = i + 2 < n ? t[v & 63] : '=';
	}
	*o = '\0';
	return out;
}

static int
write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Sends text to the terminal's clipboard. Returns 0, or -1. */
static int
osc52(const char *text, size_t n)
{
	if (n > COPY_OSC52_MAX_BYTES)
		return -1;
	char *b = base64(text, n);
	buf s;
	buf_init(&s);
	buf_printf(&s, "\033]52;c;%s\a", b);
	const char *tmux = getenv("TMUX");
	if (tmux && *tmux)	/* passthrough: every ESC inside doubled */
		buf_printf(&s, "\033Ptmux;\033\033]52;c;%s\a\033\\", b);
	free(b);
	fflush(stdout);
	int rc = write_all(STDOUT_FILENO, s.s, s.len);
	buf_clear(&s);
	return rc;
}

/* Writes text to the clipboard file; returns its path (caller frees), or
 * NULL with errno set. */
static char *
to_file(const char *text, size_t n)
{
	char *path = NULL;
	char *dir = paths_data_dir();
	if (dir && util_mkdirs(dir, NULL) == 0)
		path = paths_data_file("clipboard.txt");
	free(dir);
	if (!path)
		path = xasprintf("/tmp/lectern-clipboard-%ld.txt", (long)getuid());
	/* never through a symbolic link planted in /tmp */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, text, n) < 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		free(path);
		errno = e;
		return NULL;
	}
	if (close(fd) < 0) {
		free(path);
		return NULL;
	}
	return path;
}

int
copy_act(ui *u)
{
	const char *mode = u->cfg && u->cfg->clipboard ? u->cfg->clipboard : "file";
	if (!strcmp(mode, "no")) {
		ui_message(u, ROLE_MESSAGE, "Copying is off (config.ini: [ui] clipboard = no)");
		return UI_DRAW;
	}
	const node *nd = ui_top_node(u);
	if (!nd) {
		ui_message(u, ROLE_MESSAGE, "Nothing to copy");
		return UI_DRAW;
	}
	char *cite;
	char *text = clip_text(u, nd, &cite);
	size_t n = strlen(text);
	int sent = !strcmp(mode, "osc52") && osc52(text, n) == 0;
	char *path = to_file(text, n);
	if (path)
		ui_message(u, ROLE_MESSAGE, "Copied %s%s (also in %s)", cite,
			   sent ? " to the clipboard" : "", path);
	else if (sent)
		ui_message(u, ROLE_MESSAGE, "Copied %s to the clipboard", cite);
	else
		ui_message(u, ROLE_ERROR, "Could not copy %s: %s", cite, strerror(errno));
	free(path);
	free(cite);
	free(text);
	return UI_DRAW;
}
