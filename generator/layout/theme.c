/* theme.c -- see theme.h */
#include "theme.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "../base/buf.h"
#include "../base/suggest.h"
#include "../template/spec.h"
#include "flow.h"

#define MM(x) ((x) * 72.0 / 25.4)

void
rg_theme_defaults(rg_theme *t)
{
	memset(t, 0, sizeof *t);
	t->page_w = MM(210);
	t->page_h = MM(297);
	t->body_role = RG_FONT_SONG;
	t->body_size = 12;
	/* a text block of exactly 38 characters */
	t->margin_left = t->margin_right = (t->page_w - 38 * t->body_size) / 2;
	t->margin_top = MM(28);
	t->margin_bottom = MM(25);
	t->line_pitch = 21;
	t->para_gap = 6;
	t->widow_control = 1;
	t->indent_em = 2;
	t->heading_size[0] = 16; t->heading_role[0] = RG_FONT_HEI;
	t->heading_size[1] = 14; t->heading_role[1] = RG_FONT_HEI;
	t->heading_size[2] = 13; t->heading_role[2] = RG_FONT_KAI;
	t->heading_size[3] = 12; t->heading_role[3] = RG_FONT_HEI;
	t->title_size = 22;
	t->title_role = RG_FONT_HEI;
	t->subtitle_size = 15;
	t->subtitle_role = RG_FONT_KAI;
	t->code_size = 10;
	t->small_size = 9;
	t->table_size = 10.5;
	t->table_min_size = 7;
	t->running_header = 1;
	strcpy(t->page_number, "— {n} —");
	t->page_number_size = 10.5;
	t->page_number_offset = MM(7.3);
	t->link_color = 0x1F4E9A;
	t->muted_color = 0x666666;
	t->code_bg = 0xF2F2F2;
}

typedef enum { T_MM, T_PT, T_EM, T_INT, T_BOOL, T_ROLE, T_COLOR, T_TEXT } ktype;

/* Each number has limits, in the key's own unit (docs/themes.md): a PDF
 * page is at most 14,400 pt (5,080 mm) a side, and values beyond what a
 * page can hold make no layout. */
typedef struct key {
	const char *name;
	ktype type;
	size_t off;
	double min, max;         /* for numbers; min excluded when it is 0 */
} key;

#define K(name, type, field) { name, type, offsetof(rg_theme, field), 0, 0 }
#define KL(name, type, field, lo, hi) { name, type, offsetof(rg_theme, field), lo, hi }
static const key keys[] = {
	KL("page_width", T_MM, page_w, 20, 5080), KL("page_height", T_MM, page_h, 20, 5080),
	KL("margin_top", T_MM, margin_top, -1, 2500), KL("margin_bottom", T_MM, margin_bottom, -1, 2500),
	KL("margin_left", T_MM, margin_left, -1, 2500), KL("margin_right", T_MM, margin_right, -1, 2500),
	K("body_font", T_ROLE, body_role), KL("body_size", T_PT, body_size, 0, 500),
	KL("line_pitch", T_PT, line_pitch, 0, 1000), KL("grid_lines", T_INT, grid_lines, -1, 1000),
	KL("grid_chars", T_INT, grid_chars, -1, 1000), KL("paragraph_gap", T_PT, para_gap, -1, 1000),
	K("indent", T_EM, indent_em), K("widow_control", T_BOOL, widow_control),
	K("heading1_size", T_PT, heading_size[0]), K("heading1_font", T_ROLE, heading_role[0]),
	K("heading2_size", T_PT, heading_size[1]), K("heading2_font", T_ROLE, heading_role[1]),
	K("heading3_size", T_PT, heading_size[2]), K("heading3_font", T_ROLE, heading_role[2]),
	K("heading4_size", T_PT, heading_size[3]), K("heading4_font", T_ROLE, heading_role[3]),
	K("heading_numbers", T_BOOL, heading_numbers),
	K("heading_indent", T_EM, heading_indent_em),
	K("title_size", T_PT, title_size), K("title_font", T_ROLE, title_role),
	K("subtitle_size", T_PT, subtitle_size), K("subtitle_font", T_ROLE, subtitle_role),
	K("code_size", T_PT, code_size), K("small_size", T_PT, small_size),
	K("table_size", T_PT, table_size), K("table_min_size", T_PT, table_min_size),
	K("table_continued_caption", T_BOOL, table_continued_caption),
	K("running_header", T_BOOL, running_header),
	K("dateline_indent", T_EM, dateline_indent_em),
	K("page_number", T_TEXT, page_number), K("page_number_size", T_PT, page_number_size),
	K("page_number_offset", T_MM, page_number_offset),
	K("page_number_outside", T_BOOL, page_number_outside),
	K("link_color", T_COLOR, link_color), K("muted_color", T_COLOR, muted_color),
	K("code_background", T_COLOR, code_bg),
};
#undef K
#define NKEYS (sizeof keys / sizeof *keys)

