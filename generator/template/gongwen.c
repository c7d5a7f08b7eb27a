/* gongwen.c -- see gongwen.h */
#include "gongwen.h"

#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "doc.h"
#include "spec.h"

const char *const rg_gongwen_keys[] = {
	"copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "signer",
	"recipients", "attachments", "cc", "printer", "print_date", "seal", "note", "format",
	NULL
};

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && memcmp(s + n - t, tail, t) == 0;
}

/* The values of key (a scalar or a list); *n = 0 when absent.  A value with
 * a placeholder is an error: these keys are set as written. */
static const char **
values(rg_spec *front, const char *key, size_t *n, rg_pos *at, rg_diag *d)
{
	rg_spec_entry *e = rg_spec_get(front, key);
	*n = 0;
	if (e == NULL)
		return NULL;
	*at = e->nvalues ? e->value_pos[0] : e->key_pos;
	for (size_t i = 0; i < e->nvalues; i++) {
		if (strstr(e->values[i], "{{") != NULL) {
			rg_msg(d, RG_M_GONGWEN_VALUE, e->value_pos[i],
			    "%s '%s': 公文 elements are written as they "
			    "are printed, without placeholders", key, e->values[i]);
			return NULL;
		}
		if (e->values[i][0] == '\0') {
			rg_msg(d, RG_M_GONGWEN_VALUE, e->value_pos[i],
			    "%s is empty: leave the key out instead", key);
			return NULL;
		}
	}
	*n = e->nvalues;
	return e->values;
}

static const char *
scalar(rg_spec *front, const char *key, rg_pos *at, rg_diag *d)
{
	size_t n;
	const char **v = values(front, key, &n, at, d);
	if (n > 1) {
		rg_msg(d, RG_M_KEY_SHAPE, *at, "'%s' must be a single value, found a list", key);
		return NULL;
	}
	return n ? v[0] : NULL;
}

/* 发文字号: 机关代字, the year in 六角括号 and the number with no leading
 * zero and 号: 洛政〔2025〕7号 (GB/T 9704 7.2.5). */
static int
check_doc_number(const char *s, rg_pos at, rg_diag *d)
{
	const char *open = strstr(s, "〔"), *close = open ? strstr(open, "〕") : NULL;
	const char *why = NULL;
	if (open == NULL || close == NULL)
		why = "the year goes in 六角括号 〔〕";
	else if (open == s)
		why = "it starts with the issuer's code (机关代字)";
	else if (close - open - 3 != 4 || strspn(open + 3, "0123456789") != 4)
		why = "the year in 〔〕 is written in full, four digits";
	else if (close[3] == '0')
		why = "the number has no leading zero";
	else if (strspn(close + 3, "0123456789") == 0 ||
	    strcmp(close + 3 + strspn(close + 3, "0123456789"), "号") != 0)
		why = "the number, in Arabic digits only, follows 〕 and ends with 号";
	if (why == NULL)
		return 0;
	rg_msg(d, RG_M_GONGWEN_VALUE, at, "doc_number '%s' is not a 发文字号 of GB/T 9704: %s (e.g. "
	    "洛政〔2025〕7号)", s, why);
	return -1;
}

/* 2025-01-10 -> 2025年1月10日; a date written out is kept. */
static const char *
chinese_date(rg_arena *a, const char *s)
{
	int y, m, dd;
	char tail;
	if (strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) == 3) {
		char buf[64];
		snprintf(buf, sizeof buf, "%d年%d月%d日", y, m, dd);
		return rg_arena_strdup(a, buf);
	}
	return s;
}

/* s with its last punctuation replaced by `end` (a full-width colon after
 * the 主送机关, a full stop after the last 抄送机关). */
