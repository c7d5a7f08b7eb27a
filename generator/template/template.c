/* template.c -- parse a Markdown template and expand it against a dataset.
 *
 * Parsing: optional front matter ("---" ... "---" at the very top, a flat
 * YAML mapping), then the body through cmark with source positions.
 * Expansion walks the cmark AST and builds the rg_doc tree.  Placeholders are
 * found only in text nodes, after cmark has parsed the template, so a value
 * containing * _ # [ < is inserted as literal text and never changes the
 * document structure.  Code spans and code blocks are never expanded.
 */
#include "template.h"

#include <cmark.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/suggest.h"
#include "../base/utf8.h"
#include "cjk.h"
#include "directive.h"
#include "format.h"
#include "spec.h"
#include "words.h"

struct rg_template {
	const char *name;
	char *text;              /* the whole file */
	cmark_node *root;
	int body_line;           /* line of the file where the body starts (1-based) */
	rg_arena *arena;         /* front matter strings */
	rg_spec front;           /* front matter entries */
	const rg_cjk_map *cjk;   /* columns of the body as cmark saw it -> the file's */
};

static const char *const front_keys[] = {
	"title", "subtitle", "author", "subject", "keywords", "date", "region", "period",
	"theme", "marking", "lang", "locale", "words", NULL
};

/* ---- loading ---------------------------------------------------------- */

static char *
read_file(const char *path, size_t limit, size_t *len, rg_diag *d)
{
	rg_pos at = { path, 0, 0 };
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		rg_error(d, at, "cannot open template: %s", strerror(errno));
		return NULL;
	}
	rg_buf b = { 0 };
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > limit) {
			rg_error(d, at, "template is larger than the limit of %zu bytes", limit);
			fclose(f);
			rg_buf_free(&b);
			return NULL;
		}
		rg_buf_put(&b, chunk, n);
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		rg_failure(d, at, "cannot read template");
		rg_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return rg_buf_detach(&b);
}

/* Split off front matter: "---\n" at offset 0, closed by a line "---" or "...". */
static int
split_front(rg_template *t, size_t len, size_t *body_off, rg_diag *d)
{
	const char *s = t->text;
	*body_off = 0;
	t->body_line = 1;
	if (!(len >= 4 && strncmp(s, "---", 3) == 0 && (s[3] == '\n' || s[3] == '\r')))
		return 0;
	size_t i = s[3] == '\r' ? 5 : 4;
	int line = 2;
	while (i < len) {
		size_t eol = i;
		while (eol < len && s[eol] != '\n')
			eol++;
		size_t l = eol - i;
		if (l > 0 && s[i + l - 1] == '\r')
			l--;
		if (l == 3 && (strncmp(s + i, "---", 3) == 0 || strncmp(s + i, "...", 3) == 0)) {
			rg_pos at = { t->name, 2, 1 };
			size_t fstart = s[3] == '\r' ? 5 : 4;
			if (rg_spec_parse(&t->front, t->arena, s + fstart, i - fstart, at, d) < 0)
				return -1;
			*body_off = eol < len ? eol + 1 : len;
			t->body_line = line + 1;
			return 0;
		}
		i = eol + 1;
		line++;
	}
	rg_pos at = { t->name, 1, 1 };
	rg_error(d, at, "front matter is not closed by a line '---'");
	return -1;
}

/* cmark's tree of a template body or a narrative, with emphasis next to
 * CJK text (cjk.h); *map (in arena) maps its columns back to text's. */
static cmark_node *
parse_markdown(const char *text, size_t len, rg_arena *arena, const rg_cjk_map **map)
{
	rg_cjk_map *m;
	size_t n;
	const char *prepared = rg_cjk_prepare(arena, text, len, &n, &m);
	cmark_node *root = cmark_parse_document(prepared, n, CMARK_OPT_SOURCEPOS);
	if (m != NULL)
		rg_cjk_strip(root);
	cmark_consolidate_text_nodes(root);
	*map = m;
	return root;
}

rg_template *
rg_template_parse(const char *name, const char *text, size_t len, rg_diag *d)
{
	rg_pos at = { name, 0, 0 };
	if (len > RG_TEMPLATE_MAX_BYTES) {
		rg_error(d, at, "template is larger than the limit of %u bytes",
		    RG_TEMPLATE_MAX_BYTES);
		return NULL;
	}
	long bad = rg_utf8_invalid_at(text, len);
	if (bad >= 0) {
		int line = 1, col = 1;
		for (long i = 0; i < bad; i++, col++)
			if (text[i] == '\n') {
				line++;
				col = 0;
			}
		rg_error(d, rg_pos_make(name, line, col), "invalid UTF-8 in template");
		return NULL;
	}
	rg_template *t = rg_xcalloc(1, sizeof *t);
	t->name = name;
	t->text = rg_xstrndup(text, len);
	t->arena = rg_arena_new();
	size_t body;
	if (split_front(t, len, &body, d) < 0) {
		rg_template_free(t);
		return NULL;
	}
	t->root = parse_markdown(t->text + body, len - body, t->arena, &t->cjk);
	return t;
}

rg_template *
rg_template_load(const char *path, rg_diag *d)
{
	size_t len;
	char *text = read_file(path, RG_TEMPLATE_MAX_BYTES, &len, d);
	if (text == NULL)
		return NULL;
	rg_template *t = rg_template_parse(path, text, len, d);
	free(text);
	return t;
}

void
rg_template_free(rg_template *t)
{
	if (t == NULL)
		return;
	if (t->root != NULL)
		cmark_node_free(t->root);
	rg_spec_free(&t->front);
	rg_arena_free(t->arena);
	free(t->text);
	free(t);
}

/* ---- expansion -------------------------------------------------------- */

