"""Visible dates: dates printed on the page (bylines, date lines, labels) → ``Findings``.

Input → output: a read-only lxml document and its meta tags → published and modified
candidates read from the page's visible text, with ``SourceKind.TEXT_PATTERN``:

- elements whose class, id or ``itemprop`` says date/time/published/posted/meta
  (``<span class="entry-date">``, ``<div class="post-meta">``), ``<time>`` without
  ``datetime`` and ``<abbr class="published" title="…">``;
- the text right after the headline (``<h1>``: "Title · By X · 5 May 2021"), and the
  short text right before it.

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
import itertools
import re
from dataclasses import dataclass
from typing import Final

from lxml import html

from articlekit.metadata._findings import Findings
from articlekit.metadata._head import MetaTag, meta_values
from articlekit.metadata._near import CONTENT_TAGS, following_texts, preceding_texts
from articlekit.metadata._patterns import DateFound, find_dates_in
from articlekit.metadata._scan import Clues, scan_clues
from articlekit.metadata.types import Evidence
from articlekit.model.provenance import SourceKind
from articlekit.patterns._needles import holds
from articlekit.patterns.keywords import keyword_regex

__all__ = ["RegionCache", "dayfirst_of", "extract_visible_dates", "is_furniture"]

FURNITURE_WORDS: Final = (
    "comment", "reply", "disqus", "related", "recommend", "archive",
    "popular", "trending", "mostread", "most-read", "calendar", "breadcrumb",
)  # fmt: skip
"""Class/id fragments of regions whose dates are not the article's (comments, related
teasers, archive lists, event calendars), wherever they are."""
FURNITURE_RE: Final = keyword_regex(*FURNITURE_WORDS)
"""A lower-cased class or id value of a region whose dates are not the article's."""
SIDE_WORDS: Final = ("sidebar", "widget")
"""Class/id fragments of a side column: the site's sidebar, unless it is inside the
article (its own column with date and author), like ``<aside>``."""
REGION_RE: Final = re.compile(
    f"(?P<furniture>{'|'.join(FURNITURE_WORDS)})|(?P<side>{'|'.join(SIDE_WORDS)})"
)
"""Either kind in one search (one regex call per ancestor)."""
REGION_NEEDLES: Final = (*FURNITURE_WORDS, *SIDE_WORDS)
"""Every ``REGION_RE`` match is one of these words: a class value without any is not
searched (most are not; ``in`` tests are cheaper than the search)."""
FURNITURE_TAGS: Final = frozenset({"nav", "aside"})
"""Elements whose dates are navigation or sidebar dates (unless inside the article)."""
CONTENT_RE: Final = keyword_regex(r"\bh-?entry\b", r"\bh-?feed\b")
"""Microformats classes of a post or a blog's posts (``hentry``, ``h-entry``, ``hfeed``):
a content anchor too."""
CONTENT_NEEDLES: Final = ("entry", "feed")
"""Plain words every ``CONTENT_RE`` match holds."""
PAGE_TAGS: Final = frozenset({"body", "html"})
"""Elements whose classes describe the whole page ("no-sidebars", "page-archive"), not
a region of it."""
MAX_DATE_ELEMENTS: Final = 80
"""At most this many date-ish elements are read (a page with more is a list of teasers)."""
MAX_DATE_TEXT_CHARS: Final = 300
"""Text longer than this is a container (the whole post), not a date line: its date
elements are read on their own."""
MAX_VISIBLE_DATES: Final = 3
"""At most this many published (and modified) candidates are kept, in document order."""
LABEL_WINDOW_CHARS: Final = 40
"""Characters before a date searched for its label ("Aktualisiert am")."""

