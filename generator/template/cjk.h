/* cjk.h -- emphasis next to CJK text (internal header of the template stage).
 *
 * CommonMark's flanking rule does not let "**" close after a punctuation
 * mark that a letter follows: in "**经济运行稳中向好。**实现" the second "**"
 * stays text.  The CommonMark CJK-friendly amendment (tats-u/
 * markdown-cjk-friendly, specification.md) widens the rule next to CJK
 * characters; with it, that "**" closes.  The amendment only ever makes a
 * "*" run flank where CommonMark's rule says it does not, so cmark can be
 * made to follow it by one invisible character: before parsing,
 * rg_cjk_prepare puts a marker (U+FDD0, a noncharacter: neither white
 * space nor punctuation to cmark) between such a run and the punctuation
 * mark that keeps it from flanking; cmark then pairs every delimiter by its
 * own rules (rule of three, nesting), and rg_cjk_strip takes the markers
 * out of the tree.  A run with no CJK character beside it is never touched,
 * so text without CJK parses exactly as before.
 */
#ifndef RG_CJK_H
#define RG_CJK_H

#include <cmark.h>
#include <stddef.h>

#include "../base/mem.h"

typedef struct rg_cjk_map rg_cjk_map;   /* where markers went, in arena */

/* src (len bytes) with markers where the amendment needs them, NUL-
 * terminated, in arena, and its length in *out_len; *map says where they
 * are (NULL when there are none, and then src itself is returned). */
const char *rg_cjk_prepare(rg_arena *arena, const char *src, size_t len, size_t *out_len,
    rg_cjk_map **map);
/* Remove the markers from every literal, URL, title and info string. */
void rg_cjk_strip(cmark_node *root);
/* The column in the original text of column col of line line of the
 * prepared text (both 1-based, in bytes). */
int rg_cjk_col(const rg_cjk_map *map, int line, int col);

#endif
