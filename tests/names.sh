#!/bin/sh
# Names: every global symbol an object under src/ defines starts with its
# file's name (lines.c exports lines_*, notes_panel.c notes_panel_*), as
# nm -g --defined-only shows them; main is the program's entry. The objects
# are the ones the Makefile builds (am_libcore_a_OBJECTS, am_lectern_OBJECTS),
# never a listing of the directory: a stale object of a removed or renamed
# source would otherwise be judged. Run from the build tree after make.
#
# Exceptions, one conventional family each (keep this list tiny):
#   xmalloc.c: the allocation wrappers xmalloc, xcalloc, xrealloc, xgrow,
#   xstrdup, xstrndup, xasprintf (tmux's xmalloc.c names them the same way).
top_builddir=${top_builddir:-.}
mk=$top_builddir/Makefile
echo "1..2"
objs=
if [ -r "$mk" ]; then
	objs=$(awk '
		/^am_(lectern|libcore_a)_OBJECTS = / { on = 1 }
		on {
			line = $0
			cont = sub(/\\$/, "", line)
			n = split(line, w, /[ \t]+/)
			for (i = 1; i <= n; i++)
				if (w[i] ~ /\.\$\(OBJEXT\)$/) {
					sub(/\.\$\(OBJEXT\)$/, ".o", w[i])
					print w[i]
				}
			if (!cont)
				on = 0
		}' "$mk")
fi
missing=
for o in $objs; do
	[ -f "$top_builddir/$o" ] || missing="$missing $o"
done
if [ -z "$objs" ] || [ -n "$missing" ]; then
	echo "# missing:$missing"
	echo "not ok 1 - the objects the Makefile lists are built"
	echo "not ok 2 - exported names carry their file's prefix # not checked"
	exit 1
fi
echo "ok 1 - the objects the Makefile lists are built ($(echo $objs | wc -w) files)"
bad=$(for o in $objs; do
	f=${o##*/}
	f=${f#*-}
	f=${f%.o}
	nm -g --defined-only "$top_builddir/$o" | awk -v f="$f" -v o="$o" '
		NF == 3 {
			s = $3
			# the compiler'"'"'s own (AddressSanitizer: __odr_asan.NAME)
			if (s ~ /^__/)
				next
			if (index(s, f "_") == 1 || s == f)
				next
			if (s == "main" && f == "main")
				next
			if (f == "xmalloc" && s ~ /^x(malloc|calloc|realloc|grow|strdup|strndup|asprintf)$/)
				next
			print o ": " s
		}'
done)
if [ -z "$bad" ]; then
	echo "ok 2 - exported names carry their file's prefix"
else
	echo "$bad" | sed 's/^/# /'
	echo "# $(echo "$bad" | wc -l) names"
	echo "not ok 2 - exported names carry their file's prefix"
	exit 1
fi
