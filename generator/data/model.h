/* model.h -- the indicator data model (stage 1 output).
 *
 * A dataset is what one or more data files say: document metadata, regions,
 * indicators, observations of an indicator for a region, period and kind,
 * and narrative text blocks.  Several files load into one dataset; they are
 * joined by region id and indicator id.  The file format is documented in
 * docs/data-format.md; YAML and XML carry the same model.
 *
 * Every string is owned by the dataset's arena.  Every element remembers the
 * position it was read from, for error messages further down the pipeline.
 * Values are kept exactly as written ("205", "10.0028", "完成市下达目标").
 */
#ifndef RG_MODEL_H
#define RG_MODEL_H

#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"

typedef struct rg_source {
	const char *document;    /* name of the source document */
	const char *seed;        /* seed file name, e.g. 000_66e3ed1c59199d75.txt */
	const char *publisher;
	const char *url;
} rg_source;

typedef struct rg_meta {
	const char *title, *subtitle;
	const char *region;      /* default region id for observations/narratives */
	const char *period;      /* default period */
	const char *date;        /* YYYY-MM-DD */
	const char *author;
	rg_source source;
	rg_pos pos;
} rg_meta;

typedef struct rg_region {
	const char *id;          /* stable key, e.g. songxian */
	const char *name;        /* display name, e.g. 嵩县 */
	const char *level;       /* 县, 区, 市 ... optional */
	rg_pos pos;
} rg_region;

typedef struct rg_indicator {
	const char *id;          /* stable key across regions and years */
	const char *name;        /* 地区生产总值 */
	const char *unit;        /* 亿元, 万人次, %, ... may be NULL */
	const char *group;       /* 一级指标, e.g. 经济发展; may be NULL */
	const char *attribute;   /* 预期性 / 约束性 or NULL */
	const char *note;
	rg_pos pos;
} rg_indicator;

typedef enum rg_obs_kind {
	RG_OBS_ACTUAL,           /* actual (result) */
	RG_OBS_TARGET,           /* annual target */
	RG_OBS_BASE,             /* plan base value */
	RG_OBS_PLAN,             /* plan target (end of plan period) */
	RG_OBS_ESTIMATE,
	RG_OBS__COUNT
} rg_obs_kind;

const char *rg_obs_kind_name(rg_obs_kind k);         /* "actual", ... */
int rg_obs_kind_parse(const char *s, rg_obs_kind *out);  /* 0 ok, -1 unknown */

typedef struct rg_observation {
	const char *indicator;   /* indicator id */
	const char *region;      /* region id */
	const char *period;      /* "2024", "2021-2025", ... */
	rg_obs_kind kind;
	const char *value;       /* as written; NULL if only growth is known */
	int value_is_number;     /* value parses fully as a decimal number */
	const char *growth;      /* percent, as written, e.g. "10", "-2.3"; NULL */
	const char *change;      /* change of a rate in 个百分点; NULL */
	const char *quote;       /* source quotation; NULL */
	rg_pos pos;
	rg_pos value_pos;
	int shadowed;            /* the same figure from an earlier file: skipped */
} rg_observation;

typedef struct rg_narrative {
	const char *id;          /* e.g. industry */
	const char *region;      /* region id */
	const char *period;
	const char *title;       /* optional display title */
	const char *text;        /* Markdown */
	rg_pos pos;
	rg_pos text_pos;         /* where the Markdown text starts */
} rg_narrative;

typedef struct rg_dataset {
	rg_arena *arena;
	rg_meta meta;            /* from the first file that sets each field */
	rg_region *regions;           size_t nregions, cap_regions;
	rg_indicator *indicators;     size_t nindicators, cap_indicators;
	rg_observation *observations; size_t nobservations, cap_observations;
	rg_narrative *narratives;     size_t nnarratives, cap_narratives;
	const char **files;           size_t nfiles, cap_files;   /* loaded paths */
	/* indicators by id and observations by indicator, sorted, for the
	 * lookups below; made by rg_dataset_validate (model.c) */
	void *ind_index, *obs_index;  size_t nind_index, nobs_index;
	void *cell_index;             size_t ncell_index;   /* by indicator, region, period */
	void *period_index;           size_t nperiod_index;
} rg_dataset;

rg_dataset *rg_dataset_new(void);
void rg_dataset_free(rg_dataset *ds);

/* Load a YAML (.yaml/.yml), XML (.xml) or CSV (.csv, with its mapping
 * NAME.csvmap beside it if there is one: csv.c) file into ds, chosen by
 * extension.
 * All problems are reported through d; returns 0 if the file loaded without
 * errors, -1 otherwise (ds may then hold part of the file). */
int rg_data_load(rg_dataset *ds, const char *path, rg_diag *d);
int rg_data_load_yaml(rg_dataset *ds, const char *path, rg_diag *d);
int rg_data_load_xml(rg_dataset *ds, const char *path, rg_diag *d);
int rg_data_load_csv(rg_dataset *ds, const char *path, rg_diag *d);

/* Cross-file checks after all files are loaded: every observation names a
 * known indicator and region, no duplicate ids.  Returns 0 or -1. */
int rg_dataset_validate(rg_dataset *ds, rg_diag *d);

/* Lookups; NULL when absent. */
const rg_indicator *rg_dataset_indicator(const rg_dataset *ds, const char *id);
const rg_region *rg_dataset_region(const rg_dataset *ds, const char *id_or_name);
const rg_narrative *rg_dataset_narrative(const rg_dataset *ds, const char *id,
    const char *region, const char *period);

/* Observation query: fields left NULL (or kind < 0) match anything.  Returns
 * the number of matches and stores up to max of them in out. */
typedef struct rg_obs_query {
	const char *indicator, *region, *period;
	int kind;                /* rg_obs_kind, or -1 */
} rg_obs_query;
size_t rg_dataset_find(const rg_dataset *ds, const rg_obs_query *q,
    const rg_observation **out, size_t max);
/* Does some observation have this period? */
int rg_dataset_has_period(const rg_dataset *ds, const char *period);

/* Text dump of the model (stable order, positions included): the
 * stage-1 output for tests and --dump=data. */
void rg_dataset_dump(const rg_dataset *ds, FILE *out);

/* Write the model as YAML or XML (reportgen convert). 0 or -1. */
int rg_data_write_yaml(const rg_dataset *ds, FILE *out);
int rg_data_write_xml(const rg_dataset *ds, FILE *out);

/* Limits (documented in docs/data-format.md). */
#define RG_DATA_MAX_FILE_BYTES (16u * 1024 * 1024)
#define RG_DATA_MAX_DEPTH 64
/* elements of all the files loaded together */
#define RG_DATA_MAX_REGIONS 1000
#define RG_DATA_MAX_INDICATORS 10000
#define RG_DATA_MAX_OBSERVATIONS 100000
#define RG_DATA_MAX_NARRATIVES 10000
/* digits of a number (value, growth, change) before and after its point:
 * sums over every region, shares and percentages stay within the exact
 * decimal arithmetic of the templates (64 digits) */
#define RG_DATA_MAX_DIGITS 20

#endif
