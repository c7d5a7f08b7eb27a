/* boxes.h -- positioned boxes on pages (stage 3 output, stage 4 input).
 *
 * Coordinates are PostScript points with the origin at the top-left corner
 * of the page and y growing downwards; a text box's y is its baseline.  The
 * pdf stage only draws these boxes: every decision is made before.
 */
#ifndef RG_BOXES_H
#define RG_BOXES_H

#include <stdio.h>

#include "../base/diag.h"
#include "../base/mem.h"

typedef enum rg_box_kind {
	RG_BOX_TEXT,             /* a run of glyphs in one face and size */
	RG_BOX_RULE,             /* a straight line from (x,y) to (x+w,y+h) */
	RG_BOX_LINK,             /* a clickable rectangle (x,y,w,h) to url */
	RG_BOX_RECT,             /* a filled rectangle (x,y,w,h) */
	RG_BOX_IMAGE,            /* a PNG or JPEG image scaled into (x,y,w,h) */
	RG_BOX_FRAME             /* a stroked rectangle (x,y,w,h): a table cell
	                          * (color FF00FF) or one line of a cell split
	                          * over pages (FF0080), only for tests
	                          * (rg_layout_opts.cell_frames) */
} rg_box_kind;

typedef struct rg_box {
	rg_box_kind kind;
	double x, y, w, h;
	int face;                /* text: fontset face */
	double size;             /* text: font size in pt */
	double spacing;          /* text: extra space after each glyph (PDF Tc) */
	int half;                /* text: one punctuation mark set half an em
	                          * narrower than its advance (its blank half
	                          * dropped, 。” ，“ （《): drawn with a width
	                          * that says so */
	double line_width;       /* rule */
	double angle;            /* text: degrees counter-clockwise (watermarks) */
	unsigned color;          /* 0xRRGGBB */
	const char *text;        /* text: UTF-8 */
	const char *url;         /* link */
	/* image: the file's bytes (they belong to the rg_doc, which outlives
	 * the pdf stage), RG_IMAGE_PNG 1 or RG_IMAGE_JPEG 2, whether it has
	 * transparency, and where the template names it (for messages) */
	const unsigned char *image; size_t image_len;
	int image_format, image_alpha;
	rg_pos pos;
} rg_box;

typedef struct rg_page {
	rg_box *boxes; size_t nboxes, cap;
	int landscape;           /* the layout's width and height swapped (a table
	                          * too wide for the text block) */
	int unnumbered;          /* no page number (公文: a blank page, the 版记's after it) */
} rg_page;

typedef struct rg_outline {
	int level;               /* 1 = top */
	const char *title;
	int page;                /* 0-based */
	double y;                /* top of the heading */
} rg_outline;

/* Every line of text as laid out, for the typesetting check. */
typedef struct rg_line_rec {
	int page;                /* 0-based */
	double x, y, w;          /* left edge, baseline, width as set */
	int first, last;         /* first and last code point */
	int body;                /* a line of a body paragraph */
	int full;                /* justified to the full measure (not a last line) */
	int broken_before;       /* the line breaker chose the break before it */
	int broken_after;        /* ... and after it */
	/* a line of a table cell: the cell's inner edges, what it holds */
	int cell;                /* 1 body cell, 2 header cell, 0 not a cell */
	double cell_x0, cell_x1;
	int numeric;             /* the cell holds a number */
	int cell_lines;          /* lines the cell takes */
	int chars;               /* characters of the line */
	int word_cut;            /* the line starts inside a word (words.c) */
} rg_line_rec;

/* The document information the PDF carries, copied into the layout's
 * arena (so that the pdf stage needs nothing of the template stage). */
typedef struct rg_layout_meta {
	const char *title, *subtitle, *author, *subject, *keywords, *date;
	const char *marking;     /* e.g. 内部资料 */
	const char *continued;   /* 续表, in the document's words; NULL: 续表 */
} rg_layout_meta;

typedef struct rg_layout {
	rg_arena *arena;
	double width, height;    /* page size */
	rg_page *pages; size_t npages, cap_pages;
	rg_outline *outline; size_t noutline, cap_outline;
	rg_layout_meta meta;
	int *faces_used; size_t nfaces;   /* faces_used[f] != 0 if drawn */
	rg_line_rec *lines; size_t nlines, cap_lines;
	double *page_fill;       /* height used on each page */
	int *page_full;          /* the page ends inside a paragraph */
} rg_layout;

void rg_layout_free(rg_layout *l);
/* Text dump of every page and box: --dump=boxes, and the golden files. */
void rg_layout_dump(const rg_layout *l, FILE *out);

#endif
