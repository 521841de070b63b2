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

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

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
        cards=True,
    )
