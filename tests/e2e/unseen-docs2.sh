#!/bin/sh
# unseen-docs2.sh -- themes, lists, contents and page flow in documents of
# shapes the samples do not have, each measured from the PDF: a theme that
# sets only body_size (every other size follows it), the bullets of three
# list levels (ink of one size), a number with a space between its digit
# groups (never broken), a table of contents on a small page (hanging
# indent, the page number on the last line), a chain of headings taller
# than a page (no heading last on a page).
. "$(dirname "$0")/../lib.sh"

long=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。

# sizes PDF: the size (pt) of each element of sz.md below, one "name size"
# a line, from the widths pdftotext gives its words (a Han character is one
# em wide, a letter of the mono face half an em; the page number's width)
sizes() {
	python3 - "$1" <<'PY'
import sys
sys.path.insert(0, 'tests/tools')
import bbox
pages = bbox.bbox_layout(sys.argv[1])
found = {}
def put(name, box, em):
    found.setdefault(name, (box[2] - box[0]) / em)
words = {'标题甲': 'title', '副题乙': 'subtitle', '标一': 'heading1', '标二': 'heading2',
         '标三': 'heading3', '标四': 'heading4', '正文丙。': 'body', '表题丁': 'caption',
         '栏目': 'table'}
for p, page in enumerate(pages, 1):
    for _, ws in page:
        for box, t in ws:
            if t == 'codeword':
                put('code', box, 4)
            elif t == '标题甲' and p == 2:
                put('header', box, 3)
            elif t in words and not (t == '标题甲' and p > 1):
                put(words[t], box, len(t))
        # the page number of page 1, — 1 —: its width (only compared)
        if p == 1 and len(ws) == 1 and ws[0][1] == '—1—':
            put('page_number', ws[0][0], 1)
for k in sorted(found):
    print(k, '%.2f' % found[k])
PY
}

# 1. a theme that sets only body_size: every size it does not give follows
#    the body, in the default's proportion (a 7 pt body had 10 pt code and
#    16 pt headings, a 20 pt body 9 pt running headers); a size it gives
#    is kept
{ printf -- '---\ntitle: 标题甲\nsubtitle: 副题乙\n---\n\n# 标一\n\n## 标二\n\n### 标三\n\n#### 标四\n\n正文丙。\n\n'
  printf '```\ncodeword\n```\n\n```table\ntype: static\ncaption: 表1 表题丁\nheader: 栏目 | 数值\nrows:\n  - 行戊 | 12\n```\n\n'
  i=0
  while [ $i -lt 60 ]; do printf '%s%s%s\n\n' "$long" "$long" "$long"; i=$((i + 1)); done; } > "$tmp/sz.md"
