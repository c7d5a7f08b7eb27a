/* main.c -- the reportgen command line: wires the four stages together.
 *
 *   data (YAML/XML -> rg_dataset) -> template (cmark + data -> rg_doc)
 *   -> layout (rg_doc -> rg_layout) -> pdf (rg_layout -> file)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/diag.h"
#include "data/model.h"
#include "fonts/fontset.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "template/template.h"

#ifndef RG_VERSION
#define RG_VERSION "0.1.0"
#endif
#ifndef RG_DATADIR
#define RG_DATADIR "."
#endif

static const char usage[] =
"usage: reportgen render -t TEMPLATE.md -d DATA [-d DATA ...] -o OUT.pdf\n"
"                        [-V KEY=VALUE ...] [--dump=data|doc|boxes]\n"
"                        [--theme NAME|FILE] [--fonts FONTS.conf]\n"
"                        [--allow-missing-glyphs] [--check-typesetting]\n"
"       reportgen check DATA...\n"
"       reportgen convert IN OUT\n"
"       reportgen --help | --version\n"
"\n"
"render   expand TEMPLATE with the data files and write a PDF.  -V sets a\n"
"         --check-typesetting measures the layout against TYPESETTING.md\n"
"         (line starts and ends, measure, the 公文 grid) and fails on a violation.\n"
"         front matter key (region, period, title, ...) for this run.  --dump prints\n"
"         the output of one stage (data model, document tree or positioned\n"
"         boxes) to standard output instead of, or as well as, writing -o.\n"
"check    validate data files (YAML or XML) without rendering.\n"
"convert  convert a data file between YAML and XML (by OUT's extension).\n"
"\n"
"Themes: briefing (default) and gongwen (GB/T 9704), in templates/themes/;\n"
"--theme overrides the template's front matter.\n"
"Fonts are configured in fonts/fonts.conf (override with --fonts or the\n"
"REPORTGEN_FONTS environment variable).  Exit status: 0 success, 2 bad input\n"
"or usage, 1 other failure.\n";

static int
bad_usage(const char *fmt, const char *arg)
{
	fputs("reportgen: error: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n(see reportgen --help)\n", stderr);
	return RG_EXIT_BADINPUT;
}

/* rg_metrics backed by the fontset */
static int
fs_lookup(void *ctx, int role, int32_t cp, int *primary)
{
	return rg_fontset_lookup(ctx, (rg_role)role, cp, primary);
}

static double
fs_advance(void *ctx, int face, int32_t cp)
{
	return rg_fontset_advance(ctx, face, cp);
}

static const char *
fs_family(void *ctx, int face)
{
	return face >= 0 ? rg_fontset_family(ctx, face) : "?";
}

static time_t
build_date(void)
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

static const char *
fonts_config(const char *opt)
{
	if (opt != NULL)
		return opt;
	const char *env = getenv("REPORTGEN_FONTS");
	if (env != NULL && *env)
		return env;
	return RG_DATADIR "/fonts/fonts.conf";
}

/* A theme by name (templates/themes/NAME.yaml) or by file. */
static int
load_theme(rg_theme *t, const char *name, rg_diag *d)
{
	rg_theme_defaults(t);
	if (name == NULL)
		name = "briefing";
	size_t n = strlen(name);
	if (strchr(name, '/') != NULL || (n > 5 && strcmp(name + n - 5, ".yaml") == 0))
		return rg_theme_load(t, name, d);
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' ||
		    *c == '_')) {
			rg_error(d, rg_pos_make("command line", 0, 0), "theme name '%s' is "
			    "neither a name like 'gongwen' nor a .yaml file", name);
			return -1;
		}
	char path[1024];
	snprintf(path, sizeof path, "%s/templates/themes/%s.yaml", RG_DATADIR, name);
	return rg_theme_load(t, path, d);
}

static int
load_data(rg_dataset *ds, const char **files, int nfiles, rg_diag *d)
{
	for (int i = 0; i < nfiles; i++)
		rg_data_load(ds, files[i], d);
	if (d->errors == 0)
		rg_dataset_validate(ds, d);
	return d->errors == 0 && d->failures == 0 ? 0 : -1;
}

