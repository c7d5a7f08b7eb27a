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
# and a line that a paragraph goes on from is full but for the one cell a
# 避头尾 push may leave: the breaker measures digits and Latin in the whole
# cells they will take (a line measured at their natural width ended 3
# cells short: （2018年修 / 正）)
lines "$tmp/marks.pdf" | awk -v c="$cell" '$2 > 50 && $2 < 260 && $6 !~ /^—/ {
	if (prev != "" && $3 < 28.1 && (184 - px1) / c > 1.05) printf "%s: %.2f cells short\n", prev, (184 - px1) / c
	prev = $6; px1 = $4 }' > "$tmp/short"
[ ! -s "$tmp/short" ] && ok || bad 行尾 "marks: $(head -3 "$tmp/short" | tr '\n' ';')"

# a line before a long unbreakable token (a file name, a web address, a
# long number) is spread by at most a quarter of an em a gap (RG_LB_LOOSE):
# the token is broken after / _ or a dot between letters when the line
# would be looser, else the line ends short.  Every line but a paragraph's
# last: its width over its characters is at most a cell (an em) + 1/4 em;
# broken tokens end with / _ or .; the text reads back whole.
cat > "$tmp/token.md" <<'MD'
---
title: 长词
---

请各单位于本周五前将填写完成的统计表格报送至区政府办公室，文件名为reportgen_2024_mengjin_zhongdian_renwu.xlsx，并抄送区统计局。

报送地址为区政府网站的专题栏目页面，网址https://www.mengjin.gov.cn/zwgk/zdgz/2024/renwu/index.html，逾期不予受理。

统计局核定的全区年度地区生产总值为一千三百一十五亿元整数值为131570000000000元。

请各单位于本周五前将填写完成的统计表格报送至区政府办公室文件名为2024_mengjin_renwu。
MD
for theme in gongwen briefing; do
	$bin render -t "$tmp/token.md" -d $data --theme $theme -o "$tmp/token.pdf" 2> "$tmp/err" || { bad token "$(cat "$tmp/err")"; continue; }
	em=$(awk -v t=$theme -v c="$cell" 'BEGIN { print t == "gongwen" ? c : 12 * 25.4 / 72 }')
	size=$(awk -v t=$theme 'BEGIN { print (t == "gongwen" ? 16 : 12) * 25.4 / 72 }')
	lines "$tmp/token.pdf" | LC_ALL=C awk -v em="$em" -v s="$size" '$2 > 50 && $6 !~ /^—/ { t = $6; gsub(/[\200-\277]/, "", t)
		if (prev != "" && prev !~ /。$/) { n = length(pt); w = px1 - px0; if (w / n > em + 0.25 * s + 0.01) printf "%s: %.2f mm a character\n", prev, w / n }
		prev = $6; pt = t; px0 = $3; px1 = $4 }' > "$tmp/loose"
	[ ! -s "$tmp/loose" ] && ok || bad 松行 "$theme: $(head -3 "$tmp/loose" | tr '\n' ';')"
	lines "$tmp/token.pdf" | awk '$2 > 50 && $6 ~ /[A-Za-z0-9]$/ { print $6 }' > "$tmp/cut"
	[ ! -s "$tmp/cut" ] && ok || bad 断词 "$theme: a token broken inside: $(head -2 "$tmp/cut" | tr '\n' ';')"
	pdftotext "$tmp/token.pdf" - | tr -d '\n ' | grep -q '文件名为reportgen_2024_mengjin_zhongdian_renwu.xlsx，并抄送.*网址https://www.mengjin.gov.cn/zwgk/zdgz/2024/renwu/index.html，逾期.*131570000000000元' &&
	    ok || bad 断词 "$theme: the text does not read back"
done

