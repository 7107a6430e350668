#!/bin/sh
# bench/library.sh: how fast is the library index?
#
# Builds a library of N documents (default 2000, about 23 MB) from the corpus
# texts under 40 KB, each copy made different by a line of its own at the end,
# spread over 20 subdirectories; then times lectern itself, in the same run:
#   --list cold     an empty index: every file read, parsed and written
#                   (best of 3, as every cold row);
#   --list warm     the same again, nothing changed (best of 5);
#   --refs cold     --refs DIR with an empty index;
#   --refs warm     --refs DIR again (best of 5): from the index;
#   touched         --list after 20 files got a new mtime;
# the parsing alone (tests/library/libdrive scan -j 1: one process), and the
# part of a cold index that is not parsing (libdrive's own CPU: walk, index
# writes); and, as reference tools on the same files: cat (every byte),
# grep -rc (reads and scans every byte), find -newer (one stat per file, as
# a warm scan).
#
# Usage: bench/library.sh [BUILD_DIR [OLD_BUILD_DIR]]
#   BUILD_DIR       default /work/build/library
#   OLD_BUILD_DIR   a build of an older lectern: each row is run with both,
#                   one after the other, and the table has both columns
#   N=500 ...       a smaller library
#   CORPUS=DIR      where the texts come from (default ../shared/corpus or
#                   ../../shared/corpus, else tests/data)
#   BENCH_README=F  where the section goes (default bench/README.md, between
#                   its two bench/library.sh markers; the other sections are
#                   kept); BENCH_README=- for standard output only
# Wall times from date, CPU times (user + system, children included) from
# /usr/bin/time in 10 ms steps.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-/work/build/library}" && pwd)
old=${2:-}
[ -z "$old" ] || old=$(cd "$old" && pwd)
n=${N:-2000}
corpus=${CORPUS:-$here/../shared/corpus}
[ -d "$corpus" ] || corpus=$here/../../shared/corpus	# from a worktree
[ -d "$corpus" ] || corpus=$here/tests/data
readme=${BENCH_README:-$here/bench/README.md}
for b in "$build" $old; do
	make -s -C "$b" lectern tests/library/libdrive >/dev/null
done

