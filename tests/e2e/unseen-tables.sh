#!/bin/sh
# unseen-tables.sh -- tables and charts of shapes the samples never have,
# measured in the PDF (pdftotext -bbox, and the filled rectangles of the
# page content streams: tests/tools/bbox.py fills):
#   - a bar chart with value labels shows the label of every bar, the most
#     negative one too (its label goes under the bar: the axis leaves room
#     below the lowest bar as it does above the highest, and above zero
#     for a zero among negative values);
#   - category labels too wide for their slot are set smaller, then broken
#     into even lines: no line of a label is one character (孟津 / 区);
#   - a bar chart of more series than the palette has colours (12) draws
#     every series' bars differently: colour, hollow, hatched;
#   - a value label never overlaps a bar of another series (3 series of 10
#     and of 4 categories): when the labels are wider than a bar they are
#     set upright along it;
#   - a chart of forty years labels every third (1985年 1988年 …), each
#     whole: it broke 1985年 a digit a line; a bar chart of them has its
#     forty value labels upright;
#   - a chart of 40 series with long names grows to hold its legend: the
#     bars lie between the chart's title and its legend (the plot had a
#     negative height: bars drawn over the document's title); a chart of
#     40 such categories sets each name one character a line (竖排), no
#     two labels overlapping (they were broken into lines of one or two
#     characters, then thinned, the first shifted in over the next);
#   - a series name wider than the chart is broken into lines in the
#     legend: every word within the text block (it ran off both sides of
#     the page);
#   - a table cell holding a web address breaks it after a / _ or dot, as
#     a paragraph does, instead of taking the address' width: a three-column
#     table with one stays on the A4 portrait page (it went on a landscape
#     page of its own) and fits an A5 page (it was refused as too wide),
#     every word inside its cell, the address whole in the text;
#   - a comparison table of 15 regions x (value, growth) split over
#     columns (split: columns) passes the typesetting check: its growth
#     cells (增长8.0%) are never broken (they were, a figure over two
#     lines), and a part never ends between a region's 数值 and 增长: each
#     region's name is in the PDF once (偃师区 was in both parts);
#   - a table whose note runs over several pages starts where it stands,
#     on the page of the text before it (the note, kept whole, pushed the
#     table to the next page, leaving that page empty), in both themes;
#   - align: decimal sets a percentage without a point with its digits
#     before the others' points (10% under 10.5%: the same left edge; its
#     % stood where the points are);
#   - align: decimal in a plan table (300（8.4）, 年均增长7.5%, 10.0028)
#     aligns the values' points and keeps every word inside its cell (the
#     shifted figures ran out of their cells over the next ones: the
#     typesetting check refused it), in both themes;
#   - headers of 30 characters whose one-character words (的, 长) glue them
#     into runs of 20 break at word boundaries inside such runs: a table
#     of three stays on an A5 portrait page (it went landscape), every
#     word in its cell, the typesetting check passing;
#   - a header that is a web address, beside a long Latin word and a long
#     Chinese header, stays inside its cell on A5 (the typesetting check
#     found it outside after the address' soft breaks counted in headers);
#   - a header whose unit holds brackets, 短名（亿元（按当年价格计算…）） ,
#     splits before the unit, not inside it (the typesetting check refused
#     the word cut), in A4 and A5;
. "$(dirname "$0")/../lib.sh"
# data VALUES...: a data file of one indicator (亿元, 2024) in regions
# r1..rN, named from $names (地区N past its end), the Nth value for the
# Nth region
names="嵩县 孟津区 伊川县 宜阳县 洛宁县 栾川县 汝阳县 新安县 偃师区 瀍河回族区 涧西区 西工区 老城区 洛龙区 吉利区"
data() {
	printf 'format: reportgen/1\nmeta: {title: 图表测试, region: r1, period: "2024"}\nregions:\n'
	i=1
	for v in "$@"; do
		n=$(echo "$names" | cut -d' ' -f"$i")
		printf '  - {id: r%d, name: %s}\n' "$i" "${n:-地区$i}"
		i=$((i + 1))
	done
	printf 'indicators:\n  - {id: g, name: 地区生产总值, unit: 亿元}\nobservations:\n'
	i=1
	for v in "$@"; do printf '  - {indicator: g, region: r%d, value: "%s"}\n' "$i" "$v"; i=$((i + 1)); done
}
# words PDF: the words pdftotext finds, one a line
words() {
	pdftotext -q -bbox "$1" - | sed -n 's/.*<word [^>]*>\(.*\)<\/word>/\1/p'
}
# chart NAME TYPE REGIONS [LINE...]: $tmp/NAME.md, a chart of indicator g
# over regions r1..rREGIONS with value labels, LINEs added to the directive
chart() {
	name=$1 type=$2 n=$3
	shift 3
	{
		printf -- '---\ntitle: 图表测试\n---\n\n```chart\ntype: %s\ntitle: 测试图表\n' "$type"
		printf 'regions: [r1'
		i=2
		while [ "$i" -le "$n" ]; do printf ', r%d' "$i"; i=$((i + 1)); done
		printf ']\nindicators: g\nlabels: yes\n'
		for l in "$@"; do printf '%s\n' "$l"; done
		printf '```\n'
	} > "$tmp/$name.md"
}
render() {
	if $bin render -t "$tmp/$1.md" -d "$tmp/$1.yaml" --check-typesetting -o "$tmp/$1.pdf" \
	    > /dev/null 2> "$tmp/$1.err"; then
		return 0
	fi
	bad "$1" "render failed: $(head -3 "$tmp/$1.err")"
	return 1
}

