#!/bin/sh
# lib.sh's cleanup fails a test on every sanitizer report the program left
# in its log files: memory errors, undefined behaviour and leaks
# (LeakSanitizer; lsan.supp suppresses the terminal libraries' own), and
# on nothing else. Fake reports, each in a directory of its own.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 4

# cleanup_of REPORT: the exit status of tui_cleanup with REPORT as the
# only sanitizer log (in a subshell, on a directory of its own).
cleanup_of() {
	(
		trap - EXIT
		TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/lectern-tui-cleanup.XXXXXX") || exit 2
		printf '%s\n' "$1" > "$TUI_TMP/asan.4242"
		tui_cleanup
	) >/dev/null 2>&1
}
fails() { cleanup_of "$1"; [ $? -eq 1 ]; }
passes() { cleanup_of "$1"; }

check "a LeakSanitizer report fails the test" \
	fails '==4242==ERROR: LeakSanitizer: detected memory leaks
Direct leak of 10 byte(s) in 1 object(s) allocated from:'
check "an AddressSanitizer report fails the test" \
	fails '==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x1'
check "undefined behaviour fails the test" \
	fails 'src/ui/ui.c:10:5: runtime error: signed integer overflow'
check "a log without a report (all leaks suppressed) passes" \
	passes '-----------------------------------------------------'
tui_done