# 7.3.5 署名 and 成文日期.  row Y: the line of the grid (0 the first) that
# holds a line whose box starts Y mm down; its foot is 37 + (row + 1) × P
P=$(awk 'BEGIN { print 225 / 22 }')
row() { awk -v y="$1" -v p="$P" 'BEGIN { print int((y - 37) / p + 0.3) }'; }
# field N of the line whose text is T (first match) in $tmp/l
at() { awk -v t="$1" -v n="$2" '$6 == t { print $n; exit }' "$tmp/l"; }
closing() {   # closing NAME SIGNATURE DATE SEAL [NOTE]
	{ printf -- '---\ntitle: 孟津区人民政府关于做好春节期间安全工作的通知\n'
	  [ -n "$4" ] && printf 'seal: %s\n' "$4"
	  [ -n "$5" ] && printf 'note: %s\n' "$5"
	  printf -- '---\n\n现将有关事项通知如下，请认真贯彻落实。\n\n```dateline\nsignature: %s\ndate: %s\n```\n' "$2" "$3"
	} > "$tmp/$1.md"
	render "$tmp/$1.md" "$tmp/$1.pdf" && lines "$tmp/$1.pdf" > "$tmp/l"
}
body=现将有关事项通知如下，请认真贯彻落实。
# 加盖印章 (7.3.5.1, the default): the date four characters from the right,
# the name centred over it; the seal (42 mm, centred on the date, its top on
# the foot of the body: within one line, as the clause asks) has the name
# and the date below its centre and on them, stays in the text block and
# clears the 附注 on the line after the date
closing sealed 孟津区人民政府 2024-01-25 "" 此件公开发布
d0=$(at 2024年1月25日 3) d1=$(at 2024年1月25日 4) dy=$(at 2024年1月25日 2) dz=$(at 2024年1月25日 5)
n0=$(at 孟津区人民政府 3) n1=$(at 孟津区人民政府 4) ny=$(at 孟津区人民政府 2) nz=$(at 孟津区人民政府 5)
near "${d1:-0}" "$(awk -v c="$cell" 'BEGIN { print 184 - 4 * c }')" 0.3 && ok || bad 成文日期 "ends at ${d1:-?} mm, not four characters from the right (161.71)"
near "$(awk -v a="${n0:-0}" -v b="${n1:-0}" 'BEGIN { print (a + b) / 2 }')" "$(awk -v a="${d0:-0}" -v b="${d1:-0}" 'BEGIN { print (a + b) / 2 }')" 0.3 &&
    ok || bad 署名 "${n0:-?}-${n1:-?} mm, not centred over the date ${d0:-?}-${d1:-?}"
by=$(at $body 2)
foot=$(awk -v r="$(row "${by:-0}")" -v p="$P" 'BEGIN { print 37 + (r + 1) * p }')
[ "$(row "${ny:-0}")" = "$(($(row "${by:-0}") + 3))" ] && [ "$(row "${dy:-0}")" = "$(($(row "${by:-0}") + 4))" ] &&
    ok || bad 印章 "body on row $(row "${by:-0}"), name on row $(row "${ny:-0}"), date on row $(row "${dy:-0}"): not two blank lines for the seal"
# the seal: centre (cx, cy), radius 21 mm
set -- $(awk -v a="${d0:-0}" -v b="${d1:-0}" -v f="$foot" 'BEGIN { print (a + b) / 2, f + 21 }')
cx=$1 cy=$2
awk -v cx="$cx" -v cy="$cy" -v n0="$n0" -v n1="$n1" -v ny="$ny" -v nz="$nz" -v d0="$d0" -v d1="$d1" -v dy="$dy" -v dz="$dz" 'BEGIN {
	in1 = ((n0 + n1) / 2 - cx) ^ 2 + ((ny + nz) / 2 - cy) ^ 2 < 21 ^ 2   # the name under the seal
	in2 = ((d0 + d1) / 2 - cx) ^ 2 + (dy - cy) ^ 2 < 21 ^ 2             # the seal on the date
	below = (ny + dz) / 2 > cy                                          # 居印章中心偏下
	inside = cx - 21 >= 28 && cx + 21 <= 184
	exit !(in1 && in2 && below && inside) }' && ok || bad 印章 "a 42 mm seal at ($cx, $cy) mm does not press name ($n0-$n1, $ny-$nz) and date ($d0-$d1, $dy-$dz)"
