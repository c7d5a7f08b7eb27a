/* fuzz_config.c -- the three configuration readers: the batch manifest
 * (generator/cli/manifest.c), a theme file (generator/layout/theme.c) and
 * the font configuration (generator/fonts/fontset.c).
 *
 * Input: byte 0 picks the reader (its value modulo 3: 0 manifest, 1 theme,
 * 2 fonts.conf); the rest is the file.  A manifest is read from a scratch
 * directory of its own, so that its relative paths and patterns look
 * there.  Checks: a reader that says yes leaves a usable result (jobs with
 * a template and an output; a theme whose sizes are above 0; a font set
 * with faces), one that says no has reported an error. */
#include <stdint.h>

#include "cli/manifest.h"
#include "fonts/fontset.h"
#include "fuzz.h"
#include "layout/theme.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	rg_diag d;
	rg_diag_init(&d, fuzz_sink());
	switch (data[0] % 3) {
	case 0: {
		const char *path = fuzz_path("manifest", ".yaml");
		fuzz_write(path, data + 1, size - 1);
		rg_manifest m;
		int rc = rg_manifest_load(&m, path, &d);
		FUZZ_CHECK(rc == 0 || d.errors + d.failures > 0);
		if (rc == 0)
			for (size_t i = 0; i < m.njobs; i++)
				FUZZ_CHECK(m.jobs[i].tpl != NULL && m.jobs[i].out != NULL);
		else
			FUZZ_CHECK(m.njobs == 0);
		rg_manifest_free(&m);
		break;
	}
	case 1: {
		const char *path = fuzz_path("theme", ".yaml");
		fuzz_write(path, data + 1, size - 1);
		rg_theme th;
		rg_theme_defaults(&th);
		int rc = rg_theme_load(&th, path, &d);
		FUZZ_CHECK(rc == 0 || d.errors + d.failures > 0);
		if (rc == 0)
			FUZZ_CHECK(th.body_size > 0 && th.table_size > 0 && th.page_w > 0 && th.page_h > 0);
		break;
	}
	default: {
		const char *path = fuzz_path("fonts", ".conf");
		fuzz_write(path, data + 1, size - 1);
		rg_fontset *fs = rg_fontset_load(path, &d);
		FUZZ_CHECK(fs != NULL || d.errors + d.failures > 0);
		if (fs != NULL) {
			FUZZ_CHECK(rg_fontset_count(fs) > 0);
			rg_fontset_free(fs);
		}
		break;
	}
	}
	return 0;
}
