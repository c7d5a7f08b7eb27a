#!/bin/sh
# unseen-data.sh -- data of shapes input/ never has, and what reportgen
# makes of them (each defect case shown failing on the code before its fix):
#   1. one dataset of 13 regions (one with no observation), 10 years and
#      figures that are 0, negative, 15 digits long or 0.0001, with units
#      holding a space and names beyond the BMP, written as YAML, as XML
#      (convert) and as YAML + a long CSV: the three give the same PDF text,
#      and that text holds the figures as written;
#   2. a value with white space at its start or end (an XML attribute, a
#      quoted YAML scalar, a quoted CSV cell: ' 2024', '205 ', U+3000) is an
#      error at its line and column naming it: before, period=" 2024" left
#      the figure out of every table as if it were missing and value="300&#10;"
#      turned the number into text that no total counted;
#   3. an XML file that is not UTF-8 is refused with the encoding message
#      the YAML and CSV readers give, naming the encoding the declaration
#      claims (before: libxml2's "Input is not proper UTF-8, indicate
#      encoding !", though reportgen ignores what the declaration says); a
#      root element in a namespace is named as such;
#   4. CSV exports as spreadsheets write them: a header separated by ';' or
#      tabs is named as such (before: one unknown column
#      'region;indicator;value'); empty columns after the last named one
#      (a trailing ',' on every row) are ignored, while a cell in a column
#      without a header is still an error; a line break inside a quoted cell
#      is a line break whether the export wrote CRLF or LF (before: the
#      quote kept the CR, unlike the same text in YAML or XML);
#   5. a number of more digits than the templates' exact arithmetic carries
#      is an error at the value (before: "the whole of a.share is zero");
#   6. one data file given twice, by any spelling, is an error;
#   7. a rate's trend is in 个百分点, never a growth in % of its values.
. "$(dirname "$0")/../lib.sh"
printf -- '---\ntitle: x\n---\n\nx\n' > "$tmp/dump.md"
dump() { "$bin" render -t "$tmp/dump.md" "$@" --dump=data | sed 's/ @[^@]*$//'; }
# expect NAME STATUS PATTERN CMD...: CMD exits STATUS and its standard error
# matches the grep -E PATTERN
expect() {
	name=$1 want=$2 pattern=$3
	shift 3
	"$@" > "$tmp/out" 2> "$tmp/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		bad "$name" "exit $got, expected $want: $(head -3 "$tmp/err")"
	elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/err"; then
		bad "$name" "standard error lacks /$pattern/: $(head -3 "$tmp/err")"
	else
		ok
	fi
}

# ---- 1. a large dataset three ways -----------------------------------------
years="2015 2016 2017 2018 2019 2020 2021 2022 2023 2024"
names="嵩县 孟津区 伊川县 新安县 偃师区 宜阳县 栾川县 汝阳县 洛宁县 𠮷祥县 老城区 西工区"
{
	printf 'format: reportgen/1\nmeta:\n  title: 十二县区十年指标\n  region: r0\n'
	printf '  period: "2024"\nregions:\n'
	i=0
	for n in $names; do printf '  - {id: r%d, name: %s}\n' $i "$n"; i=$((i + 1)); done
	printf '  - {id: none, name: 无数据区}\n'
	printf 'indicators:\n'
	printf '  - {id: gdp, name: 地区生产总值, unit: 亿元}\n'
	printf '  - {id: rate, name: 城镇化率, unit: "%%"}\n'
	printf '  - {id: pop, name: 常住人口, unit: "万 人"}\n'
	printf '  - {id: tiny, name: 排放量, unit: 吨}\n'
	printf '  - {id: huge, name: 总资产, unit: 元}\n'
	printf '  - {id: net, name: 净流入, unit: 万人次}\n'
} > "$tmp/rest.yaml"
# observations: i regions x 10 years; figures made from i and the year
awk -v years="$years" 'BEGIN {
	ny = split(years, y, " ")
	print "region,indicator,period,kind,value,growth,change,quote"
	for (i = 0; i < 12; i++)
		for (j = 1; j <= ny; j++) {
			k = i * 10 + j
			printf "r%d,gdp,%s,actual,%d.%d,%s,,\"第%d行,含逗号\"\n", i, y[j], 100 + k * 7, k % 10,
			    (j > 1) ? "" : (k % 3 == 0) ? "0" : sprintf("%s%d.%d", (k % 4 == 0) ? "-" : "", k % 9, k % 7), k
			printf "r%d,rate,%s,actual,%d.%02d,,%s0.%d,\n", i, y[j], 30 + k % 40, k % 100,
			    (k % 2) ? "-" : "", k % 10
			printf "r%d,pop,%s,actual,%d,,,\n", i, y[j], k % 5 == 0 ? 0 : k
			printf "r%d,tiny,%s,actual,0.000%d,,,\n", i, y[j], k % 9 + 1
			printf "r%d,huge,%s,actual,%d00000000000000,,,\n", i, y[j], k % 9 + 1
			printf "r%d,net,%s,actual,-%d,,,\n", i, y[j], k
		}
	print "r0,gdp,2025,target,,7,,"
	print "r9,gdp,2025,target,1000,,,"
}' > "$tmp/obs.csv"
# the same observations in YAML
{
	cat "$tmp/rest.yaml"
	echo 'observations:'
	awk -F, 'NR > 1 {
		printf "  - {region: %s, indicator: %s, period: \"%s\", kind: %s", $1, $2, $3, $4
		if ($5 != "") printf ", value: \"%s\"", $5
		if ($6 != "") printf ", growth: \"%s\"", $6
		if ($7 != "") printf ", change: \"%s\"", $7
		if ($8 != "") printf ", quote: \"%s,%s\"", substr($8, 2), substr($9, 1, length($9) - 1)
		print "}"
	}' "$tmp/obs.csv"
} > "$tmp/big.yaml"
"$bin" convert "$tmp/big.yaml" "$tmp/big.xml" 2> "$tmp/err" || bad convert "$(head -2 "$tmp/err")"
dump -d "$tmp/big.yaml" > "$tmp/a"
dump -d "$tmp/big.xml" > "$tmp/b"
dump -d "$tmp/rest.yaml" -d "$tmp/obs.csv" > "$tmp/c"
[ "$(grep -c '^obs' "$tmp/a")" -eq 722 ] && ok || bad "big dump" "$(grep -c '^obs' "$tmp/a") observations, not 722"
cmp -s "$tmp/a" "$tmp/b" && ok || bad "big YAML/XML dump" "$(diff "$tmp/a" "$tmp/b" | head -4)"
cmp -s "$tmp/a" "$tmp/c" && ok || bad "big YAML/CSV dump" "$(diff "$tmp/a" "$tmp/c" | head -4)"
all="r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, none"
cat > "$tmp/big.md" <<EOF
---
title: "{{ meta.title }}"
---

