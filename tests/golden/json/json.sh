#!/bin/sh
# Golden --json of every corpus document (tests/data/parse/corpus): the
# whole model (tree, ids, numbers, cites, text, metadata) must stay as it
# is unless a commit means to change it. A change shows as a diff here; the
# commit that makes it reads the diff against the source and regenerates
# with `tests/golden/json/json.sh --update` (run from the source tree).
# Prints TAP.
dir="${top_srcdir:-.}/tests/golden/json"
corpus="${top_srcdir:-.}/tests/data/parse/corpus"
lectern="${LECTERN:-$(pwd)/lectern}"
case $lectern in /*) ;; *) lectern="$(pwd)/$lectern" ;; esac
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

update=0
[ "${1:-}" = "--update" ] && update=1
n=0
for f in "$corpus"/*.txt; do n=$((n + 1)); done
echo "1..$n"
i=0
for f in "$corpus"/*.txt; do
	i=$((i + 1))
	name=$(basename "$f" .txt)
	# The name in the JSON is the path given: run in the corpus directory
	# so that it is the file name alone.
	if ! (cd "$corpus" && "$lectern" --json "$name.txt") >"$tmp/out" 2>"$tmp/err"; then
		echo "not ok $i - --json of $name (exit status)"
		sed 's/^/# /' "$tmp/err" | head -10
		continue
	fi
	if [ $update -eq 1 ]; then
		cp "$tmp/out" "$dir/$name.json"
	fi
	if diff -u "$dir/$name.json" "$tmp/out" >"$tmp/diff"; then
		echo "ok $i - --json of $name"
	else
		echo "not ok $i - --json of $name"
		sed 's/^/# /' "$tmp/diff" | head -40
	fi
done
