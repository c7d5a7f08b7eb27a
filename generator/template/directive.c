/* directive.c -- see directive.h */
#include "directive.h"

#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/suggest.h"
#include "format.h"
#include "grid.h"
#include "spec.h"
#include "words.h"

static const char *const directives[] = { "figures", "table", "chart", "toc", "dateline",
	NULL };

/* The first word of the info string. */
static size_t
info_word(const char *info, const char **word)
{
	while (*info == ' ')
		info++;
	*word = info;
	size_t n = 0;
	while (info[n] && info[n] != ' ')
		n++;
	return n;
}

int
rg_directive_is(const char *info)
{
	const char *w;
	size_t n = info_word(info, &w);
	for (size_t i = 0; directives[i] != NULL; i++)
		if (strlen(directives[i]) == n && strncmp(w, directives[i], n) == 0)
			return 1;
	return 0;
}

/* ```figures -- a list of key figures: 名称：数值单位，增长x%. */
static const char *const figures_keys[] = {
	"region", "period", "kind", "indicators", NULL
};

static void
figure_item(rg_doc *doc, rg_block *list, const rg_indicator *ind,
    const rg_observation *o, const rg_words *words, rg_pos pos)
{
	rg_numfmt f = rg_numfmt_default;
	f.words = words;
	rg_block *item = rg_doc_block_new(doc, list, RG_BLOCK_ITEM, pos);
	rg_block *p = rg_doc_block_new(doc, item, RG_BLOCK_PARAGRAPH, pos);
	rg_buf b = { 0 };
	rg_buf_printf(&b, "%s：", ind->name);
	rg_doc_span_add(doc, p, RG_SPAN_TEXT, RG_STYLE_STRONG, b.data, b.len, NULL, pos);
	rg_buf_clear(&b);
	const char *trend = rg_format_trend(doc->arena, o, &f);
	if (o->value != NULL) {
		rg_buf_puts(&b, rg_format_value(doc->arena, ind, o->value, &f));
		if (*trend)
			rg_buf_printf(&b, "，%s", trend);
	} else {
		rg_buf_puts(&b, trend);
	}
	rg_doc_span_add(doc, p, RG_SPAN_TEXT, 0, b.data, b.len, NULL, pos);
	rg_buf_free(&b);
}

static int
expand_figures(rg_doc *doc, rg_block *parent, rg_spec *spec, rg_pos fence_pos,
    const rg_dataset *ds, const char *region, const char *period, const rg_words *words,
    int keyed, rg_diag *d)
{
	int rc = 0;
	const char *r = rg_spec_scalar(spec, "region", d);
	if (r != NULL) {
		const rg_region *reg = rg_dataset_region(ds, r);
		if (reg == NULL) {
			rg_msg(d, RG_M_UNKNOWN_REFERENCE, rg_spec_get(spec, "region")->value_pos[0],
			    "unknown region '%s' in figures directive", r);
			rc = -1;
		} else {
			region = reg->id;
		}
	}
	const char *p = rg_spec_scalar(spec, "period", d);
	if (p != NULL)
		period = p;
	int kind = RG_OBS_ACTUAL;
	const char *k = rg_spec_scalar(spec, "kind", d);
	if (k != NULL) {
		rg_obs_kind kk;
		if (rg_obs_kind_parse(k, &kk) < 0) {
			rg_msg(d, RG_M_KEY_VALUE, rg_spec_get(spec, "kind")->value_pos[0],
			    "unknown kind '%s' (expected actual, target, base, plan or estimate)", k);
			rc = -1;
		}
		kind = (int)kk;
	}
	rg_spec_entry *ids = rg_spec_get(spec, "indicators");
	if (rg_spec_check_unused(spec, "figures directive", figures_keys, d) < 0)
		rc = -1;
	if (rc < 0)
		return rc;

	rg_block *list = rg_doc_block_new(doc, parent, RG_BLOCK_LIST, fence_pos);
	list->tight = 1;
	if (ids != NULL) {
		for (size_t i = 0; i < ids->nvalues; i++) {
			const rg_indicator *ind = rg_dataset_indicator(ds, ids->values[i]);
			if (ind == NULL) {
				rg_msg(d, RG_M_UNKNOWN_REFERENCE, ids->value_pos[i],
				    "unknown indicator '%s' in figures "
				    "directive", ids->values[i]);
				rc = -1;
				continue;
			}
			rg_obs_query q = { ind->id, region, period, kind };
			const rg_observation *o;
			int found = rg_dataset_find(ds, &q, &o, 1) == 1;
			if (!found && keyed)
				continue;       /* a key indicator without a figure here */
			if (!found) {
				rg_msg(d, RG_M_DATA_MISSING, ids->value_pos[i], "no %s observation of '%s' for region "
				    "%s, period %s", rg_obs_kind_name((rg_obs_kind)kind), ind->id,
				    region ? region : "(none)", period ? period : "(none)");
				rc = -1;
				continue;
			}
			figure_item(doc, list, ind, o, words, fence_pos);
		}
		if (keyed && list->first_child == NULL)
			rg_msg(d, RG_M_NO_OBSERVATIONS, fence_pos, "figures directive found no %s observations of "
			    "the key indicators for region %s, period %s",
			    rg_obs_kind_name((rg_obs_kind)kind), region ? region : "(none)",
			    period ? period : "(none)");
		return rc;
	}
	for (size_t i = 0; i < ds->nobservations; i++) {
		const rg_observation *o = &ds->observations[i];
		if ((int)o->kind != kind || (region && strcmp(o->region, region) != 0) ||
		    (period && strcmp(o->period, period) != 0))
			continue;
		figure_item(doc, list, rg_dataset_indicator(ds, o->indicator), o, words, fence_pos);
	}
	if (list->first_child == NULL)
		rg_msg(d, RG_M_NO_OBSERVATIONS, fence_pos,
		    "figures directive found no %s observations for "
		    "region %s, period %s", rg_obs_kind_name((rg_obs_kind)kind),
		    region ? region : "(none)", period ? period : "(none)");
	return 0;
}

