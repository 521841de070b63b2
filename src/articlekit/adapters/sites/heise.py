"""heise online (heise.de): ``Document`` → ``PartialArticle``.

One page design is known:

- ``meldung`` (2024): ``<article id="meldung">`` with an ``a-article-header`` (title,
  lead, the lead picture in an ``a-lightbox`` figure) and the text in
  ``div.article-content``; inline pictures, ad slots (``ad``, ``ad-label``,
  ``a-paternoster``) and a "Lesen Sie auch" ``RecommendationBox`` sit between the
  paragraphs. Captions are ``p.a-caption__text``, credits ``p.a-caption__source``
  ("(Bild: …)"). Title, author, date and topics come right from the page's JSON-LD.

Raw-text dumps: the headline is the last item of the breadcrumb list, repeated
unindented; the byline is "Von" followed by a list of names; the dateline is
"19.04.2024 13:37 Uhr", or the bare time ("13:37 Uhr") on the day of publication;
credits are lines of their own ("(Bild: …)") under the caption line. The text ends at
"Beitrag kommentieren".
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_ARTICLE = "//article[@id='meldung']"
_CONTENT = (
    _ARTICLE + "//div[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]"
)


class HeiseAdapter(SiteAdapter):
    """heise online news (``/news/…``)."""

    name = "heise"
    version = "2"
    site_name = "heise online"
    domains = ("heise.de",)
    fingerprints = (
        r"heise\.cloudimg\.io/[^\"'\s]*/_www-heise-de_/",
        r"Kurzlink: https?://heise\.de/-\d+",
        r"Copyright © \d{4} Heise Medien",
    )
    """heise's image CDN path, and the dump's short link and copyright lines."""
    site_timezone = "Europe/Berlin"
    layouts = (
        Layout(
            name="meldung",
            fingerprint=_CONTENT,
            body=_CONTENT,
            exclude=_CONTENT + "//*[contains(@class, 'ad-label') or contains(@class, 'ad--')"
            " or self::a-paternoster or @data-component='RecommendationBox'"
            " or self::footer or self::a-lightbox or span[contains(@class, 'redakteurskuerzel')]]",
            figures=_ARTICLE + "//figure[figcaption]",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^Anzeige$"),
            re.compile(r"^In Pocket speichern\b"),
            re.compile(r"^Lesezeit: \d+ Min\.$"),
            re.compile(r"^\([a-z]{2,4}\)$"),
        ),
        short_url=re.compile(r"Kurzlink: (?P<url>https?://heise\.de/-\d+)"),
        end_of_body=re.compile(r"^Beitrag kommentieren\b"),
        boxes=(Box(re.compile(r"^Lesen Sie auch$"), lines=3),),
        caption_credit=re.compile(r"^\(Bild:\s*(?P<credit>.+)\)$"),
        alt_above=True,
        dateline=re.compile(r"^(?:\d{1,2}\.\d{1,2}\.\d{4},? )?\d{1,2}:\d{2} Uhr$"),
        byline=re.compile(r"^Von(?P<names>)$"),
        headline="topmost",
        header_lines=6,
        standfirst="below_headline",
    )
