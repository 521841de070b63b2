"""Tests of the fast credit pre-tests of the raw-text caption pass: each gives the result of
the straightforward computation it replaces (``credit_candidates`` against
``may_hold_credit`` line by line, ``_may_hold_credit`` against its earlier form that
folded the case of every tail, ``_has_label`` and ``_label_anchors`` against scanning
``LABEL_RE`` and ``_LABEL_ANCHOR_RE`` at every position), on generated texts built to
reach every route, and the character facts their shortcuts rely on hold for every
character."""

from __future__ import annotations

import random
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.options import TextScoringConfig
from articlekit.patterns import credit_candidates, credits, may_hold_credit, split_caption
from articlekit.scoring import text as stx
from articlekit.tokens.types import Token, TokenKind

# Pieces of captions and prose, in several languages: labels in odd cases and spacing,
# "by" and "copyright" forms, brackets, bars, slashes, " via " / " for " with any
# whitespace, known credits (also with characters that fold into their letters),
# sentence ends, and characters whose case rules are special.
_PIECES = (
    "Photo", "photos", "PHOTO", "Bild", "bild", "Foto", "Crédit photo", "Crédit\tphoto",
    "Photo credits", "Фото", "Φωτογραφία", "Fotoğraf", "Quelle", "Images", "İmage", "ſource",
    "Copyright", "COPYRİGHT", "copyright", "(c)", "(C)", "©", ":", " :", "  :", "by", "By",
    "bY", " by ", "nearby", "baby", "Byron", "lyric", " ", "  ", "\t", "\n", "\xa0", ".",
    "!", "?", "»", "”", ")", "）", "(", "|", " | ", "/", " / ", "＝", "＝共同", "撮影",
    " via ", " VIA ", " Via\n", " for ", " FOR ", "\tfor\t", " fOr ", "for", "via",
    "Reuters", "REUTERS", "reuterſ", "Preß", "dpa", "AFP", "Getty Images", "getty images",
    "KYODO", "iﬆockphoto", "ﬁle", "Supplied", "연합뉴스", "新华社", "AP/File", "picture-alliance",
    "Jane Roe", "jane", "Max Muster", "the", "harbour", "waited", "hours", "Hafen", "im",
    "Berlin", "2024", "x", "word", "a", "ǰ", "ẚ", "\u212aYODO", "\x00",
)  # fmt: skip

_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))


@settings(max_examples=300)
@given(st.lists(_TEXTS, max_size=12))
def test_credit_candidates_equal_the_pre_test_line_by_line(texts: list[str]) -> None:
    expected = [i for i, text in enumerate(texts) if may_hold_credit(text)]
    assert credit_candidates(texts) == expected
    assert set(credits._gate(texts)) >= set(expected)


def test_credit_candidates_on_many_random_pages_reach_every_route() -> None:
    """Many pages of random lines: the joined search equals the line-by-line pre-test,
    and the lines it passes take every route (else a route would go untested)."""
    rng = random.Random(7)
    passed = rejected = 0
    credits_found: set[str] = set()
    for _ in range(1_500):
        texts = [_random_text(rng) for _ in range(rng.randint(0, 20))]
        expected = [i for i, text in enumerate(texts) if may_hold_credit(text)]
        assert credit_candidates(texts) == expected, texts
        passed += len(expected)
        rejected += len(texts) - len(expected)
        for i in expected:
            credit = split_caption(texts[i]).credit
            if credit is not None:
                credits_found.add(_route(texts[i]))
    assert passed > 1_000
    assert rejected > 1_000
    assert credits_found >= {"bracket", "bar", "label", "after sentence"}


def _route(text: str) -> str:
    value = " ".join(text.split())[-credits.CREDIT_TAIL_CHARS :]
    if value.endswith((")", "）")) or "＝" in value:
        return "bracket"
    if "|" in value and credits.BAR_TAIL_RE.search(value):
        return "bar"
    if credits._has_label(value):
        return "label"
    return "after sentence"


