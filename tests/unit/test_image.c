/* test_image.c -- the image header reader (template/image.h): the size,
 * dpi and transparency of small PNG and JPEG files built here; and every
 * prefix of them and every one-byte change refused or read without reading
 * past the end (the buffers are exactly as long as said: ASan catches an
 * overrun in make check-asan). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

#include "template/image.h"

static size_t
put32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
	return 4;
}

static size_t
chunk(unsigned char *p, const char *type, const unsigned char *data, size_t len)
{
	size_t n = put32(p, len);
	memcpy(p + n, type, 4);
	if (len > 0)
		memcpy(p + n + 4, data, len);
	n += 4 + len;
	return n + put32(p + n, crc32(0, p + 4, (uInt)(len + 4)));
}

/* A w x h PNG of colour type ctype, with a pHYs of 300 dpi if dpi. */
static size_t
png(unsigned char *p, unsigned w, unsigned h, int ctype, int dpi)
{
	size_t n = 8;
	memcpy(p, "\x89PNG\r\n\x1a\n", 8);
	unsigned char ihdr[13] = { 0 };
	put32(ihdr, w);
	put32(ihdr + 4, h);
	ihdr[8] = 8;
	ihdr[9] = (unsigned char)ctype;
	n += chunk(p + n, "IHDR", ihdr, 13);
	if (dpi) {
		unsigned char phys[9];
		put32(phys, 11811);
		put32(phys + 4, 11811);
		phys[8] = 1;
		n += chunk(p + n, "pHYs", phys, 9);
	}
	/* the rows, each a filter byte 0 and zeros (too large: one row) */
	static const int channels[7] = { 1, 0, 3, 1, 2, 0, 4 };
	size_t row = 1 + (size_t)w * channels[ctype];
	size_t raw = row * (w > 20000 || (double)w * h > 5e7 ? 1 : h);
	unsigned char *zeros = calloc(raw, 1);
	uLongf zlen = compressBound(raw);
	unsigned char *z = malloc(zlen);
	compress(z, &zlen, zeros, raw);
	n += chunk(p + n, "IDAT", z, zlen);
	free(z);
	free(zeros);
	return n + chunk(p + n, "IEND", NULL, 0);
}

static size_t
jpeg(unsigned char *p, unsigned w, unsigned h)
{
	static const unsigned char head[] = {
		0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0, 150, 0, 150,
		0, 0,
		0xFF, 0xC0, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
		0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0, 0x12, 0x34,
		0xFF, 0xD9
	};
	memcpy(p, head, sizeof head);
	p[25] = (unsigned char)(h >> 8);
	p[26] = (unsigned char)h;
	p[27] = (unsigned char)(w >> 8);
	p[28] = (unsigned char)w;
	return sizeof head;
}

/* Every prefix and every byte flipped: -1, -2 or 0, and no overrun. */
static void
mangle(const unsigned char *good, size_t n)
{
	rg_image_info info;
	const char *why;
	for (size_t k = 0; k < n; k++) {
		unsigned char *cut = malloc(k ? k : 1);
		memcpy(cut, good, k);
		assert_true(rg_image_probe(cut, k, &info, &why) < 0);
		free(cut);
	}
	unsigned char *bad = malloc(n);
	for (size_t k = 0; k < n; k++)
		for (int bit = 0; bit < 8; bit++) {
			memcpy(bad, good, n);
			bad[k] ^= (unsigned char)(1 << bit);
			int rc = rg_image_probe(bad, n, &info, &why);
			assert_true(rc == 0 || rc == -1 || rc == -2);
		}
	free(bad);
}

static void
test_png(void **state)
{
	(void)state;
	unsigned char p[4096];
	rg_image_info info;
	const char *why = NULL;
	size_t n = png(p, 640, 480, 2, 0);
	assert_int_equal(rg_image_probe(p, n, &info, &why), 0);
	assert_int_equal(info.format, RG_IMAGE_PNG);
	assert_int_equal(info.width, 640);
	assert_int_equal(info.height, 480);
	assert_true(info.dpi_x == 0 && !info.alpha);
	n = png(p, 10, 20, 6, 1);
	assert_int_equal(rg_image_probe(p, n, &info, &why), 0);
	assert_true(info.alpha);
	assert_true(info.dpi_x > 299.9 && info.dpi_x < 300.1);
	mangle(p, n);
	n = png(p, 20001, 1, 0, 0);
	assert_int_equal(rg_image_probe(p, n, &info, &why), -2);
	n = png(p, 10000, 10000, 0, 0);
	assert_int_equal(rg_image_probe(p, n, &info, &why), -2);
	n = png(p, 0, 10, 0, 0);
	assert_int_equal(rg_image_probe(p, n, &info, &why), -1);
}

static void
test_jpeg(void **state)
{
	(void)state;
	unsigned char p[256];
	rg_image_info info;
	const char *why = NULL;
	size_t n = jpeg(p, 320, 200);
	assert_int_equal(rg_image_probe(p, n, &info, &why), 0);
	assert_int_equal(info.format, RG_IMAGE_JPEG);
	assert_int_equal(info.width, 320);
	assert_int_equal(info.height, 200);
	assert_true(info.dpi_x == 150 && info.dpi_y == 150);
	mangle(p, n);
	p[24] = 12;    /* 12 bits a sample */
	assert_int_equal(rg_image_probe(p, n, &info, &why), -1);
	n = jpeg(p, 0, 200);
	assert_int_equal(rg_image_probe(p, n, &info, &why), -1);
	assert_int_equal(rg_image_probe((const unsigned char *)"GIF89a", 6, &info, &why), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_png),
		cmocka_unit_test(test_jpeg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
