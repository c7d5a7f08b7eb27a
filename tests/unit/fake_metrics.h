/* fake_metrics.h -- fixed glyph metrics for layout tests, so they need no
 * font: every wide character is 1 em, everything else 1/2 em; a face per
 * role; code points from U+20000 on are in no font. */
#ifndef RG_FAKE_METRICS_H
#define RG_FAKE_METRICS_H

#include "layout/linebreak.h"
#include "layout/metrics.h"

static int
fake_lookup(void *ctx, int role, int32_t cp, int *primary)
{
	(void)ctx;
	*primary = 1;
	return cp >= 0x20000 ? -1 : role;
}

static double
fake_advance(void *ctx, int face, int32_t cp)
{
	(void)ctx;
	(void)face;
	return rg_lb_is_wide(cp) ? 1000 : 500;
}

static const char *
fake_family(void *ctx, int face)
{
	(void)ctx;
	(void)face;
	return "Fake";
}

static const rg_metrics fake_metrics = { NULL, fake_lookup, fake_advance, fake_family, NULL };

#endif
