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

from articlekit.adapters.base import Box, Document, Layout, SiteAdapter, TextRules
from articlekit.partial import PartialArticle
from articlekit.tokens.text import tokenize_text

_ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' ue-c-article ')]"
_BODY = (
    _ARTICLE + "//div[contains(concat(' ', normalize-space(@class), ' '), ' ue-c-article__body ')]"
)

_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]")
"""UTF-8 read as ISO-8859-15: "Ã³" for "ó"."""
_HIGH_RUN = re.compile(r"[\u0080-\u00ff]+")
_LOST_SOFT_HYPHEN = "\u00ad"
"""The byte 0xAD (second byte of "í") is a soft hyphen in ISO-8859-15; dumps drop it."""
_PARAGRAPH_INDENT = "   "
_WRAP_WIDTH = 990
"""Dumps are made 1000 columns wide: a line this long was wrapped, not glued."""


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
            topics="//meta[@name='news_keywords']/@content",
            topics_strip=re.compile(r"^.*/"),
        ),
    )
    text_rules = TextRules(
        end_of_body=re.compile(r"^_{10,}$"),
        boxes=(Box(re.compile(r"^Para saber más$"), to_repeat=True),),
        repeated_captions=True,
        standfirst="below_headline",
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The text rules, on the dump repaired first: its mojibake decoded and glued
        lines set apart (both change the text itself, before it is read as lines)."""
        text = _separate_glued_lines(_repair(doc.text))
        return super().extract_text(dataclasses.replace(doc, text=text, stream=tokenize_text(text)))


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
