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
#include "theme.h"

/* The most pages a document may have (docs/reliability.md). */
#define RG_LAYOUT_MAX_PAGES 5000

typedef struct rg_layout_opts {
	const rg_theme *theme;
	const rg_metrics *metrics;
	int allow_missing_glyphs;
	int cell_frames;         /* frame every table cell (RG_BOX_FRAME), so that
	                          * a test can find the cells in the PDF */
} rg_layout_opts;

/* Lay out doc.  Returns NULL after reporting errors (such as characters no
 * font has). */
rg_layout *rg_layout_run(const rg_doc *doc, const rg_layout_opts *o, rg_diag *d);

/* The typesetting check (check.c): print each violation of the rules in
 * TYPESETTING.md to out, prefixed with name; returns how many. */
size_t rg_layout_check(const rg_layout *l, const rg_theme *th, const char *name, FILE *out);

#endif
