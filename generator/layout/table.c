/* table.c -- three-line tables (三线表) on the vertical list.
 *
 * Column widths follow automatic table layout: every column gets at least
 * its widest unbreakable piece (a number, a row label of up to LABEL_EM, a
 * header word: words.c) and at most its natural width, the rest of the
 * text width is shared in proportion; header cells wrap first.  A column
 * of long text (wider than LONG_EM) asks for LABEL_EM and takes what the
 * others leave, its text justified.  A table whose other body cells do not
 * fit on one line each shrinks its type down to the theme's
 * table_min_size; a table whose unbreakable pieces do not fit then goes on
 * a landscape page; wider still it is an error.  Cell text is broken with
 * the same Chinese line breaker as paragraphs.  Each row is one item of
 * the flow; the header rows are marked so the paginator repeats them,
 * under 续表, when the table goes on.
 */
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/utf8.h"

#define SHORT_HEADER_EM 4.0      /* headers this wide are never broken */
#define LABEL_EM 8.0             /* body text this wide is never broken (row
                                  * labels) */
#define LONG_EM 16.0             /* body text wider than this is a paragraph: it
                                  * wraps, justified, in a column at least
                                  * LABEL_EM wide; shorter text wraps only
                                  * between words, when it must */
#define NOTE_WHOLE 6              /* a note of up to this many lines is never split */
#define RULE_THICK 1.2
#define RULE_THIN 0.6
#define RULE_HAIR 0.4

typedef struct cellbox {
	const rg_cell *cell;
	size_t col;              /* first column */
	rg_lb_para para;
	rg_lb_line *lines; size_t nlines;
} cellbox;

typedef struct tstate {
	rg_flow *c;
	const rg_table *t;
	double size, pitch, padx, pady;
	double *minw, *prefw, *bodyw, *w;   /* bodyw: natural width of body cells */
	double *headw;           /* bodyw, or wider for header cells broken before their unit */
	unsigned char *wraps;    /* a column with text wider than LABEL_EM: its text
	                          * cells are justified, flush left */
	double *point;           /* align: decimal -- the widest part from the
	                          * decimal point on of a column's numbers */
	cellbox **rows;          /* rows[r][i], ncells[r] each */
} tstate;

static int
cell_role(const rg_table *t, size_t r)
{
	return r < t->nheader || t->rows[r].group ? RG_FONT_HEI : RG_FONT_SONG;
}

/* Natural width of a cell's items (its widest line). */
static double
natural(const rg_lb_para *p)
{
	double line = 0, widest = 0;
	for (size_t k = 0; k < p->n; k++) {
		if (p->items[k].type == RG_LB_BREAK) {
			line = 0;
			continue;
		}
		line += p->items[k].width;
		if (line > widest)
			widest = line;
	}
	return widest;
}


/* A header's words glued into a run wider than LABEL_EM by words of one
 * character (这是一个非常非常长的中文表头…, 的 and 长 holding their
 * neighbours) may break at the word boundaries inside the run before a
 * word of two or more characters (…长的 / 中文…), so that the run does
 * not make its column as wide. */
static void
open_long_runs(tstate *s, rg_lb_para *p)
{
	double limit = LABEL_EM * s->size + 0.01;
	if (rg_lb_widest_piece(p, 0) <= limit)
		return;
	size_t from = 0;
	double piece = 0;
	for (size_t k = 0; k <= p->n; k++) {
		int brk = k == p->n || p->items[k].type == RG_LB_BREAK || rg_lb_break_allowed(p, k);
		if (!brk) {
			piece += p->items[k].width;
			continue;
		}
		if (piece > limit)
			for (size_t j = from + 1; j < k; j++)
				if (p->items[j].glued)
					p->items[j].keep_before = 0;
		from = k;
		piece = k < p->n ? p->items[k].width : 0;
	}
}

/* Headers, and body text short of a paragraph, break only between words;
 * a body text up to LABEL_EM wide not at all. */
static void
keep_words(tstate *s, cellbox *cb, size_t r)
{
	double w = natural(&cb->para);
	if (r >= s->t->nheader && w > LONG_EM * s->size)
		return;
	rg_lb_keep_words(&cb->para);
	if (r < s->t->nheader)
		open_long_runs(s, &cb->para);
	if (r >= s->t->nheader && w <= LABEL_EM * s->size + 0.01)
		for (size_t k = 1; k < cb->para.n; k++)
			if (cb->para.items[k].type != RG_LB_BREAK &&
			    cb->para.items[k - 1].type != RG_LB_BREAK)
				cb->para.items[k].keep_before = 1;
}

/* Build (or rebuild) every cell's items at the current size; max_width per
 * column splits words that cannot fit in it (NULL: no splitting). */
static void
build_cells(tstate *s, const double *max_width)
{
	const rg_table *t = s->t;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t col = 0;
		for (size_t i = 0; i < t->rows[r].ncells; i++) {
			const rg_cell *cell = &t->rows[r].cells[i];
			cellbox *cb = &s->rows[r][i];
			rg_lb_para_free(&cb->para);
			cb->cell = cell;
			cb->col = col;
			double mw = 0;
			if (max_width != NULL)
				for (int k = 0; k < cell->colspan && col + (size_t)k < t->ncols; k++)
					mw += max_width[col + (size_t)k];
			rg_lb_para_init(&cb->para, &s->c->env, mw, 0);
			rg_flow_spans(s->c, &cb->para, cell->spans, cell->nspans, cell_role(t, r),
			    s->size, 0);
			if (r < t->nheader || !cell->numeric)
				keep_words(s, cb, r);
			col += (size_t)cell->colspan;
		}
	}
}

static int
opens(int32_t cp)
{
	return cp == 0xFF08 || cp == '(';
}

static int
closes(int32_t cp)
{
	return cp == 0xFF09 || cp == ')';
}

/* How many brackets items [0, k) leave open, for every k (malloc'd): a
 * bracket inside a unit, （亿元（当年价）） , is no place to split a header
 * at. */
static int *
depths(const rg_lb_para *p)
{
	int *d = rg_xmalloc((p->n + 1) * sizeof *d);
	int open = 0;
	for (size_t j = 0; j < p->n; j++) {
		d[j] = open;
		const rg_lb_item *it = &p->items[j];
		if (it->type == RG_LB_GLUE || it->type == RG_LB_BREAK || it->text == NULL)
			continue;
		for (size_t off = 0; off < it->len;) {
			size_t l;
			int32_t cp = rg_utf8_decode(it->text + off, it->len - off, &l);
			if (cp < 0 || l == 0)
				break;
			if (opens(cp))
				open++;
			else if (closes(cp) && open > 0)
				open--;
			off += l;
		}
	}
	d[p->n] = open;
	return d;
}

/* Does item k open a bracket outside any other (d: depths)? */
static int
top_bracket(const rg_lb_para *p, const int *d, size_t k)
{
	const rg_lb_item *it = &p->items[k];
	return it->type != RG_LB_GLUE && it->type != RG_LB_BREAK && opens(it->first) && d[k] == 0;
}

