/* pack.c -- see pack.h.  The only file that includes qpdf-c.h. */
#include "pack.h"

#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "../base/mem.h"

typedef struct packer {
	qpdf_data q;
	unsigned char *seen;     /* seen[object id]: its stream was dealt with */
	size_t nseen;
	int failed;              /* zlib refused (out of memory) */
	unsigned char *z;        /* deflated data, reused */
	size_t zcap;
} packer;

static const rg_pack_zlib font_zlib = RG_PACK_FONT, content_zlib = RG_PACK_CONTENT,
	tounicode_zlib = RG_PACK_TOUNICODE;

/* n bytes of data deflated as kind says into p->z (a zlib stream, as
 * /FlateDecode reads it).  Its length, or 0 when zlib fails (out of
 * memory). */
static size_t
deflate_data(packer *p, const unsigned char *data, size_t n, const rg_pack_zlib *kind)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, kind->level, Z_DEFLATED, 15, 8, kind->strategy) != Z_OK)
		return 0;
	size_t cap = deflateBound(&z, (uLong)n);
	if (p->zcap < cap) {
		p->z = rg_xrealloc(p->z, cap);
		p->zcap = cap;
	}
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)n;
	z.next_out = p->z;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	size_t len = z.total_out;
	deflateEnd(&z);
	return rc == Z_STREAM_END ? len : 0;
}

/* Deflate stream s as kind says, unless it was already dealt with or is
 * compressed already (a stream shared by pages or fonts is met again). */
static void
deflate_stream(packer *p, qpdf_oh s, const rg_pack_zlib *kind)
{
	qpdf_data q = p->q;
	if (!qpdf_oh_is_stream(q, s))
		return;
	int id = qpdf_oh_get_object_id(q, s);
	if (id > 0) {
		if ((size_t)id >= p->nseen) {
			size_t n = (size_t)id * 2 + 64;
			p->seen = rg_xrealloc(p->seen, n);
			memset(p->seen + p->nseen, 0, n - p->nseen);
			p->nseen = n;
		}
		if (p->seen[id])
			return;
		p->seen[id] = 1;
	}
	if (qpdf_oh_has_key(q, qpdf_oh_get_dict(q, s), "/Filter"))
		return;
	unsigned char *raw = NULL;
	size_t n = 0;
	if (qpdf_oh_get_stream_data(q, s, qpdf_dl_none, NULL, &raw, &n) != QPDF_SUCCESS)
		return;                  /* the error is qpdf's: reported after the walk */
	size_t zn = deflate_data(p, raw, n, kind);
	if (zn > 0)
		qpdf_oh_replace_stream_data(q, s, p->z, zn, qpdf_oh_new_name(q, "/FlateDecode"),
		    qpdf_oh_new_null(q));
	else
		p->failed = 1;
	free(raw);
}

/* A font of a page's resources: its ToUnicode map and its program. */
static void
deflate_font(packer *p, qpdf_oh font)
{
	qpdf_data q = p->q;
	deflate_stream(p, qpdf_oh_get_key(q, font, "/ToUnicode"), &tounicode_zlib);
	qpdf_oh desc = qpdf_oh_get_key(q, qpdf_oh_get_array_item(q,
	    qpdf_oh_get_key(q, font, "/DescendantFonts"), 0), "/FontDescriptor");
	if (!qpdf_oh_is_dictionary(q, desc))
		return;
	deflate_stream(p, qpdf_oh_get_key(q, desc, "/FontFile2"), &font_zlib);
	deflate_stream(p, qpdf_oh_get_key(q, desc, "/FontFile3"), &font_zlib);
}

/* Every page's contents and the fonts it uses, each stream once. */
static void
deflate_pages(packer *p)
{
	qpdf_data q = p->q;
	int npages = qpdf_get_num_pages(q);
	for (int i = 0; i < npages; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
		if (qpdf_oh_is_array(q, contents)) {
			int n = qpdf_oh_get_array_n_items(q, contents);
			for (int k = 0; k < n; k++)
				deflate_stream(p, qpdf_oh_get_array_item(q, contents, k),
				    &content_zlib);
		} else {
			deflate_stream(p, contents, &content_zlib);
		}
		qpdf_oh fonts = qpdf_oh_get_key_if_dict(q,
		    qpdf_oh_get_key(q, page, "/Resources"), "/Font");
		if (qpdf_oh_is_dictionary(q, fonts)) {
			/* the keys first: deflating reads no dictionary's keys, but
			 * one iteration at a time is what the C API allows */
			qpdf_oh list = qpdf_oh_new_array(q);
			qpdf_oh_begin_dict_key_iter(q, fonts);
			while (qpdf_oh_dict_more_keys(q))
				qpdf_oh_append_item(q, list,
				    qpdf_oh_get_key(q, fonts, qpdf_oh_dict_next_key(q)));
			int n = qpdf_oh_get_array_n_items(q, list);
			for (int k = 0; k < n; k++)
				deflate_font(p, qpdf_oh_get_array_item(q, list, k));
		}
		/* the handles of this page are no longer needed: thousands of
		 * pages would otherwise hold thousands of them */
		qpdf_oh_release_all(q);
	}
}

static const char *
qpdf_problem(qpdf_data q)
{
	if (qpdf_has_error(q))
		return qpdf_get_error_full_text(q, qpdf_get_error(q));
	if (qpdf_more_warnings(q))
		return qpdf_get_error_full_text(q, qpdf_next_warning(q));
	return NULL;
}

int
rg_pdf_pack(const char *in, size_t len, rg_buf *out, const char *where, rg_diag *d)
{
	packer p = { qpdf_init(), NULL, 0, 0, NULL, 0 };
	qpdf_data q = p.q;
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	const char *problem = NULL;
	int rc = -1;
	if (qpdf_read_memory(q, where, in, (unsigned long long)len, NULL) & QPDF_ERRORS ||
	    (problem = qpdf_problem(q)) != NULL)
		goto out;
	deflate_pages(&p);
	if ((problem = qpdf_problem(q)) != NULL)
		goto out;
	if (p.failed) {
		problem = "out of memory";
		goto out;
	}
	/* streams libharu deflated keep their data (preserve); a raw one not
	 * met above is deflated by libqpdf (compress) */
	qpdf_init_write_memory(q);
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	qpdf_set_stream_data_mode(q, qpdf_s_preserve);
	qpdf_set_compress_streams(q, QPDF_TRUE);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	if (qpdf_write(q) & QPDF_ERRORS || (problem = qpdf_problem(q)) != NULL)
		goto out;
	rg_buf_put(out, (const char *)qpdf_get_buffer(q), qpdf_get_buffer_length(q));
	rc = 0;
out:
	if (problem == NULL && qpdf_has_error(q))
		problem = qpdf_problem(q);
	if (rc < 0 && problem == NULL)
		problem = "PDF library error";
	if (rc < 0)
		rg_msg(d, RG_M_PDF_FAILED, rg_pos_make(where, 0, 0),
		    "cannot write object streams (libqpdf): %s", problem);
	free(p.seen);
	free(p.z);
	qpdf_cleanup(&q);
	return rc;
}
