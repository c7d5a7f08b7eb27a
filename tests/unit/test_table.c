/* test_table.c -- the number formatter, the table and chart directives
 * (template text + a small YAML dataset -> document tree dump, error
 * positions), and the chart layout with fixed metrics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/utf8.h"
#include "data/model.h"
#include "layout/layout.h"
#include "layout/linebreak.h"
#include "fake_metrics.h"
#include "fixture.h"
#include "layout/theme.h"
#include "template/format.h"
#include "template/template.h"

static const char data_yaml[] =
	"format: reportgen/1\n"
	"meta:\n"
	"  region: aa\n"
	"  period: \"2023\"\n"
	"regions:\n"
	"  - {id: aa, name: 甲县}\n"
	"  - {id: bb, name: 乙县}\n"
	"  - {id: cc, name: 丙区}\n"
	"indicators:\n"
	"  - {id: gdp, name: 地区生产总值, unit: 亿元, group: 经济发展, attribute: 预期性}\n"
	"  - {id: jobs, name: 新增就业, unit: 人, group: 民生保障}\n"
	"  - {id: rate, name: 城镇化率, unit: \"%\", group: 民生保障}\n"
	"  - {id: firms, name: 挂牌企业, unit: 家, group: 经济发展}\n"
	"observations:\n"
	"  - {indicator: gdp, region: aa, value: 542, growth: 0.5}\n"
	"  - {indicator: gdp, region: bb, value: \"205.0\", growth: -2.3}\n"
	"  - {indicator: gdp, region: cc, growth: 1.5}\n"
	"  - {indicator: jobs, region: aa, value: 8600}\n"
	"  - {indicator: jobs, region: bb, value: 12345}\n"
	"  - {indicator: jobs, region: cc, value: 5000}\n"
	"  - {indicator: rate, region: aa, value: 40, change: 0.6}\n"
	"  - {indicator: rate, region: bb, value: 完成目标}\n"
	"  - {indicator: gdp, region: aa, period: \"2020\", kind: base, value: 205}\n"
	"  - {indicator: gdp, region: aa, period: \"2025\", kind: plan, value: 300, growth: 8.4}\n"
	"  - {indicator: gdp, region: aa, period: \"2035\", kind: plan, value: 630, growth: 7.8}\n"
	"  - {indicator: firms, region: aa, period: \"2020\", kind: base, value: 0}\n"
	"  - {indicator: firms, region: aa, period: \"2025\", kind: plan, value: 1-2}\n"
	"  - {indicator: rate, region: aa, period: \"2020\", kind: base, value: 40}\n"
	"  - {indicator: rate, region: aa, period: \"2025\", kind: plan, growth: 1.8}\n";

static int
setup(void **state)
{
	return fixture_setup(state, data_yaml);
}

static char *
expand_doc(fixture *f, const char *tpl, int *ok, rg_doc **doc)
{
	return fixture_expand(f, tpl, NULL, 0, ok, doc);
}

static char *
expand(fixture *f, const char *tpl, int *ok)
{
	return fixture_expand(f, tpl, NULL, 0, ok, NULL);
}

/* a before b in s, both present */
static void
assert_order(const char *s, const char *a, const char *b)
{
	const char *pa = strstr(s, a), *pb = strstr(s, b);
	assert_non_null(pa);
	assert_non_null(pb);
	assert_true(pa < pb);
}

/* ---- the formatter ---------------------------------------------------- */

static const char *
num(rg_arena *a, const char *s, const char *unit, int decimals, int scale, int thousands)
{
	rg_numfmt f = rg_numfmt_default;
	f.decimals = decimals;
	f.scale = scale;
	f.thousands = thousands;
	return rg_format_number(a, s, unit, &f);
}

