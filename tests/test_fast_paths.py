"""Tests of the cheap pre-tests on the raw-text path: each must give the result of the
full computation it skips (they only decide whether that computation can find anything)."""

from __future__ import annotations

import datetime as dt
import math
import re
import string
from collections import Counter
from re import _constants as sre_constants  # the parse tree of a pattern
from re import _parser as sre_parser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit.scoring.text as stx
from articlekit.assemble import _drop_repeats, _Norms
from articlekit.options import TextScoringConfig
from articlekit.patterns import find_dates, may_hold_credit, split_caption
from articlekit.patterns.credits import _may_hold_credit
from articlekit.patterns.keywords import either_case
from articlekit.patterns.language import (
    _BY_WORD,
    _FOLDS_TO_LETTER,
    _SCRIPT_RANGES,
    EDGE_MARKS,
    SHARP_S,
    SPACED_MARKS,
    WORD_RE,
    _by_script,
    _by_stopwords,
    _count_words,
)
from articlekit.patterns.lines import (
    _APOSTROPHES,
    _LEAD_RE,
    _NEEDLE_RULES,
    _RULES,
    _SCAN_PASSES,
    _SCANS,
    AD_PHRASES,
    CASE_TWINS,
    CONSENT_WORDS,
    COOKIE_PATTERN,
    COOKIE_STEMS,
    COOKIE_WORDS,
    DATA_WORDS,
    FOOTER_PHRASES,
    MAX_LINE_CHARS,
    OPENING_CHARS,
    RELATED_PHRASES,
    RIGHTS_PATTERN,
    RIGHTS_WORDS,
    SHARE_WORDS,
    SKIP_PHRASES,
    SUBSCRIBE_PATTERN,
    SUBSCRIBE_STEMS,
    SUBSCRIBE_WORDS,
    Hint,
    _find,
    _needled,
    _normalise,
    _plain_apostrophes,
    _scan_passes,
    _scan_strings,
    classify,
    classify_lines,
    has_hint,
    prefix_pattern,
)
from articlekit.tokens.text import (
    LIST_MARKER,
    TABLE_CELL_GAP,
    _cell_gap,
    _may_start_list,
    tokenize_text,
)
from articlekit.tokens.types import ImageRef, Token, TokenKind


@pytest.mark.parametrize(
    "text",
    [
        "The committee met on Tuesday and agreed to review the budget next month.",
        "Der Ausschuss tagte am Dienstag und vertagte die Entscheidung auf den Herbst.",
        "Le comité s'est réuni mardi et a reporté sa décision à l'automne.",
    ],
)
def test_may_hold_credit_rejects_plain_sentences(text: str) -> None:
    assert not _may_hold_credit(text)
    parts = split_caption(text)
    assert parts.credit is None
    assert parts.caption == text


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Crowds gather on the square. Reuters", "Reuters"),  # known credit, no label
        ("Crowds gather on the square.Reuters", "Reuters"),  # glued to the sentence
        ("Menschen auf dem Platz. Jane Roe/dpa", "Jane Roe/dpa"),  # slash
        ("Gente en la plaza. Foto: Juan Pérez", "Juan Pérez"),  # label
        ("Folla in piazza (Foto: Mario Rossi/Ansa)", "Mario Rossi/Ansa"),  # brackets
        ("People on the square | Jane Roe", "Jane Roe"),  # bar
        ("People on the square. Jane Roe for The Example Times", "Jane Roe for The Example Times"),
    ],
)
def test_may_hold_credit_keeps_every_credit_shape(text: str, credit: str | None) -> None:
    assert _may_hold_credit(text)
    assert split_caption(text).credit == credit


def test_find_dates_without_digits_still_reads_relative_dates() -> None:
    now = dt.datetime(2025, 3, 4, 12, 0)
    assert find_dates("Published on the fourth of March") == ()
    found = find_dates("vor zwei Stunden aktualisiert", reference_time=now)
    assert [m.value for m in found] == [dt.datetime(2025, 3, 4, 10, 0)]
    assert find_dates("gestern", reference_time=now)[0].value == dt.date(2025, 3, 3)
    assert find_dates("2025-03-04")[0].value == dt.date(2025, 3, 4)
    # digits of other scripts are digits too: the pre-test lets them through
    wide = "\uff12\uff10\uff12\uff15-\uff10\uff13-\uff10\uff14"  # full-width digits
    assert find_dates(wide)[0].value == dt.date(2025, 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "İstanbul ve Ankara arasında yeni bir hızlı tren hattı açıldı ve bu çok önemli bir adım",
        "Η κυβέρνηση ανακοίνωσε ότι το νέο σχέδιο θα εφαρμοστεί από την Δευτέρα\u0345 και μετά",
        "Die Straße ist für den Verkehr gesperrt und die Polizei ist vor Ort, sagte der Sprecher",
        "The road is closed to traffic and the police are at the scene, the spokesman said",
    ],
)
def test_stopwords_fold_the_text_or_each_word_alike(text: str) -> None:
    # İ and ß fold to two characters and U+0345 to a letter: the per-word path is taken;
    # the result equals folding word by word either way
    words = re.findall(r"[^\W\d_]{1,40}", text)
    refolded = " ".join(w.casefold() for w in words)
    assert _by_stopwords(text) == _by_stopwords(refolded)


