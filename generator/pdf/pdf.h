/* pdf.h -- write a layout as PDF (stage 4). */
#ifndef RG_PDF_H
#define RG_PDF_H

#include <time.h>

#include "../base/diag.h"
#include "../fonts/fontset.h"
#include "../layout/boxes.h"

typedef struct rg_pdf_opts {
	const rg_fontset *fonts;     /* the faces the layout's boxes refer to */
	const char *creator;         /* "reportgen 0.1.0" */
	time_t date;                 /* creation date (SOURCE_DATE_EPOCH when set) */
	int pdfa;                    /* PDF/A-1b (pdfa.h) */
} rg_pdf_opts;

/* Write l to path, atomically, or to standard output when path is "-" (once
 * the whole file is made).  Returns 0, or -1 after reporting. */
int rg_pdf_write(const rg_layout *l, const rg_pdf_opts *o, const char *path, rg_diag *d);

#endif
