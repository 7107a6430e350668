#!/bin/sh
# Pane widths and the text measure at 80x24, 40x12, 120x40 and 200x60:
# by default the outline grows with the terminal (a quarter plus 10, 20 to
# 56 columns; outline_cols = auto) and the text wraps at 100 columns;
# config.ini's outline_cols = N fixes the outline's width and text_cols
# the measure (0: the whole pane).
# Resizing keeps the clause at the top whatever the measure. Sections are
# listed with their numbers.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 25

# outline_is COLS: the outline's border is in column COLS (its width).
outline_is() {
	i=0
	while [ "$i" -lt 30 ]; do
		[ "$(tui_cols_before '│' 1)" = "$(($1 - 1))" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "# outline border after $(tui_cols_before '│' 1) columns, not $(($1 - 1))"
	return 1
}

# longest_text_row: the widest text row right of the outline's border
# (the margin that centres the text column and trailing spaces removed).
longest_text_row() {
	tui_screen | head -n "$(($(tmx display -p -t "s$TUI_S" '#{window_height}') - 2))" |
		sed 's/^[^│]*│//; s/^ *//; s/ *$//' |
		while IFS= read -r l; do printf '%s' "$l" | wc -m; done | sort -n | tail -n 1
}

# measure_between MIN MAX: the widest text row is MIN..MAX columns, the
# clause number included (waits a while: after a resize the screen is
# redrawn).
measure_between() {
	i=0
	while [ "$i" -lt 30 ]; do
		n=$(longest_text_row)
		[ "$n" -ge "$1" ] && [ "$n" -le "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "# widest text row: $n columns"
	return 1
}

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
check "80x24: the outline is 30 columns wide" outline_is 30
tui_resize 120 40
check "120x40: 40 columns" outline_is 40
tui_resize 200 60
check "200x60: 56 columns, its widest" outline_is 56
check "200x60: the text wraps at the 100-column measure" measure_between 85 100
tui_resize 40 12
check "40x12: no room beside the text: the outline is hidden" \
	tui_wait '^ +Carta de fecha 22 de' 1
tui_keys Tab
check "40x12: Tab opens it over the text" tui_wait '^ Outline \(Enter: jump' 1
tui_keys Tab
tui_resize 60 20
check "60x20: narrowed to 20 columns to keep 40 for the text" outline_is 20

mkdir -p "$TUI_TMP/config/lectern"
printf '[ui]\noutline_cols = 24\ntext_cols = 60\n' > "$TUI_TMP/config/lectern/config.ini"
tui_start 200 60 "$LECTERN"
tui_wait 'Carta de fecha' 1
check "outline_cols = 24: 24 columns at 200x60" outline_is 24
check "text_cols = 60: the text wraps at 60 columns" measure_between 50 60
tui_keys :
tui_keys 8 Enter
check "at paragraph 8" tui_wait '│ *\[8\] Dado el carácter transfronterizo' 1
tui_resize 80 24
check "80x24: still 24 columns" outline_is 24
check "80x24: the same clause at the top" \
	tui_wait '│ *\[8\] Dado el carácter transfronterizo' 1
check "80x24: the text pane (56 columns) is narrower than the measure" \
	measure_between 40 56
tui_resize 40 12
check "40x12: the same clause at the top" tui_wait '^ *\[8\] Dado el carácter' 1
tui_resize 120 40
check "120x40: the same clause at the top" \
	tui_wait '│ *\[8\] Dado el carácter transfronterizo' 1
check "120x40: 60 columns again" measure_between 50 60

printf '[ui]\ntext_cols = 0\n' > "$TUI_TMP/config/lectern/config.ini"
tui_start 200 60 "$LECTERN"
tui_wait 'Carta de fecha' 1
check "text_cols = 0: the text takes the whole pane (over 100 columns)" \
	measure_between 101 144
check "text_cols = 0: the outline still grows (56 columns)" outline_is 56

printf '[ui]\noutline_cols = 30\n' > "$TUI_TMP/config/lectern/config.ini"
tui_start 200 60 "$LECTERN"
tui_wait 'Carta de fecha' 1
check "outline_cols = 30 written out is kept at 200x60" outline_is 30
# What --help-config writes is the default: auto.
"$LECTERN" --help-config > "$TUI_TMP/config/lectern/config.ini"
tui_start 200 60 "$LECTERN"
tui_wait 'Carta de fecha' 1
check "outline_cols = auto (from --help-config) grows: 56 at 200x60" outline_is 56

# Sections in the outline carry their printed number, as in the text.
printf '[ui]\n' > "$TUI_TMP/config/lectern/config.ini"
tui_start 120 40 "$LECTERN '${top_srcdir:-.}/tests/data/parse/corpus/en_A_HRC_WG.6_34_ITA_3.txt'"
check "the outline numbers sections: II, then A under it" \
	tui_wait '^ II Information provided by stakeholde…│'
check "and the entry fits the 40-column outline" \
	tui_wait '^   A Scope of international obligation…│'
# A wide outline shows more than the model's short label (cut at 48
# columns), from the clause's text, cut after a word.
tui_resize 200 60
check "200x60: an entry uses the 56-column pane, cut after a word" \
	tui_wait '^   1 The present report was prepared pursuant to Human…│'

printf '[ui]\noutline_cols = 0\n' > "$TUI_TMP/config/lectern/config.ini"
tui_start 120 40 "$LECTERN"
tui_wait 'Carta de fecha' 1
check "outline_cols = 0: no outline at start" tui_gone '^ Outline'
tui_keys o
check "o shows it, as wide as by default (40 at 120x40)" outline_is 40
tui_done