static void
format_numbers(void **state)
{
	(void)state;
	rg_arena *a = rg_arena_new();
	/* precision as written */
	assert_string_equal(num(a, "205", NULL, -1, 0, 0), "205");
	assert_string_equal(num(a, "205.0", NULL, -1, 0, 0), "205.0");
	assert_string_equal(num(a, "10.0028", NULL, -1, 0, 0), "10.0028");
	assert_string_equal(num(a, "+5", NULL, -1, 0, 0), "5");
	assert_string_equal(num(a, ".5", NULL, -1, 0, 0), "0.5");
	/* fixed decimals, rounded half away from zero on the decimal digits */
	assert_string_equal(num(a, "10.0028", NULL, 1, 0, 0), "10.0");
	assert_string_equal(num(a, "2.675", NULL, 2, 0, 0), "2.68");
	assert_string_equal(num(a, "-2.675", NULL, 2, 0, 0), "-2.68");
	assert_string_equal(num(a, "99.96", NULL, 1, 0, 0), "100.0");
	assert_string_equal(num(a, "-0.04", NULL, 1, 0, 0), "0.0");
	assert_string_equal(num(a, "7", NULL, 2, 0, 0), "7.00");
	/* 万 and 亿: exact, with the unit following */
	assert_string_equal(num(a, "13157000", "人次", -1, 4, 0), "1315.7");
	assert_string_equal(num(a, "8600", "人", -1, 4, 0), "0.86");
	assert_string_equal(num(a, "1315.70", "万人次", -1, 4, 0), "0.13157");
	assert_string_equal(num(a, "542", "亿元", 1, 4, 0), "0.1");
	assert_string_equal(num(a, "40", "%", -1, 4, 0), "40");
	rg_numfmt wan = rg_numfmt_default;
	wan.scale = 4;
	assert_string_equal(rg_format_unit(a, "人", &wan), "万人");
	assert_string_equal(rg_format_unit(a, "万人次", &wan), "亿人次");
	assert_string_equal(rg_format_unit(a, "亿元", &wan), "万亿元");
	assert_string_equal(rg_format_unit(a, NULL, &wan), "万");
	assert_string_equal(rg_format_unit(a, "%", &wan), "%");
	assert_null(rg_format_unit(a, NULL, &rg_numfmt_default));
	/* separators only when asked, and only from five digits */
	assert_string_equal(num(a, "12345.6", NULL, -1, 0, 1), "12,345.6");
	assert_string_equal(num(a, "1234567", NULL, -1, 0, 1), "1,234,567");
	assert_string_equal(num(a, "8600", NULL, -1, 0, 1), "8600");
	assert_string_equal(num(a, "12345", NULL, -1, 0, 0), "12345");
	/* text is not a number and passes through rg_format_value */
	assert_null(num(a, "1-2", NULL, -1, 0, 0));
	assert_null(num(a, "≤2.8", NULL, -1, 0, 0));
	assert_null(num(a, "", NULL, -1, 0, 0));
	assert_int_equal(rg_format_decimals("10.0028"), 4);
	assert_int_equal(rg_format_decimals("完成目标"), -1);
	rg_indicator ind = { "x", "名称", "亿元", NULL, NULL, NULL, { NULL, 0, 0 } };
	assert_string_equal(rg_format_value(a, &ind, "542", NULL), "542亿元");
	assert_string_equal(rg_format_value(a, &ind, "完成市下达目标", NULL), "完成市下达目标");
	assert_string_equal(rg_format_value(a, &ind, NULL, NULL), "—");
	rg_arena_free(a);
}

static void
format_growth(void **state)
{
	(void)state;
	rg_arena *a = rg_arena_new();
	rg_numfmt f = rg_numfmt_default;
	assert_string_equal(rg_format_growth(a, "10", &f), "增长10%");
	assert_string_equal(rg_format_growth(a, "-2.3", &f), "下降2.3%");
	assert_string_equal(rg_format_growth(a, "+5.0", &f), "增长5.0%");
	assert_string_equal(rg_format_growth(a, "0", &f), "持平");
	assert_string_equal(rg_format_change(a, "0.6", &f), "提高0.6个百分点");
	assert_string_equal(rg_format_change(a, "-0.6", &f), "下降0.6个百分点");
	f.growth = RG_GROWTH_ARROWS;
	assert_string_equal(rg_format_growth(a, "10", &f), "▲10%");
	assert_string_equal(rg_format_growth(a, "-2.3", &f), "▼2.3%");
	assert_string_equal(rg_format_change(a, "0.6", &f), "▲0.6个百分点");
	f.growth = RG_GROWTH_NUMBER;
	assert_string_equal(rg_format_growth(a, "-2.3", &f), "-2.3");
	assert_string_equal(rg_format_growth(a, "+5", &f), "5");
	assert_string_equal(rg_format_change(a, "0.6", &f), "0.6");
	rg_arena_free(a);
}

