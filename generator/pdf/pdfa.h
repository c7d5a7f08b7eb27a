/* pdfa.h -- what PDF/A-1b (ISO 19005-1, level B) adds to a libharu
 * document; internal to the pdf stage.
 *
 * libharu 2.3 has HPDF_PDFA_SetPDFAConformance, but it copies the
 * document information into XMP unescaped (a title with "&" breaks the
 * XML), names the OutputIntent's profile "/DestOutputProfile " (with a
 * space) and derives the file identifier from the clock, so two runs
 * differ.  These functions do the same work with libharu's object API.
 */
#ifndef RG_PDFA_H
#define RG_PDFA_H

#include <hpdf.h>
#include <time.h>

#include "../base/diag.h"
#include "../layout/boxes.h"

/* The document information as written to the Info dictionary: XMP must
 * say the same.  NULL: absent. */
typedef struct rg_pdfa_info {
	const char *title, *author, *subject, *keywords, *creator, *producer;
	time_t date;
} rg_pdfa_info;

/* The sRGB profile embedded as the output intent: the first of these
 * that exists (Debian packages icc-profiles-free, libgs-common). */
#define RG_PDFA_ICC_PATHS "/usr/share/color/icc/sRGB.icc", \
	"/usr/share/color/icc/ghostscript/srgb.icc"

/* Make the document PDF/A-1b: PDF 1.4, XMP metadata matching info, an
 * sRGB output intent, a file identifier derived from the layout.  Call
 * after every page and the Info dictionary are done, before saving.
 * Returns 0, or -1 after reporting (at `where`). */
int rg_pdfa_finish(HPDF_Doc pdf, const rg_layout *l, const rg_pdfa_info *info,
    const char *where, rg_diag *d);

/* Link annotations in PDF/A must be printable (/F 4). */
void rg_pdfa_annot(HPDF_Annotation a);

#endif
