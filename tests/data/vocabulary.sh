#!/bin/sh
# vocabulary.sh -- docs/indicators.md is the key to input/: every indicator
# that a file of input/ defines has a row there (| `id` | 名称 | 单位 | files |)
# with its name and unit (— for none) and the file's short name among the
# files; every row names an indicator that input/ defines; and the Files
# table gives each file's numbers of indicators, observations and
# narratives as `reportgen convert` reads them.
. "$(dirname "$0")/../lib.sh"
doc=docs/indicators.md

# file<TAB>short<TAB>indicators<TAB>observations<TAB>narratives (Files table)
awk -F '|' '$2 ~ /^ `input\// {
	f = $2; gsub(/[ `]/, "", f)
	s = $3; gsub(/ /, "", s)
	i = $7; o = $8; n = $9
	gsub(/ /, "", i); gsub(/ /, "", o); gsub(/ /, "", n)
	printf "%s\t%s\t%s\t%s\t%s\n", f, s, i, o, n
}' "$doc" >"$tmp/files"
# id<TAB>name<TAB>unit<TAB>files (every vocabulary row)
awk -F '|' '$2 ~ /^ `[a-z][a-z0-9_]*` $/ {
	id = $2; gsub(/[ `]/, "", id)
	nm = $3; sub(/^ /, "", nm); sub(/ $/, "", nm)
	u = $4; sub(/^ /, "", u); sub(/ $/, "", u)
	printf "%s\t%s\t%s\t%s\n", id, nm, u, $5
}' "$doc" >"$tmp/rows"
[ -s "$tmp/files" ] && [ -s "$tmp/rows" ] || { bad "$doc" "no Files table or no vocabulary rows"; exit 1; }

# the attribute NAME of an XML line (entities of names and units decoded)
attr() {
	sed -n "s/.* $1=\"\\([^\"]*\\)\".*/\\1/p" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
}

: >"$tmp/defined"
for f in input/*.yaml input/*.xml; do
	[ -f "$f" ] || continue
	if ! "$bin" convert "$f" "$tmp/c.xml" 2>"$tmp/err"; then
		bad "$f" "convert failed: $(head -n 1 "$tmp/err")"
		continue
	fi
	line=$(grep -F "$f	" "$tmp/files")
	if [ -z "$line" ]; then
		bad "$doc" "the Files table has no row for $f"
		continue
	fi
	short=$(printf '%s\n' "$line" | cut -f 2)
	counts=$(printf '%s\n' "$line" | cut -f 3-5 | tr '\t' ' ')
	have="$(grep -c '<indicator ' "$tmp/c.xml") $(grep -c '<obs ' "$tmp/c.xml") $(grep -c '<narrative ' "$tmp/c.xml")"
	if [ "$counts" = "$have" ]; then ok; else
		bad "$doc" "$f has $have indicators, observations, narratives; the Files table says $counts"
	fi
	grep '<indicator ' "$tmp/c.xml" >"$tmp/ind"
	while IFS= read -r x; do
		id=$(printf '%s\n' "$x" | attr id)
		name=$(printf '%s\n' "$x" | attr name)
		unit=$(printf '%s\n' "$x" | attr unit)
		[ -n "$unit" ] || unit=—
		echo "$id" >>"$tmp/defined"
		if ! grep -q "^$id	" "$tmp/rows"; then
			bad "$doc" "no row for \`$id\` ($name, $unit) of $f"
		elif ! awk -F '\t' -v id="$id" -v nm="$name" -v u="$unit" -v s="$short" '
			$1 == id && $2 == nm && $3 == u && index(" " $4 " ", " " s " ") { found = 1 }
			END { exit !found }' "$tmp/rows"; then
			bad "$doc" "the row of \`$id\` is not \"$name | $unit | … $short …\" as in $f"
		else
			ok
		fi
	done <"$tmp/ind"
done
cut -f 1 "$tmp/rows" | sort -u >"$tmp/documented"
sort -u "$tmp/defined" >"$tmp/defined.s"
for id in $(comm -23 "$tmp/documented" "$tmp/defined.s"); do
	bad "$doc" "\`$id\` has a row but no file of input/ defines it"
done
echo "vocabulary: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