# ---- value labels of negative bars ----------------------------------------
# the lowest bar reaches the axis' end (-50 on an axis of steps of 10): its
# label under it used to be left out for want of room
data -50.0 -43.0 -36.0 -29.0 -22.0 > "$tmp/neg.yaml"
chart neg bar 5
data -50.0 12.5 -36.0 30.0 -7.5 > "$tmp/mixed.yaml"
chart mixed bar 5
# zeros among negative values: their labels stand above the zero line
data 0.0 -5.5 0.0 -12.0 > "$tmp/zero.yaml"
chart zero bar 4
for c in neg mixed zero; do
	render "$c" || continue
	words "$tmp/$c.pdf" > "$tmp/$c.words"
	missing=$(sed -n 's/.*value: "\(.*\)"}$/\1/p' "$tmp/$c.yaml" | while read -r v; do
		grep -qxF -- "$v" "$tmp/$c.words" || printf '%s ' "$v"; done)
	[ -z "$missing" ] && ok || bad "$c" "value labels missing from the chart: $missing"
done

# ---- category labels ---------------------------------------------------
# fifteen regions in a line chart, ten in a bar chart: 孟津区 and 瀍河回族区
# are wider than their slots (pdftotext: every word of the PDF, and no
# word is a single Han character: the charts' own words are two or more)
data 199.9 237.2 274.5 311.8 349.1 386.4 423.7 461.0 498.3 535.6 572.9 610.2 647.5 684.8 722.1 \
    > "$tmp/cat15.yaml"
chart cat15 line 15 "x: regions"
data -68.0 -61.0 -54.0 -47.0 -40.0 -33.0 -26.0 -19.0 -12.0 -5.0 > "$tmp/cat10.yaml"
chart cat10 bar 10
for c in cat15 cat10; do
	render "$c" || continue
	single=$(words "$tmp/$c.pdf" | LC_ALL=C.UTF-8 grep -xP '\p{Han}' | tr '\n' ' ')
	[ -z "$single" ] && ok || bad "$c" "category labels broken to one character a line: $single"
done

