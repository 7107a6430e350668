#!/bin/sh
# The prompt and the goto action: ":" then a clause number or a node path;
# wide and accented input; Backspace on an empty prompt cancels.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 7

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys : 8
check ": opens the prompt and shows what is typed" tui_wait '^Go to clause or path: 8' 24
tui_keys Enter
check "Enter goes to clause 8 (the annex has it)" \
	tui_wait '│ +8 Dado el carácter transfronterizo' 1
check "the message names the path" tui_wait '^annex1/decl/p8 *$' 24
tui_keys : 3 Enter
check "a number goes first to the clause of the part being read" \
	tui_wait '│ +3 Al mismo tiempo, les preocupa' 1
tui_keys : l e t t e r / p 2 Enter
check "a path goes to that node" tui_wait '│ +2 Le agradecería que tuviera' 1
tui_keys : 'ñ' '日' x Enter
check "an unknown clause is an error that quotes the input" \
	tui_wait "^No clause or path 'ñ日x'" 24
tui_keys : a BSpace BSpace
check "Backspace on an empty prompt cancels it" \
	tui_wait '^Space/b page  Tab outline' 24
tui_done
