#!/bin/sh
# tests/fuzz/run.sh: runs each fuzzer built by `make fuzz` for SECONDS,
# one after another (never in parallel: CI and the dev machine have two
# cores), from its seed corpus, with inputs up to 1 MB:
#   run.sh DIR SECONDS        (DIR: tests/fuzz of the build tree)
# Prints one TAP-like line per fuzzer ("ok N - fuzz_parse: 1234567 runs")
# and exits 1 when any found a crash, leak, timeout or out-of-memory: its
# input is kept as DIR/out/NAME-crash-* (a reproducer: run the fuzzer on
# that file alone).
set -u
dir=$1 secs=${2:-60}
rc=0 n=0
for f in "$dir"/bin/fuzz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	seeds=$dir/seeds/${name#fuzz_}
	work=$dir/out/$name
	rm -rf "$work" && mkdir -p "$work/corpus"
	[ -d "$seeds" ] && cp "$seeds"/* "$work/corpus/" 2>/dev/null
	n=$((n + 1))
	"$f" -max_len=1048576 -max_total_time="$secs" -timeout=30 -rss_limit_mb=2560 \
		-print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" \
		>"$work/log" 2>&1
	frc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
	found=$(ls "$work" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' | grep -v '^slow-unit' | head -1)
	if [ $frc -ne 0 ] || [ -n "$found" ]; then
		echo "not ok $n - $name: ${runs:-?} runs, found ${found:-exit $frc} (log: $work/log)"
		grep -m1 -A12 -E '^==[0-9]+==ERROR|^SUMMARY|deadly signal' "$work/log" | sed 's/^/# /'
		rc=1
	else
		echo "ok $n - $name: ${runs:-?} runs in ${secs} s, no finding"
	fi
done
[ $n -gt 0 ] || { echo "not ok 1 - no fuzzer built (make fuzz)"; rc=1; }
exit $rc
