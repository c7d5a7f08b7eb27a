#!/bin/sh
# template.sh -- the template language of docs/templates.md, on small
# templates and data written here (of other shapes than the samples):
# each feature renders, and the text pdftotext extracts holds what it must
# (and no '{{' or '}}'); each error names the template's file:line:col.
. "$(dirname "$0")/../lib.sh"
case $bin in /*) ;; *) bin=$top/$bin ;; esac
cd "$tmp" || exit 1

cat > d.yaml <<'EOF'
format: reportgen/1
meta: {title: 示例县经济运行, region: shili, period: "2024", date: 2025-01-20}
regions:
  - {id: shili, name: 示例县}
  - {id: dongpo, name: 东坡区}
  - {id: xishan, name: 西山县}
indicators:
  - {id: gdp, name: 地区生产总值, unit: 亿元}
  - {id: urban_rate, name: 城镇化率, unit: "%"}
  - {id: revenue, name: 一般公共预算收入, unit: 亿元}
observations:
  - {indicator: gdp, region: shili, period: "2023", value: 300.5, growth: 5.1}
  - {indicator: gdp, region: shili, period: "2024", value: 318.25, growth: 6.2}
  - {indicator: gdp, region: shili, period: "2025", kind: target, value: 335}
  - {indicator: gdp, region: shili, period: "2025", value: 340.1, growth: 6.9}
  - {indicator: gdp, region: shili, period: "2026", kind: target, value: 351}
  - {indicator: gdp, region: dongpo, period: "2024", value: 402.7, growth: 4.8}
  - {indicator: gdp, region: xishan, period: "2024", value: 150, growth: 7.9}
  - {indicator: urban_rate, region: shili, period: "2023", value: 51.2}
  - {indicator: urban_rate, region: shili, period: "2024", value: 52.8}
  - {indicator: urban_rate, region: shili, period: "2025", value: 54.0}
  - {indicator: revenue, region: shili, period: "2024", value: 20.1, growth: -2.5}
  - {indicator: revenue, region: shili, period: "2025", value: 21.3, growth: 6.0}
  - {indicator: revenue, region: shili, period: "2030", kind: plan, growth: 7.8}
  - {indicator: gdp, region: shili, period: "2030", kind: plan, value: 450, growth: -1.5}
  - {indicator: gdp, region: shili, period: "2025", kind: estimate, value: 340.1}
  - {indicator: gdp, region: shili, period: "2026", kind: estimate, value: 349}
EOF

# render NAME ARGS...: NAME.md with d.yaml into NAME.pdf, its text (white
# space removed) into NAME.txt; a failed render is reported
render() {
	name=$1
	shift
	if ! "$bin" render -t "$name.md" -d d.yaml "$@" -o "$name.pdf" 2> "$name.err"; then
		bad "$name" "render failed: $(head -3 "$name.err")"
		: > "$name.txt"
		return 1
	fi
	pdftotext -q "$name.pdf" - | tr -d ' \t\n\r\f' > "$name.txt"
	ok
}

# has NAME TEXT...: every TEXT is in NAME.txt
has() {
	name=$1
	shift
	for s in "$@"; do
		if grep -qF -- "$s" "$name.txt"; then ok; else bad "$name" "no '$s' in the PDF's text"; fi
	done
}

# hasnt NAME TEXT...: no TEXT is in NAME.txt
hasnt() {
	name=$1
	shift
	for s in "$@"; do
		if grep -qF -- "$s" "$name.txt"; then bad "$name" "'$s' in the PDF's text"; else ok; fi
	done
}

# fails NAME MESSAGE...: rendering NAME.md exits 2, writes no PDF, and
# standard error has every MESSAGE (fixed strings, file:line:col first)
fails() {
	name=$1
	shift
	"$bin" render -t "$name.md" -d d.yaml -o "$name.pdf" 2> "$name.err"
	rc=$?
	if [ "$rc" -eq 2 ]; then ok; else bad "$name" "exit $rc, expected 2"; fi
	if [ -e "$name.pdf" ]; then bad "$name" "a PDF was written"; else ok; fi
	for m in "$@"; do
		if grep -qF -- "$m" "$name.err"; then ok; else
			bad "$name" "no '$m' in: $(head -5 "$name.err")"
		fi
	done
}

## 1. placeholders in every text of front matter and directives

cat > texts.md <<'EOF'
---
title: "{{ meta.region }}{{ period }}年经济运行简报"
subtitle: 第{{ gdp.value | decimals=0 }}号
keywords: ["{{ period }}年", 简报]
---
# 概况

```table
caption: "表1 {{ meta.region }}{{ meta.period }}年主要指标"
rows: periods
columns: indicators
periods: ["{{ period }}"]
indicators: [gdp, urban_rate]
stub: "{{ meta.region }}年份"
note: 资料来源：{{ meta.title }}（{{ gdp.trend }}）。
```

```table
type: static
caption: 表2 {{ meta.region }}分项
header: 项目 | {{ period }}年
rows:
  - 收入 | {{ revenue.value }}
  - "生产总值 | {{ gdp.value }}"
```

```chart
title: "图1 {{ period }}年{{ gdp.name }}"
regions: [shili, dongpo, xishan]
indicators: gdp
```

```figures
period: "{{ period }}"
indicators: [gdp]
```

```dateline
signature: ["{{ meta.region }}统计局", "{{ meta.region }}人民政府"]
date: "{{ meta.date }}"
```
EOF
if render texts; then
	has texts 示例县2024年经济运行简报 第318号 表1示例县2024年主要指标 示例县年份 \
	    资料来源：示例县经济运行（增长6.2%）。 表2示例县分项 2024年 收入20.1 生产总值318.25 \
	    图12024年地区生产总值 示例县统计局 示例县人民政府 2025年1月20日
	hasnt texts '{{' '}}'
	pdfinfo texts.pdf > texts.info
	if grep -q "^Keywords: *2024年, 简报" texts.info; then ok; else bad texts "keywords: $(grep Keywords texts.info)"; fi
fi

# a value with '|' stays in its static table cell
cat > bars.yaml <<'EOF'
format: reportgen/1
meta: {title: "甲|乙", region: r, period: "2024"}
regions: [{id: r, name: 某县}]
indicators: [{id: x, name: 某项, unit: 个}]
observations: [{indicator: x, value: 1}]
EOF
cat > bars.md <<'EOF'
```table
type: static
header: 项目 | 说明
rows:
  - 标题 | {{ meta.title }}
```
EOF
if "$bin" render -t bars.md -d bars.yaml --dump=doc > bars.doc 2> bars.err; then
	if grep -q 'text "甲|乙"' bars.doc; then ok; else bad bars "the cell is not 甲|乙: $(grep text bars.doc)"; fi
else
	bad bars "render failed: $(head -3 bars.err)"
fi

# errors at the placeholder's line and column, all of them reported
cat > texterr.md <<'EOF'
---
title: "{{ meta.regoin }}简报"
---
正文

```table
caption: "表1 {{ gpd.value }}"
periods: ["{{ peroid }}"]
indicators: gdp
```

```dateline
signature: 统计局{{ meta.title
```
EOF
fails texterr "texterr.md:2:9: error: unknown placeholder 'meta.regoin'" \
    "texterr.md:7:14: error: unknown placeholder 'gpd'" \
    "texterr.md:8:12: error: unknown placeholder 'peroid'" "did you mean 'period'" \
    "texterr.md:13:15: error: placeholder is not closed by '}}'"

## 2. relative periods

cat > rel.md <<'EOF'
{{ period }}年生产总值{{ gdp.value }}亿元，上年{{ gdp[period=period-1].value }}亿元，{{ period+1 }}年目标{{ gdp[period = period + 1, kind=target].value }}亿元。

```table
caption: 表1 {{ period-1 }}—{{ period }}年
rows: periods
columns: indicators
periods: [period-1, period]
indicators: [gdp, urban_rate]
```

```figures
period: period
indicators: [revenue]
```
EOF
if render rel; then
	has rel 2024年生产总值318.25亿元，上年300.5亿元，2025年目标335亿元。 表12023—2024年 \
	    2023年300.551.2 2024年318.2552.8 一般公共预算收入：20.1亿元，下降2.5%
fi
# the same template a year on
if render rel -V period=2025; then
	has rel 2025年生产总值 上年318.25亿元，2026年目标351亿元。 表12024—2025年 \
	    2024年318.2552.8 一般公共预算收入：21.3亿元，增长6.0%
	hasnt rel 2023
fi

printf '%s\n' '今年{{ gdp[period=period-1].value }}' > relerr.md
"$bin" render -t relerr.md -d d.yaml -V period=十四五 -o relerr.pdf 2> relerr.err
if [ $? -eq 2 ] && grep -qF "relerr.md:1:3: error: 'period-1' counts years from the current period, but the period is '十四五', not a year" relerr.err; then
	ok
else
	bad relerr "$(head -3 relerr.err)"
fi
printf '%s\n' '```table' 'periods: [period-3]' 'indicators: gdp' '```' > relerr2.md
fails relerr2 "relerr2.md:2:11: error: unknown period '2021' in table directive"

## 3. emphasis next to CJK punctuation

# the characters of PDF $1 drawn in a bold face, as hex code points, one a line
bold_chars() {
	mutool draw -q -F stext -o - "$1" 2>/dev/null | awk '
	/<font name=/ { bold = $0 ~ /Bold/ }
	/<char / && bold { if (match($0, /c="&#x[0-9a-f]+;"/)) print substr($0, RSTART + 6, RLENGTH - 8) }'
}
# the code points of UTF-8 text $1, the same way
code_points() {
	printf '%s' "$1" | iconv -f UTF-8 -t UTF-32LE | od -An -v -tx4 | tr -s ' ' '\n' |
	    sed -e '/^$/d' -e 's/^0*//'
}

