/* file.h -- opening the files reportgen reads.
 *
 * Every input (template, data, theme, font configuration, manifest) is
 * read only from a regular file: a FIFO would block the run for ever and a
 * device such as /dev/zero never ends (issue 14).
 */
#ifndef RG_FILE_H
#define RG_FILE_H

#include <stdio.h>

/* path opened for reading ("rb"), or NULL with *why saying why: the
 * system's error, or that the file is not a regular file. */
FILE *rg_fopen_regular(const char *path, const char **why);

/* The same as a descriptor (-1 on failure). */
int rg_open_regular(const char *path, const char **why);

struct rg_buf;

/* The whole of regular file path, appended to out, refused as soon as it
 * grows past limit bytes.  0; -1 when it cannot be opened (*why says why,
 * as above); -2 on a read error (*why the system's error); 1 when larger
 * than limit.  On failure out is as it was. */
int rg_read_regular(const char *path, size_t limit, struct rg_buf *out, const char **why);

#endif
