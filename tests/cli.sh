#!/bin/sh
# The command line: options, modes and exit codes as docs/lectern.1 says.
L="${LECTERN:-./lectern}"
doc="${top_srcdir:-.}/data/cis-declaration-2020.txt"
. "${top_srcdir:-.}/tests/tap.sh"
tap_tmpdir cli
tmp=$TAP_TMP
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
t() { # description, expected exit code, command... (stdout in $tmp/out, stderr in $tmp/err)
	d="$1"; want="$2"; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null; got=$?
	if [ "$got" = "$want" ]; then tap_ok "$d"; else
		tap_not_ok "$d (exit $got, wanted $want)"; sed 's/^/# /' "$tmp/err" | head -5; fi
}
has() { # description, file, fixed string
	if grep -qF -- "$3" "$2"; then tap_ok "$1"; else tap_not_ok "$1"; sed 's/^/# /' "$2" | head -5; fi
}
tap_plan 76
t "--help exits 0" 0 "$L" --help
has "--help lists --outline" "$tmp/out" "--outline"
t "--version exits 0" 0 "$L" --version
has "--version names lectern" "$tmp/out" "lectern "
t "an unknown option is a usage error" 2 "$L" --no-such-option
t "--width below 10 is a usage error" 2 "$L" --dump -w 3 "$doc"
has "and says why" "$tmp/err" "--width"
t "--width that is not a number is a usage error" 2 "$L" --dump -w 8x0 "$doc"
t "--lang outside en/es/fr/ru is a usage error" 2 "$L" --outline --lang=de "$doc"
t "two views at once is a usage error" 2 "$L" --dump --outline "$doc"
has "naming the option" "$tmp/err" "--outline cannot be combined"
t "two documents at once is a usage error" 2 "$L" --outline "$doc" "$doc"
t "--notes-export with an unknown format is a usage error" 2 "$L" --notes-export=pdf "$doc"
t "--note-add without --text is a usage error" 2 "$L" --note-add letter/p1 "$doc"
t "a missing file exits 1" 1 "$L" --outline "$tmp/nothing.txt"
has "naming it" "$tmp/err" "nothing.txt"
if "$L" --outline - <"$doc" >"$tmp/stdin.out" 2>"$tmp/err" && "$L" --outline "$doc" >"$tmp/file.out" &&
   cmp -s "$tmp/stdin.out" "$tmp/file.out"; then tap_ok "'-' reads standard input"; else tap_not_ok "'-' reads standard input"; fi
t "--outline with no file opens the bundled declaration" 0 "$L" --outline
has "whose annex has clause 8" "$tmp/out" "paragraph 8  Dado el carácter"
t "--refs with no file reads the bundled declaration" 0 "$L" --refs
has "and finds item 98" "$tmp/out" "A/75 item 98"
t "--list-themes lists the bundled themes" 0 "$L" --list-themes
has "default among them" "$tmp/out" "default "
t "an unknown --theme is refused before the terminal is used" 1 "$L" --theme no-such-theme "$doc"
t "a misspelt --theme is refused" 1 "$L" --theme drak "$doc"
has "with the nearest name" "$tmp/err" "theme 'drak' not found (did you mean 'dark'?"
t "--help is shown" 0 "$L" --help
has "and names the help key of the reader (h; ? is backward search)" "$tmp/out" "press h for the keys"
# "-" with a terminal as standard input: refused at once, not a blank screen
# (script(1) is in bsdutils, essential on Debian)
TERM=xterm script -qec "$L - ; echo \"exit=\$?\"" /dev/null </dev/null >"$tmp/tty.out" 2>&1
if grep -qF "standard input is a terminal: pipe a document in" "$tmp/tty.out" &&
   grep -qF "exit=2" "$tmp/tty.out"
