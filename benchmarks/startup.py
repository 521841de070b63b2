"""Start-up cost: (Extractor, example pages) → import and first-call times, each measured
in a fresh interpreter.

A worker process pays, before its first result, the import of the library and the
first call (which loads what the library loads lazily and compiles its patterns); the
per-document timing in ``benchmarks.harness`` leaves both out (its warm-up call). Here
each run is a new ``python -c`` process that times, with ``time.perf_counter`` and
``time.process_time`` around the statements themselves (the interpreter's own start-up
is not counted, nor is reading the page):

* ``import <module>`` of every extractor's library (``Extractor.module``);
* for articlekit, the import and then the first ``parse`` of the bundled HTML example
  (``examples/sample-article.html``), and, in other processes, of the raw-text example
  (``../shared/examples``).

Each figure is the median of :data:`STARTUP_RUNS` processes, after one untimed process
per measurement that leaves Python's bytecode caches written: the children write them
under a temporary ``PYTHONPYCACHEPREFIX`` (whatever ``PYTHONDONTWRITEBYTECODE`` says),
as an installed package has them, so that no run compiles source (an editable install
keeps none of its own where writing bytecode is turned off).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpora import ContentType
from benchmarks.extractors import Extractor

STARTUP_RUNS = 15
"""Fresh processes per measurement (the median is reported)."""

HTML_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-article.html"
"""The bundled HTML example (the README's first command parses it)."""

TEXT_EXAMPLE_NAME = "dw-en-2025-02-04-netanyahu-trump.txt"
"""The canonical raw-text example, in ``../shared/examples``."""

_MS_PER_S = 1000.0

# The child: times the import, then (given a page) the first call; prints JSON seconds.
_CHILD = """\
import sys, time
wall, cpu = time.perf_counter(), time.process_time()
import importlib
module = importlib.import_module(sys.argv[1])
imported, imported_cpu = time.perf_counter() - wall, time.process_time() - cpu
first = None
if len(sys.argv) > 2:
    with open(sys.argv[2], encoding="utf-8") as page:
        source = page.read()
    wall = time.perf_counter()
    module.parse(source, content_type=sys.argv[3])
    first = imported + time.perf_counter() - wall
import json
print(json.dumps([imported, imported_cpu, first]))
"""


@dataclass(frozen=True, slots=True)
class StartupResult:
    """Median start-up costs of one extractor's library (ms); ``None``: not measured.

    Attributes:
        extractor: The extractor's name.
        module: The module imported.
        import_ms: ``import`` (wall clock).
        import_cpu_ms: ``import`` (the process's CPU time).
        first_html_ms: Import plus the first call on the HTML example (articlekit).
        first_text_ms: Import plus the first call on the raw-text example (articlekit).
        runs: Processes per measurement.
    """

    extractor: str
    module: str
    import_ms: float
    import_cpu_ms: float
    first_html_ms: float | None
    first_text_ms: float | None
    runs: int

    def to_json(self) -> dict[str, Any]:
        return {
            "extractor": self.extractor,
            "module": self.module,
            "median_import_ms": self.import_ms,
            "median_import_cpu_ms": self.import_cpu_ms,
            "median_import_and_first_html_ms": self.first_html_ms,
            "median_import_and_first_text_ms": self.first_text_ms,
            "runs": self.runs,
        }


def _child(
    module: str, page: tuple[Path, ContentType] | None, cache: str
) -> tuple[float, float, float | None]:
    """One fresh process: (import s, import CPU s, import + first call s or ``None``),
    its bytecode caches under ``cache``."""
    args = [sys.executable, "-c", _CHILD, module]
    if page is not None:
        args += [str(page[0]), page[1]]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    out = subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout
    imported, imported_cpu, first = json.loads(out.strip().splitlines()[-1])
    return imported, imported_cpu, first


def _runs(
    module: str, page: tuple[Path, ContentType] | None, runs: int
) -> list[tuple[float, float, float | None]]:
    with tempfile.TemporaryDirectory(prefix="startup-pycache-") as cache:
        _child(module, page, cache)  # untimed: bytecode caches written, files in the page cache
        return [_child(module, page, cache) for _ in range(runs)]


def _median_ms(values: Sequence[float]) -> float:
    return statistics.median(values) * _MS_PER_S


def measure_startup(
    extractor: Extractor, text_example: Path | None, runs: int = STARTUP_RUNS
) -> StartupResult:
    """The start-up costs of ``extractor`` (the first calls for articlekit only)."""
    pages: list[tuple[Path, ContentType]] = []
    if extractor.module == "articlekit":
        pages.append((HTML_EXAMPLE, "html"))
        if text_example is not None and text_example.is_file():
            pages.append((text_example, "text"))
    measured = {page[1]: _runs(extractor.module, page, runs) for page in pages}
    every = [run for kind_runs in measured.values() for run in kind_runs]
    if not every:  # a peer: its import alone
        every = _runs(extractor.module, None, runs)

    def first(kind: ContentType) -> float | None:
        if kind not in measured:
            return None
        return _median_ms([f for _, _, f in measured[kind] if f is not None])

    return StartupResult(
        extractor=extractor.name,
        module=extractor.module,
        import_ms=_median_ms([imported for imported, _, _ in every]),
        import_cpu_ms=_median_ms([cpu for _, cpu, _ in every]),
        first_html_ms=first("html"),
        first_text_ms=first("text"),
        runs=runs,
    )


def startup_extractors(extractors: Sequence[Extractor]) -> list[Extractor]:
    """One extractor per imported module (``articlekit-generic`` imports ``articlekit``)."""
    seen: set[str] = set()
    chosen = []
    for extractor in extractors:
        if extractor.module not in seen:
            seen.add(extractor.module)
            chosen.append(extractor)
    return chosen
