#!/bin/sh
# What source.c changed in a document for the terminal's sake (invalid
# bytes, control characters, bidi controls) is said on the reader's message
# line when the document opens, one line at a time, and not on stderr
# (which the screen covers).
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 6

printf '1. A line with a bad byte \377 and ESC \033[31m here.\n\n2. Another line.\n' \
	> "$TUI_TMP/bad.txt"
tui_start 80 24 "cd $TUI_TMP && $LECTERN bad.txt 2>err"
check "the first report is on the message line, with how many more" \
	tui_wait '^bad\.txt: 1 invalid UTF-8 byte shown as U\+FFFD +\(\+1 more\)' 24
check "the text shows the control visibly" tui_wait 'ESC ␛\[31m here'
tui_keys C-l
check "the next report comes at the next key" \
	tui_wait '^bad\.txt: 1 control character shown as visible symbols' 24
tui_keys q
check "q quits" tui_wait '^lectern-exit=0'
n=$((TUI_N + 1)); TUI_N=$n
if [ -s "$TUI_TMP/err" ]; then echo "not ok $n - nothing on stderr"; sed 's/^/# /' "$TUI_TMP/err"; else echo "ok $n - nothing on stderr"; fi
tui_start 80 24 "$LECTERN"
check "a clean document opens with the usual hints" tui_wait 'h help +q quit' 24
tui_done
