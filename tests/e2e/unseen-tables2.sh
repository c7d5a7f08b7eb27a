#!/bin/sh
# unseen-tables2.sh -- more tables and charts of shapes the samples never
# have, measured in the PDF (pdftotext -bbox, the filled rectangles of the
# page content streams):
#   - a static table of one column of numbers sets them as values,
#     right-aligned (they were row labels, left-aligned), and its total
#     row gives the sum beside 合计 (it was a lone 合计);
#   - a chart's decimals round its value labels only: bars are drawn at
#     the true values (1.4 and 2.6 with decimals: 0 were drawn as 1 and 3;
#     -0.004 with decimals: 2 drew no bar);
#   - a header cell of several lines takes the most even lines among its
#     word breaks, a break after a one-character word (消费品 | 零售) among
#     them: 社会消费品 / 零售总额 (it was 社会 / 消费品零售 / 总额 or
#     社会消费品零售 / 总额);
#   - a chart of large values is drawn in 亿 or 万 of its unit, the unit
#     above the axis saying so (150000000000 元: 1500, 亿元; 123456.7
#     万元: 12.35, 亿元), its labels to one number of decimals, two at most
#     (532100 and 412000 人: 53.21 and 41.20 万人); scale: none
#     keeps the numbers (the ticks read 200000000000);
#   - scale scales the values and their unit alike, as a multiplier (万元
#     by 万: 12.34567 under （亿元）; by 亿: 0.001234567 under （万亿元）),
#     in comparison and plan tables; a unit it cannot scale (亿元 by 亿,
#     past 万亿) warns [scale-unit] at the scale, in a placeholder too (it
#     was left silently);
#   - a static table's header of two rows merges a cell the same as its
#     right neighbour (地区生产总值 over 数值 and 增长) or as the one above
#     (地区 over both rows): each once in the PDF, centred over its columns
#     (they were repeated, one a column);
#   - a Markdown pipe table where it is no table (under a list item) warns
#     [markdown-ignored] at its first line that it is set as a paragraph
#     (at the top level it is a table: gfm.sh); a paragraph with a
#     | but no line of dashes does not;
#   - value labels left out for want of room (three lines of close values:
#     the third's labels found no place) warn [chart-labels] with their
#     count and the first (they went silently); a chart whose labels all
#     fit does not;
#   - the sum row of a static table leaves a column of rates empty, its
#     header's unit （%） or (‰) saying so, as for cells written with a %
#     (-3.25, 12.5 and 100 under 增长（%） were summed to 109.25); an
#     average row averages them;
#   - a chart title of two lines breaks them even (its second line was
#     the few characters left over from a full first line);
#   - a chart of more series than it tells apart (15) warns [chart-series]
#     at the first series that looks like an earlier one (they repeated
#     silently); one of 15 does not;
. "$(dirname "$0")/../lib.sh"
# boxes PDF: pdftotext's word boxes, one a line: x0 y0 x1 y1 text
boxes() {
	pdftotext -q -bbox "$1" - | sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)">\(.*\)<\/word>/\1 \2 \3 \4 \5/p'
}
# bars PDF: the filled rectangles of the page's content stream: x y w h
bars() {
	qpdf --qdf --object-streams=disable "$1" - | sed -n 's/^\([-0-9.]*\) \([-0-9.]*\) \([-0-9.]*\) \([-0-9.]*\) re f$/\1 \2 \3 \4/p'
}
render() {
	name=$1
	shift
	if $bin render -t "$tmp/$name.md" --check-typesetting -o "$tmp/$name.pdf" "$@" \
	    > /dev/null 2> "$tmp/$name.err"; then
		return 0
	fi
	bad "$name" "render failed: $(head -3 "$tmp/$name.err")"
	return 1
}

# ---- a static table of one column -----------------------------------------
printf -- '---\ntitle: 一列表\n---\n\n```table\ntype: static\nheader: 数值（亿元）\nrows:\n  - 12.5\n  - 133.25\n  - 7\n%s```\n' \
    '' > "$tmp/one.md"
printf -- '---\ntitle: 一列表\n---\n\n```table\ntype: static\nheader: 数值（亿元）\nrows:\n  - 12.5\n  - 133.25\n  - 7\n%s```\n' \
    'total: sum