typedef struct ctx {
	const rg_template *t;
	const rg_dataset *ds;
	rg_diag *d;
	rg_doc *doc;
	const char *region;      /* default region id */
	const char *period;      /* default period */
	/* Position mapping for the cmark tree being converted: the template
	 * body, or a narrative's Markdown inside a data file. */
	const char *file;
	int line_offset;
	int col_offset_first;    /* added to columns on the first line */
	int in_narrative;
	int section_level;       /* level of the last heading converted */
	int heading_shift;       /* added to a narrative's heading levels */
	int errors;
	int depth;               /* lists and block quotes open around a block */
	int inline_depth;        /* emphasis, links and images open around an inline */
	int escape_bars;         /* see expand_plain */
	const rg_cjk_map *cjk;   /* of the cmark tree being converted */
	rg_words words;          /* the words reportgen writes (words.h) */
	rg_numfmt plain;         /* values as written, growth in words, in those words */
} ctx;

static rg_pos
node_pos(const ctx *c, cmark_node *n)
{
	int line = cmark_node_get_start_line(n);
	int col = rg_cjk_col(c->cjk, line, cmark_node_get_start_column(n));
	rg_pos p = { c->file, line + c->line_offset, col };
	if (line == 1)
		p.col += c->col_offset_first;
	return p;
}

static void convert_blocks(ctx *c, cmark_node *first, rg_block *parent);

static void __attribute__((format(printf, 3, 4)))
err(ctx *c, rg_pos pos, const char *fmt, ...)
{
	rg_buf msg = { 0 };
	va_list ap;
	va_start(ap, fmt);
	rg_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	c->errors++;
	rg_error(c->d, pos, "%s", rg_buf_cstr(&msg));
	rg_buf_free(&msg);
}

/* The limits of docs/reliability.md.  Deeper nesting is an error (it
 * would only push text off the page, and the conversion is recursive);
 * past the size limits, conversion stops with one error. */
static int
too_deep(ctx *c, rg_pos pos, int inline_node)
{
	if (inline_node ? c->inline_depth < RG_TEMPLATE_MAX_INLINE_NESTING :
	    c->depth < RG_TEMPLATE_MAX_NESTING)
		return 0;
	if (inline_node)
		err(c, pos, "emphasis, links and images nested deeper than %d levels",
		    RG_TEMPLATE_MAX_INLINE_NESTING);
	else
		err(c, pos, "lists and block quotes nested deeper than %d levels",
		    RG_TEMPLATE_MAX_NESTING);
	return 1;
}

static int
doc_full(ctx *c, rg_pos pos)
{
	rg_doc *doc = c->doc;
	if (doc->full)
		return 1;
	if (doc->nodes <= RG_DOC_MAX_NODES && doc->text_bytes <= RG_DOC_MAX_TEXT_BYTES)
		return 0;
	doc->full = 1;
	if (doc->nodes > RG_DOC_MAX_NODES)
		err(c, pos, "the document grows past %d elements (blocks, table cells and "
		    "runs of text) here: the limit", RG_DOC_MAX_NODES);
	else
		err(c, pos, "the document's text grows past %u bytes here: the limit",
		    RG_DOC_MAX_TEXT_BYTES);
	return 1;
}

/* A parsed placeholder expression: head[sel].field.sub */
typedef struct expr {
	char head[64];
	char field[64];
	char sub[64];
	const char *sel_region, *sel_period;
	int sel_kind;
	rg_numfmt fmt;           /* after '|': decimals=1, scale=万, ... */
	int has_fmt;
} expr;

static int
is_ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
}

/* Copy an identifier from *s into out (cap bytes); advance *s. */
static int
take_ident(const char **s, char *out, size_t cap)
{
	size_t n = 0;
	while (is_ident_char(**s)) {
		if (n + 1 >= cap)
			return -1;
		out[n++] = *(*s)++;
	}
	out[n] = '\0';
	return n > 0 ? 0 : -1;
}

static char *
trim_dup(rg_arena *a, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return rg_arena_strndup(a, s, n);
}

/* A period relative to the current one: "period", "period-1", "period + 2"
 * (the current period must then be a year).  Returns 0 if s is not of that
 * form, 1 with *out set, -1 after reporting. */
static int
relative_period(ctx *c, const char *s, rg_pos pos, const char **out)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (strncmp(s, "period", 6) != 0)
		return 0;
	const char *p = s + 6;
	while (*p == ' ' || *p == '\t')
		p++;
	long off = 0;
	if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1;
		while (*p == ' ' || *p == '\t')
			p++;
		size_t nd = strspn(p, "0123456789");
		if (nd == 0 || nd > 4)
			return 0;
		off = sign * strtol(p, NULL, 10);
		p += nd;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	if (*p != '\0')
		return 0;
	const char *cur = c->period;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	s = rg_arena_strndup(c->doc->arena, s, n);
	if (cur == NULL) {
		err(c, pos, "'%s' needs a current period: set period in the front matter, "
		    "with -V period=..., or in the data's meta", s);
		return -1;
	}
	if (off == 0) {
		*out = cur;
		return 1;
	}
	size_t nd = strspn(cur, "0123456789");
	if (nd == 0 || nd > 6 || cur[nd] != '\0') {
		err(c, pos, "'%s' counts years from the current period, but the period is "
		    "'%s', not a year", s, cur);
		return -1;
	}
	char num[32];
	snprintf(num, sizeof num, "%ld", strtol(cur, NULL, 10) + off);
	*out = rg_arena_strdup(c->doc->arena, num);
	return 1;
}

