/* directive.h -- fenced directive blocks in templates.
 *
 * A fenced code block whose info string names a directive (```figures) holds
 * a small YAML spec; the block is replaced by the content it describes.
 * The directive language is documented in docs/templates.md.
 */
#ifndef RG_DIRECTIVE_H
#define RG_DIRECTIVE_H

#include "../base/diag.h"
#include "../data/model.h"
#include "doc.h"

/* Does the fence info string name a directive? */
int rg_directive_is(const char *info);

/* Expand the directive under parent.  body is the spec text starting at
 * body_pos; fence_pos is the opening fence.  region and period are the
 * template's defaults.  Returns 0, or -1 after reporting. */
int rg_directive_expand(rg_doc *doc, rg_block *parent, const char *info,
    const char *body, rg_pos body_pos, rg_pos fence_pos, const rg_dataset *ds,
    const char *region, const char *period, rg_diag *d);

#endif
