"""Fixture checks for adapters: ``Article`` + expected fields → per-field results.

Input → output: a parsed ``Article`` and the mapping of an ``expected.json`` fixture
file → one ``FieldResult`` per expected field. Pure: reading fixture files is the
caller's job (the test suite, or ``articlekit adapters check`` in the CLI).

Keys of ``expected.json`` (all optional except what a case wants to pin down):

- ``url``, ``content_type``, ``reference_time``: inputs for ``parse``, not checks;
- ``adapter``: expected ``provenance.adapter`` name (without version);
- ``layout``: the layout name expected in the body's provenance;
- compared exactly: ``title``, ``authors`` (``name``, optional ``description``),
  ``editors`` (names), ``published`` / ``modified`` (ISO text: a bare day must come
  back as a ``date``; a time with its offset as an aware ``datetime``), ``summary``,
  ``description``, ``topics``, ``section``, ``short_url``, ``site_name``, ``language``, ``notices``,
  ``body_paragraphs`` (each body block's text in order), ``body_headings``,
  ``images`` (the listed keys of every image, in order);
- ``not_in_text``: strings that must not appear in ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from articlekit.model import Article, Figure, Heading

__all__ = ["CHECKED_FIELDS", "FieldResult", "body_texts", "check_article"]

CHECKED_FIELDS = (
    "adapter", "layout", "title", "authors", "editors", "published", "modified", "summary",
    "description", "topics", "section", "short_url", "site_name", "language", "notices",
    "body_paragraphs", "body_headings", "images", "not_in_text",
)  # fmt: skip
"""Keys of ``expected.json`` that are checked, in report order."""


@dataclass(frozen=True, slots=True)
class FieldResult:
    """The outcome of checking one expected field.

    Attributes:
        field: The ``expected.json`` key.
        ok: Whether the article matches.
        expected: The expected value (normalised for comparison).
        observed: The article's value in the same shape.
    """

    field: str
    ok: bool
    expected: Any
    observed: Any


def body_texts(article: Article) -> list[str]:
    """The text of each body block in order (list items one by one, figures skipped)."""
    out: list[str] = []
    for block in article.body:
        if isinstance(block, Figure):
            continue
        items = getattr(block, "items", None)
        if items is not None:
            out.extend(items)
            continue
        text = getattr(block, "text", None)
        if text:
            out.append(text)
    return out


def _date_shape(value: dt.date | None) -> tuple[str, str] | None:
    """A date as (type, ISO text): a ``date`` and a midnight ``datetime`` differ."""
    return None if value is None else (type(value).__name__, value.isoformat())


def _parse_iso(text: str) -> dt.date:
    if len(text) == len("YYYY-MM-DD"):
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)


def _observed(article: Article, field: str, expected: Any) -> Any:
    if field == "adapter":
        ident = article.provenance.adapter
        return ident.split("@", 1)[0] if ident else None
    if field == "layout":
        source = article.provenance.fields.get("body")
        detail = source.detail if source is not None and source.detail else ""
        return expected if expected in re.split(r"[\s;,]+", detail) else detail
    if field == "authors":
        keys = {"name"} | {k for person in expected for k in person}
        return [{k: getattr(p, k) for k in sorted(keys)} for p in article.authors]
    if field == "editors":
        return [p.name for p in article.editors]
    if field in ("published", "modified"):
        return _date_shape(getattr(article, field))
    if field in ("topics", "notices"):
        return list(getattr(article, field))
    if field == "body_paragraphs":
        return body_texts(article)
    if field == "body_headings":
        return [b.text for b in article.body if isinstance(b, Heading)]
    if field == "images":
        image_keys = sorted({key for image in expected for key in image})
        return [{k: getattr(image, k) for k in image_keys} for image in article.images]
    if field == "not_in_text":
        return [needle for needle in expected if needle in article.text]
    return getattr(article, field)


def _wanted(field: str, expected: Any) -> Any:
    if field == "authors":
        keys_seen = {"name"} | {k for person in expected for k in person}
        return [{k: person.get(k) for k in sorted(keys_seen)} for person in expected]
    if field in ("published", "modified"):
        return _date_shape(_parse_iso(expected)) if expected is not None else None
    if field == "not_in_text":
        return []
    return expected


def check_article(article: Article, expected: Mapping[str, Any]) -> tuple[FieldResult, ...]:
    """Compare ``article`` with every checked field present in ``expected``."""
    results: list[FieldResult] = []
    for field in CHECKED_FIELDS:
        if field not in expected:
            continue
        want = _wanted(field, expected[field])
        got = _observed(article, field, expected[field])
        results.append(FieldResult(field=field, ok=got == want, expected=want, observed=got))
    return tuple(results)
