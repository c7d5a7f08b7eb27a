/* metrics.h -- how layout measures text, without knowing about font files.
 *
 * The layout stage asks two questions: which face draws code point cp in a
 * role (with fallback), and how wide it is.  main.c answers them from the
 * fontset; unit tests answer them with fixed widths (Han 1 em, Latin 0.5 em),
 * so layout can be tested with no font installed.
 */
#ifndef RG_METRICS_H
#define RG_METRICS_H

#include <stdint.h>

typedef struct rg_metrics {
	void *ctx;
	/* Face for cp in role (flow.h: song, hei, kai, mono, fang, biaosong, with
	 * RG_FONT_BOLD for its bold), or -1 if no face has it; *primary tells
	 * whether it is the first face of the role's chain. */
	int (*lookup)(void *ctx, int role, int32_t cp, int *primary);
	/* Advance of cp in face, in 1/1000 em. */
	double (*advance)(void *ctx, int face, int32_t cp);
	/* Family name of a face, for messages. */
	const char *(*family)(void *ctx, int face);
	/* Where the ink of cp's glyph in face lies across its advance, from
	 * *x0 to *x1 in 1/1000 em: 0, or -1 when not known.  NULL: not known
	 * (full-width punctuation is then taken to be mainland style). */
	int (*ink)(void *ctx, int face, int32_t cp, double *x0, double *x1);
} rg_metrics;

#endif
