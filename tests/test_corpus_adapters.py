"""Every site adapter on its publisher's real pages in ``shared/corpora/fundus``.

A page belongs to an adapter when the registry picks that adapter for the page's gold
URL. For those pages the issue's bar holds: gold title, authors and publication
instant, body shingle F1 ≥ 0.99, every gold caption and credit found (kept apart),
topics where the gold has them; and from the lynx rendering, parsed as raw text, the
title, authors, publication day and body F1 ≥ 0.95. Skipped without ``shared/``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import Article
from articlekit.adapters import default_registry
from conftest import SHARED, normalise, shingle_f1

if not SHARED.is_dir():
    pytest.skip(f"shared corpora not found at {SHARED}", allow_module_level=True)

FUNDUS = SHARED / "corpora" / "fundus"
HTML_BODY_F1 = 0.99
"""Body F1 floor for a page read through its site adapter."""
TEXT_BODY_F1 = 0.95
"""Body F1 floor for the lynx rendering of the same page."""
MIN_RENDERING_CHARS = 500
"""Renderings shorter than this were built by JavaScript and are skipped."""


def _pages() -> list[tuple[str, str]]:
    registry = default_registry()
    found: list[tuple[str, str]] = []
    for gold_path in sorted(FUNDUS.glob("*/*.gold.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        adapter = registry.for_url(gold["url"])
        if adapter is not None:
            found.append((adapter.name, str(gold_path)[: -len(".gold.json")]))
    return found


PAGES = _pages()
IDS = [f"{name}:{Path(stem).name}" for name, stem in PAGES]


@functools.cache
def _gold(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(stem + ".gold.json").read_text("utf-8"))
    return data


@functools.cache
def _crawl_time(stem: str) -> dt.datetime:
    path = Path(stem)
    meta = json.loads((path.parent / "meta.json").read_text("utf-8"))
    return dt.datetime.fromisoformat(meta[path.name + ".html.gz"]["crawl_date"])


def _gold_body(stem: str) -> str:
    body = _gold(stem)["body"]
    lines = list(body["summary"])
    for section in body["sections"]:
        lines.extend(section["headline"])
        lines.extend(section["paragraphs"])
    return "\n".join(lines)


def _read(path: str) -> bytes:
    return gzip.decompress(Path(path).read_bytes())


@functools.cache
def _html(stem: str) -> Article:
    return articlekit.parse(_read(stem + ".html.gz"), url=_gold(stem)["url"])


@functools.cache
def _lynx(stem: str) -> Article | None:
    text = _read(stem + ".lynx.txt.gz").decode("utf-8", "replace")
    if len(text.strip()) < MIN_RENDERING_CHARS:
        return None
    options = articlekit.ParseOptions(reference_time=_crawl_time(stem))
    return articlekit.parse(text, content_type="text", options=options)


def _gold_date(stem: str) -> dt.date:
    text = _gold(stem)["publishing_date"]
    if len(text) == len("YYYY-MM-DD"):
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)


def _day(value: dt.date, gold: dt.date) -> dt.date:
    """The calendar day of ``value`` in the gold's offset (when both have one)."""
    if isinstance(value, dt.datetime):
        if isinstance(gold, dt.datetime) and gold.tzinfo and value.tzinfo:
            return value.astimezone(gold.tzinfo).date()
        return value.date()
    return value


def _gold_day(gold: dt.date) -> dt.date:
    return gold.date() if isinstance(gold, dt.datetime) else gold


def _names(article: Article) -> list[str]:
    return [normalise(p.name) for p in article.authors]


pytestmark = pytest.mark.skipif(not PAGES, reason="no corpus page has an adapter")


@pytest.mark.parametrize(("name", "stem"), PAGES, ids=IDS)
def test_adapter_corpus_page_fields(name: str, stem: str) -> None:
    article, gold = _html(stem), _gold(stem)
    assert article.provenance.adapter is not None
    assert article.provenance.adapter.startswith(f"{name}@")
    assert normalise(article.title or "") == normalise(gold["title"])
    assert _names(article) == [normalise(a) for a in gold.get("authors", [])]
    want = _gold_date(stem)
    assert article.published is not None
    if isinstance(want, dt.datetime) and want.tzinfo is not None:
        assert isinstance(article.published, dt.datetime)
        assert article.published.tzinfo is not None
        assert article.published == want
    else:
        assert _day(article.published, want) == _gold_day(want)
    if gold.get("topics"):
        assert list(article.topics) == gold["topics"]


@pytest.mark.parametrize(("name", "stem"), PAGES, ids=IDS)
def test_adapter_corpus_page_body_f1(name: str, stem: str) -> None:
    assert shingle_f1(_gold_body(stem), _html(stem).text) >= HTML_BODY_F1


@pytest.mark.parametrize(("name", "stem"), PAGES, ids=IDS)
def test_adapter_corpus_page_images(name: str, stem: str) -> None:
    article, gold = _html(stem), _gold(stem)
    captions = {normalise(i.caption) for i in article.images if i.caption}
    credits = {normalise(i.credit) for i in article.images if i.credit}
    for image in gold.get("images") or []:
        if image.get("caption"):
            assert normalise(image["caption"]) in captions, image["caption"]
        for credit in image.get("authors") or []:
            assert normalise(credit) in credits, credit


@pytest.mark.parametrize(("name", "stem"), PAGES, ids=IDS)
def test_adapter_corpus_lynx_rendering(name: str, stem: str) -> None:
    article = _lynx(stem)
    if article is None:
        pytest.skip("the lynx rendering is (nearly) empty: the page is built by JavaScript")
    gold = _gold(stem)
    assert normalise(article.title or "") == normalise(gold["title"])
    assert _names(article) == [normalise(a) for a in gold.get("authors", [])]
    assert article.published is not None
    want = _gold_date(stem)
    assert _day(article.published, want) == _gold_day(want)
    assert shingle_f1(_gold_body(stem), article.text) >= TEXT_BODY_F1


@pytest.mark.parametrize(("name", "stem"), PAGES, ids=IDS)
def test_adapter_never_worse_than_generic(name: str, stem: str) -> None:
    generic = articlekit.parse(
        _read(stem + ".html.gz"), url=_gold(stem)["url"], adapter="generic"
    )
    gold_body = _gold_body(stem)
    assert shingle_f1(gold_body, _html(stem).text) >= shingle_f1(gold_body, generic.text)
