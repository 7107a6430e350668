#!/bin/sh
# An orphan (a note whose words are gone from this version of the
# document) is shown by its quote, never by its old citation or path,
# which now name another clause: in the panel at 80x24, 120x40 and
# 200x60, in the delete question, and in lectern --notes.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 8

DB="$TUI_TMP/notes.db"
BASE="$TAP_DECLARATION"
REMOVED="${top_srcdir:-.}/tests/data/notes/removed.txt"	# clause 3 removed
"$LECTERN" --notes-db "$DB" --note-add=annex1/decl/p3 --text='sobre el párrafo 3' "$BASE" >/dev/null

listed() {
	"$LECTERN" --notes-db "$DB" --notes "$REMOVED" |
		grep -q '^1	orphan[ 0-9.]*	“Al mismo tiempo, les preocupa el uso de las tecnologías…”	—	sobre el párrafo 3$'
}
check "--notes: the orphan by its quote, no path" listed
check "--notes: not its old citation or path" sh -c '! "$0" --notes-db "$1" --notes "$2" | grep -q "párr\. 3\|annex1/decl/p3"' "$LECTERN" "$DB" "$REMOVED"

tui_start 120 40 "$LECTERN --notes-db $DB '$REMOVED'"
check "120x40: the panel's entry is the quote, marked orphan" \
	tui_wait '│ “Al mismo tiempo, les pre… +orphan *$'
no_old() { ! tui_screen | grep -q 'párr\. 3\|annex1/decl/p3'; }
check "120x40: no old citation or path on the screen" no_old
tui_keys BTab D
check "the delete question names the quote and keeps its (y/n)" \
	tui_wait '^Delete the note on “Al mismo tiempo, les preocupa el uso…”\? \(y/n\)' 40
tui_keys n
tui_resize 200 60
check "200x60: the quote, cut to the panel" tui_wait '│ “Al mismo tiempo, les pre… +orphan *$'
tui_resize 80 24
# (the panel has the focus: it takes the outline's place)
tui_wait '^ +Carta de fecha 22 .*│ Notes \(1\)' 1
tui_keys Escape
tui_wait '^ Outline +│' 1
tui_keys s
check "80x24: s shows the panel in the outline's place, the quote first" \
	tui_wait '│ “Al mismo tiempo, les pre… +orphan *$'
check "80x24: the note under it" tui_wait '│ sobre el párrafo 3 *$'
tui_done
