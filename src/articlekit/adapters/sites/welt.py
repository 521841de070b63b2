"""Die Welt (welt.de): ``Document`` → ``PartialArticle``.

Two page designs are known:

- ``article-page`` (2023–2024): ``div.c-article-page`` with a ``c-article-header``
  (topic overline, headline, "Von …" author, "Stand: …" date), the lead picture and the
  intro (``c-article-page__intro``) above ``c-article-page__text``, whose text is split
  into ``c-rich-text-renderer--article`` blocks between ad slots, "Lesen Sie auch"
  teaser lists, embeds and ``figure.c-content-image`` pictures (caption in
  ``…__caption-alt``, credit in ``…__caption-source``, "Quelle: …"); a closing
  paragraph set in bold italics is the author's note, not text;
- ``article-text`` (2023): the older ``c-page-container`` page: ``c-summary__intro``
  and ``div.c-article-text[@itemprop='articleBody']``, with ads, teasers, pictures and
  embeds in ``c-inline-element`` boxes between the paragraphs.

Topics are ``news_keywords`` (the page's own list, including its author slug); title,
author and date come right from the page's metadata.

Raw-text dumps: the title is the breadcrumb's last item (after "Pfadnavigation"); the
header shows "Von <name>" and "Stand: …", which for a page updated today is the bare
time of the last update ("Stand: 10:49 Uhr"); captions carry their credit glued on
("…Quelle: …"); "Lesen Sie auch" teasers sit between the paragraphs.
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
from articlekit.patterns import find_dates, parse_byline
from articlekit.tokens.types import ImageRef, Token, TokenKind

_PAGE = "//div[contains(concat(' ', normalize-space(@class), ' '), ' c-article-page ')]"
_TEXT = _PAGE + "//div[contains(@class, 'c-article-page__text')]"

_ARTICLE_TEXT = "//div[@itemprop='articleBody'][contains(@class, 'c-article-text')]"

_CRUMB_LABEL = "Pfadnavigation"
"""The heading above the breadcrumb list of a dump."""
_BYLINE = re.compile(
    r"^Von (?P<names>.+?)"
    r"(?:(?:Leitende[rn]? )?(?:Korrespondent|Redakteur|Chefreporter|Autor|Reporter)(?:in)?)?$"
)
"""The dump's byline: the author's role is glued to the name ("Von Ulrich ExnerKorrespondent")."""
_DATELINE = re.compile(r"^(?:Stand|Veröffentlicht am): (?P<date>.+?)(?: \| )?(?:Lesedauer: .*)?$")
_TIME_ONLY = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2}) Uhr$")
"""A page updated today shows only the time."""
_SENTENCE = re.compile(r"[.!?“\"]$")
"""The intro under the header is the first line that ends like a sentence."""
_CAPTION = re.compile(r"^(?P<caption>.+?)Quelle: (?P<credit>.+)$")
_TEASER = re.compile(r"^Lesen Sie auch$")
_TEASER_LINES = 3
"""A "Lesen Sie auch" teaser in a dump: its picture's alt text, "Ressort:…" label, title."""
_END = re.compile(r"^(?:Mehr aus dem Web|Neues aus der Redaktion|Auch interessant|Mehr zum Thema)$")