static int
cmd_render(int argc, char **argv)
{
	const char *tpl = NULL, *out = NULL, *dump = NULL, *fonts_opt = NULL, *theme_opt = NULL;
	const char **data = calloc((size_t)argc + 1, sizeof *data);
	const char **vars = calloc((size_t)argc + 1, sizeof *vars);
	int ndata = 0, nvars = 0, allow_missing = 0, check = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if ((strcmp(a, "-t") == 0 || strcmp(a, "-d") == 0 || strcmp(a, "-o") == 0 ||
		    strcmp(a, "-V") == 0 || strcmp(a, "--fonts") == 0 ||
		    strcmp(a, "--theme") == 0) && next == NULL) {
			free(data);
			free(vars);
			return bad_usage("option %s needs an argument", a);
		}
		if (strcmp(a, "-t") == 0)
			tpl = argv[++i];
		else if (strcmp(a, "-d") == 0)
			data[ndata++] = argv[++i];
		else if (strcmp(a, "-o") == 0)
			out = argv[++i];
		else if (strcmp(a, "-V") == 0)
			vars[nvars++] = argv[++i];
		else if (strcmp(a, "--fonts") == 0)
			fonts_opt = argv[++i];
		else if (strcmp(a, "--theme") == 0)
			theme_opt = argv[++i];
		else if (strncmp(a, "--dump=", 7) == 0)
			dump = a + 7;
		else if (strcmp(a, "--allow-missing-glyphs") == 0)
			allow_missing = 1;
		else if (strcmp(a, "--check-typesetting") == 0)
			check = 1;
		else {
			free(data);
			free(vars);
			return bad_usage("unknown argument '%s' for render", a);
		}
	}
	if (tpl == NULL || ndata == 0 || (out == NULL && dump == NULL)) {
		free(data);
		free(vars);
		return bad_usage("%s", "render needs -t TEMPLATE, at least one -d DATA and "
		    "-o OUT.pdf (or --dump)");
	}
	if (dump != NULL && strcmp(dump, "data") != 0 && strcmp(dump, "doc") != 0 &&
	    strcmp(dump, "boxes") != 0) {
		free(data);
		free(vars);
		return bad_usage("unknown --dump stage '%s' (expected data, doc or boxes)", dump);
	}

	rg_diag d;
	rg_diag_init(&d, stderr);
	rg_dataset *ds = rg_dataset_new();
	rg_template *t = NULL;
	rg_doc *doc = NULL;
	rg_fontset *fs = NULL;
	rg_layout *l = NULL;

	if (load_data(ds, data, ndata, &d) < 0)
		goto out;
	if (dump != NULL && strcmp(dump, "data") == 0) {
		rg_dataset_dump(ds, stdout);
		if (out == NULL)
			goto out;
	}
	t = rg_template_load(tpl, &d);
	if (t == NULL)
		goto out;
	doc = rg_template_expand(t, ds, vars, (size_t)nvars, &d);
	if (doc == NULL)
		goto out;
	if (dump != NULL && strcmp(dump, "doc") == 0) {
		rg_doc_dump(doc, stdout);
		if (out == NULL)
			goto out;
	}
	fs = rg_fontset_load(fonts_config(fonts_opt), &d);
	if (fs == NULL)
		goto out;
	rg_metrics m = { fs, fs_lookup, fs_advance, fs_family };
	rg_theme theme;
	if (load_theme(&theme, theme_opt ? theme_opt : doc->meta.theme, &d) < 0)
		goto out;
	rg_layout_opts lo = { &theme, &m, allow_missing };
	l = rg_layout_run(doc, &lo, &d);
	if (l == NULL)
		goto out;
	if (dump != NULL && strcmp(dump, "boxes") == 0)
		rg_layout_dump(l, stdout);
	if (check && rg_layout_check(l, &theme, out ? out : tpl, stderr) > 0)
		rg_failure(&d, rg_pos_make(out ? out : tpl, 0, 0), "typesetting check failed");
	if (out != NULL) {
		rg_pdf_opts po = { fs, "reportgen " RG_VERSION, build_date() };
		rg_pdf_write(l, &po, out, &d);
	}
out:
	rg_layout_free(l);
	rg_fontset_free(fs);
	rg_doc_free(doc);
	rg_template_free(t);
	rg_dataset_free(ds);
	free(data);
	free(vars);
	return rg_diag_status(&d);
}

static int
cmd_check(int argc, char **argv)
{
	if (argc == 0)
		return bad_usage("%s", "check needs at least one data file");
	rg_diag d;
	rg_diag_init(&d, stderr);
	rg_dataset *ds = rg_dataset_new();
	load_data(ds, (const char **)argv, argc, &d);
	rg_dataset_free(ds);
	return rg_diag_status(&d);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int
cmd_convert(int argc, char **argv)
{
	if (argc != 2)
		return bad_usage("%s", "convert needs IN and OUT");
	const char *in = argv[0], *outp = argv[1];
	int to_xml = has_suffix(outp, ".xml");
	if (!to_xml && !has_suffix(outp, ".yaml") && !has_suffix(outp, ".yml"))
		return bad_usage("cannot tell the format of '%s' (use .yaml, .yml or .xml)",
		    outp);
	rg_diag d;
	rg_diag_init(&d, stderr);
	rg_dataset *ds = rg_dataset_new();
	if (load_data(ds, &in, 1, &d) == 0) {
		FILE *f = fopen(outp, "w");
		if (f == NULL) {
			rg_failure(&d, rg_pos_make(outp, 0, 0), "cannot create file");
		} else {
			int rc = to_xml ? rg_data_write_xml(ds, f) : rg_data_write_yaml(ds, f);
			if (fclose(f) != 0 || rc < 0)
				rg_failure(&d, rg_pos_make(outp, 0, 0), "cannot write file");
		}
	}
	rg_dataset_free(ds);
	return rg_diag_status(&d);
}

int
main(int argc, char **argv)
{
	if (argc < 2)
		return bad_usage("%s", "no command given");
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		fputs(usage, stdout);
		return RG_EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0) {
		puts("reportgen " RG_VERSION);
		return RG_EXIT_OK;
	}
	if (strcmp(cmd, "render") == 0)
		return cmd_render(argc - 2, argv + 2);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 2, argv + 2);
	if (strcmp(cmd, "convert") == 0)
		return cmd_convert(argc - 2, argv + 2);
	return bad_usage("unknown command '%s'", cmd);
}
