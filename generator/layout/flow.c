/* flow.c -- building blocks of the vertical list; see flow.h */
#include "flow.h"

#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "../base/buf.h"

/* On a grid (公文) every item is a whole number of lines high and gaps are
 * whole lines: a gap smaller than a line disappears. */
static double
snap(const rg_flow *c, double h, int at_least_one)
{
	double pitch = c->th->line_pitch;
	if (!c->th->grid || pitch <= 0 || c->off_grid)
		return h;
	double lines = at_least_one ? ceil(h / pitch - 1e-6) : floor(h / pitch + 1e-6);
	return (at_least_one && lines < 1 ? 1 : lines) * pitch;
}

rg_vitem *
rg_flow_item(rg_flow *c, double height)
{
	rg_vitem *v = RG_PUSH(c->items, c->nitems, c->cap);
	memset(v, 0, sizeof *v);
	v->height = snap(c, height, 1);
	v->space_before = snap(c, c->pending_gap, 0);
	v->landscape = c->landscape;
	c->pending_gap = 0;
	return v;
}

rg_box *
rg_vitem_box(rg_vitem *v, rg_box_kind kind)
{
	rg_box *b = RG_PUSH(v->boxes, v->nboxes, v->cap);
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

void
rg_flow_gap(rg_flow *c, double g)
{
	if (g > c->pending_gap)
		c->pending_gap = g;
}

double
rg_flow_baseline(double h, double s)
{
	return h / 2 + 0.38 * s;
}

static void
use_face(rg_flow *c, int face)
{
	if (face >= 0 && (size_t)face < c->out->nfaces)
		c->out->faces_used[face] = 1;
}

/* On a grid (公文) a justified line that holds Latin words or digits keeps
 * every wide character on its column: each run of words and glue between
 * wide characters takes a whole number of cells, its slack set around it
 * (after it at the start of the line, before it at the end), and whole
 * cells left over stay at the end of the line (the last line of a paragraph
 * too); a run wider than its cells is squeezed, by 0.1 em a glyph at most.  pad[k - ln->start] is the space before item k, pad[n + 1 + k -
 * ln->start] the spacing of word k's glyphs; returns the line's width, or
 * -1 when the runs cannot take whole cells (the line is then spread). */
typedef struct grid_run {
	size_t a, k;             /* items [a, k) */
	double r, glue;          /* width of the words, of the glue */
	int glyphs;
	double cells;
} grid_run;

static double
grid_pads(const rg_flow *c, const rg_lb_para *p, const rg_lb_line *ln, double avail,
    double size, double *pad)
{
	const rg_lb_item *it = p->items;
	double cell = c->env.wide_em * size, wide = 0;
	size_t n = ln->end - ln->start, nr = 0;
	grid_run runs[32];
	for (size_t k = ln->start; k < ln->end; ) {
		if (it[k].type == RG_LB_WIDE || it[k].type == RG_LB_BREAK) {
			wide += it[k].width;
			k++;
			continue;
		}
		if (nr == sizeof runs / sizeof *runs)
			return -1;
		grid_run *u = &runs[nr++];
		memset(u, 0, sizeof *u);
		/* a space between two of the run's words is part of it and keeps
		 * its width (English words); the glue at its ends is slack */
		double space = 0;
		for (u->a = k; k < ln->end && it[k].type != RG_LB_WIDE &&
		    it[k].type != RG_LB_BREAK; k++) {
			if (it[k].type == RG_LB_GLUE) {
				if (it[k].visible && u->glyphs > 0)
					space += it[k].width;
				else
					u->glue += it[k].width;
			} else {
				u->r += space + it[k].width;
				space = 0;
				u->glyphs += it[k].nglyphs;
			}
		}
		u->glue += space;
		u->k = k;
	}
	if (nr == 0)
		return -1;
	/* each run in the whole cells nearest its width with its glue (rather
	 * fewer: ¼-em gaps are 8 pt of a 15.8 pt cell), never
	 * squeezed by more than 0.1 em a glyph; then a cell taken from (or
	 * given to) the runs that mind it least until the line fits (is full) */
	double w = wide;
	for (size_t i = 0; i < nr; i++) {
		grid_run *u = &runs[i];
		double least = ceil((u->r - 0.1 * size * u->glyphs) / cell - 1e-6);
		u->cells = fmax(fmax(1, least), floor((u->r + u->glue) / cell + 0.35));
		w += u->cells * cell;
	}
	while (w > avail + 0.01) {
		size_t best = nr;
		double most = -0.1 * size;
		for (size_t i = 0; i < nr; i++) {
			double e = ((runs[i].cells - 1) * cell - runs[i].r) / fmax(1, runs[i].glyphs);
			if (runs[i].cells > 1 && e >= most) {
				most = e;
				best = i;
			}
		}
		if (best == nr)
			return -1;
		runs[best].cells--;
		w -= cell;
	}
	while (w + cell <= avail + 0.01) {
		size_t best = nr;
		double least = -cell / 2;     /* only where it brings the gaps nearer */
		for (size_t i = 0; i < nr; i++) {
			double e = runs[i].cells * cell - runs[i].r - runs[i].glue;
			if (e < least) {
				least = e;
				best = i;
			}
		}
		if (best == nr)
			break;   /* whole cells left at the end of the line */
		runs[best].cells++;
		w += cell;
	}
	memset(pad, 0, 2 * (n + 1) * sizeof *pad);
	for (size_t i = 0; i < nr; i++) {
		const grid_run *u = &runs[i];
		double slack = u->cells * cell - u->r;
		/* the glue at the run's ends is in the slack; a space between
		 * its words stays (it is in r) */
		size_t fw = u->k, lw = u->a;
		for (size_t g = u->a; g < u->k; g++)
			if (it[g].type == RG_LB_WORD) {
				fw = g < fw ? g : fw;
				lw = g;
			}
		for (size_t g = u->a; g < u->k; g++)
			if (it[g].type == RG_LB_GLUE && !(it[g].visible && g > fw && g < lw))
				pad[g - ln->start] -= it[g].width;
		if (slack < 0) {
			for (size_t g = u->a; g < u->k; g++)
				if (it[g].type == RG_LB_WORD && u->glyphs > 0)
					pad[n + 1 + g - ln->start] = slack / u->glyphs;
			slack = 0;
		}
		if (u->a == ln->start)
			pad[u->k - ln->start] += slack;
		else if (u->k == ln->end)
			pad[u->a - ln->start] += slack;
		else {
			pad[u->a - ln->start] += slack / 2;
			pad[u->k - ln->start] += slack / 2;
		}
	}
	return w;
}

/* Turn the items of one line into text and link boxes.  Runs of single
 * wide characters share one text box whose PDF character spacing carries
 * the justification; a word is a box of its own. */
void
rg_flow_line(rg_flow *c, const rg_lb_para *p, const rg_lb_line *ln, double x,
    double avail, rg_palign al, rg_vitem *v, double top, double height)
{
	const rg_lb_item *it = p->items;
	double extra = 0, *pad = NULL, grid_w = -1;
	double size_max = 0;
	for (size_t k = ln->start; k < ln->end; k++)
		if (it[k].size > size_max)
			size_max = it[k].size;
	if (al == RG_ALIGN_JUSTIFY && c->th->grid && c->env.wide_em > 0 && ln->end > ln->start) {
		pad = rg_xcalloc(2 * (ln->end - ln->start + 1), sizeof *pad);
		grid_w = grid_pads(c, p, ln, avail, size_max, pad);
		if (grid_w < 0) {
			free(pad);
			pad = NULL;
		}
	}
	if (pad != NULL) {
		/* on the grid: no spreading */
	} else if (al == RG_ALIGN_JUSTIFY && ln->justify && ln->stretch_points > 0) {
		extra = (avail - ln->natural) / ln->stretch_points;
		if (extra < 0 || extra > RG_LB_LOOSE * size_max)
			extra = 0;     /* a line that cannot be filled decently stays ragged */
	} else if (al == RG_PALIGN_CENTER) {
		x += (avail - ln->natural) / 2;
	} else if (al == RG_PALIGN_RIGHT) {
		x += avail - ln->natural;
	}
	double base = top + rg_flow_baseline(height, size_max);
	if (ln->end > ln->start) {
		rg_line_rec *rec = RG_PUSH(v->lines, v->nlines, v->cap_lines);
		rec->x = x;
		rec->y = base;
		rec->w = pad != NULL ? grid_w : ln->natural + extra * ln->stretch_points;
		rec->first = it[ln->start].first;
		rec->last = it[ln->end - 1].last;
		rec->body = c->body_lines;
		rec->full = pad != NULL ? fabs(grid_w - avail) < 0.01 :
		    al == RG_ALIGN_JUSTIFY && ln->justify && extra > 0;
		/* was the break before (after) this line the breaker's choice, or
		 * the start (end) of the text or a forced break? */
		size_t k = ln->start;
		while (k > 0 && it[k - 1].type == RG_LB_GLUE)
			k--;
		rec->broken_before = k > 0 && it[k - 1].type != RG_LB_BREAK;
		k = ln->end;
		while (k < p->n && it[k].type == RG_LB_GLUE)
			k++;
		rec->broken_after = k < p->n && it[k].type != RG_LB_BREAK;
		rec->cell = c->cell.kind;
		rec->cell_x0 = c->cell.x0;
		rec->cell_x1 = c->cell.x1;
		rec->numeric = c->cell.numeric;
		rec->cell_lines = c->cell.lines;
		rec->chars = 0;
		for (size_t m = ln->start; m < ln->end; m++)
			if (it[m].type != RG_LB_GLUE)
				rec->chars += it[m].nglyphs;
		rec->word_cut = ln->start > 0 && it[ln->start].keep_before;
	}
	size_t run = SIZE_MAX;           /* index of the open text box */
	rg_buf text = { 0 };
	const char *url = NULL;          /* the open link and where it starts */
	double url_x = 0, url_size = 0;
	for (size_t k = ln->start; k <= ln->end; k++) {
		const rg_lb_item *t = k < ln->end ? &it[k] : NULL;
		int glue = t != NULL && t->type == RG_LB_GLUE;
		if (pad != NULL && t != NULL)
			x += pad[k - ln->start];
		/* close the link when the target changes */
		const char *turl = t != NULL && !glue ? t->url : url;
		if (url != NULL && (t == NULL || turl != url)) {
			rg_box *b = rg_vitem_box(v, RG_BOX_LINK);
			b->x = url_x;
			b->y = base - url_size * 0.9;
			b->w = x - url_x;
			b->h = url_size * 1.15;
			b->url = rg_arena_strdup(c->out->arena, url);
			url = NULL;
		}
		if (t != NULL && !glue && k > ln->start && it[k - 1].type != RG_LB_GLUE &&
		    !(it[k - 1].type == RG_LB_WORD && t->type == RG_LB_WORD))
			x += extra;
		if (t != NULL && !glue && t->url != NULL && url == NULL) {
			url = t->url;
			url_x = x;
			url_size = t->size;
		}
		/* close the text run unless this item continues it */
		int single = t != NULL && t->type == RG_LB_WIDE;
		if (run != SIZE_MAX && (t == NULL || glue || !single ||
		    v->boxes[run].face != t->face || v->boxes[run].size != t->size ||
		    v->boxes[run].color != t->color || it[k - 1].type != RG_LB_WIDE ||
		    it[k - 1].adjust != t->adjust || it[k - 1].half || t->half)) {
			v->boxes[run].text = rg_arena_strdup(c->out->arena, rg_buf_cstr(&text));
			run = SIZE_MAX;
		}
		if (t == NULL || t->type == RG_LB_BREAK)
			continue;
		if (glue) {
			x += t->width + extra;
			continue;
		}
		if (run == SIZE_MAX) {
			rg_box *b = rg_vitem_box(v, RG_BOX_TEXT);
			b->x = x;
			b->y = base;
			b->face = t->face;
			b->size = t->size;
			b->color = t->color;
			b->spacing = single ? extra + t->adjust :
			    pad != NULL ? pad[ln->end - ln->start + 1 + k - ln->start] : 0;
			b->half = t->half;
			run = v->nboxes - 1;
			rg_buf_clear(&text);
			use_face(c, t->face);
		}
		rg_buf_put(&text, t->text, t->len);
		x += t->width + (single ? 0 : v->boxes[run].spacing * t->nglyphs);
		if (!single) {
			v->boxes[run].text = rg_arena_strdup(c->out->arena, rg_buf_cstr(&text));
			run = SIZE_MAX;
		}
	}
	rg_buf_free(&text);
	free(pad);
}

void
rg_flow_spans(rg_flow *c, rg_lb_para *p, const rg_span *spans, size_t n,
    int base_role, double size, unsigned color)
{
	for (size_t i = 0; i < n; i++) {
		const rg_span *s = &spans[i];
		if (s->kind == RG_SPAN_SOFTBREAK) {
			rg_lb_add_softbreak(p);
			continue;
		}
		if (s->kind == RG_SPAN_HARDBREAK) {
			rg_lb_add_hardbreak(p);
			continue;
		}
		rg_lb_style st = { base_role, size, color, NULL };
		/* TYPESETTING.md: strong is the bold of the face around it (a
		 * stroked one where the face has no bold), emphasis is Kai, Han is
		 * never slanted */
		if (s->style & RG_STYLE_CODE) {
			st.role = RG_FONT_MONO;
			st.size = size * 0.9;
		} else if (s->style & RG_STYLE_EMPH) {
			st.role = RG_FONT_KAI;
		}
		if ((s->style & RG_STYLE_STRONG) && !(s->style & RG_STYLE_CODE))
			st.role |= RG_FONT_BOLD;
		if (s->style & RG_STYLE_LINK) {
			st.url = s->url;
			st.color = c->th->link_color;
		}
		rg_lb_add_text(p, s->text, &st, s->pos);
	}
}

double
rg_flow_measure(rg_flow *c, const char *text, int role, double size)
{
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, 0, 0);
	rg_lb_style st = { role, size, 0, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_add_text(&p, text, &st, none);
	double w = 0;
	for (size_t k = 0; k < p.n; k++)
		w += p.items[k].width;
	rg_lb_para_free(&p);
	return w;
}

double
rg_flow_text(rg_flow *c, rg_box **boxes, size_t *n, size_t *cap, const char *text,
    int role, double size, double x, double y, rg_palign al, unsigned color)
{
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, 0, 0);
	rg_lb_style st = { role, size, color, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_add_text(&p, text, &st, none);
	double w = 0;
	for (size_t k = 0; k < p.n; k++)
		w += p.items[k].width;
	if (al == RG_PALIGN_CENTER)
		x -= w / 2;
	else if (al == RG_PALIGN_RIGHT)
		x -= w;
	for (size_t k = 0; k < p.n; k++) {
		const rg_lb_item *t = &p.items[k];
		if (t->type != RG_LB_GLUE && t->type != RG_LB_BREAK) {
			rg_box *b = RG_PUSH(*boxes, *n, *cap);
			memset(b, 0, sizeof *b);
			b->kind = RG_BOX_TEXT;
			b->x = x;
			b->y = y;
			b->face = t->face;
			b->size = size;
			b->color = color;
			b->text = rg_arena_strndup(c->out->arena, t->text, t->len);
			use_face(c, t->face);
		}
		x += t->width;
	}
	rg_lb_para_free(&p);
	return w;
}
