/* pdf.c -- draw a layout with libharu (stage 4).
 *
 * The only file that includes hpdf.h.  It decides nothing about layout: it
 * embeds the faces the layout used, draws boxes where they are, and adds the
 * outline, link annotations and document information.  libharu's file is
 * then packed into object streams by libqpdf (pack.h; not for PDF/A), and
 * written to a temporary file beside the target, renamed into place only
 * when complete, so a failed run never leaves a half-written PDF.
 */
#define _GNU_SOURCE      /* O_TMPFILE */
#include "pdf.h"

#include <hpdf_pages.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "font.h"
#include "pack.h"
#include "pdfa.h"
#include "../base/buf.h"
#include "../base/utf8.h"

typedef struct herr {
	HPDF_STATUS error, detail;
} herr;

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
	herr *e = user;
	if (e->error == 0) {
		e->error = error;
		e->detail = detail;
	}
}

/* libharu's error numbers, in words (hpdf_error.h). */
static const char *
herr_text(HPDF_STATUS e)
{
	switch (e) {
	case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
	case HPDF_FILE_IO_ERROR: return "file input/output error";
	case HPDF_FILE_OPEN_ERROR: return "cannot open file";
	case HPDF_INVALID_TTC_FILE: return "not a valid TrueType collection";
	case HPDF_INVALID_TTC_INDEX: return "no such face in the TrueType collection";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence forbids embedding";
	case HPDF_TTF_INVALID_CMAP: return "the font has no usable Unicode cmap";
	case HPDF_TTF_INVALID_FOMAT: return "unsupported TrueType format";
	case HPDF_TTF_MISSING_TABLE: return "the font lacks a required table";
	case HPDF_UNSUPPORTED_FONT_TYPE: return "unsupported font type (CFF/OpenType "
	    "outlines cannot be embedded by libharu 2.3)";
	case HPDF_INVALID_FONT: return "invalid font";
	case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
	default: return "PDF library error";
	}
}

/* ---- page contents ----------------------------------------------------
 *
 * reportgen writes each page's content stream itself: libharu draws text
 * only through fonts it loaded, and prints every number with five decimals.
 * Positions are written to 0.01 pt and colours to three decimals, which is
 * finer than any printer or screen resolves. */

typedef struct faces {
	const rg_fontset *fs;
	rg_pdf_font **font;      /* by base face */
	rg_glyph_use *use;       /* by base face */
	size_t n;
} faces;

/* x to 0.01, without trailing zeros, and a space. */
static void
num(rg_buf *b, double x)
{
	rg_buf_num(b, x);
	rg_buf_putc(b, ' ');
}

static void
colour(rg_buf *b, unsigned c, const char *op)
{
	for (int sh = 16; sh >= 0; sh -= 8) {
		unsigned v = (c >> sh) & 0xFF;
		if (v == 0 || v == 255)
			rg_buf_puts(b, v ? "1 " : "0 ");
		else
			rg_buf_printf(b, "%.3g ", v / 255.0);
	}
	rg_buf_puts(b, op);
	rg_buf_putc(b, '\n');
}

static void
draw_graphics(rg_buf *c, const rg_page *pg, double h)
{
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		if (b->kind == RG_BOX_RECT) {
			colour(c, b->color, "rg");
			num(c, b->x);
			num(c, h - b->y - b->h);
			num(c, b->w);
			num(c, b->h);
			rg_buf_puts(c, "re f\n");
		} else if (b->kind == RG_BOX_FRAME) {
			/* a table cell, for tests: a magenta hairline */
			colour(c, b->color, "RG");
			rg_buf_puts(c, "0 w ");
			num(c, b->x);
			num(c, h - b->y - b->h);
			num(c, b->w);
			num(c, b->h);
			rg_buf_puts(c, "re S\n");
		} else if (b->kind == RG_BOX_RULE) {
			colour(c, b->color, "RG");
			num(c, b->line_width);
			rg_buf_puts(c, "w ");
			num(c, b->x);
			num(c, h - b->y);
			rg_buf_puts(c, "m ");
			num(c, b->x + b->w);
			num(c, h - b->y - b->h);
			rg_buf_puts(c, "l S\n");
		}
	}
}

