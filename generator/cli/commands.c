/* commands.c -- the reportgen command line (see commands.h).
 *
 * Reads the arguments of each command (cli/args.h) and hands over: `render`
 * to the pipeline in cli/render.c, `watch` to cli/watch.c (render again on
 * every change), `build` to cli/build.c (many renders in one process),
 * `check` and `convert` to the data stage.  Every command has its own help
 * (`reportgen help CMD`, `reportgen CMD --help`); man/reportgen.1 says the
 * same at length.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../base/diag.h"
#include "../base/suggest.h"
#include "args.h"
#include "build.h"
#include "commands.h"
#include "install.h"
#include "output.h"
#include "render.h"
#include "watch.h"
#include "../data/model.h"

static const char usage_text[] =
"usage: reportgen COMMAND [OPTION...] [ARG...]\n"
"\n"
"commands:\n"
"  render   expand a template with data files and write a PDF\n"
"  watch    render, then render again whenever an input changes\n"
"  build    render every document of a manifest in one process\n"
"  check    validate data files without rendering\n"
"  convert  convert a data file to YAML or XML (from YAML, XML or CSV)\n"
"  help     show the help of a command\n"
"\n"
"  reportgen help COMMAND, reportgen COMMAND --help: a command's options\n"
"  reportgen --version: the version\n"
"\n"
"Example:\n"
"  reportgen render -t briefing -d songxian-2024.yaml -o songxian-2024.pdf\n"
"\n"
"Exit status: 0 success, 2 bad input or usage, 1 other failure.\n"
"See reportgen(1), reportgen-template(5), reportgen-data(5) and\n"
"reportgen-theme(5).\n";

#define RENDER_OPTIONS \
"  -t TEMPLATE          the Markdown template: a file, or the name of an\n" \
"                       installed one (briefing, comparison, plan, tour)\n" \
"  -d DATA              a data file, YAML, XML or CSV; several are joined by\n" \
"                       region and indicator id\n" \
"  -o OUT.pdf           the PDF to write (written whole, or not at all);\n" \
"                       - writes it to standard output (render only)\n" \
"  -V KEY=VALUE         set a front matter key (region, period, title, ...)\n" \
"  --theme NAME|FILE    briefing, gongwen, or a theme file; overrides the\n" \
"                       template's theme:\n" \
"  --fonts FONTS.conf   the font configuration (else $REPORTGEN_FONTS, else\n" \
"                       the installed fonts/fonts.conf)\n" \
"  --dump=STAGE         print a stage's output as text: data, doc or boxes\n" \
"                       (instead of -o, or as well)\n" \
"  --check-typesetting  measure the layout against the typesetting rules;\n" \
"                       a violation fails the run\n" \
"  --allow-missing-glyphs  a character in no font is a warning, not an error\n" \
"  --depfile FILE       write a make rule: OUT.pdf and the files it depends on\n" \
"  --pdfa               write PDF/A-1b (for archiving)\n" \
"  -h, --help           show this help\n"

static const char render_help[] =
"usage: reportgen render -t TEMPLATE -d DATA [-d DATA...] -o OUT.pdf [OPTION...]\n"
"\n"
"Expand TEMPLATE with the data files and write a PDF.\n"
"\n"
RENDER_OPTIONS
"\n"
"SOURCE_DATE_EPOCH, when set, is the date written into the PDF.\n"
"Exit status: 0 success, 2 bad input or usage, 1 other failure.\n";

static const char watch_help[] =
"usage: reportgen watch -t TEMPLATE -d DATA [-d DATA...] -o OUT.pdf [OPTION...]\n"
"\n"
"Render as render does, then again whenever the template, a data file, the\n"
"theme or the font configuration is saved.  Each render prints its time and\n"
"its messages; an error does not stop watching (the PDF keeps its last good\n"
"version).  Stop with Ctrl-C.\n"
"\n"
"Options: those of render.\n"
RENDER_OPTIONS;

static const char check_help[] =
"usage: reportgen check DATA...\n"
"\n"
"Validate data files (YAML, XML or CSV, see reportgen-data(5)) without rendering;\n"
"several files are checked together, as render joins them.\n"
"\n"
"  -h, --help           show this help\n";

static const char convert_help[] =
"usage: reportgen convert IN OUT\n"
"\n"
"Convert a data file to YAML or XML; OUT's extension (.yaml, .yml or .xml)\n"
"says which.  IN is YAML, XML or a CSV export, read with its mapping\n"
"NAME.csvmap when there is one (reportgen-data(5)).\n"
"\n"
"  -h, --help           show this help\n";

static const char help_help[] =
"usage: reportgen help [COMMAND]\n"
"\n"
"Show the list of commands, or the help of COMMAND.\n";

/* ---- render and watch ------------------------------------------------- */

enum { R_T, R_D, R_O, R_V, R_THEME, R_FONTS, R_DUMP, R_DEPFILE, R_ALLOW, R_CHECK, R_PDFA,
	R_H, R_HELP };