@pytest.mark.parametrize(
    ("line", "normalised"),
    [
        ("Share this article", "share this article"),
        ("  * [Advertisement]", "advertisement]"),
        ("\u00a0Zum Inhalt springen", "zum inhalt springen"),
        ("— Lire aussi", "lire aussi"),
    ],
)
def test_normalise_strips_leading_marks_only_when_present(line: str, normalised: str) -> None:
    assert _normalise(line) == normalised
    assert classify(line) == classify(normalised)


def test_tokenizer_squashes_only_tokens_with_other_whitespace() -> None:
    text = "A line\u00a0with a no-break space and a\ttab in it.\n\nA plain line of text here.\n"
    tokens = tokenize_text(text).tokens
    assert [t.text for t in tokens] == [
        "A line with a no-break space and a tab in it.",
        "A plain line of text here.",
    ]


def test_openings_rely_on_no_ascii_case_equivalents() -> None:
    # a line whose head is ASCII is skipped unless it starts with an opening: no phrase
    # character may match an ASCII character case-insensitively without being it
    for rule in _RULES:
        for opening in rule.openings:
            assert opening == opening.lower()
            assert len(opening) <= OPENING_CHARS
            for ch in opening:
                if ch.isascii():
                    continue
                ascii_twins = [
                    chr(c) for c in range(128) if re.fullmatch(re.escape(ch), chr(c), re.I)
                ]
                assert ascii_twins == [], (ch, ascii_twins)


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("Share", "share"),
        ("Share this article", "share"),
        ("She said the share price fell", None),
        ("Teilen", "share"),
        ("Partager sur Facebook", "share"),
        ("Anzeige", "advertisement"),
        ("Ads", "advertisement"),
        ("Adele sang", None),
        ("Mehr zum Thema:", "related"),
        ("Lire aussi", "related"),
        ("Impressum", "footer"),
        ("Abo", "footer"),
        ("About us", "footer"),
        ("Abolition of the tax", None),
    ],
)
def test_classify_four_character_openings(line: str, hint: str | None) -> None:
    found = {str(h) for h in classify(line)}
    if hint is None:
        assert not found & {"share", "advertisement", "related", "footer"}
    else:
        assert hint in found


@pytest.mark.parametrize(
    "text",
    [
        "Crowds gather on the square. Reuters",
        "Menschen auf dem Platz. Foto: Jane Roe",
        "Une foule sur la place (Photo: Jean Dupont/AFP)",
        "Una folla in piazza. Mario Rossi for Example News",
        "A quiet street in the old town at dawn.",
        "Eine ruhige Straße in der Altstadt am Morgen.",
        "",
    ],
)
def test_may_hold_credit_is_false_only_without_a_credit(text: str) -> None:
    if not may_hold_credit(text):
        assert split_caption(text).credit is None
    else:
        assert text  # an empty text never holds one


def test_drop_repeats_keeps_tokens_no_test_applies_to() -> None:
    heading = Token(kind=TokenKind.HEADING, text="The Headline")
    para = Token(kind=TokenKind.PARAGRAPH, text="The Headline")
    pic = Token(kind=TokenKind.FIGURE, text="A bridge", image=ImageRef(caption="A bridge"))
    tokens = (heading, para, pic, pic)
    # no summary: the paragraph stays, the heading repeating the title goes, one picture
    assert _drop_repeats(tokens, None, "the  headline", _Norms()) == (para, pic)
    # a summary equal to the paragraph removes it too
    assert _drop_repeats(tokens, "THE HEADLINE", None, _Norms()) == (pic,)


@pytest.mark.parametrize(
    "line",
    ["* item", "- item", "• item", "– item", "12. item", "3) item", "\u0663. item", "o item"],
)
def test_list_marker_pre_test_lets_every_marker_through(line: str) -> None:
    assert _may_start_list(line)
    indented = "   " + line
    if LIST_MARKER.match(indented):
        assert _may_start_list(indented.strip())


@pytest.mark.parametrize(
    ("text", "gap"),
    [("a\tb", True), ("Name   Value", True), ("a | b", True), ("a b c", False), ("a|b", False)],
)
def test_cell_gap_matches_the_pattern(text: str, gap: bool) -> None:
    assert _cell_gap(text) is gap
    assert (TABLE_CELL_GAP.search(text) is not None) is gap


def test_wrapped_dump_keeps_lists_urls_and_tables_apart() -> None:
    wide = "word " * 14  # lines filled to the dump's width: the next line continues them
    text = (
        f"  {wide}one\n  {wide}two\n  {wide}three.\n"
        "  * a list item after a full line\n"
        f"  {wide}four\n"
        "  https://example.org/a/link\n"
        f"  {wide}five\n"
        "  Name   Value   Other\n"
    )
    tokens = tokenize_text(text).tokens
    kinds = [t.kind for t in tokens]
    assert kinds[:2] == [TokenKind.PARAGRAPH, TokenKind.LIST_ITEM]
    assert tokens[0].lines == (1, 3)
    assert TokenKind.URL in kinds


