/* test_fontembed.c -- the subsets that the pdf stage embeds (fontset.h):
 * TrueType and CFF faces of fonts/fonts.conf, the codes each glyph gets,
 * a character beyond the BMP, glyphs asked for by character, the cache of
 * glyph lookups, synthetic bold faces, and the CFF charset
 * reader on damaged input. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <hb.h>

#include "fonts/cff.h"
#include "fonts/fontset.h"

#ifndef RG_DATADIR
#define RG_DATADIR "."
#endif

static rg_fontset *fs;
static FILE *devnull;
static rg_diag d;

static int
setup(void **state)
{
	(void)state;
	devnull = fopen("/dev/null", "w");
	rg_diag_init(&d, devnull);
	fs = rg_fontset_load(RG_DATADIR "/fonts/fonts.conf", &d);
	return fs == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rg_fontset_free(fs);
	fclose(devnull);
	return 0;
}

/* The CID of each glyph of the font file of face (its CFF table). */
static unsigned *
original_cids(int face, unsigned *count)
{
	hb_blob_t *blob = hb_blob_create_from_file(rg_fontset_path(fs, face));
	hb_face_t *hb = hb_face_create(blob, (unsigned)rg_fontset_index(fs, face));
	hb_blob_t *cff = hb_face_reference_table(hb, HB_TAG('C', 'F', 'F', ' '));
	*count = hb_face_get_glyph_count(hb);
	unsigned *cids = malloc(*count * sizeof *cids);
	unsigned len;
	const char *data = hb_blob_get_data(cff, &len);
	assert_int_equal(rg_cff_cids((const unsigned char *)data, len, cids, *count), 0);
	hb_blob_destroy(cff);
	hb_face_destroy(hb);
	hb_blob_destroy(blob);
	return cids;
}

/* Embed text's glyphs from role's first face; check the program's kind,
 * that every code is what a PDF reader will draw the glyph with, and the
 * widths. */
static void
embed_role(int role, const char *family_part, rg_outlines kind)
{
	static const int32_t text[] = { 0x6C49, 0x5B57, 'a', '1', 0x3002, 0x56FD };
	int primary, face = rg_fontset_lookup(fs, role, 0x6C49, &primary);
	assert_true(face >= 0);
	assert_non_null(strstr(rg_fontset_family(fs, face), family_part));
	unsigned gids[6];
	for (int i = 0; i < 6; i++) {
		gids[i] = rg_fontset_glyph(fs, face, text[i]);
		assert_true(gids[i] > 0);
	}
	rg_font_program p;
	assert_int_equal(rg_fontset_embed(fs, face, gids, NULL, 6, &p, &d), 0);
	assert_int_equal(p.outlines, kind);
	assert_true(p.len > 100);
	assert_true(strlen(p.psname) > 3);
	if (kind == RG_OUTLINES_TRUETYPE) {
		/* codes are glyph ids of the subset, which has 7 glyphs
		 * (.notdef and these six, none composite), each as wide as the
		 * original */
		hb_blob_t *blob = hb_blob_create((const char *)p.data, (unsigned)p.len,
		    HB_MEMORY_MODE_READONLY, NULL, NULL);
		hb_face_t *sub = hb_face_create(blob, 0);
		hb_font_t *font = hb_font_create(sub);
		assert_int_equal(hb_face_get_glyph_count(sub), 7);
		for (int i = 0; i < 6; i++) {
			assert_true(p.codes[i] >= 1 && p.codes[i] <= 6);
			double w = hb_font_get_glyph_h_advance(font, p.codes[i]) * 1000.0 /
			    hb_face_get_upem(sub);
			assert_true(w > 0 && (w - p.widths[i]) < 0.5 && (p.widths[i] - w) < 0.5);
			assert_true(p.widths[i] == rg_fontset_advance(fs, face, text[i]));
		}
		hb_font_destroy(font);
		hb_face_destroy(sub);
		hb_blob_destroy(blob);
	} else {
		/* codes are the CIDs the original font gives these glyphs, which
		 * the subset's charset keeps */
		unsigned count;
		unsigned *cids = original_cids(face, &count);
		unsigned subcids[64];
		int n = 0;
		while (n < 64 && rg_cff_cids(p.data, p.len, subcids, (size_t)n) < 0)
			n++;
		assert_true(n >= 7 && n < 64);
		for (int i = 0; i < 6; i++) {
			assert_int_equal(p.codes[i], cids[gids[i]]);
			int found = 0;
			for (int g = 1; g < n; g++)
				found |= subcids[g] == p.codes[i];
			assert_true(found);
		}
		free(cids);
	}
	assert_true(p.widths[0] == 1000 && p.widths[2] > 200 && p.widths[2] < 800);
	rg_font_program_free(&p);
}

static void
truetype_kai(void **state)
{
	(void)state;
	embed_role(RG_ROLE_KAI, "WenKai", RG_OUTLINES_TRUETYPE);
}

