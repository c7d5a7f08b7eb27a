#!/bin/sh
# trace-numbers.sh -- every figure in input/ must be traceable to its seed.
#
# For every data file in input/ (YAML and XML), read the seed named by the
# file's source seed field (meta.source.seed / <source seed="...">), resolved
# as "$(git rev-parse --show-toplevel)/../shared/seeds/NAME", and check each
# observation's fields:
#
#   value, growth, change  numeric: the number must occur in the seed as a
#                          whole number (not as part of a longer number),
#                          with the same precision (205 is not 205.0).  A
#                          negative growth may appear unsigned (下降2.3%).
#                          text (完成市下达目标, ≤2.8, 1-2): the string must
#                          occur in the seed as is (Traditional stays
#                          Traditional); only line breaks are ignored, since
#                          the seeds' table cells are broken across lines.
#   quote                  must occur in the seed once layout debris is
#                          ignored: whitespace and line breaks (newspaper
#                          word splits, flattened table cells), picture
#                          captions set in the middle of a sentence (list
#                          below), `[bookmark: ...]` markers (seed 002), and
#                          in seed 004 the conversion debris: pinyin
#                          annotations after converted characters such as
#                          現(xiàn) and the ten mojibake spans listed below.
#
# Prints one line per failure, then "N passed, N failed"; exits 1 on any
# failure, 2 if there is nothing to check.  POSIX sh + grep/sed/awk/tr only.

LC_ALL=C
export LC_ALL

# The repository top; outside a git work tree (an exported copy), the
# directory two levels above this script.
top=$(git rev-parse --show-toplevel 2>/dev/null) ||
	top=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
seeds="$top/../shared/seeds"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

# Picture captions that the newspaper layout drops into running text
# (seeds 001 and 003).  Whole lines equal to one of these are ignored when
# matching quotes.
cat >"$tmp/captions" <<'EOF'
中原医药科创基地
科技研发
中国石化洛阳石化公司厂区
黄河湿地候鸟成群
特色花卉助农增收
偃师首阳新区万达广场
位于宜阳先进制造业开发区的洛阳欣悦特航空复合材料有限公司生产车间
孟津草莓助农增收
伊川县吕店镇富硒小米种植基地 (本文配图均为资料图片)
新安县洛阳新强联回转支承股份有限公司车间
EOF

# pinyin annotation such as (xiàn), (qū), (lǜ)
py='\((a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z|ā|á|ǎ|à|ē|é|ě|è|ī|í|ǐ|ì|ō|ó|ǒ|ò|ū|ú|ǔ|ù|ǖ|ǘ|ǚ|ǜ|ü)+\)'

pass=0
fail=0
failures="$tmp/failures"
: >"$failures"

# Mojibake left by the Simplified-to-Traditional conversion of seed 004, and
# the text it stands for (from context; see docs/indicators.md).  Applied
# before the pinyin annotations are removed.
cat >"$tmp/repair.sed" <<'EOF'
s|畝??h鄉|畝。縣鄉|g
s|躍升?;A|躍升。基礎|g
s|圖書館”??h級|圖書館”。縣級|g
s|玉成??偟膩碚f|玉成。總的來說|g
s|三?!焙头婪痘饨鹑?/span>風險|三保”和防范化解金融風險|g
s|確?!?、|確保”、|g
s|超車?;A|超車。基礎|g
s|?jié)撃荜懤m(xù)|潛能陸續|g
s|規(guī)?;?jīng)營|規(guī)模化經(jīng)營|g
s|集團??v深|集團。縱深|g
EOF

# normalized_seed SEEDFILE OUT [digits]: one line, debris and whitespace
# removed (see header); with "digits", whitespace between two digits stays
# as one space, so that two table cells do not make one number
normalized_seed() {
	grep -v -x -F -f "$tmp/captions" "$1" |
		sed -e 's/\[bookmark: [^]]*\]//g' -f "$tmp/repair.sed" |
		sed -E "s/$py//g" >"$2.lines"
	if [ "$3" = digits ]; then
		tr '\t\r\n' '   ' <"$2.lines" | tr -s ' ' |
			sed -E 's/([^0-9]) +/\1/g; s/ +([^0-9])/\1/g; s/^ +//' >"$2"
	else
		tr -d ' \t\r\n' <"$2.lines" >"$2"
	fi
	echo >>"$2"
}

