"""Metadata of raw-text input: text ``TokenStream`` → ``Metadata``.

Input → output: the tokens of a text dump → what the dump declares about itself:
record headers at its top (``date 2025-02-04``, ``url …``, ``title …``,
``lang …``) and the language of its text. Titles, bylines and datelines inside the
page itself are read by the text scoring stage, which knows where the body is.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Final

from articlekit.metadata.dates import parse_date
from articlekit.metadata.types import Evidence, Metadata
from articlekit.model.provenance import SourceKind
from articlekit.patterns import detect_language
from articlekit.tokens.types import TokenKind, TokenStream

__all__ = ["extract_text_metadata"]

LANGUAGE_SAMPLE_CHARS: Final = 20_000
"""Characters of paragraph text used to detect the language."""
LANGUAGE_MIN_PARAGRAPH_CHARS: Final = 40
"""Paragraphs this short or shorter (menus, labels) are left out of the sample."""


def extract_text_metadata(stream: TokenStream) -> Metadata:
    """Read record headers and detect the language of a text dump."""
    fields: dict[str, object] = {}
    hint, paragraph = TokenKind.HINT, TokenKind.PARAGRAPH  # (looked up once, not per token)
    for token in [t for t in stream.tokens if t.kind is hint]:
        key, _, value = token.text.partition(" ")
        lines = token.lines or (0, 0)
        detail = f"record header, line {lines[0]}"
        if key in ("date", "datum", "published") and "published" not in fields:
            parsed = parse_date(value)
            if parsed is not None:
                fields["published"] = Evidence(parsed, SourceKind.TEXT_PATTERN, detail)
        elif key in ("url", "source") and "url" not in fields:
            fields["url"] = Evidence(value, SourceKind.TEXT_PATTERN, detail)
        elif key == "title" and "title" not in fields:
            fields["title"] = Evidence(value, SourceKind.TEXT_PATTERN, detail)
        elif key in ("lang", "language") and "language" not in fields:
            fields["language"] = Evidence(value.lower()[:2], SourceKind.TEXT_PATTERN, detail)
    if "language" not in fields:
        # long paragraphs, until one takes the sample past its size
        texts = [
            t.text
            for t in stream.tokens
            if t.kind is paragraph and len(t.text) > LANGUAGE_MIN_PARAGRAPH_CHARS
        ]
        sizes = list(accumulate(map(len, texts)))
        sample = texts[: bisect_right(sizes, LANGUAGE_SAMPLE_CHARS) + 1]
        language = detect_language(" ".join(sample))
        if language:
            fields["language"] = Evidence(language, SourceKind.TEXT_PATTERN, "stop-word profile")
    return Metadata(**fields)  # type: ignore[arg-type]