cat > cjk.md <<'EOF'
**一是稳增长。**全年增长，**二是“促改革”。**改革见效，**（三）**推进。\*不是强调\*。
EOF
if render cjk; then
	hasnt cjk '**'
	has cjk '*不是强调*'
	has cjk 一是稳增长。全年增长，二是“促改革”。改革见效，（三）推进。*不是强调*。
	bold_chars cjk.pdf > cjk.bold
	code_points '一是稳增长。二是“促改革”。（三）' > cjk.want
	if cmp -s cjk.bold cjk.want; then ok; else
		bad cjk "bold characters differ: $(tr '\n' ' ' < cjk.bold)"
	fi
fi

## 4. a plan's growth is average annual growth

cat > plan.md <<'PEOF'
到2030年，一般公共预算收入{{ revenue[period=2030, kind=plan].trend }}，地区生产总值{{ gdp[period=2030, kind=plan] }}（{{ gdp[period=2030, kind=plan].trend }}）；2024年收入{{ revenue.trend }}。

```figures
kind: plan
period: "2030"
```

```table
caption: 表9 规划目标
periods: "2030"
kind: plan
indicators: [revenue, gdp]
show: [value, growth]
```
PEOF
if render plan; then
	has plan 一般公共预算收入年均增长7.8%，地区生产总值450亿元（年均下降1.5%）；2024年收入下降2.5%。 \
	    一般公共预算收入：年均增长7.8% 地区生产总值：450亿元，年均下降1.5% 年均增长7.8% 年均下降1.5%
	hasnt plan 收入增长7.8%
