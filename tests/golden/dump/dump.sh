#!/bin/sh
# Golden test of --dump: the wrapped text at fixed widths equals the
# checked-in expectation, no line is wider than the width (display columns,
# as wc -L counts them in C.UTF-8) and no line ends with a space.
# Expected files were written by reading the output, not by copying it blind.
# After a deliberate change (parser, layout), regenerate them with
#   LECTERN=BUILD/lectern top_srcdir=SRC sh tests/golden/dump/dump.sh --update
# and read the diff before committing it.
dir="${top_srcdir:-.}/tests/golden/dump"
doc="${top_srcdir:-.}/data/cis-declaration-2020.txt"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# input, width, expected file
cases="$doc 40 cis-declaration-2020.w40.txt
$doc 80 cis-declaration-2020.w80.txt
$dir/widths.txt 20 widths.w20.txt
$dir/widths.txt 12 widths.w12.txt
"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; }

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
echo "1..12"
while read -r input width expected; do
	[ -n "$input" ] || continue
	name="$(basename "$expected")"
	out="$tmp/$name"
	if "$LECTERN" --dump -w "$width" "$input" > "$out" 2> "$tmp/err" &&
	   cmp -s "$out" "$dir/$expected"; then
		ok "$name matches"
	else
		diff -u "$dir/$expected" "$out" | head -20 | sed 's/^/# /'
		sed 's/^/# /' "$tmp/err"
		nok "$name matches"
	fi
	widest=$(wc -L < "$out")
	if [ "$widest" -le "$width" ] && [ -s "$out" ]; then
		ok "$name: widest line $widest <= $width columns"
	else
		nok "$name: widest line $widest <= $width columns"
	fi
	if grep -q ' $' "$out"; then
		grep -n ' $' "$out" | head -3 | sed 's/^/# trailing space: /'
		nok "$name: no trailing spaces"
	else
		ok "$name: no trailing spaces"
	fi
done <<CASES
$cases
CASES