static const rg_opt render_opts[] = {
	{ "-t", 1 }, { "-d", 1 }, { "-o", 1 }, { "-V", 1 }, { "--theme", 1 },
	{ "--fonts", 1 }, { "--dump", 1 }, { "--depfile", 1 },
	{ "--allow-missing-glyphs", 0 }, { "--check-typesetting", 0 }, { "--pdfa", 0 },
	{ "-h", 0 }, { "--help", 0 }, { NULL, 0 }
};

/* -t NAME, when no file NAME exists and NAME is a plain name (no slash, no
 * .md): the installed template NAME.md, also when it is missing, so that the
 * message names the place looked in. */
static const char *
find_template(const char *name, char *buf, size_t size)
{
	size_t n = strlen(name);
	if (strchr(name, '/') != NULL || (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
	    access(name, F_OK) == 0)
		return name;
	snprintf(buf, size, "%s/templates/%s.md", rg_datadir(), name);
	return buf;
}

static int
cmd_render_or_watch(const char *cmd, const char *help, int argc, char **argv)
{
	rg_job job;
	memset(&job, 0, sizeof job);
	const char *fonts_opt = NULL;
	const char **data = calloc((size_t)argc + 1, sizeof *data);
	const char **vars = calloc((size_t)argc + 1, sizeof *vars);
	char tpl_buf[4200];
	size_t ndata = 0, nvars = 0;
	int status = -1;
	rg_args a = { cmd, render_opts, argc, argv, 0, 0 };
	const char *v;
	int k;
	while (status < 0 && (k = rg_args_next(&a, &v)) != RG_ARGS_END) {
		switch (k) {
		case R_T: job.tpl = find_template(v, tpl_buf, sizeof tpl_buf); break;
		case R_D: data[ndata++] = v; break;
		case R_O: job.out = v; break;
		case R_V: vars[nvars++] = v; break;
		case R_THEME: job.theme = v; break;
		case R_FONTS: fonts_opt = v; break;
		case R_DUMP: job.dump = v; break;
		case R_DEPFILE: job.depfile = v; break;
		case R_ALLOW: job.allow_missing_glyphs = 1; break;
		case R_CHECK: job.check_typesetting = 1; break;
		case R_PDFA: job.pdfa = 1; break;
		case R_H: case R_HELP: fputs(help, stdout); status = RG_EXIT_OK; break;
		case RG_ARGS_OPERAND:
			status = rg_usage_error(cmd, "unexpected argument '%s' for %s (a data "
			    "file is given with -d)", v, cmd);
			break;
		default: status = RG_EXIT_BADINPUT; break;
		}
	}
	if (status < 0 && (job.tpl == NULL || ndata == 0 || (job.out == NULL && job.dump == NULL)))
		status = rg_usage_error(cmd, "%s needs -t TEMPLATE, at least one -d DATA and "
		    "-o OUT.pdf (or --dump)", cmd);
	if (status < 0 && job.dump != NULL && strcmp(job.dump, "data") != 0 &&
	    strcmp(job.dump, "doc") != 0 && strcmp(job.dump, "boxes") != 0)
		status = rg_usage_error(cmd, "unknown --dump stage '%s' (expected data, doc or "
		    "boxes)", job.dump);
	if (status < 0 && job.depfile != NULL && job.out == NULL)
		status = rg_usage_error(cmd, "%s", "--depfile needs -o OUT.pdf");
	/* -o -: the PDF on standard output, which then holds nothing else */
	int to_stdout = job.out != NULL && strcmp(job.out, "-") == 0;
	if (status < 0 && to_stdout && strcmp(cmd, "watch") == 0)
		status = rg_usage_error(cmd, "%s", "watch rewrites a file: -o - (standard "
		    "output) is for render");
	if (status < 0 && to_stdout && job.depfile != NULL)
		status = rg_usage_error(cmd, "%s", "--depfile needs -o OUT.pdf, a file: with "
		    "-o - there is no target to name");
	if (status < 0 && to_stdout && job.dump != NULL)
		status = rg_usage_error(cmd, "%s", "--dump prints to standard output, where "
		    "-o - writes the PDF: give -o a file");
	if (status < 0) {
		job.data = data;
		job.ndata = ndata;
		job.vars = vars;
		job.nvars = nvars;
		if (strcmp(cmd, "watch") == 0) {
			status = rg_watch(&job, rg_render_fonts_config(fonts_opt));
		} else {
			rg_diag d;
			rg_diag_init(&d, stderr);
			rg_render_env *env = rg_render_env_new(rg_render_fonts_config(fonts_opt),
			    rg_render_build_date());
			rg_render(env, &job, &d);
			rg_render_env_free(env);
			status = rg_diag_status(&d);
		}
	}
	free(data);
	free(vars);
	return status;
}

static int
cmd_render(int argc, char **argv)
{
	return cmd_render_or_watch("render", render_help, argc, argv);
}

static int
cmd_watch(int argc, char **argv)
{
	return cmd_render_or_watch("watch", watch_help, argc, argv);
}

/* ---- check and convert ------------------------------------------------ */

static const rg_opt help_opts[] = { { "-h", 0 }, { "--help", 0 }, { NULL, 0 } };

/* The operands of a command that has no options but -h/--help, into ops
 * (room for argc).  Returns -1 to go on, else the exit status. */
static int
operands(const char *cmd, const char *help, int argc, char **argv, char **ops, int *nops)
{
	rg_args a = { cmd, help_opts, argc, argv, 0, 0 };
	const char *v;
	int k;
	*nops = 0;
	while ((k = rg_args_next(&a, &v)) != RG_ARGS_END) {
		if (k == RG_ARGS_OPERAND) {
			ops[(*nops)++] = (char *)v;
		} else if (k >= 0) {
			fputs(help, stdout);
			return RG_EXIT_OK;
		} else {
			return RG_EXIT_BADINPUT;
		}
	}
	return -1;
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
	char **files = calloc((size_t)argc + 1, sizeof *files);
	int n;
	int status = operands("check", check_help, argc, argv, files, &n);
	if (status < 0 && n == 0)
		status = rg_usage_error("check", "%s", "check needs at least one data file");
	if (status < 0) {
		rg_diag d;
		rg_diag_init(&d, stderr);
		rg_dataset *ds = rg_dataset_new();
		load_data(ds, (const char **)files, n, &d);
		rg_dataset_free(ds);
		status = rg_diag_status(&d);
	}
	free(files);
	return status;
}

/* in any case, as data files are read (out.YML, as well as in.YAML) */
static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static int
convert(const char *in, const char *outp)
{
	int to_xml = has_suffix(outp, ".xml");
	if (!to_xml && !has_suffix(outp, ".yaml") && !has_suffix(outp, ".yml"))
		return rg_usage_error("convert", "cannot tell the format of '%s' (use .yaml, "
		    ".yml or .xml)", outp);
	rg_diag d;
	rg_diag_init(&d, stderr);
	rg_dataset *ds = rg_dataset_new();
	/* written whole, never over the input nor as anything but a regular
	 * file (cli/output.h) */
	char *path = rg_output_path(outp, "output", &in, 1, &d);
	if (path != NULL && load_data(ds, &in, 1, &d) == 0) {
		char *text = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&text, &len);
		int rc = f == NULL ? -1 : to_xml ? rg_data_write_xml(ds, f) : rg_data_write_yaml(ds, f);
		if (f == NULL || fclose(f) != 0 || rc < 0)
			rg_msg(&d, RG_M_WRITE_FAILED, rg_pos_make(outp, 0, 0), "cannot write file");
		else
			rg_output_write(path, text, len, &d);
		free(text);
	}
	free(path);
	rg_dataset_free(ds);
	return rg_diag_status(&d);
}

