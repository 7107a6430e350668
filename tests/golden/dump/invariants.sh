#!/bin/sh
# Properties of --dump on every document the tests carry (the corpus
# tests/data/parse/corpus/*.txt, the other fixtures tests/data/*/*.txt and
# the bundled declaration), at several widths: it succeeds without a
# message, no line is wider than the width (display columns, wc -L in
# C.UTF-8), no line ends with a space, and wrapping only moves white space:
# with spaces and newlines removed, the output is the same at every width.
top="${top_srcdir:-.}"
. "$top/tests/tap.sh"
tap_tmpdir invariants
tmp=$TAP_TMP
ls "$TAP_CORPUS"/*.txt "$top"/tests/data/*/*.txt "$top"/data/*.txt 2>/dev/null |
	LC_ALL=C sort > "$tmp/files"
widths="33 57 133"
n_files=$(wc -l < "$tmp/files")
tap_plan $((n_files * 4 + 1))
if [ "$n_files" -ge 2 ]; then
	tap_ok "$n_files documents to check"
else
	tap_not_ok "$n_files documents to check (expected at least 2)"
fi
while read -r f; do
	name=$(basename "$f")
	"$LECTERN" --dump -w 80 "$f" > "$tmp/80" 2> "$tmp/err"
	rc=$?
	if [ $rc -ne 0 ]; then
		# A bad input that lectern refuses with a message (exit 1) is
		# some other test's business; a crash is ours.
		for w in 80 $widths; do
			if [ $rc -eq 1 ] && [ -s "$tmp/err" ]; then
				tap_ok "$name: refused ($(head -1 "$tmp/err"))"
			else
				tap_not_ok "$name: --dump exit status $rc"
			fi
		done
		continue
	fi
	tr -d ' \n' < "$tmp/80" > "$tmp/80.flat"
	for w in 80 $widths; do
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
			tap_ok "$name at $w columns"
		else
			tap_not_ok "$name at $w columns:$why"
		fi
	done
done < "$tmp/files"
tap_done
