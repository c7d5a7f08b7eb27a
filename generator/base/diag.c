/* diag.c -- see diag.h */
#include "diag.h"

#include <stdarg.h>

void
rg_diag_init(rg_diag *d, FILE *out)
{
	d->out = out ? out : stderr;
	d->warnings = d->errors = d->failures = 0;
	d->max_errors = 0;
}

rg_pos
rg_pos_make(const char *file, int line, int col)
{
	rg_pos p = { file, line, col };
	return p;
}

static void
emit(rg_diag *d, rg_pos pos, const char *kind, const char *fmt, va_list ap)
{
	int shown = d->errors + d->failures;
	if (d->max_errors > 0 && shown > d->max_errors)
		return;
	FILE *f = d->out ? d->out : stderr;
	if (pos.file == NULL)
		fputs("reportgen: ", f);
	else if (pos.line <= 0)
		fprintf(f, "%s: ", pos.file);
	else if (pos.col <= 0)
		fprintf(f, "%s:%d: ", pos.file, pos.line);
	else
		fprintf(f, "%s:%d:%d: ", pos.file, pos.line, pos.col);
	fprintf(f, "%s: ", kind);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	if (d->max_errors > 0 && shown == d->max_errors)
		fprintf(f, "reportgen: note: too many errors, stopping here\n");
}

void
rg_error(rg_diag *d, rg_pos pos, const char *fmt, ...)
{
	va_list ap;
	d->errors++;
	va_start(ap, fmt);
	emit(d, pos, "error", fmt, ap);
	va_end(ap);
}

void
rg_failure(rg_diag *d, rg_pos pos, const char *fmt, ...)
{
	va_list ap;
	d->failures++;
	va_start(ap, fmt);
	emit(d, pos, "error", fmt, ap);
	va_end(ap);
}

void
rg_warning(rg_diag *d, rg_pos pos, const char *fmt, ...)
{
	va_list ap;
	d->warnings++;
	va_start(ap, fmt);
	emit(d, pos, "warning", fmt, ap);
	va_end(ap);
}

int
rg_diag_status(const rg_diag *d)
{
	if (d->errors > 0)
		return RG_EXIT_BADINPUT;
	if (d->failures > 0)
		return RG_EXIT_FAILURE;
	return RG_EXIT_OK;
}
