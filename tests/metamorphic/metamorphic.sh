#!/bin/sh
# Metamorphic tests and the conservation check (issue 9, §1 and §2).
# Every corpus document (tests/data/parse/corpus) is made into the variants
# of variant.sh; for each, lectern's outline (depth, node kind, printed
# number, first three words of the text: mtool outline) and its set of reference keys (--refs:
# kind and key) are compared with the original's, and the words of the
# variant's text are looked for in its --dump and in the JSON's
# meta.furniture (mtool words). The table per variant is
# printed; each figure is held at a ratchet floor (tests/metamorphic/floors):
# a test fails when a figure gets worse than its floor. Raise the floor when
# the parser gets better (`metamorphic.sh --update` writes today's figures,
# keeping the targets).
#   metamorphic.sh [--update] [--docs 'GLOB'] [--keep DIR]
# --docs limits the run to corpus files matching GLOB (no floors checked);
# --keep DIR leaves the variants and outputs there, to read the diffs.
# Prints TAP.
LC_ALL=C.UTF-8
export LC_ALL
srcdir="${top_srcdir:-.}"
here="$srcdir/tests/metamorphic"
corpus="$srcdir/tests/data/parse/corpus"
floors="$here/floors"
lectern="${LECTERN:-$(pwd)/lectern}"
case $lectern in /*) ;; *) lectern="$(pwd)/$lectern" ;; esac
mtool="${top_builddir:-.}/tests/metamorphic/mtool"
case $mtool in /*) ;; *) mtool="$(pwd)/$mtool" ;; esac
LECTERN=$lectern
export LECTERN

update=0
docs='*'
keep=
while [ $# -gt 0 ]; do
	case $1 in
	--update) update=1 ;;
	--docs) shift; docs=$1 ;;
	--keep) shift; keep=$1 ;;
	*) echo "usage: metamorphic.sh [--update] [--docs GLOB] [--keep DIR]" >&2; exit 2 ;;
	esac
	shift
done

if [ -n "$keep" ]; then
	tmp=$keep
	mkdir -p "$tmp" || exit 1
else
	tmp=$(mktemp -d) || exit 1
	trap 'rm -rf "$tmp"' EXIT INT TERM
fi

variants="original flat para-lines rewrap60 redump crlf cp1252 utf16 chrome pages"

# The set of reference keys: kind and key.
refkeys() {
	"$lectern" --refs "$1" 2>/dev/null | cut -f3,4 | sort -u
}

# The document's symbol from its --json (for the running header of pages).
symbol() {
	sed -n 's/^    "symbol": "\(.*\)",$/\1/p' "$1" | head -1
}

for v in $variants; do mkdir -p "$tmp/$v"; done
: >"$tmp/results"
ndocs=0
for f in "$corpus"/$docs.txt; do
	[ -f "$f" ] || continue
	ndocs=$((ndocs + 1))
	name=$(basename "$f" .txt)
	"$lectern" --json "$f" >"$tmp/original/$name.json" 2>/dev/null
	sym=$(symbol "$tmp/original/$name.json")
	for v in $variants; do
		d="$tmp/$v"
		file="$d/$name.txt"
		sh "$here/variant.sh" "$v" "$f" "$file" "${sym:-A/80/999}"
		case $? in
		0) ;;
		3) echo "$v $name n/a" >>"$tmp/results"; continue ;;
		*) echo "$v $name error" >>"$tmp/results"; continue ;;
		esac
		[ "$v" = original ] ||
			"$lectern" --json "$file" >"$d/$name.json" 2>/dev/null
		"$mtool" outline "$d/$name.json" >"$d/$name.outline"
		refkeys "$file" >"$d/$name.refs"
		"$lectern" --dump -w 10000 "$file" >"$d/$name.dump" 2>/dev/null
		# The words of an encoding variant are the original's.
		src=$file
		case $v in cp1252|utf16) src=$f ;; esac
		same_o=0; same_r=0
		cmp -s "$tmp/original/$name.outline" "$d/$name.outline" && same_o=1
		cmp -s "$tmp/original/$name.refs" "$d/$name.refs" && same_r=1
		lost=$("$mtool" words "$src" "$d/$name.dump" "$d/$name.json") || lost="-1 0 0"
		# Outline lines of the original kept in the variant (diff).
		all=$(wc -l <"$tmp/original/$name.outline")
		gone=$(diff "$tmp/original/$name.outline" "$d/$name.outline" | grep -c '^<')
		echo "$v $name ok $same_o $same_r $lost $((all - gone)) $all" >>"$tmp/results"
	done
done

# The table: per variant, documents, outline identical, reference keys
# identical, documents losing no word, words lost (of words in all).
awk -v variants="$variants" '
	NR == FNR { if ($1 !~ /^#/ && NF >= 7) { to[$1] = $5; tr[$1] = $6; tl[$1] = $7 } next }
	{ v = $1 }
	$3 == "n/a" { na[v]++; next }
	$3 != "ok" { err[v]++; n[v]++; next }
	{
		n[v]++; o[v] += $4; r[v] += $5
		if ($6 == 0) z[v]++
		lost[v] += $6; total[v] += $7; furn[v] += $8
		kept[v] += $9; nodes[v] += $10
	}
	function pct(a, b) { return b ? sprintf("%d %%", int(100 * a / b)) : "- %" }
	END {
		printf "| variant | docs | outline identical | refs identical | docs losing no word | words lost | outline nodes kept |\n"
		printf "|---|---:|---:|---:|---:|---:|---:|\n"
		nv = split(variants, vs, " ")
		for (i = 1; i <= nv; i++) {
			v = vs[i]
			printf "| %s | %d%s | %d (%s; target %s %%) | %d (%s; target %s %%) | %d | %d of %d%s (target %s) | %s |\n", v, n[v],
			    na[v] ? sprintf(" (+%d n/a)", na[v]) : "",
			    o[v], pct(o[v], n[v]), to[v], r[v], pct(r[v], n[v]), tr[v],
			    z[v], lost[v], total[v],
			    furn[v] ? sprintf(", furniture list in %d", furn[v]) : "",
			    tl[v], pct(kept[v], nodes[v])
			print v, n[v] + 0, o[v] + 0, r[v] + 0, lost[v] + 0 >"/dev/stderr"
		}
	}' "$floors" "$tmp/results" >"$tmp/table" 2>"$tmp/figures"

# Per document: outline (o) and refs (r) identical or not (-), words lost.
per_doc() {
	awk -v variants="$variants" '
		{ doc[$2] = 1; cell[$1, $2] = $3 == "ok" ? sprintf("%s%s %4d", $4 ? "o" : "-", $5 ? "r" : "-", $6) : sprintf("%7s", $3) }
		END {
			nv = split(variants, vs, " ")
			printf "%-32s", "document"
			for (i = 1; i <= nv; i++) printf " %10s", vs[i]
			printf "\n"
			for (d in doc) {
				printf "%-32s", d
				for (i = 1; i <= nv; i++) printf " %10s", cell[vs[i], d]
				printf "\n"
			}
		}' "$tmp/results" | { read -r head; echo "$head"; sort; }
}

if [ "$docs" != '*' ]; then
	echo "1..0 # SKIP --docs given: no floors checked"
	sed 's/^/# /' "$tmp/table"
	per_doc | sed 's/^/# /'
	exit 0
fi

if [ $update -eq 1 ]; then
	# Keep the comments and targets; write today's figures as the floors.
	awk 'NR == FNR { fig[$1] = $3 " " $4 " " $5; next }
		/^#/ || NF == 0 { print; next }
		$1 in fig { split(fig[$1], f, " "); printf "%-11s %3d %3d %7d   %s %s %s\n", $1, f[1], f[2], f[3], $5, $6, $7; next }
		{ print }' "$tmp/figures" "$floors" >"$tmp/floors.new" &&
		cp "$tmp/floors.new" "$floors"
fi

nv=0
for v in $variants; do nv=$((nv + 1)); done
echo "1..$((3 * nv))"
sed 's/^/# /' "$tmp/table"
echo "# per document: o outline identical, r refs identical, words lost"
per_doc | sed 's/^/# /'
awk -v ndocs="$ndocs" 'NR == FNR { fo[$1] = $2; fr[$1] = $3; fl[$1] = $4; known[$1] = 1; next }
	{
		v = $1; docs = $2
		if (!(v in known)) {
			for (k = 1; k <= 3; k++)
				printf "not ok %d - %s: no floor in tests/metamorphic/floors\n", ++t, v
			next
		}
		check(v, "outline identical", $3, fo[v], 1)
		check(v, "refs identical", $4, fr[v], 1)
		check(v, "words lost", $5, fl[v], 0)
	}
	function check(v, what, got, floor, up) {
		ok = up ? got >= floor : got <= floor
		printf "%s %d - %s: %s %d (floor %d)\n", ok ? "ok" : "not ok", ++t, v, what, got, floor
		if (ok && got != floor)
			printf "# %s %s is better than its floor: raise the floor in tests/metamorphic/floors\n", v, what
	}' "$floors" "$tmp/figures"
