#!/bin/sh
# template_spec.sh -- the executable spec of the template language:
# tests/spec/templates.md holds prose and examples in cmark's style (a
# template, a line ".", the expected --dump=doc of it rendered with
# tests/spec/data.yaml: positions, the meta lines and the document line
# left out, and messages included as example.md:LINE:COL).  Every example
# must give exactly its expected output.
. "$(dirname "$0")/../lib.sh"
case $bin in /*) ;; *) bin=$top/$bin ;; esac
spec=tests/spec/templates.md
data=$top/tests/spec/data.yaml
mkdir -p "$tmp/ex"
n=$(awk -v out="$tmp/ex" '
	/^```````````````````````````````` example/ { n++; part = "md"; f = sprintf("%s/%03d.md", out, n); printf "" > f; next }
	part == "md" && /^\.$/ { close(f); part = "want"; f = sprintf("%s/%03d.want", out, n); printf "" > f; next }
	part != "" && /^````````````````````````````````$/ { close(f); part = ""; next }
	part != "" { print > f }
	END { print n + 0 }' "$spec")
[ "$n" -ge 20 ] && ok || bad spec "only $n examples in $spec"
cd "$tmp/ex" || exit 1
for md in *.md; do
	k=${md%.md}
	cp "$md" example.md
	"$bin" render -t example.md -d "$data" --dump=doc > "$k.out" 2>&1
	sed -e 's/ @[^ ]*$//' -e '/^meta /d' -e '/^document$/d' -e 's/^  //' \
	    -e "s|$data|data.yaml|g" "$k.out" > "$k.got"
	if cmp -s "$k.got" "$k.want"; then
		ok
	else
		bad "example $k" "$(sed -n 1,3p "$md" | tr '\n' ' ')"
		diff "$k.want" "$k.got" | head -20
	fi
done
echo "template_spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
