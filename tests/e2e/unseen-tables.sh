#!/bin/sh
# unseen-tables.sh -- tables and charts of shapes the samples never have,
# measured in the PDF (pdftotext -bbox, and the filled rectangles of the
# page content streams: tests/tools/bbox.py fills):
#   - a bar chart with value labels shows the label of every bar, the most
#     negative one too (its label goes under the bar: the axis leaves room
#     below the lowest bar as it does above the highest);
#   - category labels too wide for their slot are set smaller, then broken
#     into even lines: no line of a label is one character (孟津 / 区);
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
for c in neg mixed; do
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

echo "unseen-tables: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
