#!/bin/sh
# A notes database lectern cannot use (a text file; a truncated database;
# one a newer lectern wrote): the reader still opens the document, says
# why once on the message line, note actions refuse with "notes are
# read-only: …" or "notes are unavailable: …" (said once), and the file is
# left byte for byte as it was.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 12

DB="$TUI_TMP/notes.db"
printf 'my shopping list\nnot a database\n' > "$DB"
before=$(cksum < "$DB")

tui_start 80 24 "$LECTERN --notes-db $DB"
check "the document opens" tui_wait 'Carta de fecha 22 de diciembre' 1
check "the message line says why notes cannot be used" \
	tui_wait '^notes are (read-only|unavailable): .*notes\.db' 24
tui_keys a
unavailable() { tui_wait '^notes are unavailable: .*notes\.db' 24 && ! tui_screen | grep -q ': notes are'; }
check "a refuses: notes are unavailable, with the reason, said once" unavailable
tui_keys s
check "s shows the panel, which says so" tui_wait 'Notes \(0\) unavailable'
tui_keys q
check "q quits with status 0" tui_wait '^lectern-exit=0'
same() { [ "$(cksum < "$DB")" = "$before" ]; }
check "the text file is untouched" same

# A real database cut in half.
DB2="$TUI_TMP/cut.db"
"$LECTERN" --notes-db "$DB2" --note-add=annex1/decl/p8 --text='una nota' >/dev/null
"$LECTERN" --notes-db "$DB2" --notes >/dev/null	# checkpoints the WAL
rm -f "$DB2-wal" "$DB2-shm"
size=$(wc -c < "$DB2")
head -c $((size / 2)) "$DB2" > "$DB2.cut" && mv "$DB2.cut" "$DB2"
before=$(cksum < "$DB2")
tui_start 80 24 "$LECTERN --notes-db $DB2"
check "a truncated database: the document opens" \
	tui_wait 'Carta de fecha 22 de diciembre' 1
tui_keys q
check "q quits with status 0" tui_wait '^lectern-exit=0'
same2() { [ "$(cksum < "$DB2")" = "$before" ]; }
check "the truncated database is untouched" same2

# A database a newer lectern wrote (a higher schema version) opens
# read-only: its notes show, and a note action says so once, not
# "notes are read-only: notes are read-only: …".
DB3="$TUI_TMP/newer.db"
TOOL="${top_builddir:-.}/tests/notes/notes_tool"
"$LECTERN" --notes-db "$DB3" --note-add=annex1/decl/p8 --text='de antes' >/dev/null
"$LECTERN" --notes-db "$DB3" --notes >/dev/null	# checkpoints the WAL
"$TOOL" "$DB3" - user-version 99
tui_start 80 24 "$LECTERN --notes-db $DB3"
check "a newer database: the message line says it is read-only, once" \
	tui_wait '^notes are read-only: [^:]*newer.db' 24
tui_keys Escape a
once() { tui_wait '^notes are read-only: ' 24 && ! tui_screen | grep -q 'read-only: notes are'; }
check "a refuses, with the reason said once" once
tui_keys s
check "s shows its note, read-only" tui_wait 'Notes \(1\) read-only'
tui_done
