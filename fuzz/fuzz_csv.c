/* fuzz_csv.c -- the CSV loader (libcsv fed a byte at a time, the cell
 * positions, GBK through iconv, the mapping, both layouts) and validation.
 *
 * Input: a first byte, then the CSV; if the first byte is odd, the bytes up
 * to the first NUL after it are the mapping (NAME.csvmap) and the rest is
 * the CSV.  Oracles for a file that loads: every observation's position is
 * in the CSV or the mapping, within its lines; and the model converted to
 * YAML (`reportgen convert`) loads back with the same observations. */
#include <stdint.h>

#include "data/model.h"
#include "fuzz.h"

/* The number of lines of path (1 + its line feeds), or 0 if unreadable. */
static int
lines_of(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return 0;
	int n = 1, c;
	while ((c = getc(f)) != EOF)
		n += c == '\n' || c == '\r';
	fclose(f);
	return n;
}

static int
same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *csv = fuzz_path("in", ".csv");
	const char *map = fuzz_path("in", ".csvmap");
	const uint8_t *body = data + 1;
	size_t len = size - 1;
	unlink(map);
	if (data[0] & 1) {
		const uint8_t *nul = memchr(body, '\0', len);
		size_t n = nul ? (size_t)(nul - body) : len;
		fuzz_write(map, body, n);
		body += nul ? n + 1 : n;
		len -= nul ? n + 1 : n;
	}
	fuzz_write(csv, body, len);
	rg_diag d;
	rg_diag_init(&d, fuzz_sink());
	rg_dataset *ds = rg_dataset_new();
	if (rg_data_load(ds, csv, &d) == 0 && rg_dataset_validate(ds, &d) == 0 &&
	    d.errors == 0 && d.failures == 0) {
		/* csv's lines count CR too: a bound, whatever the line ends */
		int csv_lines = lines_of(csv), map_lines = lines_of(map);
		for (size_t i = 0; i < ds->nobservations; i++) {
			const rg_observation *o = &ds->observations[i];
			int in_map = strcmp(o->pos.file, map) == 0;
			FUZZ_CHECK(in_map || strcmp(o->pos.file, csv) == 0);
			FUZZ_CHECK(o->pos.line >= 1 && o->pos.col >= 1);
			FUZZ_CHECK(o->pos.line <= (in_map ? map_lines : csv_lines));
		}
		const char *yaml = fuzz_path("conv", ".yaml");
		FILE *f = fopen(yaml, "w");
		if (f == NULL)
			abort();
		int rc = rg_data_write_yaml(ds, f);
		if (fclose(f) != 0 || rc < 0)
			abort();
		rg_diag_init(&d, fuzz_sink());
		rg_dataset *back = rg_dataset_new();
		FUZZ_CHECK(rg_data_load(back, yaml, &d) == 0 && rg_dataset_validate(back, &d) == 0);
		FUZZ_CHECK(back->nobservations == ds->nobservations);
		for (size_t i = 0; i < ds->nobservations; i++) {
			const rg_observation *a = &ds->observations[i], *b = &back->observations[i];
			FUZZ_CHECK(same(a->indicator, b->indicator) && same(a->region, b->region) &&
			    same(a->period, b->period) && a->kind == b->kind);
			FUZZ_CHECK(same(a->value, b->value) && same(a->growth, b->growth) &&
			    same(a->change, b->change) && same(a->quote, b->quote));
		}
		rg_dataset_free(back);
	}
	rg_dataset_free(ds);
	return 0;
}
