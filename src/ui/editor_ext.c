/* editor_ext: a note in the user's own editor, as calcurse and NeoMutt do
 * it: config.ini's [ui] editor names it ("$VISUAL": $VISUAL, else $EDITOR;
 * "$NAME": that variable; anything else: a shell command, the note's file
 * added as its last argument); "builtin", the default, keeps editor.c's.
 *
 * The note goes to a private temporary file; curses leaves the screen
 * (endwin), the editor runs on the terminal (its standard input the
 * terminal even when the document came on a pipe) while the reader
 * ignores SIGINT and SIGQUIT as system() does, then the screen is
 * restored and drawn afresh. The file as the editor left it (one trailing
 * newline dropped) is saved through the same function as the built-in
 * editor's; unchanged text saves nothing. When saving fails, or the
 * editor cannot run, the built-in editor opens with the text, so that
 * nothing typed is lost. */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "ui/notes_ui.h"
#include "util.h"

/* The command configured, or NULL for the built-in editor; *why says why
 * a configured one is missing ("$VISUAL and $EDITOR are not set"). */
static const char *
command(const ui *u, const char **why)
{
	*why = NULL;
	const char *e = u->cfg && u->cfg->editor ? u->cfg->editor : "builtin";
	if (!strcmp(e, "builtin"))
		return NULL;
	if (!strcmp(e, "$VISUAL")) {
		const char *v = getenv("VISUAL");
		if (!v || !*v)
			v = getenv("EDITOR");
		if (!v || !*v)
			*why = "$VISUAL and $EDITOR are not set";
		return v && *v ? v : NULL;
	}
	if (e[0] == '$') {
		const char *v = getenv(e + 1);
		if (!v || !*v)
			*why = "the variable named by editor = is not set";
		return v && *v ? v : NULL;
	}
	return e;
}

static int
write_file(int fd, const char *s)
{
	size_t n = strlen(s);
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

/* Runs "cmd FILE" through the shell on the terminal, curses suspended.
 * Returns the exit status, or -1 with errno set. */
static int
run_editor(const char *cmd, const char *file)
{
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	def_prog_mode();
	endwin();
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	int status = -1;
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		if (!isatty(STDIN_FILENO)) {	/* the document came on a pipe */
			int t = open("/dev/tty", O_RDONLY);
			if (t >= 0)
				dup2(t, STDIN_FILENO);
		}
		/* as git runs $EDITOR: a shell command, the file after it */
		char *script = xasprintf("%s \"$1\"", cmd);
		execl("/bin/sh", "sh", "-c", script, "sh", file, (char *)NULL);
		_exit(127);
	}
	int e = 0;
	if (pid < 0) {
		e = errno;
	} else {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	reset_prog_mode();
	ui_mouse_again();
	clearok(curscr, TRUE);	/* whatever the editor left, drawn over */
	if (pid < 0) {
		errno = e;
		return -1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int
editor_ext_open(ui *u, const char *text, editor_save_fn save, void *arg,
		char **fallback)
{
	*fallback = NULL;
	const char *why;
	const char *cmd = command(u, &why);
	if (!cmd) {
		if (why)
			ui_message(u, ROLE_ERROR, "config.ini editor: %s: the built-in editor", why);
		return UI_PASS;
	}
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/lectern-note-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemps(path, 4);	/* mode 0600 */
	if (fd < 0 || write_file(fd, text ? text : "") < 0 ||
	    (text && *text && write_file(fd, "\n") < 0)) {
		ui_message(u, ROLE_ERROR, "Cannot write a file for the editor: %s",
			   strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		free(path);
		return UI_PASS;
	}
	close(fd);
	int rc = run_editor(cmd, path);
	int flags = UI_GEOMETRY | UI_DRAW;
	char *data = NULL, *err = NULL;
	size_t len = 0;
	if (rc != 0) {
		if (rc < 0)
			ui_message(u, ROLE_ERROR, "Cannot run the editor: %s", strerror(errno));
		else
			ui_message(u, ROLE_ERROR, "The editor exited with status %d: "
				   "note not saved", rc);
	} else if (util_read_file(path, 1 << 20, &data, &len, &err) < 0) {
		ui_message(u, ROLE_ERROR, "%s", err);
		free(err);
	} else {
		if (len && data[len - 1] == '\n')
			data[--len] = '\0';
		if (!strcmp(data, text ? text : "")) {
			ui_message(u, ROLE_MESSAGE, "Note unchanged");
		} else if (save(u, data, arg, &err) == 0) {
			flags |= UI_MOVED;	/* the saver said so */
		} else {
			ui_message(u, ROLE_ERROR, "Not saved: %s", err ? err : "error");
			free(err);
			*fallback = data;	/* the built-in editor takes it */
			data = NULL;
			flags = UI_PASS;
		}
	}
	free(data);
	unlink(path);
	free(path);
	return flags;
}
