/* fontdict.h -- corrections to the font dictionaries libharu 2.3 makes for
 * a TrueType font with its UTF-8 encoder; internal to the pdf stage.
 *
 * Such a font's codes are the BMP code points themselves (Identity-H), and
 * its CIDToGIDMap maps each to a glyph of the embedded font.  libharu
 * writes a CID map where the ToUnicode map belongs, and a CIDToGIDMap of
 * all 65,536 codes.  Both streams are libharu's (struct _HPDF_FontAttr_Rec,
 * public in hpdf_font.h); their content is replaced before the document is
 * saved, and they are compressed with it as before.
 */
#ifndef RG_FONTDICT_H
#define RG_FONTDICT_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

/* Fix font (just made by HPDF_GetFont) for the code points cps[0..n) drawn
 * with it: a ToUnicode map of those code points, and a CIDToGIDMap that
 * ends at the largest.  Returns 0, or -1 if libharu's structures are not
 * as expected or it is out of memory. */
int rg_fontdict_fix(HPDF_Font font, const int32_t *cps, size_t n);

#endif
