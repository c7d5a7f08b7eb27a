/* pack.h -- libharu's file rewritten by libqpdf with object streams and a
 * cross-reference stream (PDF 1.5); internal to the pdf stage.
 *
 * libharu 2.3 writes every object dictionary and the cross-reference table
 * uncompressed, a third of a long document's bytes.  libqpdf (its C API,
 * qpdf-c.h) reads the file from memory and writes it again with the
 * dictionaries packed into deflated object streams.  On the way the
 * streams libharu stored raw are deflated at a level chosen for each kind
 * (RG_PACK_*): libharu's API cannot choose a level, nor can libqpdf's
 * writer from C (Pl_Flate::setCompressionLevel is C++ and process-wide),
 * but libqpdf's C API replaces a stream's data with data deflated here
 * (qpdf_oh_replace_stream_data, /FlateDecode).
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
#include <zlib.h>

#include "../base/buf.h"
#include "../base/diag.h"

/* How each kind of stream is deflated (docs/performance.md, "Compression
 * levels", measures each level): font programs and ToUnicode maps at
 * zlib's default level and strategy; page contents, lines of numbers and
 * operators, with Z_FILTERED, which makes them 1.2% smaller.  Above level
 * 6 none of them gets smaller; below it each grows.  A raw stream not met
 * (none is) would get libqpdf's own level, zlib's default. */
typedef struct rg_pack_zlib {
	int level, strategy;
} rg_pack_zlib;

#define RG_PACK_FONT { 6, Z_DEFAULT_STRATEGY }
#define RG_PACK_CONTENT { 6, Z_FILTERED }
#define RG_PACK_TOUNICODE { 6, Z_DEFAULT_STRATEGY }

/* in (len bytes, a complete PDF) packed into out.  Returns 0, or -1 after
 * reporting at `where`. */
int rg_pdf_pack(const char *in, size_t len, rg_buf *out, const char *where, rg_diag *d);

#endif
