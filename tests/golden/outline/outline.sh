#!/bin/sh
# Golden outlines: `lectern --outline` of corpus documents (en, es, fr, ru)
# against the expected trees in NAME.outline, which were written by reading
# each document: letters, annexes, sections, numbered and unnumbered
# paragraphs, sub-items, notes, footnotes. The input is the corpus text
# tests/data/parse/corpus/NAME.txt; NAME.txt here only when it is not a
# corpus text (a synthetic variant: old mastheads, a table of contents
# without a title, page chrome). Prints TAP.
. "${top_srcdir:-.}/tests/tap.sh"
dir="${top_srcdir:-.}/tests/golden/outline"
lectern="${LECTERN:-./lectern}"
tap_tmpdir outline

n=0
for exp in "$dir"/*.outline; do n=$((n + 1)); done
tap_plan $n
for exp in "$dir"/*.outline; do
	name=$(basename "$exp" .outline)
	in="$dir/$name.txt"
	[ -f "$in" ] || in="$TAP_CORPUS/$name.txt"
	: >"$TAP_TMP/diff"
	"$lectern" --outline "$in" >"$TAP_TMP/out" 2>"$TAP_TMP/err" &&
		diff -u "$exp" "$TAP_TMP/out" >"$TAP_TMP/diff"
	tap_result $? "outline of $name" "$TAP_TMP/err" "$TAP_TMP/diff"
done
tap_done
