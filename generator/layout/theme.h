/* theme.h -- page, fonts and spacing of a document, read from a theme file.
 *
 * A theme is data: templates/themes/NAME.yaml, a flat YAML mapping whose
 * keys are documented in docs/themes.md.  Keys left out keep the defaults
 * of rg_theme_defaults (the briefing theme), the sizes scaled to the
 * theme's body_size when it gives one.
 */
#ifndef RG_THEME_H
#define RG_THEME_H

#include "../base/diag.h"
#include "../template/words.h"

typedef struct rg_theme {
	double page_w, page_h;                 /* pt */
	double margin_top, margin_bottom, margin_left, margin_right;
	int body_role;                         /* font role of body text */
	double body_size, line_pitch;          /* pt; pitch = baseline to baseline */
	double char_pitch;                     /* > 0: wide characters on this grid */
	int grid;                              /* every line on the line_pitch grid */
	int grid_lines, grid_chars;            /* the grid, when set (公文: 22 x 28) */
	double para_gap;                       /* extra space between paragraphs */
	int widow_control;                     /* no single paragraph line alone atop or
	                                        * at the foot of a page */
	double indent_em;                      /* first-line indent of paragraphs */
	double heading_size[4];                /* levels 1-4 (5, 6 use level 4) */
	int heading_role[4];
	int heading_numbers;                   /* 一、（一）1.（1） added automatically */
	double heading_indent_em;              /* headings indented like paragraphs (公文) */
	double title_size, subtitle_size;
	int title_role, subtitle_role;
	double code_size, small_size, table_size;
	double table_min_size;   /* tables shrink to fit down to this */
	int table_continued_caption;   /* 续 pages repeat the caption, not 续表N */
	int running_header;                    /* the title atop every page but the first */
	double dateline_indent_em;             /* the date's right indent (公文: 4) */
	char page_number[32];                  /* "— {n} —"; empty: none */
	double page_number_size;
	double page_number_offset;             /* below the text block, pt */
	int page_number_outside;               /* odd pages right, even left (公文) */
	unsigned link_color, muted_color, code_bg;
	/* words reportgen writes, replaced: words (either script), then
	 * words_hans / words_hant (that script only), in this order; a
	 * template's own words replace them in turn */
	rg_word_setting words[RG_WORD_SETTINGS_MAX];
	size_t nwords;
} rg_theme;

/* The briefing theme, built in: what a theme file starts from. */
void rg_theme_defaults(rg_theme *t);

/* Read a theme file over the defaults.  0, or -1 after reporting. */
int rg_theme_load(rg_theme *t, const char *path, rg_diag *d);

#endif
