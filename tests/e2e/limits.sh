#!/bin/sh
# limits.sh -- the limits of docs/reliability.md: pathological inputs end
# within a stated time and memory bound (timeout, ulimit -v), either
# rendered or with a clear error (exit 2), never killed by the kernel, a
# signal or an out-of-memory; and a run killed with SIGKILL while it
# renders leaves no output file and no temporary file behind.
#   REPORTGEN  the binary (default build/reportgen)
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml

# Bounds: seconds and KiB of virtual memory.  Under AddressSanitizer (make
# check-asan) the time bounds are tripled and the memory bound is left to
# ASan, whose shadow memory takes terabytes of address space.
slow=1
vmem=2097152
if grep -q __asan_init "$bin" 2>/dev/null; then slow=3; vmem=unlimited; fi

# run NAME SECONDS STATUS PATTERN ARGS...: reportgen ARGS within the bounds;
# it must exit with STATUS and its standard error match PATTERN
run() {
	name=$1 secs=$(($2 * slow)) want=$3 pattern=$4
	shift 4
	start=$(date +%s)
	(ulimit -v "$vmem"; exec timeout "$secs" "$bin" "$@") > /dev/null 2> "$tmp/err"
	got=$?
	took=$(($(date +%s) - start))
	if [ "$got" -ne "$want" ]; then
		bad "$name" "exit $got (expected $want; 124 is the timeout of $secs s) after $took s: $(head -c 300 "$tmp/err")"
	elif [ -n "$pattern" ] && ! grep -qE "$pattern" "$tmp/err"; then
		bad "$name" "standard error lacks /$pattern/: $(head -c 300 "$tmp/err")"
	else
		echo "ok   $name ($took s)"
		ok
	fi
}

# a 1 MB paragraph with no break opportunity: one Latin "word"
awk 'BEGIN { s = "a"; while (length(s) < 1000000) s = s s; print substr(s, 1, 1000000) }' > "$tmp/word.md"
run "1 MB paragraph, no break" 30 0 "" render -t "$tmp/word.md" -d $data -o "$tmp/word.pdf"
qpdf --check "$tmp/word.pdf" > /dev/null 2>&1 && ok || bad "1 MB paragraph" "qpdf --check"

# a table of 10,000 rows (the table directive, static)
awk 'BEGIN { print "# 表\n\n```table\ntype: static\nheader: 序号 | 地区 | 数值 | 说明\nrows:"
	for (i = 1; i <= 10000; i++) printf "  - %d | 第%d区 | %d.5 | 说明文字\n", i, i, i
	print "```" }' > "$tmp/rows.md"
run "table of 10,000 rows" 60 0 "" render -t "$tmp/rows.md" -d $data -o "$tmp/rows.pdf"
qpdf --check "$tmp/rows.pdf" > /dev/null 2>&1 && ok || bad "table of 10,000 rows" "qpdf --check"
# and one of 20,001 (and its header): over the limit
awk 'BEGIN { print "```table\ntype: static\nheader: a | b\nrows:"
	for (i = 1; i <= 20001; i++) printf "  - %d | x\n", i; print "```" }' > "$tmp/rows2.md"
run "table over the row limit" 60 2 "table of 20002 rows: the limit is 20000 rows" \
	render -t "$tmp/rows2.md" -d $data -o "$tmp/rows2.pdf"

# a comparison table of 50 regions x 200 indicators over 100,000
# observations (each cell was a scan of all of them: 25 s)
awk 'BEGIN { print "format: reportgen/1\nmeta: {region: r0, period: \"2024\"}\nregions:"
	for (r = 0; r < 100; r++) printf "  - {id: r%d, name: R%d}\n", r, r
	print "indicators:"
	for (i = 0; i < 1000; i++) printf "  - {id: i%d, name: N%d, unit: u}\n", i, i
	print "observations:"
	for (r = 0; r < 100; r++) for (i = 0; i < 1000; i++)
		printf "  - {indicator: i%d, region: r%d, value: %d}\n", i, r, i }' > "$tmp/grid.yaml"
awk 'BEGIN { printf "```table\nrows: indicators\ncolumns: regions\nregions: [r0"
	for (r = 1; r < 10; r++) printf ", r%d", r
	printf "]\nindicators: [i0"; for (i = 1; i < 1000; i++) printf ", i%d", i; print "]\n```" }' > "$tmp/grid.md"
run "table of 10,000 cells over 100,000 observations" 10 0 "" \
	render -t "$tmp/grid.md" -d "$tmp/grid.yaml" -o "$tmp/grid.pdf"

