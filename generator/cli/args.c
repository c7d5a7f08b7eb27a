/* args.c -- see args.h */
#include "args.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/diag.h"
#include "../base/suggest.h"

int
rg_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rg_msg_vprint(stderr, RG_M_USAGE, rg_pos_make(NULL, 0, 0), fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		fprintf(stderr, "(see reportgen %s --help)\n", cmd);
	else
		fputs("(see reportgen --help)\n", stderr);
	return RG_EXIT_BADINPUT;
}

static void
unknown_option(const rg_args *a, const char *arg, size_t len)
{
	char word[128];
	if (len >= sizeof word)
		len = sizeof word - 1;
	memcpy(word, arg, len);
	word[len] = '\0';
	/* a long option's typo, among the long options (a one-letter option
	 * is one keystroke from every other) */
	const char *names[64];
	size_t n = 0;
	for (const rg_opt *o = a->opts; o->name != NULL && n < 64; o++)
		if (o->name[1] == '-')
			names[n++] = o->name;
	const char *near = word[1] == '-' ? rg_nearest_word(word, names, n) : NULL;
	if (near != NULL)
		rg_usage_error(a->cmd, "unknown option '%s' for %s; did you mean '%s'?", word,
		    a->cmd, near);
	else
		rg_usage_error(a->cmd, "unknown option '%s' for %s", word, a->cmd);
}

int
rg_args_next(rg_args *a, const char **val)
{
	*val = NULL;
	if (a->i >= a->argc)
		return RG_ARGS_END;
	const char *arg = a->argv[a->i++];
	if (a->operands_only || arg[0] != '-' || arg[1] == '\0') {
		*val = arg;
		return RG_ARGS_OPERAND;
	}
	if (strcmp(arg, "--") == 0) {
		a->operands_only = 1;
		return rg_args_next(a, val);
	}
	int is_long = arg[1] == '-';
	/* the option's name: up to '=' (long) or its two characters (short) */
	size_t len = is_long ? strcspn(arg, "=") : 2;
	const char *attached = arg[len] != '\0' ? arg + len + (is_long ? 1 : 0) : NULL;
	for (int k = 0; a->opts[k].name != NULL; k++) {
		const rg_opt *o = &a->opts[k];
		if (strlen(o->name) != len || strncmp(o->name, arg, len) != 0)
			continue;
		if (!o->has_arg) {
			if (attached != NULL) {
				if (is_long)
					rg_usage_error(a->cmd, "option %s takes no value", o->name);
				else
					unknown_option(a, arg, strlen(arg));
				return RG_ARGS_ERROR;
			}
			return k;
		}
		if (attached != NULL) {
			*val = attached;
			return k;
		}
		if (a->i >= a->argc) {
			rg_usage_error(a->cmd, "option %s needs an argument", o->name);
			return RG_ARGS_ERROR;
		}
		*val = a->argv[a->i++];
		return k;
	}
	unknown_option(a, arg, is_long ? len : strlen(arg));
	return RG_ARGS_ERROR;
}
