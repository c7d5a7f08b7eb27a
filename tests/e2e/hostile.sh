#!/bin/sh
# hostile.sh -- hostile themes and outputs (issue 14), each case shown
# failing on the code before its fix:
#   - a theme path (in front matter or --theme) naming a file that is not a
#     theme is refused without a word of the file in the messages, and a
#     theme path is never made of the data's values (a placeholder);
#   - theme values libharu or a page cannot take are theme errors at their
#     line and column (exit 2), never a crash or a PDF library failure, and
#     random themes end in 0 or 2 within the time limit;
#   - inputs are read only from regular files (a FIFO or /dev/zero is an
#     error at once); an element of 50,000 attributes or a front matter of
#     200,000 keys is refused in well under a second;
#   - a UTF-8 byte-order mark is skipped by every data reader, UTF-16 is
#     refused with a message that says so;
#   - outputs are written only as regular files: a FIFO, a device or a
#     dangling symbolic link is refused, untouched; a symbolic link is
#     written through (the link stays); an output or dependency file that is
#     one of the job's inputs is refused and the input is left as it was;
#     convert does not write over its input; a manifest's jobs may not
#     write one file under two spellings.
. "$(dirname "$0")/../lib.sh"
tpl=templates/briefing.md
data=input/songxian-2024.yaml
cp "$data" "$tmp/d.yaml"
cp "$tpl" "$tmp/t.md"
sum() { cksum < "$1"; }

# ---- themes --------------------------------------------------------------
while IFS='|' read -r kv want; do
	printf '%s\n' "$kv" > "$tmp/th.yaml"
	$bin render -t "$tpl" -d "$data" --theme "$tmp/th.yaml" -o "$tmp/th.pdf" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q "^$tmp/th.yaml:1:[0-9]*: error: $want" "$tmp/err"; then
		ok
	else
		bad theme "'$kv': exit $rc, $(head -2 "$tmp/err")"
	fi
done <<'EOF2'
page_width: 6000|page_width must be from 20 to 5080 mm
page_height: 5081|page_height must be from 20 to 5080 mm
body_size: 700|body_size must be more than 0 and at most 500 pt
heading1_size: 0|heading1_size must be more than 0
line_pitch: 0|line_pitch must be more than 0
margin_left: 3000|margin_left must be at most 2500 mm
grid_chars: 5000|grid_chars must be a whole number from 0 to 1000
EOF2
# random themes of valid-looking values: exit 0 or 2, never a signal, a
# timeout or a PDF library failure (exit 1)
keys="page_width page_height margin_top margin_bottom margin_left margin_right body_size
line_pitch grid_lines grid_chars paragraph_gap indent heading1_size title_size small_size
table_size table_min_size page_number_size page_number_offset"
vals="0.5 1 2 5 28 50 300 599 601 1000 5080 9999"
i=0
odd=""
while [ $i -lt 40 ]; do
	: > "$tmp/r.yaml"
	j=0
	for k in $keys; do
		j=$((j + 1))
		[ $(((i * 7 + j * 13) % 4)) -eq 0 ] || continue
		v=$(echo $vals | tr ' ' '\n' | sed -n "$(((i * 5 + j * 3) % 12 + 1))p")
		echo "$k: $v" >> "$tmp/r.yaml"
	done
	timeout 30 $bin render -t "$tpl" -d "$data" --theme "$tmp/r.yaml" -o "$tmp/r.pdf" \
	    > /dev/null 2> "$tmp/err"
	rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
		odd="$odd
theme $i (exit $rc): $(tr '\n' ' ' < "$tmp/r.yaml") -- $(tail -1 "$tmp/err")"
	fi
	i=$((i + 1))
done
[ -z "$odd" ] && ok || bad "random themes" "$odd"

