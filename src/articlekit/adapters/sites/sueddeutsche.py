"""Süddeutsche Zeitung (sueddeutsche.de): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article-app`` (2023–2024): the React page (``div#article-app-container``) with
  ``article[@data-testid='article']``; class names are generated (``css-…``), so the
  rules use ``data-testid`` and ``itemprop``. The text is
  ``div[@itemprop='articleBody']`` with ad tiles (``iqdcontainer``), teaser boxes
  (nested ``<article>``) and newsletter boxes between the paragraphs; pictures are
  ``<figure>`` with the credit in the caption's ``<small>`` ("(Foto: …)").

Title, author, date, lead and topics come right from the page's metadata.

Raw-text dumps: the breadcrumb ("Home", sections, then the article's SEO title) stands
above the displayed headline "Kicker:Title"; the dateline is "29. September 2024,
17:27 Uhr"; the byline is "Von <name>" (or "Kolumne von" with the name on the next
line); captions follow a "(BUTTON) Detailansicht öffnen" line (credits are not shown);
teasers inside the text are "Kicker" / ":Title" / teaser text / "Von …", newsletter
boxes "<name>" / "Newsletter abonnieren" / "<name>" / pitch; the text ends at
"© SZ …".
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_ARTICLE = "//article[@data-testid='article']"
_BODY = _ARTICLE + "//div[@itemprop='articleBody']"

_BYLINE = re.compile(
    r"^(?:(?:Kolumne|Kommentar|Glosse|Interview|Rezension|Essay|Analyse|Reportage) )?"
    r"[Vv]on(?: (?P<names>.+))?$"
)
"""The byline; after a label such as "Kolumne von" the names are on the next line."""


class SueddeutscheAdapter(SiteAdapter):
    """Süddeutsche Zeitung (sueddeutsche.de)."""

    name = "sueddeutsche"
    version = "2"
    site_name = "Süddeutsche Zeitung"
    domains = ("sueddeutsche.de",)
    fingerprints = (
        r"<div id=\"sueddeutsche\"",
        r"#\"SZ\.de [^\"]*RSS Feed\" SZ\.de RSS Feed",
        r"© SZ[/\w]* - Rechte am Artikel können Sie hier erwerben\.",
    )
    """The page's app root, and the feed link and rights line of every dump."""
    site_timezone = "Europe/Berlin"
    layouts = (
        Layout(
            name="article-app",
            fingerprint=_BODY,
            body=_BODY,
            exclude=_BODY + "//*[contains(@class, 'iqdcontainer') or self::article"
            " or @data-testid='newsletter' or self::aside]",
            summary=_ARTICLE + "//p[@data-manual='teaserText']",
            figures=_ARTICLE + "//figure[figcaption][not(contains(@class, 'teaserable'))]",
        ),
    )
    text_rules = TextRules(
        end_of_body=re.compile(r"^© SZ\b"),
        crumbs=re.compile(r"^Home$"),
        crumb_lines="paragraphs",
        caption_after=re.compile(r"^\(BUTTON\) Detailansicht öffnen$"),
        boxes=(
            Box(re.compile(r"^:\S"), above=1, lines=1, then=_BYLINE),
            Box(re.compile(r"^Newsletter abonnieren$"), lines=2, named=True),
        ),
        dateline=re.compile(r"^\d{1,2}\. \w+ \d{4}, \d{1,2}:\d{2} Uhr$"),
        byline=_BYLINE,
        by_organizations="drop",
        standfirst="after_header",
        standfirst_chars=40,
    )