/* Parse "[region=孟津区, period=2023, kind=target]" at *s. */
static int
parse_selector(ctx *c, const char **s, expr *e, rg_pos pos)
{
	const char *p = *s + 1;
	const char *end = strchr(p, ']');
	if (end == NULL) {
		err(c, pos, "selector is not closed by ']'");
		return -1;
	}
	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		if (comma == NULL)
			comma = end;
		const char *eq = memchr(p, '=', (size_t)(comma - p));
		if (eq == NULL) {
			err(c, pos, "selector item '%s' is not key=value",
			    trim_dup(c->doc->arena, p, (size_t)(comma - p)));
			return -1;
		}
		char *key = trim_dup(c->doc->arena, p, (size_t)(eq - p));
		char *val = trim_dup(c->doc->arena, eq + 1, (size_t)(comma - eq - 1));
		if (strcmp(key, "region") == 0) {
			e->sel_region = val;
		} else if (strcmp(key, "period") == 0) {
			const char *rel;
			int r = relative_period(c, val, pos, &rel);
			if (r < 0)
				return -1;
			e->sel_period = r > 0 ? rel : val;
		} else if (strcmp(key, "kind") == 0) {
			rg_obs_kind k;
			if (rg_obs_kind_parse(val, &k) < 0) {
				err(c, pos, "unknown kind '%s' in selector (expected actual, "
				    "target, base, plan or estimate)", val);
				return -1;
			}
			e->sel_kind = (int)k;
		} else {
			err(c, pos, "unknown selector key '%s' (expected region, period or kind)",
			    key);
			return -1;
		}
		p = comma + 1;
	}
	*s = end + 1;
	return 0;
}

/* Formatting options after '|': "decimals=1, scale=万, growth=arrows". */
static int
parse_format(ctx *c, const char *s, rg_pos pos, expr *e)
{
	e->fmt = rg_numfmt_default;
	e->fmt.words = &c->words;
	e->has_fmt = 1;
	while (*s) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);
		const char *eq = memchr(s, '=', n);
		if (eq == NULL) {
			err(c, pos, "format option '%s' is not key=value (e.g. decimals=1)",
			    trim_dup(c->doc->arena, s, n));
			return -1;
		}
		char *key = trim_dup(c->doc->arena, s, (size_t)(eq - s));
		char *val = trim_dup(c->doc->arena, eq + 1, (size_t)(s + n - eq - 1));
		const char *expected = NULL;
		int rc = rg_numfmt_option(&e->fmt, key, val, &expected);
		if (rc > 0) {
			const char *hint = rg_nearest_word(key, rg_numfmt_keys, 16);
			err(c, pos, "unknown format option '%s'%s%s%s", key,
			    hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
			return -1;
		}
		if (rc < 0) {
			err(c, pos, "format option %s must be %s, found '%s'", key, expected, val);
			return -1;
		}
		s += n + (comma != NULL);
	}
	return 0;
}