' > "$tmp/onetotal.md"
for n in one onetotal; do
	render "$n" -d input/songxian-2024.yaml || continue
	# the numbers end at one right edge
	boxes "$tmp/$n.pdf" | awk '$5 == "12.5" || $5 == "133.25" || $5 == "7" || $5 == "152.75" { print $3 }' \
	    > "$tmp/$n.right"
	want=3
	[ "$n" = onetotal ] && want=4
	sort -n "$tmp/$n.right" | awk -v n="$want" 'NR == 1 { lo = $1 } { hi = $1; c++ }
	    END { exit !(c == n && hi - lo < 0.5) }' && ok ||
	    bad "$n" "the numbers are not right-aligned: right edges $(tr '\n' ' ' < "$tmp/$n.right")"
	[ "$n" = onetotal ] || continue
	# 合计 and the sum on one line
	boxes "$tmp/$n.pdf" | awk '$5 == "合计" { y = $2 } $5 == "152.75" { s = $2 }
	    END { exit !(y != "" && s != "" && (y - s) ^ 2 < 1) }' && ok ||
	    bad "$n" "no total 152.75 beside 合计"
done

# ---- chart decimals --------------------------------------------------------
cat > "$tmp/dec.yaml" <<'YAML'
format: reportgen/1
meta: {title: 图表测试, region: r1, period: "2024"}
regions:
  - {id: r1, name: 嵩县}
  - {id: r2, name: 孟津区}
  - {id: r3, name: 伊川县}
indicators:
  - {id: g, name: 地区生产总值, unit: 亿元}
observations:
  - {indicator: g, region: r1, value: "1.4"}
  - {indicator: g, region: r2, value: "2.6"}
  - {indicator: g, region: r3, value: "-0.004"}
YAML
for d in 0 2; do
	printf -- '---\ntitle: 图表测试\n---\n\n```chart\ntype: bar\ntitle: 测试图表\nregions: [r1, r2, r3]\nindicators: g\nlabels: yes\ndecimals: %s\n```\n' \
	    "$d" > "$tmp/dec$d.md"
	render "dec$d" -d "$tmp/dec.yaml" || continue
	# the bars in category order (the legend's key is 9 pt square)
	bars "$tmp/dec$d.pdf" | awk '!($3 == 9 && $4 == 9)' | sort -n > "$tmp/dec$d.bars"
	# heights as the values: 1.4 : 2.6, and the third a bar under the
	# others' foot
	awk 'NR == 1 { h1 = $4; y = $2 } NR == 2 { h2 = $4 } NR == 3 { h3 = $4; t3 = $2 + $4 }
	    END { r = h1 / h2; exit !(NR == 3 && r > 1.4 / 2.6 * 0.99 && r < 1.4 / 2.6 * 1.01 &&
		h3 > 0 && (t3 - y) ^ 2 < 0.01) }' "$tmp/dec$d.bars" && ok ||
	    bad "dec$d" "bars not at the values 1.4, 2.6, -0.004: $(tr '\n' ';' < "$tmp/dec$d.bars")"
	# the labels rounded
	[ "$d" = 2 ] || continue
	boxes "$tmp/dec$d.pdf" | awk '{ print $5 }' > "$tmp/dec$d.words"
	for w in 1.40 2.60 0.00; do
		grep -qxF "$w" "$tmp/dec$d.words" && ok || bad "dec$d" "no value label $w"
	done
done

