"""Visible dates: dates printed on the page (bylines, date lines, labels) → ``Findings``.

Input → output: a read-only lxml document and its meta tags → published and modified
candidates read from the page's visible text, with ``SourceKind.TEXT_PATTERN``:

- elements whose class, id or ``itemprop`` says date/time/published/posted/meta
  (``<span class="entry-date">``, ``<div class="post-meta">``), ``<time>`` without
  ``datetime`` and ``<abbr class="published" title="…">``;
- text after a publication label ("Published", "Veröffentlicht am", "Publié le" …).

Comment sections, sidebars, widgets, related-article lists and archives are skipped;
each date found is classified by the label before it ("Updated …" → modified) or by
its element's class. Ambiguous slashed dates (``03/04/2024``) are read by the page's
language (month first for US English, day first elsewhere) and skipped when it is
unknown. Values are passed on as ISO strings, as precise as the page printed them (a
day stays a day; a time without zone stays naive). Cheap by design: the elements come
from ``_scan`` (one XPath, one regex per attribute value), a bounded number of them is
read, with bounded text each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import html

from articlekit.metadata._findings import Findings
from articlekit.metadata._head import MetaTag, meta_values
from articlekit.metadata._patterns import DateFound, find_dates_in
from articlekit.metadata._scan import Clues, is_inside, scan_clues
from articlekit.metadata.types import Evidence
from articlekit.model.provenance import SourceKind

__all__ = ["extract_visible_dates"]

FURNITURE_WORDS = (
    "comment", "reply", "disqus", "sidebar", "widget", "related", "recommend", "archive",
    "popular", "trending", "mostread", "most-read", "calendar", "breadcrumb",
)  # fmt: skip
"""Class/id fragments of regions whose dates are not the article's (comments, sidebars,
related teasers, archive lists, event calendars)."""
FURNITURE_RE = re.compile("|".join(FURNITURE_WORDS))
"""A lower-cased class or id value of a region whose dates are not the article's."""
FURNITURE_TAGS = frozenset({"nav", "aside"})
"""Elements whose dates are navigation or sidebar dates."""
MAX_DATE_ELEMENTS = 80
"""At most this many date-ish elements are read (a page with more is a list of teasers)."""
MAX_DATE_TEXT_CHARS = 300
"""Text longer than this is a container (the whole post), not a date line: its date
elements are read on their own."""
MAX_VISIBLE_DATES = 3
"""At most this many published (and modified) candidates are kept, in document order."""
LABEL_WINDOW_CHARS = 40
"""Characters before a date searched for its label ("Aktualisiert am")."""

MODIFIED_LABEL_RE = re.compile(
    r"(?:updated?|modified|edited|revised|aktualisiert|update|geändert|letzte\s+änderung|"
    r"stand|mis\s+à\s+jour|modifié|actualizad[oa]|actualización|aggiornat[oa]|"
    r"bijgewerkt|gewijzigd|uppdaterad|oppdatert|opdateret|atualizad[oa])\b[^\d]{0,25}$",
    re.IGNORECASE,
)
"""A modification label right before a date ("Updated:", "Aktualisiert am", "Stand")."""
IGNORED_LABEL_RE = re.compile(
    r"(?:print(?:ed)?(?:\s+date)?|gedruckt|accessed|retrieved|abgerufen|consulté|"
    r"joined|member\s+since|mitglied\s+seit|born|geboren|né\s+le|expires?|gültig\s+bis)"
    r"\b[^\d]{0,25}$",
    re.IGNORECASE,
)
"""Labels of dates that are not the article's ("Print date:", "Joined", "Born")."""
MODIFIED_CLASS_RE = re.compile(r"updat|modif|aktualis|lastchange|last-change|revised")
"""Class/id fragments of an element that prints the modification date."""
MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "pw", "mh"})
"""Regions whose English writes the month first (``03/04/2024`` = March 4)."""


@dataclass(frozen=True, slots=True)
class _Dated:
    """One date read from the page, and what kind of date its context says it is."""

    value: dt.datetime | dt.date
    modified: bool
    detail: str


def _elements(result: object) -> Iterator[html.HtmlElement]:
    """XPath result → the HTML elements in it."""
    if isinstance(result, list):
        for item in result:
            if isinstance(item, html.HtmlElement):
                yield item


