#!/bin/sh
# The help overlay is generated from the action table and the bindings in
# force: config.ini [keys] rebinds keys by action name; a bad key name or
# action is an error naming the file and line, given before curses starts.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 20

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys h
check "h opens the help overlay" tui_wait 'Help: q or Esc closes'
check "help lists keys, what they do and the action name" \
	tui_wait 'Space f PageDown C-f +Forward one page +page-down'
tui_keys G
check "the help scrolls to its last entry" \
	tui_wait 'Esc +Back to the text; clear the message +cancel'
tui_keys Escape
check "Esc closes the help" tui_gone 'Help: q or Esc closes'
check "and the text is back" tui_wait '^ Outline ' 1
tui_keys '?'
check "? opens the backward search prompt, saying Enter alone is help" \
	tui_wait '^\?.*Enter alone: help'
tui_keys Enter
check "? then Enter opens the help overlay" tui_wait 'Help: q or Esc closes'
tui_keys Escape
tui_gone 'Help: q or Esc closes'

mkdir -p "$TUI_TMP/config/lectern"
cat > "$TUI_TMP/config/lectern/config.ini" <<'INI'
[ui]
outline_cols = 24
[keys]
x = quit
q = none
J = page-down
Space = none
s = none
S = toggle-notes
z = select-extend
INI
tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
check "outline_cols from config.ini sets the outline width" \
	tui_wait '^ Outline {15}│' 1
tui_keys F1
check "help shows the keys bound in config.ini" tui_wait '│ Q x +Quit lectern +quit │'
check "its title names the quit key bound (Q, q being unbound)" \
	tui_wait '┌─ Help: Q or Esc closes ─'
tui_keys Escape
tui_gone 'Help: Q or Esc closes'
check "the hint names the keys bound in config.ini" \
	tui_wait '^f/b page  Tab outline  h help  Q quit *$' 24
tui_keys e
check "a message names the key of its action (S shows the notes, not N)" \
	tui_wait '^No note on this clause \(a adds one; S shows the notes\)' 24
tui_keys v
check "v selects the first word; the hint names the selection's keys" \
	tui_wait '^“Carta”  w/b: end ±word  W/B: start  \): sentence  Enter: note  Esc' 24
tui_keys z
check "a key bound in config.ini to a selection action (z = select-extend)" \
	tui_wait '^“Carta de”  w/b: end' 24
tui_keys Escape
tui_wait '^Cancelled' 24
tui_keys q
check "an unbound key says so" tui_wait '^q: no action \(h shows the keys\)'
tui_keys x
check "the rebound key quits" tui_wait '^lectern-exit=0'

printf '[keys]\nj = line-down\nZ = frobnicate\n' > "$TUI_TMP/bad.ini"
"$LECTERN" --config "$TUI_TMP/bad.ini" >/dev/null 2>"$TUI_TMP/err" </dev/null
rc=$?
check "an unknown action: exit status 1" test "$rc" -eq 1
check "the message names the file, the line and the action" \
	grep -q "bad.ini:3: \[keys\]: unknown action 'frobnicate'" "$TUI_TMP/err"
printf '[keys]\nCtrl-q = quit\n' > "$TUI_TMP/bad.ini"
"$LECTERN" --config "$TUI_TMP/bad.ini" >/dev/null 2>"$TUI_TMP/err" </dev/null
check "an unknown key name is an error with file and line" \
	grep -q "bad.ini:2: \[keys\]: unknown key name 'Ctrl-q'" "$TUI_TMP/err"
printf '[keys]\nq = none\nQ = none\n' > "$TUI_TMP/bad.ini"
"$LECTERN" --config "$TUI_TMP/bad.ini" >/dev/null 2>"$TUI_TMP/err" </dev/null
check "a config that leaves no key for quit is refused" \
	grep -q "bad.ini: \[keys\]: no key is left for quit" "$TUI_TMP/err"
tui_done
