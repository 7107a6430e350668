#!/bin/sh
# bench/dump.sh: how fast `lectern --dump -w 80` wraps a 10 MB document,
# against `fmt -w 80` on the same file in the same run, and how much memory
# it takes. Not a test (timings depend on the machine); run it by hand:
#
#   bench/dump.sh [BUILD_DIR]      (default: the current directory)
#
# It builds the input by concatenating corpus texts (../shared/corpus when
# present, else the texts copied under tests/ and data/) up to SIZE_MB
# (default 10), runs each program REPS times (default 5), and reports median
# wall and CPU times, their ratio and lectern's peak RSS over the input size.
# With the build's libcore.a it also compiles bench/stages.c and times each
# stage (source, parse, dump, layout alone), so a slow stage is named. The
# figures go to stdout and to their own section of bench/README.md, between
# two marker comments, leaving the other sections alone (BENCH_README=FILE
# to change, BENCH_README=- for stdout only).
#
# Needs Debian's `time` package (/usr/bin/time); `apt-get install time`.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=$(cd "${1:-.}" && pwd)
lectern="${LECTERN:-$build/lectern}"
size_mb="${SIZE_MB:-10}"
reps="${REPS:-5}"
readme="${BENCH_README:-$here/README.md}"

[ -x "$lectern" ] || { echo "bench: no lectern binary at $lectern (give the build dir)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing: apt-get install time" >&2; exit 2; }
command -v fmt >/dev/null || { echo "bench: fmt missing (coreutils)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The corpus: every .txt of the shared corpus, else the copies in the tree.
corpus=""
for d in "$src/../shared/corpus" "$src/../../shared/corpus" /work/shared/corpus; do
	if [ -d "$d" ]; then corpus=$(cd "$d" && pwd); break; fi
done
if [ -n "$corpus" ]; then
	find "$corpus" -name '*.txt' | LC_ALL=C sort > "$tmp/files"
	from="$corpus"
else
	find "$src/tests" "$src/data" -name '*.txt' | LC_ALL=C sort > "$tmp/files"
	from="$src/tests and $src/data"
fi
[ -s "$tmp/files" ] || { echo "bench: no corpus texts found" >&2; exit 2; }
nfiles=$(wc -l < "$tmp/files")

input="$tmp/input.txt"
limit=$((size_mb * 1024 * 1024))
: > "$input"
while [ "$(wc -c < "$input")" -lt "$limit" ]; do
	while read -r f; do
		cat "$f" >> "$input"
		printf '\n\n' >> "$input"
	done < "$tmp/files"
done
in_bytes=$(wc -c < "$input")

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run NAME CMD...: REPS runs, alternating programs run to run; appends
# "wall cpu rss_kb" lines to $tmp/NAME
run() {
	name=$1; shift
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" > "$tmp/out.$name" 2> "$tmp/err.$name" || {
		echo "bench: $name failed:" >&2; cat "$tmp/err.$name" >&2; exit 1; }
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$tmp/t" >> "$tmp/$name"
}
: > "$tmp/lectern"; : > "$tmp/fmt"
i=0
while [ $i -lt "$reps" ]; do
	run lectern "$lectern" --dump -w 80 "$input"
	run fmt fmt -w 80 "$input"
	i=$((i + 1))
done
l_wall=$(cut -d' ' -f1 "$tmp/lectern" | median)
l_cpu=$(cut -d' ' -f2 "$tmp/lectern" | median)
l_rss=$(cut -d' ' -f3 "$tmp/lectern" | sort -n | tail -1)
f_wall=$(cut -d' ' -f1 "$tmp/fmt" | median)
f_cpu=$(cut -d' ' -f2 "$tmp/fmt" | median)
ratio=$(awk -v a="$l_wall" -v b="$f_wall" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
cpu_ratio=$(awk -v a="$l_cpu" -v b="$f_cpu" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
mem_ratio=$(awk -v r="$l_rss" -v n="$in_bytes" 'BEGIN { printf "%.1f", r * 1024 / n }')
out_lines=$(wc -l < "$tmp/out.lectern")
widest=$(LC_ALL=C.UTF-8 wc -L < "$tmp/out.lectern")

# Stages, when the build's library is there.
stages=""
if [ -f "$build/libcore.a" ] && [ -f "$build/build-config.h" ]; then
	if ${CC:-cc} -O2 -I"$build" -I"$src/src" "$here/stages.c" "$build/libcore.a" \
		-liniparser -ljansson -lsqlite3 -lunistring -o "$tmp/stages" 2> "$tmp/cc.err"; then
		stages=$("$tmp/stages" "$input" 80 3)
	else
		stages="(stages.c did not build: $(head -1 "$tmp/cc.err"))"
	fi
fi

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print ((v + 0 <= t + 0) ? "met" : "NOT met") }'; }
report() {
	cat <<EOF
## Dump: \`lectern --dump -w 80\` on a ${size_mb} MB document

Measured by \`bench/dump.sh\` on $(date -u +%Y-%m-%d) ($(uname -m), $(nproc) CPUs,
load average $(cut -d' ' -f1-3 /proc/loadavg)), lectern $("$lectern" --version | cut -d' ' -f2).
Input: $nfiles corpus texts from $from concatenated until $in_bytes bytes.
$reps runs of each program, alternating; medians.

| | wall s | CPU s | peak RSS |
|---|---|---|---|
| \`lectern --dump -w 80\` | $l_wall | $l_cpu | $l_rss KB ($mem_ratio x input) |
| \`fmt -w 80\` | $f_wall | $f_cpu | |

- time, lectern / fmt: **${ratio}x** wall, ${cpu_ratio}x CPU (target <= 2x: $(verdict "$ratio" 2))
- peak memory / input size: **${mem_ratio}x** (target <= 3x: $(verdict "$mem_ratio" 3))
- output: $out_lines lines, widest $widest columns

Stages (bench/stages.c, CPU seconds, median of 3: source_load, parse_document,
export_dump to /dev/null, and layout alone over every block):

\`\`\`
$stages
\`\`\`
EOF
}
if [ "$readme" = "-" ]; then
	report
else
	report > "$tmp/report"
	cat "$tmp/report"
	# Our section of the README lies between two markers; the rest of the
	# file (other benchmarks) is kept as it is.
	{
		echo "<!-- bench/dump.sh: generated from here -->"
		cat "$tmp/report"
		if [ -f "$here/analysis.md" ]; then
			echo
			sed 's/^## /### /' "$here/analysis.md"
		fi
		echo "<!-- bench/dump.sh: to here -->"
	} > "$tmp/section"
	if [ -f "$readme" ] && grep -q '^<!-- bench/dump.sh: generated from here -->$' "$readme"; then
		awk -v sec="$tmp/section" '
			/^<!-- bench\/dump.sh: generated from here -->$/ {
				while ((getline l < sec) > 0) print l; skip = 1; next }
			/^<!-- bench\/dump.sh: to here -->$/ { skip = 0; next }
			!skip { print }' "$readme" > "$tmp/readme"
	else
		{ if [ -f "$readme" ]; then cat "$readme"; echo; else echo "# Benchmarks"; echo; fi
		  cat "$tmp/section"; } > "$tmp/readme"
	fi
	cp "$tmp/readme" "$readme"
	echo "(section written to $readme)" >&2
fi