static int
parse_expr(ctx *c, const char *text, rg_pos pos, expr *e)
{
	memset(e, 0, sizeof *e);
	e->sel_kind = -1;
	const char *bar = strchr(text, '|');
	if (bar != NULL) {
		if (parse_format(c, bar + 1, pos, e) < 0)
			return -1;
		text = rg_arena_strndup(c->doc->arena, text, (size_t)(bar - text));
	}
	const char *s = text;
	while (*s == ' ' || *s == '\t')
		s++;
	if (take_ident(&s, e->head, sizeof e->head) < 0)
		goto bad;
	if (*s == '[' && parse_selector(c, &s, e, pos) < 0)
		return -1;
	if (*s == '.') {
		s++;
		if (take_ident(&s, e->field, sizeof e->field) < 0)
			goto bad;
		if (*s == '.') {
			s++;
			if (take_ident(&s, e->sub, sizeof e->sub) < 0)
				goto bad;
		}
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0')
		goto bad;
	return 0;
bad:
	err(c, pos, "malformed placeholder '{{%s}}' (expected a path such as "
	    "meta.title, text.review or gdp.value)", text);
	return -1;
}

static const char *
region_default(const ctx *c, const expr *e)
{
	if (e->sel_region == NULL)
		return c->region;
	const rg_region *r = rg_dataset_region(c->ds, e->sel_region);
	return r ? r->id : e->sel_region;
}

static const char *
resolve_meta(ctx *c, const expr *e, rg_pos pos)
{
	const rg_meta *m = &c->ds->meta;
	const char *f = e->field;
	const char *v = NULL;
	int known = 1;
	if (strcmp(f, "source") == 0) {
		const char *s = e->sub;
		if (strcmp(s, "document") == 0) v = m->source.document;
		else if (strcmp(s, "seed") == 0) v = m->source.seed;
		else if (strcmp(s, "publisher") == 0) v = m->source.publisher;
		else if (strcmp(s, "url") == 0) v = m->source.url;
		else known = 0;
	} else if (e->sub[0] != '\0') {
		known = 0;
	} else if (strcmp(f, "title") == 0) v = m->title;
	else if (strcmp(f, "subtitle") == 0) v = m->subtitle;
	else if (strcmp(f, "period") == 0) v = c->period;
	else if (strcmp(f, "date") == 0) v = m->date;
	else if (strcmp(f, "author") == 0) v = m->author;
	else if (strcmp(f, "region") == 0) {
		const rg_region *r = c->region ? rg_dataset_region(c->ds, c->region) : NULL;
		v = r ? r->name : c->region;
	} else known = 0;
	if (!known) {
		err(c, pos, "unknown placeholder 'meta.%s%s%s' (meta has title, subtitle, "
		    "region, period, date, author, source.document, source.seed, "
		    "source.publisher, source.url)", f, e->sub[0] ? "." : "", e->sub);
		return NULL;
	}
	if (v == NULL) {
		err(c, pos, "placeholder 'meta.%s%s%s' has no value in the data", f,
		    e->sub[0] ? "." : "", e->sub);
		return NULL;
	}
	return v;
}

static const rg_narrative *
resolve_text(ctx *c, const expr *e, rg_pos pos)
{
	if (e->field[0] == '\0' || e->sub[0] != '\0') {
		err(c, pos, "malformed placeholder: narrative text is text.ID, e.g. "
		    "text.review");
		return NULL;
	}
	const char *region = region_default(c, e);
	const char *period = e->sel_period ? e->sel_period : c->period;
	const rg_narrative *n = rg_dataset_narrative(c->ds, e->field, region, period);
	if (n == NULL) {
		rg_buf msg = { 0 };
		rg_buf_printf(&msg, "no narrative '%s' for region %s, period %s", e->field,
		    region ? region : "(none)", period ? period : "(none)");
		const char *ids[64];
		size_t nids = 0;
		for (size_t i = 0; i < c->ds->nnarratives && nids < 64; i++)
			ids[nids++] = c->ds->narratives[i].id;
		const char *hint = rg_nearest_word(e->field, ids, nids);
		if (hint != NULL && strcmp(hint, e->field) != 0)
			rg_buf_printf(&msg, " (did you mean 'text.%s'?)", hint);
		err(c, pos, "%s", rg_buf_cstr(&msg));
		rg_buf_free(&msg);
	}
	return n;
}

static const char *const indicator_fields[] = {
	"value", "unit", "name", "growth", "change", "trend", "period", "region",
	"quote", "group", "attribute", "note", "kind", NULL
};

static const char *
resolve_indicator(ctx *c, const expr *e, rg_pos pos)
{
	const rg_indicator *ind = rg_dataset_indicator(c->ds, e->head);
	if (ind == NULL) {
		const char *ids[256];
		size_t nids = 0;
		ids[nids++] = "period";
		for (size_t i = 0; i < c->ds->nindicators && nids < 256; i++)
			ids[nids++] = c->ds->indicators[i].id;
		const char *hint = rg_nearest_word(e->head, ids, nids);
		rg_buf msg = { 0 };
		rg_buf_printf(&msg, "unknown placeholder '%s': not meta.*, text.* or an "
		    "indicator id in the data", e->head);
		if (hint != NULL)
			rg_buf_printf(&msg, " (did you mean '%s'?)", hint);
		err(c, pos, "%s", rg_buf_cstr(&msg));
		rg_buf_free(&msg);
		return NULL;
	}
	const char *f = e->field;
	if (e->sub[0] != '\0' ||
	    (f[0] != '\0' && rg_nearest_word(f, indicator_fields, 64) == NULL) ||
	    (f[0] != '\0' && strcmp(rg_nearest_word(f, indicator_fields, 64), f) != 0)) {
		err(c, pos, "unknown field '%s' of indicator '%s' (expected value, unit, "
		    "name, growth, change, trend, period, region, quote, group, attribute, "
		    "note or kind)", e->sub[0] ? e->sub : f, e->head);
		return NULL;
	}
	if (strcmp(f, "name") == 0) return ind->name;
	if (strcmp(f, "unit") == 0) return ind->unit ? ind->unit : "";
	if (strcmp(f, "group") == 0) return ind->group ? ind->group : "";
	if (strcmp(f, "attribute") == 0) return ind->attribute ? ind->attribute : "";
	if (strcmp(f, "note") == 0) return ind->note ? ind->note : "";

	rg_obs_query q = { ind->id, region_default(c, e),
	    e->sel_period ? e->sel_period : c->period,
	    e->sel_kind >= 0 ? e->sel_kind : (int)RG_OBS_ACTUAL };
	const rg_observation *o = NULL;
	size_t n = rg_dataset_find(c->ds, &q, &o, 1);
	if (n != 1) {
		err(c, pos, "%s %s observation of '%s' for region %s, period %s (select "
		    "one with %s[region=..., period=..., kind=...])", n ? "more than one" : "no",
		    rg_obs_kind_name((rg_obs_kind)q.kind), ind->id,
		    q.region ? q.region : "(none)", q.period ? q.period : "(none)", ind->id);
		return NULL;
	}
	rg_arena *a = c->doc->arena;
	const rg_numfmt *fmt = e->has_fmt ? &e->fmt : NULL;
	if (f[0] == '\0') return rg_format_observation(a, ind, o, fmt ? fmt : &c->plain);
	if (strcmp(f, "value") == 0) {
		const char *v = o->value && fmt ? rg_format_number(a, o->value, ind->unit, fmt)
		    : NULL;
		return v ? v : o->value ? o->value : "—";
	}
	if (strcmp(f, "growth") == 0)
		return o->growth == NULL ? "—" : fmt ? rg_format_obs_growth(a, o, fmt) : o->growth;
	if (strcmp(f, "change") == 0)
		return o->change == NULL ? "—" : fmt ? rg_format_change(a, o->change, fmt) : o->change;
	if (strcmp(f, "trend") == 0) return rg_format_trend(a, o, fmt ? fmt : &c->plain);
	if (strcmp(f, "period") == 0) return o->period;
	if (strcmp(f, "kind") == 0) return rg_obs_kind_name(o->kind);
	if (strcmp(f, "quote") == 0) return o->quote ? o->quote : "";
	if (strcmp(f, "region") == 0) {
		const rg_region *r = rg_dataset_region(c->ds, o->region);
		return r ? r->name : o->region;
	}
	return NULL;
}

/* Resolve one placeholder to text, or (for text.ID) to a narrative. */
static const char *
resolve(ctx *c, const char *inner, rg_pos pos, const rg_narrative **narr)
{
	expr e;
	*narr = NULL;
	const char *rel;
	int r = relative_period(c, inner, pos, &rel);
	if (r != 0)
		return r > 0 ? rel : NULL;
	if (parse_expr(c, inner, pos, &e) < 0)
		return NULL;
	if (strcmp(e.head, "meta") == 0)
		return resolve_meta(c, &e, pos);
	if (strcmp(e.head, "text") == 0) {
		*narr = resolve_text(c, &e, pos);
		return NULL;
	}
	return resolve_indicator(c, &e, pos);
}

static void convert_inlines(ctx *c, cmark_node *first, rg_block *b, unsigned style,
    const char *url);

static void
narrative_ctx(const ctx *c, const rg_narrative *n, ctx *sub)
{
	*sub = *c;
	sub->file = n->text_pos.file;
	sub->line_offset = n->text_pos.line > 0 ? n->text_pos.line - 1 : 0;
	sub->col_offset_first = n->text_pos.col > 0 ? n->text_pos.col - 1 : 0;
	sub->in_narrative = 1;
	sub->errors = 0;
}

/* The shallowest heading level in a cmark tree (7 if none). */
static int
min_heading(cmark_node *root)
{
	int min = 7;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) < min)
			min = cmark_node_get_heading_level(n);
	}
	cmark_iter_free(it);
	return min;
}

