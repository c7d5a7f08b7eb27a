#!/bin/sh
# unseen-gongwen.sh -- 公文 of kinds and shapes the other scripts do not
# render (a 请示, a 报告, a 函, a one-line 通知 with no 主送机关), measured
# from the PDF against GB/T 9704-2012 as docs/gongwen.md states it.
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
# the page number of page N of PDF ("" when it has none): the text of the
# line below the text block (262 mm) that holds a 一字线
pageno() {
	pdftotext -f "$2" -l "$2" -bbox "$1" - |
	    sed -n 's/.*yMin="\([^"]*\)".*>\(.*\)<\/word>/\1 \2/p' |
	    awk '$1 * 25.4 / 72 > 262 { s = s $2 } END { print s }'
}

# 1. 7.5: "公文的版记页前有空白页的，空白页和版记页均不编排页码" -- only a
# 版记 page after a blank page is unnumbered.  A one-line 通知 whose 版记
# does not fit on page 1 has it on page 2, with no blank page before it: page
# 2 keeps its number (— 2 —, left); a body that ends on page 2 puts the 版记
# on page 4 after a blank page 3, and neither is numbered.
cat > "$tmp/one.md" <<'MD'
---
theme: gongwen
secrecy: 秘密
issuer_mark: 孟津区人民政府文件
doc_number: 孟政〔2024〕100号
title: 孟津区人民政府关于张三同志任职的通知
seal: false
cc: [区委组织部, 区人力资源和社会保障局, 区财政局, 区审计局, 区统计局, 区行政审批和政务信息管理局, 区档案馆]
printer: 孟津区人民政府办公室
print_date: 2024-06-01
note: 此件主动公开
---

决定任命张三同志为孟津区交通运输局局长。

```dateline
signature: 孟津区人民政府
date: 2024-06-01
```
MD
if $bin render -t "$tmp/one.md" -d $data -o "$tmp/one.pdf" 2> "$tmp/err"; then
	n=$(pdfinfo "$tmp/one.pdf" | awk '/^Pages:/ { print $2 }')
	[ "$n" = 2 ] && pdftotext -f 2 -l 2 "$tmp/one.pdf" - | grep -q 抄送 && ok || bad 版记 "$n pages, or no 抄送 on page 2"
	[ "$(pageno "$tmp/one.pdf" 1)" = "—1—" ] && [ "$(pageno "$tmp/one.pdf" 2)" = "—2—" ] && ok ||
	    bad 页码 "the 版记 page after page 1 (no blank page): page numbers '$(pageno "$tmp/one.pdf" 1)', '$(pageno "$tmp/one.pdf" 2)', not —1— and —2—"
	# even page: left, one character (4号, 14 pt) in from 28 mm
	x=$(pdftotext -f 2 -l 2 -bbox "$tmp/one.pdf" - | sed -n 's/.*xMin="\([^"]*\)" yMin="\([^"]*\)".*>—.*<\/word>/\1 \2/p' |
	    awk '$2 * 25.4 / 72 > 262 { printf "%.2f", $1 * 25.4 / 72; exit }')
	awk -v x="${x:-0}" 'BEGIN { d = x - (28 + 14 * 25.4 / 72); exit !(d > -0.6 && d < 0.6) }' && ok ||
	    bad 页码 "page 2's number starts at ${x:-?} mm, not one 4号 character in (32.94 mm)"
else
	bad one "$(cat "$tmp/err")"
