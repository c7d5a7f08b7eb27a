/* layout.c -- see layout.h
 *
 * Two passes.  build_*() turns blocks into a vertical list of items (one per
 * line of text, rule or gap), each holding boxes relative to its own top.
 * paginate() then places the items on pages.
 */
#include "layout.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/utf8.h"
#include "chart.h"
#include "flow.h"
#include "gongwen.h"
#include "table.h"


/* ---- the vertical list ------------------------------------------------ */

/* A character of indent: a cell of the grid (公文), else an em of the body. */
static double
grid_em(const rg_theme *th)
{
	return th->grid && th->char_pitch > 0 ? th->char_pitch : th->body_size;
}

/* Break p into lines and append them to the vertical list. */
static void
emit_para(rg_flow *c, rg_lb_para *p, const rg_para_style *ps, const char *outline, int level)
{
	rg_lb_line *lines;
	size_t n = rg_lb_break(p, ps->width, ps->indent, &lines);
	int para = ++c->para_count;
	for (size_t i = 0; i < n; i++) {
		rg_vitem *v = rg_flow_item(c, ps->pitch);
		v->para = para;
		if (i == 0 && outline != NULL) {
			v->outline_level = level;
			v->outline_title = rg_arena_strdup(c->out->arena, outline);
		}
		/* headings stay with what follows; no single line of a paragraph
		 * alone at the bottom (orphan) or top (widow) of a page */
		v->keep_next = ps->keep_all ||
		    (c->th->widow_control && n > 1 && (i == 0 || i + 2 == n));
		if (ps->keep_all)
			v->keep_rank = i + 1 < n ? RG_KEEP_INSIDE : RG_KEEP_HEADING;
		if (ps->bg) {
			rg_box *b = rg_vitem_box(v, RG_BOX_RECT);
			b->x = ps->x - 4;
			b->w = ps->width + 8;
			b->y = 0;
			b->h = v->height;
			b->color = ps->bg;
		}
		if (ps->bar_x > 0) {
			rg_box *b = rg_vitem_box(v, RG_BOX_RULE);
			b->x = ps->bar_x;
			b->y = 0;
			b->h = v->height;
			b->line_width = 2;
			b->color = 0xBBBBBB;
		}
		double x = ps->x + (i == 0 ? ps->indent : 0);
		double avail = ps->width - (i == 0 ? ps->indent : 0);
		rg_flow_line(c, p, &lines[i], x, avail, ps->al, v, 0, v->height);
	}
	free(lines);
}

typedef struct frame {
	double x, width;         /* current text column */
	int role;                /* base font role (quotes use Kai) */
	int in_list;             /* paragraphs in lists have no first-line indent */
	int tight;
	double bar_x;
} frame;

static void build_blocks(rg_flow *c, const rg_block *first, frame f);

static void
build_text_block(rg_flow *c, const rg_block *b, frame f, int role, double size,
    double indent, rg_palign al, double pitch, const char *outline, int level, int keep)
{
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, f.width, 0);
	rg_flow_spans(c, &p, b->spans, b->nspans, role, size, 0);
	p.grid_runs = c->th->grid && al == RG_ALIGN_JUSTIFY;
	rg_para_style ps = { f.x, f.width, indent, pitch, al, 0, f.bar_x, keep };
	c->body_lines = b->kind == RG_BLOCK_PARAGRAPH;
	emit_para(c, &p, &ps, outline, level);
	c->body_lines = 0;
	rg_lb_para_free(&p);
}

/* Chinese heading numbers: 一、 （一） 1. （1） */
static void
heading_number(rg_flow *c, int lv, rg_buf *out)
{
	static const char *const digits[] = { "零", "一", "二", "三", "四", "五", "六",
		"七", "八", "九", "十" };
	c->heading_count[lv - 1]++;
	for (int k = lv; k < 4; k++)
		c->heading_count[k] = 0;
	int n = c->heading_count[lv - 1];
	char han[32];
	if (n <= 10)
		snprintf(han, sizeof han, "%s", digits[n]);
	else if (n < 20)
		snprintf(han, sizeof han, "十%s", digits[n % 10]);
	else if (n < 100)
		snprintf(han, sizeof han, "%s十%s", digits[n / 10], n % 10 ? digits[n % 10] : "");
	else
		snprintf(han, sizeof han, "%d", n);
	switch (lv) {
	case 1: rg_buf_printf(out, "%s、", han); break;
	case 2: rg_buf_printf(out, "（%s）", han); break;
	case 3: rg_buf_printf(out, "%d.", n); break;
	default: rg_buf_printf(out, "（%d）", n); break;
	}
}

static void
build_heading(rg_flow *c, const rg_block *b, frame f)
{
	const rg_theme *th = c->th;
	int lv = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;
	double size = th->heading_size[lv - 1];
	rg_flow_gap(c, size * (lv == 1 ? 1.2 : 0.9));
	rg_buf title = { 0 };
	if (th->heading_numbers)
		heading_number(c, lv, &title);
	size_t numlen = title.len;
	for (size_t i = 0; i < b->nspans; i++)
		rg_buf_puts(&title, b->spans[i].kind == RG_SPAN_TEXT ? b->spans[i].text : " ");
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, f.width, 0);
	/* 公文: the face of the number written (（一） 楷), not of the level */
	int role = th->grid ? rg_gongwen_heading_role(th, b) : -1;
	rg_lb_style st = { role >= 0 ? role : th->heading_role[lv - 1], size, 0, NULL };
	if (numlen > 0)
		rg_lb_add_text(&p, rg_arena_strndup(c->out->arena, title.data, numlen), &st,
		    b->pos);
	rg_flow_spans(c, &p, b->spans, b->nspans, st.role, size, 0);
	rg_para_style ps = { f.x, f.width, th->heading_indent_em * grid_em(th),
	    th->grid ? th->line_pitch : size * 1.6, RG_PALIGN_LEFT, 0, f.bar_x, 1 };
	emit_para(c, &p, &ps, rg_buf_cstr(&title), b->level);
	rg_lb_para_free(&p);
	rg_buf_free(&title);
	rg_flow_gap(c, size * 0.4);
}