# ---- a theme path that names another file: refused, its text never shown ----
printf 'root:SECRET-1:0:0:root:/root:/bin/bash\nuser:SECRET-2:1000\n' > "$tmp/secret.yaml"
printf 'theme_key_SECRET-3 secret\n' > "$tmp/secret2.yaml"
cp "$tmp/secret.yaml" "$tmp/secret"
for th in "$tmp/secret.yaml" "$tmp/secret2.yaml" "$tmp/secret"; do
	printf -- '---\ntitle: x\ntheme: %s\n---\n\n正文。\n' "$th" > "$tmp/leak.md"
	for how in front-matter option; do
		if [ "$how" = option ]; then
			$bin render -t "$tmp/leak.md" -d "$data" --theme "$th" -o "$tmp/l.pdf" 2> "$tmp/err"
		else
			$bin render -t "$tmp/leak.md" -d "$data" -o "$tmp/l.pdf" 2> "$tmp/err"
		fi
		rc=$?
		if [ "$rc" -eq 2 ] && ! grep -q SECRET "$tmp/err"; then
			ok
		else
			bad leak "$how $th: exit $rc: $(head -2 "$tmp/err")"
		fi
	done
done

# a theme path made of the data's values ({{ meta.region }}.yaml): refused
# at the front matter, before any file is looked for
printf -- '---\ntitle: x\ntheme: "{{ meta.region }}.yaml"\n---\n\n正文。\n' > "$tmp/phth.md"
$bin render -t "$tmp/phth.md" -d "$data" -o "$tmp/l.pdf" 2> "$tmp/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q "phth.md:3:8: error: theme '{{ meta.region }}.yaml' holds a placeholder" "$tmp/err" &&
	! grep -q 'cannot read theme' "$tmp/err" && ok || bad theme-placeholder "exit $rc: $(head -2 "$tmp/err")"

# ---- outputs ---------------------------------------------------------------
render() { $bin render -t "$tmp/t.md" -d "$tmp/d.yaml" "$@" 2> "$tmp/err"; }
mkfifo "$tmp/fifo"
render -o "$tmp/fifo"
[ $? -eq 2 ] && [ -p "$tmp/fifo" ] && grep -q 'is a FIFO' "$tmp/err" && ok ||
    bad fifo "a FIFO output was not refused: $(ls -l "$tmp/fifo"; cat "$tmp/err")"
if [ "$(id -u)" -eq 0 ] && mknod "$tmp/null" c 1 3 2> /dev/null; then
	render -o "$tmp/null"
	[ $? -eq 2 ] && [ -c "$tmp/null" ] && ok ||
	    bad device "a device output was not refused: $(ls -l "$tmp/null")"
fi
echo old > "$tmp/target.pdf"
ln -s "$tmp/target.pdf" "$tmp/link.pdf"
render -o "$tmp/link.pdf"
[ $? -eq 0 ] && [ -L "$tmp/link.pdf" ] && head -c 5 "$tmp/target.pdf" | grep -q '%PDF-' && ok ||
    bad symlink "not written through the link: $(ls -l "$tmp/link.pdf" "$tmp/target.pdf")"
ln -s "$tmp/nowhere/x.pdf" "$tmp/dangling.pdf"
render -o "$tmp/dangling.pdf"
[ $? -eq 2 ] && [ -L "$tmp/dangling.pdf" ] && ok || bad dangling "a dangling link was not refused"
before=$(sum "$tmp/d.yaml")
render -o "$tmp/d.yaml"
[ $? -eq 2 ] && [ "$(sum "$tmp/d.yaml")" = "$before" ] && grep -q 'is an input of the job' "$tmp/err" &&
    ok || bad input "-o naming the data file: $(head -c 20 "$tmp/d.yaml" | od -c | head -1)"
ln "$tmp/d.yaml" "$tmp/hard.pdf"
render -o "$tmp/hard.pdf"
[ $? -eq 2 ] && [ "$(sum "$tmp/d.yaml")" = "$before" ] && ok || bad hardlink "-o naming the data under another name"
before=$(sum "$tmp/t.md")
render -o "$tmp/x.pdf" --depfile "$tmp/t.md"
[ $? -eq 2 ] && [ "$(sum "$tmp/t.md")" = "$before" ] && ok || bad depfile "--depfile naming the template"
render -o "$tmp/x.pdf" --depfile "$tmp/./x.pdf"
[ $? -eq 2 ] && grep -q 'is the output' "$tmp/err" && ok || bad depfile "--depfile naming the output"
before=$(sum "$tmp/d.yaml")
$bin convert "$tmp/d.yaml" "$tmp/d.yaml" 2> "$tmp/err"
[ $? -eq 2 ] && [ "$(sum "$tmp/d.yaml")" = "$before" ] && ok || bad convert "convert over its input"
mkdir -p "$tmp/out"
cat > "$tmp/m.yaml" <<EOF2
jobs:
  - {template: $tmp/t.md, data: [$tmp/d.yaml], output: $tmp/out/x.pdf}
  - {template: $tmp/t.md, data: [$tmp/d.yaml], output: $tmp/out/./x.pdf}
