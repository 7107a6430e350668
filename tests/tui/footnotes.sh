#!/bin/sh
# Footnotes at their marks (A/RES/80/9, whose paragraph 4 carries the mark
# ⁶): * shows the footnotes of the marks on the screen in a small box,
# Esc closes it with the place kept; a click on a mark shows its own
# footnote. At 80x24 and 200x60.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 7

RES="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_80_9.txt"
# the footnote's text, as the model has it
fn6=$("$LECTERN" --outline "$RES" | grep -c '^ *footnote 6 ')
check "the model has footnote 6" [ "$fn6" -ge 1 ]

mouse() { # button col row (0-based), X10 as tmux-256color's kmous
	tmx send-keys -t "s$TUI_S" -l "$(printf '\033[M%b%b%b' \
		"\\0$(printf %o $((32 + $1)))" "\\0$(printf %o $((33 + $2)))" \
		"\\0$(printf %o $((33 + $3)))")"
}

for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "$LECTERN --notes-db '$TUI_TMP/n.db' '$RES'"
	tui_wait 'Resolution adopted by the General Assembly'
	tui_keys :
	tui_wait '^Go to clause' "$2"
	tui_keys 4 Enter
	tui_wait '│ +4 We reaffirm the crucial importance' 1
	status=$(tui_row $(($2 - 1)))
	tui_keys '*'
	check "$1x$2: * shows footnote 6 of the mark on the screen" \
		tui_wait '│ ⁶ Ibid\., vol\. 2237, No\. 39574\. +│'
	tui_keys Escape
	kept() {
		tui_gone '─ Footnote' &&
			[ "$(tui_row $(($2 - 1)))" = "$status" ] &&
			tui_row 1 | grep -q '│ *4 We reaffirm the crucial importance'
	}
	check "$1x$2: Esc closes it at the same place" kept "$@"
	row=$(tui_screen | grep -n '⁶' | head -n 1 | cut -d: -f1)
	col=$(tui_cols_before '⁶' "$row")
	mouse 0 "$col" $((row - 1))
	mouse 3 "$col" $((row - 1))
	check "$1x$2: a click on the mark shows its footnote" \
		tui_wait '│ ⁶ Ibid\., vol\. 2237, No\. 39574\. +│'
	tui_keys q
	tui_gone '─ Footnote'
	tui_keys q
	tui_wait '^lectern-exit=0'
done
tui_done
