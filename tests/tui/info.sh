#!/bin/sh
# Document information: i opens a box with what --json knows of the
# document (symbol, date, language, session, agenda items with their
# catalog titles, pages, furniture, the source's warnings), Esc closes it
# with the place kept; at 80x24 and 200x60. lectern --info prints the same
# facts as "key: value" lines for scripts.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 15

RES="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_80_9.txt"
"$LECTERN" --info "$RES" > "$TUI_TMP/info" 2> "$TUI_TMP/info-err"
rc=$?
"$LECTERN" --json "$RES" > "$TUI_TMP/json"
check "--info: exit 0, nothing on stderr" sh -c "[ $rc -eq 0 ] && [ ! -s '$TUI_TMP/info-err' ]"
# each fact as --json has it
same() { # info-key json-key
	v=$(sed -n "s/^$1: //p" "$TUI_TMP/info" | head -n 1)
	[ -n "$v" ] && grep -qF "\"$2\": \"$v\"" "$TUI_TMP/json"
}
check "--info: symbol as --json" same symbol symbol
check "--info: date as --json" same date date
check "--info: job number as --json" same "job number" job_number
check "--info: the agenda item with its title from the catalog" \
	grep -q '^agenda item: 107: Crime prevention and criminal justice$' "$TUI_TMP/info"
npages=$(sed -n '/"pages": \[/,/\]/p' "$TUI_TMP/json" | grep -c '"page":')
check "--info: pages counts the pages --json lists" grep -q "^pages: $npages\$" "$TUI_TMP/info"
# the furniture: the count --json has, then each kind's count, adding up
furniture() {
	line=$(sed -n 's/^furniture removed: //p' "$TUI_TMP/info")
	total=${line%% line*}
	grep -q "\"furniture_lines\": $total," "$TUI_TMP/json" || return 1
	sum=$(echo "${line#*: }" | tr ',' '\n' | awk '{ s += $1 } END { print s + 0 }')
	[ "$sum" = "$total" ] && echo "$line" | grep -q ' job-number'
}
check "--info: furniture removed, by kind, adding up to --json's count" furniture
keyvalue() { ! grep -vqE '^[a-z ]+: .+$' "$TUI_TMP/info"; }
check "--info: every line is 'key: value'" keyvalue

# invalid bytes: the source's report becomes warning lines, not stderr
{ head -n 30 "$RES"; printf 'Bytes \377\376 here.\n'; } > "$TUI_TMP/bad.txt"
"$LECTERN" --info "$TUI_TMP/bad.txt" > "$TUI_TMP/info2" 2> "$TUI_TMP/info2-err"
check "--info: invalid bytes are counted and warned of" \
	sh -c "grep -q '^invalid bytes: 2\$' '$TUI_TMP/info2' &&
	       grep -q '^warning: .*bad.txt: 2 invalid UTF-8 bytes' '$TUI_TMP/info2' &&
	       [ ! -s '$TUI_TMP/info2-err' ]"

for size in "80 24" "200 60"; do
	set -- $size
	tui_start "$1" "$2" "$LECTERN '$RES'"
	tui_wait 'Resolution adopted by the General Assembly'
	tui_keys ']' ']'
	tui_wait ' [0-9]+%$' $(($2 - 1))	# moved: the status says where
	before=$(tui_row $(($2 - 1)))
	tui_keys i
	check "$1x$2: i opens the box with the symbol" \
		tui_wait '│ symbol: A/RES/80/9 +│'
	check "$1x$2: the agenda item and its title" \
		tui_wait '│ agenda item: 107: Crime prevention'
	tui_keys Escape
	tui_gone 'Document information'
	check "$1x$2: Esc closes it; the place is kept" \
		sh -c "[ \"\$(tmux -L $TUI_SOCK capture-pane -p -t s$TUI_S | sed -n '$(($2 - 1))p')\" = '$before' ]"
	tui_keys q
	tui_wait '^lectern-exit=0'
done
tui_done
