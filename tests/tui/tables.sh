#!/bin/sh
# Tables (the model's "table" node: its text the header row, its children
# the rows): the outline lists the table, not its rows (A/C.5/80/L.1 has
# 192); the header row is drawn as a heading, its " | " as rules between
# the column titles, and the rows as plain text; a row's crumb is its
# table. At 80x24, 40x12, 120x40 and 200x60.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 11

L1="${top_srcdir:-.}/tests/data/parse/corpus/en_A_C.5_80_L.1.txt"
INF="${top_srcdir:-.}/tests/data/parse/corpus/en_A_INF_76_1.txt"
esc=$(printf '\033')

# The text pane's part (after the outline's border) of the screen row
# holding TEXT there, with its escape sequences.
styled_row() { tmx capture-pane -e -p -t "s$TUI_S" | sed 's/^[^│]*│//' | grep -F -- "$1" | head -n 1; }
# TEXT is drawn bold (the heading role of the default theme).
bold() { styled_row "$1" | grep -q "$esc\\[1m$2"; }
not_bold() { r=$(styled_row "$1"); [ -n "$r" ] && ! printf '%s' "$r" | grep -q "$esc\\[1m$2"; }

tui_start 80 24 "$LECTERN '$L1'"
tui_wait 'Status of preparedness' 1
tui_keys Tab G
check "80x24: the outline's last entry is the table, not its 192nd row" \
	tui_wait '^annex1/decl/t1  \(Enter: jump\)' 24
tui_keys Enter
check "Enter on it jumps to the header row" \
	tui_wait '│ +Agenda item/symbol │ Title or description │' 1
check "the header row is drawn as a heading" bold 'Agenda item/symbol' 'Agenda'
check "a row is plain text" not_bold 'Allocation of agenda items' 'Allocation'
tui_keys j j j j
check "in the rows the crumb ends at the table (its header row, cut)" \
	tui_wait '^ A/C\.5/80/L\.1 .* › Agenda item/symbol…  +p\. [0-9]+/[0-9]+ ' 23

tui_start 40 12 "$LECTERN '$INF'"
tui_wait 'Opening dates' 1
tui_keys Tab G
check "40x12 (outline over the text): the table is the last entry" \
	tui_wait '^t1  \(Enter: jump\)' 12
tui_start 120 40 "$LECTERN '$INF'"
tui_wait 'Opening dates' 1
no_rows() { tui_screen | grep -q '^›* *Session | Opening' && ! tui_screen | grep -q '^ *Seventy-sixth[^│]*│'; }
check "120x40: the outline lists the table and none of its ten rows" no_rows
tui_keys : t1 Enter
check "120x40: its column titles apart, with rules between them" \
	tui_wait '│ +Session │ Opening date of the session │ Opening date of the' 1
check "120x40: the header row is a heading" bold 'Opening date of the session' 'Session'
tui_resize 200 60
check "200x60: the header row on one line, bold" \
	tui_wait '│ +Session │ Opening date of the session │ Opening date of the general debate *$'
check "200x60: bold" bold 'Opening date of the session' 'Session'
tui_done
