"""Raw-text speed, round 4: the fast paths give the results of the plain definitions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.patterns.language import _BY_WORD, SPACED_MARKS, WORD_RE, _count_words


def _reference_count(text: str) -> tuple[dict[str, int], int]:
    """The definition: every word-pattern match, case-folded alone, in text order."""
    words = [w.casefold() for w in WORD_RE.findall(text)]
    counts: dict[str, int] = {}
    for word in words:
        if word in _BY_WORD:
            counts[word] = counts.get(word, 0) + 1
    return counts, len(words)


def test_language_marks_fold_to_themselves_and_nothing_folds_to_one() -> None:
    # what _count_words relies on when it spaces the marks before folding the case
    marks = set(SPACED_MARKS)
    assert all(mark.casefold() == mark for mark in marks)
    into = [chr(c) for c in range(0x110000) if chr(c) not in marks and marks & set(chr(c).casefold())]
    assert into == []


_MARKED = st.lists(
    st.sampled_from(
        [
            *"aeiou thdrns",
            *(" ", "\n", "“", "”", "„", "’", "«", "»", "—", "–", "…", "-", ",", ".", "(", "2"),
            *("ß", "ẞ", "İ", "ı", "ſ", "\u212a", "ﬁ", "Ä", "É", "é", "Σ", "ς", "\u0345"),
            *("The ", "DER ", " de ", "Und ", " LA ", "l'", "x" * 39, "Y" * 41, "Straße"),
            *("“the”", "(Die)", "«le»", "—och—", "il…", "ET,", "ﬁn", "\u212aind", "ſie"),
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_MARKED)
def test_language_count_words_with_marks_matches_the_definition(text: str) -> None:
    # counts in first-occurrence order (the scores add up in it) and the word total
    counts, total = _count_words(text)
    expected, expected_total = _reference_count(text)
    assert list(counts.items()) == list(expected.items())
    assert total == expected_total


def test_language_count_words_reads_words_between_typographic_marks() -> None:
    texts = {
        "en": "“The cat,” she said — and the dog… (THE end)",
        "de": "„Die Katze“, sagte sie – und der Hund «ÜBER» die Straße",
        "fr": "«Le chat» — et le chien… c’est LA fin",
    }
    for text in texts.values():
        counts, total = _count_words(text)
        assert (counts, total) == _reference_count(text)
        assert total == len(re.findall(r"[^\W\d_]+", text))
