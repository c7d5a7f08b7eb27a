#!/bin/sh
# commonmark.sh -- every example of the CommonMark spec as the body of a
# template of its own (one document per example, behind a front matter
# title): reportgen render exits 0 with no error (warnings are fine), and
# the PDF passes qpdf --check.  A few examples hold characters that no
# configured font has (Malayalam, Kannada, U+1E2FF...): they render with
# --allow-missing-glyphs, which makes those a warning.  Raw HTML is never interpreted: it is shown
# as text with a warning.  An example of a paragraph of only an image names a file that
# does not exist (/url, train.jpg): a figure (docs/templates.md), so its one right outcome is
# exit 2 with only "cannot read image ...: No such file or directory [image]" errors.  The spec is shared/testdata/commonmark/spec.txt
# beside the repository; without it the test fails.
#   REPORTGEN  the binary (default build/reportgen)
#   JOBS       renders run at once (default 2)
. "$(dirname "$0")/../lib.sh"
spec="$(git rev-parse --show-toplevel 2>/dev/null || echo "$top")/../shared/testdata/commonmark/spec.txt"
if [ ! -f "$spec" ]; then
	echo "commonmark.sh: FAIL: the CommonMark spec is missing: $spec" >&2
	echo "commonmark: 0 passed, 1 failed"
	exit 1
fi
bad() { echo "FAIL $1: $2"; fail=$((fail + 1)); }
data=input/songxian-2024.yaml
start=$(date +%s)

n=$(sh tools/spec-examples.sh "$spec" "$tmp/ex") || exit 1
if [ "${n:-0}" -lt 600 ]; then
	bad spec "only ${n:-0} examples found in $spec"
fi
# each example as the body of a template; its own front matter, so an
# example that starts with "---" stays Markdown
for f in "$tmp"/ex/*.md; do
	name=${f##*/}
	name=${name%.md}
	{ printf -- '---\ntitle: CommonMark example %s\n---\n' "$name"; cat "$f"; } > "$tmp/$name.md"
done

# render and check each; one status line per example in $tmp/NNN.status
cat > "$tmp/one.sh" <<'EOS'
for name in "$@"; do
	t=$TMPD/$name
	$BIN render -t "$t.md" -d "$DATA" -o "$t.pdf" --allow-missing-glyphs > /dev/null 2> "$t.err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q 'error:' "$t.err" &&
	    ! grep 'error:' "$t.err" | grep -qv "error: cannot read image '.*': No such file or directory \[image\]$"; then
		echo ok > "$t.status"
	elif [ "$rc" -ne 0 ]; then
		echo "render failed (exit $rc): $(head -3 "$t.err")" > "$t.status"
	elif grep -q 'error:' "$t.err"; then
		echo "error printed: $(grep 'error:' "$t.err" | head -3)" > "$t.status"
	elif ! qpdf --check "$t.pdf" > "$t.qpdf" 2>&1; then
		echo "qpdf --check: $(tail -3 "$t.qpdf")" > "$t.status"
	else
		echo ok > "$t.status"
	fi
	rm -f "$t.pdf" "$t.qpdf"
done
EOS
ls "$tmp"/ex | sed 's/\.md$//' |
	TMPD=$tmp BIN=$bin DATA=$data xargs -P "${JOBS:-2}" -n 25 sh "$tmp/one.sh"
for f in "$tmp"/ex/*.md; do
	name=${f##*/}
	name=${name%.md}
	st=$(cat "$tmp/$name.status" 2>/dev/null || echo "no result")
	if [ "$st" = ok ]; then pass=$((pass + 1)); else bad "example $name" "$st"; fi
done

# raw HTML: shown as text, with a warning; never a link or markup
printf -- '---\ntitle: html\n---\n<div>\n*hi*\n</div>\n\ntext <a href="http://example.org/">link</a> <b>bold</b>\n' > "$tmp/html.md"
if $bin render -t "$tmp/html.md" -d "$data" --dump=doc > "$tmp/html.doc" 2> "$tmp/html.err"; then
	grep -q 'warning: raw HTML' "$tmp/html.err" && pass=$((pass + 1)) ||
		bad html "no warning for raw HTML: $(cat "$tmp/html.err")"
	grep -q '<div>' "$tmp/html.doc" && grep -q '<a href=\\"http://example.org/\\">' "$tmp/html.doc" &&
		pass=$((pass + 1)) || bad html "raw HTML not shown as text"
else
	bad html "render failed: $(cat "$tmp/html.err")"
fi
if $bin render -t "$tmp/html.md" -d "$data" --dump=boxes > "$tmp/html.boxes" 2>/dev/null &&
    ! grep -q '^ *link' "$tmp/html.boxes"; then
	pass=$((pass + 1))
else
	bad html "raw HTML <a href> became a link"
fi

echo "commonmark: $n examples in $(( $(date +%s) - start )) s"
echo "commonmark: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