fi

## 5. reportgen's words in the document's script

cat > hant.yaml <<'HEOF'
format: reportgen/1
meta: {title: 示例縣經濟運行報告, region: shili, period: "2024", date: 2025-01-20}
regions: [{id: shili, name: 示例縣}, {id: dongpo, name: 東坡區}]
indicators:
  - {id: gdp, name: 地區生產總值, unit: 億元}
  - {id: urban_rate, name: 城鎮化率, unit: "%"}
observations:
  - {indicator: gdp, region: shili, value: 318.25, growth: 6.2}
  - {indicator: gdp, region: dongpo, value: 402.7, growth: -0.5}
  - {indicator: urban_rate, region: shili, value: 52.8, change: 1.6}
  - {indicator: urban_rate, region: dongpo, value: 60.1, change: 0}
narratives:
  - {id: review, text: "全縣經濟發展穩中向好，為實現目標打下堅實基礎。"}
HEOF
{
	printf '%s\n' '{{ text.review }}' '' '地區生產總值{{ gdp.trend }}，城鎮化率{{ urban_rate.trend }}。' ''
	printf '%s\n' '```table' 'regions: [shili, dongpo]' 'indicators: [gdp, urban_rate]' \
	    'show: [value, growth, change]' 'total: sum' 'scale: 万' '```' ''
	printf '%s\n' '```table' 'rows: indicators' 'columns: regions' 'indicators: [gdp]' \
	    'regions: [shili, dongpo]' '```' ''
	printf '%s\n' '```table' 'type: static' 'header: 項目 | 數' 'rows:'
	i=1
	while [ $i -le 70 ]; do printf '  - 第%s項 | %s\n' $i $i; i=$((i + 1)); done
	printf '%s\n' '```'
} > hant.md
"$bin" render -t hant.md -d hant.yaml -o hant.pdf 2> hant.err || bad hant "render failed: $(head -3 hant.err)"
pdftotext -q hant.pdf - | tr -d ' \t\n\r\f' > hant.txt
has hant 增長6.2% 地區 數值（萬億元） 增減 提高1.6個百分點 合計 單位 續表 下降0.5%
hasnt hant 增长 地区 数值 增减 个百分点 合计 单位 续表 万亿元

# lang picks the words whatever the data's script; words replaces single ones
{ printf '%s\n' '---' 'lang: zh-Hans' 'words: ["續表=接上表", "total = 总计", "地区=县区"]' '---'; cat hant.md; } > hans.md
"$bin" render -t hans.md -d hant.yaml -o hans.pdf 2> hans.err || bad hans "render failed: $(head -3 hans.err)"
pdftotext -q hans.pdf - | tr -d ' \t\n\r\f' > hans.txt
has hans 增长6.2% 县区 数值（万亿元） 增减 提高1.6个百分点 总计 单位 接上表
hasnt hans 增長 數值 增減 個百分點 合計 單位 續表 续表 合计

printf '%s\n' '---' 'lang: en' 'words: ["合计=总计", "cotninued=接上表", "bad"]' '---' '正文' > langerr.md
fails langerr "langerr.md:2:7: error: lang 'en' is not a Chinese locale" \
    "langerr.md:3:19: error: words: reportgen writes no word 'cotninued' (did you mean 'continued'?)" \
    "langerr.md:3:36: error: words: 'bad' is not WORD=REPLACEMENT"

