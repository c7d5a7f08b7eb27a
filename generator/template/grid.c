/* grid.c -- see grid.h */
#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/suggest.h"
#include "format.h"
#include "template.h"

const char *const rg_dim_names[] = { "regions", "indicators", "periods", NULL };

const char *const rg_show_names[] = { "value", "growth", "change", "diff", "completion",
	"share", "rank", NULL };

/* in rg_obs_kind order */
static const char *const kind_names[] = {
	"actual", "target", "base", "plan", "estimate", NULL
};

/* Value i of e is not a known `thing`: say so, with the nearest of
 * known[0..n) (or hint, when the caller knows better). */
static void
unknown(rg_dctx *x, const rg_spec_entry *e, size_t i, const char *thing,
    const char *const *known, size_t n, const char *hint)
{
	if (hint == NULL)
		hint = rg_nearest_word(e->values[i], known, n);
	if (hint != NULL)
		rg_msg(x->d, RG_M_UNKNOWN_REFERENCE, e->value_pos[i],
		    "unknown %s '%s' in %s (did you mean '%s'?)",
		    thing, e->values[i], x->what, hint);
	else
		rg_msg(x->d, RG_M_UNKNOWN_REFERENCE, e->value_pos[i],
		    "unknown %s '%s' in %s", thing, e->values[i],
		    x->what);
}

const rg_indicator *
rg_dctx_indicator(rg_dctx *x, const rg_spec_entry *e, size_t i)
{
	const rg_indicator *ind = rg_dataset_indicator(x->ds, e->values[i]);
	if (ind != NULL)
		return ind;
	const char **ids = rg_xcalloc(x->ds->nindicators + 1, sizeof *ids);
	const char *by_name = NULL;
	for (size_t k = 0; k < x->ds->nindicators; k++) {
		ids[k] = x->ds->indicators[k].id;
		if (by_name == NULL && strcmp(x->ds->indicators[k].name, e->values[i]) == 0)
			by_name = ids[k];
	}
	unknown(x, e, i, "indicator", ids, x->ds->nindicators, by_name);
	free(ids);
	return NULL;
}

const rg_region *
rg_dctx_region(rg_dctx *x, const rg_spec_entry *e, size_t i)
{
	const rg_region *r = rg_dataset_region(x->ds, e->values[i]);
	if (r != NULL)
		return r;
	const char **ids = rg_xcalloc(x->ds->nregions + 1, sizeof *ids);
	for (size_t k = 0; k < x->ds->nregions; k++)
		ids[k] = x->ds->regions[k].id;
	unknown(x, e, i, "region", ids, x->ds->nregions, NULL);
	free(ids);
	return NULL;
}

const char *
rg_dctx_period(rg_dctx *x, const rg_spec_entry *e, size_t i)
{
	/* the periods for the message only when not found (collecting them
	 * for every lookup made a chart of 20,000 periods take hours) */
	if (rg_dataset_has_period(x->ds, e->values[i]))
		return e->values[i];
	const char **seen = NULL;
	size_t n = 0, cap = 0;
	for (size_t k = 0; k < x->ds->nobservations; k++) {
		const char *p = x->ds->observations[k].period;
		if (p == NULL)
			continue;
		size_t j = 0;
		while (j < n && strcmp(seen[j], p) != 0)
			j++;
		if (j == n)
			*RG_PUSH(seen, n, cap) = p;
	}
	unknown(x, e, i, "period", seen, n, NULL);
	free(seen);
	return NULL;
}

int
rg_dctx_kinds(rg_dctx *x, const char *key, int dflt, int *kinds)
{
	const rg_spec_entry *e = rg_spec_get(x->spec, key);
	if (e == NULL) {
		kinds[0] = dflt;
		return 1;
	}
	if (e->nvalues > RG_OBS__COUNT) {
		rg_msg(x->d, RG_M_KEY_VALUE, e->key_pos,
		    "%s lists %zu kinds; there are only %d", key,
		    e->nvalues, RG_OBS__COUNT);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < e->nvalues; i++)
		if ((kinds[i] = rg_spec_choice_at(e, i, kind_names, x->d)) < 0)
			rc = -1;
	return rc < 0 ? -1 : (int)e->nvalues;
}

