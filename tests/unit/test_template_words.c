/* test_template_words.c -- the words reportgen writes: replaced in a theme file
 * (words, words_hans, words_hant; errors at the theme's line and column)
 * and in a template's front matter, which wins over the theme. */
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
#include "layout/theme.h"
#include "template/template.h"
#include "template/words.h"
#include "fixture.h"

static const char data_yaml[] =
	"format: reportgen/1\n"
	"meta: {title: 示例县, region: aa, period: \"2024\"}\n"
	"regions: [{id: aa, name: 甲县}, {id: bb, name: 乙县}]\n"
	"indicators:\n"
	"  - {id: gdp, name: 地区生产总值, unit: 亿元}\n"
	"  - {id: rate, name: 城镇化率, unit: \"%\"}\n"
	"observations:\n"
	"  - {indicator: gdp, region: aa, value: 10, growth: 5}\n"
	"  - {indicator: gdp, region: bb, value: 20, growth: -1}\n"
	"  - {indicator: rate, region: aa, period: \"2023\", value: 50}\n"
	"  - {indicator: rate, region: aa, value: 51.5}\n";

static int
setup(void **state)
{
	return fixture_setup(state, data_yaml);
}

/* Load theme text from a file; the messages go to *msgs (caller frees). */
static int
load_theme(fixture *f, const char *text, rg_theme *t, char **msgs)
{
	char path[128];
	snprintf(path, sizeof path, "%s/theme.yaml", f->dir);
	FILE *w = fopen(path, "w");
	assert_non_null(w);
	fputs(text, w);
	fclose(w);
	size_t len = 0;
	FILE *out = open_memstream(msgs, &len);
	rg_diag d;
	rg_diag_init(&d, out);
	rg_theme_defaults(t);
	int rc = rg_theme_load(t, path, &d);
	fclose(out);
	unlink(path);
	return rc;
}

static void
theme_reads_words(void **state)
{
	rg_theme t;
	char *msgs;
	int rc = load_theme(*state, "body_size: 11\n"
	    "words: [\"续表=接上表\", \" total = 总计 \"]\n"
	    "words_hant:\n  - 合計=總計\n", &t, &msgs);
	assert_int_equal(rc, 0);
	assert_string_equal(msgs, "");
	assert_int_equal(t.nwords, 3);
	assert_string_equal(t.words[0].key, "续表");
	assert_string_equal(t.words[0].value, "接上表");
	assert_int_equal(t.words[0].lang, -1);
	assert_string_equal(t.words[1].key, "total");
	assert_string_equal(t.words[1].value, "总计");
	assert_string_equal(t.words[2].key, "合計");
	assert_int_equal(t.words[2].lang, RG_LANG_HANT);
	free(msgs);
}

static void
theme_word_errors_at_their_line(void **state)
{
	rg_theme t;
	char *msgs;
	int rc = load_theme(*state, "body_size: 11\n"
	    "words:\n"
	    "  - continued=接上表\n"
	    "  - cotninued=x\n"
	    "words_hans: [\"合计\", 平均数=均值]\n", &t, &msgs);
	assert_int_equal(rc, -1);
	const char *p = strstr(msgs, "theme.yaml:4:5: error: words: reportgen writes no word "
	    "'cotninued' (did you mean 'continued'?)");
	assert_non_null(p);
	assert_non_null(strstr(msgs, "theme.yaml:5:15: error: words_hans: '合计' is not "
	    "WORD=REPLACEMENT"));
	assert_non_null(strstr(msgs, "theme.yaml:5:20: error: words_hans: reportgen writes "
	    "no word '平均数'"));
	free(msgs);
	/* a replacement too long to keep is refused, not cut */
	char big[300];
	memset(big, 'x', sizeof big);
	big[0] = '\0';
	strcat(big, "words: [\"total=");
	size_t n = strlen(big);
	memset(big + n, 'x', 120);
	strcpy(big + n + 120, "\"]\n");
	rc = load_theme(*state, big, &t, &msgs);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(msgs, "theme.yaml:1:10: error: words: 'total=xxx"));
	assert_non_null(strstr(msgs, "is too long"));
	free(msgs);
}

/* the words of the theme the expansion asks for */
typedef struct asked {
	const rg_theme *theme;
	char name[64];
	int calls;
} asked;

static int
words_of(void *ctx, const char *theme, const rg_word_setting **words, size_t *n,
    rg_diag *d)
{
	(void)d;
	asked *a = ctx;
	a->calls++;
	snprintf(a->name, sizeof a->name, "%s", theme ? theme : "(none)");
	*words = a->theme->words;
	*n = a->theme->nwords;
	return 0;
}

