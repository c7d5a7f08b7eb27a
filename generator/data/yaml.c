/* yaml.c -- load a data file written in YAML, from libyaml's events.
 *
 * The parser walks the event stream once.  Anchors and aliases, nesting
 * deeper than RG_DATA_MAX_DEPTH and syntax errors stop it; every other
 * problem is reported and the walk goes on, so that one run shows them all.
 */
#include <string.h>
#include <yaml.h>

#include "load.h"

typedef struct parser {
	rg_loader *ld;
	yaml_parser_t yp;
	yaml_event_t ev;
	int have_event;
	int depth;
	int stopped;
	size_t chars, off;     /* character number chars starts at byte off */
	rg_csvmap *map;        /* reading a CSV mapping (csv.c), else NULL */
} parser;

enum { T_FORMAT, T_META, T_REGIONS, T_INDICATORS, T_OBSERVATIONS, T_NARRATIVES, T_CSV };

static const char *const all_keys[] = {
	"format", "meta", "regions", "indicators", "observations", "narratives", "csv", NULL
};
/* what a data file and a CSV mapping may hold */
static const char *const data_keys[] = {
	"format", "meta", "regions", "indicators", "observations", "narratives", NULL
};
static const char *const map_keys[] = {
	"format", "meta", "regions", "indicators", "csv", NULL
};

static void (*const list_loaders[])(rg_loader *, const rg_field *, rg_pos) = {
	[T_REGIONS] = rg_load_region,
	[T_INDICATORS] = rg_load_indicator,
	[T_OBSERVATIONS] = rg_load_observation,
	[T_NARRATIVES] = rg_load_narrative,
};

int
rg_yaml_is_null(const char *s, size_t len)
{
	return len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

/* libyaml counts characters; positions count bytes.  Marks mostly move
 * forward, so walk from the last one. */
static rg_pos
mark_pos(parser *p, yaml_mark_t m)
{
	const unsigned char *b = (const unsigned char *)p->ld->buf;
	size_t len = p->ld->len;
	while (p->chars < m.index && p->off < len) {
		unsigned c = b[p->off];
		p->off += c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		p->chars++;
	}
	if (p->off > len)
		p->off = len;
	while (p->chars > m.index && p->off > 0) {
		p->off--;
		while (p->off > 0 && (b[p->off] & 0xC0) == 0x80)
			p->off--;
		p->chars--;
	}
	return rg_loader_pos(p->ld, p->off);
}

/* Where a scalar's text starts: after a quote, or on the line after a
 * block scalar's indicator, at its indentation. */
static rg_pos
text_pos(parser *p)
{
	rg_pos pos = mark_pos(p, p->ev.start_mark);
	yaml_scalar_style_t style = p->ev.data.scalar.style;
	if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		pos.col++;
	if (style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE) {
		const char *b = p->ld->buf, *nl = strchr(b + p->off, '\n');
		if (nl != NULL)
			pos = rg_loader_pos(p->ld, (size_t)(nl + 1 + strspn(nl + 1, " ") - b));
	}
	return pos;
}

static rg_pos
here(parser *p)
{
	return mark_pos(p, p->ev.start_mark);
}

static void
stop(parser *p, rg_pos pos, const char *what, const char *name)
{
	rg_msg(p->ld->d, RG_M_YAML_ANCHOR, pos,
	    "YAML %s '%s' is not allowed (data files refuse anchors "
	    "and aliases)", what, name);
	p->stopped = 1;
}

static void
syntax_error(parser *p)
{
	yaml_parser_t *y = &p->yp;
	rg_diag *d = p->ld->d;
	p->stopped = 1;
	if (y->error == YAML_MEMORY_ERROR) {
		rg_msg(d, RG_M_PARSER_FAILED, rg_pos_make(p->ld->file, 0, 0),
		    "out of memory reading YAML");
	} else if (y->error == YAML_READER_ERROR) {
		rg_pos pos = rg_loader_pos(p->ld, y->problem_offset);
		if (y->problem_value >= 0)
			rg_msg(d, RG_M_ENCODING, pos, "%s #%X (data files are UTF-8)", y->problem,
			    (unsigned)y->problem_value);
		else
			rg_msg(d, RG_M_YAML_SYNTAX, pos, "%s", y->problem);
	} else if (y->context != NULL) {
		rg_msg(d, RG_M_YAML_SYNTAX, mark_pos(p, y->problem_mark),
		    "%s (%s)", y->problem, y->context);
	} else {
		rg_msg(d, RG_M_YAML_SYNTAX, mark_pos(p, y->problem_mark), "%s", y->problem);
	}
}

/* Move to the next event: 0 at the end or once stopped. */
static int
next(parser *p)
{
	if (p->have_event)
		yaml_event_delete(&p->ev);
	p->have_event = 0;
	if (p->stopped)
		return 0;
	if (!yaml_parser_parse(&p->yp, &p->ev)) {
		syntax_error(p);
		return 0;
	}
	p->have_event = 1;
	const yaml_event_t *e = &p->ev;
	const yaml_char_t *anchor = NULL;
	switch (e->type) {
	case YAML_ALIAS_EVENT:
		stop(p, here(p), "alias", (const char *)e->data.alias.anchor);
		return 0;
	case YAML_SCALAR_EVENT:
		anchor = e->data.scalar.anchor;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = e->data.mapping_start.anchor;
		p->depth++;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = e->data.sequence_start.anchor;
		p->depth++;
		break;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		p->depth--;
		break;
	default:
		break;
	}
	if (anchor != NULL) {
		stop(p, here(p), "anchor", (const char *)anchor);
		return 0;
	}
	if (p->depth > RG_DATA_MAX_DEPTH) {
		rg_msg(p->ld->d, RG_M_LIMIT, here(p),
		    "nesting deeper than %d levels", RG_DATA_MAX_DEPTH);
		p->stopped = 1;
		return 0;
	}
	return 1;
}

/* The shape of the node starting at the current event. */
static rg_shape
shape(const parser *p)
{
	const yaml_event_t *e = &p->ev;
	if (e->type == YAML_MAPPING_START_EVENT)
		return RG_MAPPING;
	if (e->type == YAML_SEQUENCE_START_EVENT)
		return RG_SEQUENCE;
	if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    rg_yaml_is_null((const char *)e->data.scalar.value, e->data.scalar.length))
		return RG_NULL;
	return RG_SCALAR;
}

