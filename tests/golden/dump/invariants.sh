#!/bin/sh
# Properties of --dump on every document the tests carry (tests/data/*/*.txt
# and the bundled declaration), at several widths: it succeeds without a
# message, no line is wider than the width (display columns, wc -L in
# C.UTF-8), no line ends with a space, and wrapping only moves white space:
# with spaces and newlines removed, the output is the same at every width.
top="${top_srcdir:-.}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ls "$top"/tests/data/*/*.txt "$top"/data/*.txt 2>/dev/null | LC_ALL=C sort > "$tmp/files"
widths="33 57 133"
n_files=$(wc -l < "$tmp/files")
echo "1..$((n_files * 4 + 1))"
n=1
if [ "$n_files" -ge 2 ]; then
	echo "ok 1 - $n_files documents to check"
else
	echo "not ok 1 - $n_files documents to check (expected at least 2)"
fi
while read -r f; do
	name=$(basename "$f")
	"$LECTERN" --dump -w 80 "$f" > "$tmp/80" 2> "$tmp/err"
	rc=$?
	if [ $rc -ne 0 ]; then
		# A bad input that lectern refuses with a message (exit 1) is
		# some other test's business; a crash is ours.
		for w in 80 $widths; do
			n=$((n + 1))
			if [ $rc -eq 1 ] && [ -s "$tmp/err" ]; then
				echo "ok $n - $name: refused ($(head -1 "$tmp/err"))"
			else
				echo "not ok $n - $name: --dump exit status $rc"
			fi
		done
		continue
	fi
	tr -d ' \n' < "$tmp/80" > "$tmp/80.flat"
	for w in 80 $widths; do
		n=$((n + 1))
		"$LECTERN" --dump -w "$w" "$f" > "$tmp/out" 2> "$tmp/err"
		rc=$?
		widest=$(wc -L < "$tmp/out")
		why=""
		[ $rc -eq 0 ] || why="$why exit status $rc;"
		[ ! -s "$tmp/err" ] || why="$why message: $(head -1 "$tmp/err");"
		[ "$widest" -le "$w" ] || why="$why widest line $widest;"
		! grep -q ' $' "$tmp/out" || why="$why trailing space on line $(grep -n ' $' "$tmp/out" | head -1 | cut -d: -f1);"
		tr -d ' \n' < "$tmp/out" | cmp -s - "$tmp/80.flat" || why="$why text differs from width 80;"
		if [ -z "$why" ]; then
			echo "ok $n - $name at $w columns"
		else
			echo "not ok $n - $name at $w columns:$why"
		fi
	done
done < "$tmp/files"
