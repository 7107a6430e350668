#!/bin/sh
# variant.sh: one document in another shape, as users get UN documents
# (issue 9, §2). Used by metamorphic.sh; also by hand, to look at a
# variant:   tests/metamorphic/variant.sh VARIANT IN OUT [SYMBOL]
#
#   original    the file as it is
#   flat        every line break (and form feed) replaced by a space: the
#               whole document on one line, as copied from a web page or a
#               PDF viewer
#   para-lines  one line per paragraph, blank lines between: a converter's
#               reflow (wrapped lines joined with single spaces; see
#               paragraphs below)
#   rewrap60    the same paragraphs re-wrapped at 60 characters
#   redump      lectern's own `--dump -w 10000` output ($LECTERN)
#   crlf        CRLF line ends
#   cp1252      Windows-1252 (exit 3 when the document has characters
#               that code page lacks: the variant does not apply)
#   utf16       UTF-16LE with a byte order mark
#   chrome      a hosting site's navigation and file lines at the top and
#               its counters at the end
#   pages       a page break every 50 lines: footer with job number and
#               barcode, form feed, running header (SYMBOL, default
#               A/80/999) and "Page N"
# Exit 0 when OUT was made, 3 when the variant does not apply, 1 on error.
# Lines are bytes to awk (LC_ALL=C): the 60 of rewrap60 counts UTF-8
# characters by skipping continuation bytes.
LC_ALL=C
export LC_ALL
variant=$1
in=$2
out=$3
symbol=${4:-A/80/999}
lectern="${LECTERN:-./lectern}"

# Paragraphs, one a line, with a blank line between (no trailing blanks).
# As a converter reflows: a line is joined to the one before it only when
# that one was wrapped (it reaches 3/4 of the document's typical width, the
# 80th percentile of line lengths); a blank line, a short line (a masthead,
# a heading, a page header) or a line that starts with a paragraph number
# ends the paragraph.
paragraphs() {
	tr '\f\r' '\n\n' <"$in" >"$out.lines"
	awk '
		function cols(s, t) { t = s; return length(s) - gsub(/[\200-\277]/, "", t) }
		function flush() { if (p != "") { print sep p; sep = "\n"; p = "" } }
		NR == FNR { if ($0 !~ /^[ \t]*$/) w[++nw] = cols($0); next }
		FNR == 1 {
			# typical width: the 80th percentile
			for (i = 2; i <= nw; i++) { x = w[i]; for (j = i - 1; j >= 1 && w[j] > x; j--) w[j + 1] = w[j]; w[j + 1] = x }
			full = nw ? w[int(nw * 0.8) + (nw * 0.8 > int(nw * 0.8))] * 3 / 4 : 60
		}
		/^[ \t]*$/ { flush(); next }
		/^[ \t]*([0-9]+\.|[IVXLC]+\.|[A-Z]\.|\([a-z]+\)|\([0-9]+\))[ \t]/ { flush() }
		!wrapped { flush() }
		{
			sub(/^[ \t]+/, ""); sub(/[ \t]+$/, "")
			p = (p == "") ? $0 : p " " $0
			wrapped = cols($0) >= full
		}
		END { flush() }' "$out.lines" "$out.lines"
	rm -f "$out.lines"
}

case $variant in
original)
	cp "$in" "$out" ;;
flat)
	tr '\n\r\f' '   ' <"$in" >"$out" ;;
para-lines)
	paragraphs >"$out" ;;
rewrap60)
	paragraphs | awk '
		function cols(s, t) { t = s; return length(s) - gsub(/[\200-\277]/, "", t) }
		/^$/ { print; next }
		{
			n = split($0, w, " "); line = ""; width = 0
			for (i = 1; i <= n; i++) {
				c = cols(w[i])
				if (line != "" && width + 1 + c > 60) { print line; line = ""; width = 0 }
				if (line == "") { line = w[i]; width = c }
				else { line = line " " w[i]; width += 1 + c }
			}
			if (line != "") print line
		}' >"$out" ;;
redump)
	"$lectern" --dump -w 10000 "$in" >"$out" ;;
crlf)
	awk '{ printf "%s\r\n", $0 }' <"$in" >"$out" ;;
cp1252)
	iconv -f UTF-8 -t WINDOWS-1252 <"$in" >"$out" 2>/dev/null || { rm -f "$out"; exit 3; } ;;
utf16)
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE <"$in"; } >"$out" ;;
chrome)
	{
		printf 'Home \342\200\272 Documents \342\200\272 Search \342\200\272 Log in\n'
		printf 'Pages: 12 \302\267 Format: PDF \302\267 Size: 1.0 MB\n\n'
		cat "$in"
		printf '\n1,234 views \302\267 56 downloads\n'
	} >"$out" ;;
pages)
	awk -v sym="$symbol" '
		{ print }
		NR % 50 == 0 {
			page++
			print ""
			print "25-14304 (E) 081025"
			print "*2514304*"
			printf "\f%s\n", sym
			print "Page " (page + 1)
			print ""
		}' <"$in" >"$out" ;;
*)
	echo "variant.sh: unknown variant '$variant'" >&2
	exit 1 ;;
esac
