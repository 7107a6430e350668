#!/bin/sh
# The measures of metamorphic.sh on texts whose answer is known: mtool
# words (the conservation check) and mtool outline. Prints TAP.
LC_ALL=C.UTF-8
export LC_ALL
mtool="${top_builddir:-.}/tests/metamorphic/mtool"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
echo "1..9"
t=0
is() {
	t=$((t + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $t - $3"
	else
		echo "not ok $t - $3"
		echo "# got '$1', expected '$2'"
	fi
}

# Punctuation and layout do not matter; a missing word does, as often as
# it is missing.
printf 'The world, the peace.\nThe end\n' >"$tmp/src"
printf '  The world the peace - The\n' >"$tmp/dump"
is "$("$mtool" words "$tmp/src" "$tmp/dump")" "1 6 0" "a word missing once is one word lost"
is "$("$mtool" words -v "$tmp/src" "$tmp/dump" | sed -n 2p)" "$(printf '1\tend')" "-v names it"

# A hyphen at a line end: found as two halves or as the joined word.
printf 'a peace-\nful end\n' >"$tmp/src"
printf 'a peaceful end\n' >"$tmp/dump"
is "$("$mtool" words "$tmp/src" "$tmp/dump")" "0 4 0" "a repaired hyphen loses no word"
printf 'a peace-ful end\n' >"$tmp/dump"
is "$("$mtool" words "$tmp/src" "$tmp/dump")" "0 4 0" "a kept hyphen loses no word"

# Compatibility forms: a footnote mark "1" printed as "¹", a ligature.
printf 'Solution,1 and \357\254\201nal\n' >"$tmp/src"
printf 'Solution,\302\271 and final\n' >"$tmp/dump"
is "$("$mtool" words "$tmp/src" "$tmp/dump")" "0 4 0" "superscript digits and ligatures are the same words"

# Words in meta.furniture are found; without the list, they are lost.
printf 'A/80/1\nOn the text\n25-14304 (E)\n' >"$tmp/src"
printf 'On the text\n' >"$tmp/dump"
printf '{"meta": {"furniture": [{"line": 1, "kind": "running-header", "text": "A/80/1"}, {"line": 3, "kind": "job-number", "text": "25-14304 (E)"}]}}\n' >"$tmp/json"
is "$("$mtool" words "$tmp/src" "$tmp/dump" "$tmp/json")" "0 9 1" "words of meta.furniture are found"
printf '{"meta": {"furniture_lines": 2}}\n' >"$tmp/json"
is "$("$mtool" words "$tmp/src" "$tmp/dump" "$tmp/json")" "6 9 0" "without meta.furniture they are lost"

# The outline: depth, kind, printed number or -, first three words.
cat >"$tmp/json" <<'EOF'
{"root": {"kind": "document", "children": [
 {"kind": "section", "number": "I", "text": "Background and scope", "children": [
  {"kind": "paragraph", "number": null, "text": " Recalling\nits resolution 78/10", "children": []}]}]}}
EOF
is "$("$mtool" outline "$tmp/json" | tr '\n' '/')" "0 section I | Background and scope/1 paragraph - | Recalling its resolution/" "mtool outline"
: >"$tmp/empty"
is "$("$mtool" outline "$tmp/empty")" "" "no outline of a refused file"
