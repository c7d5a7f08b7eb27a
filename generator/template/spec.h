/* spec.h -- small YAML mappings: template front matter and directive specs.
 *
 * A spec is a flat YAML mapping whose values are scalars or sequences of
 * scalars, read with libyaml so every key and value keeps its position.
 * Anchors, aliases and nested mappings are errors.
 */
#ifndef RG_SPEC_H
#define RG_SPEC_H

#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"

/* A spec holds at most this many keys (front matter, a directive, a
 * theme). */
#define RG_SPEC_MAX_KEYS 1000

typedef struct rg_spec_entry {
	const char *key;
	rg_pos key_pos;
	const char **values;     /* one for a scalar; n for a sequence */
	rg_pos *value_pos;
	char *quoted;            /* value i was written in quotes: its text starts a column later */
	size_t nvalues;
	int is_seq;
	int used;                /* set by rg_spec_get; unused keys are errors */
} rg_spec_entry;

typedef struct rg_spec {
	rg_spec_entry *entries;
	size_t n, cap;
} rg_spec;

/* Parse text (len bytes) that starts at position `at` of file `at.file`.
 * Strings are allocated in arena.  Returns 0, or -1 after reporting. */
int rg_spec_parse(rg_spec *spec, rg_arena *arena, const char *text, size_t len,
    rg_pos at, rg_diag *d);
void rg_spec_free(rg_spec *spec);

/* A spec made by a program rather than parsed (a Markdown pipe table read
 * as a static table): an entry for key (a sequence when is_seq), and its
 * values, copied into arena. */
rg_spec_entry *rg_spec_add(rg_spec *spec, rg_arena *arena, const char *key, rg_pos key_pos,
    int is_seq);
void rg_spec_add_value(rg_spec_entry *e, rg_arena *arena, const char *v, size_t n,
    rg_pos pos);

/* The entry for key, marked used; NULL if absent. */
rg_spec_entry *rg_spec_get(rg_spec *spec, const char *key);
/* Scalar value of key, or NULL if absent; a sequence is an error. */
const char *rg_spec_scalar(rg_spec *spec, const char *key, rg_diag *d);
/* "yes", "true", "on" -> 1; "no", "false", "off" -> 0; else -1. */
int rg_spec_yes(const char *v);
/* Boolean value of key: dflt when absent, -1 after reporting a bad value. */
int rg_spec_bool(rg_spec *spec, const char *key, int dflt, rg_diag *d);
/* Index in choices (NULL-terminated) of value i of entry e, or -1 after
 * reporting a value that is none of them (with a did-you-mean hint). */
int rg_spec_choice_at(const rg_spec_entry *e, size_t i, const char *const *choices,
    rg_diag *d);
/* The same for the scalar value of key: dflt when absent. */
int rg_spec_choice(rg_spec *spec, const char *key, const char *const *choices, int dflt,
    rg_diag *d);
/* Report every entry not marked used, naming `what` ("front matter").
 * The known keys, NULL-terminated, feed the did-you-mean hint. */
int rg_spec_check_unused(rg_spec *spec, const char *what,
    const char *const *known, rg_diag *d);

#endif
