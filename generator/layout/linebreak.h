/* linebreak.h -- the Chinese line breaker (TYPESETTING.md, 避头尾).
 *
 * A paragraph is first turned into items: a single wide character (Han,
 * full-width punctuation), a Latin word or number ("1315.7", "PM2.5",
 * "10%", "16 384" with its spaces between groups of three digits), `……`
 * or `——` as one unit, or glue (a space, or the ¼-em gap
 * between Han and Latin).  The breaker then fills lines greedily:
 *   - a break is allowed between two wide items, between a wide item and a
 *     word, and at glue; never inside a word;
 *   - never before a no-line-start character nor after a no-line-end one;
 *     when the only fitting break is forbidden, the previous character is
 *     pulled down to the next line (推出), and the line is justified;
 *   - glue at a break disappears, and a no-break space (U+00A0) is glue
 *     where no line breaks; a source newline between two Han
 *     characters adds nothing;
 *   - two adjacent full-width punctuation marks take 1.5 em, not 2 (the
 *     blank half of the first is dropped);
 *   - on a character grid (公文) every wide character advances the same;
 *   - a line that would be spread more than RG_LB_LOOSE em a gap because
 *     a long token follows is broken inside the token after / _ or a dot
 *     between letters (a file name, a web address) when it can be.
 * Widths are in points; the builder measures through rg_metrics.
 */
#ifndef RG_LINEBREAK_H
#define RG_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>

#include "../base/diag.h"
#include "metrics.h"

typedef enum rg_lb_type {
	RG_LB_WIDE,              /* one wide character, or …… / —— */
	RG_LB_WORD,              /* Latin letters, digits and their punctuation */
	RG_LB_GLUE,              /* breakable space; dropped at a line break */
	RG_LB_BREAK              /* forced line break */
} rg_lb_type;

typedef struct rg_lb_item {
	rg_lb_type type;
	const char *text; size_t len;   /* UTF-8, not NUL-terminated; "" for glue */
	int32_t first, last;            /* first and last code point */
	double width;
	double adjust;           /* added to each glyph's advance (the grid) */
	int keep_before;         /* no break between this item and the one before
	                          * (inside a word: rg_lb_keep_words) */
	int glued;               /* keep_before only because the word before is of
	                          * one character (长的 | 中文): a word boundary,
	                          * where a long table header may still break */
	int half;                /* a punctuation mark whose blank half is dropped:
	                          * it advances half an em less (drawn with the
	                          * face's half-width metrics, boxes.h) */
	int soft_before;         /* a piece of a long token after / _ or a dot
	                          * between letters: the line may end before it,
	                          * only when it would otherwise be left loose */
	int nglyphs;
	int face;
	double size;
	unsigned color;
	const char *url;
	int visible;             /* glue: a real space, drawn as such */
	int nobreak;             /* glue: a no-break space (U+00A0), never a break */
} rg_lb_item;

typedef struct rg_lb_style {
	int role;                /* font role for rg_metrics */
	double size;
	unsigned color;
	const char *url;
} rg_lb_style;

/* Shared across one document: measuring, and missing-glyph reports. */
typedef struct rg_lb_env {
	const rg_metrics *metrics;
	rg_diag *diag;
	int32_t *reported; size_t nreported, cap_reported;   /* code points already reported */
	int allow_missing;       /* missing glyphs are warnings, not errors */
	double wide_em;          /* > 0: wide characters advance this many em (grid) */
	void *words;             /* ICU's word break iterator, opened on first use
	                          * (words.c) and kept for the document */
} rg_lb_env;

typedef struct rg_lb_para {
	rg_lb_env *env;
	rg_lb_item *items; size_t n, cap;
	double max_width;        /* words wider than this are split by character */
	int preserve;            /* code: keep every space, no collapsing */
	int grid_runs;           /* justified on the grid (公文): runs of words
	                          * are measured in whole cells, as drawn */
	int pending_soft;        /* a soft break waits for the next text */
	int wide_before_soft;
} rg_lb_para;

void rg_lb_para_init(rg_lb_para *p, rg_lb_env *env, double max_width, int preserve);
void rg_lb_para_free(rg_lb_para *p);
void rg_lb_env_free(rg_lb_env *env);

/* Add UTF-8 text (must stay alive while the items are used). */
void rg_lb_add_text(rg_lb_para *p, const char *text, const rg_lb_style *st, rg_pos pos);
void rg_lb_add_softbreak(rg_lb_para *p);
void rg_lb_add_hardbreak(rg_lb_para *p);
/* A forced break before item `at` (a space just before it becomes the
 * break). */
void rg_lb_insert_break(rg_lb_para *p, size_t at);

/* Allow breaks only between words (words.c, with ICU's dictionary): for
 * table headers, which must not break 地区生产总值 as 地区生 / 产总值, nor a
 * unit in brackets, nor 2015年. */
void rg_lb_keep_words(rg_lb_para *p);
/* The same at every boundary of the dictionary, one-character words too. */
void rg_lb_keep_words_loose(rg_lb_para *p);
/* Close env's word break iterator (rg_lb_env_free does). */
void rg_lb_words_free(rg_lb_env *env);

typedef struct rg_lb_line {
	size_t start, end;       /* items [start, end); end excludes trailing glue */
	double natural;          /* width of those items */
	int stretch_points;      /* places where justification adds space */
	int justify;             /* 0 for the last line and before a forced break */
} rg_lb_line;

/* The most a justified line is spread: a quarter of an em a gap.  A line
 * that would need more is broken inside a token at / _ or a dot between
 * letters (soft_before) when it can be, else it ends short. */
#define RG_LB_LOOSE 0.25

/* Break items into lines of `width`, the first line `indent` narrower.
 * *lines is malloc'd; returns the number of lines. */
size_t rg_lb_break(const rg_lb_para *p, double width, double indent, rg_lb_line **lines);

/* Does the line break rule allow a break between items a and b (adjacent,
 * neither glue)?  Exposed for tests. */
int rg_lb_can_break(const rg_lb_item *a, const rg_lb_item *b);

/* May a line end before item k of p (the rules above, glue included)? */
int rg_lb_break_allowed(const rg_lb_para *p, size_t k);

/* The widest run of p's items between the places a line may end (glue at
 * such a place left out): what no line of p can be narrower than.  With
 * soft, the soft breaks of a long token count as such places too (after
 * the / _ or dot of a web address, where rg_lb_break ends a line the token
 * would overflow). */
double rg_lb_widest_piece(const rg_lb_para *p, int soft);

/* The narrowest measure, between width / 2 (or p's widest piece, when
 * wider) and width, at which p still breaks into at most n lines: lines of
 * even length (a title of two lines, not a full line over a few
 * characters).  Found by bisection, to width / 2^14. */
double rg_lb_even_width(const rg_lb_para *p, double width, size_t n);

/* Character classes (exposed for tests and the typesetting check). */
int rg_lb_is_wide(int32_t cp);
int rg_lb_is_han(int32_t cp);
int rg_lb_no_start(int32_t cp);
int rg_lb_no_end(int32_t cp);

#endif