# a chart of 20,000 periods (looking each up collected every period of
# the data first: hours); a table directive listing 30,000 regions
awk 'BEGIN { print "format: reportgen/1\nmeta: {region: r, period: \"1\"}\nregions: [{id: r, name: R}]"
	print "indicators: [{id: g, name: G, unit: u}]\nobservations:"
	for (p = 0; p < 20000; p++) printf "  - {indicator: g, period: \"%d\", value: %d}\n", p, p }' > "$tmp/chart.yaml"
awk 'BEGIN { printf "```chart\ntype: line\nindicators: [g]\nx: periods\nperiods: [\"0\""
	for (p = 1; p < 20000; p++) printf ", \"%d\"", p; print "]\n```" }' > "$tmp/chart.md"
run "chart of 20,000 periods" 10 0 "" render -t "$tmp/chart.md" -d "$tmp/chart.yaml" -o "$tmp/chart.pdf"
awk 'BEGIN { printf "```table\nindicators: [tourists]\nregions: [songxian"
	for (i = 1; i < 30000; i++) printf ", songxian"; print "]\n```" }' > "$tmp/regions.md"
run "table directive of 30,000 regions" 10 2 "regions lists 30000 values: the limit is 20000" \
	render -t "$tmp/regions.md" -d $data -o "$tmp/regions.pdf"

# 1,000 nested lists, 1,000 nested block quotes: an error at the 13th level
awk 'BEGIN { for (i = 0; i < 1000; i++) { for (k = 0; k < i; k++) printf "  "; print "- 项" } }' > "$tmp/lists.md"
run "1,000 nested lists" 10 2 "lists.md:13:25: error: lists and block quotes nested deeper than 12 levels" \
	render -t "$tmp/lists.md" -d $data -o "$tmp/lists.pdf"
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "> "; print "深" }' > "$tmp/quotes.md"
run "1,000 nested quotes" 10 2 "quotes.md:1:25: error: lists and block quotes nested deeper than 12 levels" \
	render -t "$tmp/quotes.md" -d $data -o "$tmp/quotes.pdf"
# 200,000 of them, and emphasis 100,000 deep: these overflowed the stack
awk 'BEGIN { s = "> "; while (length(s) < 400000) s = s s; print substr(s, 1, 400000) "x" }' > "$tmp/deep.md"
run "200,000 nested quotes" 10 2 "nested deeper than 12 levels" render -t "$tmp/deep.md" -d $data -o "$tmp/deep.pdf"
awk 'BEGIN { s = "*"; while (length(s) < 200000) s = s s; s = substr(s, 1, 200000); print s "a" s }' > "$tmp/emph.md"
run "emphasis 100,000 deep" 10 2 "emphasis, links and images nested deeper than 32 levels" \
	render -t "$tmp/emph.md" -d $data -o "$tmp/emph.pdf"

# a document of more than 250,000 elements; one of more than 5,000 pages
awk 'BEGIN { for (i = 0; i < 300000; i++) print "- " }' > "$tmp/items.md"
run "300,000 list items" 60 2 "the document grows past 250000 elements" \
	render -t "$tmp/items.md" -d $data -o "$tmp/items.pdf"
awk 'BEGIN { for (i = 0; i < 200000; i++) print "- " }' > "$tmp/pages.md"
run "6,250 pages" 60 2 "the document runs to 6250 pages: the limit is 5000" \
	render -t "$tmp/pages.md" -d $data -o "$tmp/pages.pdf"
# a narrative of 5.5 MB (one paragraph of 1.8 million characters): three
# times is 16.5 MB of text, under the 16 MiB limit, and renders (4,524
# pages); four times is over it
{ printf 'format: reportgen/1\nmeta: {region: r, period: "2024"}\nregions: [{id: r, name: R}]\n'
  printf 'narratives:\n  - id: big\n    text: "'
  LC_ALL=C awk 'BEGIN { s = "字"; while (length(s) < 5499999) s = s s; printf "%s", substr(s, 1, 5499999) }'
  printf '"\n'; } > "$tmp/big.yaml"
printf '{{ text.big }}\n\n{{ text.big }}\n\n{{ text.big }}\n' > "$tmp/big3.md"
run "16.5 MB of text" 60 0 "" render -t "$tmp/big3.md" -d "$tmp/big.yaml" -o "$tmp/big3.pdf"
qpdf --check "$tmp/big3.pdf" > /dev/null 2>&1 && ok || bad "16.5 MB of text" "qpdf --check"
rm -f "$tmp/big3.pdf"
printf '{{ text.big }}\n\n{{ text.big }}\n\n{{ text.big }}\n\n{{ text.big }}\n' > "$tmp/big.md"
run "text over 16 MiB" 60 2 "the document's text grows past 16777216 bytes" \
	render -t "$tmp/big.md" -d "$tmp/big.yaml" -o "$tmp/big.pdf"