# 7.3.6 附注: 3号仿宋 in 圆括号, two characters in, on the line after the date,
# clear of the seal
t0=$(at （此件公开发布） 3) ty=$(at （此件公开发布） 2) t1=$(at （此件公开发布） 4)
near "${t0:-0}" "$(awk -v c="$cell" 'BEGIN { print 28 + 2 * c }')" 0.3 && [ "$(row "${ty:-0}")" = "$(($(row "${dy:-0}") + 1))" ] &&
    ok || bad 附注 "at ${t0:-?} mm, row $(row "${ty:-0}") (the date's $(row "${dy:-0}"))"
awk -v cx="$cx" -v cy="$cy" -v x0="$t0" -v x1="$t1" -v y="$ty" 'BEGIN { x = cx < x0 ? x0 : cx > x1 ? x1 : cx; exit !((x - cx) ^ 2 + (y - cy) ^ 2 > 21 ^ 2) }' &&
    ok || bad 附注 "under the seal"
$bin render -t "$tmp/sealed.md" -d $data --theme gongwen --dump=boxes > "$tmp/boxes" 2> "$tmp/err"
face() { awk -v t="$1" '$1 == "text" && index($0, "\"" t) { z = $5; sub(/.*face=/, ""); print $1, z; exit }' "$tmp/boxes"; }
[ -n "$(face （此件)" ] && [ "$(face （此件)" = "$(face 现将)" ] && ok || bad 附注 "face $(face （此件), body $(face 现将)"
# a note written with its brackets keeps them; no seal key outside 公文 keeps
# one blank line
closing sealed2 孟津区人民政府 2024-01-25 "" "（此件公开发布）"
[ "$(awk '$6 ~ /此件/ { print $6 }' "$tmp/l")" = （此件公开发布） ] && ok || bad 附注 "$(grep 此件 "$tmp/l")"
# 不加盖印章 (7.3.5.2): one blank line; the name two characters from the
# right, the date below it, its first character two characters right of the
# name's; a date longer than that: the date two from the right, the name
# moved left
for case in "孟津区人民政府 2024年1月25日 date" "孟津区人民政府办公室关于春节工作领导小组 2024年1月25日 name"; do
	set -- $case
	closing unsealed "$1" 2024-01-25 false
	n0=$(at "$1" 3) n1=$(at "$1" 4) ny=$(at "$1" 2) d0=$(at "$2" 3) d1=$(at "$2" 4) dy=$(at "$2" 2)
	r=$(awk -v c="$cell" 'BEGIN { print 184 - 2 * c }')
	if [ "$3" = date ]; then end=$d1; else end=$n1; fi
	near "${end:-0}" "$r" 0.3 && near "$(awk -v a="${d0:-0}" -v b="${n0:-0}" -v c="$cell" 'BEGIN { print (a - b) / c }')" 2 0.05 &&
	    [ "$(row "${ny:-0}")" = "$(($(row "$(at $body 2)") + 2))" ] && [ "$(row "${dy:-0}")" = "$(($(row "${ny:-0}") + 1))" ] &&
	    ok || bad 不加盖印章 "$1: name ${n0:-?}-${n1:-?} mm row $(row "${ny:-0}"), date ${d0:-?}-${d1:-?} row $(row "${dy:-0}")"
done
# the sample: the page of the 署名 holds body lines too (the last two lines
# go along with the 附件说明 and the signature, 7.3.5.5)
lines "$tmp/gongwen.pdf" > "$tmp/l"
sp=$(awk '$6 == "孟津区人民政府" && $3 > 100 { print $1; exit }' "$tmp/l")
awk -v p="${sp:-0}" '$1 == p && $3 < 28.1 && $6 !~ /^附件/ { n++ } END { exit !n }' "$tmp/l" && ok ||
    bad 署名 "page ${sp:-?} holds the signature and no line of the body"
