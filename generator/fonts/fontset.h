/* fontset.h -- font roles, fallback chains and glyph metrics.
 *
 * fonts/fonts.conf maps each role (song, hei, kai, mono) to a chain of font
 * files searched in the standard Debian font directories.  Faces are opened
 * with HarfBuzz for glyph coverage and advances; the pdf stage embeds the
 * same files by path.  A face is identified by its index in the fontset.
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
	RG_ROLE__COUNT
} rg_role;

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

/* The first face in role's chain that has cp; -1 if none has it.  *primary
 * is set to whether that face is the first of the chain. */
int rg_fontset_lookup(const rg_fontset *fs, rg_role role, int32_t cp, int *primary);
/* Advance of cp in face, in 1/1000 em. */
double rg_fontset_advance(const rg_fontset *fs, int face, int32_t cp);

/* A font subset on disk for libharu, which reads fonts only by file name.
 * Where the system allows, the file has no name (O_TMPFILE) and path is
 * /proc/self/fd/N: a run killed at any moment leaves nothing behind.
 * Otherwise path is a named temporary file in TMPDIR. */
typedef struct rg_fontfile {
	char path[4096];
	int fd;        /* open until rg_fontfile_release; -1 if none */
	int named;     /* path is a real name, unlinked by rg_fontfile_release */
} rg_fontfile;

/* Write a subset of face holding only the code points cps[0..n) (and the
 * glyphs they need) to out.  The subset keeps the tables and name records
 * libharu 2.3 needs.  Returns 0, or -1 after reporting. */
int rg_fontset_subset(const rg_fontset *fs, int face, const int32_t *cps, size_t n,
    rg_fontfile *out, rg_diag *d);
/* Close the subset's file and remove its name if it has one; may be
 * called again, and on a file never written (fd -1). */
void rg_fontfile_release(rg_fontfile *f);

#endif
