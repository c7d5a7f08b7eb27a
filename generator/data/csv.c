/* csv.c -- load a spreadsheet export (CSV) into the model.
 *
 * NAME.csv is read with libcsv (RFC 4180, strict mode), one header row,
 * then one record per row.  Its mapping NAME.csvmap, if there is one, is a
 * YAML file (yaml.c) whose meta, regions and indicators load as from a data
 * file and whose 'csv' mapping says what the columns are: a long table (one
 * observation a row) or a wide one (one column per indicator or per period;
 * the mapping says what each cell column fixes).  Every row becomes a list of
 * rg_field for rg_load_observation (check.c), so a CSV is held to the same
 * rules as YAML and XML.  The format is documented in docs/data-format.md.
 *
 * libcsv reports no positions; it is fed one byte at a time, so that every
 * cell is known to start where the byte after the previous delimiter is and
 * every error is at the byte it was found at.  A file that is not UTF-8 is
 * converted from GBK (GB 18030) with iconv first; positions are then in the
 * converted text (lines are the same; columns count its characters, which
 * are the file's).
 */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/suggest.h"
#include "../base/utf8.h"
#include "load.h"

enum { ENC_AUTO, ENC_UTF8, ENC_GBK };

/* What a column holds. */
enum { C_IGNORE, C_REGION, C_INDICATOR, C_PERIOD, C_KIND, C_VALUE, C_GROWTH, C_CHANGE,
	C_QUOTE, C_UNIT, C_VALUE_GROWTH, C__COUNT };
static const char *const col_names[] = { "ignore", "region", "indicator", "period",
	"kind", "value", "growth", "change", "quote", "unit", "value(growth)", NULL };
/* the keys of an observation a wide table's cell column may fix */
enum { K_REGION, K_INDICATOR, K_PERIOD, K_KIND, K__COUNT };
static const int key_col[K__COUNT] = { C_REGION, C_INDICATOR, C_PERIOD, C_KIND };

static const char *const csv_keys[] = { "encoding", "layout", "columns", "cells", "names",
	"empty", NULL };
static const char *const cell_keys[] = { "region", "indicator", "period", "kind", "field",
	NULL };

#define NONE ((size_t)-1)

typedef struct colspec {
	const char *header;
	int field;                   /* C_* */
	int cell;                    /* a cell column of a wide table */
	const rg_field *fixed[K__COUNT];   /* what a cell column fixes, in the mapping */
	rg_pos pos;                  /* in the mapping */
	int seen;                    /* in the header */
} colspec;

typedef struct name {
	const char *text, *id;
	int what;                    /* C_REGION or C_INDICATOR; 0 for csv.names */
	size_t index;                /* an indicator's id: its index in the dataset */
	int field;                   /* csv.names: what a row's value cells hold, or -1 */
	size_t order;
} name;

typedef struct column {          /* a column of the file */
	const char *header;
	int field;
	const colspec *spec;         /* NULL for a header that is a field name */
	size_t group;                /* wide: the observation its cells belong to */
	int blank;                   /* no header, and none after it: an empty
	                              * column a spreadsheet exported */
	rg_pos pos;
} column;

typedef struct cell {
	const char *text;            /* in the scratch arena; NUL-terminated */
	size_t len;
	rg_pos pos;
} cell;

typedef struct reader {
	rg_loader *ld;               /* the CSV file */
	rg_loader *map;              /* its mapping, or NULL */
	const char *map_file;
	int encoding, wide;
	colspec *specs;              size_t nspecs, cap_specs;
	const char **empty;          size_t nempty, cap_empty;
	name *names;                 size_t nnames, cap_names;
	column *cols;                size_t ncols, cap_cols;
	size_t nnamed;               /* columns up to the last with a header */
	cell *cells;                 size_t ncells, cap_cells;
	size_t ngroups;
	int header_done, header_bad;
	size_t off, cell_start;
} reader;

/* ---- the mapping ------------------------------------------------------- */

static int
col_index(const char *s)
{
	for (int i = 0; col_names[i] != NULL; i++)
		if (strcmp(col_names[i], s) == 0)
			return i;
	return -1;
}

static int
is_scalar(reader *r, const rg_field *f)
{
	if (f->shape == RG_SCALAR && f->len > 0)
		return 1;
	if (f->shape == RG_SCALAR || f->shape == RG_NULL)
		rg_msg(r->map->d, RG_M_FIELD_EMPTY, f->value_pos,
		    "field '%s' is empty (leave it out instead)",
		    rg_load_show(r->map, f->key));
	else
		rg_load_shape(r->map, f->value_pos, f->key, RG_SCALAR, f->shape);
	return 0;
}

static int
is_mapping(reader *r, const rg_field *f)
{
	if (f->shape == RG_MAPPING || f->shape == RG_NULL)
		return 1;
	rg_load_shape(r->map, f->value_pos, f->key, RG_MAPPING, f->shape);
	return 0;
}