static const char *const roles[] = { "song", "hei", "kai", "mono", "fang", "biaosong",
	NULL };

static int
set(rg_theme *t, const key *k, const char *v, rg_pos pos, rg_diag *d)
{
	char *p = (char *)t + k->off;
	char *end;
	switch (k->type) {
	case T_MM: case T_PT: case T_EM: {
		double x = strtod(v, &end);
		const char *unit = k->type == T_MM ? "mm" : k->type == T_PT ? "pt" : "em";
		if (*v == '\0' || *end != '\0' || !(x >= 0 && x < 10000)) {
			rg_msg(d, RG_M_THEME_VALUE, pos,
			    "%s must be a number %s, found '%s'", k->name,
			    k->type == T_MM ? "of millimetres" : k->type == T_PT ?
			    "of points" : "of em", v);
			return -1;
		}
		/* font sizes: more than 0, at most 500 pt */
		size_t nl = strlen(k->name);
		int size_key = nl > 5 && strcmp(k->name + nl - 5, "_size") == 0;
		double lo = k->max > 0 ? k->min : size_key ? 0 : -1;
		double hi = k->max > 0 ? k->max : size_key ? 500 : 0;
		if (hi > 0 && (x > hi || (lo > 0 && x < lo) || (lo == 0 && x == 0))) {
			if (lo > 0)
				rg_msg(d, RG_M_THEME_RANGE, pos,
				    "%s must be from %g to %g %s, found '%s'", k->name,
				    lo, hi, unit, v);
			else if (lo == 0)
				rg_msg(d, RG_M_THEME_RANGE, pos,
				    "%s must be more than 0 and at most %g %s, found "
				    "'%s'", k->name, hi, unit, v);
			else
				rg_msg(d, RG_M_THEME_RANGE, pos,
				    "%s must be at most %g %s, found '%s'", k->name,
				    hi, unit, v);
			return -1;
		}
		*(double *)p = k->type == T_MM ? MM(x) : x;
		return 0;
	}
	case T_INT: {
		long x = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || x < 0 || x > 1000) {
			rg_msg(d, RG_M_THEME_RANGE, pos,
			    "%s must be a whole number from 0 to 1000, found '%s'",
			    k->name, v);
			return -1;
		}
		*(int *)p = (int)x;
		return 0;
	}
	case T_BOOL:
		if (strcmp(v, "true") == 0 || strcmp(v, "false") == 0) {
			*(int *)p = v[0] == 't';
			return 0;
		}
		rg_msg(d, RG_M_THEME_VALUE, pos,
		    "%s must be true or false, found '%s'", k->name, v);
		return -1;
	case T_ROLE:
		for (int r = 0; roles[r] != NULL; r++)
			if (strcmp(v, roles[r]) == 0) {
				*(int *)p = r;
				return 0;
			}
		rg_msg(d, RG_M_THEME_VALUE, pos,
		    "%s must be a font role (song, hei, kai, mono, fang or biaosong), "
		    "found '%s'", k->name, v);
		return -1;
	case T_COLOR: {
		unsigned long x = strtoul(v + (*v == '#'), &end, 16);
		if (*v != '#' || strlen(v) != 7 || *end != '\0') {
			rg_msg(d, RG_M_THEME_VALUE, pos,
			    "%s must be a colour #RRGGBB, found '%s'", k->name, v);
			return -1;
		}
		*(unsigned *)p = (unsigned)x;
		return 0;
	}
	case T_TEXT:
		if (strlen(v) >= sizeof t->page_number) {
			rg_msg(d, RG_M_THEME_RANGE, pos, "%s is too long", k->name);
			return -1;
		}
		strcpy(p, v);
		return 0;
	}
	return -1;
}

