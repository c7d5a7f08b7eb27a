/* stream.c -- see stream.h */
#include "stream.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

/* libharu 2.3 writes /Filter into a stream's dictionary from the stream's
 * filter setting alone (a /Filter put there by the program is removed when
 * the document is saved), and its public API sets that setting only for a
 * page's content stream (HPDF_Page_SetFilter).  A compressed stream object
 * is therefore the content stream of a page object made with HPDF_Page_New
 * and never put into the page tree.  The page object is emptied of its
 * keys (so that no reader takes it for a page) and stays behind as an
 * unreferenced "<< >>"; its stream is ours.  libharu compresses it at
 * zlib's default level. */
HPDF_Dict
rg_pdf_stream(HPDF_Doc pdf, const void *data, size_t len, int flate)
{
	HPDF_Dict s;
	if (flate) {
		HPDF_Page carrier = HPDF_Page_New(pdf->mmgr, pdf->xref);
		if (carrier == NULL)
			return NULL;
		HPDF_Page_SetFilter(carrier, HPDF_STREAM_FILTER_FLATE_DECODE);
		s = ((HPDF_PageAttr)carrier->attr)->contents;
		static const char *const keys[] = { "Type", "Contents", "MediaBox", "Resources" };
		for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
			HPDF_Dict_RemoveElement(carrier, keys[i]);
	} else {
		s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	}
	if (s == NULL || HPDF_Stream_Write(s->stream, data, (HPDF_UINT)len) != HPDF_OK)
		return NULL;
	return s;
}
