/* render.c -- see render.h */
#include "render.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "../data/model.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "install.h"
#include "output.h"


typedef struct cached_template {
	char *path;
	rg_template *t;          /* NULL: it had errors, already reported */
} cached_template;

typedef struct cached_theme {
	char *path;
	rg_theme theme;
	int ok;                  /* 0: it had errors, already reported */
} cached_theme;

struct rg_render_env {
	char *fonts_conf;
	time_t date;
	rg_fontset *fonts;
	int loaded;              /* 1 loaded, -1 failed (reported) */
	cached_template *tpls;
	size_t ntpls, tcap;
	cached_theme *themes;
	size_t nthemes, thcap;
	const char *last_theme;  /* the theme file of the last render, or NULL */
	char **images;           /* the image files of the last render */
	size_t nimages, cap_images;
};

static void
images_clear(rg_render_env *e)
{
	for (size_t i = 0; i < e->nimages; i++)
		free(e->images[i]);
	e->nimages = 0;
}

/* rg_expand_opts.input: a figure's file */
static void
note_image(void *ctx, const char *path)
{
	rg_render_env *e = ctx;
	for (size_t i = 0; i < e->nimages; i++)
		if (strcmp(e->images[i], path) == 0)
			return;
	*RG_PUSH(e->images, e->nimages, e->cap_images) = rg_xstrdup(path);
}

size_t
rg_render_env_images(const rg_render_env *e, const char *const **paths)
{
	*paths = (const char *const *)e->images;
	return e->nimages;
}

const char *
rg_render_fonts_config(const char *opt)
{
	if (opt != NULL)
		return opt;
	const char *env = getenv("REPORTGEN_FONTS");
	if (env != NULL && *env)
		return env;
	static char path[4200];
	if (path[0] == '\0')
		snprintf(path, sizeof path, "%s/fonts/fonts.conf", rg_datadir());
	return path;
}

time_t
rg_render_build_date(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde != NULL && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (*end == '\0' && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

rg_render_env *
rg_render_env_new(const char *fonts_conf, time_t date)
{
	rg_render_env *e = rg_xcalloc(1, sizeof *e);
	e->fonts_conf = rg_xstrdup(fonts_conf);
	e->date = date;
	return e;
}

void
rg_render_env_forget(rg_render_env *e)
{
	for (size_t i = 0; i < e->ntpls; i++) {
		rg_template_free(e->tpls[i].t);
		free(e->tpls[i].path);
	}
	free(e->tpls);
	e->tpls = NULL;
	e->ntpls = e->tcap = 0;
	for (size_t i = 0; i < e->nthemes; i++)
		free(e->themes[i].path);
	free(e->themes);
	e->themes = NULL;
	e->nthemes = e->thcap = 0;
	e->last_theme = NULL;
}

const char *
rg_render_env_theme(const rg_render_env *e)
{
	return e->last_theme;
}

void
rg_render_env_free(rg_render_env *e)
{
	if (e == NULL)
		return;
	rg_render_env_forget(e);
	images_clear(e);
	free(e->images);
	rg_fontset_free(e->fonts);
	free(e->fonts_conf);
	free(e);
}

int
rg_render_env_load(rg_render_env *e, rg_diag *d)
{
	if (e->loaded != 0)
		return e->loaded > 0 ? 0 : -1;
	e->loaded = -1;
	e->fonts = rg_fontset_load(e->fonts_conf, d);
	if (e->fonts == NULL)
		return -1;
	/* HarfBuzz reads a face's tables on first use: read the character maps
	 * and metrics now, so that forked workers share them instead of each
	 * loading its own copy */
	for (size_t f = 0; f < rg_fontset_count(e->fonts); f++)
		(void)rg_fontset_advance(e->fonts, (int)f, 0x4E00);
	e->loaded = 1;
	return 0;
}

static cached_template *
find_template(rg_render_env *e, const char *path)
{
	for (size_t i = 0; i < e->ntpls; i++)
		if (strcmp(e->tpls[i].path, path) == 0)
			return &e->tpls[i];
	return NULL;
}

int
rg_render_env_template(rg_render_env *e, const char *path, rg_diag *d)
{
	cached_template *c = find_template(e, path);
	if (c == NULL) {
		c = RG_PUSH(e->tpls, e->ntpls, e->tcap);
		c->path = rg_xstrdup(path);
		/* messages point into the template: its name must live as long as
		 * the cache, so it is the cache's copy of the path */
		c->t = rg_template_load(c->path, d);
	}
	return c->t != NULL ? 0 : -1;
}

/* A theme by name (templates/themes/NAME.yaml) or by file, loaded once.
 * NULL after reporting; *path_out is the file it comes from. */
static const rg_theme *
find_theme(rg_render_env *e, const char *name, const char **path_out, rg_diag *d)
{
	if (name == NULL)
		name = "briefing";
	size_t n = strlen(name);
	rg_buf path = { 0 };
	int yaml = (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".yml") == 0);
	if (strchr(name, '/') != NULL && !yaml) {
		/* a template may name a theme file: it must be one (issue 14) */
		rg_msg(d, RG_M_THEME_NAME, rg_pos_make("command line", 0, 0),
		    "theme file '%s' does not end "
		    "in .yaml or .yml: themes are YAML files", name);
		return NULL;
	}
	if (yaml) {
		rg_buf_puts(&path, name);
	} else {
		for (const char *c = name; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
			    *c == '-' || *c == '_')) {
				rg_msg(d, RG_M_THEME_NAME, rg_pos_make("command line", 0, 0),
				    "theme name '%s' "
				    "is neither a name like 'gongwen' nor a .yaml file", name);
				return NULL;
			}
		rg_buf_printf(&path, "%s/templates/themes/%s.yaml", rg_datadir(), name);
	}
	cached_theme *c = NULL;
	for (size_t i = 0; i < e->nthemes && c == NULL; i++)
		if (strcmp(e->themes[i].path, path.data) == 0)
			c = &e->themes[i];
	if (c == NULL) {
		c = RG_PUSH(e->themes, e->nthemes, e->thcap);
		c->path = rg_buf_detach(&path);
		rg_theme_defaults(&c->theme);
		c->ok = rg_theme_load(&c->theme, c->path, d) == 0;
	} else if (!c->ok) {
		rg_msg(d, RG_M_THEME_HAS_ERRORS, rg_pos_make(c->path, 0, 0),
		    "theme has errors (reported above)");
	}
	rg_buf_free(&path);
	*path_out = c->path;
	e->last_theme = c->path;
	return c->ok ? &c->theme : NULL;
}

