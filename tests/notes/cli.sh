#!/bin/sh
# The notes options of lectern (--notes, --notes-export=md|json,
# --notes-import, --force, --note-add, --note-delete) through the binary:
# listing, Markdown, W3C JSON-LD, import that re-anchors and adds nothing
# twice, bad input. tests/notes/notes_tool only checks a database
# (integrity, count), which no option does.
top_srcdir=${top_srcdir:-.}
L=${LECTERN:-./lectern}
helper=${top_builddir:-.}/tests/notes/notes_tool
# tool DB DOC COMMAND [ARG]...: the option COMMAND names, on DB ("-": the
# default database) and DOC: list, export FORMAT, import FILE,
# import-force FILE, add WHERE TEXT [TAG]..., delete ID; check goes to the
# helper.
tool() {
	tdb=$1 tdoc=$2 tcmd=$3
	shift 3
	if [ "$tcmd" = check ]; then "$helper" "$tdb" "$tdoc" check; return; fi
	dbopt=""
	[ "$tdb" = - ] || dbopt="--notes-db=$tdb"
	case $tcmd in
	list) "$L" ${dbopt:+"$dbopt"} --notes "$tdoc" ;;
	export) "$L" ${dbopt:+"$dbopt"} --notes-export="$1" "$tdoc" ;;
	import) "$L" ${dbopt:+"$dbopt"} --notes-import="$1" "$tdoc" ;;
	import-force) "$L" ${dbopt:+"$dbopt"} --force --notes-import="$1" "$tdoc" ;;
	delete) "$L" ${dbopt:+"$dbopt"} --note-delete="$1" ;;
	add)
		where=$1 text=$2
		shift 2
		for tag in "$@"; do set -- "$@" "--tag=$tag"; shift; done
		"$L" ${dbopt:+"$dbopt"} --note-add="$where" --text="$text" "$@" "$tdoc" ;;
	*) echo "tool: $tcmd?" >&2; return 2 ;;
	esac
}
data=$top_srcdir/tests/data/notes	# the variants of the declaration
base=$top_srcdir/data/cis-declaration-2020.txt
. "$top_srcdir/tests/tap.sh"
tap_tmpdir notes-cli
tmp=$TAP_TMP

