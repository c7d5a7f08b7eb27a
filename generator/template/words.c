/* words.c -- see words.h */
#include "words.h"

#include <string.h>

static const struct {
	const char *key, *hans, *hant;
} catalogue[RG_W__COUNT] = {
	[RG_W_GROWTH] = { "growth", "增长", "增長" },
	[RG_W_DECLINE] = { "decline", "下降", "下降" },
	[RG_W_RISE] = { "rise", "提高", "提高" },
	[RG_W_FLAT] = { "flat", "持平", "持平" },
	[RG_W_POINTS] = { "points", "个百分点", "個百分點" },
	[RG_W_ANNUAL_GROWTH] = { "annual_growth", "年均增长", "年均增長" },
	[RG_W_ANNUAL_DECLINE] = { "annual_decline", "年均下降", "年均下降" },
	[RG_W_UNIT] = { "unit", "单位", "單位" },
	[RG_W_VALUE] = { "value", "数值", "數值" },
	[RG_W_CHANGE] = { "change", "增减", "增減" },
	[RG_W_TOTAL] = { "total", "合计", "合計" },
	[RG_W_AVERAGE] = { "average", "平均", "平均" },
	[RG_W_CONTINUED] = { "continued", "续表", "續表" },
	[RG_W_CONTENTS] = { "contents", "目录", "目錄" },
	[RG_W_REGION] = { "region", "地区", "地區" },
	[RG_W_INDICATOR] = { "indicator", "指标", "指標" },
	[RG_W_YEAR] = { "year", "年份", "年份" },
	[RG_W_PERIOD] = { "period", "时期", "時期" },
	[RG_W_ATTRIBUTE] = { "attribute", "属性", "屬性" },
	[RG_W_OTHER] = { "other", "其他", "其他" },
	[RG_W_BASE] = { "base", "基数", "基數" },
	[RG_W_TARGET] = { "target", "目标", "目標" },
	[RG_W_ACTUAL] = { "actual", "完成", "完成" },
	[RG_W_WAN] = { "wan", "万", "萬" },
	[RG_W_YI] = { "yi", "亿", "億" },
	[RG_W_DIFF] = { "diff", "差值", "差值" },
	[RG_W_COMPLETION] = { "completion", "完成率", "完成率" },
	[RG_W_SHARE] = { "share", "占比", "佔比" },
	[RG_W_RANK] = { "rank", "排名", "排名" },
	[RG_W_ESTIMATE] = { "estimate", "预计", "預計" },
};

const char *const rg_word_keys[] = {
	"growth", "decline", "rise", "flat", "points", "annual_growth", "annual_decline",
	"unit", "value", "change", "total", "average", "continued", "contents", "region",
	"indicator", "year", "period", "attribute", "other", "base", "target", "actual",
	"wan", "yi", "diff", "completion", "share", "rank", "estimate", NULL
};

void
rg_words_init(rg_words *w, rg_lang lang)
{
	w->lang = lang;
	for (int i = 0; i < RG_W__COUNT; i++)
		w->w[i] = lang == RG_LANG_HANT ? catalogue[i].hant : catalogue[i].hans;
}

const char *
rg_word_of(const rg_words *w, rg_word id)
{
	return w != NULL ? w->w[id] : catalogue[id].hans;
}

int
rg_lang_parse(const char *s, rg_lang *lang)
{
	static const char *const hans[] = { "zh-Hans", "zh-CN", "zh-SG", "zh", "zh-hans",
		NULL };
	static const char *const hant[] = { "zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh-hant",
		NULL };
	for (size_t i = 0; hans[i] != NULL; i++)
		if (strcmp(s, hans[i]) == 0) {
			*lang = RG_LANG_HANS;
			return 0;
		}
	for (size_t i = 0; hant[i] != NULL; i++)
		if (strcmp(s, hant[i]) == 0) {
			*lang = RG_LANG_HANT;
			return 0;
		}
	return -1;
}

const char *
rg_lang_name(rg_lang lang)
{
	return lang == RG_LANG_HANT ? "zh-Hant" : "zh-Hans";
}

int
rg_words_set(rg_words *w, const char *key, const char *value)
{
	for (int i = 0; i < RG_W__COUNT; i++)
		if (strcmp(key, catalogue[i].key) == 0 || strcmp(key, catalogue[i].hans) == 0 ||
		    strcmp(key, catalogue[i].hant) == 0) {
			w->w[i] = value;
			return 0;
		}
	return -1;
}

