"""Text and URL helpers of the metadata stage: raw attribute/JSON strings → clean values.

Input → output: raw strings from ``<meta>``, JSON-LD or DOM text → unescaped, NFC,
whitespace-collapsed strings (or ``None`` when nothing is left); relative URLs →
absolute ``http(s)`` URLs.
"""

from __future__ import annotations

import contextlib
import html
import re
import unicodedata
from typing import Final
from urllib.parse import urljoin, urlsplit

from articlekit.patterns.markup import TAG_RE

__all__ = ["absolute_url", "clean_text", "fold", "host_label", "resolve_url"]

WHITESPACE_RE: Final = re.compile(r"[\s\u00a0\u200b\u2028\u2029\ufeff]+")
"""Runs of whitespace, including no-break, zero-width and line/paragraph separators."""

FOLD_RE: Final = re.compile(r"[\W_]+", re.UNICODE)
"""Everything that is not a letter or digit, dropped when comparing texts loosely."""
ASCII_ALNUM_ONLY: Final = tuple(code if chr(code).isalnum() else None for code in range(128))
"""``str.translate`` table of ASCII text: keeps letters and digits, drops what
``FOLD_RE`` drops. On ASCII text the same result at less than half the cost (no regex
match per run of punctuation); a tuple, immutable and the fastest table to index."""

SECOND_LEVEL_LABELS: Final = frozenset(
    {"ac", "co", "com", "edu", "go", "gov", "ne", "net", "or", "org"}
)
"""Labels that form a two-part public suffix with a country code (``co.uk``, ``com.au``)."""

PLAIN_ABSOLUTE_URL: Final = re.compile(
    r"https?://[A-Za-z0-9.\-_~%!$&'()*+,=:@]+(?:/[^?#;\[\]\\\s\x00-\x1f\x7f]*)?"
)
"""An absolute ``http(s)`` URL that ``absolute_url`` returns unchanged whatever the base
(``fullmatch``): a lower-case scheme, a host part of ASCII characters that ``urlsplit``
takes as they are (no brackets, no slash), and a path without a query, fragment or
parameters (``urljoin`` drops an empty "?", "#" or ";") or characters ``urlsplit``
removes or checks. ``urljoin`` gives such a URL back as it is (same scheme as the base:
split and joined again, which changes nothing here; another scheme: untouched); most
URLs of a page's metadata are such URLs, and this skips parsing them twice."""

MAX_TEXT_CHARS: Final = 20_000
"""Longer metadata strings are cut: no title or description is legitimately this long."""


def clean_text(raw: object, *, strip_tags: bool = False) -> str | None:
    """Raw value → unescaped, NFC, whitespace-collapsed string, or ``None`` if empty.

    Args:
        raw: Any value; only ``str`` (and numbers, rendered) yield text.
        strip_tags: Remove HTML tags (for JSON-LD values that may embed markup).
    """
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None
    text = str(raw)[:MAX_TEXT_CHARS]
    if strip_tags and "<" in text:
        text = TAG_RE.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    if "\u200b" in text or "\ufeff" in text:
        text = WHITESPACE_RE.sub(" ", text).strip()
    else:  # the same result: str.split() and regex \s agree on what whitespace is
        text = " ".join(text.split())
    return text or None


def fold(text: str) -> str:
    """Text → case-folded letters and digits only, for loose equality tests."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():  # (O(1): ``str`` records it)
        return folded.translate(ASCII_ALNUM_ONLY)
    return FOLD_RE.sub("", folded)


def absolute_url(raw: str | None, base: str | None) -> str | None:
    """Possibly relative URL → absolute ``http(s)`` URL resolved against ``base``.

    Returns ``None`` for empty values, ``javascript:``/``data:`` URLs, and relative
    URLs when there is no base to resolve them against (a base ``urljoin`` rejects
    counts as none).
    """
    value = clean_text(raw)
    if value is None:
        return None
    value = value.replace(" ", "%20")
    if PLAIN_ABSOLUTE_URL.fullmatch(value) is not None:
        return value  # (what ``resolve_url`` gives it, for any base)
    return resolve_url(value, base)


def resolve_url(value: str, base: str | None) -> str | None:
    """``value`` (clean, spaces escaped) resolved against ``base`` by ``urljoin``, if it
    is then an absolute ``http(s)`` URL; ``absolute_url`` without its fast path. A base
    ``urljoin`` rejects counts as none: an absolute ``value`` does not need it."""
    joined: str | None = None
    if base:
        with contextlib.suppress(ValueError):  # (a malformed value is refused below)
            joined = urljoin(base, value)
    if joined is None:
        joined = "https:" + value if value.startswith("//") else value
    try:
        parts = urlsplit(joined)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return joined


def host_label(url: str | None) -> str | None:
    """URL → its main host label, folded (``https://www.nytimes.com/x`` → ``nytimes``)."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label and label != "www"]
    if len(labels) >= 2:
        # drop the public suffix, roughly: "co.uk", "com.au" have a short second-last label
        labels = labels[:-1]
        if len(labels) >= 2 and labels[-1] in SECOND_LEVEL_LABELS:
            labels = labels[:-1]
    return fold(labels[-1]) if labels else None
