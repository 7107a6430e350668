#!/bin/sh
# --compare OLD NEW on a terminal: the reader on NEW's text with OLD's
# words inside [- -] and NEW's inside {+ +} (and in the deleted and
# inserted roles: reverse, bold underline in the mono theme of NO_COLOR);
# the outline marks changed clauses ("~ ", "+ ", "- "); . and , go to the
# next and previous change, O shows OLD's text of the clause; at 80x24 and
# 200x60. Off a terminal, or with --dump, --compare prints its report.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 25

C="${top_srcdir:-.}/tests/data/parse/corpus"
OLD="$C/en_A_RES_79_237.txt"
NEW="$C/en_A_RES_80_16.txt"

"$LECTERN" --compare "$OLD" "$NEW" > "$TUI_TMP/report"
"$LECTERN" --compare --dump "$OLD" "$NEW" > "$TUI_TMP/report-dump"
check "--compare --dump prints the report (as off a terminal)" \
	cmp -s "$TUI_TMP/report" "$TUI_TMP/report-dump"
# the changes the reader counts: the report's entries that are not
# unchanged (--json: one entry per change)
"$LECTERN" --compare --json "$OLD" "$NEW" > "$TUI_TMP/json"
nchanges=$(grep -c '"kind": "[a-z]*"' "$TUI_TMP/json")
check "--compare --json lists changes" [ "$nchanges" -gt 2 ]

esc=$(printf '\033')
top_pp3() {
	tui_row 1 | grep -qE '│ *\[pp3\] Recalling further that, at its \[-eighth-\]' &&
		tui_screen | grep -qF '{+eleventh+} substantive'
}
# NO_COLOR: the mono theme's reverse (deleted) and underline (inserted)
marks_styled() {
	tmx capture-pane -e -p -t "s$TUI_S" > "$TUI_TMP/styled"
	grep -q "$esc\\[[0-9;]*7m\\[-eighth-\\]" "$TUI_TMP/styled" &&
		grep -q "$esc\\[[0-9;]*4m{+eleventh+}" "$TUI_TMP/styled"
}
# pressing . until the message line names clause $1 with kind $2
to_change() {
	n=0
	while [ "$n" -lt 30 ]; do
		tui_screen | tail -n 1 | grep -qF -- "$1 $2 (change" && return 0
		before=$(tui_screen | tail -n 1)
		tui_keys .
		i=0
		while [ "$i" -lt 30 ] && [ "$(tui_screen | tail -n 1)" = "$before" ]; do
			sleep 0.1
			i=$((i + 1))
		done
		n=$((n + 1))
	done
	return 1
}

for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "NO_COLOR=1 $LECTERN --compare '$OLD' '$NEW'"
	check "$1x$2: opens on NEW's text with the summary" \
		tui_wait '^heading 1, note 1, pp\. 1-3, op\. 1, op\. 5 changed'
	check "$1x$2: the outline marks a deleted clause" \
		tui_wait '^ - Welcomes the consensus'
	check "$1x$2: and an added one" tui_wait '^ 2 \+ Requests the Secretary'
	to_change "pp. 3" changed
	check "$1x$2: . goes to the changes in order (pp. 3 changed)" \
		tui_wait "pp\. 3 changed \(change [0-9]+ of $nchanges\)"
	check "$1x$2: pp3 is at the top with its words marked" top_pp3
	check "$1x$2: without colour, deleted words are reversed, inserted underlined" \
		marks_styled
	tui_keys O
	check "$1x$2: O shows OLD's text of the clause" \
		tui_wait 'OLD: pp\. 3 \(changed\)'
	check "$1x$2: OLD's words, unmarked" tui_wait 'at its eighth substantive session'
	tui_keys Escape
	tui_gone 'OLD: pp\. 3'
	tui_keys ,
	check "$1x$2: , goes back to the change before" \
		tui_wait 'pp\. 2 changed \(change [0-9]+ of'
	tui_keys q
	tui_wait 'lectern-exit=0'
done
# The help lists --compare's actions in its view only.
tui_actions "$TUI_TMP/actions"
listed() { # ACTION: its keys, description and name on one row of the help
	d=$(sed -n "s/^$1	//p" "$TUI_TMP/actions")
	[ -n "$d" ] && tui_screen | grep -F -- "$d" | grep -qE "[.,O] .* $1 "
}
tui_start 200 60 "$LECTERN --compare '$OLD' '$NEW'"
tui_wait 'changed'
tui_keys h
tui_wait 'Help: q'
check "help in the view: change-next" listed change-next
check "help in the view: change-prev" listed change-prev
check "help in the view: change-old" listed change-old
tui_start 200 60 "$LECTERN '$NEW'"
tui_wait 'Open-ended'
tui_keys h
tui_wait 'Help: q'
check "help elsewhere: not listed" sh -c "! tmux -L '$TUI_SOCK' capture-pane -p -t 's$TUI_S' | grep -q change-next"
tui_keys Escape .
check "elsewhere . says how to open the view" tui_wait 'Not comparing: lectern --compare OLD NEW'
exit $((TUI_FAILS > 0))
