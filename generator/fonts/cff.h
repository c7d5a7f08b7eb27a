/* cff.h -- the CIDs of a CFF font program's glyphs.
 *
 * A PDF CIDFontType0 font draws CID c with the glyph that the embedded CFF
 * program's charset assigns to c, when the program is CID-keyed (Noto CJK,
 * FandolFang); a name-keyed program is drawn with CID = glyph id.  A
 * HarfBuzz subset of a CID-keyed font keeps each glyph's original CID, so
 * the pdf stage learns the codes to draw from the subset's charset.
 */
#ifndef RG_CFF_H
#define RG_CFF_H

#include <stddef.h>

/* The CID of each of the nglyphs glyphs of the CFF table cff (len bytes):
 * cids[g] for glyph g, the glyph id itself when the program is not
 * CID-keyed.  Returns 0, or -1 if the table is malformed or holds another
 * number of glyphs. */
int rg_cff_cids(const unsigned char *cff, size_t len, unsigned *cids, size_t nglyphs);

#endif
