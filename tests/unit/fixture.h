/* fixture.h -- a dataset loaded from YAML text, and templates expanded
 * against it: the fixture of the template-stage tests. */
#ifndef RG_TEST_FIXTURE_H
#define RG_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/model.h"
#include "template/template.h"

typedef struct fixture {
	char dir[64];
	char data_path[96];
	rg_dataset *ds;
} fixture;

/* Write yaml to a data file in a new temporary directory and load it. */
static int
fixture_setup(void **state, const char *yaml)
{
	fixture *f = calloc(1, sizeof *f);
	strcpy(f->dir, "/tmp/rg-test-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->data_path, sizeof f->data_path, "%s/data.yaml", f->dir);
	FILE *w = fopen(f->data_path, "w");
	size_t n = strlen(yaml);
	if (w == NULL || fwrite(yaml, 1, n, w) != n)
		return -1;
	fclose(w);
	rg_diag d;
	rg_diag_init(&d, stderr);
	f->ds = rg_dataset_new();
	if (rg_data_load(f->ds, f->data_path, &d) < 0 || rg_dataset_validate(f->ds, &d) < 0)
		return -1;
	*state = f;
	return 0;
}

static int
fixture_teardown(void **state)
{
	fixture *f = *state;
	unlink(f->data_path);
	rmdir(f->dir);
	rg_dataset_free(f->ds);
	free(f);
	return 0;
}

/* Expand template text (named t.md) with the -V settings vars; *ok tells
 * whether it expanded without error.  Returns the document tree's dump, or
 * the messages on error (the caller frees it).  The tree goes to *doc when
 * doc is not NULL (the caller frees it), else it is freed. */
static char *
fixture_expand(fixture *f, const char *tpl, const char *const *vars, size_t nvars,
    int *ok, rg_doc **doc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	rg_diag d;
	rg_diag_init(&d, out);
	rg_template *t = rg_template_parse("t.md", tpl, strlen(tpl), &d);
	rg_doc *dc = t ? rg_template_expand(t, f->ds, vars, nvars, &d) : NULL;
	*ok = dc != NULL && d.errors == 0;
	if (dc != NULL)
		rg_doc_dump(dc, out);
	rg_template_free(t);
	fclose(out);
	if (doc != NULL)
		*doc = dc;
	else
		rg_doc_free(dc);
	return buf;
}

#endif
