/* flow.h -- the vertical list inside the layout stage (internal header).
 *
 * Block builders (layout.c, table.c, chart.c) append items to a flow: one
 * item per line of text, table row, rule or chart, each holding boxes
 * positioned relative to the item's top-left corner (x is absolute on the
 * page).  The paginator in layout.c cuts the flow into pages.
 */
#ifndef RG_FLOW_H
#define RG_FLOW_H

#include "layout.h"
#include "linebreak.h"

/* Font roles, as rg_metrics and fonts/fonts.conf number them. */
enum { RG_FONT_SONG, RG_FONT_HEI, RG_FONT_KAI, RG_FONT_MONO, RG_FONT_FANG,
	RG_FONT_BIAOSONG };
/* OR-ed into a role: its bold face (the metrics answer with it) */
#define RG_FONT_BOLD 0x10

typedef struct rg_vitem {
	double height;
	double space_before;     /* dropped at the top of a page */
	int keep_next;           /* do not break the page after this item */
	int keep_rank;           /* how bad a page break after it is where a chain
	                          * of keep_next taller than a page must break:
	                          * 0; 2 a title's last line; 3 a heading's last
	                          * line, a rule; 4 a line of a title or heading
	                          * with more of it after it (RG_KEEP_*) */
	rg_box *boxes; size_t nboxes, cap;
	int outline_level;       /* > 0: a heading starts here */
	const char *outline_title;
	/* table rows: the header rows to repeat when the table continues on a
	 * new page (items [repeat_from, repeat_to) of the flow), and the text
	 * that marks the continuation (续表) */
	size_t repeat_from, repeat_to;
	int in_table;
	int para;                /* > 0: lines of one paragraph share this number */
	int landscape;           /* set on a landscape page (rg_flow.landscape) */
	int floats;              /* landscape: may float to after the portrait
	                          * page it comes on (the table's float: auto) */
	int table_start;         /* the first item of a table (its caption) */
	/* table rows: what a continuation page repeats above the row that
	 * starts it -- its label (续表1, NULL: 续表) and the group row it is
	 * under, as "经济发展（续）": a hidden item, index + 1, 0 for none */
	const char *cont_label;
	int cont_centred;        /* the label is the caption, centred */
	size_t cont_group;
	int group_row;           /* a group row itself (one continues nothing) */
	int hidden;              /* not placed; only repeated (cont_group) */
	int closing;             /* the 署名 and date of a dateline (1) and the
	                          * lines kept with them (2): they go to a new
	                          * page together even inside a chain taller
	                          * than a page, and a page left short by them
	                          * is not a full page (the grid's check) */
	rg_line_rec *lines; size_t nlines, cap_lines;   /* y relative to the item */
} rg_vitem;

enum { RG_KEEP_TITLE = 2, RG_KEEP_HEADING = 3, RG_KEEP_INSIDE = 4 };

typedef struct rg_flow {
	const rg_theme *th;
	const rg_metrics *m;
	rg_diag *d;
	rg_lb_env env;
	rg_layout *out;
	rg_vitem *items; size_t nitems, cap;
	double text_w;           /* width of the text block */
	double pending_gap;      /* space before the next item */
	int list_depth;
	int heading_count[4];    /* automatic heading numbers */
	int para_count;
	const rg_block *root;    /* the document, for the table of contents */
	const rg_gongwen *gongwen;   /* 公文 elements from front matter, or NULL */
	const rg_outline *toc;   /* the previous pass's outline: headings' pages */
	size_t ntoc;
	int toc_level;           /* the level of the contents' entry made last */
	int body_lines;          /* rg_flow_line records body lines (paragraphs) */
	int landscape;           /* items made now go on landscape pages */
	double table_size_cap;   /* > 0: tables start no larger (the parts of a
	                          * split table share one size) */
	/* the table cell rg_flow_line is setting, for its line records */
	struct {
		int kind;            /* 0 none, 1 body, 2 header */
		double x0, x1;
		int numeric, lines;
	} cell;
	int cell_frames;         /* rg_layout_opts.cell_frames */
	int off_grid;            /* items keep their own heights on a grid (table
	                          * rows; the paginator puts what follows back on it) */
	size_t seal_item;        /* 公文: the sealed date's item + 1 (0: none) */
	double seal_below;       /* how far the seal reaches below its foot */
} rg_flow;

typedef enum rg_palign { RG_ALIGN_JUSTIFY, RG_PALIGN_LEFT, RG_PALIGN_CENTER,
	RG_PALIGN_RIGHT } rg_palign;

typedef struct rg_para_style {
	double x;                /* left edge of the lines */
	double width;
	double indent;           /* first line */
	double pitch;            /* line height */
	rg_palign al;
	unsigned bg;             /* 0: none; else background fill */
	double bar_x;            /* > 0: a vertical bar at this x (quotes) */
	int keep_all;            /* keep every line with the next (headings) */
} rg_para_style;

/* A new item of the given height at the end of the flow. */
rg_vitem *rg_flow_item(rg_flow *c, double height);
rg_box *rg_vitem_box(rg_vitem *v, rg_box_kind kind);
/* Ask for at least g points of space before the next item. */
void rg_flow_gap(rg_flow *c, double g);
/* Baseline of text of size s centred in a line of height h. */
double rg_flow_baseline(double h, double s);

/* Place one broken line of p into v: x is its left edge, avail its width,
 * top the y of the line's top within v, height the line's height. */
void rg_flow_line(rg_flow *c, const rg_lb_para *p, const rg_lb_line *ln, double x,
    double avail, rg_palign al, rg_vitem *v, double top, double height);

/* Add a paragraph's spans (strong -> Hei, emphasis -> Kai, code -> mono,
 * links coloured) to p. */
void rg_flow_spans(rg_flow *c, rg_lb_para *p, const rg_span *spans, size_t n,
    int base_role, double size, unsigned color);

/* Width of a one-line string; and the string drawn as boxes appended to
 * (*boxes, *n, *cap) with its baseline at y and x its left edge, centre or
 * right edge as al says.  Returns its width. */
double rg_flow_measure(rg_flow *c, const char *text, int role, double size);
double rg_flow_text(rg_flow *c, rg_box **boxes, size_t *n, size_t *cap,
    const char *text, int role, double size, double x, double y, rg_palign al,
    unsigned color);

#endif