static colspec *
add_spec(reader *r, const rg_field *f)
{
	for (size_t i = 0; i < r->nspecs; i++)
		if (strcmp(r->specs[i].header, f->key) == 0) {
			rg_msg(r->map->d, RG_M_FIELD_DUPLICATE, f->pos,
			    "column '%s' is mapped twice in csv",
			    rg_load_show(r->map, f->key));
			return NULL;
		}
	colspec *c = RG_PUSH(r->specs, r->nspecs, r->cap_specs);
	memset(c, 0, sizeof *c);
	c->header = f->key;
	c->pos = f->pos;
	return c;
}

static int
spec_field(reader *r, const rg_field *f, int cell)
{
	int i = col_index(f->value);
	/* what a key column (or a long table's column) and a cell may be */
	int ok = i >= 0 && (cell ? i == C_VALUE || i == C_GROWTH || i == C_CHANGE ||
	    i == C_VALUE_GROWTH : 1);
	if (ok)
		return i;
	const char *cell_fields[] = { "value", "growth", "change", "value(growth)", NULL };
	const char *hint = rg_nearest_word(f->value, cell ? cell_fields : col_names, C__COUNT);
	rg_msg(r->map->d, RG_M_FIELD_VALUE, f->value_pos, "%s '%s' is not one of %s%s%s%s",
	    cell ? "a cell's field" : "a column", rg_load_show(r->map, f->value),
	    cell ? "value, growth, change, value(growth)" : "ignore, region, indicator, "
	    "period, kind, value, growth, change, quote, unit, value(growth)",
	    hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
	return -1;
}

static void
read_columns(reader *r, const rg_field *list)
{
	for (const rg_field *f = list; f != NULL; f = f->next) {
		if (!is_scalar(r, f))
			continue;
		int i = spec_field(r, f, 0);
		colspec *c = i >= 0 ? add_spec(r, f) : NULL;
		if (c != NULL)
			c->field = i;
	}
}

static void
read_cell(reader *r, const rg_field *f)
{
	if (f->shape == RG_SCALAR && f->len > 0) {   /* header: value|growth|... */
		int i = spec_field(r, f, 1);
		colspec *c = i >= 0 ? add_spec(r, f) : NULL;
		if (c != NULL) {
			c->field = i;
			c->cell = 1;
		}
		return;
	}
	if (f->shape != RG_MAPPING) {
		rg_load_shape(r->map, f->value_pos, f->key, RG_MAPPING, f->shape);
		return;
	}
	colspec c = { .header = f->key, .field = C_VALUE, .cell = 1, .pos = f->pos };
	int errors = r->map->d->errors;
	for (const rg_field *g = f->sub; g != NULL; g = g->next) {
		size_t k = 0;
		while (cell_keys[k] != NULL && strcmp(cell_keys[k], g->key) != 0)
			k++;
		if (cell_keys[k] == NULL) {
			rg_load_unknown(r->map, g->pos, g->key, "a cell column", cell_keys);
		} else if (is_scalar(r, g)) {
			if (k == K__COUNT)
				c.field = spec_field(r, g, 1);
			else
				c.fixed[k] = g;
		}
	}
	if (r->map->d->errors > errors)
		return;
	colspec *to = add_spec(r, f);
	if (to != NULL)
		*to = c;
}

/* csv.names: TEXT: ID, or TEXT: {id: ID, field: growth} for a row of a
 * wide table whose value cells hold another field. */
static void
read_names(reader *r, const rg_field *list)
{
	static const char *const keys[] = { "id", "field", NULL };
	for (const rg_field *f = list; f != NULL; f = f->next) {
		const char *id = NULL;
		int field = -1;
		if (f->shape == RG_MAPPING) {
			for (const rg_field *g = f->sub; g != NULL; g = g->next) {
				if (strcmp(g->key, "id") == 0 && is_scalar(r, g))
					id = g->value;
				else if (strcmp(g->key, "field") == 0 && is_scalar(r, g))
					field = spec_field(r, g, 1);
				else if (strcmp(g->key, "id") != 0 && strcmp(g->key, "field") != 0)
					rg_load_unknown(r->map, g->pos, g->key, "a name", keys);
			}
			if (id == NULL)
				rg_msg(r->map->d, RG_M_FIELD_MISSING, f->pos,
				    "missing field 'id' in name '%s'",
				    rg_load_show(r->map, f->key));
		} else if (is_scalar(r, f)) {
			id = f->value;
		}
		if (id != NULL)
			*RG_PUSH(r->names, r->nnames, r->cap_names) =
			    (name){ f->key, id, 0, NONE, field, 0 };
	}
}

static void
read_empty(reader *r, const rg_field *f)
{
	if (f->shape == RG_SCALAR && f->len > 0) {
		*RG_PUSH(r->empty, r->nempty, r->cap_empty) = f->value;
		return;
	}
	if (f->shape != RG_SEQUENCE) {
		rg_load_shape(r->map, f->value_pos, f->key, RG_SEQUENCE, f->shape);
		return;
	}
	for (const rg_field *g = f->sub; g != NULL; g = g->next)
		if (is_scalar(r, g))
			*RG_PUSH(r->empty, r->nempty, r->cap_empty) = g->value;
}

static void
read_spec(reader *r, const rg_field *list)
{
	const rg_field *seen[6] = { 0 };
	for (const rg_field *f = list; f != NULL; f = f->next) {
		size_t k = 0;
		while (csv_keys[k] != NULL && strcmp(csv_keys[k], f->key) != 0)
			k++;
		if (csv_keys[k] == NULL) {
			rg_load_unknown(r->map, f->pos, f->key, "csv", csv_keys);
			continue;
		}
		if (seen[k] != NULL) {
			rg_msg(r->map->d, RG_M_FIELD_DUPLICATE, f->pos,
			    "field '%s' appears twice in csv", f->key);
			continue;
		}
		seen[k] = f;
		switch (k) {
		case 0:
			if (!is_scalar(r, f))
				break;
			if (strcmp(f->value, "utf-8") == 0 || strcmp(f->value, "UTF-8") == 0)
				r->encoding = ENC_UTF8;
			else if (strcmp(f->value, "gbk") == 0 || strcmp(f->value, "GBK") == 0)
				r->encoding = ENC_GBK;
			else if (strcmp(f->value, "auto") != 0)
				rg_msg(r->map->d, RG_M_FIELD_VALUE, f->value_pos,
				    "encoding must be auto, utf-8 or "
				    "gbk, found '%s'", rg_load_show(r->map, f->value));
			break;
		case 1:
			if (!is_scalar(r, f))
				break;
			if (strcmp(f->value, "wide") == 0)
				r->wide = 1;
			else if (strcmp(f->value, "long") != 0)
				rg_msg(r->map->d, RG_M_FIELD_VALUE, f->value_pos,
				    "layout must be long or wide, "
				    "found '%s'", rg_load_show(r->map, f->value));
			break;
		case 2:
			if (is_mapping(r, f))
				read_columns(r, f->sub);
			break;
		case 3:
			if (is_mapping(r, f))
				for (const rg_field *g = f->sub; g != NULL; g = g->next)
					read_cell(r, g);
			break;
		case 4:
			if (is_mapping(r, f))
				read_names(r, f->sub);
			break;
		case 5:
			read_empty(r, f);
			break;
		}
	}
	if (seen[3] != NULL && !r->wide)
		rg_msg(r->map->d, RG_M_CSV_MAPPING, seen[3]->pos, "cells are for a wide table (add "
		    "'layout: wide')");
	if (r->wide && r->map->d->errors == 0) {
		size_t cells = 0;
		for (size_t i = 0; i < r->nspecs; i++)
			cells += r->specs[i].cell;
		if (cells == 0)
			rg_msg(r->map->d, RG_M_CSV_MAPPING, seen[1]->value_pos,
			    "a wide table needs 'cells': "
			    "what each value column holds");
	}
}

/* ---- names of regions and indicators ----------------------------------- */

static int
cmp_name(const void *a, const void *b)
{
	const name *x = a, *y = b;
	int c = strcmp(x->text, y->text);
	if (c == 0)
		c = (x->what > y->what) - (x->what < y->what);
	if (c == 0)
		c = (x->order > y->order) - (x->order < y->order);
	return c;
}

static void
add_name(reader *r, const char *text, const char *id, int what, size_t index)
{
	if (text != NULL)
		*RG_PUSH(r->names, r->nnames, r->cap_names) =
		    (name){ text, id, what, index, -1, 0 };
}

/* Every text a cell may name a region or indicator by: csv.names first,
 * then ids, names and, for indicators, "name（unit）" and "name(unit)". */
static void
index_names(reader *r)
{
	rg_dataset *ds = r->ld->ds;
	for (size_t i = 0; i < ds->nregions; i++) {
		add_name(r, ds->regions[i].id, ds->regions[i].id, C_REGION, NONE);
		add_name(r, ds->regions[i].name, ds->regions[i].id, C_REGION, NONE);
	}
	for (size_t i = 0; i < ds->nindicators; i++) {
		const rg_indicator *ind = &ds->indicators[i];
		add_name(r, ind->id, ind->id, C_INDICATOR, i);
		add_name(r, ind->name, ind->id, C_INDICATOR, NONE);
		if (ind->unit != NULL) {
			rg_buf b = { 0 };
			rg_buf_printf(&b, "%s（%s）", ind->name, ind->unit);
			add_name(r, rg_arena_strdup(r->ld->tmp, rg_buf_cstr(&b)), ind->id,
			    C_INDICATOR, NONE);
			b.len = 0;
			rg_buf_printf(&b, "%s(%s)", ind->name, ind->unit);
			add_name(r, rg_arena_strdup(r->ld->tmp, rg_buf_cstr(&b)), ind->id,
			    C_INDICATOR, NONE);
			rg_buf_free(&b);
		}
	}
	for (size_t i = 0; i < r->nnames; i++)
		r->names[i].order = i;
	if (r->nnames > 0)
		qsort(r->names, r->nnames, sizeof *r->names, cmp_name);
}

/* The entry of a text (what: C_REGION or C_INDICATOR), or NULL. */
static const name *
find(const reader *r, const char *text, int what, int indexed)
{
	size_t lo = 0, hi = r->nnames;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(r->names[mid].text, text) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < r->nnames && strcmp(r->names[lo].text, text) == 0; lo++)
		if ((r->names[lo].what == 0 && !indexed) || (r->names[lo].what == what &&
		    (!indexed || r->names[lo].index != NONE)))
			return &r->names[lo];
	return NULL;
}