MODIFIED_LABEL_RE: Final = re.compile(
    r"(?:updated?|modified|edited|revised|aktualisiert|update|geändert|letzte\s+änderung|"
    r"mis\s+à\s+jour|modifié|actualizad[oa]|actualización|aggiornat[oa]|"
    r"bijgewerkt|gewijzigd|uppdaterad|oppdatert|opdateret|atualizad[oa])\b[^\d]{0,25}$",
    re.IGNORECASE,
)
"""A modification label right before a date ("Updated:", "Aktualisiert am"). German
"Stand" ("as of") is not one: on many pages it is the only date, the page's own."""
IGNORED_LABEL_RE: Final = re.compile(
    r"(?:print(?:ed)?(?:\s+date)?|gedruckt|accessed|retrieved|abgerufen|consulté|"
    r"joined|member\s+since|mitglied\s+seit|born|geboren|né\s+le|expires?|gültig\s+bis)"
    r"\b[^\d]{0,25}$",
    re.IGNORECASE,
)
"""Labels of dates that are not the article's ("Print date:", "Joined", "Born")."""
MODIFIED_CLASS_RE: Final = re.compile(r"updat|modif|aktualis|lastchange|last-change|revised")
"""Class/id fragments of an element that prints the modification date."""
PUBLISHED_CLASS_RE: Final = re.compile(r"publi|created|posted")
"""Class/id fragments of the publication date; they win over ``MODIFIED_CLASS_RE``
(``class="entry-date published updated"``)."""
LANGUAGE_TAG_SEPARATOR_RE: Final = re.compile(r"[-_]")
"""Between the parts of a language tag (``en-US``, ``en_GB``)."""
TEXT_AFTER_NODES: Final = 30
"""How many non-blank text nodes after the headline are read (its dateline, byline, lead)."""
TEXT_BEFORE_NODES: Final = 6
"""How many non-blank text nodes before the headline are read (a kicker or date above it)."""
AFTER_WINDOW_CHARS: Final = 300
"""Text after the headline read for its dateline ("Title / By X / 5 May 2021")."""
BEFORE_WINDOW_CHARS: Final = 120
"""Text before the headline read for a date printed above it."""
PARAGRAPH_CHARS: Final = 200
"""A text node this long is prose: only its start is read (datelines open paragraphs)."""
PARAGRAPH_START_CHARS: Final = 80
"""How much of the first prose text after the headline is read."""
DATELINE_MAX_OFFSET: Final = 25
"""In that prose, a date must start this early to be a dateline ("BERLIN, 5. März –"),
not a date the story talks about."""
MONTH_FIRST_REGIONS: Final = frozenset({"us", "ph", "fm", "pw", "mh"})
"""Regions whose English writes the month first (``03/04/2024`` = March 4)."""


@dataclass(frozen=True, slots=True)
class _Dated:
    """One date read from the page, and what kind of date its context says it is."""

    value: dt.datetime | dt.date
    modified: bool
    detail: str


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


def _tooltip_date(element: html.HtmlElement, dayfirst: bool | None) -> dt.datetime | dt.date | None:
    """Element → the first date in its ``title`` attribute (a tooltip), if any."""
    title = element.get("title")
    if not title or len(title) > MAX_DATE_TEXT_CHARS:
        return None
    found = find_dates_in(title, prefer_dayfirst=dayfirst)
    return found[0].value if found else None


def _dates_of(element: html.HtmlElement, dayfirst: bool | None) -> list[_Dated]:
    """One date-ish element → the dates it prints, classified."""
    detail = _detail(element)
    hints = _hints(element)
    modified_class = bool(MODIFIED_CLASS_RE.search(hints)) and not PUBLISHED_CLASS_RE.search(hints)
    tooltip = _tooltip_date(element, dayfirst)
    if tooltip is not None and element.tag == "abbr":
        return [_Dated(tooltip, modified_class, "abbr[title]")]
    text = _bounded_text(element)
    found = (
        find_dates_in(text, prefer_dayfirst=dayfirst)
        if text is not None and any(ch.isdigit() for ch in text)
        else ()
    )
    if text is None or not found:
        # "vor 3 Stunden" / an icon, with the date itself in the element's tooltip
        return [] if tooltip is None else [_Dated(tooltip, modified_class, f"{detail} [title]")]
    kinds = _classify(text, found, modified_class)
    return [
        _Dated(match.value, kind, detail)
        for match, kind in zip(found, kinds, strict=True)
        if kind is not None
    ]


def _window_after(headline: html.HtmlElement) -> tuple[str, int]:
    """Headline → the text right after it (up to the window or into the first prose),
    and the offset where a dateline date must start by (the prose's first words)."""
    parts: list[str] = []
    size = 0
    for text in itertools.islice(following_texts(headline), TEXT_AFTER_NODES):
        piece = " ".join(text.split())
        if len(piece) > PARAGRAPH_CHARS:
            parts.append(piece[:PARAGRAPH_START_CHARS])
            return " | ".join(parts), size + DATELINE_MAX_OFFSET
        parts.append(piece)
        size += len(piece) + 3
        if size >= AFTER_WINDOW_CHARS:
            break
    return " | ".join(parts), size


def _window_before(headline: html.HtmlElement) -> str:
    """Headline → the short text right before it."""
    texts = list(itertools.islice(preceding_texts(headline), TEXT_BEFORE_NODES))
    parts = [" ".join(text.split()) for text in reversed(texts)]
    return " | ".join(parts)[-BEFORE_WINDOW_CHARS:]


