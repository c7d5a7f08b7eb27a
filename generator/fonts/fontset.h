/* fontset.h -- font roles, fallback chains, glyph metrics and embeddable
 * subsets.
 *
 * fonts/fonts.conf maps each role (song, hei, kai, mono, fang, biaosong) to
 * a chain of font files searched in the standard Debian font directories,
 * and optionally to a chain of bold faces.  Faces are opened with HarfBuzz
 * for glyph coverage and advances; rg_fontset_embed makes the subset the
 * pdf stage embeds, in memory.  A face is identified by its index in the
 * fontset.  A role with no bold face configured gets, for each of its
 * faces, a synthetic bold face: the same font, drawn stroked (fake bold).
 */
#ifndef RG_FONTSET_H
#define RG_FONTSET_H

#include <stddef.h>
#include <stdint.h>

#include "../base/diag.h"

typedef enum rg_role {
	RG_ROLE_SONG,            /* body text */
	RG_ROLE_HEI,             /* headings, strong */
	RG_ROLE_KAI,             /* emphasis, quotes */
	RG_ROLE_MONO,            /* code */
	RG_ROLE_FANG,            /* 仿宋, 公文 body text */
	RG_ROLE_BIAOSONG,        /* 小标宋, 公文 titles: a heavy Song */
	RG_ROLE__COUNT
} rg_role;

/* OR-ed into a role: its bold face. */
#define RG_ROLE_BOLD 0x10

const char *rg_role_name(rg_role r);

typedef struct rg_fontset rg_fontset;

/* Read the configuration at path and open every face it names.  Missing
 * files are errors naming the file, the directories searched and the
 * Debian package that provides it.  NULL on error. */
rg_fontset *rg_fontset_load(const char *config_path, rg_diag *d);
void rg_fontset_free(rg_fontset *fs);

size_t rg_fontset_count(const rg_fontset *fs);
const char *rg_fontset_path(const rg_fontset *fs, int face);   /* file */
int rg_fontset_index(const rg_fontset *fs, int face);          /* .ttc index */
const char *rg_fontset_family(const rg_fontset *fs, int face); /* for messages */
/* The face whose font program draws face: face itself, or for a synthetic
 * bold face the face it strokes. */
int rg_fontset_base(const rg_fontset *fs, int face);
/* 1 if face is drawn stroked to look bold (a synthetic bold face). */
int rg_fontset_fake_bold(const rg_fontset *fs, int face);

/* The first face in role's chain (role may carry RG_ROLE_BOLD) that has
 * cp; -1 if none has it.  *primary is set to whether that face is the
 * first of the chain. */
int rg_fontset_lookup(const rg_fontset *fs, int role, int32_t cp, int *primary);
/* The script of the text a face is looked up for: in Traditional text a
 * face with a 'hant' variant in fonts.conf (Noto CJK SC's TC face) is drawn
 * by the variant, wherever the variant has the character. */
typedef enum rg_script { RG_SCRIPT_HANS, RG_SCRIPT_HANT } rg_script;
/* rg_fontset_lookup (which is this for Simplified text) for text of script. */
int rg_fontset_lookup_script(const rg_fontset *fs, rg_script script, int role, int32_t cp,
    int *primary);
/* Advance of cp in face, in 1/1000 em. */
double rg_fontset_advance(const rg_fontset *fs, int face, int32_t cp);
/* The horizontal extent of the ink of cp's glyph in face, in 1/1000 em
 * from its origin: 0, or -1 when face has no glyph for cp. */
int rg_fontset_ink(const rg_fontset *fs, int face, int32_t cp, double *x0, double *x1);
/* The glyph of cp in face (0, .notdef, if it has none). */
unsigned rg_fontset_glyph(const rg_fontset *fs, int face, int32_t cp);
/* Number of glyphs of face's font. */
unsigned rg_fontset_glyph_count(const rg_fontset *fs, int face);

typedef enum rg_outlines {
	RG_OUTLINES_TRUETYPE,    /* glyf: a whole sfnt, PDF FontFile2 */
	RG_OUTLINES_CFF          /* a bare CFF table, PDF FontFile3 /CIDFontType0C */
} rg_outlines;

/* A subset of a face made for embedding, in memory.  Each glyph asked for
 * gets a code: the glyph id in the subset (TrueType; CIDToGIDMap Identity)
 * or the CID that the subset's CFF charset gives it (CFF). */
typedef struct rg_font_program {
	rg_outlines outlines;
	unsigned char *data; size_t len;   /* the font program */
	char psname[64];         /* PostScript name, PDF-name safe, no subset tag */
	unsigned *codes;         /* codes[i]: code of the i-th glyph asked for */
	double *widths;          /* widths[i]: its advance, 1/1000 em */
	unsigned max_code;       /* the largest code (for CIDSet) */
	double bbox[4];          /* font bounding box, 1/1000 em */
	double ascent, descent, cap_height, italic_angle, stem_v;
	int fixed_pitch, serif;
} rg_font_program;

/* The subset of face holding the glyphs gids[0..n) (and what they need,
 * .notdef first).  cps, when not NULL, gives the character each glyph was
 * drawn for (0: none); it only makes the subsetting faster.  Returns 0, or
 * -1 after reporting. */
int rg_fontset_embed(const rg_fontset *fs, int face, const unsigned *gids,
    const int32_t *cps, size_t n, rg_font_program *out, rg_diag *d);
void rg_font_program_free(rg_font_program *p);

#endif
