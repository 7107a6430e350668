#!/bin/sh
# Runs every cmocka unit test and the non-interactive CLI views under
# valgrind: any memory error or definite/indirect leak fails. Not part of
# `make check` (slow); .ci/run calls it after the suite. TAP output.
# Usage: tests/valgrind.sh BUILDDIR SRCDIR
b="${1:-.}"; s="${2:-.}"
command -v valgrind >/dev/null 2>&1 || { echo "1..1"; echo "not ok 1 - valgrind is not installed (apt-get install valgrind)"; exit 1; }
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
# The bundled themes, catalogs and document, as make check finds them.
LECTERN_DATADIR=$(cd "$s" && pwd)
export LC_ALL=C.UTF-8 CMOCKA_MESSAGE_OUTPUT=TAP top_srcdir="$s" LECTERN_DATADIR
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
set -- $(ls "$b"/tests/unit/test_* | grep -v '\.[a-z]*$')
doc="$s/data/cis-declaration-2020.txt"
n=0; fail=0
total=$(( $# + 6 ))
echo "1..$total"
run() { # name, command...
	n=$((n + 1)); name="$1"; shift
	if "$@" >"$tmp/out" 2>"$tmp/err"; then
		echo "ok $n - valgrind $name"
	else
		echo "not ok $n - valgrind $name"; fail=$((fail + 1))
		grep -E '==[0-9]+==|not ok' "$tmp/err" "$tmp/out" | head -20 | sed 's/^/# /'
	fi
}
for t in "$@"; do run "$(basename "$t")" $VG "$t"; done
run "--outline" $VG "$b/lectern" --outline "$doc"
run "--json" $VG "$b/lectern" --json "$doc"
run "--dump" $VG "$b/lectern" --dump -w 40 "$doc"
run "--refs" $VG "$b/lectern" --refs "$doc"
run "--note-add" $VG "$b/lectern" --notes-db "$tmp/n.db" --note-add annex1/decl/p8 --text "Ñandú — важно" "$doc"
run "--notes-export=json" $VG "$b/lectern" --notes-db "$tmp/n.db" --notes-export=json "$doc"
[ $fail -eq 0 ]
