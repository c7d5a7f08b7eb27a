#!/bin/sh
# cli.sh -- the command line contract: exit status 0 / 2 (bad input or
# usage) / 1 (other failures), file:line:col messages naming the offending
# value, and no output file (nor a damaged one) after a failed render.
. "$(dirname "$0")/../lib.sh"
case $bin in /*) ;; *) bin=$top/$bin ;; esac
data=input/songxian-2024.yaml

# expect STATUS PATTERN CMD...: run CMD, check its exit status and that
# standard error matches PATTERN (a grep -E expression; "" for none)
expect() {
	want=$1 pattern=$2
	shift 2
	"$@" > "$tmp/out" 2> "$tmp/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "FAIL: $* exited $got, expected $want: $(head -3 "$tmp/err")"
		fail=$((fail + 1))
	elif [ -n "$pattern" ] && ! grep -qE "$pattern" "$tmp/err"; then
		echo "FAIL: $*: stderr lacks /$pattern/: $(head -3 "$tmp/err")"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

expect 0 "" "$bin" --help
expect 0 "" "$bin" --version
grep -q "^reportgen [0-9]" "$tmp/out" && pass=$((pass + 1)) || { echo "FAIL: --version"; fail=$((fail + 1)); }
expect 2 "no command given" "$bin"
expect 2 "unknown command 'rendr'" "$bin" rendr
expect 2 "render needs -t TEMPLATE" "$bin" render -d "$data"
expect 2 "unknown option '--bogus'" "$bin" render --bogus
expect 2 "option -t needs an argument" "$bin" render -t
expect 2 "unknown --dump stage 'page'" "$bin" render -t templates/briefing.md -d "$data" --dump=page

# bad template: the position of the placeholder and the offending name
printf '# 标题\n\n游客{{ toursts }}人次\n' > "$tmp/bad.md"
expect 2 "^$tmp/bad.md:3:3: error: unknown placeholder 'toursts'.*did you mean 'tourists'" \
	"$bin" render -t "$tmp/bad.md" -d "$data" -o "$tmp/bad.pdf"
[ ! -e "$tmp/bad.pdf" ] && pass=$((pass + 1)) || { echo "FAIL: output written after an error"; fail=$((fail + 1)); }

# an existing output is left untouched by a failed render
echo "previous" > "$tmp/keep.pdf"
expect 2 "" "$bin" render -t "$tmp/bad.md" -d "$data" -o "$tmp/keep.pdf"
[ "$(cat "$tmp/keep.pdf")" = "previous" ] && pass=$((pass + 1)) || { echo "FAIL: existing output damaged"; fail=$((fail + 1)); }
ls "$tmp" | grep -q tmp && { echo "FAIL: temporary file left behind"; fail=$((fail + 1)); } || pass=$((pass + 1))

# missing data file, unknown data format
expect 2 "input/nope.yaml" "$bin" render -t templates/briefing.md -d input/nope.yaml -o "$tmp/x.pdf"

# a character no font has (U+20000) is an error naming it, unless allowed
printf '前\360\240\200\200后\n' > "$tmp/ext.md"
expect 2 "^$tmp/ext.md:1:2: error: character '.*' \\(U\\+20000\\) is in no configured font" \
	"$bin" render -t "$tmp/ext.md" -d "$data" -o "$tmp/ext.pdf"
expect 0 "warning: character .* \\(U\\+20000\\)" \
	"$bin" render -t "$tmp/ext.md" -d "$data" -o "$tmp/ext.pdf" --allow-missing-glyphs

# a missing font file names the file, the directories and the package: exit 1
printf 'search %s\nrole song nowhere/missing.ttc 0 fonts-missing-package\n' "$tmp" > "$tmp/fonts.conf"
expect 1 "$tmp/fonts.conf:2:11: failure: font file 'nowhere/missing.ttc' for role song not found in $tmp .*apt-get install fonts-missing-package" \
	"$bin" render -t templates/briefing.md -d "$data" -o "$tmp/f.pdf" --fonts "$tmp/fonts.conf"

# an unwritable output directory is a failure, not bad input
expect 1 "cannot create output file" "$bin" render -t templates/briefing.md -d "$data" -o "$tmp/no/such/dir/x.pdf"

# a success writes a readable file
expect 0 "" "$bin" render -t templates/briefing.md -d "$data" -o "$tmp/ok.pdf"
[ -s "$tmp/ok.pdf" ] && [ -r "$tmp/ok.pdf" ] && pass=$((pass + 1)) || { echo "FAIL: no output"; fail=$((fail + 1)); }

# -o -: the PDF on standard output, the same bytes as -o FILE, nothing else
# there (the warning of a character left out goes to standard error), and
# no file named '-'; never to a terminal, nor with --depfile,
# --dump or watch; a failed write is a failure
printf '# 标题\n\n前\340\270\201后\n' > "$tmp/thai.md"
(cd "$tmp" && SOURCE_DATE_EPOCH=1 "$bin" render -t "$top/templates/briefing.md" -d "$top/$data" -o - > "$tmp/stdout.pdf" 2> "$tmp/err") &&
	SOURCE_DATE_EPOCH=1 "$bin" render -t templates/briefing.md -d "$data" -o "$tmp/file.pdf" &&
	cmp -s "$tmp/stdout.pdf" "$tmp/file.pdf" && [ ! -e "$tmp/-" ] && [ ! -s "$tmp/err" ] &&
	ok || { echo "FAIL: -o - is not the PDF of -o FILE (or wrote a file '-')"; fail=$((fail + 1)); }
expect 0 "warning: character .* \\(U\\+0E01\\)" "$bin" render -t "$tmp/thai.md" -d "$data" -o - \
	--allow-missing-glyphs
head -c 5 "$tmp/out" | grep -q '^%PDF-' && qpdf --check "$tmp/out" > /dev/null 2>&1 &&
	ok || { echo "FAIL: -o - with a warning: standard output is no PDF alone"; fail=$((fail + 1)); }
if command -v script > /dev/null 2>&1; then
	script -qec "$bin render -t templates/briefing.md -d $data -o -" /dev/null > "$tmp/tty" 2>&1
	st=$?
	[ "$st" -eq 2 ] && grep -q "^-: error: the output is a terminal.*\[output-refused\]" "$tmp/tty" &&
		! grep -aq '%PDF' "$tmp/tty" &&
		ok || { echo "FAIL: -o - on a terminal: exit $st, $(head -c 200 "$tmp/tty")"; fail=$((fail + 1)); }
fi
expect 2 "depfile needs -o OUT.pdf, a file" "$bin" render -t templates/briefing.md -d "$data" -o - --depfile "$tmp/x.d"
expect 2 "dump prints to standard output" "$bin" render -t templates/briefing.md -d "$data" -o - --dump data
expect 2 "watch rewrites a file" timeout 20 "$bin" watch -t templates/briefing.md -d "$data" -o -
expect 1 "^-: failure: cannot write the PDF to standard output.*\[write-failed\]" \
	sh -c "'$bin' render -t templates/briefing.md -d '$data' -o - > /dev/full"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