def _bounded_text(element: html.HtmlElement) -> str | None:
    """Element → its whitespace-collapsed text, or ``None`` when longer than a date line."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        parts.append(piece)
        size += len(piece)
        if size > MAX_DATE_TEXT_CHARS * 2:
            return None
    text = " ".join("".join(parts).split())
    return text if text and len(text) <= MAX_DATE_TEXT_CHARS else None


def _hints(element: html.HtmlElement) -> str:
    """Element → its class and id, lower-cased (for the modified/published decision)."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _detail(element: html.HtmlElement) -> str:
    """Element → a short pointer for provenance (``span.entry-date``)."""
    classes = (element.get("class") or "").split()
    suffix = f".{classes[0]}" if classes else ""
    return f"{element.tag}{suffix} text"[:80]


def _classify(text: str, found: tuple[DateFound, ...], modified_class: bool) -> list[bool | None]:
    """Dates found in one text → per date: True modified, False published, None ignored."""
    kinds: list[bool | None] = []
    previous_end = 0
    for match in found:
        before = text[max(previous_end, match.start - LABEL_WINDOW_CHARS) : match.start]
        previous_end = match.end
        if IGNORED_LABEL_RE.search(before):
            kinds.append(None)
        elif MODIFIED_LABEL_RE.search(before):
            kinds.append(True)
        else:
            kinds.append(modified_class)
    return kinds


def _dates_of(element: html.HtmlElement, dayfirst: bool | None) -> list[_Dated]:
    """One date-ish element → the dates it prints, classified."""
    detail = _detail(element)
    modified_class = bool(MODIFIED_CLASS_RE.search(_hints(element)))
    title = element.get("title") if element.tag == "abbr" else None
    if title:
        found = find_dates_in(title, prefer_dayfirst=dayfirst)
        if found:
            return [_Dated(found[0].value, modified_class, "abbr[title]")]
    text = _bounded_text(element)
    if text is None or not any(ch.isdigit() for ch in text):
        return []
    found = find_dates_in(text, prefer_dayfirst=dayfirst)
    kinds = _classify(text, found, modified_class)
    return [
        _Dated(match.value, kind, detail)
        for match, kind in zip(found, kinds, strict=True)
        if kind is not None
    ]


def _dayfirst(root: html.HtmlElement, tags: tuple[MetaTag, ...]) -> bool | None:
    """Document → how to read ``03/04/2024``: False in US English, True in other known
    languages, ``None`` (skip such dates) when the language is unknown."""
    raw = root.get("lang") or next(iter(meta_values(tags, "og:locale")), "")
    parts = re.split(r"[-_]", raw.strip().lower())
    if not parts or not parts[0].isalpha() or len(parts[0]) not in (2, 3):
        return None
    if parts[0] != "en":
        return True
    region = parts[1] if len(parts) > 1 else "us"
    return region not in MONTH_FIRST_REGIONS


def _evidence(dated: list[_Dated]) -> tuple[Evidence[str], ...]:
    """Dates in document order → evidence (ISO strings), the first few distinct ones."""
    seen: set[str] = set()
    out: list[Evidence[str]] = []
    for item in dated:
        value = item.value.isoformat()
        if value in seen:
            continue
        seen.add(value)
        out.append(Evidence(value, SourceKind.TEXT_PATTERN, item.detail))
        if len(out) >= MAX_VISIBLE_DATES:
            break
    return tuple(out)


def _date_elements(clues: Clues) -> list[html.HtmlElement]:
    """Date-ish elements → those outside furniture, in document order, bounded."""
    kept: list[html.HtmlElement] = []
    for element in clues.dates:
        if not is_inside(element, FURNITURE_RE, FURNITURE_TAGS):
            kept.append(element)
            if len(kept) >= MAX_DATE_ELEMENTS:
                break
    return kept


def extract_visible_dates(
    root: html.HtmlElement, tags: tuple[MetaTag, ...], clues: Clues | None = None
) -> Findings:
    """Document, its meta tags and ``scan_clues`` result → visible-date candidates."""
    dayfirst = _dayfirst(root, tags)
    published: list[_Dated] = []
    modified: list[_Dated] = []
    for element in _date_elements(clues if clues is not None else scan_clues(root)):
        for dated in _dates_of(element, dayfirst):
            (modified if dated.modified else published).append(dated)
    return Findings(published=_evidence(published), modified=_evidence(modified))
