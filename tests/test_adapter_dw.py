"""DW adapter specifics: every design has a fixture, furniture stays out, fallback works.

Field-by-field checks of the fixtures run for every adapter in ``test_adapter_fixtures``.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import Article
from conftest import FIXTURES, body_texts

DW_FIXTURES = FIXTURES / "dw"
SOURCES = ("source.html", "source.txt")
CASES = sorted(
    path.parent.name
    for path in DW_FIXTURES.glob("*/expected.json")
    if any((path.parent / name).is_file() for name in SOURCES)
)
FURNITURE = (
    "Skip to content", "Zum Inhalt springen", "Edited by", "Redaktion:", "Anzeige",
    "Advertisement",
)  # fmt: skip
"""Page furniture that no DW article body contains."""
RECORD_HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\b", re.MULTILINE)
"""The header line of a copied-page record (" date 2025-02-04   1. Skip to content")."""


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


def test_fixtures_cover_every_dw_design() -> None:
    """The designs and raw-text shapes DW pages come in each have a fixture."""
    assert {
        "classic-de", "webapp-topics-de", "webapp-kicker-de", "webapp-en",
        "text-copy-en", "text-copy-de", "text-lynx-de",
    } <= set(CASES)  # fmt: skip


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
