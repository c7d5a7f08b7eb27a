/* test_data.c -- the data stage: loading YAML and XML (positions, defaults,
 * values kept as written), cross-file validation, the dump, and the
 * YAML <-> XML round trip.  Documents are written to temporary files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "data/model.h"
#include "messages.h"

/* A temporary file holding text; its name ends in suffix. */
static char *
temp_file(const char *suffix, const char *text)
{
	char tmpl[] = "/tmp/rg-test-XXXXXX";
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	size_t len = strlen(text);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	char *path = malloc(strlen(tmpl) + strlen(suffix) + 1);
	sprintf(path, "%s%s", tmpl, suffix);
	assert_int_equal(rename(tmpl, path), 0);
	return path;
}

/* Loading with the messages captured. */
typedef struct run {
	rg_dataset *ds;
	rg_diag d;
	char *msgs;
	size_t msglen;
	FILE *out;
	char *paths[4];
	int npaths;
} run;

static run *
run_new(void)
{
	run *r = calloc(1, sizeof *r);
	r->ds = rg_dataset_new();
	r->out = open_memstream(&r->msgs, &r->msglen);
	rg_diag_init(&r->d, r->out);
	return r;
}

static int
run_load(run *r, const char *suffix, const char *text)
{
	char *path = temp_file(suffix, text);
	r->paths[r->npaths++] = path;
	return rg_data_load(r->ds, path, &r->d);
}

/* The messages so far, with each temporary file name shown as F1, F2... */
static char *
run_messages(run *r)
{
	fflush(r->out);
	char *s = strip_ids(strdup(r->msgs));
	for (int i = 0; i < r->npaths; i++) {
		size_t n = strlen(r->paths[i]);
		char *p;
		while ((p = strstr(s, r->paths[i])) != NULL) {
			p[0] = 'F';
			p[1] = (char)('1' + i);
			memmove(p + 2, p + n, strlen(p + n) + 1);
		}
	}
	return s;
}

static void
run_free(run *r)
{
	fclose(r->out);
	free(r->msgs);
	for (int i = 0; i < r->npaths; i++) {
		unlink(r->paths[i]);
		free(r->paths[i]);
	}
	rg_dataset_free(r->ds);
	free(r);
}

static void
assert_messages(run *r, const char *want)
{
	char *got = run_messages(r);
	assert_string_equal(got, want);
	free(got);
}

/* The dump, positions removed: what must survive a round trip. */
static char *
dump_without_positions(const rg_dataset *ds)
{
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	rg_dataset_dump(ds, f);
	fclose(f);
	char *out = malloc(len + 1), *o = out;
	for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		char *at = strstr(line, " @/tmp/");
		size_t n = at ? (size_t)(at - line) : strlen(line);
		memcpy(o, line, n);
		o += n;
		*o++ = '\n';
	}
	*o = '\0';
	free(text);
	return out;
}

static const char yaml_doc[] =
	"format: reportgen/1\n"
	"meta:\n"
	"  title: 嵩县2024年经济工作回顾\n"
	"  region: songxian\n"
	"  period: \"2024\"\n"
	"  date: 2024-12-29\n"
	"  source:\n"
	"    document: 嵩县县委经济工作会议召开\n"
	"    seed: 000_66e3ed1c59199d75.txt\n"
	"regions:\n"
	"  - {id: songxian, name: 嵩县, level: 县}\n"
	"indicators:\n"
	"  - id: tourists\n"
	"    name: 接待游客\n"
	"    unit: 万人次\n"
	"observations:\n"
	"  - indicator: tourists\n"
	"    value: 1315.7\n"
	"    growth: 10\n"
	"    quote: 全县共接待游客1315.7万人次，增长10%\n"
	"narratives:\n"
	"  - id: industry\n"
	"    title: 产业发展\n"
	"    text: |\n"
	"      坚持以高质量发展为引领，聚焦**生物医药**。\n"
	"\n"
	"      第二段。\n";