def _near_headline(clues: Clues, dayfirst: bool | None) -> tuple[list[_Dated], list[_Dated]]:
    """The headline (from the clue scan) → dates printed right after it, and right
    before it."""
    headline = clues.headline
    if headline is None:
        return [], []
    after: list[_Dated] = []
    text, limit = _window_after(headline)
    found = tuple(m for m in find_dates_in(text, prefer_dayfirst=dayfirst) if m.start <= limit)
    for match, kind in zip(found, _classify(text, found, False), strict=True):
        if kind is not None:
            after.append(_Dated(match.value, kind, "text after headline"))
    before: list[_Dated] = []
    text = _window_before(headline)
    found = find_dates_in(text, prefer_dayfirst=dayfirst)
    kinds = _classify(text, found, False)
    for match, kind in reversed(list(zip(found, kinds, strict=True))):
        if kind is not None:
            before.append(_Dated(match.value, kind, "text before headline"))
    return after, before


def dayfirst_of(root: html.HtmlElement, tags: tuple[MetaTag, ...]) -> bool | None:
    """Document → how to read ``03/04/2024``: False in US English, True in other known
    languages, ``None`` (skip such dates) when the language is unknown."""
    raw = root.get("lang") or next(iter(meta_values(tags, "og:locale")), "")
    parts = LANGUAGE_TAG_SEPARATOR_RE.split(raw.strip().lower())
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


PLAIN: Final = 0
CONTENT: Final = 1
FURNITURE: Final = 2
SIDE: Final = 3
"""What a region is (``_own``), and what the path from an element up says (``is_furniture``)."""
RegionCache = dict[html.HtmlElement, int]
"""Path verdicts of elements already walked, for one document (see ``is_furniture``)."""


def _own(node: html.HtmlElement) -> int:
    """One element → CONTENT, FURNITURE, SIDE or PLAIN, by its tag, class and id alone."""
    tag = node.tag
    hints = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
    searched = len(hints) > 1  # (a class or id at all)
    if tag in CONTENT_TAGS or (
        searched and holds(hints, CONTENT_NEEDLES) and CONTENT_RE.search(hints)
    ):
        return CONTENT
    if tag in FURNITURE_TAGS:
        return SIDE
    if searched and holds(hints, REGION_NEEDLES) and (found := REGION_RE.search(hints)) is not None:
        if found.lastgroup == "furniture" or FURNITURE_RE.search(hints, found.end()):
            return FURNITURE
        return SIDE
    return PLAIN


def is_furniture(element: html.HtmlElement, cache: RegionCache | None = None) -> bool:
    """Date element → True when it sits in a comment, sidebar, teaser list or navigation.

    Ancestors are read upwards until the first content anchor (``<article>``, ``<main>``,
    a microformats ``hentry``): what wraps the article (a blog engine's "widget Blog")
    does not make it furniture. An ``<aside>``/``<nav>`` or a "sidebar" inside the article
    is its side column (date, author), not the site's sidebar. The classes of ``<body>``
    and ``<html>`` describe the page, not a region. ``cache`` (one per document) keeps
    each ancestor's verdict, so many date elements cost one walk of their ancestors.
    """
    path: list[html.HtmlElement] = []
    state = PLAIN  # the verdict above the topmost element walked
    node: html.HtmlElement | None = element
    while node is not None and node.tag not in PAGE_TAGS:
        if cache is not None and node in cache:
            state = cache[node]
            break
        path.append(node)
        node = node.getparent()
    path.reverse()  # top down: the nearest region decides
    for walked in path:  # (not ``reversed(path)``: mypyc cannot compile that here)
        own = _own(walked)
        if own in (CONTENT, FURNITURE) or (own == SIDE and state == PLAIN):
            state = own
        if cache is not None:
            cache[walked] = state
    return state in (FURNITURE, SIDE)


def _date_elements(clues: Clues) -> list[html.HtmlElement]:
    """Date-ish elements → those outside furniture, in document order, bounded."""
    kept: list[html.HtmlElement] = []
    cache: RegionCache = {}
    for element in clues.dates:
        if not is_furniture(element, cache):
            kept.append(element)
            if len(kept) >= MAX_DATE_ELEMENTS:
                break
    return kept


def extract_visible_dates(
    root: html.HtmlElement, tags: tuple[MetaTag, ...], clues: Clues | None = None
) -> Findings:
    """Document, its meta tags and ``scan_clues`` result → visible-date candidates."""
    clues = clues if clues is not None else scan_clues(root)
    dayfirst = dayfirst_of(root, tags)
    published: list[_Dated] = []
    modified: list[_Dated] = []
    after, before = _near_headline(clues, dayfirst)
    dated_elements = [
        dated for element in _date_elements(clues) for dated in _dates_of(element, dayfirst)
    ]
    for dated in [*dated_elements, *after, *before]:
        (modified if dated.modified else published).append(dated)
    return Findings(published=_evidence(published), modified=_evidence(modified))
