"""WARC input: a WARC stream → HTTP responses ready for ``articlekit.parse``.

Input → output: a binary stream of a WARC file (gzip-compressed or not) →
``WarcResponse`` per ``response`` record, with the ``WARC-Target-URI`` as ``url``, the
HTTP ``Content-Type`` charset as ``encoding`` and the payload (chunked and
content-encoding undone) as ``data``::

    from articlekit.warc import iter_responses
    with open("crawl.warc.gz", "rb") as stream:
        for response in iter_responses(stream):
            if response.is_html:
                article = articlekit.parse(
                    response.data, url=response.url, encoding=response.encoding
                )

This is an edge module, like ``cli.py`` and ``spark.py``: it reads the stream its
caller opened (it never opens files itself) and the core pipeline never imports it.
It needs the optional ``warc`` extra (``pip install 'articlekit[warc]'``, which installs
warcio); without it, ``iter_responses`` raises ``ModuleNotFoundError`` with that hint.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import IO, Any

__all__ = [
    "HTML_MEDIA_TYPES",
    "WARC_EXTRA_HINT",
    "WarcResponse",
    "charset_of",
    "is_html_media_type",
    "iter_responses",
]

WARC_EXTRA_HINT = "WARC input needs the optional 'warc' extra: pip install 'articlekit[warc]'"
"""The one-line message given when warcio is not installed."""

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""HTTP media types whose responses are parsed; every other response is skipped."""

HTTP_OK_MIN = 200
HTTP_OK_MAX = 299
"""Only successful responses (2xx) carry the page; redirects and errors are skipped."""

_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WarcResponse:
    """One ``response`` record of a WARC file.

    Attributes:
        url: The record's ``WARC-Target-URI``.
        record_id: The record's ``WARC-Record-ID`` (``<urn:uuid:…>``).
        offset: Byte offset of the record in the (compressed) file.
        status: The HTTP status code, or ``None`` when the record holds no HTTP header.
        media_type: The HTTP ``Content-Type`` without parameters, lower-cased.
        encoding: The ``charset`` parameter of the ``Content-Type`` when it names a
            known codec, else ``None`` (articlekit then detects the encoding).
        data: The payload for HTML responses; empty for skipped ones, which are not read.
    """

    url: str | None
    record_id: str | None
    offset: int
    status: int | None
    media_type: str | None
    encoding: str | None
    data: bytes

    @property
    def is_html(self) -> bool:
        """True for a successful response with an HTML media type: a page to parse."""
        return (
            self.status is not None
            and HTTP_OK_MIN <= self.status <= HTTP_OK_MAX
            and is_html_media_type(self.media_type)
        )


def is_html_media_type(media_type: str | None) -> bool:
    """Return whether a media type (parameters allowed) names an HTML document."""
    if not media_type:
        return False
    return media_type.split(";", 1)[0].strip().lower() in HTML_MEDIA_TYPES


def charset_of(content_type: str | None) -> str | None:
    """Return the codec named by a ``Content-Type`` header's ``charset``, if Python knows it.

    Args:
        content_type: A header value such as ``"text/html; charset=ISO-8859-1"``.

    Returns:
        The charset as written (``"ISO-8859-1"``), or ``None`` when there is none or it
        names no known codec, so that articlekit's own detection takes over.
    """
    if not content_type:
        return None
    match = _CHARSET.search(content_type)
    if match is None:
        return None
    name = match.group(1)
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def iter_responses(stream: IO[bytes]) -> Iterator[WarcResponse]:
    """Yield the ``response`` records of a WARC stream, in file order.

    Only HTML responses (see ``WarcResponse.is_html``) have their payload read; the
    others are yielded with empty ``data`` so that callers can count what they skip.

    Args:
        stream: A binary stream positioned at the start of a WARC (or WARC.gz) file.

    Raises:
        ModuleNotFoundError: warcio is not installed (message: ``WARC_EXTRA_HINT``).
    """
    archive_iterator = _archive_iterator_class()
    records = archive_iterator(stream)
    for record in records:
        if record.rec_type != "response":
            continue
        response = _response(record)  # reads the payload: before the offset, which
        # warcio computes by reading to the record's end
        yield replace(response, offset=records.get_record_offset())


def _archive_iterator_class() -> Any:
    try:
        from warcio.archiveiterator import (  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
            ArchiveIterator,
        )
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(WARC_EXTRA_HINT, name=exc.name) from exc
    return ArchiveIterator


def _response(record: Any) -> WarcResponse:
    headers = record.rec_headers
    http = record.http_headers
    status: int | None = None
    content_type: str | None = None
    if http is not None:
        try:
            status = int(http.get_statuscode())
        except (TypeError, ValueError):
            status = None
        content_type = http.get_header("Content-Type")
    media_type = content_type.split(";", 1)[0].strip().lower() if content_type else None
    response = WarcResponse(
        url=headers.get_header("WARC-Target-URI"),
        record_id=headers.get_header("WARC-Record-ID"),
        offset=0,
        status=status,
        media_type=media_type,
        encoding=charset_of(content_type),
        data=b"",
    )
    if not response.is_html:
        return response
    return replace(response, data=record.content_stream().read())