/* A file that is not a theme is refused without showing what it holds (it
 * may be any file a template names: issue 14): the parser's messages, which
 * quote the text, are kept back, and only the place of the first is told. */
static int
parse_quietly(rg_spec *spec, rg_arena *arena, const rg_buf *text, rg_pos at, rg_diag *d)
{
	rg_diag quiet;
	rg_diag_init(&quiet, d->out);
	quiet.silent = 1;
	int rc = rg_spec_parse(spec, arena, text->data ? text->data : "", text->len, at, &quiet);
	if (rc < 0 || quiet.errors > 0) {
		rg_pos p = quiet.first;
		p.file = at.file;
		if (p.line <= 0)
			p.line = 1;
		if (p.col <= 0)
			p.col = 1;
		rg_msg(d, RG_M_THEME_NOT_THEME, p, "not a theme: a theme is a flat YAML mapping "
		    "of keys to values (docs/themes.md); the file's text is not shown");
		rc = -1;
	}
	return rc;
}

/* Unknown keys that are not even names (a line of some other file) are
 * not quoted: one error, at the first. */
static int
foreign_keys(const rg_spec *spec, rg_diag *d)
{
	for (size_t i = 0; i < spec->n; i++) {
		const rg_spec_entry *e = &spec->entries[i];
		if (e->used)
			continue;
		size_t n = strlen(e->key);
		int name = n > 0 && n <= 40;
		for (const char *c = e->key; *c && name; c++)
			name = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_';
		if (!name) {
			rg_msg(d, RG_M_THEME_NOT_THEME, e->key_pos,
			    "not a theme: this line is no theme key (theme keys "
			    "are names such as body_size); the file's text is not shown");
			return 1;
		}
	}
	return 0;
}

/* words, words_hans, words_hant: lists of WORD=REPLACEMENT, checked here
 * (an unknown word is an error at its line), applied by the template
 * stage under the template's own words. */
static const char *const word_keys[] = { "words", "words_hans", "words_hant" };

static int
read_words(rg_theme *t, rg_spec *spec, rg_diag *d)
{
	int rc = 0;
	for (int k = 0; k < 3; k++) {
		rg_spec_entry *e = rg_spec_get(spec, word_keys[k]);
		for (size_t i = 0; e != NULL && i < e->nvalues; i++) {
			rg_pos at = e->value_pos[i];
			at.col += e->quoted != NULL && e->quoted[i];
			if (t->nwords == RG_WORD_SETTINGS_MAX) {
				rg_msg(d, RG_M_LIMIT, at, "%s: more than %d words replaced", word_keys[k],
				    RG_WORD_SETTINGS_MAX);
				return -1;
			}
			rg_word_setting *w = &t->words[t->nwords];
			int r = rg_word_setting_parse(e->values[i], k == 0 ? -1 : k == 1 ?
			    RG_LANG_HANS : RG_LANG_HANT, w);
			if (r == -1) {
				rg_msg(d, RG_M_KEY_VALUE, at, "%s: '%s' is not WORD=REPLACEMENT (e.g. 续表=接上表)",
				    word_keys[k], e->values[i]);
			} else if (r == -2) {
				const char *hint = rg_nearest_word(w->key, rg_word_keys, 64);
				rg_msg(d, RG_M_KEY_UNKNOWN, at, "%s: reportgen writes no word '%s'%s%s%s", word_keys[k],
				    w->key, hint ? " (did you mean '" : "", hint ? hint : "",
				    hint ? "'?)" : "");
			} else if (r == -3) {
				rg_msg(d, RG_M_KEY_VALUE, at, "%s: '%s' is too long (a word and its replacement "
				    "are at most %d and %d bytes)", word_keys[k], e->values[i],
				    RG_WORD_KEY_MAX - 1, RG_WORD_VALUE_MAX - 1);
			} else {
				t->nwords++;
				continue;
			}
			rc = -1;
		}
	}
	return rc;
}

