/* fontdict.c -- see fontdict.h */
#include "fontdict.h"

#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/mem.h"

static int
cmp_cp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* The code points of a font's codes: BMP, no surrogates, sorted, unique.
 * Returns their number. */
static size_t
codes(const int32_t *cps, size_t n, int32_t **out)
{
	int32_t *sorted = rg_xmalloc((n ? n : 1) * sizeof *sorted);
	memcpy(sorted, cps, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_cp);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (sorted[i] >= 0 && sorted[i] <= 0xFFFF && (sorted[i] < 0xD800 || sorted[i] > 0xDFFF) &&
		    (m == 0 || sorted[m - 1] != sorted[i]))
			sorted[m++] = sorted[i];
	*out = sorted;
	return m;
}

static int
replace(HPDF_Dict stream, const void *data, size_t len)
{
	HPDF_MemStream_FreeData(stream->stream);
	return HPDF_Stream_Write(stream->stream, (const HPDF_BYTE *)data, (HPDF_UINT)len) ==
	    HPDF_OK ? 0 : -1;
}

/* libharu's /ToUnicode is its encoding CMap (begincidrange), not the
 * code-to-Unicode map a reader needs for copying and searching (poppler
 * warns "Invalid 'begincidrange' operator"; others may guess).  The codes
 * being code points, the right map is the identity on the code points
 * drawn, one bfchar each. */
static int
fix_tounicode(HPDF_Dict stream, const int32_t *sorted, size_t m)
{
	rg_buf b = { 0 };
	rg_buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t i = 0; i < m; i += 100) {
		size_t k = m - i < 100 ? m - i : 100;
		rg_buf_printf(&b, "%zu beginbfchar\n", k);
		for (size_t j = i; j < i + k; j++)
			rg_buf_printf(&b, "<%04X> <%04X>\n", (unsigned)sorted[j], (unsigned)sorted[j]);
		rg_buf_puts(&b, "endbfchar\n");
	}
	rg_buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	int rc = replace(stream, b.data, b.len);
	rg_buf_free(&b);
	return rc;
}

/* libharu's CIDToGIDMap holds a glyph for each of the 65,536 codes (its
 * loop records the largest code looked at, not the largest found): 128 KB
 * per font to compress, mostly zeros.  The map up to the largest code
 * drawn is the same, looked up with libharu's own function; codes beyond
 * a shorter map are never used. */
static int
fix_cidmap(HPDF_Dict stream, HPDF_FontDef def, const int32_t *sorted, size_t m)
{
	size_t len = m > 0 ? 2 * ((size_t)sorted[m - 1] + 1) : 2;
	unsigned char *map = rg_xcalloc(len, 1);
	for (size_t i = 0; i < m; i++) {
		HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)sorted[i]);
		map[2 * (size_t)sorted[i]] = (unsigned char)(gid >> 8);
		map[2 * (size_t)sorted[i] + 1] = (unsigned char)gid;
	}
	int rc = replace(stream, map, len);
	free(map);
	return rc;
}

int
rg_fontdict_fix(HPDF_Font font, const int32_t *cps, size_t n)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
	if (attr == NULL || attr->cmap_stream == NULL || attr->cmap_stream->stream == NULL ||
	    attr->map_stream == NULL || attr->map_stream->stream == NULL || attr->fontdef == NULL)
		return -1;
	int32_t *sorted;
	size_t m = codes(cps, n, &sorted);
	int rc = fix_tounicode(attr->cmap_stream, sorted, m);
	if (rc == 0)
		rc = fix_cidmap(attr->map_stream, attr->fontdef, sorted, m);
	free(sorted);
	return rc;
}

