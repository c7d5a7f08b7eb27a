/* utf8.h -- decoding and encoding UTF-8, and character classes for layout. */
#ifndef RG_UTF8_H
#define RG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s (at most n bytes).  Sets *len to the bytes
 * used (at least 1).  Returns -1 for an invalid or truncated sequence. */
int32_t rg_utf8_decode(const char *s, size_t n, size_t *len);

/* Encode cp into out (at least 4 bytes); returns the byte count. */
size_t rg_utf8_encode(int32_t cp, char *out);

/* Returns the byte offset of the first invalid sequence, or -1 if valid. */
long rg_utf8_invalid_at(const char *s, size_t n);

#endif
