/* test_csv.c -- the CSV reader (generator/data/csv.c): RFC 4180 quoting,
 * embedded commas and line breaks, CRLF, a byte order mark, GBK, ragged
 * rows, an empty file, a huge cell; the long and wide layouts of the
 * mapping; every error at its line and column, naming the value.  Files are
 * written to a temporary directory as t.csv and t.csvmap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "data/model.h"
#include "messages.h"

typedef struct run {
	char dir[32], csv[64], map[64];
	rg_dataset *ds;
	rg_diag d;
	char *msgs;
	size_t msglen;
	FILE *out;
	int rc;
} run;

static void
write_file(const char *path, const char *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	fclose(f);
}

/* Load csv (len bytes; 0: a C string) with the mapping text (or none). */
static run *
load_n(const char *csv, size_t len, const char *map)
{
	run *r = calloc(1, sizeof *r);
	strcpy(r->dir, "/tmp/rg-csv-XXXXXX");
	assert_non_null(mkdtemp(r->dir));
	snprintf(r->csv, sizeof r->csv, "%s/t.csv", r->dir);
	snprintf(r->map, sizeof r->map, "%s/t.csvmap", r->dir);
	write_file(r->csv, csv, len ? len : strlen(csv));
	if (map != NULL)
		write_file(r->map, map, strlen(map));
	r->ds = rg_dataset_new();
	r->out = open_memstream(&r->msgs, &r->msglen);
	rg_diag_init(&r->d, r->out);
	r->rc = rg_data_load(r->ds, r->csv, &r->d);
	return r;
}

static run *
load(const char *csv, const char *map)
{
	return load_n(csv, 0, map);
}

/* s with every occurrence of from replaced by to (s is freed). */
static char *
replace(char *s, const char *from, const char *to)
{
	char *p;
	size_t n = strlen(from), m = strlen(to);
	while ((p = strstr(s, from)) != NULL) {
		size_t at = (size_t)(p - s), rest = strlen(p + n);
		if (m > n)
			s = realloc(s, at + m + rest + 1);
		memmove(s + at + m, s + at + n, rest + 1);
		memcpy(s + at, to, m);
	}
	return s;
}

/* The messages, then the observations of the dump, with the files named
 * T (the CSV) and M (the mapping). */
static char *
result(run *r)
{
	fflush(r->out);
	char *dump = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&dump, &len);
	if (r->d.errors == 0)
		for (size_t i = 0; i < r->ds->nobservations; i++) {
			const rg_observation *o = &r->ds->observations[i];
			fprintf(f, "%s %s %s %s", o->indicator, o->region ? o->region : "-",
			    o->period ? o->period : "-", rg_obs_kind_name(o->kind));
			if (o->value)
				fprintf(f, " v=[%s]", o->value);
			if (o->growth)
				fprintf(f, " g=%s", o->growth);
			if (o->change)
				fprintf(f, " c=%s", o->change);
			if (o->quote)
				fprintf(f, " q=[%s]", o->quote);
			fprintf(f, " @%d:%d\n", o->pos.line, o->pos.col);
		}
	fclose(f);
	char *msgs = strip_ids(strdup(r->msgs ? r->msgs : ""));
	size_t mlen = strlen(msgs);
	char *s = malloc(mlen + len + 1);
	memcpy(s, msgs, mlen);
	memcpy(s + mlen, dump, len + 1);
	free(msgs);
	free(dump);
	s = replace(s, r->map, "M");
	return replace(s, r->csv, "T");
}

static void
run_free(run *r)
{
	fclose(r->out);
	free(r->msgs);
	unlink(r->csv);
	unlink(r->map);
	rmdir(r->dir);
	rg_dataset_free(r->ds);
	free(r);
}

static void
expect(run *r, const char *want)
{
	char *got = result(r);
	assert_string_equal(got, want);
	free(got);
	run_free(r);
}


/* Quotes, doubled quotes, commas and line breaks in quoted cells; the line
 * and column of each row after a cell that spans lines. */
