"""Shared test helpers: fixture locations, text normalisation, body shingle F1.

Input → output: none; test modules import these helpers (``from conftest import …``).
"""

from __future__ import annotations

import importlib.machinery
import re
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, settings

import articlekit.scoring.text
from articlekit.adapters.checking import body_texts

__all__ = [
    "COMPILED",
    "FIXTURES",
    "SHARED",
    "body_texts",
    "is_compiled",
    "normalise",
    "shingle_f1",
]


def is_compiled(module: ModuleType) -> bool:
    """``module`` was loaded from an extension module (a compiled build's), not source."""
    return (module.__file__ or "").endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


settings.register_profile("articlekit", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("articlekit")
"""Property tests check what is generated, not how fast: speed is measured in
``benchmarks/``. Hypothesis's per-example deadline and its health check on slow input
generation fail a test by the clock, which on a loaded machine (CI beside other jobs)
they did (``test_needles_are_in_every_match_of_every_word``, whose inputs are drawn
word by word). The profile turns both off for every test; a test's own ``@settings``
inherit it."""


COMPILED = is_compiled(articlekit.scoring.text)
"""The articlekit under test is a compiled build (``ARTICLEKIT_COMPILE=1``, see
``setup.py``): a test that replaces a module's function to watch it skips, as compiled
code calls its own functions directly."""

FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""Hand-written fixture pages (``fixtures/<site>/<case>/``)."""
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
"""The shared corpora and examples beside the repository (absent in a bare clone)."""

SHINGLE_SIZE = 4
"""Tokens per shingle (the Zyte benchmark rule in ``shared/corpora/README.md``)."""

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """NFC, every whitespace run collapsed to one space, ends stripped."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE_SIZE:
        return Counter([tuple(tokens)])
    return Counter(
        tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(len(tokens) - SHINGLE_SIZE + 1)
    )


def shingle_f1(gold: str, predicted: str) -> float:
    """One document's body F1 by the corpus README's rule (4-token shingle multisets).

    Precision is 1.0 when nothing is surplus or missing and 0.0 when nothing was
    predicted; recall likewise. F1 is their harmonic mean.
    """
    g, p = _shingles(gold), _shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    if fp == 0 and fn == 0:
        return 1.0 if tp else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
