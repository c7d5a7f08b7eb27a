#!/bin/sh
# gen.sh -- tables of any shape for the table suite (tests/e2e/table-suite.sh)
# and its goldens (tests/e2e/golden.sh): deterministic, so that a layout dump
# can be compared.
#
#   gen.sh static COLS ROWS [TEXT]   a static table: a row label, COLS - 1
#                                    number columns; TEXT > 0 adds a 内容 column
#                                    whose cells hold 1, TEXT/2 and TEXT
#                                    characters in turn
#   gen.sh groups COLS ROWS          the same in three groups, with a note
#   gen.sh total COLS ROWS           the same with a 合计 row
#   gen.sh data REGIONS INDICATORS   a data file (YAML) of REGIONS regions
#   gen.sh compare REGIONS INDICATORS  a comparison table of that data,
#                                    sorted by the first indicator, totalled
mode=$1 cols=$2 rows=$3 text=${4:-0}
heads="地区生产总值（亿元）|2015年基数（亿元）|一般公共预算收入（亿元）|规模以上工业增加值增长（%）|\
社会消费品零售总额（亿元）|城镇居民人均可支配收入（元）|固定资产投资增长（%）|常住人口城镇化率（%）|\
2025年目标（亿元）|年均增长（%）|进出口总额（万美元）|粮食产量（万吨）|农村居民人均可支配收入（元）|\
实际利用外资（万美元）|研发经费投入强度（%）|单位生产总值能耗降低（%）|新增城镇就业（万人）|\
接待游客（万人次）|旅游综合收入（亿元）|空气质量优良天数（天）"
sentence=坚持以高质量发展为引领，推动产业转型升级，做强做优文旅产业。
awk -v mode="$mode" -v cols="$cols" -v rows="$rows" -v text="$text" -v heads="$heads" \
    -v sentence="$sentence" '
function num(r, c) { return sprintf("%.1f", ((r * 7919 + c * 104729) % 99991) / 10 ^ ((r + c) % 4)) }
function label(r) { n = split("嵩县 孟津区 伊川县 宜阳县 洛宁县 栾川县 汝阳县 新安县 偃师区 瀍河回族区", L, " ")
	return L[r % n + 1] (r >= n ? int(r / n) : "") }
# n characters of the sentence (each three bytes of UTF-8: awk counts bytes)
function chars(n,   s) { s = ""; while (length(s) < 3 * n) s = s sentence; return substr(s, 1, 3 * n) }
BEGIN {
	nh = split(heads, H, "|")
	split("经济发展 科技创新 民生保障", G, " ")
	if (mode == "data") {
		print "format: reportgen/1"
		print "meta: {title: 表格测试, region: r0, period: \"2024\"}"
		print "regions:"
		for (r = 0; r < cols; r++) printf "  - {id: r%d, name: %s}\n", r, label(r)
		print "indicators:"
		for (i = 0; i < rows; i++) { h = H[i % nh + 1]; p = index(h, "（")
			u = substr(h, p + length("（")); u = substr(u, 1, length(u) - length("）"))
			h = substr(h, 1, p - 1)
			printf "  - {id: k%d, name: %s%s, unit: \"%s\"}\n", i, h, (i >= nh ? i : ""), u }
		print "observations:"
		for (r = 0; r < cols; r++) for (i = 0; i < rows; i++)
			printf "  - {indicator: k%d, region: r%d, value: %s, growth: %s}\n", i, r, num(r, i),
			    num(i, r) % 20 - 5
		exit
	}
	printf "---\ntitle: 表格测试\n---\n\n"
	if (mode == "compare") {
		printf "```table\ncaption: 表1 %d个地区%d项指标\nregions: [r0", cols, rows
		for (r = 1; r < cols; r++) printf ", r%d", r
		printf "]\nindicators: [k0"
		for (i = 1; i < rows; i++) printf ", k%d", i
		printf "]\nsort: k0\norder: desc\ntotal: sum\nnote: 注：按第一项指标由高到低排列。\n```\n"
		exit
	}
	printf "```table\ntype: static\ncaption: 表2 %d列%d行\nheader: 地区", cols, rows
	for (c = 1; c < cols; c++) printf " | %s", H[(c - 1) % nh + 1]
	if (text > 0) printf " | 内容"
	printf "\nrows:\n"
	g = 0
	for (r = 0; r < rows; r++) {
		if (mode == "groups" && r % int((rows + 2) / 3) == 0)
			printf "  - %s\n", G[g++ % 3 + 1]
		printf "  - %s", label(r)
		for (c = 1; c < cols; c++) printf " | %s", num(r, c)
		if (text > 0) printf " | %s", chars(r % 3 == 0 ? 1 : r % 3 == 1 ? int(text / 2) : text)
		printf "\n"
	}
	if (mode == "total") printf "total: sum\n"
	if (mode == "groups") printf "note: 注：本表为测试数据，分组排列。\n"
	printf "```\n\n后文。\n"
}'
