#!/bin/sh
# check-bad.sh -- the bad-input catalogue: for every tests/bad/NN-name.expected,
# `reportgen check` on the input NN-name.EXT must exit with status 2 and print
# exactly the lines of NN-name.expected on standard error.  An input too big
# to keep in the repository is made by the shell script NN-name.EXT.gen (from
# its standard output) as build/bad/NN-name.EXT and removed afterwards.
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
bin=${REPORTGEN:-build/reportgen}
out=build/bad
if [ ! -x "$bin" ]; then
	echo "check-bad.sh: $bin is missing (run make build)"
	echo "0 passed, 1 failed"
	exit 1
fi
mkdir -p "$out" || exit 1
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 10"
pass=0
fail=0
for exp in tests/bad/*.expected; do
	base=${exp%.expected}
	name=${base##*/}
	input=""
	made=""
	for f in "$base".*; do
		case $f in
		*.expected | *.csvmap) ;;
		*.gen) made=$out/${f##*/}; made=${made%.gen}; sh "$f" > "$made"; input=$made ;;
		*) input=$f ;;
		esac
	done
	if [ -z "$input" ]; then
		echo "FAIL $name: no input beside $exp"
		fail=$((fail + 1))
		continue
	fi
	$limit "$bin" check "$input" > /dev/null 2> "$out/$name.stderr"
	status=$?
	[ -n "$made" ] && rm -f "$made"
	if [ "$status" -ne 2 ]; then
		echo "FAIL $name: exit status $status, expected 2"
		sed 's/^/    /' "$out/$name.stderr"
		fail=$((fail + 1))
	elif ! cmp -s "$exp" "$out/$name.stderr"; then
		echo "FAIL $name: standard error differs (- expected, + got)"
		diff "$exp" "$out/$name.stderr" | sed -n 's/^[<>]/    &/p' | sed 's/^    </    -/; s/^    >/    +/'
		fail=$((fail + 1))
	else
		echo "ok   $name"
		pass=$((pass + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
