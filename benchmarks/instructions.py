"""Instructions per page under callgrind: a cost that does not move with the machine.

Input → output: every ``--every``-th document of a corpus → the instructions (valgrind's
``Ir``) that each subject's timed call executes per page (the benchmark's extractors:
``articlekit``, ``articlekit-generic``, ``lxml-floor``, ``trafilatura`` …), and each one's
ratio to the lxml floor's; with ``--top N``, the N functions that execute the most of
``--top-subject``'s (their own instructions, not those of what they call).

Why: on a shared virtual machine a page's time moves by a fifth from one minute to the
next (the same code measured 2.6 to 3.5 ms a page in separate runs), so a change of a
few per cent cannot be told from noise by timing it. The instructions the same code
executes on the same pages are the same in every run, within ±0.3 % (hash order is fixed
with ``PYTHONHASHSEED=0``; what remains is the allocator and the garbage collector).
They are not a time: a cache miss or a mispredicted branch costs many instructions'
worth of time, so ratios of instructions and of times differ, and the targets are
judged by times (``python -m benchmarks``).

How: each subject runs twice in child processes under ``valgrind --tool=callgrind``
(the two at once, one per core): once with the warm-up alone (imports, the corpus, the
extractor, three calls) and once with the warm-up and then one call per selected
document. The difference of the two programs' totals is what those calls executed.
The input each call gets is prepared in both runs (``Extractor.prepare``, untimed in the
benchmark), so it cancels out.

Usage: ``python -m benchmarks.instructions [--corpus fundus] [--every 8]
[--subjects articlekit,lxml-floor] [--top 25] [--json OUT]``. Needs ``valgrind`` on the
``PATH`` (``apt-get install valgrind``), and its ``callgrind_annotate`` for ``--top``;
about four minutes for the default subjects on fundus (callgrind runs code about fifty
times slower). Not run in CI.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.corpora import CORPORA, DEFAULT_CORPORA, Document, load
from benchmarks.extractors import EXTRACTOR_NAMES, build_extractors

DEFAULT_SUBJECTS = ("articlekit", "articlekit-generic", "lxml-floor")
FLOOR = "lxml-floor"
WARM_UP_CALLS = 3
"""Calls made in both runs before the measured ones (first-call costs cancel out)."""
MODES = ("warm", "all")
"""The two child runs: the warm-up alone, and the warm-up plus the measured calls."""

_TOTAL_RE = re.compile(r"^(?:summary|totals):\s+(\d+)", re.MULTILINE)
_FUNCTION_ROW_RE = re.compile(r"^\s*([\d,]+)\s+(?:\(\s*[\d.]+%\)\s+)?(\S.*?)\s*$")


@dataclass(frozen=True, slots=True)
class Count:
    """One subject's instructions on one corpus.

    Attributes:
        corpus: Corpus name.
        subject: Extractor name (``benchmarks.extractors``).
        pages: Documents the measured calls read.
        instructions: What those calls executed, in all (``Ir``).
    """

    corpus: str
    subject: str
    pages: int
    instructions: int

    @property
    def per_page(self) -> float:
        """Mean instructions per page."""
        return self.instructions / self.pages if self.pages else 0.0


def callgrind_total(text: str) -> int:
    """The program's total instructions in a callgrind output file's text (its
    ``summary:`` line, or ``totals:`` in files that have no summary).

    Raises:
        ValueError: the text has neither line.
    """
    match = _TOTAL_RE.search(text)
    if match is None:
        raise ValueError("no 'summary:' or 'totals:' line: not a callgrind output file")
    return int(match.group(1))


def measured(warm: int, everything: int) -> int:
    """What the measured calls executed: the total with them less the total without.

    Raises:
        ValueError: the run with them executed less (the two runs do not match).
    """
    if everything < warm:
        raise ValueError(f"the measured run ({everything:,}) is below its warm-up ({warm:,})")
    return everything - warm


def function_costs(annotated: str) -> dict[str, int]:
    """Function → its own instructions, from ``callgrind_annotate --inclusive=no
    --tree=none --auto=no`` output: the rows after the ``file:function`` header. A
    function is named without its source file and binary (``file:function [binary]``),
    an address without a symbol with its binary's file name, and rows naming the same
    function are added up."""
    costs: dict[str, int] = {}
    rows = False
    for line in annotated.splitlines():
        if "file:function" in line:
            rows = True
            continue
        if not rows or not line.strip() or line.startswith("-"):
            continue
        match = _FUNCTION_ROW_RE.match(line)
        if match is None:
            continue
        where, _, binary = match.group(2).partition(" [")
        name = where.rsplit(":", 1)[-1]
        if name.startswith("0x") and binary:  # no symbol: say which binary it is in
            name = f"{name} ({Path(binary.rstrip(']')).name})"
        costs[name] = costs.get(name, 0) + int(match.group(1).replace(",", ""))
    return costs


def top_functions(
    warm: Mapping[str, int], everything: Mapping[str, int], n: int
) -> list[tuple[str, int]]:
    """The ``n`` functions whose own instructions grew the most from the warm-up run to
    the measured one (what the measured calls spent in them), largest first."""
    grown = ((name, cost - warm.get(name, 0)) for name, cost in everything.items())
    return sorted((row for row in grown if row[1] > 0), key=lambda row: (-row[1], row[0]))[:n]


def render(counts: Sequence[Count]) -> str:
    """A Markdown table of the counts, with each subject's ratio to the lxml floor's
    count on the same corpus when that was measured."""
    floors = {c.corpus: c.per_page for c in counts if c.subject == FLOOR}
    lines = [
        "| corpus | subject | pages | instructions per page | × lxml floor |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for c in counts:
        floor = floors.get(c.corpus)
        ratio = f"{c.per_page / floor:.2f}×" if floor else "–"
        lines.append(
            f"| {c.corpus} | {c.subject} | {c.pages} | {c.per_page / 1e6:,.2f} M | {ratio} |"
        )
    return "\n".join(lines)


def selected(corpus: str, corpora: Path, every: int) -> list[Document]:
    """Every ``every``-th document of the corpus, from its first (``every`` ≥ 1, as
    ``parse_args`` checks)."""
    return list(load(corpus, corpora).documents[::every])


def child(subject: str, corpus: str, corpora: Path, every: int, mode: str) -> None:
    """The program callgrind counts: the warm-up, and in mode ``all`` one call per
    selected document (a call that raises counts as made, as in the benchmark)."""
    built = build_extractors([subject])
    if not built.available:
        raise SystemExit(f"{subject} is not available: {built.unavailable}")
    extractor = built.available[0]
    docs = selected(corpus, corpora, every)
    sources = [extractor.prepare(doc) for doc in docs]
    calls = list(zip(sources, docs, strict=True))
    for source, doc in calls[:WARM_UP_CALLS]:
        _call(extractor._extract, source, doc)
    if mode == "all":
        for source, doc in calls:
            _call(extractor._extract, source, doc)
    print(len(calls))


def _call(extract: Callable[[str, Document], object], source: str, doc: Document) -> None:
    with contextlib.suppress(Exception):  # a failing call is a data point, as in the harness
        extract(source, doc)


def count(
    subject: str, corpus: str, corpora: Path, every: int, workdir: Path
) -> tuple[Count, dict[str, Path]]:
    """Run both child programs under callgrind (at once) → the subject's ``Count`` and
    the two output files by mode."""
    outputs = {mode: workdir / f"{corpus}.{subject}.{mode}.out" for mode in MODES}
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    runs = {
        mode: subprocess.Popen(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={outputs[mode]}",
                sys.executable,
                "-m",
                "benchmarks.instructions",
                "--child",
                mode,
                "--subjects",
                subject,
                "--corpus",
                corpus,
                "--corpora",
                str(corpora),
                "--every",
                str(every),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mode in MODES
    }
    pages = 0
    for mode, run in runs.items():
        out, err = run.communicate()
        if run.returncode != 0:
            raise RuntimeError(f"{subject} ({mode}) failed under valgrind:\n{err[-2000:]}")
        if mode == "all":
            pages = int(out.split()[-1])
    totals = {mode: callgrind_total(outputs[mode].read_text("utf-8")) for mode in MODES}
    return Count(corpus, subject, pages, measured(totals["warm"], totals["all"])), outputs


def annotate(path: Path) -> dict[str, int]:
    """``function_costs`` of one callgrind output file."""
    result = subprocess.run(
        ["callgrind_annotate", "--inclusive=no", "--tree=none", "--auto=no", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return function_costs(result.stdout)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="fundus", choices=CORPORA)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--every", type=int, default=8, help="read every N-th document")
    parser.add_argument(
        "--subjects",
        default=",".join(DEFAULT_SUBJECTS),
        help=f"comma-separated extractors ({', '.join(EXTRACTOR_NAMES)})",
    )
    parser.add_argument("--top", type=int, default=0, help="list the N costliest functions")
    parser.add_argument("--top-subject", default="articlekit")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--child", choices=MODES, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.every < 1:  # (here, not in the child programs valgrind would start first)
        parser.error(f"--every must be at least 1, not {args.every}")
    args.subjects = [s for s in args.subjects.split(",") if s]
    unknown = [s for s in args.subjects if s not in EXTRACTOR_NAMES]
    if unknown:
        parser.error(f"unknown subject {unknown}; known: {', '.join(EXTRACTOR_NAMES)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Count, print the table (and the top functions), write the JSON."""
    args = parse_args(argv)
    if args.child is not None:
        child(args.subjects[0], args.corpus, args.corpora, args.every, args.child)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not on the PATH (apt-get install valgrind)", file=sys.stderr)
        return 2
    counts: list[Count] = []
    top: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory(prefix="articlekit-instructions-") as tmp:
        for subject in args.subjects:
            found, outputs = count(subject, args.corpus, args.corpora, args.every, Path(tmp))
            counts.append(found)
            print(f"{subject}: {found.per_page / 1e6:,.2f} M instructions per page", flush=True)
            if args.top and subject == args.top_subject:
                top = top_functions(annotate(outputs["warm"]), annotate(outputs["all"]), args.top)
    print()
    print(render(counts))
    if top:
        chosen = next(c for c in counts if c.subject == args.top_subject)
        print(f"\n| function ({args.top_subject}) | own instructions per page | share |")
        print("| --- | ---: | ---: |")
        for name, cost in top:
            share = cost / chosen.instructions
            print(f"| `{name}` | {cost / chosen.pages / 1e6:,.3f} M | {share:.1%} |")
    if args.json is not None:
        payload = {
            "corpus": args.corpus,
            "every": args.every,
            "counts": [{**asdict(c), "per_page": c.per_page} for c in counts],
            "top": [{"function": name, "instructions": cost} for name, cost in top],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
