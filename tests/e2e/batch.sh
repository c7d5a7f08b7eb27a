#!/bin/sh
# batch.sh -- `reportgen build` and dependency files (docs/batch.md):
#   - a manifest's jobs (listed and 'each' globs) all render, with -j 1 and -j 2;
#   - --shard K/N renders every N-th job, the slices together make the whole;
#   - a failing job is reported at file:line:col, the others still run, and
#     the exit status says why (2 bad input, 1 other failure);
#   - a job whose process dies (a signal) fails alone, with -j 1 too, and
#     the summary prints;
#   - manifest mistakes are reported before anything renders;
#   - --depfile / --depfiles write make rules naming every input;
#   - the same inputs give byte-identical PDFs whatever -j, the working
#     directory, TMPDIR or the path of the output; no path leaks into the file.
. "$(dirname "$0")/../lib.sh"
case $bin in /*) ;; *) bin=$top/$bin ;; esac
check() { if eval "$2"; then ok; else bad "$1"; fi; }
# make for the test's own Makefile, without the flags of a make that runs
# this script (make -j2 test: its jobserver made the inner make warn)
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make "$@"; }
export SOURCE_DATE_EPOCH=1700000000

mkdir -p "$tmp/m/in" "$tmp/m/tpl"
cp input/songxian-2024.yaml input/yichuan-2024.xml "$tmp/m/in/"
cp templates/briefing.md "$tmp/m/tpl/"
printf '# 标题\n\n游客{{ toursts }}人次\n' > "$tmp/m/tpl/bad.md"
cat > "$tmp/m/ok.yaml" <<'EOF'
# every path is relative to this file
jobs:
  - template: tpl/briefing.md
    data: in/songxian-2024.yaml
    output: out/one.pdf
  - template: tpl/briefing.md
    data: [in/yichuan-2024.xml]
    variables: {title: 伊川县简报}
    output: out/two.pdf
  - template: tpl/briefing.md
    each: in/*.yaml
    output: out/each/{name}.pdf
EOF

# 1. every job renders, in one process, -j 1 and -j 2
"$bin" build "$tmp/m/ok.yaml" > "$tmp/out1" 2> "$tmp/err1"
check "build exits 0: $(tail -3 "$tmp/err1")" '[ $? -eq 0 ]'
for f in one two each/songxian-2024; do
	check "build wrote $f.pdf" '[ -s "$tmp/m/out/$f.pdf" ] && qpdf --check "$tmp/m/out/$f.pdf" >/dev/null 2>&1'
done
check "title from variables" 'pdfinfo "$tmp/m/out/two.pdf" | grep -q "伊川县简报"'
check "one line per job without a terminal" '[ "$(grep -c "^\[[0-9]*/3\] ok" "$tmp/err1")" -eq 3 ]'
check "summary line" 'grep -q "^reportgen: 3 of 3 documents written" "$tmp/err1"'
mkdir -p "$tmp/j1"
cp "$tmp/m/out/one.pdf" "$tmp/m/out/two.pdf" "$tmp/j1/"
rm -rf "$tmp/m/out"
"$bin" build -j 2 "$tmp/m/ok.yaml" 2> "$tmp/err2"
check "build -j 2 exits 0: $(tail -3 "$tmp/err2")" '[ $? -eq 0 ]'
check "-j 2 gives the same bytes as -j 1" 'cmp -s "$tmp/j1/one.pdf" "$tmp/m/out/one.pdf" && cmp -s "$tmp/j1/two.pdf" "$tmp/m/out/two.pdf"'

# 2. shards: each job once, in one slice
"$bin" build "$tmp/m/ok.yaml" --list > "$tmp/all"
"$bin" build "$tmp/m/ok.yaml" --list --shard 1/2 > "$tmp/s1"
"$bin" build "$tmp/m/ok.yaml" --list --shard 2/2 > "$tmp/s2"
check "--list names 3 outputs" '[ "$(wc -l < "$tmp/all")" -eq 3 ]'
check "shards 1/2 + 2/2 = all" '[ "$(cat "$tmp/s1" "$tmp/s2" | sort)" = "$(sort "$tmp/all")" ]'
check "shard 1/2 takes jobs 1 and 3" '[ "$(cat "$tmp/s1")" = "$(sed -n "1p;3p" "$tmp/all")" ]'
rm -rf "$tmp/m/out"
"$bin" build "$tmp/m/ok.yaml" --shard 2/2 2> "$tmp/err3"
check "shard 2/2 renders only its job" '[ -s "$tmp/m/out/two.pdf" ] && [ ! -e "$tmp/m/out/one.pdf" ]'
"$bin" build "$tmp/m/ok.yaml" --shard 3/2 2> "$tmp/err"
check "--shard 3/2 is a usage error" '[ $? -eq 2 ] && grep -q "shard needs K/N" "$tmp/err"'

