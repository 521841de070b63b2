"""Keyword alternations that stay fast on class and id strings.

Input → output: alternatives such as ``"comment"``, ``r"share\\b"``, ``r"\\bads?\\b"`` →
one compiled pattern that matches exactly what ``"|".join(alternatives)`` matches.

Why: Python's regex engine tries every alternative of a flat ``a|b|c…`` at every position
of the subject. With fifty class words that is fifty tries per character, and the
class/id checks run on every element of every page. Grouping the alternatives by their
first character (``c(?:omment|ookie)|s(?:hare\\b|ocial)…``) lets the engine reject a
position after one comparison per distinct first character, and lets it skip positions
whose character starts no alternative. On a typical 70-character class string that is
3–5× faster than the flat alternation.

The subject must be lower-case (no ``re.IGNORECASE``: case-insensitive matching defeats
both optimisations); callers lower-case class strings once.

``phrase_trie`` writes a list of words or phrases as a trie matched either case (the
line rules' phrase lists, the month and weekday names of dates), for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Final

__all__ = ["either_case", "keyword_regex", "phrase_trie"]

_WORD_START: Final = "\\b"


def keyword_regex(*alternatives: str) -> re.Pattern[str]:
    """Compile ``alternatives`` (regex snippets) as one first-character-grouped pattern.

    Each alternative starts with a plain lower-case letter, digit or ``-``, optionally
    after a leading ``\\b``. A leading ``\\b`` is kept as a one-character lookbehind
    after the first character (``a(?<=\\ba)ds?\\b``), so the alternative still starts
    with a literal and joins its group. The result matches the same strings, at the same
    positions, as the flat alternation.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        word_start = alternative.startswith(_WORD_START)
        body = alternative[len(_WORD_START) :] if word_start else alternative
        first = body[:1]
        if not first or not (first.isalnum() or first == "-") or first != first.lower():
            raise ValueError(f"alternative must start with a lower-case literal: {alternative!r}")
        rest = body[1:]
        literal = re.escape(first)
        if word_start:
            rest = f"(?<=\\b{literal}){rest}"
        groups.setdefault(literal, []).append(rest)
    parts = []
    for literal, rests in groups.items():
        if len(rests) == 1:
            parts.append(literal + rests[0])
        else:
            parts.append(f"{literal}(?:{'|'.join(rests)})")
    return re.compile("|".join(parts))


def either_case(char: str) -> str:
    """A pattern for ``char`` as ``re.IGNORECASE`` matches it: the flag scoped to the
    character (``(?i:x)``), the rest of the pattern compiled without it. (A class of its
    cases, ``[Xx]``, matches the same, but ``re`` optimises every class it compiles, and
    the tries hold thousands: compiling the line rules cost twice as much.)"""
    if char.lower() == char.upper():
        return re.escape(char)  # (no case: not a letter)
    return f"(?i:{re.escape(char)})"


def phrase_trie(
    words: Collection[str], space: str = r"\s", letter: Callable[[str], str] = either_case
) -> str:
    """A pattern matching exactly ``words``: a trie of their characters (one alternative
    per distinct character at each depth, so the engine rules out a phrase after one
    comparison, where an alternation would try each), a space matching one whitespace
    character (or ``space``) and a letter either case as ``re.IGNORECASE`` matches it
    (``either_case``: the flag would make the engine try every alternative).

    ``letter``: how a character is written; ``re.escape`` for a trie inside a pattern
    compiled with ``re.IGNORECASE`` anyway (the flag scoped to each letter makes such a
    pattern compile two to three times slower, for the same matches)."""
    rests: dict[str, set[str]] = {}
    for word in words:
        if word:
            rests.setdefault(word[0], set()).add(word[1:])
    branches = [
        (space if first == " " else letter(first)) + phrase_trie(rest, space, letter)
        for first, rest in sorted(rests.items())
    ]
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in words:
        return f"(?:{body})?" if branches else ""
    return body
