/* gongwen.c -- see gongwen.h.  Clauses are those of GB/T 9704-2012. */
#include "gongwen.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/utf8.h"

#define MM (72.0 / 25.4)
#define RED 0xE60000u            /* 发文机关标志 and 分隔线 */
#define MARK_TOP (35 * MM)       /* 7.2.4: below the top of the text block */
#define MARK_MAX 60.0            /* pt: the mark's largest size */
#define MARK_ASCENT 0.855        /* the top of the ink of a Han character, em */
#define RULE_GAP (4 * MM)        /* 7.2.7: the red rule below 发文字号 */
#define RED_RULE (0.75 * MM)
#define THICK (0.35 * MM)        /* 7.4.1: first and last rules of the 版记 */
#define THIN (0.25 * MM)
#define FOOT_SIZE 14.0           /* 4号 */
#define LETTER_TOP (30 * MM)     /* 10.1: the mark below the top edge of the page */
#define LETTER_MARK_MAX 36.0     /* pt: a letter's mark is smaller */
#define LETTER_RULE (170 * MM)   /* 10.1: the double lines' length */
#define LETTER_FOOT (20 * MM)    /* 10.1: the lower double line above the bottom edge */
#define DOUBLE_THICK (0.75 * MM) /* the double lines (the standard gives no widths) */
#define DOUBLE_THIN (0.25 * MM)
#define DOUBLE_GAP (0.5 * MM)
#define MARK_DESCENT 0.09        /* the foot of the ink of the mark's characters, em */
#define BODY_INK 0.775           /* the top of the ink of 仿宋 (FandolFang), em */
#define JOINT_GAP 0.5            /* em between the joint names and 文件 */
#define JOINT_LEAD 1.2           /* em from one joint name to the next */
#define SEAL_GAP (2 * MM)        /* 7.3.5.1: seals neither touch nor cross */
#define SEAL (42 * MM)           /* 7.3.5.1: the diameter of a seal */
#define LINES_MAX 5              /* a title of more lines is broken greedily */

/* A character: a cell of the grid, or an em of the body. */
static double
cell(const rg_theme *th)
{
	return th->grid && th->char_pitch > 0 ? th->char_pitch : th->body_size;
}

static double
pitch(const rg_theme *th)
{
	return th->grid && th->line_pitch > 0 ? th->line_pitch : th->body_size * 1.8;
}

static void
rule(rg_box **boxes, size_t *n, size_t *cap, double x, double y, double w, double lw,
    unsigned color)
{
	rg_box *r = RG_PUSH(*boxes, *n, *cap);
	memset(r, 0, sizeof *r);
	r->kind = RG_BOX_RULE;
	r->x = x;
	r->y = y;
	r->w = w;
	r->line_width = lw;
	r->color = color;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && memcmp(s + n - t, tail, t) == 0;
}

/* Text in an item, as rg_flow_text draws it. */
static double
text(rg_flow *c, rg_vitem *v, const char *s, int role, double size, double x, double y,
    rg_palign al, unsigned color)
{
	return rg_flow_text(c, &v->boxes, &v->nboxes, &v->cap, s, role, size, x, y, al, color);
}

/* ---- 版头 (7.2) -------------------------------------------------------- */

/* A red double line of the 信函格式, 170 mm long, centred on the text block
 * (as the mark is), from
 * y down: the thick line above (top 1) or below (top 0) the thin one.
 * Returns its foot. */
static double
double_line(rg_vitem *v, const rg_theme *th, double y, int thick_first)
{
	double x = th->margin_left + (th->page_w - th->margin_left - th->margin_right -
	    LETTER_RULE) / 2;
	double a = thick_first ? DOUBLE_THICK : DOUBLE_THIN;
	double b = thick_first ? DOUBLE_THIN : DOUBLE_THICK;
	rule(&v->boxes, &v->nboxes, &v->cap, x, y + a / 2, LETTER_RULE, a, RED);
	rule(&v->boxes, &v->nboxes, &v->cap, x, y + a + DOUBLE_GAP + b / 2, LETTER_RULE, b,
	    RED);
	return y + a + DOUBLE_GAP + b;
}

/* 10.1 信函格式: the mark's top 30 mm below the top edge of the page, the
 * red double line 4 mm below it and another 20 mm above the bottom edge;
 * 份号, 密级, 紧急程度 at the left and the 发文字号 at the right below the
 * first line, 7/8 of a character's height under it; the title two lines
 * below the last of them.  Item coordinates: 0 is the top of the text
 * block, which the mark stands above. */
static void
letter_head(rg_flow *c, const rg_gongwen *g, double x, double w)
{
	const rg_theme *th = c->th;
	double P = pitch(th), s = th->body_size, top = th->margin_top;
	rg_vitem *v = rg_flow_item(c, P);
	v->keep_next = 1;
	double y = LETTER_TOP - top;
	if (g->issuer_mark) {
		double unit = rg_flow_measure(c, g->issuer_mark, RG_FONT_BIAOSONG, 1);
		double ms = unit > 0 ? fmin(LETTER_MARK_MAX, 0.95 * w / unit) : LETTER_MARK_MAX;
		text(c, v, g->issuer_mark, RG_FONT_BIAOSONG, ms, x + w / 2, y + MARK_ASCENT * ms,
		    RG_PALIGN_CENTER, RED);
		y += (MARK_ASCENT + MARK_DESCENT) * ms;
	}
	y = double_line(v, th, y + RULE_GAP, 1);
	double_line(v, th, th->page_h - LETTER_FOOT - DOUBLE_THICK - DOUBLE_GAP - DOUBLE_THIN -
	    top, 0);
	/* the elements one a line, the first 7/8 of a character below the
	 * line; the title on the grid two blank lines below the last */
	double base = y + 7.0 / 8.0 * s + BODY_INK * s, last = -1;
	int k = 0;
	if (g->copy_number)
		text(c, v, g->copy_number, th->body_role, s, x, (last = base + k++ * P),
		    RG_PALIGN_LEFT, 0);
	if (g->secrecy)
		text(c, v, g->secrecy, RG_FONT_HEI, s, x, (last = base + k++ * P),
		    RG_PALIGN_LEFT, 0);
	if (g->urgency)
		text(c, v, g->urgency, RG_FONT_HEI, s, x, (last = base + k++ * P),
		    RG_PALIGN_LEFT, 0);
	if (g->doc_number) {
		text(c, v, g->doc_number, th->body_role, s, x + w, base, RG_PALIGN_RIGHT, 0);
		last = fmax(last, base);
	}
	double lines = last < 0 ? ceil(y / P - 1e-6) + 2 : floor(last / P) + 3;
	v->height = lines * P;
}