EOF2
$bin build "$tmp/m.yaml" > /dev/null 2> "$tmp/err"
[ $? -eq 2 ] && grep -q 'as does the job at line' "$tmp/err" && ok ||
    bad manifest "two spellings of one output: $(head -2 "$tmp/err")"
# ---- unbounded time and inputs that are not files ------------------------
# (each with a timeout: before, a FIFO blocked for ever, /dev/zero as the
# font configuration was read for ever, 50,000 attributes took a minute and
# 200,000 front matter keys three)
timed() {    # timed NAME SECONDS COMMAND...: exit 2 within SECONDS
	tname=$1 secs=$2
	shift 2
	timeout "$secs" "$@" > /dev/null 2> "$tmp/err"
	trc=$?
	[ "$trc" -eq 2 ] && ok || bad "$tname" "exit $trc (124: over $secs s): $(head -2 "$tmp/err")"
}
mkfifo "$tmp/in.md" "$tmp/in.yaml" "$tmp/in.conf" "$tmp/inth.yaml"
timed "FIFO template" 10 $bin render -t "$tmp/in.md" -d "$data" -o "$tmp/f.pdf"
timed "FIFO data" 10 $bin render -t "$tpl" -d "$tmp/in.yaml" -o "$tmp/f.pdf"
timed "FIFO theme" 10 $bin render -t "$tpl" -d "$data" --theme "$tmp/inth.yaml" -o "$tmp/f.pdf"
timed "FIFO fonts.conf" 10 $bin render -t "$tpl" -d "$data" --fonts "$tmp/in.conf" -o "$tmp/f.pdf"
timed "FIFO manifest" 10 $bin build "$tmp/in.yaml"
timed "fonts /dev/zero" 10 $bin render -t "$tpl" -d "$data" --fonts /dev/zero -o "$tmp/f.pdf"
awk 'BEGIN { printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reportgen format=\"1\">\n"
	printf "<meta region=\"r\" period=\"2024\"/>\n<regions><region id=\"r\" name=\"R\""
	for (i = 0; i < 50000; i++) printf " a%d=\"%d\"", i, i
	print "/></regions>\n</reportgen>" }' > "$tmp/attrs.xml"
timed "50,000 XML attributes" 10 $bin check "$tmp/attrs.xml"
grep -q 'attrs.xml:4:10: error: an element with more than 1000 attributes' "$tmp/err" && ok ||
    bad attrs "$(head -1 "$tmp/err")"
awk 'BEGIN { print "---"; for (i = 0; i < 200000; i++) printf "k%d: v\n", i; print "---\n\nx" }' \
    > "$tmp/keys.md"
timed "200,000 front matter keys" 10 $bin render -t "$tmp/keys.md" -d "$data" -o "$tmp/f.pdf"
grep -q 'more than 1000 keys' "$tmp/err" && ok || bad keys "$(head -1 "$tmp/err")"
# ---- byte-order marks and UTF-16, the same in every reader ----------------
# (a UTF-8 BOM was refused in YAML data only; UTF-16 XML was read, with
# wrong positions)
printf '\357\273\277' > "$tmp/bom.yaml"
cat "$data" >> "$tmp/bom.yaml"
printf '\357\273\277' > "$tmp/bom.xml"
cat input/yichuan-2024.xml >> "$tmp/bom.xml"
for f in bom.yaml bom.xml; do
	$bin check "$tmp/$f" 2> "$tmp/err" && ok || bad bom "$f refused: $(head -1 "$tmp/err")"
done
for f in "$data" input/yichuan-2024.xml; do
	iconv -f UTF-8 -t UTF-16 "$f" > "$tmp/u16.${f##*.}"
	$bin check "$tmp/u16.${f##*.}" 2> "$tmp/err"
	[ $? -eq 2 ] && grep -q ':1:1: error: the file is UTF-16 or UTF-32' "$tmp/err" && ok ||
	    bad utf16 "$f as UTF-16: $(head -1 "$tmp/err")"
done
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
