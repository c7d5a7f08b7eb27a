/* model.c -- the dataset: lookups, cross-file checks, the text dump. */
#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/file.h"
#include "../base/suggest.h"

static const char *const kind_names[RG_OBS__COUNT] = {
	"actual", "target", "base", "plan", "estimate"
};

rg_dataset *
rg_dataset_new(void)
{
	rg_dataset *ds = rg_xcalloc(1, sizeof *ds);
	ds->arena = rg_arena_new();
	return ds;
}

void
rg_dataset_free(rg_dataset *ds)
{
	if (ds == NULL)
		return;
	free(ds->regions);
	free(ds->indicators);
	free(ds->observations);
	free(ds->narratives);
	free(ds->files);
	free(ds->ind_index);
	free(ds->obs_index);
	free(ds->cell_index);
	free(ds->period_index);
	rg_arena_free(ds->arena);
	free(ds);
}

const char *
rg_obs_kind_name(rg_obs_kind k)
{
	return k >= 0 && k < RG_OBS__COUNT ? kind_names[k] : "?";
}

int
rg_obs_kind_parse(const char *s, rg_obs_kind *out)
{
	for (int k = 0; k < RG_OBS__COUNT; k++) {
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (rg_obs_kind)k;
			return 0;
		}
	}
	return -1;
}

/* The file loaded before that path names (by any spelling or link), or
 * NULL: loaded twice, each of its regions, indicators and figures was a
 * "duplicate" of itself, at its own position, or (under another spelling)
 * agreed with itself and went unnoticed. */
static const char *
loaded_before(const rg_dataset *ds, const char *path)
{
	struct stat st, was;
	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return NULL;
	for (size_t i = 0; i < ds->nfiles; i++)
		if (stat(ds->files[i], &was) == 0 && was.st_dev == st.st_dev &&
		    was.st_ino == st.st_ino)
			return ds->files[i];
	return NULL;
}

int
rg_data_load(rg_dataset *ds, const char *path, rg_diag *d)
{
	const char *first = loaded_before(ds, path);
	if (first != NULL) {
		rg_msg(d, RG_M_FILE_REPEATED, rg_pos_make(path, 0, 0),
		    "this data file is given twice (first as '%s'); files loaded "
		    "together are joined, so give each once", first);
		return -1;
	}
	const char *base = strrchr(path, '/');
	const char *dot = strrchr(base ? base : path, '.');
	if (dot != NULL && (strcasecmp(dot, ".yaml") == 0 || strcasecmp(dot, ".yml") == 0))
		return rg_data_load_yaml(ds, path, d);
	if (dot != NULL && strcasecmp(dot, ".xml") == 0)
		return rg_data_load_xml(ds, path, d);
	if (dot != NULL && strcasecmp(dot, ".csv") == 0)
		return rg_data_load_csv(ds, path, d);
	/* a name of no known kind that is no file to read (a directory, a
	 * FIFO, /dev/null, a file that does not exist) says that first */
	const char *why;
	int fd = rg_open_regular(path, &why);
	if (fd < 0) {
		rg_msg(d, RG_M_FILE_UNREADABLE, rg_pos_make(path, 0, 0),
		    "cannot read data file: %s", why);
		return -1;
	}
	close(fd);
	rg_msg(d, RG_M_FILE_KIND, rg_pos_make(path, 0, 0),
	    "unknown kind of data file (name it .yaml, "
	    ".yml, .xml or .csv)");
	return -1;
}

/* Lookups. */

static int
same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* A query field: NULL matches anything. */
static int
matches(const char *want, const char *have)
{
	return want == NULL || same(want, have);
}

/* The sorted indexes (see model.h): entries of (key, index in the dataset),
 * ties in dataset order, so that a lookup finds what a scan from the start
 * finds first.  A scan of every observation for each cell of a table made
 * a table of 10,000 cells over 100,000 observations take 25 s. */
typedef struct keyed {
	const char *key;
	size_t index;
} keyed;

