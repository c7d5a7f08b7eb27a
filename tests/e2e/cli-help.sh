#!/bin/sh
# cli-help.sh -- the command line as a Unix user expects it (issue 15):
#   - `reportgen help [CMD]`, `CMD --help` and `CMD -h` for every command:
#     exit 0, the command's usage on standard output, nothing on standard error;
#   - unknown commands and options get a did-you-mean and point at CMD --help;
#   - long options take their value after '=' as well;
#   - --version is the Makefile's version, and the PDF's producer says the same;
#   - every option a command's help lists is one the command accepts, and one
#     man/reportgen.1 documents;
#   - build: --quiet prints nothing on success, --verbose one line per job,
#     and on a terminal one progress line redrawn in place.
. "$(dirname "$0")/../lib.sh"
case $bin in /*) ;; *) bin=$top/$bin ;; esac
check() { if eval "$2"; then ok; else bad "$1" "$3"; fi; }
data=input/songxian-2024.yaml

for c in render watch build check convert help; do
	for form in "help $c" "$c --help" "$c -h"; do
		# shellcheck disable=SC2086
		"$bin" $form > "$tmp/out" 2> "$tmp/err"
		st=$?
		check "reportgen $form exits 0" '[ $st -eq 0 ]' "exit $st: $(head -2 "$tmp/err")"
		check "reportgen $form prints $c's usage" \
			'head -1 "$tmp/out" | grep -q "^usage: reportgen $c "' "$(head -1 "$tmp/out")"
		check "reportgen $form writes nothing to stderr" '[ ! -s "$tmp/err" ]' "$(head -2 "$tmp/err")"
	done
done
for form in "help" "--help" "-h"; do
	"$bin" $form > "$tmp/out" 2> "$tmp/err"
	check "reportgen $form" '[ $? -eq 0 ] && grep -q "^  watch " "$tmp/out" && [ ! -s "$tmp/err" ]'
done

# expect_err STATUS PATTERN CMD...: exit status and a standard error matching PATTERN
expect_err() {
	want=$1 pattern=$2
	shift 2
	"$@" > "$tmp/out" 2> "$tmp/err"
	got=$?
	check "$* exits $want" '[ $got -eq $want ]' "exit $got: $(head -2 "$tmp/err")"
	check "$* says /$pattern/" 'grep -qE -- "$pattern" "$tmp/err"' "$(head -2 "$tmp/err")"
}
expect_err 2 "unknown command 'rendr'; did you mean 'render'\\?" "$bin" rendr
expect_err 2 "unknown command 'wacth'; did you mean 'watch'\\?" "$bin" wacth
expect_err 2 "unknown command 'rendr'; did you mean 'render'\\?" "$bin" help rendr
expect_err 2 "unknown option '--verison'; did you mean '--version'\\?" "$bin" --verison
expect_err 2 "unknown option '--them' for render; did you mean '--theme'\\?" \
	"$bin" render --them gongwen -t templates/briefing.md -d $data -o "$tmp/x.pdf"
expect_err 2 "^\\(see reportgen render --help\\)$" "$bin" render --them gongwen
expect_err 2 "unknown option '--pdf' for watch; did you mean '--pdfa'\\?" "$bin" watch --pdf
expect_err 2 "unknown option '--check-typeseting' for render; did you mean '--check-typesetting'\\?" \
	"$bin" render --check-typeseting
expect_err 2 "unknown option '--depfile' for build; did you mean '--depfiles'\\?" "$bin" build m.yaml --depfile
expect_err 2 "unknown option '--quite' for build; did you mean '--quiet'\\?" "$bin" build m.yaml --quite
expect_err 2 "unknown option '--xyzzy' for render \\[usage\\]$" "$bin" render --xyzzy
expect_err 2 "unknown option '-x' for check \\[usage\\]$" "$bin" check -x $data
expect_err 2 "option --pdfa takes no value" "$bin" render --pdfa=yes
expect_err 2 "option --theme needs an argument" "$bin" render -t templates/briefing.md --theme
expect_err 2 "unexpected argument 'extra.yaml' for render" "$bin" render extra.yaml

# --opt=value and -oVALUE mean what --opt value and -o VALUE mean
"$bin" render -t templates/briefing.md -d $data --theme gongwen --dump boxes > "$tmp/a.txt" 2>&1
"$bin" render -ttemplates/briefing.md -d$data --theme=gongwen --dump=boxes > "$tmp/b.txt" 2>&1
check "--theme=gongwen is --theme gongwen" 'grep -q "^page" "$tmp/a.txt" && cmp -s "$tmp/a.txt" "$tmp/b.txt"' \
	"$(head -2 "$tmp/b.txt")"
# "--" ends the options: what follows is an operand, even with a dash
expect_err 2 "unexpected argument '--pdfa' for render" "$bin" render -- --pdfa

# one version, the Makefile's, in --version and in the PDF
want=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory version)
got=$("$bin" --version)
check "--version is the Makefile's ($want)" '[ "$got" = "reportgen $want" ]' "$got"
"$bin" render -t templates/tour.md -d $data -o "$tmp/v.pdf" 2> /dev/null
prod=$(pdfinfo "$tmp/v.pdf" 2> /dev/null | sed -n 's/^Producer: *//p')
check "the PDF's producer is reportgen $want" '[ "$prod" = "reportgen $want" ]' "$prod"