# 10.1 信函格式 (format: letter), from the ink of a 254 dpi rendering: the
# mark's top 30 mm from the top edge, centred on the text block (106 mm);
# red double lines 170 mm long (21-191 mm), thick over thin 4 mm below the
# mark, thin over thick with its foot 20 mm above the bottom edge (277 mm);
# 份号 at the left and 发文字号 at the right edge of the text block, their
# ink 7/8 of a 3号 character (4.94 mm) below the line; the title two blank
# lines below the last element; page 1 unnumbered; the 版记 without rules
ink() {   # ink PDF PAGE Y0 Y1 [X0 X1]: per 0.1 mm row "mm red r0 r1 dark d0 d1"
	x0=${5:-0} x1=${6:-210}
	pdftoppm -r 254 -f "$2" -l "$2" -x $((x0 * 10)) -y $(($3 * 10)) -W $(((x1 - x0) * 10)) -H $((($4 - $3) * 10)) \
	    -singlefile "$1" "$tmp/ink" || return 1
	hdr=$(head -c 40 "$tmp/ink.ppm" | awk 'NR <= 3 { n += length($0) + 1 } END { print n }')
	tail -c +$((hdr + 1)) "$tmp/ink.ppm" | od -An -v -tu1 -w$(((x1 - x0) * 30)) |
	awk -v y0="$3" -v x0="$x0" '{
		red = dark = 0; r0 = d0 = 99999; r1 = d1 = -1
		for (i = 1; i <= NF; i += 3) {
			c = (i - 1) / 3
			if ($i > 150 && $(i + 1) < 90 && $(i + 2) < 90) { red++; if (c < r0) r0 = c; r1 = c }
			else if ($i < 110 && $(i + 1) < 110 && $(i + 2) < 110) { dark++; if (c < d0) d0 = c; d1 = c }
		}
		if (red || dark) printf "%.1f %d %.1f %.1f %d %.1f %.1f\n", y0 + (NR - 1) / 10, red, x0 + r0 / 10, x0 + (r1 + 1) / 10, dark, x0 + d0 / 10, x0 + (d1 + 1) / 10
	}'
}
cat > "$tmp/letter.md" <<'MD'
---
format: letter
copy_number: "000001"
secrecy: 秘密★1年
urgency: 特急
issuer_mark: 孟津区人民政府办公室
doc_number: 孟政办函〔2024〕5号
title: 孟津区人民政府办公室关于报送2024年重点工作进展情况的函
recipients: 区发展和改革委员会
cc: [区委办公室, 区人大常委会办公室]
---

请你单位于2月5日前报送本单位牵头的重点工作进展情况。

特此函告。

