# tests/tui/lib.sh: drive the real lectern in a detached tmux (sourced by
# the tests/tui/*.sh scripts).
#
# Each test gets a private tmux server (-L lectern-test-PID), a temporary
# HOME and XDG directories (no user config is read), LC_ALL=C.UTF-8 and
# TERM=tmux-256color inside the pane. The server and the directory are
# removed on exit, also when a test fails. Screens are polled with
# capture-pane until the expected text appears, with a bounded timeout.
# Output is TAP: plan first (tui_plan N), then ok / not ok per check.

TUI_SOCK="lectern-test-$$"
TUI_N=0
TUI_FAILS=0
TUI_TIMEOUT=${TUI_TIMEOUT:-100}		# tenths of a second per wait
TUI_SUPP="$(cd "${top_srcdir:-.}/tests/tui" && pwd)/lsan.supp"
unset TMUX

tui_plan() {
	echo "1..$1"
	if ! command -v tmux >/dev/null 2>&1; then
		i=1
		while [ "$i" -le "$1" ]; do
			echo "not ok $i - tmux is not installed (apt-get install tmux; bootstrap does)"
			i=$((i + 1))
		done
		exit 1
	fi
	if [ -z "$LECTERN" ] || [ ! -x "$LECTERN" ]; then
		echo "# LECTERN is not set to the built binary"
		exit 1
	fi
	TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/lectern-tui.XXXXXX") || exit 1
	mkdir -p "$TUI_TMP/home" "$TUI_TMP/config" "$TUI_TMP/data" "$TUI_TMP/cache"
	# No status bar: the pane is the whole window from the start.
	printf 'set -g status off\n' > "$TUI_TMP/tmux.conf"
	trap 'tui_cleanup' EXIT
	trap 'exit 1' INT TERM HUP
}

# The programs running in the panes (children of the panes' shells), to
# reap once their terminal is gone: a sanitizer build whose terminal died
# can hang in its exit report, and must not spin on after the test.
TUI_PIDS=""
tui_note_pids() {
	for pp in $(tmux -L "$TUI_SOCK" list-panes -a -F '#{pane_pid}' 2>/dev/null); do
		TUI_PIDS="$TUI_PIDS $(pgrep -P "$pp" 2>/dev/null | tr '\n' ' ')"
	done
}
tui_reap() {
	[ -n "$(echo $TUI_PIDS)" ] || return 0
	sleep 1
	for p in $TUI_PIDS; do kill -KILL "$p" 2>/dev/null; done
	TUI_PIDS=""
}

tui_cleanup() {
	tui_note_pids
	tmux -L "$TUI_SOCK" kill-server >/dev/null 2>&1
	tui_reap
	# Sanitizer reports went to files (a dead terminal cannot take them):
	# a memory error, a leak (what lsan.supp does not suppress: the
	# terminal libraries' own) or undefined behaviour fails the test.
	bad=""
	pat='ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error'
	if [ -n "$TUI_TMP" ] && ls "$TUI_TMP"/asan.* >/dev/null 2>&1 &&
	   grep -lE "$pat" "$TUI_TMP"/asan.* >/dev/null 2>&1; then
		bad=1
		grep -hE -A12 "$pat" "$TUI_TMP"/asan.* | sed 's/^/# /'
	fi
	[ -n "$TUI_TMP" ] && rm -rf "$TUI_TMP"
	[ -z "$bad" ] || exit 1
}

tmx() { tmux -L "$TUI_SOCK" "$@"; }

# tui_start COLS ROWS COMMAND: a new session running COMMAND (a shell
# command line); after it ends the pane shows "lectern-exit=RC" and stays.
TUI_S=0
tui_start() {
	old="s$TUI_S"
	TUI_S=$((TUI_S + 1))
	tmx -f "$TUI_TMP/tmux.conf" new-session -d -s "s$TUI_S" -x "$1" -y "$2" \
		-e LC_ALL=C.UTF-8 -e TERM=tmux-256color -e HOME="$TUI_TMP/home" \
		-e XDG_CONFIG_HOME="$TUI_TMP/config" -e XDG_DATA_HOME="$TUI_TMP/data" \
		-e XDG_CACHE_HOME="$TUI_TMP/cache" -e NO_COLOR= \
		-e LSAN_OPTIONS="suppressions=$TUI_SUPP:print_suppressions=0" \
		-e ASAN_OPTIONS="log_path=$TUI_TMP/asan" \
		"$3; echo lectern-exit=\$?; sleep 600"
	# The old session goes after the new one exists, so the server (which
	# exits with its last session) stays up.
	[ "$TUI_S" -gt 1 ] && tui_note_pids && tmx kill-session -t "$old" >/dev/null 2>&1
	return 0
}

tui_screen() { tmx capture-pane -p -t "s$TUI_S" 2>/dev/null; }
tui_row() { tui_screen | sed -n "$1p"; }
tui_keys() { tmx send-keys -t "s$TUI_S" "$@" 2>/dev/null; }
tui_resize() { tmx resize-window -t "s$TUI_S" -x "$1" -y "$2"; }

