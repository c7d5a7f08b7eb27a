/* test_buf.c -- the growable string of generator/base (buf.h): appending,
 * and the numbers of the page contents (rg_buf_num), against printf. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"

/* What rg_buf_num wrote before it bypassed printf. */
static void
num_printf(rg_buf *b, double x)
{
	long v = lround(x * 100);
	if (v < 0) {
		rg_buf_putc(b, '-');
		v = -v;
	}
	rg_buf_printf(b, "%ld", v / 100);
	if (v % 100 != 0) {
		if (v % 10 == 0)
			rg_buf_printf(b, ".%ld", v % 100 / 10);
		else
			rg_buf_printf(b, ".%02ld", v % 100);
	}
}

static void
same(double x)
{
	rg_buf a = { 0 }, b = { 0 };
	rg_buf_puts(&a, "q ");
	rg_buf_puts(&b, "q ");
	rg_buf_num(&a, x);
	num_printf(&b, x);
	assert_string_equal(rg_buf_cstr(&a), rg_buf_cstr(&b));
	rg_buf_free(&a);
	rg_buf_free(&b);
}

static void
numbers(void **state)
{
	(void)state;
	static const struct { double x; const char *s; } fixed[] = {
		{ 0, "0" }, { 12, "12" }, { 12.5, "12.5" }, { 12.25, "12.25" },
		{ 12.05, "12.05" }, { -0.05, "-0.05" }, { -0.004, "0" }, { 0.004, "0" },
		{ 595.2756, "595.28" }, { -841.89, "-841.89" }, { 100.999, "101" },
		{ 1e9, "1000000000" }, { -1e9, "-1000000000" },
	};
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
		rg_buf b = { 0 };
		rg_buf_num(&b, fixed[i].x);
		assert_string_equal(rg_buf_cstr(&b), fixed[i].s);
		rg_buf_free(&b);
		same(fixed[i].x);
	}
	/* every hundredth from -2000 to 2000, and values between them */
	for (long v = -200000; v <= 200000; v++)
		same(v / 100.0);
	for (long v = -200000; v <= 200000; v += 7)
		same(v / 100.0 + 0.003);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
