"""Raw-text speed, round 4: the fast paths give the results of the plain definitions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.patterns.keywords import either_case
from articlekit.patterns.language import SPACED_MARKS
from articlekit.patterns.lines import (
    BROWSER_NOTICES,
    JAVASCRIPT_ASKS,
    JAVASCRIPT_PATTERN,
    JAVASCRIPT_STATES,
    JAVASCRIPT_WORD,
    Hint,
    classify,
)
from articlekit.scoring.text import _letters, _same_letters


def test_language_marks_fold_to_themselves_and_nothing_folds_to_one() -> None:
    # what _count_words relies on when it spaces the marks before folding the case
    marks = set(SPACED_MARKS)
    assert all(mark.casefold() == mark for mark in marks)
    every = map(chr, range(0x110000))
    assert [ch for ch in every if ch not in marks and marks & set(ch.casefold())] == []


_JAVASCRIPT_REFERENCE = (
    r"javascript.{0,80}\b(?:enable|enabled|disabled|required|turn on|activate|aktivieren"
    r"|aktiviert|deaktiviert|benötigt|erforderlich|activer|activé|désactivé|nécessite"
    r"|habilitar|habilitado|activar|deshabilitado|attivare|abilita|abilitare|disattivato"
    r"|inschakelen|aktivere|aktivera|ativar)"
    r"|(?:enable|activate|turn on|aktivieren sie|activez|activa|habilita|abilita|attiva)"
    r" (?:\w+ ){0,3}javascript|browser (?:does not|doesn't) support|unsupported browser"
    r"|noscript"
)
"""The JavaScript rule as it was written: an alternation matched ignoring case."""
_JAVASCRIPT_WORDS = [
    *JAVASCRIPT_WORD.words, *JAVASCRIPT_STATES.words, *JAVASCRIPT_ASKS.words,
    *BROWSER_NOTICES.words, "browser", "does not", "support", "script", "java",
]  # fmt: skip
_JAVASCRIPT_NOISE = [" ", "  ", "\n", "x", "ı", "İ", "ſ", "\u212a", "É", "1", "_", ". ", "please "]


_TWINS = str.maketrans({"i": "ı", "k": "\u212a", "s": "ſ", "I": "İ"})


def _spellings(words: list[str]) -> st.SearchStrategy[str]:
    """A word in one of the spellings ``re.IGNORECASE`` matches to it, or cut short."""
    variants = [w for word in words for w in (word, word.upper(), word.title())]
    variants += [word.translate(_TWINS) for word in words] + [word[:-1] for word in words]
    return st.sampled_from(variants)


_JS_WORD = _spellings(["javascript"])
_GAPS = st.sampled_from(["", " ", "-", " is ", "_", " x" * 39, "." * 79, "." * 80, "." * 81])
_STATES = [  # as the reference spells them (not taken from the tries)
    *("enable", "enabled", "disabled", "required", "turn on", "activate", "aktivieren"),
    *("aktiviert", "deaktiviert", "benötigt", "erforderlich", "activer", "activé"),
    *("désactivé", "nécessite", "habilitar", "habilitado", "activar", "deshabilitado"),
    *("attivare", "abilita", "abilitare", "disattivato", "inschakelen", "aktivere"),
    *("aktivera", "ativar"),
]
_ASKS = [
    *("enable", "activate", "turn on", "aktivieren sie", "activez", "activa", "habilita"),
    *("abilita", "attiva"),
]
_JAVASCRIPT_LINES = st.one_of(
    st.tuples(_JS_WORD, _GAPS, _spellings(_STATES)),
    st.tuples(
        _spellings(_ASKS),
        st.sampled_from([" ", "", "  ", " your ", " the new old ", " a b c d "]),
        _JS_WORD,
    ),
    st.tuples(
        _spellings(["browser does not support", "browser doesn't support", "noscript"]),
        _spellings(["unsupported browser"]),
        _GAPS,
    ),
).map("".join)


@settings(max_examples=1500)
@given(st.lists(st.one_of(_JAVASCRIPT_LINES, st.sampled_from(_JAVASCRIPT_NOISE)), max_size=4))
def test_lines_javascript_tries_match_as_the_alternation(pieces: list[str]) -> None:
    text = "".join(pieces).casefold()  # (the rules read case-folded lines: _normalise)
    found = re.search(f"(?:{JAVASCRIPT_PATTERN})", text)
    assert (found is None) == (re.search(_JAVASCRIPT_REFERENCE, text, re.IGNORECASE) is None)


def test_lines_javascript_letters_match_as_ignorecase_does() -> None:
    every = "".join(map(chr, range(0x110000)))
    chars = {c for word in _JAVASCRIPT_WORDS for c in word if c not in " '"}
    for char in sorted(chars):
        expected = re.findall(re.escape(char), every, re.IGNORECASE)
        assert re.findall(either_case(char), every) == expected, char


@pytest.mark.parametrize(
    ("line", "javascript"),
    [
        ("Please enable JavaScript to view the comments.", True),
        ("Bitte aktivieren Sie JavaScript in Ihrem Browser.", True),
        ("JavaScript est désactivé dans votre navigateur.", True),
        ("Your browser doesn't support this video.", True),
        ("JavaScript was written in ten days, it is said.", False),
        ("She activated the alarm before leaving.", False),
    ],
)
def test_lines_javascript_notice(line: str, javascript: bool) -> None:
    assert (Hint.JAVASCRIPT in classify(line)) is javascript


_LETTER_PIECES = [
    *("a", "B", "ß", "SS", "ss", "ﬁ", "FI", "İ", "i̇", "ı", "Σ", "ς", "σ", "é", "É", "1", "٣"),
    *(" ", "“", "”", "'", "_", "-", ".", "\u0345", "ι", "photo", "Photo:", "A man", "a man."),
]


@settings(max_examples=1000)
@given(
    st.lists(st.sampled_from(_LETTER_PIECES), max_size=12).map("".join),
    st.lists(st.sampled_from(_LETTER_PIECES), max_size=12).map("".join),
)
def test_scoring_same_letters_is_the_letters_compared(text: str, other: str) -> None:
    for a, b in ((text, other), (text, text + "."), ("“" + text, text.upper())):
        assert _same_letters(a, b) == (_letters(a) == _letters(b)), (a, b)


@pytest.mark.parametrize(
    ("text", "other", "same"),
    [
        ("A man on a bridge at dawn", "“A MAN ON A BRIDGE AT DAWN.”", True),
        ("Die Straße im Regen", "DIE STRASSE IM REGEN", True),
        ("A man on a bridge at dawn", "A man on a bridge at dusk", False),
        ("Photo: a man on a bridge", "a man on a bridge", False),
    ],
)
def test_scoring_same_letters_examples(text: str, other: str, same: bool) -> None:
    assert _same_letters(text, other) is same