/* The glyph codes of text in face, as a hex string. */
static void
glyph_string(rg_buf *c, const faces *fc, int face, const char *text)
{
	int base = rg_fontset_base(fc->fs, face);
	const rg_pdf_font *f = fc->font[base];
	rg_buf_putc(c, '<');
	size_t len = strlen(text), off = 0;
	while (off < len) {
		size_t k;
		int32_t cp = rg_utf8_decode(text + off, len - off, &k);
		off += k;
		if (cp < 0)
			continue;
		unsigned code = rg_pdf_font_code(f, rg_fontset_glyph(fc->fs, base, cp));
		/* by hand: printf per glyph was 5% of a render */
		static const char hex[] = "0123456789ABCDEF";
		char h[4] = { hex[code >> 12 & 15], hex[code >> 8 & 15], hex[code >> 4 & 15],
			hex[code & 15] };
		rg_buf_put(c, h, 4);
	}
	rg_buf_puts(c, "> Tj\n");
}

/* Text state of a text object, so that only changes are written. */
typedef struct tstate {
	int face, half;
	double size, spacing;
	unsigned color;
	int stroke;
} tstate;

static void
text_state(rg_buf *c, const faces *fc, tstate *t, const rg_box *b)
{
	if (b->face != t->face || b->half != t->half || b->size != t->size) {
		/* /Hn: face n's half-width dictionary (font.h) */
		rg_buf_printf(c, "/%c%d ", b->half ? 'H' : 'F', rg_fontset_base(fc->fs, b->face));
		num(c, b->size);
		rg_buf_puts(c, "Tf\n");
	}
	if (b->spacing != t->spacing) {
		num(c, b->spacing);
		rg_buf_puts(c, "Tc\n");
	}
	int stroke = rg_fontset_fake_bold(fc->fs, b->face);
	if (b->color != t->color || (stroke && !t->stroke)) {
		colour(c, b->color, "rg");
		if (stroke)
			colour(c, b->color, "RG");
	}
	/* fake bold: fill and stroke the outlines, 0.02 em wide (as word
	 * processors embolden a face that has no bold) */
	if (stroke != t->stroke || (stroke && b->size != t->size)) {
		if (stroke) {
			num(c, b->size * 0.02);
			rg_buf_puts(c, "w 2 Tr\n");
		} else {
			rg_buf_puts(c, "0 Tr\n");
		}
	}
	t->face = b->face;
	t->half = b->half;
	t->size = b->size;
	t->spacing = b->spacing;
	t->color = b->color;
	t->stroke = stroke;
}

/* Rotated text (a watermark), each in a text object of its own, drawn
 * under the page's text; then the page's text in one text object. */
static void
draw_text(rg_buf *c, const rg_page *pg, double h, const faces *fc)
{
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		if (b->kind != RG_BOX_TEXT || b->angle == 0 || b->text[0] == '\0')
			continue;
		tstate t = { -1, 0, 0, 0, 0, 0 };
		rg_buf_puts(c, "BT\n");
		t.color = ~b->color;
		text_state(c, fc, &t, b);
		double a = b->angle * 3.14159265358979 / 180;
		rg_buf_printf(c, "%.4f %.4f %.4f %.4f ", cos(a), sin(a), -sin(a), cos(a));
		num(c, b->x);
		num(c, h - b->y);
		rg_buf_puts(c, "Tm\n");
		glyph_string(c, fc, b->face, b->text);
		rg_buf_puts(c, "ET\n");
	}
	tstate t = { -1, 0, 0, 0, 0, 0 };
	int open = 0;
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		if (b->kind != RG_BOX_TEXT || b->text[0] == '\0' || b->angle != 0)
			continue;
		if (!open) {
			rg_buf_puts(c, "BT\n0 g\n");
			open = 1;
		}
		text_state(c, fc, &t, b);
		rg_buf_puts(c, "1 0 0 1 ");
		num(c, b->x);
		num(c, h - b->y);
		rg_buf_puts(c, "Tm ");
		glyph_string(c, fc, b->face, b->text);
	}
	if (open)
		rg_buf_puts(c, "ET\n");
}

