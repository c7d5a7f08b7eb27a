#!/bin/sh
# unseen-cli.sh -- the command line, batch builds and watch with inputs the
# other scripts do not try; each case failed on the code before its fix:
#   - a manifest's job may not write a file another job reads (its data, its
#     template), the manifest itself, or an input under another name (a hard
#     link): before, the build destroyed the input or the manifest, exit 0;
#   - with --depfiles, out/x.pdf and out/x both wrote out/x.d: refused;
#   - output '-' in a manifest was standard output next to one manifest and a
#     file named '-' next to another: refused;
#   - -j and --shard take digits only (' 2' and '+1/2' were taken);
#   - a dependency file reads back in make as the files it names: a
#     backslash not before a space stays one backslash, and a name make
#     cannot read ('50%.pdf', 'a;b.yaml', a newline) is refused before
#     anything is written;
#   - watch goes on seeing saves after the directory of an input is removed
#     and made again (before, it saw nothing more, silently), and sees a
#     save of the file a symbolic link names;
#   - -o naming a font file of the configuration is refused (it was
#     overwritten); data: [] is a manifest error; a killed build leaves no
#     worker writing.
. "$(dirname "$0")/../lib.sh"
case $bin in /*) ;; *) bin=$top/$bin ;; esac
check() { if eval "$2"; then ok; else bad "$1" "$3"; fi; }
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make "$@"; }
export SOURCE_DATE_EPOCH=1700000000

m=$tmp/m
mkdir -p "$m/in" "$m/tpl"
cp input/songxian-2024.yaml input/yichuan-2024.xml "$m/in/"
cp templates/briefing.md "$m/tpl/"
cd "$m" || exit 1
sum_in() { cat in/* tpl/* | cksum; }
before=$(sum_in)

# ---- files a job writes and files a job reads ---------------------------
# a job's output is another job's data: refused, nothing rendered, data kept
cat > cross.yaml <<'EOF'
jobs:
  - template: tpl/briefing.md
    data: in/songxian-2024.yaml
    output: in/yichuan-2024.xml
  - template: tpl/briefing.md
    data: in/yichuan-2024.xml
    output: out/b.pdf
EOF
$bin build cross.yaml > /dev/null 2> err; st=$?
check "output = another job's data: exit 2" '[ $st -eq 2 ]' "exit $st: $(cat err)"
check "output = another job's data: at the job, naming both" \
    'grep -q "^cross.yaml:2:5: error: this job.s output .in/yichuan-2024.xml. is an input of the job at line 5 .*\[manifest-invalid\]$" err' "$(cat err)"
check "output = another job's data: the data is kept" '[ "$(sum_in)" = "$before" ]'
check "output = another job's data: nothing rendered" '[ ! -e out ]'
cp "$top/input/songxian-2024.yaml" "$top/input/yichuan-2024.xml" in/    # (the code before)

# the output is the manifest itself (from another working directory)
cat > self.yaml <<'EOF'
jobs:
  - template: tpl/briefing.md
    data: in/songxian-2024.yaml
    output: ./self.yaml
EOF
cp self.yaml self.bak
(cd "$tmp" && $bin build m/self.yaml > /dev/null 2> "$m/err"); st=$?
check "output = the manifest: exit 2, the manifest kept" '[ $st -eq 2 ] && cmp -s self.yaml self.bak' "exit $st"
check "output = the manifest: said so" 'grep -q "^m/self.yaml:2:5: error: this job.s output .m/self.yaml. is the manifest" err' "$(cat err)"

# the output is a hard link to another job's template, under another name
ln tpl/briefing.md hard.pdf
cat > hard.yaml <<'EOF'
jobs:
  - template: tpl/briefing.md
    data: in/songxian-2024.yaml
    output: one.pdf
  - template: tpl/briefing.md
    data: in/songxian-2024.yaml
    output: hard.pdf
EOF
$bin build hard.yaml > /dev/null 2> err; st=$?
check "output = a hard link to the template: exit 2, template kept" '[ $st -eq 2 ] && [ "$(sum_in)" = "$before" ]' "exit $st: $(cat err)"
check "output = a hard link: reported at its job" 'grep -q "^hard.yaml:5:5: error: this job.s output .hard.pdf. is" err' "$(cat err)"
rm -f hard.pdf

# a job's output is the theme file another job names in its variables; a
# theme name (gongwen) is no file, and an output of that name is fine
cp "$top/templates/themes/briefing.yaml" th.yaml
tsum=$(cksum < th.yaml)
printf 'jobs:\n  - {template: tpl/briefing.md, data: in/songxian-2024.yaml, output: t/a.pdf, variables: {theme: th.yaml}}\n  - {template: tpl/briefing.md, data: in/songxian-2024.yaml, output: th.yaml}\n' > theme.yaml
$bin build theme.yaml > /dev/null 2> err; st=$?
check "output = another job's theme file: exit 2, the theme kept" '[ $st -eq 2 ] && [ "$(cksum < th.yaml)" = "$tsum" ] && [ ! -e t ]' "exit $st: $(cat err)"
check "output = another job's theme file: said so" 'grep -q "^theme.yaml:3:5: error: this job.s output .th.yaml. is an input of the job at line 2" err' "$(cat err)"
printf 'jobs:\n  - {template: tpl/briefing.md, data: in/songxian-2024.yaml, output: gongwen, variables: {theme: gongwen}}\n' > tname.yaml
$bin build tname.yaml -q 2> err; st=$?
check "a theme name is no file: an output of that name renders" '[ $st -eq 0 ] && [ -s gongwen ]' "exit $st: $(cat err)"
rm -f gongwen

# --depfiles: out/x.pdf and out/x would both write out/x.d
cat > dep.yaml <<'EOF'
jobs:
  - template: tpl/briefing.md
    data: in/songxian-2024.yaml
    output: out/x.pdf
  - template: tpl/briefing.md
    data: in/yichuan-2024.xml
    output: out/x
EOF
$bin build dep.yaml -q 2> err; st=$?
check "without --depfiles out/x.pdf and out/x are two files" '[ $st -eq 0 ] && [ -s out/x.pdf ] && [ -s out/x ]' "exit $st: $(cat err)"
rm -rf out
$bin build dep.yaml --depfiles 2> err; st=$?
check "--depfiles: two jobs, one dependency file: exit 2" '[ $st -eq 2 ]' "exit $st: $(cat err)"
check "--depfiles: the clash at the later job" 'grep -q "^dep.yaml:5:5: error: this job writes .out/x.d., as does the job at line 2 \[manifest-invalid\]$" err' "$(cat err)"
check "--depfiles: nothing rendered" '[ ! -e out ]'

# output '-' is no file in a manifest, wherever the manifest is
mkdir -p sub
for mf in dash.yaml sub/dash.yaml; do
	printf 'jobs:\n  - {template: %s/tpl/briefing.md, data: %s/in/songxian-2024.yaml, output: "-"}\n' "$m" "$m" > $mf
	$bin build $mf > stdout 2> err; st=$?
	check "output '-' in $mf: exit 2, nothing on stdout" '[ $st -eq 2 ] && [ ! -s stdout ] && [ ! -e sub/- ]' "exit $st, $(wc -c < stdout) bytes"
	check "output '-' in $mf: at its line and column" 'grep -q "^$mf:2:.*: error: output .-. (standard output) is for render" err' "$(cat err)"
done

# data: [] is no data: refused at the list, before any job renders
printf 'jobs:\n  - {template: tpl/briefing.md, data: in/songxian-2024.yaml, output: out/a.pdf}\n  - {template: tpl/briefing.md, data: [], output: out/e.pdf}\n' > empty.yaml
$bin build empty.yaml 2> err; st=$?
check "data: []: exit 2, nothing rendered" '[ $st -eq 2 ] && [ ! -e out ]' "exit $st: $(cat err)"
check "data: []: one message, at the list" '[ "$(wc -l < err)" -eq 1 ] && grep -q "^empty.yaml:3:39: error: data lists no file" err' "$(cat err)"

# -j and --shard: digits only
for arg in "-j ' 2'" "-j +2" "--shard +1/2" "--shard ' 1/2'" "--shard '1/ 2'"; do
	eval "\$bin build dep.yaml --list $arg" > /dev/null 2> err; st=$?
	check "build $arg: a usage error" '[ $st -eq 2 ] && grep -q "\[usage\]$" err' "exit $st: $(cat err)"
done
check "--shard 1/1 lists every job" '[ "$($bin build dep.yaml --list --shard 1/1 | wc -l)" -eq 2 ]'
check "--shard 5/9 of 2 jobs: nothing to do, exit 0" '$bin build dep.yaml --shard 5/9 2> err && grep -q "0 of 0 documents written" err' "$(cat err)"

# ---- the parent of the workers killed: no worker goes on writing ---------
# (before, a worker rendered on after the parent was gone, and wrote its PDF)
{ printf -- '---\nregion: songxian\nperiod: "2024"\ntitle: 长文\n---\n'
  i=0; while [ $i -lt 20000 ]; do
	printf '第%d段：全县共接待游客{{ tourists }}万人次，建成高端民宿，旅游综合收入增长。\n\n' $i
	i=$((i + 1))
  done; } > tpl/long.md
printf 'jobs:\n' > "$m/slow-build.yaml"
for i in 1 2 3 4; do
	printf '  - {template: tpl/long.md, data: in/songxian-2024.yaml, output: slow/%d.pdf}\n' $i >> "$m/slow-build.yaml"
done
$bin build "$m/slow-build.yaml" -j 2 -q 2> err &
bpid=$!
# wait until both workers run (three processes), then kill the parent only
i=0
while [ "$(pgrep -f -c "$m/slow-build.yaml")" -lt 3 ] && [ $i -lt 1000 ]; do sleep 0.01; i=$((i + 1)); done
sleep 0.1
kill -TERM $bpid
wait $bpid 2> /dev/null
sleep 0.3
check "the parent killed: no worker left after 0.3 s" '[ "$(pgrep -f -c "$m/slow-build.yaml")" -eq 0 ]' "$(ps -eo pid,ppid,stat,args | grep "[s]low-build")"
n1=$(find slow -name '*.pdf' 2> /dev/null | wc -l)
sleep 1.5
n2=$(find slow -name '*.pdf' 2> /dev/null | wc -l)
check "the parent killed: no PDF written after it" '[ "$n1" -eq "$n2" ]' "$n1 then $n2"
check "the parent killed: no temporary file" '[ -z "$(find slow -name "*tmp*" 2> /dev/null)" ]'
for p in $(pgrep -f "$m/slow-build.yaml"); do kill "$p"; done

# ---- dependency files read back by make ---------------------------------
# names with a space, '$', '#', ':', wildcards and a backslash: make must see
# exactly these files (a wildcard unquoted matched another file; '\\' for a
# backslash named a file that does not exist, so make always re-rendered)
mkdir -p "$m/mk/in dir" "$m/mk/tpl"
cd "$m/mk" || exit 1
cp "$top/input/songxian-2024.yaml" 'in dir/a $x #1 [v]*.yaml'
: > 'in dir/a $x #1 v.yaml'                  # what [v]* matches
cp "$top/templates/briefing.md" 'tpl/b\r.md'
printf 'all: out\\ \\#2\\:\\ x.pdf\n-include dep.d\nout\\ \\#2\\:\\ x.pdf:\n\t@echo REMAKE\n' > Makefile
$bin render -t 'tpl/b\r.md' -d 'in dir/a $x #1 [v]*.yaml' -o 'out #2: x.pdf' --depfile dep.d 2> err; st=$?
check "render --depfile with odd names: exit 0" '[ $st -eq 0 ] && [ -s dep.d ]' "exit $st: $(cat err)"
check "make: up to date after the render" '! mk 2>&1 | grep -q REMAKE' "$(head -4 dep.d)"
sleep 0.02; touch 'in dir/a $x #1 v.yaml'
check "make: a file the name does not name changes nothing" '! mk 2>&1 | grep -q REMAKE' "$(head -4 dep.d)"
sleep 0.02; touch 'in dir/a $x #1 [v]*.yaml'
check "make: the data file (with wildcards) is a prerequisite" 'mk 2>&1 | grep -q REMAKE' "$(head -4 dep.d)"
check "make: the template (with a backslash) is a prerequisite" \
    'grep -qx "tpl/b.r.md:" dep.d' "$(head -4 dep.d)"
rm 'in dir/a $x #1 [v]*.yaml'
check "make: a deleted input is no error" 'mk > /dev/null 2>&1'
cp "$top/input/songxian-2024.yaml" d.yaml
# names make cannot read: refused, nothing written (exit 2)
for o in '50%.pdf' 'a;b.pdf' 'p=1.pdf' 'x\'; do
	$bin render -t 'tpl/b\r.md' -d d.yaml -o "$o" --depfile x.d 2> err; st=$?
	check "--depfile, output '$o': exit 2, neither file written" '[ $st -eq 2 ] && [ ! -e "$o" ] && [ ! -e x.d ]' "exit $st: $(cat err)"
	check "--depfile, output '$o': said why" 'grep -q "^x.d: error: cannot name .* in a make rule: make cannot read a file name holding .* \[depfile-name\]$" err' "$(cat err)"
	rm -f -- "$o" x.d
done
cp d.yaml 'n=1.yaml'
printf 'jobs:\n  - {template: tpl/briefing.md, data: n=1.yaml, output: out/n.pdf}\n  - {template: tpl/briefing.md, data: d.yaml, output: out/ok.pdf}\n' > mf.yaml
cp "$top/templates/briefing.md" tpl/briefing.md
$bin build mf.yaml --depfiles 2> err; st=$?
check "build --depfiles: the job with '=' fails alone, exit 2" '[ $st -eq 2 ] && [ ! -e out/n.pdf ] && [ ! -e out/n.d ] && [ -s out/ok.pdf ] && [ -s out/ok.d ]' "exit $st: $(cat err)"
cd "$m" || exit 1

# ---- a font file is an input too ------------------------------------------
# (-o naming a font file of the configuration wrote the PDF over the font)
droid=$(find /usr/share/fonts -name DroidSansFallbackFull.ttf | head -1)
if [ -n "$droid" ]; then
	mkdir -p "$tmp/fonts/droid"
	cp "$droid" "$tmp/fonts/droid/"
	{ echo "search $tmp/fonts"; cat "$top/fonts/fonts.conf"; } > "$tmp/fonts/fonts.conf"
	fsum=$(cksum < "$tmp/fonts/droid/DroidSansFallbackFull.ttf")
	$bin render -t briefing -d in/songxian-2024.yaml --fonts "$tmp/fonts/fonts.conf" \
	    -o "$tmp/fonts/droid/DroidSansFallbackFull.ttf" 2> err; st=$?
	check "-o a font file: exit 2, the font kept" '[ $st -eq 2 ] && [ "$(cksum < "$tmp/fonts/droid/DroidSansFallbackFull.ttf")" = "$fsum" ]' "exit $st: $(cat err)"
	check "-o a font file: said so" 'grep -q "DroidSansFallbackFull.ttf: error: the output is an input of the job .*\[output-refused\]$" err' "$(cat err)"
	$bin render -t briefing -d in/songxian-2024.yaml --fonts "$tmp/fonts/fonts.conf" -o f.pdf 2> err
	check "the same configuration renders" '[ -s f.pdf ]' "$(cat err)"
fi

# ---- watch: the directory of an input removed, or moved away, and back ---
w=$tmp/w
mkdir -p "$w/tpl" "$w/data"
printf '# 甲标题\n\n游客{{ tourists }}。\n' > "$w/tpl/t.md"
cp "$top/input/songxian-2024.yaml" "$w/data/d.yaml"
: > "$w/log"
"$bin" watch -t "$w/tpl/t.md" -d "$w/data/d.yaml" -o "$w/out.pdf" 2> "$w/log" &
pid=$!
trap 'kill $pid 2> /dev/null; rm -rf "$tmp"' EXIT
# wait_for TEXT: wait (at most 20 s) until the PDF holds TEXT
wait_for() {
	i=0
	until pdftotext "$w/out.pdf" - 2> /dev/null | tr -d ' \n' | grep -q "$1"; do
		[ $i -ge 2000 ] && return 1
		sleep 0.01
		i=$((i + 1))
	done
}
check "watch: first render" 'wait_for 1315.7' "$(cat "$w/log")"
mv "$w/data/d.yaml" "$w/d.yaml"
rm -r "$w/data"
sleep 0.3
mkdir "$w/data"
sed 's/value: 1315.7/value: 2468.1/' "$w/d.yaml" > "$w/data/d.yaml"
check "watch: a data file in a directory made again is seen" 'wait_for 2468.1' "$(cat "$w/log")"
check "watch: the removal said so, at the directory" \
    'grep -q "data: warning: the directory was removed; watching for it to come back \[watch-unavailable\]$" "$w/log"' "$(cat "$w/log")"
# a later save in it is seen too
sleep 0.3
sed 's/value: 1315.7/value: 3579.2/' "$w/d.yaml" > "$w/data/d.yaml"
check "watch: then a save in it is seen" 'wait_for 3579.2' "$(cat "$w/log")"
# the directory moved away and another put in its place
mv "$w/data" "$w/data.old"
sleep 0.3
mkdir "$w/data"
sed 's/value: 1315.7/value: 4680.3/' "$w/d.yaml" > "$w/data/d.yaml"
check "watch: a directory moved away and replaced is watched again" 'wait_for 4680.3' "$(cat "$w/log")"
sleep 0.3
sed 's/value: 1315.7/value: 5791.4/' "$w/d.yaml" > "$w/data.old/d.yaml"
sleep 0.5
check "watch: the moved-away directory is not watched" '! pdftotext "$w/out.pdf" - | tr -d " \n" | grep -q 5791.4' "$(cat "$w/log")"
printf '# 乙标题\n\n游客{{ tourists }}。\n' > "$w/tpl/t.md"
check "watch: the template is still watched" 'wait_for 乙标题' "$(cat "$w/log")"
check "watch: still running" 'kill -0 $pid'
kill $pid

# a data file that is a symbolic link: a save of the file it names is seen
mkdir -p "$w/shared" "$w/links"
cp "$top/input/songxian-2024.yaml" "$w/shared/d.yaml"
ln -s ../shared/d.yaml "$w/links/d.yaml"
: > "$w/log"
"$bin" watch -t "$w/tpl/t.md" -d "$w/links/d.yaml" -o "$w/out.pdf" 2> "$w/log" &
pid=$!
check "watch a link: first render" 'wait_for 1315.7' "$(cat "$w/log")"
sed -i 's/value: 1315.7/value: 6802.5/' "$w/shared/d.yaml"
check "watch a link: a save of the file it names is seen" 'wait_for 6802.5' "$(cat "$w/log")"
kill $pid

echo "unseen-cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
