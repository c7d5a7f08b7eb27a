/* diag.c -- see diag.h */
#include "diag.h"

static const struct {
	const char *name;
	enum rg_severity sev;
} catalogue[] = {
#define RG_DIAG_ENTRY(e, sev, name) { name, sev },
	RG_DIAGNOSTICS(RG_DIAG_ENTRY)
#undef RG_DIAG_ENTRY
};

void
rg_diag_init(rg_diag *d, FILE *out)
{
	d->out = out ? out : stderr;
	d->silent = 0;
	d->warnings = d->errors = d->failures = 0;
	d->max_errors = 0;
	d->first = rg_pos_make(NULL, 0, 0);
	d->first_id = RG_M__COUNT;
}

rg_pos
rg_pos_make(const char *file, int line, int col)
{
	rg_pos p = { file, line, col };
	return p;
}

int
rg_char_col(const char *line, size_t off)
{
	int col = 1;
	for (size_t i = 0; i < off; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			col++;
	return col;
}

const char *
rg_msg_name(rg_msgid id)
{
	return id < RG_M__COUNT ? catalogue[id].name : "?";
}

enum rg_severity
rg_msg_severity(rg_msgid id)
{
	return id < RG_M__COUNT ? catalogue[id].sev : RG_FAILURE;
}

const char *
rg_severity_name(enum rg_severity s)
{
	static const char *const names[] = { "note", "warning", "failure", "error" };
	return names[s];
}

void
rg_vmsg(rg_diag *d, rg_msgid id, rg_pos pos, const char *fmt, va_list ap)
{
	enum rg_severity sev = rg_msg_severity(id);
	if (sev == RG_ERROR)
		d->errors++;
	else if (sev == RG_FAILURE)
		d->failures++;
	else if (sev == RG_WARNING)
		d->warnings++;
	if (sev >= RG_FAILURE && d->first_id == RG_M__COUNT) {
		d->first = pos;
		d->first_id = id;
	}
	int shown = d->errors + d->failures;
	if (d->silent || (d->max_errors > 0 && shown > d->max_errors))
		return;
	FILE *f = d->out ? d->out : stderr;
	rg_msg_vprint(f, id, pos, fmt, ap);
	if (d->max_errors > 0 && shown == d->max_errors && sev >= RG_FAILURE)
		fprintf(f, "reportgen: note: too many errors, stopping here [too-many-errors]\n");
}

void
rg_msg_vprint(FILE *f, rg_msgid id, rg_pos pos, const char *fmt, va_list ap)
{
	if (pos.file == NULL)
		fputs("reportgen: ", f);
	else if (pos.line <= 0)
		fprintf(f, "%s: ", pos.file);
	else if (pos.col <= 0)
		fprintf(f, "%s:%d: ", pos.file, pos.line);
	else
		fprintf(f, "%s:%d:%d: ", pos.file, pos.line, pos.col);
	fprintf(f, "%s: ", rg_severity_name(rg_msg_severity(id)));
	vfprintf(f, fmt, ap);
	fprintf(f, " [%s]\n", rg_msg_name(id));
}

void
rg_msg_print(FILE *f, rg_msgid id, rg_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rg_msg_vprint(f, id, pos, fmt, ap);
	va_end(ap);
}

void
rg_msg(rg_diag *d, rg_msgid id, rg_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rg_vmsg(d, id, pos, fmt, ap);
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
