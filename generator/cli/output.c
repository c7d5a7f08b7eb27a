/* output.c -- see output.h. */
#define _XOPEN_SOURCE 700    /* realpath */
#include "output.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/mem.h"

static const char *
kind_of(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISCHR(m) || S_ISBLK(m) ? "a device" :
	    S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

char *
rg_output_path(const char *path, const char *what, const char *const *inputs,
    size_t ninputs, rg_diag *d)
{
	rg_pos at = rg_pos_make(path, 0, 0);
	struct stat ls, st;
	if (lstat(path, &ls) < 0) {
		if (errno == ENOENT)
			return rg_xstrdup(path);     /* a new file: nothing to protect */
		rg_msg(d, RG_M_OUTPUT_REFUSED, at, "cannot use as %s: %s", what, strerror(errno));
		return NULL;
	}
	char *target = NULL;
	if (S_ISLNK(ls.st_mode)) {
		target = realpath(path, NULL);
		if (target == NULL || stat(target, &st) < 0) {
			rg_msg(d, RG_M_OUTPUT_REFUSED, at,
			    "the %s is a symbolic link to a file that does not exist",
			    what);
			free(target);
			return NULL;
		}
	} else {
		st = ls;
	}
	if (!S_ISREG(st.st_mode)) {
		rg_msg(d, RG_M_OUTPUT_REFUSED, at,
		    "the %s is %s: reportgen writes only regular files", what,
		    kind_of(st.st_mode));
		free(target);
		return NULL;
	}
	for (size_t i = 0; i < ninputs; i++) {
		struct stat in;
		if (inputs[i] == NULL || stat(inputs[i], &in) < 0)
			continue;
		if (in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
			rg_msg(d, RG_M_OUTPUT_REFUSED, at,
			    "the %s is an input of the job ('%s'): it would be "
			    "overwritten", what, inputs[i]);
			free(target);
			return NULL;
		}
	}
	return target != NULL ? target : rg_xstrdup(path);
}

char *
rg_output_normal(const char *path)
{
	const char *slash = strrchr(path, '/');
	rg_buf dir = { 0 };
	if (slash == NULL)
		rg_buf_puts(&dir, ".");
	else if (slash == path)
		rg_buf_puts(&dir, "/");
	else
		rg_buf_put(&dir, path, (size_t)(slash - path));
	char *real = realpath(rg_buf_cstr(&dir), NULL);
	rg_buf out = { 0 };
	rg_buf_puts(&out, real != NULL ? real : rg_buf_cstr(&dir));
	rg_buf_putc(&out, '/');
	rg_buf_puts(&out, slash != NULL ? slash + 1 : path);
	free(real);
	rg_buf_free(&dir);
	return rg_buf_detach(&out);
}

int
rg_output_write(const char *path, const char *data, size_t len, rg_diag *d)
{
	rg_buf tmp = { 0 };
	rg_buf_printf(&tmp, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp.data);
	int rc = fd < 0 ? -1 : 0;
	if (fd >= 0) {
		mode_t mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) < 0)
			rc = -1;
		size_t off = 0;
		while (rc == 0 && off < len) {
			ssize_t w = write(fd, data + off, len - off);
			if (w < 0 && errno != EINTR)
				rc = -1;
			else if (w > 0)
				off += (size_t)w;
		}
		if (close(fd) < 0)
			rc = -1;
		if (rc == 0 && rename(tmp.data, path) < 0)
			rc = -1;
		if (rc < 0) {
			int e = errno;
			unlink(tmp.data);
			errno = e;
		}
	}
	if (rc < 0)
		rg_msg(d, RG_M_WRITE_FAILED, rg_pos_make(path, 0, 0),
		    "cannot write file: %s", strerror(errno));
	rg_buf_free(&tmp);
	return rc;
}