/* The id a cell names, or NULL. */
static const char *
lookup(const reader *r, const char *text, int what)
{
	const name *n = find(r, text, what, 0);
	return n != NULL ? n->id : NULL;
}

/* The indicator of this id loaded before the CSV, or NULL. */
static const rg_indicator *
indicator(const reader *r, const char *id)
{
	const name *n = find(r, id, C_INDICATOR, 1);
	return n != NULL ? &r->ld->ds->indicators[n->index] : NULL;
}

static int
is_id(const char *s)
{
	int ok = s[0] >= 'a' && s[0] <= 'z';
	for (const char *p = s; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
	return ok;
}

/* ---- the header -------------------------------------------------------- */

/* Do two cell columns fix the same keys (so fill one observation)? */
static int
same_keys(const colspec *a, const colspec *b)
{
	for (int k = 0; k < K__COUNT; k++) {
		if ((a->fixed[k] == NULL) != (b->fixed[k] == NULL))
			return 0;
		if (a->fixed[k] != NULL && strcmp(a->fixed[k]->value, b->fixed[k]->value) != 0)
			return 0;
	}
	return 1;
}

/* The fields a cell column fills, as bits. */
static unsigned
fills(int field)
{
	if (field == C_VALUE_GROWTH)
		return 1u << C_VALUE | 1u << C_GROWTH;
	return 1u << field;
}

static const char *
where_map(reader *r)
{
	return r->map_file != NULL ? r->map_file : "a mapping";
}

static void
header(reader *r)
{
	rg_loader *ld = r->ld;
	int errors = ld->d->errors;
	for (size_t i = 0; i < r->ncells; i++) {
		const cell *c = &r->cells[i];
		column *col = RG_PUSH(r->cols, r->ncols, r->cap_cols);
		memset(col, 0, sizeof *col);
		col->header = rg_arena_strdup(ld->tmp, c->text);
		col->pos = c->pos;
		col->field = -1;
		col->group = NONE;
		if (c->len == 0) {
			/* the empty columns a spreadsheet exports after the last
			 * named one (region,value,,) hold nothing: left out, as
			 * long as their cells are empty (rows, below) */
			size_t k = i + 1;
			while (k < r->ncells && r->cells[k].len == 0)
				k++;
			if (k == r->ncells && i > 0) {
				col->blank = 1;
				continue;
			}
			rg_msg(ld->d, RG_M_CSV_HEADER, c->pos, "column %zu has no header", i + 1);
			continue;
		}
		/* one column whose name holds the separators of another dialect:
		 * the export's cells are separated by ';' or tabs, not commas */
		const char *sep = r->ncells == 1 ? strpbrk(c->text, ";\t") : NULL;
		if (sep != NULL) {
			rg_msg(ld->d, RG_M_CSV_HEADER, c->pos,
			    "the header '%s' is one column: its names are separated by "
			    "%s, but a CSV file separates cells with ',' (export it again "
			    "with ',' as the separator)", rg_load_show(ld, c->text),
			    *sep == ';' ? "';'" : "tabs");
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(r->cols[j].header, c->text) == 0) {
				rg_msg(ld->d, RG_M_CSV_HEADER, c->pos,
				    "column '%s' appears twice in the header "
				    "(first at column %zu)", rg_load_show(ld, c->text), j + 1);
				goto next;
			}
		for (size_t j = 0; j < r->nspecs; j++)
			if (strcmp(r->specs[j].header, c->text) == 0) {
				col->spec = &r->specs[j];
				r->specs[j].seen = 1;
				col->field = r->specs[j].field;
			}
		if (col->spec == NULL) {
			int f = col_index(c->text);
			if (f > C_IGNORE && !(r->wide && (f == C_VALUE || f == C_GROWTH ||
			    f == C_CHANGE || f == C_VALUE_GROWTH))) {
				col->field = f;
			} else {
				const char **known = rg_xcalloc(r->nspecs + C__COUNT + 1,
				    sizeof *known);
				size_t n = 0;
				for (size_t j = 0; j < r->nspecs; j++)
					known[n++] = r->specs[j].header;
				for (size_t j = 1; col_names[j] != NULL; j++)
					known[n++] = col_names[j];
				const char *hint = rg_nearest_word(c->text, known, n);
				rg_msg(ld->d, RG_M_CSV_HEADER, c->pos,
				    "unknown column '%s'%s%s%s (map it under "
				    "csv.%s in %s, or to ignore)", rg_load_show(ld, c->text),
				    hint ? " (did you mean '" : "", hint ? hint : "",
				    hint ? "'?)" : "", r->wide ? "columns or csv.cells" : "columns",
				    where_map(r));
				free(known);
				goto next;
			}
		}
		if (col->field == C_IGNORE || (col->spec != NULL && col->spec->cell))
			goto next;
		for (size_t j = 0; j < i; j++)
			if (r->cols[j].field == col->field &&
			    (r->cols[j].spec == NULL || !r->cols[j].spec->cell)) {
				rg_msg(ld->d, RG_M_CSV_HEADER, c->pos,
				    "columns '%s' and '%s' both give %s",
				    rg_load_show(ld, r->cols[j].header), rg_load_show(ld, c->text),
				    col_names[col->field]);
				break;
			}
	next:;
	}
	r->nnamed = r->ncols;
	while (r->nnamed > 0 && r->cols[r->nnamed - 1].blank)
		r->nnamed--;
	for (size_t j = 0; j < r->nspecs; j++)
		if (!r->specs[j].seen)
			rg_msg(ld->d, RG_M_CSV_HEADER, r->specs[j].pos,
			    "column '%s' is not in the header of %s",
			    rg_load_show(r->map, r->specs[j].header), ld->file);
	if (ld->d->errors > errors) {
		r->header_bad = 1;
		return;
	}
	/* which fields the key columns give */
	int gives[C__COUNT] = { 0 };
	for (size_t i = 0; i < r->ncols; i++)
		if (r->cols[i].field >= 0 && (r->cols[i].spec == NULL || !r->cols[i].spec->cell))
			gives[r->cols[i].field] = 1;
	rg_pos at = rg_pos_make(ld->file, 1, 1);
	if (!r->wide) {
		if (!gives[C_INDICATOR])
			rg_msg(ld->d, RG_M_CSV_HEADER, at,
			    "no column gives the indicator (a column named "
			    "'indicator', or one mapped to it in csv.columns)");
		if (!gives[C_VALUE] && !gives[C_GROWTH] && !gives[C_CHANGE] &&
		    !gives[C_VALUE_GROWTH])
			rg_msg(ld->d, RG_M_CSV_HEADER, at,
			    "no column gives a value, growth or change");
		r->header_bad = ld->d->errors > errors;
		return;
	}
	/* a wide table: cell columns that fix the same keys make one observation */
	for (size_t i = 0; i < r->ncols; i++) {
		column *col = &r->cols[i];
		if (col->spec == NULL || !col->spec->cell)
			continue;
		for (int k = 0; k < K__COUNT; k++)
			if (col->spec->fixed[k] != NULL && gives[key_col[k]])
				rg_msg(r->map->d, RG_M_CSV_MAPPING, col->spec->fixed[k]->pos,
				    "cell column '%s' "
				    "fixes %s, which a column of the table gives too",
				    rg_load_show(r->map, col->header), col_names[key_col[k]]);
		if (col->spec->fixed[K_INDICATOR] == NULL && !gives[C_INDICATOR])
			rg_msg(r->map->d, RG_M_CSV_MAPPING, col->spec->pos,
			    "cell column '%s' has no indicator: "
			    "fix it in the mapping or add a column that gives it",
			    rg_load_show(r->map, col->header));
		for (size_t j = 0; j < i && col->group == NONE; j++)
			if (r->cols[j].spec != NULL && r->cols[j].spec->cell &&
			    same_keys(r->cols[j].spec, col->spec))
				col->group = r->cols[j].group;
		for (size_t j = 0; j < i && col->group != NONE; j++) {
			const colspec *a = r->cols[j].spec;
			if (a != NULL && a->cell && r->cols[j].group == col->group &&
			    (fills(a->field) & fills(col->spec->field)))
				rg_msg(r->map->d, RG_M_CSV_MAPPING, col->spec->pos,
				    "cell columns '%s' and '%s' both "
				    "give the %s of one observation", rg_load_show(r->map, a->header),
				    rg_load_show(r->map, col->header), col_names[col->spec->field]);
		}
		if (col->group == NONE)
			col->group = r->ngroups++;
	}
	r->header_bad = ld->d->errors > errors;
}

/* ---- the rows ---------------------------------------------------------- */

static int
is_empty(const reader *r, const cell *c)
{
	if (c->len == 0)
		return 1;
	for (size_t i = 0; i < r->nempty; i++)
		if (strcmp(r->empty[i], c->text) == 0)
			return 1;
	return 0;
}

static void
add(reader *r, rg_field ***tail, const char *key, const char *v, size_t len, rg_pos pos)
{
	rg_field *f = rg_field_add(r->ld, tail, key, pos);
	rg_field_scalar(r->ld, f, v, len, pos);
}

/* A growth cell may end in %: 8.4% is 8.4. */
static size_t
strip_percent(const char *s, size_t len)
{
	if (len > 1 && s[len - 1] == '%')
		return len - 1;
	if (len > 3 && memcmp(s + len - 3, "％", 3) == 0)
		return len - 3;
	return len;
}

/* 300(8.4%) or 300（8.4%）: value 300, growth 8.4; anything else is a value. */
static void
add_value_growth(reader *r, rg_field ***tail, const cell *c)
{
	const char *s = c->text;
	size_t n = c->len, close = 0;
	if (n > 1 && s[n - 1] == ')')
		close = 1;
	else if (n > 3 && memcmp(s + n - 3, "）", 3) == 0)
		close = 3;
	const char *open = NULL;
	size_t open_len = 0;
	for (size_t i = 0; close > 0 && i < n - close; i++) {
		if (s[i] == '(') {
			open = s + i;
			open_len = 1;
		} else if (memcmp(s + i, "（", 3) == 0 && i + 3 <= n - close) {
			open = s + i;
			open_len = 3;
		}
	}
	if (open != NULL && open > s) {
		const char *g = open + open_len;
		size_t glen = strip_percent(g, (size_t)(s + n - close - g));
		char *growth = rg_arena_strndup(r->ld->tmp, g, glen);
		size_t vlen = (size_t)(open - s);
		while (vlen > 0 && (s[vlen - 1] == ' ' || s[vlen - 1] == '\t'))
			vlen--;
		if (rg_data_is_number(growth) && vlen > 0) {
			add(r, tail, "value", s, vlen, c->pos);
			rg_pos gp = c->pos;
			gp.col += (int)(g - s);
			add(r, tail, "growth", growth, glen, gp);
			return;
		}
	}
	add(r, tail, "value", s, n, c->pos);
}

/* One cell of a key or long column into the field list; 0 if it names no
 * region or indicator (reported). */
static int
add_cell(reader *r, rg_field ***tail, int field, const cell *c, const char **ind)
{
	rg_loader *ld = r->ld;
	const char *v = c->text;
	size_t len = c->len;
	switch (field) {
	case C_REGION:
	case C_INDICATOR: {
		const char *id = lookup(r, v, field);
		if (id == NULL && !is_id(v)) {
			rg_msg(ld->d, RG_M_UNKNOWN_REFERENCE, c->pos,
			    "'%s' is neither the id nor the name of %s "
			    "(name it under csv.names in %s)", rg_load_show(ld, v),
			    field == C_REGION ? "a region" : "an indicator", where_map(r));
			return 0;
		}
		if (id == NULL)
			id = v;
		if (field == C_INDICATOR)
			*ind = id;
		add(r, tail, col_names[field], id, strlen(id), c->pos);
		return 1;
	}
	case C_VALUE_GROWTH:
		add_value_growth(r, tail, c);
		return 1;
	case C_GROWTH:
	case C_CHANGE: {
		/* 8.4% is 8.4; other text is shown as written */
		char *num = rg_arena_strndup(ld->tmp, v, strip_percent(v, len));
		if (rg_data_is_number(num))
			len = strlen(num);
		break;
	}
	case C_UNIT:
	case C_IGNORE:
		return 1;
	}
	add(r, tail, col_names[field], v, len, c->pos);
	return 1;
}

/* A unit cell must say the unit of the row's indicator. */
static void
check_unit(reader *r, const cell *c, const char *ind)
{
	rg_loader *ld = r->ld;
	if (ind == NULL)
		return;
	const rg_indicator *i = indicator(r, ind);
	if (i == NULL)
		rg_msg(ld->d, RG_M_UNIT_MISMATCH, c->pos,
		    "unit '%s' is given for indicator '%s', which "
		    "%s does not define", rg_load_show(ld, c->text), ind, where_map(r));
	else if (i->unit == NULL || strcmp(i->unit, c->text) != 0)
		rg_msg(ld->d, RG_M_UNIT_MISMATCH, c->pos,
		    "unit '%s' is not the unit of indicator '%s' "
		    "(%s, %s:%d:%d)", rg_load_show(ld, c->text), ind,
		    i->unit ? i->unit : "none", i->pos.file, i->pos.line, i->pos.col);
}

static void
row(reader *r)
{
	rg_loader *ld = r->ld;
	size_t filled = 0;
	for (size_t i = 0; i < r->ncells; i++)
		filled += !is_empty(r, &r->cells[i]);
	if (filled == 0)
		return;                          /* a blank row */
	/* a row may leave out the empty columns after the last named one */
	while (r->ncells < r->ncols && r->ncells >= r->nnamed && r->ncells > 0) {
		rg_pos end = r->cells[r->ncells - 1].pos;
		cell *c = RG_PUSH(r->cells, r->ncells, r->cap_cells);
		c->text = "";
		c->len = 0;
		c->pos = end;
	}
	for (size_t i = r->nnamed; i < r->ncells && i < r->ncols; i++)
		if (!is_empty(r, &r->cells[i])) {
			rg_msg(ld->d, RG_M_CSV_ROW, r->cells[i].pos,
			    "column %zu has no header, but this row has '%s' in it", i + 1,
			    rg_load_show(ld, r->cells[i].text));
			return;
		}
	if (r->ncells != r->ncols) {
		size_t at = r->ncells > r->ncols ? r->ncols : r->ncells - 1;
		rg_msg(ld->d, RG_M_CSV_ROW, r->cells[at].pos, "row has %zu cell%s, the header %zu",
		    r->ncells, r->ncells == 1 ? "" : "s", r->ncols);
		return;
	}
	/* a row whose indicator is named with a field (csv.names) */
	int as = -1;
	for (size_t i = 0; i < r->ncols; i++)
		if (r->cols[i].field == C_INDICATOR && !is_empty(r, &r->cells[i])) {
			const name *n = find(r, r->cells[i].text, C_INDICATOR, 0);
			as = n != NULL ? n->field : -1;
		}
	size_t ngroups = r->wide ? r->ngroups : 1;
	for (size_t g = 0; g < ngroups; g++) {
		rg_field *list = NULL, **tail = &list;
		const char *ind = NULL;
		const cell *unit = NULL;
		const colspec *cells = NULL;     /* wide: a cell column of group g */
		int any = 0, named = 1;
		rg_pos at = r->cells[0].pos;
		for (size_t i = 0; i < r->ncols; i++) {
			const column *col = &r->cols[i];
			const cell *c = &r->cells[i];
			int is_cell = col->spec != NULL && col->spec->cell;
			if (is_cell && col->group != g)
				continue;
			if (is_cell && cells == NULL)
				cells = col->spec;
			if (col->field <= C_IGNORE || is_empty(r, c))
				continue;
			if (is_cell && !any) {
				at = c->pos;
				any = 1;
			}
			if (col->field == C_UNIT)
				unit = c;
			int field = col->field;
			if (is_cell && as >= 0 && (field == C_VALUE || field == C_VALUE_GROWTH))
				field = as;
			named &= add_cell(r, &tail, field, c, &ind);
		}
		if (!named)
			return;              /* reported once for the row */
		if (r->wide && !any)
			continue;
		for (int k = 0; cells != NULL && k < K__COUNT; k++) {
			const rg_field *fx = cells->fixed[k];
			if (fx == NULL)
				continue;
			add(r, &tail, col_names[key_col[k]], fx->value, fx->len, fx->value_pos);
			if (k == K_INDICATOR)
				ind = fx->value;
		}
		if (unit != NULL)
			check_unit(r, unit, ind);
		rg_load_observation(ld, list, at);
	}
}

/* ---- libcsv ------------------------------------------------------------ */

static void
on_cell(void *s, size_t len, void *data)
{
	reader *r = data;
	size_t start = r->cell_start != NONE ? r->cell_start : r->off;
	r->cell_start = NONE;
	cell *c = RG_PUSH(r->cells, r->ncells, r->cap_cells);
	char *t = rg_arena_strndup(r->ld->tmp, s ? s : "", s ? len : 0);
	/* a line break in a quoted cell is LF, as YAML and XML make it, whether
	 * the export wrote CRLF (the rows' own ending) or CR */
	size_t n = 0;
	for (size_t i = 0; s != NULL && i < len; i++) {
		if (t[i] == '\r') {
			t[n++] = '\n';
			if (i + 1 < len && t[i + 1] == '\n')
				i++;
		} else {
			t[n++] = t[i];
		}
	}
	t[n] = '\0';
	c->text = t;
	c->len = n;
	c->pos = rg_loader_pos(r->ld, start);
}

static void
on_row(int c, void *data)
{
	(void)c;
	reader *r = data;
	if (!r->header_done) {
		header(r);
		r->header_done = 1;
	} else if (!r->header_bad) {
		row(r);
	}
	r->ncells = 0;
}

static void
parse(reader *r, size_t start)
{
	rg_loader *ld = r->ld;
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		rg_msg(ld->d, RG_M_PARSER_FAILED, rg_pos_make(ld->file, 0, 0),
		    "cannot start the CSV parser");
		return;
	}
	const unsigned char *b = (const unsigned char *)ld->buf;
	r->cell_start = NONE;
	int broken = 0;
	for (size_t off = start; off < ld->len && !broken; off++) {
		if (r->cell_start == NONE && b[off] != '\r' && b[off] != '\n')
			r->cell_start = off;
		r->off = off;
		if (csv_parse(&p, b + off, 1, on_cell, on_row, r) == 1)
			continue;
		broken = 1;
		rg_pos at = rg_loader_pos(ld, off);
		size_t s = r->cell_start;
		while (s < off && (b[s] == ' ' || b[s] == '\t'))
			s++;
		if (csv_error(&p) != CSV_EPARSE)
			rg_msg(ld->d, RG_M_PARSER_FAILED, at, "%s", csv_strerror(csv_error(&p)));
		else if (b[s] == '"')
			rg_msg(ld->d, RG_M_CSV_SYNTAX, at,
			    "'%s' after the closing quote of a cell (a quote "
			    "inside a quoted cell is written \"\")",
			    rg_load_show(ld, rg_arena_strndup(ld->tmp, (const char *)b + off,
			    b[off] >= 0x80 ? 1 + (b[off] >= 0xC0) + (b[off] >= 0xE0) +
			    (b[off] >= 0xF0) : 1)));
		else
			rg_msg(ld->d, RG_M_CSV_SYNTAX, at,
			    "a quote inside a cell that does not start with one "
			    "(quote the whole cell and write the quote \"\")");
	}
	if (!broken) {
		r->off = ld->len;
		size_t open = r->cell_start;
		if (csv_fini(&p, on_cell, on_row, r) != 0 || csv_error(&p) == CSV_EPARSE)
			rg_msg(ld->d, RG_M_CSV_SYNTAX,
			    rg_loader_pos(ld, open != NONE ? open : ld->len),
			    
			    "a quoted cell is not closed by the end of the file");
	}
	csv_free(&p);
	if (!r->header_done && !broken)
		rg_msg(ld->d, RG_M_FILE_EMPTY, rg_pos_make(ld->file, 0, 0),
		    "empty file (a CSV file starts "
		    "with a header row)");
}