# every option in a command's help is accepted, and in the man page
for c in render watch build; do
	"$bin" $c --help | grep -oE '^  (-[a-zA-Z]|--[a-z-]+)(, --[a-z-]+)?' |
		tr ',' '\n' | tr -d ' ' | sort -u > "$tmp/opts"
	check "$c --help lists options" '[ "$(wc -l < "$tmp/opts")" -ge 4 ]'
	while read -r o; do
		"$bin" $c "$o" x > "$tmp/out" 2> "$tmp/err"
		check "$c accepts $o" '! grep -q "unknown option" "$tmp/err"' "$(head -1 "$tmp/err")"
		name=${o#-}; name=${name#-}
		check "man/reportgen.1 documents $c $o" 'grep -qE "^\\.(It|Op)( .*)? Fl -?$name( |$)" man/reportgen.1'
		check "the bash completion knows $c $o" 'grep -qE -- "(\"| |	)$o(=| |\"|$)" tools/reportgen.bash-completion'
	done < "$tmp/opts"
done

# build: quiet, verbose, and the progress line on a terminal
mkdir -p "$tmp/m"
cat > "$tmp/m/m.yaml" <<EOF
jobs:
  - {template: $top/templates/tour.md, data: $top/$data, output: one.pdf}
  - {template: $top/templates/tour.md, data: $top/$data, output: two.pdf}
EOF
"$bin" build -q "$tmp/m/m.yaml" > "$tmp/out" 2> "$tmp/err"
check "build -q exits 0" '[ $? -eq 0 ] && [ -s "$tmp/m/two.pdf" ]' "$(head -2 "$tmp/err")"
check "build -q prints nothing" '[ ! -s "$tmp/err" ] && [ ! -s "$tmp/out" ]' "$(head -2 "$tmp/err")"
"$bin" build "$tmp/m/m.yaml" 2> "$tmp/err"
check "build without a terminal: one line per job" \
	'[ "$(grep -c "^\[[12]/2\] ok  *.*\.pdf (" "$tmp/err")" -eq 2 ] && grep -q "2 of 2 documents written" "$tmp/err"' \
	"$(cat "$tmp/err")"
"$bin" build --verbose "$tmp/m/m.yaml" 2> "$tmp/err"
check "build --verbose: load times and one line per job" \
	'grep -q "fonts of .* loaded in" "$tmp/err" && [ "$(grep -c "^\[[12]/2\] ok" "$tmp/err")" -eq 2 ]' "$(cat "$tmp/err")"
# a failing job under --quiet: its messages and the summary (it always
# prints when a job failed), no progress lines
printf '# 标题\n\n{{ toursts }}\n' > "$tmp/m/bad.md"
printf 'jobs:\n  - {template: bad.md, data: %s, output: bad.pdf}\n' "$top/$data" > "$tmp/m/bad.yaml"
"$bin" build --quiet "$tmp/m/bad.yaml" 2> "$tmp/err"
check "build -q with a failing job exits 2" '[ $? -eq 2 ]'
check "build -q prints the failing job's messages and the summary" \
	'grep -q "unknown placeholder .toursts." "$tmp/err" && grep -q "0 of 1 document written, 1 failed" "$tmp/err" &&
	! grep -qE "^\[" "$tmp/err"' "$(cat "$tmp/err")"
# on a terminal (script(1) gives one): the line is redrawn with \r, holds
# done/total and ETA, and no line per job is printed
if command -v script > /dev/null 2>&1; then
	(cd "$tmp/m" && COLUMNS=80 script -qec "'$bin' build m.yaml" /dev/null) > "$tmp/tty" 2>&1
	check "build on a terminal draws a progress line" \
		'grep -q "$(printf "\\r")" "$tmp/tty" && grep -q "\[1/2\] ETA" "$tmp/tty" && ! grep -q "\] ok " "$tmp/tty"' \
		"$(od -c "$tmp/tty" | head -5)"
	check "build on a terminal still prints the summary" 'grep -q "2 of 2 documents written" "$tmp/tty"'
fi

echo "cli-help: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
