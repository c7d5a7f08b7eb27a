/* gongwen.h -- the 公文 elements of GB/T 9704-2012 on the page (layout
 * stage, internal).  What the template stage read from front matter
 * (template/gongwen.h) is placed here: the 版头 above the title, the title
 * broken between words into a 梯形 or 菱形, the 主送机关, the 附件说明 and
 * the 版记 at the foot of the last, even, page.  docs/gongwen.md says where
 * each element goes and which clause says so.
 */
#ifndef RG_LAYOUT_GONGWEN_H
#define RG_LAYOUT_GONGWEN_H

#include "flow.h"

/* The 版头: one item of whole lines, from the top of the text block down to
 * the line of the title (two lines below the red rule). */
void rg_gongwen_head(rg_flow *c, const rg_gongwen *g, double x, double w);

/* The title or subtitle, in every theme: centred, broken only between words
 * (and where the title says) into lines that grow or shrink steadily (梯形)
 * or grow then shrink (菱形). */
void rg_gongwen_title(rg_flow *c, const rg_block *b, double x, double w);

/* The 主送机关 line, flush left, and the 附件说明, two characters in with
 * wrapped names aligned after 附件：. */
void rg_gongwen_recipients(rg_flow *c, const rg_gongwen *g, double x, double w);
void rg_gongwen_attachments(rg_flow *c, const rg_gongwen *g, double x, double w);

/* The 发文机关署名 (blocks from b on) and the 成文日期 (the last of them,
 * level 1) of a dateline directive, one blank line below the body, followed
 * by the 附注; returns the date's block.  Sealed (7.3.5.1, g->seal 1, and
 * the default of a grid theme): the date four characters (the theme's
 * dateline_indent) from the right, the name centred over it, as many blank
 * lines above as put them below the centre of a 42 mm seal whose top is on
 * the foot of the body.  Unsealed (7.3.5.2, g->seal 0): the name two
 * characters from the right, the date below it two characters further right
 * (or two from the right, the name moved left, when it is the longer).
 * Neither (no seal key, no grid): the sealed placement, one blank line. */
const rg_block *rg_gongwen_dateline(rg_flow *c, const rg_gongwen *g, const rg_block *b,
    double x, double w);

/* The 附注 (7.3.6) on the line after the date, two characters in. */
void rg_gongwen_note(rg_flow *c, const rg_gongwen *g, double x, double w);

/* The 版记 at the foot of the last page, after pagination; adds a page (or a
 * blank page and one) so that it is on an even page.  A blank page and
 * the 版记 page after it are marked unnumbered (7.5). */
void rg_gongwen_foot(rg_flow *c, const rg_gongwen *g);

/* The font role of a heading from the number written at its start (一、 黑,
 * （一） 楷, 1. and （1） the body face); -1 if it starts with none. */
int rg_gongwen_heading_role(const rg_theme *th, const rg_block *b);

#endif