# ---- more series than colours -------------------------------------------
# the bars of the PDF (filled rectangles taller than the legend's keys) and
# what is drawn in white inside each (a hollow bar's inside, a hatched
# bar's stripes): one look per series
looks() {
	qpdf --qdf --object-streams=disable "$1" - | python3 -c "$fills_py" looks
}
# overlaps PDF: value labels (pdftotext's words that are numbers) that
# overlap a bar whose middle they are not over, the first three
overlaps() {
	pdftotext -q -bbox "$1" "$tmp/ov.html"
	qpdf --qdf --object-streams=disable "$1" - | python3 -c "$fills_py" overlaps "$tmp/ov.html"
}
fills_py='
import re, sys
data = sys.stdin.buffer.read()
fills, white_lines, white_rects = [], [], []
for m in re.finditer(rb"stream\n(.*?)\nendstream", data, re.S):
    fill = stroke = None
    st, path = [], []
    for tok in re.findall(rb"[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z*]+", m.group(1)):
        if tok[:1] in b"-+.0123456789":
            st.append(float(tok)); continue
        op = tok.decode()
        if op == "rg" and len(st) >= 3: fill = tuple(st[-3:])
        elif op == "RG" and len(st) >= 3: stroke = tuple(st[-3:])
        elif op == "re" and len(st) >= 4: path = [tuple(st[-4:])]
        elif op in ("m", "l") and len(st) >= 2: path = (path if op == "l" else []) + [tuple(st[-2:])]
        elif op == "f" and path and len(path[0]) == 4:
            x, y, w, h = path[0]
            (white_rects if fill == (1, 1, 1) else fills).append((fill, x, y, x + w, y + h))
        elif op == "S" and stroke == (1, 1, 1) and len(path) == 2:
            white_lines.append(path)
        st = []
bars = [f for f in fills if f[4] - f[2] > 20]
def inside(b, x, y):
    return b[1] <= x <= b[3] and b[2] <= y <= b[4]
if sys.argv[1] == "looks":
    seen = set()
    for b in bars:
        hollow = any(inside(b, r[1], r[2]) and inside(b, r[3], r[4]) for r in white_rects)
        hatched = any(all(inside(b, *p) for p in l) for l in white_lines)
        seen.add((b[0], hollow, hatched))
    print(len(bars), len(seen))
else:
    page = open(sys.argv[2]).read()
    h = float(re.search(r"<page width=\"[0-9.]+\" height=\"([0-9.]+)\"", page).group(1))
    bad = []
    for m in re.finditer(r"<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([-0-9.]+)</word>", page):
        x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
        y0, y1 = h - y1, h - y0           # PDF space
        mx = (x0 + x1) / 2
        for b in bars:
            if b[1] <= mx <= b[3]:
                continue
            if x0 < b[3] - 0.3 and x1 > b[1] + 0.3 and y0 < b[4] - 0.3 and y1 > b[2] + 0.3:
                bad.append("%s over a bar at x %.1f-%.1f" % (m.group(5), b[1], b[3]))
                break
    print(" ".join(bad[:3]))
'
data 100 110 120 130 140 150 160 170 180 190 200 210 > "$tmp/many.yaml"
chart many bar 12 "x: indicators" "series: regions"
sed -i 's/^labels: yes$/labels: no/' "$tmp/many.md"
if render many; then
	# shellcheck disable=SC2046
	set -- $(looks "$tmp/many.pdf")
	[ "$1" = 12 ] && [ "$2" = 12 ] && ok || bad many "$1 bars of 12 series, $2 looks: series share a look"
fi

# ---- value labels over bars ---------------------------------------------
data 100.0 137.3 174.6 111.1 148.4 185.7 122.2 159.5 196.8 133.3 170.6 207.9 144.4 181.7 219.0 \
    155.5 192.8 230.1 166.6 203.9 241.2 177.7 215.0 252.3 188.8 226.1 263.4 199.9 237.2 274.5 \
    > "$tmp/dense.yaml"