/* ```toc -- a table of contents with page numbers, filled in by layout. */
static const char *const toc_keys[] = { "depth", "title", NULL };

static int
expand_toc(rg_doc *doc, rg_block *parent, rg_spec *spec, rg_pos fence_pos,
    const rg_words *words, rg_diag *d)
{
	int depth = 2;
	const char *ds = rg_spec_scalar(spec, "depth", d);
	if (ds != NULL) {
		if (strlen(ds) != 1 || ds[0] < '1' || ds[0] > '4') {
			rg_msg(d, RG_M_KEY_VALUE, rg_spec_get(spec, "depth")->value_pos[0],
			    "depth must be 1, 2, 3 or 4, found '%s'", ds);
			return -1;
		}
		depth = ds[0] - '0';
	}
	const char *title = rg_spec_scalar(spec, "title", d);
	if (rg_spec_check_unused(spec, "toc directive", toc_keys, d) < 0)
		return -1;
	if (title == NULL)
		title = rg_word_of(words, RG_W_CONTENTS);
	rg_block *b = rg_doc_block_new(doc, parent, RG_BLOCK_TOC, fence_pos);
	b->level = depth;
	rg_doc_span_add(doc, b, RG_SPAN_TEXT, 0, title, strlen(title), NULL, fence_pos);
	return 0;
}

/* ```dateline -- the signature and the date that close a document:
 * 2024年12月29日 in Arabic digits (GB/T 9704), placed by the theme. */
static const char *const dateline_keys[] = { "date", "signature", NULL };

static int
expand_dateline(rg_doc *doc, rg_block *parent, rg_spec *spec, rg_pos fence_pos,
    rg_diag *d)
{
	const char *date = rg_spec_scalar(spec, "date", d);
	rg_spec_entry *sig = rg_spec_get(spec, "signature");
	if (rg_spec_check_unused(spec, "dateline directive", dateline_keys, d) < 0)
		return -1;
	if (date == NULL)
		date = doc->meta.date;
	if (date == NULL) {
		rg_msg(d, RG_M_DIRECTIVE_INCOMPLETE, fence_pos,
		    "dateline has no date: give 'date' here, or a date in "
		    "the front matter or the data");
		return -1;
	}
	int y, m, dd;
	char tail;
	rg_buf text = { 0 };
	if (strlen(date) == 10 && sscanf(date, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) == 3)
		rg_buf_printf(&text, "%d年%d月%d日", y, m, dd);
	else
		rg_buf_puts(&text, date);
	for (size_t i = 0; sig != NULL && i < sig->nvalues; i++) {
		rg_block *b = rg_doc_block_new(doc, parent, RG_BLOCK_DATELINE, fence_pos);
		rg_doc_span_add(doc, b, RG_SPAN_TEXT, 0, sig->values[i], strlen(sig->values[i]),
		    NULL, sig->value_pos[i]);
	}
	rg_block *b = rg_doc_block_new(doc, parent, RG_BLOCK_DATELINE, fence_pos);
	b->level = 1;
	rg_doc_span_add(doc, b, RG_SPAN_TEXT, 0, text.data, text.len, NULL, fence_pos);
	rg_buf_free(&text);
	return 0;
}