/* The sizes that follow the body: a theme that sets body_size and not one
 * of these gets it in the proportion the defaults have to their body (a
 * 7 pt body: 5.8 pt code, 9.3 pt level-1 headings), as \small and
 * \large follow a LaTeX document's size.  At most 500 pt, the limit of a
 * size given.  Not table_min_size: the least size that can be read, not a
 * proportion of the body (gongwen's 16 pt body would make it 9.3 pt, and
 * its wide tables would no longer fit a landscape page). */
static const char *const body_relative[] = {
	"heading1_size", "heading2_size", "heading3_size", "heading4_size", "title_size",
	"subtitle_size", "code_size", "small_size", "table_size", "page_number_size",
	"paragraph_gap",
};

static void
follow_body(rg_theme *t, rg_spec *spec, double base)
{
	if (!(base > 0) || t->body_size == base)
		return;
	for (size_t i = 0; i < sizeof body_relative / sizeof *body_relative; i++) {
		if (rg_spec_get(spec, body_relative[i]) != NULL)
			continue;
		for (size_t k = 0; k < NKEYS; k++)
			if (strcmp(keys[k].name, body_relative[i]) == 0) {
				double *v = (double *)((char *)t + keys[k].off);
				*v = fmin(*v * t->body_size / base, 500);
			}
	}
}

