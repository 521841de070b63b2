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

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_BODY = "//article[@id='content-gate']"


class TheGlobeAndMailAdapter(SiteAdapter):
    """The Globe and Mail (Toronto)."""

    name = "theglobeandmail"
    version = "2"
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
            topics="//meta[@name='keywords']/@content",
            topics_drop=re.compile(r"news", re.IGNORECASE),
            topics_title_case=True,
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
        dateline=re.compile(r"^(?:Published|Updated) (?P<date>.+)$"),
        headline="topmost",
        header_lines=5,
        names_between=True,
    )
