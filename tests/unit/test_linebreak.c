/* test_linebreak.c -- the Chinese line breaker with fixed metrics:
 * every wide character is 1 em, everything else 1/2 em, size 10 pt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "layout/linebreak.h"
#include "fake_metrics.h"



static const rg_lb_style style = { 0, 10, 0, NULL };
static const rg_pos nowhere = { "test", 1, 1 };

/* Break text into lines of `chars` em; return the lines joined by '|'. */
static int words_only;       /* lines_of breaks between words only */

static char *
lines_of(const char *text, double chars, double indent_chars, int *ndiag)
{
	FILE *devnull = fopen("/dev/null", "w");
	rg_diag d;
	rg_diag_init(&d, devnull);
	rg_lb_env env = { .metrics = &fake_metrics, .diag = &d };
	rg_lb_para p;
	rg_lb_para_init(&p, &env, chars * 10, 0);
	/* a '\n' in the test text stands for a soft break; items point into
	 * the parts, so they live until the end */
	char *parts[16];
	size_t nparts = 0;
	const char *s = text;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char *part = strndup(s, n);
		parts[nparts++] = part;
		rg_lb_add_text(&p, part, &style, nowhere);
		s += n;
		if (*s == '\n') {
			rg_lb_add_softbreak(&p);
			s++;
		}
	}
	if (words_only)
		rg_lb_keep_words(&p);
	rg_lb_line *lines;
	size_t nl = rg_lb_break(&p, chars * 10, indent_chars * 10, &lines);
	rg_buf out = { 0 };
	for (size_t i = 0; i < nl; i++) {
		if (i)
			rg_buf_putc(&out, '|');
		for (size_t k = lines[i].start; k < lines[i].end; k++) {
			if (p.items[k].type == RG_LB_GLUE)
				rg_buf_putc(&out, p.items[k].visible ? ' ' : '^');
			else
				rg_buf_put(&out, p.items[k].text, p.items[k].len);
		}
	}
	free(lines);
	rg_lb_para_free(&p);
	rg_lb_env_free(&env);
	for (size_t i = 0; i < nparts; i++)
		free(parts[i]);
	if (ndiag)
		*ndiag = d.errors + d.warnings;
	fclose(devnull);
	return rg_buf_detach(&out);
}

/* Table headers (words.c): breaks between ICU's words of two or more
 * characters only; a unit in brackets and a number with what follows it
 * are one word. */
static char *
word_lines(const char *text, double chars)
{
	words_only = 1;
	char *r = lines_of(text, chars, 0, NULL);
	words_only = 0;
	return r;
}

static void
headers_break_between_words(void **state)
{
	(void)state;
	char *r = word_lines("地区生产总值（亿元）", 3);
	assert_string_equal(r, "地区|生产|总值|（亿元）");
	free(r);
	r = word_lines("地区生产总值（亿元）", 7);
	assert_string_equal(r, "地区生产总值|（亿元）");
	free(r);
	/* a number keeps what follows it, across the ¼-em gap */
	r = word_lines("2015年基数", 3.5);
	assert_string_equal(r, "2015^年|基数");
	free(r);
	/* the unit in brackets is never split, even where it cannot fit */
	r = word_lines("进出口总额（万美元）", 3);
	assert_string_equal(r, "进出口|总额|（万美元）");
	free(r);
	/* single-character words (ICU: 增加|值) stay with their neighbours */
	r = word_lines("工业增加值增长（%）", 5);
	assert_string_equal(r, "工业|增加值增长|（%）");
	free(r);
	/* without word breaking the same text is cut anywhere */
	r = lines_of("地区生产总值（亿元）", 4, 0, NULL);
	assert_string_equal(r, "地区生产|总值（亿|元）");
	free(r);
}

static void
han_fills_lines(void **state)
{
	(void)state;
	char *r = lines_of("一二三四五六七八九十", 4, 0, NULL);
	assert_string_equal(r, "一二三四|五六七八|九十");
	free(r);
}

static void
first_line_indent(void **state)
{
	(void)state;
	char *r = lines_of("一二三四五六七八九十", 4, 2, NULL);
	assert_string_equal(r, "一二|三四五六|七八九十");
	free(r);
}

static void
comma_pulls_previous_char_down(void **state)
{
	(void)state;
	/* "四，" would put the comma at the start of line 2: 四 comes down */
	char *r = lines_of("一二三四，五六七", 4, 0, NULL);
	assert_string_equal(r, "一二三|四，五六|七");
	free(r);
}

static void
all_no_start_characters_stay_off_line_starts(void **state)
{
	(void)state;
	const char *marks[] = { "。", "？", "！", "，", "、", "；", "：", "”", "’", "）",
		"】", "》", "」", "』", "…", "—", "～", "·", "%" };
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		char text[64];
		snprintf(text, sizeof text, "一二三四%s五六", marks[i]);
		char *r = lines_of(text, 4, 0, NULL);
		char *bar = strchr(r, '|');
		assert_non_null(bar);
		size_t l;
		int32_t cp = rg_utf8_decode(bar + 1, strlen(bar + 1), &l);
		assert_false(rg_lb_no_start(cp));
		free(r);
	}
}

static void
opening_quote_never_ends_a_line(void **state)
{
	(void)state;
	char *r = lines_of("一二三“四五”六", 4, 0, NULL);
	assert_string_equal(r, "一二三|“四五”|六");
	free(r);
}

