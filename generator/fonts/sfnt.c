/* sfnt.c -- see sfnt.h */
#include "sfnt.h"

#include <stdlib.h>
#include <string.h>

#include "../base/mem.h"

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned
get16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static uint32_t
checksum(const unsigned char *p, size_t len)
{
	uint32_t sum = 0;
	size_t i = 0;
	for (; i + 4 <= len; i += 4)
		sum += get32(p + i);
	if (i < len) {
		unsigned char tail[4] = { 0, 0, 0, 0 };
		memcpy(tail, p + i, len - i);
		sum += get32(tail);
	}
	return sum;
}

/* The last pair of the segment that starts at pair i: the run up to a gap
 * wider than gap code points.  *contiguous: its code points and glyphs
 * both go up by one (an idDelta segment, no glyph array). */
static size_t
segment_end(const uint32_t *cps, const uint16_t *gids, size_t n, uint32_t gap, size_t i,
    int *contiguous)
{
	size_t j = i;
	*contiguous = 1;
	while (j + 1 < n && cps[j + 1] - cps[j] <= gap) {
		if (cps[j + 1] != cps[j] + 1 || gids[j + 1] != gids[j] + 1)
			*contiguous = 0;
		j++;
	}
	return j;
}

/* A format 4 subtable for the pairs, breaking segments at gaps wider than
 * gap code points.  Its size, or 0 if it would not fit in 64 KiB. */
static size_t
build_format4(const uint32_t *cps, const uint16_t *gids, size_t n, uint32_t gap,
    unsigned char *buf, size_t cap)
{
	/* count segments and glyph array entries first */
	size_t nseg = 1, narray = 0;   /* the closing 0xFFFF segment */
	for (size_t i = 0; i < n;) {
		int contiguous;
		size_t j = segment_end(cps, gids, n, gap, i, &contiguous);
		nseg++;
		if (!contiguous)
			narray += cps[j] - cps[i] + 1;
		i = j + 1;
	}
	size_t size = 16 + 8 * nseg + 2 * narray;
	if (size > 0xFFFF || size > cap)
		return 0;
	memset(buf, 0, size);
	unsigned char *end = buf + 14, *start = end + 2 * nseg + 2;
	unsigned char *delta = start + 2 * nseg, *range = delta + 2 * nseg;
	unsigned char *array = range + 2 * nseg;
	unsigned search = 1, sel = 0;
	while (search * 2 <= nseg) {
		search *= 2;
		sel++;
	}
	put16(buf, 4);
	put16(buf + 2, (unsigned)size);
	put16(buf + 6, (unsigned)(2 * nseg));
	put16(buf + 8, 2 * search);
	put16(buf + 10, sel);
	put16(buf + 12, (unsigned)(2 * nseg - 2 * search));
	size_t s = 0, a = 0;
	for (size_t i = 0; i < n; s++) {
		int contiguous;
		size_t j = segment_end(cps, gids, n, gap, i, &contiguous);
		put16(start + 2 * s, cps[i]);
		put16(end + 2 * s, cps[j]);
		if (contiguous) {
			put16(delta + 2 * s, (gids[i] - cps[i]) & 0xFFFF);
		} else {
			/* offset from this idRangeOffset entry to its glyphs */
			put16(range + 2 * s, (unsigned)(2 * (nseg - s) + 2 * a));
			for (size_t k = i; k <= j; k++)
				put16(array + 2 * (a + cps[k] - cps[i]), gids[k]);
			a += cps[j] - cps[i] + 1;
		}
		i = j + 1;
	}
	put16(start + 2 * s, 0xFFFF);
	put16(end + 2 * s, 0xFFFF);
	put16(delta + 2 * s, 1);
	return size;
}

int
rg_sfnt_compact_cmap(const unsigned char *font, size_t len, const uint32_t *cps,
    const uint16_t *gids, size_t n, unsigned char **out, size_t *outlen)
{
	if (len < 12 || (n > 0 && cps[n - 1] >= 0xFFFF))
		return -1;
	size_t ntables = get16(font + 4);
	if (12 + 16 * ntables > len)
		return -1;
	for (size_t i = 1; i < n; i++)
		if (cps[i] <= cps[i - 1])
			return -1;

	/* the new cmap: header, one encoding record, the subtable; widest
	 * gaps first, narrower until it fits */
	size_t cap = 12 + 0x10000;
	unsigned char *cmap = rg_xmalloc(cap);
	size_t sub = 0;
	for (uint32_t gap = 1024; gap >= 1 && sub == 0; gap /= 2)
		sub = build_format4(cps, gids, n, gap, cmap + 12, cap - 12);
	if (sub == 0) {
		free(cmap);
		return -1;
	}
	memset(cmap, 0, 12);
	put16(cmap + 2, 1);          /* one subtable */
	put16(cmap + 4, 3);          /* Windows */
	put16(cmap + 6, 1);          /* Unicode BMP */
	put32(cmap + 8, 12);
	size_t cmap_len = 12 + sub;

	/* the tables in their order, cmap replaced, each 4-byte aligned */
	size_t total = 12 + 16 * ntables, head_at = 0;
	int have_cmap = 0;
	for (size_t i = 0; i < ntables; i++) {
		const unsigned char *rec = font + 12 + 16 * i;
		uint32_t off = get32(rec + 8), tlen = get32(rec + 12);
		if (memcmp(rec, "cmap", 4) == 0) {
			tlen = (uint32_t)cmap_len;
			have_cmap = 1;
		} else if (off > len || tlen > len - off) {
			free(cmap);
			return -1;
		}
		total += (tlen + 3) & ~(size_t)3;
	}
	if (!have_cmap) {
		free(cmap);
		return -1;
	}
	unsigned char *f = rg_xcalloc(1, total);
	memcpy(f, font, 12 + 16 * ntables);
	size_t pos = 12 + 16 * ntables;
	for (size_t i = 0; i < ntables; i++) {
		unsigned char *rec = f + 12 + 16 * i;
		const unsigned char *data;
		uint32_t tlen;
		if (memcmp(rec, "cmap", 4) == 0) {
			data = cmap;
			tlen = (uint32_t)cmap_len;
		} else {
			data = font + get32(rec + 8);
			tlen = get32(rec + 12);
		}
		memcpy(f + pos, data, tlen);
		if (memcmp(rec, "head", 4) == 0 && tlen >= 12) {
			head_at = pos;
			put32(f + pos + 8, 0);   /* checkSumAdjustment, set below */
		}
		put32(rec + 4, checksum(f + pos, tlen));
		put32(rec + 8, (uint32_t)pos);
		put32(rec + 12, tlen);
		pos += (tlen + 3) & ~(size_t)3;
	}
	if (head_at != 0)
		put32(f + head_at + 8, 0xB1B0AFBAu - checksum(f, total));
	free(cmap);
	*out = f;
	*outlen = total;
	return 0;
}
