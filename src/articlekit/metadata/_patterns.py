"""The metadata stage's view of ``articlekit.patterns``: names, bylines and dates.

Input → output: raw byline, name and date strings → parsed values. Thin wrappers: they
drop relative dates, which metadata values never resolve (there is no reference time
here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from articlekit._fastinit import fast_frozen_init
from articlekit.metadata._text import clean_text
from articlekit.patterns import (
    Byline,
    editors_from_line,
    find_dates,
    has_byline_label,
    is_news_agency,
    is_organization,
    parse_byline,
    parse_date_string,
    strip_byline_label,
)
from articlekit.patterns import normalize_name as _normalize_name

__all__ = [
    "Byline",
    "DateFound",
    "editors_from_line",
    "find_date",
    "find_dates_in",
    "has_byline_label",
    "is_news_agency",
    "is_organization",
    "normalize_name",
    "parse_byline",
    "parse_date_string",
    "strip_byline_label",
]


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class DateFound:
    """An absolute date found in text, with its character span."""

    value: dt.datetime | dt.date
    start: int
    end: int


def normalize_name(name: str) -> str | None:
    """Raw name → normalised name, or ``None`` when it cannot be a person's name."""
    result = _normalize_name(name)
    return clean_text(result) if result is not None else None


def find_dates_in(text: str, *, prefer_dayfirst: bool | None = None) -> tuple[DateFound, ...]:
    """Text → every absolute date in it, in text order.

    Relative expressions are never resolved (no reference time); ambiguous slashed dates
    (``03/04/2024``) are read as ``prefer_dayfirst`` says, or skipped when it is ``None``.
    """
    matches = find_dates(text, prefer_dayfirst=prefer_dayfirst)
    return tuple(
        DateFound(match.value, match.start, match.end) for match in matches if not match.relative
    )


def find_date(text: str) -> dt.datetime | dt.date | None:
    """Text with a date inside ("Published on 6 Nov 2023") → the first absolute date."""
    found = find_dates_in(text)
    return found[0].value if found else None
