/* linebreak.c -- see linebreak.h */
#include "linebreak.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/mem.h"
#include "../base/utf8.h"

/* ---- character classes ------------------------------------------------ */

int
rg_lb_is_han(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	    (cp >= 0x3040 && cp <= 0x30FF) || cp == 0x3007;
}

int
rg_lb_is_wide(int32_t cp)
{
	return rg_lb_is_han(cp) ||
	    (cp >= 0x2E80 && cp <= 0x2FDF) ||    /* radicals */
	    (cp >= 0x3000 && cp <= 0x303F) ||    /* CJK symbols and punctuation */
	    (cp >= 0x3100 && cp <= 0x31FF) ||    /* bopomofo, strokes */
	    (cp >= 0x3200 && cp <= 0x33FF) ||    /* enclosed, compatibility */
	    (cp >= 0xAC00 && cp <= 0xD7AF) ||    /* hangul */
	    (cp >= 0xFE30 && cp <= 0xFE4F) ||    /* CJK compatibility forms */
	    (cp >= 0xFF01 && cp <= 0xFF60) ||    /* full-width forms */
	    (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    (cp >= 0x2018 && cp <= 0x201F) ||    /* quotation marks */
	    cp == 0x2014 || cp == 0x2015 || cp == 0x2026 || cp == 0x00B7 ||
	    cp == 0x2E3A || cp == 0x25CB || cp == 0x25CF || cp == 0x2022 ||
	    (cp >= 0x2460 && cp <= 0x24FF) ||    /* circled numbers ① */
	    cp == 0x203B || cp == 0x2103 || cp == 0x2116 || cp == 0x2264 || cp == 0x2265;
}

static int
in_set(int32_t cp, const int32_t *set)
{
	for (; *set; set++)
		if (*set == cp)
			return 1;
	return 0;
}

/* TYPESETTING.md: 。？！，、；：．”’）］〕】》〉」』〗｝…—～·%‰ and closing brackets */
static const int32_t no_start[] = {
	0x3002, 0xFF1F, 0xFF01, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF0E, 0x201D, 0x2019,
	0xFF09, 0xFF3D, 0x3015, 0x3011, 0x300B, 0x3009, 0x300D, 0x300F, 0x3017, 0xFF5D,
	0x2026, 0x2014, 0xFF5E, 0x00B7, 0x0025, 0x2030, 0xFF05, 0x3019, 0x301B, 0x301F,
	0x2E3A, 0x30FB, 0xFF64, 0xFF61, 0xFE50, 0xFE52,
	')', ']', '}', ',', '.', ':', ';', '!', '?', 0
};

/* TYPESETTING.md: “‘（［〔【《〈「『〖｛ and opening brackets */
static const int32_t no_end[] = {
	0x201C, 0x2018, 0xFF08, 0xFF3B, 0x3014, 0x3010, 0x300A, 0x3008, 0x300C, 0x300E,
	0x3016, 0xFF5B, 0x3018, 0x301A, 0x301D,
	'(', '[', '{', 0
};

int
rg_lb_no_start(int32_t cp)
{
	return in_set(cp, no_start);
}

int
rg_lb_no_end(int32_t cp)
{
	return in_set(cp, no_end);
}

static int
is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 ||
	    cp == 0xA0;
}

static int
is_letter(int32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

static int
is_alnum(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F);
}

/* ---- building items --------------------------------------------------- */

void
rg_lb_para_init(rg_lb_para *p, rg_lb_env *env, double max_width, int preserve)
{
	memset(p, 0, sizeof *p);
	p->env = env;
	p->max_width = max_width;
	p->preserve = preserve;
}

void
rg_lb_para_free(rg_lb_para *p)
{
	free(p->items);
	p->items = NULL;
	p->n = p->cap = 0;
}

void
rg_lb_env_free(rg_lb_env *env)
{
	free(env->reported);
	env->reported = NULL;
	env->nreported = env->cap_reported = 0;
	rg_lb_words_free(env);
}

static rg_lb_item *
push(rg_lb_para *p, rg_lb_type type, const rg_lb_style *st)
{
	rg_lb_item *it = RG_PUSH(p->items, p->n, p->cap);
	memset(it, 0, sizeof *it);
	it->type = type;
	it->text = "";
	it->face = -1;
	if (st != NULL) {
		it->size = st->size;
		it->color = st->color;
		it->url = st->url;
	}
	return it;
}