# 一、各县区

\`\`\`table
caption: 表1 各县区2024年指标
regions: [$all]
indicators: [gdp, rate, pop, tiny, huge, net]
periods: "2024"
\`\`\`

\`\`\`table
caption: 表2 各年地区生产总值
rows: periods
columns: regions
regions: [r0, r1, r2, r3, r4, r5]
indicators: [gdp]
periods: [period-9, period-8, period-7, period-6, period-5, period-4, period-3, period-2, period-1, period]
show: [value, growth]
growth: number
\`\`\`

\`\`\`chart
type: line
title: 图1 地区生产总值
series: regions
regions: [r0, r1, r9]
indicators: [gdp]
periods: [$(echo $years | sed 's/\([0-9]*\)/"\1"/g; s/ /, /g')]
\`\`\`

{{#each region in [r0, r9]}}

{{ meta.region }}：{{ gdp }}，{{ gdp.trend }}；目标{{ gdp[period=2025, kind=target] }}；{{ huge }}；{{ tiny }}；{{ net }}；{{ pop }}。

{{/each}}
EOF
for d in "$tmp/big.yaml" "$tmp/big.xml" "$tmp/rest.yaml -d $tmp/obs.csv"; do
	# shellcheck disable=SC2086
	"$bin" render -t "$tmp/big.md" -d $d -o "$tmp/big.pdf" 2> "$tmp/err" &&
	    qpdf --check "$tmp/big.pdf" > /dev/null 2>&1 &&
	    pdftotext -layout "$tmp/big.pdf" "$tmp/big-$(echo "$d" | cksum | cut -c1-6).txt" ||
	    bad "render big $d" "$(head -2 "$tmp/err")"
done
set -- "$tmp"/big-*.txt
[ $# -eq 3 ] && cmp -s "$1" "$2" && cmp -s "$1" "$3" && ok ||
	bad "big PDF text" "YAML, XML and CSV differ: $(diff "$1" "$3" | head -4)"
# the text holds the figures as written: r9 (𠮷祥县) in 2024 is k = 100
tr -d ' ' < "$1" > "$tmp/flat"
for want in '𠮷祥县：800.0亿元，增长0.8%' '嵩县：170.0亿元，增长3.7%' '目标增长7%' '目标1000亿元' \
    '200000000000000元' '0.0002吨' '-100万人次' '-10万人次' '0万人' '无数据区—'; do
	grep -qF -- "$want" "$tmp/flat" && ok || bad "big text" "'$want' not in the PDF text"
done

# ---- 2. white space at the ends of a value ---------------------------------
cat > "$tmp/sp.md" <<'EOF'
---
title: x
region: r1
period: "2024"
---

```table
caption: 表1 产值
regions: [r1, r2]
indicators: [a]
total: sum
```
EOF
# xmlfile FILE PERIOD VALUE UNIT NAME: a two-region file, r1's fields as given
xmlfile() {
	cat > "$1" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<reportgen format="1">
  <meta region="r1" period="$2"/>
  <regions>
    <region id="r1" name="$5"/>
    <region id="r2" name="乙县"/>
  </regions>
  <indicators>
    <indicator id="a" name="产值" unit="$4"/>
  </indicators>
  <observations>
    <obs indicator="a" value="$3"/>
    <obs indicator="a" region="r2" period="2024" value="300"/>
  </observations>
</reportgen>
EOF
}
xmlfile "$tmp/sp0.xml" 2024 205 亿元 甲县
"$bin" render -t "$tmp/sp.md" -d "$tmp/sp0.xml" -o "$tmp/sp.pdf" &&
    pdftotext -layout "$tmp/sp.pdf" - | tr -s ' ' > "$tmp/sp.txt"
grep -q '^甲县 205$' "$tmp/sp.txt" && grep -q '^合计 505$' "$tmp/sp.txt" && ok ||
	bad "white space" "the clean file does not render: $(cat "$tmp/sp.txt")"
xmlfile "$tmp/sp1.xml" ' 2024' 205 亿元 甲县
expect "period ' 2024'" 2 "sp1.xml:3:29: error: field 'period' has white space at its start or end \(' 2024'\)" \
	"$bin" render -t "$tmp/sp.md" -d "$tmp/sp1.xml" -o "$tmp/sp1.pdf"
[ ! -e "$tmp/sp1.pdf" ] && ok || bad "period ' 2024'" "a PDF was written"
xmlfile "$tmp/sp2.xml" 2024 '300&#10;' 亿元 甲县
expect "value '300\\n'" 2 "sp2.xml:12:31: error: field 'value' has white space at its start or end \('300\\\\n'\)" \
	"$bin" check "$tmp/sp2.xml"
xmlfile "$tmp/sp3.xml" 2024 205 '亿元 ' 甲县
expect "unit '亿元 '" 2 "sp3.xml:9:39: error: field 'unit' has white space" "$bin" check "$tmp/sp3.xml"
xmlfile "$tmp/sp4.xml" 2024 205 亿元 '　甲县'
expect "name U+3000" 2 "sp4.xml:5:27: error: field 'name' has white space" "$bin" check "$tmp/sp4.xml"
printf 'format: reportgen/1\nmeta: {region: r1, period: "2024 "}\nregions: [{id: r1, name: 甲县}]\n' > "$tmp/sp5.yaml"
expect "YAML period '2024 '" 2 "sp5.yaml:2:29: error: field 'period' has white space" "$bin" check "$tmp/sp5.yaml"
printf 'region,indicator,period,value\nr1,a,2024," 205"\n' > "$tmp/sp6.csv"
printf 'format: reportgen/1\nregions: [{id: r1, name: 甲县}]\nindicators: [{id: a, name: 产值, unit: 亿元}]\n' > "$tmp/sp6.yaml"
expect "CSV cell ' 205'" 2 "sp6.csv:2:11: error: field 'value' has white space" \
	"$bin" check "$tmp/sp6.yaml" "$tmp/sp6.csv"
# spaces inside a value, a narrative's text (Markdown) and an unquoted CSV
# cell (trimmed) are not white space at the ends
printf 'region,indicator,period,value\nr1,a,2024, 205 \n' > "$tmp/sp7.csv"
expect "CSV unquoted ' 205 '" 0 "" "$bin" check "$tmp/sp6.yaml" "$tmp/sp7.csv"
xmlfile "$tmp/sp8.xml" 2024 205 '万 人次' 甲县
sed 's|</observations>|</observations><narratives><narrative id="n">\n  正文\n</narrative></narratives>|' \
	"$tmp/sp8.xml" > "$tmp/sp9.xml"
expect "inner space, narrative" 0 "" "$bin" check "$tmp/sp9.xml"
# but a narrative of white space only is empty (before: {{#if text.summary}}
# held, and the PDF read 有摘要： over nothing)
printf -- '---\ntitle: x\n---\n\n{{#if text.summary}}\n\n有摘要：\n\n{{ text.summary }}\n\n{{/if}}\n\n结束。\n' > "$tmp/blank.md"
printf 'format: reportgen/1\nmeta: {region: r1, period: "2024"}\nregions: [{id: r1, name: 甲}]\nnarratives: [{id: summary, text: "  \\n\\u3000"}]\n' > "$tmp/blank.yaml"
expect "narrative of white space" 2 "blank.yaml:4:35: error: field 'text' holds only white space \(leave it out instead\) \[field-empty\]" \
	"$bin" render -t "$tmp/blank.md" -d "$tmp/blank.yaml" -o "$tmp/blank.pdf"
sed 's|</observations>|</observations><narratives><narrative id="n">\n\n</narrative></narratives>|' \
	"$tmp/sp8.xml" > "$tmp/blank.xml"
expect "XML narrative of white space" 2 "blank.xml:14:48: error: field 'text' holds only white space" "$bin" check "$tmp/blank.xml"

# ---- 3. XML that is not UTF-8 ----------------------------------------------
{ echo '<?xml version="1.0" encoding="GBK"?>'; tail -n +2 "$tmp/sp0.xml"; } |
	iconv -f UTF-8 -t GBK > "$tmp/gbk.xml"
expect "XML in GBK" 2 "gbk.xml:5:27: error: byte #BC is not UTF-8: the XML declaration says encoding 'GBK', but data files are UTF-8 \(convert it: iconv -f GBK -t UTF-8.*\[encoding\]$" \
	"$bin" check "$tmp/gbk.xml"
! grep -q 'indicate encoding' "$tmp/err" && ok || bad "XML in GBK" "libxml2's message: $(cat "$tmp/err")"
# converted as the message says, it is the file it was
iconv -f GBK -t UTF-8 "$tmp/gbk.xml" | sed 's/encoding="GBK"/encoding="UTF-8"/' > "$tmp/gbk-utf8.xml"
dump -d "$tmp/gbk-utf8.xml" > "$tmp/a"
dump -d "$tmp/sp0.xml" > "$tmp/b"
[ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b" && ok || bad "XML in GBK" "converted, not the same data"
# a namespace on the root (an export's default xmlns, or a prefix): named as
# such (before: "No matching global declaration available for the
# validation root")
sed 's|<reportgen format="1">|<reportgen xmlns="urn:example" format="1">|' "$tmp/sp0.xml" > "$tmp/ns1.xml"
sed 's|<reportgen format="1">|<r:reportgen xmlns:r="urn:example" format="1">|; s|</reportgen>|</r:reportgen>|' \
	"$tmp/sp0.xml" > "$tmp/ns2.xml"
expect "XML namespace" 2 "ns1.xml:2:1: error: the root element <reportgen> is in the namespace 'urn:example'; a data file's elements are in none" \
	"$bin" check "$tmp/ns1.xml"
expect "XML prefix" 2 "ns2.xml:2:1: error: the root element <r:reportgen> is in the namespace 'urn:example'" \
	"$bin" check "$tmp/ns2.xml"

# ---- 4. CSV as spreadsheets export it ----------------------------------------
printf 'region;indicator;period;value\nr1;a;2024;205\n' > "$tmp/semi.csv"
expect "CSV with ';'" 2 "semi.csv:1:1: error: the header 'region;indicator;period;value' is one column: its names are separated by ';', but a CSV file separates cells with ','" \
	"$bin" check "$tmp/sp6.yaml" "$tmp/semi.csv"
printf 'region\tindicator\tperiod\tvalue\nr1\ta\t2024\t205\n' > "$tmp/tab.csv"
expect "CSV with tabs" 2 "tab.csv:1:1: error: the header 'region\\\\tindicator\\\\tperiod\\\\tvalue' is one column: its names are separated by tabs" \
	"$bin" check "$tmp/sp6.yaml" "$tmp/tab.csv"
# a quote over two lines: the same model from CRLF, CR and LF inside the cell,
# and the same as the YAML that says it
printf 'format: reportgen/1\nobservations:\n  - {region: r1, indicator: a, period: "2024", value: "205", quote: "第一行，\\n第二行"}\n' > "$tmp/nl.yaml"
{ cat "$tmp/sp6.yaml"; tail -n +2 "$tmp/nl.yaml"; } > "$tmp/nl-all.yaml"
dump -d "$tmp/nl-all.yaml" | grep '^obs' > "$tmp/b"
for eol in '\r\n' '\n' '\r'; do
	printf "region,indicator,period,value,quote\r\nr1,a,2024,205,\"第一行，${eol}第二行\"\r\n" > "$tmp/nl.csv"
	dump -d "$tmp/sp6.yaml" -d "$tmp/nl.csv" | grep '^obs' > "$tmp/a"
	[ -s "$tmp/b" ] && cmp -s "$tmp/a" "$tmp/b" && ok ||
		bad "CSV line break $eol" "$(cat "$tmp/a") is not $(cat "$tmp/b")"
done
# files whose lines end with CR alone (as old Mac programs save): the same
# positions as with LF (before: every message on line 1, at column 181 of
# the YAML, 50 of the CSV, 260 of the XML)
printf 'format: reportgen/1\nmeta: {region: r1, period: "2024"}\nregions: [{id: r1, name: 甲县}]\nindicators: [{id: a, name: 产值, unit: 亿元}]\nobservations:\n  - {indicator: a, value: "1", growth: "x"}\n' > "$tmp/lf.yaml"
printf 'region,indicator,period,value,growth\nr1,a,2024,1,x\n' > "$tmp/lf.csv"
sed 's|</observations>|</observations>\n<bogus/>|' "$tmp/sp0.xml" > "$tmp/lf.xml"
sed 's|<meta |<meta\n|' "$tmp/sp0.xml" | sed '$d' > "$tmp/lf-cut.xml"
for f in lf.yaml lf.csv lf.xml lf-cut.xml; do
	extra=
	[ "$f" = lf.csv ] && extra=$tmp/sp6.yaml
	"$bin" check $extra "$tmp/$f" 2>&1 | sed "s|$tmp/||" > "$tmp/lf.err"
	tr '\n' '\r' < "$tmp/$f" > "$tmp/cr-$f"
	"$bin" check $extra "$tmp/cr-$f" 2>&1 | sed "s|$tmp/cr-||" > "$tmp/cr.err"
	grep -q "^$f:\([2-9]\|[1-9][0-9][0-9]*\):[0-9]*: error" "$tmp/lf.err" && cmp -s "$tmp/lf.err" "$tmp/cr.err" && ok ||
		bad "CR lines $f" "$(cat "$tmp/lf.err") / $(cat "$tmp/cr.err")"
done
# a GBK export's columns count characters, as the same file's in UTF-8 do
# (docs/data-format.md had said bytes)
printf 'format: reportgen-csv/1\nmeta: {period: "2024"}\nregions: [{id: r1, name: 甲县}, {id: r2, name: 乙 县}]\nindicators: [{id: gdp, name: 地区生产总值, unit: 亿元}]\ncsv:\n  columns: {地区: region, 指标: indicator, 数值: value, 增速: growth}\n' > "$tmp/g.csvmap"
cp "$tmp/g.csvmap" "$tmp/u.csvmap"
printf '地区,指标,数值,增速\r\n甲县,地区生产总值（亿元）,205,8%%\r\n乙 县,地区生产总值(亿元),300,五\r\n' > "$tmp/u.csv"
iconv -f UTF-8 -t GBK "$tmp/u.csv" > "$tmp/g.csv"
for f in u g; do
	expect "CSV column ($f)" 2 "$f.csv:3:20: error: growth must be a number \(percent\), found '五'" "$bin" check "$tmp/$f.csv"
done

# ---- 5. numbers longer than the arithmetic carries ---------------------------
# 20 digits before and after the point: summed, shared and ranked exactly
cat > "$tmp/long.md" <<'EOF'
---
title: x
region: r1
period: "2024"
---

```table
caption: 表1 产值
regions: [r1, r2]
indicators: [a]
show: [value, share]
share_of: total
total: sum
```

占{{ a[of=total].share }}%，{{ a.trend }}。
EOF
longfile() {   # FILE DIGITS: r1's value is DIGITS nines, r2's 1
	nines=$(printf "%$2s" | tr ' ' 9)
	printf 'format: reportgen/1\nmeta: {region: r1, period: "2024"}\n' > "$1"
	printf 'regions: [{id: r1, name: 甲县}, {id: r2, name: 乙县}]\n' >> "$1"
	printf 'indicators: [{id: a, name: 产值, unit: 亿元}]\nobservations:\n' >> "$1"
	printf '  - {indicator: a, value: "%s", growth: "5"}\n' "$nines" >> "$1"
	printf '  - {indicator: a, region: r2, value: "1"}\n' >> "$1"
}
longfile "$tmp/long20.yaml" 20
"$bin" render -t "$tmp/long.md" -d "$tmp/long20.yaml" -o "$tmp/long.pdf" 2> "$tmp/err" &&
    pdftotext -layout "$tmp/long.pdf" - | tr -d ' ' > "$tmp/long.txt"
grep -q '^合计100000000000000000000$' "$tmp/long.txt" && grep -q '^甲县99999999999999999999100.0$' "$tmp/long.txt" &&
    grep -q '^占100.0%，增长5%。$' "$tmp/long.txt" && ok ||
	bad "20 digits" "$(head -2 "$tmp/err") $(cat "$tmp/long.txt")"
# more: an error at the value, not a computation that fails later ("the
# whole of a.share is zero", or a table total left empty)
longfile "$tmp/long80.yaml" 80
expect "80 digits" 2 "long80.yaml:6:28: error: value '9{80}' has more digits than reportgen computes with \(at most 20 before the point and 20 after\) \[number-invalid\]" \
	"$bin" render -t "$tmp/long.md" -d "$tmp/long80.yaml" -o "$tmp/long80.pdf"
grep -q 'is zero' "$tmp/err" && bad "80 digits" "$(cat "$tmp/err")" || ok
sed 's/value: "1"}/value: "1", growth: "0.000000000000000000001"}/' "$tmp/long20.yaml" > "$tmp/longg.yaml"
expect "21 decimals of growth" 2 "longg.yaml:7:53: error: growth '0.0{20}1' has more digits" "$bin" check "$tmp/longg.yaml"

# ---- 6. one data file given twice ---------------------------------------------
# before: by one name, 91 "duplicate" errors each pointing at itself (first
# defined at the same line and column); by another spelling or a link, no
# word at all
cp input/songxian-2024.yaml "$tmp/sx.yaml"
ln -s "$tmp/sx.yaml" "$tmp/sx-link.yaml"
for second in "$tmp/sx.yaml" "$tmp/./sx.yaml" "$tmp/sx-link.yaml"; do
	expect "given twice as $second" 2 "^$second: error: this data file is given twice \(first as '$tmp/sx.yaml'\).*\[file-repeated\]$" \
		"$bin" render -t templates/briefing.md -d "$tmp/sx.yaml" -d "$second" -o "$tmp/twice.pdf"
	[ "$(wc -l < "$tmp/err")" -eq 1 ] && [ ! -e "$tmp/twice.pdf" ] && ok ||
		bad "given twice as $second" "$(wc -l < "$tmp/err") messages, or a PDF"
done
expect "check, given twice" 2 "file-repeated" "$bin" check "$tmp/sx.yaml" "$tmp/sx-link.yaml"
# paths that are no file to read, whatever their name: said first (before:
# "unknown kind of data file (name it .yaml ...)" for a directory, a FIFO,
# /dev/null or a missing file without a known suffix)
mkdir "$tmp/数据 目录"
mkfifo "$tmp/fifo"
for p in "$tmp/数据 目录" "$tmp/fifo" /dev/null "$tmp/missing"; do
	expect "data $p" 2 "^$p: error: cannot read data file: .*\[file-unreadable\]$" \
		"$bin" render -t templates/briefing.md -d "$p" -o "$tmp/p.pdf"
done
cp "$tmp/sx.yaml" "$tmp/数据 文件.YAML"
expect "data with a space, Chinese, .YAML" 0 "" "$bin" check "$tmp/数据 文件.YAML"
# and convert writes the suffixes it reads, in any case (before: out.XML was
# "cannot tell the format")
for out in "输出 文件.XML" "输出.YML"; do
	"$bin" convert "$tmp/数据 文件.YAML" "$tmp/$out" 2> "$tmp/err" &&
	    dump -d "$tmp/$out" > "$tmp/a" && dump -d "$tmp/sx.yaml" > "$tmp/b" &&
	    [ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b" && ok || bad "convert to $out" "$(head -2 "$tmp/err")"
done

# ---- 7. a rate over several years: its trend is in 个百分点 -------------------
# before: a rate whose observation states its change, with last year's value
# in the data too, read 下降36.1%，提高0.8个百分点 (a growth in % made from the
# two values, against docs/templates.md); and [from=...] gave the stated
# change over one year, not the change since the year it names
printf 'format: reportgen/1\nmeta: {region: r1, period: "2024"}\nregions: [{id: r1, name: 甲县}]\n' > "$tmp/rate.yaml"
printf 'indicators: [{id: rate, name: 城镇化率, unit: "%%"}]\nobservations:\n' >> "$tmp/rate.yaml"
printf '  - {indicator: rate, period: "2020", value: "58.33"}\n' >> "$tmp/rate.yaml"
printf '  - {indicator: rate, period: "2023", value: "60.82"}\n' >> "$tmp/rate.yaml"
printf '  - {indicator: rate, value: "38.85", change: "0.8"}\n' >> "$tmp/rate.yaml"
printf -- '---\ntitle: x\n---\n\nA[{{ rate.trend }}]B[{{ rate[from=2020].trend }}]C[{{ rate[from=2020].change }}]D[{{ rate[period=2023].trend }}]\n' > "$tmp/rate.md"
"$bin" render -t "$tmp/rate.md" -d "$tmp/rate.yaml" -o "$tmp/rate.pdf" 2> "$tmp/err" &&
	pdftotext "$tmp/rate.pdf" - | tr -d ' \n' > "$tmp/rate.txt"
grep -qF 'A[提高0.8个百分点]B[下降19.48个百分点]C[-19.48]D[' "$tmp/rate.txt" && ok ||
	bad "rate trend" "$(cat "$tmp/err" "$tmp/rate.txt")"

# no growth in % from a negative value, as from zero: a net outflow of -29
# to -25 is no 下降13.8% (before: the PDF read 净流入-25万人，下降13.8%),
# and the sentence that asks {{#if net.growth}} is left out; the difference
# stays
{
	printf 'format: reportgen/1\nmeta: {region: r1, period: "2024"}\nregions: [{id: r1, name: 甲县}]\n'
	printf 'indicators: [{id: net, name: 净流入, unit: 万人}, {id: gdp, name: 产值, unit: 亿元}]\n'
	printf 'observations:\n  - {indicator: net, period: "2023", value: "-29"}\n  - {indicator: net, value: "-25"}\n'
	printf '  - {indicator: gdp, period: "2023", value: "4"}\n  - {indicator: gdp, value: "5"}\n'
} > "$tmp/neg.yaml"
printf -- '---\ntitle: x\n---\n\n净流入{{ net }}{{#if net.growth}}，{{ net.trend }}{{/if}}，增加{{ net.diff }}。产值{{ gdp }}{{#if gdp.growth}}，{{ gdp.trend }}{{/if}}。\n' > "$tmp/neg.md"
"$bin" render -t "$tmp/neg.md" -d "$tmp/neg.yaml" -o "$tmp/neg.pdf" 2> "$tmp/err" &&
	pdftotext "$tmp/neg.pdf" - | tr -d ' \n' > "$tmp/neg.txt"
grep -qF '净流入-25万人，增加4万人。产值5亿元，增长25.0%。' "$tmp/neg.txt" && ok ||
	bad "negative base" "$(cat "$tmp/err" "$tmp/neg.txt")"

# a rate's unit written full width (％): an error (before: taken for an
# amount, the table's 合计 summed two rates to 111.0 and the trend read
# 增长1.7% where the half-width % gives 提高1.0个百分点)
{
	printf 'format: reportgen/1\nmeta: {region: r1, period: "2024"}\n'
	printf 'regions: [{id: r1, name: 甲县}, {id: r2, name: 乙县}]\n'
	printf 'indicators: [{id: rate, name: 城镇化率, unit: "%%"}]\nobservations:\n'
	printf '  - {indicator: rate, value: "60.5"}\n  - {indicator: rate, region: r2, value: "50.5"}\n'
	printf '  - {indicator: rate, period: "2023", value: "59.5"}\n'
} > "$tmp/pc.yaml"
printf -- '---\ntitle: x\nregion: r1\nperiod: "2024"\n---\n\n```table\ncaption: 表1 比较\nregions: [r1, r2]\nindicators: [rate]\ntotal: sum\n```\n\n{{ rate }}，{{ rate.trend }}。\n' > "$tmp/pc.md"
"$bin" render -t "$tmp/pc.md" -d "$tmp/pc.yaml" -o "$tmp/pc.pdf" 2> "$tmp/err" &&
	pdftotext -layout "$tmp/pc.pdf" - | tr -s ' ' > "$tmp/pc.txt"
grep -q '60.5%，提高 1.0 个百分点。' "$tmp/pc.txt" && ! grep -q '111' "$tmp/pc.txt" && ok ||
	bad "unit %" "$(cat "$tmp/err" "$tmp/pc.txt")"
sed 's/unit: "%"/unit: "％"/' "$tmp/pc.yaml" > "$tmp/pc-fw.yaml"
expect "unit ％" 2 "pc-fw.yaml:4:44: error: unit '％' is the full-width percent sign: write '%'" \
	"$bin" render -t "$tmp/pc.md" -d "$tmp/pc-fw.yaml" -o "$tmp/pc-fw.pdf"

# the line breaks that end a YAML block scalar (`quote: |`, `>`, `|+`) are
# YAML's, not the value's: accepted, and the value has none (before: an
# error, field-space, for every block scalar not written |-); a narrative's
# text, Markdown, is kept as written
{
	printf 'format: reportgen/1\nmeta: {region: r1, period: "2024"}\n'
	printf 'regions: [{id: r1, name: 甲县}]\nindicators: [{id: gdp, name: 地区生产总值, unit: 亿元}]\n'
	printf 'observations:\n  - indicator: gdp\n    value: "100"\n    quote: |\n      全年100亿元。\n'
	printf '  - indicator: gdp\n    period: "2023"\n    value: "90"\n    quote: >\n      上年\n      90亿元。\n'
	printf '  - indicator: gdp\n    period: "2022"\n    value: "80"\n    quote: |+\n      前年80亿元。\n\n\n'
	printf 'narratives:\n  - id: summary\n    text: |\n      总体平稳。\n'
} > "$tmp/block.yaml"
dump -d "$tmp/block.yaml" > "$tmp/block.txt" 2> "$tmp/err"
grep -qF 'quote="全年100亿元。"' "$tmp/block.txt" && grep -qF 'quote="上年 90亿元。"' "$tmp/block.txt" &&
	grep -qF 'quote="前年80亿元。"' "$tmp/block.txt" && grep -qF 'text="总体平稳。\n"' "$tmp/block.txt" &&
	[ ! -s "$tmp/err" ] && ok || bad "block scalars" "$(cat "$tmp/err" "$tmp/block.txt")"

# a value that is a number written another way (a spreadsheet's 1,315.7,
# 62.5%, full-width digits) stays text, with a warning saying how to write
# the number; text that is no number (1-2, 12,34) gets none (before: no
# word, and no total, share or chart counted the figure)
printf 'region,indicator,period,value\nr1,a,2024,"1,315.7"\nr1,a,2023,62.5%%\nr1,a,2022,"-12,345,678"\nr1,a,2021,１３１５．５\nr1,a,2020,1-2\nr1,a,2019,"12,34"\n' > "$tmp/vt.csv"
"$bin" check "$tmp/sp6.yaml" "$tmp/vt.csv" > /dev/null 2> "$tmp/err"
st=$?
[ "$st" -eq 0 ] && [ "$(grep -c '\[value-as-text\]$' "$tmp/err")" -eq 4 ] &&
	grep -q "vt.csv:2:11: warning: value '1,315.7' is taken as text: a number is written without thousands separators (1315.7)" "$tmp/err" &&
	grep -q "vt.csv:3:11: warning: value '62.5%' is taken as text: write the number (62.5) and give the indicator the unit '%'" "$tmp/err" &&
	grep -q "vt.csv:4:11: warning: value '-12,345,678' .*(-12345678)" "$tmp/err" &&
	grep -q "vt.csv:5:11: warning: value '１３１５．５' .*full-width" "$tmp/err" &&
	ok || bad "value as text" "exit $st: $(cat "$tmp/err")"

# a growth or a change is a number in one spelling, inline as in tables:
# +5, 05 and 5. are 5, .5 is 0.5, -0 is 0 (持平), decimals as written
# (before: printed as written, 甲+5，乙.5，丙05，丁-0)
{
	printf 'format: reportgen/1\nmeta: {region: r1, period: "2024"}\nregions: [{id: r1, name: 甲县}]\nindicators:\n'
	for i in a b c d e f; do printf '  - {id: %s, name: 产值%s, unit: 亿元}\n' $i $i; done
	printf '  - {id: r, name: 城镇化率, unit: "%%"}\nobservations:\n'
	printf '  - {indicator: a, value: "1", growth: "+5"}\n  - {indicator: b, value: "1", growth: ".5"}\n'
	printf '  - {indicator: c, value: "1", growth: "05"}\n  - {indicator: d, value: "1", growth: "-0"}\n'
	printf '  - {indicator: e, value: "1", growth: "5."}\n  - {indicator: f, value: "1", growth: "-05.50"}\n'
	printf '  - {indicator: r, value: "1", change: "+.30"}\n'
} > "$tmp/sp-g.yaml"
printf -- '---\ntitle: x\n---\n\n甲{{ a.growth }}乙{{ b.growth }}丙{{ c.growth }}丁{{ d.growth }}{{ d.trend }}戊{{ e.growth }}己{{ f.growth }}率{{ r.change }}{{ r.trend }}。\n' > "$tmp/sp-g.md"
"$bin" render -t "$tmp/sp-g.md" -d "$tmp/sp-g.yaml" -o "$tmp/sp-g.pdf" 2> "$tmp/err" &&
	pdftotext "$tmp/sp-g.pdf" - | tr -d ' \n' > "$tmp/sp-g.txt"
grep -qF '甲5乙0.5丙5丁0持平戊5己-5.50率0.30提高0.30个百分点。' "$tmp/sp-g.txt" && ok ||
	bad "growth spelling" "$(cat "$tmp/err" "$tmp/sp-g.txt")"

# the empty columns a spreadsheet exports after the last named one
# (region,value,,) are left out, in rows that have them or not; a value
# under no header, or an empty header between named ones, is an error
# (before: "column 5 has no header" for every such export)
printf 'region,indicator,period,value,,\r\nr1,a,2024,205,,\r\nr1,a,2023,200\r\n' > "$tmp/blank.csv"
dump -d "$tmp/sp6.yaml" -d "$tmp/blank.csv" > "$tmp/blank.txt" 2> "$tmp/err"
[ "$(grep -c '^obs a region=r1 period=202[34] kind=actual value="2[0-9]*"$' "$tmp/blank.txt")" -eq 2 ] &&
	[ ! -s "$tmp/err" ] && ok || bad "blank columns" "$(cat "$tmp/err" "$tmp/blank.txt")"
printf 'region,indicator,period,value,,\nr1,a,2024,205,,x\n' > "$tmp/blank2.csv"
expect "value under no header" 2 "blank2.csv:2:16: error: column 6 has no header, but this row has 'x' in it \[csv-row\]" \
	"$bin" check "$tmp/sp6.yaml" "$tmp/blank2.csv"
printf 'region,,period,value\nr1,a,2024,205\n' > "$tmp/blank3.csv"
expect "empty header inside" 2 "blank3.csv:1:8: error: column 2 has no header \[csv-header\]" \
	"$bin" check "$tmp/sp6.yaml" "$tmp/blank3.csv"

echo "unseen-data: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
