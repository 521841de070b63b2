"""The Washington Post (washingtonpost.com): ``Document`` → ``PartialArticle``.

One page design is known, chosen by its markup:

- ``wpds`` (2022–): the React page built with the WPDS design system; the header has
  ``h1[data-qa='headline']``, the dek ``h2[data-qa='subheadline']`` and the byline
  ``a[data-qa='author-name']``; the body is a run of ``div[data-qa='article-body']``
  blocks, some of which hold ad slots (``data-qa='article-body-ad'``) or embedded posts
  (``data-testid='twitter'`` …) instead of text. Photos are ``<figure>`` elements with
  the credit in parentheses at the end of the caption.

Raw-text dumps are read by the generic text path with the action bar ("Listen",
"Share", "Add to your saved stories"), ad labels and photo captions (a sentence
followed by the credit in parentheses) dropped. Text browsers print the
headline and the dek both flush left, one after the other: the first is the title,
the second the summary.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_BODY = "//article//div[@data-qa='article-body']"
_SUBHEADS = _BODY + "//h3[@data-qa='article-header']"
_CAPTION_CREDIT = re.compile(r"^(?P<caption>.*?[.!?”])\s*\((?P<credit>[^()]{2,80})\)$")
"""A caption ending with its credit in parentheses: "Storm clouds over Omaha. (Jane Doe/AP)"."""
_EMBEDS = (
    "@data-qa='article-body-ad' or @data-testid='twitter' or @data-testid='instagram'"
    " or @data-testid='youtube' or @data-qa='newsletter'"
)


class WashingtonPostAdapter(SiteAdapter):
    """The Washington Post's news and opinion pages."""

    name = "washingtonpost"
    version = "2"
    site_name = "The Washington Post"
    domains = ("washingtonpost.com",)
    fingerprints = (
        r"https://www\.washingtonpost\.com/wp-apps/imrs\.php\?src=",
        r"© 19\d\d-20\d\d The Washington Post",
    )
    """The Post's image resizer (HTML) and its copyright line (HTML and text dumps)."""
    layouts = (
        Layout(
            name="wpds",
            fingerprint="//h1[@data-qa='headline'] and " + _BODY,
            body=_BODY,
            exclude=_BODY + "//*[" + _EMBEDS + "]",
            title="//h1[@data-qa='headline']",
            summary="//h2[@data-qa='subheadline']",
            authors="//*[@data-qa='author-byline']//a[@data-qa='author-name']",
            figures="//article//figure",
            caption_credit=_CAPTION_CREDIT,
            subheadings=_SUBHEADS,
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"\(BUTTON\)"),
            re.compile(r"^(?:Listen|Share|Comment|Save|Advertisement)$"),
            re.compile(r"^\d+ min$"),
            re.compile(r"^Add to your saved stories$"),
        ),
        subheads=3,
        caption_credit=_CAPTION_CREDIT,
        byline=re.compile(r"^By (?P<names>.+)$"),
        dateline=re.compile(r"^(?P<date>[A-Z][a-z]+ \d{1,2}, \d{4} at .+)$"),
        headline="topmost",
        standfirst="below_headline",
    )
