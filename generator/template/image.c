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

/* The image data of a PNG, inflated as libpng will (it aborts the
 * process on bad data: libharu sets it no way back), counted and its rows'
 * filter bytes checked, the inflated bytes thrown away. */
typedef struct idat {
	z_stream z;
	int started, ended;
	unsigned long long want, got;   /* inflated bytes: expected, so far */
	unsigned long long row;         /* bytes a row, its filter byte first */
} idat;

static int
idat_feed(idat *s, const unsigned char *data, size_t len, const char **why)
{
	unsigned char out[65536];
	if (s->ended)
		return 0;    /* data after the end of the stream: libpng ignores it */
	s->z.next_in = (Bytef *)data;
	s->z.avail_in = (uInt)len;
	while (s->z.avail_in > 0) {
		s->z.next_out = out;
		s->z.avail_out = sizeof out;
		int rc = inflate(&s->z, Z_NO_FLUSH);
		size_t made = sizeof out - s->z.avail_out;
		for (size_t i = 0; i < made; i++, s->got++)
			if (s->got % s->row == 0 && out[i] > 4) {
				*why = "the PNG file is corrupt (a row of its image has an unknown "
				    "filter)";
				return -1;
			}
		if (s->got > s->want) {
			*why = "the PNG file is corrupt (more image data than its size needs)";
			return -1;
		}
		if (rc == Z_STREAM_END) {
			s->ended = 1;
			return 0;
		}
		if (rc != Z_OK && !(rc == Z_BUF_ERROR && made > 0)) {
			*why = "the PNG file is corrupt (its image data does not inflate)";
			return -1;
		}
	}
	return 0;
}

/* PNG: the signature, then chunks (length, type, data, CRC) up to IEND,
 * each inside the file and with a right CRC; IHDR first, a palette before
 * the image data if the image needs one, the IDAT chunks in one run, their
 * data inflating to exactly the rows the size says. */
