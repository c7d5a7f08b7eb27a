/* file.c -- see file.h. */
#include "file.h"

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