/* s[0..n) without the blanks around it, into out (cap bytes); -1 if too long. */
static int
trimmed(char *out, size_t cap, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= cap)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

int
rg_word_setting_parse(const char *s, int lang, rg_word_setting *out)
{
	const char *eq = strchr(s, '=');
	if (eq == NULL || eq == s)
		return -1;
	memset(out, 0, sizeof *out);
	out->lang = lang;
	if (trimmed(out->key, sizeof out->key, s, (size_t)(eq - s)) < 0 ||
	    trimmed(out->value, sizeof out->value, eq + 1, strlen(eq + 1)) < 0)
		return -3;
	if (out->key[0] == '\0')
		return -1;
	rg_words probe;
	rg_words_init(&probe, RG_LANG_HANS);
	return rg_words_set(&probe, out->key, out->value) < 0 ? -2 : 0;
}

/* Frequent characters whose Simplified and Traditional forms differ, in
 * pairs: the two strings hold the same characters in the same order. */
static const char simplified_chars[] =
	"县区经济发这为与们国会业产实现长开关说项进过时间总设农动员务门应点类对书"
	"乐统计资财万亿亩个镇乡报务积级权条华";
static const char traditional_chars[] =
	"縣區經濟發這為與們國會業產實現長開關說項進過時間總設農動員務門應點類對書"
	"樂統計資財萬億畝個鎮鄉報務積級權條華";

/* The two lists as a bitmap over the CJK Unified Ideographs block
 * (U+4E00-U+9FFF, where every character of both lists is), two bits a
 * character: 1 simplified, 2 traditional.  Made on the stack for each
 * guess (108 characters), so that a character is looked up in one step
 * instead of compared with each of the 108 (41% of a 2,000-page
 * document's instructions). */
enum { CJK_FIRST = 0x4E00, CJK_COUNT = 0xA000 - 0x4E00 };

typedef struct script_map {
	unsigned char bits[CJK_COUNT / 4];
} script_map;

/* The code point of the three-byte UTF-8 sequence at p, or -1 when p does
 * not hold one (a NUL or a byte that does not continue it included). */
static long
three_byte(const unsigned char *p)
{
	if (p[0] < 0xe0 || p[0] >= 0xf0 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
		return -1;
	return (long)(p[0] & 0x0f) << 12 | (long)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
}

static void
map_add(script_map *m, const char *set, unsigned bit)
{
	for (const unsigned char *q = (const unsigned char *)set; *q; q += 3) {
		long cp = three_byte(q) - CJK_FIRST;
		if (cp >= 0 && cp < CJK_COUNT)
			m->bits[cp / 4] |= (unsigned char)(bit << (cp % 4 * 2));
	}
}

/* Characters of text in each list: a character that is in a list once
 * counts once, as does a character in text once for each time it is
 * there.  Lead bytes give a character's length (a four-byte character is
 * in no list); bytes that continue no character are skipped one by one. */
static void
count_in(const script_map *m, const char *text, size_t *s, size_t *t)
{
	if (text == NULL)
		return;
	const unsigned char *p = (const unsigned char *)text;
	while (*p) {
		unsigned char c = *p;
		size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		if (len == 3) {
			long cp = three_byte(p) - CJK_FIRST;
			if (cp >= 0 && cp < CJK_COUNT) {
				unsigned v = m->bits[cp / 4] >> (cp % 4 * 2) & 3;
				*s += v & 1;
				*t += v >> 1;
			}
		}
		for (size_t k = 0; k < len && *p; k++)
			p++;
	}
}

rg_lang
rg_words_guess(const rg_dataset *ds)
{
	script_map m;
	memset(&m, 0, sizeof m);
	map_add(&m, simplified_chars, 1);
	map_add(&m, traditional_chars, 2);
	size_t s = 0, t = 0;
	const char *texts[] = { ds->meta.title, ds->meta.subtitle, ds->meta.source.document };
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		count_in(&m, texts[i], &s, &t);
	for (size_t i = 0; i < ds->nnarratives; i++)
		count_in(&m, ds->narratives[i].text, &s, &t);
	return t > s ? RG_LANG_HANT : RG_LANG_HANS;
}