# 3. a failing job: reported, the others still run
cat > "$tmp/m/mixed.yaml" <<'EOF'
jobs:
  - template: tpl/briefing.md
    data: in/songxian-2024.yaml
    output: out/a.pdf
  - template: tpl/bad.md
    data: in/songxian-2024.yaml
    output: out/b.pdf
  - template: tpl/briefing.md
    data: in/nope.yaml
    output: out/c.pdf
  - template: tpl/briefing.md
    data: in/songxian-2024.yaml
    output: out/d.pdf
EOF
for j in 1 2; do
	rm -rf "$tmp/m/out"
	"$bin" build -j $j "$tmp/m/mixed.yaml" 2> "$tmp/errm"
	st=$?
	check "-j $j: bad input exits 2 (got $st)" '[ $st -eq 2 ]'
	check "-j $j: good jobs still written" '[ -s "$tmp/m/out/a.pdf" ] && [ -s "$tmp/m/out/d.pdf" ]'
	check "-j $j: no output for the failed jobs" '[ ! -e "$tmp/m/out/b.pdf" ] && [ ! -e "$tmp/m/out/c.pdf" ]'
	check "-j $j: the template error at file:line:col" 'grep -q "tpl/bad.md:3:3: error: unknown placeholder" "$tmp/errm"'
	check "-j $j: the failing job at manifest line:col" 'grep -q "mixed.yaml:5:5: note: the job writing .*out/b.pdf failed" "$tmp/errm"'
	check "-j $j: summary counts failures" 'grep -q "2 of 4 documents written, 2 failed" "$tmp/errm"'
done
# a failure that is not bad input: exit 1
printf 'jobs:\n  - {template: tpl/briefing.md, data: in/songxian-2024.yaml, output: /proc/no/x.pdf}\n' > "$tmp/m/io.yaml"
"$bin" build "$tmp/m/io.yaml" 2> "$tmp/err"
check "an unwritable output exits 1" '[ $? -eq 1 ]'

# 4. manifest mistakes: reported at file:line:col, nothing renders
printf 'jobs:\n  - template: tpl/briefing.md\n    data: in/songxian-2024.yaml\n    outptu: out/x.pdf\n' > "$tmp/m/typo.yaml"
"$bin" build "$tmp/m/typo.yaml" 2> "$tmp/err"
check "unknown key: exit 2, did you mean" '[ $? -eq 2 ] && grep -q "typo.yaml:4:5: error: unknown key .outptu. in a job (did you mean .output.?)" "$tmp/err"'
printf 'jobs:\n  - {template: tpl/briefing.md, data: in/songxian-2024.yaml, output: out/x.pdf}\n  - {template: tpl/briefing.md, data: in/yichuan-2024.xml, output: out/x.pdf}\n' > "$tmp/m/dup.yaml"
"$bin" build "$tmp/m/dup.yaml" 2> "$tmp/err"
check "two jobs, one output: exit 2" '[ $? -eq 2 ] && grep -q "dup.yaml:3:5: error: this job writes .*out/x.pdf., as does the job at line 2" "$tmp/err"'
printf 'jobs:\n  - {template: tpl/briefing.md, each: "in/*.yaml", output: out/same.pdf}\n' > "$tmp/m/each.yaml"
"$bin" build "$tmp/m/each.yaml" 2> "$tmp/err"
check "each without {name}: exit 2" '[ $? -eq 2 ] && grep -q "must hold {name}" "$tmp/err"'
printf 'a: &x [1]\njobs: *x\n' > "$tmp/m/alias.yaml"
"$bin" build "$tmp/m/alias.yaml" 2> "$tmp/err"
check "aliases refused" '[ $? -eq 2 ] && grep -q "anchors and aliases are not allowed" "$tmp/err"'
check "nothing rendered after manifest errors" '[ ! -e "$tmp/m/out/x.pdf" ] && [ ! -e "$tmp/m/out/same.pdf" ]'

# 5. dependency files
"$bin" render -t templates/briefing.md -d input/songxian-2024.yaml -o "$tmp/dep.pdf" --depfile "$tmp/dep.d"
check "render --depfile" '[ -s "$tmp/dep.d" ]'
for dep in "$tmp/dep.pdf:" templates/briefing.md input/songxian-2024.yaml fonts/fonts.conf themes/briefing.yaml NotoSerifCJK-Regular.ttc; do
	check "depfile names $dep" 'grep -q "$dep" "$tmp/dep.d"'
done
check "depfile has a rule for each prerequisite" 'grep -q "^templates/briefing.md:$" "$tmp/dep.d"'
rm -rf "$tmp/m/out"
"$bin" build "$tmp/m/ok.yaml" --depfiles 2> /dev/null
check "build --depfiles: OUT.d beside each output" '[ -s "$tmp/m/out/one.d" ] && [ -s "$tmp/m/out/each/songxian-2024.d" ]'
check "build depfile names the data" 'grep -q "in/songxian-2024.yaml" "$tmp/m/out/one.d"'
# make re-renders only what changed
cat > "$tmp/m/Makefile" <<EOF
all: out/one.pdf out/two.pdf
out/%.pdf:
	$bin render -t tpl/briefing.md -d \$(DATA_\$*) -o \$@ --depfile out/\$*.d
