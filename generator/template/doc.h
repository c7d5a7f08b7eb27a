/* doc.h -- the document tree (stage 2 output, stage 3 input).
 *
 * The template stage turns a cmark AST plus the dataset into this tree:
 * placeholders are resolved, narrative Markdown is spliced in, directives
 * are expanded.  The tree knows nothing of fonts, pages or PDF.  Blocks form
 * a tree (first_child/next); paragraphs, headings and code blocks hold a flat
 * array of inline spans.  All memory belongs to the document's arena.
 */
#ifndef RG_DOC_H
#define RG_DOC_H

#include <stdio.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "gongwen.h"

typedef enum rg_block_kind {
	RG_BLOCK_DOCUMENT,
	RG_BLOCK_HEADING,        /* level 1-6 */
	RG_BLOCK_PARAGRAPH,
	RG_BLOCK_LIST,           /* ordered, start, tight */
	RG_BLOCK_ITEM,
	RG_BLOCK_QUOTE,
	RG_BLOCK_RULE,           /* thematic break */
	RG_BLOCK_CODE,           /* preformatted; one span per line is not required */
	RG_BLOCK_TITLE,          /* the title block from front matter */
	RG_BLOCK_SUBTITLE,
	RG_BLOCK_TABLE,          /* see rg_table */
	RG_BLOCK_CHART,          /* see rg_chart */
	RG_BLOCK_TOC,            /* table of contents: level = depth, spans = its title */
	RG_BLOCK_DATELINE,       /* signature lines (level 0) above the date (level 1) */
	RG_BLOCK_FIGURE          /* an image, see rg_figure */
} rg_block_kind;

enum {
	RG_STYLE_STRONG = 1 << 0,
	RG_STYLE_EMPH   = 1 << 1,
	RG_STYLE_CODE   = 1 << 2,
	RG_STYLE_LINK   = 1 << 3
};

typedef enum rg_span_kind {
	RG_SPAN_TEXT,
	RG_SPAN_SOFTBREAK,       /* a source newline: a space between Latin words, nothing between Han */
	RG_SPAN_HARDBREAK        /* forced line break */
} rg_span_kind;

typedef struct rg_span {
	rg_span_kind kind;
	unsigned style;          /* RG_STYLE_* bits */
	const char *text;        /* UTF-8; "" for breaks */
	const char *url;         /* for RG_STYLE_LINK */
	rg_pos pos;
	int computed;            /* a figure reportgen computed (not stated in the data) */
} rg_span;

typedef enum rg_align { RG_ALIGN_LEFT, RG_ALIGN_RIGHT, RG_ALIGN_CENTER } rg_align;

/* One table cell: inline content like a paragraph's. */
typedef struct rg_cell {
	rg_span *spans; size_t nspans, cap_spans;
	rg_align align;
	int colspan;             /* >= 1; a group row (一级指标) spans every column */
	int rowspan;             /* >= 1: header cells over two header rows */
	int covered;             /* under a cell of the row above that spans it: not drawn */
	int numeric;             /* a number: right-aligned, never wrapped inside */
} rg_cell;

/* A table: rows x ncols cells (a cell covered by a colspan is omitted, so a
 * row may hold fewer than ncols cells).  The first nheader rows are the
 * header, repeated on every page the table continues on (续表). */
typedef struct rg_row {
	rg_cell *cells; size_t ncells, cap_cells;
	int group;               /* a group heading row */
	int total;               /* a total or average row (ruled above) */
} rg_row;

typedef struct rg_table {
	size_t ncols;
	size_t nheader;
	rg_row *rows; size_t nrows, cap_rows;
	const char *caption;     /* 表题, above the table; may be NULL */
	const char *note;        /* source or notes, below; may be NULL */
	int orientation;         /* RG_ORIENT_*: where the layout may set it */
	int split_columns;       /* too wide even landscape: set as several tables,
	                          * the row labels repeated (statistical yearbooks) */
	int decimal_align;       /* numbers of a column aligned on their points */
	int float_here;          /* float: here -- a landscape table breaks the
	                          * page where it stands (default: it floats) */
} rg_table;

enum { RG_ORIENT_AUTO, RG_ORIENT_PORTRAIT, RG_ORIENT_LANDSCAPE };

/* A chart: categories along the x axis, one series per legend entry. */
typedef enum rg_chart_kind { RG_CHART_BAR, RG_CHART_LINE } rg_chart_kind;

