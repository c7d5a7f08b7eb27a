#!/bin/sh
# table-float.sh -- a landscape table floats (float: auto, the default): the
# text after it in the template fills the portrait page the table comes on,
# and the table's landscape pages follow that page.  Measured in the PDF,
# both themes:
#   - the portrait page before the landscape one is full: its last text
#     line ends less than 2.5 line pitches (the least distance between
#     two lines) above the text block's bottom
#     (pdftotext -bbox-layout; the page number is below the block);
#   - the text reads before-text, after-text (the part on that page), the
#     table, the rest of the after-text; a heading just above the table
#     stays with the text after it;
#   - the landscape page is A4 turned (MediaBox 841.89 x 595.28, no Rotate);
#   - float: here breaks the page at the table (the text after it starts
#     on the page after the table's);
#   - tables keep their order: a portrait 表4 after the landscape 表3 comes
#     after it; a table near the end of the document goes after the last
#     page of text; a landscape table of three pages floats whole (续表3).
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
lines="python3 tests/tools/bbox.py lines"

# doc BEFORE AFTER ROWS [OPTION] [EXTRA]: a document of BEFORE paragraphs, a
# heading, a 12-column table of ROWS rows too wide for A4 portrait (表3;
# OPTION a line of its directive), AFTER paragraphs; EXTRA after paragraph 2
# of them
doc() {
	printf -- '---\ntitle: 浮动表格测试\n---\n\n# 一、概况\n\n'
	i=1
	while [ "$i" -le "$1" ]; do
		printf '前文第%d段。坚持以高质量发展为引领，推动产业转型升级，做强做优文旅产业，' "$i"
		printf '持续扩大有效投资，着力稳定经济增长，不断增进民生福祉，切实防范化解风险。\n\n'
		i=$((i + 1))
	done
	printf '# 二、主要指标\n\n```table\ntype: static\ncaption: 表3 十二列指标\n'
	[ -n "$4" ] && printf '%s\n' "$4"
	printf 'header: 地区'
	for k in 1 2 3 4 5 6 7 8 9 10 11; do printf ' | 规模以上工业增加值第%d项（万元）' "$k"; done
	printf '\nrows:\n'
	r=1
	while [ "$r" -le "$3" ]; do
		printf '  - 地区%d' "$r"
		for k in 1 2 3 4 5 6 7 8 9 10 11; do printf ' | %d%d.67' "$r" "$k"; done
		printf '\n'
		r=$((r + 1))
	done
	printf '```\n\n'
	i=1
	while [ "$i" -le "$2" ]; do
		printf '后文第%d段。全年接待游客稳步增长，旅游综合收入持续提高，乡村振兴扎实推进，' "$i"
		printf '城乡居民收入差距进一步缩小，生态环境质量明显改善。\n\n'
		[ "$i" -eq 2 ] && [ -n "$5" ] && printf '%s\n\n' "$5"
		i=$((i + 1))
	done
}

# markers PDF: the document's pieces in reading order, one a line: 前N, 后N,
# 表N, 续表N
markers() {
	pdftotext -q "$1" - | tr -d ' \n' |
	    grep -o '前文第[0-9]*段\|后文第[0-9]*段\|续表[0-9]\|表[0-9]十二列指标\|表4小表' |
	    sed 's/^前文第\([0-9]*\)段$/前\1/; s/^后文第\([0-9]*\)段$/后\1/; s/十二列指标$//; s/小表$//'
}