/* ---- images ------------------------------------------------------------
 *
 * Each image file's bytes (the layout's boxes point at one copy per file)
 * become one image XObject, loaded before the pages are drawn so that a
 * file libharu refuses is reported where the template names it. */

typedef struct images {
	const unsigned char **data;
	HPDF_Image *img;
	size_t n, cap;
} images;

static HPDF_Image
image_of(const images *im, const unsigned char *data)
{
	for (size_t i = 0; i < im->n; i++)
		if (im->data[i] == data)
			return im->img[i];
	return NULL;
}

static int
load_images(HPDF_Doc pdf, const rg_layout *l, int pdfa, herr *e, images *im, rg_diag *d)
{
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].nboxes; i++) {
			const rg_box *b = &l->pages[p].boxes[i];
			if (b->kind != RG_BOX_IMAGE || image_of(im, b->image) != NULL)
				continue;
			/* PDF/A-1 forbids transparency (ISO 19005-1, 6.4): an
			 * SMask is what libharu makes of an alpha channel */
			if (pdfa && b->image_alpha) {
				rg_msg(d, RG_M_IMAGE, b->pos, "the image has transparency (an alpha "
				    "channel or a tRNS chunk), which PDF/A-1 (--pdfa) forbids: save "
				    "it without transparency, flattened on white");
				return -1;
			}
			e->error = 0;
			HPDF_Image img = b->image_format == 1 ?
			    HPDF_LoadPngImageFromMem(pdf, b->image, (HPDF_UINT)b->image_len) :
			    HPDF_LoadJpegImageFromMem(pdf, b->image, (HPDF_UINT)b->image_len);
			if (img == NULL || e->error) {
				rg_msg(d, RG_M_IMAGE, b->pos, "the PDF library cannot read the %s "
				    "image: %s (libharu error 0x%04X); is the file damaged?",
				    b->image_format == 1 ? "PNG" : "JPEG", herr_text(e->error),
				    (unsigned)e->error);
				return -1;
			}
			size_t k = im->n;
			RG_PUSH(im->data, im->n, im->cap);
			im->img = rg_xrealloc(im->img, im->cap * sizeof *im->img);
			im->data[k] = b->image;
			im->img[k] = img;
		}
	return 0;
}