/* 联合行文 (7.2.4): the issuers' names one under another, the 主办机关
 * first, each spread to the longest; when every one is written as
 * "…文件", one 文件 to their right, centred on them.  Returns the line of
 * the 发文字号 (two blank lines below), in points from the item's top. */
static double
joint_mark(rg_flow *c, rg_vitem *v, const rg_gongwen *g, double x, double w)
{
	const rg_theme *th = c->th;
	const char *suffix = "文件";
	size_t n = g->nissuer_marks, sl = strlen(suffix);
	int all = 1;
	for (size_t i = 0; i < n; i++)
		all &= strlen(g->issuer_marks[i]) > sl && ends_with(g->issuer_marks[i], suffix);
	double wmax = 0;
	for (size_t i = 0; i < n; i++) {
		rg_buf b = { 0 };
		rg_buf_put(&b, g->issuer_marks[i], strlen(g->issuer_marks[i]) - (all ? sl : 0));
		wmax = fmax(wmax, rg_flow_measure(c, rg_buf_cstr(&b), RG_FONT_BIAOSONG, 1));
		rg_buf_free(&b);
	}
	double ws = all ? rg_flow_measure(c, suffix, RG_FONT_BIAOSONG, 1) + JOINT_GAP : 0;
	double ms = wmax + ws > 0 ? fmin(MARK_MAX, 0.95 * w / (wmax + ws)) : MARK_MAX;
	double left = x + w / 2 - (wmax + ws) * ms / 2, lead = JOINT_LEAD * ms;
	for (size_t i = 0; i < n; i++) {
		const char *t = g->issuer_marks[i];
		size_t len = strlen(t) - (all ? sl : 0), nch = 0;
		double tw = 0;
		for (size_t off = 0, l; off < len; off += l, nch++) {
			char ch[8] = "";
			rg_utf8_decode(t + off, len - off, &l);
			memcpy(ch, t + off, l < 7 ? l : 7);
			tw += rg_flow_measure(c, ch, RG_FONT_BIAOSONG, ms);
		}
		double gap = nch > 1 ? (wmax * ms - tw) / (double)(nch - 1) : 0, cx = left;
		double base = MARK_TOP + MARK_ASCENT * ms + (double)i * lead;
		for (size_t off = 0, l; off < len; off += l) {
			char ch[8] = "";
			rg_utf8_decode(t + off, len - off, &l);
			memcpy(ch, t + off, l < 7 ? l : 7);
			cx += text(c, v, ch, RG_FONT_BIAOSONG, ms, cx, base, RG_PALIGN_LEFT, RED) + gap;
		}
	}
	/* 文件 centred on the names' ink, from the first's top to the last's foot */
	double top = MARK_TOP, foot = MARK_TOP + (double)(n - 1) * lead +
	    (MARK_ASCENT + MARK_DESCENT) * ms;
	if (all)
		text(c, v, suffix, RG_FONT_BIAOSONG, ms, left + (wmax + JOINT_GAP) * ms,
		    (top + foot) / 2 + (MARK_ASCENT - (MARK_ASCENT + MARK_DESCENT) / 2) * ms,
		    RG_PALIGN_LEFT, RED);
	double P = pitch(th);
	return (ceil(foot / P - 1e-6) + 2) * P;
}