/* The words a theme replaces, for the template stage (rg_expand_opts). */
static int
theme_words(void *ctx, const char *theme, const rg_word_setting **words, size_t *n,
    rg_diag *d)
{
	const char *path;
	const rg_theme *t = find_theme(ctx, theme, &path, d);
	if (t == NULL)
		return -1;
	*words = t->words;
	*n = t->nwords;
	return 0;
}

/* ---- the layout's metrics, answered by the font set ------------------- */

static int
fs_lookup(void *ctx, int role, int32_t cp, int *primary)
{
	const rg_render_fonts *f = ctx;
	return rg_fontset_lookup_script(f->fs, f->script, (rg_role)role, cp, primary);
}

static double
fs_advance(void *ctx, int face, int32_t cp)
{
	return rg_fontset_advance(((const rg_render_fonts *)ctx)->fs, face, cp);
}

static const char *
fs_family(void *ctx, int face)
{
	return face >= 0 ? rg_fontset_family(((const rg_render_fonts *)ctx)->fs, face) : "?";
}

static int
fs_ink(void *ctx, int face, int32_t cp, double *x0, double *x1)
{
	return rg_fontset_ink(((const rg_render_fonts *)ctx)->fs, face, cp, x0, x1);
}

rg_metrics
rg_render_metrics(rg_render_fonts *f)
{
	rg_metrics m = { f, fs_lookup, fs_advance, fs_family, fs_ink };
	return m;
}

/* ---- dependency files ------------------------------------------------- */

/* What in s make cannot read back as a file name in a rule, or NULL:
 * a newline ends the rule, ';' starts a recipe, '|' order-only
 * prerequisites, '=' makes the line a variable assignment, '%' a pattern
 * rule (in the target, and in the empty rule of a prerequisite), and a
 * final backslash joins the next line.  None of them has an escape. */
static const char *
make_name_problem(const char *s)
{
	for (const char *p = s; *p; p++)
		switch (*p) {
		case '\n': return "a newline";
		case '\r': return "a carriage return";
		case ';': return "';'";
		case '|': return "'|'";
		case '=': return "'='";
		case '%': return "'%'";
		case '\\':
			if (p[1] == '\0')
				return "a final backslash";
			break;
		default: break;
		}
	return NULL;
}

/* A character make reads specially in a file name, unless a backslash
 * quotes it: a space or tab (a separator), '#' (a comment), ':' (the rule's
 * colon) and the wildcards (make expands them in prerequisites). */
static int
make_special(char c)
{
	return c == ' ' || c == '\t' || c == '#' || c == ':' || c == '*' || c == '?' ||
	    c == '[' || c == ']';
}

/* A file name as make reads it in a rule (make_name_problem(s) == NULL):
 * special characters quoted with a backslash, the backslashes just before
 * one doubled (as gcc -MD does; any other backslash is itself), '$' as '$$',
 * and "./" before a leading '~' (make would take it for a home directory). */
