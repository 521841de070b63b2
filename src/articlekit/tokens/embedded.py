"""Embedded article markup: an HTML page that shows no text → the article's own markup
carried as a string in one of its inline scripts.

Input → output: ``HtmlDocument`` and its ``TokenStream`` → the ``TokenStream`` to use:
the given one, or the tokens of the markup found in a script (with a
``tokens.embedded`` warning saying so).

Client-rendered pages (React, Next.js, Nuxt …) may send a shell with no text and the
article as data, a JSON string such as ``"content": "<p>First paragraph…</p><p>…"``
that a script turns into the page a reader sees. When the shell's own blocks hold
almost no text, the longest such string that holds several paragraphs is parsed and
tokenized instead. Pages that show their text are never touched, so the cost (a scan of
the inline scripts) is only paid for empty shells.

The tokens' XPaths then point into the embedded markup, not into the page.
"""

from __future__ import annotations

import json
import re
from typing import Final

from articlekit.patterns.markup import TAG_RE
from articlekit.tokens.html import HtmlDocument, parse_html, tokenize_html
from articlekit.tokens.types import TokenKind, TokenStream

__all__ = ["with_embedded_text"]

SHELL_MAX_TEXT_CHARS: Final = 200
"""A page whose paragraphs hold fewer characters than this shows no article (the
scorer's own minimum body length)."""
MIN_EMBEDDED_PARAGRAPHS: Final = 3
"""A script string with fewer ``<p>`` elements than this is a snippet, not an article."""
MIN_EMBEDDED_TEXT_CHARS: Final = SHELL_MAX_TEXT_CHARS
"""… and one with less text than this (tags removed) is a teaser or a template: the
markup must hold at least the text a page needs to count as showing an article."""
TEXT_KINDS: Final = frozenset({TokenKind.PARAGRAPH, TokenKind.QUOTE, TokenKind.LIST_ITEM})
"""Token kinds that count as text the page shows."""
_PARAGRAPH_MARK: Final = ("<p", "\\u003cp", "\\u003Cp", "\\x3cp", "\\x3Cp")
"""How a paragraph opens inside a script string: literally or escaped."""
_STRING_LITERAL: Final = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)
"""A double-quoted JavaScript/JSON string literal (escapes kept)."""
_PARAGRAPH_TAG: Final = re.compile(r"<p[\s>]", re.IGNORECASE)
"""An opening ``<p>`` tag in decoded markup."""
_HEX_ESCAPE: Final = re.compile(r"\\x([0-9a-fA-F]{2})")
"""A JavaScript ``\\xNN`` escape, which JSON does not know."""


def with_embedded_text(
    doc: HtmlDocument,
    stream: TokenStream,
    *,
    max_nodes: int = 1_000_000,
    deadline: float | None = None,
) -> TokenStream:
    """The page's token stream, or, when the page shows no text, the tokens of the
    article markup embedded in its scripts (see module docstring).

    Args:
        doc: The parsed page (not modified).
        stream: Its tokens (``tokenize_html(doc)``).
        max_nodes: As ``tokenize_html``.
        deadline: As ``tokenize_html``.
    """
    shown = sum(len(token.text) for token in stream.tokens if token.kind in TEXT_KINDS)
    if shown >= SHELL_MAX_TEXT_CHARS:
        return stream
    markup = embedded_markup(doc)
    if markup is None:
        return stream
    embedded = tokenize_html(
        parse_html(markup, url=doc.base_url), max_nodes=max_nodes, deadline=deadline
    )
    note = (
        "tokens.embedded",
        "the page shows no text; its text was read from article markup in a script",
    )
    return TokenStream(
        tokens=embedded.tokens,
        nodes=embedded.nodes,
        content_type=embedded.content_type,
        warnings=(*stream.warnings, *embedded.warnings, note),
        elements=embedded.elements,
    )


def embedded_markup(doc: HtmlDocument) -> str | None:
    """The longest string in the page's inline scripts that is article markup (at least
    ``MIN_EMBEDDED_PARAGRAPHS`` paragraphs and ``MIN_EMBEDDED_TEXT_CHARS`` of text), or
    ``None``."""
    best: str | None = None
    best_chars = MIN_EMBEDDED_TEXT_CHARS - 1
    for script in doc.root.iter("script"):
        code = script.text
        if not code or script.get("src") or not any(mark in code for mark in _PARAGRAPH_MARK):
            continue
        for match in _STRING_LITERAL.finditer(code):
            literal = match.group(1)
            if len(literal) <= best_chars or not any(m in literal for m in _PARAGRAPH_MARK):
                continue
            markup = _decode(literal)
            if markup is None or len(_PARAGRAPH_TAG.findall(markup)) < MIN_EMBEDDED_PARAGRAPHS:
                continue
            chars = len(" ".join(TAG_RE.sub(" ", markup).split()))
            if chars > best_chars:
                best, best_chars = markup, chars
    return best


def _decode(literal: str) -> str | None:
    """A string literal's body (escapes included) → its value, or ``None``."""
    try:
        value = json.loads('"' + _HEX_ESCAPE.sub(r"\\u00\1", literal) + '"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None
