/* font.c -- see font.h.  The dictionaries are those of ISO 32000-1, 9.7
 * (Type0 and CIDFonts), 9.8 (font descriptors, FontFile2/FontFile3, CIDSet)
 * and 9.10.3 (ToUnicode CMaps). */
#include "font.h"

#include <hpdf_objects.h>
#include <hpdf_doc.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "stream.h"


struct rg_pdf_font {
	HPDF_Dict type0;
	HPDF_Dict half;          /* the half-width dictionary, or NULL */
	unsigned *code;          /* code[gid], for the face's glyphs */
	unsigned count;
};

/* A subset tag (ISO 32000-1, 9.6.4): six capital letters, derived from the
 * font's name and the glyphs it holds, so that the same input gives the
 * same file and two subsets of one font get different tags. */
static void
subset_tag(const rg_font_program *p, const rg_glyph_use *u, char tag[7])
{
	uint32_t h = 2166136261u;
	for (const char *s = p->psname; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	for (size_t i = 0; i < u->n; i++)
		h = (h ^ u->gids[i]) * 16777619u;
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h = h / 26 + (h << 27);
	}
	tag[6] = '\0';
}

/* UTF-16BE hex of cp. */
static void
put_utf16(rg_buf *b, int32_t cp)
{
	if (cp >= 0x10000) {
		cp -= 0x10000;
		rg_buf_printf(b, "%04X%04X", (unsigned)(0xD800 + (cp >> 10)),
		    (unsigned)(0xDC00 + (cp & 0x3FF)));
	} else {
		rg_buf_printf(b, "%04X", (unsigned)cp);
	}
}

typedef struct pair {
	unsigned code;
	int32_t cp;
	double width;
	int half;                /* also drawn half an em narrower */
} pair;

static int
cmp_pair(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	return (x->code > y->code) - (x->code < y->code);
}

/* The code-to-text map: one bfchar per code (codes of scattered Chinese
 * characters rarely form runs), at most 100 to a block. */
static int
tounicode(HPDF_Doc pdf, HPDF_Dict type0, const pair *ps, size_t n, int pdfa, HPDF_Dict *out)
{
	rg_buf b = { 0 };
	rg_buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	size_t withtext = 0;
	for (size_t i = 0; i < n; i++)
		withtext += ps[i].cp > 0;
	for (size_t i = 0, done = 0; i < n; ) {
		size_t k = withtext - done < 100 ? withtext - done : 100;
		if (k == 0)
			break;
		rg_buf_printf(&b, "%zu beginbfchar\n", k);
		for (size_t j = 0; j < k; i++) {
			if (ps[i].cp <= 0)
				continue;
			rg_buf_printf(&b, "<%04X> <", ps[i].code);
			put_utf16(&b, ps[i].cp);
			rg_buf_puts(&b, ">\n");
			j++;
		}
		done += k;
		rg_buf_puts(&b, "endbfchar\n");
	}
	rg_buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_Dict s = rg_pdf_stream(pdf, b.data, b.len, pdfa);
	int rc = s != NULL && HPDF_Dict_Add(type0, "ToUnicode", s) == HPDF_OK ? 0 : -1;
	*out = s;
	rg_buf_free(&b);
	return rc;
}

/* /W: the widths that differ from /DW (1000, the em of Han characters
 * and full-width punctuation), in runs of consecutive codes; rounded to
 * integers, as the subset's advances are integers in units of its em. */
static long
width_of(const pair *p, int half)
{
	return (long)(p->width + 0.5) - (half ? 500 : 0);
}

/* half: the widths of the half-width dictionary (font.h), /DW 500 and
 * only the glyphs drawn so. */
static int
widths(HPDF_Doc pdf, HPDF_Dict cidfont, const pair *ps, size_t n, int half)
{
	long dw = half ? 500 : 1000;
	HPDF_Array w = HPDF_Array_New(pdf->mmgr);
	if (w == NULL || HPDF_Dict_AddNumber(cidfont, "DW", dw) != HPDF_OK ||
	    HPDF_Dict_Add(cidfont, "W", w) != HPDF_OK)
		return -1;
#define LISTED(k) ((!half || ps[k].half) && width_of(&ps[k], half) != dw)
	for (size_t i = 0; i < n; ) {
		if (!LISTED(i)) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < n && ps[j].code == ps[j - 1].code + 1 && LISTED(j))
			j++;
#undef LISTED
		HPDF_Array run = HPDF_Array_New(pdf->mmgr);
		if (run == NULL || HPDF_Array_AddNumber(w, (HPDF_INT32)ps[i].code) != HPDF_OK ||
		    HPDF_Array_Add(w, run) != HPDF_OK)
			return -1;
		for (size_t k = i; k < j; k++) {
			long wk = width_of(&ps[k], half);
			if (HPDF_Array_AddNumber(run, (HPDF_INT32)(wk > 0 ? wk : 0)) != HPDF_OK)
				return -1;
		}
		i = j;
	}
	return 0;
}

