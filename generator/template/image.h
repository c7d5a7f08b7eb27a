/* image.h -- the header of a PNG or JPEG file: its kind, pixel size,
 * resolution and whether it has transparency (template stage; the pdf stage
 * embeds the file's bytes as they are).
 *
 * A careful reader: every length is checked against what is left of the
 * file, nothing is decoded.  It also refuses what libharu 2.3 cannot embed
 * (interlaced or 16-bit PNG, lossless or arithmetic-coded JPEG).
 */
#ifndef RG_IMAGE_H
#define RG_IMAGE_H

#include <stddef.h>

enum { RG_IMAGE_PNG = 1, RG_IMAGE_JPEG = 2 };

/* Limits (docs/reliability.md) */
#define RG_IMAGE_MAX_SIDE 20000              /* pixels each way */
#define RG_IMAGE_MAX_PIXELS 50000000.0       /* width x height */
#define RG_IMAGE_MAX_BYTES (32u * 1024 * 1024)   /* one file */

typedef struct rg_image_info {
	int format;              /* RG_IMAGE_* */
	unsigned width, height;  /* pixels */
	double dpi_x, dpi_y;     /* as the file says; 0: it does not */
	int alpha;               /* an alpha channel or a tRNS chunk (PNG) */
} rg_image_info;

/* Read the header of the n bytes at p into *info.  0; -1 with *why
 * saying what is wrong (a static string); -2 if the image is past the
 * limits above (width and height are read). */
int rg_image_probe(const unsigned char *p, size_t n, rg_image_info *info, const char **why);

#endif
