"""Tests of the third round of raw-text speed work (line hints, line values, the body
loop): each shortcut must give what the plain computation it replaces gives."""

from __future__ import annotations

import dataclasses
import functools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import articlekit.patterns.lines as lines_module
import articlekit.scoring.text as stx
import articlekit.tokens.text as tt
from articlekit.patterns.lines import (
    _RULES,
    _TESTS,
    CASE_TWINS,
    DATA_WORDS,
    FOLDED_TWINS,
    Hint,
    _folded_letter,
    _folded_parts,
    _normalise,
    _normalise_collapsed,
    _Phrases,
    classify,
    classify_lines,
    has_hint,
)
from articlekit.tokens.text import tokenize_text
from articlekit.tokens.types import ImageRef, Token, TokenKind


def _consent_rule() -> int:
    (index,) = [i for i, rule in enumerate(_RULES) if rule.requires]
    return index


@functools.cache
def _folded_chars() -> str:
    """Every character case folding can produce (what a case-folded line is made of)."""
    return "".join(sorted({c for code in range(0x110000) for c in chr(code).casefold()}))


def test_folded_twins_are_the_only_other_cases_left_after_case_folding() -> None:
    # every character that case folding can produce, against each class of a data letter
    folded = set(_folded_chars())
    assert FOLDED_TWINS == "ı"
    letters = {c for word in DATA_WORDS.words for c in word if c not in " -"}
    for letter in letters:
        cases = {letter, letter.lower(), letter.upper(), *CASE_TWINS.get(letter.lower(), "")}
        left = {c for c in cases if len(c) == 1 and c in folded} - {letter}
        assert left <= set(FOLDED_TWINS), (letter, left)


def test_folded_parts_each_data_word_holds_one_and_no_dotted_letter() -> None:
    parts = _folded_parts(DATA_WORDS)
    assert 0 < len(parts) < len(DATA_WORDS.words)
    for word in DATA_WORDS.words:
        assert any(part in word for part in parts), word
        # the dotless ı may stand for any "i" of the word: no part holds one
    assert not any("i" in part for part in parts)


_CONSENT_PIECES = [
    *DATA_WORDS.words, "we accept", "Accept", "ACCEPT ", "consent", "Zustimmung ",
    "ı", "İ", "I", "DATA", "Third-Party", "prıvacy", "PRİVACY", "trackıng", "council",
    "partial", "social", " ", ". ", "x", "-", "s",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_CONSENT_PIECES), max_size=7).map("".join))
@example("We accept: prıvacy. Trackıng")
@example("Zustimmung zu DRİTTANBİETER und thırd-party")
def test_consent_rule_gate_changes_no_answer(text: str) -> None:
    # the pattern alone, on the normalised line, against the gated test classify runs
    index = _consent_rule()
    line = _normalise(text)
    plain = _RULES[index].pattern.match(line) is not None
    assert (_TESTS[index][1](line) is not None) == plain, line
    expected = classify(text)
    assert (Hint.COOKIE in expected) == has_hint(text, Hint.COOKIE)
    assert classify_lines([text, text.upper()]) == [expected, classify(text.upper())]


def _is_media_title(tokens: tuple[Token, ...], hints: list[frozenset[str]], i: int) -> bool:
    """The former per-token test: a placeholder, or a short line right before one."""
    if "javascript" in hints[i]:
        return True
    following = i + 1
    return (
        following < len(tokens)
        and "javascript" in hints[following]
        and len(tokens[i].text) <= stx.MAX_HEADING_CHARS
    )


_MEDIA_HINTS = [frozenset(), frozenset({"javascript"}), frozenset({"share", "javascript"})]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "Video", "x" * 120, "y" * 121]), st.sampled_from(_MEDIA_HINTS)
        ),
        max_size=8,
    )
)
def test_media_titles_are_the_tokens_the_per_token_test_finds(
    pairs: list[tuple[str, frozenset[str]]],
) -> None:
    tokens = tuple(Token(kind=TokenKind.PARAGRAPH, text=text) for text, _ in pairs)
    hints = [hint for _, hint in pairs]
    expected = {i for i in range(len(tokens)) if _is_media_title(tokens, hints, i)}
    assert stx._media_titles(tokens, hints) == expected


# --- texts with collapsed whitespace: normalised without whitespace tests ---

_PIECES = [
    "Share", "share on Facebook", "Correction:", "the article was updated", "Edited by:",
    "cookies", "we share data with partners", "accept all", "Subscribe", "subscrıbe",
    "Lire aussi", "© 2024", "javascript is disabled", "Anzeige", "council", "•", "* ", "— ",
    "[", "(", "|", ".", "’", "‘", "´", "`", "ß", "İ", "Über ", "„", " ", "x" * 599,
    "word " * 130,
]  # fmt: skip
_COLLAPSED = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5).map(
    lambda pieces: " ".join("".join(pieces).split())
)


@settings(max_examples=300)
@given(_COLLAPSED)
def test_normalise_collapsed_is_normalise_on_collapsed_text(text: str) -> None:
    assert _normalise_collapsed(text) == _normalise(text)


@settings(max_examples=150)
@given(st.lists(_COLLAPSED, max_size=8))
def test_classify_lines_on_collapsed_texts_is_classify(texts: list[str]) -> None:
    assert classify_lines(texts, collapsed=True) == [classify(text) for text in texts]


