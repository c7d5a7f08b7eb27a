/* pdf.c -- draw a layout with libharu (stage 4).
 *
 * The only file that includes hpdf.h.  It decides nothing about layout: it
 * embeds the faces the layout used, draws boxes where they are, and adds the
 * outline, link annotations and document information.  The file is written
 * to a temporary file beside the target and renamed into place only when
 * complete, so a failed run never leaves a half-written PDF.
 */
#define _GNU_SOURCE      /* O_TMPFILE */
#include "pdf.h"

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

#include "fontdict.h"
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

static void
rgb(unsigned c, float *r, float *g, float *b)
{
	*r = ((c >> 16) & 0xFF) / 255.0f;
	*g = ((c >> 8) & 0xFF) / 255.0f;
	*b = (c & 0xFF) / 255.0f;
}

static void
draw_graphics(HPDF_Page page, const rg_page *pg, double h)
{
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		float r, g, bl;
		rgb(b->color, &r, &g, &bl);
		if (b->kind == RG_BOX_RECT) {
			HPDF_Page_SetRGBFill(page, r, g, bl);
			HPDF_Page_Rectangle(page, (HPDF_REAL)b->x, (HPDF_REAL)(h - b->y - b->h),
			    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
			HPDF_Page_Fill(page);
		} else if (b->kind == RG_BOX_RULE) {
			HPDF_Page_SetRGBStroke(page, r, g, bl);
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)b->line_width);
			HPDF_Page_MoveTo(page, (HPDF_REAL)b->x, (HPDF_REAL)(h - b->y));
			HPDF_Page_LineTo(page, (HPDF_REAL)(b->x + b->w), (HPDF_REAL)(h - b->y - b->h));
			HPDF_Page_Stroke(page);
		}
	}
}

/* libharu refuses a string of more than 65535 bytes (a run of zero-width
 * marks can be that long): such text is shown in pieces, cut between UTF-8
 * sequences, each continuing where the last ended.  at: start the text at
 * (x, y) as HPDF_Page_TextOut does; else at the current text position. */
static void
show_text(HPDF_Page page, int at, double x, double y, const char *text)
{
	enum { PIECE = 32768 };
	size_t len = strlen(text);
	do {
		size_t n = len;
		if (n > PIECE) {
			n = PIECE;
			while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
				n--;
		}
		char *piece = rg_xstrndup(text, n);
		if (at)
			HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)y, piece);
		else
			HPDF_Page_ShowText(page, piece);
		free(piece);
		at = 0;
		text += n;
		len -= n;
	} while (len > 0);
}

static void
draw_text(HPDF_Page page, const rg_page *pg, double h, HPDF_Font *fonts)
{
	HPDF_Page_BeginText(page);
	int face = -1;
	double size = 0, spacing = 0;
	unsigned color = 0;
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		if (b->kind != RG_BOX_TEXT || b->text[0] == '\0' || b->angle != 0)
			continue;
		if (b->face != face || b->size != size) {
			HPDF_Page_SetFontAndSize(page, fonts[b->face], (HPDF_REAL)b->size);
			face = b->face;
			size = b->size;
		}
		if (b->spacing != spacing) {
			HPDF_Page_SetCharSpace(page, (HPDF_REAL)b->spacing);
			spacing = b->spacing;
		}
		if (b->color != color) {
			float r, g, bl;
			rgb(b->color, &r, &g, &bl);
			HPDF_Page_SetRGBFill(page, r, g, bl);
			color = b->color;
		}
		show_text(page, 1, b->x, h - b->y, b->text);
	}
	HPDF_Page_EndText(page);
}

/* Rotated text (a watermark), each in a text object of its own, drawn
 * under the page's text. */
