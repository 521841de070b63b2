"""El Mundo (elmundo.es): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article`` (2024): ``article.ue-c-article`` with a header (kicker, ``h1``, the
  standfirst ``div.ue-c-article__standfirst``, share tools, the lead
  ``figure.ue-c-article__media``) and the text in ``div.ue-c-article__body``, where
  "Para saber más" teaser boxes (``div.ue-c-article__listing``) sit between the
  paragraphs. Captions are ``span.ue-c-article__media-description``, credits
  ``span.ue-c-article__media-author``. Title, author and date come right from the
  page's metadata; the keyword list starts with the section path
  ("deportes/formula-1"), whose last segment is the first topic.

The pages declare ISO-8859-15 but are UTF-8, so text-browser dumps of them are
mojibake ("sanciÃ³n"; "Ã" alone where the second byte was a soft hyphen): the
adapter repairs runs of such characters before reading the dump. In the dumps a
picture is its alt text and then the caption with the credit glued to it, set right
under the paragraph it follows, like the "Para saber más" box (label, kicker, teaser
title, "Redacción:" byline, the title again); the tag list under a rule ends the text.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_layout, texts
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.tokens.text import tokenize_text
from articlekit.tokens.types import ImageRef, Token, TokenKind

_ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' ue-c-article ')]"
_BODY = (
    _ARTICLE + "//div[contains(concat(' ', normalize-space(@class), ' '), ' ue-c-article__body ')]"
)
_KEYWORDS = "//meta[@name='news_keywords']/@content"

_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]")
"""UTF-8 read as ISO-8859-15: "Ã³" for "ó"."""
_HIGH_RUN = re.compile(r"[\u0080-\u00ff]+")
_LOST_SOFT_HYPHEN = "\u00ad"
"""The byte 0xAD (second byte of "í") is a soft hyphen in ISO-8859-15; dumps drop it."""
_PARAGRAPH_INDENT = "   "
_WRAP_WIDTH = 990
"""Dumps are made 1000 columns wide: a line this long was wrapped, not glued."""
_BOX_LABEL = re.compile(r"^Para saber más$")
_RULE = re.compile(r"^_{10,}$")
"""The horizontal rule above the tag list that closes the text."""
_MAX_CREDIT_CHARS = 60
"""A credit glued to a repeated caption is short ("AFP", "Foto: EFE")."""
_MIN_CAPTION_WORDS = 4
"""Captions are sentences; shorter repeated lines are menus or the author's photo."""


