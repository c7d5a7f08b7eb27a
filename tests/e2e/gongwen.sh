#!/bin/sh
# gongwen.sh -- the 公文 elements of GB/T 9704-2012 (docs/gongwen.md), measured
# from the PDF: positions in mm from the page edges (ink of a 254 dpi
# rendering, pdftotext -bbox), the red of the 发文机关标志 and the separator
# rule and the widths of the rules (the content stream, qpdf --qdf), faces
# (pdffonts and the box dump), the 版记 on an even last page and pages with
# no number, the title broken between words.
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
mm() { awk -v p="$1" 'BEGIN { printf "%.2f", p * 25.4 / 72 }'; }
near() { awk -v a="$1" -v b="$2" -v t="${3:-0.5}" 'BEGIN { d = a - b; exit !(d <= t && d >= -t) }'; }
# ink PDF PAGE Y0 Y1: one line per pixel row (0.1 mm) between Y0 and Y1 mm
# from the top edge of the page: "mm red x0 x1 dark x0 x1" (x in mm)
ink() {
	pdftoppm -r 254 -f "$2" -l "$2" -x 0 -y $(($3 * 10)) -W 2100 -H $((($4 - $3) * 10)) \
	    -singlefile "$1" "$tmp/ink" || return 1
	hdr=$(head -c 40 "$tmp/ink.ppm" | awk 'NR <= 3 { n += length($0) + 1 } END { print n }')
	tail -c +$((hdr + 1)) "$tmp/ink.ppm" | od -An -v -tu1 -w6300 |
	awk -v y0="$3" '{
		red = dark = 0; r0 = d0 = 99999; r1 = d1 = -1
		for (i = 1; i <= NF; i += 3) {
			c = (i - 1) / 3
			if ($i > 150 && $(i + 1) < 90 && $(i + 2) < 90) { red++; if (c < r0) r0 = c; r1 = c }
			else if ($i < 110 && $(i + 1) < 110 && $(i + 2) < 110) { dark++; if (c < d0) d0 = c; d1 = c }
		}
		if (red || dark) printf "%.1f %d %.1f %.1f %d %.1f %.1f\n", y0 + (NR - 1) / 10, red, r0 / 10, r1 / 10, dark, d0 / 10, d1 / 10
	}'
}
# words of page N as "xMin yMin xMax yMax text" in mm from the top left
words() {
	pdftotext -f "$2" -l "$2" -bbox "$1" - | sed -n 's/.*xMin="\([^"]*\)" yMin="\([^"]*\)" xMax="\([^"]*\)" yMax="\([^"]*\)">\(.*\)<\/word>/\1 \2 \3 \4 \5/p' |
	    awk '{ printf "%.2f %.2f %.2f %.2f %s\n", $1 * 25.4 / 72, $2 * 25.4 / 72, $3 * 25.4 / 72, $4 * 25.4 / 72, $5 }'
}

cat > "$tmp/full.md" <<'MD'
---
title: 洛阳市人民政府关于印发孟津区2024年重点工作任务的通知
copy_number: "000001"
secrecy: 秘密★1年
urgency: 特急
issuer_mark: 洛阳市人民政府文件
doc_number: 洛政〔2025〕7号
recipients: 各县（市、区）人民政府，市人民政府各部门
attachments: [孟津区2024年重点工作任务分解表, 孟津区2024年重点项目清单]
cc: [市委各部门, 市人大常委会办公室, 市政协办公室, 洛阳军分区, 市中级法院, 市检察院]
printer: 洛阳市人民政府办公室
print_date: 2025-01-10
---

现将孟津区2024年重点工作任务印发给你们，请认真贯彻落实。

## 一、总体要求

坚持稳中求进工作总基调，*统筹发展和安全*。

### （一）重点任务

加快推进产业转型升级。

```dateline
signature: 洛阳市人民政府
date: 2025-01-10
```
MD
pdf=$tmp/full.pdf
if ! $bin render -t "$tmp/full.md" -d $data --theme gongwen -o "$pdf" 2> "$tmp/err" ||
    ! $bin render -t "$tmp/full.md" -d $data --theme gongwen --dump=boxes > "$tmp/boxes" 2>> "$tmp/err"; then
	bad render "$(cat "$tmp/err")"
	echo "gongwen: $pass passed, $fail failed"
	exit 1
fi
qpdf --check "$pdf" > /dev/null 2>&1 && ok || bad qpdf "qpdf --check fails"
qpdf --qdf --object-streams=disable "$pdf" "$tmp/full.qdf"