static void
draw_rotated(HPDF_Page page, const rg_page *pg, double h, HPDF_Font *fonts)
{
	for (size_t i = 0; i < pg->nboxes; i++) {
		const rg_box *b = &pg->boxes[i];
		if (b->kind != RG_BOX_TEXT || b->angle == 0 || b->text[0] == '\0')
			continue;
		float r, g, bl;
		rgb(b->color, &r, &g, &bl);
		double a = b->angle * 3.14159265358979 / 180;
		HPDF_Page_BeginText(page);
		HPDF_Page_SetFontAndSize(page, fonts[b->face], (HPDF_REAL)b->size);
		HPDF_Page_SetRGBFill(page, r, g, bl);
		HPDF_Page_SetTextMatrix(page, (HPDF_REAL)cos(a), (HPDF_REAL)sin(a),
		    (HPDF_REAL)-sin(a), (HPDF_REAL)cos(a), (HPDF_REAL)b->x, (HPDF_REAL)(h - b->y));
		show_text(page, 0, 0, 0, b->text);
		HPDF_Page_EndText(page);
	}
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
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)(l->height - o->y + 6));
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
	const rg_doc_meta *m = &l->meta;
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

/* The code points drawn in each face, sorted and unique. */
typedef struct cpset {
	int32_t *cps; size_t n, cap;
} cpset;

static void
collect_codepoints(const rg_layout *l, cpset *sets, size_t nfaces)
{
	unsigned char *seen = rg_xcalloc(nfaces, 0x110000 / 8);
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].nboxes; i++) {
			const rg_box *b = &l->pages[p].boxes[i];
			if (b->kind != RG_BOX_TEXT || b->face < 0 || (size_t)b->face >= nfaces)
				continue;
			unsigned char *bits = seen + (size_t)b->face * (0x110000 / 8);
			size_t len = strlen(b->text), off = 0;
			while (off < len) {
				size_t k;
				int32_t cp = rg_utf8_decode(b->text + off, len - off, &k);
				off += k;
				if (cp < 0 || (bits[cp >> 3] & (1u << (cp & 7))))
					continue;
				bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
				cpset *s = &sets[b->face];
				*RG_PUSH(s->cps, s->n, s->cap) = cp;
			}
		}
	free(seen);
}

/* Subset every face the layout drew with to the glyphs it used (libharu
 * 2.3 would embed whole fonts, and its own subsetting loses the parts of
 * composite glyphs), and load the subsets. */
static int
embed_fonts(HPDF_Doc pdf, const rg_layout *l, const rg_pdf_opts *o, HPDF_Font *fonts,
    rg_fontfile *tmpfonts, herr *e, rg_diag *d)
{
	size_t nfaces = rg_fontset_count(o->fonts);
	cpset *sets = rg_xcalloc(nfaces ? nfaces : 1, sizeof *sets);
	collect_codepoints(l, sets, nfaces);
	int rc = 0;
	for (size_t f = 0; f < nfaces && rc == 0; f++) {
		if (sets[f].n == 0)
			continue;
		const char *file = rg_fontset_path(o->fonts, (int)f);
		if (rg_fontset_subset(o->fonts, (int)f, sets[f].cps, sets[f].n, &tmpfonts[f],
		    d) < 0) {
			rc = -1;
			break;
		}
		const char *name = HPDF_LoadTTFontFromFile(pdf, tmpfonts[f].path, HPDF_TRUE);
		/* libharu keeps a file of its own open to embed the font when
		 * saving: ours, and its name if it has one, can go now */
		rg_fontfile_release(&tmpfonts[f]);
		if (name != NULL)
			fonts[f] = HPDF_GetFont(pdf, name, "UTF-8");
		if (name == NULL || fonts[f] == NULL || e->error ||
		    rg_fontdict_fix(fonts[f], sets[f].cps, sets[f].n) < 0) {
			rg_failure(d, rg_pos_make(file, 0, 0), "cannot embed font (face %d): "
			    "%s (libharu error 0x%04X, detail %u)",
			    rg_fontset_index(o->fonts, (int)f), herr_text(e->error),
			    (unsigned)e->error, (unsigned)e->detail);
			rc = -1;
		}
	}
	for (size_t f = 0; f < nfaces; f++)
		free(sets[f].cps);
	free(sets);
	return rc;
}