/* A header cell that ends in a unit in brackets, "地区生产总值（亿元）":
 * the index of the item opening the bracket (the outer one of
 * "（亿元（当年价））"); 0 if there is none, or nothing before it. */
static size_t
unit_at(const rg_lb_para *p)
{
	if (p->n < 2)
		return 0;
	if (!closes(p->items[p->n - 1].last))
		return 0;
	int *d = depths(p);
	size_t u = 0;
	for (size_t k = p->n; k-- > 1;) {
		const rg_lb_item *it = &p->items[k];
		if (it->type == RG_LB_BREAK)
			break;
		if (top_bracket(p, d, k)) {
			for (size_t j = 0; j < k && u == 0; j++)
				if (p->items[j].type != RG_LB_GLUE)
					u = k;
			break;
		}
	}
	free(d);
	return u;
}

/* Widths of items [0, u) and [u, n), glue at either end left out. */
static void
split_widths(const rg_lb_para *p, size_t u, double *name, double *unit)
{
	*name = *unit = 0;
	size_t end = u;
	while (end > 0 && p->items[end - 1].type == RG_LB_GLUE)
		end--;
	for (size_t k = 0; k < end; k++)
		*name += p->items[k].width;
	for (size_t k = u; k < p->n; k++)
		*unit += p->items[k].width;
}

/* Where a header cell that does not fit on one line of cw splits into two
 * lines at an opening bracket: the last bracket outside any other
 * ("名称" / "（单位）") whose two sides each fit, so that
 * "科技型中小企业备案（评价）（家）" can become "科技型中小企业备案" /
 * "（评价）（家）".  0: none does. */
static size_t
bracket_split(const rg_lb_para *p, double cw)
{
	if (unit_at(p) == 0)
		return 0;
	int *d = depths(p);
	size_t at = 0;
	for (size_t k = p->n; k-- > 1 && at == 0;) {
		if (!top_bracket(p, d, k))
			continue;
		double before, after;
		split_widths(p, k, &before, &after);
		if (before > 0 && before <= cw + 0.01 && after <= cw + 0.01)
			at = k;
	}
	free(d);
	return at;
}

/* May a header line end before item k at a word boundary after a word of
 * one character (消费品 | 零售: kept together only because 品 is one
 * character, rg_lb_keep_words' glued)? */
static int
glued_break(const rg_lb_para *p, size_t k)
{
	const rg_lb_item *it = p->items;
	return k > 0 && k < p->n && it[k].glued && it[k].keep_before &&
	    it[k - 1].type != RG_LB_GLUE && it[k].type != RG_LB_GLUE &&
	    it[k - 1].type != RG_LB_BREAK && it[k].type != RG_LB_BREAK &&
	    !rg_lb_no_start(it[k].first) && !rg_lb_no_end(it[k - 1].last);
}

/* The width of a line of items [from, to), glue at either end dropped. */
static double
span_width(const rg_lb_para *p, size_t from, size_t to)
{
	while (from < to && p->items[from].type == RG_LB_GLUE)
		from++;
	while (to > from && p->items[to - 1].type == RG_LB_GLUE)
		to--;
	double w = 0;
	for (size_t k = from; k < to; k++)
		w += p->items[k].width;
	return w;
}

#define EVEN_MAX_ITEMS 600      /* even_header_lines: the work grows as items^2 x lines */
#define EVEN_MAX_LINES 40

/* Header lines of the least raggedness (Knuth and Plass' sum of squared
 * slack, each line costing as much as a line left empty): at most n lines
 * no wider than cw, between words (a break after a one-character word,
 * glued_break, costs an eighth of a line more: taken when it saves a line or
 * evens the lines a great deal).  Forced breaks are set at the chosen
 * places in p; returns the line count, or 0 (p unchanged) when there is
 * no such set of lines. */
static size_t
even_header_lines(rg_lb_para *p, double cw, size_t n, rg_lb_line **lines)
{
	if (p->n > EVEN_MAX_ITEMS || n > EVEN_MAX_LINES)
		return 0;               /* a header as long as a page: first fit */
	for (size_t k = 0; k < p->n; k++)
		if (p->items[k].type == RG_LB_BREAK)
			return 0;       /* hard breaks: left as written */
	/* the places a line may end: 0 (the start), the breaks, p->n */
	size_t *at = rg_xmalloc((p->n + 2) * sizeof *at);
	int *glued = rg_xmalloc((p->n + 2) * sizeof *glued);
	size_t m = 0;
	at[m] = 0;
	glued[m++] = 0;
	for (size_t k = 1; k < p->n; k++) {
		int g = !rg_lb_break_allowed(p, k) && glued_break(p, k);
		if (rg_lb_break_allowed(p, k) || g) {
			at[m] = k;
			glued[m++] = g;
		}
	}
	at[m] = p->n;
	glued[m++] = 0;
	/* cost[j * (n + 1) + l]: the best l lines ending at at[j] */
	double *cost = rg_xmalloc(m * (n + 1) * sizeof *cost);
	size_t *from = rg_xmalloc(m * (n + 1) * sizeof *from);
	for (size_t i = 0; i < m * (n + 1); i++)
		cost[i] = INFINITY;
	cost[0] = 0;
	double line = cw * cw;
	for (size_t j = 1; j < m; j++)
		for (size_t i = 0; i < j; i++) {
			double w = span_width(p, at[i], at[j]);
			if (w > cw + 0.01)
				continue;
			double c = (cw - w) * (cw - w) + line + (glued[j] ? line / 8 : 0);
			for (size_t l = 1; l <= n; l++) {
				double t = cost[i * (n + 1) + l - 1] + c;
				/* ties: the later break, the longer lines
				 * first (as first fit sets them) */
				if (t < cost[j * (n + 1) + l] + 1e-6) {
					cost[j * (n + 1) + l] = t;
					from[j * (n + 1) + l] = i;
				}
			}
		}
	size_t best = 0;
	for (size_t l = 1; l <= n; l++)
		if (cost[(m - 1) * (n + 1) + l] < INFINITY &&
		    (best == 0 || cost[(m - 1) * (n + 1) + l] < cost[(m - 1) * (n + 1) + best]))
			best = l;
	size_t got = 0;
	if (best > 0) {
		/* the breaks, from the last (inserting shifts what follows) */
		rg_lb_item *keep = rg_xmalloc(p->n * sizeof *keep);
		size_t kept = p->n;
		memcpy(keep, p->items, p->n * sizeof *keep);
		size_t j = m - 1;
		for (size_t l = best; l > 1; l--) {
			j = from[j * (n + 1) + l];
			p->items[at[j]].keep_before = 0;
			rg_lb_insert_break(p, at[j]);
		}
		got = rg_lb_break(p, cw, 0, lines);
		if (got != best) {         /* measured otherwise (the grid): undo */
			free(*lines);
			*lines = NULL;
			memcpy(p->items, keep, kept * sizeof *keep);
			p->n = kept;
			got = 0;
		}
		free(keep);
	}
	free(at);
	free(glued);
	free(cost);
	free(from);
	return got;
}

