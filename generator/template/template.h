/* template.h -- Markdown templates: parse, then expand against a dataset.
 *
 * A template is CommonMark (parsed by cmark) with an optional YAML front
 * matter block between "---" lines, placeholders {{ path }} in text, and
 * fenced directive blocks (```figures).  The syntax is documented in
 * docs/templates.md.  Expansion produces an rg_doc (doc.h).
 */
#ifndef RG_TEMPLATE_H
#define RG_TEMPLATE_H

#include "../base/diag.h"
#include "../data/model.h"
#include "doc.h"
#include "words.h"

typedef struct rg_template rg_template;

/* Read and parse the template at path.  NULL on error (reported through d). */
rg_template *rg_template_load(const char *path, rg_diag *d);
/* Parse a template held in memory; name is used in messages. */
rg_template *rg_template_parse(const char *name, const char *text, size_t len, rg_diag *d);
void rg_template_free(rg_template *t);

/* Expand the template against ds.  Every placeholder and directive is
 * resolved; unknown paths are errors at the template's line and column.
 * vars (nvars "key=value" strings, from the command line's -V) override the
 * front matter's keys.  Returns NULL if any error was reported. */
rg_doc *rg_template_expand(const rg_template *t, const rg_dataset *ds,
    const char *const *vars, size_t nvars, rg_diag *d);

/* What the stage after this one tells an expansion. */
typedef struct rg_expand_opts {
	const char *theme;       /* the command line's theme, over the template's; or NULL */
	/* The words the theme (a name or a file, NULL for the default) replaces:
	 * *words, *n.  0, or -1 after reporting (a theme with errors).  NULL:
	 * no theme words. */
	int (*theme_words)(void *ctx, const char *theme, const rg_word_setting **words,
	    size_t *n, rg_diag *d);
	void *ctx;
	/* Told of each file the template's figures name, before it is read
	 * (an input: the dependency file lists it, watch watches it); or NULL. */
	void (*input)(void *ctx, const char *path);
} rg_expand_opts;

/* rg_template_expand, with the theme's words under the template's own
 * (docs/themes.md); o may be NULL. */
rg_doc *rg_template_expand_opts(const rg_template *t, const rg_dataset *ds,
    const char *const *vars, size_t nvars, const rg_expand_opts *o, rg_diag *d);

#define RG_TEMPLATE_MAX_BYTES (4u * 1024 * 1024)
/* Limits of the document (docs/reliability.md; see also doc.h) */
#define RG_TEMPLATE_MAX_NESTING 12          /* lists and block quotes */
#define RG_TEMPLATE_MAX_INLINE_NESTING 32   /* emphasis, links, images */
#define RG_TEMPLATE_MAX_MARKER_NESTING 32   /* {{#each}} and {{#if}} */
#define RG_TABLE_MAX_ROWS 20000
#define RG_TEMPLATE_MAX_TITLE_BYTES 1000    /* the title and the marking */

#endif