void
rg_gongwen_head(rg_flow *c, const rg_gongwen *g, double x, double w)
{
	if (g != NULL && g->letter) {
		letter_head(c, g, x, w);
		return;
	}
	if (g == NULL || !(g->copy_number || g->secrecy || g->urgency || g->issuer_mark ||
	    g->doc_number))
		return;
	const rg_theme *th = c->th;
	double P = pitch(th), s = th->body_size, base = rg_flow_baseline(P, s);
	rg_vitem *v = rg_flow_item(c, P);
	v->keep_next = 1;
	/* 7.2.1-7.2.3: 份号, 密级和保密期限, 紧急程度 top left, one a line */
	int k = 0;
	if (g->copy_number)
		text(c, v, g->copy_number, th->body_role, s, x, k++ * P + base, RG_PALIGN_LEFT, 0);
	if (g->secrecy)
		text(c, v, g->secrecy, RG_FONT_HEI, s, x, k++ * P + base, RG_PALIGN_LEFT, 0);
	if (g->urgency)
		text(c, v, g->urgency, RG_FONT_HEI, s, x, k++ * P + base, RG_PALIGN_LEFT, 0);
	double bottom = k * P;
	/* 7.2.4: the 发文机关标志, red, centred, its top 35 mm down */
	if (g->nissuer_marks > 1) {
		bottom = joint_mark(c, v, g, x, w);
	} else if (g->issuer_mark) {
		double unit = rg_flow_measure(c, g->issuer_mark, RG_FONT_BIAOSONG, 1);
		double ms = unit > 0 ? fmin(MARK_MAX, 0.95 * w / unit) : MARK_MAX;
		text(c, v, g->issuer_mark, RG_FONT_BIAOSONG, ms, x + w / 2, MARK_TOP + MARK_ASCENT * ms,
		    RG_PALIGN_CENTER, RED);
		/* 7.2.5: the 发文字号 two lines below it */
		bottom = (ceil((MARK_TOP + ms) / P - 1e-6) + 2) * P;
	}
	if (g->doc_number) {
		/* 7.2.6: 签发人 right, one character in, two names a line, the
		 * 发文字号 left on the line of the last */
		size_t rows = (g->nsigners + 1) / 2;
		int line = (int)(bottom / P + 0.5) + (rows > 0 ? (int)rows - 1 : 0);
		if (rows > 0) {
			const char *label = "签发人：";
			double lw = rg_flow_measure(c, label, th->body_role, s), row_w = 0;
			rg_buf names[64];
			size_t nrows = rows < 64 ? rows : 64;
			for (size_t r = 0; r < nrows; r++) {
				memset(&names[r], 0, sizeof names[r]);
				rg_buf_puts(&names[r], g->signers[2 * r]);
				if (2 * r + 1 < g->nsigners)
					rg_buf_printf(&names[r], "　%s", g->signers[2 * r + 1]);
				row_w = fmax(row_w, rg_flow_measure(c, rg_buf_cstr(&names[r]),
				    RG_FONT_KAI, s));
			}
			double left = x + w - cell(th) - lw - row_w;
			int first = line - (int)nrows + 1;
			text(c, v, label, th->body_role, s, left, first * P + base, RG_PALIGN_LEFT, 0);
			for (size_t r = 0; r < nrows; r++) {
				text(c, v, rg_buf_cstr(&names[r]), RG_FONT_KAI, s, left + lw,
				    (first + (int)r) * P + base, RG_PALIGN_LEFT, 0);
				rg_buf_free(&names[r]);
			}
			text(c, v, g->doc_number, th->body_role, s, x + cell(th), line * P + base,
			    RG_PALIGN_LEFT, 0);
		} else {
			text(c, v, g->doc_number, th->body_role, s, x + w / 2, line * P + base,
			    RG_PALIGN_CENTER, 0);
		}
		/* the red rule 4 mm below the 发文字号, as wide as the text block */
		double ry = line * P + base + 0.12 * s + RULE_GAP + RED_RULE / 2;
		rule(&v->boxes, &v->nboxes, &v->cap, x, ry, w, RED_RULE, RED);
		/* 7.3.1: the title two lines below the rule */
		bottom = (ceil((ry + RED_RULE / 2) / P - 1e-6) + 2) * P;
	}
	v->height = bottom > P ? bottom : P;
}

/* ---- 标题 (7.3.1) ------------------------------------------------------ */

/* Width of items [a, b) without glue at either end. */
static double
span_width(const rg_lb_para *p, size_t a, size_t b)
{
	while (a < b && p->items[a].type == RG_LB_GLUE)
		a++;
	while (b > a && p->items[b - 1].type == RG_LB_GLUE)
		b--;
	double x = 0;
	for (size_t k = a; k < b; k++)
		x += p->items[k].width;
	return x;
}

typedef struct shape {
	const rg_lb_para *p;
	const size_t *cand; size_t ncand;   /* the breaks allowed */
	double width;
	size_t nlines;
	size_t cut[LINES_MAX + 1], best[LINES_MAX + 1];
	double best_cost;
	int found;
} shape;

/* Lines that grow or shrink steadily (梯形), or grow then shrink (菱形):
 * never shrink then grow (an hourglass). */
static int
shape_ok(const double *wd, size_t n)
{
	size_t i = 1;
	while (i < n && wd[i] >= wd[i - 1] - 1e-6)
		i++;
	while (i < n && wd[i] <= wd[i - 1] + 1e-6)
		i++;
	return i == n;
}

static void
try_cuts(shape *sh, size_t line, size_t from)
{
	const rg_lb_para *p = sh->p;
	if (line + 1 == sh->nlines) {
		sh->cut[line + 1] = p->n;
		double wd[LINES_MAX], mean = 0, cost = 0;
		for (size_t i = 0; i < sh->nlines; i++) {
			wd[i] = span_width(p, sh->cut[i], sh->cut[i + 1]);
			if (wd[i] > sh->width + 1e-6 || wd[i] <= 0)
				return;
			/* never one character alone on a line of a title */
			int glyphs = 0;
			for (size_t k = sh->cut[i]; k < sh->cut[i + 1]; k++)
				if (p->items[k].type != RG_LB_GLUE)
					glyphs += p->items[k].nglyphs;
			if (sh->nlines > 1 && glyphs < 2)
				return;
			mean += wd[i] / (double)sh->nlines;
		}
		if (!shape_ok(wd, sh->nlines))
			return;
		for (size_t i = 0; i < sh->nlines; i++)
			cost += (wd[i] - mean) * (wd[i] - mean);
		if (!sh->found || cost < sh->best_cost - 1e-9) {
			sh->found = 1;
			sh->best_cost = cost;
			memcpy(sh->best, sh->cut, sizeof sh->best);
		}
		return;
	}
	for (size_t i = from; i < sh->ncand; i++) {
		size_t k = sh->cand[i];
		if (span_width(p, sh->cut[line], k) > sh->width + 1e-6)
			break;
		sh->cut[line + 1] = k;
		try_cuts(sh, line + 1, i + 1);
	}
}

static void
title_line(rg_flow *c, const rg_lb_para *p, size_t a, size_t b, double x, double w,
    double P)
{
	rg_lb_line ln;
	while (a < b && p->items[a].type == RG_LB_GLUE)
		a++;
	while (b > a && p->items[b - 1].type == RG_LB_GLUE)
		b--;
	ln.start = a;
	ln.end = b;
	ln.natural = span_width(p, a, b);
	ln.stretch_points = 0;
	ln.justify = 0;
	rg_vitem *v = rg_flow_item(c, P);
	v->keep_next = 1;
	rg_flow_line(c, p, &ln, x, w, RG_PALIGN_CENTER, v, 0, v->height);
}

