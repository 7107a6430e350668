#!/bin/sh
# Another process holding the notes database's write lock never stalls
# the reader: after another connection changed the notes, the next key
# reads the list again and records the re-attachment statuses, and that
# write does not wait for the lock (drawing never touches the store; the
# recalc hook tries once and leaves the recording to a later read).
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 3

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "ok 1 # SKIP sqlite3 is not installed"
	echo "ok 2 # SKIP"
	echo "ok 3 # SKIP"
	exit 0
fi
DB="$TUI_TMP/notes.db"
tui_start 100 24 "$LECTERN --notes-db $DB"
tui_wait 'Carta de fecha' 1
tui_keys a
tui_wait 'New note:'
tui_keys -l 'una nota'
tui_keys C-s
check "a note is saved" tui_wait '^Note saved' 24
# Another connection: a stored status the reader will correct, then a
# writer that keeps the lock for 6 seconds.
sqlite3 "$DB" "UPDATE note SET status = 'orphan', score = 0;"
(printf 'BEGIN IMMEDIATE;\nUPDATE note SET score = 0;\n'; sleep 6; printf 'COMMIT;\n') |
	sqlite3 "$DB" &
LOCKER=$!
sleep 1
locked() { ! sqlite3 -cmd '.timeout 0' "$DB" 'BEGIN IMMEDIATE; ROLLBACK;' 2>/dev/null; }
check "another process holds the write lock" locked
tui_keys j
TUI_TIMEOUT=20
check "the next key scrolls within 2 s, the lock still held" \
	tui_wait 'dirigida al Secretario General' 1
wait "$LOCKER"
tui_keys q
tui_done
