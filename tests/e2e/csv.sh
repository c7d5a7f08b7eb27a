#!/bin/sh
# csv.sh -- spreadsheet (CSV) data gives the same model, and so the same
# documents, as the YAML and XML it was exported from:
#   1. tests/data/csv/songxian-zhuanlan2.csv, a GBK export (CRLF) of 嵩县's
#      专栏2 in the wide layout, with its mapping: the same indicators and
#      observations as input/songxian-plan14.yaml holds for 专栏2 (quotes
#      aside: a spreadsheet has none), the same 专栏2 plan table in the PDF
#      (pdftotext), and `convert` to YAML keeps the model;
#   2. every file of input/ with its observations moved into a long CSV
#      (every cell quoted, quotes doubled): the same data dump as the file,
#      and for the samples' files the same document text.
. "$(dirname "$0")/../lib.sh"
printf '# dump\n\n{{ meta.title }}\n' > "$tmp/t.md"
# the dump without positions; with -q also without quotes, sorted
dump() {
	"$bin" render -t "$tmp/t.md" "$@" --dump=data | sed 's/ @[^ ]*$//'
}
noquote() {
	sed 's/ quote="\([^"\\]\|\\.\)*"//' | sort
}
same() {   # name file-a file-b
	if [ -s "$2" ] && cmp -s "$2" "$3"; then
		ok
	else
		bad "$1" "$(diff "$2" "$3" | head -6)"
	fi
}
pdftext() {   # template data... -> text of the PDF on stdout
	t=$1
	shift
	"$bin" render -t "$t" "$@" -o "$tmp/x.pdf" && pdftotext -layout "$tmp/x.pdf" -
}

# ---- 1. the 专栏2 export ----------------------------------------------------
z2=tests/data/csv/songxian-zhuanlan2.csv
plan=input/songxian-plan14.yaml
if [ "$(head -c 4 "$z2" | od -An -tx1 | tr -d ' ')" = "b5d8c7f8" ] &&
    ! iconv -f UTF-8 -t UTF-8 "$z2" > /dev/null 2>&1 && grep -q "$(printf '\r')" "$z2"; then
	ok
else
	bad zhuanlan2 "$z2 is not the GBK, CRLF export it stands for"
fi
dump -d "$z2" > "$tmp/z2.dump"
dump -d "$plan" > "$tmp/plan.dump"
ids=$(awk '$1 == "indicator" { printf "%s%s", sep, $2; sep = "|" }' "$tmp/z2.dump")
[ "$(grep -c '^indicator' "$tmp/z2.dump")" -eq 37 ] && ok ||
	bad zhuanlan2 "the export should define 专栏2's 37 indicators"
grep '^indicator' "$tmp/z2.dump" > "$tmp/a"
grep -E "^indicator ($ids) " "$tmp/plan.dump" > "$tmp/b"
same "zhuanlan2 indicators" "$tmp/b" "$tmp/a"
grep '^obs' "$tmp/z2.dump" | noquote > "$tmp/a"
grep -E "^obs ($ids) " "$tmp/plan.dump" |
	grep -E "period=2020 kind=base|period=(2025|2035) kind=plan" | noquote > "$tmp/b"
[ "$(wc -l < "$tmp/a")" -ge 100 ] && ok || bad zhuanlan2 "too few observations"
same "zhuanlan2 observations" "$tmp/b" "$tmp/a"
# the plan table of templates/plan.md, alone
awk '/^```table/ { on = 1 } on { print } on && /^```$/ { exit }' templates/plan.md > "$tmp/body"
{ printf -- '---\ntitle: 专栏2\n---\n\n'; cat "$tmp/body"; } > "$tmp/plan.md"
pdftext "$tmp/plan.md" -d "$plan" > "$tmp/a" &&
	pdftext "$tmp/plan.md" -d "$z2" > "$tmp/b" && grep -q '630' "$tmp/b" &&
	grep -q '完成市下达目标' "$tmp/b" && same "zhuanlan2 plan table" "$tmp/a" "$tmp/b" ||
	bad "zhuanlan2 plan table" "did not render"