# the title and the marking are set on every page: over 1,000 bytes, an
# error (a 300 KB title took 3 GB, and ran out of memory); a long heading (the PDF outline), URL
# and author (document information) are clipped or dropped in the PDF,
# which libharu would refuse over 65,535 bytes
LC_ALL=C awk 'BEGIN { s = "汉"; while (length(s) < 30000) s = s s; printf "---\ntitle: %s\n---\n\n正文\n", substr(s, 1, 30000) }' > "$tmp/title.md"
run "title of 10,000 characters" 10 2 "the document's title is [0-9]+ bytes long: the limit is 1000" \
	render -t "$tmp/title.md" -d $data -o "$tmp/title.pdf"
LC_ALL=C awk 'BEGIN { s = "汉"; while (length(s) < 30000) s = s s; printf "---\nmarking: %s\n---\n\n正文\n", substr(s, 1, 30000) }' > "$tmp/mark.md"
run "marking of 10,000 characters" 10 2 "the marking is [0-9]+ bytes long: the limit is 1000" \
	render -t "$tmp/mark.md" -d $data -o "$tmp/mark.pdf"
awk 'BEGIN { s = "b"; while (length(s) < 70000) s = s s; s = substr(s, 1, 70000)
	printf "---\nauthor: %s\n---\n\n# %s\n\n[链接](http://example.org/%s)\n", s, s, s }' > "$tmp/long.md"
run "70 KB heading, URL and author" 30 0 "" render -t "$tmp/long.md" -d $data -o "$tmp/long.pdf"
qpdf --check "$tmp/long.pdf" > /dev/null 2>&1 && ok || bad "70 KB heading, URL and author" "qpdf --check"

# a theme file is input too: a font size of 0 made libharu refuse the PDF
printf 'body_size: 0\n' > "$tmp/theme.yaml"
run "theme with body_size 0" 10 2 "body_size must be more than 0 and at most 500 pt" \
	render -t templates/tour.md -d $data --theme "$tmp/theme.yaml" -o "$tmp/theme.pdf"

# killed: SIGKILL at moments spread over a whole render (the 1 MB
# paragraph, written to its own directory, fonts subset in its own TMPDIR)
# leaves no temporary file, and no output unless complete (a kill after
# the rename)
mkdir -p "$tmp/kill/out" "$tmp/kill/tmp"
# the fastest of three renders: a slow first one (cold caches, a busy
# machine) would put the late kills after the end of every later run
ms=0
for i in 1 2 3; do
	t0=$(date +%s%N)
	TMPDIR=$tmp/kill/tmp "$bin" render -t "$tmp/word.md" -d $data -o "$tmp/kill/full.pdf" 2> /dev/null
	t=$((($(date +%s%N) - t0) / 1000000))
	{ [ "$ms" -eq 0 ] || [ "$t" -lt "$ms" ]; } && ms=$t
done
rm -f "$tmp/kill/full.pdf"
killed=0
for pct in 5 15 25 35 45 52 58 64 70 74 78 82 85 88 90 92 94 96 97 98 99; do
	delay=$(awk -v ms="$ms" -v p="$pct" 'BEGIN { printf "%.3f", ms * p / 100000 }')
	TMPDIR=$tmp/kill/tmp timeout -s KILL "$delay" "$bin" render -t "$tmp/word.md" -d $data \
		-o "$tmp/kill/out/word.pdf" 2> /dev/null
	st=$?
	if [ "$st" -eq 137 ]; then
		killed=$((killed + 1))
		# killed after the rename, the output is there: complete
		if [ -e "$tmp/kill/out/word.pdf" ] && qpdf --check "$tmp/kill/out/word.pdf" > /dev/null 2>&1; then
			rm -f "$tmp/kill/out/word.pdf"
		fi
		left=$(ls -A "$tmp/kill/out" "$tmp/kill/tmp" | grep -v ':$' | grep -v '^$')
		if [ -n "$left" ]; then
			bad "killed at $pct% ($delay s)" "left behind: $left"
		else
			ok
		fi
	fi
	rm -f "$tmp/kill/out"/* "$tmp/kill/tmp"/*
done
[ "$killed" -ge 10 ] && ok || bad "killed runs" "only $killed of 21 runs were killed (a render took $ms ms)"
echo "limits: killed $killed runs of a $ms ms render"

echo "limits: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