static void
format_options(void **state)
{
	(void)state;
	rg_numfmt f = rg_numfmt_default;
	const char *expected;
	assert_int_equal(rg_numfmt_option(&f, "decimals", "1", &expected), 0);
	assert_int_equal(f.decimals, 1);
	assert_int_equal(rg_numfmt_option(&f, "decimals", "12", &expected), -1);
	assert_string_equal(expected, "a number of decimals from 0 to 6");
	assert_int_equal(rg_numfmt_option(&f, "scale", "亿", &expected), 0);
	assert_int_equal(f.scale, 8);
	assert_int_equal(rg_numfmt_option(&f, "thousands", "yes", &expected), 0);
	assert_int_equal(f.thousands, 1);
	assert_int_equal(rg_numfmt_option(&f, "growth", "arrows", &expected), 0);
	assert_int_equal(f.growth, RG_GROWTH_ARROWS);
	assert_int_equal(rg_numfmt_option(&f, "growth", "up", &expected), -1);
	assert_int_equal(rg_numfmt_option(&f, "colour", "red", &expected), 1);
}

/* ---- comparison tables ------------------------------------------------ */

static void
comparison_table(void **state)
{
	int ok;
	char *s = expand(*state, "```table\nregions: [aa, bb, cc]\nindicators: [gdp, jobs]\n"
	    "caption: 表1 对比\nnote: 资料来源：测试。\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "table cols=3 header=1\n"));
	assert_non_null(strstr(s, "caption \"表1 对比\""));
	assert_non_null(strstr(s, "note \"资料来源：测试。\""));
	assert_order(s, "text \"地区\"", "text \"地区生产总值（亿元）\"");
	assert_order(s, "text \"地区生产总值（亿元）\"", "text \"新增就业（人）\"");
	/* rows in the order listed; precision kept; growth-only is missing */
	assert_order(s, "text \"甲县\"", "text \"乙县\"");
	assert_order(s, "text \"乙县\"", "text \"丙区\"");
	assert_non_null(strstr(s, "cell right numeric\n        text \"205.0\""));
	assert_non_null(strstr(s, "cell left\n        text \"丙区\"\n      cell right\n"
	    "        text \"—\""));
	free(s);
}

static void
comparison_growth_header(void **state)
{
	int ok;
	char *s = expand(*state, "```table\nregions: [aa, bb]\nindicators: [gdp]\n"
	    "show: [value, growth]\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "table cols=3 header=2\n"));
	/* the stub stands over both header rows */
	assert_non_null(strstr(s, "cell center rowspan=2\n        text \"地区\""));
	assert_non_null(strstr(s, "cell center covered\n"));
	assert_non_null(strstr(s, "cell center span=2\n        text \"地区生产总值\""));
	assert_order(s, "text \"数值（亿元）\"", "text \"增长\"");
	assert_non_null(strstr(s, "text \"增长0.5%\""));
	assert_non_null(strstr(s, "text \"下降2.3%\""));
	free(s);
	s = expand(*state, "```table\nregions: [aa, bb]\nindicators: [gdp]\n"
	    "show: [growth]\ngrowth: number\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text \"地区生产总值增长（%）\""));
	assert_non_null(strstr(s, "text \"-2.3\""));
	free(s);
	s = expand(*state, "```table\nregions: [aa]\nindicators: [rate]\nshow: [change]\n"
	    "growth: arrows\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text \"城镇化率增减\""));
	assert_non_null(strstr(s, "text \"▲0.6个百分点\""));
	free(s);
}

static void
comparison_sort_and_total(void **state)
{
	int ok;
	char *s = expand(*state, "```table\nregions: [aa, bb, cc]\nindicators: [jobs, gdp]\n"
	    "sort: jobs\ntotal: sum\nthousands: yes\n```\n", &ok);
	assert_true(ok);
	assert_order(s, "text \"乙县\"", "text \"甲县\"");
	assert_order(s, "text \"甲县\"", "text \"丙区\"");
	assert_non_null(strstr(s, "text \"12,345\""));
	assert_non_null(strstr(s, "row total\n      cell left\n        text \"合计\"\n"
	    "      cell right numeric\n        text \"25,945\"\n      cell right\n"
	    "        text \"—\""));
	free(s);
	/* ascending by growth: missing values last */
	s = expand(*state, "```table\nregions: [aa, bb, cc]\nindicators: [gdp]\n"
	    "sort: gdp.growth\norder: asc\ntotal: average\n```\n", &ok);
	assert_true(ok);
	assert_order(s, "text \"乙县\"", "text \"甲县\"");
	assert_order(s, "text \"甲县\"", "text \"丙区\"");
	assert_non_null(strstr(s, "text \"平均\""));
	free(s);
	s = expand(*state, "```table\nregions: [aa, bb]\nindicators: [gdp]\ntotal: average\n"
	    "```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text \"373.50\""));
	free(s);
	/* percentages are not summed */
	s = expand(*state, "```table\nregions: [aa]\nindicators: [rate]\ntotal: sum\n```\n",
	    &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text \"合计\"\n      cell center\n"));
	free(s);
	s = expand(*state, "```table\nregions: [aa, bb]\nindicators: [gdp]\nscale: 万\n"
	    "total: sum\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text \"地区生产总值（万亿元）\""));
	assert_non_null(strstr(s, "text \"0.0542\""));
	assert_non_null(strstr(s, "text \"0.0747\""));
	free(s);
}