/* The title's lines, as cuts into p: the fewest lines that take a shape,
 * the most even of those; else (a title that breaks itself, or one too long
 * for a shape) line by line.  Returns the number of lines; *wide: one of
 * them is wider than w (a word longer than the line). */
static size_t
title_cuts(const rg_lb_para *p, double w, size_t **cuts, int *wide)
{
	int forced = 0;
	for (size_t k = 0; k < p->n; k++)
		forced |= p->items[k].type == RG_LB_BREAK;
	shape sh;
	memset(&sh, 0, sizeof sh);
	sh.p = p;
	sh.width = w;
	size_t *cand = rg_xmalloc((p->n + 1) * sizeof *cand);
	for (size_t k = 1; k < p->n; k++)
		if (rg_lb_break_allowed(p, k))
			cand[sh.ncand++] = k;
	sh.cand = cand;
	for (sh.nlines = 1; !forced && !sh.found && sh.nlines <= LINES_MAX &&
	    sh.ncand < 200; sh.nlines++) {
		sh.cut[0] = 0;
		try_cuts(&sh, 0, 0);
		if (sh.found)
			break;
	}
	free(cand);
	size_t n;
	*wide = 0;
	if (sh.found) {
		n = sh.nlines;
		*cuts = rg_xmalloc((2 * n) * sizeof **cuts);
		for (size_t i = 0; i < n; i++) {
			(*cuts)[2 * i] = sh.best[i];
			(*cuts)[2 * i + 1] = sh.best[i + 1];
		}
		return n;
	}
	rg_lb_line *lines;
	n = rg_lb_break(p, w, 0, &lines);
	*cuts = rg_xmalloc((2 * n + 1) * sizeof **cuts);
	for (size_t i = 0; i < n; i++) {
		(*cuts)[2 * i] = lines[i].start;
		(*cuts)[2 * i + 1] = lines[i].end;
		if (span_width(p, lines[i].start, lines[i].end) > w + 1e-6)
			*wide = 1;
	}
	free(lines);
	/* one character alone on the last line: the line before gives it its
	 * last character, where a break is allowed there */
	if (n >= 2) {
		size_t a = (*cuts)[2 * (n - 1)], z = (*cuts)[2 * (n - 1) + 1];
		size_t pa = (*cuts)[2 * (n - 2)], pz = (*cuts)[2 * (n - 2) + 1];
		int glyphs = 0;
		for (size_t k = a; k < z; k++)
			if (p->items[k].type != RG_LB_GLUE)
				glyphs += p->items[k].nglyphs;
		size_t k = pz;
		while (k > pa && p->items[k - 1].type == RG_LB_GLUE)
			k--;
		if (glyphs == 1 && k > pa + 2 && p->items[k - 1].type == RG_LB_WIDE &&
		    p->items[k - 1].nglyphs == 1 && rg_lb_break_allowed(p, k - 1) &&
		    span_width(p, k - 1, z) <= w + 1e-6) {
			(*cuts)[2 * (n - 2) + 1] = k - 1;
			(*cuts)[2 * (n - 1)] = k - 1;
		}
	}
	return n;
}

/* 7.3.1: a title is 发文机关名称 + 关于 + 事由 + 文种, and its lines keep
 * 词意完整: the name before the first 关于 is not broken (孟津区人民政府 /
 * 办公室关于…: the dictionary has a boundary before 办公室) when it fits a
 * line; 关于 may still begin a line. */
static void
keep_issuer(rg_lb_para *p, double w)
{
	size_t q = 0;
	for (size_t k = 0; k + 1 < p->n && q == 0; k++) {
		const rg_lb_item *a = &p->items[k];
		if (a->type == RG_LB_BREAK)
			return;          /* the title breaks itself */
		if (a->len >= 3 && memcmp(a->text, "关", 3) == 0 && ((a->len >= 6 &&
		    memcmp(a->text + 3, "于", 3) == 0) || (p->items[k + 1].len >= 3 &&
		    memcmp(p->items[k + 1].text, "于", 3) == 0)))
			q = k;
	}
	if (q < 2 || span_width(p, 0, q) > w + 1e-6)
		return;
	for (size_t k = 1; k < q; k++)
		p->items[k].keep_before = 1;
}

void
rg_gongwen_title(rg_flow *c, const rg_block *b, double x, double w)
{
	const rg_theme *th = c->th;
	int sub = b->kind == RG_BLOCK_SUBTITLE;
	double size = sub ? th->subtitle_size : th->title_size;
	double P = th->grid ? th->line_pitch : size * (sub ? 1.6 : 1.5);
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, w, 0);
	rg_flow_spans(c, &p, b->spans, b->nspans, sub ? th->subtitle_role : th->title_role,
	    size, 0);
	rg_lb_keep_words(&p);
	if (!sub)
		keep_issuer(&p, w);
	size_t *cuts;
	int wide;
	size_t n = title_cuts(&p, w, &cuts, &wide);
	/* a word longer than the line (a narrow text block): broken at every
	 * boundary of the dictionary, then between characters, rather than
	 * past the margin */
	for (int pass = 1; wide && pass < 3; pass++) {
		free(cuts);
		if (pass == 1)
			rg_lb_keep_words_loose(&p);
		else
			for (size_t k = 0; k < p.n; k++)
				p.items[k].keep_before = 0;
		n = title_cuts(&p, w, &cuts, &wide);
	}
	for (size_t i = 0; i < n; i++) {
		title_line(c, &p, cuts[2 * i], cuts[2 * i + 1], x, w, P);
		c->items[c->nitems - 1].keep_rank = i + 1 < n ? RG_KEEP_INSIDE : RG_KEEP_TITLE;
	}
	free(cuts);
	rg_lb_para_free(&p);
}

