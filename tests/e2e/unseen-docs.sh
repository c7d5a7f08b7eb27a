#!/bin/sh
# unseen-docs.sh -- documents and themes of shapes the samples do not have,
# each measured from the PDF: a 公文 with more than nine 附件 (the numbers
# 10. to 12. clear of the names), a theme with a large body and no
# line_pitch (lines do not overlap), a line_pitch smaller than the body
# (an error), a run of headings on a small page (no heading is the last
# line of a page), a title of two lines (balanced, not one character alone).
. "$(dirname "$0")/../lib.sh"

# overlaps PDF: words of one line (pdftotext -bbox-layout) that overlap the
# word before them by more than 0.5 pt, one a line; nothing when none do
overlaps() {
	python3 - "$1" <<'PY'
import sys
sys.path.insert(0, 'tests/tools')
import bbox
for p, page in enumerate(bbox.bbox_layout(sys.argv[1]), 1):
    for _, words in page:
        ws = sorted(words, key=lambda w: w[0][0])
        for a, b in zip(ws, ws[1:]):
            if a[0][2] > b[0][0] + 0.5:
                print('page %d: %s (to %.1f) over %s (from %.1f)' % (p, a[1], a[0][2], b[1], b[0][0]))
PY
}

# 1. a 公文 with twelve 附件: 10., 11. and 12. do not run into the names,
#    and the names start on one column
{ printf -- '---\ntheme: gongwen\ntitle: 关于印发十二个附件的通知\nattachments:\n'
  i=1
  while [ $i -le 12 ]; do printf '  - 第%d个附件的名称\n' $i; i=$((i + 1)); done
  printf -- '---\n\n正文。\n'; } > "$tmp/att.md"
if $bin render -t "$tmp/att.md" -d input/songxian-2024.yaml -o "$tmp/att.pdf" 2> "$tmp/err"; then
	overlaps "$tmp/att.pdf" > "$tmp/ov"
	# the x of each name's first character, rounded: one value, 12 names
	cols=$(pdftotext -bbox-layout "$tmp/att.pdf" - | grep '">第</word>' |
	    sed 's/.*xMin="\([0-9]*\)\..*/\1/' | sort | uniq -c | awk '{print $1}')
	if [ -s "$tmp/ov" ]; then
		bad attachments "numbers run into the names: $(head -3 "$tmp/ov")"
	elif [ "$cols" != 12 ]; then
		bad attachments "the 12 names do not start on one column: $(echo $cols)"
	else
		ok
	fi
else
	bad attachments "render failed: $(head -3 "$tmp/err")"
fi

# 2. a theme that sets a large body and no line_pitch: its lines are at
#    least the body's size apart (the default pitch, 21 pt, is not kept
#    under a 24 pt body); a line_pitch below the body size, given or made
#    by a grid, is an error at its value
long=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。
printf -- '---\ntitle: 大字\n---\n\n%s\n' "$long" > "$tmp/big.md"
printf 'body_size: 24\n' > "$tmp/big24.yaml"
if $bin render -t "$tmp/big.md" -d input/songxian-2024.yaml --theme "$tmp/big24.yaml" \
    -o "$tmp/big.pdf" 2> "$tmp/err"; then
	# the pitch of the body's lines: from one line's top to the next's
	pitch=$(python3 tests/tools/bbox.py lines "$tmp/big.pdf" | grep '一二三\|十。' |
	    awk 'NR > 1 { d = $3 - y; if (min == "" || d < min) min = d } { y = $3 }
	         END { print min }')
	if [ -n "$pitch" ] && awk -v p="$pitch" 'BEGIN { exit !(p >= 24) }'; then
		ok
	else
		bad big-body "lines of a 24 pt body ${pitch:-?} pt apart"
	fi
else
	bad big-body "render failed: $(head -3 "$tmp/err")"
fi
for spec in 'line_pitch: 8|1:13|line_pitch 8 pt is less than body_size 12 pt' \
    'body_size: 20\nline_pitch: 18|2:13|line_pitch 18 pt is less than body_size 20 pt' \
    'grid_lines: 80|1:13|grid_lines: 80 lines make a line pitch of'; do
	yaml=${spec%%|*} rest=${spec#*|}
	at=${rest%%|*} want=${rest#*|}
	printf "$yaml\n" > "$tmp/pitch.yaml"
	: > "$tmp/keep.pdf"
	$bin render -t "$tmp/big.md" -d input/songxian-2024.yaml --theme "$tmp/pitch.yaml" \
	    -o "$tmp/keep.pdf" 2> "$tmp/err"
	rc=$?
	if [ $rc = 2 ] && grep -q "pitch.yaml:$at: error: $want.*\[theme-range\]" "$tmp/err" &&
	    [ ! -s "$tmp/keep.pdf" ]; then
		ok
	else
		bad pitch "'$yaml': exit $rc, $(head -2 "$tmp/err")"
	fi
done

# 3. a title one character longer than the measure, and a subtitle too: set
#    as two lines of about the same length between words (they were a full
#    line and two or four characters under it), the text whole and in order
title=洛阳市孟津区二〇二四年国民经济和社会发展统计公报
# (briefing: 20 characters of 22 pt a line, 30 of 15 pt)
subtitle=孟津区统计局与国家统计局孟津调查队联合发布的年度统计公报摘要版本
printf -- '---\ntitle: %s\nsubtitle: %s\n---\n\n正文。\n' "$title" "$subtitle" > "$tmp/title.md"
for theme in briefing; do
	if $bin render -t "$tmp/title.md" -d input/songxian-2024.yaml --theme "$theme" \
	    -o "$tmp/title.pdf" 2> "$tmp/err"; then
		python3 tests/tools/bbox.py lines "$tmp/title.pdf" | awk '$1 == 1 && ++n <= 4' |
		    cut -d' ' -f6 > "$tmp/tl"
		got=$(tr -d '\n' < "$tmp/tl")
		# characters of each line, then the shortest over the longest
		ratio=$(while read -r l; do printf '%s' "$l" | wc -m; done < "$tmp/tl" |
		    awk 'NR <= 2 { t[NR] = $1 } NR > 2 { s[NR] = $1 }
		         END { r1 = (t[1] < t[2] ? t[1] / t[2] : t[2] / t[1]);
		               r2 = (s[3] < s[4] ? s[3] / s[4] : s[4] / s[3]);
		               print (r1 < r2 ? r1 : r2) }')
		if [ "$got" != "$title$subtitle" ]; then
			bad "title ($theme)" "the title block reads '$got'"
		elif ! awk -v r="$ratio" 'BEGIN { exit !(r >= 0.6) }'; then
			bad "title ($theme)" "uneven lines ($ratio): $(tr '\n' '/' < "$tmp/tl")"
		else
			ok
		fi
	else
		bad "title ($theme)" "render failed: $(head -3 "$tmp/err")"
	fi
done

echo "unseen-docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
