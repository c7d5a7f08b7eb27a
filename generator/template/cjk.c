/* cjk.c -- see cjk.h.  Character classes come from GLib (general category,
 * East Asian width, script); the amendment's definitions are followed
 * without its variation-selector clauses, for "*" runs ("_" is left to
 * CommonMark: it does not open or close inside words anyway). */
#include "cjk.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"

#define MARK "\xef\xb7\x90"     /* U+FDD0 */
#define MARK_LEN 3

typedef struct mark_at {
	int line, col;           /* in the prepared text */
} mark_at;

struct rg_cjk_map {
	mark_at *at;             /* in order */
	size_t n;
};

/* ---- character classes ------------------------------------------------ */

enum { C_SPACE = 1, C_PUNCT = 2, C_CJK = 4 };

/* CommonMark's Unicode whitespace and punctuation (cmark 0.30: ASCII
 * punctuation and the P categories); CJK: East Asian width W, F or H and
 * not an emoji, or Hangul (the amendment's definition). */
static int
char_class(gunichar u)
{
	if (u == 0)
		return C_SPACE;      /* the start or end of the line */
	int k = 0;
	if (u == '\t' || u == '\n' || u == '\f' || u == '\r' ||
	    g_unichar_type(u) == G_UNICODE_SPACE_SEPARATOR)
		k |= C_SPACE;
	if (u < 0x80) {
		if (u > ' ' && u < 0x7f && !g_ascii_isalnum((gchar)u))
			k |= C_PUNCT;
		return k;
	}
	switch (g_unichar_type(u)) {
	case G_UNICODE_CONNECT_PUNCTUATION: case G_UNICODE_DASH_PUNCTUATION:
	case G_UNICODE_CLOSE_PUNCTUATION: case G_UNICODE_FINAL_PUNCTUATION:
	case G_UNICODE_INITIAL_PUNCTUATION: case G_UNICODE_OTHER_PUNCTUATION:
	case G_UNICODE_OPEN_PUNCTUATION:
		k |= C_PUNCT;
		break;
	default:
		break;
	}
	int emoji = (u >= 0x1F000 && u <= 0x1FAFF) || (u >= 0x2600 && u <= 0x27BF) ||
	    (u >= 0x2300 && u <= 0x23FF);
	int halfwidth = u >= 0xFF61 && u <= 0xFFEE;
	if (((g_unichar_iswide(u) || halfwidth) && !emoji) ||
	    g_unichar_get_script(u) == G_UNICODE_SCRIPT_HANGUL)
		k |= C_CJK;
	return k;
}

/* ---- the markers ------------------------------------------------------ */

/* Do the runs' flanking by CommonMark and by the amendment differ?  Sets
 * *before (a marker goes before the run: it must close) and *after (after
 * it: it must open).  The amendment's flanking includes CommonMark's, and
 * a marker on one side never changes the other side's flanking. */
static void
amend(gunichar prev, gunichar next, int *before, int *after)
{
	int b = char_class(prev), a = char_class(next);
	int b_nc = (b & C_PUNCT) && !(b & C_CJK), a_nc = (a & C_PUNCT) && !(a & C_CJK);
	int std_left = !(a & C_SPACE) && (!(a & C_PUNCT) || (b & (C_SPACE | C_PUNCT)));
	int std_right = !(b & C_SPACE) && (!(b & C_PUNCT) || (a & (C_SPACE | C_PUNCT)));
	int left = !(a & C_SPACE) && (!a_nc || (b & C_SPACE) || b_nc || (b & C_CJK));
	int right = !(b & C_SPACE) && (!b_nc || (a & C_SPACE) || a_nc || (a & C_CJK));
	*after = left && !std_left;
	*before = right && !std_right;
}

static gunichar
decode(const char *p, size_t n)
{
	gunichar u = g_utf8_get_char_validated(p, (gssize)n);
	return u == (gunichar)-1 || u == (gunichar)-2 ? 'a' : u;
}