/* A header cell's lines in width cw.  One line if it fits; else two split
 * at a bracket, the unit on a line of its own ("地区生产总值增长" /
 * "（%）", not "地区生产总值增" / "长（%）"); else the lines most even
 * (even_header_lines), so that no line is left with one character. */
static size_t
header_lines(cellbox *cb, double cw)
{
	rg_lb_para *p = &cb->para;
	size_t n = rg_lb_break(p, cw, 0, &cb->lines);
	if (n <= 1)
		return n;
	size_t u = bracket_split(p, cw);
	if (u > 0) {
		free(cb->lines);
		rg_lb_insert_break(p, u);
		return rg_lb_break(p, cw, 0, &cb->lines);
	}
	rg_lb_line *even = NULL;
	size_t ne = even_header_lines(p, cw, n, &even);
	if (ne > 0) {
		free(cb->lines);
		cb->lines = even;
		return ne;
	}
	/* never narrower than a word: that would cut one */
	double measure = rg_lb_even_width(p, cw, n);
	free(cb->lines);
	return rg_lb_break(p, measure, 0, &cb->lines);
}

static double fraction_width(const tstate *s, const cellbox *cb);

/* align: decimal -- a column of numbers needs its widest part before the
 * points and its widest part from them on, side by side: every width of
 * the column at least that (a number shifted to its point would
 * otherwise stand outside its cell). */
static void
aligned_widths(tstate *s)
{
	const rg_table *t = s->t;
	if (!t->decimal_align)
		return;
	for (size_t k = 0; k < t->ncols; k++) {
		double left = 0, right = 0;
		for (size_t r = t->nheader; r < t->nrows; r++)
			for (size_t i = 0; i < t->rows[r].ncells; i++) {
				const cellbox *cb = &s->rows[r][i];
				if (cb->col != k || !cb->cell->numeric || cb->cell->colspan != 1)
					continue;
				double f = fraction_width(s, cb), n = natural(&cb->para);
				if (f > right)
					right = f;
				if (n - f > left)
					left = n - f;
			}
		double need = left + right + 2 * s->padx;
		if (s->minw[k] < need)
			s->minw[k] = need;
		if (s->bodyw[k] < need)
			s->bodyw[k] = need;
		if (s->prefw[k] < need)
			s->prefw[k] = need;
	}
}

/* Minimum (widest unbreakable piece) and natural widths of single-column
 * cells, padding included. */
static void
measure(tstate *s)
{
	const rg_table *t = s->t;
	for (size_t k = 0; k < t->ncols; k++) {
		s->minw[k] = s->prefw[k] = s->bodyw[k] = s->headw[k] = 2 * s->padx;
		s->wraps[k] = 0;
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t i = 0; i < t->rows[r].ncells; i++) {
			cellbox *cb = &s->rows[r][i];
			if (cb->cell->colspan != 1 || cb->col >= t->ncols)
				continue;
			double line = 0, widest = 0;
			for (size_t k = 0; k < cb->para.n; k++) {
				const rg_lb_item *it = &cb->para.items[k];
				if (it->type == RG_LB_BREAK) {
					line = 0;
					continue;
				}
				line += it->width;
				if (line > widest)
					widest = line;
			}
			/* pieces between break opportunities; in a long text
			 * (a paragraph, without keep_words) a web address breaks
			 * after its slashes; a figure is one piece, so that
			 * 增长8.0% or 预计542（0.5） is never broken */
			double piece = rg_lb_widest_piece(&cb->para, 0);
			if (r >= t->nheader && !cb->cell->numeric && widest > LONG_EM * s->size)
				piece = rg_lb_widest_piece(&cb->para, 1);
			if (r >= t->nheader && cb->cell->numeric)
				piece = widest;
			if (piece + 2 * s->padx > s->minw[cb->col])
				s->minw[cb->col] = piece + 2 * s->padx;
			if (widest + 2 * s->padx > s->prefw[cb->col])
				s->prefw[cb->col] = widest + 2 * s->padx;
			/* text that wraps asks for LABEL_EM, and takes what the
			 * other columns leave (between(), below): it never
			 * shrinks the type of the whole table */
			double body = widest;
			if (r >= t->nheader && !cb->cell->numeric && body > LONG_EM * s->size) {
				body = LABEL_EM * s->size;
				s->wraps[cb->col] = 1;
			}
			if (r >= t->nheader && body + 2 * s->padx > s->bodyw[cb->col])
				s->bodyw[cb->col] = body + 2 * s->padx;
			if (r < t->nheader) {
				double name, unit, hw = widest;
				size_t u = unit_at(&cb->para);
				if (u > 0) {
					split_widths(&cb->para, u, &name, &unit);
					hw = name > unit ? name : unit;
				}
				if (hw + 2 * s->padx > s->headw[cb->col])
					s->headw[cb->col] = hw + 2 * s->padx;
				/* a header of up to four characters (项目, 数值, 属性,
				 * 年均增长) is one word: not stacked a character a line */
				if (widest <= SHORT_HEADER_EM * s->size + 0.01 &&
				    widest + 2 * s->padx > s->minw[cb->col])
					s->minw[cb->col] = widest + 2 * s->padx;
			}
		}
	aligned_widths(s);
	for (size_t k = 0; k < t->ncols; k++) {
		if (s->bodyw[k] < s->minw[k])
			s->bodyw[k] = s->minw[k];
		if (s->headw[k] < s->bodyw[k])
			s->headw[k] = s->bodyw[k];
		if (s->headw[k] > s->prefw[k])
			s->headw[k] = s->prefw[k];
	}
}

static double
sum(const double *v, size_t n)
{
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += v[i];
	return total;
}

/* Fill the available width from a lower and an upper width per column:
 * lo plus a share of what separates it from hi, in proportion. */
static int
between(tstate *s, const double *lo, const double *hi, double avail)
{
	size_t n = s->t->ncols;
	double slo = sum(lo, n), shi = sum(hi, n);
	if (slo > avail + 0.01)
		return 0;
	for (size_t k = 0; k < n; k++)
		s->w[k] = shi > slo ? lo[k] + (avail - slo) * (hi[k] - lo[k]) / (shi - slo)
		    : lo[k] + (avail - slo) / (double)n;
	return 1;
}

/* From lo towards hi, the columns that need least first: as many header
 * cells as possible get the width to break only before their units.
 * Needs sum(lo) <= avail < sum(hi). */
