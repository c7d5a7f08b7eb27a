#!/bin/sh
# gfm.sh -- what GitHub Flavored Markdown adds to CommonMark.  A pipe table in
# a
# template is the static table its cells make (docs/templates.md): the doc
# stage's table, its cells in the PDF's text in order, messages at the cell,
# a short row filled, an escaped bar kept; what is no pipe table (no
# delimiter row, a header and no rows) stays text.  Before, every pipe
# table printed as one paragraph of bars and dashes.  A footnote
# definition, which cmark drops as a link reference, is warned at its line
# (outside code blocks); before, the note vanished without a word.
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
cat > "$tmp/t.md" <<'MD'
---
title: 管道表
---

前文。

| 地区 | 项目（个） | 投资（亿元） |
|:-----|----:|:---:|
| 孟津区 | 122 | 223.7 |
| 伊川县 | 141 |
| 嵩县 | {{ tourists }} | \| 竖线 |

地区 | 人口
--- | ---
甲 | 10

一行 | 没有分隔行
仍是段落。
MD
"$bin" render -t "$tmp/t.md" -d "$data" --dump doc > "$tmp/doc" 2> "$tmp/err"
awk '/^  table @/ { n++ } n == 1' "$tmp/doc" | sed -n '1,2p' > "$tmp/head"
printf '  table @%s:7:1\n    table cols=3 header=1\n' "$tmp/t.md" | cmp -s - "$tmp/head" && ok ||
	bad "first table" "$(cat "$tmp/head" "$tmp/err")"
[ "$(grep -c '^  table @' "$tmp/doc")" -eq 2 ] && ok || bad "two tables" "$(grep '^  [a-z]' "$tmp/doc")"
# the cells, in order, the short row's missing cell empty, the escaped bar a bar
awk '/^  table @/ { n++ } n == 1 && /text "/' "$tmp/doc" | sed 's/^ *text //' | tr '\n' ' ' > "$tmp/cells"
[ "$(cat "$tmp/cells")" = '"地区" "项目（个）" "投资（亿元）" "孟津区" "122" "223.7" "伊川县" "141" "嵩县" "1315.7万人次" "| 竖线" ' ] &&
	ok || bad "cells" "$(cat "$tmp/cells")"
grep -A7 'text "伊川县"' "$tmp/doc" | grep -q '^      cell center$' && ok || bad "short row" "$(grep -A7 '伊川县' "$tmp/doc")"
grep -q '^  paragraph' "$tmp/doc" && grep -q 'text "一行 | 没有分隔行"' "$tmp/doc" && ok ||
	bad "no delimiter row" "$(grep -A3 paragraph "$tmp/doc")"
[ ! -s "$tmp/err" ] && ok || bad "messages" "$(cat "$tmp/err")"
# the PDF: the cells in reading order, no bars or dashes of the syntax
"$bin" render -t "$tmp/t.md" -d "$data" -o "$tmp/t.pdf" 2> "$tmp/err" &&
	pdftotext -layout "$tmp/t.pdf" - | tr -s ' ' | sed 's/^ //; s/ $//; /^$/d' > "$tmp/txt"
printf '地区 项目（个） 投资（亿元）\n孟津区 122 223.7\n伊川县 141\n嵩县 1315.7 万人次 | 竖线\n地区 人口\n甲 10\n' > "$tmp/want"
grep -A5 '^地区 项目' "$tmp/txt" | cmp -s - "$tmp/want" && ! grep -q -- '---' "$tmp/txt" && ok ||
	bad "PDF text" "$(cat "$tmp/err" "$tmp/txt")"
# a message in a cell points at it
sed 's/{{ tourists }}/{{ toursts }}/' "$tmp/t.md" > "$tmp/bad.md"
"$bin" render -t "$tmp/bad.md" -d "$data" -o "$tmp/bad.pdf" 2> "$tmp/err"
st=$?
[ "$st" -eq 2 ] && grep -q "^$tmp/bad.md:11:8: error: unknown placeholder 'toursts'" "$tmp/err" && [ ! -e "$tmp/bad.pdf" ] &&
	ok || bad "cell position" "exit $st: $(cat "$tmp/err")"
# a header and no rows: text, with a warning
printf -- '---\ntitle: x\n---\n\n| 仅表头 |\n|---|\n' > "$tmp/h.md"
"$bin" render -t "$tmp/h.md" -d "$data" -o "$tmp/h.pdf" 2> "$tmp/err" &&
	grep -q "h.md:5:1: warning: these lines read as a pipe table but are set as a paragraph.*\[markdown-ignored\]" "$tmp/err" &&
	ok || bad "header only" "$(cat "$tmp/err")"
# in the 公文 theme as well: one table, cells on the page
"$bin" render -t "$tmp/t.md" -d "$data" --theme gongwen -o "$tmp/g.pdf" 2> "$tmp/err" &&
	pdftotext -layout "$tmp/g.pdf" - | tr -s ' ' | grep -q '^ *孟津区 122 223.7$' && ok || bad "gongwen" "$(cat "$tmp/err")"
# inside a block quote: text, with the same warning
printf -- '---\ntitle: x\n---\n\n> | 地区 | 数值 |\n> |---|---|\n> | 嵩县 | 1.5 |\n' > "$tmp/q.md"
"$bin" render -t "$tmp/q.md" -d "$data" -o "$tmp/q.pdf" 2> "$tmp/err" &&
	grep -q "q.md:5:3: warning: these lines read as a pipe table" "$tmp/err" && ok || bad "in a quote" "$(cat "$tmp/err")"
# footnotes: each definition warned at its line, none in a code block
printf -- '---\ntitle: x\n---\n\n正文[^1]。\n\n[^1]: 注释内容。\n\n```\n[^2]: 代码里\n```\n\n  [^长注]: 另一条\n\n[a]: https://example.com\n' > "$tmp/fn.md"
"$bin" render -t "$tmp/fn.md" -d "$data" -o "$tmp/fn.pdf" 2> "$tmp/err" &&
	grep -q "fn.md:7:1: warning: footnotes are not supported: the definition of '\[^1\]' is dropped" "$tmp/err" &&
	grep -q "fn.md:13:3: warning: footnotes are not supported: the definition of '\[^长注\]'" "$tmp/err" &&
	[ "$(wc -l < "$tmp/err")" -eq 2 ] && ok || bad "footnotes" "$(cat "$tmp/err")"
echo "gfm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
