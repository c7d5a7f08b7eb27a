/* table.c -- the ```table directive: comparison, plan and static tables.
 *
 * Each builds one RG_BLOCK_TABLE (doc.h), which the layout stage sets as a
 * three-line table.  Row labels are left-aligned; in the number columns a
 * number is right-aligned and never broken, "—" (missing) and text that
 * reads as a quantity (1-2, ≤2.8, 97以上) right-aligned, other text
 * (完成市下达目标) centred.  The spec keys are documented in docs/templates.md.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/suggest.h"
#include "grid.h"

enum { TOTAL_SUM, TOTAL_AVERAGE };
static const char *const total_names[] = { "sum", "average", NULL };
static const rg_word total_labels[] = { RG_W_TOTAL, RG_W_AVERAGE };
static const char *const order_names[] = { "desc", "asc", NULL };

/* ---- cells ------------------------------------------------------------ */

static rg_cell *
add_cell(rg_dctx *x, rg_row *row, const char *text, rg_align al, int span, rg_pos pos)
{
	rg_cell *c = rg_doc_cell_add(x->doc, row, al, span);
	if (text != NULL && *text != '\0')
		rg_doc_cell_span(x->doc, c, 0, text, strlen(text), pos);
	return c;
}

/* Text that reads as a quantity: 1-2, 72.5以上, ≤2.8, —. */
static int
number_like(const char *s)
{
	static const char *const signs[] = { "—", "≤", "≥", "<", ">", "约" };
	if (*s >= '0' && *s <= '9')
		return 1;
	for (size_t i = 0; i < sizeof signs / sizeof *signs; i++)
		if (strncmp(s, signs[i], strlen(signs[i])) == 0)
			return 1;
	return 0;
}

/* A cell of a number column: numbers and quantities right-aligned, other
 * text centred; only numbers are never broken. */
static rg_cell *
value_cell(rg_dctx *x, rg_row *row, const char *text, int number, rg_pos pos)
{
	rg_align al = number || number_like(text) ? RG_ALIGN_RIGHT : RG_ALIGN_CENTER;
	rg_cell *cell = add_cell(x, row, text, al, 1, pos);
	cell->numeric = number;
	return cell;
}

static rg_table *
new_table(rg_dctx *x, size_t ncols, size_t nheader, const char *caption, const char *note)
{
	rg_block *b = rg_doc_block_new(x->doc, x->parent, RG_BLOCK_TABLE, x->fence);
	rg_table *t = rg_doc_table_new(x->doc, b, ncols);
	t->nheader = nheader;
	t->caption = caption;
	t->note = note;
	/* where the layout may set it (every kind of table) */
	static const char *const orientations[] = { "auto", "portrait", "landscape", NULL };
	static const char *const splits[] = { "no", "columns", NULL };
	int o = rg_spec_choice(x->spec, "orientation", orientations, RG_ORIENT_AUTO, x->d);
	int sp = rg_spec_choice(x->spec, "split", splits, 0, x->d);
	static const char *const aligns[] = { "right", "decimal", NULL };
	int al = rg_spec_choice(x->spec, "align", aligns, 0, x->d);
	/* auto: a landscape table floats to after the page it comes on (the
	 * text after it fills that page); here: it breaks the page */
	static const char *const floats[] = { "auto", "here", NULL };
	int fl = rg_spec_choice(x->spec, "float", floats, 0, x->d);
	t->orientation = o < 0 ? RG_ORIENT_AUTO : o;
	t->split_columns = sp == 1;
	t->decimal_align = al == 1;
	t->float_here = fl == 1;
	return t;
}

