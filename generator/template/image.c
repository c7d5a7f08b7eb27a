/* image.c -- see image.h */
#include "image.h"

#include <string.h>
#include <zlib.h>

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* PNG: the signature, then chunks (length, type, data, CRC) up to IEND,
 * each inside the file and with a right CRC; IHDR first. */
static int
probe_png(const unsigned char *p, size_t n, rg_image_info *info, const char **why)
{
	size_t off = 8;
	int seen_ihdr = 0, seen_idat = 0, ctype = 0;
	for (;;) {
		if (n - off < 12) {
			*why = "the PNG file is truncated (it ends before its IEND chunk)";
			return -1;
		}
		unsigned long len = be32(p + off);
		const unsigned char *type = p + off + 4, *data = p + off + 8;
		if (len > n - off - 12) {
			*why = "the PNG file is truncated or corrupt (a chunk runs past its end)";
			return -1;
		}
		unsigned long crc = crc32(0L, type, (uInt)(len + 4));
		if (crc != be32(data + len)) {
			*why = "the PNG file is corrupt (a chunk's CRC is wrong)";
			return -1;
		}
		if (!seen_ihdr) {
			if (memcmp(type, "IHDR", 4) != 0 || len != 13) {
				*why = "the PNG file is corrupt (it does not start with an IHDR chunk)";
				return -1;
			}
			seen_ihdr = 1;
			info->width = (unsigned)be32(data);
			info->height = (unsigned)be32(data + 4);
			int depth = data[8];
			ctype = data[9];
			if (info->width == 0 || info->height == 0 || be32(data) > 0x7FFFFFFFul ||
			    be32(data + 4) > 0x7FFFFFFFul) {
				*why = "the PNG file is corrupt (its width or height is 0 or too large)";
				return -1;
			}
			static const int ok_depth[7] = { 0x1F, 0, 0x18, 0x0F, 0x18, 0, 0x18 };
			/* bits 1 2 4 8 16 as 0x01 0x02 0x04 0x08 0x10 */
			int bit = depth == 1 ? 1 : depth == 2 ? 2 : depth == 4 ? 4 : depth == 8 ? 8 :
			    depth == 16 ? 16 : 0;
			if (ctype > 6 || bit == 0 || !(ok_depth[ctype] & bit) || data[10] != 0 ||
			    data[11] != 0 || data[12] > 1) {
				*why = "the PNG file is corrupt (its IHDR chunk holds values PNG does "
				    "not have)";
				return -1;
			}
			if (depth == 16) {
				*why = "the PNG image has 16 bits per sample, which the PDF library "
				    "(libharu 2.3) embeds wrongly: save it with 8 bits";
				return -1;
			}
			if (data[12] == 1) {
				*why = "the PNG image is interlaced (Adam7), which the PDF library "
				    "(libharu 2.3) cannot embed: save it without interlacing";
				return -1;
			}
			info->alpha = ctype == 4 || ctype == 6;
		} else if (memcmp(type, "pHYs", 4) == 0 && len == 9 && data[8] == 1) {
			/* pixels per metre */
			info->dpi_x = be32(data) * 0.0254;
			info->dpi_y = be32(data + 4) * 0.0254;
		} else if (memcmp(type, "tRNS", 4) == 0) {
			info->alpha = 1;
		} else if (memcmp(type, "IDAT", 4) == 0) {
			seen_idat = 1;
		} else if (memcmp(type, "IEND", 4) == 0) {
			break;
		}
		off += 12 + len;
	}
	if (!seen_idat) {
		*why = "the PNG file is corrupt (it has no image data, IDAT)";
		return -1;
	}
	return 0;
}

/* JPEG: SOI, then marker segments (each length inside the file) up to the
 * frame header: baseline, extended or progressive Huffman (SOF0-2); then an
 * EOI somewhere after the frame, or the file is truncated. */
