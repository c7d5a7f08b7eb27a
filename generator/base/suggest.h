/* suggest.h -- "did you mean" hints for every stage's messages. */
#ifndef RG_SUGGEST_H
#define RG_SUGGEST_H

#include <stddef.h>

/* The word among known[0..n) (stopping early at a NULL) nearest to word by
 * edit distance, or NULL if none is close enough to be a likely typo. */
const char *rg_nearest_word(const char *word, const char *const *known, size_t n);

#endif
