#!/bin/sh
# --parallel A B on a terminal: A in the text pane, B beside it, scrolling
# in lockstep by aligned clause (the clause at the top of one is its
# partner at the top of the other, also after a resize); Tab moves the
# focus to B, whose keys move both; a clause of A with no partner in B
# stands against a gap; / in B's pane searches B; in a library, P opens
# the other language version beside the document; at 80x24 and 200x60.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 33

C="${top_srcdir:-.}/tests/data/parse/corpus"
EN="$C/en_A_HRC_WG.6_7_ITA_1.txt"
FR="$C/fr_A_HRC_WG.6_7_ITA_1.txt"
# French without its paragraph 2: English paragraph 2 has no partner
# (--parallel --json says so)
sed '/^2\. *$/,/^ledit rapport\. *$/d' "$FR" > "$TUI_TMP/fr-gap.txt"
"$LECTERN" --parallel --json "$EN" "$TUI_TMP/fr-gap.txt" > "$TUI_TMP/gap.json"
check "the test's copy has a gap: s1/p2 against null" \
	sh -c "grep -A1 '\"left\": \"s1/p2\"' '$TUI_TMP/gap.json' | grep -q '\"right\": null'"

# row 1 starts a numbered clause on both sides, the same number
same_number() {
	r=$(tui_row 1)
	l=$(printf '%s\n' "$r" | sed -n 's/^ *\([0-9][0-9]*\) .*/\1/p')
	b=$(printf '%s\n' "$r" | sed -n 's/^.*│ *\([0-9][0-9]*\) .*/\1/p')
	[ -n "$l" ] && [ "$l" = "$b" ]
}

for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "$LECTERN --parallel '$EN' '$FR'"
	check "$1x$2: both versions side by side" tui_wait 'Italy +.*│ +Italie'
	tui_keys : 12 Enter
	check "$1x$2: A's paragraph 12 at the top, B's paragraph 12 beside it" \
		tui_wait '^ *12 The territorial.*│ *12 Sur le plan' 1
	tui_resize $(($1 + 21)) $(($2 + 7))
	check "$1x$2: resized, the same clauses at the top" \
		tui_wait '^ *12 The territorial.*│ *12 Sur le plan' 1
	tui_resize "$1" "$2"
	tui_wait '^ *12 The territorial.*│ *12 Sur le plan' 1
	tui_keys Tab
	check "$1x$2: Tab gives B the focus" tui_wait 'back to the left'
	tui_keys ]
	check "$1x$2: B's next clause (F) brings A's partner to the top" \
		tui_wait '^ *F Judicial power.*│ *F Le pouvoir judiciaire' 1
	tui_keys / 'Cour constitutionnelle' Enter
	check "$1x$2: / in B's pane finds B's words, A follows (G)" \
		tui_wait '^ *G The Constitutional Court.*│ *G La Cour constitutionnelle' 1
	tui_keys Tab
	tui_gone 'back to the left'
	tui_keys ]
	tui_gone '^ *G The Constitutional Court'
	check "$1x$2: back in A, ] moves both (the paragraph after G)" same_number
	tui_keys q
	tui_wait 'lectern-exit=0'
done

for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "$LECTERN --parallel '$EN' '$TUI_TMP/fr-gap.txt'"
	tui_wait 'Italy +.*│ +Italie'
	tui_keys : 2 Enter
	check "$1x$2: A's paragraph 2 stands against a gap" \
		tui_wait '^ *2 Moreover the draft.*│ *\(no counterpart\)' 1
	check "$1x$2: B goes on with its next clause below the gap" \
		tui_wait '│ *II Cadre normatif'
	tui_keys q
	tui_wait 'lectern-exit=0'
done
# In a library, P opens the other language version of the document beside
# it (the same symbol, another language), and closes it.
mkdir "$TUI_TMP/lib"
cp "$EN" "$FR" "$C/en_A_RES_80_16.txt" "$TUI_TMP/lib/"
for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "$LECTERN --library-db '$TUI_TMP/lib.db' '$TUI_TMP/lib'"
	tui_wait 'Library: 3 documents'
	tui_keys Escape
	tui_gone 'Library: 3 documents'
	tui_keys P
	check "$1x$2: P in a library: the French version beside the English" \
		tui_wait 'NATIONAL REPORT SUBMITTED.*│ +Rapport national' 1
	check "$1x$2: the message names the language and the key that closes it" \
		tui_wait '^Beside it: the version in fr \(P closes it'
	tui_keys : 12 Enter
	check "$1x$2: in lockstep (12 and 12)" \
		tui_wait '^ *12 The territorial.*│ *12 Sur le plan' 1
	tui_keys P
	check "$1x$2: P again closes it" tui_gone '│ *12 Sur le plan'
	tui_keys q
	tui_wait 'lectern-exit=0'
done
# --parallel: P hides B's pane and shows it again; the notes panel takes
# its place on the right beside it, the text keeps its own.
tui_start 200 60 "$LECTERN --parallel '$EN' '$FR'"
tui_wait 'Italy +.*│ +Italie'
tui_keys P
check "--parallel: P hides B" tui_gone '│ +Italie'
tui_keys P
check "--parallel: P shows B again" tui_wait 'Italy +.*│ +Italie'
tui_keys s
check "--parallel: with the notes panel, A, B and the notes side by side" \
	tui_wait 'NATIONAL REPORT.*│ +Rapport national.*│ Notes' 1
tui_start 80 24 "$LECTERN '$EN'"
tui_wait 'Italy'
tui_keys P
check "P outside a library says where versions come from" \
	tui_wait 'Other language versions come from a library'

tui_start 80 24 "$LECTERN --parallel '$EN' '$FR' > '$TUI_TMP/piped'"
check "piped, --parallel prints its table as before" tui_wait 'lectern-exit=0'
"$LECTERN" --parallel "$EN" "$FR" > "$TUI_TMP/table"
check "the same table" cmp -s "$TUI_TMP/piped" "$TUI_TMP/table"
exit $((TUI_FAILS > 0))
