#!/bin/sh
# diagnostics.sh -- the one catalogue of messages (issue 14, docs/diagnostics.md):
#   - generator/base/diagcat.h and docs/diagnostics.md list the same ids
#     with the same severities, and the code uses every id;
#   - every message of the bad-input catalogue, of failures, warnings and
#     usage errors reads "file:line:col: SEVERITY: message [id]", with an id
#     of the catalogue and the severity the catalogue gives it;
#   - a value a message quotes is cut to 80 characters ("…");
#   - the exit status follows the worst severity: a warning alone 0, a
#     failure alone 1 (and no "error:"), an error 2, errors and failures
#     together 2; "error:" never appears in a run that exits 0 or 1.
. "$(dirname "$0")/../lib.sh"
cat=generator/base/diagcat.h
doc=docs/diagnostics.md

# ---- the catalogue and its documentation ----------------------------------
sed -n 's/.*X(RG_M_[A-Z_0-9]*, RG_\([A-Z]*\), "\([a-z0-9-]*\)").*/\2 \1/p' "$cat" |
	tr 'A-Z' 'a-z' | sort > "$tmp/cat"
awk '/^## The catalogue/ { on = 1 } on && /^\| `/ { print }' "$doc" |
	sed 's/^| `\([a-z0-9-]*\)` | \([a-z]*\) |.*/\1 \2/' | sort > "$tmp/doc"
[ -s "$tmp/cat" ] && [ "$(wc -l < "$tmp/cat")" -gt 50 ] && ok || bad catalogue "no entries read from $cat"
if cmp -s "$tmp/cat" "$tmp/doc"; then ok; else
	bad docs "diagcat.h (<) and docs/diagnostics.md (>) differ: $(diff "$tmp/cat" "$tmp/doc" | grep '^[<>]' | tr '\n' ' ')"
fi
[ "$(cut -d' ' -f1 "$tmp/cat" | uniq -d)" = "" ] && ok || bad catalogue "an id twice"
for e in $(sed -n 's/.*X(\(RG_M_[A-Z_0-9]*\),.*/\1/p' "$cat"); do
	grep -rqw "$e" generator --include=*.c || bad unused "$e is used nowhere in generator/"
done
ok

# ---- the form of every message ---------------------------------------------
# each line: [place: ]SEVERITY: text [id], the id's severity as the catalogue says;
# "(see reportgen ... --help)" after a usage error
check_form() {   # name file
	while IFS= read -r line; do
		case $line in "(see reportgen"*) continue ;; esac
		id=$(printf '%s\n' "$line" | sed -n 's/.* \[\([a-z0-9-]*\)\]$/\1/p')
		sev=$(printf '%s\n' "$line" | sed -n 's/^\([^ ]*: \)\{0,1\}\(note\|warning\|failure\|error\): .*/\2/p')
		want=$(awk -v id="$id" '$1 == id { print $2 }' "$tmp/cat")
		if [ -z "$id" ] || [ -z "$sev" ]; then
			bad "$1" "not of the form 'place: SEVERITY: message [id]': $line"; return
		elif [ "$want" != "$sev" ]; then
			bad "$1" "[$id] printed as $sev, the catalogue says '${want:-no such id}': $line"; return
		fi
	done < "$2"
	ok
}
n=0
for f in tests/bad/*.yaml tests/bad/*.xml tests/bad/*.csv; do
	[ -f "$f" ] || continue
	$bin check "$f" > /dev/null 2> "$tmp/e"
	check_form "${f##*/}" "$tmp/e"
	n=$((n + 1))
done
[ "$n" -gt 20 ] && ok || bad bad-inputs "only $n bad inputs found"

# ---- a quoted value is cut to 80 characters -------------------------------------
# (a key or name of 500 characters in data, a template, its front matter, a
# manifest and a theme: no message repeats more than 80 of them)
long=$(printf '%0500d' 0 | tr 0 x)
printf -- '---\ntitle: t\n---\n\n{{ %s }}\n' "$long" > "$tmp/l1.md"
printf -- '---\ntitle: t\n%s: 1\n---\n\n正文。\n' "$long" > "$tmp/l2.md"
printf 'format: reportgen/1\nregions:\n  - {id: a, name: b, %s: 1}\n' "$long" > "$tmp/l.yaml"
printf 'jobs:\n  - {template: t.md, %s: 1}\n' "$long" > "$tmp/lm.yaml"
printf 'body_font: %s\n' "$long" > "$tmp/lt.yaml"
for c in "render -t $tmp/l1.md -d input/songxian-2024.yaml -o $tmp/l.pdf" \
    "render -t $tmp/l2.md -d input/songxian-2024.yaml -o $tmp/l.pdf" \
    "check $tmp/l.yaml" "build $tmp/lm.yaml" \
    "render -t templates/briefing.md --theme $tmp/lt.yaml -d input/songxian-2024.yaml -o $tmp/l.pdf"; do
	# shellcheck disable=SC2086
	$bin $c 2> "$tmp/e" > /dev/null
	if [ -s "$tmp/e" ] && ! grep -q 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' "$tmp/e" &&
	    grep -q "xxx…" "$tmp/e"; then ok; else bad long-value "${c%% -*}: $(cut -c1-160 "$tmp/e" | head -2)"; fi