/* The page's content stream and its font resources. */
static int
draw_page(HPDF_Page page, const rg_page *pg, double h, const faces *fc, int pdfa,
    const images *im)
{
	/* images first (libharu writes q w 0 0 h x y cm /X Do Q into the
	 * stream and lists the XObject in the page's resources), under the
	 * text */
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		HPDF_Image img = b->kind == RG_BOX_IMAGE ? image_of(im, b->image) : NULL;
		if (img != NULL && HPDF_Page_DrawImage(page, img, (HPDF_REAL)b->x,
		    (HPDF_REAL)(h - b->y - b->h), (HPDF_REAL)b->w, (HPDF_REAL)b->h) != HPDF_OK)
			return -1;
	}
	rg_buf c = { 0 };
	draw_graphics(&c, pg, h);
	draw_text(&c, pg, h, fc);
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	/* deflated by libharu for PDF/A, else when packed (pack.h) */
	if (pdfa)
		HPDF_Page_SetFilter(page, HPDF_STREAM_FILTER_FLATE_DECODE);
	int rc = HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)(c.data ? c.data : ""),
	    (HPDF_UINT)c.len) == HPDF_OK ? 0 : -1;
	rg_buf_free(&c);
	/* /Font: the faces drawn on this page */
	HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
	HPDF_Dict fonts = NULL;
	unsigned char *listed = rg_xcalloc(fc->n ? fc->n : 1, 1);   /* bit 1 F, bit 2 H */
	for (size_t i = 0; i < pg->nboxes && rc == 0; i++) {
		const rg_box *b = &pg->boxes[i];
		if (b->kind != RG_BOX_TEXT || b->text[0] == '\0')
			continue;
		int base = rg_fontset_base(fc->fs, b->face);
		unsigned bit = b->half ? 2 : 1;
		if (listed[base] & bit)
			continue;
		listed[base] |= bit;
		char key[16];
		snprintf(key, sizeof key, "%c%d", b->half ? 'H' : 'F', base);
		HPDF_Dict font = b->half ? rg_pdf_font_half_dict(fc->font[base]) :
		    rg_pdf_font_dict(fc->font[base]);
		if (fonts == NULL) {
			fonts = HPDF_Dict_New(page->mmgr);
			if (res == NULL || fonts == NULL || HPDF_Dict_Add(res, "Font", fonts) != HPDF_OK)
				rc = -1;
		}
		if (rc == 0 && (font == NULL || HPDF_Dict_Add(fonts, key, font) != HPDF_OK))
			rc = -1;
	}
	free(listed);
	return rc;
}

/* Text for the document information and the outline, which libharu
 * refuses over 65,535 bytes: longer text is cut (between UTF-8 sequences)
 * and ends in "…".  The caller frees the result. */
static char *
clipped(const char *s)
{
	enum { MAX = 4096 };
	size_t n = strlen(s);
	if (n <= MAX)
		return rg_xstrdup(s);
	n = MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	char *c = rg_xmalloc(n + sizeof "…");
	memcpy(c, s, n);
	memcpy(c + n, "…", sizeof "…");
	return c;
}

static void
draw_links(HPDF_Page page, const rg_page *pg, double h, int pdfa)
{
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		/* libharu refuses an empty URI ([text]() in Markdown) and one
		 * over 65,535 bytes: the text stays, without a link */
		if (b->kind != RG_BOX_LINK || b->url == NULL || b->url[0] == '\0' ||
		    strlen(b->url) > 65535)
			continue;
		HPDF_Rect rect = { (HPDF_REAL)b->x, (HPDF_REAL)(h - b->y - b->h),
		    (HPDF_REAL)(b->x + b->w), (HPDF_REAL)(h - b->y) };
		HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, rect, b->url);
		if (a != NULL) {
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
			if (pdfa)
				rg_pdfa_annot(a);
		}
	}
}

static void
add_outline(HPDF_Doc pdf, const rg_layout *l, HPDF_Page *pages)
{
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_Outline parents[8] = { 0 };
	for (size_t i = 0; i < l->noutline; i++) {
		const rg_outline *o = &l->outline[i];
		int lv = o->level < 1 ? 1 : o->level > 6 ? 6 : o->level;
		/* the nearest open ancestor of a shallower level */
		HPDF_Outline parent = NULL;
		for (int k = lv - 1; k >= 1 && parent == NULL; k--)
			parent = parents[k];
		char *title = clipped(o->title);
		HPDF_Outline ol = HPDF_CreateOutline(pdf, parent, title, enc);
		free(title);
		if (ol == NULL)
			continue;
		HPDF_Destination dst = HPDF_Page_CreateDestination(pages[o->page]);
		double ph = l->pages[o->page].landscape ? l->width : l->height;
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)(ph - o->y + 6));
		HPDF_Outline_SetDestination(ol, dst);
		HPDF_Outline_SetOpened(ol, lv < 2 ? HPDF_TRUE : HPDF_FALSE);
		parents[lv] = ol;
		for (int k = lv + 1; k < 8; k++)
			parents[k] = NULL;
	}
}

/* The document information, as written to the Info dictionary (and, for
 * PDF/A, to XMP). */
typedef struct docinfo {
	char *title, *author, *subject, *keywords;
} docinfo;

