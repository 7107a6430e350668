#!/bin/sh
# Architecture rules that the layering depends on (docs/architecture.md).
src="${top_srcdir:-.}/src"
n=0; fails=0
check() { # description, command...
	n=$((n + 1)); d="$1"; shift
	if "$@"; then echo "ok $n - $d"; else echo "not ok $n - $d"; fails=$((fails + 1)); fi
}
echo "1..4"
no_curses_outside_ui() {
	out=$(grep -rlE '#include[[:space:]]*[<"](n?curses|ncursesw/curses|panel|term)\.h' "$src" \
		--include='*.[ch]' | grep -v "/src/ui/") || true
	[ -z "$out" ] || { echo "# curses outside src/ui: $out"; return 1; }
}
# _exit() is allowed: a forked child (library.c parses in children) must
# leave without running the parent's atexit handlers.
no_exit_in_model() {
	out=$(find "$src" -name '*.c' ! -path '*/ui/*' -exec grep -lE '\bexit\(' {} + | grep -v '/main\.c$') || true
	[ -z "$out" ] || { echo "# exit() outside main.c: $out"; return 1; }
}
every_module_has_a_header_comment() {
	bad=""
	for f in $(find "$src" -name '*.[ch]'); do
		head -c 2 "$f" | grep -q '/\*' || bad="$bad $f"
	done
	[ -z "$bad" ] || { echo "# no leading comment:$bad"; return 1; }
}
build_config_first() {
	bad=""
	for f in $(find "$src" -name '*.c'); do
		first=$(grep -m1 '^#include' "$f")
		[ "$first" = "#include <build-config.h>" ] || bad="$bad $f"
	done
	[ -z "$bad" ] || { echo "# build-config.h not first:$bad"; return 1; }
}
check "curses is included only under src/ui/" no_curses_outside_ui
check "only main.c ends the process" no_exit_in_model
check "every source file starts with a comment" every_module_has_a_header_comment
check "every .c includes <build-config.h> first" build_config_first
exit 0
