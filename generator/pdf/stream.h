/* stream.h -- stream objects of our own in a libharu document; internal
 * to the pdf stage. */
#ifndef RG_PDF_STREAM_H
#define RG_PDF_STREAM_H

#include <hpdf.h>
#include <stddef.h>

/* A new stream object holding data, which libharu deflates when it saves
 * the document (flate: PDF/A, whose file is written as libharu writes it)
 * or stores as is (the packing pass, pack.h, deflates the font programs
 * and maps at their own levels; the XMP metadata of PDF/A stays as is).
 * NULL on a libharu failure. */
HPDF_Dict rg_pdf_stream(HPDF_Doc pdf, const void *data, size_t len, int flate);

#endif
