/* font.h -- the font objects of the PDF, built with libharu's object API;
 * internal to the pdf stage.
 *
 * Each face the layout drew with is embedded as a subset (fontset.h), as a
 * Type0 font over a CIDFontType2 (TrueType, FontFile2) or CIDFontType0
 * (CFF, FontFile3 /CIDFontType0C) CIDFont, Identity-H, with a /W array, a
 * ToUnicode CMap and, for PDF/A, a CIDSet.  The codes drawn are the
 * subset's glyph ids (TrueType) or CIDs (CFF): any glyph a face has prints,
 * inside the Basic Multilingual Plane or beyond it.
 */
#ifndef RG_PDF_FONT_H
#define RG_PDF_FONT_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/diag.h"
#include "../fonts/fontset.h"

typedef struct rg_pdf_font rg_pdf_font;

/* Glyphs drawn with one face, and the text each stands for. */
typedef struct rg_glyph_use {
	unsigned *gids; size_t n, cap;   /* in order of first use */
	int32_t *text;           /* text[gid]: the code point it was drawn for, or 0 */
	unsigned char *half;     /* half[gid]: also drawn half an em narrower
	                          * (boxes.h); NULL when no glyph was */
	unsigned count;          /* glyphs of the face */
} rg_glyph_use;

/* The embedded font of face: its dictionary and its code for each glyph.
 * NULL after reporting. */
rg_pdf_font *rg_pdf_font_new(HPDF_Doc pdf, const rg_fontset *fs, int face,
    const rg_glyph_use *use, int pdfa, rg_diag *d);
void rg_pdf_font_free(rg_pdf_font *f);
HPDF_Dict rg_pdf_font_dict(const rg_pdf_font *f);
/* The same font program and codes with every glyph of use->half half an
 * em narrower (/DW 500): compressed punctuation is drawn with it, so that
 * a glyph's width is the distance to the next one and text extraction
 * keeps the order.  NULL when no glyph is drawn so. */
HPDF_Dict rg_pdf_font_half_dict(const rg_pdf_font *f);
/* The code of glyph gid (drawn, so in the subset). */
unsigned rg_pdf_font_code(const rg_pdf_font *f, unsigned gid);

#endif
