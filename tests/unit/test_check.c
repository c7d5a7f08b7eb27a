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
	rg_line_rec ok = { .page = 0, .x = th.margin_left, .y = 100, .w = 456, .first = 0x4E00, .last = 0x3002,
	    .body = 1, .full = 1, .broken_before = 1, .broken_after = 1 };
	char *m;
	assert_int_equal(check(&ok, 1, 0, 0, &th, &m), 0);
	assert_string_equal(m, "");
	free(m);
	/* a cell or paragraph that is just "—" or "%" breaks no rule */
	rg_line_rec cell = { .page = 0, .x = th.margin_left, .y = 100, .w = 12, .first = 0x2014, .last = 0x2014,
	    .body = 0, .full = 0, .broken_before = 0, .broken_after = 0 };
	assert_int_equal(check(&cell, 1, 0, 0, &th, &m), 0);
	free(m);
}

/* Table cells (issue 11): a number on two lines, a header line of one
 * character, a header cut inside a word, text outside its cell. */
static void
table_cells(void **state)
{
	(void)state;
	rg_theme th;
	rg_theme_defaults(&th);
	double x = th.margin_left;
	rg_line_rec lines[] = {
		/* a good header line and a good number */
		{ .x = x, .y = 100, .w = 24, .first = 0x5730, .last = 0x533A, .cell = 2,
		  .cell_x0 = x, .cell_x1 = x + 30, .cell_lines = 2, .chars = 2 },
		{ .x = x + 40, .y = 100, .w = 20, .first = '1', .last = '5', .cell = 1,
		  .cell_x0 = x + 40, .cell_x1 = x + 60, .numeric = 1, .cell_lines = 1, .chars = 4 },
		/* 12345.6 / 78 */
		{ .x = x + 40, .y = 120, .w = 20, .first = '1', .last = '6', .cell = 1,
		  .cell_x0 = x + 40, .cell_x1 = x + 60, .numeric = 1, .cell_lines = 2, .chars = 7 },
		/* 数 alone */
		{ .x = x, .y = 140, .w = 12, .first = 0x6570, .last = 0x6570, .cell = 2,
		  .cell_x0 = x, .cell_x1 = x + 30, .cell_lines = 3, .chars = 1 },
		/* 产总值 after 地区生 */
		{ .x = x, .y = 160, .w = 30, .first = 0x4EA7, .last = 0x503C, .cell = 2,
		  .cell_x0 = x, .cell_x1 = x + 30, .cell_lines = 2, .chars = 3, .word_cut = 1 },
		/* wider than its cell */
		{ .x = x + 40, .y = 180, .w = 30, .first = '9', .last = '9', .cell = 1,
		  .cell_x0 = x + 40, .cell_x1 = x + 60, .numeric = 1, .cell_lines = 1, .chars = 6 },
	};
	char *m;
	assert_int_equal(check(lines, 6, 0, 0, &th, &m), 4);
	assert_non_null(strstr(m, "line at y=120.0: a number broken across 2 lines"));
	assert_non_null(strstr(m, "line at y=140.0: a header line of one character"));
	assert_non_null(strstr(m, "line at y=160.0: a header broken inside a word"));
	assert_non_null(strstr(m, "line at y=180.0: runs from x=109.64 to 139.64, outside its "
	    "table cell (109.64 to 129.64)"));
	free(m);
}

static void
forbidden_ends_and_overflow(void **state)
{
	(void)state;
	rg_theme th;
	rg_theme_defaults(&th);
	rg_line_rec lines[] = {
		{ .page = 0, .x = th.margin_left, .y = 100, .w = 100, .first = 0xFF0C, .last = 0x4E00,
		    .body = 1, .full = 0, .broken_before = 1, .broken_after = 1 },   /* starts with ， */
		{ .page = 0, .x = th.margin_left, .y = 121, .w = 100, .first = 0x4E00, .last = 0x201C,
		    .body = 1, .full = 0, .broken_before = 1, .broken_after = 1 },   /* ends with “ */
		{ .page = 0, .x = th.margin_left, .y = 142, .w = 470, .first = 0x4E00, .last = 0x4E00,
		    .body = 1, .full = 1, .broken_before = 1, .broken_after = 1 },   /* too wide */
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
	rg_line_rec ok = { .page = 0, .x = th.margin_left, .y = 100, .w = 28 * 15.8, .first = 0x4E00, .last = 0x4E00,
	    .body = 1, .full = 1, .broken_before = 1, .broken_after = 1 };
	rg_line_rec short_line = { .page = 0, .x = th.margin_left, .y = 100, .w = 27 * 15.8, .first = 0x4E00, .last = 0x4E00,
	    .body = 1, .full = 1, .broken_before = 1, .broken_after = 1 };
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
		cmocka_unit_test(table_cells),
		cmocka_unit_test(forbidden_ends_and_overflow),
		cmocka_unit_test(grid_lines_and_pages),
	};
	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
