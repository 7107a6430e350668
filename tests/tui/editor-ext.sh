#!/bin/sh
# Notes in the user's editor: with editor = $VISUAL in config.ini, a (new
# note) and e (edit) run $VISUAL on a file holding the note, the reader
# leaves the screen meanwhile and comes back drawn afresh, and what the
# editor wrote is saved; an editor that fails saves nothing; without the
# setting the built-in editor opens. A fake editor script stands in for
# vi. At 80x24 and 200x60.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 12

DB="$TUI_TMP/notes.db"
FAKE="$TUI_TMP/fake-editor"
# what it was given goes to a log; a new note gets a line, a note " y más"
cat > "$FAKE" <<'EOS'
#!/bin/sh
cp "$1" "$(dirname "$0")/given.txt"
if [ -s "$1" ]; then t="$(cat "$1") y más"; else t='nota desde el editor #ext'; fi
printf '%s\n' "$t" > "$1"
EOS
chmod +x "$FAKE"
printf '[ui]\neditor = $VISUAL\n' > "$TUI_TMP/ext.ini"
notes() { "$LECTERN" --notes --notes-db "$DB"; }

for size in "80 24" "200 60"; do
	set -- $size
	rm -f "$DB"
	tui_start "$1" "$2" "VISUAL='$FAKE' $LECTERN --config '$TUI_TMP/ext.ini' --notes-db '$DB'"
	tui_wait 'Carta de fecha' 1
	tui_screen | head -n $(($2 - 2)) | cut -c1-28 > "$TUI_TMP/before"
	tui_keys a
	check "$1x$2: a runs \$VISUAL and saves what it wrote" \
		tui_wait '^Note saved' "$2"
	saved() { notes | grep -q '	nota desde el editor #ext$'; }
	check "$1x$2: the note is in the store" saved
	# the outline as it was (the notes panel may open beside the text)
	again() {
		tui_screen | head -n $(($2 - 2)) | cut -c1-28 |
			diff - "$TUI_TMP/before" >/dev/null
	}
	check "$1x$2: the reader is drawn again as it was" again "$@"
	tui_keys Escape
	tui_gone '^Note saved'
	tui_keys e
	tui_wait '^Note saved' "$2"
	given() { [ "$(cat "$TUI_TMP/given.txt")" = 'nota desde el editor #ext' ]; }
	check "$1x$2: e gives the editor the note's text" given
	twice() { notes | grep -q '	nota desde el editor #ext y más$'; }
	check "$1x$2: and saves the edit" twice
	tui_keys q
	tui_wait '^lectern-exit=0'
done

printf '#!/bin/sh\nexit 3\n' > "$FAKE"
rm -f "$DB"
tui_start 80 24 "VISUAL='$FAKE' $LECTERN --config '$TUI_TMP/ext.ini' --notes-db '$DB'"
tui_wait 'Carta de fecha' 1
tui_keys a
check "an editor that fails: the message says so, nothing is saved" \
	sh -c "i=0; while [ \$i -lt 50 ]; do tmux -L $TUI_SOCK capture-pane -p -t s$TUI_S |
		grep -q '^The editor exited with status 3: note not saved' && exit 0;
		sleep 0.1; i=\$((i+1)); done; exit 1"
tui_keys q
tui_wait '^lectern-exit=0'
tui_start 80 24 "VISUAL='$FAKE' $LECTERN --notes-db '$DB'"
tui_wait 'Carta de fecha' 1
tui_keys a
check "without editor = in config.ini: the built-in editor" tui_wait 'New note: '
tui_done