# extract_yaml FILE: "key<TAB>line<TAB>text" for observation fields
extract_yaml() {
	awk -v q="'" '
	/^[^ \t#-]/ { sec = $0; sub(/:.*/, "", sec) }
	sec == "observations" && match($0, /^[ \t]*(- )?(value|growth|change|quote):[ \t]*/) {
		key = $0; sub(/^[ \t]*(- )?/, "", key); sub(/:.*/, "", key)
		val = substr($0, RSTART + RLENGTH)
		if (val ~ /^".*"[ \t]*$/) {
			sub(/[ \t]*$/, "", val); val = substr(val, 2, length(val) - 2)
			gsub(/\\"/, "\"", val); gsub(/\\\\/, "\\", val)
		} else if (val ~ ("^" q ".*" q "[ \t]*$")) {
			sub(/[ \t]*$/, "", val); val = substr(val, 2, length(val) - 2)
			gsub(q q, q, val)
		} else {
			sub(/[ \t]+#.*$/, "", val); sub(/[ \t]+$/, "", val)
		}
		printf "%s\t%d\t%s\n", key, NR, val
	}' "$1"
}

# extract_xml FILE: same, from the attributes of <obs> elements
extract_xml() {
	awk -v q="'" '
	/<observations[ \t>]/ { inobs = 1 }
	/<\/observations>/ { inobs = 0 }
	inobs {
		line = $0
		while (match(line, /(^|[ \t])(value|growth|change|quote)="[^"]*"/)) {
			m = substr(line, RSTART, RLENGTH)
			line = substr(line, RSTART + RLENGTH)
			sub(/^[ \t]/, "", m)
			key = m; sub(/=.*/, "", key)
			val = m; sub(/^[a-z]*="/, "", val); sub(/"$/, "", val)
			gsub(/&lt;/, "<", val); gsub(/&gt;/, ">", val)
			gsub(/&quot;/, "\"", val); gsub(/&apos;/, q, val)
			gsub(/&amp;/, "\\&", val)
			printf "%s\t%d\t%s\n", key, NR, val
		}
	}' "$1"
}

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "$1" >>"$failures"; }

# number_in_seed NUMBER SEEDFILE
number_in_seed() {
	esc=$(printf '%s' "$1" | sed 's/\./\\./g')
	grep -E -q "(^|[^0-9.])$esc(\$|[^0-9.]|\\.(\$|[^0-9]))" "$2"
}

nfiles=0
for f in "$top"/input/*.yaml "$top"/input/*.yml "$top"/input/*.xml; do
	[ -f "$f" ] || continue
	nfiles=$((nfiles + 1))
	rel=${f#"$top"/}
	case $f in
	*.xml)
		seed=$(tr '\n' ' ' <"$f" | grep -o '<source[^>]*' | grep -o 'seed="[^"]*"' | head -n 1 |
			sed 's/^seed="//; s/"$//')
		extract_xml "$f" >"$tmp/fields" ;;
	*)
		seed=$(awk -v q="'" '
			/^meta:/ { m = 1; next }
			/^[^ \t#]/ { m = 0 }
			m && /^[ \t]+seed:/ { sub(/^[ \t]+seed:[ \t]*/, ""); gsub(/"/, ""); gsub(q, ""); sub(/[ \t]+$/, ""); print; exit }
		' "$f")
		extract_yaml "$f" >"$tmp/fields" ;;
	esac
	if [ -z "$seed" ]; then
		bad "$rel: no source seed field"
		continue
	fi
	seedfile="$seeds/$seed"
	if [ ! -f "$seedfile" ]; then
		bad "$rel: seed $seed not found in $seeds"
		continue
	fi
	normalized_seed "$seedfile" "$tmp/norm"

	while IFS='	' read -r key line val; do
		where="$rel:$line"
		case $key in
		quote)
			q=$(printf '%s' "$val" | tr -d ' \t\r\n')
			if [ -z "$q" ]; then
				bad "$where: empty quote"
			elif grep -F -q -e "$q" "$tmp/norm"; then
				ok
			else
				bad "$where: quote not found in $seed: $val"
			fi
			continue ;;
		esac
		if [ -z "$val" ]; then
			bad "$where: empty $key"
			continue
		fi
		if printf '%s\n' "$val" | grep -E -q '^-?[0-9]+(\.[0-9]+)?$'; then
			if number_in_seed "$val" "$seedfile"; then
				ok
			elif [ "${val#-}" != "$val" ] && number_in_seed "${val#-}" "$seedfile"; then
				ok
			else
				bad "$where: $key $val not in $seed"
			fi
		else
			case $key in
			growth | change)
				bad "$where: $key is not a number: $val"
				continue ;;
			esac
			t=$(printf '%s' "$val" | tr -d ' \t\r\n')
			if grep -F -q -e "$t" "$tmp/norm"; then
				ok
			else
				bad "$where: $key text \"$val\" not in $seed"
			fi
		fi
	done <"$tmp/fields"
