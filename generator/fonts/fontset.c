/* fontset.c -- see fontset.h */
#include "fontset.h"

#include <errno.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/file.h"
#include "../base/buf.h"
#include "../base/mem.h"
#include "cff.h"

#define MAX_CHAIN 8
#define MAX_SEARCH 8

/* What a face's cmap gives for the characters met, 256 characters a page,
 * each page made on first use: the glyph lookups of line breaking, once a
 * character through HarfBuzz's font functions, were 18% of a long
 * document's instructions (docs/performance.md). */
#define GLYPH_PAGE 256
#define GLYPH_PAGES (0x10FFFF / GLYPH_PAGE + 1)
#define GLYPH_KNOWN 0x80000000u       /* g[i]: looked up */
#define GLYPH_HAS 0x40000000u         /*       the face has the character */
#define GLYPH_ADV 0x20000000u         /*       adv[i] is set */
#define GLYPH_ID 0x1FFFFFFFu          /*       the glyph id */
typedef struct glyph_page {
	uint32_t g[GLYPH_PAGE];
	double adv[GLYPH_PAGE];  /* the glyph's advance (.notdef's when none), 1/1000 em */
} glyph_page;

typedef struct face {
	glyph_page **pages;      /* GLYPH_PAGES, or NULL before the first lookup */
	char *path;
	int index;
	char *family;
	hb_face_t *hb;
	hb_font_t *font;
	double scale;            /* 1000 / units per em */
	int base;                /* the face drawn: itself, or the stroked one */
	int fake_bold;
	int hant;                /* the face that draws it in Traditional text, or -1 */
} face;

/* The chains of a role: its faces, the faces tried first for Latin, and
 * the bold ones of each. */
enum { CH_REGULAR, CH_LATIN, CH_BOLD, CH_LATIN_BOLD, CH__COUNT };
static const char *const chain_words[CH__COUNT] = { "role", "latin", "bold", "latin-bold" };

struct rg_fontset {
	face *faces; size_t nfaces, cap;
	int chain[CH__COUNT][RG_ROLE__COUNT][MAX_CHAIN];
	int nchain[CH__COUNT][RG_ROLE__COUNT];
};

static const char *const role_names[RG_ROLE__COUNT] = { "song", "hei", "kai", "mono",
	"fang", "biaosong" };

const char *
rg_role_name(rg_role r)
{
	return (unsigned)r < RG_ROLE__COUNT ? role_names[r] : "?";
}

static int
role_parse(const char *s)
{
	for (int r = 0; r < RG_ROLE__COUNT; r++)
		if (strcmp(s, role_names[r]) == 0)
			return r;
	return -1;
}

void
rg_fontset_free(rg_fontset *fs)
{
	if (fs == NULL)
		return;
	for (size_t i = 0; i < fs->nfaces; i++) {
		if (fs->faces[i].base == (int)i) {
			/* a synthetic bold face shares its base's */
			hb_font_destroy(fs->faces[i].font);
			hb_face_destroy(fs->faces[i].hb);
		}
		if (fs->faces[i].pages != NULL)
			for (size_t k = 0; k < GLYPH_PAGES; k++)
				free(fs->faces[i].pages[k]);
		free(fs->faces[i].pages);
		free(fs->faces[i].path);
		free(fs->faces[i].family);
	}
	free(fs->faces);
	free(fs);
}

static char *
face_family(hb_face_t *hb)
{
	char name[256];
	unsigned len = sizeof name;
	if (hb_ot_name_get_utf8(hb, HB_OT_NAME_ID_FONT_FAMILY,
	    hb_language_from_string("en", -1),
	    &len, name) == 0)
		return rg_xstrdup("?");
	return rg_xstrdup(name);
}

static int
has_table(hb_face_t *hb, const char *tag)
{
	hb_blob_t *t = hb_face_reference_table(hb, hb_tag_from_string(tag, 4));
	unsigned len = hb_blob_get_length(t);
	hb_blob_destroy(t);
	return len > 0;
}

static int
has_outlines(hb_face_t *hb)
{
	return (has_table(hb, "glyf") && has_table(hb, "loca")) || has_table(hb, "CFF ");
}