static int
least_first(tstate *s, const double *lo, const double *hi, double avail)
{
	size_t n = s->t->ncols;
	double extra = avail - sum(lo, n);
	if (extra < -0.01)
		return 0;
	unsigned char *done = rg_xcalloc(n, 1);
	for (size_t k = 0; k < n; k++)
		s->w[k] = lo[k];
	for (size_t round = 0; round < n; round++) {
		size_t best = n;
		for (size_t k = 0; k < n; k++)
			if (!done[k] && (best == n || hi[k] - lo[k] < hi[best] - lo[best]))
				best = k;
		done[best] = 1;
		double give = hi[best] - lo[best];
		if (give > extra)
			give = extra;
		s->w[best] += give;
		extra -= give;
	}
	free(done);
	return 1;
}

/* How many lines the tallest header cell takes with the column widths w
 * (as header_lines will break it, without changing it). */
static size_t
header_height(const tstate *s, const double *w)
{
	size_t most = 1;
	for (size_t r = 0; r < s->t->nheader && r < s->t->nrows; r++)
		for (size_t i = 0; i < s->t->rows[r].ncells; i++) {
			const cellbox *cb = &s->rows[r][i];
			if (cb->cell->covered || cb->cell->colspan != 1 || cb->col >= s->t->ncols)
				continue;
			double cw = w[cb->col] - 2 * s->padx;
			rg_lb_line *lines;
			size_t n = rg_lb_break(&cb->para, cw, 0, &lines);
			free(lines);
			if (n > 2 && bracket_split(&cb->para, cw) > 0)
				n = 2;
			if (n > most)
				most = n;
		}
	return most;
}

/* Natural widths plus a share of the rest when everything fits on one line;
 * else body cells unwrapped and headers wrapping, before their units if
 * that fits: as many as can (least_first) unless sharing the width out
 * (between) makes a lower header; else every column at least its widest
 * unbreakable piece. */
static void
distribute(tstate *s, double avail)
{
	size_t n = s->t->ncols;
	double spref = sum(s->prefw, n);
	if (spref <= avail) {
		for (size_t k = 0; k < n; k++)
			s->w[k] = s->prefw[k] + (avail - spref) * s->prefw[k] / spref;
		return;
	}
	if (between(s, s->headw, s->prefw, avail))
		return;
	if (least_first(s, s->bodyw, s->headw, avail)) {
		double *first = rg_xmalloc(n * sizeof *first);
		memcpy(first, s->w, n * sizeof *first);
		size_t h_first = header_height(s, first);
		between(s, s->bodyw, s->headw, avail);
		if (h_first <= header_height(s, s->w))
			memcpy(s->w, first, n * sizeof *first);
		free(first);
		return;
	}
	if (between(s, s->minw, s->bodyw, avail))
		return;
	for (size_t k = 0; k < n; k++)
		s->w[k] = avail * s->minw[k] / sum(s->minw, n);
}

static double
cell_width(const tstate *s, const cellbox *cb)
{
	double w = 0;
	for (int k = 0; k < cb->cell->colspan && cb->col + (size_t)k < s->t->ncols; k++)
		w += s->w[cb->col + (size_t)k];
	return w;
}

static rg_palign
palign(const tstate *s, size_t r, const cellbox *cb)
{
	const rg_table *t = s->t;
	const rg_cell *cell = cb->cell;
	if (r < t->nheader)
		return RG_PALIGN_CENTER;
	/* text that wraps, and the other text of its column */
	if (!cell->numeric && !t->rows[r].group && cell->colspan == 1 &&
	    cb->col < t->ncols && s->wraps[cb->col])
		return RG_ALIGN_JUSTIFY;
	switch (cell->align) {
	case RG_ALIGN_RIGHT: return RG_PALIGN_RIGHT;
	case RG_ALIGN_CENTER: return RG_PALIGN_CENTER;
	default: return RG_PALIGN_LEFT;
	}
}

static void
rule(rg_vitem *v, double x, double y, double w, double lw)
{
	rg_box *b = rg_vitem_box(v, RG_BOX_RULE);
	b->x = x;
	b->y = y;
	b->w = w;
	b->line_width = lw;
}

static double
cell_x(const tstate *s, const cellbox *cb, double x)
{
	for (size_t k = 0; k < cb->col && k < s->t->ncols; k++)
		x += s->w[k];
	return x;
}

/* The width of characters [from, len) of item it. */
static double
chars_width(const tstate *s, const rg_lb_item *it, size_t from)
{
	const rg_metrics *m = s->c->env.metrics;
	double w = 0;
	for (size_t off = from; off < it->len;) {
		size_t l;
		int32_t cp = rg_utf8_decode(it->text + off, it->len - off, &l);
		if (cp < 0 || l == 0)
			break;
		w += m->advance(m->ctx, it->face, cp) * it->size / 1000.0 + it->adjust;
		off += l;
	}
	return w;
}

/* The width of a number cell from the decimal point of its first number
 * on (of 300 in 300（8.4）, of 6.7 in 增长6.7%); when that number has none,
 * from after its last digit (10% ends its 10 where 10.5% has its point). */
static double
fraction_width(const tstate *s, const cellbox *cb)
{
	const rg_lb_para *p = &cb->para;
	size_t k = 0, at = 0;
	for (; k < p->n; k++) {
		const rg_lb_item *it = &p->items[k];
		if (it->type == RG_LB_GLUE || it->type == RG_LB_BREAK || it->text == NULL)
			continue;
		size_t i = 0;
		while (i < it->len && !(it->text[i] >= '0' && it->text[i] <= '9'))
			i++;
		if (i == it->len)
			continue;
		/* the number's digits and separators, then its point */
		while (i < it->len && ((it->text[i] >= '0' && it->text[i] <= '9') ||
		    it->text[i] == ','))
			i++;
		at = i;
		break;
	}
	if (k == p->n)
		return 0;
	double w = chars_width(s, &p->items[k], at);
	for (size_t j = k + 1; j < p->n; j++)
		if (p->items[j].type != RG_LB_BREAK)
			w += p->items[j].width;
	return w;
}

/* align: decimal -- for each column, the widest fraction of its numbers. */
static void
decimal_points(tstate *s)
{
	const rg_table *t = s->t;
	if (!t->decimal_align)
		return;
	s->point = rg_xcalloc(t->ncols, sizeof *s->point);
	for (size_t r = t->nheader; r < t->nrows; r++)
		for (size_t i = 0; i < t->rows[r].ncells; i++) {
			const cellbox *cb = &s->rows[r][i];
			if (!cb->cell->numeric || cb->cell->colspan != 1 || cb->col >= t->ncols)
				continue;
			double f = fraction_width(s, cb);
			if (f > s->point[cb->col])
				s->point[cb->col] = f;
		}
}

/* How far left of the column's right edge a number cell ends, so that its
 * point stands under the others'. */
static double
point_pad(const tstate *s, const cellbox *cb, size_t r)
{
	if (s->point == NULL || r < s->t->nheader || !cb->cell->numeric ||
	    cb->cell->colspan != 1 || cb->col >= s->t->ncols)
		return 0;
	return s->point[cb->col] - fraction_width(s, cb);
}