done

if [ "$nfiles" -eq 0 ]; then
	echo "trace-numbers: no data files in $top/input" >&2
	exit 2
fi

# ---- the other way: every number of each seed that input/ does not hold ----
#
# A number of a seed (a run of ASCII digits, with a decimal part) is held
# when it lies inside the quote of an observation (in the normalized text)
# and is that observation's value, growth or change, or a number of its
# value text (1-2, ≤2.8).  Every other number must have a reason: it is a
# date (2024年, 12月, 29日, 2021-2025), an ordinal (第3), the number of a
# table (专栏3) or of a list item (；3、), a code (5A, 5G, PM2.5, S312:
# letters beside it), or it lies in a passage of tests/data/left-out.txt,
# whose lines are
#     SEED<TAB>PASSAGE<TAB>REASON
# (PASSAGE as it stands in the normalized seed: debris removed, whitespace
# too except one space between two digits; START…END stands for the text
# from the first START to the END after it).  A number with no reason is a failure, listed with its
# context; the passages' reasons are counted (docs/data-format.md).
# The observations come from `reportgen convert` (one <obs> a line).
bin=${REPORTGEN:-$top/build/reportgen}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
leftout="$top/tests/data/left-out.txt"

# The reasons of left-out.txt are the ones docs/data-format.md defines: the
# first column of its table under "| reason | what | found |" (a cell may
# name several, "ordinal, table number").  A passage with any other reason
# (a typo, or "todo: ..." for a figure not entered yet) is a failure.
awk '
	/^\| reason \| what \| found \|/ { t = 1; next }
	t && /^\|---/ { next }
	t && !/^\|/ { exit }
	t {
		r = $0; sub(/^\| */, "", r); sub(/ *\|.*/, "", r)
		n = split(r, a, / *, */)
		for (i = 1; i <= n; i++)
			print a[i]
	}' "$top/docs/data-format.md" >"$tmp/reasons"
if [ ! -s "$tmp/reasons" ]; then
	bad "docs/data-format.md: no table of reasons (| reason | what | found |)"
elif [ -f "$leftout" ]; then
	awk -F '\t' -v reasons="$tmp/reasons" '
		BEGIN { while ((getline r < reasons) > 0) ok[r] = 1 }
		/^#/ || /^$/ { next }
		NF != 3 { printf "tests/data/left-out.txt:%d: not SEED<TAB>PASSAGE<TAB>REASON\n", NR; next }
		!($3 in ok) { printf "tests/data/left-out.txt:%d: reason \"%s\" is not one of docs/data-format.md\n", NR, $3 }
	' "$leftout" >"$tmp/badreasons"
	if [ -s "$tmp/badreasons" ]; then
		while IFS= read -r m; do bad "$m"; done <"$tmp/badreasons"
	else
		ok
	fi
fi
if [ ! -x "$bin" ]; then
	bad "the reverse trace needs $bin (make build)"
