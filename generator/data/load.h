/* load.h -- internals shared by the data stage's loaders and writers.
 *
 * Loading one file: rg_loader_open reads it (refusing files over
 * RG_DATA_MAX_FILE_BYTES), a syntax-specific parser (yaml.c, xml.c) turns
 * each element into a list of rg_field and hands it to the element's
 * rg_load_* function (check.c), which enforces the rules of
 * docs/data-format.md and adds the element to the dataset;
 * rg_loader_close then applies the file's meta defaults.  So every rule on
 * element contents lives once, in check.c, for both syntaxes.
 */
#ifndef RG_LOAD_H
#define RG_LOAD_H

#include <stddef.h>

#include "model.h"

/* What a value is.  A null is YAML's empty value: the field is absent. */
typedef enum rg_shape { RG_NULL, RG_SCALAR, RG_MAPPING, RG_SEQUENCE } rg_shape;

const char *rg_shape_name(rg_shape s);   /* "a scalar", ... for messages */

/* One key of an element and its value, as the parser read it. */
typedef struct rg_field {
	const char *key;
	rg_shape shape;
	const char *value;       /* a scalar's text, else NULL */
	size_t len;              /* bytes in value, which may hold a NUL */
	struct rg_field *sub;    /* the fields of a mapping */
	rg_pos pos;              /* of the key */
	rg_pos value_pos;
	struct rg_field *next;
} rg_field;

typedef struct rg_loader {
	rg_dataset *ds;
	rg_diag *d;
	const char *file;        /* the path, owned by ds */
	char *buf;               /* the file's bytes, NUL-terminated */
	size_t len;
	size_t *lines;           /* byte offset where each line starts */
	size_t nlines, cap_lines;
	rg_arena *tmp;           /* fields and other per-file scratch */
	rg_meta meta;            /* this file's meta: its defaults */
	size_t first_obs, first_narr;   /* this file's elements start here */
	int problems;            /* d's errors and failures at open */
	unsigned full;           /* limits of the dataset reported (check.c) */
	struct rg_colmemo {      /* the last position asked for (rg_loader_pos) */
		size_t line, off;
		int col;
	} *memo;
} rg_loader;

/* Read path; 0, or -1 after reporting why it cannot be loaded. */
int rg_loader_open(rg_loader *ld, rg_dataset *ds, const char *path, rg_diag *d);
/* Apply the file's defaults and free scratch; 0 if the file had no problems. */
int rg_loader_close(rg_loader *ld);

/* Replace the file's text (a CSV converted to UTF-8): buf is taken over;
 * positions are then in the new text. */
void rg_loader_set_text(rg_loader *ld, char *buf, size_t len);

/* The position of a byte offset in the file; its column counts characters.
 * Asking for offsets in increasing order (as the readers do) costs time
 * linear in the file, whatever the length of its lines. */
rg_pos rg_loader_pos(const rg_loader *ld, size_t offset);

/* Append a field to the list at *tail (then *tail is its next); key must
 * live as long as the list.  rg_field_scalar sets a scalar value, copied to
 * the scratch arena. */
rg_field *rg_field_add(rg_loader *ld, rg_field ***tail, const char *key, rg_pos pos);
void rg_field_scalar(rg_loader *ld, rg_field *f, const char *value, size_t len,
    rg_pos value_pos);

/* Messages shared by the loaders.  rg_load_show gives text from the file
 * as a message may show it: on one line. */
const char *rg_load_show(rg_loader *ld, const char *s);
void rg_load_unknown(rg_loader *ld, rg_pos pos, const char *key, const char *where,
    const char *const *known);
void rg_load_shape(rg_loader *ld, rg_pos pos, const char *key, rg_shape want,
    rg_shape found);

/* The element checks (check.c): one per element kind. */
void rg_load_meta(rg_loader *ld, const rg_field *fields, rg_pos pos);
void rg_load_region(rg_loader *ld, const rg_field *fields, rg_pos pos);
void rg_load_indicator(rg_loader *ld, const rg_field *fields, rg_pos pos);
void rg_load_observation(rg_loader *ld, const rg_field *fields, rg_pos pos);
void rg_load_narrative(rg_loader *ld, const rg_field *fields, rg_pos pos);

/* The known field of an XML element ("obs", ...) nearest to key, or NULL. */
const char *rg_load_suggest(const char *xml_element, const char *key);

/* value is a decimal number: [+-]?(digits[.digits*]|.digits) */
int rg_data_is_number(const char *s);

/* Parse the YAML text of ld (yaml.c).  With map NULL it is a data file;
 * otherwise a CSV mapping (docs/data-format.md, "CSV"): meta, regions and
 * indicators load as from a data file, and the fields of its 'csv' mapping
 * are left in map (in ld's scratch arena). */
typedef struct rg_csvmap {
	rg_field *fields;        /* NULL if the mapping has no 'csv' */
	rg_pos pos;
} rg_csvmap;
void rg_yaml_read(rg_loader *ld, rg_csvmap *map);

/* A plain YAML scalar that means null (so the field is absent). */
int rg_yaml_is_null(const char *s, size_t len);

/* The XML schema (reportgen.xsd), compiled in. */
extern const char rg_reportgen_xsd[];
extern const size_t rg_reportgen_xsd_len;

#endif
