# briefing.awk -- the reference briefing (bench/templates/briefing.md) as Pandoc
# Markdown, from the same data file that reportgen and Typst read:
#   awk -f bench/pandoc/briefing.awk DATA.yaml > BRIEFING.md
# Reads the YAML that bench/gen.sh writes (flow maps, one a line; narratives
# as double-quoted strings with \n) and writes the same content: the values as
# written in the data, growth in words (增长/下降/持平), the two three-line tables
# as pipe tables with one header row in Hei (as in the Typst document), the
# chart as a pgfplots bar chart in raw LaTeX.
function unq(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); if (s ~ /^".*"$/) s = substr(s, 2, length(s) - 2); return s }
function flow(line, m,   body, n, i, parts, k) {	# "  - {a: 1, b: x}" -> m["a"], m["b"]
	split("", m)
	body = line; sub(/^ *- *\{/, "", body); sub(/\} *$/, "", body)
	n = split(body, parts, ", ")
	for (i = 1; i <= n; i++) {
		k = index(parts[i], ":")
		m[unq(substr(parts[i], 1, k - 1))] = unq(substr(parts[i], k + 1))
	}
}
function hei(s) { gsub(/%/, "\\\\%", s); return "\\textsf{" s "}" }	# a header cell: Hei, as reportgen's tables
function trend(g) { return g + 0 > 0 ? "增长" g "%" : g + 0 < 0 ? "下降" substr(g, 2) "%" : "持平" }
function fig(id) { return val[id, "county"] unit[id] }
function narrative(id,   t, n, i, p) {	# paragraphs and "### " headings (one level down here)
	t = text[id]; gsub(/\\n/, "\n", t); gsub(/\\"/, "\"", t)
	n = split(t, p, "\n\n")
	for (i = 1; i <= n; i++) {
		if (p[i] == "") continue
		if (p[i] ~ /^### /) print "## " substr(p[i], 5) " {-}"
		else print p[i]
		print ""
	}
}
/^[a-z]+:/ { sect = $1; sub(/:.*/, "", sect) }
sect == "meta" && /^  title:/ { title = unq(substr($0, index($0, ":") + 1)) }
sect == "meta" && /^  author:/ { author = unq(substr($0, index($0, ":") + 1)) }
sect == "regions" && /^  - \{/ { flow($0, m); rname[m["id"]] = m["name"] }
sect == "indicators" && /^  - \{/ { flow($0, m); nind++; ids[nind] = m["id"]; iname[m["id"]] = m["name"]; unit[m["id"]] = m["unit"] }
sect == "observations" && /^  - \{/ { flow($0, m); val[m["indicator"], m["region"]] = m["value"]; gro[m["indicator"], m["region"]] = m["growth"] }
sect == "narratives" && /^  - id:/ { nid = unq(substr($0, index($0, ":") + 1)) }
sect == "narratives" && /^    text:/ { text[nid] = unq(substr($0, index($0, ":") + 1)) }
END {
	print "---"
	print "title-meta: \"" title "\""
	print "author-meta: \"" author "\""
	print "subject: 基准测试简报"
	print "keywords: [基准测试, 主要指标]"
	print "---"
	print ""
	print "```{=latex}"
	print "\\runninghead{" title "}"
	print "\\thispagestyle{first}"
	print "\\begin{center}"
	print "{\\sffamily\\fontsize{22pt}{30pt}\\selectfont " title "\\par}"
	print "\\vspace{6pt}"
	print "{\\kai\\fontsize{15pt}{21pt}\\selectfont " rname["county"] "主要指标简报\\par}"
	print "\\end{center}"
	print "```"
	print ""
	print "# 一、总体情况 {-}"
	print ""
	narrative("summary")
	print "全年实现地区生产总值" fig("gdp") "，" trend(gro["gdp", "county"]) "；一般公共预算收入" \
	    fig("budget_revenue") "，" trend(gro["budget_revenue", "county"]) "；社会消费品零售总额" \
	    fig("retail_sales") "，" trend(gro["retail_sales", "county"]) "。"
	print ""
	print "# 二、与周边县比较 {-}"
	print ""
	nc = split("gdp fai retail_sales budget_revenue", cmp, " ")
	nr = split("county east west", regs, " ")
	h = "| " hei("地区") " "; s = "|:--------"
	for (i = 1; i <= nc; i++) { h = h "| " hei(iname[cmp[i]] "（" unit[cmp[i]] "）") " | " hei("增长（%）") " "; s = s "|------------:|--------:" }
	print h "|"; print s "|"
	for (r = 1; r <= nr; r++) {
		row = "| " rname[regs[r]] " "
		for (i = 1; i <= nc; i++) row = row "| " val[cmp[i], regs[r]] " | " gro[cmp[i], regs[r]] " "
		print row "|"
	}
	print ""
	print "Table: 表1 主要指标与周边县比较"
	print ""
	print "\\tablenote{资料来源：基准测试数据（合成）。}"
	print ""
	nch = split("gdp fai retail_sales deposits", ch, " ")
	print "```{=latex}"
	print "\\begin{center}\\begin{minipage}{\\textwidth}\\centering"
	print "{\\sffamily\\fontsize{10.5pt}{14pt}\\selectfont 图1 主要经济指标\\par}"
	print "\\begin{tikzpicture}"
	printf "\\begin{axis}[ybar, width=\\textwidth, height=0.55\\textwidth, bar width=16pt, ymin=0,\n"
	printf "  xtick={1,...,%d}, xticklabels={", nch
	for (i = 1; i <= nch; i++) printf "%s%s", (i > 1 ? "," : ""), iname[ch[i]]
	print "},"
	print "  enlarge x limits=0.15, axis x line*=bottom, axis y line*=left, ylabel={" unit["gdp"] "},"
	print "  every axis y label/.style={at={(current axis.north west)}, anchor=south west, font=\\fontsize{8pt}{8pt}\\selectfont},"
	print "  nodes near coords, point meta=explicit symbolic, every node near coord/.append style={font=\\fontsize{8pt}{8pt}\\selectfont},"
	print "  tick label style={font=\\fontsize{8pt}{8pt}\\selectfont}, label style={font=\\fontsize{8pt}{8pt}\\selectfont},"
	print "  yticklabel={\\pgfmathprintnumber[assume math mode=true]{\\tick}},"
	print "  legend style={at={(0.5,-0.12)}, anchor=north, legend columns=-1, draw=none, font=\\fontsize{8pt}{8pt}\\selectfont}]"
	for (r = 1; r <= nr; r++) {
		printf "\\addplot[fill=series%d, draw=none] coordinates {", r
		for (i = 1; i <= nch; i++) printf " (%d,%s) [%s]", i, val[ch[i], regs[r]], val[ch[i], regs[r]]
		print " };"
	}
	printf "\\legend{"
	for (r = 1; r <= nr; r++) printf "%s%s", (r > 1 ? "," : ""), rname[regs[r]]
	print "}"
	print "\\end{axis}"
	print "\\end{tikzpicture}"
	print "\\end{minipage}\\end{center}"
	print "```"
	print ""
	print "# 三、分项指标 {-}"
	print ""
	print "| " hei("指标") " | " hei("单位") " | " hei(rname["county"] "数值") " | " hei("增长（%）") " |"
	print "|:------------------------|:-------:|----------:|----------:|"
	for (i = 1; i <= nind; i++)
		print "| " iname[ids[i]] " | " unit[ids[i]] " | " val[ids[i], "county"] " | " gro[ids[i], "county"] " |"
	print ""
	print "Table: 表2 主要指标一览"
	print ""
	print "\\tablenote{资料来源：基准测试数据（合成）。}"
	print ""
	print "# 四、工作回顾 {-}"
	print ""
	narrative("review")
	print "# 五、下一步工作 {-}"
	print ""
	narrative("outlook")
}