/* Copy libharu's in-memory file to fd. */
static int
write_stream(HPDF_Doc pdf, int fd)
{
	HPDF_BYTE buf[65536];
	for (;;) {
		HPDF_UINT32 n = sizeof buf;
		HPDF_STATUS st = HPDF_ReadFromStream(pdf, buf, &n);
		size_t off = 0;
		while (off < n) {
			ssize_t w = write(fd, buf + off, n - off);
			if (w < 0) {
				if (errno == EINTR)
					continue;
				return -1;
			}
			off += (size_t)w;
		}
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
save_anonymous(HPDF_Doc pdf, const char *path, rg_diag *d)
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
	int rc = write_stream(pdf, fd);
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
		rg_failure(d, rg_pos_make(path, 0, 0), "cannot write output file: %s",
		    strerror(errno));
	rg_buf_free(&name);
	return rc < 0 ? -1 : 1;
#else
	(void)pdf;
	(void)path;
	(void)d;
	return 0;
#endif
}

/* Write to a temporary file in the target's directory, then rename. */
static int
save_atomically(HPDF_Doc pdf, const char *path, rg_diag *d)
{
	rg_pos at = { path, 0, 0 };
	int done = save_anonymous(pdf, path, d);
	if (done != 0)
		return done < 0 ? -1 : 0;
	rg_buf tmp = { 0 };
	rg_buf_printf(&tmp, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		rg_failure(d, at, "cannot create output file: %s", strerror(errno));
		rg_buf_free(&tmp);
		return -1;
	}
	/* mkstemp creates the file 0600: give it the mode a new file gets */
	mode_t mask = umask(0);
	umask(mask);
	/* No fsync: the rename already keeps readers and failed runs from a
	 * half-written file, as a compiler's output does; flushing each file to
	 * the disk made a batch of documents wait on the disk most of its time. */
	int rc = fchmod(fd, 0666 & ~mask) < 0 ? -1 : write_stream(pdf, fd);
	if (close(fd) < 0)
		rc = -1;
	if (rc == 0 && rename(tmp.data, path) < 0)
		rc = -1;
	if (rc < 0) {
		rg_failure(d, at, "cannot write output file: %s", strerror(errno));
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
		rg_failure(d, at, "cannot create PDF document");
		return -1;
	}
	int rc = -1;
	size_t nfaces = rg_fontset_count(o->fonts);
	HPDF_Font *fonts = rg_xcalloc(nfaces ? nfaces : 1, sizeof *fonts);
	HPDF_Page *pages = rg_xcalloc(l->npages ? l->npages : 1, sizeof *pages);
	rg_fontfile *tmpfonts = rg_xcalloc(nfaces ? nfaces : 1, sizeof *tmpfonts);
	for (size_t f = 0; f < nfaces; f++)
		tmpfonts[f].fd = -1;

	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	if (embed_fonts(pdf, l, o, fonts, tmpfonts, &e, d) < 0)
		goto out;
	for (size_t p = 0; p < l->npages; p++) {
		HPDF_Page page = HPDF_AddPage(pdf);
		pages[p] = page;
		HPDF_Page_SetWidth(page, (HPDF_REAL)l->width);
		HPDF_Page_SetHeight(page, (HPDF_REAL)l->height);
		draw_graphics(page, &l->pages[p], l->height);
		draw_rotated(page, &l->pages[p], l->height, fonts);
		draw_text(page, &l->pages[p], l->height, fonts);
		draw_links(page, &l->pages[p], l->height, o->pdfa);
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
		rg_failure(d, at, "cannot build PDF: %s (libharu error 0x%04X, detail %u)",
		    herr_text(e.error), (unsigned)e.error, (unsigned)e.detail);
		goto out;
	}
	if (HPDF_SaveToStream(pdf) != HPDF_OK || e.error) {
		rg_failure(d, at, "cannot serialise PDF: %s (libharu error 0x%04X)",
		    herr_text(e.error), (unsigned)e.error);
		goto out;
	}
	rc = save_atomically(pdf, path, d);
out:
	for (size_t f = 0; f < nfaces; f++)
		rg_fontfile_release(&tmpfonts[f]);
	free(tmpfonts);
	free(fonts);
	free(pages);
	HPDF_Free(pdf);
	return rc;
}
