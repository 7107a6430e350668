#!/bin/sh
# The JSON-LD notes export against the official W3C Web Annotation
# conformance assertions (the web-platform-tests annotation-model suite and
# its offline runner, run.py), on notes of the bundled document: several
# notes, tags given with --tag and typed as #words, an orphan imported from
# another tool. Every MUST passes, for the collection and for each
# annotation taken alone; the ids of the collection and its page are stable.
#
# Needs python3 with the jsonschema module (Debian: python3-jsonschema,
# which ./bootstrap installs) and the suite: $W3C_ANNOTATION_TESTS, else
# shared/w3c-annotation-tests beside the project ($top_srcdir/../shared,
# or beside a parent folder: make distcheck and CI build from a copy inside
# the project). When one is missing the test FAILS, saying what is missing:
# a conformance check that did not run is not a pass.
top_srcdir=${top_srcdir:-.}
L=${LECTERN:-./lectern}
n=0
t() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
missing() { echo "1..1"; echo "not ok 1 - $1"; exit 1; }

command -v python3 >/dev/null 2>&1 ||
	missing "python3 not found: the W3C conformance check needs python3 and python3-jsonschema (./bootstrap installs them)"
python3 -c 'import jsonschema' 2>/dev/null ||
	missing "python3 has no jsonschema module: apt-get install python3-jsonschema (./bootstrap installs it)"
suite=${W3C_ANNOTATION_TESTS:-}
if [ -z "$suite" ]; then
	d=$(cd "$top_srcdir" && pwd)
	while :; do
		[ -f "$d/../shared/w3c-annotation-tests/run.py" ] && {
			suite=$(cd "$d/../shared/w3c-annotation-tests" && pwd)
			break
		}
		[ "$d" = / ] && break
		d=$(dirname "$d")
	done
fi
[ -n "$suite" ] && [ -f "$suite/run.py" ] ||
	missing "the W3C annotation tests are not in ${W3C_ANNOTATION_TESTS:-$top_srcdir/../shared/w3c-annotation-tests} (nor beside a parent folder; set W3C_ANNOTATION_TESTS)"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
doc=$top_srcdir/data/cis-declaration-2020.txt
db=$tmp/notes.db
w3c() { python3 "$suite/run.py" "$@" "$suite" "$tmp/run.json"; }
# py FILE EXPR...: python3 with the export loaded as c (the collection)
# and its annotations as a; prints what the code prints.
py() {
	f=$1
	shift
	python3 -c "import json, sys
c = json.load(open(sys.argv[1], encoding='utf-8'))
a = c['first']['items']
$*" "$f"
}

echo "1..12"
"$L" --notes-db="$db" --note-add=annex1/decl/p8 --text='Comparar con A/74/896 #urgente' \
	--tag=ciber --tag=pregunta "$doc" >/dev/null 2>"$tmp/err" &&
"$L" --notes-db="$db" --note-add='letter@Uzbekistán' --text='El remitente' "$doc" >/dev/null 2>>"$tmp/err" &&
"$L" --notes-db="$db" --note-add=annex1/decl/p5 --text="$(printf 'sobre el párrafo 5\nver (#Cooperación) y #ciber')" \
	"$doc" >/dev/null 2>>"$tmp/err"
r1=$?
printf '[{"type": "Annotation", "bodyValue": "de otra herramienta", "created": "2026-01-02T03:04:05Z", "target": {"source": "https://example.org/doc", "selector": {"type": "TextQuoteSelector", "exact": "una frase que el documento no tiene"}}}]\n' >"$tmp/foreign.json"
out=$("$L" --notes-db="$db" --notes-import="$tmp/foreign.json" "$doc" 2>>"$tmp/err")
[ $r1 = 0 ] && case $out in "imported 1 note "*"orphan 1)"*) true ;; *) false ;; esac
t $? "three notes added and an orphan imported ($out$(cat "$tmp/err"))"
nnotes=4

"$L" --notes-db="$db" --notes-export=json "$doc" >"$tmp/export.json" 2>"$tmp/err"
t $? "--notes-export=json$(cat "$tmp/err")"

cp "$tmp/export.json" "$tmp/run.json"
w3c >"$tmp/w3c.out" 2>&1; rc=$?
sum=$(tail -n 1 "$tmp/w3c.out")
[ $rc = 0 ] && case $sum in "w3c annotation: $nnotes annotations, "*", 0 failed, "*) true ;; *) false ;; esac
t $? "the W3C suite: every MUST passes for the collection, its page and each annotation ($sum)"
[ $rc = 0 ] || sed 's/^/# /' "$tmp/w3c.out"

