/* gongwen.h -- the 公文 elements of GB/T 9704-2012 set in front matter.
 *
 * 版头 (份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号, 签发人),
 * 主送机关, 附件说明, the seal (印章) and 附注, and 版记 (抄送机关, 印发机关和
 * 印发日期), read from the
 * front matter keys of docs/gongwen.md into the document's meta; the layout
 * stage places them.  Every key is optional: one left out is absent.
 */
#ifndef RG_TEMPLATE_GONGWEN_H
#define RG_TEMPLATE_GONGWEN_H

#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"

typedef struct rg_gongwen {
	const char *copy_number;     /* 份号, digits */
	const char *secrecy;         /* 密级和保密期限: 秘密★1年 */
	const char *urgency;         /* 紧急程度: 特急, 加急 */
	const char *issuer_mark;     /* 发文机关标志: 洛阳市人民政府文件 (the first) */
	const char **issuer_marks; size_t nissuer_marks;   /* 联合行文: 主办机关 first */
	const char *doc_number;      /* 发文字号: 洛政〔2025〕7号 */
	const char **signers; size_t nsigners;   /* 签发人 (上行文) */
	const char *recipients;      /* 主送机关, ending with ： */
	const char **attachments; size_t nattachments;   /* 附件说明 */
	const char *cc;              /* 抄送机关, ending with 。 */
	const char *printer;         /* 印发机关 */
	const char *print_date;      /* 印发日期: 2025年1月10日印发 */
	int letter;                  /* 信函格式 (10.1): format: letter */
	int seal;                    /* 加盖印章 (7.3.5.1): 1, not (7.3.5.2): 0, unset: -1 */
	const char *note;            /* 附注 (7.3.6), in 圆括号: （此件公开发布） */
} rg_gongwen;

struct rg_spec;
struct rg_doc;
struct rg_block;

/* The front matter keys read here, NULL-terminated. */
extern const char *const rg_gongwen_keys[];

/* Read the keys from front matter into a new rg_gongwen in arena (*out
 * stays NULL when none is set).  0, or -1 after reporting a bad value. */
int rg_gongwen_read(const rg_gongwen **out, struct rg_spec *front, rg_arena *arena,
    rg_diag *d);

/* The title's spans: a line break written in it ("…的\n通知") is a forced
 * break; returns the title for the PDF's information without it. */
const char *rg_gongwen_title_spans(struct rg_doc *doc, struct rg_block *b, const char *title,
    rg_pos pos);

#endif
