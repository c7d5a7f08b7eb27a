/* messages.h -- for unit tests that compare the messages a stage printed.
 *
 * Every message ends in its catalogue id (" [field-unknown]", diag.h).  The
 * unit tests compare text and positions; the ids are checked by the
 * bad-input catalogue (tests/bad/NAME.expected) and tests/e2e/diagnostics.sh.
 */
#ifndef RG_TEST_MESSAGES_H
#define RG_TEST_MESSAGES_H

#include <string.h>

/* s without the " [id]" at the end of each line (in place); returns s. */
static inline char *
strip_ids(char *s)
{
	char *w = s;
	for (char *r = s; *r != '\0';) {
		char *nl = strchr(r, '\n');
		size_t n = nl != NULL ? (size_t)(nl - r) : strlen(r);
		size_t keep = n;
		if (n > 3 && r[n - 1] == ']') {
			size_t i = n - 2;
			while (i > 0 && ((r[i] >= 'a' && r[i] <= 'z') || r[i] == '-'))
				i--;
			if (r[i] == '[' && i > 0 && r[i - 1] == ' ')
				keep = i - 1;
		}
		memmove(w, r, keep);
		w += keep;
		r += n;
		if (*r == '\n')
			*w++ = *r++;
	}
	*w = '\0';
	return s;
}

#endif
