#!/bin/sh
# pack.sh -- the PDF is written with object streams and a cross-reference
# stream (PDF 1.5, generator/pdf/pack.h), and loses nothing on the way:
#   - header %PDF-1.5, no cross-reference table, one /XRef stream; the
#     dictionaries (pages, fonts, outline items, Info) inside object
#     streams; qpdf --check passes;
#   - every stream in the file deflated (/FlateDecode), the font programs
#     and page contents included;
#   - the same inputs give the same bytes, whatever the output's name;
#   - against the --pdfa file of the same input (written as libharu writes
#     it: PDF 1.4, a cross-reference table, no object stream): the same
#     text in poppler and mupdf, the same outline, document information and
#     fonts (each an embedded subset with ToUnicode);
#   - a longer document (the tour) and a one-page one alike.
. "$(dirname "$0")/../lib.sh"
export SOURCE_DATE_EPOCH=1700000000

# the object numbers of the file's objects that are not in an object stream
uncompressed() { qpdf --show-xref "$1" | sed -n 's|^\([0-9]*\)/0: uncompressed.*|\1|p'; }

check() {	# check NAME ARGS...: render with ARGS, then the checks above
	name=$1
	shift
	pdf=$tmp/$name.pdf
	if ! "$bin" render "$@" -o "$pdf" 2> "$tmp/err" ||
	    ! "$bin" render "$@" --pdfa -o "$tmp/$name-a.pdf" 2>> "$tmp/err"; then
		bad "$name" "render failed: $(head -3 "$tmp/err")"
		return
	fi
	if qpdf --check "$pdf" > "$tmp/qpdf" 2>&1; then ok; else bad "$name" "qpdf: $(tail -2 "$tmp/qpdf")"; fi
	head -c 8 "$pdf" | grep -q '^%PDF-1\.5' && ok || bad "$name" "header $(head -c 8 "$pdf")"
	ntab=$(grep -a -c '^xref' "$pdf")
	nxs=$(grep -a -c '/Type /XRef' "$pdf")
	[ "$ntab" -eq 0 ] && [ "$nxs" -eq 1 ] && ok ||
	    bad "$name" "$ntab cross-reference tables, $nxs cross-reference streams"
	# dictionaries packed: at least one per page and outline item
	npages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	nout=$(qpdf --json --json-key=outlines "$pdf" | grep -c '"title"')
	ninobj=$(qpdf --show-xref "$pdf" | grep -c ': compressed')
	[ "$ninobj" -ge $((npages + nout)) ] && ok ||
	    bad "$name" "$ninobj objects in object streams for $npages pages and $nout outline items"
	# every stream deflated (an object stream's objects are no streams)
	nraw=0
	nstreams=0
	for n in $(uncompressed "$pdf"); do
		qpdf --show-object="$n" "$pdf" > "$tmp/obj" 2>&1
		grep -q '^Object is stream' "$tmp/obj" || continue
		nstreams=$((nstreams + 1))
		grep -q '/Filter \[* */FlateDecode' "$tmp/obj" || nraw=$((nraw + 1))
	done
	[ "$nstreams" -gt "$npages" ] && [ "$nraw" -eq 0 ] && ok ||
	    bad "$name" "$nraw of $nstreams streams not deflated"
	# the same bytes on a second run, under another name
	"$bin" render "$@" -o "$tmp/$name-again.pdf" 2>/dev/null
	cmp -s "$pdf" "$tmp/$name-again.pdf" && ok || bad "$name" "a second run gives other bytes"
	# the libharu file of --pdfa has what packing would take away
	a=$tmp/$name-a.pdf
	head -c 8 "$a" | grep -q '^%PDF-1\.[0-4]' && [ "$(grep -a -c '^xref' "$a")" -eq 1 ] &&
	    ! grep -a -q '/ObjStm' "$a" && ok || bad "$name" "--pdfa: not a PDF 1.4 file structure"
	pdftotext "$pdf" "$tmp/t1" && pdftotext "$a" "$tmp/t2" && cmp -s "$tmp/t1" "$tmp/t2" &&
	    [ -s "$tmp/t1" ] && ok || bad "$name" "poppler's text differs from --pdfa's"
	mutool draw -q -F txt -o "$tmp/m1" "$pdf" 2>/dev/null &&
	    mutool draw -q -F txt -o "$tmp/m2" "$a" 2>/dev/null && cmp -s "$tmp/m1" "$tmp/m2" &&
	    ok || bad "$name" "mupdf's text differs from --pdfa's"
	qpdf --json --json-key=outlines "$pdf" | grep '"title"' > "$tmp/o1"
	qpdf --json --json-key=outlines "$a" | grep '"title"' > "$tmp/o2"
	cmp -s "$tmp/o1" "$tmp/o2" && ok || bad "$name" "the outline differs from --pdfa's"
	for k in Title Author Subject Keywords Creator Producer CreationDate ModDate Pages; do
		v1=$(pdfinfo "$pdf" | grep "^$k:")
		v2=$(pdfinfo "$a" | grep "^$k:")
		[ "$v1" = "$v2" ] || bad "$name" "pdfinfo $k: '$v1', --pdfa '$v2'"
	done
	ok
	# fonts: name, type, encoding, embedded, subset, ToUnicode (not the object numbers)
	pdffonts "$pdf" | tail -n +3 | awk '{ print $1, $2, $3, $(NF-4), $(NF-3), $(NF-2) }' | sort > "$tmp/f1"
	pdffonts "$a" | tail -n +3 | awk '{ print $1, $2, $3, $(NF-4), $(NF-3), $(NF-2) }' | sort > "$tmp/f2"
	cmp -s "$tmp/f1" "$tmp/f2" && [ -s "$tmp/f1" ] && ! grep -q -v ' yes yes yes$' "$tmp/f1" &&
	    ok || bad "$name" "fonts differ from --pdfa's or lack a subset or ToUnicode: $(cat "$tmp/f1")"
}

check briefing -t templates/briefing.md -d input/songxian-2024.yaml
check tour -t templates/tour.md -d input/songxian-2024.yaml
printf '# 标题\n\n一页。\n' > "$tmp/one.md"
check one-page -t "$tmp/one.md" -d input/songxian-2024.yaml

echo "pack: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
