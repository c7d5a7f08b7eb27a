#!/bin/sh
# unseen-docs.sh -- documents and themes of shapes the samples do not have,
# each measured from the PDF: a 公文 with more than nine 附件 (the numbers
# 10. to 12. clear of the names), a theme with a large body and no
# line_pitch (lines do not overlap), a line_pitch smaller than the body
# (an error), a run of headings on a small page (no heading is the last
# line of a page), a title of two lines (balanced, not one character alone).
. "$(dirname "$0")/../lib.sh"

# overlaps PDF: words of one line (pdftotext -bbox-layout) that overlap the
# word before them by more than 0.5 pt, one a line; nothing when none do
overlaps() {
	python3 - "$1" <<'PY'
import sys
sys.path.insert(0, 'tests/tools')
import bbox
for p, page in enumerate(bbox.bbox_layout(sys.argv[1]), 1):
    for _, words in page:
        ws = sorted(words, key=lambda w: w[0][0])
        for a, b in zip(ws, ws[1:]):
            if a[0][2] > b[0][0] + 0.5:
                print('page %d: %s (to %.1f) over %s (from %.1f)' % (p, a[1], a[0][2], b[1], b[0][0]))
PY
}

# crossing PDF: text lines of one page whose boxes cross (more than 1 pt
# each way), one a line; nothing when none do
crossing() {
	python3 - "$1" <<'PY'
import sys
sys.path.insert(0, 'tests/tools')
import bbox
for p, page in enumerate(bbox.bbox_layout(sys.argv[1]), 1):
    for i, (a, wa) in enumerate(page):
        for b, wb in page[i + 1:]:
            if min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1:
                print('page %d: %s over %s' % (p, ''.join(t for _, t in wa), ''.join(t for _, t in wb)))
PY
}

# 1. a 公文 with twelve 附件: 10., 11. and 12. do not run into the names,
#    and the names start on one column
{ printf -- '---\ntheme: gongwen\ntitle: 关于印发十二个附件的通知\nattachments:\n'
  i=1
  while [ $i -le 12 ]; do printf '  - 第%d个附件的名称\n' $i; i=$((i + 1)); done
  printf -- '---\n\n正文。\n'; } > "$tmp/att.md"
if $bin render -t "$tmp/att.md" -d input/songxian-2024.yaml -o "$tmp/att.pdf" 2> "$tmp/err"; then
	overlaps "$tmp/att.pdf" > "$tmp/ov"
	# the x of each name's first character, rounded: one value, 12 names
	cols=$(pdftotext -bbox-layout "$tmp/att.pdf" - | grep '">第</word>' |
	    sed 's/.*xMin="\([0-9]*\)\..*/\1/' | sort | uniq -c | awk '{print $1}')
	if [ -s "$tmp/ov" ]; then
		bad attachments "numbers run into the names: $(head -3 "$tmp/ov")"
	elif [ "$cols" != 12 ]; then
		bad attachments "the 12 names do not start on one column: $(printf %s "$cols" | tr '\n' ' ')"
	else
		ok
	fi
else
	bad attachments "render failed: $(head -3 "$tmp/err")"
fi