static void
build_code(rg_flow *c, const rg_block *b, frame f)
{
	rg_flow_gap(c, c->th->para_gap);
	rg_lb_para p;
	double size = c->th->code_size;
	rg_lb_para_init(&p, &c->env, f.width - 2 * size, 1);
	rg_lb_style st = { RG_FONT_MONO, size, 0, NULL };
	/* a tab goes to the next stop of four columns (a wide character
	 * takes two), as an editor shows it; it was one space */
	int col = 0;
	for (size_t i = 0; i < b->nspans; i++) {
		rg_buf t = { 0 };
		const char *s = b->spans[i].text;
		for (size_t k = 0, n = strlen(s); k < n; ) {
			size_t l;
			int32_t cp = rg_utf8_decode(s + k, n - k, &l);
			if (cp == '\t') {
				do
					rg_buf_put(&t, " ", 1);
				while (++col % 4 != 0);
			} else {
				rg_buf_put(&t, s + k, l);
				col = cp == '\n' ? 0 : col + (rg_lb_is_wide(cp) ? 2 : 1);
			}
			k += l > 0 ? l : 1;
		}
		/* the items point into the text: it lives with the layout */
		rg_lb_add_text(&p, rg_arena_strdup(c->out->arena, rg_buf_cstr(&t)), &st,
		    b->spans[i].pos);
		rg_buf_free(&t);
	}
	rg_para_style ps = { f.x + size, f.width - 2 * size, 0, size * 1.5, RG_PALIGN_LEFT,
	    c->th->code_bg, f.bar_x, 0 };
	emit_para(c, &p, &ps, NULL, 0);
	rg_lb_para_free(&p);
	rg_flow_gap(c, c->th->para_gap);
}

static void
build_rule(rg_flow *c, frame f)
{
	rg_flow_gap(c, c->th->para_gap);
	rg_vitem *v = rg_flow_item(c, c->th->line_pitch);
	rg_box *r = rg_vitem_box(v, RG_BOX_RULE);
	r->x = f.x + f.width / 4;
	r->y = c->th->line_pitch / 2;
	r->w = f.width / 2;
	r->line_width = 0.6;
	r->color = 0x888888;
	/* a rule separates what comes before from what comes after: never the
	 * last thing on a page */
	v->keep_next = 1;
	v->keep_rank = RG_KEEP_HEADING;
	rg_flow_gap(c, c->th->para_gap);
}

/* "1." for ordered lists; bullets change with depth: three shapes of the
 * CJK fonts, drawn of one size (BULLET_SIZE).  (The CJK fonts' • is a dot
 * of 0.1 em, read as ·, beside their ○ and ■ of 0.9 em.) */
#define BULLET_SIZE 0.5   /* of the em: ○ and ● 0.44 em of ink, ■ 0.4 */

static const char *
marker(const rg_block *list, int index, int depth, char *buf)
{
	static const char *const bullets[] = { "●", "○", "■" };
	if (!list->ordered)
		return bullets[depth % 3];
	snprintf(buf, 16, list->ordered == 2 ? "%d)" : "%d.", list->start + index);
	return buf;
}

static void
build_list(rg_flow *c, const rg_block *list, frame f)
{
	double em = grid_em(c->th);
	/* the items 2 em in, or further when a number is wider than that
	 * leaves room for (1000.): every marker inside the column */
	double in = 2 * em;
	int count = 0;
	for (const rg_block *item = list->first_child; item; item = item->next)
		count++;
	for (int k = 0; list->ordered && k < count; k++) {
		char buf[16];
		double mw = rg_flow_measure(c, marker(list, k, 0, buf), f.role, em);
		in = fmax(in, mw + 0.4 * em);
	}
	/* deep in a narrow column the indent gives way: the items keep four
	 * em (or the whole column), never a width past the text block */
	in = fmax(0, fmin(in, f.width - fmin(f.width, 4 * em)));
	frame inner = f;
	inner.x = f.x + in;
	inner.width = f.width - in;
	inner.in_list = 1;
	inner.tight = list->tight;
	int index = 0;
	rg_flow_gap(c, list->tight ? 0 : c->th->para_gap);
	for (const rg_block *item = list->first_child; item; item = item->next, index++) {
		size_t before = c->nitems;
		build_blocks(c, item->first_child, inner);
		if (c->nitems == before)
			rg_flow_item(c, c->th->line_pitch);   /* an empty item still shows its marker */
		/* the marker sits on the item's first line, right-aligned before it */
		rg_vitem *first = &c->items[before];
		char buf[16];
		const char *mk = marker(list, index, c->list_depth - 1, buf);
		size_t n0 = first->nboxes;
		/* a bullet, smaller than the text, is centred on the text's
		 * characters (their middle 0.38 em above the baseline) */
		double ms = list->ordered ? em : BULLET_SIZE * em;
		double base = rg_flow_baseline(first->height, em) - 0.38 * (em - ms);
		/* numbers in the face of the text (the figures of 仿宋 in a
		 * 公文, of 楷 in a quote), bullets in Song, which has them */
		rg_flow_text(c, &first->boxes, &first->nboxes, &first->cap, mk,
		    list->ordered ? f.role : RG_FONT_SONG, ms, inner.x - 0.4 * em, base,
		    RG_PALIGN_RIGHT, 0);
		/* the marker is drawn (and extracted) before the item's text */
		while (n0 > 0 && first->nboxes > n0) {
			rg_box mkbox = first->boxes[first->nboxes - 1];
			memmove(first->boxes + 1, first->boxes, (first->nboxes - 1) * sizeof *first->boxes);
			first->boxes[0] = mkbox;
			n0++;
		}
		if (!list->tight)
			rg_flow_gap(c, c->th->para_gap);
	}
	rg_flow_gap(c, list->tight ? c->th->para_gap / 2 : c->th->para_gap);
}

/* Is cp a figure of a heading's number: 0-9, or 〇零一二…十百千? */
static int
numeral(int32_t cp)
{
	static const int32_t han[] = { 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
		0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343 };
	if (cp >= '0' && cp <= '9')
		return 1;
	for (size_t i = 0; i < sizeof han / sizeof *han; i++)
		if (han[i] == cp)
			return 1;
	return 0;
}

/* The number a heading's title starts with, in bytes: 一、 （一） (1) 1.
 * 1.2 第一章 12 (and a space after it); 0 when it has none (2024年). */