/* The CIDSet of PDF/A-1 (6.3.5): a bit for each CID the subset holds. */
static int
cidset(HPDF_Doc pdf, HPDF_Dict desc, const pair *ps, size_t n, unsigned max)
{
	size_t len = max / 8 + 1;
	unsigned char *bits = rg_xcalloc(len, 1);
	bits[0] |= 0x80;                 /* CID 0, .notdef, is always there */
	for (size_t i = 0; i < n; i++)
		bits[ps[i].code / 8] |= (unsigned char)(0x80 >> (ps[i].code % 8));
	HPDF_Dict s = rg_pdf_stream(pdf, bits, len, 1);
	int rc = s != NULL && HPDF_Dict_Add(desc, "CIDSet", s) == HPDF_OK ? 0 : -1;
	free(bits);
	return rc;
}

static int
bbox(HPDF_Doc pdf, HPDF_Dict desc, const rg_font_program *p)
{
	HPDF_Array a = HPDF_Array_New(pdf->mmgr);
	if (a == NULL || HPDF_Dict_Add(desc, "FontBBox", a) != HPDF_OK)
		return -1;
	for (int i = 0; i < 4; i++)
		if (HPDF_Array_AddNumber(a, (HPDF_INT32)(p->bbox[i] + (p->bbox[i] < 0 ? -0.5 :
		    0.5))) != HPDF_OK)
			return -1;
	return 0;
}

static int
descriptor(HPDF_Doc pdf, HPDF_Dict cidfont, const rg_font_program *p, const char *name,
    const pair *ps, size_t n, int pdfa, HPDF_Dict *out)
{
	HPDF_Dict desc = *out = HPDF_Dict_New(pdf->mmgr);
	if (desc == NULL || HPDF_Xref_Add(pdf->xref, desc) != HPDF_OK ||
	    HPDF_Dict_Add(cidfont, "FontDescriptor", desc) != HPDF_OK)
		return -1;
	/* Flags: symbolic (4), as a font outside the standard Latin set is;
	 * fixed pitch (1) when the font says so */
	int ok = HPDF_Dict_AddName(desc, "Type", "FontDescriptor") == HPDF_OK &&
	    HPDF_Dict_AddName(desc, "FontName", name) == HPDF_OK &&
	    HPDF_Dict_AddNumber(desc, "Flags", 4 | (p->fixed_pitch ? 1 : 0)) == HPDF_OK &&
	    bbox(pdf, desc, p) == 0 &&
	    HPDF_Dict_AddReal(desc, "ItalicAngle", (HPDF_REAL)p->italic_angle) == HPDF_OK &&
	    HPDF_Dict_AddNumber(desc, "Ascent", (HPDF_INT32)p->ascent) == HPDF_OK &&
	    HPDF_Dict_AddNumber(desc, "Descent", (HPDF_INT32)p->descent) == HPDF_OK &&
	    HPDF_Dict_AddNumber(desc, "CapHeight", (HPDF_INT32)p->cap_height) == HPDF_OK &&
	    HPDF_Dict_AddNumber(desc, "StemV", (HPDF_INT32)p->stem_v) == HPDF_OK;
	if (!ok)
		return -1;
	HPDF_Dict file = rg_pdf_stream(pdf, p->data, p->len, pdfa);
	if (file == NULL)
		return -1;
	if (p->outlines == RG_OUTLINES_CFF)
		ok = HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C") == HPDF_OK &&
		    HPDF_Dict_Add(desc, "FontFile3", file) == HPDF_OK;
	else
		ok = HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)p->len) == HPDF_OK &&
		    HPDF_Dict_Add(desc, "FontFile2", file) == HPDF_OK;
	if (!ok)
		return -1;
	return pdfa ? cidset(pdf, desc, ps, n, p->max_code) : 0;
}

/* The half-width dictionary: a second Type0 font and CIDFont over the
 * first's font descriptor (so its font program) and ToUnicode, with other
 * widths. */
static int
cidfont(HPDF_Doc pdf, HPDF_Dict t0, HPDF_Dict cid, const char *name, int cff)
{
	HPDF_Dict info = HPDF_Dict_New(pdf->mmgr);
	HPDF_Array desc = HPDF_Array_New(pdf->mmgr);
	return info && desc && HPDF_Xref_Add(pdf->xref, t0) == HPDF_OK &&
	    HPDF_Xref_Add(pdf->xref, cid) == HPDF_OK &&
	    HPDF_Dict_AddName(t0, "Type", "Font") == HPDF_OK &&
	    HPDF_Dict_AddName(t0, "Subtype", "Type0") == HPDF_OK &&
	    HPDF_Dict_AddName(t0, "BaseFont", name) == HPDF_OK &&
	    HPDF_Dict_AddName(t0, "Encoding", "Identity-H") == HPDF_OK &&
	    HPDF_Dict_Add(t0, "DescendantFonts", desc) == HPDF_OK &&
	    HPDF_Array_Add(desc, cid) == HPDF_OK &&
	    HPDF_Dict_AddName(cid, "Type", "Font") == HPDF_OK &&
	    HPDF_Dict_AddName(cid, "Subtype", cff ? "CIDFontType0" : "CIDFontType2") == HPDF_OK &&
	    HPDF_Dict_AddName(cid, "BaseFont", name) == HPDF_OK &&
	    HPDF_Dict_Add(cid, "CIDSystemInfo", info) == HPDF_OK &&
	    HPDF_Dict_Add(info, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", NULL)) ==
	        HPDF_OK &&
	    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL)) ==
	        HPDF_OK &&
	    HPDF_Dict_AddNumber(info, "Supplement", 0) == HPDF_OK &&
	    (cff || HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity") == HPDF_OK) ? 0 : -1;
}

