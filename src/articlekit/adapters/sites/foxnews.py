"""Fox News (foxnews.com): ``Document`` → ``PartialArticle``.

One page design is known, chosen by its markup:

- ``article-wrap`` (2019–): the server-rendered Nuxt page; ``article.article-wrap``
  with ``header.article-header`` (``h1.headline``, the dek ``h2.sub-headline``, the
  byline ``div.author-byline``) and ``div.article-body`` holding the paragraphs, ad
  containers, the lead video (``div.featured-video``), photos (``div.image-ct`` with
  the caption and the parenthesised credit in two ``<span>``) and, at its end, the
  author's bio (``div.author-bio``); paragraphs that are one bold link (teasers of
  other stories, app promotions) are not body. Topics are the ``classification-tags`` meta.

Raw-text dumps are read by the generic text path with the share bar, the lead video
(link, title, description), photo captions, all-capitals teaser links and the author
bio dropped; the flush-left headline and dek above the "By … | Fox News" byline give
title and summary.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_ARTICLE = "//article[contains(concat(' ', @class, ' '), ' article-wrap ')]"
_BODY = _ARTICLE + "//div[contains(concat(' ', @class, ' '), ' article-body ')]"
_CAPTION = ".//div[contains(@class, 'info')]/div[@class='caption']/p"
_NOT_BODY = (
    "contains(@class, 'ad-container') or contains(@class, 'featured-video')"
    " or contains(@class, 'image-ct') or contains(@class, 'video-ct')"
    " or contains(@class, 'article-meta') or @id='cultivate-embed'"
)

_PROMO = _BODY + "/p[a/strong and normalize-space(.) = normalize-space(a)]"
"""A paragraph that is one bold link: "CLICK HERE TO GET THE FOX NEWS APP", teasers."""


class FoxNewsAdapter(SiteAdapter):
    """Fox News articles (news, politics, opinion)."""

    name = "foxnews"
    version = "2"
    site_name = "Fox News"
    domains = ("foxnews.com",)
    fingerprints = (
        r"https://a57\.foxnews\.com/",
        r"This material may not be published, broadcast, rewritten, or redistributed\. ©\d{4} "
        r"FOX News Network",
    )
    """Fox's image CDN (HTML) and its copyright notice (HTML and text dumps)."""
    layouts = (
        Layout(
            name="article-wrap",
            fingerprint=_BODY,
            body=_BODY,
            exclude=_BODY + "//*[" + _NOT_BODY + "] | " + _PROMO,
            title=_ARTICLE + "//header//h1[contains(@class, 'headline')]",
            summary=_ARTICLE + "//header//h2[contains(@class, 'sub-headline')]",
            authors=_ARTICLE + "//header//div[contains(@class, 'author-byline')]"
            "//a[contains(@href, '/person/')]",
            topics="//meta[@name='classification-tags']/@content",
            figures=_BODY + "//div[contains(concat(' ', @class, ' '), ' image-ct ')]",
            figure_caption=_CAPTION + "/span[1]",
            figure_credit=_CAPTION + "/span[2]",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^(?:Facebook|Twitter|Flipboard|Instagram|Comments|Print|Email|close)$"),
            re.compile(r"^This material may not be published, broadcast, rewritten"),
            re.compile(r"^CLICK HERE TO "),
            re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]{12,}$"),
        ),
        end_of_body=re.compile(
            r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,3} is an? .{0,80}\b(?:for|at|with) Fox "
            r"(?:News|Business)"
        ),
        boxes=(Box(re.compile(r"^\S.* Video$"), lines=2),),
        caption_credit=re.compile(r"^(?P<caption>.*?[.!?”])\s*\((?P<credit>[^()]{2,80})\)$"),
        alt_above=True,
        byline=re.compile(r"^By (?P<names>.+?) \| Fox (?:News|Business)"),
        by_organizations="drop",
        headline="topmost",
        header_lines=2,
        standfirst="below_headline",
    )
