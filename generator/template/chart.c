/* chart.c -- the ```chart directive: grouped bar and line charts.
 *
 * The categories along the x axis and the series are two of regions,
 * indicators and periods (grid.h); the third holds one value.  All values
 * of a chart share one unit, so a chart of indicators in different units is
 * an error: draw one chart per unit.  Missing and text values are left out
 * (NAN).  The layout stage draws the RG_BLOCK_CHART (layout/chart.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"

static const char *const chart_keys[] = {
	"type", "regions", "indicators", "periods", "kind", "x", "series", "show",
	"title", "labels", "decimals", "scale", "from", "share_of", "order", NULL
};
static const char *const chart_numfmt_keys[] = { "decimals", "scale", NULL };
static const char *const type_names[] = { "bar", "line", NULL };

/* The unit every value shares, or an error at the indicators. */
static int
chart_unit(rg_dctx *x, const rg_grid *g, int show, const char **unit)
{
	if (show == RG_SHOW_GROWTH) {
		*unit = "%";
		return 0;
	}
	if (show == RG_SHOW_CHANGE) {
		*unit = rg_word_of(x->words, RG_W_POINTS);
		return 0;
	}
	if (show == RG_SHOW_COMPLETION || show == RG_SHOW_SHARE) {
		*unit = "%";
		return 0;
	}
	if (show == RG_SHOW_RANK) {
		*unit = rg_word_of(x->words, RG_W_RANK);
		return 0;
	}
	const rg_indicator *first = rg_dataset_indicator(x->ds, g->keys[RG_DIM_INDICATORS][0].id);
	for (size_t i = 1; i < g->nkeys[RG_DIM_INDICATORS]; i++) {
		const rg_indicator *ind = rg_dataset_indicator(x->ds,
		    g->keys[RG_DIM_INDICATORS][i].id);
		const char *a = first->unit ? first->unit : "", *b = ind->unit ? ind->unit : "";
		if (strcmp(a, b) != 0) {
			rg_msg(x->d, RG_M_MIXED_UNITS, g->keys[RG_DIM_INDICATORS][i].pos,
			    "chart mixes units: %s is "
			    "in %s, %s in %s (draw one chart per unit)", first->id,
			    *a ? a : "no unit", ind->id, *b ? b : "no unit");
			return -1;
		}
	}
	*unit = rg_format_unit(x->doc->arena, first->unit, &g->fmt);
	if (show == RG_SHOW_DIFF && first->unit != NULL && strcmp(first->unit, "%") == 0)
		*unit = rg_word_of(x->words, RG_W_POINTS);
	return 0;
}

/* A chart of large values without scale: drawn in 万 or 亿 of its unit
 * (亿 from 10^8, else 万 from 10^5: 1500 亿元, not 150000000000 元), as
 * statistical charts are, the labels then to one number of decimals, two
 * at most, unless decimals says; scale: none keeps the numbers.  Returns 1 when g.fmt was
 * scaled. */
static int
auto_scale(rg_dctx *x, rg_grid *g, rg_compute *k, int show)
{
	if (rg_spec_get(x->spec, "scale") != NULL ||
	    (show != RG_SHOW_VALUE && show != RG_SHOW_DIFF))
		return 0;
	size_t nx = rg_grid_count(g, 0), ns = rg_grid_count(g, 1);
	double most = 0;
	const char *unit = NULL;
	for (size_t s = 0; s < ns; s++)
		for (size_t i = 0; i < nx; i++) {
			const char *v = rg_grid_field(g, x, k, i, s, show);
			const char *num = v != NULL ? rg_format_number(x->doc->arena, v, NULL, NULL) :
			    NULL;
			if (num == NULL)
				continue;
			unit = rg_grid_indicator(g, i, s)->unit;
			if (fabs(strtod(num, NULL)) > most)
				most = fabs(strtod(num, NULL));
		}
	if (most < 1e5)
		return 0;
	rg_numfmt f = g->fmt;
	for (f.scale = most >= 1e8 ? 8 : 4; f.scale > 0; f.scale -= 4)
		if (rg_format_scales(unit, &f))
			break;
	if (f.scale == 0)
		return 0;
	g->fmt.scale = f.scale;
	if (rg_spec_get(x->spec, "decimals") != NULL)
		return 1;
	/* the labels: all to the most decimals one has scaled, two at most
	 * (41.20 beside 53.21, 12.35 for 12.34567) */
	int most_dec = 0;
	for (size_t s = 0; s < ns; s++)
		for (size_t i = 0; i < nx; i++) {
			const char *v = rg_grid_field(g, x, k, i, s, show);
			const char *num = v != NULL ? rg_format_number(x->doc->arena, v,
			    rg_grid_indicator(g, i, s)->unit, &g->fmt) : NULL;
			int d = num != NULL ? rg_format_decimals(num) : 0;
			if (d > most_dec)
				most_dec = d;
		}
	if (most_dec > 0)
		g->fmt.decimals = most_dec > 2 ? 2 : most_dec;
	return 1;
}

