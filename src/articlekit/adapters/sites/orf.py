"""ORF.at (orf.at): ``Document`` → ``PartialArticle``.

One page design is known:

- ``story`` (2024): ``div#ss-storyWrapper`` with an opener ``figure.image`` (credit in
  ``footer.credit``, often no caption), the header ``div.story-lead`` (a ``keyword``
  line, ``h1.story-lead-headline``, ``p.story-lead-text``, print and screen dates) and
  the text in ``div.story-story``, where ``aside.linkcard`` teasers ("Mehr zum Thema",
  "Debatte") sit between the paragraphs. The byline "red, ORF.at/Agenturen" closes the
  story in ``div.story-footer``. Stories name no persons: the JSON-LD author is the
  newsroom, ORF.at, and it is reported as the author.

Raw-text dumps: the headline is the keyword line joined to the ``h1`` line ("Keyword:
Headline", as in the page's ``og:title``); the lead and the print date
("22.11.2024 07.57") follow it. Link cards are an alt line, a flag line and an
unindented teaser title; the text ends at the byline.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_layout, texts
from articlekit.metadata.dates import load_zone, parse_date
from articlekit.metadata.types import PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import parse_byline
from articlekit.tokens.types import Token, TokenKind

_WRAPPER = "//div[@id='ss-storyWrapper']"
_STORY = _WRAPPER + "//div[contains(concat(' ', normalize-space(@class), ' '), ' story-story ')]"
_AUTHOR = "jsonld:@NewsArticle.author.name"
"""The declared author: the newsroom (an ``Organization``) on ordinary stories."""

_PRINT_DATE = re.compile(
    r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}) (?P<hh>\d{1,2})\.(?P<mm>\d{2})$"
)
"""The dump's print-only dateline under the lead: "22.11.2024 07.57"."""
_BYLINE = re.compile(r"^(?P<who>[^,]+),\s*(?P<org>(?:[a-z]+\.)?ORF\.at)(?:/Agenturen)?$")
"""The closing byline: "red, ORF.at/Agenturen", "red, tirol.ORF.at" or "Name, ORF.at"."""
_DESK_CODE = re.compile(r"^[a-zäöü]+(?:/[a-zäöü]+)*$")
"""Lower-case desk codes before the newsroom name ("red", "red/agenturen")."""
_HEADER_LOOKBACK = 3
"""Lines between the headline and the print date (the lead, at most a notice)."""
_TITLE_GAP = 2
"""Line distance from a flag (or keyword) line to the unindented title under it."""


class ORFAdapter(SiteAdapter):
    """ORF.at stories (``/stories/<id>/``) on orf.at and its sub-sites."""

    name = "orf"
    version = "1"
    site_name = "ORF.at"
    site_timezone = "Europe/Vienna"
    domains = ("orf.at",)
    url_patterns = (r"/stories/\d+",)
    fingerprints = (
        r"assets\.orf\.at/mims/",
        r"Zur ORF\.at-Navigation",
    )
    """ORF's picture store, and the dump's skip link."""
    layouts = (
        Layout(
            name="story",
            fingerprint=_STORY,
            body=_STORY,
            exclude=_STORY + "//aside",
            figures=_WRAPPER + "//figure[contains(concat(' ', normalize-space(@class), ' '),"
            " ' image ')]",
            figure_caption="./figcaption",
            figure_credit="./footer[contains(@class, 'credit')]",
        ),
    )
    text_rules = TextRules(
        drop=(re.compile(r"^Online seit\b"),),
        end_of_body=_BYLINE,
    )

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules; the declared author when it names no person."""
        result = apply_layout(self, doc, layout)
        assert doc.html is not None
        if result.authors is not None:
            return result
        names = texts(doc.html.root, _AUTHOR)
        if not names:
            return result
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} JSON-LD author")
        return dataclasses.replace(
            result,
            authors=tuple(PersonRef(name=n) for n in names),
            sources={**result.sources, "authors": source},
        )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The generic text path on the story, with the dump's header and byline."""
        tokens = doc.stream.tokens
        dated = next((i for i, t in enumerate(tokens) if _PRINT_DATE.match(t.text)), None)
        if dated is None:
            return super().extract_text(doc)
        title = _title_index(tokens, dated)
        start = title if title is not None else dated + 1
        cards = _link_cards(tokens, dated + 1)
        kept = tuple(t for i, t in enumerate(tokens) if i >= start and i not in cards)
        cropped = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=kept))
        result = super().extract_text(cropped)
        changes: dict[str, Any] = {}
        if title is not None:
            keyword = tokens[title - 1].text if _is_keyword(tokens, title) else None
            headline = tokens[title].text
            changes["title"] = f"{keyword}: {headline}" if keyword else headline
            if title + 1 < dated and result.summary is None:
                changes["summary"] = tokens[title + 1].text
                changes["body"] = tuple(
                    t for t in result.body or () if t.text != changes["summary"]
                )
        published = _published(tokens[dated].text, self.site_timezone)
        if published is not None:
            changes["published"] = published
        authors = _byline_authors(tokens, dated)
        if authors:
            changes["authors"] = authors
        return self.amend(result, changes, "text header")


def _title_index(tokens: tuple[Token, ...], dated: int) -> int | None:
    """The unindented headline just above the lead and the print date."""
    for i in range(dated - 1, max(-1, dated - 1 - _HEADER_LOOKBACK), -1):
        if tokens[i].kind in (TokenKind.PARAGRAPH, TokenKind.HEADING) and tokens[i].level == 0:
            return i
    return None


def _is_keyword(tokens: tuple[Token, ...], title: int) -> bool:
    """Whether the line above the headline is its keyword ("Nach Gaetz-Rückzug")."""
    if title == 0:
        return False
    above, head = tokens[title - 1], tokens[title]
    return (
        above.kind is TokenKind.PARAGRAPH
        and above.level > 0
        and above.lines is not None
        and head.lines is not None
        and head.lines[0] - above.lines[1] == _TITLE_GAP
    )


def _link_cards(tokens: tuple[Token, ...], start: int) -> set[int]:
    """Link cards after ``start``: an alt line, the flag line under it, the teaser title."""
    found: set[int] = set()
    for i in range(start + 1, len(tokens) - 1):
        alt, flag, title = tokens[i - 1], tokens[i], tokens[i + 1]
        if alt.lines is None or flag.lines is None or title.lines is None:
            continue
        if (
            alt.kind is flag.kind is TokenKind.PARAGRAPH
            and alt.level == flag.level > 0
            and flag.lines[0] == alt.lines[1] + 1
            and title.level == 0
            and title.lines[0] - flag.lines[1] == _TITLE_GAP
        ):
            found.update((i - 1, i, i + 1))
    return found


def _published(text: str, zone_name: str | None) -> Any:
    match = _PRINT_DATE.match(text)
    if match is None:
        return None
    zone, _ = load_zone(zone_name)
    iso = "{y}-{m:0>2}-{d:0>2}T{hh:0>2}:{mm}".format(**match.groupdict())
    return parse_date(iso, zone=zone)


def _byline_authors(tokens: tuple[Token, ...], start: int) -> tuple[PersonRef, ...]:
    for token in tokens[start:]:
        match = _BYLINE.match(token.text)
        if match is None:
            continue
        who = match.group("who").strip()
        if not _DESK_CODE.match(who):
            persons = parse_byline(who).persons
            if persons:
                return tuple(PersonRef(name=n) for n in persons)
        return (PersonRef(name=match.group("org")),)
    return ()
