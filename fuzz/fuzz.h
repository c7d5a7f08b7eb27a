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
#include "data/model.h"

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

static char fuzz_paths[8][512];

static inline void
fuzz_cleanup(void)
{
	for (int i = 0; i < 8; i++)
		if (fuzz_paths[i][0] != '\0')
			unlink(fuzz_paths[i]);
}

/* A scratch path ending in ext, unique to this process and to (name,
 * ext), in TMPDIR; removed when the process exits. */
static inline const char *
fuzz_path(const char *name, const char *ext)
{
	const char *dir = getenv("TMPDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	char p[512];
	snprintf(p, sizeof p, "%s/rg-fuzz-%ld-%s%s", dir, (long)getpid(), name, ext);
	for (int i = 0; i < 8; i++) {
		if (strcmp(fuzz_paths[i], p) == 0)
			return fuzz_paths[i];
		if (fuzz_paths[i][0] == '\0') {
			if (i == 0)
				atexit(fuzz_cleanup);
			memcpy(fuzz_paths[i], p, sizeof p);
			return fuzz_paths[i];
		}
	}
	abort();     /* more scratch files than a target uses */
}

/* An oracle: what must hold after the code under test ran on an input;
 * a crash (abort) with the condition and its place if it does not. */
#define FUZZ_CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	abort(); } } while (0)

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

/* The data files of the tree (paths relative to RG_DATADIR), loaded and
 * validated into one dataset; d counts what went wrong. */
static inline rg_dataset *
fuzz_load_data(const char *const *files, size_t n, rg_diag *d)
{
	rg_dataset *ds = rg_dataset_new();
	for (size_t i = 0; i < n; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", RG_DATADIR, files[i]);
		rg_data_load(ds, rg_arena_strdup(ds->arena, path), d);
	}
	rg_dataset_validate(ds, d);
	return ds;
}

#endif