int
rg_chart_expand(rg_dctx *x)
{
	static const char *const along_keys[2] = { "x", "series" };
	int rc = 0;
	int type = rg_spec_choice(x->spec, "type", type_names, 0, x->d);
	if (type < 0)
		rc = -1;
	rg_dim dflt[2] = { type == 1 ? RG_DIM_PERIODS : RG_DIM_REGIONS, RG_DIM_INDICATORS };
	rg_grid g;
	if (rg_grid_read(&g, x, along_keys, dflt) < 0)
		rc = -1;
	if (rg_dctx_numfmt(x, &g.fmt, chart_numfmt_keys) < 0)
		rc = -1;
	int show = rg_spec_choice(x->spec, "show", rg_show_names, RG_SHOW_VALUE, x->d);
	int labels = rg_spec_bool(x->spec, "labels", 0, x->d);
	const char *title = rg_spec_scalar(x->spec, "title", x->d);
	if (show < 0 || labels < 0 || (title == NULL && rg_spec_get(x->spec, "title") != NULL))
		rc = -1;
	rg_compute k;
	if (rg_dctx_compute(x, &k) < 0)
		rc = -1;
	static const char *const order_names[] = { "desc", "asc", NULL };
	if ((k.asc = rg_spec_choice(x->spec, "order", order_names, 0, x->d)) < 0)
		rc = -1;
	if (rg_dctx_check_keys(x, "chart", chart_keys) < 0)
		rc = -1;
	const char *unit = NULL;
	if (rc == 0 && rg_grid_none(&g, x))
		return 0;
	if (rc < 0 || chart_unit(x, &g, show, &unit) < 0 ||
	    (show == RG_SHOW_SHARE && rg_grid_check_share(&g, x, &k) < 0))
		return -1;

	if (auto_scale(x, &g, &k, show) && chart_unit(x, &g, show, &unit) < 0)
		return -1;
	if (show == RG_SHOW_VALUE || show == RG_SHOW_DIFF)
		rg_grid_check_scale(&g, x);

	rg_arena *a = x->doc->arena;
	rg_block *b = rg_doc_block_new(x->doc, x->parent, RG_BLOCK_CHART, x->fence);
	rg_chart *ch = b->chart = rg_arena_alloc(a, sizeof *ch);
	ch->kind = type == 1 ? RG_CHART_LINE : RG_CHART_BAR;
	ch->title = title;
	ch->unit = unit;
	ch->value_labels = labels;
	ch->ncategories = rg_grid_count(&g, 0);
	ch->categories = rg_arena_alloc(a, ch->ncategories * sizeof *ch->categories);
	for (size_t i = 0; i < ch->ncategories; i++)
		ch->categories[i] = rg_grid_key(&g, 0, i)->label;
	ch->nseries = rg_grid_count(&g, 1);
	if (ch->nseries > RG_CHART_MAX_SERIES)
		rg_msg(x->d, RG_M_CHART_SERIES, rg_grid_key(&g, 1, RG_CHART_MAX_SERIES)->pos,
		    "chart has %zu series, but only %d look different: from '%s' on, series look "
		    "like the first ones (draw fewer series, or several charts)", ch->nseries,
		    RG_CHART_MAX_SERIES, rg_grid_key(&g, 1, RG_CHART_MAX_SERIES)->label);
	ch->series = rg_arena_alloc(a, ch->nseries * sizeof *ch->series);
	size_t numbers = 0;
	rg_numfmt exact_fmt = g.fmt;
	exact_fmt.decimals = -1;
	exact_fmt.thousands = 0;
	for (size_t s = 0; s < ch->nseries; s++) {
		rg_series *se = &ch->series[s];
		se->name = rg_grid_key(&g, 1, s)->label;
		se->values = rg_arena_alloc(a, ch->ncategories * sizeof *se->values);
		se->labels = rg_arena_alloc(a, ch->ncategories * sizeof *se->labels);
		for (size_t i = 0; i < ch->ncategories; i++) {
			const char *v = rg_grid_field(&g, x, &k, i, s, show);
			const char *unit = show == RG_SHOW_VALUE || show == RG_SHOW_DIFF ?
			    rg_grid_indicator(&g, i, s)->unit : "%";
			const char *num = v != NULL ? rg_format_number(a, v, unit, &g.fmt) : NULL;
			/* drawn at the value scaled but not rounded: decimals
			 * are for the labels only */
			const char *exact = num != NULL ? rg_format_number(a, v, unit, &exact_fmt) :
			    NULL;
			se->values[i] = exact != NULL ? strtod(exact, NULL) : NAN;
			se->labels[i] = num;
			if (num != NULL)
				numbers++;
			else if (v != NULL)
				rg_msg(x->d, RG_M_CHART_NOT_NUMBER, x->fence,
				    "%s of %s for %s is '%s', not a number; "
				    "left out of the chart", rg_show_names[show], se->name,
				    ch->categories[i], v);
		}
	}
	if (numbers == 0) {
		rg_msg(x->d, RG_M_CHART_EMPTY, x->fence, "chart has no numbers to draw");
		return -1;
	}
	return 0;
}
