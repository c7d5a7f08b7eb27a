#!/bin/sh
# table-suite.sh -- tables of other shapes than the samples' (issue 11),
# made by tests/tables/gen.sh, in both themes:
#   - 2, 6, 12 and 16 columns render (16 on a landscape page); 24 and 60
#     are refused with an error at the directive naming the widest columns,
#     or, with split: columns, set as several tables with the row labels;
#     orientation: landscape and portrait are obeyed;
#   - 3, 6, 40 and 300 rows, groups with a note, a 合计 row, a comparison
#     table sorted and totalled, cells of 1 to 2,000 characters;
#   - every one passes --check-typesetting, which measures table lines too
#     (no number broken across lines, no header line of one character, no
#     word cut in a header, no text outside its cell or the text block);
#   - in the PDF (pdftotext -bbox), every number of the table is one word
#     on one line, and every word lies inside the page's text block.
# The goldens of some of these cases are in tests/golden/tables-*.boxes.
. "$(dirname "$0")/../lib.sh"
gen="sh tests/tables/gen.sh"
data=input/songxian-2024.yaml
# unbroken_numbers TEMPLATE PDF: the table numbers of TEMPLATE that are not
# a whole word of PDF (pdftotext -bbox), the first three
unbroken_numbers() {
	grep '^  - ' "$1" | tr '|' '\n' | tr -d ' ' | grep -E '^[0-9]+\.[0-9]+$' | sort -u > "$tmp/nums"
	pdftotext -q -bbox "$2" "$tmp/words.html"
	sed -n 's/.*<word [^>]*>\(.*\)<\/word>/\1/p' "$tmp/words.html" | sort -u > "$tmp/words"
	comm -23 "$tmp/nums" "$tmp/words" | head -3
}
# case NAME EXPECTED-EXIT THEME GEN-ARGS...
case_() {
	name=$1 want=$2 theme=$3
	shift 3
	$gen "$@" > "$tmp/$name.md"
	d=$data
	if [ "$1" = compare ]; then
		$gen data "$2" "$3" > "$tmp/$name.yaml"
		d=$tmp/$name.yaml
	fi
	$bin render -t "$tmp/$name.md" -d "$d" --theme "$theme" --check-typesetting \
	    -o "$tmp/$name.pdf" > /dev/null 2> "$tmp/$name.err"
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		bad "$name" "exit $rc, expected $want: $(head -3 "$tmp/$name.err")"
		return 1
	fi
	ok
	[ "$want" -ne 0 ] && return 1
	# numbers of the table, each a whole word of the PDF
	missing=$(unbroken_numbers "$tmp/$name.md" "$tmp/$name.pdf")
	[ -z "$missing" ] && ok || bad "$name" "numbers not whole words in the PDF: $missing"
	# every word inside the text block of its page (portrait or landscape)
	out=$(awk '
	/<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8) + 0 }
	/<word / {
		match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		if (x0 < 50 || x1 > w - 50) { print "word at " x0 "-" x1 " of " w ": " $0; exit }
	}' "$tmp/words.html")
	[ -z "$out" ] && ok || bad "$name" "$out"
	return 0
}
for theme in briefing gongwen; do
	case_ "c2r3-$theme" 0 "$theme" static 2 3
	case_ "c6r6-$theme" 0 "$theme" total 6 6
	case_ "c12r40-$theme" 0 "$theme" groups 12 40
	case_ "c16r6-$theme" 0 "$theme" static 16 6
	case_ "c6r300-$theme" 0 "$theme" static 6 300
	case_ "text2000-$theme" 0 "$theme" static 3 9 2000
	case_ "text40-$theme" 0 "$theme" static 4 12 40
	case_ "cmp-$theme" 0 "$theme" compare 8 5
	case_ "c24-$theme" 2 "$theme" static 24 3
	grep -q 'table.md\|:[0-9]*:[0-9]*: error: a table of 24 columns needs .*widest columns: ' \
	    "$tmp/c24-$theme.err" && ok || bad "c24-$theme" "no error naming the widest columns: $(cat "$tmp/c24-$theme.err")"
	case_ "c60-$theme" 2 "$theme" static 60 3
