#!/bin/sh
# Terminal sizes: a terminal below 30x8 shows "Terminal too small" instead
# of drawing, and the reader recovers, at the same clause, when it grows
# (also from 1x1 and 2x2).
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 13

tui_start 20 5 "$LECTERN"
check "at 20x5 it says the terminal is too small" tui_wait '^ *Terminal too small'
check "and what size it needs" tui_wait '20x5, needs 30x8'
tui_resize 80 24
check "grown to 80x24 it shows the document" tui_wait 'Carta de fecha 22 de diciembre' 1
tui_keys ']' ']'
check "] ] moves two blocks on (paragraph 2 of the letter)" \
	tui_wait '│ *\[2\] Le agradecería' 1
tui_resize 29 8
check "at 29x8 it is too small again" tui_wait 'Terminal too small'
tui_resize 30 8
check "at 30x8 (the minimum) it reads, at the same clause" tui_wait '^ *\[2\] Le agradecería' 1
tui_resize 40 7
tui_wait 'Terminal too small'
tui_resize 40 12
check "after 40x7 -> 40x12 the same clause is at the top" tui_wait '^ *\[2\] Le agradecería' 1
# Down to one or two cells and back: the screen is drawn again without
# a key (curses had grown its 1x1 key window with the screen, and reading
# a key refreshed it blank over everything).
for size in "1 1" "2 2" "1 1"; do
	tui_resize $size
	sleep 0.5
	tui_resize 80 24
	check "after ${size% *}x${size#* } -> 80x24 the text is back without a key" \
		tui_wait '│ *\[2\] Le agradecería' 1
done
check "and the status line too" tui_wait 'p\. 1/3' 23
tui_resize 1 1
sleep 0.5
tui_resize 200 60
check "after 1x1 -> 200x60 too" tui_wait '│ *\[2\] Le agradecería' 1
tui_resize 80 24
tui_resize 20 5
tui_wait 'Terminal too small'
tui_keys q
check "q quits from the too-small screen" tui_wait '^lectern-exit=0'
tui_done
