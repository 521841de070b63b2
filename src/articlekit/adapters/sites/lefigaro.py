"""Le Figaro (lefigaro.fr): ``Document`` → ``PartialArticle``.

One page design is known:

- ``fig`` (2024–): the ``article`` holds ``h1.fig-headline``, the byline
  ``span.fig-content-metas__authors`` ("Par …"), a share bar, the lead picture
  (``figure.fig-media`` with ``span.fig-media__credits`` inside its ``figcaption``),
  the standfirst ``p.fig-standfirst``, a "Sommaire" box on live-style round-ups, and
  the text in ``div.fig-content-body`` (``p.fig-paragraph``, ``h2.fig-body-heading``),
  where "À découvrir" boxes (``div.fig-crosslinking``), "À lire aussi" links
  (``p.fig-body-link``) and ad slots are interleaved.

The byline is often a newsroom credit ("Le Figaro et AFP"), which the page's JSON-LD
declares as the author's name; it is kept as written.

Raw-text dumps (lynx) are read by the text rules: headline (not indented), "Par …",
"Publié le … / il y a … heures", the share list, the lead caption, then the standfirst.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_ARTICLE = "//article"
_BODY = _ARTICLE + "//div[contains(@class, 'fig-content-body')]"


class LeFigaroAdapter(SiteAdapter):
    """Le Figaro."""

    name = "lefigaro"
    version = "2"
    site_name = "Le Figaro"
    domains = ("lefigaro.fr",)
    fingerprints = (
        r"https?://i\.f1g\.fr/",
        r"(?m)\* Lire dans l’app\s*$",
    )
    """The image CDN ``i.f1g.fr`` (HTML) and the share list's app link (dumps)."""
    layouts = (
        Layout(
            name="fig",
            fingerprint=_BODY + "/p[contains(@class, 'fig-paragraph')]",
            body=_BODY,
            exclude=_BODY + "//div[contains(@class, 'fig-crosslinking')"
            " or contains(@class, 'fig-ad-content') or contains(@class, 'fig-premium')]"
            " | " + _BODY + "//p[contains(@class, 'fig-body-link')]"
            " | " + _BODY + "//a[contains(@class, 'fig-a11y-skip')]",
            title=_ARTICLE + "//h1",
            summary=_ARTICLE + "//p[contains(@class, 'fig-standfirst')]",
            figures=_ARTICLE + "//figure[contains(@class, 'fig-media')]",
            figure_caption="./figcaption",
            figure_credit="./figcaption//*[contains(@class, 'fig-media__credits')]",
            authors="jsonld:author.name",
            authors_verbatim=True,
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(
                r"^(?:Passer la publicité|Publicité|Lien copié|"
                r"\(BUTTON\) Afficher plus|\(BUTTON\) Copier le lien|Lire dans l’app)$"
            ),
            re.compile(r"^À lire aussi "),
        ),
        end_of_body=re.compile(
            r"^(?:La rédaction vous conseille|Sujets|"
            r"\(BUTTON\) Lire les \d+ commentaires)$"
        ),
        boxes=(Box(re.compile(r"^(?:À découvrir|Sommaire)$"), items=True),),
        dateline=re.compile(r"^Publié (?P<date>.+?)(?:, mis à jour .+)?$"),
        dayfirst=True,
        byline=re.compile(r"^Par (?P<names>.+)$"),
        by_organizations="whole",
        headline="topmost",
        header_lines=3,
        standfirst=re.compile(r"^[A-ZÀ-Ý0-9 ’'«»-]{4,60} - "),
        flush_left_headings=2,
        body_from_header=True,
    )