fi
# 2. a body of 30 one-line paragraphs that ends on the foot of page 2 and no
# dateline: the 附注 (7.3.6, after the body when there is no 成文日期) stood
# alone on page 3; now the last two lines of the body go with it, as with a
# signature (7.3.5.5), and the 版记 page 4, after page 3 that is no blank
# page, is numbered.  Without the 附注 the 版记 comes after a blank page 3,
# and neither is numbered.
{ sed '/^---$/,/^---$/!d' "$tmp/one.md"; i=0; while [ $i -lt 30 ]; do printf '\n第%d段正文。\n' $i; i=$((i + 1)); done; } > "$tmp/two.md"
if $bin render -t "$tmp/two.md" -d $data -o "$tmp/two.pdf" 2> "$tmp/err"; then
	n=$(pdfinfo "$tmp/two.pdf" | awk '/^Pages:/ { print $2 }')
	note_page=$(pdftotext "$tmp/two.pdf" - | awk '/\f/ { p += gsub(/\f/, "") } /此件主动公开/ { print p + 1; exit }')
	body=$(pdftotext -f "${note_page:-1}" -l "${note_page:-1}" "$tmp/two.pdf" - | grep -c '段正文')
	[ "${body:-0}" -ge 2 ] && ok || bad 附注 "the 附注 on page ${note_page:-?} with ${body:-0} lines of the body"
	[ "$n" = 4 ] && [ "$(pageno "$tmp/two.pdf" 4)" = "—4—" ] && ok ||
	    bad 页码 "$n pages; the 版记 page after a page that is not blank numbered '$(pageno "$tmp/two.pdf" 4)', not —4—"
else
	bad two "$(cat "$tmp/err")"
fi
grep -v '^note:' "$tmp/two.md" > "$tmp/three.md"
if $bin render -t "$tmp/three.md" -d $data -o "$tmp/three.pdf" 2> "$tmp/err"; then
	n=$(pdfinfo "$tmp/three.pdf" | awk '/^Pages:/ { print $2 }')
	[ "$n" = 4 ] && [ -z "$(pdftotext -f 3 -l 3 "$tmp/three.pdf" - | tr -d ' \n\f')" ] &&
	    [ "$(pageno "$tmp/three.pdf" 2)" = "—2—" ] && [ -z "$(pageno "$tmp/three.pdf" 4)" ] && ok ||
	    bad 页码 "$n pages; page 3 '$(pdftotext -f 3 -l 3 "$tmp/three.pdf" - | head -c 40)', numbers '$(pageno "$tmp/three.pdf" 2)' '$(pageno "$tmp/three.pdf" 4)'"
else
	bad three "$(cat "$tmp/err")"
fi

# 3. 7.4.2: a 抄送机关 longer than the line (broken only after ，and 、) ran
# past the text block to 213 mm, and what was past the page edge was lost
# in pdftotext; now it is broken between its words: every word of the 版记
# inside 28-184 mm, the names read back whole
long=河南省洛阳市孟津区人民政府办公室行政审批和政务信息管理局综合业务科室档案管理中心
printf -- '---\ntheme: gongwen\ntitle: 关于做好安全生产工作的通知\ncc: [%s, 区档案馆]\nprinter: 孟津区人民政府办公室\nprint_date: 2024-06-01\n---\n\n正文。\n' "$long" > "$tmp/cc.md"
if $bin render -t "$tmp/cc.md" -d $data -o "$tmp/cc.pdf" 2> "$tmp/err"; then
	n=$(pdfinfo "$tmp/cc.pdf" | awk '/^Pages:/ { print $2 }')
	pdftotext -f "$n" -l "$n" -bbox "$tmp/cc.pdf" - | sed -n 's/.*xMin="\([^"]*\)".*xMax="\([^"]*\)".*>\(.*\)<\/word>/\1 \2 \3/p' |
	    awk '{ a = $1 * 25.4 / 72; b = $2 * 25.4 / 72; if (a < 27.9 || b > 184.1) printf "%s %.1f-%.1f mm; ", $3, a, b }' > "$tmp/out"
	[ ! -s "$tmp/out" ] && ok || bad 抄送 "past the text block: $(cat "$tmp/out")"
	pdftotext -f "$n" -l "$n" "$tmp/cc.pdf" - | tr -d ' \n' | grep -q "抄送：$long，区档案馆。" && ok ||
	    bad 抄送 "text lost: $(pdftotext -f "$n" -l "$n" "$tmp/cc.pdf" - | tr -d ' \n' | head -c 120)"
