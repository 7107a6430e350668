#!/bin/sh
# Golden --refs output for corpus documents in four languages: what a
# careful reader finds (checked by reading the texts in tests/data/refs/),
# one tab-separated line per reference: document, node path, kind, key,
# text, paragraph, title, as `lectern --refs` prints them.
# Also: a broken catalog in the user's directory is named on stderr and the
# output does not change; a user catalog adds a title.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
data="$top_srcdir/tests/data/refs"
gold="$top_srcdir/tests/golden/refs"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
HOME="$tmp/home"; export HOME
unset XDG_DATA_HOME
mkdir -p "$HOME"

lectern=$(cd "$top_builddir" && pwd)/lectern
run() { "${LECTERN:-$lectern}" --refs "$@"; }

docs="es_cis-declaration-2020 fr_A_HRC_WG.6_7_ITA_1 ru_A_HRC_WG.6_34_ITA_3
en_A_RES_80_16 en_A_RES_80_3 en_A_C.1_80_L.13 en_A_61_917"
n=0
for d in $docs; do n=$((n + 1)); done
echo "1..$((n + 3))"
i=0
# result WHAT STATUS [LOG...]: the next TAP line; on failure the logs as
# comments.
result() {
	i=$((i + 1))
	what=$1 st=$2
	shift 2
	if [ "$st" = 0 ]; then
		echo "ok $i - $what"
	else
		echo "not ok $i - $what"
		[ $# -eq 0 ] || sed 's/^/# /' "$@" | head -40
	fi
}

for d in $docs; do
	(cd "$data" && run "$d.txt") >"$tmp/$d.out" 2>"$tmp/$d.err" &&
		diff -u "$gold/$d.refs" "$tmp/$d.out" >"$tmp/$d.diff"
	result "--refs $d" $? "$tmp/$d.err" "$tmp/$d.diff"
done

# A broken user catalog: named on stderr, the rest still loads.
d=es_cis-declaration-2020
mkdir -p "$HOME/.local/share/lectern"
printf '[A/75 item 98\nkind = agenda-item\n' >"$HOME/.local/share/lectern/broken.ini"
(cd "$data" && run "$d.txt") >"$tmp/b.out" 2>"$tmp/b.err" &&
	grep -q 'broken.ini' "$tmp/b.err" && diff -u "$gold/$d.refs" "$tmp/b.out" >/dev/null
result "a broken user catalog is named and skipped" $? "$tmp/b.err"

# A user catalog overrides the Spanish title of item 98; the rest stays.
rm -f "$HOME/.local/share/lectern/broken.ini"
cat >"$HOME/.local/share/lectern/mine.ini" <<'INI'
[A/75 item 98]
title_es = "Mi título; con punto y coma"
INI
(cd "$data" && run "$d.txt") >"$tmp/u.out" 2>"$tmp/u.err" &&
	[ "$(grep -c '	A/75 item 98	98		Mi título; con punto y coma$' "$tmp/u.out")" = 2 ] &&
	grep -q '	A/RES/74/306	.*	29	Respuesta integral' "$tmp/u.out"
result "a user catalog overrides a title" $? "$tmp/u.err" "$tmp/u.out"

# XDG_DATA_HOME wins over ~/.local/share.
mkdir -p "$tmp/xdg/lectern"
cat >"$tmp/xdg/lectern/x.ini" <<'INI'
[A/75 item 112]
title_es = "Desde XDG"
INI
(cd "$data" && XDG_DATA_HOME="$tmp/xdg" run "$d.txt") >"$tmp/x.out" 2>&1 &&
	grep -q '	A/75 item 112	112		Desde XDG$' "$tmp/x.out"
result "catalogs in \$XDG_DATA_HOME/lectern" $? "$tmp/x.out"
