"""Page-text dates, the last resort: a document no other source dated → the dates its text
prints, ranked by their labels.

Input → output: a read-only lxml document and its meta tags → ``Findings`` with at most
one published candidate (``SourceKind.TEXT_PATTERN``, detail ``page text …``). It runs
only when every other source (JSON-LD, meta tags, date elements, the headline's
surroundings, the URL) gave nothing: many small sites print their date only in a
labelled line somewhere on the page ("Datum: 03.02.2022", "Mise en ligne 23 mai 2019",
a ``<dt>Date</dt><dd>…</dd>`` pair), in a footer ("last edited 2019-11-10") or at the
top of the text, with no class that says so.

The body's shown text is read once, in document order (bounded), and searched once for
dates; each date is classified by the text right before it. The winner is the first
date labelled as a publication date, else the first labelled as a modification (a page
whose date line says "Updated: …" was written then at the latest), else the first
unlabelled one on a line of its own or at the start of a paragraph. Dates in comments,
sidebars, teaser lists and navigation are skipped, and so are dates in link text
(archive and teaser links). A page whose text has no labelled publication date may
still declare one in its scripts' data (a shop's ``"published_at": "…"``, a schema.org
object of a type the JSON-LD reader does not take): that ranks right after a labelled
printed date; a creation key (``"createdAt"``) ranks last.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from typing import Final

from lxml import html

from articlekit.metadata._findings import Findings
from articlekit.metadata._head import MetaTag
from articlekit.metadata._patterns import find_dates_in
from articlekit.metadata.dates import parse_date
from articlekit.metadata.types import Evidence
from articlekit.metadata.visible import (
    DATELINE_MAX_OFFSET,
    IGNORED_LABEL_RE,
    LABEL_WINDOW_CHARS,
    MODIFIED_LABEL_RE,
    PARAGRAPH_CHARS,
    RegionCache,
    dayfirst_of,
    is_furniture,
)
from articlekit.model.provenance import SourceKind

__all__ = ["PUBLISHED_LABEL_RE", "extract_page_dates"]

MAX_PAGE_TEXT_CHARS: Final = 200_000
"""At most this much of the body's text is read (dates of a page are near its top)."""
MAX_PAGE_ELEMENTS: Final = 100_000
"""At most this many elements are walked for that text (a generated page can have more,
with hardly any text in them)."""
MAX_PAGE_DATES: Final = 200
"""At most this many dates found in that text are classified."""
MIN_PAGE_YEAR: Final = 1995
"""Earlier dates in running text are history the page talks about, not its own date."""
HIDDEN_TAGS: Final = frozenset({"script", "style", "noscript", "template", "select", "option"})
"""Elements whose text is not shown (or is a form's list of choices)."""
LINK_TAGS: Final = frozenset({"a"})
"""Dates in link text point to other pages (archives, teasers, calendars)."""
PUBLISHED_LABEL_RE: Final = re.compile(
    r"(?<![^\W\d_])(?:published|posted|date|dated|released?|written|"
    r"datum|veröffentlicht|erstellt|erschienen|geschrieben|publiziert|eingestellt|"
    r"publié|publiée|mis\s+en\s+ligne|en\s+ligne\s+depuis|"
    r"publicad[oa]|fecha|publicação|pubblicat[oa]|data|"
    r"gepubliceerd|geplaatst|publicerad|publiceret|publisert|"
    r"опубликовано|дата|opublikowano|publikováno|yayınlanma|"
    r"notizia\s+del|wurde\s+am|stand)\b[^\d\n]{0,12}$",
    re.IGNORECASE,
)
"""A publication label right before a date, in the same line ("Datum:", "Published on",
"Mise en ligne", "Erstellt am:", "Dieser Artikel wurde am")."""
PUBLISHED_KIND: Final = 0
MODIFIED_KIND: Final = 1
PLAIN_KIND: Final = 2
CREATED_KIND: Final = 3
"""Ranks of a page date: labelled published (in the text, or a publication key in the
scripts' data), labelled modified, unlabelled (a label says the date is the page's own;
an unlabelled one may be any date the page mentions), a creation key in script data."""
SCRIPT_DATE_RE: Final = re.compile(
    r"(?P<key>datePublished|date_published|published_at|publishedAt|publishDate|"
    r"publish_date|pubDate|created_at|createdAt|dateCreated|uploadDate|uploaded_at|"
    r"uploadedAt)[\"']?\s{0,3}:\s{0,3}[\"'](?P<value>[^\"'\n]{8,40})[\"']"
)
"""A date under a publication or creation key in a script's data (a shop's or an app's
JSON state, a schema.org object of a type the JSON-LD reader does not take)."""
CREATED_KEYS: Final = frozenset({"createdat", "datecreated", "uploaddate", "uploadedat"})
"""Keys (lower-cased, without ``_``) of a creation date: it ranks below printed dates."""
MAX_SCRIPT_CHARS: Final = 1_000_000
"""At most this much script text is searched."""


