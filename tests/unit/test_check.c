/* test_check.c -- the typesetting check reports each kind of violation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "layout/layout.h"

static size_t
check(rg_line_rec *lines, size_t n, double fill, int full, const rg_theme *th, char **msgs)
{
	rg_layout l;
	memset(&l, 0, sizeof l);
	l.npages = 1;
	l.lines = lines;
	l.nlines = n;
	l.page_fill = &fill;
	l.page_full = &full;
	size_t len;
	FILE *out = open_memstream(msgs, &len);
	size_t bad = rg_layout_check(&l, th, "x.pdf", out);
	fclose(out);
	return bad;
}

static void
clean_line_passes(void **state)
{
	(void)state;
	rg_theme th;
	rg_theme_defaults(&th);
	rg_line_rec ok = { 0, th.margin_left, 100, 456, 0x4E00, 0x3002, 1, 1, 1, 1 };
	char *m;
	assert_int_equal(check(&ok, 1, 0, 0, &th, &m), 0);
	assert_string_equal(m, "");
	free(m);
	/* a cell or paragraph that is just "—" or "%" breaks no rule */
	rg_line_rec cell = { 0, th.margin_left, 100, 12, 0x2014, 0x2014, 0, 0, 0, 0 };
	assert_int_equal(check(&cell, 1, 0, 0, &th, &m), 0);
	free(m);
}

static void
forbidden_ends_and_overflow(void **state)
{
	(void)state;
	rg_theme th;
	rg_theme_defaults(&th);
	rg_line_rec lines[] = {
		{ 0, th.margin_left, 100, 100, 0xFF0C, 0x4E00, 1, 0, 1, 1 },   /* starts with ， */
		{ 0, th.margin_left, 121, 100, 0x4E00, 0x201C, 1, 0, 1, 1 },   /* ends with “ */
		{ 0, th.margin_left, 142, 470, 0x4E00, 0x4E00, 1, 1, 1, 1 },   /* too wide */
	};
	char *m;
	assert_int_equal(check(lines, 3, 0, 0, &th, &m), 3);
	assert_non_null(strstr(m, "x.pdf: page 1, line at y=100.0: starts with '，'"));
	assert_non_null(strstr(m, "line at y=121.0: ends with '“'"));
	assert_non_null(strstr(m, "line at y=142.0: runs from"));
	free(m);
}

static void
grid_lines_and_pages(void **state)
{
	(void)state;
	rg_theme th;
	rg_theme_defaults(&th);
	th.grid_chars = 28;
	th.grid_lines = 22;
	th.char_pitch = 15.8;
	th.line_pitch = 29;
	rg_line_rec ok = { 0, th.margin_left, 100, 28 * 15.8, 0x4E00, 0x4E00, 1, 1, 1, 1 };
	rg_line_rec short_line = { 0, th.margin_left, 100, 27 * 15.8, 0x4E00, 0x4E00, 1, 1, 1, 1 };
	char *m;
	assert_int_equal(check(&ok, 1, 22 * 29, 1, &th, &m), 0);
	free(m);
	assert_int_equal(check(&short_line, 1, 22 * 29, 1, &th, &m), 1);
	assert_non_null(strstr(m, "a full line is 27.00 characters wide, not 28"));
	free(m);
	assert_int_equal(check(&ok, 1, 21 * 29, 1, &th, &m), 1);
	assert_non_null(strstr(m, "page 1 holds 21.00 lines, not 22"));
	free(m);
	/* a page that is not full (the document ends there) may be short */
	assert_int_equal(check(&ok, 1, 5 * 29, 0, &th, &m), 0);
	free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clean_line_passes),
		cmocka_unit_test(forbidden_ends_and_overflow),
		cmocka_unit_test(grid_lines_and_pages),
	};
	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
