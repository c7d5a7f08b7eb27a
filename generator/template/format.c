/* format.c -- see format.h */
#include "format.h"

#include <string.h>

#include "../base/buf.h"
#include "spec.h"

const rg_numfmt rg_numfmt_default = { -1, 0, 0, RG_GROWTH_WORDS, NULL };

const char *const rg_numfmt_keys[] = { "decimals", "scale", "thousands", "growth", NULL };

/* A decimal number as digits: d[0..n) with the point after d[point-1]. */
typedef struct dec {
	int neg;
	char d[72];
	int n, point;
} dec;

static int
dec_parse(dec *x, const char *s)
{
	memset(x, 0, sizeof *x);
	if (*s == '+' || *s == '-')
		x->neg = *s++ == '-';
	int seen_point = 0;
	x->point = -1;
	for (; *s; s++) {
		if (*s == '.' && !seen_point) {
			seen_point = 1;
			x->point = x->n;
		} else if (*s >= '0' && *s <= '9' && x->n < (int)sizeof x->d - 8) {
			x->d[x->n++] = *s;
		} else {
			return -1;
		}
	}
	if (x->n == 0)
		return -1;
	if (x->point < 0)
		x->point = x->n;
	while (x->point > 1 && x->d[0] == '0') {
		memmove(x->d, x->d + 1, (size_t)--x->n);
		x->point--;
	}
	if (x->point == 0) {
		memmove(x->d + 1, x->d, (size_t)x->n++);
		x->d[0] = '0';
		x->point = 1;
	}
	return 0;
}

static int
dec_is_zero(const dec *x)
{
	for (int i = 0; i < x->n; i++)
		if (x->d[i] != '0')
			return 0;
	return 1;
}

/* Divide by 10^s; the zeros this adds at the end of the fraction go,
 * those that were written stay. */
static void
dec_shift(dec *x, int s)
{
	int written = x->n - x->point;
	x->point -= s;
	if (x->point < 1) {
		int pad = 1 - x->point;
		memmove(x->d + pad, x->d, (size_t)x->n);
		memset(x->d, '0', (size_t)pad);
		x->n += pad;
		x->point = 1;
	}
	while (x->n > x->point && x->n - x->point > written && x->d[x->n - 1] == '0')
		x->n--;
	while (x->point > 1 && x->d[0] == '0') {
		memmove(x->d, x->d + 1, (size_t)--x->n);
		x->point--;
	}
}

/* Round half away from zero to k decimals, or pad with zeros. */
static void
dec_round(dec *x, int k)
{
	if (x->n - x->point <= k) {
		while (x->n - x->point < k)
			x->d[x->n++] = '0';
		return;
	}
	int up = x->d[x->point + k] >= '5';
	x->n = x->point + k;
	for (int i = x->n - 1; up && i >= 0; i--) {
		if (x->d[i] == '9') {
			x->d[i] = '0';
		} else {
			x->d[i]++;
			up = 0;
		}
	}
	if (up) {
		memmove(x->d + 1, x->d, (size_t)x->n++);
		x->d[0] = '1';
		x->point++;
	}
}

static void
dec_print(rg_buf *b, const dec *x, int thousands)
{
	if (x->neg && !dec_is_zero(x))
		rg_buf_putc(b, '-');
	for (int i = 0; i < x->point; i++) {
		if (thousands && x->point >= 5 && i > 0 && (x->point - i) % 3 == 0)
			rg_buf_putc(b, ',');
		rg_buf_putc(b, x->d[i]);
	}
	if (x->n > x->point) {
		rg_buf_putc(b, '.');
		rg_buf_put(b, x->d + x->point, (size_t)(x->n - x->point));
	}
}

static const char *
keep(rg_arena *a, rg_buf *b)
{
	const char *s = rg_arena_strdup(a, rg_buf_cstr(b));
	rg_buf_free(b);
	return s;
}

/* 10^n of a unit's leading 万 / 亿 / 万亿 (萬 / 億 / 萬億) and the length of
 * that prefix. */