static rg_lb_item *
last_item(rg_lb_para *p)
{
	return p->n ? &p->items[p->n - 1] : NULL;
}

/* Face for cp, reporting a missing glyph once per code point. */
static int
face_for(rg_lb_para *p, const rg_lb_style *st, int32_t cp, rg_pos pos)
{
	rg_lb_env *env = p->env;
	int primary;
	int face = env->metrics->lookup(env->metrics->ctx, st->role, cp, &primary);
	if (face >= 0 && primary)
		return face;
	for (size_t i = 0; i < env->nreported; i++)
		if (env->reported[i] == cp)
			return face >= 0 ? face : 0;
	*RG_PUSH(env->reported, env->nreported, env->cap_reported) = cp;
	char utf8[5] = { 0 };
	rg_utf8_encode(cp, utf8);
	if (face >= 0) {
		int first = env->metrics->lookup(env->metrics->ctx, st->role, 0x4E00, &primary);
		rg_msg(env->diag, RG_M_GLYPH_FALLBACK, pos, "character '%s' (U+%04X) is not in %s; "
		    "taken from %s", utf8, (unsigned)cp,
		    env->metrics->family(env->metrics->ctx, first),
		    env->metrics->family(env->metrics->ctx, face));
		return face;
	}
	if (env->allow_missing)
		rg_msg(env->diag, RG_M_GLYPH_DROPPED, pos,
		    "character '%s' (U+%04X) is in no configured "
		    "font; it is left out", utf8, (unsigned)cp);
	else
		rg_msg(env->diag, RG_M_GLYPH_MISSING, pos,
		    "character '%s' (U+%04X) is in no configured "
		    "font (see fonts/fonts.conf)", utf8, (unsigned)cp);
	return -1;
}

static double
advance(rg_lb_para *p, int face, int32_t cp, double size)
{
	return p->env->metrics->advance(p->env->metrics->ctx, face, cp) * size / 1000.0;
}

static void
add_glue(rg_lb_para *p, const rg_lb_style *st, double width, int visible)
{
	rg_lb_item *prev = last_item(p);
	if (prev == NULL || prev->type == RG_LB_BREAK)
		return;                 /* no glue at the start of a paragraph or line */
	if (prev->type == RG_LB_GLUE) {
		if (width > prev->width)
			prev->width = width;
		prev->visible |= visible;
		return;
	}
	rg_lb_item *g = push(p, RG_LB_GLUE, st);
	g->width = width;
	g->visible = visible;
}

/* An inter-word space, as wide as the font's space. */
static void
add_space(rg_lb_para *p, const rg_lb_style *st, rg_pos pos)
{
	int f = face_for(p, st, ' ', pos);
	add_glue(p, st, f < 0 ? st->size * 0.3 : advance(p, f, ' ', st->size), 1);
}

/* ¼ em between Han and a Latin letter or digit (TYPESETTING.md). */
static void
han_latin_glue(rg_lb_para *p, const rg_lb_style *st, int32_t cp)
{
	rg_lb_item *prev = last_item(p);
	/* code keeps its columns: a wide character is two, nothing between */
	if (p->preserve || prev == NULL || prev->type == RG_LB_GLUE || prev->type == RG_LB_BREAK)
		return;
	int prev_han = rg_lb_is_han(prev->last), cur_han = rg_lb_is_han(cp);
	if ((prev_han && is_alnum(cp) && prev->type == RG_LB_WIDE) ||
	    (cur_han && is_alnum(prev->last) && prev->type == RG_LB_WORD))
		add_glue(p, st, st->size * 0.25, 0);
}

/* Full-width punctuation whose glyph fills the left half of the em box
 * (mainland style), and the opening marks that fill the right half. */
static const int32_t ink_left[] = {
	0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09, 0x300B, 0x300D,
	0x300F, 0x3011, 0x3015, 0x3009, 0x201D, 0x2019, 0
};
static const int32_t ink_right[] = {
	0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x201C, 0x2018, 0
};

static int
is_cjk_punct(int32_t cp)
{
	return in_set(cp, ink_left) || in_set(cp, ink_right);
}

/* Which half of the em box the glyph of the punctuation mark cp holds in
 * face: -1 the left, 1 the right, 0 neither (centred, as the Taiwan and
 * Hong Kong faces set 。，、；：！？), measured from the glyph when the
 * metrics can, else as the mainland style of the sets above. */
