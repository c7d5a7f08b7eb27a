/* args.h -- the options of a subcommand, read the way Unix users expect:
 *
 *   -t FILE, -tFILE                 short options, the value apart or attached
 *   --theme NAME, --theme=NAME      long options, the value apart or after '='
 *   --                              everything after it is an operand
 *
 * An unknown option is an error with a did-you-mean (base/suggest.h) and the
 * line "(see reportgen CMD --help)"; so is a missing or unexpected value.
 */
#ifndef RG_ARGS_H
#define RG_ARGS_H

#include <stddef.h>

typedef struct rg_opt {
	const char *name;        /* "-t" or "--theme" */
	int has_arg;             /* 1: takes a value */
} rg_opt;

typedef struct rg_args {
	const char *cmd;         /* "render": named in messages */
	const rg_opt *opts;      /* the table; ends with a { NULL, 0 } entry */
	int argc;
	char **argv;
	int i;                   /* the next argument to read */
	int operands_only;       /* after "--" */
} rg_args;

#define RG_ARGS_END     (-1)   /* no arguments left */
#define RG_ARGS_OPERAND (-2)   /* *val is an operand */
#define RG_ARGS_ERROR   (-3)   /* reported on standard error */

/* The next argument: the index of the option in opts (its value, if it takes
 * one, in *val), or one of RG_ARGS_*. */
int rg_args_next(rg_args *a, const char **val);

/* Report a usage error: "reportgen: error: MESSAGE" and where to read the
 * command's help.  Returns 2 (RG_EXIT_BADINPUT). */
int rg_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
