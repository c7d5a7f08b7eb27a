/* convert.h -- script conversion of a document's text through OpenCC.
 *
 * Front matter "convert: t2s" renders a Simplified briefing from a
 * Traditional source (s2t the reverse): after expansion, every text of the
 * document tree (paragraphs, headings, table cells, captions and notes,
 * chart labels, the document information) goes through OpenCC's t2s.json
 * or s2t.json; code spans and code blocks are left as written.  OpenCC
 * changes characters and phrases only, never digits.
 */
#ifndef RG_CONVERT_H
#define RG_CONVERT_H

#include "../base/diag.h"
#include "doc.h"

/* config: "t2s", "s2t", "s2tw" (Taiwan's characters) or "s2hk" (Hong
 * Kong's), OpenCC's t2s.json, s2t.json, ....  Returns 0, or -1 after reporting at `at`. */
int rg_doc_convert(rg_doc *doc, const char *config, rg_pos at, rg_diag *d);

#endif