tap_plan 40
db=$tmp/notes.db
id1=$(tool "$db" "$base" add annex1/decl/p8 'Comparar con A/74/896: ¿cooperación? Ёжик' ciber pregunta 2>"$tmp/err")
[ "$id1" = 1 ]; tap_result $? "add a note on a whole clause prints its id"
id2=$(tool "$db" "$base" add 'letter@Uzbekistán' 'El remitente' 2>>"$tmp/err")
[ "$id2" = 2 ]; tap_result $? "add a note on a quote inside a clause"
tool "$db" "$base" list >"$tmp/list" 2>>"$tmp/err"
printf '2\tok\tCarta\tletter\tEl remitente\n1\tok\tAnexo, párr. 8\tannex1/decl/p8\tComparar con A/74/896: ¿cooperación? Ёжик #ciber #pregunta\n' >"$tmp/want"
cmp -s "$tmp/list" "$tmp/want"; tap_result $? "list: reading order, status, citation, path, note, tags"
tool "$db" "$base" export md >"$tmp/md" 2>>"$tmp/err"
grep -q '^# Notes: Carta de fecha 22 de diciembre de 2020' "$tmp/md" &&
grep -q '^## Anexo, párr. 8$' "$tmp/md" &&
grep -q '^> Dado el carácter transfronterizo' "$tmp/md" &&
grep -q '^Comparar con A/74/896: ¿cooperación? Ёжик$' "$tmp/md" &&
grep -q 'Tags:\* ciber, pregunta' "$tmp/md" &&
grep -q '^> Carta de fecha .* Permanente de \*\*Uzbekistán\*\* ante las Naciones Unidas$' "$tmp/md"
tap_result $? "Markdown: title, citation, quoted clause (quote in bold), note, tags"
tool "$db" "$base" export json >"$tmp/json" 2>>"$tmp/err"
grep -q '"@context": "http://www.w3.org/ns/anno.jsonld"' "$tmp/json" &&
grep -q '"type": "AnnotationCollection"' "$tmp/json" &&
grep -q '"type": "TextQuoteSelector"' "$tmp/json" &&
grep -q '"type": "TextPositionSelector"' "$tmp/json" &&
grep -q '"value": "Comparar con A/74/896: ¿cooperación? Ёжик"' "$tmp/json" &&
grep -q '"exact": "Uzbekistán"' "$tmp/json"
tap_result $? "JSON-LD: collection, context, selectors, bodies"
out=$(tool "$tmp/copy.db" "$base" import "$tmp/json" 2>>"$tmp/err")
[ "$out" = "imported 2 notes (ok 2, moved 0, fuzzy 0, orphan 0); 0 already present; 0 rejected" ]
tap_result $? "import into another database re-anchors both notes (ok)"
out=$(tool "$tmp/copy.db" "$base" import "$tmp/json" 2>>"$tmp/err")
[ "$out" = "imported 0 notes (ok 0, moved 0, fuzzy 0, orphan 0); 2 already present; 0 rejected" ]
tap_result $? "importing the same file twice adds nothing"
tool "$tmp/copy.db" "$base" list 2>>"$tmp/err" | cut -f2- >"$tmp/list2"
cut -f2- "$tmp/list" | cmp -s - "$tmp/list2"; tap_result $? "the imported notes list like the originals"
tool "$tmp/copy.db" "$base" export json >"$tmp/json2" 2>>"$tmp/err"
cmp -s "$tmp/json" "$tmp/json2"; tap_result $? "export, import, export gives the same JSON"
# On the corrected document: one note fuzzy (clause edited)
tool "$tmp/e.db" "$base" add annex1/decl/p5 'sobre el párrafo 5' >/dev/null 2>>"$tmp/err"
tool "$tmp/e.db" "$base" export json >"$tmp/e.json" 2>>"$tmp/err"
out=$(tool "$tmp/e2.db" "$data/edited.txt" import "$tmp/e.json" 2>>"$tmp/err")
case $out in "imported 1 note (ok 0, moved 0, fuzzy 1, orphan 0)"*) r=0;; *) r=1;; esac
tap_result $r "import onto the corrected document: fuzzy ($out)"
tool "$tmp/e2.db" "$data/edited.txt" list | grep -q "	fuzzy 0\.9[0-9]	Anexo, párr. 5	annex1/decl/p5	sobre el párrafo 5$"
tap_result $? "the fuzzy note lists with its score"
# Bad input
printf '{"type": "AnnotationCollection", "first": {"items": [\n  {"id": 1,}\n]}}\n' >"$tmp/bad.json"
cp "$tmp/copy.db" "$tmp/before.db"
tool "$tmp/copy.db" "$base" import "$tmp/bad.json" >"$tmp/out" 2>"$tmp/msg"; rc=$?
[ $rc = 1 ] && grep -q "bad.json:2:" "$tmp/msg"; tap_result $? "invalid JSON: exit 1, file and line named"
[ ! -s "$tmp/out" ]; tap_result $? "and no 'imported 0 notes' on stdout"
printf '[{"type": "Annotation", "bodyValue": "sin cita", "target": "urn:x"}, {"type": "Annotation", "bodyValue": "con cita", "target": {"selector": {"type": "TextQuoteSelector", "exact": "ciberespacio"}}}]\n' >"$tmp/partial.json"
out=$(tool "$tmp/p.db" "$base" import "$tmp/partial.json" 2>"$tmp/msg")
[ "$out" = "imported 1 note (ok 0, moved 1, fuzzy 0, orphan 0); 0 already present; 1 rejected" ] &&
grep -q "annotation 1 skipped: it has no TextQuoteSelector" "$tmp/msg" &&
out=$(tool "$tmp/p.db" "$base" import "$tmp/partial.json" 2>"$tmp/msg") &&
[ "$out" = "imported 0 notes (ok 0, moved 0, fuzzy 0, orphan 0); 1 already present; 1 rejected" ]
tap_result $? "an annotation without a quote is rejected and named; a bare quote is placed, once"
tool "$db" - delete 2 2>>"$tmp/err" && tool "$db" "$base" list | grep -qv "El remitente" &&
[ "$(tool "$db" "$base" list | wc -l)" = 1 ]
tap_result $? "delete: the note leaves the list"
out=$(tool "$tmp/none.db" "$base" list 2>&1); rc=$?
[ $rc = 0 ] && [ -z "$out" ] && [ ! -e "$tmp/none.db" ] &&
: >"$tmp/empty.db" && out=$(tool "$tmp/empty.db" "$base" list 2>&1) && [ -z "$out" ] &&
[ ! -s "$tmp/empty.db" ]
tap_result $? "list without a database, or with an empty file: nothing, exit 0, nothing written"
tool "$tmp/nodb.db" - delete 3 2>"$tmp/msg"; rc=$?
[ $rc = 1 ] && grep -q "no note 3" "$tmp/msg" && [ ! -e "$tmp/nodb.db" ]
tap_result $? "delete without a database: no such note, exit 1, no file created"
printf 'mis notas\n' >"$tmp/text.db"
cp "$tmp/text.db" "$tmp/text.orig"
tool "$tmp/text.db" "$base" list >/dev/null 2>"$tmp/msg"; rc1=$?
tool "$tmp/text.db" "$base" add annex1/decl/p8 x >/dev/null 2>>"$tmp/msg"; rc2=$?
[ $rc1 = 1 ] && [ $rc2 = 1 ] && grep -q "not an SQLite database" "$tmp/msg" && cmp -s "$tmp/text.db" "$tmp/text.orig"
tap_result $? "a text file as database: exit 1, clear message, file untouched"
# An orphan is listed by its quote, with no citation or path: its old
# ones ("Anexo, párr. 3", annex1/decl/p3) now name another clause
tool "$tmp/o.db" "$base" add annex1/decl/p3 'sobre el párrafo 3' >/dev/null 2>>"$tmp/err"
tool "$tmp/o.db" "$data/removed.txt" list 2>>"$tmp/err" | cut -f2- >"$tmp/o.list"
tool "$tmp/o.db" "$data/removed.txt" export md 2>>"$tmp/err" >"$tmp/o.md"
cut -f2- "$tmp/o.list" >"$tmp/o.rest"
cut -f1 "$tmp/o.list" | grep -q '^orphan' &&
printf '“Al mismo tiempo, les preocupa el uso de las tecnologías…”\t—\tsobre el párrafo 3\n' |
cmp -s - "$tmp/o.rest" &&
grep -q '^## Not found in this version$' "$tmp/o.md" &&
grep -q '^\*Status:\* orphan[ 0-9.]* · \*Path:\* annex1/decl/p3 (where it was) · ' "$tmp/o.md" &&
! grep -q 'Anexo, párr. 3' "$tmp/o.list" "$tmp/o.md"
tap_result $? "an orphan lists and exports by its quote, not its old citation ($(cat "$tmp/o.list"))"
# Tags already written as #words on the note's first line are not repeated
tool "$tmp/tags.db" "$base" add annex1/decl/p3 "$(printf 'sel #x, (#ño) #xy\nmás #y')" x ño xy y z >/dev/null 2>>"$tmp/err"
tool "$tmp/tags.db" "$base" list 2>>"$tmp/err" | cut -f5 >"$tmp/tags"
printf 'sel #x, (#ño) #xy #y #z\n' | cmp -s - "$tmp/tags"
tap_result $? "list: tags not already #words of the first line follow it, once ($(cat "$tmp/tags"))"
# Importing onto another document (neither fingerprint nor key match)
other=$top_srcdir/tests/data/parse/corpus/en_A_C.1_80_L.20.txt
tool "$tmp/x.db" "$other" import "$tmp/json" >"$tmp/out" 2>"$tmp/msg"; rc=$?
[ $rc = 1 ] && [ ! -s "$tmp/out" ] && [ ! -e "$tmp/x.db" ] &&
grep -q "json: 2 of 2 notes were made on another document (“Carta de fecha 22 de diciembre de 2020 [^)]*” in Spanish), not on this one (A/C.1/80/L.20 in English); here they would be ok 0, moved 0, fuzzy 0, orphan 2; nothing was imported (--force imports them anyway)$" "$tmp/msg"
tap_result $? "import onto another document: refused, exit 1, counts on stderr, no database created ($(cat "$tmp/msg"))"
cp "$tmp/copy.db" "$tmp/copy.before"
tool "$tmp/copy.db" "$other" import "$tmp/json" >/dev/null 2>&1; rc=$?
[ $rc = 1 ] && [ "$(tool "$tmp/copy.db" - check)" = "integrity ok, 2 notes" ]
tap_result $? "refused onto another document: an existing database keeps its notes"
out=$(tool "$tmp/x.db" "$other" import-force "$tmp/json" 2>"$tmp/msg"); rc=$?
[ $rc = 0 ] &&
[ "$out" = "imported 2 notes (ok 0, moved 0, fuzzy 0, orphan 2); 0 already present; 0 rejected" ] &&
grep -q "^lectern: warning: .*json: 2 of 2 notes were made on another document (“Carta de fecha 22 de diciembre de 2020 [^)]*” in Spanish), not on this one (A/C.1/80/L.20 in English); here they are ok 0, moved 0, fuzzy 0, orphan 2; imported anyway (--force)$" "$tmp/msg"
tap_result $? "--force imports them, with the warning ($out)"
sed '/"urn:lectern:document-key"/d' "$tmp/e.json" >"$tmp/nokey.json"
tool "$tmp/nk.db" "$data/rewrapped.txt" import "$tmp/nokey.json" >/dev/null 2>&1; rc1=$?
tool "$tmp/nk.db" "$data/edited.txt" import "$tmp/nokey.json" >/dev/null 2>"$tmp/msg"; rc2=$?
[ $rc1 = 0 ] && [ $rc2 = 1 ] && grep -q "(fp1:[0-9a-f]*), not on this one" "$tmp/msg"
tap_result $? "a file without the key: the same fingerprint is this document, another one is not"
printf '[{"type": "Annotation", "id": "urn:uuid:00000000-0000-4000-8000-000000000001", "bodyValue": "otra herramienta", "target": {"source": "https://example.org/doc", "selector": {"type": "TextQuoteSelector", "exact": "ciberespacio"}}}]\n' >"$tmp/foreign.json"
out=$(tool "$tmp/f.db" "$other" import "$tmp/foreign.json" 2>"$tmp/msg"); rc=$?
[ $rc = 0 ] && [ ! -s "$tmp/msg" ] && case $out in "imported 1 note "*) true;; *) false;; esac
tap_result $? "an annotation naming no lectern document is not checked ($out)"
# An id already stored for another document: a new id, not "already present"
tool "$tmp/two.db" "$base" add annex1/decl/p8 'nota de la declaración' >/dev/null 2>>"$tmp/err"
tool "$tmp/two.db" "$base" export json >"$tmp/two.json" 2>>"$tmp/err"
out=$(tool "$tmp/two.db" "$other" import-force "$tmp/two.json" 2>/dev/null)
[ "$out" = "imported 1 note (ok 0, moved 0, fuzzy 0, orphan 1); 0 already present; 0 rejected; 1 with a new id (theirs is a note of another document)" ] &&
[ "$(tool "$tmp/two.db" "$other" list | wc -l)" = 1 ] &&
[ "$(tool "$tmp/two.db" "$base" list | wc -l)" = 1 ]
tap_result $? "an id stored for another document: imported with a new id ($out)"
out=$(tool "$tmp/two.db" "$other" import-force "$tmp/two.json" 2>"$tmp/msg")
[ "$out" = "imported 0 notes (ok 0, moved 0, fuzzy 0, orphan 0); 1 already present; 0 rejected" ] &&
[ ! -s "$tmp/msg" ]
tap_result $? "importing it there again adds nothing, and warns of nothing ($out)"
tool "$tmp/two.db" "$other" export json >"$tmp/two-other.json" 2>>"$tmp/err"
uid1=$(grep -m1 '"id": "urn:uuid:' "$tmp/two.json")
uid2=$(grep -m1 '"id": "urn:uuid:' "$tmp/two-other.json")
out=$(tool "$tmp/two.db" "$base" import "$tmp/two.json" 2>&1)
[ -n "$uid1" ] && [ "$uid1" != "$uid2" ] &&
[ "$out" = "imported 0 notes (ok 0, moved 0, fuzzy 0, orphan 0); 1 already present; 0 rejected" ]
tap_result $? "the two notes keep distinct ids; the original stays present for its own document"
# Control characters from a JSON file never reach the terminal
printf '[{"type":"Annotation","id":"urn:uuid:00000000-0000-4000-8000-0000000000e1","created":"2020\\u001b[2J","bodyValue":"peligro \\u001b]0;t\\u0007 \\u202e fin\\nsegunda","body":[{"type":"TextualBody","purpose":"tagging","value":"t\\u001bx"}],"target":{"source":"urn:lectern:fp1:00","urn:lectern:document-key":"k\\u001b[31m","selector":[{"type":"TextQuoteSelector","exact":"ciberespacio"},{"type":"FragmentSelector","conformsTo":"urn:lectern:node-path","value":"p\\u001b[1m"}]}}]\n' >"$tmp/esc.json"
unsafe() { LC_ALL=C grep -q "$(printf '\033')\|$(printf '\007')\|$(printf '\342\200\256')" "$@"; }
tool "$tmp/esc.db" "$base" import "$tmp/esc.json" >/dev/null 2>"$tmp/esc.msg"
tool "$tmp/esc.db" "$base" import-force "$tmp/esc.json" >/dev/null 2>>"$tmp/esc.msg"
! unsafe "$tmp/esc.msg" && grep -q "another document (k␛\[31m)" "$tmp/esc.msg" &&
[ "$(grep -c . "$tmp/esc.msg")" = 2 ]
tap_result $? "import messages show a document key's control characters visibly"
tool "$tmp/esc.db" "$base" list >"$tmp/esc.list" 2>>"$tmp/err"
tool "$tmp/esc.db" "$base" export md >"$tmp/esc.md" 2>>"$tmp/err"
! unsafe "$tmp/esc.list" "$tmp/esc.md" && grep -q "	peligro ␛]0;t␇ .* fin #t␛x$" "$tmp/esc.list" &&
grep -q '^segunda$' "$tmp/esc.md" && grep -q 'Created:\* 2020␛\[2J' "$tmp/esc.md"
tap_result $? "--notes and Markdown show an imported note's control characters visibly, lines kept"
# The same functions through the lectern binary (main.c's options)
L=${LECTERN:-${top_builddir:-.}/lectern}
ldb=$tmp/lectern.db
out=$("$L" --notes-db "$ldb" --note-add 'annex1/decl/p8@ámbito' --text 'vía lectern' --tag x "$base" 2>>"$tmp/err")
[ "$out" = 1 ]; tap_result $? "lectern --note-add prints the id"
"$L" --notes-db "$ldb" --notes "$base" 2>>"$tmp/err" |
grep -q "^1	ok	Anexo, párr. 8	annex1/decl/p8	vía lectern #x$"
tap_result $? "lectern --notes lists it"
"$L" --notes-db "$ldb" --notes-export=json "$base" >"$tmp/l.json" 2>>"$tmp/err"
out=$("$L" --notes-db "$tmp/l2.db" --notes-import="$tmp/l.json" "$data/rewrapped.txt" 2>>"$tmp/err")
[ "$out" = "imported 1 note (ok 1, moved 0, fuzzy 0, orphan 0); 0 already present; 0 rejected" ]
tap_result $? "lectern --notes-export=json, then --notes-import on the rewrapped copy: ok"
out=$("$L" --notes-db "$tmp/l2.db" --notes-import="$tmp/l.json" "$base" 2>>"$tmp/err")
[ "$out" = "imported 0 notes (ok 0, moved 0, fuzzy 0, orphan 0); 1 already present; 0 rejected" ]
tap_result $? "lectern --notes-import twice adds nothing"
"$L" --notes-db "$tmp/l3.db" --notes-import="$tmp/l.json" "$other" >"$tmp/out" 2>"$tmp/msg"; rc=$?
[ $rc = 1 ] && [ ! -s "$tmp/out" ] && [ ! -e "$tmp/l3.db" ] &&
grep -q "^lectern: .*l.json: 1 of 1 note was made on another document (.*); here they would be ok 0, moved 0, fuzzy 0, orphan 1; nothing was imported" "$tmp/msg"
tap_result $? "lectern --notes-import onto another document: exit 1, said on stderr, nothing written"
# Bodies: a TextualBody object gives its value; a body that is not text
# (another type, a link) refuses its annotation, said, never an empty note.
printf '[{"type": "Annotation", "id": "urn:uuid:00000000-0000-4000-8000-0000000000b1", "body": {"type": "TextualBody", "value": "cuerpo objeto"}, "target": {"selector": {"type": "TextQuoteSelector", "exact": "ciberespacio"}}}, {"type": "Annotation", "body": [{"type": "TextualBody", "value": "texto"}, {"type": "SpecificResource", "source": "https://example.org/x"}], "target": {"selector": {"type": "TextQuoteSelector", "exact": "ciberespacio"}}}, {"type": "Annotation", "body": "https://example.org/comentario", "target": {"selector": {"type": "TextQuoteSelector", "exact": "ciberespacio"}}}, {"type": "Annotation", "body": {"type": "TextualBody", "value": 7}, "target": {"selector": {"type": "TextQuoteSelector", "exact": "ciberespacio"}}}]\n' >"$tmp/bodies.json"
out=$(tool "$tmp/b.db" "$base" import "$tmp/bodies.json" 2>"$tmp/msg"); rc=$?
[ $rc = 0 ] && case $out in "imported 1 note "*"; 3 rejected") true ;; *) false ;; esac &&
tool "$tmp/b.db" "$base" list 2>>"$tmp/err" | cut -f5 | grep -qx 'cuerpo objeto'
tap_result $? "a TextualBody object imports as the note's text ($out)"
grep -q '^lectern: .*bodies.json: annotation 2 skipped: its body 2 is not text (SpecificResource)' "$tmp/msg" &&
grep -q '^lectern: .*bodies.json: annotation 3 skipped: its body is not text (a resource named by its IRI)' "$tmp/msg" &&
grep -q '^lectern: .*bodies.json: annotation 4 skipped: its body is not text (a TextualBody without a text value)' "$tmp/msg" &&
[ "$(grep -c . "$tmp/msg")" = 3 ]
tap_result $? "bodies that are not text: each annotation refused and named ($(tr '\n' '|' <"$tmp/msg"))"
# The import file: a regular file (a FIFO is refused at once, never read),
# JSON without duplicate keys.
mkfifo "$tmp/fifo"
out=$(timeout 10 "$L" --notes-db "$tmp/f.db" --notes-import="$tmp/fifo" "$base" 2>"$tmp/msg"); rc=$?
[ $rc = 1 ] && [ -z "$out" ] && grep -q "^lectern: .*fifo: is .*, not a regular file" "$tmp/msg"
tap_result $? "a FIFO to import is refused at once ($(cat "$tmp/msg"))"
printf '{"type": "Annotation", "type": "Annotation", "bodyValue": "x", "target": {"selector": {"type": "TextQuoteSelector", "exact": "ciberespacio"}}}\n' >"$tmp/dup.json"
out=$("$L" --notes-db "$tmp/d.db" --notes-import="$tmp/dup.json" "$base" 2>"$tmp/msg"); rc=$?
[ $rc = 1 ] && [ -z "$out" ] && grep -q "^lectern: .*dup.json:1:.*duplicate" "$tmp/msg" && [ ! -e "$tmp/d.db" ]
tap_result $? "a JSON file with a duplicate key is refused, line named ($(cat "$tmp/msg"))"
head -c $((64 * 1048576 + 1)) /dev/zero | tr '\0' ' ' >"$tmp/big.json"
out=$("$L" --notes-db "$tmp/d.db" --notes-import="$tmp/big.json" "$base" 2>"$tmp/msg"); rc=$?
[ $rc = 1 ] && [ -z "$out" ] && grep -q "^lectern: .*big.json: too large (over 64 MiB)" "$tmp/msg"
tap_result $? "a file over 64 MiB is refused ($(cat "$tmp/msg"))"
tap_diag_files "$tmp/err"
tap_done