/* The Type0 font of a face and, when some of its glyphs are drawn half an
 * em narrower, a second one over the same font descriptor (so the same
 * font program) and ToUnicode with the half widths (font.h). */
static int
build(HPDF_Doc pdf, rg_pdf_font *f, const rg_font_program *p, const rg_glyph_use *u,
    int pdfa)
{
	char tag[7], name[80];
	subset_tag(p, u, tag);
	snprintf(name, sizeof name, "%s+%s", tag, p->psname);
	pair *ps = rg_xmalloc((u->n ? u->n : 1) * sizeof *ps);
	for (size_t i = 0; i < u->n; i++)
		ps[i] = (pair){ p->codes[i], u->text[u->gids[i]], p->widths[i],
		    u->half != NULL && u->half[u->gids[i]] };
	qsort(ps, u->n, sizeof *ps, cmp_pair);
	int cff = p->outlines == RG_OUTLINES_CFF;
	HPDF_Dict t0 = HPDF_Dict_New(pdf->mmgr), cid = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict desc = NULL, tu = NULL;
	int ok = t0 && cid && cidfont(pdf, t0, cid, name, cff) == 0 &&
	    widths(pdf, cid, ps, u->n, 0) == 0 &&
	    descriptor(pdf, cid, p, name, ps, u->n, pdfa, &desc) == 0 &&
	    tounicode(pdf, t0, ps, u->n, pdfa, &tu) == 0;
	f->type0 = t0;
	if (ok && u->half != NULL) {
		HPDF_Dict h0 = HPDF_Dict_New(pdf->mmgr), hcid = HPDF_Dict_New(pdf->mmgr);
		ok = h0 && hcid && cidfont(pdf, h0, hcid, name, cff) == 0 &&
		    widths(pdf, hcid, ps, u->n, 1) == 0 &&
		    HPDF_Dict_Add(hcid, "FontDescriptor", desc) == HPDF_OK &&
		    HPDF_Dict_Add(h0, "ToUnicode", tu) == HPDF_OK;
		f->half = h0;
	}
	free(ps);
	return ok ? 0 : -1;
}

rg_pdf_font *
rg_pdf_font_new(HPDF_Doc pdf, const rg_fontset *fs, int face, const rg_glyph_use *u,
    int pdfa, rg_diag *d)
{
	rg_font_program p;
	int32_t *cps = rg_xcalloc(u->n ? u->n : 1, sizeof *cps);
	for (size_t i = 0; i < u->n; i++)
		cps[i] = u->text[u->gids[i]];
	int embedded = rg_fontset_embed(fs, face, u->gids, cps, u->n, &p, d);
	free(cps);
	if (embedded < 0)
		return NULL;
	rg_pdf_font *f = rg_xcalloc(1, sizeof *f);
	f->count = u->count;
	f->code = rg_xcalloc(u->count ? u->count : 1, sizeof *f->code);
	for (size_t i = 0; i < u->n; i++)
		f->code[u->gids[i]] = p.codes[i];
	int rc = build(pdf, f, &p, u, pdfa);
	rg_font_program_free(&p);
	if (rc < 0) {
		rg_msg(d, RG_M_FONT_EMBED_FAILED, rg_pos_make(rg_fontset_path(fs, face), 0, 0),
		    "cannot build the PDF objects of font %s (face %d)",
		    rg_fontset_family(fs, face), rg_fontset_index(fs, face));
		rg_pdf_font_free(f);
		return NULL;
	}
	return f;
}

void
rg_pdf_font_free(rg_pdf_font *f)
{
	if (f == NULL)
		return;
	free(f->code);
	free(f);
}

HPDF_Dict
rg_pdf_font_dict(const rg_pdf_font *f)
{
	return f->type0;
}

HPDF_Dict
rg_pdf_font_half_dict(const rg_pdf_font *f)
{
	return f->half;
}

unsigned
rg_pdf_font_code(const rg_pdf_font *f, unsigned gid)
{
	return gid < f->count ? f->code[gid] : 0;
}
