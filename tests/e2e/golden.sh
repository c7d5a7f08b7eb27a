#!/bin/sh
# golden.sh -- the layout of every sample (reportgen render --dump=boxes:
# every box with its position) equals the reviewed dump in
# tests/golden/NAME.boxes, and so does that of every table case of
# tests/tables/cases (tests/golden/tables-NAME.boxes).  After a deliberate change, `make regen` rewrites
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
# the table cases of tests/tables/cases, made by tests/tables/gen.sh
grep -v '^#' tests/tables/cases | while IFS='|' read -r name theme args; do
	# shellcheck disable=SC2086
	sh tests/tables/gen.sh $args > "$tmp/t.md"
	d=input/songxian-2024.yaml
	set -- $args
	if [ "$1" = compare ]; then
		sh tests/tables/gen.sh data "$2" "$3" > "$tmp/t.yaml"
		d=$tmp/t.yaml
	fi
	golden=tests/golden/tables-$name.boxes
	if ! $bin render -t "$tmp/t.md" -d "$d" --theme "$theme" --dump=boxes > "$tmp/t.boxes" 2> "$tmp/err"; then
		echo "FAIL tables-$name: $(head -3 "$tmp/err")"
		echo x >> "$tmp/fails"
	elif [ "$regen" = 1 ]; then
		cp "$tmp/t.boxes" "$golden"
	elif ! cmp -s "$tmp/t.boxes" "$golden"; then
		echo "FAIL tables-$name: layout differs from $golden (make regen rewrites it):"
		diff "$golden" "$tmp/t.boxes" | head -10
		echo x >> "$tmp/fails"
	else
		echo x >> "$tmp/passes"
	fi
done
[ -f "$tmp/passes" ] && pass=$((pass + $(wc -l < "$tmp/passes")))
[ -f "$tmp/fails" ] && fail=$((fail + $(wc -l < "$tmp/fails")))
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
