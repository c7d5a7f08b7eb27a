#!/bin/sh
# briefing.sh -- the briefing template (templates/briefing.md) on 伊川县's
# report: a briefing of a few pages, whose 主要指标 table holds the data's
# key indicators (those with a group, group by group) with the year's
# result and the next year's target, each cell worked out here from the
# XML itself (xmllint): value（growth）, growth alone in words, 预计 for an
# estimate, — for none; key indicators with no figure are left out.
. "$(dirname "$0")/../lib.sh"

# both samples of it: a briefing of 2 to 5 pages (the bullets made 8)
for s in yichuan-hans yichuan-hant; do
	line=$(make -s list-samples | grep "^$s|") || { bad list "no $s in samples.mk"; continue; }
	tpl=$(echo "$line" | cut -d'|' -f2)
	data=$(echo "$line" | cut -d'|' -f3)
	vars=$(echo "$line" | cut -d'|' -f4)
	# shellcheck disable=SC2086
	if $bin render -t "$tpl" -d "$data" $vars -o "$tmp/$s.pdf" 2> "$tmp/err"; then
		pages=$(pdfinfo "$tmp/$s.pdf" | sed -n 's/^Pages: *//p')
		if [ "$pages" -ge 2 ] && [ "$pages" -le 5 ]; then ok; else bad "$s" "$pages pages, expected 2 to 5"; fi
	else
		bad "$s" "$(head -3 "$tmp/err")"
	fi
done
# the table, without script conversion (the data's text as the XML has it)
# and in Simplified words
if ! $bin render -t "$tpl" -d "$data" -V lang=zh-Hans -o "$tmp/b.pdf" 2> "$tmp/err"; then
	bad render "$(head -3 "$tmp/err")"
	exit 1
fi

x() { xmllint --xpath "$1" "$data" 2>/dev/null; }
year=$(x 'string(//meta/@period)')
next=$((year + 1))
# cell IND PERIOD KIND...: the cell of the first KIND with an observation
cell() {
	ind=$1 p=$2
	shift 2
	for k in "$@"; do
		o="//obs[@indicator='$ind' and @period='$p' and @kind='$k']"
		[ "$(x "count($o)")" = 1 ] || continue
		v=$(x "string($o/@value)")
		g=$(x "string($o/@growth)")
		ch=$(x "string($o/@change)")
		pre=""
		[ "$k" = estimate ] && pre=预计
		if [ -n "$v" ] && [ -n "$g" ]; then echo "$pre$v（$g）"
		elif [ -n "$v" ]; then echo "$pre$v"
		elif [ -n "$ch" ] && [ -z "$g" ]; then
			case $ch in -*) echo "${pre}下降${ch#-}个百分点" ;; *) echo "${pre}提高${ch}个百分点" ;; esac
		else case $g in -*) echo "${pre}下降${g#-}%" ;; *) echo "${pre}增长$g%" ;; esac
		fi
		return
	done
	echo "—"
}

# the expected rows, group by group in the order the groups first appear
: > "$tmp/want"
groups=$(x '//indicator/@group' | sed 's/^ *group="\(.*\)"$/\1/' | awk '!seen[$0]++')
echo "$groups" | while read -r g; do
	first=1
	for id in $(x "//indicator[@group='$g']/@id" | sed 's/^ *id="\(.*\)"$/\1/'); do
		a=$(cell "$id" "$year" actual estimate)
		t=$(cell "$id" "$next" target)
		[ "$a" = "—" ] && [ "$t" = "—" ] && continue    # no figure: left out
		[ $first = 1 ] && echo "$g" >> "$tmp/want"
		first=0
		name=$(x "string(//indicator[@id='$id']/@name)")
		unit=$(x "string(//indicator[@id='$id']/@unit)")
		attr=$(x "string(//indicator[@id='$id']/@attribute)")
		echo "$name$unit$a$t$attr" | tr -d ' ' >> "$tmp/want"
	done
done
[ -s "$tmp/want" ] && ok || bad want "no key indicators in $data"

# the table's rows as the PDF has them: caption to note, the repeated header
# and the page furniture of a continuation left out
title=$(pdfinfo "$tmp/b.pdf" | sed -n 's/^Title: *//p' | tr -d ' ')
pdftotext -q -layout "$tmp/b.pdf" - | awk '/^ *表 1 / { on = 1; next } on && /^注/ { exit } on' |
    tr -d ' \f' | grep -v -x -F -e '' -e "$title" | grep -v -e '^指标单位' -e '^续表' -e '^—[0-9]*—$' \
    > "$tmp/got"
if cmp -s "$tmp/want" "$tmp/got"; then
	ok
else
	bad table "rows differ (want < > got):"
	diff "$tmp/want" "$tmp/got" | head -20
fi
# indicators without a group are no row of it
for n in $(x '//indicator[not(@group)]/@name' | sed 's/^ *name="\(.*\)"$/\1/' | tr -d ' ' | head -40); do
	if grep -q "^$n" "$tmp/got"; then bad table "'$n' has no group, but is a row"; fi
done
ok

echo "briefing: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
