#!/bin/sh
# Two readers on the same document and database at once (two tmux
# sessions): a note saved in one shows in the other's panel at its next
# key, both ways, and nothing is lost.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 7

DB="$TUI_TMP/notes.db"
RUN="$LECTERN --notes-db $DB"

tui_start 100 24 "$RUN"
tui_wait 'Carta de fecha' 1
# The second reader: its own session on the same server.
tmx new-session -d -s b -x 100 -y 24 \
	-e LC_ALL=C.UTF-8 -e TERM=tmux-256color -e HOME="$TUI_TMP/home" \
	-e XDG_CONFIG_HOME="$TUI_TMP/config" -e XDG_DATA_HOME="$TUI_TMP/data" \
	-e XDG_CACHE_HOME="$TUI_TMP/cache" -e NO_COLOR= \
	-e LSAN_OPTIONS="suppressions=$TUI_SUPP:print_suppressions=0" \
	"$RUN; echo lectern-exit=\$?; sleep 600"
b_screen() { tmx capture-pane -p -t b 2>/dev/null; }
b_wait() {
	i=0
	while [ "$i" -lt "$TUI_TIMEOUT" ]; do
		b_screen | grep -qE -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
b_keys() { tmx send-keys -t b "$@"; }
check "both readers open the document" b_wait 'Carta de fecha'

# A: show the panel, add a note on letter paragraph 1.
tui_keys s ']' ']' a
tui_wait 'New note:'
tui_keys -l 'nota de A'
tui_keys C-s
check "reader A saves its note" tui_wait '^Note saved' 24

# B: the panel, then any key re-reads it.
b_keys s
check "reader B sees A's note" b_wait '│ nota de A *$'
b_keys ']' ']' ']' a
b_wait 'New note:'
b_keys -l 'nota de B'
b_keys C-s
check "reader B saves its own note" b_wait '^Note saved'
tui_keys j
check "reader A sees B's note at its next key" tui_wait '│ nota de B *$'
both() { [ "$("$LECTERN" --notes --notes-db "$DB" | wc -l)" -eq 2 ]; }
check "the store holds both notes" both
b_keys q
tui_keys q
quit() { tui_wait '^lectern-exit=0' && b_wait '^lectern-exit=0'; }
check "both quit with status 0" quit
tui_done