static int
unit_magnitude(const char *unit, size_t *len)
{
	static const struct { const char *word; int mag; } words[] = {
		{ "万亿", 12 }, { "萬億", 12 }, { "亿", 8 }, { "億", 8 }, { "万", 4 }, { "萬", 4 }
	};
	for (size_t i = 0; unit != NULL && i < sizeof words / sizeof *words; i++)
		if (strncmp(unit, words[i].word, strlen(words[i].word)) == 0) {
			*len = strlen(words[i].word);
			return words[i].mag;
		}
	*len = 0;
	return 0;
}

int
rg_format_scales(const char *unit, const rg_numfmt *f)
{
	if (f == NULL || f->scale == 0)
		return 0;
	if (unit != NULL && (strcmp(unit, "%") == 0 || strcmp(unit, "‰") == 0))
		return 0;
	size_t len;
	return unit_magnitude(unit, &len) + f->scale <= 12;
}

const char *
rg_format_unit(rg_arena *a, const char *unit, const rg_numfmt *f)
{
	if (!rg_format_scales(unit, f))
		return unit;
	size_t len;
	int mag = unit_magnitude(unit, &len) + f->scale;
	rg_buf b = { 0 };
	const char *wan = rg_word_of(f->words, RG_W_WAN), *yi = rg_word_of(f->words, RG_W_YI);
	if (mag == 12)
		rg_buf_printf(&b, "%s%s", wan, yi);
	else
		rg_buf_puts(&b, mag == 8 ? yi : wan);
	if (unit != NULL)
		rg_buf_puts(&b, unit + len);
	return keep(a, &b);
}

/* The number formatted for a value in unit (scaling only where it applies). */
static int
number_into(rg_buf *b, const char *written, const char *unit, const rg_numfmt *f)
{
	dec x;
	if (dec_parse(&x, written) < 0)
		return -1;
	if (rg_format_scales(unit, f))
		dec_shift(&x, f->scale);
	if (f->decimals >= 0)
		dec_round(&x, f->decimals);
	dec_print(b, &x, f->thousands);
	return 0;
}

const char *
rg_format_number(rg_arena *a, const char *written, const char *unit, const rg_numfmt *f)
{
	rg_buf b = { 0 };
	if (number_into(&b, written, unit, f ? f : &rg_numfmt_default) < 0) {
		rg_buf_free(&b);
		return NULL;
	}
	return keep(a, &b);
}

int
rg_format_decimals(const char *written)
{
	dec x;
	return dec_parse(&x, written) < 0 ? -1 : x.n - x.point;
}

const char *
rg_format_value(rg_arena *a, const rg_indicator *ind, const char *value, const rg_numfmt *f)
{
	if (value == NULL)
		return "—";
	if (f == NULL)
		f = &rg_numfmt_default;
	rg_buf b = { 0 };
	if (number_into(&b, value, ind->unit, f) < 0) {
		rg_buf_free(&b);
		return value;
	}
	const char *unit = rg_format_unit(a, ind->unit, f);
	if (unit != NULL)
		rg_buf_puts(&b, unit);
	return keep(a, &b);
}

/* A signed quantity as words, arrows or a bare number, with its unit. */
static void
signed_into(rg_buf *b, const char *num, const char *up, const char *down,
    const char *unit, const rg_numfmt *f)
{
	dec x;
	if (dec_parse(&x, num) < 0) {
		rg_buf_puts(b, num);
		return;
	}
	int zero = dec_is_zero(&x);
	if (f->growth == RG_GROWTH_NUMBER) {
		dec_print(b, &x, 0);
		return;
	}
	if (zero && f->growth == RG_GROWTH_WORDS) {
		rg_buf_puts(b, rg_word_of(f->words, RG_W_FLAT));
		return;
	}
	if (!zero)
		rg_buf_puts(b, f->growth == RG_GROWTH_ARROWS ? (x.neg ? "▼" : "▲") :
		    x.neg ? down : up);
	x.neg = 0;
	dec_print(b, &x, 0);
	rg_buf_puts(b, unit);
}