/* Open path/index once; returns the face number or -1. */
static int
open_face(rg_fontset *fs, const char *path, int index, rg_pos pos, rg_diag *d)
{
	for (size_t i = 0; i < fs->nfaces; i++)
		if (fs->faces[i].index == index && !fs->faces[i].fake_bold &&
		    strcmp(fs->faces[i].path, path) == 0)
			return (int)i;
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (blob == NULL) {
		rg_msg(d, RG_M_READ_FAILED, pos, "cannot read font file %s", path);
		return -1;
	}
	unsigned count = hb_face_count(blob);
	if ((unsigned)index >= count) {
		rg_msg(d, RG_M_FONT_UNUSABLE, pos,
		    "font %s has %u face%s; index %d does not exist", path,
		    count, count == 1 ? "" : "s", index);
		hb_blob_destroy(blob);
		return -1;
	}
	hb_face_t *hb = hb_face_create(blob, (unsigned)index);
	hb_blob_destroy(blob);
	if (hb_face_get_upem(hb) == 0 || hb_face_get_glyph_count(hb) == 0 ||
	    !has_outlines(hb)) {
		rg_msg(d, RG_M_FONT_UNUSABLE, pos,
		    "%s is not a usable OpenType font (TrueType or CFF outlines)",
		    path);
		hb_face_destroy(hb);
		return -1;
	}
	face *f = RG_PUSH(fs->faces, fs->nfaces, fs->cap);
	f->pages = NULL;
	f->path = rg_xstrdup(path);
	f->index = index;
	f->hb = hb;
	f->font = hb_font_create(hb);
	f->scale = 1000.0 / hb_face_get_upem(hb);
	f->family = face_family(hb);
	f->base = (int)(fs->nfaces - 1);
	f->fake_bold = 0;
	f->hant = -1;
	return (int)(fs->nfaces - 1);
}

/* Split a config line into at most max whitespace-separated fields. */
static size_t
split_fields(char *line, char **field, int *col, size_t max)
{
	size_t n = 0;
	char *p = line;
	while (n < max) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		field[n] = p;
		col[n] = rg_char_col(line, (size_t)(p - line));   /* characters (diag.h) */
		n++;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

/* The file name of a configured font, found in the search directories
 * (or as an absolute path); NULL after reporting, for role (a name for the
 * message) and package, at pos with the column col. */
static char *
find_font(const char *name, const char *role, const char *pkg, char **search,
    size_t nsearch, rg_pos pos, int col, rg_diag *d)
{
	rg_buf path = { 0 };
	for (size_t i = 0; i < nsearch; i++) {
		rg_buf_clear(&path);
		rg_buf_printf(&path, "%s/%s", search[i], name);
		if (access(path.data, R_OK) == 0)
			break;
		rg_buf_clear(&path);
	}
	if (name[0] == '/' && access(name, R_OK) == 0) {
		rg_buf_clear(&path);
		rg_buf_puts(&path, name);
	}
	if (path.len == 0) {
		rg_buf dirs = { 0 };
		for (size_t i = 0; i < nsearch; i++)
			rg_buf_printf(&dirs, "%s%s", i ? ", " : "", search[i]);
		pos.col = col;
		rg_msg(d, RG_M_FONT_MISSING, pos, "font file '%s' for role %s not found in %s "
		    "(install the Debian package %s: apt-get install %s)", name,
		    role, nsearch ? rg_buf_cstr(&dirs) : "(no search directory)", pkg, pkg);
		rg_buf_free(&dirs);
		rg_buf_free(&path);
		return NULL;
	}
	return rg_buf_detach(&path);
}

/* A face index of a configuration line: 0 to 255; -1 after reporting. */
static int
index_field(const char *s, rg_pos pos, int col, rg_diag *d)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*end != '\0' || end == s || v < 0 || v > 255) {
		pos.col = col;
		rg_msg(d, RG_M_FONTCONF, pos,
		    "font index must be a number from 0 to 255, found '%s'", s);
		return -1;
	}
	return (int)v;
}