if $bin render -t "$tmp/sz.md" -d input/songxian-2024.yaml -o "$tmp/sz.pdf" 2> "$tmp/err"; then
	sizes "$tmp/sz.pdf" > "$tmp/sz0"
	n=$(grep -c '' "$tmp/sz0")
	[ "$n" = 12 ] || bad body-size "default theme: $n of the 12 sizes measured: $(tr '\n' ' ' < "$tmp/sz0")"
	for spec in 'body_size: 7|7' 'body_size: 20|20' 'body_size: 7\ncode_size: 10\nheading1_size: 9|7|code heading1'; do
		yaml=${spec%%|*} rest=${spec#*|}
		body=${rest%%|*} kept=
		case "$rest" in *'|'*) kept=${rest#*|} ;; esac
		printf '%b\n' "$yaml" > "$tmp/sz.yaml"
		if $bin render -t "$tmp/sz.md" -d input/songxian-2024.yaml --theme "$tmp/sz.yaml" \
		    -o "$tmp/sz1.pdf" 2> "$tmp/err"; then
			sizes "$tmp/sz1.pdf" > "$tmp/sz1"
			# each size over the default's: body / 12, or 1 for a size
			# the theme gives (heading1 9 pt: 9 / 16); a caption is
			# half a point larger than its table's text
			out=$(join "$tmp/sz0" "$tmp/sz1" | awk -v b="$body" -v kept=" $kept " '
			    { want = b / 12 }
			    index(kept, " " $1 " ") { want = ($1 == "heading1" ? 9 / 16 : 1) }
			    $1 == "table" { table = $3 }
			    $1 == "caption" { caption = $3; next }
			    { r = $3 / $2; if (r < want * 0.98 || r > want * 1.02)
			        printf "%s %s pt (default %s, want %.2f); ", $1, $3, $2, $2 * want }
			    END { if (caption < table + 0.45 || caption > table + 0.55)
			              printf "caption %s pt, table %s pt; ", caption, table
			          if (NR != 12) printf "%d of 12 sizes measured", NR }')
			[ -z "$out" ] && ok || bad body-size "'$yaml': $out"
		else
			bad body-size "'$yaml': $(head -3 "$tmp/err")"
		fi
	done
else
	bad body-size "$(head -3 "$tmp/err")"
fi

# ... and a size that follows the body and leaves the page number or the
# running header no room in the margin is an error at body_size, naming it
for spec in 'body_size: 100|margin_bottom 25.0 mm leaves no room for the page number.*87.5 pt high (page_number_size, following body_size)' \
    'body_size: 100\npage_number: ""|margin_top 28.0 mm leaves no room for the running header.*75 pt high (small_size, following body_size)'; do
	yaml=${spec%%|*} want=${spec#*|}
	printf '%b\n' "$yaml" > "$tmp/sz.yaml"
	$bin render -t "$tmp/sz.md" -d input/songxian-2024.yaml --theme "$tmp/sz.yaml" \
	    -o "$tmp/sz1.pdf" 2> "$tmp/err"
	rc=$?
	if [ $rc = 2 ] && grep -q "sz.yaml:1:12: error: $want.*\[theme-range\]" "$tmp/err"; then
		ok
	else
		bad body-size-margins "'$yaml': exit $rc, $(head -2 "$tmp/err")"
	fi
done

# ink PDF CHARS: for each word of page 1 that starts with one of CHARS, its
# first character's ink (dark pixels at 288 dpi inside its box) and the ink
# of the first character of the word after it on the line: "char width
# height centre-y next-centre-y em" (pt), one a line
ink() {
	python3 - "$1" "$2" <<'PY'
import re, subprocess, sys
sys.path.insert(0, 'tests/tools')
import bbox
pdf, chars, res = sys.argv[1], sys.argv[2], 288
raw = subprocess.run(['pdftoppm', '-q', '-r', str(res), '-gray', '-f', '1', '-l', '1', pdf],
                     check=True, capture_output=True).stdout
m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+\d+\s', raw)
W, H, data, s = int(m.group(1)), int(m.group(2)), raw[m.end():], res / 72
def dark(x0, y0, x1, y1):
    xs, ys = [], []
    for py in range(max(0, int(y0 * s)), min(H, int(y1 * s) + 1)):
        row = data[py * W:(py + 1) * W]
        for px in range(max(0, int(x0 * s)), min(W, int(x1 * s) + 1)):
            if row[px] < 128:
                xs.append(px)
                ys.append(py)
    if not xs:
        return 0, 0, 0
    return (max(xs) - min(xs) + 1) / s, (max(ys) - min(ys) + 1) / s, (max(ys) + min(ys) + 1) / 2 / s
for _, words in bbox.bbox_layout(pdf)[0]:
    for i, (box, t) in enumerate(words):
        if t[0] not in chars:
            continue
        # the character's box: its share of the word
        em = box[3] - box[1]
        x1 = box[0] + (box[2] - box[0]) / len(t)
        w, h, cy = dark(box[0], box[1], x1, box[3])
        nb = words[i + 1][0] if i + 1 < len(words) else box
        nx0 = nb[0] if i + 1 < len(words) else x1
        _, _, ncy = dark(nx0, nb[1], nx0 + (nb[3] - nb[1]) * 0.8, nb[3])
        print(t[0], '%.2f %.2f %.2f %.2f %.2f' % (w, h, cy, ncy, em))
PY
}

# 2. the bullets of three levels are of one size, their ink between 0.3 and
#    0.6 em high (the level-1 bullet was a dot of 0.1 em, read as ·, beside
#    a 0.9 em ○ and ■), centred on the Han characters after them
printf -- '---\ntitle: 列表\n---\n\n- 第一项\n  - 第二层\n    - 第三层\n- 再一项\n' > "$tmp/bul.md"
for theme in briefing gongwen; do
	if $bin render -t "$tmp/bul.md" -d input/songxian-2024.yaml --theme $theme \
	    -o "$tmp/bul.pdf" 2> "$tmp/err"; then
		ink "$tmp/bul.pdf" '•·●○■◦▪' > "$tmp/ink"
		# pdftotext's box is about 1.3 em of the body: its size
		out=$(awk -v size="$(awk '/^body_size:/ { print $2 }' templates/themes/$theme.yaml)" '
		    { n++; h[$1] = $3; if (min == "" || $3 < min) min = $3; if ($3 > max) max = $3
		      if ($3 < 0.3 * size || $3 > 0.6 * size) printf "%s %.1f pt high; ", $1, $3
		      d = $4 - $5; if (d < -0.1 * size || d > 0.1 * size)
		          printf "%s centred %.1f pt off the text; ", $1, d }
		    END { if (n != 4) printf "%d bullets found; ", n
		          else if (max > 1.3 * min) printf "from %.1f to %.1f pt high", min, max }' "$tmp/ink")
		[ -z "$out" ] && ok || bad "bullets ($theme)" "$out ($(tr '\n' ' ' < "$tmp/ink"))"
	else
		bad "bullets ($theme)" "$(head -3 "$tmp/err")"
	fi
done

# 2b. a list's numbers are set in the face of its text, as its figures
#     are: 仿宋's (Liberation Serif) in a 公文, 楷's in a quote (they were
#     always Song's, Noto Serif CJK beside 2024 in Liberation Serif); the
#     faces of the glyphs, read by mutool trace: the font of the "1" of
#     each "1." and of the "2" of the 2024 on its line
printf -- '---\ntitle: 列表\n---\n\n1. 第一项2024年\n2. 第二项\n\n> 1. 引用里的2024\n' > "$tmp/ol.md"
for theme in gongwen briefing; do
	if $bin render -t "$tmp/ol.md" -d input/songxian-2024.yaml --theme $theme \
	    -o "$tmp/ol.pdf" 2> "$tmp/err"; then
		out=$(mutool trace "$tmp/ol.pdf" 2> /dev/null | python3 -c '
import re, sys
font, gs = None, []
for l in sys.stdin:
    m = re.search(r"<span font=\"([^\"]*)\"", l)
    if m:
        font = m.group(1)
    m = re.search(r"<g unicode=\"([^\"]*)\" glyph=\"\d+\" x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"", l)
    if m:
        gs.append((m.group(1), float(m.group(2)), float(m.group(3)), font))
n = 0
for i, (u, x, y, f) in enumerate(gs[:-1]):
    if u == "1" and gs[i + 1][0] == ".":
        year = [g for k, g in enumerate(gs[:-3]) if abs(g[2] - y) < 1 and g[1] > x + 10 and
                "".join(h[0] for h in gs[k:k + 4]) == "2024"]
        n += 1
        if not year or year[0][3] != f:
            print("1. in %s, 2024 in %s;" % (f, year[0][3] if year else "?"))
if n != 2:
    print("%d list numbers 1. found" % n)
')
		[ -z "$out" ] && ok || bad "list number face ($theme)" "$out"
	else
		bad "list number face ($theme)" "$(head -3 "$tmp/err")"
	fi
done

# 2c. a list numbered 1) keeps its ) (it was written 1.)
printf -- '---\ntitle: 列表\n---\n\n1) 第一项\n2) 第二项\n\n3. 另一个\n' > "$tmp/op.md"
if $bin render -t "$tmp/op.md" -d input/songxian-2024.yaml -o "$tmp/op.pdf" 2> "$tmp/err"; then
	got=$(pdftotext "$tmp/op.pdf" - | grep -v '^—' | tr -d ' \n\f')
	[ "$got" = '列表1)第一项2)第二项3.另一个' ] && ok || bad "list delimiter" "reads $got"
else
	bad "list delimiter" "$(head -3 "$tmp/err")"
fi

# 3. numbers with a space between groups of three digits (16 384,
#    1 048 576) are never broken, at whatever place of a line they come
#    (16 ended a line and 384 began the next), in both themes
han=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十
{ printf -- '---\ntitle: 数字\n---\n\n'
  k=20
  while [ $k -le 37 ]; do
	printf '%s共16 384个，1 048 576次。\n\n' "$(printf %s "$han" | cut -c1-$((k * 3)))"
	k=$((k + 1))
  done; } > "$tmp/num.md"
for theme in briefing gongwen; do
	if $bin render -t "$tmp/num.md" -d input/songxian-2024.yaml --theme $theme \
	    --check-typesetting -o "$tmp/num.pdf" 2> "$tmp/err"; then
		pdftotext "$tmp/num.pdf" - > "$tmp/num.txt"
		a=$(grep -c '16 384' "$tmp/num.txt") b=$(grep -c '1 048 576' "$tmp/num.txt")
		cut=$(awk 'prev ~ /[0-9]$/ && /^[0-9]/ { printf "%s / %s; ", prev, $0 } { prev = $0 }' "$tmp/num.txt")
		if [ "$a" != 18 ] || [ "$b" != 18 ] || [ -n "$cut" ]; then
			bad "digit groups ($theme)" "of 18 each, $a lines hold 16 384 and $b 1 048 576: $cut"
		else
			ok
		fi
	else
		bad "digit groups ($theme)" "$(head -3 "$tmp/err")"
	fi
done

# 3b. a no-break space (U+00A0) is never a break: PM 2.5 and No. 5 stay on
#     one line wherever they come (PM ended a line, 2.5 began the next)
{ printf -- '---\ntitle: 不换行空格\n---\n\n'
  k=26
  while [ $k -le 37 ]; do
	printf '%sPM\302\2402.5和No.\302\2405。\n\n' "$(printf %s "$han" | cut -c1-$((k * 3)))"
	k=$((k + 1))
  done; } > "$tmp/nb.md"
if $bin render -t "$tmp/nb.md" -d input/songxian-2024.yaml --check-typesetting \
    -o "$tmp/nb.pdf" 2> "$tmp/err"; then
	pdftotext "$tmp/nb.pdf" - > "$tmp/nb.txt"
	a=$(grep -c 'PM.2\.5' "$tmp/nb.txt") b=$(grep -c 'No\..5' "$tmp/nb.txt")
	[ "$a" = 12 ] && [ "$b" = 12 ] && ok ||
	    bad "no-break space" "of 12 each, $a lines hold PM 2.5 and $b No. 5: $(grep -n 'PM$\|No\.$' "$tmp/nb.txt" | head -3 | tr '\n' ' ')"
else
	bad "no-break space" "$(head -3 "$tmp/err")"
fi

# 4. a table of contents of four levels of long titles on small pages: the
#    wrapped lines of an entry hang under its text, after its number (一、
#    two em, （一） three, the others at least one, one em with none, as
#    in 2024年 (not a number: 2024 was taken for one); one em where that
#    would leave less than four em on the 70 mm page), the page number and
#    its leaders on the entry's last line at the right edge, no line but
#    an entry's last shorter than four characters, every title whole (the
#    wrapped lines started under the number, and on a 70 mm page the
#    level-4 entry had two characters a line, one starting with ）: the
#    typesetting check); the page sizes give text blocks of 46, 81 and
#    160 mm
h1=一、关于全面推进乡村振兴和县域经济高质量发展的总体情况与主要成效分析
h2=（一）农业农村现代化建设取得的显著成效与存在的突出问题及下一步工作打算
h3=1.粮食生产能力稳步提升，高标准农田建设面积持续扩大并且质量不断提高
h4=（1）中药材种植面积达到七十点六万亩，带动农户增收效果明显
h5=没有编号的标题也有悬挂缩进，换行之后的文字比第一行靠右一个字
h6=2024年的数字不是编号，换行之后的文字也比第一行靠右一个字而已
printf -- '---\ntitle: 目录测试\n---\n\n```toc\ndepth: 4\ntitle: 目次\n```\n\n# %s\n\n## %s\n\n### %s\n\n#### %s\n\n# %s\n\n# %s\n\n正文。\n' \
    "$h1" "$h2" "$h3" "$h4" "$h5" "$h6" > "$tmp/toc.md"
for spec in 70:12 105:12 210:25; do
	w=${spec%%:*} m=${spec#*:}
	printf 'page_width: %s\npage_height: 148\nmargin_left: %s\nmargin_right: %s\nmargin_top: 15\nmargin_bottom: 15\n' \
	    "$w" "$m" "$m" > "$tmp/toc.yaml"
	if $bin render -t "$tmp/toc.md" -d input/songxian-2024.yaml --theme "$tmp/toc.yaml" --check-typesetting \
	    -o "$tmp/toc.pdf" 2> "$tmp/err"; then
		out=$(python3 - "$tmp/toc.pdf" "$(awk -v w="$w" -v m="$m" 'BEGIN { print (w - m) * 72 / 25.4 }')" "$w" \
		    "$h1" "$h2" "$h3" "$h4" "$h5" "$h6" <<'PY'
import re, sys
sys.path.insert(0, 'tests/tools')
import bbox
pdf, right, narrow, titles = sys.argv[1], float(sys.argv[2]), sys.argv[3] == '70', sys.argv[4:]
# the lines of the pages, rebuilt from the words by their tops
lines = []
for page in bbox.bbox_layout(pdf):
    rows = {}
    for _, words in page:
        for box, t in words:
            rows.setdefault(round(box[1]), []).append((box, t))
    for y in sorted(rows):
        ws = sorted(rows[y], key=lambda w: w[0][0])
        if ''.join(t for _, t in ws) == '目录测试' or re.match(r'—[0-9]+—$', ws[0][1]):
            continue      # the running header, the page number
        lines.append((ws[0][0][0], ws[-1][0][2], ''.join(t for _, t in ws), ws[0][0][3] - ws[0][0][1]))
at = [i for i, l in enumerate(lines) if l[2] == '目次']
if not at:
    sys.exit(print('no 目次'))
entries, cur = [], []
for l in lines[at[0] + 1:]:
    cur.append(l)
    if re.search(r'\.{3,}[0-9]+$', l[2]):
        entries.append(cur)
        cur = []
    if len(entries) == len(titles):
        break
if len(entries) != len(titles):
    sys.exit(print('%d entries of %d' % (len(entries), len(titles))))
for e, title in zip(entries, titles):
    text = re.sub(r'\.{3,}[0-9]+$', '', ''.join(l[2] for l in e))
    em = 12       # the body's size: the entries' size
    if text != title:
        print('entry reads %s' % text)
    if abs(e[-1][1] - right) > 0.5:
        print('%s: the page number ends at %.1f, not %.1f' % (title[:6], e[-1][1], right))
    for l in e[:-1]:
        if len(l[2]) < 4:
            print('%s: a line of %d characters (%s)' % (title[:6], len(l[2]), l[2]))
    hang = {'一、': 2, '（一': 3, '没有': 1, '20': 1}.get(title[:2])
    for l in e[1:]:
        d = (l[0] - e[0][0]) / em
        # where the number's hang leaves less than four em: one em
        if hang and narrow and abs(d - 1) < 0.05:
            continue
        if (hang and abs(d - hang) > 0.05) or d < 0.9:
            print('%s: a wrapped line %.2f em in%s' % (title[:6], d, ' (not %d)' % hang if hang else ''))
PY
)
		[ -z "$out" ] && ok || bad "contents ($w mm)" "$(printf %s "$out" | tr '\n' ';')"
	else
		bad "contents ($w mm)" "$(head -3 "$tmp/err")"
	fi
done

# 4b. contents of two pages: no page ends with an entry whose first entry
#     under it is on the next (第15部分 ended page 1, its （一） began
#     page 2); every entry is found, with its leaders and page number
{ printf -- '---\ntitle: 长目录\n---\n\n```toc\ndepth: 2\n```\n\n'
  i=1
  while [ $i -le 30 ]; do
	printf '# 第%d部分 关于第%d项工作的总体情况\n\n## （一）具体情况说明第%d条\n\n%s%s%s\n\n' $i $i $i "$long" "$long" "$long"
	i=$((i + 1))
  done; } > "$tmp/ltoc.md"
for h in 297 250 200; do
	printf 'page_height: %s\n' $h > "$tmp/ltoc.yaml"
	if $bin render -t "$tmp/ltoc.md" -d input/songxian-2024.yaml --theme "$tmp/ltoc.yaml" \
	    -o "$tmp/ltoc.pdf" 2> "$tmp/err"; then
		# the entries (lines ending in leaders and a number), by page
		out=$(python3 tests/tools/bbox.py lines "$tmp/ltoc.pdf" | awk '
		    $6 ~ /\.\.\.[0-9]+$/ { n++; if ($1 != p && p != "" && last ~ /部分/) printf "page %d ends with %s; ", p, last
		                          p = $1; last = $6 }
		    END { if (n != 60) printf "%d entries of 60", n }')
		[ -z "$out" ] && ok || bad "contents pages ($h mm)" "$out"
	else
		bad "contents pages ($h mm)" "$(head -3 "$tmp/err")"
	fi
done

# 5. a title and six headings in a row, in 20 pt on A5, taller than a page:
#    the chain breaks after the title, so that no heading is the last line
#    of a page (the fifth heading ended page 1, the sixth began page 2);
#    after a title of two lines and a subtitle it breaks after the
#    subtitle (not between the title's lines: the title reads whole on
#    page 1); the same run of headings after a paragraph, and after a rule
#    (on a page of its own: they fit it); the text whole and in order
printf 'page_width: 148\npage_height: 210\nmargin_left: 15\nmargin_right: 15\nbody_size: 20\n' > "$tmp/a5.yaml"
heads='# 一级标题甲\n\n## 二级标题乙\n\n### 三级标题丙\n\n#### 四级标题丁\n\n##### 五级标题戊\n\n###### 六级标题己\n\n'
body='正文第一段，文字较长，用来看看标题之后的正文是否跟着标题走。\n\n正文第二段。\n'
while IFS='|' read -r what fm lead; do
	printf -- "---\n$fm\n---\n\n$lead$heads$body" > "$tmp/chain.md"
	if $bin render -t "$tmp/chain.md" -d input/songxian-2024.yaml --theme "$tmp/a5.yaml" \
	    -o "$tmp/chain.pdf" 2> "$tmp/err"; then
		# each page's last line of text (not the page number, nor the
		# running header above the text block, 28 mm = 79 pt), and the text
		python3 tests/tools/bbox.py lines "$tmp/chain.pdf" | awk '$6 !~ /^—[0-9]+—$/ && $3 > 75' > "$tmp/cl"
		last=$(awk '$1 != p && NR > 1 { print l } { p = $1; l = $6 } END { print l }' "$tmp/cl" |
		    grep '标题[甲乙丙丁戊己]$')
		got=$(awk '{ printf "%s", $6 }' "$tmp/cl")
		p1=$(awk '$1 == 1 { printf "%s", $6 }' "$tmp/cl")
		want=$(printf -- "$fm\n\n$lead$heads$body" | sed 's/^[a-z]*: //; s/^#* //; /^---$/d' | tr -d '\n')
		if [ -n "$last" ]; then
			bad "heading chain (after a $what)" "a heading ends a page: $last"
		elif [ "$got" != "$want" ]; then
			bad "heading chain (after a $what)" "reads $got"
		elif [ "$what" = subtitle ] && [ "$p1" != 关于标题链及其分页规则的测试文档之一副标题 ]; then
			bad "heading chain (after a $what)" "page 1 reads $p1"
		else
			ok
		fi
	else
		bad "heading chain (after a $what)" "$(head -3 "$tmp/err")"
	fi
done <<'EOF2'
title|title: 关于标题链的测试文档|
subtitle|title: 关于标题链及其分页规则的测试文档之一\nsubtitle: 副标题|
paragraph|title: 关于标题链的测试文档|前面的一段正文。\n\n
rule|title: 关于标题链的测试文档|前面的一段正文。\n\n---\n\n
EOF2

echo "unseen-docs2: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
