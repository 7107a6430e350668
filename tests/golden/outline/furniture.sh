#!/bin/sh
# Every corpus document parses (exit 0, valid tree) and no page furniture
# is left in any node's text: no job number ("25-19974", "GE.19-13879"), no
# barcode ("*2519974*"), no "n/m" page number (a fraction n/m with n <= m
# that is not a resolution number, "resolutions 4/4 and 4/8"). Prints TAP.
dir="${top_srcdir:-.}/tests/data/parse/corpus"
lectern="${LECTERN:-./lectern}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
for f in "$dir"/*.txt; do n=$((n + 1)); done
echo "1..$n"
i=0
for f in "$dir"/*.txt; do
	i=$((i + 1))
	name=$(basename "$f" .txt)
	if ! "$lectern" --json "$f" >"$tmp/json" 2>"$tmp/err"; then
		echo "not ok $i - $name parses"
		sed 's/^/# /' "$tmp/err" | head -5
		continue
	fi
	# the nodes' "text" values, one a line (jansson escapes newlines as
	# \n); meta.furniture before "root" holds the removed lines
	sed -n '/^  "root": {/,$p' "$tmp/json" | grep '^ *"text": "' | sed 's/^ *"text": "//; s/",\{0,1\}$//' >"$tmp/texts"
	grep -n -E '(^|[^0-9./-])(([A-Z]{1,3}\.)?[0-9]{2}-[0-9]{5})([^0-9]|$)|\*[0-9]{7}\*' \
		"$tmp/texts" >"$tmp/bad"
	awk '{
		s = $0
		while (match(s, /(^| )[0-9][0-9]?\/[0-9][0-9]?( |$)/)) {
			m = substr(s, RSTART, RLENGTH); gsub(/ /, "", m)
			split(m, a, "/")
			before = substr(s, 1, RSTART - 1)
			if (a[1] + 0 <= a[2] + 0 && a[1] + 0 > 0 &&
			    before !~ /(resolutions?|decisions?|and|et|y|и|,)$/)
				print NR ": " m ": " substr(s, RSTART > 40 ? RSTART - 40 : 1, 80)
			s = substr(s, RSTART + RLENGTH)
		}
	}' "$tmp/texts" >>"$tmp/bad"
	if [ -s "$tmp/bad" ]; then
		echo "not ok $i - $name: page furniture left in the text"
		sed 's/^/# /' "$tmp/bad" | head -5
	else
		echo "ok $i - $name: parses, no furniture in the text"
	fi
done
