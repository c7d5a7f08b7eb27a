/* chart.c -- grouped bar charts and line charts on the vertical list.
 *
 * A chart is one item, 0.55 of its width high (higher when the title,
 * legend and category labels leave the plot less than MIN_PLOT), so it
 * never splits across pages.  From the top: the title, the unit over the value
 * axis, the plot (ticks at 1, 2 or 5 x 10^n, zero always included, light
 * grid lines), the category labels (smaller, down to 3/4 of the text
 * size, when one is wider than its slot; then broken between words into
 * even lines; when they cannot be, one character a line or every kth:
 * label_every) and the legend.
 * The palette steps through distinct lightness levels so that the series
 * stay apart in greyscale print; line series also alternate filled and
 * hollow markers.  Past the five colours, series are told apart by look
 * (series_look).  Value labels of bars too wide for them stand upright.
 */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/utf8.h"

#define AXIS_COLOR 0x404040
#define GRID_COLOR 0xD9D9D9
#define TEXT_COLOR 0x333333

/* Luma about 59, 188, 100, 145, 217: neighbours stay apart in grey. */
static const unsigned palette[] = { 0x1F3F6E, 0xF0B84A, 0xB8432F, 0x6BAF5B, 0xC9DDF0 };
#define NPALETTE (sizeof palette / sizeof *palette)

/* Past the palette, a series keeps its colour's place and changes its
 * look: a bar solid, hollow (an outline), then hatched (white stripes); a
 * line solid, dashed, then dotted.  So 15 series stay apart. */
#define NLOOKS 3
_Static_assert(NPALETTE * NLOOKS == RG_CHART_MAX_SERIES, "the looks a chart tells apart");

static unsigned
series_color(size_t s)
{
	return palette[s % NPALETTE];
}

static int
series_look(size_t s)
{
	return (int)(s / NPALETTE % NLOOKS);
}

typedef struct area {
	double x0, y0, x1, y1;
} area;

typedef struct plot {
	rg_flow *c;
	rg_vitem *v;
	const rg_chart *ch;
	double left, right, top, bottom;     /* the plot area */
	double x0, x1;                       /* where category labels may go */
	double stack;            /* > 0: category labels one character a line
	                          * (竖排), in places this wide */
	double lo, hi, step;                 /* value axis */
	double size;                         /* text size */
	area *labels; size_t nlabels, cap;   /* value labels placed so far */
	/* bar charts: the bars' geometry (bar_geometry) and how their value
	 * labels go: across above the bar, or upright along it when they are
	 * wider than a bar among others; lsize 0: none fits */
	double slot, group, pitch, gap, lsize;
	int upright;
	size_t dropped;          /* value labels left out for want of room */
	size_t drop_s, drop_i;   /* the first of them: series, category */
} plot;

/* Value label (series s, category i) left out: told once a chart. */
static void
left_out(plot *p, size_t s, size_t i)
{
	if (p->dropped++ == 0) {
		p->drop_s = s;
		p->drop_i = i;
	}
}

static void
rule(rg_vitem *v, double x0, double y0, double x1, double y1, double lw, unsigned color)
{
	rg_box *b = rg_vitem_box(v, RG_BOX_RULE);
	b->x = x0;
	b->y = y0;
	b->w = x1 - x0;
	b->h = y1 - y0;
	b->line_width = lw;
	b->color = color;
}

static void
rect(rg_vitem *v, double x, double y, double w, double h, unsigned color)
{
	rg_box *b = rg_vitem_box(v, RG_BOX_RECT);
	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	b->color = color;
}

/* Series s's bar (or legend key) at x, y, w wide and h high. */
static void
bar(rg_vitem *v, double x, double y, double w, double h, size_t s)
{
	unsigned color = series_color(s);
	rect(v, x, y, w, h, color);
	int look = series_look(s);
	double line = 1.2;
	if (look == 1 && w > 2 * line && h > 2 * line) {
		rect(v, x + line, y + line, w - 2 * line, h - 2 * line, 0xFFFFFF);
	} else if (look == 2) {
		for (double sy = y + 2.5; sy < y + h - 0.5; sy += 3)
			rule(v, x, sy, x + w, sy, 1, 0xFFFFFF);
	}
}

