#!/bin/sh
# table-breaks.sh -- where tables break between pages (generator/layout/
# table.c, keep_rows; layout.c, table_break), tried with the text before the
# table growing a sentence at a time, so that every break position comes up:
#   - a table of six body rows is never split;
#   - a longer one keeps its caption, header and two body rows together and
#     leaves at least two rows for its last page (rows of figures: a group
#     row does not count); its note stays with them;
#   - no page ends with a group row; a continuation page that starts inside
#     a group repeats its label with （续）; it is marked 续表3 (the number of
#     表3), or, with the theme's table_continued_caption, the caption.
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
sentence=正文段落，用来占去页面的一部分，检验表格分页。
filler() { i=0; while [ $i -lt "$1" ]; do printf '%s' "$sentence"; i=$((i + 1)); done; }
six() {
	printf -- '---\ntitle: 短表\n---\n\n%s\n\n```table\ntype: static\ncaption: 表1 六行表\n' "$(filler "$1")"
	printf 'header: 地区 | 数值\nrows:\n'
	for i in 0 1 2 3 4 5; do printf '  - 六行地区%d | %d\n' "$i" "$i"; done
	printf '```\n\n后文。\n'
}
groups() {
	printf -- '---\ntitle: 分组\n---\n\n%s\n\n```table\ntype: static\ncaption: 表3 分组指标\n' "$(filler "$1")"
	printf 'header: 指标 | 单位 | 2024年\nrows:\n'
	for g in 经济发展 科技创新; do
		printf '  - %s\n' "$g"
		i=1
		while [ $i -le 12 ]; do printf '  - %s第%d项 | 亿元 | %d.5\n' "$g" "$i" "$i"; i=$((i + 1)); done
	done
	printf 'note: 注：表注文字。\n```\n\n后文。\n'
}
# groups of one row at the end (as a briefing's 主要指标 has): a page of the
# table holds two rows of figures, a group row not counting as one
small() {
	printf -- '---\ntitle: 小组\n---\n\n%s\n\n```table\ntype: static\ncaption: 表5 主要指标\n' "$(filler "$1")"
	printf 'header: 指标 | 单位 | 2024年\nrows:\n'
	for g in 甲组:4 乙组:1 丙组:1 丁组:1 戊组:1 己组:1; do
		printf '  - %s\n' "${g%:*}"
		i=1
		while [ $i -le "${g#*:}" ]; do printf '  - %s第%d项 | 亿元 | %d.5\n' "${g%:*}" "$i" "$i"; i=$((i + 1)); done
	done
	printf '```\n\n后文。\n'
}
# pages of $1.pdf as text files $1.N, one table line each, white space removed
pages() {
	n=$(pdfinfo "$tmp/$1.pdf" | awk '/^Pages:/ { print $2 }')
	p=1
	while [ "$p" -le "$n" ]; do
		pdftotext -q -layout -f "$p" -l "$p" "$tmp/$1.pdf" - | tr -d ' ' | grep . |
		    grep -v '^—[0-9]*—$' > "$tmp/$1.$p"
		p=$((p + 1))
	done
	echo "$n"
}
broken=0
for n in 34 36 37 38 39 40 41 42 43 44 46; do
	six "$n" > "$tmp/six.md"
	if ! $bin render -t "$tmp/six.md" -d "$data" -o "$tmp/six.pdf" 2> "$tmp/err"; then
		bad six "render failed: $(cat "$tmp/err")"
		continue
	fi
	np=$(pages six)
	split=$(p=1; while [ "$p" -le "$np" ]; do c=$(grep -c '^六行地区' "$tmp/six.$p"); \
	    [ "$c" -gt 0 ] && [ "$c" -lt 6 ] && echo "page $p has $c rows"; p=$((p + 1)); done)
	[ -z "$split" ] && ok || { bad six "filler $n: the six-row table is split: $split"; broken=1; }
done
for theme in briefing gongwen; do
	for n in 20 26 32 38 44 50 56 62 68 74 80 86; do
		groups "$n" > "$tmp/g.md"
		if ! $bin render -t "$tmp/g.md" -d "$data" --theme "$theme" -o "$tmp/g.pdf" 2> "$tmp/err"; then
			bad "$theme" "render failed: $(cat "$tmp/err")"
			continue
		fi
		np=$(pages g)
		p=1
		while [ "$p" -le "$np" ]; do
			f=$tmp/g.$p
			rows=$(grep -c '第[0-9]*项' "$f")
			last=$(grep -E '^(经济发展|科技创新)|第[0-9]+项' "$f" | tail -1)
			case $last in
			经济发展|科技创新) bad "$theme" "filler $n: page $p ends with group row $last" ;;
			*) ok ;;
			esac
			if [ "$rows" -gt 0 ] && [ "$rows" -lt 2 ]; then
				bad "$theme" "filler $n: page $p holds $rows body row"
			fi
			if grep -q '^续表3' "$f"; then
				first=$(grep -E '^(经济发展|科技创新)|第[0-9]+项' "$f" | head -1)
				case $first in
				经济发展*|科技创新*第1项*|科技创新) ok ;;
				*第*项*) bad "$theme" "filler $n: page $p starts in a group without its label: $first" ;;
				*) ok ;;
				esac
			elif [ "$rows" -gt 0 ] && ! grep -q '^表3分组指标$' "$f"; then
				bad "$theme" "filler $n: page $p continues the table without 续表3"
			fi
			if grep -q '科技创新第12项' "$f"; then
				grep -q '^注：表注文字。' "$f" && ok || bad "$theme" "filler $n: the note is not with the last rows"
			fi
			p=$((p + 1))
		done
	done
done
for n in 30 32 34 35 36 37 38 39 40 41 42 43 44 45 46 48 50; do
	small "$n" > "$tmp/s.md"
	if ! $bin render -t "$tmp/s.md" -d "$data" -o "$tmp/s.pdf" 2> "$tmp/err"; then
		bad small "render failed: $(cat "$tmp/err")"
		continue
	fi
	np=$(pages s)
	p=1
	while [ "$p" -le "$np" ]; do
		rows=$(grep -c '第[0-9]*项' "$tmp/s.$p")
		if [ "$rows" -eq 1 ]; then bad small "filler $n: page $p holds 1 row of figures"; else ok; fi
		p=$((p + 1))
	done
done
# the theme option: the caption repeated
printf 'table_continued_caption: true\n' > "$tmp/theme.yaml"
groups 40 > "$tmp/g.md"
if $bin render -t "$tmp/g.md" -d "$data" --theme "$tmp/theme.yaml" -o "$tmp/c.pdf" 2> "$tmp/err"; then
	pdftotext -q -f 2 -l 2 "$tmp/c.pdf" - | tr -d ' ' | grep -q '^表3分组指标（续）$' && ok ||
	    bad caption "page 2 does not repeat the caption with （续）"
else
	bad caption "render failed: $(cat "$tmp/err")"
fi
echo "table-breaks: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
