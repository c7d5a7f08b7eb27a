/* convert.c -- see convert.h */
#include "convert.h"

#include <opencc.h>
#include <stdlib.h>
#include <string.h>

typedef struct conv {
	opencc_t cc;
	rg_arena *arena;
	int failed;
} conv;

static const char *
text(conv *v, const char *s)
{
	if (s == NULL || *s == '\0' || v->failed)
		return s;
	/* ASCII needs no conversion */
	const char *p = s;
	while (*p && (unsigned char)*p < 0x80)
		p++;
	if (*p == '\0')
		return s;
	char *out = opencc_convert_utf8(v->cc, s, strlen(s));
	if (out == NULL) {
		v->failed = 1;
		return s;
	}
	const char *r = rg_arena_strdup(v->arena, out);
	opencc_convert_utf8_free(out);
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
	const char *file = strcmp(config, "t2s") == 0 ? OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP :
	    OPENCC_DEFAULT_CONFIG_SIMP_TO_TRAD;
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