static int
add_role_font(rg_fontset *fs, char **field, int *col, size_t nf, char **search,
    size_t nsearch, rg_pos pos, rg_diag *d)
{
	int kind = 0;
	while (strcmp(field[0], chain_words[kind]) != 0)
		kind++;
	int role = role_parse(field[1]);
	if (role < 0) {
		pos.col = col[1];
		rg_msg(d, RG_M_FONTCONF, pos,
		    "unknown font role '%s' (expected song, hei, kai, mono, fang "
		    "or biaosong)", field[1]);
		return -1;
	}
	int index = 0;
	const char *pkg = field[nf - 1];
	if (nf == 5 && (index = index_field(field[3], pos, col[3], d)) < 0)
		return -1;
	int *chain = fs->chain[kind][role];
	int *nchain = &fs->nchain[kind][role];
	if (*nchain == MAX_CHAIN) {
		rg_msg(d, RG_M_FONTCONF, pos,
		    "more than %d fonts for role %s", MAX_CHAIN, field[1]);
		return -1;
	}
	char *path = find_font(field[2], field[1], pkg, search, nsearch, pos, col[2], d);
	if (path == NULL)
		return -1;
	pos.col = col[2];
	int f = open_face(fs, path, index, pos, d);
	free(path);
	if (f < 0)
		return -1;
	chain[(*nchain)++] = f;
	return 0;
}

/* "hant FILE INDEX VFILE VINDEX PACKAGE": in Traditional text, the face
 * INDEX of FILE (a face of some role's chain, configured above) is drawn by
 * the face VINDEX of VFILE (Noto CJK SC by Noto CJK TC: Traditional glyph
 * forms and punctuation centred in the em box). */
static int
add_variant(rg_fontset *fs, char **field, int *col, char **search, size_t nsearch,
    rg_pos pos, rg_diag *d)
{
	const char *pkg = field[5];
	int index = index_field(field[2], pos, col[2], d);
	int vindex = index_field(field[4], pos, col[4], d);
	if (index < 0 || vindex < 0)
		return -1;
	char *path = find_font(field[1], "hant", pkg, search, nsearch, pos, col[1], d);
	if (path == NULL)
		return -1;
	int f = -1;
	for (size_t i = 0; i < fs->nfaces && f < 0; i++)
		if (fs->faces[i].index == index && !fs->faces[i].fake_bold &&
		    strcmp(fs->faces[i].path, path) == 0)
			f = (int)i;
	free(path);
	if (f < 0) {
		pos.col = col[1];
		rg_msg(d, RG_M_FONTCONF, pos, "face %d of '%s' is in no role's fonts above: "
		    "a 'hant' line names a face of a 'role', 'latin', 'bold' or 'latin-bold' "
		    "line before it", index, field[1]);
		return -1;
	}
	char *vpath = find_font(field[3], "hant", pkg, search, nsearch, pos, col[3], d);
	if (vpath == NULL)
		return -1;
	pos.col = col[3];
	int v = open_face(fs, vpath, vindex, pos, d);
	free(vpath);
	if (v < 0)
		return -1;
	fs->faces[f].hant = v == f ? -1 : v;
	return 0;
}

static int
chain_word(const char *w)
{
	for (int k = 0; k < CH__COUNT; k++)
		if (strcmp(w, chain_words[k]) == 0)
			return 1;
	return 0;
}

/* The synthetic bold face of face f (made once). */
static int
fake_bold_of(rg_fontset *fs, int f)
{
	for (size_t i = 0; i < fs->nfaces; i++)
		if (fs->faces[i].fake_bold && fs->faces[i].base == f)
			return (int)i;
	face b = fs->faces[f];
	b.pages = NULL;          /* its own cache */
	b.path = rg_xstrdup(b.path);
	b.family = rg_xstrdup(b.family);
	b.base = f;
	b.fake_bold = 1;
	b.hant = -1;
	*RG_PUSH(fs->faces, fs->nfaces, fs->cap) = b;
	int made = (int)(fs->nfaces - 1);
	/* stroked in Traditional text too: the stroked variant */
	int v = fs->faces[f].hant;
	if (v >= 0) {
		int vb = fake_bold_of(fs, v);
		fs->faces[made].hant = vb;
	}
	return made;
}