const char *
rg_cjk_prepare(rg_arena *arena, const char *src, size_t len, size_t *out_len,
    rg_cjk_map **map)
{
	*map = NULL;
	*out_len = len;
	rg_buf out = { 0 };
	mark_at *at = NULL;
	size_t nat = 0, cap = 0;
	size_t done = 0;         /* src bytes copied to out */
	int line = 1;
	size_t line_start = 0;   /* in src */
	size_t added = 0;        /* bytes added on this line so far */
	for (size_t i = 0; i < len; i++) {
		if (src[i] == '\n') {
			line++;
			line_start = i + 1;
			added = 0;
			continue;
		}
		if (src[i] != '*')
			continue;
		size_t bs = 0;
		while (i - bs > line_start && src[i - bs - 1] == '\\')
			bs++;
		if (bs % 2 == 1)
			continue;    /* an escaped star: the run starts after it */
		size_t j = i;
		while (j < len && src[j] == '*')
			j++;
		gunichar prev = 0, next = 0;
		if (i > line_start) {
			const char *p = g_utf8_find_prev_char(src + line_start, src + i);
			if (p != NULL)
				prev = decode(p, (size_t)(src + i - p));
		}
		if (j < len && src[j] != '\n' && src[j] != '\r')
			next = decode(src + j, len - j);
		int before, after;
		amend(prev, next, &before, &after);
		if (before || after) {
			rg_buf_put(&out, src + done, i - done);
			if (before) {
				mark_at *m = RG_PUSH(at, nat, cap);
				m->line = line;
				m->col = (int)(i - line_start + added) + 1;
				rg_buf_puts(&out, MARK);
				added += MARK_LEN;
			}
			rg_buf_put(&out, src + i, j - i);
			if (after) {
				mark_at *m = RG_PUSH(at, nat, cap);
				m->line = line;
				m->col = (int)(j - line_start + added) + 1;
				rg_buf_puts(&out, MARK);
				added += MARK_LEN;
			}
			done = j;
		}
		i = j - 1;
	}
	if (nat == 0) {
		rg_buf_free(&out);
		return src;
	}
	rg_buf_put(&out, src + done, len - done);
	char *text = rg_arena_strndup(arena, out.data, out.len);
	*out_len = out.len;
	rg_buf_free(&out);
	rg_cjk_map *m = rg_arena_alloc(arena, sizeof *m);
	m->at = rg_arena_alloc(arena, nat * sizeof *m->at);
	memcpy(m->at, at, nat * sizeof *at);
	m->n = nat;
	free(at);
	*map = m;
	return text;
}

/* How many markers come before line, col. */
static size_t
marks_before(const rg_cjk_map *m, int line, int col)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const mark_at *a = &m->at[mid];
		if (a->line < line || (a->line == line && a->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
rg_cjk_col(const rg_cjk_map *map, int line, int col)
{
	if (map == NULL)
		return col;
	size_t k = marks_before(map, line, col) - marks_before(map, line, 1);
	return col - (int)(k * MARK_LEN);
}

/* s without markers, or NULL if it has none (the caller frees). */
static char *
unmarked(const char *s)
{
	if (s == NULL || strstr(s, MARK) == NULL)
		return NULL;
	rg_buf b = { 0 };
	for (const char *p; (p = strstr(s, MARK)) != NULL; s = p + MARK_LEN)
		rg_buf_put(&b, s, (size_t)(p - s));
	rg_buf_puts(&b, s);
	char *r = rg_buf_detach(&b);
	return r != NULL ? r : rg_xstrndup("", 0);
}

void
rg_cjk_strip(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		char *s;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT: case CMARK_NODE_CODE: case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_CODE_BLOCK:
			if ((s = unmarked(cmark_node_get_literal(n))) != NULL) {
				cmark_node_set_literal(n, s);
				free(s);
			}
			if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK &&
			    (s = unmarked(cmark_node_get_fence_info(n))) != NULL) {
				cmark_node_set_fence_info(n, s);
				free(s);
			}
			break;
		case CMARK_NODE_LINK: case CMARK_NODE_IMAGE:
			if ((s = unmarked(cmark_node_get_url(n))) != NULL) {
				cmark_node_set_url(n, s);
				free(s);
			}
			if ((s = unmarked(cmark_node_get_title(n))) != NULL) {
				cmark_node_set_title(n, s);
				free(s);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}
