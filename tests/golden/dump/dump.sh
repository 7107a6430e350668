#!/bin/sh
# Golden test of --dump: the wrapped text at fixed widths equals the
# checked-in expectation, no line is wider than the width (display columns,
# as wc -L counts them in C.UTF-8) and no line ends with a space.
# Expected files were written by reading the output, not by copying it blind.
# After a deliberate change (parser, layout), regenerate them with
#   LECTERN=BUILD/lectern top_srcdir=SRC sh tests/golden/dump/dump.sh --update
# and read the diff before committing it.
. "${top_srcdir:-.}/tests/tap.sh"
dir="${top_srcdir:-.}/tests/golden/dump"
doc=$TAP_DECLARATION
tap_tmpdir dump
tmp=$TAP_TMP
# input, width, expected file
cases="$doc 40 cis-declaration-2020.w40.txt
$doc 80 cis-declaration-2020.w80.txt
$dir/widths.txt 20 widths.w20.txt
$dir/widths.txt 12 widths.w12.txt
"

if [ "${1:-}" = "--update" ]; then
	while read -r input width expected; do
		[ -n "$input" ] || continue
		"$LECTERN" --dump -w "$width" "$input" > "$dir/$expected" || exit 1
		echo "wrote $dir/$expected"
	done <<CASES
$cases
CASES
	exit 0
fi
tap_plan 12
while read -r input width expected; do
	[ -n "$input" ] || continue
	name="$(basename "$expected")"
	out="$tmp/$name"
	if "$LECTERN" --dump -w "$width" "$input" > "$out" 2> "$tmp/err" &&
	   cmp -s "$out" "$dir/$expected"; then
		tap_ok "$name matches"
	else
		diff -u "$dir/$expected" "$out" | head -20 | sed 's/^/# /'
		sed 's/^/# /' "$tmp/err"
		tap_not_ok "$name matches"
	fi
	widest=$(wc -L < "$out")
	if [ "$widest" -le "$width" ] && [ -s "$out" ]; then
		tap_ok "$name: widest line $widest <= $width columns"
	else
		tap_not_ok "$name: widest line $widest <= $width columns"
	fi
	if grep -q ' $' "$out"; then
		grep -n ' $' "$out" | head -3 | sed 's/^/# trailing space: /'
		tap_not_ok "$name: no trailing spaces"
	else
		tap_ok "$name: no trailing spaces"
	fi
done <<CASES
$cases
CASES
tap_done
