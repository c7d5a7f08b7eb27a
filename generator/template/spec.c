/* spec.c -- see spec.h */
#include "spec.h"
#include "../base/buf.h"
#include "../base/suggest.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static rg_pos
mark_pos(rg_pos at, yaml_mark_t m)
{
	rg_pos p = at;
	p.line = at.line + (int)m.line;
	p.col = m.line == 0 ? at.col + (int)m.column : (int)m.column + 1;
	return p;
}

static void add_value(rg_spec_entry *e, rg_arena *arena, const char *v, size_t n,
    rg_pos pos, int quoted);

rg_spec_entry *
rg_spec_add(rg_spec *spec, rg_arena *arena, const char *key, rg_pos key_pos, int is_seq)
{
	rg_spec_entry *e = RG_PUSH(spec->entries, spec->n, spec->cap);
	memset(e, 0, sizeof *e);
	e->key = rg_arena_strdup(arena, key);
	e->key_pos = key_pos;
	e->is_seq = is_seq;
	return e;
}

void
rg_spec_add_value(rg_spec_entry *e, rg_arena *arena, const char *v, size_t n, rg_pos pos)
{
	add_value(e, arena, v, n, pos, 0);
}

static void
add_value(rg_spec_entry *e, rg_arena *arena, const char *v, size_t n, rg_pos pos,
    int quoted)
{
	/* the arrays double when full (at 0, 1, 2, 4, ... values): growing by
	 * one in the arena kept every old copy, quadratic in a long sequence
	 * (a table of 10,000 rows took 1.2 GB) */
	size_t k = e->nvalues;
	if ((k & (k - 1)) == 0) {
		size_t cap = k ? 2 * k : 1;
		const char **vals = rg_arena_alloc(arena, cap * sizeof *vals);
		rg_pos *poss = rg_arena_alloc(arena, cap * sizeof *poss);
		char *q = rg_arena_alloc(arena, cap);
		if (k) {
			memcpy(vals, e->values, k * sizeof *vals);
			memcpy(poss, e->value_pos, k * sizeof *poss);
			memcpy(q, e->quoted, k);
		}
		e->values = vals;
		e->value_pos = poss;
		e->quoted = q;
	}
	e->values[k] = rg_arena_strndup(arena, v, n);
	e->value_pos[k] = pos;
	e->quoted[k] = (char)quoted;
	e->nvalues++;
}