# 30 regions as 10 categories of 3 series: regions r1..r30 would be 30
# categories, so the categories are indicators here
awk '/^indicators:/ { print; for (i = 1; i <= 10; i++) printf "  - {id: g%d, name: 指标%d, unit: 亿元}\n", i, i; skip = 1; next }
    /^observations:/ { skip = 0 } skip { next }
    /indicator: g,/ { n++; sub(/indicator: g,/, "indicator: g" (int((n - 1) / 3) + 1) ","); sub(/region: r[0-9]+/, "region: r" ((n - 1) % 3 + 1)) }
    { print }' "$tmp/dense.yaml" | awk '!/^  - \{id: r([4-9]|[1-3][0-9]),/' > "$tmp/dense3.yaml"
mv "$tmp/dense3.yaml" "$tmp/dense.yaml"
chart dense bar 3 "x: indicators" "series: regions"
sed -i 's/^indicators: g$/indicators: [g1, g2, g3, g4, g5, g6, g7, g8, g9, g10]/' "$tmp/dense.md"
if render dense; then
	out=$(overlaps "$tmp/dense.pdf")
	[ -z "$out" ] && ok || bad dense "value labels over other bars: $out"
	words "$tmp/dense.pdf" > "$tmp/dense.words"
	missing=$(sed -n 's/.*value: "\(.*\)"}$/\1/p' "$tmp/dense.yaml" | while read -r v; do
		grep -qxF -- "$v" "$tmp/dense.words" || printf '%s ' "$v"; done)
	[ -z "$missing" ] && ok || bad dense "value labels missing: $missing"
fi

# ---- web addresses in cells ---------------------------------------------
url=https://www.songxian.gov.cn/zwgk/tjxx/tjgb/2024/annual_statistical_bulletin_of_national_economic_and_social_development.html
{
	printf -- '---\ntitle: 网址\n---\n\n```table\ntype: static\ncaption: 表1 资料来源\n'
	printf 'header: 地区 | 数值（亿元） | 资料来源\nrows:\n  - 嵩县 | 12.5 | %s\n' "$url"
	printf '  - 孟津区 | 13.5 | 孟津区2024年国民经济和社会发展统计公报，https://www.mengjin.gov.cn/tjgb/2024.html\n```\n'
} > "$tmp/url.md"
printf 'page_width: 148\npage_height: 210\nmargin_top: 15\nmargin_bottom: 15\nmargin_left: 15\nmargin_right: 15\nbody_size: 10.5\n' \
    > "$tmp/a5.yaml"
for theme in briefing gongwen "$tmp/a5.yaml"; do
	n=url-$(basename "$theme" .yaml)
	if ! REPORTGEN_CELL_FRAMES=1 $bin render -t "$tmp/url.md" -d input/songxian-2024.yaml \
	    --theme "$theme" --check-typesetting -o "$tmp/$n.pdf" > /dev/null 2> "$tmp/$n.err"; then
		bad "$n" "render failed: $(head -3 "$tmp/$n.err")"
		continue
	fi
	# one page, upright
	pdfinfo "$tmp/$n.pdf" | awk '/^Pages:/ { p = $2 } /^Page size:/ { w = $3; h = $5 }
	    END { exit !(p == 1 && w < h) }' && ok ||
	    bad "$n" "not one portrait page: $(pdfinfo "$tmp/$n.pdf" | grep -E '^Pages|^Page size' | tr '\n' ' ')"
	python3 tests/tools/bbox.py cells "$tmp/$n.pdf" > "$tmp/$n.cells" && ok || bad "$n" "$(head -3 "$tmp/$n.cells")"
	# the words of the address' column (from the left of its first
	# line), top down
	pdftotext -q -bbox "$tmp/$n.pdf" - | awk '
	    /<word / { match($0, /xMin="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /yMin="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7) + 0
		w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
		if (w ~ /^https:\/\/www\.songxian/) x0 = x
		n++; X[n] = x; Y[n] = y; W[n] = w }
	    END { for (i = 1; i <= n; i++) if (X[i] >= x0 - 0.5) print Y[i], X[i], W[i] }' |
	    sort -n -k1,1 -k2,2 | awk '{ printf "%s", $3 }' | grep -qF "$url" && ok ||
	    bad "$n" "the address is not whole in the text"
done

# ---- many categories -----------------------------------------------------
awk 'BEGIN { print "format: reportgen/1"; print "meta: {title: 图表测试, region: r1, period: \"2024\"}"
	print "regions:\n  - {id: r1, name: 嵩县}\nindicators:\n  - {id: g, name: 地区生产总值, unit: 亿元}"
	print "observations:"
	for (p = 1985; p <= 2024; p++) printf "  - {indicator: g, period: \"%d\", value: \"%d.5\"}\n", p, (p - 1984) * 1000 }' \
    > "$tmp/years.yaml"
