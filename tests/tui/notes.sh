#!/bin/sh
# Notes in the reader (tmux, 80x24 and 100x24): add a note with non-ASCII text on annex
# paragraph 8, see it committed (lectern --notes) while the reader still
# runs, quit, reopen: the panel shows it by default and the clause carries
# the marker; edit it; delete it (n keeps it, y deletes) and undo; a note
# added by another process shows at the next key; Esc on a changed note
# asks before discarding; a note on typed words shows its quote. At 80
# columns the panel gives way to the outline until it has the focus: a
# first note saved leaves the focus in the text (the message says s shows
# the panel), s gives the panel the focus. The panel's hint names where
# Tab goes (the text, or the references pane when it is open).
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 64

DB="$TUI_TMP/notes.db"
RUN="$LECTERN --notes-db $DB"
notes() { "$LECTERN" --notes --notes-db "$DB"; }
to_p8() {
	tui_keys :
	tui_wait '^Go to clause' 24 || return 1
	tui_keys -l annex1/decl/p8
	tui_keys Enter
}

tui_start 80 24 "$RUN"
tui_wait 'Carta de fecha' 1
no_panel() { ! tui_screen | grep -q 'Notes ('; }
check "a document without notes opens without the notes panel" no_panel
to_p8
check "paragraph 8 of the annex at the top" tui_wait '│ *\[8\] Dado el carácter' 1
tui_keys a
check "a opens the editor on the clause at the top" \
	tui_wait 'New note: Anexo, párr\. 8'
tui_keys -l 'Ñandú — важно 日本'
tui_keys Enter
tui_keys -l 'segunda línea #tema'
check "the editor shows what is typed (wide, Cyrillic, accents)" \
	tui_wait '│ Ñandú — важно 日本 +│'
tui_keys C-s
check "C-s saves: the message says so, and (no room beside the outline) that s shows the panel" \
	tui_wait '^Note saved \(s shows the notes\) *$' 24
check "the reader keeps the focus: the outline stays, the clause carries the note marker" \
	tui_wait '^ Outline +│✎ *\[8\] Dado' 1
tui_keys s
check "s: the panel, in the outline's place, lists the note with its citation and status" \
	tui_wait '│.Anexo, párr\. 8 +ok *$'
check "the panel shows the first lines of the note" tui_wait '│ Ñandú — важно 日本 *$'
check "the panel has the focus; its hint names where Tab goes" \
	tui_wait '^j/k move  Enter jump  e edit  D delete  / filter  Tab text *$' 24
check "the text from the left edge, with the marker" tui_wait '^✎ *\[8\] Dado' 1
stored() { notes | grep -q "	ok	Anexo, párr. 8	annex1/decl/p8	Ñandú — важно 日本 #tema\$"; }
check "lectern --notes finds it in the store (with its tag) before quitting" stored
tui_keys q
check "q quits with status 0" tui_wait '^lectern-exit=0'

# 100 columns: room for the outline (narrowed), the text and the panel.
tui_start 100 24 "$RUN"
check "reopened: the panel is shown by default with the note" \
	tui_wait '│ Notes \(1\)' 1
to_p8
check "reopened: the marker is on paragraph 8" tui_wait '│✎ *\[8\] Dado' 1
check "the note of the clause at the top is marked current" tui_wait '│›Anexo, párr\. 8'

tui_keys Tab Tab e
check "Tab, Tab (the outline, then the panel), e: the editor opens with the note" \
	tui_wait '│ segunda línea #tema +│'
tui_keys -l ' editado'
tui_keys F2
check "F2 saves the edit" tui_wait '^Note saved' 24
edited() { "$LECTERN" --notes-export=md --notes-db "$DB" | grep -q 'segunda línea #tema editado'; }
check "the edit is in the store" edited

tui_keys D
check "D asks before deleting" tui_wait '^Delete the note on Anexo, párr\. 8\? \(y/n\)' 24
tui_keys n
kept() { tui_wait '^Cancelled' 24 && [ "$(notes | wc -l)" -eq 1 ]; }
check "n keeps it" kept
tui_keys D y
gone() {
	tui_wait '^Note deleted \(U brings it back\)' 24 && tui_wait '│ *\[8\] Dado' 1 &&
		tui_wait '│ Notes \(0\)' 1 && [ -z "$(notes)" ]
}
check "y deletes it: marker, panel and store follow" gone
tui_keys U
back() {
	tui_wait '^Note restored' 24 && tui_wait '│✎ *\[8\] Dado' 1 &&
		tui_wait '│ Notes \(1\)' 1 && [ "$(notes | wc -l)" -eq 1 ]
}
check "U brings it back" back

"$LECTERN" --notes-db "$DB" --note-add=annex1/decl/p9 --text='desde otro proceso' >/dev/null
tui_keys j
check "a note added by another process shows at the next key" \
	tui_wait '│ desde otro proceso *$'