# 7.2.4 发文机关标志: red, its ink 35 mm below the top of the text block
# (37 + 35 mm from the top edge), centred on the text block (28 + 78 mm)
ink "$pdf" 1 40 175 > "$tmp/rows"
set -- $(awk '$2 > 0 && $2 < 1000 { print; exit }' "$tmp/rows")
near "${1:-0}" 72 && ok || bad 发文机关标志 "its top is ${1:-none} mm from the top edge, not 72"
set -- $(awk '$2 > 0 && $2 < 1000 { if (!n++ || $3 < a) a = $3; if ($4 > b) b = $4 } END { print a, b }' "$tmp/rows")
near "$(awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { print (a + b) / 2 }')" 106 &&
    ok || bad 发文机关标志 "spans ${1:-?}-${2:-?} mm: not centred on 106 mm"
grep -a -A1 '^0\.[0-9]* 0 0 rg$' "$tmp/full.qdf" | grep -q 'Tj' && ok || bad 发文机关标志 "no text in pure red (0.xx 0 0 rg)"
# 7.2.5 the red rule: as wide as the text block (28-184 mm), 4 mm below the
# ink of the 发文字号, which is centred
set -- $(awk '$2 >= 1000 { print; exit }' "$tmp/rows")
rule_top=${1:-0}
near "${3:-0}" 28 && near "${4:-0}" 184 && ok || bad 分隔线 "red rule from ${3:-?} to ${4:-?} mm, not 28-184"
above=$(awk -v r="$rule_top" '$1 < r && $5 > 0 { y = $1 } END { print y }' "$tmp/rows")
near "$(awk -v a="$rule_top" -v b="${above:-0}" 'BEGIN { print a - b }')" 4 &&
    ok || bad 分隔线 "the rule's top at $rule_top mm, the 发文字号's foot at $above mm: not 4 mm apart"
grep -a -B1 '^[0-9.]* w 79.37 [0-9.]* m 521.57 [0-9.]* l S$' "$tmp/full.qdf" | grep -q '^0\.[0-9]* 0 0 RG$' &&
    ok || bad 分隔线 "no pure red rule 79.37-521.57 pt (156 mm) wide"
words "$pdf" 1 > "$tmp/w1"
set -- $(grep ' 洛政〔2025〕7' "$tmp/w1"; grep ' 号$' "$tmp/w1" | head -1)
near "$(awk -v a="${1:-0}" -v b="${8:-0}" 'BEGIN { print (a + b) / 2 }')" 106 &&
    ok || bad 发文字号 "洛政〔2025〕7号 from ${1:-?} to ${8:-?} mm: not centred"
# 7.2.1-7.2.3 份号, 密级和保密期限, 紧急程度: top left, one a line, from the
# top of the text block; 密级 and 紧急程度 in 黑体 (the face of 一、 headings)
# (the middle of line k of the grid: 37 + (k + 0.5) * 225 / 22 mm)
k=0
for w in 000001 秘密★1 特急; do
	set -- $(grep " $w\$" "$tmp/w1")
	mid=$(awk -v a="${2:-0}" -v b="${4:-0}" 'BEGIN { print (a + b) / 2 }')
	near "${1:-0}" 28 && near "$mid" "$(awk -v k=$k 'BEGIN { print 37 + (k + 0.5) * 225 / 22 }')" &&
	    ok || bad "$w" "at ${1:-?} mm, its middle $mid mm: not on line $((k + 1)) at the left"
	k=$((k + 1))
done
# the face of the first box that starts with $1 (of size $2 or more)
face() { awk -v t="$1" -v s="${2:-0}" '$1 == "text" && index($0, "\"" t) { z = $5; sub(/size=/, "", z); if (z + 0 < s + 0) next; sub(/.*face=/, ""); print $1; exit }' "$tmp/boxes"; }
[ -n "$(face 秘)" ] && [ "$(face 秘)" = "$(face 一、总体要求)" ] && [ "$(face 特)" = "$(face 秘)" ] &&
    [ "$(face 秘)" != "$(face 现将)" ] && ok || bad 密级 "face $(face 秘), 特急 $(face 特), 黑体 heading $(face 一、总体要求)"
pdffonts "$pdf" | grep -q NotoSansCJK && ok || bad 黑体 "no Noto Sans CJK in the PDF"
[ -n "$(face 洛 30)" ] && [ "$(face 洛 30)" = "$(face 洛阳市人民政府关于)" ] && pdffonts "$pdf" | grep -q NotoSerifCJKsc-Bold &&
    ok || bad 发文机关标志 "not in the title's face (小标宋, Noto Serif CJK Bold)"