static int
ink_side(rg_lb_para *p, int face, int32_t cp)
{
	const rg_metrics *m = p->env->metrics;
	double x0, x1;
	if (m->ink != NULL && face >= 0 && m->ink(m->ctx, face, cp, &x0, &x1) == 0) {
		double adv = m->advance(m->ctx, face, cp);
		if (adv > 0 && x1 <= adv * 0.55)
			return -1;
		if (adv > 0 && x0 >= adv * 0.45)
			return 1;
		return 0;
	}
	return in_set(cp, ink_left) ? -1 : in_set(cp, ink_right) ? 1 : 0;
}

/* Advance of a wide item on the grid, and punctuation compression: 。” or
 * ，“ take 1.5 em.  The grid's difference from the font's advance is spread
 * over the glyphs as `adjust` (the pdf stage's character spacing); the
 * first mark of a compressed pair is marked `half` and is half an em
 * narrower (the pdf stage gives it a width that says so, so that text
 * extraction sees the glyphs in order).  On the grid (公文) no pair is
 * compressed: every mark is a character of the 28 and keeps its cell, so
 * that what follows stays on its column and a full line is 28 cells (a
 * compressed pair left lines half a cell short). */
static void
settle_wide(rg_lb_para *p, rg_lb_item *it, double natural)
{
	double width = natural;
	if (p->env->wide_em > 0 && rg_lb_is_wide(it->first))
		width = it->nglyphs * it->size * p->env->wide_em;
	it->width = width;
	it->adjust = (width - natural) / it->nglyphs;
	if (p->env->wide_em > 0)
		return;
	rg_lb_item *prev = it > p->items ? it - 1 : NULL;
	if (prev != NULL && prev->type == RG_LB_WIDE && prev->nglyphs == 1 &&
	    is_cjk_punct(prev->last) && is_cjk_punct(it->first) &&
	    (ink_side(p, prev->face, prev->last) < 0 || ink_side(p, it->face, it->first) > 0)) {
		if (!prev->half) {
			prev->width -= prev->size * 0.5;
			prev->half = 1;
		}
	}
}

/* Split a word wider than the line into single characters. */
static void
split_wide_word(rg_lb_para *p)
{
	rg_lb_item w = p->items[p->n - 1];
	p->n--;
	size_t off = 0;
	while (off < w.len) {
		size_t l;
		int32_t cp = rg_utf8_decode(w.text + off, w.len - off, &l);
		rg_lb_item *it = RG_PUSH(p->items, p->n, p->cap);
		*it = w;
		it->type = RG_LB_WIDE;   /* breakable on both sides */
		it->text = w.text + off;
		it->len = l;
		it->first = it->last = cp;
		it->nglyphs = 1;
		it->adjust = 0;
		it->width = advance(p, w.face, cp, w.size);
		off += l;
	}
}

static int
is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* A space between groups of digits (16 384, 1 048 576: the thousands
 * separator of ISO 80000 and GB 3101) is part of the number, which never
 * breaks (TYPESETTING.md) and is not spread: the word before it, of digits
 * and such spaces only, whose last group has one to three digits, takes it
 * when exactly three digits follow.  Returns whether it did. */
static int
digit_group_space(rg_lb_para *p, const rg_lb_style *st, const char *text, size_t n,
    size_t i, rg_pos pos)
{
	rg_lb_item *prev = last_item(p);
	if (prev == NULL || prev->type != RG_LB_WORD || prev->text + prev->len != text + i ||
	    prev->size != st->size || prev->color != st->color || prev->url != st->url)
		return 0;
	/* the first group has one to three digits, the others three */
	size_t group = 0, groups = 0;
	for (size_t k = 0; k <= prev->len; k++) {
		if (k == prev->len || prev->text[k] == ' ') {
			if (group == 0 || group > 3 || (groups > 0 && group != 3))
				return 0;
			groups++;
			group = 0;
		} else if (is_digit((unsigned char)prev->text[k])) {
			group++;
		} else {
			return 0;
		}
	}
	size_t k = i + 1, digits = 0;
	while (k < n && is_digit((unsigned char)text[k]) && digits < 4) {
		k++;
		digits++;
	}
	if (digits != 3)
		return 0;
	int face = face_for(p, st, ' ', pos);
	if (face != prev->face)
		return 0;
	prev->len++;
	prev->last = ' ';
	prev->nglyphs++;
	prev->width += advance(p, face, ' ', st->size);
	return 1;
}