static void
test_yaml_positions(void **state)
{
	(void)state;
	run *r = run_new();
	assert_int_equal(run_load(r, ".yaml", yaml_doc), 0);
	const rg_dataset *ds = r->ds;
	assert_int_equal(ds->meta.pos.line, 3);
	assert_int_equal(ds->meta.pos.col, 3);
	/* columns count bytes: the flow mapping is at column 5 */
	assert_int_equal(ds->regions[0].pos.line, 11);
	assert_int_equal(ds->regions[0].pos.col, 5);
	assert_string_equal(ds->regions[0].level, "县");
	const rg_observation *o = &ds->observations[0];
	assert_int_equal(o->pos.line, 17);
	assert_int_equal(o->pos.col, 5);
	assert_int_equal(o->value_pos.line, 18);
	assert_int_equal(o->value_pos.col, 12);
	assert_ptr_equal(o->pos.file, ds->files[0]);
	/* a literal block's text starts on the next line, at its indentation */
	const rg_narrative *n = &ds->narratives[0];
	assert_int_equal(n->pos.line, 22);
	assert_int_equal(n->text_pos.line, 25);
	assert_int_equal(n->text_pos.col, 7);
	assert_string_equal(n->text, "坚持以高质量发展为引领，聚焦**生物医药**。\n\n第二段。\n");
	run_free(r);
}

static void
test_char_columns(void **state)
{
	(void)state;
	run *r = run_new();
	assert_int_equal(run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "regions:\n"
	    "  - {id: songxian, name: 嵩县, levle: 县}\n"), -1);
	/* "  - {id: songxian, name: 嵩县, " is 29 characters, 33 bytes: the
	 * column counts characters (diag.h) */
	assert_messages(r, "F1:3:30: error: unknown field 'levle' in region "
	    "(did you mean 'level'?)\n");
	run_free(r);
}

static void
test_xml_positions(void **state)
{
	(void)state;
	run *r = run_new();
	assert_int_equal(run_load(r, ".xml",
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<reportgen format=\"1\">\n"
	    "  <meta region=\"songxian\" period=\"2024\"/>\n"
	    "  <regions><region id=\"songxian\" name=\"嵩县\"/></regions>\n"
	    "  <indicators>\n"
	    "    <indicator id=\"gdp\" name=\"地区生产总值\" unit=\"亿元\"/>\n"
	    "  </indicators>\n"
	    "  <observations>\n"
	    "    <obs indicator=\"gdp\"\n"
	    "         value=\"300\"/>\n"
	    "  </observations>\n"
	    "  <narratives>\n"
	    "    <narrative id=\"review\" title=\"回顾\">一年来，\n"
	    "全县经济稳中有进。</narrative>\n"
	    "  </narratives>\n"
	    "</reportgen>\n"), 0);
	const rg_dataset *ds = r->ds;
	assert_int_equal(ds->regions[0].pos.line, 4);
	assert_int_equal(ds->regions[0].pos.col, 12);
	const rg_observation *o = &ds->observations[0];
	assert_int_equal(o->pos.line, 9);
	assert_int_equal(o->pos.col, 5);
	assert_int_equal(o->value_pos.line, 10);
	assert_int_equal(o->value_pos.col, 17);
	const rg_narrative *n = &ds->narratives[0];
	assert_int_equal(n->pos.line, 13);
	assert_int_equal(n->text_pos.line, 13);
	assert_int_equal(n->text_pos.col, 39);   /* characters; 43 bytes */
	assert_string_equal(n->text, "一年来，\n全县经济稳中有进。");
	run_free(r);
}

