/* test_words.c -- the script guess (rg_words_guess) counts the data's
 * Simplified and Traditional characters exactly as the first version did
 * (a comparison of each character with each of the 108 listed, kept here
 * as the reference), on text of every kind: both scripts, other Han
 * characters, ASCII, four-byte characters, stray continuation bytes and
 * sequences cut short.  Each random text is padded with the characters of
 * one script to a tie and to one past it, so that the guess tells the
 * exact difference of the two counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "template/words.h"

static const char simp[] =
	"县区经济发这为与们国会业产实现长开关说项进过时间总设农动员务门应点类对书"
	"乐统计资财万亿亩个镇乡报务积级权条华";
static const char trad[] =
	"縣區經濟發這為與們國會業產實現長開關說項進過時間總設農動員務門應點類對書"
	"樂統計資財萬億畝個鎮鄉報務積級權條華";

/* the reference: the first version's count */
static size_t
ref_count(const char *text, const char *set)
{
	size_t n = 0;
	for (const char *p = text; p != NULL && *p; ) {
		size_t len = 1;
		unsigned char c = (unsigned char)*p;
		if (c >= 0xf0) len = 4;
		else if (c >= 0xe0) len = 3;
		else if (c >= 0xc0) len = 2;
		if (len > 1) {
			for (const char *q = set; *q; q += 3)
				if (strncmp(p, q, len) == 0 && len == 3) {
					n++;
					break;
				}
		}
		for (size_t k = 0; k < len && *p; k++)
			p++;
	}
	return n;
}

static unsigned long seed = 12345;

static unsigned
rnd(unsigned n)
{
	seed = seed * 1103515245 + 12345;
	return (unsigned)(seed >> 16) % n;
}

/* A piece of hostile or ordinary text. */
static void
piece(rg_buf *b)
{
	static const char *const other[] = { "的", "是", "区域", "A", "1.5", " ", "\n", "😀",
		"𠀋", "é", "，", "。", "龟", "一", "鿿", "丁" };
	switch (rnd(9)) {
	case 0: case 1:
		rg_buf_put(b, simp + 3 * rnd(sizeof simp / 3), 3);
		break;
	case 2: case 3:
		rg_buf_put(b, trad + 3 * rnd(sizeof trad / 3), 3);
		break;
	case 4: case 5:
		rg_buf_puts(b, other[rnd(sizeof other / sizeof *other)]);
		break;
	case 6: {            /* a listed character cut short */
		const char *c = (rnd(2) ? simp : trad) + 3 * rnd(sizeof simp / 3);
		rg_buf_put(b, c, 1 + rnd(2));
		break;
	}
	case 7:              /* a stray byte: continuation, lead, or invalid */
		rg_buf_putc(b, (char)(0x80 + rnd(0x80)));
		break;
	default: {           /* a listed character with a byte changed */
		char c[3];
		memcpy(c, (rnd(2) ? simp : trad) + 3 * rnd(sizeof simp / 3), 3);
		c[1 + rnd(2)] ^= (char)(1 << rnd(8));
		rg_buf_put(b, c, 3);
		break;
	}
	}
}

static rg_lang
guess(const char *title, const char *narrative, const char *pad)
{
	rg_dataset ds;
	memset(&ds, 0, sizeof ds);
	rg_narrative n[2];
	memset(n, 0, sizeof n);
	n[0].text = narrative;
	n[1].text = pad;
	ds.narratives = n;
	ds.nnarratives = 2;
	ds.meta.title = title;
	return rg_words_guess(&ds);
}

static void
pad_of(rg_buf *b, const char *set, long k)
{
	rg_buf_clear(b);
	for (long i = 0; i < k; i++)
		rg_buf_put(b, set + 3 * (size_t)(i % (long)(sizeof simp / 3)), 3);
	rg_buf_cstr(b);
}

static void
same_counts_as_the_reference(void **state)
{
	(void)state;
	for (int trial = 0; trial < 2000; trial++) {
		rg_buf title = { 0 }, text = { 0 }, pad = { 0 };
		unsigned nt = rnd(4), nx = rnd(trial < 1000 ? 40 : 400);
		for (unsigned i = 0; i < nt; i++)
			piece(&title);
		for (unsigned i = 0; i < nx; i++)
			piece(&text);
		const char *ti = rg_buf_cstr(&title), *tx = rg_buf_cstr(&text);
		long d = (long)(ref_count(ti, trad) + ref_count(tx, trad)) -
		    (long)(ref_count(ti, simp) + ref_count(tx, simp));
		/* d more traditional: d simplified make a tie (Simplified), d - 1
		 * leave Traditional ahead; d fewer: -d traditional make the tie,
		 * one more puts Traditional ahead */
		if (d >= 1) {
			pad_of(&pad, simp, d);
			assert_int_equal(guess(ti, tx, pad.data), RG_LANG_HANS);
			pad_of(&pad, simp, d - 1);
			assert_int_equal(guess(ti, tx, pad.data), RG_LANG_HANT);
		} else {
			pad_of(&pad, trad, -d);
			assert_int_equal(guess(ti, tx, pad.data), RG_LANG_HANS);
			pad_of(&pad, trad, -d + 1);
			assert_int_equal(guess(ti, tx, pad.data), RG_LANG_HANT);
		}
		rg_buf_free(&title);
		rg_buf_free(&text);
		rg_buf_free(&pad);
	}
}

static void
plain_cases(void **state)
{
	(void)state;
	assert_int_equal(guess(NULL, NULL, NULL), RG_LANG_HANS);
	assert_int_equal(guess("", "", ""), RG_LANG_HANS);
	assert_int_equal(guess("宋縣經濟", "", NULL), RG_LANG_HANT);
	assert_int_equal(guess("宋县经济", "縣", NULL), RG_LANG_HANS);
	/* a tie is Simplified; characters of neither list count for neither */
	assert_int_equal(guess("县縣", "的是一", NULL), RG_LANG_HANS);
	assert_int_equal(guess("县", "縣縣", NULL), RG_LANG_HANT);
	/* cut short at the end of the text: not a character */
	assert_int_equal(guess("县", "縣\xe7\xb8", NULL), RG_LANG_HANS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_cases),
		cmocka_unit_test(same_counts_as_the_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