void
rg_lb_add_text(rg_lb_para *p, const char *text, const rg_lb_style *st, rg_pos pos)
{
	size_t n = strlen(text), i = 0, chars = 0;
	while (i < n) {
		size_t l;
		int32_t cp = rg_utf8_decode(text + i, n - i, &l);
		if (cp < 0)
			cp = 0xFFFD;   /* inputs are validated; never trust it here */
		size_t ci = chars++;   /* characters before this one: each pass takes one */
		if (p->pending_soft) {
			p->pending_soft = 0;
			if (!(p->wide_before_soft && rg_lb_is_wide(cp)))
				add_space(p, st, pos);
		}
		if (cp == '\n' && p->preserve) {
			rg_lb_add_hardbreak(p);
			i += l;
			continue;
		}
		if (is_space(cp) && !p->preserve) {
			if (cp == ' ' && digit_group_space(p, st, text, n, i, pos)) {
				i += l;
				continue;
			}
			add_space(p, st, pos);
			/* PM 2.5, No. 5 with a no-break space: never broken */
			rg_lb_item *g = last_item(p);
			if (cp == 0xA0 && g != NULL && g->type == RG_LB_GLUE)
				g->nobreak = 1;
			i += l;
			continue;
		}
		if (cp < 0x20 && cp != '\t') {
			i += l;                    /* control characters are not drawn */
			continue;
		}
		if (cp == '\t')
			cp = ' ';
		rg_pos cpos = pos;       /* the character's own column, in characters */
		if (cpos.line > 0 && cpos.col > 0)
			cpos.col += (int)ci;
		int face = face_for(p, st, cp, cpos);
		if (face < 0) {
			i += l;
			continue;
		}
		han_latin_glue(p, st, cp);
		rg_lb_item *prev = last_item(p);
		int wide = rg_lb_is_wide(cp) || (p->preserve && cp == ' ');
		/* a token goes on in a new piece after / or _, or after a dot
		 * between letters (not in 1315.7 or PM2.5): a soft break */
		int soft = prev != NULL && prev->type == RG_LB_WORD && !wide && !p->preserve &&
		    is_alnum(cp) && prev->len >= 2 && (prev->last == '/' || prev->last == '_' ||
		    (prev->last == '.' && is_letter(cp) &&
		     is_letter((unsigned char)prev->text[prev->len - 2])));
		/* …… and —— stay one unit; a word goes on while letters follow in
		 * the same face and style */
		if (prev != NULL && prev->face == face && prev->size == st->size &&
		    prev->color == st->color && prev->url == st->url &&
		    prev->text + prev->len == text + i &&
		    ((prev->type == RG_LB_WORD && !wide && !soft) ||
		     (prev->type == RG_LB_WIDE && (cp == 0x2026 || cp == 0x2014) &&
		      prev->last == cp && prev->first == cp && prev->len == l))) {
			double natural = prev->width - prev->adjust * prev->nglyphs +
			    advance(p, face, cp, st->size);
			prev->len += l;
			prev->last = cp;
			prev->nglyphs++;
			if (prev->type == RG_LB_WIDE)
				settle_wide(p, prev, natural);
			else
				prev->width = natural;
		} else {
			rg_lb_item *it = push(p, wide ? RG_LB_WIDE : RG_LB_WORD, st);
			/* a tab in code is drawn as a space (its glyph is .notdef) */
			it->text = text[i] == '\t' ? " " : text + i;
			it->len = l;
			it->first = it->last = cp;
			it->face = face;
			it->nglyphs = 1;
			it->width = advance(p, face, cp, st->size);
			it->soft_before = soft;
			if (wide)
				settle_wide(p, it, it->width);
		}
		prev = last_item(p);
		if (prev->type == RG_LB_WORD && prev->width > p->max_width && p->max_width > 0)
			split_wide_word(p);
		i += l;
	}
}

void
rg_lb_add_softbreak(rg_lb_para *p)
{
	rg_lb_item *prev = last_item(p);
	if (prev == NULL)
		return;
	p->pending_soft = 1;
	p->wide_before_soft = prev->type == RG_LB_WIDE && rg_lb_is_wide(prev->last);
}