static size_t
toc_label(const char *t)
{
	size_t n = strlen(t), k = 0, l;
	int32_t cp = rg_utf8_decode(t, n, &l);
	int32_t close = cp == 0xFF08 ? 0xFF09 : cp == '(' ? ')' : 0;   /* （…） (…) */
	int ordinal = cp == 0x7B2C;                                      /* 第…章 */
	if (close || ordinal)
		k += l;
	size_t figures = 0;
	int32_t last = 0;
	int dotted = 0;
	while (k < n) {
		cp = rg_utf8_decode(t + k, n - k, &l);
		if (!numeral(cp) && !(cp == '.' && figures > 0 && last != '.'))
			break;
		figures += cp != '.';
		dotted |= cp == '.';
		last = cp;
		k += l;
	}
	if (figures == 0 || k >= n)
		return 0;
	cp = rg_utf8_decode(t + k, n - k, &l);
	if (close) {
		if (cp != close)
			return 0;
		k += l;
	} else if (ordinal) {
		/* 章 节 条 部 篇 编 款 */
		static const int32_t units[] = { 0x7AE0, 0x8282, 0x6761, 0x90E8, 0x7BC7, 0x7F16,
			0x6B3E };
		size_t u = 0;
		while (u < sizeof units / sizeof *units && units[u] != cp)
			u++;
		if (u == sizeof units / sizeof *units)
			return 0;
		k += l;
		/* 第一部分 */
		if (cp == 0x90E8 && k < n && rg_utf8_decode(t + k, n - k, &l) == 0x5206)
			k += l;
	} else if (cp == 0x3001 || cp == '.') {     /* 一、 1. */
		k += l;
	} else if (!(last >= '0' && last <= '9' && ((cp == ' ' && (dotted || figures <= 2)) ||
	    (dotted && rg_lb_is_han(cp))))) {
		return 0;           /* 1.2 标题, 1.2标题, 12 标题; not 2024年, 2024 年 */
	}
	while (k < n && t[k] == ' ')
		k++;
	return k < n ? k : 0;
}

static double
toc_number_column(rg_flow *c)
{
	return rg_flow_measure(c, "000", c->th->body_role, c->th->body_size);
}

/* One entry of the table of contents: the title, dot leaders, the page.
 * The entry of level `level` stands `step` in for each level above 1, its
 * wrapped lines hang under its text, after its number (or one em in), and
 * every line but the last stops short of the page numbers' column. */
static void
toc_entry(rg_flow *c, frame f, int level, double step, const char *title, int page)
{
	const rg_theme *th = c->th;
	double size = th->body_size, indent = (level - 1) * step;
	int role = level == 1 ? RG_FONT_HEI : th->body_role;
	/* an entry goes to the next page with the first entry under it, as
	 * its heading does with its text */
	if (c->toc_level > 0 && level > c->toc_level && c->nitems > 0) {
		c->items[c->nitems - 1].keep_next = 1;
		c->items[c->nitems - 1].keep_rank = RG_KEEP_HEADING;
	}
	c->toc_level = level;
	char num[16];
	snprintf(num, sizeof num, "%d", page);
	double numw = rg_flow_measure(c, num, th->body_role, size);
	/* the column of the page numbers: as wide for 0 as for 100, so that
	 * the passes (rg_layout_run) break the titles alike */
	double avail = fmax(size, f.width - indent - toc_number_column(c) - 2 * size);
	/* the number's width as set before the text (its ¼-em gap to a Han
	 * character after it too), so that the hang is under the text; when
	 * that leaves the wrapped lines less than four em, one em */
	double hang = size;
	size_t lab = toc_label(title);
	if (lab > 0) {
		size_t l;
		rg_utf8_decode(title + lab, strlen(title + lab), &l);
		char *both = rg_arena_strndup(c->out->arena, title, lab + l);
		hang = rg_flow_measure(c, both, role, size) -
		    rg_flow_measure(c, both + lab, role, size);
	}
	if (hang > avail - 4 * size)
		hang = fmax(0, fmin(size, avail - 4 * size));
	rg_lb_para p;
	rg_lb_para_init(&p, &c->env, avail - hang, 0);
	rg_lb_style st = { role, size, 0, NULL };
	rg_pos none = { NULL, 0, 0 };
	rg_lb_add_text(&p, title, &st, none);
	rg_lb_line *lines;
	size_t n = rg_lb_break(&p, avail - hang, -hang, &lines);
	for (size_t i = 0; i < n; i++) {
		rg_vitem *v = rg_flow_item(c, th->line_pitch);
		v->keep_next = i + 1 < n;
		double x = f.x + indent + (i > 0 ? hang : 0);
		rg_flow_line(c, &p, &lines[i], x, avail - (i > 0 ? hang : 0), RG_PALIGN_LEFT, v,
		    0, v->height);
		if (i + 1 < n)
			continue;
		double y = rg_flow_baseline(v->height, size);
		double end = x + lines[i].natural + size * 0.5;
		double right = f.x + f.width;
		rg_flow_text(c, &v->boxes, &v->nboxes, &v->cap, num, th->body_role, size,
		    right, y, RG_PALIGN_RIGHT, 0);
		double dotw = rg_flow_measure(c, ".", th->body_role, size);
		size_t ndots = dotw > 0 ? (size_t)((right - numw - size * 0.5 - end) / dotw) : 0;
		if (ndots > 0 && ndots < 1000) {
			char dots[1001];
			memset(dots, '.', ndots);
			dots[ndots] = '\0';
			rg_flow_text(c, &v->boxes, &v->nboxes, &v->cap, dots, th->body_role, size,
			    right - numw - size * 0.5, y, RG_PALIGN_RIGHT, th->muted_color);
		}
	}
	free(lines);
	rg_lb_para_free(&p);
}

/* Headings of the document with level <= depth, in order (first pass,
 * before pages are known). */
static void
toc_from_doc(rg_flow *c, frame f, double step, const rg_block *b, int depth)
{
	for (; b != NULL; b = b->next) {
		if (b->kind == RG_BLOCK_HEADING && b->level <= depth) {
			rg_buf t = { 0 };
			for (size_t i = 0; i < b->nspans; i++)
				rg_buf_puts(&t, b->spans[i].kind == RG_SPAN_TEXT ? b->spans[i].text : " ");
			toc_entry(c, f, b->level, step, rg_buf_cstr(&t), 0);
			rg_buf_free(&t);
		}
		toc_from_doc(c, f, step, b->first_child, depth);
	}
}

/* The deepest level of the headings listed (those of level <= depth). */
static int
toc_deepest(const rg_block *b, int depth)
{
	int most = 1;
	for (; b != NULL; b = b->next) {
		if (b->kind == RG_BLOCK_HEADING && b->level <= depth && b->level > most)
			most = b->level;
		int in = toc_deepest(b->first_child, depth);
		if (in > most)
			most = in;
	}
	return most;
}

/* The table of contents: from the previous pass's outline (titles with
 * their numbers, and pages), or from the document on the first pass. */