static void
test_defaults(void **state)
{
	(void)state;
	run *r = run_new();
	/* meta after the observations still gives the file's defaults */
	assert_int_equal(run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "observations:\n"
	    "  - {indicator: gdp, value: 300}\n"
	    "  - {indicator: gdp, region: yichuan, value: 400}\n"
	    "narratives:\n"
	    "  - {id: review, text: 回顾}\n"
	    "meta: {region: songxian, period: '2024', title: 嵩县}\n"), 0);
	assert_int_equal(run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "meta: {region: mengjin, period: '2023', title: 孟津区, author: 区政府}\n"
	    "observations:\n"
	    "  - {indicator: gdp, value: 500}\n"), 0);
	const rg_dataset *ds = r->ds;
	assert_string_equal(ds->observations[0].region, "songxian");
	assert_string_equal(ds->observations[0].period, "2024");
	assert_string_equal(ds->observations[1].region, "yichuan");
	assert_string_equal(ds->narratives[0].region, "songxian");
	assert_ptr_equal(rg_dataset_narrative(ds, "review", "songxian", NULL), &ds->narratives[0]);
	assert_null(rg_dataset_narrative(ds, "review", "mengjin", "2024"));
	assert_string_equal(ds->observations[2].region, "mengjin");
	assert_string_equal(ds->observations[2].period, "2023");
	/* the dataset's meta: the first file that sets each field */
	assert_string_equal(ds->meta.title, "嵩县");
	assert_string_equal(ds->meta.author, "区政府");
	assert_int_equal(ds->meta.pos.line, 7);
	run_free(r);
}

static void
test_values_as_written(void **state)
{
	(void)state;
	static const struct {
		const char *yaml, *text;
		int number;
	} cases[] = {
		{ "205", "205", 1 },
		{ "205.0", "205.0", 1 },
		{ "10.0028", "10.0028", 1 },
		{ "1315.70", "1315.70", 1 },
		{ "-2.3", "-2.3", 1 },
		{ "+1", "+1", 1 },
		{ ".5", ".5", 1 },
		{ "\"205\"", "205", 1 },
		{ "1e3", "1e3", 0 },
		{ "0x10", "0x10", 0 },
		{ "1-2", "1-2", 0 },
		{ "≤2.8", "≤2.8", 0 },
		{ "完成市下达目标", "完成市下达目标", 0 },
		{ "\"null\"", "null", 0 },
		{ "'~'", "~", 0 },
		{ "true", "true", 0 },
		{ "\"in  between\"", "in  between", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char doc[512];
		snprintf(doc, sizeof doc, "format: reportgen/1\n"
		    "observations:\n"
		    "  - indicator: gdp\n"
		    "    region: songxian\n"
		    "    period: 2024\n"
		    "    value: %s\n", cases[i].yaml);
		run *r = run_new();
		assert_int_equal(run_load(r, ".yaml", doc), 0);
		assert_string_equal(r->ds->observations[0].value, cases[i].text);
		assert_int_equal(r->ds->observations[0].value_is_number, cases[i].number);
		assert_string_equal(r->ds->observations[0].period, "2024");
		run_free(r);
	}
	/* but not white space at the ends, which made ' 2024' another period
	 * and '205 ' a text */
	run *r = run_new();
	assert_int_not_equal(run_load(r, ".yaml", "format: reportgen/1\n"
	    "observations:\n"
	    "  - {indicator: gdp, region: songxian, period: \"2024 \", value: \"\\u3000205\"}\n"), 0);
	assert_messages(r, "F1:3:49: error: field 'period' has white space at its start or end "
	    "('2024 '); remove it\n"
	    "F1:3:65: error: field 'value' has white space at its start or end "
	    "('\u3000205'); remove it\n");
	run_free(r);
}

static void
test_null_is_absent(void **state)
{
	(void)state;
	run *r = run_new();
	assert_int_equal(run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "meta:\n"
	    "indicators:\n"
	    "  - id: gdp\n"
	    "    name: 地区生产总值\n"
	    "    unit: ~\n"
	    "    group:\n"
	    "    note: null\n"), 0);
	assert_null(r->ds->indicators[0].unit);
	assert_null(r->ds->indicators[0].group);
	assert_null(r->ds->indicators[0].note);
	run_free(r);
}