# tui_wait PATTERN [ROW]: waits until PATTERN (grep -E) is on the screen,
# or on row ROW (1-based). Returns 1 after the timeout.
tui_wait() {
	i=0
	while [ "$i" -lt "$TUI_TIMEOUT" ]; do
		if [ -n "$2" ]; then
			tui_row "$2" | grep -qE -- "$1" && return 0
		else
			tui_screen | grep -qE -- "$1" && return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# tui_gone PATTERN: waits until PATTERN is no longer on the screen.
tui_gone() {
	i=0
	while [ "$i" -lt "$TUI_TIMEOUT" ]; do
		tui_screen | grep -qE -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# check DESCRIPTION COMMAND...: one TAP line; the screen goes to the log
# when it fails.
check() {
	TUI_N=$((TUI_N + 1))
	d="$1"
	shift
	if "$@"; then
		echo "ok $TUI_N - $d"
	else
		echo "not ok $TUI_N - $d"
		TUI_FAILS=$((TUI_FAILS + 1))
		tui_screen 2>/dev/null | sed 's/^/#   |/'
	fi
}

# tui_outline_to PATH: with the outline focused, moves its cursor from the
# top down until the message line names PATH ("annex1/decl/p8  (Enter:
# jump)"); each step waits for the message to change.
tui_outline_to() {
	tui_keys g
	tui_wait '^letter|^[a-z0-9]+  \(Enter' || return 1
	n=0
	while [ "$n" -lt 80 ]; do
		last=$(tui_screen | tail -n 1)
		case "$last" in "$1  (Enter"*) return 0 ;; esac
		tui_keys j
		i=0
		while [ "$i" -lt 30 ] && [ "$(tui_screen | tail -n 1)" = "$last" ]; do
			sleep 0.05
			i=$((i + 1))
		done
		[ "$i" -lt 30 ] || return 1	# the cursor stopped: not found
		n=$((n + 1))
	done
	return 1
}

# tui_golden NAME: the whole screen, as capture-pane prints it, equals
# tests/tui/NAME.screen (tmux's regress does the same); a difference goes
# to the log as a diff. With TUI_UPDATE=1 the file is written instead: read
# it by eye before committing it.
tui_golden() {
	want="${top_srcdir:-.}/tests/tui/$1.screen"
	tui_screen > "$TUI_TMP/$1.screen"
	if [ -n "$TUI_UPDATE" ]; then
		cp "$TUI_TMP/$1.screen" "$want"
		return 0
	fi
	diff -u "$want" "$TUI_TMP/$1.screen" > "$TUI_TMP/$1.diff" && return 0
	sed 's/^/# /' "$TUI_TMP/$1.diff"
	return 1
}

tui_done() {
	[ "$TUI_FAILS" -eq 0 ]
	exit $?
}

# tui_help_rows OUT: with the help overlay open, pages through it with
# Space and writes its content rows to OUT, in order and each once (the
# text inside the border and its one-column padding, trailing spaces
# removed). The bottom border's " FIRST-LAST/TOTAL " says which rows a
# screen shows; without it everything fits on one screen.
tui_help_rows() {
	: > "$1.tmp"
	n=0
	while [ "$n" -lt 100 ]; do
		s=$(tui_screen)
		top=$(printf '%s\n' "$s" | grep -n '┌─ Help' | head -n 1 | cut -d: -f1)
		[ -n "$top" ] || return 1
		bot=$(printf '%s\n' "$s" | sed -n "$top,\$p" | grep -n '└' | head -n 1 | cut -d: -f1)
		[ -n "$bot" ] || return 1
		bot=$((top + bot - 1))
		line=$(printf '%s\n' "$s" | sed -n "${top}p")
		col=$(printf '%s' "${line%%┌*}" | wc -m)
		box=${line#*┌}
		box=${box%%┐*}
		w=$(($(printf '%s' "$box" | wc -m) + 2))
		ind=$(printf '%s\n' "$s" | sed -n "${bot}p" | grep -oE ' [0-9]+-[0-9]+/[0-9]+ ' | head -n 1)
		first=1
		[ -n "$ind" ] && first=$(echo "$ind" | sed -E 's/^ ([0-9]+)-.*/\1/')
		printf '%s\n' "$s" | sed -n "$((top + 1)),$((bot - 1))p" |
			sed -E "s/^.{$col}(.{$w}).*\$/\\1/; s/^│ //; s/ │\$//; s/ +\$//" |
			awk -v f="$first" '{ print f + NR - 1 "\t" $0 }' >> "$1.tmp"
		[ -n "$ind" ] || break
		last=$(echo "$ind" | sed -E 's/^ [0-9]+-([0-9]+)\/.*/\1/')
		total=$(echo "$ind" | sed -E 's/^.*\/([0-9]+) $/\1/')
		[ "$last" -lt "$total" ] || break
		tui_keys Space
		tui_gone "$ind" || return 1
		n=$((n + 1))
	done
	sort -n -s -u -k1,1 "$1.tmp" | cut -f2- > "$1"
	rm -f "$1.tmp"
}

# tui_actions OUT: the action table (src/ui/actions.c) as "name<TAB>help"
# lines, for checking what the help shows.
tui_actions() {
	sed -n 's/^.*\[ACT_[A-Z_]*\] = { "\([^"]*\)", [a-z_]*, "\(.*\)" },$/\1	\2/p' \
		"${top_srcdir:-.}/src/ui/actions.c" > "$1"
	[ -s "$1" ]
}

# tui_cols_before CHAR ROW: the display columns before the first CHAR on
# screen row ROW (1-based), or nothing if it is not there.
tui_cols_before() {
	r=$(tui_row "$2")
	case "$r" in *"$1"*) ;; *) return 1 ;; esac
	printf '%s' "${r%%"$1"*}" | wc -m
}