else
	bad cc "$(cat "$tmp/err")"
fi

# 4. 7.2.5: the 发文顺序号 is a number: 孟政〔2024〕7a号, 7-1号 and 7号号
# were taken; each is an error (exit 2, no PDF) naming the value at its
# line and column
for dn in 孟政〔2024〕7a号 孟政〔2024〕7-1号 孟政〔2024〕7号号; do
	printf -- '---\ntheme: gongwen\ndoc_number: %s\ntitle: 关于的通知\n---\n\n正文。\n' "$dn" > "$tmp/dn.md"
	rm -f "$tmp/dn.pdf"
	$bin render -t "$tmp/dn.md" -d $data -o "$tmp/dn.pdf" 2> "$tmp/err"
	rc=$?
	[ $rc = 2 ] && [ ! -e "$tmp/dn.pdf" ] && grep -q "dn.md:3:13: error: doc_number '$dn' .*Arabic digits.*\[gongwen-value\]" "$tmp/err" &&
	    ok || bad 发文字号 "$dn: exit $rc: $(cat "$tmp/err")"
done
printf -- '---\ntheme: gongwen\ndoc_number: 孟政办发〔2024〕117号\ntitle: 关于的通知\n---\n\n正文。\n' > "$tmp/dn.md"
$bin render -t "$tmp/dn.md" -d $data -o "$tmp/dn.pdf" 2> "$tmp/err" &&
    pdftotext "$tmp/dn.pdf" - | tr -d ' ' | grep -q '^孟政办发〔2024〕117号$' && ok || bad 发文字号 "孟政办发〔2024〕117号: $(cat "$tmp/err")"

# 5. 7.3.2, 7.3.5.5: a 通知 of a two-line body and five 附件 under a full
# 版头: the last two lines of the body go with the 附件说明 and the
# signature, and the 主送机关 stays with the first line of the body (it
# was left alone at the foot of page 1, the body on page 2): the 主送机关,
# the body's first line and the date on one page
cat > "$tmp/fj.md" <<'MD'
---
theme: gongwen
urgency: 特急
copy_number: "000021"
secrecy: 机密
issuer_mark: 孟津区人民政府办公室文件
doc_number: 孟政办〔2024〕5号
title: 孟津区人民政府办公室关于印发孟津区2024年防汛抗旱应急预案等五个文件的通知
recipients: 各镇人民政府、街道办事处，区人民政府各部门，各有关单位
attachments: [孟津区2024年防汛抗旱应急预案, 孟津区2024年森林防火工作方案, 孟津区2024年地质灾害防治方案及重点隐患点分布和责任人名单, 孟津区2024年安全生产大检查工作方案, 孟津区2024年应急物资储备清单]
note: 此件主动公开
---

现将《孟津区2024年防汛抗旱应急预案》等五个文件印发给你们，请结合实际，认真贯彻执行。

```dateline
signature: 孟津区人民政府办公室
date: 2024-03-01
```
MD
# the page of the first line of PDF's text that holds $2
page_of() { pdftotext "$1" - | awk -v t="$2" '{ p += gsub(/\f/, "") } index($0, t) { print p + 1; exit }'; }
if $bin render -t "$tmp/fj.md" -d $data -o "$tmp/fj.pdf" 2> "$tmp/err"; then
	a=$(page_of "$tmp/fj.pdf" 各有关单位：) b=$(page_of "$tmp/fj.pdf" 现将《) d=$(page_of "$tmp/fj.pdf" '2024 年 3 月 1 日')
	[ -n "$a" ] && [ "$a" = "$b" ] && [ "$b" = "$d" ] && ok ||
	    bad 主送机关 "the 主送机关 on page ${a:-?}, the body's first line on ${b:-?}, the date on ${d:-?}"