static void
cff_song(void **state)
{
	(void)state;
	embed_role(RG_ROLE_SONG, "Noto Serif CJK", RG_OUTLINES_CFF);
}

/* FandolFang's CIDs (Adobe-GB1) differ from its glyph ids. */
static void
cff_fang(void **state)
{
	(void)state;
	embed_role(RG_ROLE_FANG, "Fandol", RG_OUTLINES_CFF);
}

/* 𠮷 (U+20BB7, CJK Extension B) is in Noto Serif CJK, the song face. */
static void
beyond_bmp(void **state)
{
	(void)state;
	int primary, face = rg_fontset_lookup(fs, RG_ROLE_SONG, 0x20BB7, &primary);
	assert_true(face >= 0 && primary);
	unsigned g = rg_fontset_glyph(fs, face, 0x20BB7);
	assert_true(g > 0);
	rg_font_program p;
	assert_int_equal(rg_fontset_embed(fs, face, &g, NULL, 1, &p, &d), 0);
	assert_true(p.codes[0] > 0 && p.widths[0] == 1000);
	rg_font_program_free(&p);
}

/* The glyph that face's font substitutes for cp under OpenType feature
 * feat (4 letters), through HarfBuzz itself. */
static unsigned
substituted(int face, int32_t cp, const char *feat)
{
	hb_blob_t *blob = hb_blob_create_from_file(rg_fontset_path(fs, face));
	hb_face_t *hb = hb_face_create(blob, (unsigned)rg_fontset_index(fs, face));
	hb_font_t *font = hb_font_create(hb);
	hb_buffer_t *buf = hb_buffer_create();
	hb_buffer_add_utf32(buf, (const uint32_t *)&cp, 1, 0, 1);
	hb_buffer_guess_segment_properties(buf);
	hb_feature_t f;
	assert_true(hb_feature_from_string(feat, -1, &f));
	hb_shape(font, buf, &f, 1);
	unsigned n;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
	assert_int_equal(n, 1);
	unsigned g = info[0].codepoint;
	hb_buffer_destroy(buf);
	hb_font_destroy(font);
	hb_face_destroy(hb);
	hb_blob_destroy(blob);
	return g;
}

/* Glyphs asked for with the characters they stand for give the same
 * subset as glyph ids alone (that way is only faster); a glyph the cmap
 * does not give for its character (the vertical form of 。) is kept. */
static void
by_character(void **state)
{
	(void)state;
	static const int32_t text[] = { 0x6C49, 0x5B57, 'a', '1', 0x3002, 0x20BB7 };
	static const int roles[] = { RG_ROLE_SONG, RG_ROLE_KAI, RG_ROLE_FANG };
	for (size_t r = 0; r < 3; r++) {
		int primary, face = rg_fontset_lookup(fs, roles[r], 0x6C49, &primary);
		unsigned gids[6];
		int32_t cps[6];
		size_t n = 0;
		for (int i = 0; i < 6; i++)
			if ((gids[n] = rg_fontset_glyph(fs, face, text[i])) > 0)
				cps[n++] = text[i];
		assert_true(n >= 5);
		rg_font_program a, b;
		assert_int_equal(rg_fontset_embed(fs, face, gids, NULL, n, &a, &d), 0);
		assert_int_equal(rg_fontset_embed(fs, face, gids, cps, n, &b, &d), 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.data, b.data, a.len);
		assert_memory_equal(a.codes, b.codes, n * sizeof *a.codes);
		assert_memory_equal(a.widths, b.widths, n * sizeof *a.widths);
		rg_font_program_free(&a);
		rg_font_program_free(&b);
	}
	int primary, face = rg_fontset_lookup(fs, RG_ROLE_SONG, 0x3002, &primary);
	unsigned gids[2] = { rg_fontset_glyph(fs, face, 0x6C49), substituted(face, 0x3002, "vert") };
	int32_t cps[2] = { 0x6C49, 0x3002 };
	assert_true(gids[1] != rg_fontset_glyph(fs, face, 0x3002));
	unsigned count;
	unsigned *cids = original_cids(face, &count);
	rg_font_program p;
	assert_int_equal(rg_fontset_embed(fs, face, gids, cps, 2, &p, &d), 0);
	assert_int_equal(p.codes[0], cids[gids[0]]);
	assert_int_equal(p.codes[1], cids[gids[1]]);
	unsigned subcids[4];
	assert_int_equal(rg_cff_cids(p.data, p.len, subcids, 3), 0);
	assert_true(subcids[1] == p.codes[1] || subcids[2] == p.codes[1]);
	free(cids);
	rg_font_program_free(&p);
}

/* Whether cp's glyph and advance in face, as the fontset gives them, are
 * HarfBuzz's own on font (a font of the same file); counts the ones the
 * face has. */
