/* test_template.c -- placeholder expansion, narratives and directives:
 * template text + a small YAML dataset -> document tree dump. */
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
#include "template/template.h"
#include "fixture.h"

static const char data_yaml[] =
	"format: reportgen/1\n"
	"meta:\n"
	"  title: \"标题 *不是强调* _x_ # [链接](http://e) <b>\"\n"
	"  region: songxian\n"
	"  period: \"2024\"\n"
	"  source:\n"
	"    document: 测试文件\n"
	"    seed: 000_66e3ed1c59199d75.txt\n"
	"regions:\n"
	"  - id: songxian\n"
	"    name: 嵩县\n"
	"  - id: mengjin\n"
	"    name: 孟津区\n"
	"indicators:\n"
	"  - id: tourists\n"
	"    name: 接待游客\n"
	"    unit: 万人次\n"
	"  - id: fai\n"
	"    name: 固定资产投资\n"
	"    unit: \"%\"\n"
	"observations:\n"
	"  - indicator: tourists\n"
	"    value: 1315.7\n"
	"    growth: 10\n"
	"  - indicator: tourists\n"
	"    region: mengjin\n"
	"    period: \"2023\"\n"
	"    value: \"205.0\"\n"
	"    growth: -2.3\n"
	"  - indicator: fai\n"
	"    growth: 8.1\n"
	"narratives:\n"
	"  - id: review\n"
	"    text: |\n"
	"      ### 产业发展\n"
	"\n"
	"      聚焦**生物医药**。\n"
	"  - id: one\n"
	"    text: 一句*话*。\n";

static int
setup(void **state)
{
	return fixture_setup(state, data_yaml);
}

static char *
expand(fixture *f, const char *tpl, const char *const *vars, size_t nvars, int *ok)
{
	return fixture_expand(f, tpl, vars, nvars, ok, NULL);
}

static void
value_with_unit_and_trend(void **state)
{
	int ok;
	char *s = expand(*state, "游客{{ tourists }}，{{tourists.trend}}。\n", NULL, 0, &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text \"1315.7万人次\""));
	assert_non_null(strstr(s, "text \"增长10%\""));
	free(s);
}

static void
values_are_literal_text(void **state)
{
	int ok;
	char *s = expand(*state, "# {{ meta.title }}\n", NULL, 0, &ok);
	assert_true(ok);
	/* one plain text span: no emphasis, no link, no HTML */
	assert_non_null(strstr(s, "text \"标题 *不是强调* _x_ # [链接](http://e) <b>\""));
	assert_null(strstr(s, "emph"));
	assert_null(strstr(s, "link="));
	free(s);
}

static void
narrative_is_markdown(void **state)
{
	int ok;
	char *s = expand(*state, "## 回顾\n\n{{ text.review }}\n", NULL, 0, &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "heading level=3"));
	assert_non_null(strstr(s, "text strong \"生物医药\""));
	free(s);
	s = expand(*state, "前文{{ text.one }}后文\n", NULL, 0, &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text emph \"话\""));
	free(s);
}

static void
selector_and_growth_only(void **state)
{
	int ok;
	char *s = expand(*state,
	    "{{ tourists[region=孟津区, period=2023].value }} {{ tourists[region=mengjin, period=2023].trend }} {{ fai }}\n",
	    NULL, 0, &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "\"205.0\""));     /* precision kept */
	assert_non_null(strstr(s, "\"下降2.3%\""));
	assert_non_null(strstr(s, "\"增长8.1%\""));
	free(s);
}

static void
format_options(void **state)
{
	int ok;
	char *s = expand(*state, "{{ tourists | decimals=0 }} {{ tourists.value | decimals=2 }} "
	    "{{ tourists.trend | growth=arrows }} {{ tourists[region=mengjin, period=2023].growth "
	    "| growth=words }} {{ fai.growth | growth=number }}\n", NULL, 0, &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "\"1316万人次\""));
	assert_non_null(strstr(s, "\"1315.70\""));
	assert_non_null(strstr(s, "\"▲10%\""));
	assert_non_null(strstr(s, "\"下降2.3%\""));
	assert_non_null(strstr(s, "\"8.1\""));
	free(s);
	s = expand(*state, "{{ tourists | decimal=1 }}\n", NULL, 0, &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:1:1: error: unknown format option 'decimal' "
	    "(did you mean 'decimals'?)"));
	free(s);
	s = expand(*state, "{{ tourists | decimals=9 }}\n", NULL, 0, &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "format option decimals must be"));
	free(s);
}

static void
front_matter_and_vars(void **state)
{
	int ok;
	const char *vars[] = { "region=mengjin", "period=2023" };
	char *s = expand(*state, "---\ntitle: \"{{ meta.region }}简报\"\n---\n{{ tourists }}\n",
	    vars, 2, &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "meta title \"孟津区简报\""));
	assert_non_null(strstr(s, "\"205.0万人次\""));
	free(s);
}

static void
unknown_path_points_at_template(void **state)
{
	int ok;
	char *s = expand(*state, "第一行\n\n文字 {{ toursts }}\n", NULL, 0, &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:3:4: error: unknown placeholder 'toursts'"));
	assert_non_null(strstr(s, "did you mean 'tourists'?"));
	free(s);
	s = expand(*state, "{{ text.reveiw }}\n", NULL, 0, &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:1:1: error: no narrative 'reveiw'"));
	free(s);
	s = expand(*state, "---\ntitel: x\n---\n正文\n", NULL, 0, &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:2:1: error: unknown key 'titel' in front matter "
	    "(did you mean 'title'?)"));
	free(s);
}

static void
code_is_not_expanded(void **state)
{
	int ok;
	char *s = expand(*state, "`{{ x }}`\n\n```\n{{ y }}\n```\n", NULL, 0, &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text code \"{{ x }}\""));
	assert_non_null(strstr(s, "text code \"{{ y }}\""));
	free(s);
}

static void
figures_directive(void **state)
{
	int ok;
	char *s = expand(*state, "```figures\nindicators: [tourists, fai]\n```\n", NULL, 0, &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text strong \"接待游客：\""));
	assert_non_null(strstr(s, "text \"1315.7万人次，增长10%\""));
	assert_non_null(strstr(s, "text \"增长8.1%\""));
	free(s);
	s = expand(*state, "```figures\nindicator: [tourists]\n```\n", NULL, 0, &ok);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:2:1: error: unknown key 'indicator' in figures "
	    "directive (did you mean 'indicators'?)"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(value_with_unit_and_trend),
		cmocka_unit_test(values_are_literal_text),
		cmocka_unit_test(narrative_is_markdown),
		cmocka_unit_test(selector_and_growth_only),
		cmocka_unit_test(format_options),
		cmocka_unit_test(front_matter_and_vars),
		cmocka_unit_test(unknown_path_points_at_template),
		cmocka_unit_test(code_is_not_expanded),
		cmocka_unit_test(figures_directive),
	};
	return cmocka_run_group_tests_name("template", tests, setup, fixture_teardown);
}