else
	bad fj "$(cat "$tmp/err")"
fi

# 6. 7.3.1 (回行时，要做到词意完整): the 发文机关名称 before 关于 is not broken
# across the lines of the title: 孟津区人民政府 / 办公室关于印发… split it
# (ICU has a word boundary before 办公室); the title of #5 starts with the
# whole name and 关于 on its first line, in three lines of a 梯形 or 菱形
pdftotext -f 1 -l 1 "$tmp/fj.pdf" - | tr -d ' ' > "$tmp/fjt"
grep -q '^孟津区人民政府办公室关于' "$tmp/fjt" && ok || bad 标题 "the issuer's name broken: $(grep -A2 '^孟津区人民政府' "$tmp/fjt" | grep -v 文件 | tr '\n' '/')"
tr -d '\n' < "$tmp/fjt" | grep -q '孟津区人民政府办公室关于印发孟津区2024年防汛抗旱应急预案等五个文件的通知' && ok || bad 标题 "the title does not read back whole"

# 7. 7.3.5.1, 7.4: a sealed date on the line right above the 版记: the seal
# (42 mm, its top on the foot of the body, centred on the date) reached 1 mm
# past the 版记's first rule; the 版记 now goes where the seal clears it.
# 36 one-line paragraphs put the date on line 18 of page 2 (the 版记 of two
# lines took lines 20-21); measured: the seal's foot (the body's foot + 42
# mm) above the 版记's first rule (the 抄送 line's top), on the page of both
{ printf -- '---\ntheme: gongwen\ntitle: 关于做好安全生产工作的通知\ncc: [区委组织部, 区财政局]\nprinter: 孟津区人民政府办公室\nprint_date: 2024-06-01\n---\n'
  i=0; while [ $i -lt 36 ]; do printf '\n第%d段正文。\n' $i; i=$((i + 1)); done
  printf '\n```dateline\nsignature: 孟津区人民政府\ndate: 2024-05-06\n```\n'; } > "$tmp/sv.md"
if $bin render -t "$tmp/sv.md" -d $data -o "$tmp/sv.pdf" 2> "$tmp/err"; then
	n=$(pdfinfo "$tmp/sv.pdf" | awk '/^Pages:/ { print $2 }')
	dp=$(page_of "$tmp/sv.pdf" '2024 年 5 月 6 日')
	if [ "$dp" = "$n" ]; then
		# the foot of the body's last line: a whole line of the grid
		set -- $(pdftotext -f "$n" -l "$n" -bbox "$tmp/sv.pdf" - | awk '
		    /段正文/ { match($0, /yMax="[^"]*"/); y = substr($0, RSTART + 6, RLENGTH - 7) * 25.4 / 72 }
		    />抄送：/ { match($0, /yMin="[^"]*"/); c = substr($0, RSTART + 6, RLENGTH - 7) * 25.4 / 72 }
		    END { print y, c }')
		body_foot=$(awk -v y="${1:-0}" 'BEGIN { P = 225 / 22; print 37 + (int((y - 37) / P) + 1) * P }')
		# the 版记's first rule: the top of the grid line of the 抄送
		rule=$(awk -v c="${2:-0}" 'BEGIN { P = 225 / 22; print 37 + int((c - 37) / P) * P }')
		awk -v f="$body_foot" -v r="$rule" 'BEGIN { exit !(f + 42 <= r + 0.01) }' && ok ||
		    bad 印章 "the seal's foot at $(awk -v f="$body_foot" 'BEGIN { print f + 42 }') mm, the 版记's rule at $rule mm on the same page $n: the seal crosses it"
	else
		ok
	fi
	[ $((n % 2)) = 0 ] && ok || bad 版记 "on page $n, an odd page"
else
	bad sv "$(cat "$tmp/err")"
fi

echo "unseen-gongwen: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
