#!/bin/sh
# The terminal itself: colours off for NO_COLOR and --no-color, a lost
# terminal ends the reader (no spinning), clear errors for an unusable
# terminal, mouse clicks and wheel, control characters shown visibly, and
# wide characters never split at a pane edge; flow control (C-s) off.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 23

colours() { tmx capture-pane -e -p -t "s$TUI_S" | grep -qE '\[(38|48);5;|\[[34][0-7]m'; }
no_colours() { ! colours; }

tui_start 80 24 "$LECTERN --theme dark"
tui_wait 'Carta de fecha' 1
check "the dark theme draws in colour" colours
tui_start 80 24 "NO_COLOR=1 $LECTERN --theme dark"
tui_wait 'Carta de fecha' 1
check "NO_COLOR=1: no colour at all" no_colours
reverse_mark() {
	tmx capture-pane -e -p -t "s$TUI_S" | sed -n 2p | grep -qE '\[([0-9;]*;)?7m'
}
check "NO_COLOR=1: the outline mark still stands out (reverse)" reverse_mark
tui_start 80 24 "$LECTERN --no-color --theme dark"
tui_wait 'Carta de fecha' 1
check "--no-color: no colour at all" no_colours

# Lost terminal: with hangups ignored (nohup), the closed terminal must end
# the reader through its read error, promptly. (Leak checking is off here:
# LeakSanitizer's exit-time stop-the-world hangs once the terminal is gone;
# the other tests check leaks.)
tui_start 80 24 "sh -c 'trap \"\" HUP; echo \$\$ > $TUI_TMP/pid; ASAN_OPTIONS=detect_leaks=0 exec $LECTERN'"
tui_wait 'Carta de fecha' 1
pid=$(cat "$TUI_TMP/pid")
tmx new-session -d -s keep "sleep 600"	# keeps the server up
tmx kill-session -t "s$TUI_S"
gone() {
	i=0
	while [ "$i" -lt 100 ]; do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
		i=$((i + 1))
	done
	ps -o pid,stat,pcpu,args -p "$pid" | sed 's/^/# /'
	kill -9 "$pid" 2>/dev/null
	return 1
}
check "a lost terminal ends the reader (within 10 s, ASan builds included)" gone

"$LECTERN" >"$TUI_TMP/out" 2>"$TUI_TMP/err" </dev/null
rc=$?
check "standard output not a terminal: exit 3 and a message" \
	sh -c "[ $rc -eq 3 ] && grep -q 'standard output is not a terminal' '$TUI_TMP/err'"
tui_start 80 24 "TERM=no-such-term $LECTERN"
check "an unknown TERM: a clear message and exit 3" \
	sh -c "i=0; while [ \$i -lt 50 ]; do tmux -L $TUI_SOCK capture-pane -p -t s$TUI_S | tr '\n' ' ' | \
		grep -q \"cannot use terminal type 'no-such-term' lectern-exit=3\" && exit 0; sleep 0.1; i=\$((i+1)); done; exit 1"

# $TERM is the environment's, not ours: quoted in its visible form, no
# escape byte of it reaches the terminal (stderr kept in a file to look).
tui_start 80 24 "TERM=\"\$(printf 'x\\033]2;pwned\\007')\" $LECTERN 2>'$TUI_TMP/term-err'"
term_visible() {
	tui_wait "lectern-exit=3" && grep -q "cannot use terminal type 'x" "$TUI_TMP/term-err" &&
		! grep -q "$(printf '\033')" "$TUI_TMP/term-err"
}
check "a TERM holding an escape sequence is quoted in visible form" term_visible

tui_start 80 24 "TERM=dumb $LECTERN"
dumb_refused() {
	tui_wait "lectern-exit=" &&
		tui_screen | tr '\n' ' ' | grep -q "cannot address the cursor.* lectern-exit=3"
}
check "TERM=dumb (no cursor addressing): a clear message and exit 3" dumb_refused

