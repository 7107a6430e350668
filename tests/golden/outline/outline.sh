#!/bin/sh
# Golden outlines: `lectern --outline` of corpus documents (en, es, fr, ru)
# against the expected trees in NAME.outline, which were written by reading
# each document (NAME.txt, a copy of the corpus text): letters, annexes,
# sections, numbered and unnumbered paragraphs, sub-items, notes, footnotes.
# Prints TAP.
dir="${top_srcdir:-.}/tests/golden/outline"
lectern="${LECTERN:-./lectern}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
for exp in "$dir"/*.outline; do n=$((n + 1)); done
echo "1..$n"
i=0
for exp in "$dir"/*.outline; do
	i=$((i + 1))
	name=$(basename "$exp" .outline)
	: >"$tmp/diff"
	if "$lectern" --outline "$dir/$name.txt" >"$tmp/out" 2>"$tmp/err" &&
	   diff -u "$exp" "$tmp/out" >"$tmp/diff"; then
		echo "ok $i - outline of $name"
	else
		echo "not ok $i - outline of $name"
		sed 's/^/# /' "$tmp/err" "$tmp/diff" | head -40
	fi
done