/* Skip the rest of the node starting at the current event. */
static void
skip(parser *p)
{
	if (p->ev.type != YAML_MAPPING_START_EVENT && p->ev.type != YAML_SEQUENCE_START_EVENT)
		return;
	int depth = p->depth - 1;
	while (p->depth > depth && next(p))
		;
}

/* At a mapping key: a copy of its text, or NULL (reported) for a key that
 * is not a scalar, whose value is then skipped too. */
static const char *
read_key(parser *p)
{
	if (p->ev.type == YAML_SCALAR_EVENT)
		return rg_arena_strdup(p->ld->tmp, (const char *)p->ev.data.scalar.value);
	rg_msg(p->ld->d, RG_M_FIELD_TYPE, here(p),
	    "a key must be a scalar, found %s", rg_shape_name(shape(p)));
	skip(p);
	if (next(p))
		skip(p);
	return NULL;
}

static rg_field *read_mapping(parser *p);

/* The length of the scalar at hand (the value of key), without the line
 * breaks that end a block scalar (`quote: |`): YAML adds one unless the
 * writer says `|-`, and it is no part of the value (a value with white
 * space at its end is an error, check.c).  A narrative's text, Markdown,
 * is taken as written, as in XML. */
static size_t
scalar_len(const parser *p, const char *key)
{
	const char *v = (const char *)p->ev.data.scalar.value;
	size_t n = p->ev.data.scalar.length;
	yaml_scalar_style_t st = p->ev.data.scalar.style;
	if ((st == YAML_LITERAL_SCALAR_STYLE || st == YAML_FOLDED_SCALAR_STYLE) &&
	    strcmp(key, "text") != 0)
		while (n > 0 && v[n - 1] == '\n')
			n--;
	return n;
}

/* At SEQUENCE_START: its items as fields named "-", up to its end; an item
 * that is a sequence is skipped (its shape says what it was). */