int
rg_spec_parse(rg_spec *spec, rg_arena *arena, const char *text, size_t len,
    rg_pos at, rg_diag *d)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = 0, depth = 0, done = 0, in_seq = 0;
	rg_spec_entry *cur = NULL;   /* entry waiting for its value */

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			rg_msg(d, RG_M_YAML_SYNTAX, mark_pos(at, p.problem_mark), "%s%s%s",
			    p.problem ? p.problem : "YAML syntax error",
			    p.context ? " " : "", p.context ? p.context : "");
			rc = -1;
			break;
		}
		rg_pos pos = mark_pos(at, ev.start_mark);
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_ALIAS_EVENT:
			rg_msg(d, RG_M_YAML_ANCHOR, pos, "aliases are not allowed here");
			rc = -1;
			done = 1;
			break;
		case YAML_MAPPING_START_EVENT:
			if (ev.data.mapping_start.anchor != NULL) {
				rg_msg(d, RG_M_YAML_ANCHOR, pos, "anchors are not allowed here");
				rc = -1;
				done = 1;
			} else if (depth > 0) {
				rg_msg(d, RG_M_KEY_SHAPE, pos,
				    "'%s' must be a scalar or a list, found a mapping",
				    cur ? cur->key : "value");
				rc = -1;
				done = 1;
			}
			depth++;
			break;
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (depth == 0 || cur == NULL || in_seq) {
				rg_msg(d, RG_M_KEY_SHAPE, pos,
				    "expected a mapping of keys to values");
				rc = -1;
				done = 1;
				break;
			}
			cur->is_seq = 1;
			in_seq = 1;
			break;
		case YAML_SEQUENCE_END_EVENT:
			in_seq = 0;
			cur = NULL;
			break;
		case YAML_SCALAR_EVENT: {
			const char *v = (const char *)ev.data.scalar.value;
			size_t n = ev.data.scalar.length;
			if (ev.data.scalar.anchor != NULL) {
				rg_msg(d, RG_M_YAML_ANCHOR, pos, "anchors are not allowed here");
				rc = -1;
				done = 1;
			} else if (depth == 0) {
				rg_msg(d, RG_M_KEY_SHAPE, pos,
				    "expected a mapping of keys to values, found '%.*s'",
				    (int)(n > 40 ? 40 : n), v);
				rc = -1;
				done = 1;
			} else if (cur == NULL && spec->n >= RG_SPEC_MAX_KEYS) {
				/* no spec has more than a few dozen keys; the duplicate
				 * check below is quadratic (200,000 keys: minutes) */
				rg_msg(d, RG_M_LIMIT, pos, "more than %d keys", RG_SPEC_MAX_KEYS);
				rc = -1;
				done = 1;
			} else if (cur == NULL) {
				for (size_t i = 0; i < spec->n; i++)
					if (strcmp(spec->entries[i].key, v) == 0) {
						rg_msg(d, RG_M_KEY_DUPLICATE, pos,
						    "duplicate key '%s'", v);
						rc = -1;
					}
				cur = RG_PUSH(spec->entries, spec->n, spec->cap);
				memset(cur, 0, sizeof *cur);
				cur->key = rg_arena_strndup(arena, v, n);
				cur->key_pos = pos;
			} else {
				yaml_scalar_style_t st = ev.data.scalar.style;
				add_value(cur, arena, v, n, pos, st == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
				    st == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
				if (!in_seq)
					cur = NULL;
			}
			break;
		}
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

void
rg_spec_free(rg_spec *spec)
{
	free(spec->entries);
	spec->entries = NULL;
	spec->n = spec->cap = 0;
}

rg_spec_entry *
rg_spec_get(rg_spec *spec, const char *key)
{
	for (size_t i = 0; i < spec->n; i++)
		if (strcmp(spec->entries[i].key, key) == 0) {
			spec->entries[i].used = 1;
			return &spec->entries[i];
		}
	return NULL;
}

const char *
rg_spec_scalar(rg_spec *spec, const char *key, rg_diag *d)
{
	rg_spec_entry *e = rg_spec_get(spec, key);
	if (e == NULL)
		return NULL;
	if (e->is_seq || e->nvalues != 1) {
		rg_msg(d, RG_M_KEY_SHAPE, e->key_pos,
		    "'%s' must be a single value, found a list", key);
		return NULL;
	}
	return e->values[0];
}

int
rg_spec_yes(const char *v)
{
	static const char *const words[] = { "no", "yes", "false", "true", "off", "on" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(v, words[i]) == 0)
			return (int)(i % 2);
	return -1;
}

int
rg_spec_bool(rg_spec *spec, const char *key, int dflt, rg_diag *d)
{
	const char *v = rg_spec_scalar(spec, key, d);
	if (v == NULL)
		return rg_spec_get(spec, key) != NULL ? -1 : dflt;
	int yes = rg_spec_yes(v);
	if (yes < 0)
		rg_msg(d, RG_M_KEY_VALUE, rg_spec_get(spec, key)->value_pos[0],
		    "'%s' is not a valid value of %s (expected yes or no)", v, key);
	return yes;
}

int
rg_spec_choice_at(const rg_spec_entry *e, size_t i, const char *const *choices,
    rg_diag *d)
{
	size_t n = 0;
	for (; choices[n] != NULL; n++)
		if (strcmp(e->values[i], choices[n]) == 0)
			return (int)n;
	rg_buf msg = { 0 };
	for (size_t k = 0; k < n; k++)
		rg_buf_printf(&msg, "%s%s", k == 0 ? "" : k + 1 == n ? " or " : ", ", choices[k]);
	const char *hint = rg_nearest_word(e->values[i], choices, n);
	if (hint != NULL)
		rg_buf_printf(&msg, "; did you mean '%s'?", hint);
	rg_msg(d, RG_M_KEY_VALUE, e->value_pos[i], "'%s' is not a valid value of %s (expected %s)",
	    e->values[i], e->key, rg_buf_cstr(&msg));
	rg_buf_free(&msg);
	return -1;
}

int
rg_spec_choice(rg_spec *spec, const char *key, const char *const *choices, int dflt,
    rg_diag *d)
{
	rg_spec_entry *e = rg_spec_get(spec, key);
	if (e == NULL)
		return dflt;
	if (rg_spec_scalar(spec, key, d) == NULL)
		return -1;
	return rg_spec_choice_at(e, 0, choices, d);
}

int
rg_spec_check_unused(rg_spec *spec, const char *what,
    const char *const *known, rg_diag *d)
{
	int rc = 0;
	size_t nknown = 0;
	while (known[nknown] != NULL)
		nknown++;
	for (size_t i = 0; i < spec->n; i++) {
		if (spec->entries[i].used)
			continue;
		const char *hint = rg_nearest_word(spec->entries[i].key, known, nknown);
		if (hint != NULL)
			rg_msg(d, RG_M_KEY_UNKNOWN, spec->entries[i].key_pos,
			    "unknown key '%s' in %s (did you mean '%s'?)",
			    spec->entries[i].key, what, hint);
		else
			rg_msg(d, RG_M_KEY_UNKNOWN, spec->entries[i].key_pos,
			    "unknown key '%s' in %s",
			    spec->entries[i].key, what);
		rc = -1;
	}
	return rc;
}
