"""Der Spiegel (spiegel.de): ``Document`` → ``PartialArticle``.

One page design is known:

- ``richtext`` (2023): ``<article>`` with a ``header[@data-area='intro']`` (kicker and
  headline, lead, ``<time>``), the lead picture in ``div[@data-area='top_element>image']``
  and the text in ``div[@data-area='body']``, split into ``div[@data-area='text']``
  parts between ad slots (``gujAd``) and "Mehr zum Thema" boxes
  (``data-area='related_articles'``). Captions are ``figcaption.RichTextCaption`` with
  the credit in ``span.RichTextCredit`` ("Foto: …").

The headline shown on the page is kicker + title; the article's title is the SEO
title of ``og:title`` (also the breadcrumb's last item). Unsigned pieces are credited
to the house: ``<meta name="author" content="DER SPIEGEL">``; the adapter keeps that
as the author, as the site does. Topics are ``news_keywords``.

Raw-text dumps: the title is the last item of the breadcrumb list ("Startseite",
section, …, title); the article starts at the unindented headline; credits follow a
caption line ending in "Foto:"; the "Mehr zum Thema" list inside the text is
skipped; the text ends at "Diskutieren Sie mit" / "Mehr lesen über".
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_ARTICLE = "//main//article"
_BODY = _ARTICLE + "//div[@data-area='body']"
_TEXT = _BODY + "//div[@data-area='text']"


class SpiegelAdapter(SiteAdapter):
    """DER SPIEGEL (spiegel.de), German edition."""

    name = "spiegel"
    version = "1"
    site_name = "DER SPIEGEL"
    domains = ("spiegel.de",)
    house_author = "DER SPIEGEL"
    site_timezone = "Europe/Berlin"
    """Dumps give naive datelines ("28.04.2023, 20.15 Uhr")."""
    fingerprints = (
        r"cdn\.prod\.www\.spiegel\.de/images/",
        r"#DER SPIEGEL \| RSS Schlagzeilen",
    )
    """Spiegel's image CDN, and the feed link that opens every dump of its pages."""
    layouts = (
        Layout(
            name="richtext",
            fingerprint=_TEXT,
            body=_TEXT,
            title="//meta[@property='og:title']/@content",
            authors="//meta[@name='author']/@content",
            topics="//meta[@name='news_keywords']/@content",
            figures=_ARTICLE + "//figure[figcaption]",
            figure_caption=".//figcaption/p",
            figure_credit=".//figcaption/span[contains(@class, 'RichTextCredit')]/p",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^\(BUTTON\)"),
            re.compile(r"^\*$"),
            re.compile(r"^Artikel zum Hören\b"),
        ),
        unglue=(
            re.compile(r"(?<=[.!?«\"])\s+\d{1,2}\.\d{1,2}\.\d{4}, \d{1,2}\.\d{2} Uhr$"),
            re.compile(r"(?<=[.!?«\"])\s+[a-z]{2,5}(?:/[\w-]+)+$"),
            re.compile(r"\s*\(BUTTON\) Bild vergrößern$"),
        ),
        crumbs=re.compile(r"^Startseite$"),
        boxes=(Box(re.compile(r"^Mehr zum Thema$"), items=True),),
        caption_credit=re.compile(r"^(?P<caption>.*?)\s*Foto:(?P<credit>)$"),
        alt_above=True,
        dateline=re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}, \d{1,2}\.\d{2} Uhr$"),
        headline="topmost",
        standfirst="below_headline",
        end_of_body=re.compile(r"^(?:\(BUTTON\) Diskutieren Sie mit|Mehr lesen über|Feedback)$"),
    )
