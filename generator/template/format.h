/* format.h -- turning observations into display text.
 *
 * One formatter serves placeholders and directives alike.  Values keep the
 * precision they were written with unless a number of decimals is asked
 * for; growth is written 增长10% / 下降2.3%, the change of a rate
 * 提高0.6个百分点 / 下降0.6个百分点 (TYPESETTING.md).  Numbers are handled
 * as decimal digit strings, so rounding and scaling never pick up binary
 * floating-point noise.  Text values pass through unchanged.  Results are
 * allocated in the given arena.
 */
#ifndef RG_FORMAT_H
#define RG_FORMAT_H

#include "../base/mem.h"
#include "../data/model.h"
#include "words.h"

typedef enum rg_growth_style {
	RG_GROWTH_WORDS,         /* 增长10%, 下降2.3%, 提高0.6个百分点, 持平 */
	RG_GROWTH_ARROWS,        /* ▲10%, ▼2.3%, ▲0.6个百分点 */
	RG_GROWTH_NUMBER         /* 10, -2.3: the unit is in the column header */
} rg_growth_style;

typedef struct rg_numfmt {
	int decimals;            /* digits after the point; -1 keeps the written ones */
	int scale;               /* 0, 4 (万) or 8 (亿): shown in units of 10^scale */
	int thousands;           /* 12,345.6: only for five or more integer digits */
	rg_growth_style growth;
	const rg_words *words;   /* the words of growth and units; NULL: zh-Hans */
} rg_numfmt;

/* As written, unscaled, no separators, growth in words. */
extern const rg_numfmt rg_numfmt_default;

/* The option keys rg_numfmt_option knows, NULL-terminated. */
extern const char *const rg_numfmt_keys[];

/* Set option key (decimals, scale, thousands, growth) from its text.
 * Returns 1 if key is not an option, 0 when set, -1 when value is not
 * valid; then *expected describes the valid values. */
int rg_numfmt_option(rg_numfmt *f, const char *key, const char *value,
    const char **expected);

/* A decimal number ([+-]digits[.digits]) of a quantity in unit (may be
 * NULL) formatted by f (NULL: the default), without the unit; NULL if
 * written is not a decimal number. */
const char *rg_format_number(rg_arena *a, const char *written, const char *unit,
    const rg_numfmt *f);
/* How many decimals written has, or -1 if it is not a decimal number. */
int rg_format_decimals(const char *written);
/* The unit of values formatted by f: 亿元 scaled by 万 is 万亿元, 人 by 万 is
 * 万人; NULL stays NULL when unscaled.  Percentages are never scaled. */
const char *rg_format_unit(rg_arena *a, const char *unit, const rg_numfmt *f);
/* Does f scale values in this unit? */
int rg_format_scales(const char *unit, const rg_numfmt *f);

/* Growth in percent and change in 个百分点, in f's growth style. */
const char *rg_format_growth(rg_arena *a, const char *percent, const rg_numfmt *f);
const char *rg_format_change(rg_arena *a, const char *points, const rg_numfmt *f);
/* The growth of o in f's growth style; in words, a plan's growth (its
 * average annual growth) is 年均增长7.8% / 年均下降1%. */
const char *rg_format_obs_growth(rg_arena *a, const rg_observation *o, const rg_numfmt *f);

/* Value with unit: "542亿元"; a text value is returned unchanged; NULL is
 * "—".  f may be NULL for the default. */
const char *rg_format_value(rg_arena *a, const rg_indicator *ind, const char *value,
    const rg_numfmt *f);
/* "增长10%", "下降2.3%", "提高0.6个百分点" (a plan's growth: "年均增长7.8%");
 * "" when neither is known.
 * f may be NULL for the default. */
const char *rg_format_trend(rg_arena *a, const rg_observation *o, const rg_numfmt *f);
/* "1315.7万人次", "8.1%", or the trend when there is no value. */
const char *rg_format_observation(rg_arena *a, const rg_indicator *ind,
    const rg_observation *o, const rg_numfmt *f);

/* Exact arithmetic on written decimals (results in arena; NULL when an
 * argument is not a decimal number, or for a zero divisor):
 * x - y, with as many decimals as the longer of the two; */
const char *rg_dec_sub(rg_arena *a, const char *x, const char *y);
/* x + y, likewise; */
const char *rg_dec_add(rg_arena *a, const char *x, const char *y);
/* num / den * 100 rounded half away from zero to decimals places (-1: 1); */
const char *rg_dec_percent(rg_arena *a, const char *num, const char *den, int decimals);
/* and the sign of x - y in *out; -1 if either is not a number. */
int rg_dec_cmp(const char *x, const char *y, int *out);

#endif