# 7.3.1 标题: two lines below the rule; broken between words (2024年 stays
# whole); centred; 7.3.2 主送机关 flush left one line below, with ：
grep -q '"洛阳市人民政府关于印发孟津区"' "$tmp/boxes" && grep -A2 '"洛阳市人民政府关于印发孟津区"' "$tmp/boxes" | grep -q '"年"' &&
    grep -q '"重点工作任务的通知"' "$tmp/boxes" && ok || bad 标题 "not …孟津区2024年 / 重点工作任务的通知: $(grep -c 'size=22' "$tmp/boxes") lines"
title_top=$(awk -v r="$rule_top" '$1 > r + 1 && $5 > 0 { print; exit }' "$tmp/rows" | cut -d' ' -f1)
awk -v a="${title_top:-0}" -v r="$rule_top" 'BEGIN { d = a - r; exit !(d > 2 * 10.227 && d < 3 * 10.227) }' &&
    ok || bad 标题 "its top ${title_top:-?} mm, the rule at $rule_top mm: not two lines below"
set -- $(grep ' 重点工作任务的通知$' "$tmp/w1")
near "$(awk -v a="${1:-0}" -v b="${3:-0}" 'BEGIN { print (a + b) / 2 }')" 106 && ok || bad 标题 "not centred"
set -- $(grep ' 各县（市、区）人民政府，市人民政府各部门：$' "$tmp/w1")
near "${1:-0}" 28 && ok || bad 主送机关 "not flush left with ： at its end (${1:-absent})"
# one blank line between the title's last line and it: two lines of the grid
# between the centres of their em boxes (baseline - 0.38 em, box dump)
centre() { awk -v t="$1" '$1 == "text" && index($0, "\"" t) { y = $3; s = $5; sub(/y=/, "", y); sub(/size=/, "", s); print y - 0.38 * s; exit }' "$tmp/boxes"; }
near "$(awk -v a="$(centre 各县)" -v b="$(centre 重点工作任务的通知)" 'BEGIN { print (a - b) * 25.4 / 72 }')" 20.45 &&
    ok || bad 主送机关 "not one blank line below the title"
# 7.3.3 a ### （一） heading in 楷体 (the face of *emphasis*), not the level 3 face (仿宋)
[ -n "$(face （一）)" ] && [ "$(face （一）)" = "$(face 统筹发展和安全)" ] && [ "$(face （一）)" != "$(face 加快推进)" ] &&
    ok || bad "（一）" "face $(face （一）), 楷体 $(face 统筹发展和安全), body $(face 加快推进)"
# 7.3.4 附件说明: 附件 two characters in, the second name under the first
words "$pdf" 2 > "$tmp/w2"
cat "$tmp/w1" "$tmp/w2" > "$tmp/wall"
a0=$(grep ' 附件：$' "$tmp/wall" | cut -d' ' -f1)
n1=$(grep -A1 ' 1\.$' "$tmp/wall" | sed -n '2s/ .*//p')
n2=$(grep -A1 ' 2\.$' "$tmp/wall" | sed -n '2s/ .*//p')
near "${a0:-0}" "$(awk 'BEGIN { print 28 + 2 * 16 * 25.4 / 72 }')" && [ -n "$n1" ] && [ "$n1" = "$n2" ] && ok ||
    bad 附件说明 "附件 at ${a0:-?} mm, not two characters in; names at ${n1:-?} and ${n2:-?} mm"

# 7.4 版记: 4号仿宋 between rules as wide as the text block, the last on the
# foot of the text block (35 mm above the bottom edge), 0.35 and 0.25 mm
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
[ $((pages % 2)) -eq 0 ] && ok || bad 版记 "on page $pages, an odd page"
words "$pdf" "$pages" > "$tmp/wl"
grep -q ' 抄送：市委各部门，' "$tmp/wl" && grep -q ' 日印发$' "$tmp/wl" &&
    grep -q ' 洛阳市人民政府办公室$' "$tmp/wl" && ok || bad 版记 "抄送, 印发机关 or 印发日期 not on the last page"