done

# ---- severities and the exit status ------------------------------------------
tpl=templates/briefing.md
data=input/songxian-2024.yaml
# a warning alone: 0
{ cat "$tpl"; printf '\n<div>raw</div>\n'; } > "$tmp/warn.md"
$bin render -t "$tmp/warn.md" -d "$data" -o "$tmp/w.pdf" 2> "$tmp/e"
st=$?
check_form warning "$tmp/e"
[ $st -eq 0 ] && grep -q ': warning: .*\[markdown-ignored\]$' "$tmp/e" && ! grep -q -E ': (error|failure): ' "$tmp/e" &&
	ok || bad warning "exit $st: $(cat "$tmp/e")"
# a failure alone (a font file that is not installed): 1, no "error:"
printf 'search %s\nrole song nowhere/missing.ttc 0 fonts-missing\n' "$tmp" > "$tmp/fonts.conf"
$bin render -t "$tpl" -d "$data" --fonts "$tmp/fonts.conf" -o "$tmp/f.pdf" 2> "$tmp/e"
st=$?
check_form failure "$tmp/e"
[ $st -eq 1 ] && grep -q ': failure: .*\[font-missing\]$' "$tmp/e" && ! grep -q ': error: ' "$tmp/e" &&
	ok || bad failure "exit $st: $(cat "$tmp/e")"
# an error: 2
$bin render -t "$tpl" -d tests/bad/01-syntax-error.yaml -o "$tmp/e.pdf" 2> "$tmp/e"
st=$?
check_form error "$tmp/e"
[ $st -eq 2 ] && grep -q ': error: .*\[yaml-syntax\]$' "$tmp/e" && ok || bad error "exit $st: $(cat "$tmp/e")"
# a usage error: 2, the id too
$bin render --them x 2> "$tmp/e"
st=$?
check_form usage "$tmp/e"
[ $st -eq 2 ] && grep -q "error: unknown option '--them'.*\[usage\]$" "$tmp/e" && ok || bad usage "exit $st: $(cat "$tmp/e")"
# build: jobs whose PDFs cannot be written (a file size limit: a failure)
# and a job with bad data (an error): each reported, each job alone, the
# run exits 2; the failing jobs alone exit 1 (SIGXFSZ ignored, so that the
# write fails instead of killing the process)
cp "$tpl" "$tmp/t.md"
cp "$data" "$tmp/d.yaml"
cp tests/bad/01-syntax-error.yaml "$tmp/bad.yaml"
cat > "$tmp/both.yaml" <<EOT
jobs:
  - template: t.md
    data: d.yaml
    output: a.pdf
  - template: t.md
    data: bad.yaml
    output: b.pdf
  - template: t.md
    data: d.yaml
    output: c.pdf
EOT
(cd "$tmp" && trap '' XFSZ && ulimit -f 16 && "$top/$bin" build both.yaml -j 1 -q) 2> "$tmp/e"
st=$?
grep -v '^reportgen: [0-9]* of [0-9]* document' "$tmp/e" > "$tmp/e2"
check_form build "$tmp/e2"
[ $st -eq 2 ] && [ "$(grep -c ': failure: .*\[write-failed\]$' "$tmp/e")" -eq 2 ] &&
	grep -q ': error: .*\[yaml-syntax\]$' "$tmp/e" && [ ! -e "$tmp/a.pdf" ] &&
	ok || bad build-mixed "exit $st: $(cat "$tmp/e")"
head -4 "$tmp/both.yaml" > "$tmp/fail.yaml"
(cd "$tmp" && trap '' XFSZ && ulimit -f 16 && "$top/$bin" build fail.yaml -j 2 -q) 2> "$tmp/e"
st=$?
[ $st -eq 1 ] && grep -q ': failure: .*\[write-failed\]$' "$tmp/e" && ! grep -q ': error: ' "$tmp/e" &&
	ok || bad build-failure "exit $st: $(cat "$tmp/e")"

echo "diagnostics: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
