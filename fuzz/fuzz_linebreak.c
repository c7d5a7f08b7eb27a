/* fuzz_linebreak.c -- the Chinese line breaker with fixed metrics (wide
 * characters 1 em, everything else 1/2 em, as in tests/unit).
 *
 * Input: byte 0 the line width (1..64 em), byte 1 the first-line indent
 * (low 3 bits, in em), code mode (0x80: preserve spaces, as code blocks
 * do) and the character grid (0x40: wide characters 1 em, as 公文), then text in which bytes 0x01..0x05 are not text but events: 0x01 a
 * soft break, 0x02 a hard break, 0x03 the next style (role and size), 0x04
 * a link on or off, 0x05 a missing glyph (a code point no font has).
 * After breaking, checks what every line must satisfy. */
#include <stdint.h>

#include "base/utf8.h"
#include "fuzz.h"
#include "layout/linebreak.h"

static int
fake_lookup(void *ctx, int role, int32_t cp, int *primary)
{
	(void)ctx;
	*primary = cp < 0x1F000;
	return cp == 0x10FFFD ? -1 : role;
}

static double
fake_advance(void *ctx, int face, int32_t cp)
{
	(void)ctx;
	(void)face;
	return rg_lb_is_wide(cp) ? 1000 : 500;
}

static const char *
fake_family(void *ctx, int face)
{
	(void)ctx;
	(void)face;
	return "Fake";
}

static const rg_metrics metrics = { NULL, fake_lookup, fake_advance, fake_family };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	double em = 10;
	double width = (1 + data[0] % 64) * em;
	double indent = (data[1] & 7) * em;
	int preserve = (data[1] & 0x80) != 0;
	double grid = (data[1] & 0x40) ? 1.0 : 0;
	data += 2;
	size -= 2;

	rg_diag d;
	rg_diag_init(&d, fuzz_sink());
	rg_lb_env env = { &metrics, &d, NULL, 0, 0, 1, grid };
	rg_lb_para p;
	rg_lb_para_init(&p, &env, width, preserve);
	/* the items point into the text: one copy, split in place */
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	static const double sizes[] = { 10, 9, 12, 16 };
	static const char *const urls[] = { NULL, "https://example.org/" };
	int style = 0, link = 0;
	size_t start = 0;
	for (size_t i = 0; i <= size; i++) {
		unsigned char c = i < size ? (unsigned char)text[i] : 0;
		if (i < size && (c == 0 || c > 5))
			continue;
		text[i] = '\0';
		rg_lb_style st = { style % 4, sizes[style % 4], 0, urls[link] };
		rg_pos pos = { "fuzz", 1, (int)start + 1 };
		if (i > start)
			rg_lb_add_text(&p, text + start, &st, pos);
		if (c == 1)
			rg_lb_add_softbreak(&p);
		else if (c == 2)
			rg_lb_add_hardbreak(&p);
		else if (c == 3)
			style++;
		else if (c == 4)
			link = !link;
		else if (c == 5)
			rg_lb_add_text(&p, "\xf4\x8f\xbf\xbd", &st, pos);   /* U+10FFFD */
		start = i + 1;
	}

	/* items: no word wider than the line (split by character instead) */
	for (size_t k = 0; k < p.n; k++) {
		const rg_lb_item *it = &p.items[k];
		FUZZ_CHECK(it->type != RG_LB_WORD || it->width <= width + 1e-6);
		FUZZ_CHECK(it->type == RG_LB_GLUE || it->type == RG_LB_BREAK || it->len > 0);
		FUZZ_CHECK(it->width >= 0);
	}

	rg_lb_line *lines;
	size_t n = rg_lb_break(&p, width, indent, &lines);
	/* lines in order; every item not on a line is glue or a forced break;
	 * a line wider than its measure holds a single item */
	size_t next = 0;
	for (size_t i = 0; i < n; i++) {
		const rg_lb_line *ln = &lines[i];
		FUZZ_CHECK(ln->start >= next && ln->start <= ln->end && ln->end <= p.n);
		for (size_t k = next; k < ln->start; k++)
			FUZZ_CHECK(p.items[k].type == RG_LB_GLUE || p.items[k].type == RG_LB_BREAK);
		for (size_t k = ln->start; k < ln->end; k++)
			FUZZ_CHECK(p.items[k].type != RG_LB_BREAK);
		double avail = width - (i == 0 ? indent : 0);
		FUZZ_CHECK(ln->natural <= avail + 1e-6 || ln->end - ln->start <= 1);
		FUZZ_CHECK(ln->end == ln->start || (p.items[ln->start].type != RG_LB_GLUE &&
		    p.items[ln->end - 1].type != RG_LB_GLUE));
		next = ln->end;
	}
	for (size_t k = next; k < p.n; k++)
		FUZZ_CHECK(p.items[k].type == RG_LB_GLUE || p.items[k].type == RG_LB_BREAK);

	free(lines);
	rg_lb_para_free(&p);
	rg_lb_env_free(&env);
	free(text);
	return 0;
}
