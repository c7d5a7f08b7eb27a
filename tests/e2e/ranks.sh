#!/bin/sh
# ranks.sh -- the five-county comparison (samples.mk: comparison-five): every
# rank and share its tables and sentences print equals what this script
# works out itself from the input files: each value read from the line of
# input/ the observation is written on, the rank counted (1 + the counties
# with a larger value, ties shared), the share as value / sum of the
# counties with a value x 100, rounded half away from zero to one decimal,
# in integer arithmetic.  Also for -V region=... of another county.
. "$(dirname "$0")/../lib.sh"

line=$(make -s list-samples | grep '^comparison-five|') || { bad list "no comparison-five in samples.mk"; exit 1; }
tpl=$(echo "$line" | cut -d'|' -f2)
dargs=""
for f in $(echo "$line" | cut -d'|' -f3); do dargs="$dargs -d $f"; done
period=$(sed -n 's/^period: *"\{0,1\}\([0-9]*\)"\{0,1\}$/\1/p' "$tpl" | head -1)
focus=$(sed -n 's/^region: *//p' "$tpl" | head -1)

# the tables of the template: "N|region ids|indicator ids" (kind target)
awk '/^```table/ { t = 1; n++; r = ""; i = ""; next }
	t && /^```/ { if (r != "" && i != "") print n "|" r "|" i; t = 0; next }
	t && /^regions:/ { r = $0; sub(/^regions: *\[/, "", r); sub(/\].*/, "", r); gsub(/,/, " ", r) }
	t && /^indicators:/ { i = $0; sub(/^indicators: *\[/, "", i); sub(/\].*/, "", i); gsub(/,/, " ", i) }' \
    "$tpl" > "$tmp/tables"
[ -s "$tmp/tables" ] && ok || bad template "no tables of regions and indicators in $tpl"

# the observations as the data's dump places them; each value is then read
# again from its own line of the input file
# shellcheck disable=SC2086
$bin render -t "$tpl" $dargs --dump=data > "$tmp/dump" 2> "$tmp/err" || bad dump "$(head -3 "$tmp/err")"
# value IND REGION: the target value of IND for REGION in the period, or nothing
value() {
	l=$(grep "^obs $1 region=$2 period=$period kind=target " "$tmp/dump")
	[ -n "$l" ] || return 0
	at=$(echo "$l" | sed 's/.* @\([^ ]*\):\([0-9]*\):[0-9]*$/\1 \2/')
	file=${at% *}
	n=${at#* }
	v=$(echo "$l" | sed -n 's/.* value="\([^"]*\)".*/\1/p')
	# the value as the file writes it, on the observation's lines (XML: value="N",
	# YAML: value: N), up to the next observation
	src=$(sed -n "$n,\$p" "$file" | awk 'NR > 1 && /<obs |^  - / { exit } { print }' |
	    sed -n -e 's/.*value="\([^"]*\)".*/\1/p' -e 's/^ *value: *"\{0,1\}\([^" ]*\)"\{0,1\} *$/\1/p' | head -1)
	if [ "$src" != "$v" ]; then
		bad source "$1 $2: the dump says '$v', $file:$n says '$src'"
	fi
	echo "$src"
}

# expect IND REGIONS...: "REGION VALUE RANK SHARE" for each region ("—" x 3 without a value)
expect() {
	ind=$1
	shift
	for r in "$@"; do echo "$r $(value "$ind" "$r")"; done | awk '
		{ id[NR] = $1; v[NR] = $2; n = NR }
		END {
			# integers: scale by the most decimals written
			d = 0
			for (i = 1; i <= n; i++) if (v[i] != "" && index(v[i], ".")) {
				k = length(v[i]) - index(v[i], "."); if (k > d) d = k }
			for (i = 1; i <= n; i++) if (v[i] != "") {
				s = v[i]; k = index(s, ".") ? length(s) - index(s, ".") : 0
				gsub(/\./, "", s); x[i] = s * 10 ^ (d - k); sum += x[i] }
			for (i = 1; i <= n; i++) {
				if (v[i] == "") { print id[i], "—", "—", "—"; continue }
				rank = 1
				for (j = 1; j <= n; j++) if (v[j] != "" && x[j] > x[i]) rank++
				# round(1000 x / sum) half away from zero, in integers
				q = int((2000 * x[i] + sum) / (2 * sum))
				printf "%s %s %d %d.%d\n", id[i], v[i], rank, int(q / 10), q % 10
			}
		}'
}

# name REGION: its display name, from the dump
name() { grep "^region $1 " "$tmp/dump" | head -1 | sed 's/.* name="\([^"]*\)".*/\1/'; }

# check_pdf VARS...: render with VARS and compare every table row and sentence
check_pdf() {
	# shellcheck disable=SC2086
	if ! $bin render -t "$tpl" $dargs "$@" -o "$tmp/c.pdf" 2> "$tmp/err"; then
		bad render "$*: $(head -3 "$tmp/err")"
		return
	fi
	pdftotext -q -layout "$tmp/c.pdf" - > "$tmp/c.txt"
	while IFS='|' read -r n regions inds; do
		# the table's rows: from its caption to its note
		awk -v c="表 $n " 'index($0, c) { on = 1 } on && /^注/ { exit } on' "$tmp/c.txt" > "$tmp/t$n"
		for r in $regions; do
			want=$(name "$r")
			for ind in $inds; do
				# shellcheck disable=SC2086
				want="$want $(expect "$ind" $regions | awk -v r="$r" '$1 == r { print $2, $3, $4 }')"
			done
			got=$(grep "^ *$(name "$r") " "$tmp/t$n" | tr -s ' ' | sed 's/^ //; s/ $//')
			if [ "$got" = "$want" ]; then ok; else bad "table $n" "$*: row '$got', expected '$want'"; fi
		done
	done < "$tmp/tables"
	# the sentences about the focus county: 居第R位，占这些县区目标合计的S%
	f=$focus
	for v in "$@"; do case $v in region=*) f=${v#region=} ;; esac; done
	tr -d ' \n' < "$tmp/c.txt" > "$tmp/c.flat"
	while IFS='|' read -r n regions inds; do
		for ind in $inds; do
			# shellcheck disable=SC2086
			e=$(expect "$ind" $regions | awk -v r="$f" '$1 == r')
			iname=$(grep "^indicator $ind " "$tmp/dump" | head -1 | sed 's/.* name="\([^"]*\)".*/\1/')
			set -- $e
			if [ "$2" = "—" ]; then
				s="$iname。$(name "$f")${period}年未列出此项目标。"
			else
				s="$iname。$(name "$f")${period}年目标为$2"
				grep -qF "$s" "$tmp/c.flat" || bad sentence "no '$s'"
				s="居第$3位，占这些县区目标合计的$4%。"
			fi
			if grep -qF "$s" "$tmp/c.flat"; then ok; else bad sentence "$f $ind: no '$s'"; fi
		done
	done < "$tmp/tables"
}

check_pdf
check_pdf -V region=mengjin
check_pdf -V region=xinan

echo "ranks: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
