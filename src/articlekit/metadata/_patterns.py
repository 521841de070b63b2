"""Bridge to ``articlekit.patterns``: byline/name/date/language helpers, with small fallbacks.

Input → output: raw byline, name and date strings → parsed values. Each function imports
the matching ``articlekit.patterns`` function lazily; if that module is not available
(or fails), a minimal private fallback keeps the metadata stage working.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from articlekit.metadata._text import clean_text

__all__ = [
    "Byline",
    "DateFound",
    "find_date",
    "find_dates_in",
    "is_organization",
    "normalize_name",
    "parse_byline",
    "parse_date_string",
]

logger = logging.getLogger(__name__)

BYLINE_PREFIX_RE = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|text|story)\s+by|by|von|par|por|di|door|"
    r"af|av|przez|od|autor(?:in)?|author|auteur|text|texto|testo)\s*[:\-–]?\s+",
    re.IGNORECASE,
)
"""Leading "By …" words of a byline, in the languages of most news sites."""

BYLINE_SPLIT_RE = re.compile(
    r"\s*(?:,|;|/|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|\ben\b|\bi\b)\s*",
    re.IGNORECASE,
)
"""Separators between several names in one byline."""

ORGANIZATION_RE = re.compile(
    r"\b(?:news|agency|agentur|press|presse|staff|team|redaktion|redacci[oó]n|r[ée]daction|"
    r"redazione|newsroom|editorial|editors|desk|media|online|inc|ltd|llc|gmbh|ag|sa|"
    r"associated|reuters|afp|dpa|apa|ap|ansa|efe|kna|epd|sid|ddp)\b|\.(?:com|org|net|de|at|"
    r"ch|fr|uk|es|it)\b",
    re.IGNORECASE,
)
"""Words that mark a byline entry as an organisation (agency, newsroom, company)."""

NAME_REJECT_RE = re.compile(r"https?:|www\.|@|\d{3,}|[<>{}\[\]=]")
"""Things a person's name never contains."""

MAX_NAME_WORDS = 6
"""A "name" with more words than this is a sentence, not a name."""


@dataclass(frozen=True, slots=True)
class DateFound:
    """An absolute date found in text, with its character span."""

    value: dt.datetime | dt.date
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Byline:
    """A parsed byline: person names, organisation names and an optional role."""

    persons: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    role: str | None = None


def _lookup(module: str, name: str) -> Callable[..., Any] | None:
    """Module and attribute name → the function from ``articlekit.patterns``, or ``None``."""
    try:
        found = getattr(importlib.import_module(f"articlekit.patterns.{module}"), name, None)
    except Exception:  # a sibling module that fails to import must not break us
        return None
    return found if callable(found) else None


def _fallback_normalize_name(name: str) -> str | None:
    """Raw name → cleaned name, or ``None`` when it cannot be a person's name."""
    text = clean_text(name)
    if text is None:
        return None
    text = BYLINE_PREFIX_RE.sub("", text).strip(" ,;:-–|·•*")
    if not text or NAME_REJECT_RE.search(text) or len(text.split()) > MAX_NAME_WORDS:
        return None
    if not any(ch.isalpha() for ch in text):
        return None
    if text.isupper() and len(text) > 3:
        text = text.title()
    return text


def normalize_name(name: str) -> str | None:
    """Raw name → normalised name (``patterns.persons.normalize_name``), or ``None``."""
    impl = _lookup("persons", "normalize_name")
    if impl is not None:
        try:
            result = impl(name)
        except Exception:  # fall back on the local rules
            result = _fallback_normalize_name(name)
        else:
            return clean_text(result) if isinstance(result, str) else None
    return _fallback_normalize_name(name)


def is_organization(name: str) -> bool:
    """Name → True when it names an organisation rather than a person."""
    impl = _lookup("persons", "is_organization")
    if impl is not None:
        try:
            return bool(impl(name))
        except Exception:  # fall back on the local rules
            pass
    return bool(ORGANIZATION_RE.search(name))


def _fallback_parse_byline(text: str) -> Byline:
    """Byline text → persons and organisations, split on the usual separators."""
    cleaned = clean_text(text)
    if cleaned is None:
        return Byline()
    cleaned = BYLINE_PREFIX_RE.sub("", cleaned)
    persons: list[str] = []
    organizations: list[str] = []
    for part in BYLINE_SPLIT_RE.split(cleaned):
        piece = BYLINE_PREFIX_RE.sub("", part).strip(" .,;:-–|·•*")
        if not piece:
            continue
        if is_organization(piece):
            organizations.append(piece)
        else:
            name = _fallback_normalize_name(piece)
            if name is not None:
                persons.append(name)
    return Byline(tuple(persons), tuple(organizations), None)


def parse_byline(text: str) -> Byline:
    """Byline text → ``Byline`` (``patterns.persons.parse_byline`` or the local fallback)."""
    impl = _lookup("persons", "parse_byline")
    if impl is not None:
        try:
            result = impl(text)
            persons = tuple(p for p in getattr(result, "persons", ()) if isinstance(p, str))
            orgs = tuple(o for o in getattr(result, "organizations", ()) if isinstance(o, str))
            role = getattr(result, "role", None)
            return Byline(persons, orgs, role if isinstance(role, str) else None)
        except Exception:  # fall back on the local rules
            logger.debug("patterns.persons.parse_byline failed on %r", text[:80])
    return _fallback_parse_byline(text)


def parse_date_string(text: str) -> dt.datetime | dt.date | None:
    """Date text → ``date``/``datetime`` via ``patterns.dates.parse_date_string``, or ``None``."""
    impl = _lookup("dates", "parse_date_string")
    if impl is None:
        return None
    try:
        with warnings.catch_warnings():  # dateutil warns about zone names it cannot read
            warnings.simplefilter("ignore")
            result = impl(text)
    except Exception:  # an unparseable date is simply no date
        return None
    return result if isinstance(result, dt.date) else None


def find_date(text: str) -> dt.datetime | dt.date | None:
    """Text with a date inside (``"Published on 6 Nov 2023"``) → the first absolute date.

    Uses ``patterns.dates.find_dates`` without a reference time, so relative
    expressions are never resolved; ``None`` when that function is not available.
    """
    impl = _lookup("dates", "find_dates")
    if impl is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            matches = impl(text)
    except Exception:  # an unparseable date is simply no date
        return None
    for match in matches or ():
        value = getattr(match, "value", None)
        if isinstance(value, dt.date) and not getattr(match, "relative", False):
            return value
    return None


def find_dates_in(text: str, *, prefer_dayfirst: bool | None = None) -> tuple[DateFound, ...]:
    """Text → every absolute date in it (``patterns.dates.find_dates``), in text order.

    Relative expressions are never resolved (no reference time); ambiguous slashed dates
    (``03/04/2024``) are read as ``prefer_dayfirst`` says, or skipped when it is ``None``.
    Empty when ``patterns.dates`` is not available.
    """
    impl = _lookup("dates", "find_dates")
    if impl is None:
        return ()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            matches = impl(text, prefer_dayfirst=prefer_dayfirst)
    except Exception:  # an unparseable date is simply no date
        return ()
    found: list[DateFound] = []
    for match in matches or ():
        value = getattr(match, "value", None)
        if isinstance(value, dt.date) and not getattr(match, "relative", False):
            found.append(DateFound(value, int(match.start), int(match.end)))
    return tuple(found)
