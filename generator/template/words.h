/* words.h -- the words reportgen writes itself, in Simplified or
 * Traditional characters.
 *
 * One catalogue holds every word the template stage adds to a document
 * (增长, 单位, 数值, 增减, 合计, 续表, 个百分点, ...) in its zh-Hans and
 * zh-Hant forms.  A document's words are chosen by the front matter's
 * lang (or locale), by default by the script of the data's own text, and
 * each may be replaced in the front matter (docs/templates.md).
 */
#ifndef RG_WORDS_H
#define RG_WORDS_H

#include "../data/model.h"

typedef enum rg_word {
	RG_W_GROWTH, RG_W_DECLINE, RG_W_RISE, RG_W_FLAT, RG_W_POINTS,
	RG_W_ANNUAL_GROWTH, RG_W_ANNUAL_DECLINE,
	RG_W_UNIT, RG_W_VALUE, RG_W_CHANGE, RG_W_TOTAL, RG_W_AVERAGE, RG_W_CONTINUED,
	RG_W_CONTENTS, RG_W_REGION, RG_W_INDICATOR, RG_W_YEAR, RG_W_PERIOD,
	RG_W_ATTRIBUTE, RG_W_OTHER, RG_W_BASE, RG_W_TARGET, RG_W_ACTUAL,
	RG_W_WAN, RG_W_YI, RG_W_DIFF, RG_W_COMPLETION, RG_W_SHARE, RG_W_RANK, RG_W_ESTIMATE,
	RG_W__COUNT
} rg_word;

typedef enum rg_lang { RG_LANG_HANS, RG_LANG_HANT } rg_lang;

typedef struct rg_words {
	rg_lang lang;
	const char *w[RG_W__COUNT];
} rg_words;

/* The keys words can be replaced by: growth, decline, ..., NULL-terminated. */
extern const char *const rg_word_keys[];

void rg_words_init(rg_words *w, rg_lang lang);
/* Word id of w; w NULL gives the zh-Hans word. */
const char *rg_word_of(const rg_words *w, rg_word id);
/* "zh-Hans", "zh-CN", "zh-SG", "zh" / "zh-Hant", "zh-TW", "zh-HK", "zh-MO".
 * Returns 0, or -1 if s is none of them. */
int rg_lang_parse(const char *s, rg_lang *lang);
const char *rg_lang_name(rg_lang lang);
/* Replace the word named key (a key of rg_word_keys, or the word in
 * either script: 续表, 續表) by value (kept, not copied).  -1 if key names
 * no word. */
int rg_words_set(rg_words *w, const char *key, const char *value);
/* A replacement of one word, as a theme file (docs/themes.md) or a
 * template's front matter writes it: "续表=接上表".  lang is the script it
 * applies in, or -1 for either. */
#define RG_WORD_KEY_MAX 48
#define RG_WORD_VALUE_MAX 96
#define RG_WORD_SETTINGS_MAX 64
typedef struct rg_word_setting {
	char key[RG_WORD_KEY_MAX], value[RG_WORD_VALUE_MAX];
	int lang;
} rg_word_setting;
/* Parse "KEY=REPLACEMENT" (blanks around either part trimmed) into out,
 * for script lang.  0; -1 if s is not of that form; -2 if KEY names no word
 * (rg_words_set); -3 if a part is too long for out. */
int rg_word_setting_parse(const char *s, int lang, rg_word_setting *out);

/* The script of the data's own text (title, subtitle, narratives): the
 * one whose characters occur more often.  Simplified when neither does. */
rg_lang rg_words_guess(const rg_dataset *ds);

#endif
