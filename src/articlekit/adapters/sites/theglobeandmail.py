"""The Globe and Mail (theglobeandmail.com): ``Document`` → ``PartialArticle``.

One page design is known:

- ``arc`` (2024–): the Arc/Fusion page; the body is ``article#content-gate`` whose
  direct children are ``p.c-article-body__text`` paragraphs, ``h4`` sub-headings and
  ``figure`` photos (caption and credit in ``span.caption`` / ``span.credit``).
  Newsletters put small ``h6`` section labels ("Up top", "Charted") between their
  parts: these are furniture, not headings.

Topics are the page's ``<meta name="keywords">`` tags: lower-case slugs that the site
mixes with internal package flags ("newsletter", "newnewsletter"); the flags are dropped
and the tags are shown in title case.

Raw-text dumps (lynx) repeat the headline above the byline and put a "Share /
Bookmark / Please log in to bookmark this story" toolbar and a "Open this photo in
gallery:" label into the text; those lines are dropped. The site's image CDN
(``/resizer/v2/`` on theglobeandmail.com) identifies its HTML without a URL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_text_rules, texts
from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import find_dates, parse_byline
from articlekit.tokens.types import TokenKind

_BODY = "//article[@id='content-gate']"
_KEYWORDS = "//meta[@name='keywords']/@content"
_INTERNAL_TAG = re.compile(r"news", re.IGNORECASE)
"""Keywords naming a package flag ("newsletter", "newnewsletter"), not a topic."""
_DATELINE = re.compile(r"^(?:Published|Updated) (?P<value>.+)$")
"""The line under the byline in dumps: "Published August 28, 2024" / "… 3 seconds ago"."""
_SECONDS_AGO = re.compile(r"^(?P<n>\d+) seconds? ago$")
_HEADLINE_KINDS = (TokenKind.PARAGRAPH, TokenKind.HEADING)
MAX_HEADER_LINES = 4
"""Byline lines between the headline and the dateline."""


class TheGlobeAndMailAdapter(SiteAdapter):
    """The Globe and Mail (Toronto)."""

    name = "theglobeandmail"
    version = "1"
    site_name = "The Globe and Mail"
    domains = ("theglobeandmail.com",)
    fingerprints = (
        r"https?://(?:www\.)?theglobeandmail\.com/resizer/v2/",
        r"Please log in to bookmark this story\.Log InCreate Free Account",
    )
    """The Globe's image resizer and its bookmark toolbar (as lynx renders it)."""
    layouts = (
        Layout(
            name="arc",
            fingerprint=_BODY + "/p[contains(@class, 'c-article-body__text')]",
            body=_BODY + "/p[contains(@class, 'c-article-body__text')]"
            " | " + _BODY + "/h4 | " + _BODY + "/figure",
            title="//main//h1",
            authors="//*[contains(@class, 'c-article-meta__bylines')]/a",
            figures=_BODY + "/figure",
            figure_caption=".//figcaption//span[contains(@class, 'caption')]",
            figure_credit=".//figcaption//span[contains(@class, 'credit')]",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^\(BUTTON\)"),
            re.compile(r"^Please log in to bookmark this story"),
            re.compile(r"^Open this photo in gallery:$"),
            re.compile(r"^_{20,}$"),
            re.compile(r"^Please enable JavaScript to view this content\.$"),
        ),
        end_of_body=re.compile(r"^(?:Report an editorial error|Follow related authors)"),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """Headline, byline and dateline sit above the toolbar; the body follows it.

        The dump shows the headline twice (the sticky header, then the ``h1``, which is
        not indented); a question headline reads like prose, so the header is read here
        and the generic path scores only what follows the dateline.
        """
        tokens = doc.stream.tokens
        found = next(
            (i for i, t in enumerate(tokens) if t.lines is not None and _DATELINE.match(t.text)),
            None,
        )
        if found is None:
            return super().extract_text(doc)
        heading = next(
            (
                j
                for j in range(found - 1, max(-1, found - 2 - MAX_HEADER_LINES), -1)
                if tokens[j].level == 0 and tokens[j].kind in _HEADLINE_KINDS
            ),
            None,
        )
        rest = dataclasses.replace(doc.stream, tokens=tokens[found + 1 :])
        result = apply_text_rules(self, dataclasses.replace(doc, stream=rest))
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} text header")
        changes: dict[str, Any] = {}
        match = _DATELINE.match(tokens[found].text)
        published = _date(match.group("value") if match else "", doc)
        if published is not None:
            changes["published"] = published
        if heading is not None:
            changes["title"] = tokens[heading].text
            names = [
                n for t in tokens[heading + 1 : found] for n in parse_byline(t.text).persons
            ]
            if names:
                changes["authors"] = tuple(PersonRef(name=n) for n in dict.fromkeys(names))
        sources = {**result.sources, **{name: source for name in changes}}
        return dataclasses.replace(result, **changes, sources=sources)

    def postprocess(self, doc: Document, result: PartialArticle) -> PartialArticle:
        """Topics from the page's keyword tags, without package flags, in title case."""
        if doc.html is None:
            return result
        tags = [
            tag.strip().lower()
            for raw in texts(doc.html.root, _KEYWORDS)
            for tag in raw.split(",")
            if tag.strip()
        ]
        topics = tuple(dict.fromkeys(t.title() for t in tags if not _INTERNAL_TAG.search(t)))
        if not topics:
            return result
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} meta keywords")
        return dataclasses.replace(
            result, topics=topics, sources={**result.sources, "topics": source}
        )


def _date(text: str, doc: Document) -> DateValue | None:
    """A dateline's date; "N seconds ago" counts back from the reference time."""
    now = doc.options.reference_time
    seconds = _SECONDS_AGO.match(text)
    if seconds is not None and now is not None:
        return DateValue(value=now - dt.timedelta(seconds=int(seconds["n"])), relative=True)
    matches = find_dates(text, reference_time=now)
    return DateValue(value=matches[0].value, relative=matches[0].relative) if matches else None
