#!/usr/bin/env python3
"""watch-latency.py -- how long after a save `reportgen watch` has the new PDF.

    python3 tools/watch-latency.py [-n N] [--theme NAME] TEMPLATE DATA...

Copies TEMPLATE to a scratch directory, starts `reportgen watch` on it, then
N times saves it as an editor does (a new file renamed over the old one,
with one word changed) and measures the time from the rename to the moment
the output PDF is replaced (a new inode under its name, polled every 0.2 ms).
Prints each time, the median and the worst.  REPORTGEN names the binary
(default build/reportgen).  Used for the figure in docs/performance.md; not
part of make test (a busy machine makes the figures meaningless).
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("-n", type=int, default=20)
ap.add_argument("--theme")
ap.add_argument("template")
ap.add_argument("data", nargs="+")
a = ap.parse_args()
binary = os.path.abspath(os.environ.get("REPORTGEN", "build/reportgen"))
tmp = tempfile.mkdtemp()
try:
    tpl = os.path.join(tmp, "t.md")
    out = os.path.join(tmp, "out.pdf")
    text = open(a.template, encoding="utf-8").read()
    open(tpl, "w", encoding="utf-8").write(text)
    cmd = [binary, "watch", "-t", tpl, "-o", out]
    for d in a.data:
        cmd += ["-d", os.path.abspath(d)]
    if a.theme:
        cmd += ["--theme", a.theme]
    log = open(os.path.join(tmp, "log"), "w+")
    p = subprocess.Popen(cmd, stderr=log)

    def inode():
        try:
            return os.stat(out).st_ino
        except FileNotFoundError:
            return None

    deadline = time.monotonic() + 30
    while inode() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    pages = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
    pages = [l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")]
    times = []
    for i in range(a.n):
        before = inode()
        new = os.path.join(tmp, ".t.md.new")
        open(new, "w", encoding="utf-8").write(text + "\n<!-- save %d -->\n" % i)
        t0 = time.monotonic()
        os.rename(new, tpl)
        while inode() == before and time.monotonic() - t0 < 5:
            time.sleep(0.0002)
        times.append((time.monotonic() - t0) * 1000)
        time.sleep(0.1)
    p.terminate()
    log.seek(0)
    if os.environ.get("SHOWLOG"): sys.stderr.write(log.read())
    p.wait()
    print("%s, %s pages: %s" % (a.template, pages[0] if pages else "?",
          " ".join("%.0f" % t for t in times)))
    print("after a save: median %.1f ms, worst %.1f ms (%d saves)" %
          (statistics.median(times), max(times), len(times)))
finally:
    shutil.rmtree(tmp)