# 2. a theme that sets a large body and no line_pitch: its lines are at
#    least the body's size apart (the default pitch, 21 pt, is not kept
#    under a 24 pt body); a line_pitch below the body size, given or made
#    by a grid, is an error at its value
long=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。
printf -- '---\ntitle: 大字\n---\n\n%s\n' "$long" > "$tmp/big.md"
printf 'body_size: 24\n' > "$tmp/big24.yaml"
if $bin render -t "$tmp/big.md" -d input/songxian-2024.yaml --theme "$tmp/big24.yaml" \
    -o "$tmp/big.pdf" 2> "$tmp/err"; then
	# the pitch of the body's lines: from one line's top to the next's
	pitch=$(python3 tests/tools/bbox.py lines "$tmp/big.pdf" | grep '一二三\|十。' |
	    awk 'NR > 1 { d = $3 - y; if (min == "" || d < min) min = d } { y = $3 }
	         END { print min }')
	if [ -n "$pitch" ] && awk -v p="$pitch" 'BEGIN { exit !(p >= 24) }'; then
		ok
	else
		bad big-body "lines of a 24 pt body ${pitch:-?} pt apart"
	fi
else
	bad big-body "render failed: $(head -3 "$tmp/err")"
fi
for spec in 'line_pitch: 8|1:13|line_pitch 8 pt is less than body_size 12 pt' \
    'body_size: 20\nline_pitch: 18|2:13|line_pitch 18 pt is less than body_size 20 pt' \
    'grid_lines: 80|1:13|grid_lines: 80 lines make a line pitch of'; do
	yaml=${spec%%|*} rest=${spec#*|}
	at=${rest%%|*} want=${rest#*|}
	printf '%b\n' "$yaml" > "$tmp/pitch.yaml"
	: > "$tmp/keep.pdf"
	$bin render -t "$tmp/big.md" -d input/songxian-2024.yaml --theme "$tmp/pitch.yaml" \
	    -o "$tmp/keep.pdf" 2> "$tmp/err"
	rc=$?
	if [ $rc = 2 ] && grep -q "pitch.yaml:$at: error: $want.*\[theme-range\]" "$tmp/err" &&
	    [ ! -s "$tmp/keep.pdf" ]; then
		ok
	else
		bad pitch "'$yaml': exit $rc, $(head -2 "$tmp/err")"
	fi
done

# 3. a title one character longer than the measure, and a subtitle too: set
#    as two lines of about the same length between words (they were a full
#    line and two or four characters under it), the text whole and in order
title=洛阳市孟津区二〇二四年国民经济和社会发展统计公报
# (briefing: 20 characters of 22 pt a line, 30 of 15 pt)
subtitle=孟津区统计局与国家统计局孟津调查队联合发布的年度统计公报摘要版本
printf -- '---\ntitle: %s\nsubtitle: %s\n---\n\n正文。\n' "$title" "$subtitle" > "$tmp/title.md"
theme=briefing
{
	if $bin render -t "$tmp/title.md" -d input/songxian-2024.yaml --theme "$theme" \
	    -o "$tmp/title.pdf" 2> "$tmp/err"; then
		python3 tests/tools/bbox.py lines "$tmp/title.pdf" | awk '$1 == 1 && ++n <= 4' |
		    cut -d' ' -f6 > "$tmp/tl"
		got=$(tr -d '\n' < "$tmp/tl")
		# characters of each line, then the shortest over the longest
		ratio=$(while read -r l; do printf '%s' "$l" | wc -m; done < "$tmp/tl" |
		    awk 'NR <= 2 { t[NR] = $1 } NR > 2 { s[NR] = $1 }
		         END { r1 = (t[1] < t[2] ? t[1] / t[2] : t[2] / t[1]);
		               r2 = (s[3] < s[4] ? s[3] / s[4] : s[4] / s[3]);
		               print (r1 < r2 ? r1 : r2) }')
		if [ "$got" != "$title$subtitle" ]; then
			bad "title ($theme)" "the title block reads '$got'"
		elif ! awk -v r="$ratio" 'BEGIN { exit !(r >= 0.6) }'; then
			bad "title ($theme)" "uneven lines ($ratio): $(tr '\n' '/' < "$tmp/tl")"
		else
			ok
		fi
	else
		bad "title ($theme)" "render failed: $(head -3 "$tmp/err")"
	fi
}

# 4. a title on a narrow text block (80 mm margins: 6 characters of 22 pt),
#    where a word does not fit a line: broken inside the word, not past the
#    margin (the typesetting check measures every line), the text whole
printf 'margin_left: 80\nmargin_right: 80\n' > "$tmp/narrow.yaml"
printf -- '---\ntitle: 测试文档：各级标题与列表\n---\n\n正文。\n' > "$tmp/narrow.md"
if $bin render -t "$tmp/narrow.md" -d input/songxian-2024.yaml --theme "$tmp/narrow.yaml" \
    --check-typesetting -o "$tmp/narrow.pdf" 2> "$tmp/err"; then
	got=$(python3 tests/tools/bbox.py lines "$tmp/narrow.pdf" | awk '$1 == 1 { printf "%s", $6 }')
	[ "$got" = 测试文档：各级标题与列表正文。—1— ] && ok || bad narrow-title "reads '$got'"
else
	bad narrow-title "$(head -3 "$tmp/err")"
fi

# 5. a 主送机关 of many offices: broken after the ， or 、 between names
#    (a break was taken only between two words of two or more characters,
#    so a line ended inside 各有关单位 and 各医疗卫生机构), the text whole
rec=各镇人民政府、街道办事处，区人民政府各部门，各有关单位，驻区各单位，区属各国有企业，各中小学校，各医疗卫生机构
printf -- '---\ntheme: gongwen\ntitle: 关于做好安全生产工作的通知\nrecipients: %s\n---\n\n正文。\n' "$rec" > "$tmp/rec.md"
if $bin render -t "$tmp/rec.md" -d input/songxian-2024.yaml -o "$tmp/rec.pdf" 2> "$tmp/err"; then
	pdftotext "$tmp/rec.pdf" - | sed -n '/^各镇/,/：$/p' > "$tmp/rl"
	got=$(tr -d '\n' < "$tmp/rl")
	inside=$(grep -v '[，、：]$' "$tmp/rl")
	if [ "$got" != "$rec：" ]; then
		bad recipients "reads '$got'"
	elif [ -n "$inside" ]; then
		bad recipients "a line ends inside a name: $(printf %s "$inside" | tr '\n' '/')"
	else
		ok
	fi
else
	bad recipients "$(head -3 "$tmp/err")"
fi

# 6. margins too small for the page number or the running header: an error
#    at the margin's value (the page number was drawn below the page's
#    bottom edge, the header above its top: neither was in the PDF); with
#    both off, or margins just large enough, the document renders and every
#    line is on the page
printf -- '---\ntitle: 页边距\n---\n\n%s\n\n%s\n\n%s\n' "$long" "$long" "$long" > "$tmp/m.md"
for spec in 'margin_bottom: 5|1:16|margin_bottom 5.0 mm leaves no room for the page number' \
    'margin_top: 5|1:13|margin_top 5.0 mm leaves no room for the running header' \
    'page_number_offset: 30|1:21|margin_bottom 25.0 mm leaves no room for the page number'; do
	yaml=${spec%%|*} rest=${spec#*|}
	at=${rest%%|*} want=${rest#*|}
	printf '%b\n' "$yaml" > "$tmp/m.yaml"
	$bin render -t "$tmp/m.md" -d input/songxian-2024.yaml --theme "$tmp/m.yaml" \
	    -o "$tmp/m.pdf" 2> "$tmp/err"
	rc=$?
	if [ $rc = 2 ] && grep -q "m.yaml:$at: error: $want.*\[theme-range\]" "$tmp/err"; then
		ok
	else
		bad margins "'$yaml': exit $rc, $(head -2 "$tmp/err")"
	fi
done
for yaml in 'margin_top: 5\nmargin_bottom: 5\nrunning_header: false\npage_number: ""' \
    'page_width: 215.9\npage_height: 279.4\nmargin_top: 9.6\nmargin_bottom: 11.1\nbody_size: 7' \
    'page_width: 148\npage_height: 210\nmargin_top: 9.6\nmargin_bottom: 11.1'; do
	printf '%b\n' "$yaml" > "$tmp/m.yaml"
	if $bin render -t "$tmp/m.md" -d input/songxian-2024.yaml --theme "$tmp/m.yaml" \
	    -o "$tmp/m.pdf" 2> "$tmp/err"; then
		# every line inside the page, and the page numbers all there
		out=$(python3 - "$tmp/m.pdf" <<'PY'
import sys
sys.path.insert(0, 'tests/tools')
import bbox
heights = []
pages = bbox.bbox_layout(sys.argv[1], heights)
for p, page in enumerate(pages):
    for box, words in page:
        # the figures' ink: 0.12 em of descent in the box is below it
        if box[1] < 0 or box[3] - 0.2 * (box[3] - box[1]) > heights[p]:
            print('page %d: %s at %.1f-%.1f' % (p + 1, ''.join(t for _, t in words), box[1], box[3]))
PY
)
		pn=$(pdftotext "$tmp/m.pdf" - | grep -c '^— *[0-9]* *—$')
		np=$(pdfinfo "$tmp/m.pdf" | awk '/^Pages:/ { print $2 }')
		case "$yaml" in *'page_number: ""'*) np=0 ;; esac
		if [ -n "$out" ]; then
			bad margins "'$yaml': off the page: $out"
		elif [ "$pn" != "$np" ]; then
			bad margins "'$yaml': $pn page numbers on $np pages"
		else
			ok
		fi
	else
		bad margins "'$yaml': $(head -2 "$tmp/err")"
	fi
done

# 7. an ordered list from 998 to 1000: every number inside the text block
#    (they are right-aligned before the items, which were 2 em in whatever
#    the numbers' width: 1000. began 10 pt left of the margin), in both
#    themes; the text block's left edge is the margin (mm) in points
printf -- '---\ntitle: 列表编号\n---\n\n998. 第一项\n999. 第二项\n1000. 第三项\n\n- 无序\n\n  1. 嵌套\n' > "$tmp/lst.md"
for theme in briefing gongwen; do
	left=$(awk '/^margin_left:/ { print $2 * 72 / 25.4 }' templates/themes/$theme.yaml)
	if $bin render -t "$tmp/lst.md" -d input/songxian-2024.yaml --theme $theme \
	    -o "$tmp/lst.pdf" 2> "$tmp/err"; then
		out=$(python3 tests/tools/bbox.py lines "$tmp/lst.pdf" |
		    awk -v l="$left" '$2 < l - 0.1 { print $6 " at " $2 }')
		n=$(python3 tests/tools/bbox.py lines "$tmp/lst.pdf" | grep -c '^1 .*\(998\.第一项\|999\.第二项\|1000\.第三项\)$')
		if [ -n "$out" ]; then
			bad "list numbers ($theme)" "left of the margin ($left): $out"
		elif [ "$n" != 3 ]; then
			bad "list numbers ($theme)" "$n of the 3 items read whole"
		else
			ok
		fi
	else
		bad "list numbers ($theme)" "$(head -3 "$tmp/err")"
	fi
done

# 8. a character in no font is reported at its line and column, the column
#    counted in characters (it was the byte offset: 正文里的𠀀 gave column
#    13, not 5), in a paragraph after emphasis and in the front matter's
#    title (it was reported at the body's first line); a title made with a
#    placeholder names its line only.  Characters of CJK Extension B and
#    G that no configured font has.
printf -- '---\ntitle: 标题里的𪚥\nsubtitle: "{{ meta.region }}的𰀀"\n---\n\n正文里的𠀀，**加粗**之后的𰀁。\n' > "$tmp/pos.md"
$bin render -t "$tmp/pos.md" -d input/songxian-2024.yaml --allow-missing-glyphs \
    -o "$tmp/pos.pdf" 2> "$tmp/err"
for want in "pos.md:2:12: warning: character '𪚥'" "pos.md:3: warning: character '𰀀'" \
    "pos.md:6:5: warning: character '𠀀'" "pos.md:6:16: warning: character '𰀁'"; do
	grep -qF "$want" "$tmp/err" && ok || bad positions "no '$want' in: $(cat "$tmp/err")"
done

# 9. a block quote in a 公文 keeps the grid's columns: its lines start a
#    whole number of cells (156 mm / 28) from the text block's left edge
#    (the quote stood 1.5 em in, half a cell off every column); a list's
#    first line starts with its number, right-aligned: not measured
printf -- '---\ntheme: gongwen\ntitle: 引用\n---\n\n正文%s\n\n> 引用%s\n>\n> 1. 列表%s\n' "$long" "$long" "$long" > "$tmp/gq.md"
if $bin render -t "$tmp/gq.md" -d input/songxian-2024.yaml -o "$tmp/gq.pdf" 2> "$tmp/err"; then
	out=$(python3 tests/tools/bbox.py lines "$tmp/gq.pdf" | awk '$1 == 1 && $6 !~ /^(—|[0-9]+\.)/ && $3 > 150 {
	    c = ($2 - 28 * 72 / 25.4) / (156 * 72 / 25.4 / 28); d = c - int(c + 0.5)
	    if (d < -0.02 || d > 0.02) printf "%s at %.2f cells; ", $6, c }')
	n=$(python3 tests/tools/bbox.py lines "$tmp/gq.pdf" | awk '$1 == 1 && $3 > 150' | grep -c '')
	if [ -n "$out" ]; then
		bad quote-grid "$out"
	elif [ "$n" -lt 6 ]; then
		bad quote-grid "only $n lines measured"
	else
		ok
	fi
else
	bad quote-grid "$(head -3 "$tmp/err")"
fi

# 10. an empty template (or one of white space only) is an error naming the
#     file, exit 2, no PDF written (it rendered a blank page with a page
#     number, silently); a template of only a title renders that title
for body in '' '\n   \n\t\n'; do
	printf '%b' "$body" > "$tmp/empty.md"
	rm -f "$tmp/empty.pdf"
	$bin render -t "$tmp/empty.md" -d input/songxian-2024.yaml -o "$tmp/empty.pdf" 2> "$tmp/err"
	rc=$?
	if [ $rc = 2 ] && grep -q "^$tmp/empty.md: error: the template is empty.*\[file-empty\]" "$tmp/err" &&
	    [ ! -e "$tmp/empty.pdf" ]; then
		ok
	else
		bad empty-template "exit $rc, $(head -2 "$tmp/err")"
	fi
done
printf -- '---\ntitle: 只有标题\n---\n' > "$tmp/only.md"
if $bin render -t "$tmp/only.md" -d input/songxian-2024.yaml -o "$tmp/only.pdf" 2> "$tmp/err" &&
    [ "$(pdftotext "$tmp/only.pdf" - | tr -d ' \n\f')" = "只有标题—1—" ]; then
	ok
else
	bad only-title "$(pdftotext "$tmp/only.pdf" - 2>&1 | head -3) $(head -2 "$tmp/err")"
fi

# 11. tabs in a code block go to stops of four columns, a Han character
#     two columns, no ¼-em gap between Han and Latin in code: b, c and d,
#     each after a tab, start at one x, four columns (2 em of the 10 pt
#     code) from the line's start (a tab was one space, and 中 took a gap
#     more: b, c and d stood at three places)
printf -- '---\ntitle: 代码\n---\n\n```\nab\tb\n中\tc\n\td\n```\n' > "$tmp/tab.md"
if $bin render -t "$tmp/tab.md" -d input/songxian-2024.yaml -o "$tmp/tab.pdf" 2> "$tmp/err"; then
	xs=$(pdftotext -bbox "$tmp/tab.pdf" - | grep '>ab<\|>中<\|>[bcd]<' |
	    sed 's/.*xMin="\([0-9.]*\)".*>\(.*\)<.*/\2=\1/' | sort | tr '\n' ' ')
	if echo "$xs" | tr ' =' '\n ' | awk '$1 == "ab" || $1 == "中" { s[$1] = $2 }
	    $1 ~ /^[bcd]$/ { t[$1] = $2 }
	    END { if (s["ab"] == "" || s["ab"] != s["中"]) exit 1
	          for (k in t) n++
	          if (n != 3) exit 1
	          for (k in t) if (t[k] < s["ab"] + 19.9 || t[k] > s["ab"] + 20.1) exit 1 }'; then
		ok
	else
		bad code-tabs "words and x: $xs"
	fi
else
	bad code-tabs "$(head -3 "$tmp/err")"
fi

# 12. the running header of a title longer than the text block: inside the
#     text block, the title's start and …… (it ran from x 5.6 to 589.7 on
#     a page 595 wide, a longer one off the page)
th=洛阳市孟津区人民政府关于印发孟津区2024年国民经济和社会发展计划重点工作任务分解方案及重点项目建设推进工作实施意见暨考核办法的通知
printf -- '---\ntitle: %s\n---\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n' "$th" \
    "$long$long" "$long$long" "$long$long" "$long$long" "$long$long" "$long$long" "$long$long" "$long$long" > "$tmp/rh.md"
if $bin render -t "$tmp/rh.md" -d input/songxian-2024.yaml -o "$tmp/rh.pdf" 2> "$tmp/err"; then
	h=$(python3 tests/tools/bbox.py lines "$tmp/rh.pdf" | awk '$1 == 2 && ++n == 1')
	# shellcheck disable=SC2086  # the fields of the line
	set -- $h
	if [ $# -lt 6 ]; then
		bad header "no page 2 header: $h"
	elif ! awk -v a="$2" -v b="$4" 'BEGIN { l = 24.56 * 72 / 25.4; exit !(a >= l - 0.1 && b <= 595.28 - l + 0.1) }'; then
		bad header "from x $2 to $4, outside the text block: $6"
	else
		case "$6" in 洛阳市孟津区人民政府*……) ok ;; *) bad header "reads '$6'" ;; esac
	fi
else
	bad header "$(head -3 "$tmp/err")"
fi

# 13. a 署名 longer than the text block, sealed and not: broken between
#     words into lines inside the text block (28 to 184 mm), the name whole
#     (sealed it began at x -15, 洛阳 off the page; unsealed it ran to 601)
sig=洛阳市孟津区人民政府办公室关于某某事项的联合工作领导小组办公室及其他单位
for seal in true false; do
	printf -- '---\ntheme: gongwen\ntitle: 关于做好安全生产工作的通知\nseal: %s\n---\n\n正文。\n\n```dateline\nsignature: %s\ndate: 2024-01-25\n```\n' \
	    $seal "$sig" > "$tmp/sig.md"
	if $bin render -t "$tmp/sig.md" -d input/songxian-2024.yaml -o "$tmp/sig.pdf" 2> "$tmp/err"; then
		python3 tests/tools/bbox.py lines "$tmp/sig.pdf" | awk '$1 == 1 && $3 > 200 && $6 !~ /^—/' > "$tmp/sl"
		got=$(awk '$6 !~ /年/ { printf "%s", $6 }' "$tmp/sl")
		out=$(awk '{ l = 28 * 72 / 25.4; r = 595.28 - 26 * 72 / 25.4
		    if ($2 < l - 0.5 || $4 > r + 0.5) printf "%s from %.1f to %.1f; ", $6, $2, $4 }' "$tmp/sl")
		if [ -n "$out" ]; then
			bad "signature (seal $seal)" "outside the text block: $out"
		elif [ "$got" != "$sig" ]; then
			bad "signature (seal $seal)" "reads '$got'"
		else
			ok
		fi
	else
		bad "signature (seal $seal)" "$(head -3 "$tmp/err")"
	fi
done

# 14. a 印发机关 too long for the room left of the 印发日期: broken between
#     words, the date on its last line, nothing crossing, all inside the
#     text block (it ran into the date and to x 550)
printer=洛阳市孟津区人民政府办公室暨孟津区安全生产委员会办公室及应急管理局
printf -- '---\ntheme: gongwen\ntitle: 关于做好安全生产工作的通知\nprinter: %s\nprint_date: 2024-01-25\n---\n\n正文。\n' "$printer" > "$tmp/pr.md"
if $bin render -t "$tmp/pr.md" -d input/songxian-2024.yaml -o "$tmp/pr.pdf" 2> "$tmp/err"; then
	cr=$(crossing "$tmp/pr.pdf")
	python3 tests/tools/bbox.py lines "$tmp/pr.pdf" | awk '$6 !~ /^—/ && $3 > 600' > "$tmp/pl"
	got=$(awk '$6 !~ /印发$/ { printf "%s", $6 }' "$tmp/pl")
	out=$(awk '{ if ($4 > 595.28 - 26 * 72 / 25.4 + 0.5) printf "%s to %.1f; ", $6, $4 }' "$tmp/pl")
	if [ -n "$cr" ]; then
		bad printer "$cr"
	elif [ -n "$out" ]; then
		bad printer "past the text block: $out"
	elif [ "$got" != "$printer" ]; then
		bad printer "reads '$got'"
	else
		ok
	fi
else
	bad printer "$(head -3 "$tmp/err")"
fi

# 15. on the 公文 grid a space between Latin words stays a space: the run
#     takes whole cells with it (the grid dropped it, pdftotext read
#     Englishwords and the words touched), every line as wide as the grid
#     wants (the typesetting check)
printf -- '---\ntheme: gongwen\ntitle: 混排\n---\n\n正文段落，包含链接文字和强调的中文以及加粗的中文，还有English words混排，以及Open Data Portal平台和GDP per capita指标，数字2.5万亿元、12.3%%。\n' > "$tmp/ew.md"
if $bin render -t "$tmp/ew.md" -d input/songxian-2024.yaml --check-typesetting -o "$tmp/ew.pdf" 2> "$tmp/err"; then
	txt=$(pdftotext "$tmp/ew.pdf" - | tr -d '\n')
	ov=$(overlaps "$tmp/ew.pdf")
	miss=""
	for w in "English words" "Open Data Portal" "GDP per capita"; do
		case "$txt" in *"$w"*) ;; *) miss="$miss '$w'" ;; esac
	done
	if [ -n "$miss" ]; then
		bad latin-spaces "not in the text:$miss ($txt)"
	elif [ -n "$ov" ]; then
		bad latin-spaces "$ov"
	else
		ok
	fi
else
	bad latin-spaces "$(head -3 "$tmp/err")"
fi

# 16. lists and quotes nested five deep on a small page (60 x 80 mm, a text
#     block of 36 mm: 8 characters): every line inside the text block (the
#     typesetting check), the text whole (the fourth list's items stood
#     past the right edge, a character a line)
printf 'page_width: 60\npage_height: 80\nmargin_left: 12\nmargin_right: 12\nmargin_top: 12\nmargin_bottom: 12\nrunning_header: false\n' > "$tmp/small.yaml"
printf -- '---\ntitle: 嵌套\n---\n\n- 一层\n  - 二层\n    - 三层\n\n      1000. 四层文字\n\n            - 五层文字\n\n> 引一\n> > 引二\n> > > 引三\n> > > > 引四\n> > > > > 引五文字\n' > "$tmp/nest.md"
if $bin render -t "$tmp/nest.md" -d input/songxian-2024.yaml --theme "$tmp/small.yaml" \
    --check-typesetting -o "$tmp/nest.pdf" 2> "$tmp/err"; then
	got=$(pdftotext "$tmp/nest.pdf" - | grep -v '^—' | tr -d ' \n\f')
	want=嵌套●一层○二层■三层1000.四层文字○五层文字引一引二引三引四引五文字
	[ "$got" = "$want" ] && ok || bad nested "reads '$got'"
else
	bad nested "$(head -3 "$tmp/err")"
fi

# 17. a title that holds a long web address, in both themes: no line of
#     the title is one character alone (in gongwen the title's 说明 was
#     broken, 明 alone on the last line), the title whole
url=https://www.mengjin.gov.cn/zwgk/zfxxgkml/ghjh/2024/renwu_fenjie_biao_final_version_long.xlsx
printf -- '---\ntitle: 网址%s说明\n---\n\n正文。\n' "$url" > "$tmp/url.md"
for theme in briefing gongwen; do
	if $bin render -t "$tmp/url.md" -d input/songxian-2024.yaml --theme $theme \
	    --check-typesetting -o "$tmp/url.pdf" 2> "$tmp/err"; then
		python3 tests/tools/bbox.py lines "$tmp/url.pdf" | awk '$1 == 1 && $6 != "正文。" && $6 !~ /^—/ { print $6 }' > "$tmp/ul"
		got=$(tr -d '\n' < "$tmp/ul")
		short=$(while read -r l; do [ "$(printf '%s' "$l" | wc -m)" -lt 2 ] && echo "$l"; done < "$tmp/ul")
		if [ "$got" != "网址$url说明" ]; then
			bad "url title ($theme)" "reads '$got'"
		elif [ -n "$short" ]; then
			bad "url title ($theme)" "a line of one character: '$short'"
		else
			ok
		fi
	else
		bad "url title ($theme)" "$(head -3 "$tmp/err")"
	fi
done

# 18. 联合行文, sealed, three names of 11 to 14 characters: each broken
#     between words under its own seal (they stood side by side, each
#     across its neighbours), no two lines crossing, each name whole when
#     its lines are read down its column
n1=中共洛阳市孟津区委员会办公室 n2=洛阳市孟津区人民政府办公室 n3=孟津区发展和改革委员会
printf -- '---\ntheme: gongwen\ntitle: 关于做好安全生产工作的通知\nissuer_mark: [甲文件, 乙文件, 丙文件]\n---\n\n正文。\n\n```dateline\nsignature: [%s, %s, %s]\ndate: 2024-01-25\n```\n' "$n1" "$n2" "$n3" > "$tmp/joint.md"
if $bin render -t "$tmp/joint.md" -d input/songxian-2024.yaml -o "$tmp/joint.pdf" 2> "$tmp/err"; then
	cr=$(crossing "$tmp/joint.pdf" | grep -v 文件)
	cols=$(python3 - "$tmp/joint.pdf" <<'PY'
import sys
sys.path.insert(0, 'tests/tools')
import bbox
pages = bbox.bbox_layout(sys.argv[1])
page = pages[-1]
# the names' lines: below the body, above the date
rows = [(box, ''.join(t for _, t in w)) for box, w in page]
date = [b for b, t in rows if t.startswith('2024年1月25日')][0]
body = [b for b, t in rows if t.startswith('正文')][0]
names = [(b, t) for b, t in rows if b[1] > body[3] and b[3] <= date[1] + 0.5]
cols = []                     # [centre, pieces]: a piece within 30 pt of a centre
for b, t in sorted(names, key=lambda r: r[0][1]):
    m = (b[0] + b[2]) / 2
    for col in cols:
        if abs(col[0] - m) < 30:
            col[1].append(t)
            break
    else:
        cols.append([m, [t]])
print(' '.join(''.join(col[1]) for col in sorted(cols)))
PY
)
	if [ -n "$cr" ]; then
		bad joint-names "$cr"
	elif [ "$cols" != "$n1 $n2 $n3" ]; then
		bad joint-names "read down the columns: '$cols'"
	else
		ok
	fi
else
	bad joint-names "$(head -3 "$tmp/err")"
fi

# 19. a marking with a small margin_top (10 mm): the corner marking is on
#     every page, inside the page (it was drawn above the top edge: only
#     the watermark's rotated characters were in the PDF)
printf 'margin_top: 10\n' > "$tmp/mt.yaml"
{ printf -- '---\ntitle: 标记\nmarking: 内部资料\n---\n\n'
  i=0
  while [ $i -lt 12 ]; do printf '%s\n\n' "$long$long"; i=$((i + 1)); done; } > "$tmp/mk.md"
if $bin render -t "$tmp/mk.md" -d input/songxian-2024.yaml --theme "$tmp/mt.yaml" \
    -o "$tmp/mk.pdf" 2> "$tmp/err"; then
	np=$(pdfinfo "$tmp/mk.pdf" | awk '/^Pages:/ { print $2 }')
	nm=$(python3 tests/tools/bbox.py lines "$tmp/mk.pdf" | awk '$6 == "内部资料" && $3 >= 0' | grep -c '')
	[ "$np" -ge 2 ] && [ "$nm" = "$np" ] && ok || bad marking "$nm markings on $np pages"
else
	bad marking "$(head -3 "$tmp/err")"
fi

echo "unseen-docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