# convert: data text in the other script through OpenCC; code stays as written
printf -- '---\ntitle: "{{ meta.title }}"\nconvert: t2s\n---\n{{ text.review }}\n\n地區生產總值{{ gdp.trend }}。代码`縣`不变。\n\n```table\ncaption: 表1 {{ meta.region }}主要指標\nregions: [shili, dongpo]\nindicators: [gdp]\nshow: [value, growth]\ntotal: sum\n```\n' > t2s.md
"$bin" render -t t2s.md -d hant.yaml -o t2s.pdf 2> t2s.err || bad t2s "render failed: $(head -3 t2s.err)"
pdftotext -q t2s.pdf - | tr -d ' \t\n\r\f' > t2s.txt
has t2s 示例县经济运行报告 全县经济发展稳中向好，为实现目标打下坚实基础。 地区生产总值增长6.2%。代码縣不变。 \
    表1示例县主要指标 地区 数值（亿元） 合计720.95
hasnt t2s 經濟 報告 地區 億元 為
if pdfinfo t2s.pdf | grep -q "^Title: *示例县经济运行报告"; then ok; else bad t2s "PDF title: $(pdfinfo t2s.pdf | grep Title)"; fi
# 伊川縣's report (Traditional narratives, Simplified shared names) in one script either way
simp="县 区 经 济 发 这 为 与 们 国 会 业 产 实 现 长 开 关 说 项 进 过 时 间 总 设 农 动 员 务 门 应 点 类 对 书 乐 统 计 资 财 万 亿 亩 个 镇 乡 报 积 级 权 条 华"
trad="縣 區 經 濟 發 這 為 與 們 國 會 業 產 實 現 長 開 關 說 項 進 過 時 間 總 設 農 動 員 務 門 應 點 類 對 書 樂 統 計 資 財 萬 億 畝 個 鎮 鄉 報 積 級 權 條 華"
for cv in t2s s2t; do
	if "$bin" render -t "$top/templates/briefing.md" -d "$top/input/yichuan-2024.xml" -V convert=$cv \
	    -o yc-$cv.pdf 2> yc-$cv.err; then
		pdftotext -q yc-$cv.pdf yc-$cv.txt
		[ $cv = t2s ] && other=$trad || other=$simp
		found=""
		for ch in $other; do grep -qF "$ch" yc-$cv.txt && found="$found$ch"; done
		if [ -z "$found" ] && [ "$(wc -c < yc-$cv.txt)" -gt 2000 ]; then ok; else bad yc-$cv "characters of the other script: $found"; fi
	else
		bad yc-$cv "render failed: $(head -3 yc-$cv.err)"
	fi
done
printf '%s\n' '---' 'convert: t2t' '---' 'x' > converr.md
fails converr "converr.md:2:10: error: 't2t' is not a valid value of convert (expected t2s, s2t, s2tw, s2hk or none"

## 6. computed figures

cat > calc.md <<'CEOF'
比上年增加{{ gdp.diff }}，城镇化率提高{{ urban_rate.diff }}，比2023年{{ urban_rate[from=2023].trend }}；东坡区第{{ gdp[region=dongpo].rank }}，本县第{{ gdp.rank }}，从小排第{{ gdp[order=asc].rank }}，两县中第{{ gdp[among=shili/西山县].rank }}；完成率{{ gdp[period=period+1].completion }}%，占东坡区的{{ gdp[of=dongpo].share | decimals=3 }}%，收入{{ revenue[period=2025].diff }}。

```table
caption: 表5 排名
regions: [shili, dongpo, xishan]
indicators: gdp
show: [value, rank, share]
share_of: 东坡区
sort: gdp
```

```table
caption: 表6 差值
rows: periods
columns: indicators
periods: [period+1]
indicators: [gdp, urban_rate]
show: [diff, completion]
```
CEOF
if render calc; then
	has calc 比上年增加17.75亿元，城镇化率提高1.6个百分点，比2023年提高1.6个百分点；东坡区第1，本县第2，从小排第2，两县中第1；完成率101.5%，占东坡区的79.029%，收入1.2亿元。 \
	    '排名占比（%）' 东坡区402.71100.0示例县318.25279.0西山县150337.2 \
	    表6差值年份2025年地区生产总值差值（亿元）21.85城镇化率完成率（%）101.5 差值（个百分点）1.2完成率（%）
	# the stated growth of 2024 (6.2) disagrees with 300.5 -> 318.25 (5.9): a warning, both places
	if grep -q "d.yaml:13:5: warning: growth of 'gdp' stated as 6.2%, but 300.5 to 318.25 (d.yaml:12) is 5.9%" calc.err; then
		bad calc "warned without a stated growth being used: $(cat calc.err)"
	else
		ok
	fi
fi
printf '%s\n' '合计{{ gdp.sum }}，平均{{ gdp.average }}，两地{{ gdp[among=shili/东坡区].sum }}，{{ urban_rate.average | decimals=2 }}。' > calcsum.md
render calcsum && has calcsum 合计870.95亿元，平均290.317亿元，两地720.95亿元，52.80%。
# a region that two joined files both list counts once
printf '%s\n' 'format: reportgen/1' 'meta: {title: 补充, region: shili, period: "2024"}' \
    'regions: [{id: shili, name: 示例县}]' 'indicators: [{id: extra, name: 其他, unit: 个}]' \
    'observations: [{indicator: extra, value: 1}]' > d2.yaml
