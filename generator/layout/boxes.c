/* boxes.c -- text dump of a layout (the stage 3 golden format).
 *
 * One line per page and per box; numbers are rounded to 0.01 pt so the dump
 * is stable across compilers.
 */
#include "boxes.h"

static void
dump_text(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void
rg_layout_dump(const rg_layout *l, FILE *out)
{
	fprintf(out, "layout %.2f x %.2f, %zu page%s\n", l->width, l->height, l->npages,
	    l->npages == 1 ? "" : "s");
	for (size_t i = 0; i < l->noutline; i++)
		fprintf(out, "outline level=%d page=%d y=%.2f \"%s\"\n", l->outline[i].level,
		    l->outline[i].page + 1, l->outline[i].y, l->outline[i].title);
	for (size_t p = 0; p < l->npages; p++) {
		const rg_page *pg = &l->pages[p];
		fprintf(out, "page %zu%s\n", p + 1, pg->landscape ? " landscape" : "");
		for (size_t i = 0; i < pg->nboxes; i++) {
			const rg_box *b = &pg->boxes[i];
			switch (b->kind) {
			case RG_BOX_TEXT:
				fprintf(out, "  text x=%.2f y=%.2f face=%d size=%.2f", b->x, b->y,
				    b->face, b->size);
				if (b->spacing != 0)
					fprintf(out, " tc=%.3f", b->spacing);
				if (b->half)
					fputs(" half", out);
				if (b->angle != 0)
					fprintf(out, " angle=%.1f", b->angle);
				if (b->color != 0)
					fprintf(out, " color=%06X", b->color);
				fputc(' ', out);
				dump_text(out, b->text);
				fputc('\n', out);
				break;
			case RG_BOX_RULE:
				fprintf(out, "  rule x=%.2f y=%.2f w=%.2f h=%.2f lw=%.2f color=%06X\n",
				    b->x, b->y, b->w, b->h, b->line_width, b->color);
				break;
			case RG_BOX_LINK:
				fprintf(out, "  link x=%.2f y=%.2f w=%.2f h=%.2f url=", b->x, b->y,
				    b->w, b->h);
				dump_text(out, b->url);
				fputc('\n', out);
				break;
			case RG_BOX_RECT:
				fprintf(out, "  rect x=%.2f y=%.2f w=%.2f h=%.2f color=%06X\n",
				    b->x, b->y, b->w, b->h, b->color);
				break;
			case RG_BOX_IMAGE:
				fprintf(out, "  image x=%.2f y=%.2f w=%.2f h=%.2f %s bytes=%zu\n",
				    b->x, b->y, b->w, b->h, b->image_format == 1 ? "png" : "jpeg",
				    b->image_len);
				break;
			case RG_BOX_FRAME:
				fprintf(out, "  frame x=%.2f y=%.2f w=%.2f h=%.2f color=%06X\n",
				    b->x, b->y, b->w, b->h, b->color);
				break;
			}
		}
	}
}
