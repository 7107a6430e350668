#!/bin/sh
# bench/first-screen.sh: the time from starting the reader on a large
# document to its first frame on the terminal (issue 10: at most 0.1 s for
# 10 MB). Each run starts `lectern FILE` in a detached tmux pane and polls
# capture-pane until the status line (the row second from the bottom) has
# text; the time is wall time from just before the pane is made. A
# baseline row does the same with a shell that prints a line, which is
# tmux's own cost of making a pane and showing a line: subtract it to get
# lectern's. Not a test (timings depend on the machine); run it by hand:
#
#   bench/first-screen.sh [BUILD_DIR] [OLD_LECTERN]
#
# BUILD_DIR holds the lectern to measure (default: the current directory);
# OLD_LECTERN, when given, is measured in the same run (old against new).
# INPUT (default: the corpus mix of bench/shapes.sh, cat'ed up to SIZE MB,
# default 10) is the document; REPS (default 5) runs each, the median is
# reported. The polling costs a few milliseconds a sample (one tmux client
# each), so times below about 10 ms are not resolved.
#
# Needs tmux and coreutils (date +%s%N).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=$(cd "${1:-.}" && pwd)
new="$build/lectern"
old="${2:-}"
size="${SIZE:-10}"
reps="${REPS:-5}"

[ -x "$new" ] || { echo "bench: no lectern binary at $new" >&2; exit 2; }
[ -z "$old" ] || [ -x "$old" ] || { echo "bench: $old is not a program" >&2; exit 2; }
command -v tmux >/dev/null 2>&1 || { echo "bench: tmux missing" >&2; exit 2; }

tmp=$(mktemp -d)
sock="lectern-bench-$$"
unset TMUX
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1 || :; rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home"

input="${INPUT:-}"
if [ -z "$input" ]; then
	corpus=""
	for d in "$src/../shared/corpus" "$src/../../shared/corpus" "$src/tests/data/parse/corpus"; do
		if [ -d "$d" ]; then corpus=$d; break; fi
	done
	find "$corpus" -name '*.txt' | LC_ALL=C sort | while read -r f; do
		cat "$f"; printf '\n\n'; done > "$tmp/piece"
	: > "$tmp/input.txt"
	while [ "$(wc -c < "$tmp/input.txt")" -lt $((size * 1048576)) ]; do
		cat "$tmp/piece" >> "$tmp/input.txt"
	done
	input="$tmp/input.txt"
fi

# once COMMAND: milliseconds until the row above the last has text.
once() {
	tmux -L "$sock" kill-server >/dev/null 2>&1 || :
	t0=$(date +%s%N)
	tmux -L "$sock" -f /dev/null new-session -d -s b -x 100 -y 30 \
		-e LC_ALL=C.UTF-8 -e TERM=tmux-256color -e HOME="$tmp/home" \
		-e XDG_CONFIG_HOME="$tmp/home" -e XDG_DATA_HOME="$tmp/home" \
		-e XDG_CACHE_HOME="$tmp/home" "$1; sleep 60"
	i=0
	while [ "$i" -lt 3000 ]; do
		# Only that row (0-based 28), tested in the shell: one
		# process a sample.
		row=$(tmux -L "$sock" capture-pane -p -t b -S 28 -E 28 2>/dev/null || :)
		if [ -n "$(printf '%s' "$row" | tr -d ' ')" ]; then
			t1=$(date +%s%N)
			tmux -L "$sock" kill-server >/dev/null 2>&1 || :
			echo $(( (t1 - t0) / 1000000 ))
			return 0
		fi
		i=$((i + 1))
	done
	tmux -L "$sock" kill-server >/dev/null 2>&1 || :
	echo "timeout"
}

# median COMMAND: the median of REPS runs.
median() {
	r=0
	: > "$tmp/times"
	while [ "$r" -lt "$reps" ]; do
		once "$1" >> "$tmp/times"
		r=$((r + 1))
	done
	sort -n "$tmp/times" | sed -n "$(( (reps + 1) / 2 ))p"
}

printf 'input: %s (%s bytes), %s runs each, median ms to the first frame\n' \
	"$input" "$(wc -c < "$input")" "$reps"
# The baseline: 28 empty lines, then a line on the row polled (the 29th
# of 30).
printf '%-12s %s\n' "tmux+cat" "$(median "yes '' | head -n 28; printf 'one line'")"
[ -z "$old" ] || printf '%-12s %s\n' "old" "$(median "'$old' '$input'")"
printf '%-12s %s\n' "new" "$(median "'$new' '$input'")"
