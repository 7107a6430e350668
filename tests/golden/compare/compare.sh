#!/bin/sh
# Golden output of --compare and --parallel, read against the documents:
# the three version pairs of issue 12 (a draft and its resolution, two
# years of one resolution, two resolutions of one agenda item), the corpus
# text against the PDF of the same document (what the extraction changes
# is no change: only what the two parses put in different trees remains),
# and the two language pairs as texts and as PDFs (--json, --dump -w 100,
# and the table with its figures). Also: usage errors exit 2.
# `compare.sh --update` (from the worktree root, LECTERN=./lectern)
# rewrites the golden files; read the diff before committing it.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
data="$top_srcdir/tests/data"
gold=$(cd "$top_srcdir/tests/golden/compare" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
HOME="$tmp/home"; export HOME
unset XDG_DATA_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
update=0
[ "${1:-}" = --update ] && update=1

lectern=$(cd "$top_builddir" && pwd)/lectern
L=${LECTERN:-$lectern}
case $L in /*) ;; *) L=$(pwd)/$L ;; esac
c=parse/corpus
p=pdf

# name|options|files: one golden file per line
cases="L.20-80.16.compare|--compare|$c/en_A_C.1_80_L.20.txt $c/en_A_RES_80_16.txt
L.20-80.16.json|--compare --json|$c/en_A_C.1_80_L.20.txt $c/en_A_RES_80_16.txt
79.237-80.16.compare|--compare|$c/en_A_RES_79_237.txt $c/en_A_RES_80_16.txt
79.250-80.2.compare|--compare|$c/en_A_RES_79_250.txt $c/en_A_RES_80_2.txt
ITA_3-text-pdf.compare|--compare|$c/en_A_HRC_WG.6_34_ITA_3.txt $p/A_HRC_WG.6_34_ITA_3-en.pdf
ITA_3-en-ru.json|--parallel --json|$c/en_A_HRC_WG.6_34_ITA_3.txt $c/ru_A_HRC_WG.6_34_ITA_3.txt
ITA_3-en-ru.dump|--parallel --dump -w 100|$c/en_A_HRC_WG.6_34_ITA_3.txt $c/ru_A_HRC_WG.6_34_ITA_3.txt
ITA_3-en-ru.pairs|--parallel|$c/en_A_HRC_WG.6_34_ITA_3.txt $c/ru_A_HRC_WG.6_34_ITA_3.txt
ITA_1-en-fr.json|--parallel --json|$c/en_A_HRC_WG.6_7_ITA_1.txt $c/fr_A_HRC_WG.6_7_ITA_1.txt
ITA_1-en-fr.dump|--parallel --dump -w 100|$c/en_A_HRC_WG.6_7_ITA_1.txt $c/fr_A_HRC_WG.6_7_ITA_1.txt
ITA_1-en-fr.pairs|--parallel|$c/en_A_HRC_WG.6_7_ITA_1.txt $c/fr_A_HRC_WG.6_7_ITA_1.txt
ITA_3-pdf-en-ru.pairs|--parallel|$p/A_HRC_WG.6_34_ITA_3-en.pdf $p/A_HRC_WG.6_34_ITA_3-ru.pdf
ITA_1-pdf-en-fr.pairs|--parallel|$p/A_HRC_WG.6_7_ITA_1-en.pdf $p/A_HRC_WG.6_7_ITA_1-fr.pdf"

n=$(printf '%s\n' "$cases" | wc -l)
echo "1..$((n + 7))"
i=0
result() {
	i=$((i + 1))
	what=$1 st=$2
	shift 2
	if [ "$st" = 0 ]; then
		echo "ok $i - $what"
	elif [ "$st" = skip ]; then
		echo "ok $i - $what # SKIP pdftotext is missing"
	else
		echo "not ok $i - $what"
		[ $# -eq 0 ] || sed 's/^/# /' "$@" | head -40
	fi
}

have_pdf=0
command -v pdftotext >/dev/null 2>&1 && have_pdf=1
printf '%s\n' "$cases" >"$tmp/cases"
while IFS='|' read -r name opts files; do
	case $files in *.pdf*) [ $have_pdf = 1 ] || { result "$name" skip; continue; } ;; esac
	# shellcheck disable=SC2086 # options and files are words
	(cd "$data" && "$L" $opts $files) >"$tmp/$name" 2>"$tmp/$name.err"
	st=$?
	if [ $update = 1 ] && [ $st = 0 ]; then
		cp "$tmp/$name" "$gold/$name"
	fi
	[ $st = 0 ] && diff -u "$gold/$name" "$tmp/$name" >"$tmp/$name.diff"
	result "$name" $? "$tmp/$name.err" "$tmp/$name.diff"
done <"$tmp/cases"

# A document against itself: nothing but the unchanged count.
f=$c/en_A_RES_80_16.txt
(cd "$data" && "$L" --compare "$f" "$f") >"$tmp/same" 2>&1 &&
	sed -n 4p "$tmp/same" | grep -qx '[0-9][0-9]* unchanged' &&
	[ "$(wc -l <"$tmp/same")" = 4 ]
result "a document against itself is unchanged" $? "$tmp/same"

# Usage: two files, and only the views each takes.
"$L" --compare "$data/$f" >"$tmp/u1" 2>&1
[ $? = 2 ] && grep -q 'needs two files' "$tmp/u1"
result "--compare with one file: usage error" $? "$tmp/u1"
"$L" --compare --outline "$data/$f" "$data/$f" >"$tmp/u2" 2>&1
[ $? = 2 ]
result "--compare --outline: usage error" $? "$tmp/u2"
"$L" --parallel "$data/$f" "$tmp/missing.txt" >"$tmp/u3" 2>&1
[ $? = 1 ] && grep -q 'missing.txt' "$tmp/u3"
result "--parallel with a missing file: exit 1, named" $? "$tmp/u3"

# A hostile file name (ESC, an invalid byte): never raw on any output.
bad="$tmp/$(printf 'x\033[31m\377.txt')"
cp "$data/$f" "$bad"
esc=$(printf '\033')
ok=0
for o in "--compare" "--compare --json" "--parallel" "--parallel --json" "--parallel --dump"; do
	# shellcheck disable=SC2086
	"$L" $o "$data/$f" "$bad" >"$tmp/h.out" 2>&1 || ok=1
	grep -q "$esc" "$tmp/h.out" && ok=1
done
result "a hostile file name is shown, never sent raw" $ok "$tmp/h.out"
"$L" --compare --json "$data/$f" "$bad" 2>/dev/null | grep -q '"name": ".*x\\u001B\[31m\\uFFFD\.txt\|"name": ".*x\\u001B\[31m.\.txt'
result "--compare --json names it in valid JSON" $? "$tmp/h.out"

# Every corpus document against itself: all unchanged, and every numbered
# paragraph aligned with itself.
bad=
for d in "$data"/parse/corpus/*.txt; do
	"$L" --compare "$d" "$d" 2>/dev/null | sed -n 4p | grep -qx '[0-9][0-9]* unchanged' ||
		bad="$bad $d(compare)"
	"$L" --parallel "$d" "$d" 2>/dev/null | tail -1 | grep -q ', 0 not$' ||
		bad="$bad $d(parallel)"
done
echo "$bad" >"$tmp/self"
[ -z "$bad" ]
result "every corpus document against itself" $? "$tmp/self"