w3c --no-inherit-context >"$tmp/w3c.out" 2>&1; rc=$?
sum=$(tail -n 1 "$tmp/w3c.out")
[ $rc = 0 ] && case $sum in *", 0 failed, "*) true ;; *) false ;; esac
t $? "each annotation passes without the collection's @context ($sum)"

# One annotation copied out of the collection is a whole annotation.
py "$tmp/export.json" "json.dump(a[0], open(sys.argv[1] + '.one', 'w'))"
cp "$tmp/export.json.one" "$tmp/run.json"
w3c >"$tmp/w3c.out" 2>&1; rc=$?
sum=$(tail -n 1 "$tmp/w3c.out")
[ $rc = 0 ] && case $sum in "w3c annotation: 1 annotations, "*", 0 failed, "*) true ;; *) false ;; esac
t $? "one annotation alone passes ($sum)"

# The runner is not blind: the collection without its id fails, named.
py "$tmp/export.json" "del c['id']; json.dump(c, open(sys.argv[1] + '.noid', 'w'))"
cp "$tmp/export.json.noid" "$tmp/run.json"
w3c >"$tmp/w3c.out" 2>&1; rc=$?
[ $rc = 1 ] && grep -q '^FAIL .*collectionIdValidated' "$tmp/w3c.out"
t $? "control: a collection without id fails the suite"

version=$("$L" --version | sed 's/^lectern //')
got=$(py "$tmp/export.json" "print(sorted({json.dumps(x.get('generator'), sort_keys=True) for x in a}))")
want=$(python3 -c "import json; print(sorted({json.dumps({'id': 'urn:lectern:software:$version', 'type': 'Software', 'name': 'lectern $version', 'nickname': 'lectern'}, sort_keys=True)}))")
[ "$got" = "$want" ]
t $? "every annotation names its generator: lectern $version ($got)"

# tags of the note whose text starts with $1, sorted, one line
tags() {
	py "$tmp/export.json" "print(' '.join(sorted(b['value'] for x in a
	    if any(b.get('purpose') == 'commenting' and b['value'].startswith('$1') for b in x['body'])
	    for b in x['body'] if b.get('purpose') == 'tagging')))"
}
got1=$(tags Comparar) got2=$(tags sobre)
[ "$got1" = "ciber pregunta urgente" ] && [ "$got2" = "Cooperación ciber" ]
t $? "a tagging body for every tag: --tag ones and #tags typed in the text, once each ($got1 | $got2)"

got=$(py "$tmp/export.json" "print(all(x.get('@context') == 'http://www.w3.org/ns/anno.jsonld' and x.get('created') and x.get('modified') for x in a), len(a))")
[ "$got" = "True $nnotes" ]
t $? "each annotation has its own @context, created and modified ($got)"

got=$(py "$tmp/export.json" "print(sum(s.get('exact') == 'una frase que el documento no tiene' for x in a for s in x['target']['selector']))")
[ "$got" = 1 ]
t $? "the orphan is exported by its quote"

# Ids: urn:uuid, the same after another note is added; another document's
# differ.
ids() { py "$1" "print(c['id'], c['first']['id'], c['first']['partOf'], c['last'])"; }
ids1=$(ids "$tmp/export.json")
"$L" --notes-db="$db" --note-add=annex1/decl/p3 --text='otra' "$doc" >/dev/null 2>&1
"$L" --notes-db="$db" --notes-export=json "$doc" >"$tmp/export2.json" 2>/dev/null
ids2=$(ids "$tmp/export2.json")
set -- $ids1
[ "$ids1" = "$ids2" ] && [ "$1" = "$3" ] && [ "$2" = "$4" ] && [ "$1" != "$2" ] &&
	echo "$1 $2" | grep -Eq '^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} urn:uuid:[0-9a-f-]{36}$'
t $? "collection and page ids: urn:uuid, partOf and last name them, the same at the next export ($ids1)"
"$L" --notes-db="$db" --notes-export=json "$top_srcdir/tests/data/notes/A_C.1_80_L.20.txt" >"$tmp/other.json" 2>/dev/null
cp "$tmp/other.json" "$tmp/run.json"
w3c >"$tmp/w3c.out" 2>&1; rc=$?
ids3=$(ids "$tmp/other.json")
set -- $ids3
[ $rc = 0 ] && [ "$ids3" != "$ids1" ] && case $ids1 in "$1 "*) false ;; *) true ;; esac
t $? "another document's (empty) collection has other ids and passes too ($ids3)"
