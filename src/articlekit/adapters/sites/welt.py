"""Die Welt (welt.de): ``Document`` → ``PartialArticle``.

Two page designs are known:

- ``article-page`` (2023–2024): ``div.c-article-page`` with a ``c-article-header``
  (topic overline, headline, "Von …" author, "Stand: …" date), the lead picture and the
  intro (``c-article-page__intro``) above ``c-article-page__text``, whose text is split
  into ``c-rich-text-renderer--article`` blocks between ad slots, "Lesen Sie auch"
  teaser lists, embeds and ``figure.c-content-image`` pictures (caption in
  ``…__caption-alt``, credit in ``…__caption-source``, "Quelle: …"); a closing
  paragraph set in bold italics is the author's note, not text;
- ``article-text`` (2023): the older ``c-page-container`` page: ``c-summary__intro``
  and ``div.c-article-text[@itemprop='articleBody']``, with ads, teasers, pictures and
  embeds in ``c-inline-element`` boxes between the paragraphs.

Topics are ``news_keywords`` (the page's own list, including its author slug); title,
author and date come right from the page's metadata.

Raw-text dumps: the title is the breadcrumb's last item (after "Pfadnavigation"); the
header shows "Von <name>" and "Stand: …", which for a page updated today is the bare
time of the last update ("Stand: 10:49 Uhr"); captions carry their credit glued on
("…Quelle: …"); "Lesen Sie auch" teasers sit between the paragraphs.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_PAGE = "//div[contains(concat(' ', normalize-space(@class), ' '), ' c-article-page ')]"
_TEXT = _PAGE + "//div[contains(@class, 'c-article-page__text')]"

_ARTICLE_TEXT = "//div[@itemprop='articleBody'][contains(@class, 'c-article-text')]"


class WeltAdapter(SiteAdapter):
    """WELT (welt.de)."""

    name = "welt"
    version = "2"
    site_name = "WELT"
    domains = ("welt.de",)
    fingerprints = (
        r"img\.welt\.de/img/",
        r"Der Kurz-Link dieses Artikels lautet: https?://www\.welt\.de/\d+",
    )
    """WELT's image host, and the short-link line at the end of every dump."""
    site_timezone = "Europe/Berlin"
    """Dumps give naive times ("Stand: 10:49 Uhr")."""
    layouts = (
        Layout(
            name="article-page",
            fingerprint=_TEXT + "//div[contains(@class, 'c-rich-text-renderer--article')]",
            body=_TEXT + "//div[contains(@class, 'c-rich-text-renderer--article')]",
            exclude=_TEXT + "//p[last()][not(text()[normalize-space()])][b/em or em/b]",
            summary=_PAGE + "//div[contains(@class, 'c-article-page__intro')]",
            topics="//meta[@name='news_keywords']/@content",
            figures=_PAGE + "//figure[contains(@class, 'c-content-image')]",
        ),
        Layout(
            name="article-text",
            fingerprint=_ARTICLE_TEXT,
            body=_ARTICLE_TEXT,
            exclude=_ARTICLE_TEXT + "//div[contains(@class, 'c-inline-element')]",
            summary="//div[contains(@class, 'c-summary__intro')]",
            topics="//meta[@name='news_keywords']/@content",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^Anzeige$"),
            re.compile(r"^\(BUTTON\)"),
            re.compile(r"^\*$"),
            re.compile(r"^Autorenprofilbild von "),
            re.compile(r"^\d+(?:\s+Kommentare)?$"),
        ),
        short_url=re.compile(r"Der Kurz-Link dieses Artikels lautet: (?P<url>https?://\S+)"),
        end_of_body=re.compile(
            r"^(?:Mehr aus dem Web|Neues aus der Redaktion|Auch interessant|Mehr zum Thema)$"
        ),
        crumbs=re.compile(r"^Pfadnavigation$"),
        boxes=(Box(re.compile(r"^Lesen Sie auch$"), lines=3),),
        caption_credit=re.compile(r"^(?P<caption>.+?)Quelle: (?P<credit>.+)$"),
        byline=re.compile(
            r"^Von (?P<names>.+?)(?:(?:Leitende[rn]? )?"
            r"(?:Korrespondent|Redakteur|Chefreporter|Autor|Reporter)(?:in)?)?$"
        ),
        by_organizations="drop",
        dateline=re.compile(
            r"^(?:Stand|Veröffentlicht am): (?P<date>.+?)(?: \| )?(?:Lesedauer: .*)?$"
        ),
        standfirst=re.compile(r"[.!?“\"]$"),
    )