void
rg_lb_add_hardbreak(rg_lb_para *p)
{
	p->pending_soft = 0;
	rg_lb_item *prev = last_item(p);
	if (prev != NULL && prev->type == RG_LB_GLUE)
		p->n--;
	push(p, RG_LB_BREAK, NULL);
}

void
rg_lb_insert_break(rg_lb_para *p, size_t at)
{
	if (at > p->n)
		at = p->n;
	int glue = at > 0 && p->items[at - 1].type == RG_LB_GLUE;
	if (glue) {
		at--;      /* the space before the break goes, as at a hard break */
		p->items[at].type = RG_LB_BREAK;
		p->items[at].width = 0;
		p->items[at].visible = 0;
		return;
	}
	push(p, RG_LB_BREAK, NULL);
	rg_lb_item brk = p->items[p->n - 1];
	memmove(&p->items[at + 1], &p->items[at], (p->n - 1 - at) * sizeof *p->items);
	p->items[at] = brk;
}

/* ---- breaking --------------------------------------------------------- */

int
rg_lb_can_break(const rg_lb_item *a, const rg_lb_item *b)
{
	if (b->keep_before || rg_lb_no_start(b->first) || rg_lb_no_end(a->last))
		return 0;
	if (a->type == RG_LB_WORD && b->type == RG_LB_WORD)
		return 0;
	return 1;
}

/* May the line end before item k (k > start)?  Glue at k: the line ends
 * before the glue; glue just before k: the line ends before that glue. */
static int
break_before(const rg_lb_item *it, size_t n, size_t start, size_t k)
{
	/* glue before an item kept with the one before it (a number and its
	 * unit across the ¼-em gap: rg_lb_keep_words) is no break either */
	if (it[k].type == RG_LB_GLUE)
		return k > start && it[k - 1].type != RG_LB_GLUE && !rg_lb_no_end(it[k - 1].last) &&
		    !it[k].nobreak && !(k + 1 < n && it[k + 1].keep_before && !it[k].visible);
	if (it[k - 1].type == RG_LB_GLUE)
		return k - 1 > start && !it[k - 1].nobreak && !rg_lb_no_start(it[k].first) &&
		    !rg_lb_no_end(it[k - 2].last) && !(it[k].keep_before && !it[k - 1].visible);
	return rg_lb_can_break(&it[k - 1], &it[k]);
}

int
rg_lb_break_allowed(const rg_lb_para *p, size_t k)
{
	return k > 0 && k < p->n && break_before(p->items, p->n, 0, k);
}

double
rg_lb_widest_piece(const rg_lb_para *p, int soft)
{
	double widest = 0, piece = 0;
	for (size_t k = 0; k < p->n; k++) {
		const rg_lb_item *it = &p->items[k];
		if (it->type == RG_LB_BREAK) {
			piece = 0;
			continue;
		}
		int brk = rg_lb_break_allowed(p, k);
		if (brk || (soft && it->soft_before && !it->keep_before && k > 0 &&
		    p->items[k - 1].type == RG_LB_WORD))
			piece = 0;
		if (brk && it->type == RG_LB_GLUE)
			continue;          /* glue at a break disappears */
		piece += it->width;
		if (piece > widest)
			widest = piece;
	}
	return widest;
}

