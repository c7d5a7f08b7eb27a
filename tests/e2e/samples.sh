#!/bin/sh
# samples.sh -- render every sample of samples.mk and check the PDF:
#   - reportgen exits 0 with no error;
#   - qpdf --check passes;
#   - pdffonts lists every font as an embedded subset with a ToUnicode map;
#   - the text pdftotext (poppler) and mutool (mupdf) extract from the text
#     block holds every paragraph and heading of the document tree, in order
#     (all white space removed);
#   - no extracted line starts with a no-line-start character (避头尾);
#   - poppler reads the PDF (fonts, ToUnicode maps) without a complaint.
. "$(dirname "$0")/../lib.sh"

# Paragraph texts from the document tree dump: one line per text block.
# Tables are left out (cells wrap side by side: tests/e2e/tables.sh checks
# them row by row), and so are charts.
paragraphs() {
	awk '
	function flush() { if (buf != "") print buf; buf = "" }
	function indent(s) { match(s, /^ */); return RLENGTH }
	skip >= 0 && indent($0) > skip { next }
	{ skip = -1 }
	/^ *(table|chart) / { flush(); skip = indent($0); next }
	/^ *(text|softbreak|hardbreak)/ {
		if ($1 == "text") {
			s = $0; sub(/^[^"]*"/, "", s); sub(/"$/, "", s)
			gsub(/\\"/, "\"", s); gsub(/\\\\/, "\\", s); gsub(/\\n/, "", s)
			buf = buf s
		}
		next
	}
	{ flush() }
	END { flush() }' "$1" | sed 's/[[:space:]]//g' | grep -v '^$'
}

make -s list-samples > "$tmp/list" || exit 1
while IFS='|' read -r name tpl data vars; do
	pdf="$tmp/$name.pdf"
	dargs=""
	for f in $data; do dargs="$dargs -d $f"; done
	# shellcheck disable=SC2086
	if ! $bin render -t "$tpl" $dargs $vars -o "$pdf" --dump=doc > "$tmp/$name.doc" 2> "$tmp/$name.err"; then
		bad "$name" "render failed: $(cat "$tmp/$name.err")"
		continue
	fi
	if grep -q "error:" "$tmp/$name.err"; then bad "$name" "errors printed"; else ok; fi
	if qpdf --check "$pdf" > "$tmp/$name.qpdf" 2>&1; then ok; else bad "$name" "qpdf --check: $(tail -3 "$tmp/$name.qpdf")"; fi
	nfonts=$(pdffonts "$pdf" | tail -n +3 | wc -l)
	notemb=$(pdffonts "$pdf" | tail -n +3 |
	    awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") print }' | wc -l)
	if [ "$nfonts" -gt 0 ] && [ "$notemb" -eq 0 ]; then ok; else bad "$name" "fonts not embedded: $(pdffonts "$pdf")"; fi

	# the text block only: no running header, no page numbers
	pdftotext -q -x 0 -y 70 -W 600 -H 705 "$pdf" "$tmp/$name.txt"
	pdftotext "$pdf" /dev/null 2> "$tmp/$name.poppler"
	if [ -s "$tmp/$name.poppler" ]; then bad "$name" "poppler: $(sort -u "$tmp/$name.poppler" | head -3)"; else ok; fi
	mutool draw -q -F txt -o "$tmp/$name.mu" "$pdf" 2>/dev/null
	paragraphs "$tmp/$name.doc" > "$tmp/$name.paras"
	# mupdf extracts whole pages: the running header (the title) and page
	# numbers are dropped from its text, and the title from the paragraphs
	title=$(sed -n 's/^meta title "\(.*\)"$/\1/p' "$tmp/$name.doc" | tr -d ' \t')
	for src in txt mu; do
		tr -d ' \t\n\r\f' < "$tmp/$name.$src" > "$tmp/$name.$src.flat"
		missing=$(awk -v flatfile="$tmp/$name.$src.flat" -v src=$src -v title="$title" '
			function strip(s, t,   i, out) {
				out = ""
				while (t != "" && (i = index(s, t)) > 0) {
					out = out substr(s, 1, i - 1); s = substr(s, i + length(t))
				}
				return out s
			}
			BEGIN {
				getline flat < flatfile; pos = 1
				if (src == "mu") flat = strip(flat, title)
				# page numbers: mupdf has them all, and the crop of txt
				# keeps those of 公文, 7 mm below a shorter text block
				gsub(/—[0-9]+—/, "", flat)
			}
			src == "mu" && $0 == title { next }
			{
				rest = substr(flat, pos)
				i = index(rest, $0)
				if (i == 0) { print NR ": " $0; exit }
				pos += i - 1 + length($0)
			}' "$tmp/$name.paras")
		if [ -z "$missing" ]; then ok; else bad "$name" "$src text lacks paragraph (or order differs) $missing"; fi
	done
	n=$(wc -l < "$tmp/$name.paras")
	[ "$n" -ge 5 ] && ok || bad "$name" "only $n paragraphs in the document tree"

	# lines of running text (with a Han character after the first one; a
	# table cell such as "—" or "%" breaks no rule)
	han=$(printf '[\344-\351]')   # the lead byte of a Han character in UTF-8
	starts=$(LC_ALL=C grep -naE '^[[:space:]]*(。|？|！|，|、|；|：|．|”|’|）|］|〕|】|》|〉|」|』|〗|｝|…|—|～|·|%|‰).*'"$han" "$tmp/$name.txt")
	if [ -z "$starts" ]; then ok; else bad "$name" "lines start with forbidden punctuation: $starts"; fi
done < "$tmp/list"
echo "samples: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
