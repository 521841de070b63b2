"""Date strings → ``DateValue``: as precise as the source, zone assumed only when asked.

Input → output: raw date strings from metadata (ISO 8601, RFC 2822, Unix timestamps,
common human formats) and page URLs → ``DateValue``. A value with an offset becomes an
aware ``datetime``; a time without offset stays naive, or becomes aware in
``ParseOptions.default_timezone`` with ``assumed_timezone=True``; a bare date stays a
``date``. URL date patterns give a weak, day-precision fallback.
"""

from __future__ import annotations

import datetime as dt
import re
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from articlekit.metadata._findings import Warn
from articlekit.metadata._patterns import find_date, parse_date_string
from articlekit.metadata.types import DateValue
from articlekit.patterns.dates import DateutilZones, from_rfc2822

__all__ = ["dates_differ", "load_zone", "parse_date", "url_date"]

MIN_YEAR: Final = 1900
"""Earlier years are typos or placeholders (``0001-01-01``), not publication dates."""
MAX_YEAR: Final = 2100
"""Later years are placeholders or garbage."""
MAX_UTC_OFFSET: Final = dt.timedelta(hours=14)
"""No time zone is further from UTC (UTC+14); a parsed offset beyond it ("1h00-25", read
as 01:00 at UTC−25) is no zone, and the time is kept without one."""
MAX_DATE_CHARS: Final = 100
"""Longer strings are prose, not a date value."""
FUTURE_TOLERANCE: Final = dt.timedelta(days=2)
"""A date this far after ``reference_time`` is rejected (time zones, embargoed stories)."""

ISO_DATE_ONLY_RE: Final = re.compile(r"^\d{4}-?\d{2}-?\d{2}$")
"""An ISO date without time (``2024-01-30`` or ``20240130``)."""
TIMESTAMP_RE: Final = re.compile(r"^\d{10}(?:\d{3})?$")
"""A Unix timestamp in seconds or milliseconds."""
YEAR_RE: Final = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
"""A four-digit year: free-form strings without one are not parsed (no guessing)."""
TIME_RE: Final = re.compile(r"\d{1,2}[:h.]\d{2}(?!\d{2,})|\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
"""A time of day inside a free-form date string."""
DAY_FIRST_RE: Final = re.compile(r"(?<!\d)\d{1,2}[./]\d{1,2}[./]\d{4}")
"""``30.01.2024`` / ``30/01/2024``: day before month, as outside the US."""
ZONE_ABBREVIATIONS: Final = MappingProxyType(
    {
        "UTC": 0,
        "GMT": 0,
        "Z": 0,
        "WET": 0,
        "BST": 3600,
        "CET": 3600,
        "MEZ": 3600,
        "WEST": 3600,
        "CEST": 7200,
        "MESZ": 7200,
        "EET": 7200,
        "EEST": 10800,
        "MSK": 10800,
        "IST": 19800,
        "JST": 32400,
        "EST": -18000,
        "EDT": -14400,
        "CST": -21600,
        "CDT": -18000,
        "MST": -25200,
        "MDT": -21600,
        "PST": -28800,
        "PDT": -25200,
    }
)
"""Common zone abbreviations in free-form dates and their UTC offsets in seconds."""
_ZONES: Final = DateutilZones(ZONE_ABBREVIATIONS)
"""``ZONE_ABBREVIATIONS`` as dateutil's ``tzinfos`` (``DateutilZones``)."""
ZONE_NAME_RE: Final = re.compile(r"\b(?:" + "|".join(ZONE_ABBREVIATIONS) + r")\b")
"""A zone abbreviation from ``ZONE_ABBREVIATIONS`` inside a date string."""
URL_DATE_RES: Final = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/|$|\.html?\b)"),
    re.compile(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})(?=[_-])"),
    re.compile(r"[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/_.-]|$)"),
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)"),
)
"""URL paths carrying a day: ``/2024/1/30/``, ``/2024/01/30-slug``, ``-2024-01-30-``,
``/20240130/``. A one-digit "day" before a hyphen (``/2023/10/3-questions``) is a slug."""
URL_DAY_FIRST_RE: Final = re.compile(r"[/_-](\d{2})([-.])(\d{2})\2((?:19|20)\d{2})(?=[/_.-]|$)")
"""A day-first date in a URL path (``/29-10-2021``, ``-29.10.2021.html``): read only when
the order is certain (the first number is above 12, or both are equal), since US sites
write the month first."""
MONTHS_IN_YEAR: Final = 12


def load_zone(name: str | None) -> tuple[ZoneInfo | None, Warn | None]:
    """IANA zone name → ``ZoneInfo`` (or ``None``), with a warning for unknown names."""
    if not name:
        return None, None
    try:
        return ZoneInfo(name), None
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None, ("metadata.bad_timezone", f"unknown default_timezone {name!r}; kept naive")


def _in_range(value: dt.date) -> bool:
    """Date or datetime → True when its year is plausible for a web page."""
    return MIN_YEAR <= value.year <= MAX_YEAR