periods=$(awk 'BEGIN { sep = ""; for (p = 1985; p <= 2024; p++) { printf "%s\"%d\"", sep, p; sep = ", " } }')
chart years line 1 "x: periods" "periods: [$periods]"
sed -i 's/^labels: yes$/labels: no/' "$tmp/years.md"
cp "$tmp/years.yaml" "$tmp/yearbars.yaml"
chart yearbars bar 1 "x: periods" "periods: [$periods]"
for c in years yearbars; do
	render "$c" || continue
	words "$tmp/$c.pdf" > "$tmp/$c.words"
	# digits that are neither a tick (0, 10000, …), a year nor a value
	cut=$(grep -xE '[0-9]{1,3}|[0-9]{1,3}年' "$tmp/$c.words" | grep -vx 0 | sort -u | tr '\n' ' ')
	[ -z "$cut" ] && ok || bad "$c" "category labels cut: $cut"
	n=$(grep -cxE '(19|20)[0-9]{2}年?' "$tmp/$c.words")
	[ "$n" -ge 10 ] && ok || bad "$c" "$n years labelled"
	[ "$c" = yearbars ] || continue
	missing=$(sed -n 's/.*value: "\(.*\)"}$/\1/p' "$tmp/$c.yaml" | while read -r v; do
		grep -qxF -- "$v" "$tmp/$c.words" || printf '%s ' "$v"; done)
	[ -z "$missing" ] && ok || bad "$c" "value labels missing: $missing"
done

# ---- brackets in a unit ---------------------------------------------------
unit='（亿元（按当年价格计算，不含国有企业和外资企业的部分））'
printf -- '---\ntitle: 括号\n---\n\n```table\ntype: static\nheader: 地区 | 短名%s | 一般公共预算收入（亿元） | 社会消费品零售总额（亿元） | 固定资产投资增长（%%）\nrows:\n  - 嵩县 | 12.5 | 13.5 | 14.5 | 15.5\n```\n' \
    "$unit" > "$tmp/unit.md"
for theme in briefing "$tmp/a5.yaml"; do
	n=unit-$(basename "$theme" .yaml)
	if $bin render -t "$tmp/unit.md" -d input/songxian-2024.yaml --theme "$theme" --check-typesetting \
	    -o "$tmp/$n.pdf" > /dev/null 2> "$tmp/$n.err"; then
		ok
	else
		bad "$n" "$(head -2 "$tmp/$n.err")"
		continue
	fi
	# the unit is one line of the PDF, under 短名
	python3 tests/tools/bbox.py lines "$tmp/$n.pdf" | awk '{ $1 = $2 = $3 = $4 = $5 = ""; gsub(/ /, ""); print }' |
	    grep -qxF "$unit" && ok || bad "$n" "the unit is not a line of its own"
done

# ---- split: columns of grouped columns -----------------------------------
awk 'BEGIN { print "format: reportgen/1"; print "meta: {title: 宽表, region: r0, period: \"2024\"}"
	print "regions:"
	n = split("嵩县 孟津区 伊川县 宜阳县 洛宁县 栾川县 汝阳县 新安县 偃师区 瀍河回族区 涧西区 西工区 老城区 洛龙区 吉利区", N, " ")
	for (r = 0; r < n; r++) printf "  - {id: r%d, name: %s}\n", r, N[r + 1]
	print "indicators:\n  - {id: gdp, name: 地区生产总值, unit: 亿元}\nobservations:"
	for (p = 2020; p <= 2024; p++) for (r = 0; r < n; r++)
		printf "  - {indicator: gdp, region: r%d, period: \"%d\", value: \"%.1f\", growth: \"%.1f\"}\n",
		    r, p, 100 + r * 37.3 + (p - 2015) * 11.1, (r * 3 + p) % 17 - 6 }' > "$tmp/wide.yaml"
printf -- '---\ntitle: 宽表\n---\n\n```table\ncaption: 表1 十五个地区的值与增长\nrows: periods\ncolumns: regions\nregions: [r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14]\nperiods: ["2020", "2021", "2022", "2023", "2024"]\nindicators: gdp\nshow: [value, growth]\nsplit: columns\n```\n' \
    > "$tmp/wide.md"
