#!/bin/sh
# pdfa.sh -- render --pdfa output and check what PDF/A-1b (ISO 19005-1,
# level B) asks of the file structure.  No PDF/A validator (veraPDF) is
# packaged for Debian, so each requirement reportgen meets is checked on
# its own:
#   - PDF 1.4 header, qpdf --check passes, every font embedded;
#   - a Metadata stream in the catalog, not compressed, well-formed XML,
#     with pdfaid:part 1 and pdfaid:conformance B;
#   - XMP title, author, subject, keywords, creator tool and producer equal
#     to the Info dictionary's (as pdfinfo reads them), dates equal;
#   - an OutputIntent /GTS_PDFA1 whose DestOutputProfile is an RGB (N 3)
#     ICC stream; a trailer /ID;
#   - every link annotation printable (/F 4);
#   - markup in a title (& < >) is escaped in XMP;
#   - the same inputs give the same bytes (SOURCE_DATE_EPOCH);
#   - the text extracted is the same as without --pdfa.
. "$(dirname "$0")/../lib.sh"
export SOURCE_DATE_EPOCH=1700000000
data=input/songxian-2024.yaml

# pdfa_checks NAME PDF: the structural checks above
pdfa_checks() {
	name=$1 pdf=$2
	if qpdf --check "$pdf" > "$tmp/qpdf" 2>&1; then ok; else bad "$name" "qpdf: $(tail -2 "$tmp/qpdf")"; fi
	# PDF 1.4: the header says 1.3 (libharu's), the catalog's /Version 1.4
	head -c 8 "$pdf" | grep -q '^%PDF-1\.[0-4]' && ok || bad "$name" "header $(head -c 8 "$pdf")"
	cat=$(qpdf --show-object=trailer "$pdf" 2>/dev/null | sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p')
	qpdf --show-object="$cat" "$pdf" 2>/dev/null | grep -q '/Version /1\.4' && ok ||
	    bad "$name" "no /Version /1.4 in the catalog"
	# every embedded font's descriptor has a CIDSet (6.3.5)
	qpdf --qdf --object-streams=disable "$pdf" "$tmp/qdf.pdf" 2>/dev/null
	ndesc=$(grep -a -c '/Type /FontDescriptor' "$tmp/qdf.pdf")
	ncidset=$(grep -a -c '/CIDSet [0-9]* 0 R' "$tmp/qdf.pdf")
	[ "$ndesc" -gt 0 ] && [ "$ndesc" -eq "$ncidset" ] && ok ||
	    bad "$name" "$ndesc font descriptors, $ncidset with a CIDSet"
	notemb=$(pdffonts "$pdf" | tail -n +3 | awk '$(NF-4) != "yes"' | wc -l)
	[ "$notemb" -eq 0 ] && ok || bad "$name" "fonts not embedded"
	# the catalog, its Metadata and OutputIntents, the trailer (qpdf)
	qpdf --show-object=trailer "$pdf" > "$tmp/trailer" 2>&1
	root=$(sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p' "$tmp/trailer")
	qpdf --show-object="$root" "$pdf" > "$tmp/catalog" 2>&1
	meta=$(sed -n 's/.*\/Metadata \([0-9]*\) 0 R.*/\1/p' "$tmp/catalog")
	prof=$(sed -n 's/.*\/DestOutputProfile \([0-9]*\) 0 R.*/\1/p' "$tmp/catalog")
	: > "$tmp/struct"
	if [ -n "$meta" ]; then
		qpdf --show-object="$meta" "$pdf" > "$tmp/meta" 2>&1
		grep -q '/Subtype /XML' "$tmp/meta" && grep -q '/Type /Metadata' "$tmp/meta" &&
		    echo "metadata yes" >> "$tmp/struct"
		grep -q '/Filter' "$tmp/meta" || echo "metadata-filter none" >> "$tmp/struct"
	fi
	if [ -n "$prof" ] && grep -q '/S /GTS_PDFA1' "$tmp/catalog" &&
	    qpdf --show-object="$prof" "$pdf" 2>&1 | grep -q '/N 3'; then
		echo "intent yes" >> "$tmp/struct"
	fi
	grep -q '/ID \[ <[0-9a-f]*> <[0-9a-f]*> \]' "$tmp/trailer" && echo "id yes" >> "$tmp/struct"
	# link annotations, one key per line in QDF form
	qpdf --qdf --object-streams=disable "$pdf" "$tmp/qdf.pdf" 2> /dev/null
	awk '/^[0-9]+ 0 obj/ { link = 0; f = 0 } /^  \/Subtype \/Link$/ { link = 1 }
	    /^  \/F 4$/ { f = 1 } /^endobj/ { n += link; good += link && f }
	    END { print "links", n + 0, good + 0 }' "$tmp/qdf.pdf" >> "$tmp/struct"
	grep -q '^metadata yes$' "$tmp/struct" && ok || bad "$name" "no XMP Metadata stream in the catalog"
	grep -q '^metadata-filter none$' "$tmp/struct" && ok || bad "$name" "the Metadata stream is filtered"
	grep -q '^intent yes$' "$tmp/struct" && ok || bad "$name" "no GTS_PDFA1 output intent with an RGB profile"
	grep -q '^id yes$' "$tmp/struct" && ok || bad "$name" "no trailer /ID"
	set -- $(sed -n 's/^links //p' "$tmp/struct")
	[ "$1" = "$2" ] && ok || bad "$name" "$2 of $1 link annotations have /F 4"
	pdfinfo -meta "$pdf" > "$tmp/xmp"
	if xmllint --noout "$tmp/xmp" 2> "$tmp/xmllint"; then ok; else bad "$name" "XMP is not well-formed: $(head -2 "$tmp/xmllint")"; fi
	grep -q '<pdfaid:part>1</pdfaid:part>' "$tmp/xmp" && grep -q '<pdfaid:conformance>B</pdfaid:conformance>' "$tmp/xmp" &&
	    ok || bad "$name" "no PDF/A-1b identification in XMP"
	# XMP values equal to the Info dictionary's (xmllint decodes entities)
	for pair in "Title://*[local-name()='title']//*[local-name()='li']" \
	    "Author://*[local-name()='creator']//*[local-name()='li']" \
	    "Subject://*[local-name()='description']//*[local-name()='li']" \
	    "Keywords://*[local-name()='Keywords']" "Creator://*[local-name()='CreatorTool']" \
	    "Producer://*[local-name()='Producer']"; do
		key=${pair%%:*} xpath=${pair#*:}
		info=$(pdfinfo "$pdf" | sed -n "s/^$key: *//p")
		xmp=$(xmllint --xpath "string($xpath)" "$tmp/xmp" 2> /dev/null)
		[ "$info" = "$xmp" ] && ok || bad "$name" "Info $key '$info' but XMP '$xmp'"
	done
	xdate=$(xmllint --xpath "string(//*[local-name()='CreateDate'])" "$tmp/xmp" 2> /dev/null)
	[ "$xdate" = "$(date -u -d @$SOURCE_DATE_EPOCH +%Y-%m-%dT%H:%M:%SZ)" ] && ok ||
	    bad "$name" "XMP CreateDate $xdate"
}

# the tour (every Markdown element, links) and the briefing
for t in tour briefing; do
	if $bin render -t templates/$t.md -d $data -o "$tmp/$t.pdf" --pdfa 2> "$tmp/$t.err"; then
		ok
		pdfa_checks "$t" "$tmp/$t.pdf"
		$bin render -t templates/$t.md -d $data -o "$tmp/$t.again.pdf" --pdfa 2> /dev/null
		cmp -s "$tmp/$t.pdf" "$tmp/$t.again.pdf" && ok || bad "$t" "two runs differ"
		$bin render -t templates/$t.md -d $data -o "$tmp/$t.plain.pdf" 2> /dev/null
		pdftotext -q "$tmp/$t.pdf" "$tmp/$t.txt"
		pdftotext -q "$tmp/$t.plain.pdf" "$tmp/$t.plain.txt"
		cmp -s "$tmp/$t.txt" "$tmp/$t.plain.txt" && ok || bad "$t" "text differs from the PDF without --pdfa"
	else
		bad "$t" "render failed: $(cat "$tmp/$t.err")"
	fi
done

# markup characters in the title, author and keywords
printf -- '---\ntitle: "A & B <对比> \\"引号\\""\nauthor: "甲 & 乙"\nkeywords: "a<b"\n---\n\n正文。见 [链接](https://example.org/?a=1&b=2)。\n' > "$tmp/markup.md"
if $bin render -t "$tmp/markup.md" -d $data -o "$tmp/markup.pdf" --pdfa 2> "$tmp/markup.err"; then
	ok
	pdfa_checks markup "$tmp/markup.pdf"
	[ "$(pdfinfo "$tmp/markup.pdf" | sed -n 's/^Title: *//p')" = 'A & B <对比> "引号"' ] && ok ||
	    bad markup "title $(pdfinfo "$tmp/markup.pdf" | sed -n 's/^Title: *//p')"
else
	bad markup "render failed: $(cat "$tmp/markup.err")"
fi

# the manifest key
printf 'jobs:\n  - template: %s/templates/tour.md\n    data: %s/%s\n    output: %s/m.pdf\n    pdfa: true\n' \
    "$top" "$top" "$data" "$tmp" > "$tmp/manifest.yaml"
if $bin build "$tmp/manifest.yaml" > /dev/null 2> "$tmp/m.err" && pdfinfo "$tmp/m.pdf" | grep -q 'PDF version: *1.4' &&
    pdfinfo "$tmp/m.pdf" | grep -q 'Metadata Stream: *yes'; then
	ok
else
	bad manifest "pdfa: true in a manifest gives no PDF/A: $(cat "$tmp/m.err")"
fi

echo "pdfa: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
