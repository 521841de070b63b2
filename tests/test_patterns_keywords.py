"""``keyword_regex``: a first-character-grouped alternation matches exactly what the
flat alternation matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.patterns.keywords import keyword_regex

ALTERNATIVES = (
    "comment", "combx", r"share\b", "sharing", r"\bad-", r"-ad\b", r"\bads?\b", "advert",
    r"\bembed\b", "video-?player", "tags?\\b", "author(?!i)", "a11y", "x",
)  # fmt: skip
FLAT = re.compile("|".join(ALTERNATIVES))
GROUPED = keyword_regex(*ALTERNATIVES)


@pytest.mark.parametrize(
    "subject",
    [
        "", "ad", "ads", "bad-x", "x ad-slot", "the-ad", "thread", "embed", "xembed",
        "embedded", "share", "shared", "authority", "author-box", "video-player", "tags",
        "tagsx", "a11y-hidden", "c", "co", "comme",
    ],
)  # fmt: skip
def test_same_first_match_as_flat(subject: str) -> None:
    flat, grouped = FLAT.search(subject), GROUPED.search(subject)
    assert (flat and flat.span()) == (grouped and grouped.span())


@settings(max_examples=300)
@given(st.text(alphabet="abcdeghimnoprstvxy-_ 1", max_size=40))
def test_same_spans_on_any_class_string(subject: str) -> None:
    assert [m.span() for m in FLAT.finditer(subject)] == [
        m.span() for m in GROUPED.finditer(subject)
    ]


def test_groups_by_first_character() -> None:
    pattern = keyword_regex("comment", "cookie", "share").pattern
    assert pattern == "c(?:omment|ookie)|share"


@pytest.mark.parametrize("bad", ["", "(?:a|b)", "Comment", r"\b(?:x)", ".*"])
def test_rejects_alternatives_without_a_literal_start(bad: str) -> None:
    with pytest.raises(ValueError, match="lower-case literal"):
        keyword_regex(bad)
