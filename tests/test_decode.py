"""Decode stage: bytes → text, in the documented order, never crashing."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.decode import _nfc, decode, sniff_content_type
from articlekit.errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    InvalidOptionError,
)

LIMIT = 10_000_000
HTML = "<html><head><title>Café</title></head><body><p>Über straße naïve</p></body></html>"


def _decode(data: bytes | str, encoding: str | None = None) -> tuple[str, str | None]:
    result = decode(data, encoding=encoding, max_input_bytes=LIMIT)
    return result.text, result.encoding


def test_decode_bom_wins_over_declaration() -> None:
    data = codecs.BOM_UTF8 + HTML.replace("<head>", '<head><meta charset="iso-8859-1">').encode()
    text, used = _decode(data)
    assert used == "utf-8"
    assert "Über straße" in text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, _ = _decode(bom + HTML.encode(codec))
    assert "Über straße" in text


def test_decode_utf16_without_bom_is_detected() -> None:
    text, used = _decode(HTML.encode("utf-16-le"))
    assert used == "utf-16-le"
    assert "naïve" in text


def test_decode_callers_encoding_before_declaration() -> None:
    data = HTML.replace("<head>", '<head><meta charset="utf-8">').encode("cp1252")
    text, used = _decode(data, encoding="cp1252")
    assert used == "cp1252"
    assert "Über" in text


def test_decode_meta_charset_is_honoured() -> None:
    data = HTML.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252")
    text, used = _decode(data)
    assert used == "cp1252"
    assert "straße" in text


def test_decode_http_equiv_charset_is_honoured() -> None:
    head = '<head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    page = (
        HTML.replace("<head>", head).replace("Café", "Cafe").replace("Über straße naïve", "Привет")
    )
    data = page.encode("koi8-r")
    text, used = _decode(data)
    assert used == "koi8-r"
    assert "Привет" in text


def test_decode_wrong_declared_charset_falls_back_with_warning() -> None:
    data = HTML.replace("<head>", '<head><meta charset="ascii">').encode("utf-8")
    result = decode(data, max_input_bytes=LIMIT)
    assert "Über" in result.text
    assert any(code == "decode.wrong_charset" for code, _ in result.warnings)


def test_decode_wrong_caller_encoding_falls_back_with_warning() -> None:
    result = decode(HTML.encode("utf-8"), encoding="ascii", max_input_bytes=LIMIT)
    assert "Über" in result.text
    assert any(code == "decode.wrong_charset" for code, _ in result.warnings)


def test_decode_invalid_utf8_never_crashes() -> None:
    result = decode(b"<p>ok \xff\xfe\xfd broken \xc3</p>", max_input_bytes=LIMIT)
    assert "ok" in result.text


def test_decode_normalizes_newlines_nul_and_nfc() -> None:
    text, _ = _decode("a\r\nb\rc\x00d Cafe\u0301")
    assert text == "a\nb\ncd Café"


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [
        ("utf-8", None),
        ("utf-8-sig", None),
        ("cp1252", "windows-1252"),
        ("latin-1", "iso-8859-1"),
        ("ascii", "us-ascii"),
        ("koi8-r", "koi8-r"),
        ("shift_jis", "shift_jis"),
    ],
)
def test_decode_bytes_lose_nul_and_carriage_returns_in_any_encoding(
    encoding: str, declared: str | None
) -> None:
    # (the byte-faithful codecs are checked in the bytes, the others in the text)
    words = {"ascii": "plain", "koi8-r": "Привет", "shift_jis": "日本語"}.get(encoding, "Grüße")
    page = f"<p>a\r\n{words}\rb\x00c</p>"
    if declared is not None:
        page = f'<meta charset="{declared}">' + page
    text, _ = _decode(page.encode(encoding))
    assert text.endswith(f"<p>a\n{words}\nbc</p>")
    clean, _ = _decode(page.replace("\r", "").replace("\x00", "").encode(encoding))
    assert clean.endswith(f"<p>a\n{words}bc</p>")


NFC_TRICKY = (
    "aeoAEO \u0300\u0301\u0308\u0323\u0327\u0306\u0438\u00e9\u2019\u00a0"
    "\u1100\u1161\u11a8\uac00\u2126\u212b\uf900\u0958\u0915\u093c\u0344\u0f73"
    "\u304b\u3099\u0cbf\u0cd5\U0001f600\u4e2d"
)
"""Characters whose NFC depends on their neighbours or changes them: combining marks of
several classes (reordered), decomposed letters, Hangul jamo, singletons, exclusions,
a composing kana voicing mark and Kannada length mark, beside ASCII and plain non-ASCII."""


@settings(max_examples=150)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.integers(0, 40), st.integers(2030, 2060)),
            st.text(alphabet=NFC_TRICKY, min_size=1, max_size=5),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_nfc_by_pieces_equals_normalize(runs: list[tuple[int, str]]) -> None:
    """Short and piece-long ASCII stretches between tricky runs put piece ends
    right before, inside and right after the runs."""
    text = "".join("x" * filler + run for filler, run in runs)
    assert _nfc(text) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("at", [*range(2030, 2060), 4090, 4095])
def test_nfc_joins_a_mark_across_the_piece_length(at: int) -> None:
    text = "a" * at + "Cafe\u0301 \u1100\u1161\u11a8 o\u0323\u0302" + "b" * 3000
    expected = unicodedata.normalize("NFC", text)
    assert expected != text
    assert _nfc(text) == expected


def test_nfc_returns_normalized_text_unchanged() -> None:
    long_text = ("Stra\u00dfe \u201cquoted\u201d " * 400) + "\u4e2d\u6587" * 3000
    assert _nfc(long_text) is long_text
    ascii_text = "x" * 10_000
    assert _nfc(ascii_text) is ascii_text
    assert _nfc("\u4e2d\u0301" * 5000) == unicodedata.normalize("NFC", "\u4e2d\u0301" * 5000)


@pytest.mark.parametrize(
    "magic",
    [b"%PDF-1.7\n%...", b"\x89PNG\r\n\x1a\n\x00\x00", b"\x1f\x8b\x08\x00", b"PK\x03\x04zip"],
)
def test_decode_rejects_binary_files(magic: bytes) -> None:
    with pytest.raises(BinaryInputError) as info:
        _decode(magic + b"\x00" * 100)
    assert info.value.code == "input.binary"


def test_decode_rejects_oversized_input() -> None:
    with pytest.raises(InputTooLargeError):
        decode(b"x" * 101, max_input_bytes=100)


def test_decode_rejects_nul_only_input() -> None:
    with pytest.raises(EmptyInputError):
        _decode(b"\x00\x00 \n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("  <div><p>hello</p></div>", "html"),
        ("Title\n\nSome paragraph with a < sign and a > sign.", "text"),
        ("Headline\n\nBody text mentioning <b> once.", "text"),
        ("Intro line\n<p>one</p>\n<div>two</div>", "html"),
        ("Note <p> here and <P> there: one tag, twice", "text"),
        ("<3 plain text that starts with a heart", "text"),
    ],
)
def test_decode_sniffs_content_type(text: str, expected: str) -> None:
    assert sniff_content_type(text) == expected


@pytest.mark.parametrize(
    ("controls", "rejected"),
    [(10, False), (100, False), (250, True)],
    ids=["few", "at-threshold", "many"],
)
def test_decode_control_byte_share_decides_binary(controls: int, rejected: bool) -> None:
    # 1,000 bytes: the share allowed is a tenth; tab, newline, CR, form feed and ESC never count
    data = (b"\x01" * controls + b"\t\n\r\x0c\x1b" * 20).ljust(1000, b"a")
    if rejected:
        with pytest.raises(BinaryInputError):
            _decode(data)
    else:
        assert _decode(data)[0].startswith("\x01")


@pytest.mark.parametrize("text", ["Grüße\x00 aus Köln", "\u4f60\x00\u597d", "plain\x00ascii"])
def test_decode_removes_nul_from_any_script(text: str) -> None:
    assert _decode(text)[0] == text.replace("\x00", "")


@pytest.mark.parametrize(
    "text",
    ["", " \n\t", "\u3000\u2003\n", "\x00 \x00\r\n"],
    ids=["empty", "ascii", "unicode", "nul"],
)
def test_decode_rejects_whitespace_only_str(text: str) -> None:
    with pytest.raises(EmptyInputError):
        decode(text, max_input_bytes=1000)


@pytest.mark.parametrize("text", ["\u3000x\u2003", " \u00a0é "], ids=["ideographic", "latin"])
def test_decode_keeps_text_with_one_visible_character(text: str) -> None:
    assert decode(text, max_input_bytes=1000).text == text


# Codecs Python knows that do not turn bytes into text: bytes.decode refuses them with a
# LookupError (found by the fuzzer: a page declaring charset="uu" made parse raise it).
NOT_TEXT_CODECS = ["uu", "base64", "hex", "zlib", "bz2", "quopri", "rot13"]


@pytest.mark.parametrize("label", NOT_TEXT_CODECS)
def test_decode_declared_codec_that_is_no_text_encoding_is_ignored(label: str) -> None:
    data = f'<meta charset="{label}"><p>Caf\xe9 au lait</p>'.encode("cp1252")
    text, used = _decode(data)
    assert used == "cp1252"
    assert "Café" in text


@pytest.mark.parametrize("label", [*NOT_TEXT_CODECS, "no-such-codec"])
def test_decode_callers_codec_that_is_no_text_encoding_is_an_option_error(label: str) -> None:
    with pytest.raises(InvalidOptionError, match="text encoding"):
        _decode(b"<p>text</p>", encoding=label)


@pytest.mark.parametrize("label", ["utf-16", "utf-32", "iso8859-15", "latin-1"])
def test_decode_callers_text_encodings_are_accepted(label: str) -> None:
    data = "<p>Café</p>".encode(label)
    text, _ = _decode(data, encoding=label)
    assert "Café" in text
