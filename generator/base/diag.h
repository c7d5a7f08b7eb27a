/* diag.h -- source positions and diagnostics.
 *
 * Every value read from a file carries an rg_pos.  Every message is one of
 * the catalogue's (diagcat.h) and prints as
 *     file:line:col: SEVERITY: message [id]
 * (GNU style; line and column are 1-based, and the column counts
 * characters, not bytes, in every kind of file).  A position with line 0
 * prints as just "file: ", one with no file as "reportgen: ".
 *
 * Severities, from least to worst:
 *   note      says more about a message before it; changes nothing
 *   warning   the job goes on and writes its output
 *   failure   the job stops, not for its input's fault (I/O, a library,
 *             a missing font package): exit status 1
 *   error     the job stops on bad input or usage: exit status 2
 * The exit status of a run follows the worst severity seen: 2 for an error
 * (a failure may go away when the run is repeated; bad input does not),
 * else 1 for a failure, else 0.  "error:" is printed only for what stops
 * the job because of its input.
 */
#ifndef RG_DIAG_H
#define RG_DIAG_H

#include <stdarg.h>
#include <stdio.h>

#include "diagcat.h"

typedef struct rg_pos {
	const char *file;   /* not owned; lives as long as the run */
	int line, col;      /* 1-based; 0 when unknown; col counts characters */
} rg_pos;

enum rg_severity { RG_NOTE, RG_WARNING, RG_FAILURE, RG_ERROR };

typedef enum rg_msgid {
#define RG_DIAG_ENUM(e, sev, name) e,
	RG_DIAGNOSTICS(RG_DIAG_ENUM)
#undef RG_DIAG_ENUM
	RG_M__COUNT
} rg_msgid;

/* Exit codes shared by every command. */
enum { RG_EXIT_OK = 0, RG_EXIT_FAILURE = 1, RG_EXIT_BADINPUT = 2 };

typedef struct rg_diag {
	FILE *out;          /* where messages go; stderr by default */
	int silent;         /* count, but print nothing */
	int warnings;
	int errors;         /* bad input: exit 2 */
	int failures;       /* everything else (I/O, libraries): exit 1 */
	int max_errors;     /* stop printing after this many (0 = no limit) */
	rg_pos first;       /* where the first error or failure was (line 0: none) */
	rg_msgid first_id;
} rg_diag;

void rg_diag_init(rg_diag *d, FILE *out);

/* A value a message quotes ('%s' in its format) is cut to this many
 * characters, the last of them "…". */
enum { RG_MSG_MAX_QUOTE = 80 };

/* Report message id of the catalogue at pos. */
void rg_msg(rg_diag *d, rg_msgid id, rg_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void rg_vmsg(rg_diag *d, rg_msgid id, rg_pos pos, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

/* Print message id at pos on f without counting it anywhere: for the
 * few places that have no rg_diag (the command line's usage errors, the
 * allocator, build's parent process).  The caller decides the exit
 * status. */
void rg_msg_print(FILE *f, rg_msgid id, rg_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void rg_msg_vprint(FILE *f, rg_msgid id, rg_pos pos, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

/* The catalogue: an id's name ("yaml-syntax") and severity; the label a
 * severity prints with ("error"). */
const char *rg_msg_name(rg_msgid id);
enum rg_severity rg_msg_severity(rg_msgid id);
const char *rg_severity_name(enum rg_severity s);

int rg_diag_status(const rg_diag *d);   /* RG_EXIT_* */

rg_pos rg_pos_make(const char *file, int line, int col);

/* The 1-based column, in characters, of byte offset off of the line that
 * starts at line (UTF-8; a byte that starts no character counts as one). */
int rg_char_col(const char *line, size_t off);

#endif