then tap_ok "'-' with a terminal as standard input is refused (exit 2)"
else tap_not_ok "'-' with a terminal as standard input is refused (exit 2)"; sed 's/^/# /' "$tmp/tty.out" | head -5; fi
# what the model changed for the terminal's sake is said on stderr, with
# the file's name in visible form
printf 'a\342\200\256b \033[31m c \377\n' > "$tmp/bad
name.txt"
t "a text with a bidi override, ESC and a bad byte is dumped" 0 "$L" --dump "$tmp/bad
name.txt"
has "the bad byte is reported" "$tmp/err" "1 invalid UTF-8 byte shown as U+FFFD"
has "the bidi control is reported" "$tmp/err" "1 bidirectional text control"
has "the control character is reported, the name shown visibly" "$tmp/err" "bad␊name.txt: 1 control character"
printf '[ui]\noutline_cols = 3O\n' > "$tmp/bad.ini"
t "a bad config.ini does not stop --dump" 0 "$L" --config "$tmp/bad.ini" --dump "$doc"
has "which warns with file and line" "$tmp/err" "bad.ini:2"
t "the reader refuses it before taking the terminal" 1 "$L" --config "$tmp/bad.ini" "$doc"
has "and says where" "$tmp/err" "bad.ini:2"
printf ' \n\n  \t\n' > "$tmp/blank.txt"
t "a file of blanks is refused like an empty one" 1 "$L" --dump "$tmp/blank.txt"
has "and says it is empty" "$tmp/err" "empty file (only spaces and line breaks)"
if iconv -f UTF-8 -t UTF-16LE "$doc" | "$L" --outline - >"$tmp/u16.out" 2>"$tmp/err" &&
   cmp -s "$tmp/u16.out" "$tmp/file.out" && grep -qF "converted from UTF-16LE (no byte order mark)" "$tmp/err"
then tap_ok "UTF-16 with no byte order mark on standard input is converted"
else tap_not_ok "UTF-16 with no byte order mark on standard input is converted"; fi
t "an endless binary (/dev/zero) is refused" 1 "$L" --dump /dev/zero
has "as binary at its first block, not at the size limit" "$tmp/err" "binary file (NUL bytes)"
mkdir "$tmp/lib" && cp "$doc" "$tmp/lib/e$(printf '\033')[31mv.txt"
t "--list of a file named with ESC" 0 "$L" --list --library-db "$tmp/lib.db" "$tmp/lib"
has "shows the ESC visibly" "$tmp/out" "e␛[31mv.txt"
# --notes-import onto another document: refused, then --force
other="${top_srcdir:-.}/tests/data/parse/corpus/en_A_C.1_80_L.20.txt"
t "a note is added" 0 "$L" --notes-db "$tmp/n.db" --note-add=annex1/decl/p8 --text=mine "$doc"
t "and exported" 0 "$L" --notes-db "$tmp/n.db" --notes-export=json "$doc"
cp "$tmp/out" "$tmp/n.json"
t "a note is added on a citation, as ':' reads it" 0 "$L" --notes-db "$tmp/c.db" --note-add='anexo parr 8' --text=cited "$doc"
t "and listed" 0 "$L" --notes-db "$tmp/c.db" --notes "$doc"
has "on the clause of that citation" "$tmp/out" "annex1/decl/p8	cited"
t "a citation the document does not have is refused" 1 "$L" --notes-db "$tmp/c.db" --note-add='art. 40, para. 3' --text=x "$doc"
has "saying how to list the paths" "$tmp/err" "--json lists the path of each clause"
t "importing it onto another document is refused" 1 "$L" --notes-db "$tmp/o.db" --notes-import="$tmp/n.json" "$other"
has "saying why" "$tmp/err" "made on another document"
t "--force imports it anyway" 0 "$L" --notes-db "$tmp/o.db" --force --notes-import="$tmp/n.json" "$other"
t "--force without --notes-import is a usage error" 2 "$L" --force --dump "$doc"
if "$L" --dump -w 40 "$doc" >/dev/full 2>"$tmp/err"; then tap_not_ok "a write error is reported"; else
	if grep -q "write error" "$tmp/err"; then tap_ok "a write error is reported (exit 1)"; else tap_not_ok "a write error is reported"; fi; fi