static void
put_make_name(rg_buf *b, const char *s)
{
	if (s[0] == '~')
		rg_buf_puts(b, "./");
	for (const char *p = s; *p; p++) {
		if (*p == '\\') {
			size_t n = strspn(p, "\\");
			int quote = make_special(p[n]);
			for (size_t i = 0; i < n * (quote ? 2 : 1); i++)
				rg_buf_putc(b, '\\');
			p += n - 1;
			continue;
		}
		if (make_special(*p))
			rg_buf_putc(b, '\\');
		if (*p == '$')
			rg_buf_putc(b, '$');
		rg_buf_putc(b, *p);
	}
}

/* The make rule "target: deps..." (and an empty rule for every
 * prerequisite, as gcc -MP does), or NULL after reporting (at path) a name
 * make cannot read. */
static char *
depfile_text(const char *path, const char *target, const char *const *deps, size_t ndeps,
    rg_diag *d)
{
	for (size_t i = 0; i <= ndeps; i++) {
		const char *name = i == 0 ? target : deps[i - 1];
		const char *why = make_name_problem(name);
		if (why != NULL) {
			rg_msg(d, RG_M_DEPFILE_NAME, rg_pos_make(path, 0, 0),
			    "cannot name '%s' in a make rule: make cannot read a file name "
			    "holding %s", name, why);
			return NULL;
		}
	}
	rg_buf b = { 0 };
	put_make_name(&b, target);
	rg_buf_putc(&b, ':');
	for (size_t i = 0; i < ndeps; i++) {
		rg_buf_puts(&b, " \\\n  ");
		put_make_name(&b, deps[i]);
	}
	rg_buf_putc(&b, '\n');
	for (size_t i = 0; i < ndeps; i++) {
		rg_buf_putc(&b, '\n');
		put_make_name(&b, deps[i]);
		rg_buf_puts(&b, ":\n");
	}
	return rg_buf_detach(&b);
}

int
rg_write_depfile(const char *path, const char *target, const char *const *deps,
    size_t ndeps, rg_diag *d)
{
	char *text = depfile_text(path, target, deps, ndeps, d);
	if (text == NULL)
		return -1;
	int rc = rg_output_write(path, text, strlen(text), d);
	free(text);
	return rc;
}

/* The dependency file of job j (at path), made before the PDF is written so
 * that a name make cannot read stops both; NULL after reporting. */
static char *
job_depfile(rg_render_env *e, const rg_job *j, const char *path, const char *theme_path,
    rg_diag *d)
{
	size_t nfaces = rg_fontset_count(e->fonts);
	const char **deps = rg_xcalloc(j->ndata + nfaces + e->nimages + 3, sizeof *deps);
	size_t n = 0;
	deps[n++] = j->tpl;
	for (size_t i = 0; i < j->ndata; i++)
		deps[n++] = j->data[i];
	for (size_t i = 0; i < e->nimages; i++)
		deps[n++] = e->images[i];
	deps[n++] = theme_path;
	deps[n++] = e->fonts_conf;
	for (size_t f = 0; f < nfaces; f++) {
		const char *p = rg_fontset_path(e->fonts, (int)f);
		int dup = 0;
		for (size_t k = 0; k < n && !dup; k++)
			dup = strcmp(deps[k], p) == 0;
		if (!dup)
			deps[n++] = p;
	}
	char *text = depfile_text(path, j->out, deps, n, d);
	free(deps);
	return text;
}

/* ---- one document ----------------------------------------------------- */

static int
load_data(rg_dataset *ds, const char *const *files, size_t nfiles, rg_diag *d)
{
	for (size_t i = 0; i < nfiles; i++)
		rg_data_load(ds, files[i], d);
	if (d->errors == 0)
		rg_dataset_validate(ds, d);
	return d->errors == 0 && d->failures == 0 ? 0 : -1;
}

static int
dumping(const rg_job *j, const char *stage)
{
	return j->dump != NULL && strcmp(j->dump, stage) == 0;
}