static void
numbers_and_words_never_break(void **state)
{
	(void)state;
	/* 1315.7 is 3 em wide: it moves to the next line whole */
	char *r = lines_of("接待游客1315.7万人次", 6, 0, NULL);
	assert_string_equal(r, "接待游客|1315.7^万人|次");
	free(r);
	r = lines_of("增长10%，PM2.5下降", 5, 0, NULL);
	assert_string_equal(r, "增长^10%，|PM2.5^下降");
	free(r);
}

static void
han_latin_quarter_em(void **state)
{
	(void)state;
	char *r = lines_of("全年GDP增长", 20, 0, NULL);
	assert_string_equal(r, "全年^GDP^增长");
	free(r);
	/* no extra gap where the source already has a space */
	r = lines_of("全年 GDP 增长", 20, 0, NULL);
	assert_string_equal(r, "全年 GDP 增长");
	free(r);
}

static void
soft_break_between_han_is_nothing(void **state)
{
	(void)state;
	char *r = lines_of("蓬\n勃生机", 20, 0, NULL);
	assert_string_equal(r, "蓬勃生机");
	free(r);
	r = lines_of("new\nline", 20, 0, NULL);
	assert_string_equal(r, "new line");
	free(r);
}

static void
ellipsis_and_dash_are_one_unit(void **state)
{
	(void)state;
	/* …… cannot start a line and cannot be split: 三 comes down with it */
	char *r = lines_of("一二三……四五", 4, 0, NULL);
	assert_string_equal(r, "一二|三……四|五");
	free(r);
	r = lines_of("一二三——四五", 4, 0, NULL);
	assert_string_equal(r, "一二|三——四|五");
	free(r);
}

static void
overlong_word_is_split(void **state)
{
	(void)state;
	char *r = lines_of("abcdefghij", 3, 0, NULL);
	assert_string_equal(r, "abcdef|ghij");
	free(r);
}

/* A line left looser than RG_LB_LOOSE em a gap before a long token ends
 * inside it, after / _ or a dot between letters; a tight line does not;
 * numbers never break. */
static void
loose_line_breaks_token(void **state)
{
	(void)state;
	char *r = lines_of("一二三四file_name", 7, 0, NULL);
	assert_string_equal(r, "一二三四^file_|name");
	free(r);
	r = lines_of("一二三四五六七file_name", 7, 0, NULL);
	assert_string_equal(r, "一二三四五六七|file_name");
	free(r);
	r = lines_of("一二三a.gov.cn/x", 7, 0, NULL);
	assert_string_equal(r, "一二三^a.gov.|cn/x");
	free(r);
	r = lines_of("一二三四五1315.7", 7, 0, NULL);
	assert_string_equal(r, "一二三四五|1315.7");
	free(r);
	r = lines_of("一二三四PM2.5", 6, 0, NULL);
	assert_string_equal(r, "一二三四|PM2.5");
	free(r);
}

static void
missing_glyph_is_reported_and_skipped(void **state)
{
	(void)state;
	int ndiag = 0;
	char *r = lines_of("前\xf0\xa0\x80\x80后", 10, 0, &ndiag);
	assert_string_equal(r, "前后");
	assert_int_equal(ndiag, 1);
	free(r);
}

static void
justification_points(void **state)
{
	(void)state;
	FILE *devnull = fopen("/dev/null", "w");
	rg_diag d;
	rg_diag_init(&d, devnull);
	rg_lb_env env = { .metrics = &fake_metrics, .diag = &d };
	rg_lb_para p;
	rg_lb_para_init(&p, &env, 100, 0);
	rg_lb_add_text(&p, "一二三四，五六七", &style, nowhere);
	rg_lb_line *lines;
	size_t n = rg_lb_break(&p, 40, 0, &lines);
	assert_int_equal(n, 3);
	/* 一二三 is pulled short: 3 em natural, 2 gaps to stretch */
	assert_int_equal(lines[0].justify, 1);
	assert_true(lines[0].natural > 29.9 && lines[0].natural < 30.1);
	assert_int_equal(lines[0].stretch_points, 2);
	assert_int_equal(lines[2].justify, 0);   /* last line stays ragged */
	free(lines);
	rg_lb_para_free(&p);
	rg_lb_env_free(&env);
	fclose(devnull);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(han_fills_lines),
		cmocka_unit_test(first_line_indent),
		cmocka_unit_test(comma_pulls_previous_char_down),
		cmocka_unit_test(all_no_start_characters_stay_off_line_starts),
		cmocka_unit_test(opening_quote_never_ends_a_line),
		cmocka_unit_test(numbers_and_words_never_break),
		cmocka_unit_test(han_latin_quarter_em),
		cmocka_unit_test(soft_break_between_han_is_nothing),
		cmocka_unit_test(ellipsis_and_dash_are_one_unit),
		cmocka_unit_test(overlong_word_is_split),
		cmocka_unit_test(loose_line_breaks_token),
		cmocka_unit_test(missing_glyph_is_reported_and_skipped),
		cmocka_unit_test(justification_points),
		cmocka_unit_test(headers_break_between_words),
	};
	return cmocka_run_group_tests_name("linebreak", tests, NULL, NULL);
}
