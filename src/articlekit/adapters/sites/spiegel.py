"""Der Spiegel (spiegel.de): ``Document`` → ``PartialArticle``.

One page design is known:

- ``richtext`` (2023): ``<article>`` with a ``header[@data-area='intro']`` (kicker and
  headline, lead, ``<time>``), the lead picture in ``div[@data-area='top_element>image']``
  and the text in ``div[@data-area='body']``, split into ``div[@data-area='text']``
  parts between ad slots (``gujAd``) and "Mehr zum Thema" boxes
  (``data-area='related_articles'``). Captions are ``figcaption.RichTextCaption`` with
  the credit in ``span.RichTextCredit`` ("Foto: …").

The headline shown on the page is kicker + title; the article's title is the SEO
title of ``og:title`` (also the breadcrumb's last item). Unsigned pieces are credited
to the house: ``<meta name="author" content="DER SPIEGEL">``; the adapter keeps that
as the author, as the site does. Topics are ``news_keywords``.

Raw-text dumps: the title is the last item of the breadcrumb list ("Startseite",
section, …, title); the article starts at the unindented headline; credits follow a
caption line ending in "Foto:"; the "Mehr zum Thema" list inside the text is
skipped; the text ends at "Diskutieren Sie mit" / "Mehr lesen über".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.metadata.dates import load_zone
from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import find_dates
from articlekit.tokens.types import ImageRef, Token, TokenKind

_ARTICLE = "//main//article"
_BODY = _ARTICLE + "//div[@data-area='body']"
_TEXT = _BODY + "//div[@data-area='text']"
_HOUSE = "DER SPIEGEL"
"""The author named for unsigned pieces."""

_CRUMB_HOME = "Startseite"
"""The breadcrumb list of a dump starts with this item; its last item is the title."""
_CREDIT_LABEL = re.compile(r"^(?P<caption>.*?)\s*Foto:$")
"""A caption line of a dump; the credit is the next line."""
_ALT_BUTTON = re.compile(r"\s*\(BUTTON\) Bild vergrößern$")
_BUTTON_LINE = "(BUTTON) Bild vergrößern"
_RELATED = re.compile(r"^Mehr zum Thema$")
_GLUED = (
    re.compile(r"(?<=[.!?«\"])\s+\d{1,2}\.\d{1,2}\.\d{4}, \d{1,2}\.\d{2} Uhr$"),
    re.compile(r"(?<=[.!?«\"])\s+[a-z]{2,5}(?:/[\w-]+)+$"),
)
"""A dateline glued to the lead ("… können. 28.04.2023, 20.15 Uhr"), a sign-off glued
to the last paragraph ("… geworden. sak/Reuters"): lynx joins the lines."""
_DATELINE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}, \d{1,2}\.\d{2} Uhr$")
_END = re.compile(r"^(?:\(BUTTON\) Diskutieren Sie mit|Mehr lesen über|Feedback)$")


class SpiegelAdapter(SiteAdapter):
    """DER SPIEGEL (spiegel.de), German edition."""

    name = "spiegel"
    version = "1"
    site_name = "DER SPIEGEL"
    domains = ("spiegel.de",)
    site_timezone = "Europe/Berlin"
    """Dumps give naive datelines ("28.04.2023, 20.15 Uhr")."""
    fingerprints = (
        r"cdn\.prod\.www\.spiegel\.de/images/",
        r"#DER SPIEGEL \| RSS Schlagzeilen",
    )
    """Spiegel's image CDN, and the feed link that opens every dump of its pages."""
    layouts = (
        Layout(
            name="richtext",
            fingerprint=_TEXT,
            body=_TEXT,
            title="//meta[@property='og:title']/@content",
            authors="//meta[@name='author']/@content",
            topics="//meta[@name='news_keywords']/@content",
            figures=_ARTICLE + "//figure[figcaption]",
            figure_caption=".//figcaption/p",
            figure_credit=".//figcaption/span[contains(@class, 'RichTextCredit')]/p",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^\(BUTTON\)"),
            re.compile(r"^\*$"),
            re.compile(r"^Artikel zum Hören\b"),
        ),
    )

    def postprocess(self, doc: Document, result: PartialArticle) -> PartialArticle:
        """The house byline ("DER SPIEGEL") is the author of unsigned pieces."""
        if result.authors or not result.organizations or doc.content_type == "text":
            return result
        authors = tuple(PersonRef(name=o) for o in result.organizations if o == _HOUSE)
        if not authors:
            return result
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} house byline")
        sources = {**result.sources, "authors": source}
        sources.pop("organizations", None)
        return dataclasses.replace(result, authors=authors, organizations=None, sources=sources)

    def extract_text(self, doc: Document) -> PartialArticle:
        """The generic text path on the article part of the dump, plus title and images."""
        tokens = doc.stream.tokens
        crumb = _last_crumb(tokens)
        if crumb is None:
            return super().extract_text(doc)
        start = next((i for i in range(crumb, len(tokens)) if _is_headline(tokens[i])), crumb + 1)
        end = next((i for i in range(start, len(tokens)) if _END.match(tokens[i].text)), None)
        images, taken = _images(tokens, start, end or len(tokens))
        taken |= _related(tokens, start, end or len(tokens))
        kept = tuple(
            _unglued(t) for i, t in enumerate(tokens[:end]) if i > start and i not in taken
        )
        cropped = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=kept))
        result = super().extract_text(cropped)
        authors = result.authors or (PersonRef(name=_HOUSE),)
        published = _dateline(tokens[start + 1 : start + 3], doc) or result.published
        lead = result.summary or (kept[0].text if kept else None)
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} text header")
        sources = {**result.sources, "title": source, "images": source, "summary": source}
        if not result.authors:
            sources["authors"] = source
        if published is not None and published is not result.published:
            sources["published"] = source
        return dataclasses.replace(
            result,
            title=tokens[crumb].text,
            authors=authors,
            summary=lead,
            published=published,
            images=images,
            body=tuple(t for t in result.body or () if t.text != lead),
            sources=sources,
        )


