/* render.h -- the whole pipeline for one document, and what documents share.
 *
 *   data (YAML/XML -> rg_dataset) -> template (cmark + data -> rg_doc)
 *   -> layout (rg_doc -> rg_layout) -> pdf (rg_layout -> file)
 *
 * An rg_render_env holds what every document of a run shares and what is
 * loaded once: the font set (font files opened and parsed with HarfBuzz),
 * the themes and the parsed templates (by path), the creation date.  `render`
 * makes one for its single job; `build` makes one, loads everything in it,
 * then renders every job of a manifest with it (in forked workers, which
 * inherit it).  Nothing in a job's output depends on the order jobs run in.
 */
#ifndef RG_RENDER_H
#define RG_RENDER_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "../base/diag.h"
#include "../fonts/fontset.h"
#include "../layout/metrics.h"
#include "../template/template.h"

/* One document: the equivalent of one `reportgen render` command line. */
typedef struct rg_job {
	const char *tpl;                  /* template path */
	const char *const *data;          /* data files, joined */
	size_t ndata;
	const char *const *vars;          /* "KEY=VALUE" front matter settings (-V) */
	size_t nvars;
	const char *out;                  /* PDF path; NULL with a dump only */
	const char *depfile;              /* make dependency file to write; NULL: none */
	const char *dump;                 /* "data", "doc", "boxes" or NULL */
	FILE *dump_to;                    /* where dumps go (stdout when NULL) */
	const char *theme;                /* theme name or file; NULL: the template's */
	int allow_missing_glyphs;
	int check_typesetting;            /* rg_layout_check: a violation fails the job */
	int pdfa;                         /* PDF/A-1b */
} rg_job;

typedef struct rg_render_env rg_render_env;

/* fonts_conf: the font configuration file (see rg_render_fonts_config);
 * date: the creation date written into every PDF. */
rg_render_env *rg_render_env_new(const char *fonts_conf, time_t date);
void rg_render_env_free(rg_render_env *e);

/* Load the fonts now (a job loads them on first use).  0, or -1 after
 * reporting. */
int rg_render_env_load(rg_render_env *e, rg_diag *d);
/* Parse the template at path now and keep it for the jobs that use it.
 * 0, or -1 after reporting (once: a job using it later fails quietly with
 * one line naming the template). */
int rg_render_env_template(rg_render_env *e, const char *path, rg_diag *d);

/* Drop the parsed templates and the themes (the fonts stay), so that the
 * next render reads them again: `watch` after a change. */
void rg_render_env_forget(rg_render_env *e);
/* The theme file the last render used (named in the template or by
 * --theme), or NULL if no render got that far; valid until the next
 * rg_render_env_forget. */
const char *rg_render_env_theme(const rg_render_env *e);
/* The image files the last render's template named (its figures), found
 * or not: *paths, and how many; valid until the next render. */
size_t rg_render_env_images(const rg_render_env *e, const char *const **paths);

/* Render job j.  Returns 0, or -1 after reporting through d (whose counts
 * tell bad input from other failures).  The PDF is written atomically; the
 * dependency file, when asked for, only after the PDF. */
int rg_render(rg_render_env *e, const rg_job *j, rg_diag *d);

/* The font configuration to use: opt when given, else $REPORTGEN_FONTS,
 * else the installed fonts/fonts.conf. */
const char *rg_render_fonts_config(const char *opt);
/* SOURCE_DATE_EPOCH when set to a number, else the current time. */
time_t rg_render_build_date(void);

/* Write a make rule "target: deps..." (and an empty rule for every
 * prerequisite, as gcc -MP does) to path, atomically.  0, or -1 after
 * reporting. */
int rg_write_depfile(const char *path, const char *target, const char *const *deps,
    size_t ndeps, rg_diag *d);

/* The layout's metrics answered by a font set (glyph lookup with fallback,
 * advances, family names), for text of a script: the font set's faces for
 * it (a Traditional document, lang zh-Hant, is drawn by the 'hant' faces
 * of fonts.conf).  f must outlive the metrics. */
typedef struct rg_render_fonts {
	rg_fontset *fs;
	rg_script script;
} rg_render_fonts;
rg_metrics rg_render_metrics(rg_render_fonts *f);

#endif