static int
probe_jpeg(const unsigned char *p, size_t n, rg_image_info *info, const char **why)
{
	size_t off = 2;
	for (;;) {
		while (off < n && p[off] == 0xFF && off + 1 < n && p[off + 1] == 0xFF)
			off++;       /* fill bytes */
		if (n - off < 4 || p[off] != 0xFF) {
			*why = n - off < 4 ? "the JPEG file is truncated (it ends before its "
			    "frame header)" : "the JPEG file is corrupt (a marker is expected)";
			return -1;
		}
		unsigned m = p[off + 1];
		if (m == 0xD8 || m == 0xD9 || m == 0x01 || (m >= 0xD0 && m <= 0xD7) || m == 0xDA) {
			*why = "the JPEG file is corrupt (no frame header before its image data)";
			return -1;
		}
		unsigned len = be16(p + off + 2);
		if (len < 2 || len > n - off - 2) {
			*why = "the JPEG file is truncated or corrupt (a segment runs past its end)";
			return -1;
		}
		const unsigned char *s = p + off + 4;
		size_t slen = len - 2;
		if (m == 0xE0 && slen >= 12 && memcmp(s, "JFIF\0", 5) == 0) {
			unsigned units = s[7], dx = be16(s + 8), dy = be16(s + 10);
			if ((units == 1 || units == 2) && dx > 0 && dy > 0) {
				info->dpi_x = units == 1 ? dx : dx * 2.54;
				info->dpi_y = units == 1 ? dy : dy * 2.54;
			}
		}
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (m > 0xC2) {
				*why = "the JPEG image is lossless, hierarchical or arithmetic-coded, "
				    "which PDF readers do not all show: save it as a baseline or "
				    "progressive JPEG";
				return -1;
			}
			if (slen < 6) {
				*why = "the JPEG file is corrupt (its frame header is too short)";
				return -1;
			}
			info->height = be16(s + 1);
			info->width = be16(s + 3);
			unsigned comps = s[5];
			if (info->width == 0 || info->height == 0) {
				*why = "the JPEG file gives its image a width or height of 0";
				return -1;
			}
			if (comps == 4) {
				*why = "the JPEG image is CMYK, which PDF readers show in wrong "
				    "colours unless told how it was made: save it as RGB";
				return -1;
			}
			if (s[0] != 8 || (comps != 1 && comps != 3) || slen < 6 + 3 * (size_t)comps) {
				*why = "the JPEG file is corrupt or unusual (not 8 bits per sample "
				    "with 1 or 3 components)";
				return -1;
			}
			off += 2 + len;
			break;
		}
		off += 2 + len;
	}
	/* the end of the image: the last marker of the file, maybe with
	 * some padding after it */
	size_t end = n;
	while (end > off && (p[end - 1] == 0 || p[end - 1] == 0xFF || p[end - 1] == '\n' ||
	    p[end - 1] == '\r'))
		end--;
	if (end < off + 2 || p[end - 2] != 0xFF || p[end - 1] != 0xD9) {
		*why = "the JPEG file is truncated (it does not end with an EOI marker)";
		return -1;
	}
	return 0;
}

int
rg_image_probe(const unsigned char *p, size_t n, rg_image_info *info, const char **why)
{
	memset(info, 0, sizeof *info);
	int rc;
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0) {
		info->format = RG_IMAGE_PNG;
		rc = probe_png(p, n, info, why);
	} else if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) {
		info->format = RG_IMAGE_JPEG;
		rc = probe_jpeg(p, n, info, why);
	} else {
		*why = "the file is neither a PNG nor a JPEG image";
		return -1;
	}
	if (rc < 0)
		return -1;
	if (info->width > RG_IMAGE_MAX_SIDE || info->height > RG_IMAGE_MAX_SIDE ||
	    (double)info->width * info->height > RG_IMAGE_MAX_PIXELS) {
		*why = "too large";
		return -2;
	}
	if (info->dpi_x < 1 || info->dpi_y < 1 || info->dpi_x > 100000 || info->dpi_y > 100000)
		info->dpi_x = info->dpi_y = 0;
	return 0;
}
