/* load.c -- reading a data file and the per-file bookkeeping of loading. */
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/file.h"
#include "../base/buf.h"

static void
too_big(rg_loader *ld)
{
	rg_msg(ld->d, RG_M_FILE_TOO_LARGE, rg_pos_make(ld->file, 0, 0),
	    "file is larger than %u MiB; "
	    "refusing to load it", RG_DATA_MAX_FILE_BYTES / (1024 * 1024));
}

/* Refuse what is not a data file, or too big to be one, before reading. */
static int
check_stat(rg_loader *ld, int fd)
{
	rg_pos at = rg_pos_make(ld->file, 0, 0);
	struct stat st;
	if (fstat(fd, &st) < 0) {
		rg_msg(ld->d, RG_M_READ_FAILED, at, "cannot read file: %s", strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		rg_msg(ld->d, RG_M_FILE_UNREADABLE, at, "is a directory, not a data file");
		return -1;
	}
	if (S_ISREG(st.st_mode) && st.st_size > (off_t)RG_DATA_MAX_FILE_BYTES) {
		too_big(ld);
		return -1;
	}
	return 0;
}

/* Read the whole file, refusing it as soon as it is known to be too big. */
static int
read_file(rg_loader *ld)
{
	rg_pos at = rg_pos_make(ld->file, 0, 0);
	const char *why;
	int fd = rg_open_regular(ld->file, &why);
	if (fd < 0) {
		rg_msg(ld->d, RG_M_FILE_UNREADABLE, at, "cannot read data file: %s", why);
		return -1;
	}
	if (check_stat(ld, fd) < 0) {
		close(fd);
		return -1;
	}
	rg_buf b = { 0 };
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0) {
		if (b.len + (size_t)n > RG_DATA_MAX_FILE_BYTES) {
			too_big(ld);
			break;
		}
		rg_buf_put(&b, chunk, (size_t)n);
	}
	if (n < 0)
		rg_msg(ld->d, RG_M_READ_FAILED, at, "cannot read file: %s", strerror(errno));
	close(fd);
	if (n != 0) {
		rg_buf_free(&b);
		return -1;
	}
	ld->len = b.len;
	ld->buf = rg_buf_detach(&b);
	return 0;
}

/* Lines end with LF, CRLF or CR, as YAML, XML and CSV all break them (a
 * file of CRs alone was one line, every message on line 1). */
static void
index_lines(rg_loader *ld)
{
	*RG_PUSH(ld->lines, ld->nlines, ld->cap_lines) = 0;
	for (size_t i = 0; i < ld->len; i++)
		if (ld->buf[i] == '\n' ||
		    (ld->buf[i] == '\r' && (i + 1 == ld->len || ld->buf[i + 1] != '\n')))
			*RG_PUSH(ld->lines, ld->nlines, ld->cap_lines) = i + 1;
}

int
rg_loader_open(rg_loader *ld, rg_dataset *ds, const char *path, rg_diag *d)
{
	memset(ld, 0, sizeof *ld);
	ld->ds = ds;
	ld->d = d;
	ld->problems = d->errors + d->failures;
	ld->file = rg_arena_strdup(ds->arena, path);
	if (read_file(ld) < 0)
		return -1;
	/* UTF-16 and UTF-32 (a byte-order mark, or NUL bytes among the first
	 * four) are refused with a message that says so: read as UTF-8 they
	 * gave wrong positions, or an XML file was quietly converted */
	const unsigned char *u = (const unsigned char *)ld->buf;
	if ((ld->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) ||
	    (ld->len >= 4 && (!u[0] || !u[1] || !u[2] || !u[3]))) {
		rg_msg(d, RG_M_ENCODING, rg_pos_make(ld->file, 1, 1),
		    "the file is UTF-16 or UTF-32; data files "
		    "are UTF-8 (convert it: iconv -f UTF-16 -t UTF-8)");
		free(ld->buf);
		return -1;
	}
	*RG_PUSH(ds->files, ds->nfiles, ds->cap_files) = ld->file;
	index_lines(ld);
	ld->memo = rg_xcalloc(1, sizeof *ld->memo);
	ld->tmp = rg_arena_new();
	ld->first_obs = ds->nobservations;
	ld->first_narr = ds->nnarratives;
	return 0;
}

/* Defaults come from the file's own meta, wherever it stands in the file. */
int
rg_loader_close(rg_loader *ld)
{
	rg_dataset *ds = ld->ds;
	for (size_t i = ld->first_obs; i < ds->nobservations; i++) {
		rg_observation *o = &ds->observations[i];
		if (o->region == NULL)
			o->region = ld->meta.region;
		if (o->period == NULL)
			o->period = ld->meta.period;
	}
	for (size_t i = ld->first_narr; i < ds->nnarratives; i++) {
		rg_narrative *n = &ds->narratives[i];
		if (n->region == NULL)
			n->region = ld->meta.region;
		if (n->period == NULL)
			n->period = ld->meta.period;
	}
	rg_arena_free(ld->tmp);
	free(ld->buf);
	free(ld->lines);
	free(ld->memo);
	return ld->d->errors + ld->d->failures > ld->problems ? -1 : 0;
}

void
rg_loader_set_text(rg_loader *ld, char *buf, size_t len)
{
	free(ld->buf);
	ld->buf = buf;
	ld->len = len;
	ld->nlines = 0;
	index_lines(ld);
	*ld->memo = (struct rg_colmemo){ 0, 0, 1 };
}

rg_pos
rg_loader_pos(const rg_loader *ld, size_t offset)
{
	if (offset > ld->len)
		offset = ld->len;
	size_t lo = 0, hi = ld->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ld->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	/* count characters from the line's start, or from the last offset
	 * asked for when it is on this line and before this one */
	struct rg_colmemo *m = ld->memo, here = { lo, ld->lines[lo], 1 };
	if (m != NULL && m->line == lo && m->off >= here.off && m->off <= offset && m->col > 0)
		here = *m;
	here.col += rg_char_col(ld->buf + here.off, offset - here.off) - 1;
	here.off = offset;
	if (m != NULL)
		*m = here;
	return rg_pos_make(ld->file, (int)lo + 1, here.col);
}

rg_field *
rg_field_add(rg_loader *ld, rg_field ***tail, const char *key, rg_pos pos)
{
	rg_field *f = rg_arena_alloc(ld->tmp, sizeof *f);
	f->key = key;
	f->pos = pos;
	f->value_pos = pos;
	**tail = f;
	*tail = &f->next;
	return f;
}

void
rg_field_scalar(rg_loader *ld, rg_field *f, const char *value, size_t len, rg_pos value_pos)
{
	f->shape = RG_SCALAR;
	f->value = rg_arena_strndup(ld->tmp, value, len);
	f->len = len;
	f->value_pos = value_pos;
}
