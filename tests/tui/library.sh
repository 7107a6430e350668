#!/bin/sh
# A library: lectern DIR lists the documents (symbol, date, language,
# title); Enter opens one; the references pane names the other documents
# that mention a target and Enter opens one at that mention; history goes
# back to the first document at its place; a document's source report is
# on the message line. The index is in a temp dir.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 16

LIB="$TUI_TMP/lib"
tap_library "$LIB" || tap_missing "the library's corpus texts"
tui_start 80 24 "$LECTERN --library-db '$TUI_TMP/lib.db' '$LIB'"
check "the library pane lists three documents; the hint names Enter" tui_wait "Library: 3 documents .*  Enter opens one"
check "a row: symbol, date, language, title" \
	tui_wait '^.A/C\.1/80/L\.20 +2025-10-13  en  Open-ended working group'
check "the first document is open" tui_wait '^ A/C\.1/80/L\.20 ' 23
tui_keys j j Enter
check "Enter opens the declaration; the list gives way to the text" \
	tui_wait '^Opened cis-declaration-2020\.txt  \(C-o: back, L: the list\)' 24
check "the list is hidden" tui_gone 'Library: 3 documents'
tui_keys BSpace
check "Backspace goes back to the first document" tui_wait '^ A/C\.1/80/L\.20 ' 23
tui_keys r j j
check "references pane: A/RES/75/240 is mentioned by A/RES/80/16 too" \
	tui_wait '^ +↳ A/RES/80/16  3×'
tui_keys j
check "its first mention is cited, not named by its path" \
	tui_wait '^A/RES/80/16: 3 mentions, first (in the masthead|in a heading|at [^/]*)  \(Enter opens it\)' 24
tui_keys Enter
check "Enter opens A/RES/80/16 at that mention" \
	tui_wait '^A/RES/80/16 › A/RES/75/240' 24
check "the status line names the new document" tui_wait '^ A/RES/80/16 ' 23
tui_keys BSpace
check "Backspace: back in the first document" tui_wait '^ A/C\.1/80/L\.20 ' 23
check "the message names the document once, then the clause" \
	tui_wait '^Back to A/C\.1/80/L\.20, [^A]' 24
tui_keys q
check "q quits with status 0" tui_wait '^lectern-exit=0'

# What the source's clean-up changed is said on the message line (not only
# on standard error, lost under the screen): 4 invalid bytes and a control
# character, one line each, the second at the next key.
mkdir "$TUI_TMP/lib2"
{
	head -n 20 "$LIB/cis-declaration-2020.txt"
	printf 'Bytes \377\376 and \375\374 here, a bell \a.\n'
	tail -n +21 "$LIB/cis-declaration-2020.txt"
} > "$TUI_TMP/lib2/bad.txt"
tui_start 80 24 "$LECTERN --library-db '$TUI_TMP/lib2.db' '$TUI_TMP/lib2'"
check "the invalid bytes are reported on the message line, one more waits" \
	tui_wait '^bad\.txt: 4 invalid UTF-8 bytes shown as U\+FFFD  \(\+2 more\)' 24
tui_keys Escape
check "a key that says nothing (Esc closes the list) shows the next one" \
	tui_wait '^bad\.txt: 1 control character shown as visible symbols' 24
tui_keys j
check "then the library's own message" tui_wait '^Library: 1 document' 24
tui_done
