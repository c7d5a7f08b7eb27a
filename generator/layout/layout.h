/* layout.h -- document tree to positioned pages (stage 3).
 *
 * rg_layout_run breaks every paragraph with the Chinese line breaker, stacks
 * lines and rules into a vertical list, and cuts that list into pages
 * (keeping a heading with what follows, avoiding single lines of a paragraph
 * at the top or bottom of a page), then adds running header and page
 * numbers.  Measurements come through rg_metrics; the theme fixes sizes.
 */
#ifndef RG_LAYOUT_H
#define RG_LAYOUT_H

#include "../base/diag.h"
#include "../template/doc.h"
#include "boxes.h"
#include "metrics.h"

typedef struct rg_theme {
	double page_w, page_h;
	double margin_top, margin_bottom, margin_left, margin_right;
	double body_size, line_pitch;       /* pt; pitch = baseline to baseline */
	double para_gap;                    /* extra space between paragraphs */
	double indent_em;                   /* first-line indent of body paragraphs */
	double heading_size[4];             /* levels 1-4 (5, 6 use level 4) */
	int heading_role[4];                /* font roles, see metrics.h */
	double title_size, subtitle_size;
	double code_size;
	double small_size;                  /* header and footer */
	unsigned link_color, muted_color, code_bg;
} rg_theme;

/* The default A4 briefing theme. */
void rg_theme_briefing(rg_theme *t);

typedef struct rg_layout_opts {
	const rg_theme *theme;
	const rg_metrics *metrics;
	int allow_missing_glyphs;
} rg_layout_opts;

/* Lay out doc.  Returns NULL after reporting errors (such as characters no
 * font has). */
rg_layout *rg_layout_run(const rg_doc *doc, const rg_layout_opts *o, rg_diag *d);

#endif