/* Parse a narrative's Markdown and convert its blocks under parent.  Its
 * headings are re-levelled to sit just below the template's enclosing
 * heading (a narrative's "### 产业发展" under "## 三、工作回顾" becomes
 * level 3, under "# 三、工作回顾" level 2), like Pandoc's
 * --shift-heading-level-by. */
static void
splice_narrative(ctx *c, const rg_narrative *n, rg_block *parent)
{
	const rg_cjk_map *map;
	cmark_node *root = parse_markdown(n->text, strlen(n->text), c->doc->arena, &map);
	ctx sub;
	narrative_ctx(c, n, &sub);
	sub.cjk = map;
	int min = min_heading(root);
	if (min < 7)
		sub.heading_shift = c->section_level + 1 - min;
	convert_blocks(&sub, cmark_node_first_child(root), parent);
	c->errors += sub.errors;
	cmark_node_free(root);
}

/* A narrative used inside a sentence must be a single paragraph; its inline
 * content (with its own emphasis) joins the surrounding spans. */
static void
splice_inline_narrative(ctx *c, const rg_narrative *n, rg_block *b, unsigned style,
    const char *url, rg_pos pos)
{
	const rg_cjk_map *map;
	cmark_node *root = parse_markdown(n->text, strlen(n->text), c->doc->arena, &map);
	cmark_node *only = cmark_node_first_child(root);
	if (only == NULL || cmark_node_next(only) != NULL ||
	    cmark_node_get_type(only) != CMARK_NODE_PARAGRAPH) {
		err(c, pos, "narrative '%s' is more than one paragraph; put its "
		    "placeholder alone in a paragraph of its own", n->id);
	} else {
		ctx sub;
		narrative_ctx(c, n, &sub);
		sub.cjk = map;
		convert_inlines(&sub, cmark_node_first_child(only), b, style, url);
		c->errors += sub.errors;
	}
	cmark_node_free(root);
}

/* Append the text of a text node to b, expanding placeholders. */
static void
add_text(ctx *c, rg_block *b, const char *text, unsigned style, const char *url, rg_pos pos)
{
	const char *s = text;
	for (;;) {
		if (doc_full(c, pos))
			return;
		const char *open = c->in_narrative ? NULL : strstr(s, "{{");
		if (open == NULL) {
			if (*s)
				rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style, s, strlen(s), url, pos);
			return;
		}
		if (open > s)
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style, s, (size_t)(open - s), url, pos);
		rg_pos ppos = pos;
		ppos.col += (int)(open - text);
		const char *close = strstr(open + 2, "}}");
		if (close == NULL) {
			err(c, ppos, "placeholder is not closed by '}}'");
			return;
		}
		char *inner = rg_xstrndup(open + 2, (size_t)(close - open - 2));
		const rg_narrative *narr;
		const char *v = resolve(c, inner, ppos, &narr);
		free(inner);
		if (narr != NULL)
			splice_inline_narrative(c, narr, b, style, url, ppos);
		else if (v != NULL && c->escape_bars && strchr(v, '|') != NULL) {
			rg_buf esc = { 0 };
			for (const char *q = v; *q; q++)
				rg_buf_puts(&esc, *q == '|' ? "\\|" : (char[2]){ *q, 0 });
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style, esc.data, esc.len, url, ppos);
			rg_buf_free(&esc);
		} else if (v != NULL)
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style, v, strlen(v), url, ppos);
		s = close + 2;
	}
}

static void
convert_inlines(ctx *c, cmark_node *first, rg_block *b, unsigned style, const char *url)
{
	for (cmark_node *n = first; n != NULL; n = cmark_node_next(n)) {
		rg_pos pos = node_pos(c, n);
		const char *lit = cmark_node_get_literal(n);
		cmark_node_type type = cmark_node_get_type(n);
		if (doc_full(c, pos))
			return;
		if ((type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG ||
		    type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) && too_deep(c, pos, 1))
			continue;
		c->inline_depth++;
		switch (type) {
		case CMARK_NODE_TEXT:
			add_text(c, b, lit, style, url, pos);
			break;
		case CMARK_NODE_SOFTBREAK:
			rg_doc_span_add(c->doc, b, RG_SPAN_SOFTBREAK, style, "", 0, url, pos);
			break;
		case CMARK_NODE_LINEBREAK:
			rg_doc_span_add(c->doc, b, RG_SPAN_HARDBREAK, style, "", 0, url, pos);
			break;
		case CMARK_NODE_CODE:
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style | RG_STYLE_CODE,
			    lit, strlen(lit), url, pos);
			break;
		case CMARK_NODE_HTML_INLINE:
			rg_warning(c->d, pos, "raw HTML is not interpreted; shown as text");
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style | RG_STYLE_CODE,
			    lit, strlen(lit), url, pos);
			break;
		case CMARK_NODE_EMPH:
			convert_inlines(c, cmark_node_first_child(n), b, style | RG_STYLE_EMPH, url);
			break;
		case CMARK_NODE_STRONG:
			convert_inlines(c, cmark_node_first_child(n), b, style | RG_STYLE_STRONG, url);
			break;
		case CMARK_NODE_LINK: {
			const char *href = cmark_node_get_url(n);
			convert_inlines(c, cmark_node_first_child(n), b, style | RG_STYLE_LINK,
			    href ? href : "");
			break;
		}
		case CMARK_NODE_IMAGE:
			rg_warning(c->d, pos, "images are not supported; showing the image "
			    "description instead");
			convert_inlines(c, cmark_node_first_child(n), b, style | RG_STYLE_EMPH, url);
			break;
		default:
			rg_warning(c->d, pos, "unsupported inline element '%s' shown as text",
			    cmark_node_get_type_string(n));
			if (lit != NULL)
				rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style, lit, strlen(lit), url, pos);
			break;
		}
		c->inline_depth--;
	}
}