int
rg_dctx_numfmt(rg_dctx *x, rg_numfmt *f, const char *const *keys)
{
	int rc = 0;
	for (size_t i = 0; keys[i] != NULL; i++) {
		const char *v = rg_spec_scalar(x->spec, keys[i], x->d);
		const char *expected;
		if (v == NULL) {
			if (rg_spec_get(x->spec, keys[i]) != NULL)
				rc = -1;
			continue;
		}
		if (rg_numfmt_option(f, keys[i], v, &expected) < 0) {
			rg_msg(x->d, RG_M_KEY_VALUE, rg_spec_get(x->spec, keys[i])->value_pos[0],
			    "'%s' is not a valid value of %s (expected %s)", v, keys[i], expected);
			rc = -1;
		}
	}
	return rc;
}

void
rg_dctx_check_scale(rg_dctx *x, const rg_numfmt *f, const rg_indicator *ind)
{
	const rg_spec_entry *e = rg_spec_get(x->spec, "scale");
	if (f->scale == 0 || e == NULL || e->nvalues == 0 || ind == NULL || ind->unit == NULL ||
	    strcmp(ind->unit, "%") == 0 || strcmp(ind->unit, "‰") == 0 ||
	    rg_format_scales(ind->unit, f))
		return;
	rg_numfmt wan = *f;
	wan.scale = 4;
	const char *hint = rg_format_scales(ind->unit, &wan) ?
	    rg_format_unit(x->doc->arena, ind->unit, &wan) : NULL;
	rg_msg(x->d, RG_M_SCALE_UNIT, e->value_pos[0],
	    "scale: %s leaves %s in %s as it is: scaled, its unit would be past 万亿 "
	    "(%s%s%sleave out scale)", e->values[0], ind->id, ind->unit,
	    hint != NULL ? "scale: 万 gives " : "", hint != NULL ? hint : "", hint != NULL ? ", or " : "");
}

void
rg_grid_check_scale(const rg_grid *g, rg_dctx *x)
{
	for (size_t i = 0; i < g->nkeys[RG_DIM_INDICATORS]; i++)
		rg_dctx_check_scale(x, &g->fmt,
		    rg_dataset_indicator(x->ds, g->keys[RG_DIM_INDICATORS][i].id));
}

int
rg_dctx_check_keys(rg_dctx *x, const char *what, const char *const *known)
{
	for (size_t i = 0; known[i] != NULL; i++)
		rg_spec_get(x->spec, known[i]);
	return rg_spec_check_unused(x->spec, what, known, x->d);
}

