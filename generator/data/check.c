/* check.c -- the rules on element contents, for YAML and XML alike.
 *
 * Each rg_load_* function gets an element as a list of fields, reports
 * every problem (unknown, repeated, empty or wrongly shaped fields, missing
 * required ones, bad syntax of ids, numbers, dates, kinds, attributes) and,
 * if there was none, adds the element to the dataset.
 */
#include <string.h>

#include "../base/buf.h"
#include "../base/suggest.h"
#include "../base/utf8.h"
#include "load.h"

#define MAX_KEYS 8

typedef struct element {
	const char *name;            /* in messages */
	const char *xml;             /* the XML element */
	const char *const keys[MAX_KEYS + 1];
	const char *mapping;         /* the key whose value is a mapping, if any */
} element;

enum { M_TITLE, M_SUBTITLE, M_REGION, M_PERIOD, M_DATE, M_AUTHOR, M_SOURCE };
enum { S_DOCUMENT, S_SEED, S_PUBLISHER, S_URL };
enum { R_ID, R_NAME, R_LEVEL };
enum { I_ID, I_NAME, I_UNIT, I_GROUP, I_ATTRIBUTE, I_NOTE };
enum { O_INDICATOR, O_REGION, O_PERIOD, O_KIND, O_VALUE, O_GROWTH, O_CHANGE, O_QUOTE };
enum { N_ID, N_REGION, N_PERIOD, N_TITLE, N_TEXT };

static const element meta_el = { "meta", "meta",
	{ "title", "subtitle", "region", "period", "date", "author", "source" }, "source" };
static const element source_el = { "meta.source", "source",
	{ "document", "seed", "publisher", "url" }, NULL };
static const element region_el = { "region", "region",
	{ "id", "name", "level" }, NULL };
static const element indicator_el = { "indicator", "indicator",
	{ "id", "name", "unit", "group", "attribute", "note" }, NULL };
static const element obs_el = { "observation", "obs",
	{ "indicator", "region", "period", "kind", "value", "growth", "change", "quote" },
	NULL };
static const element narrative_el = { "narrative", "narrative",
	{ "id", "region", "period", "title", "text" }, NULL };

static const element *const elements[] = {
	&meta_el, &source_el, &region_el, &indicator_el, &obs_el, &narrative_el
};

const char *
rg_shape_name(rg_shape s)
{
	static const char *const names[] = { "nothing", "a scalar", "a mapping", "a sequence" };
	return names[s];
}

const char *
rg_load_show(rg_loader *ld, const char *s)
{
	rg_buf b = { 0 };
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n')
			rg_buf_puts(&b, "\\n");
		else if (c == '\t')
			rg_buf_puts(&b, "\\t");
		else if (c < 0x20)
			rg_buf_printf(&b, "\\x%02x", c);
		else
			rg_buf_putc(&b, (char)c);
	}
	const char *shown = rg_arena_strdup(ld->tmp, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return shown;
}

void
rg_load_unknown(rg_loader *ld, rg_pos pos, const char *key, const char *where,
    const char *const *known)
{
	const char *hint = rg_nearest_word(key, known, MAX_KEYS);
	if (hint != NULL)
		rg_msg(ld->d, RG_M_FIELD_UNKNOWN, pos,
		    "unknown field '%s' in %s (did you mean '%s'?)",
		    rg_load_show(ld, key), where, hint);
	else
		rg_msg(ld->d, RG_M_FIELD_UNKNOWN, pos,
		    "unknown field '%s' in %s", rg_load_show(ld, key), where);
}

void
rg_load_shape(rg_loader *ld, rg_pos pos, const char *key, rg_shape want, rg_shape found)
{
	rg_msg(ld->d, RG_M_FIELD_TYPE, pos,
	    "field '%s' must be %s, found %s", rg_load_show(ld, key),
	    rg_shape_name(want), rg_shape_name(found));
}

const char *
rg_load_suggest(const char *xml, const char *key)
{
	for (size_t i = 0; i < sizeof elements / sizeof *elements; i++)
		if (strcmp(elements[i]->xml, xml) == 0)
			return rg_nearest_word(key, elements[i]->keys, MAX_KEYS);
	return NULL;
}

static size_t
key_index(const element *el, const char *key)
{
	size_t i = 0;
	while (el->keys[i] != NULL && strcmp(el->keys[i], key) != 0)
		i++;
	return i;
}

