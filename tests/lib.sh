# lib.sh -- the common start of the shell test scripts (sourced, not run):
# work from the top of the tree, the binary under test in $bin (REPORTGEN
# overrides build/reportgen, e.g. for the sanitizer build), a scratch
# directory $tmp removed on exit, and pass/fail counters with ok and bad.
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
bin=${REPORTGEN:-build/reportgen}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1: $2"; fail=$((fail + 1)); }

# pdfjs_reader: the pdf.js text extractor (installed by tools/check-pdfjs.sh
# when node is there), or nothing
pdfjs_reader() {
	if command -v node > /dev/null 2>&1 && sh tools/check-pdfjs.sh /dev/null > /dev/null 2>&1 ||
	    [ -d build/pdfjs/node_modules/pdfjs-dist ]; then
		echo build/pdfjs/pdfjs-text.mjs
	fi
}