static void
test_quoting(void **state)
{
	(void)state;
	expect(load("region,indicator,period,kind,value,growth,quote\n"
	    "sx,a,2024,actual,1,2,\"say \"\"hi\"\", then, go\"\n"
	    "sx,b,2024,target,\"完成市\n下达目标\",,\"two\nlines\"\n"
	    "sx,c,2024,,  7 ,-2.3,\n", NULL),
	    "a sx 2024 actual v=[1] g=2 q=[say \"hi\", then, go] @2:1\n"
	    "b sx 2024 target v=[完成市\n下达目标] q=[two\nlines] @3:1\n"
	    "c sx 2024 actual v=[7] g=-2.3 @6:1\n");
}

/* CRLF and a lone CR end rows like LF; blank rows are skipped. */
static void
test_line_ends(void **state)
{
	(void)state;
	expect(load("indicator,value\r\na,1\r\n\r\nb,\"x\r\ny\"\r\n,\r\n", NULL),
	    "a - - actual v=[1] @2:1\n"
	    "b - - actual v=[x\ny] @4:1\n");
	expect(load("indicator,value\ra,1\rb,2", NULL),
	    "a - - actual v=[1] @2:1\n"
	    "b - - actual v=[2] @3:1\n");
}

/* A byte order mark means UTF-8 and is not part of the first header. */
static void
test_bom(void **state)
{
	(void)state;
	expect(load("\xEF\xBB\xBFindicator,value\na,1\n", NULL), "a - - actual v=[1] @2:1\n");
	expect(load("\xEF\xBB\xBFindicator,value\na,\xD3\xCE\n", NULL),
	    "T:2:3: error: byte #D3 is not UTF-8 (the file starts with a UTF-8 byte "
	    "order mark)\n");
	expect(load("\xEF\xBB\xBFindicator,value\na,1\n",
	    "format: reportgen-csv/1\ncsv: {encoding: gbk}\n"),
	    "T:1:1: error: the file starts with a UTF-8 byte order mark, but the mapping "
	    "says encoding: gbk\n");
}

static const char gbk_map[] =
	"format: reportgen-csv/1\n"
	"regions: [{id: songxian, name: 嵩县}]\n"
	"indicators: [{id: tourists, name: 接待游客, unit: 万人次}]\n"
	"csv:\n"
	"  columns: {地区: region, 指标: indicator, 数值: value, 增速: growth, 单位: unit}\n";

/* 地区,指标,数值,增速,单位 / 嵩县,接待游客,1315.7,10%,万人次 in GBK */
static const char gbk_csv[] =
	"\xB5\xD8\xC7\xF8,\xD6\xB8\xB1\xEA,\xCA\xFD\xD6\xB5,\xD4\xF6\xCB\xD9,"
	"\xB5\xA5\xCE\xBB\r\n"
	"\xE1\xD4\xCF\xD8,\xBD\xD3\xB4\xFD\xD3\xCE\xBF\xCD,1315.7,10%,"
	"\xCD\xF2\xC8\xCB\xB4\xCE\r\n";

/* GBK, detected (not UTF-8) or named; names and units of the mapping. */
static void
test_gbk(void **state)
{
	(void)state;
	expect(load(gbk_csv, gbk_map), "tourists songxian - actual v=[1315.7] g=10 @2:1\n");
	char map[512];
	snprintf(map, sizeof map, "%s  encoding: gbk\n", gbk_map);
	expect(load(gbk_csv, map), "tourists songxian - actual v=[1315.7] g=10 @2:1\n");
	snprintf(map, sizeof map, "%s  encoding: utf-8\n", gbk_map);
	expect(load(gbk_csv, map),
	    "T:1:1: error: byte #B5 is not UTF-8 (the mapping says encoding: utf-8)\n");
	/* a byte that is neither: its line and column */
	expect(load("indicator,value\na,\x81\x20\n", NULL),
	    "T:2:3: error: byte #81 is neither UTF-8 nor GBK (the file must be one of them)\n");
	/* after conversion, columns count the UTF-8 text: 嵩县 is 6 bytes */
	expect(load("\xB5\xD8\xC7\xF8,\xD6\xB8\xB1\xEA,\xCA\xFD\xD6\xB5,\xD4\xF6\xCB\xD9,"
	    "\xB5\xA5\xCE\xBB\n\xE1\xD4\xCF\xD8,tourists,1,x,\xCD\xF2\xC8\xCB\xB4\xCE\n",
	    gbk_map),
	    "T:2:15: error: growth must be a number (percent), found 'x'\n");
}