int
rg_render(rg_render_env *e, const rg_job *j, rg_diag *d)
{
	int before = d->errors + d->failures;
	FILE *dump_to = j->dump_to ? j->dump_to : stdout;
	rg_dataset *ds = rg_dataset_new();
	rg_doc *doc = NULL;
	rg_layout *l = NULL;

	if (load_data(ds, j->data, j->ndata, d) < 0)
		goto out;
	if (dumping(j, "data")) {
		rg_dataset_dump(ds, dump_to);
		if (j->out == NULL)
			goto out;
	}
	int known = find_template(e, j->tpl) != NULL;
	if (rg_render_env_template(e, j->tpl, d) < 0) {
		if (known)
			rg_msg(d, RG_M_TEMPLATE_HAS_ERRORS, rg_pos_make(j->tpl, 0, 0),
			    "template has errors "
			    "(reported above)");
		goto out;
	}
	images_clear(e);
	rg_expand_opts xo = { j->theme, theme_words, e, note_image };
	doc = rg_template_expand_opts(find_template(e, j->tpl)->t, ds, j->vars, j->nvars, &xo,
	    d);
	if (doc == NULL)
		goto out;
	if (dumping(j, "doc")) {
		rg_doc_dump(doc, dump_to);
		if (j->out == NULL)
			goto out;
	}
	if (rg_render_env_load(e, d) < 0)
		goto out;
	const char *theme_path;
	const rg_theme *theme = find_theme(e, j->theme ? j->theme : doc->meta.theme,
	    &theme_path, d);
	if (theme == NULL)
		goto out;
	/* a Traditional document in the Traditional faces (fonts.conf 'hant') */
	rg_render_fonts rf = { e->fonts, doc->meta.lang != NULL &&
	    strcmp(doc->meta.lang, "zh-Hant") == 0 ? RG_SCRIPT_HANT : RG_SCRIPT_HANS };
	rg_metrics m = rg_render_metrics(&rf);
	/* REPORTGEN_CELL_FRAMES=1: every table cell framed in magenta, for
	 * the tests that measure cells in the PDF (tests/e2e/table-cells.sh) */
	const char *frames = getenv("REPORTGEN_CELL_FRAMES");
	rg_layout_opts lo = { theme, &m, j->allow_missing_glyphs,
		frames != NULL && strcmp(frames, "1") == 0 };
	l = rg_layout_run(doc, &lo, d);
	if (l == NULL)
		goto out;
	if (dumping(j, "boxes"))
		rg_layout_dump(l, dump_to);
	if (j->check_typesetting) {
		const char *name = j->out ? j->out : j->tpl;
		if (rg_layout_check(l, theme, name, d->out) > 0)
			rg_msg(d, RG_M_TYPESETTING_CHECK, rg_pos_make(name, 0, 0),
			    "typesetting check failed");
	}
	if (j->out != NULL) {
		/* outputs only as regular files, never over an input (output.h) */
		size_t nfaces = rg_fontset_count(e->fonts);
		const char **inputs = rg_xcalloc(j->ndata + nfaces + e->nimages + 5,
		    sizeof *inputs);
		size_t n = 0;
		inputs[n++] = j->tpl;
		for (size_t i = 0; i < j->ndata; i++)
			inputs[n++] = j->data[i];
		for (size_t i = 0; i < e->nimages; i++)
			inputs[n++] = e->images[i];
		inputs[n++] = theme_path;
		inputs[n++] = e->fonts_conf;
		/* the font files too: they are inputs, as the dependency file says */
		for (size_t f = 0; f < nfaces; f++)
			inputs[n++] = rg_fontset_path(e->fonts, (int)f);
		/* -o -: standard output, as long as it is no terminal (a PDF
		 * there is noise, as pandoc says) */
		char *out;
		if (strcmp(j->out, "-") != 0) {
			out = rg_output_path(j->out, "output", inputs, n, d);
		} else if (isatty(STDOUT_FILENO)) {
			rg_msg(d, RG_M_OUTPUT_REFUSED, rg_pos_make("-", 0, 0),
			    "the output is a terminal: redirect standard output to a file or "
			    "a pipe, or name a file with -o");
			out = NULL;
		} else {
			out = rg_xstrdup("-");
		}
		char *dep = NULL;
		if (out != NULL && j->depfile != NULL) {
			char *a = rg_output_normal(j->out), *b = rg_output_normal(j->depfile);
			if (strcmp(a, b) == 0) {
				rg_msg(d, RG_M_OUTPUT_REFUSED, rg_pos_make(j->depfile, 0, 0),
				    "the dependency file "
				    "is the output");
			} else {
				inputs[n++] = j->out;
				dep = rg_output_path(j->depfile, "dependency file", inputs, n, d);
			}
			free(a);
			free(b);
		}
		free(inputs);
		char *deptext = dep != NULL ? job_depfile(e, j, dep, theme_path, d) : NULL;
		if (out != NULL && (j->depfile == NULL || deptext != NULL)) {
			char creator[64];
			snprintf(creator, sizeof creator, "reportgen %s", rg_version);
			rg_pdf_opts po = { e->fonts, creator, e->date, j->pdfa };
			if (rg_pdf_write(l, &po, out, d) == 0 && deptext != NULL)
				rg_output_write(dep, deptext, strlen(deptext), d);
		}
		free(deptext);
		free(out);
		free(dep);
	}
out:
	rg_layout_free(l);
	rg_doc_free(doc);
	rg_dataset_free(ds);
	return d->errors + d->failures > before ? -1 : 0;
}
