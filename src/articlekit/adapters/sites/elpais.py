"""El País (elpais.com): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article`` (2024): the ``<article>`` has a ``header`` (kicker, ``h1.a_t``, the
  subtitle ``h2.a_st``, the lead picture or video in ``figure.a_m``), the byline block
  ``div.a_md`` (author photo, ``a.a_md_a_n``, dates, share buttons) and the text in
  ``div.a_c`` (``data-dtm-region="articulo_cuerpo"``), with ``figure.a_m`` pictures and
  photo galleries between the paragraphs. A ``figcaption`` holds the caption (a bare
  text node in the header, a ``span`` in the body) and the credit in ``span.a_m_m``
  ("Foto: … | Vídeo: …"). Title, author, dates and topics (``article:tag``) come
  right from the page's metadata.

Raw-text dumps: the headline and the subtitle are unindented lines; a picture or a
gallery is rendered on the lines right under the paragraph it follows (alt text,
caption and credit run together; gallery buttons), while paragraphs are separated by
blank lines. The text ends at the subscription notice or the "Sobre la firma" box.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.partial import PartialArticle
from articlekit.tokens.types import Token, TokenKind

_BODY = "//article//div[@data-dtm-region='articulo_cuerpo']"
_FIGURE = "figure[contains(concat(' ', normalize-space(@class), ' '), ' a_m ')]"

_WRAP_WIDTH = 990
"""Dumps are made 1000 columns wide: a line this long (with its indent) was wrapped."""
_MIN_PARAGRAPH_WORDS = 12
"""A picture hangs under a paragraph of running text, not under header or menu lines."""


class ElPaisAdapter(SiteAdapter):
    """El País articles (``/<section>/<yyyy-mm-dd>/<slug>.html``), every edition."""

    name = "elpais"
    version = "1"
    site_name = "El País"
    site_timezone = "Europe/Madrid"
    domains = ("elpais.com",)
    url_patterns = (r"/\d{4}-\d{2}-\d{2}/[^/]+\.html",)
    fingerprints = (
        r"imagenes\.elpais\.com/resizer/",
        r"solo puedes acceder a EL PAÍS desde un dispositivo a la vez",
    )
    """El País's image resizer, and the dump's one-device subscription notice."""
    layouts = (
        Layout(
            name="article",
            fingerprint=_BODY,
            body=_BODY,
            exclude=_BODY + "//*[starts-with(@id, 'gallery-slider-controls')"
            " or @id='summary-dots' or @id='fullscreen-icon']",
            figures="//article//header//" + _FIGURE + " | " + _BODY + "//" + _FIGURE,
            figure_caption="./figcaption[not(span[not(@class)])] | ./figcaption/span[not(@class)]",
            figure_credit="./figcaption/span[contains(@class, 'a_m_m')]",
        ),
    )
    text_rules = TextRules(
        drop=(re.compile(r"^(?:\(BUTTON\)\s*)+$"),),
        end_of_body=re.compile(
            r"^(?:Tu suscripción se está usando en otro dispositivo|Sobre la firma)$"
        ),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The generic text path without picture lines; the subtitle is the summary."""
        tokens = doc.stream.tokens
        pictures = _picture_lines(tokens)
        kept = tuple(t for i, t in enumerate(tokens) if i not in pictures)
        cropped = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=kept))
        result = super().extract_text(cropped)
        changes: dict[str, Any] = {}
        subtitle = _subtitle(kept, result.title)
        if subtitle is not None and result.summary is None:
            changes["summary"] = subtitle
            changes["body"] = tuple(t for t in result.body or () if t.text != subtitle)
        return self.amend(result, changes, "text header")


def _adjacent(before: Token, after: Token) -> bool:
    return (
        before.lines is not None
        and after.lines is not None
        and after.lines[0] == before.lines[1] + 1
    )


def _picture_lines(tokens: tuple[Token, ...]) -> set[int]:
    """Lines set right under a paragraph of text (no blank line, no wrap): pictures and
    galleries, with the lines that continue them."""
    found: set[int] = set()
    for i in range(1, len(tokens)):
        before, token = tokens[i - 1], tokens[i]
        if token.kind is not TokenKind.PARAGRAPH or not _adjacent(before, token):
            continue
        if i - 1 in found or (
            before.kind is TokenKind.PARAGRAPH
            and len(before.text.split()) >= _MIN_PARAGRAPH_WORDS
            and before.level == token.level > 0
            and len(before.text) + before.level < _WRAP_WIDTH
            and not _adjacent(tokens[i - 2], before)
        ):
            found.add(i)
    return found


def _subtitle(tokens: tuple[Token, ...], title: str | None) -> str | None:
    """The unindented line under the unindented headline."""
    for i, token in enumerate(tokens[:-1]):
        if title is not None and token.text == title and token.level == 0:
            following = tokens[i + 1]
            if following.kind is TokenKind.PARAGRAPH and following.level == 0:
                return following.text
            return None
    return None