/* Rows with too few or too many cells. */
static void
test_ragged(void **state)
{
	(void)state;
	expect(load("indicator,value,growth\na,1\nb,2,3,4\nc,3,4\n", NULL),
	    "T:2:3: error: row has 2 cells, the header 3\n"
	    "T:3:7: error: row has 4 cells, the header 3\n");
}

/* Empty files, a header alone, a file without a line end. */
static void
test_empty(void **state)
{
	(void)state;
	expect(load("", NULL), "T: error: empty file (a CSV file starts with a header "
	    "row)\n");
	expect(load("\xEF\xBB\xBF", NULL), "T: error: empty file (a CSV file starts with "
	    "a header row)\n");
	expect(load("indicator,value\n", NULL), "");
	expect(load("indicator,value\na,1", NULL), "a - - actual v=[1] @2:1\n");
	expect(load("indicator,,value\n", NULL), "T:1:11: error: column 2 has no header\n");
}

/* A cell of 1 MiB (quoted, with commas, quotes and line breaks) and 100000
 * rows load whole. */
static void
test_huge(void **state)
{
	(void)state;
	size_t n = 1u << 20;   /* 1 MiB: fed a byte at a time, 4 took 75 s under ASan */
	char *csv = malloc(n + 64);
	size_t len = (size_t)sprintf(csv, "indicator,value\na,\"");
	for (size_t i = 0; i < n; i++)
		csv[len++] = "x,\n\"y"[i % 5] == '"' ? 'q' : "x,\n\"y"[i % 5];
	len += (size_t)sprintf(csv + len, "\"\n");
	run *r = load_n(csv, len, NULL);
	assert_int_equal(r->rc, 0);
	assert_int_equal(r->ds->nobservations, 1);
	assert_int_equal(strlen(r->ds->observations[0].value), n);
	run_free(r);
	free(csv);

	size_t rows = 100000;
	csv = malloc(rows * 16 + 32);
	len = (size_t)sprintf(csv, "indicator,period,value\n");
	for (size_t i = 0; i < rows; i++)
		len += (size_t)sprintf(csv + len, "a,%zu,%zu\n", i, i);
	r = load_n(csv, len, NULL);
	assert_int_equal(r->rc, 0);
	assert_int_equal(r->ds->nobservations, rows);
	assert_int_equal(r->ds->observations[rows - 1].pos.line, (int)rows + 1);
	run_free(r);
	free(csv);
}

/* Syntax errors at the byte they were found at. */
static void
test_syntax_errors(void **state)
{
	(void)state;
	expect(load("indicator,value\na,1\nb,1\"2\n", NULL),
	    "T:3:4: error: a quote inside a cell that does not start with one (quote the "
	    "whole cell and write the quote \"\")\n");
	expect(load("indicator,value\na,\"1\"2\n", NULL),
	    "T:2:6: error: '2' after the closing quote of a cell (a quote inside a quoted "
	    "cell is written \"\")\n");
	expect(load("indicator,value\na,\"1\n2,\n", NULL),
	    "T:2:3: error: a quoted cell is not closed by the end of the file\n");
	/* a NUL in a cell is refused by the rules every data file follows */
	expect(load_n("indicator,value\na,1\0002\n", 21, NULL),
	    "T:2:3: error: field 'value' contains the character U+0000, which data files "
	    "cannot hold\n");
}

static const char long_map[] =
	"format: reportgen-csv/1\n"
	"meta: {region: songxian, period: \"2024\"}\n"
	"regions: [{id: songxian, name: 嵩县}, {id: luoyang, name: 洛阳市, level: 市}]\n"
	"indicators:\n"
	"  - {id: gdp, name: 地区生产总值, unit: 亿元}\n"
	"  - {id: gdp_per_capita, name: 人均生产总值, unit: 元}\n"
	"csv:\n"
	"  columns: {地区: region, 指标: indicator, 类型: kind, 数值: value, 增速: growth,\n"
	"            单位: unit, 备注: ignore}\n"
	"  names: {人均GDP: gdp_per_capita}\n"
	"  empty: [—]\n";