/* A role with no bold chain strokes its regular faces; Latin likewise. */
static void
add_fake_bold(rg_fontset *fs)
{
	static const int pairs[2][2] = { { CH_REGULAR, CH_BOLD }, { CH_LATIN, CH_LATIN_BOLD } };
	for (int r = 0; r < RG_ROLE__COUNT; r++)
		for (int k = 0; k < 2; k++) {
			int from = pairs[k][0], to = pairs[k][1];
			if (fs->nchain[to][r] > 0)
				continue;
			for (int i = 0; i < fs->nchain[from][r]; i++)
				fs->chain[to][r][i] = fake_bold_of(fs, fs->chain[from][r][i]);
			fs->nchain[to][r] = fs->nchain[from][r];
		}
}

rg_fontset *
rg_fontset_load(const char *config_path, rg_diag *d)
{
	rg_pos pos = { config_path, 0, 0 };
	const char *why;
	FILE *f = rg_fopen_regular(config_path, &why);
	if (f == NULL) {
		rg_msg(d, RG_M_FILE_UNREADABLE, pos, "cannot read font configuration: %s", why);
		return NULL;
	}
	/* of a sane size */
	struct stat st;
	if (fstat(fileno(f), &st) < 0 || st.st_size > (1 << 20)) {
		rg_msg(d, RG_M_FILE_TOO_LARGE, pos, "the font configuration is larger than 1 MiB");
		fclose(f);
		return NULL;
	}
	rg_fontset *fs = rg_xcalloc(1, sizeof *fs);
	char *search[MAX_SEARCH];
	size_t nsearch = 0;
	char line[1024];
	int rc = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		pos.line++;
		pos.col = 1;
		line[strcspn(line, "\r\n")] = '\0';
		char *field[6];
		int col[6];
		size_t nf = split_fields(line, field, col, 6);
		if (nf == 0)
			continue;
		if (strcmp(field[0], "search") == 0 && nf == 2) {
			if (nsearch < MAX_SEARCH)
				search[nsearch++] = rg_xstrdup(field[1]);
		} else if (chain_word(field[0]) && (nf == 4 || nf == 5)) {
			if (add_role_font(fs, field, col, nf, search, nsearch, pos, d) < 0)
				rc = -1;
		} else if (strcmp(field[0], "hant") == 0 && nf == 6) {
			if (add_variant(fs, field, col, search, nsearch, pos, d) < 0)
				rc = -1;
		} else {
			rg_msg(d, RG_M_FONTCONF, pos,
			    "expected 'search DIR', 'role|latin|bold|latin-bold "
			    "NAME FILE [INDEX] PACKAGE' or 'hant FILE INDEX FILE INDEX PACKAGE', "
			    "found '%s'", field[0]);
			rc = -1;
		}
	}
	fclose(f);
	for (size_t i = 0; i < nsearch; i++)
		free(search[i]);
	for (int r = 0; r < RG_ROLE__COUNT && rc == 0; r++)
		if (fs->nchain[CH_REGULAR][r] == 0) {
			pos.line = 0;
			rg_msg(d, RG_M_FONTCONF, pos,
			    "no font configured for role %s", role_names[r]);
			rc = -1;
		}
	if (rc == 0)
		add_fake_bold(fs);
	if (rc < 0) {
		rg_fontset_free(fs);
		return NULL;
	}
	return fs;
}

size_t
rg_fontset_count(const rg_fontset *fs)
{
	return fs->nfaces;
}

const char *
rg_fontset_path(const rg_fontset *fs, int face)
{
	return fs->faces[face].path;
}

int
rg_fontset_index(const rg_fontset *fs, int face)
{
	return fs->faces[face].index;
}

const char *
rg_fontset_family(const rg_fontset *fs, int face)
{
	return fs->faces[face].family;
}

int
rg_fontset_base(const rg_fontset *fs, int face)
{
	return fs->faces[face].base;
}

int
rg_fontset_fake_bold(const rg_fontset *fs, int face)
{
	return fs->faces[face].fake_bold;
}

/* The entry of cp in f's cache, looked up in the font the first time; NULL
 * for what is no character. */
