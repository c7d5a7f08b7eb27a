/* words.c -- breaks only between words, for table headers (linebreak.h).
 *
 * Chinese has no spaces between words; ICU's word break iterator finds the
 * boundaries with its dictionary (地区|生产|总值).  Its dictionary is not
 * perfect and leaves affixes and unknown words as single characters
 * (增加|值, 人|均可), so a break is taken only between two words of two or
 * more characters each, or after a mark that closes or pauses (，、：。）);
 * a unit in brackets (（亿元）) is one word, which may
 * always start a line, and a number keeps the character after it (2015年,
 * 8%).
 */
#include "linebreak.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "../base/mem.h"
#include "../base/utf8.h"

static int
opens(int32_t cp)
{
	return cp == 0xFF08 || cp == '(' || cp == 0x3010 || cp == 0x3014 || cp == 0x300A ||
	    cp == '[';
}

static int
closes(int32_t cp)
{
	return cp == 0xFF09 || cp == ')' || cp == 0x3011 || cp == 0x3015 || cp == 0x300B ||
	    cp == ']';
}

static int
is_digit(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

void
rg_lb_words_free(rg_lb_env *env)
{
	if (env->words != NULL)
		ubrk_close(env->words);
	env->words = NULL;
}

static void keep_words(rg_lb_para *p, int strict);

void
rg_lb_keep_words(rg_lb_para *p)
{
	keep_words(p, 1);
}

/* Every boundary of ICU's dictionary a break, affixes and one-character
 * words too (孟津|区|委员会): for a name that does not fit otherwise. */
void
rg_lb_keep_words_loose(rg_lb_para *p)
{
	for (size_t k = 0; k < p->n; k++)
		p->items[k].keep_before = 0;
	keep_words(p, 0);
}

static void
keep_words(rg_lb_para *p, int strict)
{
	size_t n = p->n;
	if (n < 2)
		return;
	/* the text as UTF-16, glue and breaks as a space; start[k]: where
	 * item k starts */
	int32_t *start = rg_xmalloc((n + 1) * sizeof *start);
	size_t cap = 16, len = 0;
	UChar *u = rg_xmalloc(cap * sizeof *u);
	for (size_t k = 0; k < n; k++) {
		const rg_lb_item *it = &p->items[k];
		start[k] = (int32_t)len;
		const char *s = it->type == RG_LB_GLUE || it->type == RG_LB_BREAK ? " " : it->text;
		size_t sl = it->type == RG_LB_GLUE || it->type == RG_LB_BREAK ? 1 : it->len;
		for (size_t off = 0; off < sl; ) {
			size_t l;
			int32_t cp = rg_utf8_decode(s + off, sl - off, &l);
			off += l;
			if (cp < 0)
				cp = 0xFFFD;
			if (len + 2 > cap) {
				cap *= 2;
				u = rg_xrealloc(u, cap * sizeof *u);
			}
			if (cp >= 0x10000) {
				u[len++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
				u[len++] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
			} else {
				u[len++] = (UChar)cp;
			}
		}
	}
	start[n] = (int32_t)len;
	/* words: boundary[i] for a word boundary before code unit i */
	unsigned char *boundary = rg_xcalloc(len + 1, 1);
	UErrorCode err = U_ZERO_ERROR;
	/* one iterator a document: opening one took half of ICU's time */
	UBreakIterator *bi = p->env->words;
	if (bi == NULL) {
		bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
		p->env->words = U_SUCCESS(err) ? bi : NULL;
	}
	if (U_SUCCESS(err) && bi != NULL)
		ubrk_setText(bi, u, (int32_t)len, &err);
	if (U_SUCCESS(err) && bi != NULL) {
		for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
			if (b >= 0 && (size_t)b <= len)
				boundary[b] = 1;
	} else {
		for (size_t k = 0; k <= n; k++)     /* no ICU data: every item a word */
			boundary[start[k]] = 1;
	}
	/* a bracket and what it holds are one word */
	int depth = 0;
	for (size_t k = 0; k < n; k++) {
		const rg_lb_item *it = &p->items[k];
		if (depth > 0)
			boundary[start[k]] = 0;
		if (it->type == RG_LB_GLUE || it->type == RG_LB_BREAK)
			continue;
		if (opens(it->first))
			depth++;
		if (closes(it->last) && depth > 0 && --depth == 0)
			boundary[start[k + 1]] = 1;
	}
	/* a number and the character after it (2015年, 8%) are one word,
	 * across the ¼-em gap */
	for (size_t k = 1; k < n; k++) {
		const rg_lb_item *it = &p->items[k], *prev = &p->items[k - 1];
		int gap = prev->type == RG_LB_GLUE && !prev->visible && k >= 2;
		if (gap)
			prev = &p->items[k - 2];
		if (it->type == RG_LB_GLUE || it->type == RG_LB_BREAK ||
		    prev->type == RG_LB_GLUE || prev->type == RG_LB_BREAK || !is_digit(prev->last))
			continue;
		boundary[start[k]] = 0;
		if (gap)
			boundary[start[k - 1]] = 0;
	}
	/* the length in characters of the word ending (starting) at each
	 * boundary, and the keep decisions */
	for (size_t k = 1; k < n; k++) {
		rg_lb_item *it = &p->items[k], *prev = &p->items[k - 1];
		/* the ¼-em gap between Han and a number is no space: look
		 * across it (a real space stays a break) */
		if (prev->type == RG_LB_GLUE && !prev->visible && k >= 2)
			prev = &p->items[k - 2];
		if (it->type == RG_LB_GLUE || it->type == RG_LB_BREAK ||
		    prev->type == RG_LB_GLUE || prev->type == RG_LB_BREAK)
			continue;
		int32_t at = start[k];
		if (!boundary[at]) {
			it->keep_before = 1;
			continue;
		}
		/* after a mark that closes or pauses (，、：。）》) a line may
		 * end: the mark is no word of its own to keep */
		if (rg_lb_no_start(prev->last) && !rg_lb_no_start(it->first) &&
		    !rg_lb_no_end(prev->last))
			continue;
		/* characters of the words on either side */
		int left = 0, right = 0;
		for (int32_t i = at; i > 0 && left < 2; i--) {
			if (u[i - 1] >= 0xDC00 && u[i - 1] < 0xE000)
				continue;
			left++;
			if (boundary[i - 1])
				break;
		}
		for (int32_t i = at; (size_t)i < len && right < 2; i++) {
			if (u[i] >= 0xDC00 && u[i] < 0xE000)
				continue;
			right++;
			if (boundary[i + 1])
				break;
		}
		/* a unit in brackets may always start a line */
		if (strict && (left < 2 || right < 2) && !opens(it->first)) {
			it->keep_before = 1;
			it->glued = right >= 2;
		}
	}
	free(boundary);
	free(u);
	free(start);
}
