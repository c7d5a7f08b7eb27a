#!/bin/sh
# typesetting.sh -- every sample, in both themes, passes the typesetting
# check (reportgen render --check-typesetting: no line starting with a
# no-line-start character or ending with a no-line-end one, no line wider
# than the text block; in gongwen every full line 28 characters wide and
# every full page 22 lines).  A control run shows the check can fail.
. "$(dirname "$0")/../lib.sh"
make -s list-samples > "$tmp/list" || exit 1
while IFS='|' read -r name tpl data vars; do
	dargs=""
	for f in $data; do dargs="$dargs -d $f"; done
	for theme in briefing gongwen; do
		# shellcheck disable=SC2086
		if $bin render -t "$tpl" $dargs $vars --theme $theme --check-typesetting \
		    -o "$tmp/$name-$theme.pdf" 2> "$tmp/err"; then
			pass=$((pass + 1))
		else
			echo "FAIL $name ($theme):"
			head -20 "$tmp/err"
			fail=$((fail + 1))
		fi
	done
done < "$tmp/list"

# control: the gongwen grid with widow control on leaves short full pages,
# which the check must report: one-line paragraphs and then one of four
# lines, whose last line falls on the next page for one of the counts
sed 's/^widow_control: false/widow_control: true/' templates/themes/gongwen.yaml > "$tmp/control.yaml"
long=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。
n=12 reported=0 other=""
while [ $n -le 24 ]; do
	{ printf -- '---\ntitle: 控制\n---\n\n'; i=0
	  while [ $i -lt $n ]; do printf '第%d段。\n\n' $i; i=$((i + 1)); done
	  printf '%s\n\n后文。\n' "$long"; } > "$tmp/c.md"
	if ! $bin render -t "$tmp/c.md" -d input/songxian-2024.yaml --theme "$tmp/control.yaml" \
	    --check-typesetting -o "$tmp/c.pdf" 2> "$tmp/err"; then
		if grep -q "holds 21.00 lines, not 22" "$tmp/err"; then reported=1; else other=$(head -3 "$tmp/err"); fi
	fi
	n=$((n + 1))
done
if [ $reported = 1 ] && [ -z "$other" ]; then
	pass=$((pass + 1))
else
	echo "FAIL control: a page short of 22 lines went unreported ${other:+(unexpected: $other)}"
	fail=$((fail + 1))
fi
# the signature and date of a dateline never stand alone on a page: in
# both themes, the page that holds the tour's signature holds other text
# (running header and page number aside; the two items before the
# dateline go with it: in the tour, a rule and a one-line paragraph)
for theme in briefing gongwen; do
	$bin render -t templates/tour.md -d input/songxian-2024.yaml --theme $theme \
	    --dump=boxes -o "$tmp/tour-$theme.pdf" > "$tmp/tour-$theme.boxes" 2> /dev/null
	others=$(awk -v top=90 -v bottom=780 '
	/^page / { p = $2 }
	/^  text / {
		split($3, a, "="); y = a[2] + 0
		t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t)
		if (t == "室") sig = p      # 嵩县人民政府办公室, one box a character
		if (y > top && y < bottom) ys[p, sprintf("%.0f", y)] = 1
	}
	END {
		n = 0
		for (k in ys) { split(k, kk, SUBSEP); if (kk[1] == sig) n++ }
		print n - 2    # the signature and the date
	}' "$tmp/tour-$theme.boxes")
	if [ "$others" -ge 1 ]; then
		pass=$((pass + 1))
	else
		echo "FAIL dateline ($theme): the signature's page holds $others other lines"
		fail=$((fail + 1))
	fi
done
echo "typesetting: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
