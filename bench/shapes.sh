#!/bin/sh
# bench/shapes.sh: `lectern --dump -w 80` on adversarial input shapes, each
# against a reference tool in the same run (fmt -w 80, or cat where fmt has
# nothing to do), at two sizes, so that a shape whose cost grows faster than
# its input shows as a ratio that grows from the small to the large size.
# Not a test (timings depend on the machine); run it by hand:
#
#   bench/shapes.sh [BUILD_DIR] [OLD_LECTERN]
#
# BUILD_DIR holds the lectern to measure (default: the current directory);
# OLD_LECTERN, when given, is measured in the same run (old against new).
# SIZES (default "1 10", in MB) and REPS (default 3; medians) set the work;
# TIMEOUT (default 60 s) stops a run that would never end, reported as such.
# Times are CPU seconds (user + system), less sensitive to a busy machine
# than wall time; peak memory is the maximum RSS over the input's size.
#
# Needs Debian's `time` package (/usr/bin/time) and coreutils.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=$(cd "${1:-.}" && pwd)
new="$build/lectern"
old="${2:-}"
sizes="${SIZES:-1 10}"
reps="${REPS:-3}"
limit="${TIMEOUT:-60}"

[ -x "$new" ] || { echo "bench: no lectern binary at $new" >&2; exit 2; }
[ -z "$old" ] || [ -x "$old" ] || { echo "bench: $old is not a program" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing: apt-get install time" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

letter="$src/data/cis-declaration-2020.txt"
corpus=""
for d in "$src/../shared/corpus" "$src/../../shared/corpus" "$src/tests/data/parse/corpus"; do
	if [ -d "$d" ]; then corpus=$d; break; fi
done

# repeat FILE BYTES OUT: FILE's contents again and again up to BYTES (whole
# copies, at least BYTES). Doubling, then one prefix of whole copies: a few
# steps whatever the piece's size (appending a 12-byte piece at a time took
# minutes).
repeat() {
	cat "$1" > "$3"
	plen=$(wc -c < "$1")
	[ "$plen" -gt 0 ] || return 0
	have=$plen
	while [ "$have" -lt "$2" ]; do
		if [ $((have * 2)) -le "$2" ]; then
			cat "$3" "$3" > "$3.2"; mv "$3.2" "$3"
			have=$((have * 2))
		else
			k=$(( ($2 - have + plen - 1) / plen * plen ))
			[ "$k" -le "$have" ] || k=$have
			head -c "$k" "$3" > "$3.2"; cat "$3.2" >> "$3"; rm -f "$3.2"
			have=$((have + k))
		fi
	done
}

# make SHAPE BYTES OUT: writes an input of about BYTES bytes.
make_shape() {
	shape=$1; bytes=$2; out=$3
	case $shape in
	corpus)
		find "$corpus" -name '*.txt' | LC_ALL=C sort | while read -r f; do
			cat "$f"; printf '\n\n'; done > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out" ;;
	compilation)	# the bundled letter again and again (a `cat` bundle)
		{ cat "$letter"; printf '\n\n'; } > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out" ;;
	nested-annex)	# "Annex" + a title, each opening a new annex
		printf 'Annex\nTitle\n' > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out" ;;
	one-line)	# a whole document on one line (a web copy)
		{ tr '\n' ' ' < "$letter"; } > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out.1"
		{ cat "$out.1"; echo; } > "$out"; rm -f "$out.1" ;;
	short-lines)	# one character a line
		printf 'a\n' > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out" ;;
	cluster)	# one grapheme cluster: emoji joined by ZWJ, combining marks
		# (octal escapes: the \x of bash's printf is not POSIX, and
		# dash wrote the backslashes as they are)
		printf 'x\314\201\360\237\221\251\342\200\215' > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out.1"
		{ printf 'A'; cat "$out.1"; echo; } > "$out"; rm -f "$out.1" ;;
	sub-items)	# numbered paragraphs with sub-items
		awk 'BEGIN { for (i = 1; i <= 2000; i++) {
			printf "%d. The General Assembly decides:\n", i
			for (j = 0; j < 25; j++) printf "(%c) to consider item %d;\n", 97 + j, i
			print "" } }' > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out" ;;
	long-word)	# one word of digits and letters, no break and no space
		printf 'x12-ab34-cd56-' > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out.1"
		{ printf 'A'; cat "$out.1"; echo; } > "$out"; rm -f "$out.1" ;;
	footnote-marks)	# nothing but footnote marks and their notes
		awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "word%d %d\n", i, i }' > "$tmp/piece"
		repeat "$tmp/piece" "$bytes" "$out" ;;
	esac
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (!NR) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME CMD...: REPS runs; prints "cpu_s rss_kb" (medians / max) or
# "timeout" or "failed".
measure() {
	name=$1; shift
	: > "$tmp/m.$name"
	i=0
	while [ $i -lt "$reps" ]; do
		if ! /usr/bin/time -f "%U %S %M" -o "$tmp/t" timeout "$limit" "$@" \
			> /dev/null 2> "$tmp/err"; then
			if grep -q 'Command exited with non-zero status 124' "$tmp/t"; then
				echo "timeout"; return
			fi
			echo "failed($(tail -c 60 "$tmp/err" | tr '\n' ' '))"; return
		fi
		tail -1 "$tmp/t" | awk '{ printf "%.3f %s\n", $1 + $2, $3 }' >> "$tmp/m.$name"
		i=$((i + 1))
	done
	cpu=$(cut -d' ' -f1 "$tmp/m.$name" | median)
	rss=$(cut -d' ' -f2 "$tmp/m.$name" | sort -n | tail -1)
	echo "$cpu $rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0.005) b = 0.005; printf "%.1f", a / b }'; }
mem() { awk -v r="$1" -v n="$2" 'BEGIN { printf "%.1f", r * 1024 / n }'; }

echo "# Input shapes: \`lectern --dump -w 80\` against a reference tool"
echo
echo "Measured by \`bench/shapes.sh\` on $(date -u +%Y-%m-%d) ($(uname -m), $(nproc) CPUs,"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)); CPU seconds, median of $reps runs;"
echo "memory = peak RSS / input size; a run over ${limit} s is stopped."
echo
if [ -n "$old" ]; then
	echo "| shape | MB | reference | ref CPU s | new CPU s | new ratio | new mem | old CPU s | old ratio | old mem |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