static void
comparison_indicator_rows(void **state)
{
	int ok;
	char *s = expand(*state, "```table\nindicators: [gdp, jobs, rate]\nregions: [aa, bb]\n"
	    "rows: indicators\ncolumns: regions\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "table cols=4 header=1\n"));
	assert_order(s, "text \"指标\"", "text \"单位\"");
	assert_order(s, "text \"单位\"", "text \"甲县\"");
	assert_non_null(strstr(s, "text \"城镇化率\"\n      cell center\n        text \"%\""));
	/* a text value is centred and may wrap */
	assert_non_null(strstr(s, "cell center\n        text \"完成目标\""));
	free(s);
	s = expand(*state, "```table\nindicators: [gdp, jobs]\nregions: [aa, bb]\n"
	    "rows: indicators\ncolumns: regions\ntotal: sum\n```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:6:8: error: a total needs one unit in every row: "
	    "地区生产总值 is in 亿元, 新增就业 in 人"));
	free(s);
	s = expand(*state, "```table\nindicators: [gdp]\nregions: [aa, bb]\nperiods: [\"2023\", "
	    "\"2020\"]\n```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:4:1: error: periods lists 2 values but is neither "
	    "rows nor columns"));
	free(s);
}

/* ---- plan and static tables ------------------------------------------- */

static void
plan_table(void **state)
{
	int ok;
	char *s = expand(*state, "```table\ntype: plan\nindicators: [gdp, firms, rate, jobs]\n"
	    "base: \"2020\"\ntargets: [\"2025\", \"2035\"]\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "table cols=6 header=1\n"));
	assert_order(s, "text \"2020年基数\"", "text \"2025年目标\"");
	assert_order(s, "text \"2035年目标\"", "text \"属性\"");
	assert_non_null(strstr(s, "row group\n      cell left span=6\n        text \"经济发展\""));
	assert_non_null(strstr(s, "row group\n      cell left span=6\n        text \"民生保障\""));
	/* one group row each: firms follows gdp in 经济发展 */
	assert_null(strstr(strstr(s, "经济发展") + 1, "经济发展"));
	assert_non_null(strstr(s, "cell right numeric\n        text \"300（8.4）\""));
	assert_non_null(strstr(s, "cell right\n        text \"1-2\""));
	assert_non_null(strstr(s, "text \"年均增长1.8%\""));
	assert_non_null(strstr(s, "text \"预期性\""));
	free(s);
	s = expand(*state, "```table\ntype: plan\nindicators: [gdp]\ntargets: [\"2o25\"]\n"
	    "attribute: no\n```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:4:11: error: unknown period '2o25' in table directive "
	    "(did you mean '2025'?)"));
	free(s);
}

static void
static_table(void **state)
{
	int ok;
	char *s = expand(*state, "```table\ntype: static\nheader: 地区 | 项目（个） | 投资（亿元） | 说明\n"
	    "rows:\n  - 东部\n  - 甲县 | 12 | 3.5 | 在建\n  - 乙县 | 8 | — | 含 a\\|b\n"
	    "  - 丙区 | 10% | 2.25 |\n"
	    "total: sum\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "table cols=4 header=1\n"));
	assert_non_null(strstr(s, "row group\n      cell left span=4\n        text \"东部\""));
	assert_non_null(strstr(s, "cell right numeric\n        text \"12\""));
	assert_non_null(strstr(s, "cell right numeric\n        text \"10%\""));
	assert_non_null(strstr(s, "text \"含 a|b\""));
	/* 10% is not summed (the column holds a percentage); 投资 has a "—" */
	assert_non_null(strstr(s, "row total\n      cell left\n        text \"合计\"\n"
	    "      cell center\n      cell right\n        text \"—\"\n      cell center\n"));
	free(s);
	s = expand(*state, "```table\ntype: static\nheader: a | b | c\nrows:\n  - x | 1 | 2\n"
	    "  - y | 1\n```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:6:5: error: row has 2 cells but the header has 3"));
	free(s);
}