static void
agrees(int face, hb_font_t *font, int32_t cp, unsigned *has)
{
	hb_codepoint_t gid = 0;
	int in = cp >= 0 && hb_font_get_nominal_glyph(font, (hb_codepoint_t)cp, &gid);
	if (!in)
		gid = 0;
	double adv = hb_font_get_glyph_h_advance(font, gid) * 1000.0 /
	    hb_face_get_upem(hb_font_get_face(font));
	assert_int_equal(rg_fontset_glyph(fs, face, cp), gid);
	assert_true(rg_fontset_advance(fs, face, cp) == adv);
	*has += in;
}

/* The glyphs and advances the fontset keeps for the characters met are
 * those of the fonts, for every face, asked in any order and again, at
 * the ends of each page of its cache and beyond the last character. */
static void
cached_lookups(void **state)
{
	(void)state;
	static const int32_t odd[] = { -1, 0, 0xFF, 0x100, 0xFFFF, 0x10000, 0x20BB7,
		0x10FFFF, 0x110000, INT32_MAX, INT32_MIN };
	for (size_t f = 0; f < rg_fontset_count(fs); f++) {
		int face = (int)f;
		hb_blob_t *blob = hb_blob_create_from_file(rg_fontset_path(fs, face));
		hb_face_t *hb = hb_face_create(blob, (unsigned)rg_fontset_index(fs, face));
		hb_font_t *font = hb_font_create(hb);
		unsigned has = 0;
		for (int pass = 0; pass < 2; pass++) {
			for (int32_t cp = 0x20; cp < 0x250; cp++)
				agrees(face, font, cp, &has);
			for (int32_t cp = 0x9FFF; cp >= 0x4E00; cp -= 7)
				agrees(face, font, cp, &has);
			for (int32_t cp = 0x3000; cp < 0x3100; cp++)
				agrees(face, font, cp, &has);
			for (int32_t cp = 0x20000; cp < 0x21000; cp += 13)
				agrees(face, font, cp, &has);
			for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
				agrees(face, font, odd[i], &has);
		}
		assert_true(has > 200);
		hb_font_destroy(font);
		hb_face_destroy(hb);
		hb_blob_destroy(blob);
	}
}

/* fang has no bold face: its bold is its own face, stroked; song has one. */
static void
bold_faces(void **state)
{
	(void)state;
	int primary;
	int fang = rg_fontset_lookup(fs, RG_ROLE_FANG, 0x6C49, &primary);
	int fangb = rg_fontset_lookup(fs, RG_ROLE_FANG | RG_ROLE_BOLD, 0x6C49, &primary);
	assert_true(fang != fangb);
	assert_int_equal(rg_fontset_base(fs, fangb), fang);
	assert_true(rg_fontset_fake_bold(fs, fangb) && !rg_fontset_fake_bold(fs, fang));
	int song = rg_fontset_lookup(fs, RG_ROLE_SONG, 0x6C49, &primary);
	int songb = rg_fontset_lookup(fs, RG_ROLE_SONG | RG_ROLE_BOLD, 0x6C49, &primary);
	assert_true(song != songb && rg_fontset_base(fs, songb) == songb);
	assert_false(rg_fontset_fake_bold(fs, songb));
	assert_non_null(strstr(rg_fontset_path(fs, songb), "Bold"));
}

/* Every prefix of a real CFF table, and the table with each byte of its
 * first 600 changed, is read without a crash; a prefix is refused or,
 * when it holds all the reader needs, read right. */
static void
cff_damaged(void **state)
{
	(void)state;
	int primary, face = rg_fontset_lookup(fs, RG_ROLE_FANG, 0x6C49, &primary);
	unsigned gids[3] = { rg_fontset_glyph(fs, face, 0x6C49),
		rg_fontset_glyph(fs, face, 0x5B57), rg_fontset_glyph(fs, face, 'a') };
	rg_font_program p;
	assert_int_equal(rg_fontset_embed(fs, face, gids, NULL, 3, &p, &d), 0);
	unsigned cids[4];
	assert_int_equal(rg_cff_cids(p.data, p.len, cids, 4), 0);
	assert_int_equal(rg_cff_cids(p.data, p.len, cids, 5), -1);
	unsigned char *copy = malloc(p.len);
	size_t refused = 0;
	for (size_t n = 0; n < p.len; n += 7) {
		unsigned got[4];
		memcpy(copy, p.data, n);
		if (rg_cff_cids(copy, n, got, 4) < 0)
			refused++;
		else
			assert_memory_equal(got, cids, sizeof got);
	}
	assert_true(refused > 10);
	for (size_t i = 0; i < p.len && i < 600; i++) {
		memcpy(copy, p.data, p.len);
		copy[i] ^= 0xA5;
		(void)rg_cff_cids(copy, p.len, cids, 4);
	}
	free(copy);
	rg_font_program_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(truetype_kai),
		cmocka_unit_test(cff_song),
		cmocka_unit_test(cff_fang),
		cmocka_unit_test(beyond_bmp),
		cmocka_unit_test(by_character),
		cmocka_unit_test(cached_lookups),
		cmocka_unit_test(bold_faces),
		cmocka_unit_test(cff_damaged),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
