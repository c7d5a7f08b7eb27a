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

#include "../base/file.h"
#include "../base/buf.h"
#include "../base/suggest.h"
#include "../base/utf8.h"
#include "cjk.h"
#include "convert.h"
#include "directive.h"
#include "format.h"
#include "grid.h"
#include "image.h"
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
	struct srclines *body;   /* the body's lines: byte columns -> characters */
};

static const char *const front_keys[] = {
	"title", "subtitle", "author", "subject", "keywords", "date", "region", "period",
	"theme", "marking", "lang", "locale", "words", "convert", "key_indicators", NULL
};

/* ---- loading ---------------------------------------------------------- */

static char *
read_file(const char *path, size_t limit, size_t *len, rg_diag *d)
{
	rg_pos at = { path, 0, 0 };
	const char *why;
	rg_buf b = { 0 };
	int rc = rg_read_regular(path, limit, &b, &why);
	if (rc == -1)
		rg_msg(d, RG_M_FILE_UNREADABLE, at, "cannot read template: %s", why);
	else if (rc == 1)
		rg_msg(d, RG_M_FILE_TOO_LARGE, at,
		    "template is larger than the limit of %zu bytes", limit);
	else if (rc == -2)
		rg_msg(d, RG_M_READ_FAILED, at, "cannot read template");
	if (rc != 0) {
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
	rg_msg(d, RG_M_FRONT_MATTER, at, "front matter is not closed by a line '---'");
	return -1;
}

/* The lines of a Markdown text, so that cmark's byte columns can be told
 * in characters (diag.h). */
typedef struct srclines {
	const char *text;
	size_t len;
	size_t *start;           /* where each line starts */
	size_t n;
} srclines;

static srclines *
srclines_new(const char *text, size_t len, rg_arena *arena)
{
	srclines *sl = rg_arena_alloc(arena, sizeof *sl);
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	sl->text = text;
	sl->len = len;
	sl->start = rg_arena_alloc(arena, n * sizeof *sl->start);
	sl->n = 0;
	sl->start[sl->n++] = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			sl->start[sl->n++] = i + 1;
	return sl;
}

/* Byte column col (1-based) of line (1-based) in characters. */
static int
srclines_col(const srclines *sl, int line, int col)
{
	if (sl == NULL || line < 1 || (size_t)line > sl->n || col < 1)
		return col;
	size_t at = sl->start[line - 1], end = at;
	while (end < sl->len && sl->text[end] != '\n')
		end++;
	size_t off = (size_t)(col - 1);
	if (off > end - at)   /* past the line's end: the rest counts as it is */
		return rg_char_col(sl->text + at, end - at) + (int)(off - (end - at));
	return rg_char_col(sl->text + at, off);
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

/* Footnotes are no CommonMark: cmark takes a definition `[^1]: 说明` for a
 * link reference, which it drops, and the note's text would be lost
 * without a word.  Each such line outside a fenced code block is warned. */
static void
warn_footnotes(const rg_template *t, rg_diag *d)
{
	const srclines *sl = t->body;
	char fence = 0;
	for (size_t i = 0; i < sl->n; i++) {
		const char *s = sl->text + sl->start[i];
		size_t n = (i + 1 < sl->n ? sl->start[i + 1] - 1 : sl->len) - sl->start[i];
		size_t k = 0;
		while (k < n && k < 3 && s[k] == ' ')
			k++;
		if (n - k >= 3 && (s[k] == '`' || s[k] == '~') && s[k + 1] == s[k] && s[k + 2] == s[k]) {
			fence = fence == 0 ? s[k] : fence == s[k] ? 0 : fence;
			continue;
		}
		if (fence != 0 || n - k < 5 || s[k] != '[' || s[k + 1] != '^')
			continue;
		const char *close = memchr(s + k + 2, ']', n - k - 2);
		if (close != NULL && close > s + k + 2 && close + 1 < s + n && close[1] == ':')
			rg_msg(d, RG_M_MARKDOWN_IGNORED,
			    rg_pos_make(t->name, t->body_line + (int)i, (int)k + 1),
			    "footnotes are not supported: the definition of '%.*s' is dropped "
			    "(write the note in the text, or as a paragraph)",
			    (int)(close + 1 - (s + k)), s + k);
	}
}

rg_template *
rg_template_parse(const char *name, const char *text, size_t len, rg_diag *d)
{
	rg_pos at = { name, 0, 0 };
	if (len > RG_TEMPLATE_MAX_BYTES) {
		rg_msg(d, RG_M_FILE_TOO_LARGE, at, "template is larger than the limit of %u bytes",
		    RG_TEMPLATE_MAX_BYTES);
		return NULL;
	}
	long bad = rg_utf8_invalid_at(text, len);
	if (bad >= 0) {
		int line = 1, col = 1;
		for (long i = 0; i < bad; i++)
			if (text[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
				col++;   /* a character (the text before bad is UTF-8) */
			}
		rg_msg(d, RG_M_ENCODING, rg_pos_make(name, line, col), "invalid UTF-8 in template");
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
	t->body = srclines_new(t->text + body, len - body, t->arena);
	warn_footnotes(t, d);
	return t;
}

rg_template *
rg_template_load(const char *path, rg_diag *d)
{
	size_t len;
	char *text = read_file(path, RG_TEMPLATE_MAX_BYTES, &len, d);
	if (text == NULL)
		return NULL;
	/* an empty file is no template (a wrong path, a file not yet
	 * written): it would render a blank page without a word */
	size_t k = 0;
	while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' ||
	    text[k] == '\r'))
		k++;
	if (k == len) {
		rg_msg(d, RG_M_FILE_EMPTY, rg_pos_make(path, 0, 0),
		    "the template is empty%s: there is nothing to render",
		    len ? " (white space only)" : "");
		free(text);
		return NULL;
	}
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

/* Observations whose stated growth was found to disagree: warned once. */
struct warned {
	const rg_observation **obs;
	size_t n, cap;
};

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
	const srclines *src;     /* its text's lines */
	rg_words words;          /* the words reportgen writes (words.h) */
	const char *indicator;   /* {{#each indicator ...}}: the current one */
	int computed;            /* the placeholder just resolved was computed */
	int marker_depth;        /* {{#each}} and {{#if}} open around the current one */
	const char *convert;     /* "t2s", "s2t", "s2tw", "s2hk" or NULL: OpenCC over the document */
	struct warned *warned;   /* observations already warned about (shared by sub-contexts) */
	rg_pos convert_pos;
	rg_numfmt plain;         /* values as written, growth in words, in those words */
	const char **keys;       /* the key indicators (indicators: key) */
	size_t nkeys;
	const rg_expand_opts *opts;   /* or NULL */
} ctx;

static rg_pos
node_pos(const ctx *c, cmark_node *n)
{
	int line = cmark_node_get_start_line(n);
	int col = rg_cjk_col(c->cjk, line, cmark_node_get_start_column(n));
	rg_pos p = { c->file, line + c->line_offset, srclines_col(c->src, line, col) };
	if (line == 1)
		p.col += c->col_offset_first;
	return p;
}

static void convert_blocks(ctx *c, cmark_node *first, rg_block *parent);

static void __attribute__((format(printf, 4, 5)))
err(ctx *c, rg_msgid id, rg_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	c->errors++;
	rg_vmsg(c->d, id, pos, fmt, ap);
	va_end(ap);
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
		err(c, RG_M_LIMIT, pos, "emphasis, links and images nested deeper than %d levels",
		    RG_TEMPLATE_MAX_INLINE_NESTING);
	else
		err(c, RG_M_LIMIT, pos, "lists and block quotes nested deeper than %d levels",
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
		err(c, RG_M_LIMIT, pos,
		    "the document grows past %d elements (blocks, table cells and "
		    "runs of text) here: the limit", RG_DOC_MAX_NODES);
	else
		err(c, RG_M_LIMIT, pos, "the document's text grows past %u bytes here: the limit",
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
	const char *sel_from;    /* computed figures: the period to compare with */
	const char *sel_of;      /* the region whose value is the whole (share) */
	const char *sel_among;   /* regions ranked: ids or names joined by '/' */
	int sel_asc;             /* rank from the smallest */
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
		err(c, RG_M_PERIOD_RELATIVE, pos,
		    "'%s' needs a current period: set period in the front matter, "
		    "with -V period=..., or in the data's meta", s);
		return -1;
	}
	if (off == 0) {
		*out = cur;
		return 1;
	}
	size_t nd = strspn(cur, "0123456789");
	if (nd == 0 || nd > 6 || cur[nd] != '\0') {
		err(c, RG_M_PERIOD_RELATIVE, pos,
		    "'%s' counts years from the current period, but the period is "
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
		err(c, RG_M_PLACEHOLDER, pos, "selector is not closed by ']'");
		return -1;
	}
	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		if (comma == NULL)
			comma = end;
		const char *eq = memchr(p, '=', (size_t)(comma - p));
		if (eq == NULL) {
			err(c, RG_M_PLACEHOLDER, pos, "selector item '%s' is not key=value",
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
		} else if (strcmp(key, "from") == 0) {
			const char *rel;
			int r = relative_period(c, val, pos, &rel);
			if (r < 0)
				return -1;
			e->sel_from = r > 0 ? rel : val;
		} else if (strcmp(key, "of") == 0) {
			e->sel_of = val;
		} else if (strcmp(key, "among") == 0) {
			for (const char *q = val; *q; ) {
				size_t n = strcspn(q, "/");
				char *one = rg_arena_strndup(c->doc->arena, q, n);
				if (rg_dataset_region(c->ds, one) == NULL) {
					err(c, RG_M_UNKNOWN_REFERENCE, pos,
					    "unknown region '%s' in among=", one);
					return -1;
				}
				q += n + (q[n] == '/');
			}
			e->sel_among = val;
		} else if (strcmp(key, "order") == 0) {
			if (strcmp(val, "asc") != 0 && strcmp(val, "desc") != 0) {
				err(c, RG_M_KEY_VALUE, pos,
				    "order must be asc or desc, found '%s'", val);
				return -1;
			}
			e->sel_asc = strcmp(val, "asc") == 0;
		} else if (strcmp(key, "kind") == 0) {
			rg_obs_kind k;
			if (rg_obs_kind_parse(val, &k) < 0) {
				err(c, RG_M_UNKNOWN_REFERENCE, pos,
				    "unknown kind '%s' in selector (expected actual, "
				    "target, base, plan or estimate)", val);
				return -1;
			}
			e->sel_kind = (int)k;
		} else {
			err(c, RG_M_KEY_UNKNOWN, pos,
			    "unknown selector key '%s' (expected region, period, kind, "
			    "from, of, among or order)", key);
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
			err(c, RG_M_KEY_VALUE, pos,
			    "format option '%s' is not key=value (e.g. decimals=1)",
			    trim_dup(c->doc->arena, s, n));
			return -1;
		}
		char *key = trim_dup(c->doc->arena, s, (size_t)(eq - s));
		char *val = trim_dup(c->doc->arena, eq + 1, (size_t)(s + n - eq - 1));
		const char *expected = NULL;
		int rc = rg_numfmt_option(&e->fmt, key, val, &expected);
		if (rc > 0) {
			const char *hint = rg_nearest_word(key, rg_numfmt_keys, 16);
			err(c, RG_M_KEY_UNKNOWN, pos, "unknown format option '%s'%s%s%s", key,
			    hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
			return -1;
		}
		if (rc < 0) {
			err(c, RG_M_KEY_VALUE, pos,
			    "format option %s must be %s, found '%s'", key, expected, val);
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
	err(c, RG_M_PLACEHOLDER, pos, "malformed placeholder '{{%s}}' (expected a path such as "
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
		err(c, RG_M_PLACEHOLDER, pos,
		    "unknown placeholder 'meta.%s%s%s' (meta has title, subtitle, "
		    "region, period, date, author, source.document, source.seed, "
		    "source.publisher, source.url)", f, e->sub[0] ? "." : "", e->sub);
		return NULL;
	}
	if (v == NULL) {
		err(c, RG_M_DATA_MISSING, pos,
		    "placeholder 'meta.%s%s%s' has no value in the data", f,
		    e->sub[0] ? "." : "", e->sub);
		return NULL;
	}
	return v;
}

static const rg_narrative *
resolve_text(ctx *c, const expr *e, rg_pos pos)
{
	if (e->field[0] == '\0' || e->sub[0] != '\0') {
		err(c, RG_M_PLACEHOLDER, pos,
		    "malformed placeholder: narrative text is text.ID, e.g. "
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
		err(c, RG_M_DATA_MISSING, pos, "%s", rg_buf_cstr(&msg));
		rg_buf_free(&msg);
	}
	return n;
}

static const char *const indicator_fields[] = {
	"value", "unit", "name", "growth", "change", "trend", "period", "region",
	"quote", "group", "attribute", "note", "kind", "diff", "share", "rank",
	"completion", "sum", "average", NULL
};

/* ---- computed figures ------------------------------------------------- */

/* A rate or percentage: its changes are in 个百分点. */
static int
is_rate(const rg_indicator *ind)
{
	return ind->unit != NULL && strcmp(ind->unit, "%") == 0;
}

static const char *
with_unit(ctx *c, const char *num, const char *unit)
{
	rg_buf b = { 0 };
	rg_buf_printf(&b, "%s%s", num, unit ? unit : "");
	const char *s = rg_arena_strdup(c->doc->arena, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return s;
}

/* The one observation of q, or NULL. */
static const rg_observation *
find_one(const ctx *c, const char *ind, const char *region, const char *period, int kind)
{
	rg_obs_query q = { ind, region, period, kind };
	const rg_observation *o = NULL;
	return rg_dataset_find(c->ds, &q, &o, 1) == 1 ? o : NULL;
}

/* Is region i the first of its id in the data (joined files list a region
 * once per file)? */
static int
first_region(const rg_dataset *ds, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (strcmp(ds->regions[k].id, ds->regions[i].id) == 0)
			return 0;
	return 1;
}

/* Is region r among those of among ("a/b/c", ids or names; NULL: all)? */
static int
region_among(const rg_region *r, const char *among)
{
	if (among == NULL)
		return 1;
	for (const char *p = among; *p; ) {
		size_t n = strcspn(p, "/");
		if ((strlen(r->id) == n && strncmp(p, r->id, n) == 0) ||
		    (strlen(r->name) == n && strncmp(p, r->name, n) == 0))
			return 1;
		p += n + (p[n] == '/');
	}
	return 0;
}

/* The regions a figure is computed over, one at a time: from index *i on,
 * the next region of among (every region when NULL), each id once, with
 * its observation of ind, period and kind in *obs (NULL if it has none);
 * NULL after the last. */
static const rg_region *
next_region(const ctx *c, const char *among, const char *ind, const char *period, int kind,
    size_t *i, const rg_observation **obs)
{
	for (; *i < c->ds->nregions; (*i)++) {
		const rg_region *r = &c->ds->regions[*i];
		if (!first_region(c->ds, *i) || !region_among(r, among))
			continue;
		*obs = find_one(c, ind, r->id, period, kind);
		(*i)++;
		return r;
	}
	return NULL;
}

/* The sum or average of ind's values over the regions of among (every
 * region with a number when NULL), for period and kind: exact; a sum keeps
 * the most decimals written, an average one more.  NULL after reporting. */
static const char *
region_total(ctx *c, const expr *e, const rg_indicator *ind, const char *period, int kind,
    rg_pos pos)
{
	rg_arena *a = c->doc->arena;
	const char *sum = "0";
	int n = 0, dec = 0;
	const rg_region *r;
	const rg_observation *o;
	for (size_t i = 0; (r = next_region(c, e->sel_among, ind->id, period, kind, &i, &o)) != NULL;) {
		if (o == NULL || !o->value_is_number) {
			if (e->sel_among != NULL) {
				err(c, RG_M_DATA_MISSING, pos,
				    "no %s value of '%s' for region %s, period %s to add up",
				    rg_obs_kind_name((rg_obs_kind)kind), ind->id, r->id, period);
				return NULL;
			}
			continue;
		}
		/* sum + v as sum - (-v) */
		rg_buf b = { 0 };
		if (o->value[0] == '-')
			rg_buf_puts(&b, o->value + 1);
		else
			rg_buf_printf(&b, "-%s", o->value[0] == '+' ? o->value + 1 : o->value);
		sum = rg_dec_sub(a, sum, rg_buf_cstr(&b));
		rg_buf_free(&b);
		int d = rg_format_decimals(o->value);
		if (d > dec)
			dec = d;
		n++;
	}
	if (n == 0) {
		err(c, RG_M_DATA_MISSING, pos,
		    "no region has a %s value of '%s' for period %s to add up",
		    rg_obs_kind_name((rg_obs_kind)kind), ind->id, period);
		return NULL;
	}
	if (strcmp(e->field, "average") == 0) {
		char den[32];
		snprintf(den, sizeof den, "%d00", n);
		sum = rg_dec_percent(a, sum, den, dec + 1);
	}
	if (e->has_fmt)
		sum = rg_format_number(a, sum, ind->unit, &e->fmt);
	c->computed = 1;
	if (strcmp(e->sub, "value") == 0)
		return sum;
	return with_unit(c, sum, rg_show_unit(a, &c->words, RG_SHOW_VALUE, ind->unit,
	    e->has_fmt ? &e->fmt : &c->plain));
}

/* The period a computed change of o compares with: from=, or the year
 * before o's.  NULL after reporting. */
static const char *
base_period(ctx *c, const expr *e, const rg_observation *o, rg_pos pos)
{
	if (e->sel_from != NULL)
		return e->sel_from;
	const char *p = o->period;
	size_t nd = strspn(p, "0123456789");
	if (nd == 0 || nd > 6 || p[nd] != '\0') {
		err(c, RG_M_PERIOD_RELATIVE, pos,
		    "%s.%s compares with the year before, but the period is '%s': "
		    "name one with %s[from=...]", e->head, e->field, p, e->head);
		return NULL;
	}
	char num[32];
	snprintf(num, sizeof num, "%ld", strtol(p, NULL, 10) - 1);
	return rg_arena_strdup(c->doc->arena, num);
}

/* The observation o is compared with (same indicator, region, kind, the
 * base period), with a numeric value; NULL (reported if report) if none. */
static const rg_observation *
base_obs(ctx *c, const expr *e, const rg_observation *o, rg_pos pos, int report)
{
	const char *p = base_period(c, e, o, pos);
	if (p == NULL)
		return NULL;
	const rg_observation *b = find_one(c, o->indicator, o->region, p, (int)o->kind);
	if ((b == NULL || !b->value_is_number) && report)
		err(c, RG_M_DATA_MISSING, pos,
		    "no %s value of '%s' for region %s, period %s to compare with",
		    rg_obs_kind_name(o->kind), o->indicator, o->region, p);
	return b != NULL && b->value_is_number ? b : NULL;
}

/* Growth in percent from the value of the base period: for an observation
 * that states none.  Where the data states one too and the two disagree
 * beyond its rounding, a warning names both observations. */
static const char *
computed_growth(ctx *c, const expr *e, const rg_observation *o, rg_pos pos)
{
	if (!o->value_is_number)
		return NULL;
	const rg_observation *b = base_obs(c, e, o, pos, e->sel_from != NULL && o->growth == NULL);
	/* from a negative value (a net outflow of -29 to -25) a growth in % has
	 * no meaning (it read 下降13.8%): none, as from a zero one */
	if (b == NULL || b->value[0] == '-')
		return NULL;
	rg_arena *a = c->doc->arena;
	int dec = e->has_fmt && e->fmt.decimals >= 0 ? e->fmt.decimals : 1;
	if (o->growth != NULL) {
		int stated = rg_format_decimals(o->growth);
		const char *g = rg_dec_percent(a, rg_dec_sub(a, o->value, b->value), b->value,
		    stated < 0 ? 1 : stated);
		const char *d = g ? rg_dec_sub(a, g, o->growth) : NULL;
		int k;
		if (d != NULL && stated >= 0) {
			/* more than one unit of the last stated decimal apart */
			char unit[16];
			snprintf(unit, sizeof unit, "%s%.*s1", stated ? "0." : "",
			    stated > 0 ? stated - 1 : 0, "000000");
			const char *ad = d[0] == '-' ? d + 1 : d;
			size_t w = 0;
			while (w < c->warned->n && c->warned->obs[w] != o)
				w++;
			if (w == c->warned->n && rg_dec_cmp(ad, unit, &k) == 0 && k > 0 &&
			    (*RG_PUSH(c->warned->obs, c->warned->n, c->warned->cap) = o) != NULL)
				rg_msg(c->d, RG_M_GROWTH_MISMATCH, o->pos,
				    "growth of '%s' stated as %s%%, but %s to %s "
				    "(%s:%d) is %s%%", o->indicator, o->growth, b->value, o->value,
				    b->pos.file ? b->pos.file : "", b->pos.line, g);
		}
		return NULL;
	}
	return rg_dec_percent(a, rg_dec_sub(a, o->value, b->value), b->value, dec);
}

/* The share of o in the sum over the regions of among (every region when
 * NULL) that have a number for its period and kind, as a rank counts them:
 * of=total.  NULL after reporting. */
static const char *
share_of_total(ctx *c, const expr *e, const rg_indicator *ind, const rg_observation *o,
    rg_pos pos)
{
	rg_arena *a = c->doc->arena;
	if (is_rate(ind) || (ind->unit != NULL && strcmp(ind->unit, "‰") == 0)) {
		err(c, RG_M_COMPUTATION, pos, "%s[of=total].share: '%s' is a rate (%s), whose values do not add "
		    "up to a whole", e->head, o->indicator, ind->unit);
		return NULL;
	}
	const char *sum = NULL;
	int found = 0;
	const rg_region *r;
	const rg_observation *x;
	for (size_t i = 0;
	    (r = next_region(c, e->sel_among, o->indicator, o->period, (int)o->kind, &i, &x)) != NULL;) {
		if (x == NULL || !x->value_is_number)
			continue;
		if (strcmp(r->id, o->region) == 0)
			found = 1;
		sum = sum != NULL ? rg_dec_add(a, sum, x->value) : x->value;
	}
	if (!found) {
		err(c, RG_M_COMPUTATION, pos, "region %s is not among the regions added up", o->region);
		return NULL;
	}
	int dec = e->has_fmt && e->fmt.decimals >= 0 ? e->fmt.decimals : 1;
	const char *s = rg_dec_percent(a, o->value, sum, dec);
	if (s == NULL)
		err(c, RG_M_COMPUTATION, pos, "the whole of %s.share is zero", e->head);
	return s;
}

/* diff, share, rank, completion of o (a numeric value); NULL after reporting. */
static const char *
computed(ctx *c, const expr *e, const rg_indicator *ind, const rg_observation *o,
    rg_pos pos)
{
	rg_arena *a = c->doc->arena;
	const char *f = e->field;
	int dec = e->has_fmt && e->fmt.decimals >= 0 ? e->fmt.decimals : 1;
	if (!o->value_is_number) {
		err(c, RG_M_COMPUTATION, pos,
		    "%s.%s needs a number, but the value is '%s'", e->head, f,
		    o->value ? o->value : "(none)");
		return NULL;
	}
	if (strcmp(f, "diff") == 0) {
		const rg_observation *b = base_obs(c, e, o, pos, 1);
		if (b == NULL)
			return NULL;
		const char *d = rg_dec_sub(a, o->value, b->value);
		if (e->has_fmt)
			d = rg_format_number(a, d, ind->unit, &e->fmt);
		/* in the unit of the values (scaled with them), a rate's in 个百分点 */
		if (strcmp(e->sub, "value") == 0)
			return d;
		return with_unit(c, d, rg_show_unit(a, &c->words, RG_SHOW_DIFF, ind->unit,
		    e->has_fmt ? &e->fmt : &c->plain));
	}
	if (strcmp(f, "share") == 0) {
		if (e->sel_of == NULL) {
			err(c, RG_M_COMPUTATION, pos,
			    "%s.share needs the region of the whole: %s[of=...].share",
			    e->head, e->head);
			return NULL;
		}
		if (strcmp(e->sel_of, "total") == 0)
			return share_of_total(c, e, ind, o, pos);
		const rg_region *r = rg_dataset_region(c->ds, e->sel_of);
		const rg_observation *t = r ? find_one(c, o->indicator, r->id, o->period,
		    (int)o->kind) : NULL;
		if (t == NULL || !t->value_is_number) {
			err(c, RG_M_DATA_MISSING, pos,
			    "no %s value of '%s' for region %s, period %s: the whole of "
			    "the share", rg_obs_kind_name(o->kind), o->indicator, e->sel_of,
			    o->period);
			return NULL;
		}
		const char *s = rg_dec_percent(a, o->value, t->value, dec);
		if (s == NULL) {
			err(c, RG_M_COMPUTATION, pos, "the whole of %s.share is zero", e->head);
			return NULL;
		}
		return s;
	}
	if (strcmp(f, "completion") == 0) {
		const rg_observation *t = find_one(c, o->indicator, o->region, o->period,
		    RG_OBS_TARGET);
		if (t == NULL)
			t = find_one(c, o->indicator, o->region, o->period, RG_OBS_PLAN);
		if (t == NULL || !t->value_is_number) {
			err(c, RG_M_DATA_MISSING, pos,
			    "no target value of '%s' for region %s, period %s: %s.completion "
			    "divides the value by it", o->indicator, o->region, o->period, e->head);
			return NULL;
		}
		const char *s = rg_dec_percent(a, o->value, t->value, dec);
		if (s == NULL) {
			err(c, RG_M_COMPUTATION, pos,
			    "the target of %s.completion is zero", e->head);
			return NULL;
		}
		return s;
	}
	/* rank: 1 + how many of the regions have a larger (asc: smaller) value */
	const char *among = e->sel_among;
	int rank = 1, found = 0;
	const rg_region *r;
	const rg_observation *x;
	for (size_t i = 0;
	    (r = next_region(c, among, o->indicator, o->period, (int)o->kind, &i, &x)) != NULL;) {
		if (x == NULL || !x->value_is_number)
			continue;
		if (strcmp(r->id, o->region) == 0)
			found = 1;
		int k;
		if (rg_dec_cmp(x->value, o->value, &k) == 0 && (e->sel_asc ? k < 0 : k > 0))
			rank++;
	}
	if (!found) {
		err(c, RG_M_COMPUTATION, pos,
		    "region %s is not among the regions ranked", o->region);
		return NULL;
	}
	char num[16];
	snprintf(num, sizeof num, "%d", rank);
	return rg_arena_strdup(a, num);
}

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
		err(c, RG_M_PLACEHOLDER, pos, "%s", rg_buf_cstr(&msg));
		rg_buf_free(&msg);
		return NULL;
	}
	const char *f = e->field;
	if (e->has_fmt && e->fmt.scale != 0 && ind->unit != NULL && strcmp(ind->unit, "%") != 0 &&
	    strcmp(ind->unit, "‰") != 0 && !rg_format_scales(ind->unit, &e->fmt))
		rg_msg(c->d, RG_M_SCALE_UNIT, pos, "scale=%s leaves %s in %s as it is: scaled, its "
		    "unit would be past 万亿", e->fmt.scale == 8 ? rg_word_of(&c->words, RG_W_YI) :
		    rg_word_of(&c->words, RG_W_WAN), ind->id, ind->unit);
	if (e->sub[0] != '\0' && strcmp(e->sub, "unit") == 0) {
		/* the unit of a figure: gdp.diff.unit, rate.diff.unit (个百分点) */
		static const char *const figures[] = { "value", "growth", "change", "diff",
			"completion", "share", "rank", "sum", "average", NULL };
		int show = -1;
		for (int k = 0; figures[k] != NULL; k++)
			if (strcmp(f, figures[k]) == 0)
				show = k > 6 ? RG_SHOW_VALUE : k;
		if (show < 0) {
			err(c, RG_M_PLACEHOLDER, pos, "'%s.%s.unit': only a figure has a unit (value, growth, "
			    "change, diff, completion, share, rank, sum or average)", e->head, f);
			return NULL;
		}
		const char *u = rg_show_unit(c->doc->arena, &c->words, show, ind->unit,
		    e->has_fmt ? &e->fmt : &c->plain);
		return u != NULL ? u : "";
	}
	int number_of = strcmp(e->sub, "value") == 0 && (strcmp(f, "diff") == 0 ||
	    strcmp(f, "sum") == 0 || strcmp(f, "average") == 0);
	if ((e->sub[0] != '\0' && !number_of) ||
	    (f[0] != '\0' && rg_nearest_word(f, indicator_fields, 64) == NULL) ||
	    (f[0] != '\0' && strcmp(rg_nearest_word(f, indicator_fields, 64), f) != 0)) {
		err(c, RG_M_PLACEHOLDER, pos,
		    "unknown field '%s' of indicator '%s' (expected value, unit, "
		    "name, growth, change, trend, period, region, quote, group, attribute, "
		    "note, kind, diff, share, rank, completion, sum or average)",
		    e->sub[0] ? e->sub : f,
		    e->head);
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
	if (strcmp(f, "sum") == 0 || strcmp(f, "average") == 0) {
		if (q.period == NULL) {
			err(c, RG_M_PLACEHOLDER, pos, "%s.%s needs a period", e->head, f);
			return NULL;
		}
		return region_total(c, e, ind, q.period, q.kind, pos);
	}
	const rg_observation *o = NULL;
	size_t n = rg_dataset_find(c->ds, &q, &o, 1);
	if (n != 1) {
		err(c, RG_M_DATA_MISSING, pos,
		    "%s %s observation of '%s' for region %s, period %s (select "
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
	if (strcmp(f, "diff") == 0 || strcmp(f, "share") == 0 || strcmp(f, "rank") == 0 ||
	    strcmp(f, "completion") == 0) {
		c->computed = 1;
		return computed(c, e, ind, o, pos);
	}
	if ((strcmp(f, "change") == 0 || strcmp(f, "trend") == 0) && is_rate(ind) &&
	    ((o->growth == NULL && o->change == NULL) || e->sel_from != NULL) &&
	    o->value_is_number) {
		/* a rate changes in 个百分点: the difference of the two values */
		const rg_observation *b = base_obs(c, e, o, pos, e->sel_from != NULL);
		if (b != NULL) {
			c->computed = 1;
			rg_observation with = *o;
			with.change = rg_dec_sub(a, o->value, b->value);
			if (strcmp(f, "trend") == 0)
				return rg_format_trend(a, &with, fmt ? fmt : &c->plain);
			return fmt ? rg_format_change(a, with.change, fmt) : with.change;
		}
		if (e->sel_from != NULL)
			return NULL;
	}
	/* a rate's trend is its change in 个百分点, never a growth in % made
	 * from its values (城镇化率 38.85% after 60.82%: not 下降36.1%) */
	if (strcmp(f, "growth") == 0 || (strcmp(f, "trend") == 0 && !is_rate(ind))) {
		const char *g = computed_growth(c, e, o, pos);
		if (g != NULL) {
			c->computed = 1;
			rg_observation with = *o;
			with.growth = g;
			if (strcmp(f, "trend") == 0)
				return rg_format_trend(a, &with, fmt ? fmt : &c->plain);
			return fmt ? rg_format_obs_growth(a, &with, fmt) : g;
		}
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
	if (strcmp(e.head, "indicator") == 0) {
		if (c->indicator == NULL) {
			err(c, RG_M_BLOCK_MARKER, pos,
			    "'indicator' names the indicator of {{#each indicator in "
			    "[...]}}, and there is none here");
			return NULL;
		}
		snprintf(e.head, sizeof e.head, "%s", c->indicator);
	}
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
	sub.src = srclines_new(n->text, strlen(n->text), c->doc->arena);
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
		err(c, RG_M_PLACEHOLDER, pos, "narrative '%s' is more than one paragraph; put its "
		    "placeholder alone in a paragraph of its own", n->id);
	} else {
		ctx sub;
		narrative_ctx(c, n, &sub);
		sub.cjk = map;
		sub.src = srclines_new(n->text, strlen(n->text), c->doc->arena);
		convert_inlines(&sub, cmark_node_first_child(only), b, style, url);
		c->errors += sub.errors;
	}
	cmark_node_free(root);
}

/* ---- conditions and repetition ------------------------------------------ */

typedef enum marker { MK_NONE, MK_EACH, MK_IF, MK_ELSE, MK_END_EACH, MK_END_IF } marker;

/* Which marker the placeholder text s (n bytes, between the braces) is;
 * *arg gets what follows #each or #if (arena-less: points into s). */
static marker
marker_of(const char *s, size_t n, const char **arg)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	static const struct { const char *word; marker m; int has_arg; } words[] = {
		{ "#each", MK_EACH, 1 }, { "#if", MK_IF, 1 }, { "#else", MK_ELSE, 0 },
		{ "else", MK_ELSE, 0 }, { "/each", MK_END_EACH, 0 }, { "/if", MK_END_IF, 0 },
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t l = strlen(words[i].word);
		if (n < l || strncmp(s, words[i].word, l) != 0)
			continue;
		if (words[i].has_arg ? (n > l && (s[l] == ' ' || s[l] == '\t')) : n == l) {
			if (arg != NULL)
				*arg = s + l;
			return words[i].m;
		}
	}
	return MK_NONE;
}

/* A placeholder's text, quietly: NULL if it cannot be had (no message). */
static const char *
resolve_quiet(ctx *c, const char *inner, rg_pos pos)
{
	rg_diag quiet, *saved = c->d;
	rg_diag_init(&quiet, NULL);
	quiet.max_errors = 1;
	quiet.failures = 2;          /* past max_errors: nothing is printed */
	int errors = c->errors;
	c->d = &quiet;
	const rg_narrative *narr;
	const char *v = resolve(c, inner, pos, &narr);
	c->d = saved;
	c->errors = errors;
	if (narr != NULL)
		return narr->text;
	if (v == NULL || *v == '\0' || strcmp(v, "—") == 0)
		return NULL;
	return v;
}

/* Is the head of placeholder text s a name the data knows?  Typing errors
 * in a condition are errors, not a false condition. */
static int
known_head(ctx *c, const char *s, rg_pos pos)
{
	while (*s == ' ')
		s++;
	char head[64];
	size_t n = 0;
	while (is_ident_char(s[n]) && n + 1 < sizeof head) {
		head[n] = s[n];
		n++;
	}
	head[n] = '\0';
	if (strcmp(head, "meta") == 0 || strcmp(head, "text") == 0 ||
	    strncmp(head, "period", 6) == 0 || strcmp(head, "indicator") == 0 ||
	    rg_dataset_indicator(c->ds, head) != NULL)
		return 1;
	err(c, RG_M_CONDITION, pos,
	    "unknown name '%s' in condition: not meta.*, text.*, period or an "
	    "indicator id in the data", head);
	return 0;
}

/* A number in a condition: a decimal, or a placeholder path whose text is one. */
static const char *
cond_number(ctx *c, const char *s, rg_pos pos)
{
	char *t = trim_dup(c->doc->arena, s, strlen(s));
	if (rg_format_decimals(t) >= 0)
		return t;
	const rg_narrative *narr;
	const char *v = resolve(c, t, pos, &narr);
	if (v == NULL)
		return NULL;
	if (rg_format_decimals(v) < 0) {
		err(c, RG_M_CONDITION, pos, "'%s' is '%s', not a number to compare", t, v);
		return NULL;
	}
	return v;
}

/* The condition of {{#if COND}}: PATH (it has a value), not PATH, or A OP B
 * with OP one of >= > <= < == != and A, B numbers or paths to numbers.
 * 1, 0, or -1 after reporting. */
static int
eval_cond(ctx *c, const char *cond, rg_pos pos)
{
	while (*cond == ' ' || *cond == '\t')
		cond++;
	static const char *const ops[] = { ">=", "<=", "==", "!=", ">", "<", NULL };
	const char *at = NULL;
	int op = -1;
	int depth = 0;
	for (const char *p = cond; *p && at == NULL; p++) {
		depth += *p == '[' ? 1 : *p == ']' ? -1 : 0;
		if (depth > 0)
			continue;
		for (int k = 0; ops[k] != NULL; k++)
			if (strncmp(p, ops[k], strlen(ops[k])) == 0) {
				at = p;
				op = k;
				break;
			}
	}
	if (at == NULL) {
		int neg = strncmp(cond, "not ", 4) == 0;
		const char *path = neg ? cond + 4 : cond;
		if (*path == '\0') {
			err(c, RG_M_CONDITION, pos,
			    "{{#if}} needs a condition, e.g. {{#if gdp}} or "
			    "{{#if gdp.completion >= 100}}");
			return -1;
		}
		if (!known_head(c, path, pos))
			return -1;
		int has = resolve_quiet(c, path, pos) != NULL;
		return neg ? !has : has;
	}
	char *lhs = rg_arena_strndup(c->doc->arena, cond, (size_t)(at - cond));
	const char *a = cond_number(c, lhs, pos);
	const char *b = cond_number(c, at + strlen(ops[op]), pos);
	if (a == NULL || b == NULL)
		return -1;
	int k;
	if (rg_dec_cmp(a, b, &k) < 0)
		return -1;
	switch (op) {
	case 0: return k >= 0;
	case 1: return k <= 0;
	case 2: return k == 0;
	case 3: return k != 0;
	case 4: return k > 0;
	default: return k < 0;
	}
}

static void add_text(ctx *c, rg_block *b, const char *text, unsigned style, const char *url,
    rg_pos pos);

/* An inline {{#if COND}}...{{else}}...{{/if}} that starts at open (its "}}"
 * at close) in text: the kept part is added to b.  Returns where the text
 * goes on after {{/if}}, or NULL after reporting. */
static const char *
inline_if(ctx *c, rg_block *b, const char *text, const char *open, const char *close,
    unsigned style, const char *url, rg_pos pos)
{
	rg_pos at = pos;
	at.col += rg_char_col(text, (size_t)(open - text)) - 1;
	const char *arg;
	marker m = marker_of(open + 2, (size_t)(close - open - 2), &arg);
	if (m != MK_IF) {
		err(c, RG_M_BLOCK_MARKER, at,
		    "'{{%.*s}}' without {{#if}} before it in this run of text",
		    (int)(close - open - 2), open + 2);
		return NULL;
	}
	/* find the matching {{else}} and {{/if}} */
	const char *els = NULL, *end = NULL, *end_close = NULL, *els_close = NULL;
	int depth = 0;
	for (const char *p = close + 2; (p = strstr(p, "{{")) != NULL; ) {
		const char *q = strstr(p + 2, "}}");
		if (q == NULL)
			break;
		marker k = marker_of(p + 2, (size_t)(q - p - 2), NULL);
		if (k == MK_IF)
			depth++;
		else if (k == MK_ELSE && depth == 0 && els == NULL) {
			els = p;
			els_close = q;
		} else if (k == MK_END_IF && depth-- == 0) {
			end = p;
			end_close = q;
			break;
		}
		p = q + 2;
	}
	if (end == NULL) {
		err(c, RG_M_BLOCK_MARKER, at,
		    "{{#if}} is not closed by {{/if}} in the same run of text (an "
		    "inline condition may not span emphasis, links or lines; put block "
		    "conditions in paragraphs of their own)");
		return NULL;
	}
	char *cond = rg_arena_strndup(c->doc->arena, arg, (size_t)(close - arg));
	if (c->marker_depth >= RG_TEMPLATE_MAX_MARKER_NESTING) {
		err(c, RG_M_LIMIT, at, "{{#if}} and {{#each}} nested deeper than %d levels",
		    RG_TEMPLATE_MAX_MARKER_NESTING);
		return NULL;
	}
	int yes = eval_cond(c, cond, at);
	if (yes < 0)
		return end_close + 2;
	const char *from = yes ? close + 2 : els ? els_close + 2 : NULL;
	const char *to = yes ? (els ? els : end) : end;
	if (from != NULL && to > from) {
		char *part = rg_xstrndup(from, (size_t)(to - from));
		rg_pos ppos = pos;
		ppos.col += rg_char_col(text, (size_t)(from - text)) - 1;
		c->marker_depth++;
		add_text(c, b, part, style, url, ppos);
		c->marker_depth--;
		free(part);
	}
	return end_close + 2;
}

static char *lone_placeholder(cmark_node *para);

/* The marker of a paragraph that is only a marker, else MK_NONE. */
static marker
block_marker(cmark_node *n, char **arg)
{
	*arg = NULL;
	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return MK_NONE;
	char *inner = lone_placeholder(n);
	if (inner == NULL)
		return MK_NONE;
	const char *a = NULL;
	marker m = marker_of(inner, strlen(inner), &a);
	if (m != MK_NONE && a != NULL)
		*arg = rg_xstrdup(a);
	free(inner);
	return m;
}

static void convert_range(ctx *c, cmark_node *first, cmark_node *end, rg_block *parent);

/* The values of {{#each VAR in [a, b, c]}} (or of VAR alone: every region
 * of the data), checked.  Returns how many, or -1 after reporting. */
static int
each_values(ctx *c, const char *arg, rg_pos pos, const char **var, const char ***vals)
{
	while (*arg == ' ')
		arg++;
	size_t vl = strcspn(arg, " \t");
	static const char *const vars[] = { "region", "period", "indicator", NULL };
	*var = NULL;
	for (size_t i = 0; vars[i] != NULL; i++)
		if (strlen(vars[i]) == vl && strncmp(arg, vars[i], vl) == 0)
			*var = vars[i];
	if (*var == NULL) {
		err(c, RG_M_BLOCK_MARKER, pos,
		    "{{#each}} repeats for each region, period or indicator, not "
		    "'%.*s' (e.g. {{#each region in [mengjin, yichuan]}})", (int)vl, arg);
		return -1;
	}
	const char *rest = arg + vl;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	const char **out = NULL;
	size_t n = 0, cap = 0;
	if (*rest == '\0') {
		if (strcmp(*var, "region") != 0) {
			err(c, RG_M_BLOCK_MARKER, pos,
			    "{{#each %s}} needs a list: {{#each %s in [...]}}", *var, *var);
			return -1;
		}
		for (size_t i = 0; i < c->ds->nregions; i++)
			if (first_region(c->ds, i))
				*RG_PUSH(out, n, cap) = c->ds->regions[i].id;
	} else {
		if (strncmp(rest, "in", 2) != 0 || (rest[2] != ' ' && rest[2] != '\t')) {
			err(c, RG_M_BLOCK_MARKER, pos,
			    "expected 'in [...]' after {{#each %s", *var);
			return -1;
		}
		rest += 3;
		while (*rest == ' ')
			rest++;
		size_t len = strlen(rest);
		if (*rest == '[' && len > 1 && rest[len - 1] == ']') {
			rest++;
			len -= 2;
		}
		char *list = rg_arena_strndup(c->doc->arena, rest, len);
		for (char *p = list; *p; ) {
			size_t k = strcspn(p, ",");
			char *item = trim_dup(c->doc->arena, p, k);
			p += k + (p[k] == ',');
			if (*item == '\0')
				continue;
			const char *v = item;
			if (strcmp(*var, "region") == 0) {
				const rg_region *r = rg_dataset_region(c->ds, item);
				if (r == NULL) {
					err(c, RG_M_UNKNOWN_REFERENCE, pos,
					    "unknown region '%s' in {{#each region}}", item);
					free(out);
					return -1;
				}
				v = r->id;
			} else if (strcmp(*var, "indicator") == 0) {
				if (rg_dataset_indicator(c->ds, item) == NULL) {
					err(c, RG_M_UNKNOWN_REFERENCE, pos,
					    "unknown indicator '%s' in {{#each indicator}}", item);
					free(out);
					return -1;
				}
			} else {
				const char *rel;
				int r = relative_period(c, item, pos, &rel);
				if (r < 0) {
					free(out);
					return -1;
				}
				if (r > 0)
					v = rel;
			}
			*RG_PUSH(out, n, cap) = v;
		}
	}
	*vals = out;
	return (int)n;
}

/* The blocks from marker n (#each or #if) to its end marker: converted as
 * the marker says.  Returns the end marker, or NULL (reported) if none. */
static cmark_node *
convert_marked(ctx *c, cmark_node *n, marker m, const char *arg, rg_block *parent)
{
	rg_pos pos = node_pos(c, n);
	cmark_node *els = NULL, *end = NULL;
	int depth = 0;
	if (c->marker_depth >= RG_TEMPLATE_MAX_MARKER_NESTING) {
		err(c, RG_M_LIMIT, pos, "{{#if}} and {{#each}} nested deeper than %d levels",
		    RG_TEMPLATE_MAX_MARKER_NESTING);
		return NULL;
	}
	for (cmark_node *k = cmark_node_next(n); k != NULL && end == NULL; k = cmark_node_next(k)) {
		char *a;
		marker km = block_marker(k, &a);
		free(a);
		if (km == MK_EACH || km == MK_IF)
			depth++;
		else if (km == MK_ELSE && depth == 0 && m == MK_IF && els == NULL)
			els = k;
		else if ((km == MK_END_EACH || km == MK_END_IF) && depth-- == 0) {
			if (km != (m == MK_EACH ? MK_END_EACH : MK_END_IF)) {
				err(c, RG_M_BLOCK_MARKER, node_pos(c, k),
				    "{{%s}} closes {{%s}} (line %d)",
				    km == MK_END_IF ? "/if" : "/each", m == MK_IF ? "#if" : "#each",
				    pos.line);
				return NULL;
			}
			end = k;
		}
	}
	if (end == NULL) {
		err(c, RG_M_BLOCK_MARKER, pos,
		    "{{%s}} is not closed by {{%s}} in the same list, quote or "
		    "document level", m == MK_IF ? "#if" : "#each", m == MK_IF ? "/if" : "/each");
		return NULL;
	}
	c->marker_depth++;
	if (m == MK_IF) {
		int yes = eval_cond(c, arg, pos);
		if (yes > 0)
			convert_range(c, cmark_node_next(n), els ? els : end, parent);
		else if (yes == 0 && els != NULL)
			convert_range(c, cmark_node_next(els), end, parent);
		c->marker_depth--;
		return end;
	}
	const char *var;
	const char **vals = NULL;
	int nv = each_values(c, arg, pos, &var, &vals);
	const char *region = c->region, *period = c->period, *ind = c->indicator;
	for (int i = 0; i < nv && !c->doc->full; i++) {
		if (var[0] == 'r')
			c->region = vals[i];
		else if (var[0] == 'p')
			c->period = vals[i];
		else
			c->indicator = vals[i];
		convert_range(c, cmark_node_next(n), end, parent);
	}
	c->region = region;
	c->period = period;
	c->indicator = ind;
	c->marker_depth--;
	free(vals);
	return end;
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
		ppos.col += rg_char_col(text, (size_t)(open - text)) - 1;
		const char *close = strstr(open + 2, "}}");
		if (close == NULL) {
			err(c, RG_M_PLACEHOLDER, ppos, "placeholder is not closed by '}}'");
			return;
		}
		if (marker_of(open + 2, (size_t)(close - open - 2), NULL) != MK_NONE) {
			s = inline_if(c, b, text, open, close, style, url, pos);
			if (s == NULL)
				return;
			continue;
		}
		char *inner = rg_xstrndup(open + 2, (size_t)(close - open - 2));
		const rg_narrative *narr;
		c->computed = 0;
		const char *v = resolve(c, inner, ppos, &narr);
		int computed = c->computed;
		free(inner);
		if (narr != NULL)
			splice_inline_narrative(c, narr, b, style, url, ppos);
		else if (v != NULL && c->escape_bars && strchr(v, '|') != NULL) {
			rg_buf esc = { 0 };
			for (const char *q = v; *q; q++)
				rg_buf_puts(&esc, *q == '|' ? "\\|" : (char[2]){ *q, 0 });
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style, esc.data, esc.len, url,
			    ppos)->computed = computed;
			rg_buf_free(&esc);
		} else if (v != NULL)
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, style, v, strlen(v), url,
			    ppos)->computed = computed;
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
			rg_msg(c->d, RG_M_MARKDOWN_IGNORED, pos,
			    "raw HTML is not interpreted; shown as text");
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
			rg_msg(c->d, RG_M_MARKDOWN_IGNORED, pos, c->in_narrative ?
			    "an image in a narrative of a data file is not drawn (a data file "
			    "names no file); showing its description instead" :
			    "an image inside running text or a table is not drawn (a "
			    "paragraph of only an image is a figure); showing its "
			    "description instead");
			convert_inlines(c, cmark_node_first_child(n), b, style | RG_STYLE_EMPH, url);
			break;
		default:
			rg_msg(c->d, RG_M_MARKDOWN_IGNORED, pos,
			    "unsupported inline element '%s' shown as text",
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

/* Does paragraph n read as a pipe table of GitHub's Markdown (a line with
 * a |, then a line of only |, -, : and spaces with a - and a |)?  For the
 * ones pipe_table() below does not make a table. */
static int
looks_like_pipe_table(cmark_node *n)
{
	int line = 0, bar = 0, dash = 0;
	for (cmark_node *k = cmark_node_first_child(n); k != NULL; k = cmark_node_next(k)) {
		cmark_node_type type = cmark_node_get_type(k);
		if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
			if (line == 0 && !bar)
				return 0;
			if (line == 1)
				return bar && dash;
			line++;
			bar = dash = 0;
			continue;
		}
		const char *lit = type == CMARK_NODE_TEXT ? cmark_node_get_literal(k) : NULL;
		if (lit == NULL) {
			if (line == 1)
				return 0;
			continue;
		}
		for (const char *s = lit; *s; s++) {
			bar |= *s == '|';
			dash |= *s == '-';
			if (line == 1 && strchr("|-: \t", *s) == NULL)
				return 0;
		}
	}
	return line == 1 && bar && dash;
}

/* ---- figures ----------------------------------------------------------- */

/* The image node if paragraph n holds only an image (and blanks). */
static cmark_node *
lone_image(cmark_node *n)
{
	cmark_node *img = NULL;
	for (cmark_node *k = cmark_node_first_child(n); k != NULL; k = cmark_node_next(k)) {
		cmark_node_type type = cmark_node_get_type(k);
		if (type == CMARK_NODE_IMAGE && img == NULL) {
			img = k;
			continue;
		}
		if (type == CMARK_NODE_TEXT) {
			const char *lit = cmark_node_get_literal(k);
			if (lit != NULL && lit[strspn(lit, " \t")] == '\0')
				continue;
		}
		return NULL;
	}
	return img;
}

/* The text of an image's description (its inlines, as plain text). */
static void
alt_text(cmark_node *n, rg_buf *out)
{
	for (cmark_node *k = cmark_node_first_child(n); k != NULL; k = cmark_node_next(k)) {
		cmark_node_type type = cmark_node_get_type(k);
		const char *lit = cmark_node_get_literal(k);
		if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
			rg_buf_puts(out, " ");
		else if (lit != NULL)
			rg_buf_puts(out, lit);
		else
			alt_text(k, out);
	}
}

/* The bytes of image file path (named at pos), read once per document and
 * checked (image.h): its figure, or NULL after reporting. */
static const rg_figure *
image_file(ctx *c, const char *path, rg_pos pos)
{
	rg_doc *doc = c->doc;
	for (size_t i = 0; i < doc->nimages; i++)
		if (strcmp(doc->images[i]->path, path) == 0)
			return doc->images[i];
	if (c->opts != NULL && c->opts->input != NULL)
		c->opts->input(c->opts->ctx, path);
	const char *why;
	rg_buf b = { 0 };
	int got = rg_read_regular(path, RG_IMAGE_MAX_BYTES, &b, &why);
	if (got != 0) {
		rg_buf_free(&b);
		if (got == 1)
			err(c, RG_M_IMAGE, pos, "image '%s' is larger than the limit of %u bytes",
			    path, RG_IMAGE_MAX_BYTES);
		else
			err(c, RG_M_IMAGE, pos, "cannot read image '%s': %s", path, why);
		return NULL;
	}
	if (doc->image_bytes + b.len > RG_DOC_MAX_IMAGE_BYTES) {
		rg_buf_free(&b);
		err(c, RG_M_LIMIT, pos, "the document's image files grow past %u bytes with "
		    "'%s': the limit", RG_DOC_MAX_IMAGE_BYTES, path);
		return NULL;
	}
	rg_image_info info;
	int rc = rg_image_probe((const unsigned char *)b.data, b.len, &info, &why);
	if (rc == -2) {
		err(c, RG_M_IMAGE, pos, "image '%s' is %u x %u pixels: the limit is %d pixels "
		    "each way and %.0f million in all", path, info.width, info.height,
		    RG_IMAGE_MAX_SIDE, RG_IMAGE_MAX_PIXELS / 1e6);
	} else if (rc < 0) {
		err(c, RG_M_IMAGE, pos, "image '%s': %s", path, why);
	}
	if (rc < 0) {
		rg_buf_free(&b);
		return NULL;
	}
	rg_figure *f = rg_arena_alloc(doc->arena, sizeof *f);
	f->path = rg_arena_strdup(doc->arena, path);
	f->len = b.len;
	f->data = (const unsigned char *)b.data;    /* the document's: freed with it */
	f->format = info.format;
	f->width = info.width;
	f->height = info.height;
	f->dpi_x = info.dpi_x;
	f->dpi_y = info.dpi_y;
	f->alpha = info.alpha;
	*RG_PUSH(doc->images, doc->nimages, doc->cap_images) = f;
	doc->image_bytes += b.len;
	return f;
}

/* A paragraph of only an image: a figure (docs/templates.md, "Figures").
 * The file is named as written, from the template's directory; never
 * from the data's values (docs/reliability.md). */
static void
convert_figure(ctx *c, cmark_node *img, rg_block *parent)
{
	rg_pos pos = node_pos(c, img);
	const char *url = cmark_node_get_url(img);
	if (url == NULL || *url == '\0') {
		err(c, RG_M_IMAGE, pos, "the image names no file: write ![description](file.png)");
		return;
	}
	if (strstr(url, "{{") != NULL || strstr(url, "%7B%7B") != NULL) {
		err(c, RG_M_IMAGE_PATH, pos, "image '%s' holds a placeholder: an image file is "
		    "named as written, never from the data's values", url);
		return;
	}
	if (strstr(url, "://") != NULL || strncmp(url, "data:", 5) == 0) {
		err(c, RG_M_IMAGE_PATH, pos, "image '%s' is a URL: reportgen reads images from "
		    "files only, never from the network", url);
		return;
	}
	rg_buf path = { 0 };
	const char *slash = strrchr(c->t->name, '/');
	if (url[0] != '/' && slash != NULL)
		rg_buf_printf(&path, "%.*s/", (int)(slash - c->t->name), c->t->name);
	rg_buf_puts(&path, url);
	const rg_figure *file = image_file(c, rg_buf_cstr(&path), pos);
	rg_buf_free(&path);
	if (file == NULL)
		return;
	rg_block *b = rg_doc_block_new(c->doc, parent, RG_BLOCK_FIGURE, pos);
	rg_figure *f = rg_arena_alloc(c->doc->arena, sizeof *f);
	*f = *file;
	const char *title = cmark_node_get_title(img);
	f->caption = title != NULL && *title ? rg_arena_strdup(c->doc->arena, title) : NULL;
	rg_buf alt = { 0 };
	alt_text(img, &alt);
	f->alt = rg_arena_strdup(c->doc->arena, rg_buf_cstr(&alt));
	rg_buf_free(&alt);
	b->figure = f;
	if (f->caption != NULL)
		c->doc->text_bytes += strlen(f->caption);
}

static void
convert_paragraph(ctx *c, cmark_node *n, rg_block *parent)
{
	rg_pos pos = node_pos(c, n);
	cmark_node *img = c->in_narrative ? NULL : lone_image(n);
	if (img != NULL) {
		convert_figure(c, img, parent);
		return;
	}
	if (looks_like_pipe_table(n))
		rg_msg(c->d, RG_M_MARKDOWN_IGNORED, pos,
		    "these lines read as a pipe table but are set as a paragraph: a pipe table "
		    "is a table at the top level of a template, with a row under its "
		    "delimiter row (else write a ```table block with type: static)");
	char *inner = c->in_narrative ? NULL : lone_placeholder(n);
	if (inner != NULL) {
		const rg_narrative *narr;
		rg_pos ppos = node_pos(c, cmark_node_first_child(n));
		const char *lit = cmark_node_get_literal(cmark_node_first_child(n));
		ppos.col += rg_char_col(lit, (size_t)(strstr(lit, "{{") - lit)) - 1;
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
	"period", "periods", "base", "targets", "actuals", "year_targets", "from", NULL
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

/* ---- pipe tables (GitHub Flavored Markdown) ---------------------------- */

/* Line `line` (1-based) of the text being converted, without its break. */
static const char *
src_line(const ctx *c, int line, size_t *len)
{
	*len = 0;
	if (c->src == NULL || line < 1 || (size_t)line > c->src->n)
		return "";
	size_t at = c->src->start[line - 1], end = at;
	while (end < c->src->len && c->src->text[end] != '\n')
		end++;
	*len = end - at;
	return c->src->text + at;
}

/* The cells of a row of a pipe table, s (n bytes): *inner is the text
 * inside its outer pipes (either may be left out), the count the cells
 * there (an escaped \| separates none). */
static size_t
pipe_cells(const char *s, size_t n, const char **inner, size_t *inner_len)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n > 0 && *s == '|') {
		s++;
		n--;
	}
	if (n > 0 && s[n - 1] == '|' && (n < 2 || s[n - 2] != '\\'))
		n--;
	size_t cells = 1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		else if (s[i] == '|')
			cells++;
	}
	*inner = s;
	*inner_len = n;
	return cells;
}

/* Is s (n bytes) the delimiter row of a pipe table (|---|:--:|), and of
 * how many columns? */
static int
delimiter_row(const char *s, size_t n, size_t *ncols)
{
	const char *in;
	size_t len;
	int piped = memchr(s, '|', n) != NULL;
	*ncols = pipe_cells(s, n, &in, &len);
	size_t i = 0;
	for (size_t k = 0; k < *ncols; k++) {
		while (i < len && (in[i] == ' ' || in[i] == '\t'))
			i++;
		i += i < len && in[i] == ':';
		size_t dashes = 0;
		while (i < len && in[i] == '-') {
			i++;
			dashes++;
		}
		i += i < len && in[i] == ':';
		while (i < len && (in[i] == ' ' || in[i] == '\t'))
			i++;
		if (dashes == 0 || (i < len && in[i] != '|'))
			return 0;
		i++;
	}
	return piped;
}

/* A paragraph of the template that is a pipe table (a header row, a
 * delimiter row, body rows) becomes the static table its cells make, as
 * ```table type: static would (cells formatted, placeholders expanded);
 * the delimiter's alignments are not read: numbers are right-aligned and
 * text left or centred, as in every table.  1 when n was one. */
static int
pipe_table(ctx *c, cmark_node *n, rg_block *parent)
{
	cmark_node *up = cmark_node_parent(n);
	if (c->in_narrative || c->src == NULL || up == NULL ||
	    cmark_node_get_type(up) != CMARK_NODE_DOCUMENT)
		return 0;
	int first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
	size_t hlen, dlen, ncols;
	const char *h = src_line(c, first, &hlen), *dl = src_line(c, first + 1, &dlen);
	if (last <= first || memchr(h, '|', hlen) == NULL || !delimiter_row(dl, dlen, &ncols))
		return 0;
	const char *in;
	size_t inlen;
	if (pipe_cells(h, hlen, &in, &inlen) != ncols)
		return 0;
	rg_pos at = node_pos(c, n);
	if (last == first + 1)
		return 0;            /* no rows: text, with convert_paragraph's warning */
	rg_arena *a = c->doc->arena;
	rg_spec spec = { 0 };
	rg_spec_entry *e = rg_spec_add(&spec, a, "type", at, 0);
	rg_spec_add_value(e, a, "static", 6, at);
	e = rg_spec_add(&spec, a, "header", at, 0);
	rg_pos cell = { c->file, first + c->line_offset, rg_char_col(h, (size_t)(in - h)) };
	rg_spec_add_value(e, a, in, inlen, cell);
	e = rg_spec_add(&spec, a, "rows", at, 1);
	for (int line = first + 2; line <= last; line++) {
		size_t rlen;
		const char *r = src_line(c, line, &rlen);
		size_t k = pipe_cells(r, rlen, &in, &inlen);
		/* a row of fewer cells is filled with empty ones */
		rg_buf b = { 0 };
		rg_buf_put(&b, in, inlen);
		for (; k < ncols; k++)
			rg_buf_puts(&b, " |");
		rg_pos rp = { c->file, line + c->line_offset, rg_char_col(r, (size_t)(in - r)) };
		rg_spec_add_value(e, a, rg_buf_cstr(&b), b.len, rp);
		rg_buf_free(&b);
	}
	rg_expander ex = { directive_value, c, c->keys, c->nkeys };
	rg_block *before = parent->last_child;
	if (rg_directive_expand_spec(c->doc, parent, "table", &spec, at, c->ds, c->region,
	    c->period, &ex, &c->words, c->d) < 0)
		c->errors++;
	rg_spec_free(&spec);
	for (rg_block *b = before ? before->next : parent->first_child; b; b = b->next)
		if (b->kind == RG_BLOCK_TABLE && b->table->nrows > RG_TABLE_MAX_ROWS)
			err(c, RG_M_LIMIT, at, "table of %zu rows: the limit is %d rows",
			    b->table->nrows, RG_TABLE_MAX_ROWS);
	return 1;
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
		rg_expander ex = { directive_value, c, c->keys, c->nkeys };
		if (rg_directive_expand(c->doc, parent, info, lit, body, pos, c->ds,
		    c->region, c->period, &ex, &c->words, c->d) < 0)
			c->errors++;
		for (rg_block *b = last ? last->next : parent->first_child; b; b = b->next) {
			if (b->kind == RG_BLOCK_TABLE && b->table->nrows > RG_TABLE_MAX_ROWS)
				err(c, RG_M_LIMIT, pos, "table of %zu rows: the limit is %d rows",
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
	convert_range(c, first, NULL, parent);
}

/* The blocks from first up to end (not included; NULL: all). */
static void
convert_range(ctx *c, cmark_node *first, cmark_node *end, rg_block *parent)
{
	for (cmark_node *n = first; n != NULL && n != end; n = cmark_node_next(n)) {
		rg_pos pos = node_pos(c, n);
		rg_block *b;
		cmark_node_type type = cmark_node_get_type(n);
		if (doc_full(c, pos))
			return;
		char *arg;
		marker m = c->in_narrative ? MK_NONE : block_marker(n, &arg);
		if (m == MK_EACH || m == MK_IF) {
			cmark_node *close = convert_marked(c, n, m, arg, parent);
			free(arg);
			if (close == NULL)
				return;
			n = close;
			continue;
		}
		free(m == MK_NONE ? NULL : arg);
		if (m != MK_NONE) {
			err(c, RG_M_BLOCK_MARKER, pos,
			    "{{%s}} without {{%s}} before it", m == MK_ELSE ? "else" :
			    m == MK_END_IF ? "/if" : "/each", m == MK_END_EACH ? "#each" : "#if");
			continue;
		}
		if ((type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST) &&
		    too_deep(c, pos, 0))
			continue;
		c->depth += type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST;
		switch (type) {
		case CMARK_NODE_PARAGRAPH:
			if (!pipe_table(c, n, parent))
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
			/* 1: "1.", 2: "1)", as the template writes them */
			b->ordered = cmark_node_get_list_type(n) != CMARK_ORDERED_LIST ? 0 :
			    cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? 2 : 1;
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
			rg_msg(c->d, RG_M_MARKDOWN_IGNORED, pos,
			    "raw HTML is not interpreted; shown as text");
			const char *lit = cmark_node_get_literal(n);
			size_t len = strlen(lit);
			if (len > 0 && lit[len - 1] == '\n')
				len--;
			b = rg_doc_block_new(c->doc, parent, RG_BLOCK_CODE, pos);
			rg_doc_span_add(c->doc, b, RG_SPAN_TEXT, RG_STYLE_CODE, lit, len, NULL, pos);
			break;
		}
		default:
			rg_msg(c->d, RG_M_MARKDOWN_IGNORED, pos, "unsupported block '%s' skipped",
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

/* Where the text of a front matter value starts, for what is said about
 * its characters (a glyph no font has): the value's own place when it is
 * set as written, its line alone when placeholders or line breaks change
 * where its characters are (column 0: none is named). */
static rg_pos
front_text_pos(rg_spec *front, const char *key, const char *text, rg_pos dflt)
{
	rg_spec_entry *e = rg_spec_get(front, key);
	if (e == NULL || e->nvalues == 0 || text == NULL)
		return dflt;
	rg_pos p = e->value_pos[0];
	int as_written = e->nvalues == 1 && strcmp(e->values[0], text) == 0 &&
	    strchr(text, '\n') == NULL;
	if (!as_written)
		p.col = 0;
	else if (e->quoted != NULL && e->quoted[0])
		p.col++;     /* after the opening quote */
	return p;
}

/* The key indicators, which a directive's `indicators: key` lists: the
 * front matter's key_indicators (a list, or ids separated by commas or
 * 、), by default the data's indicators that have a group (the main
 * indicators a report groups), else all of them, in the data's order. */
static int
read_key_indicators(ctx *c, rg_spec *front)
{
	rg_arena *a = c->doc->arena;
	const rg_dataset *ds = c->ds;
	size_t cap = ds->nindicators + 1, n = 0;
	const char **keys = rg_arena_alloc(a, cap * sizeof *keys);
	rg_spec_entry *e = rg_spec_get(front, "key_indicators");
	int rc = 0;
	for (size_t i = 0; e != NULL && i < e->nvalues; i++) {
		int q = e->quoted != NULL && e->quoted[i];
		const char *v = expand_plain(c, e->values[i], e->value_pos[i], q, 0);
		if (v == NULL) {
			rc = -1;
			continue;
		}
		for (const char *p = v; *p; ) {
			const char *comma = strchr(p, ','), *dun = strstr(p, "、");
			if (comma == NULL || (dun != NULL && dun < comma))
				comma = dun;
			size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
			const char *start = p + strspn(p, " \t");
			char *id = trim_dup(a, p, len);
			p += len;
			if (*p == ',')
				p++;
			else if (*p != '\0')
				p += strlen("、");
			if (*id == '\0')
				continue;
			const rg_indicator *ind = rg_dataset_indicator(ds, id);
			for (size_t k = 0; ind == NULL && k < ds->nindicators; k++)
				if (strcmp(ds->indicators[k].name, id) == 0)
					ind = &ds->indicators[k];   /* by its name: 城镇化率 */
			if (ind == NULL) {
				const char *ids[256];
				size_t nids = 0;
				for (size_t k = 0; k < ds->nindicators && nids < 256; k++)
					ids[nids++] = ds->indicators[k].id;
				const char *hint = rg_nearest_word(id, ids, nids);
				rg_pos at = e->value_pos[i];
				at.col += q;
				/* at the id, where the value is as written */
				for (const char *k = v; strcmp(v, e->values[i]) == 0 && k < start; k++)
					at.col += ((unsigned char)*k & 0xC0) != 0x80;
				err(c, RG_M_UNKNOWN_REFERENCE, at, "key_indicators: unknown indicator '%s'%s%s%s", id,
				    hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
				rc = -1;
				continue;
			}
			int dup = 0;
			for (size_t k = 0; k < n && !dup; k++)
				dup = strcmp(keys[k], ind->id) == 0;
			if (!dup && n + 1 < cap)
				keys[n++] = ind->id;
		}
	}
	/* by default the grouped ones, group by group (in the order the groups
	 * first appear), so that a plan table shows each group once */
	for (size_t g = 0; e == NULL && g < ds->nindicators; g++) {
		const char *group = ds->indicators[g].group;
		int seen = group == NULL || *group == '\0';
		for (size_t k = 0; k < g && !seen; k++)
			seen = ds->indicators[k].group != NULL &&
			    strcmp(ds->indicators[k].group, group) == 0;
		for (size_t i = g; !seen && i < ds->nindicators; i++) {
			const rg_indicator *ind = &ds->indicators[i];
			int dup = ind->group == NULL || strcmp(ind->group, group) != 0;
			for (size_t k = 0; k < n && !dup; k++)
				dup = strcmp(keys[k], ind->id) == 0;
			if (!dup && n + 1 < cap)
				keys[n++] = ind->id;
		}
	}
	int all = e == NULL && n == 0;   /* none grouped: every indicator */
	for (size_t i = 0; all && i < ds->nindicators; i++) {
		int dup = 0;
		for (size_t k = 0; k < n && !dup; k++)
			dup = strcmp(keys[k], ds->indicators[i].id) == 0;
		if (!dup && n + 1 < cap)
			keys[n++] = ds->indicators[i].id;
	}
	c->keys = keys;
	c->nkeys = n;
	return rc;
}

/* The document's script: lang (or locale), by default the data's; convert
 * sets it too. */
static int
read_lang(ctx *c, rg_spec *front)
{
	rg_lang lang = rg_words_guess(c->ds);
	int rc = 0;
	/* s2tw, s2hk: Traditional characters as Taiwan and Hong Kong write
	 * them (為, not OpenCC's own 爲) */
	static const char *const conversions[] = { "t2s", "s2t", "s2tw", "s2hk", "none", NULL };
	int conv = rg_spec_choice(front, "convert", conversions, 4, c->d);
	if (conv < 0) {
		c->errors++;
		rc = -1;
	} else if (conv < 4) {
		c->convert = conversions[conv];
		c->convert_pos = rg_spec_get(front, "convert")->value_pos[0];
		lang = conv == 0 ? RG_LANG_HANS : RG_LANG_HANT;
	}
	for (int k = 0; k < 2; k++) {
		const char *key = k ? "locale" : "lang";
		const char *v = rg_spec_scalar(front, key, c->d);
		if (v == NULL)
			continue;
		if (rg_lang_parse(v, &lang) < 0) {
			err(c, RG_M_KEY_VALUE, rg_spec_get(front, key)->value_pos[0],
			    "%s '%s' is not a Chinese "
			    "locale reportgen writes (expected zh-Hans, zh-CN, zh-SG, zh-Hant, "
			    "zh-TW, zh-HK or zh-MO)", key, v);
			rc = -1;
		}
	}
	rg_words_init(&c->words, lang);
	return rc;
}

/* Replacements of words in the document's script: first those of either
 * script, then those of the script itself (a theme's words_hans). */
static void
apply_words(ctx *c, const rg_word_setting *w, size_t n)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			if (pass == 0 ? w[i].lang < 0 : w[i].lang == (int)c->words.lang)
				(void)rg_words_set(&c->words, w[i].key,
				    rg_arena_strdup(c->doc->arena, w[i].value));
}

/* words: ["续表=接上表", "total=总计"] in front matter replaces single
 * words, over the theme's. */
static int
read_words(ctx *c, rg_spec *front)
{
	int rc = 0;
	rg_spec_entry *e = rg_spec_get(front, "words");
	for (size_t i = 0; e != NULL && i < e->nvalues; i++) {
		const char *s = e->values[i];
		rg_pos at = e->value_pos[i];
		at.col += e->quoted != NULL && e->quoted[i];
		rg_word_setting w;
		int r = rg_word_setting_parse(s, -1, &w);
		if (r == -1) {
			err(c, RG_M_KEY_VALUE, at, "words: '%s' is not WORD=REPLACEMENT (e.g. "
			    "续表=接上表)", s);
			rc = -1;
		} else if (r == -2) {
			const char *hint = rg_nearest_word(w.key, rg_word_keys, 64);
			err(c, RG_M_KEY_UNKNOWN, at, "words: reportgen writes no word '%s'%s%s%s", w.key,
			    hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
			rc = -1;
		} else if (r == -3) {
			err(c, RG_M_KEY_VALUE, at, "words: '%s' is too long (a word and its replacement are at "
			    "most %d and %d bytes)", s, RG_WORD_KEY_MAX - 1, RG_WORD_VALUE_MAX - 1);
			rc = -1;
		} else {
			apply_words(c, &w, 1);
		}
	}
	return rc;
}

/* The theme: a name, or a file (a path with '/' or ending in .yaml, as
 * generator/cli takes it), which the template's front matter names from
 * the template's directory; from -V it stays as given.  No placeholders. */
static const char *
theme_value(ctx *c, rg_spec *front)
{
	rg_spec_entry *e = rg_spec_get(front, "theme");
	/* a path is never made of the data's values (docs/reliability.md) */
	if (e != NULL && e->nvalues > 0 && strstr(e->values[0], "{{") != NULL) {
		err(c, RG_M_KEY_VALUE, e->value_pos[0], "theme '%s' holds a placeholder: a theme is "
		    "named as written, never from the data's values", e->values[0]);
		return NULL;
	}
	const char *v = front_value(c, front, "theme");
	if (v == NULL || e == NULL || e->value_pos[0].file != c->t->name || v[0] == '/')
		return v;
	size_t n = strlen(v);
	if (strchr(v, '/') == NULL && !(n > 5 && strcmp(v + n - 5, ".yaml") == 0))
		return v;
	const char *slash = strrchr(c->t->name, '/');
	if (slash == NULL)
		return v;
	rg_buf b = { 0 };
	rg_buf_printf(&b, "%.*s/%s", (int)(slash - c->t->name), c->t->name, v);
	const char *s = rg_arena_strdup(c->doc->arena, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return s;
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
			rg_msg(d, RG_M_OPTION_VALUE, at,
			    "-V expects KEY=VALUE, found '%s'", vars[i]);
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
	return rg_template_expand_opts(t, ds, vars, nvars, NULL, d);
}

rg_doc *
rg_template_expand_opts(const rg_template *t, const rg_dataset *ds,
    const char *const *vars, size_t nvars, const rg_expand_opts *o, rg_diag *d)
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
	c.src = t->body;
	struct warned warned = { 0 };
	c.warned = &warned;
	c.opts = o;

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
			err(&c, RG_M_UNKNOWN_REFERENCE, e->value_pos[0],
			    "front matter region '%s' is not a region "
			    "in the data", region);
		} else {
			c.region = r->id;
		}
	}
	const char *period = rg_spec_scalar(&front, "period", d);
	if (period != NULL)
		c.period = period;
	if (read_lang(&c, &front) < 0)
		c.errors++;
	c.plain = rg_numfmt_default;
	c.plain.words = &c.words;

	/* the words: built in, then the theme's, then the template's */
	rg_doc_meta *m = &c.doc->meta;
	m->theme = theme_value(&c, &front);
	if (o != NULL && o->theme_words != NULL) {
		const rg_word_setting *tw = NULL;
		size_t ntw = 0;
		if (o->theme_words(o->ctx, o->theme ? o->theme : m->theme, &tw, &ntw, d) < 0)
			c.errors++;
		else
			apply_words(&c, tw, ntw);
	}
	if (read_words(&c, &front) < 0)
		c.errors++;
	if (read_key_indicators(&c, &front) < 0)
		c.errors++;

	m->title = front_value(&c, &front, "title");
	m->subtitle = front_value(&c, &front, "subtitle");
	m->author = front_value(&c, &front, "author");
	m->subject = front_value(&c, &front, "subject");
	m->keywords = front_value(&c, &front, "keywords");
	m->date = front_value(&c, &front, "date");
	m->marking = front_value(&c, &front, "marking");
	m->continued = c.words.w[RG_W_CONTINUED];
	m->lang = rg_lang_name(c.words.lang);
	if (rg_gongwen_read(&m->gongwen, &front, c.doc->arena, d) < 0)
		c.errors++;
	if (rg_spec_check_unused(&front, "front matter", front_keys, d) < 0)
		c.errors++;
	rg_pos top = { t->name, t->body_line, 1 };
	rg_pos title_pos = front_text_pos(&front, "title", m->title, top);
	rg_pos subtitle_pos = front_text_pos(&front, "subtitle", m->subtitle, top);
	rg_spec_free(&front);

	if (m->title != NULL) {
		rg_block *b = rg_doc_block_new(c.doc, c.doc->root, RG_BLOCK_TITLE, top);
		m->title = rg_gongwen_title_spans(c.doc, b, m->title, title_pos);
	} else {
		m->title = ds->meta.title ? rg_arena_strdup(c.doc->arena, ds->meta.title) : NULL;
	}
	/* the title heads every page: a long one would be set once per page */
	if (m->title != NULL && strlen(m->title) > RG_TEMPLATE_MAX_TITLE_BYTES)
		err(&c, RG_M_LIMIT, top,
		    "the document's title is %zu bytes long: the limit is %d (it "
		    "heads every page)", strlen(m->title), RG_TEMPLATE_MAX_TITLE_BYTES);
	if (m->marking != NULL && strlen(m->marking) > RG_TEMPLATE_MAX_TITLE_BYTES)
		err(&c, RG_M_LIMIT, top,
		    "the marking is %zu bytes long: the limit is %d (it is set on "
		    "every page)", strlen(m->marking), RG_TEMPLATE_MAX_TITLE_BYTES);
	if (m->subtitle != NULL) {
		rg_block *b = rg_doc_block_new(c.doc, c.doc->root, RG_BLOCK_SUBTITLE, top);
		rg_doc_span_add(c.doc, b, RG_SPAN_TEXT, 0, m->subtitle, strlen(m->subtitle),
		    NULL, subtitle_pos);
	}
	if (m->author == NULL && ds->meta.author != NULL)
		m->author = rg_arena_strdup(c.doc->arena, ds->meta.author);
	if (m->date == NULL && ds->meta.date != NULL)
		m->date = rg_arena_strdup(c.doc->arena, ds->meta.date);

	convert_blocks(&c, cmark_node_first_child(t->root), c.doc->root);
	rg_pos end = { t->name, 0, 0 };
	doc_full(&c, end);      /* the last block may have gone past a limit */
	if (c.errors == 0 && c.convert != NULL &&
	    rg_doc_convert(c.doc, c.convert, c.convert_pos, d) < 0)
		c.errors++;
	free(warned.obs);
	if (c.errors > 0) {
		rg_doc_free(c.doc);
		return NULL;
	}
	return c.doc;
}