tui_keys Escape a
tui_wait 'New note:'
tui_keys x Escape
check "Esc on a changed note asks" tui_wait '^Discard changes\? \(y/n\)' 24
tui_keys y
discarded() { tui_wait '^Note discarded' 24 && [ "$(notes | wc -l)" -eq 2 ]; }
check "y discards it; nothing stored" discarded

tui_keys A
tui_wait '^Note on the words' 24
tui_keys -l 'ambito en todos'
tui_keys Enter
check "A: words typed without the accent are found; the editor shows them" \
	tui_wait '│ “ámbito en todos” +│'
tui_keys -l 'sobre unas palabras'
tui_keys C-x
check "C-x saves; the panel quotes the words" tui_wait '│ “ámbito en todos” *$'

tui_resize 40 12
narrow() { tui_wait '8\] Dado el' 1 && ! tui_screen | grep -q 'Notes ('; }
check "at 40x12 the panel gives way to the text" narrow
tui_keys Escape s
check "s opens it over the text" tui_wait '^ Notes \(3\)' 1
tui_keys Escape
check "Esc closes it: the text again" tui_wait '^✎ *\[8\] Dado el' 1
tui_resize 100 24

tui_keys :
tui_wait '^Go to clause' 24
tui_keys 9 Enter
tui_wait '│ *\[9\] Destacan' 1
tui_keys v w
check "v selects the first word of the clause, w extends it by a word" \
	tui_wait '^“Destacan, en”  w/b' 24
tui_keys Enter
check "Enter opens the editor on the selected words" tui_wait '│ “Destacan, en” +│'
tui_keys -l 'seleccionado'
tui_keys C-s
check "saved: the panel quotes the selected words" tui_wait '│ “Destacan, en” *$'
tui_keys q
check "q quits with status 0" tui_wait '^lectern-exit=0'

# 80 columns: no room for the outline, the text and the panel; the outline
# (the way to a clause) keeps its place and the panel waits for the focus.
no_notes() { tui_gone 'Notes \('; }
tui_start 80 24 "$RUN"
check "80x24: the outline keeps its place beside the text" tui_wait '^ Outline +│' 1
check "the message line says where the notes went" \
	tui_wait '^No room for the notes beside the outline: s shows them, o hides' 24
check "the panel waits" no_notes
tui_keys Tab
check "Tab: the outline; the hint says Tab goes on to the notes" \
	tui_wait '^j/k move  Enter jump  Tab notes ' 24
tui_keys Tab
check "Tab: the panel takes the outline's place" tui_wait '│ Notes \(4\)' 1
check "the text is beside it, from the left edge" tui_wait '^ +Carta de fecha 22' 1
tui_keys Tab
check "Tab: back to the text, the outline back in its place" \
	tui_wait '^ Outline +│ +Carta' 1
check "the panel waits again" no_notes
check "the hint: Tab goes to the outline" tui_wait '^Space/b page  Tab outline ' 24
tui_keys BTab
check "BTab goes the other way: the panel" tui_wait '│ Notes \(4\)' 1
tui_keys Escape s
check "Esc, then s: the panel again, with the focus" \
	tui_wait '^j/k move  Enter jump' 24
tui_keys s
check "s again hides it; the outline is back" tui_wait '^Notes hidden' 24
tui_keys s o
check "s, o: the outline takes its place back, with the focus" \
	tui_wait '^ Outline \(Enter: jump\) +│ +Carta' 1
tui_keys o
check "o again hides it" tui_wait '^Outline hidden' 24
check "which gives the panel its room beside the text" \
	tui_wait '^ +Carta de fecha .*│ Notes \(4\)' 1
tui_keys j
check "and Tab now goes to the panel" tui_wait '^Space/b page  Tab notes ' 24
tui_keys q
check "q quits with status 0" tui_wait '^lectern-exit=0'

# Tab's order at the other sizes: text, outline, notes, text.
for size in "120 40" "200 60"; do
	tui_start $size "$RUN"
	tui_wait 'Carta de fecha' 1
	at="${size% *}x${size#* }"
	check "$at: all three side by side" tui_wait '^ Outline +│.*│ Notes \(4\)' 1
	tui_keys Tab
	check "$at: Tab goes to the outline first" \
		tui_wait '^ Outline \(Enter: jump, Tab: notes\)'
	tui_keys Tab
	check "$at: then the notes panel" tui_wait '^j/k move  Enter jump  e edit'
	tui_keys Tab
	check "$at: then the text" tui_wait '^Space/b page  Tab outline  a add note'
	tui_keys r BTab
	check "$at: with the references open, the panel's hint says Tab goes there" \
		tui_wait '^j/k move  Enter jump  e edit  D delete  / filter  Tab references *$'
done
tui_start 40 12 "$RUN"
tui_wait 'Carta de fecha' 1
tui_keys Tab
check "40x12: Tab opens the outline over the text" tui_wait '^ Outline \(Enter: jump' 1
tui_keys Tab
check "40x12: Tab again: the text" tui_wait '^ +Carta de fecha' 1
tui_keys BTab
check "40x12: BTab: the outline (the panel has no room at all)" \
	tui_wait '^ Outline \(Enter: jump' 1
tui_done