static uint32_t *
cached(struct face *f, int32_t cp)
{
	if (cp < 0 || cp > 0x10FFFF)
		return NULL;
	if (f->pages == NULL)
		f->pages = rg_xcalloc(GLYPH_PAGES, sizeof *f->pages);
	glyph_page **pg = &f->pages[cp / GLYPH_PAGE];
	if (*pg == NULL)
		*pg = rg_xcalloc(1, sizeof **pg);
	uint32_t *g = &(*pg)->g[cp % GLYPH_PAGE];
	if (!(*g & GLYPH_KNOWN)) {
		hb_codepoint_t gid;
		if (hb_font_get_nominal_glyph(f->font, (hb_codepoint_t)cp, &gid) && gid <= GLYPH_ID)
			*g = GLYPH_KNOWN | GLYPH_HAS | gid;
		else
			*g = GLYPH_KNOWN;
	}
	return g;
}

/* The glyph of cp in f, and whether f has it (glyph 0 when not). */
static unsigned
glyph_of(struct face *f, int32_t cp, int *has)
{
	const uint32_t *g = cached(f, cp);
	*has = g != NULL && (*g & GLYPH_HAS);
	return *has ? *g & GLYPH_ID : 0;
}

unsigned
rg_fontset_glyph(const rg_fontset *fs, int face, int32_t cp)
{
	int has;
	return glyph_of(&fs->faces[face], cp, &has);
}

int
rg_fontset_ink(const rg_fontset *fs, int fi, int32_t cp, double *x0, double *x1)
{
	struct face *f = &fs->faces[fi];
	int has;
	unsigned g = glyph_of(f, cp, &has);
	hb_glyph_extents_t e;
	if (!has || !hb_font_get_glyph_extents(f->font, g, &e))
		return -1;
	*x0 = e.x_bearing * f->scale;
	*x1 = (e.x_bearing + e.width) * f->scale;
	return 0;
}

unsigned
rg_fontset_glyph_count(const rg_fontset *fs, int face)
{
	return hb_face_get_glyph_count(fs->faces[face].hb);
}

static int
has_glyph(struct face *f, int32_t cp)
{
	int has;
	(void)glyph_of(f, cp, &has);
	return has;
}

/* Latin letters, digits and their punctuation; not the middle dot, which
 * Chinese text uses as its own punctuation. */
static int
is_latin(int32_t cp)
{
	return cp < 0x2000 && cp != 0xB7;
}

int
rg_fontset_lookup(const rg_fontset *fs, int role, int32_t cp, int *primary)
{
	return rg_fontset_lookup_script(fs, RG_SCRIPT_HANS, role, cp, primary);
}

/* Face f, or in Traditional text its variant when that has cp. */
static int
in_script(const rg_fontset *fs, rg_script script, int f, int32_t cp)
{
	int v = fs->faces[f].hant;
	if (script == RG_SCRIPT_HANT && v >= 0 && has_glyph(&fs->faces[v], cp))
		return v;
	return f;
}

int
rg_fontset_lookup_script(const rg_fontset *fs, rg_script script, int role, int32_t cp,
    int *primary)
{
	*primary = 1;
	int bold = (role & RG_ROLE_BOLD) != 0;
	role &= ~RG_ROLE_BOLD;
	if (role < 0 || role >= RG_ROLE__COUNT)
		role = RG_ROLE_SONG;
	const int *latin = fs->chain[bold ? CH_LATIN_BOLD : CH_LATIN][role];
	int nlatin = fs->nchain[bold ? CH_LATIN_BOLD : CH_LATIN][role];
	const int *chain = fs->chain[bold ? CH_BOLD : CH_REGULAR][role];
	int nchain = fs->nchain[bold ? CH_BOLD : CH_REGULAR][role];
	if (is_latin(cp))
		for (int i = 0; i < nlatin; i++)
			if (has_glyph(&fs->faces[latin[i]], cp))
				return in_script(fs, script, latin[i], cp);
	for (int i = 0; i < nchain; i++) {
		int f = chain[i];
		if (has_glyph(&fs->faces[f], cp)) {
			*primary = i == 0;
			return in_script(fs, script, f, cp);
		}
	}
	return -1;
}