/* A cell's lines into v, centred vertically in [top, top + height). */
/* What the line records of cell cb say (the typesetting check). */
static void
cell_context(tstate *s, const cellbox *cb, size_t r, double x, double cw)
{
	s->c->cell.kind = r < s->t->nheader ? 2 : 1;
	s->c->cell.x0 = cell_x(s, cb, x) + s->padx;
	s->c->cell.x1 = s->c->cell.x0 + cw;
	s->c->cell.numeric = cb->cell->numeric;
	s->c->cell.lines = (int)cb->nlines;
}

/* The cell's rectangle, or part: one line of a row split over pages, for
 * tests (rg_layout_opts.cell_frames). */
static void
frame(tstate *s, const cellbox *cb, double x, rg_vitem *v, double top, double height,
    int part)
{
	if (!s->c->cell_frames)
		return;
	rg_box *b = rg_vitem_box(v, RG_BOX_FRAME);
	b->x = cell_x(s, cb, x);
	b->y = top;
	b->w = cell_width(s, cb);
	b->h = height;
	b->color = part ? 0xFF0080 : 0xFF00FF;
}

static void
draw_cell(tstate *s, cellbox *cb, size_t r, double x, rg_vitem *v, double top,
    double height)
{
	double cw = cell_width(s, cb) - 2 * s->padx;
	double y = top + (height - cb->nlines * s->pitch) / 2;
	double pad = point_pad(s, cb, r);
	frame(s, cb, x, v, top, height, 0);
	cell_context(s, cb, r, x, cw);
	for (size_t l = 0; l < cb->nlines; l++)
		rg_flow_line(s->c, &cb->para, &cb->lines[l], cell_x(s, cb, x) + s->padx,
		    cw - pad, palign(s, r, cb), v, y + l * s->pitch, s->pitch);
	s->c->cell.kind = 0;
	free(cb->lines);
	cb->lines = NULL;
}

/* Line l of a cell into v at top (a row split across pages: cells top-
 * aligned, one item per line). */
static void
draw_cell_line(tstate *s, cellbox *cb, size_t r, double x, rg_vitem *v, size_t l, double top)
{
	if (l >= cb->nlines)
		return;
	double cw = cell_width(s, cb) - 2 * s->padx;
	double pad = point_pad(s, cb, r);
	frame(s, cb, x, v, 0, v->height, 1);
	cell_context(s, cb, r, x, cw);
	rg_flow_line(s->c, &cb->para, &cb->lines[l], cell_x(s, cb, x) + s->padx, cw - pad,
	    palign(s, r, cb), v, top, s->pitch);
	s->c->cell.kind = 0;
}

/* A body row taller than a page (the text block under 续表 and the
 * repeated header) goes into the flow a line at a time, so that the page
 * can break inside it, with 续表 and the header repeated; at least two of
 * its lines stay on either side of a break. */
static void
split_row(tstate *s, size_t r, size_t maxlines, double x, double width, size_t header_from)
{
	const rg_table *t = s->t;
	const rg_row *row = &t->rows[r];
	for (size_t l = 0; l < maxlines; l++) {
		int first = l == 0, last = l + 1 == maxlines;
		double top = first ? s->pady : 0;
		rg_vitem *v = rg_flow_item(s->c, s->pitch + top + (last ? s->pady : 0));
		v->in_table = 1;
		v->repeat_from = header_from;
		v->repeat_to = header_from + t->nheader;
		/* no break after the first line, nor before the last */
		v->keep_next = first || l + 2 == maxlines;
		if (first && (r == 0 || row->total))
			rule(v, x, 0, width, r == 0 ? RULE_THICK : RULE_THIN);
		if (last && r + 1 == t->nrows)
			rule(v, x, v->height, width, RULE_THICK);
		for (size_t i = 0; i < row->ncells; i++) {
			cellbox *cb = &s->rows[r][i];
			if (!cb->cell->covered)
				draw_cell_line(s, cb, r, x, v, l, top);
		}
	}
	for (size_t i = 0; i < row->ncells; i++) {
		free(s->rows[r][i].lines);
		s->rows[r][i].lines = NULL;
	}
}

/* A caption or note line: centred Hei above, small Song below (in_table:
 * a note, which stays with the rows off the grid). */
static void
side_text(rg_flow *c, const char *text, double x, double width, int role, double size,
    rg_palign al, int keep, int in_table)
{
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, width, 0);
	rg_lb_style st = { role, size, 0, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_add_text(&p, text, &st, none);
	rg_lb_line *lines;
	size_t n = rg_lb_break(&p, width, 0, &lines);
	for (size_t i = 0; i < n; i++) {
		rg_vitem *v = rg_flow_item(c, size * 1.6);
		v->keep_next = keep;
		v->in_table = in_table;
		rg_flow_line(c, &p, &lines[i], x, width, al, v, 0, v->height);
	}
	free(lines);
	rg_lb_para_free(&p);
}

static int
is_numeral(int32_t cp)
{
	static const int32_t han[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
		0x4E03, 0x516B, 0x4E5D, 0x5341, 0 };   /* 〇一二三四五六七八九十 */
	if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == '-' ||
	    cp == '.' || cp == 0xFF0D)
		return 1;
	for (int i = 0; han[i]; i++)
		if (cp == han[i])
			return 1;
	return 0;
}

/* 续 in the document's words (续表 or 續表: its first character). */
static void
continued_char(const rg_flow *c, char out[8])
{
	const char *w = c->out->meta.continued != NULL ? c->out->meta.continued : "续表";
	size_t l;
	if (rg_utf8_decode(w, strlen(w), &l) <= 0 || l >= 8)
		l = 0;
	memcpy(out, w, l);
	out[l] = '\0';
}

/* The group row r as a continuation page shows it above its first row,
 * "经济发展（续）": a hidden item right after the row (flow.h). */
static void
continued_group(tstate *s, size_t r, double x)
{
	rg_flow *c = s->c;
	const rg_cell *cell = &s->t->rows[r].cells[0];
	cellbox cb = { .cell = cell, .col = 0 };
	rg_lb_para_init(&cb.para, &c->env, 0, 0);
	rg_flow_spans(c, &cb.para, cell->spans, cell->nspans, RG_FONT_HEI, s->size, 0);
	rg_lb_style st = { RG_FONT_HEI, s->size, 0, NULL };
	rg_pos none = { NULL, 0, 0 };
	char xu[8], mark[16];
	continued_char(c, xu);
	snprintf(mark, sizeof mark, "（%s）", xu);
	rg_lb_add_text(&cb.para, mark, &st, none);
	double cw = cell_width(s, &cb) - 2 * s->padx;
	cb.nlines = rg_lb_break(&cb.para, cw, 0, &cb.lines);
	rg_vitem *v = rg_flow_item(c, cb.nlines * s->pitch + 2 * s->pady);
	v->hidden = 1;
	v->keep_next = 1;
	v->in_table = 1;
	v->space_before = 0;
	draw_cell(s, &cb, r, x, v, 0, v->height);
	rg_lb_para_free(&cb.para);
}

