#!/bin/sh
# Where the notes live, as the guide and docs/file-formats.md say: reading
# creates nothing (the reader opened and closed, --notes, --notes-export
# leave no notes.db and no directory); the first note saved in the reader
# creates notes.db and its directory, mode 0700; the trash keeps deleted
# notes 30 days; an import onto another document is refused (exit 1)
# unless --force. The documents are checked for saying so.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 9

DATA="$TUI_TMP/data"		# XDG_DATA_HOME inside the panes
STORE="$DATA/lectern"
GUIDE="${top_srcdir:-.}/docs/guide.md"
FORMATS="${top_srcdir:-.}/docs/file-formats.md"

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys q
tui_wait '^lectern-exit=0'
XDG_DATA_HOME="$DATA" "$LECTERN" --notes >/dev/null
XDG_DATA_HOME="$DATA" "$LECTERN" --notes-export=md >/dev/null
check "reading creates nothing: no notes directory after the reader, --notes, --notes-export" \
	test ! -e "$STORE"

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys :
tui_wait '^Go to clause' 24
tui_keys 8 Enter a
tui_wait 'New note: Anexo, párr\. 8'
tui_keys -l 'primera nota'
tui_keys C-s
check "the first note saved says so" tui_wait '^Note saved' 24
check "and creates notes.db" test -s "$STORE/notes.db"
mode700() { [ "$(stat -c %a "$STORE")" = 700 ]; }
check "in a directory of mode 0700" mode700
tui_keys q

# An export of this document imported onto another one: refused.
XDG_DATA_HOME="$DATA" "$LECTERN" --notes-export=json > "$TUI_TMP/n.json"
OTHER="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_78_237.txt"
XDG_DATA_HOME="$DATA" "$LECTERN" --notes-import="$TUI_TMP/n.json" "$OTHER" \
	>/dev/null 2>"$TUI_TMP/msg"
check "an import onto another document is refused with exit status 1" test $? -eq 1
XDG_DATA_HOME="$DATA" "$LECTERN" --force --notes-import="$TUI_TMP/n.json" "$OTHER" \
	>/dev/null 2>&1
check "--force imports it" test $? -eq 0

says() { tr '\n' ' ' < "$1" | tr -s ' ' | grep -q -- "$2"; }
trash() { says "$GUIDE" 'stays 30 days' && says "$FORMATS" 'for 30 days' &&
	  says "$FORMATS" 'Opening the database for writing after that'; }
check "the guide and file-formats.md: the trash keeps deleted notes 30 days" trash
created() { says "$GUIDE" 'are created when you save your first note. Reading creates nothing' &&
	    says "$FORMATS" 'are created when the first note is saved' &&
	    says "$FORMATS" 'reading creates nothing'; }
check "the guide and file-formats.md: notes.db is created at the first note, reading creates nothing" created
refused() { says "$GUIDE" 'imports nothing and exits with status 1' && says "$GUIDE" '`--force` imports them' &&
	    says "$FORMATS" 'exit status is 1. `--force` imports them'; }
check "the guide and file-formats.md: an import onto another document is refused unless --force" refused
tui_done