/* Series s's line from (x0, y0) to (x1, y1): solid, dashed or dotted. */
static void
series_line(rg_vitem *v, double x0, double y0, double x1, double y1, size_t s)
{
	unsigned color = series_color(s);
	int look = series_look(s);
	if (look == 0) {
		rule(v, x0, y0, x1, y1, 1.5, color);
		return;
	}
	double on = look == 1 ? 5 : 1.5, off = look == 1 ? 3 : 2.5;
	double len = hypot(x1 - x0, y1 - y0);
	if (len <= 0)
		return;
	double dx = (x1 - x0) / len, dy = (y1 - y0) / len;
	for (double d = 0; d < len; d += on + off) {
		double e = d + on < len ? d + on : len;
		rule(v, x0 + dx * d, y0 + dy * d, x0 + dx * e, y0 + dy * e, 1.5, color);
	}
}

static void
text(plot *p, const char *s, double size, double x, double y, rg_palign al)
{
	rg_flow_text(p->c, &p->v->boxes, &p->v->nboxes, &p->v->cap, s, RG_FONT_SONG, size, x,
	    y, al, TEXT_COLOR);
}

/* Text broken into lines of at most width, as even as their count allows
 * (the narrowest measure that takes no more lines: a title of two lines is
 * not a full line over a few characters), centred on cx from top down;
 * returns the height used.  With v NULL it is only measured. */
