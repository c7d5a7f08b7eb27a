/* diag.h -- source positions and diagnostics.
 *
 * Every value read from a file carries an rg_pos.  Messages are printed as
 *     file:line:col: error: message
 * (GNU style; line and column are 1-based, column counts bytes).  A
 * position with line 0 prints as just "file: ".  The exit status of a run is
 * derived from the worst severity seen: see rg_diag_status().
 */
#ifndef RG_DIAG_H
#define RG_DIAG_H

#include <stdio.h>

typedef struct rg_pos {
	const char *file;   /* not owned; lives as long as the run */
	int line, col;      /* 1-based; 0 when unknown */
} rg_pos;

enum rg_severity { RG_WARNING, RG_ERROR, RG_FATAL };

/* Exit codes shared by every command. */
enum { RG_EXIT_OK = 0, RG_EXIT_FAILURE = 1, RG_EXIT_BADINPUT = 2 };

typedef struct rg_diag {
	FILE *out;          /* where messages go; stderr by default */
	int warnings;
	int errors;         /* bad input: exit 2 */
	int failures;       /* everything else (I/O, libraries): exit 1 */
	int max_errors;     /* stop printing after this many (0 = no limit) */
} rg_diag;

void rg_diag_init(rg_diag *d, FILE *out);

/* Bad input at pos (counts toward exit 2). */
void rg_error(rg_diag *d, rg_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void rg_warning(rg_diag *d, rg_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A failure that is not the input's fault (counts toward exit 1). */
void rg_failure(rg_diag *d, rg_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

int rg_diag_status(const rg_diag *d);   /* RG_EXIT_* */

rg_pos rg_pos_make(const char *file, int line, int col);

#endif
