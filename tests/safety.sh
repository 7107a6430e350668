#!/bin/sh
# Nothing raw on any output (issue 11 §3): hostile document text, file
# names, catalogs, config values, notes and command-line values go to every
# output mode (--dump, --outline, --json, --refs, --list, --notes,
# --notes-export=md|json, --notes-import, --note-add and the errors);
# stdout and stderr must hold no byte a terminal acts on: ESC and the other
# C0 controls but tab and newline, DEL, C1 controls in UTF-8 (U+0080..
# U+009F) or as raw bytes (invalid UTF-8), the bidi embeddings, overrides
# and isolates (U+202A..E, U+2066..9), U+2028/U+2029.
L="${LECTERN:-./lectern}"
src="${top_srcdir:-.}/tests/data/library/A_RES_80_16.txt"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lectern-safety-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$tmp/home" "$tmp/data/lectern" "$tmp/config" "$tmp/lib"

# The hostile string: an OSC 52 clipboard write, an 8-bit CSI (raw), the
# same in UTF-8, RLO, LRI, DEL, LINE SEPARATOR.
H="$(printf '\033]52;c;aGk=\007|\233|\302\233|\342\200\256|\342\201\246|\177|\342\200\250|')"
# The same without the raw byte (valid UTF-8: what a note or a JSON string
# can hold).
U="$(printf '\033]52;c;aGk=\007|\302\233|\342\200\256|\342\201\246|\177|\342\200\250|')"

# 0 when file $1 holds a byte a terminal could act on, or invalid UTF-8.
dirty() {
	perl -0777 -ne 'exit(/[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]/ ? 0 : 1)' "$1" &&
		return 0
	! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}

n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
# run description wanted-exit command...: stdout and stderr both clean, the
# exit status as wanted, and something said (so a silent crash fails).
run() {
	d="$1"; want="$2"; shift 2
	"$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
	got=$?
	r=0
	if [ "$got" != "$want" ]; then echo "# exit $got, wanted $want"; r=1; fi
	if dirty "$tmp/out"; then echo "# raw bytes on stdout"; r=1; fi
	if dirty "$tmp/err"; then echo "# raw bytes on stderr"; r=1; fi
	if [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then echo "# nothing said"; r=1; fi
	ok $r "$d"
}

echo "1..32"

# The fixtures: a document whose name and text are hostile, in a library
# directory; a catalog titling a resolution it cites with the string; a
# broken catalog whose name is hostile; a config with hostile values. (A
# catalog must be valid UTF-8, so its title holds the valid-UTF-8 string.)
doc="$tmp/lib/doc-$H.txt"
{ head -n 12 "$src"; printf 'Text %s here.\n\n' "$H"; tail -n +13 "$src"; } > "$doc"
printf '[A/RES/75/240]\nkind = resolution\ntitle_en = "Title %s end"\n' "$U" \
	> "$tmp/data/lectern/evil.ini"
printf 'x\n' > "$tmp/data/lectern/bad-$H.ini"
K="$(printf '\033[31m|\302\233|\342\200\256|\177|')"	# no '=', ';', ']'
printf '[s%s]\nk = v\n' "$K" > "$tmp/data/lectern/sect.ini"
printf '[display]\ntheme = %s\nwidth%s = 3\n' "$H" "$H" > "$tmp/cfg-$H.ini"

dirty "$doc" && dirty "$tmp/data/lectern/evil.ini"
ok $? "the fixtures hold the hostile bytes (the check can fail)"
printf 'a%sb\n' "$H" > "$tmp/probe"
dirty "$tmp/probe"
ok $? "the check finds them"

run "--dump" 0 "$L" --dump "$doc"
run "--outline" 0 "$L" --outline "$doc"
run "--json (the name is the file's)" 0 "$L" --json "$doc"
grep -q '\\u001B\]52' "$tmp/out" && grep -q '\\u202E' "$tmp/out" && grep -q '\\u009B' "$tmp/out"
ok $? "--json escapes ESC, C1 and bidi controls as \\u"
run "--refs FILE (file name, catalog title, broken catalog named)" 0 "$L" --refs "$doc"
grep -q 'Title ␛\]52' "$tmp/out" && grep -q 'bad-␛\]52' "$tmp/err" &&
	grep -q 's␛\[31m' "$tmp/err"
ok $? "--refs shows the title, names the broken catalogs and their section, visibly"
run "--refs DIR" 0 "$L" --refs "$tmp/lib"
run "--list DIR" 0 "$L" --list --library-db "$tmp/lib.db" "$tmp/lib"
run "--list of a missing hostile path" 1 "$L" --list --library-db "$tmp/lib.db" "$tmp/none-$H"

db="$tmp/notes.db"
run "--note-add with hostile text and tag" 0 "$L" --notes-db "$db" --note-add pp1 \
	--text "note $H" --tag "t$H" "$doc"
run "--note-add with hostile valid UTF-8" 0 "$L" --notes-db "$db" --note-add pp2 \
	--text "note $U" --tag "t$U" "$doc"
run "--note-add at a hostile quote not in the text" 1 "$L" --notes-db "$db" \
	--note-add "pp1@$H" --text x "$doc"
run "--note-add at a hostile path" 1 "$L" --notes-db "$db" --note-add "p$H" --text x "$doc"
run "--notes" 0 "$L" --notes-db "$db" --notes "$doc"
run "--notes-export=md" 0 "$L" --notes-db "$db" --notes-export=md "$doc"
run "--notes-export=json" 0 "$L" --notes-db "$db" --notes-export=json "$doc"
grep -q '\\u202E' "$tmp/out" && grep -q '\\u009B' "$tmp/out"
ok $? "--notes-export=json escapes C1 and bidi controls as \\u"

# An import file with a hostile name: a note whose body holds the controls
# (JSON escapes), and one rejected (no quote), named with the file.
json="$tmp/in-$H.json"
printf '[{"type":"Annotation","bodyValue":"b \\u001b[31m \\u009b \\u202e x","target":{"selector":[{"type":"TextQuoteSelector","exact":"Recalling its resolutions"}]}},{"type":"Annotation","bodyValue":"no quote"}]\n' > "$json"
run "--notes-import of a hostile file" 0 "$L" --notes-db "$tmp/n2.db" --notes-import="$json" "$doc"
run "--notes-import of a missing hostile file" 1 "$L" --notes-db "$tmp/n2.db" --notes-import="$tmp/no-$H.json" "$doc"
run "--notes after the import" 0 "$L" --notes-db "$tmp/n2.db" --notes "$doc"

run "a hostile --lang" 2 "$L" --lang="$H" --dump "$doc"
run "a hostile -w" 2 "$L" -w "$H" --dump "$doc"
run "a hostile --notes-export format" 2 "$L" --notes-export="$H" "$doc"
run "a hostile unknown option" 2 "$L" "--x$H"
run "a hostile --config path" 0 "$L" --config "$tmp/no-$H.ini" --dump "$doc"
run "a config with hostile values (a view only warns)" 0 "$L" --config "$tmp/cfg-$H.ini" --dump "$doc"
grep -q 'cfg-' "$tmp/err"
ok $? "and the warning names the file"
run "the reader refuses a config with hostile values" 1 "$L" --config "$tmp/cfg-$H.ini" "$doc"
run "the reader refuses a hostile --theme" 1 "$L" --theme "$H" "$doc"
touch "$tmp/file"
run "a hostile --notes-db that cannot be used" 1 "$L" --notes-db "$tmp/file/n$H.db" \
	--note-add pp1 --text x "$doc"
