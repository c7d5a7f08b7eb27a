#!/bin/sh
# table-cells.sh -- every word of a table lies inside its cell, measured in
# the PDF, for the shapes of the table suite (tests/tables/gen.sh) in both
# themes: wide (12 and 16 columns, landscape), narrow (2 columns), long
# (300 rows over pages, 续表), long text cells (40 and 2,000 characters),
# groups, totals, a sorted comparison, split: columns, a floated landscape
# table.  With REPORTGEN_CELL_FRAMES=1 reportgen strokes every cell's
# rectangle in magenta; tests/tools/bbox.py cells reads those rectangles
# from the page content streams (qpdf --qdf) and the word boxes from
# pdftotext -bbox-layout, and fails on a word that is not inside its cell.
# Without the variable no frame is drawn.
. "$(dirname "$0")/../lib.sh"
gen="sh tests/tables/gen.sh"
data=input/songxian-2024.yaml
# cells NAME THEME GEN-ARGS...
cells() {
	name=$1 theme=$2
	shift 2
	$gen "$@" > "$tmp/$name.md"
	d=$data
	if [ "$1" = compare ]; then
		$gen data "$2" "$3" > "$tmp/$name.yaml"
		d=$tmp/$name.yaml
	fi
	[ "$name" = split24 ] && sed -i 's/^type: static$/type: static\nsplit: columns/' "$tmp/$name.md"
	if ! REPORTGEN_CELL_FRAMES=1 $bin render -t "$tmp/$name.md" -d "$d" --theme "$theme" \
	    -o "$tmp/$name.pdf" > /dev/null 2> "$tmp/$name.err"; then
		bad "$name-$theme" "render failed: $(head -3 "$tmp/$name.err")"
		return
	fi
	if python3 tests/tools/bbox.py cells "$tmp/$name.pdf" > "$tmp/$name.out"; then
		ok
	else
		bad "$name-$theme" "$(head -4 "$tmp/$name.out")"
	fi
}
for theme in briefing gongwen; do
	cells c2r3 "$theme" static 2 3
	cells c6r6 "$theme" total 6 6
	cells c12r40 "$theme" groups 12 40
	cells c16r6 "$theme" static 16 6
	cells c6r300 "$theme" static 6 300
	cells text2000 "$theme" static 3 9 2000
	cells text40 "$theme" static 4 12 40
	cells cmp "$theme" compare 8 5
	cells split24 "$theme" static 24 5
done
# the frames are for tests only
$bin render -t "$tmp/c6r6.md" -d "$data" -o "$tmp/plain.pdf" 2> "$tmp/err" &&
    qpdf --qdf --object-streams=disable "$tmp/plain.pdf" "$tmp/plain.qdf" &&
    ! grep -aq '^1 0 1 RG$' "$tmp/plain.qdf" && ok || bad plain "cell frames without REPORTGEN_CELL_FRAMES"
grep -aq '^1 0 1 RG$' "$tmp/plain.qdf" 2> /dev/null || { qpdf --qdf --object-streams=disable \
    "$tmp/c6r6.pdf" "$tmp/framed.qdf" && grep -aq '^1 0 1 RG$' "$tmp/framed.qdf" && ok ||
    bad framed "no cell frames with REPORTGEN_CELL_FRAMES=1"; }
echo "table-cells: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
