#!/bin/sh
# bench/pagedown.sh: the CPU cost of one page-down in a 10 MB document,
# measured by bench/pagedown.c with the layout functions (issue 10: under
# 1 ms). Not a test (timings depend on the machine); run it by hand:
#
#   bench/pagedown.sh [BUILD_DIR]     (default: the current directory)
#
# Builds bench/pagedown.c against BUILD_DIR's libcore.a, makes two inputs of
# SIZE_MB (default 10) MB, the corpus mix (corpus texts one after another,
# as bench/dump.sh) and the same text on a single line (one block: the
# worst case, a page-down there lays out the whole block once), and prints
# microseconds per page-down of ROWS (default 50) rows at width 80, cold and
# warm, at a few positions; REPS (default 11) runs, medians.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=$(cd "${1:-.}" && pwd)
size_mb="${SIZE_MB:-10}"
rows="${ROWS:-50}"
reps="${REPS:-11}"

[ -f "$build/libcore.a" ] || { echo "bench: no libcore.a in $build (give the build dir)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

${CC:-cc} -O2 -I"$build" -I"$src/src" "$here/pagedown.c" "$build/libcore.a" \
	-liniparser -ljansson -lsqlite3 -lunistring -o "$tmp/pagedown"

corpus=""
for d in "$src/../shared/corpus" "$src/../../shared/corpus" /work/shared/corpus "$src/tests/data/parse/corpus"; do
	if [ -d "$d" ]; then corpus=$(cd "$d" && pwd); break; fi
done
[ -n "$corpus" ] || { echo "bench: no corpus found" >&2; exit 2; }
find "$corpus" -name '*.txt' | LC_ALL=C sort | while read -r f; do
	cat "$f"; printf '\n\n'; done > "$tmp/piece"
limit=$((size_mb * 1024 * 1024))
: > "$tmp/mix.txt"
while [ "$(wc -c < "$tmp/mix.txt")" -lt "$limit" ]; do cat "$tmp/piece" >> "$tmp/mix.txt"; done
{ tr '\n' ' ' < "$tmp/mix.txt"; echo; } > "$tmp/one-line.txt"

echo "## Page-down: CPU microseconds per page-down ($rows rows, width 80)"
echo
echo "Measured by \`bench/pagedown.sh\` on $(date -u +%Y-%m-%d) ($(uname -m), $(nproc) CPUs,"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)); medians of $reps runs. Cold: the"
echo "first page-down into lines never laid out; warm: the same page again."
for shape in mix one-line; do
	echo
	echo "$shape:"
	echo
	echo '```'
	"$tmp/pagedown" "$tmp/$shape.txt" 80 "$rows" "$reps" 2>/dev/null
	echo '```'
done