class WeltAdapter(SiteAdapter):
    """WELT (welt.de)."""

    name = "welt"
    version = "1"
    site_name = "WELT"
    domains = ("welt.de",)
    fingerprints = (
        r"img\.welt\.de/img/",
        r"Der Kurz-Link dieses Artikels lautet: https?://www\.welt\.de/\d+",
    )
    """WELT's image host, and the short-link line at the end of every dump."""
    site_timezone = "Europe/Berlin"
    """Dumps give naive times ("Stand: 10:49 Uhr")."""
    layouts = (
        Layout(
            name="article-page",
            fingerprint=_TEXT + "//div[contains(@class, 'c-rich-text-renderer--article')]",
            body=_TEXT + "//div[contains(@class, 'c-rich-text-renderer--article')]",
            exclude=_TEXT + "//p[last()][not(text()[normalize-space()])][b/em or em/b]",
            summary=_PAGE + "//div[contains(@class, 'c-article-page__intro')]",
            topics="//meta[@name='news_keywords']/@content",
            figures=_PAGE + "//figure[contains(@class, 'c-content-image')]",
        ),
        Layout(
            name="article-text",
            fingerprint=_ARTICLE_TEXT,
            body=_ARTICLE_TEXT,
            exclude=_ARTICLE_TEXT + "//div[contains(@class, 'c-inline-element')]",
            summary="//div[contains(@class, 'c-summary__intro')]",
            topics="//meta[@name='news_keywords']/@content",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^Anzeige$"),
            re.compile(r"^\(BUTTON\)"),
            re.compile(r"^\*$"),
            re.compile(r"^Autorenprofilbild von "),
            re.compile(r"^\d+(?:\s+Kommentare)?$"),
        ),
        short_url=re.compile(r"Der Kurz-Link dieses Artikels lautet: (?P<url>https?://\S+)"),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The generic text path on the article part of the dump, plus the header."""
        tokens = doc.stream.tokens
        crumb = _last_crumb(tokens)
        first = -1 if crumb is None else crumb
        end = next((i for i in range(first + 1, len(tokens)) if _END.match(tokens[i].text)), None)
        stop = end or len(tokens)
        taken: set[int] = set()
        images: list[ImageRef] = []
        authors: tuple[PersonRef, ...] = ()
        published = None
        lead: int | None = None
        for i in range(first + 1, stop):
            text = tokens[i].text
            if (byline := _BYLINE.match(text)) and not authors:
                authors = tuple(PersonRef(name=n) for n in parse_byline(byline["names"]).persons)
                taken.add(i)
            elif (dateline := _DATELINE.match(text)) and published is None:
                published = _date(dateline["date"], doc.options.reference_time)
                taken.add(i)
            elif caption := _CAPTION.match(text):
                above = i - 2 if tokens[i - 1].text == "(BUTTON)" else i - 1
                alt = tokens[above].text if tokens[above].text == caption["caption"] else None
                taken.update((i, above) if alt else (i,))
                images.append(
                    ImageRef(alt=alt, caption=caption["caption"], credit=caption["credit"])
                )
            elif _TEASER.match(text):
                taken.update(range(i, i + 1 + _TEASER_LINES))
            elif lead is None and published is not None and _SENTENCE.search(text):
                lead = i
                taken.add(i)
        kept = tuple(t for i, t in enumerate(tokens[:stop]) if i > first and i not in taken)
        cropped = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=kept))
        result = super().extract_text(cropped)
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} text header")
        short_url = next(
            (
                m["url"]
                for t in tokens
                if self.text_rules
                and self.text_rules.short_url
                and (m := self.text_rules.short_url.search(t.text))
            ),
            None,
        )
        changed = {"images": source} | ({"title": source} if crumb is not None else {})
        if authors:
            changed["authors"] = source
        if published is not None:
            changed["published"] = source
        if lead is not None:
            changed["summary"] = source
        if short_url is not None:
            changed["short_url"] = source
        return dataclasses.replace(
            result,
            title=result.title if crumb is None else tokens[crumb].text,
            authors=authors or result.authors,
            published=published or result.published,
            images=tuple(images),
            summary=tokens[lead].text if lead is not None else result.summary,
            short_url=short_url or result.short_url,
            sources={**result.sources, **changed},
        )


def _last_crumb(tokens: tuple[Token, ...]) -> int | None:
    """The last item of the list under the "Pfadnavigation" heading."""
    for i, token in enumerate(tokens):
        if token.text == _CRUMB_LABEL:
            j = i + 1
            while j + 1 < len(tokens) and tokens[j + 1].kind is TokenKind.LIST_ITEM:
                j += 1
            return j if j > i + 1 or tokens[j].kind is TokenKind.LIST_ITEM else None
    return None


def _date(text: str, reference: dt.datetime | None) -> DateValue | None:
    """A dateline value; a bare time is today's (relative to ``reference``)."""
    zone, _ = load_zone(WeltAdapter.site_timezone)
    clock = _TIME_ONLY.match(text.strip())
    value: dt.date
    if clock is not None:
        if reference is None:
            return None
        value = reference.replace(
            hour=int(clock["h"]), minute=int(clock["m"]), second=0, microsecond=0
        )
        relative = True
    else:
        found = find_dates(text, reference_time=reference)
        if not found:
            return None
        value, relative = found[0].value, found[0].relative
    if isinstance(value, dt.datetime) and value.tzinfo is None and zone is not None:
        return DateValue(value=value.replace(tzinfo=zone), assumed_timezone=True, relative=relative)
    return DateValue(value=value, relative=relative)
