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

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_BODY = "//article//div[contains(@class, 'article-body__content')]"
_PARAGRAPHS = _BODY + "//*[starts-with(@data-testid, 'paragraph-')]"
_CHANNELS = (
    "//meta[@name='analyticsAttributes.topicSubChannel']/@content"
    " | //meta[@name='DCSext.ChannelList']/@content"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


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
        topic_separators=",;",
        figures="//article//figure",
    )


class ReutersAdapter(SiteAdapter):
    """Reuters news pages."""

    name = "reuters"
    version = "2"
    strip_phrases = (", opens new tab",)
    """Screen-reader text inside every external link (a ``<span>`` in the ``<a>``)."""
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
        dateline=re.compile(
            rf"(?P<date>(?:{_MONTHS}) \d{{1,2}}, \d{{4}})\s*(?P<time>\d{{1,2}}:\d{{2}} [AP]M) "
            r"(?P<zone>UTC|GMT(?:[+-]\d{1,2})?)"
        ),
        crop_header=False,
    )