# Mouse (X10 encoding, as tmux-256color's kmous): a click on the outline
# row of paragraph 8 jumps there; the wheel scrolls the text.
mouse() { # button col row (0-based)
	tmx send-keys -t "s$TUI_S" -l "$(printf '\033[M%b%b%b' \
		"\\0$(printf %o $((32 + $1)))" "\\0$(printf %o $((33 + $2)))" \
		"\\0$(printf %o $((33 + $3)))")"
}
tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
row=$(tui_screen | grep -n '^ *\[8\] Dado el' | cut -d: -f1)
mouse 0 8 $((row - 1))
mouse 3 8 $((row - 1))
check "a click on an outline entry jumps to it" \
	tui_wait '│ *\[8\] Dado el carácter transfronterizo' 1
mouse 65 50 5
check "the mouse wheel scrolls the text down" \
	tui_wait '│     medidas adoptadas a nivel nacional para' 1
mouse 64 50 5
check "and back up" tui_wait '│ *\[8\] Dado el carácter transfronterizo' 1
tui_keys Tab
tui_wait '^ Outline \(Enter: jump' 1
mouse 0 50 5
mouse 3 50 5
check "a click in the text moves the focus there" tui_wait '^ Outline +│' 1

# A document with control characters and wide characters.
{
	printf 'Carta con control: \033[31mROJO\033[0m y campana \a fin.\n\n'
	printf '1. 日本語の文章は幅が二つの文字でできています日本語の文章は幅が二つの文字でできています。\n\n'
	printf '2. Ελληνικά και русский текст, and a tab\there.\n'
} > "$TUI_TMP/odd.txt"
tui_start 80 24 "$LECTERN $TUI_TMP/odd.txt"
tui_wait 'Carta con control' 
check "control characters are shown as visible symbols" tui_wait '␛\[31mROJO␛\[0m'
raw_escape() {
	esc=$(printf '\033')
	tmx capture-pane -e -p -t "s$TUI_S" | grep -q "$esc\\[31mROJO"
}
no_raw_escape() { ! raw_escape; }
check "nothing of the document reached the terminal as a control" no_raw_escape
# The outline border is at column 30 on every row (wide characters count 2).
border() {
	tui_screen | head -n 22 | perl -CSD -ne '
		next unless /^(.*?)│/; my $p = $1;
		my $w = length($p) + (() = $p =~ /\p{Ea=W}/g);
		$bad++ if $w != 29; END { exit($bad ? 1 : 0) }'
}
check "wide characters never push the outline border" border
tui_resize 41 12
wide_ok() {
	tui_screen | head -n 10 | perl -CSD -ne '
		chomp; my $w = length($_) + (() = /\p{Ea=W}/g);
		$bad++ if $w > 41; END { exit($bad ? 1 : 0) }'
}
check "at 41 columns no row is wider than the terminal" wide_ok

# Flow control: off while the reader runs (C-s is a key, not a freeze of
# the output until C-q), the shell's setting back once it quits.
tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tty=$(tmx display -p -t "s$TUI_S" '#{pane_tty}')
ixon() { stty -a < "$tty" | tr ' ' '\n' | grep -qx -- "$1"; }
check "flow control is off from the start (stty: -ixon)" ixon -ixon
tui_keys C-s
check "C-s is a key: the message line says so" tui_wait '^C-s: no action'
tui_keys q
check "C-s does not freeze the reader: q still quits" tui_wait '^lectern-exit=0'
check "the shell's flow control is back after it quits (ixon)" ixon ixon
# Suspended (C-z) from an interactive shell: the shell's mode while it is
# stopped, the reader's again after fg.
tui_start 80 24 "PS1='$ ' sh -i"
tui_wait '^\$'
tty=$(tmx display -p -t "s$TUI_S" '#{pane_tty}')
tui_keys "$LECTERN" Enter
tui_wait 'Carta de fecha' 1
tui_keys C-z
stopped() { tui_wait '^\$ *$' && ixon ixon; }
check "C-z: the shell gets its flow control back while the reader is stopped" stopped
tui_keys fg Enter
resumed() { tui_wait 'Carta de fecha' 1 && ixon -ixon; }
check "fg: the reader again, flow control off" resumed
tui_keys q
tui_done