static const char * __attribute__((format(printf, 2, 3)))
text_printf(rg_arena *a, const char *fmt, ...)
{
	rg_buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	rg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	const char *s = rg_arena_strdup(a, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return s;
}

static int
same_unit(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The total or average of a column's written values (NULL: missing): ""
 * when a value is text, none is a number or percentages would be summed,
 * "—" when one is missing.  A sum keeps the most decimals written; an
 * average has one more. */
static const char *
total_of(rg_dctx *x, const char *const *vals, size_t n, int mode, const char *unit,
    const rg_numfmt *f)
{
	if (mode == TOTAL_SUM && unit != NULL && (strcmp(unit, "%") == 0 ||
	    strcmp(unit, "‰") == 0))
		return "";
	/* in exact decimal arithmetic (format.h): 12345678901234567 + 1 + 1
	 * summed in binary floating point printed …568 */
	const char *sum = "0";
	int decimals = 0, missing = 0;
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		if (vals[i] == NULL) {
			missing = 1;
			continue;
		}
		int dec = rg_format_decimals(vals[i]);
		if (dec < 0)
			return "";
		if (dec > decimals)
			decimals = dec;
		sum = rg_dec_add(x->doc->arena, sum, vals[i]);
		if (sum == NULL)
			return "";
		count++;
	}
	if (count == 0)
		return "";
	if (missing)
		return "—";
	char buf[192];
	if (mode == TOTAL_AVERAGE) {
		/* sum / count, rounded half away from zero to one decimal more */
		char den[32];
		snprintf(den, sizeof den, "%zu00", count);
		decimals++;
		sum = rg_dec_percent(x->doc->arena, sum, den, decimals);
		if (sum == NULL)
			return "";
	}
	snprintf(buf, sizeof buf, "%s", sum);
	const char *v = rg_format_number(x->doc->arena, buf, unit, f);
	return v != NULL ? v : "—";
}

static const char *
read_text(rg_dctx *x, const char *key, int *rc)
{
	const char *v = rg_spec_scalar(x->spec, key, x->d);
	if (v == NULL && rg_spec_get(x->spec, key) != NULL)
		*rc = -1;
	return v;
}

/* ---- comparison ------------------------------------------------------- */

static const char *const comparison_keys[] = {
	"type", "regions", "indicators", "periods", "kind", "rows", "columns", "show",
	"sort", "order", "total", "stub", "caption", "note", "orientation", "float", "split",
	"align", "decimals", "scale", "thousands", "growth", "from", "share_of", NULL
};

typedef struct comparison {
	rg_dctx *x;
	rg_grid g;
	int show[4];             /* RG_SHOW_* under each column key */
	size_t nshow;
	int sort_col;            /* column key to sort by, or -1 */
	int sort_show, sort_asc;
	int total;               /* index in total_names, or -1 */
	int unit_col;            /* rows are indicators: a 单位 column */
	const char *stub;        /* the row labels' header, or NULL */
	rg_compute k;            /* from:, share_of: */
} comparison;

static const char *
cell_field(const comparison *cm, size_t r, size_t c, int show)
{
	rg_compute k = cm->k;
	k.asc = cm->sort_asc;
	return rg_grid_field(&cm->g, cm->x, &k, r, c, show);
}

static int
read_show(comparison *cm)
{
	rg_spec_entry *e = rg_spec_get(cm->x->spec, "show");
	if (e == NULL) {
		cm->show[cm->nshow++] = RG_SHOW_VALUE;
		return 0;
	}
	int rc = 0;
	for (size_t i = 0; i < e->nvalues; i++) {
		int s = rg_spec_choice_at(e, i, rg_show_names, cm->x->d);
		if (s < 0)
			rc = -1;
		else if (cm->nshow < 4)
			cm->show[cm->nshow++] = s;
	}
	if (rc == 0 && (e->nvalues == 0 || e->nvalues > 4)) {
		rg_msg(cm->x->d, RG_M_KEY_VALUE, e->key_pos,
		    "show lists %zu values (expected one to four "
		    "of value, growth, change, diff, completion, share and rank)", e->nvalues);
		rc = -1;
	}
	return rc;
}

/* sort: ID or ID.FIELD, ID a column key, FIELD value, growth or change. */
static int
read_sort(comparison *cm)
{
	rg_dctx *x = cm->x;
	cm->sort_col = -1;
	const char *v = rg_spec_scalar(x->spec, "sort", x->d);
	int asc = rg_spec_choice(x->spec, "order", order_names, 0, x->d);
	if (asc < 0)
		return -1;
	cm->sort_asc = asc;
	if (v == NULL)
		return rg_spec_get(x->spec, "sort") != NULL ? -1 : 0;
	rg_pos pos = rg_spec_get(x->spec, "sort")->value_pos[0];
	const char *dot = strchr(v, '.');
	size_t idlen = dot != NULL ? (size_t)(dot - v) : strlen(v);
	size_t n = rg_grid_count(&cm->g, 1);
	const char **ids = rg_xcalloc(n + 1, sizeof *ids);
	for (size_t c = 0; c < n; c++) {
		const rg_key *k = rg_grid_key(&cm->g, 1, c);
		ids[c] = k->id;
		if ((strlen(k->id) == idlen && strncmp(k->id, v, idlen) == 0) ||
		    (strlen(k->label) == idlen && strncmp(k->label, v, idlen) == 0))
			cm->sort_col = (int)c;
	}
	if (cm->sort_col < 0) {
		char *id = rg_arena_strndup(x->doc->arena, v, idlen);
		const char *hint = rg_nearest_word(id, ids, n);
		rg_msg(x->d, RG_M_KEY_VALUE, pos,
		    "sort names '%s', which is not a column of the table%s%s%s",
		    id, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
	}
	free(ids);
	cm->sort_show = RG_SHOW_VALUE;
	if (dot != NULL) {
		int s = -1;
		for (int k = 0; rg_show_names[k] != NULL; k++)
			if (strcmp(dot + 1, rg_show_names[k]) == 0)
				s = k;
		if (s < 0) {
			rg_msg(x->d, RG_M_KEY_VALUE, pos,
			    "unknown field '%s' in sort (expected value, growth "
			    "or change)", dot + 1);
			return -1;
		}
		cm->sort_show = s;
	}
	return cm->sort_col < 0 ? -1 : 0;
}

typedef struct sortkey {
	double v;
	int has;
	size_t row;
} sortkey;

static int
cmp_sortkey(const void *pa, const void *pb)
{
	const sortkey *a = pa, *b = pb;
	if (a->has != b->has)
		return b->has - a->has;
	if (a->has && a->v != b->v)
		return a->v < b->v ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

/* Rows in display order: as listed, or sorted with missing values last. */
static size_t *
row_order(const comparison *cm)
{
	size_t n = rg_grid_count(&cm->g, 0);
	sortkey *k = rg_xcalloc(n ? n : 1, sizeof *k);
	for (size_t r = 0; r < n; r++) {
		k[r].row = r;
		if (cm->sort_col < 0)
			continue;
		const char *s = cell_field(cm, r, (size_t)cm->sort_col, cm->sort_show);
		if (s != NULL && rg_format_decimals(s) >= 0) {
			k[r].has = 1;
			k[r].v = strtod(s, NULL) * (cm->sort_asc ? 1 : -1);
		}
	}
	qsort(k, n, sizeof *k, cmp_sortkey);
	size_t *order = rg_xcalloc(n ? n : 1, sizeof *order);
	for (size_t r = 0; r < n; r++)
		order[r] = k[r].row;
	free(k);
	return order;
}

/* The unit of column key c, when one indicator fills the column. */
static const char *
column_unit(const comparison *cm, size_t c)
{
	if (cm->unit_col)
		return NULL;
	return rg_grid_indicator(&cm->g, 0, c)->unit;
}

/* The word and the bracketed unit of a column header: "" and the scaled
 * unit for values, "增长" and "%" for growth in numbers, "差值" and
 * 个百分点 for the difference of a rate.  With a 单位 column, the units of
 * values and differences are there instead. */
static void
show_words(const comparison *cm, int show, const char *unit, const char **word,
    const char **bracket)
{
	static const rg_word names[] = {
		[RG_SHOW_GROWTH] = RG_W_GROWTH, [RG_SHOW_CHANGE] = RG_W_CHANGE,
		[RG_SHOW_DIFF] = RG_W_DIFF, [RG_SHOW_COMPLETION] = RG_W_COMPLETION,
		[RG_SHOW_SHARE] = RG_W_SHARE, [RG_SHOW_RANK] = RG_W_RANK,
	};
	int number = cm->g.fmt.growth == RG_GROWTH_NUMBER;
	*word = show == RG_SHOW_VALUE ? "" : rg_word_of(cm->x->words, names[show]);
	if ((show == RG_SHOW_VALUE || show == RG_SHOW_DIFF) && cm->unit_col)
		*bracket = NULL;
	else if ((show == RG_SHOW_GROWTH || show == RG_SHOW_CHANGE) && !number)
		*bracket = NULL;        /* 增长10%, 提高0.6个百分点: the cell says it */
	else
		*bracket = rg_show_unit(cm->x->doc->arena, cm->x->words, show, unit,
		    &cm->g.fmt);
}

/* Does the table show show? */
static int
shows(const comparison *cm, int show)
{
	for (size_t s = 0; s < cm->nshow; s++)
		if (cm->show[s] == show)
			return 1;
	return 0;
}

static const char *
stub_label(const comparison *cm)
{
	if (cm->stub != NULL)
		return cm->stub;
	switch (cm->g.along[0]) {
	case RG_DIM_REGIONS:
		return rg_word_of(cm->x->words, RG_W_REGION);
	case RG_DIM_INDICATORS:
		return rg_word_of(cm->x->words, RG_W_INDICATOR);
	default:
		for (size_t r = 0; r < rg_grid_count(&cm->g, 0); r++) {
			const char *p = rg_grid_key(&cm->g, 0, r)->id;
			if (p[strspn(p, "0123456789")] != '\0')
				return rg_word_of(cm->x->words, RG_W_PERIOD);
		}
		return rg_word_of(cm->x->words, RG_W_YEAR);
	}
}

static void
comparison_header(comparison *cm, rg_table *t)
{
	rg_dctx *x = cm->x;
	rg_arena *a = x->doc->arena;
	rg_row *top = rg_doc_row_add(x->doc, t);
	rg_row *sub = cm->nshow > 1 ? rg_doc_row_add(x->doc, t) : NULL;
	/* the stub and unit headers stand over both header rows */
	add_cell(x, top, stub_label(cm), RG_ALIGN_CENTER, 1, x->fence)->rowspan = sub ? 2 : 1;
	if (sub != NULL)
		add_cell(x, sub, "", RG_ALIGN_CENTER, 1, x->fence)->covered = 1;
	if (cm->unit_col) {
		add_cell(x, top, rg_word_of(x->words, RG_W_UNIT), RG_ALIGN_CENTER, 1,
		    x->fence)->rowspan = sub ? 2 : 1;
		if (sub != NULL)
			add_cell(x, sub, "", RG_ALIGN_CENTER, 1, x->fence)->covered = 1;
	}
	for (size_t c = 0; c < rg_grid_count(&cm->g, 1); c++) {
		const rg_key *k = rg_grid_key(&cm->g, 1, c);
		const char *unit = column_unit(cm, c);
		if (sub != NULL)
			add_cell(x, top, k->label, RG_ALIGN_CENTER, (int)cm->nshow, k->pos);
		for (size_t s = 0; s < cm->nshow; s++) {
			const char *word, *bracket;
			show_words(cm, cm->show[s], unit, &word, &bracket);
			const char *label;
			if (sub == NULL)
				label = text_printf(a, "%s%s%s%s%s", k->label, word,
				    bracket ? "（" : "", bracket ? bracket : "", bracket ? "）" : "");
			else
				label = text_printf(a, "%s%s%s%s", *word ? word : rg_word_of(x->words, RG_W_VALUE),
				    bracket ? "（" : "", bracket ? bracket : "", bracket ? "）" : "");
			add_cell(x, sub != NULL ? sub : top, label, RG_ALIGN_CENTER, 1, k->pos);
		}
	}
}

/* The 单位 of a row of indicator ind: that of its values, or, when the
 * table shows no values, of its differences (个百分点 for a rate). */
static const char *
unit_text(const comparison *cm, const rg_indicator *ind)
{
	int show = shows(cm, RG_SHOW_VALUE) ? RG_SHOW_VALUE : RG_SHOW_DIFF;
	const char *u = rg_show_unit(cm->x->doc->arena, cm->x->words, show, ind->unit,
	    &cm->g.fmt);
	return u != NULL ? u : "";
}

/* A difference under a 单位 column that gives another unit (a rate's,
 * %, over its difference in 个百分点) carries its own: 1.6个百分点. */
static const char *
diff_text(const comparison *cm, const rg_indicator *ind, const char *num)
{
	if (!cm->unit_col)
		return num;
	rg_arena *a = cm->x->doc->arena;
	const char *u = rg_show_unit(a, cm->x->words, RG_SHOW_DIFF, ind->unit, &cm->g.fmt);
	if (u == NULL || strcmp(u, unit_text(cm, ind)) == 0)
		return num;
	return text_printf(a, "%s%s", num, u);
}

static void
comparison_row(comparison *cm, rg_table *t, size_t r)
{
	rg_dctx *x = cm->x;
	rg_row *row = rg_doc_row_add(x->doc, t);
	const rg_key *k = rg_grid_key(&cm->g, 0, r);
	add_cell(x, row, k->label, RG_ALIGN_LEFT, 1, k->pos);
	if (cm->unit_col)
		add_cell(x, row, unit_text(cm, rg_grid_indicator(&cm->g, r, 0)), RG_ALIGN_CENTER,
		    1, k->pos);
	for (size_t c = 0; c < rg_grid_count(&cm->g, 1); c++) {
		const rg_observation *o = rg_grid_obs(&cm->g, r, c);
		const rg_indicator *ind = rg_grid_indicator(&cm->g, r, c);
		for (size_t s = 0; s < cm->nshow; s++) {
			const char *v = cell_field(cm, r, c, cm->show[s]);
			rg_arena *a = x->doc->arena;
			if (v == NULL) {
				value_cell(x, row, "—", 0, k->pos);
			} else if (cm->show[s] == RG_SHOW_GROWTH) {
				value_cell(x, row, rg_format_obs_growth(a, o, &cm->g.fmt), 1, k->pos);
			} else if (cm->show[s] == RG_SHOW_CHANGE) {
				value_cell(x, row, rg_format_change(a, v, &cm->g.fmt), 1, k->pos);
			} else if (cm->show[s] >= RG_SHOW_COMPLETION) {
				value_cell(x, row, v, 1, k->pos);
			} else {
				const char *num = rg_format_number(a, v, ind->unit, &cm->g.fmt);
				if (num != NULL && cm->show[s] == RG_SHOW_DIFF)
					num = diff_text(cm, ind, num);
				value_cell(x, row, num != NULL ? num : v, num != NULL, k->pos);
			}
			/* --dump=doc marks figures reportgen computed */
			rg_cell *last = &row->cells[row->ncells - 1];
			for (size_t i = 0; v != NULL && cm->show[s] >= RG_SHOW_DIFF && i < last->nspans; i++)
				last->spans[i].computed = 1;
		}
	}
}

/* A total needs one unit down each column. */
static int
check_total_units(comparison *cm)
{
	if (!cm->unit_col)
		return 0;
	const rg_indicator *first = rg_grid_indicator(&cm->g, 0, 0);
	for (size_t r = 1; r < rg_grid_count(&cm->g, 0); r++) {
		const rg_indicator *ind = rg_grid_indicator(&cm->g, r, 0);
		if (!same_unit(first->unit, ind->unit)) {
			rg_msg(cm->x->d, RG_M_MIXED_UNITS,
			    rg_spec_get(cm->x->spec, "total")->value_pos[0],
			    "a total needs one unit in every row: %s is in %s, %s in %s",
			    first->name, first->unit ? first->unit : "no unit", ind->name,
			    ind->unit ? ind->unit : "no unit");
			return -1;
		}
	}
	return 0;
}

static void
comparison_total(comparison *cm, rg_table *t)
{
	rg_dctx *x = cm->x;
	size_t n = rg_grid_count(&cm->g, 0);
	rg_row *row = rg_doc_row_add(x->doc, t);
	row->total = 1;
	add_cell(x, row, rg_word_of(x->words, total_labels[cm->total]), RG_ALIGN_LEFT, 1,
	    x->fence);
	if (cm->unit_col)
		add_cell(x, row, unit_text(cm, rg_grid_indicator(&cm->g, 0, 0)), RG_ALIGN_CENTER,
		    1, x->fence);
	const char **vals = rg_xcalloc(n ? n : 1, sizeof *vals);
	for (size_t c = 0; c < rg_grid_count(&cm->g, 1); c++) {
		for (size_t s = 0; s < cm->nshow; s++) {
			if (cm->show[s] != RG_SHOW_VALUE) {
				add_cell(x, row, "", RG_ALIGN_RIGHT, 1, x->fence);
				continue;
			}
			for (size_t r = 0; r < n; r++)
				vals[r] = rg_obs_field(rg_grid_obs(&cm->g, r, c), RG_SHOW_VALUE);
			const char *v = total_of(x, vals, n, cm->total,
			    rg_grid_indicator(&cm->g, 0, c)->unit, &cm->g.fmt);
			value_cell(x, row, v, *v != '\0' && strcmp(v, "—") != 0, x->fence);
		}
	}
	free(vals);
}

static int
expand_comparison(rg_dctx *x)
{
	static const char *const along_keys[2] = { "rows", "columns" };
	static const rg_dim dflt[2] = { RG_DIM_REGIONS, RG_DIM_INDICATORS };
	comparison cm;
	memset(&cm, 0, sizeof cm);
	cm.x = x;
	int rc = rg_grid_read(&cm.g, x, along_keys, dflt);
	if (rg_dctx_numfmt(x, &cm.g.fmt, rg_numfmt_keys) < 0 || read_show(&cm) < 0)
		rc = -1;
	int none = rc == 0 && cm.g.nkeys[RG_DIM_INDICATORS] == 0;  /* indicators: key */
	if (rc == 0 && !none && read_sort(&cm) < 0)
		rc = -1;
	if (none)
		(void)rg_spec_get(x->spec, "sort");
	cm.total = rg_spec_choice(x->spec, "total", total_names, -1, x->d);
	if (cm.total < 0 && rg_spec_get(x->spec, "total") != NULL)
		rc = -1;
	cm.stub = read_text(x, "stub", &rc);
	if (rg_dctx_compute(x, &cm.k) < 0)
		rc = -1;
	const char *caption = read_text(x, "caption", &rc);
	const char *note = read_text(x, "note", &rc);
	if (rg_dctx_check_keys(x, "comparison table", comparison_keys) < 0)
		rc = -1;
	if (rc < 0)
		return -1;
	if (rg_grid_none(&cm.g, x))
		return 0;
	if (shows(&cm, RG_SHOW_VALUE) || shows(&cm, RG_SHOW_DIFF))
		rg_grid_check_scale(&cm.g, x);
	/* rows of indicators: their units in a 单位 column, unless every column
	 * has one unit of its own (growth, shares, completion: %) */
	cm.unit_col = cm.g.along[0] == RG_DIM_INDICATORS &&
	    (shows(&cm, RG_SHOW_VALUE) || shows(&cm, RG_SHOW_DIFF));
	if (cm.total >= 0 && check_total_units(&cm) < 0)
		return -1;
	if (shows(&cm, RG_SHOW_SHARE) && rg_grid_check_share(&cm.g, x, &cm.k) < 0)
		return -1;

	size_t ncols = 1 + (size_t)cm.unit_col + rg_grid_count(&cm.g, 1) * cm.nshow;
	rg_table *t = new_table(x, ncols, cm.nshow > 1 ? 2 : 1, caption, note);
	comparison_header(&cm, t);
	size_t *order = row_order(&cm);
	int any = 0;
	for (size_t i = 0; i < rg_grid_count(&cm.g, 0); i++) {
		comparison_row(&cm, t, order[i]);
		for (size_t c = 0; c < rg_grid_count(&cm.g, 1); c++)
			any |= rg_grid_obs(&cm.g, order[i], c) != NULL;
	}
	free(order);
	if (cm.total >= 0)
		comparison_total(&cm, t);
	if (!any)
		rg_msg(x->d, RG_M_NO_OBSERVATIONS, x->fence,
		    "comparison table found no observations");
	return 0;
}

/* ---- plan ------------------------------------------------------------- */

static const char *const plan_keys[] = {
	"type", "region", "indicators", "base", "targets", "actuals", "year_targets",
	"attribute", "groups", "caption", "note", "orientation", "split", "align", "decimals", "scale", "thousands",
	"growth", NULL
};

typedef struct plancol {
	const char *period;
	int kind;
	const char *label;       /* 2020年基数 */
} plancol;

/* The value columns: base (kind base), targets (plan), actuals (actual,
 * else estimate), year_targets (target: a year's 目标). */
static int
plan_columns(rg_dctx *x, plancol **cols, size_t *n)
{
	static const struct { const char *key; int kind; rg_word word; } sources[] = {
		{ "base", RG_OBS_BASE, RG_W_BASE },
		{ "targets", RG_OBS_PLAN, RG_W_TARGET },
		{ "actuals", RG_OBS_ACTUAL, RG_W_ACTUAL },
		{ "year_targets", RG_OBS_TARGET, RG_W_TARGET },
	};
	size_t cap = 0;
	int rc = 0;
	for (size_t s = 0; s < sizeof sources / sizeof *sources; s++) {
		const rg_spec_entry *e = rg_spec_get(x->spec, sources[s].key);
		for (size_t i = 0; e != NULL && i < e->nvalues; i++) {
			const char *p = rg_dctx_period(x, e, i);
			if (p == NULL) {
				rc = -1;
				continue;
			}
			plancol *c = RG_PUSH(*cols, *n, cap);
			c->period = p;
			c->kind = sources[s].kind;
			c->label = text_printf(x->doc->arena, "%s%s",
			    rg_period_label(x->doc->arena, p), rg_word_of(x->words, sources[s].word));
		}
	}
	if (rc == 0 && *n == 0) {
		rg_msg(x->d, RG_M_DIRECTIVE_INCOMPLETE, x->fence, "plan table needs base, targets, actuals or "
		    "year_targets (the periods of its columns)");
		rc = -1;
	}
	return rc;
}

/* The observation of column c for ind: of its kind; for actuals, an
 * estimate where there is no actual. */
static const rg_observation *
plan_obs(const rg_dctx *x, const rg_indicator *ind, const char *region, const plancol *c)
{
	rg_obs_query q = { ind->id, region, c->period, c->kind };
	const rg_observation *o = NULL;
	if (rg_dataset_find(x->ds, &q, &o, 1) == 1)
		return o;
	q.kind = RG_OBS_ESTIMATE;
	if (c->kind == RG_OBS_ACTUAL && rg_dataset_find(x->ds, &q, &o, 1) == 1)
		return o;
	return NULL;
}

/* 300（8.4）: a plan value with its average annual growth; growth alone
 * in words; an estimate under 完成 says so (预计增长1.5%). */
static void
plan_cell(rg_dctx *x, rg_row *row, const rg_indicator *ind, const rg_observation *o,
    const rg_numfmt *f, rg_pos pos)
{
	rg_arena *a = x->doc->arena;
	if (o == NULL) {
		value_cell(x, row, "—", 0, pos);
		return;
	}
	const char *est = o->kind == RG_OBS_ESTIMATE ? rg_word_of(x->words, RG_W_ESTIMATE) : "";
	if (o->value == NULL) {
		/* growth, or the change of a rate (提高0.6个百分点), or both */
		value_cell(x, row, text_printf(a, "%s%s", est, rg_format_trend(a, o, f)), 1, pos);
		return;
	}
	const char *num = rg_format_number(a, o->value, ind->unit, f);
	const char *v = num != NULL ? num : o->value;
	if (o->growth != NULL) {
		rg_numfmt plain = *f;
		plain.growth = RG_GROWTH_NUMBER;
		v = text_printf(a, "%s（%s）", v, rg_format_growth(a, o->growth, &plain));
	}
	if (*est)
		v = text_printf(a, "%s%s", est, v);
	value_cell(x, row, v, num != NULL, pos);
}

static int
expand_plan(rg_dctx *x)
{
	int rc = 0;
	rg_numfmt f = rg_numfmt_default;
	f.words = x->words;
	if (rg_dctx_numfmt(x, &f, rg_numfmt_keys) < 0)
		rc = -1;
	const char *region = x->region;
	const rg_spec_entry *re = rg_spec_get(x->spec, "region");
	if (re != NULL) {
		const rg_region *r = rg_spec_scalar(x->spec, "region", x->d) != NULL ?
		    rg_dctx_region(x, re, 0) : NULL;
		if (r == NULL)
			rc = -1;
		else
			region = r->id;
	} else if (region == NULL) {
		rg_msg(x->d, RG_M_DIRECTIVE_INCOMPLETE, x->fence,
		    "plan table needs a region: there is no default");
		rc = -1;
	}
	const rg_spec_entry *ie = rg_spec_get(x->spec, "indicators");
	const rg_indicator **inds = rg_xcalloc(ie != NULL && ie->nvalues ? ie->nvalues : 1,
	    sizeof *inds);
	size_t nind = 0;
	for (size_t i = 0; ie != NULL && i < ie->nvalues; i++)
		if ((inds[nind] = rg_dctx_indicator(x, ie, i)) != NULL)
			nind++;
		else
			rc = -1;
	if (ie == NULL || ie->nvalues == 0) {
		rg_msg(x->d, RG_M_DIRECTIVE_INCOMPLETE, ie != NULL ? ie->key_pos : x->fence,
		    "plan table needs "
		    "indicators");
		rc = -1;
	}
	plancol *cols = NULL;
	size_t ncol = 0;
	if (plan_columns(x, &cols, &ncol) < 0)
		rc = -1;
	/* indicators: key -- those with a figure in some column */
	size_t *at = rg_xcalloc(nind ? nind : 1, sizeof *at);
	size_t nkept = 0;
	for (size_t i = 0; i < nind; i++) {
		int any = !x->key_list;
		for (size_t c = 0; c < ncol && !any && rc == 0; c++)
			any = plan_obs(x, inds[i], region, &cols[c]) != NULL;
		if (any) {
			at[nkept] = i;
			inds[nkept++] = inds[i];
		}
	}
	if (x->key_list && rc == 0) {
		nind = nkept;
		/* and the columns in which one of them has a figure */
		size_t nc = 0;
		for (size_t c = 0; c < ncol; c++) {
			int any = 0;
			for (size_t i = 0; i < nind && !any; i++)
				any = plan_obs(x, inds[i], region, &cols[c]) != NULL;
			if (any)
				cols[nc++] = cols[c];
		}
		ncol = nc;
	}
	int any_attr = 0;
	for (size_t i = 0; i < nind; i++)
		any_attr |= inds[i]->attribute != NULL;
	int attr = rg_spec_bool(x->spec, "attribute", any_attr, x->d);
	int groups = rg_spec_bool(x->spec, "groups", 1, x->d);
	if (attr < 0 || groups < 0)
		rc = -1;
	const char *caption = read_text(x, "caption", &rc);
	const char *note = read_text(x, "note", &rc);
	if (rg_dctx_check_keys(x, "plan table", plan_keys) < 0)
		rc = -1;
	if (rc < 0 || (x->key_list && nind == 0)) {
		if (rc == 0)
			rg_msg(x->d, RG_M_NO_OBSERVATIONS, x->fence, "%s: none of the key indicators has an "
			    "observation here; nothing is made", x->what);
		free(inds);
		free(cols);
		free(at);
		return rc < 0 ? -1 : 0;
	}

	size_t ncols = 2 + ncol + (size_t)attr;
	rg_table *t = new_table(x, ncols, 1, caption, note);
	rg_row *head = rg_doc_row_add(x->doc, t);
	add_cell(x, head, rg_word_of(x->words, RG_W_INDICATOR), RG_ALIGN_CENTER, 1, x->fence);
	add_cell(x, head, rg_word_of(x->words, RG_W_UNIT), RG_ALIGN_CENTER, 1, x->fence);
	for (size_t c = 0; c < ncol; c++)
		add_cell(x, head, cols[c].label, RG_ALIGN_CENTER, 1, x->fence);
	if (attr)
		add_cell(x, head, rg_word_of(x->words, RG_W_ATTRIBUTE), RG_ALIGN_CENTER, 1, x->fence);
	const char *group = NULL;
	for (size_t i = 0; i < nind; i++) {
		const rg_indicator *ind = inds[i];
		rg_pos pos = ie->value_pos[x->key_list ? at[i] : i];
		rg_dctx_check_scale(x, &f, ind);
		const char *g = ind->group != NULL ? ind->group : rg_word_of(x->words, RG_W_OTHER);
		if (groups && (group == NULL || strcmp(group, g) != 0) &&
		    (ind->group != NULL || group != NULL)) {
			rg_row *gr = rg_doc_row_add(x->doc, t);
			gr->group = 1;
			add_cell(x, gr, g, RG_ALIGN_LEFT, (int)ncols, pos);
			group = g;
		}
		rg_row *row = rg_doc_row_add(x->doc, t);
		add_cell(x, row, ind->name, RG_ALIGN_LEFT, 1, pos);
		const char *unit = rg_format_unit(x->doc->arena, ind->unit, &f);
		add_cell(x, row, unit != NULL ? unit : "", RG_ALIGN_CENTER, 1, pos);
		for (size_t c = 0; c < ncol; c++)
			plan_cell(x, row, ind, plan_obs(x, ind, region, &cols[c]), &f, pos);
		if (attr)
			add_cell(x, row, ind->attribute ? ind->attribute : "", RG_ALIGN_CENTER, 1,
			    pos);
	}
	free(inds);
	free(cols);
	free(at);
	return 0;
}

/* ---- static ----------------------------------------------------------- */

static const char *const static_keys[] = {
	"type", "header", "rows", "total", "caption", "note", "orientation", "float", "split", "align",
	"decimals", "thousands", NULL
};
static const char *const static_numfmt_keys[] = { "decimals", "thousands", NULL };

/* Split "a | b \| c" into trimmed cells in the arena; returns the count. */
static size_t
split_cells(rg_arena *a, const char *line, const char ***out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	rg_buf cell = { 0 };
	for (const char *s = line;; s++) {
		if (*s == '\\' && s[1] == '|') {
			rg_buf_putc(&cell, *++s);
			continue;
		}
		if (*s != '|' && *s != '\0') {
			rg_buf_putc(&cell, *s);
			continue;
		}
		const char *c = rg_buf_cstr(&cell);
		size_t len = cell.len;
		while (*c == ' ' || *c == '\t') {
			c++;
			len--;
		}
		while (len > 0 && (c[len - 1] == ' ' || c[len - 1] == '\t'))
			len--;
		*RG_PUSH(*out, n, cap) = rg_arena_strndup(a, c, len);
		rg_buf_clear(&cell);
		if (*s == '\0')
			break;
	}
	rg_buf_free(&cell);
	return n;
}

static int
is_missing(const char *s)
{
	return *s == '\0' || strcmp(s, "—") == 0 || strcmp(s, "-") == 0;
}

/* A written cell: numbers (and percentages) formatted and right-aligned,
 * text centred; the first column is the row label, unless it is the only
 * one (a column of values). */
static void
static_cell(rg_dctx *x, rg_row *row, const char *text, size_t col, size_t ncols,
    const rg_numfmt *f, rg_pos pos)
{
	if (col == 0 && ncols > 1) {
		add_cell(x, row, text, RG_ALIGN_LEFT, 1, pos);
		return;
	}
	if (is_missing(text)) {
		value_cell(x, row, *text ? "—" : "", 0, pos);
		return;
	}
	size_t len = strlen(text);
	const char *suffix = "";
	char *num = rg_arena_strdup(x->doc->arena, text);
	if (len > 1 && num[len - 1] == '%') {
		num[len - 1] = '\0';
		suffix = "%";
	} else if (len > 3 && strcmp(num + len - 3, "‰") == 0) {
		num[len - 3] = '\0';
		suffix = "‰";
	}
	const char *v = rg_format_number(x->doc->arena, num, NULL, f);
	if (v == NULL)
		value_cell(x, row, text, 0, pos);
	else
		value_cell(x, row, text_printf(x->doc->arena, "%s%s", v, suffix), 1, pos);
}

/* "%" or "‰" when a header cell of column c ends in that unit in brackets
 * (增长（%）, 占比(‰)): a rate, not summed; else NULL. */
static const char *
header_rate(const char ***cells, const size_t *ncells, size_t nheader, size_t c)
{
	static const char *const rates[] = { "%", "‰" };
	static const char *const brackets[][2] = { { "（", "）" }, { "(", ")" } };
	for (size_t r = 0; r < nheader; r++) {
		const char *h = c < ncells[r] ? cells[r][c] : "";
		size_t len = strlen(h);
		for (size_t k = 0; k < 2; k++)
			for (size_t b = 0; b < 2; b++) {
				char want[16];
				snprintf(want, sizeof want, "%s%s%s", brackets[b][0], rates[k],
				    brackets[b][1]);
				size_t wl = strlen(want);
				if (len >= wl && strcmp(h + len - wl, want) == 0)
					return rates[k];
			}
	}
	return NULL;
}

/* The header rows of a static table.  Over several rows, a cell the same
 * as its neighbour on the right merges with it into one over both columns
 * (but in the last row, whose cells head columns of their own, and within
 * the span of the cell above), and a cell the same as the one above it,
 * each over one column, merges into that one over both rows: 地区 over
 * the two rows, 地区生产总值 over 数值 and 增长. */
static void
static_header(rg_dctx *x, rg_table *t, const rg_spec_entry *he, const char ***cells,
    const size_t *ncells, size_t ncols)
{
	size_t nh = he->nvalues;
	/* span[r * ncols + c]: the width of the cell starting at column c of
	 * row r (0: inside one); up[r * ncols + c]: covered by the cell above */
	size_t *span = rg_xcalloc(nh * ncols, sizeof *span);
	int *up = rg_xcalloc(nh * ncols, sizeof *up);
	size_t *rows = rg_xcalloc(nh * ncols, sizeof *rows);
#define HTEXT(r, c) ((c) < ncells[r] ? cells[r][c] : "")
	for (size_t r = 0; r < nh; r++)
		for (size_t c = 0; c < ncols;) {
			size_t w = 1;
			while (nh > 1 && r + 1 < nh && c + w < ncols && *HTEXT(r, c) != '\0' &&
			    strcmp(HTEXT(r, c), HTEXT(r, c + w)) == 0 &&
			    (r == 0 || span[(r - 1) * ncols + c + w] == 0))
				w++;
			span[r * ncols + c] = w;
			c += w;
		}
	for (size_t r = 1; r < nh; r++)
		for (size_t c = 0; c < ncols; c++)
			if (span[r * ncols + c] == 1 && span[(r - 1) * ncols + c] == 1 &&
			    *HTEXT(r, c) != '\0' && strcmp(HTEXT(r, c), HTEXT(r - 1, c)) == 0)
				up[r * ncols + c] = 1;
	for (size_t r = 0; r < nh; r++)
		for (size_t c = 0; c < ncols; c++) {
			size_t k = 1;
			while (r + k < nh && up[(r + k) * ncols + c])
				k++;
			rows[r * ncols + c] = k;
		}
	for (size_t r = 0; r < nh; r++) {
		rg_row *row = rg_doc_row_add(x->doc, t);
		for (size_t c = 0; c < ncols; c++) {
			size_t w = span[r * ncols + c];
			if (w == 0)
				continue;
			if (up[r * ncols + c]) {
				add_cell(x, row, "", RG_ALIGN_CENTER, 1, he->value_pos[r])->covered = 1;
				continue;
			}
			rg_cell *cell = add_cell(x, row, HTEXT(r, c), RG_ALIGN_CENTER, (int)w,
			    he->value_pos[r]);
			cell->rowspan = (int)rows[r * ncols + c];
		}
	}
#undef HTEXT
	free(span);
	free(up);
	free(rows);
}

static int
expand_static(rg_dctx *x)
{
	int rc = 0;
	rg_numfmt f = rg_numfmt_default;
	f.words = x->words;
	if (rg_dctx_numfmt(x, &f, static_numfmt_keys) < 0)
		rc = -1;
	const rg_spec_entry *he = rg_spec_get(x->spec, "header");
	const rg_spec_entry *re = rg_spec_get(x->spec, "rows");
	int total = rg_spec_choice(x->spec, "total", total_names, -1, x->d);
	if (total < 0 && rg_spec_get(x->spec, "total") != NULL)
		rc = -1;
	const char *caption = read_text(x, "caption", &rc);
	const char *note = read_text(x, "note", &rc);
	if (rg_dctx_check_keys(x, "static table", static_keys) < 0)
		rc = -1;
	if (he == NULL || he->nvalues == 0 || re == NULL || re->nvalues == 0) {
		rg_msg(x->d, RG_M_DIRECTIVE_INCOMPLETE, x->fence,
		    "static table needs header and rows (cells "
		    "separated by '|')");
		rc = -1;
	}
	if (rc < 0)
		return -1;

	rg_arena *a = x->doc->arena;
	const char ***cells = rg_xcalloc(he->nvalues + re->nvalues, sizeof *cells);
	size_t *ncells = rg_xcalloc(he->nvalues + re->nvalues, sizeof *ncells);
	size_t ncols = 0;
	for (size_t i = 0; i < he->nvalues; i++) {
		ncells[i] = split_cells(a, he->values[i], &cells[i]);
		if (ncells[i] > ncols)
			ncols = ncells[i];
	}
	for (size_t i = 0; i < re->nvalues; i++) {
		size_t k = he->nvalues + i;
		ncells[k] = split_cells(a, re->values[i], &cells[k]);
		if (ncells[k] != ncols && !(ncells[k] == 1 && ncols > 1)) {
			rg_msg(x->d, RG_M_TABLE_ROW, re->value_pos[i],
			    "row has %zu cells but the header has %zu",
			    ncells[k], ncols);
			rc = -1;
		}
	}
	if (rc == 0 && ncols == 1 && total >= 0) {
		/* a single column is values, not row labels: the total row
		 * needs a place for its 合计, a stub column empty above it */
		for (size_t k = 0; k < he->nvalues + re->nvalues; k++) {
			const char **two = rg_xcalloc(2, sizeof *two);
			two[0] = "";
			two[1] = ncells[k] > 0 ? cells[k][0] : "";
			free(cells[k]);
			cells[k] = two;
			ncells[k] = 2;
		}
		ncols = 2;
	}
	if (rc == 0) {
		rg_table *t = new_table(x, ncols, he->nvalues, caption, note);
		static_header(x, t, he, cells, ncells, ncols);
		for (size_t i = 0; i < re->nvalues; i++) {
			size_t k = he->nvalues + i;
			rg_row *row = rg_doc_row_add(x->doc, t);
			if (ncells[k] == 1 && ncols > 1) {
				row->group = 1;
				add_cell(x, row, cells[k][0], RG_ALIGN_LEFT, (int)ncols, re->value_pos[i]);
				continue;
			}
			for (size_t c = 0; c < ncols; c++)
				static_cell(x, row, cells[k][c], c, ncols, &f, re->value_pos[i]);
		}
		if (total >= 0) {
			rg_row *row = rg_doc_row_add(x->doc, t);
			row->total = 1;
			add_cell(x, row, rg_word_of(x->words, total_labels[total]), RG_ALIGN_LEFT,
			    1, x->fence);
			const char **vals = rg_xcalloc(re->nvalues, sizeof *vals);
			for (size_t c = 1; c < ncols; c++) {
				size_t n = 0;
				for (size_t i = 0; i < re->nvalues; i++) {
					size_t k = he->nvalues + i;
					if (ncells[k] == ncols)
						vals[n++] = is_missing(cells[k][c]) ? NULL : cells[k][c];
				}
				const char *v = total_of(x, vals, n, total,
				    header_rate(cells, ncells, he->nvalues, c), &f);
				value_cell(x, row, v, *v != '\0' && strcmp(v, "—") != 0, x->fence);
			}
			free(vals);
		}
	}
	for (size_t i = 0; i < he->nvalues + re->nvalues; i++)
		free(cells[i]);
	free(cells);
	free(ncells);
	return rc;
}

/* ---- the directive ---------------------------------------------------- */

int
rg_table_expand(rg_dctx *x)
{
	static const char *const types[] = { "comparison", "plan", "static", NULL };
	int type = rg_spec_choice(x->spec, "type", types, 0, x->d);
	switch (type) {
	case 0:
		return expand_comparison(x);
	case 1:
		return expand_plan(x);
	case 2:
		return expand_static(x);
	default:
		return -1;
	}
}