/* ---- 主送机关 (7.3.2), 附件说明 (7.3.4) -------------------------------- */

/* s broken between words into lines of width w, each line an item; label, if any, drawn before the first line at lx. */
static void
lines_of(rg_flow *c, const char *s, double x, double w, const char *label, double lx)
{
	const rg_theme *th = c->th;
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, w, 0);
	rg_lb_style st = { th->body_role, th->body_size, 0, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_add_text(&p, s, &st, none);
	rg_lb_keep_words(&p);    /* names of offices stay whole */
	rg_lb_line *lines;
	size_t n = rg_lb_break(&p, w, 0, &lines);
	for (size_t i = 0; i < n; i++) {
		rg_vitem *v = rg_flow_item(c, th->line_pitch);
		v->keep_next = i + 1 < n;
		if (i == 0 && label != NULL)
			text(c, v, label, th->body_role, th->body_size, lx,
			    rg_flow_baseline(v->height, th->body_size), RG_PALIGN_LEFT, 0);
		rg_flow_line(c, &p, &lines[i], x, w, RG_ALIGN_JUSTIFY, v, 0, v->height);
	}
	free(lines);
	rg_lb_para_free(&p);
}

void
rg_gongwen_recipients(rg_flow *c, const rg_gongwen *g, double x, double w)
{
	if (g == NULL || g->recipients == NULL)
		return;
	size_t first = c->nitems;
	lines_of(c, g->recipients, x, w, NULL, 0);
	/* the 主送机关 stays with the first line of the body: where a chain
	 * must break, never after it (as after a heading) */
	for (size_t k = first; k < c->nitems; k++) {
		c->items[k].keep_next = 1;
		c->items[k].keep_rank = RG_KEEP_HEADING;
	}
}

void
rg_gongwen_attachments(rg_flow *c, const rg_gongwen *g, double x, double w)
{
	if (g == NULL || g->nattachments == 0)
		return;
	const rg_theme *th = c->th;
	double s = th->body_size;
	const char *label = "附件：";
	double lx = x + 2 * cell(th), lw = rg_flow_measure(c, label, th->body_role, s);
	/* one blank line below the body; 附件：1.名称, the names aligned */
	rg_flow_gap(c, th->line_pitch);
	/* the names start after the widest number (10. is wider than 1.) */
	double nx = 0;
	for (size_t i = 0; g->nattachments > 1 && i < g->nattachments; i++) {
		char num[24];
		snprintf(num, sizeof num, "%zu.", i + 1);
		nx = fmax(nx, rg_flow_measure(c, num, th->body_role, s));
	}
	for (size_t i = 0; i < g->nattachments; i++) {
		char num[24] = "";
		if (g->nattachments > 1)
			snprintf(num, sizeof num, "%zu.", i + 1);
		size_t first = c->nitems;
		lines_of(c, g->attachments[i], lx + lw + nx, x + w - lx - lw - nx,
		    i == 0 ? label : NULL, lx);
		rg_vitem *v = &c->items[first];
		if (num[0] != '\0')
			text(c, v, num, th->body_role, s, lx + lw,
			    rg_flow_baseline(v->height, s), RG_PALIGN_LEFT, 0);
		c->items[c->nitems - 1].keep_next = 1;
	}
}

/* ---- 发文机关署名, 成文日期, 印章 (7.3.5), 附注 (7.3.6) ------------------ */

void
rg_gongwen_note(rg_flow *c, const rg_gongwen *g, double x, double w)
{
	if (g == NULL || g->note == NULL)
		return;
	const rg_theme *th = c->th;
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, w, 0);
	rg_lb_style st = { th->body_role, th->body_size, 0, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_add_text(&p, g->note, &st, none);
	double indent = 2 * cell(th);
	rg_lb_line *lines;
	size_t n = rg_lb_break(&p, w, indent, &lines);
	for (size_t i = 0; i < n; i++) {
		rg_vitem *v = rg_flow_item(c, th->line_pitch);
		v->keep_next = i + 1 < n;
		double in = i == 0 ? indent : 0;
		rg_flow_line(c, &p, &lines[i], x + in, w - in, RG_ALIGN_JUSTIFY, v, 0, v->height);
	}
	free(lines);
	rg_lb_para_free(&p);
}

/* Name t, of the given size, as lines no wider than room, broken between words (inside a word
 * only when the word alone is wider), appended to names; NULL: an empty
 * line. */
static void
name_lines(rg_flow *c, const char *t, double size, double room, const char ***names,
    size_t *n, size_t *cap)
{
	const rg_theme *th = c->th;
	if (t == NULL || *t == '\0' || rg_flow_measure(c, t, th->body_role, size) <= room) {
		*RG_PUSH(*names, *n, *cap) = t;
		return;
	}
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, room, 0);
	rg_lb_style st = { th->body_role, size, 0, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_add_text(&p, t, &st, none);
	rg_lb_keep_words(&p);
	/* between words; where a word is wider than the room, at every
	 * boundary of the dictionary (孟津|区); then between characters */
	rg_lb_line *lines = NULL;
	size_t nl = 0;
	for (int pass = 0; pass < 3; pass++) {
		if (pass == 1)
			rg_lb_keep_words_loose(&p);
		else if (pass == 2)
			for (size_t k = 0; k < p.n; k++)
				p.items[k].keep_before = 0;
		free(lines);
		nl = rg_lb_break(&p, room, 0, &lines);
		int wide = 0;
		for (size_t i = 0; i < nl; i++)
			wide |= lines[i].natural > room + 1e-6;
		if (!wide)
			break;
	}
	for (size_t i = 0; i < nl; i++) {
		if (lines[i].end <= lines[i].start)
			continue;
		const rg_lb_item *a = &p.items[lines[i].start], *z = &p.items[lines[i].end - 1];
		*RG_PUSH(*names, *n, *cap) = rg_arena_strndup(c->out->arena, a->text,
		    (size_t)(z->text + z->len - a->text));
	}
	free(lines);
	rg_lb_para_free(&p);
}