static char *
expand_with(fixture *f, const rg_theme *th, const char *tpl, const char *cmdline_theme,
    asked *a, int *ok)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	rg_diag d;
	rg_diag_init(&d, out);
	memset(a, 0, sizeof *a);
	a->theme = th;
	rg_expand_opts o = { cmdline_theme, words_of, a, NULL };
	rg_template *t = rg_template_parse("t.md", tpl, strlen(tpl), &d);
	rg_doc *dc = t ? rg_template_expand_opts(t, f->ds, NULL, 0, &o, &d) : NULL;
	*ok = dc != NULL && d.errors == 0;
	if (dc != NULL) {
		fprintf(out, "continued=%s\n", dc->meta.continued);
		rg_doc_dump(dc, out);
	}
	rg_doc_free(dc);
	rg_template_free(t);
	fclose(out);
	return buf;
}

static const char table_md[] =
	"```table\nregions: [aa, bb]\nindicators: [gdp]\nshow: [value, growth]\n"
	"total: sum\n```\n";

static void
template_over_theme_over_builtin(void **state)
{
	rg_theme th;
	char *msgs;
	assert_int_equal(load_theme(*state, "words: [续表=接上表, total=总计, 地区=县区, "
	    "growth=增幅]\nwords_hans: [total=共计]\nwords_hant: [total=總計]\n", &th, &msgs),
	    0);
	free(msgs);
	asked a;
	int ok;
	/* the theme's words, its zh-Hans ones over those of either script */
	char tpl[512];
	snprintf(tpl, sizeof tpl, "---\ntheme: x.yaml\n---\n%s", table_md);
	char *s = expand_with(*state, &th, tpl, NULL, &a, &ok);
	assert_true(ok);
	assert_int_equal(a.calls, 1);
	assert_string_equal(a.name, "x.yaml");
	assert_non_null(strstr(s, "continued=接上表\n"));
	assert_non_null(strstr(s, "text \"县区\""));
	assert_non_null(strstr(s, "text \"共计\""));
	assert_non_null(strstr(s, "text \"增幅5%\""));
	assert_null(strstr(s, "合计"));
	free(s);
	/* the template's words win; a Traditional document takes words_hant */
	snprintf(tpl, sizeof tpl, "---\ntheme: x.yaml\nlang: zh-Hant\nwords: [续表=續上表, "
	    "地區=縣市]\n---\n%s", table_md);
	s = expand_with(*state, &th, tpl, "cmd.yaml", &a, &ok);
	assert_true(ok);
	assert_string_equal(a.name, "cmd.yaml");   /* the command line's theme wins */
	assert_non_null(strstr(s, "continued=續上表\n"));
	assert_non_null(strstr(s, "text \"縣市\""));
	assert_non_null(strstr(s, "text \"總計\""));
	assert_non_null(strstr(s, "text \"增幅5%\""));
	free(s);
	/* without theme words: the built-in ones */
	rg_theme none;
	rg_theme_defaults(&none);
	s = expand_with(*state, &none, table_md, NULL, &a, &ok);
	assert_true(ok);
	assert_string_equal(a.name, "(none)");
	assert_non_null(strstr(s, "continued=续表\n"));
	assert_non_null(strstr(s, "text \"地区\""));
	assert_non_null(strstr(s, "text \"合计\""));
	free(s);
}

static void
theme_words_reach_computed_units(void **state)
{
	/* the unit a rate's change is written in is a word too */
	rg_theme th;
	char *msgs;
	assert_int_equal(load_theme(*state, "words: [points=点]\n", &th, &msgs), 0);
	free(msgs);
	asked a;
	int ok;
	char *s = expand_with(*state, &th, "{{ rate.diff }}，{{ rate.trend }}\n", NULL, &a,
	    &ok);
	assert_true(ok);
	assert_non_null(strstr(s, "text computed \"1.5点\""));
	assert_non_null(strstr(s, "text computed \"提高1.5点\""));
	free(s);
}

static void
template_word_errors(void **state)
{
	int ok;
	char *s = fixture_expand(*state, "---\nwords: [\"total=总计\", cotninued=x, 合计]\n"
	    "---\n正文\n", NULL, 0, &ok, NULL);
	assert_false(ok);
	assert_non_null(strstr(s, "t.md:2:21: error: words: reportgen writes no word "
	    "'cotninued' (did you mean 'continued'?)"));
	assert_non_null(strstr(s, "t.md:2:34: error: words: '合计' is not WORD=REPLACEMENT"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(theme_reads_words),
		cmocka_unit_test(theme_word_errors_at_their_line),
		cmocka_unit_test(template_over_theme_over_builtin),
		cmocka_unit_test(theme_words_reach_computed_units),
		cmocka_unit_test(template_word_errors),
	};
	return cmocka_run_group_tests_name("words", tests, setup, fixture_teardown);
}
