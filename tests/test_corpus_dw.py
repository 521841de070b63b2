"""DW pages nobody on this project wrote: ``shared/`` example and corpus → ``Article``.

Input: ``shared/examples/dw-en-2025-02-04-netanyahu-trump.txt`` (the project's
canonical raw-text example) and the three Deutsche Welle pages of
``shared/corpora/fundus/de`` with their gold annotations, as HTML and as lynx dumps.
Titles and summaries are compared after NFC + whitespace collapse; bodies by the
shingle F1 of ``shared/corpora/README.md`` (``conftest.shingle_f1``) against the gold
body (summary, then each section's headline and paragraphs).

The whole module is skipped when ``shared/`` is not beside the repository.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
from typing import Any

import pytest

import articlekit
from articlekit import Article
from conftest import SHARED, body_texts, normalise, shingle_f1

if not SHARED.is_dir():
    pytest.skip(f"shared corpora not found at {SHARED}", allow_module_level=True)

EXAMPLE = SHARED / "examples" / "dw-en-2025-02-04-netanyahu-trump.txt"
FUNDUS_DE = SHARED / "corpora" / "fundus" / "de"
PAGES = ("DW_2023_04_28", "DW_2023_06_13", "DW_2024_01_30")

HTML_BODY_F1 = 0.98
"""Body F1 floor for a DW page read through its HTML layout."""
LYNX_BODY_F1 = 0.95
"""Body F1 floor for the lynx dump of the same page (no markup to lean on)."""

KNOWN_LYNX_BUGS: dict[tuple[str, str], str] = {}
"""(page, check) → reason, for library bugs reported to the library owner (strict xfail)."""


# -- loading ------------------------------------------------------------------------


@functools.cache
def _gold(page: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FUNDUS_DE / f"{page}.gold.json").read_text("utf-8"))
    return data


@functools.cache
def _crawl_time(page: str) -> dt.datetime:
    meta = json.loads((FUNDUS_DE / "meta.json").read_text("utf-8"))
    return dt.datetime.fromisoformat(meta[f"{page}.html.gz"]["crawl_date"])


def _gold_body(page: str) -> str:
    body = _gold(page)["body"]
    lines = list(body["summary"])
    for section in body["sections"]:
        lines.extend(section["headline"])
        lines.extend(section["paragraphs"])
    return "\n".join(lines)


def _gold_date(page: str) -> dt.date:
    text = _gold(page)["publishing_date"]
    return (
        dt.date.fromisoformat(text)
        if len(text) == len("YYYY-MM-DD")
        else dt.datetime.fromisoformat(text)
    )


@functools.cache
def _html(page: str) -> Article:
    source = gzip.decompress((FUNDUS_DE / f"{page}.html.gz").read_bytes())
    return articlekit.parse(source, url=_gold(page)["url"])


@functools.cache
def _lynx(page: str, *, reference: bool = True) -> Article:
    text = gzip.decompress((FUNDUS_DE / f"{page}.lynx.txt.gz").read_bytes()).decode("utf-8")
    options = articlekit.ParseOptions(reference_time=_crawl_time(page)) if reference else None
    return articlekit.parse(text, content_type="text", options=options)


@functools.cache
def _example() -> Article:
    return articlekit.parse(EXAMPLE.read_text("utf-8"))


def _day(predicted: dt.date, gold: dt.date) -> dt.date:
    """The predicted calendar day, in the gold's offset when both carry one."""
    if isinstance(predicted, dt.datetime):
        if predicted.tzinfo and isinstance(gold, dt.datetime) and gold.tzinfo:
            return predicted.astimezone(gold.tzinfo).date()
        return predicted.date()
    return predicted


def _gold_day(gold: dt.date) -> dt.date:
    return gold.date() if isinstance(gold, dt.datetime) else gold


def _lynx_params(check: str) -> list[Any]:
    params = []
    for page in PAGES:
        reason = KNOWN_LYNX_BUGS.get((page, check))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(page, id=page, marks=marks))
    return params


# -- (a) the canonical raw-text example ---------------------------------------------

EXAMPLE_ALT = (
    "Two men, Donald Trump (l) and Benjamin Netanjahu (r), at a table with an Israeli "
    "flag in the background at Mar-a-Lago in Florida, US"
)
EXAMPLE_BIO = "Writer and translator with DW's online news team"


def test_text_example_header_fields() -> None:
    article = _example()
    assert article.title == "Netanyahu and Trump meeting to focus on Gaza ceasefire deal"
    assert [(p.name, p.description) for p in article.authors] == [("Jon Shelton", EXAMPLE_BIO)]
    assert type(article.published) is dt.date
    assert article.published == dt.date(2025, 2, 4)
    assert article.summary == (
        "Israeli Prime Minister Benjamin Netanyahu is set to meet with President Donald "
        "Trump at the White House on Tuesday. The two will discuss the second phase of the "
        "Gaza ceasefire and hostage release deal."
    )
    assert article.short_url == "https://p.dw.com/p/4q0I7"
    assert article.language == "en"
    assert article.site_name == "DW"


