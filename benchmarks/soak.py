"""Memory over time and memory per parse: corpus pages → RSS figures (Markdown).

Input → output: the fundus pages (HTML and their text renderings) of
``../shared/corpora`` → two tables:

* **Soak**: ``articlekit.parse`` called N times in a row (default 10,000), cycling over
  the pages; the process's resident set size (``/proc/self/statm``) after every
  1,000 parses. Flat RSS means no cache or leak grows with the number of parses.
* **Peak per parse**: for one page repeated 1×–64× in one document, each in a fresh
  subprocess, the rise of the peak RSS (``VmHWM``, reset through ``/proc/self/clear_refs``
  just before) caused by (a) parsing the page
  into an lxml tree and keeping it, and (b) a whole ``articlekit.parse`` call. Their
  ratio says how much memory articlekit needs beyond the tree itself.

Usage: ``python -m benchmarks.soak [--parses N] [--corpora DIR]`` (Linux only: it reads
``/proc``).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import math
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.corpora import DEFAULT_CORPORA

REPORT_EVERY = 1_000
"""Parses between two RSS readings."""
PEAK_FACTORS = (1, 2, 4, 8, 64)
"""Repetitions of one page's body for the peak-per-parse table."""
PEAK_PAGE_BYTES = 400_000
"""Size of the page (decompressed) whose body is repeated for the peak-per-parse table."""
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_MIB = 1024 * 1024

_PEAK_CHILD = """
import gzip, sys
raw = gzip.decompress(open(sys.argv[1], "rb").read()).decode("utf-8", "replace")
factor, mode = int(sys.argv[2]), sys.argv[3]
head, _, rest = raw.partition("<body")
body_open, _, inner = rest.partition(">")
inner = inner.rsplit("</body>", 1)[0]
page = head + "<body" + body_open + ">" + inner * factor + "</body></html>"
import lxml.html
import articlekit
articlekit.parse("<p>warm up</p>")
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")  # resets the peak (VmHWM) to the current RSS
before = hwm()
if mode == "tree":
    tree = lxml.html.document_fromstring(page)
else:
    article = articlekit.parse(page, adapter="generic", options=articlekit.ParseOptions(
        max_input_bytes=10**9, max_nodes=10**8, time_budget=600))
print(len(page.encode()), hwm() - before)
"""


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * _PAGE_SIZE


def soak(corpora: Path, parses: int) -> list[tuple[int, float]]:
    """RSS in MiB after every ``REPORT_EVERY`` parses."""
    import articlekit  # noqa: PLC0415

    inputs: list[bytes | str] = []
    for path in sorted(corpora.glob("fundus/*/*.html.gz")):
        inputs.append(gzip.decompress(path.read_bytes()))
    for path in sorted(corpora.glob("fundus/*/*.lynx.txt.gz")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        if len(text) >= 500:
            inputs.append(text)
    readings = [(0, _rss() / _MIB)]
    for i in range(1, parses + 1):
        with contextlib.suppress(articlekit.ArticleKitError):
            articlekit.parse(inputs[i % len(inputs)])
        if i % REPORT_EVERY == 0:
            readings.append((i, _rss() / _MIB))
    return readings


def peak(corpora: Path) -> list[tuple[int, int, float, float]]:
    """(factor, input bytes, tree MiB, parse MiB) for one page at each factor."""
    pages = sorted(corpora.glob("fundus/*/*.html.gz"))
    # a page of typical size or more, so that even 1× moves RSS by whole megabytes
    page = min(pages, key=lambda p: abs(len(gzip.decompress(p.read_bytes())) - PEAK_PAGE_BYTES))
    rows = []
    for factor in PEAK_FACTORS:
        found = {}
        for mode in ("tree", "parse"):
            out = subprocess.run(
                [sys.executable, "-c", _PEAK_CHILD, str(page), str(factor), mode],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            found[mode] = (int(out[0]), int(out[1]))
        size = found["tree"][0]
        rows.append((factor, size, found["tree"][1] / _MIB, found["parse"][1] / _MIB))
    return rows


def main() -> None:
    """Print both tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--parses", type=int, default=10_000)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    readings = soak(args.corpora, args.parses)
    print("| parses | RSS MiB |\n| ---: | ---: |")
    for count, mib in readings:
        print(f"| {count:,} | {mib:.1f} |")
    first = readings[1][1] if len(readings) > 1 else readings[0][1]
    print(
        f"\nRSS change from {REPORT_EVERY:,} to {readings[-1][0]:,} parses: "
        f"{readings[-1][1] - first:+.1f} MiB\n"
    )
    rows = peak(args.corpora)
    print("| body repeated | input MB | peak rise, lxml tree MiB | peak rise, parse MiB | × tree |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for factor, size, tree, whole in rows:
        ratio = whole / tree if tree > 0 else float("nan")
        print(f"| {factor}× | {size / 1e6:.2f} | {tree:.1f} | {whole:.1f} | {ratio:.1f}× |")
    usable = [(size, whole) for _, size, _, whole in rows if whole > 0]
    if len(usable) >= 2:  # least squares of log(peak) on log(size): 1.0 is linear
        xs = [math.log(size) for size, _ in usable]
        ys = [math.log(whole) for _, whole in usable]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        print(f"\nPeak-memory exponent b in MiB ≈ a·size^b: {slope:.2f} (1 = linear)")
    if args.json is not None:
        args.json.write_text(json.dumps({"soak": readings, "peak": rows}, indent=2))


if __name__ == "__main__":
    main()