else
	echo "| shape | MB | reference | ref CPU s | CPU s | ratio | mem |"
	echo "|---|---|---|---|---|---|---|"
fi
for shape in corpus compilation nested-annex one-line short-lines cluster long-word sub-items footnote-marks; do
	for mb in $sizes; do
		bytes=$((mb * 1024 * 1024))
		# The cluster shape is bounded by what a reader shows: 100 KB and 1 MB.
		[ "$shape" = cluster ] && bytes=$((mb * 100 * 1024))
		make_shape "$shape" "$bytes" "$tmp/in"
		inb=$(wc -c < "$tmp/in")
		label=$(awk -v b="$inb" 'BEGIN { printf "%.1f", b / 1048576 }')
		ref=fmt
		[ "$shape" = cluster ] && ref=cat
		if [ $ref = fmt ]; then r=$(measure ref fmt -w 80 "$tmp/in"); else r=$(measure ref cat "$tmp/in"); fi
		rc=${r%% *}
		n=$(measure new "$new" --dump -w 80 "$tmp/in")
		case $n in [0-9]*) ncol="${n%% *} | $(ratio "${n%% *}" "$rc")x | $(mem "${n##* }" "$inb")x" ;;
			*) ncol="$n | - | -" ;; esac
		if [ -n "$old" ]; then
			o=$(measure old "$old" --dump -w 80 "$tmp/in")
			case $o in [0-9]*) ocol="${o%% *} | $(ratio "${o%% *}" "$rc")x | $(mem "${o##* }" "$inb")x" ;;
				*) ocol="$o | - | -" ;; esac
			echo "| $shape | $label | $ref | $rc | $ncol | $ocol |"
		else
			echo "| $shape | $label | $ref | $rc | $ncol |"
		fi
	done
done
