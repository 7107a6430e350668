#!/bin/sh
# lectern --lang=LANG DIR: the library parses every document with the
# language given (it was dropped on the way to the library: the rows said
# the detected language), in the reader (tmux, tests/tui/lib.sh) and in
# --list.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 4

LIB="${top_srcdir:-.}/tests/data/tui-library"
tui_start 80 24 "$LECTERN --lang=fr --library-db '$TUI_TMP/lib.db' '$LIB'"
check "the library pane lists three documents" tui_wait 'Library: 3 documents'
check "an English resolution's row says fr" \
	tui_wait '^.A/C\.1/80/L\.20 +2025-10-13  fr  '
check "the Spanish letter's row says fr" \
	tui_wait '^.cis-declaration-2020\.txt +fr  '
tui_keys q

"$LECTERN" --lang=ru --list --library-db "$TUI_TMP/list.db" "$LIB" > "$TUI_TMP/list" 2>&1
[ "$(cut -f4 "$TUI_TMP/list" | sort -u)" = ru ]
check "--lang=ru --list: every document in ru" test $? -eq 0
tui_done
