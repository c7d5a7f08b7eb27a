/* mem.h -- allocation that never returns NULL, and a simple arena.
 *
 * rg_xmalloc and friends abort with a message on out-of-memory, so callers
 * need no NULL checks.  An rg_arena owns many small allocations that all die
 * together (the data model and the document tree each use one).
 */
#ifndef RG_MEM_H
#define RG_MEM_H

#include <stddef.h>

void *rg_xmalloc(size_t n);
void *rg_xcalloc(size_t count, size_t size);
void *rg_xrealloc(void *p, size_t n);
char *rg_xstrdup(const char *s);
char *rg_xstrndup(const char *s, size_t n);

typedef struct rg_arena rg_arena;

rg_arena *rg_arena_new(void);
void rg_arena_free(rg_arena *a);                 /* NULL is harmless */
void *rg_arena_alloc(rg_arena *a, size_t n);     /* zeroed, aligned */
char *rg_arena_strdup(rg_arena *a, const char *s);   /* NULL -> NULL */
char *rg_arena_strndup(rg_arena *a, const char *s, size_t n);

/* Grow a vector: *items has *cap slots of elem bytes; make room for one more. */
void rg_grow(void **items, size_t *cap, size_t len, size_t elem);
#define RG_PUSH(vec, len, cap) \
	(rg_grow((void **)&(vec), &(cap), (len), sizeof *(vec)), &(vec)[(len)++])

#endif
