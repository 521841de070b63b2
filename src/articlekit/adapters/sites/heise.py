"""heise online (heise.de): ``Document`` → ``PartialArticle``.

One page design is known:

- ``meldung`` (2024): ``<article id="meldung">`` with an ``a-article-header`` (title,
  lead, the lead picture in an ``a-lightbox`` figure) and the text in
  ``div.article-content``; inline pictures, ad slots (``ad``, ``ad-label``,
  ``a-paternoster``) and a "Lesen Sie auch" ``RecommendationBox`` sit between the
  paragraphs. Captions are ``p.a-caption__text``, credits ``p.a-caption__source``
  ("(Bild: …)"). Title, author, date and topics come right from the page's JSON-LD.

Raw-text dumps: the headline is the last item of the breadcrumb list, repeated
unindented; the byline is "Von" followed by a list of names; the dateline is
"19.04.2024 13:37 Uhr", or the bare time ("13:37 Uhr") on the day of publication;
credits are lines of their own ("(Bild: …)") under the caption line. The text ends at
"Beitrag kommentieren".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import find_dates
from articlekit.tokens.types import ImageRef, Token, TokenKind

_ARTICLE = "//article[@id='meldung']"
_CONTENT = (
    _ARTICLE + "//div[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]"
)

_BYLINE_LABEL = re.compile(r"^Von$")
"""The dump's byline label; the names follow as list items."""
_TIME_ONLY = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2}) Uhr$")
"""Today's articles show only the time of publication."""
_RECOMMENDATION = re.compile(r"^Lesen Sie auch$")
_RECOMMENDATION_LINES = 3
"""The "Lesen Sie auch" box in a dump: the teaser's alt text, its title, its outlet."""
_CREDIT = re.compile(r"^\(Bild:\s*(?P<credit>.+)\)$")
"""A credit line under a caption."""


class HeiseAdapter(SiteAdapter):
    """heise online news (``/news/…``)."""

    name = "heise"
    version = "1"
    site_name = "heise online"
    domains = ("heise.de",)
    fingerprints = (
        r"heise\.cloudimg\.io/[^\"'\s]*/_www-heise-de_/",
        r"Kurzlink: https?://heise\.de/-\d+",
        r"Copyright © \d{4} Heise Medien",
    )
    """heise's image CDN path, and the dump's short link and copyright lines."""
    site_timezone = "Europe/Berlin"
    layouts = (
        Layout(
            name="meldung",
            fingerprint=_CONTENT,
            body=_CONTENT,
            exclude=_CONTENT + "//*[contains(@class, 'ad-label') or contains(@class, 'ad--')"
            " or self::a-paternoster or @data-component='RecommendationBox'"
            " or self::footer or self::a-lightbox or span[contains(@class, 'redakteurskuerzel')]]",
            figures=_ARTICLE + "//figure[figcaption]",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^Anzeige$"),
            re.compile(r"^In Pocket speichern\b"),
            re.compile(r"^Lesezeit: \d+ Min\.$"),
            re.compile(r"^\([a-z]{2,4}\)$"),
        ),
        short_url=re.compile(r"Kurzlink: (?P<url>https?://heise\.de/-\d+)"),
        end_of_body=re.compile(r"^Beitrag kommentieren\b"),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The generic text path on the article part of the dump, plus the header."""
        tokens = doc.stream.tokens
        start = _title_index(tokens)
        if start is None:
            return super().extract_text(doc)
        images, taken = _images(tokens, start)
        authors, byline = _authors(tokens, start)
        taken |= byline
        for i in range(start, len(tokens)):
            if _RECOMMENDATION.match(tokens[i].text):
                taken.update(range(i, i + 1 + _RECOMMENDATION_LINES))
        kept = tuple(t for i, t in enumerate(tokens) if i >= start and i not in taken)
        cropped = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=kept))
        result = super().extract_text(cropped)
        summary = result.summary or (tokens[start + 1].text if start + 1 < len(tokens) else None)
        published = _dateline(tokens, start, doc.options.reference_time)
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} text header")
        changed = ("title", "images", "summary", *(("authors",) if authors else ()))
        sources = {**result.sources, **dict.fromkeys(changed, source)}
        if published is not None:
            sources["published"] = source
        return dataclasses.replace(
            result,
            title=tokens[start].text,
            images=images,
            summary=summary,
            authors=authors or result.authors,
            published=published or result.published,
            body=tuple(t for t in result.body or () if t.text != summary),
            sources=sources,
        )


def _title_index(tokens: tuple[Token, ...]) -> int | None:
    """The unindented line that repeats the breadcrumb's last item."""
    for i in range(1, len(tokens)):
        token = tokens[i]
        if token.kind is not TokenKind.PARAGRAPH or token.level != 0:
            continue
        crumbs = [t for t in tokens[max(0, i - 3) : i] if t.kind is TokenKind.LIST_ITEM]
        if crumbs and crumbs[-1].text == token.text:
            return i
    return None


def _authors(tokens: tuple[Token, ...], start: int) -> tuple[tuple[PersonRef, ...], set[int]]:
    """The names listed under the "Von" label, and the lines they take."""
    for i in range(start, len(tokens) - 1):
        if _BYLINE_LABEL.match(tokens[i].text):
            names: list[PersonRef] = []
            j = i + 1
            while j < len(tokens) and tokens[j].kind is TokenKind.LIST_ITEM:
                names.append(PersonRef(name=tokens[j].text))
                j += 1
            return tuple(names), set(range(i, j))
    return (), set()


def _dateline(
    tokens: tuple[Token, ...], start: int, reference: dt.datetime | None
) -> DateValue | None:
    for token in tokens[start:]:
        if _BYLINE_LABEL.match(token.text):
            break
        clock = _TIME_ONLY.match(token.text)
        if clock is not None and reference is not None:
            value = reference.replace(
                hour=int(clock["h"]), minute=int(clock["m"]), second=0, microsecond=0
            )
            return DateValue(value=value, relative=True)
        found = find_dates(token.text, reference_time=reference)
        if found and len(token.text) <= len("19.04.2024, 13:37 Uhr"):
            return DateValue(value=found[0].value, relative=found[0].relative)
    return None


def _images(tokens: tuple[Token, ...], start: int) -> tuple[tuple[ImageRef, ...], set[int]]:
    """Caption lines followed by a credit line, with the alt line above them."""
    images: list[ImageRef] = []
    taken: set[int] = set()
    for i in range(start + 2, len(tokens)):
        match = _CREDIT.match(tokens[i].text)
        if match is None:
            continue
        taken.update((i - 2, i - 1, i))
        images.append(
            ImageRef(alt=tokens[i - 2].text, caption=tokens[i - 1].text, credit=match["credit"])
        )
    return tuple(images), taken