static rg_field *
read_sequence(parser *p)
{
	rg_field *list = NULL, **tail = &list;
	while (next(p) && p->ev.type != YAML_SEQUENCE_END_EVENT) {
		rg_field *f = rg_field_add(p->ld, &tail, "-", here(p));
		f->shape = shape(p);
		if (f->shape == RG_SCALAR)
			rg_field_scalar(p->ld, f, (const char *)p->ev.data.scalar.value,
			    scalar_len(p, "-"), text_pos(p));
		else if (f->shape == RG_MAPPING)
			f->sub = read_mapping(p);
		else
			skip(p);
	}
	return list;
}

/* At MAPPING_START: the mapping's fields, up to its end. */
static rg_field *
read_mapping(parser *p)
{
	rg_field *list = NULL, **tail = &list;
	while (next(p) && p->ev.type != YAML_MAPPING_END_EVENT) {
		const char *key = read_key(p);
		if (key == NULL)
			continue;
		rg_field *f = rg_field_add(p->ld, &tail, key, here(p));
		if (!next(p))
			break;
		f->shape = shape(p);
		f->value_pos = here(p);
		if (f->shape == RG_SCALAR)
			rg_field_scalar(p->ld, f, (const char *)p->ev.data.scalar.value,
			    scalar_len(p, key), text_pos(p));
		else if (f->shape == RG_MAPPING)
			f->sub = read_mapping(p);
		else if (f->shape == RG_SEQUENCE)
			f->sub = read_sequence(p);
	}
	return list;
}

/* At the value of a top-level list: load each item. */
static void
read_list(parser *p, const char *key, void (*load)(rg_loader *, const rg_field *, rg_pos))
{
	rg_shape s = shape(p);
	if (s == RG_NULL)
		return;
	if (s != RG_SEQUENCE) {
		rg_load_shape(p->ld, here(p), key, RG_SEQUENCE, s);
		skip(p);
		return;
	}
	while (next(p) && p->ev.type != YAML_SEQUENCE_END_EVENT) {
		rg_pos pos = here(p);
		if (p->ev.type == YAML_MAPPING_START_EVENT) {
			const rg_field *fields = read_mapping(p);
			if (!p->stopped)
				load(p->ld, fields, pos);
		} else {
			rg_msg(p->ld->d, RG_M_FIELD_TYPE, pos,
			    "each item of '%s' must be a mapping, found %s",
			    key, rg_shape_name(shape(p)));
			skip(p);
		}
	}
}

static void
read_format(parser *p)
{
	rg_shape s = shape(p);
	if (s == RG_MAPPING || s == RG_SEQUENCE) {
		rg_load_shape(p->ld, here(p), "format", RG_SCALAR, s);
		skip(p);
		return;
	}
	const char *v = s == RG_SCALAR ? (const char *)p->ev.data.scalar.value : "";
	const char *want = p->map ? "reportgen-csv/1" : "reportgen/1";
	if (strcmp(v, want) != 0)
		rg_msg(p->ld->d, RG_M_FORMAT, here(p), "unsupported format '%s' (this is %s)",
		    rg_load_show(p->ld, v), want);
}