def _parse_iso(text: str) -> dt.datetime | dt.date | None:
    """ISO 8601 text → ``date`` (no time) or ``datetime`` (naive or aware), else ``None``."""
    candidate = text.strip()
    if ISO_DATE_ONLY_RE.match(candidate):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            return None
    if candidate[-1:] in ("z", "Z"):
        candidate = candidate[:-1] + "+00:00"
    try:
        return dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _parse_timestamp(text: str) -> dt.datetime | None:
    """Unix timestamp text (seconds or milliseconds) → aware UTC datetime."""
    if not TIMESTAMP_RE.match(text):
        return None
    seconds = int(text) / (1000 if len(text) == 13 else 1)
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _parse_rfc2822(text: str) -> dt.datetime | None:
    """RFC 2822 text (``Tue, 30 Jan 2024 10:00:00 GMT``) → datetime, else ``None``
    (``from_rfc2822``, which leaves a zone name it does not know naive)."""
    parsed = from_rfc2822(text)
    if parsed is None:
        return None
    if parsed.tzinfo is None and text.rsplit(maxsplit=1)[-1].upper() in ZONE_ABBREVIATIONS:
        return None  # a zone name the email parser does not know: the free-form parser does
    return parsed


def _parse_free(text: str) -> dt.datetime | dt.date | None:
    """Free-form date text with a four-digit year → ``date`` or ``datetime`` via dateutil."""
    if not YEAR_RE.search(text):
        return None
    try:
        from dateutil import parser as date_parser  # noqa: PLC0415 - heavy, rarely needed

        parsed = date_parser.parse(
            text,
            dayfirst=bool(DAY_FIRST_RE.search(text)),
            default=dt.datetime(2000, 1, 1),  # a fixed default, never "now"
            tzinfos=_ZONES,  # (unknown names: naive, and no warning)
        )
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if not TIME_RE.search(text):
        return parsed.date()
    return parsed


def _is_naive(value: dt.datetime | dt.date) -> bool:
    """Parsed value → True for a datetime without offset."""
    return isinstance(value, dt.datetime) and value.tzinfo is None


def _to_value(parsed: dt.datetime | dt.date, zone: ZoneInfo | None) -> DateValue:
    """Parsed date → ``DateValue``, assuming ``zone`` for naive datetimes when given."""
    if isinstance(parsed, dt.datetime) and parsed.tzinfo is None and zone is not None:
        return DateValue(parsed.replace(tzinfo=zone), assumed_timezone=True)
    return DateValue(parsed)


def parse_date(
    raw: str,
    *,
    zone: ZoneInfo | None = None,
    reference_time: dt.datetime | None = None,
) -> DateValue | None:
    """Raw date string → ``DateValue``, or ``None`` when it is no plausible date.

    Args:
        raw: The string as found (ISO 8601, RFC 2822, Unix timestamp, free-form).
        zone: Zone assumed for a time without offset (``None`` keeps it naive).
        reference_time: "Now"; dates well after it are rejected as implausible.
    """
    text = raw.strip()
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    parsed: dt.datetime | dt.date | None = (
        _parse_iso(text) or _parse_timestamp(text) or _parse_rfc2822(text)
    )
    if parsed is None:
        parsed = parse_date_string(text)
        if parsed is None or (_is_naive(parsed) and ZONE_NAME_RE.search(text)):
            parsed = _parse_free(text) or parsed
    if parsed is None:
        parsed = find_date(text)
    if parsed is None or not _in_range(parsed):
        return None
    parsed = _without_implausible_offset(parsed)
    if reference_time is not None and _is_future(parsed, reference_time):
        return None
    return _to_value(parsed, zone)


def _without_implausible_offset(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    """``value`` without its UTC offset when that is beyond ``MAX_UTC_OFFSET`` (dateutil
    accepts any; such a datetime cannot even be written in ISO 8601)."""
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        return value
    offset = value.tzinfo.utcoffset(value.replace(tzinfo=None))
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        return value.replace(tzinfo=None)
    return value


def _is_future(value: dt.datetime | dt.date, reference_time: dt.datetime) -> bool:
    """Date and "now" → True when the date is more than the tolerance after "now"."""
    if isinstance(value, dt.datetime):
        if (value.tzinfo is None) != (reference_time.tzinfo is None):
            value = value.replace(tzinfo=reference_time.tzinfo)
        return value > reference_time + FUTURE_TOLERANCE
    return value > (reference_time + FUTURE_TOLERANCE).date()


def url_date(url: str | None, *, reference_time: dt.datetime | None = None) -> DateValue | None:
    """Page URL → the day in its path (``/2024/01/30/``, ``/20240130/``, an unambiguous
    ``/29-10-2021``), or ``None``."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in URL_DATE_RES:
        for match in pattern.finditer(path):
            year, month, day = (int(group) for group in match.groups())
            try:
                value = dt.date(year, month, day)
            except ValueError:
                continue
            if not _in_range(value):
                continue
            if reference_time is not None and _is_future(value, reference_time):
                continue
            return DateValue(value)
    for match in URL_DAY_FIRST_RE.finditer(path):
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if first <= MONTHS_IN_YEAR and first != second:
            continue
        try:
            value = dt.date(year, second, first)
        except ValueError:
            continue
        if reference_time is None or not _is_future(value, reference_time):
            return DateValue(value)
    return None


def _comparable(value: dt.datetime | dt.date) -> tuple[dt.date, dt.datetime | None]:
    """Date value → its day and, for datetimes, the datetime in UTC (naive read as UTC)."""
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return value.date(), aware.astimezone(dt.UTC)
    return value, None


def dates_differ(first: DateValue, second: DateValue) -> bool:
    """Two date values → True when they name different moments at their common precision."""
    day_a, moment_a = _comparable(first.value)
    day_b, moment_b = _comparable(second.value)
    if moment_a is None or moment_b is None:
        return day_a != day_b
    return moment_a != moment_b