/* Where a table may break between pages: never before its second row of
 * figures nor after its last but one (so at least two rows of figures go
 * on either side; a group row, 经济发展, counts as none of them), never
 * after a group row, never before its note; a table of up to six body rows
 * not at all.  row_last[r]: row r's last item + 1. */
static void
keep_rows(tstate *s, const size_t *row_last)
{
	const rg_table *t = s->t;
	rg_vitem *items = s->c->items;
	size_t nbody = t->nrows > t->nheader ? t->nrows - t->nheader : 0;
	/* the second row of figures from the top, and from the bottom */
	size_t second = t->nrows, last_but_one = t->nheader;
	for (size_t r = t->nheader, n = 0; r < t->nrows && second == t->nrows; r++)
		if (!t->rows[r].group && ++n == 2)
			second = r;
	for (size_t r = t->nrows, n = 0; r > t->nheader; r--)
		if (!t->rows[r - 1].group && ++n == 2) {
			last_but_one = r - 1;
			break;
		}
	for (size_t r = t->nheader; r < t->nrows; r++) {
		if (row_last[r] == 0)
			continue;
		size_t b = r - t->nheader;     /* body row number */
		int keep = nbody <= 6 || r < second || (r >= last_but_one && b + 1 < nbody) ||
		    t->rows[r].group || (b + 1 == nbody && t->note != NULL);
		if (b + 1 == nbody && t->note == NULL)
			keep = 0;
		if (keep)
			items[row_last[r] - 1].keep_next = 1;
	}
}

/* What a continuation page says above the table: 续表1 for a caption
 * 表1 …, 专栏2（续） for 专栏2 …; with the theme's table_continued_caption,
 * the whole caption and （续）.  NULL: 续表. */
