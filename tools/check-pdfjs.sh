#!/bin/sh
# check-pdfjs.sh [PDF...] -- the text pdf.js (the browsers' viewer) extracts
# from each PDF holds exactly the characters poppler's pdftotext extracts
# (white space aside; the order of running headers may differ), so copying
# from a browser gives the right text.  Installs pdfjs-dist from npm into
# build/pdfjs on first use.  Default: every out/*.pdf.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
dir=build/pdfjs
if [ ! -d "$dir/node_modules/pdfjs-dist" ]; then
	mkdir -p "$dir" && (cd "$dir" && npm install --silent --no-audit --no-fund pdfjs-dist@4 >/dev/null) ||
		{ echo "check-pdfjs: cannot install pdfjs-dist"; exit 1; }
fi
cp tools/pdfjs-text.mjs "$dir/"
[ $# -eq 0 ] && set -- out/*.pdf
chars() { tr -d ' \t\n\r\f' | fold -w 1 | LC_ALL=C sort; }
pass=0
fail=0
for pdf in "$@"; do
	node "$dir/pdfjs-text.mjs" "$pdf" | chars > "$dir/a" 2>/dev/null
	pdftotext -q "$pdf" - | chars > "$dir/b"
	if [ -s "$dir/a" ] && cmp -s "$dir/a" "$dir/b"; then
		pass=$((pass + 1))
	else
		echo "FAIL $pdf: pdf.js and poppler extract different text"
		fail=$((fail + 1))
	fi
done
echo "pdfjs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