/* At the top-level MAPPING_START. */
static void
read_top(parser *p)
{
	rg_pos start = here(p);
	unsigned seen = 0;
	const char *const *keys = p->map ? map_keys : data_keys;
	while (next(p) && p->ev.type != YAML_MAPPING_END_EVENT) {
		const char *key = read_key(p);
		if (key == NULL)
			continue;
		rg_pos pos = here(p);
		size_t k = 0, i = 0;
		while (keys[k] != NULL && strcmp(keys[k], key) != 0)
			k++;
		while (keys[k] != NULL && strcmp(all_keys[i], key) != 0)
			i++;
		if (keys[k] == NULL)
			rg_load_unknown(p->ld, pos, key, p->map ? "a CSV mapping" :
			    "the top-level mapping", keys);
		else if (seen & (1u << i))
			rg_msg(p->ld->d, RG_M_FIELD_DUPLICATE, pos,
			    "field '%s' appears twice in the top-level mapping",
			    key);
		if (!next(p))
			break;
		if (keys[k] == NULL || (seen & (1u << i))) {
			skip(p);
			continue;
		}
		seen |= 1u << i;
		if (i == T_FORMAT) {
			read_format(p);
		} else if (i == T_CSV) {
			rg_shape s = shape(p);
			p->map->pos = here(p);
			if (s == RG_MAPPING)
				p->map->fields = read_mapping(p);
			else if (s != RG_NULL) {
				rg_load_shape(p->ld, p->map->pos, "csv", RG_MAPPING, s);
				skip(p);
			}
		} else if (i == T_META) {
			rg_shape s = shape(p);
			rg_pos mpos = here(p);
			if (s == RG_MAPPING) {
				const rg_field *fields = read_mapping(p);
				if (!p->stopped)
					rg_load_meta(p->ld, fields, mpos);
			} else if (s != RG_NULL) {
				rg_load_shape(p->ld, mpos, "meta", RG_MAPPING, s);
				skip(p);
			}
		} else {
			read_list(p, key, list_loaders[i]);
		}
	}
	if (!(seen & (1u << T_FORMAT)) && !p->stopped)
		rg_msg(p->ld->d, RG_M_FORMAT, start,
		    "missing 'format: %s' in the top-level mapping",
		    p->map ? "reportgen-csv/1" : "reportgen/1");
}

/* A file without a document, or whose document is empty. */
static void
empty(parser *p)
{
	if (p->map)
		rg_msg(p->ld->d, RG_M_FILE_EMPTY, rg_pos_make(p->ld->file, 0, 0),
		    "empty file (a CSV mapping "
		    "starts with 'format: reportgen-csv/1')");
	else
		rg_msg(p->ld->d, RG_M_FILE_EMPTY, rg_pos_make(p->ld->file, 0, 0),
		    "empty file (a data file "
		    "starts with 'format: reportgen/1')");
}

static void
read_stream(parser *p)
{
	if (!next(p) || !next(p))          /* STREAM-START, DOCUMENT-START */
		return;
	if (p->ev.type == YAML_STREAM_END_EVENT) {
		empty(p);
		return;
	}
	if (!next(p))
		return;
	rg_shape s = shape(p);
	if (s == RG_MAPPING) {
		read_top(p);
	} else if (s == RG_NULL) {
		empty(p);
	} else {
		rg_msg(p->ld->d, RG_M_FIELD_TYPE, here(p),
		    "the top level must be a mapping, found %s",
		    rg_shape_name(s));
		skip(p);
	}
	if (!next(p) || !next(p))          /* DOCUMENT-END, then STREAM-END */
		return;
	if (p->ev.type == YAML_DOCUMENT_START_EVENT)
		rg_msg(p->ld->d, RG_M_YAML_DOCUMENTS, here(p),
		    "a second YAML document (a data file holds one)");
}

void
rg_yaml_read(rg_loader *ld, rg_csvmap *map)
{
	parser p;
	memset(&p, 0, sizeof p);
	p.ld = ld;
	p.map = map;
	if (!yaml_parser_initialize(&p.yp)) {
		rg_msg(ld->d, RG_M_PARSER_FAILED, rg_pos_make(ld->file, 0, 0),
		    "cannot start the YAML parser");
		return;
	}
	yaml_parser_set_encoding(&p.yp, YAML_UTF8_ENCODING);
	/* a UTF-8 byte-order mark is skipped, as by every other reader;
	 * positions still count from the start of the file */
	size_t skip = ld->len >= 3 && memcmp(ld->buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	p.off = skip;
	yaml_parser_set_input_string(&p.yp, (const unsigned char *)ld->buf + skip,
	    ld->len - skip);
	read_stream(&p);
	if (p.have_event)
		yaml_event_delete(&p.ev);
	yaml_parser_delete(&p.yp);
}

int
rg_data_load_yaml(rg_dataset *ds, const char *path, rg_diag *d)
{
	rg_loader ld;
	if (rg_loader_open(&ld, ds, path, d) < 0)
		return -1;
	rg_yaml_read(&ld, NULL);
	return rg_loader_close(&ld);
}
