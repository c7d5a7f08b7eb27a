/* test_diag.c -- the diagnostics of generator/base/diag.c: the catalogue's
 * severities decide the label and the exit status, notes count nothing,
 * a silent diag counts but prints nothing, the first error is kept, and
 * columns count characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/diag.h"

typedef struct sink {
	char *text;
	size_t len;
	FILE *f;
	rg_diag d;
} sink;

static void
open_sink(sink *s)
{
	s->text = NULL;
	s->f = open_memstream(&s->text, &s->len);
	assert_non_null(s->f);
	rg_diag_init(&s->d, s->f);
}

static const char *
text(sink *s)
{
	fflush(s->f);
	return s->text;
}

static void
close_sink(sink *s)
{
	fclose(s->f);
	free(s->text);
}

static void
test_labels_and_ids(void **state)
{
	(void)state;
	sink s;
	open_sink(&s);
	rg_msg(&s.d, RG_M_MARKDOWN_IGNORED, rg_pos_make("t.md", 3, 7), "raw HTML");
	rg_msg(&s.d, RG_M_WRITE_FAILED, rg_pos_make("o.pdf", 0, 0), "disk %s", "full");
	rg_msg(&s.d, RG_M_YAML_SYNTAX, rg_pos_make("d.yaml", 2, 0), "bad");
	rg_msg(&s.d, RG_M_JOB_SUMMARY, rg_pos_make(NULL, 0, 0), "job");
	assert_string_equal(text(&s),
	    "t.md:3:7: warning: raw HTML [markdown-ignored]\n"
	    "o.pdf: failure: disk full [write-failed]\n"
	    "d.yaml:2: error: bad [yaml-syntax]\n"
	    "reportgen: note: job [job-summary]\n");
	assert_int_equal(s.d.warnings, 1);
	assert_int_equal(s.d.failures, 1);
	assert_int_equal(s.d.errors, 1);
	close_sink(&s);
}

static void
test_status_follows_worst(void **state)
{
	(void)state;
	sink s;
	open_sink(&s);
	assert_int_equal(rg_diag_status(&s.d), RG_EXIT_OK);
	rg_msg(&s.d, RG_M_JOB_SUMMARY, rg_pos_make(NULL, 0, 0), "a note");
	rg_msg(&s.d, RG_M_GROWTH_MISMATCH, rg_pos_make(NULL, 0, 0), "a warning");
	assert_int_equal(rg_diag_status(&s.d), RG_EXIT_OK);
	rg_msg(&s.d, RG_M_READ_FAILED, rg_pos_make(NULL, 0, 0), "a failure");
	assert_int_equal(rg_diag_status(&s.d), RG_EXIT_FAILURE);
	rg_msg(&s.d, RG_M_FIELD_UNKNOWN, rg_pos_make(NULL, 0, 0), "an error");
	assert_int_equal(rg_diag_status(&s.d), RG_EXIT_BADINPUT);
	rg_msg(&s.d, RG_M_READ_FAILED, rg_pos_make(NULL, 0, 0), "another failure");
	assert_int_equal(rg_diag_status(&s.d), RG_EXIT_BADINPUT);
	close_sink(&s);
}

static void
test_catalogue(void **state)
{
	(void)state;
	/* every id has a name of lowercase words and a severity; names differ */
	for (int i = 0; i < RG_M__COUNT; i++) {
		const char *n = rg_msg_name((rg_msgid)i);
		assert_true(strlen(n) > 2);
		assert_int_equal(strspn(n, "abcdefghijklmnopqrstuvwxyz0123456789-"), strlen(n));
		assert_true(rg_msg_severity((rg_msgid)i) <= RG_ERROR);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(n, rg_msg_name((rg_msgid)j));
	}
	assert_string_equal(rg_msg_name(RG_M_YAML_SYNTAX), "yaml-syntax");
	assert_int_equal(rg_msg_severity(RG_M_WRITE_FAILED), RG_FAILURE);
	assert_string_equal(rg_severity_name(RG_FAILURE), "failure");
}

static void
test_silent_and_first(void **state)
{
	(void)state;
	sink s;
	open_sink(&s);
	s.d.silent = 1;
	rg_msg(&s.d, RG_M_GROWTH_MISMATCH, rg_pos_make("a", 1, 1), "w");
	rg_msg(&s.d, RG_M_KEY_UNKNOWN, rg_pos_make("b", 4, 9), "first");
	rg_msg(&s.d, RG_M_KEY_UNKNOWN, rg_pos_make("c", 5, 2), "second");
	assert_string_equal(text(&s) ? text(&s) : "", "");
	assert_int_equal(s.d.errors, 2);
	assert_string_equal(s.d.first.file, "b");
	assert_int_equal(s.d.first.line, 4);
	assert_int_equal(s.d.first.col, 9);
	assert_int_equal(s.d.first_id, RG_M_KEY_UNKNOWN);
	close_sink(&s);
}

static void
test_quoted_values_cut(void **state)
{
	(void)state;
	sink s;
	open_sink(&s);
	char longv[301], han[3 * 100 + 1];
	memset(longv, 'x', 300);
	longv[300] = '\0';
	for (int i = 0; i < 100; i++)
		memcpy(han + 3 * i, "县", 3);
	han[300] = '\0';
	/* a quoted value: 79 characters and "…"; an unquoted one whole; the
	 * other conversions as printf prints them */
	rg_msg(&s.d, RG_M_KEY_UNKNOWN, rg_pos_make("t", 1, 1), "unknown key '%s' in %s", longv, "abc");
	rg_msg(&s.d, RG_M_KEY_UNKNOWN, rg_pos_make("t", 2, 1), "'%s' (%zu, %d, %04X, %.1f, %ld, %c%%)",
	    han, (size_t)7, -3, 0xBEEFu, 2.25, 9L, 'z');
	rg_msg(&s.d, RG_M_KEY_UNKNOWN, rg_pos_make("t", 3, 1), "%s", longv);
	rg_msg(&s.d, RG_M_KEY_UNKNOWN, rg_pos_make("t", 4, 1), "'%.*s' ok", 3, "abcdef");
	char want[2048];
	char x79[80], h79[3 * 79 + 1];
	memset(x79, 'x', 79);
	x79[79] = '\0';
	memcpy(h79, han, 3 * 79);
	h79[3 * 79] = '\0';
	snprintf(want, sizeof want,
	    "t:1:1: error: unknown key '%s…' in abc [key-unknown]\n"
	    "t:2:1: error: '%s…' (7, -3, BEEF, 2.2, 9, z%%) [key-unknown]\n"
	    "t:3:1: error: %s [key-unknown]\n"
	    "t:4:1: error: 'abc' ok [key-unknown]\n", x79, h79, longv);
	assert_string_equal(text(&s), want);
	close_sink(&s);
}

static void
test_char_col(void **state)
{
	(void)state;
	const char *line = "  - {id: songxian, name: 嵩县, levle: 县}";
	/* "  - {id: songxian, name: 嵩县, " is 29 characters, 33 bytes */
	assert_int_equal(rg_char_col(line, 33), 30);
	assert_int_equal(rg_char_col(line, 0), 1);
	assert_int_equal(rg_char_col("𠮷a", 4), 2);   /* beyond the BMP: one */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels_and_ids),
		cmocka_unit_test(test_status_follows_worst),
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_silent_and_first),
		cmocka_unit_test(test_quoted_values_cut),
		cmocka_unit_test(test_char_col),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