/* The placeholder text if a paragraph consists of exactly one "{{ ... }}". */
static char *
lone_placeholder(cmark_node *para)
{
	cmark_node *only = cmark_node_first_child(para);
	if (only == NULL || cmark_node_next(only) != NULL ||
	    cmark_node_get_type(only) != CMARK_NODE_TEXT)
		return NULL;
	const char *s = cmark_node_get_literal(only);
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (*s == ' ' || *s == '\t') {
		s++;
		n--;
	}
	if (n < 4 || strncmp(s, "{{", 2) != 0 || strncmp(s + n - 2, "}}", 2) != 0)
		return NULL;
	char *inner = rg_xstrndup(s + 2, n - 4);
	if (strstr(inner, "{{") != NULL || strstr(inner, "}}") != NULL) {
		free(inner);
		return NULL;
	}
	return inner;
}

static void
convert_paragraph(ctx *c, cmark_node *n, rg_block *parent)
{
	rg_pos pos = node_pos(c, n);
	char *inner = c->in_narrative ? NULL : lone_placeholder(n);
	if (inner != NULL) {
		const rg_narrative *narr;
		rg_pos ppos = node_pos(c, cmark_node_first_child(n));
		const char *lit = cmark_node_get_literal(cmark_node_first_child(n));
		ppos.col += (int)(strstr(lit, "{{") - lit);
		const char *v = resolve(c, inner, ppos, &narr);
		free(inner);
		if (narr != NULL) {
			splice_narrative(c, narr, parent);
		} else if (v != NULL) {
			rg_block *b = rg_doc_block_new(c->doc, parent, RG_BLOCK_PARAGRAPH, pos);
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, 0, v, strlen(v), NULL, ppos);
		}
		return;
	}
	rg_block *b = rg_doc_block_new(c->doc, parent, RG_BLOCK_PARAGRAPH, pos);
	convert_inlines(c, cmark_node_first_child(n), b, 0, NULL);
}

static const char *expand_plain(ctx *c, const char *value, rg_pos pos, int quoted,
    int escape_bars);

/* The keys of directives that name periods: their values may be relative
 * (period-1). */
static const char *const period_keys[] = {
	"period", "periods", "base", "targets", "actuals", NULL
};

/* rg_expander: a value of a directive's spec, its placeholders expanded
 * and, under a key that names periods, a relative period made absolute. */
static const char *
directive_value(void *arg, const char *key, const char *value, rg_pos pos, int quoted)
{
	ctx *c = arg;
	for (size_t i = 0; period_keys[i] != NULL; i++) {
		if (strcmp(key, period_keys[i]) != 0)
			continue;
		const char *rel;
		rg_pos at = pos;
		at.col += quoted;
		int r = relative_period(c, value, at, &rel);
		if (r != 0)
			return r > 0 ? rel : NULL;
	}
	return expand_plain(c, value, pos, quoted,
	    strcmp(key, "rows") == 0 || strcmp(key, "header") == 0);
}

static void
convert_code_block(ctx *c, cmark_node *n, rg_block *parent)
{
	rg_pos pos = node_pos(c, n);
	const char *info = cmark_node_get_fence_info(n);
	const char *lit = cmark_node_get_literal(n);
	if (!c->in_narrative && info != NULL && rg_directive_is(info)) {
		rg_pos body = pos;
		body.line++;
		body.col = 1;
		rg_block *last = parent->last_child;
		rg_expander ex = { directive_value, c };
		if (rg_directive_expand(c->doc, parent, info, lit, body, pos, c->ds,
		    c->region, c->period, &ex, &c->words, c->d) < 0)
			c->errors++;
		for (rg_block *b = last ? last->next : parent->first_child; b; b = b->next) {
			if (b->kind == RG_BLOCK_TABLE && b->table->nrows > RG_TABLE_MAX_ROWS)
				err(c, pos, "table of %zu rows: the limit is %d rows",
				    b->table->nrows, RG_TABLE_MAX_ROWS);
			/* a chart's points count as elements of the document */
			if (b->kind == RG_BLOCK_CHART && b->chart != NULL)
				c->doc->nodes += b->chart->ncategories * (b->chart->nseries + 1);
		}
		return;
	}
	rg_block *b = rg_doc_block_new(c->doc, parent, RG_BLOCK_CODE, pos);
	b->info = info ? rg_arena_strdup(c->doc->arena, info) : NULL;
	size_t len = strlen(lit);
	if (len > 0 && lit[len - 1] == '\n')
		len--;
	rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, RG_STYLE_CODE, lit, len, NULL, pos);
}