"$bin" convert "$z2" "$tmp/z2.yaml" && dump -d "$tmp/z2.yaml" > "$tmp/a" &&
	same "zhuanlan2 convert" "$tmp/z2.dump" "$tmp/a" || bad "zhuanlan2 convert" failed
# the same export as UTF-8 with a byte order mark, without the mapping's
# encoding: the same model
sed 's/^  encoding: gbk$//' tests/data/csv/songxian-zhuanlan2.csvmap > "$tmp/u.csvmap"
{ printf '\357\273\277'; iconv -f GBK -t UTF-8 "$z2"; } > "$tmp/u.csv"
dump -d "$tmp/u.csv" > "$tmp/a"
dump -d "$z2" > "$tmp/b"
same "zhuanlan2 as UTF-8" "$tmp/b" "$tmp/a"

# ---- 2. every input file, its observations as a long CSV -------------------
# obs.csv from the XML form: one row per <obs>, the file's defaults filled in
tocsv() {
	awk '
	function attr(line, name,   v) {
		if (!match(line, " " name "=\"[^\"]*\""))
			return ""
		v = substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4)
		gsub(/&quot;/, "\"", v); gsub(/&lt;/, "<", v); gsub(/&gt;/, ">", v)
		gsub(/&apos;/, "\047", v); gsub(/&#10;/, "\n", v); gsub(/&#9;/, "\t", v)
		gsub(/&#13;/, "\r", v); gsub(/&amp;/, "\\&", v)
		return v
	}
	function cell(v) { gsub(/"/, "\"\"", v); return "\"" v "\"" }
	BEGIN { n = split("region indicator period kind value growth change quote", k, " ")
		for (i = 1; i <= n; i++) printf "%s%s", k[i], i < n ? "," : "\n" }
	/<meta / { region = attr($0, "region"); period = attr($0, "period") }
	/<obs / {
		for (i = 1; i <= n; i++) {
			v = attr($0, k[i])
			if (v == "" && k[i] == "region") v = region
			if (v == "" && k[i] == "period") v = period
			printf "%s%s", cell(v), i < n ? "," : "\r\n"
		}
	}'
}
for f in input/*.yaml input/*.xml; do
	name=${f##*/}
	name=${name%.*}
	"$bin" convert "$f" "$tmp/$name.xml" && "$bin" convert "$f" "$tmp/$name.yaml" ||
		{ bad "$f" "convert failed"; continue; }
	tocsv < "$tmp/$name.xml" > "$tmp/$name-obs.csv"
	# the file without its observations
	awk '/^observations:/ { skip = 1; next } /^[a-z]/ { skip = 0 } !skip' \
		"$tmp/$name.yaml" > "$tmp/$name-rest.yaml"
	n=$(grep -c '<obs ' "$tmp/$name.xml")
	[ "$(($(wc -l < "$tmp/$name-obs.csv") - 1))" -ge "$n" ] && [ "$n" -gt 0 ] && ok ||
		bad "$f" "the CSV lacks observations"
	dump -d "$f" > "$tmp/a"
	dump -d "$tmp/$name-rest.yaml" -d "$tmp/$name-obs.csv" > "$tmp/b"
	same "$f as CSV" "$tmp/a" "$tmp/b"
done
# the samples' documents from the CSV
make -s list-samples | while IFS='|' read -r s t d v; do
	case $d in *' '*) continue ;; esac
	name=${d##*/}
	name=${name%.*}
	# shellcheck disable=SC2086
	if pdftext "$t" -d "$d" $v > "$tmp/a" &&
	    pdftext "$t" -d "$tmp/$name-rest.yaml" -d "$tmp/$name-obs.csv" $v > "$tmp/b" &&
	    [ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b"; then
		echo "ok $s"
	else
		echo "FAIL sample $s from CSV: $(diff "$tmp/a" "$tmp/b" | head -4)"
	fi
done > "$tmp/samples"
pass=$((pass + $(grep -c '^ok' "$tmp/samples")))
fail=$((fail + $(grep -c '^FAIL' "$tmp/samples")))
grep '^FAIL' "$tmp/samples"
[ "$(grep -c '^ok' "$tmp/samples")" -ge 3 ] && ok || bad samples "fewer than 3 samples compared"

echo "csv: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