class ElMundoAdapter(SiteAdapter):
    """El Mundo articles (``/<section>/<yyyy>/<mm>/<dd>/<id>.html``)."""

    name = "elmundo"
    version = "1"
    site_name = "El Mundo"
    site_timezone = "Europe/Madrid"
    domains = ("elmundo.es",)
    url_patterns = (r"/\d{4}/\d{2}/\d{2}/[0-9a-f]{24}\.html",)
    fingerprints = (
        r"e00-elmundo\.uecdn\.es/",
        r"RSS de [\w/-]+ - EL MUNDO",
    )
    """El Mundo's image CDN, and its RSS links' titles (the first line of a dump)."""
    layouts = (
        Layout(
            name="article",
            fingerprint=_BODY,
            body=_BODY,
            summary=_ARTICLE + "//div[contains(@class, 'ue-c-article__standfirst')]",
            exclude=_BODY + "//div[contains(@class, 'ue-c-article__listing')"
            " or contains(@class, 'newsletter')]",
            figures=_ARTICLE + "//figure[contains(@class, 'ue-c-article__media--image')]",
            figure_caption=".//span[contains(@class, 'ue-c-article__media-description')]",
            figure_credit=".//span[contains(@class, 'ue-c-article__media-author')]",
        ),
    )
    text_rules = TextRules(end_of_body=_RULE)

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules; topics from the keywords, the section path shortened."""
        result = apply_layout(self, doc, layout)
        assert doc.html is not None
        raw = ",".join(texts(doc.html.root, _KEYWORDS))
        topics = [k.strip().rsplit("/", 1)[-1] for k in raw.split(",") if k.strip()]
        if not topics:
            return result
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} news_keywords")
        return dataclasses.replace(
            result,
            topics=tuple(dict.fromkeys(topics)),
            sources={**result.sources, "topics": source},
        )

    def extract_text(self, doc: Document) -> PartialArticle:
        """Repair the dump, set glued lines apart, drop pictures and boxes, then read it."""
        text = _separate_glued_lines(_repair(doc.text))
        stream = tokenize_text(text)
        tokens = stream.tokens
        images, pictures = _pictures(tokens)
        dropped = pictures | _boxes(tokens)
        kept = tuple(t for i, t in enumerate(tokens) if i not in dropped)
        repaired = dataclasses.replace(
            doc, text=text, stream=dataclasses.replace(stream, tokens=kept)
        )
        result = super().extract_text(repaired)
        changes: dict[str, Any] = {"images": images}
        standfirst = _standfirst(kept, result.title)
        if standfirst is not None and result.summary is None:
            changes["summary"] = standfirst
            changes["body"] = tuple(t for t in result.body or () if t.text != standfirst)
        return self.amend(result, changes, "text rules")


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    candidates = [run]
    if run.endswith("Ã"):
        candidates.append(run + _LOST_SOFT_HYPHEN)
    for candidate in candidates:
        try:
            return candidate.encode("latin-1").decode("utf-8")
        except UnicodeError:
            continue
    return run


def _repair(text: str) -> str:
    """UTF-8 read as ISO-8859-15, back to UTF-8 (runs that do not decode stay)."""
    if not _MOJIBAKE.search(text):
        return text
    return _HIGH_RUN.sub(_repair_run, text)


def _separate_glued_lines(text: str) -> str:
    """A blank line after each paragraph line that the next line follows without a wrap."""
    out: list[str] = []
    previous = ""
    for line in text.split("\n"):
        if line.strip() and _is_paragraph_line(previous) and len(previous) < _WRAP_WIDTH:
            out.append("")
        out.append(line)
        previous = line
    return "\n".join(out)


def _is_paragraph_line(line: str) -> bool:
    return line.startswith(_PARAGRAPH_INDENT) and not line.startswith(_PARAGRAPH_INDENT + " ")


def _pictures(tokens: tuple[Token, ...]) -> tuple[tuple[ImageRef, ...], set[int]]:
    """An alt line, then the caption (the same text) with the credit glued to it."""
    images: list[ImageRef] = []
    taken: set[int] = set()
    for i in range(1, len(tokens)):
        alt, caption = tokens[i - 1].text, tokens[i].text
        if (
            tokens[i - 1].kind is not TokenKind.PARAGRAPH
            or len(alt.split()) < _MIN_CAPTION_WORDS
            or not caption.startswith(alt)
            or i - 1 in taken
        ):
            continue
        credit = caption[len(alt) :].strip()
        if len(credit) > _MAX_CREDIT_CHARS:
            continue
        images.append(ImageRef(alt=alt, caption=alt, credit=credit or None))
        taken.update((i - 1, i))
    return tuple(images), taken


def _boxes(tokens: tuple[Token, ...]) -> set[int]:
    """ "Para saber más" boxes: from the label to the teaser title's repetition."""
    taken: set[int] = set()
    for i, token in enumerate(tokens):
        if not _BOX_LABEL.match(token.text):
            continue
        title = next((j for j in range(i + 1, len(tokens)) if tokens[j].level == 0), None)
        if title is None:
            continue
        again = next(
            (j for j in range(title + 1, len(tokens)) if tokens[j].text == tokens[title].text),
            title,
        )
        taken.update(range(i, again + 1))
    return taken


def _standfirst(tokens: tuple[Token, ...], title: str | None) -> str | None:
    """The paragraph right under the headline."""
    for i, token in enumerate(tokens[:-1]):
        if title is not None and token.text == title:
            following = tokens[i + 1]
            return following.text if following.kind is TokenKind.PARAGRAPH else None
    return None