static void
test_yaml_errors(void **state)
{
	(void)state;
	run *r = run_new();
	assert_int_equal(run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "meta: {region: songxian, period: '2024', date: 2024-1-5}\n"
	    "indicators:\n"
	    "  - id: gdp\n"
	    "    name: 地区生产总值\n"
	    "    attribute: 约束\n"
	    "observations:\n"
	    "  - indicator: gdp\n"
	    "    value: {a: 1}\n"
	    "    grwoth: 十\n"
	    "  - indicator: gdp\n"
	    "    kind: plans\n"
	    "    growth: 十\n"
	    "  - {indicator: gdp}\n"), -1);
	assert_messages(r,
	    "F1:2:48: error: date must be a real date written YYYY-MM-DD, found '2024-1-5'\n"
	    "F1:6:16: error: attribute must be 预期性 or 约束性, found '约束'\n"
	    "F1:9:12: error: field 'value' must be a scalar, found a mapping\n"
	    "F1:10:5: error: unknown field 'grwoth' in observation (did you mean 'growth'?)\n"
	    "F1:12:11: error: kind must be actual, target, base, plan or estimate, found "
	    "'plans' (did you mean 'plan'?)\n"
	    "F1:13:13: error: growth must be a number (percent), found '十'\n"
	    "F1:14:5: error: observation has no 'value', 'growth' or 'change'\n");
	assert_int_equal(r->d.errors, 7);
	assert_int_equal(rg_diag_status(&r->d), RG_EXIT_BADINPUT);
	run_free(r);
}

static void
test_syntax_error(void **state)
{
	(void)state;
	run *r = run_new();
	assert_int_equal(run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "regions:\n"
	    "  - id: songxian\n"
	    "    name: [嵩县\n"), -1);
	assert_messages(r, "F1:5:1: error: did not find expected ',' or ']' "
	    "(while parsing a flow sequence)\n");
	run_free(r);
}

/* The same rule gives the same message from YAML and from XML. */
static void
test_shared_rules(void **state)
{
	(void)state;
	run *r = run_new();
	run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "observations:\n"
	    "  - {indicator: gdp, region: songxian, period: '2024', change: 0.6个}\n"
	    "regions:\n"
	    "  - {id: Songxian, name: 嵩县}\n");
	run_load(r, ".xml",
	    "<reportgen format=\"1\"><observations>"
	    "<obs indicator=\"gdp\" region=\"songxian\" period=\"2024\" change=\"0.6个\"/>"
	    "</observations>\n<regions><region id=\"Songxian\" name=\"嵩县\"/></regions>"
	    "</reportgen>\n");
	assert_messages(r,
	    "F1:3:64: error: change must be a number (个百分点), found '0.6个'\n"
	    "F1:5:10: error: invalid region id 'Songxian' (use lowercase letters, digits "
	    "and '_', starting with a letter)\n"
	    "F2:1:98: error: change must be a number (个百分点), found '0.6个'\n"
	    "F2:2:22: error: invalid region id 'Songxian' (use lowercase letters, digits "
	    "and '_', starting with a letter)\n");
	run_free(r);
}

static void
test_xml_schema_errors(void **state)
{
	(void)state;
	run *r = run_new();
	assert_int_equal(run_load(r, ".xml",
	    "<reportgen format=\"1\">\n"
	    "  <indicators>\n"
	    "    <indicator id=\"gdp\" nmae=\"地区生产总值\"/>\n"
	    "  </indicators>\n"
	    "</reportgen>\n"), -1);
	assert_messages(r,
	    "F1:3:25: error: Element 'indicator', attribute 'nmae': The attribute 'nmae' "
	    "is not allowed. (did you mean 'name'?)\n"
	    "F1:3:5: error: Element 'indicator': The attribute 'name' is required but "
	    "missing.\n");
	run_free(r);
}