static void
table_errors(void **state)
{
	int ok;
	char *s = expand(*state, "文字\n\n```table\nregions: [aa, bb]\nindicators: [gdp, jbos]\n"
	    "```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:5:19: error: unknown indicator 'jbos' in table "
	    "directive (did you mean 'jobs'?)"));
	free(s);
	s = expand(*state, "```table\nindicators: [地区生产总值]\n```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "unknown indicator '地区生产总值' in table directive (did "
	    "you mean 'gdp'?)"));
	free(s);
	s = expand(*state, "```table\nregions: [aa, dd]\nindicators: [gdp]\nsortt: gdp\n```\n",
	    &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:2:15: error: unknown region 'dd'"));
	assert_non_null(strstr(s, "t.md:4:1: error: unknown key 'sortt' in comparison table "
	    "(did you mean 'sort'?)"));
	free(s);
	s = expand(*state, "```table\ntype: plann\n```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:2:7: error: 'plann' is not a valid value of type "
	    "(expected comparison, plan or static; did you mean 'plan'?)"));
	free(s);
	s = expand(*state, "```table\nindicators: [gdp]\ngrowth: wrods\ndecimals: 9\n```\n",
	    &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:3:9: error: 'wrods' is not a valid value of growth "
	    "(expected words, arrows or number)"));
	assert_non_null(strstr(s, "t.md:4:11: error: '9' is not a valid value of decimals"));
	free(s);
	s = expand(*state, "```table\nindicators: [gdp]\nsort: jobs\n```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:3:7: error: sort names 'jobs', which is not a column"));
	free(s);
	s = expand(*state, "```table\nindicators: [gdp]\nrows: indicators\ncolumns: indicators\n"
	    "```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:4:10: error: rows and columns are both indicators"));
	free(s);
}

/* ---- charts ----------------------------------------------------------- */

static void
chart_directive(void **state)
{
	int ok;
	char *s = expand(*state, "```chart\ntitle: 图1\nregions: [aa, bb, cc]\n"
	    "indicators: [gdp]\nlabels: yes\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "chart bar unit=\"亿元\" title=\"图1\" labels\n"));
	assert_non_null(strstr(s, "category \"甲县\"\n"));
	assert_non_null(strstr(s, "series \"地区生产总值\" 542 205.0 —\n"));
	free(s);
	s = expand(*state, "```chart\ntype: line\nindicators: [gdp]\n"
	    "periods: [\"2020\", \"2025\", \"2035\"]\nkind: [base, plan]\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "chart line unit=\"亿元\""));
	assert_non_null(strstr(s, "category \"2025年\"\n"));
	assert_non_null(strstr(s, "series \"地区生产总值\" 205 300 630\n"));
	free(s);
	s = expand(*state, "```chart\nregions: [aa, bb]\nindicators: [gdp]\nshow: growth\n```\n",
	    &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "unit=\"%\""));
	assert_non_null(strstr(s, "series \"地区生产总值\" 0.5 -2.3\n"));
	free(s);
	s = expand(*state, "```chart\nregions: [aa, bb]\nindicators: [gdp, jobs]\n```\n", &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:3:19: error: chart mixes units: gdp is in 亿元, jobs "
	    "in 人 (draw one chart per unit)"));
	free(s);
	s = expand(*state, "```chart\nregions: [aa, bb]\nindicators: [rate]\n```\n", &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "warning: value of 城镇化率 for 乙县 is '完成目标', not a "
	    "number; left out of the chart"));
	assert_non_null(strstr(s, "series \"城镇化率\" 40 —\n"));
	free(s);
}

