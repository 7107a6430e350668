#!/bin/sh
# The conservation rule over every corpus document and every golden
# outline input (tests/golden/conservation.c): each word of the source is
# in the text or in meta.furniture. Prints TAP and the words lost per document; run
# `tests/golden/conservation -v FILE` to list every word lost.
dir="${top_srcdir:-.}/tests/data/parse/corpus"
exec ./tests/golden/conservation "$dir"/*.txt "${top_srcdir:-.}"/tests/golden/outline/*.txt
