"""Frankfurter Allgemeine Zeitung (faz.net): ``Document`` → ``PartialArticle``.

Three page designs are known, chosen by their markup:

- ``nuxt-tailwind`` (2025): the Nuxt page with utility classes; the text is
  ``article/div.walled-content`` (paragraphs and ``<h3>`` in plain ``<div>``s, "Mehr
  zum Thema" as an ``<aside>``); topics are the "Schlagworte:" list in the footer; the
  lead picture's caption is a ``<span>`` with the credit in a ``<small>``;
- ``body-elements`` (2024): the first Nuxt page: ``div.body-elements`` blocks with
  ``p.body-elements__paragraph`` / ``h3.body-elements__subheading``, "Mehr zum Thema"
  in ``div.related-articles``; topics are the ``footer-links`` after "Schlagworte:";
- ``atc`` (2023): the older server-rendered page: ``article.atc`` with
  ``div.atc-Text`` (``p.atc-TextParagraph``, ``h3.atc-SubHeadline``) and author boxes,
  ads (``cna-…``) and teaser sliders (``atc-ContainerMore``) inside the text; topics
  are ``news_keywords``.

The article's title is ``og:title`` (the SEO title; the page shows "Kicker: Headline").

Raw-text dumps: the 2023 design's dump ends with a "Beitrag per E-Mail versenden" form
that repeats the SEO title; the Nuxt designs show the headline, "Von <name>" and
"17.04.2024, 12:24" (Lesezeit glued on) above the text.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_OG_TITLE = "//meta[@property='og:title']/@content"
_NUXT_TEXT = "//article/div[@class='walled-content']"
_BODY_ELEMENTS = (
    "//article//div[contains(concat(' ', normalize-space(@class), ' '), ' body-elements ')]"
)
_ATC_TEXT = (
    "//article[contains(concat(' ', normalize-space(@class), ' '), ' atc ')]"
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' atc-Text ')]"
)


class FAZAdapter(SiteAdapter):
    """F.A.Z. (faz.net)."""

    name = "faz"
    version = "1"
    site_name = "Frankfurter Allgemeine Zeitung"
    domains = ("faz.net",)
    fingerprints = (
        r"media\d*\.faz\.net/ppmedia/",
        r"© Frankfurter Allgemeine Zeitung GmbH 2001",
        r"Permalink: https?://www\.faz\.net/-\w+-\w+",
    )
    """FAZ's media host, and the copyright and permalink lines of its dumps."""
    site_timezone = "Europe/Berlin"
    layouts = (
        Layout(
            name="nuxt-tailwind",
            fingerprint=_NUXT_TEXT + "//p",
            body=_NUXT_TEXT,
            exclude=_NUXT_TEXT + "//aside",
            title=_OG_TITLE,
            topics="//*[normalize-space()='Schlagworte:']/following-sibling::nav//a"
            "[not(normalize-space()='Alle Themen')]",
            figures="//article/header/div[.//picture][div[span and small]]",
            figure_caption="./div[span and small]/span",
            figure_credit="./div[span and small]/small",
        ),
        Layout(
            name="body-elements",
            fingerprint=_BODY_ELEMENTS + "/p[contains(@class, 'body-elements__paragraph')]",
            body=_BODY_ELEMENTS,
            exclude=_BODY_ELEMENTS + "//div[contains(@class, 'related-articles')]",
            title=_OG_TITLE,
            topics="//div[contains(@class, 'footer-links')]"
            "/a[not(normalize-space()='Alle Themen')]",
        ),
        Layout(
            name="atc",
            fingerprint=_ATC_TEXT,
            body=_ATC_TEXT,
            exclude=_ATC_TEXT + "//*[self::aside or contains(@class, 'ctn-Placeholder')"
            " or contains(@class, 'atc-ContainerInfo') or contains(@class, 'atc-ContainerMore')]",
            title=_OG_TITLE,
            topics="//meta[@name='news_keywords']/@content",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^\(BUTTON\)"),
            re.compile(r"^Permalink: "),
        ),
        boxes=(
            Box(re.compile(r"^\[leer\.gif\]$"), lines=2),
            Box(
                re.compile(r"^Mehr zum Thema$"),
                then=re.compile(r"^\d+/$"),
                teasers=re.compile(r"^\S.* : \S.*$"),
            ),
        ),
        standfirst_above=re.compile(r"^\d+ Min\.$"),
        standfirst_chars=40,
        title_after=re.compile(r"^Beitrag per E-Mail versenden$"),
    )
