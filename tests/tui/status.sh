#!/bin/sh
# The status line names a resolution by its symbol and its own title
# ("A/RES/78/237 Developments in the field of…"), never by the masthead
# line "Resolution adopted by the General Assembly on …", at 80x24, 40x12,
# 120x40 and 200x60; the breadcrumb follows the clause at the top; a letter
# without a symbol is named by its title.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 25

RES="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_78_237.txt"
RES2="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_79_237.txt"
RES3="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_80_16.txt"

status_row() { tui_row "$(($(tmx display -p -t "s$TUI_S" '#{window_height}') - 1))"; }
status_has() {
	i=0
	while [ "$i" -lt 50 ]; do
		status_row | grep -qE -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
no_masthead() { ! status_row | grep -q 'Resolution adopted'; }

tui_start 80 24 "$LECTERN '$RES'"
tui_wait 'Resolution adopted by the General Assembly' || true
check "80x24: symbol and title" \
	status_has '^ A/RES/78/237 Developments in the field of information and .*…  +p\. 1/4  Top'
check "80x24: the masthead line is not taken for the title" no_masthead
tui_keys ']' ']'
check "80x24: at the title heading the crumb is its number" \
	status_has '^ A/RES/78/237 Developments .*…  78/237  p\. 1/4 '
tui_keys :
tui_keys 5 Enter
check "80x24: at operative paragraph 5 the crumb says 5" \
	status_has '^ A/RES/78/237 Developments .*…  5  p\. [0-9]/4 '
tui_resize 40 12
check "40x12: the symbol, the start of the title and the crumb" \
	status_has '^ A/RES/78/237 Dev[a-z]*…  5  p\. '
tui_resize 120 40
check "120x40: the title (cut) and the crumb" \
	status_has '^ A/RES/78/237 Developments in the field of information and telecommunications in .*…  5  p\. '
tui_resize 200 60
check "200x60: the whole title" \
	status_has '^ A/RES/78/237 Developments in the field of information and telecommunications in the context of international security  5 '
tui_keys g
check "200x60: at the top, still the title, not the masthead" \
	status_has '^ A/RES/78/237 Developments in the field of information and telecommunications in the context of international security  +p\. 1/4  Top'
check "200x60: no masthead in the status line" no_masthead
tui_keys j
check "200x60: nor on the next line" no_masthead
tui_resize 40 12
check "40x12: at the top the title takes the room" \
	status_has '^ A/RES/78/237 Develop[a-z]*…  p\. 1/4  Top'

tui_start 120 40 "$LECTERN '$RES2'"
check "A/RES/79/237 at 120x40: symbol and title" \
	status_has '^ A/RES/79/237 Open-ended working group on security of and in the use of'
check "A/RES/79/237: no masthead" no_masthead
tui_start 80 24 "$LECTERN '$RES3'"
check "A/RES/80/16 at 80x24: symbol and title" \
	status_has '^ A/RES/80/16 Open-ended working group on security of and in .*…  +p\. 1/'
tui_keys G
check "A/RES/80/16 at its end: symbol, title and a crumb" \
	status_has '^ A/RES/80/16 Open-ended .*…  [0-9a-z]+( › [0-9a-z]+)*  p\. [0-9]+/[0-9]+  End'

# The bundled letter has no symbol: its title, in bold at 80x24.
tui_start 80 24 "$LECTERN"
check "the letter: its title, then the crumb" \
	status_has '^ Carta de fecha 22 de diciembre de 2020 dirigida al .*…  Carta  p\. 1/3  Top'
tui_keys :
tui_keys 8 Enter
check "the letter at annex paragraph 8: title cut, crumb whole (the body's title cut at a word)" \
	status_has '^ Carta de fecha .*…  Anexo › Declaración conjunta de… › 8  p\. 3/3 '
tui_resize 40 12
check "40x12: the crumb alone when the title would say nothing; the body's title cut to the room" \
	status_has '^ Anexo › Declaración… › 8  +p\. 3/3 '
tui_resize 200 60
check "200x60: the whole title and the crumb" \
	status_has 'ante las Naciones Unidas  Anexo › Declaración conjunta de… › 8  +p\. 3/3 '
tui_start 120 40 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys ']' ']' ']' ']' ']'
check "at the annex's [Original: ruso] the crumb is the annex, not the note" \
	status_has '^ Carta de fecha .*  Anexo  p\. 2/3 '

# A convention: an article's crumb step is its heading's first line
# ("Article 12", not "Article 12, Information and…"), the body's is its
# title cut to the room (not "Convention"); with no room the steps nearest
# the top give way first, and the clause stays.
CONV="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_79_243.txt"
tui_start 80 24 "$LECTERN '$CONV'"
tui_wait 'Resolution adopted by the General Assembly' || true
tui_keys : 'art. 12, para. 1' Enter
check "convention 80x24: Annex › Convention… › Chapter II › Article 12 › 1" \
	status_has '^ A/RES/79/243  Annex › Convention… › Chapter II › Article 12 › 1  +p\. [0-9]+/[0-9]+ '
tui_resize 40 12
check "convention 40x12: the symbol and the clause" \
	status_has '^ A/RES/79/243  … › 1  +p\. [0-9]+/[0-9]+ '
tui_resize 120 40
check "convention 120x40: the body's title cut at a word" \
	status_has '  Annex › Convention against… › Chapter II › Article 12 › 1  p\. [0-9]+/[0-9]+ '
tui_resize 200 60
check "convention 200x60: title and crumb" \
	status_has '^ A/RES/79/243 United Nations Convention against Cybercrime;.*…  Annex › Convention against… › Chapter II › Article 12 › 1  p\. [0-9]+/[0-9]+ '
tui_keys : 'Article 13' Enter
check "convention: 'Article 13.' shows without its full stop" \
	status_has ' › Chapter II › Article 13  p\. '
tui_done
