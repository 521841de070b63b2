"""DW adapter on hand-written fixture pages: source → ``Article``, field by field.

Each folder under ``fixtures/dw/`` holds one page (``source.html`` or ``source.txt``,
written for this project in the structure of a real Deutsche Welle design) and an
``expected.json`` with the fields to check. Folders are discovered by globbing, so a
new case needs no change here. Keys of ``expected.json``:

- ``url``: passed to ``parse`` when present; ``layout``: the DW layout expected in
  the body's provenance (HTML); ``content_type``: the sniffed content type;
- fields compared exactly: ``title``, ``authors`` (``name`` and ``description``,
  which defaults to ``null``), ``editors`` (names), ``published`` (ISO: a bare day
  must come back as a ``date``, a time with its offset), ``summary``, ``topics``,
  ``short_url``, ``site_name``, ``language``, ``notices``, ``body_paragraphs`` (every
  body block's text in order, headings included), ``body_headings`` (the texts that
  must be ``Heading`` blocks), ``images`` (the listed keys of every image, in order);
- ``not_in_text``: strings that must appear in no body block and not in ``text``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import Article
from articlekit.model import Heading
from conftest import FIXTURES, body_texts

DW_FIXTURES = FIXTURES / "dw"
SOURCES = ("source.html", "source.txt")
CASES = sorted(
    path.parent.name
    for path in DW_FIXTURES.glob("*/expected.json")
    if any((path.parent / name).is_file() for name in SOURCES)
)
FIELDS = (
    "title", "authors", "editors", "published", "summary", "topics", "short_url",
    "site_name", "language", "notices", "body_paragraphs", "body_headings", "images",
)  # fmt: skip
"""Fields of ``expected.json`` compared exactly with the parsed article."""

FURNITURE = (
    "Skip to content", "Zum Inhalt springen", "Edited by", "Redaktion:", "Anzeige",
    "Advertisement",
)  # fmt: skip
"""Page furniture that no DW article body contains."""
RECORD_HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\b", re.MULTILINE)
"""The header line of a copied-page record (" date 2025-02-04   1. Skip to content")."""

KNOWN_BUGS: dict[tuple[str, str], str] = {
}
"""(case, field) → reason, for library bugs reported to the library owner (strict xfail)."""


def _case_dir(case: str) -> Path:
    return DW_FIXTURES / case


@functools.cache
def _expected(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_case_dir(case) / "expected.json").read_text("utf-8"))
    return data


def _source(case: str) -> str | bytes:
    html = _case_dir(case) / "source.html"
    if html.is_file():
        return html.read_bytes()
    return (_case_dir(case) / "source.txt").read_text("utf-8")


@functools.cache
def _parse(case: str, adapter: str | None = None) -> Article:
    return articlekit.parse(_source(case), url=_expected(case).get("url"), adapter=adapter)


def _date_value(iso: str) -> dt.date:
    return (
        dt.date.fromisoformat(iso)
        if len(iso) == len("YYYY-MM-DD")
        else dt.datetime.fromisoformat(iso)
    )


def _described(value: dt.date | None) -> tuple[str, str] | None:
    """A date as (type, ISO text): a ``date`` and a midnight ``datetime`` differ."""
    return None if value is None else (type(value).__name__, value.isoformat())


def _observed(article: Article, field: str, expected: Any) -> Any:
    """The article's value of ``field``, in the shape ``expected.json`` uses."""
    if field == "authors":
        return [{"name": p.name, "description": p.description} for p in article.authors]
    if field == "editors":
        return [p.name for p in article.editors]
    if field == "published":
        return _described(article.published)
    if field in ("topics", "notices"):
        return list(getattr(article, field))
    if field == "body_paragraphs":
        return body_texts(article)
    if field == "body_headings":
        return [b.text for b in article.body if isinstance(b, Heading)]
    if field == "images":
        keys = sorted({key for image in expected for key in image})
        return [{key: getattr(image, key) for key in keys} for image in article.images]
    return getattr(article, field)