/* ---- encoding ---------------------------------------------------------- */

/* GBK (read as GB 18030, its superset) to UTF-8; 0, or -1 reported. */
static int
from_gbk(reader *r, int told)
{
	rg_loader *ld = r->ld;
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1) {
		rg_msg(ld->d, RG_M_ENCODING_FAILED, rg_pos_make(ld->file, 0, 0),
		    "cannot convert from GBK: %s",
		    strerror(errno));
		return -1;
	}
	size_t cap = ld->len * 2 + 16;   /* a GBK character is 2 bytes, in UTF-8 3 */
	char *out = rg_xmalloc(cap), *o = out;
	char *in = ld->buf;
	size_t inleft = ld->len, outleft = cap - 1;
	int rc = 0;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(o - out);
			cap *= 2;
			out = rg_xrealloc(out, cap);
			o = out + used;
			outleft = cap - used - 1;
			continue;
		}
		rg_pos at = rg_loader_pos(ld, (size_t)(in - ld->buf));
		unsigned byte = (unsigned char)*in;
		if (told)
			rg_msg(ld->d, RG_M_ENCODING, at,
			    "byte #%02X is not GBK (the mapping says encoding: "
			    "gbk)", byte);
		else
			rg_msg(ld->d, RG_M_ENCODING, at,
			    "byte #%02X is neither UTF-8 nor GBK (the file "
			    "must be one of them)", byte);
		rc = -1;
		break;
	}
	iconv_close(cd);
	if (rc < 0) {
		free(out);
		return -1;
	}
	*o = '\0';
	rg_loader_set_text(ld, out, (size_t)(o - out));
	return 0;
}

