#!/bin/sh
# Folding in the reader (issue 11 §5), at 80x24 and 200x60: go-to finds a
# citation typed without its accents (":anexo, parr. 8" as ":Annex, para.
# 8" does), and the notes panel's tag filter folds like search (a note
# tagged "Día" is found by "#dia"). A [keys] config naming one key twice
# (Esc and Escape) is refused before the terminal is taken.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 8

DB="$TUI_TMP/notes.db"
"$LECTERN" --notes-db "$DB" --note-add annex1/decl/p7 --text=sin-etiqueta \
	--tag=Día >/dev/null || echo "# --note-add failed"

for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "$LECTERN --notes-db $DB"
	tui_wait 'Carta de fecha' 1
	tui_keys :
	tui_wait '^Go to clause' "$2"
	tui_keys -l 'anexo, parr. 8'
	tui_keys Enter
	check "$1x$2: ':anexo, parr. 8' goes to Anexo, párr. 8" \
		tui_wait '│ *\[8\] Dado el carácter' 1
	check "$1x$2: the message cites it" tui_wait '^Anexo, párr\. 8 *$' "$2"
	tui_keys t
	tui_wait 'Notes with tag: #' "$2"
	tui_keys -l 'DIA'
	tui_keys Enter
	check "$1x$2: the tag filter 'DIA' finds the note tagged 'Día'" \
		tui_wait '^1 of 1 notes tagged #DIA' "$2"
	tui_keys Escape q
	tui_wait '^lectern-exit=0'
done

tui_start 200 24 "$LECTERN --config ${top_srcdir:-.}/tests/data/config/same-key-twice.ini"
check "Esc and Escape in [keys]: refused, naming the file and both lines" \
	tui_wait "same-key-twice.ini:6: \[keys\]: 'Escape' names the same key as 'Esc' \(line 5\)"
check "... with status 1" tui_wait '^lectern-exit=1'
tui_done
