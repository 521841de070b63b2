"""Regression gate: (extractor, quick corpus subset, floors.json) → list of metrics below floor.

``benchmarks/floors.json`` pins, per corpus and metric, the lowest score articlekit
may reach on the gate subset (:data:`GATE_LIMITS`): every fundus page, the first 40
readerable readability pages, the first 200 htmldate pages, and the lynx/w3m
renderings of every fundus page. Floors are set from a real run, :data:`FLOOR_MARGIN`
below the measured value and rounded down to :data:`FLOOR_DECIMALS` decimals, and
they only move up (:func:`raised_floors`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpora import LoadedCorpus, load_fundus, load_htmldate, load_readability, load_text
from benchmarks.extractors import Extractor
from benchmarks.harness import run_corpus
from benchmarks.scoring import Metrics

FLOORS_PATH = Path(__file__).with_name("floors.json")

GATE_LIMITS: Mapping[str, int | None] = {
    "fundus": None,
    "readability": 40,
    "htmldate": 200,
    "text": None,
}
"""Documents per corpus in the gate subset (``None`` = all); ``text`` = fundus renderings."""

FLOOR_MARGIN = 0.01
"""How far below a measured score a new floor is set (run-to-run noise is ~0)."""

FLOOR_DECIMALS = 2

UNGATED_SUFFIXES = ("_p", "_r", "_acc")
"""Not pinned: precision/recall on their own (trading one for the other is allowed as
long as F1 holds), and body accuracy (identical token lists flip on one stray token,
and on the 40-page readability subset one page moves it by 0.025)."""

Floors = dict[str, dict[str, float]]


@dataclass(frozen=True, slots=True)
class GateFailure:
    """A metric below its floor (``measured`` is ``None`` when it was not measured)."""

    corpus: str
    metric: str
    floor: float
    measured: float | None

    def __str__(self) -> str:
        shown = "not measured" if self.measured is None else f"{self.measured:.4f}"
        return f"{self.corpus}.{self.metric}: {shown} < floor {self.floor:.{FLOOR_DECIMALS}f}"


@dataclass(frozen=True, slots=True)
class GateResult:
    """Measured gate metrics per corpus and the failures against the floors."""

    measured: dict[str, Metrics]
    failures: tuple[GateFailure, ...]

    @property
    def passed(self) -> bool:
        """No metric fell below its floor."""
        return not self.failures


def load_floors(path: Path = FLOORS_PATH) -> Floors:
    """Read ``floors.json`` (empty when missing)."""
    if not path.exists():
        return {}
    data: Floors = json.loads(path.read_text("utf-8"))
    return data


def write_floors(floors: Floors, path: Path = FLOORS_PATH) -> None:
    """Write ``floors.json`` with sorted keys."""
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", "utf-8")


def gate_failures(
    measured: Mapping[str, Mapping[str, float | None]], floors: Mapping[str, Mapping[str, float]]
) -> tuple[GateFailure, ...]:
    """Every floored metric whose measured value is missing or below its floor."""
    failures = []
    for corpus, corpus_floors in sorted(floors.items()):
        corpus_measured = measured.get(corpus, {})
        for metric, floor in sorted(corpus_floors.items()):
            value = corpus_measured.get(metric)
            if value is None or value < floor:
                failures.append(GateFailure(corpus, metric, floor, value))
    return tuple(failures)


def floor_below(value: float) -> float:
    """The floor for a measured ``value``: minus the margin, rounded down, not below 0."""
    scale: int = 10**FLOOR_DECIMALS
    return max(0.0, math.floor((value - FLOOR_MARGIN) * scale) / scale)


def raised_floors(
    old: Mapping[str, Mapping[str, float]], measured: Mapping[str, Mapping[str, float | None]]
) -> Floors:
    """Floors from ``measured``, never lower than ``old`` (floors only move up).

    Precision/recall (:data:`UNGATED_SUFFIXES`) and metrics whose floor would be 0 are
    not pinned.
    """
    new: Floors = {corpus: dict(values) for corpus, values in old.items()}
    for corpus, values in measured.items():
        for metric, value in values.items():
            if value is None or metric.endswith(UNGATED_SUFFIXES):
                continue
            floor = floor_below(value)
            current = new.get(corpus, {}).get(metric, 0.0)
            if floor > current:
                new.setdefault(corpus, {})[metric] = floor
    return new


def load_gate_corpora(root: Path) -> tuple[LoadedCorpus, ...]:
    """The fixed quick subset (:data:`GATE_LIMITS`)."""
    return (
        load_fundus(root, limit=GATE_LIMITS["fundus"]),
        load_readability(root, limit=GATE_LIMITS["readability"]),
        load_htmldate(root, limit=GATE_LIMITS["htmldate"]),
        load_text(root, limit=GATE_LIMITS["text"], origins=("fundus",)),
    )


def run_gate(
    extractor: Extractor,
    floors: Mapping[str, Mapping[str, float]],
    corpora: Sequence[LoadedCorpus],
) -> GateResult:
    """Run ``extractor`` over ``corpora`` and compare its metrics with ``floors``.

    Only corpora that are given are checked; floors of other corpora are ignored, so a
    test can gate on a small subset.
    """
    measured = {c.name: run_corpus(extractor, c).metrics for c in corpora}
    relevant = {name: values for name, values in floors.items() if name in measured}
    return GateResult(measured, gate_failures(measured, relevant))