static double
seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
test_hostile_input_fails_fast(void **state)
{
	(void)state;
	char doc[4096] = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY a \"lol\">\n";
	for (int i = 1; i < 10; i++) {
		char line[256];
		snprintf(line, sizeof line, "<!ENTITY %c \"", 'a' + i);
		for (int j = 0; j < 10; j++)
			snprintf(line + strlen(line), sizeof line - strlen(line), "&%c;", 'a' + i - 1);
		strcat(doc, line);
		strcat(doc, "\">\n");
	}
	strcat(doc, "]>\n<reportgen format=\"1\"><meta title=\"&j;\"/></reportgen>\n");
	run *r = run_new();
	double t = seconds();
	assert_int_equal(run_load(r, ".xml", doc), -1);
	assert_int_equal(run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "a: &a [x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"), -1);
	assert_true(seconds() - t < 0.5);
	assert_messages(r,
	    "F1:2:1: error: DOCTYPE 'r' is not allowed (data files refuse DTDs, entity "
	    "declarations and external entities)\n"
	    "F2:2:1: error: unknown field 'a' in the top-level mapping\n"
	    "F2:2:4: error: YAML anchor 'a' is not allowed (data files refuse anchors and "
	    "aliases)\n");
	run_free(r);
}

static const char validate_a[] =
	"format: reportgen/1\n"
	"meta: {region: songxian, period: '2024'}\n"
	"regions: [{id: songxian, name: 嵩县, level: 县}]\n"
	"indicators: [{id: gdp, name: 地区生产总值, unit: 亿元}]\n"
	"observations:\n"
	"  - {indicator: gdp, value: 300}\n"
	"  - {indicator: gdp, kind: target, growth: 7}\n"
	"narratives: [{id: review, text: 第一份}]\n";

static void
test_validate_joins_files(void **state)
{
	(void)state;
	run *r = run_new();
	run_load(r, ".yaml", validate_a);
	/* the same region and indicator again (another name, the same unit),
	 * the same observation with the same value, and a narrative already
	 * given by the first file: joined, the first file's versions used */
	run_load(r, ".xml",
	    "<reportgen format=\"1\">\n"
	    "  <meta region=\"songxian\" period=\"2023\"/>\n"
	    "  <regions><region id=\"songxian\" name=\"嵩县\" level=\"县\"/></regions>\n"
	    "  <indicators><indicator id=\"gdp\" name=\"生产总值\" unit=\"亿元\"/>"
	    "</indicators>\n"
	    "  <observations><obs indicator=\"gdp\" value=\"280\"/>"
	    "<obs indicator=\"gdp\" period=\"2024\" value=\"300\"/></observations>\n"
	    "  <narratives><narrative id=\"review\" period=\"2024\">第二份</narrative>"
	    "</narratives>\n"
	    "</reportgen>\n");
	assert_int_equal(rg_dataset_validate(r->ds, &r->d), 0);
	assert_messages(r, "");
	assert_string_equal(rg_dataset_indicator(r->ds, "gdp")->name, "地区生产总值");
	assert_string_equal(rg_dataset_narrative(r->ds, "review", "songxian", "2024")->text,
	    "第一份");
	const rg_observation *found[4];
	rg_obs_query q = { "gdp", "songxian", NULL, -1 };
	assert_int_equal(rg_dataset_find(r->ds, &q, found, 4), 3);
	q.period = "2023";
	assert_int_equal(rg_dataset_find(r->ds, &q, found, 4), 1);
	assert_string_equal(found[0]->value, "280");
	q.period = NULL;
	q.kind = RG_OBS_TARGET;
	assert_int_equal(rg_dataset_find(r->ds, &q, found, 1), 1);
	assert_string_equal(found[0]->growth, "7");
	assert_ptr_equal(rg_dataset_region(r->ds, "嵩县"), &r->ds->regions[0]);
	assert_ptr_equal(rg_dataset_indicator(r->ds, "gdp"), &r->ds->indicators[0]);
	assert_null(rg_dataset_indicator(r->ds, "gpd"));
	run_free(r);
}