def _texts(root: html.HtmlElement) -> Iterator[tuple[str, html.HtmlElement]]:
    """Document → its shown text pieces in document order, each with the element it
    belongs to (a tail belongs to the parent of the element it follows)."""
    for body in root.iterchildren("body"):
        for element in itertools.islice(body.iter(), MAX_PAGE_ELEMENTS):
            tag = element.tag
            if not isinstance(tag, str):
                continue
            if element.text and tag not in HIDDEN_TAGS:
                yield element.text, element
            tail = element.tail
            if tail and element is not body:
                parent = element.getparent()
                if parent is not None:
                    yield tail, parent


def _page_text(root: html.HtmlElement) -> tuple[str, list[int], list[html.HtmlElement]]:
    """Document → its shown text (pieces joined by newlines, bounded), the offset where
    each piece starts, and each piece's element."""
    parts: list[str] = []
    starts: list[int] = []
    owners: list[html.HtmlElement] = []
    size = 0
    for raw, owner in _texts(root):
        piece = " ".join(raw.split())
        if not piece:
            continue
        parts.append(piece)
        starts.append(size)
        owners.append(owner)
        size += len(piece) + 1
        if size >= MAX_PAGE_TEXT_CHARS:
            break
    return "\n".join(parts), starts, owners


def _in_link(element: html.HtmlElement) -> bool:
    """Element → True when it is, or sits inside, a link."""
    return any(node.tag in LINK_TAGS for node in (element, *element.iterancestors()))


def _in_prose(text: str, starts: list[int], index: int, start: int) -> bool:
    """A date inside text piece ``index`` → True when that piece is prose and the date
    is not at its start (a date the text talks about, not a date line)."""
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    piece_start = starts[index]
    return end - piece_start > PARAGRAPH_CHARS and start - piece_start > DATELINE_MAX_OFFSET


def _kind(text: str, start: int, previous_end: int) -> int | None:
    """A date's start in the page text → its rank by the label before it (``None``:
    not the page's date)."""
    before = text[max(previous_end, start - LABEL_WINDOW_CHARS) : start]
    if IGNORED_LABEL_RE.search(before):
        return None
    if MODIFIED_LABEL_RE.search(before):
        return MODIFIED_KIND
    if PUBLISHED_LABEL_RE.search(before):
        return PUBLISHED_KIND
    return PLAIN_KIND


def _text_date(root: html.HtmlElement, tags: tuple[MetaTag, ...]) -> tuple[int, str] | None:
    """Document → the best-ranked date its text prints (rank, ISO value), if any."""
    text, starts, owners = _page_text(root)
    if not text:
        return None
    best: tuple[int, str] | None = None
    previous_end = 0
    regions: RegionCache = {}
    for found in find_dates_in(text, prefer_dayfirst=dayfirst_of(root, tags))[:MAX_PAGE_DATES]:
        kind = _kind(text, found.start, previous_end)
        previous_end = found.end
        if kind is None or found.value.year < MIN_PAGE_YEAR:
            continue
        if best is not None and kind >= best[0]:
            continue
        index = bisect.bisect_right(starts, found.start) - 1
        if kind == PLAIN_KIND and _in_prose(text, starts, index, found.start):
            continue
        owner = owners[index]
        if is_furniture(owner, regions) or _in_link(owner):
            continue
        best = (kind, found.value.isoformat())
        if kind == PUBLISHED_KIND:
            break
    return best


def _script_date(root: html.HtmlElement) -> tuple[int, str] | None:
    """Document → the first date its scripts' data give under a publication key
    (``"published_at": "…"``), else under a creation key (``"createdAt": "…"``)."""
    size = 0
    created: str | None = None
    for script in root.iter("script"):
        code = script.text
        if not code:
            continue
        for match in SCRIPT_DATE_RE.finditer(code[: MAX_SCRIPT_CHARS - size]):
            value = match["value"]
            if parse_date(value) is None:
                continue
            if match["key"].lower().replace("_", "") in CREATED_KEYS:
                created = created or value
            else:
                return PUBLISHED_KIND, value
        size += len(code)
        if size >= MAX_SCRIPT_CHARS:
            break
    return (CREATED_KIND, created) if created is not None else None


def extract_page_dates(root: html.HtmlElement, tags: tuple[MetaTag, ...]) -> Findings:
    """Document and its meta tags → the best-labelled date its text prints, or else the
    date its scripts' data give, if any."""
    best = _text_date(root, tags)
    if best is None or best[0] > PUBLISHED_KIND:
        declared = _script_date(root)
        if declared is not None and (best is None or declared[0] < best[0]):
            return Findings(
                published=(Evidence(declared[1], SourceKind.TEXT_PATTERN, "script data"),)
            )
    if best is None:
        return Findings()
    detail = ("page text (labelled)", "page text (updated)", "page text")[best[0]]
    return Findings(published=(Evidence(best[1], SourceKind.TEXT_PATTERN, detail),))