set -- $(grep ' 抄送：' "$tmp/wl")
near "$(awk -v a="${2:-0}" -v b="${4:-0}" 'BEGIN { print (b - a) * 72 / 25.4 }')" 14 0.2 && ok || bad 版记 "抄送 is not 14 pt (4号)"
near "${1:-0}" "$(awk 'BEGIN { print 28 + 14 * 25.4 / 72 }')" && ok || bad 版记 "抄送 not one character in"
set -- $(grep ' 日印发$' "$tmp/wl")
near "${3:-0}" "$(awk 'BEGIN { print 184 - 14 * 25.4 / 72 }')" && ok || bad 版记 "印发日期 not one character from the right (${3:-?})"
# rules of the last page, from the page's content: width, from, to, y
qpdf --qdf --object-streams=disable --pages "$pdf" "$pages" -- "$pdf" "$tmp/last.qdf"
grep -a '^[0-9.]* w [0-9.]* [0-9.]* m [0-9.]* [0-9.]* l S$' "$tmp/last.qdf" > "$tmp/rules"
set -- $(tail -1 "$tmp/rules")
near "$(mm "${1:-0}")" 0.35 0.02 && near "$(mm "${4:-0}")" 35 && near "$(mm "${3:-0}")" 28 && near "$(mm "${6:-0}")" 184 &&
    ok || bad 版记 "last rule: $(tail -1 "$tmp/rules")"
[ "$(awk '{ printf "%.2f ", $1 * 25.4 / 72 }' "$tmp/rules" | tail -c 16)" = "0.35 0.25 0.35 " ] &&
    ok || bad 版记 "rules $(awk '{ printf "%.2f ", $1 * 25.4 / 72 }' "$tmp/rules") mm, not 0.35 0.25 0.35"

# a body that ends on page 2 with no room: a blank page 3 and the 版记 on
# page 4, neither numbered; ending on page 1: the 版记 alone on page 2, which
# keeps its number (7.5: only a 版记 page after a blank page has none)
awk 'NR == 1, /^---$/ && NR > 1' "$tmp/full.md" > "$tmp/long.md"
i=0
while [ $i -lt 24 ]; do echo; echo "第$i段正文。"; i=$((i + 1)); done >> "$tmp/long.md"
$bin render -t "$tmp/long.md" -d $data --theme gongwen -o "$tmp/long.pdf" 2> "$tmp/err" || bad long "$(cat "$tmp/err")"
n=$(pdfinfo "$tmp/long.pdf" | awk '/^Pages:/ { print $2 }')
[ "$n" = 4 ] && [ -z "$(pdftotext -f 3 -l 3 "$tmp/long.pdf" - | tr -d ' \n\f')" ] && ok ||
    bad 空白页 "$n pages; page 3 holds '$(pdftotext -f 3 -l 3 "$tmp/long.pdf" - | head -c 60)'"
pdftotext -f 4 -l 4 "$tmp/long.pdf" - | grep -q '— *4 *—' && bad 版记页 "page 4 is numbered" || ok
pdftotext -f 2 -l 2 "$tmp/long.pdf" - | grep -q '— *2 *—' && ok || bad 页码 "page 2 has lost its number"
sed '/^## /,$d' "$tmp/full.md" > "$tmp/short.md"
$bin render -t "$tmp/short.md" -d $data --theme gongwen -o "$tmp/short.pdf" 2> "$tmp/err" || bad short "$(cat "$tmp/err")"
n=$(pdfinfo "$tmp/short.pdf" | awk '/^Pages:/ { print $2 }')
[ "$n" = 2 ] && pdftotext -f 2 -l 2 "$tmp/short.pdf" - | grep -q '抄送' &&
    pdftotext -f 2 -l 2 "$tmp/short.pdf" - | grep -q '— *2 *—' && ok || bad 版记页 "$n pages, or page 2 not numbered"

# 上行文: 发文字号 one character in from the left, 签发人 one from the right
# with the names in 楷体; keys left out are absent (no 份号, no mark, no 版记)
cat > "$tmp/up.md" <<'MD'
---
title: 孟津区人民政府关于2024年重点工作任务完成情况的报告
doc_number: 孟政〔2025〕12号
signer: [张三, 李四]
---

现将有关情况报告如下。
MD
$bin render -t "$tmp/up.md" -d $data --theme gongwen -o "$tmp/up.pdf" 2> "$tmp/err" &&
    $bin render -t "$tmp/up.md" -d $data --theme gongwen --dump=boxes > "$tmp/boxes" 2>> "$tmp/err" || bad up "$(cat "$tmp/err")"
words "$tmp/up.pdf" 1 > "$tmp/wu"
set -- $(grep ' 孟政〔2025〕12' "$tmp/wu")
near "${1:-0}" "$(awk 'BEGIN { print 28 + 16 * 25.4 / 72 }')" && ok || bad 上行文 "发文字号 at ${1:-?} mm"
set -- $(grep ' 李四$' "$tmp/wu")
near "${3:-0}" "$(awk 'BEGIN { print 184 - 16 * 25.4 / 72 }')" && ok || bad 签发人 "names end at ${3:-?} mm"
[ -n "$(face 张)" ] && [ "$(face 张)" != "$(face 签)" ] && [ "$(face 签)" = "$(face 现将)" ] &&
    ok || bad 签发人 "faces: names $(face 张), label $(face 签), body $(face 现将)"