double
rg_fontset_advance(const rg_fontset *fs, int face, int32_t cp)
{
	struct face *f = &fs->faces[face];
	uint32_t *g = cached(f, cp);
	if (g == NULL)
		return hb_font_get_glyph_h_advance(f->font, 0) * f->scale;
	glyph_page *pg = f->pages[cp / GLYPH_PAGE];
	if (!(*g & GLYPH_ADV)) {
		hb_codepoint_t gid = *g & GLYPH_HAS ? *g & GLYPH_ID : 0;
		pg->adv[cp % GLYPH_PAGE] = hb_font_get_glyph_h_advance(f->font, gid) * f->scale;
		*g |= GLYPH_ADV;
	}
	return pg->adv[cp % GLYPH_PAGE];
}


/* ---- embeddable subsets ------------------------------------------------ */

static int
be16(hb_blob_t *t, unsigned off, int sign)
{
	unsigned len;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(t, &len);
	if (p == NULL || off + 2 > len)
		return 0;
	unsigned v = (unsigned)p[off] << 8 | p[off + 1];
	return sign && v >= 0x8000 ? (int)v - 0x10000 : (int)v;
}

/* Bounding box, italic angle and pitch from the head and post tables;
 * ascent, descent and cap height from HarfBuzz's metrics. */
static void
program_metrics(const face *f, rg_font_program *p)
{
	hb_blob_t *head = hb_face_reference_table(f->hb, HB_TAG('h', 'e', 'a', 'd'));
	for (int i = 0; i < 4; i++)
		p->bbox[i] = be16(head, 36 + 2 * (unsigned)i, 1) * f->scale;
	hb_blob_destroy(head);
	hb_blob_t *post = hb_face_reference_table(f->hb, HB_TAG('p', 'o', 's', 't'));
	p->italic_angle = be16(post, 4, 1) + be16(post, 6, 0) / 65536.0;
	p->fixed_pitch = be16(post, 12, 0) != 0 || be16(post, 14, 0) != 0;
	hb_blob_destroy(post);
	hb_position_t v;
	p->ascent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER,
	    &v) ? v * f->scale : p->bbox[3];
	p->descent = hb_ot_metrics_get_position(f->font,
	    HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v) ? v * f->scale : p->bbox[1];
	if (p->descent > 0)
		p->descent = -p->descent;
	p->cap_height = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) &&
	    v > 0 ? v * f->scale : p->ascent;
	p->stem_v = 80;
}

/* The PostScript name, reduced to the characters a PDF name and a subset
 * tag's reader accept. */
static void
program_name(const face *f, rg_font_program *p)
{
	char name[128];
	unsigned len = sizeof name;
	if (hb_ot_name_get_utf8(f->hb, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    hb_language_from_string("en", -1), &len, name) == 0)
		name[0] = '\0';
	size_t n = 0;
	for (const char *s = name; *s && n + 1 < sizeof p->psname; s++)
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_')
			p->psname[n++] = *s;
	if (n == 0)
		n = (size_t)snprintf(p->psname, sizeof p->psname, "Font");
	p->psname[n] = '\0';
}

void
rg_font_program_free(rg_font_program *p)
{
	if (p == NULL)
		return;
	free(p->data);
	free(p->codes);
	free(p->widths);
	memset(p, 0, sizeof *p);
}

static unsigned char *
blob_copy(hb_blob_t *b, size_t *len)
{
	unsigned n;
	const char *data = hb_blob_get_data(b, &n);
	if (data == NULL || n == 0)
		return NULL;
	unsigned char *c = rg_xmalloc(n);
	memcpy(c, data, n);
	*len = n;
	return c;
}