const char *
rg_period_label(rg_arena *a, const char *period)
{
	if (*period == '\0' || period[strspn(period, "0123456789")] != '\0')
		return period;
	rg_buf b = { 0 };
	rg_buf_printf(&b, "%s年", period);
	const char *s = rg_arena_strdup(a, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return s;
}

const char *
rg_obs_field(const rg_observation *o, int show)
{
	if (o == NULL)
		return NULL;
	return show == RG_SHOW_VALUE ? o->value : show == RG_SHOW_GROWTH ? o->growth :
	    show == RG_SHOW_CHANGE ? o->change : NULL;
}

/* ---- the grid --------------------------------------------------------- */

static void
set_key(rg_key *k, const char *id, const char *label, rg_pos pos)
{
	k->id = id;
	k->label = label;
	k->pos = pos;
}

/* The keys of one dimension, in the document's arena: the values listed
 * under its name, or the template's default region or period. */
static int
read_keys(rg_grid *g, rg_dctx *x, rg_dim dim)
{
	const rg_spec_entry *e = rg_spec_get(x->spec, rg_dim_names[dim]);
	g->keys[dim] = rg_arena_alloc(x->doc->arena,
	    (e != NULL && e->nvalues > 0 ? e->nvalues : 1) * sizeof *g->keys[dim]);
	if (e == NULL) {
		const char *dflt = dim == RG_DIM_REGIONS ? x->region :
		    dim == RG_DIM_PERIODS ? x->period : NULL;
		const rg_region *r = dflt != NULL && dim == RG_DIM_REGIONS ?
		    rg_dataset_region(x->ds, dflt) : NULL;
		if (dflt == NULL || (dim == RG_DIM_REGIONS && r == NULL)) {
			rg_msg(x->d, RG_M_DIRECTIVE_INCOMPLETE, x->fence,
			    "%s needs %s: there is no default", x->what,
			    rg_dim_names[dim]);
			return -1;
		}
		set_key(&g->keys[dim][g->nkeys[dim]++], dflt, r != NULL ? r->name :
		    rg_period_label(x->doc->arena, dflt), x->fence);
		return 0;
	}
	if (e->nvalues == 0) {
		rg_msg(x->d, RG_M_KEY_VALUE, e->key_pos, "%s lists no values", rg_dim_names[dim]);
		return -1;
	}
	if (e->nvalues > RG_TABLE_MAX_ROWS) {
		/* before the table is made: it would be refused, after taking
		 * the memory of all its rows */
		rg_msg(x->d, RG_M_LIMIT, e->key_pos, "%s lists %zu values: the limit is %d",
		    rg_dim_names[dim], e->nvalues, RG_TABLE_MAX_ROWS);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < e->nvalues; i++) {
		const char *id = NULL, *label = NULL;
		if (dim == RG_DIM_REGIONS) {
			const rg_region *r = rg_dctx_region(x, e, i);
			if (r != NULL) {
				id = r->id;
				label = r->name;
			}
		} else if (dim == RG_DIM_INDICATORS) {
			const rg_indicator *ind = rg_dctx_indicator(x, e, i);
			if (ind != NULL) {
				id = ind->id;
				label = ind->name;
			}
		} else if ((id = rg_dctx_period(x, e, i)) != NULL) {
			label = rg_period_label(x->doc->arena, id);
		}
		if (id == NULL)
			rc = -1;
		else
			set_key(&g->keys[dim][g->nkeys[dim]++], id, label, e->value_pos[i]);
	}
	return rc;
}

/* Does indicator id have an observation of one of g's kinds for some
 * region and period of g? */
static int
has_observation(const rg_grid *g, const char *id)
{
	for (size_t r = 0; r < g->nkeys[RG_DIM_REGIONS]; r++)
		for (size_t p = 0; p < g->nkeys[RG_DIM_PERIODS]; p++)
			for (size_t k = 0; k < g->nkinds; k++) {
				rg_obs_query q = { id, g->keys[RG_DIM_REGIONS][r].id,
				    g->keys[RG_DIM_PERIODS][p].id, g->kinds[k] };
				const rg_observation *o;
				if (rg_dataset_find(g->ds, &q, &o, 1) > 0)
					return 1;
			}
	return 0;
}

/* indicators: key -- the key indicators that have an observation in the
 * grid; none: the directive makes nothing (rg_grid_none). */
static void
drop_empty_indicators(rg_grid *g)
{
	rg_key *k = g->keys[RG_DIM_INDICATORS];
	size_t n = 0;
	for (size_t i = 0; i < g->nkeys[RG_DIM_INDICATORS]; i++)
		if (has_observation(g, k[i].id))
			k[n++] = k[i];
	g->nkeys[RG_DIM_INDICATORS] = n;
}

int
rg_grid_read(rg_grid *g, rg_dctx *x, const char *const along_keys[2], const rg_dim dflt[2])
{
	int rc = 0;
	memset(g, 0, sizeof *g);
	g->ds = x->ds;
	g->fmt = rg_numfmt_default;
	g->fmt.words = x->words;
	for (int side = 0; side < 2; side++) {
		int a = rg_spec_choice(x->spec, along_keys[side], rg_dim_names, (int)dflt[side],
		    x->d);
		if (a < 0)
			rc = -1;
		else
			g->along[side] = (rg_dim)a;
	}
	if (rc == 0 && g->along[0] == g->along[1]) {
		const rg_spec_entry *e = rg_spec_get(x->spec, along_keys[1]);
		if (e == NULL)
			e = rg_spec_get(x->spec, along_keys[0]);
		rg_msg(x->d, RG_M_KEY_VALUE, e != NULL ? e->value_pos[0] : x->fence,
		    "%s and %s are both %s; "
		    "they must differ", along_keys[0], along_keys[1], rg_dim_names[g->along[0]]);
		rc = -1;
	}
	for (int dim = 0; dim < 3; dim++)
		if (read_keys(g, x, (rg_dim)dim) < 0)
			rc = -1;
	int n = rg_dctx_kinds(x, "kind", RG_OBS_ACTUAL, g->kinds);
	if (n < 0)
		rc = -1;
	else
		g->nkinds = (size_t)n;
	if (rc < 0)
		return rc;
	if (x->key_list) {
		drop_empty_indicators(g);
		if (g->nkeys[RG_DIM_INDICATORS] == 0)
			return 0;
	}
	rg_dim fixed = rg_grid_fixed(g);
	if (g->nkeys[fixed] != 1) {
		rg_msg(x->d, RG_M_KEY_VALUE, rg_spec_get(x->spec, rg_dim_names[fixed])->key_pos,
		    "%s lists %zu values but is neither %s nor %s (list one, or set %s or %s "
		    "to %s)", rg_dim_names[fixed], g->nkeys[fixed], along_keys[0], along_keys[1],
		    along_keys[0], along_keys[1], rg_dim_names[fixed]);
		return -1;
	}
	return 0;
}

int
rg_grid_none(const rg_grid *g, rg_dctx *x)
{
	if (!x->key_list || g->nkeys[RG_DIM_INDICATORS] > 0)
		return 0;
	rg_msg(x->d, RG_M_NO_OBSERVATIONS, x->fence, "%s: none of the key indicators has an observation "
	    "here; nothing is made", x->what);
	return 1;
}

const rg_key *
rg_grid_key(const rg_grid *g, int side, size_t i)
{
	return &g->keys[g->along[side]][i];
}

size_t
rg_grid_count(const rg_grid *g, int side)
{
	return g->nkeys[g->along[side]];
}

rg_dim
rg_grid_fixed(const rg_grid *g)
{
	return (rg_dim)(3 - g->along[0] - g->along[1]);
}

/* The ids of row r, column c: by rg_dim. */
static void
cell_ids(const rg_grid *g, size_t r, size_t c, const char *id[3])
{
	id[g->along[0]] = g->keys[g->along[0]][r].id;
	id[g->along[1]] = g->keys[g->along[1]][c].id;
	id[rg_grid_fixed(g)] = g->keys[rg_grid_fixed(g)][0].id;
}

const rg_indicator *
rg_grid_indicator(const rg_grid *g, size_t r, size_t c)
{
	const char *id[3];
	cell_ids(g, r, c, id);
	return rg_dataset_indicator(g->ds, id[RG_DIM_INDICATORS]);
}

const rg_observation *
rg_grid_obs(const rg_grid *g, size_t r, size_t c)
{
	const char *id[3];
	cell_ids(g, r, c, id);
	for (size_t k = 0; k < g->nkinds; k++) {
		rg_obs_query q = { id[RG_DIM_INDICATORS], id[RG_DIM_REGIONS], id[RG_DIM_PERIODS],
		    g->kinds[k] };
		const rg_observation *o;
		if (rg_dataset_find(g->ds, &q, &o, 1) > 0)
			return o;
	}
	return NULL;
}

/* ---- computed cells ---------------------------------------------------- */

const char *
rg_grid_field(const rg_grid *g, rg_dctx *x, const rg_compute *ck, size_t r, size_t c,
    int show)
{
	const rg_observation *o = rg_grid_obs(g, r, c);
	if (show <= RG_SHOW_CHANGE || o == NULL)
		return rg_obs_field(o, show);
	if (!o->value_is_number)
		return NULL;
	rg_arena *a = x->doc->arena;
	const rg_dataset *ds = x->ds;
	int dec = g->fmt.decimals >= 0 ? g->fmt.decimals : 1;
	rg_obs_query q = { o->indicator, o->region, o->period, (int)o->kind };
	const rg_observation *b = NULL;
	switch (show) {
	case RG_SHOW_DIFF: {
		char prev[32];
		q.period = ck->from;
		if (q.period == NULL) {
			size_t nd = strspn(o->period, "0123456789");
			if (nd == 0 || nd > 6 || o->period[nd] != '\0')
				return NULL;
			snprintf(prev, sizeof prev, "%ld", strtol(o->period, NULL, 10) - 1);
			q.period = prev;
		}
		if (rg_dataset_find(ds, &q, &b, 1) != 1 || !b->value_is_number)
			return NULL;
		return rg_dec_sub(a, o->value, b->value);
	}
	case RG_SHOW_COMPLETION:
		q.kind = RG_OBS_TARGET;
		if (rg_dataset_find(ds, &q, &b, 1) != 1) {
			q.kind = RG_OBS_PLAN;
			if (rg_dataset_find(ds, &q, &b, 1) != 1)
				return NULL;
		}
		return b->value_is_number ? rg_dec_percent(a, o->value, b->value, dec) : NULL;
	case RG_SHOW_SHARE:
		if (ck->share_total) {
			/* of the sum of the rows with a number (rows without one are
			 * left out, as from a rank); rates do not add up */
			const char *unit = rg_grid_indicator(g, r, c)->unit;
			if (unit != NULL && (strcmp(unit, "%") == 0 || strcmp(unit, "‰") == 0))
				return NULL;
			const char *sum = NULL;
			for (size_t k = 0; k < rg_grid_count(g, 0); k++) {
				const rg_observation *x = rg_grid_obs(g, k, c);
				if (x != NULL && x->value_is_number)
					sum = sum != NULL ? rg_dec_add(a, sum, x->value) : x->value;
			}
			return sum != NULL ? rg_dec_percent(a, o->value, sum, dec) : NULL;
		}
		q.region = ck->share_of;
		if (q.region == NULL || rg_dataset_find(ds, &q, &b, 1) != 1 || !b->value_is_number)
			return NULL;
		return rg_dec_percent(a, o->value, b->value, dec);
	default: {
		/* rank among the rows: 1 + the rows with a larger value; ties share */
		int rank = 1;
		for (size_t k = 0; k < rg_grid_count(g, 0); k++) {
			const rg_observation *x = rg_grid_obs(g, k, c);
			int cmp;
			if (x != NULL && x->value_is_number && rg_dec_cmp(x->value, o->value, &cmp) == 0 &&
			    (ck->asc ? cmp < 0 : cmp > 0))
				rank++;
		}
		char num[16];
		snprintf(num, sizeof num, "%d", rank);
		return rg_arena_strdup(a, num);
	}
	}
}

int
rg_grid_check_share(const rg_grid *g, rg_dctx *x, const rg_compute *k)
{
	if (!k->share_total || g->along[0] != RG_DIM_INDICATORS)
		return 0;
	const rg_indicator *first = rg_grid_indicator(g, 0, 0);
	for (size_t r = 1; r < rg_grid_count(g, 0); r++) {
		const rg_indicator *ind = rg_grid_indicator(g, r, 0);
		const char *a = first->unit ? first->unit : "", *b = ind->unit ? ind->unit : "";
		if (strcmp(a, b) != 0) {
			rg_msg(x->d, RG_M_KEY_VALUE, rg_spec_get(x->spec, "share_of")->value_pos[0],
			    "share_of: total adds up the rows, which need one unit: %s is in %s, "
			    "%s in %s", first->name, *a ? a : "no unit", ind->name,
			    *b ? b : "no unit");
			return -1;
		}
	}
	return 0;
}

const char *
rg_show_unit(rg_arena *a, const rg_words *w, int show, const char *unit,
    const rg_numfmt *f)
{
	switch (show) {
	case RG_SHOW_VALUE:
		return rg_format_unit(a, unit, f);
	case RG_SHOW_DIFF:
		if (unit != NULL && strcmp(unit, "%") == 0)
			return rg_word_of(w, RG_W_POINTS);
		return rg_format_unit(a, unit, f);
	case RG_SHOW_GROWTH:
	case RG_SHOW_COMPLETION:
	case RG_SHOW_SHARE:
		return "%";
	case RG_SHOW_CHANGE:
		return rg_word_of(w, RG_W_POINTS);
	default:
		return NULL;
	}
}

int
rg_dctx_compute(rg_dctx *x, rg_compute *k)
{
	int rc = 0;
	memset(k, 0, sizeof *k);
	rg_spec_entry *fe = rg_spec_get(x->spec, "from");
	if (fe != NULL && ((k->from = rg_spec_scalar(x->spec, "from", x->d)) == NULL ||
	    rg_dctx_period(x, fe, 0) == NULL))
		rc = -1;
	rg_spec_entry *se = rg_spec_get(x->spec, "share_of");
	const char *sv = se != NULL && !se->is_seq && se->nvalues == 1 ? se->values[0] : NULL;
	if (sv != NULL && strcmp(sv, "total") == 0) {
		(void)rg_spec_scalar(x->spec, "share_of", x->d);
		k->share_total = 1;
	} else if (se != NULL) {
		const rg_region *r = rg_spec_scalar(x->spec, "share_of", x->d) != NULL ?
		    rg_dctx_region(x, se, 0) : NULL;
		if (r == NULL)
			rc = -1;
		else
			k->share_of = r->id;
	}
	return rc;
}