static const char *
cont_label(rg_flow *c, const char *caption)
{
	if (caption == NULL)
		return NULL;
	char xu[8];
	continued_char(c, xu);
	rg_buf b = { 0 };
	if (c->th->table_continued_caption) {
		rg_buf_printf(&b, "%s（%s）", caption, xu);
	} else {
		static const char *const kinds[] = { "附表", "表", "专栏", "專欄", NULL };
		size_t len = 0;
		const char *kind = NULL;
		for (int i = 0; kinds[i] && kind == NULL; i++)
			if (strncmp(caption, kinds[i], strlen(kinds[i])) == 0)
				kind = kinds[i];
		if (kind == NULL)
			return NULL;
		/* the number: ASCII or full-width digits, Chinese numerals, and
		 * the - . － separators of 表1-2 */
		const char *p = caption + strlen(kind);
		for (;;) {
			size_t l;
			int32_t cp = rg_utf8_decode(p + len, strlen(p + len), &l);
			if (cp <= 0 || !is_numeral(cp))
				break;
			len += l;
		}
		if (len == 0)
			return NULL;
		/* 续表1: the document's word for 续表 (a theme's or template's 接上表
		 * gives 接上表1) without its 表, before the caption's kind */
		const char *w = c->out->meta.continued != NULL ? c->out->meta.continued : "续表";
		size_t wl = strlen(w);
		if (wl > strlen("表") && strcmp(w + wl - strlen("表"), "表") == 0)
			wl -= strlen("表");
		if (strcmp(kind, "专栏") == 0 || strcmp(kind, "專欄") == 0)
			rg_buf_printf(&b, "%s%.*s（%s）", kind, (int)len, p, xu);
		else
			rg_buf_printf(&b, "%.*s%s%.*s", (int)wl, w, kind, (int)len, p);
	}
	const char *r = rg_arena_strdup(c->out->arena, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return r;
}

/* A state for t with its per-column and per-cell arrays (free_state). */
static void
state_init(tstate *s, rg_flow *c, const rg_table *t)
{
	memset(s, 0, sizeof *s);
	s->c = c;
	s->t = t;
	s->minw = rg_xcalloc(t->ncols, sizeof *s->minw);
	s->prefw = rg_xcalloc(t->ncols, sizeof *s->prefw);
	s->bodyw = rg_xcalloc(t->ncols, sizeof *s->bodyw);
	s->headw = rg_xcalloc(t->ncols, sizeof *s->headw);
	s->w = rg_xcalloc(t->ncols, sizeof *s->w);
	s->wraps = rg_xcalloc(t->ncols, 1);
	s->rows = rg_xcalloc(t->nrows, sizeof *s->rows);
	for (size_t r = 0; r < t->nrows; r++)
		s->rows[r] = rg_xcalloc(t->rows[r].ncells ? t->rows[r].ncells : 1, sizeof **s->rows);
}

static void
free_state(tstate *s)
{
	for (size_t r = 0; r < s->t->nrows; r++) {
		for (size_t i = 0; i < s->t->rows[r].ncells; i++)
			rg_lb_para_free(&s->rows[r][i].para);
		free(s->rows[r]);
	}
	free(s->rows);
	free(s->minw);
	free(s->prefw);
	free(s->bodyw);
	free(s->headw);
	free(s->w);
	free(s->wraps);
	free(s->point);
}

/* The type size for width: the theme's, shrunk until body cells fit
 * unwrapped (bodyw), down to the theme's floor.  1 if then every column
 * gets its widest unbreakable piece (a number, a label, a word). */
static int
fit(tstate *s, double width)
{
	double floor_size = s->c->th->table_min_size;
	if (floor_size > s->c->th->table_size)
		floor_size = s->c->th->table_size;
	s->size = s->c->th->table_size;
	if (s->c->table_size_cap > 0 && s->c->table_size_cap < s->size)
		s->size = s->c->table_size_cap;
	for (;;) {
		s->padx = s->size * 0.5;
		build_cells(s, NULL);
		measure(s);
		double sbody = sum(s->bodyw, s->t->ncols);
		if (sbody <= width || s->size <= floor_size)
			break;
		double next = s->size * width / sbody;
		s->size = next < floor_size ? floor_size : floor(next * 4) / 4;
	}
	return sum(s->minw, s->t->ncols) <= width + 0.01;
}

/* The text of column k's header (its lowest header cell), cut short. */
static void
column_name(const tstate *s, size_t k, rg_buf *out)
{
	const rg_table *t = s->t;
	for (size_t r = t->nheader; r-- > 0;)
		for (size_t i = 0; i < t->rows[r].ncells; i++) {
			const cellbox *cb = &s->rows[r][i];
			if (cb->col > k || cb->col + (size_t)cb->cell->colspan <= k)
				continue;
			size_t start = out->len;
			for (size_t j = 0; j < cb->cell->nspans; j++)
				rg_buf_puts(out, cb->cell->spans[j].text);
			if (out->len > start + 60) {
				size_t n = start + 60;
				while (n > start && ((unsigned char)out->data[n] & 0xC0) == 0x80)
					n--;
				out->len = n;
				rg_buf_puts(out, "…");
			}
			if (out->len > start)
				return;
			out->len = start;
		}
	rg_buf_printf(out, "column %zu", k + 1);
}

/* The columns [from, to) of t, after its first column (the row labels),
 * as a table of their own: cells over other columns are left out, group
 * rows and header cells over several columns keep the part they cover. */
static rg_table *
columns_of(const rg_table *t, size_t from, size_t to, const char *caption, const char *note)
{
	rg_table *p = rg_xcalloc(1, sizeof *p);
	p->ncols = 1 + to - from;
	p->nheader = t->nheader;
	p->caption = caption;
	p->note = note;
	p->orientation = t->orientation;
	p->float_here = t->float_here;
	p->nrows = p->cap_rows = t->nrows;
	p->rows = rg_xcalloc(t->nrows ? t->nrows : 1, sizeof *p->rows);
	for (size_t r = 0; r < t->nrows; r++) {
		const rg_row *src = &t->rows[r];
		rg_row *dst = &p->rows[r];
		dst->group = src->group;
		dst->total = src->total;
		dst->cells = rg_xcalloc(src->ncells ? src->ncells : 1, sizeof *dst->cells);
		size_t col = 0;
		for (size_t i = 0; i < src->ncells; i++) {
			const rg_cell *cell = &src->cells[i];
			size_t c0 = col, c1 = col + (size_t)cell->colspan;
			col = c1;
			/* the overlap with column 0 and with [from, to) */
			size_t span = (c0 == 0 ? 1 : 0);
			size_t lo = c0 > from ? c0 : from, hi = c1 < to ? c1 : to;
			if (hi > lo)
				span += hi - lo;
			if (span == 0)
				continue;
			rg_cell *nc = &dst->cells[dst->ncells++];
			*nc = *cell;
			nc->colspan = (int)span;
		}
		dst->cap_cells = dst->ncells;
	}
	return p;
}

static void
columns_free(rg_table *p)
{
	for (size_t r = 0; r < p->nrows; r++)
		free(p->rows[r].cells);
	free(p->rows);
	free(p);
}

/* split: columns -- the table as several, each with the row labels and as
 * many of the other columns as fit width (their minimum widths at the
 * smallest size), not parting columns under one header cell, the later
 * ones under 续表N; all on landscape pages when
 * turn.  px, pwidth: the column the table was to be set in. */
static void
split_table(rg_flow *c, const rg_block *b, double px, double pwidth, double width, int turn)
{
	const rg_table *t = b->table;
	/* the minimum widths once more, at the floor size */
	tstate s;
	state_init(&s, c, t);
	fit(&s, 0);
	double *minw = rg_xmalloc(t->ncols * sizeof *minw);
	memcpy(minw, s.minw, t->ncols * sizeof *minw);
	free_state(&s);
	const char *cont = cont_label(c, t->caption);
	size_t from = 1, part = 0;
	/* one size for all the parts: the first is filled to the floor's widths */
	c->table_size_cap = c->th->table_min_size;
	/* clean[k]: no header cell spans columns k - 1 and k, so that a part
	 * may end before column k without cutting a group of columns (孟津区
	 * over its 数值 and 增长) in two */
	unsigned char *clean = rg_xmalloc(t->ncols + 1);
	memset(clean, 1, t->ncols + 1);
	for (size_t r = 0; r < t->nheader && r < t->nrows; r++) {
		size_t col = 0;
		for (size_t i = 0; i < t->rows[r].ncells; i++) {
			size_t span = (size_t)t->rows[r].cells[i].colspan;
			for (size_t k = col + 1; k < col + span && k < t->ncols; k++)
				clean[k] = 0;
			col += span;
		}
	}
	while (from < t->ncols) {
		double used = minw[0];
		size_t to = from;
		while (to < t->ncols && (to == from || used + minw[to] <= width + 0.01))
			used += minw[to++];
		size_t back = to;
		while (back > from + 1 && back < t->ncols && !clean[back])
			back--;
		if (back < t->ncols && clean[back] && back > from)
			to = back;
		rg_table *p = columns_of(t, from, to, part == 0 ? t->caption :
		    cont != NULL ? cont : t->caption, to == t->ncols ? t->note : NULL);
		p->orientation = turn ? RG_ORIENT_LANDSCAPE : RG_ORIENT_PORTRAIT;
		rg_block pb = *b;
		pb.table = p;
		rg_layout_table(c, &pb, px, pwidth);
		columns_free(p);
		from = to;
		part++;
	}
	c->table_size_cap = 0;
	free(clean);
	free(minw);
}

/* A table wider than the text block even at the smallest size and on a
 * landscape page: an error at its directive, naming its widest columns. */
static void
too_wide(const tstate *s, const rg_block *b, double width, int turned)
{
	const rg_table *t = s->t;
	size_t n = t->ncols, order[3] = { n, n, n };
	for (size_t k = 0; k < n; k++)
		for (size_t j = 0; j < 3; j++)
			if (order[j] == n || s->minw[k] > s->minw[order[j]]) {
				for (size_t m = 2; m > j; m--)
					order[m] = order[m - 1];
				order[j] = k;
				break;
			}
	rg_buf names = { 0 };
	for (size_t j = 0; j < 3 && order[j] < n; j++) {
		rg_buf_puts(&names, j ? ", '" : "'");
		column_name(s, order[j], &names);
		rg_buf_printf(&names, "' (%.0f mm)", s->minw[order[j]] / 72 * 25.4);
	}
	rg_msg(s->c->d, RG_M_TABLE_TOO_WIDE, b->pos,
	    "a table of %zu columns needs %.0f mm at %.1f pt, more than the "
	    "%.0f mm of the text block%s; widest columns: %s (fewer columns, split: columns, or "
	    "a smaller table_min_size in the theme)", n, sum(s->minw, n) / 72 * 25.4, s->size,
	    width / 72 * 25.4, turned ? " even on a landscape page" : "", rg_buf_cstr(&names));
	rg_buf_free(&names);
}

void
rg_layout_table(rg_flow *c, const rg_block *b, double x, double width)
{
	const rg_table *t = b->table;
	if (t == NULL || t->ncols == 0 || t->nrows == 0)
		return;
	tstate s;
	state_init(&s, c, t);
	s.size = c->th->table_size;

	/* the type size for the text block; else a landscape page; else,
	 * with split: columns, several tables; else an error that names the
	 * widest columns.  orientation: landscape asks for the landscape page
	 * at once, portrait forbids it. */
	const rg_theme *th = c->th;
	double lw = th->page_h - th->margin_left - th->margin_right;
	int may_turn = !c->landscape && lw > width && t->orientation != RG_ORIENT_PORTRAIT;
	if (may_turn && t->orientation == RG_ORIENT_LANDSCAPE) {
		c->landscape = 1;
		x = th->margin_left;
		width = lw;
	}
	if (!fit(&s, width)) {
		if (may_turn && !c->landscape && fit(&s, lw)) {
			c->landscape = 1;
			x = th->margin_left;
			width = lw;
		} else if (t->split_columns && t->ncols > 2) {
			double w = may_turn ? lw : width;
			if (may_turn)
				fit(&s, lw);
			free_state(&s);
			split_table(c, b, x, width, w, may_turn);
			return;
		} else {
			too_wide(&s, b, may_turn ? lw : width, may_turn || c->landscape);
			free_state(&s);
			return;
		}
	}
	/* a table of few narrow columns is not stretched over the text block:
	 * half again its natural width, at least 60% of the block, centred */
	double natural_w = sum(s.prefw, t->ncols);
	if (natural_w * 1.5 < width) {
		double w = natural_w * 1.5 > width * 0.6 ? natural_w * 1.5 : width * 0.6;
		x += (width - w) / 2;
		width = w;
	}
	distribute(&s, width);
	/* rebuild so that words wider than their column are split */
	double *inner = rg_xcalloc(t->ncols, sizeof *inner);
	for (size_t k = 0; k < t->ncols; k++)
		inner[k] = s.w[k] - 2 * s.padx;
	build_cells(&s, inner);
	free(inner);
	s.pitch = s.size * 1.5;
	s.pady = s.size * 0.3;
	decimal_points(&s);

	rg_flow_gap(c, c->th->para_gap);
	size_t first = c->nitems;
	if (t->caption != NULL)
		side_text(c, t->caption, x, width, RG_FONT_HEI, s.size + 0.5, RG_PALIGN_CENTER, 1, 0);
	const char *cont = cont_label(c, t->caption);
	size_t *row_last = rg_xcalloc(t->nrows, sizeof *row_last);   /* last item + 1 */
	size_t group = 0;        /* the hidden 续 item of the group row above, + 1 */
	/* on a grid (公文) the rows keep their own heights; the paginator puts
	 * what follows the table back on the grid */
	c->off_grid = 1;
	size_t header_from = c->nitems;
	double tall = (c->landscape ? c->th->page_w : c->th->page_h) - c->th->margin_top -
	    c->th->margin_bottom - c->th->small_size * 1.8;   /* 续表: layout.c, table_break */
	for (size_t r = 0; r < t->nrows; r++) {
		const rg_row *row = &t->rows[r];
		size_t maxlines = 1;
		for (size_t i = 0; i < row->ncells; i++) {
			cellbox *cb = &s.rows[r][i];
			if (cb->cell->covered)
				continue;
			double cw = cell_width(&s, cb) - 2 * s.padx;
			cb->nlines = r < t->nheader ? header_lines(cb, cw)
			    : rg_lb_break(&cb->para, cw, 0, &cb->lines);
			if (cb->cell->rowspan == 1 && cb->nlines > maxlines)
				maxlines = cb->nlines;
		}
		if (r == t->nheader)
			for (size_t k = 0; k < t->nheader; k++)
				tall -= c->items[header_from + k].height;
		size_t first_item = c->nitems;
		if (r >= t->nheader && maxlines > 2 &&
		    maxlines * s.pitch + 2 * s.pady > tall) {
			split_row(&s, r, maxlines, x, width, header_from);
			for (size_t k = first_item; k < c->nitems; k++) {
				c->items[k].cont_label = cont;
				c->items[k].cont_group = group;
			}
			row_last[r] = c->nitems;
			continue;
		}
		rg_vitem *v = rg_flow_item(c, maxlines * s.pitch + 2 * s.pady);
		v->in_table = 1;
		if (r < t->nheader) {
			v->keep_next = 1;
		} else {
			v->repeat_from = header_from;
			v->repeat_to = header_from + t->nheader;
			v->cont_label = cont;
			v->cont_centred = c->th->table_continued_caption && t->caption != NULL;
			v->group_row = row->group;
			v->cont_group = row->group ? 0 : group;
		}
		if (r == 0)
			rule(v, x, 0, width, RULE_THICK);
		if (r + 1 == t->nheader)
			rule(v, x, v->height, width, RULE_THIN);
		if (row->total)
			rule(v, x, 0, width, RULE_THIN);
		if (r + 1 == t->nrows)
			rule(v, x, v->height, width, RULE_THICK);
		for (size_t i = 0; i < row->ncells; i++) {
			cellbox *cb = &s.rows[r][i];
			if (cb->cell->covered || cb->cell->rowspan > 1)
				continue;     /* spanning cells are drawn below, once all rows are */
			draw_cell(&s, cb, r, x, v, 0, v->height);
			/* a header over several columns is underlined (short rule) */
			if (r + 1 < t->nheader && cb->cell->colspan > 1 && !row->group)
				rule(v, cell_x(&s, cb, x) + s.padx / 2, v->height,
				    cell_width(&s, cb) - s.padx, RULE_HAIR);
		}
		row_last[r] = c->nitems;
		if (r >= t->nheader && row->group && row->ncells > 0) {
			continued_group(&s, r, x);
			group = c->nitems;
		}
	}
	keep_rows(&s, row_last);
	free(row_last);
	/* cells over several header rows, centred over all of them */
	for (size_t r = 0; r < t->nheader && r < t->nrows; r++)
		for (size_t i = 0; i < t->rows[r].ncells; i++) {
			cellbox *cb = &s.rows[r][i];
			if (cb->cell->covered || cb->cell->rowspan <= 1)
				continue;
			double h = 0;
			for (size_t k = r; k < r + (size_t)cb->cell->rowspan && k < t->nheader; k++)
				h += c->items[header_from + k].height;
			draw_cell(&s, cb, r, x, &c->items[header_from + r], 0, h);
		}
	if (t->note != NULL) {
		/* the note stays with the last rows (keep_rows), its lines
		 * together; a note of more than NOTE_WHOLE lines only keeps two
		 * lines on either side of a page break, so that a long one
		 * does not push the table to the next page as a block taller
		 * than a page would be */
		rg_flow_gap(c, s.size * 0.3);
		size_t from = c->nitems;
		side_text(c, t->note, x, width, RG_FONT_SONG, s.size - 1, RG_PALIGN_LEFT, 1, 1);
		size_t n = c->nitems - from;
		if (n > NOTE_WHOLE)
			for (size_t k = 1; k + 2 < n; k++)
				c->items[from + k].keep_next = 0;
		c->items[c->nitems - 1].keep_next = 0;
	}
	c->off_grid = 0;
	/* a landscape table may float past the text after it (paginate) */
	if (first < c->nitems)
		c->items[first].table_start = 1;
	for (size_t k = first; k < c->nitems; k++)
		c->items[k].floats = c->landscape && !t->float_here;
	c->landscape = 0;
	rg_flow_gap(c, c->th->para_gap * 2);
	free_state(&s);
}