/* The growth of o: a plan's is its average annual growth (年均增长7.8%). */
static void
growth_into(rg_buf *b, const rg_observation *o, const rg_numfmt *f)
{
	const rg_words *w = f->words;
	if (o->kind == RG_OBS_PLAN)
		signed_into(b, o->growth, rg_word_of(w, RG_W_ANNUAL_GROWTH),
		    rg_word_of(w, RG_W_ANNUAL_DECLINE), "%", f);
	else
		signed_into(b, o->growth, rg_word_of(w, RG_W_GROWTH), rg_word_of(w, RG_W_DECLINE),
		    "%", f);
}

const char *
rg_format_growth(rg_arena *a, const char *percent, const rg_numfmt *f)
{
	rg_buf b = { 0 };
	if (f == NULL)
		f = &rg_numfmt_default;
	signed_into(&b, percent, rg_word_of(f->words, RG_W_GROWTH),
	    rg_word_of(f->words, RG_W_DECLINE), "%", f);
	return keep(a, &b);
}

const char *
rg_format_obs_growth(rg_arena *a, const rg_observation *o, const rg_numfmt *f)
{
	rg_buf b = { 0 };
	growth_into(&b, o, f ? f : &rg_numfmt_default);
	return keep(a, &b);
}

const char *
rg_format_change(rg_arena *a, const char *points, const rg_numfmt *f)
{
	rg_buf b = { 0 };
	if (f == NULL)
		f = &rg_numfmt_default;
	signed_into(&b, points, rg_word_of(f->words, RG_W_RISE),
	    rg_word_of(f->words, RG_W_DECLINE), rg_word_of(f->words, RG_W_POINTS), f);
	return keep(a, &b);
}

const char *
rg_format_trend(rg_arena *a, const rg_observation *o, const rg_numfmt *f)
{
	if (f == NULL)
		f = &rg_numfmt_default;
	rg_buf b = { 0 };
	if (o->growth != NULL)
		growth_into(&b, o, f);
	if (o->change != NULL) {
		if (b.len)
			rg_buf_puts(&b, "，");
		signed_into(&b, o->change, rg_word_of(f->words, RG_W_RISE),
		    rg_word_of(f->words, RG_W_DECLINE), rg_word_of(f->words, RG_W_POINTS), f);
	}
	return keep(a, &b);
}

const char *
rg_format_observation(rg_arena *a, const rg_indicator *ind, const rg_observation *o,
    const rg_numfmt *f)
{
	if (o->value == NULL)
		return rg_format_trend(a, o, f);
	return rg_format_value(a, ind, o->value, f);
}

int
rg_numfmt_option(rg_numfmt *f, const char *key, const char *value, const char **expected)
{
	if (strcmp(key, "decimals") == 0) {
		*expected = "a number of decimals from 0 to 6";
		if (strlen(value) != 1 || value[0] < '0' || value[0] > '6')
			return -1;
		f->decimals = value[0] - '0';
	} else if (strcmp(key, "scale") == 0) {
		*expected = "万, 亿 or none";
		if (strcmp(value, "万") == 0 || strcmp(value, "萬") == 0)
			f->scale = 4;
		else if (strcmp(value, "亿") == 0 || strcmp(value, "億") == 0)
			f->scale = 8;
		else if (strcmp(value, "none") == 0)
			f->scale = 0;
		else
			return -1;
	} else if (strcmp(key, "thousands") == 0) {
		*expected = "yes or no";
		int yes = rg_spec_yes(value);
		if (yes < 0)
			return -1;
		f->thousands = yes;
	} else if (strcmp(key, "growth") == 0) {
		*expected = "words, arrows or number";
		if (strcmp(value, "words") == 0)
			f->growth = RG_GROWTH_WORDS;
		else if (strcmp(value, "arrows") == 0)
			f->growth = RG_GROWTH_ARROWS;
		else if (strcmp(value, "number") == 0)
			f->growth = RG_GROWTH_NUMBER;
		else
			return -1;
	} else {
		return 1;
	}
	return 0;
}