printf '%s\n' '合计{{ gdp.sum }}，平均{{ gdp.average }}，第{{ gdp.rank }}。' > calcdup.md
if "$bin" render -t calcdup.md -d d.yaml -d d2.yaml -o calcdup.pdf 2> calcdup.err; then
	pdftotext -q calcdup.pdf - | tr -d ' \t\n\r\f' > calcdup.txt
	has calcdup 合计870.95亿元，平均290.317亿元，第2。
else
	bad calcdup "render failed: $(head -3 calcdup.err)"
fi
printf '%s\n' '{{ gdp[among=shili/nowhere].sum }}{{ urban_rate[among=shili/dongpo/xishan].sum }}' > calcsumerr.md
fails calcsumerr "calcsumerr.md:1:1: error: unknown region 'nowhere' in among=" \
    "calcsumerr.md:1:35: error: no actual value of 'urban_rate' for region dongpo, period 2024 to add up"

# --dump=doc marks the computed figures, and only them
"$bin" render -t calc.md -d d.yaml --dump=doc > calc.doc 2>/dev/null
for m in 'text computed "17.75亿元"' 'text computed "提高1.6个百分点"' 'text computed "79.029"' \
    'text computed "21.85"' 'text computed "37.2"'; do
	if grep -qF "$m" calc.doc; then ok; else bad calcdump "no '$m' in the dump"; fi
done
if grep -q 'text computed "\(比上年增加\|402.7\|318.25\)"' calc.doc; then bad calcdump "a stated text marked computed"; else ok; fi

# a chart of computed figures
printf '%s\n' '```chart' 'title: 图2 占比' 'regions: [shili, dongpo, xishan]' 'indicators: gdp' \
    'show: share' 'share_of: dongpo' 'labels: yes' '```' > calcchart.md
if "$bin" render -t calcchart.md -d d.yaml --dump=doc > calcchart.doc 2> calcchart.err &&
    grep -q 'series "地区生产总值" 79.0 100.0 37.2' calcchart.doc &&
    grep -q 'chart bar unit="%"' calcchart.doc; then ok; else bad calcchart "$(grep -E 'series|chart' calcchart.doc) $(head -3 calcchart.err)"; fi
render calcchart && has calcchart 图2占比 79.0 100.0 37.2

printf '%s\n' '{{ gdp.trend }}' > calcwarn.md
render calcwarn
if grep -qF "d.yaml:13:5: warning: growth of 'gdp' stated as 6.2%, but 300.5 to 318.25 (d.yaml:12) is 5.9%" calcwarn.err; then ok; else bad calcwarn "no warning: $(cat calcwarn.err)"; fi
has calcwarn 增长6.2%

# the unit follows the figure: a rate's difference is in 个百分点 (also under a
# 单位 column that says % for its values), a scaled difference in the scaled
# unit; growth and shares in %
printf '%s\n' '城镇化率{{ urban_rate.trend }}，增减{{ urban_rate.change }}{{ urban_rate.change.unit }}，差值{{ urban_rate.diff.value }}{{ urban_rate.diff.unit }}；增加{{ gdp.diff | scale=万 }}，{{ gdp.diff.value }}{{ gdp.diff.unit }}；合计{{ gdp.sum | scale=万 }}，占比{{ gdp[of=dongpo].share }}{{ gdp.share.unit }}。' > unitinline.md
render unitinline && has unitinline 城镇化率提高1.6个百分点，增减1.6个百分点，差值1.6个百分点；增加0.001775万亿元，17.75亿元；合计0.087095万亿元，占比79.0%。
# shares of a total: the sum over the regions with a value; rates have none
printf '%s\n' '{{ gdp[of=total].share }}|{{ gdp[of=total, among=shili/西山县].share | decimals=2 }}' '' \
    '```table' 'regions: [shili, dongpo, xishan]' 'indicators: gdp' 'show: [value, share]' \
    'share_of: total' '```' > sharetotal.md
render sharetotal && has sharetotal '36.5|67.97' 示例县318.2536.5东坡区402.746.2西山县15017.2
printf '%s\n' '{{ urban_rate[of=total].share }}{{ gdp[region=dongpo, of=total, among=shili/xishan].share }}' '' \
    '```table' 'rows: indicators' 'columns: regions' 'regions: [shili]' 'indicators: [gdp, urban_rate]' \
    'show: share' 'share_of: total' '```' > sharetotalerr.md
fails sharetotalerr "sharetotalerr.md:1:1: error: urban_rate[of=total].share: 'urban_rate' is a rate (%), whose values do not add up to a whole" \
    "sharetotalerr.md:1:33: error: region dongpo is not among the regions added up" \
    "sharetotalerr.md:9:11: error: share_of: total adds up the rows, which need one unit: 地区生产总值 is in 亿元, 城镇化率 in %"
