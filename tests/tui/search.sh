#!/bin/sh
# Search: / incremental (the view moves while typing), smart case and
# accents (a plain query finds the accented word; a query with an accent or
# a capital is exact), matches highlighted where they are, n/p and the
# wrap-around message, "not found", Esc back to where the search started.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 17

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys / t r a n s f r o n t
check "the prompt shows the query" tui_wait '^/transfront' 24
check "incremental: the view moved to paragraph 8 while typing" \
	tui_wait '│ *\[8\] Dado el carácter transfronterizo'
tui_keys q x
check "while typing, a query with no match says so after it" \
	tui_wait '^/transfrontqx +not found' 24
tui_keys Escape
check "Esc cancels and returns to where the search started" \
	tui_wait 'Carta .* Top *$' 23
tui_keys / i n f o r m a c i o n Enter
check "informacion (no accent) finds información: match 1 of many" \
	tui_wait '^Match 1 of [0-9]+ +\(any case or accent' 24
hl() {
	tmx capture-pane -e -p -t "s$TUI_S" | grep -q '7minformación'
}
check "the match is highlighted at its characters" hl
tui_keys n
check "n: the next match" tui_wait '^Match 2 of' 24
tui_keys N
check "N: the previous one" tui_wait '^Match 1 of' 24
tui_keys p
check "p before the first wraps to the bottom, and says so" \
	tui_wait '^Search wrapped to the bottom' 24
tui_keys n
check "n after the last wraps to the top, and says so" \
	tui_wait '^Search wrapped to the top: match 1' 24
tui_keys G n
check "after G, n searches from the screen, not from the old match" \
	tui_wait '^Match 21 of 22 ' 24
tui_keys / I N F O R M A C I Ó N Enter
check "a capital and an accent: exact; not found is said clearly" \
	tui_wait '^Not found: INFORMACIÓN \(exact\)' 24
tui_keys / T r a n s f r o n t e r i z o Enter
check "a capital alone: case exact, accents free -> not found" \
	tui_wait '^Not found: Transfronterizo \(case exact\)' 24
tui_keys g / c a r á c t e r Enter
check "an accent alone: accents exact, case free -> found" \
	tui_wait '^Match 1 of [0-9]+ +\(accents exact' 24
tui_keys g /
tui_keys -l 'ibragimov representante'
tui_keys Enter
check "a phrase across a hard line break (signature) is found" \
	tui_wait '^Match 1 of 1 ' 24
# Reverse video (7) set right before the word, other colour codes between.
both() {
	scr=$(tmx capture-pane -e -p -t "s$TUI_S" | tr -d '\033')
	echo "$scr" | grep -qE '[;[]7m(\[[0-9;]*m)*Ibragimov' &&
		echo "$scr" | grep -qE '[;[]7m(\[[0-9;]*m)*Representante'
}
check "and highlighted on both lines" both
tui_keys G '?'
tui_keys -l 'transfronterizo'
tui_keys Enter
check "? searches backward from the end: the one match, in clause 8" \
	tui_wait '^Match 1 of 1 ' 24
tui_keys q
tui_done
