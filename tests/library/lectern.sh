#!/bin/sh
# lectern --list and --refs over a directory, through the real program: the
# listing, where the index goes by default ($XDG_DATA_HOME, else ~/.local/
# share), --library-db, exit statuses.
set -u
. "${top_srcdir:-.}/tests/tap.sh"
lectern=${LECTERN:-./lectern}
tap_tmpdir liblec
tmp=$TAP_TMP
mkdir "$tmp/home"
tap_library "$tmp/docs" || tap_missing "the library's corpus texts"
docs=$(cd "$tmp/docs" && pwd -P)
tap_plan 7

XDG_DATA_HOME=$tmp/xdg HOME=$tmp/home "$lectern" --list "$tmp/docs" > "$tmp/l1" 2> "$tmp/e1"
rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/e1" ] && [ "$(wc -l < "$tmp/l1")" -eq 3 ] &&
	[ "$(cut -f1-4 "$tmp/l1" | head -2)" = "$(printf '%s\t%s\t%s\t%s\n%s\t%s\t%s\t%s' \
		"$docs/A_C.1_80_L.20.txt" A/C.1/80/L.20 2025-10-13 en \
		"$docs/A_RES_80_16.txt" A/RES/80/16 2025-12-05 en)" ]
tap_result $? "--list DIR: path, symbol, date, language, title, by symbol"

[ -f "$tmp/xdg/lectern/library.db" ] && [ ! -e "$tmp/home/.local" ]
tap_result $? "--list: the index is \$XDG_DATA_HOME/lectern/library.db"

(unset XDG_DATA_HOME; HOME=$tmp/home "$lectern" --list "$tmp/docs" > "$tmp/l2" 2>&1) &&
	[ -f "$tmp/home/.local/share/lectern/library.db" ] && cmp -s "$tmp/l1" "$tmp/l2"
tap_result $? "--list: without XDG_DATA_HOME, ~/.local/share/lectern/library.db"

HOME=$tmp/home "$lectern" --list --library-db "$tmp/own.db" "$tmp/docs" > "$tmp/l3" 2>&1 &&
	[ -f "$tmp/own.db" ] && cmp -s "$tmp/l1" "$tmp/l3"
tap_result $? "--library-db FILE: the index there, the same listing"

HOME=$tmp/home "$lectern" --list --library-db "$tmp/own.db" "$tmp/docs" "$tmp/missing" \
	> "$tmp/l4" 2> "$tmp/e4"
rc=$?
[ $rc -eq 1 ] && cmp -s "$tmp/l1" "$tmp/l4" && grep -q "^lectern: .*missing" "$tmp/e4"
tap_result $? "--list with a missing path: exit 1, named, the rest listed"

HOME=$tmp/home "$lectern" --refs "$tmp/docs" > "$tmp/r1" 2> "$tmp/e5"
rc=$?
for f in A_C.1_80_L.20.txt A_RES_80_16.txt cis-declaration-2020.txt; do
	HOME=$tmp/home "$lectern" --refs "$tmp/docs/$f"
done > "$tmp/r2"
[ $rc -eq 0 ] && [ ! -s "$tmp/e5" ] && [ -s "$tmp/r1" ] && cmp -s "$tmp/r1" "$tmp/r2"
tap_result $? "--refs DIR: each document's references, in path order"

[ "$(grep -c "	A/80 item 94	" "$tmp/r1")" -ge 2 ] &&
	grep -q "^$tmp/docs/cis-declaration-2020.txt	[^	]*	agenda-item	A/75 item 98	" "$tmp/r1"
tap_result $? "--refs DIR: item 94 in both resolutions, item 98 in the letter"
tap_done
