"""Tests of articlekit.patterns._needles: word pre-tests that stand in for patterns."""

from __future__ import annotations

import random
import re
import sys

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from articlekit.metadata import _scan as clue_scan
from articlekit.metadata import visible
from articlekit.patterns import dates, language, persons
from articlekit.patterns._needles import holds, literal_screen, lowered, may_hold, utf8_leads
from articlekit.scoring import html as html_scoring
from articlekit.scoring import text as text_scoring
from articlekit.tokens import html as html_tokens

PAIRS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (persons.PICTURE_OF_RE, persons._PICTURE_NEEDLES),
    (persons.STOP_RE, persons._STOP_NEEDLES),
    (persons.STATUS_RE, persons._STATUS_NEEDLES),
    (persons.FOLLOW_RE, persons._FOLLOW_NEEDLES),
    *zip(dates.RELATIVE_RES, dates._RELATIVE_NEEDLES, strict=True),
    (dates.DAY_WORD_RE, dates._DAY_WORDS),
    (dates.HIER_RE, ("hier",)),
)

PHRASES = (
    "Foto von Jane Roe", "Autorenprofilbild von", "Picture of the writer", "Edited by",
    "Übersetzung: Max", "traduit par", "Published", "Zuletzt aktualisiert", "mis à jour",
    "Veröffentlicht", "just now", "3 hours ago", "vor 2 Stunden", "il y a 3 jours",
    "hace 2 horas", "há 3 dias", "för 2 dagar sedan", "for 2 dage siden", "gestern",
    "aujourd'hui", "i dag", "Hier à 10h", "Follow", "Følg", "see all articles", "Profil",
    "Jane Roe", "Stand: 4. Februar", "Folgen", "un minuto fa", "2 uur geleden",
)  # fmt: skip
ODD_LETTERS = {"i": ("ı", "İ", "I"), "s": ("ſ", "S"), "k": ("K", "K")}


def _variant(rng: random.Random, text: str) -> str:
    out = []
    for ch in text:
        roll = rng.random()
        if roll < 0.2 and ch.lower() in ODD_LETTERS:
            out.append(rng.choice(ODD_LETTERS[ch.lower()]))
        elif roll < 0.5:
            out.append(ch.swapcase())
        else:
            out.append(ch)
    return "".join(out)


def test_needles_are_in_every_match_whatever_the_case() -> None:
    """A line the pattern matches always holds one of its needles in ``lowered`` form,
    letters the pattern engine folds specially ("İ", "ı", "ſ", the Kelvin sign) included."""
    rng = random.Random(11)
    matched = 0
    for _ in range(4000):
        text = " ".join(_variant(rng, rng.choice(PHRASES)) for _ in range(rng.randint(1, 3)))
        low = lowered(text)
        for pattern, needles in PAIRS:
            if pattern.search(text) is not None:
                matched += 1
                assert holds(low, needles), (pattern.pattern[:40], text)
    assert matched > 2000


def test_lowered_folds_like_the_pattern_engine() -> None:
    assert lowered("İSTANBUL Straße") == "istanbul straße"
    assert lowered("ſtand") == "stand"
    assert lowered("KELVIN") == "kelvin"
    assert holds(lowered("Vor 3 Stunden"), ("vor",))
    assert not holds(lowered("Jane Roe"), persons._STATUS_NEEDLES)


WORD_PAIRS: tuple[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        html_tokens.SCREEN_READER_CLASS,
        html_tokens.SCREEN_READER_WORDS,
        html_tokens.SCREEN_READER_NEEDLES,
    ),
    (html_tokens.CAPTION_CLASS, html_tokens.CAPTION_WORDS, html_tokens.CAPTION_NEEDLES),
    (clue_scan.DATE_RE, clue_scan.DATE_WORDS, clue_scan.DATE_NEEDLES),
    (visible.REGION_RE, visible.REGION_NEEDLES, visible.REGION_NEEDLES),
    (visible.CONTENT_RE, ("h-?entry", "h-?feed"), visible.CONTENT_NEEDLES),
    (
        html_scoring.TAXONOMY_CLASS,
        tuple(f"{word}[-_][a-z0-9-]{{1,8}}" for word in html_scoring.TAXONOMY_WORDS),
        html_scoring.TAXONOMY_NEEDLES,
    ),
)
"""Lower-cased class patterns, the words (regexes) they are made of, and their needles."""


_OTHER_CLASS = st.from_regex(re.compile(r"[a-z0-9_-]{0,12}"), fullmatch=True)
"""Another lower-case class beside the one a pattern matches."""


@settings(max_examples=30, phases=(Phase.explicit, Phase.generate))  # (each: every word)
@given(st.data())
def test_needles_are_in_every_match_of_every_word(data: st.DataObject) -> None:
    """Each alternative of each class pattern, generated between other classes, holds
    one of the pattern's needles (every word of every pair, in each example)."""
    for pattern, words, needles in WORD_PAIRS:
        for word in words:
            match = data.draw(st.from_regex(word, fullmatch=True))
            classes = " ".join((data.draw(_OTHER_CLASS), match, data.draw(_OTHER_CLASS)))
            assert pattern.search(classes), (pattern.pattern[:40], classes)
            assert holds(classes, needles), (word, classes)