static void
build_toc(rg_flow *c, const rg_block *b, frame f)
{
	const rg_theme *th = c->th;
	rg_flow_gap(c, th->heading_size[0]);
	if (b->nspans > 0) {
		double size = th->heading_size[0];
		rg_vitem *v = rg_flow_item(c, size * 2);
		v->keep_next = 1;
		v->keep_rank = RG_KEEP_HEADING;
		rg_flow_text(c, &v->boxes, &v->nboxes, &v->cap, b->spans[0].text, RG_FONT_HEI,
		    size, f.x + f.width / 2, rg_flow_baseline(v->height, size),
		    RG_PALIGN_CENTER, 0);
	}
	/* each level 2 em in, less on a narrow page: the deepest entries
	 * keep half the width for their text (on a 46 mm text block level
	 * 4 had two characters a line) */
	double size = th->body_size;
	c->toc_level = 0;
	int deepest = toc_deepest(c->root->first_child, b->level);
	double step = 2 * size;
	if (deepest > 1)
		step = fmax(0, fmin(step, (0.5 * f.width - toc_number_column(c) - 2 * size) /
		    (deepest - 1)));
	if (c->toc != NULL) {
		for (size_t i = 0; i < c->ntoc; i++)
			if (c->toc[i].level <= b->level)
				toc_entry(c, f, c->toc[i].level, step, c->toc[i].title,
				    c->toc[i].page + 1);
	} else {
		toc_from_doc(c, f, step, c->root->first_child, b->level);
	}
	rg_flow_gap(c, th->heading_size[0]);
}

/* A figure (docs/templates.md, "Figures"): the image centred in the
 * column, at its own size (1 px = 0.75 pt, or as its dpi says) or smaller:
 * no wider than the column, no higher than half the text block; one item,
 * so it goes whole to the next page if it does not fit; its caption below,
 * kept with it. */
#define FIGURE_MAX_HEIGHT 0.5    /* of the text block's height */

static void
build_figure(rg_flow *c, const rg_block *b, frame f)
{
	const rg_figure *fg = b->figure;
	const rg_theme *th = c->th;
	if (fg == NULL || fg->width == 0 || fg->height == 0)
		return;
	double w = fg->width * 72.0 / (fg->dpi_x > 0 ? fg->dpi_x : 96.0);
	double h = fg->height * 72.0 / (fg->dpi_y > 0 ? fg->dpi_y : 96.0);
	double page_h = c->landscape ? th->page_w : th->page_h;
	double max_h = (page_h - th->margin_top - th->margin_bottom) * FIGURE_MAX_HEIGHT;
	double scale = fmin(1.0, fmin(f.width / w, max_h / h));
	w *= scale;
	h *= scale;
	rg_flow_gap(c, th->line_pitch / 2);
	rg_vitem *v = rg_flow_item(c, h);
	rg_box *im = rg_vitem_box(v, RG_BOX_IMAGE);
	im->x = f.x + (f.width - w) / 2;
	im->y = (v->height - h) / 2;      /* on a grid the item is whole lines */
	im->w = w;
	im->h = h;
	im->image = fg->data;
	im->image_len = fg->len;
	im->image_format = fg->format;
	im->image_alpha = fg->alpha;
	im->pos = b->pos;
	if (fg->caption != NULL) {
		v->keep_next = 1;
		v->keep_rank = RG_KEEP_HEADING;
		rg_flow_gap(c, th->table_size * 0.4);
		rg_span sp = { RG_SPAN_TEXT, 0, fg->caption, NULL, b->pos, 0 };
		double size = th->table_size + 0.5;
		rg_lb_para p;
		rg_lb_para_init(&p, &c->env, f.width, 0);
		rg_flow_spans(c, &p, &sp, 1, RG_FONT_HEI, size, 0);
		rg_para_style ps = { f.x, f.width, 0, size * 1.5, RG_PALIGN_CENTER, 0, f.bar_x, 0 };
		emit_para(c, &p, &ps, NULL, 0);
		rg_lb_para_free(&p);
	}
	rg_flow_gap(c, th->line_pitch / 2);
}

static void
build_blocks(rg_flow *c, const rg_block *first, frame f)
{
	const rg_theme *th = c->th;
	for (const rg_block *b = first; b != NULL; b = b->next) {
		switch (b->kind) {
		case RG_BLOCK_TITLE:
			/* between words, 梯形 or 菱形 (GB/T 9704 7.3.1), in
			 * every theme: never a character alone on a line */
			rg_gongwen_title(c, b, f.x, f.width);
			/* on a grid (公文) one blank line follows the title */
			if (th->grid)
				rg_flow_item(c, th->line_pitch)->keep_next = 1;
			rg_flow_gap(c, th->title_size * 0.5);
			rg_gongwen_recipients(c, c->gongwen, f.x, f.width);
			break;
		case RG_BLOCK_SUBTITLE:
			rg_gongwen_title(c, b, f.x, f.width);
			rg_flow_gap(c, th->subtitle_size);
			break;
		case RG_BLOCK_HEADING:
			build_heading(c, b, f);
			break;
		case RG_BLOCK_PARAGRAPH:
			if (!(f.in_list && f.tight))
				rg_flow_gap(c, th->para_gap);
			build_text_block(c, b, f, f.role, th->body_size,
			    f.in_list ? 0 : th->indent_em * grid_em(th), RG_ALIGN_JUSTIFY,
			    th->line_pitch, NULL, 0, 0);
			break;
		case RG_BLOCK_LIST:
			c->list_depth++;
			build_list(c, b, f);
			c->list_depth--;
			break;
		case RG_BLOCK_QUOTE: {
			/* on a grid (公文) the quote stands two whole cells in,
			 * so that its characters keep the grid's columns */
			double qin = th->grid ? 2 * grid_em(th) : th->body_size * 1.5;
			qin = fmax(0, fmin(qin, f.width - fmin(f.width, 4 * grid_em(th))));
			frame q = f;
			q.bar_x = f.x + (th->grid ? grid_em(th) : th->body_size * 0.5);
			q.x = f.x + qin;
			q.width = f.width - qin;
			q.role = RG_FONT_KAI;
			q.in_list = 0;
			rg_flow_gap(c, th->para_gap);
			build_blocks(c, b->first_child, q);
			rg_flow_gap(c, th->para_gap);
			break;
		}
		case RG_BLOCK_RULE:
			build_rule(c, f);
			break;
		case RG_BLOCK_CODE:
			build_code(c, b, f);
			break;
		case RG_BLOCK_TABLE:
			rg_layout_table(c, b, f.x, f.width);
			break;
		case RG_BLOCK_CHART:
			rg_layout_chart(c, b, f.x, f.width);
			break;
		case RG_BLOCK_FIGURE:
			build_figure(c, b, f);
			break;
		case RG_BLOCK_TOC:
			build_toc(c, b, f);
			break;
		case RG_BLOCK_DATELINE: {
			/* the 附件说明 goes with the signature, and the last two
			 * lines of the body with them: no page of a 公文 holds
			 * the signature without the body (7.3.5.5) */
			size_t n0 = c->nitems;
			rg_gongwen_attachments(c, c->gongwen, f.x, f.width);
			for (size_t k = n0; k > 0 && k + 2 > n0 && c->nitems > n0; k--) {
				c->items[k - 1].keep_next = 1;
				c->items[k - 1].closing = 2;
			}
			for (size_t k = n0; k < c->nitems; k++)
				c->items[k].closing = 2;
			b = rg_gongwen_dateline(c, c->gongwen, b, f.x, f.width);
			break;
		}
		case RG_BLOCK_ITEM:
		case RG_BLOCK_DOCUMENT:
			build_blocks(c, b->first_child, f);
			break;
		}
	}
}