# expect BEFORE AFTER-ON-PAGE AFTER [TABLE...]: the markers of a document:
# 前1..BEFORE, 后1..AFTER-ON-PAGE, the TABLE markers (default 表3), the rest
expect() {
	nb=$1 np=$2 na=$3
	shift 3
	i=1
	while [ "$i" -le "$nb" ]; do echo "前$i"; i=$((i + 1)); done
	i=1
	while [ "$i" -le "$np" ]; do echo "后$i"; i=$((i + 1)); done
	if [ $# -eq 0 ]; then echo 表3; else for t in "$@"; do echo "$t"; done; fi
	while [ "$i" -le "$na" ]; do echo "后$i"; i=$((i + 1)); done
}

# render NAME THEME: $tmp/NAME.md to $tmp/NAME.pdf, checking typesetting
render() {
	if $bin render -t "$tmp/$1.md" -d "$data" --theme "$2" --check-typesetting \
	    -o "$tmp/$1.pdf" > /dev/null 2> "$tmp/$1.err"; then
		ok
		return 0
	fi
	bad "$1" "render failed: $(head -3 "$tmp/$1.err")"
	return 1
}

# after_on PDF PAGE: how many 后文 paragraphs start on page PAGE
after_on() {
	pdftotext -q -f "$2" -l "$2" "$1" - | tr -d ' \n' | grep -o '后文第[0-9]*段' | wc -l
}

for theme in briefing gongwen; do
	mb=$(awk '/^margin_bottom:/ { print $2 }' "templates/themes/$theme.yaml")
	# paragraphs before the table: the table comes on page 1
	nb=8
	[ "$theme" = gongwen ] && nb=4
	doc "$nb" 40 5 > "$tmp/f-$theme.md"
	render "f-$theme" "$theme" || continue
	pdf=$tmp/f-$theme.pdf
	# the page before the landscape one is full
	$lines "$pdf" > "$tmp/f-$theme.lines"
	gap=$(awk -v mb="$mb" '
	BEGIN { bottom = 841.89 - mb / 25.4 * 72; pitch = 1000 }
	$1 == 1 && $5 < bottom {
		if (n++ && $5 - last > 1 && $5 - last < pitch) pitch = $5 - last
		last = $5
	}
	END { printf "%.1f %.1f\n", bottom - last, pitch }' "$tmp/f-$theme.lines")
	set -- $gap
	awk -v g="$1" -v p="$2" 'BEGIN { exit !(g < 2.5 * p) }' && ok ||
	    bad "f-$theme" "page 1 ends ${1} pt above the text block's bottom (line pitch $2 pt): not full"
	# the order: before, after (page 1), table (page 2), the rest
	k=$(after_on "$pdf" 1)
	[ "$k" -ge 1 ] && ok || bad "f-$theme" "no text after the table on page 1"
	markers "$pdf" > "$tmp/got"
	expect "$nb" "$k" 40 > "$tmp/want"
	cmp -s "$tmp/got" "$tmp/want" && ok ||
	    bad "f-$theme" "text order: $(diff "$tmp/want" "$tmp/got" | grep '^[<>]' | head -4 | tr '\n' ' ')"
	pdftotext -q -f 2 -l 2 "$pdf" - | tr -d ' \n' | grep -q '表3十二列指标' && ok ||
	    bad "f-$theme" "the table is not on page 2"
	[ "$(after_on "$pdf" 2)" -eq 0 ] && ok || bad "f-$theme" "text on the landscape page"
	# the heading above the table is followed by the text after it
	h=$(awk '$1 == 1 && $6 == "二、主要指标" { getline; print $6 }' "$tmp/f-$theme.lines")
	case $h in 后文第1段*) ok ;; *) bad "f-$theme" "the heading is followed by '$h'" ;; esac
	# the landscape page: A4 turned, as before
	box=$(pdfinfo -box -f 2 -l 2 "$pdf" | awk '/^Page +2 MediaBox:/ { m = $4 " " $5 " " $6 " " $7 }
	    /^Page +2 rot:/ { r = $4 } END { print m, "rot", r }')
	[ "$box" = "0.00 0.00 841.89 595.28 rot 0" ] && ok || bad "f-$theme" "page 2: $box"
	box=$(pdfinfo -box -f 3 -l 3 "$pdf" | awk '/^Page +3 MediaBox:/ { print $4, $5, $6, $7 }')
	[ "$box" = "0.00 0.00 595.28 841.89" ] && ok || bad "f-$theme" "page 3 is not A4 portrait: $box"
	qpdf --check "$pdf" > /dev/null 2>&1 && ok || bad "f-$theme" "qpdf --check"

	# float: here -- the page ends at the table
	doc "$nb" 40 5 'float: here' > "$tmp/h-$theme.md"
	if render "h-$theme" "$theme"; then
		markers "$tmp/h-$theme.pdf" > "$tmp/got"
		expect "$nb" 0 40 > "$tmp/want"
		cmp -s "$tmp/got" "$tmp/want" && ok ||
		    bad "h-$theme" "text order: $(diff "$tmp/want" "$tmp/got" | grep '^[<>]' | head -4 | tr '\n' ' ')"
	fi

	# a portrait table after it: 表3, then 表4
	doc "$nb" 40 5 '' "$(printf '```table\ntype: static\ncaption: 表4 小表\nheader: 项目 | 数值\nrows:\n  - 甲 | 1.5\n  - 乙 | 2.5\n```')" > "$tmp/o-$theme.md"
	if render "o-$theme" "$theme"; then
		markers "$tmp/o-$theme.pdf" > "$tmp/got"
		expect "$nb" 2 40 表3 表4 > "$tmp/want"
		cmp -s "$tmp/got" "$tmp/want" && ok ||
		    bad "o-$theme" "text order: $(diff "$tmp/want" "$tmp/got" | grep '^[<>]' | head -4 | tr '\n' ' ')"
	fi

	# near the end: the table after the last text, on page 2 of 2
	doc 3 2 5 > "$tmp/e-$theme.md"
	if render "e-$theme" "$theme"; then
		markers "$tmp/e-$theme.pdf" > "$tmp/got"
		expect 3 2 2 > "$tmp/want"
		cmp -s "$tmp/got" "$tmp/want" && ok ||
		    bad "e-$theme" "text order: $(diff "$tmp/want" "$tmp/got" | grep '^[<>]' | head -4 | tr '\n' ' ')"
		n=$(pdfinfo "$tmp/e-$theme.pdf" | awk '/^Pages:/ { print $2 }')
		[ "$n" -eq 2 ] && ok || bad "e-$theme" "$n pages, not 2"
	fi

	# a landscape table of 60 rows (three pages) floats whole
	doc "$nb" 40 60 > "$tmp/l-$theme.md"
	if render "l-$theme" "$theme"; then
		pdf=$tmp/l-$theme.pdf
		k=$(after_on "$pdf" 1)
		turned=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }' | xargs -I{} pdfinfo -f 1 -l {} "$pdf" |
		    awk '/^Page +[0-9]+ size:/ { printf "%s", ($4 > $6) ? "L" : "P" }')
		case $turned in PLL*P*) ok ;; *) bad "l-$theme" "page orientations $turned, not PLL…P" ;; esac
		nl=$(echo "$turned" | sed 's/^P\(L*\).*/\1/' | tr -d '\n' | wc -c)
		conts=""
		i=1
		while [ "$i" -lt "$nl" ]; do conts="$conts 续表3"; i=$((i + 1)); done
		markers "$pdf" > "$tmp/got"
		# shellcheck disable=SC2086
		expect "$nb" "$k" 40 表3 $conts > "$tmp/want"
		[ "$k" -ge 1 ] && cmp -s "$tmp/got" "$tmp/want" && ok ||
		    bad "l-$theme" "text order: $(diff "$tmp/want" "$tmp/got" | grep '^[<>]' | head -4 | tr '\n' ' ')"
	fi
done
# a value it does not know: an error at the value
doc 2 2 3 'float: maybe' > "$tmp/bad.md"
$bin render -t "$tmp/bad.md" -d "$data" -o "$tmp/bad.pdf" 2> "$tmp/bad.err"
[ $? -eq 2 ] && grep -q "bad.md:[0-9]*:8: error: 'maybe' is not a valid value of float (expected auto or here)" \
    "$tmp/bad.err" && ok || bad float-value "$(cat "$tmp/bad.err")"
echo "table-float: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