int
rg_theme_load(rg_theme *t, const char *path, rg_diag *d)
{
	double base = t->body_size;   /* the body the sizes loaded over go with */
	rg_pos at = { path, 0, 0 };
	const char *why;
	FILE *f = rg_fopen_regular(path, &why);
	if (f == NULL) {
		rg_msg(d, RG_M_FILE_UNREADABLE, at, "cannot read theme: %s", why);
		return -1;
	}
	rg_buf text = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && text.len < 65536)
		rg_buf_put(&text, chunk, n);
	fclose(f);
	rg_arena *arena = rg_arena_new();
	rg_spec spec = { 0 };
	at.line = 1;
	at.col = 1;
	int rc = parse_quietly(&spec, arena, &text, at, d);
	const char *names[NKEYS + 4];
	for (size_t i = 0; i < NKEYS; i++)
		names[i] = keys[i].name;
	for (size_t i = 0; i < 3; i++)
		names[NKEYS + i] = word_keys[i];
	names[NKEYS + 3] = NULL;
	for (size_t i = 0; rc == 0 && i < NKEYS; i++) {
		rg_spec_entry *e = rg_spec_get(&spec, keys[i].name);
		if (e == NULL)
			continue;
		if (e->is_seq || e->nvalues != 1) {
			rg_msg(d, RG_M_THEME_VALUE, e->key_pos,
			    "%s must be a single value", keys[i].name);
			rc = -1;
		} else if (set(t, &keys[i], e->values[0], e->value_pos[0], d) < 0) {
			rc = -1;
		}
	}
	if (rc == 0 && read_words(t, &spec, d) < 0)
		rc = -1;
	if (rc == 0 && (foreign_keys(&spec, d) > 0 ||
	    rg_spec_check_unused(&spec, "theme", names, d) < 0))
		rc = -1;
	if (rc == 0 && rg_spec_get(&spec, "body_size") != NULL)
		follow_body(t, &spec, base);
	/* a grid fixes the pitches: the text block divided into lines and
	 * characters (GB/T 9704: 22 x 28) */
	double tw = t->page_w - t->margin_left - t->margin_right;
	double th = t->page_h - t->margin_top - t->margin_bottom;
	if (rc == 0 && (tw < 72 || th < 72)) {
		rg_msg(d, RG_M_THEME_RANGE, at,
		    "the margins leave a text block of %.0f x %.0f pt; at least "
		    "72 x 72 is needed", tw, th);
		rc = -1;
	}
	/* the page number and the running header go in the margins, whole
	 * (layout.c, furniture): the figures page_number_offset below the
	 * text block, the header's baseline 18 pt above it */
	double pn_need = t->page_number_offset + t->page_number_size;
	/* a size that follows body_size (follow_body) is named as such, at
	 * body_size when nothing nearer was given */
	rg_spec_entry *body_e = rg_spec_get(&spec, "body_size");
	if (rc == 0 && t->page_number[0] != '\0' && t->margin_bottom < pn_need - 1e-6) {
		rg_spec_entry *e = rg_spec_get(&spec, "margin_bottom");
		if (e == NULL)
			e = rg_spec_get(&spec, "page_number_offset");
		int follows = body_e != NULL && rg_spec_get(&spec, "page_number_size") == NULL;
		if (e == NULL && follows)
			e = body_e;
		rg_msg(d, RG_M_THEME_RANGE, e != NULL ? e->value_pos[0] : at,
		    "margin_bottom %.1f mm leaves no room for the page number, %.1f mm below "
		    "the text block (page_number_offset) and %g pt high%s: it needs at least "
		    "%.1f mm (or page_number: \"\")", t->margin_bottom * 25.4 / 72,
		    t->page_number_offset * 25.4 / 72, t->page_number_size,
		    follows ? " (page_number_size, following body_size)" : "",
		    ceil(pn_need * 25.4 / 72 * 10 - 1e-9) / 10);
		rc = -1;
	}
	double rh_need = 18 + t->small_size;
	if (rc == 0 && t->running_header && t->margin_top < rh_need - 1e-6) {
		rg_spec_entry *e = rg_spec_get(&spec, "margin_top");
		int follows = body_e != NULL && rg_spec_get(&spec, "small_size") == NULL;
		if (e == NULL && follows)
			e = body_e;
		rg_msg(d, RG_M_THEME_RANGE, e != NULL ? e->value_pos[0] : at,
		    "margin_top %.1f mm leaves no room for the running header, 18 pt above "
		    "the text block and %g pt high (small_size%s): it needs at least %.1f mm "
		    "(or running_header: false)", t->margin_top * 25.4 / 72, t->small_size,
		    follows ? ", following body_size" : "",
		    ceil(rh_need * 25.4 / 72 * 10 - 1e-9) / 10);
		rc = -1;
	}
	rg_spec_entry *size_e = rg_spec_get(&spec, "body_size");
	rg_spec_entry *pitch_e = rg_spec_get(&spec, "line_pitch");
	rg_spec_entry *grid_e = rg_spec_get(&spec, "grid_lines");
	/* a body size without a pitch keeps the default's proportion (12 pt
	 * on 21 pt), rather than 21 pt under a larger body */
	if (rc == 0 && size_e != NULL && pitch_e == NULL)
		t->line_pitch = t->body_size * 21.0 / 12.0;
	if (rc == 0 && t->grid_lines > 0) {
		t->line_pitch = th / t->grid_lines;
		t->grid = 1;
	}
	/* lines closer than the body's size overlap */
	if (rc == 0 && t->line_pitch < t->body_size - 1e-9) {
		if (t->grid)
			rg_msg(d, RG_M_THEME_RANGE, grid_e != NULL ? grid_e->value_pos[0] : at,
			    "grid_lines: %d lines make a line pitch of %.2f pt, less than "
			    "body_size %g pt: the lines would overlap", t->grid_lines,
			    t->line_pitch, t->body_size);
		else
			rg_msg(d, RG_M_THEME_RANGE, pitch_e != NULL ? pitch_e->value_pos[0] :
			    size_e != NULL ? size_e->value_pos[0] : at,
			    "line_pitch %g pt is less than body_size %g pt: the lines would "
			    "overlap", t->line_pitch, t->body_size);
		rc = -1;
	}
	if (rc == 0 && t->grid_chars > 0)
		t->char_pitch = tw / t->grid_chars;
	rg_spec_free(&spec);
	rg_arena_free(arena);
	rg_buf_free(&text);
	return rc;
}
