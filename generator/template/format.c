/* format.c -- see format.h */
#include "format.h"

#include <stdio.h>
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
	if (s == NULL)
		return -1;
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

/* ---- arithmetic on written decimals ------------------------------------- */

static const char *keep(rg_arena *a, rg_buf *b);

/* x as an integer digit string (no sign, no leading zeros) of scale
 * decimals: 12.5 at scale 2 is "1250".  Returns the string's length. */
static int
dec_digits(const dec *x, int scale, char *out, int cap)
{
	int n = 0;
	int frac = x->n - x->point;
	for (int i = 0; i < x->point + scale && n < cap - 1; i++) {
		char ch = i < x->point + frac && i < x->n ? x->d[i] : '0';
		if (n == 0 && ch == '0')
			continue;
		out[n++] = ch;
	}
	if (n == 0)
		out[n++] = '0';
	out[n] = '\0';
	return n;
}

/* Compare two digit strings without leading zeros. */
static int
big_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	int c = strcmp(a, b);
	return c < 0 ? -1 : c > 0;
}

/* a -= b, a >= b, digit strings; a keeps no leading zeros. */
static void
big_sub(char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int borrow = 0;
	for (size_t i = 0; i < la; i++) {
		int d = a[la - 1 - i] - '0' - borrow - (i < lb ? b[lb - 1 - i] - '0' : 0);
		borrow = d < 0;
		a[la - 1 - i] = (char)('0' + (d < 0 ? d + 10 : d));
	}
	size_t z = 0;
	while (z + 1 < la && a[z] == '0')
		z++;
	memmove(a, a + z, la - z + 1);
}

static void
big_add(char *a, const char *b, int cap)
{
	char r[160];
	size_t la = strlen(a), lb = strlen(b), n = la > lb ? la : lb;
	int carry = 0;
	r[n + 1] = '\0';
	for (size_t i = 0; i <= n; i++) {
		int d = carry + (i < la ? a[la - 1 - i] - '0' : 0) + (i < lb ? b[lb - 1 - i] - '0' : 0);
		carry = d / 10;
		r[n - i] = (char)('0' + d % 10);
	}
	const char *p = r;
	while (p[0] == '0' && p[1] != '\0')
		p++;
	snprintf(a, (size_t)cap, "%s", p);
}

/* The text of digit string v at scale decimals, negative if neg. */
static void
big_print(rg_buf *b, const char *v, int scale, int neg)
{
	size_t n = strlen(v);
	if (neg && strcmp(v, "0") != 0)
		rg_buf_putc(b, '-');
	if ((int)n <= scale) {
		rg_buf_puts(b, "0.");
		for (int i = 0; i < scale - (int)n; i++)
			rg_buf_putc(b, '0');
		rg_buf_puts(b, v);
		return;
	}
	rg_buf_put(b, v, n - (size_t)scale);
	if (scale > 0) {
		rg_buf_putc(b, '.');
		rg_buf_puts(b, v + n - scale);
	}
}

const char *
rg_dec_sub(rg_arena *a, const char *x, const char *y)
{
	dec p, q;
	if (x == NULL || y == NULL || dec_parse(&p, x) < 0 || dec_parse(&q, y) < 0)
		return NULL;
	int fp = p.n - p.point, fq = q.n - q.point;
	int scale = fp > fq ? fp : fq;
	char u[160], v[160];
	dec_digits(&p, scale, u, sizeof u);
	dec_digits(&q, scale, v, sizeof v);
	/* x - y with signs: p.neg, q.neg */
	rg_buf b = { 0 };
	if (p.neg == !q.neg) {          /* x - (-y) or -x - y: add magnitudes */
		big_add(u, v, sizeof u);
		big_print(&b, u, scale, p.neg);
	} else if (big_cmp(u, v) >= 0) {
		big_sub(u, v);
		big_print(&b, u, scale, p.neg);
	} else {
		big_sub(v, u);
		big_print(&b, v, scale, !p.neg);
	}
	return keep(a, &b);
}

const char *
rg_dec_add(rg_arena *a, const char *x, const char *y)
{
	if (y == NULL)
		return NULL;
	/* x + y = x - (-y) */
	rg_buf neg = { 0 };
	if (*y == '-')
		rg_buf_puts(&neg, y + 1);
	else
		rg_buf_printf(&neg, "-%s", *y == '+' ? y + 1 : y);
	const char *r = rg_dec_sub(a, x, rg_buf_cstr(&neg));
	rg_buf_free(&neg);
	return r;
}

const char *
rg_dec_percent(rg_arena *a, const char *num, const char *den, int decimals)
{
	dec p, q;
	if (num == NULL || den == NULL || dec_parse(&p, num) < 0 || dec_parse(&q, den) < 0 ||
	    dec_is_zero(&q))
		return NULL;
	if (decimals < 0)
		decimals = 1;
	int fp = p.n - p.point, fq = q.n - q.point;
	/* num/den*100 = P*10^fq*10^(2+k) / (Q*10^fp) / 10^k */
	char u[160], v[160];
	dec_digits(&p, fp + fq + 2 + decimals, u, sizeof u);
	dec_digits(&q, fq + fp, v, sizeof v);
	if (strlen(u) > 120 || strlen(v) > 120)
		return NULL;
	char quo[160], rem[160] = "0";
	int nq = 0;
	for (const char *d = u; *d; d++) {
		size_t lr = strlen(rem);
		if (strcmp(rem, "0") == 0)
			lr = 0;
		rem[lr] = *d;
		rem[lr + 1] = '\0';
		int digit = 0;
		while (big_cmp(rem, v) >= 0) {
			big_sub(rem, v);
			digit++;
		}
		if (nq > 0 || digit > 0)
			quo[nq++] = (char)('0' + digit);
	}
	if (nq == 0)
		quo[nq++] = '0';
	quo[nq] = '\0';
	/* round half away from zero: 2 * rem >= den */
	char twice[160];
	snprintf(twice, sizeof twice, "%s", rem);
	big_add(twice, rem, sizeof twice);
	if (big_cmp(twice, v) >= 0)
		big_add(quo, "1", sizeof quo);
	rg_buf b = { 0 };
	big_print(&b, quo, decimals, p.neg != q.neg);
	return keep(a, &b);
}

int
rg_dec_cmp(const char *x, const char *y, int *out)
{
	dec p, q;
	if (x == NULL || y == NULL || dec_parse(&p, x) < 0 || dec_parse(&q, y) < 0)
		return -1;
	int fp = p.n - p.point, fq = q.n - q.point;
	int scale = fp > fq ? fp : fq;
	char u[160], v[160];
	dec_digits(&p, scale, u, sizeof u);
	dec_digits(&q, scale, v, sizeof v);
	int zp = strcmp(u, "0") == 0, zq = strcmp(v, "0") == 0;
	int sp = zp ? 0 : p.neg ? -1 : 1, sq = zq ? 0 : q.neg ? -1 : 1;
	if (sp != sq)
		*out = sp < sq ? -1 : 1;
	else
		*out = sp * big_cmp(u, v);
	return 0;
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
	if (num == NULL) {          /* nothing stated: a dash, never a crash */
		rg_buf_puts(b, "—");
		return;
	}
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
