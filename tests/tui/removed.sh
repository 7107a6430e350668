#!/bin/sh
# Z (toggle-removed) draws the lines the parser removed from the source
# (meta.furniture: masthead, job numbers, running headers) back in place,
# dimmed and marked "┆ [removed: KIND]" so that they show without colour,
# before the first block that starts after them;
# Z again hides them. The message counts them as --json does. A/RES/80/16
# at 80x24 and 200x60.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 14

DOC="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_80_16.txt"
n=$("$LECTERN" --json "$DOC" | sed -n 's/.*"furniture_lines": *\([0-9]*\).*/\1/p' | head -1)
for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "NO_COLOR=1 $LECTERN '$DOC'"
	tui_wait 'Resolution adopted by the General Assembly' || true
	check "$1x$2: no job number before the key" tui_gone '25-19974'
	tui_keys Z
	check "$1x$2: Z shows the job number line, marked" \
		tui_wait '┆ \[removed: job-number\] 25-19974 \(E\)'
	check "$1x$2: the message counts the removed lines as --json does ($n)" \
		tui_wait "^Removed lines shown \\($n\\)" "$2"
	check "$1x$2: the text follows them" \
		tui_wait 'Resolution adopted by the General Assembly'
	# the running header of page 2 falls inside paragraph 2 (which runs
	# on to that page): it shows before paragraph 3
	tui_keys : 3 Enter
	check "$1x$2: a running header inside a paragraph shows after it" \
		tui_wait '┆ \[removed: running-header\] A/RES/80/16'
	tui_keys Z
	check "$1x$2: Z again hides them" tui_gone '\[removed: '
	tui_keys g
	check "$1x$2: at the top too" tui_gone '25-19974'
done
tui_done