/* 联合行文, sealed (7.3.5.1): the issuers' names in rows, in order, each
 * centred under its own seal; the seals 42 mm, at least 2 mm apart (互不相交
 * 或相切), within the text block, as many a row as fit, the rows right-
 * aligned on columns that end on the date's centre (cx), so that the last
 * seal presses the last name and the date.  The first row's seals have
 * their top on the foot of the body; a row of seals takes whole lines. */
static void
joint_sealed(rg_flow *c, const rg_gongwen *g, const rg_block *b, const rg_block *date,
    double cx, double x, double w)
{
	const rg_theme *th = c->th;
	double P = th->line_pitch, s = th->body_size;
	size_t n = 0;
	for (const rg_block *k = b; k != date; k = k->next)
		n++;
	double room = cx - SEAL / 2 - x;                 /* for the other centres */
	size_t per = 1 + (size_t)fmax(0, floor(room / (SEAL + SEAL_GAP) + 1e-9));
	if (per > n)
		per = n;
	double step = per > 1 ? fmin(SEAL + 2 * SEAL_GAP, room / (double)(per - 1)) : 0;
	size_t rows = (n + per - 1) / per;
	int row_lines = (int)ceil((SEAL + 2 * SEAL_GAP) / P - 1e-9);
	int blank = (int)fmax(1, floor(SEAL / 2 / P - 1 + 1e-9) + 1);
	rg_flow_gap(c, blank * P);
	/* a name wider than the step between the seals' centres is broken
	 * between words into lines under its seal, half a character narrower
	 * than the step: side by side, such names ran into each other (one
	 * of up to the step stays whole and may come within a few mm of its
	 * neighbour) */
	double colw = per > 1 ? step : w;
	const rg_block *k = b;
	for (size_t r = 0; r < rows; r++) {
		/* the last row holds what is left; every row ends on the right */
		size_t first = r * per, m = r + 1 < rows ? per : n - first;
		size_t start = c->nitems, height = 1;
		rg_vitem *v = rg_flow_item(c, P);
		v->closing = 1;
		v->keep_next = 1;
		for (size_t j = 0; j < m; j++, k = k->next) {
			if (k->nspans == 0)
				continue;
			const char **nl = NULL;
			size_t nn = 0, cap = 0;
			double whole = rg_flow_measure(c, k->spans[0].text, th->body_role, s);
			name_lines(c, k->spans[0].text, s,
			    whole <= colw + 1e-6 || per < 2 ? colw : colw - cell(th) / 2,
			    &nl, &nn, &cap);
			for (size_t i = 0; i < nn; i++) {
				while (c->nitems < start + i + 1) {
					rg_vitem *e = rg_flow_item(c, P);
					e->closing = 1;
					e->keep_next = 1;
				}
				height = i + 1 > height ? i + 1 : height;
				/* a name wider than its seal stays inside the text block */
				double nw = rg_flow_measure(c, nl[i], th->body_role, s);
				double at = cx - (double)(m - 1 - j) * step;
				at = fmin(fmax(at, x + nw / 2), x + w - nw / 2);
				text(c, &c->items[start + i], nl[i], th->body_role, s, at,
				    rg_flow_baseline(P, s), RG_PALIGN_CENTER, 0);
			}
			free(nl);
		}
		if (r + 1 < rows)
			for (int l = (int)height; l < row_lines; l++) {
				rg_vitem *e = rg_flow_item(c, P);
				e->closing = 1;
				e->keep_next = 1;
			}
	}
	rg_vitem *v = rg_flow_item(c, P);
	v->closing = 1;
	v->keep_next = g != NULL && g->note != NULL;
	if (date->nspans > 0)
		text(c, v, date->spans[0].text, th->body_role, s, cx, rg_flow_baseline(P, s),
		    RG_PALIGN_CENTER, 0);
	rg_gongwen_note(c, g, x, w);
}