static int
probe_png(const unsigned char *p, size_t n, rg_image_info *info, const char **why)
{
	size_t off = 8;
	int seen_ihdr = 0, ctype = 0, plte = 0, rc = -1;
	int idat_state = 0;      /* 0 none yet, 1 in the run, 2 after it */
	idat s;
	memset(&s, 0, sizeof s);
	for (;;) {
		if (n - off < 12) {
			*why = "the PNG file is truncated (it ends before its IEND chunk)";
			goto out;
		}
		unsigned long len = be32(p + off);
		const unsigned char *type = p + off + 4, *data = p + off + 8;
		if (len > n - off - 12) {
			*why = "the PNG file is truncated or corrupt (a chunk runs past its end)";
			goto out;
		}
		unsigned long crc = crc32(0L, type, (uInt)(len + 4));
		if (crc != be32(data + len)) {
			*why = "the PNG file is corrupt (a chunk's CRC is wrong)";
			goto out;
		}
		int is_idat = memcmp(type, "IDAT", 4) == 0;
		if (idat_state == 1 && !is_idat)
			idat_state = 2;
		if (!seen_ihdr) {
			if (memcmp(type, "IHDR", 4) != 0 || len != 13) {
				*why = "the PNG file is corrupt (it does not start with an IHDR chunk)";
				goto out;
			}
			seen_ihdr = 1;
			info->width = (unsigned)be32(data);
			info->height = (unsigned)be32(data + 4);
			int depth = data[8];
			ctype = data[9];
			if (info->width == 0 || info->height == 0 || be32(data) > 0x7FFFFFFFul ||
			    be32(data + 4) > 0x7FFFFFFFul) {
				*why = "the PNG file is corrupt (its width or height is 0 or too large)";
				goto out;
			}
			/* the depths each colour type allows: bits 1 2 4 8 16 */
			static const int ok_depth[7] = { 0x1F, 0, 0x18, 0x0F, 0x18, 0, 0x18 };
			static const int channels[7] = { 1, 0, 3, 1, 2, 0, 4 };
			int bit = depth == 1 ? 1 : depth == 2 ? 2 : depth == 4 ? 4 : depth == 8 ? 8 :
			    depth == 16 ? 16 : 0;
			if (ctype > 6 || bit == 0 || !(ok_depth[ctype] & bit) || data[10] != 0 ||
			    data[11] != 0 || data[12] > 1) {
				*why = "the PNG file is corrupt (its IHDR chunk holds values PNG does "
				    "not have)";
				goto out;
			}
			if (depth == 16) {
				*why = "the PNG image has 16 bits per sample, which the PDF library "
				    "(libharu 2.3) embeds wrongly: save it with 8 bits";
				goto out;
			}
			if (data[12] == 1) {
				*why = "the PNG image is interlaced (Adam7), which the PDF library "
				    "(libharu 2.3) cannot embed: save it without interlacing";
				goto out;
			}
			info->alpha = ctype == 4 || ctype == 6;
			/* the limits before any inflating (a small file of zeros
			 * can say 20000 x 20000) */
			if (info->width > RG_IMAGE_MAX_SIDE || info->height > RG_IMAGE_MAX_SIDE ||
			    (double)info->width * info->height > RG_IMAGE_MAX_PIXELS) {
				*why = "too large";
				rc = -2;
				goto out;
			}
			s.row = 1 + ((unsigned long long)info->width * (unsigned)(depth * channels[ctype])
			    + 7) / 8;
			s.want = s.row * info->height;
		} else if (memcmp(type, "IHDR", 4) == 0) {
			*why = "the PNG file is corrupt (two IHDR chunks)";
			goto out;
		} else if (memcmp(type, "PLTE", 4) == 0) {
			if (len == 0 || len % 3 != 0 || len > 768 || idat_state != 0) {
				*why = "the PNG file is corrupt (its palette, PLTE, is malformed or "
				    "misplaced)";
				goto out;
			}
			plte = 1;
		} else if (memcmp(type, "pHYs", 4) == 0 && len == 9 && data[8] == 1) {
			/* pixels per metre */
			info->dpi_x = be32(data) * 0.0254;
			info->dpi_y = be32(data + 4) * 0.0254;
		} else if (memcmp(type, "tRNS", 4) == 0) {
			info->alpha = 1;
		} else if (is_idat) {
			if (idat_state == 2) {
				*why = "the PNG file is corrupt (its IDAT chunks are not in one run)";
				goto out;
			}
			if (ctype == 3 && !plte) {
				*why = "the PNG file is corrupt (a palette image without a palette)";
				goto out;
			}
			if (idat_state == 0) {
				if (inflateInit(&s.z) != Z_OK) {
					*why = "out of memory";
					goto out;
				}
				s.started = 1;
			}
			idat_state = 1;
			if (len > 0 && idat_feed(&s, data, len, why) < 0)
				goto out;
		} else if (memcmp(type, "IEND", 4) == 0) {
			break;
		} else if (!(type[0] & 0x20)) {
			*why = "the PNG file has a critical chunk that PNG readers do not know";
			goto out;
		}
		off += 12 + len;
	}
	if (idat_state == 0) {
		*why = "the PNG file is corrupt (it has no image data, IDAT)";
		goto out;
	}
	if (!s.ended || s.got != s.want) {
		*why = "the PNG file is truncated or corrupt (its image data is shorter than "
		    "its size needs)";
		goto out;
	}
	rc = 0;
out:
	if (s.started)
		inflateEnd(&s.z);
	return rc;
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
		return rc;
	if (info->width > RG_IMAGE_MAX_SIDE || info->height > RG_IMAGE_MAX_SIDE ||
	    (double)info->width * info->height > RG_IMAGE_MAX_PIXELS) {
		*why = "too large";
		return -2;
	}
	if (info->dpi_x < 1 || info->dpi_y < 1 || info->dpi_x > 100000 || info->dpi_y > 100000)
		info->dpi_x = info->dpi_y = 0;
	return 0;
}
