#!/bin/sh
# The help overlay at 80x24, 40x12, 120x40 and 200x64 (60 rows no
# longer hold every action): every action of the
# table is there with its name and its whole description (wrapped, never
# cut with '…'), it scrolls when taller than the screen, the status rows
# stay visible below it, and a resize keeps the entry at its top.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 26

tui_actions "$TUI_TMP/actions" || echo "# cannot read the action table"
# --compare's actions are listed only in its view (tests/tui/compare.sh)
grep -v '^change-' "$TUI_TMP/actions" > "$TUI_TMP/actions-reader"
mv "$TUI_TMP/actions-reader" "$TUI_TMP/actions"

# help_complete ROWS: each action's name is a word of the help, and the
# words of its description come in order, with at most a few other words
# (a key, the name, at a wrap) between two of them.
help_complete() {
	awk -F '\t' -v rows="$1" '
	BEGIN {
		while ((getline line < rows) > 0) {
			k = split(line, w, / +/)
			for (i = 1; i <= k; i++)
				if (w[i] != "") { tok[++n] = w[i]; have[w[i]] = 1 }
		}
	}
	{
		if (!($1 in have)) { print "# missing name: " $1; bad = 1 }
		m = split($2, d, / +/)
		found = 0
		for (s = 1; s <= n && !found; s++) {
			if (tok[s] != d[1])
				continue
			p = s; j = 2
			while (j <= m) {
				q = p + 1
				while (q <= n && q <= p + 5 && tok[q] != d[j])
					q++
				if (q > n || q > p + 5)
					break
				p = q; j++
			}
			found = j > m
		}
		if (!found) { print "# description not whole: " $2; bad = 1 }
		total++
	}
	END {
		if (total < 30) { print "# only " total " actions read"; bad = 1 }
		exit bad
	}' "$TUI_TMP/actions"
}

no_ellipsis() {
	! grep -n '…' "$1" | sed 's/^/# cut: /' | grep -q .
}

# One size: open, help, collect every row, close.
at_size() {
	cols=$1 rows=$2
	tui_start "$cols" "$rows" "$LECTERN"
	tui_wait 'Carta de fecha' 1 || tui_wait 'Carta de fecha'
	tui_keys h
	check "${cols}x$rows: h opens the help" tui_wait 'Help: q or Esc closes'
	if [ "$3" = scrolls ]; then
		check "${cols}x$rows: taller than the screen, it says which rows show" \
			tui_wait '└─.* 1-[0-9]+/[0-9]+ j/Space: more ─┘'
	fi
	tui_help_rows "$TUI_TMP/help.$cols"
	check "${cols}x$rows: every action with its name and whole description" \
		help_complete "$TUI_TMP/help.$cols"
	check "${cols}x$rows: nothing in the help is cut short" \
		no_ellipsis "$TUI_TMP/help.$cols"
	check "${cols}x$rows: the status rows stay below the help" \
		tui_wait 'q Esc close|q close' "$rows"
}

at_size 80 24 scrolls
tui_keys g
check "80x24: g goes back to its top" tui_wait '└─.* 1-20/[0-9]+ j/Space: more ─┘'
tui_keys G
check "80x24: G shows its end" tui_wait '/([0-9]+) End ─┘'
tui_keys q
check "80x24: q closes it" tui_gone 'Help: q or Esc closes'

at_size 40 12 scrolls
check "40x12: the whole width of the screen" tui_wait '^┌─ Help: q or Esc closes ─+┐$'
at_size 120 40 scrolls
at_size 200 64
check "200x64: all of it fits: no scroll position" \
	tui_gone ' [0-9]+-[0-9]+/[0-9]+ '
tui_keys Escape
check "200x64: Esc closes it" tui_gone 'Help: q or Esc closes'

# Resized while open, it is laid out again with the same entry on top.
tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys h
tui_wait ' 1-20/[0-9]+ '
tui_keys Space
tui_wait '^│ BTab +Move focus back' 2
tui_resize 40 12
check "80x24 -> 40x12 with the help open: BTab's entry stays on top" \
	tui_wait '^│ BTab +focus-prev │' 2
tui_done
