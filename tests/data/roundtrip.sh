#!/bin/sh
# roundtrip.sh -- `reportgen convert` YAML <-> XML keeps the model: for every
# file in input/, converting to the other syntax and back gives the same
# data dump (positions aside).
. "$(dirname "$0")/../lib.sh"
printf '# dump\n\n{{ meta.title }}\n' > "$tmp/t.md"
dump() {
	"$bin" render -t "$tmp/t.md" -d "$1" --dump=data | sed 's/ @[^ ]*$//'
}
for f in input/*.yaml input/*.xml; do
	name=${f##*/}
	case $f in
	*.yaml) other=xml ;;
	*.xml) other=yaml ;;
	esac
	ext=${f##*.}
	if "$bin" convert "$f" "$tmp/$name.$other" &&
	    "$bin" convert "$tmp/$name.$other" "$tmp/back.$name.$ext" &&
	    "$bin" check "$tmp/$name.$other" &&
	    dump "$f" > "$tmp/a" && dump "$tmp/$name.$other" > "$tmp/b" &&
	    dump "$tmp/back.$name.$ext" > "$tmp/c" &&
	    cmp -s "$tmp/a" "$tmp/b" && cmp -s "$tmp/a" "$tmp/c" && [ -s "$tmp/a" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL $f: $(diff "$tmp/a" "$tmp/b" | head -5)"
		fail=$((fail + 1))
	fi
done
echo "roundtrip: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