# ---- even header lines -----------------------------------------------------
for w in 6 7 8; do
	cols=$(awk -v n="$w" 'BEGIN { for (i = 1; i < n; i++) printf " | 社会消费品零售总额" }')
	vals=$(awk -v n="$w" 'BEGIN { for (i = 1; i < n; i++) printf " | 12345.6" }')
	printf -- '---\ntitle: 表头\n---\n\n```table\ntype: static\nheader: 地区%s\nrows:\n  - 嵩县%s\n```\n' \
	    "$cols" "$vals" > "$tmp/head$w.md"
	render "head$w" -d input/songxian-2024.yaml || continue
	# the header's lines (pdftotext's words of the header): each the
	# whole header on one line, or of 4 or 5 characters
	out=$(boxes "$tmp/head$w.pdf" | awk '$5 != "表头" && $5 != "地区" && $5 !~ /^[0-9.]+$/ && $5 != "嵩县" &&
	    $5 !~ /^—/ { print $5 }' | python3 -c '
import sys
print(" ".join(sorted({w for w in sys.stdin.read().split() if w != "社会消费品零售总额" and not 4 <= len(w) <= 5})))')
	[ -z "$out" ] && ok || bad "head$w" "header lines of uneven length: $out"
done

# ---- large values in charts -------------------------------------------------
cat > "$tmp/big.yaml" <<'YAML'
format: reportgen/1
meta: {title: 大数, region: r1, period: "2024"}
regions:
  - {id: r1, name: 嵩县}
  - {id: r2, name: 孟津区}
indicators:
  - {id: a, name: 一般公共预算收入, unit: 万元}
  - {id: c, name: 居民存款, unit: 元}
  - {id: p, name: 常住人口, unit: 人}
observations:
  - {indicator: p, region: r1, value: "532100"}
  - {indicator: p, region: r2, value: "412000"}
  - {indicator: a, region: r1, value: "123456.7"}
  - {indicator: a, region: r2, value: "98765"}
  - {indicator: c, region: r1, value: "150000000000"}
  - {indicator: c, region: r2, value: "98000000000"}
YAML
# NAME INDICATOR UNIT LABELS [LINE]: the chart's axis unit, value labels
# and ticks (the words of the PDF that are numbers, but the page number)
for t in "bigc c 亿元 1500,980" "biga a 亿元 12.35,9.88" "bigp p 万人 53.21,41.20" "bignone c 元 150000000000,98000000000 scale: none"; do
	# shellcheck disable=SC2086
	set -- $t
	printf -- '---\ntitle: 大数\n---\n\n```chart\ntitle: 图1 大数\nregions: [r1, r2]\nindicators: %s\nlabels: yes\n%s```\n' \
	    "$2" "${5:+$5 $6
}" > "$tmp/$1.md"
	render "$1" -d "$tmp/big.yaml" || continue
	boxes "$tmp/$1.pdf" | awk '{ print $5 }' > "$tmp/$1.words"
	grep -qxF "$3" "$tmp/$1.words" && ok || bad "$1" "no axis unit $3"
	for l in $(echo "$4" | tr , ' '); do
		grep -qxF "$l" "$tmp/$1.words" && ok || bad "$1" "no value label $l"
	done
	# ticks: of at most 4 digits, scaled; 12 without scale
	long=$(grep -xE '[0-9]{5,}' "$tmp/$1.words" | grep -vxF -e 150000000000 -e 98000000000 | head -1)
	if [ -n "$5" ]; then
		[ "${#long}" = 12 ] && ok || bad "$1" "ticks not as the numbers: $long"
	else
		[ -z "$long" ] && ok || bad "$1" "a tick of many digits: $long"
	fi
done

# ---- scale ------------------------------------------------------------------
sed -e 's/^  - {id: c, name: 居民存款, unit: 元}$/  - {id: b, name: 地区生产总值, unit: 亿元}/' \
    -e 's/indicator: c, region: r1, value: "150000000000"/indicator: b, region: r1, value: "350.5"/' \
    -e '/indicator: c, region: r2/d' "$tmp/big.yaml" > "$tmp/scale.yaml"
for t in "a 万 亿元 12.34567" "a 亿 万亿元 0.001234567" "b 亿 亿元 350.5"; do
	# shellcheck disable=SC2086
	set -- $t
	for type in comparison plan; do
		n=scale-$1-$type-$2
		if [ "$type" = comparison ]; then
			spec="regions: [r1, r2]"
		else
			spec="region: r1
