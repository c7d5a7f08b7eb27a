/* pdfa.c -- see pdfa.h */
#include "pdfa.h"

#include <errno.h>
#include <hpdf_encrypt.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "stream.h"

static const char *const icc_paths[] = { RG_PDFA_ICC_PATHS };

/* s as XML character data: markup characters escaped (libxml2), and the
 * control characters XML 1.0 cannot hold left out. */
static void
put_xml(rg_buf *b, const char *s)
{
	rg_buf clean = { 0 };
	for (const char *p = s; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
			rg_buf_put(&clean, p, 1);
	xmlChar *e = xmlEncodeSpecialChars(NULL, (const xmlChar *)rg_buf_cstr(&clean));
	if (e != NULL) {
		rg_buf_puts(b, (const char *)e);
		xmlFree(e);
	}
	rg_buf_free(&clean);
}

static void
put_element(rg_buf *b, const char *open, const char *value, const char *close)
{
	if (value == NULL)
		return;
	rg_buf_puts(b, open);
	put_xml(b, value);
	rg_buf_puts(b, close);
}

/* The XMP packet: Dublin Core, XMP basic and PDF properties equal to the
 * Info dictionary's entries (ISO 19005-1, 6.7.3), and the PDF/A id. */
static void
xmp_packet(rg_buf *b, const rg_pdfa_info *in)
{
	char date[32];
	struct tm tm;
	time_t t = in->date;
	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	rg_buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	    "<dc:format>application/pdf</dc:format>\n");
	put_element(b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", in->title,
	    "</rdf:li></rdf:Alt></dc:title>\n");
	put_element(b, "<dc:creator><rdf:Seq><rdf:li>", in->author,
	    "</rdf:li></rdf:Seq></dc:creator>\n");
	put_element(b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", in->subject,
	    "</rdf:li></rdf:Alt></dc:description>\n");
	rg_buf_puts(b, "</rdf:Description>\n"
	    "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	put_element(b, "<xmp:CreatorTool>", in->creator, "</xmp:CreatorTool>\n");
	rg_buf_printf(b, "<xmp:CreateDate>%s</xmp:CreateDate>\n"
	    "<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date, date);
	rg_buf_puts(b, "</rdf:Description>\n"
	    "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	put_element(b, "<pdf:Producer>", in->producer, "</pdf:Producer>\n");
	put_element(b, "<pdf:Keywords>", in->keywords, "</pdf:Keywords>\n");
	rg_buf_puts(b, "</rdf:Description>\n"
	    "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	    "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
}

/* The whole of a small file; NULL with errno set. */
static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	rg_buf b = { 0 };
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < (1u << 22))
		rg_buf_put(&b, chunk, n);
	int err = ferror(f) ? EIO : 0;
	fclose(f);
	if (err != 0 || b.len < 128) {
		rg_buf_free(&b);
		errno = err ? err : EINVAL;
		return NULL;
	}
	*len = b.len;
	return (unsigned char *)b.data;
}

/* The file identifier: an MD5 digest of what the pages say and when, so
 * that the same inputs give the same file (PDF 1.4, 10.3). */
static void
file_id(const rg_layout *l, time_t date, HPDF_BYTE id[HPDF_MD5_KEY_LEN])
{
	HPDF_MD5_CTX ctx;
	HPDF_MD5Init(&ctx);
	char head[64];
	int n = snprintf(head, sizeof head, "reportgen %zu %lld", l->npages, (long long)date);
	HPDF_MD5Update(&ctx, (const HPDF_BYTE *)head, (HPDF_UINT32)n);
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].nboxes; i++) {
			const rg_box *b = &l->pages[p].boxes[i];
			if (b->kind == RG_BOX_TEXT && b->text != NULL)
				HPDF_MD5Update(&ctx, (const HPDF_BYTE *)b->text,
				    (HPDF_UINT32)strlen(b->text) + 1);
		}
	HPDF_MD5Final(id, &ctx);
}

void
rg_pdfa_annot(HPDF_Annotation a)
{
	HPDF_Dict_AddNumber(a, "F", 4);
}

int
rg_pdfa_finish(HPDF_Doc pdf, const rg_layout *l, const rg_pdfa_info *in,
    const char *where, rg_diag *d)
{
	rg_pos at = { where, 0, 0 };
	/* read once per process: a batch embeds the same profile in every PDF */
	static unsigned char *icc;
	static size_t icc_len;
	for (size_t i = 0; i < sizeof icc_paths / sizeof *icc_paths && icc == NULL; i++)
		icc = slurp(icc_paths[i], &icc_len);
	if (icc == NULL) {
		rg_msg(d, RG_M_ICC_PROFILE_MISSING, at,
		    "PDF/A needs an sRGB ICC profile: none of %s, %s can be read "
		    "(install the Debian package icc-profiles-free)", icc_paths[0], icc_paths[1]);
		return -1;
	}
	/* PDF/A-1 is PDF 1.4: said in the catalog (ISO 32000-1, 7.7.2), which
	 * overrides the header's version, as libharu's API has no setting for
	 * the header's */
	int ok = HPDF_Dict_AddName(pdf->catalog, "Version", "1.4") == HPDF_OK;

	/* the metadata stream, never compressed (6.7.2) */
	rg_buf x = { 0 };
	xmp_packet(&x, in);
	HPDF_Dict meta = ok ? rg_pdf_stream(pdf, x.data, x.len, 0) : NULL;
	ok = meta != NULL && HPDF_Dict_AddName(meta, "Type", "Metadata") == HPDF_OK &&
	    HPDF_Dict_AddName(meta, "Subtype", "XML") == HPDF_OK &&
	    HPDF_Dict_Add(pdf->catalog, "Metadata", meta) == HPDF_OK;
	rg_buf_free(&x);

	/* the output intent: sRGB, as the document's colours are RGB (6.2.2) */
	HPDF_Dict profile = ok ? rg_pdf_stream(pdf, icc, icc_len, 1) : NULL;
	ok = profile != NULL && HPDF_Dict_AddNumber(profile, "N", 3) == HPDF_OK;
	HPDF_Dict intent = ok ? HPDF_Dict_New(pdf->mmgr) : NULL;
	HPDF_Array intents = intent != NULL ? HPDF_Array_New(pdf->mmgr) : NULL;
	ok = intents != NULL &&
	    HPDF_Dict_AddName(intent, "Type", "OutputIntent") == HPDF_OK &&
	    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1") == HPDF_OK &&
	    HPDF_Dict_Add(intent, "OutputConditionIdentifier",
		HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL)) == HPDF_OK &&
	    HPDF_Dict_Add(intent, "Info",
		HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL)) == HPDF_OK &&
	    HPDF_Dict_Add(intent, "DestOutputProfile", profile) == HPDF_OK &&
	    HPDF_Array_Add(intents, intent) == HPDF_OK &&
	    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK;

	/* the file identifier (6.1.3), the same for the same pages */
	if (ok) {
		HPDF_BYTE id[HPDF_MD5_KEY_LEN];
		file_id(l, in->date, id);
		HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
		ok = ids != NULL &&
		    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, sizeof id)) == HPDF_OK &&
		    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, sizeof id)) == HPDF_OK &&
		    HPDF_Dict_Add(pdf->trailer, "ID", ids) == HPDF_OK;
	}
	if (!ok) {
		rg_msg(d, RG_M_PDF_FAILED, at,
		    "cannot add the PDF/A metadata (libharu error 0x%04X)",
		    (unsigned)HPDF_GetError(pdf));
		return -1;
	}
	return 0;
}