/* The long layout: names, name（unit）, csv.names, defaults of the
 * mapping's meta, units checked, ignored and empty cells. */
static void
test_long(void **state)
{
	(void)state;
	expect(load("地区,指标,类型,数值,增速,单位,备注\n"
	    "嵩县,地区生产总值（亿元）,,205,8%,亿元,x\n"
	    "洛阳市,人均GDP,target,—,6,元,\n"
	    ",gdp,plan,300(8.4%),,,\n", long_map),
	    "gdp songxian 2024 actual v=[205] g=8 @2:1\n"
	    "gdp_per_capita luoyang 2024 target g=6 @3:1\n"
	    "gdp songxian 2024 plan v=[300(8.4%)] @4:1\n");
	expect(load("地区,指标,类型,数值,增速,单位,备注\n"
	    "嵩县,地区生产总值,,205,,万元,\n"
	    "郑州市,gdp,,1,,,\n"
	    ",人均生产总值（万元）,,1,,,\n"
	    ",gdp,,,,,x\n", long_map),
	    "T:2:17: error: unit '万元' is not the unit of indicator 'gdp' (亿元, M:5:5)\n"
	    "T:3:1: error: '郑州市' is neither the id nor the name of a region (name it "
	    "under csv.names in M)\n"
	    "T:4:2: error: '人均生产总值（万元）' is neither the id nor the name of an "
	    "indicator (name it under csv.names in M)\n"
	    "T:5:1: error: observation has no 'value', 'growth' or 'change'\n");
}

static const char wide_map[] =
	"format: reportgen-csv/1\n"
	"meta: {region: songxian}\n"
	"regions: [{id: songxian, name: 嵩县}, {id: mengjin, name: 孟津区}]\n"
	"indicators:\n"
	"  - {id: gdp, name: 地区生产总值, unit: 亿元}\n"
	"  - {id: fai, name: 固定资产投资, unit: 亿元}\n"
	"csv:\n"
	"  layout: wide\n"
	"  columns: {地区: region, 年份: period}\n"
	"  cells:\n"
	"    地区生产总值: {indicator: gdp}\n"
	"    增速: {indicator: gdp, field: growth}\n"
	"    固投增速: {indicator: fai, field: growth}\n";

/* The wide layout, one column per indicator: the cells that fix the same
 * keys make one observation, placed at its first cell. */
static void
test_wide_by_indicator(void **state)
{
	(void)state;
	expect(load("地区,年份,地区生产总值,增速,固投增速\n"
	    "嵩县,2024,205,5.5,\n"
	    "孟津区,2023,542,0.5,8.1\n"
	    "孟津区,2022,,,3\n", wide_map),
	    "gdp songxian 2024 actual v=[205] g=5.5 @2:9\n"
	    "gdp mengjin 2023 actual v=[542] g=0.5 @3:10\n"
	    "fai mengjin 2023 actual g=8.1 @3:18\n"
	    "fai mengjin 2022 actual g=3 @4:12\n");
}

static const char plan_map[] =
	"format: reportgen-csv/1\n"
	"meta: {region: songxian}\n"
	"regions: [{id: songxian, name: 嵩县}]\n"
	"indicators:\n"
	"  - {id: gdp, name: 地区生产总值, unit: 亿元}\n"
	"  - {id: fai, name: 固定资产投资, unit: 亿元}\n"
	"  - {id: trade, name: 进出口贸易额, unit: 亿元}\n"
	"csv:\n"
	"  layout: wide\n"
	"  columns: {指标: indicator}\n"
	"  cells:\n"
	"    2020年: {period: \"2020\", kind: base}\n"
	"    2025年: {period: \"2025\", kind: plan, field: value(growth)}\n"
	"  names:\n"
	"    全社会固定资产投资额增速（%）: {id: fai, field: growth}\n";

/* The wide layout, one column per period, as 专栏 tables are: value and
 * growth in one cell, rows whose cells hold growth. */