# --- UTF-8 first bytes: the pre-test of character-class scans ----------------------------

LEAD_PAIRS: tuple[tuple[re.Pattern[str], bytes], ...] = (
    (language.SCRIPT_LETTER_RE, language._SCRIPT_LEADS),
    (text_scoring.CJK_RE, text_scoring.CJK_LEADS),
)
"""Each character class searched for over long texts, and the first bytes ``may_hold``
is given for it."""


def test_the_leads_are_the_first_bytes_of_every_character_of_the_class() -> None:
    for pattern, leads in LEAD_PAIRS:
        # (both classes are in the Basic Multilingual Plane)
        members = [chr(cp) for cp in range(0x80, 0x10000) if pattern.match(chr(cp))]
        assert len(members) > 1000, pattern.pattern
        first = {ch.encode("utf-8", "surrogatepass")[0] for ch in members}
        assert set(leads) == first, pattern.pattern  # all of them, and no other
        assert all(may_hold(f"x {ch} y", leads) for ch in members), pattern.pattern


def test_utf8_leads_reads_every_block_a_range_touches() -> None:
    ranges = ((0x80, 0x80), (0x7BF, 0x801), (0xFFF, 0x1000), (0x10000, 0x10000))
    assert utf8_leads(ranges) == bytes([0xC2, 0xDE, 0xDF, 0xE0, 0xE1, 0xF0])
    with pytest.raises(ValueError, match="below U\\+0080"):
        utf8_leads([(0x41, 0x100)])


@settings(max_examples=300)
@given(st.text(st.characters(codec="utf-8") | st.characters(categories=["Cs"]), max_size=60))
def test_may_hold_is_true_whenever_the_class_is_found(text: str) -> None:
    for pattern, leads in LEAD_PAIRS:
        if pattern.search(text) is not None:
            assert may_hold(text, leads), (pattern.pattern, text)


def test_may_hold_says_no_for_latin_text_with_typographic_marks() -> None:
    text = "Ein „Zitat“ – mit Café, naïve, Łódź, € 5 und ’Apostroph’ … ✓"
    for pattern, leads in LEAD_PAIRS:
        assert pattern.search(text) is None
        assert not may_hold(text, leads)
    assert may_hold(text + "日本", text_scoring.CJK_LEADS)
    assert may_hold(text + "Ελλάδα", language._SCRIPT_LEADS)


# --- one scan for many literals ----------------------------------------------------------

_SCREEN_ALPHABET = "ab.\\|()[]{}^$*+?#&-~ <>\"'/%©ü’\x00\n日🙂"
"""Letters, every character that is syntax in one regex dialect or another, NUL, a
line break, Latin-1, BMP and astral letters: what a literal may be made of."""

_LITERAL = st.text(st.sampled_from(_SCREEN_ALPHABET), min_size=1, max_size=4)


@settings(max_examples=300)
@given(
    st.lists(_LITERAL, min_size=1, max_size=6),
    st.text(st.sampled_from(_SCREEN_ALPHABET) | st.just("\ud800"), max_size=40),
    st.data(),
)
def test_literal_screen_answers_as_testing_each_literal(
    literals: list[str], text: str, data: st.DataObject
) -> None:
    screen = literal_screen(literals)
    assert screen is not None
    inside = data.draw(st.sampled_from(literals))
    spot = data.draw(st.integers(0, len(text)))
    for page in (text, text[:spot] + inside + text[spot:]):
        held = any(literal in page for literal in literals)
        if "\ud800" in page:  # no UTF-8 form: the screen cannot tell, and says maybe
            assert screen(page), (literals, page)
        else:
            assert screen(page) == held, (literals, page)


def test_literal_screen_says_maybe_for_a_text_it_cannot_read() -> None:
    screen = literal_screen(["needle"])
    assert screen is not None
    assert not screen("hay stack")
    assert screen("hay \ud800 stack")  # no UTF-8 form: it cannot tell, it says maybe
    assert literal_screen(["needle\udc00"]) is None  # nor can it look for a surrogate
    assert not screen("x" * 300_000)  # the whole text is read
    assert screen("x" * 300_000 + "needle")


def test_literal_screen_leaves_the_text_object_as_it_was() -> None:
    """The engine reads a UTF-8 copy: the caller's ``str`` does not get (and keep) a
    cached UTF-8 form of itself, as it would if the engine were given the object."""
    screen = literal_screen(["needle"])
    assert screen is not None
    text = "".join(["une page à lire ’ ", "x" * 5_000])  # not ASCII: no UTF-8 form yet
    size = sys.getsizeof(text)
    assert not screen(text)
    assert sys.getsizeof(text) == size


def test_literal_screen_is_none_where_it_cannot_decide() -> None:
    assert literal_screen([]) is None
    assert literal_screen(["needle", ""]) is None  # every text holds ""
