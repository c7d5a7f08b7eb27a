#!/usr/bin/env python3
"""bbox.py -- geometry of a PDF, read from the PDF itself, for the shell tests.

    bbox.py lines PDF     one line per text line that pdftotext -bbox-layout
                          finds: page, xMin, yMin, xMax, yMax (points, from
                          the top left corner) and the line's words joined
"""
import html
import re
import subprocess
import sys

NUM = r'"([-0-9.]+)"'
BOX = re.compile(r'xMin=' + NUM + r' yMin=' + NUM + r' xMax=' + NUM + r' yMax=' + NUM)


def bbox_layout(pdf):
    """Pages of lines of words: [[(box, [(box, text)...])...]...]."""
    out = subprocess.run(['pdftotext', '-q', '-bbox-layout', pdf, '-'], check=True,
                         capture_output=True, text=True).stdout
    pages = []
    line = None
    for row in out.splitlines():
        row = row.strip()
        if row.startswith('<page '):
            pages.append([])
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


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'lines':
        lines(sys.argv[2])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main())
