#!/bin/sh
# Architecture rules that the layering depends on (docs/architecture.md).
src="${top_srcdir:-.}/src"
n=0; fails=0
check() { # description, command...
	n=$((n + 1)); d="$1"; shift
	if "$@"; then echo "ok $n - $d"; else echo "not ok $n - $d"; fails=$((fails + 1)); fi
}
echo "1..6"
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
# The words of a language (accented Latin, Cyrillic) in string literals,
# comments left out by the preprocessor: only the tables of src/un/.
lang_words_only_in_un() {
	bad=""
	for f in $(find "$src" -name '*.[ch]' ! -path '*/un/*'); do
		if ${CC:-cc} -fpreprocessed -dD -E -P "$f" 2>/dev/null |
		   LC_ALL=C.UTF-8 grep -qP '"[^"]*[\x{00C0}-\x{024F}\x{0400}-\x{04FF}]'; then
			bad="$bad $f"
		fi
	done
	[ -z "$bad" ] || { echo "# language words outside src/un:$bad"; return 1; }
}
# One resolver of the user's directories (src/paths.c).
one_path_resolver() {
	out=$(grep -rlE 'getenv\("(XDG_[A-Z_]+|HOME)"\)|"XDG_(DATA|CONFIG)_HOME"' "$src" --include='*.c' |
	      grep -v '/paths\.c$') || true
	[ -z "$out" ] || { echo "# XDG or HOME read outside src/paths.c: $out"; return 1; }
}
check "curses is included only under src/ui/" no_curses_outside_ui
check "only main.c ends the process" no_exit_in_model
check "every source file starts with a comment" every_module_has_a_header_comment
check "every .c includes <build-config.h> first" build_config_first
check "language words only in src/un/" lang_words_only_in_un
check "one resolver of XDG and HOME (src/paths.c)" one_path_resolver
exit 0