const rg_block *
rg_gongwen_dateline(rg_flow *c, const rg_gongwen *g, const rg_block *b, double x, double w)
{
	const rg_theme *th = c->th;
	const rg_block *date = b;
	while (date->level == 0 && date->next != NULL && date->next->kind == RG_BLOCK_DATELINE)
		date = date->next;
	double P = th->line_pitch, s = th->body_size, ch = cell(th);
	int seal = g != NULL && g->seal >= 0 ? g->seal : th->grid ? 1 : -1;
	double dw = date->nspans ? rg_flow_measure(c, date->spans[0].text, th->body_role, s) : 0;
	int nblocks = 0;
	for (const rg_block *k = b; k != date; k = k->next)
		nblocks++;
	/* the names' lines: a name wider than the room it has (from the
	 * left edge to two characters from the right unsealed, the text
	 * block sealed) is broken between words into lines (it ran off the
	 * page); an empty signature line stays an empty line */
	const char **names = NULL;
	size_t nnames = 0, cap = 0;
	double room = seal == 0 ? w - 2 * ch : w;
	for (const rg_block *k = b; k != date; k = k->next)
		name_lines(c, k->nspans > 0 ? k->spans[0].text : NULL, s, room, &names, &nnames,
		    &cap);
	double nw = 0;
	for (size_t i = 0; i < nnames; i++)
		if (names[i] != NULL)
			nw = fmax(nw, rg_flow_measure(c, names[i], th->body_role, s));
	int lines = (int)nnames + 1;
	double date_x, name_x, blank = 1;
	rg_palign name_al;
	if (seal == 0) {
		/* 7.3.5.2: names two characters from the right, the date's first
		 * character two to the right of theirs */
		double right = x + w - 2 * ch;
		name_x = fmax(x, fmin(right - nw, right - dw - 2 * ch));
		date_x = name_x + 2 * ch;
		name_al = RG_PALIGN_LEFT;
	} else {
		/* 7.3.5.1: the date four characters from the right, the names
		 * centred over it (within the text block) */
		double right = x + w - th->dateline_indent_em * ch;
		date_x = right - dw;
		name_x = fmin(right - dw / 2, x + w - nw / 2);
		name_al = RG_PALIGN_CENTER;
		/* the seal's top on the foot of the body (within one line of it,
		 * as 7.3.5.1 asks); names and date below its centre */
		if (seal == 1)
			blank = fmax(1, floor(SEAL / 2 / P - lines / 2.0 + 1e-9) + 1);
	}
	/* the signature and the date never stand alone on a page: the last two
	 * lines before them go along */
	for (size_t k = c->nitems; k > 0 && k + 2 > c->nitems; k--) {
		c->items[k - 1].keep_next = 1;
		if (!c->items[k - 1].closing)
			c->items[k - 1].closing = 2;
	}
	if (seal == 1 && nblocks > 1) {
		free(names);
		joint_sealed(c, g, b, date, date_x + dw / 2, x, w);
		return date;
	}
	rg_flow_gap(c, blank * P);
	/* the seal's foot below the date's line, at the date (the 版记 must
	 * clear it: rg_gongwen_foot) */
	if (seal == 1) {
		c->seal_item = c->nitems + nnames + 1;
		c->seal_below = fmax(0, SEAL - (blank + (double)lines) * P);
	}
	for (size_t i = 0; i <= nnames; i++) {
		int is_date = i == nnames;
		const char *t = is_date ? (date->nspans > 0 ? date->spans[0].text : NULL) : names[i];
		rg_vitem *v = rg_flow_item(c, P);
		v->closing = 1;
		v->keep_next = !is_date || (g != NULL && g->note != NULL);
		if (t != NULL)
			text(c, v, t, th->body_role, s, is_date ? date_x : name_x,
			    rg_flow_baseline(v->height, s), is_date ? RG_PALIGN_LEFT : name_al, 0);
	}
	free(names);
	/* 7.3.6: the 附注 on the next line */
	rg_gongwen_note(c, g, x, w);
	return date;
}

/* ---- 版记 (7.4) -------------------------------------------------------- */

static rg_page *
add_page(rg_layout *l)
{
	rg_page *p = RG_PUSH(l->pages, l->npages, l->cap_pages);
	memset(p, 0, sizeof *p);
	size_t n = l->npages;
	l->page_fill = rg_xrealloc(l->page_fill, n * sizeof *l->page_fill);
	l->page_full = rg_xrealloc(l->page_full, n * sizeof *l->page_full);
	l->page_fill[n - 1] = 0;
	l->page_full[n - 1] = 0;
	p->unnumbered = 1;
	return p;
}

/* The 抄送 names in p as lines of width room: broken after the `，` or `、`
 * between the offices' names only; a name wider than the room (it ran past
 * the text block and off the page, the rest of it lost) is broken between
 * its words, at every boundary of the dictionary if need be, then between
 * characters, as a 署名 is (name_lines), and the other names stay whole. */
static void
cc_lines(rg_lb_para *p, double room, rg_lb_line **lines, size_t *n)
{
	/* inlong[k]: item k is inside a name wider than the room */
	unsigned char *inlong = rg_xcalloc(p->n + 1, 1), *keep = rg_xcalloc(p->n + 1, 1);
	for (size_t a = 0; a < p->n; ) {
		size_t z = a;
		double nw = 0;
		while (z < p->n) {
			nw += p->items[z].width;
			int32_t last = p->items[z++].last;
			if (last == 0xFF0C || last == 0x3001)
				break;
		}
		for (size_t k = a; nw > room + 1e-6 && k < z; k++)
			inlong[k] = 1;
		a = z;
	}
	*lines = NULL;
	for (int pass = 0; pass < 4; pass++) {
		/* the keeps inside words of this pass (none in pass 3) */
		for (size_t k = 0; k < p->n; k++)
			p->items[k].keep_before = 0;
		if (pass == 1)
			rg_lb_keep_words(p);
		else if (pass == 2)
			rg_lb_keep_words_loose(p);
		for (size_t k = 0; k < p->n; k++)
			keep[k] = pass > 0 && pass < 3 && p->items[k].keep_before;
		for (size_t k = 1; k < p->n; k++) {
			int after_name = p->items[k - 1].last == 0xFF0C || p->items[k - 1].last == 0x3001;
			p->items[k].keep_before = after_name ? 0 :
			    pass > 0 && inlong[k] && inlong[k - 1] ? keep[k] : 1;
		}
		free(*lines);
		*n = rg_lb_break(p, room, 0, lines);
		int wide = 0;
		for (size_t i = 0; i < *n; i++)
			wide |= (*lines)[i].natural > room + 1e-6;
		if (!wide)
			break;
	}
	free(inlong);
	free(keep);
}