def _last_crumb(tokens: tuple[Token, ...]) -> int | None:
    """Index of the last item of the first list that starts with "Startseite"."""
    for i, token in enumerate(tokens):
        if token.kind is TokenKind.LIST_ITEM and token.text == _CRUMB_HOME:
            j = i
            while j + 1 < len(tokens) and tokens[j + 1].group == token.group:
                j += 1
            if tokens[j + 1].kind is not TokenKind.LIST_ITEM:
                return j
    return None


def _unglued(token: Token) -> Token:
    """The token without a dateline or sign-off glued to its end (kept as its own line)."""
    for pattern in _GLUED:
        match = pattern.search(token.text)
        if match is not None and token.kind is TokenKind.PARAGRAPH:
            return dataclasses.replace(token, text=token.text[: match.start()])
    return token


def _dateline(tokens: tuple[Token, ...], doc: Document) -> DateValue | None:
    """The dateline under the lead, on its own line or glued to the lead."""
    for token in tokens:
        match = _GLUED[0].search(token.text) or _DATELINE.match(token.text)
        found = (
            find_dates(match.group(), reference_time=doc.options.reference_time) if match else ()
        )
        if found:
            return _in_site_zone(found[0].value)
    return None


def _in_site_zone(value: dt.date) -> DateValue:
    """A dump's naive time, read in the newsroom's zone (flagged as assumed)."""
    zone, _ = load_zone(SpiegelAdapter.site_timezone)
    if isinstance(value, dt.datetime) and value.tzinfo is None and zone is not None:
        return DateValue(value=value.replace(tzinfo=zone), assumed_timezone=True)
    return DateValue(value=value)


def _is_headline(token: Token) -> bool:
    return token.kind is TokenKind.PARAGRAPH and token.level == 0 and bool(token.text)


def _images(
    tokens: tuple[Token, ...], start: int, end: int
) -> tuple[tuple[ImageRef, ...], set[int]]:
    """A caption and a "Foto:" label (one line or two), the credit line after them, and
    the alt text before them, which ends in (or is followed by) the enlarge button."""
    images: list[ImageRef] = []
    taken: set[int] = set()
    for i in range(start + 1, min(end, len(tokens) - 1)):
        match = _CREDIT_LABEL.match(tokens[i].text)
        if match is None:
            continue
        caption_at = i if match["caption"] else i - 1
        caption = match["caption"] or tokens[i - 1].text
        taken.update(range(caption_at, i + 2))
        alt = None
        before = caption_at - 1
        if tokens[before].text == _BUTTON_LINE:
            taken.update((before, before - 1))
            alt = tokens[before - 1].text
        elif _ALT_BUTTON.search(tokens[before].text):
            taken.add(before)
            alt = _ALT_BUTTON.sub("", tokens[before].text)
        images.append(ImageRef(alt=alt, caption=caption, credit=tokens[i + 1].text))
    return tuple(images), taken


def _related(tokens: tuple[Token, ...], start: int, end: int) -> set[int]:
    """The "Mehr zum Thema" box inside the text: its label and its teaser list."""
    taken: set[int] = set()
    for i in range(start, end):
        if not _RELATED.match(tokens[i].text):
            continue
        taken.add(i)
        j = i + 1
        while j < end and (
            tokens[j].kind is TokenKind.LIST_ITEM or tokens[j].level > tokens[i].level
        ):
            taken.add(j)
            j += 1
    return taken
