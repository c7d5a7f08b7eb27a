/* fuzz_theme.c -- a theme file, then a whole document laid out and written
 * in it.  A theme the reader accepts must typeset any document: a value
 * libharu cannot take (a page side, a font size) has to be refused by the
 * theme check at its line, never reach the PDF stage (issue 14: themes with
 * sizes over 600 pt crashed every document of two pages or more).
 *
 * Input: the theme file.  The document is fixed: templates/tour.md against
 * input/songxian-2024.yaml (headings, lists, a figures block, tables of several
 * shapes, a chart, quotations, code; the tour sample), expanded once at
 * start-up.
 * Checks: the theme reader says yes with no error or no with one; an
 * accepted theme lays the document out (or reports why it cannot, e.g. a
 * table that fits no page of that size) and a laid-out document is always
 * written. */
#include <stdint.h>
#include <time.h>

#include "cli/render.h"
#include "data/model.h"
#include "fonts/fontset.h"
#include "fuzz.h"
#include "layout/layout.h"
#include "layout/theme.h"
#include "pdf/pdf.h"
#include "template/template.h"

static rg_dataset *ds;
static rg_fontset *fs;
static rg_doc *doc;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static const char *const files[] = { "input/songxian-2024.yaml" };
	rg_diag d;
	rg_diag_init(&d, stderr);
	ds = fuzz_load_data(files, sizeof files / sizeof *files, &d);
	fs = rg_fontset_load(RG_DATADIR "/fonts/fonts.conf", &d);
	static rg_template *t;
	t = rg_template_load(RG_DATADIR "/templates/tour.md", &d);
	doc = t != NULL ? rg_template_expand(t, ds, NULL, 0, &d) : NULL;
	if (d.errors > 0 || d.failures > 0 || fs == NULL || doc == NULL) {
		fprintf(stderr, "fuzz_theme: cannot load the data, the fonts or tour.md\n");
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rg_diag d;
	rg_diag_init(&d, fuzz_sink());
	const char *path = fuzz_path("theme", ".yaml");
	fuzz_write(path, data, size);
	rg_theme th;
	rg_theme_defaults(&th);
	int rc = rg_theme_load(&th, path, &d);
	FUZZ_CHECK((rc == 0) == (d.errors + d.failures == 0));
	if (rc != 0)
		return 0;
	rg_render_fonts rf = { fs, RG_SCRIPT_HANS };
	rg_metrics m = rg_render_metrics(&rf);
	rg_layout_opts lo = { &th, &m, 1 };
	rg_layout *l = rg_layout_run(doc, &lo, &d);
	FUZZ_CHECK(l != NULL || d.errors + d.failures > 0);
	if (l != NULL) {
		rg_layout_check(l, &th, "fuzz", fuzz_sink());
		rg_pdf_opts po = { fs, "reportgen fuzz", (time_t)0, (int)(size & 1) };
		const char *out = fuzz_path("out", ".pdf");
		FUZZ_CHECK(rg_pdf_write(l, &po, out, &d) >= 0);
		unlink(out);
	}
	rg_layout_free(l);
	return 0;
}