static const char *
ending(rg_arena *a, const char *s, const char *end)
{
	static const char *const marks[] = { "：", "。", "，", "；", ":", ".", ",", ";" };
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (ends_with(s, marks[i])) {
			n -= strlen(marks[i]);
			break;
		}
	rg_buf b = { 0 };
	rg_buf_put(&b, s, n);
	rg_buf_puts(&b, end);
	const char *r = rg_arena_strdup(a, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return r;
}

int
rg_gongwen_read(const rg_gongwen **out, rg_spec *front, rg_arena *arena, rg_diag *d)
{
	static const char *const urgencies[] = { "特急", "加急", "特提", "平急", NULL };
	int errors = d->errors;
	rg_gongwen g;
	memset(&g, 0, sizeof g);
	rg_pos at = { NULL, 0, 0 };
	size_t n;
	int any = 0;
	*out = NULL;

	const char *fmt = scalar(front, "format", &at, d);
	if (fmt != NULL) {
		if (strcmp(fmt, "letter") == 0 || strcmp(fmt, "信函") == 0)
			g.letter = 1;
		else if (strcmp(fmt, "document") != 0 && strcmp(fmt, "文件") != 0)
			rg_msg(d, RG_M_GONGWEN_VALUE, at, "format '%s' is not a format of GB/T 9704 (expected "
			    "document (文件, the default) or letter (信函格式))", fmt);
	}
	g.copy_number = scalar(front, "copy_number", &at, d);
	if (g.copy_number != NULL && (strspn(g.copy_number, "0123456789") !=
	    strlen(g.copy_number) || strlen(g.copy_number) > 6)) {
		rg_msg(d, RG_M_GONGWEN_VALUE, at,
		    "copy_number '%s' is not a 份号: up to six Arabic digits "
		    "(e.g. 000001)", g.copy_number);
	}
	g.secrecy = scalar(front, "secrecy", &at, d);
	g.urgency = scalar(front, "urgency", &at, d);
	if (g.urgency != NULL) {
		int ok = 0;
		for (size_t i = 0; urgencies[i] != NULL; i++)
			ok |= strcmp(g.urgency, urgencies[i]) == 0;
		if (!ok)
			rg_msg(d, RG_M_GONGWEN_VALUE, at,
			    "urgency '%s' is not a 紧急程度 (expected 特急 or 加急; "
			    "特提, 特急, 加急 or 平急 for a telegram)", g.urgency);
	}
	g.issuer_marks = values(front, "issuer_mark", &g.nissuer_marks, &at, d);
	g.issuer_mark = g.nissuer_marks > 0 ? g.issuer_marks[0] : NULL;
	g.doc_number = scalar(front, "doc_number", &at, d);
	if (g.doc_number != NULL)
		check_doc_number(g.doc_number, at, d);
	g.signers = values(front, "signer", &g.nsigners, &at, d);
	if (g.nsigners > 0 && g.letter)
		rg_msg(d, RG_M_GONGWEN_VALUE, at,
		    "%s has no place in the 信函格式 (GB/T 9704 10.1)", "signer");
	if (g.nsigners > 0 && g.doc_number == NULL)
		rg_msg(d, RG_M_GONGWEN_VALUE, at,
		    "signer needs a doc_number: 签发人 stands on the line of the "
		    "发文字号");
	const char *r = scalar(front, "recipients", &at, d);
	if (r != NULL)
		g.recipients = ending(arena, r, "：");
	g.attachments = values(front, "attachments", &g.nattachments, &at, d);
	const char **cc = values(front, "cc", &n, &at, d);
	if (n > 0) {
		rg_buf b = { 0 };
		for (size_t i = 0; i < n; i++)
			rg_buf_printf(&b, "%s%s", i ? "，" : "", cc[i]);
		g.cc = ending(arena, rg_buf_cstr(&b), "。");
		rg_buf_free(&b);
	}
	g.printer = scalar(front, "printer", &at, d);
	if (g.printer != NULL && g.letter)
		rg_msg(d, RG_M_GONGWEN_VALUE, at,
		    "%s has no place in the 信函格式 (GB/T 9704 10.1)", "printer");
	const char *pd = scalar(front, "print_date", &at, d);
	if (pd != NULL && g.letter)
		rg_msg(d, RG_M_GONGWEN_VALUE, at,
		    "%s has no place in the 信函格式 (GB/T 9704 10.1)", "print_date");
	if (pd != NULL) {
		pd = chinese_date(arena, pd);
		if (!ends_with(pd, "印发")) {
			rg_buf b = { 0 };
			rg_buf_printf(&b, "%s印发", pd);
			pd = rg_arena_strdup(arena, rg_buf_cstr(&b));
			rg_buf_free(&b);
		}
		g.print_date = pd;
	}
	g.seal = -1;
	const char *seal = scalar(front, "seal", &at, d);
	if (seal != NULL) {
		g.seal = rg_spec_yes(seal);
		if (g.seal < 0)
			rg_msg(d, RG_M_GONGWEN_VALUE, at, "seal '%s' is neither true (加盖印章: the date four "
			    "characters from the right, the name centred over it) nor false "
			    "(the name two characters from the right, the date below)", seal);
	}
	const char *note = scalar(front, "note", &at, d);
	if (note != NULL) {
		/* 7.3.6: in 圆括号, added when the value has none */
		if (strncmp(note, "（", 3) == 0 && ends_with(note, "）")) {
			g.note = note;
		} else {
			rg_buf b = { 0 };
			rg_buf_printf(&b, "（%s）", note);
			g.note = rg_arena_strdup(arena, rg_buf_cstr(&b));
			rg_buf_free(&b);
		}
	}
	if (d->errors > errors)
		return -1;
	any = g.copy_number || g.secrecy || g.urgency || g.issuer_mark || g.doc_number ||
	    g.recipients || g.nattachments || g.cc || g.printer || g.print_date ||
	    g.seal >= 0 || g.note || g.letter;
	if (any) {
		rg_gongwen *copy = rg_arena_alloc(arena, sizeof *copy);
		*copy = g;
		*out = copy;
	}
	return 0;
}

const char *
rg_gongwen_title_spans(rg_doc *doc, rg_block *b, const char *title, rg_pos pos)
{
	if (strchr(title, '\n') == NULL) {
		rg_doc_span_add(doc, b, RG_SPAN_TEXT, 0, title, strlen(title), NULL, pos);
		return title;
	}
	rg_buf flat = { 0 };
	for (const char *s = title; *s != '\0'; ) {
		size_t l = strcspn(s, "\n");
		/* the break's spaces go with it */
		size_t a = 0, z = l;
		while (a < z && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\r'))
			z--;
		if (z > a) {
			if (b->nspans > 0)
				rg_doc_span_add(doc, b, RG_SPAN_HARDBREAK, 0, "", 0, NULL, pos);
			rg_doc_span_add(doc, b, RG_SPAN_TEXT, 0, s + a, z - a, NULL, pos);
			rg_buf_put(&flat, s + a, z - a);
		}
		s += l;
		if (*s == '\n')
			s++;
	}
	const char *r = rg_arena_strdup(doc->arena, rg_buf_cstr(&flat));
	rg_buf_free(&flat);
	return r;
}
