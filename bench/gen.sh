#!/bin/sh
# gen.sh OUTDIR -- write the benchmark's data, the same for reportgen, Typst and Pandoc:
#   OUTDIR/data/county-01.yaml ... county-50.yaml  one reference briefing each
#                                                    (about 5 pages; BENCH_BRIEFINGS
#                                                    of them, at most 50)
#   OUTDIR/data/long-P.yaml                          a briefing of about P pages,
#                                                    for P in $BENCH_PAGES
#   OUTDIR/data/table-R.yaml                         R indicators of three counties,
#   OUTDIR/templates/table-R.md                      and one table of R rows listing
#                                                    them, for R in $BENCH_ROWS
#   OUTDIR/manifest.yaml                             reportgen build: the 50 briefings
# Everything is derived from fixed seeds: the files are the same on every run.
out=${1:-bench/out}
pages=${BENCH_PAGES:-100 500 1000 2000}
rows=${BENCH_ROWS:-300 1000 3000}
mkdir -p "$out/data" "$out/templates" || exit 1

gen() {	# gen FILE SEED COUNTY_NAME REVIEW_SECTIONS
	awk -v seed="$2" -v cname="$3" -v sections="$4" '
	function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
	function num(lo, hi, dec,   v) { v = lo + (hi - lo) * rnd(); return sprintf("%." dec "f", v) }
	function growth(   g) { g = sprintf("%.1f", (-30 + 160 * rnd()) / 10); return g == "-0.0" ? "0.0" : g }
	BEGIN {
		n = split("gdp|地区生产总值|亿元|180|420|1;" \
		    "gdp_primary|第一产业增加值|亿元|20|60|1;" \
		    "gdp_secondary|第二产业增加值|亿元|60|160|1;" \
		    "gdp_tertiary|第三产业增加值|亿元|80|200|1;" \
		    "industry_value_added|规模以上工业增加值|亿元|40|120|1;" \
		    "fai|固定资产投资|亿元|90|260|1;" \
		    "retail_sales|社会消费品零售总额|亿元|60|180|1;" \
		    "budget_revenue|一般公共预算收入|亿元|8|30|2;" \
		    "tax_revenue|税收收入|亿元|5|22|2;" \
		    "budget_expenditure|一般公共预算支出|亿元|25|60|2;" \
		    "urban_income|城镇居民人均可支配收入|元|32000|42000|0;" \
		    "rural_income|农村居民人均可支配收入|元|14000|21000|0;" \
		    "deposits|金融机构存款余额|亿元|200|520|1;" \
		    "loans|金融机构贷款余额|亿元|120|380|1;" \
		    "exports|进出口总额|亿元|3|25|2;" \
		    "fdi|实际利用外资|万美元|800|5200|0;" \
		    "tourists|接待游客|万人次|400|1600|1;" \
		    "tourism_income|旅游综合收入|亿元|30|150|1;" \
		    "grain_output|粮食产量|万吨|15|45|1;" \
		    "grain_area|粮食播种面积|万亩|60|140|1;" \
		    "vegetable_output|蔬菜产量|万吨|20|80|1;" \
		    "meat_output|肉类产量|万吨|2|9|2;" \
		    "electricity|全社会用电量|亿千瓦时|8|30|2;" \
		    "industrial_power|工业用电量|亿千瓦时|4|18|2;" \
		    "new_firms|新登记市场主体|户|3000|9000|0;" \
		    "hightech_firms|高新技术企业|家|20|90|0;" \
		    "tech_smes|科技型中小企业|家|60|260|0;" \
		    "patents|专利授权量|件|200|900|0;" \
		    "urban_jobs|城镇新增就业|人|4000|12000|0;" \
		    "labor_transfer|农村劳动力转移就业|万人|10|30|1;" \
		    "unemployment|城镇登记失业率|%|2|4|1;" \
		    "school_places|新增学位|个|800|4000|0;" \
		    "hospital_beds|每千人口医疗床位|张|4|8|1;" \
		    "pension_coverage|基本养老保险参保人数|万人|30|70|1;" \
		    "housing_area|商品房销售面积|万平方米|30|120|1;" \
		    "road_km|新改建农村公路|公里|80|320|0;" \
		    "forest_rate|森林覆盖率|%|30|65|1;" \
		    "air_days|空气质量优良天数|天|230|320|0;" \
		    "water_quality|地表水达标率|%|80|100|1;" \
		    "energy_intensity|单位生产总值能耗下降|%|1|5|1", ind, ";")
		print "format: reportgen/1"
		print "meta:"
		printf "  title: %s2024年国民经济和社会发展简报\n", cname
		print "  region: county"
		print "  period: \"2024\""
		print "  date: 2025-01-20"
		print "  author: 统计分析组"
		print "  source: {document: 基准测试数据（合成）, seed: bench}"
		print "regions:"
		printf "  - {id: county, name: %s}\n", cname
		print "  - {id: east, name: 东邻县}"
		print "  - {id: west, name: 西邻县}"
		print "indicators:"
		for (i = 1; i <= n; i++) {
			split(ind[i], f, "|")
			printf "  - {id: %s, name: %s, unit: \"%s\"}\n", f[1], f[2], f[3]
		}
		print "observations:"
		split("county east west", regs, " ")
		for (r = 1; r <= 3; r++)
			for (i = 1; i <= n; i++) {
				split(ind[i], f, "|")
				printf "  - {indicator: %s, region: %s, value: %s, growth: %s}\n", f[1],
				    regs[r], num(f[4], f[5], f[6]), growth()
			}
		ns = split("坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，全县经济运行总体平稳、稳中有进。|" \
		    "工业经济企稳回升，规模以上工业企业达到一百二十家，新材料、装备制造和农副产品加工三大主导产业产值占比超过六成。|" \
		    "项目建设持续发力，实施省市重点项目四十六个，完成投资一百三十亿元，新签约亿元以上项目二十八个。|" \
		    "消费市场加快恢复，举办促消费活动三十余场，发放消费券两千万元，带动消费超过六亿元。|" \
		    "乡村振兴扎实推进，粮食生产再获丰收，高标准农田累计建成五十二万亩，特色种养规模不断扩大。|" \
		    "城乡面貌持续改善，完成老旧小区改造四十二个，新建改建农村公路一百八十公里，人居环境整治成效明显。|" \
		    "生态环境稳中向好，空气质量优良天数比例提高，主要河流断面水质稳定达标，森林覆盖率继续提升。|" \
		    "民生保障更加有力，民生支出占一般公共预算支出的比重保持在八成左右，新增学位两千个。|" \
		    "营商环境不断优化，政务服务事项全部实现网上可办，企业开办时间压缩至一个工作日以内。|" \
		    "科技创新能力增强，新认定高新技术企业十五家，建成省级研发平台六个，研发投入强度稳步提高。|" \
		    "同时也要看到，经济回升向好的基础还不牢固，产业结构偏重，新动能培育仍需时日，财政收支矛盾较为突出。|" \
		    "下一步，将聚焦高质量发展首要任务，抓项目、优结构、强创新、惠民生，确保完成全年目标任务。", sent, "|")
		print "narratives:"
		s = ""
		for (k = 0; k < 4; k++) s = s sent[1 + (k * 5 + int(rnd() * 3)) % ns]
		printf "  - id: summary\n    text: \"%s\"\n", s
		heads = "产业发展|项目建设|改革开放|乡村振兴|城市建设|生态保护|民生事业|社会治理"
		nh = split(heads, hd, "|")
		printf "  - id: review\n    text: \""
		for (sec = 0; sec < sections; sec++) {
			printf "### （%d）%s\\n\\n", sec + 1, hd[1 + sec % nh]
			for (p = 0; p < 2; p++) {
				s = ""
				for (k = 0; k < 4; k++) s = s sent[1 + int(rnd() * ns)]
				printf "%s\\n\\n", s
			}
		}
		print "\""
		s = ""
		for (k = 0; k < 5; k++) s = s sent[1 + int(rnd() * ns)]
		printf "  - id: outlook\n    text: \"%s\"\n", s
	}' > "$1"
}

