#!/bin/sh
# bench/library.sh: how fast is the library index?
#
# Builds a library of N documents (default 2000, about 20 MB) from the corpus
# texts under 40 KB, each copy made different by a line of its own at the end,
# spread over 20 subdirectories; then times, in the same run:
#   cold      a scan with an empty index (every file read and parsed),
#             with the default worker count (one per CPU) and with -j 1;
#   warm      the same scan again, nothing changed (best of 5);
#   touched   a scan after 20 files got a new mtime;
# and, as reference tools doing comparable work on the same files:
#   cat       reading every byte (cat of all files to /dev/null);
#   grep      grep -c of a word in every file (reads and scans every byte);
#   find      find -newer the index (stats every file, like a warm scan).
#
# Usage: bench/library.sh [BUILD_DIR]   (default /work/build/library)
#   N=500 bench/library.sh ...          a smaller library
#   CORPUS=DIR                          where the texts come from (default
#                                       ../shared/corpus, else tests/data)
# Prints a Markdown table for bench/README.md. Times lectern --list itself,
# and tests/library/libdrive (the same library_scan/_list, with a -j option
# and a scan without the listing).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-/work/build/library}
n=${N:-2000}
corpus=${CORPUS:-$here/../shared/corpus}
[ -d "$corpus" ] || corpus=$here/tests/data
make -s -C "$build" lectern tests/library/libdrive >/dev/null
drive=$build/tests/library/libdrive
lectern=$build/lectern

work=$(mktemp -d "${TMPDIR:-/tmp}/lectern-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
lib=$work/lib
db=$work/library.db

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
# t CMD...: runs CMD (output discarded); prints "wall_ms cpu_ms" (cpu = user +
# system of CMD and its children: what the work costs whatever the load).
# (/usr/bin/time counts in 10 ms steps: the wall time comes from date.)
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
wall() { echo "${1%% *}"; }
cpu() { echo "${1#* }"; }

cat "$lib"/*/* > /dev/null	# the same page cache state for everyone
load=$(cut -d' ' -f1-3 /proc/loadavg)

rm -f "$db" "$db-wal" "$db-shm"
cold_j1=$(t "$drive" scan -j 1 -d "$db" "$lib")
rm -f "$db" "$db-wal" "$db-shm"
cold=$(t "$drive" scan -d "$db" "$lib")
"$drive" scan -d "$db" "$lib" > "$work/warm.out"
warm=$(best_of 5 "$drive" scan -d "$db" "$lib")
list=$(best_of 5 "$drive" list -d "$db" "$lib")
rm -f "$db" "$db-wal" "$db-shm"
lec_cold=$(t "$lectern" --list --library-db "$db" "$lib")
lec_warm=$(best_of 5 "$lectern" --list --library-db "$db" "$lib")
sleep 1
ls "$lib"/d0/* | head -20 | xargs touch
touched=$(t "$drive" scan -d "$db" "$lib")

cat_ms=$(best_of 3 sh -c 'cat "$1"/*/* > /dev/null' sh "$lib")
grep_ms=$(best_of 3 grep -rc "the" "$lib")
find_ms=$(best_of 5 find "$lib" -newer "$db")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b < 1) b = 1; printf "%.1f", a / b }'; }
row() {	# row LABEL "wall cpu" REFERENCE-"wall cpu" REFNAME
	if [ -n "${3:-}" ]; then
		echo "| $1 | $(wall "$2") | $(cpu "$2") | $(ratio "$(wall "$2")" "$(wall "$3")") x $4 |"
	else
		echo "| $1 | $(wall "$2") | $(cpu "$2") | |"
	fi
}

echo "Library of $n documents, $bytes bytes; $(nproc) CPUs; load average before: $load;"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), lectern $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')."
echo "Warm scan: $(cat "$work/warm.out")"
echo
echo "| what | wall ms | cpu ms | vs reference (wall) |"
echo "|---|---:|---:|---|"
row "cold scan, 1 parser process (-j 1)" "$cold_j1" "$grep_ms" "grep"
row "cold scan, one parser process per CPU" "$cold" "$grep_ms" "grep"
row "warm scan, nothing changed (best of 5)" "$warm" "$find_ms" "find -newer"
row "warm scan + list, as --list (best of 5)" "$list" "$find_ms" "find -newer"
row "lectern --list, cold" "$lec_cold" "$grep_ms" "grep"
row "lectern --list, warm (best of 5)" "$lec_warm" "$find_ms" "find -newer"
row "20 files touched, rescan" "$touched"
row "reference: cat of all files (best of 3)" "$cat_ms"
row "reference: grep -rc the (best of 3)" "$grep_ms"
row "reference: find -newer the index (best of 5)" "$find_ms"
