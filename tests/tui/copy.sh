#!/bin/sh
# y copies the citation and text of the clause at the top (A/RES/80/9,
# annex paragraph 18 and its sub-items): by default to a file named on the
# message line; with clipboard = osc52 also to the terminal's clipboard,
# here tmux's paste buffer (set-clipboard on); clipboard = no turns it off.
# At 80x24 and 200x60.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 11

RES="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_80_9.txt"
"$LECTERN" --json "$RES" > "$TUI_TMP/json"
node18() { grep -A14 '"path": "annex1/decl/p18"' "$TUI_TMP/json"; }
page=$(node18 | sed -n 's/^ *"page": \([0-9]*\),*$/\1/p' | head -n 1)
text=$(node18 | sed -n 's/^ *"text": "\(.*\)",*$/\1/p' | head -n 1)
want="A/RES/80/9, Annex, para. 18, p. $page"
CLIP="$TUI_TMP/data/lectern/clipboard.txt"

to_p18() {
	tui_wait 'Resolution adopted by the General Assembly'
	tui_keys :
	tui_wait '^Go to clause' "$1"
	tui_keys 1 8 Enter
	tui_wait '│ +18 We are seriously concerned' 1
}

tui_start 80 24 "$LECTERN '$RES'"
to_p18 24
tui_keys y
check "80x24: y says what it copied and where" \
	tui_wait "^Copied A/RES/80/9, Annex, para\. 18, p\. $page \(also in .*" 24
check "the file starts with the citation, the page from the model" \
	sh -c "[ \"\$(head -n 1 '$CLIP')\" = '$want' ]"
check "then the clause's text, numbered" grep -qF "18 $text" "$CLIP"
check "and its sub-items" grep -q '^(a) We reaffirm our strong support' "$CLIP"
tui_keys q
tui_wait '^lectern-exit=0'

printf '[ui]\nclipboard = osc52\n' > "$TUI_TMP/osc.ini"
tmx set -g set-clipboard on
tui_start 200 60 "$LECTERN --config '$TUI_TMP/osc.ini' '$RES'"
to_p18 60
rm -f "$CLIP"
tui_keys y
check "200x60, osc52: the message says the clipboard" \
	tui_wait "^Copied A/RES/80/9, Annex, para\. 18, p\. $page to the clipboard \(also in " 60
buffer() { [ "$(tmx show-buffer | head -n 1)" = "$want" ]; }
check "tmux's paste buffer holds the citation (OSC 52)" buffer
check "and the clause's text" sh -c "tmux -L $TUI_SOCK show-buffer | grep -qF '18 $text'"
check "the file is written too" sh -c "[ \"\$(head -n 1 '$CLIP')\" = '$want' ]"
nothing_shown() { ! tui_screen | grep -q '52;c;'; }
check "nothing of the sequence shows on the screen" nothing_shown
tui_keys q
tui_wait '^lectern-exit=0'

printf '[ui]\nclipboard = no\n' > "$TUI_TMP/no.ini"
tui_start 80 24 "$LECTERN --config '$TUI_TMP/no.ini' '$RES'"
tui_wait 'Resolution adopted by the General Assembly'
tui_keys y
check "clipboard = no: y says copying is off" tui_wait '^Copying is off' 24
printf '[ui]\nclipboard = x11\n' > "$TUI_TMP/bad.ini"
tui_start 200 24 "$LECTERN --config '$TUI_TMP/bad.ini' '$RES'"
check "clipboard = x11 is refused with the file and line" \
	tui_wait "bad\.ini:2: .*clipboard = 'x11' is not one of osc52\|file\|no"
tui_done