names="东岭 西河 南山 北原 清水 石桥 云台 松溪 柳林 金沙 白马 青龙 龙门 凤鸣 双泉 三川 五里 七星 九峰 新安 永宁 长乐 太平 和顺 丰收 玉泉 兰亭 竹园 梅溪 桃源 杏花 荷塘 桂林 枫桥 柏坡 槐荫 榆林 桑田 麦丘 稻香 茶山 果岭 花溪 草原 林海 湖滨 江畔 河口 海湾 峡谷"
i=0
for n in $names; do
	[ "$i" -ge "${BENCH_BRIEFINGS:-50}" ] && break
	i=$((i + 1))
	id=$(printf 'county-%02d' "$i")
	gen "$out/data/$id.yaml" "$((i * 7919))" "${n}县" 3
done
# about 2.4 review sections make a page (of reportgen's briefing theme)
for p in $pages; do
	gen "$out/data/long-$p.yaml" 4242 "长篇县" "$((p * 12 / 5))"
done

# the long table: R indicators (the 40 of the briefing, numbered in turn: 粮食产量（12）)
# down, the three counties across, value and growth each, as in a yearbook
gen_table() {	# gen_table DATA TEMPLATE ROWS
	awk -v rows="$3" -v tmpl="$2" '
	BEGIN {
		seed = 99991
		nb = split("地区生产总值|亿元;第一产业增加值|亿元;第二产业增加值|亿元;第三产业增加值|亿元;" \
		    "规模以上工业增加值|亿元;固定资产投资|亿元;社会消费品零售总额|亿元;一般公共预算收入|亿元;" \
		    "税收收入|亿元;一般公共预算支出|亿元;城镇居民人均可支配收入|元;农村居民人均可支配收入|元;" \
		    "金融机构存款余额|亿元;金融机构贷款余额|亿元;进出口总额|亿元;实际利用外资|万美元;" \
		    "接待游客|万人次;旅游综合收入|亿元;粮食产量|万吨;粮食播种面积|万亩;蔬菜产量|万吨;" \
		    "肉类产量|万吨;全社会用电量|亿千瓦时;工业用电量|亿千瓦时;新登记市场主体|户;" \
		    "高新技术企业|家;科技型中小企业|家;专利授权量|件;城镇新增就业|人;农村劳动力转移就业|万人;" \
		    "城镇登记失业率|%;新增学位|个;每千人口医疗床位|张;基本养老保险参保人数|万人;" \
		    "商品房销售面积|万平方米;新改建农村公路|公里;森林覆盖率|%;空气质量优良天数|天;" \
		    "地表水达标率|%;单位生产总值能耗下降|%", base, ";")
		print "format: reportgen/1"
		print "meta:"
		print "  title: 主要指标分县汇总（合成）"
		print "  region: county"
		print "  period: \"2024\""
		print "  date: 2025-01-20"
		print "  author: 统计分析组"
		print "regions:"
		print "  - {id: county, name: 东岭县}"
		print "  - {id: east, name: 东邻县}"
		print "  - {id: west, name: 西邻县}"
		print "indicators:"
		for (r = 1; r <= rows; r++) {
			split(base[1 + (r - 1) % nb], f, "|")
			printf "  - {id: i%04d, name: %s（%d）, unit: \"%s\"}\n", r, f[1], 1 + int((r - 1) / nb), f[2]
		}
		print "observations:"
		split("county east west", reg, " ")
		for (k = 1; k <= 3; k++)
			for (r = 1; r <= rows; r++) {
				seed = (seed * 1103515245 + 12345) % 2147483648
				v = 10 + 990 * seed / 2147483648
				seed = (seed * 1103515245 + 12345) % 2147483648
				g = sprintf("%.1f", (-30 + 160 * seed / 2147483648) / 10)
				if (g == "-0.0") g = "0.0"
				printf "  - {indicator: i%04d, region: %s, value: %.1f, growth: %s}\n", r, reg[k], v, g
			}
		print "---" > tmpl
		print "title: \"{{ meta.title }}\"" > tmpl
		print "---" > tmpl
		print "" > tmpl
		print "```table" > tmpl
		print "caption: 表1 主要指标分县汇总" > tmpl
		print "rows: indicators" > tmpl
		print "columns: regions" > tmpl
		print "regions: [county, east, west]" > tmpl
		printf "indicators: [" > tmpl
		for (r = 1; r <= rows; r++) printf "%si%04d", (r > 1 ? ", " : ""), r > tmpl
		print "]" > tmpl
		print "show: [value, growth]" > tmpl
		print "growth: number" > tmpl
		print "note: 资料来源：基准测试数据（合成）。" > tmpl
		print "```" > tmpl
	}' > "$1"
}
for r in $rows; do
	gen_table "$out/data/table-$r.yaml" "$out/templates/table-$r.md" "$r"
done

cat > "$out/manifest.yaml" <<EOF
# the 50 reference briefings (bench/gen.sh)
jobs:
  - template: ../templates/briefing.md
    each: data/county-*.yaml
    output: pdf/reportgen/{name}.pdf
EOF