static void
test_validate_errors(void **state)
{
	(void)state;
	run *r = run_new();
	run_load(r, ".yaml", validate_a);
	run_load(r, ".yaml",
	    "format: reportgen/1\n"
	    "meta: {region: songxian}\n"
	    "regions: [{id: songxian, name: 嵩县}]\n"
	    "indicators: [{id: gdp, name: 地区生产总值, unit: 万元}]\n"
	    "observations:\n"
	    "  - {indicator: gdp, period: '2024', value: 301}\n"
	    "  - {indicator: gdq, period: '2024', value: 1}\n"
	    "  - {indicator: gdp, region: luoyang, period: '2024', value: 1}\n"
	    "  - {indicator: gdp, kind: plan, value: 400}\n");
	assert_int_equal(rg_dataset_validate(r->ds, &r->d), -1);
	assert_messages(r,
	    "F2:3:11: error: region 'songxian' is defined differently at F1:3:11\n"
	    "F2:4:14: error: indicator 'gdp' has unit '万元' here but '亿元' at F1:4:14\n"
	    "F2:8:5: error: unknown region 'luoyang'\n"
	    "F2:7:5: error: unknown indicator 'gdq' (did you mean 'gdp'?)\n"
	    "F2:6:5: error: second actual observation of 'gdp' for region songxian, "
	    "period 2024 (the first is at F1:6:5, with a different value)\n"
	    "F2:9:5: error: observation of 'gdp' has no period (give it one, or a default "
	    "in meta)\n");
	run_free(r);
}

static void
test_dump(void **state)
{
	(void)state;
	run *r = run_new();
	run_load(r, ".yaml", yaml_doc);
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	rg_dataset_dump(r->ds, f);
	fclose(f);
	char want[256];
	snprintf(want, sizeof want, "obs tourists region=songxian period=2024 kind=actual "
	    "value=\"1315.7\" growth=10 quote=\"全县共接待游客1315.7万人次，增长10%%\" "
	    "@%s:17:5\n", r->paths[0]);
	assert_non_null(strstr(text, want));
	assert_non_null(strstr(text, "\nnarrative industry region=songxian period=2024 "
	    "title=\"产业发展\" text=\"坚持以高质量发展为引领，聚焦**生物医药**。\\n\\n第二段。\\n\" @"));
	assert_memory_equal(text, "meta title=\"嵩县2024年经济工作回顾\" region=songxian "
	    "period=2024 date=2024-12-29 @", 87);
	free(text);
	run_free(r);
}

/* Values chosen to be hard to carry: YAML nulls as text, quotes, markup,
 * spaces at the ends (of a narrative), several lines, numbers with trailing zeros. */
static const char tricky_yaml[] =
	"format: reportgen/1\n"
	"meta:\n"
	"  title: \"嵩县 <2024> & \\\"回顾\\\"\"\n"
	"  region: songxian\n"
	"  period: \"2024\"\n"
	"  source: {url: 'https://example.com/a?b=1&c=2'}\n"
	"regions:\n"
	"  - {id: songxian, name: 嵩县}\n"
	"  - {id: yichuan, name: 伊川县, level: 县}\n"
	"indicators:\n"
	"  - {id: gdp, name: 地区生产总值, unit: 亿元, attribute: 预期性, note: '~'}\n"
	"observations:\n"
	"  - {indicator: gdp, value: '205.0', growth: '+7.50'}\n"
	"  - {indicator: gdp, region: yichuan, value: 'null', change: '-0.60'}\n"
	"  - {indicator: gdp, period: 2021-2025, kind: plan, value: \"≤ 2.8\", "
	"quote: \"tab\\there\\nand a line\"}\n"
	"  - {indicator: gdp, kind: estimate, value: \"1\\r\\n-2\"}\n"
	"narratives:\n"
	"  - id: review\n"
	"    text: \"  indented first line  \\n\\n- item <b> & </b>\\n\\n\\n\"\n"
	"  - id: outlook\n"
	"    region: yichuan\n"
	"    text: |\n"
	"      **加强**。\n"
	"      第二行。\n";

