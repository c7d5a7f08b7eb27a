/* chart.h -- bar and line charts (internal to the layout stage). */
#ifndef RG_CHART_H
#define RG_CHART_H

#include "flow.h"

/* Append chart block b as one item of the flow, x and width giving the
 * column: title, unit, axes with nice ticks, bars or lines, category
 * labels and legend, drawn with rules, rectangles and text boxes. */
void rg_layout_chart(rg_flow *c, const rg_block *b, double x, double width);

#endif