static void
chart_layout(void **state)
{
	int ok;
	rg_doc *doc;
	char *s = expand_doc(*state, "```chart\ntitle: 地区生产总值\nregions: [aa, bb, cc]\n"
	    "indicators: [gdp]\n```\n", &ok, &doc);
	assert_true(ok);
	free(s);
	rg_theme th;
	rg_theme_defaults(&th);
	rg_layout_opts o = { &th, &fake_metrics, 0, 0 };
	rg_diag d;
	rg_diag_init(&d, stderr);
	rg_layout *l = rg_layout_run(doc, &o, &d);
	assert_non_null(l);
	assert_int_equal(d.warnings + d.errors, 0);
	assert_int_equal(l->npages, 1);
	double left = th.margin_left, right = th.page_w - th.margin_right;
	double bars[2] = { 0, 0 }, bottom[2] = { 0, 0 };
	int nbars = 0, top_tick = 0, over_tick = 0;
	const rg_page *pg = &l->pages[0];
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		if (b->kind == RG_BOX_TEXT && b->y > th.page_h - th.margin_bottom)
			continue;          /* the page number */
		/* everything inside the text block */
		assert_true(b->x >= left - 0.01);
		assert_true(b->x + (b->kind == RG_BOX_TEXT ? 0 : b->w) <= right + 0.01);
		if (b->kind == RG_BOX_RECT && b->h > 20 && nbars < 2) {
			bars[nbars] = b->h;
			bottom[nbars++] = b->y + b->h;
		}
		if (b->kind == RG_BOX_TEXT && strcmp(b->text, "600") == 0)
			top_tick = 1;
		if (b->kind == RG_BOX_TEXT && strcmp(b->text, "800") == 0)
			over_tick = 1;
	}
	/* two bars (丙区 has no value) on one base line, heights as the values */
	assert_int_equal(nbars, 2);
	assert_true(bottom[0] - bottom[1] < 0.01 && bottom[1] - bottom[0] < 0.01);
	assert_true(bars[0] / bars[1] - 542.0 / 205.0 < 1e-9);
	assert_true(542.0 / 205.0 - bars[0] / bars[1] < 1e-9);
	/* ticks 0, 200, 400, 600 */
	assert_true(top_tick);
	assert_false(over_tick);
	rg_layout_free(l);
	rg_doc_free(doc);
}

/* Header cells break before their unit when the name fits on a line, and
 * evenly otherwise: never "……增" / "长（%）". */
static const char three_headers[] = "```table\ntype: static\n"
	"header: 地区生产总值增长（%） | 固定资产投资增长（%） | 社会消费零售增长（%）\n"
	"rows:\n  - 1.5 | 2.5 | 3.5\n```\n";

static size_t
header_boxes(void **state, const char *tpl, double width_em, const rg_box ***out,
    rg_layout **lout, rg_doc **dout)
{
	int ok;
	rg_doc *doc;
	char *s = expand_doc(*state, tpl, &ok, &doc);
	assert_true(ok);
	free(s);
	static rg_theme th;
	rg_theme_defaults(&th);
	double side = (th.page_w - width_em * th.table_size) / 2;
	th.margin_left = th.margin_right = side;
	rg_layout_opts o = { &th, &fake_metrics, 0, 0 };
	rg_diag d;
	rg_diag_init(&d, stderr);
	rg_layout *l = rg_layout_run(doc, &o, &d);
	assert_non_null(l);
	const rg_page *pg = &l->pages[0];
	const rg_box **boxes = calloc(pg->nboxes, sizeof *boxes);
	size_t n = 0;
	for (size_t i = 0; i < pg->nboxes; i++)
		if (pg->boxes[i].kind == RG_BOX_TEXT && pg->boxes[i].text != NULL)
			boxes[n++] = &pg->boxes[i];
	*out = boxes;
	*lout = l;
	*dout = doc;
	return n;
}

static int
has_box(const rg_box **b, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(b[i]->text, text) == 0)
			return 1;
	return 0;
}

