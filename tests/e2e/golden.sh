#!/bin/sh
# golden.sh -- the layout of every sample (reportgen render --dump=boxes:
# every box with its position) equals the reviewed dump in
# tests/golden/NAME.boxes.  After a deliberate change, `make regen` rewrites
# them; review the diff (and the PDFs, as pictures) before committing.
. "$(dirname "$0")/../lib.sh"
regen=${REGEN:-0}
make -s list-samples > "$tmp/list" || exit 1
while IFS='|' read -r name tpl data vars; do
	dargs=""
	for f in $data; do dargs="$dargs -d $f"; done
	# shellcheck disable=SC2086
	if ! $bin render -t "$tpl" $dargs $vars --dump=boxes > "$tmp/$name.boxes" 2> "$tmp/err"; then
		echo "FAIL $name: $(head -3 "$tmp/err")"
		fail=$((fail + 1))
		continue
	fi
	golden=tests/golden/$name.boxes
	if [ "$regen" = 1 ]; then
		cp "$tmp/$name.boxes" "$golden"
		pass=$((pass + 1))
	elif cmp -s "$tmp/$name.boxes" "$golden"; then
		pass=$((pass + 1))
	else
		echo "FAIL $name: layout differs from $golden (make regen rewrites it):"
		diff "$golden" "$tmp/$name.boxes" | head -10
		fail=$((fail + 1))
	fi
done < "$tmp/list"
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
