"""Decode stage: ``str | bytes`` → normalized ``str``, plus the sniffed content type.

Encoding detection order for ``bytes`` (the first that applies wins):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. the caller's ``encoding`` argument;
3. UTF-16 without BOM, when every other byte of the start is NUL;
4. strict UTF-8, when the bytes hold non-ASCII UTF-8 sequences: such bytes are
   practically never meant as a single-byte charset, whatever a stale declaration says
   (a ``decode.wrong_charset`` warning when a different charset was declared);
5. a ``<meta charset>`` or ``<meta http-equiv="Content-Type" content="…charset=…">``
   declaration in the first 4 KiB, or an XML declaration's ``encoding``;
6. Windows-1252, with any undecodable byte replaced (a ``decode.replaced`` warning).

A declared charset that fails to decode strictly falls through to the next step with a
``decode.wrong_charset`` warning. Normalization: NUL bytes are dropped, ``\\r\\n`` and
``\\r`` become ``\\n``, and the text is put in Unicode NFC.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

from articlekit.errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    InputTypeError,
    InvalidOptionError,
)

__all__ = ["ContentType", "Decoded", "decode", "sniff_content_type"]

ContentType = Literal["html", "text"]

_BOMS: Final[tuple[tuple[bytes, str], ...]] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARATION_WINDOW: Final = 4096
"""Bytes searched for a charset declaration (the HTML spec's prescan reads 1024; be lenient)."""
_CHARSET_RE: Final = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_BINARY_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "ZIP"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00 ftyp", "MP4"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)
_BINARY_SAMPLE: Final = 2048
"""Bytes inspected for control characters when sniffing binary input."""
_MAX_CONTROL_SHARE: Final = 0.1
"""More than this share of C0 control bytes (not tab/newline/CR) means binary data."""
_NUL: Final = re.compile("\x00")
"""Finds a NUL character: twice as fast as the ``in`` operator on non-Latin-1 text, whose
search for a character with a zero low byte stops at every ASCII character."""
_BYTE_FAITHFUL: Final = frozenset({"utf-8", "cp1252", "iso8859-1", "ascii"})
"""Codecs in which a NUL or carriage-return character comes from that byte and no
other (no multibyte sequence holds a byte below 0x80): the decoded text holds one
exactly when the input bytes do."""
_NFC_PIECE: Final = 2048
"""Characters per piece that ``_nfc`` checks at once (longer pieces mean fewer calls;
shorter ones, less ASCII checked along with the other characters)."""
_ASCII_CHAR: Final = re.compile("[\x00-\x7f]")
_UTF16_NUL_SHARE: Final = 0.4
"""At least this share of NULs at odd (or even) positions means UTF-16 without BOM."""
_CONTROL_BYTES: Final = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_CONTROL_BYTES_TABLE: Final = bytes(sorted(_CONTROL_BYTES))
"""The same bytes, for counting them with ``bytes.translate`` (in C)."""
_SNIFF_WINDOW: Final = 8192
"""Characters inspected when deciding between HTML and text."""
_HTML_MARKERS: Final = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a|script|"
    r"link|table|ul|br|img|h[1-6])[\s>/]",
    re.IGNORECASE,
)
_MIN_HTML_MARKERS: Final = 2
"""Distinct tag openings needed to call input HTML when it does not start with ``<``."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoded input.

    Attributes:
        text: Normalized text (NFC, ``\\n`` newlines, no NUL).
        encoding: The encoding used for ``bytes`` input; ``None`` for ``str`` input.
        warnings: ``(code, message)`` pairs.
    """

    text: str
    encoding: str | None
    warnings: tuple[tuple[str, str], ...] = ()


def decode(
    source: str | bytes | bytearray | memoryview,
    *,
    encoding: str | None = None,
    max_input_bytes: int,
) -> Decoded:
    """Decode and normalize the caller's input.

    Args:
        source: HTML or text, as ``str`` or ``bytes``.
        encoding: The caller's encoding for ``bytes`` input (step 2 of the order).
        max_input_bytes: Inputs longer than this raise ``InputTooLargeError``.

    Returns:
        The normalized text with the encoding used and any warnings.

    Raises:
        InputTypeError: ``source`` is neither ``str`` nor ``bytes``.
        InputTooLargeError: ``source`` is longer than ``max_input_bytes``.
        BinaryInputError: ``source`` is a PDF, image, archive or other binary file.
        EmptyInputError: nothing but whitespace is left after decoding.
        InvalidOptionError: ``encoding`` names no known codec.
    """
    warnings: list[tuple[str, str]] = []
    used: str | None = None
    if isinstance(source, str):
        if len(source) > max_input_bytes:
            raise InputTooLargeError(
                f"input has {len(source):,} characters; the limit is {max_input_bytes:,}"
            )
        text = _normalize(source)
    elif isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > max_input_bytes:
            raise InputTooLargeError(
                f"input has {len(data):,} bytes; the limit is {max_input_bytes:,}"
            )
        text, used = _decode_bytes(data, encoding, warnings)
        if used in _BYTE_FAITHFUL:  # (``bytes`` searches run at memchr speed)
            text = _normalize(text, nul=b"\x00" in data, cr=b"\r" in data)
        else:
            text = _normalize(text)
    else:
        raise InputTypeError(f"source must be str or bytes, not {type(source).__name__}")
    if not text or text.isspace():  # (``not text.strip()`` without copying the page)
        raise EmptyInputError("input is empty or contains only whitespace")
    return Decoded(text=text, encoding=used, warnings=tuple(warnings))