DOCUMENT_LINES = [
    "Skip to content",
    "□ Menu",
    "“Subscribe,” she told the crowd, and they laughed.",
    "Newsletter",
    "Sign up for our newsletter",
    "The council met on Tuesday to discuss the new bridge over the river.",
    "ımpressum",  # dotless ı matches "i" when case is ignored
    "Ähnliche Artikel",
    "Datenschutzeinstellungen",
    "Wir verwenden Cookies, um Inhalte zu personalisieren.",
    "Cookies help us. Accept all",
    "Edited by: Jane Roe",
    "Redazione: Mario Rossi",
    "Correction: an earlier version misnamed the mayor.",
    "Fehler melden",
    "Please enable JavaScript to view the comments.",
    "© 2025 Example Media",
    "Alle Rechte vorbehalten",
    "Publicité",
    "Реклама",
    "Partager sur Facebook",
    "Lire aussi : la réforme des retraites",
    "",
    "sign",
    "up for more",
    "x",
    "Facebook Twitter E-Mail",
    "Nous utilisons des cookies et acceptez le traitement de vos données personnelles.",
    "Sie stimmen der Verarbeitung Ihrer personenbezogenen Daten zu, akzeptieren Sie?",
    "A" * 700 + " cookie",
    "b" * 250 + " subscribe",  # too long for the subscribe rule (its needles skip it)
    "Wir nutzen Cookies " + "c" * 300,  # long, but cookie prompts may be
    "Cookie",
    "Sign up\nfor our newsletter",  # a table or preformatted token holds newlines
    "Row one\tcookies\nRow two\tprivacy settings",
]


def test_classify_lines_is_classify_of_each_line() -> None:
    # needles found once in the joined lines, openings looked up, the START rules'
    # alternation: the result must be classify's, line by line, in any order of lines
    expected = [classify(line) for line in DOCUMENT_LINES]
    assert classify_lines(DOCUMENT_LINES) == expected
    assert classify_lines(DOCUMENT_LINES[::-1]) == expected[::-1]
    for line, hints in zip(DOCUMENT_LINES, expected, strict=True):
        assert classify_lines([line]) == [hints]


@pytest.mark.parametrize(
    ("lines", "indices", "hint"),
    [
        (["hello", "Subscribe now", "world"], {1}, Hint.SUBSCRIBE),
        (["Subscribe now", "hello", "world"], {0}, Hint.SUBSCRIBE),
        (["hello", "world", "Gestion des cookies"], {2}, Hint.COOKIE),
        (["Newsletter", "Newsletter abonnieren", "hello", "newsletter"], {0, 1, 3}, Hint.SUBSCRIBE),
        (["ımpressum", "hello"], {0}, Hint.FOOTER),
        (["Ähnliche Artikel", "hello"], {0}, Hint.RELATED),
        (["hello", "Redazione: Mario Rossi"], {1}, Hint.EDITORS),
    ],
)
def test_classify_lines_finds_each_hint_on_its_own_line(
    lines: list[str], indices: set[int], hint: Hint
) -> None:
    found = classify_lines(lines)
    assert [hint in hints for hints in found] == [k in indices for k in range(len(lines))]


def test_classify_lines_needles_do_not_join_lines() -> None:
    # "sign" ending one line and "up" starting the next are no "sign up"
    assert classify_lines(["Please sign", "up here"]) == [frozenset(), frozenset()]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("IFRAME: https://example.org/player", TokenKind.EMBED),
        ("iframe:https://example.org/player", TokenKind.EMBED),
        ("ıframe: https://example.org/player", TokenKind.EMBED),  # dotless ı ignoring case
        ("Embed: https://example.org/video", TokenKind.EMBED),
        ("FRAME: https://example.org/box", TokenKind.EMBED),
        ("Frames: many of them", TokenKind.PARAGRAPH),
        ("Inflation rose: prices up", TokenKind.PARAGRAPH),
        ("https://example.org/a/b", TokenKind.URL),
        ("<https://example.org/a/b>", TokenKind.URL),
        ("www.example.org", TokenKind.URL),
        ("<www.example.org>", TokenKind.URL),
        ("HTTPS://example.org", TokenKind.PARAGRAPH),  # URL_LINE minds case
        ("home of the week", TokenKind.PARAGRAPH),
    ],
)
def test_tokenizer_line_shape_pre_tests_keep_every_match(line: str, kind: TokenKind) -> None:
    tokens = tokenize_text(f"{line}\n").tokens
    assert [t.kind for t in tokens] == [kind]


@pytest.mark.parametrize(
    ("line", "breadcrumb"),
    [
        ("Home > News > World", True),
        ("Startseite / Politik / Ausland", True),
        ("Vous êtes ici : Accueil > Monde > Europe", True),
        ("Sie sind hier: Start » Sport » Fußball", True),
        ("Sie sind hier: Start", False),
        ("Jane Roe / Example Times / May 2, 2024", False),
        ("A long line about home, news and the world", False),
    ],
)
def test_tokenizer_breadcrumb_pre_test(line: str, breadcrumb: bool) -> None:
    (token,) = tokenize_text(f"{line}\n").tokens
    assert ("breadcrumb" in token.hints) is breadcrumb


@pytest.mark.parametrize(
    "text",
    [
        "“The cat,” she said (and the dog) — it was the end.",
        "Die Katze, sagte sie, ist die beste; und der Hund?",
        "l'article de la semaine, c'est-à-dire «le» meilleur…",
        "El perro y el gato: ¡qué día! ¿Y tú?",
        "x² the of and ½ de 2024 the_end a" + "b" * 85 + " de",
        "CO2-Ausstoß und die Straße; die",
        "Il gatto è sul tavolo, e il cane... anche.",
    ],
)
def test_count_words_is_the_word_pattern_count(text: str) -> None:
    # per whitespace chunk, a chunk of letters is one word: the same counts as the regex
    for source in (text, text.casefold(), text.upper()):
        assert _count_words(source) == _reference_count(source)


def _reference_count(text: str) -> tuple[dict[str, int], int]:
    """The definition: every word-pattern match, case-folded alone, in text order."""
    words = [w.casefold() for w in WORD_RE.findall(text)]
    counts: dict[str, int] = {}
    for word in words:
        if word in _BY_WORD:
            counts[word] = counts.get(word, 0) + 1
    return counts, len(words)