int
rg_fontset_embed(const rg_fontset *fs, int fi, const unsigned *gids, const int32_t *cps,
    size_t n, rg_font_program *out, rg_diag *d)
{
	const face *f = &fs->faces[fs->faces[fi].base];
	rg_pos at = rg_pos_make(f->path, 0, 0);
	memset(out, 0, sizeof *out);
	int cff = has_table(f->hb, "CFF ");
	out->outlines = cff ? RG_OUTLINES_CFF : RG_OUTLINES_TRUETYPE;
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (in == NULL) {
		rg_msg(d, RG_M_FONT_EMBED_FAILED, at, "cannot subset font: out of memory");
		return -1;
	}
	/* Asked for by code point when every glyph is the one the cmap gives
	 * for the character it was drawn for: HarfBuzz then looks up those
	 * characters alone, where a set of glyph ids makes it read the whole
	 * cmap of the font (65,535 entries for a Chinese face, half of a
	 * briefing's instructions).  The subset holds the same glyphs either
	 * way; a glyph the cmap does not give (a ligature, a vertical form)
	 * sends the whole request by glyph id. */
	unsigned count = hb_face_get_glyph_count(f->hb);
	int by_char = cps != NULL && n > 0;
	for (size_t i = 0; i < n && by_char; i++) {
		hb_codepoint_t g;
		by_char = cps[i] > 0 &&
		    hb_font_get_nominal_glyph(f->font, (hb_codepoint_t)cps[i], &g) &&
		    g == gids[i];
	}
	if (by_char) {
		hb_set_t *chars = hb_subset_input_unicode_set(in);
		for (size_t i = 0; i < n; i++)
			hb_set_add(chars, (hb_codepoint_t)cps[i]);
	} else {
		hb_set_t *glyphs = hb_subset_input_glyph_set(in);
		hb_set_add(glyphs, 0);
		for (size_t i = 0; i < n; i++)
			if (gids[i] < count)
				hb_set_add(glyphs, gids[i]);
	}
	/* what a PDF reader never reads of an embedded font: OpenType layout
	 * (dropping GSUB also keeps its alternates out of the subset),
	 * vertical metrics, hinting tables of other rasterisers, and for CFF
	 * everything but the CFF table and the metrics */
	/* CFF charstrings without subroutines: HarfBuzz then need not close
	 * and renumber the subroutines of a 65,535-glyph font (a fifth of a
	 * render's time), and a subset of a few hundred Chinese characters,
	 * which share few subroutines, comes out about 10% smaller
	 * (docs/performance.md); the hints stay */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DESUBROUTINIZE);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	static const char *const tags[] = { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH",
		"DSIG", "vhea", "vmtx", "VORG", "kern", "morx", "gasp", "hdmx", "LTSH", "VDMX",
		"name", "post", "cmap", "meta", "STAT", "fvar", "avar", "HVAR", "MVAR", "COLR",
		"CPAL", "SVG ", "sbix", "CBDT", "CBLC", "EBDT", "EBLC", "EBSC", "PCLT", "feat" };
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		hb_set_add(drop, hb_tag_from_string(tags[i], 4));
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->hb, in);
	hb_subset_input_destroy(in);
	hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
	if (sub == NULL) {
		hb_subset_plan_destroy(plan);
		rg_msg(d, RG_M_FONT_EMBED_FAILED, at, "cannot subset font (face %d)", f->index);
		return -1;
	}
	const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
	unsigned nglyphs = hb_map_get_population(map);
	hb_blob_t *blob = cff ? hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' ')) :
	    hb_face_reference_blob(sub);
	out->data = blob_copy(blob, &out->len);
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	unsigned *cids = rg_xmalloc((nglyphs ? nglyphs : 1) * sizeof *cids);
	int rc = 0;
	if (out->data == NULL) {
		rg_msg(d, RG_M_FONT_EMBED_FAILED, at,
		    "cannot subset font (face %d): empty font program", f->index);
		rc = -1;
	} else if (cff && rg_cff_cids(out->data, out->len, cids, nglyphs) < 0) {
		rg_msg(d, RG_M_FONT_EMBED_FAILED, at,
		    "cannot embed font (face %d): its CFF subset is malformed",
		    f->index);
		rc = -1;
	} else if (!cff) {
		for (unsigned g = 0; g < nglyphs; g++)
			cids[g] = g;
	}
	out->codes = rg_xcalloc(n ? n : 1, sizeof *out->codes);
	out->widths = rg_xcalloc(n ? n : 1, sizeof *out->widths);
	for (size_t i = 0; i < n && rc == 0; i++) {
		hb_codepoint_t g = hb_map_get(map, gids[i] < count ? gids[i] : 0);
		out->codes[i] = g < nglyphs ? cids[g] : 0;
		if (out->codes[i] > out->max_code)
			out->max_code = out->codes[i];
		out->widths[i] = hb_font_get_glyph_h_advance(f->font, gids[i]) * f->scale;
	}
	free(cids);
	hb_subset_plan_destroy(plan);
	if (rc < 0) {
		rg_font_program_free(out);
		return -1;
	}
	program_metrics(f, out);
	program_name(f, out);
	return 0;
}