_SHAPES = [
    "", "", "A plain line of running text.", "and it goes on in lower case", "* Home",
    "1. First item", "# A heading", "> A quote", "a | b | c", "| x | y |", "a   b   c",
    "one\ttwo\tthree", "```", "var x = 1;", "function f(x) {", "}", "Title\u00a0line",
    "no\u00a0break", "wide\u3000space", "=====", "Share  on\tFacebook", "date 2025-02-04",
    "IFRAME: https://x.org", "https://x.org", "Home > News > World", "x " * 320, "fÃ¼r",
]  # fmt: skip
_INDENTS = st.sampled_from(["", " ", "   ", "\t", "\u00a0"])
_DUMPS = st.lists(st.tuples(_INDENTS, st.sampled_from(_SHAPES)).map("".join), max_size=30)


@settings(max_examples=300)
@given(_DUMPS.map("\n".join))
def test_tokens_outside_kept_whitespace_kinds_have_collapsed_text(text: str) -> None:
    # what _classify_all tells classify_lines about the texts of a text dump
    tokens = tokenize_text(text).tokens
    for token in tokens:
        if token.kind not in stx.KEPT_WHITESPACE_KINDS:
            assert " ".join(token.text.split()) == token.text, token
    expected = [classify(token.text) | token.hints for token in tokens]
    hints = stx._classify_all(tokens)
    extra = {stx.DOUBLED_HINT, stx.MARKUP_HINT, stx.INTERFACE_HINT, stx.REPEATED_HINT}
    assert [h - extra - {stx.GALLERY_HINT} for h in hints] == [h - extra for h in expected]


def test_breadcrumb_separator_marks_are_the_ones_the_tokenizer_tests() -> None:
    # tokenize_text looks for these characters before it runs BREADCRUMB_SEPARATOR
    marks = {chr(c) for c in range(0x10000) if tt.BREADCRUMB_SEPARATOR.search(f" {chr(c)} ")}
    assert marks == set("/>|\\»›→")
    for mark in sorted(marks):
        (token,) = tokenize_text(f"Home {mark} News {mark} World\n").tokens
        assert "breadcrumb" in token.hints, mark
        (token,) = tokenize_text(f"Home {mark} News {mark} Wörld\n").tokens
        assert "breadcrumb" in token.hints, mark


@given(st.text(st.sampled_from([*"ab .!?:;)]»\"'’。 \t\n\u00a0\u3000x"]), max_size=12))
def test_ends_sentence_is_the_pattern_searched_for(text: str) -> None:
    assert stx._ends_sentence(text) == (stx.SENTENCE_END.search(text) is not None)


def test_squashed_token_is_the_replaced_token_with_squashed_text() -> None:
    # _squashed builds the copy field by field (not with dataclasses.replace)
    image = ImageRef(src="a.jpg")
    for kind in TokenKind:
        token = Token(
            kind, " a  b\tc ", 3, (4, 5), 6, 2, 7, True, "h", image, (("x",),), frozenset({"y"})
        )
        expected = token if kind is TokenKind.PRE else dataclasses.replace(token, text="a b c")
        assert tt._squashed(token) == expected
        assert tt._squashed(expected) is expected


@given(
    st.sampled_from(list(TokenKind)),
    st.sampled_from(["", "Short label", "A sentence.", "x" * 121, "Wer kam?"]),
    st.integers(0, 3),
    st.integers(0, 3),
    st.booleans(),
)
def test_body_loop_calls_as_body_token_only_where_it_may_change_a_token(
    kind: TokenKind, text: str, level: int, para_indent: int, prose: bool
) -> None:
    # score_text keeps every other token as it is, without the call
    token = Token(kind, text, -1, (1, 1), level)
    if not (kind is TokenKind.PARAGRAPH and not prose):
        assert stx._as_body_token(token, prose, para_indent) is token


def test_folded_letters_match_in_folded_text_what_the_flag_matches() -> None:
    # every character case folding can produce, against each letter of every phrase list
    folded = _folded_chars()
    letters = {c for phrases in _phrase_lists() for word in phrases.words for c in word}
    for letter in sorted(letters):
        expected = re.findall(f"(?i:{re.escape(letter)})", folded)
        assert re.findall(_folded_letter(letter), folded) == expected, letter


def _phrase_lists() -> list[_Phrases]:
    return [value for value in vars(lines_module).values() if isinstance(value, _Phrases)]


_FLAGLESS_RULES = [i for i, rule in enumerate(_RULES) if not rule.pattern.flags & re.IGNORECASE]
_PHRASE_PIECES = [
    *(word for phrases in _phrase_lists() for word in phrases.words[::7]),
    "SUBSCRİBE", "Cookıes", "ſign up", "\u212aontakt", "İmpressum", "ı", "İ", "I", "K",
    " ", " | ", ". ", ": ", "x", "-", "news", "plus weiterlesen",
]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PHRASE_PIECES), max_size=6).map("".join))
@example("Jetzt registrieren | Cookıes")
@example("Accept all prıvacy settıngs")
def test_flagless_rules_match_a_folded_line_as_with_the_flag(text: str) -> None:
    # the tries are written for case-folded lines: there the flag would change nothing
    line = _normalise(text)
    for index in _FLAGLESS_RULES:
        pattern = _RULES[index].pattern
        flagged = re.compile(pattern.pattern, re.IGNORECASE)
        for method in ("match", "search", "fullmatch"):
            got, want = getattr(pattern, method)(line), getattr(flagged, method)(line)
            assert (got and got.span()) == (want and want.span()), (index, method, line)