pdftotext "$tmp/up.pdf" - | grep -q '文件\|抄送\|印发' && bad 缺省 "an element left out is printed" || ok
[ "$(pdfinfo "$tmp/up.pdf" | awk '/^Pages:/ { print $2 }')" = 1 ] && ok || bad 缺省 "pages added with no 版记"

# an explicit break in the title: kept in the layout, not in the PDF's Title
printf -- '---\ntitle: "关于做好2025年\\n春节期间安全工作的通知"\n---\n\n正文。\n' > "$tmp/br.md"
$bin render -t "$tmp/br.md" -d $data --theme gongwen -o "$tmp/br.pdf" 2> "$tmp/err" || bad br "$(cat "$tmp/err")"
pdftotext "$tmp/br.pdf" - | head -3 | tr -d ' ' > "$tmp/brt"
grep -qx '关于做好2025年' "$tmp/brt" && grep -qx '春节期间安全工作的通知' "$tmp/brt" && ok || bad 标题 "explicit break lost: $(cat "$tmp/brt")"
pdfinfo "$tmp/br.pdf" | grep -q '^Title: *关于做好2025年春节期间安全工作的通知$' && ok || bad Title "$(pdfinfo "$tmp/br.pdf" | grep Title)"

# 6.3 / issue item 4: lines that hold digits stay on the 28-character grid:
# every word of Han characters starts on a column (28 mm + k × 156/28 mm),
# and no line is letter-spaced wider (no positive Tc in the content)
cat > "$tmp/digits.md" <<'MD'
---
title: 数字
---

2024年全区地区生产总值增长6.5%，一般公共预算收入完成41.82亿元，固定资产投资增长10%以上，社会消费品零售总额达到100亿元，城镇新增就业12000人，居民人均可支配收入增长7%左右，粮食产量稳定在50万吨以上，新建改建农村公路315公里，改造老旧小区46个，新增停车位3800个。
MD
$bin render -t "$tmp/digits.md" -d $data --theme gongwen -o "$tmp/digits.pdf" 2> "$tmp/err" || bad digits "$(cat "$tmp/err")"
words "$tmp/digits.pdf" 1 | LC_ALL=C awk '{ c = substr($5, 1, 1) } c >= "\344" && c <= "\351" && $2 > 50 {
	k = ($1 - 28) / (156 / 28); d = k - int(k + 0.5); if (d < 0) d = -d
	n++; if (d > 0.03) { off++; printf "%s at %.2f mm (column %.2f)\n", $5, $1, k } } END { if (!n) print "no Han words" }' > "$tmp/off"
[ ! -s "$tmp/off" ] && ok || bad 网格 "off the columns: $(head -3 "$tmp/off" | tr '\n' ';')"
qpdf --qdf --object-streams=disable "$tmp/digits.pdf" "$tmp/digits.qdf"
LC_ALL=C grep -a -o '^[0-9.]* Tc$' "$tmp/digits.qdf" | awk '$1 > 0.01' | sort -u > "$tmp/tc"
[ ! -s "$tmp/tc" ] && ok || bad 网格 "letter-spaced: $(tr '\n' ' ' < "$tmp/tc")"

# bad values: exit 2, file:line:col naming the value
printf -- '---\ndoc_number: 洛政[2025]07号\n---\n\n正文。\n' > "$tmp/bad.md"
$bin render -t "$tmp/bad.md" -d $data --theme gongwen -o "$tmp/bad.pdf" 2> "$tmp/err"
rc=$?
[ $rc = 2 ] && grep -q "bad.md:2:13: error: doc_number '洛政\[2025\]07号'" "$tmp/err" && [ ! -e "$tmp/bad.pdf" ] &&
    ok || bad doc_number "exit $rc: $(cat "$tmp/err")"
printf -- '---\nurgency: 很急\n---\n\n正文。\n' > "$tmp/bad.md"
$bin render -t "$tmp/bad.md" -d $data -o "$tmp/bad.pdf" 2> "$tmp/err"
[ $? = 2 ] && grep -q "bad.md:2:10: error: urgency '很急'" "$tmp/err" && ok || bad urgency "$(cat "$tmp/err")"
echo "gongwen: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