/* ---- pages ------------------------------------------------------------ */

static rg_page *
new_page(rg_layout *l)
{
	rg_page *p = RG_PUSH(l->pages, l->npages, l->cap_pages);
	memset(p, 0, sizeof *p);
	return p;
}

static void
place(rg_layout *l, rg_page *page, const rg_vitem *v, double y)
{
	for (size_t i = 0; i < v->nboxes; i++) {
		rg_box *b = RG_PUSH(page->boxes, page->nboxes, page->cap);
		*b = v->boxes[i];
		b->y += y;
	}
	for (size_t i = 0; i < v->nlines; i++) {
		rg_line_rec *r = RG_PUSH(l->lines, l->nlines, l->cap_lines);
		*r = v->lines[i];
		r->page = (int)(l->npages - 1);
		r->y += y;
	}
	if (v->outline_level > 0) {
		rg_outline *o = RG_PUSH(l->outline, l->noutline, l->cap_outline);
		o->level = v->outline_level;
		o->title = v->outline_title;
		o->page = (int)(l->npages - 1);
		o->y = y;
	}
}

/* Height needed from item i on to the end of its keep-with-next chain.  A
 * landscape table that floats is not part of a chain of portrait items: a
 * heading before it goes with the text after it. */
static double
keep_height(const rg_flow *c, size_t i)
{
	double h = c->items[i].height;
	int portrait = !c->items[i].landscape;
	while (c->items[i].keep_next && i + 1 < c->nitems) {
		i++;
		while (portrait && i + 1 < c->nitems && c->items[i].landscape &&
		    c->items[i].floats)
			i++;
		if (!c->items[i].hidden && !(portrait && c->items[i].landscape &&
		    c->items[i].floats))
			h += c->items[i].space_before + c->items[i].height;
	}
	return h;
}

/* Does the keep-with-next chain from item i on hold a dateline's item? */
static int
keeps_closing(const rg_flow *c, size_t i)
{
	for (; i < c->nitems; i++) {
		if (c->items[i].closing)
			return 1;
		if (!c->items[i].keep_next)
			break;
	}
	return 0;
}

/* How much of the page just finished is used, and whether a paragraph
 * goes on from it to the next one. */
static void
record_fill(rg_layout *l, double used, int full)
{
	size_t n = l->npages;
	l->page_fill = rg_xrealloc(l->page_fill, n * sizeof *l->page_fill);
	l->page_full = rg_xrealloc(l->page_full, n * sizeof *l->page_full);
	l->page_fill[n - 1] = used;
	l->page_full[n - 1] = full;
}

/* A page's size and text block: a landscape page (a table too wide for the
 * text block) turns the sheet; each margin keeps its side. */
static double
page_width(const rg_theme *th, int landscape)
{
	return landscape ? th->page_h : th->page_w;
}

static double
page_height(const rg_theme *th, int landscape)
{
	return landscape ? th->page_w : th->page_h;
}

static double
text_width(const rg_theme *th, int landscape)
{
	return page_width(th, landscape) - th->margin_left - th->margin_right;
}

/* A table goes on to a new page: close it on the old one with its bottom
 * rule, then mark 续表 and repeat its header rows on the new one. */
static void
table_break(rg_flow *c, rg_page *old, double old_y, rg_page **page, double *y,
    const rg_vitem *v)
{
	const rg_theme *th = c->th;
	double text_w = text_width(th, old->landscape);
	rg_box *r = RG_PUSH(old->boxes, old->nboxes, old->cap);
	memset(r, 0, sizeof *r);
	r->kind = RG_BOX_RULE;
	r->x = th->margin_left;
	r->y = old_y;
	r->w = text_w;
	r->line_width = 1.2;
	double h = th->small_size * 1.8;
	const char *label = v->cont_label != NULL ? v->cont_label :
	    c->out->meta.continued != NULL ? c->out->meta.continued : "续表";
	if (v->cont_centred)
		rg_flow_text(c, &(*page)->boxes, &(*page)->nboxes, &(*page)->cap, label,
		    RG_FONT_HEI, th->small_size + 1, th->margin_left + text_w / 2,
		    *y + rg_flow_baseline(h, th->small_size + 1), RG_PALIGN_CENTER, 0);
	else
		rg_flow_text(c, &(*page)->boxes, &(*page)->nboxes, &(*page)->cap, label,
		    RG_FONT_KAI, th->small_size + 1, th->margin_left + text_w,
		    *y + rg_flow_baseline(h, th->small_size + 1), RG_PALIGN_RIGHT, 0);
	*y += h;
	for (size_t k = v->repeat_from; k < v->repeat_to; k++) {
		rg_vitem copy = c->items[k];
		copy.outline_level = 0;
		place(c->out, *page, &copy, *y);
		*y += copy.height;
	}
	/* the group the first row is under, marked （续） */
	if (v->cont_group > 0 && !v->group_row) {
		const rg_vitem *g = &c->items[v->cont_group - 1];
		place(c->out, *page, g, *y);
		*y += g->height;
	}
}

/* The paginator: the page being filled, and the landscape tables floated
 * past the text after them, runs of items [from, to) placed when the
 * portrait page they came on is full. */