static void
set_info(HPDF_Doc pdf, const rg_layout *l, const rg_pdf_opts *o, docinfo *di)
{
	const rg_layout_meta *m = &l->meta;
	di->title = m->title ? clipped(m->title) : NULL;
	di->author = m->author ? clipped(m->author) : NULL;
	di->subject = m->subject ? clipped(m->subject) : NULL;
	di->keywords = m->keywords ? clipped(m->keywords) : NULL;
	if (di->title) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, di->title);
	if (di->author) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, di->author);
	if (di->subject) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, di->subject);
	if (di->keywords) HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, di->keywords);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, o->creator);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, o->creator);
	struct tm tm;
	time_t t = o->date;
	gmtime_r(&t, &tm);
	HPDF_Date date = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
}

static void
docinfo_free(docinfo *di)
{
	free(di->title);
	free(di->author);
	free(di->subject);
	free(di->keywords);
}

/* The glyphs drawn with each face (by base face), then the embedded
 * fonts. */
static int
embed_fonts(HPDF_Doc pdf, const rg_layout *l, const rg_pdf_opts *o, faces *fc, rg_diag *d)
{
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].nboxes; i++) {
			const rg_box *b = &l->pages[p].boxes[i];
			if (b->kind != RG_BOX_TEXT || b->face < 0 || (size_t)b->face >= fc->n)
				continue;
			int base = rg_fontset_base(fc->fs, b->face);
			rg_glyph_use *u = &fc->use[base];
			if (u->text == NULL) {
				u->count = rg_fontset_glyph_count(fc->fs, base);
				u->text = rg_xcalloc(u->count ? u->count : 1, sizeof *u->text);
			}
			size_t len = strlen(b->text), off = 0;
			while (off < len) {
				size_t k;
				int32_t cp = rg_utf8_decode(b->text + off, len - off, &k);
				off += k;
				unsigned g = cp > 0 ? rg_fontset_glyph(fc->fs, base, cp) : 0;
				if (g == 0 || g >= u->count)
					continue;
				if (b->half) {
					if (u->half == NULL)
						u->half = rg_xcalloc(u->count, 1);
					u->half[g] = 1;
				}
				if (u->text[g] != 0)
					continue;
				u->text[g] = cp;
				*RG_PUSH(u->gids, u->n, u->cap) = g;
			}
		}
	for (size_t f = 0; f < fc->n; f++) {
		if (fc->use[f].text == NULL)
			continue;
		fc->font[f] = rg_pdf_font_new(pdf, fc->fs, (int)f, &fc->use[f], o->pdfa, d);
		if (fc->font[f] == NULL)
			return -1;
	}
	return 0;
}

static void
faces_free(faces *fc)
{
	for (size_t f = 0; f < fc->n; f++) {
		rg_pdf_font_free(fc->font[f]);
		free(fc->use[f].gids);
		free(fc->use[f].text);
		free(fc->use[f].half);
	}
	free(fc->font);
	free(fc->use);
}

/* Write data to fd. */
static int
write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

/* libharu's in-memory file, copied into out. */
static int
read_stream(HPDF_Doc pdf, rg_buf *out)
{
	HPDF_BYTE buf[65536];
	for (;;) {
		HPDF_UINT32 n = sizeof buf;
		HPDF_STATUS st = HPDF_ReadFromStream(pdf, buf, &n);
		rg_buf_put(out, (const char *)buf, n);
		if (st == HPDF_STREAM_EOF)
			return 0;
		if (st != HPDF_OK)
			return -1;
	}
}

/* The PDF written to an anonymous file in path's directory (O_TMPFILE,
 * Linux), which gets a name only once it is complete: a run killed while
 * writing leaves nothing behind.  1 done, 0 if the file system cannot make
 * such files (then save_atomically uses a named temporary file), -1 after
 * reporting. */
