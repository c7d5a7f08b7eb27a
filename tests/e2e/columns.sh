#!/bin/sh
# columns.sh -- a message's column counts characters, not bytes, in every
# kind of file (issue 14, docs/diagnostics.md): each case puts Han
# characters (three bytes each in UTF-8) before the offending value on its
# line, so that a byte column and a character column differ.  Expected
# columns are counted by hand in the comments.
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml

expect_at() {   # name file:line:col command...
	name=$1 at=$2
	shift 2
	"$@" > /dev/null 2> "$tmp/err"
	if grep -q "^$at: " "$tmp/err"; then ok; else
		bad "$name" "expected a message at $at, got: $(head -3 "$tmp/err")"
	fi
}

# YAML data: "  - {id: songxian, name: 嵩县, " is 29 characters (33 bytes)
printf 'format: reportgen/1\nregions:\n  - {id: songxian, name: 嵩县, levle: 县}\n' > "$tmp/d.yaml"
expect_at yaml "$tmp/d.yaml:3:30" $bin check "$tmp/d.yaml"

# XML data: '  <regions><region id="songxian" name="嵩县" ' is 43 characters
cat > "$tmp/d.xml" <<'EOT'
<?xml version="1.0" encoding="UTF-8"?>
<reportgen format="1">
  <regions><region id="songxian" name="嵩县" levle="x"/></regions>
</reportgen>
EOT
expect_at xml "$tmp/d.xml:3:44" $bin check "$tmp/d.xml"
# an XML syntax error (libxml2's own column): '  <regions><region name="嵩县"' is
# 30 characters; the parser stops at the '<' that should have been '/>' or '>'
printf '<?xml version="1.0" encoding="UTF-8"?>\n<reportgen format="1">\n  <regions><region name="嵩县"<x/></regions>\n</reportgen>\n' > "$tmp/s.xml"
$bin check "$tmp/s.xml" 2> "$tmp/err" > /dev/null
col=$(sed -n "s|^$tmp/s.xml:3:\([0-9]*\): .*|\1|p" "$tmp/err" | head -1)
[ -n "$col" ] && [ "$col" -le 32 ] && ok || bad xml-syntax "column $col (bytes?): $(head -2 "$tmp/err")"

# CSV: "地区,indicator,value," is 19 characters (23 bytes)
printf '地区,indicator,value,growht\nsongxian,gdp,205,\n' > "$tmp/c.csv"
printf 'format: reportgen-csv/1\ncsv:\n  columns: {地区: region}\n' > "$tmp/c.csvmap"
expect_at csv "$tmp/c.csv:1:20" $bin check "$tmp/c.csv"
# its mapping (YAML): "  columns: {地区: region, 增长: " is 28 characters
printf 'format: reportgen-csv/1\ncsv:\n  columns: {地区: region, 增长: grwoth}\n' > "$tmp/c.csvmap"
expect_at csvmap "$tmp/c.csvmap:3:29" $bin check "$tmp/c.csv"


# template text: "全县{{" puts the placeholder at character 3 (byte 7)
printf -- '---\ntitle: t\n---\n\n全县{{ gpd }}。\n' > "$tmp/t.md"
expect_at template "$tmp/t.md:5:3" $bin render -t "$tmp/t.md" -d "$data" -o "$tmp/t.pdf"
# a second line of a paragraph, after Han on the line before
printf -- '---\ntitle: t\n---\n\n全县\n增长{{ gpd }}。\n' > "$tmp/t2.md"
expect_at template-line2 "$tmp/t2.md:6:3" $bin render -t "$tmp/t2.md" -d "$data" -o "$tmp/t.pdf"
# a directive's YAML: 'caption: "表1 ' is 13 characters (15 bytes)
printf -- '---\ntitle: t\n---\n\n```table\ncaption: "表1 {{ gpd.value }}"\nindicators: gdp\n```\n' > "$tmp/t3.md"
expect_at directive "$tmp/t3.md:6:14" $bin render -t "$tmp/t3.md" -d "$data" -o "$tmp/t.pdf"
# a list item's text: "- 第一项：" is 6 characters
printf -- '---\ntitle: t\n---\n\n- 第一项：{{ gpd }}\n' > "$tmp/t4.md"
expect_at list "$tmp/t4.md:5:7" $bin render -t "$tmp/t4.md" -d "$data" -o "$tmp/t.pdf"
# front matter: 'words: ["续表=接上表", "' is 19 characters (29 bytes)
printf -- '---\ntitle: t\nwords: ["续表=接上表", "cotninued=x"]\n---\n\n正文。\n' > "$tmp/t5.md"
expect_at front-matter "$tmp/t5.md:3:20" $bin render -t "$tmp/t5.md" -d "$data" -o "$tmp/t.pdf"

# a theme: 'running_header: 嵩县' then a bad value on a flow line
printf '{running_header: 嵩县, body_size: 大}\n' > "$tmp/th.yaml"
# "{running_header: 嵩县, body_size: " is 32 characters
expect_at theme "$tmp/th.yaml:1:33" $bin render -t templates/briefing.md -d "$data" --theme "$tmp/th.yaml" -o "$tmp/t.pdf"

# a manifest: "jobs: [{template: 嵩县.md, " is 25 characters
printf 'jobs: [{template: 嵩县.md, outptu: x.pdf}]\n' > "$tmp/m.yaml"
expect_at manifest "$tmp/m.yaml:1:26" $bin build "$tmp/m.yaml"

# fonts.conf: "role song 宋体.ttc " is 17 characters (21 bytes)
printf 'role song 宋体.ttc x fonts-x\n' > "$tmp/f.conf"
expect_at fonts.conf "$tmp/f.conf:1:18" $bin render -t templates/briefing.md -d "$data" --fonts "$tmp/f.conf" -o "$tmp/t.pdf"

echo "columns: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
