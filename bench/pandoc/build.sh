#!/bin/sh
# build.sh DATA.yaml OUT.pdf -- the reference briefing with Pandoc + XeLaTeX,
# from the same data file as reportgen and Typst: briefing.awk writes the
# Markdown, pandoc (defaults.yaml, header.tex) runs XeLaTeX as often as it
# needs.  bench/run.sh times this whole script.
here=$(dirname "$0")
[ $# -eq 2 ] || { echo "usage: $0 DATA.yaml OUT.pdf" >&2; exit 2; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk -f "$here/briefing.awk" "$1" > "$tmp/briefing.md" &&
	pandoc -d "$here/defaults.yaml" "$tmp/briefing.md" -o "$2"