# unittable NAME SHOW...: a table of gdp and urban_rate in rows, showing SHOW
unittable() {
	name=$1
	shift
	printf '%s\n' '```table' 'rows: indicators' 'columns: periods' 'periods: ["2024"]' \
	    'indicators: [gdp, urban_rate]' "$@" '```' > "$name.md"
	if render "$name"; then
		pdftotext -q -layout "$name.pdf" - | tr -d ' \t\r\f' > "$name.lines"
	else
		: > "$name.lines"
	fi
}
# lineis NAME LINE...: each LINE (white space removed) is a whole line of NAME's layout text
lineis() {
	name=$1
	shift
	for s in "$@"; do
		if grep -qxF -- "$s" "$name.lines"; then ok; else bad "$name" "no line '$s' in: $(tr '\n' '|' < "$name.lines")"; fi
	done
}
unittable unitdiff 'show: [value, diff]'
lineis unitdiff 指标单位 地区生产总值亿元318.2517.75 城镇化率%52.81.6个百分点
unittable unitdiffonly 'show: diff'
lineis unitdiffonly 指标单位2024年差值 地区生产总值亿元17.75 城镇化率个百分点1.6
unittable unitdiffscaled 'show: [diff]' 'scale: 万'
lineis unitdiffscaled 地区生产总值万亿元0.001775 城镇化率个百分点1.6
# growth in numbers has its % in the header: no 单位 column saying 亿元 over it
unittable unitgrowth 'show: growth' 'growth: number'
lineis unitgrowth 指标2024年增长（%） 地区生产总值6.2 城镇化率—

printf '%s\n' '{{ gdp[region=dongpo].diff }}{{ gdp.share }}{{ gdp[period=2023].completion }}{{ gdp[among=dongpo].rank }}' > calcerr.md
fails calcerr "calcerr.md:1:1: error: no actual value of 'gdp' for region dongpo, period 2023 to compare with" \
    "calcerr.md:1:30: error: gdp.share needs the region of the whole" \
    "calcerr.md:1:45: error: no target value of 'gdp' for region shili, period 2023" \
    "calcerr.md:1:78: error: region shili is not among the regions ranked"

## 7. repetition and conditions

cat > rep.md <<'REOF'
# 各地情况

