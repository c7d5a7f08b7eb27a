/* table.h -- table layout (internal to the layout stage). */
#ifndef RG_TABLE_H
#define RG_TABLE_H

#include "flow.h"

/* Append the rows of table block b, x and width giving the column. */
void rg_layout_table(rg_flow *c, const rg_block *b, double x, double width);

#endif