/* indicators: key -- the document's key indicators, unless the data has
 * an indicator of that id.  1 if replaced. */
static int
key_indicators(rg_spec *spec, rg_arena *a, const rg_dataset *ds, const rg_expander *ex)
{
	rg_spec_entry *e = rg_spec_get(spec, "indicators");
	if (e == NULL || e->nvalues != 1 || strcmp(e->values[0], "key") != 0 ||
	    rg_dataset_indicator(ds, "key") != NULL)
		return 0;
	e->used = 0;     /* rg_spec_get marked it; the directive reads it */
	size_t n = ex->nkey;
	const char **vals = rg_arena_alloc(a, (n ? n : 1) * sizeof *vals);
	rg_pos *poss = rg_arena_alloc(a, (n ? n : 1) * sizeof *poss);
	char *quoted = rg_arena_alloc(a, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		vals[i] = ex->key_indicators[i];
		poss[i] = e->value_pos[0];
		quoted[i] = 0;
	}
	e->values = vals;
	e->value_pos = poss;
	e->quoted = quoted;
	e->nvalues = n;
	e->is_seq = 1;
	return 1;
}

int
rg_directive_expand(rg_doc *doc, rg_block *parent, const char *info,
    const char *body, rg_pos body_pos, rg_pos fence_pos, const rg_dataset *ds,
    const char *region, const char *period, const rg_expander *ex,
    const struct rg_words *words, rg_diag *d)
{
	rg_spec spec = { 0 };
	if (rg_spec_parse(&spec, doc->arena, body, strlen(body), body_pos, d) < 0) {
		rg_spec_free(&spec);
		return -1;
	}
	return rg_directive_expand_spec(doc, parent, info, &spec, fence_pos, ds, region, period,
	    ex, words, d);
}

int
rg_directive_expand_spec(rg_doc *doc, rg_block *parent, const char *info,
    rg_spec *specp, rg_pos fence_pos, const rg_dataset *ds,
    const char *region, const char *period, const rg_expander *ex,
    const struct rg_words *words, rg_diag *d)
{
	rg_spec spec = *specp;
	memset(specp, 0, sizeof *specp);
	int rc = 0;
	for (size_t i = 0; ex != NULL && i < spec.n; i++) {
		rg_spec_entry *e = &spec.entries[i];
		for (size_t k = 0; k < e->nvalues; k++) {
			const char *v = ex->value(ex->arg, e->key, e->values[k], e->value_pos[k],
			    e->quoted[k]);
			if (v == NULL)
				rc = -1;
			else
				e->values[k] = v;
		}
	}
	int keyed = 0;
	if (rc == 0 && ex != NULL && ex->key_indicators != NULL)
		keyed = key_indicators(&spec, doc->arena, ds, ex);
	if (rc == 0) {
		const char *w;
		size_t n = info_word(info, &w);
		rg_dctx x = { doc, parent, &spec, fence_pos, ds, region, period, NULL, d, words,
		    keyed };
		if (n == 7 && strncmp(w, "figures", n) == 0) {
			rc = expand_figures(doc, parent, &spec, fence_pos, ds, region, period, words,
			    keyed, d);
		} else if (n == 5 && strncmp(w, "table", n) == 0) {
			x.what = "table directive";
			rc = rg_table_expand(&x);
		} else if (n == 5 && strncmp(w, "chart", n) == 0) {
			x.what = "chart directive";
			rc = rg_chart_expand(&x);
		} else if (n == 3 && strncmp(w, "toc", n) == 0) {
			rc = expand_toc(doc, parent, &spec, fence_pos, words, d);
		} else if (n == 8 && strncmp(w, "dateline", n) == 0) {
			rc = expand_dateline(doc, parent, &spec, fence_pos, d);
		}
	}
	rg_spec_free(&spec);
	return rc;
}
