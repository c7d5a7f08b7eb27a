/* hpdfmem.c -- libharu's byte-copying helpers, done by the C library.
 *
 * libharu 2.3 copies and clears memory with its own HPDF_MemCpy and
 * HPDF_MemSet, loops of one byte per iteration.  Every byte of every
 * stream goes through them several times (into the memory streams, out to
 * zlib, out to the file), and HPDF_MemSet clears two 64 KB tables per
 * font: under callgrind they were 24% of the instructions of a briefing
 * (docs/performance.md).  libharu calls both through its procedure linkage
 * table, so these definitions in the executable are the ones its calls
 * reach (as for deflateInit_ in deflate.c).  They keep libharu's contract:
 * the same bytes written, and a pointer just past them returned.
 */
#include <hpdf_utils.h>
#include <string.h>

HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (n > 0)
		memmove(out, in, n);
	return out + n;
}

void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n > 0)
		memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}
