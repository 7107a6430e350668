#!/bin/sh
# The three fuzz harnesses, built without libFuzzer (tests/fuzz/replay.c),
# run on regression inputs: parse on every corpus document and the PDFs'
# golden-outline inputs, ini on the config and theme fixtures, notes on
# a notes export made here. TAP: the harnesses' own lines, renumbered into one plan.
top="${top_srcdir:-.}"
bld="${top_builddir:-.}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
L="${LECTERN:-$bld/lectern}"
decl="$top/data/cis-declaration-2020.txt"
"$L" --notes-db "$tmp/n.db" --note-add=annex1/decl/p8 --text="a note #tag" "$decl" >/dev/null &&
"$L" --notes-db "$tmp/n.db" --notes-export=json "$decl" >"$tmp/export.json" || {
	echo "1..1"; echo "not ok 1 - a notes export to replay could not be made"; exit 1; }
set -- \
	"parse:$(ls "$top"/tests/data/parse/corpus/*.txt "$top"/tests/golden/outline/*.txt | tr '\n' ' ')" \
	"ini:$(ls "$top"/tests/data/config/*.ini "$top"/themes/*.ini | tr '\n' ' ')" \
	"notes:$tmp/export.json"
rc=0
for h in "$@"; do
	name=${h%%:*}
	echo "# replay_$name" >"$tmp/$name.out"
	files=${h#*:}
	# shellcheck disable=SC2086
	if ! "$bld/tests/fuzz/replay_$name" $files >"$tmp/$name.out" 2>"$tmp/$name.err"; then
		rc=1
		echo "not ok - replay_$name stopped" >>"$tmp/$name.out"
		sed 's/^/# /' "$tmp/$name.err" | head -20 >>"$tmp/$name.out"
	fi
done
total=$(cat "$tmp"/*.out | grep -cE '^(not )?ok')
echo "1..$total"
i=0
cat "$tmp"/parse.out "$tmp"/ini.out "$tmp"/notes.out | while IFS= read -r l; do
	case $l in
	"ok "*) i=$((i + 1)); echo "ok $i - ${l#ok * - }" ;;
	"not ok"*) i=$((i + 1)); echo "not ok $i - ${l#not ok * - }" ;;
	"#"*|"1.."*) case $l in "1.."*) ;; *) echo "$l" ;; esac ;;
	esac
done
exit $rc