static void
test_wide_by_period(void **state)
{
	(void)state;
	expect(load("指标,2020年,2025年\n"
	    "地区生产总值（亿元）,205,300(8.4%)\n"
	    "全社会固定资产投资额增速（%）,6.7,7.5\n"
	    "进出口贸易额（亿元）,0.023,0.033（8%）\n"
	    "地区生产总值,,72.5以上\n", plan_map),
	    "gdp songxian 2020 base v=[205] @2:12\n"
	    "gdp songxian 2025 plan v=[300] g=8.4 @2:16\n"
	    "fai songxian 2020 base g=6.7 @3:17\n"
	    "fai songxian 2025 plan g=7.5 @3:21\n"
	    "trade songxian 2020 base v=[0.023] @4:12\n"
	    "trade songxian 2025 plan v=[0.033] g=8 @4:18\n"
	    "gdp songxian 2025 plan v=[72.5以上] @5:9\n");
}

/* The mapping's own errors, at their place in the mapping. */
static void
test_mapping_errors(void **state)
{
	(void)state;
	expect(load("indicator,value\na,1\n",
	    "format: reportgen-csv/1\n"
	    "observations: []\n"
	    "csv:\n"
	    "  encodign: gbk\n"
	    "  layout: tall\n"
	    "  columns: {指标: indicatr, 值: value}\n"
	    "  cells: {x: {period: \"2020\", kind: base, color: red}}\n"),
	    "M:2:1: error: unknown field 'observations' in a CSV mapping\n"
	    "M:4:3: error: unknown field 'encodign' in csv (did you mean 'encoding'?)\n"
	    "M:5:11: error: layout must be long or wide, found 'tall'\n"
	    "M:6:17: error: a column 'indicatr' is not one of ignore, region, indicator, "
	    "period, kind, value, growth, change, quote, unit, value(growth) (did you mean "
	    "'indicator'?)\n"
	    "M:7:43: error: unknown field 'color' in a cell column\n"
	    "M:7:3: error: cells are for a wide table (add 'layout: wide')\n");
	/* two cell columns filling the same field of one observation */
	expect(load("年份,数值,增速,二\n2024,1,2,3\n",
	    "format: reportgen-csv/1\n"
	    "csv:\n"
	    "  layout: wide\n"
	    "  columns: {年份: period}\n"
	    "  cells:\n"
	    "    数值: {indicator: gdp, field: value(growth)}\n"
	    "    增速: {indicator: gdp, field: growth}\n"
	    "    二: {indicator: gdp}\n"),
	    "M:7:5: error: cell columns '数值' and '增速' both give the growth of one "
	    "observation\n"
	    "M:8:5: error: cell columns '数值' and '二' both give the value of one "
	    "observation\n");
	expect(load("indicator,value\na,1\n", "format: reportgen/1\n"),
	    "M:1:9: error: unsupported format 'reportgen/1' (this is reportgen-csv/1)\n");
	/* headers against the mapping */
	expect(load("指标,数值,数值,备考\na,1,2,3\n",
	    "format: reportgen-csv/1\n"
	    "csv:\n"
	    "  columns: {指标: indicator, 数值: value, 备注: ignore, 地区: region}\n"),
	    "T:1:7: error: column '数值' appears twice in the header (first at column 2)\n"
	    "T:1:10: error: unknown column '备考' (did you mean '备注'?) (map it under "
	    "csv.columns in M, or to ignore)\n"
	    "M:3:39: error: column '备注' is not in the header of T\n"
	    "M:3:51: error: column '地区' is not in the header of T\n");
	/* no mapping: the header names the model's fields */
	expect(load("indicatr,value\na,1\n", NULL),
	    "T:1:1: error: unknown column 'indicatr' (did you mean 'indicator'?) (map it "
	    "under csv.columns in a mapping, or to ignore)\n");
	expect(load("region,value\nsx,1\n", NULL),
	    "T:1:1: error: no column gives the indicator (a column named 'indicator', or "
	    "one mapped to it in csv.columns)\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_gbk),
		cmocka_unit_test(test_ragged),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_huge),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_wide_by_indicator),
		cmocka_unit_test(test_wide_by_period),
		cmocka_unit_test(test_mapping_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