typedef struct rg_series {
	const char *name;
	double *values;          /* ncategories values; NAN where missing */
	const char **labels;     /* the values as written, for value labels */
} rg_series;

/* The series a chart tells apart (five colours in three looks); more are
 * drawn, looking like the first ones, with a warning. */
#define RG_CHART_MAX_SERIES 15

typedef struct rg_chart {
	rg_chart_kind kind;
	const char *title;
	const char *unit;        /* axis title, e.g. 亿元 */
	const char **categories; size_t ncategories;
	rg_series *series; size_t nseries;
	int value_labels;
} rg_chart;

/* A figure: a paragraph of a template that is only an image,
 * ![alt](file "caption").  The file's bytes are read here, once: the pdf
 * stage embeds them as they are. */
typedef struct rg_figure {
	const char *path;        /* as opened: from the template's directory */
	const unsigned char *data; size_t len;
	int format;              /* RG_IMAGE_PNG or RG_IMAGE_JPEG (image.h) */
	unsigned width, height;  /* pixels */
	double dpi_x, dpi_y;     /* as the file says; 0: it does not (96) */
	int alpha;               /* transparency: an alpha channel or tRNS */
	const char *caption;     /* the image's title, set below it; or NULL */
	const char *alt;         /* the image's description (its text) */
} rg_figure;

typedef struct rg_block rg_block;
struct rg_block {
	rg_block_kind kind;
	int level;               /* heading level */
	int ordered, start, tight;   /* lists; ordered 1: 1. 2: 1) */
	const char *info;        /* code block info string */
	rg_table *table;         /* RG_BLOCK_TABLE */
	rg_chart *chart;         /* RG_BLOCK_CHART */
	rg_figure *figure;       /* RG_BLOCK_FIGURE */
	rg_span *spans; size_t nspans, cap_spans;
	rg_block *first_child, *last_child, *next, *parent;
	rg_pos pos;
};

typedef struct rg_doc_meta {
	const char *title, *subtitle, *author, *subject, *keywords, *date;
	const char *theme;       /* theme name or file, from front matter */
	const char *marking;     /* e.g. 内部资料: header mark and watermark */
	const char *continued;   /* the mark of a table's continuation: 续表 (續表) */
	const char *lang;        /* zh-Hans or zh-Hant: the script of reportgen's words */
	const rg_gongwen *gongwen;   /* 公文 elements (gongwen.h); NULL: none */
} rg_doc_meta;

typedef struct rg_doc {
	rg_arena *arena;
	rg_block *root;
	rg_doc_meta meta;
	/* size, against the limits below (docs/reliability.md): blocks, rows,
	 * cells and spans made, and the bytes of their text */
	size_t nodes, text_bytes;
	int full;                /* a limit was reported */
	/* the files the document's figures read (inputs, as the template is):
	 * each once, with its figure's data */
	rg_figure **images; size_t nimages, cap_images;
	size_t image_bytes;
} rg_doc;

#define RG_DOC_MAX_NODES 250000
#define RG_DOC_MAX_TEXT_BYTES (16u * 1024 * 1024)
#define RG_DOC_MAX_IMAGE_BYTES (128u * 1024 * 1024)   /* of every image file read */

rg_doc *rg_doc_new(void);
void rg_doc_free(rg_doc *doc);
rg_block *rg_doc_block_new(rg_doc *doc, rg_block *parent, rg_block_kind kind, rg_pos pos);
rg_span *rg_doc_span_add(rg_doc *doc, rg_block *b, rg_span_kind kind, unsigned style,
    const char *text, size_t len, const char *url, rg_pos pos);

/* Tables: start a row, add a cell (its spans via rg_doc_cell_span). */
rg_table *rg_doc_table_new(rg_doc *doc, rg_block *b, size_t ncols);
rg_row *rg_doc_row_add(rg_doc *doc, rg_table *t);
rg_cell *rg_doc_cell_add(rg_doc *doc, rg_row *r, rg_align align, int colspan);
rg_span *rg_doc_cell_span(rg_doc *doc, rg_cell *c, unsigned style, const char *text,
    size_t len, rg_pos pos);

/* Plain text of a block's spans (breaks become one space). Arena-owned. */
const char *rg_block_text(rg_doc *doc, const rg_block *b);

/* Text dump, one line per block and span, with positions: --dump=doc. */
void rg_doc_dump(const rg_doc *doc, FILE *out);

#endif