work=$(mktemp -d "${TMPDIR:-/tmp}/lectern-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
lib=$work/lib

# --- the library -----------------------------------------------------------
find "$corpus" -name '*.txt' -size -40k | LC_ALL=C sort > "$work/sources"
nsrc=$(wc -l < "$work/sources")
[ "$nsrc" -gt 0 ] || { echo "no corpus texts in $corpus" >&2; exit 1; }
i=0
while [ "$i" -lt "$n" ]; do
	src=$(sed -n "$((i % nsrc + 1))p" "$work/sources")
	d=$lib/d$((i % 20))
	[ -d "$d" ] || mkdir -p "$d"
	{ cat "$src"; printf '\n\nBench copy %d of %s.\n' "$i" "${src##*/}"; } \
		> "$d/$(printf %04d "$i")-${src##*/}"
	i=$((i + 1))
done
bytes=$(cat "$lib"/*/* | wc -c)

# --- timing ------------------------------------------------------------------
# t CMD...: runs CMD (output discarded); prints "wall_ms cpu_ms".
t() {
	s=$(date +%s%N)
	/usr/bin/time -f '%U %S' -o "$work/time" "$@" > /dev/null
	e=$(date +%s%N)
	awk -v w=$(((e - s) / 1000000)) '{ printf "%d %d\n", w, ($1 + $2) * 1000 }' "$work/time"
}
best_of() {	# best_of K CMD...: the run with the least wall time
	k=$1; shift
	b=
	while [ "$k" -gt 0 ]; do
		x=$(t "$@")
		if [ -z "$b" ] || [ "${x%% *}" -lt "${b%% *}" ]; then b=$x; fi
		k=$((k - 1))
	done
	echo "$b"
}
fresh() { rm -f "$1" "$1-wal" "$1-shm"; }
# best_cold K DB CMD...: best_of, each run with the index DB emptied first
# (the least disturbed of K cold runs on a shared machine).
best_cold() {
	k=$1 db=$2; shift 2
	b=
	while [ "$k" -gt 0 ]; do
		fresh "$db"
		x=$(t "$@")
		if [ -z "$b" ] || [ "${x%% *}" -lt "${b%% *}" ]; then b=$x; fi
		k=$((k - 1))
	done
	echo "$b"
}

# measure TAG BUILD: every row for one build; results in $work/TAG.*
measure() {
	tag=$1 b=$2 db=$work/$1.db
	L=$b/lectern D=$b/tests/library/libdrive
	best_cold 3 "$db" "$L" --list --library-db "$db" "$lib" > "$work/$tag.list_cold"
	best_of 5 "$L" --list --library-db "$db" "$lib" > "$work/$tag.list_warm"
	best_cold 3 "$db" "$L" --refs --library-db "$db" "$lib" > "$work/$tag.refs_cold"
	best_of 5 "$L" --refs --library-db "$db" "$lib" > "$work/$tag.refs_warm"
	"$L" --refs --library-db "$db" "$lib" > "$work/$tag.refs_out" 2>&1
	"$L" --list --library-db "$db" "$lib" > "$work/$tag.list_out" 2>&1
	best_cold 3 "$db" "$D" scan -j 1 -d "$db" "$lib" > "$work/$tag.parse_j1"
	fresh "$db"
	LIBDRIVE_CPU=1 "$D" scan -d "$db" "$lib" 2> "$work/$tag.self" > /dev/null
	sed -n 's/.*self=\([0-9]*\).*/\1/p' "$work/$tag.self" > "$work/$tag.self_ms"
	[ -s "$work/$tag.self_ms" ] || echo "-" > "$work/$tag.self_ms"
	sleep 1
	ls "$lib"/d0/* | head -20 | xargs touch
	t "$L" --list --library-db "$db" "$lib" > "$work/$tag.touched"
}

cat "$lib"/*/* > /dev/null	# the same page cache state for everyone
load=$(cut -d' ' -f1-3 /proc/loadavg)
[ -z "$old" ] || measure old "$old"
measure new "$build"
cat_ms=$(best_of 3 sh -c 'cat "$1"/*/* > /dev/null' sh "$lib")
grep_ms=$(best_of 3 grep -rc "the" "$lib")
find_ms=$(best_of 5 find "$lib" -newer "$work/new.db")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

same=
if [ -n "$old" ]; then
	if cmp -s "$work/old.refs_out" "$work/new.refs_out"; then same="identical"
	else same="DIFFERENT"; fi
	if cmp -s "$work/old.list_out" "$work/new.list_out"; then same="$same, --list identical"
	else same="$same, --list DIFFERENT"; fi
fi

cell() {	# cell TAG ROW: "wall | cpu"
	if [ -f "$work/$1.$2" ]; then
		v=$(cat "$work/$1.$2")
		echo "${v%% *} | ${v#* }"
	else
		echo "| "
	fi
}
row() {		# row LABEL ROW TARGET
	if [ -n "$old" ]; then
		echo "| $1 | $(cell old "$2") | $(cell new "$2") | $3 |"
	else
		echo "| $1 | $(cell new "$2") | $3 |"
	fi
}
ref() {		# ref LABEL "wall cpu"
	if [ -n "$old" ]; then
		echo "| $1 | | | ${2%% *} | ${2#* } | |"
	else
		echo "| $1 | ${2%% *} | ${2#* } | |"
	fi
}

report() {
	echo "## Library"
	echo
	echo "\`bench/library.sh ${1:-BUILD_DIR} ${2:-}\` (generated: edit the script, not"
	echo "this section): a library of $n documents, $bytes bytes (the corpus texts"
	echo "under 40 KB copied round-robin, each copy with a line of its own, in 20"
	echo "subdirectories). $(nproc) CPUs; load average $load before, $load_after after;"
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), lectern $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')."
	echo "Times in ms; CPU = user + system, parser processes included."
	[ -z "$old" ] || echo "Old: $old; new: $build. \`--refs DIR\` output old against new: $same."
	echo
	if [ -n "$old" ]; then
		echo "| what | old wall | old cpu | new wall | new cpu | target (wall) |"
		echo "|---|---:|---:|---:|---:|---|"
	else
		echo "| what | wall | cpu | target (wall) |"
		echo "|---|---:|---:|---|"
	fi
	row "\`--list DIR\`, cold (empty index, best of 3)" list_cold "1000 on 2 CPUs"
	row "\`--list DIR\`, warm (best of 5)" list_warm "100"
	row "\`--refs DIR\`, cold (empty index, best of 3)" refs_cold "1000 on 2 CPUs"
	row "\`--refs DIR\`, warm (best of 5)" refs_warm "100"
	row "\`--list DIR\` after 20 files touched" touched ""
	row "parsing alone: \`libdrive scan -j 1\` (best of 3)" parse_j1 ""
	if [ -n "$old" ]; then
		echo "| cold index, CPU of the process writing the index (not parsing) | | $(cat "$work/old.self_ms") | | $(cat "$work/new.self_ms") | |"
	else
		echo "| cold index, CPU of the process writing the index (not parsing) | | $(cat "$work/new.self_ms") | |"
	fi
	ref "reference: cat of all files (best of 3)" "$cat_ms"
	ref "reference: grep -rc the (best of 3)" "$grep_ms"
	ref "reference: find -newer the index (best of 5)" "$find_ms"
}

report "$@" > "$work/report"
cat "$work/report"
if [ "$readme" != "-" ]; then
	# Our section of the README lies between two markers; the rest of the
	# file (other benchmarks, the notes under the table) is kept.
	{
		echo "<!-- bench/library.sh: generated from here -->"
		cat "$work/report"
		echo "<!-- bench/library.sh: to here -->"
	} > "$work/section"
	if [ -f "$readme" ] && grep -q '^<!-- bench/library.sh: generated from here -->$' "$readme"; then
		awk -v sec="$work/section" '
			/^<!-- bench\/library.sh: generated from here -->$/ {
				while ((getline l < sec) > 0) print l; skip = 1; next }
			/^<!-- bench\/library.sh: to here -->$/ { skip = 0; next }
			!skip { print }' "$readme" > "$work/readme"
	else
		{ if [ -f "$readme" ]; then cat "$readme"; echo; else echo "# Benchmarks"; echo; fi
		  cat "$work/section"; } > "$work/readme"
	fi
	cp "$work/readme" "$readme"
	echo "(section written to $readme)" >&2
fi
