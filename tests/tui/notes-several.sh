#!/bin/sh
# e (and D) on a clause with several notes asks which one: the panel takes
# the focus with its cursor on the clause's first note and the message
# says how to choose, instead of editing the first one unasked (issue 11
# §5). In the panel, e then edits the note under the cursor.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 5

DB="$TUI_TMP/notes.db"
tui_start 100 24 "$LECTERN --notes-db $DB"
tui_wait 'Carta de fecha' 1
tui_keys ']' ']' a
tui_wait 'New note:'
tui_keys -l 'primera nota'
tui_keys C-s
tui_wait '^Note saved' 24
tui_keys a
tui_wait 'New note:'
tui_keys -l 'segunda nota'
tui_keys C-s
tui_wait '^Note saved' 24
two() { [ "$("$LECTERN" --notes --notes-db "$DB" | wc -l)" -eq 2 ]; }
check "two notes on the same clause" two
tui_keys e
check "e asks which note, naming the keys to choose and edit" \
	tui_wait '^2 notes on .*: j/k choose, e edits it' 24
tui_keys j
check "the panel has the focus: j moves its cursor to the other note" \
	tui_wait '^Carta.*  \(Enter: jump\)' 24
tui_keys e
in_editor() { tui_wait '┌.*Note: ' && tui_wait '│ segunda nota +│'; }
check "e in the panel edits the note under the cursor (the second)" in_editor
tui_keys Escape
tui_gone '┌.*Note: '
tui_keys Tab D
check "D in the text asks which note too" \
	tui_wait '^2 notes on .*: j/k choose, D deletes it' 24
tui_keys q
tui_done
