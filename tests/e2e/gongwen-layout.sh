#!/bin/sh
# gongwen-layout.sh -- more of GB/T 9704-2012 measured from the PDF
# (docs/gongwen.md): lines on the 28-character grid end on a column (no half
# cell left by compressed punctuation), 发文机关署名 and 成文日期 with and
# without a seal (7.3.5), 附注 (7.3.6), the 信函格式 (10.1).
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
cell=$(awk 'BEGIN { print 156 / 28 }')
near() { awk -v a="$1" -v b="$2" -v t="${3:-0.5}" 'BEGIN { d = a - b; exit !(d <= t && d >= -t) }'; }
# lines PDF: "page yMin xMin xMax text" in mm from the top left, one a line
lines() {
	pdftotext -bbox-layout "$1" - | awk '/<page/ { p++ }
	/<line/ { t = ""; for (i = 1; i <= NF; i++) { split($i, kv, "\""); k = kv[1]; v = kv[2]
		if (k == "xMin=") x0 = v; if (k == "xMax=") x1 = v; if (k == "yMin=") y = v; if (k == "yMax=") y1 = v } }
	/<word/ { w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w); t = t w }
	/<\/line>/ { printf "%d %.2f %.2f %.2f %.2f %s\n", p, y * 25.4 / 72, x0 * 25.4 / 72, x1 * 25.4 / 72, y1 * 25.4 / 72, t }'
}
render() {
	$bin render -t "$1" -d "${3:-$data}" --theme gongwen -o "$2" 2> "$tmp/err" || { bad render "$1: $(cat "$tmp/err")"; return 1; }
}

# 6.3: on the grid every line of the body ends on a column: its end is a
# whole number of cells (156/28 mm) from the right edge of the text block,
# 184 mm; a compressed pair (。” （《) left lines half a cell short.  The
# sample and a text full of such pairs; the body is 50-260 mm down, the
# 版记 (4号) and the title are not on the grid's columns.
cat > "$tmp/marks.md" <<'MD'
---
title: 标点
---

他说：“我们要完成任务。”“好的。”（见《通知》。）他又说：“《规划》（2024年版）已经印发。”各单位要认真落实《意见》，“十四五”规划（草案）和《纲要》，确保“两个确立”。”这是第一句话。“第二句话（附件）。”第三句，“第四句”，《第五》，（第六），“第七”。根据《孟津区2024年重点工作任务》（孟政〔2024〕3号）的要求，现将有关事项通知如下。“三个一批”“五条精品游线”“五大品牌”“六大业态”，推动（试点）工作。全年完成投资2024亿元（同比增长10%），“345”发展战略、“3+2+2”工作布局。

第二段：“《中华人民共和国预算法》”（2018年修正）。《关于进一步加强财政管理的意见》（豫政〔2024〕12号）。“我们”。“他们”。（一）（二）（三）《四》《五》“六”“七”。“八”。《九》。（十）。
MD
for doc in marks gongwen; do
	if [ $doc = gongwen ]; then
		render templates/gongwen.md "$tmp/$doc.pdf" input/songxian-mengjin-2024.xml || continue
	else
		render "$tmp/$doc.md" "$tmp/$doc.pdf" || continue
	fi
	# lines of the body: from the left margin or two cells in, below the
	# title (the 主送机关 starts with 各), not the 附件说明 nor the 版记
	lines "$tmp/$doc.pdf" | awk -v c="$cell" '$1 == 1 && /各镇/ { body = 1 } $1 > 1 { body = 1 }
	    ($3 < 28.1 || ($3 > 39 && $3 < 39.3)) && $2 > 50 && $2 < 260 && (body || $2 > 40) && $6 !~ /^抄送|印发$|^附件/ {
		k = (184 - $4) / c; d = k - int(k + 0.5); if (d < 0) d = -d
		n++; if (d > 0.05) printf "p%d %.1f mm: ends %.2f cells from the margin: %s\n", $1, $2, k, $6 }
		END { if (n < 5) print "only " n " lines" }' > "$tmp/off"
	[ ! -s "$tmp/off" ] && ok || bad 行尾 "$doc: $(head -3 "$tmp/off" | tr '\n' ';')"
done

echo "gongwen-layout: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