def test_text_example_image_keeps_caption_and_credit_apart() -> None:
    images = [(i.alt, i.caption, i.credit) for i in _example().images]
    assert images == [
        (
            EXAMPLE_ALT,
            "Netanyahu will be the first foreign leader to visit the White House since "
            "Donald Trump's return to power",
            "Alex Brandon/AP/picture alliance",
        )
    ]


def test_text_example_body_is_the_six_paragraphs() -> None:
    texts = body_texts(_example())
    assert len(texts) == 6, texts
    assert texts[0].startswith(
        "Israeli Prime Minister Benjamin Netanyahu is expected on Tuesday to become"
    )
    assert texts[1].startswith("The two leaders are set to discuss")
    assert texts[2].startswith("Prior to his arrival, Netanyahu's office announced")
    assert texts[3].startswith('"Israel is preparing for the working-level delegation')
    assert texts[4].startswith("That announcement comes on the heels")
    assert texts[5].startswith("Phase two of the ceasefire")
    assert texts[5].endswith("saw nearly 250 more abducted.")


def test_text_example_notices_and_editors() -> None:
    article = _example()
    assert article.notices == (
        "This article will be updated later this evening. Please check back for updates.",
    )
    assert [p.name for p in article.editors] == ["Roshni Majumdar"]


def test_text_example_furniture_out_of_body() -> None:
    article = _example()
    texts = body_texts(article)
    for needle in ("date 2025-02-04", "Skip to content", "Edited by", EXAMPLE_BIO, EXAMPLE_ALT):
        assert not [t for t in texts if needle in t], needle
        assert needle not in article.text, needle


# -- (b) the corpus pages as HTML ---------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_adapter_corpus_title(page: str) -> None:
    assert normalise(_html(page).title or "") == normalise(_gold(page)["title"])


@pytest.mark.parametrize("page", PAGES)
def test_adapter_corpus_authors(page: str) -> None:
    assert [p.name for p in _html(page).authors] == _gold(page)["authors"]


@pytest.mark.parametrize("page", PAGES)
def test_adapter_corpus_published(page: str) -> None:
    gold = _gold_date(page)
    predicted = _html(page).published
    assert predicted is not None
    if isinstance(gold, dt.datetime) and gold.tzinfo is not None:
        assert isinstance(predicted, dt.datetime)
        assert predicted.tzinfo is not None, predicted
        assert predicted == gold
    else:
        assert _day(predicted, gold) == _gold_day(gold)


@pytest.mark.parametrize("page", PAGES)
def test_adapter_corpus_summary(page: str) -> None:
    assert normalise(_html(page).summary or "") == normalise(_gold(page)["body"]["summary"][0])


@pytest.mark.parametrize("page", PAGES)
def test_adapter_corpus_body_f1(page: str) -> None:
    f1 = shingle_f1(_gold_body(page), _html(page).text)
    assert f1 >= HTML_BODY_F1, f"body F1 {f1:.4f}"


def test_adapter_corpus_short_url() -> None:
    assert _html("DW_2024_01_30").short_url == "https://p.dw.com/p/4boRv"


def test_adapter_corpus_image_credit_apart_from_caption() -> None:
    credit = "Mikhail Sinitsyn/TASS/dpa/picture alliance"
    found = [i for i in _html("DW_2024_01_30").images if i.credit == credit]
    assert found, [(i.caption, i.credit) for i in _html("DW_2024_01_30").images]
    caption = found[0].caption
    assert caption, found[0]
    assert "Bild:" not in caption
    assert credit not in caption


# -- (c) the same pages as lynx dumps -----------------------------------------------


@pytest.mark.parametrize("page", _lynx_params("title"))
def test_text_lynx_title(page: str) -> None:
    assert normalise(_lynx(page).title or "") == normalise(_gold(page)["title"])


@pytest.mark.parametrize("page", _lynx_params("authors"))
def test_text_lynx_authors(page: str) -> None:
    assert [p.name for p in _lynx(page).authors] == _gold(page)["authors"]


@pytest.mark.parametrize("page", _lynx_params("published"))
def test_text_lynx_publication_day(page: str) -> None:
    gold = _gold_date(page)
    predicted = _lynx(page).published
    assert predicted is not None
    assert _day(predicted, gold) == _gold_day(gold)


@pytest.mark.parametrize("page", _lynx_params("body"))
def test_text_lynx_body_f1(page: str) -> None:
    f1 = shingle_f1(_gold_body(page), _lynx(page).text)
    assert f1 >= LYNX_BODY_F1, f"body F1 {f1:.4f}"


def test_text_lynx_relative_date_not_invented_without_reference_time() -> None:
    """The dump shows the article's date only as "vor 3 Stunden"; the one absolute
    date of the article on the page is the day in the tracking URL
    (``pageData[date]=20230613``). Without a reference time the result is no date or
    that day, never a time made up from the clock or another teaser's date."""
    published = _lynx("DW_2023_06_13", reference=False).published
    assert published is None or (
        type(published) is dt.date and published == dt.date(2023, 6, 13)
    ), published
