/* main.c -- the reportgen command line.
 *
 * Parses the arguments of each command and hands over: `render` and
 * `build` to the pipeline in cli/render.c (build through cli/build.c, which
 * runs many renders in one process), `check` and `convert` to the data stage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "cli/build.h"
#include "cli/render.h"
#include "data/model.h"

#ifndef RG_VERSION
#define RG_VERSION "0.1.0"
#endif

static const char usage[] =
"usage: reportgen render -t TEMPLATE.md -d DATA [-d DATA ...] -o OUT.pdf\n"
"                        [-V KEY=VALUE ...] [--dump=data|doc|boxes]\n"
"                        [--theme NAME|FILE] [--fonts FONTS.conf]\n"
"                        [--allow-missing-glyphs] [--check-typesetting]\n"
"                        [--depfile FILE] [--pdfa]\n"
"       reportgen build MANIFEST [-j N] [--shard K/N] [--depfiles]\n"
"                        [--fonts FONTS.conf] [--list]\n"
"       reportgen check DATA...\n"
"       reportgen convert IN OUT\n"
"       reportgen --help | --version\n"
"\n"
"render   expand TEMPLATE with the data files and write a PDF.  -V sets a\n"
"         front matter key (region, period, title, ...) for this run.  --dump prints\n"
"         the output of one stage (data model, document tree or positioned\n"
"         boxes) to standard output instead of, or as well as, writing -o.\n"
"         --check-typesetting measures the layout against TYPESETTING.md\n"
"         (line starts and ends, measure, the 公文 grid) and fails on a violation.\n"
"         --depfile writes a make rule: OUT.pdf depends on the template, the\n"
"         data, the theme, the font configuration and the font files.\n"
"         --pdfa writes PDF/A-1b (XMP metadata, an sRGB output intent).\n"
"build    render every job of a YAML manifest (docs/batch.md) in one process,\n"
"         loading fonts and templates once; -j N workers (0: one per\n"
"         processor), --shard K/N only the K-th of N slices, --depfiles a .d\n"
"         file beside each output, --list the outputs of the slice only.\n"
"check    validate data files (YAML, XML or CSV) without rendering.\n"
"convert  convert a data file to YAML or XML (by OUT's extension); IN may be\n"
"         a CSV export, read with its mapping NAME.csvmap (docs/data-format.md).\n"
"\n"
"Themes: briefing (default) and gongwen (GB/T 9704), in templates/themes/;\n"
"--theme overrides the template's front matter.\n"
"Fonts are configured in fonts/fonts.conf (override with --fonts or the\n"
"REPORTGEN_FONTS environment variable).  SOURCE_DATE_EPOCH, when set, is the\n"
"date written into the PDF.  Exit status: 0 success, 2 bad input or usage,\n"
"1 other failure.\n";

static int
bad_usage(const char *fmt, const char *arg)
{
	fputs("reportgen: error: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n(see reportgen --help)\n", stderr);
	return RG_EXIT_BADINPUT;
}

static int
cmd_render(int argc, char **argv)
{
	rg_job job;
	memset(&job, 0, sizeof job);
	const char *fonts_opt = NULL;
	const char **data = calloc((size_t)argc + 1, sizeof *data);
	const char **vars = calloc((size_t)argc + 1, sizeof *vars);
	size_t ndata = 0, nvars = 0;
	int status = -1;
	for (int i = 0; i < argc && status < 0; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if ((strcmp(a, "-t") == 0 || strcmp(a, "-d") == 0 || strcmp(a, "-o") == 0 ||
		    strcmp(a, "-V") == 0 || strcmp(a, "--fonts") == 0 ||
		    strcmp(a, "--theme") == 0 || strcmp(a, "--depfile") == 0) && next == NULL)
			status = bad_usage("option %s needs an argument", a);
		else if (strcmp(a, "-t") == 0)
			job.tpl = argv[++i];
		else if (strcmp(a, "-d") == 0)
			data[ndata++] = argv[++i];
		else if (strcmp(a, "-o") == 0)
			job.out = argv[++i];
		else if (strcmp(a, "-V") == 0)
			vars[nvars++] = argv[++i];
		else if (strcmp(a, "--fonts") == 0)
			fonts_opt = argv[++i];
		else if (strcmp(a, "--theme") == 0)
			job.theme = argv[++i];
		else if (strcmp(a, "--depfile") == 0)
			job.depfile = argv[++i];
		else if (strncmp(a, "--dump=", 7) == 0)
			job.dump = a + 7;
		else if (strcmp(a, "--allow-missing-glyphs") == 0)
			job.allow_missing_glyphs = 1;
		else if (strcmp(a, "--check-typesetting") == 0)
			job.check_typesetting = 1;
		else if (strcmp(a, "--pdfa") == 0)
			job.pdfa = 1;
		else
			status = bad_usage("unknown argument '%s' for render", a);
	}
	if (status < 0 && (job.tpl == NULL || ndata == 0 || (job.out == NULL && job.dump == NULL)))
		status = bad_usage("%s", "render needs -t TEMPLATE, at least one -d DATA and "
		    "-o OUT.pdf (or --dump)");
	if (status < 0 && job.dump != NULL && strcmp(job.dump, "data") != 0 &&
	    strcmp(job.dump, "doc") != 0 && strcmp(job.dump, "boxes") != 0)
		status = bad_usage("unknown --dump stage '%s' (expected data, doc or boxes)",
		    job.dump);
	if (status < 0 && job.depfile != NULL && job.out == NULL)
		status = bad_usage("%s", "--depfile needs -o OUT.pdf");
	if (status < 0) {
		job.data = data;
		job.ndata = ndata;
		job.vars = vars;
		job.nvars = nvars;
		rg_diag d;
		rg_diag_init(&d, stderr);
		rg_render_env *env = rg_render_env_new(rg_render_fonts_config(fonts_opt),
		    rg_render_build_date());
		rg_render(env, &job, &d);
		rg_render_env_free(env);
		status = rg_diag_status(&d);
	}
	free(data);
	free(vars);
	return status;
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
	if (strcmp(cmd, "build") == 0)
		return rg_cmd_build(argc - 2, argv + 2);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 2, argv + 2);
	if (strcmp(cmd, "convert") == 0)
		return cmd_convert(argc - 2, argv + 2);
	return bad_usage("unknown command '%s'", cmd);
}
