#!/usr/bin/env python3
"""pdfbytes.py NAME=FILE.pdf ... -- where a PDF's bytes go, as a Markdown table
(bench/run.sh): one column per file, rows for the font programs, the page
contents, the other streams (ToUnicode, CIDSet, images, metadata) and the
objects themselves (dictionaries, the cross-reference table or stream, object
streams: everything that is not the data of a stream above).  Stream sizes
are the stored (compressed) bytes, from qpdf's JSON."""
import json
import os
import subprocess
import sys

ROWS = ["font programs", "page contents", "other streams", "objects and cross-reference"]


def is_ref(v):
    return isinstance(v, str) and v.endswith(" R")


def breakdown(path):
    out = subprocess.run(["qpdf", "--json=2", "--json-stream-data=none", path],
                         capture_output=True, text=True, check=False)
    if not out.stdout:
        sys.exit("pdfbytes.py: qpdf cannot read %s: %s" % (path, out.stderr.strip()))
    objs = json.loads(out.stdout)["qpdf"][1]
    role = {}
    for key, o in objs.items():
        if not key.startswith("obj:"):
            continue
        d = o.get("value")
        if not isinstance(d, dict):
            continue
        if d.get("/Type") == "/Page":
            contents = d.get("/Contents")
            for r in contents if isinstance(contents, list) else [contents]:
                if is_ref(r):
                    role[r] = "page contents"
        if d.get("/Type") == "/FontDescriptor":
            for k in ("/FontFile", "/FontFile2", "/FontFile3"):
                if is_ref(d.get(k)):
                    role[d[k]] = "font programs"
    sizes = dict.fromkeys(ROWS, 0)
    for key, o in objs.items():
        if not key.startswith("obj:") or "stream" not in o:
            continue
        d = o["stream"]["dict"]
        if d.get("/Type") in ("/ObjStm", "/XRef"):
            continue  # counted with the objects
        n = d.get("/Length", 0)
        if is_ref(n):
            n = objs["obj:" + n]["value"]
        sizes[role.get(key[4:], "other streams")] += n
    total = os.path.getsize(path)
    sizes["objects and cross-reference"] = total - sum(sizes.values())
    return total, sizes


def main(args):
    if not args:
        sys.exit("usage: pdfbytes.py NAME=FILE.pdf ...")
    cols = [a.split("=", 1) for a in args]
    data = [breakdown(f) for _, f in cols]
    print("| bytes | " + " | ".join(n for n, _ in cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for row in ROWS:
        print("| %s | " % row + " | ".join("{:,}".format(s[row]) for _, s in data) + " |")
    print("| **total** | " + " | ".join("**{:,}**".format(t) for t, _ in data) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