{{#each region in [shili, dongpo, xishan]}}

## {{ meta.region }}

{{ meta.region }}地区生产总值{{ gdp.value }}亿元{{#if gdp.growth >= 5}}，增速较快{{else}}，增速平稳{{/if}}。{{#if revenue}}一般公共预算收入{{ revenue.value }}亿元。{{/if}}

{{#if urban_rate}}

城镇化率{{ urban_rate.value }}%。

{{/if}}

{{/each}}

{{#each period in [period-1, period]}}

- {{ period }}年：{{ gdp.value }}

{{/each}}

{{#if gdp[period=period+1, kind=estimate].completion >= 100}}

**超额完成**年度目标。

{{#else}}

未完成年度目标。

{{/if}}

{{#each indicator in [gdp, urban_rate]}}

{{ indicator.name }}：{{ indicator.value }}{{ indicator.unit }}

{{/each}}
REOF
if render rep; then
	has rep 示例县示例县地区生产总值318.25亿元，增速较快。一般公共预算收入20.1亿元。城镇化率52.8%。 \
	    东坡区东坡区地区生产总值402.7亿元，增速平稳。西山县西山县地区生产总值150亿元，增速较快。 \
	    ●2023年：300.5●2024年：318.25 超额完成年度目标。 地区生产总值：318.25亿元城镇化率：52.8%
	hasnt rep 未完成 东坡区地区生产总值402.7亿元，增速平稳。一般 '{{' '}}'
fi
# a year on (without the regions, which have no 2025 figures): the target
# is missed and the list starts in 2024
sed -n '/#each period/,$p' rep.md > rep2.md
if render rep2 -V period=2025; then
	has rep2 未完成年度目标。 ●2024年：318.25●2025年：340.1
	hasnt rep2 超额完成 2023
fi
# the headings repeated per region are headings (bookmarks) of their own
"$bin" render -t rep.md -d d.yaml --dump=doc > rep.doc 2>/dev/null
if [ "$(grep -c '^  heading level=2' rep.doc)" -eq 3 ]; then ok; else bad rep "not 3 region headings: $(grep heading rep.doc)"; fi

printf '{{#each county in [a]}}\n\n{{/each}}\n\n{{#if gdpp}}\n\nx\n\n{{/if}}\n\n句子{{#if gdp.value > abc}}多{{/if}}，{{#if revenue}}没有结束。\n\n{{/if}}\n\n{{#each region in [shili]}}\n\ny\n' > reperr.md
fails reperr "reperr.md:1:1: error: {{#each}} repeats for each region, period or indicator, not 'county'" \
    "reperr.md:5:1: error: unknown name 'gdpp' in condition" \
    "reperr.md:11:3: error: unknown placeholder 'abc'" \
    "reperr.md:11:35: error: {{#if}} is not closed by {{/if}} in the same run of text" \
    "reperr.md:13:1: error: {{/if}} without {{#if}} before it" \
    "reperr.md:15:1: error: {{#each}} is not closed by {{/each}}"

# pathological nesting: an error, quickly, not a stack overflow
awk 'BEGIN { for (i = 0; i < 5000; i++) print "{{#if gdp}}\n"; print "x\n"; for (i = 0; i < 5000; i++) print "{{/if}}\n" }' > deepif.md
awk 'BEGIN { s = "a"; for (i = 0; i < 2000; i++) s = s "{{#if gdp}}"; s = s "x"; for (i = 0; i < 2000; i++) s = s "{{/if}}"; print s }' > deepinline.md
for f in deepif deepinline; do
	timeout 20 "$bin" render -t $f.md -d d.yaml -o $f.pdf 2> $f.err
	rc=$?
	if [ $rc -eq 2 ] && grep -q "nested deeper than 32 levels" $f.err; then ok; else bad $f "exit $rc: $(head -2 $f.err)"; fi
done

## 8. a theme file is named from the file that names it

mkdir -p sub man
printf '%s\n' 'page_width: 148' 'page_height: 210' > sub/a5.yaml
printf '%s\n' '---' 'theme: a5.yaml' '---' '正文{{ gdp.value }}' > sub/themed.md
printf '%s\n' '正文{{ gdp.value }}' > sub/plain.md
# page_size PDF: the first page's size in points, e.g. "420 x 595"
page_size() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Page size: *\([0-9]*\)[.0-9]* x \([0-9]*\).*/\1 x \2/p'; }
if "$bin" render -t sub/themed.md -d d.yaml -o themed.pdf 2> themed.err; then
	if [ "$(page_size themed.pdf)" = "419 x 595" ]; then ok; else bad themed "page size $(page_size themed.pdf), not A5"; fi
else
	bad themed "render failed: $(head -3 themed.err)"
fi
# on the command line a theme file is taken from the working directory
if "$bin" render -t sub/plain.md -d d.yaml -V theme=sub/a5.yaml -o cmdline.pdf 2> cmdline.err &&
    [ "$(page_size cmdline.pdf)" = "419 x 595" ]; then ok; else bad cmdline "$(head -3 cmdline.err) $(page_size cmdline.pdf)"; fi
# in a manifest's variables, from the manifest's directory
cp d.yaml man/d.yaml
printf '%s\n' 'jobs:' '  - template: ../sub/plain.md' '    data: d.yaml' \
    '    variables: {theme: ../sub/a5.yaml}' '    output: m.pdf' > man/reports.yaml
if "$bin" build man/reports.yaml > man.out 2> man.err && [ "$(page_size man/m.pdf)" = "419 x 595" ]; then
	ok
else
	bad manifest "$(head -3 man.err) $(page_size man/m.pdf)"
fi

## 10. key indicators: indicators: key

printf '%s\n' '```figures' 'indicators: key' '```' '' '```table' 'caption: 表1 目标' 'rows: indicators' \
    'columns: periods' 'periods: [period+1]' 'indicators: key' 'kind: target' '```' '' \
    '```table' 'caption: 表2 规划' 'type: plan' 'indicators: key' 'targets: ["2030"]' '```' '' '正文完。' > keys.md
render keys -V 'key_indicators=urban_rate, 一般公共预算收入、gdp' &&
    has keys 城镇化率：52.8%●一般公共预算收入：20.1亿元，下降2.5%●地区生产总值：318.25亿元，增长6.2%表1目标 \
        2025年335表2 表2规划指标单位2030年目标一般公共预算收入亿元年均增长7.8%地区生产总值亿元450（-1.5）正文完。
# a key indicator without a figure is no row; a directive none of them has a figure in makes nothing
if grep -aq '表1目标.*城镇化率' keys.txt; then bad keys "a key indicator without a target is a row"; else ok; fi
cp keys.md keysnone.md
if "$bin" render -t keysnone.md -d d.yaml -V key_indicators=urban_rate -o keysnone.pdf 2> keysnone.err; then
	pdftotext -q keysnone.pdf - | tr -d ' \t\n\r\f' > keysnone.txt
	if grep -aq '表1\|表2' keysnone.txt; then bad keysnone "a table of no key indicator"; else ok; fi
	grep -q 'keysnone.md:5:1: warning: table directive: none of the key indicators has an observation here; nothing is made' keysnone.err && ok ||
	    bad keysnone "no warning: $(cat keysnone.err)"
else
	bad keysnone "render failed: $(head -3 keysnone.err)"
fi

## 9. a theme replaces words too: template > theme > built-in

printf '%s\n' 'words: ["续表=接上表", "total=总计", "地区=县区"]' 'words_hant:' '  - 合計=總計' \
    '  - 續表=接上表' > sub/words.yaml
{
	printf '%s\n' '---' 'theme: words.yaml' '---' '```table' 'type: static' \
	    'caption: 表1 长表' 'header: 地区 | 数值' 'rows:'
	i=1
	while [ $i -le 70 ]; do printf '  - 第%d县 | %d\n' $i $i; i=$((i + 1)); done
	printf '%s\n' 'total: sum' '```' '' '# 二、对比' '' '```table' 'caption: 表2 对比' \
	    'regions: [shili, dongpo]' 'indicators: [gdp]' '```'
} > sub/wordsthemed.md
if "$bin" render -t sub/wordsthemed.md -d d.yaml -o wordsthemed.pdf 2> wordsthemed.err; then
	pdftotext -q -f 2 -l 2 wordsthemed.pdf - | tr -d ' \t\n\r\f' > wordsthemed.p2
	pdftotext -q wordsthemed.pdf - | tr -d ' \t\n\r\f' > wordsthemed.txt
	# page 2: the running header, then 接上表1 over the repeated header
	if grep -aqF '示例县经济运行接上表1地区数值' wordsthemed.p2; then ok; else bad wordsthemed "page 2 does not start with 接上表1: $(head -c 90 wordsthemed.p2)"; fi
	for w in 总计2485 县区地区生产总值; do
		if grep -aqF "$w" wordsthemed.txt; then ok; else bad wordsthemed "no '$w'"; fi
	done
	if grep -aqE '续表|合计' wordsthemed.txt; then bad wordsthemed "a built-in word the theme replaces"; else ok; fi
else
	bad wordsthemed "render failed: $(head -3 wordsthemed.err)"
fi
# the template's words win over the theme's; a Traditional document takes words_hant
sed 's/^theme: words.yaml$/theme: words.yaml\nlang: zh-Hant\nwords: ["total=全部"]/' \
    sub/wordsthemed.md > sub/wordsover.md
if "$bin" render -t sub/wordsover.md -d d.yaml -o wordsover.pdf 2> wordsover.err; then
	pdftotext -q wordsover.pdf - | tr -d ' \t\n\r\f' > wordsover.txt
	for w in 全部2485 接上表1 县区地区生产总值; do
		if grep -aqF "$w" wordsover.txt; then ok; else bad wordsover "no '$w'"; fi
	done
	if grep -aqE '總計|总计|續表' wordsover.txt; then bad wordsover "the theme's word over the template's"; else ok; fi
else
	bad wordsover "render failed: $(head -3 wordsover.err)"
fi
# an unknown word is an error of the theme, at its line and column
printf '%s\n' 'body_size: 12' 'words:' '  - continued=接上表' '  - cotninued=x' > sub/badwords.yaml
printf '%s\n' '---' 'theme: badwords.yaml' '---' '正文' > sub/badwords.md
"$bin" render -t sub/badwords.md -d d.yaml -o badwords.pdf 2> badwords.err
rc=$?
if [ "$rc" -eq 2 ] && [ ! -e badwords.pdf ] &&
    grep -qF "sub/badwords.yaml:4:5: error: words: reportgen writes no word 'cotninued' (did you mean 'continued'?)" badwords.err; then
	ok
else
	bad badwords "exit $rc: $(head -3 badwords.err)"
fi

# observations that hold only a change (a rate's 个百分点) or only a growth,
# in every table kind and inline: printed, never a crash (a plan table over
# a change-only target crashed: SIGSEGV on the yichuan data)
cat > chg.yaml <<'EOT'
format: reportgen/1
meta: {region: dongpo, period: "2024"}
regions: [{id: dongpo, name: 东坡区}]
indicators:
  - {id: urban, name: 城镇化率, unit: "%", group: 民生福祉}
  - {id: gdp, name: 地区生产总值, unit: 亿元, group: 经济发展}
observations:
  - {indicator: urban, period: "2023", value: 50.2}
  - {indicator: urban, period: "2024", kind: target, change: 0.6}
  - {indicator: urban, period: "2021-2025", kind: plan, change: 3}
  - {indicator: gdp, period: "2024", kind: target, growth: 6}
  - {indicator: gdp, period: "2023", kind: estimate, growth: 1.5}
EOT
printf '%s\n' '---' 'title: 变化' '---' '' \
    '```table' 'type: plan' 'indicators: [urban, gdp]' 'actuals: ["2023"]' 'targets: ["2024"]' '```' '' \
    '```table' 'type: plan' 'indicators: key' 'actuals: [period-1]' 'year_targets: [period]' '```' '' \
    '```table' 'type: comparison' 'indicators: [urban, gdp]' 'periods: ["2024"]' 'kind: target' 'show: [value, growth, change]' '```' '' \
    '```figures' 'kind: target' '```' '' \
    '城镇化率{{ urban[kind=target].trend }}，生产总值{{ gdp[kind=target].growth }}。' > chg.md
if "$bin" render -t chg.md -d chg.yaml -o chg.pdf 2> chg.err; then
	pdftotext -q chg.pdf - | tr -d ' \t\n\r\f' > chg.txt
	has chg 提高0.6个百分点 增长6%
else
	bad chg "exit $?: $(head -3 chg.err)"
fi

echo "template: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