```dateline
signature: 孟津区人民政府办公室
date: 2024-01-25
```
MD
render "$tmp/letter.md" "$tmp/letter.pdf" && {
ink "$tmp/letter.pdf" 1 25 70 > "$tmp/rows"
set -- $(awk '$2 > 0 && $2 < 1000 { if (!n++) t = $1; if (!a || $3 < a) a = $3; if ($4 > b) b = $4 } END { print t, a, b }' "$tmp/rows")
near "${1:-0}" 30 && near "$(awk -v a="${2:-0}" -v b="${3:-0}" 'BEGIN { print (a + b) / 2 }')" 106 &&
    ok || bad 信函 "the mark's ink from ${1:-?} mm down, ${2:-?}-${3:-?} mm across: not 30 mm, centred on 106"
foot=$(awk '$2 > 0 && $2 < 1000 && $1 < 45 { f = $1 + 0.1 } END { print f }' "$tmp/rows")
# the bands of red rows at least 160 mm wide: "top foot x0 x1"
awk '$2 >= 1600 { if (!on || $1 > last + 0.15) { if (on) print t, last + 0.1, a, b; t = $1; a = $3; b = $4; on = 1 } last = $1 }
    END { if (on) print t, last + 0.1, a, b }' "$tmp/rows" > "$tmp/bands"
set -- $(head -1 "$tmp/bands") $(sed -n 2p "$tmp/bands")
near "$(awk -v a="${1:-0}" -v f="${foot:-0}" 'BEGIN { print a - f }')" 4 && near "${3:-0}" 21 0.3 && near "${4:-0}" 191 0.3 &&
    awk -v a="$1" -v b="$2" -v c="$5" -v d="$6" 'BEGIN { exit !(b - a > 2 * (d - c)) }' &&
    ok || bad 信函 "upper double line $(tr '\n' ';' < "$tmp/bands") mm, the mark's foot at ${foot:-?}: not thick over thin 4 mm below, 21-191 mm"
rule_foot=${6:-0}
ink "$tmp/letter.pdf" 1 265 285 | awk '$2 >= 1600 { if (!on || $1 > last + 0.15) { if (on) print t, last + 0.1; t = $1; on = 1 } last = $1 }
    END { if (on) print t, last + 0.1 }' > "$tmp/bands"
set -- $(head -1 "$tmp/bands") $(sed -n 2p "$tmp/bands")
near "${4:-0}" 277 0.3 && awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { exit !(d - c > 2 * (b - a)) }' &&
    ok || bad 信函 "lower double line $(tr '\n' ';' < "$tmp/bands"): not thin over thick, 20 mm above the bottom edge"
# the extent of the first line of ink below the rule: "top x0 x1"
first_ink() { awk -v r="$rule_foot" '$1 > r && $5 > 0 { if (!t) t = $1; if ($1 > t + 5) exit; if (!a || $6 < a) a = $6; if ($7 > b) b = $7 } END { print t, a, b }'; }
set -- $(ink "$tmp/letter.pdf" 1 45 60 0 100 | first_ink) $(ink "$tmp/letter.pdf" 1 45 60 120 200 | first_ink)
near "$(awk -v a="${4:-0}" -v r="$rule_foot" 'BEGIN { print a - r }')" 4.94 && near "${2:-0}" 28 0.3 && near "${6:-0}" 184 &&
    ok || bad 信函 "份号 from ${2:-?} mm, 发文字号 to ${6:-?} mm, its ink ${4:-?} mm down, the line's foot at $rule_foot: not 4.94 mm below, at 28 and 184 mm"
lines "$tmp/letter.pdf" > "$tmp/l"
$bin render -t "$tmp/letter.md" -d $data --theme gongwen --dump=boxes > "$tmp/boxes" 2> "$tmp/err"
basey() { awk -v t="$1" '$1 == "text" && /size=16.00/ && index($0, "\"" t) { print $3; exit }' "$tmp/boxes"; }
[ -n "$(basey 000001)" ] && [ "$(basey 000001)" = "$(basey 孟)" ] && ok || bad 信函 "份号 ($(basey 000001)) and 发文字号 ($(basey 孟)) not on one baseline"
lines "$tmp/letter.pdf" > "$tmp/l"
[ "$(row "$(at 特急 2)")" -ge 1 ] && [ "$(row "$(awk '$6 ~ /^孟津区人民政府办公室关于/ { print $2; exit }' "$tmp/l")")" = "$(($(row "$(at 特急 2)") + 3))" ] &&
    ok || bad 信函 "the title is not two blank lines below 特急"
pdftotext -f 1 -l 1 "$tmp/letter.pdf" - | grep -q '— *1 *—' && bad 信函 "page 1 is numbered" || ok
n=$(pdfinfo "$tmp/letter.pdf" | awk '/^Pages:/ { print $2 }')
qpdf --qdf --object-streams=disable --pages "$tmp/letter.pdf" "$n" -- "$tmp/letter.pdf" "$tmp/last.qdf"
pdftotext -f "$n" -l "$n" "$tmp/letter.pdf" - | grep -q '抄送：区委办公室' && [ $((n % 2)) = 0 ] &&
    ! grep -a -q '^[0-9.]* w [0-9.]* [0-9.]* m [0-9.]* [0-9.]* l S$' "$tmp/last.qdf" && ok || bad 信函 "版记 on page $n: rules drawn or 抄送 missing"
}
printf -- '---\nformat: letter\nprinter: 孟津区人民政府办公室\n---\n\n正文。\n' > "$tmp/bad.md"
$bin render -t "$tmp/bad.md" -d $data -o "$tmp/bad.pdf" 2> "$tmp/err"
[ $? = 2 ] && grep -q "bad.md:3:10: error: printer has no place in the 信函格式" "$tmp/err" && ok || bad 信函 "$(cat "$tmp/err")"
printf -- '---\nformat: 公函\n---\n\n正文。\n' > "$tmp/bad.md"
$bin render -t "$tmp/bad.md" -d $data -o "$tmp/bad.pdf" 2> "$tmp/err"
[ $? = 2 ] && grep -q "bad.md:2:9: error: format '公函'" "$tmp/err" && ok || bad format "$(cat "$tmp/err")"
# 联合行文 (7.2.4, 7.3.5): the marks one under another, 主办机关 first,
# spread to one width, one 文件 to their right centred on them, the whole
# centred on the text block (106 mm); sealed, the names side by side under
# seals 42 mm wide that neither touch nor leave the text block, the last
# centred on the date; unsealed, the names one under another, the date
# below the last
joint() {   # joint NAME SEAL
	{ printf -- '---\nissuer_mark: [中共孟津区委员会文件, 孟津区人民政府文件]\ndoc_number: 孟发〔2024〕1号\n'
	  printf 'title: 关于印发孟津区2024年重点工作任务的通知\nseal: %s\n---\n\n' "$2"
	  printf '现将有关事项通知如下，请认真贯彻落实。\n\n```dateline\nsignature: [中共孟津区委员会, 孟津区人民政府, 孟津区政协]\ndate: 2024-01-25\n```\n'
	} > "$tmp/$1.md"
	render "$tmp/$1.md" "$tmp/$1.pdf"
}
# words PDF PAGE: "x0 y0 x1 y1 text" in mm
words() {
	pdftotext -f "$2" -l "$2" -bbox "$1" - | sed -n 's/.*xMin="\([^"]*\)" yMin="\([^"]*\)" xMax="\([^"]*\)" yMax="\([^"]*\)">\(.*\)<\/word>/\1 \2 \3 \4 \5/p' |
	    awk '{ printf "%.2f %.2f %.2f %.2f %s\n", $1 * 25.4 / 72, $2 * 25.4 / 72, $3 * 25.4 / 72, $4 * 25.4 / 72, $5 }'
}
wat() { awk -v t="$1" -v n="$2" '$5 == t { print $n; exit }' "$tmp/w"; }
joint jsealed true && {
words "$tmp/jsealed.pdf" 1 > "$tmp/w"
a0=$(wat 中共孟津区委员会 1) a1=$(wat 中共孟津区委员会 3) ay=$(wat 中共孟津区委员会 2)
b0=$(wat 孟津区人民政府 1) b1=$(wat 孟津区人民政府 3) by=$(wat 孟津区人民政府 2) bz=$(wat 孟津区人民政府 4)
f0=$(wat 文件 1) f1=$(wat 文件 3) fy=$(wat 文件 2) fz=$(wat 文件 4)
near "${a0:-0}" "${b0:-1}" 0.3 && near "${a1:-0}" "${b1:-1}" 0.3 && awk -v a="${ay:-0}" -v b="${by:-0}" 'BEGIN { exit !(a < b) }' &&
    near "$(awk -v a="${fy:-0}" -v b="${fz:-0}" 'BEGIN { print (a + b) / 2 }')" "$(awk -v a="${ay:-0}" -v b="${bz:-0}" 'BEGIN { print (a + b) / 2 }')" &&
    awk -v f="${f0:-0}" -v a="${a1:-0}" 'BEGIN { exit !(f > a) }' && near "$(awk -v a="${a0:-0}" -v b="${f1:-0}" 'BEGIN { print (a + b) / 2 }')" 106 &&
    ok || bad 联合行文 "marks ${a0:-?}-${a1:-?} at ${ay:-?} and ${b0:-?}-${b1:-?} at ${by:-?}, 文件 ${f0:-?}-${f1:-?} at ${fy:-?}-${fz:-?} mm"
}
# the names: on one line (the page that holds the date), centres >= 44 mm
# apart, the seals within 28-184 mm, the last centred on the date
n=$(pdfinfo "$tmp/jsealed.pdf" | awk '/^Pages:/ { print $2 }')
p=1; while [ $p -le "$n" ] && ! words "$tmp/jsealed.pdf" $p | grep -q ' 日$'; do p=$((p + 1)); done
words "$tmp/jsealed.pdf" $p > "$tmp/w"
set -- $(awk '$2 > 100 && ($5 == "中共孟津区委员会" || $5 == "孟津区人民政府" || $5 == "孟津区政协") { printf "%.2f %.2f ", ($1 + $3) / 2, $2 }' "$tmp/w")
d0=$(awk '$5 == "2024" && $1 > 100 { print $1; exit }' "$tmp/w") d1=$(wat 日 3)
awk -v c1="${1:-0}" -v y1="${2:-0}" -v c2="${3:-0}" -v y2="${4:-9}" -v c3="${5:-0}" -v y3="${6:-9}" -v d0="${d0:-0}" -v d1="${d1:-0}" 'BEGIN {
	dc = (d0 + d1) / 2; d = c3 - dc; if (d < 0) d = -d
	exit !(y1 == y2 && y2 == y3 && c2 - c1 >= 44 && c3 - c2 >= 44 && c1 - 21 >= 28 && c3 + 21 <= 184 && d < 0.3) }' &&
    ok || bad 联合行文 "sealed names at $* (centres, tops), the date ${d0:-?}-${d1:-?} mm"