else
	for f in "$top"/input/*.yaml "$top"/input/*.xml; do
		[ -f "$f" ] || continue
		"$bin" convert "$f" "$tmp/conv.xml" 2>>"$failures" || { bad "${f#"$top"/}: convert failed"; continue; }
		seed=$(grep -o 'seed="[^"]*"' "$tmp/conv.xml" | head -n 1 | sed 's/^seed="//; s/"$//')
		grep '<obs ' "$tmp/conv.xml" | sed "s|^|$seed	|" >>"$tmp/obs"
	done
	for seedfile in "$seeds"/[0-9]*.txt; do
		seed=${seedfile##*/}
		normalized_seed "$seedfile" "$tmp/norm" digits
		grep -F "$seed	" "$tmp/obs" | cut -f 2- >"$tmp/seedobs"
		grep -F "$seed	" "$leftout" 2>/dev/null | cut -f 2- >"$tmp/passages"
		awk -v seed="$seed" -v passages="$tmp/passages" -v obsfile="$tmp/seedobs" '
		function attr(line, name,   v) {
			if (!match(line, " " name "=\"[^\"]*\""))
				return ""
			v = substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4)
			gsub(/&quot;/, "\"", v); gsub(/&lt;/, "<", v); gsub(/&gt;/, ">", v)
			gsub(/&apos;/, "\047", v); gsub(/&amp;/, "\\&", v)
			return v
		}
		# the numbers of a field as " n1 n2 " (signs dropped)
		function nums(s,   out) {
			out = " "
			while (match(s, /[0-9]+(\.[0-9]+)?/)) {
				out = out substr(s, RSTART, RLENGTH) " "
				s = substr(s, RSTART + RLENGTH)
			}
			return out
		}
		# mark the numbers equal to one of want inside T[from, from + len)
		function hold(from, len, want,   i) {
			for (i = 1; i <= n; i++)
				if (start[i] >= from && start[i] + length(num[i]) <= from + len &&
				    index(want, " " num[i] " ") > 0)
					held[i] = 1
		}
		# every occurrence of s in T: call hold, or mark the reason
		function spans(s, want, reason,   off, p, e, head, tail) {
			if ((e = index(s, "…")) > 0) {
				# START…END: from START to the end of the next END
				head = substr(s, 1, e - 1)
				tail = substr(s, e + length("…"))
				if ((p = index(T, head)) == 0 || (e = index(substr(T, p), tail)) == 0)
					return 0
				excuse(p, e - 1 + length(tail), reason)
				return 1
			}
			off = 0
			while ((p = index(substr(T, off + 1), s)) > 0) {
				if (reason == "")
					hold(off + p, length(s), want)
				else
					excuse(off + p, length(s), reason)
				off += p
			}
			return off > 0
		}
		function excuse(from, len, reason,   i) {
			for (i = 1; i <= n; i++)
				if (!held[i] && why[i] == "" && start[i] >= from &&
				    start[i] + length(num[i]) <= from + len)
					why[i] = reason
		}
		NR == 1 {
			T = $0
			n = 0
			s = T
			base = 0
			while (match(s, /[0-9]+(\.[0-9]+)?/)) {
				num[++n] = substr(s, RSTART, RLENGTH)
				start[n] = base + RSTART
				base += RSTART + RLENGTH - 1
				s = substr(s, RSTART + RLENGTH)
			}
			while ((getline line < obsfile) > 0) {
				q = attr(line, "quote")
				gsub(/[ \t]+/, " ", q)
				while (match(q, /[^0-9] | [^0-9]|^ | $/)) {
					if (substr(q, RSTART, 1) == " ")
						q = substr(q, 1, RSTART - 1) substr(q, RSTART + 1)
					else
						q = substr(q, 1, RSTART) substr(q, RSTART + 2)
				}
				if (q == "")
					continue
				want = nums(attr(line, "value")) nums(attr(line, "growth")) nums(attr(line, "change"))
				spans(q, want, "")
			}
			for (i = 1; i <= n; i++) {
				if (held[i])
					continue
				after = substr(T, start[i] + length(num[i]), 3)
				before = substr(T, start[i] > 3 ? start[i] - 3 : 1, start[i] > 3 ? 3 : start[i] - 1)
				if (after ~ /^(年|月|日|时|時)/ || after ~ /^[-—–－]/ && num[i] ~ /^(19|20)[0-9][0-9]$/ ||
				    before ~ /[-—–－]$/ && num[i] ~ /^(19|20)[0-9][0-9]$/)
					why[i] = "date"
				else if (before ~ /第$/)
					why[i] = "ordinal"
				else if (before ~ /栏$/)
					why[i] = "table number"
				else if (after ~ /^、/ && (before ~ /(；|：|。|，|目|）|\)|;|:)$/ || start[i] == 1))
					why[i] = "list number"
				else if (after ~ /^[A-Z]/ || before ~ /(PM|[A-Z])$/)
					why[i] = "code"
			}
			while ((getline line < passages) > 0) {
				split(line, f, "\t")
				if (!spans(f[1], "", f[2]))
					printf "%s: passage of left-out.txt not in the seed: %s\n", seed, f[1]
			}
			for (i = 1; i <= n; i++) {
				if (held[i]) {
					nheld++
					continue
				}
				if (why[i] != "") {
					count[why[i]]++
					continue
				}
				from = start[i] > 45 ? start[i] - 45 : 1
				printf "%s: %s not in input/ and no reason: …%s…\n", seed, num[i],
				    substr(T, from, start[i] - from + length(num[i]) + 36)
			}
			printf "%s: %d numbers, %d held by input/", seed, n, nheld > "/dev/stderr"
			for (r in count)
				printf ", %d %s", count[r], r > "/dev/stderr"
			printf "\n" > "/dev/stderr"
		}' "$tmp/norm" >"$tmp/missing" 2>>"$tmp/summary"
		if [ -s "$tmp/missing" ]; then
			while IFS= read -r m; do bad "$m"; done <"$tmp/missing"
		else
			ok
		fi
	done
fi
cat "$failures"
[ -f "$tmp/summary" ] && cat "$tmp/summary"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