static int
cmd_convert(int argc, char **argv)
{
	char **files = calloc((size_t)argc + 1, sizeof *files);
	int n;
	int status = operands("convert", convert_help, argc, argv, files, &n);
	if (status < 0 && n != 2)
		status = rg_usage_error("convert", "%s", "convert needs IN and OUT");
	if (status < 0)
		status = convert(files[0], files[1]);
	free(files);
	return status;
}

/* ---- the commands ----------------------------------------------------- */

static int cmd_help(int argc, char **argv);

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;
} command;

static const command commands[] = {
	{ "render", cmd_render, render_help },
	{ "watch", cmd_watch, watch_help },
	{ "build", rg_cmd_build, rg_build_help },
	{ "check", cmd_check, check_help },
	{ "convert", cmd_convert, convert_help },
	{ "help", cmd_help, help_help },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int
unknown_command(const char *name)
{
	const char *names[NCOMMANDS];
	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	const char *near = rg_nearest_word(name, names, NCOMMANDS);
	if (near != NULL)
		return rg_usage_error(NULL, "unknown command '%s'; did you mean '%s'?", name, near);
	return rg_usage_error(NULL, "unknown command '%s'", name);
}

static int
cmd_help(int argc, char **argv)
{
	if (argc == 0) {
		fputs(usage_text, stdout);
		return RG_EXIT_OK;
	}
	if (argc > 1)
		return rg_usage_error("help", "%s", "help takes one command");
	if (strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "--help") == 0) {
		fputs(help_help, stdout);
		return RG_EXIT_OK;
	}
	const command *c = find_command(argv[0]);
	if (c == NULL)
		return unknown_command(argv[0]);
	fputs(c->help, stdout);
	return RG_EXIT_OK;
}

int
rg_cli_main(int argc, char **argv)
{
	if (argc < 2)
		return rg_usage_error(NULL, "%s", "no command given");
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
		return cmd_help(0, NULL);
	if (strcmp(cmd, "--version") == 0) {
		printf("reportgen %s\n", rg_version);
		return RG_EXIT_OK;
	}
	const command *c = find_command(cmd);
	if (c == NULL) {
		if (cmd[0] == '-') {
			static const char *const top[] = { "--help", "--version" };
			const char *near = rg_nearest_word(cmd, top, 2);
			if (near != NULL)
				return rg_usage_error(NULL, "unknown option '%s'; did you mean "
				    "'%s'?", cmd, near);
			return rg_usage_error(NULL, "unknown option '%s' (a command comes first)",
			    cmd);
		}
		return unknown_command(cmd);
	}
	return c->run(argc - 2, argv + 2);
}
