#!/bin/sh
# Numbers the document does not print: A/RES/80/16 numbers its operative
# paragraphs (1, 2, ...) but not its preambular ones, which people cite by
# position (pp1, pp2). The reader shows those in brackets, "[pp1]", in the
# text's gutter and in the outline (dimmed too, but never by colour only:
# NO_COLOR shows the brackets), and 'c' says the number is counted. A
# printed number stays bare. At 80x24 and 200x60.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 12

no_bare() { ! tui_screen | grep -qE '(^|│) *pp2 '; }

DOC="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_80_16.txt"
for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "NO_COLOR=1 $LECTERN '$DOC'"
	tui_wait 'Resolution adopted by the General Assembly' || true
	tui_keys Tab
	check "$1x$2: the outline brackets an unprinted number" \
		tui_wait '^ \[pp1\] Recalling'
	check "$1x$2: a printed number stays bare in the outline" \
		tui_wait '^ 1 Decides to endorse'
	tui_keys j j j j Enter
	check "$1x$2: the text's gutter brackets it too" \
		tui_wait '│ *\[pp2\] Recalling also its decisions' 1
	check "$1x$2: and shows no bare pp2" no_bare
	tui_keys c
	check "$1x$2: c cites it and says the number is counted" \
		tui_wait "^A/RES/80/16, preambular para\. 2  \[pp2 not printed: counted\]" "$2"
	tui_keys Tab : 2 Enter c
	check "$1x$2: c on a printed number says nothing of the kind" \
		tui_wait '^A/RES/80/16, para\. 2  \(p2\) *$' "$2"
done
tui_done
