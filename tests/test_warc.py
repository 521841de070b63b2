"""WARC helpers: the charset of a Content-Type header, HTML media types."""

from __future__ import annotations

import pytest

from articlekit.warc import WarcResponse, charset_of, is_html_media_type


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=ISO-8859-1", "ISO-8859-1"),
        ('text/html; Charset="utf-8"', "utf-8"),
        ("text/html;charset='windows-1251'", "windows-1251"),
        ("text/html", None),
        ("text/html; charset=no-such-codec", None),
        (None, None),
    ],
)
def test_warc_charset_of_content_type(header: str | None, expected: str | None) -> None:
    assert charset_of(header) == expected


def test_warc_html_media_types_and_status() -> None:
    assert is_html_media_type("Application/XHTML+XML; charset=utf-8")
    assert not is_html_media_type("application/pdf")
    assert not is_html_media_type(None)

    def response(status: int | None, media_type: str) -> WarcResponse:
        return WarcResponse(None, None, 0, status, media_type, None, b"")

    assert response(200, "text/html").is_html
    assert not response(301, "text/html").is_html
    assert not response(None, "text/html").is_html
    assert not response(200, "image/png").is_html