typedef struct pager {
	rg_page *page;
	double y, top, bottom;
	size_t prev;             /* the item placed last, + 1; 0: none */
	size_t (*runs)[2]; size_t nruns, cap;
	int after_float;         /* the next item takes a floated table's place: */
	double float_gap;        /* no more space before it than the table had */
	size_t break_at;         /* > 0: item break_at - 1 starts a page (plan_chain) */
} pager;

/* The page as the paginator leaves it: the fill of the page it ends. */
static void
end_page(rg_flow *c, pager *pg, int full)
{
	record_fill(c->out, pg->y - pg->top, full);
	pg->page = new_page(c->out);
	pg->y = pg->top;
}

/* Where item i would start: y after the grid is taken back up, its space
 * before; returns whether it goes on a new page. */
static int
starts_page(const rg_flow *c, const pager *pg, size_t i, double *y, double *sb)
{
	const rg_theme *th = c->th;
	const rg_vitem *v = &c->items[i];
	*y = pg->y;
	*sb = 0;
	/* a landscape table starts a landscape page, and what follows it a
	 * portrait one */
	if (v->landscape != pg->page->landscape)
		return pg->y > pg->top;
	if (pg->break_at == i + 1)
		return pg->y > pg->top;
	/* on a grid (公文), what follows a table (whose rows keep their own
	 * heights) goes back on the grid */
	int after_table = pg->prev > 0 && c->items[pg->prev - 1].in_table;
	if (th->grid && th->line_pitch > 0 && after_table && !v->in_table && *y > pg->top)
		*y = pg->top + ceil((*y - pg->top) / th->line_pitch - 1e-6) * th->line_pitch;
	*sb = *y > pg->top ? v->space_before : 0;
	if (pg->after_float && *sb > pg->float_gap)
		*sb = pg->float_gap;
	/* start a chain only if all of it fits; a chain taller than a page
	 * starts at the top of one */
	int chain_start = pg->prev == 0 || !c->items[pg->prev - 1].keep_next;
	double need = chain_start ? keep_height(c, i) : v->height;
	/* inside a chain taller than a page, the closing (署名, date and the
	 * lines kept with them) still goes whole when it fits */
	if (!chain_start && v->closing && keep_height(c, i) <= pg->bottom - pg->top + 0.01)
		need = keep_height(c, i);
	return *y > pg->top && *y + *sb + need > pg->bottom + 0.01;
}

/* Item i starts a page and a chain of keep_next goes on from it: where
 * the chain does not end on this page it must break somewhere, and the
 * page would end where it fills.  When that leaves a heading (or a rule)
 * last on the page, the chain breaks instead at the latest place that
 * leaves none, else at the latest that is less bad (keep_rank): after a
 * title rather than after a heading (a title
 * and six headings in 20 pt on A5 left the fifth heading last on page 1,
 * the sixth atop page 2), never inside a table. */
static void
plan_chain(const rg_flow *c, pager *pg, size_t i)
{
	const rg_vitem *first = &c->items[i];
	double y = pg->top, bottom = pg->bottom;
	size_t j = i, last = i;       /* the item that does not fit; the one before */
	for (; j < c->nitems; j++) {
		const rg_vitem *v = &c->items[j];
		if (v->hidden)
			continue;
		if (v->landscape != first->landscape || v->in_table)
			return;
		double sb = y > pg->top ? v->space_before : 0;
		/* the closing (署名, date and the lines kept with them) goes
		 * whole to the next page when it fits one (starts_page): the
		 * chain breaks before it, so what it leaves last here must
		 * be a place a break is allowed (a 主送机关 was left alone at
		 * the foot of page 1, its body on page 2) */
		if (v->closing) {
			if (j == i || y + sb + keep_height(c, j) <= bottom + 0.01 ||
			    keep_height(c, j) > bottom - pg->top + 0.01)
				return;
			break;
		}
		if (y + sb + v->height > bottom + 0.01)
			break;
		y += sb + v->height;
		last = j;
		if (!v->keep_next)
			return;           /* the chain ends on this page */
	}
	if (j >= c->nitems || j == i)
		return;
	int rank = c->items[last].keep_rank;
	if (rank < RG_KEEP_HEADING)
		return;
	/* the latest break that leaves no heading last, else the latest
	 * that is less bad than where the page fills */
	for (int want = RG_KEEP_HEADING; want <= rank; want++)
		for (size_t k = last; k > i; k--) {
			if (c->items[k].hidden || c->items[k - 1].hidden ||
			    c->items[k - 1].keep_rank >= want)
				continue;
			pg->break_at = k + 1;
			return;
		}
}

/* Item i on the page, or on a new one. */
static void
put(rg_flow *c, pager *pg, size_t i)
{
	const rg_theme *th = c->th;
	const rg_vitem *v = &c->items[i];
	double y, sb;
	int brk = starts_page(c, pg, i, &y, &sb);
	int table_row = v->in_table && v->repeat_to > v->repeat_from;
	int cont = brk && v->landscape == pg->page->landscape && table_row &&
	    pg->prev > 0 && c->items[pg->prev - 1].in_table;
	double old_y = pg->y;
	if (brk) {
		int turn = v->landscape != pg->page->landscape;
		end_page(c, pg, !turn && v->para > 0 && pg->prev > 0 &&
		    c->items[pg->prev - 1].para == v->para && !keeps_closing(c, i));
		y = pg->y;
		sb = 0;
	}
	/* a new page, or an empty one turned */
	pg->page->landscape = v->landscape;
	pg->bottom = page_height(th, v->landscape) - th->margin_bottom;
	/* the old page by index: new_page may move the pages (ASan found
	 * the old page written after that) */
	if (cont)
		table_break(c, &c->out->pages[c->out->npages - 2], old_y, &pg->page, &y, v);
	y += sb;
	place(c->out, pg->page, v, y);
	int top = y <= pg->top + 1e-9;
	pg->y = y + v->height;
	pg->prev = i + 1;
	pg->after_float = 0;
	if (top && v->keep_next)
		plan_chain(c, pg, i);
}

/* The floated tables, each on its landscape pages, after the page they
 * came on. */
static void
flush_floats(rg_flow *c, pager *pg)
{
	for (size_t r = 0; r < pg->nruns; r++)
		for (size_t i = pg->runs[r][0]; i < pg->runs[r][1]; i++)
			if (!c->items[i].hidden)
				put(c, pg, i);
	pg->nruns = 0;
	pg->after_float = 0;
}