void
rg_gongwen_foot(rg_flow *c, const rg_gongwen *g)
{
	/* 10.1: the first page of a letter carries no page number */
	if (g != NULL && g->letter && c->out->npages > 0)
		c->out->pages[0].unnumbered = 1;
	if (g == NULL || (g->cc == NULL && g->printer == NULL && g->print_date == NULL))
		return;
	const rg_theme *th = c->th;
	rg_layout *l = c->out;
	double P = pitch(th), s = FOOT_SIZE;
	double x = th->margin_left, w = th->page_w - th->margin_left - th->margin_right;
	double bottom = th->page_h - th->margin_bottom;
	/* 抄送：, the names wrapped after the colon, one character in at
	 * either side */
	const char *label = "抄送：";
	double lw = rg_flow_measure(c, label, th->body_role, s);
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, w - 2 * s - lw, 0);
	rg_lb_line *lines = NULL;
	size_t ncc = 0;
	if (g->cc != NULL) {
		rg_lb_style st = { th->body_role, s, 0, NULL };
		rg_pos none = { NULL, 0, 0 };
		rg_lb_add_text(&p, g->cc, &st, none);
		cc_lines(&p, w - 2 * s - lw, &lines, &ncc);
	}
	int print_row = g->printer != NULL || g->print_date != NULL;
	/* the 印发机关 left of the date, one character apart; a name longer
	 * than that room is broken between words, the date on its last line
	 * (it ran into the date and past the text block) */
	double dw = g->print_date ? rg_flow_measure(c, g->print_date, th->body_role, s) : 0;
	double proom = w - 2 * s - (g->print_date ? dw + s : 0);
	const char **pl = NULL;
	size_t npl = 0, cap_pl = 0;
	if (g->printer != NULL)
		name_lines(c, g->printer, s, proom, &pl, &npl, &cap_pl);
	size_t prows = print_row ? (npl > 0 ? npl : 1) : 0;
	double H = (double)(ncc + prows) * P;
	/* on the last page if there is room and it is even; else on the next
	 * even page, a blank page before it if need be (7.5: neither numbered) */
	size_t last = l->npages - 1;
	/* a sealed date last on the page: the 版记 clears the seal, which
	 * reaches below the date's line (its first rule was 1 mm under it) */
	double seal = c->seal_item > 0 && c->seal_item == c->nitems ? c->seal_below : 0;
	int fits = !l->pages[last].landscape &&
	    l->page_fill[last] + seal + H <= bottom - th->margin_top + 0.01;
	rg_page *page;
	if (fits && l->npages % 2 == 0) {
		page = &l->pages[last];
	} else {
		/* 7.5: 版记页前有空白页的，空白页和版记页均不编排页码 -- a
		 * 版记 page with no blank page before it keeps its number */
		int blank = l->npages % 2 == 0;
		if (blank)
			add_page(l);
		page = add_page(l);
		page->unnumbered = blank;
	}
	double top = bottom - H;
	rg_box **bx = &page->boxes;
	size_t *nb = &page->nboxes, *cap = &page->cap;
	/* 10.1: a letter's 版记 has no rules (and no 印发机关 or date) */
	if (!g->letter)
		rule(bx, nb, cap, x, top, w, THICK, 0);
	for (size_t i = 0; i < ncc; i++) {
		rg_vitem v;
		memset(&v, 0, sizeof v);
		if (i == 0)
			text(c, &v, label, th->body_role, s, x + s, rg_flow_baseline(P, s),
			    RG_PALIGN_LEFT, 0);
		rg_flow_line(c, &p, &lines[i], x + s + lw, w - 2 * s - lw, RG_PALIGN_LEFT, &v,
		    0, P);
		for (size_t k = 0; k < v.nboxes; k++) {
			rg_box *b = RG_PUSH(*bx, *nb, *cap);
			*b = v.boxes[k];
			b->y += top + (double)i * P;
		}
		free(v.boxes);
		free(v.lines);
	}
	if (print_row) {
		double y = top + (double)ncc * P;
		if (ncc > 0)
			rule(bx, nb, cap, x, y, w, THIN, 0);
		rg_vitem v;
		memset(&v, 0, sizeof v);
		double base = rg_flow_baseline(P, s);
		for (size_t i = 0; i < npl; i++)
			text(c, &v, pl[i], th->body_role, s, x + s, base + (double)i * P,
			    RG_PALIGN_LEFT, 0);
		if (g->print_date)
			text(c, &v, g->print_date, th->body_role, s, x + w - s,
			    base + (double)(prows - 1) * P, RG_PALIGN_RIGHT, 0);
		for (size_t k = 0; k < v.nboxes; k++) {
			rg_box *b = RG_PUSH(*bx, *nb, *cap);
			*b = v.boxes[k];
			b->y += y;
		}
		free(v.boxes);
	}
	/* 7.4.1: the last rule on the bottom edge of the text block */
	if (!g->letter)
		rule(bx, nb, cap, x, bottom, w, THICK, 0);
	free(pl);
	free(lines);
	rg_lb_para_free(&p);
}

/* ---- headings (7.3.3) ------------------------------------------------- */

/* Code points of the Chinese numerals (一 to 十) at s; *len their bytes. */
static size_t
han_numerals(const char *s, size_t *len)
{
	static const int32_t han[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
		0x4E03, 0x516B, 0x4E5D, 0x5341 };
	size_t n = 0, off = 0, l;
	for (;;) {
		int32_t cp = rg_utf8_decode(s + off, strlen(s + off), &l);
		int hit = 0;
		for (size_t i = 0; i < sizeof han / sizeof *han; i++)
			hit |= cp == han[i];
		if (!hit)
			break;
		off += l;
		n++;
	}
	*len = off;
	return n;
}

int
rg_gongwen_heading_role(const rg_theme *th, const rg_block *b)
{
	if (b->nspans == 0 || b->spans[0].kind != RG_SPAN_TEXT)
		return -1;
	const char *s = b->spans[0].text;
	size_t l, d;
	int lv = 0;
	if (han_numerals(s, &l) > 0 && strncmp(s + l, "、", 3) == 0)
		lv = 1;                                  /* 一、 */
	else if (strncmp(s, "（", 3) == 0 && han_numerals(s + 3, &l) > 0 &&
	    strncmp(s + 3 + l, "）", 3) == 0)
		lv = 2;                                  /* （一） */
	else if ((d = strspn(s, "0123456789")) > 0 && (s[d] == '.' ||
	    strncmp(s + d, "．", 3) == 0))
		lv = 3;                                  /* 1. */
	else if (strncmp(s, "（", 3) == 0 && (d = strspn(s + 3, "0123456789")) > 0 &&
	    strncmp(s + 3 + d, "）", 3) == 0)
		lv = 4;                                  /* （1） */
	return lv > 0 ? th->heading_role[lv - 1] : -1;
}
