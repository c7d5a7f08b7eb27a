/* cff.c -- see cff.h.  The structures are those of Adobe's Technical Note
 * #5176 (The Compact Font Format Specification): a header, the Name INDEX,
 * the Top DICT INDEX, whose first DICT gives the offsets of CharStrings
 * (operator 17) and charset (15) and, in a CID-keyed font, ROS (12 30). */
#include "cff.h"

#include <stdint.h>

typedef struct rd {
	const unsigned char *p;
	size_t len;
} rd;

static int
card(const rd *r, size_t off, int n, unsigned long *v)
{
	if (n < 1 || n > 4 || off > r->len || r->len - off < (size_t)n)
		return -1;
	unsigned long x = 0;
	for (int i = 0; i < n; i++)
		x = x << 8 | r->p[off + (size_t)i];
	*v = x;
	return 0;
}

/* The INDEX at off: its count, where its first object starts and the end
 * of the INDEX; *first and *firstlen locate object 0 if there is one. */
static int
index_at(const rd *r, size_t off, unsigned long *count, size_t *end, size_t *first,
    size_t *firstlen)
{
	if (card(r, off, 2, count) < 0)
		return -1;
	if (*count == 0) {
		*end = off + 2;
		*first = *firstlen = 0;
		return 0;
	}
	unsigned long osz, o0, o1, olast;
	if (card(r, off + 2, 1, &osz) < 0 || osz < 1 || osz > 4)
		return -1;
	size_t offs = off + 3, base = offs + (*count + 1) * osz - 1;
	if (card(r, offs, (int)osz, &o0) < 0 || card(r, offs + osz, (int)osz, &o1) < 0 ||
	    card(r, offs + *count * osz, (int)osz, &olast) < 0 || o0 != 1 || o1 < o0 ||
	    olast < o1 || base + olast > r->len)
		return -1;
	*first = base + o0;
	*firstlen = o1 - o0;
	*end = base + olast;
	return 0;
}

/* The Top DICT: the integer operands of CharStrings and charset, and
 * whether ROS is present. */
static int
top_dict(const rd *r, size_t off, size_t len, long *charstrings, long *charset, int *cid)
{
	long stack[48];
	int n = 0;
	size_t i = off, end = off + len;
	*charstrings = -1;
	*charset = 0;
	*cid = 0;
	while (i < end) {
		unsigned b = r->p[i];
		long v;
		if (b <= 21) {                 /* an operator */
			unsigned op = b;
			if (b == 12) {
				if (++i >= end)
					return -1;
				op = 1200 + r->p[i];
			}
			i++;
			if (op == 17 && n >= 1)
				*charstrings = stack[n - 1];
			else if (op == 15 && n >= 1)
				*charset = stack[n - 1];
			else if (op == 1230)
				*cid = 1;
			n = 0;
			continue;
		}
		if (b == 30) {                 /* a real: skip its nibbles */
			i++;
			while (i < end && (r->p[i] & 0x0F) != 0x0F && (r->p[i] & 0xF0) != 0xF0)
				i++;
			i++;
			v = 0;
		} else if (b == 28) {
			if (end - i < 3)
				return -1;
			v = (int16_t)(r->p[i + 1] << 8 | r->p[i + 2]);
			i += 3;
		} else if (b == 29) {
			if (end - i < 5)
				return -1;
			v = (int32_t)((uint32_t)r->p[i + 1] << 24 | (uint32_t)r->p[i + 2] << 16 |
			    (uint32_t)r->p[i + 3] << 8 | r->p[i + 4]);
			i += 5;
		} else if (b >= 32 && b <= 246) {
			v = (long)b - 139;
			i++;
		} else if (b >= 247 && b <= 254) {
			if (end - i < 2)
				return -1;
			v = b <= 250 ? ((long)b - 247) * 256 + r->p[i + 1] + 108 :
			    -((long)b - 251) * 256 - r->p[i + 1] - 108;
			i += 2;
		} else {
			return -1;             /* reserved */
		}
		if (n < 48)
			stack[n++] = v;
	}
	return 0;
}

int
rg_cff_cids(const unsigned char *cff, size_t len, unsigned *cids, size_t nglyphs)
{
	rd r = { cff, len };
	unsigned long hdr, count;
	size_t end, first, firstlen;
	if (card(&r, 2, 1, &hdr) < 0 || index_at(&r, hdr, &count, &end, &first, &firstlen) < 0)
		return -1;
	if (index_at(&r, end, &count, &end, &first, &firstlen) < 0 || count < 1)
		return -1;
	long cs, charset;
	int cid;
	if (top_dict(&r, first, firstlen, &cs, &charset, &cid) < 0 || cs <= 0)
		return -1;
	unsigned long nchars;
	size_t e2, f2, l2;
	if (index_at(&r, (size_t)cs, &nchars, &e2, &f2, &l2) < 0 || nchars != nglyphs)
		return -1;
	for (size_t g = 0; g < nglyphs; g++)
		cids[g] = (unsigned)g;
	if (!cid || nglyphs == 0)
		return 0;
	if (charset <= 2)
		return -1;             /* a predefined charset in a CID font */
	unsigned long fmt;
	size_t off = (size_t)charset;
	if (card(&r, off++, 1, &fmt) < 0)
		return -1;
	size_t g = 1;
	cids[0] = 0;
	while (g < nglyphs) {
		unsigned long c, left = 0;
		if (card(&r, off, 2, &c) < 0)
			return -1;
		off += 2;
		if (fmt == 1 || fmt == 2) {
			if (card(&r, off, fmt == 1 ? 1 : 2, &left) < 0)
				return -1;
			off += fmt == 1 ? 1 : 2;
		} else if (fmt != 0) {
			return -1;
		}
		for (unsigned long k = 0; k <= left && g < nglyphs; k++)
			cids[g++] = (unsigned)(c + k);
	}
	return 0;
}
