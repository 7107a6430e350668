#!/bin/sh
# A large document (over doc_open.h's DOC_OPEN_LARGE) opens in two steps:
# its beginning at once, the whole parsed in a worker thread. Checked
# here: the first page shows; the whole arrives (the status line's
# "reading…" goes) and then G reaches the document's last line and the
# outline follows it there; G pressed at once waits for the whole and
# reaches the same line; a resize while the whole is parsed; q at once
# exits cleanly (exit 0; under a sanitizer build, no leak or error: lib.sh
# fails the test on a report); a note on the document's last node shows in
# the notes panel, matched, once the whole is there (the panel is made on
# the whole only), and the store still finds it so afterwards. What is expected comes from --dump and
# --outline of the same file, not from the screen.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 14

CORPUS="${top_srcdir:-.}/tests/data/parse/corpus"
BIG="$TUI_TMP/big.txt"
for f in "$CORPUS"/*.txt; do cat "$f"; printf '\n\n'; done > "$BIG"
# Four copies: several megabytes, so that the whole takes a while.
cat "$BIG" "$BIG" "$BIG" "$BIG" > "$BIG.4" && mv "$BIG.4" "$BIG"

# The first words of the text and the last words of the document (its
# last line as --dump wraps it, which fits a 100-column screen too).
first=$("$LECTERN" --dump -w 60 "$BIG" | grep -m 1 '[^ ]' | sed 's/^ *//' |
	cut -d' ' -f1-3)
last=$("$LECTERN" --dump -w 60 "$BIG" | grep '[^ ]' | tail -n 1 |
	sed 's/^ *//; s/^[0-9]* *//' | cut -d' ' -f1-3)
# The last entry of the outline pane (which lists no footnotes), as it
# begins: "paragraph 94  JS6 recommended…" shows as "94 JS6 recommended…".
olast=$("$LECTERN" --outline "$BIG" | grep -v '^ *footnote ' | tail -n 1 |
	sed 's/^ *[a-z]* *//; s/  */ /g' | cut -d' ' -f1-2)
[ -n "$first" ] && [ -n "$last" ] && [ -n "$olast" ] || {
	echo "# no text from --dump or --outline"; exit 1; }
# grep -E text: the words as they are.
re() { printf '%s' "$1" | sed 's/[][\.*^$(){}+?|]/\\&/g'; }

tui_start 100 30 "$LECTERN '$BIG'"
check "the first page shows" tui_wait "$(re "$first")"
check "the whole arrives: the status line stops saying reading…" \
	tui_gone 'reading…'
tui_keys G
check "then G shows the last line of the document" tui_wait "$(re "$last")"
check "and the status line says End" tui_wait ' End *$' 29
tui_keys Tab
check "the outline has the end of the document" tui_wait "$(re "$olast")"

tui_start 100 30 "$LECTERN '$BIG'"
tui_wait "$(re "$first")"
tui_keys G
check "G at once waits for the whole and reaches its last line" \
	tui_wait "$(re "$last")"
check "the status line says End" tui_wait ' End *$' 29

tui_start 100 30 "$LECTERN '$BIG'"
tui_wait "$(re "$first")"
tui_resize 60 20
tui_resize 120 40
tui_resize 80 24
check "a resize while the whole is read keeps the first page" \
	tui_wait "$(re "$first")"
check "the whole arrives after the resizes" tui_gone 'reading…'
tui_keys G
check "and G reaches its last line at the new size" tui_wait "$(re "$last")"

tui_start 100 30 "$LECTERN '$BIG'"
tui_keys q
check "q at once exits cleanly" tui_wait '^lectern-exit=0'

# The last node's path, from --json.
DB="$TUI_TMP/notes.db"
path=$("$LECTERN" --json "$BIG" | grep -o '"path": *"[^"]*"' | tail -n 1 |
	sed 's/.*: *"//; s/"$//')
"$LECTERN" --notes-db "$DB" --note-add="$path" --text='a note at the very end' \
	"$BIG" > /dev/null
tui_start 120 30 "$LECTERN --notes-db '$DB' '$BIG'"
tui_wait "$(re "$first")"
check "the notes panel shows the note on the last node" tui_wait 'a note at the very'
check "matched, not an orphan" tui_gone 'orphan'
tui_keys q
tui_wait '^lectern-exit=0'
matched() { "$LECTERN" --notes --notes-db "$DB" "$BIG" | grep -q "	ok	.*a note at the very end"; }
check "the store still finds it after the reader" matched
tui_done