static void
paginate(rg_flow *c)
{
	const rg_theme *th = c->th;
	pager pg;
	memset(&pg, 0, sizeof pg);
	pg.top = th->margin_top;
	pg.bottom = th->page_h - th->margin_bottom;
	pg.page = new_page(c->out);
	pg.y = pg.top;
	for (size_t i = 0; i < c->nitems; i++) {
		const rg_vitem *v = &c->items[i];
		if (v->hidden)
			continue;
		/* a landscape table met on a portrait page with text on it
		 * floats (float: auto): the text after it fills the page, and
		 * the table comes after that page */
		if (v->landscape && v->floats && !pg.page->landscape && pg.y > pg.top) {
			size_t j = i;
			while (j < c->nitems && c->items[j].landscape && c->items[j].floats)
				j++;
			size_t (*run)[2] = RG_PUSH(pg.runs, pg.nruns, pg.cap);
			(*run)[0] = i;
			(*run)[1] = j;
			if (!pg.after_float)
				pg.float_gap = v->space_before;
			pg.after_float = 1;
			i = j - 1;
			continue;
		}
		/* they are placed when the page is full, or before the next
		 * table (tables keep their order) */
		double y, sb;
		if (pg.nruns > 0 && (v->table_start || starts_page(c, &pg, i, &y, &sb)))
			flush_floats(c, &pg);
		put(c, &pg, i);
	}
	if (pg.nruns > 0)
		flush_floats(c, &pg);
	record_fill(c->out, pg.y - pg.top, 0);
	free(pg.runs);
}

/* A marking such as 内部资料: in the top left corner of every page, and as
 * a light diagonal watermark drawn under the text. */
static void
marking(rg_flow *c, rg_page *page, const char *text)
{
	const rg_theme *th = c->th;
	/* 30 pt above the text block, or as near the top edge as keeps it
	 * on the page (a small margin_top put it above the edge) */
	double ms = th->small_size + 2;
	rg_flow_text(c, &page->boxes, &page->nboxes, &page->cap, text, RG_FONT_HEI,
	    ms, th->margin_left, fmax(th->margin_top - 30, ms + 4), RG_PALIGN_LEFT, 0x9A1B1B);
	double size = 64, w = rg_flow_measure(c, text, RG_FONT_HEI, size);
	double a = 35 * 3.14159265358979 / 180;
	double cx = page_width(th, page->landscape) / 2, cy = page_height(th, page->landscape) / 2;
	size_t n0 = page->nboxes;
	rg_flow_text(c, &page->boxes, &page->nboxes, &page->cap, text, RG_FONT_HEI, size,
	    cx - w / 2 * cos(a), cy + w / 2 * sin(a), RG_PALIGN_LEFT, 0xEBEBEB);
	/* one box per item: put them on the rotated baseline */
	for (size_t i = n0; i < page->nboxes; i++) {
		rg_box *b = &page->boxes[i];
		double dx = b->x - page->boxes[n0].x;
		b->x = page->boxes[n0].x + dx * cos(a);
		b->y = page->boxes[n0].y - dx * sin(a);
		b->angle = 35;
	}
}

/* The running header's text: the title, or as much of it as fits the
 * width with …… after it (cut between characters, not inside a Latin word
 * or a number); a long title ran past the text block, off the page. */
static const char *
header_text(rg_flow *c, const char *title, double width, double size)
{
	if (rg_flow_measure(c, title, RG_FONT_KAI, size) <= width)
		return title;
	size_t n = strlen(title), nb = 0;
	size_t *at = rg_xmalloc((n + 1) * sizeof *at);   /* character boundaries */
	for (size_t k = 0; k < n; ) {
		size_t l;
		rg_utf8_decode(title + k, n - k, &l);
		at[nb++] = k;
		k += l > 0 ? l : 1;
	}
	rg_buf b = { 0 };
	size_t lo = 0, hi = nb;     /* the longest prefix that fits, in characters */
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;
		rg_buf_clear(&b);
		rg_buf_put(&b, title, at[mid]);
		rg_buf_puts(&b, "……");
		if (rg_flow_measure(c, rg_buf_cstr(&b), RG_FONT_KAI, size) <= width)
			lo = mid;
		else
			hi = mid - 1;
	}
	size_t k = lo;
	while (k > 0 && k < nb && isalnum((unsigned char)title[at[k] - 1]) &&
	    isalnum((unsigned char)title[at[k]]))
		k--;
	while (k > 0 && (title[at[k] - 1] == ' ' || title[at[k] - 1] == '\t'))
		k--;
	rg_buf_clear(&b);
	rg_buf_put(&b, title, k > 0 ? at[k] : 0);
	rg_buf_puts(&b, "……");
	const char *r = rg_arena_strdup(c->out->arena, rg_buf_cstr(&b));
	rg_buf_free(&b);
	free(at);
	return r;
}

/* Running header (the document title, from page 2 on) and page numbers,
 * as the theme says. */
static void
furniture(rg_flow *c)
{
	const rg_theme *th = c->th;
	rg_layout *l = c->out;
	for (size_t i = 0; i < l->npages; i++) {
		rg_page *page = &l->pages[i];
		int ls = page->landscape;
		double cx = th->margin_left + text_width(th, ls) / 2;
		if (i > 0 && th->running_header && l->meta.title != NULL) {
			double y = th->margin_top - 18;
			rg_flow_text(c, &page->boxes, &page->nboxes, &page->cap,
			    header_text(c, l->meta.title, text_width(th, ls), th->small_size),
			    RG_FONT_KAI, th->small_size, cx, y, RG_PALIGN_CENTER, th->muted_color);
			rg_box *r = RG_PUSH(page->boxes, page->nboxes, page->cap);
			memset(r, 0, sizeof *r);
			r->kind = RG_BOX_RULE;
			r->x = th->margin_left;
			r->y = y + 6;
			r->w = text_width(th, ls);
			r->line_width = 0.5;
			r->color = th->muted_color;
		}
		if (l->meta.marking != NULL)
			marking(c, page, l->meta.marking);
		if (th->page_number[0] == '\0' || page->unnumbered)
			continue;
		rg_buf num = { 0 };
		const char *fmt = th->page_number, *at = strstr(fmt, "{n}");
		if (at != NULL)
			rg_buf_printf(&num, "%.*s%zu%s", (int)(at - fmt), fmt, i + 1, at + 3);
		else
			rg_buf_puts(&num, fmt);
		/* the top of the figures page_number_offset below the text block */
		double y = page_height(th, ls) - th->margin_bottom + th->page_number_offset +
		    0.88 * th->page_number_size;
		double x = cx;
		rg_palign al = RG_PALIGN_CENTER;
		/* GB/T 9704: odd pages right, even pages left, one character in */
		if (th->page_number_outside) {
			int odd = (i + 1) % 2 == 1;
			x = odd ? page_width(th, ls) - th->margin_right - th->page_number_size
			    : th->margin_left + th->page_number_size;
			al = odd ? RG_PALIGN_RIGHT : RG_PALIGN_LEFT;
		}
		rg_flow_text(c, &page->boxes, &page->nboxes, &page->cap, rg_buf_cstr(&num),
		    RG_FONT_SONG, th->page_number_size, x, y, al, 0);
		rg_buf_free(&num);
	}
}

