/* check.c -- the typesetting check: measures a finished layout against the
 * rules of TYPESETTING.md and reports every violation.
 *
 *   - no line the breaker started starts with a no-line-start character,
 *     and none it ended ends with a no-line-end one (避头尾);
 *   - no line is wider than the text block;
 *   - in a table: no number broken across lines, no header line of one
 *     character, no header broken inside a word, no text outside its cell;
 *   - on a character grid (公文): every full body line is exactly
 *     grid_chars characters wide, and every full page (one a paragraph runs
 *     off) holds exactly grid_lines lines.
 */
#include "layout.h"

#include <math.h>

#include "../base/utf8.h"
#include "linebreak.h"

static void
show(FILE *out, int32_t cp)
{
	char s[5] = { 0 };
	rg_utf8_encode(cp, s);
	fputs(s, out);
}

size_t
rg_layout_check(const rg_layout *l, const rg_theme *th, const char *name, FILE *out)
{
	size_t bad = 0;
	double left = th->margin_left;
	for (size_t i = 0; i < l->nlines; i++) {
		const rg_line_rec *r = &l->lines[i];
		int ls = l->pages != NULL && r->page >= 0 && (size_t)r->page < l->npages &&
		    l->pages[r->page].landscape;
		double right = (ls ? th->page_h : th->page_w) - th->margin_right;
		const char *what = NULL;
		int32_t cp = 0;
		if (r->broken_before && rg_lb_no_start(r->first)) {
			what = "starts with";
			cp = r->first;
		} else if (r->broken_after && rg_lb_no_end(r->last)) {
			what = "ends with";
			cp = r->last;
		}
		if (what != NULL) {
			fprintf(out, "%s: page %d, line at y=%.1f: %s '", name, r->page + 1, r->y, what);
			show(out, cp);
			fputs("'\n", out);
			bad++;
		}
		if (r->x < left - 0.01 || r->x + r->w > right + 0.01) {
			fprintf(out, "%s: page %d, line at y=%.1f: runs from x=%.2f to %.2f, outside "
			    "the text block (%.2f to %.2f)\n", name, r->page + 1, r->y, r->x,
			    r->x + r->w, left, right);
			bad++;
		}
		/* tables (issue 11): a number on one line, no header line of
		 * one character, no word cut in a header, text inside its cell */
		if (r->cell && r->numeric && r->cell_lines > 1) {
			fprintf(out, "%s: page %d, line at y=%.1f: a number broken across %d "
			    "lines\n", name, r->page + 1, r->y, r->cell_lines);
			bad++;
		}
		if (r->cell == 2 && r->cell_lines > 1 && r->chars == 1) {
			fprintf(out, "%s: page %d, line at y=%.1f: a header line of one "
			    "character\n", name, r->page + 1, r->y);
			bad++;
		}
		if (r->cell == 2 && r->word_cut) {
			fprintf(out, "%s: page %d, line at y=%.1f: a header broken inside a "
			    "word\n", name, r->page + 1, r->y);
			bad++;
		}
		if (r->cell && (r->x < r->cell_x0 - 0.01 || r->x + r->w > r->cell_x1 + 0.01)) {
			fprintf(out, "%s: page %d, line at y=%.1f: runs from x=%.2f to %.2f, outside "
			    "its table cell (%.2f to %.2f)\n", name, r->page + 1, r->y, r->x,
			    r->x + r->w, r->cell_x0, r->cell_x1);
			bad++;
		}
		if (th->grid_chars > 0 && th->char_pitch > 0 && r->body && r->full) {
			double chars = (r->x + r->w - left) / th->char_pitch;
			if (fabs(chars - th->grid_chars) > 0.05) {
				fprintf(out, "%s: page %d, line at y=%.1f: a full line is %.2f "
				    "characters wide, not %d\n", name, r->page + 1, r->y, chars,
				    th->grid_chars);
				bad++;
			}
		}
	}
	if (th->grid_lines > 0 && th->line_pitch > 0)
		for (size_t p = 0; p < l->npages; p++) {
			double lines = l->page_fill[p] / th->line_pitch;
			if (l->page_full[p] && fabs(lines - th->grid_lines) > 0.05) {
				fprintf(out, "%s: page %zu holds %.2f lines, not %d\n", name, p + 1,
				    lines, th->grid_lines);
				bad++;
			}
		}
	return bad;
}
