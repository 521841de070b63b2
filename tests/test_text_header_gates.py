"""The cheap gates of the raw-text header search give what the patterns they skip give."""

from __future__ import annotations

import random

from articlekit.scoring import text as st

PIECES = (" ", "  ", "\t", "|", "•", "·", "/", "-", "–", "—", ".", "(", ")", "[", "]",
          "img", "Jane", "Roe", "photo.jpg", "x.PNG", "by", "a", "2024")  # fmt: skip


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def test_field_separator_test_equals_the_pattern() -> None:
    found = 0
    for text in _random_texts(5, 20_000):
        expected = st.FIELD_SEPARATOR.search(text) is not None
        assert st._has_field_separator(text) is expected, text
        found += expected
    assert 2_000 < found < 18_000  # both answers occur


def test_residue_substitution_is_skipped_only_where_it_changes_nothing() -> None:
    changed = 0
    for text in _random_texts(7, 20_000):
        gate = "[" in text or "(" in text or st.BYLINE_FILE_NAME.match(text) is not None
        cleaned = st.BYLINE_RESIDUE.sub(" ", text)
        if not gate:
            assert cleaned == text, text
        changed += cleaned != text
    assert changed > 500


def test_may_name_is_the_parsers_gate() -> None:
    # a paragraph of running text, a lower-case menu and a one-capital line name no one
    assert not st._may_name("The ferry runs again from Monday, the operator said.")
    assert not st._may_name("desktop news sport")
    assert st._may_name("Jane Roe")
    assert st._may_name("By Jane Roe")
    assert st._byline_names("Weather | more news | sport and culture here today") == ()


def test_ascii_terms_equal_the_unicode_pattern() -> None:
    rng = random.Random(9)
    alphabet = "abcXYZ019_ -.,'\t"
    for _ in range(5_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))).casefold()
        assert st.ASCII_TERM_RE.findall(text) == st.TERM_RE.findall(text), text
    assert st._terms("Über die Fähre") == {"über", "fähre"}  # not ASCII: the full pattern
