/* test_fontsubset.c -- every font subset that the pdf stage hands to
 * libharu has a non-empty 'prep' table.  libharu 2.3 fails to save a font
 * without one when its rewritten font is a multiple of 4096 bytes long
 * (found by fuzz_template; docs/reliability.md), so fontset.c adds a
 * 'prep' that does nothing to the subsets of fonts that have none (the AR
 * PL fonts).  Uses the fonts of fonts/fonts.conf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fonts/fontset.h"

#ifndef RG_DATADIR
#define RG_DATADIR "."
#endif

/* The length of table tag in the font file at path; -1 if it has none. */
static long
table_length(const char *path, const char *tag)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char head[12], rec[16];
	assert_int_equal(fread(head, 1, 12, f), 12);
	unsigned n = (unsigned)head[4] << 8 | head[5];
	long len = -1;
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(fread(rec, 1, 16, f), 16);
		if (memcmp(rec, tag, 4) == 0)
			len = (long)((unsigned long)rec[12] << 24 | (unsigned long)rec[13] << 16 |
			    (unsigned long)rec[14] << 8 | rec[15]);
	}
	fclose(f);
	return len;
}

static void
every_subset_has_prep(void **state)
{
	(void)state;
	FILE *devnull = fopen("/dev/null", "w");
	rg_diag d;
	rg_diag_init(&d, devnull);
	rg_fontset *fs = rg_fontset_load(RG_DATADIR "/fonts/fonts.conf", &d);
	assert_non_null(fs);
	static const int32_t cps[] = { 'a', '1', 0x4E00, 0x6C49, 0x3002 };
	size_t tested = 0;
	for (size_t face = 0; face < rg_fontset_count(fs); face++) {
		/* the code points this face has */
		int32_t have[5];
		size_t n = 0;
		for (size_t i = 0; i < 5; i++)
			for (int role = 0; role < RG_ROLE__COUNT; role++) {
				int primary;
				if (rg_fontset_lookup(fs, (rg_role)role, cps[i], &primary) == (int)face) {
					have[n++] = cps[i];
					break;
				}
			}
		if (n == 0)
			continue;
		rg_fontfile sub;
		assert_int_equal(rg_fontset_subset(fs, (int)face, have, n, &sub, &d), 0);
		long prep = table_length(sub.path, "prep");
		rg_fontfile_release(&sub);
		if (prep <= 0)
			fail_msg("the subset of %s (face %d) has no 'prep' table",
			    rg_fontset_path(fs, (int)face), rg_fontset_index(fs, (int)face));
		tested++;
	}
	assert_true(tested >= 3);
	rg_fontset_free(fs);
	fclose(devnull);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_subset_has_prep),
	};
	return cmocka_run_group_tests_name("fontsubset", tests, NULL, NULL);
}