_WORDY = st.lists(
    st.sampled_from(
        [
            *"aeiou thdrns",
            *(" ", "  ", "\n", ",", ".", "(", "'", "-", "_", "2", "²", "½", "¿", "«", "—", "#"),
            *("ß", "ẞ", "İ", "\u0345", "ﬁ", "Ä", "É", "é", "x" * 39, "y" * 41, "ß" * 20),
            *("the ", "der ", " de ", "Und ", " la ", "l'", "a7", "1990er", " o2 ", "\u200bthe"),
        ]
    ),
    max_size=80,
).map("".join)


def _assert_counts_as_defined(text: str) -> None:
    """``_count_words`` gives the definition's counts in first-occurrence order (the
    scores add up in it) and its word total."""
    counts, total = _count_words(text)
    expected, expected_total = _reference_count(text)
    assert list(counts.items()) == list(expected.items())
    assert total == expected_total


@settings(max_examples=400)
@given(_WORDY)
def test_count_words_fast_paths_match_the_definition(text: str) -> None:
    _assert_counts_as_defined(text)


# typographic marks, spaced before the case is folded (_count_words)
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


@settings(max_examples=500)
@given(_MARKED)
def test_language_count_words_with_marks_matches_the_definition(text: str) -> None:
    _assert_counts_as_defined(text)


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


def test_case_folding_keeps_each_character_of_its_kind() -> None:
    # what the folded-text path of _count_words relies on: a character that folds to
    # one character folds to one of its kind (a word character or not), but U+0345;
    # the sharp s folds to two letters; no stop word holds the iota U+0345 folds to
    letter = re.compile(r"[^\W\d_]")
    odd = []
    for code in range(0x110000):
        ch = chr(code)
        folded = ch.casefold()
        if len(folded) == 1 and bool(letter.match(ch)) != bool(letter.match(folded)):
            odd.append(ch)
    assert odd == [_FOLDS_TO_LETTER]
    assert all(ch.casefold() == "ss" for ch in SHARP_S)
    assert not any(_FOLDS_TO_LETTER.casefold() in word for word in _BY_WORD)
    assert not any(letter.match(mark) for mark in SPACED_MARKS)
    assert set(EDGE_MARKS) <= set(SPACED_MARKS)


def _reference_by_script(text: str) -> str | None:
    """The script decision read character by character (the definition)."""
    letters = sum(1 for ch in text if re.match(r"[^\W\d_]", ch))
    counts: dict[str, int] = {}  # in the order of each script's first character
    for ch in text:
        for name, low, high in _SCRIPT_RANGES:
            if low <= ord(ch) <= high:
                counts[name] = counts.get(name, 0) + 1
                break
    if sum(counts.values()) < 10 or letters == 0:
        return None
    japanese = counts.get("hiragana", 0) + counts.get("katakana", 0)
    cjk = japanese + counts.get("han", 0)
    if cjk >= 10 and cjk / letters >= 0.3:
        return "ja" if japanese >= 0.15 * cjk else "zh"
    best = max(counts, key=lambda k: counts[k])
    if counts[best] < 10 or counts[best] / letters < 0.3:
        return None
    if best == "cyrillic":
        uk = sum(text.count(ch) for ch in "іїєґІЇЄҐ")
        ru = sum(text.count(ch) for ch in "ыэъёЫЭЪЁ")
        return "uk" if uk > ru else "ru"
    return {"greek": "el", "hebrew": "he", "arabic": "ar", "hangul": "ko"}.get(best)


_SCRIPTED = st.lists(
    st.sampled_from(
        [
            *"abc xyz ²½1.",
            *"пример текстаіїыэ",
            *"κείμενο",
            *"טקסט",
            *"نصّ\u0750ݐ",
            *"ひらがなカタカナ",
            *"한국어\u1100",
            *"漢字\u3400",
            "Слово ",
            "λέξη ",
            "מילה ",
            "كلمة ",
            "言葉 ",
            "단어 ",
            "word ",
            *(chr(code) for _, low, high in _SCRIPT_RANGES for code in (low, high)),
        ]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=400)
@given(_SCRIPTED)
def test_by_script_is_the_per_character_reading(text: str) -> None:
    assert _by_script(text) == _reference_by_script(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("λέξη " * 5 + "מילה " * 5, "el"),  # as many letters of each: the first wins
        ("מילה " * 5 + "λέξη " * 5, "he"),
        ("Слово " * 5 + "漢字" * 3, "ru"),
        ("ひらがな" * 2 + "漢字" * 5, "ja"),
        ("漢字" * 10 + "ひ", "zh"),
    ],
)
def test_by_script_ties_and_mixtures(text: str, lang: str) -> None:
    assert _by_script(text) == _reference_by_script(text) == lang


def _para(text: str, line: int, hints: frozenset[str] = frozenset()) -> Token:
    return Token(kind=TokenKind.PARAGRAPH, text=text, lines=(line, line), hints=hints)


