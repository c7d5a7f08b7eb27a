/* install.c -- see install.h */
#define _XOPEN_SOURCE 700        /* realpath */
#include "install.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static int
readable(const char *dir, const char *file)
{
	char p[PATH_MAX + 64];
	snprintf(p, sizeof p, "%s/%s", dir, file);
	return access(p, R_OK) == 0;
}

/* dir made absolute and free of "..", or left as it is if it does not exist */
static void
normalize(char *dir, size_t size)
{
	char real[PATH_MAX];
	if (realpath(dir, real) != NULL && strlen(real) < size)
		strcpy(dir, real);
}

const char *
rg_datadir(void)
{
	static char dir[PATH_MAX + 32];
	if (dir[0] != '\0')
		return dir;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0) {
		strcpy(dir, ".");
		return dir;
	}
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash != NULL)
		*slash = '\0';
	char tree[PATH_MAX + 32];
	snprintf(dir, sizeof dir, "%s/../share/reportgen", exe);
	snprintf(tree, sizeof tree, "%s/..", exe);
	if (!readable(dir, "fonts/fonts.conf") && readable(tree, "fonts/fonts.conf") &&
	    readable(tree, "templates/themes/briefing.yaml"))
		strcpy(dir, tree);
	normalize(dir, sizeof dir);
	return dir;
}