static int
save_anonymous(const rg_buf *f, const char *path, rg_diag *d)
{
#ifdef O_TMPFILE
	rg_buf dir = { 0 }, name = { 0 };
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		rg_buf_puts(&dir, ".");
	else
		rg_buf_put(&dir, path, slash == path ? 1 : (size_t)(slash - path));
	int fd = open(dir.data, O_TMPFILE | O_WRONLY, 0666);
	rg_buf_free(&dir);
	if (fd < 0)
		return 0;
	int rc = write_all(fd, f->data, f->len);
	if (rc == 0) {
		char proc[64];
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		/* a new output gets its name in one step; linkat cannot replace,
		 * so an existing one is replaced by a name of its own renamed
		 * over it (a kill between the two leaves OUT.pdf.tmpPID) */
		if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
			goto named;
		if (errno != EEXIST) {
			close(fd);
			return 0;      /* no /proc: the named way */
		}
		rg_buf_printf(&name, "%s.tmp%ld", path, (long)getpid());
		unlink(name.data);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, name.data, AT_SYMLINK_FOLLOW) < 0) {
			close(fd);
			rg_buf_free(&name);
			return 0;
		}
		if (rename(name.data, path) < 0) {
			rc = -1;
			unlink(name.data);
		}
	}
named:
	if (close(fd) < 0)
		rc = -1;
	if (rc < 0)
		rg_msg(d, RG_M_WRITE_FAILED, rg_pos_make(path, 0, 0),
		    "cannot write output file: %s",
		    strerror(errno));
	rg_buf_free(&name);
	return rc < 0 ? -1 : 1;
#else
	(void)f;
	(void)path;
	(void)d;
	return 0;
#endif
}

/* Write to a temporary file in the target's directory, then rename. */
static int
save_atomically(const rg_buf *f, const char *path, rg_diag *d)
{
	rg_pos at = { path, 0, 0 };
	int done = save_anonymous(f, path, d);
	if (done != 0)
		return done < 0 ? -1 : 0;
	rg_buf tmp = { 0 };
	rg_buf_printf(&tmp, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		rg_msg(d, RG_M_WRITE_FAILED, at, "cannot create output file: %s", strerror(errno));
		rg_buf_free(&tmp);
		return -1;
	}
	/* mkstemp creates the file 0600: give it the mode a new file gets */
	mode_t mask = umask(0);
	umask(mask);
	/* No fsync: the rename already keeps readers and failed runs from a
	 * half-written file, as a compiler's output does; flushing each file to
	 * the disk made a batch of documents wait on the disk most of its time. */
	int rc = fchmod(fd, 0666 & ~mask) < 0 ? -1 : write_all(fd, f->data, f->len);
	if (close(fd) < 0)
		rc = -1;
	if (rc == 0 && rename(tmp.data, path) < 0)
		rc = -1;
	if (rc < 0) {
		rg_msg(d, RG_M_WRITE_FAILED, at, "cannot write output file: %s", strerror(errno));
		unlink(tmp.data);
	}
	rg_buf_free(&tmp);
	return rc;
}

