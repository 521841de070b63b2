"""Speed extras: (Extractor, Documents) → peak-memory and input-size-scaling measurements.

Per-document timing lives in ``benchmarks.harness``; this module adds:

* Peak memory: ``tracemalloc`` peak during each extraction call over a small subset,
  after the main run has warmed caches. tracemalloc sees Python-level allocations
  only; memory that C libraries (libxml2, resiliparse's C++ core) allocate themselves
  is invisible to it, so figures are a lower bound and compare Python-heavy extractors
  more fully than C-heavy ones.
* Scaling: one page's ``<body>`` content repeated 1, 2, 4, 8 (optionally up to 64)
  times inside one document, the best of a few timings per size, and least-squares
  fits of time against size: the exponent ``b`` of ``ms ≈ a·size^b`` (log-log fit;
  1.0 = linear) and the linear slope in ms per 100 kB.
"""

from __future__ import annotations

import math
import re
import statistics
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from benchmarks.corpora import Document
from benchmarks.extractors import Extractor

MEMORY_SUBSET_SIZE = 10
"""Fundus pages used for the tracemalloc peak (tracemalloc slows extraction ~2-5×)."""

SCALING_PAGES = 4
"""Fundus pages whose bodies are repeated for the scaling fit."""

SCALING_FACTORS = (1, 2, 4, 8)
"""Default repetition factors."""

SCALING_REPEATS = 3
"""Timings per (page, factor); the fastest is kept (least disturbed by the machine)."""

SCALING_EXTRACTORS = ("articlekit", "trafilatura")
"""Extractors whose scaling is measured."""

_BYTES_PER_MIB = 1024 * 1024
_BYTES_PER_100KB = 100_000
_BODY_OPEN_RE = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE_RE = re.compile(r"</body\s*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MemoryResult:
    """Peak traced memory of one extractor (MiB) over ``n`` documents."""

    extractor: str
    median_peak_mib: float
    max_peak_mib: float
    n: int


def measure_memory(extractor: Extractor, docs: Sequence[Document]) -> MemoryResult:
    """tracemalloc peak of each extraction call (input prepared before tracing)."""
    peaks: list[float] = []
    for doc in docs:
        source = extractor.prepare(doc)
        tracemalloc.start()
        try:
            baseline, _ = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            extractor.run(doc, source)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        peaks.append((peak - baseline) / _BYTES_PER_MIB)
    if not peaks:
        return MemoryResult(extractor.name, 0.0, 0.0, 0)
    return MemoryResult(extractor.name, statistics.median(peaks), max(peaks), len(peaks))


def scaling_factors(maximum: int) -> tuple[int, ...]:
    """Powers of two from 1 to ``maximum`` (at least :data:`SCALING_FACTORS`)."""
    factors = list(SCALING_FACTORS)
    while factors[-1] * 2 <= maximum:
        factors.append(factors[-1] * 2)
    return tuple(factors)


def repeat_body(html: str, factor: int) -> str:
    """The page with its ``<body>`` content repeated ``factor`` times (whole page if none)."""
    opening = _BODY_OPEN_RE.search(html)
    closings = list(_BODY_CLOSE_RE.finditer(html))
    if opening is None or not closings or closings[-1].start() < opening.end():
        return html * factor
    head, inner = html[: opening.end()], html[opening.end() : closings[-1].start()]
    return head + inner * factor + html[closings[-1].start() :]


@dataclass(frozen=True, slots=True)
class ScalingPoint:
    """Best time of one (page, factor)."""

    page: str
    factor: int
    size_bytes: int
    ms: float


@dataclass(frozen=True, slots=True)
class ScalingResult:
    """Scaling measurements and fits of one extractor.

    Attributes:
        exponent: ``b`` in ``ms ≈ a·size^b`` (least squares in log-log space).
        slope_ms_per_100kb: Least-squares slope of ms against size.
        median_ms_by_factor: Median over pages of the best time, per factor.
    """

    extractor: str
    points: tuple[ScalingPoint, ...]
    exponent: float | None
    slope_ms_per_100kb: float | None
    median_ms_by_factor: tuple[tuple[int, float], ...]

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "extractor": self.extractor,
            "exponent": self.exponent,
            "slope_ms_per_100kb": self.slope_ms_per_100kb,
            "median_ms_by_factor": dict(self.median_ms_by_factor),
            "points": [
                {"page": p.page, "factor": p.factor, "bytes": p.size_bytes, "ms": p.ms}
                for p in self.points
            ],
        }


def least_squares(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float] | None:
    """(slope, intercept) of the least-squares line, ``None`` if x does not vary."""
    if len(xs) < 2 or len(set(xs)) < 2:
        return None
    fit = statistics.linear_regression(xs, ys)
    return fit.slope, fit.intercept


def measure_scaling(
    extractor: Extractor,
    docs: Sequence[Document],
    factors: Sequence[int] = SCALING_FACTORS,
    *,
    repeats: int = SCALING_REPEATS,
) -> ScalingResult:
    """Time ``extractor`` on each page repeated by each factor and fit the growth."""
    points: list[ScalingPoint] = []
    for doc in docs:
        for factor in factors:
            big = replace(doc, source=repeat_body(doc.source, factor))
            source = extractor.prepare(big)
            best = math.inf
            for _ in range(repeats):
                best = min(best, extractor.run(big, source).ms)
            points.append(ScalingPoint(doc.doc_id, factor, len(source.encode("utf-8")), best))
    loglog = least_squares(
        [math.log(p.size_bytes) for p in points if p.ms > 0],
        [math.log(p.ms) for p in points if p.ms > 0],
    )
    linear = least_squares(
        [p.size_bytes / _BYTES_PER_100KB for p in points], [p.ms for p in points]
    )
    by_factor = tuple(
        (f, statistics.median([p.ms for p in points if p.factor == f]))
        for f in factors
        if any(p.factor == f for p in points)
    )
    return ScalingResult(
        extractor=extractor.name,
        points=tuple(points),
        exponent=None if loglog is None else loglog[0],
        slope_ms_per_100kb=None if linear is None else linear[0],
        median_ms_by_factor=by_factor,
    )
