#!/bin/sh
# Jump history: every jump (goto, outline, search, references) can be
# undone with Backspace or C-o and redone with Right (Tab is C-i in a
# terminal and moves focus); marks m{a-z} and '{a-z}, '' goes back.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 12

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys : 8 Enter
tui_wait '│ *\[8\] Dado el carácter' 1
tui_keys : 3 Enter
check "two jumps: clause 3 at the top" tui_wait '│ *\[3\] Al mismo tiempo' 1
tui_keys BSpace
check "Backspace goes back to clause 8" tui_wait '│ *\[8\] Dado el carácter' 1
check "the message says where and how to go forward" \
	tui_wait '^Back to Anexo, párr\. 8 \(.*Right: forward\)' 24
tui_keys C-o
check "C-o goes back to the top" tui_wait 'Carta .* Top *$' 23
tui_keys Right
check "Right goes forward to clause 8" tui_wait '│ *\[8\] Dado el carácter' 1
tui_keys Right
check "and to clause 3" tui_wait '│ *\[3\] Al mismo tiempo' 1
tui_keys Right
check "no newer position: it says so" tui_wait '^No newer position' 24
tui_keys / p r e o c u p a c i o n Enter
tui_wait '^Match 1 of'
tui_keys BSpace
check "a search is a jump too: back to clause 3" tui_wait '│ *\[3\] Al mismo tiempo' 1
tui_keys m a
check "m a sets mark a, naming the clause by its citation" \
	tui_wait "^Mark a set at Anexo, párr\. 3 \('a returns\)" 24
tui_keys g "'" a
check "' a returns to the mark" tui_wait '│ *\[3\] Al mismo tiempo' 1
tui_keys "'" "'"
check "'' goes back to where the mark jump came from" \
	tui_wait 'Carta .* Top *$' 23
tui_keys : 8 Enter G
tui_wait ' End *$' 23
tui_keys BSpace
check "G is a jump too: Backspace returns to clause 8" \
	tui_wait '│ *\[8\] Dado el carácter' 1
tui_keys q
tui_done
