#!/bin/sh
# punctuation.sh -- compressed punctuation keeps its place in copied text.
#
# Two adjacent full-width marks take 1.5 em (。” ，“ （《 ）。) except on the
# 公文 grid, where every mark keeps its cell (docs/gongwen.md): the first is
# drawn half an em narrower, with a font dictionary whose width says so
# (generator/pdf/font.h).  Were it drawn with its full width and a negative
# character spacing, its box would overlap the next glyph's and readers
# would break the line there or move the mark (pdftotext printed `他说：`
# and `“今年（` on lines of their own).  Checked, in the briefing and gongwen
# themes, body text, headings and a table: the lines poppler, mupdf and
# pdf.js extract (white space removed) are the lines of the layout;
# the marks are drawn where the layout put them (x from the content stream).
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
cat > "$tmp/p.md" <<'MD'
---
title: 标点挤压（《测试》）
---
# 一、“引号”（括号）

他说：“今年（《报告》）完成了。”我们认为，“这是好事”。再看（《规划》）与【方案】、〔二〇二五〕，以及“引号”（括号）；‘单引号’，「直角引号」『双直角』〈单书名〉！？结束。（括号开头）和《书名》，“引号”。

**加粗：“（《强调》）”。**《〈书中书〉》、“‘引中引’”，（（双括号））。

| 项目（单位） | 说明 |
|---|---|
| “甲”（乙） | 完成了。”（见《附表》）。 |
MD
pdfjs=$(pdfjs_reader)
for theme in briefing gongwen; do
	pdf=$tmp/$theme.pdf
	if ! $bin render -t "$tmp/p.md" -d "$data" --theme "$theme" -o "$pdf" 2> "$tmp/err" ||
	    ! $bin render -t "$tmp/p.md" -d "$data" --theme "$theme" --dump=boxes > "$tmp/boxes" 2>> "$tmp/err"; then
		bad "$theme" "render failed: $(cat "$tmp/err")"
		continue
	fi
	# on the 公文 grid every mark keeps its cell (docs/gongwen.md, 6.3)
	if [ $theme = gongwen ]; then
		grep -q ' half ' "$tmp/boxes" && bad "$theme" "a mark set half width on the grid" || ok
	else
		grep -q ' half ' "$tmp/boxes" && ok || bad "$theme" "no mark set half width"
	fi
	# the lines of the layout: text boxes of one page and baseline, by x;
	# a table's cells on one baseline are lines of their own to poppler and
	# mupdf (a box more than an em after the end of the one before, its
	# characters counted 1.5 em wide, more than any line gives them) and
	# one line to pdf.js, and
	# readers give cells in orders of their own, so the lines are compared
	# as sets, with the cells apart or joined: a mark taken out of its line
	# makes a line the layout does not have
	for split in 1 0; do
	awk '/^page / { p = $2 }
	    /^  text / && !/ angle=/ {
		x = $2; y = $3; sub("x=", "", x); sub("y=", "", y)
		for (i = 4; i <= NF; i++) if ($i ~ /^size=/) { sz = $i; sub("size=", "", sz) }
		t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t)
		c = t; n = gsub(/[^\200-\277]/, "", c)   # characters: bytes that start one
		printf "%d %09.2f %09.2f %s %d %s\n", p, y, x, sz, n, t }' "$tmp/boxes" |
	    sort -k1,1n -k2,2 -k3,3 |
	    awk -v apart=$split '{ k = $1 " " $2; x = $3 + 0; sz = $4 + 0; n = $5 + 0
		t = $0; sub(/^[^ ]* [^ ]* [^ ]* [^ ]* [^ ]* /, "", t)
		gap = apart && k == last && x > end + sz
		if ((k != last || gap) && NR > 1) print line; if (k != last || gap) line = ""
		line = line t; last = k; end = x + n * sz * 1.5 } END { print line }' |
	    tr -d ' ' | grep -v '^—[0-9]*—$' | grep . | LC_ALL=C sort > "$tmp/layout$split.txt"
	done
	pdftotext "$pdf" "$tmp/poppler.txt"
	mutool draw -q -F txt -o "$tmp/mupdf.txt" "$pdf" 2> /dev/null
	readers="poppler mupdf"
	if [ -n "$pdfjs" ]; then
		node "$pdfjs" "$pdf" > "$tmp/pdfjs.txt" 2> /dev/null
		readers="$readers pdfjs"
	fi
	for r in $readers; do
		tr -d ' \t\r\f' < "$tmp/$r.txt" | grep -v '^—[0-9]*—$' | grep . | LC_ALL=C sort > "$tmp/$r.lines"
		if cmp -s "$tmp/layout1.txt" "$tmp/$r.lines" || cmp -s "$tmp/layout0.txt" "$tmp/$r.lines"; then
			ok
		else
			bad "$theme" "$r's lines differ from the layout's:
$(diff "$tmp/layout1.txt" "$tmp/$r.lines" | head -8)"
		fi
	done
	# every half-width mark is drawn with an /Hn font of width 500 (/DW)
	qpdf --qdf --object-streams=disable "$pdf" "$tmp/q.pdf"
	if [ $theme != gongwen ]; then
		LC_ALL=C grep -a -q '^/H[0-9]* [0-9.]* Tf$' "$tmp/q.pdf" && ok || bad "$theme" "no half-width font used"
		LC_ALL=C grep -a -c '/DW 500' "$tmp/q.pdf" > "$tmp/dw"
		[ "$(cat "$tmp/dw")" -ge 1 ] && ok || bad "$theme" "no half-width font dictionary"
	fi
	qpdf --check "$pdf" > "$tmp/qpdf" 2>&1 && ok || bad "$theme" "qpdf: $(tail -2 "$tmp/qpdf")"
done
echo "punctuation: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
