/* fontset.c -- see fontset.h */
#define _GNU_SOURCE      /* O_TMPFILE */
#include "fontset.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <limits.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "sfnt.h"

#define MAX_CHAIN 8
#define MAX_SEARCH 8

typedef struct face {
	char *path;
	int index;
	char *family;
	hb_face_t *hb;
	hb_font_t *font;
	double scale;            /* 1000 / units per em */
} face;

struct rg_fontset {
	face *faces; size_t nfaces, cap;
	int chain[RG_ROLE__COUNT][MAX_CHAIN];
	int nchain[RG_ROLE__COUNT];
	int latin[RG_ROLE__COUNT][MAX_CHAIN];   /* tried first for Latin text */
	int nlatin[RG_ROLE__COUNT];
};

static const char *const role_names[RG_ROLE__COUNT] = { "song", "hei", "kai", "mono",
	"fang" };

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
		hb_font_destroy(fs->faces[i].font);
		hb_face_destroy(fs->faces[i].hb);
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

/* Open path/index once; returns the face number or -1. */
static int
open_face(rg_fontset *fs, const char *path, int index, rg_pos pos, rg_diag *d)
{
	for (size_t i = 0; i < fs->nfaces; i++)
		if (fs->faces[i].index == index && strcmp(fs->faces[i].path, path) == 0)
			return (int)i;
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (blob == NULL) {
		rg_failure(d, pos, "cannot read font file %s", path);
		return -1;
	}
	unsigned count = hb_face_count(blob);
	if ((unsigned)index >= count) {
		rg_error(d, pos, "font %s has %u face%s; index %d does not exist", path,
		    count, count == 1 ? "" : "s", index);
		hb_blob_destroy(blob);
		return -1;
	}
	hb_face_t *hb = hb_face_create(blob, (unsigned)index);
	hb_blob_destroy(blob);
	if (hb_face_get_upem(hb) == 0 || hb_face_get_glyph_count(hb) == 0) {
		rg_error(d, pos, "%s is not a usable TrueType font", path);
		hb_face_destroy(hb);
		return -1;
	}
	face *f = RG_PUSH(fs->faces, fs->nfaces, fs->cap);
	f->path = rg_xstrdup(path);
	f->index = index;
	f->hb = hb;
	f->font = hb_font_create(hb);
	f->scale = 1000.0 / hb_face_get_upem(hb);
	f->family = face_family(hb);
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
		col[n] = (int)(p - line) + 1;
		n++;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

static int
add_role_font(rg_fontset *fs, char **field, int *col, size_t nf, char **search,
    size_t nsearch, rg_pos pos, rg_diag *d)
{
	int latin = strcmp(field[0], "latin") == 0;
	int role = role_parse(field[1]);
	if (role < 0) {
		pos.col = col[1];
		rg_error(d, pos, "unknown font role '%s' (expected song, hei, kai, mono or fang)",
		    field[1]);
		return -1;
	}
	int index = 0;
	const char *pkg = field[nf - 1];
	if (nf == 5) {
		char *end;
		long v = strtol(field[3], &end, 10);
		if (*end != '\0' || v < 0 || v > 255) {
			pos.col = col[3];
			rg_error(d, pos, "font index must be a number from 0 to 255, found '%s'",
			    field[3]);
			return -1;
		}
		index = (int)v;
	}
	int *chain = latin ? fs->latin[role] : fs->chain[role];
	int *nchain = latin ? &fs->nlatin[role] : &fs->nchain[role];
	if (*nchain == MAX_CHAIN) {
		rg_error(d, pos, "more than %d fonts for role %s", MAX_CHAIN, field[1]);
		return -1;
	}
	rg_buf path = { 0 };
	for (size_t i = 0; i < nsearch; i++) {
		rg_buf_clear(&path);
		rg_buf_printf(&path, "%s/%s", search[i], field[2]);
		if (access(path.data, R_OK) == 0)
			break;
		rg_buf_clear(&path);
	}
	if (field[2][0] == '/' && access(field[2], R_OK) == 0) {
		rg_buf_clear(&path);
		rg_buf_puts(&path, field[2]);
	}
	if (path.len == 0) {
		rg_buf dirs = { 0 };
		for (size_t i = 0; i < nsearch; i++)
			rg_buf_printf(&dirs, "%s%s", i ? ", " : "", search[i]);
		pos.col = col[2];
		rg_failure(d, pos, "font file '%s' for role %s not found in %s "
		    "(install the Debian package %s: apt-get install %s)", field[2],
		    field[1], nsearch ? rg_buf_cstr(&dirs) : "(no search directory)", pkg, pkg);
		rg_buf_free(&dirs);
		rg_buf_free(&path);
		return -1;
	}
	pos.col = col[2];
	int f = open_face(fs, path.data, index, pos, d);
	rg_buf_free(&path);
	if (f < 0)
		return -1;
	chain[(*nchain)++] = f;
	return 0;
}

rg_fontset *
rg_fontset_load(const char *config_path, rg_diag *d)
{
	rg_pos pos = { config_path, 0, 0 };
	FILE *f = fopen(config_path, "r");
	if (f == NULL) {
		rg_error(d, pos, "cannot open font configuration: %s", strerror(errno));
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
		} else if ((strcmp(field[0], "role") == 0 || strcmp(field[0], "latin") == 0) &&
		    (nf == 4 || nf == 5)) {
			if (add_role_font(fs, field, col, nf, search, nsearch, pos, d) < 0)
				rc = -1;
		} else {
			rg_error(d, pos, "expected 'search DIR', 'role NAME FILE [INDEX] "
			    "PACKAGE' or 'latin NAME FILE [INDEX] PACKAGE', found '%s'", field[0]);
			rc = -1;
		}
	}
	fclose(f);
	for (size_t i = 0; i < nsearch; i++)
		free(search[i]);
	for (int r = 0; r < RG_ROLE__COUNT && rc == 0; r++)
		if (fs->nchain[r] == 0) {
			pos.line = 0;
			rg_error(d, pos, "no font configured for role %s", role_names[r]);
			rc = -1;
		}
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

static int
has_glyph(const struct face *f, int32_t cp)
{
	hb_codepoint_t gid;
	return hb_font_get_nominal_glyph(f->font, (hb_codepoint_t)cp, &gid);
}

/* Latin letters, digits and their punctuation; not the middle dot, which
 * Chinese text uses as its own punctuation. */
static int
is_latin(int32_t cp)
{
	return cp < 0x2000 && cp != 0xB7;
}

int
rg_fontset_lookup(const rg_fontset *fs, rg_role role, int32_t cp, int *primary)
{
	*primary = 1;
	if (is_latin(cp))
		for (int i = 0; i < fs->nlatin[role]; i++)
			if (has_glyph(&fs->faces[fs->latin[role][i]], cp))
				return fs->latin[role][i];
	for (int i = 0; i < fs->nchain[role]; i++) {
		int f = fs->chain[role][i];
		if (has_glyph(&fs->faces[f], cp)) {
			*primary = i == 0;
			return f;
		}
	}
	return -1;
}

double
rg_fontset_advance(const rg_fontset *fs, int face, int32_t cp)
{
	const struct face *f = &fs->faces[face];
	hb_codepoint_t gid;
	if (!hb_font_get_nominal_glyph(f->font, (hb_codepoint_t)cp, &gid))
		gid = 0;
	return hb_font_get_glyph_h_advance(f->font, gid) * f->scale;
}

static int
write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

/* The blob in a file without a name in TMPDIR, reached as /proc/self/fd/N:
 * 1 done, 0 if the system cannot (no O_TMPFILE or no /proc), -1 on a
 * write error. */
static int
write_anonymous(const char *dir, const char *data, size_t len, rg_fontfile *out)
{
#ifdef O_TMPFILE
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0)
		return 0;
	snprintf(out->path, sizeof out->path, "/proc/self/fd/%d", fd);
	if (access(out->path, R_OK) < 0) {
		close(fd);
		return 0;
	}
	if (write_all(fd, data, len) < 0) {
		int err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	out->fd = fd;
	out->named = 0;
	return 1;
#else
	(void)dir;
	(void)data;
	(void)len;
	(void)out;
	return 0;
#endif
}

static int
write_blob(hb_blob_t *blob, rg_fontfile *out)
{
	const char *dir = getenv("TMPDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	int rc = write_anonymous(dir, data, len, out);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if ((size_t)snprintf(out->path, sizeof out->path, "%s/reportgen-font-XXXXXX", dir) >=
	    sizeof out->path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	int fd = mkstemp(out->path);
	if (fd < 0)
		return -1;
	out->fd = fd;
	out->named = 1;
	if (write_all(fd, data, len) < 0) {
		int err = errno;
		rg_fontfile_release(out);
		errno = err;
		return -1;
	}
	return 0;
}

void
rg_fontfile_release(rg_fontfile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	if (f->named)
		unlink(f->path);
	f->fd = -1;
	f->named = 0;
	f->path[0] = '\0';
}

static int
cmp_cp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* The subset's file with its cmap made fast for libharu (sfnt.h); the
 * subset as HarfBuzz wrote it if that cannot be done. */
static hb_blob_t *
compact_cmap(hb_face_t *sub, const int32_t *cps, size_t n)
{
	hb_blob_t *blob = hb_face_reference_blob(sub);
	int32_t *sorted = rg_xmalloc((n ? n : 1) * sizeof *sorted);
	memcpy(sorted, cps, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_cp);
	uint32_t *ucs = rg_xmalloc((n ? n : 1) * sizeof *ucs);
	uint16_t *gids = rg_xmalloc((n ? n : 1) * sizeof *gids);
	size_t m = 0;
	hb_font_t *font = hb_font_create(sub);
	for (size_t i = 0; i < n; i++) {
		hb_codepoint_t g;
		if ((i > 0 && sorted[i] == sorted[i - 1]) || sorted[i] < 0 ||
		    !hb_font_get_nominal_glyph(font, (hb_codepoint_t)sorted[i], &g))
			continue;
		ucs[m] = (uint32_t)sorted[i];
		gids[m++] = (uint16_t)g;
	}
	hb_font_destroy(font);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	unsigned char *out;
	size_t outlen;
	if (rg_sfnt_compact_cmap((const unsigned char *)data, len, ucs, gids, m, &out,
	    &outlen) == 0 && outlen <= UINT_MAX) {
		hb_blob_destroy(blob);
		blob = hb_blob_create((const char *)out, (unsigned)outlen,
		    HB_MEMORY_MODE_WRITABLE, out, free);
	}
	free(sorted);
	free(ucs);
	free(gids);
	return blob;
}

/* libharu 2.3 rewrites an embedded font into a memory stream, then seeks
 * to each table of it, 'prep' last.  With no 'prep' (the AR PL fonts have
 * no hinting) that seek lands on the end of the stream, which libharu
 * refuses when the rewritten font is a multiple of 4096 bytes long
 * (HPDF_INVALID_OBJECT at HPDF_SaveToStream; found by fuzz_template).  A
 * subset without 'prep' gets one that does nothing: PUSHB[0] 0, POP. */
static hb_face_t *
with_prep(hb_face_t *sub)
{
	hb_blob_t *prep = hb_face_reference_table(sub, HB_TAG('p', 'r', 'e', 'p'));
	unsigned len = hb_blob_get_length(prep);
	hb_blob_destroy(prep);
	if (len > 0)
		return sub;
	/* a subset is a builder face, which cannot list its tables: read back
	 * the file it makes */
	hb_blob_t *file = hb_face_reference_blob(sub);
	hb_face_t *made = hb_face_create(file, 0);
	hb_blob_destroy(file);
	hb_face_t *b = hb_face_builder_create();
	hb_tag_t tags[64];
	unsigned ntags = 64;
	hb_face_get_table_tags(made, 0, &ntags, tags);
	for (unsigned i = 0; i < ntags; i++) {
		hb_blob_t *t = hb_face_reference_table(made, tags[i]);
		hb_face_builder_add_table(b, tags[i], t);
		hb_blob_destroy(t);
	}
	hb_face_destroy(made);
	static const char noop[] = { (char)0xB0, 0x00, 0x21 };
	hb_blob_t *p = hb_blob_create(noop, sizeof noop, HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_builder_add_table(b, HB_TAG('p', 'r', 'e', 'p'), p);
	hb_blob_destroy(p);
	hb_face_destroy(sub);
	return b;
}

int
rg_fontset_subset(const rg_fontset *fs, int face, const int32_t *cps, size_t n,
    rg_fontfile *out, rg_diag *d)
{
	const struct face *f = &fs->faces[face];
	out->fd = -1;
	out->named = 0;
	out->path[0] = '\0';
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (in == NULL) {
		rg_failure(d, rg_pos_make(f->path, 0, 0), "cannot subset font: out of memory");
		return -1;
	}
	hb_set_t *unicodes = hb_subset_input_unicode_set(in);
	for (size_t i = 0; i < n; i++)
		hb_set_add(unicodes, (hb_codepoint_t)cps[i]);
	/* libharu 2.3 reads the name table (the family, style and PostScript
	 * names, IDs 1, 2, 4, 6): keep IDs 0-6 in every language, legacy (Mac)
	 * records included.  Descriptions, URLs and licence texts (IDs 7-25;
	 * 22 KB in each AR PL font) stay in the font files, not in every PDF. */
	hb_set_t *names = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
	hb_set_add_range(names, 0, 6);
	hb_set_t *langs = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_LANG_ID);
	hb_set_clear(langs);
	hb_set_invert(langs);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NAME_LEGACY);
	/* tables a PDF viewer never reads: OpenType layout */
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	const char *tags[] = { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG",
		"vhea", "vmtx", "VORG", "kern", "morx", "gasp", "hdmx", "LTSH", "VDMX" };
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		hb_set_add(drop, hb_tag_from_string(tags[i], 4));

	hb_face_t *sub = hb_subset_or_fail(f->hb, in);
	hb_subset_input_destroy(in);
	if (sub == NULL) {
		rg_failure(d, rg_pos_make(f->path, 0, 0), "cannot subset font");
		return -1;
	}
	sub = with_prep(sub);
	hb_blob_t *blob = compact_cmap(sub, cps, n);
	int rc = write_blob(blob, out);
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	if (rc < 0)
		rg_failure(d, rg_pos_make(f->path, 0, 0), "cannot write font subset: %s",
		    strerror(errno));
	return rc;
}