def test_classify_all_hints_per_distinct_text_and_per_position() -> None:
    from articlekit.scoring.text import _classify_all  # noqa: PLC0415

    texts = [
        "Menu",
        "A quiet square in the old town at dawn",
        "A quiet square in the old town at dawn.",
        "Menu",
        "(BUTTON) [img]",
        "Menü",
        "Menu",
        "The council met on Tuesday and agreed to review the budget next month.",
        "Newsletter",
        "Home > News > World",
    ]
    tokens = tuple(
        _para(t, k, frozenset({"breadcrumb"}) if ">" in t else frozenset())
        for k, t in enumerate(texts, 1)
    )
    hints = _classify_all(tokens)
    assert [("repeated" in h) for h in hints] == [
        True, False, False, True, True, False, True, False, False, False,
    ]  # fmt: skip
    assert [("doubled" in h) for h in hints] == [
        False, True, True, False, False, False, False, False, False, False,
    ]  # fmt: skip
    assert "subscribe" in hints[8]
    assert "breadcrumb" in hints[9]
    # the same text gets the same per-text hints wherever it stands
    assert hints[0] == hints[3] == hints[6]


@pytest.mark.parametrize(
    ("line", "text", "link_chars"),
    [
        ("* [Weather](https://example.org/w) in Berlin", "Weather in Berlin", 7),
        ("- **Wetter** in Berlin", "Wetter in Berlin", 0),
        ("1. __Météo__ à Paris", "Météo à Paris", 0),
        ("• El tiempo en Madrid", "El tiempo en Madrid", 0),
        ("* snake_case stays", "snake_case stays", 0),
    ],
)
def test_list_item_markdown_gate_keeps_every_mark(line: str, text: str, link_chars: int) -> None:
    (token,) = tokenize_text(f"{line}\n").tokens
    assert token.kind is TokenKind.LIST_ITEM
    assert (token.text, token.link_chars) == (text, link_chars)


# --- raw-text hints: only the lines and texts a test can apply to are tested ---

_FRAGMENTS = [
    "Share", "share on facebook", "Correction:", "the article was updated", "Edited by:",
    "Redazione:", "Jane Roe", "Fehler melden", "was this article helpful", "cookies",
    "Privacy settings", "we share data with partners", "accept all", "Subscribe",
    "subscrıbe", "Newsletter", "sign up", "Lire aussi", "Ähnliche Artikel", "ımpressum",
    "About us", "© 2024", "Alle Rechte vorbehalten", "javascript is disabled", "Anzeige",
    "the", "council", "met on Tuesday", "Der Artikel wurde aktualisiert", "•", "* ", "— ",
    "private", "access", "the right", "description", "Rechnung", "consensus", "Реклама",
    "„", "Über ", "ſhare", "Édité par",
    " ", "  ", "\t", "\u00a0", "\n", "’", ".", ":", "|", "x" * 250, "word " * 130,
]  # fmt: skip
_LINES = st.lists(st.sampled_from(_FRAGMENTS), max_size=5).map("".join)


@settings(max_examples=150)
@given(st.lists(_LINES, max_size=10))
def test_classify_lines_is_classify_and_each_rule_on_generated_lines(lines: list[str]) -> None:
    # the opening and needle line finders may only skip lines no rule can match
    expected = [classify(line) for line in lines]
    assert classify_lines(lines) == expected
    for line, hints in zip(lines, expected, strict=True):
        assert set(hints) == {hint for hint in Hint if has_hint(line, hint)}, line


def _literal_heads(items: list[Any], head: str = "") -> set[str]:
    """The literal text each way through a parsed pattern starts with (cut after
    ``OPENING_CHARS`` characters or where anything but a literal comes; ``\\s`` read as
    the one space a normalised line has)."""
    for k, (op, av) in enumerate(items):
        if len(head) >= OPENING_CHARS:
            break
        rest = list(items[k + 1 :])
        if op is sre_constants.LITERAL:
            head += chr(av)
        elif op is sre_constants.IN and av == [
            (sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE)
        ]:
            head += " "
        elif op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av):
            lower = [c for c in sorted(chr(v) for _, v in av) if c.islower()]
            if not lower:
                break
            head += lower[0]  # a letter's cases, [Aa]
        elif op is sre_constants.IN and av == [
            (sre_constants.CATEGORY, sre_constants.CATEGORY_DIGIT)
        ]:
            head += "0"  # any digit
            break
        elif op is sre_constants.AT:
            continue  # ^, \b: take no character
        elif op is sre_constants.MAX_REPEAT and av[0] >= 1:
            return _literal_heads(list(av[2]), head)  # its first time through, then stop
        elif op is sre_constants.SUBPATTERN:
            return _literal_heads(list(av[3]) + rest, head)
        elif op is sre_constants.BRANCH:
            return set().union(*(_literal_heads(list(alt) + rest, head) for alt in av[1]))
        else:
            break
    return {head[:OPENING_CHARS]}


def test_openings_start_every_way_through_their_rule() -> None:
    # a rule with openings is skipped on ASCII lines starting with none of them: every
    # alternative of its pattern must start with one (the regex rules' openings are
    # written by hand)
    checked = 0
    for rule in _RULES:
        if not rule.openings:
            continue
        tree = sre_parser.parse(rule.pattern.pattern, rule.pattern.flags)
        heads = _literal_heads(list(tree))
        assert "" not in heads, rule.hint
        for head in heads:
            assert head.startswith(rule.openings), (rule.hint, head)
        checked += 1
    assert checked >= 8
    assert _literal_heads(list(sre_parser.parse(r"(?:this|the) story|update\s?:"))) == {
        "this",
        "the ",
        "upda",
    }