def test_credit_candidates_keep_every_credit_shape_among_prose() -> None:
    prose = [
        "The committee met on Tuesday and agreed to review the budget next month.",
        "Der Ausschuss tagte am Dienstag und vertagte die Entscheidung auf den Herbst.",
        "Le comité s'est réuni mardi et a reporté sa décision à l'automne.",
        "Maybe the baby sleeps nearby tonight, written by nobody for now.",
        "Il a dit : « nous verrons » et il est parti.",
    ]
    shapes = [
        "Crowds gather on the square. REUTERS",
        "Crowds gather on the square.Reuters",
        "Menschen auf dem Platz. Jane Roe/dpa",
        "A boat on the lake. Jane Roe/Studio 54",  # a last word starting with a digit
        "Gente en la plaza. Foto  : Juan Pérez",
        "Folla in piazza (Foto: Mario Rossi/Ansa)",
        "People on the square | Jane Roe",
        "People on the square. Jane Roe\tFOR The Example Times",
        "Boote im Hafen Photos\nby Jane Roe",
        "A harbour at dawn. Copyright Jane Roe",
        "Ein Boot im Hafen. REUTERſ",  # "ſ" folds to "s": the ending is "reuters"
        "港の様子（山田太郎撮影）  ",
    ]
    texts = prose + shapes
    found = credit_candidates(texts)
    assert found == list(range(len(prose), len(texts)))
    assert all(split_caption(texts[i]).credit for i in found)


def test_credit_candidates_of_no_texts_and_texts_holding_a_nul() -> None:
    assert credit_candidates([]) == []
    texts = ["A boat.\x00Photo: Jane Roe", "Plain prose.\x00", "\x00", "Photo: Jane Roe"]
    assert credit_candidates(texts) == [i for i, t in enumerate(texts) if may_hold_credit(t)]


def _may_hold_credit_reference(tail: str) -> bool:
    """``_may_hold_credit`` as it was before: the tail's case folded for every line."""
    if tail.endswith((")", "）")) or "＝" in tail:
        return True
    if "|" in tail and credits.BAR_TAIL_RE.search(tail) is not None:
        return True
    folded = tail.casefold()
    if (
        ":" in tail or "©" in tail or "by" in folded or "(c)" in folded or "copyright" in folded
    ) and credits.LABEL_RE.search(tail):
        return True
    if "/" in tail or " via " in folded or " for " in folded or credits._known_credit_end(folded):
        return credits._credit_after_sentence(tail)
    return False


@settings(max_examples=500)
@given(_TEXTS)
def test_credit_pre_test_equals_its_case_folding_form(text: str) -> None:
    tail = " ".join(text.split())[-credits.CREDIT_TAIL_CHARS :]
    if tail:
        assert credits._may_hold_credit(tail) is _may_hold_credit_reference(tail)


@settings(max_examples=500)
@given(_TEXTS)
def test_label_search_from_anchors_equals_scanning_every_position(text: str) -> None:
    anchors = [m.span() for m in credits._LABEL_ANCHOR_RE.finditer(text)]
    assert credits._label_anchors(text) == anchors
    assert credits._has_label(text) is (credits.LABEL_RE.search(text) is not None)
    assert [m.span() for m in credits._labels(text)] == [
        m.span() for m in credits.LABEL_RE.finditer(text)
    ]


def _all_characters() -> list[str]:
    return [chr(code) for code in range(sys.maxunicode + 1)]


def test_word_anchor_letters_match_their_ascii_cases_only() -> None:
    """``re.IGNORECASE`` matches "b", "y", "r" and "c" (the letters of the word anchors
    looked for by substring and of the backward "by" / "copyright" needles, whose first
    letter is taken in its two cases) to nothing but their two ASCII cases."""
    letters = re.compile("[bcry]", re.IGNORECASE)
    assert [ch for ch in _all_characters() if letters.fullmatch(ch)] == list("BCRYbcry")


