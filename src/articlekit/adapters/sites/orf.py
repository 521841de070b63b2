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

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.partial import PartialArticle
from articlekit.tokens.types import Token, TokenKind

_WRAPPER = "//div[@id='ss-storyWrapper']"
_STORY = _WRAPPER + "//div[contains(concat(' ', normalize-space(@class), ' '), ' story-story ')]"
_PRINT_DATE = re.compile(r"^(?P<date>\d{1,2}\.\d{1,2}\.\d{4}) (?P<time>\d{1,2}\.\d{2})$")
"""The dump's print-only dateline under the lead: "22.11.2024 07.57"."""
_BYLINE = re.compile(
    r"^(?=[^,]+,\s*(?:[a-z]+\.)?ORF\.at(?:/Agenturen)?$)"
    r"(?:[a-zäöü]+(?:/[a-zäöü]+)*,\s*)?(?P<names>[^,/]+)"
)
"""The closing byline: "red, ORF.at/Agenturen", "red, tirol.ORF.at" (a desk code: the
newsroom is the author) or "Name, ORF.at"."""
_TITLE_GAP = 2
"""Line distance from a flag (or keyword) line to the unindented title under it."""


class ORFAdapter(SiteAdapter):
    """ORF.at stories (``/stories/<id>/``) on orf.at and its sub-sites."""

    name = "orf"
    version = "2"
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
            authors_fallback="jsonld:@NewsArticle.author.name",
        ),
    )
    text_rules = TextRules(
        drop=(re.compile(r"^Online seit\b"),),
        end_of_body=_BYLINE,
        signature=_BYLINE,
        dateline=_PRINT_DATE,
        headline="topmost",
        header_lines=3,
        kicker=": ",
        standfirst="below_headline",
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The text rules, without the link cards (see ``_link_cards``), which have no
        label a rule could match."""
        tokens = doc.stream.tokens
        dated = next((i for i, t in enumerate(tokens) if _PRINT_DATE.match(t.text)), None)
        cards = _link_cards(tokens, dated + 1) if dated is not None else set()
        tokens = tuple(t for i, t in enumerate(tokens) if i not in cards)
        return super().extract_text(
            dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=tokens))
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
