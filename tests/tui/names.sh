#!/bin/sh
# Names under src/ui/: every function or object a ui object file exports
# starts with its file's name (notes_panel.c exports notes_panel_*), as
# nm -g --defined-only shows them. Run from the build tree after make.
echo "1..2"
objs=$(ls src/ui/lectern-*.o 2>/dev/null)
if [ -z "$objs" ]; then
	echo "not ok 1 - the ui objects are built (src/ui/lectern-*.o)"
	echo "not ok 2 - exported names carry their file's prefix # not checked"
	exit 1
fi
echo "ok 1 - the ui objects are built ($(echo $objs | wc -w) files)"
bad=$(for o in $objs; do
	f=${o##*/lectern-}
	f=${f%.o}
	nm -g --defined-only "$o" | awk -v f="$f" 'NF == 3 && index($3, f "_") != 1 && $3 != f { print f ".c: " $3 }'
done)
if [ -z "$bad" ]; then
	echo "ok 2 - exported names carry their file's prefix"
else
	echo "$bad" | sed 's/^/# /'
	echo "not ok 2 - exported names carry their file's prefix"
	exit 1
fi
