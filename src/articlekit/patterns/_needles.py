"""Cheap exact pre-tests for case-insensitive patterns.

Input → output: ``str`` → its needle form (``lowered``); needle form + words → ``bool``
(``holds``).

A pattern compiled with ``re.IGNORECASE`` that is an alternation of words is tried at
every position of a text, branch by branch, which costs microseconds even on a short
line. When every match of such a pattern must contain one of a few plain words, looking
for those words with ``in`` first decides most lines: the pattern then only runs on
the lines that hold one.
"""

from __future__ import annotations

__all__ = ["holds", "lowered"]


def lowered(text: str) -> str:
    """``text`` lower-cased the way ``re.IGNORECASE`` compares letters, or more loosely.

    ``str.lower`` covers the pattern engine's case folding except where the engine uses
    the simple one-character mapping or extra equivalences: "İ" lowers to "i" plus a
    combining dot (the dot is dropped), and "ı" matches "i", "ſ" matches "s". A word found
    in a pattern's match is therefore always found in this form (it may find more).
    """
    low = text.lower()
    if low.isascii():
        return low
    return low.replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


def holds(low: str, needles: tuple[str, ...]) -> bool:
    """Whether ``low`` (a ``lowered`` text) holds one of the lower-case ``needles``."""
    for needle in needles:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
        if needle in low:
            return True
    return False
