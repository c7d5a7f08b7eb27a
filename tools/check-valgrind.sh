#!/bin/sh
# check-valgrind.sh -- render every sample of samples.mk in both themes
# (and once as PDF/A, and a batch manifest of them; and check every data
# file of input/) under valgrind: any memory error or leak fails.
#   REPORTGEN  the binary (default build/reportgen)
#   VALGRIND   the valgrind command line (default: see below)
# Prints one line per run and "N passed, N failed".
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
bin=${REPORTGEN:-build/reportgen}
vg=${VALGRIND:-valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
run() {
	name=$1
	shift
	# shellcheck disable=SC2086
	if $vg "$@" > /dev/null 2> "$tmp/err" && ! grep -q '^==[0-9]*==' "$tmp/err"; then
		echo "ok   $name"
		pass=$((pass + 1))
	else
		echo "FAIL $name"
		sed 's/^/    /' "$tmp/err" | head -60
		fail=$((fail + 1))
	fi
}
make -s list-samples > "$tmp/list" || exit 1
while IFS='|' read -r name tpl data vars; do
	dargs=""
	for f in $data; do dargs="$dargs -d $f"; done
	# shellcheck disable=SC2086
	run "$name" "$bin" render -t "$tpl" $dargs $vars -o "$tmp/$name.pdf"
	# shellcheck disable=SC2086
	run "$name (gongwen)" "$bin" render -t "$tpl" $dargs $vars --theme gongwen -o "$tmp/$name-g.pdf"
done < "$tmp/list"
run "tour (PDF/A)" "$bin" render -t templates/tour.md -d input/songxian-2024.yaml --pdfa \
    -o "$tmp/tour-a.pdf"
printf 'jobs:\n  - template: %s/templates/briefing.md\n    each: "%s/input/*-2024.yaml"\n    output: "%s/{name}.pdf"\n' \
    "$top" "$top" "$tmp" > "$tmp/manifest.yaml"
run "build (manifest, -j 1)" "$bin" build "$tmp/manifest.yaml" -j 1
# workers write their results down a pipe: every byte of it initialised
run "build (manifest, -j 2)" "$bin" build "$tmp/manifest.yaml" -j 2
run "check input/" "$bin" check input/*.yaml input/*.xml
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
