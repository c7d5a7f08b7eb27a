/* doc.c -- the document tree: construction and text dump. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"

rg_doc *
rg_doc_new(void)
{
	rg_doc *doc = rg_xcalloc(1, sizeof *doc);
	doc->arena = rg_arena_new();
	rg_pos none = { NULL, 0, 0 };
	doc->root = rg_doc_block_new(doc, NULL, RG_BLOCK_DOCUMENT, none);
	return doc;
}

static void
table_free(rg_table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->rows[r].ncells; c++)
			free(t->rows[r].cells[c].spans);
		free(t->rows[r].cells);
	}
	free(t->rows);
	t->rows = NULL;
	t->nrows = 0;
}

void
rg_doc_free(rg_doc *doc)
{
	if (doc == NULL)
		return;
	/* span arrays are heap-grown; free them block by block */
	rg_block *b = doc->root;
	while (b != NULL) {
		free(b->spans);
		b->spans = NULL;
		if (b->table != NULL)
			table_free(b->table);
		if (b->first_child != NULL) {
			b = b->first_child;
			continue;
		}
		while (b != NULL && b->next == NULL)
			b = b->parent;
		if (b != NULL)
			b = b->next;
	}
	for (size_t i = 0; i < doc->nimages; i++)
		free((void *)doc->images[i]->data);
	free(doc->images);
	rg_arena_free(doc->arena);
	free(doc);
}

rg_block *
rg_doc_block_new(rg_doc *doc, rg_block *parent, rg_block_kind kind, rg_pos pos)
{
	rg_block *b = rg_arena_alloc(doc->arena, sizeof *b);
	doc->nodes++;
	b->kind = kind;
	b->pos = pos;
	b->parent = parent;
	if (parent != NULL) {
		if (parent->last_child != NULL)
			parent->last_child->next = b;
		else
			parent->first_child = b;
		parent->last_child = b;
	}
	return b;
}

rg_span *
rg_doc_span_add(rg_doc *doc, rg_block *b, rg_span_kind kind, unsigned style,
    const char *text, size_t len, const char *url, rg_pos pos)
{
	rg_span *s = RG_PUSH(b->spans, b->nspans, b->cap_spans);
	memset(s, 0, sizeof *s);
	doc->nodes++;
	doc->text_bytes += text ? len : 0;
	s->kind = kind;
	s->style = style;
	s->text = rg_arena_strndup(doc->arena, text ? text : "", text ? len : 0);
	s->url = url ? rg_arena_strdup(doc->arena, url) : NULL;
	s->pos = pos;
	return s;
}

rg_table *
rg_doc_table_new(rg_doc *doc, rg_block *b, size_t ncols)
{
	b->table = rg_arena_alloc(doc->arena, sizeof *b->table);
	b->table->ncols = ncols;
	return b->table;
}

rg_row *
rg_doc_row_add(rg_doc *doc, rg_table *t)
{
	doc->nodes++;
	rg_row *r = RG_PUSH(t->rows, t->nrows, t->cap_rows);
	memset(r, 0, sizeof *r);
	return r;
}

rg_cell *
rg_doc_cell_add(rg_doc *doc, rg_row *r, rg_align align, int colspan)
{
	doc->nodes++;
	rg_cell *c = RG_PUSH(r->cells, r->ncells, r->cap_cells);
	memset(c, 0, sizeof *c);
	c->align = align;
	c->colspan = colspan < 1 ? 1 : colspan;
	c->rowspan = 1;
	return c;
}

rg_span *
rg_doc_cell_span(rg_doc *doc, rg_cell *c, unsigned style, const char *text, size_t len,
    rg_pos pos)
{
	rg_span *s = RG_PUSH(c->spans, c->nspans, c->cap_spans);
	memset(s, 0, sizeof *s);
	doc->nodes++;
	doc->text_bytes += len;
	s->kind = RG_SPAN_TEXT;
	s->style = style;
	s->text = rg_arena_strndup(doc->arena, text, len);
	s->url = NULL;
	s->pos = pos;
	return s;
}

const char *
rg_block_text(rg_doc *doc, const rg_block *b)
{
	rg_buf buf = { 0 };
	for (size_t i = 0; i < b->nspans; i++)
		rg_buf_puts(&buf, b->spans[i].kind == RG_SPAN_TEXT ? b->spans[i].text : " ");
	const char *s = rg_arena_strdup(doc->arena, rg_buf_cstr(&buf));
	rg_buf_free(&buf);
	return s;
}

static const char *const block_names[] = {
	"document", "heading", "paragraph", "list", "item", "quote", "rule",
	"code", "title", "subtitle", "table", "chart", "toc", "dateline", "figure"
};

static void
dump_pos(FILE *out, rg_pos p)
{
	if (p.file != NULL)
		fprintf(out, " @%s:%d:%d", p.file, p.line, p.col);
}

static void dump_spans(const rg_span *spans, size_t n, int depth, FILE *out);
static void dump_table(const rg_table *t, int depth, FILE *out);
static void dump_chart(const rg_chart *ch, int depth, FILE *out);

