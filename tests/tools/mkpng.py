#!/usr/bin/env python3
"""Write a small PNG of one colour (tests/e2e/images.sh).

mkpng.py OUT WIDTH HEIGHT [rgb|rgba|gray|graya|pal] [DEPTH] [interlace] [dpi=N]
"""
import struct
import sys
import zlib


def chunk(kind, data):
    c = kind + data
    return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)


def main():
    out, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rest = sys.argv[4:]
    mode = rest[0] if rest else "rgb"
    depth = int(rest[1]) if len(rest) > 1 else 8
    interlace = "interlace" in rest
    dpi = [int(a[4:]) for a in rest if a.startswith("dpi=")]
    ctype, chans = {"gray": (0, 1), "rgb": (2, 3), "pal": (3, 1),
                    "graya": (4, 2), "rgba": (6, 4)}[mode]
    sample = {"gray": [90], "rgb": [40, 90, 160], "pal": [0],
              "graya": [90, 200], "rgba": [40, 90, 160, 200]}[mode]
    if depth == 16:
        px = b"".join(struct.pack(">H", s * 257) for s in sample)
    else:
        px = bytes(sample)

    def rows(pw, ph):
        return b"".join(b"\0" + px * pw for _ in range(ph))

    if interlace:
        raw = b""
        for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
                               (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)):
            pw = (w - x0 + dx - 1) // dx if w > x0 else 0
            ph = (h - y0 + dy - 1) // dy if h > y0 else 0
            if pw and ph:
                raw += rows(pw, ph)
    else:
        raw = rows(w, h)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0,
                                      1 if interlace else 0))
    if dpi:
        ppm = round(dpi[0] / 0.0254)
        png += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    if mode == "pal":
        png += chunk(b"PLTE", bytes([40, 90, 160]))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)


main()
