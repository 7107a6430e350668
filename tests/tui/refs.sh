#!/bin/sh
# References in the reader: highlighted in the text, ) and ( move between
# them and the message line says what each is (the catalog's title in the
# document's language; a resolution cited with a paragraph shows what that
# paragraph is about); the references pane (r) lists targets with counts
# and Enter walks the mentions of one.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 13

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys ')'
check ") goes to item 98 and names it in Spanish from the catalog" \
	tui_wait '^tema 98 \(A/75\): Avances en la esfera de la información' 24
highlighted() {
	tmx capture-pane -e -p -t "s$TUI_S" | grep 'con los temas' | grep -q '7m[^ ]*98'
}
check "the current reference is reversed in the text" highlighted
tui_keys ')'
check ") again: item 112" tui_wait '^tema 112 \(A/75\): Lucha contra la utilización' 24
tui_keys ')'
check "the resolution cited by its title, paragraph 29, its Spanish title (no English gloss)" \
	tui_wait '^A/RES/74/306, párrafo 29: Respuesta integral' 24
check "the view moved to the citation (annex paragraph 5)" \
	tui_wait 'Anexo › Declaración[^›]* › 5' 23
tui_keys ')'
check "no reference after the last one: it says so, and which key goes back" \
	tui_wait '^No more references below: press \( for the previous one *$' 24
tui_keys '('
check "( goes back to item 112" tui_wait '^tema 112 \(A/75\)' 24
tui_keys '(' '('
check "before the first one: no more above, ) for the next one" \
	tui_wait '^No more references above: press \) for the next one *$' 24

tui_keys g r
check "r opens the references pane with targets and counts" \
	tui_wait 'References: 3 targets, 3 mentions'
check "the pane lists item 98 with its title" \
	tui_wait '^ A/75 item 98 +1× Avances en la esfera'
tui_keys j j Enter
check "Enter on a target jumps to its mention" \
	tui_wait '^A/RES/74/306, párrafo 29' 24
tui_keys Escape g
tui_wait 'Carta .* Top *$' 23
# A click on "112" in the letter (X10 mouse, as terminal.sh) describes it.
mouse() { # button col row (0-based)
	tmx send-keys -t "s$TUI_S" -l "$(printf '\033[M%b%b%b' \
		"\\0$(printf %o $((32 + $1)))" "\\0$(printf %o $((33 + $2)))" \
		"\\0$(printf %o $((33 + $3)))")"
}
row=$(tui_screen | grep -n 'con los temas 98 y 112' | cut -d: -f1)
col=$(tui_screen | sed -n "${row}p" | sed 's/ 112 del.*//' | wc -m)
mouse 0 "$col" $((row - 1))
mouse 3 "$col" $((row - 1))
check "a click on a reference says what it is" \
	tui_wait '^tema 112 \(A/75\): Lucha contra' 24
tui_keys q
check "q quits with status 0" tui_wait '^lectern-exit=0'
tui_done
