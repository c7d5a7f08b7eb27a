/* file.c -- see file.h. */
#include "file.h"

#include "buf.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
rg_open_regular(const char *path, const char **why)
{
	/* O_NONBLOCK: opening a FIFO does not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		*why = strerror(errno);
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? "it is a directory" :
		    "it is not a regular file (a FIFO, a device or a socket)";
		close(fd);
		return -1;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}

int
rg_read_regular(const char *path, size_t limit, rg_buf *out, const char **why)
{
	int fd = rg_open_regular(path, why);
	if (fd < 0)
		return -1;
	size_t start = out->len;
	char chunk[65536];
	int rc = 0;
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*why = strerror(errno);
			rc = -2;
			break;
		}
		if (r == 0)
			break;
		if (out->len - start + (size_t)r > limit) {
			rc = 1;
			break;
		}
		rg_buf_put(out, chunk, (size_t)r);
	}
	close(fd);
	if (rc != 0 && out->data != NULL) {
		out->len = start;
		out->data[start] = '\0';
	}
	return rc;
}

FILE *
rg_fopen_regular(const char *path, const char **why)
{
	int fd = rg_open_regular(path, why);
	if (fd < 0)
		return NULL;
	FILE *f = fdopen(fd, "rb");
	if (f == NULL) {
		*why = strerror(errno);
		close(fd);
	}
	return f;
}