if render wide; then
	ok
	words "$tmp/wide.pdf" > "$tmp/wide.words"
	twice=$(for r in 嵩县 孟津区 伊川县 宜阳县 洛宁县 栾川县 汝阳县 新安县 偃师区 瀍河回族区 涧西区 西工区 老城区 洛龙区 吉利区; do
		[ "$(grep -cxF "$r" "$tmp/wide.words")" = 1 ] || printf '%s ' "$r"; done)
	[ -z "$twice" ] && ok || bad wide "regions not named once: $twice"
fi

# ---- a note longer than a page --------------------------------------------
note=注：$(awk 'BEGIN { for (i = 0; i < 120; i++) printf "资料来源于各县区统计公报，部分数据为快报数，最终以统计年鉴为准。" }')
printf -- '---\ntitle: 长注\n---\n\n前文。\n\n```table\ntype: static\ncaption: 表1 长注释\nheader: 地区 | 数值（亿元）\nrows:\n  - 嵩县 | 1\n  - 孟津区 | 2\nnote: %s\n```\n\n后文。\n' \
    "$note" > "$tmp/note.md"
for theme in briefing gongwen; do
	n=note-$theme
	if ! $bin render -t "$tmp/note.md" -d input/songxian-2024.yaml --theme "$theme" --check-typesetting \
	    -o "$tmp/$n.pdf" > /dev/null 2> "$tmp/$n.err"; then
		bad "$n" "render failed: $(head -2 "$tmp/$n.err")"
		continue
	fi
	pdftotext -q -f 1 -l 1 "$tmp/$n.pdf" - | tr -d ' ' | grep -qx '表1长注释' && ok ||
	    bad "$n" "the table is not on page 1 with the text before it"
	# the note whole, in order (the running header 长注 taken out)
	pdftotext -q "$tmp/$n.pdf" - | grep -vE '^— ?[0-9]+ ?—$' | tr -d ' \n\f' | sed 's/长注//g' |
	    grep -qF "$note" && ok || bad "$n" "the note is not whole"
done

# ---- a legend or labels larger than the chart ----------------------------
awk 'BEGIN { print "format: reportgen/1"; print "meta: {title: 图表测试, region: r1, period: \"2024\"}"
	print "regions:"; for (r = 1; r <= 40; r++) printf "  - {id: r%d, name: 第%d个名称很长很长的开发区管理委员会}\n", r, r
	print "indicators:\n  - {id: g, name: 地区生产总值, unit: 亿元}\nobservations:"
	for (r = 1; r <= 40; r++) printf "  - {indicator: g, region: r%d, value: \"%d\"}\n", r, r * 10 }' > "$tmp/s40.yaml"
cp "$tmp/s40.yaml" "$tmp/c40.yaml"
chart s40 bar 40 "x: indicators" "series: regions"
chart c40 bar 40
sed -i 's/^labels: yes$/labels: no/' "$tmp/s40.md" "$tmp/c40.md"
# words PDF: pdftotext's word boxes (top-down), one a line: x0 y0 x1 y1 text
boxes() {
	pdftotext -q -bbox "$1" - | sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)">\(.*\)<\/word>/\1 \2 \3 \4 \5/p'
}
if render s40; then
	# the bars' extent, top-down, from the content stream (page height 841.89)
	qpdf --qdf --object-streams=disable "$tmp/s40.pdf" - | python3 -c "$fills_py" looks > /dev/null &&
	qpdf --qdf --object-streams=disable "$tmp/s40.pdf" - | python3 -c '
import re, sys
d = sys.stdin.buffer.read()
ys = []
for m in re.finditer(rb"([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) re f", d):
    x, y, w, h = (float(v) for v in m.groups())
    if h > 12: ys += [841.89 - y - h, 841.89 - y]
print(min(ys), max(ys))' > "$tmp/s40.bars"
	read -r btop bbot < "$tmp/s40.bars"
	title=$(boxes "$tmp/s40.pdf" | awk '$5 == "测试图表" { print $4 }')
	legend=$(boxes "$tmp/s40.pdf" | awk '$5 ~ /^第$|^第1个/ && (y == "" || $2 < y) { y = $2 } END { print y }')
	awk -v t="$btop" -v b="$bbot" -v title="$title" -v legend="$legend" \
	    'BEGIN { exit !(title != "" && legend != "" && t > title && b < legend) }' && ok ||
	    bad s40 "bars from $btop to $bbot, not between the title ($title) and the legend ($legend)"