def _wanted(field: str, expected: Any) -> Any:
    if field == "authors":
        return [{"name": p["name"], "description": p.get("description")} for p in expected]
    if field == "published":
        return _described(_date_value(expected)) if expected is not None else None
    return expected


def _field_params() -> list[Any]:
    params = []
    for case in CASES:
        for field in FIELDS:
            if field not in _expected(case):
                continue
            reason = KNOWN_BUGS.get((case, field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(case, field, id=f"{case}:{field}", marks=marks))
    return params


def test_fixtures_cover_every_dw_design() -> None:
    """The designs and raw-text shapes DW pages come in each have a fixture."""
    assert {
        "classic-de", "webapp-topics-de", "webapp-kicker-de", "webapp-en",
        "text-copy-en", "text-copy-de", "text-lynx-de",
    } <= set(CASES)  # fmt: skip


@pytest.mark.parametrize(("case", "field"), _field_params())
def test_adapter_extracts_expected_field(case: str, field: str) -> None:
    expected = _expected(case)[field]
    assert _observed(_parse(case), field, expected) == _wanted(field, expected)


@pytest.mark.parametrize("case", CASES)
def test_adapter_records_dw_provenance(case: str) -> None:
    article = _parse(case)
    expected = _expected(case)
    assert article.provenance.adapter is not None
    assert article.provenance.adapter.startswith("dw@")
    if "content_type" in expected:
        assert article.provenance.content_type == expected["content_type"]
    if "layout" in expected:
        detail = article.provenance.fields["body"].detail or ""
        assert expected["layout"] in re.split(r"[\s;,]+", detail), detail


@pytest.mark.parametrize("case", CASES)
def test_assemble_keeps_furniture_out_of_body(case: str) -> None:
    article = _parse(case)
    banned = [*FURNITURE, *_expected(case).get("not_in_text", [])]
    banned += [
        f"{p['name']} {p['description']}" for p in _expected(case).get("authors", [])
        if p.get("description")
    ]  # fmt: skip
    texts = body_texts(article)
    assert texts, "empty body"
    for needle in banned:
        assert not [t for t in texts if needle in t], needle
        assert needle not in article.text, needle
    assert not RECORD_HEADER.search(article.text)


@pytest.mark.parametrize("case", CASES)
def test_scoring_generic_path_finds_body(case: str) -> None:
    article = _parse(case, adapter="generic")
    assert article.provenance.adapter is None
    assert body_texts(article)


NO_LAYOUT_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Night trains return to the Alps – DW</title></head><body>
<nav><a href="#main">Skip to content</a><a href="/en/germany/s-1432">Germany</a></nav>
<main id="main"><div class="story-page">
<h1>Night trains return to the Alps</h1>
<p class="lead-in">A new sleeper service links Hamburg with Innsbruck three times a week.</p>
<div class="story-text">
<p>The first train left Hamburg's main station shortly before nine in the evening, with
almost every couchette booked. Passengers were greeted with a small breakfast box on
arrival in Innsbruck the next morning.</p>
<p>Rail operators say demand for overnight connections has grown steadily since
2020, as more travellers look for alternatives to short-haul flights across Europe.</p>
<p>Tickets for the winter season went on sale last week and the operator plans to add a
fourth weekly departure if bookings stay high through the spring.</p>
</div></div></main>
<footer><p>© 2025 Deutsche Welle</p></footer></body></html>"""
"""A DW page in markup that matches none of the adapter's layouts."""


def test_adapter_falls_back_to_generic_without_layout() -> None:
    article = articlekit.parse(
        NO_LAYOUT_PAGE, url="https://www.dw.com/en/night-trains-return-to-the-alps/a-71234567"
    )
    codes = [w.code for w in article.provenance.warnings]
    assert "adapter.no_layout" in codes
    texts = body_texts(article)
    assert any(t.startswith("The first train left Hamburg") for t in texts), texts
    assert "Skip to content" not in article.text