def test_fold_marks_are_every_character_folding_to_y_or_a_bracket() -> None:
    found = [ch for ch in _all_characters() if {"y", "("} & set(ch.casefold())]
    assert sorted(found) == sorted(credits._FOLD_MARKS)


def test_no_other_character_folds_into_a_part_of_via_or_for() -> None:
    """The needles " via " and " for " are found in a case-folded text only where its ASCII letters
    spell them (``_SIGNAL_NEEDLES``): no other character's fold overlaps either needle
    with matching characters."""
    needles = (" via ", " for ")
    letters = set("".join(needles))
    for ch in _all_characters():
        folded = ch.casefold()
        if not letters & set(folded) or (ch.isascii() and folded in "viafor "):
            continue  # no character in common: no overlap
        for needle in needles:
            for shift in range(-len(folded) + 1, len(needle)):
                pairs = [
                    (folded[k], needle[k + shift])
                    for k in range(len(folded))
                    if 0 <= k + shift < len(needle)
                ]
                assert not all(a == b for a, b in pairs), (ch, needle)


def test_odd_folds_are_every_character_folding_into_a_known_ending() -> None:
    alphabet = set("".join(credits._WORD_ENDS))
    odd = [
        ch
        for ch in _all_characters()
        if ch not in alphabet and set(ch.casefold()) & alphabet and not ch.isascii()
    ]
    assert "".join(odd) == credits._ODD_FOLDS
    # an ASCII character folds to its lower case, which the needle reads case-insensitively
    assert all(ch.casefold() == ch.lower() for ch in map(chr, range(128)))


def _page(
    texts: list[str], kinds: list[TokenKind] | None = None, run: tuple[int, int] | None = None
) -> stx._Page:
    tokens = tuple(
        Token(kind=kind, text=text, lines=(n + 1, n + 1))
        for n, (text, kind) in enumerate(
            zip(texts, kinds or [TokenKind.PARAGRAPH] * len(texts), strict=True)
        )
    )
    hints = [frozenset[str]() for _ in tokens]
    start, end = run or (0, len(tokens) - 1)
    return stx._Page(tokens, hints, TextScoringConfig(), None, start, end, 0)


_KINDS = (TokenKind.PARAGRAPH, TokenKind.CAPTION, TokenKind.HEADING)


def test_page_captions_equal_each_line_split_on_its_own() -> None:
    """``_Page.caption`` settles the lines without a credit for the header's window and
    the body run on its first call; every line, inside that range or not, still gets
    what splitting it alone gives, whichever line is asked first."""
    rng = random.Random(5)
    for _ in range(300):
        above = rng.choice((0, 3, stx.TITLE_LOOKBACK + 4))  # lines above the run
        texts = [_random_text(rng) for _ in range(above + rng.randint(1, 12))]
        kinds = [rng.choice(_KINDS) for _ in texts]
        page = _page(texts, kinds, (above, rng.randrange(above, len(texts))))
        order = list(range(len(texts)))
        rng.shuffle(order)
        for i in order:
            expected = None
            if kinds[i] is not TokenKind.HEADING and texts[i] and may_hold_credit(texts[i]):
                parts = split_caption(texts[i])
                expected = None if parts.credit is None else (parts.caption, parts.credit)
            assert page.caption(i) == expected, texts[i]


def test_page_caption_reads_a_credit_after_prose_lines() -> None:
    page = _page(
        [
            "The harbour was quiet on Monday morning.",
            "Der Hafen war am Montagmorgen ruhig.",
            "Boats in the harbour. Photo: Jane Roe/Reuters",
            "Le port était calme lundi matin.",
        ]
    )
    assert [page.caption(i) for i in (3, 0, 2, 1)] == [
        None,
        None,
        ("Boats in the harbour.", "Jane Roe/Reuters"),
        None,
    ]
