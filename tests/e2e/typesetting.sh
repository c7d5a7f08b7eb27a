#!/bin/sh
# typesetting.sh -- every sample, in both themes, passes the typesetting
# check (reportgen render --check-typesetting: no line starting with a
# no-line-start character or ending with a no-line-end one, no line wider
# than the text block; in gongwen every full line 28 characters wide and
# every full page 22 lines).  A control run shows the check can fail.
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
bin=${REPORTGEN:-build/reportgen}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
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
# which the check must report
sed 's/^widow_control: false/widow_control: true/' templates/themes/gongwen.yaml > "$tmp/control.yaml"
if $bin render -t templates/briefing.md -d input/songxian-mengjin-2024.xml -V region=mengjin \
    -V period=2023 --theme "$tmp/control.yaml" --check-typesetting -o "$tmp/c.pdf" 2> "$tmp/err"; then
	echo "FAIL control: a page short of 22 lines went unreported"
	fail=$((fail + 1))
elif grep -q "holds 21.00 lines, not 22" "$tmp/err"; then
	pass=$((pass + 1))
else
	echo "FAIL control: unexpected message: $(head -3 "$tmp/err")"
	fail=$((fail + 1))
fi
echo "typesetting: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
