/* fuzz.h -- helpers shared by the libFuzzer targets of fuzz/ (see README.md).
 *
 * Each target is one fuzz_*.c file with LLVMFuzzerTestOneInput; messages
 * go to /dev/null (set RG_FUZZ_VERBOSE=1 to see them on stderr when
 * replaying a crash), and inputs that the loaders read from a path are
 * written to a per-process scratch file first.
 */
#ifndef RG_FUZZ_H
#define RG_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"

#ifndef RG_DATADIR
#define RG_DATADIR "."
#endif

/* Where messages go. */
static inline FILE *
fuzz_sink(void)
{
	static FILE *f;
	if (f == NULL) {
		const char *v = getenv("RG_FUZZ_VERBOSE");
		f = v != NULL && *v == '1' ? stderr : fopen("/dev/null", "w");
		if (f == NULL)
			abort();
	}
	return f;
}

/* A scratch path ending in ext, unique to this process, in TMPDIR. */
static inline const char *
fuzz_path(const char *name, const char *ext)
{
	static char paths[4][512];
	static int used;
	const char *dir = getenv("TMPDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	char *p = paths[used++ & 3];
	snprintf(p, sizeof paths[0], "%s/rg-fuzz-%ld-%s%s", dir, (long)getpid(), name, ext);
	return p;
}

/* Write data to path; aborts on failure (not the input's fault). */
static inline void
fuzz_write(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

#endif
