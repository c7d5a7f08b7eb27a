#!/bin/sh
# fuzz-seeds.sh OUTDIR -- seed corpora for the fuzz targets of fuzz/:
#   yaml, xml   the data files of input/ and the bad inputs of tests/bad/
#   csv         the CSV files of tests/bad/ and tests/data/csv/, each behind
#               a byte and, if it has one, its mapping and a NUL
#   template    templates/ and every example of the CommonMark spec
#               (shared/testdata/commonmark/spec.txt, beside the repository)
#   linebreak   each line of templates/ and of the narratives of input/,
#               behind the target's two option bytes (width, indent/mode)
#   theme       the themes of templates/themes/, a huge and a tiny one
#   cli         argument vectors for the fixtures of fuzz/fuzz_cli.c: the
#               command lines of README.md, one argument per line
#   config      the manifests of bench/ and docs/batch.md, the themes of
#               templates/themes/ and fonts/fonts.conf, behind the byte that
#               picks the reader (0 manifest, 1 theme, 2 fonts.conf)
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=$1
[ -n "$out" ] || { echo "usage: fuzz-seeds.sh OUTDIR" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out/yaml" "$out/xml" "$out/csv" "$out/template" "$out/linebreak" "$out/config" \
	"$out/theme" "$out/cli" || exit 1
cp input/*.yaml tests/bad/*.yaml "$out/yaml/"
cp input/*.xml tests/bad/*.xml "$out/xml/"
# csv: a byte (odd: a mapping follows, up to a NUL), then the CSV
for f in tests/bad/*.csv tests/data/csv/*.csv; do
	m=${f%.csv}.csvmap
	if [ -f "$m" ]; then
		{ printf '\001'; cat "$m"; printf '\000'; cat "$f"; } > "$out/csv/${f##*/}"
	else
		{ printf '\000'; cat "$f"; } > "$out/csv/${f##*/}"
	fi
done
cp templates/*.md "$out/template/"
spec=$(git rev-parse --show-toplevel 2>/dev/null || echo "$top")/../shared/testdata/commonmark/spec.txt
if [ -f "$spec" ]; then
	sh tools/spec-examples.sh "$spec" "$out/template/spec" > /dev/null &&
		for f in "$out"/template/spec/*.md; do mv "$f" "$out/template/spec-${f##*/}"; done
	rmdir "$out/template/spec"
else
	echo "fuzz-seeds.sh: $spec not found: no CommonMark seeds" >&2
fi
i=0
cat templates/*.md input/*.yaml | grep -v '^[[:space:]]*$' | while IFS= read -r line; do
	i=$((i + 1))
	# 38 em wide, a 2 em indent; every third line as code
	if [ $((i % 3)) -eq 0 ]; then m='\202'; else m='\002'; fi
	printf "\045$m%s" "$line" > "$out/linebreak/$i"
done
# the manifest of docs/batch.md: its indented YAML block
awk '/^```yaml/ { on = 1; next } /^```/ { on = 0 } on' docs/batch.md > "$out/config/batch.body"
{ printf '\000'; cat "$out/config/batch.body"; } > "$out/config/manifest-doc"
rm -f "$out/config/batch.body"
printf '\000jobs:\n  - template: t.md\n    each: "*.yaml"\n    output: "{name}.pdf"\n' > "$out/config/manifest-each"
for f in templates/themes/*.yaml; do
	{ printf '\001'; cat "$f"; } > "$out/config/theme-${f##*/}"
done
{ printf '\002'; cat fonts/fonts.conf; } > "$out/config/fonts.conf"
cp templates/themes/*.yaml "$out/theme/"
printf 'body_size: 500\ngrid_chars: 2\npage_width: 5080\n' > "$out/theme/huge"
printf 'page_width: 20\npage_height: 20\nmargin_left: 5\nmargin_right: 5\n' > "$out/theme/tiny"
n=0
cli() { n=$((n + 1)); printf '%s\n' "$@" | head -c -1 > "$out/cli/$n"; }
cli render -t t.md -d d.yaml -o out.pdf
cli render -t t.md -d x.xml -V region=mengjin -V period=2023 --theme gongwen -o out.pdf
cli render -t t.md -d d.yaml --theme th.yaml --dump=boxes
cli render -t t.md -d d.yaml -d c.csv --check-typesetting -o out.pdf --depfile out.d
cli render -t t.md -d d.yaml --pdfa --fonts f.conf -o out.pdf
cli render -t t.md -d ln.yaml -o d.yaml
cli render -t t.md -d d.yaml -o dangle.pdf
cli render -t t.md -d pipe.yaml -o out.pdf
cli render -t briefing -d d.yaml -o sub
cli build m.yaml -j 2
cli build m.yaml --list
cli build m.yaml --shard 1/2 -q --depfiles
cli check d.yaml x.xml c.csv
cli convert d.yaml o.xml
cli convert c.csv o.yaml
cli help render
cli --version
for t in yaml xml csv template linebreak config theme cli; do
	echo "$t: $(ls "$out/$t" | wc -l) seeds"
done