static void
dump_block(const rg_block *b, int depth, FILE *out)
{
	fprintf(out, "%*s%s", depth * 2, "", block_names[b->kind]);
	if (b->kind == RG_BLOCK_HEADING || b->kind == RG_BLOCK_TOC ||
	    b->kind == RG_BLOCK_DATELINE)
		fprintf(out, " level=%d", b->level);
	if (b->kind == RG_BLOCK_LIST)
		fprintf(out, " %s start=%d%s", b->ordered ? "ordered" : "bullet",
		    b->start, b->tight ? " tight" : "");
	if (b->info != NULL && *b->info)
		fprintf(out, " info=\"%s\"", b->info);
	dump_pos(out, b->pos);
	fputc('\n', out);
	dump_spans(b->spans, b->nspans, depth + 1, out);
	if (b->table != NULL)
		dump_table(b->table, depth + 1, out);
	if (b->chart != NULL)
		dump_chart(b->chart, depth + 1, out);
	if (b->figure != NULL) {
		const rg_figure *fg = b->figure;
		fprintf(out, "%*simage \"%s\" %s %ux%u", (depth + 1) * 2, "", fg->path,
		    fg->format == 1 ? "png" : "jpeg", fg->width, fg->height);
		if (fg->dpi_x > 0)
			fprintf(out, " dpi=%.0fx%.0f", fg->dpi_x, fg->dpi_y);
		if (fg->alpha)
			fputs(" alpha", out);
		fprintf(out, " alt=\"%s\"", fg->alt ? fg->alt : "");
		if (fg->caption != NULL)
			fprintf(out, " caption=\"%s\"", fg->caption);
		fputc('\n', out);
	}
	for (const rg_block *c = b->first_child; c != NULL; c = c->next)
		dump_block(c, depth + 1, out);
}

static void
dump_spans(const rg_span *spans, size_t n, int depth, FILE *out)
{
	for (size_t i = 0; i < n; i++) {
		const rg_span *s = &spans[i];
		fprintf(out, "%*s", depth * 2, "");
		if (s->kind == RG_SPAN_SOFTBREAK) {
			fputs("softbreak\n", out);
			continue;
		}
		if (s->kind == RG_SPAN_HARDBREAK) {
			fputs("hardbreak\n", out);
			continue;
		}
		fputs("text", out);
		if (s->style & RG_STYLE_STRONG) fputs(" strong", out);
		if (s->style & RG_STYLE_EMPH) fputs(" emph", out);
		if (s->style & RG_STYLE_CODE) fputs(" code", out);
		if (s->style & RG_STYLE_LINK) fprintf(out, " link=<%s>", s->url);
		if (s->computed) fputs(" computed", out);
		fputs(" \"", out);
		for (const char *c = s->text; *c; c++) {
			if (*c == '\n')
				fputs("\\n", out);
			else if (*c == '"' || *c == '\\')
				fprintf(out, "\\%c", *c);
			else
				fputc(*c, out);
		}
		fputc('"', out);
		fputc('\n', out);
	}
}

static void
dump_table(const rg_table *t, int depth, FILE *out)
{
	static const char *const aligns[] = { "left", "right", "center" };
	fprintf(out, "%*stable cols=%zu header=%zu\n", depth * 2, "", t->ncols, t->nheader);
	if (t->caption)
		fprintf(out, "%*scaption \"%s\"\n", depth * 2, "", t->caption);
	for (size_t r = 0; r < t->nrows; r++) {
		const rg_row *row = &t->rows[r];
		fprintf(out, "%*srow%s%s\n", depth * 2, "", row->group ? " group" : "",
		    row->total ? " total" : "");
		for (size_t c = 0; c < row->ncells; c++) {
			const rg_cell *cell = &row->cells[c];
			fprintf(out, "%*scell %s", depth * 2 + 2, "", aligns[cell->align]);
			if (cell->colspan > 1)
				fprintf(out, " span=%d", cell->colspan);
			if (cell->rowspan > 1)
				fprintf(out, " rowspan=%d", cell->rowspan);
			if (cell->covered)
				fputs(" covered", out);
			fputs(cell->numeric ? " numeric\n" : "\n", out);
			dump_spans(cell->spans, cell->nspans, depth + 2, out);
		}
	}
	if (t->note)
		fprintf(out, "%*snote \"%s\"\n", depth * 2, "", t->note);
}

static void
dump_chart(const rg_chart *ch, int depth, FILE *out)
{
	fprintf(out, "%*schart %s unit=\"%s\" title=\"%s\"%s\n", depth * 2, "",
	    ch->kind == RG_CHART_BAR ? "bar" : "line", ch->unit ? ch->unit : "",
	    ch->title ? ch->title : "", ch->value_labels ? " labels" : "");
	for (size_t i = 0; i < ch->ncategories; i++)
		fprintf(out, "%*scategory \"%s\"\n", depth * 2 + 2, "", ch->categories[i]);
	for (size_t s = 0; s < ch->nseries; s++) {
		fprintf(out, "%*sseries \"%s\"", depth * 2 + 2, "", ch->series[s].name);
		for (size_t i = 0; i < ch->ncategories; i++)
			fprintf(out, " %s", ch->series[s].labels[i] ? ch->series[s].labels[i] : "—");
		fputc('\n', out);
	}
}

void
rg_doc_dump(const rg_doc *doc, FILE *out)
{
	const rg_doc_meta *m = &doc->meta;
	const char *keys[] = { "title", "subtitle", "author", "subject", "keywords", "date",
		"theme", "marking" };
	const char *vals[] = { m->title, m->subtitle, m->author, m->subject, m->keywords,
		m->date, m->theme, m->marking };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (vals[i] != NULL)
			fprintf(out, "meta %s \"%s\"\n", keys[i], vals[i]);
	dump_block(doc->root, 0, out);
}