full() { # description, command...: exit 1 and "write error" when stdout is full
	d="$1"; shift
	"$@" >/dev/full 2>"$tmp/err" </dev/null; got=$?
	if [ "$got" = 1 ] && grep -q "^lectern: write error" "$tmp/err"; then tap_ok "$d"; else
		tap_not_ok "$d (exit $got)"; fi
}
full "--json: a write error is reported" "$L" --json "$doc"
full "--refs: a write error is reported" "$L" --refs "$doc"
full "--list: a write error is reported" "$L" --list --library-db "$tmp/full.db" "$doc"
full "--notes: a write error is reported" "$L" --notes-db "$tmp/n.db" --notes "$doc"
# source facts (issue 9 §4): what the bytes were converted from reaches
# the message line and --json; garbled text gets no guessed language; a PDF
# without text is refused like an empty file
printf 'Caf\351 na\357ve \226 d\351j\340 vu \223quoted\224 text.\n' > "$tmp/cp1252.txt"
t "--dump of a Windows-1252 file exits 0" 0 "$L" --dump "$tmp/cp1252.txt"
has "and says it was converted from Windows-1252" "$tmp/err" "cp1252.txt: converted from Windows-1252"
has "and shows its accents as UTF-8" "$tmp/out" "déjà vu “quoted”"
t "--json of a Windows-1252 file exits 0" 0 "$L" --json "$tmp/cp1252.txt"
has "and names the encoding in meta" "$tmp/out" '"encoding": "Windows-1252"'
has "and says the text is not garbled" "$tmp/out" '"garbled": false'
mkdir "$tmp/u8" "$tmp/u16"
cp "$doc" "$tmp/u8/d.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$doc"; } > "$tmp/u16/d.txt"
La=$(cd "$(dirname "$L")" && pwd)/$(basename "$L")	# for a run in another directory
if (cd "$tmp/u8" && "$La" --json d.txt >../u8.json 2>/dev/null) &&
   (cd "$tmp/u16" && "$La" --json d.txt >../u16.json 2>/dev/null) &&
   grep -q '"encoding": null' "$tmp/u8.json" && grep -q '"encoding": "UTF-16LE"' "$tmp/u16.json" &&
   grep -v '"encoding":' "$tmp/u8.json" >"$tmp/u8.rest" && grep -v '"encoding":' "$tmp/u16.json" >"$tmp/u16.rest" &&
   cmp -s "$tmp/u8.rest" "$tmp/u16.rest"; then tap_ok "UTF-16 with a BOM reads like its UTF-8 form (--json equal but the encoding)"
else tap_not_ok "UTF-16 with a BOM reads like its UTF-8 form (--json equal but the encoding)"
	diff "$tmp/u8.json" "$tmp/u16.json" 2>&1 | head -5 | sed 's/^/# /'; fi
w='Ñåêðåòàðü Ãåíåðàëüíîé Àññàìáëåè ïðåäñòàâèë äîêëàä'
printf '%s %s %s %s %s %s\n' "$w" "$w" "$w" "$w" "$w" "$w" > "$tmp/garbled.txt"
t "--json of garbled text exits 0" 0 "$L" --json "$tmp/garbled.txt"
has "and says it looks garbled" "$tmp/err" "the text looks garbled"
has "and flags it in meta" "$tmp/out" '"garbled": true'
has "and guesses no language from it" "$tmp/out" '"language": null'
t "--lang still names the language of garbled text" 0 "$L" --json --lang=ru "$tmp/garbled.txt"
has "as given" "$tmp/out" '"language": "ru"'
# a PDF of one empty page (no text layer, as a scan without OCR); needs
# pdftotext (poppler-utils, installed by ./bootstrap): without it the
# message differs and the test fails
printf '%s\n' '%PDF-1.4' '1 0 obj' '<< /Type /Catalog /Pages 2 0 R >>' 'endobj' '2 0 obj' \
	'<< /Type /Pages /Kids [3 0 R] /Count 1 >>' 'endobj' '3 0 obj' \
	'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>' 'endobj' 'xref' '0 4' \
	'0000000000 65535 f ' '0000000009 00000 n ' '0000000058 00000 n ' '0000000115 00000 n ' \
	'trailer' '<< /Size 4 /Root 1 0 R >>' 'startxref' '186' '%%EOF' > "$tmp/scan.pdf"
t "a PDF without text (a scan) exits 1" 1 "$L" --dump "$tmp/scan.pdf"
has "and says to run OCR" "$tmp/err" "scan.pdf: no text in this PDF: it is a scan; run OCR first (e.g. ocrmypdf)"
t "--outline of it exits 1 too" 1 "$L" --outline "$tmp/scan.pdf"
tap_done