void
rg_layout_free(rg_layout *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->npages; i++)
		free(l->pages[i].boxes);
	free(l->pages);
	free(l->outline);
	free(l->faces_used);
	free(l->lines);
	free(l->page_fill);
	free(l->page_full);
	rg_arena_free(l->arena);
	free(l);
}

static const char *
copy(rg_arena *a, const char *s)
{
	return s ? rg_arena_strdup(a, s) : NULL;
}

static int
has_kind(const rg_block *b, rg_block_kind kind)
{
	for (; b != NULL; b = b->next)
		if (b->kind == kind || has_kind(b->first_child, kind))
			return 1;
	return 0;
}

/* One complete layout; toc: the outline of the previous pass, if any. */
static rg_layout *
layout_pass(const rg_doc *doc, const rg_layout_opts *o, rg_diag *d,
    const rg_layout *prev)
{
	rg_flow c;
	memset(&c, 0, sizeof c);
	c.th = o->theme;
	c.m = o->metrics;
	c.d = d;
	c.env.metrics = o->metrics;
	c.env.diag = d;
	c.env.allow_missing = o->allow_missing_glyphs;
	c.cell_frames = o->cell_frames;
	c.env.wide_em = c.th->char_pitch > 0 ? c.th->char_pitch / c.th->body_size : 0;
	c.text_w = c.th->page_w - c.th->margin_left - c.th->margin_right;
	c.root = doc->root;
	if (prev != NULL) {
		c.toc = prev->outline;
		c.ntoc = prev->noutline;
	}

	rg_layout *l = rg_xcalloc(1, sizeof *l);
	l->arena = rg_arena_new();
	l->width = c.th->page_w;
	l->height = c.th->page_h;
	l->nfaces = 256;
	l->faces_used = rg_xcalloc(l->nfaces, sizeof *l->faces_used);
	l->meta.title = copy(l->arena, doc->meta.title);
	l->meta.subtitle = copy(l->arena, doc->meta.subtitle);
	l->meta.author = copy(l->arena, doc->meta.author);
	l->meta.subject = copy(l->arena, doc->meta.subject);
	l->meta.keywords = copy(l->arena, doc->meta.keywords);
	l->meta.date = copy(l->arena, doc->meta.date);
	l->meta.marking = copy(l->arena, doc->meta.marking);
	l->meta.continued = copy(l->arena, doc->meta.continued);
	c.out = l;

	int errors_before = d->errors;
	frame f = { c.th->margin_left, c.text_w, c.th->body_role, 0, 0, 0 };
	c.gongwen = doc->meta.gongwen;
	rg_gongwen_head(&c, c.gongwen, f.x, f.width);
	if (doc->root->first_child == NULL || doc->root->first_child->kind != RG_BLOCK_TITLE)
		rg_gongwen_recipients(&c, c.gongwen, f.x, f.width);
	build_blocks(&c, doc->root->first_child, f);
	if (!has_kind(doc->root, RG_BLOCK_DATELINE)) {
		/* with no dateline the 附件说明 and the 附注 close the
		 * document: the last two lines of the body go with them, as
		 * with a signature (7.3.5.5); the 附注 stood alone on a page */
		size_t n0 = c.nitems;
		rg_gongwen_attachments(&c, c.gongwen, f.x, f.width);
		rg_gongwen_note(&c, c.gongwen, f.x, f.width);
		for (size_t k = n0; k > 0 && k + 2 > n0 && c.nitems > n0; k--) {
			c.items[k - 1].keep_next = 1;
			c.items[k - 1].closing = 2;
		}
		for (size_t k = n0; k < c.nitems; k++) {
			c.items[k].keep_next = k + 1 < c.nitems;
			c.items[k].closing = 1;
		}
	}
	paginate(&c);
	rg_gongwen_foot(&c, c.gongwen);
	furniture(&c);

	for (size_t i = 0; i < c.nitems; i++) {
		free(c.items[i].boxes);
		free(c.items[i].lines);
	}
	free(c.items);
	rg_lb_env_free(&c.env);
	if (d->errors > errors_before) {
		rg_layout_free(l);
		return NULL;
	}
	return l;
}

static int
same_pages(const rg_layout *a, const rg_layout *b)
{
	if (a->noutline != b->noutline)
		return 0;
	for (size_t i = 0; i < a->noutline; i++)
		if (a->outline[i].page != b->outline[i].page)
			return 0;
	return 1;
}

rg_layout *
rg_layout_run(const rg_doc *doc, const rg_layout_opts *o, rg_diag *d)
{
	rg_layout *l = layout_pass(doc, o, d, NULL);
	if (l != NULL && l->npages > RG_LAYOUT_MAX_PAGES) {
		const rg_block *first = doc->root->first_child;
		rg_msg(d, RG_M_LIMIT, rg_pos_make(first ? first->pos.file : NULL, 0, 0),
		    "the document "
		    "runs to %zu pages: the limit is %d", l->npages, RG_LAYOUT_MAX_PAGES);
		rg_layout_free(l);
		return NULL;
	}
	if (l == NULL || !has_kind(doc->root, RG_BLOCK_TOC))
		return l;
	/* a table of contents needs the pages of the headings: lay out again
	 * with them until they stay put (the entries' lines do not change, so
	 * this settles at once; three passes at most) */
	for (int pass = 0; pass < 2; pass++) {
		rg_diag quiet = *d;
		FILE *devnull = fopen("/dev/null", "w");
		quiet.out = devnull ? devnull : d->out;
		rg_layout *next = layout_pass(doc, o, &quiet, l);
		if (devnull)
			fclose(devnull);
		if (next == NULL)
			return l;
		int stable = same_pages(l, next);
		rg_layout_free(l);
		l = next;
		if (stable)
			break;
	}
	return l;
}