/* Bring the file to UTF-8; the offset where the text starts (after a BOM),
 * or NONE when it cannot be read. */
static size_t
to_utf8(reader *r)
{
	rg_loader *ld = r->ld;
	int bom = ld->len >= 3 && memcmp(ld->buf, "\xEF\xBB\xBF", 3) == 0;
	if (bom && r->encoding == ENC_GBK) {
		rg_msg(ld->d, RG_M_ENCODING, rg_pos_make(ld->file, 1, 1),
		    "the file starts with a UTF-8 "
		    "byte order mark, but the mapping says encoding: gbk");
		return NONE;
	}
	long bad = rg_utf8_invalid_at(ld->buf, ld->len);
	if (bom || r->encoding == ENC_UTF8 || (r->encoding == ENC_AUTO && bad < 0)) {
		if (bad >= 0) {
			rg_msg(ld->d, RG_M_ENCODING, rg_loader_pos(ld, (size_t)bad),
			    "byte #%02X is not "
			    "UTF-8 (%s)", (unsigned char)ld->buf[bad], bom ? "the file starts "
			    "with a UTF-8 byte order mark" : "the mapping says encoding: utf-8");
			return NONE;
		}
		return bom ? 3 : 0;
	}
	return from_gbk(r, r->encoding == ENC_GBK) < 0 ? NONE : 0;
}

