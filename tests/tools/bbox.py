#!/usr/bin/env python3
"""bbox.py -- geometry of a PDF, read from the PDF itself, for the shell tests.

    bbox.py lines PDF     one line per text line that pdftotext -bbox-layout
                          finds: page, xMin, yMin, xMax, yMax (points, from
                          the top left corner) and the line's words joined
    bbox.py cells PDF     every word of a table inside its cell: the cells
                          are the rectangles stroked in magenta (1 0 1 RG
                          ... re S) that reportgen draws with
                          REPORTGEN_CELL_FRAMES=1, read from the page content
                          streams (qpdf --qdf), and the lines of a cell split
                          over pages (1 0 .502 RG), joined where they touch;
                          the words are pdftotext's.  A
                          word whose middle lies in a cell must lie in it
                          whole, and a word that overlaps a cell must have
                          its middle in one.  Prints each word that does not
                          and exits 1; else prints how many words and cells.
"""
import html
import re
import subprocess
import sys

NUM = r'"([-0-9.]+)"'
BOX = re.compile(r'xMin=' + NUM + r' yMin=' + NUM + r' xMax=' + NUM + r' yMax=' + NUM)


def bbox_layout(pdf, heights=None):
    """Pages of lines of words: [[(box, [(box, text)...])...]...]; the
    pages' heights appended to heights."""
    out = subprocess.run(['pdftotext', '-q', '-bbox-layout', pdf, '-'], check=True,
                         capture_output=True, text=True).stdout
    pages = []
    line = None
    for row in out.splitlines():
        row = row.strip()
        if row.startswith('<page '):
            pages.append([])
            if heights is not None:
                heights.append(float(re.search(r'height="([-0-9.]+)"', row).group(1)))
        elif row.startswith('<line '):
            line = (tuple(float(v) for v in BOX.search(row).groups()), [])
            pages[-1].append(line)
        elif row.startswith('<word '):
            box = tuple(float(v) for v in BOX.search(row).groups())
            text = html.unescape(re.sub(r'<[^>]*>', '', row))
            line[1].append((box, text))
    return pages


def lines(pdf):
    for p, page in enumerate(bbox_layout(pdf), 1):
        for box, words in page:
            print(p, ' '.join('%.2f' % v for v in box), ''.join(t for _, t in words))


TOKEN = re.compile(rb'<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/\[\]()<>]+'
                   rb'|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z\'"*]+|%[^\n]*')
MAGENTA = (1.0, 0.0, 1.0)
PART = (1.0, 0.0, 0.502)


def frames(pdf):
    """Per page (1-based dict), the magenta stroked rectangles, in PDF user
    space: (x0, y0, x1, y1); the parts of a cell joined."""
    qdf = subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, '-'],
                         check=True, capture_output=True).stdout
    out = {}
    for m in re.finditer(rb'%% Contents for page (\d+)\n.*?\nstream\n(.*?)\nendstream', qdf,
                         re.S):
        page = int(m.group(1))
        rects = out.setdefault(page, [])
        parts = []
        stack, gs = [], []
        colour, ctm, pending = None, (1, 0, 0, 1, 0, 0), []
        for tok in TOKEN.findall(m.group(2)):
            if tok[:1] in b'-+.0123456789':
                stack.append(float(tok))
                continue
            if tok[:1] in b'%(<[]/':
                if tok[:1] != b'%':
                    stack.append(None)
                continue
            op = tok.decode('latin-1')
            if op == 'q':
                gs.append((colour, ctm))
            elif op == 'Q' and gs:
                colour, ctm = gs.pop()
            elif op == 'RG' and len(stack) >= 3:
                colour = tuple(stack[-3:])
            elif op == 'cm' and len(stack) >= 6:
                a, b, c, d, e, f = stack[-6:]
                A, B, C, D, E, F = ctm
                ctm = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
                       e * A + f * C + E, e * B + f * D + F)
            elif op == 're' and len(stack) >= 4:
                x, y, w, h = stack[-4:]
                a, b, c, d, e, f = ctm
                pts = [(a * px + c * py + e, b * px + d * py + f)
                       for px, py in ((x, y), (x + w, y + h))]
                pending.append((min(p[0] for p in pts), min(p[1] for p in pts),
                                max(p[0] for p in pts), max(p[1] for p in pts)))
            elif op in ('S', 's'):
                if colour == MAGENTA:
                    rects.extend(pending)
                elif colour == PART:
                    parts.extend(pending)
                pending = []
            elif op in ('f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n'):
                pending = []
            stack = []
        # the lines of a split cell, one above the other in one column
        nwhole = len(rects)
        parts.sort(key=lambda r: (r[0], r[2], -r[3]))
        for r in parts:
            last = rects[-1] if rects and len(rects) > nwhole else None
            if last and abs(last[0] - r[0]) < 0.01 and abs(last[2] - r[2]) < 0.01 and \
                    abs(last[1] - r[3]) < 0.01:
                rects[-1] = (r[0], r[1], r[2], last[3])
            else:
                rects.append(r)
    return out


def cells(pdf, tol=0.25, vtol=0.5):
    """Words of table cells outside their cell; returns the exit status.
    tol: how far a word may pass a cell's side (the glyphs' advances, as
    pdftotext reports them, against the layout's); vtol: its top or bottom
    (pdftotext's boxes are the font's ascent and descent, not the ink: the
    仿宋 of the 公文 theme, 1.44 em, pokes 0.25 pt out of a 1.5 em line)."""
    heights = []
    pages = bbox_layout(pdf, heights)
    rects = frames(pdf)
    bad = words = ncells = 0
    for p, page in enumerate(pages, 1):
        h = heights[p - 1]
        # the cells in pdftotext's coordinates (y from the top)
        cs = [(x0, h - y1, x1, h - y0) for x0, y0, x1, y1 in rects.get(p, [])]
        ncells += len(cs)
        for _, line in page:
            for (x0, y0, x1, y1), text in line:
                mx, my = (x0 + x1) / 2, (y0 + y1) / 2
                home = [c for c in cs if c[0] <= mx <= c[2] and c[1] <= my <= c[3]]
                near = [c for c in cs if x0 < c[2] and x1 > c[0] and y0 < c[3] and y1 > c[1]]
                if not home and not near:
                    continue        # not in a table
                words += 1
                if not home:
                    why = 'overlaps a cell, its middle in none'
                elif all(x0 < c[0] - tol or x1 > c[2] + tol or y0 < c[1] - vtol or
                         y1 > c[3] + vtol for c in home):
                    c = home[0]
                    why = 'outside its cell x %.2f-%.2f y %.2f-%.2f' % (c[0], c[2], c[1], c[3])
                else:
                    continue
                bad += 1
                if bad <= 10:
                    print('page %d: word %r at x %.2f-%.2f y %.2f-%.2f %s'
                          % (p, text, x0, x1, y0, y1, why))
    if bad:
        print('%d of %d table words outside their cells' % (bad, words))
        return 1
    print('%d words inside %d cells' % (words, ncells))
    return 0 if ncells else 1


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'lines':
        lines(sys.argv[2])
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == 'cells':
        return cells(sys.argv[2])
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main())
