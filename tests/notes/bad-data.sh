#!/bin/sh
# Bad data for the note store, through the CLI functions (notes_tool):
# read-only file, read-only directory, unwritable directory for a new
# database, truncated database, a database a newer lectern wrote. Each must fail with a clear message, leave
# the file byte for byte as it was (cmp), create no -wal/-shm, and -- where
# the file is readable -- still let the notes be listed read-only.
#
# Root ignores permission bits, so as root the commands run as user nobody
# (setpriv); if that is impossible here the permission tests are skipped
# (reported as SKIP), never passed.
top_srcdir=${top_srcdir:-.}
tool=${top_builddir:-.}/tests/notes/notes_tool
base=$top_srcdir/data/cis-declaration-2020.txt
. "$top_srcdir/tests/tap.sh"
tap_tmpdir notes-bad
tmp=$TAP_TMP
# the directories made read-only must be writable again to be removed
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

run=""
perm=yes
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 && chown 65534:65534 "$tmp" &&
	   setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$tool" &&
	   setpriv --reuid=65534 --regid=65534 --clear-groups test -r "$base"; then
		run="setpriv --reuid=65534 --regid=65534 --clear-groups"
	else
		perm=no
	fi
fi
nside() { [ ! -e "$1-wal" ] && [ ! -e "$1-shm" ]; }

tap_plan 13
if [ $perm = yes ]; then
	# a read-only database file
	mkdir "$tmp/rofile" && [ -z "$run" ] || chown 65534:65534 "$tmp/rofile"
	$run "$tool" "$tmp/rofile/notes.db" "$base" add annex1/decl/p8 'nota' >/dev/null
	chmod 0444 "$tmp/rofile/notes.db"
	cp "$tmp/rofile/notes.db" "$tmp/rofile.orig"
	$run "$tool" "$tmp/rofile/notes.db" "$base" add annex1/decl/p3 'otra' >/dev/null 2>"$tmp/msg"; rc=$?
	[ $rc = 1 ] && grep -q "read-only" "$tmp/msg"; tap_result $? "read-only file: add fails, says read-only ($(cat "$tmp/msg"))"
	cmp -s "$tmp/rofile/notes.db" "$tmp/rofile.orig" && nside "$tmp/rofile/notes.db"
	tap_result $? "read-only file: untouched"
	$run "$tool" "$tmp/rofile/notes.db" "$base" list 2>"$tmp/msg" | grep -q "	annex1/decl/p8	nota$"
	tap_result $? "read-only file: the notes still list"

	# a read-only directory holding a writable database
	mkdir "$tmp/rodir" && [ -z "$run" ] || chown 65534:65534 "$tmp/rodir"
	$run "$tool" "$tmp/rodir/notes.db" "$base" add annex1/decl/p8 'nota' >/dev/null
	chmod 0555 "$tmp/rodir"
	cp "$tmp/rodir/notes.db" "$tmp/rodir.orig"
	$run "$tool" "$tmp/rodir/notes.db" "$base" add annex1/decl/p3 'otra' >/dev/null 2>"$tmp/msg"; rc=$?
	[ $rc = 1 ] && grep -q "cannot write in" "$tmp/msg"; tap_result $? "read-only directory: add fails ($(cat "$tmp/msg"))"
	cmp -s "$tmp/rodir/notes.db" "$tmp/rodir.orig" && nside "$tmp/rodir/notes.db"
	tap_result $? "read-only directory: database untouched, no -wal/-shm"
	$run "$tool" "$tmp/rodir/notes.db" "$base" list 2>"$tmp/msg" | grep -q "	annex1/decl/p8	nota$" &&
	nside "$tmp/rodir/notes.db"
	tap_result $? "read-only directory: the notes still list, no file created"

	# a new database in a directory nobody may write
	mkdir "$tmp/nowrite" && chmod 0555 "$tmp/nowrite"
	$run "$tool" "$tmp/nowrite/notes.db" "$base" add annex1/decl/p8 'nota' >/dev/null 2>"$tmp/msg"; rc=$?
	[ $rc = 1 ] && [ ! -e "$tmp/nowrite/notes.db" ] && grep -q "cannot write in" "$tmp/msg"
	tap_result $? "unwritable directory: clear error, nothing created"
else
	for w in "read-only file: add" "read-only file: untouched" "read-only file: list" \
		 "read-only directory: add" "read-only directory: untouched" \
		 "read-only directory: list" "unwritable directory"; do
		tap_skip "$w (root here, and cannot run as nobody)"
	done
fi

# a truncated database (any user)
"$tool" "$tmp/trunc.db" "$base" add annex1/decl/p8 'nota' >/dev/null
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	"$tool" "$tmp/trunc.db" "$base" add annex1/decl/p8 "nota larga $i: $(printf '%0300d' 0)" >/dev/null
done
size=$(wc -c <"$tmp/trunc.db")
head -c $((size / 2)) "$tmp/trunc.db" >"$tmp/t" && mv "$tmp/t" "$tmp/trunc.db"
cp "$tmp/trunc.db" "$tmp/trunc.orig"
"$tool" "$tmp/trunc.db" "$base" add annex1/decl/p3 'otra' >/dev/null 2>"$tmp/msg"; rc1=$?
"$tool" "$tmp/trunc.db" "$base" list >/dev/null 2>>"$tmp/msg"; rc2=$?
[ $rc1 = 1 ] && [ $rc2 = 1 ] && grep -q "truncated" "$tmp/msg"
tap_result $? "truncated database: add and list fail, say truncated"
cmp -s "$tmp/trunc.db" "$tmp/trunc.orig" && nside "$tmp/trunc.db"
tap_result $? "truncated database: untouched (same bytes, no -wal/-shm)"
# a database path below a regular file
"$tool" "$tmp/trunc.orig/notes.db" "$base" add annex1/decl/p8 'nota' >/dev/null 2>"$tmp/msg"; rc=$?
[ $rc = 1 ] && grep -q "is not a directory" "$tmp/msg"
tap_result $? "a database path below a file: clear error"

# a database a newer lectern wrote (a higher schema version): --notes and
# --notes-export list its notes, say on stderr that it is read-only, and
# write nothing to it
"$tool" "$tmp/newer.db" "$base" add annex1/decl/p8 'nota' >/dev/null
"$tool" "$tmp/newer.db" "$base" list >/dev/null	# checkpoints the WAL
"$tool" "$tmp/newer.db" - user-version 99
rm -f "$tmp/newer.db-wal" "$tmp/newer.db-shm"
cp "$tmp/newer.db" "$tmp/newer.orig"
"$tool" "$tmp/newer.db" "$base" list 2>"$tmp/msg" | grep -q "	annex1/decl/p8	nota$" &&
grep -q "newer.db was made by a newer lectern (schema 99.*notes are read-only" "$tmp/msg"
tap_result $? "newer schema: the notes list, stderr says read-only ($(cat "$tmp/msg"))"
"$tool" "$tmp/newer.db" "$base" export md 2>"$tmp/msg" | grep -q "nota" &&
grep -q "newer.db was made by a newer lectern (schema 99.*notes are read-only" "$tmp/msg"
tap_result $? "newer schema: export works, stderr says read-only ($(cat "$tmp/msg"))"
cmp -s "$tmp/newer.db" "$tmp/newer.orig" && nside "$tmp/newer.db"
tap_result $? "newer schema: untouched (same bytes, no -wal/-shm)"
tap_done
