/* mem.c -- see mem.h */
#include "mem.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(size_t n)
{
	rg_msg_print(stderr, RG_M_OUT_OF_MEMORY, rg_pos_make(NULL, 0, 0),
	    "out of memory (%zu bytes)", n);
	exit(1);
}

void *
rg_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom(n);
	return p;
}

void *
rg_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		oom(count * size);
	return p;
}

void *
rg_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		oom(n);
	return q;
}

char *
rg_xstrdup(const char *s)
{
	return rg_xstrndup(s, strlen(s));
}

char *
rg_xstrndup(const char *s, size_t n)
{
	char *p = rg_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
rg_grow(void **items, size_t *cap, size_t len, size_t elem)
{
	if (len < *cap)
		return;
	size_t ncap = *cap ? *cap * 2 : 8;
	*items = rg_xrealloc(*items, ncap * elem);
	*cap = ncap;
}

/* Arena: a chain of blocks; big requests get a block of their own. */
struct block {
	struct block *next;
	size_t used, size;
	max_align_t data[];
};

struct rg_arena {
	struct block *head;
};

#define BLOCK_SIZE 16384

rg_arena *
rg_arena_new(void)
{
	return rg_xcalloc(1, sizeof(rg_arena));
}

void
rg_arena_free(rg_arena *a)
{
	if (a == NULL)
		return;
	struct block *b = a->head;
	while (b != NULL) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

void *
rg_arena_alloc(rg_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	struct block *b = a->head;
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
		b = rg_xmalloc(sizeof(struct block) + size);
		b->used = 0;
		b->size = size;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
rg_arena_strndup(rg_arena *a, const char *s, size_t n)
{
	char *p = rg_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
rg_arena_strdup(rg_arena *a, const char *s)
{
	return s == NULL ? NULL : rg_arena_strndup(a, s, strlen(s));
}
