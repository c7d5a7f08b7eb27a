#!/bin/sh
# fonts.sh -- the fonts reportgen embeds itself (generator/pdf/font.c), on a
# document that uses every role, bold and fake bold, Traditional characters
# and characters beyond the BMP, in the briefing and gongwen themes:
#   - every font is an embedded subset with a ToUnicode map (pdffonts), CFF
#     (Noto CJK, FandolFang) and TrueType (LXGW WenKai, Liberation) alike;
#   - the text poppler, mupdf and pdf.js extract equals the input, 𠮷
#     (U+20BB7) included;
#   - strong text is drawn in a bold face where the role has one (Noto
#     Serif CJK Bold), stroked where it has none (FandolFang: text render
#     mode 2), and the 公文 title in the 小标宋 substitute;
#   - no page content carries numbers finer than 0.01.
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
cat > "$tmp/fonts.md" <<'MD'
---
title: 字体测试
---
# 一、各种字体

正文宋体，**加粗宋体**，*楷体强调*，`等宽代码`，数字2024与Latin text。

人名用字：吉𠮷、𡈽（CJK扩展B区），标点“引号”（括号）《书名》。

> 引文用楷体，**楷体加粗**。

繁體字：伊川縣政府工作報告，經濟發展穩中向好。
MD
# the text of the document, as a reader copies it (white space removed)
expect="字体测试一、各种字体正文宋体，加粗宋体，楷体强调，等宽代码，数字2024与Latintext。\
人名用字：吉𠮷、𡈽（CJK扩展B区），标点“引号”（括号）《书名》。引文用楷体，楷体加粗。\
繁體字：伊川縣政府工作報告，經濟發展穩中向好。"

pdfjs=$(pdfjs_reader)

for theme in briefing gongwen; do
	pdf=$tmp/$theme.pdf
	if ! $bin render -t "$tmp/fonts.md" -d "$data" --theme "$theme" -o "$pdf" 2> "$tmp/err"; then
		bad "$theme" "render failed: $(cat "$tmp/err")"
		continue
	fi
	# the only message: a character FandolFang lacks is taken from the next face
	grep -v 'is not in FandolFang R; taken from Noto Serif CJK SC \[glyph-fallback\]$' "$tmp/err" > "$tmp/msgs"
	[ -s "$tmp/msgs" ] && bad "$theme" "messages: $(cat "$tmp/msgs")" || ok
	pdffonts "$pdf" | tail -n +3 > "$tmp/fonts"
	n=$(wc -l < "$tmp/fonts")
	notsub=$(awk '$(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes"' "$tmp/fonts")
	[ "$n" -ge 4 ] && [ -z "$notsub" ] && ok || bad "$theme" "fonts not embedded subsets with ToUnicode: $notsub"
	awk '{ print $1 }' "$tmp/fonts" | grep -qv '^[A-Z]\{6\}+' && bad "$theme" "a font without a subset tag" || ok
	grep -q 'CID Type 0C' "$tmp/fonts" && grep -q 'CID TrueType' "$tmp/fonts" && ok ||
		bad "$theme" "expected CFF and TrueType fonts: $(cat "$tmp/fonts")"
	qpdf --check "$pdf" > "$tmp/qpdf" 2>&1 && ok || bad "$theme" "qpdf: $(tail -2 "$tmp/qpdf")"
	pdftotext "$pdf" - 2> "$tmp/poppler" | grep -v '^—' > "$tmp/poppler.txt"
	[ -s "$tmp/poppler" ] && bad "$theme" "poppler: $(head -3 "$tmp/poppler")" || ok
	mutool draw -q -F txt -o "$tmp/mupdf.txt" "$pdf" 2> /dev/null
	readers="poppler mupdf"
	if [ -n "$pdfjs" ]; then
		node "$pdfjs" "$pdf" > "$tmp/pdfjs.txt" 2> /dev/null
		readers="$readers pdfjs"
	fi
	for r in $readers; do
		got=$(grep -v '^[[:space:]]*—[[:space:]]*[0-9]*[[:space:]]*—[[:space:]]*$' "$tmp/$r.txt" |
		    tr -d ' \t\n\r\f')
		[ "$got" = "$expect" ] && ok || bad "$theme" "$r extracts '$got'"
	done
	qpdf --qdf --object-streams=disable "$pdf" "$tmp/qdf.pdf"
	LC_ALL=C grep -a -E '[0-9]\.[0-9]{3,} ' "$tmp/qdf.pdf" | grep -a -E ' (Tm|re|m|l|w|Tf|Tc)$' |
	    head -3 > "$tmp/digits"
	[ -s "$tmp/digits" ] && bad "$theme" "numbers finer than 0.01: $(cat "$tmp/digits")" || ok
done

# briefing: strong in Song is Noto Serif CJK's bold, not a stroked face
pdffonts "$tmp/briefing.pdf" | grep -q 'NotoSerifCJKsc-Bold' && ok || bad briefing "no Noto Serif CJK Bold for strong text"
qpdf --qdf --object-streams=disable "$tmp/briefing.pdf" "$tmp/b.qdf"
LC_ALL=C grep -a -q ' 2 Tr$' "$tmp/b.qdf" && bad briefing "a stroked face, though every role drawn has a bold" || ok
# gongwen: FandolFang has no bold, so strong is stroked; the title is 小标宋
qpdf --qdf --object-streams=disable "$tmp/gongwen.pdf" "$tmp/g.qdf"
LC_ALL=C grep -a -q ' 2 Tr$' "$tmp/g.qdf" && ok || bad gongwen "strong FandolFang is not stroked"
pdffonts "$tmp/gongwen.pdf" | grep -q 'FandolFang' && ok || bad gongwen "no FandolFang"
pdffonts "$tmp/gongwen.pdf" | grep -q 'NotoSerifCJKsc-Bold' && ok || bad gongwen "no 小标宋 substitute"
echo "fonts: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
