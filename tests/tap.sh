# tests/tap.sh: the Test Anything Protocol for the shell tests, sourced
# first: . "${top_srcdir:-.}/tests/tap.sh"
#
# A test states its plan (tap_plan N), then one line per check: tap_check
# runs a command, tap_result takes a status, tap_ok / tap_not_ok say it
# outright; a failure's evidence (files, text) goes to the log as "# "
# comments. tap_done ends the test: exit 1 if a check failed. A missing
# prerequisite (a tool, a file) fails every check still planned
# (tap_missing): a test that cannot run neither passes nor skips.
#
# tap_tmpdir makes $TAP_TMP, a private temporary directory removed when the
# test exits, also after a failure or a signal.
#
# Fixtures: the corpus texts are in one directory, $TAP_CORPUS
# (tests/data/parse/corpus, named LANG_FILE.txt); the bundled declaration
# is $TAP_DECLARATION (data/, what is installed). tap_library builds the
# three-document library of the library tests from the corpus.
#
# The helpers' variables start with TAP_ or tap_; a test's own names must
# not.

TAP_N=0
TAP_PLANNED=0
TAP_FAILS=0
TAP_TMP=
TAP_CORPUS="${top_srcdir:-.}/tests/data/parse/corpus"
TAP_DECLARATION="${top_srcdir:-.}/data/cis-declaration-2020.txt"

# tap_plan N: the plan, first.
tap_plan() {
	TAP_PLANNED=$1
	echo "1..$1"
}

# tap_ok DESCRIPTION / tap_not_ok DESCRIPTION: the next check's line.
tap_ok() {
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $*"
}
tap_not_ok() {
	TAP_N=$((TAP_N + 1))
	TAP_FAILS=$((TAP_FAILS + 1))
	echo "not ok $TAP_N - $*"
}

# tap_diag TEXT...: each argument as a comment line.
tap_diag() {
	for tap_l in "$@"; do
		printf '%s\n' "$tap_l" | sed 's/^/# /'
	done
}

# tap_diag_files FILE...: the first 40 lines of each non-empty FILE as
# comments.
tap_diag_files() {
	for tap_f in "$@"; do
		[ -s "$tap_f" ] && sed 's/^/# /' "$tap_f" | head -40
	done
	return 0
}

# tap_result STATUS DESCRIPTION [FILE...]: ok when STATUS is 0; otherwise
# not ok and the FILEs go to the log.
tap_result() {
	tap_st=$1
	tap_what=$2
	shift 2
	if [ "$tap_st" -eq 0 ]; then
		tap_ok "$tap_what"
	else
		tap_not_ok "$tap_what"
		tap_diag_files "$@"
	fi
}

# tap_check DESCRIPTION COMMAND...: ok when COMMAND succeeds.
tap_check() {
	tap_what=$1
	shift
	if "$@"; then
		tap_ok "$tap_what"
	else
		tap_not_ok "$tap_what"
	fi
}

# tap_missing REASON: every planned check not yet reported fails, naming
# REASON (e.g. "tmux is not installed"); exits 1. Before tap_plan, the plan
# is one check.
tap_missing() {
	[ "$TAP_PLANNED" -gt 0 ] || tap_plan 1
	while [ "$TAP_N" -lt "$TAP_PLANNED" ]; do
		tap_not_ok "$1"
	done
	exit 1
}

# tap_skip DESCRIPTION: the next check cannot apply here (e.g. permission
# bits when root cannot become another user): "ok N # SKIP". Not for a
# missing tool the project requires: that is tap_missing.
tap_skip() {
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N # SKIP $*"
}

# tap_done: exit 0 when every check passed and as many ran as planned.
tap_done() {
	if [ "$TAP_N" -ne "$TAP_PLANNED" ]; then
		echo "# planned $TAP_PLANNED checks, ran $TAP_N"
		exit 1
	fi
	[ "$TAP_FAILS" -eq 0 ]
	exit $?
}

# tap_tmpdir [NAME]: $TAP_TMP, a new directory under $TMPDIR, removed on
# exit; a signal exits (and so removes it) too.
tap_tmpdir() {
	TAP_TMP=$(mktemp -d "${TMPDIR:-/tmp}/lectern-${1:-test}.XXXXXX") ||
		tap_missing "no temporary directory"
	trap 'rm -rf "$TAP_TMP"' EXIT
	trap 'exit 1' INT TERM HUP
}

# tap_library DIR: DIR (made if missing) holds the library of the library
# tests, copied from the corpus under the names the tests expect:
#   A_C.1_80_L.20.txt         en_A_C.1_80_L.20.txt (agenda item 94, 80th session)
#   A_RES_80_16.txt           en_A_RES_80_16.txt   (agenda item 94, 80th session)
#   cis-declaration-2020.txt  es_cis-declaration-2020.txt (no symbol; items 98, 112)
# The copies are writable (tests change them).
tap_library() {
	mkdir -p "$1" &&
	cp "$TAP_CORPUS/en_A_C.1_80_L.20.txt" "$1/A_C.1_80_L.20.txt" &&
	cp "$TAP_CORPUS/en_A_RES_80_16.txt" "$1/A_RES_80_16.txt" &&
	cp "$TAP_CORPUS/es_cis-declaration-2020.txt" "$1/cis-declaration-2020.txt" &&
	chmod u+w "$1"/*.txt
}
