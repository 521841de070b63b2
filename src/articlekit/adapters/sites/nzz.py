"""NZZ (nzz.ch): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article`` (2024): a ``section[data-nzz-tid=article]`` whose children are the
  article's components, each classed ``articlecomponent`` (sub-titles, paragraphs,
  enumerations, live-ticker time stamps ``h5.time``, pictures with the caption in
  ``h2.image-description__caption`` and the credit in ``.image-description__author``),
  after a ``div.headline`` header (flag, ``h1.headline__title``, ``p.headline__lead``,
  the visible byline and date) and ending in a ``footnote`` ("Mit Agenturmaterial.")
  and a share box. The page's JSON-LD names the headline, the first publication and
  the authors with their short codes ("Name (abc)"); the codes are dropped.

Raw-text dumps: the headline is the unindented line above the lead; the line under
the lead holds the visible byline and date ("NZZ-Redaktion 18.07.2024, 11.08 Uhr
7 min"), followed by the "Drucken"/"Teilen" bar, after which the text runs to the
footnote or the "Passend zum Artikel" teasers. A picture is its alt text, the caption
again as an unindented line, and the credit. Live tickers list the latest news first
and the dump carries only the visible byline and the last update, not the JSON-LD
authors and first publication.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_layout, texts
from articlekit.metadata.dates import load_zone, parse_date
from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import parse_byline
from articlekit.tokens.types import ImageRef, Token, TokenKind

_ARTICLE = "//section[@data-nzz-tid='article']"
_COMPONENT = "*[contains(concat(' ', normalize-space(@class), ' '), ' articlecomponent ')]"
_AUTHORS = "jsonld:@NewsArticle.author.name"
_SHORT_CODE = re.compile(r"\s*\([^()]*\)\s*$")
"""An author's short code after the name: "Elena Muster (emu)"."""

_META = re.compile(
    r"^(?P<who>.*?)\s*(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4}), (?P<hh>\d{1,2})\.(?P<mm>\d{2}) Uhr"
    r"(?: \d+ min)?$"
)
"""The dump's byline and date line under the lead: "Name 18.07.2024, 11.08 Uhr 7 min"."""
_SHARE_BAR = re.compile(r"^Teilen$")
_END = re.compile(r"^(?:Mit Agenturmaterial\.?|Mit Material von .+|Passend zum Artikel)$")
"""The footnote and the teaser box that close the text."""
_MAX_CREDIT_WORDS = 8
"""A picture's credit line under its caption is short ("Ohad Zwigenberg / AP")."""


class NZZAdapter(SiteAdapter):
    """Neue Zürcher Zeitung articles and live tickers (``…-ld.<id>``)."""

    name = "nzz"
    version = "1"
    site_name = "Neue Zürcher Zeitung"
    site_timezone = "Europe/Zurich"
    domains = ("nzz.ch",)
    url_patterns = (r"-ld\.\d+",)
    fingerprints = (
        r"assets\.static-nzz\.ch/",
        r"Copyright © Neue Zürcher Zeitung AG\. Alle Rechte vorbehalten",
    )
    """NZZ's static-asset host, and the dump's copyright line."""
    layouts = (
        Layout(
            name="article",
            fingerprint=_ARTICLE + "/" + _COMPONENT,
            body=_ARTICLE + "/" + _COMPONENT,
            exclude=_ARTICLE + "/*[contains(@class, 'footnote')]",
        ),
    )
    text_rules = TextRules(end_of_body=_END)

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules; authors from the JSON-LD without their short codes."""
        result = apply_layout(self, doc, layout)
        assert doc.html is not None
        names = [_SHORT_CODE.sub("", n) for n in texts(doc.html.root, _AUTHORS)]
        persons = [p for n in names for p in parse_byline(n).persons]
        if not persons:
            return result
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} JSON-LD authors")
        return dataclasses.replace(
            result,
            authors=tuple(PersonRef(name=n) for n in dict.fromkeys(persons)),
            sources={**result.sources, "authors": source},
        )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The text between the share bar and the footnote, with the dump's header."""
        tokens = doc.stream.tokens
        meta = next((i for i, t in enumerate(tokens) if _META.match(t.text)), None)
        share = next(
            (
                i
                for i, t in enumerate(tokens)
                if meta is not None and i > meta and _SHARE_BAR.match(t.text)
            ),
            None,
        )
        if meta is None or share is None or meta < 2:
            return super().extract_text(doc)
        end = next(
            (i for i in range(share, len(tokens)) if _END.match(tokens[i].text)), len(tokens)
        )
        images, pictures = _pictures(tokens, share + 1, end)
        body = tuple(
            _body_token(t)
            for i, t in enumerate(tokens[share + 1 : end], share + 1)
            if i not in pictures and t.text
        )
        changes: dict[str, Any] = {
            "title": tokens[meta - 2].text,
            "summary": tokens[meta - 1].text,
            "body": body,
            "images": images,
        }
        match = _META.match(tokens[meta].text)
        assert match is not None
        published = _published(match, self.site_timezone)
        if published is not None:
            changes["published"] = published
        persons = parse_byline(match.group("who")).persons if match.group("who") else ()
        if persons:
            changes["authors"] = tuple(PersonRef(name=n) for n in persons)
        if self.site_name:
            changes["site_name"] = self.site_name
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} text rules")
        return PartialArticle(**changes, sources=dict.fromkeys(changes, source))


def _body_token(token: Token) -> Token:
    """Unindented lines of the text are its sub-titles and ticker time stamps."""
    if token.kind is TokenKind.PARAGRAPH and token.level == 0:
        return Token(kind=TokenKind.HEADING, text=token.text, lines=token.lines, level=2)
    return token


def _pictures(
    tokens: tuple[Token, ...], start: int, end: int
) -> tuple[tuple[ImageRef, ...], set[int]]:
    """Pictures: the alt line, the caption repeated unindented, the credit line."""
    images: list[ImageRef] = []
    taken: set[int] = set()
    for i in range(start + 1, end):
        alt, caption = tokens[i - 1], tokens[i]
        if caption.text != alt.text or caption.level != 0 or alt.level == 0:
            continue
        credit = None
        taken.update((i - 1, i))
        if i + 1 < end and 0 < len(tokens[i + 1].text.split()) <= _MAX_CREDIT_WORDS:
            credit = tokens[i + 1].text
            taken.add(i + 1)
        images.append(ImageRef(alt=alt.text, caption=caption.text, credit=credit))
    return tuple(images), taken


def _published(match: re.Match[str], zone_name: str | None) -> DateValue | None:
    zone, _ = load_zone(zone_name)
    iso = "{y}-{m}-{d}T{hh:0>2}:{mm}".format(**match.groupdict())
    return parse_date(iso, zone=zone)
