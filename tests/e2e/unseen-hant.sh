#!/bin/sh
# unseen-hant.sh -- Traditional Chinese documents as a reader in Taiwan or
# Hong Kong sees them (each case shown failing on the code before its fix):
#   1. a Traditional document (tests/data/hant: data and template written
#      in Traditional, no conversion; or lang: zh-Hant; or convert: s2t) is
#      drawn in the Traditional faces of Noto CJK (fonts.conf 'hant' lines:
#      Noto Serif/Sans CJK TC), whose glyphs have the Traditional forms (骨
#      述) and centre 。，、；：！？ in the em box; a Simplified one (t2s, or
#      Simplified data) still in the SC faces; before, every document was
#      drawn in SC.
#   2. adjacent punctuation is compressed where the marks' ink leaves room,
#      measured from the glyphs of the face: with the TC faces' centred 。，
#      a 。」 keeps its 2 em (before: 。 was cut to half an em and the
#      centred 。 ran into 」), while 」。 and ，「 still take 1.5 em, and
#      in a Simplified document 。」 still does; the text extracts in order.
#   3. convert: s2tw (and s2hk) writes the characters Taiwan (Hong Kong)
#      writes: 為, where s2t gives OpenCC's own 爲, which no Taiwan reader
#      writes and which sat beside the data's 為 in one document (before:
#      s2tw was an error); no conversion touches figures, ids, web
#      addresses (before: the Chinese path of https://…/发展.html became
#      發展, another address) or Latin, and headings, captions, cells,
#      notes and paragraphs are converted alike.
. "$(dirname "$0")/../lib.sh"
d=tests/data/hant
# fonts FILE.pdf: the base names of the fonts FILE embeds, subset tags off
fonts() { pdffonts "$1" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u; }
# render NAME ARGS...: render to $tmp/NAME.pdf, no message expected
render() {
	name=$1
	shift
	if "$bin" render "$@" -o "$tmp/$name.pdf" 2> "$tmp/$name.err" && [ ! -s "$tmp/$name.err" ]; then
		return 0
	fi
	bad "$name renders" "$(cat "$tmp/$name.err")"
	return 1
}

# 1. the faces of the script
# tc NAME: every CJK face of NAME.pdf is a TC one, and there is one
tc() {
	fonts "$tmp/$1.pdf" > "$tmp/$1.fonts"
	if grep -q 'CJKtc' "$tmp/$1.fonts" && ! grep -q 'CJK\(sc\|jp\|kr\)' "$tmp/$1.fonts"; then
		ok
	else
		bad "$1: Traditional faces" "$(cat "$tmp/$1.fonts")"
	fi
}
sc() {
	fonts "$tmp/$1.pdf" > "$tmp/$1.fonts"
	if grep -q 'CJKsc' "$tmp/$1.fonts" && ! grep -q 'CJK\(tc\|hk\|jp\|kr\)' "$tmp/$1.fonts"; then
		ok
	else
		bad "$1: Simplified faces" "$(cat "$tmp/$1.fonts")"
	fi
}
render taipei -t $d/taipei.md -d $d/taipei.yaml && tc taipei
render taipei-t2s -t $d/taipei.md -d $d/taipei.yaml -V convert=t2s && sc taipei-t2s
render songxian-s2t -t templates/briefing.md -d input/songxian-2024.yaml -V convert=s2t &&
	tc songxian-s2t
render songxian -t templates/briefing.md -d input/songxian-2024.yaml && sc songxian
# 公文: 仿宋 (FandolFang, GB 2312 only) keeps its Simplified characters, the
# Traditional ones come from the TC Song, not the SC one
"$bin" render -t $d/taipei.md -d $d/taipei.yaml -V theme=gongwen -o "$tmp/gongwen-hant.pdf" \
	2> "$tmp/gongwen-hant.err"
fonts "$tmp/gongwen-hant.pdf" > "$tmp/gw.fonts"
grep -q 'NotoSerifCJKtc' "$tmp/gw.fonts" && ! grep -q 'CJKsc' "$tmp/gw.fonts" && ok ||
	bad "gongwen: Traditional faces" "$(cat "$tmp/gw.fonts" "$tmp/gongwen-hant.err")"
