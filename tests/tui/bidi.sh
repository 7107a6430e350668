#!/bin/sh
# Bidirectional controls ("Trojan Source", CVE-2021-42574) and other
# invisible format characters: the reader and --dump show the embeddings,
# overrides and isolates as visible arrows (source.h, text.h) and never send
# them, the invisible direction marks or U+2028/U+2029 to the terminal.
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 10

# The document: a Trojan Source line (RLO, LRI, PDI), a Hebrew word with
# an RLM, an Arabic letter mark, a stray BOM, a line separator and a text
# hidden in tag characters.
RLO=$(printf '\342\200\256')
LRI=$(printf '\342\201\246')
PDI=$(printf '\342\201\251')
{
	printf 'Prueba de controles bidireccionales\n\n'
	printf '1. if (access_level != "user%s %s// Check if admin%s %s") {\n\n' \
		"$RLO" "$LRI" "$PDI" "$LRI"
	printf '2. Marcas: \327\251\327\234\327\225\327\235\342\200\217 fin\330\234, '
	printf 'bom\357\273\277 y separador\342\200\250de l\303\255nea'
	printf '\363\240\201\210\363\240\201\251.\n\n'	# a hidden "Hi" in tags
	# all nine controls, early enough to show in the outline's label
	printf '3. \342\200\252a\342\200\254\342\200\253b\342\200\254\342\200\255c'
	printf '\342\200\254\342\200\256d\342\200\254\342\201\246e\342\201\251'
	printf '\342\201\247f\342\201\251\342\201\250g\342\201\251 fin.\n'
} > "$TUI_TMP/bidi.txt"

# Any of the code points that must never reach a terminal, as bytes:
# U+202A..U+202E, U+2066..U+2069, LRM, RLM, ALM, U+FEFF, U+2028, U+2029,
# tags (U+E0000..U+E007F).
raw_controls() {
	LC_ALL=C grep -q "$(printf '\342\200[\252-\256]\|\342\201[\246-\251]\|\342\200[\216\217\250\251]\|\330\234\|\357\273\277\|\363\240[\200\201]')" "$@"
}

"$LECTERN" --dump -w 100 "$TUI_TMP/bidi.txt" > "$TUI_TMP/dump" 2>"$TUI_TMP/err"
check "--dump shows the Trojan Source line with visible arrows" \
	grep -q '"user⇚ ⇥// Check if admin⇞ ⇥") {' "$TUI_TMP/dump"
no_raw_dump() { ! raw_controls "$TUI_TMP/dump"; }
check "--dump writes no bidi control, direction mark or separator" no_raw_dump
no_rlo_dump() { ! LC_ALL=C grep -q "$RLO" "$TUI_TMP/dump"; }
check "--dump holds no U+202E (bytes E2 80 AE)" no_rlo_dump
marks_gone() { grep -q 'שלום fin, bom y separador de línea\.$' "$TUI_TMP/dump"; }
check "--dump: marks, stray BOM and tags removed, the line separator a break" marks_gone

tui_start 120 24 "$LECTERN $TUI_TMP/bidi.txt"
tui_wait 'Prueba de controles' 1
check "the reader shows the arrows in the Trojan Source line" \
	tui_wait '"user⇚ ⇥// Check if admin⇞ ⇥"\) \{'
no_raw_screen() {
	tmx capture-pane -e -p -t "s$TUI_S" > "$TUI_TMP/screen"
	! raw_controls "$TUI_TMP/screen"
}
check "nothing invisible of the document reached the terminal" no_raw_screen
check "the Hebrew word is on the screen without its RLM" tui_wait 'שלום fin, bom'
check "each of the nine controls has its own arrow" tui_wait '3 ⇢a↥⇠b↥⇛c↥⇚d↥⇥e⇞⇤f⇞⇆g⇞ fin\.'
# One column per arrow, as layout counts it: the outline border is at the
# same column on every row, paragraph 3's label (arrows) included.
border() {
	tui_screen | head -n 22 | perl -CSD -Mutf8 -ne '
		next unless /^(.*?)│/; my $p = $1;
		my $w = length($p) + (() = $p =~ /\p{Ea=W}/g);
		$col //= $w; $bad++ if $w != $col;
		END { exit($bad || !defined $col ? 1 : 0) }'
}
check "the arrows take one column each (the outline border stays put)" border
tui_keys q
check "the reader quits normally" tui_wait 'lectern-exit=0'
tui_done