int
rg_pdf_write(const rg_layout *l, const rg_pdf_opts *o, const char *path, rg_diag *d)
{
	rg_pos at = { path, 0, 0 };
	herr e = { 0, 0 };
	HPDF_Doc pdf = HPDF_New(on_error, &e);
	if (pdf == NULL) {
		rg_msg(d, RG_M_PDF_FAILED, at, "cannot create PDF document");
		return -1;
	}
	int rc = -1;
	faces fc = { o->fonts, NULL, NULL, rg_fontset_count(o->fonts) };
	fc.font = rg_xcalloc(fc.n ? fc.n : 1, sizeof *fc.font);
	fc.use = rg_xcalloc(fc.n ? fc.n : 1, sizeof *fc.use);
	HPDF_Page *pages = rg_xcalloc(l->npages ? l->npages : 1, sizeof *pages);
	images im = { 0 };

	/* libharu compresses nothing: reportgen deflates its own streams (the
	 * fonts, the maps, the page contents) at a level chosen for each */
	HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	if (embed_fonts(pdf, l, o, &fc, d) < 0)
		goto out;
	if (load_images(pdf, l, o->pdfa, &e, &im, d) < 0)
		goto out;
	for (size_t p = 0; p < l->npages; p++) {
		HPDF_Page page = HPDF_AddPage(pdf);
		pages[p] = page;
		/* a landscape page: the layout's width and height swapped */
		int ls = l->pages[p].landscape;
		double pw = ls ? l->height : l->width, ph = ls ? l->width : l->height;
		if (page == NULL || HPDF_Page_SetWidth(page, (HPDF_REAL)pw) != HPDF_OK ||
		    HPDF_Page_SetHeight(page, (HPDF_REAL)ph) != HPDF_OK ||
		    draw_page(page, &l->pages[p], ph, &fc, o->pdfa, &im) < 0) {
			rg_msg(d, RG_M_PDF_FAILED, at,
			    "cannot build page %zu of %.0f x %.0f pt: %s (libharu "
			    "error 0x%04X)", p + 1, pw, ph, herr_text(e.error),
			    (unsigned)e.error);
			goto out;
		}
		draw_links(page, &l->pages[p], ph, o->pdfa);
	}
	add_outline(pdf, l, pages);
	if (l->noutline > 0)
		HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	docinfo di = { 0 };
	set_info(pdf, l, o, &di);
	if (o->pdfa && !e.error) {
		rg_pdfa_info pi = { di.title, di.author, di.subject, di.keywords, o->creator,
			o->creator, o->date };
		int prc = rg_pdfa_finish(pdf, l, &pi, path, d);
		if (prc < 0) {
			docinfo_free(&di);
			goto out;
		}
	}
	docinfo_free(&di);
	if (e.error) {
		rg_msg(d, RG_M_PDF_FAILED, at,
		    "cannot build PDF: %s (libharu error 0x%04X, detail %u)",
		    herr_text(e.error), (unsigned)e.error, (unsigned)e.detail);
		goto out;
	}
	if (HPDF_SaveToStream(pdf) != HPDF_OK || e.error) {
		rg_msg(d, RG_M_PDF_FAILED, at, "cannot serialise PDF: %s (libharu error 0x%04X)",
		    herr_text(e.error), (unsigned)e.error);
		goto out;
	}
	rg_buf file = { 0 };
	if (read_stream(pdf, &file) < 0) {
		rg_msg(d, RG_M_PDF_FAILED, at, "cannot serialise PDF: %s (libharu error 0x%04X)",
		    herr_text(e.error), (unsigned)e.error);
		rg_buf_free(&file);
		goto out;
	}
	/* libharu's document is no longer needed: free it before libqpdf
	 * reads the file, so that the two are not in memory at once */
	faces_free(&fc);
	free(pages);
	free(im.data);
	free(im.img);
	HPDF_Free(pdf);
	if (!o->pdfa) {
		/* object streams and a cross-reference stream (pack.h); PDF/A-1
		 * is PDF 1.4, which has neither */
		rg_buf packed = { 0 };
		rc = rg_pdf_pack(file.data, file.len, &packed, path, d);
		rg_buf_free(&file);
		file = packed;
	} else {
		rc = 0;
	}
	if (rc == 0 && strcmp(path, "-") == 0) {
		/* standard output: written once the whole file is made, so
		 * that a failed render writes nothing there */
		rc = write_all(STDOUT_FILENO, file.data, file.len);
		if (rc < 0)
			rg_msg(d, RG_M_WRITE_FAILED, at, "cannot write the PDF to standard "
			    "output: %s", strerror(errno));
	} else if (rc == 0) {
		rc = save_atomically(&file, path, d);
	}
	rg_buf_free(&file);
	return rc;
out:
	faces_free(&fc);
	free(pages);
	free(im.data);
	free(im.img);
	HPDF_Free(pdf);
	return rc;
}
