#!/bin/sh
# tests/fuzz/seeds.sh: makes the seed corpora of the fuzzers from files of
# the tree (nothing binary is committed):
#   seeds.sh SRCDIR OUTDIR [LECTERN]
# OUTDIR/parse   every document under tests/data and data/, and a few
#                shapes the corpus lacks (CRLF, UTF-16, Windows-1252, a
#                deep annex nesting cut short)
# OUTDIR/ini     every .ini under tests/, data/ and themes/, each behind
#                the selector byte fuzz_ini reads (config, theme, catalog)
# OUTDIR/notes   notes exported as JSON by LECTERN (when given) on the
#                bundled declaration
set -eu
srcdir=$1 out=$2 lectern=${3:-}
mkdir -p "$out/parse" "$out/ini" "$out/notes"
i=0
# Documents are cut to their first 12 KB (at a line end): a fuzzer mutates
# small inputs many times faster, and grows them up to -max_len itself.
find "$srcdir/tests/data" "$srcdir/data" -name '*.txt' -size -1024k | sort | while read -r f; do
	i=$((i + 1))
	if [ "$(wc -c <"$f")" -gt 12288 ]; then
		head -c 12288 "$f" | sed '$d' >"$out/parse/doc$i"
	else
		cp "$f" "$out/parse/doc$i"
	fi
done
decl=$srcdir/data/cis-declaration-2020.txt
head -c 4000 "$decl" | sed 's/$/\r/' >"$out/parse/crlf"
{ printf '\377\376'; head -c 3000 "$decl" | iconv -f UTF-8 -t UTF-16LE; } >"$out/parse/utf16le" || true
head -c 3000 "$decl" | iconv -f UTF-8 -t CP1252//TRANSLIT >"$out/parse/cp1252" 2>/dev/null || true
k=0
while [ $k -lt 50 ]; do printf 'Annex\nTitle\n'; k=$((k + 1)); done >"$out/parse/annexes"
n=0
find "$srcdir/tests" "$srcdir/data" "$srcdir/themes" -name '*.ini' 2>/dev/null | sort | while read -r f; do
	n=$((n + 1))
	case $f in
	*/themes/*) sel='\001' ;;
	*/data/*.ini) sel='\002' ;;
	*) sel='\000' ;;
	esac
	case $f in
	*/tests/data/refs/*|*/catalog*) sel='\002' ;;
	esac
	{ printf "$sel"; cat "$f"; } >"$out/ini/ini$n"
done
if [ -n "$lectern" ] && [ -x "$lectern" ]; then
	db=$(mktemp -d)
	for where in $("$lectern" --json "$decl" 2>/dev/null | grep -o '"path": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' | head -5); do
		"$lectern" --notes-db="$db/n.db" --note-add="$where" --text="on $where #tag" --tag=t "$decl" >/dev/null 2>&1 || true
	done
	"$lectern" --notes-db="$db/n.db" --notes-export=json "$decl" >"$out/notes/export.json" 2>/dev/null || true
	rm -rf "$db"
fi
printf '{"type":"Annotation","bodyValue":"x","target":{"selector":{"type":"TextQuoteSelector","exact":"Jefes de Estado"}}}' >"$out/notes/lone.json"
printf '[{"type":"Annotation","body":{"value":"y"},"target":{"selector":[{"type":"TextPositionSelector","start":3,"end":9}]}}]' >"$out/notes/array.json"
echo "seeds in $out: $(ls "$out/parse" | wc -l) documents, $(ls "$out/ini" | wc -l) INI files, $(ls "$out/notes" | wc -l) notes files"