static void
convert_blocks(ctx *c, cmark_node *first, rg_block *parent)
{
	for (cmark_node *n = first; n != NULL; n = cmark_node_next(n)) {
		rg_pos pos = node_pos(c, n);
		rg_block *b;
		cmark_node_type type = cmark_node_get_type(n);
		if (doc_full(c, pos))
			return;
		if ((type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST) &&
		    too_deep(c, pos, 0))
			continue;
		c->depth += type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST;
		switch (type) {
		case CMARK_NODE_PARAGRAPH:
			convert_paragraph(c, n, parent);
			break;
		case CMARK_NODE_HEADING:
			b = rg_doc_block_new(c->doc, parent, RG_BLOCK_HEADING, pos);
			b->level = cmark_node_get_heading_level(n) + c->heading_shift;
			if (b->level > 6)
				b->level = 6;
			if (!c->in_narrative)
				c->section_level = b->level;
			convert_inlines(c, cmark_node_first_child(n), b, 0, NULL);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			b = rg_doc_block_new(c->doc, parent, RG_BLOCK_QUOTE, pos);
			convert_blocks(c, cmark_node_first_child(n), b);
			break;
		case CMARK_NODE_LIST:
			b = rg_doc_block_new(c->doc, parent, RG_BLOCK_LIST, pos);
			b->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
			b->start = b->ordered ? cmark_node_get_list_start(n) : 0;
			b->tight = cmark_node_get_list_tight(n);
			convert_blocks(c, cmark_node_first_child(n), b);
			break;
		case CMARK_NODE_ITEM:
			b = rg_doc_block_new(c->doc, parent, RG_BLOCK_ITEM, pos);
			convert_blocks(c, cmark_node_first_child(n), b);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			rg_doc_block_new(c->doc, parent, RG_BLOCK_RULE, pos);
			break;
		case CMARK_NODE_CODE_BLOCK:
			convert_code_block(c, n, parent);
			break;
		case CMARK_NODE_HTML_BLOCK: {
			rg_warning(c->d, pos, "raw HTML is not interpreted; shown as text");
			const char *lit = cmark_node_get_literal(n);
			size_t len = strlen(lit);
			if (len > 0 && lit[len - 1] == '\n')
				len--;
			b = rg_doc_block_new(c->doc, parent, RG_BLOCK_CODE, pos);
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, RG_STYLE_CODE, lit, len, NULL, pos);
			break;
		}
		default:
			rg_warning(c->d, pos, "unsupported block '%s' skipped",
			    cmark_node_get_type_string(n));
			break;
		}
		c->depth -= type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST;
	}
}

/* A value written in front matter or a directive's spec, its placeholders
 * expanded to plain text (a narrative's inline text without its emphasis).
 * pos is where the value starts, quoted whether it is in quotes.  With
 * escape_bars a '|' in an expanded value is written '\|', so that it stays
 * inside its cell of a static table.  NULL after reporting. */