DATA_one := in/songxian-2024.yaml
DATA_two := in/yichuan-2024.xml
-include out/*.d
EOF
rm -rf "$tmp/m/out"; mkdir -p "$tmp/m/out"
mk -s -C "$tmp/m" > /dev/null 2>&1
check "make builds both" '[ -s "$tmp/m/out/one.pdf" ] && [ -s "$tmp/m/out/two.pdf" ]'
mk -s -C "$tmp/m" -n > "$tmp/mk0" 2>&1
check "make: nothing to do when nothing changed" '[ ! -s "$tmp/mk0" ]'
sleep 1
touch "$tmp/m/in/yichuan-2024.xml"
mk -s -C "$tmp/m" -n > "$tmp/mk1" 2>&1
check "make: a changed data file re-renders its output only" 'grep -q "out/two.pdf" "$tmp/mk1" && ! grep -q "out/one.pdf" "$tmp/mk1"'
touch "$tmp/m/tpl/briefing.md"
mk -s -C "$tmp/m" -n > "$tmp/mk2" 2>&1
check "make: a changed template re-renders both" 'grep -q "out/one.pdf" "$tmp/mk2" && grep -q "out/two.pdf" "$tmp/mk2"'

# 5b. a job that kills its process (SIGXFSZ: its PDF passes the file size
# limit) fails alone with -j 1 as with -j 2: the other job is written, the
# dead one reported with its signal, the summary printed even under -q
mkdir -p "$tmp/x"
printf -- '---\ntitle: 短\n---\n\n一。\n' > "$tmp/x/small.md"
cat > "$tmp/x/kill.yaml" <<EOT
jobs:
  - template: $top/templates/briefing.md
    data: $top/input/songxian-2024.yaml
    output: big.pdf
  - template: small.md
    data: $top/input/songxian-2024.yaml
    output: small.pdf
EOT
for j in 1 2; do
	rm -f "$tmp/x/"*.pdf
	(cd "$tmp/x" && ulimit -f 64 && "$bin" build kill.yaml -j $j -q) 2> "$tmp/x/err"
	st=$?
	check "-j $j: a job killed by a signal: exit 1 (got $st: $(cat "$tmp/x/err"))" '[ $st -eq 1 ]'
	check "-j $j: the other job written, not the killed one" '[ -s "$tmp/x/small.pdf" ] && [ ! -e "$tmp/x/big.pdf" ]'
	check "-j $j: the killed job reported with its signal" \
	    'grep -q "kill.yaml:2:5: failure: the worker rendering big.pdf died (signal 25) \[worker-failed\]$" "$tmp/x/err"'
	check "-j $j: the summary printed (-q, a job failed)" 'grep -q "1 of 2 documents written, 1 failed" "$tmp/x/err"'
done

# 6. reproducible: other directory, other TMPDIR, other output path, -j
mkdir -p "$tmp/a" "$tmp/b/deeper" "$tmp/ta" "$tmp/tb"
(cd "$tmp/a" && TMPDIR="$tmp/ta" "$bin" render -t "$top/templates/briefing.md" \
	-d "$top/input/songxian-2024.yaml" -o r.pdf)
(cd "$tmp/b/deeper" && TMPDIR="$tmp/tb" "$bin" render -t ../../m/tpl/briefing.md \
	-d ../../m/in/songxian-2024.yaml -o ../other-name.pdf)
check "two directories, two TMPDIRs: identical bytes" 'cmp -s "$tmp/a/r.pdf" "$tmp/b/other-name.pdf"'
check "render and build give identical bytes" 'cmp -s "$tmp/a/r.pdf" "$tmp/j1/one.pdf"'
qpdf --qdf --object-streams=disable "$tmp/a/r.pdf" "$tmp/a/r.qdf" 2>/dev/null
check "no path in the file" '! grep -a -q -e "$tmp" -e "$top" -e "reportgen-font" -e "/tmp/" "$tmp/a/r.qdf"'
# the trailer's /ID (libqpdf's, generator/pdf/pack.h) comes from the
# content, not the clock: a run a second later gives the same bytes
sleep 1
(cd "$tmp/a" && "$bin" render -t "$top/templates/briefing.md" \
	-d "$top/input/songxian-2024.yaml" -o r2.pdf)
check "an /ID from the content, not the clock" 'grep -a -q "/ID *\[" "$tmp/a/r.pdf" && cmp -s "$tmp/a/r.pdf" "$tmp/a/r2.pdf"'
check "dates from SOURCE_DATE_EPOCH" 'grep -a -q "D:20231114221320Z" "$tmp/a/r.qdf"'
SOURCE_DATE_EPOCH=1700000001 "$bin" render -t templates/briefing.md -d input/songxian-2024.yaml -o "$tmp/c.pdf"
check "another SOURCE_DATE_EPOCH, another date" '! cmp -s "$tmp/a/r.pdf" "$tmp/c.pdf"'

echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
