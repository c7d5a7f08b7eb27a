/* diag.c -- see diag.h */
#include "diag.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- printing: quoted values cut to RG_MSG_MAX_QUOTE characters ---------- */

/* The bytes of the first n characters of s[0..len) (UTF-8). */
static size_t
prefix_bytes(const char *s, size_t len, size_t n)
{
	size_t i = 0, chars = 0;
	while (i < len) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == n)
			break;
		i++;
	}
	return i;
}

static size_t
count_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* vfprintf, but a %s that the format quotes ('%s', '{{%s}}') prints at most
 * RG_MSG_MAX_QUOTE characters, the last of them "…": a message names the
 * offending value, never a whole line of some file (issue 14). */
static void
print_cut(FILE *f, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	const char *p = fmt;
	while (*p != '\0') {
		const char *pct = strchr(p, '%');
		if (pct == NULL) {
			fputs(p, f);
			break;
		}
		fwrite(p, 1, (size_t)(pct - p), f);
		const char *q = pct + 1;
		char spec[32];
		size_t n = 0;
		int width = -1, prec = -1, star_w = 0, star_p = 0;
		q += strspn(q, "-+ #0");
		if (*q == '*') {
			star_w = 1;
			q++;
		} else {
			q += strspn(q, "0123456789");
		}
		if (*q == '.') {
			q++;
			if (*q == '*') {
				star_p = 1;
				q++;
			} else {
				q += strspn(q, "0123456789");
			}
		}
		const char *len = q;
		q += strspn(q, "hljztL");
		char conv = *q;
		if (conv == '\0' || (size_t)(q - pct) + 2 > sizeof spec) {
			fputs(pct, f);   /* not a conversion this prints */
			break;
		}
		n = (size_t)(q - pct) + 1;
		memcpy(spec, pct, n);
		spec[n] = '\0';
		size_t lenlen = (size_t)(q - len);
		if (star_w)
			width = va_arg(aq, int);
		if (star_p)
			prec = va_arg(aq, int);
#define PUT(v) do { \
	if (star_w && star_p) fprintf(f, spec, width, prec, v); \
	else if (star_w) fprintf(f, spec, width, v); \
	else if (star_p) fprintf(f, spec, prec, v); \
	else fprintf(f, spec, v); } while (0)
		switch (conv) {
		case '%':
			fputc('%', f);
			break;
		case 'd': case 'i':
			if (lenlen == 2 && len[0] == 'l')
				PUT(va_arg(aq, long long));
			else if (lenlen == 1 && len[0] == 'l')
				PUT(va_arg(aq, long));
			else if (lenlen == 1 && (len[0] == 'z' || len[0] == 't'))
				PUT(va_arg(aq, ptrdiff_t));
			else if (lenlen == 1 && len[0] == 'j')
				PUT(va_arg(aq, intmax_t));
			else
				PUT(va_arg(aq, int));
			break;
		case 'o': case 'u': case 'x': case 'X':
			if (lenlen == 2 && len[0] == 'l')
				PUT(va_arg(aq, unsigned long long));
			else if (lenlen == 1 && len[0] == 'l')
				PUT(va_arg(aq, unsigned long));
			else if (lenlen == 1 && (len[0] == 'z' || len[0] == 't'))
				PUT(va_arg(aq, size_t));
			else if (lenlen == 1 && len[0] == 'j')
				PUT(va_arg(aq, uintmax_t));
			else
				PUT(va_arg(aq, unsigned));
			break;
		case 'c':
			PUT(va_arg(aq, int));
			break;
		case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
			if (lenlen == 1 && len[0] == 'L')
				PUT(va_arg(aq, long double));
			else
				PUT(va_arg(aq, double));
			break;
		case 'p':
			PUT(va_arg(aq, void *));
			break;
		case 's': {
			const char *s = va_arg(aq, const char *);
			if (s == NULL)
				s = "(null)";
			size_t sl = prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s);
			if (!star_p && !star_w && strchr(spec, '.') != NULL)
				sl = strnlen(s, (size_t)atoi(strchr(spec, '.') + 1));
			/* quoted: a ' before it in the format with no space
			 * between ('%s', '{{%s}}', 'meta.%s') */
			int quoted = 0;
			for (const char *b = pct; b > fmt && b[-1] != ' '; b--)
				if (b[-1] == '\'') {
					quoted = 1;
					break;
				}
			if (quoted && count_chars(s, sl) > RG_MSG_MAX_QUOTE) {
				fwrite(s, 1, prefix_bytes(s, sl, RG_MSG_MAX_QUOTE - 1), f);
				fputs("…", f);
			} else {
				PUT(s);
			}
			break;
		}
		default:
			fwrite(pct, 1, n, f);   /* %n and the unknown: as written */
			break;
		}
#undef PUT
		p = q + 1;
	}
	va_end(aq);
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
	print_cut(f, fmt, ap);
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