static double
centred_lines(rg_flow *c, rg_vitem *v, const char *s, int role, double size, double cx,
    double width, double top)
{
	rg_lb_para para;
	rg_lb_para_init(&para, &c->env, width, 0);
	rg_lb_style st = { role, size, TEXT_COLOR, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_add_text(&para, s, &st, none);
	rg_lb_line *lines;
	size_t n = rg_lb_break(&para, width, 0, &lines);
	if (n > 1 && v != NULL) {
		double even = rg_lb_even_width(&para, width, n);
		free(lines);
		n = rg_lb_break(&para, even, 0, &lines);
	}
	double pitch = size * 1.3;
	for (size_t i = 0; i < n && v != NULL; i++)
		rg_flow_line(c, &para, &lines[i], cx - width / 2, width, RG_PALIGN_CENTER, v,
		    top + i * pitch, pitch);
	free(lines);
	rg_lb_para_free(&para);
	return n * pitch;
}

/* A category label's lines in a slot of width: broken between words
 * (瀍河 / 回族区, not 瀍河回族 / 区) when its words fit, and as evenly as
 * its number of lines allows, so that no line is left with one
 * character.  para is initialised here; the caller frees it and *lines. */
static size_t
label_para(rg_flow *c, const char *s, double size, double width, rg_lb_para *para,
    rg_lb_line **lines)
{
	rg_lb_style st = { RG_FONT_SONG, size, TEXT_COLOR, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_para_init(para, &c->env, width, 0);
	rg_lb_add_text(para, s, &st, none);
	rg_lb_keep_words(para);
	if (rg_lb_widest_piece(para, 0) > width + 0.01) {
		rg_lb_para_free(para);
		rg_lb_para_init(para, &c->env, width, 0);
		rg_lb_add_text(para, s, &st, none);
	}
	size_t n = rg_lb_break(para, width, 0, lines);
	if (n <= 1)
		return n;
	/* the narrowest width that keeps n lines */
	double even = rg_lb_even_width(para, width, n);
	free(*lines);
	return rg_lb_break(para, even, 0, lines);
}

/* Category label lines centred on cx in a slot of width, from top down. */
static void
draw_label(rg_flow *c, rg_vitem *v, const char *s, double size, double cx, double width,
    double top)
{
	rg_lb_para para;
	rg_lb_line *lines;
	size_t n = label_para(c, s, size, width, &para, &lines);
	double pitch = size * 1.3;
	for (size_t i = 0; i < n && v != NULL; i++)
		rg_flow_line(c, &para, &lines[i], cx - width / 2, width, RG_PALIGN_CENTER, v,
		    top + i * pitch, pitch);
	free(lines);
	rg_lb_para_free(&para);
}

/* The size of the category labels: the text size, or smaller (down to
 * LABEL_FLOOR of it) so that every label fits its slot on one line. */
#define LABEL_FLOOR 0.75
static double
category_size(plot *p, double slot)
{
	double size = p->size;
	for (size_t i = 0; i < p->ch->ncategories; i++) {
		double w = rg_flow_measure(p->c, p->ch->categories[i], RG_FONT_SONG, p->size);
		if (w > slot && p->size * slot / w < size)
			size = p->size * slot / w;
	}
	if (size < p->size * LABEL_FLOOR)
		size = p->size * LABEL_FLOOR;
	return size;
}

/* Lines of category labels: the most a label shown (every `every`th)
 * needs in a place of width. */
static size_t
label_lines(rg_flow *c, const rg_chart *ch, double size, double width, size_t every)
{
	size_t most = 1;
	for (size_t i = 0; i < ch->ncategories; i += every) {
		rg_lb_para para;
		rg_lb_line *lines;
		size_t n = label_para(c, ch->categories[i], size, width, &para, &lines);
		free(lines);
		rg_lb_para_free(&para);
		if (n > most)
			most = n;
	}
	return most;
}

/* Where the label of category i is set when every `every`th is shown, in a
 * place of *lw centred on *cx: on its category, but between x0 and x1 (the
 * first and last labels of a thinned axis are shifted in). */
static void
label_place(plot *p, size_t i, size_t every, double slot, double size, double *cx, double *lw)
{
	*lw = p->stack > 0 ? p->stack : slot * (double)every - 4;
	double w = rg_flow_measure(p->c, p->ch->categories[i], RG_FONT_SONG, size);
	if (every > 1 && w < *lw)
		*lw = w;
	*cx = p->left + slot * ((double)i + 0.5);
	if (*cx - *lw / 2 < p->x0)
		*cx = p->x0 + *lw / 2;
	if (*cx + *lw / 2 > p->x1)
		*cx = p->x1 - *lw / 2;
}

#define STACK_MAX 20             /* the longest name set one character a line */

/* Characters of s. */
static size_t
chars(const char *s)
{
	size_t n = 0, len = strlen(s);
	for (size_t off = 0; off < len; n++) {
		size_t l;
		rg_utf8_decode(s + off, len - off, &l);
		off += l ? l : 1;
	}
	return n;
}

/* Which category labels are shown: every one (1), unless one would be cut
 * inside a number or a word (1985年 a digit a line, in a chart of forty
 * years) or take more than three lines; then names (not periods) of up to
 * STACK_MAX characters are set one character a line (p->stack), else every
 * kth label is shown, the least k at which each fits on one line and no
 * two of them, where label_place sets them, come closer than 4 pt. */
static size_t
label_every(plot *p, double slot, double size)
{
	const rg_chart *ch = p->ch;
	int thin = 0;
	for (size_t i = 0; i < ch->ncategories && !thin; i++) {
		rg_lb_para para;
		rg_lb_style st = { RG_FONT_SONG, size, TEXT_COLOR, NULL };
		rg_pos none = { NULL, 0, 0 };
		rg_lb_para_init(&para, &p->c->env, 0, 0);
		rg_lb_add_text(&para, ch->categories[i], &st, none);
		if (rg_lb_widest_piece(&para, 0) > slot - 4 + 0.01)
			thin = 1;
		rg_lb_para_free(&para);
	}
	p->stack = 0;
	if (!thin && label_lines(p->c, ch, size, slot - 4, 1) <= 3)
		return 1;
	/* names (not periods, 1985年) stand one character a line when a
	 * character fits the slot and no name is longer than STACK_MAX */
	int names = 0;
	size_t longest = 0;
	for (size_t i = 0; i < ch->ncategories; i++) {
		const char *c = ch->categories[i];
		if (!(*c >= '0' && *c <= '9'))
			names = 1;
		size_t n = chars(c);
		if (n > longest)
			longest = n;
	}
	if (names && slot - 2 >= size * 1.05 && longest <= STACK_MAX) {
		/* a character a line, or two digits (第16个) */
		p->stack = slot - 2 < size * 1.3 ? slot - 2 : size * 1.3;
		return 1;
	}
	double widest = 0;
	for (size_t i = 0; i < ch->ncategories; i++) {
		double w = rg_flow_measure(p->c, ch->categories[i], RG_FONT_SONG, size);
		if (w > widest)
			widest = w;
	}
	size_t k = (size_t)ceil((widest + 4) / slot - 1e-9);
	if (k < 2)
		k = 2;
	for (; k < ch->ncategories; k++) {
		int apart = 1;
		double prev = -INFINITY;
		for (size_t i = 0; i < ch->ncategories && apart; i += k) {
			double cx, lw;
			label_place(p, i, k, slot, size, &cx, &lw);
			if (cx - lw / 2 < prev + 4 - 0.01)
				apart = 0;
			prev = cx + lw / 2;
		}
		if (apart)
			return k;
	}
	return ch->ncategories;
}

/* Axis from lo to hi (zero included) in steps of 1, 2 or 5 x 10^n. */
static void
nice_axis(plot *p, double vmin, double vmax)
{
	double dmin = vmin, dmax = vmax;     /* the data's own extremes */
	if (vmin > 0)
		vmin = 0;
	if (vmax < 0)
		vmax = 0;
	if (vmax - vmin <= 0)
		vmax = vmin + 1;
	double raw = (vmax - vmin) / 5;
	double mag = pow(10, floor(log10(raw)));
	double norm = raw / mag;
	p->step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
	p->lo = floor(vmin / p->step + 1e-9) * p->step;
	p->hi = ceil(vmax / p->step - 1e-9) * p->step;
	/* room for the value labels above the highest bar or point, and
	 * below the lowest negative one (a negative bar's label is under it;
	 * a zero's label is above) */
	double room = (p->hi - p->lo) * 0.08;
	if (p->ch->value_labels && dmax >= 0 && dmax > p->hi - room)
		p->hi += p->step;
	if (p->ch->value_labels && dmin < 0 && dmin < p->lo + room)
		p->lo -= p->step;
}

static double
ypos(const plot *p, double v)
{
	return p->bottom - (v - p->lo) / (p->hi - p->lo) * (p->bottom - p->top);
}

static int
tick_decimals(double step)
{
	int d = (int)ceil(-log10(step) - 1e-9);
	return d < 0 ? 0 : d;
}

static void
tick_label(char *buf, size_t n, double v, double step)
{
	if (fabs(v) < step * 1e-6)
		v = 0;
	snprintf(buf, n, "%.*f", tick_decimals(step), v);
}

/* Value axis: grid lines and tick labels; the zero line darker. */
static void
draw_axis(plot *p)
{
	char buf[32];
	int nticks = (int)floor((p->hi - p->lo) / p->step + 0.5);
	for (int i = 0; i <= nticks; i++) {
		double v = p->lo + i * p->step;
		double y = ypos(p, v);
		int zero = fabs(v) < p->step * 1e-6;
		rule(p->v, p->left, y, p->right, y, zero ? 0.8 : 0.4, zero ? AXIS_COLOR : GRID_COLOR);
		tick_label(buf, sizeof buf, v, p->step);
		text(p, buf, p->size, p->left - 4, y + p->size * 0.35, RG_PALIGN_RIGHT);
	}
	rule(p->v, p->left, p->top, p->left, p->bottom, 0.6, AXIS_COLOR);
}

/* The widest tick label, to place the value axis. */
static double
tick_width(plot *p)
{
	char buf[32];
	double w = 0;
	int nticks = (int)floor((p->hi - p->lo) / p->step + 0.5);
	for (int i = 0; i <= nticks; i++) {
		tick_label(buf, sizeof buf, p->lo + i * p->step, p->step);
		double tw = rg_flow_measure(p->c, buf, RG_FONT_SONG, p->size);
		if (tw > w)
			w = tw;
	}
	return w;
}

/* Is a value label at a free place inside the plot? */
static int
label_free(const plot *p, area a)
{
	if (a.y0 < p->top - p->size || a.y1 > p->bottom)
		return 0;
	for (size_t i = 0; i < p->nlabels; i++) {
		const area *b = &p->labels[i];
		if (a.x0 < b->x1 && b->x0 < a.x1 && a.y0 < b->y1 && b->y0 < a.y1)
			return 0;
	}
	return 1;
}

/* A value label centred on cx, gap above or below y; on the other side
 * when flip allows and the first is taken, else left out. */
static int
value_label(plot *p, const char *s, double cx, double y, int above, int flip,
    double size, double gap)
{
	if (s == NULL)
		return 1;
	double w = rg_flow_measure(p->c, s, RG_FONT_SONG, size);
	for (int k = 0; k < 1 + flip; k++, above = !above) {
		double base = above ? y - gap - size * 0.2 : y + gap + size * 0.8;
		area a = { cx - w / 2 - 1, base - size * 0.8, cx + w / 2 + 1, base + size * 0.2 };
		if (!label_free(p, a))
			continue;
		*RG_PUSH(p->labels, p->nlabels, p->cap) = a;
		text(p, s, size, cx, base, RG_PALIGN_CENTER);
		return 1;
	}
	return 0;
}

/* Value labels as large as fits in width each, between 6 pt and the text size. */
static double
label_size(plot *p, double width)
{
	double size = p->size;
	for (size_t s = 0; s < p->ch->nseries; s++)
		for (size_t i = 0; i < p->ch->ncategories; i++) {
			const char *l = p->ch->series[s].labels[i];
			if (l == NULL)
				continue;
			double w = rg_flow_measure(p->c, l, RG_FONT_SONG, p->size);
			if (w > width && p->size * width / w < size)
				size = p->size * width / w;
		}
	return size < 6 ? 6 : size;
}

/* A value label set upright, reading upwards, centred on cx, from y (its
 * start, at the bottom) up; else left out if its place is taken. */
static int
upright_label(plot *p, const char *s, double cx, double y, double size)
{
	double w = rg_flow_measure(p->c, s, RG_FONT_SONG, size);
	area a = { cx - size * 0.55, y - w, cx + size * 0.55, y };
	if (!label_free(p, a))
		return 0;
	*RG_PUSH(p->labels, p->nlabels, p->cap) = a;
	size_t from = p->v->nboxes;
	text(p, s, size, 0, 0, RG_PALIGN_LEFT);
	for (size_t k = from; k < p->v->nboxes; k++) {
		rg_box *b = &p->v->boxes[k];
		double along = b->x;
		b->x = cx + size * 0.35;      /* the glyphs stand left of the baseline */
		b->y = y - along;
		b->angle = 90;
	}
	return 1;
}

#define LABEL_GAP 1.5            /* between a bar and its value label */
#define LABEL_MIN 6.0            /* the smallest value label across a bar */
#define UPRIGHT_MIN 5.0          /* ... and upright along it */

/* The bars' slots and widths across the plot, and their value labels' size
 * and direction: across, as large as fits a bar's width (with the space
 * beside it for a single series), down to LABEL_MIN; else upright, as
 * large as fits that width. */
static void
bar_geometry(plot *p)
{
	const rg_chart *ch = p->ch;
	p->slot = (p->right - p->left) / (double)ch->ncategories;
	p->group = p->slot * (ch->nseries > 1 ? 0.75 : 0.5);
	p->pitch = p->group / (double)ch->nseries;
	p->gap = p->pitch > 6 ? 1 : 0;
	p->upright = 0;
	p->lsize = 0;
	if (!ch->value_labels)
		return;
	double across = ch->nseries > 1 ? p->pitch : p->pitch + p->slot * 0.2;
	p->lsize = label_size(p, across);
	double widest = 0;
	for (size_t s = 0; s < ch->nseries; s++)
		for (size_t i = 0; i < ch->ncategories; i++)
			if (ch->series[s].labels[i] != NULL) {
				double w = rg_flow_measure(p->c, ch->series[s].labels[i],
				    RG_FONT_SONG, p->lsize);
				if (w > widest)
					widest = w;
			}
	if (widest <= across + 0.01)
		return;
	p->upright = 1;
	p->lsize = across - 1 < p->size ? across - 1 : p->size;
	if (p->lsize < UPRIGHT_MIN)
		p->lsize = 0;
}

/* The longest upright value label, at lsize. */
static double
upright_length(plot *p)
{
	double most = 0;
	for (size_t s = 0; s < p->ch->nseries; s++)
		for (size_t i = 0; i < p->ch->ncategories; i++)
			if (p->ch->series[s].labels[i] != NULL) {
				double w = rg_flow_measure(p->c, p->ch->series[s].labels[i],
				    RG_FONT_SONG, p->lsize);
				if (w > most)
					most = w;
			}
	return most + LABEL_GAP;
}

static void
draw_bars(plot *p)
{
	const rg_chart *ch = p->ch;
	double y0 = ypos(p, 0);
	for (size_t i = 0; i < ch->ncategories; i++) {
		double gx = p->left + p->slot * (double)i + (p->slot - p->group) / 2;
		for (size_t s = 0; s < ch->nseries; s++) {
			double v = ch->series[s].values[i];
			if (isnan(v))
				continue;
			double y1 = ypos(p, v);
			double bx = gx + p->pitch * (double)s + p->gap / 2;
			double cx = bx + (p->pitch - p->gap) / 2;
			bar(p->v, bx, y1 < y0 ? y1 : y0, p->pitch - p->gap, fabs(y0 - y1), s);
			const char *l = ch->series[s].labels[i];
			if (l == NULL || !ch->value_labels)
				continue;
			int placed = p->lsize <= 0 ? 0 :
			    !p->upright ? value_label(p, l, cx, y1, v >= 0, 0, p->lsize, LABEL_GAP) :
			    v >= 0 ? upright_label(p, l, cx, y1 - LABEL_GAP, p->lsize) :
			    upright_label(p, l, cx, y1 + LABEL_GAP + rg_flow_measure(p->c, l,
			    RG_FONT_SONG, p->lsize), p->lsize);
			if (!placed)
				left_out(p, s, i);
		}
	}
}

/* A point marker: filled for even series, hollow for odd ones. */
static void
marker(plot *p, double cx, double cy, size_t s)
{
	double m = 5.5;
	rect(p->v, cx - m / 2, cy - m / 2, m, m, series_color(s));
	if (s % 2 == 1)
		rect(p->v, cx - m / 2 + 1.4, cy - m / 2 + 1.4, m - 2.8, m - 2.8, 0xFFFFFF);
}

/* Is series s at or above the middle of category i's values? */
static int
upper(const rg_chart *ch, size_t s, size_t i)
{
	double sum = 0;
	int n = 0;
	for (size_t k = 0; k < ch->nseries; k++)
		if (!isnan(ch->series[k].values[i])) {
			sum += ch->series[k].values[i];
			n++;
		}
	return ch->series[s].values[i] >= sum / n;
}

/* Lines and markers first, then the labels, so no line crosses a label. */
static void
draw_lines(plot *p)
{
	const rg_chart *ch = p->ch;
	double slot = (p->right - p->left) / (double)ch->ncategories;
	double lsize = label_size(p, slot * 0.9);
	for (size_t s = 0; s < ch->nseries; s++) {
		const rg_series *se = &ch->series[s];
		for (size_t i = 0; i + 1 < ch->ncategories; i++)
			if (!isnan(se->values[i]) && !isnan(se->values[i + 1]))
				series_line(p->v, p->left + slot * (i + 0.5), ypos(p, se->values[i]),
				    p->left + slot * (i + 1.5), ypos(p, se->values[i + 1]), s);
		for (size_t i = 0; i < ch->ncategories; i++)
			if (!isnan(se->values[i]))
				marker(p, p->left + slot * (i + 0.5), ypos(p, se->values[i]), s);
	}
	for (size_t s = 0; ch->value_labels && s < ch->nseries; s++)
		for (size_t i = 0; i < ch->ncategories; i++)
			if (!isnan(ch->series[s].values[i]) &&
			    !value_label(p, ch->series[s].labels[i], p->left + slot * (i + 0.5),
			    ypos(p, ch->series[s].values[i]), upper(ch, s, i), 1, lsize, 4))
				left_out(p, s, i);
}

/* Legend entries centred in rows of at most width (a name wider than that
 * on lines of its own); returns the height. */
static double
draw_legend(plot *p, double x, double width, double top, int draw)
{
	const rg_chart *ch = p->ch;
	double key = ch->kind == RG_CHART_LINE ? 16 : 9, pad = 4, sep = 14;
	double pitch = p->size * 1.6;
	size_t first = 0;
	double y = top;
	while (first < ch->nseries) {
		double w = 0;
		size_t last = first;
		while (last < ch->nseries) {
			double ew = key + pad + rg_flow_measure(p->c, ch->series[last].name,
			    RG_FONT_SONG, p->size);
			if (last > first && w + sep + ew > width)
				break;
			w += (last > first ? sep : 0) + ew;
			last++;
		}
		double ex = x + (width - w) / 2, mid = y + pitch / 2;
		if (last == first + 1 && w > width) {
			/* a name wider than the chart: broken into lines beside
			 * its key */
			double tw = width - key - pad;
			rg_lb_para para;
			rg_lb_line *lines;
			rg_lb_style st = { RG_FONT_SONG, p->size, TEXT_COLOR, NULL };
			rg_pos none = { NULL, 0, 0 };
			rg_lb_para_init(&para, &p->c->env, tw, 0);
			rg_lb_add_text(&para, ch->series[first].name, &st, none);
			size_t n = rg_lb_break(&para, tw, 0, &lines);
			if (draw) {
				if (ch->kind == RG_CHART_LINE) {
					series_line(p->v, x, mid, x + key, mid, first);
					marker(p, x + key / 2, mid, first);
				} else {
					bar(p->v, x, mid - key / 2, key, key, first);
				}
				for (size_t i = 0; i < n; i++)
					rg_flow_line(p->c, &para, &lines[i], x + key + pad, tw,
					    RG_PALIGN_LEFT, p->v, y + (double)i * pitch, pitch);
			}
			free(lines);
			rg_lb_para_free(&para);
			y += (double)(n ? n : 1) * pitch;
			first = last;
			continue;
		}
		for (size_t s = first; draw && s < last; s++) {
			if (ch->kind == RG_CHART_LINE) {
				series_line(p->v, ex, mid, ex + key, mid, s);
				marker(p, ex + key / 2, mid, s);
			} else {
				bar(p->v, ex, mid - key / 2, key, key, s);
			}
			ex += key + pad;
			ex += rg_flow_text(p->c, &p->v->boxes, &p->v->nboxes, &p->v->cap,
			    ch->series[s].name, RG_FONT_SONG, p->size, ex, mid + p->size * 0.35,
			    RG_PALIGN_LEFT, TEXT_COLOR);
			ex += sep;
		}
		y += pitch;
		first = last;
	}
	return y - top;
}

static void
value_range(const rg_chart *ch, double *vmin, double *vmax)
{
	*vmin = INFINITY;
	*vmax = -INFINITY;
	for (size_t s = 0; s < ch->nseries; s++)
		for (size_t i = 0; i < ch->ncategories; i++) {
			double v = ch->series[s].values[i];
			if (isnan(v))
				continue;
			if (v < *vmin)
				*vmin = v;
			if (v > *vmax)
				*vmax = v;
		}
	if (*vmin > *vmax)
		*vmin = *vmax = 0;
}

#define MIN_PLOT 0.25            /* the least height of the plot, of the width */

void
rg_layout_chart(rg_flow *c, const rg_block *b, double x, double width)
{
	const rg_chart *ch = b->chart;
	if (ch == NULL || ch->ncategories == 0 || ch->nseries == 0)
		return;
	plot p = { 0 };
	p.c = c;
	p.ch = ch;
	p.size = c->th->table_size * 0.85;
	p.x0 = x;
	p.x1 = x + width;
	/* 0.55 of the width high, or higher when the title, the legend and
	 * the category labels would leave the plot less than MIN_PLOT of it;
	 * measured first, then drawn */
	double h = width * 0.55, top = 2, title_top = top;
	if (ch->title != NULL)
		top += centred_lines(c, NULL, ch->title, RG_FONT_HEI, p.size + 1.5, 0, width, 0) + 2;
	double unit_top = top;
	if (ch->unit != NULL && *ch->unit != '\0')
		top += p.size * 1.6;
	p.top = top + p.size * 0.6;
	/* from the bottom up: legend, category labels */
	double legend_h = draw_legend(&p, x, width, 0, 0);
	double vmin, vmax;
	value_range(ch, &vmin, &vmax);
	nice_axis(&p, vmin, vmax);
	double slot = 0, cat_size = p.size, cat_h = 0;
	size_t every = 1;
	for (int round = 0;; round++) {
		p.left = x + tick_width(&p) + 8;
		p.right = x + width - 4;
		p.x0 = p.left - 4;       /* category labels: not under the tick labels */
		slot = (p.right - p.left) / (double)ch->ncategories;
		cat_size = category_size(&p, slot - 4);
		every = label_every(&p, slot, cat_size);
		cat_h = (double)label_lines(c, ch, cat_size, p.stack > 0 ? p.stack :
		    slot * (double)every - 4, every) * cat_size * 1.3;
		double need = p.top + width * MIN_PLOT + cat_h + legend_h + p.size * 0.8;
		if (need > h)
			h = need;
		p.bottom = h - legend_h - cat_h - p.size * 0.8;
		if (ch->kind == RG_CHART_LINE)
			break;
		bar_geometry(&p);
		if (!p.upright || p.lsize <= 0 || round == 8)
			break;
		/* room on the axis for the upright labels above the highest bar
		 * and below the lowest negative one */
		double len = upright_length(&p);
		int more = 0;
		if (vmax > 0 && ypos(&p, vmax) - len < p.top - p.size) {
			p.hi += p.step;
			more = 1;
		}
		if (vmin < 0 && ypos(&p, vmin) + len > p.bottom) {
			p.lo -= p.step;
			more = 1;
		}
		if (!more)
			break;
	}
	rg_flow_gap(c, c->th->line_pitch / 2);
	p.v = rg_flow_item(c, h);
	h = p.v->height;         /* whole lines on a grid */
	p.bottom = h - legend_h - cat_h - p.size * 0.8;
	if (ch->title != NULL)
		centred_lines(c, p.v, ch->title, RG_FONT_HEI, p.size + 1.5, x + width / 2, width,
		    title_top);
	if (ch->unit != NULL && *ch->unit != '\0')
		text(&p, ch->unit, p.size, x, unit_top + p.size, RG_PALIGN_LEFT);
	draw_axis(&p);
	if (ch->kind == RG_CHART_LINE)
		draw_lines(&p);
	else
		draw_bars(&p);
	for (size_t i = 0; i < ch->ncategories; i += every) {
		double cx, lw;
		label_place(&p, i, every, slot, cat_size, &cx, &lw);
		draw_label(c, p.v, ch->categories[i], cat_size, cx, lw, p.bottom + p.size * 0.4);
	}
	draw_legend(&p, x, width, h - legend_h, 1);
	if (p.dropped > 0)
		rg_msg(c->d, RG_M_CHART_LABELS, b->pos,
		    "%zu of the chart's value labels left out, for want of room where they would "
		    "not cover another (the first: %s, %s, %s); fewer series or categories, or a "
		    "table, show them all", p.dropped, ch->series[p.drop_s].name,
		    ch->categories[p.drop_i], ch->series[p.drop_s].labels[p.drop_i]);
	free(p.labels);
	rg_flow_gap(c, c->th->line_pitch / 2);
}
