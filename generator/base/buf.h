/* buf.h -- a growable byte string, always NUL-terminated. */
#ifndef RG_BUF_H
#define RG_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct rg_buf {
	char *data;   /* NUL-terminated; NULL until first append */
	size_t len, cap;
} rg_buf;

void rg_buf_put(rg_buf *b, const char *s, size_t n);
void rg_buf_puts(rg_buf *b, const char *s);
void rg_buf_putc(rg_buf *b, char c);
void rg_buf_printf(rg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rg_buf_vprintf(rg_buf *b, const char *fmt, va_list ap);
/* x rounded to 0.01, without trailing zeros: 12, 12.5, 12.25, -0.05 (what
 * printf's "%ld" and ".%02ld" of the hundredths would write, digit by
 * digit: page contents are mostly such numbers, and through printf they
 * were 7% of a long document's instructions). */
void rg_buf_num(rg_buf *b, double x);
const char *rg_buf_cstr(rg_buf *b);      /* "" when empty */
void rg_buf_clear(rg_buf *b);
void rg_buf_free(rg_buf *b);
char *rg_buf_detach(rg_buf *b);          /* caller frees */

#endif
