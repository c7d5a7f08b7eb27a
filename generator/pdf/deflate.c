/* deflate.c -- the compression level of the streams libharu writes.
 *
 * Profiling a render (docs/performance.md) shows most of its time in
 * zlib's deflate: libharu 2.3 compresses every stream, the embedded font
 * subsets above all, at zlib's default level 6, and has no setting for it.
 * libharu starts each compressed stream with deflateInit(), which is zlib's
 * deflateInit_(); this definition, in the executable, comes first in the
 * dynamic linker's search order, so libharu's calls reach it, and it asks
 * zlib for level RG_DEFLATE_LEVEL instead.  Level 1 halves the time spent
 * compressing Chinese font subsets for about 8% more font bytes.  Nothing
 * else in the program compresses with zlib.
 *
 * The output is still deterministic: the same input and level give the same
 * bytes.  Set RG_DEFLATE_LEVEL to 6 at build time (or remove this file) to
 * get libharu's own behaviour back.
 */
#include <zlib.h>

#ifndef RG_DEFLATE_LEVEL
#define RG_DEFLATE_LEVEL 1
#endif

int
deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	(void)level;
	return deflateInit2_(strm, RG_DEFLATE_LEVEL, Z_DEFLATED, MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY, version, stream_size);
}
