/* suggest.c -- see suggest.h */
#include "suggest.h"

#include <string.h>

static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

const char *
rg_nearest_word(const char *word, const char *const *known, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (size_t i = 0; i < n && known[i] != NULL; i++) {
		size_t dist = edit_distance(word, known[i]);
		if (dist < bestd) {
			bestd = dist;
			best = known[i];
		}
	}
	size_t len = strlen(word);
	size_t limit = len < 4 ? 1 : len / 3 + 1;
	return bestd <= limit ? best : NULL;
}

