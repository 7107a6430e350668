#!/bin/sh
# The library's command-line views (lectern --list, --refs) and its index
# file (tests/library/libdrive for what no option shows: a scan's counts,
# the documents mentioning a key): a listing, a warm re-run,
# an index file that is not ours (left byte for byte), a missing path, a
# binary file, --refs over a directory = --refs of each file in order (the
# first from the index, the others parsed), a changed file parsed again,
# and "which documents mention item 94".
set -u
L=${LECTERN:-./lectern}
drive=${top_builddir:-.}/tests/library/libdrive
data=${top_srcdir:-.}/tests/data/library
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lectern-libcli-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
# --refs uses the default index: never the user's.
XDG_DATA_HOME=$tmp/xdg; export XDG_DATA_HOME
mkdir "$tmp/docs"
cp "$data"/*.txt "$tmp/docs/"
chmod u+w "$tmp/docs"/*
db=$tmp/index/library.db
n=0
ok() {	# ok DESCRIPTION (status of the last command)
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
echo "1..18"

"$L" --list --library-db "$db" "$tmp/docs" > "$tmp/list1" 2> "$tmp/err1"
rc=$?
want=$(printf '%s\t%s\t%s\t%s' "$(cd "$tmp/docs" && pwd -P)/A_C.1_80_L.20.txt" \
	A/C.1/80/L.20 2025-10-13 en)
[ $rc -eq 0 ] && [ "$(wc -l < "$tmp/list1")" -eq 3 ] &&
	[ "$(head -1 "$tmp/list1" | cut -f1-4)" = "$want" ] && [ ! -s "$tmp/err1" ]
ok $? "list: three documents, by symbol, path symbol date language"

awk -F'\t' 'NF != 5 { bad = 1 } END { exit bad }' "$tmp/list1" &&
	tail -1 "$tmp/list1" | grep -q '/cis-declaration-2020.txt	.2020-12-22	es	Carta de fecha'
ok $? "list: five tab-separated fields; the document without a symbol last"

"$L" --list --library-db "$db" "$tmp/docs" > "$tmp/list2" 2>&1 && cmp -s "$tmp/list1" "$tmp/list2"
ok $? "list: a warm run prints the same"

[ "$("$drive" scan -d "$db" "$tmp/docs")" = "files=3 parsed=0 unchanged=3 removed=0 failed=0 missing=0" ]
ok $? "scan: a warm run parses nothing"

printf 'my shopping list\n' > "$tmp/not-ours.db"
sum=$(cksum < "$tmp/not-ours.db")
"$L" --list --library-db "$tmp/not-ours.db" "$tmp/docs" > "$tmp/list3" 2> "$tmp/err3"
rc=$?
[ $rc -eq 0 ] && cmp -s "$tmp/list1" "$tmp/list3" &&
	grep -q "not-ours.db.*temporary index" "$tmp/err3" &&
	[ "$(cksum < "$tmp/not-ours.db")" = "$sum" ] &&
	[ ! -e "$tmp/not-ours.db-wal" ]
ok $? "an index file that is not ours: said, not touched, listing still made"

"$L" --list --library-db "$db" "$tmp/docs" "$tmp/nonexistent" > "$tmp/list4" 2> "$tmp/err4"
rc=$?
[ $rc -eq 1 ] && cmp -s "$tmp/list1" "$tmp/list4" && grep -q "nonexistent" "$tmp/err4"
ok $? "a missing path: exit 1, named, the rest listed"

printf 'PK\003\004\000\000binary' > "$tmp/docs/zz-archive.txt"
"$L" --list --library-db "$db" "$tmp/docs" > "$tmp/list5" 2> "$tmp/err5"
rc=$?
[ $rc -eq 1 ] && cmp -s "$tmp/list1" "$tmp/list5" && grep -q "zz-archive.txt" "$tmp/err5"
ok $? "a binary file: exit 1, named, the rest listed"
"$L" --list --library-db "$db" "$tmp/docs" > "$tmp/list5" 2> "$tmp/err5"
rc=$?
[ $rc -eq 1 ] && cmp -s "$tmp/list1" "$tmp/list5" && grep -q "zz-archive.txt" "$tmp/err5"
ok $? "a binary file, warm: the same message and status"
rm -f "$tmp/docs/zz-archive.txt"

"$L" --refs "$tmp/docs" > "$tmp/refs-dir" 2> "$tmp/err6"
rc=$?
for f in A_C.1_80_L.20.txt A_RES_80_16.txt cis-declaration-2020.txt; do
	"$L" --refs "$tmp/docs/$f"
done > "$tmp/refs-files"
[ $rc -eq 0 ] && [ -s "$tmp/refs-dir" ] && cmp -s "$tmp/refs-dir" "$tmp/refs-files"
ok $? "refs DIR: the references of each file, in path order"

grep -q "^$tmp/docs/cis-declaration-2020.txt	letter/p2	agenda-item	A/75 item 98	98" "$tmp/refs-dir"
ok $? "refs DIR: document column is the path as walked"

# The index --refs DIR filled (the default one) has every file: a scan of
# it parses nothing; a second --refs DIR answers from it, the same bytes.
xdb=$XDG_DATA_HOME/lectern/library.db
[ "$("$drive" scan -d "$xdb" "$tmp/docs")" = "files=3 parsed=0 unchanged=3 removed=0 failed=0 missing=0" ] &&
	"$L" --refs "$tmp/docs" > "$tmp/refs-warm" 2>&1 && cmp -s "$tmp/refs-dir" "$tmp/refs-warm"
ok $? "refs DIR: indexed by the first run, the same lines from the index"

# A file named alone is parsed, not indexed.
"$L" --refs --library-db "$tmp/alone.db" "$tmp/docs/A_RES_80_16.txt" > /dev/null 2>&1 &&
	[ ! -e "$tmp/alone.db" ]
ok $? "refs FILE: parsed, no index made"

# A changed file is parsed again: its new reference is there, and the
# output is what parsing every file prints (files named alone).
cp "$tmp/docs/A_RES_80_16.txt" "$tmp/saved"
printf '\nSee also A/79/123 and resolution 74/306.\n' >> "$tmp/docs/A_RES_80_16.txt"
"$L" --refs "$tmp/docs" > "$tmp/refs-changed" 2>&1
for f in A_C.1_80_L.20.txt A_RES_80_16.txt cis-declaration-2020.txt; do
	"$L" --refs "$tmp/docs/$f"
done > "$tmp/refs-files2"
grep -q "^$tmp/docs/A_RES_80_16.txt	.*	symbol	A/79/123	" "$tmp/refs-changed" &&
	! grep -q "A/79/123" "$tmp/refs-dir" && cmp -s "$tmp/refs-changed" "$tmp/refs-files2"
ok $? "refs DIR: a changed file is parsed again"
cp "$tmp/saved" "$tmp/docs/A_RES_80_16.txt"

# A user's catalog that changes one title (not the number of entries):
# the lines from the index have the new title.
mkdir -p "$XDG_DATA_HOME/lectern"
cat > "$XDG_DATA_HOME/lectern/mine.ini" <<'INI'
[A/75 item 98]
title_es = "Mi título"
INI
"$L" --refs "$tmp/docs" > "$tmp/refs-cat" 2>&1 &&
	grep -q "^$tmp/docs/cis-declaration-2020.txt	letter/p2	agenda-item	A/75 item 98	98		Mi título$" "$tmp/refs-cat" &&
	! grep -q "Mi título" "$tmp/refs-dir"
ok $? "refs DIR: a user catalog's new title is shown"
rm -f "$XDG_DATA_HOME/lectern/mine.ini"

# No progress line on a pipe, even for a cold index that takes a while.
"$L" --refs --library-db "$tmp/p.db" "$tmp/docs" 2> "$tmp/err-p" > /dev/null &&
	"$L" --list --library-db "$tmp/p2.db" "$tmp/docs" 2>> "$tmp/err-p" > /dev/null &&
	[ ! -s "$tmp/err-p" ]
ok $? "refs and list: nothing on a standard error that is a pipe"

"$L" --refs - < "$tmp/docs/cis-declaration-2020.txt" > "$tmp/refs-stdin" 2>&1 &&
	grep -q "^-	letter/p2	agenda-item	A/75 item 98	98" "$tmp/refs-stdin" &&
	[ "$(wc -l < "$tmp/refs-stdin")" -eq "$(grep -c "^$tmp/docs/cis-declaration-2020.txt	" "$tmp/refs-dir")" ]
ok $? "refs -: standard input, document named -"

"$drive" mentions -d "$db" "item 94" "$tmp/docs" > "$tmp/m" 2>&1
[ "$(cut -f2 "$tmp/m" | sort -u)" = "A/80 item 94" ] && [ "$(wc -l < "$tmp/m")" -eq 2 ]
ok $? "mentions: item 94 is in the two resolutions of the 80th session"

# Two scans of a new library at once, sharing the index: both succeed (busy
# timeout, IMMEDIATE write transactions), and the index is whole after.
mkdir "$tmp/many"
i=0
while [ $i -lt 40 ]; do
	cp "$data/A_RES_80_16.txt" "$tmp/many/r$i.txt"
	i=$((i + 1))
done
db2=$tmp/index/two.db
"$drive" scan -d "$db2" "$tmp/many" > "$tmp/s1" 2>&1 &
p1=$!
"$drive" scan -d "$db2" "$tmp/many" > "$tmp/s2" 2>&1 &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
[ $r1 -eq 0 ] && [ $r2 -eq 0 ] &&
	[ "$("$drive" scan -d "$db2" "$tmp/many")" = "files=40 parsed=0 unchanged=40 removed=0 failed=0 missing=0" ]
ok $? "two scans at once: both succeed, the index is complete"
