"""Behaviour of the embedded-markup reader: a page that shows no text is read from the
article markup a script carries; pages that show text are left alone."""

from __future__ import annotations

import json

import pytest

import articlekit
from articlekit.tokens.embedded import embedded_markup, with_embedded_text
from articlekit.tokens.html import parse_html, tokenize_html

PARAGRAPHS = {
    "en": [
        "The harbour board met on Tuesday evening and agreed to widen the northern pier.",
        "Fishermen had asked for the change for years, saying the old pier was too narrow.",
        "Work is due to start in spring and should be finished before the summer season.",
        "The board will pay for most of it, with the rest coming from a regional fund.",
    ],
    "de": [
        "Der Hafenrat hat am Dienstagabend beschlossen, die nördliche Mole zu verbreitern.",
        "Die Fischer hatten seit Jahren darum gebeten, weil die alte Mole zu schmal sei.",
        "Die Arbeiten sollen im Frühjahr beginnen und vor der Sommersaison fertig sein.",
        "Den größten Teil zahlt der Rat, den Rest übernimmt ein regionaler Fonds dafür.",
    ],
    "ko": [
        "항만위원회는 화요일 저녁 회의를 열고 북쪽 부두를 넓히기로 결정했다고 밝혔다.",
        "어민들은 기존 부두가 너무 좁다며 수년 동안 확장을 요구해 온 것으로 알려졌다.",
        "공사는 봄에 시작해 여름 성수기 전에 마무리될 예정이라고 위원회는 설명했다.",
        "비용 대부분은 위원회가 부담하고 나머지는 지역 기금에서 충당할 계획이라고 한다.",
        "위원회는 공사 기간 동안 어선들이 남쪽 부두를 임시로 사용할 수 있도록 할 방침이다.",
    ],
}


def _shell(payload: str) -> str:
    return (
        "<html><head><title>Pier to be widened</title>"
        f"<script>window.__STATE__ = {payload};</script></head>"
        '<body><div id="root"><div class="spinner"></div></div></body></html>'
    )


def _state(paragraphs: list[str], *, ascii_only: bool = True) -> str:
    markup = "".join(f'<p class="body-text">{p}</p>' for p in paragraphs)
    # json.dumps does not escape "<"; client frameworks do, as \u003c
    encoded = json.dumps({"article": {"id": 7, "content": markup}}, ensure_ascii=ascii_only)
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e")


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_tokens_embedded_shell_page_is_read_from_its_script(language: str) -> None:
    paragraphs = PARAGRAPHS[language]
    article = articlekit.parse(_shell(_state(paragraphs, ascii_only=False)), adapter="generic")
    assert article.text is not None
    assert [line for line in article.text.split("\n") if line] == paragraphs
    assert "tokens.embedded" in {w.code for w in article.provenance.warnings}


def test_tokens_embedded_page_showing_text_is_left_alone() -> None:
    shown = "".join(f"<p>{p}</p>" for p in PARAGRAPHS["de"])
    page = _shell(_state(PARAGRAPHS["en"])).replace('<div class="spinner"></div>', shown)
    article = articlekit.parse(page, adapter="generic")
    assert article.text is not None
    assert "harbour" not in article.text
    assert "Hafenrat" in article.text


def test_tokens_embedded_snippets_are_not_an_article() -> None:
    doc = parse_html(_shell(_state(PARAGRAPHS["en"][:2])))
    assert embedded_markup(doc) is None
    stream = tokenize_html(doc)
    assert with_embedded_text(doc, stream) is stream


def test_tokens_embedded_longest_markup_wins_and_hex_escapes_are_read() -> None:
    teaser = "".join(f"\\x3cp\\x3e{p}\\x3c/p\\x3e" for p in PARAGRAPHS["de"][:3])
    full = "".join(f"\\x3cp\\x3e{p}\\x3c/p\\x3e" for p in PARAGRAPHS["de"])
    page = _shell(f'{{"teaser": "{teaser}", "body": "{full}"}}')
    markup = embedded_markup(parse_html(page))
    assert markup is not None
    assert markup.count("<p>") == len(PARAGRAPHS["de"])


def test_tokens_embedded_tags_are_measured_without_crossing_an_open_bracket() -> None:
    """The embedded reader measures markup with ``patterns.markup.TAG_RE``: a tag never
    spans another ``<``, so a script string of unclosed ``<p`` is read in linear time
    (``<[^>]*>`` scanned to the end of the string from every ``<``)."""
    from articlekit.patterns.markup import TAG_RE  # noqa: PLC0415

    assert [m.group() for m in TAG_RE.finditer("<p x<p y<b>z</b>")] == ["<b>", "</b>"]
    assert TAG_RE.search("<p " + "x" * 600 + ">") is None  # at most 500 characters inside