@given(
    st.sets(st.text("ab \n", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text("ab \n", max_size=24),
)
def test_prefix_pattern_matches_where_a_word_starts(words: set[str], text: str) -> None:
    pattern = re.compile(prefix_pattern(words))
    found = [pattern.match(text, i) is not None for i in range(len(text) + 1)]
    assert found == [text.startswith(tuple(words), i) for i in range(len(text) + 1)]


def _classify_all_reference(tokens: tuple[Token, ...]) -> list[frozenset[str]]:
    """``_classify_all`` token by token, every test on every text."""
    counts = Counter(t.text for t in tokens)
    out = []
    for token in tokens:
        text = token.text
        found = set(classify(text)) | token.hints if text else set(token.hints)
        first = next(t for t in tokens if t.text == text)
        if text and stx._doubled(text) is not None:
            found.add(stx.DOUBLED_HINT)
        if text and first.kind is TokenKind.PARAGRAPH and stx._markup(text):
            found.add(stx.MARKUP_HINT)
        if text and len(text) <= stx.MAX_INTERFACE_CHARS and stx.INTERFACE_LINE.match(text):
            found.add(stx.INTERFACE_HINT)
        if (
            text
            and len(text) <= stx.MAX_REPEATED_LINE_CHARS
            and (counts[text] >= stx.MIN_LINE_REPEATS or stx._residue_only(text))
        ):
            found.add(stx.REPEATED_HINT)
        out.append(found)
    for i in range(1, len(tokens)):
        a, b = tokens[i - 1], tokens[i]
        if (
            stx.MIN_PAIRED_CAPTION_CHARS <= len(b.text) <= stx.MAX_PAIRED_CAPTION_CHARS_MAX
            and abs(len(b.text) - len(a.text)) <= stx.MAX_PAIRED_CAPTION_DIFF
            and a.kind is b.kind is TokenKind.PARAGRAPH
            and stx._letters(a.text) == stx._letters(b.text)
        ):
            out[i - 1].add(stx.DOUBLED_HINT)
            out[i].add(stx.DOUBLED_HINT)
    for i in stx._gallery_slides(tokens):
        out[i].add(stx.GALLERY_HINT)
    return [frozenset(hints) for hints in out]


_TOKEN_TEXTS = [
    "", "Menu", "Menu", "(BUTTON) [img]", "[img]", "___", "Share on X", "5 min read",
    "Topics: politics", "A man on a bridge at dawn. A man on a bridge at dawn.",
    "A man on a bridge at dawn", "A man on a bridge at dawn.", "a man on a bridge at dawn!",
    "<math> <mrow> <mi> x </mi> </mrow> </math>", "a < b < c < d", "1/5 The harbour",
    "2/5 The quay", "3/5 The ships", "Newsletter", "Comments (12)", "Read more",
    "Related stories", "The council met on Tuesday and agreed to review the budget.",
    "Der Stadtrat tagte am Dienstag und vertagte die Entscheidung.  ",
    "東京で会議が開かれ、予算の見直しが決まりました。来月に再び議論する予定です。",
    "Short line", "A" * 90 + " ends without a stop",
]  # fmt: skip
_KINDS = [TokenKind.PARAGRAPH, TokenKind.HEADING, TokenKind.LIST_ITEM, TokenKind.QUOTE]
_TOKENS = st.lists(
    st.builds(
        Token,
        kind=st.sampled_from([*_KINDS, TokenKind.FIGURE, TokenKind.TABLE, TokenKind.PRE]),
        text=st.sampled_from(_TOKEN_TEXTS),
        hints=st.sampled_from([frozenset(), frozenset({"breadcrumb"}), frozenset({"related"})]),
        link_chars=st.integers(0, 5),
    ),
    max_size=14,
).map(tuple)


@settings(max_examples=150)
@given(_TOKENS)
def test_classify_all_is_every_test_on_every_token(tokens: tuple[Token, ...]) -> None:
    assert stx._classify_all(tokens) == _classify_all_reference(tokens)


def _prose_chars_reference(token: Token, config: TextScoringConfig) -> int:
    if token.kind not in (TokenKind.PARAGRAPH, TokenKind.QUOTE):
        return 0
    chars, words = stx._size(token.text)
    if (
        chars >= config.min_paragraph_chars
        and words >= config.min_sentence_words
        and stx.SENTENCE_END.search(token.text)
    ):
        return chars
    return 0


@settings(max_examples=150)
@given(_TOKENS)
def test_values_are_each_tokens_prose_and_value(tokens: tuple[Token, ...]) -> None:
    config = TextScoringConfig()
    hints = stx._classify_all(tokens)
    prose, values = stx._values(tokens, hints, config)
    assert prose == [_prose_chars_reference(t, config) for t in tokens]
    expected = [
        _token_value_reference(t, h, c) for t, h, c in zip(tokens, hints, prose, strict=True)
    ]
    assert values == expected


def _token_value_reference(token: Token, hint: frozenset[str], prose_chars: int) -> float:
    """``_token_value`` with the section-boundary test on the token itself."""
    if len(token.text) <= stx.SECTION_LABEL_MAX_CHARS and (
        "related" in hint or stx.COMMENTS_LABEL.match(token.text)
    ):
        return -stx.INLINE_LABEL_COST if stx.INLINE_RELATED.match(token.text) else -math.inf
    return stx._token_value(token, hint, prose_chars, False)  # not a boundary here


@pytest.mark.parametrize(
    "text",
    [
        "The council agreed to review the budget next month after a long debate.",
        "Der Rat vertagte die Entscheidung auf den Herbst, sagte die Sprecherin „heute“. ",
        "Le conseil a reporté sa décision à l'automne, après un long débat (AFP)\n",
        "El consejo aplazó la decisión hasta el otoño después de un largo debate sin fin",
        "東京で会議が開かれ、予算の見直しが決まりました。来月に再び議論する予定です。",
    ],
)
def test_prose_chars_sentence_end_at_the_last_character(text: str) -> None:
    config = TextScoringConfig()
    for kind in (TokenKind.PARAGRAPH, TokenKind.QUOTE, TokenKind.HEADING):
        token = Token(kind=kind, text=text)
        assert stx._prose_chars(token, config) == _prose_chars_reference(token, config)


def test_either_case_is_what_ignorecase_matches() -> None:
    # CASE_TWINS must hold every character besides the two cases that the flag matches
    every = "".join(map(chr, range(0x110000)))
    chars = set(string.ascii_letters + "éíÉ") | {c for o in stx.INTERFACE_OPENINGS for c in o}
    for phrases in (
        *(SKIP_PHRASES, AD_PHRASES, SHARE_WORDS, RELATED_PHRASES, FOOTER_PHRASES),
        *(SUBSCRIBE_WORDS, SUBSCRIBE_STEMS, COOKIE_WORDS, COOKIE_STEMS, RIGHTS_WORDS),
        *(CONSENT_WORDS, DATA_WORDS),
    ):
        chars |= {c for word in phrases.words for c in word if c != " "}
    for char in sorted(chars):
        expected = re.findall(re.escape(char), every, re.IGNORECASE)
        assert re.findall(either_case(char), every) == expected, char
        # and CASE_TWINS names every case but the two that the flag matches (_folded_parts)
        cases = {char, char.lower(), char.upper(), *CASE_TWINS.get(char.lower(), "")}
        assert set(expected) == {c for c in cases if len(c) == 1}, char


def test_interface_openings_start_every_way_through_the_pattern() -> None:
    tree = list(sre_parser.parse(stx.INTERFACE_LINE.pattern, stx.INTERFACE_LINE.flags))
    (at, _), (repeat, (low, high, item)) = tree[0], tree[1]
    assert at is sre_constants.AT
    assert repeat is sre_constants.MAX_REPEAT
    assert (low, high) == (0, stx.LINE_START_MARKS)
    assert list(item) == [
        (sre_constants.IN, [(sre_constants.CATEGORY, sre_constants.CATEGORY_NOT_WORD)])
    ]
    heads = _literal_heads(tree[2:])
    assert len(heads) > 30
    for head in heads:
        assert head[:1] == "0" or head.startswith(stx.INTERFACE_OPENINGS), head


_INTERFACE_PIECES = [
    "Share on ", "SHARE ON ", "ſhare on ", "İmage caption", "KLICK", "• ", "»» ", "“",
    "5 min read", "٣ min read", "Topics: ", "Listen to this article", "Lesezeit",
    "Écouter l'article", "the ", "x", " ", ":", "Go to", "gO tO", "\x00",
]  # fmt: skip
_INTERFACE_TEXTS = st.lists(st.sampled_from(_INTERFACE_PIECES), min_size=1, max_size=4).map("".join)


@given(st.lists(_INTERFACE_TEXTS, max_size=8))
def test_interface_gate_lets_every_interface_line_through(texts: list[str]) -> None:
    gated = set(stx._gated(texts, stx._INTERFACE_GATE))
    assert {t for t in texts if stx.INTERFACE_LINE.match(t)} <= gated


def test_scan_strings_each_stand_for_needles_holding_them() -> None:
    assert dict(_scan_strings(["privacy", "privacidad", "cookie"])) == {
        "privac": ("privacidad", "privacy"),  # the longest string they share
        "cookie": ("cookie",),
    }
    for limit, scans in _SCANS.items():
        grouped = [needle for needles in scans.values() for needle in needles]
        assert sorted(grouped) == sorted(_NEEDLE_RULES[limit])  # each needle once
        for scan, needles in scans.items():
            assert all(scan in needle for needle in needles)
    assert sum(map(len, _SCANS.values())) < sum(map(len, _NEEDLE_RULES.values()))


@settings(max_examples=150)
@given(st.lists(_LINES, max_size=10))
def test_needled_is_each_needle_looked_for_in_each_line(texts: list[str]) -> None:
    lines = [_normalise(text) for text in texts]
    expected: dict[int, set[int]] = {}
    for k, line in enumerate(lines):
        for needles in _NEEDLE_RULES.values():
            for needle, rules in needles.items():
                if needle in line and len(line) <= max(_RULES[r].max_chars for r in rules):
                    expected.setdefault(k, set()).update(rules)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    assert _needled(lines, "\n" + "\n".join(lines), starts) == expected


@given(st.text(st.sampled_from([*"ab A.*•-’`´‘ \t\n\u00a0\u2009\u00ad:ß"]), max_size=12))
def test_normalise_is_the_plain_definition(text: str) -> None:
    # the fast paths (no lead marks, nothing to collapse, marks known absent) change nothing
    plain = " ".join(_LEAD_RE.sub("", _plain_apostrophes(text[:MAX_LINE_CHARS])).split())
    assert _normalise(text) == plain.casefold()
    present = tuple(pair for pair in _APOSTROPHES if pair[0] in text)
    assert _normalise(text, present) == plain.casefold()


def test_scan_passes_cover_every_needle_once() -> None:
    for limit, passes in _SCAN_PASSES.items():
        needles = [needle for _, group in passes for needle in group]
        assert sorted(needles) == sorted(_NEEDLE_RULES[limit])
    assert any(not isinstance(scan, str) for p in _SCAN_PASSES.values() for scan, _ in p)


@given(st.text(st.sampled_from([*"reachgistsupnb \n"]), max_size=40), st.integers(0, 40))
def test_find_of_a_pass_is_the_first_of_its_strings(text: str, start: int) -> None:
    strings = ["rech", "regist", "reit", "right", "sign up", "suscr"]
    for scan, group in _scan_passes({s: (s,) for s in strings}):
        members = [scan] if isinstance(scan, str) else list(group)
        found = [i for i in (text.find(s, start) for s in members) if i >= 0]
        assert _find(text, scan, start) == min(found, default=-1)


_REFERENCES = {
    "subscribe": (
        r"\bsubscribe\b|\bsubscribers?\b|\bsubscription\b|\bsign up\b|\bnewsletter|\babonnieren\b"
        r"|\babonnent|\babonnement|\babo\b|\bjetzt registrieren\b|\babonnez|\bs'abonner\b"
        r"|\babonné|\bsuscr[ií]b|\bsuscripción\b|\bsuscriptor(?:es|as?)?\b|\bbereits kunde\b"
        r"|\biscriviti\b|\babbonati\b|\babbonamento\b"
        r"|\babonneer|\babonnee|\bassine\b|\bassinante|\bprenumerera|\babonnér"
        r"|\bplus\b.{0,20}\b(?:lesen|weiterlesen)\b|\bweiterlesen mit\b|\bunlimited access\b"
        r"|\bbecome a member\b|\bjoin now\b|\bregister for free\b|\bkostenlos registrieren\b",
        SUBSCRIBE_PATTERN,
        [*SUBSCRIBE_WORDS.words, *SUBSCRIBE_STEMS.words, "plus", "lesen", "weiterlesen"],
    ),
    "cookie": (
        r"\bcookies?\b|\bgdpr\b|\bdsgvo\b|\baccept all\b|\balle akzeptieren\b|\btout accepter\b"
        r"|\baceptar todo|\baccetta tutt|\balles accepteren\b|\bprivacy settings\b"
        r"|\bprivacy preferences\b|\bmanage preferences\b|\bdatenschutzeinstellungen\b"
        r"|\bprivatsphäre-einstellungen\b|\bparamètres de confidentialité\b"
        r"|\bconfiguración de privacidad\b|\bimpostazioni (?:della )?privacy\b"
        r"|\btracking technologies\b|\bpartners? (?:use|process)\b",
        COOKIE_PATTERN,
        [*COOKIE_WORDS.words, *COOKIE_STEMS.words],
    ),
    "rights": (
        r"\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b"
        r"|\btodos los derechos reservados\b|\btutti i diritti riservati\b"
        r"|\balle rechten voorbehouden\b|\btodos os direitos reservados\b"
        r"|\balle rettigheter\b|\balla rättigheter\b|\balle rettigheder\b"
        r"|^(?:©|\(c\)|copyright)\s?(?:©\s?)?(?:\d{4}|[^\W\d_])",
        RIGHTS_PATTERN,
        [*RIGHTS_WORDS.words, "©", "(c)", "copyright", "2024", "©"],
    ),
}
"""Rules as they were written, an alternation matched ignoring case, and now (tries),
with the words they are made of."""
_NOISE = ["X", "ı", "ſ", "K", " ", "  ", "\t", "s", "es", "-", ".", "é", "1", "_", "abc "]


@pytest.mark.parametrize("name", sorted(_REFERENCES))
@settings(max_examples=300)
@given(data=st.data())
def test_word_tries_match_as_the_alternation(name: str, data: st.DataObject) -> None:
    reference, pattern, words = _REFERENCES[name]
    written = re.findall(r"[^\W\d_]+(?:[' -][^\W\d_]+)*", reference.replace(r"\b", " "))
    words = [*words, *written]  # the words as the reference spells them, too
    pieces = st.sampled_from([*words, *(w.upper() for w in words), *_NOISE])
    # the rules read case-folded lines (``_normalise``): the tries are written for them
    text = data.draw(st.lists(pieces, max_size=6).map("".join)).casefold()
    found = re.search(f"(?:{pattern})", text)
    assert (found is None) == (re.search(reference, text, re.IGNORECASE) is None), text


_CONSENT_REFERENCE = re.compile(
    r"^(?=.*?\b(?:consent|zustimm|einwillig|consentement|consentimiento|consenso"
    r"|toestemming|samtykke|samtycke|consentimento|akzeptieren|accept|accepter|aceptar"
    r"|accetta|erlauben|allow|autoriser|permitir|consentire)\w*)"
    r"(?=.*?\b(?:personenbezogene daten|personal data|personal information|daten an|data to"
    r"|données personnelles|datos personales|dati personali|persoonsgegevens|datenschutz"
    r"|privacy|confidentialité|privacidad|drittanbieter|third[- ]part|partners|partnern"
    r"|partenaires|socios|tracking|externe inhalte|externen inhalten|external content"
    r"|contenus externes|contenido externo|contenuti esterni))",
    re.IGNORECASE,
)
"""The consent rule as an alternation matched ignoring case (before it became tries)."""
_CONSENT_PIECES = [
    *CONSENT_WORDS.words, *DATA_WORDS.words, "third-party", "ACCEPT", "Datenschutz", "ıt",
    "acceptıng", "xaccept", "we", " ", " ", ". ", "data", "personal", "third", "-", "s",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_CONSENT_PIECES), max_size=8).map("".join))
def test_consent_tries_match_as_the_alternation(text: str) -> None:
    line = _normalise(text)
    consent = next(rule for rule in _RULES if rule.pattern.pattern.startswith("(?:^(?=.*?"))
    assert (consent.pattern.match(line) is None) == (_CONSENT_REFERENCE.match(line) is None)
