#!/bin/sh
# tests/fuzz/build.sh: builds the libFuzzer harnesses with clang
# (-fsanitize=fuzzer,address,undefined) into tests/fuzz/bin/ of the build
# tree. Called by `make fuzz` (mk/fuzz.am), which passes the sources of
# libcore and the libraries to link:
#   build.sh SRCDIR BUILDDIR "SOURCES" "LIBS" "CFLAGS"
# The library sources are compiled again with the sanitizers (the normal
# build's libcore.a has none); objects go to tests/fuzz/obj/.
set -eu
srcdir=$1 builddir=$2 sources=$3 libs=$4 extra=${5:-}
CC=${FUZZ_CC:-clang}
if ! command -v "$CC" >/dev/null 2>&1; then
	echo "make fuzz: $CC is missing (apt-get install clang libclang-rt-14-dev)" >&2
	exit 1
fi
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
flags="-g -O1 -fno-omit-frame-pointer $san -I$builddir -I$srcdir/src $extra \
	-DPKGDATADIR=\"/nonexistent\" -DFUZZ_SRCDIR=\"$(cd "$srcdir" && pwd)\""
obj=$builddir/tests/fuzz/obj bin=$builddir/tests/fuzz/bin
mkdir -p "$obj" "$bin"
objs=""
for s in $sources; do
	case $s in *.c) ;; *) continue ;; esac
	o=$obj/$(echo "$s" | tr / _ | sed 's/\.c$/.o/')
	if [ ! -f "$o" ] || [ "$srcdir/$s" -nt "$o" ] || [ -n "$(find "$srcdir/src" -name '*.h' -newer "$o" | head -1)" ]; then
		echo "  CC(fuzz) $s"
		# shellcheck disable=SC2086
		$CC $flags -fsanitize=fuzzer-no-link -c "$srcdir/$s" -o "$o"
	fi
	objs="$objs $o"
done
for h in "$srcdir"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	echo "  CCLD(fuzz) $bin/$name"
	# shellcheck disable=SC2086
	$CC $flags -fsanitize=fuzzer "$h" $objs $libs -o "$bin/$name"
done
echo "fuzzers in $bin: run one as $bin/fuzz_parse -max_len=1048576 CORPUS_DIR (see tests/fuzz/README)"