done
# split: columns sets the 24- and 60-column tables as several, the row
# labels in each, every number there; orientation: landscape turns a small
# table's page, portrait refuses the 16-column one
for n in 24 60; do
	$gen static "$n" 5 | sed 's/^type: static$/type: static\nsplit: columns/' > "$tmp/split$n.md"
	if $bin render -t "$tmp/split$n.md" -d "$data" --check-typesetting -o "$tmp/split$n.pdf" \
	    --dump=boxes > "$tmp/split$n.boxes" 2> "$tmp/err"; then
		parts=$(grep -c '"地区"$' "$tmp/split$n.boxes")
		[ "$parts" -ge 2 ] && ok || bad "split$n" "$parts parts"
		missing=$(unbroken_numbers "$tmp/split$n.md" "$tmp/split$n.pdf")
		[ -z "$missing" ] && ok || bad "split$n" "numbers missing: $missing"
		n5=$(grep -c '"洛宁县"$' "$tmp/split$n.boxes")
		[ "$n5" -eq "$parts" ] && ok || bad "split$n" "row label in $n5 of $parts parts"
	else
		bad "split$n" "render failed: $(head -3 "$tmp/err")"
	fi
done
$gen static 3 4 | sed 's/^type: static$/type: static\norientation: landscape/' > "$tmp/ls.md"
$bin render -t "$tmp/ls.md" -d "$data" --dump=boxes > "$tmp/ls.boxes" 2> "$tmp/err" &&
    grep -q '^page [0-9]* landscape$' "$tmp/ls.boxes" && ok || bad orientation "no landscape page"
$gen static 16 4 | sed 's/^type: static$/type: static\norientation: portrait/' > "$tmp/pt.md"
$bin render -t "$tmp/pt.md" -d "$data" -o "$tmp/pt.pdf" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q 'a table of 16 columns needs' "$tmp/err" && ok ||
    bad orientation "portrait 16 columns: $(head -2 "$tmp/err")"
# totals and averages in exact decimal arithmetic (binary floating point
# printed 12345678901234568.0 for the sum below)
printf -- '---\ntitle: 合计\n---\n\n```table\ntype: static\nheader: 地区 | 数值 | 增速\nrows:\n  - 甲 | 12345678901234567 | -1.25\n  - 乙 | 1 | 0.5\n  - 丙 | 1 | 2\n  - 丁 | 0.1 | 1\n  - 戊 | 0.2 | 0\ntotal: sum\n```\n\n```table\ntype: static\nheader: 地区 | 数值\nrows:\n  - 甲 | -1.25\n  - 乙 | 0.5\n  - 丙 | 2\ntotal: average\n```\n' > "$tmp/total.md"
if $bin render -t "$tmp/total.md" -d "$data" -o "$tmp/total.pdf" 2> "$tmp/err"; then
	pdftotext -q "$tmp/total.pdf" - | tr -d ' ' > "$tmp/total.txt"
	grep -qx '12345678901234569.3' "$tmp/total.txt" && ok ||
	    bad total "the sum is not 12345678901234569.3: $(grep -A3 合计 "$tmp/total.txt" | tr '\n' ' ')"
	grep -qx '0.417' "$tmp/total.txt" && ok || bad total "the average of -1.25, 0.5, 2 is not 0.417"
else
	bad total "render failed: $(head -2 "$tmp/err")"
fi
# the 16-column table is on a landscape page of its own
$bin render -t "$tmp/c16r6-briefing.md" -d "$data" --dump=boxes > "$tmp/c16.boxes" 2>&1
grep -q '^page 2 landscape$' "$tmp/c16.boxes" && ok || bad c16 "not on a landscape page 2"
# a 3,000-row table: 60 pages or so, every number there (speed: bench/)
case_ c6r3000 0 briefing static 6 3000
echo "table-suite: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