actuals: [\"2024\"]"
		fi
		printf -- '---\ntitle: 单位\n---\n\n```table\ntype: %s\n%s\nindicators: %s\nscale: %s\n```\n' \
		    "$type" "$spec" "$1" "$2" > "$tmp/$n.md"
		render "$n" -d "$tmp/scale.yaml" || continue
		pdftotext -q "$tmp/$n.pdf" - | tr -d ' ' > "$tmp/$n.txt"
		grep -qxF "$4" "$tmp/$n.txt" && ok || bad "$n" "no value $4"
		if [ "$type" = comparison ]; then
			grep -qF "（$3）" "$tmp/$n.txt" && ok || bad "$n" "no unit （$3） in the header"
		else
			grep -qxF "$3" "$tmp/$n.txt" && ok || bad "$n" "no unit $3 in the 单位 column"
		fi
		line=$(grep -n '^scale:' "$tmp/$n.md" | cut -d: -f1)
		if [ "$1" = b ]; then
			grep -F "$n.md:$line:8: warning: " "$tmp/$n.err" | grep -qF '[scale-unit]' && ok ||
			    bad "$n" "no warning at the scale: $(head -2 "$tmp/$n.err")"
		else
			[ ! -s "$tmp/$n.err" ] && ok || bad "$n" "a message: $(head -2 "$tmp/$n.err")"
		fi
	done
done

# and in a placeholder: at the {{ of the one that cannot scale
printf -- '---\ntitle: 单位\n---\n\n收入{{ a | scale=万 }}，总值{{ b | scale=亿 }}。\n' > "$tmp/scaleph.md"
if render scaleph -d "$tmp/scale.yaml"; then
	grep -F "scaleph.md:5:23: warning: " "$tmp/scaleph.err" | grep -qF '[scale-unit]' && ok ||
	    bad scaleph "no warning at 5:23: $(head -2 "$tmp/scaleph.err")"
	[ "$(wc -l < "$tmp/scaleph.err")" = 1 ] && ok || bad scaleph "not one message: $(cat "$tmp/scaleph.err")"
fi

# ---- a header of two rows ----------------------------------------------------
printf -- '---\ntitle: 表头\n---\n\n```table\ntype: static\nheader:\n  - 地区 | 地区生产总值 | 地区生产总值 | 一般公共预算收入 | 一般公共预算收入\n  - 地区 | 数值（亿元） | 增长（%%） | 数值（亿元） | 增长（%%）\nrows:\n  - 嵩县 | 12.5 | 3.2%% | 1.5 | -2%%\n  - 孟津区 | 113.5 | 10.2%% | 11.25 | 0%%\n```\n' \
    > "$tmp/head2.md"
if render head2 -d input/songxian-2024.yaml; then
	out=$(boxes "$tmp/head2.pdf" | python3 -c '
import sys
words = [l.split() for l in sys.stdin if len(l.split()) == 5]
def find(w): return [((float(a[0]) + float(a[2])) / 2, float(a[1])) for a in words if a[4] == w]
bad = []
for w in ("地区", "地区生产总值", "一般公共预算收入"):
    if len(find(w)) != 1: bad.append("%s %d times" % (w, len(find(w))))
if not bad:
    for w, i in (("地区生产总值", 0), ("一般公共预算收入", 1)):
        top = find(w)[0][0]
        v = sorted(find("数值（亿元）") or find("数值"))[i][0]
        g = sorted(find("增长（%）") or find("增长"))[i][0]
        if not v + 5 < top < g - 5: bad.append("%s at %.1f, not over %.1f-%.1f" % (w, top, v, g))
    # 地区 between the two header rows
    if not find("数值（亿元）")[0][1] > find("地区")[0][1] > find("地区生产总值")[0][1]:
        bad.append("地区 not over both rows")
print("; ".join(bad))')
	[ -z "$out" ] && ok || bad head2 "$out"
fi

# ---- a pipe table --------------------------------------------------------------
# (a pipe table at the top level is a table, gfm.sh; the lines of
# one under a list item are a paragraph, with a warning)
printf -- '---\ntitle: 竖线\n---\n\n- | 地区 | 数值 |\n  |---|---:|\n  | 嵩县 | 1.5 |\n\n甲 | 乙\n丙。\n' > "$tmp/pipe.md"
if render pipe -d input/songxian-2024.yaml; then
	grep -F "pipe.md:5:3: warning: " "$tmp/pipe.err" | grep -qF '[markdown-ignored]' && ok ||
	    bad pipe "no warning at 5:3: $(head -2 "$tmp/pipe.err")"
	[ "$(wc -l < "$tmp/pipe.err")" = 1 ] && ok || bad pipe "not one message: $(cat "$tmp/pipe.err")"
fi

# ---- value labels left out ------------------------------------------------------
{
	printf 'format: reportgen/1\nmeta: {title: 标签, region: r1, period: "2024"}\nregions:\n'
	printf '  - {id: r1, name: 嵩县}\n  - {id: r2, name: 孟津区}\n  - {id: r3, name: 伊川县}\n'
	printf 'indicators:\n  - {id: g, name: 地区生产总值, unit: 亿元}\nobservations:\n'
	for r in 1 2 3; do
		for p in 2022 2023 2024; do
			printf '  - {indicator: g, region: r%d, period: "%d", value: "%d.%d"}\n' "$r" "$p" $((p * 3 - 6016)) "$r"
		done
	done
} > "$tmp/close.yaml"
for n in 3 1; do
	list=$(awk -v n="$n" 'BEGIN { for (r = 1; r <= n; r++) printf "%sr%d", (r > 1 ? ", " : ""), r }')
	printf -- '---\ntitle: 标签\n---\n\n```chart\ntype: line\ntitle: 图1 相近的线\nregions: [%s]\nperiods: ["2022", "2023", "2024"]\nindicators: g\nx: periods\nseries: regions\nlabels: yes\n```\n' \
	    "$list" > "$tmp/close$n.md"
	render "close$n" -d "$tmp/close.yaml" || continue
	if [ "$n" = 1 ]; then
		[ ! -s "$tmp/close$n.err" ] && ok || bad "close$n" "a message: $(head -2 "$tmp/close$n.err")"
		continue
	fi
	# the labels in the PDF and the count the warning gives: all nine
	shown=$(boxes "$tmp/close$n.pdf" | awk '$5 ~ /^[0-9]+\.[1-3]$/' | wc -l)
	said=$(sed -n 's/.*warning: \([0-9]*\) of the chart.s value labels left out.*\[chart-labels\]$/\1/p' "$tmp/close$n.err")
	[ -n "$said" ] && [ $((shown + said)) = 9 ] && ok ||
	    bad "close$n" "$shown labels shown, the warning says ${said:-none} left out: $(head -2 "$tmp/close$n.err")"
done

# ---- a total of rates ---------------------------------------------------------
for t in sum average; do
	printf -- '---\ntitle: 比率\n---\n\n```table\ntype: static\nheader: 地区 | 数值（万元） | 增长（%%） | 比重(‰)\nrows:\n  - 嵩县 | 12.5 | -3.25 | 1.5\n  - 孟津区 | 7.5 | 12.5 | 2.5\n  - 伊川县 | 1 | 100 | 3\ntotal: %s\n```\n' \
	    "$t" > "$tmp/rate$t.md"
	render "rate$t" -d input/songxian-2024.yaml || continue
	# the total row: its words after 合计 or 平均
	row=$(pdftotext -q -layout "$tmp/rate$t.pdf" - | sed -n 's/^ *\(合计\|平均\) *//p' | tr -s ' ')
	if [ "$t" = sum ]; then
		[ "$row" = 21.0 ] && ok || bad "rate$t" "the sum row reads '$row', not 21.0 alone"
	else
		[ "$row" = "7.00 36.417 2.33" ] && ok || bad "rate$t" "the average row reads '$row'"
	fi
done

# ---- a chart title of two lines ----------------------------------------------
long=图1$(awk 'BEGIN { for (i = 0; i < 22; i++) printf "很长" }')
sed "s/^title: 测试图表$/title: $long/" "$tmp/dec0.md" > "$tmp/title.md"
if render title -d "$tmp/dec.yaml"; then
	# the title's lines: the extents of the lines of words of 很长
	out=$(boxes "$tmp/title.pdf" | python3 -c '
import sys
lines = {}
for l in sys.stdin:
    x0, y0, x1, y1, w = l.split()[:5]
    if "很" in w or "长" in w or w == "图":
        e = lines.setdefault(round(float(y0)), [1e9, 0])
        e[0], e[1] = min(e[0], float(x0)), max(e[1], float(x1))
w = [e[1] - e[0] for y, e in sorted(lines.items())]
print("" if len(w) == 2 and abs(w[0] - w[1]) < 0.1 * max(w) else "widths %s" % [round(x) for x in w])')
	[ -z "$out" ] && ok || bad title "title lines uneven: $out"
fi

# ---- more series than looks -----------------------------------------------
awk 'BEGIN { print "format: reportgen/1"; print "meta: {title: 图表测试, region: r1, period: \"2024\"}"
	print "regions:"; for (r = 1; r <= 17; r++) printf "  - {id: r%d, name: 地区%d}\n", r, r
	print "indicators:\n  - {id: g, name: 地区生产总值, unit: 亿元}\nobservations:"
	for (r = 1; r <= 17; r++) printf "  - {indicator: g, region: r%d, value: \"%d\"}\n", r, r * 10 }' \
    > "$tmp/series.yaml"
for n in 15 17; do
	list=$(awk -v n="$n" 'BEGIN { for (r = 1; r <= n; r++) printf "%sr%d", (r > 1 ? ", " : ""), r }')
	printf -- '---\ntitle: 图表测试\n---\n\n```chart\ntype: bar\nx: indicators\nseries: regions\nregions: [%s]\nindicators: g\n```\n' \
	    "$list" > "$tmp/series$n.md"
	render "series$n" -d "$tmp/series.yaml" || continue
	if [ "$n" = 15 ]; then
		[ ! -s "$tmp/series$n.err" ] && ok || bad "series$n" "a message: $(head -2 "$tmp/series$n.err")"
		continue
	fi
	# at r16 of line 9 (column: characters before it, plus one)
	col=$(sed -n 9p "$tmp/series$n.md" | sed 's/r16.*//' | awk '{ print length($0) + 1 }')
	grep -qF "series$n.md:9:$col: warning: " "$tmp/series$n.err" &&
	    grep -F '[chart-series]' "$tmp/series$n.err" | grep -qF "'地区16'" && ok ||
	    bad "series$n" "no warning at 9:$col naming 地区16: $(head -2 "$tmp/series$n.err")"
done

echo "unseen-tables2: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