def sniff_content_type(text: str) -> ContentType:
    """Tell HTML from raw text by the tags near the start.

    Input that starts with ``<`` and holds a tag, or that holds several distinct
    HTML tag openings in its first 8 KiB, is HTML; anything else is text.
    """
    head = text[:_SNIFF_WINDOW]
    if head.lstrip().startswith("<"):
        return "html" if _HTML_MARKERS.search(head) else "text"
    markers: set[str] = set()
    for match in _HTML_MARKERS.finditer(head):  # (stops at the second distinct tag)
        markers.add(match.group(0)[1:].rstrip(" \t\n/>").lower())
        if len(markers) >= _MIN_HTML_MARKERS:
            return "html"
    return "text"


def _decode_bytes(
    data: bytes, encoding: str | None, warnings: list[tuple[str, str]]
) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    if encoding is not None:
        codec = _text_codec(encoding)
        if codec is None:
            raise InvalidOptionError(f"unknown text encoding {encoding!r}")
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            warnings.append(
                ("decode.wrong_charset", f"input is not valid {codec}; detecting instead")
            )
    if not data.strip(b"\x00 \t\r\n\x0c"):
        raise EmptyInputError("input holds only whitespace and NUL bytes")
    _reject_binary(data)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    declared = _declared_charset(data)
    if not data.isascii() or declared is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if declared not in (None, "utf-8"):
                warnings.append(
                    ("decode.wrong_charset", f"declared {declared}, but the bytes are UTF-8")
                )
            return text, "utf-8"
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            warnings.append(
                ("decode.wrong_charset", f"declared charset {declared} does not fit the bytes")
            )
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text:
        warnings.append(("decode.replaced", "some bytes could not be decoded and were replaced"))
    return text, "cp1252"


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET_RE.search(data[:_DECLARATION_WINDOW])
    if match is None:
        return None
    label = (match.group(1) or match.group(2) or b"").decode("ascii", "ignore")
    name = _text_codec(label)
    if name is None:
        return None
    # A declaration read from ASCII-compatible bytes cannot be UTF-16/32; the
    # HTML standard maps such labels to UTF-8, and latin-1 to windows-1252.
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return name


def _text_codec(label: str) -> str | None:
    """The name of the text encoding ``label`` names, or ``None`` when it names none:
    an unknown label, or a codec that is not bytes to text ("uu", "base64", "zlib",
    "rot13"), which ``bytes.decode`` refuses with a ``LookupError`` (asked with one byte:
    it answers an empty input without looking at the codec)."""
    try:
        name = codecs.lookup(label).name
        b"a".decode(name)
    except LookupError:
        return None
    except ValueError:  # a text encoding that cannot decode this byte alone (UTF-16)
        pass
    return name


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:_BINARY_SAMPLE]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= _UTF16_NUL_SHARE * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= _UTF16_NUL_SHARE * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _reject_binary(data: bytes) -> None:
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"input is a {name} file, not HTML or text")
    sample = data[:_BINARY_SAMPLE]
    if _utf16_without_bom(sample) is not None:
        return
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES_TABLE))
    if sample and controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInputError("input contains mostly control bytes: it is binary data")


def _normalize(text: str, *, nul: bool = True, cr: bool = True) -> str:
    """``text`` without a leading BOM and NULs, with ``\\n`` newlines, in NFC. ``nul``
    or ``cr`` False: the caller knows ``text`` holds no NUL or no carriage return, and
    it is not searched for them."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if nul and _NUL.search(text) is not None:
        text = text.replace("\x00", "")
    if cr and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _nfc(text)


def _nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``, checked piece by piece.

    A page is mostly ASCII markup, and ``normalize`` checks every character of it
    (~5 ns each, over a megabyte per second of page). Here the text is cut into pieces
    of about ``_NFC_PIECE`` characters, each ending just before an ASCII character;
    a piece that is all ASCII (told in O(1): slicing a ``str`` records the widest
    character it holds) is NFC already, and only the other pieces are normalized.

    The result is the same string: an ASCII character has combining class 0, is NFC
    by itself and never composes with a character before it, so no normalization
    reaches across a point just before one; NFC of the whole is NFC of the pieces
    joined. The input itself is returned when nothing changes.
    """
    if text.isascii():  # (O(1): ``str`` records it)
        return text
    if len(text) <= _NFC_PIECE:
        return unicodedata.normalize("NFC", text)
    normalize = unicodedata.normalize
    size = len(text)
    changed: list[tuple[int, int, str]] = []
    start = 0
    while start < size:
        end = start + _NFC_PIECE
        if end >= size:
            end = size
        else:
            match = _ASCII_CHAR.search(text, end)
            end = size if match is None else match.start()
        piece = text[start:end]
        if not piece.isascii():
            normal = normalize("NFC", piece)
            if normal != piece:
                changed.append((start, end, normal))
        start = end
    if not changed:
        return text
    parts: list[str] = []
    done = 0
    for start, end, normal in changed:
        parts.append(text[done:start])
        parts.append(normal)
        done = end
    parts.append(text[done:])
    return "".join(parts)