double
rg_lb_even_width(const rg_lb_para *p, double width, size_t n)
{
	double lo = width / 2, hi = width, piece = rg_lb_widest_piece(p, 0);
	if (piece > lo)
		lo = piece < hi ? piece : hi;
	for (int i = 0; i < 14; i++) {
		double mid = (lo + hi) / 2;
		rg_lb_line *tmp;
		size_t m = rg_lb_break(p, mid, 0, &tmp);
		free(tmp);
		if (m <= n)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

static void
finish_line(const rg_lb_item *it, size_t start, size_t end, int justify, rg_lb_line *ln)
{
	while (end > start && it[end - 1].type == RG_LB_GLUE)
		end--;
	ln->start = start;
	ln->end = end;
	ln->natural = 0;
	ln->stretch_points = 0;
	ln->justify = justify;
	for (size_t k = start; k < end; k++) {
		ln->natural += it[k].width;
		if (it[k].type == RG_LB_GLUE)
			ln->stretch_points++;
		else if (k > start && it[k - 1].type != RG_LB_GLUE &&
		    !(it[k - 1].type == RG_LB_WORD && it[k].type == RG_LB_WORD))
			ln->stretch_points++;
	}
}

/* On the grid (公文) a run of words and glue between wide characters takes
 * whole cells (flow.c, grid_pads): at least one, and at least as many as
 * its words squeezed by 0.1 em a glyph need.  The breaker measures a line
 * so, the runs in the fewest cells they can take, so that a line of digits
 * is as full as the grid lets it be. */
typedef struct grid_acc {
	double wide, cells;      /* wide items; whole cells of closed runs */
	double r;                /* the open run's words, and the spaces between them */
	double space;            /* a space after the run's last word, so far */
	int glyphs, open;
} grid_acc;

static double
run_cells(const grid_acc *g, double cell, double size)
{
	return fmax(1, ceil((g->r - 0.1 * size * g->glyphs) / cell - 1e-6));
}

static void
grid_add(grid_acc *g, const rg_lb_item *t, double cell, double size)
{
	if (t->type == RG_LB_WIDE) {
		if (g->open)
			g->cells += run_cells(g, cell, size);
		g->open = 0;
		g->r = 0;
		g->space = 0;
		g->glyphs = 0;
		g->wide += t->width;
		return;
	}
	g->open = 1;
	if (t->type == RG_LB_WORD) {
		/* a space between two words of the run is part of it (flow.c
		 * keeps it: English words) */
		g->r += g->space + t->width;
		g->space = 0;
		g->glyphs += t->nglyphs;
	} else if (t->type == RG_LB_GLUE && t->visible && g->glyphs > 0) {
		g->space += t->width;
	}
}

static double
grid_width(const grid_acc *g, double cell, double size)
{
	return g->wide + g->cells * cell + (g->open ? run_cells(g, cell, size) * cell : 0);
}

size_t
rg_lb_break(const rg_lb_para *p, double width, double indent, rg_lb_line **lines)
{
	const rg_lb_item *it = p->items;
	size_t n = p->n, nlines = 0, cap = 0;
	*lines = NULL;
	size_t start = 0;
	while (start < n) {
		while (start < n && it[start].type == RG_LB_GLUE)
			start++;
		if (start >= n)
			break;
		double avail = width - (nlines == 0 ? indent : 0);
		double x = 0;
		grid_acc g = { 0, 0, 0, 0, 0, 0 };
		size_t j = start, end = n, next = n;
		int justify = 0;
		for (; j < n; j++) {
			if (it[j].type == RG_LB_BREAK) {
				end = j;
				next = j + 1;
				break;
			}
			int over = x + it[j].width > avail + 1e-6;
			if (p->grid_runs && p->env->wide_em > 0) {
				/* on the grid: as the line will be drawn */
				double cell = p->env->wide_em * it[j].size;
				grid_acc after = g;
				grid_add(&after, &it[j], cell, it[j].size);
				over = it[j].type != RG_LB_GLUE &&
				    grid_width(&after, cell, it[j].size) > avail + 1e-6;
				g = after;
			}
			if (j > start && over) {
				size_t k = j;
				while (k > start && !break_before(it, n, start, k))
					k--;
				if (k == start) {
					/* no allowed break: cut here, but a word
					 * (rg_lb_keep_words) overflows the line to
					 * its end instead */
					k = j;
					while (k < n && (it[k].keep_before ||
					    (it[k].type == RG_LB_GLUE && !it[k].visible &&
					     k + 1 < n && it[k + 1].keep_before)))
						k++;
				}
				/* a line left loose before a long token ends
				 * inside it, at its last soft break that fits */
				rg_lb_line try;
				finish_line(it, start, k, 1, &try);
				if (avail - try.natural > RG_LB_LOOSE * it[start].size *
				    (try.stretch_points > 0 ? try.stretch_points : 1))
					for (size_t m = j; m > k && m > start; m--)
						if (it[m].soft_before && it[m - 1].type == RG_LB_WORD &&
						    !it[m].keep_before) {
							k = m;
							break;
						}
				end = k;
				next = k;
				justify = 1;
				break;
			}
			x += it[j].width;
		}
		rg_lb_line *ln = RG_PUSH(*lines, nlines, cap);
		finish_line(it, start, end, justify, ln);
		if (end == start && next == start)
			next = start + 1;     /* cannot happen, but never loop */
		start = next;
		if (j < n && it[j].type == RG_LB_BREAK && start == n) {
			/* a trailing forced break ends the paragraph: nothing more */
			break;
		}
	}
	return nlines;
}
