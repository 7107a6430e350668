#!/bin/sh
# SGR 1006 mouse reports: under tmux (whose terminfo declares only X10
# reports, one byte a column, none past 223) the reader asks for SGR
# reports and reads them: a click in the notes panel at column 266 of a
# 300-column terminal selects the note and jumps to its clause; a click
# in the outline jumps; the wheel scrolls. X10 reports still work
# (terminal.sh), and the request is withdrawn on exit. At 80x24 and 300x16.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 9

DB="$TUI_TMP/notes.db"
"$LECTERN" --notes-db "$DB" --note-add annex1/decl/p8 --text='nota del párrafo ocho' \
	>/dev/null || echo "# --note-add failed"
sgr() { # button col row (0-based), press
	tmx send-keys -t "s$TUI_S" -l "$(printf '\033[<%d;%d;%dM' "$1" $(($2 + 1)) $(($3 + 1)))"
	[ "$1" -ge 64 ] || tmx send-keys -t "s$TUI_S" -l \
		"$(printf '\033[<%d;%d;%dm' "$1" $(($2 + 1)) $(($3 + 1)))"
}
sgr_flag() { [ "$(tmx display -p -t "s$TUI_S" '#{mouse_sgr_flag}')" = "$1" ]; }

tui_start 300 16 "$LECTERN --notes-db '$DB'"
tui_wait 'Carta de fecha' 1
check "300x16: the reader asks the terminal for SGR mouse reports" sgr_flag 1
row=$(tui_screen | grep -n '│ Anexo, párr\. 8' | head -n 1 | cut -d: -f1)
col=$(tui_cols_before 'Anexo, párr. 8' "$row")
check "300x16: the notes panel lists the note past column 223" \
	[ "${col:-0}" -gt 223 ]
sgr 0 $((col + 2)) $((row - 1))
check "300x16: a click there (SGR) jumps to its clause" \
	tui_wait '│.*✎ *\[8\] Dado el carácter' 1
check "300x16: the message names the note's clause" \
	tui_wait '^Anexo, párr\. 8  \(annex1/decl/p8\)' 16
top=$(tui_row 1)
sgr 65 120 10
moved() {
	i=0
	while [ $i -lt 50 ]; do
		[ "$(tui_row 1)" != "$top" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check "300x16: the wheel (SGR) scrolls the text" moved
tui_keys q
tui_wait '^lectern-exit=0'
check "the request is withdrawn on exit" sgr_flag 0

tui_start 80 24 "$LECTERN --notes-db '$DB'"
tui_wait 'Carta de fecha' 1
row=$(tui_screen | grep -n '^ *\[3\] Al mismo tiempo' | cut -d: -f1)
sgr 0 8 $((row - 1))
check "80x24: a click on an outline entry (SGR) jumps to it" \
	tui_wait '│ *\[3\] Al mismo tiempo, les preocupa' 1
tui_keys Escape
tui_keys -l 'q'
check "80x24: keys still work after the reports (q quits)" tui_wait '^lectern-exit=0'
printf '[ui]\nmouse = no\n' > "$TUI_TMP/nomouse.ini"
tui_start 80 24 "$LECTERN --config '$TUI_TMP/nomouse.ini' --notes-db '$DB'"
tui_wait 'Carta de fecha' 1
check "mouse = no: no SGR request" sgr_flag 0
tui_done