/* The first entry of k[0..n) whose key is key (n if none is). */
static size_t
lower_bound(const keyed *k, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(k[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(k[lo].key, key) == 0 ? lo : n;
}

/* The key of an observation in the cell index. */
static char *
cell_key(const char *indicator, const char *region, const char *period)
{
	rg_buf b = { 0 };
	rg_buf_printf(&b, "%s\x1f%s\x1f%s", indicator, region, period);
	return rg_buf_detach(&b);
}

const rg_indicator *
rg_dataset_indicator(const rg_dataset *ds, const char *id)
{
	if (ds->ind_index != NULL && ds->nind_index == ds->nindicators) {
		const keyed *k = ds->ind_index;
		size_t i = lower_bound(k, ds->nind_index, id);
		return i < ds->nind_index ? &ds->indicators[k[i].index] : NULL;
	}
	for (size_t i = 0; i < ds->nindicators; i++)
		if (strcmp(ds->indicators[i].id, id) == 0)
			return &ds->indicators[i];
	return NULL;
}

const rg_region *
rg_dataset_region(const rg_dataset *ds, const char *id_or_name)
{
	for (size_t i = 0; i < ds->nregions; i++)
		if (strcmp(ds->regions[i].id, id_or_name) == 0)
			return &ds->regions[i];
	for (size_t i = 0; i < ds->nregions; i++)
		if (strcmp(ds->regions[i].name, id_or_name) == 0)
			return &ds->regions[i];
	return NULL;
}

const rg_narrative *
rg_dataset_narrative(const rg_dataset *ds, const char *id, const char *region,
    const char *period)
{
	for (size_t i = 0; i < ds->nnarratives; i++) {
		const rg_narrative *n = &ds->narratives[i];
		if (strcmp(n->id, id) == 0 && matches(region, n->region) &&
		    matches(period, n->period))
			return n;
	}
	return NULL;
}

size_t
rg_dataset_find(const rg_dataset *ds, const rg_obs_query *q,
    const rg_observation **out, size_t max)
{
	size_t n = 0;
	size_t from = 0, to = ds->nobservations;
	const keyed *k = NULL;
	int indexed = ds->obs_index != NULL && ds->nobs_index == ds->nobservations;
	if (indexed && q->indicator != NULL && q->region != NULL && q->period != NULL) {
		/* only the observations of that cell (a table's, a chart's) */
		char *key = cell_key(q->indicator, q->region, q->period);
		k = ds->cell_index;
		from = lower_bound(k, ds->ncell_index, key);
		for (to = from; to < ds->ncell_index && strcmp(k[to].key, key) == 0; )
			to++;
		free(key);
	} else if (indexed && q->indicator != NULL) {
		/* only the observations of that indicator, in dataset order */
		k = ds->obs_index;
		from = lower_bound(k, ds->nobs_index, q->indicator);
		for (to = from; to < ds->nobs_index && strcmp(k[to].key, q->indicator) == 0; )
			to++;
	}
	for (size_t j = from; j < to; j++) {
		const rg_observation *o = &ds->observations[k != NULL ? k[j].index : j];
		if (o->shadowed || !matches(q->indicator, o->indicator) ||
		    !matches(q->region, o->region) ||
		    !matches(q->period, o->period) || (q->kind >= 0 && (int)o->kind != q->kind))
			continue;
		if (n < max)
			out[n] = o;
		n++;
	}
	return n;
}

int
rg_dataset_has_period(const rg_dataset *ds, const char *period)
{
	if (ds->obs_index != NULL && ds->nobs_index == ds->nobservations)
		return lower_bound(ds->period_index, ds->nperiod_index, period) <
		    ds->nperiod_index;
	for (size_t i = 0; i < ds->nobservations; i++)
		if (ds->observations[i].period != NULL &&
		    strcmp(ds->observations[i].period, period) == 0)
			return 1;
	return 0;
}

/* Validation.  Keys are sorted (ties in dataset order) so that checking a
 * large file stays O(n log n). */

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

static int
cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c != 0 ? c : (x->index > y->index) - (x->index < y->index);
}

/* keys[0..n) sorted; NULL keys are left out. */
static keyed *
sort_keys(const char *const *keys, size_t n, size_t *nk)
{
	keyed *k = rg_xmalloc((n ? n : 1) * sizeof *k);
	*nk = 0;
	for (size_t i = 0; i < n; i++)
		if (keys[i] != NULL)
			k[(*nk)++] = (keyed){ keys[i], i };
	qsort(k, *nk, sizeof *k, cmp_keyed);
	return k;
}

/* first[i]: the first index with the same key as i (i itself if none). */
static size_t *
first_of(const char *const *keys, size_t n)
{
	size_t nk;
	keyed *k = sort_keys(keys, n, &nk);
	size_t *first = rg_xmalloc((n ? n : 1) * sizeof *first);
	for (size_t i = 0; i < n; i++)
		first[i] = i;
	for (size_t i = 1; i < nk; i++)
		if (strcmp(k[i].key, k[i - 1].key) == 0)
			first[k[i].index] = first[k[i - 1].index];
	free(k);
	return first;
}

static const char *
pos_str(rg_buf *b, rg_pos p)
{
	rg_buf_clear(b);
	rg_buf_printf(b, "%s:%d:%d", p.file ? p.file : "?", p.line, p.col);
	return rg_buf_cstr(b);
}

/* A region or an indicator may be defined in several files as long as the
 * definitions agree; the first one counts. */
static const char *
or_none(const char *s)
{
	return s != NULL ? s : "(none)";
}

static int
same_region(const rg_region *a, const rg_region *b)
{
	return same(a->name, b->name) && same(a->level, b->level);
}

static int
same_file(rg_pos a, rg_pos b)
{
	return a.file != NULL && b.file != NULL && strcmp(a.file, b.file) == 0;
}

/* Files are joined by indicator id: the unit must agree, since values are
 * compared; the first file's name, group and attribute are the ones used. */
static int
same_indicator(const rg_indicator *a, const rg_indicator *b)
{
	return same(a->unit, b->unit);
}

static void
check_definitions(const rg_dataset *ds, rg_diag *d)
{
	rg_buf b = { 0 };
	const char **ids = rg_xmalloc((ds->nregions + ds->nindicators + 1) * sizeof *ids);
	for (size_t i = 0; i < ds->nregions; i++)
		ids[i] = ds->regions[i].id;
	size_t *first = first_of(ids, ds->nregions);
	for (size_t i = 0; i < ds->nregions; i++) {
		const rg_region *r = &ds->regions[i], *f = &ds->regions[first[i]];
		if (first[i] != i && same_file(r->pos, f->pos))
			rg_msg(d, RG_M_DEFINITION_CONFLICT, r->pos,
			    "duplicate region id '%s' (first defined at %s)",
			    r->id, pos_str(&b, f->pos));
		else if (!same_region(r, f))
			rg_msg(d, RG_M_DEFINITION_CONFLICT, r->pos,
			    "region '%s' is defined differently at %s", r->id,
			    pos_str(&b, f->pos));
	}
	free(first);
	for (size_t i = 0; i < ds->nindicators; i++)
		ids[i] = ds->indicators[i].id;
	first = first_of(ids, ds->nindicators);
	for (size_t i = 0; i < ds->nindicators; i++) {
		const rg_indicator *ind = &ds->indicators[i], *f = &ds->indicators[first[i]];
		if (first[i] != i && same_file(ind->pos, f->pos))
			rg_msg(d, RG_M_DEFINITION_CONFLICT, ind->pos,
			    "duplicate indicator id '%s' (first defined at %s)",
			    ind->id, pos_str(&b, f->pos));
		else if (!same_indicator(ind, f))
			rg_msg(d, RG_M_UNIT_MISMATCH, ind->pos,
			    "indicator '%s' has unit '%s' here but '%s' at %s",
			    ind->id, or_none(ind->unit), or_none(f->unit), pos_str(&b, f->pos));
	}
	free(first);
	free(ids);
	rg_buf_free(&b);
}

/* References to ids: each unknown id is reported once, at its first use. */
typedef struct refs {
	const char *what;                /* "region", "indicator" */
	const char **ids;                /* what is referred to */
	rg_pos *pos;
	size_t n, cap, cap_pos;
} refs;

static void
add_ref(refs *r, const char *id, rg_pos pos)
{
	size_t n = r->n;
	*RG_PUSH(r->ids, r->n, r->cap) = id;
	*RG_PUSH(r->pos, n, r->cap_pos) = pos;
}

static void
check_refs(refs *r, const char *const *known, size_t nknown, rg_diag *d)
{
	size_t nk;
	keyed *k = sort_keys(known, nknown, &nk);
	size_t *first = first_of(r->ids, r->n);
	for (size_t i = 0; i < r->n; i++) {
		keyed want = { r->ids[i], 0 };
		if (r->ids[i] == NULL || first[i] != i ||
		    bsearch(&want, k, nk, sizeof *k, cmp_key) != NULL)
			continue;
		/* a hint from the first ids only: hostile files stay fast */
		const char *hint = rg_nearest_word(r->ids[i], known, nknown < 256 ? nknown : 256);
		if (hint != NULL)
			rg_msg(d, RG_M_UNKNOWN_REFERENCE, r->pos[i],
			    "unknown %s '%s' (did you mean '%s'?)", r->what,
			    r->ids[i], hint);
		else
			rg_msg(d, RG_M_UNKNOWN_REFERENCE, r->pos[i],
			    "unknown %s '%s'", r->what, r->ids[i]);
	}
	free(first);
	free(k);
	free(r->ids);
	free(r->pos);
}

static void
check_references(const rg_dataset *ds, rg_diag *d)
{
	const char **known = rg_xmalloc((ds->nregions + ds->nindicators + 1) * sizeof *known);
	refs r = { "region", NULL, NULL, 0, 0, 0 };
	if (ds->meta.region != NULL)
		add_ref(&r, ds->meta.region, ds->meta.pos);
	for (size_t i = 0; i < ds->nobservations; i++)
		add_ref(&r, ds->observations[i].region, ds->observations[i].pos);
	for (size_t i = 0; i < ds->nnarratives; i++)
		add_ref(&r, ds->narratives[i].region, ds->narratives[i].pos);
	for (size_t i = 0; i < ds->nregions; i++)
		known[i] = ds->regions[i].id;
	check_refs(&r, known, ds->nregions, d);

	refs ind = { "indicator", NULL, NULL, 0, 0, 0 };
	for (size_t i = 0; i < ds->nobservations; i++)
		add_ref(&ind, ds->observations[i].indicator, ds->observations[i].pos);
	for (size_t i = 0; i < ds->nindicators; i++)
		known[i] = ds->indicators[i].id;
	check_refs(&ind, known, ds->nindicators, d);
	free(known);
}

static void
check_defaults(const char *what, const char *id, const char *region,
    const char *period, rg_pos pos, rg_diag *d)
{
	if (region == NULL)
		rg_msg(d, RG_M_OBSERVATION_INCOMPLETE, pos,
		    "%s '%s' has no region (give it one, or a default in meta)",
		    what, id);
	if (period == NULL)
		rg_msg(d, RG_M_OBSERVATION_INCOMPLETE, pos,
		    "%s '%s' has no period (give it one, or a default in meta)",
		    what, id);
}


static void
check_observations(rg_dataset *ds, rg_diag *d)
{
	rg_arena *a = rg_arena_new();
	rg_buf b = { 0 };
	const char **keys = rg_xmalloc((ds->nobservations + 1) * sizeof *keys);
	for (size_t i = 0; i < ds->nobservations; i++) {
		const rg_observation *o = &ds->observations[i];
		rg_buf_clear(&b);
		rg_buf_printf(&b, "%s\x1f%s\x1f%s\x1f%s", o->indicator, or_none(o->region),
		    or_none(o->period), rg_obs_kind_name(o->kind));
		keys[i] = rg_arena_strdup(a, rg_buf_cstr(&b));
	}
	size_t *first = first_of(keys, ds->nobservations);
	for (size_t i = 0; i < ds->nobservations; i++) {
		const rg_observation *o = &ds->observations[i];
		check_defaults("observation of", o->indicator, o->region, o->period, o->pos, d);
		const rg_observation *f = &ds->observations[first[i]];
		/* the same figure from two sources must agree */
		ds->observations[i].shadowed = first[i] != i;
		if (first[i] != i && (same_file(o->pos, f->pos) || !same(o->value, f->value) ||
		    !same(o->growth, f->growth) || !same(o->change, f->change)))
			rg_msg(d, RG_M_OBSERVATION_DUPLICATE, o->pos,
			    "second %s observation of '%s' for region %s, "
			    "period %s (the first is at %s%s)", rg_obs_kind_name(o->kind),
			    o->indicator, or_none(o->region), or_none(o->period),
			    pos_str(&b, f->pos), same_file(o->pos, f->pos) ? "" :
			    ", with a different value");
	}
	free(first);
	free(keys);
	rg_buf_free(&b);
	rg_arena_free(a);
}

static void
check_narratives(const rg_dataset *ds, rg_diag *d)
{
	rg_arena *a = rg_arena_new();
	rg_buf b = { 0 };
	const char **keys = rg_xmalloc((ds->nnarratives + 1) * sizeof *keys);
	for (size_t i = 0; i < ds->nnarratives; i++) {
		const rg_narrative *n = &ds->narratives[i];
		rg_buf_clear(&b);
		rg_buf_printf(&b, "%s\x1f%s\x1f%s", n->id, or_none(n->region),
		    or_none(n->period));
		keys[i] = rg_arena_strdup(a, rg_buf_cstr(&b));
	}
	size_t *first = first_of(keys, ds->nnarratives);
	for (size_t i = 0; i < ds->nnarratives; i++) {
		const rg_narrative *n = &ds->narratives[i];
		check_defaults("narrative", n->id, n->region, n->period, n->pos, d);
		/* across files the first narrative is used (docs/data-format.md) */
		if (first[i] != i && same_file(n->pos, ds->narratives[first[i]].pos))
			rg_msg(d, RG_M_OBSERVATION_DUPLICATE, n->pos,
			    "second narrative '%s' for region %s, period %s "
			    "(the first is at %s)", n->id, or_none(n->region),
			    or_none(n->period), pos_str(&b, ds->narratives[first[i]].pos));
	}
	free(first);
	free(keys);
	rg_buf_free(&b);
	rg_arena_free(a);
}

int
rg_dataset_validate(rg_dataset *ds, rg_diag *d)
{
	int errors = d->errors;
	check_definitions(ds, d);
	check_references(ds, d);
	check_observations(ds, d);
	check_narratives(ds, d);
	/* the lookup indexes */
	const char **keys = rg_xmalloc((ds->nindicators + ds->nobservations + 1) * sizeof *keys);
	size_t nk;
	for (size_t i = 0; i < ds->nindicators; i++)
		keys[i] = ds->indicators[i].id;
	free(ds->ind_index);
	ds->ind_index = sort_keys(keys, ds->nindicators, &nk);
	ds->nind_index = nk;
	for (size_t i = 0; i < ds->nobservations; i++)
		keys[i] = ds->observations[i].indicator;
	free(ds->obs_index);
	ds->obs_index = sort_keys(keys, ds->nobservations, &nk);
	ds->nobs_index = nk;
	for (size_t i = 0; i < ds->nobservations; i++) {
		const rg_observation *o = &ds->observations[i];
		keys[i] = NULL;
		if (o->region != NULL && o->period != NULL) {
			char *key = cell_key(o->indicator, o->region, o->period);
			keys[i] = rg_arena_strdup(ds->arena, key);
			free(key);
		}
	}
	free(ds->cell_index);
	ds->cell_index = sort_keys(keys, ds->nobservations, &nk);
	ds->ncell_index = nk;
	for (size_t i = 0; i < ds->nobservations; i++)
		keys[i] = ds->observations[i].period;
	free(ds->period_index);
	ds->period_index = sort_keys(keys, ds->nobservations, &nk);
	ds->nperiod_index = nk;
	free(keys);
	return d->errors > errors ? -1 : 0;
}

/* The dump: one line per element, fields as name=value, position last.
 * Ids and numbers print bare; text is quoted with C-like escapes. */

static void
put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void
put_text(FILE *out, const char *name, const char *s)
{
	if (s == NULL)
		return;
	fprintf(out, " %s=", name);
	put_quoted(out, s);
}

/* A word prints bare unless it holds a space, a quote, '=', '@' or '\'. */
static void
put_word(FILE *out, const char *name, const char *s)
{
	if (s == NULL)
		return;
	int bare = *s != '\0';
	for (const char *p = s; bare && *p; p++)
		bare = (unsigned char)*p > ' ' && !strchr("\"=@\\", *p);
	if (bare)
		fprintf(out, " %s=%s", name, s);
	else
		put_text(out, name, s);
}

static void
put_pos(FILE *out, rg_pos p)
{
	if (p.file != NULL)
		fprintf(out, " @%s:%d:%d", p.file, p.line, p.col);
	fputc('\n', out);
}

void
rg_dataset_dump(const rg_dataset *ds, FILE *out)
{
	const rg_meta *m = &ds->meta;
	fputs("meta", out);
	put_text(out, "title", m->title);
	put_text(out, "subtitle", m->subtitle);
	put_word(out, "region", m->region);
	put_word(out, "period", m->period);
	put_word(out, "date", m->date);
	put_text(out, "author", m->author);
	put_pos(out, m->pos);
	fputs("source", out);
	put_text(out, "document", m->source.document);
	put_text(out, "seed", m->source.seed);
	put_text(out, "publisher", m->source.publisher);
	put_text(out, "url", m->source.url);
	fputc('\n', out);
	for (size_t i = 0; i < ds->nregions; i++) {
		const rg_region *r = &ds->regions[i];
		fprintf(out, "region %s", r->id);
		put_text(out, "name", r->name);
		put_text(out, "level", r->level);
		put_pos(out, r->pos);
	}
	for (size_t i = 0; i < ds->nindicators; i++) {
		const rg_indicator *ind = &ds->indicators[i];
		fprintf(out, "indicator %s", ind->id);
		put_text(out, "name", ind->name);
		put_text(out, "unit", ind->unit);
		put_text(out, "group", ind->group);
		put_text(out, "attribute", ind->attribute);
		put_text(out, "note", ind->note);
		put_pos(out, ind->pos);
	}
	for (size_t i = 0; i < ds->nobservations; i++) {
		const rg_observation *o = &ds->observations[i];
		fprintf(out, "obs %s", o->indicator);
		put_word(out, "region", o->region);
		put_word(out, "period", o->period);
		fprintf(out, " kind=%s", rg_obs_kind_name(o->kind));
		put_text(out, "value", o->value);
		put_word(out, "growth", o->growth);
		put_word(out, "change", o->change);
		put_text(out, "quote", o->quote);
		put_pos(out, o->pos);
	}
	for (size_t i = 0; i < ds->nnarratives; i++) {
		const rg_narrative *n = &ds->narratives[i];
		fprintf(out, "narrative %s", n->id);
		put_word(out, "region", n->region);
		put_word(out, "period", n->period);
		put_text(out, "title", n->title);
		put_text(out, "text", n->text);
		put_pos(out, n->pos);
	}
}