# five issuers: rows of three and two, five lines apart, every name inside
# the text block, the last row ending on the date
printf -- '---\ntitle: 通知\n---\n\n正文。\n\n```dateline\nsignature: [中共孟津区委员会, 孟津区人民政府, 孟津区政协, 孟津区人大常委会, 孟津区纪委]\ndate: 2024-01-25\n```\n' > "$tmp/j5.md"
render "$tmp/j5.md" "$tmp/j5.pdf" && words "$tmp/j5.pdf" 1 > "$tmp/w"
awk -v p="$P" '$5 ~ /^(中共孟津区委员会|孟津区人民政府|孟津区政协|孟津区人大常委会|孟津区纪委)$/ { n++; y[n] = $2; if ($1 < 27.9 || $3 > 184.1) out++ }
    END { exit !(n == 5 && y[1] == y[3] && y[4] == y[5] && (y[4] - y[1]) / p > 4.9 && (y[4] - y[1]) / p < 5.1 && !out) }' "$tmp/w" &&
    ok || bad 联合行文 "five names: $(awk '$2 > 50 && $2 < 200 { printf "%s %s-%s@%s;", $5, $1, $3, $2 }' "$tmp/w")"
joint junsealed false
n=$(pdfinfo "$tmp/junsealed.pdf" | awk '/^Pages:/ { print $2 }')
lines "$tmp/junsealed.pdf" | awk -v n="$n" '$1 == n && $2 > 100' > "$tmp/l"
r1=$(row "$(at 中共孟津区委员会 2)") r2=$(row "$(at 孟津区人民政府 2)") r3=$(row "$(at 孟津区政协 2)") rd=$(row "$(at 2024年1月25日 2)")
[ "$r2" = $((r1 + 1)) ] && [ "$r3" = $((r2 + 1)) ] && [ "$rd" = $((r3 + 1)) ] && [ "$(at 中共孟津区委员会 3)" = "$(at 孟津区政协 3)" ] &&
    ok || bad 联合行文 "unsealed names on rows $r1 $r2 $r3, the date on $rd"
printf -- '---\nseal: maybe\n---\n\n正文。\n' > "$tmp/bad.md"
$bin render -t "$tmp/bad.md" -d $data -o "$tmp/bad.pdf" 2> "$tmp/err"
[ $? = 2 ] && grep -q "bad.md:2:7: error: seal 'maybe'" "$tmp/err" && ok || bad seal "$(cat "$tmp/err")"

echo "gongwen-layout: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
