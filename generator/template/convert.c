/* convert.c -- see convert.h */
#include "convert.h"

#include "../base/buf.h"

#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct conv {
	opencc_t cc;
	rg_arena *arena;
	int failed;
} conv;

/* s[0..n) converted, appended to out; -1 when OpenCC fails. */
static int
convert_part(conv *v, const char *s, size_t n, rg_buf *out)
{
	size_t k = 0;
	while (k < n && (unsigned char)s[k] < 0x80)
		k++;
	if (k == n) {            /* ASCII needs no conversion */
		rg_buf_put(out, s, n);
		return 0;
	}
	char *r = opencc_convert_utf8(v->cc, s, n);
	if (r == NULL)
		return -1;
	rg_buf_puts(out, r);
	opencc_convert_utf8_free(r);
	return 0;
}

/* The length of the web address at s (scheme://..., www.... or
 * mailto:...), 0 when none starts there: up to a space or a full-width mark
 * (U+3000-U+303F, U+FF00-U+FFEF) or a Chinese quotation mark, which no
 * address holds unescaped in running text; what it holds (a Chinese path
 * too) is its name and stays as written. */
static size_t
address_at(const char *s, const char *start)
{
	if (s > start) {
		unsigned char b = (unsigned char)s[-1];
		if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'))
			return 0;        /* inside a word */
	}
	size_t k = 0;
	while ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))
		k++;
	int url = (k > 0 && strncmp(s + k, "://", 3) == 0 && s[k + 3] != '\0') ||
	    (k == 6 && strncmp(s, "mailto:", 7) == 0) || strncmp(s, "www.", 4) == 0;
	if (!url)
		return 0;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	while (p[n] && p[n] != ' ' && p[n] != '\t' && p[n] != '\n') {
		if (p[n] == 0xE3 && (p[n + 1] == 0x80 || p[n + 1] == 0x81))
			break;           /* U+3000-U+307F */
		if (p[n] == 0xEF && (p[n + 1] == 0xBC || p[n + 1] == 0xBD ||
		    (p[n + 1] == 0xBF && p[n + 2] >= 0xA0)))
			break;           /* U+FF00-U+FF7F, U+FFE0-U+FFEF */
		if (p[n] == 0xE2 && p[n + 1] == 0x80 && p[n + 2] >= 0x98 && p[n + 2] <= 0x9F)
			break;           /* ‘’“” */
		n++;
	}
	return n;
}

static const char *
text(conv *v, const char *s)
{
	if (s == NULL || *s == '\0' || v->failed)
		return s;
	const char *p = s;
	while (*p && (unsigned char)*p < 0x80)
		p++;
	if (*p == '\0')
		return s;        /* ASCII needs no conversion */
	/* converted around the web addresses, which stay as written */
	rg_buf out = { 0 };
	const char *from = s;
	for (p = s; *p; ) {
		size_t n = address_at(p, s);
		if (n == 0) {
			p++;
			continue;
		}
		if (convert_part(v, from, (size_t)(p - from), &out) < 0)
			v->failed = 1;
		rg_buf_put(&out, p, n);
		p += n;
		from = p;
	}
	if (!v->failed && convert_part(v, from, (size_t)(p - from), &out) < 0)
		v->failed = 1;
	const char *r = v->failed ? s : rg_arena_strdup(v->arena, rg_buf_cstr(&out));
	rg_buf_free(&out);
	return r;
}

static void
spans(conv *v, rg_span *sp, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (sp[i].kind == RG_SPAN_TEXT && !(sp[i].style & RG_STYLE_CODE))
			sp[i].text = text(v, sp[i].text);
}

static void
blocks(conv *v, rg_block *b)
{
	for (; b != NULL; b = b->next) {
		if (b->kind != RG_BLOCK_CODE)
			spans(v, b->spans, b->nspans);
		if (b->table != NULL) {
			rg_table *t = b->table;
			t->caption = text(v, t->caption);
			t->note = text(v, t->note);
			for (size_t r = 0; r < t->nrows; r++)
				for (size_t c = 0; c < t->rows[r].ncells; c++)
					spans(v, t->rows[r].cells[c].spans, t->rows[r].cells[c].nspans);
		}
		if (b->chart != NULL) {
			rg_chart *ch = b->chart;
			ch->title = text(v, ch->title);
			ch->unit = text(v, ch->unit);
			for (size_t i = 0; i < ch->ncategories; i++)
				ch->categories[i] = text(v, ch->categories[i]);
			for (size_t i = 0; i < ch->nseries; i++)
				ch->series[i].name = text(v, ch->series[i].name);
		}
		blocks(v, b->first_child);
	}
}

int
rg_doc_convert(rg_doc *doc, const char *config, rg_pos at, rg_diag *d)
{
	/* OpenCC's configurations are named as the conversions are */
	char file[32];
	snprintf(file, sizeof file, "%s.json", config);
	conv v = { opencc_open(file), doc->arena, 0 };
	if (v.cc == (opencc_t)-1) {
		rg_msg(d, RG_M_OPENCC_FAILED, at,
		    "cannot load OpenCC's %s: %s", file, opencc_error());
		return -1;
	}
	blocks(&v, doc->root);
	rg_doc_meta *m = &doc->meta;
	m->title = text(&v, m->title);
	m->subtitle = text(&v, m->subtitle);
	m->author = text(&v, m->author);
	m->subject = text(&v, m->subject);
	m->keywords = text(&v, m->keywords);
	m->marking = text(&v, m->marking);
	m->continued = text(&v, m->continued);
	opencc_close(v.cc);
	if (v.failed) {
		rg_msg(d, RG_M_OPENCC_FAILED, at,
		    "OpenCC could not convert the document: %s", opencc_error());
		return -1;
	}
	return 0;
}