static void
header_unit_lines(void **state)
{
	const rg_box **b;
	rg_layout *l;
	rg_doc *doc;
	/* 30 em: every name (8 em + padding) fits, no whole header (10.5 em) */
	size_t n = header_boxes(state, three_headers, 30, &b, &l, &doc);
	assert_true(has_box(b, n, "地区生产总值增长"));
	assert_true(has_box(b, n, "固定资产投资增长"));
	assert_true(has_box(b, n, "社会消费零售增长"));
	for (size_t i = 0; i < n; i++)
		assert_null(strstr(b[i]->text, "长（"));
	free(b);
	rg_layout_free(l);
	rg_doc_free(doc);
	/* 25 em: two names fit (the narrowest first), the third breaks evenly */
	n = header_boxes(state, three_headers, 25, &b, &l, &doc);
	int whole = has_box(b, n, "地区生产总值增长") + has_box(b, n, "固定资产投资增长") +
	    has_box(b, n, "社会消费零售增长");
	assert_int_equal(whole, 2);
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		int32_t cp = rg_utf8_decode(b[i]->text, strlen(b[i]->text), &k);
		/* a line of one character, alone or before the unit */
		if (rg_lb_is_han(cp) && (b[i]->text[k] == '\0' ||
		    strncmp(b[i]->text + k, "（", strlen("（")) == 0))
			fail_msg("a header line of one character: %s", b[i]->text);
	}
	free(b);
	rg_layout_free(l);
	rg_doc_free(doc);
	/* 22 em: serving two columns first would leave the third 3 em for 10.5
	 * em of header (4 lines); shared out, every header takes 2 lines */
	n = header_boxes(state, three_headers, 22, &b, &l, &doc);
	double ys[16];
	size_t nys = 0;
	for (size_t i = 0; i < n; i++) {
		if (strspn(b[i]->text, "0123456789.") == strlen(b[i]->text) ||
		    strcmp(b[i]->text, "—") == 0)
			continue;      /* body cells and the page number */
		size_t k = 0;
		while (k < nys && (ys[k] - b[i]->y > 0.01 || b[i]->y - ys[k] > 0.01))
			k++;
		if (k == nys && nys < 16)
			ys[nys++] = b[i]->y;
	}
	assert_int_equal(nys, 2);
	free(b);
	rg_layout_free(l);
	rg_doc_free(doc);
	/* two brackets: the split comes before the first whose sides both fit
	 * (科技型中小企业备案 / （评价）（家）), not inside the name */
	n = header_boxes(state, "```table\ntype: static\n"
	    "header: 地区 | 科技型中小企业备案（评价）（家） | 技能培训（万人次）\n"
	    "rows:\n  - 伊川县 | 160 | 2.3\n```\n", 20, &b, &l, &doc);
	assert_true(has_box(b, n, "科技型中小企业备案"));
	free(b);
	rg_layout_free(l);
	rg_doc_free(doc);
}

/* align: decimal puts the numbers' points under one another (fake metrics:
 * every digit and the point 0.5 em); right-aligned, only their ends are. */
static double
point_x(const rg_box **b, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(b[i]->text, text) == 0) {
			const char *dot = strchr(text, '.');
			size_t at = dot ? (size_t)(dot - text) : strlen(text);
			return b[i]->x + 0.5 * b[i]->size * (double)at;
		}
	fail_msg("no box '%s'", text);
	return 0;
}

static void
decimal_alignment(void **state)
{
	static const char *const nums[] = { "12345.67", "1", "1.5", "0.125" };
	for (int decimal = 0; decimal < 2; decimal++) {
		const rg_box **b;
		rg_layout *l;
		rg_doc *doc;
		char tpl[512];
		snprintf(tpl, sizeof tpl, "```table\ntype: static\n%sheader: 地区 | 数值\n"
		    "rows:\n  - 甲 | 12345.67\n  - 乙 | 1\n  - 丙 | 1.5\n  - 丁 | 0.125\n```\n",
		    decimal ? "align: decimal\n" : "");
		size_t n = header_boxes(state, tpl, 30, &b, &l, &doc);
		double x0 = point_x(b, n, nums[0]);
		int same = 1;
		for (int i = 1; i < 4; i++) {
			double xi = point_x(b, n, nums[i]);
			if (xi - x0 > 0.01 || x0 - xi > 0.01)
				same = 0;
		}
		if (decimal)
			assert_true(same);
		else
			assert_false(same);
		free(b);
		rg_layout_free(l);
		rg_doc_free(doc);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_numbers),
		cmocka_unit_test(format_growth),
		cmocka_unit_test(format_options),
		cmocka_unit_test(comparison_table),
		cmocka_unit_test(comparison_growth_header),
		cmocka_unit_test(comparison_sort_and_total),
		cmocka_unit_test(comparison_indicator_rows),
		cmocka_unit_test(plan_table),
		cmocka_unit_test(static_table),
		cmocka_unit_test(table_errors),
		cmocka_unit_test(chart_directive),
		cmocka_unit_test(chart_layout),
		cmocka_unit_test(header_unit_lines),
		cmocka_unit_test(decimal_alignment),
	};
	return cmocka_run_group_tests_name("table", tests, setup, fixture_teardown);
}