# a 'hant' line for a face no role has is an error at it
sed 's|^hant noto/NotoSerifCJK-Regular.ttc  *2 |hant noto/NotoSerifCJK-Regular.ttc 1 |' fonts/fonts.conf > "$tmp/f.conf"
"$bin" render --fonts "$tmp/f.conf" -t $d/taipei.md -d $d/taipei.yaml -o "$tmp/f.pdf" 2> "$tmp/f.err"
[ $? -ne 0 ] && grep -q "f.conf:[0-9]*:6: error: face 1 of 'noto/NotoSerifCJK-Regular.ttc' is in no role's fonts above" "$tmp/f.err" &&
	[ ! -e "$tmp/f.pdf" ] && ok || bad "hant line of no face" "$(cat "$tmp/f.err")"

# 2. compression, measured as the width of an unjustified last line of
# three pairs after a Han character (12 pt: 3 x 2.5 em = 90 pt when the
# pair is compressed, 108 pt when not)
# width LANG TEXT: the width of the line TEXT in a document of LANG
width() {
	printf -- '---\ntitle: 測試\nlang: %s\n---\n\n%s\n' "$1" "$2" > "$tmp/w.md"
	"$bin" render -t "$tmp/w.md" -d $d/taipei.yaml -o "$tmp/w.pdf" 2> "$tmp/w.err" &&
		python3 tests/tools/bbox.py lines "$tmp/w.pdf" |
		awk -v t="$2" '$6 == t { printf "%.0f\n", $4 - $2 }'
}
# pair LANG TEXT WANT
pair() {
	got=$(width "$1" "$2")
	[ "$got" = "$3" ] && ok || bad "$1 $2 width" "$got pt, want $3 $(cat "$tmp/w.err")"
}
pair zh-Hant '甲。」甲。」甲。」' 108
pair zh-Hant '甲！」甲？」甲、』' 108
pair zh-Hant '乙」。乙」。乙」。' 90
pair zh-Hant '丙，「丙，「丙，「' 90
pair zh-Hans '甲。」甲。」甲。」' 90
pair zh-Hans '丙，「丙，「丙，「' 90
# the Traditional document's text in order, quotes and marks as written
pdftotext "$tmp/taipei.pdf" - | tr -d '\n ' > "$tmp/taipei.txt"
for s in '市府表示：「真正的關鍵在於創新。」報告指出，『數位轉型』是重點；' \
    '市民說：「今年真的很好。」「明年會更好！」他們（包括專家）認為，經濟「穩中求進」。'; do
	grep -qF "$s" "$tmp/taipei.txt" && ok || bad "text order" "$s not in $(cat "$tmp/taipei.txt")"
done

# 3. conversions
cat > "$tmp/c.md" <<'MD'
---
title: 测试报告
---

# 一、为民服务

括号内为比上年增长，编号GDP-2024-001，网址 https://www.gov.cn/a_b/发展.html ，Report v1.5，1315.7万人次，10%。

```table
type: static
caption: 表1 为民项目
header: 项目 | 数值
rows:
  - 为民实事 | 12.50
note: 注：数据为初步统计。
```
MD
for conv in s2t s2tw s2hk; do
	if "$bin" render -t "$tmp/c.md" -d $d/taipei.yaml -V convert=$conv -o "$tmp/c-$conv.pdf" 2> "$tmp/c.err"; then
		pdftotext "$tmp/c-$conv.pdf" - | tr -d '\n' > "$tmp/c-$conv.txt"
		for s in GDP-2024-001 'https://www.gov.cn/a_b/发展.html' 'Report v1.5' 1315.7 '10%' '12.50'; do
			grep -qF -- "$s" "$tmp/c-$conv.txt" && ok || bad "$conv keeps $s" "$(cat "$tmp/c-$conv.txt")"
		done
	else
		bad "convert $conv" "$(cat "$tmp/c.err")"
	fi
done
# Taiwan's and Hong Kong's 為 in the heading, the caption, the cell, the
# paragraph and the note: five, and no 为 or 爲 (OpenCC's s2t writes 爲)
for conv in s2tw s2hk; do
	n=$(grep -o '為' "$tmp/c-$conv.txt" | wc -l)
	[ "$n" -eq 5 ] && ! grep -q '[为爲]' "$tmp/c-$conv.txt" && ok ||
		bad "$conv: 為 everywhere" "$n: $(cat "$tmp/c-$conv.txt")"
done
[ "$(grep -o '爲' "$tmp/c-s2t.txt" | wc -l)" -eq 5 ] && ok || bad "s2t: 爲" "$(cat "$tmp/c-s2t.txt")"

echo "unseen-hant: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
