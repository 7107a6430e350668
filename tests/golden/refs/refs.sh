#!/bin/sh
# Golden --refs output for corpus documents in four languages: what a
# careful reader finds (checked by reading the texts in tests/data/refs/),
# one tab-separated line per reference: document, node path, kind, key,
# text, paragraph, title. Runs `lectern --refs` when the binary has the
# option, else tests/unit/refs_print (the same refs_cli_print).
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

if [ -n "${LECTERN:-}" ] && "$LECTERN" --help 2>/dev/null | grep -q -- '--refs'; then
	run() { "$LECTERN" --refs "$@"; }
else
	prog="$(cd "$top_builddir" && pwd)/tests/unit/refs_print"
	run() { "$prog" "$@"; }
fi

docs="es_cis-declaration-2020 fr_A_HRC_WG.6_7_ITA_1 ru_A_HRC_WG.6_34_ITA_3
en_A_RES_80_16 en_A_RES_80_3 en_A_C.1_80_L.13 en_A_61_917"
n=0
for d in $docs; do n=$((n + 1)); done
echo "1..$((n + 3))"
i=0
for d in $docs; do
	i=$((i + 1))
	if (cd "$data" && run "$d.txt") >"$tmp/$d.out" 2>"$tmp/$d.err" &&
	   diff -u "$gold/$d.refs" "$tmp/$d.out" >"$tmp/$d.diff"; then
		echo "ok $i - --refs $d"
	else
		echo "not ok $i - --refs $d"
		sed 's/^/# /' "$tmp/$d.err" "$tmp/$d.diff" | head -40
	fi
done

# A broken user catalog: named on stderr, the rest still loads.
d=es_cis-declaration-2020
mkdir -p "$HOME/.local/share/lectern"
printf '\357\273\277[A/75 item 98]\nkind = agenda-item\n' >"$HOME/.local/share/lectern/broken.ini"
i=$((i + 1))
if (cd "$data" && run "$d.txt") >"$tmp/b.out" 2>"$tmp/b.err" &&
   grep -q 'broken.ini' "$tmp/b.err" && diff -u "$gold/$d.refs" "$tmp/b.out" >/dev/null; then
	echo "ok $i - a broken user catalog is named and skipped"
else
	echo "not ok $i - a broken user catalog is named and skipped"
	sed 's/^/# /' "$tmp/b.err" | head
fi

# A user catalog overrides the Spanish title of item 98; the rest stays.
rm -f "$HOME/.local/share/lectern/broken.ini"
cat >"$HOME/.local/share/lectern/mine.ini" <<'INI'
[A/75 item 98]
title_es = "Mi título; con punto y coma"
INI
i=$((i + 1))
if (cd "$data" && run "$d.txt") >"$tmp/u.out" 2>"$tmp/u.err" &&
   [ "$(grep -c '	A/75 item 98	98		Mi título; con punto y coma$' "$tmp/u.out")" = 2 ] &&
   grep -q '	A/RES/74/306	.*	29	Respuesta integral' "$tmp/u.out"; then
	echo "ok $i - a user catalog overrides a title"
else
	echo "not ok $i - a user catalog overrides a title"
	sed 's/^/# /' "$tmp/u.err" "$tmp/u.out" | head
fi

# XDG_DATA_HOME wins over ~/.local/share.
mkdir -p "$tmp/xdg/lectern"
cat >"$tmp/xdg/lectern/x.ini" <<'INI'
[A/75 item 112]
title_es = "Desde XDG"
INI
i=$((i + 1))
if (cd "$data" && XDG_DATA_HOME="$tmp/xdg" run "$d.txt") >"$tmp/x.out" 2>&1 &&
   grep -q '	A/75 item 112	112		Desde XDG$' "$tmp/x.out"; then
	echo "ok $i - catalogs in \$XDG_DATA_HOME/lectern"
else
	echo "not ok $i - catalogs in \$XDG_DATA_HOME/lectern"
fi
