/* output.h -- where reportgen writes, and how (docs/reliability.md).
 *
 * Every file reportgen writes (the PDF, a dependency file, convert's output)
 * is a regular file written whole: into a temporary file beside it, renamed
 * into place once complete, so that a full disk or a kill leaves the old
 * file as it was.  Before anything is written:
 *   - an output that exists must be a regular file: a device (/dev/null),
 *     a FIFO, a directory or a socket is refused, never replaced;
 *   - an output that is a symbolic link is written through it: the file it
 *     names is replaced and the link stays (as cp does); a link to nothing
 *     is refused;
 *   - an output that is one of the job's inputs (the template, data, theme,
 *     font configuration or a font file: the same file, by device
 *     and inode) is refused, so that `-o data.yaml` cannot destroy the data.
 */
#ifndef RG_OUTPUT_H
#define RG_OUTPUT_H

#include <stddef.h>

#include "../base/diag.h"

/* The file to write for output path (what: "output", "dependency file"):
 * path itself, or the file its symbolic link names.  inputs: the job's
 * input files (NULL entries skipped).  A malloc'd path, or NULL after an
 * error (bad usage: exit 2). */
char *rg_output_path(const char *path, const char *what, const char *const *inputs,
    size_t ninputs, rg_diag *d);

/* Normalised spelling of path (its directory resolved, out/./x.pdf and
 * out/x.pdf alike), to compare outputs that may not exist yet.  malloc'd. */
char *rg_output_normal(const char *path);

/* Write len bytes to path as a whole (temporary file, then rename).  0, or
 * -1 after reporting a failure. */
int rg_output_write(const char *path, const char *data, size_t len, rg_diag *d);

#endif
