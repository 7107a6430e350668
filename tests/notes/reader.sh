#!/bin/sh
# Notes in the reader (tmux, 100x30), at the default location
# ($XDG_DATA_HOME/lectern/notes.db): reading a document creates no file and
# no directory; the first note creates both (0700). Then the panel's two
# filters: F (text, accents ignored) and t (tag: a stored tag or a #word;
# empty clears), and e on a note whose tag is not in its text keeps it.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 13

DATA="$TUI_TMP/data"
DB="$DATA/lectern/notes.db"

tui_start 100 30 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys j j k
tui_wait 'Carta de fecha'
empty() { [ -z "$(ls -A "$DATA")" ]; }
check "reading a document creates no notes database nor its directory" empty
tui_keys a
check "a opens the editor" tui_wait 'New note: '
tui_keys -l 'sobre la carta #ciber'
tui_keys C-s
check "the first note is saved" tui_wait '^Note saved' 30
created() {
	[ -s "$DB" ] && [ "$(stat -c %a "$DATA/lectern")" = 700 ] &&
		"$LECTERN" --notes --notes-db "$DB" | grep -q 'sobre la carta #ciber$'
}
check "the first note creates the database, its directory 0700" created
tui_keys q
check "q quits with status 0" tui_wait '^lectern-exit=0'

"$LECTERN" --notes-db "$DB" --note-add=annex1/decl/p8 --text='cooperación regional' \
	--tag pregunta >/dev/null
"$LECTERN" --notes-db "$DB" --note-add=annex1/decl/p3 --text='otra #ciber' >/dev/null
tui_start 100 30 "$LECTERN"
check "reopened: the panel lists the three notes" tui_wait 'Notes \(3\)' 1
tui_keys F
tui_wait 'Filter notes: ' 30
tui_keys -l cooperacion
tui_keys Enter
text() { tui_wait 'Notes 1/3 “cooperacion”' 1 && tui_wait '^1 of 3 notes match' 30; }
check "F filters by text, accents ignored" text
tui_keys F
tui_wait 'Filter notes: ' 30
tui_keys C-u Enter
check "F with nothing typed clears the text filter" tui_wait 'Notes \(3\)' 1
tui_keys t
tui_wait 'Notes with tag: #' 30
tui_keys -l ciber
tui_keys Enter
tag() { tui_wait 'Notes 2/3 #ciber' 1 && tui_wait '^2 of 3 notes tagged #ciber' 30; }
check "t filters by a #word of the notes" tag
tui_keys t
tui_wait 'Notes with tag: #' 30
tui_keys -l '#pregunta'
tui_keys Enter
stored() { tui_wait 'Notes 1/3 #pregunta' 1 && tui_wait '^1 of 3 notes tagged #pregunta' 30; }
check "t with a leading # filters by a stored tag not in the text" stored
tui_keys BTab e
check "e on that note shows its tag as a #word" tui_wait '│ #pregunta +│'
tui_keys C-s
kept() {
	tui_wait '^Note saved' 30 &&
		"$LECTERN" --notes --notes-db "$DB" | grep -q 'cooperación regional #pregunta$'
}
check "saving it unchanged keeps the tag" kept
tui_keys t
tui_wait 'Notes with tag: #' 30
tui_keys Enter
cleared() { tui_wait '^Tag filter cleared' 30 && tui_wait 'Notes \(3\)' 1; }
check "t with nothing typed clears the tag filter" cleared
tui_done
