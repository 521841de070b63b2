"""Reuters (reuters.com): ``Document`` → ``PartialArticle``.

One page design is known, chosen by its markup:

- ``arc-default-header`` (2024–): the React page on Arc with the
  ``DefaultArticleHeader`` (byline, then date and time below the headline);
- ``arc`` (2022–2023): the same page with the older header (reading time, date and
  "Last Updated" above the headline).

In both, the body is ``div.article-body__content`` whose paragraphs carry
``data-testid="paragraph-N"`` and whose sub-headings are ``h2``; ad slots, embedded
posts, galleries and the "Reporting by"/"Our Standards" footer sit between or after
them and are not body. Topics are the
  page's channels: ``analyticsAttributes.topicSubChannel`` then the
  ``DCSext.ChannelList`` meta (``;``-separated); ``keywords`` holds only wire codes.

Raw-text dumps are read by the generic text path with the toolbar buttons, ad labels,
photo captions (``REUTERS/…`` credits, gallery ``[1/5]`` lines) and "opens new tab"
link notes dropped; the header's date spans, glued together by text browsers
("March 7, 20247:55 AM UTC"), give the publication time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_layout, apply_text_rules
from articlekit.metadata.types import DateValue
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.tokens.types import Token

_BODY = "//article//div[contains(@class, 'article-body__content')]"
_PARAGRAPHS = _BODY + "//*[starts-with(@data-testid, 'paragraph-')]"
_CHANNELS = (
    "//meta[@name='analyticsAttributes.topicSubChannel']/@content"
    " | //meta[@name='DCSext.ChannelList']/@content"
)
_CHANNEL_SEPARATOR = ";"
_NEW_TAB_NOTE = ", opens new tab"
"""Screen-reader text inside every external link (a ``<span>`` in the ``<a>``)."""


def _arc(name: str, header: str) -> Layout:
    """The Arc page; its variants differ in the header (date above or below the title)."""
    return Layout(
        name=name,
        fingerprint=header + " and " + _PARAGRAPHS,
        body=_PARAGRAPHS + " | " + _BODY + "//h2",
        title=header + "//h1",
        summary=_BODY + "//*[@data-testid='paragraph-0']",
        authors=header + "//a[contains(@href, '/authors/')]",
        topics=_CHANNELS,
        figures="//article//figure",
    )


class ReutersAdapter(SiteAdapter):
    """Reuters news pages."""

    name = "reuters"
    version = "1"
    site_name = "Reuters"
    domains = ("reuters.com",)
    fingerprints = (
        r"<meta name=\"DCSext\.DartZone\" content=\"/\d+/reuters\.com/",
        r"Our Standards: The Thomson Reuters Trust Principles",
    )
    """The ad-zone meta of reuters.com pages; the standards line under every article."""
    layouts = (
        _arc("arc-default-header", "//article//header[@data-testid='DefaultArticleHeader']"),
        _arc("arc", "//article//header//div[contains(@class, 'article-header__container')]"),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"\(BUTTON\)"),
            re.compile(r"^Advertisement · Scroll to continue$"),
            re.compile(r"^Report this ad$"),
            re.compile(r"^\[\d+/\d+\]"),
            re.compile(r"\bREUTERS/|/via REUTERS\b|Purchase Licensing Rights"),
        ),
        end_of_body=re.compile(
            r"^(?:Read Next|Our Standards: The Thomson Reuters Trust Principles)"
        ),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The text rules; link notes removed, the glued header dateline read."""
        result = apply_text_rules(self, doc)
        changes: dict[str, object] = {}
        if result.body:
            changes["body"] = _without_link_notes(result.body)
        if result.published is None:
            published = _dump_dateline(doc.stream.tokens)
            if published is not None:
                changes["published"] = published
                changes["sources"] = {
                    **result.sources,
                    "published": FieldSource(
                        kind=SourceKind.ADAPTER, detail=f"{self.ident} header dateline"
                    ),
                }
        return dataclasses.replace(result, **changes)  # type: ignore[arg-type]

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules; channel lists split on ``;``, link notes removed."""
        result = apply_layout(self, doc, layout)
        topics = [
            part.strip()
            for topic in result.topics or ()
            for part in topic.split(_CHANNEL_SEPARATOR)
            if part.strip()
        ]
        body = _without_link_notes(result.body or ())
        return dataclasses.replace(
            result,
            topics=tuple(dict.fromkeys(topics)) or result.topics,
            body=body or result.body,
        )


def _without_link_notes(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    return tuple(
        dataclasses.replace(t, text=t.text.replace(_NEW_TAB_NOTE, ""))
        if _NEW_TAB_NOTE in t.text
        else t
        for t in tokens
    )


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DUMP_DATELINE = re.compile(
    rf"(?P<day>(?:{_MONTHS}) \d{{1,2}}, \d{{4}})\s*(?P<time>\d{{1,2}}:\d{{2}} [AP]M) "
    r"(?P<zone>UTC|GMT(?:[+-]\d{1,2})?)"
)
"""The header's date spans, glued by text browsers: "March 7, 20247:55 AM UTC"."""
DATELINE_SEARCH_TOKENS = 200
"""The header dateline is among the first tokens of a dump."""


def _dump_dateline(tokens: tuple[Token, ...]) -> DateValue | None:
    for token in tokens[:DATELINE_SEARCH_TOKENS]:
        match = DUMP_DATELINE.search(token.text)
        if match is None:
            continue
        zone = match.group("zone")
        hours = int(zone[3:]) if zone.startswith("GMT") and len(zone) > len("GMT") else 0
        try:
            naive = dt.datetime.strptime(
                f"{match.group('day')} {match.group('time')}", "%B %d, %Y %I:%M %p"
            )
        except ValueError:
            continue
        return DateValue(value=naive.replace(tzinfo=dt.timezone(dt.timedelta(hours=hours))))
    return None
