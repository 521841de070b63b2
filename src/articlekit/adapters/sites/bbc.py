"""BBC (bbc.com, bbc.co.uk): ``Document`` → ``PartialArticle``.

One page design is known, chosen by its markup:

- ``blocks`` (2023–): the React article page, an ``<article>`` made of
  ``data-component`` blocks (``headline-block``, ``byline-block``, ``text-block``,
  ``subheadline-block``, ``image-block`` with ``caption-block``, ``links-block``,
  ``tags``/``tag-list-block``); lists of links inside a text block ("read more"
  teasers) are not body. Each picture is a grey placeholder ``<img>`` followed by
  the real one and a credit ``<span>``; images are read from the real one.

Pages without a named byline carry the newsroom as the JSON-LD author
(``NewsMediaOrganization`` "BBC News"), which is kept as the author.

Raw-text dumps are read by the generic text path with the site's button, image
placeholder and footer lines dropped; the footer's "Copyright … BBC. The BBC is not
responsible for the content of external sites" identifies them.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_BLOCK = "//article//div[@data-component='{}']"
_TEXT = _BLOCK.format("text-block")
_LINK_LIST = _TEXT + "//ul[not(li[not(a) or normalize-space(.) != normalize-space(a)])]"
"""A list whose every item is one link: "read more" teasers inside a text block."""


class BBCAdapter(SiteAdapter):
    """BBC News and its sister sections on bbc.com / bbc.co.uk."""

    name = "bbc"
    version = "1"
    site_name = "BBC"
    domains = ("bbc.com", "bbc.co.uk")
    fingerprints = (
        r"https?://ichef\.bbci\.co\.uk/",
        r"The BBC is not responsible for the content of external sites",
    )
    """The BBC's image CDN (HTML) and its footer notice (HTML and text dumps)."""
    layouts = (
        Layout(
            name="blocks",
            fingerprint=_TEXT,
            body=_TEXT + " | " + _BLOCK.format("subheadline-block"),
            exclude=_LINK_LIST,
            title=_BLOCK.format("headline-block") + "//h1",
            summary="(" + _TEXT + ")[1]//p[1][b and normalize-space(.) = normalize-space(b)]",
            authors="//article//*[@data-testid='byline-contributors']"
            "//span[normalize-space() and not(*)][1]",
            topics=_BLOCK.format("tags") + "//a | " + _BLOCK.format("tag-list-block") + "//a",
            figures="//article//figure//img[not(contains(@class, 'hide-when-no-script'))]",
            figure_caption="ancestor::figure[1]//figcaption",
            figure_credit="following-sibling::span[1]",
            authors_fallback="jsonld:author.name",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"\(BUTTON\)"),
            re.compile(r"^\[grey-placeholder\.png\]"),
        ),
        end_of_body=re.compile(r"^(?:Related|More from the BBC)$"),
        flush_left_headings=1,
        drop_indent=4,
        byline_below_title=True,
    )
