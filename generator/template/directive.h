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

struct rg_spec;

struct rg_words;

/* Turns a value of a spec into the text the directive takes: expands
 * placeholders, makes relative periods absolute.  value was written at pos
 * (in quotes if quoted), under key.  Returns the value to use (value itself
 * if unchanged), or NULL after reporting. */
typedef struct rg_expander {
	const char *(*value)(void *arg, const char *key, const char *value, rg_pos pos,
	    int quoted);
	void *arg;
	/* the document's key indicators (ids), which `indicators: key` names */
	const char *const *key_indicators;
	size_t nkey;
} rg_expander;

/* Does the fence info string name a directive? */
int rg_directive_is(const char *info);

/* Expand the directive under parent.  body is the spec text starting at
 * body_pos; fence_pos is the opening fence.  region and period are the
 * template's defaults, words the document's words (words.h).  Every value of the spec passes through ex (may be
 * NULL) before the directive reads it.  Returns 0, or -1 after reporting. */
int rg_directive_expand(rg_doc *doc, rg_block *parent, const char *info,
    const char *body, rg_pos body_pos, rg_pos fence_pos, const rg_dataset *ds,
    const char *region, const char *period, const rg_expander *ex,
    const struct rg_words *words, rg_diag *d);
/* The same for a spec already made (rg_spec_add), which it frees. */
int rg_directive_expand_spec(rg_doc *doc, rg_block *parent, const char *info,
    struct rg_spec *spec, rg_pos fence_pos, const rg_dataset *ds,
    const char *region, const char *period, const rg_expander *ex,
    const struct rg_words *words, rg_diag *d);

#endif
