#!/bin/sh
# Reading the bundled declaration in a real terminal (tmux): open, page to
# the end, back to the top, jump from the outline to annex paragraph 8,
# resize 80x24 -> 40x12 -> 200x60 -> 80x24 keeping that clause at the top,
# cite it, quit with a clean exit.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 15

tui_start 80 24 "$LECTERN"
check "opens the bundled declaration with the letter at the top" \
	tui_wait 'Carta de fecha 22 de diciembre' 1
outline_and_status() {
	tui_screen | grep -q '^ Outline ' && tui_row 23 | grep -qE 'Carta .* Top *$'
}
check "outline pane and status line (Top of the document)" outline_and_status

page_to_end() {
	n=0
	while [ "$n" -lt 40 ]; do
		tui_row 23 | grep -qE ' End *$' && return 0
		tui_keys Space
		sleep 0.05
		n=$((n + 1))
	done
	return 1
}
check "Space pages down to the end of the document" page_to_end
check "the last clause is on the screen at the end" tui_wait 'injerencia externa\.'
tui_keys g
check "g goes back to the top" tui_wait 'Top *$' 23

tui_keys Tab
check "Tab focuses the outline" tui_wait 'Outline \(Enter: jump'
check "the outline cursor reaches annex paragraph 8" tui_outline_to annex1/decl/p8
tui_keys Enter
check "Enter jumps: paragraph 8 is at the top of the text pane" \
	tui_wait '│ *\[8\] Dado el carácter transfronterizo' 1
check "the status line shows the breadcrumb Anexo › Declaración conjunta de… › 8" \
	tui_wait 'Anexo › Declaración conjunta de… › 8 ' 23
check "the outline marks paragraph 8 as the reading position" \
	tui_wait '^›  *\[8\] Dado el'

tui_resize 40 12
check "at 40x12 the same clause is at the top" tui_wait '^ *\[8\] Dado el carácter' 1
tui_resize 200 60
check "at 200x60 the same clause is at the top" \
	tui_wait '│ *\[8\] Dado el carácter transfronterizo de las tecnologías' 1
tui_resize 80 24
check "back at 80x24 the same clause is at the top" \
	tui_wait '│ *\[8\] Dado el carácter transfronterizo' 1
tui_keys c
check "c shows the citation of the clause at the top" \
	tui_wait '^Anexo, párr\. 8  \[8 not printed: counted\]  \(annex1/decl/p8\)'
tui_keys q
check "q quits with status 0 and restores the terminal" tui_wait '^lectern-exit=0'
tui_done
