"""The fast paths of the raw-text header search give what the plain code gives."""

from __future__ import annotations

import random
import unicodedata

from articlekit.options import TextScoringConfig
from articlekit.patterns import Byline, parse_byline
from articlekit.scoring import text as st
from articlekit.tokens.text import tokenize_text

HEADER_PAGE = """Die Fähre fährt wieder

Jana Rossi

Der Betreiber teilt mit, dass die Fähre ab Montag wieder nach Fahrplan fährt und
die Reparatur am Anleger abgeschlossen ist.

Die Gemeinde hatte lange auf die Wiederaufnahme gewartet und begrüßt die Nachricht zur Fähre.
"""


MIXED_PAGE = """Share on Facebook

Listen to this article

12 May 2024

Council backs tram extension to the north

By Jane Roe | 12 May 2024

Photo: Ana Lind

Council members voted on Tuesday to extend the tram line by four stops, a plan that
has been debated for a decade and will cost less than feared.

A tram on a bridge

A tram on a bridge (Photo: Ana Lind)

Work starts next spring and should be done within two years, the council said.
"""


def _page(text: str) -> st._Page:
    tokens = tokenize_text(text).tokens
    hints = st._classify_all(tokens)
    page = st._Page(tokens, hints, TextScoringConfig(), None, 0, len(tokens) - 1, 0)
    page.prose_chars = [st._prose_chars(t, TextScoringConfig()) for t in tokens]
    return page


def test_page_parse_memo_gives_the_parsers_answer_once_per_text() -> None:
    page = _page(HEADER_PAGE)
    calls: list[str] = []

    def counting(text: str) -> Byline:
        calls.append(text)
        return parse_byline(text)

    for text in ("Jana Rossi", "Von Jana Rossi, dpa", "The Example Times", "Jana Rossi"):
        assert page.parse(text) == parse_byline(text)
        assert page.parse(text) is page.parse(text)  # kept, not parsed again
    # the byline and organisation tests read through the page's parser
    assert st._byline_field_names("Jana Rossi", counting) == ("Jana Rossi",)
    assert st._organization_name("The Example Times", counting) is True
    assert calls == ["Jana Rossi", "The Example Times"]
    # (a name the parser cannot give as an organisation is not parsed for that test)
    assert st._organization_name("Jana Rossi", counting) is False
    assert calls == ["Jana Rossi", "The Example Times"]
    fresh = _page(HEADER_PAGE)
    line = next(i for i, t in enumerate(fresh.tokens) if t.text == "Jana Rossi")
    assert fresh.byline(line) == ("Jana Rossi",)
    assert set(fresh._parsed) == {"Jana Rossi"}  # the byline test parsed through the memo
    parsed = fresh._parsed["Jana Rossi"]
    assert not fresh.organization("Jana Rossi")
    assert fresh._parsed["Jana Rossi"] is parsed  # and the organisation test reused it


_TERM_PIECES = (
    " ", "\n", ".", "-", "_", "'", "3", "٣", "²", "fähre", "FÄHRE", "Fähren", "straße", "STRASSE",
    "ferry", "ferryman", "wartet", "wart", "İstanbul", "ıstanbul", "東京都", "都庁", "서울시",
    "abcd", "abcde", "bcde", "x", "ab_cd", "abcd1", "ǅemal", "ﬁsch",
)  # fmt: skip


def _plain_body_terms(texts: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    for text in texts:
        for term in st._terms(text):
            seen[term] = seen.get(term, 0) + 1
    return seen


def test_body_terms_count_as_the_word_lists_do() -> None:
    rng = random.Random(31)
    checked = 0
    for _ in range(3_000):
        texts = [
            "".join(rng.choice(_TERM_PIECES) for _ in range(rng.randint(0, 8)))
            for _ in range(rng.randint(0, 5))
        ]
        plain = _plain_body_terms(texts)
        body = st._BodyTerms(texts)
        asked = set(plain)
        for text in texts:
            asked |= st._terms(text + " abcdef ferrymen")
        for term in sorted(asked):
            assert body[term] == min(plain.get(term, 0), body.MAX_TERM_COUNT), (texts, term)
            checked += 1
    assert checked > 10_000


def test_body_terms_take_the_first_tokens_of_the_body() -> None:
    page = _page(HEADER_PAGE)
    page.start = 2
    terms = st._body_terms(page)
    assert terms["fähre"] == 2  # in both paragraphs
    assert terms["gemeinde"] == 1
    assert terms["rossi"] == 0  # above the body start


def test_body_terms_shared_counts_the_words_over_the_bar() -> None:
    body = st._BodyTerms(["Die Fähre fährt.", "Fähre und Anleger", "anleger_ alt"])
    assert body.shared({"fähre", "anleger", "fährt", "hafen"}, 0) == 3
    assert body.shared({"fähre", "anleger", "fährt", "hafen"}, 1) == 2  # "_" ends a word


_FOLD_PIECES = ("Über", "ÜBER", "é", "e\u0301", "ß", "ﬁ", "Å", "ø", "İ", "ǅ", "東京", "서울",
                "ṩ", "a\u0323\u0307", "Ω", "ℌ", "x", " ", "-", "1", "①", "\u0301")  # fmt: skip


def test_fold_drops_every_combining_mark() -> None:
    rng = random.Random(37)
    for _ in range(5_000):
        text = "".join(rng.choice(_FOLD_PIECES) for _ in range(rng.randint(0, 8)))
        plain = unicodedata.normalize("NFKD", text.casefold())
        expected = "".join(c for c in plain if not unicodedata.combining(c))
        assert st._fold(text) == expected, text


def test_not_a_title_answers_as_its_tests_in_any_order() -> None:
    seen = 0
    for text in (HEADER_PAGE, MIXED_PAGE):
        page = _page(text)
        for i in range(len(page.tokens)):
            expected = (
                page.mostly_date(i)
                or bool(page.byline(i))
                or page.caption(i) is not None
                or st.INTERFACE_HINT in page.hints[i]
                or st._alt_and_caption(page.tokens, i)
            )
            assert st._not_a_title(_page(text), i) is expected
            seen += expected
    assert seen >= 3
