/* fuzz_template.c -- a template from end to end: front matter, cmark,
 * placeholders and directives (figures, table, chart) expanded against the
 * data of input/, layout with the configured fonts, and the PDF written to
 * a scratch file.  Missing glyphs are warnings here (as with
 * --allow-missing-glyphs), so that any input can reach layout and PDF. */
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
static rg_theme themes[2];       /* briefing, gongwen */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static const char *const files[] = {
		"input/songxian-2024.yaml", "input/songxian-mengjin-2024.xml",
		"input/yichuan-2024.xml", "input/luoyang-five-2024.yaml",
		"input/songxian-plan14.yaml",
	};
	rg_diag d;
	rg_diag_init(&d, stderr);
	ds = fuzz_load_data(files, sizeof files / sizeof *files, &d);
	fs = rg_fontset_load(RG_DATADIR "/fonts/fonts.conf", &d);
	static const char *const theme_files[2] = {
		RG_DATADIR "/templates/themes/briefing.yaml",
		RG_DATADIR "/templates/themes/gongwen.yaml",
	};
	for (int i = 0; i < 2; i++) {
		rg_theme_defaults(&themes[i]);
		rg_theme_load(&themes[i], theme_files[i], &d);
	}
	if (d.errors > 0 || d.failures > 0 || fs == NULL) {
		fprintf(stderr, "fuzz_template: cannot load the data of input/ or the fonts\n");
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rg_diag d;
	rg_diag_init(&d, fuzz_sink());
	rg_template *t = rg_template_parse("fuzz.md", (const char *)data, size, &d);
	rg_doc *doc = t != NULL ? rg_template_expand(t, ds, NULL, 0, &d) : NULL;
	rg_layout *l = NULL;
	if (doc != NULL) {
		rg_doc_dump(doc, fuzz_sink());
		rg_render_fonts rf = { fs, RG_SCRIPT_HANS };
		rg_metrics m = rg_render_metrics(&rf);
		/* the template's theme, when it names gongwen; else briefing */
		const rg_theme *th = &themes[doc->meta.theme != NULL &&
		    strcmp(doc->meta.theme, "gongwen") == 0];
		rg_layout_opts lo = { th, &m, 1, 0 };
		l = rg_layout_run(doc, &lo, &d);
		if (l != NULL)
			rg_layout_check(l, th, "fuzz", fuzz_sink());
	}
	if (l != NULL) {
		rg_layout_dump(l, fuzz_sink());
		/* every other input as PDF/A (XMP from hostile titles) */
		rg_pdf_opts po = { fs, "reportgen fuzz", (time_t)0, (int)(size & 1) };
		const char *out = fuzz_path("out", ".pdf");
		if (rg_pdf_write(l, &po, out, &d) < 0) {
			/* a layout that was made is always written */
			fprintf(stderr, "fuzz_template: the PDF of a laid out document failed\n");
			abort();
		}
		unlink(out);
	}
	rg_layout_free(l);
	rg_doc_free(doc);
	rg_template_free(t);
	return 0;
}
