/* sfnt.h -- small rewrites of a TrueType font before libharu reads it.
 *
 * libharu 2.3 builds each embedded font's CIDToGIDMap by looking up all
 * 65,536 BMP code points in the font's cmap, scanning the format 4
 * segments linearly for each.  A HarfBuzz subset of scattered Chinese
 * characters has one segment per character run (hundreds), which made
 * that loop the largest cost of a render.  rg_sfnt_compact_cmap replaces
 * the cmap with one (3,1) format 4 subtable of few segments (gaps inside a
 * segment map to glyph 0), so the loop does a few steps per code point.
 * The glyphs, and what any code point maps to, stay the same.
 */
#ifndef RG_SFNT_H
#define RG_SFNT_H

#include <stddef.h>
#include <stdint.h>

/* font (len bytes) with its cmap replaced by one mapping cps[i] -> gids[i]
 * (n pairs, cps sorted ascending, all below U+FFFF), in a new buffer
 * (*out, *outlen; the caller frees it).  Returns 0, or -1 if the font
 * cannot be rewritten (the caller keeps the original). */
int rg_sfnt_compact_cmap(const unsigned char *font, size_t len, const uint32_t *cps,
    const uint16_t *gids, size_t n, unsigned char **out, size_t *outlen);

#endif