/* Load text (as suffix), write it as to_xml says, load that: same dump. */
static void
round_trip(const char *suffix, const char *text, int to_xml)
{
	run *r = run_new();
	assert_int_equal(run_load(r, suffix, text), 0);
	char *written;
	size_t len;
	FILE *f = open_memstream(&written, &len);
	assert_int_equal(to_xml ? rg_data_write_xml(r->ds, f) : rg_data_write_yaml(r->ds, f), 0);
	fclose(f);
	run *back = run_new();
	if (run_load(back, to_xml ? ".xml" : ".yaml", written) != 0) {
		char *msgs = run_messages(back);
		fail_msg("reloading failed:\n%s\n%s", msgs, written);
	}
	char *a = dump_without_positions(r->ds), *b = dump_without_positions(back->ds);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(written);
	run_free(back);
	run_free(r);
}

static void
test_round_trip(void **state)
{
	(void)state;
	round_trip(".yaml", tricky_yaml, 1);
	round_trip(".yaml", tricky_yaml, 0);
	round_trip(".yaml", yaml_doc, 1);
	/* and back: XML -> YAML -> XML */
	run *r = run_new();
	assert_int_equal(run_load(r, ".yaml", tricky_yaml), 0);
	char *xml;
	size_t len;
	FILE *f = open_memstream(&xml, &len);
	rg_data_write_xml(r->ds, f);
	fclose(f);
	round_trip(".xml", xml, 0);
	round_trip(".xml", xml, 1);
	free(xml);
	run_free(r);
}

static void
test_written_yaml(void **state)
{
	(void)state;
	run *r = run_new();
	assert_int_equal(run_load(r, ".yaml", tricky_yaml), 0);
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	rg_data_write_yaml(r->ds, f);
	fclose(f);
	/* values as written stay plain, a growth in its one spelling (+7.50
	 * is 7.50, decimals kept); defaults are not repeated */
	assert_non_null(strstr(text, "- indicator: gdp\n  value: 205.0\n  growth: 7.50\n"));
	assert_non_null(strstr(text, "  value: \"null\"\n"));
	assert_non_null(strstr(text, "  kind: plan\n"));
	assert_null(strstr(text, "kind: actual"));
	assert_non_null(strstr(text, "  text: |\n    **加强**。\n    第二行。\n"));
	free(text);
	run_free(r);
}

static void
test_kinds_and_dispatch(void **state)
{
	(void)state;
	rg_obs_kind k;
	for (int i = 0; i < RG_OBS__COUNT; i++) {
		assert_int_equal(rg_obs_kind_parse(rg_obs_kind_name((rg_obs_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	assert_int_equal(rg_obs_kind_parse("forecast", &k), -1);
	run *r = run_new();
	assert_int_equal(run_load(r, ".yml", "format: reportgen/1\n"), 0);
	assert_int_equal(run_load(r, ".json", "{}"), -1);
	assert_int_equal(rg_data_load(r->ds, "/nonexistent/x.yaml", &r->d), -1);
	assert_messages(r,
	    "F2: error: unknown kind of data file (name it .yaml, .yml, .xml or .csv)\n"
	    "/nonexistent/x.yaml: error: cannot read data file: No such file or directory\n");
	run_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_positions),
		cmocka_unit_test(test_char_columns),
		cmocka_unit_test(test_xml_positions),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_values_as_written),
		cmocka_unit_test(test_null_is_absent),
		cmocka_unit_test(test_yaml_errors),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_shared_rules),
		cmocka_unit_test(test_xml_schema_errors),
		cmocka_unit_test(test_hostile_input_fails_fast),
		cmocka_unit_test(test_validate_joins_files),
		cmocka_unit_test(test_validate_errors),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_written_yaml),
		cmocka_unit_test(test_kinds_and_dispatch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
