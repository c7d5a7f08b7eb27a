/* manifest.h -- the YAML manifest of `reportgen build` (docs/batch.md).
 *
 *   fonts: fonts/fonts.conf                # optional
 *   jobs:
 *     - template: templates/briefing.md
 *       data: [input/songxian-2024.yaml]   # one file or a list, joined
 *       output: out/songxian-2024.pdf
 *       variables: {region: songxian}      # like -V region=songxian
 *     - template: templates/briefing.md
 *       each: "input/[a-z]*-2024.yaml"     # one document per matching file
 *       output: out/{name}.pdf             # {name}: the file's name less extension
 *
 * Relative paths are taken from the manifest's directory.  Output paths come
 * from the manifest only (never from data values); two jobs writing the
 * same file are an error.
 */
#ifndef RG_MANIFEST_H
#define RG_MANIFEST_H

#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "render.h"

typedef struct rg_manifest {
	rg_arena *arena;          /* every string and array below */
	const char *path;
	const char *fonts;        /* the font configuration, or NULL */
	rg_job *jobs;             /* in manifest order, globs expanded and sorted */
	rg_pos *pos;              /* where each job is written in the manifest */
	size_t njobs, cap;
} rg_manifest;

/* Read the manifest at path.  0, or -1 after reporting every problem
 * (file:line:col); then m holds no jobs. */
int rg_manifest_load(rg_manifest *m, const char *path, rg_diag *d);
void rg_manifest_free(rg_manifest *m);

/* Check the files the jobs write (outputs and, once set, dependency files):
 * each is written by one job only, and none is a file a job reads (its
 * template, data, theme, the font configuration) or the manifest.  0, or -1
 * after reporting each clash at the job's line and column.  Called by
 * rg_manifest_load, and again by build once the dependency files are named. */
int rg_manifest_check(rg_manifest *m, rg_diag *d);

#define RG_MANIFEST_MAX_BYTES (16u * 1024 * 1024)

#endif
