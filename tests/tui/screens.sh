#!/bin/sh
# Whole-screen goldens: the bundled declaration as it opens at 80x24 and at
# 40x12, compared cell by cell (as text) with tests/tui/*.screen. Any change
# of layout, pane widths, the status line or the hints shows as a diff in
# the log. To accept an intended change: TUI_UPDATE=1 make check
# TESTS=tests/tui/screens.sh, then read the new files by eye.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 4

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha 22 de diciembre' 1
check "80x24: the hint line is drawn" tui_wait 'h help  q quit *$' 24
check "80x24: the opening screen equals declaration-80x24.screen" \
	tui_golden declaration-80x24

tui_start 40 12 "$LECTERN"
tui_wait 'Carta' 1
check "40x12: the hint line is drawn" tui_wait 'q quit *$' 12
check "40x12: the opening screen equals declaration-40x12.screen" \
	tui_golden declaration-40x12

tui_done
