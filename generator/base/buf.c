/* buf.c -- see buf.h */
#include "buf.h"
#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
reserve(rg_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t ncap = b->cap ? b->cap : 64;
	while (ncap < b->len + extra + 1)
		ncap *= 2;
	b->data = rg_xrealloc(b->data, ncap);
	b->cap = ncap;
}

void
rg_buf_put(rg_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
rg_buf_num(rg_buf *b, double x)
{
	long v = lround(x * 100);
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	char s[32], *p = s + sizeof s;
	unsigned frac = (unsigned)(u % 100);
	if (frac % 10 != 0)
		*--p = (char)('0' + frac % 10);
	if (frac != 0) {
		*--p = (char)('0' + frac / 10);
		*--p = '.';
	}
	u /= 100;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	rg_buf_put(b, p, (size_t)(s + sizeof s - p));
}

void
rg_buf_puts(rg_buf *b, const char *s)
{
	rg_buf_put(b, s, strlen(s));
}

void
rg_buf_putc(rg_buf *b, char c)
{
	rg_buf_put(b, &c, 1);
}

void
rg_buf_vprintf(rg_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
rg_buf_printf(rg_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rg_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *
rg_buf_cstr(rg_buf *b)
{
	return b->data ? b->data : "";
}

void
rg_buf_clear(rg_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
rg_buf_free(rg_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
rg_buf_detach(rg_buf *b)
{
	char *s = b->data ? b->data : rg_xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}