fi
if render c40; then
	# no two words of the page overlap (by more than a third of their
	# height: pdftotext's boxes are the fonts' ascent and descent, more
	# than the line pitch of labels set one character a line)
	out=$(boxes "$tmp/c40.pdf" | awk '{ n++; X0[n] = $1; Y0[n] = $2; X1[n] = $3; Y1[n] = $4; W[n] = $5 }
	    END { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
		h = Y1[i] - Y0[i] < Y1[j] - Y0[j] ? Y1[i] - Y0[i] : Y1[j] - Y0[j]
		if (X0[i] < X1[j] - 0.5 && X0[j] < X1[i] - 0.5 && Y0[i] < Y1[j] - h / 3 && Y0[j] < Y1[i] - h / 3) {
			print W[i] " / " W[j]; exit } } }')
	# every name is there, one character a line
	# (the words under the plot, each with the 第 nearest above it; the
	# legend and the page number follow the label nearest them)
	names=$(boxes "$tmp/c40.pdf" | sort -t' ' -k2,2n -k1,1n | awk '$5 == "0" && y == "" { y = $2 }
	    y != "" && $2 > y { c = ($1 + $3) / 2
		if ($5 == "第") { k = ++nk; X[k] = c } else { k = 0
			for (i = 1; i <= nk; i++) if (k == 0 || (c - X[i]) ^ 2 < (c - X[k]) ^ 2) k = i }
		if (k) S[k] = S[k] $5 }
	    END { for (k = 1; k <= nk; k++) print S[k] }' | grep -c '^第[0-9]*个名称很长很长的开发区管理委员会')
	[ -z "$out" ] && ok || bad c40 "words overlap: $out"
	[ "$names" = 40 ] && ok || bad c40 "$names of 40 category names whole, one character a line"
fi

# ---- a legend entry wider than the chart ----------------------------------
long=$(awk 'BEGIN { for (i = 0; i < 8; i++) printf "规模以上工业企业实现的增加值占全部工业增加值的比重" }')
data 5 7 | sed "s/name: 地区生产总值/name: $long/" > "$tmp/legend.yaml"
chart legend bar 2
if render legend; then
	# the text block of the briefing theme: A4, side margins of 24.56 mm
	out=$(boxes "$tmp/legend.pdf" | awk '$1 < 69.1 || $3 > 526.2 { print; exit }')
	[ -z "$out" ] && ok || bad legend "a word outside the text block: $out"
	pdftotext -q "$tmp/legend.pdf" - | tr -d ' \n' | grep -qF "$long" && ok || bad legend "the name is not whole"
fi

# ---- align: decimal with percentages --------------------------------------
printf -- '---\ntitle: 对齐\n---\n\n```table\ntype: static\ncaption: 表1 对齐\nalign: decimal\nheader: 地区 | 增长（%%） | 数值（亿元）\nrows:\n  - 嵩县 | 10%% | 12\n  - 孟津区 | 10.5%% | 12.5\n  - 伊川县 | 10.25%% | 12.25\n```\n' \
    > "$tmp/align.md"
for theme in briefing gongwen; do
	n=align-$theme
	if ! $bin render -t "$tmp/align.md" -d input/songxian-2024.yaml --theme "$theme" --check-typesetting \
	    -o "$tmp/$n.pdf" > /dev/null 2> "$tmp/$n.err"; then
		bad "$n" "render failed: $(head -2 "$tmp/$n.err")"
		continue
	fi
	for col in '10%|10.5%|10.25%' '12|12.5|12.25'; do
		boxes "$tmp/$n.pdf" | awk -v col="$col" 'BEGIN { split(col, C, "|"); for (i in C) want[C[i]] = 1 }
		    $5 in want { x[$5] = $1 } END { lo = 1e9; hi = -1e9; k = 0
			for (w in x) { k++; if (x[w] < lo) lo = x[w]; if (x[w] > hi) hi = x[w] }
			exit !(k == 3 && hi - lo < 0.3) }' && ok || bad "$n" "$col: the integer parts do not start together"
	done
done

# ---- align: decimal in a plan table ---------------------------------------
{ printf -- '---\ntitle: 规划\n---\n\n'
  sed -n '/^```table/,/^```$/p' templates/plan.md | sed 's/^type: plan$/type: plan\nalign: decimal/'; } > "$tmp/plan.md"
for theme in briefing gongwen; do
	n=plan-$theme
	if REPORTGEN_CELL_FRAMES=1 $bin render -t "$tmp/plan.md" -d input/songxian-plan14.yaml --theme "$theme" \
	    --check-typesetting -o "$tmp/$n.pdf" > /dev/null 2> "$tmp/$n.err"; then
		ok
	else
		bad "$n" "$(head -2 "$tmp/$n.err")"
		continue
	fi
	python3 tests/tools/bbox.py cells "$tmp/$n.pdf" > "$tmp/$n.cells" && ok || bad "$n" "$(head -3 "$tmp/$n.cells")"
done

# ---- long Chinese headers ---------------------------------------------------
printf -- '---\ntitle: 长表头\n---\n\n```table\ntype: static\ncaption: 表1 长表头\nheader: 地区 | 这是一个非常非常长的中文表头单元格内容用来测试换行是否正确处理（亿元） | 这个表头同样非常长的中文内容用来测试在较窄的列中能否正确地折行显示（%%） | 第三个很长的表头也是为了测试表格在版心内是否能放得下的情况（元）\nrows:\n  - 嵩县 | 12.5 | 45.1 | 60.2\n  - 孟津区 | 13.5 | 46.1 | 61.2\n```\n' \
    > "$tmp/longhead.md"
for theme in "$tmp/a5.yaml" gongwen; do
	n=longhead-$(basename "$theme" .yaml)
	if ! REPORTGEN_CELL_FRAMES=1 $bin render -t "$tmp/longhead.md" -d input/songxian-2024.yaml \
	    --theme "$theme" --check-typesetting -o "$tmp/$n.pdf" > /dev/null 2> "$tmp/$n.err"; then
		bad "$n" "render failed: $(head -3 "$tmp/$n.err")"
		continue
	fi
	pdfinfo "$tmp/$n.pdf" | awk '/^Pages:/ { p = $2 } /^Page size:/ { w = $3; h = $5 }
	    END { exit !(p == 1 && w < h) }' && ok ||
	    bad "$n" "not one portrait page: $(pdfinfo "$tmp/$n.pdf" | grep -E '^Pages|^Page size' | tr '\n' ' ')"
	python3 tests/tools/bbox.py cells "$tmp/$n.pdf" > "$tmp/$n.cells" && ok || bad "$n" "$(head -3 "$tmp/$n.cells")"
done

# ---- a web address as a header -------------------------------------------
printf -- '---\ntitle: 长词\n---\n\n```table\ntype: static\ncaption: 表1 长词\nheader: 这是一个非常非常长的中文表头单元格内容用来测试换行是否正确处理（单位） | https://www.example.com/very/long/path/to/some/resource/index.html | Supercalifragilisticexpialidocious\nrows:\n  - 嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县嵩县 | https://www.example.com/another/very/long/url/that/has/no/spaces.html | Pneumonoultramicroscopicsilicovolcanoconiosis\n  - 孟津区 | 12 | 13\n```\n' \
    > "$tmp/urlhead.md"
if REPORTGEN_CELL_FRAMES=1 $bin render -t "$tmp/urlhead.md" -d input/songxian-2024.yaml --theme "$tmp/a5.yaml" \
    --check-typesetting -o "$tmp/urlhead.pdf" > /dev/null 2> "$tmp/urlhead.err"; then
	ok
	python3 tests/tools/bbox.py cells "$tmp/urlhead.pdf" > "$tmp/urlhead.cells" && ok ||
	    bad urlhead "$(head -3 "$tmp/urlhead.cells")"
else
	bad urlhead "$(head -2 "$tmp/urlhead.err")"
fi

echo "unseen-tables: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