/* ---- loading ----------------------------------------------------------- */

/* NAME.csv's mapping: NAME.csvmap. */
static char *
map_path(const char *path)
{
	size_t n = strlen(path);
	char *m = rg_xmalloc(n + 4);
	memcpy(m, path, n - 4);
	strcpy(m + n - 4, ".csvmap");
	return m;
}

int
rg_data_load_csv(rg_dataset *ds, const char *path, rg_diag *d)
{
	reader r;
	memset(&r, 0, sizeof r);
	int problems = d->errors + d->failures;
	rg_loader ml, ld;
	char *mp = map_path(path);
	if (access(mp, F_OK) == 0) {
		if (rg_loader_open(&ml, ds, mp, d) < 0) {
			free(mp);
			return -1;
		}
		r.map = &ml;
		r.map_file = ml.file;
		rg_csvmap map = { 0 };
		rg_yaml_read(&ml, &map);
		read_spec(&r, map.fields);
	}
	free(mp);
	if (d->errors + d->failures == problems && rg_loader_open(&ld, ds, path, d) == 0) {
		r.ld = &ld;
		if (r.map != NULL)
			ld.meta = ml.meta;
		index_names(&r);
		size_t start = to_utf8(&r);
		if (start != NONE)
			parse(&r, start);
		rg_loader_close(&ld);
	}
	if (r.map != NULL)
		rg_loader_close(&ml);
	free(r.specs);
	free(r.empty);
	free(r.names);
	free(r.cols);
	free(r.cells);
	return d->errors + d->failures > problems ? -1 : 0;
}
