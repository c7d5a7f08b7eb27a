/* pack.h -- libharu's file rewritten by libqpdf with object streams and a
 * cross-reference stream (PDF 1.5); internal to the pdf stage.
 *
 * libharu 2.3 writes every object dictionary and the cross-reference table
 * uncompressed, a third of a long document's bytes.  libqpdf (its C API,
 * qpdf-c.h) reads the file from memory and writes it again with the
 * dictionaries packed into deflated object streams.  On the way the
 * streams libharu stored raw are deflated at a level chosen for each kind
 * (RG_PACK_LEVEL_*): libharu's API cannot choose a level, libqpdf's C API
 * cannot either (Pl_Flate::setCompressionLevel is C++ and process-wide),
 * but it replaces a stream's data with data deflated here.
 *
 * The result is the same bytes for the same input: the file identifier is
 * derived from the content (qpdf_set_deterministic_ID), and objects are
 * numbered in the order libqpdf meets them from the trailer.  Not used for
 * PDF/A-1 (PDF 1.4 has no object streams), which is written as libharu
 * writes it.
 */
#ifndef RG_PDF_PACK_H
#define RG_PDF_PACK_H

#include <stddef.h>

#include "../base/buf.h"
#include "../base/diag.h"

/* zlib levels (docs/performance.md, "Compression levels"): font programs,
 * page contents, ToUnicode maps; any other raw stream gets libqpdf's own
 * level (zlib's default, 6). */
enum {
	RG_PACK_LEVEL_FONT = 6,
	RG_PACK_LEVEL_CONTENT = 6,
	RG_PACK_LEVEL_TOUNICODE = 6
};

/* in (len bytes, a complete PDF) packed into out.  Returns 0, or -1 after
 * reporting at `where`. */
int rg_pdf_pack(const char *in, size_t len, rg_buf *out, const char *where, rg_diag *d);

#endif