/* The first character data files cannot carry (XML 1.0 cannot), or -1. */
static int32_t
bad_char(const char *s, size_t n)
{
	size_t i = 0, len;
	while (i < n) {
		int32_t c = rg_utf8_decode(s + i, n - i, &len);
		if ((c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0xFFFE || c == 0xFFFF)
			return c;
		i += len;
	}
	return -1;
}

/* White space to the data: a space, a tab, a line break, U+00A0 or U+3000
 * (the ideographic space of Chinese text). */
static const char *const spaces[] = { " ", "\t", "\n", "\r", "\xc2\xa0", "\xe3\x80\x80" };
#define NSPACES (sizeof spaces / sizeof *spaces)

/* The bytes of the white space that s (n bytes) starts with (at_end: ends
 * with), or 0. */
static size_t
space_len(const char *s, size_t n, int at_end)
{
	for (size_t i = 0; i < NSPACES; i++) {
		size_t k = strlen(spaces[i]);
		if (n >= k && memcmp(at_end ? s + n - k : s, spaces[i], k) == 0)
			return k;
	}
	return 0;
}

static int
space_at_ends(const char *s, size_t n)
{
	return space_len(s, n, 0) > 0 || space_len(s, n, 1) > 0;
}

static int
only_space(const char *s, size_t n)
{
	size_t k;
	while (n > 0 && (k = space_len(s, n, 0)) > 0) {
		s += k;
		n -= k;
	}
	return n == 0;
}

/* Does f hold a value of the shape it must have? */
static int
well_formed(rg_loader *ld, const element *el, const rg_field *f)
{
	rg_shape want = el->mapping && strcmp(f->key, el->mapping) == 0 ? RG_MAPPING :
	    RG_SCALAR;
	if (f->shape != want) {
		rg_load_shape(ld, f->value_pos, f->key, want, f->shape);
		return 0;
	}
	if (want == RG_SCALAR && f->len == 0) {
		rg_msg(ld->d, RG_M_FIELD_EMPTY, f->value_pos,
		    "field '%s' is empty (leave it out instead)",
		    f->key);
		return 0;
	}
	int32_t c = want == RG_SCALAR ? bad_char(f->value, f->len) : -1;
	if (c >= 0) {
		rg_msg(ld->d, RG_M_FIELD_CHARACTER, f->value_pos,
		    "field '%s' contains the character U+%04X, "
		    "which data files cannot hold", f->key, (unsigned)c);
		return 0;
	}
	/* ' 2024' is not the period 2024 and '205 ' not a number: white space
	 * at the ends of a value (an XML attribute, a quoted YAML scalar or
	 * CSV cell) is an error, not a different key or a text; a narrative's
	 * text is Markdown, taken as written */
	int markdown = el == &narrative_el && strcmp(f->key, "text") == 0;
	if (want == RG_SCALAR && markdown && only_space(f->value, f->len)) {
		rg_msg(ld->d, RG_M_FIELD_EMPTY, f->value_pos,
		    "field '%s' holds only white space (leave it out instead)", f->key);
		return 0;
	}
	if (want == RG_SCALAR && !markdown && space_at_ends(f->value, f->len)) {
		rg_msg(ld->d, RG_M_FIELD_SPACE, f->value_pos,
		    "field '%s' has white space at its start or end ('%s'); remove it",
		    f->key, rg_load_show(ld, f->value));
		return 0;
	}
	return 1;
}

/* Stands in for a field with a problem: not missing, but nothing to check. */
static const rg_field broken;

/* Sort fields into slot[] by key.  A null field stays absent. */
static void
take(rg_loader *ld, const element *el, const rg_field *list, const rg_field **slot)
{
	memset(slot, 0, MAX_KEYS * sizeof *slot);
	for (const rg_field *f = list; f != NULL; f = f->next) {
		size_t i = key_index(el, f->key);
		if (el->keys[i] == NULL) {
			rg_load_unknown(ld, f->pos, f->key, el->name, el->keys);
		} else if (slot[i] != NULL) {
			rg_msg(ld->d, RG_M_FIELD_DUPLICATE, f->pos,
			    "field '%s' appears twice in %s",
			    rg_load_show(ld, f->key), el->name);
		} else if (f->shape != RG_NULL) {
			slot[i] = well_formed(ld, el, f) ? f : &broken;
		}
	}
}

static void
require(rg_loader *ld, const element *el, const rg_field **slot, int i, rg_pos pos)
{
	if (slot[i] == NULL)
		rg_msg(ld->d, RG_M_FIELD_MISSING, pos,
		    "missing field '%s' in %s", el->keys[i], el->name);
}

/* The scalar text of a field from take(), or NULL. */
static const char *
text(const rg_field *f)
{
	return f != NULL ? f->value : NULL;
}

/* A copy in the dataset, which outlives the file's scratch. */
static const char *
keep(rg_loader *ld, const rg_field *f)
{
	return rg_arena_strdup(ld->ds->arena, text(f));
}

/* A growth or a change, a number, in one spelling: +5, 05 and 5. are 5,
 * .5 is 0.5, -0 and -0.0 are 0 and 0.0; its decimals as written (5.0
 * stays 5.0).  Every figure then prints the same inline and in tables. */
static const char *
keep_number(rg_loader *ld, const rg_field *f)
{
	const char *s = text(f);
	if (s == NULL || !rg_data_is_number(s))
		return keep(ld, f);
	int neg = *s == '-';
	s += *s == '+' || *s == '-';
	size_t whole = strspn(s, "0123456789");
	const char *frac = s[whole] == '.' ? s + whole + 1 : "";
	size_t nfrac = strlen(frac);
	while (whole > 1 && *s == '0') {
		s++;
		whole--;
	}
	int zero = strspn(s, "0") == whole && strspn(frac, "0") == nfrac;
	rg_buf b = { 0 };
	if (neg && !zero)
		rg_buf_putc(&b, '-');
	if (whole > 0)
		rg_buf_put(&b, s, whole);
	else
		rg_buf_putc(&b, '0');
	if (nfrac > 0) {
		rg_buf_putc(&b, '.');
		rg_buf_put(&b, frac, nfrac);
	}
	const char *out = rg_arena_strdup(ld->ds->arena, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return out;
}

/* An id, or a reference to one: what is the id of. */
static void
check_id(rg_loader *ld, const char *what, const rg_field *f)
{
	const char *s = text(f);
	if (s == NULL)
		return;
	int ok = s[0] >= 'a' && s[0] <= 'z';
	for (const char *p = s; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
	if (!ok)
		rg_msg(ld->d, RG_M_ID_INVALID, f->value_pos,
		    "invalid %s id '%s' (use lowercase letters, "
		    "digits and '_', starting with a letter)", what, rg_load_show(ld, s));
}

int
rg_data_is_number(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	size_t whole = strspn(s, "0123456789");
	s += whole;
	size_t frac = 0;
	if (*s == '.') {
		frac = strspn(s + 1, "0123456789");
		s += 1 + frac;
	}
	return *s == '\0' && (whole > 0 || frac > 0);
}

/* Does number s have more digits before or after its point than the
 * templates' exact arithmetic carries (model.h)? */
static int
too_long(const char *s)
{
	s += *s == '+' || *s == '-';
	size_t whole = strspn(s, "0123456789");
	size_t frac = s[whole] == '.' ? strspn(s + whole + 1, "0123456789") : 0;
	return whole > RG_DATA_MAX_DIGITS || frac > RG_DATA_MAX_DIGITS;
}

static void
check_length(rg_loader *ld, const rg_field *f)
{
	const char *s = text(f);
	if (s != NULL && rg_data_is_number(s) && too_long(s))
		rg_msg(ld->d, RG_M_NUMBER_INVALID, f->value_pos,
		    "%s '%s' has more digits than reportgen computes with (at most %d "
		    "before the point and %d after)", f->key, rg_load_show(ld, s),
		    RG_DATA_MAX_DIGITS, RG_DATA_MAX_DIGITS);
}

/* A value that is text but reads as a number another way (a spreadsheet's
 * 1,315.7, 62.5%, full-width digits): kept as the text it is
 * (docs/data-format.md), with a warning saying how to write the number,
 * since no total, share, rank or chart counts it. */
static void
check_number_text(rg_loader *ld, const rg_field *f)
{
	const char *s = text(f);
	if (s == NULL || rg_data_is_number(s))
		return;
	size_t n = strlen(s);
	/* 1,315.7 or 12,345,678: groups of three digits after the first */
	const char *p = s + (*s == '-' || *s == '+');
	size_t lead = strspn(p, "0123456789"), i = lead;
	int groups = 0;
	while (lead >= 1 && lead <= 3 && p[i] == ',' && strspn(p + i + 1, "0123456789") == 3) {
		i += 4;
		groups++;
	}
	if (groups > 0 && p[i] == '.' && strspn(p + i + 1, "0123456789") > 0)
		i += 1 + strspn(p + i + 1, "0123456789");
	if (groups > 0 && p[i] == '\0') {
		char plain[64];
		size_t k = 0;
		for (const char *q = s; *q != '\0' && k + 1 < sizeof plain; q++)
			if (*q != ',')
				plain[k++] = *q;
		plain[k] = '\0';
		rg_msg(ld->d, RG_M_VALUE_AS_TEXT, f->value_pos,
		    "value '%s' is taken as text: a number is written without thousands "
		    "separators (%s)", rg_load_show(ld, s), plain);
		return;
	}
	/* 62.5% */
	if (n > 1 && s[n - 1] == '%') {
		char num[64];
		if (n - 1 < sizeof num) {
			memcpy(num, s, n - 1);
			num[n - 1] = '\0';
			if (rg_data_is_number(num)) {
				rg_msg(ld->d, RG_M_VALUE_AS_TEXT, f->value_pos,
				    "value '%s' is taken as text: write the number (%s) and give "
				    "the indicator the unit '%%'", rg_load_show(ld, s), num);
				return;
			}
		}
	}
	/* full-width digits and point: １３１５．７ */
	int fw = 0, other = 0;
	for (size_t k = 0; k < n; ) {
		size_t l;
		int32_t cp = rg_utf8_decode(s + k, n - k, &l);
		k += l;
		if ((cp >= 0xFF10 && cp <= 0xFF19) || cp == 0xFF0E)
			fw++;
		else if (!(cp >= '0' && cp <= '9') && cp != '.')
			other++;
	}
	if (fw > 0 && other == 0)
		rg_msg(ld->d, RG_M_VALUE_AS_TEXT, f->value_pos,
		    "value '%s' is taken as text: its digits are full-width; write them "
		    "with ASCII digits", rg_load_show(ld, s));
}

static void
check_number(rg_loader *ld, const rg_field *f, const char *unit)
{
	const char *s = text(f);
	if (s != NULL && !rg_data_is_number(s))
		rg_msg(ld->d, RG_M_NUMBER_INVALID, f->value_pos,
		    "%s must be a number (%s), found '%s'", f->key,
		    unit, rg_load_show(ld, s));
	check_length(ld, f);
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return days[m - 1] + (m == 2 && leap);
}

static void
check_date(rg_loader *ld, const rg_field *f)
{
	const char *s = text(f);
	if (s == NULL)
		return;
	int ok = strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    strspn(s, "0123456789") == 4 && strspn(s + 5, "0123456789") == 2 &&
	    strspn(s + 8, "0123456789") == 2;
	if (ok) {
		int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
		int m = (s[5] - '0') * 10 + s[6] - '0';
		int day = (s[8] - '0') * 10 + s[9] - '0';
		ok = m >= 1 && m <= 12 && day >= 1 && day <= days_in_month(y, m);
	}
	if (!ok)
		rg_msg(ld->d, RG_M_DATE_INVALID, f->value_pos,
		    "date must be a real date written YYYY-MM-DD, "
		    "found '%s'", rg_load_show(ld, s));
}

static void
check_kind(rg_loader *ld, const rg_field *f, rg_obs_kind *kind)
{
	const char *s = text(f);
	*kind = RG_OBS_ACTUAL;
	if (s == NULL || rg_obs_kind_parse(s, kind) == 0)
		return;
	const char *names[RG_OBS__COUNT];
	for (int k = 0; k < RG_OBS__COUNT; k++)
		names[k] = rg_obs_kind_name((rg_obs_kind)k);
	const char *hint = rg_nearest_word(s, names, RG_OBS__COUNT);
	rg_msg(ld->d, RG_M_FIELD_VALUE, f->value_pos, "kind must be actual, target, base, plan or "
	    "estimate, found '%s'%s%s%s", rg_load_show(ld, s), hint ? " (did you mean '" : "",
	    hint ? hint : "", hint ? "'?)" : "");
}

static void
check_attribute(rg_loader *ld, const rg_field *f)
{
	const char *s = text(f);
	if (s != NULL && strcmp(s, "预期性") != 0 && strcmp(s, "约束性") != 0)
		rg_msg(ld->d, RG_M_FIELD_VALUE, f->value_pos,
		    "attribute must be 预期性 or 约束性, found '%s'",
		    rg_load_show(ld, s));
}

/* Take the first value set for each meta field into the dataset. */
static void
merge(const char **to, const char *from)
{
	if (*to == NULL)
		*to = from;
}

static void
merge_meta(rg_meta *to, const rg_meta *m)
{
	merge(&to->title, m->title);
	merge(&to->subtitle, m->subtitle);
	merge(&to->region, m->region);
	merge(&to->period, m->period);
	merge(&to->date, m->date);
	merge(&to->author, m->author);
	merge(&to->source.document, m->source.document);
	merge(&to->source.seed, m->source.seed);
	merge(&to->source.publisher, m->source.publisher);
	merge(&to->source.url, m->source.url);
	if (to->pos.file == NULL)
		to->pos = m->pos;
}

void
rg_load_meta(rg_loader *ld, const rg_field *fields, rg_pos pos)
{
	const rg_field *f[MAX_KEYS], *s[MAX_KEYS];
	int errors = ld->d->errors;
	take(ld, &meta_el, fields, f);
	check_id(ld, "region", f[M_REGION]);
	check_date(ld, f[M_DATE]);
	take(ld, &source_el, f[M_SOURCE] ? f[M_SOURCE]->sub : NULL, s);
	if (ld->d->errors > errors)
		return;
	rg_meta *m = &ld->meta;
	m->title = keep(ld, f[M_TITLE]);
	m->subtitle = keep(ld, f[M_SUBTITLE]);
	m->region = keep(ld, f[M_REGION]);
	m->period = keep(ld, f[M_PERIOD]);
	m->date = keep(ld, f[M_DATE]);
	m->author = keep(ld, f[M_AUTHOR]);
	m->source.document = keep(ld, s[S_DOCUMENT]);
	m->source.seed = keep(ld, s[S_SEED]);
	m->source.publisher = keep(ld, s[S_PUBLISHER]);
	m->source.url = keep(ld, s[S_URL]);
	m->pos = pos;
	merge_meta(&ld->ds->meta, m);
}

/* One more element of a kind of which the dataset holds n: past the limit
 * (model.h, docs/reliability.md) it is refused, with one error per file. */
static int
full(rg_loader *ld, size_t n, size_t max, unsigned bit, const char *what, rg_pos pos)
{
	if (n < max)
		return 0;
	if (!(ld->full & bit))
		rg_msg(ld->d, RG_M_LIMIT, pos,
		    "more than %zu %s in the data: the limit", max, what);
	ld->full |= bit;
	return 1;
}

void
rg_load_region(rg_loader *ld, const rg_field *fields, rg_pos pos)
{
	const rg_field *f[MAX_KEYS];
	int errors = ld->d->errors;
	take(ld, &region_el, fields, f);
	require(ld, &region_el, f, R_ID, pos);
	require(ld, &region_el, f, R_NAME, pos);
	check_id(ld, "region", f[R_ID]);
	if (ld->d->errors > errors)
		return;
	rg_dataset *ds = ld->ds;
	if (full(ld, ds->nregions, RG_DATA_MAX_REGIONS, 1, "regions", pos))
		return;
	rg_region *r = RG_PUSH(ds->regions, ds->nregions, ds->cap_regions);
	r->id = keep(ld, f[R_ID]);
	r->name = keep(ld, f[R_NAME]);
	r->level = keep(ld, f[R_LEVEL]);
	r->pos = pos;
}

void
rg_load_indicator(rg_loader *ld, const rg_field *fields, rg_pos pos)
{
	const rg_field *f[MAX_KEYS];
	int errors = ld->d->errors;
	take(ld, &indicator_el, fields, f);
	require(ld, &indicator_el, f, I_ID, pos);
	require(ld, &indicator_el, f, I_NAME, pos);
	check_id(ld, "indicator", f[I_ID]);
	check_attribute(ld, f[I_ATTRIBUTE]);
	/* a rate is known by its unit '%': written full width it was taken
	 * for an amount, summed in a total and given a growth in % */
	if (f[I_UNIT] != NULL && f[I_UNIT] != &broken && strcmp(text(f[I_UNIT]), "％") == 0)
		rg_msg(ld->d, RG_M_FIELD_VALUE, f[I_UNIT]->value_pos,
		    "unit '％' is the full-width percent sign: write '%%', by which "
		    "reportgen knows a rate (changes in 个百分点, never summed)");
	if (ld->d->errors > errors)
		return;
	rg_dataset *ds = ld->ds;
	if (full(ld, ds->nindicators, RG_DATA_MAX_INDICATORS, 2, "indicators", pos))
		return;
	rg_indicator *ind = RG_PUSH(ds->indicators, ds->nindicators, ds->cap_indicators);
	ind->id = keep(ld, f[I_ID]);
	ind->name = keep(ld, f[I_NAME]);
	ind->unit = keep(ld, f[I_UNIT]);
	ind->group = keep(ld, f[I_GROUP]);
	ind->attribute = keep(ld, f[I_ATTRIBUTE]);
	ind->note = keep(ld, f[I_NOTE]);
	ind->pos = pos;
}

void
rg_load_observation(rg_loader *ld, const rg_field *fields, rg_pos pos)
{
	const rg_field *f[MAX_KEYS];
	int errors = ld->d->errors;
	rg_obs_kind kind;
	take(ld, &obs_el, fields, f);
	require(ld, &obs_el, f, O_INDICATOR, pos);
	check_id(ld, "indicator", f[O_INDICATOR]);
	check_id(ld, "region", f[O_REGION]);
	if (f[O_VALUE] == NULL && f[O_GROWTH] == NULL && f[O_CHANGE] == NULL)
		rg_msg(ld->d, RG_M_OBSERVATION_EMPTY, pos,
		    "observation has no 'value', 'growth' or 'change'");
	check_kind(ld, f[O_KIND], &kind);
	check_length(ld, f[O_VALUE]);
	check_number_text(ld, f[O_VALUE]);
	check_number(ld, f[O_GROWTH], "percent");
	check_number(ld, f[O_CHANGE], "个百分点");
	if (ld->d->errors > errors)
		return;
	rg_dataset *ds = ld->ds;
	if (full(ld, ds->nobservations, RG_DATA_MAX_OBSERVATIONS, 4, "observations", pos))
		return;
	rg_observation *o = RG_PUSH(ds->observations, ds->nobservations, ds->cap_observations);
	o->indicator = keep(ld, f[O_INDICATOR]);
	o->region = keep(ld, f[O_REGION]);
	o->period = keep(ld, f[O_PERIOD]);
	o->kind = kind;
	o->value = keep(ld, f[O_VALUE]);
	o->value_is_number = o->value != NULL && rg_data_is_number(o->value);
	o->growth = keep_number(ld, f[O_GROWTH]);
	o->change = keep_number(ld, f[O_CHANGE]);
	o->quote = keep(ld, f[O_QUOTE]);
	o->pos = pos;
	o->value_pos = f[O_VALUE] ? f[O_VALUE]->value_pos : pos;
}

void
rg_load_narrative(rg_loader *ld, const rg_field *fields, rg_pos pos)
{
	const rg_field *f[MAX_KEYS];
	int errors = ld->d->errors;
	take(ld, &narrative_el, fields, f);
	require(ld, &narrative_el, f, N_ID, pos);
	require(ld, &narrative_el, f, N_TEXT, pos);
	check_id(ld, "narrative", f[N_ID]);
	check_id(ld, "region", f[N_REGION]);
	if (ld->d->errors > errors)
		return;
	rg_dataset *ds = ld->ds;
	if (full(ld, ds->nnarratives, RG_DATA_MAX_NARRATIVES, 8, "narratives", pos))
		return;
	rg_narrative *n = RG_PUSH(ds->narratives, ds->nnarratives, ds->cap_narratives);
	n->id = keep(ld, f[N_ID]);
	n->region = keep(ld, f[N_REGION]);
	n->period = keep(ld, f[N_PERIOD]);
	n->title = keep(ld, f[N_TITLE]);
	n->text = keep(ld, f[N_TEXT]);
	n->pos = pos;
	n->text_pos = f[N_TEXT]->value_pos;
}