static const char *
expand_plain(ctx *c, const char *value, rg_pos pos, int quoted, int escape_bars)
{
	if (strstr(value, "{{") == NULL)
		return value;
	if (quoted)
		pos.col++;
	int before = c->errors;
	rg_block tmp;
	memset(&tmp, 0, sizeof tmp);
	c->escape_bars = escape_bars;
	add_text(c, &tmp, value, 0, NULL, pos);
	c->escape_bars = 0;
	rg_buf b = { 0 };
	for (size_t i = 0; i < tmp.nspans; i++)
		if (tmp.spans[i].kind == RG_SPAN_TEXT)
			rg_buf_puts(&b, tmp.spans[i].text);
	free(tmp.spans);
	const char *s = rg_arena_strdup(c->doc->arena, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return c->errors > before ? NULL : s;
}

/* Front matter values may hold placeholders: expand them to plain text. */
static const char *
front_value(ctx *c, rg_spec *front, const char *key)
{
	rg_spec_entry *e = rg_spec_get(front, key);
	if (e == NULL)
		return NULL;
	rg_buf b = { 0 };
	for (size_t i = 0; i < e->nvalues; i++) {
		const char *v = expand_plain(c, e->values[i], e->value_pos[i],
		    e->quoted != NULL && e->quoted[i], 0);
		rg_buf_printf(&b, "%s%s", i ? ", " : "", v ? v : "");
	}
	const char *s = rg_arena_strdup(c->doc->arena, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return s;
}

/* The document's words: lang (or locale) picks the script, by default the
 * data's; words: ["续表=接上表", "total=总计"] replaces single words. */
static int
read_words(ctx *c, rg_spec *front)
{
	rg_lang lang = rg_words_guess(c->ds);
	int rc = 0;
	for (int k = 0; k < 2; k++) {
		const char *key = k ? "locale" : "lang";
		const char *v = rg_spec_scalar(front, key, c->d);
		if (v == NULL)
			continue;
		if (rg_lang_parse(v, &lang) < 0) {
			err(c, rg_spec_get(front, key)->value_pos[0], "%s '%s' is not a Chinese "
			    "locale reportgen writes (expected zh-Hans, zh-CN, zh-SG, zh-Hant, "
			    "zh-TW, zh-HK or zh-MO)", key, v);
			rc = -1;
		}
	}
	rg_words_init(&c->words, lang);
	rg_spec_entry *e = rg_spec_get(front, "words");
	for (size_t i = 0; e != NULL && i < e->nvalues; i++) {
		const char *s = e->values[i];
		rg_pos at = e->value_pos[i];
		at.col += e->quoted != NULL && e->quoted[i];
		const char *eq = strchr(s, '=');
		if (eq == NULL || eq == s) {
			err(c, at, "words: '%s' is not WORD=REPLACEMENT (e.g. "
			    "续表=接上表)", s);
			rc = -1;
			continue;
		}
		char *key = trim_dup(c->doc->arena, s, (size_t)(eq - s));
		char *val = trim_dup(c->doc->arena, eq + 1, strlen(eq + 1));
		if (rg_words_set(&c->words, key, val) < 0) {
			const char *hint = rg_nearest_word(key, rg_word_keys, 64);
			err(c, at, "words: reportgen writes no word '%s'%s%s%s", key,
			    hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
			rc = -1;
		}
	}
	return rc;
}

/* Front matter as a private copy (so 'used' marks leave t alone), with the
 * command line's key=value settings replacing or adding keys. */
static int
front_with_vars(const rg_template *t, const char *const *vars, size_t nvars,
    rg_arena *arena, rg_spec *front, rg_diag *d)
{
	memset(front, 0, sizeof *front);
	for (size_t i = 0; i < t->front.n; i++)
		*RG_PUSH(front->entries, front->n, front->cap) = t->front.entries[i];
	for (size_t i = 0; i < nvars; i++) {
		rg_pos at = { "command line", 0, 0 };
		const char *eq = strchr(vars[i], '=');
		if (eq == NULL || eq == vars[i]) {
			rg_error(d, at, "-V expects KEY=VALUE, found '%s'", vars[i]);
			return -1;
		}
		char *key = rg_arena_strndup(arena, vars[i], (size_t)(eq - vars[i]));
		rg_spec_entry *e = NULL;
		for (size_t k = 0; k < front->n; k++)
			if (strcmp(front->entries[k].key, key) == 0)
				e = &front->entries[k];
		if (e == NULL) {
			e = RG_PUSH(front->entries, front->n, front->cap);
			memset(e, 0, sizeof *e);
			e->key = key;
			e->key_pos = at;
		}
		const char **vals = rg_arena_alloc(arena, sizeof *vals);
		rg_pos *poss = rg_arena_alloc(arena, sizeof *poss);
		vals[0] = rg_arena_strdup(arena, eq + 1);
		poss[0] = at;
		e->values = vals;
		e->value_pos = poss;
		e->quoted = NULL;
		e->nvalues = 1;
		e->is_seq = 0;
	}
	return 0;
}

rg_doc *
rg_template_expand(const rg_template *t, const rg_dataset *ds,
    const char *const *vars, size_t nvars, rg_diag *d)
{
	ctx c;
	memset(&c, 0, sizeof c);
	c.t = t;
	c.ds = ds;
	c.d = d;
	c.doc = rg_doc_new();
	c.file = t->name;
	c.line_offset = t->body_line - 1;
	c.cjk = t->cjk;

	rg_spec front;
	if (front_with_vars(t, vars, nvars, c.doc->arena, &front, d) < 0) {
		rg_spec_free(&front);
		rg_doc_free(c.doc);
		return NULL;
	}

	/* region and period first: other front matter values may use them */
	c.region = ds->meta.region;
	c.period = ds->meta.period;
	const char *region = rg_spec_scalar(&front, "region", d);
	if (region != NULL) {
		const rg_region *r = rg_dataset_region(ds, region);
		if (r == NULL) {
			rg_spec_entry *e = rg_spec_get(&front, "region");
			err(&c, e->value_pos[0], "front matter region '%s' is not a region "
			    "in the data", region);
		} else {
			c.region = r->id;
		}
	}
	const char *period = rg_spec_scalar(&front, "period", d);
	if (period != NULL)
		c.period = period;
	if (read_words(&c, &front) < 0)
		c.errors++;
	c.plain = rg_numfmt_default;
	c.plain.words = &c.words;

	rg_doc_meta *m = &c.doc->meta;
	m->title = front_value(&c, &front, "title");
	m->subtitle = front_value(&c, &front, "subtitle");
	m->author = front_value(&c, &front, "author");
	m->subject = front_value(&c, &front, "subject");
	m->keywords = front_value(&c, &front, "keywords");
	m->date = front_value(&c, &front, "date");
	m->theme = front_value(&c, &front, "theme");
	m->marking = front_value(&c, &front, "marking");
	m->continued = c.words.w[RG_W_CONTINUED];
	m->lang = rg_lang_name(c.words.lang);
	if (rg_gongwen_read(&m->gongwen, &front, c.doc->arena, d) < 0)
		c.errors++;
	if (rg_spec_check_unused(&front, "front matter", front_keys, d) < 0)
		c.errors++;
	rg_spec_free(&front);

	rg_pos top = { t->name, t->body_line, 1 };
	if (m->title != NULL) {
		rg_block *b = rg_doc_block_new(c.doc, c.doc->root, RG_BLOCK_TITLE, top);
		m->title = rg_gongwen_title_spans(c.doc, b, m->title, top);
	} else {
		m->title = ds->meta.title ? rg_arena_strdup(c.doc->arena, ds->meta.title) : NULL;
	}
	/* the title heads every page: a long one would be set once per page */
	if (m->title != NULL && strlen(m->title) > RG_TEMPLATE_MAX_TITLE_BYTES)
		err(&c, top, "the document's title is %zu bytes long: the limit is %d (it "
		    "heads every page)", strlen(m->title), RG_TEMPLATE_MAX_TITLE_BYTES);
	if (m->marking != NULL && strlen(m->marking) > RG_TEMPLATE_MAX_TITLE_BYTES)
		err(&c, top, "the marking is %zu bytes long: the limit is %d (it is set on "
		    "every page)", strlen(m->marking), RG_TEMPLATE_MAX_TITLE_BYTES);
	if (m->subtitle != NULL) {
		rg_block *b = rg_doc_block_new(c.doc, c.doc->root, RG_BLOCK_SUBTITLE, top);
		rg_doc_span_add(c.doc, b, RG_SPAN_TEXT, 0, m->subtitle, strlen(m->subtitle),
		    NULL, top);
	}
	if (m->author == NULL && ds->meta.author != NULL)
		m->author = rg_arena_strdup(c.doc->arena, ds->meta.author);
	if (m->date == NULL && ds->meta.date != NULL)
		m->date = rg_arena_strdup(c.doc->arena, ds->meta.date);

	convert_blocks(&c, cmark_node_first_child(t->root), c.doc->root);
	rg_pos end = { t->name, 0, 0 };
	doc_full(&c, end);      /* the last block may have gone past a limit */
	if (c.errors > 0) {
		rg_doc_free(c.doc);
		return NULL;
	}
	return c.doc;
}
