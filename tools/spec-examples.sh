#!/bin/sh
# spec-examples.sh SPEC.TXT OUTDIR -- write each example of the CommonMark
# spec's Markdown (the part before the "." line) to OUTDIR/NNN.md, with the
# spec's "→" turned back into a tab.  Prints the number of examples.
spec=$1
out=$2
[ -f "$spec" ] || { echo "spec-examples.sh: $spec not found" >&2; exit 2; }
mkdir -p "$out" || exit 2
rm -f "$out"/*.md
awk -v out="$out" '
	/^```````````````````````````````` example/ { n++; inex = 1; md = 1
		f = sprintf("%s/%03d.md", out, n); printf "" > f; next }
	inex && /^````````````````````````````````$/ { inex = 0; close(f); next }
	inex && md && /^\.$/ { md = 0; next }
	inex && md { line = $0; gsub(/→/, "\t", line); print line > f }
	END { print n }' "$spec"
