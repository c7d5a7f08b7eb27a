#!/bin/sh
# tables.sh -- tables in the PDF:
#   - every body row of every table of the samples comparison and plan
#     (samples.mk) appears, in order, in the text pdftotext extracts;
#   - a generated 300-row table runs over several pages, with its header
#     on every page and 续表 on every page after the first;
#   - a 12-column table too wide for A4 portrait goes on a landscape page
#     and stays inside its text block: the words pdftotext
#     finds between its top and bottom rules lie within the rules' extent,
#     and the rules span the text block exactly.
. "$(dirname "$0")/../lib.sh"

# The body rows of every table in a document tree dump: one line per row,
# its cells' text joined, white space removed.
table_rows() {
	awk '
	function flush() { if (inrow && row >= nheader && buf != "") print buf; buf = ""; inrow = 0 }
	/^ *table cols=/ { flush(); row = -1; split($3, h, "="); nheader = h[2]; intable = 1; next }
	intable && /^ *row( |$)/ { flush(); row++; inrow = 1; next }
	intable && /^ *(cell|caption) / { next }
	intable && inrow && /^ *text / {
		s = $0; sub(/^[^"]*"/, "", s); sub(/"$/, "", s)
		gsub(/\\"/, "\"", s); gsub(/\\\\/, "\\", s); buf = buf s; next
	}
	intable && /^ *note / { flush(); next }
	{ flush(); intable = 0 }
	END { flush() }' "$1" | sed 's/[[:space:]]//g'
}

# Lines of file $1 that are not found, in order, in the flattened text $2.
missing_in_order() {
	tr -d ' \t\n\r\f' < "$2" > "$2.flat"
	awk -v flatfile="$2.flat" '
	BEGIN { getline flat < flatfile; pos = 1 }
	{
		i = index(substr(flat, pos), $0)
		if (i == 0) { print NR ": " $0; exit }
		pos += i - 1 + length($0)
	}' "$1"
}

# render NAME TEMPLATE DATA...: the PDF, the doc dump and the box dump in $tmp
render() {
	rname=$1
	rtpl=$2
	shift 2
	dargs=""
	for f in "$@"; do dargs="$dargs -d $f"; done
	# shellcheck disable=SC2086
	$bin render -t "$rtpl" $dargs -o "$tmp/$rname.pdf" --dump=doc > "$tmp/$rname.doc" \
	    2> "$tmp/$rname.err" || return 1
	# shellcheck disable=SC2086
	$bin render -t "$rtpl" $dargs -o "$tmp/$rname.pdf" --dump=boxes > "$tmp/$rname.boxes" \
	    2>> "$tmp/$rname.err"
}

# ---- the samples ---------------------------------------------------------
make -s list-samples > "$tmp/list" || exit 1
for sample in comparison plan; do
	line=$(grep "^$sample|" "$tmp/list")
	if [ -z "$line" ]; then bad "$sample" "not in samples.mk"; continue; fi
	tpl=$(echo "$line" | cut -d'|' -f2)
	data=$(echo "$line" | cut -d'|' -f3)
	# shellcheck disable=SC2086
	if ! render "$sample" "$tpl" $data; then bad "$sample" "render failed: $(cat "$tmp/$sample.err")"; continue; fi
	table_rows "$tmp/$sample.doc" > "$tmp/$sample.rows"
	n=$(wc -l < "$tmp/$sample.rows")
	[ "$n" -ge 10 ] && ok || bad "$sample" "only $n table rows in the document tree"
	pdftotext -q -layout "$tmp/$sample.pdf" "$tmp/$sample.txt"
	m=$(missing_in_order "$tmp/$sample.rows" "$tmp/$sample.txt")
	if [ -z "$m" ]; then ok; else bad "$sample" "table row missing from the PDF text (or out of order): $m"; fi
	grep -q '^ *chart ' "$tmp/$sample.doc" && ok || bad "$sample" "no chart in the document tree"
done

# ---- a long generated table ----------------------------------------------
{
	echo 'format: reportgen/1'
	echo 'meta: {region: r001, period: "2024"}'
	echo 'regions:'
	i=1
	while [ $i -le 300 ]; do printf '  - {id: r%03d, name: 测试地区%03d}\n' $i $i; i=$((i + 1)); done
	echo 'indicators:'
	echo '  - {id: ia, name: 指标甲, unit: 亿元}'
	echo '  - {id: ib, name: 指标乙, unit: 人}'
	echo 'observations:'
	i=1
	while [ $i -le 300 ]; do
		printf '  - {indicator: ia, region: r%03d, value: %d.%d}\n' $i $((i * 7)) $((i % 10))
		printf '  - {indicator: ib, region: r%03d, value: %d}\n' $i $((i * 13))
		i=$((i + 1))
	done
} > "$tmp/long.yaml"
{
	printf -- '---\ntitle: 长表测试\n---\n\n```table\ncaption: 表1 三百行\nregions: ['
	i=1
	while [ $i -le 300 ]; do printf 'r%03d%s' $i "$([ $i -lt 300 ] && echo ', ')"; i=$((i + 1)); done
	printf ']\nindicators: [ia, ib]\nnote: 资料来源：生成的数据。\n```\n'
} > "$tmp/long.md"
if render long "$tmp/long.md" "$tmp/long.yaml"; then
	ok
	pages=$(pdfinfo "$tmp/long.pdf" | awk '/^Pages:/ { print $2 }')
	[ "$pages" -ge 3 ] && ok || bad long "300 rows on only $pages pages"
	table_rows "$tmp/long.doc" > "$tmp/long.rows"
	pdftotext -q -layout "$tmp/long.pdf" "$tmp/long.txt"
	m=$(missing_in_order "$tmp/long.rows" "$tmp/long.txt")
	if [ -z "$m" ]; then ok; else bad long "row missing or out of order: $m"; fi
	p=1
	while [ "$p" -le "$pages" ]; do
		pdftotext -q -layout -f "$p" -l "$p" "$tmp/long.pdf" "$tmp/page.txt"
		tr -d ' \t' < "$tmp/page.txt" > "$tmp/page.flat"
		if grep -q '指标甲（亿元）' "$tmp/page.flat" && grep -q '指标乙（人）' "$tmp/page.flat"; then
			ok
		else
			bad long "page $p lacks the table header"
		fi
		if [ "$p" -gt 1 ]; then
			grep -q '续表' "$tmp/page.flat" && ok || bad long "page $p lacks 续表"
		fi
		p=$((p + 1))
	done
else
	bad long "render failed: $(cat "$tmp/long.err")"
fi

# ---- a wide table --------------------------------------------------------
{
	echo 'format: reportgen/1'
	echo 'meta: {region: wa, period: "2024"}'
	echo 'regions:'
	for r in wa wb wc wd; do echo "  - {id: $r, name: 宽表地区$r}"; done
	echo 'indicators:'
	for k in 1 2 3 4 5 6 7 8 9 10 11; do
		echo "  - {id: k$k, name: 规模以上工业增加值第${k}项, unit: 万元}"
	done
	echo 'observations:'
	for r in wa wb wc wd; do
		for k in 1 2 3 4 5 6 7 8 9 10 11; do
			echo "  - {indicator: k$k, region: $r, value: 12345$k.67, growth: -1$k.5}"
		done
	done
} > "$tmp/wide.yaml"
printf -- '```table\ncaption: 表1 十二列\nregions: [wa, wb, wc, wd]\nindicators: [k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11]\n```\n' > "$tmp/wide.md"
if render wide "$tmp/wide.md" "$tmp/wide.yaml"; then
	ok
	# the table's rules on page 1: their extent and vertical range
	awk '/^page 2/ { exit } /^  rule / && /lw=(1.20|0.60)/ {
		for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		if (n == 0 || v["x"] < l) l = v["x"]
		if (n == 0 || v["x"] + v["w"] > r) r = v["x"] + v["w"]
		if (n == 0 || v["y"] < t) t = v["y"]
		if (n == 0 || v["y"] > b) b = v["y"]
		n++
	} END { printf "%d %.2f %.2f %.2f %.2f\n", n, l, r, t, b }' "$tmp/wide.boxes" > "$tmp/wide.rules"
	read -r nrules left right rtop rbottom < "$tmp/wide.rules"
	[ "$nrules" -ge 3 ] && ok || bad wide "found $nrules table rules"
	# its header words (规模以上 / 工业 / 增加值第1项) do not fit the portrait
	# text block even at 7 pt: the table is on a landscape page, alone
	grep -q '^page 1 landscape$' "$tmp/wide.boxes" && ok || bad wide "page 1 is not landscape"
	size=$(pdfinfo -f 1 -l 1 "$tmp/wide.pdf" | awk '/^Page +1 size:/ { print $4 "x" $6 }')
	[ "$size" = "841.89x595.276" ] && ok || bad wide "page 1 is $size pt, not A4 landscape"
	# the text block of the briefing theme, turned: 702.65 pt centred
	inside=$(awk -v l="$left" -v r="$right" 'BEGIN {
		m = (595.28 - 456) / 2
		d1 = l - m; d2 = r - (841.89 - m)
		print (d1 < 0.05 && d1 > -0.05 && d2 < 0.05 && d2 > -0.05) ? "yes" : "no" }')
	[ "$inside" = yes ] && ok || bad wide "rules from $left to $right, not the text block"
	pdftotext -q -bbox -f 1 -l 1 "$tmp/wide.pdf" "$tmp/wide.html"
	out=$(awk -v l="$left" -v r="$right" -v t="$rtop" -v b="$rbottom" '
	BEGIN { l += 0; r += 0; t += 0; b += 0; words = 0 }
	/<word / {
		match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		if (y0 < t || y0 > b) next
		words++
		if (x0 < l - 0.5 || x1 > r + 0.5) print "word outside " l "-" r ": " $0
	}
	END { if (words < 40) print "only " words " words inside the table" }' "$tmp/wide.html")
	if [ -z "$out" ]; then ok; else bad wide "$out"; fi
else
	bad wide "render failed: $(cat "$tmp/wide.err")"
fi

# ---- a row taller than a page --------------------------------------------
# A cell of 400 sentences: the row is split across pages (续表 and the
# header on each new page), nothing is drawn below the text block (A4,
# bottom margin 25 mm: baselines at most 771.02 pt, but the page number),
# and every sentence is there once.
sentence=这是一段很长的说明文字，用来检验表格中过高的行能否跨页拆分。
{
	printf -- '---\ntitle: 高行测试\n---\n\n正文。\n\n```table\ntype: static\n'
	printf 'header: 项目 | 说明 | 数值\nrows:\n  - 甲 | '
	i=0
	while [ $i -lt 400 ]; do printf '%s' "$sentence"; i=$((i + 1)); done
	printf ' | 1\n  - 乙 | 短 | 2\n```\n\n后文。\n'
} > "$tmp/tall.md"
if render tall "$tmp/tall.md" input/songxian-2024.yaml; then
	ok
	pages=$(pdfinfo "$tmp/tall.pdf" | awk '/^Pages:/ { print $2 }')
	[ "$pages" -ge 3 ] && ok || bad tall "one row of 400 sentences on only $pages pages"
	below=$(awk '/^page / { p = $2 } /^  text / {
		split($3, kv, "="); y = kv[2] + 0
		t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t)
		if (y > 771.1 && t !~ /^(—|[0-9]+)$/) { print "page " p ": " t " at y=" y; exit }
	}' "$tmp/tall.boxes")
	if [ -z "$below" ]; then ok; else bad tall "text below the text block: $below"; fi
	# the short headers beside the wide column stay whole (not 项 / 目)
	for h in 项目 数值; do
		grep -q "\"$h\"\$" "$tmp/tall.boxes" && ok || bad tall "header $h broken in its narrow column"
	done
	# (a sentence may be cut by the page furniture: count two of its characters)
	for ch in 这 拆; do
		n=$(pdftotext -q "$tmp/tall.pdf" - | grep -o "$ch" | wc -l)
		[ "$n" -eq 400 ] && ok || bad tall "$n of 400 '$ch' in the text"
	done
	p=2
	while [ "$p" -le "$pages" ]; do
		pdftotext -q -f "$p" -l "$p" "$tmp/tall.pdf" - | tr -d ' \n' > "$tmp/page.flat"
		if grep -q '续表' "$tmp/page.flat" && grep -q '说明' "$tmp/page.flat"; then
			ok
		else
			bad tall "page $p lacks 续表 or the header"
		fi
		p=$((p + 1))
	done
else
	bad tall "render failed: $(cat "$tmp/tall.err")"
fi
# on the 公文 grid, where every flow item is whole grid lines high, the
# split row stays dense: its lines keep the table's pitch (12 pt type, 18
# pt: about 35 lines, one sentence each, to a page), where one grid line
# (28.95 pt) per table line gave 22
if $bin render -t "$tmp/tall.md" -d input/songxian-2024.yaml --theme gongwen --check-typesetting \
    -o "$tmp/tallg.pdf" 2> "$tmp/tallg.err"; then
	n=$(pdftotext -q -f 2 -l 2 "$tmp/tallg.pdf" - | grep -o 拆 | wc -l)
	[ "$n" -ge 30 ] && ok || bad tallg "the split row sets $n table lines on page 2 of the 公文 grid"
	n=$(pdftotext -q "$tmp/tallg.pdf" - | grep -o 拆 | wc -l)
	[ "$n" -eq 400 ] && ok || bad tallg "$n of 400 '拆' in the text"
else
	bad tallg "render failed: $(cat "$tmp/tallg.err")"
fi
# on the 公文 grid, table rows keep their own pitch (12 pt text, not a
# 28.95 pt grid line each): the 7 rows of the comparison's table 2 span 6
# row pitches, well under 6 grid lines (173.7 pt); and the document still
# passes the typesetting check (text after a table is back on the grid)
if $bin render -t templates/comparison.md -d input/luoyang-five-2024.yaml \
    -d input/songxian-mengjin-2024.xml -d input/yichuan-2024.xml --theme gongwen \
    --check-typesetting --dump=boxes -o "$tmp/cmpg.pdf" > "$tmp/cmpg.boxes" 2> "$tmp/cmpg.err"; then
	span=$(awk '/"新增高新技术企业"$/ && !y0 { split($3, a, "="); y0 = a[2] }
	    /"集镇建设项目"$/ && !y1 { split($3, a, "="); y1 = a[2] }
	    END { printf "%.2f", y1 - y0 }' "$tmp/cmpg.boxes")
	awk -v s="$span" 'BEGIN { exit !(s > 100 && s < 165) }' && ok ||
	    bad cmpg "table 2's rows span $span pt on the 公文 grid (6 grid lines: 173.7)"
else
	bad cmpg "render or typesetting check failed: $(head -3 "$tmp/cmpg.err")"
fi

# a row of 30 sentences (30 lines at 18 pt) fits on a page, but not under
# the half page of text before it: it moves to the next page whole
filler=$(i=0; while [ $i -lt 40 ]; do printf '正文段落，用来占去第一页的一半。'; i=$((i + 1)); done)
sed -e 's/\(这是一段很长的说明文字，用来检验表格中过高的行能否跨页拆分。\)\{400\}/'"$(i=0; while [ $i -lt 30 ]; do printf '%s' "$sentence"; i=$((i + 1)); done)"'/' \
    -e "s/^正文。\$/$filler/" "$tmp/tall.md" > "$tmp/tallish.md"
if render tallish "$tmp/tallish.md" input/songxian-2024.yaml; then
	most=0
	p=1
	while [ "$p" -le "$(pdfinfo "$tmp/tallish.pdf" | awk '/^Pages:/ { print $2 }')" ]; do
		# (the stub and the value share the row's middle line: count a character)
		n=$(pdftotext -q -f "$p" -l "$p" "$tmp/tallish.pdf" - | grep -o 拆 | wc -l)
		[ "$n" -gt "$most" ] && most=$n
		p=$((p + 1))
	done
	[ "$most" -eq 30 ] && ok || bad tallish "a row that fits on a page was split ($most of 30 sentences on one page)"
	[ "$(pdftotext -q -f 1 -l 1 "$tmp/tallish.pdf" - | grep -c 正文段落)" -gt 0 ] && ok ||
	    bad tallish "the text before the table is not on page 1"
else
	bad tallish "render failed: $(cat "$tmp/tallish.err")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
