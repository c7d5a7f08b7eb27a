#!/bin/sh
# replay.sh -- inputs that once crashed a fuzz target (fuzz/, docs/reliability.md),
# replayed through the command line as the target ran them:
#   template-*.md   rendered with all the data of input/ and
#                   --allow-missing-glyphs: exit 0 with a PDF that passes
#                   qpdf --check, or exit 2 (bad input) with a message;
#                   never exit 1 (a failure of ours) or a signal
#   yaml-*, xml-*   `reportgen check`: exit 0 or 2, never 1 or a signal
#   fonts-*.conf    a font configuration (fuzz_config), used to render the
#                   tour: exit 0, or 1 or 2 with a message (a font file
#                   that is not there is exit 1), never a signal or a
#                   sanitizer's report (a leak, under check-asan)
# Under a sanitizer build, a report on standard error fails an input
# whatever its exit status (a leak on an error path keeps the exit 1).
#   REPORTGEN  the binary (default build/reportgen)
. "$(dirname "$0")/../lib.sh"
dir=tests/fuzz-regressions
limit=""
command -v timeout > /dev/null 2>&1 && limit="timeout 60"
data=""
for f in input/*.yaml input/*.xml; do data="$data -d $f"; done
for f in "$dir"/*; do
	name=${f##*/}
	case $name in
	template-*)
		# shellcheck disable=SC2086
		$limit "$bin" render -t "$f" $data --allow-missing-glyphs -o "$tmp/out.pdf" \
			> /dev/null 2> "$tmp/err"
		rc=$? ;;
	fonts-*.conf)
		$limit "$bin" render --fonts "$f" -t templates/tour.md -d input/songxian-2024.yaml \
			-o "$tmp/out.pdf" > /dev/null 2> "$tmp/err"
		rc=$?
		# a font file that is not there is a failure (1) with its message
		[ "$rc" -eq 1 ] && grep -q ': failure: .*\[font-missing\]$' "$tmp/err" && rc=2 ;;
	yaml-* | xml-*)
		ext=${name%%-*}
		cp "$f" "$tmp/in.$ext"
		$limit "$bin" check "$tmp/in.$ext" > /dev/null 2> "$tmp/err"
		rc=$? ;;
	*) continue ;;
	esac
	if grep -q -E 'ERROR: (Leak|Address)Sanitizer|runtime error:' "$tmp/err"; then
		# a sanitizer's report (check-asan), whatever the exit status
		echo "FAIL $name: $(grep -E 'ERROR: |runtime error:|SUMMARY' "$tmp/err" | head -3)"
		fail=$((fail + 1))
	elif [ "$rc" -eq 2 ] && grep -q -E ': (error|failure): ' "$tmp/err"; then
		pass=$((pass + 1))
	elif [ "$rc" -eq 0 ] && { [ ! -e "$tmp/out.pdf" ] || qpdf --check "$tmp/out.pdf" > /dev/null 2>&1; }; then
		pass=$((pass + 1))
	else
		echo "FAIL $name: exit $rc: $(grep -v warning "$tmp/err" | head -3)"
		fail=$((fail + 1))
	fi
	rm -f "$tmp/out.pdf"
done
echo "fuzz-regressions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
