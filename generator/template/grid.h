/* grid.h -- what the table and chart directives share (internal header).
 *
 * A comparison table and a chart pick observations along three dimensions:
 * regions, indicators and periods.  Two of them run along the table's rows
 * and columns (a chart's categories and series); the third holds one value.
 * This header also has the lookups that turn spec values into regions,
 * indicators and periods, with errors at the spec value's position and
 * did-you-mean hints, and the number format options of a spec.  The spec
 * keys are documented in docs/templates.md.
 */
#ifndef RG_GRID_H
#define RG_GRID_H

#include "../data/model.h"
#include "doc.h"
#include "format.h"
#include "spec.h"
#include "words.h"

/* One directive being expanded. */
typedef struct rg_dctx {
	rg_doc *doc;
	rg_block *parent;        /* the new blocks go here */
	rg_spec *spec;
	rg_pos fence;            /* the opening fence */
	const rg_dataset *ds;
	const char *region, *period;   /* the template's defaults; may be NULL */
	const char *what;        /* "table directive", for messages */
	rg_diag *d;
	const rg_words *words;   /* the document's words (words.h) */
	int key_list;            /* indicators: key -- the key indicators, those
	                          * without an observation here left out */
} rg_dctx;

typedef enum rg_dim { RG_DIM_REGIONS, RG_DIM_INDICATORS, RG_DIM_PERIODS } rg_dim;

extern const char *const rg_dim_names[];    /* "regions", "indicators", "periods" */

typedef struct rg_key {
	const char *id;          /* region id, indicator id or period */
	const char *label;       /* 孟津区, 地区生产总值, 2023年 */
	rg_pos pos;              /* where the spec names it */
} rg_key;

typedef struct rg_grid {
	const rg_dataset *ds;
	rg_dim along[2];         /* [0] rows or categories, [1] columns or series */
	rg_key *keys[3]; size_t nkeys[3];   /* by rg_dim */
	int kinds[RG_OBS__COUNT]; size_t nkinds;   /* tried in this order */
	rg_numfmt fmt;
} rg_grid;

/* What a cell shows of an observation. */
enum { RG_SHOW_VALUE, RG_SHOW_GROWTH, RG_SHOW_CHANGE,
	/* computed (table columns only): value - value of another period, value
	 * / target * 100, value / another region's value * 100, rank among rows */
	RG_SHOW_DIFF, RG_SHOW_COMPLETION, RG_SHOW_SHARE, RG_SHOW_RANK };
extern const char *const rg_show_names[];   /* "value", "growth", "change", "diff", ... */
/* The value, growth or change of o as written; NULL if o is NULL or lacks it. */
const char *rg_obs_field(const rg_observation *o, int show);
/* The unit of what show shows of an indicator in unit (may be NULL),
 * formatted by f: a value in its (scaled) unit; a diff too, except that the
 * difference of a rate (unit %) is in 个百分点; growth, completion and
 * share in %; change in 个百分点; a rank in none (NULL). */
const char *rg_show_unit(rg_arena *a, const rg_words *w, int show, const char *unit,
    const rg_numfmt *f);

/* The grid keys of x->spec: regions, indicators, periods, kind, and the two
 * keys along_keys[] ("rows", "columns") that name the dimensions along,
 * with defaults dflt[].  Returns 0, or -1 after reporting. */
int rg_grid_read(rg_grid *g, rg_dctx *x, const char *const along_keys[2],
    const rg_dim dflt[2]);
/* indicators: key, and none of them has an observation in g: warns and
 * returns 1 (the directive then makes nothing); else 0. */
int rg_grid_none(const rg_grid *g, rg_dctx *x);
/* The key of row (side 0) or column (side 1) i, and how many there are. */
const rg_key *rg_grid_key(const rg_grid *g, int side, size_t i);
size_t rg_grid_count(const rg_grid *g, int side);
/* The dimension that is neither rows nor columns. */
rg_dim rg_grid_fixed(const rg_grid *g);
/* The indicator of row r, column c, and its observation (NULL if none). */
const rg_indicator *rg_grid_indicator(const rg_grid *g, size_t r, size_t c);
const rg_observation *rg_grid_obs(const rg_grid *g, size_t r, size_t c);

/* Value i of entry e as an indicator id, a region id or name, or a period
 * some observation has; NULL after reporting. */
const rg_indicator *rg_dctx_indicator(rg_dctx *x, const rg_spec_entry *e, size_t i);
const rg_region *rg_dctx_region(rg_dctx *x, const rg_spec_entry *e, size_t i);
const char *rg_dctx_period(rg_dctx *x, const rg_spec_entry *e, size_t i);
/* The observation kinds listed in key ("kind"), in order, or dflt.
 * Returns how many, or -1 after reporting. */
int rg_dctx_kinds(rg_dctx *x, const char *key, int dflt, int *kinds);
/* The number format options keys (a subset of rg_numfmt_keys) of the
 * spec applied to f.  Returns 0, or -1 after reporting. */
int rg_dctx_numfmt(rg_dctx *x, rg_numfmt *f, const char *const *keys);
/* A warning at the directive's scale when it cannot scale the unit of
 * indicator ind (亿元 by 亿 would be past 万亿): its values stay as they
 * are.  Percentages are never scaled, without a word. */
void rg_dctx_check_scale(rg_dctx *x, const rg_numfmt *f, const rg_indicator *ind);
/* The same for every indicator of g, with g's format. */
void rg_grid_check_scale(const rg_grid *g, rg_dctx *x);

/* Report the keys of the spec that are not in known (NULL-terminated), as
 * unknown keys of `what` ("plan table").  Returns 0, or -1 after reporting. */
int rg_dctx_check_keys(rg_dctx *x, const char *what, const char *const *known);

/* "2023" -> "2023年"; other periods as written. */
const char *rg_period_label(rg_arena *a, const char *period);

/* What computed cells need from the spec: from (diff: the period compared
 * with; NULL: the year before), share_of (share: the region of the whole),
 * asc (rank: from the smallest). */
typedef struct rg_compute {
	const char *from, *share_of;
	int share_total;         /* share_of: total -- of the sum of the rows */
	int asc;
} rg_compute;
/* from: and share_of: of x->spec.  Returns 0, or -1 after reporting. */
int rg_dctx_compute(rg_dctx *x, rg_compute *k);
/* share_of: total over rows of indicators needs one unit: 0, or -1 after
 * reporting. */
int rg_grid_check_share(const rg_grid *g, rg_dctx *x, const rg_compute *k);
/* What show shows for row r, column c: as written (value, growth,
 * change), or computed exactly on the decimals (diff, completion, share,
 * rank among the rows); NULL where it cannot be had. */
const char *rg_grid_field(const rg_grid *g, rg_dctx *x, const rg_compute *k, size_t r,
    size_t c, int show);

/* The directives built on these. */
int rg_table_expand(rg_dctx *x);
int rg_chart_expand(rg_dctx *x);

#endif
